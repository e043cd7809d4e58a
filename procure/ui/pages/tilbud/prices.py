"""The bids' prices as procure computes them from their price lists (the vendors' own totals
are only compared), shown once the published model allows it: with a price-blind evaluation not
before the quality consensus is complete."""

from __future__ import annotations

import streamlit as st

from procure.award import prices_may_be_shown
from procure.ui.arrow import arrow_table
from procure.ui.awarding import AwardView
from procure.ui.pages.tilbud.outcome import amount_text
from procure.ui.session import plain
from procure.ui.state import WizardState
from procure.ui.texts import tr


def render(state: WizardState, view: AwardView) -> None:
    lang = state.ui_lang
    st.subheader(tr(lang, "prices_heading"))
    if view.model.price_criterion is None:
        st.info(tr(lang, "prices_no_criterion"))
        return
    if not prices_may_be_shown(view.model, view.quality_locked):
        st.info(tr(lang, "prices_blind"))
        return
    st.dataframe(
        arrow_table(
            [
                {
                    tr(lang, "col_vendor"): bid.vendor,
                    tr(lang, "col_bid_price"): "–"
                    if bid.price is None
                    else amount_text(bid.price, lang),
                }
                for bid in view.bids
            ]
        ),
        hide_index=True,
        width="stretch",
    )
    st.caption(tr(lang, "prices_computed"))
    for vendor, problem in view.price_problems:
        st.warning(plain(f"{vendor}: {problem.text(lang)}"))
