"""The Portefølje step's systems: the table (sorted by clicking a column, filtered by business
area and integration), one system in full with its history, and taking it out of use (its rows
and history stay in the database)."""

from __future__ import annotations

import streamlit as st

from procure.errors import ProcureError
from procure.library.model import Library
from procure.portfolio.catalogue import integration_label
from procure.portfolio.records import SystemRecord
from procure.ui.pages.portefolje.charts import (
    arrow_table,
    criticality_text,
    filtered_systems,
    systems_table,
)
from procure.ui.pages.portefolje.view import (
    ALL,
    FORM_PREFIX,
    SECTION_EDIT,
    PortfolioView,
    portfolio_view,
)
from procure.ui.portfolio import Snapshot, actor, current_store
from procure.ui.session import bound, get_state, notify, plain, safe_callback
from procure.ui.state import WizardState
from procure.ui.system_form import FORM_FIELDS, SystemDraft, show_draft
from procure.ui.texts import tr


def systems_section(
    state: WizardState, view: PortfolioView, snap: Snapshot, library: Library
) -> None:
    lang = state.ui_lang
    if not snap.systems:
        st.info(tr(lang, "pf_empty"))
        if not snap.everything:
            return  # nothing taken out of use either: no table to show
    areas = snap.kept(
        ("areas",),
        lambda: sorted({s.business_area for s in snap.systems if s.business_area}, key=str.lower),
    )
    used = snap.kept(
        ("used_integrations",),
        lambda: [
            i.id for i in library.integrations if any(i.id in s.integrations for s in snap.systems)
        ],
    )
    if view.area not in areas:
        view.area = ALL
    if view.integration not in used:
        view.integration = ALL
    area_col, integration_col, removed_col = st.columns(3, vertical_alignment="bottom")
    with area_col:
        bound(
            st.selectbox,
            "pf_filter_area",
            view.area,
            lambda value: setattr(view, "area", value or ALL),
            label=tr(lang, "pf_filter_area"),
            options=[ALL, *areas],
            format_func=lambda area: area or tr(lang, "pf_all"),
        )
    with integration_col:
        bound(
            st.selectbox,
            "pf_filter_integration",
            view.integration,
            lambda value: setattr(view, "integration", value or ALL),
            label=tr(lang, "pf_filter_integration"),
            options=[ALL, *used],
            format_func=lambda i: integration_label(i, library, lang) if i else tr(lang, "pf_all"),
        )
    with removed_col:
        bound(
            st.toggle,
            "pf_show_removed",
            view.show_removed,
            lambda value: setattr(view, "show_removed", bool(value)),
            label=tr(lang, "pf_show_removed"),
        )
    key = (view.area, view.integration, view.show_removed)
    shown = snap.kept(
        ("filtered", *key),
        lambda: filtered_systems(
            snap.everything if view.show_removed else snap.systems, view.area, view.integration
        ),
    )
    st.caption(tr(lang, "pf_count", shown=len(shown), total=len(snap.systems)))
    st.dataframe(
        snap.kept(
            ("table", lang, *key),
            lambda: systems_table(shown, lang, removed=view.show_removed),
        ),
        hide_index=True,
        width="stretch",
        key="pf_table",
    )
    _one_system(state, view, snap, library, shown)


def _one_system(
    state: WizardState,
    view: PortfolioView,
    snap: Snapshot,
    library: Library,
    shown: list[SystemRecord],
) -> None:
    lang = state.ui_lang
    options = snap.kept(
        ("names", view.area, view.integration, view.show_removed),
        lambda: ["", *dict.fromkeys(s.name for s in shown)],
    )
    if view.selected not in options:
        view.selected = ""
    bound(
        st.selectbox,
        "pf_selected",
        view.selected,
        lambda value: setattr(view, "selected", value or ""),
        label=tr(lang, "pf_show_system"),
        options=options,
        format_func=lambda name: name or tr(lang, "pf_choose_system"),
    )
    if not view.selected:
        return
    matching = [s for s in shown if s.name == view.selected]
    record = next((s for s in matching if s.removed_at is None), matching[0])
    with st.container(border=True):
        _details(lang, record, library)
        if record.removed_at is None:
            _actions(lang, view, record)
        st.markdown("**" + tr(lang, "pf_history") + "**")
        st.dataframe(
            snap.kept(("history", record.name, lang), lambda: _history(record.name, lang)),
            hide_index=True,
            width="stretch",
            key="pf_history_table",
        )


