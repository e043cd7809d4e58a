"""The evaluation model in tender.yaml: parsed, written back, old blocks kept, cross-checked."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
import yaml

from procure.award import (
    award_model,
    award_model_for_spec,
    default_evaluation,
    default_evaluation_for_spec,
    evaluation_problems,
    evaluation_problems_for_spec,
)
from procure.errors import ProcureError
from procure.tender.io import dump_tender, parse_tender
from procure.tender.model import (
    Criterion,
    EvaluationModel,
    Kommissionsmodel,
    PriceLine,
    PriceModel,
    SubCriterion,
)
from tests.samples import sample_spec, sample_tender

ISSUE_EXAMPLE = """
evaluation:
  award_criterion: bedste forhold mellem pris og kvalitet
  scale: {max: 10, decimals: 2, anchors: {"10": "Fremragende opfyldelse", "0": "Ingen opfyldelse"}}
  rounding: {criterion: 2, total: 2}
  criteria:
    - name: Kvalitet
      weight: 60
      sub:
        - {name: Funktionalitet, weight: 70, requirements: {FKI-BRG-004: 6, FKI-DRF-002: 6}}
        - {name: Implementering, weight: 30, requirements: {FKI-IND-005: 4}}
    - name: Pris
      weight: 40
      price_model: {kind: relative-linear, x_percent: 100}
  tie_break: [lowest-price]
  kommissionsmodel: null
  price_blind: false
price_lines:
  - {id: P1, text: "Samlet pris for kontraktperioden", quantity: 1}
"""

HEADER = """id: 0b7c6f3e-2a41-4d8e-9a57-1f3c2d4e5a60
title: T
buyer: {name: K}
case_number: ""
date: "2026-11-26"
language: da
library_version: 1.0.0
category: Y65
requirements:
  - {id: FKI-BRG-004, kind: PK, weight: 6}
  - {id: FKI-DRF-002, kind: PK, weight: 6}
  - {id: FKI-IND-005, kind: PK, weight: 4}
"""

REQUIREMENTS = [("FKI-BRG-004", "PK", 6), ("FKI-DRF-002", "PK", 6), ("FKI-IND-005", "PK", 4)]


def tender_text(evaluation: str = ISSUE_EXAMPLE) -> str:
    return HEADER + evaluation


def test_the_issues_example_block_parses_into_the_model():
    tender = parse_tender(tender_text(), "tender.yaml")
    model = tender.evaluation
    assert model.has_criteria
    assert model.award_criterion == "bedste forhold mellem pris og kvalitet"
    assert (model.scale_max, model.decimals) == (10, 2)
    assert model.anchors == (
        (Decimal(10), "Fremragende opfyldelse"),
        (Decimal(0), "Ingen opfyldelse"),
    )
    assert (model.criterion_decimals, model.sub_decimals, model.total_decimals) == (2, 2, 2)
    quality, price = model.criteria
    assert quality == Criterion(
        "Kvalitet",
        60,
        sub=(
            SubCriterion("Funktionalitet", 70, (("FKI-BRG-004", 6), ("FKI-DRF-002", 6))),
            SubCriterion("Implementering", 30, (("FKI-IND-005", 4),)),
        ),
    )
    assert price.price_model == PriceModel("relative-linear", x_percent=Decimal(100))
    assert model.tie_break == ("lowest-price",)
    assert model.kommissionsmodel is None and model.price_blind is False
    assert tender.price_lines == (PriceLine("P1", "Samlet pris for kontraktperioden", Decimal(1)),)
    assert evaluation_problems(tender, REQUIREMENTS) == ()


def test_the_model_is_written_back_and_reads_back_equal():
    tender = parse_tender(tender_text(), "tender.yaml")
    text = dump_tender(tender)
    assert parse_tender(text, "again.yaml") == tender
    written = yaml.safe_load(text)
    assert written["evaluation"]["criteria"][1]["price_model"] == {
        "kind": "relative-linear",
        "x_percent": 100,
    }
    assert written["evaluation"]["scale"]["anchors"] == {
        "10": "Fremragende opfyldelse",
        "0": "Ingen opfyldelse",
    }
    assert list(written)[-2:] == ["price_lines", "annex"]


def test_amounts_stay_exact_decimals_through_the_file():
    evaluation = ISSUE_EXAMPLE.replace(
        "{kind: relative-linear, x_percent: 100}",
        "{kind: absolute-linear, full_points_at: '999999.99', zero_points_at: 2000000, "
        "widen_by: '0.10', cap: 3000000}",
    ).replace("quantity: 1}", "quantity: '2.5', weight: '0.35'}")
    tender = parse_tender(tender_text(evaluation), "t.yaml")
    price = tender.evaluation.criteria[1].price_model
    assert price.full_points_at == Decimal("999999.99") and price.widen_by == Decimal("0.10")
    assert tender.price_lines[0].quantity == Decimal("2.5")
    assert tender.price_lines[0].weight == Decimal("0.35")
    again = parse_tender(dump_tender(tender), "again.yaml")
    assert again == tender
    assert "widen_by: '0.10'" in dump_tender(tender)


OLD_BLOCK = """evaluation:
  scale_max: 8
  partial_credit: '0.25'
  decimals: 1
