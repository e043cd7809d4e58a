"""The award's result: one plain object, and its JSON (issue 16 § 5).

Every amount and point in the JSON is a string with the published decimals ("6.04"), so a
reader never meets a binary float; reasons are put into words in the language in force.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from procure.award.model import Rounding
from procure.award.points import round_half_up
from procure.i18n import Message, in_words


@dataclass(frozen=True)
class BidResult:
    """One bid's outcome. An excluded bid has reasons and no points, no rank; a bid still
    missing consensus points (`missing`) has no total and no rank either, but is not excluded.
    """

    vendor: str
    rank: int | None
    tie: bool  # shares its rank with another bid after every published tie-break
    excluded: bool
    reasons: tuple[Message | str, ...]
    confirmed: bool  # a person confirmed the bid's compliance (konditionsmæssighed)
    criteria: tuple[tuple[str, Decimal], ...] = ()  # quality criteria's points
    sub_criteria: tuple[tuple[str, tuple[tuple[str, Decimal], ...]], ...] = ()
    quality_points: Decimal | None = None
    price: Decimal | None = None
    price_points: Decimal | None = None
    total: Decimal | None = None
    price_per_quality_point: Decimal | None = None  # Kommissionsmodellen
    adjusted_price: Decimal | None = None  # price adjustment by quality
    missing: tuple[str, ...] = ()  # evaluated requirements without consensus points

    @property
    def ranked(self) -> bool:
        return self.rank is not None


@dataclass(frozen=True)
class AwardResult:
    award_criterion: str
    rounding: Rounding
    ranking: tuple[BidResult, ...]  # ranked bids best first, then unranked, then excluded
    lowest_price: Decimal | None = None  # among the evaluated bids only
    zero_points_at: Decimal | None = None  # absolute-linear: the anchor after any widening
    standstill_ends: dt.date | None = None

    @property
    def winners(self) -> tuple[BidResult, ...]:
        """The bid(s) ranked first: more than one only when tied after every tie-break."""
        return tuple(b for b in self.ranking if b.rank == 1)

    def bid(self, vendor: str) -> BidResult | None:
        return next((b for b in self.ranking if b.vendor == vendor), None)

    def to_data(self, lang: str | None = None) -> dict:
        """The result as JSON-ready data (`procure award --format json`)."""
        r = self.rounding
        return {
            "award_criterion": self.award_criterion,
            "ranking": [_bid_data(b, r, lang) for b in self.ranking],
            "standstill_ends": self.standstill_ends.isoformat() if self.standstill_ends else None,
        }


def _bid_data(bid: BidResult, r: Rounding, lang: str | None) -> dict:
    return {
        "vendor": bid.vendor,
        "rank": bid.rank,
        "tie": bid.tie,
        "excluded": bid.excluded,
        "reasons": [str(in_words(reason, lang)) for reason in bid.reasons],
        "criteria": {name: _fixed(p, r.criterion) for name, p in bid.criteria},
        "sub_criteria": {
            name: {sub: _fixed(p, r.sub) for sub, p in subs} for name, subs in bid.sub_criteria
        },
        "quality_points": _fixed(bid.quality_points, r.total),
        "price": _fixed(bid.price, r.amount),
        "price_points": _fixed(bid.price_points, r.criterion),
        "total": _fixed(bid.total, r.total),
        "price_per_quality_point": _fixed(bid.price_per_quality_point, r.amount),
        "adjusted_price": _fixed(bid.adjusted_price, r.amount),
        "confirmed": bid.confirmed,
        "missing": list(bid.missing),
    }


def _fixed(value: Decimal | None, decimals: int) -> str | None:
    """A figure as text with exactly `decimals` decimals (already rounded half up)."""
    if value is None:
        return None
    return format(round_half_up(value, decimals), "f")
