"""Quality points: weighted means per sub-criterion and criterion, and the weighted total.

Exact Decimal arithmetic; each published stage is rounded half up (ROUND_HALF_UP, as a person
rounds by hand: 7.125 → 7.13, where Python's round() and banker's rounding give 7.12) to its
own decimals, and the next stage is computed from the rounded figures, as the published
model is worked by hand.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_UP, Decimal

from procure.tender.model import Criterion, SubCriterion


def round_half_up(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(Decimal(10) ** -decimals, rounding=ROUND_HALF_UP)


def weighted_mean(pairs: Iterable[tuple[Decimal, int | Decimal]]) -> Decimal:
    """Σ weight × points / Σ weight (not rounded); 0 when the weights sum to 0."""
    total = weight_sum = Decimal(0)
    for points, weight in pairs:
        total += points * weight
        weight_sum += weight
    return total / weight_sum if weight_sum else Decimal(0)


def sub_points(sub: SubCriterion, points: Mapping[str, Decimal], decimals: int) -> Decimal:
    """A sub-criterion's points: the weighted mean of its requirements' consensus points.
    Every requirement must have points (see missing_points)."""
    return round_half_up(
        weighted_mean((points[rid], weight) for rid, weight in sub.requirements), decimals
    )


def criterion_points(
    criterion: Criterion, points: Mapping[str, Decimal], sub_decimals: int, decimals: int
) -> tuple[Decimal, tuple[tuple[str, Decimal], ...]]:
    """A quality criterion's points and its subs' points (name, points), each rounded.

    With subs: the weighted mean of the subs' rounded points; without: the weighted mean of
    its requirements' consensus points."""
    if not criterion.sub:
        mean = weighted_mean((points[rid], weight) for rid, weight in criterion.requirements)
        return round_half_up(mean, decimals), ()
    subs = [(s, sub_points(s, points, sub_decimals)) for s in criterion.sub]
    mean = weighted_mean((value, s.weight) for s, value in subs)
    return round_half_up(mean, decimals), tuple((s.name, value) for s, value in subs)


def weighted_total(pairs: Iterable[tuple[Decimal, int]], decimals: int) -> Decimal:
    """Σ weight × points / 100, rounded: a total (or the quality share of one) from criteria's
    rounded points and their published weights."""
    return round_half_up(sum((p * w for p, w in pairs), Decimal(0)) / 100, decimals)


def missing_points(criterion: Criterion, points: Mapping[str, Decimal]) -> tuple[str, ...]:
    """The criterion's requirements that have no consensus points yet, in published order."""
    pairs = (
        [pair for s in criterion.sub for pair in s.requirements]
        if criterion.sub
        else criterion.requirements
    )
    return tuple(rid for rid, _ in pairs if rid not in points)
