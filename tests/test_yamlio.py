"""The strict YAML loader: the traps of PITFALLS.md, each pinned down."""

import pytest

from procure.errors import ProcureError
from procure.yamlio import load_yaml_text, read_text_file


def test_ids_versions_dates_and_kle_numbers_stay_strings():
    data = load_yaml_text(
        "version: 1.10\nkle: 05\nemne: 15.02\nflag: no\ndate: 2024-01-02\nweight: 3\nok: true\n",
        "t.yaml",
    )
    assert data == {
        "version": "1.10",
        "kle": "05",
        "emne": "15.02",
        "flag": "no",
        "date": "2024-01-02",
        "weight": 3,
        "ok": True,
    }


def test_duplicate_key_is_an_error_with_both_lines():
    with pytest.raises(ProcureError) as exc:
        load_yaml_text("a: 1\nb: 2\na: 3\n", "t.yaml")
    assert str(exc.value) == "t.yaml:3: nøglen 'a' står to gange (også på linje 1)"


def test_alias_bomb_is_rejected_quickly():
    bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    prev = "a"
    for name in "bcdefghij":
        bomb += f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]\n"
        prev = name
    with pytest.raises(ProcureError, match="YAML-aliaser"):
        load_yaml_text(bomb, "bomb.yaml")


def test_merge_key_is_rejected():
    with pytest.raises(ProcureError, match="YAML-aliaser"):
        load_yaml_text("base: &b {x: 1}\nother:\n  <<: *b\n", "t.yaml")


def test_python_tags_are_not_constructed():
    with pytest.raises(ProcureError) as exc:
        load_yaml_text("x: !!python/object/apply:os.system ['echo hi']\n", "t.yaml")
    assert str(exc.value) == (
        "t.yaml:1: mærket !!python/object/apply:os.system er ikke tilladt her; skriv værdien "
        "uden det"
    )


def test_syntax_error_names_the_line():
    with pytest.raises(ProcureError) as exc:
        load_yaml_text("a: 1\nb: [1, 2\nc: 3\n", "t.yaml")
    assert str(exc.value).startswith("t.yaml:")
    assert "ugyldig YAML" in str(exc.value)


def test_deep_nesting_is_a_clear_error():
    with pytest.raises(ProcureError):
        load_yaml_text("[" * 100_000 + "]" * 100_000, "deep.yaml")


def test_non_utf8_file_names_the_line(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_bytes("a: 1\nb: æble\n".encode("latin-1"))
    with pytest.raises(ProcureError) as exc:
        read_text_file(path)
    assert str(exc.value) == f"{path}:2: filen er ikke UTF-8 (byte 0xe6); gem den som UTF-8"


def test_lines_are_recorded_for_keys_and_items():
    data = load_yaml_text("top:\n  - id: A\n    x: 1\n  - id: B\n", "t.yaml")
    assert data.lines["top"] == 1
    assert data["top"].lines == [2, 4]
    assert data["top"][0].lines == {"id": 2, "x": 3}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "a: 1\nb: !!float .nan\n",
            "t.yaml:2: mærket !!float er ikke tilladt her; skriv værdien uden det",
        ),
        (
            "a: !!timestamp 2024-01-02\n",
            "t.yaml:1: mærket !!timestamp er ikke tilladt her; skriv værdien uden det",
        ),
        ("a: !!int 0x1F\n", "t.yaml:1: '0x1F' er ikke et heltal"),
        ("a: !!bool ja\n", "t.yaml:1: 'ja' er hverken true eller false"),
        (
            "a: 1\nb: " + "9" * 5000 + "\n",
            "t.yaml:2: tallet har 5000 cifre; højst 30 er tilladt (er det en tekst, så sæt det i "
            "anførselstegn)",
        ),
        (
            "x:\n  y: " + "z" * 100_001 + "\n",
            "t.yaml:2: teksten er 100001 tegn lang; højst 100000 tegn er tilladt",
        ),
        ("a:\n" + "- x\n" * 25_001, "t.yaml:2: listen har 25001 punkter; højst 25000 er tilladt"),
        (
            "a:\n" + "- " * 30_000 + "x\n",
            "t.yaml:2: strukturen er indlejret mere end 50 niveauer dybt",
        ),
        (
            "a: " + "[" * 51 + "]" * 51 + "\n",
            "t.yaml:1: strukturen er indlejret mere end 50 niveauer dybt",
        ),
        ("k: {" + ", ".join(f"k{i}: v" for i in range(150_001)) + "}\n", None),
    ],
    ids=[
        "float-tag",
        "timestamp-tag",
        "int-tag",
        "bool-tag",
        "digits",
        "text",
        "list",
        "inline-depth",
        "flow-depth",
        "values",
    ],
)
def test_limits_and_tags_are_one_line_with_the_line(text, message):
    with pytest.raises(ProcureError) as exc:
        load_yaml_text(text, "t.yaml")
    if message is None:  # the values limit: counted from the events, the line where it passes
        message = (
            "t.yaml:1: filen rummer over 300000 værdier (felter og listepunkter), flere end "
            "procure læser fra én fil; filen afvises"
        )
    assert str(exc.value) == message


def test_a_quoted_bracket_in_a_text_is_not_nesting():
    text = "a: '" + "[" * 80 + "'\nb: [[1]]\n"
    assert load_yaml_text(text, "t.yaml") == {"a": "[" * 80, "b": [[1]]}


def test_fifty_levels_are_allowed():
    text = "a: " + "[" * 49 + "1" + "]" * 49 + "\n"
    value = load_yaml_text(text, "t.yaml")["a"]
    for _ in range(48):
        value = value[0]
    assert value == [1]
