"""The wizard's data: one plain object per session, kept whatever step is on screen.

Streamlit forgets a widget's value when the widget is not drawn, so nothing the officer enters
lives only in a widget. Requirement changes are kept per id as overrides of the library's
proposal: changing the category or the integrations re-proposes the list, and the officer's
changes still apply to every requirement they touched. No Streamlit here, so this is testable
on its own.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import re
import uuid
from dataclasses import dataclass, field

from procure.award.model import default_evaluation
from procure.evaluation.overrides import Overrides
from procure.library.model import Library, Requirement
from procure.tender import (
    CustomRequirement,
    EvaluationModel,
    SelectedRequirement,
    Tender,
    propose_tender,
)
from procure.tender.io import tender_from_data, tender_to_data
from procure.tender.model import CUSTOM_PREFIX, LOCAL_AREA, Buyer, PriceLine
from procure.tender.resolve import area_keys

CVR_PATTERN = re.compile(r"\d{8}")


@dataclass
class RequirementChoice:
    """The officer's change to one library requirement; None everywhere means "as proposed"."""

    include: bool | None = None  # None: included exactly when the library proposes it
    kind: str | None = None  # None: the library's kind
    weight: int | None = None  # PK weight; None: the library's weight

    @property
    def is_default(self) -> bool:
        return self.include is None and self.kind is None and self.weight is None

    @property
    def changes_kind_or_weight(self) -> bool:
        return self.kind is not None or self.weight is not None


# The officer's own requirements are the tender's local requirements (id LOKAL-n).
LocalRequirement = CustomRequirement


@dataclass(frozen=True)
class UploadedFile:
    """A file the officer uploaded, kept here because the uploader forgets it between steps."""

    name: str
    data: bytes

    @functools.cached_property
    def digest(self) -> str:
        """SHA-256 of the bytes, computed once: every rerun compares the bids by it."""
        return hashlib.sha256(self.data).hexdigest()


@dataclass
class OverrideDraft:
    """What the officer is entering in one vendor's override form, kept until it is saved."""

    requirement_id: str | None = None  # None: the first PK in the list
    points: str = ""  # as typed: a decimal comma is fine
    justification: str = ""
    message: Notice | None = None  # how the last save went, shown once in the form


@dataclass
class EntryDraft:
    """What an evaluator is entering in one of the Tilbud step's forms (a decision on a
    reservation, a confirmation, points, a consensus), kept until it is saved: the officer may
    visit another step or switch language half-way."""

    vendor: str | None = None  # None: the form's first
    requirement_id: str | None = None  # None: the form's first (or next to do)
    choice: str = ""  # a reservation decision, or "yes"/"no" for compliance
    points: str = ""  # as typed: a decimal comma is fine
    price: str = ""
    why: str = ""
    message: Notice | None = None  # how the last save went, shown once in the form


@dataclass
class LocalDraft:
    """A local requirement being written in step 5, kept until it is added: the officer may
    visit another step or switch language half-way."""

    area: str = LOCAL_AREA  # "Lokale krav", or a library area the officer chose
    kind: str = "K"
    weight: int | None = None
    title: str = ""
    text: str = ""
    guidance: str = ""
    problems: str = ""  # why the last "add" was refused, shown once under the fields


@dataclass
class CheckState:
    """Step 8: the vendors' files for the tender on screen and the evaluators' overrides."""

    responses: list[UploadedFile] = field(default_factory=list)
    upload_round: int = 0  # bumped to give the uploaders a fresh, empty widget
    # Manual point overrides per tender id: checking against another tender never applies them
    evaluations: dict[str, Overrides] = field(default_factory=dict)
    evaluator: str = ""  # who makes the overrides; kept for the next one
    drafts: dict[str, OverrideDraft] = field(default_factory=dict)  # per vendor form
    # The other forms' drafts: "decision:<vendor key>", "confirm:<vendor key>", "score",
    # "consensus"
    entries: dict[str, EntryDraft] = field(default_factory=dict)
    # A loaded evaluation file that would drop overrides made here: waits for confirmation
    pending_evaluation: Overrides | None = None
    pending_evaluation_name: str = ""
    evaluation_notice: Notice | None = None  # how loading an evaluation file went, shown once
    read_key: tuple | None = field(default=None, repr=False)
    read_value: object = field(default=None, repr=False)
    cache_key: tuple | None = field(default=None, repr=False)
    cache_value: object = field(default=None, repr=False)
    award_key: tuple | None = field(default=None, repr=False)
    award_value: object = field(default=None, repr=False)


