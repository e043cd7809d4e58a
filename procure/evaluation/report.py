"""Human-readable results: the text printed by `procure check`, and the Word note."""

from __future__ import annotations

import datetime as dt
import re
from copy import deepcopy
from io import BytesIO

from procure.evaluation.comparison import Comparison
from procure.evaluation.messages import number, reservation_status, vendor_price
from procure.evaluation.result import EvaluationResult
from procure.tender.spec import TenderSpec
from procure.textutil import xml_safe

_TEXT = {
    "da": {
        "title": "Kontrol af tilbud",
        "vendor": "Leverandør",
        "file": "Fil",
        "compliant": "Konditionsmæssigt: ja (ingen mindstekrav fejler)",
        "noncompliant": "Konditionsmæssigt: NEJ",
        "reasons": "Begrundelse",
        "reservations": "Forbehold",
        "integrations": "Integrationer der ikke er dækket",
        "integrations_partly": "Integrationer der er delvist dækket (PK besvaret under Opfyldt)",
        "findings": "Fund",
        "none": "ingen",
        "vendor_price": "leverandørens pris",
        "buyer_decision": "Kommunens afgørelse",
        "checked": "Kontrolleret",
        "note_title": "Notat: kontrol af tilbud",
        "tender": "Udbud",
        "buyer": "Ordregiver",
        "case": "Sagsnummer",
        "library": "Kravbibliotek",
        "summary": "Sammenfatning",
        "pk_answers": "Prioriterede krav (PK), leverandørens svar (til orientering)",
        "not_ranked_here": "Tilbuddene rangeres ikke i dette notat: evaluatorerne giver point "
        "efter den offentliggjorte model, og tildelingen følger af den (procure award).",
        "overrides": "Manuelle pointjusteringer",
        "requirement": "Krav",
        "answer": "Besvarelse",
        "computed_points": "Beregnet",
        "final_points": "Endelig",
        "why": "Begrundelse",
        "code": "Kode",
        "message": "Beskrivelse",
        "yes": "Ja",
        "no": "Nej",
        "unanswered": "ikke besvaret",
    },
    "en": {
        "title": "Bid check",
        "vendor": "Vendor",
        "file": "File",
        "compliant": "Compliant: yes (no minimum requirement fails)",
        "noncompliant": "Compliant: NO",
        "reasons": "Reasons",
        "reservations": "Reservations",
        "integrations": "Integrations not covered",
        "integrations_partly": "Integrations partly covered (PK answered below Met)",
        "findings": "Findings",
        "none": "none",
        "vendor_price": "vendor's price",
        "buyer_decision": "Buyer's decision",
        "checked": "Checked",
        "note_title": "Note: bid check",
        "tender": "Tender",
        "buyer": "Buyer",
        "case": "Case number",
        "library": "Requirement library",
        "summary": "Summary",
        "pk_answers": "Prioritised requirements (PK), the vendor's answers (information)",
        "not_ranked_here": "The bids are not ranked in this note: the evaluators give points "
        "by the published model, and the award follows from it (procure award).",
        "overrides": "Manual point overrides",
        "requirement": "Requirement",
        "answer": "Answer",
        "computed_points": "Computed",
        "final_points": "Final",
        "why": "Justification",
        "code": "Code",
        "message": "Description",
        "yes": "Yes",
        "no": "No",
        "unanswered": "not answered",
    },
}


def pk_answer_summary(result: EvaluationResult, lang: str) -> str:
    """How the vendor answered the PKs, e.g. "5 Opfyldt, 1 Delvist opfyldt, 1 ikke besvaret":
    information for the evaluators, who score the descriptions."""
    from procure.forms import ANSWER_LABELS, Answer

    labels = ANSWER_LABELS.get(lang, ANSWER_LABELS["da"])
    words = _TEXT.get(lang, _TEXT["da"])
    counts: dict[str, int] = {}
    for verdict in result.verdicts:
        if verdict.kind != "PK":
            continue
        key = labels[verdict.answer] if verdict.answer is not None else words["unanswered"]
        counts[key] = counts.get(key, 0) + 1
    order = [labels[a] for a in (Answer.MET, Answer.PARTLY, Answer.NOT_MET)]
    order.append(words["unanswered"])
    parts = [f"{counts[k]} {k}" for k in order if counts.get(k)]
    return ", ".join(parts) or words["none"]


