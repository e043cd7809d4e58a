"""Evaluator overrides: a person sets a PK's points by hand, always with a written reason.

They live in an evaluation file beside the tender (`<tender>.evaluation.yaml`): who, when,
old and new value, why. Entries are only ever appended: the history of every change stays
readable. The functions here are pure (text in, data out); `load_overrides` and
`add_override` are the file-level edges the CLI uses (the latter under the file's lock), the
wizard uses the pure ones.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml

from procure.award.consensus import (
    ConsensusScore,
    EvaluatorScore,
    ScoreChange,
    change_data,
    consensus_points,
)
from procure.errors import ProcureError
from procure.files import update_text_file
from procure.i18n import current_language, t
from procure.tender.spec import TenderSpec
from procure.yamlio import load_yaml_text, read_text_file

EVALUATION_HEADER = (
    "# procure evaluation file: manual point overrides and the buyer's decisions on "
    "reservations, newest last. Do not delete entries.\n"
)


@dataclass(frozen=True)
class Override:
    vendor: str
    requirement_id: str
    points: Decimal
    old_points: Decimal | None  # the value it replaced (computed or earlier override); None if
    # the computed value was not known when the override was made
    justification: str
    by: str
    at: str  # ISO 8601 time, UTC


RESERVATION_DECISIONS = ("priced", "unpriceable", "fundamental")


@dataclass(frozen=True)
class ReservationDecision:
    """The buyer's decision on a reservation: its price, or that it cannot be priced or
    touches a fundamental element (either rejects the bid). DOMAIN.md section 5."""

    vendor: str
    requirement_id: str
    decision: str  # one of RESERVATION_DECISIONS
    price: Decimal | None  # the buyer's price, for "priced"
    justification: str
    by: str
    at: str  # ISO 8601 time, UTC


@dataclass(frozen=True)
class Confirmation:
    """A person's decision on a bid's compliance (konditionsmæssighed), with the reason; it
    counts over procure's proposal, also when it differs (a reservation the buyer prices, one
    that touches a fundamental element)."""

    vendor: str
    compliant: bool
    why: str
    by: str
    at: str  # ISO 8601 time, UTC


@dataclass(frozen=True)
class Overrides:
    """Everything the evaluation file holds: point overrides, the buyer's decisions on
    reservations, the evaluators' own scores, the committee's consensus scores, the persons'
    confirmations of compliance, and the log of every score set or changed."""

    tender_id: str | None = None
    entries: tuple[Override, ...] = ()
    reservation_decisions: tuple[ReservationDecision, ...] = ()
    scores: tuple[EvaluatorScore, ...] = ()  # current points, one per vendor/requirement/evaluator
    consensus: tuple[ConsensusScore, ...] = ()  # current points, one per vendor/requirement
    confirmations: tuple[Confirmation, ...] = ()  # history; the latest per vendor counts
    changes: tuple[ScoreChange, ...] = ()  # every score or consensus recorded, oldest first

    @property
    def empty(self) -> bool:
        """Nothing entered yet (a tender id alone is no evaluation)."""
        return not (
            self.entries
            or self.reservation_decisions
            or self.scores
            or self.consensus
            or self.confirmations
            or self.changes
        )

    def consensus_points(self) -> dict[str, dict[str, Decimal]]:
        """The consensus points per vendor (as named in the file), per requirement."""
        return consensus_points(self.consensus)

    def consensus_for(self, vendor: str, requirement_id: str) -> ConsensusScore | None:
        key = (_vendor_key(vendor), requirement_id)
        return next(
            (c for c in self.consensus if (_vendor_key(c.vendor), c.requirement) == key), None
        )

    def scores_for(self, vendor: str, requirement_id: str) -> dict[str, EvaluatorScore]:
        """Each evaluator's score for one requirement of one bid, by evaluator."""
        key = (_vendor_key(vendor), requirement_id)
        return {
            s.evaluator: s for s in self.scores if (_vendor_key(s.vendor), s.requirement) == key
        }

    def confirmation(self, vendor: str) -> Confirmation | None:
        """The latest confirmation of this vendor's compliance."""
        key = _vendor_key(vendor)
        found = None
        for entry in self.confirmations:
            if _vendor_key(entry.vendor) == key:
                found = entry
        return found

    def reservation_decision(self, vendor: str, requirement_id: str) -> ReservationDecision | None:
        """The latest decision on this vendor's reservation on this requirement."""
        key = (_vendor_key(vendor), requirement_id)
        found = None
        for entry in self.reservation_decisions:
            if (_vendor_key(entry.vendor), entry.requirement_id) == key:
                found = entry
        return found

    def lookup(self, vendor: str, requirement_id: str) -> Override | None:
        """The latest override for this vendor and requirement (vendor names compared without
        case and extra spaces)."""
        key = (_vendor_key(vendor), requirement_id)
        found = None
        for entry in self.entries:
            if (_vendor_key(entry.vendor), entry.requirement_id) == key:
                found = entry
        return found


