"""The Bibliotek step's requirements: search and filters, one table of every requirement that
passes them and one requirement in detail, in both languages. One table and one chooser, not a
widget per requirement, so a rerun stays quick with a few hundred of them."""

from __future__ import annotations

import unicodedata

import pandas as pd
import streamlit as st

from procure.library.model import KINDS, Library, Requirement
from procure.ui.pages.bibliotek.view import ALL, LibraryView, library_view
from procure.ui.session import bound, plain, safe_callback
from procure.ui.state import WizardState
from procure.ui.texts import LANGUAGE_NAMES, tr

STATUSES = ("active", "deprecated")


def normalized(text: str) -> str:
    """Text for comparing: composed Unicode (an å typed as a + ring matches å), any case."""
    return unicodedata.normalize("NFC", text).casefold()


def searchable_text(requirement: Requirement, library: Library, lang: str) -> str:
    """What a search looks in: id, title and text in the officer's language, and the names and
    SF numbers of the linked integrations (an officer often knows only "SF1500")."""
    parts = [requirement.id, requirement.title.get(lang), requirement.text.get(lang)]
    for integration_id in requirement.integrations:
        integration = library.integrations_by_id.get(integration_id)
        if integration is None:
            parts.append(integration_id)
            continue
        parts += [integration.name.get(lang), *integration.aliases, integration.sf_list]
    return normalized("\n".join(parts))


def matching_requirements(library: Library, lang: str, view: LibraryView) -> list[Requirement]:
    """The requirements passing every filter; each word of the search must occur."""
    terms = normalized(view.search).split()
    out = []
    for requirement in library.requirements:
        if view.area != ALL and requirement.area != view.area:
            continue
        if view.kind != ALL and requirement.kind != view.kind:
            continue
        if view.integration != ALL and view.integration not in requirement.integrations:
            continue
        if view.status != ALL and requirement.status != view.status:
            continue
        if terms:
            haystack = searchable_text(requirement, library, lang)
            if not all(term in haystack for term in terms):
                continue
        out.append(requirement)
    return out


def requirements_section(state: WizardState, view: LibraryView, library: Library) -> None:
    lang = state.ui_lang
    _filters(state, view, library)
    shown = matching_requirements(library, lang, view)
    st.caption(tr(lang, "lib_matches", shown=len(shown), total=len(library.requirements)))
    if not shown:
        st.info(tr(lang, "lib_no_matches"))
        st.button(tr(lang, "lib_clear_filters"), key="lib_clear_filters", on_click=_clear_filters)
        return
    _requirement_table(lang, library, shown)
    ids = [r.id for r in shown]
    current = view.requirement if view.requirement in ids else ids[0]
    titles = {r.id: r.title.get(lang) for r in shown}
    bound(
        st.selectbox,
        "lib_requirement",
        current,
        lambda value: setattr(view, "requirement", value),
        label=tr(lang, "lib_detail_label"),
        options=ids,
        format_func=lambda rid: f"{rid} – {titles[rid]}",
    )
    _requirement_detail(lang, library, library.requirements_by_id[current])


def _filters(state: WizardState, view: LibraryView, library: Library) -> None:
    lang = state.ui_lang
    bound(
        st.text_input,
        "lib_search",
        view.search,
        lambda value: setattr(view, "search", value or ""),
        label=tr(lang, "lib_search_label"),
        placeholder=tr(lang, "lib_search_placeholder"),
    )
    areas = [ALL] + [a.key for a in library.areas]
    integrations = [ALL] + [i.id for i in library.integrations]
    # Another version may lack what was chosen in this one: show everything then
    if view.area not in areas:
        view.area = ALL
    if view.integration not in integrations:
        view.integration = ALL
    area_col, kind_col, integration_col, status_col = st.columns([3, 2, 3, 2])
    with area_col:
        bound(
            st.selectbox,
            "lib_area",
            view.area,
            lambda value: setattr(view, "area", value or ALL),
            label=tr(lang, "lib_area"),
            options=areas,
            format_func=lambda key: (
                tr(lang, "all_areas") if key == ALL else library.areas_by_key[key].title.get(lang)
            ),
        )
    with kind_col:
        bound(
            st.selectbox,
            "lib_kind",
            view.kind,
            lambda value: setattr(view, "kind", value or ALL),
            label=tr(lang, "lib_kind"),
            options=[ALL, *KINDS],
            format_func=lambda kind: (
                tr(lang, "lib_all_kinds") if kind == ALL else _kind(lang, kind)
            ),
        )
    with integration_col:
        bound(
            st.selectbox,
            "lib_integration",
            view.integration,
            lambda value: setattr(view, "integration", value or ALL),
            label=tr(lang, "lib_integration"),
            options=integrations,
            format_func=lambda iid: (
                tr(lang, "lib_all_integrations")
                if iid == ALL
                else _integration_name(lang, library, iid)
            ),
        )
    with status_col:
        bound(
            st.selectbox,
            "lib_status",
            view.status,
            lambda value: setattr(view, "status", value or ALL),
            label=tr(lang, "lib_status"),
            options=[ALL, *STATUSES],
            format_func=lambda status: tr(lang, f"lib_status_{status or 'all'}"),
        )