"""


def test_an_old_evaluation_block_loads_and_is_written_back_as_it_was():
    tender = parse_tender(tender_text(OLD_BLOCK), "old.yaml")
    assert tender.evaluation == EvaluationModel(8, Decimal("0.25"), 1)
    assert not tender.evaluation.has_criteria
    assert tender.price_lines == ()
    text = dump_tender(tender)
    assert "evaluation:\n  scale_max: 8\n  partial_credit: '0.25'\n  decimals: 1\n" in text
    assert "price_lines" not in text and "criteria" not in text


def test_the_shipped_sample_tender_still_writes_the_old_block():
    """Tender files written before stay byte-identical (the wizard and `tender init` today)."""
    text = dump_tender(sample_tender())
    assert (
        "evaluation:\n  scale_max: 10\n  partial_credit: '0.5'\n  decimals: 2\nannex: 3\n" in text
    )


def test_an_old_block_means_one_quality_criterion_of_every_weighted_pk():
    spec = sample_spec()
    model = award_model_for_spec(spec)
    pks = [(r.id, r.weight) for r in spec.requirements if r.kind == "PK" and r.weight]
    assert model.from_old_model
    assert [(c.name, c.weight, c.price_model) for c in model.criteria] == [("Kvalitet", 100, None)]
    assert list(model.criteria[0].requirements) == pks
    assert model.price_criterion is None and model.tie_break == ()
    assert (model.scale.max, model.rounding.criterion, model.rounding.total) == (10, 2, 2)
    # its price lines are the tender's (they are read from the bids all the same)
    lines = (PriceLine("P1", "Drift pr. måned", Decimal(48)),)
    with_lines = dataclasses.replace(spec.tender, price_lines=lines)
    assert award_model(with_lines, dict(pks)).price_lines == lines
    english = dataclasses.replace(with_lines, language="en")
    assert award_model(english, dict(pks)).criteria[0].name == "Quality"


@pytest.mark.parametrize(
    ("block", "words"),
    [
        (
            "evaluation:\n  scale_max: 10\n  criteria: [{name: K, weight: 100, "
            "requirements: {FKI-BRG-004: 6}}]\n",
            "'evaluation.scale_max' hører til den gamle evalueringsmodel",
        ),
        (
            "evaluation:\n  scale_max: 10\n  tie_break: [lowest-price]\n",
            "'evaluation.tie_break' kræver, at modellen nævner sine kriterier",
        ),
    ],
)
def test_old_and_new_keys_are_not_mixed(block, words):
    with pytest.raises(ProcureError) as raised:
        parse_tender(tender_text(block), "mixed.yaml")
    assert words in str(raised.value)
    assert str(raised.value).startswith("mixed.yaml:")


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ("kind: relative-linear", "kind: cheapest-wins", "cheapest-wins"),
        ("tie_break: [lowest-price]", "tie_break: [coin-toss]", "tie_break[0]"),
        ("FKI-BRG-004: 6, FKI-DRF", "fki-brg-004: 6, FKI-DRF", "requirements"),
        ("x_percent: 100", "x_percent: -5", "x_percent"),
        ("kommissionsmodel: null", "kommissionsmodel: {total_min_percent: 170}", "170"),
    ],
)
def test_the_schema_refuses_malformed_model_values(old, new, words):
    with pytest.raises(ProcureError) as raised:
        parse_tender(tender_text(ISSUE_EXAMPLE.replace(old, new)), "bad.yaml")
    assert words in str(raised.value)


# -- Cross-checks for `tender validate` ------------------------------------------------------------


def problems_of(evaluation: str, requirements=REQUIREMENTS) -> list[str]:
    tender = parse_tender(tender_text(evaluation), "t.yaml")
    return [p.text("da") for p in evaluation_problems(tender, requirements)]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "weight: 40",
            "weight: 30",
            "evaluation.criteria: kriteriernes vægte summer til 90, men skal summe til 100",
        ),
        (
            "weight: 30, requirements",
            "weight: 20, requirements",
            "evaluation.criteria[0]: underkriterierne til 'Kvalitet' har vægte, der summer til "
            "90, men skal summe til 100",
        ),
        (
            "{FKI-IND-005: 4}",
            "{FKI-IND-005: 4, FKI-BRG-004: 6}",
            "evaluation.criteria[0].sub[1]: [FKI-BRG-004] står både i 'Funktionalitet' og i "
            "'Implementering'; et krav hører til netop ét kriterium",
        ),
        (
            "{FKI-IND-005: 4}",
            "{FKI-IND-005: 5}",
            "evaluation.criteria[0].sub[1]: [FKI-IND-005] har vægt 5 i 'Implementering', men "
            "vægt 4 i kravlisten; det offentliggjorte materiale skal have én vægt",
        ),
        (
            "x_percent: 100}",
            "x_percent: 100, cap: 5}",
            "evaluation.criteria[1].price_model: 'cap' hører ikke til prismodellen "
            "'relative-linear'",
        ),
        (
            "{kind: relative-linear, x_percent: 100}",
            "{kind: absolute-linear, full_points_at: 200, zero_points_at: 100}",
            "evaluation.criteria[1].price_model: 'full_points_at' (200) skal være lavere end "
            "'zero_points_at' (100)",
        ),
        (
            "{kind: relative-linear, x_percent: 100}",
            "{kind: relative-linear}",
            "evaluation.criteria[1].price_model: prismodellen 'relative-linear' kræver 'x_percent'",
        ),
        (
            "tie_break: [lowest-price]",
            "tie_break: ['highest:Service']",
            "evaluation.tie_break[0]: 'highest:Service' nævner kriteriet 'Service', som modellen "
            "ikke har; kriterier: Kvalitet, Pris",
        ),
        (
            "kommissionsmodel: null",
            "kommissionsmodel: {total_min_percent: 70, criterion_min_percent: 50}",
            "evaluation.kommissionsmodel: Kommissionsmodellen bruges med prismodellen "
            "'evaluation-price'; sæt priskriteriets 'kind' til den, eller sæt "
            "'kommissionsmodel: null'",
        ),
        (
            '"10": "Fremragende opfyldelse"',
            '"12": "Fremragende opfyldelse"',
            "evaluation.scale.anchors: ankeret 12 ligger ikke på skalaen 0–10 med 2 decimaler",
        ),
    ],
)
def test_each_inconsistency_is_reported_where_it_is(old, new, expected):
    assert old in ISSUE_EXAMPLE
    assert problems_of(ISSUE_EXAMPLE.replace(old, new)) == [expected]


def test_every_pk_must_be_in_a_quality_criterion_and_no_mk_k_or_o_may_be():
    requirements = [*REQUIREMENTS, ("FKI-ORG-001", "PK", 3), ("FKI-IND-005", "K", None)]
    found = problems_of(ISSUE_EXAMPLE, requirements[:3] + requirements[3:4])
    assert found == [
        "evaluation.criteria: [FKI-ORG-001] er et prioriteret krav (PK), men hører ikke til "
        "noget kvalitetskriterium; tilføj det under 'requirements'"
    ]
    found = problems_of(ISSUE_EXAMPLE, [*REQUIREMENTS[:2], ("FKI-IND-005", "K", None)])
    assert found == [
        "evaluation.criteria[0].sub[1]: [FKI-IND-005] er K og kan ikke give point i "
        "'Implementering'; kun prioriterede krav (PK) evalueres (et K, der ikke er opfyldt, er "
        "et forbehold, som ordregiver prissætter)"
    ]


def test_kommissionsmodel_weights_count_quality_only_and_price_has_weight_zero():
    evaluation = (
        ISSUE_EXAMPLE.replace("weight: 60", "weight: 100")
        .replace(
            "weight: 40\n      price_model: {kind: relative-linear, x_percent: 100}",
            "weight: 0\n      price_model: {kind: evaluation-price}",
        )
        .replace("kommissionsmodel: null", "kommissionsmodel: {total_min_percent: 70}")
    )
    assert problems_of(evaluation) == []
    tender = parse_tender(tender_text(evaluation), "t.yaml")
    assert tender.evaluation.kommissionsmodel == Kommissionsmodel(Decimal(70), Decimal(50))
    wrong = evaluation.replace("weight: 0\n", "weight: 10\n")
    assert problems_of(wrong) == [
        "evaluation.criteria[1]: priskriteriet 'Pris' har vægt 10; med prismodellen "
        "'evaluation-price' skal det have vægt 0"
    ]


def test_a_price_criterion_needs_price_lines():
    evaluation = ISSUE_EXAMPLE.split("price_lines:")[0]
    assert problems_of(evaluation) == [
        "price_lines: modellen har et priskriterium, men udbuddet har ingen prislinjer; tilføj "
        "mindst én under 'price_lines'"
    ]


def test_the_problems_are_in_english_too():
    found = evaluation_problems(
        parse_tender(tender_text(ISSUE_EXAMPLE.replace("weight: 40", "weight: 30")), "t"),
        REQUIREMENTS,
    )
    assert [p.text("en") for p in found] == [
        "evaluation.criteria: the criteria's weights sum to 90, but must sum to 100"
    ]


def test_an_old_model_has_no_model_problems():
    assert problems_of(OLD_BLOCK) == []


# -- The default of `tender init` ------------------------------------------------------------------


def test_the_default_model_holds_every_pk_and_validates():
    spec = sample_spec()
    evaluation, lines = default_evaluation_for_spec(spec)
    pks = tuple((r.id, r.weight) for r in spec.requirements if r.kind == "PK")
    assert len(pks) >= 2
    quality, price = evaluation.criteria
    assert (quality.name, quality.weight, quality.requirements) == ("Kvalitet", 60, pks)
    assert (price.name, price.weight) == ("Pris", 40)
    assert price.price_model == PriceModel("relative-linear", x_percent=Decimal(100))
    assert (evaluation.scale_max, evaluation.decimals) == (10, 2)
    assert evaluation.award_criterion == "bedste forhold mellem pris og kvalitet"
    assert evaluation.tie_break == ("lowest-price",)
    assert lines == (PriceLine("P1", "Samlet pris for kontraktperioden", Decimal(1)),)
    tender = dataclasses.replace(spec.tender, evaluation=evaluation, price_lines=lines)
    assert evaluation_problems_for_spec(dataclasses.replace(spec, tender=tender)) == ()
    # and it survives the file
    assert parse_tender(dump_tender(tender), "init.yaml") == tender


def test_the_default_model_speaks_the_tenders_language():
    evaluation, lines = default_evaluation([("FKI-BRG-004", 6)], "en")
    assert [c.name for c in evaluation.criteria] == ["Quality", "Price"]
    assert lines[0].text == "Total price for the contract period"


def test_the_readmes_example_is_a_valid_model_for_a_real_tender():
    import re

    from procure.tender import resolve_tender
    from tests.conftest import ROOT
    from tests.samples import shipped_release

    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("## The evaluation model and the award", 1)[1]
    example = re.search(r"```yaml\n(evaluation:.*?)```", section, re.S).group(1)
    tender = parse_tender(
        HEADER.replace("{id: FKI-BRG-004, kind: PK, weight: 6}", "{id: FKI-BRG-004}") + example,
        "README.md",
    )
    spec = resolve_tender(tender, shipped_release())
    assert evaluation_problems_for_spec(spec) == ()
    assert tender.evaluation.anchors[1] == (Decimal(5), "Tilfredsstillende opfyldelse")


# -- Every problem's exact text (mutation testing, docs/testing.md) -------------------------------

BASE = parse_tender(tender_text(), "t.yaml")
QUALITY, PRICE = BASE.evaluation.criteria
FUNCTIONS, IMPLEMENTATION = QUALITY.sub


def problems_with(criteria=None, lines=None, requirements=REQUIREMENTS, **changes) -> list[str]:
    """The problems of the issue's example with some of its evaluation block replaced."""
    if criteria is not None:
        changes["criteria"] = criteria
    evaluation = dataclasses.replace(BASE.evaluation, **changes)
    tender = dataclasses.replace(BASE, evaluation=evaluation)
    if lines is not None:
        tender = dataclasses.replace(tender, price_lines=lines)
    return [p.text("da") for p in evaluation_problems(tender, requirements)]


