"""Compare several vendors: one row per requirement, one column group per vendor."""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO

from procure.evaluation.finding_labels import finding_label
from procure.evaluation.messages import reservation_status
from procure.evaluation.result import EvaluationResult
from procure.forms import ANSWER_LABELS
from procure.tender.spec import TenderSpec
from procure.textutil import xml_safe_line

_LABELS = {
    "da": {
        "sheet": "Sammenligning",
        "findings": "Fund",
        "reservations": "Forbehold",
        "number": "Kravnr",
        "id": "Krav-ID",
        "title": "Krav",
        "kind": "Kravtype",
        "weight": "Vægt",
        "answer": "Besvarelse",
        "verdict": "Vurdering",
        "points": "Point",
        "score": "PK-point efter svarene (til orientering)",
        "computed": "PK-point efter svarene, før justering",
        "max": "Maksimum",
        "compliant": "Konditionsmæssigt",
        "yes": "Ja",
        "no": "Nej – skal bekræftes",
        "vendor": "Leverandør",
        "code": "Fund",
        "message": "Beskrivelse",
        "overrides": "Pointjusteringer",
        "computed_points": "Beregnede point",
        "final_points": "Endelige point",
        "why": "Begrundelse",
        "override_by": "Justeret af",
        "override_at": "Tidspunkt",
        "decided_by": "Afgjort af",
        "decided_at": "Tidspunkt for afgørelsen",
        "price": "Leverandørens pris (kr., til orientering)",
        "buyer_price": "Kommunens pris (kr.)",
        "decision": "Kommunens afgørelse",
        "text": "Forbehold",
        "reservations_total": "Prissatte forbehold i alt (kr.)",
        "verdicts": {
            "ok": "Opfyldt",
            "reservation": "Forbehold",
            "failed": "Ikke opfyldt (MK)",
            "missing": "Ikke besvaret",
            "invalid": "Ugyldig besvarelse",
            "not_offered": "Ikke tilbudt",
        },
        "compliance": "Konditionsmæssighed (procures forslag; en person bekræfter)",
        "reservation_count": "{count} forbehold, {open} endnu ikke prissat af kommunen",
        "not_ranked_here": "Tilbuddene rangeres ikke her: point gives af evaluatorerne, og "
        "rangeringen følger den offentliggjorte model (procure award).",
    },
    "en": {
        "sheet": "Comparison",
        "findings": "Findings",
        "reservations": "Reservations",
        "number": "No.",
        "id": "Requirement ID",
        "title": "Requirement",
        "kind": "Type",
        "weight": "Weight",
        "answer": "Answer",
        "verdict": "Verdict",
        "points": "Points",
        "score": "PK points by the answers (information)",
        "computed": "PK points by the answers, before adjustment",
        "max": "Maximum",
        "compliant": "Compliant",
        "yes": "Yes",
        "no": "No – to be confirmed",
        "vendor": "Vendor",
        "code": "Finding",
        "message": "Description",
        "overrides": "Point overrides",
        "computed_points": "Computed points",
        "final_points": "Final points",
        "why": "Justification",
        "override_by": "Changed by",
        "override_at": "Time",
        "decided_by": "Decided by",
        "decided_at": "Time of decision",
        "price": "Vendor's price (DKK, for information)",
        "buyer_price": "Buyer's price (DKK)",
        "decision": "Buyer's decision",
        "text": "Reservation",
        "reservations_total": "Priced reservations total (DKK)",
        "verdicts": {
            "ok": "Met",
            "reservation": "Reservation",
            "failed": "Not met (MK)",
            "missing": "Not answered",
            "invalid": "Invalid answer",
            "not_offered": "Not offered",
        },
        "compliance": "Compliance (procure's proposal; a person confirms)",
        "reservation_count": "{count} reservations, {open} not yet priced by the buyer",
        "not_ranked_here": "The bids are not ranked here: the evaluators give the points, and "
        "the ranking follows the published model (procure award).",
    },
}


AMOUNT_FORMAT = "#,##0.00"  # shown with the reader's separators: 25.000,00 in Danish Excel


