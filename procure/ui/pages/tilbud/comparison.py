"""The vendors side by side on the Tilbud step: the comparison table, every requirement per
vendor, the heat map of verdicts, and the comparison workbook and note to download. Nothing
here ranks the bids (that is Tildeling's, on the committee's points)."""

from __future__ import annotations

import streamlit as st

from procure.ui.accessibility import chart_table
from procure.ui.checking import CheckOutcome
from procure.ui.downloads import MIME
from procure.ui.pages.tilbud.charts import HEATMAP_FILTERS
from procure.ui.pages.tilbud.outcome import heatmap, side_by_side, vendors_table
from procure.ui.session import bound
from procure.ui.state import WizardState
from procure.ui.texts import tr

VIEW_KEY = "procure_check_view"  # how the officer looks at the results: not part of the tender


def comparison_and_charts(state: WizardState, outcome: CheckOutcome) -> tuple:
    """The comparison table, every requirement side by side, and the charts; returns the two
    places where the downloads go, filled last."""
    lang = state.ui_lang
    st.divider()
    st.subheader(tr(lang, "comparison_heading"))
    st.dataframe(
        vendors_table(outcome, lang),
        hide_index=True,
        width="stretch",
    )
    with st.expander(tr(lang, "side_by_side"), expanded=True):
        st.dataframe(
            side_by_side(outcome, lang),
            hide_index=True,
            width="stretch",
        )
    left, right = st.columns(2)
    places = (left.empty(), right.empty())
    _charts(state, outcome)
    return places


def offer_downloads(state: WizardState, outcome: CheckOutcome, left, right) -> None:
    """The comparison workbook and the note, made once per outcome."""
    lang = state.ui_lang
    left.download_button(
        tr(lang, "download_file", name="comparison.xlsx"),
        data=outcome.comparison_xlsx,
        file_name="comparison.xlsx",
        mime=MIME[".xlsx"],
        key="download_comparison.xlsx",
        on_click="ignore",
        icon=":material/download:",
    )
    right.download_button(
        tr(lang, "download_file", name="note.docx"),
        data=outcome.note_docx,
        file_name="note.docx",
        mime=MIME[".docx"],
        key="download_note.docx",
        on_click="ignore",
        icon=":material/download:",
    )


def _charts(state: WizardState, outcome: CheckOutcome) -> None:
    """Every requirement × vendor coloured by the verdict."""
    lang = state.ui_lang
    st.subheader(tr(lang, "chart_heatmap_heading"))
    st.caption(tr(lang, "chart_heatmap_caption"))
    view = st.session_state.setdefault(VIEW_KEY, {"heatmap": "all"})
    bound(
        st.radio,
        "chart_heatmap_show",
        view.get("heatmap", "all"),
        lambda value: view.__setitem__("heatmap", value or "all"),
        label=tr(lang, "chart_heatmap_show"),
        options=list(HEATMAP_FILTERS),
        format_func=lambda value: tr(lang, f"chart_heatmap_show_{value}"),
        horizontal=True,
        help=tr(lang, "chart_heatmap_show_help"),
    )
    show = view.get("heatmap", "all")
    chart = heatmap(outcome, lang, show)
    if chart["data"]["values"].num_rows == 0:
        st.info(tr(lang, "chart_heatmap_empty"))
        return
    st.vega_lite_chart(spec=chart, width="stretch", key="chart_heatmap")
    chart_table(lang, chart)
