"""The published rules around the points: the tie-breaks in their order, Kommissionsmodellen's
thresholds, and whether quality is scored before prices are seen."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import streamlit as st

from procure.tender.model import HIGHEST_CRITERION_PREFIX, EvaluationModel
from procure.ui import evaluation_model as edits
from procure.ui.pages.evaluering.inputs import change_model, decimal_input
from procure.ui.session import bound
from procure.ui.state import WizardState
from procure.ui.texts import tr


def render(state: WizardState, model: EvaluationModel, locked: bool) -> None:
    lang = state.ui_lang
    st.subheader(tr(lang, "ev_rules_heading"))
    options = edits.tie_break_options(model)
    bound(
        st.multiselect,
        "ev_tie_break",
        list(model.tie_break),
        lambda rules: change_model(
            state, lambda m: dataclasses.replace(m, tie_break=tuple(rules or ()))
        ),
        label=tr(lang, "ev_tie_break"),
        options=options,
        format_func=lambda rule: tie_break_text(rule, lang),
        help=tr(lang, "ev_tie_break_help"),
        disabled=locked,
    )
    kommission = model.kommissionsmodel
    bound(
        st.checkbox,
        "ev_kommission",
        kommission is not None,
        lambda on: change_model(state, lambda m: edits.set_kommissionsmodel(m, bool(on))),
        label=tr(lang, "ev_kommission"),
        help=tr(lang, "ev_kommission_help"),
        disabled=locked,
    )
    if kommission is not None:
        total_col, criterion_col = st.columns(2)
        decimal_input(
            state,
            total_col,
            "ev_kommission_total",
            tr(lang, "ev_kommission_total"),
            kommission.total_min_percent,
            lambda v: change_model(state, lambda m: edits.set_kommissionsmodel(m, total=v)),
            decimals=4,
            maximum=Decimal(100),
            disabled=locked,
        )
        decimal_input(
            state,
            criterion_col,
            "ev_kommission_criterion",
            tr(lang, "ev_kommission_criterion"),
            kommission.criterion_min_percent,
            lambda v: change_model(state, lambda m: edits.set_kommissionsmodel(m, criterion=v)),
            decimals=4,
            maximum=Decimal(100),
            disabled=locked,
        )
    bound(
        st.checkbox,
        "ev_price_blind",
        model.price_blind,
        lambda on: change_model(state, lambda m: dataclasses.replace(m, price_blind=bool(on))),
        label=tr(lang, "ev_price_blind"),
        help=tr(lang, "ev_price_blind_help"),
        disabled=locked,
    )


def tie_break_text(rule: str, lang: str) -> str:
    if rule.startswith(HIGHEST_CRITERION_PREFIX):
        return tr(lang, "ev_tie_highest", name=rule.removeprefix(HIGHEST_CRITERION_PREFIX))
    return tr(lang, f"ev_tie_{rule}")
