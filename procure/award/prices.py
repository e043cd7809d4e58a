"""A bid's prices: the vendor's unit prices read as untrusted data, totals recomputed here.

The readers of price lists, Excel response forms and answer files (`prices: [{line: P1,
unit_price: "1250000"}]`) hand over plain data; `read_price_entries` checks it against the
tender's price lines and recomputes every total itself. A vendor's own totals are compared,
never used, and formulas are never evaluated (readers pass cached values or text).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from procure.award.points import round_half_up
from procure.i18n import Message, Number, t
from procure.tender.model import PriceLine

BLANK = "blank"
NEGATIVE = "negative"
NOT_A_NUMBER = "not-a-number"
QUANTITY_CHANGED = "quantity-changed"
LINE_TOTAL_DIFFERS = "line-total-differs"
TOTAL_DIFFERS = "total-differs"
UNKNOWN_LINE = "unknown-line"
DUPLICATE_LINE = "duplicate-line"
MISSING_LINE = "missing-line"

# Amounts a person writes: 1250000, 1250000,50, 1.250.000,50 (Danish), 1,250,000.50, with
# spaces as thousands separators allowed; "1.250" and "1,250" are ambiguous and refused.
_PLAIN = re.compile(r"^-?\d+(?:[.,]\d+)?$")
_DANISH = re.compile(r"^-?\d{1,3}(?:\.\d{3})+(?:,\d+)?$")
_ENGLISH = re.compile(r"^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_AMBIGUOUS = re.compile(r"^-?\d{1,3}[.,]\d{3}$")
_CURRENCY = re.compile(r"^(?:kr\.?|dkk)\s*|\s*(?:kr\.?|dkk|,-)$", re.IGNORECASE)
_MAX_DIGITS = 20


@dataclass(frozen=True)
class PriceProblem:
    """One thing wrong with a vendor's price list, for the person to look at."""

    line: str  # price line id; "" for the list as a whole
    code: str
    message: Message


@dataclass(frozen=True)
class PriceReading:
    """A vendor's price list as procure reads it."""

    unit_prices: tuple[tuple[str, Decimal], ...]  # usable unit prices, by line id
    problems: tuple[PriceProblem, ...]
    price: Decimal | None  # the bid's price (see bid_price); None when a line is unusable

    @property
    def ok(self) -> bool:
        return not self.problems


