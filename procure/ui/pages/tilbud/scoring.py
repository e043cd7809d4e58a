"""The evaluators' points: each evaluator, on their own, gives every evaluated requirement of a
compliant bid points on the published scale, reading the vendor's description beside the
scale's anchors. Each evaluator's points are kept apart in the evaluation file."""

from __future__ import annotations

import streamlit as st

from procure.errors import ProcureError
from procure.evaluation import Overrides
from procure.evaluation.committee import append_score
from procure.evaluation.messages import number
from procure.forms import ANSWER_LABELS
from procure.tender.spec import TenderSpec
from procure.ui.arrow import arrow_table
from procure.ui.awarding import AwardView
from procure.ui.checking import CheckOutcome
from procure.ui.session import bound, get_state, plain, safe_callback
from procure.ui.state import EntryDraft, Notice, WizardState, keep_overrides, overrides_for
from procure.ui.texts import tr

DRAFT = "score"


def render(state: WizardState, outcome: CheckOutcome, overrides: Overrides, view: AwardView):
    lang = state.ui_lang
    st.subheader(tr(lang, "scoring_heading"))
    st.caption(tr(lang, "scoring_intro"))
    vendors = evaluated_vendors(outcome, view)
    if not view.evaluated:
        st.info(tr(lang, "scoring_nothing_evaluated"))
        return
    if not vendors:
        st.info(tr(lang, "scoring_no_compliant_bid"))
        return
    excluded = [b.vendor for b in view.bids if not b.compliant]
    if excluded:
        st.caption(plain(tr(lang, "scoring_excluded", vendors=", ".join(excluded))))
    draft = state.check.entries.setdefault(DRAFT, EntryDraft())
    message(draft)
    bound(
        st.text_input,
        "score_evaluator",
        state.check.evaluator,
        lambda value: setattr(state.check, "evaluator", str(value or "")),
        label=tr(lang, "scoring_evaluator"),
        max_chars=200,
        help=tr(lang, "scoring_evaluator_help"),
    )
    evaluator = " ".join(state.check.evaluator.split())
    vendor = draft.vendor if draft.vendor in vendors else next(iter(vendors))
    bound(
        st.selectbox,
        "score_vendor",
        vendor,
        lambda value: setattr(draft, "vendor", str(value)),
        label=tr(lang, "col_vendor"),
        options=list(vendors),
    )
    if not evaluator:
        st.info(tr(lang, "scoring_name_first"))
        return
    index = vendors[vendor]
    given = own_scores(overrides, vendor, evaluator)
    done = sum(1 for rid in view.evaluated if rid in given)
    st.caption(
        plain(
            tr(
                lang,
                "scoring_progress",
                evaluator=evaluator,
                done=done,
                total=len(view.evaluated),
                vendor=vendor,
            )
        )
    )
    requirement_id = pick_requirement(draft, view.evaluated, lambda rid: rid not in given)
    requirements = outcome.requirements_by_id()

    def label(rid: str) -> str:
        score = given.get(rid)
        status = (
            tr(lang, "scoring_not_given")
            if score is None
            else tr(lang, "points_short", points=number(score.points, lang))
        )
        return requirement_label(requirements, rid, status)

    bound(
        st.selectbox,
        "score_requirement",
        requirement_id,
        lambda value: setattr(draft, "requirement_id", str(value)),
        label=tr(lang, "scoring_requirement"),
        options=list(view.evaluated),
        format_func=label,
    )
    left, right = st.columns([3, 2])
    with left:
        vendor_description(state, outcome, index, requirement_id)
    with right:
        anchors(state, view)
    points_col, _ = st.columns([1, 3])
    bound(
        points_col.text_input,
        "score_points",
        draft.points,
        lambda value: setattr(draft, "points", str(value or "")),
        label=tr(lang, "scoring_points", max=view.model.scale.max),
        placeholder=f"0–{view.model.scale.max}",
        help=tr(lang, "scoring_points_help", decimals=view.model.scale.decimals),
        max_chars=20,
    )
    bound(
        st.text_area,
        "score_why",
        draft.why,
        lambda value: setattr(draft, "why", str(value or "")),
        label=tr(lang, "scoring_why"),
        help=tr(lang, "scoring_why_help"),
        max_chars=5000,
    )
    st.button(
        tr(lang, "scoring_save"),
        key="score_save",
        type="primary",
        on_click=_save,
        args=(outcome.spec, view, vendor, requirement_id),
    )


def evaluated_vendors(outcome: CheckOutcome, view: AwardView) -> dict[str, int]:
    """The bids that are evaluated (compliant by a person's confirmation or, until then, by
    procure's proposal), by vendor, with the index of their result."""
    compliant = {b.vendor for b in view.bids if b.compliant}
    vendors: dict[str, int] = {}
    for index, result in enumerate(outcome.results):
        if result.vendor in compliant:
            vendors.setdefault(result.vendor, index)
    return vendors


def own_scores(overrides: Overrides, vendor: str, evaluator: str) -> dict:
    """One evaluator's scores of one bid, by requirement (vendor names compared loosely, as
    the evaluation file does), found in one pass over the file's scores."""
    wanted = loose(vendor)
    return {
        s.requirement: s
        for s in overrides.scores
        if s.evaluator == evaluator and loose(s.vendor) == wanted
    }


