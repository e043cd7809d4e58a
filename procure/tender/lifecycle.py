"""A tender's way from draft to award, and the rule that a published tender stays as published.

Status: `kladde` → `offentliggjort` (publish) → `tilbud åbnet` (the first bid checked) →
`tildelt`. From publication the requirements (ids, kinds, weights, texts), the integrations,
the evaluation model, the price lines and the deadline are frozen: the buyer is bound by the
published material (udbudsloven §§ 160, 165). Before the deadline a change is possible only as
a correction (rettelsesblad) that records why and what changed and raises the version; after
the first bid is opened nothing of it can change (§ 160).

Pure functions over TenderSpec/Tender values; `now` is always passed in. The callers check the
evaluation model first (procure.award.evaluation_problems_for_spec: this layer is below it),
then write the returned Tender with procure.tender.save_tender or under the file lock.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from dataclasses import dataclass

from procure.errors import ProcureError
from procure.i18n import Message, t
from procure.tender.io import tender_to_data
from procure.tender.model import (
    AWARDED,
    DRAFT,
    OPENED,
    PUBLISHED,
    Amendment,
    Publication,
    Tender,
)
from procure.tender.spec import TenderSpec


@dataclass(frozen=True)
class FrozenChange:
    """One thing an edit would change in a frozen part of a published tender."""

    part: str  # one of procure.tender.model.FROZEN_PARTS
    what: Message  # e.g. "krav FKI-BRG-004: vægt 6 → 8"
    why: Message | None  # the rule in force (None for a draft: it may change freely)
    requirement_id: str | None = None

    def line(self) -> Message:
        if self.why is None:
            return self.what
        return t("{what} – {why}", what=self.what, why=self.why)


@dataclass(frozen=True)
class AnsweredVersion:
    """A response made on an earlier published version: which one, and what changed since."""

    version: int
    current: int
    requirement_ids: tuple[str, ...]  # added, removed or changed since, in correction order
    parts: tuple[str, ...]  # other frozen parts changed since (evaluation, price_lines, …)


# -- Status --------------------------------------------------------------------------------------


def is_published(tender: Tender) -> bool:
    """Whether the tender has been published (any status after the draft)."""
    return tender.status != DRAFT


def status_label(status: str) -> Message:
    """The status in words, in the language in force."""
    labels = {
        DRAFT: t("kladde"),
        PUBLISHED: t("offentliggjort"),
        OPENED: t("tilbud åbnet"),
        AWARDED: t("tildelt"),
    }
    return labels[status]


def status_line(tender: Tender) -> Message:
    """One line for every screen and `tender validate`: status, version, when, corrections."""
    if tender.publication is None:
        return t("status: kladde (ikke offentliggjort)")
    return t(
        "status: {status}, version {version} (offentliggjort {published_at}; rettelser: {count})",
        status=status_label(tender.status),
        version=tender.version,
        published_at=tender.publication.published_at.replace("T", " "),
        count=len(tender.amendments),
    )


def amendment_line(amendment: Amendment) -> Message:
    """One correction in words: version, when, why and what it changed."""
    changed = []
    if amendment.requirements_added:
        changed.append(t("krav tilføjet: {ids}", ids=", ".join(amendment.requirements_added)))
    if amendment.requirements_removed:
        changed.append(t("krav fjernet: {ids}", ids=", ".join(amendment.requirements_removed)))
    if amendment.requirements_changed:
        changed.append(t("krav ændret: {ids}", ids=", ".join(amendment.requirements_changed)))
    if amendment.parts_changed:
        changed.append(
            t(
                "ændret: {parts}",
                parts=_Joined([part_label(p) for p in amendment.parts_changed], ", "),
            )
        )
    return t(
        "rettelse {version} ({at}): {why} – {changes}",
        version=amendment.version,
        at=amendment.at.replace("T", " "),
        why=amendment.why,
        changes=_Joined(changed),
    )


def part_label(part: str) -> Message:
    labels = {
        "requirements": t("kravene"),
        "integrations": t("integrationerne"),
        "evaluation": t("evalueringsmodellen"),
        "price_lines": t("prislinjerne"),
        "deadline": t("tilbudsfristen"),
    }
    return labels[part]


# -- The seal: fingerprints of the frozen parts ---------------------------------------------------


def seal(spec: TenderSpec) -> tuple[tuple[str, str], ...]:
    """(part, fingerprint) of each frozen part. The requirements' is the response form's
    fingerprint (ids, order, effective kinds and weights, titles and texts as printed)."""
    return (("requirements", spec.fingerprint),) + tuple(
        (part, _digest(value)) for part, value in _frozen_data(spec.tender).items()
    )


def broken_seal(spec: TenderSpec) -> tuple[str, ...]:
    """The frozen parts of a published tender that no longer match its seal: changed in the
    file without a correction. Empty for a draft and for an intact published tender."""
    publication = spec.tender.publication
    if publication is None:
        return ()
    sealed = dict(publication.sealed)
    return tuple(part for part, value in seal(spec) if sealed.get(part) != value)


def broken_seal_message(spec: TenderSpec) -> Message | None:
    """The error `tender validate`, `build` and `check` give for a broken seal, or None."""
    parts = broken_seal(spec)
    if not parts:
        return None
    return t(
        "ændret efter offentliggørelse uden rettelsesblad: {parts} svarer ikke til version "
        "{version}. Gendan den offentliggjorte fil, læg ændringerne i en kopi, og kør 'procure "
        "tender amend UDBUD --from KOPI --why …'",
        parts=_Joined([part_label(p) for p in parts], ", "),
        version=spec.tender.version,
    )


# -- Publishing ----------------------------------------------------------------------------------


def publication_problems(spec: TenderSpec, now: dt.datetime) -> tuple[Message, ...]:
    """What keeps the tender from being published, besides the evaluation model's problems
    (which the caller checks with procure.award.evaluation_problems_for_spec)."""
    tender = spec.tender
    if is_published(tender):
        return (
            t(
                "udbuddet er allerede offentliggjort (version {version}); ændringer før "
                "tilbudsfristen sker som rettelse med 'procure tender amend'",
                version=tender.version,
            ),
        )
    if not tender.deadline:
        return (
            t(
                "udbuddet har ingen tilbudsfrist; angiv 'deadline' (fx 2027-01-15T12:00) før "
                "offentliggørelse"
            ),
        )
    if deadline_passed(tender.deadline, now):
        return (t("tilbudsfristen {deadline} er allerede passeret", deadline=tender.deadline),)
    return ()


def publish(spec: TenderSpec, now: dt.datetime) -> Tender:
    """The tender as published: status `offentliggjort`, version 1, sealed. ProcureError when
    `publication_problems` finds one."""
    problems = publication_problems(spec, now)
    if problems:
        raise ProcureError(problems[0])
    return dataclasses.replace(
        spec.tender,
        status=PUBLISHED,
        version=1,
        publication=Publication(
            published_at=_stamp(now), form_fingerprint=spec.fingerprint, sealed=seal(spec)
        ),
        amendments=(),
    )


def deadline_passed(deadline: str, now: dt.datetime) -> bool:
    """Whether `now` is at or after the deadline; a date without a time runs to the day's end."""
    if "T" in deadline:
        return now >= dt.datetime.fromisoformat(deadline)
    return now.date() > dt.date.fromisoformat(deadline)


