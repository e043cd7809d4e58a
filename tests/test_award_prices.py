"""A vendor's prices are untrusted: procure recomputes every total and flags what is off."""

from __future__ import annotations

from decimal import Decimal

import pytest

from procure.award import bid_price, parse_amount, read_price_entries
from procure.award.prices import (
    BLANK,
    DUPLICATE_LINE,
    LINE_TOTAL_DIFFERS,
    MISSING_LINE,
    NEGATIVE,
    NOT_A_NUMBER,
    QUANTITY_CHANGED,
    TOTAL_DIFFERS,
    UNKNOWN_LINE,
)
from procure.tender.model import PriceLine

LINES = (
    PriceLine("P1", "Licens pr. år", Decimal(4)),
    PriceLine("P2", "Implementering", Decimal(1), weight=Decimal("0.5")),
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1250000, "1250000"),
        ("1250000", "1250000"),
        ("1250000,50", "1250000.50"),
        ("1.250.000,50", "1250000.50"),
        ("1,250,000.50", "1250000.50"),
        ("1 250 000 kr.", "1250000"),
        ("DKK 1.250.000", "1250000"),
        ("1250.5", "1250.5"),
        (1250.5, "1250.5"),
        (Decimal("7.25"), "7.25"),
        ("-100", "-100"),
    ],
)
def test_amounts_as_vendors_write_them(value, expected):
    assert parse_amount(value) == Decimal(expected)


@pytest.mark.parametrize(
    "value", ["1.250", "1,250", "1e6", "NaN", "inf", "12 øre", "=1+1", "", True, None, [], 1e400]
)
def test_ambiguous_or_non_numeric_amounts_are_refused(value):
    assert parse_amount(value) is None


def test_the_price_is_unit_price_times_quantity_times_line_weight():
    unit = {"P1": Decimal("100000"), "P2": Decimal("300000")}
    assert bid_price(LINES, unit) == Decimal("550000")  # 4 * 100,000 + 300,000 * 0.5


def test_a_clean_price_list_reads_without_problems():
    reading = read_price_entries(
        LINES,
        [
            {"line": "P1", "unit_price": "100.000,00", "quantity": 4, "total": "400000"},
            {"line": "P2", "unit_price": 300000},
        ],
        stated_total="700.000,00",
    )
    assert reading.ok
    assert reading.unit_prices == (("P1", Decimal("100000")), ("P2", Decimal("300000")))
    assert reading.price == Decimal("550000")


def codes(reading) -> list[tuple[str, str]]:
    return [(p.line, p.code) for p in reading.problems]


@pytest.mark.parametrize(
    ("entry", "code", "words"),
    [
        ({"line": "P1", "unit_price": ""}, BLANK, "prislinjen P1 har ingen enhedspris"),
        ({"line": "P1"}, BLANK, "prislinjen P1 har ingen enhedspris"),
        (
            {"line": "P1", "unit_price": "-5"},
            NEGATIVE,
            "enhedsprisen på prislinjen P1 er negativ: -5",
        ),
        (
            {"line": "P1", "unit_price": "=SUM(A1:A9)"},
            NOT_A_NUMBER,
            "enhedsprisen på prislinjen P1 er ikke et tal: '=SUM(A1:A9)'",
        ),
        (
            {"line": "P1", "unit_price": "gratis"},
            NOT_A_NUMBER,
            "enhedsprisen på prislinjen P1 er ikke et tal: 'gratis'",
        ),
        (  # one line, spaces collapsed
            {"line": "P1", "unit_price": "se \n  bilag\t4"},
            NOT_A_NUMBER,
            "enhedsprisen på prislinjen P1 er ikke et tal: 'se bilag 4'",
        ),
        (  # 40 characters are shown whole
            {"line": "P1", "unit_price": "x" * 40},
            NOT_A_NUMBER,
            f"enhedsprisen på prislinjen P1 er ikke et tal: '{'x' * 40}'",
        ),
        (  # more are cut at 40
            {"line": "P1", "unit_price": "y" * 40 + "z"},
            NOT_A_NUMBER,
            f"enhedsprisen på prislinjen P1 er ikke et tal: '{'y' * 40}…'",
        ),
    ],
)
def test_an_unusable_unit_price_is_flagged_and_gives_no_price(entry, code, words):
    reading = read_price_entries(LINES, [entry, {"line": "P2", "unit_price": "1"}])
    assert codes(reading) == [("P1", code)]
    assert reading.problems[0].message.text("da") == words
    assert reading.price is None


