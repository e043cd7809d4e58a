"""Texts of step 1, "Start" (procure/ui/pages/start.py): new, saved and opened tenders."""

from __future__ import annotations

DA = {
    "start_intro": (
        "Start et nyt udbud, fortsæt med et gemt, eller åbn en tender.yaml. Alt gemmes "
        "automatisk efter hver ændring."
    ),
    "start_new": "Nyt udbud",
    "start_continue": "Fortsæt med »{title}«",
    "untitled": "(udbud uden titel)",
    "saved_heading": "Gemte udbud",
    "saved_where": "Gemt i arbejdsmappen {folder}",
    "workspace_unreadable": "Arbejdsmappen {folder} kan ikke læses: {error}",
    "saved_none": "Der er ingen gemte udbud endnu. Et udbud gemmes, så snart du skriver i det.",
    "saved_damaged": "Kladden kan ikke åbnes: {problem}",
    "saved_current": "åben nu",
    "saved_no_category": "intet ydelsesområde",
    "saved_at": "gemt {when}",
    "saved_bids": "{count} tilbud",
    "saved_open": "Åbn",
    "saved_opened": "»{title}« er åbnet, som du forlod det.",
    "delete": "Slet",
    "delete_question": (
        "Vil du slette »{title}« med dets tilbud og evaluering fra listen? Mappen flyttes til "
        "arbejdsmappens 'deleted'-mappe og kan hentes tilbage derfra."
    ),
    "delete_yes": "Ja, slet",
    "deleted": "Udbuddet er fjernet fra listen og flyttet til {folder}.",
    "continue_heading": "Åbn en tender.yaml",
    "continue_intro": (
        "Har du en tender.yaml fra en kollega eller et tidligere udbud, kan du åbne den her. "
        "Den bliver det udbud, du arbejder på, og gemmes i arbejdsmappen."
    ),
    "tender_upload_label": "Indlæs tender.yaml",
    "tender_upload_help": "Filen kontrolleres, før noget ændres. En fejl ændrer ikke dine data.",
    "tender_paste_heading": "… eller indsæt teksten fra en tender.yaml",
    "tender_paste_label": "Indholdet af tender.yaml",
    "tender_paste_button": "Indlæs teksten",
    "tender_paste_empty": "Feltet er tomt – indsæt teksten fra en tender.yaml først.",
    "tender_too_big": "filen er for stor til at være en udbudsfil (over 10 MB)",
    "tender_loaded": "Udbuddet »{title}« er indlæst med {count} krav fra biblioteket.",
    "tender_loaded_unknown": (
        "{name}: {count} af udbuddets krav findes ikke i kravbibliotek {version}: {ids}. De "
        "står øverst i trin 5, Krav, hvor du kan fjerne dem; indtil da kan dokumenterne ikke "
        "laves."
    ),
    "replace_question": (
        "Udbuddet »{title}« ({count} krav) er allerede gemt i arbejdsmappen. Vil du erstatte "
        "den gemte kladde med filens indhold? Tilbud og evaluering til udbuddet bevares."
    ),
    "replace_yes": "Ja, erstat",
}

EN = {
    "start_intro": (
        "Start a new tender, continue a saved one, or open a tender.yaml. Everything is saved "
        "automatically after each change."
    ),
    "start_new": "New tender",
    "start_continue": "Continue with “{title}”",
    "untitled": "(untitled tender)",
    "saved_heading": "Saved tenders",
    "saved_where": "Saved in the workspace {folder}",
    "workspace_unreadable": "The workspace {folder} cannot be read: {error}",
    "saved_none": "No tenders are saved yet. A tender is saved as soon as you type in it.",
    "saved_damaged": "The draft cannot be opened: {problem}",
    "saved_current": "open now",
    "saved_no_category": "no service area",
    "saved_at": "saved {when}",
    "saved_bids": "{count} bids",
    "saved_open": "Open",
    "saved_opened": "“{title}” is open as you left it.",
    "delete": "Delete",
    "delete_question": (
        "Delete “{title}” with its bids and evaluation from the list? The folder is moved to "
        "the workspace's 'deleted' folder and can be recovered from there."
    ),
    "delete_yes": "Yes, delete",
    "deleted": "The tender was removed from the list and moved to {folder}.",
    "continue_heading": "Open a tender.yaml",
    "continue_intro": (
        "Open a tender.yaml from a colleague or an earlier tender here. It becomes the tender "
        "you work on and is saved in the workspace."
    ),
    "tender_upload_label": "Load tender.yaml",
    "tender_upload_help": "The file is checked before anything changes. An error keeps your data.",
    "tender_paste_heading": "… or paste the text of a tender.yaml",
    "tender_paste_label": "Content of tender.yaml",
    "tender_paste_button": "Load the text",
    "tender_paste_empty": "The field is empty – paste the text of a tender.yaml first.",
    "tender_too_big": "the file is too large to be a tender file (over 10 MB)",
    "tender_loaded": "The tender “{title}” is loaded with {count} library requirements.",
    "tender_loaded_unknown": (
        "{name}: {count} of the tender's requirements are not in requirement library "
        "{version}: {ids}. They are listed at the top of step 5, Requirements, where you can "
        "remove them; until then the documents cannot be made."
    ),
    "replace_question": (
        "The tender “{title}” ({count} requirements) is already saved in the workspace. Replace "
        "the saved draft with the file's content? Its bids and evaluation are kept."
    ),
    "replace_yes": "Yes, replace",
}
