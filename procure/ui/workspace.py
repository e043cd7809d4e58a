"""The wizard's workspace: every tender the officer works on, saved to disk after each change.

A browser refresh, a second tab or a restarted app loses nothing: the wizard writes the
officer's draft here with an atomic write whenever it changes, and the start page lists what is
saved. One folder per tender, named by the tender's id:

    <workspace>/tenders/<tender id>/
        draft.json               the wizard's draft, complete or not (what the wizard resumes)
        tender.yaml              the tender file, once the draft makes a valid tender
        tender.evaluation.yaml   the evaluators' point overrides for this tender
        bids/manifest.json       the vendors' uploaded responses: name, stored file, digest
        bids/<digest>.<ext>      one uploaded response, as uploaded

Uploaded bids are confidential: they are stored only in the folder of the tender they answer.
Two tabs (or two officers) may change one tender at the same moment: every read-modify-write of
a file here happens under that file's lock (`draft.json.lock`, `bids.lock`... beside it in the
tender's folder, see procure.files.locked), so one tab never writes over what the other just
saved. Lock files are never data.
No Streamlit here: the wizard's session glue calls these functions.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import os
import re
import shutil
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources
from pathlib import Path, PurePath

from procure.errors import ProcureError
from procure.evaluation.overrides import Overrides, dump_overrides, parse_overrides
from procure.files import (
    is_lock_file,
    locked,
    update_text_file,
    write_bytes_atomically,
    write_text_atomically,
)
from procure.i18n import t
from procure.library.model import KINDS
from procure.tender.io import (
    evaluation_from_data,
    evaluation_to_data,
    price_lines_from_data,
    price_lines_to_data,
)
from procure.tender.model import CUSTOM_PREFIX, CustomRequirement, EvaluationModel
from procure.ui.state import (
    TENDER_FIELDS,
    WIZARD_KEYS,
    RequirementChoice,
    UploadedFile,
    WizardState,
)

WORKSPACE_ENV = "PROCURE_WORKSPACE"
DRAFT_FORMAT = "procure-wizard-draft"
DRAFT_VERSION = 1
DRAFT_FILE = "draft.json"
TENDER_FILE = "tender.yaml"
EVALUATION_FILE = "tender.evaluation.yaml"
BIDS_FOLDER = "bids"
MANIFEST_FILE = "manifest.json"
MAX_DRAFT_BYTES = 20 * 1024 * 1024
# Tender ids are UUIDs; anything else must never become part of a path.
_SAFE_ID = re.compile(r"[0-9A-Za-z][0-9A-Za-z-]{0,63}")
_SAFE_EXTENSIONS = {".docx", ".xlsx", ".yaml", ".yml", ".json"}


def default_workspace() -> Path:
    """`$PROCURE_WORKSPACE`, else `procure-workspace` in the user's home folder."""
    configured = os.environ.get(WORKSPACE_ENV, "").strip()
    if configured:
        return Path(configured).expanduser()
    return Path.home() / "procure-workspace"


@dataclass(frozen=True)
class SavedTender:
    """One tender in the workspace, as the start page lists it."""

    tender_id: str
    title: str
    buyer: str
    category: str | None
    saved_at: str  # ISO 8601, UTC
    requirement_changes: int
    bids: int
    problem: str | None = None  # why the draft could not be read (then only the id is known)


@dataclass(frozen=True)
class SavedDraft:
    """A draft as read back: the wizard's fields and the revision it was saved with."""

    state: WizardState
    revision: int