def format_result_text(result: EvaluationResult, lang: str = "da") -> str:
    t = _TEXT.get(lang, _TEXT["da"])
    lines = [f"{t['vendor']}: {result.vendor}  ({t['file']}: {result.source})"]
    if result.compliant:
        lines.append(t["compliant"])
    else:
        lines.append(t["noncompliant"])
        for reason in result.reasons:
            lines.append(f"  - {reason}")
    lines.append(f"{t['pk_answers']}: {pk_answer_summary(result, lang)}")
    lines.append(f"{t['reservations']}: {len(result.reservations) or t['none']}")
    for r in result.reservations:
        price = f"{t['vendor_price']}: {vendor_price(r, lang)}; {reservation_status(r, lang)}"
        lines.append(f"  - {r.id} ({r.answer}; {price}): {r.text}")
    lines.append(f"{t['integrations']}: {', '.join(result.integrations_missing) or t['none']}")
    if result.integrations_partly:
        lines.append(f"{t['integrations_partly']}: {', '.join(result.integrations_partly)}")
    lines.append(f"{t['findings']} ({len(result.findings)}):")
    for f in result.findings:
        req = f" [{f.requirement}]" if f.requirement else ""
        lines.append(f"  {f.code}{req}: {f.message}")
    lines.append("")
    lines.append(result.confirmation_note)
    return "\n".join(lines) + "\n"


def render_check_report(
    spec: TenderSpec, results: list[EvaluationResult], comparison: Comparison | None = None
) -> bytes:
    """A Word note summarising each vendor, ready to file with the tender."""
    from docx import Document
    from docx.shared import Pt

    lang = spec.language
    t = _TEXT.get(lang, _TEXT["da"])
    doc = Document()
    doc.core_properties.title = xml_safe(f"{t['note_title']} – {spec.tender.title}")
    style = doc.styles["Normal"]
    style.font.size = Pt(10)
    style.font.name = "Calibri"  # the body font of the annex; Carlito renders it on Linux
    doc.add_heading(xml_safe(f"{t['note_title']}: {spec.tender.title}"), level=0)
    facts = doc.add_table(rows=0, cols=2)
    facts.style = "Light Grid Accent 1"
    for label, value in (
        (t["tender"], f"{spec.tender.title} ({spec.tender.id})"),
        (t["buyer"], spec.tender.buyer.name),
        (t["case"], spec.tender.case_number or "–"),
        (t["library"], f"{spec.library_name} {spec.library_version}, {spec.short_fingerprint}"),
        (t["checked"], dt.date.today().isoformat()),
    ):
        cells = facts.add_row().cells
        cells[0].text, cells[1].text = label, xml_safe(value)

    doc.add_heading(t["summary"], level=1)
    summary = doc.add_table(rows=1, cols=4)
    summary.style = "Light Grid Accent 1"
    for cell, text in zip(
        summary.rows[0].cells,
        (t["vendor"], t["compliant"].split(":")[0], t["reservations"], t["pk_answers"]),
        strict=True,
    ):
        cell.text = text
    for result in results:
        cells = summary.add_row().cells
        cells[0].text = xml_safe(result.vendor)
        cells[1].text = t["yes"] if result.compliant else t["no"]
        cells[2].text = str(len(result.reservations))
        cells[3].text = pk_answer_summary(result, lang)
    doc.add_paragraph(t["not_ranked_here"])

    for result in results:
        doc.add_heading(xml_safe(f"{t['vendor']}: {result.vendor}"), level=1)
        doc.add_paragraph(xml_safe(f"{t['file']}: {result.source}"))
        doc.add_paragraph(t["compliant"] if result.compliant else t["noncompliant"])
        for reason in result.reasons:
            doc.add_paragraph(xml_safe(reason), style="List Bullet")
        doc.add_paragraph(f"{t['pk_answers']}: {pk_answer_summary(result, lang)}")
        integrations = ", ".join(result.integrations_missing) or t["none"]
        doc.add_paragraph(f"{t['integrations']}: {integrations}")
        if result.integrations_partly:
            partly = ", ".join(result.integrations_partly)
            doc.add_paragraph(f"{t['integrations_partly']}: {partly}")

        doc.add_heading(t["reservations"], level=2)
        if result.reservations:
            table = doc.add_table(rows=1, cols=5)
            table.style = "Light Grid Accent 1"
            for cell, text in zip(
                table.rows[0].cells,
                (
                    t["requirement"],
                    t["answer"],
                    t["vendor_price"].capitalize(),
                    t["buyer_decision"],
                    t["reservations"],
                ),
                strict=True,
            ):
                cell.text = text
            _add_rows(
                table,
                (
                    (
                        r.id,
                        xml_safe(r.answer),
                        vendor_price(r, lang),
                        xml_safe(
                            reservation_status(r, lang)
                            + (f" – {r.decision_reason}" if r.decision_reason else "")
                        ),
                        xml_safe(r.text),
                    )
                    for r in result.reservations
                ),
            )
        else:
            doc.add_paragraph(t["none"])

        overridden = [v for v in result.verdicts if v.override_reason]
        if overridden:
            doc.add_heading(t["overrides"], level=2)
            table = doc.add_table(rows=1, cols=4)
            table.style = "Light Grid Accent 1"
            for cell, text in zip(
                table.rows[0].cells,
                (t["requirement"], t["computed_points"], t["final_points"], t["why"]),
                strict=True,
            ):
                cell.text = text
            _add_rows(
                table,
                (
                    (
                        v.id,
                        number(v.computed_points, lang),
                        number(v.final_points, lang),
                        xml_safe(v.override_reason),
                    )
                    for v in overridden
                ),
            )

        doc.add_heading(t["findings"], level=2)
        if result.findings:
            table = doc.add_table(rows=1, cols=3)
            table.style = "Light Grid Accent 1"
            for cell, text in zip(
                table.rows[0].cells, (t["code"], t["requirement"], t["message"]), strict=True
            ):
                cell.text = text
            _add_rows(
                table,
                ((f.code, f.requirement or "", xml_safe(f.message)) for f in result.findings),
            )
        else:
            doc.add_paragraph(t["none"])
    closing = doc.add_paragraph()
    closing.paragraph_format.space_before = Pt(12)
    closing.add_run(results[0].confirmation_note if results else "").italic = True
    _set_table_widths(doc)
    buffer = BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


