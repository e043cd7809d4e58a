"""Every text the wizard shows: Danish first, English second, kept beside the step that shows it.

`texts/<step>.py` holds one step's texts and is named as its page in `procure/ui/pages/`;
`texts/frame.py` holds the frame's (title, step names, sidebar, login, saving) and the words
several steps share. Each part has a `DA` and an `EN` dictionary with the same keys (a test checks
it, part by part). Here the parts are merged into one catalogue per language; a key defined in two
parts stops the import, so a step's text can never silently replace another's.

Texts are plain text with `{name}` placeholders; the few that use Markdown do so only for
emphasis.
"""

from __future__ import annotations

from collections.abc import Iterable
from types import ModuleType

from procure.ui.texts import (
    bibliotek,
    dokumenter,
    evaluering,
    frame,
    integrationer,
    krav,
    portefolje,
    start,
    system,
    tilbud,
    tildeling,
    udbud,
    widgets,
)

LANGUAGE_NAMES = {"da": "Dansk", "en": "English"}
LANGUAGE_LABEL = "Sprog / Language"  # in both languages: it is how one finds the switch

# The wizard's steps in order; each key is also the text of the step's name (texts/frame.py)
# and the key of its page in procure/ui/app.py.
STEP_KEYS = (
    "step_start",
    "step_purchase",
    "step_system",
    "step_integrations",
    "step_requirements",
    "step_evaluation",
    "step_documents",
    "step_check",
    "step_award",
    "step_library",
    "step_portfolio",
)

# The frame first, then the steps in the wizard's order.
PARTS: tuple[ModuleType, ...] = (
    frame,
    start,
    udbud,
    system,
    integrationer,
    krav,
    evaluering,
    dokumenter,
    tilbud,
    tildeling,
    bibliotek,
    portefolje,
    widgets,
)


def merged(parts: Iterable[object], language: str) -> dict[str, str]:
    """The `DA` or `EN` dictionaries of `parts` as one; a key in two parts is an error."""
    catalogue: dict[str, str] = {}
    owner: dict[str, str] = {}
    for part in parts:
        name = getattr(part, "__name__", repr(part))
        for key, text in getattr(part, language).items():
            if key in catalogue:
                raise ValueError(
                    f"wizard text {key!r} is defined in both {owner[key]} and {name}: "
                    "keep it in one (texts several steps use go in texts/frame.py)"
                )
            catalogue[key], owner[key] = text, name
    return catalogue


DA = merged(PARTS, "DA")
EN = merged(PARTS, "EN")
TEXTS = {"da": DA, "en": EN}


def tr(lang: str, key: str, **values: object) -> str:
    """The text for `key` in `lang` (Danish if missing there), with `{name}` values filled in."""
    text = TEXTS.get(lang, DA).get(key) or DA.get(key) or key
    return text.format(**values) if values else text
