"""What the wizard adds so that it meets WCAG 2.1 AA where Streamlit alone does not (issue 17):
the page's title per step, `<html lang>` following the language switch, focus moved to the new
step's heading and the step announced, the sidebar's current step marked, and captions dark
enough to read. Tested in the browser by tests/test_ui_accessibility.py.

Streamlit has no setting for the document's language, for focus or for live regions, so a small
script does them (st.html with JavaScript runs in the page itself, again whenever its text
changes, i.e. when the step, the language or the title changes)."""

from __future__ import annotations

import json
import re

import streamlit as st

from procure.ui.state import WizardState
from procure.ui.texts import STEP_KEYS, tr

APP_NAME = "procure"
FRAME_KEY = "procure_a11y"  # the hidden container of the script

# Streamlit draws captions in the text colour at 60 % opacity: 3.8:1 on white and on the
# sidebar's grey (WCAG 1.4.3 asks 4.5:1). At 80 % the same text is about 7:1. A disabled
# widget's label is drawn at 40 % (2.3:1); at 75 % it still looks inactive and reads 5.5:1.
_STYLE = f"""<style>
[data-testid="stCaptionContainer"] {{ opacity: 0.8 !important; }}
[data-testid="stWidgetLabel"][disabled], label:has(input:disabled) [data-testid="stWidgetLabel"] {{
  color: inherit !important; opacity: 0.75;
}}
.st-key-{FRAME_KEY} {{ display: none; }}
[data-testid="stSidebar"] [class*="st-key-nav_step_"] button {{
  min-height: 2rem; padding-top: 0.1rem; padding-bottom: 0.1rem;
}}
.procure-visually-hidden {{
  position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}}
</style>"""

# Runs in the page: sets the language, marks the current step in the sidebar, and when the
# step changed since the last run, focuses the step's heading and says the step aloud.
_SCRIPT = """<script>
(() => {
  const info = %s;
  const doc = window.document;
  doc.documentElement.lang = info.lang;
  let live = doc.getElementById("procure-live");
  if (!live) {
    live = doc.createElement("div");
    live.id = "procure-live";
    live.className = "procure-visually-hidden";
    live.setAttribute("role", "status");
    live.setAttribute("aria-live", "polite");
    doc.body.appendChild(live);
  }
  // The upload buttons' name: the style sheet of procure.ui.widget_texts shows a Danish text
  // as generated content, which axe and some screen readers do not count as the name.
  // Uploaders appear in later runs without this script running again: an observer names them.
  window.__procureUpload = info.upload;
  const nameUploads = () => {
    doc.querySelectorAll('[data-testid="stFileUploaderDropzone"] button').forEach((b) => {
      const name = window.__procureUpload;
      if (name && b.getAttribute("aria-label") !== name) b.setAttribute("aria-label", name);
      if (!name && b.hasAttribute("aria-label")) b.removeAttribute("aria-label");
    });
  };
  nameUploads();
  if (!window.__procureUploadObserver) {
    window.__procureUploadObserver = new MutationObserver(nameUploads);
    window.__procureUploadObserver.observe(doc.body, {childList: true, subtree: true});
  }
  const changed = window.__procureStep !== undefined && window.__procureStep !== info.step;
  window.__procureStep = info.step;
  let tries = 0;
  const apply = () => {
    doc.querySelectorAll('[data-testid="stSidebar"] [class*="st-key-nav_step_"] button')
      .forEach((button) => button.removeAttribute("aria-current"));
    const current = doc.querySelector(
      '[data-testid="stSidebar"] .st-key-nav_step_' + info.step + ' button');
    if (current) current.setAttribute("aria-current", "step");
    const heading = Array.from(doc.querySelectorAll('[data-testid="stMain"] h2'))
      .find((h) => h.textContent.trim().startsWith(info.heading));
    if (!heading || !current) {
      if (tries++ < 40) setTimeout(apply, 50);
      return;
    }
    if (!changed) return;
    heading.setAttribute("tabindex", "-1");
    heading.focus({preventScroll: false});
    live.textContent = "";
    setTimeout(() => { live.textContent = info.announce; }, 100);
  };
  apply();
})();
</script>"""


def page_title(state: WizardState) -> str:
    """The browser tab's title: "5. Krav – Anskaffelse af ESDH-system – procure"."""
    parts = [tr(state.ui_lang, STEP_KEYS[state.step])]
    title = re.sub(r"\s+", " ", state.title).strip()
    if title:
        parts.append(title)
    parts.append(APP_NAME)
    return " – ".join(parts)


def step_announcement(state: WizardState) -> str:
    return tr(state.ui_lang, "a11y_step_announced", step=tr(state.ui_lang, STEP_KEYS[state.step]))


def page_script(state: WizardState) -> str:
    """The script's text for this step and language (JSON: no text can end the script)."""
    info = {
        "lang": state.ui_lang,
        "step": state.step,
        "heading": tr(state.ui_lang, STEP_KEYS[state.step]),
        "announce": step_announcement(state),
        # Streamlit's own "Upload" in English; the Danish word of the style sheet otherwise
        "upload": None if state.ui_lang == "en" else tr(state.ui_lang, "upload_button"),
    }
    data = json.dumps(info, ensure_ascii=False).replace("<", "\\u003c")
    return _SCRIPT % data


def accessible_frame(state: WizardState) -> None:
    """The page's title, style and script; drawn right after the step's heading, so that the
    script's place on the page never moves (it then runs again only when its text changes)."""
    st.set_page_config(page_title=page_title(state))
    st.html(_STYLE)
    with st.container(key=FRAME_KEY):
        st.html(page_script(state), unsafe_allow_javascript=True)


def chart_table(lang: str, chart: dict) -> None:
    """The chart's data as a table under it, in an expander: what the tooltips show, with their
    titles as the column names, reachable by keyboard and read by screen readers (the chart's
    cells are neither)."""
    table = chart["data"]["values"]
    import pyarrow as pa  # charts only: the first page must not wait for it (issue 20)

    if not isinstance(table, pa.Table):
        table = pa.Table.from_pylist(table)
    columns = {tip["field"]: tip["title"] for tip in chart["encoding"]["tooltip"]}
    shown = table.select(list(columns)).rename_columns(list(columns.values()))
    with st.expander(tr(lang, "chart_data_table")):
        st.dataframe(shown, hide_index=True, width="stretch")