# Column widths (cm) by number of columns: the last column, the free text, gets the room.
_WIDTHS = {2: (4.5, 11.5), 3: (3.8, 3.0, 9.2), 4: (3.0, 3.4, 3.0, 6.6)}


def _set_table_widths(doc) -> None:
    from docx.shared import Cm

    for table in doc.tables:
        widths = _WIDTHS.get(len(table.columns))
        if widths is None:
            continue
        table.autofit = False
        for column, width in zip(table.columns, widths, strict=False):
            column.width = Cm(width)  # the grid, which LibreOffice follows
        # The cells' own XML: python-docx's row.cells works out merged cells, which these
        # tables have none of, at a cost that counts with hundreds of findings
        for tr in table._tbl.tr_lst:
            for tc, width in zip(tr.tc_lst, widths, strict=False):
                tc.width = Cm(width)


_BREAKS = re.compile(r"[\t\n\r]")


def _add_rows(table, rows) -> None:
    """Append rows of text to `table`: the XML python-docx's `add_row()` and `cell.text`
    write, made faster. A note on ten bids of 300 requirements has some 900 rows of findings
    and reservations, and python-docx takes about 0.15 ms a row and 0.05 ms a cell; here each
    row is a copy of one empty row it made."""
    empty = table.add_row()._tr
    tbl = empty.getparent()
    tbl.remove(empty)
    for values in rows:
        tr = deepcopy(empty)
        tbl.append(tr)
        for tc, text in zip(tr.tc_lst, values, strict=True):
            # What cell.text does to a new cell: its one empty paragraph gets a run, with the
            # text in one <w:t> unless tabs or line breaks have to become elements of their own
            run = tc.p_lst[0].add_r()
            if _BREAKS.search(text):
                run.text = text
            elif text:
                run.add_t(text)
