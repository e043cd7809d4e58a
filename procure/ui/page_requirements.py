"""Step 3, "Krav": the library's proposal, adjusted by the officer, plus local requirements."""

from __future__ import annotations

import streamlit as st

from procure.library.model import KINDS, Library
from procure.tender.model import Tender
from procure.ui.session import bound, current_library, get_state, notify, plain, safe_callback
from procure.ui.state import (
    RequirementRow,
    WizardState,
    add_local,
    changed_count,
    kind_counts,
    orphaned_changes,
    propose,
    remove_local,
    requirement_rows,
    set_included,
    set_kind,
    set_weight,
    total_pk_weight,
)
from procure.ui.texts import tr

ALL_AREAS = ""


def render(state: WizardState) -> None:
    lang = state.ui_lang
    library = current_library(state)
    if not state.category:
        st.warning(tr(lang, "choose_category_first"))
        return
    proposal = propose(state, library)
    rows = requirement_rows(state, library, proposal)
    _proposal_changes(state, proposal)
    _summary(state, rows)
    _toolbar(state, library)
    _orphans(state, library, proposal)
    _unknown(state, rows)

    areas = [a for a in library.areas if state.area_filter in (ALL_AREAS, a.key)]
    for area in areas:
        area_rows = [r for r in rows if r.requirement and r.requirement.area == area.key]
        local = [r for r in state.local if r.area == area.key]
        if not area_rows and not local:
            continue
        included = sum(1 for r in area_rows if r.included) + len(local)
        st.subheader(
            plain(area.title.get(lang))
            + " "
            + tr(lang, "area_count", included=included, total=len(area_rows) + len(local))
        )
        for row in area_rows:
            _requirement(state, row)
        for item in local:
            _local_card(state, item, library)
    st.divider()
    _add_local_form(state, library)


def _proposal_changes(state: WizardState, proposal: Tender) -> None:
    """Say so when a change in steps 1–2 changed the proposal: the officer's changes stay."""
    lang = state.ui_lang
    now = tuple(r.id for r in proposal.requirements)
    before = state.last_proposed
    state.last_proposed = now
    if before is None or set(before) == set(now):
        return
    new, gone = len(set(now) - set(before)), len(set(before) - set(now))
    st.info(tr(lang, "proposal_changed", new=new, gone=gone, changes=changed_count(state)))


def _summary(state: WizardState, rows: list[RequirementRow]) -> None:
    lang = state.ui_lang
    kinds = [r.kind for r in rows if r.included] + [r.kind for r in state.local]
    counts = kind_counts(kinds)
    weight = total_pk_weight(rows, state.local)
    columns = st.columns(6)
    columns[0].metric(tr(lang, "total_requirements"), len(kinds))
    for column, kind in zip(columns[1:5], KINDS, strict=True):
        column.metric(tr(lang, f"kind_plural_{kind}"), counts[kind])
    columns[5].metric(tr(lang, "total_weight"), weight)


def _toolbar(state: WizardState, library: Library) -> None:
    lang = state.ui_lang
    left, right = st.columns([2, 1])
    options = [ALL_AREAS] + [a.key for a in library.areas]
    if state.area_filter not in options:
        state.area_filter = ALL_AREAS
    with left:
        bound(
            st.selectbox,
            "area_filter",
            state.area_filter,
            lambda v: setattr(state, "area_filter", v or ALL_AREAS),
            label=tr(lang, "area_filter_label"),
            options=options,
            format_func=lambda key: (
                tr(lang, "all_areas")
                if key == ALL_AREAS
                else library.areas_by_key[key].title.get(lang)
            ),
        )
    changes = changed_count(state)
    with right:
        st.caption(tr(lang, "changes_count", count=changes))
        if changes and not state.confirm_reset:
            st.button(tr(lang, "reset_button"), key="reset_ask", on_click=_ask_reset)
    if state.confirm_reset:
        st.warning(tr(lang, "reset_question", count=changes))
        yes, no, _ = st.columns([1, 1, 3])
        yes.button(tr(lang, "reset_yes"), key="reset_yes", type="primary", on_click=_reset)
        no.button(tr(lang, "cancel"), key="reset_no", on_click=_cancel_reset)


