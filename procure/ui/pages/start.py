"""Step 1, "Start": begin a new tender, resume a saved one, or open a tender.yaml."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from procure.errors import ProcureError
from procure.formats import time_text
from procure.tender import parse_tender
from procure.tender.io import MAX_TENDER_BYTES
from procure.ui.persistence import adopt_tender, open_saved, start_new, workspace
from procure.ui.session import bound, cached_release, get_state, notify, plain, safe_callback
from procure.ui.state import WizardState, state_from_tender
from procure.ui.texts import tr
from procure.ui.workspace import SavedTender
from procure.yamlio import text_from_bytes


def render(state: WizardState) -> None:
    lang = state.ui_lang
    st.caption(tr(lang, "start_intro"))
    new_col, current_col = st.columns(2)
    new_col.button(
        tr(lang, "start_new"),
        key="start_new",
        type="primary",
        on_click=_new,
        icon=":material/add:",
        use_container_width=True,
    )
    if state.has_work():
        current_col.button(
            # A button label is Markdown: the title is the officer's (or a file's) text.
            tr(lang, "start_continue", title=plain(_title(state.title, lang))),
            key="start_continue",
            on_click=_go_to,
            args=(max(state.step, 1),),
            icon=":material/arrow_forward:",
            use_container_width=True,
        )
    _saved_tenders(state)
    st.divider()
    _open_file(state)


def _saved_tenders(state: WizardState) -> None:
    lang = state.ui_lang
    ws = workspace()
    st.subheader(tr(lang, "saved_heading"))
    st.caption(plain(tr(lang, "saved_where", folder=str(ws.root))))
    try:
        saved = ws.list_tenders()
    except OSError as exc:
        st.error(plain(tr(lang, "workspace_unreadable", folder=str(ws.root), error=str(exc))))
        return
    if not saved:
        st.info(tr(lang, "saved_none"), icon=":material/info:")  # no emoji lookup (issue 20)
        return
    for item in saved:
        _saved_card(state, item)


def _saved_card(state: WizardState, item: SavedTender) -> None:
    lang = state.ui_lang
    current = item.tender_id == state.tender_id and state.saved.revision is not None
    with st.container(border=True):
        text_col, open_col, delete_col = st.columns([5, 1.2, 1])
        with text_col:
            if item.problem:
                st.markdown(f"**{plain(item.tender_id)}**")
                st.error(plain(tr(lang, "saved_damaged", problem=item.problem)))
            else:
                badge = f" · _{tr(lang, 'saved_current')}_" if current else ""
                st.markdown(f"**{plain(_title(item.title, lang))}**{badge}")
                details = [item.buyer or "–", item.category or tr(lang, "saved_no_category")]
                details.append(tr(lang, "saved_at", when=_local_time(item.saved_at, lang)))
                if item.bids:
                    details.append(tr(lang, "saved_bids", count=item.bids))
                st.caption(plain(" · ".join(details)))
        if not item.problem and not current:
            open_col.button(
                tr(lang, "saved_open"),
                key=f"saved_open_{item.tender_id}",
                on_click=_open,
                args=(item.tender_id,),
                use_container_width=True,
            )
        if state.confirm_delete == item.tender_id:
            st.warning(plain(tr(lang, "delete_question", title=_title(item.title, lang))))
            yes, no, _ = st.columns([1, 1, 3])
            yes.button(
                tr(lang, "delete_yes"),
                key=f"saved_delete_yes_{item.tender_id}",
                type="primary",
                on_click=_delete,
                args=(item.tender_id,),
            )
            no.button(tr(lang, "cancel"), key="saved_delete_no", on_click=_cancel_delete)
        elif not current:
            delete_col.button(
                tr(lang, "delete"),
                key=f"saved_delete_{item.tender_id}",
                on_click=_ask_delete,
                args=(item.tender_id,),
                use_container_width=True,
            )


def _open_file(state: WizardState) -> None:
    lang = state.ui_lang
    st.subheader(tr(lang, "continue_heading"))
    st.caption(tr(lang, "continue_intro"))
    if state.pending_tender is not None:
        pending = state.pending_tender
        st.warning(
            plain(
                tr(lang, "replace_question", title=pending.title, count=len(pending.requirements))
            )
        )
        yes, no, _ = st.columns([1, 1, 3])
        yes.button(tr(lang, "replace_yes"), key="replace_yes", on_click=_confirm_pending)
        no.button(tr(lang, "cancel"), key="replace_no", on_click=_cancel_pending)
        return
    st.file_uploader(
        tr(lang, "tender_upload_label"),
        type=["yaml", "yml"],
        key=f"tender_upload_{state.upload_round}",
        on_change=_tender_uploaded,
        args=(f"tender_upload_{state.upload_round}",),
        help=tr(lang, "tender_upload_help"),
    )
    with st.expander(tr(lang, "tender_paste_heading")):
        bound(
            st.text_area,
            "tender_paste",
            state.tender_paste,
            lambda value: setattr(state, "tender_paste", value or ""),
            label=tr(lang, "tender_paste_label"),
            height=200,
        )
        st.button(tr(lang, "tender_paste_button"), key="tender_paste_load", on_click=_tender_pasted)


@safe_callback
def _new() -> None:
    start_new(get_state())


@safe_callback
def _go_to(step: int) -> None:
    get_state().step = step


@safe_callback
def _open(tender_id: str) -> None:
    state = get_state()
    open_saved(state, tender_id)
    notify(
        state,
        "success",
        tr(state.ui_lang, "saved_opened", title=_title(state.title, state.ui_lang)),
    )


@safe_callback
def _ask_delete(tender_id: str) -> None:
    get_state().confirm_delete = tender_id


@safe_callback
def _cancel_delete() -> None:
    get_state().confirm_delete = None


@safe_callback
def _delete(tender_id: str) -> None:
    state = get_state()
    state.confirm_delete = None
    moved_to = workspace().delete_tender(tender_id)
    notify(state, "success", tr(state.ui_lang, "deleted", folder=str(moved_to)))


@safe_callback
def _tender_uploaded(key: str) -> None:
    uploaded = st.session_state.get(key)
    if uploaded is None:
        return
    state = get_state()
    state.upload_round += 1  # a fresh uploader next time: the file is handled now
    data = uploaded.getvalue()
    if len(data) > MAX_TENDER_BYTES:
        raise ProcureError.invalid(uploaded.name, tr(state.ui_lang, "tender_too_big"))
    _offer_tender(state, text_from_bytes(data, uploaded.name), uploaded.name)


@safe_callback
def _tender_pasted() -> None:
    state = get_state()
    # What the box shows now: its own change callback may run after this one.
    text = st.session_state.get("tender_paste", state.tender_paste) or ""
    state.tender_paste = text
    if not text.strip():
        notify(state, "warning", tr(state.ui_lang, "tender_paste_empty"))
        return
    source = "tender.yaml"  # what the officer pasted: the text of one
    if len(text.encode("utf-8")) > MAX_TENDER_BYTES:
        raise ProcureError.invalid(source, tr(state.ui_lang, "tender_too_big"))
    _offer_tender(state, text, source)
    state.tender_paste = ""  # read: the box is emptied; an error above keeps the text


def _offer_tender(state: WizardState, text: str, source: str) -> None:
    """Parse and check the tender; open it now, or ask first if it would replace the saved
    draft of the same tender (the tender on screen is saved first, so it is never lost)."""
    tender = parse_tender(text, source)
    try:
        library = cached_release(tender.library_version)
        if tender.category not in library.categories_by_code:
            raise ProcureError(tr(state.ui_lang, "category_unknown", code=tender.category))
        state_from_tender(tender, library)  # raises now, before anything is replaced
    except ProcureError as exc:
        if exc.location is not None:
            raise
        # An unknown release, integration or KLE group: say which file names it.
        raise ProcureError.invalid(source, exc.message) from None
    if workspace().has_tender(tender.id):
        state.pending_tender, state.pending_source = tender, source
    else:
        _load(state, tender, source)


@safe_callback
def _confirm_pending() -> None:
    state = get_state()
    if state.pending_tender is not None:  # kept until loaded: an error leaves the question
        _load(state, state.pending_tender, state.pending_source)


@safe_callback
def _cancel_pending() -> None:
    get_state().pending_tender = None


def _load(state: WizardState, tender, source: str) -> None:
    library = cached_release(tender.library_version)
    adopt_tender(state, tender, library)
    state.step = 1
    lang = state.ui_lang
    count = len(tender.requirements)
    notify(state, "success", tr(lang, "tender_loaded", title=tender.title, count=count))
    # Kept, so nothing in the file is dropped without a word; step 5 offers to remove them.
    unknown = [r.id for r in tender.requirements if r.id not in library.requirements_by_id]
    if unknown:
        notify(
            state,
            "warning",
            tr(
                lang,
                "tender_loaded_unknown",
                name=source,
                count=len(unknown),
                version=tender.library_version,
                ids=", ".join(unknown),
            ),
        )


def _title(title: str, lang: str) -> str:
    return title.strip() or tr(lang, "untitled")


def _local_time(iso: str, lang: str) -> str:
    """A saved time as the officer reads it: Danish local time in the officer's language."""
    try:
        when = dt.datetime.fromisoformat(iso)
    except ValueError:
        return iso or "–"
    return time_text(when, lang)