class Workspace:
    """The folder of saved tenders. All writes are atomic; reads never raise for a damaged
    file in the listing (it is listed with its problem instead)."""

    def __init__(self, root: Path | str | None = None) -> None:
        self.root = Path(root) if root is not None else default_workspace()

    # -- Listing --------------------------------------------------------------------------------

    def tender_folder(self, tender_id: str) -> Path:
        if not _SAFE_ID.fullmatch(tender_id or ""):
            raise ProcureError(t("'{id}' er ikke et gyldigt udbuds-id", id=tender_id))
        return self.root / "tenders" / tender_id

    def _writable_folder(self, tender_id: str, *parts: str) -> Path:
        """The tender's folder (or a folder in it), created readable by this user only: bids
        are confidential, also towards other accounts on a shared server."""
        folder = self.tender_folder(tender_id)
        for path in (self.root, self.root / "tenders", folder, folder.joinpath(*parts)):
            path.mkdir(mode=0o700, exist_ok=True)
        return folder.joinpath(*parts)

    def locked(self, tender_id: str, name: str) -> AbstractContextManager[None]:
        """Hold the lock on one of the tender's files (`DRAFT_FILE`, `EVALUATION_FILE`) or on
        its bids (`BIDS_FOLDER`: the files and the manifest as one) while reading, merging and
        writing it. The lock file lies in the tender's folder, beside what it guards."""
        return locked(self._writable_folder(tender_id) / name)

    def list_tenders(self) -> list[SavedTender]:
        """Saved tenders, the most recently saved first."""
        folder = self.root / "tenders"
        if not folder.is_dir():
            return []
        saved = []
        for entry in folder.iterdir():
            if not entry.is_dir() or not _SAFE_ID.fullmatch(entry.name):
                continue
            if not (entry / DRAFT_FILE).exists():
                continue
            saved.append(self._summary(entry))
        return sorted(saved, key=lambda t: (t.saved_at, t.tender_id), reverse=True)

    def has_tender(self, tender_id: str) -> bool:
        try:
            return (self.tender_folder(tender_id) / DRAFT_FILE).is_file()
        except (ProcureError, OSError):  # OSError: a workspace this account may not read
            return False

    def draft_removed(self, tender_id: str) -> bool:
        """Whether the tender's draft is gone from disk (not merely unreadable just now)."""
        try:
            (self.tender_folder(tender_id) / DRAFT_FILE).stat()
        except (FileNotFoundError, NotADirectoryError):
            return True
        except (ProcureError, OSError):
            return False
        return False

    # -- Drafts ---------------------------------------------------------------------------------

    def save_draft(self, state: WizardState, revision: int) -> None:
        """Write the draft atomically, stamped with `revision` (one more than the last)."""
        folder = self._writable_folder(state.tender_id)
        document = {
            "format": DRAFT_FORMAT,
            "version": DRAFT_VERSION,
            "revision": revision,
            "saved_at": _now(),
            "draft": draft_content(state),
        }
        text = json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True)
        with locked(folder / DRAFT_FILE):
            write_text_atomically(folder / DRAFT_FILE, text + "\n")

    def tender_text(self, tender_id: str) -> str | None:
        """The tender file's text as saved (None: none yet); for a published tender with a
        correction pending, the published version."""
        try:
            return _read_text(self.tender_folder(tender_id) / TENDER_FILE)
        except ProcureError:
            return None

    def save_tender_file(self, tender_id: str, yaml_text: str) -> None:
        self._replace_text(self._writable_folder(tender_id) / TENDER_FILE, yaml_text)

    def draft_stamp(self, tender_id: str) -> tuple[int, int] | None:
        """The draft file's modification time and size: a cheap way to notice a new save."""
        try:
            info = (self.tender_folder(tender_id) / DRAFT_FILE).stat()
        except (OSError, ProcureError):
            return None
        return info.st_mtime_ns, info.st_size

    def check_stamp(self, tender_id: str) -> tuple:
        """(mtime, size) of the bids' manifest and the evaluation file, None where missing: a
        cheap way to notice that another tab changed the bids or the overrides."""
        folder = self.tender_folder(tender_id)
        stamps = []
        for path in (folder / BIDS_FOLDER / MANIFEST_FILE, folder / EVALUATION_FILE):
            try:
                info = path.stat()
            except OSError:
                stamps.append(None)
            else:
                stamps.append((info.st_mtime_ns, info.st_size))
        return tuple(stamps)

    def draft_revision(self, tender_id: str) -> int | None:
        """The revision on disk (None: no readable draft), to notice another tab's save."""
        try:
            document = self._read_draft_document(tender_id)
        except ProcureError:
            return None
        revision = document.get("revision")
        return revision if isinstance(revision, int) else None

    def load_draft(self, tender_id: str) -> SavedDraft:
        """The saved draft as wizard data (ProcureError saying what is wrong, if it cannot be)."""
        document = self._read_draft_document(tender_id)
        path = self.tender_folder(tender_id) / DRAFT_FILE
        try:
            state = state_from_content(document["draft"])
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            message = t("kladden kan ikke læses ({error})", error=str(exc))
            raise ProcureError.invalid(path, message) from None
        if state.tender_id != tender_id:
            raise ProcureError.invalid(path, t("kladden hører til et andet udbud"))
        revision = document.get("revision")
        return SavedDraft(state, revision if isinstance(revision, int) else 0)

    def delete_tender(self, tender_id: str) -> Path:
        """Move a tender's folder to `<workspace>/deleted/` (recoverable by hand); its path."""
        folder = self.tender_folder(tender_id)
        if not folder.is_dir():
            raise ProcureError(t("udbuddet {id} findes ikke i arbejdsmappen", id=tender_id))
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
        target = self.root / "deleted" / f"{tender_id}-{stamp}"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(folder), str(target))
        return target

    # -- Evaluations and bids -------------------------------------------------------------------

    def save_evaluation(self, overrides: Overrides) -> None:
        if not overrides.tender_id:
            raise ValueError("an evaluation without a tender id has no folder")
        path = self._writable_folder(overrides.tender_id) / EVALUATION_FILE
        self._replace_text(path, dump_overrides(overrides))

    def update_evaluation(
        self, tender_id: str, change: Callable[[Overrides | None], Overrides | None]
    ) -> Overrides | None:
        """Read, change and write the evaluation file under its lock. `change` gets the stored
        overrides (None: no file) and returns the overrides to store, or None to leave the
        file as it is. Returns the overrides the file now holds."""
        path = self._writable_folder(tender_id) / EVALUATION_FILE
        now: list[Overrides | None] = [None]

        def on_text(text: str | None) -> str | None:
            stored = None if text is None else _parsed_evaluation(text, path, tender_id)
            updated = change(stored)
            now[0] = stored if updated is None else updated
            return None if updated is None else dump_overrides(updated)

        update_text_file(path, on_text)
        return now[0]

    def load_evaluation(self, tender_id: str) -> Overrides | None:
        path = self.tender_folder(tender_id) / EVALUATION_FILE
        text = _read_text(path)
        if text is None:
            return None
        return _parsed_evaluation(text, path, tender_id)

    def save_bids(self, tender_id: str, files: list[UploadedFile]) -> None:
        """Make the tender's bids folder hold exactly `files` (added, replaced or removed).
        Under the manifest's lock: another tab's bid file is never removed as unlisted while
        that tab is between writing it and listing it."""
        folder = self.tender_folder(tender_id) / BIDS_FOLDER
        manifest = [{"name": f.name, "file": _stored_name(f), "sha256": f.digest} for f in files]
        if self._bids_saved(folder, manifest):  # the common case: nothing to lock or write
            return
        self._writable_folder(tender_id, BIDS_FOLDER)
        with self.locked(tender_id, BIDS_FOLDER):
            if not self._bids_saved(folder, manifest):  # again: another tab may have been first
                self._write_bids(folder, files, manifest)

    def _bids_saved(self, folder: Path, manifest: list[dict]) -> bool:
        saved = self._manifest(folder)
        return saved == manifest or (saved is None and not manifest)

    @staticmethod
    def _write_bids(folder: Path, files: list[UploadedFile], manifest: list[dict]) -> None:
        for file, entry in zip(files, manifest, strict=True):
            path = folder / entry["file"]
            if not path.is_file():
                write_bytes_atomically(path, file.data)
        write_text_atomically(
            folder / MANIFEST_FILE, json.dumps(manifest, ensure_ascii=False, indent=1) + "\n"
        )
        kept = {entry["file"] for entry in manifest} | {MANIFEST_FILE}
        for path in folder.iterdir():
            if (
                path.is_file()
                and path.name not in kept
                and not path.name.startswith(".")
                and not is_lock_file(path)
            ):
                path.unlink()

    def bids_key(self, tender_id: str) -> tuple[tuple[str, str], ...]:
        """(name, digest) of the stored bids, from the manifest alone: cheap to compare."""
        manifest = self._manifest(self.tender_folder(tender_id) / BIDS_FOLDER) or []
        return tuple((str(e.get("name", "")), str(e.get("sha256", ""))) for e in manifest)

    def evaluation_text(self, tender_id: str) -> str | None:
        """The evaluation file's text as stored (None: no file)."""
        return _read_text(self.tender_folder(tender_id) / EVALUATION_FILE)

    def load_bids(self, tender_id: str) -> list[UploadedFile]:
        """The stored bids; a missing or damaged file is skipped (its digest no longer fits)."""
        folder = self.tender_folder(tender_id) / BIDS_FOLDER
        files = []
        for entry in self._manifest(folder) or []:
            stored = str(entry.get("file", ""))
            if PurePath(stored).name != stored or not stored:
                continue
            try:
                data = (folder / stored).read_bytes()
            except OSError:
                continue
            file = UploadedFile(str(entry.get("name", stored)), data)
            if file.digest == entry.get("sha256"):
                files.append(file)
        return files

    # -- Internals ------------------------------------------------------------------------------

    @staticmethod
    def _replace_text(path: Path, text: str) -> None:
        """Write `text` unless the file already holds it (a damaged file is written over)."""
        with locked(path):
            if _read_text(path) != text:
                write_text_atomically(path, text)

    def _read_draft_document(self, tender_id: str) -> dict:
        path = self.tender_folder(tender_id) / DRAFT_FILE
        try:
            if path.stat().st_size > MAX_DRAFT_BYTES:
                raise ProcureError.invalid(path, t("kladden er for stor til at være en kladde"))
            document = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ProcureError.file_missing(path) from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            message = t("kan ikke læses ({error})", error=str(exc))
            raise ProcureError.invalid(path, message) from None
        if not isinstance(document, dict) or document.get("format") != DRAFT_FORMAT:
            raise ProcureError.invalid(path, t("er ikke en procure-kladde"))
        if document.get("version") != DRAFT_VERSION:
            raise ProcureError.invalid(
                path,
                t(
                    "er gemt i kladdeformat {version}, som denne version af procure ikke kender",
                    version=repr(document.get("version")),
                ),
            )
        return document

    def _summary(self, folder: Path) -> SavedTender:
        bids = len(self._manifest(folder / BIDS_FOLDER) or [])
        try:
            document = self._read_draft_document(folder.name)
            content = document["draft"]
            return SavedTender(
                tender_id=folder.name,
                title=str(content.get("title", "")),
                buyer=str(content.get("buyer", "")),
                category=content.get("category"),
                saved_at=str(document.get("saved_at", "")),
                requirement_changes=len(content.get("choices", {})) + len(content.get("local", [])),
                bids=bids,
            )
        except (ProcureError, KeyError, TypeError, AttributeError) as exc:
            modified = dt.datetime.fromtimestamp((folder / DRAFT_FILE).stat().st_mtime, dt.UTC)
            return SavedTender(
                tender_id=folder.name,
                title="",
                buyer="",
                category=None,
                saved_at=modified.isoformat(timespec="seconds"),
                requirement_changes=0,
                bids=bids,
                problem=str(exc),
            )

    @staticmethod
    def _manifest(folder: Path) -> list[dict] | None:
        text = _read_text(folder / MANIFEST_FILE)
        if text is None:
            return None
        try:
            manifest = json.loads(text)
        except json.JSONDecodeError:
            return None
        if not isinstance(manifest, list):
            return None
        return [entry for entry in manifest if isinstance(entry, dict)]


