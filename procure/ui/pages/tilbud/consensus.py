"""The committee's consensus: where the evaluators differ by more than a tenth of the scale, and
the agreed points for each evaluated requirement of each compliant bid, always with a reason
(udbudsloven §§ 171 and 174 quote it). A change of a recorded consensus is logged."""

from __future__ import annotations

from decimal import Decimal

import streamlit as st

from procure.award import disagreements
from procure.errors import ProcureError
from procure.evaluation import Overrides
from procure.evaluation.committee import append_consensus
from procure.evaluation.messages import number
from procure.tender.spec import TenderSpec
from procure.ui.arrow import arrow_table
from procure.ui.awarding import AwardView
from procure.ui.checking import CheckOutcome
from procure.ui.pages.tilbud.scoring import (
    anchors,
    evaluated_vendors,
    loose,
    message,
    next_open,
    pick_requirement,
    read_entry_form,
    requirement_label,
    vendor_description,
)
from procure.ui.session import bound, get_state, plain, safe_callback
from procure.ui.state import EntryDraft, Notice, WizardState, keep_overrides, overrides_for
from procure.ui.texts import tr

DRAFT = "consensus"


def render(state: WizardState, outcome: CheckOutcome, overrides: Overrides, view: AwardView):
    lang = state.ui_lang
    st.subheader(tr(lang, "consensus_heading"))
    st.caption(tr(lang, "consensus_intro", limit=number(Decimal(view.model.scale.max) / 10, lang)))
    vendors = evaluated_vendors(outcome, view)
    if not view.evaluated or not vendors:
        st.info(tr(lang, "scoring_no_compliant_bid"))
        return
    found = disagreements(overrides.scores, view.model.scale)
    _disagreements(state, found)
    for vendor in vendors:
        missing = view.consensus_missing(vendor)
        st.caption(
            plain(
                tr(
                    lang,
                    "consensus_status",
                    vendor=vendor,
                    done=len(view.evaluated) - len(missing),
                    total=len(view.evaluated),
                )
            )
        )
    draft = state.check.entries.setdefault(DRAFT, EntryDraft())
    message(draft)
    vendor = draft.vendor if draft.vendor in vendors else next(iter(vendors))
    bound(
        st.selectbox,
        "consensus_vendor",
        vendor,
        lambda value: setattr(draft, "vendor", str(value)),
        label=tr(lang, "col_vendor"),
        options=list(vendors),
    )
    wanted = loose(vendor)
    agreed = {c.requirement: c for c in overrides.consensus if loose(c.vendor) == wanted}
    by_evaluator: dict[str, dict] = {}
    for score in overrides.scores:
        if loose(score.vendor) == wanted:
            by_evaluator.setdefault(score.requirement, {})[score.evaluator] = score
    disputed = {i.requirement for i in found if loose(i.vendor) == wanted}
    requirement_id = pick_requirement(
        draft,
        view.evaluated,
        lambda rid: rid not in agreed and (rid in disputed or rid in by_evaluator),
    )
    requirements = outcome.requirements_by_id()

    def label(rid: str) -> str:
        if rid in agreed:
            status = tr(lang, "consensus_given", points=number(agreed[rid].points, lang))
        elif rid in disputed:
            status = tr(lang, "consensus_disputed")
        else:
            status = tr(lang, "consensus_missing")
        return requirement_label(requirements, rid, status)

    bound(
        st.selectbox,
        "consensus_requirement",
        requirement_id,
        lambda value: setattr(draft, "requirement_id", str(value)),
        label=tr(lang, "scoring_requirement"),
        options=list(view.evaluated),
        format_func=label,
    )
    left, right = st.columns([3, 2])
    with left:
        vendor_description(state, outcome, vendors[vendor], requirement_id)
    with right:
        _evaluators(state, by_evaluator.get(requirement_id, {}))
        anchors(state, view)
    current = agreed.get(requirement_id)
    if current is not None:
        st.info(
            plain(
                tr(
                    lang,
                    "consensus_current",
                    points=number(current.points, lang),
                    why=current.why,
                )
            )
        )
    points_col, by_col = st.columns([1, 2])
    bound(
        points_col.text_input,
        "consensus_points",
        draft.points,
        lambda value: setattr(draft, "points", str(value or "")),
        label=tr(lang, "consensus_points", max=view.model.scale.max),
        placeholder=f"0–{view.model.scale.max}",
        help=tr(lang, "scoring_points_help", decimals=view.model.scale.decimals),
        max_chars=20,
    )
    bound(
        by_col.text_input,
        "consensus_by",
        state.check.evaluator,
        lambda value: setattr(state.check, "evaluator", str(value or "")),
        label=tr(lang, "entry_by"),
        max_chars=200,
    )
    bound(
        st.text_area,
        "consensus_why",
        draft.why,
        lambda value: setattr(draft, "why", str(value or "")),
        label=tr(lang, "consensus_why"),
        help=tr(lang, "consensus_why_help"),
        max_chars=5000,
    )
    st.button(
        tr(lang, "consensus_save"),
        key="consensus_save",
        type="primary",
        on_click=_save,
        args=(outcome.spec, view, vendor, requirement_id),
    )


