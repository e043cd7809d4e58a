"""The form of one system in the portfolio, shared by the Portefølje step (add and edit) and the
Tilbud step ("register the winning bid"): what the officer typed, kept while the form is
refused, and read with the same rules as `procure portfolio add`.

What the officer types is kept in a `SystemDraft` (plain Python, in the session, never in a
widget alone): a form that is refused (an owner without e-mail, an end before the start, a
name in use, a locked database) shows every reason at once and keeps every field as typed.
Nothing is written until the whole record is valid, and then in one transaction by the store.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import streamlit as st

from procure.errors import ProcureError
from procure.evaluation import EvaluationResult
from procure.library.model import Library
from procure.portfolio.catalogue import integration_label
from procure.portfolio.records import (
    CRITICALITIES,
    SystemRecord,
    normalised,
    parse_owner,
    parse_role,
    record_problems,
)
from procure.tender.spec import TenderSpec
from procure.ui.portfolio import actor, current_store, portfolio_library
from procure.ui.session import get_state, notify, plain, safe_callback, session_object
from procure.ui.state import WizardState
from procure.ui.texts import tr
from procure.ui.workspace import TENDER_FILE, Workspace

# The fields of the form, in the order they are drawn
TEXT_FIELDS = (
    "name",
    "vendor",
    "vendor_cvr",
    "business_area",
    "owner",
    "channel",
    "kitos_uuid",
)
FORM_FIELDS = (
    "name",
    "vendor",
    "vendor_cvr",
    "business_area",
    "owner",
    "criticality",
    "channel",
    "integrations",
    "category",
    "kle",
    "contract_start",
    "contract_end",
    "roles",
    "notes",
    "kitos_uuid",
)
# The widest span of contract dates the date pickers offer
EARLIEST = dt.date(1980, 1, 1)
LATEST = dt.date(2100, 12, 31)


@dataclass
class SystemDraft:
    """What the officer has typed into a system form, as typed."""

    name: str = ""
    vendor: str = ""
    vendor_cvr: str = ""
    business_area: str = ""
    owner: str = ""  # "Name <mail>"
    criticality: str = "middel"
    channel: str = ""
    integrations: list[str] = field(default_factory=list)  # catalogue ids
    category: str = ""
    kle: list[str] = field(default_factory=list)
    contract_start: dt.date | None = None
    contract_end: dt.date | None = None
    roles: str = ""  # one "id|navn|beskrivelse" a line
    notes: str = ""
    kitos_uuid: str = ""
    editing: str | None = None  # the name of the system being edited; None: a new one
    original: SystemRecord | None = None  # the system as it was when the form was filled
    problems: list[str] = field(default_factory=list)  # why the last save was refused

    @classmethod
    def of(cls, record: SystemRecord) -> SystemDraft:
        """The form filled in with a stored system, to edit it."""
        return cls(
            name=record.name,
            vendor=record.vendor,
            vendor_cvr=record.vendor_cvr,
            business_area=record.business_area,
            owner=record.owner,
            criticality=record.criticality,
            channel=record.channel,
            integrations=list(record.integrations),
            category=record.category,
            kle=list(record.kle),
            contract_start=record.contract_start,
            contract_end=record.contract_end,
            roles="\n".join(
                "|".join(p for p in (r.id, r.name, r.description) if p) for r in record.roles
            ),
            notes=record.notes,
            kitos_uuid=record.kitos_uuid,
            editing=record.name,
            original=record,
        )


def record_from_draft(
    draft: SystemDraft, library: Library, lang: str, *, base: SystemRecord | None = None
) -> tuple[SystemRecord | None, list[str]]:
    """The record the form describes, or every reason it cannot be saved (the command line's
    rules: `records.record_problems`, with the owner as "Name <mail>"). `base` gives the
    fields the form does not have (the tender a registered bid came from)."""
    problems: list[str] = []
    skip: set[str] = set()
    owner_name = owner_email = ""
    try:
        owner_name, owner_email = parse_owner(draft.owner)
    except ProcureError as exc:
        problems.append(str(exc))
        skip.add("owner")
    if not draft.vendor.strip():
        problems.append(tr(lang, "pf_vendor_missing"))
    roles = []
    for line in draft.roles.splitlines():
        if line.strip():
            try:
                roles.append(parse_role(line))
            except ProcureError as exc:
                problems.append(str(exc))
    record = normalised(
        dataclasses.replace(
            base or SystemRecord(name=""),
            name=draft.name,
            vendor=draft.vendor,
            vendor_cvr=draft.vendor_cvr,
            integrations=tuple(draft.integrations),
            category=draft.category,
            business_area=draft.business_area,
            owner_name=owner_name,
            owner_email=owner_email,
            channel=draft.channel,
            criticality=draft.criticality,
            kle=tuple(draft.kle),
            contract_start=draft.contract_start,
            contract_end=draft.contract_end,
            roles=tuple(roles),
            notes=draft.notes,
            kitos_uuid=draft.kitos_uuid,
        )
    )
    problems += [str(p) for p in record_problems(record, library, skip=frozenset(skip))]
    return (None, problems) if problems else (record, [])


def changes_of(
    record: SystemRecord,
    original: SystemRecord | None = None,
    fields: Iterable[str] = FORM_FIELDS,
) -> dict:
    """The record fields a form sets, for `PortfolioStore.edit`: with `original` (the system as
    the form was filled from it), only those the officer changed, so that a change another
    tab made meanwhile to another field is kept."""
    changes = {}
    for name in fields:
        names = ("owner_name", "owner_email") if name == "owner" else (name,)
        for field_name in names:
            value = getattr(record, field_name)
            if original is None or getattr(original, field_name) != value:
                changes[field_name] = value
    return changes


# -- Drawing ----------------------------------------------------------------------------------


def draw_fields(
    prefix: str, draft: SystemDraft, fields: Sequence[str], library: Library, lang: str
) -> None:
    """The widgets of `fields`, showing the draft. A widget's value is taken from the draft
    only when Streamlit has none (the form was not drawn last run), so what the officer typed
    since is never overwritten; `show_draft` puts a changed draft into them."""
    for name in fields:
        key = prefix + name
        if key not in st.session_state:
            st.session_state[key] = getattr(draft, name)
        _FIELD_WIDGETS[name](key, draft, library, lang)


def take_fields(prefix: str, draft: SystemDraft, fields: Sequence[str]) -> None:
    """Copy what the form's widgets hold into the draft (in the submit button's callback)."""
    for name in fields:
        key = prefix + name
        if key in st.session_state:
            value = st.session_state[key]
            if name in ("integrations", "kle"):
                value = list(value or [])
            elif name in TEXT_FIELDS or name in ("roles", "notes"):
                value = "" if value is None else str(value)
            elif name in ("category",):
                value = value or ""
            setattr(draft, name, value)


def show_draft(prefix: str, draft: SystemDraft, fields: Sequence[str]) -> None:
    """Put the draft into the form's widgets (in a callback: before they are drawn)."""
    for name in fields:
        st.session_state[prefix + name] = getattr(draft, name)


