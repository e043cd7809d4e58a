"""Changes to a published tender's frozen parts that are not in its file yet, as the frame and
the Dokumenter step show them; worked out once per tender on screen and published file."""

from __future__ import annotations

import streamlit as st

from procure.errors import ProcureError
from procure.tender import resolve_tender
from procure.tender.model import DRAFT
from procure.ui.persistence import workspace
from procure.ui.publication import Pending, for_resolving, pending_changes, status_of
from procure.ui.session import LOG, current_library
from procure.ui.state import WizardState, build_tender

PENDING_KEY = "procure_pending_correction"  # (tender, published text, Pending | None)


def pending_now(state: WizardState) -> Pending | None:
    """The tender on screen against its published file; None for a draft, when nothing frozen
    changed, or when the tender cannot be resolved (the steps say why)."""
    if status_of(state) == DRAFT or not state.category:
        return None
    library = current_library(state)
    try:
        tender = for_resolving(build_tender(state, library))
        text = workspace().tender_text(state.tender_id)
        kept = st.session_state.get(PENDING_KEY)
        if kept is not None and kept[0] == tender and kept[1] == text:
            return kept[2]
        pending = pending_changes(resolve_tender(tender, library), text, library)
    except ProcureError as exc:
        LOG.info("no pending correction worked out: %s", exc)
        return None
    st.session_state[PENDING_KEY] = (tender, text, pending)
    return pending