@dataclass(frozen=True)
class Comparison:
    """The bids side by side: compliance, reservations and answers. It ranks nothing: bids are
    ranked only by the published award model on the committee's consensus points (procure
    award), never by the vendors' own answers."""

    results: tuple[EvaluationResult, ...]

    def summary_lines(self, lang: str) -> list[str]:
        labels = _LABELS.get(lang, _LABELS["da"])
        lines = [labels["compliance"] + ":"]
        for result in self.results:
            status = labels["yes"] if result.compliant else labels["no"]
            open_count = len(result.reservations_open)
            lines.append(
                f"  {result.vendor}: {status}; "
                + labels["reservation_count"].format(
                    count=len(result.reservations), open=open_count
                )
            )
        lines.append(labels["not_ranked_here"])
        return lines


def compare_results(spec: TenderSpec, results: list[EvaluationResult]) -> Comparison:
    """The bids side by side, in the order given."""
    return Comparison(tuple(results))


def render_comparison_xlsx(spec: TenderSpec, comparison: Comparison) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    from procure.documents.docx_util import moment_text
    from procure.documents.texts import WORD_LANGUAGE
    from procure.documents.xlsx_util import HEADER_FILL, HEADER_FONT, wrapped_row_height, write_text
    from procure.textutil import xml_safe

    lang = spec.language
    labels = _LABELS.get(lang, _LABELS["da"])
    answer_labels = ANSWER_LABELS[lang]
    wb = Workbook()
    ws = wb.active
    ws.title = labels["sheet"]
    bold = Font(name="Calibri", bold=True)
    fill = HEADER_FILL
    wrap = Alignment(wrap_text=True, vertical="top")
    widths = [9, 14, 48, 9, 7] + [16, 18, 8] * len(comparison.results)

    write_text(ws.cell(1, 1), spec.tender.title)
    ws.cell(1, 1).font = Font(name="Calibri", bold=True, size=13)
    fixed = [labels[k] for k in ("number", "id", "title", "kind", "weight")]
    header_row = 3
    for col, text in enumerate(fixed, start=1):
        ws.cell(header_row, col, text).font = bold
    for v, result in enumerate(comparison.results):
        base = len(fixed) + 1 + v * 3
        ws.merge_cells(
            start_row=header_row - 1, start_column=base, end_row=header_row - 1, end_column=base + 2
        )
        write_text(ws.cell(header_row - 1, base), xml_safe_line(result.vendor))
        ws.cell(header_row - 1, base).font = bold
        for k, key in enumerate(("answer", "verdict", "points")):
            ws.cell(header_row, base + k, labels[key]).font = bold
    # Every cell of a row, addressed directly: `ws[row]` would scan the whole sheet for its
    # width on each call, which made a 300 × 10 comparison quadratic.
    last_column = len(fixed) + 3 * len(comparison.results)
    columns = range(1, last_column + 1)
    for col in columns:
        cell = ws.cell(header_row, col)
        cell.fill = fill
        cell.font = HEADER_FONT

    verdicts = [{v.id: v for v in result.verdicts} for result in comparison.results]
    row = header_row + 1
    for requirement in spec.requirements:
        write_text(ws.cell(row, 1), requirement.number)
        write_text(ws.cell(row, 2), requirement.id)
        write_text(ws.cell(row, 3), requirement.title)
        ws.cell(row, 4, requirement.kind)
        if requirement.weight is not None:
            ws.cell(row, 5, requirement.weight)
        for v, by_id in enumerate(verdicts):
            base = len(fixed) + 1 + v * 3
            verdict = by_id.get(requirement.id)
            if verdict is None:
                continue
            answer = answer_labels[verdict.answer] if verdict.answer else verdict.answer_text
            write_text(ws.cell(row, base), answer)
            ws.cell(row, base + 1, labels["verdicts"].get(verdict.verdict, verdict.verdict))
            if verdict.final_points is not None:
                ws.cell(row, base + 2, float(verdict.final_points))
        cells = [ws.cell(row, col) for col in columns]
        for cell in cells:
            cell.alignment = wrap
        ws.row_dimensions[row].height = wrapped_row_height(
            [
                (str(c.value) if c.value is not None else None, widths[c.column - 1])
                for c in cells
                if c.column <= len(widths)
            ]
        )
        row += 1

    row += 1
    totals = [
        ("computed", lambda r, i: float(r.computed_score)),
        ("score", lambda r, i: float(r.score)),
        ("max", lambda r, i: r.max_score),
        ("compliant", lambda r, i: labels["yes"] if r.compliant else labels["no"]),
        ("reservations_total", lambda r, i: float(r.reservations_total)),
    ]
    for key, value in totals:
        ws.cell(row, 3, labels[key]).font = bold
        for v, result in enumerate(comparison.results):
            base = len(fixed) + 1 + v * 3
            ws.cell(row, base + 2, value(result, v)).font = bold
        row += 1

    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = ws.cell(header_row + 1, len(fixed) + 1)
    _print_setup(ws, f"{header_row - 1}:{header_row}")

    _table_sheet(
        wb.create_sheet(labels["findings"]),
        [labels[k] for k in ("vendor", "code", "id", "message")],
        (24, 30, 14, 90),
        (
            (
                xml_safe_line(result.vendor),
                finding_label(finding, lang),
                finding.requirement or "",
                finding.message,
            )
            for result in comparison.results
            for finding in result.findings
        ),
    )

    columns = ("vendor", "id", "answer", "price", "buyer_price", "decision", "text")
    _table_sheet(
        wb.create_sheet(labels["reservations"]),
        [labels[k] for k in (*columns, "decided_by", "decided_at")],
        (24, 14, 16, 16, 14, 36, 60, 20, 20),
        (
            (
                xml_safe_line(result.vendor),
                xml_safe_line(item.id),
                item.answer,
                None if item.price is None else float(item.price),
                None if item.buyer_price is None else float(item.buyer_price),
                reservation_status(item, lang)
                + (f" – {item.decision_reason}" if item.decision_reason else ""),
                item.text,
                item.decision_by,
                moment_text(item.decision_at, lang),
            )
            for result in comparison.results
            for item in result.reservations
        ),
        formats={4: AMOUNT_FORMAT, 5: AMOUNT_FORMAT},
    )

    # Who changed which points when and why (the note shows the same), one row per override
    keys = ("vendor", "number", "id", "title", "computed_points", "final_points", "why")
    titles = {req.id: (req.number, req.title) for req in spec.requirements}
    _table_sheet(
        wb.create_sheet(labels["overrides"]),
        [labels[k] for k in (*keys, "override_by", "override_at")],
        (24, 9, 14, 40, 11, 11, 60, 20, 20),
        (
            (
                result.vendor,
                titles.get(verdict.id, ("", ""))[0],
                verdict.id,
                titles.get(verdict.id, ("", ""))[1],
                None if verdict.computed_points is None else float(verdict.computed_points),
                None if verdict.final_points is None else float(verdict.final_points),
                verdict.override_reason,
                verdict.override_by,
                moment_text(verdict.override_at, lang),
            )
            for result in comparison.results
            for verdict in result.verdicts
            if verdict.override_reason
        ),
    )

    wb.properties.title = xml_safe(spec.tender.title)
    wb.properties.language = WORD_LANGUAGE.get(lang, WORD_LANGUAGE["da"])
    buffer = BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _table_sheet(ws, labels: list[str], widths, rows, formats: dict | None = None) -> None:
    """A sheet holding one table: a header row (bold on the dark fill, wrapped, frozen and
    repeated when printed) and `rows`; text is always stored as text, every cell wraps at the
    top, and each row is tall enough for its wrapped text (neither Excel nor LibreOffice fits
    row heights of a file openpyxl wrote)."""
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    from procure.documents.xlsx_util import (
        HEADER_FILL,
        HEADER_FONT,
        wrapped_row_height,
        write_text,
    )

    wrap = Alignment(wrap_text=True, vertical="top")
    for col, (label, width) in enumerate(zip(labels, widths, strict=True), start=1):
        cell = ws.cell(1, col)
        write_text(cell, label)
        cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, wrap
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.row_dimensions[1].height = wrapped_row_height(list(zip(labels, widths, strict=True)))
    row = 1
    for values in rows:
        row += 1
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row, col)
            if isinstance(value, str):
                write_text(cell, value)
            elif value is not None:
                cell.value = value
                cell.number_format = (formats or {}).get(col, "General")
            cell.alignment = wrap
        ws.row_dimensions[row].height = wrapped_row_height(
            [(v, w) for v, w in zip(values, widths, strict=True) if isinstance(v, str)]
        )
    ws.freeze_panes = "A2"
    _print_setup(ws, "1:1")


def _print_setup(ws, title_rows: str) -> None:
    """Landscape A4, fitted to the page width, header rows repeated on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = title_rows