def price(kind, weight=40, name="Pris", **parameters) -> Criterion:
    return Criterion(name, weight, price_model=PriceModel(kind, **parameters))


def test_a_price_only_award_criterion_takes_one_price_criterion_of_weight_100():
    alone = dataclasses.replace(PRICE, weight=100)
    assert problems_with(award_criterion="pris", criteria=(alone,), requirements=[]) == []
    assert problems_with(award_criterion="pris") == [
        "evaluation.criteria: med tildelingskriteriet 'pris' er der ét kriterium: prisen, med "
        "en prismodel og vægt 100"
    ]
    assert problems_with(
        award_criterion="omkostninger",
        criteria=(dataclasses.replace(PRICE, weight=90),),
        requirements=[],
    ) == [
        "evaluation.criteria: med tildelingskriteriet 'omkostninger' er der ét kriterium: "
        "prisen, med en prismodel og vægt 100"
    ]
    assert problems_with(
        award_criterion="pris", criteria=(price("evaluation-price", 100),), requirements=[]
    ) == [
        "evaluation.criteria[0].price_model: prismodellen 'evaluation-price' sætter prisen op "
        "mod kvaliteten med Kommissionsmodellen; angiv 'evaluation.kommissionsmodel'",
        "evaluation.criteria[0].price_model: prismodellen 'evaluation-price' sætter prisen op "
        "mod kvaliteten, men modellen har intet kvalitetskriterium",
        "evaluation.award_criterion: med tildelingskriteriet 'pris' vinder den laveste pris; "
        "prismodellen 'evaluation-price' kræver kvalitet",
    ]


