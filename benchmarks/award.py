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
        *award_cli_rows(),
    ]


# -- procure award end to end ----------------------------------------------------------------------

SENT_ON = "2027-03-24"
OTHER_REQUIREMENTS = 200  # MK, K and O besides the 300 evaluated PKs: 500 answers per bid


def award_inputs(tmp):
    """A released library of 500 requirements, a tender whose first 300 are PKs in Kvalitet's
    three subs (Pris 40, relative-linear, two price lines), ten answer files with every
    requirement answered and described and their prices, and an evaluation file with three
    evaluators' points, the consensus with a reason, and a confirmation for every bid."""
    import dataclasses
    import datetime as dt

    from benchmarks.generate import generated_release, release_file, tender_with_every_requirement
    from procure.award import ConsensusScore, EvaluatorScore
    from procure.evaluation import dump_overrides
    from procure.evaluation.overrides import Confirmation, Overrides
    from procure.library import read_release_file
    from procure.tender import SelectedRequirement, resolve_tender, save_tender
    from procure.tender.lifecycle import publish
    from procure.tender.model import (
        Criterion,
        EvaluationModel,
        PriceLine,
        PriceModel,
        SubCriterion,
    )

    folder = generated_release(tmp / "library", REQUIREMENTS + OTHER_REQUIREMENTS)
    library = read_release_file(release_file(folder))
    tender = tender_with_every_requirement(library, "Tildeling, benchmark")
    ids = [r.id for r in tender.requirements]
    evaluated = ids[:REQUIREMENTS]
    weights = {rid: 1 + n % 5 for n, rid in enumerate(evaluated)}
    selected = tuple(
        SelectedRequirement(rid, "PK", weights[rid]) if rid in weights else SelectedRequirement(rid)
        for rid in ids
    )
    selected = tuple(  # the rest keep their kind, but none is a PK outside the model
        r if r.id in weights else SelectedRequirement(r.id, "K") for r in selected
    )
    subs = tuple(
        SubCriterion(name, weight, tuple((rid, weights[rid]) for rid in part))
        for name, weight, part in (
            ("Funktionalitet", 50, evaluated[:100]),
            ("Drift", 30, evaluated[100:200]),
            ("Implementering", 20, evaluated[200:]),
        )
    )
    model = EvaluationModel(
        scale_max=10,
        decimals=2,
        rounding_criterion=2,
        rounding_total=2,
        criteria=(
            Criterion("Kvalitet", 60, sub=subs),
            Criterion(
                "Pris", 40, price_model=PriceModel("relative-linear", x_percent=Decimal(100))
            ),
        ),
        tie_break=("lowest-price",),
    )
    lines = (
        PriceLine("P1", "Drift pr. måned", Decimal(48), unit="måneder"),
        PriceLine("P2", "Implementering", Decimal(1)),
    )
    tender = dataclasses.replace(
        tender,
        requirements=selected,
        evaluation=model,
        price_lines=lines,
        deadline="2027-01-15T12:00",
    )
    # Published before the deadline, as letters are only sent for a published tender
    tender = publish(resolve_tender(tender, library), dt.datetime(2026, 12, 1, 9, 0))
    save_tender(tender, tmp / "tender.yaml")
    spec = resolve_tender(tender, library)
    vendors = [f"Leverandør {b}" for b in range(BIDS)]
    responses = []
    for b, vendor in enumerate(vendors):
        document = {
            "format": "procure-answers/1",
            "tender_id": tender.id,
            "vendor": {"name": vendor, "cvr": f"{10000000 + b}"},
            "answers": [
                {"id": r.id, "answer": "Opfyldt", "description": f"{vendor} løser {r.id} " * 5}
                for r in spec.requirements
            ],
            "prices": [
                {"line": "P1", "unit_price": str(20_000 + 1_000 * b)},
                {"line": "P2", "unit_price": str(250_000 + 10_000 * (b % 3))},
            ],
        }
        path = tmp / f"bid{b}.yaml"
        path.write_text(yaml.dump(document, Dumper=yaml.CSafeDumper, allow_unicode=True), "utf-8")
        responses.append(str(path))
    rng = random.Random(16)
    scores, consensus = [], []
    for vendor in vendors:
        for rid in evaluated:
            base = rng.randint(3, 9)
            given = []
            for evaluator in EVALUATORS:
                points = Decimal(min(10, max(0, base + rng.choice((-1, 0, 0, 1)))))
                given.append(points)
                scores.append(EvaluatorScore(vendor, rid, evaluator, points, "note"))
            agreed = sorted(given)[1]
            why = f"{vendor} beskriver {rid} overbevisende; udvalget giver {agreed} point."
            consensus.append(ConsensusScore(vendor, rid, agreed, why))
    evaluation = Overrides(
        tender_id=tender.id,
        scores=tuple(scores),
        consensus=tuple(consensus),
        confirmations=tuple(
            Confirmation(v, True, "alle mindstekrav opfyldt", "Eva", "2027-03-20T10:00:00+00:00")
            for v in vendors
        ),
    )
    (tmp / "tender.evaluation.yaml").write_text(dump_overrides(evaluation), "utf-8")
    return folder, tmp / "tender.yaml", responses


