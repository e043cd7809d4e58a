"""The published evaluation model, resolved for the award: every criterion explicit, checked.

`award_model` turns a tender's evaluation block (procure.tender.model.EvaluationModel) and its
requirements into an AwardModel, the one value the award calculation takes. A tender file
written before criteria existed (`scale_max`, `partial_credit`, `decimals` only) keeps its
meaning: one quality criterion holding every PK at its weight, no price criterion (the price
does not compete, udbudsloven § 162 stk. 4), each PK scored on the scale and the total rounded
half up to `decimals`; `old_model_points` gives a PK's points as that model defined them from
the vendor's answer.

`evaluation_problems` lists what `tender validate` must report (weights that do not sum to
100, a PK in no or two criteria, an MK/K/O in one, price-model parameters that do not fit);
`default_evaluation` is the model `tender init` writes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from procure.forms import Answer
from procure.i18n import Message, t
from procure.tender.model import (
    ABSOLUTE_LINEAR,
    BEST_PRICE_QUALITY,
    EVALUATION_PRICE,
    HIGHEST_CRITERION_PREFIX,
    HIGHEST_QUALITY,
    LOWEST_PRICE,
    PRICE_ADJUSTMENT,
    PROPORTIONAL,
    RELATIVE_LINEAR,
    Criterion,
    EvaluationModel,
    Kommissionsmodel,
    PriceLine,
    PriceModel,
    SubCriterion,
    Tender,
)

# Price kinds that turn a price into points on the scale (the price criterion has a weight).
POINTS_KINDS = (RELATIVE_LINEAR, PROPORTIONAL, ABSOLUTE_LINEAR)
# Price kinds that set price against quality instead (the price criterion has weight 0).
COMPARISON_KINDS = (EVALUATION_PRICE, PRICE_ADJUSTMENT)
PRICE_ONLY_CRITERIA = ("pris", "omkostninger")

# The parameters each price model kind takes: required, then optional.
_PARAMETERS = {
    RELATIVE_LINEAR: (("x_percent",), ()),
    PROPORTIONAL: ((), ()),
    ABSOLUTE_LINEAR: (("full_points_at", "zero_points_at"), ("widen_by", "cap")),
    EVALUATION_PRICE: ((), ()),
    PRICE_ADJUSTMENT: (("amount_per_point",), ()),
}
_ALL_PARAMETERS = (
    "x_percent",
    "full_points_at",
    "zero_points_at",
    "widen_by",
    "cap",
    "amount_per_point",
)

# The names `tender init` gives its default criteria and price line, in the tender's language.
_DEFAULT_NAMES = {
    "da": ("Kvalitet", "Pris", "Samlet pris for kontraktperioden"),
    "en": ("Quality", "Price", "Total price for the contract period"),
}


@dataclass(frozen=True)
class Scale:
    max: int
    decimals: int
    anchors: tuple[tuple[Decimal, str], ...] = ()  # (points, wording), highest first


@dataclass(frozen=True)
class Rounding:
    """Decimals of each published stage; every stage is rounded half up."""

    sub: int
    criterion: int  # criteria's points, price points included
    total: int  # total and quality points
    amount: int  # prices, price per quality point, adjusted price


@dataclass(frozen=True)
class AwardModel:
    """The model the award applies: criteria in published order, none implicit."""

    award_criterion: str
    scale: Scale
    rounding: Rounding
    criteria: tuple[Criterion, ...]
    tie_break: tuple[str, ...] = ()
    kommissionsmodel: Kommissionsmodel | None = None
    price_blind: bool = False
    price_lines: tuple[PriceLine, ...] = ()
    from_old_model: bool = False  # the tender file has the evaluation block of before criteria

    @property
    def quality_criteria(self) -> tuple[Criterion, ...]:
        return tuple(c for c in self.criteria if not c.is_price)

    @property
    def price_criterion(self) -> Criterion | None:
        return next((c for c in self.criteria if c.is_price), None)

    @property
    def price_model(self) -> PriceModel | None:
        criterion = self.price_criterion
        return None if criterion is None else criterion.price_model

    @property
    def evaluated_requirements(self) -> tuple[str, ...]:
        """Every requirement the committee scores, in published order."""
        return tuple(rid for c in self.quality_criteria for rid, _ in requirement_weights(c))

    def criterion(self, name: str) -> Criterion | None:
        return next((c for c in self.criteria if c.name == name), None)


@dataclass(frozen=True)
class ModelProblem:
    """One thing `tender validate` reports about the evaluation model, and where it is."""

    where: str  # e.g. "evaluation.criteria[0].sub[1]"
    message: Message

    def text(self, lang: str | None = None) -> str:
        return f"{self.where}: {self.message.text(lang)}"

    def __str__(self) -> str:
        return self.text()


def requirement_weights(criterion: Criterion | SubCriterion) -> tuple[tuple[str, int], ...]:
    """A quality criterion's requirements with their weights (through its subs if it has)."""
    if isinstance(criterion, Criterion) and criterion.sub:
        return tuple(pair for sub in criterion.sub for pair in sub.requirements)
    return criterion.requirements


