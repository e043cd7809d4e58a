"""Keep the officer's work in the workspace: restore it, follow other tabs, save every change.

Each rerun of the wizard goes: `restore_from_address` (a new session opens the tender named in
the address, so a refresh or an app restart comes back to the same place), `follow_other_tabs`
(a save made by another tab is loaded, merged field by field with a change this tab made in the
same moment; a tender whose folder vanished is written again), the page, then `autosave`
(anything changed in this rerun is written to disk at once, atomically). Another tender only
replaces the one on screen once that one is saved (`save_before_replacing`).

Two tabs can save in the same moment (Streamlit runs each session in its own thread). Every
save reads what is on disk, merges this tab's change into it and writes the result while
holding the file's lock, so the other tab's save lands before or after it, never in between.
"""

from __future__ import annotations

import dataclasses
import functools
import json

import streamlit as st

from procure.errors import ProcureError
from procure.evaluation import Overrides
from procure.evaluation.overrides import merge_evaluations
from procure.ui.session import LOG, cached_release, notify, plain
from procure.ui.state import TENDER_FIELDS, CheckState, SavedMarks, WizardState
from procure.ui.texts import tr
from procure.ui.workspace import (
    BIDS_FOLDER,
    DRAFT_FILE,
    Workspace,
    draft_content,
    merge_draft_content,
    state_from_content,
)

ADDRESS_KEY = "udbud"  # ?udbud=<tender id> in the address bar


def workspace() -> Workspace:
    return Workspace()


def restore_from_address(state: WizardState) -> None:
    """Once per session: open the tender the address names, if it is saved."""
    if state.saved.restored:
        return
    state.saved.restored = True
    tender_id = st.query_params.get(ADDRESS_KEY)
    if not tender_id or state.has_work():
        return
    ws = workspace()
    if ws.has_tender(tender_id):
        try:
            open_saved(state, tender_id, ws)
        except ProcureError as exc:
            notify(state, "error", str(exc))


def open_saved(state: WizardState, tender_id: str, ws: Workspace | None = None) -> None:
    """Make a saved tender the one on screen, with its bids and evaluation (all or nothing)."""
    save_before_replacing(state)
    ws = ws or workspace()
    saved = ws.load_draft(tender_id)
    evaluation = ws.load_evaluation(tender_id)
    bids = ws.load_bids(tender_id)
    _take_tender_fields(state, saved.state)
    state.step = max(saved.state.step, 1)
    state.check = CheckState(responses=bids)
    if evaluation is not None:
        state.check.evaluations[tender_id] = evaluation
    state.saved = SavedMarks(
        content=_content_text(state),
        revision=saved.revision,
        step=state.step,
        bids=_bids_key(state),
        evaluations={tender_id: _evaluation_text(evaluation)} if evaluation else {},
        restored=True,
    )
    st.query_params[ADDRESS_KEY] = tender_id


def adopt_tender(state: WizardState, tender, library) -> None:
    """Make a tender read from a file the one on screen, with any bids and evaluation already
    saved under its id (ProcureError leaves everything as it was)."""
    from procure.ui.state import load_tender

    save_before_replacing(state)
    ws = workspace()
    evaluation = ws.load_evaluation(tender.id) if ws.has_tender(tender.id) else None
    bids = ws.load_bids(tender.id) if ws.has_tender(tender.id) else []
    load_tender(state, tender, library)
    state.pending_tender = None
    state.check = CheckState(responses=bids)
    if evaluation is not None:
        state.check.evaluations[tender.id] = evaluation
    state.saved = SavedMarks(
        bids=_bids_key(state),
        evaluations={tender.id: _evaluation_text(evaluation)} if evaluation else {},
        restored=True,
    )


def start_new(state: WizardState) -> None:
    """A blank tender; the one on screen is saved first, so nothing is lost."""
    save_before_replacing(state)
    fresh = WizardState(ui_lang=state.ui_lang)
    _take_tender_fields(state, fresh)
    state.check = CheckState()
    state.saved = SavedMarks(restored=True)
    state.step = 1
    st.query_params.pop(ADDRESS_KEY, None)


