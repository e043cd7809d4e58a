"""The Tilbud step's input: the upload of the bids (reading and checking them is shared with
Tildeling, in procure.ui.checking)."""

from __future__ import annotations

import streamlit as st

from procure.ui.session import get_state, plain, safe_callback
from procure.ui.state import UploadedFile, WizardState
from procure.ui.texts import tr

RESPONSE_TYPES = ["docx", "xlsx", "yaml", "yml", "json"]


def response_files(state: WizardState) -> None:
    """The uploader, and each bid uploaded so far with a button that removes it."""
    lang = state.ui_lang
    key = f"check_responses_{state.check.upload_round}"
    st.file_uploader(
        tr(lang, "responses_label"),
        type=RESPONSE_TYPES,
        accept_multiple_files=True,
        key=key,
        on_change=_responses_uploaded,
        args=(key,),
        help=tr(lang, "responses_help"),
    )
    for file in state.check.responses:
        name_col, remove_col = st.columns([4, 1])
        name_col.markdown(":material/description: " + plain(f"{file.name} ({_size(file.data)})"))
        remove_col.button(
            tr(lang, "remove"),
            key=f"response_remove_{file.digest}_{file.name}",
            on_click=_remove_response,
            args=(file.name, file.digest),
        )


def _size(data: bytes) -> str:
    size = len(data)
    return f"{size / 1024:.0f} kB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


@safe_callback
def _responses_uploaded(key: str) -> None:
    state = get_state()
    uploaded = st.session_state.get(key) or []
    state.check.upload_round += 1  # the files are kept below; the uploader starts empty again
    for item in uploaded:
        file = UploadedFile(item.name, item.getvalue())
        # The same name again replaces the earlier upload (a corrected file).
        state.check.responses = [f for f in state.check.responses if f.name != file.name]
        state.check.responses.append(file)


@safe_callback
def _remove_response(name: str, digest: str) -> None:
    state = get_state()
    state.check.responses = [
        f for f in state.check.responses if not (f.name == name and f.digest == digest)
    ]
