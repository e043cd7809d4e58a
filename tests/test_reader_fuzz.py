"""Property-based fuzzing of every reader of files procure gets from others: the answer file
(YAML and JSON), the Excel and Word forms, tender.yaml and the library's YAML files. (More
Word-form fuzzing is in test_docx_reader.py.)

Whatever the file, the properties (tests/properties.py) hold: the reader returns a result or
raises a ProcureError, never another exception; the message is one line of at most 2,000
bytes in Danish and English, naming the file; each example takes at most 5 seconds. Through
the command line, a refused file exits 2 with one line and writes no report. And a file at
each size limit is read or refused within 5 seconds and 300 MB.
"""

from __future__ import annotations

import dataclasses
import io
import json
import random
import subprocess
import sys
import tempfile
import time
import zipfile
from functools import cache
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from procure.cli import main
from procure.documents.build import render_documents
from procure.documents.response_xlsx import render_response_form_xlsx
from procure.errors import ProcureError
from procure.library import validate_library_folder
from procure.responses.model import VendorResponse
from procure.responses.reader import read_response
from procure.tender import (
    SelectedRequirement,
    dump_tender,
    parse_tender,
    resolve_tender,
    save_tender,
)
from tests import limits
from tests.conftest import CASES, ROOT
from tests.fill import fill_xlsx_form
from tests.properties import PEAK_KB_SNIPPET, assert_one_short_line, reads_or_refuses
from tests.samples import SAMPLE_ID, answer_file, sample_tender, shipped_release

# Modest example counts keep the whole file near half a minute. Each example's time is checked
# by reads_or_refuses as CPU time (at most 5 s); hypothesis's wall-clock deadline would count
# the other processes of a busy test machine too.
FUZZ = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def read_answers(data: bytes, source: str) -> None:
    result = reads_or_refuses(read_response, data, source, source=source)
    assert isinstance(result, VendorResponse | ProcureError)


# Edits: bytes flipped, cut or inserted, or fragments that have broken readers put in -------

_byte_edits = st.lists(
    st.tuples(
        st.sampled_from(["flip", "delete", "insert", "truncate"]),
        st.floats(0, 1, allow_nan=False),
        st.binary(min_size=1, max_size=8),
    ),
    min_size=1,
    max_size=6,
)


def apply(data: bytes, edits) -> bytes:
    buffer = bytearray(data)
    for op, where, blob in edits:
        if not buffer:
            break
        i = int(where * (len(buffer) - 1))
        if op == "flip":
            buffer[i] ^= blob[0] or 1
        elif op == "delete":
            del buffer[i : i + len(blob)]
        elif op == "insert":
            buffer[i:i] = blob
        else:
            del buffer[i:]
    return bytes(buffer)


def fragment_edits(fragments: list[str]):
    """Insertions of hostile fragments (or short random text) at random places, each
    possibly replacing a few characters."""
    return st.lists(
        st.tuples(
            st.floats(0, 1, allow_nan=False),
            st.integers(0, 12),
            st.one_of(st.sampled_from(fragments), st.text(max_size=6)),
        ),
        min_size=1,
        max_size=6,
    )


def insert_fragments(text: str, edits) -> str:
    for where, delete, fragment in edits:
        i = int(where * len(text))
        text = text[:i] + fragment + text[i + delete :]
    return text


# What broke a YAML or JSON reader somewhere: special floats, explicit tags, aliases, deep and
# inline nesting, huge numbers, escapes of control and bidi characters, lone surrogates.
TEXT_FRAGMENTS = [
    ".nan",
    ".inf",
    "-.Inf",
    "NaN",
    "Infinity",
    "-Infinity",
    "1e400",
    "9" * 40,
    "9" * 5000,
    "!!float 1.5",
    "!!int 0x1F",
    "!!bool maybe",
    "!!binary aGVq",
    "!!timestamp 2024-01-02",
    "!!python/object:os.system x",
    "&a x",
    "*a",
    "<<: *a",
    "- " * 12,
    "? " * 12,
    "[" * 60,
    "{" * 60,
    "]",
    "}",
    "\n" + " " * 420 + "x",
    '"\\e[2J\\a"',
    '"\\u202e\\u2066"',
    '"\\ud800"',
    '"\\u001b"',
    '"\\x9b"',
    "\x1b",
    "\r",
    "\ufeff",
    "\t",
    "---\n",
    "...\n",
    "%YAML 1.2\n",
    ": ",
    ", ",
    '"',
    "'",
    "#",
    "\n",
    "x" * 200,
]