# -- Resolving -------------------------------------------------------------------------------------


def award_model(tender: Tender, pk_weights: Mapping[str, int | None]) -> AwardModel:
    """The tender's published model as the award applies it.

    `pk_weights` are the tender's PKs with their effective weights (TenderSpec requirements of
    kind PK); they are used only for a model without criteria (the old one), whose single
    quality criterion holds every PK with a weight above 0.
    """
    model = tender.evaluation
    scale = Scale(model.scale_max, model.decimals, model.anchors)
    rounding = Rounding(
        sub=model.sub_decimals,
        criterion=model.criterion_decimals,
        total=model.total_decimals,
        amount=model.rounding_amount,
    )
    if model.has_criteria:
        return AwardModel(
            award_criterion=model.award_criterion,
            scale=scale,
            rounding=rounding,
            criteria=model.criteria,
            tie_break=model.tie_break,
            kommissionsmodel=model.kommissionsmodel,
            price_blind=model.price_blind,
            price_lines=tender.price_lines,
        )
    weighted = tuple((rid, weight) for rid, weight in pk_weights.items() if weight)
    name = _DEFAULT_NAMES.get(tender.language, _DEFAULT_NAMES["da"])[0]
    return AwardModel(
        award_criterion=BEST_PRICE_QUALITY,
        scale=scale,
        rounding=rounding,
        criteria=(Criterion(name, 100, requirements=weighted),) if weighted else (),
        price_lines=tender.price_lines,
        from_old_model=True,
    )


def award_model_for_spec(spec) -> AwardModel:
    """award_model for a resolved tender (procure.tender.spec.TenderSpec)."""
    return award_model(spec.tender, _pk_weights(spec.requirements))


def old_model_points(answer: Answer | None, model: EvaluationModel) -> Decimal:
    """A PK's points on the scale under the old model: the scale's maximum for Opfyldt, the
    published partial credit of it for Delvist opfyldt, 0 otherwise (not rounded)."""
    if answer is Answer.MET:
        return Decimal(model.scale_max)
    if answer is Answer.PARTLY:
        return Decimal(model.scale_max) * model.partial_credit
    return Decimal(0)


# -- The default of `tender init` ------------------------------------------------------------------


def default_evaluation(
    pk_weights: Iterable[tuple[str, int | None]], language: str = "da"
) -> tuple[EvaluationModel, tuple[PriceLine, ...]]:
    """The model `tender init` writes and the wizard asks the officer to confirm: best
    price-quality ratio, Kvalitet 60 (every PK with a weight, at its weight) and Pris 40
    (relative-linear, zero points at 100 % above the lowest price), scale 0–10 with two
    decimals, rounding to two decimals, lowest price breaks a tie, and one price line."""
    quality, price, line = _DEFAULT_NAMES.get(language, _DEFAULT_NAMES["da"])
    requirements = tuple((rid, weight) for rid, weight in pk_weights if weight)
    model = EvaluationModel(
        scale_max=10,
        decimals=2,
        award_criterion=BEST_PRICE_QUALITY,
        rounding_criterion=2,
        rounding_total=2,
        criteria=(
            Criterion(quality, 60, requirements=requirements),
            Criterion(price, 40, price_model=PriceModel(RELATIVE_LINEAR, x_percent=Decimal(100))),
        ),
        tie_break=(LOWEST_PRICE,),
    )
    return model, (PriceLine("P1", line, Decimal(1)),)


def default_evaluation_for_spec(spec) -> tuple[EvaluationModel, tuple[PriceLine, ...]]:
    return default_evaluation(_pk_weights(spec.requirements).items(), spec.language)


def _pk_weights(requirements) -> dict[str, int | None]:
    return {r.id: r.weight for r in requirements if r.kind == "PK"}


# -- Cross-checks for `tender validate` ------------------------------------------------------------