# -- What may change -----------------------------------------------------------------------------


def change_rule(tender: Tender, now: dt.datetime) -> Message | None:
    """Why the frozen parts cannot simply be edited now (None: a draft, edit freely)."""
    if tender.status in (OPENED, AWARDED):
        return t(
            "tilbuddene er åbnet: kravene, evalueringsmodellen, vægtene og prislinjerne kan "
            "ikke længere ændres (udbudsloven § 160)"
        )
    if tender.status == PUBLISHED:
        if tender.deadline and deadline_passed(tender.deadline, now):
            return t(
                "tilbudsfristen {deadline} er udløbet: det offentliggjorte udbud kan ikke "
                "længere rettes",
                deadline=tender.deadline,
            )
        return t(
            "udbuddet er offentliggjort: før tilbudsfristen kan det kun ændres som en rettelse "
            "med begrundelse (rettelsesblad, 'procure tender amend')"
        )
    return None


def frozen_changes(
    published: TenderSpec, edited: TenderSpec, now: dt.datetime | None = None
) -> tuple[FrozenChange, ...]:
    """What `edited` changes in the frozen parts of `published`, each with the rule that
    applies (`why`, from `change_rule` at `now`; None when `now` is not given)."""
    why = change_rule(published.tender, now) if now is not None else None
    changes = [
        FrozenChange("requirements", what, why, rid)
        for rid, what in _requirement_changes(published, edited)
    ]
    old, new = _frozen_data(published.tender), _frozen_data(edited.tender)
    for part in old:
        if old[part] == new[part]:
            continue
        if part == "integrations":
            changes += [
                FrozenChange(part, t("integration {id} tilføjet", id=i), why)
                for i in new[part]
                if i not in old[part]
            ]
            changes += [
                FrozenChange(part, t("integration {id} fjernet", id=i), why)
                for i in old[part]
                if i not in new[part]
            ]
            continue
        changes += [
            FrozenChange(
                part,
                t("{path}: {old} → {new}", path=path, old=_shown(a), new=_shown(b)),
                why,
            )
            for path, a, b in _data_diff(part, old[part], new[part])
        ]
    return tuple(changes)


