"""The officer's choices: a tender file (`tender.yaml`) as immutable plain data."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

CUSTOM_PREFIX = "LOKAL-"
# Local requirements have an area of their own, after the library's areas, unless the officer
# puts one in a library area (issue 17 § 5). The key is not a library area's key.
LOCAL_AREA = "lokale_krav"
LOCAL_AREA_TITLE = {"da": "Lokale krav", "en": "Local requirements"}


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
    """A local requirement written for this tender only (id starts with LOKAL-). Its area is
    LOCAL_AREA or a library area's key; the guidance is the officer's own note (why it is
    there, what to look for), never shown to the bidders."""

    id: str
    area: str
    title: str
    text: str
    kind: str
    weight: int | None = None
    guidance: str = ""


# The award criteria of udbudsloven § 162, as the tender file writes them.
BEST_PRICE_QUALITY = "bedste forhold mellem pris og kvalitet"
AWARD_CRITERIA = (BEST_PRICE_QUALITY, "pris", "omkostninger")

# How price is turned into points or compared (README "The evaluation model").
RELATIVE_LINEAR = "relative-linear"
PROPORTIONAL = "proportional"
ABSOLUTE_LINEAR = "absolute-linear"
EVALUATION_PRICE = "evaluation-price"
PRICE_ADJUSTMENT = "price-adjustment"
PRICE_MODEL_KINDS = (
    RELATIVE_LINEAR,
    PROPORTIONAL,
    ABSOLUTE_LINEAR,
    EVALUATION_PRICE,
    PRICE_ADJUSTMENT,
)

# Published tie-breaks, applied in the order given; "highest:NAME" is a criterion's points.
LOWEST_PRICE = "lowest-price"
HIGHEST_QUALITY = "highest-quality"
HIGHEST_CRITERION_PREFIX = "highest:"


@dataclass(frozen=True)
class PriceModel:
    """How the price criterion is scored; only the parameters of its kind are set."""

    kind: str
    x_percent: Decimal | None = None  # relative-linear: zero points X % above the lowest
    full_points_at: Decimal | None = None  # absolute-linear anchors (amounts)
    zero_points_at: Decimal | None = None
    widen_by: Decimal | None = None  # absolute-linear: zero anchor moved up in steps of this
    cap: Decimal | None = None  # absolute-linear: a price above it is excluded
    amount_per_point: Decimal | None = None  # price-adjustment: kroner per quality point


@dataclass(frozen=True)
class SubCriterion:
    name: str
    weight: int
    requirements: tuple[tuple[str, int], ...] = ()  # (PK id, its weight within the sub)


@dataclass(frozen=True)
class Criterion:
    """A published award criterion: quality (requirements or subs) or price (price_model)."""

    name: str
    weight: int
    sub: tuple[SubCriterion, ...] = ()
    requirements: tuple[tuple[str, int], ...] = ()  # (PK id, weight) when it has no subs
    price_model: PriceModel | None = None

    @property
    def is_price(self) -> bool:
        return self.price_model is not None


@dataclass(frozen=True)
class Kommissionsmodel:
    """Thresholds of Kommissionsmodellen: a bid below either (in per cent) is excluded."""

    total_min_percent: Decimal = Decimal(70)
    criterion_min_percent: Decimal = Decimal(50)


@dataclass(frozen=True)
class PriceLine:
    """One line of the price list: the vendor states a unit price, procure multiplies."""

    id: str
    text: str
    quantity: Decimal = Decimal(1)
    weight: Decimal | None = None  # evalueringsteknisk pris: the line's weight
    unit: str = ""  # what the quantity counts ("licenser", "timer"); shown in the price list


@dataclass(frozen=True)
class EvaluationModel:
    """The published evaluation model (udbudsloven §§ 160, 162, 165): applied exactly as published.

    `criteria` empty is the model of tender files written before criteria existed (only
    `scale_max`, `partial_credit`, `decimals`): one quality criterion holding every PK at its
    weight, no price criterion (§ 162 stk. 4: the price does not compete), rounded once to
    `decimals`; see procure.award.model.award_model. `partial_credit` belongs to that model and
    to the check's preliminary points from the vendors' own answers.
    """

    scale_max: int = 10
    partial_credit: Decimal = Decimal("0.5")
    decimals: int = 2
    award_criterion: str = BEST_PRICE_QUALITY
    anchors: tuple[tuple[Decimal, str], ...] = ()  # (points, wording), highest points first
    rounding_sub: int | None = None  # None: as rounding_criterion
    rounding_criterion: int | None = None  # None: the scale's decimals
    rounding_total: int | None = None  # None: the scale's decimals
    rounding_amount: int = 2  # prices and amounts derived from them
    criteria: tuple[Criterion, ...] = ()
    tie_break: tuple[str, ...] = ()
    kommissionsmodel: Kommissionsmodel | None = None
    price_blind: bool = False

    @property
    def has_criteria(self) -> bool:
        """Whether the model names its criteria (False: the old one-criterion model)."""
        return bool(self.criteria)

    @property
    def criterion_decimals(self) -> int:
        return self.decimals if self.rounding_criterion is None else self.rounding_criterion

    @property
    def sub_decimals(self) -> int:
        return self.criterion_decimals if self.rounding_sub is None else self.rounding_sub

    @property
    def total_decimals(self) -> int:
        return self.decimals if self.rounding_total is None else self.rounding_total

    @property
    def price_criterion(self) -> Criterion | None:
        return next((c for c in self.criteria if c.is_price), None)

    @property
    def quality_criteria(self) -> tuple[Criterion, ...]:
        return tuple(c for c in self.criteria if not c.is_price)


# A tender's status, in the order it moves (README "Publishing and corrections"). Absent in the
# file means a draft, so tender files written before statuses existed load unchanged.
DRAFT = "kladde"
PUBLISHED = "offentliggjort"
OPENED = "tilbud åbnet"
AWARDED = "tildelt"
STATUSES = (DRAFT, PUBLISHED, OPENED, AWARDED)

# The frozen parts of a published tender, each sealed with its own fingerprint so a change can
# be named: the requirements as the forms print them (ids, kinds, weights, texts), the
# integrations, the evaluation model, the price lines and the deadline.
FROZEN_PARTS = ("requirements", "integrations", "evaluation", "price_lines", "deadline")


@dataclass(frozen=True)
class Amendment:
    """One correction after publication (rettelsesblad): why, what changed, and the fingerprint
    of the response form of the version it made (to tell a bid on an earlier version)."""

    version: int
    at: str  # "2027-01-05T09:30"
    why: str
    form_fingerprint: str
    requirements_added: tuple[str, ...] = ()
    requirements_removed: tuple[str, ...] = ()
    requirements_changed: tuple[str, ...] = ()  # text, kind or weight
    parts_changed: tuple[str, ...] = ()  # of FROZEN_PARTS other than "requirements"
    previous_deadline: str | None = None  # set when the deadline changed

    @property
    def requirement_ids(self) -> tuple[str, ...]:
        """Every requirement the correction touched: added, removed or changed."""
        return self.requirements_added + self.requirements_removed + self.requirements_changed


@dataclass(frozen=True)
class Publication:
    """When the tender was published and what: version 1's form fingerprint, and the seal
    (part → fingerprint) of the current version's frozen parts."""

    published_at: str
    form_fingerprint: str
    sealed: tuple[tuple[str, str], ...]
    opened_at: str | None = None
    awarded_at: str | None = None


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
    price_lines: tuple[PriceLine, ...] = ()
    status: str = DRAFT
    version: int | None = None  # 1 at publication, raised by each correction
    publication: Publication | None = None
    amendments: tuple[Amendment, ...] = ()
