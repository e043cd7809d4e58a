"""Step 9, "Bibliotek": read the requirement library – its versions and changelog, its
requirements and integrations, and what changed between two versions.

Read-only by design: the page reads the officer's language and the tender's library version and
never writes the tender. What to show (version, search, filters, the chosen requirement) is view
state kept beside the wizard's data and never saved. The requirements are one table and one
chooser, not a widget per requirement, so a rerun stays quick with a few hundred of them.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from procure.errors import LibraryInvalid, ProcureError
from procure.library import default_library_path, diff_libraries, load_library
from procure.library.diff import LibraryDiff, RequirementChange
from procure.library.model import KINDS, Library, Requirement
from procure.ui.session import (
    bound,
    cached_release,
    library_versions,
    plain,
    safe_callback,
    session_object,
)
from procure.ui.state import WizardState
from procure.ui.texts import LANGUAGE_NAMES, tr

VIEW_KEY = "procure_library_view"
ALL = ""  # the "no filter" option of every filter
WORKING_COPY = "working-copy"  # the diff option for the library folder as it is now
SECTION_OVERVIEW, SECTION_REQUIREMENTS = "overview", "requirements"
SECTION_INTEGRATIONS, SECTION_DIFF = "integrations", "diff"
SECTIONS = (SECTION_OVERVIEW, SECTION_REQUIREMENTS, SECTION_INTEGRATIONS, SECTION_DIFF)
STATUSES = ("active", "deprecated")
MAX_PROBLEMS_SHOWN = 20
INTEGRATION_KIND_KEYS = {
    "støttesystem": "lib_ikind_support",
    "serviceplatform": "lib_ikind_serviceplatform",
    "other": "lib_ikind_other",
}


@dataclass
class LibraryView:
    """What the officer is looking at. Never part of the tender."""

    version: str | None = None  # the released version browsed
    section: str = SECTION_OVERVIEW
    search: str = ""
    area: str = ALL
    kind: str = ALL
    integration: str = ALL
    status: str = ALL
    requirement: str | None = None  # the requirement shown in detail
    diff_old: str | None = None  # a released version or WORKING_COPY
    diff_new: str | None = None

    def clear_filters(self) -> None:
        self.search, self.area, self.kind, self.integration, self.status = "", ALL, ALL, ALL, ALL


@dataclass(frozen=True)
class WorkingCopy:
    """The library folder as it is now: a library, or why it cannot be used."""

    library: Library | None
    problems: tuple[str, ...] = ()  # validation problems, file paths relative to the folder
    error: str = ""  # the folder cannot be read as a library at all


# -- What is shown: pure functions over the library ---------------------------------------------


def default_version(versions: list[str], tender_version: str | None) -> str:
    """The tender's version when it is released, else the newest."""
    return tender_version if tender_version in versions else versions[-1]


def default_diff_pair(
    versions: list[str], tender_version: str | None, has_working_copy: bool
) -> tuple[str, str]:
    """From the tender's version (else the newest) to the newest release after it, else to the
    working copy: what changed since the tender was made, or what is not yet released."""
    old = default_version(versions, tender_version)
    if old != versions[-1]:
        return old, versions[-1]
    return old, WORKING_COPY if has_working_copy else old


def normalized(text: str) -> str:
    """Text for comparing: composed Unicode (an å typed as a + ring matches å), any case."""
    return unicodedata.normalize("NFC", text).casefold()


def searchable_text(requirement: Requirement, library: Library, lang: str) -> str:
    """What a search looks in: id, title and text in the officer's language, and the names and
    SF numbers of the linked integrations (an officer often knows only "SF1500")."""
    parts = [requirement.id, requirement.title.get(lang), requirement.text.get(lang)]
    for integration_id in requirement.integrations:
        integration = library.integrations_by_id.get(integration_id)
        if integration is None:
            parts.append(integration_id)
            continue
        parts += [integration.name.get(lang), *integration.aliases, integration.sf_list]
    return normalized("\n".join(parts))


def matching_requirements(library: Library, lang: str, view: LibraryView) -> list[Requirement]:
    """The requirements passing every filter; each word of the search must occur."""
    terms = normalized(view.search).split()
    out = []
    for requirement in library.requirements:
        if view.area != ALL and requirement.area != view.area:
            continue
        if view.kind != ALL and requirement.kind != view.kind:
            continue
        if view.integration != ALL and view.integration not in requirement.integrations:
            continue
        if view.status != ALL and requirement.status != view.status:
            continue
        if terms:
            haystack = searchable_text(requirement, library, lang)
            if not all(term in haystack for term in terms):
                continue
        out.append(requirement)
    return out


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


