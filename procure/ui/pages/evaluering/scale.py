"""The award criterion, the point scale with its anchors, and the rounding of each stage."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import streamlit as st

from procure.tender.model import AWARD_CRITERIA, EvaluationModel
from procure.ui import evaluation_model as edits
from procure.ui.numbers import NumberRefused, number_text
from procure.ui.pages.evaluering.inputs import (
    change_model,
    decimal_input,
    view,
    whole_input,
)
from procure.ui.session import bound, get_state, plain, safe_callback
from procure.ui.state import WizardState
from procure.ui.texts import tr


def award_criterion(state: WizardState, model: EvaluationModel, locked: bool) -> None:
    lang = state.ui_lang
    bound(
        st.selectbox,
        "ev_award_criterion",
        model.award_criterion,
        lambda value: change_model(state, lambda m: dataclasses.replace(m, award_criterion=value)),
        label=tr(lang, "ev_award_criterion"),
        options=list(AWARD_CRITERIA),
        format_func=lambda value: tr(lang, f"ev_award_{AWARD_CRITERIA.index(value)}"),
        help=tr(lang, "ev_award_criterion_help"),
        disabled=locked,
    )


def scale(state: WizardState, model: EvaluationModel, locked: bool) -> None:
    """The scale 0–max with its decimals, the verbal anchors, and the rounding."""
    lang = state.ui_lang
    st.subheader(tr(lang, "ev_scale_heading"))
    left, middle, right = st.columns(3)
    whole_input(
        left,
        "ev_scale_max",
        tr(lang, "scale_label"),
        model.scale_max,
        lambda v: change_model(state, lambda m: dataclasses.replace(m, scale_max=v)),
        minimum=1,
        maximum=1000,
        disabled=locked,
        help=tr(lang, "scale_help"),
    )
    whole_input(
        middle,
        "ev_scale_decimals",
        tr(lang, "decimals_label"),
        model.decimals,
        lambda v: change_model(state, lambda m: dataclasses.replace(m, decimals=v)),
        minimum=0,
        maximum=4,
        disabled=locked,
    )
    right.caption(tr(lang, "ev_scale_explained", max=model.scale_max, decimals=model.decimals))
    _anchors(state, model, locked)
    _rounding(state, model, locked)


def _anchors(state: WizardState, model: EvaluationModel, locked: bool) -> None:
    lang = state.ui_lang
    st.markdown(f"**{tr(lang, 'ev_anchors_heading')}**")
    st.caption(tr(lang, "ev_anchors_intro"))
    for index, (points, text) in enumerate(model.anchors):
        points_col, text_col, remove_col = st.columns([1, 4, 1], vertical_alignment="bottom")
        decimal_input(
            state,
            points_col,
            f"ev_anchor_{index}_points",
            tr(lang, "ev_anchor_points"),
            points,
            lambda v, i=index: _anchor_points(state, i, v),
            decimals=4,
            maximum=Decimal(9999),
            disabled=locked,
        )
        bound(
            text_col.text_input,
            f"ev_anchor_{index}_text",
            text,
            lambda v, i=index: _anchor_text(state, i, v),
            label=tr(lang, "ev_anchor_text"),
            max_chars=1000,
            disabled=locked,
        )
        remove_col.button(
            tr(lang, "remove"),
            key=f"ev_anchor_{index}_remove",
            on_click=_remove_anchor,
            args=(index,),
            disabled=locked,
        )
    if locked:
        return
    shown = view()
    points_col, text_col, add_col = st.columns([1, 4, 1], vertical_alignment="bottom")
    bound(
        points_col.text_input,
        "ev_anchor_new_points",
        shown.anchor_points,
        lambda v: setattr(shown, "anchor_points", str(v or "")),
        label=tr(lang, "ev_anchor_points"),
        placeholder=number_text(Decimal(model.scale_max), lang),
        max_chars=40,
    )
    bound(
        text_col.text_input,
        "ev_anchor_new_text",
        shown.anchor_text,
        lambda v: setattr(shown, "anchor_text", str(v or "")),
        label=tr(lang, "ev_anchor_new_text"),
        max_chars=1000,
    )
    add_col.button(tr(lang, "ev_anchor_add"), key="ev_anchor_add", on_click=_add_anchor)
    refused = shown.refused.get("ev_anchor_new")
    if refused:
        st.error(plain(refused[1]))


def _rounding(state: WizardState, model: EvaluationModel, locked: bool) -> None:
    lang = state.ui_lang
    st.markdown(f"**{tr(lang, 'ev_rounding_heading')}**")
    st.caption(tr(lang, "ev_rounding_intro"))
    columns = st.columns(4)
    stages = (
        ("sub", model.sub_decimals, "rounding_sub"),
        ("criterion", model.criterion_decimals, "rounding_criterion"),
        ("total", model.total_decimals, "rounding_total"),
        ("amount", model.rounding_amount, "rounding_amount"),
    )
    for column, (stage, value, attribute) in zip(columns, stages, strict=True):
        whole_input(
            column,
            f"ev_rounding_{stage}",
            tr(lang, f"ev_rounding_{stage}"),
            value,
            lambda v, a=attribute: change_model(state, lambda m: dataclasses.replace(m, **{a: v})),
            minimum=0,
            maximum=4,
            disabled=locked,
        )


def _anchor_points(state: WizardState, index: int, points: Decimal | None) -> None:
    try:
        change_model(state, lambda m: edits.set_anchor(m, index, points=points))
    except ValueError:  # another anchor has these points: the field says so, nothing changes
        typed = number_text(points, state.ui_lang)
        raise NumberRefused(tr(state.ui_lang, "ev_anchor_taken", points=typed)) from None


def _anchor_text(state: WizardState, index: int, text: object) -> None:
    if str(text or "").strip():  # an anchor's wording cannot be empty: the old one stays
        change_model(state, lambda m: edits.set_anchor(m, index, text=str(text).strip()))


@safe_callback
def _remove_anchor(index: int) -> None:
    change_model(get_state(), lambda m: edits.remove_anchor(m, index))


@safe_callback
def _add_anchor() -> None:
    from procure.formats import parse_number

    state = get_state()
    lang = state.ui_lang
    shown = view()
    typed = st.session_state.get("ev_anchor_new_points", shown.anchor_points).strip()
    text = st.session_state.get("ev_anchor_new_text", shown.anchor_text).strip()
    try:
        points = parse_number(typed, lang)
    except ValueError:
        why = tr(lang, "num_not_number", value=typed, example=tr(lang, "ev_number_example"))
        shown.refused["ev_anchor_new"] = (typed, why)
        return
    if not text:
        shown.refused["ev_anchor_new"] = (typed, tr(lang, "ev_anchor_needs_text"))
        return
    try:
        change_model(state, lambda m: edits.add_anchor(m, points, text))
    except ValueError:
        shown.refused["ev_anchor_new"] = (typed, tr(lang, "ev_anchor_taken", points=typed))
        return
    shown.refused.pop("ev_anchor_new", None)
    shown.anchor_points, shown.anchor_text = "", ""
