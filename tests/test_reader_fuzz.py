"""Property-based fuzzing of the Excel and answer-file readers: whatever a vendor sends, the
result is a response or one ProcureError, never another exception. (The Word reader's fuzz
tests are in test_docx_reader.py.)"""

from __future__ import annotations

import dataclasses
import io
import zipfile
from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from procure.documents.response_xlsx import render_response_form_xlsx
from procure.errors import ProcureError
from procure.responses.model import VendorResponse
from procure.responses.reader import read_response
from procure.tender import SelectedRequirement, resolve_tender
from tests.fill import fill_xlsx_form
from tests.samples import sample_tender, shipped_release

FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


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


def reads_or_refuses(data: bytes, source: str) -> None:
    try:
        result = read_response(data, source)
    except ProcureError as exc:
        assert str(exc).startswith(source) and "\n" not in str(exc)
        return
    assert isinstance(result, VendorResponse)


_edits = st.lists(
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


@FUZZ
@given(edits=_edits)
def test_mutated_xlsx_bytes(edits):
    reads_or_refuses(apply(small_xlsx(), edits), "svar.xlsx")


@FUZZ
@given(
    edits=_edits,
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
    source = zipfile.ZipFile(io.BytesIO(small_xlsx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == member:
                data = apply(data, edits)
            target.writestr(info.filename, data)
    reads_or_refuses(out.getvalue(), "svar.xlsx")


VALID_ANSWERS = (
    "format: procure-answers/1\ntender_id: abc\nvendor: {name: A}\nanswers:\n"
    "  - {id: FKI-ORG-001, answer: Opfyldt, description: x}\n"
    "  - {id: FKI-ORG-003, answer: Delvist opfyldt, reservation: y, price: 100}\n"
)


@FUZZ
@given(edits=_edits)
def test_mutated_yaml_answer_files(edits):
    reads_or_refuses(apply(VALID_ANSWERS.encode(), edits), "svar.yaml")


@FUZZ
@given(
    document=st.recursive(
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats(allow_nan=True)
        | st.text(max_size=20),
        lambda children: (
            st.lists(children, max_size=4)
            | st.dictionaries(
                st.sampled_from(
                    [
                        "format",
                        "tender_id",
                        "vendor",
                        "answers",
                        "id",
                        "answer",
                        "name",
                        "price",
                        "x",
                    ]
                ),
                children,
                max_size=5,
            )
        ),
        max_leaves=20,
    )
)
def test_arbitrary_json_answer_files(document):
    import json

    reads_or_refuses(json.dumps(document).encode(), "svar.json")