def test_a_price_set_against_quality_counts_the_quality_weights_only():
    adjustment = price("price-adjustment", 0, amount_per_point=Decimal(1000))
    assert problems_with(criteria=(dataclasses.replace(QUALITY, weight=100), adjustment)) == []
    assert problems_with(criteria=(QUALITY, adjustment)) == [
        "evaluation.criteria: kvalitetskriteriernes vægte summer til 60, men skal summe til 100 "
        "(med prismodellen 'price-adjustment' sættes pris op mod kvalitet og har ingen vægt)"
    ]
    assert problems_with(criteria=(adjustment,), requirements=[]) == [
        "evaluation.criteria: kvalitetskriteriernes vægte summer til 0, men skal summe til 100 "
        "(med prismodellen 'price-adjustment' sættes pris op mod kvalitet og har ingen vægt)",
        "evaluation.criteria[0].price_model: prismodellen 'price-adjustment' sætter prisen op "
        "mod kvaliteten, men modellen har intet kvalitetskriterium",
    ]
    evaluation_price = price("evaluation-price", 0)
    assert problems_with(criteria=(dataclasses.replace(QUALITY, weight=100), evaluation_price)) == [
        "evaluation.criteria[1].price_model: prismodellen 'evaluation-price' sætter prisen op "
        "mod kvaliteten med Kommissionsmodellen; angiv 'evaluation.kommissionsmodel'"
    ]


