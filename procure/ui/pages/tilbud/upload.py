"""The Tilbud step's input: the tender the bids are checked against, the upload of the bids, and
reading and checking them (with a progress bar) once per set of files, tender and overrides."""

from __future__ import annotations

import streamlit as st

from procure.errors import ProcureError
from procure.evaluation import Overrides
from procure.tender import resolve_tender
from procure.tender.spec import TenderSpec
from procure.ui.pages.tilbud.outcome import (
    CheckOutcome,
    OnProgress,
    check_responses,
    read_responses,
)
from procure.ui.readiness import form_problems
from procure.ui.session import current_library, get_state, plain, safe_callback
from procure.ui.state import UploadedFile, WizardState, build_tender
from procure.ui.texts import tr

RESPONSE_TYPES = ["docx", "xlsx", "yaml", "yml", "json"]
SPEC_KEY = "procure_check_spec"  # the tender last resolved for this step, and what it came from


def tender_to_check(state: WizardState) -> TenderSpec | None:
    """The tender on screen: bids are checked against it and stored in its workspace folder
    (another tender is opened on the start page, with its own bids)."""
    lang = state.ui_lang
    problems = form_problems(state)
    if problems:
        st.warning(tr(lang, "current_tender_incomplete"))
        return None
    library = current_library(state)
    try:
        tender = build_tender(state, library)
        # Resolved once per tender and library: a rerun of this step changes neither
        kept = st.session_state.get(SPEC_KEY)
        if kept is not None and kept[0] == tender and kept[1] is library:
            return kept[2]
        spec = resolve_tender(tender, library)
    except ProcureError as exc:
        st.error(tr(lang, "current_tender_invalid") + "\n\n" + plain(str(exc)))
        return None
    st.session_state[SPEC_KEY] = (tender, library, spec)
    return spec


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


def checked_outcome(state: WizardState, spec: TenderSpec, overrides: Overrides) -> CheckOutcome:
    """Read once per set of files, check once per tender and overrides; reruns reuse both."""
    files = tuple((f.name, f.digest) for f in state.check.responses)
    key = (spec.fingerprint, spec.tender, files, overrides)
    if state.check.cache_key != key:
        lang = state.ui_lang
        reading = state.check.read_key != files
        progress = _Progress(len(files) * (2 if reading else 1), tr(lang, "checking"))
        try:
            if reading:
                read = read_responses(
                    state.check.responses, lang, progress.step_text(lang, "progress_reading")
                )
                state.check.read_key, state.check.read_value = files, read
            outcome = check_responses(
                spec,
                state.check.read_value,
                lang,
                overrides,
                progress.step_text(lang, "progress_checking"),
            )
        finally:
            progress.done()
        state.check.cache_key, state.check.cache_value = key, outcome
    return state.check.cache_value


class _Progress:
    """A progress bar over every file read and checked; it disappears once they are done."""

    def __init__(self, steps: int, text: str) -> None:
        self.steps, self.finished = max(steps, 1), 0
        self.bar = st.progress(0.0, text=text)

    def step_text(self, lang: str, key: str) -> OnProgress:
        def advance(index: int, total: int, name: str) -> None:
            # A file name is the vendor's text: shown as written, never as Markdown.
            text = tr(lang, key, index=index, total=total, name=plain(name))
            self.bar.progress(min(self.finished / self.steps, 1.0), text=text)
            self.finished += 1

        return advance

    def done(self) -> None:
        self.bar.empty()


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
