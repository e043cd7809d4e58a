"""Award benchmark (issue 16): 10 bids × 300 evaluated requirements × 3 evaluators.

Timed in-process: from the evaluators' points to the award JSON — consensus inputs and
disagreements, consensus recorded with a reason per score, the ranking with price points and
tie-breaks, the readiness check for the letters, `to_data()`. The issue's target (≤ 2 s) is
for the whole `procure award` including reading the files, so the core must stay well under;
a YAML round trip of the same scores stands in for the evaluation file until it exists.
"""

from __future__ import annotations

import json
import random
from decimal import Decimal

import yaml

from benchmarks.measure import best_of, row

BIDS = 10
REQUIREMENTS = 300
EVALUATORS = ("Evaluator 1", "Evaluator 2", "Evaluator 3")


def award_model_300():
    """Kvalitet 60 in three subs of 100 PKs each, Pris 40 relative-linear, as `tender init`
    would write it with its criteria split."""
    from procure.award import AwardModel, Rounding, Scale
    from procure.tender.model import Criterion, PriceLine, PriceModel, SubCriterion

    ids = [f"FKI-BEN-{n:03d}" for n in range(1, REQUIREMENTS + 1)]
    subs = tuple(
        SubCriterion(name, weight, tuple((rid, 1 + n % 5) for n, rid in enumerate(part)))
        for name, weight, part in (
            ("Funktionalitet", 50, ids[:100]),
            ("Drift", 30, ids[100:200]),
            ("Implementering", 20, ids[200:]),
        )
    )
    return AwardModel(
        award_criterion="bedste forhold mellem pris og kvalitet",
        scale=Scale(10, 2),
        rounding=Rounding(sub=2, criterion=2, total=2, amount=2),
        criteria=(
            Criterion("Kvalitet", 60, sub=subs),
            Criterion(
                "Pris", 40, price_model=PriceModel("relative-linear", x_percent=Decimal(100))
            ),
        ),
        tie_break=("lowest-price",),
        price_lines=(PriceLine("P1", "Samlet pris"),),
    ), ids


def evaluator_scores(ids: list[str]):
    from procure.award import EvaluatorScore

    rng = random.Random(16)
    scores = []
    for b in range(BIDS):
        for rid in ids:
            base = rng.randint(3, 9)
            for evaluator in EVALUATORS:
                points = Decimal(min(10, max(0, base + rng.choice((-1, 0, 0, 1, 2))))) / 1
                scores.append(EvaluatorScore(f"Leverandør {b}", rid, evaluator, points, "note"))
    return scores


def run_award(model, scores, prices):
    from procure.award import (
        Bid,
        ConsensusScore,
        award,
        consensus_inputs,
        consensus_points,
        disagreements_data,
        missing_for_letters,
    )
    from procure.award.points import round_half_up

    inputs = consensus_inputs(scores, model.scale)
    found = disagreements_data([i for i in inputs if i.disagreement])
    # The committee's consensus: here the evaluators' mean, each with a reason
    consensus = [
        ConsensusScore(
            i.vendor,
            i.requirement,
            round_half_up(sum(p for _, p in i.points) / len(i.points), model.scale.decimals),
            "Begrundelse",
        )
        for i in inputs
    ]
    points = consensus_points(consensus)
    bids = [
        Bid(vendor, points[vendor], prices[vendor], confirmed_compliant=True) for vendor in prices
    ]
    assert missing_for_letters(model, bids) == ()
    result = award(model, bids)
    return json.dumps(result.to_data("da")), found


def case_award() -> list[dict]:
    model, ids = award_model_300()
    scores = evaluator_scores(ids)
    prices = {f"Leverandør {b}": Decimal(1_000_000 + 75_000 * b) for b in range(BIDS)}
    text, found = run_award(model, scores, prices)
    assert json.loads(text)["ranking"][0]["rank"] == 1 and found["disagreements"]
    n = BIDS * REQUIREMENTS * len(EVALUATORS)
    core = best_of(5, lambda: run_award(model, scores, prices))

    # Stand-in for the evaluation file: every evaluator score written and read as YAML.
    def file_round_trip():
        from procure.award import EvaluatorScore

        document = {
            "scores": [
                {
                    "vendor": s.vendor,
                    "requirement": s.requirement,
                    "evaluator": s.evaluator,
                    "points": format(s.points, "f"),
                    "why": s.why,
                }
                for s in scores
            ]
        }
        text = yaml.dump(document, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False)
        loaded = yaml.load(text, Loader=yaml.CSafeLoader)["scores"]
        read = [
            EvaluatorScore(x["vendor"], x["requirement"], x["evaluator"], Decimal(x["points"]))
            for x in loaded
        ]
        return run_award(model, read, prices)

    with_io = best_of(3, file_round_trip)
    return [
        row("award: 10 bids x 300 reqs x 3 evaluators, core", n, core, "s", 0.5),
        row("award: same with the scores through YAML (stand-in I/O)", n, with_io, "s", 2.0),
    ]
