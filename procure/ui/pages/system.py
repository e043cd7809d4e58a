"""Step 3, "System": the kind of system bought (SKI 02.19 ydelsesområde) and the KLE main
groups it covers, each explained in plain words."""

from __future__ import annotations

import streamlit as st

from procure.library.model import Library
from procure.ui.session import (
    bound,
    current_library,
    get_state,
    notify,
    offer_recommendation,
    plain,
    safe_callback,
)
from procure.ui.state import WizardState, chosen_kle, recommended_kle, set_kle
from procure.ui.texts import tr


def render(state: WizardState) -> None:
    lang = state.ui_lang
    library = current_library(state)
    st.caption(tr(lang, "system_intro"))
    _category(state, library)
    if not state.category:
        return
    st.divider()
    _kle(state, library)


def _category(state: WizardState, library: Library) -> None:
    lang = state.ui_lang
    codes = [c.code for c in library.categories]
    if state.category is not None and state.category not in codes:
        st.warning(plain(tr(lang, "category_unknown", code=state.category)))
        state.category = None
    bound(
        st.selectbox,
        "category",
        state.category,
        lambda v: _set_category(state, v),
        label=tr(lang, "category_label"),
        options=codes,
        index=None,
        format_func=lambda code: f"{code} – {library.categories_by_code[code].name.get(lang)}",
        placeholder=tr(lang, "category_placeholder"),
        help=tr(lang, "category_help"),
    )
    with st.expander(tr(lang, "category_explained_heading")):
        st.markdown(tr(lang, "category_explained"))
    if not state.category:
        st.info(tr(lang, "choose_category_hint"))
        return
    category = library.categories_by_code[state.category]
    names = [
        library.integrations_by_id[i].name.get(lang)
        for i in category.recommended_integrations
        if i in library.integrations_by_id
    ]
    st.info(
        plain(
            tr(
                lang,
                "category_advice",
                category=f"{category.code} – {category.name.get(lang)}",
                count=len(names),
                names=", ".join(names) or "–",
            )
        )
        + "\n\n"
        + plain(library.category_advice.get(lang))
    )


def _kle(state: WizardState, library: Library) -> None:
    lang = state.ui_lang
    st.subheader(tr(lang, "kle_heading"))
    st.caption(tr(lang, "kle_explained"))
    chosen = chosen_kle(state, library)
    options = [k.number for k in library.kle_groups]
    options += [k for k in chosen if k not in options]

    def label(number: str) -> str:
        group = library.kle_by_number.get(number)
        return f"{number} – {group.title}" if group else tr(lang, "unknown_kle", number=number)

    bound(
        st.multiselect,
        "kle",
        chosen,
        lambda numbers: set_kle(state, library, numbers),
        label=tr(lang, "kle_label"),
        options=options,
        format_func=label,
        placeholder=tr(lang, "kle_placeholder"),
        help=tr(lang, "kle_help"),
    )
    offer_recommendation(
        lang,
        chosen,
        recommended_kle(state, library),
        label,
        "kle_recommended",
        _use_recommended_kle,
    )


def _set_category(state: WizardState, code: str | None) -> None:
    previous, state.category = state.category, code
    if code is None or code == previous:
        return
    lang = state.ui_lang
    if state.integrations is not None or state.kle is not None:
        notify(state, "info", tr(lang, "category_changed_custom", code=code))
    elif previous is not None:
        notify(state, "info", tr(lang, "category_changed", code=code))


@safe_callback
def _use_recommended_kle() -> None:
    get_state().kle = None