def test_criteria_and_subs_of_weight_zero_empty_or_twice_are_reported():
    empty = Criterion("Service", 0)
    assert problems_with(criteria=(dataclasses.replace(QUALITY, weight=100), empty)) == [
        "evaluation.criteria[1]: kriteriet 'Service' har vægt 0 og tæller ikke; giv det en vægt "
        "eller fjern det",
        "evaluation.criteria[1]: kriteriet 'Service' skal have netop én af 'sub', "
        "'requirements' og 'price_model' (det har -)",
        "evaluation.tie_break[0]: 'lowest-price' kræver et priskriterium, men modellen har intet",
    ]
    zero_sub = dataclasses.replace(IMPLEMENTATION, weight=0)
    assert problems_with(
        criteria=(dataclasses.replace(QUALITY, sub=(FUNCTIONS, zero_sub)), PRICE)
    ) == [
        "evaluation.criteria[0]: underkriterierne til 'Kvalitet' har vægte, der summer til 70, "
        "men skal summe til 100",
        "evaluation.criteria[0].sub[1]: underkriteriet 'Implementering' har vægt 0 og tæller ikke",
    ]
    both = dataclasses.replace(QUALITY, requirements=(("FKI-IND-005", 4),))
    assert problems_with(criteria=(both, PRICE)) == [
        "evaluation.criteria[0]: kriteriet 'Kvalitet' skal have netop én af 'sub', "
        "'requirements' og 'price_model' (det har sub, requirements)"
    ]
    assert problems_with(criteria=(QUALITY, dataclasses.replace(PRICE, name="Kvalitet"))) == [
        "evaluation.criteria[1]: kriteriet 'Kvalitet' står to gange"
    ]
    twin = dataclasses.replace(IMPLEMENTATION, name="Funktionalitet")
    assert problems_with(criteria=(dataclasses.replace(QUALITY, sub=(FUNCTIONS, twin)), PRICE)) == [
        "evaluation.criteria[0].sub[1]: underkriteriet 'Funktionalitet' står to gange"
    ]
    second = dataclasses.replace(PRICE, name="Pris 2")
    assert problems_with(criteria=(dataclasses.replace(QUALITY, weight=20), PRICE, second)) == [
        "evaluation.criteria: modellen har 2 priskriterier; der må højst være ét"
    ]