# Answer files ---------------------------------------------------------------------------------

VALID_ANSWERS = (
    "format: procure-answers/1\ntender_id: abc\nvendor: {name: A}\nanswers:\n"
    "  - {id: FKI-ORG-001, answer: Opfyldt, description: x}\n"
    "  - {id: FKI-ORG-003, answer: Delvist opfyldt, reservation: y, price: 100}\n"
)
VALID_JSON_ANSWERS = json.dumps(
    {
        "format": "procure-answers/1",
        "tender_id": "abc",
        "vendor": {"name": "A"},
        "answers": [
            {"id": "FKI-ORG-001", "answer": "Opfyldt", "description": "x"},
            {"id": "FKI-ORG-003", "answer": "Delvist opfyldt", "reservation": "y", "price": 100},
        ],
    },
    indent=1,
)


@FUZZ
@given(edits=_byte_edits)
def test_mutated_yaml_answer_files(edits):
    read_answers(apply(VALID_ANSWERS.encode(), edits), "svar.yaml")


@FUZZ
@given(edits=fragment_edits(TEXT_FRAGMENTS))
def test_yaml_answer_files_with_hostile_fragments(edits):
    read_answers(
        insert_fragments(VALID_ANSWERS, edits).encode("utf-8", "surrogatepass"), "svar.yaml"
    )


@FUZZ
@given(edits=fragment_edits([*TEXT_FRAGMENTS, '"vendor": {"name": "B"}, ', '"x": 1, "x": 2, ']))
def test_json_answer_files_with_hostile_fragments(edits):
    text = insert_fragments(VALID_JSON_ANSWERS, edits)
    read_answers(text.encode("utf-8", "surrogatepass"), "svar.json")


_documents = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20)
    | st.sampled_from([".nan", "-.inf", "9" * 40, "\x1b[2J", "\u202e", "x" * 300]),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                ["format", "tender_id", "vendor", "answers", "id", "answer", "name", "price", "x"]
            ),
            children,
            max_size=5,
        )
    ),
    max_leaves=20,
)


@FUZZ
@given(document=_documents)
def test_arbitrary_json_answer_files(document):
    read_answers(json.dumps(document).encode(), "svar.json")


@FUZZ
@given(document=_documents)
def test_arbitrary_yaml_answer_files(document):
    text = yaml.safe_dump(document, allow_unicode=True)
    read_answers(text.encode("utf-8", "surrogatepass"), "svar.yaml")


# Excel ----------------------------------------------------------------------------------------


@cache
def small_xlsx() -> bytes:
    tender = dataclasses.replace(
        sample_tender(),
        requirements=(SelectedRequirement("FKI-ORG-001"), SelectedRequirement("FKI-ORG-003")),
        custom_requirements=(),
    )
    spec = resolve_tender(tender, shipped_release())
    answers = {r.id: ("Opfyldt", "=1+1", "") for r in spec.requirements}
    return fill_xlsx_form(render_response_form_xlsx(spec), answers, {"name": "Fuzz A/S"})


def rewrite_member(data: bytes, member: str, change) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info.filename)
            if info.filename == member:
                body = change(body)
            target.writestr(info.filename, body)
    return out.getvalue()


@FUZZ
@given(edits=_byte_edits)
def test_mutated_xlsx_bytes(edits):
    read_answers(apply(small_xlsx(), edits), "svar.xlsx")


@FUZZ
@given(
    edits=_byte_edits,
    member=st.sampled_from(
        [
            "xl/workbook.xml",
            "xl/worksheets/sheet2.xml",
            "xl/sharedStrings.xml",
            "docProps/custom.xml",
            "xl/styles.xml",
        ]
    ),
)
def test_mutated_xlsx_parts(edits, member):
    read_answers(rewrite_member(small_xlsx(), member, lambda body: apply(body, edits)), "svar.xlsx")