def amend(published: TenderSpec, edited: TenderSpec, why: str, now: dt.datetime) -> Tender:
    """The corrected tender: `edited`'s content as the next version of `published`, with the
    correction recorded (why, when, what changed, the new form's fingerprint) and re-sealed.

    ProcureError when the tender is a draft, its bids are opened (§ 160), the deadline has
    passed, the published file itself was changed, `why` is empty, `edited` is another tender,
    or nothing frozen changed. The caller checks `edited`'s evaluation model first."""
    tender = published.tender
    if not is_published(tender):
        raise ProcureError(
            t("udbuddet er ikke offentliggjort; en kladde rettes direkte i udbudsfilen")
        )
    if tender.status != PUBLISHED or (tender.deadline and deadline_passed(tender.deadline, now)):
        raise ProcureError(change_rule(tender, now))
    if broken_seal(published):
        raise ProcureError(broken_seal_message(published))
    if not why.strip():
        raise ProcureError(t("en rettelse skal have en begrundelse (--why)"))
    if edited.tender.id != tender.id:
        raise ProcureError(
            t(
                "den rettede fil hører til et andet udbud (udbuds-id {edited}, forventet "
                "{expected})",
                edited=edited.tender.id,
                expected=tender.id,
            )
        )
    changes = frozen_changes(published, edited)
    if not changes:
        raise ProcureError(
            t(
                "intet at rette: ingen af de offentliggjorte dele (kravene, integrationerne, "
                "evalueringsmodellen, prislinjerne, tilbudsfristen) er ændret"
            )
        )
    if not edited.tender.deadline or deadline_passed(edited.tender.deadline, now):
        raise ProcureError(
            t(
                "den rettede tilbudsfrist {deadline} er passeret eller mangler",
                deadline=edited.tender.deadline or "-",
            )
        )
    old_ids = [r.id for r in published.requirements]
    new_ids = [r.id for r in edited.requirements]
    changed_ids = {c.requirement_id for c in changes if c.requirement_id}
    version = tender.version + 1
    amendment = Amendment(
        version=version,
        at=_stamp(now),
        why=why.strip(),
        form_fingerprint=edited.fingerprint,
        requirements_added=tuple(r for r in new_ids if r not in set(old_ids)),
        requirements_removed=tuple(r for r in old_ids if r not in set(new_ids)),
        requirements_changed=tuple(r for r in new_ids if r in set(old_ids) and r in changed_ids),
        parts_changed=tuple(dict.fromkeys(c.part for c in changes if c.part != "requirements")),
        previous_deadline=tender.deadline if tender.deadline != edited.tender.deadline else None,
    )
    return dataclasses.replace(
        edited.tender,
        status=PUBLISHED,
        version=version,
        publication=dataclasses.replace(tender.publication, sealed=seal(edited)),
        amendments=tender.amendments + (amendment,),
    )


# -- Opening and award ---------------------------------------------------------------------------


def open_bids(tender: Tender, now: dt.datetime) -> Tender:
    """The tender once its first bid is checked or scored: `tilbud åbnet` (from then on nothing
    frozen can change). A draft, or a tender already opened, is returned as it is."""
    if tender.status != PUBLISHED:
        return tender
    return dataclasses.replace(
        tender,
        status=OPENED,
        publication=dataclasses.replace(tender.publication, opened_at=_stamp(now)),
    )


