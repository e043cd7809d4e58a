"""The Bibliotek step's integrations catalogue: every integration of the version browsed."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from procure.library.model import Library
from procure.ui.session import plain
from procure.ui.state import WizardState
from procure.ui.texts import tr

INTEGRATION_KIND_KEYS = {
    "støttesystem": "lib_ikind_support",
    "serviceplatform": "lib_ikind_serviceplatform",
    "other": "lib_ikind_other",
}


def integrations_section(state: WizardState, library: Library) -> None:
    lang = state.ui_lang
    st.caption(tr(lang, "lib_integrations_intro", version=library.version))
    names = {i.id: i.name.get(lang) for i in library.integrations}
    table = pd.DataFrame(
        {
            "id": [i.id for i in library.integrations],
            "name": [i.name.get(lang) for i in library.integrations],
            "kind": [_integration_kind(lang, i.kind) for i in library.integrations],
            "sf": [i.sf_list or "–" for i in library.integrations],
            "depends_on": [
                ", ".join(names.get(d, d) for d in i.depends_on) or "–"
                for i in library.integrations
            ],
            "status": [tr(lang, f"lib_istatus_{i.status}") for i in library.integrations],
        }
    )
    st.dataframe(
        table,
        hide_index=True,
        column_config={
            "id": st.column_config.TextColumn(tr(lang, "lib_col_id"), pinned=True),
            "name": tr(lang, "lib_col_name"),
            "kind": tr(lang, "lib_col_integration_kind"),
            "sf": tr(lang, "lib_col_sf"),
            "depends_on": tr(lang, "lib_col_depends_on"),
            "status": tr(lang, "lib_status"),
        },
    )
    st.markdown("**" + tr(lang, "lib_descriptions_heading") + "**")
    for integration in library.integrations:
        sf = "; ".join(
            f"{s.number} {s.label.get(lang)}".strip() for s in integration.sf_numbers
        ) or tr(lang, "lib_no_sf")
        st.markdown(
            f"**{plain(integration.name.get(lang))}** · {plain(sf)}  \n"
            f"{plain(integration.description.get(lang))}"
        )


def _integration_kind(lang: str, kind: str) -> str:
    key = INTEGRATION_KIND_KEYS.get(kind)
    return tr(lang, key) if key else kind
