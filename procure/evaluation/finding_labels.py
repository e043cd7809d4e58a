"""Every finding code in words, Danish and English, for what a person reads: the evaluation
note, the comparison workbook, the wizard. The codes themselves ("mandatory_failed") stay in
JSON output and the terminal's lines, where tools and tests match them."""

from __future__ import annotations

from procure.evaluation.result import EARLIER_VERSION, Finding

# One per result.FINDING_CODES (a test checks that each has both languages), and two for the
# findings on an answer to an earlier version of the tender.
FINDING_LABELS = {
    "da": {
        "mandatory_failed": "Mindstekrav ikke opfyldt",
        "reservation": "Forbehold",
        "reservation_to_price": "Forbehold skal prissættes",
        "reservation_rejected": "Forbehold: tilbuddet afvises",
        "missing_answer": "Ikke besvaret",
        "unknown_requirement": "Ukendt krav-id",
        "duplicate_answer": "Besvaret flere gange",
        "invalid_answer": "Ugyldig besvarelse",
        "text_altered": "Kravtekst ændret",
        "form_mismatch": "Anden tilbudsliste",
        "integration_missing": "Integration ikke dækket",
        "integration_partly": "Integration delvist dækket",
        "price_problem": "Problem i prislisten",
        "form_earlier_version": "Besvaret på en tidligere version",
        "changed_since": "Rettet efter besvarelsen",
    },
    "en": {
        "mandatory_failed": "Minimum requirement not met",
        "reservation": "Reservation",
        "reservation_to_price": "Reservation to be priced",
        "reservation_rejected": "Reservation: the bid is rejected",
        "missing_answer": "Not answered",
        "unknown_requirement": "Unknown requirement id",
        "duplicate_answer": "Answered more than once",
        "invalid_answer": "Invalid answer",
        "text_altered": "Requirement text altered",
        "form_mismatch": "Another response form",
        "integration_missing": "Integration not covered",
        "integration_partly": "Integration partly covered",
        "price_problem": "Problem in the price list",
        "form_earlier_version": "Answered on an earlier version",
        "changed_since": "Corrected after the answer",
    },
}


def finding_label(finding: Finding | str, lang: str = "da") -> str:
    """A finding's kind in words ("Mindstekrav ikke opfyldt"), for documents and screens that a
    person reads; the code ("mandatory_failed") stays in JSON and the terminal's lines."""
    labels = FINDING_LABELS.get(lang, FINDING_LABELS["da"])
    if isinstance(finding, str):
        return labels.get(finding, finding)
    if finding.kind == EARLIER_VERSION:
        key = "form_earlier_version" if finding.code == "form_mismatch" else "changed_since"
        if finding.code in ("form_mismatch", "text_altered", "unknown_requirement"):
            return labels[key]
    return labels.get(finding.code, finding.code)