# -- The draft's content: the officer's tender fields as JSON ------------------------------------


def draft_content(state: WizardState) -> dict:
    """What the draft keeps: the tender fields and the step the officer was on."""
    content: dict = {}
    for name in TENDER_FIELDS:
        value = getattr(state, name)
        if name == "choices":
            value = {
                rid: {"include": c.include, "kind": c.kind, "weight": c.weight}
                for rid, c in sorted(value.items())
            }
        elif name == "local":
            value = [dataclasses.asdict(r) for r in value]
        elif name == "evaluation":  # as the tender file writes it: JSON-ready, read back equal
            value = None if value is None else _ordered(evaluation_to_data(value))
        elif name == "price_lines":
            value = None if value is None else price_lines_to_data(value)
        content[name] = value
    content["step"] = state.step
    return content


def state_from_content(content: dict) -> WizardState:
    """Wizard data from a draft's content (TypeError/ValueError/KeyError if it is malformed).

    Every value is checked against what the wizard itself writes: a draft edited by hand or
    damaged on disk is refused with the field named, instead of breaking a step later.
    """
    if not isinstance(content, dict):
        raise TypeError("the draft is not an object")
    state = WizardState()
    for name in TENDER_FIELDS:
        if name not in content:
            continue
        value = content[name]
        if name == "choices":
            value = {str(rid): _choice(rid, c) for rid, c in _mapping(name, value).items()}
        elif name == "local":
            value = [_local(item) for item in _sequence(name, value)]
        elif name in ("integrations", "kle"):
            value = None if value is None else [_text(name, v) for v in _sequence(name, value)]
        elif name in _RANGES:
            value = _whole_number(name, value, *_RANGES[name])
        elif name in ("library_version", "category"):
            value = None if value is None else _text(name, value)
        elif name == "doc_lang":
            value = _matching(name, value, _LANGUAGE)
        elif name == "evaluation":
            value = None if value is None else _evaluation(value)
        elif name == "price_lines":
            value = None if value is None else _price_lines(value)
        elif name == "tender_extra":
            value = _tender_extra(value)
        elif name == "date":
            value = _day_and_time(name, _matching(name, value, _DATE))
        elif name == "deadline":
            value = _day_and_time(name, _matching(name, value, _DEADLINE)) if value else ""
        else:
            value = _text(name, value)
        setattr(state, name, value)
    if "evaluation" not in content and any(key in content for key in _OLD_EVALUATION):
        state.evaluation = _old_evaluation(content)
    step = content.get("step", 0)
    state.step = step if isinstance(step, int) and step >= 0 else 0
    return state