def test_a_requirement_not_in_the_tender_is_named():
    unknown = dataclasses.replace(
        IMPLEMENTATION, requirements=(("FKI-IND-005", 4), ("FKI-XXX-001", 2))
    )
    assert problems_with(
        criteria=(dataclasses.replace(QUALITY, sub=(FUNCTIONS, unknown)), PRICE)
    ) == [
        "evaluation.criteria[0].sub[1]: [FKI-XXX-001] i 'Implementering' er ikke et krav i udbuddet"
    ]


def test_absolute_linear_parameters_must_be_above_zero_and_the_cap_above_full_points():
    model = "absolute-linear"
    zero_full = price(
        model,
        full_points_at=Decimal(0),
        zero_points_at=Decimal(100),
        widen_by=Decimal(0),
        cap=Decimal(-1),
    )
    assert problems_with(criteria=(QUALITY, zero_full)) == [
        "evaluation.criteria[1].price_model: 'widen_by' skal være større end 0",
        "evaluation.criteria[1].price_model: 'cap' skal være større end 0",
        "evaluation.criteria[1].price_model: 'cap' (-1) skal være højere end 'full_points_at' (0)",
    ]
    at_full = price(
        model, full_points_at=Decimal(100), zero_points_at=Decimal(200), cap=Decimal(100)
    )
    assert problems_with(criteria=(QUALITY, at_full)) == [
        "evaluation.criteria[1].price_model: 'cap' (100) skal være højere end 'full_points_at' "
        "(100)"
    ]
    fine = price(model, full_points_at=Decimal(100), zero_points_at=Decimal(200), cap=Decimal(101))
    assert problems_with(criteria=(QUALITY, fine)) == []
    equal = price(model, full_points_at=Decimal(100), zero_points_at=Decimal(100))
    assert problems_with(criteria=(QUALITY, equal)) == [
        "evaluation.criteria[1].price_model: 'full_points_at' (100) skal være lavere end "
        "'zero_points_at' (100)"
    ]


