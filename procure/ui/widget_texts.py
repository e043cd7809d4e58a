"""The wizard's words over Streamlit's own English where Streamlit has no setting for them.

Streamlit 1.67 writes a few texts in English whatever the page's language: the file uploader's
button ("Upload") and limit ("25MB per file • YAML, YML"), and a text field's hint ("Press Enter
to apply", "Press Ctrl+Enter to apply"). Where a widget has a parameter the wizard uses it
(placeholders and `select_all=False` in `procure.ui.session.bound`, date formats, help texts);
for these four a style sheet puts the Danish text in their place, in Danish mode only.

The English text is hidden with `visibility: hidden` (so screen readers skip it too) and the
Danish text drawn by `::after` (which they read). The selectors are Streamlit's `data-testid`
attributes, the stable hooks its own tests use; if a release renames them, Streamlit's English
shows again and nothing breaks. What still shows in English is listed in the README ("Language").
"""

from __future__ import annotations

import streamlit as st

from procure.ui.texts import tr

_REPLACED = """
{target} {{ visibility: hidden; font-size: 0; }}
{target}::after {{ visibility: visible; font-size: {size}; content: "{text}"; }}
"""

# (what is replaced, the text's key in texts/widgets.py, Streamlit's font size there)
_TARGETS = (
    (
        '[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p',
        "upload_button",
        "14px",
    ),
    ('[data-testid="stFileUploaderDropzoneInstructions"] span', "upload_limit", "14px"),
    (
        '[data-testid="stTextInput"] [data-testid="InputInstructions"] > span:first-child',
        "press_enter",
        "12px",
    ),
    (
        '[data-testid="stTextArea"] [data-testid="InputInstructions"] > span:first-child',
        "press_ctrl_enter",
        "12px",
    ),
)


def widget_css(lang: str) -> str:
    """The style sheet for `lang`; "" in English, which is Streamlit's own language."""
    if lang == "en":
        return ""
    limit = st.get_option("server.maxUploadSize")  # MB, as the uploader itself says
    rules = [
        _REPLACED.format(target=target, text=_css_string(tr(lang, key, size=limit)), size=size)
        for target, key, size in _TARGETS
    ]
    return "<style>" + "".join(rules) + "</style>"


def danish_widgets(lang: str) -> None:
    """Put the style sheet on the page (a style-only st.html takes no room on the page)."""
    css = widget_css(lang)
    if css:
        st.html(css)


def _css_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')