def test_a_changed_quantity_is_flagged_and_the_tenders_quantity_counts():
    reading = read_price_entries(
        LINES,
        [
            {"line": "P1", "unit_price": "100000", "quantity": "1"},
            {"line": "P2", "unit_price": "0"},
        ],
    )
    assert codes(reading) == [("P1", QUANTITY_CHANGED)]
    assert reading.problems[0].message.text("en") == (
        "the quantity on the price line P1 was changed from 4 to '1'; the price is computed with "
        "the tender's quantity"
    )
    assert reading.price == Decimal("400000")
    # a quantity in hours, written as each language writes a number
    hours = (PriceLine("T1", "Konsulenttimer", Decimal("1250.5")),)
    reading = read_price_entries(hours, [{"line": "T1", "unit_price": "900", "quantity": "1250"}])
    assert reading.problems[0].message.text("da") == (
        "antallet på prislinjen T1 er ændret fra 1.250,5 til '1250'; prisen beregnes med "
        "udbuddets antal"
    )
    assert "changed from 1,250.5 to '1250'" in reading.problems[0].message.text("en")


def test_a_vendor_total_that_differs_is_flagged_and_procures_own_is_used():
    reading = read_price_entries(
        LINES,
        [
            {"line": "P1", "unit_price": "100000", "total": "100000"},
            {"line": "P2", "unit_price": "300000"},
        ],
        stated_total="650000",
    )
    assert codes(reading) == [("P1", LINE_TOTAL_DIFFERS), ("", TOTAL_DIFFERS)]
    assert reading.problems[0].message.text("da") == (
        "leverandørens sum '100000' på prislinjen P1 passer ikke med enhedspris × antal = "
        "400.000,00; procure bruger sin egen"
    )
    assert reading.problems[1].message.text("da") == (
        "leverandørens samlede pris '650000' passer ikke med summen af prislinjerne = "
        "700.000,00; procure bruger sin egen"
    )
    assert reading.problems[1].message.text("en") == (
        "the vendor's total price '650000' does not match the sum of the price lines = "
        "700,000.00; procure uses its own"
    )
    assert reading.price == Decimal("550000")


def test_unknown_repeated_and_missing_lines_are_flagged():
    reading = read_price_entries(
        LINES,
        [
            {"line": "P1", "unit_price": "1"},
            {"line": "P1", "unit_price": "2"},
            {"line": "P9", "unit_price": "3"},
        ],
    )
    assert codes(reading) == [("P1", DUPLICATE_LINE), ("P9", UNKNOWN_LINE), ("P2", MISSING_LINE)]
    assert reading.unit_prices == (("P1", Decimal(1)),)  # the first entry counts
    assert reading.price is None


def test_an_empty_quantity_cell_is_no_change_of_quantity():
    reading = read_price_entries(
        LINES,
        [{"line": "P1", "unit_price": "10", "quantity": ""}, {"line": "P2", "unit_price": "2"}],
    )
    assert reading.problems == ()
    assert reading.price == Decimal(41)  # 10 × 4 + 2 × 1 × 0.5


def test_an_entry_without_a_line_or_on_an_unknown_line_is_flagged_with_its_words():
    reading = read_price_entries(
        LINES,
        [
            {"unit_price": "1"},
            {"line": " P9 ", "unit_price": "3"},
            {"line": "P1", "unit_price": "1"},
            {"line": "P2", "unit_price": "1"},
        ],
    )
    assert [(p.line, p.message.text("da")) for p in reading.problems] == [
        ("", "prislinjen '' findes ikke i udbuddet"),
        ("P9", "prislinjen 'P9' findes ikke i udbuddet"),
    ]


def test_amounts_of_at_most_28_characters_and_finite_decimals_are_read():
    assert parse_amount("1" * 28) == Decimal("1" * 28)
    assert parse_amount("1" * 29) is None
    assert parse_amount(Decimal("NaN")) is None
    assert parse_amount(Decimal("-Infinity")) is None
    assert parse_amount(float("inf")) is None


def test_a_repeated_and_a_missing_line_are_flagged_with_their_words_and_empty_sums_are_none():
    reading = read_price_entries(
        LINES,
        [
            {"line": "P1", "unit_price": "1", "total": ""},
            {"line": "P1", "unit_price": "2"},
        ],
        stated_total="",
    )
    assert [(p.line, p.message.text("da")) for p in reading.problems] == [
        ("P1", "prislinjen P1 er udfyldt to gange; kun den første læses"),
        ("P2", "prislinjen P2 (Implementering) mangler"),
    ]
    complete = read_price_entries(
        LINES,
        [{"line": "P1", "unit_price": "1", "total": ""}, {"line": "P2", "unit_price": "2"}],
        stated_total="",
    )
    assert complete.problems == () and complete.price == Decimal(5)


def test_a_negative_unit_price_with_an_exponent_is_shown_in_plain_digits():
    reading = read_price_entries(
        LINES, [{"line": "P1", "unit_price": Decimal("-1E+3")}, {"line": "P2", "unit_price": "1"}]
    )
    assert reading.problems[0].message.text("da") == (
        "enhedsprisen på prislinjen P1 er negativ: -1000"
    )