@dataclass(frozen=True)
class Notice:
    """A message to show once at the top of the next page (a callback cannot draw)."""

    level: str  # "success", "info", "warning" or "error"
    text: str


@dataclass
class SavedMarks:
    """What this session last saved to (or read from) the workspace, to tell a change made here
    from one made in another tab."""

    content: str | None = None  # the draft content as last saved or loaded (JSON text)
    revision: int | None = None  # its revision on disk; None: not saved yet
    step: int | None = None  # the step saved with it (a refresh comes back to it)
    stamp: tuple | None = None  # the draft file's (mtime, size) when this tab last looked
    check_stamp: tuple | None = None  # the same for the bids' manifest and the evaluation
    bids: tuple | None = None  # (name, digest) of the bids as last saved
    evaluations: dict[str, str] = field(default_factory=dict)  # tender id -> evaluation text
    restored: bool = False  # the address's tender was looked up once for this session


@dataclass
class WizardState:
    ui_lang: str = "da"
    step: int = 0
    # Udbud (step 2, pages/udbud.py); the category is chosen on System (step 3)
    tender_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    title: str = ""
    buyer: str = ""
    cvr: str = ""
    case_number: str = ""
    date: str = field(default_factory=lambda: dt.date.today().isoformat())
    deadline: str = ""  # tilbudsfrist: "" (none), "2027-01-15" or "2027-01-15T12:00"
    doc_lang: str = "da"
    library_version: str | None = None
    category: str | None = None
    # Integrationer and System (steps 4 and 3): None means "follow the category's recommendation"
    integrations: list[str] | None = None
    kle: list[str] | None = None
    # Krav (step 5, pages/krav/)
    choices: dict[str, RequirementChoice] = field(default_factory=dict)
    local: list[LocalRequirement] = field(default_factory=list)
    next_local_number: int = 1
    area_filter: str = ""
    local_draft: LocalDraft = field(default_factory=LocalDraft)
    confirm_reset: bool = False
    last_proposed: tuple[str, ...] | None = None
    # Evaluering (step 6, pages/evaluering/): the published evaluation model and the price
    # lines, exactly as the tender file has them. None: procure's default for the tender's PKs
    # (procure.award.default_evaluation), which follows the Krav step until the officer
    # confirms or changes it. The annex number is set on Udbud
    evaluation: EvaluationModel | None = None
    price_lines: tuple[PriceLine, ...] | None = None
    annex: int = 3
    # What a loaded tender file holds that no step edits (its status and publication record):
    # the file's own data, written back unchanged
    tender_extra: dict = field(default_factory=dict)
    # Start (step 1): a loaded tender waiting for the officer to confirm replacing their work
    pending_tender: Tender | None = None
    pending_source: str = ""  # the file (or pasted text) it came from, named in messages
    tender_paste: str = ""  # the paste box's text, kept while the officer visits other steps
    upload_round: int = 0
    # Tilbud (step 8, pages/tilbud/)
    check: CheckState = field(default_factory=CheckState)
    # Messages and caches
    notices: list[Notice] = field(default_factory=list)
    saved: SavedMarks = field(default_factory=SavedMarks, repr=False)
    confirm_delete: str | None = None  # a saved tender the officer asked to delete
    documents_cache: tuple | None = field(default=None, repr=False)

    def has_work(self) -> bool:
        """Whether loading another tender would replace something the officer entered."""
        return bool(
            self.title.strip()
            or self.buyer.strip()
            or self.case_number.strip()
            or self.category
            or any(not c.is_default for c in self.choices.values())
            or self.local
        )

    @property
    def cvr_valid(self) -> bool:
        return not self.cvr.strip() or bool(CVR_PATTERN.fullmatch(self.cvr.strip()))


# -- What the library advises, and what the officer chose -------------------------------------


def recommended_integrations(state: WizardState, library: Library) -> list[str]:
    category = library.categories_by_code.get(state.category or "")
    return list(category.recommended_integrations) if category else []


def recommended_kle(state: WizardState, library: Library) -> list[str]:
    category = library.categories_by_code.get(state.category or "")
    return list(category.recommended_kle) if category else []


def chosen_integrations(state: WizardState, library: Library) -> list[str]:
    """The officer's integrations in catalogue order (unknown ids last, never dropped)."""
    if state.integrations is None:
        wanted = recommended_integrations(state, library)
    else:
        wanted = list(state.integrations)
    known = [i.id for i in library.integrations if i.id in wanted]
    return known + [i for i in wanted if i not in library.integrations_by_id]


