"""The annex's words for an evaluation model with named criteria (udbudsloven §§ 160, 162, 165).

The annex publishes the whole model: the award criterion, the criteria and sub-criteria with
their weights, the scale and its anchors, how points are averaged and rounded, how price counts
(the price model's formula and parameters, or Kommissionsmodellen, or price adjustment), the
tie-breaks and who is not evaluated. The model of tender files without criteria keeps its own
wording (procure.documents.context._evaluation).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from procure.tender.model import (
    ABSOLUTE_LINEAR,
    EVALUATION_PRICE,
    HIGHEST_CRITERION_PREFIX,
    HIGHEST_QUALITY,
    LOWEST_PRICE,
    PRICE_ADJUSTMENT,
    PROPORTIONAL,
    RELATIVE_LINEAR,
    Criterion,
    EvaluationModel,
)
from procure.tender.spec import TenderSpec, format_decimal

_AWARD_CRITERIA = {
    "bedste forhold mellem pris og kvalitet": "award_criterion_best",
    "pris": "award_criterion_price",
    "omkostninger": "award_criterion_costs",
}
_COMPARES = (EVALUATION_PRICE, PRICE_ADJUSTMENT)


def model_paragraphs(spec: TenderSpec, text: dict, rounding_words) -> list[str]:
    """The model in words, one paragraph a list item. `rounding_words(decimals)` names a
    number of decimals ("2 decimaler")."""
    model = spec.evaluation
    lang = spec.language
    paragraphs = [
        text["model_intro"],
        text["model_award_criterion"].format(
            criterion=text[_AWARD_CRITERIA.get(model.award_criterion, "award_criterion_best")]
        ),
        text["model_criteria"].format(
            criteria=", ".join(_criterion_words(c, text) for c in model.criteria)
        ),
    ]
    if model.quality_criteria:
        paragraphs.append(
            text["model_scale"].format(max=model.scale_max, decimals=rounding_words(model.decimals))
        )
        if model.anchors:
            anchors = "; ".join(
                f"{format_decimal(points, lang)} = {wording}" for points, wording in model.anchors
            )
            paragraphs.append(text["model_anchors"].format(anchors=anchors))
        paragraphs.append(text["model_points"])
    has_subs = any(c.sub for c in model.criteria)
    paragraphs.append(
        text["model_rounding" if has_subs else "model_rounding_no_sub"].format(
            sub=rounding_words(model.sub_decimals),
            criterion=rounding_words(model.criterion_decimals),
            total=rounding_words(model.total_decimals),
        )
    )
    paragraphs.extend(_price_paragraphs(model, spec, text))
    if model.tie_break:
        rules = [_tie_break_words(rule, text) for rule in model.tie_break]
        paragraphs.append(text["model_tie_break"].format(rules=_join(rules, text)))
    if model.price_blind:
        paragraphs.append(text["model_price_blind"])
    paragraphs.append(text["model_exclusions"])
    if model.quality_criteria:
        whole = "model_whole_quality" if _compares(model) else "model_whole_total"
        paragraphs.append(text["model_weights_note"].format(whole=text[whole]))
    return paragraphs


def model_weight_rows(spec: TenderSpec) -> list[tuple[object, int | None, Decimal | None, str]]:
    """Per PK in the annex's order: (the requirement, its weight within its criterion or sub,
    its share in per cent of the whole evaluation — of quality alone when price is set against
    quality —, the criterion's name, with the sub's after a dash)."""
    model = spec.evaluation
    counted = model.quality_criteria if _compares(model) else model.criteria
    whole = Decimal(sum(c.weight for c in counted)) or Decimal(1)
    placed: dict[str, tuple[int, Decimal, str]] = {}
    for criterion in model.quality_criteria:
        share = Decimal(criterion.weight) / whole
        groups = (
            [
                (s.requirements, share * s.weight / (sum(x.weight for x in criterion.sub) or 1), s)
                for s in criterion.sub
            ]
            if criterion.sub
            else [(criterion.requirements, share, None)]
        )
        for pairs, group_share, sub in groups:
            group_weight = sum(w for _, w in pairs) or 1
            name = criterion.name if sub is None else f"{criterion.name} – {sub.name}"
            for rid, weight in pairs:
                placed.setdefault(rid, (weight, group_share * weight / group_weight * 100, name))
    rows = []
    for r in spec.requirements:
        if r.kind != "PK":
            continue
        weight, share, name = placed.get(r.id, (r.weight, None, ""))
        rows.append((r, weight, share, name))
    return rows


def quality_share(model: EvaluationModel) -> Decimal:
    """The quality criteria's share of what is weighted, in per cent."""
    counted = model.quality_criteria if _compares(model) else model.criteria
    whole = sum(c.weight for c in counted)
    quality = sum(c.weight for c in model.quality_criteria)
    return Decimal(quality) * 100 / whole if whole else Decimal(0)


