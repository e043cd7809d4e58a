"""The officer's own requirements on the Krav step: their cards among the library's (under
"Lokale krav" unless the officer put one in a library area), each editable in place, and the
form that adds one."""

from __future__ import annotations

import streamlit as st

from procure.library.model import KINDS, Library
from procure.tender.model import LOCAL_AREA
from procure.tender.resolve import area_keys, area_title
from procure.ui.numbers import number_field
from procure.ui.session import bound, get_state, notify, plain, safe_callback
from procure.ui.state import LocalDraft, WizardState, add_local, remove_local, update_local
from procure.ui.texts import tr


def local_card(state: WizardState, item, library: Library) -> None:
    """One of the officer's own requirements as a card: its title and text as written, and in
    "Ret" every field editable (a change is kept at once); a button removes it."""
    lang = state.ui_lang
    with st.container(border=True):
        text_col, kind_col, remove_col = st.columns([6, 2, 1])
        with text_col:
            st.markdown(f"**{plain(item.id)}** · {plain(item.title)} · _{tr(lang, 'local_badge')}_")
            st.markdown(plain(item.text))
        kind = tr(lang, f"kind_{item.kind}")
        if item.kind == "PK":
            kind += f" · {tr(lang, 'weight_label')} {item.weight or '–'}"
        kind_col.markdown(plain(kind))
        if item.kind == "PK" and item.weight is None:
            kind_col.caption(tr(lang, "weight_missing"))
        remove_col.button(
            tr(lang, "remove"), key=f"local_remove_{item.id}", on_click=_remove, args=(item.id,)
        )
        if item.guidance:
            st.caption(plain(tr(lang, "local_guidance_shown", text=item.guidance)))
        with st.expander(tr(lang, "local_edit"), key=f"local_edit_{item.id}_expander"):
            _fields(state, library, item, item.id, _changer(state, item.id))


def add_local_form(state: WizardState, library: Library) -> None:
    """The officer's own requirement. Every field is kept in the wizard's state as it is typed
    (not in a form, whose values the browser drops when the officer visits another step);
    a refused add keeps them, a successful one starts an empty draft."""
    lang = state.ui_lang
    st.subheader(tr(lang, "local_heading"))
    st.caption(tr(lang, "local_intro"))
    draft = state.local_draft
    if draft.area not in area_keys(library):
        draft.area = LOCAL_AREA
    # Keys carry the next number: after an add the fields are new, empty widgets.
    n = state.next_local_number
    with st.container(border=True):
        _fields(state, library, draft, n, lambda **c: _set_draft(draft, **c))
        if draft.problems:  # shown once, for the add that was refused
            st.error(draft.problems)
            draft.problems = ""
        # Handled here, not in a callback: this rerun has already taken in another tab's
        # saves, so the number given is free.
        if st.button(tr(lang, "local_add"), key=f"local_add_{n}"):
            _add_local(state)


def _fields(state: WizardState, library: Library, item, suffix: object, change) -> None:
    """Area, kind, weight, title, text and guidance of a local requirement (an added one or
    the draft); `change(**fields)` keeps a change. Keys end in the draft's number or the
    requirement's id: "local_title_3", "local_title_LOKAL-1"."""
    lang = state.ui_lang
    area_col, kind_col, weight_col = st.columns([3, 2, 1])
    with area_col:
        bound(
            st.selectbox,
            f"local_area_{suffix}",
            item.area,
            lambda v: change(area=v or LOCAL_AREA),
            label=tr(lang, "local_area"),
            options=area_keys(library),
            format_func=lambda key: area_title(key, library, lang),
            help=tr(lang, "local_area_help"),
        )
    with kind_col:
        bound(
            st.selectbox,
            f"local_kind_{suffix}",
            item.kind,
            lambda v: change(kind=v or "K"),
            label=tr(lang, "kind_label"),
            options=list(KINDS),
            format_func=lambda k: tr(lang, f"kind_{k}"),
        )
    number_field(
        weight_col,
        f"local_weight_{suffix}",
        tr(lang, "weight_label"),
        item.weight,
        lambda v: change(weight=v),
        lang=lang,
        whole=True,
        minimum=1,
        maximum=100,
        optional=True,
        disabled=item.kind != "PK",
        placeholder=tr(lang, "weight_placeholder"),
        help=tr(lang, "local_weight_help"),
    )
    bound(
        st.text_input,
        f"local_title_{suffix}",
        item.title,
        lambda v: change(title=v or ""),
        label=tr(lang, "local_title"),
        max_chars=300,
    )
    bound(
        st.text_area,
        f"local_text_{suffix}",
        item.text,
        lambda v: change(text=v or ""),
        label=tr(lang, "local_text"),
        max_chars=20000,
    )
    bound(
        st.text_area,
        f"local_guidance_{suffix}",
        item.guidance,
        lambda v: change(guidance=v or ""),
        label=tr(lang, "local_guidance"),
        help=tr(lang, "local_guidance_help"),
        max_chars=20000,
        height=80,
    )


def _set_draft(draft: LocalDraft, **changes: object) -> None:
    for name, value in changes.items():
        setattr(draft, name, value)


def _changer(state: WizardState, local_id: str):
    """A change to an added local requirement: a title or text emptied is refused (the tender
    needs both) with a message, and the card keeps what it had."""

    def change(**changes: object) -> None:
        lang = state.ui_lang
        for name, missing in (("title", "local_title_missing"), ("text", "local_text_missing")):
            if name in changes:
                changes[name] = str(changes[name]).strip()
                if not changes[name]:
                    notify(state, "error", f"{local_id}: {tr(lang, missing)}")
                    return
        if "guidance" in changes:
            changes["guidance"] = str(changes["guidance"]).strip()
        update_local(state, local_id, **changes)

    return change


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
    added = add_local(
        state, draft.area, draft.title, draft.text, draft.kind, draft.weight, draft.guidance
    )
    state.local_draft = LocalDraft()
    notify(state, "success", tr(lang, "local_added", id=added.id))
    st.rerun()


@safe_callback
def _remove(local_id: str) -> None:
    state = get_state()
    remove_local(state, local_id)
    notify(state, "info", tr(state.ui_lang, "local_removed", id=local_id))