def loose(name: str) -> str:
    return " ".join(name.split()).casefold()


def pick_requirement(draft: EntryDraft, evaluated, to_do) -> str:
    """The draft's requirement, else the first one still to do, else the first."""
    if draft.requirement_id in evaluated:
        return draft.requirement_id
    return next((rid for rid in evaluated if to_do(rid)), evaluated[0])


def requirement_label(requirements, rid: str, status: str) -> str:
    requirement = requirements.get(rid)
    if requirement is None:
        return f"{rid} – {status}"
    return f"{requirement.number} {rid} {requirement.title} – {status}"


def vendor_description(state: WizardState, outcome: CheckOutcome, index: int, rid: str) -> None:
    """The requirement as published, and the vendor's answer, description and reservation."""
    lang = state.ui_lang
    requirement = outcome.requirements_by_id().get(rid)
    verdict = outcome.verdicts_by_id(index).get(rid)
    if requirement is not None:
        st.markdown(f"**{plain(requirement.number)} {plain(rid)} {plain(requirement.title)}**")
        st.caption(plain(requirement.text))
    if verdict is None:
        st.warning(tr(lang, "scoring_no_answer"))
        return
    answers = ANSWER_LABELS.get(outcome.spec.language, ANSWER_LABELS["da"])
    answer = answers[verdict.answer] if verdict.answer else verdict.answer_text or "–"
    st.markdown(f"**{tr(lang, 'scoring_answer')}:** " + plain(answer))
    with st.container(border=True):
        if verdict.description:
            st.markdown(plain(verdict.description))
        else:
            st.caption(tr(lang, "scoring_no_description"))
    if verdict.reservation_text:
        st.markdown(f"**{tr(lang, 'col_reservation')}:** " + plain(verdict.reservation_text))


def anchors(state: WizardState, view: AwardView) -> None:
    """The published scale and its anchors, beside what is scored."""
    lang = state.ui_lang
    scale = view.model.scale
    st.markdown(f"**{tr(lang, 'scoring_scale', max=scale.max, decimals=scale.decimals)}**")
    if not scale.anchors:
        st.caption(tr(lang, "scoring_no_anchors"))
        return
    st.dataframe(
        arrow_table(
            [
                {tr(lang, "col_points"): number(points, lang), tr(lang, "col_meaning"): text}
                for points, text in scale.anchors
            ]
        ),
        hide_index=True,
        width="stretch",
    )


def message(draft: EntryDraft) -> None:
    if draft.message is not None:
        (st.success if draft.message.level == "success" else st.error)(plain(draft.message.text))
        draft.message = None


@safe_callback
def _save(spec: TenderSpec, view: AwardView, vendor: str, requirement_id: str) -> None:
    state = get_state()
    lang = state.ui_lang
    check = state.check
    draft, vendor, requirement_id = read_entry_form(
        check, view, DRAFT, "score", "score_evaluator", vendor, requirement_id
    )
    try:
        updated = append_score(
            overrides_for(check, spec.tender.id),
            spec,
            vendor=vendor,
            evaluator=check.evaluator,
            requirement_id=requirement_id,
            points=draft.points,
            why=draft.why,
            model=view.model,
        )
    except ProcureError as exc:
        draft.message = Notice("error", tr(lang, "entry_not_saved") + " " + str(exc))
        return
    keep_overrides(check, updated)
    evaluator = " ".join(check.evaluator.split())
    saved = updated.scores_for(vendor, requirement_id)[evaluator]
    # On to the next requirement this evaluator has not scored for this bid
    following = next_open(view, requirement_id, own_scores(updated, vendor, evaluator))
    check.entries[DRAFT] = EntryDraft(
        vendor=vendor,
        requirement_id=following,
        message=Notice(
            "success",
            tr(
                lang,
                "scoring_saved",
                evaluator=evaluator,
                vendor=vendor,
                points=number(saved.points, lang),
                id=requirement_id,
            ),
        ),
    )


def read_entry_form(
    check,
    view: AwardView,
    draft_key: str,
    prefix: str,
    who_key: str,
    vendor: str,
    requirement_id: str,
) -> tuple[EntryDraft, str, str]:
    """What an entry form (points or consensus) shows now, kept in its draft: the draft, and
    the vendor and requirement on screen. The select's own change callback may run after the
    save button's, so the widgets' values count over the arguments the button was made with."""
    draft = check.entries.setdefault(draft_key, EntryDraft())
    values = st.session_state
    shown = values.get(f"{prefix}_requirement")
    if shown in view.evaluated:
        requirement_id = str(shown)
    shown = values.get(f"{prefix}_vendor")
    if shown in {b.vendor for b in view.bids if b.compliant}:
        vendor = str(shown)
    draft.points = str(values.get(f"{prefix}_points", draft.points) or "")
    draft.why = str(values.get(f"{prefix}_why", draft.why) or "")
    check.evaluator = str(values.get(who_key, check.evaluator) or "")
    return draft, vendor, requirement_id


def next_open(view: AwardView, requirement_id: str, done: set[str]) -> str:
    """The next evaluated requirement after `requirement_id` not in `done` (wrapping round),
    or `requirement_id` itself when every one is done."""
    evaluated = list(view.evaluated)
    after = evaluated[evaluated.index(requirement_id) + 1 :] + evaluated
    return next((rid for rid in after if rid not in done), requirement_id)
