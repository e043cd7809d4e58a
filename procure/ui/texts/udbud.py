"""Texts of step 2, "Udbud" (procure/ui/pages/udbud.py): what is bought, by whom, when, in
which language and from which library release."""

from __future__ import annotations

DA = {
    "purchase_intro": (
        "Beskriv udbuddet: titel, ordregiver, sagsnummer og dato, dokumenternes sprog, "
        "bilagsnummer og hvilken udgivelse af kravbiblioteket udbuddet låses til."
    ),
    "title_label": "Udbuddets titel",
    "title_placeholder": "fx Anskaffelse af ESDH-system",
    "buyer_label": "Ordregiver (kommune)",
    "buyer_placeholder": "fx Eksempel Kommune",
    "cvr_label": "Ordregivers CVR-nummer (valgfrit)",
    "cvr_help": "8 cifre uden mellemrum.",
    "case_label": "Sagsnummer",
    "deadline_label": "Tilbudsfrist (valgfri)",
    "deadline_time_label": "Klokkeslæt",
    "deadline_help": (
        "Står på forsiden af bilaget og tilbudslisterne. Lad feltet stå tomt, hvis fristen "
        "ikke er fastsat endnu."
    ),
    "deadline_before_date": "Tilbudsfristen ligger før udbuddets dato.",
    "date_label": "Dato",
    "doc_lang_label": "Dokumenternes sprog",
    "doc_lang_help": "Sproget i bilaget og tilbudslisterne. Du kan selv bruge guiden på dansk.",
    "library_label": "Kravbibliotekets version",
    "library_help": (
        "Udbuddet låses til denne udgivelse, så kravene ikke ændrer sig under udbuddet. "
        "Den nyeste er valgt."
    ),
    "still_missing": "Mangler stadig: {fields}.",
    "annex_label": "Bilagsnummer",
    "annex_help": "Kravene nummereres efter bilaget, fx 3.1.1.",
}

EN = {
    "purchase_intro": (
        "Describe the tender: title, contracting authority, case number and date, the "
        "documents' language, annex number and the library release the tender is pinned to."
    ),
    "title_label": "Tender title",
    "title_placeholder": "e.g. Procurement of an ESDH system",
    "buyer_label": "Contracting authority (municipality)",
    "buyer_placeholder": "e.g. Example Municipality",
    "cvr_label": "Contracting authority's CVR number (optional)",
    "cvr_help": "8 digits without spaces.",
    "case_label": "Case number",
    "deadline_label": "Deadline for bids (optional)",
    "deadline_time_label": "Time",
    "deadline_help": (
        "Shown on the cover of the annex and the response forms. Leave it empty if the "
        "deadline is not set yet."
    ),
    "deadline_before_date": "The deadline for bids is before the tender's date.",
    "date_label": "Date",
    "doc_lang_label": "Language of the documents",
    "doc_lang_help": "The language of the annex and response forms, independent of this guide.",
    "library_label": "Requirement library version",
    "library_help": (
        "The tender is locked to this release so the requirements do not change during the "
        "tender. The newest is selected."
    ),
    "still_missing": "Still missing: {fields}.",
    "annex_label": "Annex number",
    "annex_help": "Requirements are numbered after the annex, e.g. 3.1.1.",
}
