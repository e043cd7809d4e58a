"""The evaluation committee's entries in the evaluation file: each evaluator's own points, the
consensus points with their reasons, and a person's confirmation of each bid's compliance.

Pure functions take the file's contents (`Overrides`) and return them with one entry added,
validated against the published model (the scale and the evaluated requirements); the
`add_*` functions are the file edges, under the file's lock so twenty evaluators entering at
once all keep theirs. Every score or consensus recorded is logged (who, when, old, new, why).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from procure.award.consensus import (
    ConsensusScore,
    EvaluatorScore,
    ScoreChange,
    parse_points,
    record_consensus,
    record_score,
)
from procure.award.model import AwardModel, award_model_for_spec
from procure.errors import ProcureError
from procure.evaluation.overrides import Confirmation, Overrides, _append_to_file
from procure.i18n import t
from procure.tender.spec import TenderSpec


def append_score(
    evaluation: Overrides,
    spec: TenderSpec,
    *,
    vendor: str,
    evaluator: str,
    requirement_id: str,
    points: object,
    why: str = "",
    model: AwardModel | None = None,
    now: dt.datetime | None = None,
) -> Overrides:
    """One evaluator's points for one evaluated requirement of one bid. A change of the
    evaluator's earlier points needs a reason."""
    model = model or award_model_for_spec(spec)
    requirement_id = _evaluated(model, requirement_id)
    vendor, evaluator = _named(vendor, t("leverandør")), _named(evaluator, t("evaluator"))
    value = parse_points(points, model.scale)
    when = _stamp(now)
    recorded = {(s.vendor, s.requirement, s.evaluator): s for s in evaluation.scores}
    key = _existing_key(recorded, (vendor, requirement_id, evaluator))
    score = EvaluatorScore(key[0], requirement_id, evaluator, value, why.strip())
    updated, change = record_score(recorded, score, scale=model.scale, who=evaluator, when=when)
    if change is None and key not in recorded:
        change = ScoreChange(
            key[0], requirement_id, evaluator, when, None, value, why.strip(), evaluator
        )
    return dataclasses.replace(
        evaluation,
        tender_id=spec.tender.id,
        scores=tuple(updated.values()),
        changes=evaluation.changes + ((change,) if change else ()),
    )


def append_consensus(
    evaluation: Overrides,
    spec: TenderSpec,
    *,
    vendor: str,
    requirement_id: str,
    points: object,
    why: str,
    by: str,
    model: AwardModel | None = None,
    now: dt.datetime | None = None,
) -> Overrides:
    """The committee's agreed points for one evaluated requirement of one bid, with the reason
    that the § 171 letters and the § 174 report quote."""
    model = model or award_model_for_spec(spec)
    requirement_id = _evaluated(model, requirement_id)
    vendor, by = _named(vendor, t("leverandør")), _named(by, t("hvem"))
    value = parse_points(points, model.scale)
    recorded = {(c.vendor, c.requirement): c for c in evaluation.consensus}
    key = _existing_key(recorded, (vendor, requirement_id))
    score = ConsensusScore(key[0], requirement_id, value, why.strip())
    updated, change = record_consensus(recorded, score, scale=model.scale, who=by, when=_stamp(now))
    return dataclasses.replace(
        evaluation,
        tender_id=spec.tender.id,
        consensus=tuple(updated.values()),
        changes=evaluation.changes + ((change,) if change else ()),
    )


def append_confirmation(
    evaluation: Overrides,
    spec: TenderSpec,
    *,
    vendor: str,
    compliant: bool,
    why: str,
    by: str,
    now: dt.datetime | None = None,
) -> Overrides:
    """A person's decision on whether the bid is compliant; the latest one counts."""
    vendor, by = _named(vendor, t("leverandør")), _named(by, t("hvem"))
    if not why.strip():
        raise ProcureError(
            t("en bekræftelse af konditionsmæssighed kræver en skriftlig begrundelse")
        )
    entry = Confirmation(vendor, bool(compliant), why.strip(), by, _stamp(now))
    return dataclasses.replace(
        evaluation,
        tender_id=spec.tender.id,
        confirmations=evaluation.confirmations + (entry,),
    )


def add_score(path: Path, spec: TenderSpec, **fields) -> Overrides:
    """Record an evaluator's points in the evaluation file, under its lock."""
    return _append_to_file(path, spec, lambda current: append_score(current, spec, **fields))


def add_consensus(path: Path, spec: TenderSpec, **fields) -> Overrides:
    """Record a consensus score in the evaluation file, under its lock."""
    return _append_to_file(path, spec, lambda current: append_consensus(current, spec, **fields))


def add_confirmation(path: Path, spec: TenderSpec, **fields) -> Overrides:
    """Record a confirmation of compliance in the evaluation file, under its lock."""
    return _append_to_file(path, spec, lambda current: append_confirmation(current, spec, **fields))


def add_scores(path: Path, spec: TenderSpec, rows: list[dict]) -> Overrides:
    """Record many evaluator scores at once (an imported scoring sheet): all or nothing."""
    model = award_model_for_spec(spec)

    def apply(current: Overrides) -> Overrides:
        for row in rows:
            current = append_score(current, spec, model=model, **row)
        return current

    return _append_to_file(path, spec, apply)


def _evaluated(model: AwardModel, requirement_id: str) -> str:
    rid = "".join(requirement_id.split()).upper()
    if rid not in model.evaluated_requirements:
        raise ProcureError(
            t(
                "{requirement} evalueres ikke i den offentliggjorte model; kun disse krav "
                "får point: {ids}",
                requirement=requirement_id,
                ids=", ".join(model.evaluated_requirements) or "-",
            )
        )
    return rid


def _named(value: str, what) -> str:
    text = " ".join(str(value).split())
    if not text:
        raise ProcureError(t("angiv {what}", what=what))
    return text


def _existing_key(recorded: dict, key: tuple) -> tuple:
    """The key as already stored when only the vendor's spelling differs (case, spaces)."""
    if key in recorded:
        return key
    loose = (key[0].casefold(),) + key[1:]
    for existing in recorded:
        if (existing[0].casefold(),) + existing[1:] == loose:
            return existing
    return key


def _stamp(now: dt.datetime | None) -> str:
    return (now or dt.datetime.now(dt.UTC)).replace(microsecond=0).isoformat()
