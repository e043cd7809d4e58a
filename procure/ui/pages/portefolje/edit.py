"""Adding a system to the portfolio or editing one: the form (procure/ui/system_form.py), read
with the command line's rules and written at once, or refused with every reason while what the
officer typed stays in the form."""

from __future__ import annotations

import streamlit as st

from procure.errors import ProcureError
from procure.library.model import Library
from procure.ui.pages.portefolje.view import (
    ALL,
    FORM_PREFIX,
    SECTION_SYSTEMS,
    PortfolioView,
    portfolio_view,
)
from procure.ui.portfolio import Snapshot, actor, current_store, portfolio_library
from procure.ui.session import bound, get_state, notify, plain, safe_callback
from procure.ui.state import WizardState
from procure.ui.system_form import (
    FORM_FIELDS,
    SystemDraft,
    changes_of,
    draw_fields,
    record_from_draft,
    show_draft,
    show_problems,
    take_fields,
)
from procure.ui.texts import tr

# The form's two columns: who and what on the left, FKI, tasks and contract on the right
LEFT = ("name", "vendor", "vendor_cvr", "business_area", "owner", "criticality", "channel")
RIGHT = ("integrations", "category", "kle", "contract_start", "contract_end")
BELOW = ("roles", "notes", "kitos_uuid")


def edit_section(state: WizardState, view: PortfolioView, snap: Snapshot, library: Library):
    lang = state.ui_lang
    draft = view.draft
    names = snap.kept(("names_in_use",), lambda: [s.name for s in snap.systems])
    if draft.editing and draft.editing not in names:
        # Removed or renamed meanwhile (another tab): what was typed becomes a new system
        st.warning(plain(tr(lang, "pf_edit_gone", name=draft.editing)))
        draft.editing = None
    bound(
        st.selectbox,
        "pf_edit_choice",
        draft.editing or "",
        _choose,
        label=tr(lang, "pf_edit_choice"),
        options=["", *names],
        format_func=lambda name: name or tr(lang, "pf_new_system"),
    )
    with st.form("pf_form", border=True, enter_to_submit=False):
        left, right = st.columns(2)
        with left:
            draw_fields(FORM_PREFIX, draft, LEFT, library, lang)
        with right:
            draw_fields(FORM_PREFIX, draft, RIGHT, library, lang)
        draw_fields(FORM_PREFIX, draft, BELOW, library, lang)
        st.form_submit_button(
            tr(lang, "pf_save_changes" if draft.editing else "pf_add"),
            type="primary",
            on_click=_save,
            key="pf_save",
        )
    show_problems(lang, draft)


@safe_callback
def _choose(name: str | None) -> None:
    """Another system chosen to edit, or "new": the form shows it (what was typed for the one
    before is dropped, as the officer asked for another)."""
    state = get_state()
    view = portfolio_view()
    if name:
        view.draft = SystemDraft.of(current_store(state).get(name))
    else:
        view.draft = SystemDraft()
    show_draft(FORM_PREFIX, view.draft, FORM_FIELDS)


@safe_callback
def _save() -> None:
    state = get_state()
    lang = state.ui_lang
    view = portfolio_view()
    draft = view.draft
    take_fields(FORM_PREFIX, draft, FORM_FIELDS)
    library = portfolio_library(state)
    record, problems = record_from_draft(draft, library, lang)
    if record is None:
        draft.problems = problems
        return
    store = current_store(state)
    renamed = not draft.editing or _folded(record.name) != _folded(draft.editing)
    if renamed and _name_in_use(store, record.name):
        draft.problems = [tr(lang, "pf_duplicate", name=record.name)]
        return
    try:
        if draft.editing:
            changes = changes_of(record, draft.original)
            stored, changed = store.edit(draft.editing, changes, actor=actor())
            message = (
                tr(lang, "pf_saved", name=stored.name, fields=", ".join(changed))
                if changed
                else tr(lang, "pf_unchanged", name=stored.name)
            )
        else:
            stored = store.add(record, actor=actor())
            message = tr(lang, "pf_added", name=stored.name)
    except ProcureError as exc:
        draft.problems = [str(exc)]
        return
    notify(state, "success", message)
    view.draft = SystemDraft()
    show_draft(FORM_PREFIX, view.draft, FORM_FIELDS)
    view.selected = stored.name
    view.area = view.integration = ALL  # so that the table shows it
    view.section = SECTION_SYSTEMS


def _name_in_use(store, name: str) -> bool:
    """Whether a system in use has this name (the store refuses it too, in its own words;
    this says what to do in the wizard)."""
    try:
        store.get(name)
    except ProcureError:
        return False
    return True


def _folded(name: str) -> str:
    return " ".join(name.split()).casefold()
