"""Step 4, "Evaluering": the published evaluation model (udbudsloven §§ 160, 165)."""

from __future__ import annotations

from decimal import Decimal

import streamlit as st

from procure.tender.spec import format_decimal
from procure.ui.session import bound, current_library
from procure.ui.state import WizardState, propose, requirement_rows, total_pk_weight
from procure.ui.texts import tr


def render(state: WizardState) -> None:
    lang = state.ui_lang
    st.caption(tr(lang, "evaluation_intro"))
    left, right = st.columns(2)
    with left:
        bound(
            st.number_input,
            "scale_max",
            state.scale_max,
            lambda v: setattr(state, "scale_max", int(v if v is not None else 10)),
            label=tr(lang, "scale_label"),
            min_value=1,
            max_value=1000,
            step=1,
            help=tr(lang, "scale_help"),
        )
        bound(
            st.number_input,
            "partial_credit",
            float(state.partial_credit),
            lambda v: setattr(state, "partial_credit", _decimal_text(v)),
            label=tr(lang, "partial_label"),
            min_value=0.0,
            max_value=1.0,
            step=0.05,
            format="%.2f",
            help=tr(lang, "partial_help"),
        )
    with right:
        bound(
            st.number_input,
            "decimals",
            state.decimals,
            lambda v: setattr(state, "decimals", int(v if v is not None else 2)),
            label=tr(lang, "decimals_label"),
            min_value=0,
            max_value=4,
            step=1,
        )
        bound(
            st.number_input,
            "annex",
            state.annex,
            lambda v: setattr(state, "annex", int(v if v is not None else 3)),
            label=tr(lang, "annex_label"),
            min_value=1,
            max_value=99,
            step=1,
            help=tr(lang, "annex_help"),
        )

    weight = _total_weight(state)
    if weight is not None:
        st.metric(tr(lang, "total_weight"), weight)
    st.info(
        tr(
            lang,
            "evaluation_explained",
            partial=format_decimal(Decimal(state.partial_credit), lang),
            scale=state.scale_max,
            decimals=state.decimals,
        )
    )


def _total_weight(state: WizardState) -> int | None:
    if not state.category:
        return None
    library = current_library(state)
    rows = requirement_rows(state, library, propose(state, library))
    return total_pk_weight(rows, state.local)


def _decimal_text(value: float | None) -> str:
    """The partial credit as the tender file writes it: at most four decimals, 0 to 1."""
    if value is None:
        return "0.5"
    clipped = min(max(value, 0.0), 1.0)
    return format(Decimal(str(round(clipped, 4))).normalize(), "f")
