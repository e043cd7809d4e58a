"""The officer's choices: a tender file (`tender.yaml`) as immutable plain data."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

CUSTOM_PREFIX = "LOKAL-"


@dataclass(frozen=True)
class Buyer:
    name: str
    cvr: str | None = None


@dataclass(frozen=True)
class SelectedRequirement:
    """A library requirement chosen for the tender; kind/weight None means the library default."""

    id: str
    kind: str | None = None
    weight: int | None = None


@dataclass(frozen=True)
class CustomRequirement:
    """A local requirement written for this tender only (id starts with LOKAL-)."""

    id: str
    area: str
    title: str
    text: str
    kind: str
    weight: int | None = None


@dataclass(frozen=True)
class EvaluationModel:
    """The published evaluation model (udbudsloven §§ 160, 165): applied exactly as published."""

    scale_max: int = 10
    partial_credit: Decimal = Decimal("0.5")
    decimals: int = 2


@dataclass(frozen=True)
class Tender:
    id: str
    title: str
    buyer: Buyer
    case_number: str
    date: str
    language: str
    library_version: str
    category: str
    kle: tuple[str, ...] = ()
    integrations: tuple[str, ...] = ()
    requirements: tuple[SelectedRequirement, ...] = ()
    custom_requirements: tuple[CustomRequirement, ...] = ()
    evaluation: EvaluationModel = field(default_factory=EvaluationModel)
    annex: int = 3
    deadline: str | None = None  # tilbudsfrist: "2027-01-15" or "2027-01-15T12:00"