def chosen_kle(state: WizardState, library: Library) -> list[str]:
    wanted = recommended_kle(state, library) if state.kle is None else list(state.kle)
    known = [k.number for k in library.kle_groups if k.number in wanted]
    return known + [k for k in wanted if k not in library.kle_by_number]


def set_integrations(state: WizardState, library: Library, ids: list[str]) -> None:
    """Keep the choice; remember "follows the recommendation" when it equals it."""
    state.integrations = (
        None if set(ids) == set(recommended_integrations(state, library)) else list(ids)
    )


def set_kle(state: WizardState, library: Library, numbers: list[str]) -> None:
    state.kle = None if set(numbers) == set(recommended_kle(state, library)) else list(numbers)


def required_by(library: Library, chosen: list[str], integration_id: str) -> list[str]:
    """The chosen integrations that need `integration_id` (directly or further down)."""
    return [
        other
        for other in chosen
        if other != integration_id and integration_id in library.integration_closure([other])
    ]


# -- Requirements: the proposal with the officer's changes applied ----------------------------


@dataclass(frozen=True)
class RequirementRow:
    """One library requirement as step 5, Krav, shows it."""

    id: str
    requirement: Requirement | None  # None: the id is not in this library version
    proposed: bool
    included: bool
    kind: str  # effective kind
    weight: int | None  # effective weight (None when not PK or missing)
    changed: bool  # the officer changed kind, weight or inclusion


def propose(state: WizardState, library: Library) -> Tender:
    """The library's proposal for what the officer said in steps 1 and 2 (ProcureError on an
    unknown category, integration or KLE group)."""
    return propose_tender(
        library,
        title=state.title,
        buyer=state.buyer,
        category=state.category or "",
        integrations=chosen_integrations(state, library),
        kle=chosen_kle(state, library),
        language=state.doc_lang,
        cvr=state.cvr.strip() or None,
        case_number=state.case_number,
        date=state.date,
        tender_id=state.tender_id,
    )


def requirement_rows(
    state: WizardState, library: Library, proposal: Tender
) -> list[RequirementRow]:
    """Proposed requirements plus those the officer added, in library order; requirements the
    library no longer knows come last."""
    proposed = {r.id for r in proposal.requirements}
    shown = proposed | {rid for rid, c in state.choices.items() if c.include}
    rows = [
        _row(r.id, r, r.id in proposed, state.choices.get(r.id))
        for r in library.requirements
        if r.id in shown
    ]
    unknown = sorted(rid for rid in shown if rid not in library.requirements_by_id)
    rows.extend(_row(rid, None, False, state.choices.get(rid)) for rid in unknown)
    return rows


def orphaned_changes(state: WizardState, library: Library, proposal: Tender) -> list[str]:
    """Ids whose kind or weight the officer changed but which are no longer proposed (after a
    change of category or integrations) and so are not in the tender."""
    proposed = {r.id for r in proposal.requirements}
    return [
        rid
        for rid, choice in state.choices.items()
        if rid not in proposed and not choice.include and choice.changes_kind_or_weight
    ]


def set_included(state: WizardState, requirement_id: str, include: bool, proposed: bool) -> None:
    choice = state.choices.setdefault(requirement_id, RequirementChoice())
    choice.include = None if include == proposed else include
    _forget_if_default(state, requirement_id)


def set_kind(state: WizardState, requirement: Requirement, kind: str) -> None:
    choice = state.choices.setdefault(requirement.id, RequirementChoice())
    choice.kind = None if kind == requirement.kind else kind
    _forget_if_default(state, requirement.id)


def set_weight(state: WizardState, requirement: Requirement, weight: int | None) -> None:
    choice = state.choices.setdefault(requirement.id, RequirementChoice())
    choice.weight = None if weight is None or weight == requirement.weight else int(weight)
    _forget_if_default(state, requirement.id)


def changed_count(state: WizardState) -> int:
    return sum(1 for c in state.choices.values() if not c.is_default)


def selected_requirements(
    state: WizardState, library: Library, proposal: Tender
) -> tuple[SelectedRequirement, ...]:
    """What goes into tender.yaml: included requirements with the officer's kind and weight."""
    selected = []
    for row in requirement_rows(state, library, proposal):
        if not row.included:
            continue
        choice = state.choices.get(row.id, RequirementChoice())
        weight = choice.weight if row.kind == "PK" else None
        selected.append(SelectedRequirement(row.id, choice.kind, weight))
    return tuple(selected)


def add_local(
    state: WizardState,
    area: str,
    title: str,
    text: str,
    kind: str,
    weight: int | None,
    guidance: str = "",
) -> LocalRequirement:
    local = LocalRequirement(
        id=f"{CUSTOM_PREFIX}{state.next_local_number}",
        area=area,
        title=title.strip(),
        text=text.strip(),
        kind=kind,
        weight=weight if kind == "PK" else None,
        guidance=guidance.strip(),
    )
    state.next_local_number += 1
    state.local.append(local)
    return local


