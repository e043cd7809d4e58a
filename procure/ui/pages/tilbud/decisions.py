"""A person's decisions on one bid, beside procure's proposal: the buyer's decision on each
reservation (a price, cannot be priced, or a fundamental element; DOMAIN section 5) and the
confirmation of the bid's compliance (konditionsmæssighed). Both are appended to this tender's
evaluation file with who, when and why.

Each form is drawn only while its expander is open: ten bids' forms would otherwise be sent
on every rerun of the step.
"""

from __future__ import annotations

import streamlit as st

from procure.errors import ProcureError
from procure.evaluation import EvaluationResult, Overrides
from procure.evaluation.committee import append_confirmation
from procure.evaluation.messages import reservation_status
from procure.evaluation.overrides import RESERVATION_DECISIONS, append_reservation_decision
from procure.formats import time_text
from procure.tender.spec import TenderSpec
from procure.ui.checking import CheckOutcome
from procure.ui.session import bound, get_state, plain, safe_callback
from procure.ui.state import EntryDraft, Notice, WizardState, keep_overrides, overrides_for
from procure.ui.texts import tr


def confirmation(
    state: WizardState,
    spec: TenderSpec,
    result: EvaluationResult,
    key: str,
    overrides: Overrides,
) -> None:
    """Who confirmed the bid's compliance, and the form to confirm it (or not)."""
    lang = state.ui_lang
    entry = overrides.confirmation(result.vendor)
    if entry is None:
        st.caption(tr(lang, "confirm_none"))
    else:
        text = tr(
            lang,
            "confirm_yes" if entry.compliant else "confirm_no",
            by=entry.by,
            at=_when(entry.at, lang),
            why=entry.why,
        )
        if entry.compliant != result.compliant:
            text += " " + tr(lang, "confirm_differs")
        (st.success if entry.compliant else st.error)(plain(text))
    draft = _draft(state, f"confirm:{key}")
    form = st.expander(
        tr(lang, "confirm_heading"), key=f"confirm_{key}_expander", on_change="rerun"
    )
    if not form.open:
        return
    with form:
        _message(draft)
        chosen = draft.choice or ("yes" if result.compliant else "no")
        bound(
            st.radio,
            f"confirm_{key}_compliant",
            chosen,
            lambda value: setattr(draft, "choice", str(value)),
            label=tr(lang, "confirm_question"),
            options=["yes", "no"],
            format_func=lambda value: tr(lang, f"confirm_option_{value}"),
            horizontal=True,
            help=tr(lang, "confirm_question_help"),
        )
        _who_and_why(state, draft, f"confirm_{key}", tr(lang, "confirm_why"))
        st.button(
            tr(lang, "confirm_save"),
            key=f"confirm_{key}_save",
            type="primary",
            on_click=_save_confirmation,
            args=(key, spec, result.vendor),
        )


def reservation_decisions(state: WizardState, outcome: CheckOutcome, index: int, key: str) -> None:
    """The form where the buyer decides one of the bid's reservations."""
    lang = state.ui_lang
    result = outcome.results[index]
    if not result.reservations:
        return
    draft = _draft(state, f"decision:{key}")
    # The label stays the same: a changed label would be another expander, closed again.
    form = st.expander(
        tr(lang, "decision_heading"), key=f"decision_{key}_expander", on_change="rerun"
    )
    if not form.open:
        return
    with form:
        _message(draft)
        st.caption(tr(lang, "decision_intro", open=len(result.reservations_open)))
        by_id = {r.id: r for r in result.reservations}
        ids = list(by_id)
        chosen = draft.requirement_id if draft.requirement_id in by_id else ids[0]
        requirements = outcome.requirements_by_id()
        bound(
            st.selectbox,
            f"decision_{key}_requirement",
            chosen,
            lambda value: setattr(draft, "requirement_id", str(value)),
            label=tr(lang, "decision_requirement"),
            options=ids,
            format_func=lambda rid: tr(
                lang,
                "decision_option",
                id=rid,
                title=requirements[rid].title if rid in requirements else "",
                status=reservation_status(by_id[rid], lang),
            ),
        )
        reservation = by_id[chosen]
        st.caption(plain(tr(lang, "decision_text", text=reservation.text or "–")))
        decision = draft.choice if draft.choice in RESERVATION_DECISIONS else "priced"
        bound(
            st.radio,
            f"decision_{key}_decision",
            decision,
            lambda value: setattr(draft, "choice", str(value)),
            label=tr(lang, "decision_label"),
            options=list(RESERVATION_DECISIONS),
            format_func=lambda value: tr(lang, f"decision_{value}"),
            help=tr(lang, "decision_help"),
        )
        if decision == "priced":
            bound(
                st.text_input,
                f"decision_{key}_price",
                draft.price,
                lambda value: setattr(draft, "price", str(value or "")),
                label=tr(lang, "decision_price"),
                help=tr(lang, "decision_price_help"),
                max_chars=30,
            )
        _who_and_why(state, draft, f"decision_{key}", tr(lang, "decision_why"))
        st.button(
            tr(lang, "decision_save"),
            key=f"decision_{key}_save",
            type="primary",
            on_click=_save_decision,
            args=(key, outcome.spec, result.vendor),
        )


