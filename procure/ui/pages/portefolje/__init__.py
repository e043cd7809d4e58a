"""Step 10, "Portefølje": the municipality's FKI portfolio – which systems use which
integration, what is hit when a component is down, and where FKI is still missing.

The portfolio is the database's (procure/portfolio/), not the tender's: the page reads it
through one shared store (procure/ui/portfolio.py) and writes every change at once, so another
tab or the command line sees it on its next rerun. One section at a time:
- `systems.py`: the systems table (sortable, filtered by business area and integration), one
  system with its history, and taking it out of use;
- `edit.py`: adding a system or editing one, with the command line's rules
  (the form itself is procure/ui/system_form.py, shared with the Tilbud step);
- `imports.py`: a CSV, XLSX or KITOS file checked row by row, then imported all or nothing;
- `impact.py`: a component down – the hit systems by business area, the graph, the notice;
- `coverage.py`: the heat map, the gaps per category, the contracts that end soon.
`charts.py` makes the tables, the graph and the heat map as plain data; `view.py` holds what the
officer is looking at (never saved). Texts: procure/ui/texts/portefolje.py.
"""

from __future__ import annotations

import streamlit as st

from procure.ui.pages.portefolje.coverage import coverage_section
from procure.ui.pages.portefolje.edit import edit_section
from procure.ui.pages.portefolje.impact import impact_section
from procure.ui.pages.portefolje.imports import import_section
from procure.ui.pages.portefolje.systems import systems_section
from procure.ui.pages.portefolje.view import (
    SECTION_COVERAGE,
    SECTION_EDIT,
    SECTION_IMPACT,
    SECTION_IMPORT,
    SECTIONS,
    portfolio_view,
)
from procure.ui.portfolio import portfolio_library, snapshot
from procure.ui.session import bound, plain
from procure.ui.state import WizardState
from procure.ui.texts import tr


def render(state: WizardState) -> None:
    lang = state.ui_lang
    view = portfolio_view()
    st.caption(tr(lang, "pf_intro"))
    library = portfolio_library(state)
    snap = snapshot(state)
    st.caption(
        plain(
            tr(
                lang,
                "pf_source",
                count=len(snap.systems),
                version=library.version,
                database=_shown_database(snap.url),
            )
        )
    )
    bound(
        st.radio,
        "pf_section",
        view.section,
        lambda value: setattr(view, "section", value),
        label=tr(lang, "pf_section_label"),
        options=list(SECTIONS),
        format_func=lambda section: tr(lang, f"pf_section_{section}"),
        horizontal=True,
        label_visibility="collapsed",
    )
    if view.section == SECTION_EDIT:
        edit_section(state, view, snap, library)
    elif view.section == SECTION_IMPORT:
        import_section(state, view, snap, library)
    elif view.section == SECTION_IMPACT:
        impact_section(state, view, snap, library)
    elif view.section == SECTION_COVERAGE:
        coverage_section(state, view, snap, library)
    else:
        systems_section(state, view, snap, library)


def _shown_database(url: str) -> str:
    """The database as the officer may see it: the SQLite file's name, or the server's
    address without user or password."""
    from procure.portfolio.database import shown_url

    if url.startswith("sqlite"):
        return url.rsplit("/", 1)[-1]
    shown = shown_url(url)
    return shown.split("@", 1)[-1]
