"""Plain result objects of evaluating a vendor's response."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from procure.forms import Answer

FINDING_CODES = (
    "mandatory_failed",
    "reservation",
    "reservation_to_price",
    "reservation_rejected",
    "missing_answer",
    "unknown_requirement",
    "duplicate_answer",
    "invalid_answer",
    "text_altered",
    "form_mismatch",
    "integration_missing",
    "integration_partly",
    "price_problem",
)


# Finding kinds: why a finding arose when its code alone does not say (only set then)
EARLIER_VERSION = "earlier_version"  # the bid answers an earlier published version


@dataclass(frozen=True)
class Finding:
    code: str
    requirement: str | None
    message: str
    kind: str | None = None

    def to_data(self) -> dict:
        data = {"code": self.code, "requirement": self.requirement, "message": self.message}
        if self.kind is not None:
            data["kind"] = self.kind
        return data


@dataclass(frozen=True)
class Reservation:
    """A deviation from a K or PK. The buyer prices it (or rejects the bid for it); the price
    the vendor states is information only."""

    id: str
    answer: str  # the answer label as given ("" if none)
    price: Decimal | None  # the vendor's own price, if it states one
    text: str
    decision: str | None = None  # the buyer's: "priced", "unpriceable" or "fundamental"
    buyer_price: Decimal | None = None  # the buyer's price, when priced
    decision_reason: str = ""
    decision_by: str = ""  # who recorded the buyer's decision
    decision_at: str = ""  # when: ISO 8601, UTC (documents show it in Danish local time)

    def to_data(self) -> dict:
        return {
            "id": self.id,
            "answer": self.answer,
            "price": None if self.price is None else _num(self.price),
            "text": self.text,
            "decision": self.decision,
            "buyer_price": None if self.buyer_price is None else _num(self.buyer_price),
            "decision_reason": self.decision_reason,
        }


@dataclass(frozen=True)
class RequirementVerdict:
    """One tender requirement as this vendor answered it."""

    id: str
    number: str
    kind: str
    weight: int | None
    answer: Answer | None
    answer_text: str
    verdict: str  # "ok", "reservation", "failed", "missing", "invalid", "not_offered"
    computed_points: Decimal | None  # PK only
    final_points: Decimal | None  # PK only: computed, or the evaluator's override
    override_reason: str | None
    description: str
    reservation_text: str
    override_by: str = ""  # who set the final points by hand
    override_at: str = ""  # when: ISO 8601, UTC (documents show it in Danish local time)


@dataclass(frozen=True)
class EvaluationResult:
    vendor: str
    source: str
    tender_id: str
    compliant: bool
    reasons: tuple[str, ...]  # why non-compliant (empty when compliant)
    mandatory_failed: tuple[str, ...]
    reservations: tuple[Reservation, ...]
    integrations_missing: tuple[str, ...]  # a requirement demanding it is not met
    computed_score: Decimal
    score: Decimal  # final: with the evaluator's overrides
    max_score: int
    findings: tuple[Finding, ...]
    verdicts: tuple[RequirementVerdict, ...]
    confirmation_note: str
    integrations_partly: tuple[str, ...] = ()  # only a PK on it answered below "Opfyldt"
    price: Decimal | None = None  # the bid's price as procure computes it from its price list

    @property
    def reservations_total(self) -> Decimal:
        """The buyer's prices of the reservations priced so far."""
        return sum(
            (r.buyer_price for r in self.reservations if r.buyer_price is not None), Decimal(0)
        )

    @property
    def reservations_open(self) -> tuple[Reservation, ...]:
        """Reservations the buyer has not yet priced or decided."""
        return tuple(r for r in self.reservations if r.decision is None)

    def verdict(self, requirement_id: str) -> RequirementVerdict | None:
        for v in self.verdicts:
            if v.id == requirement_id:
                return v
        return None

    def to_data(self) -> dict:
        return {
            "vendor": self.vendor,
            "source": self.source,
            "tender_id": self.tender_id,
            "compliant": self.compliant,
            "reasons": list(self.reasons),
            "mandatory_failed": list(self.mandatory_failed),
            "reservations": [r.to_data() for r in self.reservations],
            "integrations_missing": list(self.integrations_missing),
            "integrations_partly": list(self.integrations_partly),
            "price": None if self.price is None else format(self.price, "f"),
            "computed_score": _num(self.computed_score),
            "score": _num(self.score),
            "max_score": self.max_score,
            "findings": [f.to_data() for f in self.findings],
            "requirements": [
                {
                    "id": v.id,
                    "number": v.number,
                    "kind": v.kind,
                    "weight": v.weight,
                    "answer": v.answer.value if v.answer else None,
                    "answer_text": v.answer_text,
                    "verdict": v.verdict,
                    "computed_points": None
                    if v.computed_points is None
                    else _num(v.computed_points),
                    "points": None if v.final_points is None else _num(v.final_points),
                    "override_reason": v.override_reason,
                }
                for v in self.verdicts
            ],
            "note": self.confirmation_note,
        }


def _num(value: Decimal) -> int | float:
    """JSON number for a Decimal: an int when whole, else a float of the exact decimal text."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)