def evaluation_problems(
    tender: Tender, requirements: Sequence[tuple[str, str, int | None]]
) -> tuple[ModelProblem, ...]:
    """Every problem with the tender's published evaluation model, in file order.

    `requirements` are the tender's requirements as (id, effective kind, effective weight),
    e.g. from a TenderSpec. A model without criteria (the old one) has none of these problems.
    """
    model = tender.evaluation
    if not model.has_criteria:
        return ()
    found: list[ModelProblem] = []
    kinds = {rid: kind for rid, kind, _ in requirements}
    weights = {rid: weight for rid, _, weight in requirements}
    found += _criteria_weight_problems(model)
    found += _criterion_shape_problems(model)
    found += _requirement_problems(model, kinds, weights)
    found += _price_model_problems(model, tender.price_lines)
    found += _tie_break_problems(model)
    found += _scale_problems(model)
    found += _price_line_problems(tender.price_lines)
    return tuple(found)


def evaluation_problems_for_spec(spec) -> tuple[ModelProblem, ...]:
    return evaluation_problems(spec.tender, [(r.id, r.kind, r.weight) for r in spec.requirements])


def _where(index: int, sub: int | None = None) -> str:
    place = f"evaluation.criteria[{index}]"
    return place if sub is None else f"{place}.sub[{sub}]"


def _criteria_weight_problems(model: EvaluationModel) -> list[ModelProblem]:
    found = []
    price = model.price_criterion
    compares = price is not None and price.price_model.kind in COMPARISON_KINDS
    if model.award_criterion in PRICE_ONLY_CRITERIA:
        if len(model.criteria) != 1 or price is None or price.weight != 100:
            found.append(
                ModelProblem(
                    "evaluation.criteria",
                    t(
                        "med tildelingskriteriet '{criterion}' er der ét kriterium: prisen, med "
                        "en prismodel og vægt 100",
                        criterion=model.award_criterion,
                    ),
                )
            )
        return found
    counted = model.quality_criteria if compares else model.criteria
    total = sum(c.weight for c in counted)
    if total != 100:
        message = (
            t(
                "kvalitetskriteriernes vægte summer til {total}, men skal summe til 100 (med "
                "prismodellen '{kind}' sættes pris op mod kvalitet og har ingen vægt)",
                total=total,
                kind=price.price_model.kind,
            )
            if compares
            else t("kriteriernes vægte summer til {total}, men skal summe til 100", total=total)
        )
        found.append(ModelProblem("evaluation.criteria", message))
    for index, criterion in enumerate(model.criteria):
        if criterion.is_price and compares and criterion.weight != 0:
            found.append(
                ModelProblem(
                    _where(index),
                    t(
                        "priskriteriet '{name}' har vægt {weight}; med prismodellen '{kind}' "
                        "skal det have vægt 0",
                        name=criterion.name,
                        weight=criterion.weight,
                        kind=criterion.price_model.kind,
                    ),
                )
            )
        elif criterion.weight == 0 and not (criterion.is_price and compares):
            found.append(
                ModelProblem(
                    _where(index),
                    t(
                        "kriteriet '{name}' har vægt 0 og tæller ikke; giv det en vægt eller "
                        "fjern det",
                        name=criterion.name,
                    ),
                )
            )
        if criterion.sub:
            sub_total = sum(s.weight for s in criterion.sub)
            if sub_total != 100:
                found.append(
                    ModelProblem(
                        _where(index),
                        t(
                            "underkriterierne til '{name}' har vægte, der summer til {total}, "
                            "men skal summe til 100",
                            name=criterion.name,
                            total=sub_total,
                        ),
                    )
                )
            for sub_index, sub in enumerate(criterion.sub):
                if sub.weight == 0:
                    found.append(
                        ModelProblem(
                            _where(index, sub_index),
                            t(
                                "underkriteriet '{name}' har vægt 0 og tæller ikke",
                                name=sub.name,
                            ),
                        )
                    )
    return found


def _criterion_shape_problems(model: EvaluationModel) -> list[ModelProblem]:
    found = []
    names: set[str] = set()
    prices = 0
    for index, criterion in enumerate(model.criteria):
        parts = [
            part
            for part, present in (
                ("sub", bool(criterion.sub)),
                ("requirements", bool(criterion.requirements)),
                ("price_model", criterion.is_price),
            )
            if present
        ]
        if len(parts) != 1:
            found.append(
                ModelProblem(
                    _where(index),
                    t(
                        "kriteriet '{name}' skal have netop én af 'sub', 'requirements' og "
                        "'price_model' (det har {parts})",
                        name=criterion.name,
                        parts=", ".join(parts) or "-",
                    ),
                )
            )
        if criterion.name in names:
            found.append(
                ModelProblem(
                    _where(index), t("kriteriet '{name}' står to gange", name=criterion.name)
                )
            )
        names.add(criterion.name)
        prices += criterion.is_price
        sub_names: set[str] = set()
        for sub_index, sub in enumerate(criterion.sub):
            if sub.name in sub_names:
                found.append(
                    ModelProblem(
                        _where(index, sub_index),
                        t("underkriteriet '{name}' står to gange", name=sub.name),
                    )
                )
            sub_names.add(sub.name)
    if prices > 1:
        found.append(
            ModelProblem(
                "evaluation.criteria",
                t("modellen har {count} priskriterier; der må højst være ét", count=prices),
            )
        )
    return found