def mark_awarded(tender: Tender, now: dt.datetime) -> Tender:
    """The tender once the award decision is made: `tildelt`. A draft cannot be awarded."""
    if not is_published(tender):
        raise ProcureError(
            t("et udbud, der ikke er offentliggjort, kan ikke tildeles; offentliggør det først")
        )
    if tender.status == AWARDED:
        return tender
    publication = tender.publication
    return dataclasses.replace(
        tender,
        status=AWARDED,
        publication=dataclasses.replace(
            publication,
            opened_at=publication.opened_at or _stamp(now),
            awarded_at=_stamp(now),
        ),
    )


# -- Bids on an earlier version ------------------------------------------------------------------


def answered_version(tender: Tender, fingerprint: str | None) -> AnsweredVersion | None:
    """The earlier published version whose response form has `fingerprint`, with the
    requirements and parts changed by the corrections since; None when the fingerprint is the
    current form's, is no version's, or the tender has no corrections."""
    if tender.publication is None or fingerprint is None or not tender.amendments:
        return None
    history = [(1, tender.publication.form_fingerprint)] + [
        (a.version, a.form_fingerprint) for a in tender.amendments
    ]
    if fingerprint == history[-1][1]:
        return None
    matches = [version for version, value in history[:-1] if value == fingerprint]
    if not matches:
        return None
    version = max(matches)
    since = [a for a in tender.amendments if a.version > version]
    return AnsweredVersion(
        version=version,
        current=tender.version,
        requirement_ids=tuple(dict.fromkeys(rid for a in since for rid in a.requirement_ids)),
        parts=tuple(dict.fromkeys(part for a in since for part in a.parts_changed)),
    )


# -- Helpers -------------------------------------------------------------------------------------


def _stamp(now: dt.datetime) -> str:
    return now.replace(tzinfo=None).isoformat(timespec="minutes")


def _frozen_data(tender: Tender) -> dict[str, object]:
    """The frozen parts other than the requirements, as plain data in the file's own form
    (so the seal and the listed changes agree with what the file says)."""
    data = tender_to_data(tender)
    return {
        "integrations": sorted(tender.integrations),
        "evaluation": data["evaluation"],
        "price_lines": {line["id"]: line for line in data.get("price_lines", ())},
        "deadline": tender.deadline,
    }


def _digest(value: object) -> str:
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def _requirement_changes(published: TenderSpec, edited: TenderSpec):
    """(id, what) for each requirement added, removed or changed; the order when only it moved."""
    old = {r.id: r for r in published.requirements}
    new = {r.id: r for r in edited.requirements}
    found = []
    for rid, r in new.items():
        before = old.get(rid)
        if before is None:
            found.append((rid, t("krav {id} tilføjet", id=rid)))
            continue
        details = []
        if before.kind != r.kind:
            details.append(t("kravtype {old} → {new}", old=before.kind, new=r.kind))
        if before.weight != r.weight:
            details.append(t("vægt {old} → {new}", old=_shown(before.weight), new=_shown(r.weight)))
        if (before.title, before.text) != (r.title, r.text):
            details.append(t("teksten er ændret"))
        if details:
            found.append((rid, t("krav {id}: {details}", id=rid, details=_joined(details))))
    found += [(rid, t("krav {id} fjernet", id=rid)) for rid in old if rid not in new]
    if not found and published.fingerprint != edited.fingerprint:
        found.append((None, t("kravenes rækkefølge eller nummerering er ændret")))
    return found


class _Joined:
    """Messages joined in the language they are shown in."""

    def __init__(self, parts: list[Message], separator: str = "; "):
        self.parts = parts
        self.separator = separator

    def text(self, lang: str | None = None) -> str:
        return self.separator.join(part.text(lang) for part in self.parts)


def _joined(parts: list[Message]) -> _Joined:
    return _Joined(parts)


def _data_diff(path: str, old: object, new: object):
    """(path, old, new) for every leaf that differs between two plain-data values."""
    if isinstance(old, dict) and isinstance(new, dict):
        for key in list(old) + [k for k in new if k not in old]:
            yield from _data_diff(f"{path}.{key}", old.get(key), new.get(key))
    elif isinstance(old, list) and isinstance(new, list):
        for index in range(max(len(old), len(new))):
            a = old[index] if index < len(old) else None
            b = new[index] if index < len(new) else None
            yield from _data_diff(f"{path}[{index}]", a, b)
    elif old != new:
        yield path, old, new


def _shown(value: object) -> str:
    if value is None:
        return "–"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)