def _details(lang: str, record: SystemRecord, library: Library) -> None:
    st.subheader(plain(record.name))
    if record.removed_at is not None:
        st.warning(
            tr(lang, "pf_removed_on", date=record.removed_at.date().isoformat()),
            icon=":material/archive:",
        )
    period = ""
    if record.contract_start or record.contract_end:
        start = record.contract_start.isoformat() if record.contract_start else "?"
        end = record.contract_end.isoformat() if record.contract_end else "?"
        period = f"{start} – {end}"
    vendor = record.vendor + (f" (CVR {record.vendor_cvr})" if record.vendor_cvr else "")
    rows = [
        ("pf_field_vendor", vendor),
        ("pf_field_business_area", record.business_area),
        ("pf_field_owner", record.owner),
        ("pf_field_channel", record.channel),
        ("pf_field_criticality", criticality_text(record.criticality, lang)),
        ("pf_field_category", record.category),
        ("pf_field_kle", ", ".join(record.kle)),
        ("pf_contract", period),
        ("pf_tender", " ".join(x for x in (record.tender_id, record.tender_file) if x)),
        ("pf_library", record.library_version),
        ("pf_field_kitos_uuid", record.kitos_uuid),
        ("pf_field_notes", record.notes),
    ]
    lines = [f"**{tr(lang, key)}:** {plain(value or '–')}" for key, value in rows]
    integrations = [
        f"{plain(integration_label(i, library, lang))} · `{i}`" for i in record.integrations
    ]
    lines.append(f"**{tr(lang, 'pf_field_integrations')}:** " + ("; ".join(integrations) or "–"))
    if record.roles:
        roles = [
            plain(f"{r.id}: {r.name}" + (f" – {r.description}" if r.description else ""))
            for r in record.roles
        ]
        lines.append(f"**{tr(lang, 'pf_roles')}:** " + "; ".join(roles))
    st.markdown("  \n".join(lines))


def _actions(lang: str, view: PortfolioView, record: SystemRecord) -> None:
    edit_col, remove_col, _ = st.columns([1, 1, 3])
    edit_col.button(
        tr(lang, "pf_edit"),
        key="pf_edit_selected",
        on_click=_edit,
        args=(record.name,),
        icon=":material/edit:",
    )
    if view.confirm_remove != record.name:
        remove_col.button(
            tr(lang, "pf_remove"),
            key="pf_remove_selected",
            on_click=_ask_remove,
            args=(record.name,),
            icon=":material/archive:",
        )
        return
    st.warning(plain(tr(lang, "pf_remove_confirm", name=record.name)))
    yes, no, _ = st.columns([1, 1, 3])
    yes.button(
        tr(lang, "pf_remove_yes"),
        key="pf_remove_yes",
        type="primary",
        on_click=_remove,
        args=(record.name,),
    )
    no.button(tr(lang, "cancel"), key="pf_remove_no", on_click=_ask_remove, args=("",))


def _history(name: str, lang: str):
    state = get_state()
    columns = [
        tr(lang, "pf_col_at"),
        tr(lang, "pf_col_actor"),
        tr(lang, "pf_col_action"),
        tr(lang, "pf_col_field"),
        tr(lang, "pf_col_old"),
        tr(lang, "pf_col_new"),
    ]
    rows = []
    for entry in current_store(state).history(name):
        whole = entry.field == "*"
        rows.append(
            dict(
                zip(
                    columns,
                    (
                        entry.at.strftime("%Y-%m-%d %H:%M"),
                        entry.actor,
                        tr(lang, f"pf_action_{entry.action}")
                        if entry.action in _ACTIONS
                        else entry.action,
                        "" if whole else entry.field,
                        "" if whole else _value_text(entry.old),
                        "" if whole else _value_text(entry.new),
                    ),
                    strict=True,
                )
            )
        )
    return arrow_table(rows, columns)


_ACTIONS = ("add", "edit", "remove", "import", "register")


def _value_text(value: object) -> str:
    if value is None or value == "" or value == []:
        return "–"
    if isinstance(value, list):
        return ", ".join(v if isinstance(v, str) else str(v.get("id", v)) for v in value)
    return str(value)


@safe_callback
def _edit(name: str) -> None:
    state = get_state()
    view = portfolio_view()
    record = current_store(state).get(name)
    view.draft = SystemDraft.of(record)
    show_draft(FORM_PREFIX, view.draft, FORM_FIELDS)
    view.section = SECTION_EDIT


@safe_callback
def _ask_remove(name: str) -> None:
    portfolio_view().confirm_remove = name


@safe_callback
def _remove(name: str) -> None:
    state = get_state()
    view = portfolio_view()
    view.confirm_remove = ""
    try:
        removed = current_store(state).remove(name, actor=actor())
    except ProcureError as exc:
        notify(state, "error", str(exc))
        return
    if view.draft.editing == removed.name:
        view.draft = SystemDraft()
        show_draft(FORM_PREFIX, view.draft, FORM_FIELDS)
    notify(state, "success", tr(state.ui_lang, "pf_removed", name=removed.name))