def follow_other_tabs(state: WizardState) -> None:
    """Load what another tab saved for this tender since this one last looked: the draft when
    this tab has changed nothing, and the bids and overrides it added or removed."""
    if state.saved.revision is None:
        return
    if workspace().draft_removed(state.tender_id):
        _save_again_after_removal(state)
        return
    _follow_draft(state, workspace())
    try:
        _merge_check(state, workspace())
    except (OSError, ProcureError) as exc:
        LOG.warning("could not follow another tab's bids or overrides: %s", exc)


def _follow_draft(state: WizardState, ws: Workspace, *, trust_stamp: bool = True) -> None:
    """Take in the draft another tab saved. `trust_stamp=False` (when saving, under the lock)
    reads the revision even if the file's time and size look unchanged: two saves within one
    tick of the file system's clock can leave the same stamp."""
    marks = state.saved
    stamp = ws.draft_stamp(state.tender_id)
    if stamp == marks.stamp and trust_stamp:
        return  # the file is as this tab last saw it: nothing to read
    marks.stamp = stamp
    on_disk = ws.draft_revision(state.tender_id)
    if on_disk is None or on_disk == marks.revision:
        return
    try:
        saved = ws.load_draft(state.tender_id)
    except ProcureError as exc:
        LOG.warning("could not follow another tab's save: %s", exc)
        return
    marks.revision = saved.revision
    theirs = _content_text(saved.state)
    if theirs == marks.content:
        return  # the other tab only moved to another step
    mine = _content_text(state)
    lang = state.ui_lang
    if mine == theirs:
        pass  # both tabs made the same change
    elif mine == marks.content:
        _take_tender_fields(state, saved.state)
        notify(state, "info", tr(lang, "reloaded_other_tab"))
    else:
        # Both tabs changed the tender: this tab's change came in a callback just now, before
        # this rerun looked at the disk. Keep both where they touch different things.
        merged, clashes = merge_draft_content(
            json.loads(marks.content or "{}"), json.loads(mine), json.loads(theirs)
        )
        try:
            merged_state = state_from_content(merged)
        except (TypeError, ValueError, KeyError):
            LOG.exception("merging another tab's save failed; this tab's version is kept")
            merged_state, clashes = state, ["?"]
        for name in TENDER_FIELDS:
            setattr(state, name, getattr(merged_state, name))
        if clashes:
            names = ", ".join(_field_name(lang, name) for name in clashes)
            notify(state, "warning", tr(lang, "merged_with_clashes", fields=names))
        else:
            notify(state, "info", tr(lang, "merged_other_tab"))
    marks.content = theirs  # what is on disk now: autosave writes the merge on top of it


def _field_name(lang: str, name: str) -> str:
    """A draft field as the officer knows it: the label of its input, or a requirement id."""
    key = _FIELD_LABELS.get(name)
    return tr(lang, key) if key else name


_FIELD_LABELS = {
    "title": "title_label",
    "buyer": "buyer_label",
    "cvr": "cvr_label",
    "case_number": "case_label",
    "date": "date_label",
    "deadline": "deadline_label",
    "doc_lang": "doc_lang_label",
    "library_version": "library_label",
    "category": "category_label",
    "integrations": "integrations_label",
    "kle": "kle_label",
    "evaluation": "evaluation_model_label",
    "price_lines": "price_lines_heading",
    "annex": "annex_label",
}


def _save_again_after_removal(state: WizardState) -> None:
    """The tender's folder is gone (deleted in another tab, or the workspace was moved) while
    this tab has it open: write all of it again, draft, bids and evaluation."""
    state.saved = SavedMarks(restored=True)
    try:
        _save_all(state)
    except (OSError, ProcureError):
        return  # autosave tries again at the end of this rerun, and says why it cannot
    if state.saved.revision is not None:
        notify(state, "warning", tr(state.ui_lang, "saved_again_after_removal"))


