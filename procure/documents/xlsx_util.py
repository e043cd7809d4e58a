"""Small helpers shared by the workbooks procure writes (response form, comparison workbook).

Two things every workbook needs and openpyxl gets wrong by default: text that looks like a
formula must stay text, and the same input must give the same bytes (openpyxl stamps the save
time into docProps/core.xml and into every zip entry).
"""

from __future__ import annotations

import datetime
import math
import os
from io import BytesIO
from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.workbook import Workbook
from openpyxl.writer.excel import ExcelWriter

from procure.textutil import xml_safe

MAX_CELL_CHARS = 32_767  # Excel's limit; longer text makes Excel "repair" the file
TRUNCATION_MARK = " […]"
MAX_ROW_POINTS = 409  # Excel's tallest row

# Shared look: dark header, pale yellow and a dark border where the vendor types, grey group
# rows.
# Fonts are named: a Font without a name prints in LibreOffice's default serif face.
FONT_NAME = "Calibri"
HEADER_FONT = Font(name=FONT_NAME, bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F3864")
GROUP_FONT = Font(name=FONT_NAME, bold=True)
GROUP_FILL = PatternFill("solid", fgColor="D9E1F2")
INPUT_FILL = PatternFill("solid", fgColor="FFF8DC")
TITLE_FONT = Font(name=FONT_NAME, bold=True, size=14)
BOLD = Font(name=FONT_NAME, bold=True)
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
UNLOCKED = Protection(locked=False)
_THIN = Side(style="thin", color="A6A6A6")
THIN_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
# Where the vendor types: a border that shows (#595959 is 7:1 on white; WCAG 1.4.11 asks 3:1),
# since the pale fill alone (1.07:1) does not mark the cells.
_INPUT_SIDE = Side(style="thin", color="595959")
INPUT_BORDER = Border(left=_INPUT_SIDE, right=_INPUT_SIDE, top=_INPUT_SIDE, bottom=_INPUT_SIDE)


def write_text(cell, value: str | None) -> None:
    """Store `value` in `cell` as plain text, never as a formula or an error value.

    openpyxl turns a string starting with "=" into a formula and "#N/A" into an error; text
    from a requirement library or a vendor must reach the reader as the same text. Control
    characters Excel cannot store are dropped, and text over Excel's cell limit is cut with a
    visible mark rather than producing a file Excel refuses.
    """
    if value is None:
        cell.value = None
        return
    text = xml_safe(value)
    if len(text) > MAX_CELL_CHARS:
        text = text[: MAX_CELL_CHARS - len(TRUNCATION_MARK)] + TRUNCATION_MARK
    cell.value = text
    # Always "s": covers = + - @ (formula-like) and error literals such as "#N/A".
    cell.data_type = "s"


def wrapped_row_height(cells: list[tuple[str | None, float]], line_points: float = 15.0) -> float:
    """A row height (points) that shows every (text, column width) pair wrapped in full.

    Neither Excel nor LibreOffice reliably fits row heights when opening a file openpyxl
    wrote (LibreOffice 7.4 printed every row one line tall), so the height is estimated. A
    width unit is one "0" of Calibri 11; Danish prose measured 1.2 characters per unit in
    LibreOffice's PDF, and 1.1 leaves room for word breaks and wide letters.
    """
    lines = 1
    for text, width in cells:
        if not text:
            continue
        per_line = max(1, int(width * 1.1))
        count = sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))
        lines = max(lines, count)
    return min(MAX_ROW_POINTS, lines * line_points + 2)


def fixed_timestamp(iso_date: str) -> datetime.datetime:
    """Midnight of an ISO date ("2026-11-26"); 1 January 2000 if the date cannot be parsed, so a
    bad date never makes output depend on the clock."""
    try:
        day = datetime.date.fromisoformat(iso_date)
    except (TypeError, ValueError):
        day = datetime.date(2000, 1, 1)
    # Zip entries can only hold dates from 1980 to 2107.
    day = min(max(day, datetime.date(1980, 1, 1)), datetime.date(2107, 12, 31))
    return datetime.datetime(day.year, day.month, day.day)


def workbook_bytes(workbook: Workbook, when: datetime.datetime) -> bytes:
    """Serialise `workbook` with every timestamp set to `when`: same workbook, same bytes."""
    workbook.properties.created = when
    workbook.properties.modified = when
    buffer = BytesIO()
    # ExcelWriter directly: openpyxl's save_workbook() overwrites `modified` with the clock.
    ExcelWriter(workbook, _FixedTimeZipFile(buffer, when)).save()
    return buffer.getvalue()


class _FixedTimeZipFile(ZipFile):
    """A zip writer that dates every entry `when` instead of the current time or, for the
    worksheets openpyxl streams through temporary files, the file's modification time."""

    def __init__(self, file, when: datetime.datetime):
        super().__init__(file, "w", ZIP_DEFLATED, allowZip64=True)
        self._date_time = when.timetuple()[:6]

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):
        if isinstance(zinfo_or_arcname, str):
            info = ZipInfo(zinfo_or_arcname, date_time=self._date_time)
            info.compress_type = ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            zinfo_or_arcname = info
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):
        with open(filename, "rb") as handle:
            data = handle.read()
        self.writestr(arcname or os.path.basename(filename), data, compress_type, compresslevel)
