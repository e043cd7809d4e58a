"""A component is down: which systems are hit, grouped by business area (most critical first,
with owner, channel and the path through which each is hit), the graph of systems →
integrations → the component, and the Word notice to the business areas."""

from __future__ import annotations

import streamlit as st

from procure.errors import ProcureError
from procure.library.model import Library
from procure.portfolio.catalogue import integration_label, resolve_component
from procure.portfolio.impact import Impact, impact_of
from procure.portfolio.notice import render_notice
from procure.ui.downloads import MIME
from procure.ui.pages.portefolje.charts import GRAPH_MAX_SYSTEMS, impact_dot, impact_table
from procure.ui.pages.portefolje.view import PortfolioView
from procure.ui.portfolio import Snapshot
from procure.ui.session import bound, plain
from procure.ui.state import WizardState
from procure.ui.texts import tr

NOTICE_FILE = "notice.docx"


def impact_section(state: WizardState, view: PortfolioView, snap: Snapshot, library: Library):
    lang = state.ui_lang
    st.caption(tr(lang, "pf_impact_intro"))
    typed, picked = st.columns(2)
    with typed:
        bound(
            st.text_input,
            "pf_component",
            view.component,
            lambda value: setattr(view, "component", value or ""),
            label=tr(lang, "pf_component"),
            placeholder=tr(lang, "pf_component_placeholder"),
            help=tr(lang, "pf_component_help"),
        )
    with picked:
        ids = [i.id for i in library.integrations]
        bound(
            st.selectbox,
            "pf_component_pick",
            view.component if view.component in ids else "",
            lambda value: setattr(view, "component", value) if value else None,
            label=tr(lang, "pf_component_pick"),
            options=["", *ids],
            format_func=lambda i: integration_label(i, library, lang) if i else "–",
        )
    if not view.component.strip():
        return
    try:
        component = resolve_component(view.component, library)
    except ProcureError as exc:
        st.error(plain(str(exc)))
        return
    impact = snap.kept(("impact", component), lambda: impact_of(component, snap.systems, library))
    _affected(lang, impact, library)
    if impact.affected:
        _graph(lang, snap, impact, library)
    # Made when the officer clicks (in Streamlit's download thread, not in the rerun): the
    # notice of a large outage takes most of a second to write
    st.download_button(
        tr(lang, "pf_notice_download"),
        data=lambda: snap.kept(
            ("notice", component, lang), lambda: render_notice(impact, library, lang)
        ),
        file_name=NOTICE_FILE,
        mime=MIME[".docx"],
        key="download_" + NOTICE_FILE,
        on_click="ignore",
        icon=":material/download:",
        help=tr(lang, "pf_notice_help"),
    )


def _affected(lang: str, impact: Impact, library: Library) -> None:
    name = integration_label(impact.component, library, lang)
    groups = impact.by_business_area()
    if not impact.affected:
        st.success(plain(tr(lang, "pf_impact_none", component=name)))
        return
    st.subheader(
        plain(
            tr(
                lang,
                "pf_impact_heading",
                component=name,
                systems=len(impact.affected),
                areas=len(groups),
            )
        )
    )
    # The same column widths in every area's table, so that they read as one list
    widths = {
        "pf_col_name": 180,
        "pf_col_criticality": 90,
        "pf_col_owner": 240,
        "pf_col_channel": 170,
        "pf_col_via": 300,
    }
    columns = {tr(lang, key): st.column_config.TextColumn(width=w) for key, w in widths.items()}
    for area, items in groups:
        st.markdown(f"**{plain(area or tr(lang, 'pf_no_area'))}**")
        st.dataframe(
            impact_table(items, library, lang),
            hide_index=True,
            width="stretch",
            column_config=columns,
        )


def _graph(lang: str, snap: Snapshot, impact: Impact, library: Library) -> None:
    st.markdown("**" + tr(lang, "pf_graph_heading") + "**")
    caption = tr(lang, "pf_graph_caption")
    if len(impact.affected) > GRAPH_MAX_SYSTEMS:
        caption += " " + tr(lang, "pf_graph_by_area", limit=GRAPH_MAX_SYSTEMS)
    st.caption(caption)
    st.graphviz_chart(
        snap.kept(("graph", impact.component, lang), lambda: impact_dot(impact, library, lang)),
        width="content",  # its own size: stretched, a wide graph's text becomes too small
    )
