"""What evaluators decide on the Tilbud step: a PK's points set by hand for one vendor (the
override form), and this tender's overrides saved to or loaded from an evaluation file."""

from __future__ import annotations

import streamlit as st

from procure.errors import ProcureError
from procure.evaluation import (
    EvaluationResult,
    Overrides,
    append_override,
    dump_overrides,
    parse_overrides,
)
from procure.tender.io import MAX_TENDER_BYTES
from procure.tender.spec import TenderSpec
from procure.ui.checking import CheckOutcome
from procure.ui.downloads import MIME
from procure.ui.pages.tilbud.outcome import VendorParts, points_text
from procure.ui.session import bound, get_state, plain, safe_callback
from procure.ui.state import (
    Notice,
    OverrideDraft,
    WizardState,
    confirm_pending_overrides,
    keep_overrides,
    offer_overrides,
    overrides_for,
)
from procure.ui.texts import tr
from procure.yamlio import text_from_bytes


def override_form(
    state: WizardState, outcome: CheckOutcome, index: int, parts: VendorParts
) -> None:
    """The expander where an evaluator sets one PK's points for this vendor by hand."""
    lang = state.ui_lang
    spec, result, key = outcome.spec, outcome.results[index], parts.key
    draft = state.check.drafts.setdefault(key, OverrideDraft())
    # The key keeps the expander open while the results above it change after a save.
    with st.expander(tr(lang, "override_heading"), key=f"override_{key}_expander"):
        if draft.message is not None:
            show = st.success if draft.message.level == "success" else st.error
            show(plain(draft.message.text))
            draft.message = None
        if not parts.pk_ids:
            st.caption(tr(lang, "override_no_pk"))
            return
        st.caption(tr(lang, "override_intro"))
        ids = list(parts.pk_ids)
        chosen = draft.requirement_id if draft.requirement_id in ids else ids[0]
        bound(
            st.selectbox,
            f"override_{key}_requirement",
            chosen,
            lambda value: _choose(draft, value, ids),
            label=tr(lang, "override_requirement"),
            options=ids,
            format_func=parts.options.__getitem__,
        )
        requirement = outcome.requirements_by_id().get(chosen)
        verdict = outcome.verdicts_by_id(index).get(chosen)
        computed = verdict.computed_points if verdict is not None else None
        final = verdict.final_points if verdict is not None else None
        st.caption(
            tr(
                lang,
                "override_selected",
                weight=requirement.weight if requirement is not None else "–",
                computed=points_text(computed, lang),
                final=points_text(final, lang),
            )
        )
        points_col, by_col = st.columns([1, 2])
        bound(
            points_col.text_input,
            f"override_{key}_points",
            draft.points,
            lambda value: setattr(draft, "points", value),
            label=tr(lang, "override_points"),
            placeholder=f"0–{requirement.weight if requirement is not None else ''}",
            help=tr(lang, "override_points_help"),
            max_chars=20,
        )
        bound(
            by_col.text_input,
            f"override_{key}_by",
            state.check.evaluator,
            lambda value: setattr(state.check, "evaluator", value),
            label=tr(lang, "override_by"),
            max_chars=200,
        )
        bound(
            st.text_area,
            f"override_{key}_why",
            draft.justification,
            lambda value: setattr(draft, "justification", value),
            label=tr(lang, "override_why"),
            help=tr(lang, "override_why_help"),
            max_chars=5000,
        )
        st.button(
            tr(lang, "override_save"),
            key=f"override_{key}_save",
            type="primary",
            on_click=_save_override,
            args=(key, spec, result),
        )


def _choose(draft: OverrideDraft, requirement_id: object, ids: list[str]) -> None:
    if requirement_id in ids:  # else a label the select could not map back (language switch)
        draft.requirement_id = str(requirement_id)


@safe_callback
def _save_override(key: str, spec: TenderSpec, result: EvaluationResult) -> None:
    """Validate and keep one override; an error keeps everything the officer entered."""
    state = get_state()
    lang = state.ui_lang
    check = state.check
    draft = check.drafts.setdefault(key, OverrideDraft())
    # What the form shows now: a field's own change callback may run after this one.
    values = st.session_state
    chosen = values.get(f"override_{key}_requirement")
    if chosen is not None and spec.requirement(str(chosen)) is not None:  # else an unmapped label
        draft.requirement_id = str(chosen)
    draft.points = values.get(f"override_{key}_points", draft.points)
    draft.justification = values.get(f"override_{key}_why", draft.justification)
    check.evaluator = values.get(f"override_{key}_by", check.evaluator)
    requirement_id = draft.requirement_id or ""
    verdict = result.verdict(requirement_id)
    try:
        updated = append_override(
            overrides_for(check, spec.tender.id),
            spec,
            vendor=result.vendor,
            requirement_id=requirement_id,
            points=draft.points,
            justification=draft.justification,
            by=check.evaluator,
            computed_points=verdict.computed_points if verdict is not None else None,
        )
    except ProcureError as exc:
        draft.message = Notice("error", tr(lang, "override_not_saved") + " " + str(exc))
        return
    keep_overrides(check, updated)
    entry = updated.entries[-1]
    # A fresh draft: the old one may still get a late change callback, which then goes nowhere.
    check.drafts[key] = OverrideDraft(
        requirement_id=requirement_id,
        message=Notice(
            "success",
            tr(
                lang,
                "override_saved",
                id=entry.requirement_id,
                vendor=entry.vendor,
                old=points_text(entry.old_points, lang),
                new=points_text(entry.points, lang),
            ),
        ),
    )


