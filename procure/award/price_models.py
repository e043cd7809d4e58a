"""Price models: one function per published model, exact Decimal arithmetic, not rounded.

Each takes the evaluated bids' figures only: an excluded bid (failed mindstekrav, above the
cap, no valid price) must not be passed in, so it sets no lowest price and widens no anchor.
The caller rounds the points to the criterion's published decimals.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_CEILING, Decimal


def relative_linear_points(
    price: Decimal, lowest: Decimal, x_percent: Decimal, scale_max: int
) -> Decimal:
    """`max · (1 − Z/X)`, never below 0: Z = (price − lowest)/lowest, X = x_percent/100.

    The lowest price gets full points, a price X % above it 0. With a lowest price of 0 any
    higher price is infinitely far above it and gets 0.
    """
    if price <= lowest:
        return Decimal(scale_max)
    if lowest <= 0:
        return Decimal(0)
    z = (price - lowest) / lowest
    return max(Decimal(0), Decimal(scale_max) * (1 - z / (x_percent / 100)))


def proportional_points(price: Decimal, lowest: Decimal, scale_max: int) -> Decimal:
    """`max · lowest / price`; a price of 0 (only possible when it is the lowest) gets full."""
    if price <= lowest:
        return Decimal(scale_max)
    return Decimal(scale_max) * lowest / price


def absolute_linear_points(
    price: Decimal, full_points_at: Decimal, zero_points_at: Decimal, scale_max: int
) -> Decimal:
    """Linear between two published prices: full points at or below `full_points_at`, 0 at or
    above `zero_points_at` (a bid outside the anchors gets the end point's points)."""
    if price <= full_points_at:
        return Decimal(scale_max)
    if price >= zero_points_at:
        return Decimal(0)
    return Decimal(scale_max) * (zero_points_at - price) / (zero_points_at - full_points_at)


def widened_zero_anchor(
    prices: Iterable[Decimal], zero_points_at: Decimal, widen_by: Decimal | None
) -> Decimal:
    """The zero-points anchor after the published widening: moved up by `widen_by` as long as
    an evaluated bid's price is above it (one anchor for all bids). Without widening, as
    published."""
    highest = max(prices, default=None)
    if widen_by is None or widen_by <= 0 or highest is None or highest <= zero_points_at:
        return zero_points_at
    steps = ((highest - zero_points_at) / widen_by).to_integral_value(rounding=ROUND_CEILING)
    return zero_points_at + steps * widen_by


def above_cap(price: Decimal, cap: Decimal | None) -> bool:
    """Whether a price is above the published cap (a price equal to the cap is in)."""
    return cap is not None and price > cap


def price_per_quality_point(price: Decimal, quality_points: Decimal) -> Decimal:
    """Kommissionsmodellen: price ÷ quality points (lowest wins); quality must be above 0."""
    return price / quality_points


def adjusted_price(price: Decimal, quality_points: Decimal, amount_per_point: Decimal) -> Decimal:
    """Price adjustment by quality: each quality point is worth `amount_per_point` off the
    price (lowest adjusted price wins)."""
    return price - amount_per_point * quality_points
