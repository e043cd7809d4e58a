"""Reading the price a vendor states for a reservation ("Forbehold og pris")."""

from __future__ import annotations

import re
from decimal import Decimal

_NUMBER = (
    r"\d{1,3}(?:[.\s ]\d{3})+(?:,\d{1,2})?|\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:[.,]\d{1,2})?"
)
# A minus sign before the amount is kept: "-5.000 kr." is not a price of 5.000 (but the dash
# of a range, "3-4 kr.", is no sign). Group 1 is the sign, group 2 the number.
_SIGN = r"(?:(?<![\w.,])([-\u2212])\s*)?"
_CURRENCY_AFTER = re.compile(rf"{_SIGN}({_NUMBER})\s*(?:kr\.?|dkk|,-)", re.IGNORECASE)
_CURRENCY_BEFORE = re.compile(
    rf"(?:kr\.?|dkk|pris|price)\s*:?\s*(?:kr\.?|dkk)?\s*{_SIGN}({_NUMBER})", re.IGNORECASE
)
_DECIMALS = re.compile(r"[.,](\d{1,2})$")
_NO_COST = re.compile(
    r"\b(ingen merpris|uden merpris|uden beregning|uden ekstra omkostning|ingen ekstra "
    r"omkostning|no extra cost|no additional cost|free of charge|at no cost)\b",
    re.IGNORECASE,
)


def parse_price(text: str) -> Decimal | None:
    """The stated price in DKK, or None when the text states none.

    A number counts as a price only next to a currency or price marker ("25.000 kr.",
    "kr. 25.000,50", "DKK 12,500", "Pris: 4000", "5.000,-"), so "version 3" is not a price.
    "Ingen merpris" and the like count as 0.
    """
    if not text:
        return None
    for pattern in (_CURRENCY_AFTER, _CURRENCY_BEFORE):
        match = pattern.search(text)
        if match:
            value = _unsigned_decimal(match.group(2))
            return -value if match.group(1) else value
    if _NO_COST.search(text):
        return Decimal(0)
    return None


def _unsigned_decimal(token: str) -> Decimal:
    # Thousands may be grouped by any space: plain, no-break, narrow no-break ("25 000"). The
    # number pattern lets through decimals only as one or two digits after the last separator
    # ("1.250,50", "1,250.50", "12,5"); every other separator groups thousands ("1.250").
    token = "".join(token.split())
    decimals = _DECIMALS.search(token)
    whole = token[: decimals.start()] if decimals else token
    digits = whole.replace(".", "").replace(",", "")
    return Decimal(digits + "." + decimals.group(1) if decimals else digits)
