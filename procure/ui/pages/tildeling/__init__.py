"""Step 9, "Tildeling": the award of the published model to the committee's points and the bids'
prices — the ranking (ties shown as ties; excluded bids with their reasons and no points), a
chart of the ranked bids, what is missing before the § 171 letters, and the award's documents.

The page, top to bottom: the tender's state and the sending day (`__init__.py`), the ranking
and the excluded bids (`ranking.py`), the chart (`chart.py`, a Vega-Lite spec made without
Streamlit), what the letters still need and the documents to download (`documents.py`). The
bids are read and checked once, shared with Tilbud (procure.ui.checking); the award's input
is made in procure.ui.awarding. Texts: procure/ui/texts/tildeling.py.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import streamlit as st

from procure.award import prices_may_be_shown
from procure.formats import DANISH_TIME, date_text
from procure.ui.accessibility import chart_table
from procure.ui.arrow import with_arrow_data
from procure.ui.awarding import kept_award_view
from procure.ui.checking import checked_outcome, tender_to_check
from procure.ui.pages.tildeling import documents, ranking
from procure.ui.pages.tildeling.chart import ranking_chart
from procure.ui.session import bound, plain, session_object
from procure.ui.state import WizardState, overrides_for
from procure.ui.texts import tr


@dataclass
class TildelingView:
    """The day the letters are to be sent (it sets the end of the standstill period); only
    shown here, never saved."""

    sent_on: dt.date = field(default_factory=lambda: dt.datetime.now(DANISH_TIME).date())


def render(state: WizardState) -> None:
    lang = state.ui_lang
    st.caption(tr(lang, "award_intro"))
    spec = tender_to_check(state)
    if spec is None:
        return
    if not state.check.responses:
        st.info(tr(lang, "award_no_bids"))
        return
    overrides = overrides_for(state.check, spec.tender.id)
    outcome = checked_outcome(state, spec, overrides)
    for _name, message in outcome.errors:
        st.error(plain(message))
    if not outcome.results:
        return
    view = session_object("procure_tildeling_view", TildelingView)
    bound(
        st.date_input,
        "award_sent_on",
        view.sent_on,
        lambda value: setattr(view, "sent_on", value or view.sent_on),
        label=tr(lang, "award_sent_on"),
        help=tr(lang, "award_sent_on_help"),
        format="DD.MM.YYYY",
    )
    award = kept_award_view(state.check, outcome, overrides, view.sent_on)
    if award.error is not None:
        st.error(plain(award.error))
        return
    result = award.result
    if result.standstill_ends is not None:
        st.info(tr(lang, "award_standstill", date=date_text(result.standstill_ends, lang)))
    st.subheader(tr(lang, "award_ranking_heading"))
    st.caption(tr(lang, "award_ranking_intro", criterion=result.award_criterion))
    if not prices_may_be_shown(award.model, award.quality_locked):
        # A price-blind evaluation: the ranking would tell the prices
        st.info(tr(lang, "award_price_blind"))
    else:
        ranking.ranked_table(lang, award)
        chart = ranking_chart(award.model, result, lang)
        if chart is not None:
            st.vega_lite_chart(spec=with_arrow_data(chart), width="stretch", key="chart_award")
            chart_table(lang, chart)
    ranking.waiting_and_excluded(lang, award)
    documents.render(state, spec, award, view.sent_on)