def parse_amount(value: object) -> Decimal | None:
    """A number as a vendor wrote it, or None when it is not a plain, unambiguous number.

    Accepts integers, Decimals, finite floats (as their shortest text), and text such as
    "1250000", "1.250.000,50", "1,250,000.50", "1 250 000 kr.". Refuses booleans, "1e6",
    "NaN", and "1.250"/"1,250" (a thousands separator or a decimal point?).
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | Decimal):
        number = Decimal(value)
        return number if number.is_finite() else None
    if isinstance(value, float):
        number = Decimal(repr(value))
        return number if number.is_finite() else None
    if not isinstance(value, str):
        return None
    text = _CURRENCY.sub("", value.strip()).strip()
    text = re.sub(r"[\s\u00a0\u202f]", "", text)
    if not text or len(text) > _MAX_DIGITS + 8 or _AMBIGUOUS.match(text):
        return None
    if _DANISH.match(text):
        text = text.replace(".", "").replace(",", ".")
    elif _ENGLISH.match(text):
        text = text.replace(",", "")
    elif _PLAIN.match(text):
        text = text.replace(",", ".")
    else:
        return None
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - the patterns admit only digits
        return None


def bid_price(lines: Sequence[PriceLine], unit_prices: Mapping[str, Decimal]) -> Decimal:
    """Σ unit price × quantity (× the line's weight where the tender gives one)."""
    total = Decimal(0)
    for line in lines:
        amount = unit_prices[line.id] * line.quantity
        total += amount if line.weight is None else amount * line.weight
    return total


def read_price_entries(
    lines: Sequence[PriceLine],
    entries: Sequence[Mapping],
    stated_total: object = None,
    amount_decimals: int = 2,
) -> PriceReading:
    """Check a vendor's price entries against the tender's price lines.

    `entries` are `{"line": id, "unit_price": …}` with, where the vendor's file has them, its
    `quantity` and its line `total`; `stated_total` is the vendor's own grand total. Flags a
    blank, negative or non-numeric unit price, a changed quantity, a line or grand total that
    differs from procure's own (compared at `amount_decimals`), unknown, repeated and missing
    lines. The bid's price is computed only when every line has a usable unit price.
    """
    by_id = {line.id: line for line in lines}
    problems: list[PriceProblem] = []
    unit_prices: dict[str, Decimal] = {}
    seen: set[str] = set()
    for entry in entries:
        line_id = str(entry.get("line", "")).strip()
        line = by_id.get(line_id)
        if line is None:
            problems.append(
                PriceProblem(
                    line_id,
                    UNKNOWN_LINE,
                    t("prislinjen '{line}' findes ikke i udbuddet", line=line_id),
                )
            )
            continue
        if line_id in seen:
            problems.append(
                PriceProblem(
                    line_id,
                    DUPLICATE_LINE,
                    t("prislinjen {line} er udfyldt to gange; kun den første læses", line=line_id),
                )
            )
            continue
        seen.add(line_id)
        unit = _unit_price(line_id, entry.get("unit_price"), problems)
        _check_quantity(line, entry, problems)
        if unit is None:
            continue
        unit_prices[line_id] = unit
        if entry.get("total") not in (None, ""):
            _compare(
                line_id,
                LINE_TOTAL_DIFFERS,
                entry.get("total"),
                unit * line.quantity,
                amount_decimals,
                problems,
            )
    for line in lines:
        if line.id not in seen:
            problems.append(
                PriceProblem(
                    line.id,
                    MISSING_LINE,
                    t("prislinjen {line} ({text}) mangler", line=line.id, text=line.text),
                )
            )
    complete = all(line.id in unit_prices for line in lines)
    if complete and stated_total not in (None, ""):
        vendor_sum = sum((unit_prices[x.id] * x.quantity for x in lines), Decimal(0))
        _compare("", TOTAL_DIFFERS, stated_total, vendor_sum, amount_decimals, problems)
    return PriceReading(
        unit_prices=tuple(
            (line.id, unit_prices[line.id]) for line in lines if line.id in unit_prices
        ),
        problems=tuple(problems),
        price=bid_price(lines, unit_prices) if complete and lines else None,
    )


def _unit_price(line_id: str, raw: object, problems: list[PriceProblem]) -> Decimal | None:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        problems.append(
            PriceProblem(line_id, BLANK, t("prislinjen {line} har ingen enhedspris", line=line_id))
        )
        return None
    value = parse_amount(raw)
    if value is None:
        problems.append(
            PriceProblem(
                line_id,
                NOT_A_NUMBER,
                t(
                    "enhedsprisen på prislinjen {line} er ikke et tal: {value}",
                    line=line_id,
                    value=_shown(raw),
                ),
            )
        )
        return None
    if value < 0:
        problems.append(
            PriceProblem(
                line_id,
                NEGATIVE,
                t(
                    "enhedsprisen på prislinjen {line} er negativ: {value}",
                    line=line_id,
                    value=format(value, "f"),
                ),
            )
        )
        return None
    return value


def _check_quantity(line: PriceLine, entry: Mapping, problems: list[PriceProblem]) -> None:
    raw = entry.get("quantity")
    if raw in (None, ""):
        return
    stated = parse_amount(raw)
    if stated is None or stated != line.quantity:
        problems.append(
            PriceProblem(
                line.id,
                QUANTITY_CHANGED,
                t(
                    "antallet på prislinjen {line} er ændret fra {quantity} til {stated}; "
                    "prisen beregnes med udbuddets antal",
                    line=line.id,
                    quantity=Number(line.quantity),
                    stated=_shown(raw),
                ),
            )
        )


def _compare(
    line_id: str,
    code: str,
    stated_raw: object,
    computed: Decimal,
    decimals: int,
    problems: list[PriceProblem],
) -> None:
    stated = parse_amount(stated_raw)
    if stated is not None and round_half_up(stated, decimals) == round_half_up(computed, decimals):
        return
    shown = _shown(stated_raw)
    computed_text = Number(round_half_up(computed, decimals))
    message = (
        t(
            "leverandørens sum {stated} på prislinjen {line} passer ikke med enhedspris × "
            "antal = {computed}; procure bruger sin egen",
            stated=shown,
            line=line_id,
            computed=computed_text,
        )
        if line_id
        else t(
            "leverandørens samlede pris {stated} passer ikke med summen af prislinjerne = "
            "{computed}; procure bruger sin egen",
            stated=shown,
            computed=computed_text,
        )
    )
    problems.append(PriceProblem(line_id, code, message))


def _shown(raw: object) -> str:
    """A vendor's value as a message may show it: short, one line."""
    text = " ".join(str(raw).split())
    return repr(text[:40] + ("…" if len(text) > 40 else ""))
