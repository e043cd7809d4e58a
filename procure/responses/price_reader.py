"""Reading a vendor's prices from Excel: the price sheet of a response form, or a price list
of its own (`price-list.xlsx`), as untrusted input.

The workbook is opened with formulas kept as formulas (data_only=False) and none is ever
evaluated: a unit price or quantity cell holding a formula is passed on as the formula's text
(and flagged, since it is not a number), and a total cell holding one is not a figure the
vendor stated, so it is ignored — the totals procure wrote are formulas, and procure computes
every amount itself (procure.award.prices). The table is found by its header labels, each row
by its price-line id, never by position.
"""

from __future__ import annotations

import warnings
from io import BytesIO

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from procure import forms
from procure.errors import ProcureError
from procure.i18n import t
from procure.responses.model import PriceEntry, PriceSubmission
from procure.responses.xlsx_reader import _read_metadata, _read_vendor, cell_text

HEADER_SCAN_ROWS = 100  # the price table's header sits near the top of its sheet
MAX_PRICE_ROWS = 2000  # a tender has at most 1000 price lines (tender.schema.json)

_LINE_LABELS = {
    forms.normalise_label(labels["line"]) for labels in forms.PRICE_HEADER_LABELS.values()
}


def read_price_workbook(data: bytes, source: str) -> PriceSubmission | None:
    """The prices in an .xlsx file (checked bytes, see procure.responses.package), or None
    when it holds no price table."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            workbook = load_workbook(BytesIO(data), read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many unrelated types on a broken package
        raise ProcureError.unreadable(
            source,
            t(
                "den er ikke en gyldig Excel-projektmappe (.xlsx) ({error})",
                error=type(exc).__name__,
            ),
        ) from None
    try:
        for ws in workbook.worksheets:
            if ws.title == forms.METADATA_SHEET:
                continue
            header = _find_header(ws)
            if header is None:
                continue
            entries, stated_total = _read_rows(ws, *header)
            return PriceSubmission(
                source=source,
                entries=tuple(entries),
                stated_total=stated_total,
                vendor=_read_vendor(workbook),
                metadata=_read_metadata(workbook),
            )
        return None
    finally:
        workbook.close()


# -- The table ----------------------------------------------------------------------------------


def _find_header(ws) -> tuple[int, dict[str, int]] | None:
    """The first row holding both the line and the unit price label: (row, {key: column})."""
    for number, values in enumerate(
        ws.iter_rows(max_row=HEADER_SCAN_ROWS, values_only=True), start=1
    ):
        columns: dict[str, int] = {}
        for column, value in enumerate(values, start=1):
            if isinstance(value, str):
                key = forms.PRICE_HEADER_KEYS.get(forms.normalise_label(value))
                if key is not None and key not in columns:
                    columns[key] = column
        if "line" in columns and "unit_price" in columns:
            return number, columns
    return None


def _read_rows(ws, header_row: int, columns: dict[str, int]):
    entries: list[PriceEntry] = []
    stated_total: object = None
    unit_letter = get_column_letter(columns["unit_price"])
    rows = ws.iter_rows(min_row=header_row + 1, max_row=header_row + MAX_PRICE_ROWS)
    for number, cells in enumerate(rows, start=header_row + 1):
        line = cell_text(_typed(_cell(cells, columns, "line"))).strip()
        if not line:
            label = forms.normalise_label(cell_text(_typed(_cell(cells, columns, "text"))))
            if label in forms.PRICE_TOTAL_KEYS and stated_total is None:
                stated_total = _figure(_cell(cells, columns, "total"))
            continue
        if forms.normalise_label(line) in _LINE_LABELS:  # a repeated header row
            continue
        entries.append(
            PriceEntry(
                line=line,
                unit_price=_typed(_cell(cells, columns, "unit_price")),
                quantity=_typed(_cell(cells, columns, "quantity")),
                total=_figure(_cell(cells, columns, "total")),
                location=f"{ws.title}!{unit_letter}{number}",
            )
        )
    return entries, stated_total


def _cell(cells, columns: dict[str, int], key: str):
    column = columns.get(key)
    if column is None or column > len(cells):
        return None
    return cells[column - 1]


def _typed(cell) -> object:
    """What the vendor put in the cell: a value, or a formula as its text (never run)."""
    if cell is None:
        return None
    value = cell.value
    if cell.data_type == "f":
        return str(getattr(value, "text", value))
    return value


def _figure(cell) -> object:
    """A total the vendor typed; a formula (procure's own or the vendor's) states no figure."""
    if cell is None or cell.data_type == "f":
        return None
    return cell.value
