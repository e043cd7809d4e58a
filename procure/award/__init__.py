"""The award: the published evaluation model applied to consensus points and prices.

A pure core (STYLE.md): the model parsed into frozen values (model.py), one function per price
model (price_models.py), weighted means rounded half up at each published stage (points.py),
prices read as untrusted data and recomputed (prices.py), the ranking that returns one result
object (ranking.py, result.py), evaluators' points and consensus (consensus.py) and the end of
the standstill period (standstill.py). Files, workbooks, notes and letters are read and written
by the callers.
"""

from procure.award.consensus import (
    ConsensusInput,
    ConsensusScore,
    EvaluatorScore,
    ScoreChange,
    consensus_inputs,
    consensus_points,
    disagreements,
    disagreements_data,
    missing_for_letters,
    parse_points,
    points_problem,
    prices_may_be_shown,
    record_consensus,
    record_score,
)
from procure.award.model import (
    AwardModel,
    ModelProblem,
    Rounding,
    Scale,
    award_model,
    award_model_for_spec,
    default_evaluation,
    default_evaluation_for_spec,
    evaluation_problems,
    evaluation_problems_for_spec,
    old_model_points,
)
from procure.award.prices import (
    PriceProblem,
    PriceReading,
    bid_price,
    parse_amount,
    read_price_entries,
)
from procure.award.ranking import Bid, award
from procure.award.result import AwardResult, BidResult
from procure.award.standstill import is_working_day, standstill_ends

__all__ = [
    "AwardModel",
    "AwardResult",
    "Bid",
    "BidResult",
    "ConsensusInput",
    "ConsensusScore",
    "EvaluatorScore",
    "ModelProblem",
    "PriceProblem",
    "PriceReading",
    "Rounding",
    "Scale",
    "ScoreChange",
    "award",
    "award_model",
    "award_model_for_spec",
    "bid_price",
    "consensus_inputs",
    "consensus_points",
    "default_evaluation",
    "default_evaluation_for_spec",
    "disagreements",
    "disagreements_data",
    "evaluation_problems",
    "evaluation_problems_for_spec",
    "is_working_day",
    "missing_for_letters",
    "old_model_points",
    "parse_amount",
    "parse_points",
    "points_problem",
    "prices_may_be_shown",
    "read_price_entries",
    "record_consensus",
    "record_score",
    "standstill_ends",
]