def _requirement_table(lang: str, library: Library, shown: list[Requirement]) -> None:
    table = pd.DataFrame(
        {
            "id": [r.id for r in shown],
            "area": [_area(lang, library, r.area) for r in shown],
            "kind": [r.kind for r in shown],
            "weight": pd.array([r.weight for r in shown], dtype="Int64"),
            "title": [r.title.get(lang) for r in shown],
            "status": [tr(lang, f"lib_status_{r.status}") for r in shown],
        }
    )
    st.dataframe(
        table,
        hide_index=True,
        column_config={
            "id": st.column_config.TextColumn(tr(lang, "lib_col_id"), pinned=True),
            "area": tr(lang, "lib_area"),
            "kind": tr(lang, "lib_col_kind"),
            "weight": st.column_config.NumberColumn(tr(lang, "lib_weight")),
            "title": st.column_config.TextColumn(tr(lang, "lib_col_title"), width="large"),
            "status": tr(lang, "lib_status"),
        },
    )


def _requirement_detail(lang: str, library: Library, r: Requirement) -> None:
    with st.container(border=True):
        st.markdown(f"#### {plain(r.id)} · {plain(r.title.get(lang))}")
        facts = [
            f"{tr(lang, 'lib_area')}: {plain(_area(lang, library, r.area))}",
            f"{tr(lang, 'lib_kind')}: {plain(_kind(lang, r.kind))}",
        ]
        if r.weight is not None:
            facts.append(f"{tr(lang, 'lib_weight')}: {r.weight}")
        facts.append(f"{tr(lang, 'lib_status')}: {tr(lang, f'lib_status_{r.status}')}")
        facts.append(f"{tr(lang, 'lib_since')}: {plain(r.since)}")
        st.markdown(" · ".join(facts))
        if not r.active:
            lines = [tr(lang, "lib_deprecated_note")]
            if r.replaced_by:
                lines.append(f"{tr(lang, 'lib_replaced_by')}: {plain(r.replaced_by)}")
            if r.deprecation_reason is not None:
                lines.append(f"{tr(lang, 'lib_reason')}: {plain(r.deprecation_reason.get(lang))}")
            st.warning("  \n".join(lines))
        # Both languages side by side: the annex may be written in either
        for column, text_lang in zip(st.columns(2), ("da", "en"), strict=True):
            column.markdown(
                f"**{LANGUAGE_NAMES[text_lang]}**  \n"
                f"*{plain(r.title.get(text_lang))}*  \n{plain(r.text.get(text_lang))}"
            )
        st.markdown(f"**{tr(lang, 'lib_guidance')}**  \n{plain(r.guidance.get(lang)) or '–'}")
        st.markdown(f"**{tr(lang, 'lib_answer')}**  \n{plain(r.answer.get(lang)) or '–'}")
        st.markdown(f"**{tr(lang, 'lib_integrations')}**  \n{_integration_lines(lang, library, r)}")
        if r.categories is None:
            categories = tr(lang, "lib_categories_all")
        else:
            categories = ", ".join(
                f"{code} {library.categories_by_code[code].name.get(lang)}"
                if code in library.categories_by_code
                else code
                for code in r.categories
            )
        st.markdown(f"**{tr(lang, 'lib_categories')}**: {plain(categories)}")
        kle = ", ".join(
            f"{number} {library.kle_by_number[number].title}"
            if number in library.kle_by_number
            else number
            for number in r.kle
        )
        st.markdown(f"**{tr(lang, 'lib_kle')}**: {plain(kle or '–')}")
        references = [
            "- "
            + plain(
                ref.title
                + (f", {ref.clause}" if ref.clause else "")
                + (f" <{ref.link}>" if ref.link else "")
            )
            for ref in r.references
        ]
        st.markdown(f"**{tr(lang, 'lib_references')}**  \n" + ("\n".join(references) or "–"))


def _integration_lines(lang: str, library: Library, r: Requirement) -> str:
    if not r.integrations:
        return "–"
    lines = []
    for integration_id in r.integrations:
        integration = library.integrations_by_id.get(integration_id)
        if integration is None:
            lines.append("- " + plain(integration_id))
            continue
        sf = ", ".join(f"{s.number} {s.label.get(lang)}".strip() for s in integration.sf_numbers)
        lines.append(
            "- " + plain(integration.name.get(lang) + (f" ({sf})" if sf else "")),
        )
    return "\n".join(lines)


@safe_callback
def _clear_filters() -> None:
    library_view().clear_filters()


def _area(lang: str, library: Library, key: str) -> str:
    area = library.areas_by_key.get(key)
    return area.title.get(lang) if area else key


def _kind(lang: str, kind: str) -> str:
    label = tr(lang, f"kind_{kind}")
    return kind if label == f"kind_{kind}" else label


def _integration_name(lang: str, library: Library, integration_id: str) -> str:
    integration = library.integrations_by_id[integration_id]
    sf = f" ({integration.sf_list})" if integration.sf_list else ""
    return integration.name.get(lang) + sf
