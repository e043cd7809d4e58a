"""Step 5, "Krav": the library's proposal, adjusted by the officer, plus local requirements.

The page, top to bottom: what changed in the proposal, the choices that are hard to defend, the
counts and the reset (here); the searchable, paged list of requirement cards (`cards.py`); the
officer's own requirements (`local.py`). Texts: procure/ui/texts/krav.py.
"""

from __future__ import annotations

import dataclasses

import streamlit as st

from procure.library.model import KINDS, Library
from procure.tender import lint_tender
from procure.tender.lint import LIBRARY_FACT_CODES
from procure.tender.model import Tender
from procure.ui.pages.krav.cards import requirement_list
from procure.ui.pages.krav.local import add_local_form
from procure.ui.session import current_library, get_state, notify, plain, safe_callback
from procure.ui.state import (
    RequirementRow,
    WizardState,
    changed_count,
    kind_counts,
    orphaned_changes,
    propose,
    requirement_rows,
    selected_requirements,
    total_pk_weight,
)
from procure.ui.texts import tr


def render(state: WizardState) -> None:
    lang = state.ui_lang
    library = current_library(state)
    if not state.category:
        st.warning(tr(lang, "choose_category_first"))
        return
    proposal = propose(state, library)
    rows = requirement_rows(state, library, proposal)
    _proposal_changes(state, proposal)
    _defensibility(state, library, proposal)
    _summary(state, rows)
    _toolbar(state)
    _orphans(state, library, proposal)
    _unknown(state, rows)

    requirement_list(state, library, rows)
    st.divider()
    add_local_form(state, library)


def _proposal_changes(state: WizardState, proposal: Tender) -> None:
    """Say so when a change in steps 1–2 changed the proposal: the officer's changes stay."""
    lang = state.ui_lang
    now = tuple(r.id for r in proposal.requirements)
    before = state.last_proposed
    state.last_proposed = now
    if before is None or set(before) == set(now):
        return
    new, gone = len(set(now) - set(before)), len(set(before) - set(now))
    st.info(tr(lang, "proposal_changed", new=new, gone=gone, changes=changed_count(state)))


def _summary(state: WizardState, rows: list[RequirementRow]) -> None:
    lang = state.ui_lang
    kinds = [r.kind for r in rows if r.included] + [r.kind for r in state.local]
    counts = kind_counts(kinds)
    weight = total_pk_weight(rows, state.local)
    columns = st.columns(6)
    columns[0].metric(tr(lang, "total_requirements"), len(kinds))
    for column, kind in zip(columns[1:5], KINDS, strict=True):
        column.metric(tr(lang, f"kind_plural_{kind}"), counts[kind])
    columns[5].metric(tr(lang, "total_weight"), weight)


def _defensibility(state: WizardState, library: Library, proposal: Tender) -> None:
    """The choices that are hard to defend (procure.tender.lint) in one collapsible box, counted
    apart from what the library has not verified, which no choice of the officer's causes."""
    lang = state.ui_lang
    tender = dataclasses.replace(
        proposal,
        requirements=selected_requirements(state, library, proposal),
        custom_requirements=tuple(state.local),
    )
    warnings = lint_tender(tender, library)
    choices = [w for w in warnings if w.code not in LIBRARY_FACT_CODES]
    facts = [w for w in warnings if w.code in LIBRARY_FACT_CODES]
    # A key keeps each box open or closed as the officer left it while the count changes
    if choices:
        heading = ":orange[" + tr(lang, "lint_heading", count=len(choices)) + "]"
        with st.expander(heading, icon=":material/warning:", key="lint_box"):
            st.caption(tr(lang, "lint_intro"))
            st.warning(_warning_items(choices, lang))
    if facts:
        heading = tr(lang, "lint_facts_heading", count=len(facts))
        with st.expander(heading, icon=":material/info:", key="lint_facts_box"):
            st.caption(tr(lang, "lint_facts_intro"))
            st.info(_warning_items(facts, lang))


def _warning_items(warnings, lang: str) -> str:
    items = []
    for warning in warnings:
        message = warning.message.get(lang)
        if warning.subject:
            item = f"- **{plain(warning.subject)}** · {plain(warning.title.get(lang))}: "
            item += plain(message)
        else:  # about the whole tender: the message is the sentence
            item = "- " + plain(message[:1].upper() + message[1:])
        if warning.guidance.get(lang):
            item += f"  \n  _{tr(lang, 'lint_guidance')}_ {plain(warning.guidance.get(lang))}"
        items.append(item)
    return "\n".join(items)


def _toolbar(state: WizardState) -> None:
    lang = state.ui_lang
    changes = changed_count(state)
    text_col, button_col = st.columns([3, 1])
    text_col.caption(tr(lang, "changes_count", count=changes))
    if changes and not state.confirm_reset:
        button_col.button(tr(lang, "reset_button"), key="reset_ask", on_click=_ask_reset)
    if state.confirm_reset:
        st.warning(tr(lang, "reset_question", count=changes))
        yes, no, _ = st.columns([1, 1, 3])
        yes.button(tr(lang, "reset_yes"), key="reset_yes", type="primary", on_click=_reset)
        no.button(tr(lang, "cancel"), key="reset_no", on_click=_cancel_reset)


def _orphans(state: WizardState, library: Library, proposal: Tender) -> None:
    lang = state.ui_lang
    orphans = orphaned_changes(state, library, proposal)
    if not orphans:
        return
    with st.container(border=True):
        st.warning(tr(lang, "orphans_heading", count=len(orphans)))
        for rid in orphans:
            requirement = library.requirements_by_id.get(rid)
            title = requirement.title.get(lang) if requirement else "?"
            text_col, keep_col, forget_col = st.columns([4, 1, 1])
            text_col.markdown(f"**{plain(rid)}** {plain(title)}")
            keep_col.button(
                tr(lang, "orphan_keep"), key=f"orphan_keep_{rid}", on_click=_keep, args=(rid,)
            )
            forget_col.button(
                tr(lang, "orphan_forget"), key=f"orphan_forget_{rid}", on_click=_forget, args=(rid,)
            )


def _unknown(state: WizardState, rows: list[RequirementRow]) -> None:
    lang = state.ui_lang
    unknown = [r for r in rows if r.requirement is None]
    if not unknown:
        return
    with st.container(border=True):
        st.error(
            tr(lang, "unknown_requirements", version=state.library_version or "?")
            + " "
            + plain(", ".join(r.id for r in unknown))
        )
        st.button(tr(lang, "remove_unknown"), key="remove_unknown", on_click=_remove_unknown)


@safe_callback
def _ask_reset() -> None:
    get_state().confirm_reset = True


@safe_callback
def _cancel_reset() -> None:
    get_state().confirm_reset = False


@safe_callback
def _reset() -> None:
    state = get_state()
    state.choices = {}
    state.confirm_reset = False
    notify(state, "success", tr(state.ui_lang, "reset_done"))


@safe_callback
def _keep(requirement_id: str) -> None:
    state = get_state()
    state.choices[requirement_id].include = True


@safe_callback
def _forget(requirement_id: str) -> None:
    get_state().choices.pop(requirement_id, None)


@safe_callback
def _remove_unknown() -> None:
    state = get_state()
    library = current_library(state)
    for rid in [r for r in state.choices if r not in library.requirements_by_id]:
        del state.choices[rid]