def parse_overrides(text: str, source: str, spec: TenderSpec | None = None) -> Overrides:
    """Overrides from the text of an evaluation file; checks it belongs to `spec`'s tender."""
    data = load_yaml_text(text, source)
    if data is None:  # an empty file is not "no overrides": it would replace the real ones
        raise ProcureError.invalid(source, t("filen er tom; den indeholder ingen evaluering"))
    # A tender.yaml or any other YAML mapping is not an evaluation file with no overrides.
    if not isinstance(data, dict) or not isinstance(data.get("overrides"), list):
        raise ProcureError.invalid(source, t("er ikke en evalueringsfil (forventede 'overrides')"))
    entries = []
    items = data["overrides"]  # a list from procure's YAML loader: it knows its lines
    for i, item in enumerate(items):
        try:
            old = item.get("old_points")
            entries.append(
                Override(
                    vendor=str(item["vendor"]),
                    requirement_id=str(item["requirement"]),
                    points=Decimal(str(item["points"])),
                    old_points=None if old is None else Decimal(str(old)),
                    justification=str(item["justification"]),
                    by=str(item["by"]),
                    at=str(item["at"]),
                )
            )
        except (KeyError, TypeError, AttributeError, InvalidOperation):
            line = items.lines[i]
            raise ProcureError.invalid(
                source,
                t("en justering mangler vendor, requirement, points, justification, by eller at"),
                line,
            ) from None
        _check_points_in_range(entries[-1], spec, source, items.lines[i])
    decisions = []
    raw_decisions = data.get("reservations", [])
    if not isinstance(raw_decisions, list):
        raise ProcureError.invalid(source, t("'reservations' skal være en liste"))
    for i, item in enumerate(raw_decisions):
        try:
            price = item.get("price")
            decision = str(item["decision"])
            if decision not in RESERVATION_DECISIONS:
                raise KeyError(decision)
            decisions.append(
                ReservationDecision(
                    vendor=str(item["vendor"]),
                    requirement_id=str(item["requirement"]),
                    decision=decision,
                    price=None if price is None else Decimal(str(price)),
                    justification=str(item["justification"]),
                    by=str(item["by"]),
                    at=str(item["at"]),
                )
            )
        except (KeyError, TypeError, AttributeError, InvalidOperation):
            line = raw_decisions.lines[i]
            raise ProcureError.invalid(
                source,
                t(
                    "en afgørelse om et forbehold mangler vendor, requirement, decision "
                    "(priced, unpriceable eller fundamental), justification, by eller at"
                ),
                line,
            ) from None
    scores, consensus, confirmations, changes = _parse_committee(data, source)
    tender_id = data.get("tender_id")
    if spec is not None and tender_id and tender_id != spec.tender.id:
        raise ProcureError.invalid(
            source,
            t(
                "evalueringsfilen hører til udbud {actual}, ikke {expected}",
                actual=tender_id,
                expected=spec.tender.id,
            ),
        )
    return Overrides(
        tender_id, tuple(entries), tuple(decisions), scores, consensus, confirmations, changes
    )