_cell_references = st.one_of(
    st.sampled_from(
        ["A1:Z100000", "A1:XFD1048576", "A:A", "1:1", "&#65;1:&#90;99999", "B2", "AA16409:XFD623"]
    ),
    st.builds(
        lambda c1, r1, c2, r2: f"{c1}{r1}:{c2}{r2}",
        st.sampled_from(["A", "B", "Z", "AA", "XFD"]),
        st.integers(1, 1_048_576),
        st.sampled_from(["A", "C", "ZZ", "XFD"]),
        st.integers(1, 1_048_576),
    ),
    st.text(max_size=12),
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    merged=st.lists(_cell_references, max_size=4),
    linked=st.lists(_cell_references, max_size=3),
)
# Found by this test: a backwards range counted as a negative area let the next one through
@example(merged=[], linked=["AA16409:XFD623", "B1424:ZZ5064"])
def test_merged_ranges_and_hyperlinks_never_make_openpyxl_build_millions_of_cells(merged, linked):
    def add_ranges(body: bytes) -> bytes:
        sheet = body.decode()
        merges = "".join(f'<mergeCell ref="{ref}"/>' for ref in merged)
        links = "".join(f'<hyperlink ref="{ref}" location="A1"/>' for ref in linked)
        extra = (f"<mergeCells>{merges}</mergeCells>" if merged else "") + (
            f"<hyperlinks>{links}</hyperlinks>" if linked else ""
        )
        sheet = sheet.replace("<mergeCells", "<oldMergeCells").replace(
            "</mergeCells>", "</oldMergeCells>"
        )
        return sheet.replace("</sheetData>", "</sheetData>" + extra, 1).encode()

    read_answers(rewrite_member(small_xlsx(), "xl/worksheets/sheet2.xml", add_ranges), "svar.xlsx")


@FUZZ
@given(row=st.integers(1, 1_048_576), column=st.sampled_from(["A", "Z", "AAA", "XFD"]))
def test_a_cell_anywhere_in_the_sheet_is_read_at_once(row, column):
    far = f'<row r="{row}"><c r="{column}{row}" t="inlineStr"><is><t>x</t></is></c></row>'
    data = rewrite_member(
        small_xlsx(),
        "xl/worksheets/sheet2.xml",
        lambda xml: xml.replace(b"</sheetData>", far.encode() + b"</sheetData>", 1),
    )
    started = time.process_time()
    read_answers(data, "svar.xlsx")
    assert time.process_time() - started < limits.seconds(1)


# Word -----------------------------------------------------------------------------------------


@cache
def small_docx() -> bytes:
    tender = dataclasses.replace(
        sample_tender(),
        requirements=(SelectedRequirement("FKI-ORG-001"), SelectedRequirement("FKI-ORG-003")),
        custom_requirements=(),
    )
    return render_documents(resolve_tender(tender, shipped_release()))["response-form.docx"]


_prologs = st.sampled_from(
    [
        "",
        "<!DOCTYPE w:document>",
        '<!DOCTYPE d [<!ENTITY x "y">]>',
        '<!DOCTYPE d SYSTEM "file:///etc/passwd">',
        "<!-- note -->",
    ]
)


