"""Importing systems: a CSV or XLSX list, or a KITOS API v2 export, uploaded; checked row by row
without writing anything (every bad row listed with its line and why); then imported all or
nothing in one transaction.

The upload is the officer's file, but its bytes are untrusted: the importers decide the format
from the content (not the name or the browser's type filter), cap the size, open an XLSX as a
checked package and never evaluate a formula. Names from the file are shown as text.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from procure.errors import ProcureError
from procure.i18n import in_words
from procure.library.model import Library
from procure.portfolio.importers import DEFAULT_MAX_BYTES, read_import_bytes
from procure.portfolio.records import ImportRejected
from procure.portfolio.store import ImportOutcome
from procure.ui.pages.portefolje.charts import arrow_table
from procure.ui.pages.portefolje.view import (
    SECTION_SYSTEMS,
    PortfolioView,
    portfolio_view,
)
from procure.ui.portfolio import Snapshot, actor, current_store, portfolio_library
from procure.ui.session import get_state, notify, plain, safe_callback
from procure.ui.state import UploadedFile, WizardState
from procure.ui.texts import tr

IMPORT_TYPES = ["csv", "xlsx", "json"]


@dataclass(frozen=True)
class ImportCheck:
    """What a dry run of the uploaded file found: what it would do, or why it cannot."""

    outcome: ImportOutcome | None
    message: str  # the rejection's one line ("" when the file can be imported)
    problems: tuple[tuple[str, str], ...]  # (where, why) per bad row
    notes: tuple[str, ...]  # what the reader wants the officer to know (left-out relations)
    settled: bool = True  # the same file gives the same answer until the database changes


def import_section(state: WizardState, view: PortfolioView, snap: Snapshot, library: Library):
    lang = state.ui_lang
    st.caption(tr(lang, "pf_import_intro", limit=DEFAULT_MAX_BYTES // (1024 * 1024)))
    key = f"pf_import_{view.upload_round}"
    st.file_uploader(
        tr(lang, "pf_import_label"),
        type=IMPORT_TYPES,
        key=key,
        on_change=_uploaded,
        args=(key,),
        help=tr(lang, "pf_import_help"),
    )
    upload = view.upload
    if upload is None:
        return
    name_col, remove_col = st.columns([4, 1])
    name_col.markdown(":material/description: " + plain(f"{upload.name} ({_size(upload.data)})"))
    remove_col.button(tr(lang, "remove"), key="pf_import_remove", on_click=_forget)
    key = ("import_check", upload.digest, upload.name, lang)
    check = snap.parts.get(key)
    if check is None:
        check = dry_run(state, upload, library, lang)
        if check.settled:  # a locked or unreachable database is asked again next time
            snap.parts[key] = check
    if check.outcome is None:
        st.error(plain(check.message))
        if check.problems:
            st.dataframe(
                arrow_table(
                    [
                        {tr(lang, "pf_col_line"): where, tr(lang, "pf_col_problem"): why}
                        for where, why in check.problems
                    ],
                    [tr(lang, "pf_col_line"), tr(lang, "pf_col_problem")],
                ),
                hide_index=True,
                width="stretch",
                key="pf_import_problems",
            )
        st.caption(tr(lang, "pf_import_fix"))
        return
    outcome = check.outcome
    st.info(
        tr(
            lang,
            "pf_import_checked",
            added=len(outcome.added),
            updated=len(outcome.updated),
            unchanged=len(outcome.unchanged),
        )
    )
    for note in check.notes:
        st.caption(plain(note))
    changes = len(outcome.added) + len(outcome.updated)
    st.button(
        tr(lang, "pf_import_now", count=changes),
        key="pf_import_now",
        type="primary",
        disabled=changes == 0,
        on_click=_import,
    )


def dry_run(state: WizardState, upload: UploadedFile, library: Library, lang: str) -> ImportCheck:
    """Read and check the file and match it against the database, writing nothing."""
    try:
        batch = read_import_bytes(upload.data, upload.name, library)
        outcome = current_store(state).import_rows(
            list(batch.rows), source=upload.name, dry_run=True
        )
    except ImportRejected as rejected:
        return ImportCheck(None, str(rejected), _problems(rejected, lang), ())
    except ProcureError as exc:
        # The file itself (too large, not a list) or the database (locked, unreachable)
        return ImportCheck(None, str(exc), (), (), settled=False)
    return ImportCheck(outcome, "", (), tuple(str(in_words(n, lang)) for n in batch.notes))


def _problems(rejected: ImportRejected, lang: str) -> tuple[tuple[str, str], ...]:
    rows = []
    for problem in rejected.problems:
        if problem.line is None:
            where = "–"
        elif problem.element:
            where = tr(lang, "pf_import_element", number=problem.line)
        else:
            where = str(problem.line)
        rows.append((where, str(in_words(problem.message, lang))))
    return tuple(rows)


def _size(data: bytes) -> str:
    size = len(data)
    return f"{size / 1024:.0f} kB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


@safe_callback
def _uploaded(key: str) -> None:
    view = portfolio_view()
    item = st.session_state.get(key)
    view.upload_round += 1  # the file is kept in the view; the uploader starts empty again
    if item is not None:
        view.upload = UploadedFile(item.name, item.getvalue())


@safe_callback
def _forget() -> None:
    portfolio_view().upload = None


@safe_callback
def _import() -> None:
    """All or nothing: the store checks every row again in the transaction that writes them
    (the database may have changed since the dry run)."""
    state = get_state()
    lang = state.ui_lang
    view = portfolio_view()
    upload = view.upload
    if upload is None:
        return
    library = portfolio_library(state)
    try:
        batch = read_import_bytes(upload.data, upload.name, library)
        outcome = current_store(state).import_rows(
            list(batch.rows), source=upload.name, actor=actor()
        )
    except ImportRejected as rejected:
        # Shown by the next dry run, with every row; the file stays to be corrected
        notify(state, "error", str(rejected))
        return
    notify(
        state,
        "success",
        tr(
            lang,
            "pf_imported",
            name=upload.name,
            added=len(outcome.added),
            updated=len(outcome.updated),
            unchanged=len(outcome.unchanged),
        ),
    )
    view.upload = None
    view.section = SECTION_SYSTEMS
