"""What a person gets from a broken or hostile vendor file, as properties over generated files:
the reader gives a response or exactly one ProcureError whose message is one line of at most
2 kB naming the file, and `procure check` then exits 2 with that one line and writes nothing.

(The fuzz tests in test_reader_fuzz.py and test_docx_reader.py check that nothing else than a
ProcureError escapes; these check what the error says and what is left on disk.)
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import json
import tempfile
import zipfile
from functools import cache
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from procure.cli import main
from procure.documents.build import render_documents
from procure.errors import ProcureError
from procure.responses.model import VendorResponse
from procure.responses.reader import read_response
from procure.tender import SelectedRequirement, resolve_tender, save_tender
from tests.fill import fill_docx_form, fill_xlsx_form
from tests.samples import sample_tender, shipped_release

MAX_MESSAGE_BYTES = 2048
# A message quoting a long or multi-line value from the file is cut to one short line by
# ProcureError itself (procure.errors.MAX_MESSAGE_BYTES).
PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@cache
def _tender():
    return dataclasses.replace(
        sample_tender(),
        requirements=(SelectedRequirement("FKI-ORG-001"), SelectedRequirement("FKI-ORG-003")),
        custom_requirements=(),
    )


@cache
def _spec():
    return resolve_tender(_tender(), shipped_release())


@cache
def _valid_files() -> dict[str, bytes]:
    """One valid, filled-in answer of each format, named by its suffix."""
    spec = _spec()
    forms = render_documents(spec)
    answers = {r.id: ("Delvist opfyldt", "Beskrivelse", "Pris: 100 kr.") for r in spec.requirements}
    document = {
        "format": "procure-answers/1",
        "tender_id": spec.tender.id,
        "vendor": {"name": "Egenskab A/S"},
        "answers": [{"id": r.id, "answer": "Opfyldt"} for r in spec.requirements],
    }
    return {
        "docx": fill_docx_form(forms["response-form.docx"], answers, {"name": "Egenskab A/S"}),
        "xlsx": fill_xlsx_form(forms["response-form.xlsx"], answers, {"name": "Egenskab A/S"}),
        "yaml": yaml.safe_dump(document, allow_unicode=True).encode(),
        "json": json.dumps(document).encode(),
    }


def _refusal(data: bytes, source: str) -> ProcureError | None:
    """The one ProcureError reading `data` gives, or None when it reads; any other exception
    fails the test."""
    try:
        result = read_response(data, source)
    except ProcureError as exc:
        return exc
    assert isinstance(result, VendorResponse)
    return None


def assert_one_short_line(text: str, source: str) -> None:
    assert source in text, text[:300]
    assert "\n" not in text.strip() and "\r" not in text, text[:300]
    assert len(text.encode("utf-8")) <= MAX_MESSAGE_BYTES, (len(text.encode()), text[:300])


def assert_short(text: str) -> None:
    assert "\n" not in text.strip() and "\r" not in text, text[:300]
    assert len(text.encode("utf-8")) <= MAX_MESSAGE_BYTES, (len(text.encode()), text[:300])


# -- generated files -------------------------------------------------------------------------

_edits = st.lists(
    st.tuples(
        st.sampled_from(["flip", "delete", "insert", "truncate"]),
        st.floats(0, 1, allow_nan=False),
        st.binary(min_size=1, max_size=8),
    ),
    min_size=1,
    max_size=6,
)


def _apply(data: bytes, edits) -> bytes:
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


def _edit_member(package: bytes, pick: float, edits) -> bytes:
    """The package with one of its members (chosen by `pick`) damaged by `edits`."""
    source = zipfile.ZipFile(io.BytesIO(package))
    names = [info.filename for info in source.infolist()]
    chosen = names[int(pick * (len(names) - 1))]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in names:
            data = source.read(name)
            target.writestr(name, _apply(data, edits) if name == chosen else data)
    return out.getvalue()


# Values a hostile answer file puts where the schema wants something else: long, multi-line,
# nested, or of the wrong type.
_LONG = st.sampled_from(["x" * 5000, "linje 1\nlinje 2\r\n" * 400, "æøå\u202e\x1b[2J" * 500])
_hostile_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30) | _LONG,
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.text(max_size=10) | _LONG, children, max_size=3)
    ),
    max_leaves=8,
)


@st.composite
def _bad_answer_documents(draw) -> dict:
    document = json.loads(_valid_files()["json"])
    path = draw(
        st.sampled_from(
            [
                ("format",),
                ("tender_id",),
                ("vendor",),
                ("vendor", "name"),
                ("answers",),
                ("answers", 0),
                ("answers", 0, "id"),
                ("answers", 0, "answer"),
                ("answers", 1, "price"),
                ("answers", 1, "reservation"),
                ("answers", 0, draw(st.text(min_size=1, max_size=10) | _LONG)),
                (draw(_LONG),),
            ]
        )
    )
    target = document
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = draw(_hostile_value)
    return document


@st.composite
def generated_files(draw) -> tuple[bytes, str]:
    """(bytes, file name): a valid answer damaged in one of several ways."""
    kind = draw(st.sampled_from(["docx", "xlsx", "yaml", "json"]))
    valid = _valid_files()[kind]
    how = draw(st.sampled_from(["bytes", "member", "document", "binary"]))
    if how == "bytes":
        data = _apply(valid, draw(_edits))
    elif how == "member" and kind in ("docx", "xlsx"):
        data = _edit_member(valid, draw(st.floats(0, 1)), draw(_edits))
    elif how == "document":
        document = draw(_bad_answer_documents())
        if kind == "yaml":
            data = yaml.safe_dump(document, allow_unicode=True).encode()
        else:
            data = json.dumps(document, ensure_ascii=False).encode()
        kind = "yaml" if kind == "yaml" else "json"
    else:
        data = draw(st.binary(max_size=200))
    return data, f"bud.{kind}"


# -- the reader ------------------------------------------------------------------------------


@PROPERTY
@given(generated_files())
def test_a_refused_file_gives_one_error_of_one_short_line_naming_the_file(file):
    data, source = file
    error = _refusal(data, source)
    if error is None:
        return
    assert str(error).startswith(source)
    assert_one_short_line(str(error), source)
    assert_one_short_line(error.text("en"), source)


@pytest.mark.parametrize(
    "where, named",
    [
        (("format",), "format"),
        (("tender_id",), "tender_id"),
        (("vendor", "name"), "vendor.name"),
        (("answers", 0, "answer"), "answers[0].answer"),
        (("answers",), "answers"),
        (("vendor", "felt\nover\r\nflere linjer " * 200), "vendor"),
    ],
    ids=["format", "tender_id", "vendor-name", "answer", "answers", "multi-line-field"],
)
@pytest.mark.parametrize(
    "value",
    [["x" * 5000], 10**4000 // 7, {"a" * 3000: 1}],
    ids=["long-list", "huge-number", "long-key"],
)
def test_a_long_wrong_value_is_one_short_line_that_names_the_field(where, named, value):
    # (a number of thousands of digits may be refused by the loader before any field is known)
    document = json.loads(_valid_files()["json"])
    target = document
    for key in where[:-1]:
        target = target[key]
    target[where[-1]] = value
    error = _refusal(json.dumps(document).encode(), "bud.json")
    assert error is not None
    assert_one_short_line(str(error), "bud.json")
    assert_short(str(error))
    assert named in str(error) or isinstance(value, int)


# -- the command line ------------------------------------------------------------------------


def _run_check(folder: Path, bid: Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(
            [
                "check",
                str(folder / "tender.yaml"),
                str(bid),
                "--report",
                str(folder / "rapport.docx"),
            ]
        )
    return code, out.getvalue(), err.getvalue()


def _listing(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(generated_files())
def test_check_of_a_refused_file_exits_2_with_one_line_and_writes_nothing(file):
    data, name = file
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        save_tender(_tender(), folder / "tender.yaml")
        bid = folder / name
        bid.write_bytes(data)
        before = _listing(folder)
        code, out, err = _run_check(folder, bid)
        if _refusal(data, str(bid)) is None:
            # a file that reads gets a verdict and its report
            assert code in (0, 1) and err == "" and (folder / "rapport.docx").is_file()
            return
        assert code == 2
        assert out == ""
        assert err.startswith("procure: fejl: ")
        assert_one_short_line(err, str(bid))
        assert _listing(folder) == before


def test_check_of_a_file_with_a_huge_tender_id_exits_2_with_one_short_line(tmp_path):
    save_tender(_tender(), tmp_path / "tender.yaml")
    document = json.loads(_valid_files()["json"])
    document["tender_id"] = "x" * 100_000
    bid = tmp_path / "bud.json"
    bid.write_text(json.dumps(document), "utf-8")
    before = _listing(tmp_path)
    code, out, err = _run_check(tmp_path, bid)
    assert code == 2 and out == ""
    assert_one_short_line(err, str(bid))
    assert _listing(tmp_path) == before
    assert_short(err)
