"""Step 2, "Udbud": what is bought, by whom, when, in which language, and from which release."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from procure.ui.numbers import number_field
from procure.ui.session import bound, current_library, library_versions
from procure.ui.state import WizardState
from procure.ui.texts import tr


def render(state: WizardState) -> None:
    lang = state.ui_lang
    current_library(state)  # settles the library version shown below
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
            min_value=dt.date(1900, 1, 1),  # not Streamlit's ten years either side of today
            max_value=dt.date(9999, 12, 31),
            format="DD.MM.YYYY",
        )
        _deadline(state)
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
        number_field(
            st,
            "annex",
            tr(lang, "annex_label"),
            state.annex,
            lambda v: setattr(state, "annex", v),
            lang=lang,
            whole=True,
            minimum=1,
            maximum=99,
            help=tr(lang, "annex_help"),
        )

    missing = [
        tr(lang, key)
        for key, value in (
            ("title_label", state.title),
            ("buyer_label", state.buyer),
        )
        if not (value or "").strip()
    ]
    if missing:
        st.info(tr(lang, "still_missing", fields=", ".join(missing)))


def _deadline(state: WizardState) -> None:
    """Tilbudsfrist: a day, and optionally the time of day; both may be left empty."""
    lang = state.ui_lang
    day_text, _, time_text = state.deadline.partition("T")
    day_col, time_col = st.columns([2, 1])
    with day_col:
        bound(
            st.date_input,
            "deadline_day",
            _as_date(day_text) if day_text else None,
            lambda v: _set_deadline(state, v, time_text),
            label=tr(lang, "deadline_label"),
            value=None,
            # Streamlit's own bounds are ten years either side of today: a deadline outside
            # them would be emptied just by showing it.
            min_value=dt.date(1900, 1, 1),
            max_value=dt.date(9999, 12, 31),
            format="DD.MM.YYYY",
            help=tr(lang, "deadline_help"),
        )
    with time_col:
        bound(
            st.time_input,
            "deadline_time",
            dt.time.fromisoformat(time_text) if time_text else None,
            lambda v: _set_deadline(
                state, _as_date(day_text) if day_text else None, v.strftime("%H:%M") if v else ""
            ),
            label=tr(lang, "deadline_time_label"),
            value=None,
            step=dt.timedelta(minutes=15),
            disabled=not day_text,
        )
    if day_text and day_text < state.date:
        st.warning(tr(lang, "deadline_before_date"))


def _set_deadline(state: WizardState, day: dt.date | None, time_text: str) -> None:
    if day is None:
        state.deadline = ""
    else:
        state.deadline = day.isoformat() + (f"T{time_text}" if time_text else "")


def _as_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return dt.date.today()
