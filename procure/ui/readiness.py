"""Whether the tender on screen can be built yet: what the officer still has to fill in.

Asked by every step that builds the tender from the wizard's state (Dokumenter, Tilbud), so it
sits below the pages rather than in one of them.
"""

from __future__ import annotations

from procure.ui.state import WizardState
from procure.ui.texts import tr


def form_problems(state: WizardState) -> list[str]:
    """What the officer still has to fill in, in words for them (before any schema message)."""
    lang = state.ui_lang
    problems = []
    if not state.title.strip():
        problems.append(tr(lang, "problem_title"))
    if not state.buyer.strip():
        problems.append(tr(lang, "problem_buyer"))
    if not state.cvr_valid:
        problems.append(tr(lang, "cvr_invalid"))
    if not state.category:
        problems.append(tr(lang, "problem_category"))
    return problems
