"""A tender resolved against its pinned library release: everything the documents show and
the checker compares against, in the tender's language, numbered and stamped.

This is the one place where human numbers (3.1.1), effective kinds and weights, form stamps
and the requirement-set fingerprint are decided; documents and evaluation only read it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from procure.formats import plain_decimal_text
from procure.tender.model import EvaluationModel, Tender

FORM_VERSION = "procure-form/1"


@dataclass(frozen=True)
class SpecRequirement:
    number: str  # human number, e.g. "3.1.1" (annex.area.item)
    id: str  # machine id, always shown beside the number
    area: str  # area key
    kind: str  # effective kind: MK, PK, K or O
    weight: int | None  # effective weight (PK only)
    title: str  # in the tender's language
    text: str  # in the tender's language: what the vendor must meet
    answer_hint: str  # what the vendor's answer must describe ("" for custom requirements)
    integrations: tuple[str, ...]
    custom: bool
    stamp: str  # form stamp: hash of id, kind, weight, title and text as printed

    @property
    def is_mandatory(self) -> bool:
        return self.kind == "MK"


@dataclass(frozen=True)
class SpecArea:
    key: str
    number: str  # e.g. "3.1"
    title: str
    requirements: tuple[SpecRequirement, ...]


@dataclass(frozen=True)
class SpecIntegration:
    id: str
    name: str
    sf_numbers: tuple[str, ...]  # e.g. ("SF1500",); empty when not verified
    description: str
    chosen: bool  # chosen by the officer (False: added because another one depends on it)
    required_by: tuple[str, ...]  # ids of chosen integrations that depend on it
    requirement_ids: tuple[str, ...]  # the tender's requirements linked to it


@dataclass(frozen=True)
class TenderSpec:
    tender: Tender
    language: str
    library_name: str
    library_version: str
    category_name: str
    areas: tuple[SpecArea, ...]
    integrations: tuple[SpecIntegration, ...]
    fingerprint: str  # sha256 over (id, stamp) of every requirement, in order

    # Cached: documents and checks ask for every requirement, or its total weight, per row
    # (a tender of 3,000 requirements spent a third of its build rebuilding this tuple).
    @cached_property
    def requirements(self) -> tuple[SpecRequirement, ...]:
        return tuple(r for area in self.areas for r in area.requirements)

    @property
    def evaluation(self) -> EvaluationModel:
        return self.tender.evaluation

    @property
    def short_fingerprint(self) -> str:
        return self.fingerprint.removeprefix("sha256:")[:12]

    def requirement(self, requirement_id: str) -> SpecRequirement | None:
        for r in self.requirements:
            if r.id == requirement_id:
                return r
        return None

    @cached_property
    def total_weight(self) -> int:
        return sum(r.weight or 0 for r in self.requirements if r.kind == "PK")

    def form_metadata(self) -> dict:
        """What the response forms carry (hidden) so the checker knows what a file answers."""
        return {
            "format": FORM_VERSION,
            "tender_id": self.tender.id,
            "tender_title": self.tender.title,
            "library_version": self.library_version,
            "language": self.language,
            "fingerprint": self.fingerprint,
            "requirements": {r.id: r.stamp for r in self.requirements},
        }


def form_stamp(requirement_id: str, kind: str, weight: int | None, title: str, text: str) -> str:
    canonical = json.dumps(
        {"id": requirement_id, "kind": kind, "weight": weight, "title": title, "text": text},
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def fingerprint(requirements) -> str:
    digest = hashlib.sha256()
    for r in requirements:
        digest.update(f"{r.id}\t{r.stamp}\n".encode())
    return "sha256:" + digest.hexdigest()


def format_decimal(value: Decimal, lang: str = "da") -> str:
    """A published parameter (partial credit, a share) with no trailing zeros: 0,3 / 0.3."""
    return plain_decimal_text(value, lang)