def update_local(state: WizardState, local_id: str, **changes: object) -> None:
    """Change a local requirement's area, title, text, kind, weight or guidance in place (its
    id and its place in the list stay); only a PK keeps a weight."""
    for index, item in enumerate(state.local):
        if item.id == local_id:
            changed = dataclasses.replace(item, **changes)
            if changed.kind != "PK" and changed.weight is not None:
                changed = dataclasses.replace(changed, weight=None)
            state.local[index] = changed
            return


def remove_local(state: WizardState, local_id: str) -> None:
    state.local = [r for r in state.local if r.id != local_id]


# -- The tender file ---------------------------------------------------------------------------


def build_tender(state: WizardState, library: Library) -> Tender:
    """The officer's tender as procure's Tender (not yet validated: see resolve_tender)."""
    import dataclasses

    proposal = propose(state, library)
    tender = dataclasses.replace(
        proposal,
        title=state.title.strip(),
        buyer=Buyer(state.buyer.strip(), state.cvr.strip() or None),
        case_number=state.case_number.strip(),
        requirements=selected_requirements(state, library, proposal),
        custom_requirements=tuple(r for r in state.local),
        annex=state.annex,
        deadline=state.deadline or None,
    )
    if state.evaluation is None or state.price_lines is None:
        default, lines = default_evaluation(pk_weights(tender, library), tender.language)
        tender = dataclasses.replace(
            tender,
            evaluation=default if state.evaluation is None else state.evaluation,
            price_lines=lines if state.price_lines is None else state.price_lines,
        )
    else:
        tender = dataclasses.replace(
            tender, evaluation=state.evaluation, price_lines=state.price_lines
        )
    if state.tender_extra:
        # Through the file's own data: the kept parts become the Tender's again.
        tender = tender_from_data({**tender_to_data(tender), **state.tender_extra})
    return tender


def pk_weights(tender: Tender, library: Library) -> list[tuple[str, int | None]]:
    """The tender's PKs with their effective weights, in the order the tender's documents
    number them (by the library's areas, then "Lokale krav"; local requirements last in
    their area), as
    resolve_tender gives them, without resolving (no stamps to compute)."""
    by_area: dict[str, list[tuple[str, int | None]]] = {k: [] for k in area_keys(library)}
    for selected in tender.requirements:
        requirement = library.requirements_by_id.get(selected.id)
        if requirement is None or requirement.area not in by_area:
            continue
        if (selected.kind or requirement.kind) == "PK":
            weight = selected.weight if selected.weight is not None else requirement.weight
            by_area[requirement.area].append((selected.id, weight))
    for local in tender.custom_requirements:
        if local.kind == "PK" and local.area in by_area:
            by_area[local.area].append((local.id, local.weight))
    return [pair for pairs in by_area.values() for pair in pairs]


# The tender file's keys the wizard's steps edit; any other key of a loaded file (its status,
# publication and corrections) is kept in `tender_extra` and written back as it was.
WIZARD_KEYS = (
    "id",
    "title",
    "buyer",
    "case_number",
    "date",
    "deadline",
    "language",
    "library_version",
    "category",
    "kle",
    "integrations",
    "requirements",
    "custom_requirements",
    "evaluation",
    "price_lines",
    "annex",
)


def extra_data(tender: Tender) -> dict:
    """What the tender file holds beyond the wizard's keys, as the file's data."""
    return {k: v for k, v in tender_to_data(tender).items() if k not in WIZARD_KEYS}


# The fields a loaded tender replaces; the language, step and step-8 (Tilbud) files stay.
TENDER_FIELDS = (
    "tender_id",
    "title",
    "buyer",
    "cvr",
    "case_number",
    "date",
    "deadline",
    "doc_lang",
    "library_version",
    "category",
    "integrations",
    "kle",
    "choices",
    "local",
    "next_local_number",
    "evaluation",
    "price_lines",
    "annex",
    "tender_extra",
)


def load_tender(state: WizardState, tender: Tender, library: Library) -> None:
    """Replace the officer's work with a loaded tender, all or nothing (ProcureError leaves the
    state as it was)."""
    loaded = state_from_tender(tender, library)
    for name in TENDER_FIELDS:
        setattr(state, name, getattr(loaded, name))
    state.last_proposed = None
    state.confirm_reset = False
    state.area_filter = ""
    state.documents_cache = None


