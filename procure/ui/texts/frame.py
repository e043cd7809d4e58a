"""Texts of the frame around the steps (procure/ui/app.py, session.py, persistence.py,
readiness.py): title, sidebar, step names, login, errors, saving; and the words several steps
share (a text used by one step only lives in that step's module)."""

from __future__ import annotations

DA = {
    # The frame (app.py): title, steps, sidebar, login
    "app_title": "procure – udbudsbilag med krav til den fælleskommunale infrastruktur",
    "steps": "Trin",
    "step_start": "1. Start",
    "step_purchase": "2. Udbud",
    "step_system": "3. System",
    "step_integrations": "4. Integrationer",
    "step_requirements": "5. Krav",
    "step_evaluation": "6. Evaluering",
    "step_documents": "7. Dokumenter",
    "step_check": "8. Tilbud",
    "step_award": "9. Tildeling",
    "step_library": "10. Bibliotek",
    "step_portfolio": "11. Portefølje",
    "a11y_step_announced": "Du er nu på trin {step}",
    "sidebar_library": "Kravbibliotek {version}",
    "sidebar_privacy": (
        "Alt hvad du indtaster, gemmes løbende i arbejdsmappen på serveren. Du kan lukke "
        "fanen og fortsætte senere fra trin 1, Start."
    ),
    "login_needed": "Log ind med din organisations login for at bruge procure.",
    "login": "Log ind",
    "logout": "Log ud",
    "logged_in_as": "Logget ind som {name}",
    # Errors and advice any step can show (session.py)
    "unexpected_error": (
        "Der skete en uventet fejl, og handlingen blev ikke gennemført. Dine indtastninger er "
        "bevaret. Prøv igen, og kontakt it-supporten, hvis fejlen bliver ved."
    ),
    "no_releases": (
        "Kravbiblioteket har ingen udgivne versioner. Bed den ansvarlige for kravbiblioteket om "
        "at udgive en version."
    ),
    "recommended_were": "Bibliotekets anbefaling: {names}",
    "use_recommendation": "Brug bibliotekets anbefaling",
    # Saving and other tabs (persistence.py)
    "reloaded_other_tab": (
        "Udbuddet er ændret i en anden fane eller et andet vindue; ændringerne er hentet ind her."
    ),
    "saved_over_other_tab": (
        "Udbuddet var også ændret i en anden fane. Din seneste ændring her er gemt oven i; "
        "kontrollér, at resten er som du vil have det."
    ),
    "save_failed": (
        "Ændringen kunne ikke gemmes i arbejdsmappen {folder} ({error}). Dine indtastninger er "
        "bevaret i denne fane; hent evt. tender.yaml i trin 7 for en sikkerheds skyld."
    ),
    "merged_other_tab": (
        "Udbuddet er samtidig ændret i en anden fane eller et andet vindue. Ændringerne derfra "
        "og dine ændringer her er lagt sammen og gemt."
    ),
    "merged_with_clashes": (
        "Udbuddet er samtidig ændret i en anden fane. Ændringerne er lagt sammen, men disse "
        "felter var ændret begge steder, og din ændring her er gemt: {fields}. Kontrollér dem."
    ),
    "saved_again_after_removal": (
        "Udbuddet var forsvundet fra arbejdsmappen (slettet i en anden fane eller flyttet). Det, "
        "du har på skærmen, er gemt igen, så intet går tabt. Vil du slette det, så gør det fra "
        "trin 1, Start, mens et andet udbud er åbent."
    ),
    "not_saved_not_replaced": (
        "Udbuddet på skærmen kan ikke gemmes i arbejdsmappen {folder} ({error}), så det bliver "
        "stående, og intet er ændret. Hent tender.yaml i trin 7, Dokumenter, for at gemme dit "
        "arbejde, eller bed it-supporten om at rette arbejdsmappen."
    ),
    # What a tender still lacks (readiness.py)
    "problem_title": "Skriv udbuddets titel i trin 2, Udbud.",
    "problem_buyer": "Skriv ordregiver (kommunen) i trin 2, Udbud.",
    "problem_category": "Vælg ydelsesområde i trin 3, System.",
    # Words several steps use
    "yes": "Ja",
    "no": "Nej",
    "cancel": "Annullér",
    "remove": "Fjern",
    "lang_da": "Dansk",
    "lang_en": "Engelsk",
    "cvr_invalid": "CVR-nummeret skal være præcis 8 cifre (eller tomt).",
    "category_unknown": (
        "Ydelsesområdet '{code}' findes ikke i den valgte version af kravbiblioteket."
    ),
    "choose_category_first": "Vælg først et ydelsesområde i trin 3, System.",
    "total_weight": "Samlet PK-vægt",
    "all_areas": "Alle områder",
    "kind_MK": "MK – mindstekrav",
    "kind_PK": "PK – prioriteret krav",
    "kind_K": "K – krav",
    "kind_O": "O – option",
    "download_file": "Hent {name}",
    "chart_data_table": "Diagrammets data som tabel",
    # The bids read and checked (checking.py), for Tilbud and Tildeling
    "current_tender_incomplete": (
        "Udbuddet i trin 2–7 er ikke udfyldt endnu. Udfyld det, eller åbn et gemt udbud under "
        "1. Start."
    ),
    "current_tender_invalid": "Udbuddet i trin 2–7 er ikke gyldigt (se trin 7, Dokumenter):",
    "checking": "Kontrollerer besvarelserne …",
    "response_failed": (
        "filen kunne ikke kontrolleres på grund af en uventet fejl; bed leverandøren om at "
        "indsende den igen i det udleverede format"
    ),
    "progress_reading": "Læser tilbud {index} af {total}: {name}",
    "progress_checking": "Kontrollerer tilbud {index} af {total}: {name}",
    "col_vendor": "Leverandør",
    # The tender's status on every step (app.py, publication.py)
    "status_draft": "Status: kladde – ikke offentliggjort.",
    "status_published": (
        "Status: {status}, version {version} (offentliggjort {at}; rettelser: {count})."
    ),
    "status_pending_amend": (
        "Ændret efter offentliggørelse: {parts}. Ændringen er ikke i udbudsfilen endnu: gem "
        "den som rettelsesblad med begrundelse i trin 7, Dokumenter, eller fortryd den dér."
    ),
    "status_pending_frozen": (
        "Ændret efter offentliggørelse: {parts}. Ændringen gemmes ikke i udbudsfilen: {rule}. "
        "Fortryd den i trin 7, Dokumenter."
    ),
    "current_tender_changed": (
        "Udbuddet er ændret efter offentliggørelse uden rettelsesblad, så tilbuddene kan ikke "
        "kontrolleres mod det. Gem ændringen som rettelsesblad, eller fortryd den, i trin 7."
    ),
}