# -- The page -----------------------------------------------------------------------------------


def render(state: WizardState) -> None:
    lang = state.ui_lang
    view = library_view()
    st.caption(tr(lang, "lib_intro"))
    versions = library_versions()
    if not versions:
        st.warning(tr(lang, "no_releases"))
        return
    if view.version not in versions:
        view.version = default_version(versions, state.library_version)
    bound(
        st.radio,
        "lib_section",
        view.section,
        lambda value: setattr(view, "section", value),
        label=tr(lang, "lib_section_label"),
        options=list(SECTIONS),
        format_func=lambda section: tr(lang, f"lib_section_{section}"),
        horizontal=True,
    )
    if view.section == SECTION_DIFF:
        _differences(state, view, versions)
        return
    _version_chooser(state, view, versions)
    library = cached_release(view.version)
    if view.section == SECTION_REQUIREMENTS:
        _requirements(state, view, library)
    elif view.section == SECTION_INTEGRATIONS:
        _integrations(state, library)
    else:
        _overview(state, library)


def library_view() -> LibraryView:
    return session_object(VIEW_KEY, LibraryView)


def _version_chooser(state: WizardState, view: LibraryView, versions: list[str]) -> None:
    lang = state.ui_lang
    bound(
        st.selectbox,
        "lib_version",
        view.version,
        lambda value: setattr(view, "version", value),
        label=tr(lang, "lib_version_label"),
        options=list(reversed(versions)),  # newest first
        format_func=lambda version: _version_label(lang, version, versions, state),
        help=tr(lang, "lib_version_help"),
    )


def _version_label(lang: str, version: str, versions: list[str], state: WizardState) -> str:
    marks = []
    if version == versions[-1]:
        marks.append(tr(lang, "lib_version_newest"))
    if version == state.library_version:
        marks.append(tr(lang, "lib_version_tender"))
    return f"{version} ({', '.join(marks)})" if marks else version


# -- Overview and changelog ---------------------------------------------------------------------


def _overview(state: WizardState, library: Library) -> None:
    lang = state.ui_lang
    st.subheader(plain(library.name))
    active = len(library.active_requirements)
    columns = st.columns(4)
    columns[0].metric(tr(lang, "lib_metric_version"), library.version)
    columns[1].metric(tr(lang, "lib_metric_active"), active)
    columns[2].metric(tr(lang, "lib_metric_deprecated"), len(library.requirements) - active)
    columns[3].metric(tr(lang, "lib_metric_integrations"), len(library.integrations))
    st.markdown("**" + tr(lang, "lib_changelog_heading") + "**")
    if not library.changelog:
        st.caption(tr(lang, "lib_changelog_empty"))
    for entry in reversed(library.changelog):  # newest first
        st.markdown(
            f"**{plain(entry.version)}** · {plain(entry.date)}  \n{plain(entry.summary.get(lang))}"
        )


# -- Requirements -------------------------------------------------------------------------------


def _requirements(state: WizardState, view: LibraryView, library: Library) -> None:
    lang = state.ui_lang
    _filters(state, view, library)
    shown = matching_requirements(library, lang, view)
    st.caption(tr(lang, "lib_matches", shown=len(shown), total=len(library.requirements)))
    if not shown:
        st.info(tr(lang, "lib_no_matches"))
        st.button(tr(lang, "lib_clear_filters"), key="lib_clear_filters", on_click=_clear_filters)
        return
    _requirement_table(lang, library, shown)
    ids = [r.id for r in shown]
    current = view.requirement if view.requirement in ids else ids[0]
    titles = {r.id: r.title.get(lang) for r in shown}
    bound(
        st.selectbox,
        "lib_requirement",
        current,
        lambda value: setattr(view, "requirement", value),
        label=tr(lang, "lib_detail_label"),
        options=ids,
        format_func=lambda rid: f"{rid} – {titles[rid]}",
    )
    _requirement_detail(lang, library, library.requirements_by_id[current])