def _requirement_problems(
    model: EvaluationModel, kinds: Mapping[str, str], weights: Mapping[str, int | None]
) -> list[ModelProblem]:
    found = []
    placed: dict[str, str] = {}
    for index, criterion in enumerate(model.criteria):
        groups = (
            [(_where(index, i), s.name, s.requirements) for i, s in enumerate(criterion.sub)]
            if criterion.sub
            else [(_where(index), criterion.name, criterion.requirements)]
        )
        for where, name, pairs in groups:
            for rid, weight in pairs:
                kind = kinds.get(rid)
                if kind is None:
                    found.append(
                        ModelProblem(
                            where,
                            t(
                                "[{id}] i '{name}' er ikke et krav i udbuddet",
                                id=rid,
                                name=name,
                            ),
                        )
                    )
                elif kind != "PK":
                    found.append(
                        ModelProblem(
                            where,
                            t(
                                "[{id}] er {kind} og kan ikke give point i '{name}'; kun "
                                "prioriterede krav (PK) evalueres (et K, der ikke er opfyldt, "
                                "er et forbehold, som ordregiver prissætter)",
                                id=rid,
                                kind=kind,
                                name=name,
                            ),
                        )
                    )
                elif weights.get(rid) != weight:
                    found.append(
                        ModelProblem(
                            where,
                            t(
                                "[{id}] har vægt {weight} i '{name}', men vægt {listed} i "
                                "kravlisten; det offentliggjorte materiale skal have én vægt",
                                id=rid,
                                weight=weight,
                                name=name,
                                listed=weights.get(rid),
                            ),
                        )
                    )
                if rid in placed:
                    found.append(
                        ModelProblem(
                            where,
                            t(
                                "[{id}] står både i '{first}' og i '{second}'; et krav hører "
                                "til netop ét kriterium",
                                id=rid,
                                first=placed[rid],
                                second=name,
                            ),
                        )
                    )
                placed.setdefault(rid, name)
    for rid, kind in kinds.items():
        if kind == "PK" and weights.get(rid) and rid not in placed:
            found.append(
                ModelProblem(
                    "evaluation.criteria",
                    t(
                        "[{id}] er et prioriteret krav (PK), men hører ikke til noget "
                        "kvalitetskriterium; tilføj det under 'requirements'",
                        id=rid,
                    ),
                )
            )
    return found