def save_before_replacing(state: WizardState) -> None:
    """Write the tender on screen before another tender replaces it. ProcureError when it
    cannot be written: the tender then stays on screen, so nothing is lost."""
    try:
        _save_all(state)
    except OSError as exc:
        LOG.exception("saving before replacing the tender failed")
        raise ProcureError(
            tr(
                state.ui_lang,
                "not_saved_not_replaced",
                folder=str(workspace().root),
                error=exc.strerror or str(exc),
            )
        ) from None


def autosave(state: WizardState) -> None:
    """Write whatever changed in this rerun: the draft, tender.yaml, the evaluation, the bids.

    A failed write is said on the page; the work stays in the session and is written with the
    next change.
    """
    try:
        _save_all(state)
    except (OSError, ProcureError) as exc:
        LOG.exception("saving to the workspace failed")
        message = tr(state.ui_lang, "save_failed", folder=str(workspace().root), error=str(exc))
        st.error(plain(message))


def _save_all(state: WizardState) -> None:
    """The draft, then (once the tender is in the workspace) its bids and evaluation."""
    _save_draft(state)
    if state.saved.revision is not None:
        _save_check(state)


def _save_draft(state: WizardState) -> None:
    marks = state.saved
    if _content_text(state) == marks.content and state.step == marks.step:
        return
    if marks.revision is None and not state.has_work():
        return
    ws = workspace()
    with ws.locked(state.tender_id, DRAFT_FILE):
        # No other tab can save between this read and the write below: what another tab saved
        # since this one last looked is merged in first, and the merge is written.
        if marks.revision is not None:
            _follow_draft(state, ws, trust_stamp=False)
        content = _content_text(state)
        on_disk = ws.draft_revision(state.tender_id)
        if content != marks.content and _changed_elsewhere(ws, state, on_disk):
            # The draft on disk could not be read to merge with: this tab's version is saved
            # over it, and the officer is told.
            notify(state, "warning", tr(state.ui_lang, "saved_over_other_tab"))
        revision = max(on_disk or 0, marks.revision or 0) + 1
        ws.save_draft(state, revision)
        marks.content, marks.revision, marks.step = content, revision, state.step
        marks.stamp = ws.draft_stamp(state.tender_id)
        tender_yaml = _tender_yaml(state)  # written in the same lock: it matches the draft
        if tender_yaml is not None:
            ws.save_tender_file(state.tender_id, tender_yaml)
    st.query_params[ADDRESS_KEY] = state.tender_id


def _changed_elsewhere(ws: Workspace, state: WizardState, on_disk: int | None) -> bool:
    """Whether another tab changed the tender's content since this tab last saw it (moving to
    another step does not count)."""
    marks = state.saved
    if marks.revision is None or on_disk is None or on_disk == marks.revision:
        return False
    try:
        return _content_text(ws.load_draft(state.tender_id).state) != marks.content
    except ProcureError:
        return True


def _save_check(state: WizardState) -> None:
    """Write the bids and overrides this tab changed, merged with what is on disk."""
    ws = workspace()
    marks = state.saved
    if _bids_key(state) != marks.bids:
        _sync_bids(state, ws)
    overrides = state.check.evaluations.get(state.tender_id)
    # Any entry counts: scores, consensus, confirmations and reservation decisions as well
    # as point overrides.
    if (
        overrides is not None
        and not overrides.empty
        and marks.evaluations.get(state.tender_id) != _evaluation_text(overrides)
    ):
        _sync_evaluation(state, ws)


def _merge_check(state: WizardState, ws: Workspace) -> None:
    """Take in the bids and overrides another tab saved, when their files changed since this
    tab last looked (their time and size tell, without reading them)."""
    marks = state.saved
    stamp = ws.check_stamp(state.tender_id)
    if stamp == marks.check_stamp:
        return  # no file changed since this tab last looked
    marks.check_stamp = stamp
    if ws.bids_key(state.tender_id) != marks.bids:
        _sync_bids(state, ws)
    if ws.evaluation_text(state.tender_id) != marks.evaluations.get(state.tender_id):
        _sync_evaluation(state, ws)


