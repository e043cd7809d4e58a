"""Reading a vendor's answers from an Excel response form (.xlsx).

The table is found by its header labels, not by position: vendors sort rows, add columns and
rename sheets, and any of that must still read. Only stored values are read; formulas are never
evaluated (a formula without a cached value reads as empty text). Size, zip-bomb and macro
checks happen before this module sees the bytes (procure.responses.package).
"""

from __future__ import annotations

import datetime
import json
import warnings
from collections.abc import Iterable, Iterator
from io import BytesIO
from types import MappingProxyType

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from procure import forms
from procure.errors import ProcureError
from procure.i18n import t
from procure.responses.model import AnswerRow, FormMetadata, VendorInfo, VendorResponse

VENDOR_SCAN_ROWS = 100  # the vendor block sits at the top of its sheet

_HEADER_KEYS = forms.HEADER_KEYS
_VENDOR_KEYS = forms.VENDOR_KEYS
_VENDOR_SHEETS = {forms.normalise_label(title) for title in forms.VENDOR_SHEET_TITLE.values()}
_METADATA_FIELDS = ("format", "tender_id", "library_version", "fingerprint")
_PROPERTY_FIELDS = {
    forms.PROPERTY_FORMAT: "format",
    forms.PROPERTY_TENDER_ID: "tender_id",
    forms.PROPERTY_LIBRARY_VERSION: "library_version",
    forms.PROPERTY_FINGERPRINT: "fingerprint",
}


def read_xlsx_response(data: bytes, source: str) -> VendorResponse:
    """The vendor's answers in `data` (an .xlsx file named `source`), in file order.

    Raises ProcureError when the file cannot be opened as a workbook or holds no table with the
    columns Krav-ID and Besvarelse (or their English labels).
    """
    workbook = _open_workbook(data, source)
    rows: list[AnswerRow] = []
    found_table = False
    for ws in workbook.worksheets:
        if ws.title == forms.METADATA_SHEET:
            continue
        header = _find_header(ws)
        if header is None:
            continue
        found_table = True
        rows.extend(_read_answer_rows(ws, *header))
    if not found_table:
        da, en = forms.HEADER_LABELS["da"], forms.HEADER_LABELS["en"]
        raise ProcureError.invalid(
            source,
            t(
                "filen indeholder ingen besvarelsestabel: der er ingen række med kolonnerne "
                "»{da_id}« og »{da_answer}« (eller »{en_id}« og »{en_answer}«). "
                "Brug den tilbudsliste, der fulgte med udbuddet",
                da_id=da["id"],
                da_answer=da["answer"],
                en_id=en["id"],
                en_answer=en["answer"],
            ),
        )
    return VendorResponse(
        source=source,
        file_format="xlsx",
        vendor=_read_vendor(workbook),
        metadata=_read_metadata(workbook),
        rows=tuple(rows),
    )


def _open_workbook(data: bytes, source: str) -> Workbook:
    try:
        with warnings.catch_warnings():
            # openpyxl warns about features it drops (e.g. extended validation); not the user's
            # concern, and warnings must not reach the app's output.
            warnings.simplefilter("ignore")
            return load_workbook(BytesIO(data), data_only=True, read_only=False, keep_vba=False)
    except Exception as exc:  # openpyxl raises many unrelated types on a broken package
        raise ProcureError.unreadable(
            source,
            t(
                "den er ikke en gyldig Excel-projektmappe (.xlsx), men beskadiget eller i et "
                "andet format. Gem den igen som .xlsx i Excel, eller bed leverandøren om en ny "
                "fil ({error})",
                error=type(exc).__name__,
            ),
        ) from None


# The answer table -------------------------------------------------------------------------


def _sheet_rows(
    ws: Worksheet, min_row: int = 1, max_row: int | None = None
) -> Iterator[tuple[int, dict[int, object]]]:
    """(row number, {column: value}) of every row that has cells, in order, cells in column
    order. Only the cells the file holds are visited: openpyxl's iter_rows() visits, and
    creates, every cell of the rectangle up to the last row and column used, so one cell at
    XFD1048576 would make it visit 17 billion (a merged range A37175:ZZ37175 took 67 s)."""
    rows: dict[int, dict[int, object]] = {}
    for (row, column), cell in ws._cells.items():  # openpyxl's sparse cell store
        if row >= min_row and (max_row is None or row <= max_row):
            rows.setdefault(row, {})[column] = cell.value
    for row in sorted(rows):
        yield row, dict(sorted(rows[row].items()))


def _find_header(ws: Worksheet) -> tuple[int, dict[str, int]] | None:
    """The first row holding both the id and the answer label: (row number, {key: column})."""
    for row_number, values in _sheet_rows(ws):
        columns: dict[str, int] = {}
        for column, value in values.items():
            if not isinstance(value, str):
                continue
            key = _HEADER_KEYS.get(forms.normalise_label(value))
            if key is not None and key not in columns:
                columns[key] = column
        if "id" in columns and "answer" in columns:
            return row_number, columns
    return None


