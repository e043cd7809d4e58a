"""The wizard's words over Streamlit's own English where Streamlit has no setting for them.

Streamlit 1.67 writes a few texts in English whatever the page's language: the file uploader's
button ("Upload") and limit ("25MB per file • YAML, YML"), and a text field's hint ("Press Enter
to apply", "Press Ctrl+Enter to apply"). Where a widget has a parameter the wizard uses it
(placeholders and `select_all=False` in `procure.ui.session.bound`, date formats, help texts);
for these four a style sheet puts the Danish text in their place, in Danish mode only.

The selectors are Streamlit's `data-testid` attributes, the stable hooks its own tests use; if a
release renames them, Streamlit's English shows again and nothing breaks. What still shows in
English is listed in the README ("Language").
"""

from __future__ import annotations

import streamlit as st

from procure.ui.texts import tr

# Streamlit's English element is left out (display: none: screen readers skip it too) and the
# Danish text is generated content of the element around it, which is visible and is part of a
# button's accessible name. (visibility: hidden on the element with a visible ::after looked
# the same but left the upload button without a name in Chromium.)
_REPLACED = """
{hidden} {{ display: none; }}
{shown}::{where} {{ content: "{text}"; }}
"""

# Not in a form: a form that does not submit on Enter has no Enter hint, and its first span is
# the character count.
_FIELD = ':not([data-testid="stForm"] *) [data-testid="InputInstructions"]'

# (Streamlit's element, the element around it, before or after, the text's key)
_TARGETS = (
    (
        '[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"]',
        '[data-testid="stFileUploaderDropzone"] button > div > span',
        "after",
        "upload_button",
    ),
    (
        '[data-testid="stFileUploaderDropzoneInstructions"] > div > span',
        '[data-testid="stFileUploaderDropzoneInstructions"] > div',
        "after",
        "upload_limit",
    ),
    (
        f'[data-testid="stTextInput"]{_FIELD} > span:first-child',
        f'[data-testid="stTextInput"]{_FIELD}',
        "before",
        "press_enter",
    ),
    (
        f'[data-testid="stTextArea"]{_FIELD} > span:first-child',
        f'[data-testid="stTextArea"]{_FIELD}',
        "before",
        "press_ctrl_enter",
    ),
)


def widget_css(lang: str) -> str:
    """The style sheet for `lang`; "" in English, which is Streamlit's own language."""
    if lang == "en":
        return ""
    limit = st.get_option("server.maxUploadSize")  # MB, as the uploader itself says
    rules = [
        _REPLACED.format(
            hidden=hidden, shown=shown, where=where, text=_css_string(tr(lang, key, size=limit))
        )
        for hidden, shown, where, key in _TARGETS
    ]
    return "<style>" + "".join(rules) + "</style>"


def danish_widgets(lang: str) -> None:
    """Put the style sheet on the page (a style-only st.html takes no room on the page)."""
    css = widget_css(lang)
    if css:
        st.html(css)


def _css_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')
