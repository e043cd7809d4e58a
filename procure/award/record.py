"""From the checked bids, the evaluation file and the price lists to the award's input — and
the record of each bid that the award's documents show.

`award_bids` gives the `Bid`s `award()` ranks: the consensus points from the evaluation file,
procure's compliance proposal (every mindstekrav met, no rejected reservation) with its
reasons, a person's confirmation where one is recorded (it wins over the proposal, also when
they differ), and procure's own price. `bid_records` keeps what the documents need besides
(the consensus reasons, each evaluator's points, the price problems, who confirmed what).
`match_price_lists` pairs price lists handed in apart (`award --prices`) with their bids by the
vendor's CVR number, else its name.

Pure functions over plain values: the callers read the files. The evaluation file's values
(procure.evaluation.overrides.Overrides: `consensus`, `scores`, `confirmation()`) are matched
to the bids by vendor name, case and extra spaces aside; a file of before scores and consensus
simply has none.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Protocol

from procure.award.consensus import ConsensusScore, EvaluatorScore
from procure.award.model import AwardModel
from procure.award.prices import PriceReading, read_price_entries
from procure.award.ranking import Bid
from procure.award.result import AwardResult
from procure.errors import ProcureError
from procure.i18n import Message, t


class EvaluationValues(Protocol):
    """What the award reads of the evaluation file (procure.evaluation.overrides.Overrides,
    a layer above this one)."""

    consensus: tuple[ConsensusScore, ...]
    scores: tuple[EvaluatorScore, ...]

    def confirmation(self, vendor: str): ...  # with .compliant, .why, .by, .at, or None


@dataclass(frozen=True)
class Confirmed:
    """A person's recorded decision on a bid's compliance (konditionsmæssighed)."""

    compliant: bool
    why: str
    by: str
    at: str


@dataclass(frozen=True)
class BidRecord:
    """One bid as the award's documents show it."""

    vendor: str
    cvr: str = ""
    source: str = ""  # the response file
    proposed_compliant: bool = True  # procure's proposal
    proposal_reasons: tuple[str | Message, ...] = ()  # failed MKs, rejected reservations
    confirmation: Confirmed | None = None
    consensus: Mapping[str, ConsensusScore] = field(default_factory=dict)  # by requirement
    scores: tuple[EvaluatorScore, ...] = ()  # each evaluator's own points
    prices: PriceReading | None = None  # None: the tender has no price lines
    price_source: str = ""  # the file the prices were read from

    @property
    def points(self) -> dict[str, Decimal]:
        return {rid: score.points for rid, score in self.consensus.items()}

    def evaluator_points(self) -> dict[str, dict[str, EvaluatorScore]]:
        """{requirement: {evaluator: score}}."""
        out: dict[str, dict[str, EvaluatorScore]] = {}
        for score in self.scores:
            out.setdefault(score.requirement, {})[score.evaluator] = score
        return out


@dataclass(frozen=True)
class AwardRecord:
    """The award's result with the record of every bid: what award.xlsx, award.docx and the
    letters are made from."""

    model: AwardModel
    result: AwardResult
    bids: tuple[BidRecord, ...]

    @functools.cached_property
    def evaluators(self) -> tuple[str, ...]:
        """Everyone who scored, by name."""
        return tuple(sorted({s.evaluator for b in self.bids for s in b.scores}, key=str.casefold))

    def bid(self, vendor: str) -> BidRecord:
        return next(b for b in self.bids if b.vendor == vendor)


@dataclass(frozen=True)
class VendorBid:
    """What the award needs of one checked response (procure.evaluation's result and the
    response's vendor details and own price list)."""

    vendor: str
    cvr: str
    source: str
    compliant: bool  # procure's proposal
    reasons: tuple[str | Message, ...]
    prices: object = None  # procure.responses.model.PriceSubmission, if the file had prices


# -- The award's input -----------------------------------------------------------------------------


def bid_records(
    model: AwardModel,
    bids: Sequence[VendorBid],
    evaluation: EvaluationValues,
    prices: Mapping[str, object],
) -> tuple[BidRecord, ...]:
    """Each bid's record: `prices` are the price lists by vendor (PriceSubmission, from the
    bid's own file or matched by match_price_lists); the evaluation file's consensus scores,
    evaluators' points and confirmations are taken by vendor name (case and spaces aside)."""
    consensus = _consensus_by_vendor(evaluation)
    scores = _scores_by_vendor(evaluation)
    evaluated = set(model.evaluated_requirements)
    out = []
    for bid in bids:
        key = vendor_key(bid.vendor)
        submission = prices.get(bid.vendor)
        out.append(
            BidRecord(
                vendor=bid.vendor,
                cvr=bid.cvr,
                source=bid.source,
                proposed_compliant=bid.compliant,
                proposal_reasons=tuple(bid.reasons),
                confirmation=_confirmation(evaluation, bid.vendor),
                consensus={
                    rid: score for rid, score in consensus.get(key, {}).items() if rid in evaluated
                },
                scores=tuple(s for s in scores.get(key, ()) if s.requirement in evaluated),
                prices=price_reading(model, submission),
                price_source=submission.source if submission is not None else "",
            )
        )
    return tuple(out)


