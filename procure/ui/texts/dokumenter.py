"""Texts of step 7, "Dokumenter" (procure/ui/pages/dokumenter.py): the check of the tender and
its downloads."""

from __future__ import annotations

DA = {
    "fix_first": "Udbuddet kan ikke laves endnu:",
    "orphans_not_in_tender": (
        "Krav du har ændret, men som ikke længere foreslås, er ikke med: {ids}. Se trin 5, Krav."
    ),
    "tender_invalid": "Udbuddet er ikke gyldigt endnu. Ret dette og prøv igen:",
    "tender_valid": "Udbuddet er gyldigt: {count} krav ({kinds}), samlet PK-vægt {weight}.",
    "library_version": "Kravbibliotek",
    "fingerprint": "Fingeraftryk",
    "requirements_total": "Krav i alt",
    "tender_id": "Udbuddets id: {id}",
    "integrations_added": "Tilføjet pga. afhængigheder: {names}",
    "required_by_short": "kræves af {ids}",
    "zip_name": "udbudsmateriale.zip",
    "download_zip": "Hent alt som {name}",
    "download_zip_help": "tender.yaml, annex.docx, response-form.docx og response-form.xlsx.",
    "downloads_heading": "Hent filerne",
    "downloads_intro": (
        "tender.yaml er dit arbejde – gem den, så du kan fortsætte senere eller kontrollere "
        "tilbud. Bilaget og tilbudslisterne sendes med udbuddet."
    ),
    "rendering": "Laver dokumenterne …",
    "documents_unavailable": (
        "Word- og Excel-dokumenterne kan ikke laves i denne installation endnu. tender.yaml kan "
        "hentes og bruges senere."
    ),
    "documents_failed": (
        "Dokumenterne kunne ikke laves på grund af en uventet fejl. tender.yaml kan stadig "
        "hentes. Kontakt it-supporten, hvis fejlen bliver ved."
    ),
}

EN = {
    "fix_first": "The tender cannot be made yet:",
    "orphans_not_in_tender": (
        "Requirements you changed that are no longer proposed are not included: {ids}. "
        "See step 5, Requirements."
    ),
    "tender_invalid": "The tender is not valid yet. Fix this and try again:",
    "tender_valid": (
        "The tender is valid: {count} requirements ({kinds}), total PK weight {weight}."
    ),
    "library_version": "Requirement library",
    "fingerprint": "Fingerprint",
    "requirements_total": "Requirements",
    "tender_id": "Tender id: {id}",
    "integrations_added": "Added as dependencies: {names}",
    "required_by_short": "required by {ids}",
    "zip_name": "tender-documents.zip",
    "download_zip": "Download everything as {name}",
    "download_zip_help": "tender.yaml, annex.docx, response-form.docx and response-form.xlsx.",
    "downloads_heading": "Download the files",
    "downloads_intro": (
        "tender.yaml is your work – keep it to continue later or to check bids. The annex and "
        "the response forms go out with the tender."
    ),
    "rendering": "Making the documents …",
    "documents_unavailable": (
        "The Word and Excel documents cannot be made in this installation yet. tender.yaml can be "
        "downloaded and used later."
    ),
    "documents_failed": (
        "The documents could not be made because of an unexpected error. tender.yaml can still be "
        "downloaded. Contact IT support if it keeps happening."
    ),
}