def merge_draft_content(base: dict, mine: dict, theirs: dict) -> tuple[dict, list[str]]:
    """Three-way merge of draft contents: `base` as this tab last saw it, `mine` with this
    tab's changes since, `theirs` as another tab saved it meanwhile.

    A field only one side changed takes that side's value; requirement choices and local
    requirements are merged one requirement at a time, so two officers working on different
    requirements keep both. Where both changed the same thing differently, this tab's value
    wins and the field is returned in the list of clashes (a requirement id for a
    requirement). A local requirement both tabs added under the same number is kept twice:
    this tab's copy gets the next free number.
    """
    merged: dict = {}
    clashes: list[str] = []
    for name in [*theirs, *(n for n in mine if n not in theirs)]:
        if name == "choices":
            merged[name], clashed = _merge_by_key(
                base.get(name) or {}, mine.get(name) or {}, theirs.get(name) or {}
            )
            clashes += clashed
        elif name == "local":
            continue  # below, once the next free number is known
        elif name == "next_local_number":
            merged[name] = max(mine.get(name) or 1, theirs.get(name) or 1)
        else:
            merged[name], clashed = _merge_value(base.get(name), mine.get(name), theirs.get(name))
            if clashed:
                clashes.append(name)
    if "local" in mine or "local" in theirs:
        merged["local"], merged["next_local_number"], clashed = _merge_local(
            base.get("local") or [],
            mine.get("local") or [],
            theirs.get("local") or [],
            merged.get("next_local_number", 1),
        )
        clashes += clashed
    return merged, clashes


