"""Step 4, "Integrationer": which parts of the joint infrastructure the system must use."""

from __future__ import annotations

import streamlit as st

from procure.library.model import Library
from procure.ui.session import (
    bound,
    current_library,
    get_state,
    offer_recommendation,
    plain,
    safe_callback,
)
from procure.ui.state import (
    WizardState,
    chosen_integrations,
    recommended_integrations,
    required_by,
    set_integrations,
)
from procure.ui.texts import tr


def render(state: WizardState) -> None:
    lang = state.ui_lang
    library = current_library(state)
    if not state.category:
        st.warning(tr(lang, "choose_category_first"))
        return
    category = library.categories_by_code[state.category]
    st.info(
        tr(lang, "advice_heading")
        + "  \n"
        + plain(tr(lang, "advice_text", category=f"{category.code} – {category.name.get(lang)}"))
    )
    _integrations(state, library)


def _integrations(state: WizardState, library: Library) -> None:
    lang = state.ui_lang
    st.subheader(tr(lang, "integrations_heading"))
    chosen = chosen_integrations(state, library)
    options = [i.id for i in library.integrations if i.status == "active" or i.id in chosen]
    options += [i for i in chosen if i not in options]  # unknown ids stay visible

    def label(integration_id: str) -> str:
        integration = library.integrations_by_id.get(integration_id)
        if integration is None:
            return tr(lang, "unknown_integration", id=integration_id)
        sf = f" ({integration.sf_list})" if integration.sf_list else ""
        return integration.name.get(lang) + sf

    bound(
        st.multiselect,
        "integrations",
        chosen,
        lambda ids: set_integrations(state, library, ids),
        label=tr(lang, "integrations_label"),
        options=options,
        format_func=label,
        placeholder=tr(lang, "integrations_placeholder"),
    )
    offer_recommendation(
        lang,
        chosen,
        recommended_integrations(state, library),
        label,
        "integrations_recommended",
        _use_recommended_integrations,
    )

    closure = library.integration_closure(chosen)
    added = [i for i in closure if i not in chosen]
    st.markdown("**" + tr(lang, "closure_heading", chosen=len(chosen), added=len(added)) + "**")
    if added:
        st.caption(tr(lang, "closure_explained"))
    for integration_id in closure:
        _integration_card(state, library, chosen, integration_id)


def _integration_card(
    state: WizardState, library: Library, chosen: list[str], integration_id: str
) -> None:
    lang = state.ui_lang
    integration = library.integrations_by_id.get(integration_id)
    with st.container(border=True):
        if integration is None:
            st.warning(plain(tr(lang, "unknown_integration_long", id=integration_id)))
            return
        sf = integration.sf_list or tr(lang, "no_sf")
        head = f"**{plain(integration.name.get(lang))}** · {plain(sf)}"
        if integration_id in chosen:
            if integration_id in recommended_integrations(state, library):
                status = tr(lang, "recommended_badge", category=state.category or "")
            else:
                status = tr(lang, "chosen_badge")
        else:
            needers = required_by(library, chosen, integration_id)
            names = ", ".join(
                library.integrations_by_id[i].name.get(lang)
                for i in needers
                if i in library.integrations_by_id
            )
            status = tr(lang, "required_by_badge", names=plain(names))
        st.markdown(f"{head}  \n{status}")
        st.caption(plain(integration.description.get(lang)))
        # Why the dependencies are there: what each one does for this integration
        for dependency_id in integration.depends_on:
            dependency = library.integrations_by_id.get(dependency_id)
            if dependency is None:
                continue
            st.caption(
                plain(
                    tr(
                        lang,
                        "depends_on_line",
                        name=integration.name.get(lang),
                        dependency=dependency.name.get(lang),
                        why=dependency.description.get(lang),
                    )
                )
            )


@safe_callback
def _use_recommended_integrations() -> None:
    get_state().integrations = None
