"""Publishing the tender, and correcting it after publication (rettelsesblad): the wizard's side
of procure.tender.lifecycle, like `procure tender publish` and `procure tender amend`.

Publishing freezes the requirements, their kinds and weights, the integrations, the evaluation
model, the price lines and the deadline. A change to them before the deadline is saved as a
correction with its reason (the version goes up, the change is recorded); after the first bid
is opened nothing of it can change (udbudsloven § 160), and the change can only be undone.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from procure.award import evaluation_problems_for_spec
from procure.errors import ProcureError
from procure.tender import parse_tender, resolve_tender
from procure.tender.lifecycle import (
    amend,
    amendment_line,
    is_published,
    publication_problems,
    publish,
    status_line,
)
from procure.tender.spec import TenderSpec
from procure.ui.corrections import pending_now
from procure.ui.persistence import workspace
from procure.ui.publication import for_resolving, now, with_status
from procure.ui.session import bound, current_library, get_state, notify, plain, safe_callback
from procure.ui.state import WizardState, build_tender, load_tender
from procure.ui.texts import tr


@dataclass
class PublicationView:
    """What the officer is entering here: never saved with the tender."""

    understood: bool = False  # publishing freezes the tender: said and ticked first
    why: str = ""  # the correction's reason


def view() -> PublicationView:
    from procure.ui.session import session_object

    return session_object("procure_publication_view", PublicationView)


def render(state: WizardState, spec: TenderSpec) -> bool:
    """The tender's publication; False while a change to a published tender is pending (the
    documents offered would then not be the published ones)."""
    lang = state.ui_lang
    st.subheader(tr(lang, "pub_heading"))
    tender = spec.tender
    if not is_published(tender):
        _publish(state, spec)
        return True
    st.info(plain(status_line(tender).text(lang)))
    for amendment in tender.amendments:
        st.caption(plain(amendment_line(amendment).text(lang)))
    pending = pending_now(state)
    if pending is None:
        return True
    if pending.can_amend:
        _amend(state, pending)
    else:
        rule = pending.rule.text(lang) if pending.rule is not None else ""
        st.error(plain(tr(lang, "pub_frozen", rule=rule)))
        _changes(lang, pending)
    st.button(tr(lang, "pub_revert"), key="pub_revert", on_click=_revert)
    return False


def _publish(state: WizardState, spec: TenderSpec) -> None:
    lang = state.ui_lang
    st.caption(tr(lang, "pub_intro"))
    problems = [m.text(lang) for m in publication_problems(spec, now())]
    problems += [p.text(lang) for p in evaluation_problems_for_spec(spec)]
    if state.evaluation is None:
        problems.insert(0, tr(lang, "pub_model_not_confirmed"))
    if problems:
        st.warning(
            tr(lang, "pub_not_yet", count=len(problems))
            + "\n\n"
            + "\n".join(f"- {plain(p)}" for p in problems)
        )
        return
    shown = view()
    bound(
        st.checkbox,
        "pub_understood",
        shown.understood,
        lambda value: setattr(shown, "understood", bool(value)),
        label=tr(lang, "pub_understood"),
    )
    st.button(
        tr(lang, "pub_publish"),
        key="pub_publish",
        type="primary",
        disabled=not shown.understood,
        on_click=_do_publish,
        icon=":material/publish:",
    )


def _amend(state: WizardState, pending) -> None:
    lang = state.ui_lang
    st.warning(tr(lang, "pub_pending"))
    _changes(lang, pending)
    shown = view()
    bound(
        st.text_area,
        "pub_why",
        shown.why,
        lambda value: setattr(shown, "why", str(value or "")),
        label=tr(lang, "pub_why"),
        help=tr(lang, "pub_why_help"),
        max_chars=5000,
    )
    st.button(
        tr(lang, "pub_amend"),
        key="pub_amend",
        type="primary",
        on_click=_do_amend,
        icon=":material/edit_note:",
    )


def _changes(lang: str, pending) -> None:
    if pending.changes:
        st.markdown("\n".join(f"- {plain(change.what.text(lang))}" for change in pending.changes))


def _current_spec(state: WizardState) -> TenderSpec:
    library = current_library(state)
    return resolve_tender(for_resolving(build_tender(state, library)), library)


@safe_callback
def _do_publish() -> None:
    state = get_state()
    lang = state.ui_lang
    if state.evaluation is None:
        raise ProcureError(tr(lang, "pub_model_not_confirmed"))
    spec = _current_spec(state)
    problems = evaluation_problems_for_spec(spec)
    if problems:
        raise ProcureError(problems[0].text(lang))
    published = publish(spec, now())
    with_status(state, published)
    view().understood = False
    notify(state, "success", tr(lang, "pub_published", at=published.publication.published_at))


@safe_callback
def _do_amend() -> None:
    state = get_state()
    lang = state.ui_lang
    shown = view()
    shown.why = str(st.session_state.get("pub_why", shown.why) or "")
    pending = pending_now(state)
    if pending is None or pending.published is None:
        return
    edited = _current_spec(state)
    problems = evaluation_problems_for_spec(edited)
    if problems:
        raise ProcureError(problems[0].text(lang))
    corrected = amend(pending.published, edited, shown.why, now())
    with_status(state, corrected)
    shown.why = ""
    notify(state, "success", tr(lang, "pub_amended", version=corrected.version))


@safe_callback
def _revert() -> None:
    """The published file back on screen; the status the wizard has (bids opened since, for
    instance) stays."""
    state = get_state()
    text = workspace().tender_text(state.tender_id)
    if text is None:
        raise ProcureError(tr(state.ui_lang, "pub_no_file"))
    kept = dict(state.tender_extra)
    load_tender(state, parse_tender(text, "tender.yaml"), current_library(state))
    state.tender_extra = kept
    notify(state, "info", tr(state.ui_lang, "pub_reverted"))