def test_absolute_linear_missing_one_anchor_is_reported_once_without_comparing():
    model = "absolute-linear"
    assert problems_with(criteria=(QUALITY, price(model, zero_points_at=Decimal(200)))) == [
        "evaluation.criteria[1].price_model: prismodellen 'absolute-linear' kræver 'full_points_at'"
    ]
    assert problems_with(criteria=(QUALITY, price(model, full_points_at=Decimal(100)))) == [
        "evaluation.criteria[1].price_model: prismodellen 'absolute-linear' kræver 'zero_points_at'"
    ]


def test_tie_break_rules_twice_or_without_their_criterion_are_reported():
    rules = ("lowest-price", "lowest-price", "highest-quality", "highest:Pris")
    assert problems_with(tie_break=rules) == [
        "evaluation.tie_break[1]: 'lowest-price' står to gange"
    ]
    quality_only = (dataclasses.replace(QUALITY, weight=100),)
    assert problems_with(
        criteria=quality_only, tie_break=("lowest-price", "highest-quality"), lines=()
    ) == ["evaluation.tie_break[0]: 'lowest-price' kræver et priskriterium, men modellen har intet"]
    price_only = (dataclasses.replace(PRICE, weight=100),)
    assert problems_with(
        award_criterion="pris",
        criteria=price_only,
        requirements=[],
        tie_break=("highest-quality", "lowest-price"),
    ) == [
        "evaluation.tie_break[0]: 'highest-quality' kræver et kvalitetskriterium, men modellen "
        "har intet"
    ]


def test_anchors_off_the_scales_decimals_and_bad_price_lines_are_reported():
    anchors = (
        (Decimal("10.00"), "a"),
        (Decimal("9.5"), "b"),
        (Decimal("7.125"), "c"),
    )
    assert problems_with(anchors=anchors) == [
        "evaluation.scale.anchors: ankeret 7.125 ligger ikke på skalaen 0–10 med 2 decimaler"
    ]
    lines = (
        PriceLine("P1", "a", Decimal(1)),
        PriceLine("P1", "b", Decimal(0)),
        PriceLine("P2", "c", Decimal(-1), Decimal(0)),
        PriceLine("P3", "d", Decimal(2), Decimal("0.5")),
    )
    assert problems_with(lines=lines) == [
        "price_lines[1]: prislinjen P1 står to gange",
        "price_lines[1]: prislinjen P1 skal have et antal over 0",
        "price_lines[2]: prislinjen P2 skal have et antal over 0",
        "price_lines[2]: prislinjen P2 skal have en vægt over 0",
    ]


def test_the_award_takes_the_published_model_as_it_stands():
    from procure.award.model import Rounding, Scale, award_model

    evaluation = dataclasses.replace(
        BASE.evaluation,
        rounding_sub=1,
        rounding_criterion=3,
        rounding_total=0,
        rounding_amount=4,
        kommissionsmodel=Kommissionsmodel(),
        price_blind=True,
    )
    model = award_model(dataclasses.replace(BASE, evaluation=evaluation), {"FKI-ORG-001": 9})
    assert model.award_criterion == "bedste forhold mellem pris og kvalitet"
    assert model.scale == Scale(10, 2, evaluation.anchors)
    assert model.rounding == Rounding(sub=1, criterion=3, total=0, amount=4)
    assert model.criteria == (QUALITY, PRICE) and not model.from_old_model
    assert model.tie_break == ("lowest-price",)
    assert model.kommissionsmodel == Kommissionsmodel() and model.price_blind is True
    assert model.price_lines == BASE.price_lines
    assert model.quality_criteria == (QUALITY,) and model.price_criterion == PRICE
    assert model.price_model == PriceModel("relative-linear", x_percent=Decimal(100))
    assert model.evaluated_requirements == ("FKI-BRG-004", "FKI-DRF-002", "FKI-IND-005")
    assert model.criterion("Pris") == PRICE and model.criterion("Service") is None


