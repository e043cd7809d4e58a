"""Tie the wizard's state to the browser session, and draw widgets that read and write it.

Every input widget is drawn with `bound`: the widget shows the value from WizardState and a
change by the officer is written back to WizardState in the widget's callback, before the page
runs. The widget's own entry in st.session_state is only a display copy, refreshed from the
state when it is missing (the widget was not drawn last time) or differs (the state was changed
by a button, a reset or a loaded tender).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any, TypeVar

import streamlit as st

from procure.errors import ProcureError
from procure.i18n import set_language
from procure.library import load_release, released_versions
from procure.library.model import Library
from procure.ui.state import Notice, WizardState
from procure.ui.texts import tr

STATE_KEY = "procure_wizard"
T = TypeVar("T")
_LABELS_PREFIX = "procure_labels_"  # the option texts a widget showed last time
LOG = logging.getLogger("procure.ui")

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=&])")
# What formats inside a widget label (inline Markdown only: block syntax is shown as text);
# ":word:" and ":word[" are Streamlit's emoji, icon and colour directives.
_LABEL_SPECIAL = re.compile(r"([\\`*_~\[\]$<])")
_LABEL_DIRECTIVE = re.compile(r":(?=[\w/-]+\\?[:\[])")  # (after `[` is escaped)
# Bidirectional overrides and isolates: a vendor could use them to show a name or an amount
# reversed (U+202E before "0005" shows "5000"). They are never needed in the texts procure shows.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# Markdown turns bare web and e-mail addresses into links even when escaped; an invisible word
# joiner (U+2060) inside "www.", "https:" and after "@" keeps them text. Checked in Chromium.
_WORD_JOINER = "\u2060"
_AUTOLINK_STARTS = re.compile(r"(?i)\b(www)(\.)|\b(https?|ftp|mailto)(:)")


def session_object(key: str, kind: type[T]) -> T:
    """The session's `kind` object under `key`, made on first use (or if something else is
    there): the wizard's state, and the steps' views of it."""
    found = st.session_state.get(key)
    if not isinstance(found, kind):
        found = kind()
        st.session_state[key] = found
    return found


def get_state() -> WizardState:
    return session_object(STATE_KEY, WizardState)


@st.cache_resource(show_spinner=False)
def cached_release(version: str) -> Library:
    """A released library version; read-only and shared by every session."""
    return load_release(version)


def library_versions() -> list[str]:
    return released_versions()


def current_library(state: WizardState) -> Library:
    versions = library_versions()
    if not versions:
        raise ProcureError(tr(state.ui_lang, "no_releases"))
    if state.library_version not in versions:
        state.library_version = versions[-1]
    return cached_release(state.library_version)


def plain(text: object) -> str:
    """Text shown as written: Markdown characters escaped and bare addresses kept as text, so a
    vendor's or officer's text can neither format the page nor pull in links and images."""
    shown = _BIDI_CONTROLS.sub("", "" if text is None else str(text))
    shown = _AUTOLINK_STARTS.sub(_unlinked, shown).replace("@", "@" + _WORD_JOINER)
    return _MARKDOWN_SPECIAL.sub(r"\\\1", shown)


def label_plain(text: object) -> str:
    """A widget label shown as written, escaped only where Markdown would format it: Streamlit
    makes the label's raw text the widget's accessible name, so every escape is read aloud
    ("FKI backslash-ORG") and the name would no longer equal the text on screen (WCAG 2.5.3)."""
    shown = _BIDI_CONTROLS.sub("", "" if text is None else str(text))
    shown = _AUTOLINK_STARTS.sub(_unlinked, shown).replace("@", "@" + _WORD_JOINER)
    shown = _LABEL_SPECIAL.sub(r"\\\1", shown)
    return _LABEL_DIRECTIVE.sub(r"\\:", shown)


def _unlinked(match: re.Match) -> str:
    word, mark = (match.group(1), match.group(2)) if match.group(1) else match.group(3, 4)
    return word + _WORD_JOINER + mark


def notify(state: WizardState, level: str, text: str) -> None:
    state.notices.append(Notice(level, text))


def show_notices(state: WizardState) -> None:
    shown = {"success": st.success, "info": st.info, "warning": st.warning, "error": st.error}
    for notice in state.notices:
        shown.get(notice.level, st.info)(plain(notice.text))
    state.notices = []


def bound(
    widget: Callable[..., Any],
    key: str,
    current: Any,
    on_set: Callable[[Any], None],
    **kwargs: Any,
) -> Any:
    """Draw `widget` showing `current`; the officer's change reaches `on_set` before the rerun.

    A widget with options sends back the text it shows, not the option. When those texts
    change (another language, a count in a label), the value is set again so the browser
    shows the new text, and a text that matches no option is ignored instead of reaching
    `on_set` as a value.
    """
    relabelled = False
    kwargs = _in_the_officers_language(widget, kwargs)
    if "options" in kwargs:
        options = list(kwargs["options"])
        format_func = kwargs.get("format_func") or str
        labels = tuple(str(format_func(option)) for option in options)
        labels_key = f"{_LABELS_PREFIX}{key}"
        relabelled = st.session_state.get(labels_key, labels) != labels
        st.session_state[labels_key] = labels
        on_set = _only_options(on_set, options)
    if relabelled or key not in st.session_state or st.session_state[key] != current:
        st.session_state[key] = current
    return widget(key=key, on_change=_changed, args=(key, on_set), **kwargs)


def _in_the_officers_language(widget: Callable[..., Any], kwargs: dict) -> dict:
    """Streamlit's own English left out where a parameter allows: a choice with nothing chosen
    says "Vælg …" (not "Choose an option"), a multiple choice has no "Select all", and a date
    says how to type it (the calendar itself is English, its week starting on Sunday)."""
    name = getattr(widget, "__name__", "")
    if name not in ("selectbox", "multiselect", "date_input"):
        return kwargs
    lang = get_state().ui_lang
    kwargs = dict(kwargs)
    if name == "date_input":
        hint = tr(lang, "date_help")
        kwargs["help"] = f"{kwargs['help']}\n\n{hint}" if kwargs.get("help") else hint
    elif name == "selectbox":
        kwargs.setdefault("placeholder", tr(lang, "choose_one"))
    else:
        kwargs.setdefault("placeholder", tr(lang, "choose_some"))
        kwargs.setdefault("select_all", False)
    return kwargs


def _only_options(on_set: Callable[[Any], None], options: list) -> Callable[[Any], None]:
    def setter(value: Any) -> None:
        chosen = value if isinstance(value, list | tuple) else [value]
        if all(item is None or item in options for item in chosen):
            on_set(value)
        else:
            LOG.info("ignored a value that is not an option: %r", value)

    return setter


def safe_callback(function: Callable[..., None]) -> Callable[..., None]:
    """A widget callback whose errors become a notice instead of a traceback."""

    def wrapper(*args: Any, **kwargs: Any) -> None:
        state = get_state()
        set_language(state.ui_lang)
        try:
            function(*args, **kwargs)
        except ProcureError as exc:
            notify(state, "error", str(exc))
        except Exception:
            LOG.exception("wizard callback failed")
            notify(state, "error", tr(state.ui_lang, "unexpected_error"))

    return wrapper


@safe_callback
def _changed(key: str, on_set: Callable[[Any], None]) -> None:
    on_set(st.session_state[key])


def run_step(state: WizardState, draw: Callable[[WizardState], None]) -> None:
    """Draw one step; a user error is shown as its message, anything else as a short note."""
    try:
        draw(state)
    except ProcureError as exc:
        st.error(plain(str(exc)))
    except Exception:
        LOG.exception("wizard step %s failed", state.step + 1)
        st.error(tr(state.ui_lang, "unexpected_error"))


def offer_recommendation(
    lang: str,
    chosen: list[str],
    recommended: list[str],
    label: Callable[[str], str],
    key: str,
    use_it: Callable[[], None],
) -> None:
    """Below a choice that differs from the library's advice: what the advice was, and a button
    that goes back to it (for the integrations and the KLE groups)."""
    if set(chosen) == set(recommended):
        return
    names = ", ".join(label(item) for item in recommended) or "–"
    st.caption(plain(tr(lang, "recommended_were", names=names)))
    st.button(tr(lang, "use_recommendation"), key=key, on_click=use_it)