def _check_points_in_range(entry: Override, spec, source: str, line: int) -> None:
    """A hand-edited file is held to the same bounds as `append_override`: 0 to the PK's
    weight (without the tender, whose weights are unknown, at least 0)."""
    requirement = spec.requirement(entry.requirement_id) if spec is not None else None
    weight = requirement.weight if requirement is not None and requirement.kind == "PK" else None
    points = entry.points
    if points.is_finite() and points >= 0 and (weight is None or points <= weight):
        return
    if weight is None:
        message = t("{points} point er ikke et tal på 0 eller mere", points=points)
    else:
        message = t(
            "{points} point ligger ikke mellem 0 og vægten {weight}", points=points, weight=weight
        )
    raise ProcureError.invalid(source, message, line, entry.requirement_id)


def append_override(
    overrides: Overrides,
    spec: TenderSpec,
    *,
    vendor: str,
    requirement_id: str,
    points: str,
    justification: str,
    by: str,
    computed_points: Decimal | None = None,
    now: dt.datetime | None = None,
) -> Overrides:
    """Validate an override and return the overrides with it appended.

    The old value is the vendor's previous override for the requirement, else the computed
    points when the caller knows them (the CLI does when given the response).
    """
    requirement = spec.requirement(requirement_id)
    if requirement is None:
        raise ProcureError(
            t("kravet {requirement} findes ikke i udbuddet", requirement=requirement_id)
        )
    if requirement.kind != "PK":
        raise ProcureError(
            t(
                "kun prioriterede krav (PK) kan have point; {requirement} er {kind}",
                requirement=requirement_id,
                kind=requirement.kind,
            )
        )
    try:
        value = Decimal(str(points).strip().replace(",", "."))
    except InvalidOperation:
        raise ProcureError(t("point skal være et tal, ikke '{points}'", points=points)) from None
    if not value.is_finite() or not Decimal(0) <= value <= Decimal(requirement.weight or 0):
        raise ProcureError(
            t(
                "point for {requirement} skal ligge mellem 0 og vægten {weight}",
                requirement=requirement_id,
                weight=requirement.weight,
            )
        )
    if not justification.strip():
        raise ProcureError(t("en manuel justering kræver en skriftlig begrundelse"))
    if not by.strip() or not vendor.strip():
        raise ProcureError(t("angiv hvem der justerer, og hvilken leverandør det gælder"))
    previous = overrides.lookup(vendor, requirement_id)
    entry = Override(
        vendor=vendor.strip(),
        requirement_id=requirement_id,
        points=value,
        old_points=previous.points if previous else computed_points,
        justification=justification.strip(),
        by=by.strip(),
        at=(now or dt.datetime.now(dt.UTC)).replace(microsecond=0).isoformat(),
    )
    # replace, not a new Overrides: the committee's entries in the same file stay
    return dataclasses.replace(
        overrides, tender_id=spec.tender.id, entries=overrides.entries + (entry,)
    )