def evaluation_file(state: WizardState, spec: TenderSpec, overrides: Overrides) -> None:
    """Download this tender's overrides as an evaluation file, or load a saved one."""
    lang = state.ui_lang
    check = state.check
    st.divider()
    st.subheader(tr(lang, "evaluation_heading"))
    if check.evaluation_notice is not None:
        show = st.success if check.evaluation_notice.level == "success" else st.error
        show(plain(check.evaluation_notice.text))
        check.evaluation_notice = None
    pending = check.pending_evaluation
    if pending is not None and pending.tender_id != spec.tender.id:
        check.pending_evaluation, pending = None, None  # offered for a tender no longer checked
    if pending is not None:
        st.warning(
            plain(
                tr(
                    lang,
                    "evaluation_replace_question",
                    name=check.pending_evaluation_name,
                    count=len(pending.entries),
                    current=len(overrides.entries),
                )
            )
        )
        yes, no, _ = st.columns([1, 1, 3])
        yes.button(
            tr(lang, "evaluation_replace_yes"),
            key="evaluation_replace_yes",
            on_click=_confirm_evaluation,
        )
        no.button(tr(lang, "cancel"), key="evaluation_replace_no", on_click=_cancel_evaluation)
    if not overrides.empty:
        st.caption(
            tr(
                lang,
                "evaluation_count",
                count=len(overrides.entries),
                decisions=len(overrides.reservation_decisions),
                scores=len(overrides.scores),
                consensus=len(overrides.consensus),
                confirmations=len(overrides.confirmations),
            )
        )
        st.download_button(
            tr(lang, "evaluation_download"),
            data=dump_overrides(overrides).encode("utf-8"),
            file_name=_evaluation_file_name(state),
            mime=MIME[".yaml"],
            key="download_evaluation.yaml",
            on_click="ignore",
            icon=":material/save:",
            help=tr(lang, "evaluation_download_help"),
        )
    else:
        st.caption(tr(lang, "evaluation_none"))
    key = f"evaluation_upload_{check.upload_round}"
    st.file_uploader(
        tr(lang, "evaluation_upload_label"),
        type=["yaml", "yml"],
        key=key,
        on_change=_evaluation_uploaded,
        args=(key, spec),
        help=tr(lang, "evaluation_upload_help"),
    )


def _evaluation_file_name(state: WizardState) -> str:
    """`tender.evaluation.yaml`, to keep beside the tender's tender.yaml."""
    return "tender.evaluation.yaml"


@safe_callback
def _evaluation_uploaded(key: str, spec: TenderSpec) -> None:
    """Load a saved evaluation file for the tender on screen; any problem leaves things as they
    were and says why next to the uploader."""
    state = get_state()
    lang = state.ui_lang
    uploaded = st.session_state.get(key)
    if uploaded is None:
        return
    state.check.upload_round += 1  # a fresh uploader next time: the file is handled now
    try:
        data = uploaded.getvalue()
        if len(data) > MAX_TENDER_BYTES:
            raise ProcureError.invalid(uploaded.name, tr(lang, "evaluation_too_big"))
        loaded = parse_overrides(text_from_bytes(data, uploaded.name), uploaded.name, spec)
    except ProcureError as exc:
        state.check.evaluation_notice = Notice(
            "error",
            tr(lang, "evaluation_load_failed", name=uploaded.name, title=spec.tender.title)
            + "\n\n"
            + str(exc),
        )
        return
    if offer_overrides(state.check, spec.tender.id, loaded, uploaded.name):
        state.check.evaluation_notice = Notice(
            "success", tr(lang, "evaluation_loaded", name=uploaded.name, count=len(loaded.entries))
        )


@safe_callback
def _confirm_evaluation() -> None:
    state = get_state()
    loaded = confirm_pending_overrides(state.check)
    if loaded is not None:
        state.check.evaluation_notice = Notice(
            "success", tr(state.ui_lang, "evaluation_replaced", count=len(loaded.entries))
        )


@safe_callback
def _cancel_evaluation() -> None:
    state = get_state()
    state.check.pending_evaluation, state.check.pending_evaluation_name = None, ""
