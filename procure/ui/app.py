"""The wizard's frame: page set-up, the sidebar (language and steps) and the step buttons."""

from __future__ import annotations

from importlib import import_module

import streamlit as st

from procure.i18n import set_language
from procure.tender.lifecycle import part_label
from procure.ui.accessibility import accessible_frame
from procure.ui.corrections import pending_now
from procure.ui.persistence import autosave, follow_other_tabs, restore_from_address
from procure.ui.publication import status_text
from procure.ui.session import (
    bound,
    get_state,
    plain,
    run_step,
    safe_callback,
    show_notices,
)
from procure.ui.state import WizardState
from procure.ui.texts import LANGUAGE_LABEL, LANGUAGE_NAMES, STEP_KEYS, tr
from procure.ui.widget_texts import danish_widgets

# Each step's page (a module of procure.ui.pages), imported when the step is first shown:
# the first page must not wait for pandas, the documents, the award or the portfolio
# database that later steps use (issue 20).
PAGES = {
    "step_start": "start",
    "step_purchase": "udbud",
    "step_system": "system",
    "step_integrations": "integrationer",
    "step_requirements": "krav",
    "step_evaluation": "evaluering",
    "step_documents": "dokumenter",
    "step_check": "tilbud",
    "step_award": "tildeling",
    "step_library": "bibliotek",
    "step_portfolio": "portefolje",
}
STEP_COUNT = len(STEP_KEYS)


def page(step_key: str):
    """The render function of a step's page."""
    return import_module(f"procure.ui.pages.{PAGES[step_key]}").render


def main() -> None:
    # A Material icon, not the emoji 📋: Streamlit checks an emoji against its whole catalogue,
    # whose import took 40-60 ms of every first page (issue 20).
    st.set_page_config(page_title="procure", page_icon=":material/assignment:", layout="wide")
    state = get_state()
    # Messages from the layers below (errors about files, the library, bids) in the
    # officer's language; the sidebar's switch runs as a callback before this.
    set_language(state.ui_lang)
    danish_widgets(state.ui_lang)
    if not _logged_in(state):
        return
    run_step(state, restore_from_address)
    run_step(state, follow_other_tabs)
    if not 0 <= state.step < STEP_COUNT:
        state.step = 0
    run_step(state, _sidebar)
    lang = state.ui_lang
    st.title(tr(lang, "app_title"))
    st.header(tr(lang, STEP_KEYS[state.step]))
    accessible_frame(state)
    # Each in one container, present on every run: a notice or warning that comes and goes
    # must not move the page's widgets to other places in Streamlit's element tree, where
    # they would be drawn anew and the keyboard's focus lost
    with st.container():
        show_notices(state)
    with st.container():
        run_step(state, _status)
    run_step(state, page(STEP_KEYS[state.step]))
    run_step(state, _step_buttons)
    run_step(state, autosave)


def login_configured() -> bool:
    """Whether `.streamlit/secrets.toml` has an [auth] section (OpenID Connect login)."""
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all: Streamlit raises rather than saying no
        return False


def _logged_in(state: WizardState) -> bool:
    """Without [auth] the wizard is open to whoever reaches it (by default only this machine);
    with it, nothing is shown before the officer has logged in."""
    if not login_configured():
        return True
    lang = state.ui_lang
    if st.user.get("is_logged_in", False):
        with st.sidebar:
            st.caption(plain(tr(lang, "logged_in_as", name=st.user.get("name") or "")))
            st.button(tr(lang, "logout"), key="logout", on_click=st.logout)
        if not state.check.evaluator:
            state.check.evaluator = str(st.user.get("name") or st.user.get("email") or "")
        return True
    st.title(tr(lang, "app_title"))
    st.info(tr(lang, "login_needed"))
    st.button(tr(lang, "login"), key="login", type="primary", on_click=st.login)
    return False


def _sidebar(state: WizardState) -> None:
    with st.sidebar:
        bound(
            st.radio,
            "ui_lang",
            state.ui_lang,
            lambda value: setattr(state, "ui_lang", value),
            label=LANGUAGE_LABEL,
            options=list(LANGUAGE_NAMES),
            format_func=LANGUAGE_NAMES.get,
            horizontal=True,
        )
        lang = state.ui_lang
        # Buttons, not a radio group: arrow keys in a radio group would change the step at
        # each press (WCAG 3.2.2). The current step is marked (aria-current, accessibility.py).
        st.markdown(f"**{tr(lang, 'steps')}**")
        with st.container(gap="xxsmall"):
            for index, key in enumerate(STEP_KEYS):
                st.button(
                    tr(lang, key),
                    key=f"nav_step_{index}",
                    type="primary" if index == state.step else "tertiary",
                    on_click=_go_to,
                    args=(index,),
                )
        st.divider()
        if state.title.strip():
            st.caption(plain(state.title))
        if state.library_version:
            st.caption(plain(tr(lang, "sidebar_library", version=state.library_version)))
        st.caption(tr(lang, "sidebar_privacy"))


def _status(state: WizardState) -> None:
    """The tender's status on every step, and a change to a published tender's frozen parts
    that is not in its file yet (saved as a correction, or undone, on Dokumenter)."""
    if state.step == 0 and not state.has_work():
        return
    lang = state.ui_lang
    st.caption(plain(status_text(state)))
    pending = pending_now(state)
    if pending is not None:
        parts = ", ".join(part_label(p).text(lang) for p in pending.parts)
        key = "status_pending_amend" if pending.can_amend else "status_pending_frozen"
        rule = pending.rule.text(lang) if pending.rule is not None else ""
        st.warning(plain(tr(lang, key, parts=parts, rule=rule)))


def _step_buttons(state: WizardState) -> None:
    lang = state.ui_lang
    st.divider()
    back, _, forward = st.columns([1, 3, 1])
    if state.step > 0:
        back.button(
            "← " + tr(lang, STEP_KEYS[state.step - 1]),
            key="step_back",
            on_click=_go_to,
            args=(state.step - 1,),
            use_container_width=True,
        )
    if state.step < STEP_COUNT - 1:
        forward.button(
            tr(lang, STEP_KEYS[state.step + 1]) + " →",
            key="step_forward",
            type="primary",
            on_click=_go_to,
            args=(state.step + 1,),
            use_container_width=True,
        )


@safe_callback
def _go_to(step: int) -> None:
    get_state().step = step
