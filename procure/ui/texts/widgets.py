"""Texts of the wizard's own widgets that several steps use (procure/ui/numbers.py,
procure/ui/widget_texts.py): number fields typed the Danish way, and the Danish words put over
Streamlit's English."""

from __future__ import annotations

DA = {
    "num_required": "Feltet skal udfyldes.",
    "num_not_number": "»{value}« er ikke et tal. Skriv fx {example}.",
    "num_not_whole": "»{value}« er ikke et helt tal.",
    "num_too_small": "»{value}« er for lille; mindst {minimum}.",
    "num_negative": "»{value}« er negativt; værdien skal være 0 eller mere.",
    "num_too_big": "»{value}« er for stort; højst {maximum}.",
    "num_decimals": "»{value}« har for mange decimaler; højst {decimals}.",
    "num_kept": "Værdien {value} gælder stadig.",
    "choose_one": "Vælg …",
    "choose_some": "Vælg en eller flere …",
    "date_help": "Skriv datoen som DD.MM.ÅÅÅÅ, eller vælg den i kalenderen.",
    "upload_button": "Vælg fil",
    "upload_limit": "Højst {size} MB pr. fil",
    "press_enter": "Tryk Enter for at gemme",
    "press_ctrl_enter": "Tryk Ctrl+Enter for at gemme",
}

EN = {
    "num_required": "This field is required.",
    "num_not_number": "“{value}” is not a number. Write e.g. {example}.",
    "num_not_whole": "“{value}” is not a whole number.",
    "num_too_small": "“{value}” is too small; at least {minimum}.",
    "num_negative": "“{value}” is negative; the value must be 0 or more.",
    "num_too_big": "“{value}” is too large; at most {maximum}.",
    "num_decimals": "“{value}” has too many decimals; at most {decimals}.",
    "num_kept": "The value {value} still applies.",
    "choose_one": "Choose …",
    "choose_some": "Choose one or more …",
    "date_help": "Type the date as DD.MM.YYYY, or pick it in the calendar.",
    "upload_button": "Choose file",
    "upload_limit": "At most {size} MB per file",
    "press_enter": "Press Enter to apply",
    "press_ctrl_enter": "Press Ctrl+Enter to apply",
}