def _who_and_why(state: WizardState, draft: EntryDraft, prefix: str, why_label: str) -> None:
    lang = state.ui_lang
    bound(
        st.text_input,
        f"{prefix}_by",
        state.check.evaluator,
        lambda value: setattr(state.check, "evaluator", str(value or "")),
        label=tr(lang, "entry_by"),
        max_chars=200,
    )
    bound(
        st.text_area,
        f"{prefix}_why",
        draft.why,
        lambda value: setattr(draft, "why", str(value or "")),
        label=why_label,
        max_chars=5000,
    )


def _draft(state: WizardState, name: str) -> EntryDraft:
    return state.check.entries.setdefault(name, EntryDraft())


def _message(draft: EntryDraft) -> None:
    if draft.message is not None:
        (st.success if draft.message.level == "success" else st.error)(plain(draft.message.text))
        draft.message = None


def _when(at: str, lang: str) -> str:
    import datetime as dt

    try:
        return time_text(dt.datetime.fromisoformat(at), lang)
    except ValueError:
        return at


def _typed(key: str, name: str, fallback: str) -> str:
    """What the form shows now: a field's own change callback may run after the button's."""
    value = st.session_state.get(f"{key}_{name}", fallback)
    return fallback if value is None else str(value)


@safe_callback
def _save_confirmation(key: str, spec: TenderSpec, vendor: str) -> None:
    state = get_state()
    lang = state.ui_lang
    check = state.check
    draft = _draft(state, f"confirm:{key}")
    prefix = f"confirm_{key}"
    draft.choice = _typed(prefix, "compliant", draft.choice or "yes")
    draft.why = _typed(prefix, "why", draft.why)
    check.evaluator = _typed(prefix, "by", check.evaluator)
    try:
        updated = append_confirmation(
            overrides_for(check, spec.tender.id),
            spec,
            vendor=vendor,
            compliant=draft.choice == "yes",
            why=draft.why,
            by=check.evaluator,
        )
    except ProcureError as exc:
        draft.message = Notice("error", tr(lang, "entry_not_saved") + " " + str(exc))
        return
    keep_overrides(check, updated)
    check.entries[f"confirm:{key}"] = EntryDraft(
        message=Notice("success", tr(lang, "confirm_saved", vendor=vendor))
    )


@safe_callback
def _save_decision(key: str, spec: TenderSpec, vendor: str) -> None:
    state = get_state()
    lang = state.ui_lang
    check = state.check
    draft = _draft(state, f"decision:{key}")
    prefix = f"decision_{key}"
    draft.requirement_id = _typed(prefix, "requirement", draft.requirement_id or "")
    draft.choice = _typed(prefix, "decision", draft.choice or "priced")
    draft.price = _typed(prefix, "price", draft.price)
    draft.why = _typed(prefix, "why", draft.why)
    check.evaluator = _typed(prefix, "by", check.evaluator)
    try:
        updated = append_reservation_decision(
            overrides_for(check, spec.tender.id),
            spec,
            vendor=vendor,
            requirement_id=draft.requirement_id,
            decision=draft.choice,
            # read as the officer's language writes it (safe_callback set it): 45.000,50
            price=draft.price if draft.choice == "priced" else None,
            justification=draft.why,
            by=check.evaluator,
        )
    except ProcureError as exc:
        draft.message = Notice("error", tr(lang, "entry_not_saved") + " " + str(exc))
        return
    keep_overrides(check, updated)
    check.entries[f"decision:{key}"] = EntryDraft(
        requirement_id=draft.requirement_id,
        message=Notice(
            "success",
            tr(lang, "decision_saved", id=draft.requirement_id, vendor=vendor),
        ),
    )
