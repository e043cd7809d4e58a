"""The award: the published model, the consensus points and the prices in, one result out.

Order of work, as the law and the published model require:

1. Exclusions (udbudsloven §§ 159, 160): a bid that fails a mindstekrav — as a person
   confirmed it or, until a person has decided, as procure proposes it — a bid without a
   valid price where price counts, and a bid above the published cap are excluded with their
   reasons. They get no points and no rank, and set no reference for the others.
2. Points: each quality criterion from the consensus points (weighted means, rounded half up
   at each published stage); the price by the published price model, with the lowest price
   and any widened anchor taken from the evaluated bids only.
3. Kommissionsmodellen: a bid below the total or a criterion threshold is excluded (exactly
   at the threshold is in); the rest are compared by price ÷ quality points.
4. Ranking by the award criterion, then the published tie-breaks in their order; bids still
   equal share a rank and are shown as a tie (listed by name, never ordered by chance).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from procure.award.model import (
    PRICE_ONLY_CRITERIA,
    AwardModel,
)
from procure.award.points import criterion_points, missing_points, round_half_up, weighted_total
from procure.award.price_models import (
    above_cap,
    absolute_linear_points,
    adjusted_price,
    price_per_quality_point,
    proportional_points,
    relative_linear_points,
    widened_zero_anchor,
)
from procure.award.result import AwardResult, BidResult
from procure.award.standstill import standstill_ends
from procure.errors import ProcureError
from procure.i18n import Message, t
from procure.tender.model import (
    ABSOLUTE_LINEAR,
    EVALUATION_PRICE,
    HIGHEST_CRITERION_PREFIX,
    HIGHEST_QUALITY,
    LOWEST_PRICE,
    PRICE_ADJUSTMENT,
    PROPORTIONAL,
    RELATIVE_LINEAR,
)


@dataclass(frozen=True)
class Bid:
    """One bid as the award sees it: its consensus points, its price and its compliance."""

    vendor: str
    points: Mapping[str, Decimal] = field(default_factory=dict)  # requirement id → consensus
    price: Decimal | None = None  # procure's own total (procure.award.prices.bid_price)
    proposed_compliant: bool = True  # procure's proposal: every mindstekrav met
    confirmed_compliant: bool | None = None  # a person's recorded decision, when there is one
    reasons: tuple[Message | str, ...] = ()  # why not compliant: failed MKs, the person's why

    @property
    def compliant(self) -> bool:
        """A person's decision wins over procure's proposal, also when they differ."""
        if self.confirmed_compliant is not None:
            return self.confirmed_compliant
        return self.proposed_compliant


def award(
    model: AwardModel,
    bids: Sequence[Bid],
    *,
    sent_on: dt.date | None = None,
    electronic: bool = True,
) -> AwardResult:
    """Score, exclude and rank the bids exactly as the published model says.

    `sent_on` is the day the award letters are sent; when given, the result carries the end of
    the standstill period (procure.award.standstill).
    """
    _check_input(model, bids)
    price_model = model.price_model
    excluded: dict[str, list[Message | str]] = {}
    for bid in bids:
        reasons = _exclusion_reasons(model, bid)
        if reasons:
            excluded[bid.vendor] = reasons
    evaluated = [b for b in bids if b.vendor not in excluded]
    prices = [b.price for b in evaluated if b.price is not None]
    lowest = min(prices, default=None) if price_model is not None else None
    zero_at = None
    if price_model is not None and price_model.kind == ABSOLUTE_LINEAR:
        zero_at = widened_zero_anchor(prices, price_model.zero_points_at, price_model.widen_by)

    scored: list[BidResult] = []
    for bid in evaluated:
        result, reasons = _score(model, bid, lowest, zero_at)
        if reasons:
            excluded[bid.vendor] = reasons
        else:
            scored.append(result)
    complete = [b for b in scored if not b.missing]
    ranked = _rank(model, complete)
    waiting = sorted((b for b in scored if b.missing), key=_by_name)
    out = [
        BidResult(
            vendor=b.vendor,
            rank=None,
            tie=False,
            excluded=True,
            reasons=tuple(excluded[b.vendor]),
            confirmed=b.confirmed_compliant is not None,
            price=b.price,
        )
        for b in sorted(bids, key=_by_name)
        if b.vendor in excluded
    ]
    return AwardResult(
        award_criterion=model.award_criterion,
        rounding=model.rounding,
        ranking=tuple(ranked + waiting + out),
        lowest_price=lowest,
        zero_points_at=zero_at,
        standstill_ends=None
        if sent_on is None
        else standstill_ends(sent_on, electronic=electronic),
    )


# -- Step 1: exclusions ----------------------------------------------------------------------------


def _exclusion_reasons(model: AwardModel, bid: Bid) -> list[Message | str]:
    reasons: list[Message | str] = []
    if not bid.compliant:
        if bid.confirmed_compliant is False:
            reasons.append(t("en person har vurderet tilbuddet som ukonditionsmæssigt"))
        else:
            reasons.append(
                t(
                    "tilbuddet opfylder ikke alle mindstekrav (procures forslag; endnu ikke "
                    "bekræftet af en person)"
                )
            )
        reasons.extend(bid.reasons)
    price_model = model.price_model
    if price_model is None:
        return reasons
    if bid.price is None:
        reasons.append(t("tilbuddet har ingen gyldig pris på alle prislinjer"))
    elif above_cap(bid.price, price_model.cap):
        reasons.append(
            t(
                "prisen {price} er over det offentliggjorte loft på {cap}",
                price=_amount_text(bid.price, model),
                cap=_amount_text(price_model.cap, model),
            )
        )
    return reasons


# -- Step 2 and 3: points, Kommissionsmodellen -----------------------------------------------------


def _score(
    model: AwardModel, bid: Bid, lowest: Decimal | None, zero_at: Decimal | None
) -> tuple[BidResult, list[Message | str]]:
    r = model.rounding
    confirmed = bid.confirmed_compliant is not None
    missing = tuple(rid for c in model.quality_criteria for rid in missing_points(c, bid.points))
    criteria: list[tuple[str, Decimal]] = []
    subs: list[tuple[str, tuple[tuple[str, Decimal], ...]]] = []
    if not missing:
        for criterion in model.quality_criteria:
            points, sub_points = criterion_points(criterion, bid.points, r.sub, r.criterion)
            criteria.append((criterion.name, points))
            if sub_points:
                subs.append((criterion.name, sub_points))
    price_points = _price_points(model, bid.price, lowest, zero_at)
    result = BidResult(
        vendor=bid.vendor,
        rank=None,
        tie=False,
        excluded=False,
        reasons=(),
        confirmed=confirmed,
        criteria=tuple(criteria),
        sub_criteria=tuple(subs),
        price=bid.price,
        price_points=price_points,
        missing=missing,
    )
    if missing:
        return result, []
    weights = {c.name: c.weight for c in model.criteria}
    kind = model.price_model.kind if model.price_model else None
    if model.kommissionsmodel is not None and kind == EVALUATION_PRICE:
        return _kommission(model, result)
    quality = (
        weighted_total(((p, weights[name]) for name, p in criteria), r.total)
        if criteria
        else None  # price only: no quality to speak of
    )
    if kind == PRICE_ADJUSTMENT:
        adjusted = round_half_up(
            adjusted_price(bid.price, quality or Decimal(0), model.price_model.amount_per_point),
            r.amount,
        )
        return _replace(result, quality_points=quality, adjusted_price=adjusted), []
    everything = list(criteria)
    if price_points is not None:
        everything.append((model.price_criterion.name, price_points))
    total = weighted_total(((p, weights[name]) for name, p in everything), r.total)
    return _replace(result, quality_points=quality, total=total), []


def _price_points(
    model: AwardModel, price: Decimal | None, lowest: Decimal | None, zero_at: Decimal | None
) -> Decimal | None:
    price_model = model.price_model
    if price_model is None or price is None:
        return None
    scale_max = model.scale.max
    if price_model.kind == RELATIVE_LINEAR:
        points = relative_linear_points(price, lowest, price_model.x_percent, scale_max)
    elif price_model.kind == PROPORTIONAL:
        points = proportional_points(price, lowest, scale_max)
    elif price_model.kind == ABSOLUTE_LINEAR:
        points = absolute_linear_points(price, price_model.full_points_at, zero_at, scale_max)
    else:  # evaluation-price and price-adjustment compare price with quality instead
        return None
    return round_half_up(points, model.rounding.criterion)


def _kommission(model: AwardModel, result: BidResult) -> tuple[BidResult, list[Message | str]]:
    """Quality criteria's weights are their maximum points (sum 100): a criterion earns
    weight × points / scale max; below a threshold (in per cent) the bid is excluded."""
    r = model.rounding
    thresholds = model.kommissionsmodel
    weights = {c.name: c.weight for c in model.quality_criteria}
    reasons: list[Message | str] = []
    for name, points in result.criteria:
        percent = points / model.scale.max * 100
        if percent < thresholds.criterion_min_percent:
            reasons.append(
                t(
                    "kriteriet '{name}' fik {percent} % af de mulige point; Kommissionsmodellen "
                    "kræver mindst {minimum} %",
                    name=name,
                    percent=format(round_half_up(percent, r.total), "f"),
                    minimum=format(thresholds.criterion_min_percent, "f"),
                )
            )
    quality = round_half_up(
        sum((p * weights[name] for name, p in result.criteria), Decimal(0)) / model.scale.max,
        r.total,
    )
    if quality < thresholds.total_min_percent:
        reasons.append(
            t(
                "kvaliteten fik {points} af 100 point; Kommissionsmodellen kræver mindst {minimum}",
                points=format(quality, "f"),
                minimum=format(thresholds.total_min_percent, "f"),
            )
        )
    if not reasons and quality <= 0:
        reasons.append(t("kvaliteten fik 0 point, så prisen pr. kvalitetspoint kan ikke beregnes"))
    if reasons:
        return result, reasons
    per_point = round_half_up(price_per_quality_point(result.price, quality), r.amount)
    return _replace(result, quality_points=quality, price_per_quality_point=per_point), []


# -- Step 4: ranking -------------------------------------------------------------------------------


def _rank(model: AwardModel, bids: list[BidResult]) -> list[BidResult]:
    keyed = sorted(((_key(model, b), b) for b in bids), key=lambda kb: (kb[0], _by_name(kb[1])))
    ranked: list[BidResult] = []
    keys = [key for key, _ in keyed]
    for key, bid in keyed:
        # Competition ranking: equal keys share the rank of the first of them (1, 1, 3).
        ranked.append(_replace(bid, rank=keys.index(key) + 1, tie=keys.count(key) > 1))
    return ranked


def _key(model: AwardModel, bid: BidResult) -> tuple:
    """Smaller is better: the award criterion's figure, then each published tie-break."""
    kind = model.price_model.kind if model.price_model else None
    if model.award_criterion in PRICE_ONLY_CRITERIA:
        primary = _low(bid.price)
    elif kind == EVALUATION_PRICE and model.kommissionsmodel is not None:
        primary = _low(bid.price_per_quality_point)
    elif kind == PRICE_ADJUSTMENT:
        primary = _low(bid.adjusted_price)
    else:
        primary = _high(bid.total)
    keys = [primary]
    points = dict(bid.criteria)
    if model.price_criterion is not None:
        points[model.price_criterion.name] = bid.price_points
    for rule in model.tie_break:
        if rule == LOWEST_PRICE:
            keys.append(_low(bid.price))
        elif rule == HIGHEST_QUALITY:
            keys.append(_high(bid.quality_points))
        elif rule.startswith(HIGHEST_CRITERION_PREFIX):
            keys.append(_high(points.get(rule.removeprefix(HIGHEST_CRITERION_PREFIX))))
    return tuple(keys)