EN = {
    # The frame (app.py): title, steps, sidebar, login
    "app_title": (
        "procure – tender annexes with requirements for the joint municipal infrastructure"
    ),
    "steps": "Steps",
    "step_start": "1. Start",
    "step_purchase": "2. Tender",
    "step_system": "3. System",
    "step_integrations": "4. Integrations",
    "step_requirements": "5. Requirements",
    "step_evaluation": "6. Evaluation",
    "step_documents": "7. Documents",
    "step_check": "8. Bids",
    "step_award": "9. Award",
    "step_library": "10. Library",
    "step_portfolio": "11. Portfolio",
    "a11y_step_announced": "You are now on step {step}",
    "sidebar_library": "Requirement library {version}",
    "sidebar_privacy": (
        "Everything you enter is saved continuously in the workspace on the server. You can "
        "close the tab and continue later from step 1, Start."
    ),
    "login_needed": "Log in with your organisation's login to use procure.",
    "login": "Log in",
    "logout": "Log out",
    "logged_in_as": "Logged in as {name}",
    # Errors and advice any step can show (session.py)
    "unexpected_error": (
        "An unexpected error occurred and the action was not completed. Your entries are kept. "
        "Try again, and contact IT support if it keeps happening."
    ),
    "no_releases": (
        "The requirement library has no released versions. Ask the person responsible for the "
        "library to release one."
    ),
    "recommended_were": "The library's recommendation: {names}",
    "use_recommendation": "Use the library's recommendation",
    # Saving and other tabs (persistence.py)
    "reloaded_other_tab": (
        "The tender was changed in another tab or window; those changes are now shown here."
    ),
    "saved_over_other_tab": (
        "The tender had also been changed in another tab. Your latest change here was saved on "
        "top; check that the rest is as you want it."
    ),
    "save_failed": (
        "The change could not be saved in the workspace {folder} ({error}). What you entered "
        "is kept in this tab; you may download tender.yaml in step 7 to be safe."
    ),
    "merged_other_tab": (
        "The tender was changed in another tab or window at the same time. Those changes and "
        "yours here have been combined and saved."
    ),
    "merged_with_clashes": (
        "The tender was changed in another tab at the same time. The changes were combined, "
        "but these fields were changed in both places and your change here was saved: "
        "{fields}. Please check them."
    ),
    "saved_again_after_removal": (
        "The tender had disappeared from the workspace (deleted in another tab, or moved). What "
        "you see here has been saved again, so nothing is lost. To delete it, do so from step "
        "1, Start, while another tender is open."
    ),
    "not_saved_not_replaced": (
        "The tender on screen cannot be saved in the workspace {folder} ({error}), so it stays "
        "and nothing was changed. Download tender.yaml in step 7, Documents, to keep your work, "
        "or ask IT support to fix the workspace."
    ),
    # What a tender still lacks (readiness.py)
    "problem_title": "Enter the tender title in step 2, Tender.",
    "problem_buyer": "Enter the contracting authority in step 2, Tender.",
    "problem_category": "Choose a service area in step 3, System.",
    # Words several steps use
    "yes": "Yes",
    "no": "No",
    "cancel": "Cancel",
    "remove": "Remove",
    "lang_da": "Danish",
    "lang_en": "English",
    "cvr_invalid": "The CVR number must be exactly 8 digits (or empty).",
    "category_unknown": "The service area '{code}' is not in the chosen library version.",
    "choose_category_first": "First choose a service area in step 3, System.",
    "total_weight": "Total PK weight",
    "all_areas": "All areas",
    "kind_MK": "MK – mandatory",
    "kind_PK": "PK – prioritised",
    "kind_K": "K – requirement",
    "kind_O": "O – option",
    "download_file": "Download {name}",
    "chart_data_table": "The chart's data as a table",
    # The bids read and checked (checking.py), for Tilbud and Tildeling
    "current_tender_incomplete": (
        "The tender in steps 2–7 is not filled in yet. Fill it in, or open a saved tender "
        "under 1. Start."
    ),
    "current_tender_invalid": "The tender in steps 2–7 is not valid (see step 7, Documents):",
    "checking": "Checking the responses …",
    "response_failed": (
        "the file could not be checked because of an unexpected error; ask the vendor to submit "
        "it again in the form provided"
    ),
    "progress_reading": "Reading response {index} of {total}: {name}",
    "progress_checking": "Checking response {index} of {total}: {name}",
    "col_vendor": "Vendor",
    # The tender's status on every step (app.py, publication.py)
    "status_draft": "Status: draft – not published.",
    "status_published": (
        "Status: {status}, version {version} (published {at}; corrections: {count})."
    ),
    "status_pending_amend": (
        "Changed after publication: {parts}. The change is not in the tender file yet: save it "
        "as a correction with its reason in step 7, Documents, or undo it there."
    ),
    "status_pending_frozen": (
        "Changed after publication: {parts}. The change is not saved in the tender file: "
        "{rule}. Undo it in step 7, Documents."
    ),
    "current_tender_changed": (
        "The tender was changed after publication without a correction, so the bids cannot be "
        "checked against it. Save the change as a correction, or undo it, in step 7."
    ),
}