def _filters(state: WizardState, view: LibraryView, library: Library) -> None:
    lang = state.ui_lang
    bound(
        st.text_input,
        "lib_search",
        view.search,
        lambda value: setattr(view, "search", value or ""),
        label=tr(lang, "lib_search_label"),
        placeholder=tr(lang, "lib_search_placeholder"),
    )
    areas = [ALL] + [a.key for a in library.areas]
    integrations = [ALL] + [i.id for i in library.integrations]
    # Another version may lack what was chosen in this one: show everything then
    if view.area not in areas:
        view.area = ALL
    if view.integration not in integrations:
        view.integration = ALL
    area_col, kind_col, integration_col, status_col = st.columns([3, 2, 3, 2])
    with area_col:
        bound(
            st.selectbox,
            "lib_area",
            view.area,
            lambda value: setattr(view, "area", value or ALL),
            label=tr(lang, "lib_area"),
            options=areas,
            format_func=lambda key: (
                tr(lang, "all_areas") if key == ALL else library.areas_by_key[key].title.get(lang)
            ),
        )
    with kind_col:
        bound(
            st.selectbox,
            "lib_kind",
            view.kind,
            lambda value: setattr(view, "kind", value or ALL),
            label=tr(lang, "lib_kind"),
            options=[ALL, *KINDS],
            format_func=lambda kind: (
                tr(lang, "lib_all_kinds") if kind == ALL else _kind(lang, kind)
            ),
        )
    with integration_col:
        bound(
            st.selectbox,
            "lib_integration",
            view.integration,
            lambda value: setattr(view, "integration", value or ALL),
            label=tr(lang, "lib_integration"),
            options=integrations,
            format_func=lambda iid: (
                tr(lang, "lib_all_integrations")
                if iid == ALL
                else _integration_name(lang, library, iid)
            ),
        )
    with status_col:
        bound(
            st.selectbox,
            "lib_status",
            view.status,
            lambda value: setattr(view, "status", value or ALL),
            label=tr(lang, "lib_status"),
            options=[ALL, *STATUSES],
            format_func=lambda status: tr(lang, f"lib_status_{status or 'all'}"),
        )


def _requirement_table(lang: str, library: Library, shown: list[Requirement]) -> None:
    table = pd.DataFrame(
        {
            "id": [r.id for r in shown],
            "area": [_area(lang, library, r.area) for r in shown],
            "kind": [r.kind for r in shown],
            "weight": pd.array([r.weight for r in shown], dtype="Int64"),
            "title": [r.title.get(lang) for r in shown],
            "status": [tr(lang, f"lib_status_{r.status}") for r in shown],
        }
    )
    st.dataframe(
        table,
        hide_index=True,
        column_config={
            "id": st.column_config.TextColumn(tr(lang, "lib_col_id"), pinned=True),
            "area": tr(lang, "lib_area"),
            "kind": tr(lang, "lib_col_kind"),
            "weight": st.column_config.NumberColumn(tr(lang, "lib_weight")),
            "title": st.column_config.TextColumn(tr(lang, "lib_col_title"), width="large"),
            "status": tr(lang, "lib_status"),
        },
    )


def _requirement_detail(lang: str, library: Library, r: Requirement) -> None:
    with st.container(border=True):
        st.markdown(f"#### {plain(r.id)} · {plain(r.title.get(lang))}")
        facts = [
            f"{tr(lang, 'lib_area')}: {plain(_area(lang, library, r.area))}",
            f"{tr(lang, 'lib_kind')}: {plain(_kind(lang, r.kind))}",
        ]
        if r.weight is not None:
            facts.append(f"{tr(lang, 'lib_weight')}: {r.weight}")
        facts.append(f"{tr(lang, 'lib_status')}: {tr(lang, f'lib_status_{r.status}')}")
        facts.append(f"{tr(lang, 'lib_since')}: {plain(r.since)}")
        st.markdown(" · ".join(facts))
        if not r.active:
            lines = [tr(lang, "lib_deprecated_note")]
            if r.replaced_by:
                lines.append(f"{tr(lang, 'lib_replaced_by')}: {plain(r.replaced_by)}")
            if r.deprecation_reason is not None:
                lines.append(f"{tr(lang, 'lib_reason')}: {plain(r.deprecation_reason.get(lang))}")
            st.warning("  \n".join(lines))
        # Both languages side by side: the annex may be written in either
        for column, text_lang in zip(st.columns(2), ("da", "en"), strict=True):
            column.markdown(
                f"**{LANGUAGE_NAMES[text_lang]}**  \n"
                f"*{plain(r.title.get(text_lang))}*  \n{plain(r.text.get(text_lang))}"
            )
        st.markdown(f"**{tr(lang, 'lib_guidance')}**  \n{plain(r.guidance.get(lang)) or '–'}")
        st.markdown(f"**{tr(lang, 'lib_answer')}**  \n{plain(r.answer.get(lang)) or '–'}")
        st.markdown(f"**{tr(lang, 'lib_integrations')}**  \n{_integration_lines(lang, library, r)}")
        if r.categories is None:
            categories = tr(lang, "lib_categories_all")
        else:
            categories = ", ".join(
                f"{code} {library.categories_by_code[code].name.get(lang)}"
                if code in library.categories_by_code
                else code
                for code in r.categories
            )
        st.markdown(f"**{tr(lang, 'lib_categories')}**: {plain(categories)}")
        kle = ", ".join(
            f"{number} {library.kle_by_number[number].title}"
            if number in library.kle_by_number
            else number
            for number in r.kle
        )
        st.markdown(f"**{tr(lang, 'lib_kle')}**: {plain(kle or '–')}")
        references = [
            "- "
            + plain(
                ref.title
                + (f", {ref.clause}" if ref.clause else "")
                + (f" <{ref.link}>" if ref.link else "")
            )
            for ref in r.references
        ]
        st.markdown(f"**{tr(lang, 'lib_references')}**  \n" + ("\n".join(references) or "–"))