def award_cli_rows() -> list[dict]:
    """`procure award` of 10 bids x 300 evaluated requirements x 3 evaluators, end to end:
    reading the answer files and the evaluation file, checking each bid, the award, and
    writing award.xlsx, award.docx and the ten letters; in-process (best of 3) and as a new
    process (best of 5, interpreter start and imports included)."""
    import os
    import subprocess
    import sys
    import tempfile
    import time
    from pathlib import Path

    from procure.cli import main

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        folder, tender, responses = award_inputs(tmp)
        n = BIDS * REQUIREMENTS * len(EVALUATORS)

        def args(i: int) -> list[str]:
            out = tmp / f"run{i}"
            return [
                "award", str(tender), *responses,
                "--out", str(out / "award.xlsx"), "--note", str(out / "award.docx"),
                "--letters", str(out / "letters"), "--sent-on", SENT_ON, "--format", "json",
            ]  # fmt: skip

        previous = os.environ.get("PROCURE_LIBRARY")
        os.environ["PROCURE_LIBRARY"] = str(folder)
        try:
            import contextlib
            import io

            runs = iter(range(100))

            def in_process():
                # Cold caches each time, as in a new process (the text of table cells and
                # points is memoised within a run)
                from procure.documents.award_texts import _points_text
                from procure.documents.docx_util import _runs_of

                _runs_of.cache_clear()
                _points_text.cache_clear()
                with (
                    contextlib.redirect_stdout(io.StringIO()) as out,
                    contextlib.redirect_stderr(io.StringIO()),
                ):
                    code = main(args(next(runs)))
                assert code == 0 and json.loads(out.getvalue())["ranking"][0]["rank"] == 1
                return code

            seconds = best_of(3, in_process)
        finally:
            if previous is None:
                os.environ.pop("PROCURE_LIBRARY", None)
            else:
                os.environ["PROCURE_LIBRARY"] = previous
        rows.append(row("award: procure award end to end, in-process", n, seconds, "s", 2.0))
        env = dict(os.environ, PROCURE_LIBRARY=str(folder))
        timings = []
        for i in range(50, 55):
            start = time.perf_counter()
            result = subprocess.run(
                [sys.executable, "-m", "procure", *args(i)], env=env, capture_output=True
            )
            timings.append(time.perf_counter() - start)
            assert result.returncode == 0, result.stderr.decode()[-2000:]
        letters = len(list((tmp / "run50" / "letters").iterdir()))
        assert letters == BIDS
        rows.append(
            row("award: procure award end to end, whole process", n, min(timings), "s", 2.0)
        )
    return rows
