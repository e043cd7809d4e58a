"""A tender file's older evaluation model (no criteria, no price): the scale, the share of the
weight a "Delvist opfyldt" earns, and the decimals; and the way to the full model."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import streamlit as st

from procure.tender.model import EvaluationModel
from procure.tender.spec import format_decimal
from procure.ui import evaluation_model as edits
from procure.ui.pages.evaluering.inputs import change_model, decimal_input, whole_input
from procure.ui.session import current_library, get_state, safe_callback
from procure.ui.state import WizardState, build_tender, pk_weights
from procure.ui.texts import tr


def render(state: WizardState, model: EvaluationModel, locked: bool) -> None:
    lang = state.ui_lang
    st.warning(tr(lang, "ev_old_model"))
    if not locked:
        st.button(
            tr(lang, "ev_old_upgrade"),
            key="ev_old_upgrade",
            on_click=_upgrade,
            type="primary",
            help=tr(lang, "ev_old_upgrade_help"),
        )
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
    decimal_input(
        state,
        middle,
        "ev_partial_credit",
        tr(lang, "partial_label"),
        model.partial_credit,
        lambda v: change_model(state, lambda m: dataclasses.replace(m, partial_credit=v)),
        decimals=4,
        maximum=Decimal(1),
        disabled=locked,
        help=tr(lang, "partial_help"),
    )
    whole_input(
        right,
        "ev_scale_decimals",
        tr(lang, "decimals_label"),
        model.decimals,
        lambda v: change_model(state, lambda m: dataclasses.replace(m, decimals=v)),
        minimum=0,
        maximum=4,
        disabled=locked,
    )
    st.info(
        tr(
            lang,
            "evaluation_explained",
            partial=format_decimal(model.partial_credit, lang),
            scale=model.scale_max,
            decimals=model.decimals,
        )
    )


@safe_callback
def _upgrade() -> None:
    state = get_state()
    library = current_library(state)
    tender = build_tender(state, library)
    state.evaluation, state.price_lines = edits.from_old_model(
        tender.evaluation, pk_weights(tender, library), tender.language
    )
