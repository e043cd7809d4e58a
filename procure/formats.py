"""Numbers, amounts, dates and times as Danish (or English) officers write them.

One place, backed by Babel's CLDR data instead of hand-written separators and month names:
"12.500,50" and "26. november 2026" in Danish, "12,500.50" and "26 November 2026" in English.
Times are shown in Danish local time (Europe/Copenhagen), whatever the server's zone.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import cache
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date, format_datetime
from babel.numbers import NumberFormatError, format_decimal, parse_decimal

LOCALES = {"da": "da_DK", "en": "en_GB"}
DANISH_TIME = ZoneInfo("Europe/Copenhagen")


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(LOCALES.get(lang, LOCALES["da"]))


def decimal_text(value: Decimal | int | float, lang: str, decimals: int | None = None) -> str:
    """A number with the language's separators. Without `decimals`, a Decimal keeps the digits
    it has ("8.00" stays "8,00": a score keeps its published decimals)."""
    value = Decimal(str(value)) if not isinstance(value, Decimal) else value
    if decimals is None:
        exponent = value.as_tuple().exponent
        decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=_locale(lang), decimal_quantization=True)


def plain_decimal_text(value: Decimal, lang: str) -> str:
    """A number with no trailing zeros and no thousands separator: 0,3 · 12,5 · 40."""
    text = format(value.normalize(), "f")
    return text.replace(".", _locale(lang).number_symbols["latn"]["decimal"])


def amount_text(value: Decimal | int | float, lang: str) -> str:
    """An amount: thousands separators, two decimals unless whole ("12.500" / "12.500,50")."""
    value = Decimal(str(value)) if not isinstance(value, Decimal) else value
    return decimal_text(value, lang, 0 if value == value.to_integral_value() else 2)


def parse_number(text: str, lang: str) -> Decimal:
    """A number typed the way the language writes it ("0,3" and "1.250,5" in Danish).

    Raises ValueError for text that is not a finite number."""
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "")
    try:
        value = parse_decimal(cleaned, locale=_locale(lang), strict=True)
    except NumberFormatError:
        # "0.3" typed in Danish is unambiguous when it has no thousands group
        try:
            value = parse_decimal(cleaned, locale=_locale("en"), strict=True)
        except NumberFormatError as exc:
            raise ValueError(text) from exc
    if not value.is_finite():
        raise ValueError(text)
    return value


def date_text(day: dt.date, lang: str) -> str:
    """ "26. november 2026" / "26 November 2026"."""
    return format_date(day, "long", locale=_locale(lang))


def time_text(moment: dt.datetime, lang: str) -> str:
    """A moment in Danish local time: "6. dec. 2026 17.01" / "6 Dec 2026, 17:01"."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    pattern = "d. MMM y HH.mm" if lang == "da" else "d MMM y, HH:mm"
    return format_datetime(moment, pattern, tzinfo=DANISH_TIME, locale=_locale(lang))
