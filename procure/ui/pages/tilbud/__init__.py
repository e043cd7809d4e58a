"""Step 8, "Tilbud": check the vendors' responses against the tender, decide on them, and give
them points.

The page: the bids uploaded (`upload.py`; reading and checking them is shared with Tildeling in
procure.ui.checking), then one of four sections:
- the check: each vendor's result (`findings.py`) with the buyer's decisions on reservations
  and the confirmation of compliance (`decisions.py`) and the manual point override
  (`overrides.py`); the vendors side by side and the heat map (`comparison.py`, `charts.py`,
  made once per outcome in `outcome.py`); the evaluation file (`overrides.py`);
- the evaluators' points (`scoring.py`);
- disagreements and consensus (`consensus.py`);
- the prices (`prices.py`).
The texts are in procure/ui/texts/tilbud.py. Nothing here ranks the bids: that is Tildeling's,
on the committee's points.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from procure.tender.lifecycle import open_bids
from procure.tender.model import PUBLISHED
from procure.ui.awarding import kept_award_view
from procure.ui.checking import checked_outcome, tender_to_check
from procure.ui.pages.tilbud import consensus, prices, scoring
from procure.ui.pages.tilbud.comparison import comparison_and_charts, offer_downloads
from procure.ui.pages.tilbud.findings import vendor_result
from procure.ui.pages.tilbud.overrides import evaluation_file
from procure.ui.pages.tilbud.upload import response_files
from procure.ui.publication import now, with_status
from procure.ui.session import bound, plain, session_object
from procure.ui.state import WizardState, overrides_for
from procure.ui.system_form import register_winning_bid_form
from procure.ui.texts import tr

SECTIONS = ("check", "scores", "consensus", "prices")


@dataclass
class TilbudView:
    """Which section is on screen: how the officer looks at the bids, never saved."""

    section: str = "check"


def render(state: WizardState) -> None:
    lang = state.ui_lang
    st.caption(tr(lang, "check_intro"))
    spec = tender_to_check(state)
    if spec is None:
        return
    st.caption(
        plain(
            tr(
                lang,
                "checking_against",
                title=spec.tender.title,
                version=spec.library_version,
                fingerprint=spec.short_fingerprint,
                count=len(spec.requirements),
            )
        )
    )
    response_files(state)
    if not state.check.responses:
        return
    # Only this tender's entries: those made for another tender are never applied here.
    overrides = overrides_for(state.check, spec.tender.id)
    outcome = checked_outcome(state, spec, overrides)
    for _name, message in outcome.errors:
        st.error(plain(message))
    if not outcome.results:
        return
    if spec.tender.status == PUBLISHED:
        # The first bid checked: from now on nothing frozen can change (§ 160)
        with_status(state, open_bids(spec.tender, now()))
        st.info(tr(lang, "bids_opened"))
    view = session_object("procure_tilbud_view", TilbudView)
    bound(
        st.radio,
        "tilbud_section",
        view.section if view.section in SECTIONS else "check",
        lambda value: setattr(view, "section", str(value)),
        label=tr(lang, "tilbud_section"),
        options=list(SECTIONS),
        format_func=lambda value: tr(lang, f"tilbud_section_{value}"),
        horizontal=True,
        label_visibility="collapsed",
    )
    section = view.section if view.section in SECTIONS else "check"
    if section != "check":
        award = kept_award_view(state.check, outcome, overrides)
        if section == "scores":
            scoring.render(state, outcome, overrides, award)
        elif section == "consensus":
            consensus.render(state, outcome, overrides, award)
        else:
            prices.render(state, award)
        return
    for index in range(len(outcome.results)):
        vendor_result(state, outcome, index, overrides)
    downloads = comparison_and_charts(state, outcome) if outcome.comparison is not None else None
    evaluation_file(state, spec, overrides)
    # The won bid into the municipality's FKI portfolio (procure portfolio register)
    register_winning_bid_form(state, spec, outcome.results)
    if downloads is not None:
        # Last: after a change (an override saved) the two files take longer to make than
        # the rest of the page, which the officer can read meanwhile.
        offer_downloads(state, outcome, *downloads)
