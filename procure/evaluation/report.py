"""Human-readable results: the text printed by `procure check`, and the Word note."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from procure.evaluation.comparison import Comparison
from procure.evaluation.finding_labels import FINDING_LABELS, finding_label
from procure.evaluation.messages import reservation_status, vendor_price
from procure.evaluation.result import EvaluationResult
from procure.formats import date_text, decimal_text
from procure.tender.spec import TenderSpec
from procure.textutil import shown, xml_safe, xml_safe_line

__all__ = [
    "FINDING_LABELS",
    "finding_label",
    "format_result_text",
    "pk_answer_summary",
    "render_check_report",
]

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
        "fact_label": "Oplysning",
        "fact_value": "Indhold",
        "tender_id": "Udbuds-id",
        "finding": "Fund",
        "reservation_text": "Forbeholdet",
        "override_by": "Justeret af",
        "override_at": "Tidspunkt",
        "decided_by": "Afgjort af {by}, {at}",
        "footer": "Notat: kontrol af tilbud · Sagsnr. {case}",
        "approval_heading": "Godkendelse",
        "approval_text": "Notatet og vurderingerne i det er gennemgået og godkendt af:",
        "approval_name": "Navn og funktion",
        "approval_date": "Dato",
        "approval_signature": "Underskrift",
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
        "fact_label": "Item",
        "fact_value": "Details",
        "tender_id": "Tender id",
        "finding": "Finding",
        "reservation_text": "The reservation",
        "override_by": "Changed by",
        "override_at": "Time",
        "decided_by": "Decided by {by}, {at}",
        "footer": "Note: bid check · Case no. {case}",
        "approval_heading": "Approval",
        "approval_text": "The note and its assessments have been reviewed and approved by:",
        "approval_name": "Name and role",
        "approval_date": "Date",
        "approval_signature": "Signature",
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
    """The result as lines of text. Each line is made safe to print (textutil.shown): a
    vendor's name, answers and file name are the vendor's, and may hold escape sequences or
    line breaks meant to rewrite the screen or fake a line of the verdict."""
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
    return "\n".join(shown(line) for line in lines) + "\n"


def render_check_report(
    spec: TenderSpec, results: list[EvaluationResult], comparison: Comparison | None = None
) -> bytes:
    """A Word note summarising each vendor, ready to file with the tender (journal): Danish
    words for every finding, integrations by name, overrides and the buyer's decisions with
    who, when (Danish local time) and why, page X of Y, and a block for who approved it."""
    from docx.shared import Cm

    from procure.documents.docx_util import (
        PLAIN_TABLE_STYLE,
        add_facts,
        add_table,
        document_bytes,
        heading,
        keep_together,
        new_document,
        page_footer,
    )

    lang = spec.language if spec.language in _TEXT else "da"
    t = _TEXT[lang]
    today = dt.date.today()
    document = new_document(
        lang,
        f"{t['note_title']} – {spec.tender.title}",
        author=spec.tender.buyer.name,
        subject=t["note_title"],
    )
    case = spec.tender.case_number
    page_footer(document, lang, t["footer"].format(case=case) if case else t["note_title"])
    heading(document, t["note_title"], level=0)
    document.add_paragraph(xml_safe(spec.tender.title), style="Subtitle")
    add_facts(
        document,
        (
            (t["tender"], spec.tender.title),
            (t["tender_id"], spec.tender.id),
            (t["buyer"], spec.tender.buyer.name),
            (t["case"], case or "–"),
            (
                t["library"],
                f"{spec.library_name} {spec.library_version}, {spec.short_fingerprint}",
            ),
            (t["checked"], date_text(today, lang)),
        ),
        (t["fact_label"], t["fact_value"]),
    )

    heading(document, t["summary"], level=1)
    add_table(
        document,
        (t["vendor"], t["compliant"].split(":")[0], t["reservations"], t["pk_answers"]),
        (
            (
                xml_safe_line(result.vendor),
                t["yes"] if result.compliant else t["no"],
                str(len(result.reservations)),
                pk_answer_summary(result, lang),
            )
            for result in results
        ),
        _SUMMARY_WIDTHS,
    )
    _spaced(document, t["not_ranked_here"])

    names = {i.id: i.name for i in spec.integrations}
    for result in results:
        _vendor_section(document, result, names, lang)

    closing = _spaced(document, "")
    closing.add_run(xml_safe(results[0].confirmation_note) if results else "").italic = True

    heading(document, t["approval_heading"], level=1)
    document.add_paragraph(t["approval_text"]).paragraph_format.keep_with_next = True
    approval = add_table(
        document,
        (t["approval_name"], t["approval_date"], t["approval_signature"]),
        (("", "", "") for _ in range(3)),
        _APPROVAL_WIDTHS,
        style=PLAIN_TABLE_STYLE,
    )
    for row in approval.rows[1:]:
        row.height = Cm(1.3)  # room to sign
    keep_together(approval)
    return document_bytes(document, today)


def _vendor_section(document, result: EvaluationResult, names: dict, lang: str) -> None:
    from procure.documents.docx_util import add_table, bullet, heading, moment_text

    t = _TEXT[lang]
    heading(document, f"{t['vendor']}: {xml_safe_line(result.vendor)}", level=1)
    _labelled(document, t["file"], result.source)
    document.add_paragraph(t["compliant"] if result.compliant else t["noncompliant"])
    for reason in result.reasons:
        bullet(document, reason)
    _labelled(document, t["pk_answers"], pk_answer_summary(result, lang))
    missing = [names.get(i, i) for i in result.integrations_missing]
    _labelled(document, t["integrations"], ", ".join(missing) or t["none"])
    if result.integrations_partly:
        partly = [names.get(i, i) for i in result.integrations_partly]
        _labelled(document, t["integrations_partly"], ", ".join(partly))

    heading(document, t["reservations"], level=2)
    if result.reservations:
        add_table(
            document,
            (
                t["requirement"],
                t["answer"],
                t["vendor_price"].capitalize(),
                t["buyer_decision"],
                t["reservation_text"],
            ),
            (
                (
                    r.id,
                    r.answer,
                    vendor_price(r, lang),
                    _decision_text(r, lang),
                    r.text,
                )
                for r in result.reservations
            ),
            _RESERVATION_WIDTHS,
        )
    else:
        document.add_paragraph(t["none"])

    overridden = [v for v in result.verdicts if v.override_reason]
    if overridden:
        heading(document, t["overrides"], level=2)
        add_table(
            document,
            (
                t["requirement"],
                t["computed_points"],
                t["final_points"],
                t["why"],
                t["override_by"],
                t["override_at"],
            ),
            (
                (
                    v.id,
                    _points(v.computed_points, v.final_points, lang),
                    _points(v.final_points, v.computed_points, lang),
                    v.override_reason,
                    v.override_by,
                    moment_text(v.override_at, lang),
                )
                for v in overridden
            ),
            _OVERRIDE_WIDTHS,
        )

    heading(document, t["findings"], level=2)
    if result.findings:
        add_table(
            document,
            (t["finding"], t["requirement"], t["message"]),
            ((finding_label(f, lang), f.requirement or "", f.message) for f in result.findings),
            _FINDING_WIDTHS,
        )
    else:
        document.add_paragraph(t["none"])


def _decision_text(reservation, lang: str) -> str:
    """Where the buyer's decision stands, its reason, and who decided it when (Danish time)."""
    from procure.documents.docx_util import moment_text

    t = _TEXT[lang]
    decision = reservation_status(reservation, lang)
    if reservation.decision_reason:
        decision += f" – {reservation.decision_reason}"
    if reservation.decision_by:
        when = moment_text(reservation.decision_at, lang)
        decision += "\n" + t["decided_by"].format(by=reservation.decision_by, at=when)
    return decision