def award_bids(records: Iterable[BidRecord]) -> list[Bid]:
    """The Bids `award()` ranks, from the bids' records."""
    bids = []
    for record in records:
        confirmed = record.confirmation
        reasons = tuple(record.proposal_reasons)
        if confirmed is not None and not confirmed.compliant and confirmed.why:
            reasons = (confirmed.why, *reasons)
        bids.append(
            Bid(
                vendor=record.vendor,
                points=record.points,
                price=None if record.prices is None else record.prices.price,
                proposed_compliant=record.proposed_compliant,
                confirmed_compliant=None if confirmed is None else confirmed.compliant,
                reasons=reasons,
            )
        )
    return bids


def price_reading(model: AwardModel, submission) -> PriceReading | None:
    """procure's own reading of a price list: every amount recomputed, problems flagged; a bid
    without one has every line missing. None for a tender without price lines."""
    if not model.price_lines:
        return None
    if submission is None:
        return read_price_entries(model.price_lines, [])  # every line missing: no amounts
    return read_price_entries(
        model.price_lines,
        [entry.as_mapping() for entry in submission.entries],
        submission.stated_total,
        model.rounding.amount,
    )


# -- Price lists handed in apart -------------------------------------------------------------------


def match_price_lists(
    bids: Sequence[VendorBid], separate: Sequence, tender_id: str
) -> dict[str, object]:
    """Each bid's price list by vendor: its own (a filled price sheet or answer-file prices),
    or one handed in apart, matched by CVR number where both have one, else by name.

    A price list for another tender, one that matches no bid or several, and a bid with two
    price lists are errors (ProcureError): which prices make the bid is for a person to say.
    """
    chosen: dict[str, object] = {
        b.vendor: b.prices for b in bids if b.prices is not None and not b.prices.blank
    }
    for submission in separate:
        answered = getattr(submission.metadata, "tender_id", None)
        if answered and answered != tender_id:
            raise ProcureError.invalid(
                submission.source,
                t(
                    "prislisten hører til et andet udbud (udbuds-id {answered}, forventet "
                    "{expected})",
                    answered=answered,
                    expected=tender_id,
                ),
            )
        matches = _matching_bids(bids, submission.vendor.name, submission.vendor.cvr)
        if len(matches) != 1:
            raise ProcureError.invalid(
                submission.source,
                t(
                    "prislisten (leverandør '{name}', CVR '{cvr}') passer til {count} af "
                    "tilbuddene; udfyld leverandørens navn og CVR-nummer som i besvarelsen",
                    name=submission.vendor.name,
                    cvr=submission.vendor.cvr,
                    count=len(matches),
                ),
            )
        vendor = matches[0].vendor
        if vendor in chosen:
            raise ProcureError.invalid(
                submission.source,
                t(
                    "{vendor} har allerede en prisliste ({other}); angiv kun én prisliste pr. "
                    "tilbud",
                    vendor=vendor,
                    other=chosen[vendor].source,
                ),
            )
        chosen[vendor] = submission
    return chosen


def _matching_bids(bids: Sequence[VendorBid], name: str, cvr: str) -> list[VendorBid]:
    digits = _digits(cvr)
    if digits:
        by_cvr = [b for b in bids if _digits(b.cvr) == digits]
        if by_cvr:
            return by_cvr
    key = vendor_key(name)
    if not key:
        return []
    return [b for b in bids if vendor_key(b.vendor) == key and not (digits and _digits(b.cvr))]


def _digits(cvr: str) -> str:
    return re.sub(r"\D", "", cvr or "")


def vendor_key(name: str) -> str:
    """A vendor's name as compared: case and extra spaces aside (as the evaluation file)."""
    return " ".join((name or "").split()).casefold()


# -- Reading the evaluation file's values ----------------------------------------------------------


def _consensus_by_vendor(evaluation: EvaluationValues) -> dict[str, dict[str, ConsensusScore]]:
    """{vendor key: {requirement: the consensus score in force}}, indexed once (a large award
    has thousands of them)."""
    out: dict[str, dict[str, ConsensusScore]] = {}
    for score in evaluation.consensus:  # in file order: a later one for the same key wins
        out.setdefault(vendor_key(score.vendor), {})[score.requirement] = score
    return out


def _scores_by_vendor(evaluation: EvaluationValues) -> dict[str, list[EvaluatorScore]]:
    out: dict[str, list[EvaluatorScore]] = {}
    for score in evaluation.scores:
        out.setdefault(vendor_key(score.vendor), []).append(score)
    return out


def _confirmation(evaluation: EvaluationValues, vendor: str) -> Confirmed | None:
    found = evaluation.confirmation(vendor)
    if found is None:
        return None
    return Confirmed(compliant=found.compliant, why=found.why, by=found.by, at=found.at)
