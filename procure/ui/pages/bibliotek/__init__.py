"""Step 9, "Bibliotek": read the requirement library – its versions and changelog, its
requirements and integrations, and what changed between two versions.

Read-only by design: the page reads the officer's language and the tender's library version and
never writes the tender. What to show (version, search, filters, the chosen requirement) is view
state kept beside the wizard's data and never saved (`view.py`). One section at a time: the
overview and changelog (here), the requirements (`requirements.py`), the integrations
(`integrations.py`) and the differences between two versions (`diff.py`). Texts:
procure/ui/texts/bibliotek.py.
"""

from __future__ import annotations

import streamlit as st

from procure.library.model import Library
from procure.ui.pages.bibliotek.diff import differences_section
from procure.ui.pages.bibliotek.integrations import integrations_section
from procure.ui.pages.bibliotek.requirements import requirements_section
from procure.ui.pages.bibliotek.view import (
    SECTION_DIFF,
    SECTION_INTEGRATIONS,
    SECTION_REQUIREMENTS,
    SECTIONS,
    LibraryView,
    default_version,
    library_view,
)
from procure.ui.session import bound, cached_release, library_versions, plain
from procure.ui.state import WizardState
from procure.ui.texts import tr


def render(state: WizardState) -> None:
    lang = state.ui_lang
    view = library_view()
    st.caption(tr(lang, "lib_intro"))
    versions = library_versions()
    if not versions:
        st.warning(tr(lang, "no_releases"))
        return
    if view.version not in versions:
        view.version = default_version(versions, state.library_version)
    bound(
        st.radio,
        "lib_section",
        view.section,
        lambda value: setattr(view, "section", value),
        label=tr(lang, "lib_section_label"),
        options=list(SECTIONS),
        format_func=lambda section: tr(lang, f"lib_section_{section}"),
        horizontal=True,
    )
    if view.section == SECTION_DIFF:
        differences_section(state, view, versions)
        return
    _version_chooser(state, view, versions)
    library = cached_release(view.version)
    if view.section == SECTION_REQUIREMENTS:
        requirements_section(state, view, library)
    elif view.section == SECTION_INTEGRATIONS:
        integrations_section(state, library)
    else:
        _overview(state, library)


def _version_chooser(state: WizardState, view: LibraryView, versions: list[str]) -> None:
    lang = state.ui_lang
    bound(
        st.selectbox,
        "lib_version",
        view.version,
        lambda value: setattr(view, "version", value),
        label=tr(lang, "lib_version_label"),
        options=list(reversed(versions)),  # newest first
        format_func=lambda version: _version_label(lang, version, versions, state),
        help=tr(lang, "lib_version_help"),
    )


def _version_label(lang: str, version: str, versions: list[str], state: WizardState) -> str:
    marks = []
    if version == versions[-1]:
        marks.append(tr(lang, "lib_version_newest"))
    if version == state.library_version:
        marks.append(tr(lang, "lib_version_tender"))
    return f"{version} ({', '.join(marks)})" if marks else version


def _overview(state: WizardState, library: Library) -> None:
    lang = state.ui_lang
    st.subheader(plain(library.name))
    active = len(library.active_requirements)
    columns = st.columns(4)
    columns[0].metric(tr(lang, "lib_metric_version"), library.version)
    columns[1].metric(tr(lang, "lib_metric_active"), active)
    columns[2].metric(tr(lang, "lib_metric_deprecated"), len(library.requirements) - active)
    columns[3].metric(tr(lang, "lib_metric_integrations"), len(library.integrations))
    st.markdown("**" + tr(lang, "lib_changelog_heading") + "**")
    if not library.changelog:
        st.caption(tr(lang, "lib_changelog_empty"))
    for entry in reversed(library.changelog):  # newest first
        st.markdown(
            f"**{plain(entry.version)}** · {plain(entry.date)}  \n{plain(entry.summary.get(lang))}"
        )