def show_problems(lang: str, draft: SystemDraft) -> None:
    if draft.problems:
        st.error(
            tr(lang, "pf_not_saved")
            + "\n"
            + "\n".join(f"- {plain(problem)}" for problem in draft.problems)
        )


def _text(label: str, help_key: str | None = None, area: bool = False):
    def draw(key: str, draft: SystemDraft, library: Library, lang: str) -> None:
        widget = st.text_area if area else st.text_input
        widget(
            tr(lang, label),
            key=key,
            help=tr(lang, help_key) if help_key else None,
        )

    return draw


def _criticality(key: str, draft: SystemDraft, library: Library, lang: str) -> None:
    options = list(CRITICALITIES)
    if st.session_state.get(key) not in options:
        st.session_state[key] = "middel"
    st.selectbox(
        tr(lang, "pf_field_criticality"),
        options=options,
        format_func=lambda value: tr(lang, f"pf_criticality_{value}"),
        key=key,
    )


def _integrations(key: str, draft: SystemDraft, library: Library, lang: str) -> None:
    chosen = list(st.session_state.get(key) or [])
    options = [i.id for i in library.integrations]
    options += [i for i in chosen if i not in options]  # an unknown id stays visible

    def label(integration_id: str) -> str:
        if integration_id not in library.integrations_by_id:
            return tr(lang, "pf_unknown_integration", id=integration_id)
        return f"{integration_label(integration_id, library, lang)} · {integration_id}"

    st.multiselect(
        tr(lang, "pf_field_integrations"),
        options=options,
        format_func=label,
        key=key,
        placeholder=tr(lang, "pf_integrations_placeholder"),
        help=tr(lang, "pf_field_integrations_help"),
        select_all=False,  # Streamlit's "Select all" is English only
    )


