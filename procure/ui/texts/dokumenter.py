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
    "download_zip": "Hent alt til tilbudsgiverne: {name}",
    "download_zip_help": (
        "Det, der sendes til tilbudsgiverne: kravbilaget, tilbudslisterne i Word og Excel og, "
        "når udbuddet har prislinjer, prislisten. tender.yaml er ikke med: den er din og hentes "
        "for sig."
    ),
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
    # Publishing and corrections (publication.py)
    "pub_heading": "Offentliggørelse",
    "pub_intro": (
        "Når udbuddet er offentliggjort, er kravene, deres typer og vægte, integrationerne, "
        "evalueringsmodellen, prislinjerne og tilbudsfristen låst (udbudslovens § 160). Før "
        "tilbudsfristen kan de kun ændres med et rettelsesblad; når første tilbud er åbnet, "
        "slet ikke. Hent dokumenterne nedenfor efter offentliggørelsen."
    ),
    "pub_model_not_confirmed": (
        "Evalueringsmodellen er procures forslag: bekræft eller ret den i trin 6, Evaluering."
    ),
    "pub_not_yet": "Udbuddet kan ikke offentliggøres endnu ({count}):",
    "pub_understood": (
        "Jeg ved, at krav, vægte, evalueringsmodel, prislinjer og tilbudsfrist derefter er "
        "låst og kun kan rettes med rettelsesblad."
    ),
    "pub_publish": "Offentliggør udbuddet",
    "pub_published": "Udbuddet er offentliggjort ({at}), version 1.",
    "pub_pending": (
        "Udbuddet er ændret efter offentliggørelsen. Før tilbudsfristen gemmes ændringen som "
        "et rettelsesblad med begrundelse: versionen hæves, og ændringen registreres."
    ),
    "pub_why": "Begrundelse for rettelsen (skal udfyldes)",
    "pub_why_help": "Står i udbudsfilen og på rettelsesbladet sammen med det, der er ændret.",
    "pub_amend": "Gem som rettelsesblad",
    "pub_amended": "Rettelsen er registreret: udbuddet er nu version {version}.",
    "pub_frozen": "Ændringen kan ikke gemmes: {rule}.",
    "pub_revert": "Fortryd ændringerne efter offentliggørelsen",
    "pub_reverted": "Ændringerne er fortrudt: udbuddet er som offentliggjort.",
    "pub_no_file": (
        "Den offentliggjorte udbudsfil findes ikke i arbejdsmappen, så ændringerne kan ikke "
        "fortrydes herfra. Åbn den offentliggjorte tender.yaml under 1. Start."
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
    "download_zip": "Download all for the bidders: {name}",
    "download_zip_help": (
        "What goes to the bidders: the requirements annex, the response forms in Word and "
        "Excel and, when the tender has price lines, the price list. tender.yaml is not in it: "
        "it is yours and downloaded on its own."
    ),
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
    # Publishing and corrections (publication.py)
    "pub_heading": "Publication",
    "pub_intro": (
        "Once the tender is published, the requirements, their types and weights, the "
        "integrations, the evaluation model, the price lines and the deadline are locked "
        "(Public Procurement Act § 160). Before the deadline they can only change by a "
        "correction; once the first bid is opened, not at all. Download the documents below "
        "after publishing."
    ),
    "pub_model_not_confirmed": (
        "The evaluation model is procure's proposal: confirm or change it in step 6, Evaluation."
    ),
    "pub_not_yet": "The tender cannot be published yet ({count}):",
    "pub_understood": (
        "I know that requirements, weights, evaluation model, price lines and deadline are then "
        "locked and can only change by a correction."
    ),
    "pub_publish": "Publish the tender",
    "pub_published": "The tender is published ({at}), version 1.",
    "pub_pending": (
        "The tender was changed after publication. Before the deadline the change is saved as "
        "a correction with its reason: the version goes up and the change is recorded."
    ),
    "pub_why": "Reason for the correction (required)",
    "pub_why_help": "Kept in the tender file and on the correction with what changed.",
    "pub_amend": "Save as correction",
    "pub_amended": "The correction is recorded: the tender is now version {version}.",
    "pub_frozen": "The change cannot be saved: {rule}.",
    "pub_revert": "Undo the changes made after publication",
    "pub_reverted": "The changes are undone: the tender is as published.",
    "pub_no_file": (
        "The published tender file is not in the workspace, so the changes cannot be undone "
        "from here. Open the published tender.yaml under 1. Start."
    ),
}
