"""An evaluator's scoring sheet (Excel): one row per bid and evaluated requirement, with the
published scale and its anchors beside the vendor's own description; the evaluator types the
points and a note, and `procure score --import` reads them back.

The sheet names its tender and evaluator in a hidden metadata sheet; the points are read as
untrusted input (formulas never evaluated, every value checked against the scale).
"""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.worksheet.datavalidation import DataValidation

from procure.award.model import AwardModel
from procure.documents.xlsx_util import HEADER_FILL, HEADER_FONT, write_text
from procure.errors import ProcureError
from procure.formats import decimal_text
from procure.i18n import t
from procure.tender.spec import TenderSpec

SHEET_FORMAT = "procure-score-sheet/1"
_META = "procure"
_LABELS = {
    "da": {
        "title": "Pointark",
        "evaluator": "Evaluator",
        "scale": "Skala",
        "vendor": "Leverandør",
        "id": "Krav-ID",
        "requirement": "Krav",
        "description": "Leverandørens beskrivelse",
        "points": "Point",
        "why": "Begrundelse",
        "prompt_title": "Point",
        "prompt": "Skriv point fra 0 til {max} med højst {decimals} decimaler.",
    },
    "en": {
        "title": "Scoring sheet",
        "evaluator": "Evaluator",
        "scale": "Scale",
        "vendor": "Vendor",
        "id": "Requirement ID",
        "requirement": "Requirement",
        "description": "The vendor's description",
        "points": "Points",
        "why": "Reason",
        "prompt_title": "Points",
        "prompt": "Enter points from 0 to {max} with at most {decimals} decimals.",
    },
}
_HEADER_ROW = 5


@dataclass(frozen=True)
class SheetRow:
    vendor: str
    requirement_id: str
    description: str = ""


def render_score_sheet(
    spec: TenderSpec, model: AwardModel, evaluator: str, rows: list[SheetRow]
) -> bytes:
    lang = spec.language
    labels = _LABELS.get(lang, _LABELS["da"])
    titles = {r.id: r.title for r in spec.requirements}
    wb = Workbook()
    ws = wb.active
    ws.title = labels["title"]
    write_text(ws.cell(1, 1), f"{labels['title']}: {spec.tender.title}")
    ws.cell(1, 1).font = Font(name="Calibri", bold=True, size=13)
    write_text(ws.cell(2, 1), f"{labels['evaluator']}: {evaluator}")
    anchors = "; ".join(
        f"{decimal_text(points, lang)} = {text}" for points, text in model.scale.anchors
    )
    scale = f"0–{model.scale.max}" + (f" ({anchors})" if anchors else "")
    write_text(ws.cell(3, 1), f"{labels['scale']}: {scale}")
    headers = ("vendor", "id", "requirement", "description", "points", "why")
    thin = Side(style="thin", color="000000")
    for col, key in enumerate(headers, start=1):
        cell = ws.cell(_HEADER_ROW, col, labels[key])
        cell.fill, cell.font = HEADER_FILL, HEADER_FONT
    wrap = Alignment(wrap_text=True, vertical="top")
    for i, row in enumerate(rows, start=_HEADER_ROW + 1):
        write_text(ws.cell(i, 1), row.vendor)
        write_text(ws.cell(i, 2), row.requirement_id)
        write_text(ws.cell(i, 3), titles.get(row.requirement_id, ""))
        write_text(ws.cell(i, 4), row.description)
        for col in range(1, 7):
            ws.cell(i, col).alignment = wrap
        for col in (5, 6):  # the evaluator's cells: a visible border, not colour alone
            ws.cell(i, col).border = Border(left=thin, right=thin, top=thin, bottom=thin)
    last = _HEADER_ROW + max(len(rows), 1)
    validation = DataValidation(
        type="decimal",
        operator="between",
        formula1="0",
        formula2=str(model.scale.max),
        allow_blank=True,
        showInputMessage=True,
        promptTitle=labels["prompt_title"],
        prompt=labels["prompt"].format(max=model.scale.max, decimals=model.scale.decimals),
    )
    validation.add(f"E{_HEADER_ROW + 1}:E{last}")
    ws.add_data_validation(validation)
    for col, width in zip("ABCDEF", (22, 14, 36, 60, 9, 40), strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = f"A{_HEADER_ROW + 1}"
    ws.print_title_rows = f"{_HEADER_ROW}:{_HEADER_ROW}"
    meta = wb.create_sheet(_META)
    for r, (key, value) in enumerate(
        (("format", SHEET_FORMAT), ("tender_id", spec.tender.id), ("evaluator", evaluator)),
        start=1,
    ):
        write_text(meta.cell(r, 1), key)
        write_text(meta.cell(r, 2), value)
    meta.sheet_state = "hidden"
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


def read_score_sheet(data: bytes, source: str, spec: TenderSpec) -> tuple[str, list[dict]]:
    """The evaluator named in the sheet and the rows with points filled in, as keyword
    arguments of `append_score` (vendor, evaluator, requirement_id, points, why)."""
    try:
        wb = load_workbook(BytesIO(data), data_only=False, read_only=False)
    except Exception:  # noqa: BLE001 - any failure to open is one message
        raise ProcureError.invalid(source, t("kan ikke åbnes som et pointark (.xlsx)")) from None
    if _META not in wb.sheetnames:
        raise ProcureError.invalid(source, t("er ikke et pointark fra procure"))
    meta = {
        str(row[0].value): str(row[1].value or "")
        for row in wb[_META].iter_rows(min_row=1, max_col=2)
        if row[0].value is not None
    }
    if meta.get("format") != SHEET_FORMAT:
        raise ProcureError.invalid(source, t("er ikke et pointark fra procure"))
    if meta.get("tender_id") != spec.tender.id:
        raise ProcureError.invalid(
            source,
            t(
                "pointarket hører til udbud {actual}, ikke {expected}",
                actual=meta.get("tender_id"),
                expected=spec.tender.id,
            ),
        )
    evaluator = meta.get("evaluator", "").strip()
    ws = wb.worksheets[0]
    rows = []
    for cells in ws.iter_rows(min_row=_HEADER_ROW + 1, max_col=6):
        vendor, rid, _title, _description, points, why = (c.value for c in cells)
        if points is None or str(points).strip() == "":
            continue
        if cells[4].data_type == "f":
            raise ProcureError.invalid(
                source,
                t("række {row}: point skal være et tal, ikke en formel", row=cells[4].row),
            )
        rows.append(
            {
                "vendor": str(vendor or ""),
                "evaluator": evaluator,
                "requirement_id": str(rid or ""),
                "points": points,
                "why": str(why or ""),
            }
        )
    return evaluator, rows