def append_reservation_decision(
    overrides: Overrides,
    spec: TenderSpec,
    *,
    vendor: str,
    requirement_id: str,
    decision: str,
    price: Decimal | str | None,
    justification: str,
    by: str,
    now: dt.datetime | None = None,
) -> Overrides:
    """Validate the buyer's decision on a reservation and return the overrides with it
    appended (the latest decision counts; earlier ones stay as history). A price typed as
    text is read as the language of the messages writes it: "1.250,50" in Danish."""
    requirement = spec.requirement(requirement_id)
    if requirement is None:
        raise ProcureError(
            t("kravet {requirement} findes ikke i udbuddet", requirement=requirement_id)
        )
    if requirement.kind == "MK":
        raise ProcureError(
            t(
                "et forbehold til et mindstekrav ({requirement}) kan ikke prissættes: "
                "tilbuddet er ukonditionsmæssigt",
                requirement=requirement_id,
            )
        )
    if decision not in RESERVATION_DECISIONS:
        raise ProcureError(
            t(
                "afgørelsen skal være priced, unpriceable eller fundamental, ikke '{decision}'",
                decision=decision,
            )
        )
    value = None
    if decision == "priced":
        value = _amount(price)
        if value is None or value < 0:
            raise ProcureError(
                t("prisen skal være et beløb i kr., ikke '{price}'", price=price or "")
            )
    elif price not in (None, ""):
        raise ProcureError(t("et forbehold, der ikke kan prissættes, har ingen pris"))
    if not justification.strip():
        raise ProcureError(t("en afgørelse om et forbehold kræver en skriftlig begrundelse"))
    if not by.strip() or not vendor.strip():
        raise ProcureError(t("angiv hvem der afgør forbeholdet, og hvilken leverandør det gælder"))
    entry = ReservationDecision(
        vendor=vendor.strip(),
        requirement_id=requirement_id,
        decision=decision,
        price=value,
        justification=justification.strip(),
        by=by.strip(),
        at=(now or dt.datetime.now(dt.UTC)).replace(microsecond=0).isoformat(),
    )
    return dataclasses.replace(
        overrides,
        tender_id=spec.tender.id,
        reservation_decisions=overrides.reservation_decisions + (entry,),
    )


def _amount(price: Decimal | str | None) -> Decimal | None:
    """A price the buyer set, or None when it is no finite number: a Decimal as it is, text
    as the current language writes it ("1.250" is 1250 kr. in Danish, not 1.25)."""
    if isinstance(price, Decimal):
        return price if price.is_finite() else None
    if price is None:
        return None
    from procure.formats import parse_number

    try:
        return parse_number(price, current_language())
    except ValueError:
        return None


def dump_overrides(overrides: Overrides) -> str:
    """The evaluation file's text."""
    document = {
        "tender_id": overrides.tender_id,
        "overrides": [
            {
                "vendor": e.vendor,
                "requirement": e.requirement_id,
                "points": str(e.points),
                "old_points": None if e.old_points is None else str(e.old_points),
                "justification": e.justification,
                "by": e.by,
                "at": e.at,
            }
            for e in overrides.entries
        ],
    }
    if overrides.reservation_decisions:
        document["reservations"] = [
            {
                "vendor": e.vendor,
                "requirement": e.requirement_id,
                "decision": e.decision,
                "price": None if e.price is None else str(e.price),
                "justification": e.justification,
                "by": e.by,
                "at": e.at,
            }
            for e in overrides.reservation_decisions
        ]
    document.update(_dump_committee(overrides))
    return EVALUATION_HEADER + yaml.dump(
        document, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100
    )


def load_overrides(path: Path | None, spec: TenderSpec | None = None) -> Overrides:
    """Read an evaluation file; a missing file means no overrides."""
    if path is None or not Path(path).exists():
        return Overrides()
    return parse_overrides(read_text_file(Path(path)), str(path), spec)


def add_override(path: Path, spec: TenderSpec, **fields) -> Override:
    """Validate an override and append it to the evaluation file at `path`.

    Reading, appending and writing happen under the file's lock: evaluators adding overrides
    at the same moment all keep theirs, in the order they were written.
    """
    updated = _append_to_file(path, spec, lambda current: append_override(current, spec, **fields))
    return updated.entries[-1]


def add_reservation_decision(path: Path, spec: TenderSpec, **fields) -> ReservationDecision:
    """Validate the buyer's decision on a reservation and append it to the evaluation file,
    under its lock like every other entry."""
    updated = _append_to_file(
        path, spec, lambda current: append_reservation_decision(current, spec, **fields)
    )
    return updated.reservation_decisions[-1]