def _orphans(state: WizardState, library: Library, proposal: Tender) -> None:
    lang = state.ui_lang
    orphans = orphaned_changes(state, library, proposal)
    if not orphans:
        return
    with st.container(border=True):
        st.warning(tr(lang, "orphans_heading", count=len(orphans)))
        for rid in orphans:
            requirement = library.requirements_by_id.get(rid)
            title = requirement.title.get(lang) if requirement else "?"
            text_col, keep_col, forget_col = st.columns([4, 1, 1])
            text_col.markdown(f"**{plain(rid)}** {plain(title)}")
            keep_col.button(
                tr(lang, "orphan_keep"), key=f"orphan_keep_{rid}", on_click=_keep, args=(rid,)
            )
            forget_col.button(
                tr(lang, "orphan_forget"), key=f"orphan_forget_{rid}", on_click=_forget, args=(rid,)
            )


def _unknown(state: WizardState, rows: list[RequirementRow]) -> None:
    lang = state.ui_lang
    unknown = [r for r in rows if r.requirement is None]
    if not unknown:
        return
    with st.container(border=True):
        st.error(
            tr(lang, "unknown_requirements", version=state.library_version or "?")
            + " "
            + plain(", ".join(r.id for r in unknown))
        )
        st.button(tr(lang, "remove_unknown"), key="remove_unknown", on_click=_remove_unknown)


def _requirement(state: WizardState, row: RequirementRow) -> None:
    lang = state.ui_lang
    requirement = row.requirement
    assert requirement is not None
    with st.container(border=True):
        text_col, kind_col, weight_col = st.columns([5, 2, 1.2])
        with text_col:
            marks = []
            if not row.proposed:
                marks.append(tr(lang, "added_by_you"))
            if row.changed:
                marks.append(tr(lang, "changed_by_you"))
            mark = f" · _{' · '.join(marks)}_" if marks else ""
            heading = f"**{plain(row.id)}** · {plain(requirement.title.get(lang))}"
            if not row.included:
                heading = f"~~{plain(row.id)} · {plain(requirement.title.get(lang))}~~"
            # The checkbox's label is the requirement's heading: ticking it includes the requirement
            bound(
                st.checkbox,
                f"req_include_{row.id}",
                row.included,
                lambda v, rid=row.id, proposed=row.proposed: set_included(state, rid, v, proposed),
                label=heading + mark,
                help=tr(lang, "include_help"),
            )
            st.markdown(":small[" + plain(requirement.text.get(lang)) + "]")
        with kind_col:
            bound(
                st.selectbox,
                f"req_kind_{row.id}",
                row.kind,
                lambda v, r=requirement: set_kind(state, r, v),
                label=tr(lang, "kind_label"),
                options=list(KINDS),
                format_func=lambda k: tr(lang, f"kind_{k}"),
                disabled=not row.included,
                help=tr(lang, "kind_help", kind=requirement.kind),
            )
        with weight_col:
            if row.kind == "PK":
                bound(
                    st.number_input,
                    f"req_weight_{row.id}",
                    row.weight,
                    lambda v, r=requirement: set_weight(state, r, v),
                    label=tr(lang, "weight_label"),
                    min_value=1,
                    max_value=100,
                    step=1,
                    value=None,
                    placeholder=tr(lang, "weight_placeholder"),
                    disabled=not row.included,
                )
                if row.included and row.weight is None:
                    st.caption(tr(lang, "weight_missing"))
        with st.expander(tr(lang, "guidance_heading")):
            st.markdown(plain(requirement.guidance.get(lang)) or "–")
            if requirement.answer.get(lang):
                st.markdown(
                    f"**{tr(lang, 'answer_hint_heading')}** " + plain(requirement.answer.get(lang))
                )
            refs = [
                r.title + (f" ({r.clause})" if r.clause else "") for r in requirement.references
            ]
            if refs:
                st.caption(plain(tr(lang, "references", refs="; ".join(refs))))


