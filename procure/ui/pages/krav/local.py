"""The officer's own requirements on the Krav step: their cards among the library's, and the
form that adds one."""

from __future__ import annotations

import streamlit as st

from procure.library.model import KINDS, Library
from procure.ui.session import bound, get_state, notify, plain, safe_callback
from procure.ui.state import LocalDraft, WizardState, add_local, remove_local
from procure.ui.texts import tr


def local_card(state: WizardState, item, library: Library) -> None:
    """One of the officer's own requirements as a card, with a button that removes it."""
    lang = state.ui_lang
    with st.container(border=True):
        text_col, kind_col, remove_col = st.columns([6, 2, 1])
        with text_col:
            st.markdown(f"**{plain(item.id)}** · {plain(item.title)} · _{tr(lang, 'local_badge')}_")
            st.markdown(plain(item.text))
        kind = tr(lang, f"kind_{item.kind}")
        if item.kind == "PK":
            kind += f" · {tr(lang, 'weight_label')} {item.weight}"
        kind_col.markdown(plain(kind))
        remove_col.button(
            tr(lang, "remove"), key=f"local_remove_{item.id}", on_click=_remove, args=(item.id,)
        )


def add_local_form(state: WizardState, library: Library) -> None:
    """The officer's own requirement. Every field is kept in the wizard's state as it is typed
    (not in a form, whose values the browser drops when the officer visits another step);
    a refused add keeps them, a successful one starts an empty draft."""
    lang = state.ui_lang
    st.subheader(tr(lang, "local_heading"))
    st.caption(tr(lang, "local_intro"))
    draft = state.local_draft
    areas = [a.key for a in library.areas]
    if draft.area not in areas:
        draft.area = areas[0] if areas else None
    # Keys carry the next number: after an add the fields are new, empty widgets.
    n = state.next_local_number
    with st.container(border=True):
        area_col, kind_col, weight_col = st.columns([3, 2, 1])
        with area_col:
            bound(
                st.selectbox,
                f"local_area_{n}",
                draft.area,
                lambda v: setattr(draft, "area", v),
                label=tr(lang, "local_area"),
                options=areas,
                format_func=lambda key: library.areas_by_key[key].title.get(lang),
            )
        with kind_col:
            bound(
                st.selectbox,
                f"local_kind_{n}",
                draft.kind,
                lambda v: setattr(draft, "kind", v or "K"),
                label=tr(lang, "kind_label"),
                options=list(KINDS),
                format_func=lambda k: tr(lang, f"kind_{k}"),
            )
        with weight_col:
            bound(
                st.number_input,
                f"local_weight_{n}",
                draft.weight,
                lambda v: setattr(draft, "weight", None if v is None else int(v)),
                label=tr(lang, "weight_label"),
                min_value=1,
                max_value=100,
                value=None,
                step=1,
                help=tr(lang, "local_weight_help"),
            )
        bound(
            st.text_input,
            f"local_title_{n}",
            draft.title,
            lambda v: setattr(draft, "title", v or ""),
            label=tr(lang, "local_title"),
            max_chars=300,
        )
        bound(
            st.text_area,
            f"local_text_{n}",
            draft.text,
            lambda v: setattr(draft, "text", v or ""),
            label=tr(lang, "local_text"),
            max_chars=20000,
        )
        if draft.problems:  # shown once, for the add that was refused
            st.error(draft.problems)
            draft.problems = ""
        # Handled here, not in a callback: this rerun has already taken in another tab's
        # saves, so the number given is free.
        if st.button(tr(lang, "local_add"), key=f"local_add_{n}"):
            _add_local(state)


def _add_local(state: WizardState) -> None:
    lang = state.ui_lang
    draft = state.local_draft
    problems = []
    if not draft.title.strip():
        problems.append(tr(lang, "local_title_missing"))
    if not draft.text.strip():
        problems.append(tr(lang, "local_text_missing"))
    if draft.kind == "PK" and draft.weight is None:
        problems.append(tr(lang, "local_weight_missing"))
    draft.problems = " ".join(problems)
    if problems:
        st.rerun()  # the message is drawn with the fields
    added = add_local(state, draft.area, draft.title, draft.text, draft.kind, draft.weight)
    state.local_draft = LocalDraft()
    notify(state, "success", tr(lang, "local_added", id=added.id))
    st.rerun()


@safe_callback
def _remove(local_id: str) -> None:
    state = get_state()
    remove_local(state, local_id)
    notify(state, "info", tr(state.ui_lang, "local_removed", id=local_id))
