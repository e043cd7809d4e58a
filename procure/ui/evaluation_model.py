"""The Evaluering step's changes to the published evaluation model: model in, model out.

Pure functions over procure.tender.model's frozen values (no Streamlit), so each change the
officer can make is testable on its own. A prioritised requirement (PK) belongs to one quality
"group": a criterion without sub-criteria, or one sub-criterion; its weight there is always its
weight in the requirement list (the Krav step), as the published material must have one weight.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from decimal import Decimal

from procure.award.model import COMPARISON_KINDS, default_evaluation
from procure.tender.model import (
    ABSOLUTE_LINEAR,
    EVALUATION_PRICE,
    HIGHEST_CRITERION_PREFIX,
    PRICE_ADJUSTMENT,
    RELATIVE_LINEAR,
    Criterion,
    EvaluationModel,
    Kommissionsmodel,
    PriceLine,
    PriceModel,
    SubCriterion,
)

# Where a PK belongs: (criterion index, sub-criterion index or None).
Group = tuple[int, int | None]
PRICE_PARAMETERS = (
    "x_percent",
    "full_points_at",
    "zero_points_at",
    "widen_by",
    "cap",
    "amount_per_point",
)


# -- Reading ---------------------------------------------------------------------------------------


def groups(model: EvaluationModel) -> list[Group]:
    """Every place a PK can belong to, in published order."""
    found: list[Group] = []
    for index, criterion in enumerate(model.criteria):
        if criterion.is_price:
            continue
        if criterion.sub:
            found += [(index, sub) for sub in range(len(criterion.sub))]
        else:
            found.append((index, None))
    return found


def group_name(model: EvaluationModel, group: Group) -> str:
    """ "Kvalitet" or "Kvalitet › Funktionalitet"."""
    criterion = model.criteria[group[0]]
    if group[1] is None:
        return criterion.name
    return f"{criterion.name} › {criterion.sub[group[1]].name}"


def group_requirements(model: EvaluationModel, group: Group) -> tuple[tuple[str, int], ...]:
    criterion = model.criteria[group[0]]
    return criterion.requirements if group[1] is None else criterion.sub[group[1]].requirements


def placement(model: EvaluationModel) -> dict[str, Group]:
    """Each placed requirement's group (the first, when a file placed one twice)."""
    placed: dict[str, Group] = {}
    for group in groups(model):
        for rid, _ in group_requirements(model, group):
            placed.setdefault(rid, group)
    return placed


def out_of_step(model: EvaluationModel, pk_weights: Sequence[tuple[str, int | None]]) -> bool:
    """Whether the model's requirements differ from the requirement list's PKs: a PK not placed,
    a placed requirement that is no PK of the tender, or a weight that differs."""
    listed = {rid: weight for rid, weight in pk_weights if weight}
    placed = {
        rid: weight for group in groups(model) for rid, weight in group_requirements(model, group)
    }
    return placed != listed


# -- Requirements --------------------------------------------------------------------------------


def move_requirement(
    model: EvaluationModel, requirement_id: str, weight: int, target: Group | None
) -> EvaluationModel:
    """`requirement_id` taken out of every group and put into `target` (None: nowhere)."""
    criteria = [_without(c, requirement_id) for c in model.criteria]
    if target is not None:
        index, sub = target
        criterion = criteria[index]
        if sub is None:
            criterion = dataclasses.replace(
                criterion, requirements=criterion.requirements + ((requirement_id, weight),)
            )
        else:
            subs = list(criterion.sub)
            subs[sub] = dataclasses.replace(
                subs[sub], requirements=subs[sub].requirements + ((requirement_id, weight),)
            )
            criterion = dataclasses.replace(criterion, sub=tuple(subs))
        criteria[index] = criterion
    return dataclasses.replace(model, criteria=tuple(criteria))


