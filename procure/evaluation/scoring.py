"""The published evaluation model, applied exactly: Decimal arithmetic, published rounding."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from procure.forms import Answer
from procure.tender.model import EvaluationModel


def answer_factor(answer: Answer | None, model: EvaluationModel) -> Decimal:
    """1 for Opfyldt, the published partial credit for Delvist opfyldt, 0 otherwise."""
    if answer is Answer.MET:
        return Decimal(1)
    if answer is Answer.PARTLY:
        return model.partial_credit
    return Decimal(0)


def requirement_points(weight: int, answer: Answer | None, model: EvaluationModel) -> Decimal:
    return Decimal(weight) * answer_factor(answer, model)


def total_score(points: list[Decimal], total_weight: int, model: EvaluationModel) -> Decimal:
    """Earned points over the total PK weight, on the published scale, published rounding
    (half up, as a person rounds by hand)."""
    if total_weight <= 0:
        return Decimal(0).quantize(_quantum(model))
    # sum() of no points is the int 0; divided by a Decimal it is a Decimal all the same
    raw = sum(points) / Decimal(total_weight) * Decimal(model.scale_max)
    return raw.quantize(_quantum(model), rounding=ROUND_HALF_UP)


def _quantum(model: EvaluationModel) -> Decimal:
    return Decimal(10) ** -model.decimals  # exactly 0.01 for two decimals