def merge_evaluations(stored: Overrides, mine: Overrides) -> Overrides:
    """Every entry of both: the stored ones in their order, then those only `mine` has.

    The file is append-only, so nothing of either side is dropped; two tabs or two evaluators
    that saved the same entry keep it once. A score or consensus that `mine` recorded (its log
    has the entry) replaces the stored value of that key; every other stored value stays."""
    own_entries = tuple(e for e in mine.entries if e not in stored.entries)
    own_decisions = tuple(
        d for d in mine.reservation_decisions if d not in stored.reservation_decisions
    )
    own_confirmations = tuple(c for c in mine.confirmations if c not in stored.confirmations)
    own_changes = tuple(c for c in mine.changes if c not in stored.changes)
    scores = {(s.vendor, s.requirement, s.evaluator): s for s in stored.scores}
    consensus = {(c.vendor, c.requirement): c for c in stored.consensus}
    mine_scores = {(s.vendor, s.requirement, s.evaluator): s for s in mine.scores}
    mine_consensus = {(c.vendor, c.requirement): c for c in mine.consensus}
    for change in own_changes:
        if change.evaluator:
            key = (change.vendor, change.requirement, change.evaluator)
            if key in mine_scores:
                scores[key] = mine_scores[key]
        else:
            key2 = (change.vendor, change.requirement)
            if key2 in mine_consensus:
                consensus[key2] = mine_consensus[key2]
    return Overrides(
        stored.tender_id or mine.tender_id,
        stored.entries + own_entries,
        stored.reservation_decisions + own_decisions,
        tuple(scores.values()),
        tuple(consensus.values()),
        stored.confirmations + own_confirmations,
        stored.changes + own_changes,
    )


def _append_to_file(path: Path, spec: TenderSpec, append) -> Overrides:
    """Read the evaluation file under its lock, apply `append`, write it back atomically."""
    path = Path(path)
    result: list[Overrides] = []

    def change(text: str | None) -> str:
        current = Overrides() if text is None else parse_overrides(text, str(path), spec)
        result.append(append(current))
        return dump_overrides(result[-1])

    update_text_file(path, change)
    return result[-1]


# -- the committee's sections -------------------------------------------------------------------
#
# Scores and consensus are stored nested (vendor → requirement → evaluator), the current value
# only: at 10 bids × 300 requirements × 3 evaluators this reads and writes about ten times
# faster than a flat list. Their history is the `changes` log.
#
#   scores:     {vendor: {requirement: {evaluator: {points: "7.5", why: "..."}}}}
#   consensus:  {vendor: {requirement: {points: "7", why: "..."}}}
#   confirmations: [{vendor, compliant, why, by, at}, ...]
#   changes:    [{vendor, requirement, evaluator?, who, when, old, new, why}, ...]


