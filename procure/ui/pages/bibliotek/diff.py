"""The Bibliotek step's differences between two versions of the library, either of which may be
the library folder as it is now (the working copy, validated again only when a file changed)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from procure.errors import LibraryInvalid, ProcureError
from procure.library import default_library_path, diff_libraries, load_library
from procure.library.diff import LibraryDiff, RequirementChange
from procure.library.model import Library
from procure.ui.pages.bibliotek.view import LibraryView, default_version
from procure.ui.session import bound, cached_release, plain
from procure.ui.state import WizardState
from procure.ui.texts import LANGUAGE_NAMES, tr

WORKING_COPY = "working-copy"  # the diff option for the library folder as it is now
MAX_PROBLEMS_SHOWN = 20


@dataclass(frozen=True)
class WorkingCopy:
    """The library folder as it is now: a library, or why it cannot be used."""

    library: Library | None
    problems: tuple[str, ...] = ()  # validation problems, file paths relative to the folder
    error: str = ""  # the folder cannot be read as a library at all


def default_diff_pair(
    versions: list[str], tender_version: str | None, has_working_copy: bool
) -> tuple[str, str]:
    """From the tender's version (else the newest) to the newest release after it, else to the
    working copy: what changed since the tender was made, or what is not yet released."""
    old = default_version(versions, tender_version)
    if old != versions[-1]:
        return old, versions[-1]
    return old, WORKING_COPY if has_working_copy else old


def value_text(value: object) -> str:
    """A field's value in a diff as one line of text (as `procure library diff` prints it)."""
    if value is None:
        return "–"
    if isinstance(value, dict):
        return "; ".join(f"{key}: {value_text(item)}" for key, item in value.items())
    if isinstance(value, list | tuple):
        return ", ".join(value_text(item) for item in value) or "–"
    return " ".join(str(value).split())


def working_copy(path: Path) -> WorkingCopy:
    """The working library folder, validated again only when one of its files changed."""
    return _working_copy_at(str(path), _folder_stamp(path))


def differences_section(state: WizardState, view: LibraryView, versions: list[str]) -> None:
    lang = state.ui_lang
    st.caption(tr(lang, "lib_diff_intro"))
    folder = default_library_path()
    options = list(reversed(versions))
    if (folder / "library.yaml").is_file():
        options.insert(0, WORKING_COPY)
    old_default, new_default = default_diff_pair(
        versions, state.library_version, WORKING_COPY in options
    )
    if view.diff_old not in options:
        view.diff_old = old_default
    if view.diff_new not in options:
        view.diff_new = new_default

    def label(choice: str) -> str:
        return tr(lang, "lib_working_copy") if choice == WORKING_COPY else choice

    old_col, new_col = st.columns(2)
    with old_col:
        bound(
            st.selectbox,
            "lib_diff_old",
            view.diff_old,
            lambda value: setattr(view, "diff_old", value),
            label=tr(lang, "lib_diff_old"),
            options=options,
            format_func=label,
        )
    with new_col:
        bound(
            st.selectbox,
            "lib_diff_new",
            view.diff_new,
            lambda value: setattr(view, "diff_new", value),
            label=tr(lang, "lib_diff_new"),
            options=options,
            format_func=label,
        )
    if view.diff_old == view.diff_new:
        st.info(tr(lang, "lib_diff_same"))
        return
    old = _diff_side(lang, view.diff_old, folder)
    new = _diff_side(lang, view.diff_new, folder)
    if old is None or new is None:
        return
    _show_diff(
        lang,
        diff_libraries(old, new),
        old,
        new,
        _side_name(lang, view.diff_old, old),
        _side_name(lang, view.diff_new, new),
    )


def _diff_side(lang: str, choice: str, folder: Path) -> Library | None:
    """The library for one side of the comparison; None (with the reason shown) when the working
    copy cannot be used."""
    if choice != WORKING_COPY:
        return cached_release(choice)
    copy = working_copy(folder)
    if copy.library is not None:
        return copy.library
    if copy.error:
        st.error(tr(lang, "lib_working_unreadable") + "\n\n" + plain(copy.error))
        return None
    listed = "\n".join("- " + plain(problem) for problem in copy.problems[:MAX_PROBLEMS_SHOWN])
    more = len(copy.problems) - MAX_PROBLEMS_SHOWN
    if more > 0:
        listed += "\n- " + tr(lang, "lib_working_more", count=more)
    st.error(
        tr(lang, "lib_working_invalid", count=len(copy.problems), folder=plain(folder.name))
        + "\n\n"
        + listed
    )
    return None