def _category(key: str, draft: SystemDraft, library: Library, lang: str) -> None:
    current = st.session_state.get(key) or ""
    options = ["", *(c.code for c in library.categories)]
    if current not in options:
        options.append(current)

    def label(code: str) -> str:
        if not code:
            return tr(lang, "pf_no_category")
        category = library.categories_by_code.get(code)
        return f"{code} – {category.name.get(lang)}" if category else code

    st.selectbox(tr(lang, "pf_field_category"), options=options, format_func=label, key=key)


def _kle(key: str, draft: SystemDraft, library: Library, lang: str) -> None:
    chosen = list(st.session_state.get(key) or [])
    options = [k.number for k in library.kle_groups]
    options += [k for k in chosen if k not in options]

    def label(number: str) -> str:
        group = library.kle_by_number.get(number)
        return f"{number} – {group.title}" if group else number

    st.multiselect(
        tr(lang, "pf_field_kle"),
        options=options,
        format_func=label,
        key=key,
        placeholder=tr(lang, "pf_kle_placeholder"),
        select_all=False,
    )


def _date(label: str):
    def draw(key: str, draft: SystemDraft, library: Library, lang: str) -> None:
        st.date_input(
            tr(lang, label),
            value=None,
            min_value=EARLIEST,
            max_value=LATEST,
            format="DD.MM.YYYY" if lang == "da" else "YYYY-MM-DD",
            key=key,
            help=tr(lang, "date_help"),
        )

    return draw


_FIELD_WIDGETS = {
    "name": _text("pf_field_name"),
    "vendor": _text("pf_field_vendor"),
    "vendor_cvr": _text("pf_field_cvr"),
    "business_area": _text("pf_field_business_area", "pf_field_business_area_help"),
    "owner": _text("pf_field_owner", "pf_field_owner_help"),
    "criticality": _criticality,
    "channel": _text("pf_field_channel", "pf_field_channel_help"),
    "integrations": _integrations,
    "category": _category,
    "kle": _kle,
    "contract_start": _date("pf_field_contract_start"),
    "contract_end": _date("pf_field_contract_end"),
    "roles": _text("pf_field_roles", "pf_field_roles_help", area=True),
    "notes": _text("pf_field_notes", area=True),
    "kitos_uuid": _text("pf_field_kitos_uuid"),
}


# -- The Tilbud step: register the winning bid --------------------------------------------------

REGISTER_PREFIX = "reg_"
REGISTER_KEY = "procure_register_bid"
REGISTER_FIELDS = (
    "name",
    "vendor",
    "vendor_cvr",
    "business_area",
    "owner",
    "criticality",
    "channel",
    "contract_start",
    "contract_end",
)


@dataclass
class RegisterDraft:
    """The "register the winning bid" form: which bid, and the system as typed."""

    source: str = ""  # the winning bid's file (EvaluationResult.source)
    system: SystemDraft = field(default_factory=SystemDraft)


