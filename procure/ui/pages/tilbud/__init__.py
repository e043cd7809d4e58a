"""Step 8, "Tilbud": check vendors' responses against the tender and compare them.

The page, top to bottom, and where each part is drawn:
- `upload.py`: the tender checked against, the bids uploaded, and reading and checking them;
- `findings.py`: each vendor's result, with its override form from `overrides.py`;
- `comparison.py`: the vendors side by side, the charts (made by `charts.py`) and the downloads;
- `overrides.py`: the evaluation file with this tender's manual point overrides.
What is made from the bids (results, tables, charts, files) is made in `outcome.py`, once per
set of files, tender and overrides; the texts are in procure/ui/texts/tilbud.py.
"""

from __future__ import annotations

import streamlit as st

from procure.ui.pages.tilbud.comparison import comparison_and_charts, offer_downloads
from procure.ui.pages.tilbud.findings import vendor_result
from procure.ui.pages.tilbud.overrides import evaluation_file
from procure.ui.pages.tilbud.upload import checked_outcome, response_files, tender_to_check
from procure.ui.session import plain
from procure.ui.state import WizardState, overrides_for
from procure.ui.texts import tr


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
    # Only this tender's overrides: those made for another tender are never applied here.
    overrides = overrides_for(state.check, spec.tender.id)
    outcome = checked_outcome(state, spec, overrides)
    for _name, message in outcome.errors:
        st.error(plain(message))
    for index in range(len(outcome.results)):
        vendor_result(state, outcome, index, overrides)
    downloads = comparison_and_charts(state, outcome) if outcome.comparison is not None else None
    evaluation_file(state, spec, overrides)
    if downloads is not None:
        # Last: after a change (an override saved) the two files take longer to make than
        # the rest of the page, which the officer can read meanwhile.
        offer_downloads(state, outcome, *downloads)
