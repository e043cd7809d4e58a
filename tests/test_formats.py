"""Numbers, amounts, dates and times as Danish and English officers write them (Babel)."""

import datetime as dt
from decimal import Decimal

import pytest

from procure.evaluation.messages import money, number
from procure.formats import (
    amount_text,
    date_text,
    decimal_text,
    parse_number,
    plain_decimal_text,
    time_text,
)


@pytest.mark.parametrize(
    "value, lang, expected",
    [
        (Decimal("8.00"), "da", "8,00"),  # a score keeps its published decimals
        (Decimal("6.04"), "en", "6.04"),
        (Decimal("1234.5"), "da", "1.234,5"),
        (Decimal("10"), "da", "10"),
    ],
)
def test_scores_keep_their_decimals_with_the_languages_separators(value, lang, expected):
    assert decimal_text(value, lang) == expected == number(value, lang)


@pytest.mark.parametrize(
    "value, lang, expected",
    [
        (Decimal("12500.50"), "da", "12.500,50"),
        (Decimal("12500.5"), "en", "12,500.50"),
        (Decimal("25000"), "da", "25.000"),
        (Decimal("25000.00"), "da", "25.000"),
        (Decimal("1250000"), "en", "1,250,000"),
        (Decimal("0.5"), "da", "0,50"),
    ],
)
def test_amounts_have_thousands_separators_and_no_zero_decimals(value, lang, expected):
    assert amount_text(value, lang) == expected == money(value, lang)


def test_published_parameters_are_written_without_trailing_zeros():
    assert plain_decimal_text(Decimal("0.30"), "da") == "0,3"
    assert plain_decimal_text(Decimal("0.30"), "en") == "0.3"
    assert plain_decimal_text(Decimal("40"), "da") == "40"


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("0,3", "da", Decimal("0.3")),
        ("1.250,5", "da", Decimal("1250.5")),
        (" 12 500 ", "da", Decimal("12500")),
        ("0.3", "da", Decimal("0.3")),  # no thousands group: unambiguous
        ("1,250.5", "en", Decimal("1250.5")),
    ],
)
def test_numbers_typed_the_danish_way_are_understood(text, lang, expected):
    assert parse_number(text, lang) == expected


@pytest.mark.parametrize("text", ["abc", "", "NaN", "Infinity", "1,2,3,4"])
def test_text_that_is_not_a_number_is_refused(text):
    with pytest.raises(ValueError):
        parse_number(text, "da")


def test_dates_in_words():
    assert date_text(dt.date(2026, 11, 26), "da") == "26. november 2026"
    assert date_text(dt.date(2027, 1, 15), "en") == "15 January 2027"


def test_times_are_danish_local_time_summer_and_winter():
    assert time_text(dt.datetime(2026, 12, 6, 16, 1, tzinfo=dt.UTC), "da") == "6. dec. 2026 17.01"
    assert time_text(dt.datetime(2026, 7, 1, 10, 0, tzinfo=dt.UTC), "da") == "1. jul. 2026 12.00"
    assert time_text(dt.datetime(2026, 7, 1, 10, 0, tzinfo=dt.UTC), "en") == "1 Jul 2026, 12:00"
