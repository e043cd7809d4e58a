"""Where FKI is used and where it is still missing: the systems × integrations heat map, the
integrations each system's category recommends but it does not use, and the contracts that end
within N months (the next tenders in which to demand FKI), with coverage.xlsx to download."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from procure.library.model import Library
from procure.portfolio.coverage import Coverage, coverage_of
from procure.portfolio.exports import render_coverage_xlsx
from procure.ui.accessibility import chart_table
from procure.ui.downloads import MIME
from procure.ui.numbers import number_field
from procure.ui.pages.portefolje.charts import (
    HEATMAP_MAX_SYSTEMS,
    expiring_table,
    gaps_table,
    heatmap_chart,
)
from procure.ui.pages.portefolje.view import ALL, PortfolioView
from procure.ui.portfolio import Snapshot
from procure.ui.session import bound
from procure.ui.state import WizardState
from procure.ui.texts import tr

COVERAGE_FILE = "coverage.xlsx"
MAX_MONTHS = 240


def coverage_section(state: WizardState, view: PortfolioView, snap: Snapshot, library: Library):
    lang = state.ui_lang
    st.caption(tr(lang, "pf_coverage_intro"))
    today = dt.date.today()
    coverage: Coverage = snap.kept(
        ("coverage", view.months, today),
        lambda: coverage_of(snap.systems, library, months=view.months, today=today),
    )
    counts = st.columns(3)
    counts[0].metric(tr(lang, "pf_metric_systems"), len(coverage.matrix))
    counts[1].metric(tr(lang, "pf_metric_gaps"), len(coverage.gaps))
    counts[2].metric(tr(lang, "pf_metric_expiring", months=view.months), len(coverage.expiring))
    _heatmap(lang, view, snap, coverage, library)

    st.subheader(tr(lang, "pf_gaps_heading"))
    st.caption(tr(lang, "pf_gaps_caption"))
    if coverage.gaps:
        st.dataframe(
            snap.kept(
                ("gaps", view.months, today, lang), lambda: gaps_table(coverage, library, lang)
            ),
            hide_index=True,
            width="stretch",
            key="pf_gaps",
        )
    else:
        st.info(tr(lang, "pf_gaps_none"))

    st.subheader(tr(lang, "pf_expiring_heading"))
    number_field(
        st,
        "pf_months",
        tr(lang, "pf_months"),
        view.months,
        lambda value: setattr(view, "months", value),
        lang=lang,
        whole=True,
        minimum=0,
        maximum=MAX_MONTHS,
    )
    if coverage.expiring:
        st.dataframe(
            snap.kept(
                ("expiring", view.months, today, lang),
                lambda: expiring_table(coverage, library, lang),
            ),
            hide_index=True,
            width="stretch",
            key="pf_expiring",
        )
    else:
        st.info(tr(lang, "pf_expiring_none", months=view.months))
    # Made when the officer clicks, not in the rerun: 2,000 systems take most of a second
    months = view.months
    st.download_button(
        tr(lang, "download_file", name=COVERAGE_FILE),
        data=lambda: snap.kept(
            ("coverage.xlsx", months, today, lang),
            lambda: render_coverage_xlsx(coverage, library, lang),
        ),
        file_name=COVERAGE_FILE,
        mime=MIME[".xlsx"],
        key="download_" + COVERAGE_FILE,
        on_click="ignore",
        icon=":material/download:",
    )


def _heatmap(
    lang: str, view: PortfolioView, snap: Snapshot, coverage: Coverage, library: Library
) -> None:
    st.subheader(tr(lang, "pf_heatmap_heading"))
    st.caption(tr(lang, "pf_heatmap_caption"))
    areas = snap.kept(
        ("areas",),
        lambda: sorted({s.business_area for s in snap.systems if s.business_area}, key=str.lower),
    )
    if view.heatmap_area not in areas:
        view.heatmap_area = ALL
    area_col, gaps_col = st.columns([2, 1], vertical_alignment="bottom")
    with area_col:
        bound(
            st.selectbox,
            "pf_heatmap_area",
            view.heatmap_area,
            lambda value: setattr(view, "heatmap_area", value or ALL),
            label=tr(lang, "pf_filter_area"),
            options=[ALL, *areas],
            format_func=lambda area: area or tr(lang, "pf_all"),
        )
    with gaps_col:
        bound(
            st.toggle,
            "pf_heatmap_gaps",
            view.heatmap_gaps_only,
            lambda value: setattr(view, "heatmap_gaps_only", bool(value)),
            label=tr(lang, "pf_heatmap_gaps_only"),
        )
    chart, matched = snap.kept(
        ("heatmap", view.months, view.heatmap_area, view.heatmap_gaps_only, lang),
        lambda: heatmap_chart(coverage, library, lang, view.heatmap_area, view.heatmap_gaps_only),
    )
    if matched > HEATMAP_MAX_SYSTEMS:
        st.caption(tr(lang, "pf_heatmap_capped", shown=HEATMAP_MAX_SYSTEMS, matched=matched))
    if chart["data"]["values"].num_rows == 0:
        st.info(tr(lang, "pf_heatmap_empty"))
        return
    st.vega_lite_chart(spec=chart, width="stretch", key="pf_heatmap")
    chart_table(lang, chart)