def _parse_committee(data: dict, source: str):
    """The four sections of `data`, read by procure.yamlio (each mapping and list it builds
    knows the lines of its entries, which the messages name)."""

    def bad(section: str, line=None):
        return ProcureError.invalid(
            source,
            t(
                "afsnittet '{section}' i evalueringsfilen er ikke udfyldt som forventet",
                section=section,
            ),
            line,
        )

    scores = []
    raw = data.get("scores") or {}
    if not isinstance(raw, dict):
        raise bad("scores", data.lines["scores"])
    for vendor, by_requirement in raw.items():
        if not isinstance(by_requirement, dict):
            raise bad("scores", raw.lines[vendor])
        for requirement, by_evaluator in by_requirement.items():
            if not isinstance(by_evaluator, dict):
                raise bad("scores", by_requirement.lines[requirement])
            for evaluator, entry in by_evaluator.items():
                points = _stored_points(entry, "scores", source, by_evaluator, evaluator)
                scores.append(
                    EvaluatorScore(
                        str(vendor),
                        str(requirement),
                        str(evaluator),
                        points,
                        str(entry.get("why") or ""),
                    )
                )
    consensus = []
    raw = data.get("consensus") or {}
    if not isinstance(raw, dict):
        raise bad("consensus", data.lines["consensus"])
    for vendor, by_requirement in raw.items():
        if not isinstance(by_requirement, dict):
            raise bad("consensus", raw.lines[vendor])
        for requirement, entry in by_requirement.items():
            points = _stored_points(entry, "consensus", source, by_requirement, requirement)
            consensus.append(
                ConsensusScore(str(vendor), str(requirement), points, str(entry.get("why") or ""))
            )
    confirmations = []
    raw = data.get("confirmations") or []
    if not isinstance(raw, list):
        raise bad("confirmations", data.lines["confirmations"])
    for i, item in enumerate(raw):
        try:
            compliant = item["compliant"]
            if isinstance(compliant, str):
                compliant = {"true": True, "false": False}[compliant.strip().lower()]
            if not isinstance(compliant, bool):
                raise TypeError(compliant)
            confirmations.append(
                Confirmation(
                    str(item["vendor"]),
                    compliant,
                    str(item["why"]),
                    str(item["by"]),
                    str(item["at"]),
                )
            )
        except (KeyError, TypeError, AttributeError):
            raise bad("confirmations", raw.lines[i]) from None
    changes = []
    raw = data.get("changes") or []
    if not isinstance(raw, list):
        raise bad("changes", data.lines["changes"])
    for i, item in enumerate(raw):
        try:
            old = item.get("old")
            changes.append(
                ScoreChange(
                    vendor=str(item["vendor"]),
                    requirement=str(item["requirement"]),
                    who=str(item["who"]),
                    when=str(item["when"]),
                    old=None if old is None else Decimal(str(old)),
                    new=Decimal(str(item["new"])),
                    why=str(item.get("why") or ""),
                    evaluator=str(item.get("evaluator") or ""),
                )
            )
        except (KeyError, TypeError, AttributeError, InvalidOperation):
            raise bad("changes", raw.lines[i]) from None
    return tuple(scores), tuple(consensus), tuple(confirmations), tuple(changes)


def _stored_points(entry, section: str, source: str, parent, key) -> Decimal:
    try:
        value = Decimal(str(entry["points"]))
    except (KeyError, TypeError, AttributeError, InvalidOperation):
        value = None
    if value is None or not value.is_finite():
        raise ProcureError.invalid(
            source,
            t(
                "afsnittet '{section}' i evalueringsfilen er ikke udfyldt som forventet",
                section=section,
            ),
            parent.lines[key],
        )
    return value


def _dump_committee(overrides: Overrides) -> dict:
    document: dict = {}
    if overrides.scores:
        nested: dict = {}
        for s in overrides.scores:
            entry = {"points": format(s.points, "f")}
            if s.why:
                entry["why"] = s.why
            nested.setdefault(s.vendor, {}).setdefault(s.requirement, {})[s.evaluator] = entry
        document["scores"] = nested
    if overrides.consensus:
        nested = {}
        for c in overrides.consensus:
            nested.setdefault(c.vendor, {})[c.requirement] = {
                "points": format(c.points, "f"),
                "why": c.why,
            }
        document["consensus"] = nested
    if overrides.confirmations:
        document["confirmations"] = [
            {"vendor": c.vendor, "compliant": c.compliant, "why": c.why, "by": c.by, "at": c.at}
            for c in overrides.confirmations
        ]
    if overrides.changes:
        document["changes"] = [change_data(c) for c in overrides.changes]
    return document


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """PyYAML's safe dumper, in C where present (the evaluation file of a large award has
    thousands of entries)."""


def _vendor_key(name: str) -> str:
    return " ".join(name.split()).casefold()
