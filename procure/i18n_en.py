"""The English catalogue: each Danish message template (as written in the code) and its English
translation, with the same {placeholders}. See procure/i18n.py."""

from __future__ import annotations

from procure.i18n_en_documents import EN as _DOCUMENTS
from procure.i18n_en_library import EN as _LIBRARY
from procure.i18n_en_responses import EN as _RESPONSES

EN: dict[str, str] = {
    # procure/errors.py
    "filen findes ikke": "the file does not exist",
    "{what} findes ikke": "{what} does not exist",
    "kan ikke læses: {reason}": "cannot be read: {reason}",
    "kravbiblioteket er ugyldigt ({count} fejl)": "the requirement library is invalid ({count} errors)",
    "kravbiblioteket er ugyldigt ({count} fejl); første: {first}": (
        "the requirement library is invalid ({count} errors); first: {first}"
    ),
}
EN |= _LIBRARY | _DOCUMENTS | _RESPONSES