def _low(value: Decimal | None) -> tuple[int, Decimal]:
    return (1, Decimal(0)) if value is None else (0, value)


def _high(value: Decimal | None) -> tuple[int, Decimal]:
    return (1, Decimal(0)) if value is None else (0, -value)


# -- Helpers ---------------------------------------------------------------------------------------


def _check_input(model: AwardModel, bids: Sequence[Bid]) -> None:
    seen: set[str] = set()
    for bid in bids:
        if bid.vendor in seen:
            raise ProcureError(
                t("leverandøren '{vendor}' har to tilbud i tildelingen", vendor=bid.vendor)
            )
        seen.add(bid.vendor)
        for rid, points in bid.points.items():
            if points < 0 or points > model.scale.max:
                raise ProcureError(
                    t(
                        "[{id}] {vendor}: {points} point ligger uden for skalaen 0–{max}",
                        id=rid,
                        vendor=bid.vendor,
                        points=format(points, "f"),
                        max=model.scale.max,
                    )
                )


def _by_name(bid) -> tuple[str, str]:
    return (bid.vendor.casefold(), bid.vendor)


def _amount_text(value: Decimal, model: AwardModel) -> str:
    return format(round_half_up(value, model.rounding.amount), "f")


def _replace(result: BidResult, **changes) -> BidResult:
    import dataclasses

    return dataclasses.replace(result, **changes)