def follow_requirements(
    model: EvaluationModel, pk_weights: Sequence[tuple[str, int | None]]
) -> EvaluationModel:
    """The model with the requirement list's PKs: weights as listed, requirements that are no
    longer PKs of the tender taken out, PKs not yet placed put into the first quality group."""
    listed = {rid: weight for rid, weight in pk_weights if weight}
    criteria = []
    for criterion in model.criteria:
        subs = tuple(
            dataclasses.replace(s, requirements=_listed(s.requirements, listed))
            for s in criterion.sub
        )
        criteria.append(
            dataclasses.replace(
                criterion, sub=subs, requirements=_listed(criterion.requirements, listed)
            )
        )
    model = dataclasses.replace(model, criteria=tuple(criteria))
    placed = placement(model)
    first = next(iter(groups(model)), None)
    if first is None:
        return model
    for rid, weight in pk_weights:
        if weight and rid not in placed:
            model = move_requirement(model, rid, weight, first)
    return model


# -- Criteria and sub-criteria -------------------------------------------------------------------


def set_criterion(
    model: EvaluationModel, index: int, *, name: str | None = None, weight: int | None = None
) -> EvaluationModel:
    criterion = model.criteria[index]
    tie_break = model.tie_break
    if name is not None and name.strip() and name.strip() != criterion.name:
        old, new = criterion.name, name.strip()
        tie_break = tuple(
            HIGHEST_CRITERION_PREFIX + new if rule == HIGHEST_CRITERION_PREFIX + old else rule
            for rule in tie_break
        )
        criterion = dataclasses.replace(criterion, name=new)
    if weight is not None:
        criterion = dataclasses.replace(criterion, weight=int(weight))
    return dataclasses.replace(
        model, criteria=_replaced(model.criteria, index, criterion), tie_break=tie_break
    )


def add_quality_criterion(model: EvaluationModel, name: str) -> EvaluationModel:
    """A new quality criterion (weight 0, no requirements yet), before the price criterion."""
    name = _free_name(name, (c.name for c in model.criteria))
    criteria = list(model.criteria)
    price_at = next((i for i, c in enumerate(criteria) if c.is_price), len(criteria))
    criteria.insert(price_at, Criterion(name, 0))
    return dataclasses.replace(model, criteria=tuple(criteria))


def remove_criterion(model: EvaluationModel, index: int) -> EvaluationModel:
    """Without criterion `index`: its requirements move to the first other quality group (if
    there is one), and a tie-break naming it goes."""
    removed = model.criteria[index]
    moved = [pair for group in _groups_of(removed) for pair in group]
    rest = tuple(c for i, c in enumerate(model.criteria) if i != index)
    rule = HIGHEST_CRITERION_PREFIX + removed.name
    model = dataclasses.replace(
        model, criteria=rest, tie_break=tuple(r for r in model.tie_break if r != rule)
    )
    if removed.is_price:
        model = dataclasses.replace(model, kommissionsmodel=None)
    target = next(iter(groups(model)), None)
    if target is not None:
        for rid, weight in moved:
            model = move_requirement(model, rid, weight, target)
    return model


def add_sub(model: EvaluationModel, index: int, name: str) -> EvaluationModel:
    """A new sub-criterion of criterion `index`. The first one takes over the criterion's
    requirements and its whole weight (100); a later one starts empty with weight 0."""
    criterion = model.criteria[index]
    name = _free_name(name, (s.name for s in criterion.sub))
    if not criterion.sub:
        sub = SubCriterion(name, 100, criterion.requirements)
        criterion = dataclasses.replace(criterion, sub=(sub,), requirements=())
    else:
        criterion = dataclasses.replace(criterion, sub=criterion.sub + (SubCriterion(name, 0),))
    return dataclasses.replace(model, criteria=_replaced(model.criteria, index, criterion))


def set_sub(
    model: EvaluationModel,
    index: int,
    sub: int,
    *,
    name: str | None = None,
    weight: int | None = None,
) -> EvaluationModel:
    criterion = model.criteria[index]
    changed = criterion.sub[sub]
    if name is not None and name.strip():
        changed = dataclasses.replace(changed, name=name.strip())
    if weight is not None:
        changed = dataclasses.replace(changed, weight=int(weight))
    criterion = dataclasses.replace(criterion, sub=_replaced(criterion.sub, sub, changed))
    return dataclasses.replace(model, criteria=_replaced(model.criteria, index, criterion))


