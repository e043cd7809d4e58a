"""Evaluators' points, consensus and what the letters need: pure functions over plain values.

Each evaluator scores on their own; their points are kept apart (never averaged into the
consensus by procure). The committee then records one consensus score per bid and evaluated
requirement, always with a reason (udbudsloven §§ 171 and 174 need reasons that can be
quoted), and every change of a recorded score is logged: who, when, old, new, why. The
evaluation file (`<tender>.evaluation.yaml`) stores these values; reading and writing it is
done at the edge.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from procure.award.model import AwardModel, Scale
from procure.award.points import round_half_up
from procure.award.ranking import Bid
from procure.errors import ProcureError
from procure.i18n import Message, t


@dataclass(frozen=True)
class EvaluatorScore:
    """One evaluator's points for one requirement of one bid, with their note."""

    vendor: str
    requirement: str
    evaluator: str
    points: Decimal
    why: str = ""


@dataclass(frozen=True)
class ConsensusScore:
    """The committee's agreed points for one requirement of one bid, with the reason."""

    vendor: str
    requirement: str
    points: Decimal
    why: str


@dataclass(frozen=True)
class ScoreChange:
    """A log entry: a recorded score set or changed (old None: there was none)."""

    vendor: str
    requirement: str
    who: str
    when: str  # ISO 8601 timestamp, given by the caller (the edge knows the clock)
    old: Decimal | None
    new: Decimal
    why: str
    evaluator: str = ""  # "" for a consensus score


@dataclass(frozen=True)
class ConsensusInput:
    """What the committee looks at for one requirement of one bid."""

    vendor: str
    requirement: str
    points: tuple[tuple[str, Decimal], ...]  # (evaluator, points), by evaluator name
    spread: Decimal  # highest − lowest
    disagreement: bool  # the spread is more than a tenth of the scale
    agreed: Decimal | None  # the points when every evaluator gave the same, else None


Key = tuple[str, str]  # (vendor, requirement)
_POINTS = re.compile(r"^-?\d{1,6}(\.\d{1,10})?$")


# -- Points on the scale ---------------------------------------------------------------------------


def parse_points(value: object, scale: Scale) -> Decimal:
    """Points as entered ("7,5", "7.50", 7) checked against the published scale; ProcureError
    says what is wrong (the CLI exits 2)."""
    problem = points_problem(value, scale)
    if problem is not None:
        raise ProcureError(problem)
    return _decimal(value)


def points_problem(value: object, scale: Scale) -> Message | None:
    """Why `value` is not allowed on the scale (outside 0–max, or more decimals than it has),
    or None."""
    number = _decimal(value)
    if number is None:
        return t("'{value}' er ikke et tal", value=str(value))
    if number < 0 or number > scale.max:
        return t(
            "{points} ligger uden for skalaen 0–{max}",
            points=format(number, "f"),
            max=scale.max,
        )
    if number != round_half_up(number, scale.decimals):
        return t(
            "{points} har flere decimaler end skalaens {decimals}",
            points=format(number, "f"),
            decimals=scale.decimals,
        )
    return None


def _decimal(value: object) -> Decimal | None:
    """Points written as a person writes them (7, 7.5, 7,5); no exponents, no NaN (nor
    None or a bool: 'None' and 'True' are no points either)."""
    text = str(value).strip().replace(",", ".")
    if not _POINTS.match(text):
        return None
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern admits only digits
        return None


# -- Evaluators kept apart, disagreements ----------------------------------------------------------


def scores_by_requirement(scores: Iterable[EvaluatorScore]) -> dict[Key, dict[str, Decimal]]:
    """Each (vendor, requirement)'s points by evaluator. One score per evaluator: a second
    one for the same requirement is an input error (a change goes through record_score)."""
    out: dict[Key, dict[str, Decimal]] = {}
    for score in scores:
        by_evaluator = out.setdefault((score.vendor, score.requirement), {})
        if score.evaluator in by_evaluator:
            raise ProcureError(
                t(
                    "[{id}] {vendor}: {evaluator} har to point for samme krav",
                    id=score.requirement,
                    vendor=score.vendor,
                    evaluator=score.evaluator,
                )
            )
        by_evaluator[score.evaluator] = score.points
    return out


def consensus_inputs(scores: Iterable[EvaluatorScore], scale: Scale) -> tuple[ConsensusInput, ...]:
    """Per bid and requirement (sorted), the evaluators' points side by side, their spread and
    whether it is a disagreement; `agreed` when all gave the same points."""
    limit = Decimal(scale.max) / 10
    out = []
    for (vendor, requirement), by_evaluator in sorted(scores_by_requirement(scores).items()):
        values = list(by_evaluator.values())
        spread = max(values) - min(values)
        out.append(
            ConsensusInput(
                vendor=vendor,
                requirement=requirement,
                points=tuple(sorted(by_evaluator.items())),
                spread=spread,
                disagreement=spread > limit,
                agreed=values[0] if spread == 0 else None,
            )
        )
    return tuple(out)


def disagreements(scores: Iterable[EvaluatorScore], scale: Scale) -> tuple[ConsensusInput, ...]:
    """Where evaluators differ by more than a tenth of the scale (more than 1 point on 0–10)."""
    return tuple(i for i in consensus_inputs(scores, scale) if i.disagreement)


