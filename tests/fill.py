"""Fill generated response forms the way vendors do, for round-trip tests and benchmarks."""

from __future__ import annotations

from io import BytesIO

from docx import Document
from docx.oxml.ns import qn

from procure.forms import HEADER_KEYS, VENDOR_KEYS, normalise_label


def fill_docx_form(
    data: bytes, answers: dict, vendor: dict | None = None, typed: set[str] = frozenset()
) -> bytes:
    """Answer a response-form.docx.

    `answers` maps requirement id to an answer text, or to (answer, description, reservation).
    Answers are chosen in the dropdown content control, as Word does, except for ids in
    `typed`, whose control is replaced by plain typed text.
    """
    document = Document(BytesIO(data))
    labels = HEADER_KEYS
    for table in document.tables:
        header = [labels.get(normalise_label(c.text)) for c in table.rows[0].cells]
        if "id" not in header or "answer" not in header:
            if vendor:
                _fill_vendor_table(table, vendor)
            continue
        col = {key: i for i, key in enumerate(header) if key}
        for row in table.rows[1:]:
            cells = row.cells
            rid = cells[col["id"]].text.strip()
            if rid not in answers:
                continue
            value = answers[rid]
            answer, description, reservation = (value, "", "") if isinstance(value, str) else value
            _set_answer(cells[col["answer"]], answer, typed=rid in typed)
            cells[col["description"]].text = description
            cells[col["reservation"]].text = reservation
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _set_answer(cell, answer: str, typed: bool) -> None:
    tc = cell._tc
    sdts = tc.findall(".//" + qn("w:sdt"))
    if typed or not sdts:
        for sdt in sdts:
            sdt.getparent().remove(sdt)
        cell.paragraphs[0].add_run(answer)
        return
    sdt = sdts[0]
    pr = sdt.find(qn("w:sdtPr"))
    placeholder = pr.find(qn("w:showingPlcHdr")) if pr is not None else None
    if placeholder is not None:
        pr.remove(placeholder)
    texts = sdt.find(qn("w:sdtContent")).findall(".//" + qn("w:t"))
    texts[0].text = answer
    for extra in texts[1:]:
        extra.text = ""


def _fill_vendor_table(table, vendor: dict) -> None:
    by_label = VENDOR_KEYS
    for row in table.rows:
        cells = row.cells
        if len(cells) >= 2 and normalise_label(cells[0].text) in by_label:
            key = by_label[normalise_label(cells[0].text)]
            if key in vendor:
                cells[1].text = vendor[key]


def fill_xlsx_form(data: bytes, answers: dict, vendor: dict | None = None) -> bytes:
    """Answer a response-form.xlsx as a vendor does in Excel."""
    from openpyxl import load_workbook

    workbook = load_workbook(BytesIO(data))
    labels = HEADER_KEYS
    vendor_labels = VENDOR_KEYS
    for sheet in workbook.worksheets:
        if sheet.sheet_state != "visible":
            continue
        col: dict = {}
        for row in sheet.iter_rows():
            texts = [normalise_label(str(c.value)) if c.value is not None else "" for c in row]
            if vendor and texts and texts[0] in vendor_labels and len(row) > 1:
                key = vendor_labels[texts[0]]
                if key in vendor:
                    row[1].value = vendor[key]
                continue
            if not col:
                found = {labels[t]: i for i, t in enumerate(texts) if t in labels}
                if "id" in found and "answer" in found:
                    col = found
                continue
            rid = str(row[col["id"]].value or "").strip()
            if rid in answers:
                value = answers[rid]
                answer, description, reservation = (
                    (value, "", "") if isinstance(value, str) else value
                )
                row[col["answer"]].value = answer
                row[col["description"]].value = description
                row[col["reservation"]].value = reservation
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