def remove_sub(model: EvaluationModel, index: int, sub: int) -> EvaluationModel:
    """Without the sub-criterion: its requirements go to the first remaining one, or back to
    the criterion itself when it was the last."""
    criterion = model.criteria[index]
    moved = criterion.sub[sub].requirements
    rest = tuple(s for i, s in enumerate(criterion.sub) if i != sub)
    if not rest:
        criterion = dataclasses.replace(
            criterion, sub=(), requirements=criterion.requirements + moved
        )
    else:
        first = dataclasses.replace(rest[0], requirements=rest[0].requirements + moved)
        criterion = dataclasses.replace(criterion, sub=(first,) + rest[1:])
    return dataclasses.replace(model, criteria=_replaced(model.criteria, index, criterion))


# -- The price criterion -------------------------------------------------------------------------


def add_price_criterion(model: EvaluationModel, name: str) -> EvaluationModel:
    """A price criterion (relative-linear, zero points at 100 % above the lowest price)."""
    name = _free_name(name, (c.name for c in model.criteria))
    price = Criterion(name, 0, price_model=PriceModel(RELATIVE_LINEAR, x_percent=Decimal(100)))
    return dataclasses.replace(model, criteria=model.criteria + (price,))


def set_price_kind(model: EvaluationModel, index: int, kind: str) -> EvaluationModel:
    """Another price model for criterion `index`. Parameters that fit the new kind are kept; a
    comparing kind (evaluation-price, price-adjustment) sets price against quality, so the price
    criterion's weight becomes 0; evaluation-price needs Kommissionsmodellen (70 % / 50 % until
    changed), and the other kinds do without it."""
    criterion = model.criteria[index]
    old = criterion.price_model
    keep = {
        RELATIVE_LINEAR: ("x_percent",),
        ABSOLUTE_LINEAR: ("full_points_at", "zero_points_at", "widen_by", "cap"),
        PRICE_ADJUSTMENT: ("amount_per_point",),
    }.get(kind, ())
    values = {name: getattr(old, name) for name in keep if old is not None}
    if kind == RELATIVE_LINEAR and values.get("x_percent") is None:
        values["x_percent"] = Decimal(100)
    changed = dataclasses.replace(criterion, price_model=PriceModel(kind, **values))
    if kind in COMPARISON_KINDS:
        changed = dataclasses.replace(changed, weight=0)
    # Kommissionsmodellen belongs to the evaluation price alone (70 % / 50 % until changed).
    kommission = None
    if kind == EVALUATION_PRICE:
        kommission = model.kommissionsmodel or Kommissionsmodel()
    return dataclasses.replace(
        model,
        criteria=_replaced(model.criteria, index, changed),
        kommissionsmodel=kommission,
    )


def set_price_parameter(
    model: EvaluationModel, index: int, name: str, value: Decimal | None
) -> EvaluationModel:
    if name not in PRICE_PARAMETERS:
        raise ValueError(name)
    criterion = model.criteria[index]
    price = dataclasses.replace(criterion.price_model, **{name: value})
    changed = dataclasses.replace(criterion, price_model=price)
    return dataclasses.replace(model, criteria=_replaced(model.criteria, index, changed))


# -- Scale, anchors, the rest --------------------------------------------------------------------


def set_anchor(
    model: EvaluationModel, index: int, points: Decimal | None = None, text: str | None = None
) -> EvaluationModel:
    """Anchor `index` (in the model's order, highest points first) changed; the anchors are
    kept highest first. ValueError when `points` is already another anchor's."""
    anchors = list(model.anchors)
    old_points, old_text = anchors[index]
    if points is not None and points != old_points and any(p == points for p, _ in anchors):
        raise ValueError(points)
    anchors[index] = (old_points if points is None else points, old_text if text is None else text)
    return dataclasses.replace(model, anchors=_sorted_anchors(anchors))


def add_anchor(model: EvaluationModel, points: Decimal, text: str) -> EvaluationModel:
    """ValueError when an anchor already has these points."""
    if any(p == points for p, _ in model.anchors):
        raise ValueError(points)
    return dataclasses.replace(
        model, anchors=_sorted_anchors([*model.anchors, (points, text.strip())])
    )