def _side_name(lang: str, choice: str, library: Library) -> str:
    if choice == WORKING_COPY:
        return tr(lang, "lib_working_copy_named", version=library.version)
    return library.version


def _show_diff(
    lang: str, diff: LibraryDiff, old: Library, new: Library, old_name: str, new_name: str
) -> None:
    st.subheader(plain(tr(lang, "lib_diff_heading", old=old_name, new=new_name)))
    if diff.empty:
        st.success(plain(tr(lang, "lib_diff_none", old=old_name, new=new_name)))
        return
    counts = st.columns(4)
    counts[0].metric(tr(lang, "lib_diff_added"), len(diff.added))
    counts[1].metric(tr(lang, "lib_diff_removed"), len(diff.removed))
    counts[2].metric(tr(lang, "lib_diff_deprecated"), len(diff.deprecated))
    counts[3].metric(tr(lang, "lib_diff_changed"), len(diff.changed))
    for key, ids, source in (
        ("lib_diff_added", diff.added, new),
        ("lib_diff_removed", diff.removed, old),
        ("lib_diff_deprecated", diff.deprecated, new),
    ):
        if not ids:
            continue
        lines = [
            f"- **{plain(rid)}** {plain(source.requirements_by_id[rid].title.get(lang))}"
            for rid in ids
        ]
        st.markdown(f"**{tr(lang, key)} ({len(ids)})**\n\n" + "\n".join(lines))
    if diff.changed:
        st.markdown(f"**{tr(lang, 'lib_diff_changed')} ({len(diff.changed)})**")
    for change in diff.changed:
        st.markdown(_change_text(lang, change, new))


def _change_text(lang: str, change: RequirementChange, new: Library) -> str:
    """One changed requirement as one Markdown block: each field with its old and new value."""
    title = new.requirements_by_id[change.id].title.get(lang)
    lines = [f"**{plain(change.id)}** · {plain(title)}", ""]
    for field_change in change.fields:
        lines.append(f"- {_field_label(lang, field_change.field)} (`{field_change.field}`)")
        lines.append(f"  - {tr(lang, 'lib_diff_before')}: {plain(value_text(field_change.old))}")
        lines.append(f"  - {tr(lang, 'lib_diff_after')}: {plain(value_text(field_change.new))}")
    return "\n".join(lines)


def _field_label(lang: str, field: str) -> str:
    """A field such as "text.da" in the officer's words: "Kravtekst, dansk"."""
    name, _, sub = field.partition(".")
    label = tr(lang, f"lib_field_{name}")
    if label == f"lib_field_{name}":  # a field this page has no word for: its own name
        label = name
    if sub in LANGUAGE_NAMES:
        label += ", " + tr(lang, f"lib_field_lang_{sub}")
    return plain(label)


def _folder_stamp(path: Path) -> tuple:
    """(file, modified, size) of every library file: changes when any file is edited."""
    if not path.is_dir():
        return ()
    stamp = []
    for file in sorted(path.rglob("*")):
        if file.suffix in (".yaml", ".yml", ".json") and file.is_file():
            info = file.stat()
            stamp.append((str(file.relative_to(path)), info.st_mtime_ns, info.st_size))
    return tuple(stamp)


@st.cache_resource(show_spinner=False, max_entries=4)
def _working_copy_at(path: str, stamp: tuple) -> WorkingCopy:
    """Validate the folder once per stamp; shared read-only by every session."""
    del stamp  # part of the cache key only
    try:
        return WorkingCopy(load_library(path))
    except LibraryInvalid as exc:
        return WorkingCopy(None, tuple(_relative(str(p), path) for p in exc.problems))
    except ProcureError as exc:
        return WorkingCopy(None, error=_relative(str(exc), path))


def _relative(message: str, folder: str) -> str:
    """A message without the server's folder path in front of every file name."""
    return message.replace(folder.rstrip("/") + "/", "")
