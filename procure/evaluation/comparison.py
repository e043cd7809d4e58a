"""Compare several vendors: one row per requirement, one column group per vendor."""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO

from procure.evaluation.messages import reservation_status
from procure.evaluation.result import EvaluationResult
from procure.forms import ANSWER_LABELS
from procure.tender.spec import TenderSpec

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
    from procure.evaluation.report import finding_label
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
        write_text(ws.cell(header_row - 1, base), result.vendor)
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

    findings = wb.create_sheet(labels["findings"])
    _header(findings, [labels[k] for k in ("vendor", "code", "id", "message")])
    r = 2
    for result in comparison.results:
        for finding in result.findings:
            write_text(findings.cell(r, 1), result.vendor)
            write_text(findings.cell(r, 2), finding_label(finding, lang))
            write_text(findings.cell(r, 3), finding.requirement or "")
            write_text(findings.cell(r, 4), finding.message)
            findings.cell(r, 4).alignment = wrap
            r += 1
    for col, width in zip("ABCD", (24, 30, 14, 90), strict=True):
        findings.column_dimensions[col].width = width
    _print_setup(findings, "1:1")

    reservations = wb.create_sheet(labels["reservations"])
    columns = ("vendor", "id", "answer", "price", "buyer_price", "decision", "text")
    _header(reservations, [labels[k] for k in (*columns, "decided_by", "decided_at")])
    r = 2
    for result in comparison.results:
        for item in result.reservations:
            write_text(reservations.cell(r, 1), result.vendor)
            write_text(reservations.cell(r, 2), item.id)
            write_text(reservations.cell(r, 3), item.answer)
            if item.price is not None:
                reservations.cell(r, 4, float(item.price))
            if item.buyer_price is not None:
                reservations.cell(r, 5, float(item.buyer_price))
            decision = reservation_status(item, lang)
            if item.decision_reason:
                decision += f" – {item.decision_reason}"
            write_text(reservations.cell(r, 6), decision)
            write_text(reservations.cell(r, 7), item.text)
            reservations.cell(r, 7).alignment = wrap
            write_text(reservations.cell(r, 8), item.decision_by)
            write_text(reservations.cell(r, 9), moment_text(item.decision_at, lang))
            r += 1
    for col, width in zip("ABCDEFGHI", (24, 14, 16, 14, 14, 30, 70, 20, 20), strict=True):
        reservations.column_dimensions[col].width = width
    _print_setup(reservations, "1:1")

    # Who changed which points when and why (the note shows the same), one row per override
    overrides = wb.create_sheet(labels["overrides"])
    keys = ("vendor", "number", "id", "title", "computed_points", "final_points", "why")
    _header(overrides, [labels[k] for k in (*keys, "override_by", "override_at")])
    titles = {req.id: (req.number, req.title) for req in spec.requirements}
    r = 2
    for result in comparison.results:
        for verdict in result.verdicts:
            if not verdict.override_reason:
                continue
            number_text, title = titles.get(verdict.id, ("", ""))
            write_text(overrides.cell(r, 1), result.vendor)
            write_text(overrides.cell(r, 2), number_text)
            write_text(overrides.cell(r, 3), verdict.id)
            write_text(overrides.cell(r, 4), title)
            if verdict.computed_points is not None:
                overrides.cell(r, 5, float(verdict.computed_points))
            if verdict.final_points is not None:
                overrides.cell(r, 6, float(verdict.final_points))
            write_text(overrides.cell(r, 7), verdict.override_reason)
            write_text(overrides.cell(r, 8), verdict.override_by)
            write_text(overrides.cell(r, 9), moment_text(verdict.override_at, lang))
            for col in (4, 7):
                overrides.cell(r, col).alignment = wrap
            r += 1
    for col, width in zip("ABCDEFGHI", (24, 9, 14, 40, 10, 10, 60, 20, 20), strict=True):
        overrides.column_dimensions[col].width = width
    _print_setup(overrides, "1:1")

    wb.properties.title = xml_safe(spec.tender.title)
    wb.properties.language = WORD_LANGUAGE.get(lang, WORD_LANGUAGE["da"])
    buffer = BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _header(ws, labels: list[str]) -> None:
    """A sheet's first row: its column labels, bold on the dark header fill, repeated when
    printed (see _print_setup)."""
    from procure.documents.xlsx_util import HEADER_FILL, HEADER_FONT, WRAP_TOP

    for col, label in enumerate(labels, start=1):
        cell = ws.cell(1, col, label)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = WRAP_TOP
    ws.freeze_panes = "A2"


def _print_setup(ws, title_rows: str) -> None:
    """Landscape A4, fitted to the page width, header rows repeated on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = title_rows