def _local_card(state: WizardState, item, library: Library) -> None:
    lang = state.ui_lang
    with st.container(border=True):
        text_col, kind_col, remove_col = st.columns([6, 2, 1])
        with text_col:
            st.markdown(f"**{plain(item.id)}** · {plain(item.title)} · _{tr(lang, 'local_badge')}_")
            st.markdown(plain(item.text))
        kind = tr(lang, f"kind_{item.kind}")
        if item.kind == "PK":
            kind += f" · {tr(lang, 'weight_label')} {item.weight}"
        kind_col.markdown(plain(kind))
        remove_col.button(
            tr(lang, "remove"), key=f"local_remove_{item.id}", on_click=_remove, args=(item.id,)
        )


def _add_local_form(state: WizardState, library: Library) -> None:
    lang = state.ui_lang
    st.subheader(tr(lang, "local_heading"))
    st.caption(tr(lang, "local_intro"))
    # Keys carry the next number, so a successful add leaves an empty form and an error keeps
    # what the officer typed.
    n = state.next_local_number
    with st.form(f"local_form_{n}"):
        area_col, kind_col, weight_col = st.columns([3, 2, 1])
        area = area_col.selectbox(
            tr(lang, "local_area"),
            options=[a.key for a in library.areas],
            format_func=lambda key: library.areas_by_key[key].title.get(lang),
            key=f"local_area_{n}",
        )
        kind = kind_col.selectbox(
            tr(lang, "kind_label"),
            options=list(KINDS),
            index=2,
            format_func=lambda k: tr(lang, f"kind_{k}"),
            key=f"local_kind_{n}",
        )
        weight = weight_col.number_input(
            tr(lang, "weight_label"),
            min_value=1,
            max_value=100,
            value=None,
            step=1,
            help=tr(lang, "local_weight_help"),
            key=f"local_weight_{n}",
        )
        title = st.text_input(tr(lang, "local_title"), max_chars=300, key=f"local_title_{n}")
        text = st.text_area(tr(lang, "local_text"), max_chars=20000, key=f"local_text_{n}")
        if st.form_submit_button(tr(lang, "local_add")):
            problems = []
            if not title.strip():
                problems.append(tr(lang, "local_title_missing"))
            if not text.strip():
                problems.append(tr(lang, "local_text_missing"))
            if kind == "PK" and weight is None:
                problems.append(tr(lang, "local_weight_missing"))
            if problems:
                st.error(" ".join(problems))
            else:
                added = add_local(state, area, title, text, kind, weight)
                notify(state, "success", tr(lang, "local_added", id=added.id))
                st.rerun()


@safe_callback
def _ask_reset() -> None:
    get_state().confirm_reset = True


@safe_callback
def _cancel_reset() -> None:
    get_state().confirm_reset = False


@safe_callback
def _reset() -> None:
    state = get_state()
    state.choices = {}
    state.confirm_reset = False
    notify(state, "success", tr(state.ui_lang, "reset_done"))


@safe_callback
def _keep(requirement_id: str) -> None:
    state = get_state()
    state.choices[requirement_id].include = True


@safe_callback
def _forget(requirement_id: str) -> None:
    get_state().choices.pop(requirement_id, None)


@safe_callback
def _remove_unknown() -> None:
    state = get_state()
    library = current_library(state)
    for rid in [r for r in state.choices if r not in library.requirements_by_id]:
        del state.choices[rid]


@safe_callback
def _remove(local_id: str) -> None:
    state = get_state()
    remove_local(state, local_id)
    notify(state, "info", tr(state.ui_lang, "local_removed", id=local_id))