def test_an_old_model_names_its_criterion_in_the_tenders_language_and_scores_answers():
    from procure.award.model import Rounding, award_model, old_model_points
    from procure.forms import Answer

    old = parse_tender(tender_text(OLD_BLOCK).replace("language: da", "language: en"), "o.yaml")
    model = award_model(old, {"FKI-BRG-004": 6, "FKI-DRF-002": None, "FKI-IND-005": 0})
    assert model.criteria == (Criterion("Quality", 100, requirements=(("FKI-BRG-004", 6),)),)
    assert model.award_criterion == "bedste forhold mellem pris og kvalitet"
    assert model.rounding == Rounding(sub=1, criterion=1, total=1, amount=2)
    assert model.price_model is None and model.evaluated_requirements == ("FKI-BRG-004",)
    assert award_model(old, {"FKI-BRG-004": None}).criteria == ()
    assert old_model_points(Answer.MET, old.evaluation) == Decimal(8)
    assert old_model_points(Answer.PARTLY, old.evaluation) == Decimal(2)
    assert old_model_points(Answer.NOT_MET, old.evaluation) == Decimal(0)
    assert old_model_points(None, old.evaluation) == Decimal(0)


def test_the_default_model_leaves_out_pks_without_weight_and_rounds_to_two_decimals():
    evaluation, lines = default_evaluation([("A", 6), ("B", None), ("C", 0), ("D", 2)])
    assert evaluation.criteria[0] == Criterion("Kvalitet", 60, requirements=(("A", 6), ("D", 2)))
    assert (evaluation.rounding_criterion, evaluation.rounding_total) == (2, 2)
    assert evaluation.kommissionsmodel is None and evaluation.anchors == ()
    assert lines[0] == PriceLine("P1", "Samlet pris for kontraktperioden", Decimal(1))


def test_the_default_model_of_an_english_spec_is_english_and_another_language_gets_danish():
    english = dataclasses.replace(sample_spec(), language="en")
    evaluation, lines = default_evaluation_for_spec(english)
    assert [c.name for c in evaluation.criteria] == ["Quality", "Price"]
    assert lines[0].text == "Total price for the contract period"
    evaluation, lines = default_evaluation([("A", 6)], "de")
    assert [c.name for c in evaluation.criteria] == ["Kvalitet", "Pris"]
    assert lines[0].text == "Samlet pris for kontraktperioden"


def test_a_price_only_award_criterion_refuses_a_quality_criterion_alone_or_beside_the_price():
    expected = [
        "evaluation.criteria: med tildelingskriteriet 'pris' er der ét kriterium: prisen, med "
        "en prismodel og vægt 100"
    ]
    quality = dataclasses.replace(QUALITY, weight=100)
    assert problems_with(award_criterion="pris", criteria=(quality,), lines=())[:1] == expected
    beside = (dataclasses.replace(QUALITY, weight=0), dataclasses.replace(PRICE, weight=100))
    assert problems_with(award_criterion="pris", criteria=beside)[:1] == expected


def test_a_quality_criterion_of_weight_zero_is_reported_beside_a_price_against_quality():
    adjustment = price("price-adjustment", 0, amount_per_point=Decimal(1000))
    found = problems_with(criteria=(dataclasses.replace(QUALITY, weight=0), adjustment))
    assert (
        "evaluation.criteria[0]: kriteriet 'Kvalitet' har vægt 0 og tæller ikke; giv det en vægt "
        "eller fjern det"
    ) in found


def test_a_price_criterion_with_requirements_names_both_parts():
    mixed = dataclasses.replace(PRICE, requirements=(("FKI-ORG-009", 1),))
    found = problems_with(criteria=(QUALITY, mixed))
    assert found[0] == (
        "evaluation.criteria[1]: kriteriet 'Pris' skal have netop én af 'sub', 'requirements' "
        "og 'price_model' (det har requirements, price_model)"
    )


def test_a_criterion_with_its_own_requirements_is_named_and_a_parameter_of_1_is_fine():
    direct = Criterion("Kvalitet", 60, requirements=(("FKI-BRG-004", 6), ("FKI-XXX-001", 2)))
    assert problems_with(criteria=(direct, PRICE), requirements=REQUIREMENTS[:1]) == [
        "evaluation.criteria[0]: [FKI-XXX-001] i 'Kvalitet' er ikke et krav i udbuddet"
    ]
    one = price("price-adjustment", 0, amount_per_point=Decimal(1))
    assert problems_with(criteria=(dataclasses.replace(QUALITY, weight=100), one)) == []
