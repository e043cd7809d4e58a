"""Evaluators' points kept apart, disagreements, consensus with a log, readiness for letters,
and the award's independence of the order points were entered in."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from procure.award import (
    AwardModel,
    Bid,
    ConsensusScore,
    EvaluatorScore,
    Rounding,
    Scale,
    ScoreChange,
    award,
    consensus_inputs,
    consensus_points,
    disagreements,
    disagreements_data,
    missing_for_letters,
    parse_points,
    points_problem,
    prices_may_be_shown,
    record_consensus,
    record_score,
)
from procure.award.consensus import change_data
from procure.errors import ProcureError
from procure.evaluation.overrides import Overrides, dump_overrides, parse_overrides
from procure.i18n import language
from procure.tender.model import Criterion, Kommissionsmodel, PriceLine, PriceModel, SubCriterion

SCALE = Scale(10, 2)
REQUIREMENTS = ("FKI-BRG-004", "FKI-DRF-002", "FKI-IND-005")
MODEL = AwardModel(
    award_criterion="bedste forhold mellem pris og kvalitet",
    scale=SCALE,
    rounding=Rounding(sub=2, criterion=2, total=2, amount=2),
    criteria=(
        Criterion(
            "Kvalitet",
            60,
            sub=(
                SubCriterion("Funktionalitet", 70, (("FKI-BRG-004", 6), ("FKI-DRF-002", 6))),
                SubCriterion("Implementering", 30, (("FKI-IND-005", 4),)),
            ),
        ),
        Criterion("Pris", 40, price_model=PriceModel("relative-linear", x_percent=Decimal(100))),
    ),
    tie_break=("lowest-price",),
    price_lines=(PriceLine("P1", "Samlet pris"),),
)


def score(vendor, requirement, evaluator, points):
    return EvaluatorScore(vendor, requirement, evaluator, Decimal(points))


# -- Points on the scale ---------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["0", "10", "7,5", "7.25", 3, "9.99"])
def test_points_on_the_scale_are_accepted(value):
    assert parse_points(value, SCALE) == Decimal(str(value).replace(",", "."))


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("10.01", "10.01 ligger uden for skalaen 0–10"),
        ("-1", "-1 ligger uden for skalaen 0–10"),
        ("7.125", "7.125 har flere decimaler end skalaens 2"),
        ("syv", "'syv' er ikke et tal"),
        ("NaN", "'NaN' er ikke et tal"),
        ("1e1", "'1e1' er ikke et tal"),
    ],
)
def test_points_outside_the_scale_or_its_decimals_are_refused(value, words):
    assert points_problem(value, SCALE).text("da") == words
    with pytest.raises(ProcureError) as raised:
        parse_points(value, SCALE)
    assert str(raised.value) == words


def test_a_scale_without_decimals_refuses_halves():
    assert (
        points_problem("7.5", Scale(8, 0)).text("en") == "7.5 has more decimals than the scale's 0"
    )
    assert points_problem("7.0", Scale(8, 0)) is None


# -- Evaluators apart, disagreements ---------------------------------------------------------------


def test_evaluators_are_kept_apart_and_more_than_a_tenth_of_the_scale_is_a_disagreement():
    scores = [
        score("A", "FKI-BRG-004", "Ole", "7"),
        score("A", "FKI-BRG-004", "Kim", "8"),  # exactly 1 apart: not a disagreement
        score("A", "FKI-DRF-002", "Ole", "6"),
        score("A", "FKI-DRF-002", "Kim", "7.01"),  # more than 1 apart
        score("A", "FKI-DRF-002", "Sara", "6.5"),
        score("B", "FKI-BRG-004", "Ole", "5"),
        score("B", "FKI-BRG-004", "Kim", "5"),
    ]
    inputs = consensus_inputs(scores, SCALE)
    assert [(i.vendor, i.requirement, i.disagreement, i.agreed) for i in inputs] == [
        ("A", "FKI-BRG-004", False, None),
        ("A", "FKI-DRF-002", True, None),
        ("B", "FKI-BRG-004", False, Decimal(5)),
    ]
    assert inputs[1].points == (
        ("Kim", Decimal("7.01")),
        ("Ole", Decimal(6)),
        ("Sara", Decimal("6.5")),
    )
    assert disagreements_data(disagreements(scores, SCALE)) == {
        "disagreements": [
            {
                "vendor": "A",
                "requirement": "FKI-DRF-002",
                "points": {"Kim": "7.01", "Ole": "6", "Sara": "6.5"},
            }
        ]
    }
    # On a 0–100 scale a tenth is 10 points
    assert not disagreements(
        [score("A", "X", "Ole", "50"), score("A", "X", "Kim", "60")], Scale(100, 0)
    )


def test_one_evaluators_points_are_agreed_on_by_themselves():
    inputs = consensus_inputs([score("A", "FKI-BRG-004", "Ole", "7.5")], SCALE)
    assert [(i.points, i.spread, i.disagreement, i.agreed) for i in inputs] == [
        ((("Ole", Decimal("7.5")),), Decimal(0), False, Decimal("7.5"))
    ]


def test_two_scores_from_one_evaluator_for_one_requirement_are_refused():
    with pytest.raises(ProcureError) as raised:
        consensus_inputs([score("A", "FKI-BRG-004", "Ole", "7")] * 2, SCALE)
    assert str(raised.value) == "[FKI-BRG-004] A: Ole har to point for samme krav"


def test_an_evaluators_changed_score_is_logged_with_a_reason():
    recorded, change = record_score(
        {}, score("A", "R", "Ole", "7"), scale=SCALE, who="Ole", when="t1"
    )
    assert change is None
    with pytest.raises(ProcureError) as raised:
        record_score(recorded, score("A", "R", "Ole", "8"), scale=SCALE, who="Ole", when="t2")
    assert str(raised.value) == (
        "[R] A: en begrundelse mangler; hver konsensusscore skal kunne begrundes over for "
        "tilbudsgiverne (udbudslovens §§ 171 og 174)"
    )
    changed = EvaluatorScore("A", "R", "Ole", Decimal(8), why="Overså bilag 4")
    recorded, change = record_score(recorded, changed, scale=SCALE, who="Kim", when="t2")
    assert (change.old, change.new, change.evaluator, change.why, change.who, change.when) == (
        Decimal(7),
        Decimal(8),
        "Ole",
        "Overså bilag 4",
        "Kim",
        "t2",
    )
    assert recorded[("A", "R", "Ole")].points == Decimal(8)


# -- Consensus -------------------------------------------------------------------------------------


def test_consensus_needs_a_reason_and_every_change_is_logged():
    with pytest.raises(ProcureError) as raised:
        record_consensus(
            {}, ConsensusScore("A", "R", Decimal(7), "  "), scale=SCALE, who="Udvalget", when="t1"
        )
    assert "en begrundelse mangler" in str(raised.value)
    first = ConsensusScore("A", "R", Decimal(7), "Beskriver arbejdsgangen konkret")
    recorded, change = record_consensus(
        {}, first, scale=SCALE, who="Udvalget", when="2027-02-01T10:00"
    )
    assert (change.old, change.new, change.who, change.when) == (
        None,
        Decimal(7),
        "Udvalget",
        "2027-02-01T10:00",
    )
    again, change = record_consensus(recorded, first, scale=SCALE, who="Udvalget", when="t2")
    assert change is None and again == recorded
    second = ConsensusScore("A", "R", Decimal("7.5"), "Bilag 4 viser også integrationen")
    recorded, change = record_consensus(recorded, second, scale=SCALE, who="Kim", when="t3")
    assert (change.old, change.new, change.who, change.why) == (
        Decimal(7),
        Decimal("7.5"),
        "Kim",
        "Bilag 4 viser også integrationen",
    )
    with pytest.raises(ProcureError):
        record_consensus(
            recorded, ConsensusScore("A", "R", Decimal(11), "x"), scale=SCALE, who="K", when="t"
        )


def test_letters_wait_for_confirmed_compliance_and_every_consensus_score():
    bids = [
        Bid("A", {r: Decimal(7) for r in REQUIREMENTS}, Decimal(100), confirmed_compliant=True),
        Bid("B", {"FKI-BRG-004": Decimal(7)}, Decimal(120), confirmed_compliant=True),
        Bid("C", {}, None, proposed_compliant=False),  # no person has decided yet
        Bid("D", {}, None, confirmed_compliant=False),  # rejected: needs no points
    ]
    assert [m.text("da") for m in missing_for_letters(MODEL, bids)] == [
        "B: 2 evaluerede krav mangler en konsensusscore: FKI-DRF-002, FKI-IND-005",
        "C: ingen person har bekræftet, om tilbuddet er konditionsmæssigt (procure confirm)",
    ]
    ready = [bids[0], bids[3]]
    assert missing_for_letters(MODEL, ready) == ()


def test_letters_wait_for_a_valid_price_and_at_most_ten_missing_ids_are_named():
    eleven = tuple((f"R{i:02}", 1) for i in range(1, 12))
    model = AwardModel(
        award_criterion="bedste forhold mellem pris og kvalitet",
        scale=SCALE,
        rounding=MODEL.rounding,
        criteria=(
            Criterion("Kvalitet", 60, requirements=eleven),
            Criterion("Pris", 40, price_model=PriceModel("proportional")),
        ),
    )
    everything = {rid: Decimal(5) for rid, _ in eleven}
    bids = [
        Bid("A", {}, None, confirmed_compliant=False),  # rejected first: the others still count
        Bid("B", {"R01": Decimal(5)}, Decimal(100), confirmed_compliant=True),
        Bid("C", {}, Decimal(100), confirmed_compliant=True),
        Bid("D", everything, None, confirmed_compliant=True),
    ]
    assert [m.text("da") for m in missing_for_letters(model, bids)] == [
        "B: 10 evaluerede krav mangler en konsensusscore: R02, R03, R04, R05, R06, R07, R08, "
        "R09, R10, R11",
        "C: 11 evaluerede krav mangler en konsensusscore: R01, R02, R03, R04, R05, R06, R07, "
        "R08, R09, R10 …",
        "D: tilbuddet har ingen gyldig pris",
    ]
    # without a price criterion no price is needed
    quality_only = AwardModel(
        award_criterion="bedste forhold mellem pris og kvalitet",
        scale=SCALE,
        rounding=MODEL.rounding,
        criteria=(Criterion("Kvalitet", 100, requirements=eleven),),
    )
    assert missing_for_letters(quality_only, [bids[3]]) == ()


def test_a_price_blind_evaluation_shows_no_price_before_quality_is_locked():
    import dataclasses

    blind = dataclasses.replace(MODEL, price_blind=True)
    assert not prices_may_be_shown(blind, quality_locked=False)
    assert prices_may_be_shown(blind, quality_locked=True)
    assert prices_may_be_shown(MODEL, quality_locked=False)


# -- The award -------------------------------------------------------------------------------------


def test_an_excluded_bid_sets_no_lowest_price_and_gets_no_points():
    points = {r: Decimal(8) for r in REQUIREMENTS}
    bids = [
        Bid("Billig", points, Decimal(500_000), proposed_compliant=False, reasons=("[FKI-MK-1]",)),
        Bid("Næstbillig", points, Decimal(1_000_000)),
        Bid("Dyr", points, Decimal(1_500_000)),
    ]
    result = award(MODEL, bids)
    assert result.lowest_price == Decimal(1_000_000)
    assert result.bid("Næstbillig").price_points == Decimal("10.00")
    assert result.bid("Dyr").price_points == Decimal("5.00")
    cheap = result.bid("Billig")
    assert cheap.excluded and cheap.rank is None
    assert (cheap.criteria, cheap.price_points, cheap.total, cheap.quality_points) == (
        (),
        None,
        None,
        None,
    )
    assert [str(r) for r in cheap.reasons][1] == "[FKI-MK-1]"
    # it keeps its price and shares no place
    assert (cheap.price, cheap.tie) == (Decimal(500_000), False)
    assert result.to_data()["ranking"][-1]["price"] == "500000.00"
    assert result.zero_points_at is None  # no absolute-linear model
    # With the cheap bid compliant it would be the reference
    assert (
        award(MODEL, [Bid("Billig", points, Decimal(500_000)), *bids[1:]]).lowest_price == 500_000
    )


def test_a_bid_missing_consensus_points_is_not_ranked_but_still_sets_the_lowest_price():
    full = {r: Decimal(8) for r in REQUIREMENTS}
    result = award(
        MODEL,
        [
            Bid("A", full, Decimal(1_200_000)),
            Bid("B", {"FKI-BRG-004": Decimal(9)}, Decimal(1_000_000)),
        ],
    )
    b = result.bid("B")
    assert (b.rank, b.excluded, b.total, b.missing) == (
        None,
        False,
        None,
        ("FKI-DRF-002", "FKI-IND-005"),
    )
    assert result.bid("A").price_points == Decimal("8.00")  # lowest is B's compliant price
    assert [x.vendor for x in result.ranking] == ["A", "B"]


def test_two_bids_from_one_vendor_are_refused():
    with pytest.raises(ProcureError) as raised:
        award(MODEL, [Bid("A"), Bid("A")])
    assert str(raised.value) == "leverandøren 'A' har to tilbud i tildelingen"


# Few distinct values often, so ties (and their order) are tried as much as distinct totals.
POINTS = st.one_of(
    st.sampled_from([Decimal(5), Decimal("7.5"), Decimal(10)]),
    st.integers(min_value=0, max_value=1000).map(lambda n: Decimal(n).scaleb(-2)),
)


@st.composite
def committee(draw):
    """Consensus scores for 2–6 bids, with prices; some bids rejected by a person."""
    count = draw(st.integers(min_value=2, max_value=6))
    scores, bids = [], []
    for n in range(count):
        vendor = f"Leverandør {n}"
        for rid in REQUIREMENTS:
            scores.append(ConsensusScore(vendor, rid, draw(POINTS), "begrundelse"))
        price = Decimal(draw(st.sampled_from([10, 10, 12, 37]))) * 100_000
        bids.append((vendor, price, draw(st.sampled_from([None, True, True, False]))))
    return scores, bids


@settings(max_examples=60, deadline=None)
@given(committee(), st.randoms(use_true_random=False))
def test_the_same_points_entered_in_another_order_give_the_same_award(data, random):
    scores, bids = data

    def award_json(scores, bids) -> str:
        points = consensus_points(scores)
        result = award(
            MODEL,
            [
                Bid(vendor, points.get(vendor, {}), price, confirmed_compliant=confirmed)
                for vendor, price, confirmed in bids
            ],
        )
        return json.dumps(result.to_data("da"), ensure_ascii=False)

    first = award_json(scores, bids)
    shuffled_scores, shuffled_bids = list(scores), list(bids)
    random.shuffle(shuffled_scores)
    random.shuffle(shuffled_bids)
    assert award_json(shuffled_scores, shuffled_bids) == first


def test_a_logged_change_is_stored_with_its_old_and_new_points_as_written():
    change = ScoreChange("A", "R", "Kim", "t3", Decimal("7.50"), Decimal(8), "Bilag 4", "Ole")
    assert change_data(change) == {
        "vendor": "A",
        "requirement": "R",
        "who": "Kim",
        "when": "t3",
        "old": "7.50",
        "new": "8",
        "why": "Bilag 4",
        "evaluator": "Ole",
    }
    first = ScoreChange("A", "R", "Udvalget", "t1", None, Decimal(7), "Konkret", "")
    assert change_data(first) == {
        "vendor": "A",
        "requirement": "R",
        "who": "Udvalget",
        "when": "t1",
        "old": None,
        "new": "7",
        "why": "Konkret",
    }
    # and the evaluation file reads them back as they were
    text = dump_overrides(Overrides(changes=(change, first)))
    assert parse_overrides(text, "e.yaml").changes == (change, first)


def test_a_changed_consensus_without_a_reason_is_refused_naming_bid_and_requirement():
    first = ConsensusScore("A", "FKI-BRG-004", Decimal(7), "Beskriver arbejdsgangen")
    recorded, _ = record_consensus({}, first, scale=SCALE, who="Udvalget", when="t1")
    with pytest.raises(ProcureError) as raised:
        record_consensus(
            recorded,
            ConsensusScore("A", "FKI-BRG-004", Decimal(8), ""),
            scale=SCALE,
            who="Udvalget",
            when="t2",
        )
    assert str(raised.value) == (
        "[FKI-BRG-004] A: en begrundelse mangler; hver konsensusscore skal kunne begrundes over "
        "for tilbudsgiverne (udbudslovens §§ 171 og 174)"
    )


def test_a_tie_break_on_a_figure_a_bid_lacks_puts_it_last_or_leaves_the_tie():
    quality_only = AwardModel(
        award_criterion="bedste forhold mellem pris og kvalitet",
        scale=SCALE,
        rounding=MODEL.rounding,
        criteria=(Criterion("Kvalitet", 100, requirements=(("R1", 1),)),),
        tie_break=("lowest-price",),
    )
    same = {"R1": Decimal(7)}
    bids = [Bid("X", same, None), Bid("Y", same, Decimal(500)), Bid("Z", same, Decimal(400))]
    result = award(quality_only, bids)
    # the price does not compete here; as a tie-break a bid without one comes last
    assert result.lowest_price is None
    assert [(b.vendor, b.rank, b.tie) for b in result.ranking] == [
        ("Z", 1, False),
        ("Y", 2, False),
        ("X", 3, False),
    ]
    price_only = AwardModel(
        award_criterion="pris",
        scale=SCALE,
        rounding=MODEL.rounding,
        criteria=(Criterion("Pris", 100, price_model=PriceModel("proportional")),),
        tie_break=("highest-quality",),
    )
    bids = [Bid("B", {}, Decimal(400)), Bid("A", {}, Decimal(400)), Bid("C", {}, Decimal(900))]
    result = award(price_only, bids)
    # no bid has quality points: the tie-break decides nothing, the tie stands (by name)
    assert [(b.vendor, b.rank, b.tie) for b in result.ranking] == [
        ("A", 1, True),
        ("B", 1, True),
        ("C", 3, False),
    ]


def test_kommissionsmodellen_set_beside_another_price_model_ranks_by_the_total():
    """A draft's model is not validated before `procure award`: thresholds of
    Kommissionsmodellen beside a points price model change nothing (only evaluation-price
    compares price per quality point)."""
    model = dataclasses.replace(MODEL, kommissionsmodel=Kommissionsmodel(), tie_break=())
    points = {r: Decimal(8) for r in REQUIREMENTS}
    result = award(
        model, [Bid("Dyr", points, Decimal(1_200_000)), Bid("Billig", points, Decimal(1_000_000))]
    )
    assert [(b.vendor, b.rank, b.tie, b.total) for b in result.ranking] == [
        ("Billig", 1, False, Decimal("8.80")),
        ("Dyr", 2, False, Decimal("8.00")),
    ]


def _fifty_fifty(tie_break):
    return AwardModel(
        award_criterion="bedste forhold mellem pris og kvalitet",
        scale=SCALE,
        rounding=MODEL.rounding,
        criteria=(
            Criterion("Kvalitet", 50, requirements=(("R1", 1),)),
            Criterion("Pris", 50, price_model=PriceModel("proportional")),
        ),
        tie_break=tie_break,
    )


@pytest.mark.parametrize(
    "tie_break, first",
    [(("highest:Pris",), "B"), (("highest-quality",), "A"), (("highest:Kvalitet",), "A")],
)
def test_equal_totals_are_decided_by_the_published_tie_break(tie_break, first):
    # A: quality 10, price points 5 (twice the lowest price); B: quality 5, price points 10
    bids = [Bid("A", {"R1": Decimal(10)}, Decimal(200)), Bid("B", {"R1": Decimal(5)}, Decimal(100))]
    result = award(_fifty_fifty(tie_break), bids)
    assert [b.total for b in result.ranking] == [Decimal("7.50"), Decimal("7.50")]
    assert [(b.vendor, b.rank, b.tie) for b in result.ranking][0] == (first, 1, False)
    assert [b.rank for b in result.ranking] == [1, 2]


def test_a_bid_waiting_for_consensus_shares_no_place_and_the_letter_date_follows_the_sending():
    bids = [Bid("A", {"R1": Decimal(10)}, Decimal(200)), Bid("B", {}, Decimal(100))]
    result = award(_fifty_fifty(()), bids, sent_on=dt.date(2027, 3, 3), electronic=False)
    waiting = result.bid("B")
    assert (waiting.rank, waiting.tie, waiting.missing) == (None, False, ("R1",))
    assert result.standstill_ends == dt.date(2027, 3, 18)  # 15 days: not sent electronically


@pytest.mark.parametrize(
    "points, shown",
    [("10.5", "10.5"), ("-1", "-1"), ("2E+1", "20")],  # a hand-edited file may hold 2e1
)
def test_consensus_points_outside_the_scale_are_refused_naming_bid_and_requirement(points, shown):
    with pytest.raises(ProcureError) as raised:
        award(_fifty_fifty(()), [Bid("Leverandør A", {"R1": Decimal(points)}, Decimal(100))])
    assert str(raised.value) == f"[R1] Leverandør A: {shown} point ligger uden for skalaen 0–10"


def test_a_price_adjustment_without_quality_criteria_adjusts_nothing():
    model = AwardModel(
        award_criterion="bedste forhold mellem pris og kvalitet",
        scale=SCALE,
        rounding=MODEL.rounding,
        criteria=(
            Criterion(
                "Pris", 0, price_model=PriceModel("price-adjustment", amount_per_point=Decimal(10))
            ),
        ),
    )
    result = award(model, [Bid("A", {}, Decimal(500)), Bid("B", {}, Decimal(400))])
    assert [(b.vendor, b.adjusted_price) for b in result.ranking] == [
        ("B", Decimal("400.00")),
        ("A", Decimal("500.00")),
    ]


def test_the_award_json_gives_reasons_in_the_language_asked_for_and_no_unknown_bid():
    points = {r: Decimal(8) for r in REQUIREMENTS}
    bids = [
        Bid("A", points, Decimal(100)),
        Bid("B", points, Decimal(90), confirmed_compliant=False),
    ]
    result = award(MODEL, bids)
    with language("da"):
        english = result.to_data("en")["ranking"][-1]["reasons"]
    with language("en"):
        danish = result.to_data("da")["ranking"][-1]["reasons"]
    assert english == ["a person has judged the bid non-compliant"]
    assert danish == ["en person har vurderet tilbuddet som ukonditionsmæssigt"]
    assert result.bid("C") is None