def _integration_lines(lang: str, library: Library, r: Requirement) -> str:
    if not r.integrations:
        return "–"
    lines = []
    for integration_id in r.integrations:
        integration = library.integrations_by_id.get(integration_id)
        if integration is None:
            lines.append("- " + plain(integration_id))
            continue
        sf = ", ".join(f"{s.number} {s.label.get(lang)}".strip() for s in integration.sf_numbers)
        lines.append(
            "- " + plain(integration.name.get(lang) + (f" ({sf})" if sf else "")),
        )
    return "\n".join(lines)


@safe_callback
def _clear_filters() -> None:
    library_view().clear_filters()


# -- Integrations catalogue ---------------------------------------------------------------------


def _integrations(state: WizardState, library: Library) -> None:
    lang = state.ui_lang
    st.caption(tr(lang, "lib_integrations_intro", version=library.version))
    names = {i.id: i.name.get(lang) for i in library.integrations}
    table = pd.DataFrame(
        {
            "id": [i.id for i in library.integrations],
            "name": [i.name.get(lang) for i in library.integrations],
            "kind": [_integration_kind(lang, i.kind) for i in library.integrations],
            "sf": [i.sf_list or "–" for i in library.integrations],
            "depends_on": [
                ", ".join(names.get(d, d) for d in i.depends_on) or "–"
                for i in library.integrations
            ],
            "status": [tr(lang, f"lib_istatus_{i.status}") for i in library.integrations],
        }
    )
    st.dataframe(
        table,
        hide_index=True,
        column_config={
            "id": st.column_config.TextColumn(tr(lang, "lib_col_id"), pinned=True),
            "name": tr(lang, "lib_col_name"),
            "kind": tr(lang, "lib_col_integration_kind"),
            "sf": tr(lang, "lib_col_sf"),
            "depends_on": tr(lang, "lib_col_depends_on"),
            "status": tr(lang, "lib_status"),
        },
    )
    st.markdown("**" + tr(lang, "lib_descriptions_heading") + "**")
    for integration in library.integrations:
        sf = "; ".join(
            f"{s.number} {s.label.get(lang)}".strip() for s in integration.sf_numbers
        ) or tr(lang, "lib_no_sf")
        st.markdown(
            f"**{plain(integration.name.get(lang))}** · {plain(sf)}  \n"
            f"{plain(integration.description.get(lang))}"
        )


# -- Differences between two versions -----------------------------------------------------------


def _differences(state: WizardState, view: LibraryView, versions: list[str]) -> None:
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


# -- Small helpers ------------------------------------------------------------------------------


def _area(lang: str, library: Library, key: str) -> str:
    area = library.areas_by_key.get(key)
    return area.title.get(lang) if area else key


def _kind(lang: str, kind: str) -> str:
    label = tr(lang, f"kind_{kind}")
    return kind if label == f"kind_{kind}" else label


def _integration_name(lang: str, library: Library, integration_id: str) -> str:
    integration = library.integrations_by_id[integration_id]
    sf = f" ({integration.sf_list})" if integration.sf_list else ""
    return integration.name.get(lang) + sf


def _integration_kind(lang: str, kind: str) -> str:
    key = INTEGRATION_KIND_KEYS.get(kind)
    return tr(lang, key) if key else kind


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
