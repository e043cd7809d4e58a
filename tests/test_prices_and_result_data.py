"""The numbers a person or a program reads off a check: the price a vendor states in a
reservation, the points per answer, and the JSON of a result (`procure check --format json`)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from procure.evaluation import evaluate_response
from procure.evaluation.overrides import Override, Overrides, ReservationDecision
from procure.evaluation.prices import parse_price
from procure.evaluation.scoring import answer_factor, requirement_points, total_score
from procure.forms import Answer, kind_cell_text
from procure.tender.model import EvaluationModel
from tests.test_evaluation import ALL_MET, response_for, small_spec


@pytest.mark.parametrize(
    "text, price",
    [
        ("Pris: 1.250.000 kr.", Decimal(1250000)),
        ("1,250,000 DKK", Decimal(1250000)),
        ("Tillæg 25 000 kr.", Decimal(25000)),
        ("Tillæg 25\u00a0000 kr.", Decimal(25000)),
        ("Tillæg 25\u202f000 kr.", Decimal(25000)),
        ("Pris: 1.250 000 kr.", Decimal(1250000)),  # dot and space both group thousands
        ("1 250.000,5 kr.", Decimal("1250000.5")),
        ("kr. 1 250,50", Decimal("1250.50")),
        ("12,5 kr.", Decimal("12.5")),
        ("12.50 kr", Decimal("12.50")),
        ("1.250,50 kr.", Decimal("1250.50")),
        ("1,250.50 kr.", Decimal("1250.50")),
        ("1.250 kr.", Decimal(1250)),
        ("1,250 kr.", Decimal(1250)),
        ("kr 300", Decimal(300)),
        ("Pris 4000", Decimal(4000)),
        ("price: 99", Decimal(99)),
        ("Pris: kr. 4.000", Decimal(4000)),
        ("DKK: 12", Decimal(12)),
        ("5.000,- pr. år", Decimal(5000)),
        ("Pris: 100, dertil 200 kr.", Decimal(200)),
        ("Ingen merpris, men 500 kr. for opsætning", Decimal(500)),
        ("INGEN MERPRIS", Decimal(0)),
        ("Uden beregning", Decimal(0)),
        ("uden ekstra omkostning", Decimal(0)),
        ("ingen ekstra omkostning", Decimal(0)),
        ("uden merpris", Decimal(0)),
        ("at no cost", Decimal(0)),
        ("No extra cost", Decimal(0)),
        ("no additional cost", Decimal(0)),
        ("Free of charge", Decimal(0)),
        ("Leveres i version 3 i 2027", None),
        ("Ingen merprisaftale", None),
        ("2027", None),
        ("", None),
    ],
)
def test_the_price_a_vendor_states(text, price):
    assert parse_price(text) == price


def test_answer_factor_and_points_follow_the_published_partial_credit():
    model = EvaluationModel(partial_credit=Decimal("0.4"))
    assert answer_factor(Answer.MET, model) == 1
    assert answer_factor(Answer.PARTLY, model) == Decimal("0.4")
    assert answer_factor(Answer.NOT_MET, model) == 0
    assert answer_factor(None, model) == 0
    assert requirement_points(5, Answer.PARTLY, model) == Decimal("2.0")
    assert requirement_points(5, Answer.MET, model) == 5


@pytest.mark.parametrize(
    "points, weight, model, expected",
    [
        ([Decimal(3), Decimal(4)], 10, EvaluationModel(scale_max=10, decimals=2), "7.00"),
        ([Decimal(1)], 3, EvaluationModel(scale_max=100, decimals=1), "33.3"),
        ([Decimal(2)], 3, EvaluationModel(scale_max=5, decimals=0), "3"),
        ([Decimal(1)], 8, EvaluationModel(scale_max=5, decimals=3), "0.625"),
        ([Decimal(1)], 16, EvaluationModel(scale_max=10, decimals=2), "0.63"),
        ([Decimal(1)], 1, EvaluationModel(scale_max=10, decimals=2), "10.00"),
        ([Decimal("0.5")], 1, EvaluationModel(scale_max=10, decimals=0), "5"),
        ([], 0, EvaluationModel(decimals=2), "0.00"),
        ([Decimal(3)], -1, EvaluationModel(decimals=1), "0.0"),
    ],
)
def test_the_total_on_the_published_scale_and_decimals(points, weight, model, expected):
    assert str(total_score(points, weight, model)) == expected


def test_the_json_of_a_result_says_everything_a_person_reads():
    spec = small_spec()
    answers = dict(
        ALL_MET,
        **{
            "FKI-ORG-004": ("Ikke opfyldt", "Pris: 1.250,50 kr."),
            "FKI-ORG-003": "Delvist opfyldt",
            "FKI-INT-007": "Ikke opfyldt",
        },
    )
    overrides = Overrides(
        None,
        (Override("Leverandør A", "FKI-DRF-004", Decimal("2.5"), None, "Svag", "Eva", "t"),),
        (
            ReservationDecision(
                "Leverandør A", "FKI-ORG-004", "priced", Decimal(4000), "Skøn", "Jurist", "t"
            ),
        ),
    )
    data = evaluate_response(spec, response_for(spec, answers), overrides).to_data()
    assert data["vendor"] == "Leverandør A" and data["source"] == "a.docx"
    assert data["tender_id"] == spec.tender.id
    assert data["compliant"] is False
    assert data["reasons"] == ["Mindstekrav ikke opfyldt: FKI-INT-007"]
    assert data["mandatory_failed"] == ["FKI-INT-007"]
    assert data["reservations"] == [
        {
            "id": "FKI-ORG-004",
            "answer": "Ikke opfyldt",
            "price": 1250.5,
            "text": "Pris: 1.250,50 kr.",
            "decision": "priced",
            "buyer_price": 4000,
            "decision_reason": "Skøn",
        }
    ]
    assert data["integrations_missing"] == ["organisation"]
    assert data["integrations_partly"] == []  # organisation is missing, not partly met
    # with the mindstekrav met, the PK partly met leaves organisation partly covered
    partly = dict(ALL_MET, **{"FKI-ORG-003": "Delvist opfyldt"})
    data_partly = evaluate_response(spec, response_for(spec, partly)).to_data()
    assert (data_partly["integrations_missing"], data_partly["integrations_partly"]) == (
        [],
        ["organisation"],
    )
    # computed 3 + 5 + 4 = 12 of 15; final 3 + 2.5 + 4 = 9.5 of 15
    assert (data["computed_score"], data["score"], data["max_score"]) == (8, 6.33, 10)
    assert isinstance(data["computed_score"], int) and isinstance(data["score"], float)
    assert {"code": "mandatory_failed", "requirement": "FKI-INT-007"}.items() <= next(
        f for f in data["findings"] if f["code"] == "mandatory_failed"
    ).items()
    assert all(set(f) == {"code", "requirement", "message"} for f in data["findings"])
    by_id = {r["id"]: r for r in data["requirements"]}
    assert list(by_id) == [r.id for r in spec.requirements]
    assert by_id["FKI-DRF-004"] == {
        "id": "FKI-DRF-004",
        "number": "3.1.1",
        "kind": "PK",
        "weight": 5,
        "answer": "met",
        "answer_text": "Opfyldt",
        "verdict": "ok",
        "computed_points": 5,
        "points": 2.5,
        "override_reason": "Svag",
    }
    assert by_id["FKI-ORG-003"]["answer"] == "partly" and by_id["FKI-ORG-003"]["points"] == 3
    assert by_id["FKI-INT-007"] == {
        "id": "FKI-INT-007",
        "number": "3.4.1",
        "kind": "MK",
        "weight": None,
        "answer": "not_met",
        "answer_text": "Ikke opfyldt",
        "verdict": "failed",
        "computed_points": None,
        "points": None,
        "override_reason": None,
    }
    assert data["note"].startswith("Vurderingen er procures forslag")


def test_the_json_of_an_unanswered_requirement_and_an_open_reservation():
    spec = small_spec()
    answers = {k: v for k, v in ALL_MET.items() if k != "FKI-ORG-004"}
    data = evaluate_response(spec, response_for(spec, answers)).to_data()
    assert data["reservations"] == [
        {
            "id": "FKI-ORG-004",
            "answer": "",
            "price": None,
            "text": "",
            "decision": None,
            "buyer_price": None,
            "decision_reason": "",
        }
    ]
    row = next(r for r in data["requirements"] if r["id"] == "FKI-ORG-004")
    assert (row["answer"], row["answer_text"], row["verdict"]) == (None, "", "reservation")
    assert (data["compliant"], data["reasons"], data["score"]) == (True, [], 10)


def test_the_type_cell_shows_the_weight_of_a_pk_only():
    assert kind_cell_text("PK", 5, "da") == "PK (vægt 5)"
    assert kind_cell_text("PK", 5, "en") == "PK (weight 5)"
    assert kind_cell_text("PK", None, "da") == "PK"
    assert kind_cell_text("K", 3, "da") == "K"
    assert kind_cell_text("MK", None, "en") == "MK"
