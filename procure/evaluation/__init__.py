"""Evaluation: findings, compliance, scores, overrides and vendor comparison."""

from procure.evaluation.check import evaluate_response
from procure.evaluation.comparison import Comparison, compare_results
from procure.evaluation.overrides import (
    Override,
    Overrides,
    ReservationDecision,
    add_override,
    add_reservation_decision,
    append_override,
    dump_overrides,
    load_overrides,
    parse_overrides,
)
from procure.evaluation.result import EvaluationResult, Finding

__all__ = [
    "Comparison",
    "EvaluationResult",
    "Finding",
    "Override",
    "Overrides",
    "ReservationDecision",
    "add_override",
    "add_reservation_decision",
    "append_override",
    "dump_overrides",
    "compare_results",
    "evaluate_response",
    "load_overrides",
    "parse_overrides",
]