def _merge_value(base, mine, theirs):
    """(value, clashed) for one field or one keyed item; None stands for "absent"."""
    if mine == base:
        return theirs, False
    if theirs in (base, mine):
        return mine, False
    return mine, True


def _merge_by_key(base: dict, mine: dict, theirs: dict) -> tuple[dict, list[str]]:
    merged, clashes = {}, []
    for key in [*theirs, *(k for k in mine if k not in theirs)]:
        value, clashed = _merge_value(base.get(key), mine.get(key), theirs.get(key))
        if clashed:
            clashes.append(key)
        if value is not None:
            merged[key] = value
    return merged, clashes


def _merge_local(
    base: list, mine: list, theirs: list, next_number: int
) -> tuple[list, int, list[str]]:
    by_id = [{item["id"]: item for item in items} for items in (base, mine, theirs)]
    base_items, my_items, their_items = by_id
    merged, clashes = {}, []
    for rid in [*their_items, *(r for r in my_items if r not in their_items)]:
        value, clashed = _merge_value(base_items.get(rid), my_items.get(rid), their_items.get(rid))
        if clashed and rid not in base_items:  # both added one under the same number
            merged[rid] = their_items[rid]
            renumbered = f"{CUSTOM_PREFIX}{next_number}"
            merged[renumbered] = {**my_items[rid], "id": renumbered}
            next_number += 1
            continue
        if clashed:
            clashes.append(rid)
        if value is not None:
            merged[rid] = value
    return list(merged.values()), next_number, clashes


