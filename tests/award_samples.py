"""A tender with a published model and price lines, and bids with hand-worked award figures,
shared by the award CLI, document and benchmark tests.

The model: Kvalitet 60 (Funktionalitet 70: the PKs of the areas OVB, DRF, BRG and KLE;
Implementering og drift 30: the other PKs), Pris 40 relative-linear with X = 100 %; scale 0–10
with two decimals; lowest price breaks a tie. Price lines: P1 12 måneder drift, P2 1
implementering. Each bid gets the same consensus points on every requirement of a sub, so its
sub-criterion points are those points whatever the weights:

    bid  Funktionalitet  Impl.  Kvalitet  price      price points            total
    A    8               6      7.40      1 500 000  10·(1−0.25) = 7.50      (444+300)/100 = 7.44
    B    6               9      6.90      1 200 000  10.00 (lowest)          (414+400)/100 = 8.14
    C    7               7      7.00      1 300 000  10·(1−1/12) = 9.17      (420+366.8)/100 = 7.87
    D    fails a mindstekrav: excluded, its lower price sets no reference
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

from procure.award import ConsensusScore, EvaluatorScore
from procure.evaluation.overrides import Confirmation, Overrides
from procure.tender import resolve_tender
from procure.tender.lifecycle import publish
from procure.tender.model import (
    BEST_PRICE_QUALITY,
    LOWEST_PRICE,
    RELATIVE_LINEAR,
    Criterion,
    EvaluationModel,
    PriceLine,
    PriceModel,
    SubCriterion,
    Tender,
)
from tests.samples import sample_tender, shipped_release

FUNCTIONAL_AREAS = ("FKI-OVB", "FKI-DRF", "FKI-BRG", "FKI-KLE")
POINTS = {  # (Funktionalitet, Implementering og drift) consensus points per bid
    "Leverandør A": (Decimal(8), Decimal(6)),
    "Leverandør B": (Decimal(6), Decimal(9)),
    "Leverandør C": (Decimal(7), Decimal(7)),
}
EVALUATORS = ("Anna Evaluator", "Bo Evaluator")


PUBLISHED_ON = dt.datetime(2026, 12, 1, 9, 0)
DEADLINE = "2027-01-15T12:00"


def award_tender(language: str = "da", published: bool = True) -> Tender:
    """The tender, published on 1 December 2026 with the bid deadline 15 January 2027 (a
    draft with `published=False`)."""
    tender = dataclasses.replace(sample_tender(language), deadline=DEADLINE)
    spec = resolve_tender(tender, shipped_release())
    pks = [(r.id, r.weight) for r in spec.requirements if r.kind == "PK"]
    functional = tuple(p for p in pks if p[0].startswith(FUNCTIONAL_AREAS))
    other = tuple(p for p in pks if not p[0].startswith(FUNCTIONAL_AREAS))
    model = EvaluationModel(
        scale_max=10,
        decimals=2,
        award_criterion=BEST_PRICE_QUALITY,
        anchors=((Decimal(10), "Fremragende"), (Decimal(0), "Ingen opfyldelse")),
        rounding_criterion=2,
        rounding_total=2,
        criteria=(
            Criterion(
                "Kvalitet",
                60,
                sub=(
                    SubCriterion("Funktionalitet", 70, functional),
                    SubCriterion("Implementering og drift", 30, other),
                ),
            ),
            Criterion("Pris", 40, price_model=PriceModel(RELATIVE_LINEAR, x_percent=Decimal(100))),
        ),
        tie_break=(LOWEST_PRICE,),
    )
    lines = (
        PriceLine("P1", "Drift og vedligehold pr. måned", Decimal(12), unit="måneder"),
        PriceLine("P2", "Implementering & uddannelse", Decimal(1), unit="stk."),
    )
    tender = dataclasses.replace(tender, evaluation=model, price_lines=lines)
    if published:
        tender = publish(resolve_tender(tender, shipped_release()), PUBLISHED_ON)
    return tender


def award_spec(language: str = "da", published: bool = True):
    return resolve_tender(award_tender(language, published), shipped_release())


def functional(requirement_id: str) -> bool:
    return requirement_id.startswith(FUNCTIONAL_AREAS)


def evaluation_for(
    spec,
    vendors=tuple(POINTS),
    confirmed=None,
    skip: tuple[tuple[str, str], ...] = (),
    points=POINTS,
    why=None,
) -> Overrides:
    """Consensus scores (with reasons) for every evaluated requirement of `vendors`, two
    evaluators' points around them, and confirmations (`confirmed`: {vendor: compliant})."""
    pks = [r.id for r in spec.requirements if r.kind == "PK"]
    consensus, scores = [], []
    for vendor in vendors:
        good, other = points[vendor]
        for rid in pks:
            if (vendor, rid) in skip:
                continue
            given_points = good if functional(rid) else other
            reason = why or f"{vendor} {rid}: beskrivelsen giver {given_points} point"
            consensus.append(ConsensusScore(vendor, rid, given_points, reason))
            for n, evaluator in enumerate(EVALUATORS):
                given = min(Decimal(10), given_points + n)
                scores.append(EvaluatorScore(vendor, rid, evaluator, given, "note"))
    confirmations = tuple(
        Confirmation(vendor, compliant, f"gennemgået af udvalget ({vendor})", "Eva", "2027-02-01")
        for vendor, compliant in (confirmed or {}).items()
    )
    return Overrides(
        tender_id=spec.tender.id,
        consensus=tuple(consensus),
        scores=tuple(scores),
        confirmations=confirmations,
    )