def _price_model_problems(
    model: EvaluationModel, price_lines: Sequence[PriceLine]
) -> list[ModelProblem]:
    found = []
    for index, criterion in enumerate(model.criteria):
        price = criterion.price_model
        if price is None:
            continue
        where = _where(index) + ".price_model"
        required, optional = _PARAMETERS[price.kind]
        for name in _ALL_PARAMETERS:
            value = getattr(price, name)
            if name in required and value is None:
                found.append(
                    ModelProblem(
                        where,
                        t(
                            "prismodellen '{kind}' kræver '{parameter}'",
                            kind=price.kind,
                            parameter=name,
                        ),
                    )
                )
            elif value is not None and name not in required + optional:
                found.append(
                    ModelProblem(
                        where,
                        t(
                            "'{parameter}' hører ikke til prismodellen '{kind}'",
                            kind=price.kind,
                            parameter=name,
                        ),
                    )
                )
            elif value is not None and value <= 0 and name != "full_points_at":
                found.append(
                    ModelProblem(where, t("'{parameter}' skal være større end 0", parameter=name))
                )
        full, zero = price.full_points_at, price.zero_points_at
        if price.kind == ABSOLUTE_LINEAR and full is not None and zero is not None:
            if full >= zero:
                found.append(
                    ModelProblem(
                        where,
                        t(
                            "'full_points_at' ({full}) skal være lavere end 'zero_points_at' "
                            "({zero})",
                            full=full,
                            zero=zero,
                        ),
                    )
                )
            if price.cap is not None and price.cap <= full:
                found.append(
                    ModelProblem(
                        where,
                        t(
                            "'cap' ({cap}) skal være højere end 'full_points_at' ({full})",
                            cap=price.cap,
                            full=full,
                        ),
                    )
                )
        if price.kind == EVALUATION_PRICE and model.kommissionsmodel is None:
            found.append(
                ModelProblem(
                    where,
                    t(
                        "prismodellen 'evaluation-price' sætter prisen op mod kvaliteten med "
                        "Kommissionsmodellen; angiv 'evaluation.kommissionsmodel'"
                    ),
                )
            )
        if price.kind in COMPARISON_KINDS and not model.quality_criteria:
            found.append(
                ModelProblem(
                    where,
                    t(
                        "prismodellen '{kind}' sætter prisen op mod kvaliteten, men modellen "
                        "har intet kvalitetskriterium",
                        kind=price.kind,
                    ),
                )
            )
    price = model.price_criterion
    if model.kommissionsmodel is not None and (
        price is None or price.price_model.kind != EVALUATION_PRICE
    ):
        found.append(
            ModelProblem(
                "evaluation.kommissionsmodel",
                t(
                    "Kommissionsmodellen bruges med prismodellen 'evaluation-price'; "
                    "sæt priskriteriets 'kind' til den, eller sæt 'kommissionsmodel: null'"
                ),
            )
        )
    if price is not None and not price_lines:
        found.append(
            ModelProblem(
                "price_lines",
                t(
                    "modellen har et priskriterium, men udbuddet har ingen prislinjer; tilføj "
                    "mindst én under 'price_lines'"
                ),
            )
        )
    if (
        model.award_criterion in PRICE_ONLY_CRITERIA
        and price is not None
        and price.price_model.kind not in POINTS_KINDS
    ):
        found.append(
            ModelProblem(
                "evaluation.award_criterion",
                t(
                    "med tildelingskriteriet '{criterion}' vinder den laveste pris; "
                    "prismodellen '{kind}' kræver kvalitet",
                    criterion=model.award_criterion,
                    kind=price.price_model.kind,
                ),
            )
        )
    return found


def _tie_break_problems(model: EvaluationModel) -> list[ModelProblem]:
    found = []
    seen: set[str] = set()
    for index, rule in enumerate(model.tie_break):
        where = f"evaluation.tie_break[{index}]"
        if rule in seen:
            found.append(ModelProblem(where, t("'{rule}' står to gange", rule=rule)))
        seen.add(rule)
        if rule == LOWEST_PRICE and model.price_criterion is None:
            found.append(
                ModelProblem(
                    where,
                    t("'lowest-price' kræver et priskriterium, men modellen har intet"),
                )
            )
        elif rule == HIGHEST_QUALITY and not model.quality_criteria:
            found.append(
                ModelProblem(
                    where,
                    t("'highest-quality' kræver et kvalitetskriterium, men modellen har intet"),
                )
            )
        elif rule.startswith(HIGHEST_CRITERION_PREFIX):
            name = rule.removeprefix(HIGHEST_CRITERION_PREFIX)
            if all(c.name != name for c in model.criteria):
                found.append(
                    ModelProblem(
                        where,
                        t(
                            "'{rule}' nævner kriteriet '{name}', som modellen ikke har; "
                            "kriterier: {names}",
                            rule=rule,
                            name=name,
                            names=", ".join(c.name for c in model.criteria),
                        ),
                    )
                )
    return found


def _scale_problems(model: EvaluationModel) -> list[ModelProblem]:
    found = []
    for points, _ in model.anchors:
        if points > model.scale_max or -points.as_tuple().exponent > model.decimals:
            found.append(
                ModelProblem(
                    "evaluation.scale.anchors",
                    t(
                        "ankeret {points} ligger ikke på skalaen 0–{max} med {decimals} decimaler",
                        points=format(points, "f"),
                        max=model.scale_max,
                        decimals=model.decimals,
                    ),
                )
            )
    return found


def _price_line_problems(price_lines: Sequence[PriceLine]) -> list[ModelProblem]:
    found = []
    seen: set[str] = set()
    for index, line in enumerate(price_lines):
        where = f"price_lines[{index}]"
        if line.id in seen:
            found.append(ModelProblem(where, t("prislinjen {id} står to gange", id=line.id)))
        seen.add(line.id)
        if line.quantity <= 0:
            found.append(
                ModelProblem(where, t("prislinjen {id} skal have et antal over 0", id=line.id))
            )
        if line.weight is not None and line.weight <= 0:
            found.append(
                ModelProblem(where, t("prislinjen {id} skal have en vægt over 0", id=line.id))
            )
    return found
