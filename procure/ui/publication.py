"""The tender's status in the wizard (kladde → offentliggjort → tilbud åbnet → tildelt) and the
rule that a published tender stays as published (procure.tender.lifecycle).

The wizard keeps a loaded or published tender's status, version, publication record and
corrections in `WizardState.tender_extra`, as the tender file writes them. A change the officer
makes to a frozen part after publication stays in the draft as a pending correction: the
workspace's tender.yaml keeps the published version until the change is saved as a correction
(rettelsesblad) with its reason, or undone. No Streamlit here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from procure.formats import DANISH_TIME
from procure.i18n import Message
from procure.tender import parse_tender, resolve_tender
from procure.tender.lifecycle import (
    FrozenChange,
    broken_seal,
    change_rule,
    deadline_passed,
    frozen_changes,
    is_published,
    status_label,
)
from procure.tender.model import AWARDED, DRAFT, OPENED, PUBLISHED, Tender
from procure.tender.spec import TenderSpec
from procure.ui.state import WizardState, extra_data
from procure.ui.texts import tr


def now() -> dt.datetime:
    """Danish local time, as the tender's deadline is written (no zone)."""
    return dt.datetime.now(DANISH_TIME).replace(tzinfo=None)


def status_of(state: WizardState) -> str:
    return str(state.tender_extra.get("status", DRAFT))


def status_text(state: WizardState) -> str:
    """One line for every step: the status, and for a published tender its version, when it
    was published and how many corrections it has."""
    lang = state.ui_lang
    status = status_of(state)
    if status == DRAFT:
        return tr(lang, "status_draft")
    publication = state.tender_extra.get("publication") or {}
    return tr(
        lang,
        "status_published",
        status=status_label(status).text(lang),
        version=state.tender_extra.get("version", 1),
        at=str(publication.get("published_at", "")).replace("T", " "),
        count=len(state.tender_extra.get("amendments", ())),
    )


def frozen(tender: Tender, when: dt.datetime | None = None) -> bool:
    """Whether the frozen parts can no longer change at all: the bids are opened (§ 160), the
    tender is awarded, or the deadline for bids has passed."""
    if tender.status in (OPENED, AWARDED):
        return True
    return tender.status == PUBLISHED and _deadline_passed(tender, when or now())


def _deadline_passed(tender: Tender, when: dt.datetime) -> bool:
    return bool(tender.deadline) and deadline_passed(tender.deadline, when)


@dataclass(frozen=True)
class Pending:
    """Changes made to a published tender's frozen parts that are not in its file yet."""

    parts: tuple[str, ...]  # the frozen parts whose seal is broken
    changes: tuple[FrozenChange, ...]  # what changed, against the published file
    rule: Message | None  # why they cannot simply be saved (change_rule)
    can_amend: bool  # before the deadline and before any bid is opened: as a correction
    published: TenderSpec | None  # the published version (the workspace's tender.yaml)


def pending_changes(
    spec: TenderSpec, published_text: str | None, library, when: dt.datetime | None = None
) -> Pending | None:
    """What `spec` (the tender on screen) changes in the published tender's frozen parts, or
    None when it is a draft or changes none of them."""
    tender = spec.tender
    if not is_published(tender):
        return None
    parts = broken_seal(spec)
    if not parts:
        return None
    when = when or now()
    published = None
    changes: tuple[FrozenChange, ...] = ()
    if published_text is not None:
        published = resolve_tender(parse_tender(published_text, "tender.yaml"), library)
        changes = frozen_changes(published, spec, when)
    return Pending(
        parts=parts,
        changes=changes,
        rule=change_rule(tender, when),
        can_amend=tender.status == PUBLISHED
        and not _deadline_passed(tender, when)
        and published is not None,
        published=published,
    )


def with_status(state: WizardState, tender: Tender) -> None:
    """Take `tender`'s status, version, publication record and corrections into the state."""
    state.tender_extra = extra_data(tender)


def for_resolving(tender: Tender) -> Tender:
    """The tender with a title and buyer, so a draft without them still resolves."""
    return dataclasses.replace(
        tender,
        title=tender.title or "-",
        buyer=dataclasses.replace(tender.buyer, name=tender.buyer.name or "-"),
    )
