"""The catalogue of hostile and odd inputs (issue 13, section 3), one case a row, run through
the command line as a user runs it.

Every refused case asserts what the user sees and relies on: exit code 2, exactly one line on
standard error naming the file (and the line, where there is one) with the words of the
problem, in Danish and in English, no Python text, fast; and that nothing was written (the
`--report` of `check`, the folder of `build`). The cases that are not refused (terminal escape
sequences in a vendor's texts) assert how the text is shown: escaped in text output, stripped
in Word and Excel, exact in JSON.
"""

from __future__ import annotations

import errno
import io
import json
import os
import shutil
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from procure import files
from procure.cli import main
from procure.documents.build import render_documents
from procure.i18n import language
from procure.tender import save_tender
from tests import limits
from tests.conftest import SHIPPED_LIBRARY
from tests.properties import PEAK_KB_SNIPPET
from tests.samples import SAMPLE_ID, sample_spec, sample_tender

MAX_MESSAGE_BYTES = 2000
PYTHON_WORDS = ("Traceback", "Error:", "Exception", "intern fejl", "internal error", "errno")


@pytest.fixture(scope="module")
def tender_file(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("tender")
    save_tender(sample_tender(), folder / "tender.yaml")
    return folder / "tender.yaml"


@pytest.fixture(scope="module")
def response_form_docx() -> bytes:
    return render_documents(sample_spec())["response-form.docx"]


# Builders: each writes the hostile file into `folder` and returns the arguments of the command
# that reads it, with "{tender}" standing for the sample tender file.


def answers_json(answers: list, **extra) -> str:
    document = {
        "format": "procure-answers/1",
        "tender_id": SAMPLE_ID,
        "vendor": {"name": "Leverandør A"},
        "answers": answers,
        **extra,
    }
    return json.dumps(document, ensure_ascii=False)


def answers_yaml(answer_line: str) -> str:
    return (
        f"format: procure-answers/1\ntender_id: {SAMPLE_ID}\nvendor: {{name: Leverandør A}}\n"
        f"answers:\n  - {answer_line}\n"
    )


def check_of(name: str, text: str | Callable[[], str]) -> Callable[[Path, bytes], list[str]]:
    """`check` of an answer file `name` holding `text` (made when the case runs if callable)."""

    def build(folder: Path, _form: bytes) -> list[str]:
        path = folder / name
        path.write_text(text() if callable(text) else text, "utf-8")
        return ["check", "{tender}", str(path), "--report", str(folder / "report.docx")]

    return build


def renamed_main_part(form: bytes, main_part: bytes | None = None, prolog: str = "") -> bytes:
    """The Word form with its main part renamed word/document.bin, [Content_Types].xml and the
    relationships updated to match, so Word and procure still find it; `prolog` goes after
    the XML declaration, `main_part` replaces the part's bytes."""
    source = zipfile.ZipFile(io.BytesIO(form))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            name, body = info.filename, source.read(info)
            if name == "word/document.xml":
                name = "word/document.bin"
                declaration_end = body.index(b"?>") + 2
                body = (
                    main_part or body[:declaration_end] + prolog.encode() + body[declaration_end:]
                )
            elif name in ("[Content_Types].xml", "_rels/.rels"):
                body = body.replace(b"word/document.xml", b"word/document.bin")
            elif name == "word/_rels/document.xml.rels":
                name = "word/_rels/document.bin.rels"
            target.writestr(name, body)
    return out.getvalue()


def docx_check(transform: Callable[[bytes], bytes]) -> Callable[[Path, bytes], list[str]]:
    def build(folder: Path, form: bytes) -> list[str]:
        path = folder / "svar.docx"
        path.write_bytes(transform(form))
        return ["check", "{tender}", str(path), "--report", str(folder / "report.docx")]

    return build


def tender_with(edit: Callable[[str], str], command: str) -> Callable[[Path, bytes], list[str]]:
    def build(folder: Path, _form: bytes) -> list[str]:
        path = folder / "udbud.yaml"
        save_tender(sample_tender(), path)
        path.write_text(edit(path.read_text("utf-8")), "utf-8")
        if command == "build":
            return ["build", str(path), "--out", str(folder / "out")]
        return ["tender", "validate", str(path)]

    return build


def with_weight(digits: str) -> Callable[[str], str]:
    def edit(text: str) -> str:
        # the second requirement: the first has a weight of its own (sample_tender)
        first = text.index("- id: ", text.index("- id: ", text.index("requirements:")) + 1)
        line_end = text.index("\n", first)
        return text[: line_end + 1] + f"  weight: {digits}\n" + text[line_end + 1 :]

    return edit


def out_link(folder: Path, _form: bytes) -> list[str]:
    link = folder / "ud"
    link.symlink_to(folder / "findes-ikke")
    tender = folder / "udbud.yaml"
    save_tender(sample_tender(), tender)
    return ["build", str(tender), "--out", str(link)]


@dataclass(frozen=True)
class Refused:
    """A hostile input and what the one line says about it."""

    build: Callable[[Path, bytes], list[str]]
    where: str  # the start of the message: the file name, and ":line" where there is one
    danish: tuple[str, ...]
    english: tuple[str, ...]
    seconds: float = 5.0


BIG = 100_000
CASES = {
    # 1. Too much: refused before any schema validation, by the documented limits.
    "100000-answers-json": Refused(
        check_of(
            "svar.json",
            lambda: answers_json([{"id": f"X-{i}", "answer": "Opfyldt"} for i in range(BIG)]),
        ),
        "svar.json: ",
        ("over 300000 værdier", "filen afvises"),
        ("over 300000 values", "the file is refused"),
        seconds=1.0,
    ),
    "30000-answers-json": Refused(
        check_of("svar.json", lambda: answers_json([{"id": "X", "answer": "Opfyldt"}] * 30_000)),
        "svar.json: ",
        ("listen 'answers' har 30000 punkter; højst 25000 er tilladt",),
        ("the list 'answers' has 30000 items; at most 25000 are allowed",),
        seconds=1.0,
    ),
    "deep-nesting-json": Refused(
        check_of("svar.json", '{"answers": ' + "[" * 5000 + "]" * 5000 + "}"),
        "svar.json:1: ",
        ("indlejret mere end 50 niveauer",),
        ("nested more than 50 levels",),
    ),
    "deep-block-nesting-yaml": Refused(
        # 30,000 nested block sequences on one line crashed libyaml's composer (SIGSEGV)
        check_of("svar.yaml", "- " * 30_000 + "x\n"),
        "svar.yaml:1: ",
        ("indlejret mere end 50 niveauer",),
        ("nested more than 50 levels",),
    ),
    "long-text-yaml": Refused(
        check_of(
            "svar.yaml", answers_yaml(f"{{id: A, answer: Opfyldt, description: {'x' * 200_000}}}")
        ),
        "svar.yaml:5: ",
        ("teksten er 200000 tegn lang; højst 100000",),
        ("the text is 200000 characters long; at most 100000",),
    ),
    "schema-error-quotes-little": Refused(
        check_of("svar.json", answers_json([], vendor="x" * 90_000)),
        "svar.json: ",
        ("feltet 'vendor' skal være en samling af felter", "..."),
        ("the field 'vendor' must be", "..."),
    ),
    # 2. A duplicate key in JSON, as YAML already refused it.
    "duplicate-key-json": Refused(
        check_of(
            "svar.json",
            '{"format": "procure-answers/1",\n "tender_id": "x",\n "vendor": {"name": "A"},\n'
            ' "answers": [],\n "vendor": {"name": "B"}}',
        ),
        "svar.json:5: ",
        ("nøglen 'vendor' står to gange (også på linje 3)",),
        ("the key 'vendor' appears twice (also on line 3)",),
    ),
    # 3. Not a number, as a price or anywhere in JSON.
    "nan-price-json": Refused(
        check_of(
            "svar.json",
            answers_json([{"id": "A", "answer": "Opfyldt", "price": "P"}]).replace('"P"', "NaN"),
        ),
        "svar.json:1: ",
        ("NaN er ikke et tal",),
        ("NaN is not a number",),
    ),
    "infinity-json": Refused(
        check_of(
            "svar.json",
            answers_json([{"id": "A", "answer": "Opfyldt", "price": "P"}]).replace(
                '"P"', "Infinity"
            ),
        ),
        "svar.json:1: ",
        ("Infinity er ikke et tal",),
        ("Infinity is not a number",),
    ),
    "minus-infinity-json": Refused(
        check_of("svar.json", '{"answers": [\n  -Infinity]}'),
        "svar.json:2: ",
        ("-Infinity er ikke et tal",),
        ("-Infinity is not a number",),
    ),
    "overflowing-float-json": Refused(
        check_of(
            "svar.json",
            answers_json([{"id": "A", "answer": "Opfyldt", "price": 1e300}]).replace(
                "1e+300", "1e400"
            ),
        ),
        "svar.json:1: ",
        ("tallet 1e400 er for stort",),
        ("the number 1e400 is too large",),
    ),
    "nan-price-yaml": Refused(
        check_of("svar.yaml", answers_yaml("{id: A, answer: Opfyldt,\n     price: .nan}")),
        "svar.yaml:6: ",
        (".nan er ikke et tal",),
        (".nan is not a number",),
    ),
    "inf-price-yaml": Refused(
        check_of("svar.yaml", answers_yaml("{id: A, answer: Delvist opfyldt, price: -.inf}")),
        "svar.yaml:5: ",
        ("-.inf er ikke et tal",),
        ("-.inf is not a number",),
    ),
    "float-tag-yaml": Refused(
        check_of("svar.yaml", answers_yaml("{id: A, answer: Opfyldt, price: !!float nan}")),
        "svar.yaml:5: ",
        ("mærket !!float er ikke tilladt",),
        ("the tag !!float is not allowed",),
    ),
    # 4. A number too long for Python's int(): a clear line, with file:line.
    "5000-digits-json": Refused(
        check_of("svar.json", '{"answers": [\n  ' + "7" * 5000 + "]}"),
        "svar.json:2: ",
        ("tallet har 5000 cifre; højst 30",),
        ("the number has 5000 digits; at most 30",),
    ),
    "5000-digits-tender-validate": Refused(
        tender_with(with_weight("9" * 5000), "validate"),
        "udbud.yaml:",
        ("tallet har 5000 cifre; højst 30", "anførselstegn"),
        ("the number has 5000 digits; at most 30", "quotes"),
    ),
    "5000-digits-tender-build": Refused(
        tender_with(with_weight("9" * 5000), "build"),
        "udbud.yaml:",
        ("tallet har 5000 cifre",),
        ("the number has 5000 digits",),
    ),
    "nan-weight-tender": Refused(
        tender_with(with_weight(".nan"), "validate"),
        "udbud.yaml:",
        (".nan' er ikke et tal",),
        (".nan' is not a number",),
    ),
    # 6. Every part parsed as XML is screened, whatever its name.
    "doctype-in-renamed-main-part": Refused(
        docx_check(
            lambda form: renamed_main_part(
                form, prolog='<!DOCTYPE w:document [<!ENTITY x "Opfyldt">]>'
            )
        ),
        "svar.docx: ",
        ("delen word/document.bin indeholder en DOCTYPE- eller ENTITY-erklæring",),
        ("the part word/document.bin contains a DOCTYPE or ENTITY declaration",),
    ),
    "doctype-in-renamed-utf16-main-part": Refused(
        docx_check(
            lambda form: renamed_main_part(
                form,
                main_part=(
                    '<?xml version="1.0" encoding="UTF-16"?>'
                    '<!DOCTYPE d [<!ENTITY x "y">]><d>&x;</d>'
                ).encode("utf-16"),
            )
        ),
        "svar.docx: ",
        ("delen word/document.bin indeholder en DOCTYPE- eller ENTITY-erklæring",),
        ("the part word/document.bin contains a DOCTYPE or ENTITY declaration",),
    ),
    "doctype-after-whitespace-in-renamed-part": Refused(
        # Without an XML declaration, whitespace may come first: a parser reads this too
        docx_check(
            lambda form: renamed_main_part(
                form, main_part=b" " * 4000 + b'<!DOCTYPE d [<!ENTITY x "y">]><d>&x;</d>'
            )
        ),
        "svar.docx: ",
        ("delen word/document.bin indeholder en DOCTYPE- eller ENTITY-erklæring",),
        ("the part word/document.bin contains a DOCTYPE or ENTITY declaration",),
    ),
    "ebcdic-declared-main-part": Refused(
        # A declaration in EBCDIC (cp037) hides from a search for "<!DOCTYPE" in ASCII
        docx_check(
            lambda form: renamed_main_part(
                form,
                main_part=b'<?xml version="1.0" encoding="IBM037"?>'
                + '<!DOCTYPE d [<!ENTITY x "y">]><d>&x;</d>'.encode("cp037"),
            )
        ),
        "svar.docx: ",
        ("delen word/document.bin er skrevet i tegnsættet IBM037",),
        ("the part word/document.bin is written in the character set IBM037",),
    ),
    # 7. An output folder that cannot be one.
    "out-is-a-dangling-symlink": Refused(
        out_link,
        "",
        ("er et symbolsk link til", "findes-ikke", "som ikke findes; opret den mappe"),
        ("is a symbolic link to", "which does not exist; create the folder"),
    ),
}


@pytest.mark.parametrize("case_id", sorted(CASES))
def test_hostile_input_is_one_line_exit_2_and_writes_nothing(
    case_id, tmp_path, tender_file, response_form_docx, capsys
):
    case = CASES[case_id]
    args = [
        arg.replace("{tender}", str(tender_file))
        for arg in case.build(tmp_path, response_form_docx)
    ]
    before = sorted(path.name for path in tmp_path.iterdir())
    for lang, words in (("da", case.danish), ("en", case.english)):
        with language(lang):
            started = time.process_time()
            code = main(args)
            elapsed = time.process_time() - started
        out, err = capsys.readouterr()
        assert code == 2, err
        assert out == ""
        assert err.endswith("\n") and err.count("\n") == 1, err[:300]
        line = err.rstrip("\n")
        assert len(err.encode("utf-8")) <= MAX_MESSAGE_BYTES
        prefix = "procure: fejl: " if lang == "da" else "procure: error: "
        assert line.startswith(prefix), line[:200]
        message = line.removeprefix(prefix)
        if case.where:
            assert Path(message.split(": ", 1)[0].split(":")[0]).name == case.where.split(":")[0]
            assert case.where.removesuffix(": ") in message
        for word in words:
            assert word in message, (word, message)
        assert not any(word in message for word in PYTHON_WORDS), message
        assert elapsed < limits.seconds(case.seconds), f"{elapsed:.2f} s"
    # Nothing written: no report, no output folder, nothing beside them
    assert sorted(path.name for path in tmp_path.iterdir()) == before


def test_a_huge_answer_file_is_refused_without_reading_it_into_memory(tmp_path, tender_file):
    """The 100,000-answer file in a fresh process: exit 2 in well under a second of work and
    far below the 500 MB it took to validate before."""
    path = tmp_path / "svar.json"
    path.write_text(answers_json([{"id": f"X-{i}", "answer": "Opfyldt"} for i in range(BIG)]))
    probe = PEAK_KB_SNIPPET + (
        "import sys, time; from procure.cli import main; t = time.process_time(); "
        "code = main(sys.argv[1:]); print(code, time.process_time() - t, peak_kb(), "
        "file=sys.stderr)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, "check", str(tender_file), str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    message, figures = result.stderr.strip().split("\n")
    code, seconds, peak_kb = figures.split()
    print(figures)  # shown when the test fails
    assert message == (
        f"procure: fejl: {path}: filen rummer over 300000 værdier (felter og listepunkter), "
        "flere end procure læser fra én fil; filen afvises"
    )
    assert int(code) == 2
    # CPU seconds for the whole command, tender included
    assert float(seconds) < limits.seconds(1.0), figures
    assert int(peak_kb) < 200 * 1024, figures


def test_a_cell_far_away_in_a_workbook_is_read_at_once(capsys, tmp_path, tender_file):
    """A 9 KB workbook with one cell at XFD1048576 made the reader visit, and openpyxl create,
    every cell of the rectangle up to it (17 billion): it never finished. Only the cells the
    file holds are visited now."""
    spec = sample_spec()
    form = render_documents(spec)["response-form.xlsx"]
    far = (
        '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>langt væk</t></is></c></row>'
        "</sheetData>"
    )
    path = tmp_path / "svar.xlsx"
    path.write_bytes(rewrite(form, "xl/worksheets/sheet2.xml", b"</sheetData>", far.encode()))
    started = time.process_time()
    code = main(["check", str(tender_file), str(path), "--format", "json"])
    assert time.process_time() - started < limits.seconds(2)
    out, _ = capsys.readouterr()
    assert code == 1
    result = json.loads(out)
    # Nothing answered, and nothing else wrong: every requirement is read as unanswered
    assert {f["code"] for f in result["findings"]} >= {"missing_answer"}
    assert len(result["mandatory_failed"]) == sum(r.kind == "MK" for r in spec.requirements)


def rewrite(package: bytes, member: str, old: bytes, new: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(package))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info)
            target.writestr(info, body.replace(old, new, 1) if info.filename == member else body)
    return out.getvalue()


# 5. Control characters in a vendor's texts: shown escaped, stripped in documents, exact in JSON

HOSTILE_NAME = "A\x1b[2J\x1b[31mOnde\x07\rFALSK\nKonditionsmæssigt: ja\u202edne"
HOSTILE_RESERVATION = "Forbehold\x1b]0;titel\x07 med \u2066skjult\u2069 tekst\x9b"


@pytest.fixture(scope="module")
def escaped_bid(tmp_path_factory, tender_file) -> Path:
    folder = tmp_path_factory.mktemp("escape")
    spec = sample_spec()
    # one mindstekrav not met, so the verdict line procure writes is "NEJ"
    failed = next(r.id for r in spec.requirements if r.kind == "MK")
    reserved = next(r.id for r in spec.requirements if r.kind == "K")
    answers = [
        {
            "id": r.id,
            "answer": {failed: "Ikke opfyldt", reserved: "Delvist opfyldt"}.get(r.id, "Opfyldt"),
        }
        for r in spec.requirements
    ]
    next(a for a in answers if a["id"] == reserved)["reservation"] = HOSTILE_RESERVATION
    document = {
        "format": "procure-answers/1",
        "tender_id": SAMPLE_ID,
        "vendor": {"name": HOSTILE_NAME},
        "answers": [*answers, {"id": "ZZ-\x1b[5m-1", "answer": "Opfyldt"}],
    }
    path = folder / "svar.json"
    path.write_text(json.dumps(document))  # json writes the characters as \u001b etc.
    return path


UNSAFE_CHARACTERS = ("\x1b", "\x07", "\r", "\x9b", "\u202e", "\u2066", "\u2069")


def test_control_characters_are_shown_escaped_in_text_output(capsys, tender_file, escaped_bid):
    code = main(["check", str(tender_file), str(escaped_bid)])
    out, err = capsys.readouterr()
    assert code == 1 and err == ""
    assert not any(char in out for char in UNSAFE_CHARACTERS)
    lines = out.splitlines()
    assert lines[0] == (
        "Leverandør: A\\x1b[2J\\x1b[31mOnde\\x07\\rFALSK\\nKonditionsmæssigt: ja\\u202edne  "
        f"(Fil: {escaped_bid})"
    )
    # The vendor's name cannot add a line: the second line is procure's own verdict.
    assert lines[1] == "Konditionsmæssigt: NEJ"
    assert not any(line.startswith("Konditionsmæssigt: ja") for line in lines)
    assert any(
        "Forbehold\\x1b]0;titel\\x07 med \\u2066skjult\\u2069 tekst\\x9b" in line for line in lines
    )
    assert "  unknown_requirement [ZZ-\\x1b[5m-1]: " in out


def test_compare_summary_lines_are_escaped_too(capsys, tmp_path, tender_file, escaped_bid):
    out_file = tmp_path / "sammenligning.xlsx"
    assert main(["compare", str(tender_file), str(escaped_bid), "--out", str(out_file)]) == 0
    out, _ = capsys.readouterr()
    assert not any(char in out for char in UNSAFE_CHARACTERS)
    assert "A\\x1b[2J\\x1b[31mOnde\\x07\\rFALSK\\nKonditionsmæssigt: ja\\u202edne:" in out


def test_json_output_keeps_the_texts_exactly(capsys, tender_file, escaped_bid):
    main(["check", str(tender_file), str(escaped_bid), "--format", "json"])
    out, _ = capsys.readouterr()
    result = json.loads(out)
    assert result["vendor"] == HOSTILE_NAME
    assert any(r["text"].startswith(HOSTILE_RESERVATION) for r in result["reservations"])
    assert "\x1b" not in out  # json itself writes them as \u001b


def test_word_note_and_comparison_workbook_strip_them(capsys, tmp_path, tender_file, escaped_bid):
    report, workbook = tmp_path / "notat.docx", tmp_path / "sammenligning.xlsx"
    main(["check", str(tender_file), str(escaped_bid), "--report", str(report)])
    main(["compare", str(tender_file), str(escaped_bid), "--out", str(workbook)])
    capsys.readouterr()
    document = Document(str(report))
    texts = [p.text for p in document.paragraphs] + [
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    ]
    cells = [
        str(cell.value)
        for sheet in load_workbook(workbook)
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    ]
    for text in texts + cells:
        assert not any(char in text for char in UNSAFE_CHARACTERS), repr(text)
    name = "A[2J[31mOnde FALSK Konditionsmæssigt: jadne"  # one line: breaks became spaces
    assert f"Leverandør: {name}" in texts
    assert name in cells
    assert "ZZ-[5m-1" in texts and "ZZ-[5m-1" in cells
    assert any("Forbehold]0;titel med skjult tekst" in text for text in texts)


# 7. The output folder: a mount point, and where the stage is made


def test_build_stages_inside_the_output_folder(tmp_path, monkeypatch):
    """A rename works only within one file system, and a mount point is another one than its
    parent: every move must stay inside the output folder. Here os.replace fails as it does
    across devices whenever it would leave the output folder."""
    out = tmp_path / "ud"
    out.mkdir()
    real_replace = os.replace

    def replace_on_one_device(source, target):
        if Path(source).parent.parent != Path(target).parent:
            raise OSError(errno.EXDEV, "Invalid cross-device link", str(source))
        real_replace(source, target)

    monkeypatch.setattr(files.os, "replace", replace_on_one_device)
    with files.staged_output(out) as stage:
        assert stage.parent == out
        (stage / "annex.docx").write_bytes(b"bilag")
    assert [path.name for path in out.iterdir()] == ["annex.docx"]
    assert (out / "annex.docx").read_bytes() == b"bilag"


def test_a_failed_build_leaves_no_folder_and_no_stage(tmp_path):
    out = tmp_path / "ny" / "ud"
    with pytest.raises(RuntimeError), files.staged_output(out) as stage:
        (stage / "annex.docx").write_bytes(b"halvt")
        raise RuntimeError("rendering failed")
    assert not (tmp_path / "ny").exists()
    existing = tmp_path / "findes"
    existing.mkdir()
    (existing / "gammel.txt").write_text("behold")
    with pytest.raises(RuntimeError), files.staged_output(existing) as stage:
        (stage / "annex.docx").write_bytes(b"halvt")
        raise RuntimeError("rendering failed")
    assert [path.name for path in existing.iterdir()] == ["gammel.txt"]


@pytest.mark.skipif(
    os.geteuid() != 0 or not shutil.which("mount"), reason="mounting a tmpfs needs root"
)
def test_build_into_a_real_mount_point(tmp_path, capsys, tender_file):
    mount_point = tmp_path / "monteret"
    mount_point.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=16m", "procure-test", str(mount_point)],
        capture_output=True,
    )
    if mounted.returncode != 0:
        pytest.skip("no permission to mount a tmpfs here")
    try:
        assert os.stat(mount_point).st_dev != os.stat(tmp_path).st_dev
        assert main(["build", str(tender_file), "--out", str(mount_point)]) == 0
        out, err = capsys.readouterr()
        assert err == ""
        assert sorted(path.name for path in mount_point.iterdir()) == [
            "annex.docx",
            "response-form.docx",
            "response-form.xlsx",
        ]
    finally:
        subprocess.run(["umount", str(mount_point)], check=False)


def test_library_file_with_a_5000_digit_number_names_the_file_and_line(tmp_path, capsys):
    library = tmp_path / "bibliotek"
    shutil.copytree(SHIPPED_LIBRARY, library)
    area = library / "requirements" / "arkivering.yaml"
    text = area.read_text("utf-8")
    kind_line = text.index("kind: ")
    line_end = text.index("\n", kind_line)
    area.write_text(
        text[: line_end + 1] + "    weight: " + "9" * 5000 + "\n" + text[line_end + 1 :]
    )
    line = text[:line_end].count("\n") + 2
    code = main(["library", "validate", str(library)])
    out, err = capsys.readouterr()
    assert code == 1  # an invalid library, each problem on its line
    assert out == (
        f"{area}:{line}: tallet har 5000 cifre; højst 30 er tilladt (er det en tekst, så sæt "
        "det i anførselstegn)\n"
    )
    assert err == f"{library}: ugyldigt – 1 fejl\n"
    code = main(["library", "list", "--library", str(library)])
    _, err = capsys.readouterr()
    assert code == 2 and "tallet har 5000 cifre" in err and "Traceback" not in err
