"""The names the wizard gives the tender documents when the officer downloads them: what the
document is and the tender's title, in the documents' language ("Kravbilag –
Sagsbehandlingssystem.docx"), so ten tenders' annexes in one Downloads folder can be told
apart. The CLI keeps its documented names (annex.docx, …): scripts rely on them.

A title is the officer's free text: what Windows forbids in a file name (< > : " | ? *, control
characters, a trailing dot or space, names such as CON or NUL) is left out, and a slash becomes
a hyphen.
"""

from __future__ import annotations

import re
import unicodedata

from procure.documents.build import PRICE_LIST_NAME

# What each document is, by its CLI name; the bidders' package as a whole.
KINDS = {
    "da": {
        "annex.docx": "Kravbilag",
        "response-form.docx": "Tilbudsliste",
        "response-form.xlsx": "Tilbudsliste",
        PRICE_LIST_NAME: "Prisliste",
        "package.zip": "Udbudsmateriale",
    },
    "en": {
        "annex.docx": "Requirements annex",
        "response-form.docx": "Response form",
        "response-form.xlsx": "Response form",
        PRICE_LIST_NAME: "Price list",
        "package.zip": "Tender documents",
    },
}
PACKAGE = "package.zip"  # the key of the bidders' zip in KINDS
MAX_TITLE = 80  # characters of the title kept: whole paths stay well under Windows' 260

_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_RESERVED = re.compile(r"(?i)^(con|prn|aux|nul|com[0-9]|lpt[0-9])$")


def safe_file_title(title: str) -> str:
    """The title as a part of a file name on every system ("" when nothing is left)."""
    text = unicodedata.normalize("NFC", title)
    text = "".join(" " if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c for c in text)
    text = re.sub(r"[/\\]", "-", text)  # "børn/unge" reads on as "børn-unge"
    text = _FORBIDDEN.sub(" ", text)
    text = " ".join(text.split())[:MAX_TITLE]
    text = text.rstrip(". ")
    return "" if _RESERVED.match(text) else text


def download_name(name: str, title: str, lang: str) -> str:
    """The download's name for the document the CLI calls `name`, e.g.
    ("annex.docx", "Sagsbehandlingssystem", "da") -> "Kravbilag – Sagsbehandlingssystem.docx".
    Without a usable title, only the kind: "Kravbilag.docx"."""
    kinds = KINDS.get(lang, KINDS["da"])
    stem, dot, extension = name.rpartition(".")
    kind = kinds.get(name, stem)
    shown = safe_file_title(title)
    return f"{kind} – {shown}{dot}{extension}" if shown else f"{kind}{dot}{extension}"