def state_from_tender(tender: Tender, library: Library) -> WizardState:
    """A tender as wizard data: its requirements become overrides of the library's proposal, so
    building it again gives the same requirements."""
    state = WizardState(
        tender_id=tender.id,
        title=tender.title,
        buyer=tender.buyer.name,
        cvr=tender.buyer.cvr or "",
        case_number=tender.case_number,
        date=tender.date,
        deadline=tender.deadline or "",
        doc_lang=tender.language,
        library_version=tender.library_version,
        category=tender.category,
        evaluation=tender.evaluation,
        price_lines=tender.price_lines,
        annex=tender.annex,
        tender_extra=extra_data(tender),
    )
    set_integrations(state, library, list(tender.integrations))
    set_kle(state, library, list(tender.kle))
    proposed = {r.id for r in propose(state, library).requirements}
    selected = {r.id for r in tender.requirements}
    for r in tender.requirements:
        state.choices[r.id] = RequirementChoice(
            include=None if r.id in proposed else True, kind=r.kind, weight=r.weight
        )
        _forget_if_default(state, r.id)
    for rid in sorted(proposed - selected):
        state.choices[rid] = RequirementChoice(include=False)
    state.local = list(tender.custom_requirements)
    numbers = [
        int(c.id.removeprefix(CUSTOM_PREFIX))
        for c in tender.custom_requirements
        if c.id.removeprefix(CUSTOM_PREFIX).isdigit()
    ]
    state.next_local_number = max(numbers, default=0) + 1
    return state


# -- Step 8, Tilbud: evaluator overrides -----------------------------------------------------------


def overrides_for(check: CheckState, tender_id: str) -> Overrides:
    """The overrides made for this tender; those of another tender are never returned."""
    kept = check.evaluations.get(tender_id)
    if kept is None or kept.tender_id != tender_id:
        return Overrides(tender_id)
    return kept


def keep_overrides(check: CheckState, overrides: Overrides) -> None:
    """Keep the overrides under their tender (append_override sets it)."""
    if not overrides.tender_id:
        raise ValueError("overrides without a tender id cannot be kept")
    check.evaluations[overrides.tender_id] = overrides


def offer_overrides(check: CheckState, tender_id: str, loaded: Overrides, name: str) -> bool:
    """Take the overrides of an evaluation file already checked against this tender.

    True when they are kept now; False when they would drop overrides made in this session
    (the file lacks some of them), so they wait in `pending_evaluation` for confirmation.
    """
    import dataclasses

    loaded = dataclasses.replace(loaded, tender_id=tender_id)  # a file without an id adopts it
    current = overrides_for(check, tender_id).entries
    check.pending_evaluation, check.pending_evaluation_name = None, ""
    if loaded.entries[: len(current)] == current:
        keep_overrides(check, loaded)
        return True
    check.pending_evaluation, check.pending_evaluation_name = loaded, name
    return False


def confirm_pending_overrides(check: CheckState) -> Overrides | None:
    """Keep the waiting evaluation file's overrides (replacing this tender's); None if none."""
    loaded, check.pending_evaluation = check.pending_evaluation, None
    check.pending_evaluation_name = ""
    if loaded is not None:
        keep_overrides(check, loaded)
    return loaded


def total_pk_weight(rows: list[RequirementRow], local: list[LocalRequirement]) -> int:
    """The sum of the weights of the included prioritised requirements (library and local)."""
    return sum(r.weight or 0 for r in rows if r.included and r.kind == "PK") + sum(
        r.weight or 0 for r in local if r.kind == "PK"
    )


def kind_counts(kinds) -> dict[str, int]:
    counts = {"MK": 0, "PK": 0, "K": 0, "O": 0}
    for kind in kinds:
        counts[kind] = counts.get(kind, 0) + 1
    return counts


def _row(
    rid: str, requirement: Requirement | None, proposed: bool, choice: RequirementChoice | None
) -> RequirementRow:
    choice = choice or RequirementChoice()
    included = proposed if choice.include is None else choice.include
    default_kind = requirement.kind if requirement else "K"
    kind = choice.kind or default_kind
    weight = None
    if kind == "PK":
        weight = choice.weight
        if weight is None and requirement is not None:
            weight = requirement.weight
    return RequirementRow(
        id=rid,
        requirement=requirement,
        proposed=proposed,
        included=included,
        kind=kind,
        weight=weight,
        changed=not choice.is_default,
    )


def _forget_if_default(state: WizardState, requirement_id: str) -> None:
    choice = state.choices.get(requirement_id)
    if choice is not None and choice.is_default:
        del state.choices[requirement_id]
