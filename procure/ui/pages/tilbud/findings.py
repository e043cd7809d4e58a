"""One vendor's result on the Tilbud step: procure's proposal on compliance and why not, with
a person's confirmation beside it; the mandatory requirements failed, the reservations with the
buyer's decisions, integrations not covered and the findings; the PK answers' points as
information only (bids are ranked on Tildeling, by the committee's points); below it the
vendor's manual point override form."""

from __future__ import annotations

import streamlit as st

from procure.evaluation import Overrides
from procure.evaluation.messages import number
from procure.ui.checking import CheckOutcome
from procure.ui.pages.tilbud.decisions import confirmation, reservation_decisions
from procure.ui.pages.tilbud.outcome import amount_text, vendor
from procure.ui.pages.tilbud.overrides import override_form
from procure.ui.session import plain
from procure.ui.state import WizardState
from procure.ui.texts import tr


def vendor_result(
    state: WizardState, outcome: CheckOutcome, index: int, overrides: Overrides
) -> None:
    """The `index`th vendor's result, and below it the vendor's override form."""
    lang = state.ui_lang
    result = outcome.shown_result(index, lang)  # its messages in the officer's language
    parts = vendor(outcome, lang, index, overrides)
    with st.container(border=True):
        st.subheader(plain(result.vendor))
        st.caption(plain(tr(lang, "result_file", name=result.source)))
        if parts.overrides_text:
            score, computed, mandatory, reservations, integrations = st.columns(5)
            score.metric(
                tr(lang, "score_final"),
                f"{number(result.score, lang)} / {result.max_score}",
                help=tr(lang, "score_help"),
            )
            computed.metric(
                tr(lang, "score_computed"),
                f"{number(result.computed_score, lang)} / {result.max_score}",
                help=tr(lang, "score_help"),
            )
        else:
            score, mandatory, reservations, integrations = st.columns(4)
            score.metric(
                tr(lang, "score"),
                f"{number(result.score, lang)} / {result.max_score}",
                help=tr(lang, "score_help"),
            )
        mandatory.metric(tr(lang, "mandatory_failed"), len(result.mandatory_failed))
        reservations.metric(tr(lang, "reservations"), len(result.reservations))
        integrations.metric(tr(lang, "integrations_missing"), len(result.integrations_missing))
        if parts.overrides_text:
            st.markdown(f"**{tr(lang, 'overrides_heading')}**")
            st.markdown(parts.overrides_text)
        if result.compliant:
            st.success(tr(lang, "compliant_yes"))
        else:
            st.error(
                tr(lang, "compliant_no")
                + "\n\n"
                + "\n".join(f"- {plain(reason)}" for reason in result.reasons)
            )
        confirmation(state, outcome.spec, result, parts.key, overrides)
        if parts.mandatory_text:
            st.markdown(f"**{tr(lang, 'mandatory_failed')}**")
            st.markdown(parts.mandatory_text)
        if parts.reservations is not None:
            st.markdown(f"**{tr(lang, 'reservations')}**")
            st.dataframe(parts.reservations, hide_index=True, width="stretch")
            st.caption(
                tr(lang, "reservations_total", total=amount_text(result.reservations_total, lang))
            )
            reservation_decisions(state, outcome, index, parts.key)
        if parts.integrations_text:
            st.markdown(
                f"**{tr(lang, 'integrations_missing')}:** " + plain(parts.integrations_text)
            )
        # Drawn only while open: every finding is also in the note and the workbook, and ten
        # bids of 300 requirements have hundreds, which would otherwise be sent on each rerun.
        findings = st.expander(
            tr(lang, "findings_heading", count=len(result.findings)),
            key=f"findings_{parts.key}_expander",
            on_change="rerun",
        )
        if findings.open:
            findings.dataframe(parts.findings, hide_index=True, width="stretch")
        st.caption(plain(result.confirmation_note))
        override_form(state, outcome, index, parts)
