"""The award from the checked bids and the evaluation file, shared by the steps that show it
(Tilbud: the prices and whether they may be shown; Tildeling: the ranking and the documents).

A bid for the award is procure's compliance proposal (every mindstekrav met, no rejected
reservation), a person's confirmation where one is recorded (it wins), the committee's
consensus points and the bid's price. The price lists and the award's documents come with
procure.award.record; where this installation does not have it yet, the bids carry no price
(`AwardView.prices_read` is False) and the steps say so. No Streamlit here.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from dataclasses import dataclass
from decimal import Decimal

from procure.award import Bid, award, award_model_for_spec, missing_for_letters
from procure.award.model import AwardModel
from procure.award.result import AwardResult
from procure.errors import ProcureError
from procure.evaluation import Overrides
from procure.i18n import Message


def prices_can_be_read() -> bool:
    """Whether this installation reads the bids' price lists (procure.award.record)."""
    return importlib.util.find_spec("procure.award.record") is not None


@dataclass(frozen=True)
class AwardView:
    """The award as the wizard shows it, or why it cannot be made."""

    model: AwardModel
    bids: tuple[Bid, ...]
    result: AwardResult | None
    error: str | None  # why the bids cannot be ranked (e.g. one vendor's bid twice)
    missing: tuple[Message, ...]  # what stops the § 171 letters (missing_for_letters)
    quality_locked: bool  # every compliant bid has consensus points for every evaluated PK
    prices_read: bool  # the bids' prices come from their price lists
    record: object | None = None  # procure.award.record.AwardRecord, where it exists
    price_problems: tuple[tuple[str, str], ...] = ()  # (vendor, problem) in the price lists

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
    record = None
    problems: list[tuple[str, str]] = []
    if prices_can_be_read():
        bids, record_parts, problems = _bids_with_prices(model, outcome, evaluation)
    else:
        bids, record_parts = _bids_without_prices(model, outcome, evaluation), None
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
    if result is not None and record_parts is not None:
        from procure.award.record import AwardRecord

        record = AwardRecord(model, result, record_parts)
    return AwardView(
        model=model,
        bids=tuple(bids),
        result=result,
        error=error,
        missing=missing_for_letters(model, bids),
        quality_locked=quality_locked,
        prices_read=record_parts is not None,
        record=record,
        price_problems=tuple(problems),
    )


def _bids_without_prices(model: AwardModel, outcome, evaluation: Overrides) -> list[Bid]:
    evaluated = set(model.evaluated_requirements)
    bids = []
    for result in outcome.results:
        confirmation = evaluation.confirmation(result.vendor)
        reasons: tuple = tuple(result.reasons)
        if confirmation is not None and not confirmation.compliant and confirmation.why:
            reasons = (confirmation.why, *reasons)
        points: dict[str, Decimal] = {
            rid: p for rid, p in evaluation.consensus_of(result.vendor).items() if rid in evaluated
        }
        bids.append(
            Bid(
                vendor=result.vendor,
                points=points,
                price=None,
                proposed_compliant=result.compliant,
                confirmed_compliant=None if confirmation is None else confirmation.compliant,
                reasons=reasons,
            )
        )
    return bids


def _bids_with_prices(model: AwardModel, outcome, evaluation: Overrides):
    """The bids as `procure award` makes them: each response's own price list read and
    recomputed by procure (procure.award.record)."""
    from procure.award.record import VendorBid, award_bids, bid_records, match_price_lists

    vendor_bids = [
        VendorBid(
            vendor=result.vendor,
            cvr=getattr(response.vendor, "cvr", "") or "",
            source=response.source,
            compliant=result.compliant,
            reasons=tuple(result.reasons),
            prices=getattr(response, "prices", None),
        )
        for result, response in zip(outcome.results, outcome.responses, strict=True)
    ]
    prices = match_price_lists(vendor_bids, [], outcome.spec.tender.id)
    records = bid_records(model, vendor_bids, evaluation, prices)
    problems = [
        (record.vendor, str(problem.message))
        for record in records
        if record.prices is not None
        for problem in record.prices.problems
    ]
    return award_bids(records), tuple(records), problems


def kept_award_view(check, outcome, evaluation: Overrides, sent_on: dt.date | None = None):
    """award_view once per checked outcome (`check.cache_key` names it), consensus,
    confirmations and sending day; kept in the session's CheckState (`check`)."""
    key = (check.cache_key, evaluation.consensus, evaluation.confirmations, sent_on)
    if check.award_key != key:
        check.award_key, check.award_value = key, award_view(outcome, evaluation, sent_on)
    return check.award_value