# What the wizard's widgets can produce: a draft holding anything else is damaged.
_RANGES = {
    "annex": (1, 99),
    "next_local_number": (1, 1_000_000),
}
_LANGUAGE = re.compile(r"da|en")
_PARTIAL_CREDIT = re.compile(r"0(\.\d{1,4})?|1(\.0{1,4})?")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DEADLINE = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?")
_LOCAL_KINDS = ("MK", "PK", "K")


def _invalid(name: str, value: object) -> ValueError:
    shown = repr(value)
    shown = shown if len(shown) <= 60 else shown[:59] + "…"
    return ValueError(t("feltet '{field}' har den ugyldige værdi {value}", field=name, value=shown))


def _text(name: str, value: object) -> str:
    if not isinstance(value, str):
        raise _invalid(name, value)
    return value


def _matching(name: str, value: object, pattern: re.Pattern) -> str:
    if not isinstance(value, str) or not pattern.fullmatch(value):
        raise _invalid(name, value)
    return value


def _day_and_time(name: str, value: str) -> str:
    try:
        dt.datetime.fromisoformat(value)
    except ValueError:
        raise _invalid(name, value) from None
    return value


def _whole_number(name: str, value: object, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _invalid(name, value)
    return value


def _mapping(name: str, value: object) -> dict:
    if not isinstance(value, dict):
        raise _invalid(name, value)
    return value


def _sequence(name: str, value: object) -> list:
    if not isinstance(value, list):  # a string would otherwise become its characters
        raise _invalid(name, value)
    return value


# A draft saved before the wizard kept the whole model: its evaluation fields, the older model.
_OLD_EVALUATION = ("scale_max", "partial_credit", "decimals")


def _old_evaluation(content: dict) -> EvaluationModel:
    return EvaluationModel(
        scale_max=_whole_number("scale_max", content.get("scale_max", 10), 1, 1000),
        partial_credit=Decimal(
            _matching("partial_credit", content.get("partial_credit", "0.5"), _PARTIAL_CREDIT)
        ),
        decimals=_whole_number("decimals", content.get("decimals", 2), 0, 4),
    )


@functools.cache
def _tender_schema() -> dict:
    text = resources.files("procure.tender").joinpath("schemas", "tender.schema.json")
    return json.loads(text.read_text("utf-8"))


def _valid_as_in_tender_file(name: str, key: str, value: object) -> None:
    """`value` must be what the tender file's schema allows under `key`."""
    from jsonschema import Draft202012Validator  # here: the wizard's first page needs none

    schema = _tender_schema()["properties"].get(key)
    if schema is None or next(Draft202012Validator(schema).iter_errors(value), None):
        raise _invalid(name, value)


def _ordered(block: dict) -> dict:
    """The evaluation block with each criterion's and sub-criterion's requirements as a list of
    [id, weight] pairs: the draft is written with sorted keys, and their order is published."""
    criteria = []
    for criterion in block.get("criteria", ()):
        criterion = dict(criterion)
        if "requirements" in criterion:
            criterion["requirements"] = [list(p) for p in criterion["requirements"].items()]
        if "sub" in criterion:
            criterion["sub"] = [
                {**sub, "requirements": [list(p) for p in sub["requirements"].items()]}
                for sub in criterion["sub"]
            ]
        criteria.append(criterion)
    return {**block, "criteria": criteria} if "criteria" in block else block


def _unordered(block: object) -> object:
    """The reverse of _ordered: the block as the tender file has it (ValueError if damaged)."""
    if not isinstance(block, dict) or "criteria" not in block:
        return block

    def mapping(pairs: object) -> dict:
        if not isinstance(pairs, list) or not all(
            isinstance(p, list) and len(p) == 2 and isinstance(p[0], str) for p in pairs
        ):
            raise _invalid("evaluation", pairs)
        return {rid: weight for rid, weight in pairs}

    criteria = []
    for criterion in _sequence("evaluation", block["criteria"]):
        criterion = dict(_mapping("evaluation", criterion))
        if "requirements" in criterion:
            criterion["requirements"] = mapping(criterion["requirements"])
        if "sub" in criterion:
            criterion["sub"] = [
                {**_mapping("evaluation", sub), "requirements": mapping(sub.get("requirements"))}
                for sub in _sequence("evaluation", criterion["sub"])
            ]
        criteria.append(criterion)
    return {**block, "criteria": criteria}


def _evaluation(value: object) -> EvaluationModel:
    """The evaluation block as the tender file writes it, and nothing the wizard would not."""
    value = _unordered(value)
    _valid_as_in_tender_file("evaluation", "evaluation", value)
    model = evaluation_from_data(value)
    if evaluation_to_data(model) != value:
        raise _invalid("evaluation", value)
    return model


def _price_lines(value: object) -> tuple:
    _valid_as_in_tender_file("price_lines", "price_lines", value)
    return price_lines_from_data(value)


def _tender_extra(value: object) -> dict:
    """Parts of a tender file the steps do not edit: each a key the tender file has."""
    for key, item in _mapping("tender_extra", value).items():
        if key in WIZARD_KEYS:
            raise _invalid(f"tender_extra.{key}", item)
        _valid_as_in_tender_file(f"tender_extra.{key}", key, item)
    return dict(value)


def _choice(requirement_id: str, value: object) -> RequirementChoice:
    field = f"choices.{requirement_id}"
    choice = RequirementChoice(
        include=_optional(_mapping(field, value).get("include"), bool),
        kind=_optional(value.get("kind"), str),
        weight=_optional(value.get("weight"), int),
    )
    if choice.kind is not None and choice.kind not in KINDS:
        raise _invalid(f"{field}.kind", choice.kind)
    if choice.weight is not None and not 1 <= choice.weight <= 100:
        raise _invalid(f"{field}.weight", choice.weight)
    return choice


def _local(value: object) -> CustomRequirement:
    item = CustomRequirement(**_mapping("local", value))
    for name in ("id", "area", "title", "text", "guidance"):
        _text(f"local.{name}", getattr(item, name))
    if item.kind not in _LOCAL_KINDS:
        raise _invalid("local.kind", item.kind)
    if item.weight is not None:
        _whole_number("local.weight", item.weight, 1, 100)
    return item


def _optional(value, kind: type):
    if value is None:
        return None
    if kind is int and isinstance(value, bool):
        raise TypeError("a weight must be a number")
    if not isinstance(value, kind):
        raise TypeError(f"expected {kind.__name__}, got {type(value).__name__}")
    return value


def _stored_name(file: UploadedFile) -> str:
    """The stored file's name: its digest and a known extension, never the vendor's name."""
    extension = PurePath(file.name).suffix.lower()
    return file.digest[:32] + (extension if extension in _SAFE_EXTENSIONS else ".bin")


def _parsed_evaluation(text: str, path: Path, tender_id: str) -> Overrides:
    loaded = parse_overrides(text, str(path))
    return dataclasses.replace(loaded, tender_id=loaded.tender_id or tender_id)


def _read_text(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