def remove_anchor(model: EvaluationModel, index: int) -> EvaluationModel:
    return dataclasses.replace(
        model, anchors=tuple(a for i, a in enumerate(model.anchors) if i != index)
    )


def set_kommissionsmodel(
    model: EvaluationModel,
    on: bool | None = None,
    *,
    total: Decimal | None = None,
    criterion: Decimal | None = None,
) -> EvaluationModel:
    current = model.kommissionsmodel
    if on is False:
        return dataclasses.replace(model, kommissionsmodel=None)
    current = current or Kommissionsmodel()
    if total is not None:
        current = dataclasses.replace(current, total_min_percent=total)
    if criterion is not None:
        current = dataclasses.replace(current, criterion_min_percent=criterion)
    return dataclasses.replace(model, kommissionsmodel=current)


def tie_break_options(model: EvaluationModel) -> list[str]:
    """The tie-breaks the model can publish: lowest price, highest quality, each criterion's
    points; any rule the model already has stays an option."""
    options = ["lowest-price", "highest-quality"] + [
        HIGHEST_CRITERION_PREFIX + c.name for c in model.criteria
    ]
    return options + [rule for rule in model.tie_break if rule not in options]


def from_old_model(
    model: EvaluationModel, pk_weights: Iterable[tuple[str, int | None]], language: str
) -> tuple[EvaluationModel, tuple[PriceLine, ...]]:
    """The full model in place of the older one (no criteria): procure's default, on the older
    model's scale and decimals."""
    default, lines = default_evaluation(pk_weights, language)
    return (
        dataclasses.replace(
            default,
            scale_max=model.scale_max,
            decimals=model.decimals,
            rounding_criterion=model.decimals,
            rounding_total=model.decimals,
        ),
        lines,
    )


# -- Price lines ---------------------------------------------------------------------------------


def add_price_line(lines: Sequence[PriceLine], text: str) -> tuple[PriceLine, ...]:
    """One more line, numbered after the others (P1, P2, …)."""
    taken = {line.id for line in lines}
    number = len(lines) + 1
    while f"P{number}" in taken:
        number += 1
    return (*lines, PriceLine(f"P{number}", text, Decimal(1)))


def set_price_line(lines: Sequence[PriceLine], index: int, **changes) -> tuple[PriceLine, ...]:
    return _replaced(tuple(lines), index, dataclasses.replace(lines[index], **changes))


def remove_price_line(lines: Sequence[PriceLine], index: int) -> tuple[PriceLine, ...]:
    return tuple(line for i, line in enumerate(lines) if i != index)


# -- Helpers -------------------------------------------------------------------------------------


def _without(criterion: Criterion, requirement_id: str) -> Criterion:
    return dataclasses.replace(
        criterion,
        requirements=tuple(p for p in criterion.requirements if p[0] != requirement_id),
        sub=tuple(
            dataclasses.replace(
                s, requirements=tuple(p for p in s.requirements if p[0] != requirement_id)
            )
            for s in criterion.sub
        ),
    )


def _groups_of(criterion: Criterion) -> list[tuple[tuple[str, int], ...]]:
    return [s.requirements for s in criterion.sub] if criterion.sub else [criterion.requirements]


def _listed(pairs, listed: dict[str, int]) -> tuple[tuple[str, int], ...]:
    return tuple((rid, listed[rid]) for rid, _ in pairs if rid in listed)


def _replaced(items: tuple, index: int, item) -> tuple:
    return items[:index] + (item,) + items[index + 1 :]


def _sorted_anchors(anchors) -> tuple[tuple[Decimal, str], ...]:
    return tuple(sorted(anchors, key=lambda anchor: anchor[0], reverse=True))


def _free_name(name: str, taken: Iterable[str]) -> str:
    """`name`, or `name 2`, `name 3` … when it is taken."""
    taken = set(taken)
    candidate, number = name, 2
    while candidate in taken:
        candidate, number = f"{name} {number}", number + 1
    return candidate