def _sync_bids(state: WizardState, ws: Workspace) -> None:
    """Bring this tab's bids and the stored ones together, under the bids' lock: this
    tab's additions and removals since it last looked are applied to the stored bids (which
    another tab may have changed), and the result is what both show."""
    marks = state.saved
    tender_id = state.tender_id
    with ws.locked(tender_id, BIDS_FOLDER):
        stored = ws.bids_key(tender_id)
        base = marks.bids or ()
        if stored == base:  # nobody else changed them: this tab's list is the new one
            if _bids_key(state) != stored:
                ws.save_bids(tender_id, state.check.responses)
        else:
            before = set(base)
            mine = state.check.responses
            added = [f for f in mine if (f.name, f.digest) not in before]
            removed = before - {(f.name, f.digest) for f in mine}
            replaced = {f.name for f in added}
            merged = [
                f
                for f in ws.load_bids(tender_id)
                if (f.name, f.digest) not in removed and f.name not in replaced
            ] + added
            if added or removed:
                ws.save_bids(tender_id, merged)
            state.check.responses = merged
        marks.bids = _bids_key(state)


def _sync_evaluation(state: WizardState, ws: Workspace) -> None:
    """Bring this tab's overrides and the stored ones together, under the evaluation file's
    lock. Overrides are only ever appended, so the merge keeps every entry of both: the stored
    ones in their order, then this tab's new ones."""
    tender_id = state.tender_id
    mine = state.check.evaluations.get(tender_id)
    has_own = mine is not None and not mine.empty

    def merge(stored: Overrides | None) -> Overrides | None:
        if stored is None:
            return dataclasses.replace(mine, tender_id=tender_id) if has_own else None
        if not has_own:
            return None
        merged = merge_evaluations(stored, mine)
        if merged == stored:
            return None  # nothing new here: the file stays as it is
        return dataclasses.replace(merged, tender_id=tender_id)

    merged = ws.update_evaluation(tender_id, merge)
    if merged is not None:
        state.check.evaluations[tender_id] = merged
        state.saved.evaluations[tender_id] = _evaluation_text(merged)


def _tender_yaml(state: WizardState) -> str | None:
    """The tender file's text when the draft makes a valid tender; None while it does not."""
    from procure.tender import dump_tender, parse_tender, resolve_tender
    from procure.tender.lifecycle import broken_seal, is_published
    from procure.ui.state import build_tender

    if not (state.title.strip() and state.buyer.strip() and state.category and state.cvr_valid):
        return None
    try:
        library = cached_release(state.library_version) if state.library_version else None
        if library is None:
            return None
        text = dump_tender(build_tender(state, library))
        tender = parse_tender(text, "tender.yaml")
        if is_published(tender) and broken_seal(resolve_tender(tender, library)):
            # A change to a frozen part after publication: the file keeps the published
            # version until the change is saved as a correction (or undone) on Dokumenter.
            return None
    except ProcureError:
        return None
    return text


def _take_tender_fields(state: WizardState, source: WizardState) -> None:
    for name in TENDER_FIELDS:
        setattr(state, name, getattr(source, name))
    state.last_proposed = None
    state.confirm_reset = False
    state.pending_tender = None
    state.area_filter = ""
    state.documents_cache = None


def _content_text(state: WizardState) -> str:
    content = draft_content(state)
    content.pop("step")  # moving between steps is not a change to save on its own
    return json.dumps(content, ensure_ascii=False, sort_keys=True)


def _bids_key(state: WizardState) -> tuple:
    return tuple((f.name, f.digest) for f in state.check.responses)


@functools.lru_cache(maxsize=16)
def _evaluation_text(overrides) -> str:
    """The evaluation file's text (the same overrides are written out once, not every rerun)."""
    from procure.evaluation import dump_overrides

    return dump_overrides(overrides)