def one_decimal(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.1"), ROUND_HALF_UP)


def _compares(model: EvaluationModel) -> bool:
    price = model.price_criterion
    return price is not None and price.price_model.kind in _COMPARES


def _criterion_words(criterion: Criterion, text: dict) -> str:
    if criterion.sub:
        subs = ", ".join(
            text["model_criterion"].format(name=s.name, weight=s.weight) for s in criterion.sub
        )
        return text["model_criterion_subs"].format(
            name=criterion.name, weight=criterion.weight, subs=subs
        )
    return text["model_criterion"].format(name=criterion.name, weight=criterion.weight)


def _price_paragraphs(model: EvaluationModel, spec: TenderSpec, text: dict) -> list[str]:
    lang = spec.language
    price = model.price_criterion
    if price is None:
        return [text["model_no_price"], text["model_total"]]
    weighted = any(line.weight is not None for line in spec.tender.price_lines)
    out = [text["model_price_lines_weighted" if weighted else "model_price_lines"]]
    parameters = price.price_model
    kind = parameters.kind
    if kind == RELATIVE_LINEAR:
        out.append(
            text["model_price_relative_linear"].format(
                name=price.name,
                max=model.scale_max,
                x=format_decimal(parameters.x_percent, lang),
            )
        )
    elif kind == PROPORTIONAL:
        out.append(text["model_price_proportional"].format(name=price.name, max=model.scale_max))
    elif kind == ABSOLUTE_LINEAR:
        zero = amount(parameters.zero_points_at, lang)
        out.append(
            text["model_price_absolute_linear"].format(
                name=price.name,
                max=model.scale_max,
                full=amount(parameters.full_points_at, lang),
                zero=zero,
            )
        )
        if parameters.widen_by is not None:
            out.append(
                text["model_price_widen"].format(zero=zero, widen=amount(parameters.widen_by, lang))
            )
        if parameters.cap is not None:
            out.append(text["model_price_cap"].format(cap=amount(parameters.cap, lang)))
    elif kind == EVALUATION_PRICE and model.kommissionsmodel is not None:
        thresholds = model.kommissionsmodel
        out.append(
            text["model_price_kommission"].format(
                total=format_decimal(thresholds.total_min_percent, lang),
                criterion=format_decimal(thresholds.criterion_min_percent, lang),
            )
        )
        return out
    elif kind == PRICE_ADJUSTMENT:
        out.append(
            text["model_price_adjustment"].format(amount=amount(parameters.amount_per_point, lang))
        )
        return out
    if model.award_criterion in ("pris", "omkostninger"):
        out.append(text["model_price_only"])
    else:
        out.append(text["model_total"])
    return out


def _tie_break_words(rule: str, text: dict) -> str:
    if rule == LOWEST_PRICE:
        return text["tie_lowest_price"]
    if rule == HIGHEST_QUALITY:
        return text["tie_highest_quality"]
    return text["tie_highest_criterion"].format(name=rule.removeprefix(HIGHEST_CRITERION_PREFIX))


def amount(value: Decimal, lang: str) -> str:
    """An amount of kroner as a reader writes it: 1.250.000 (da), 1,250,000 (en)."""
    whole, _, fraction = format(value, "f").partition(".")
    grouped = f"{int(whole):,}".replace(",", "." if lang == "da" else ",")
    if not fraction:
        return grouped
    return grouped + ("," if lang == "da" else ".") + fraction


def _join(items: list[str], text: dict) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {text['list_and']} {items[-1]}"