def register_winning_bid_form(
    state: WizardState, spec: TenderSpec, results: Sequence[EvaluationResult]
) -> None:
    """On the Tilbud step: the chosen bid becomes a system in the portfolio, as `procure
    portfolio register` does. Its integrations are the tender's minus those the bid did not
    meet (named in the form), its vendor the bid's; the officer adds name, business area,
    owner and criticality. Written at once, with the tender it came from."""
    if not results:
        return
    lang = state.ui_lang
    draft = session_object(REGISTER_KEY, RegisterDraft)
    sources = [r.source for r in results]
    if draft.source not in sources:
        _choose_bid(draft, results[0], state)
    with st.expander(tr(lang, "reg_heading"), icon=":material/inventory_2:"):
        st.caption(tr(lang, "reg_intro"))
        by_source = {r.source: r for r in results}
        st.selectbox(
            tr(lang, "reg_bid"),
            options=sources,
            format_func=lambda source: f"{by_source[source].vendor} ({source})",
            key="reg_bid",
            index=sources.index(draft.source),
            on_change=_bid_chosen,
            args=(tuple(results),),
        )
        result = by_source[draft.source]
        library = portfolio_library(state)
        kept, not_met = registered_integrations(spec, result)
        names = ", ".join(integration_label(i, library, lang) for i in kept) or "–"
        st.markdown(plain(tr(lang, "reg_integrations", names=names)))
        if not_met:
            missing = ", ".join(integration_label(i, library, lang) for i in not_met)
            st.warning(plain(tr(lang, "reg_not_met", names=missing)))
        if not result.compliant:
            st.warning(tr(lang, "reg_not_compliant"))
        with st.form("reg_form", border=False):
            left, right = st.columns(2)
            with left:
                draw_fields(REGISTER_PREFIX, draft.system, REGISTER_FIELDS[:5], library, lang)
            with right:
                draw_fields(REGISTER_PREFIX, draft.system, REGISTER_FIELDS[5:], library, lang)
            st.form_submit_button(
                tr(lang, "reg_submit"),
                type="primary",
                key="reg_submit",
                on_click=_register,
                args=(spec, result),
            )
        show_problems(lang, draft.system)


def registered_integrations(
    spec: TenderSpec, result: EvaluationResult
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The tender's integrations the bid meets (registered), and those it does not."""
    not_met = tuple(i.id for i in spec.integrations if i.id in result.integrations_missing)
    kept = tuple(i.id for i in spec.integrations if i.id not in not_met)
    return kept, not_met


def _choose_bid(draft: RegisterDraft, result: EvaluationResult, state: WizardState) -> None:
    draft.source = result.source
    draft.system.vendor = result.vendor
    draft.system.vendor_cvr = _vendor_cvr(state, result.source)
    draft.system.problems = []
    show_draft(REGISTER_PREFIX, draft.system, ("vendor", "vendor_cvr"))


def _vendor_cvr(state: WizardState, source: str) -> str:
    """The CVR number the bid's file gives, if the Tilbud step has read it."""
    for item in state.check.read_value or ():
        response = getattr(item, "response", None)
        if response is not None and getattr(response, "source", None) == source:
            return getattr(response.vendor, "cvr", "") or ""
    return ""


def _tender_file(tender_id: str) -> str:
    """Where the wizard keeps the tender's tender.yaml (its workspace folder)."""
    try:
        return str(Workspace().tender_folder(tender_id) / TENDER_FILE)
    except ProcureError:  # an id the workspace would not use as a folder name
        return ""


@safe_callback
def _bid_chosen(results: tuple[EvaluationResult, ...]) -> None:
    state = get_state()
    draft = session_object(REGISTER_KEY, RegisterDraft)
    source = st.session_state.get("reg_bid")
    chosen = next((r for r in results if r.source == source), None)
    if chosen is not None:
        _choose_bid(draft, chosen, state)


@safe_callback
def _register(spec: TenderSpec, result: EvaluationResult) -> None:
    state = get_state()
    lang = state.ui_lang
    draft = session_object(REGISTER_KEY, RegisterDraft)
    system = draft.system
    take_fields(REGISTER_PREFIX, system, REGISTER_FIELDS)
    library = portfolio_library(state)
    kept, _ = registered_integrations(spec, result)
    system.integrations = list(kept)
    system.category = spec.tender.category or ""
    system.kle = list(spec.tender.kle)
    base = SystemRecord(
        name="",
        tender_id=spec.tender.id,
        tender_file=_tender_file(spec.tender.id),
        library_version=spec.library_version,
    )
    record, problems = record_from_draft(system, library, lang, base=base)
    if record is None:
        system.problems = problems
        return
    try:
        stored = current_store(state).add(record, actor=actor(), action="register")
    except ProcureError as exc:
        system.problems = [str(exc)]
        return
    notify(
        state,
        "success",
        tr(
            lang,
            "reg_done",
            name=stored.name,
            integrations=", ".join(stored.integrations) or "–",
        ),
    )
    draft.system = SystemDraft(vendor=system.vendor, vendor_cvr=system.vendor_cvr)
    show_draft(REGISTER_PREFIX, draft.system, REGISTER_FIELDS)