def _read_answer_rows(
    ws: Worksheet, header_row: int, columns: dict[str, int]
) -> Iterable[AnswerRow]:
    id_label = {forms.normalise_label(labels["id"]) for labels in forms.HEADER_LABELS.values()}
    answer_letter = get_column_letter(columns["answer"])
    for row_number, values in _sheet_rows(ws, min_row=header_row + 1):
        requirement_id = (_column_text(values, columns, "id") or "").strip()
        # Skip group rows (no id) and a repeated header row further down.
        if not requirement_id or forms.normalise_label(requirement_id) in id_label:
            continue
        answer_text = (_column_text(values, columns, "answer") or "").strip()
        yield AnswerRow(
            requirement_id=requirement_id,
            answer_text=answer_text,
            answer=forms.parse_answer(answer_text),  # None for an empty answer
            description=(_column_text(values, columns, "description") or "").strip(),
            reservation=(_column_text(values, columns, "reservation") or "").strip(),
            requirement_text=_column_text(values, columns, "text"),
            kind_text=_column_text(values, columns, "kind"),
            location=f"{ws.title}!{answer_letter}{row_number}",
        )


def _column_text(values: dict[int, object], columns: dict[str, int], key: str) -> str | None:
    """The text in column `key` of a row; None when the table has no such column."""
    column = columns.get(key)
    if column is None:
        return None
    return cell_text(values.get(column))


def cell_text(value) -> str:
    """A stored cell value as the text a person sees in it: numbers without a trailing ".0",
    dates as ISO dates, nothing as ""."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return str(value)


# Vendor details and metadata ----------------------------------------------------------------


def _read_vendor(workbook: Workbook) -> VendorInfo:
    """Vendor fields by label (either language), the value being the next non-empty cell to
    the right. The vendor sheet is searched first; without one, every sheet's top rows."""
    sheets = [ws for ws in workbook.worksheets if forms.normalise_label(ws.title) in _VENDOR_SHEETS]
    if not sheets:
        sheets = [ws for ws in workbook.worksheets if ws.title != forms.METADATA_SHEET]
    found: dict[str, str] = {}
    for ws in sheets:
        for _, row in _sheet_rows(ws, max_row=VENDOR_SCAN_ROWS):
            values = list(row.values())  # in column order; empty cells do not count anyway
            for index, value in enumerate(values):
                if not isinstance(value, str):
                    continue
                field = _VENDOR_KEYS.get(forms.normalise_label(value))
                if field is None or field in found:
                    continue
                rest = (cell_text(v).strip() for v in values[index + 1 :])
                found[field] = next((t for t in rest if t), "")
    return VendorInfo(**found)


def _read_metadata(workbook: Workbook) -> FormMetadata:
    """The hidden sheet's stamps; the custom document properties fill what it lacks."""
    fields: dict[str, str] = {}
    stamps: dict[str, str] = {}
    if forms.METADATA_SHEET in workbook.sheetnames:
        fields, stamps = _read_metadata_sheet(workbook[forms.METADATA_SHEET])
    properties = _custom_properties(workbook)
    for name, key in _PROPERTY_FIELDS.items():
        if not fields.get(key) and properties.get(name):
            fields[key] = properties[name]
    if not stamps and properties.get(forms.PROPERTY_STAMPS):
        stamps = _stamps_from_json(properties[forms.PROPERTY_STAMPS])
    return FormMetadata(
        **{key: fields.get(key) or None for key in _METADATA_FIELDS},
        stamps=MappingProxyType(stamps),
    )


def _read_metadata_sheet(ws: Worksheet) -> tuple[dict[str, str], dict[str, str]]:
    fields: dict[str, str] = {}
    stamps: dict[str, str] = {}
    in_requirements = False
    for _, values in _sheet_rows(ws):
        key = cell_text(values.get(1)).strip()
        value = cell_text(values.get(2)).strip()
        if not key:
            continue
        if not in_requirements and key == "requirements":
            in_requirements = True
        elif in_requirements:
            stamps.setdefault(key, value)
        elif key in _METADATA_FIELDS:
            fields.setdefault(key, value)
    return fields, stamps


def _custom_properties(workbook: Workbook) -> dict[str, str]:
    properties = {}
    for prop in getattr(workbook, "custom_doc_props", None) or ():
        if prop.name and prop.value is not None:
            properties[prop.name] = cell_text(prop.value).strip()
    return properties


def _stamps_from_json(text: str) -> dict[str, str]:
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    if not isinstance(value, dict):
        return {}
    return {str(k): str(v) for k, v in value.items()}