@FUZZ
@given(
    member=st.sampled_from(["word/document.xml", "docProps/custom.xml", "word/styles.xml"]),
    new_name=st.sampled_from(["word/document.bin", "word/x", "data.dat", "word/DOCUMENT.XML"]),
    update_references=st.booleans(),
    prolog=_prologs,
    encoding=st.sampled_from(["utf-8", "utf-16", "utf-16-be", "utf-32", "cp037"]),
)
def test_renamed_parts_in_any_encoding_are_screened(
    member, new_name, update_references, prolog, encoding
):
    source = zipfile.ZipFile(io.BytesIO(small_docx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            name, body = info.filename, source.read(info)
            if name == member:
                name = new_name
                text = body.decode("utf-8")
                end = text.index("?>") + 2
                text = text[:end] + prolog + text[end:]
                declared = text.replace('encoding="UTF-8"', f'encoding="{encoding}"', 1)
                body = declared.encode(encoding)
            elif update_references and name in ("[Content_Types].xml", "_rels/.rels"):
                body = body.replace(("/" + member).encode(), ("/" + new_name).encode())
                body = body.replace(member.encode(), new_name.encode())
            target.writestr(name, body)
    result = reads_or_refuses(read_response, out.getvalue(), "svar.docx", source="svar.docx")
    if prolog.startswith("<!DOCTYPE"):
        # A declaration is never read, whatever the part is called or how it is encoded.
        assert isinstance(result, ProcureError)


# tender.yaml ----------------------------------------------------------------------------------


@cache
def tender_text() -> str:
    return dump_tender(sample_tender())


@FUZZ
@given(edits=fragment_edits(TEXT_FRAGMENTS))
def test_tender_files_with_hostile_fragments(edits):
    text = insert_fragments(tender_text(), edits)
    reads_or_refuses(parse_tender, text, "udbud.yaml", source="udbud.yaml")


# The library's YAML files ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def fuzz_library(tmp_path_factory) -> Path:
    import shutil

    folder = tmp_path_factory.mktemp("fuzz") / "lib"
    shutil.copytree(CASES / "valid" / "minimal", folder)
    return folder


@FUZZ
@given(
    edits=fragment_edits(TEXT_FRAGMENTS + ["  - id: FKI-ORG-001\n", "    weight: 7\n"]),
    file=st.sampled_from(["requirements/organisation.yaml", "integrations.yaml", "library.yaml"]),
)
def test_library_files_with_hostile_fragments(fuzz_library, edits, file):
    path = fuzz_library / file
    original = (CASES / "valid" / "minimal" / file).read_text("utf-8")
    path.write_bytes(insert_fragments(original, edits).encode("utf-8", "surrogatepass"))
    try:
        report = reads_or_refuses(validate_library_folder, fuzz_library, source=str(fuzz_library))
        if not isinstance(report, ProcureError):
            for problem in report.problems:
                for lang in ("da", "en"):
                    assert_one_short_line(problem.text(lang), str(fuzz_library))
    finally:
        path.write_text(original, "utf-8")


# Through the command line: exit 2 and one line, or a verdict and a report --------------------


@pytest.fixture(scope="module")
def cli_tender(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "tender.yaml"
    save_tender(sample_tender(), path)
    return path


@cache
def full_answer_file() -> str:
    return answer_file(sample_tender()).decode()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits=fragment_edits(TEXT_FRAGMENTS), suffix=st.sampled_from([".yaml", ".json", ".docx"]))
def test_check_exits_2_with_one_line_and_writes_nothing_for_a_bad_file(cli_tender, edits, suffix):
    with tempfile.TemporaryDirectory() as folder:
        response = Path(folder) / f"svar{suffix}"
        report = Path(folder) / "notat.docx"
        text = full_answer_file()
        if suffix == ".json":
            text = json.dumps(yaml.safe_load(text), indent=1)
        response.write_bytes(insert_fragments(text, edits).encode("utf-8", "surrogatepass"))
        out, err = io.StringIO(), io.StringIO()
        from contextlib import redirect_stderr, redirect_stdout

        with redirect_stdout(out), redirect_stderr(err):
            code = main(["check", str(cli_tender), str(response), "--report", str(report)])
        if code == 2:
            assert out.getvalue() == ""
            assert err.getvalue().count("\n") == 1
            assert_one_short_line(err.getvalue().rstrip("\n"), "procure: ")
            assert not report.exists()
        else:
            assert code in (0, 1) and err.getvalue() == ""
            assert report.read_bytes().startswith(b"PK")
            for line in out.getvalue().splitlines():
                assert_one_short_line(line)
        assert sorted(p.name for p in Path(folder).iterdir()) == sorted(
            [response.name] + ([report.name] if code != 2 else [])
        )


# Files at the size limits: read or refused within 5 s (of CPU time) and 300 MB ---------------

MIB = 1024 * 1024
_PROBE = (
    PEAK_KB_SNIPPET
    + """
import sys, time
from pathlib import Path
from procure.errors import ProcureError
kind, path = sys.argv[1], Path(sys.argv[2])
started = time.process_time()
try:
    if kind == "response":
        from procure.responses.reader import read_response
        read_response(path)
    elif kind == "tender":
        from procure.tender import load_tender
        load_tender(path)
    else:
        from procure.library.validation import parse_and_check_file
        _, problems = parse_and_check_file(path, "requirements.schema.json")
        if problems:
            raise ProcureError(str(problems[0]))
    outcome = "read"
except ProcureError as error:
    outcome = "refused: " + str(error)
seconds = time.process_time() - started
print(round(seconds, 2), peak_kb() // 1024)
print(outcome)
"""
)


def _lines(unit: str, size: int, head: str = "") -> str:
    return head + unit * ((size - len(head)) // len(unit))


def _random_words(count: int, seed: int = 1) -> list[str]:
    generator = random.Random(seed)
    return ["".join(generator.choices("abcdefghijklmnop", k=5)) for _ in range(count)]


def _word_package(elements: int) -> bytes:
    """A response form with a second answer table of about `elements` elements: rows of an id
    and an answer of random text (so the zip-bomb ratio does not refuse it first), all of which
    the reader reads."""
    cell = "<w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>"
    words = _random_words(elements // 11)
    rows = "".join(
        "<w:tr>" + cell.format(f"X-{word}") + cell.format(word) + "</w:tr>" for word in words
    )
    table = "<w:tbl><w:tr>" + cell.format("Krav-ID") + cell.format("Besvarelse") + "</w:tr>"
    return rewrite_member(
        small_docx(),
        "word/document.xml",
        lambda xml: xml.replace(b"<w:body>", b"<w:body>" + (table + rows + "</w:tbl>").encode(), 1),
    )


def _sheet_package(rows: int) -> bytes:
    words = _random_words(rows)
    cells = "".join(
        f'<row r="{200 + i}"><c r="A{200 + i}" t="inlineStr"><is><t>{word}</t></is></c></row>'
        for i, word in enumerate(words)
    )
    links = '<hyperlinks><hyperlink ref="A200:A19100" location="A1"/></hyperlinks>'
    return rewrite_member(
        small_xlsx(),
        "xl/worksheets/sheet2.xml",
        lambda xml: xml.replace(
            b"</sheetData>", cells.encode() + b"</sheetData>" + links.encode(), 1
        ),
    )


def _largest_answer_file() -> str:
    """An answer file of 25 MB (the upload cap) with as many answers as a list may hold,
    25,000, each with every field."""
    head = f"format: procure-answers/1\ntender_id: {SAMPLE_ID}\nvendor: {{name: A}}\nanswers:\n"
    per_answer = (25 * MIB - len(head)) // 25_000
    item = "- id: X-{i:05d}\n  answer: Delvist opfyldt\n  reservation: Pris 100 kr.\n  price: 100\n"
    padding = per_answer - len(item.format(i=0)) - len("  description: \n")
    return head + "".join(
        item.format(i=i) + "  description: " + "d" * padding + "\n" for i in range(25_000)
    )


def _largest_tender() -> str:
    """A tender of 10 MB (its cap) with as many requirements as the schema allows: 20,000
    chosen and 5,000 local ones, the local ones with long texts."""
    text = tender_text()
    head = text[: text.index("requirements:\n")]
    tail = text[text.index("evaluation:") :]
    chosen = "- {id: FKI-ORG-001, kind: PK, weight: 5}\n" * 20_000
    per_local = (10 * MIB - len(head.encode()) - len(tail.encode()) - len(chosen)) // 5_000
    words = "Systemet skal logge alle handlinger. "
    local = "".join(
        f"- id: LOKAL-{i}\n  area: drift\n  title: Lokalt krav {i}\n  kind: K\n  text: "
        + (words * (per_local // len(words)))[: per_local - 80]
        + "\n"
        for i in range(5_000)
    )
    return head + "requirements:\n" + chosen + "custom_requirements:\n" + local + tail


def _largest_library_file() -> str:
    """A library area file of 10 MB (its cap) holding the most requirements one file may have,
    2,000, each with long Danish and English texts."""
    per_requirement = 10 * MIB // 2_000
    sentence = "Systemet skal anvende den faelleskommunale infrastruktur til at udveksle data. "
    text = (sentence * (per_requirement // 2 // len(sentence) + 1))[: per_requirement // 2 - 400]
    item = (
        "  - id: FKI-ORG-{i:04d}\n    area: organisation\n    kind: K\n"
        "    title: {{da: Krav {i}, en: Requirement {i}}}\n"
        "    text: {{da: " + text + ", en: " + text + "}}\n"
        "    guidance: {{da: Vejledning., en: Guidance.}}\n"
        "    answer: {{da: Beskriv., en: Describe.}}\n"
        "    integrations: [organisation]\n    categories: all\n    kle: []\n"
        '    references:\n      - {{title: Udbudsloven, clause: "§ 160"}}\n'
        '    status: active\n    since: "1.0.0"\n'
    )
    return "requirements:\n" + "".join(item.format(i=i) for i in range(2_000))


AT_THE_LIMIT = {
    # 25 MB answer files: lines of values (refused by the values limit), long values just
    # within it (read, then refused by the schema), one text of 25 MB, a flat JSON list.
    "yaml-answers-many-values": (
        "response",
        "svar.yaml",
        lambda: _lines("- a\n", 25 * MIB, "answers:\n"),
    ),
    "yaml-answers-long-values": (
        "response",
        "svar.yaml",
        lambda: _lines("- " + "x" * 100 + "\n", 25 * MIB, "answers:\n"),
    ),
    "yaml-answers-largest-valid": ("response", "svar.yaml", _largest_answer_file),
    "json-answers-one-text": (
        "response",
        "svar.json",
        lambda: '{"answers": "' + "x" * (25 * MIB - 20) + '"}',
    ),
    "json-answers-many-values": (
        "response",
        "svar.json",
        lambda: "[" + "{}," * (25 * MIB // 3 - 1) + "{}]",
    ),
    "docx-many-elements": ("response", "svar.docx", lambda: _word_package(480_000)),
    "xlsx-many-cells": ("response", "svar.xlsx", lambda: _sheet_package(35_000)),
    # tender.yaml and a library file are capped at 10 MB: lists longer than any file may hold,
    # and the largest files that are valid
    "tender-long-list": (
        "tender",
        "udbud.yaml",
        lambda: _lines("- " + "x" * 40 + "\n", 10 * MIB, "requirements:\n"),
    ),
    "tender-largest-valid": ("tender", "udbud.yaml", _largest_tender),
    "library-long-list": (
        "library",
        "krav.yaml",
        lambda: _lines("  - " + "y" * 40 + "\n", 10 * MIB, "requirements:\n"),
    ),
    "library-largest-valid": ("library", "krav.yaml", _largest_library_file),
}


@pytest.mark.parametrize("case", sorted(AT_THE_LIMIT))
def test_a_file_at_the_size_limit_takes_at_most_5_s_and_300_mb(case, tmp_path):
    kind, name, make = AT_THE_LIMIT[case]
    content = make()
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    del content
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, kind, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    figures, outcome = result.stdout.splitlines()
    seconds, peak_mb = figures.split()
    print(case, seconds, "s", peak_mb, "MB", outcome[:120])  # shown with -s or on failure
    assert float(seconds) <= limits.seconds(5.0), (case, seconds, outcome)
    assert int(peak_mb) <= 300, (case, peak_mb, outcome)
    if outcome.startswith("refused: "):
        assert_one_short_line(outcome.removeprefix("refused: "), str(path))


def test_the_sample_answer_file_is_read_and_not_refused():
    """The fuzz starts from valid files: they must read, or every property above is vacuous."""
    assert (
        read_response(VALID_ANSWERS.encode(), "svar.yaml").rows[1].requirement_id == "FKI-ORG-003"
    )
    assert len(read_response(VALID_JSON_ANSWERS.encode(), "svar.json").rows) == 2
    assert parse_tender(tender_text(), "udbud.yaml").id == SAMPLE_ID
    assert read_response(small_docx(), "svar.docx").rows[0].requirement_id == "FKI-ORG-001"
    assert validate_library_folder(CASES / "valid" / "minimal").valid
    assert len(read_response(full_answer_file().encode(), "svar.yaml").rows) == len(
        sample_tender().requirements
    )
