"""Golden award cases: one YAML file per case in tests/award_cases/, inputs and hand-worked
expected figures, run through the tender parser and the award core.

A case file has `evaluation` (and `price_lines`) exactly as tender.yaml writes them,
`requirements` ({id: {kind, weight}}; by default every id the criteria name, as a PK at its
weight), `bids` (vendor, `price` or `prices` [{line, unit_price}], consensus `points` or, for
the old model, `answers`, and compliance), and `expected`: the bids in ranking order with the
keys of the award JSON to compare. A `standstill` case lists sending dates and end dates.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from procure.award import (
    Bid,
    award,
    award_model,
    evaluation_problems,
    old_model_points,
    read_price_entries,
    standstill_ends,
)
from procure.award.points import weighted_mean, weighted_total
from procure.award.price_models import (
    proportional_points,
    relative_linear_points,
    widened_zero_anchor,
)
from procure.award.standstill import is_working_day
from procure.evaluation.scoring import requirement_points, total_score
from procure.forms import ANSWER_LABELS
from procure.i18n import language
from procure.tender.io import parse_tender
from procure.tender.model import Tender

CASES_DIR = Path(__file__).parent / "award_cases"
CASES = sorted(CASES_DIR.glob("*.yaml"))
ANSWERS = {label: answer for answer, label in ANSWER_LABELS["da"].items()}


def load_case(path: Path) -> dict:
    return yaml.safe_load(path.read_text("utf-8"))


def case_tender(case: dict) -> tuple[Tender, dict[str, tuple[str, int | None]]]:
    """The case's tender, parsed from YAML text as `tender.yaml` would be, and its
    requirements as {id: (kind, weight)}."""
    requirements = {
        rid: (spec["kind"], spec.get("weight"))
        for rid, spec in (case.get("requirements") or {}).items()
    }
    if not requirements:
        for criterion in case["evaluation"].get("criteria", ()):
            groups = criterion.get("sub") or [criterion]
            for group in groups:
                for rid, weight in (group.get("requirements") or {}).items():
                    requirements[rid] = ("PK", weight)
    document = {
        "id": "0b7c6f3e-2a41-4d8e-9a57-1f3c2d4e5a60",
        "title": "Golden case",
        "buyer": {"name": "Eksempel Kommune"},
        "case_number": "",
        "date": "2026-11-26",
        "language": "da",
        "library_version": "1.0.0",
        "category": "Y65",
        "requirements": [
            {"id": rid, "kind": kind} | ({"weight": weight} if weight is not None else {})
            for rid, (kind, weight) in requirements.items()
        ],
        "evaluation": case["evaluation"],
    }
    if case.get("price_lines"):
        document["price_lines"] = case["price_lines"]
    tender = parse_tender(yaml.safe_dump(document, allow_unicode=True), "case.yaml")
    return tender, requirements


def case_bids(case: dict, tender: Tender) -> list[Bid]:
    bids = []
    for raw in case["bids"]:
        points = {rid: Decimal(str(p)) for rid, p in (raw.get("points") or {}).items()}
        for rid, label in (raw.get("answers") or {}).items():
            points[rid] = old_model_points(ANSWERS[label], tender.evaluation)
        price = Decimal(raw["price"]) if "price" in raw else None
        if "prices" in raw:
            reading = read_price_entries(tender.price_lines, raw["prices"])
            assert reading.ok, reading.problems
            price = reading.price
        bids.append(
            Bid(
                vendor=raw["vendor"],
                points=points,
                price=price,
                proposed_compliant=raw.get("proposed_compliant", True),
                confirmed_compliant=raw.get("confirmed_compliant"),
                reasons=tuple(raw.get("reasons", ())),
            )
        )
    return bids


AWARD_CASES = [p for p in CASES if "bids" in load_case(p)]


@pytest.mark.parametrize("path", AWARD_CASES, ids=lambda p: p.stem)
def test_award_case(path):
    case = load_case(path)
    tender, requirements = case_tender(case)
    problems = evaluation_problems(
        tender, [(rid, kind, weight) for rid, (kind, weight) in requirements.items()]
    )
    assert [p.text("en") for p in problems] == [], "a golden case's model must be valid"
    pk = {rid: weight for rid, (kind, weight) in requirements.items() if kind == "PK"}
    model = award_model(tender, pk)
    with language("da"):
        result = award(model, case_bids(case, tender))
        data = result.to_data()
    expected = case["expected"]
    assert [b["vendor"] for b in data["ranking"]] == [e["vendor"] for e in expected["ranking"]]
    for want, got in zip(expected["ranking"], data["ranking"], strict=True):
        for key, value in want.items():
            assert got[key] == value, f"{want['vendor']}.{key}: {got[key]!r} != {value!r}"
    if "lowest_price" in expected:
        assert result.lowest_price == Decimal(expected["lowest_price"])
    if "zero_points_at" in expected:
        assert result.zero_points_at == Decimal(expected["zero_points_at"])


def test_the_old_model_gives_the_checks_own_scores():
    """An old evaluation block means what it meant: the award's total is the check's score."""
    case = load_case(CASES_DIR / "old-model.yaml")
    tender, requirements = case_tender(case)
    model = award_model(tender, {r: w for r, (k, w) in requirements.items() if k == "PK"})
    assert model.from_old_model
    assert [c.name for c in model.criteria] == ["Kvalitet"]
    assert model.criteria[0].requirements == (
        ("FKI-TST-001", 3),
        ("FKI-TST-002", 3),
        ("FKI-TST-003", 1),
    )
    result = award(model, case_bids(case, tender))
    total_weight = sum(w for k, w in requirements.values() if k == "PK")
    for raw in case["bids"]:
        earned = [
            requirement_points(requirements[rid][1], ANSWERS[label], tender.evaluation)
            for rid, label in raw["answers"].items()
        ]
        old = total_score(earned, total_weight, tender.evaluation)
        assert result.bid(raw["vendor"]).total == old


STANDSTILL = [
    pytest.param(item, id=f"{item['sent_on']}-{'e' if item['electronic'] else 'letter'}")
    for item in load_case(CASES_DIR / "standstill.yaml")["standstill"]
]


@pytest.mark.parametrize("item", STANDSTILL)
def test_standstill_case(item):
    sent = dt.date.fromisoformat(item["sent_on"])
    ends = standstill_ends(sent, electronic=item["electronic"])
    assert ends.isoformat() == item["ends"], item["why"]
    assert is_working_day(ends)


def test_every_case_file_is_run():
    kinds = [("bids" in load_case(p)) or ("standstill" in load_case(p)) for p in CASES]
    assert all(kinds) and len(CASES) >= 12


# -- The price models' edges, one function at a time ---------------------------------------------


def test_a_price_of_0_that_is_the_lowest_gets_full_proportional_points():
    assert proportional_points(Decimal(0), Decimal(0), 10) == 10
    assert proportional_points(Decimal(200), Decimal(100), 10) == 5


@pytest.mark.parametrize(
    "price, lowest, points",
    [
        ("0", "0", "10"),  # the lowest price gets full points, also when it is 0
        ("100", "0", "0"),  # above a lowest price of 0: infinitely far above it
        ("1.5", "1", "5"),  # 50 % above a lowest price of 1 kr.
        ("150", "100", "5"),
        ("250", "100", "0"),  # more than X % above: 0, never below
    ],
)
def test_relative_linear_points_at_the_edges(price, lowest, points):
    assert relative_linear_points(Decimal(price), Decimal(lowest), Decimal(100), 10) == Decimal(
        points
    )


@pytest.mark.parametrize(
    "prices, widen_by, anchor",
    [
        ([], Decimal(10), Decimal(100)),  # no evaluated price: the anchor as published
        ([Decimal(50)], Decimal(10), Decimal(100)),  # every price below it: not moved down
        ([Decimal(112)], None, Decimal(100)),  # no widening published
        ([Decimal(112)], Decimal(0), Decimal(100)),  # a widening of 0 is none
        ([Decimal(112)], Decimal(10), Decimal(120)),  # 1.2 steps: up to the next whole step
        ([Decimal(120)], Decimal(10), Decimal(120)),  # exactly two steps
        ([Decimal("100.5")], Decimal(1), Decimal(101)),  # a step of 1 widens like any other
        ([Decimal("100.5"), Decimal(90)], Decimal("0.5"), Decimal("100.5")),
    ],
)
def test_the_zero_anchor_moves_up_in_whole_published_steps_past_the_highest_price(
    prices, widen_by, anchor
):
    assert widened_zero_anchor(prices, Decimal(100), widen_by) == anchor


def test_points_of_weights_that_sum_to_0_are_0_and_no_criteria_total_0():
    assert weighted_mean([]) == 0
    assert weighted_mean([(Decimal(7), 0), (Decimal(5), 0)]) == 0
    assert weighted_mean([(Decimal(7), 1), (Decimal(4), 2)]) == 5
    assert str(weighted_total([], 2)) == "0.00"
    assert str(weighted_total([(Decimal("7.125"), 100)], 2)) == "7.13"  # half up
