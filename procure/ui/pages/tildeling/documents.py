"""What the § 171 letters still need, the award's documents (the committee's record award.docx,
award.xlsx, one letter per bidder, made as `procure award` makes them), and marking the tender
`tildelt` once the letters can go."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import streamlit as st

from procure.documents.award_letters import render_award_letters
from procure.documents.award_note import render_award_note
from procure.documents.award_xlsx import render_award_xlsx
from procure.errors import ProcureError
from procure.tender.lifecycle import is_published, mark_awarded
from procure.tender.model import AWARDED
from procure.tender.spec import TenderSpec
from procure.ui.awarding import AwardView
from procure.ui.downloads import MIME
from procure.ui.session import LOG, current_library, get_state, notify, plain, safe_callback
from procure.ui.state import WizardState, build_tender, extra_data
from procure.ui.texts import tr

DOCUMENTS_KEY = "procure_award_documents"  # (what they were made from, the files)


def missing_before_letters(lang: str, spec: TenderSpec, award: AwardView) -> list[str]:
    """Everything that stops the letters, in the officer's words (empty: they can go)."""
    missing = []
    if not is_published(spec.tender):
        missing.append(tr(lang, "award_missing_draft"))
    missing += [message.text(lang) for message in award.missing]
    winners = award.result.winners
    if len(winners) > 1:
        missing.append(tr(lang, "award_missing_tie", vendors=", ".join(b.vendor for b in winners)))
    if not winners and not missing:
        missing.append(tr(lang, "award_missing_no_rank"))
    return missing


def render(state: WizardState, spec: TenderSpec, award: AwardView, sent_on: dt.date) -> None:
    lang = state.ui_lang
    st.subheader(tr(lang, "award_letters_heading"))
    missing = missing_before_letters(lang, spec, award)
    if missing:
        st.warning(
            tr(lang, "award_missing", count=len(missing))
            + "\n\n"
            + "\n".join(f"- {plain(item)}" for item in missing)
        )
    else:
        st.success(tr(lang, "award_ready"))
    if award.record is not None:
        _downloads(state, spec, award, sent_on, letters=not missing)
    if not missing and spec.tender.status != AWARDED:
        st.button(
            tr(lang, "award_mark_awarded"),
            key="award_mark_awarded",
            on_click=_mark_awarded,
            help=tr(lang, "award_mark_awarded_help"),
        )
    elif spec.tender.status == AWARDED:
        st.caption(tr(lang, "award_is_awarded"))


def _downloads(
    state: WizardState, spec: TenderSpec, award: AwardView, sent_on: dt.date, letters: bool
) -> None:
    lang = state.ui_lang
    files = _documents(spec, award, sent_on, letters)
    if files is None:
        st.error(tr(lang, "award_documents_failed"))
        return
    for name, data in files.items():
        st.download_button(
            tr(lang, "download_file", name=name),
            data=data,
            file_name=name,
            mime=MIME.get(name[name.rfind(".") :], "application/octet-stream"),
            key=f"download_{name}",
            on_click="ignore",
            icon=":material/download:",
        )
    if not letters:
        st.caption(tr(lang, "award_letters_later"))


def _documents(spec, award: AwardView, sent_on: dt.date, letters: bool) -> dict | None:
    """award.docx, award.xlsx and (when they can go) letters.zip, made once per award."""
    key = (award, sent_on, letters)
    kept = st.session_state.get(DOCUMENTS_KEY)
    if kept is not None and kept[0] is award and kept[1] == key[1:]:
        return kept[2]
    try:
        files = {
            "award.docx": render_award_note(spec, award.record, sent_on),
            "award.xlsx": render_award_xlsx(spec, award.record, sent_on),
        }
        if letters:
            files["letters.zip"] = _zip(render_award_letters(spec, award.record, sent_on))
    except ProcureError:
        LOG.exception("the award's documents could not be made")
        return None
    st.session_state[DOCUMENTS_KEY] = (award, key[1:], files)
    return files


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()


@safe_callback
def _mark_awarded() -> None:
    """The tender is `tildelt` from now on (procure.tender.lifecycle.mark_awarded)."""
    state = get_state()
    tender = build_tender(state, current_library(state))
    awarded = mark_awarded(tender, dt.datetime.now())
    state.tender_extra = extra_data(awarded)
    notify(state, "success", tr(state.ui_lang, "award_marked"))