def _disagreements(state: WizardState, found) -> None:
    lang = state.ui_lang
    if not found:
        st.success(tr(lang, "consensus_no_disagreements"))
        return
    st.warning(tr(lang, "consensus_disagreements", count=len(found)))
    st.dataframe(
        arrow_table(
            [
                {
                    tr(lang, "col_vendor"): item.vendor,
                    tr(lang, "col_requirement"): item.requirement,
                    tr(lang, "col_evaluator_points"): " · ".join(
                        f"{name} {number(points, lang)}" for name, points in item.points
                    ),
                    tr(lang, "col_spread"): number(item.spread, lang),
                }
                for item in found
            ]
        ),
        hide_index=True,
        width="stretch",
    )


def _evaluators(state: WizardState, scores: dict) -> None:
    """Each evaluator's points and note for the requirement on screen."""
    lang = state.ui_lang
    st.markdown(f"**{tr(lang, 'consensus_evaluators')}**")
    if not scores:
        st.caption(tr(lang, "consensus_no_scores"))
        return
    st.dataframe(
        arrow_table(
            [
                {
                    tr(lang, "col_evaluator"): name,
                    tr(lang, "col_points"): number(score.points, lang),
                    tr(lang, "col_note"): score.why,
                }
                for name, score in sorted(scores.items())
            ]
        ),
        hide_index=True,
        width="stretch",
    )


@safe_callback
def _save(spec: TenderSpec, view: AwardView, vendor: str, requirement_id: str) -> None:
    state = get_state()
    lang = state.ui_lang
    check = state.check
    draft, vendor, requirement_id = read_entry_form(
        check, view, DRAFT, "consensus", "consensus_by", vendor, requirement_id
    )
    try:
        updated = append_consensus(
            overrides_for(check, spec.tender.id),
            spec,
            vendor=vendor,
            requirement_id=requirement_id,
            points=draft.points,
            why=draft.why,
            by=check.evaluator,
            model=view.model,
        )
    except ProcureError as exc:
        draft.message = Notice("error", tr(lang, "entry_not_saved") + " " + str(exc))
        return
    keep_overrides(check, updated)
    saved = updated.consensus_for(vendor, requirement_id)
    agreed = {c.requirement for c in updated.consensus if loose(c.vendor) == loose(vendor)}
    following = next_open(view, requirement_id, agreed)
    check.entries[DRAFT] = EntryDraft(
        vendor=vendor,
        requirement_id=following,
        message=Notice(
            "success",
            tr(
                lang,
                "consensus_saved",
                vendor=vendor,
                id=requirement_id,
                points=number(saved.points, lang),
            ),
        ),
    )
