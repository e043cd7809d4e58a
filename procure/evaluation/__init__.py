"""Evaluation: findings, compliance, scores, overrides and vendor comparison.

The names below are imported from their modules when first used: the wizard's first page
needs the evaluation file's model (overrides), not the checker or the comparison."""

from __future__ import annotations

from typing import TYPE_CHECKING

from procure.lazy import lazy_names

# name -> module of procure.evaluation it lives in
_WHERE = {
    "evaluate_response": "check",
    "Comparison": "comparison",
    "compare_results": "comparison",
    "Override": "overrides",
    "Overrides": "overrides",
    "ReservationDecision": "overrides",
    "add_override": "overrides",
    "add_reservation_decision": "overrides",
    "append_override": "overrides",
    "dump_overrides": "overrides",
    "load_overrides": "overrides",
    "parse_overrides": "overrides",
    "EvaluationResult": "result",
    "Finding": "result",
}

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
    "compare_results",
    "dump_overrides",
    "evaluate_response",
    "load_overrides",
    "parse_overrides",
]


__getattr__, __dir__ = lazy_names(__name__, _WHERE, globals())


if TYPE_CHECKING:  # for type checkers and editors: the same names, imported eagerly
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