def _labelled(document, label: str, value: str) -> None:
    """A paragraph "Label: value" with the label in bold."""
    paragraph = document.add_paragraph()
    paragraph.add_run(xml_safe(label) + ": ").bold = True
    paragraph.add_run(xml_safe(value))


def _spaced(document, value: str):
    from procure.documents.docx_util import spaced_paragraph

    return spaced_paragraph(document, value)


def _points(value, other, lang: str) -> str:
    """Points with as many decimals as the more precise of the two shown side by side, so
    "2,5" and "4" read "2,5" and "4,0"."""
    if value is None:
        return "–"
    places = max(_places(value), _places(other))
    return decimal_text(value, lang, places)


def _places(value) -> int:
    if value is None:
        return 0
    exponent = Decimal(value).normalize().as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


# Column widths (cm) on a portrait A4 page (17 cm between the margins): every column header and
# every word of the labels fits its column, so none breaks mid-word ("Konditionsmæssigt" is 2.8
# cm in Carlito/Calibri bold 10 pt, "Leverandørens" 2.2 cm; a cell's margins take 0.4 cm).
_SUMMARY_WIDTHS = (4.4, 3.7, 2.2, 6.7)
_RESERVATION_WIDTHS = (2.4, 2.6, 2.9, 4.3, 4.8)
_OVERRIDE_WIDTHS = (2.4, 1.9, 1.9, 5.0, 3.0, 2.8)
_FINDING_WIDTHS = (4.2, 2.5, 10.3)
_APPROVAL_WIDTHS = (6.5, 3.5, 7.0)