def disagreements_data(found: Sequence[ConsensusInput]) -> dict:
    """`procure consensus --format json`: `{"disagreements": [{vendor, requirement, points}]}`
    with points as text with the scale's decimals as entered."""
    return {
        "disagreements": [
            {
                "vendor": i.vendor,
                "requirement": i.requirement,
                "points": {name: format(p, "f") for name, p in i.points},
            }
            for i in found
        ]
    }


# -- Recording with a log --------------------------------------------------------------------------


def record_consensus(
    recorded: Mapping[Key, ConsensusScore],
    score: ConsensusScore,
    *,
    scale: Scale,
    who: str,
    when: str,
) -> tuple[dict[Key, ConsensusScore], ScoreChange | None]:
    """The consensus scores with `score` recorded, and the log entry (None when nothing
    changed). A reason is required; points must fit the scale."""
    _require_reason(score.why, score.vendor, score.requirement)
    parse_points(score.points, scale)
    key = (score.vendor, score.requirement)
    old = recorded.get(key)
    updated = dict(recorded)
    updated[key] = score
    if old is not None and old.points == score.points and old.why == score.why:
        return updated, None
    change = ScoreChange(
        vendor=score.vendor,
        requirement=score.requirement,
        who=who,
        when=when,
        old=None if old is None else old.points,
        new=score.points,
        why=score.why,
    )
    return updated, change


def record_score(
    recorded: Mapping[tuple[str, str, str], EvaluatorScore],
    score: EvaluatorScore,
    *,
    scale: Scale,
    who: str,
    when: str,
) -> tuple[dict[tuple[str, str, str], EvaluatorScore], ScoreChange | None]:
    """An evaluator's scores (by vendor, requirement, evaluator) with `score` recorded; a
    change of earlier points is logged and needs a reason."""
    parse_points(score.points, scale)
    key = (score.vendor, score.requirement, score.evaluator)
    old = recorded.get(key)
    updated = dict(recorded)
    updated[key] = score
    if old is None:
        return updated, None
    if old.points == score.points:
        return updated, None
    _require_reason(score.why, score.vendor, score.requirement)
    change = ScoreChange(
        vendor=score.vendor,
        requirement=score.requirement,
        who=who,
        when=when,
        old=old.points,
        new=score.points,
        why=score.why,
        evaluator=score.evaluator,
    )
    return updated, change


def change_data(change: ScoreChange) -> dict:
    """A log entry as the evaluation file stores it."""
    data = {
        "vendor": change.vendor,
        "requirement": change.requirement,
        "who": change.who,
        "when": change.when,
        "old": None if change.old is None else format(change.old, "f"),
        "new": format(change.new, "f"),
        "why": change.why,
    }
    if change.evaluator:
        data["evaluator"] = change.evaluator
    return data


def _require_reason(why: str, vendor: str, requirement: str) -> None:
    if not why or not why.strip():
        raise ProcureError(
            t(
                "[{id}] {vendor}: en begrundelse mangler; hver konsensusscore skal kunne "
                "begrundes over for tilbudsgiverne (udbudslovens §§ 171 og 174)",
                id=requirement,
                vendor=vendor,
            )
        )


def consensus_points(consensus: Iterable[ConsensusScore]) -> dict[str, dict[str, Decimal]]:
    """The consensus points per vendor, per requirement: the input of Bid.points."""
    out: dict[str, dict[str, Decimal]] = {}
    for score in consensus:
        out.setdefault(score.vendor, {})[score.requirement] = score.points
    return out


# -- Before the letters ----------------------------------------------------------------------------


def missing_for_letters(model: AwardModel, bids: Sequence[Bid]) -> tuple[Message, ...]:
    """What stops the award letters (§ 171), empty when nothing does: a bid whose compliance
    no person has confirmed, a compliant bid without consensus points for every evaluated
    requirement, a compliant bid without a valid price where price counts."""
    found: list[Message] = []
    evaluated = model.evaluated_requirements
    for bid in sorted(bids, key=lambda b: (b.vendor.casefold(), b.vendor)):
        if bid.confirmed_compliant is None:
            found.append(
                t(
                    "{vendor}: ingen person har bekræftet, om tilbuddet er konditionsmæssigt "
                    "(procure confirm)",
                    vendor=bid.vendor,
                )
            )
        if not bid.compliant:
            continue
        missing = [rid for rid in evaluated if rid not in bid.points]
        if missing:
            shown = ", ".join(missing[:10]) + (" …" if len(missing) > 10 else "")
            found.append(
                t(
                    "{vendor}: {count} evaluerede krav mangler en konsensusscore: {ids}",
                    vendor=bid.vendor,
                    count=len(missing),
                    ids=shown,
                )
            )
        if model.price_criterion is not None and bid.price is None:
            found.append(t("{vendor}: tilbuddet har ingen gyldig pris", vendor=bid.vendor))
    return tuple(found)


def prices_may_be_shown(model: AwardModel, quality_locked: bool) -> bool:
    """With a price-blind evaluation no price is shown before the quality consensus is locked."""
    return not model.price_blind or quality_locked
