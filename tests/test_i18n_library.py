"""The library's messages in English: validation problems, YAML errors, releases, the diff."""

from __future__ import annotations

import shutil

import pytest

from procure.errors import LibraryInvalid, ProcureError
from procure.i18n import language
from procure.library import (
    diff_libraries,
    load_library,
    load_release,
    validate_library_folder,
    write_release,
)
from procure.library.diff import format_diff_text
from procure.yamlio import load_yaml_text
from tests.conftest import CASES


def invalid_case(name: str, tmp_path):
    lib = tmp_path / "lib"
    shutil.copytree(CASES / "valid" / "minimal", lib)
    shutil.copytree(CASES / "invalid" / name, lib, dirs_exist_ok=True)
    (lib / "expected.txt").unlink()
    return lib


@pytest.mark.parametrize(
    ("case", "english"),
    [
        (
            "bad_kind",
            "requirements/organisation.yaml:4: [FKI-ORG-001] the field 'kind' has the value "
            "'MUST'; allowed are: MK, PK, K, O",
        ),
        (
            "dependency_cycle",
            "integrations.yaml:2: the dependencies form a cycle: "
            "organisation → adgangsstyring-systemer → organisation",
        ),
        (
            "duplicate_id",
            "requirements/organisation.yaml:17: [FKI-ORG-001] the id is used twice (also in "
            "requirements/organisation.yaml:2); an id may be used only once and never reused",
        ),
        (
            "edited_released_requirement",
            "requirements/organisation.yaml:17: [FKI-ORG-002] the requirement has changed since "
            "the release (fields: text.da); release 1.0.0 is locked: raise the version in "
            "library.yaml and add a changelog entry",
        ),
        (
            "missing_danish_text",
            "requirements/organisation.yaml:6: [FKI-ORG-001] the field 'text.da' is missing "
            "(Danish text is required)",
        ),
        ("non_utf8", "kle.yaml:3: the file is not UTF-8 (byte 0xe6); save it as UTF-8"),
        (
            "duplicate_yaml_key",
            "requirements/organisation.yaml:5: the key 'kind' appears twice (also on line 4)",
        ),
        (
            "yaml_alias_bomb",
            "kle.yaml:3: YAML aliases and anchors (*name, &name, <<:) are not allowed; "
            "write the value out in full",
        ),
    ],
)
def test_an_invalid_library_is_described_in_english(case, english, tmp_path):
    lib = invalid_case(case, tmp_path)
    report = validate_library_folder(lib)
    with language("en"):
        actual = [str(p).replace(f"{lib}/", "") for p in report.problems]
    assert actual == [english]
    # the same report in Danish, unchanged
    danish = (CASES / "invalid" / case / "expected.txt").read_text("utf-8").splitlines()
    assert [p.text("da").replace(f"{lib}/", "") for p in report.problems] == danish


def test_library_invalid_summary_names_the_first_problem_in_english(tmp_path):
    lib = invalid_case("weight_on_mk", tmp_path)
    with pytest.raises(LibraryInvalid) as exc:
        load_library(lib)
    assert exc.value.text("en").endswith(
        "[FKI-ORG-001] only prioritised requirements (PK) have a weight; remove 'weight' or "
        "make the requirement PK (it is MK)"
    )
    assert exc.value.text("en").startswith("the requirement library is invalid (1 errors); first:")


def test_yaml_errors_in_english():
    with pytest.raises(ProcureError) as exc:
        load_yaml_text("a: 1\nb: 2\na: 3\n", "t.yaml")
    assert exc.value.text("en") == "t.yaml:3: the key 'a' appears twice (also on line 1)"
    assert exc.value.text("da") == "t.yaml:3: nøglen 'a' står to gange (også på linje 1)"
    with pytest.raises(ProcureError) as exc:
        load_yaml_text("a: &x 1\nb: *x\n", "t.yaml")
    assert exc.value.text("en").endswith(
        ": YAML aliases and anchors (*name, &name, <<:) are not allowed; "
        "write the value out in full"
    )


def test_schema_type_error_with_hint_in_english(minimal_library):
    manifest = minimal_library / "library.yaml"
    manifest.write_text(
        manifest.read_text("utf-8").replace("name:", "name: 12\nold_name:", 1), "utf-8"
    )
    report = validate_library_folder(minimal_library)
    messages = [p.message for p in report.problems]
    assert any(
        m.text("en").startswith("the field 'name' must be text, not 12; put the value in quot")
        for m in messages
    ), [m.text("en") for m in messages]


def test_unknown_release_and_suggestion_in_english(minimal_library):
    write_release(load_library(minimal_library), minimal_library / "releases")
    with pytest.raises(ProcureError) as exc:
        load_release("9.9.9", minimal_library)
    assert exc.value.text("en") == (
        "the requirement library has no release '9.9.9'; released versions: 1.0.0"
    )
    library = load_library(minimal_library)
    with pytest.raises(ProcureError) as exc:
        library.requirement("FKI-ORG-01")
    assert exc.value.text("en").startswith(
        "unknown requirement 'FKI-ORG-01'; did you mean FKI-ORG-"
    )
    assert exc.value.text("da").startswith("ukendt krav 'FKI-ORG-01'; mente du FKI-ORG-")


def test_diff_text_in_english(minimal_library):
    old = load_library(minimal_library)
    with language("en"):
        assert format_diff_text(diff_libraries(old, old)) == (
            f"Changes from {old.version} to {old.version}\nNo changes to the requirements.\n"
        )
    assert format_diff_text(diff_libraries(old, old)).startswith("Ændringer fra")


def test_unknown_id_message_takes_the_kind_as_text_or_message():
    from procure.i18n import t
    from procure.library.model import unknown_id_message

    for what in ("integration", t("integration")):
        message = unknown_id_message(what, "organisationen", {"organisation": 1})
        assert message.text("da") == "ukendt integration 'organisationen'; mente du organisation?"
        assert message.text("en") == (
            "unknown integration 'organisationen'; did you mean organisation?"
        )
