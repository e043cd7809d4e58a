"""The award from the checked bids and the evaluation file, shared by the steps that show it
(Tilbud: the prices and whether they may be shown; Tildeling: the ranking and the documents).

The bids are made as `procure award` makes them (procure.award.record): procure's compliance
proposal (every mindstekrav met, no rejected reservation), a person's confirmation where one is
recorded (it wins), the committee's consensus points, and the price procure computes from the
bid's own price list. No Streamlit here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from procure.award import Bid, award, award_model_for_spec, missing_for_letters
from procure.award.model import AwardModel
from procure.award.record import (
    AwardRecord,
    BidRecord,
    VendorBid,
    award_bids,
    bid_records,
    match_price_lists,
)
from procure.award.result import AwardResult
from procure.errors import ProcureError
from procure.evaluation import Overrides
from procure.i18n import Message


@dataclass(frozen=True)
class AwardView:
    """The award as the wizard shows it, or why it cannot be made."""

    model: AwardModel
    bids: tuple[Bid, ...]
    result: AwardResult | None
    error: str | None  # why the bids cannot be ranked (e.g. one vendor's bid twice)
    missing: tuple[Message, ...]  # what stops the § 171 letters (missing_for_letters)
    quality_locked: bool  # every compliant bid has consensus points for every evaluated PK
    records: tuple[BidRecord, ...] = ()  # what the award's documents show of each bid
    record: AwardRecord | None = None  # the documents' input, once the bids could be ranked
    price_problems: tuple[tuple[str, Message], ...] = ()  # (vendor, problem), price lists

    @property
    def evaluated(self) -> tuple[str, ...]:
        return self.model.evaluated_requirements

    def consensus_missing(self, vendor: str) -> tuple[str, ...]:
        """The evaluated requirements of `vendor`'s bid without consensus points."""
        bid = next((b for b in self.bids if b.vendor == vendor), None)
        if bid is None:
            return ()
        return tuple(rid for rid in self.evaluated if rid not in bid.points)


def award_view(outcome, evaluation: Overrides, sent_on: dt.date | None = None) -> AwardView:
    """The award over the checked bids (`outcome`: procure.ui.checking.CheckOutcome) with the
    evaluation file's consensus, confirmations and decisions."""
    spec = outcome.spec
    model = award_model_for_spec(spec)
    vendor_bids = [
        VendorBid(
            vendor=result.vendor,
            cvr=response.vendor.cvr,
            source=response.source,
            compliant=result.compliant,
            reasons=tuple(result.reasons),
            prices=response.prices,
        )
        for result, response in zip(outcome.results, outcome.responses, strict=True)
    ]
    # Each bid's own price list (the wizard takes no price lists handed in apart)
    prices = match_price_lists(vendor_bids, [], spec.tender.id)
    records = bid_records(model, vendor_bids, evaluation, prices)
    bids = award_bids(records)
    problems = tuple(
        (record.vendor, problem.message)
        for record in records
        if record.prices is not None
        for problem in record.prices.problems
    )
    quality_locked = bool(bids) and all(
        all(rid in bid.points for rid in model.evaluated_requirements)
        for bid in bids
        if bid.compliant
    )
    try:
        result = award(model, bids, sent_on=sent_on)
        error = None
    except ProcureError as exc:
        result, error = None, str(exc)
    return AwardView(
        model=model,
        bids=tuple(bids),
        result=result,
        error=error,
        missing=missing_for_letters(model, bids),
        quality_locked=quality_locked,
        records=tuple(records),
        record=None if result is None else AwardRecord(model, result, tuple(records)),
        price_problems=problems,
    )


def kept_award_view(check, outcome, evaluation: Overrides, sent_on: dt.date | None = None):
    """award_view once per checked outcome (`check.cache_key` names it), consensus,
    confirmations and sending day; kept in the session's CheckState (`check`)."""
    key = (check.cache_key, evaluation.consensus, evaluation.confirmations, sent_on)
    if check.award_key != key:
        check.award_key, check.award_value = key, award_view(outcome, evaluation, sent_on)
    return check.award_value
