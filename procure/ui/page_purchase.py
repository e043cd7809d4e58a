"""Step 1, "Indkøbet": what is bought, by whom, and from which library release."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from procure.errors import ProcureError
from procure.tender import parse_tender
from procure.tender.io import MAX_TENDER_BYTES
from procure.ui.session import (
    bound,
    cached_release,
    current_library,
    get_state,
    library_versions,
    notify,
    plain,
    safe_callback,
)
from procure.ui.state import WizardState, load_tender, state_from_tender
from procure.ui.texts import tr


def render(state: WizardState) -> None:
    lang = state.ui_lang
    library = current_library(state)
    st.caption(tr(lang, "purchase_intro"))

    left, right = st.columns(2)
    with left:
        bound(
            st.text_input,
            "title",
            state.title,
            lambda v: setattr(state, "title", v),
            label=tr(lang, "title_label"),
            max_chars=300,
            placeholder=tr(lang, "title_placeholder"),
        )
        bound(
            st.text_input,
            "buyer",
            state.buyer,
            lambda v: setattr(state, "buyer", v),
            label=tr(lang, "buyer_label"),
            max_chars=200,
            placeholder=tr(lang, "buyer_placeholder"),
        )
        bound(
            st.text_input,
            "cvr",
            state.cvr,
            lambda v: setattr(state, "cvr", v.strip()),
            label=tr(lang, "cvr_label"),
            max_chars=8,
            help=tr(lang, "cvr_help"),
        )
        if not state.cvr_valid:
            st.error(tr(lang, "cvr_invalid"))
        bound(
            st.text_input,
            "case_number",
            state.case_number,
            lambda v: setattr(state, "case_number", v),
            label=tr(lang, "case_label"),
            max_chars=100,
        )
    with right:
        bound(
            st.date_input,
            "date",
            _as_date(state.date),
            lambda v: setattr(state, "date", (v or dt.date.today()).isoformat()),
            label=tr(lang, "date_label"),
            format="DD.MM.YYYY",
        )
        bound(
            st.radio,
            "doc_lang",
            state.doc_lang,
            lambda v: setattr(state, "doc_lang", v),
            label=tr(lang, "doc_lang_label"),
            options=["da", "en"],
            format_func=lambda code: tr(lang, f"lang_{code}"),
            horizontal=True,
            help=tr(lang, "doc_lang_help"),
        )
        versions = library_versions()
        bound(
            st.selectbox,
            "library_version",
            state.library_version,
            lambda v: setattr(state, "library_version", v),
            label=tr(lang, "library_label"),
            options=list(reversed(versions)),
            help=tr(lang, "library_help"),
        )
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

    missing = [
        tr(lang, key)
        for key, value in (
            ("title_label", state.title),
            ("buyer_label", state.buyer),
            ("category_label", state.category),
        )
        if not (value or "").strip()
    ]
    if missing:
        st.info(tr(lang, "still_missing", fields=", ".join(missing)))

    st.divider()
    _continue_from_file(state)


def _continue_from_file(state: WizardState) -> None:
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
        st.text_area(tr(lang, "tender_paste_label"), key="tender_paste", height=200)
        st.button(tr(lang, "tender_paste_button"), key="tender_paste_load", on_click=_tender_pasted)


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
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        raise ProcureError.invalid(uploaded.name, tr(state.ui_lang, "not_utf8")) from None
    _offer_tender(state, text, uploaded.name)


@safe_callback
def _tender_pasted() -> None:
    state = get_state()
    text = st.session_state.get("tender_paste", "")
    if not text.strip():
        notify(state, "warning", tr(state.ui_lang, "tender_paste_empty"))
        return
    _offer_tender(state, text, "tender.yaml")


def _offer_tender(state: WizardState, text: str, source: str) -> None:
    """Parse and check the tender; load it now, or ask first if it would replace work."""
    tender = parse_tender(text, source)
    library = cached_release(tender.library_version)
    if tender.category not in library.categories_by_code:
        raise ProcureError.invalid(
            source, tr(state.ui_lang, "category_unknown", code=tender.category)
        )
    state_from_tender(tender, library)  # raises now, before anything is replaced
    if state.has_work():
        state.pending_tender = tender
    else:
        _load(state, tender)


@safe_callback
def _confirm_pending() -> None:
    state = get_state()
    tender, state.pending_tender = state.pending_tender, None
    if tender is not None:
        _load(state, tender)


@safe_callback
def _cancel_pending() -> None:
    get_state().pending_tender = None


def _load(state: WizardState, tender) -> None:
    load_tender(state, tender, cached_release(tender.library_version))
    notify(
        state,
        "success",
        tr(state.ui_lang, "tender_loaded", title=tender.title, count=len(tender.requirements)),
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


def _as_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return dt.date.today()
