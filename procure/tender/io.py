"""Read and write tender files (`tender.yaml`), validated against their schema on every load."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from functools import cache
from importlib import resources
from pathlib import Path

import yaml

from procure.errors import ProcureError
from procure.i18n import t
from procure.library.schemas import Schema, describe_error
from procure.tender.model import (
    BEST_PRICE_QUALITY,
    CUSTOM_PREFIX,
    DRAFT,
    FROZEN_PARTS,
    LOCAL_AREA,
    Amendment,
    Buyer,
    Criterion,
    CustomRequirement,
    EvaluationModel,
    Kommissionsmodel,
    PriceLine,
    PriceModel,
    Publication,
    SelectedRequirement,
    SubCriterion,
    Tender,
)
from procure.yamlio import line_of, load_yaml_text, read_text_file

MAX_TENDER_BYTES = 10 * 1024 * 1024


@cache
def _schema() -> Schema:
    text = resources.files("procure.tender").joinpath("schemas", "tender.schema.json")
    return Schema(json.loads(text.read_text("utf-8")))


def load_tender(path: Path | str) -> Tender:
    """Load and validate a tender file; ProcureError names the file, line and problem."""
    path = Path(path)
    text = read_text_file(path, MAX_TENDER_BYTES)
    return parse_tender(text, str(path))


def parse_tender(text: str, source: str) -> Tender:
    data = load_yaml_text(text, source)
    if not isinstance(data, dict):
        raise ProcureError.invalid(
            source, t("er ikke en udbudsfil (forventede felter som id, title)")
        )
    errors = sorted(_schema().errors(data), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        first = errors[0]
        message = describe_error(first)
        if len(errors) > 1:
            message = t("{error} (og {count} fejl mere)", error=message, count=len(errors) - 1)
        raise ProcureError.invalid(source, message, line_of(data, tuple(first.absolute_path)))
    _check_evaluation_shape(data, source)
    tender = tender_from_data(data)
    _check_unique(tender, source)
    _check_dates(tender, data, source)
    _check_status(tender, data, source)
    return tender


def _after(data: dict, key: str, new_key: str, value: object) -> dict:
    """`data` with `new_key` placed right after `key` (the file reads in that order)."""
    placed: dict = {}
    for name, item in data.items():
        placed[name] = item
        if name == key:
            placed[new_key] = value
    return placed


def _check_dates(tender: Tender, data: dict, source: str) -> None:
    """The schema checks the shape of the dates; these are real days and times."""
    for key, value in (("date", tender.date), ("deadline", tender.deadline)):
        if value is None:
            continue
        try:
            dt.datetime.fromisoformat(value)
        except ValueError:
            raise ProcureError.invalid(
                source,
                t("'{value}' i feltet '{key}' er ikke en gyldig dato", value=value, key=key),
                line_of(data, (key,)),
            ) from None


def tender_from_data(data: dict) -> Tender:
    return Tender(
        id=data["id"],
        title=data["title"],
        buyer=Buyer(data["buyer"]["name"], data["buyer"].get("cvr")),
        case_number=str(data.get("case_number", "")),
        date=data["date"],
        language=data["language"],
        library_version=data["library_version"],
        category=data["category"],
        kle=tuple(data.get("kle", ())),
        integrations=tuple(data.get("integrations", ())),
        requirements=tuple(
            SelectedRequirement(r["id"], r.get("kind"), r.get("weight"))
            for r in data["requirements"]
        ),
        custom_requirements=tuple(
            CustomRequirement(
                c["id"],
                c.get("area", LOCAL_AREA),
                c["title"],
                c["text"],
                c["kind"],
                c.get("weight"),
                c.get("guidance", ""),
            )
            for c in data.get("custom_requirements", ())
        ),
        evaluation=evaluation_from_data(data.get("evaluation") or {}),
        annex=data.get("annex", 3),
        deadline=data.get("deadline"),
        price_lines=price_lines_from_data(data.get("price_lines", ())),
        status=data.get("status", DRAFT),
        version=data.get("version"),
        publication=_publication(data.get("publication")),
        amendments=tuple(_amendment(a) for a in data.get("amendments", ())),
    )


def price_lines_from_data(lines) -> tuple[PriceLine, ...]:
    """The `price_lines` list of a tender file as PriceLines (the reverse of
    price_lines_to_data)."""
    return tuple(
        PriceLine(
            line["id"],
            line["text"],
            _amount(line.get("quantity", 1)),
            _amount(line["weight"]) if "weight" in line else None,
            line.get("unit", ""),
        )
        for line in lines
    )


def price_lines_to_data(lines) -> list[dict]:
    """PriceLines as the tender file's `price_lines` list."""
    return [_price_line(line) for line in lines]


def _publication(data: dict | None) -> Publication | None:
    if data is None:
        return None
    return Publication(
        published_at=data["published_at"],
        form_fingerprint=data["form_fingerprint"],
        sealed=tuple((part, data["sealed"][part]) for part in FROZEN_PARTS),
        opened_at=data.get("opened_at"),
        awarded_at=data.get("awarded_at"),
    )


def _amendment(data: dict) -> Amendment:
    return Amendment(
        version=data["version"],
        at=data["at"],
        why=data["why"],
        form_fingerprint=data["form_fingerprint"],
        requirements_added=tuple(data.get("requirements_added", ())),
        requirements_removed=tuple(data.get("requirements_removed", ())),
        requirements_changed=tuple(data.get("requirements_changed", ())),
        parts_changed=tuple(data.get("parts_changed", ())),
        previous_deadline=data.get("previous_deadline"),
    )


def _check_status(tender: Tender, data: dict, source: str) -> None:
    """A draft has no publication; a published tender has its version, its publication record
    and one correction per version after the first, in order."""
    if tender.status == DRAFT:
        for key in ("version", "publication", "amendments"):
            if key in data:
                raise ProcureError.invalid(
                    source,
                    t(
                        "'{key}' hører til et offentliggjort udbud, men status er kladde; "
                        "offentliggør med 'procure tender publish'",
                        key=key,
                    ),
                    line_of(data, (key,)),
                )
        return
    for key in ("version", "publication"):
        if key not in data:
            raise ProcureError.invalid(
                source,
                t(
                    "status '{status}' kræver feltet '{key}', som 'procure tender publish' "
                    "skriver; filen er ændret i hånden",
                    status=tender.status,
                    key=key,
                ),
                line_of(data, ("status",)),
            )
    versions = [a.version for a in tender.amendments]
    if versions != list(range(2, tender.version + 1)):
        raise ProcureError.invalid(
            source,
            t(
                "version {version} passer ikke med rettelserne (versioner {versions}); hver "
                "rettelse hæver versionen med én",
                version=tender.version,
                versions=", ".join(map(str, versions)) or "-",
            ),
            line_of(data, ("version",)),
        )


# Keys of the evaluation block before criteria existed, and keys only the new model has.
_OLD_KEYS = ("scale_max", "decimals")
_NEW_KEYS = ("award_criterion", "scale", "rounding", "tie_break", "kommissionsmodel", "price_blind")


def evaluation_from_data(evaluation: dict) -> EvaluationModel:
    """The evaluation block as an EvaluationModel: with `criteria` the published model of
    README "The evaluation model", without it the older one (see EvaluationModel)."""
    partial = _amount(evaluation.get("partial_credit", "0.5"))
    if "criteria" not in evaluation:
        return EvaluationModel(
            scale_max=evaluation.get("scale_max", 10),
            partial_credit=partial,
            decimals=evaluation.get("decimals", 2),
        )
    scale = evaluation.get("scale") or {}
    rounding = evaluation.get("rounding") or {}
    kommission = evaluation.get("kommissionsmodel")
    anchors = sorted(
        ((_amount(points), text) for points, text in (scale.get("anchors") or {}).items()),
        key=lambda anchor: anchor[0],
        reverse=True,
    )
    return EvaluationModel(
        scale_max=scale.get("max", 10),
        partial_credit=partial,
        decimals=scale.get("decimals", 2),
        award_criterion=evaluation.get("award_criterion", BEST_PRICE_QUALITY),
        anchors=tuple(anchors),
        rounding_sub=rounding.get("sub"),
        rounding_criterion=rounding.get("criterion"),
        rounding_total=rounding.get("total"),
        rounding_amount=rounding.get("amount", 2),
        criteria=tuple(_criterion(c) for c in evaluation["criteria"]),
        tie_break=tuple(evaluation.get("tie_break", ())),
        kommissionsmodel=None
        if kommission is None
        else Kommissionsmodel(
            _amount(kommission.get("total_min_percent", 70)),
            _amount(kommission.get("criterion_min_percent", 50)),
        ),
        price_blind=bool(evaluation.get("price_blind", False)),
    )


def _criterion(data: dict) -> Criterion:
    price = data.get("price_model")
    return Criterion(
        name=data["name"],
        weight=data.get("weight", 0),
        sub=tuple(
            SubCriterion(s["name"], s["weight"], tuple(s["requirements"].items()))
            for s in data.get("sub", ())
        ),
        requirements=tuple((data.get("requirements") or {}).items()),
        price_model=None
        if price is None
        else PriceModel(
            kind=price["kind"],
            **{
                key: _amount(price[key])
                for key in (
                    "x_percent",
                    "full_points_at",
                    "zero_points_at",
                    "widen_by",
                    "cap",
                    "amount_per_point",
                )
                if key in price
            },
        ),
    )


def _amount(value: object) -> Decimal:
    try:
        return Decimal(str(value))
    except InvalidOperation:  # pragma: no cover - the schema's patterns prevent it
        return Decimal(0)


def _check_evaluation_shape(data: dict, source: str) -> None:
    """The old and the new evaluation block must not be mixed: say which key to write."""
    evaluation = data.get("evaluation")
    if not isinstance(evaluation, dict):
        return
    if "criteria" in evaluation:
        for key in _OLD_KEYS:
            if key in evaluation:
                raise ProcureError.invalid(
                    source,
                    t(
                        "'evaluation.{key}' hører til den gamle evalueringsmodel; med 'criteria' "
                        "skrives skalaen som 'scale: {{max: 10, decimals: 2}}'",
                        key=key,
                    ),
                    line_of(data, ("evaluation", key)),
                )
        return
    for key in _NEW_KEYS:
        if key in evaluation:
            raise ProcureError.invalid(
                source,
                t(
                    "'evaluation.{key}' kræver, at modellen nævner sine kriterier "
                    "('evaluation.criteria'); se README, afsnittet om evalueringsmodellen",
                    key=key,
                ),
                line_of(data, ("evaluation", key)),
            )


def tender_to_data(tender: Tender) -> dict:
    data: dict = {
        "id": tender.id,
        "title": tender.title,
        "buyer": {"name": tender.buyer.name},
        "case_number": tender.case_number,
        "date": tender.date,
        "language": tender.language,
        "library_version": tender.library_version,
        "category": tender.category,
        "kle": list(tender.kle),
        "integrations": list(tender.integrations),
        "requirements": [],
        "custom_requirements": [],
        "evaluation": evaluation_to_data(tender.evaluation),
        "annex": tender.annex,
    }
    if tender.price_lines:  # only when set: tender files written before it stay byte-identical
        data = _after(data, "evaluation", "price_lines", price_lines_to_data(tender.price_lines))
    if tender.deadline:  # only when set: tender files written before it stay byte-identical
        data = _after(data, "date", "deadline", tender.deadline)
    if tender.buyer.cvr:
        data["buyer"]["cvr"] = tender.buyer.cvr
    if tender.status != DRAFT:  # only when published: drafts stay byte-identical
        data = _after(data, "title", "status", tender.status)
        data = _after(data, "status", "version", tender.version)
    if tender.publication is not None:
        data["publication"] = _publication_data(tender.publication)
    if tender.amendments:
        data["amendments"] = [_amendment_data(a) for a in tender.amendments]
    for r in tender.requirements:
        item: dict = {"id": r.id}
        if r.kind:
            item["kind"] = r.kind
        if r.weight is not None:
            item["weight"] = r.weight
        data["requirements"].append(item)
    for c in tender.custom_requirements:
        item = {"id": c.id, "area": c.area, "title": c.title, "text": c.text, "kind": c.kind}
        if c.weight is not None:
            item["weight"] = c.weight
        if c.guidance:
            item["guidance"] = c.guidance
        data["custom_requirements"].append(item)
    return data


def evaluation_to_data(model: EvaluationModel) -> dict:
    """The evaluation block as the tender file writes it (the reverse of
    evaluation_from_data): only what the model sets, so files read back equal."""
    if not model.has_criteria:
        return {
            "scale_max": model.scale_max,
            "partial_credit": format(model.partial_credit, "f"),
            "decimals": model.decimals,
        }
    scale: dict = {"max": model.scale_max, "decimals": model.decimals}
    if model.anchors:
        scale["anchors"] = {format(points, "f"): text for points, text in model.anchors}
    rounding = {
        key: value
        for key, value in (
            ("sub", model.rounding_sub),
            ("criterion", model.rounding_criterion),
            ("total", model.rounding_total),
            ("amount", None if model.rounding_amount == 2 else model.rounding_amount),
        )
        if value is not None
    }
    data: dict = {"award_criterion": model.award_criterion, "scale": scale}
    if rounding:
        data["rounding"] = rounding
    data["criteria"] = [_criterion_data(c) for c in model.criteria]
    data["tie_break"] = list(model.tie_break)
    data["kommissionsmodel"] = (
        None
        if model.kommissionsmodel is None
        else {
            "total_min_percent": _amount_data(model.kommissionsmodel.total_min_percent),
            "criterion_min_percent": _amount_data(model.kommissionsmodel.criterion_min_percent),
        }
    )
    data["price_blind"] = model.price_blind
    if model.partial_credit != Decimal("0.5"):
        data["partial_credit"] = format(model.partial_credit, "f")
    return data


def _criterion_data(criterion: Criterion) -> dict:
    data: dict = {"name": criterion.name, "weight": criterion.weight}
    if criterion.sub:
        data["sub"] = [
            {"name": s.name, "weight": s.weight, "requirements": dict(s.requirements)}
            for s in criterion.sub
        ]
    if criterion.requirements:
        data["requirements"] = dict(criterion.requirements)
    if criterion.price_model is not None:
        price = criterion.price_model
        data["price_model"] = {"kind": price.kind} | {
            key: _amount_data(value)
            for key, value in (
                ("x_percent", price.x_percent),
                ("full_points_at", price.full_points_at),
                ("zero_points_at", price.zero_points_at),
                ("widen_by", price.widen_by),
                ("cap", price.cap),
                ("amount_per_point", price.amount_per_point),
            )
            if value is not None
        }
    return data


def _publication_data(publication: Publication) -> dict:
    data: dict = {
        "published_at": publication.published_at,
        "form_fingerprint": publication.form_fingerprint,
        "sealed": dict(publication.sealed),
    }
    if publication.opened_at:
        data["opened_at"] = publication.opened_at
    if publication.awarded_at:
        data["awarded_at"] = publication.awarded_at
    return data


def _amendment_data(amendment: Amendment) -> dict:
    data: dict = {"version": amendment.version, "at": amendment.at, "why": amendment.why}
    for key in ("requirements_added", "requirements_removed", "requirements_changed"):
        if getattr(amendment, key):
            data[key] = list(getattr(amendment, key))
    if amendment.parts_changed:
        data["parts_changed"] = list(amendment.parts_changed)
    if amendment.previous_deadline:
        data["previous_deadline"] = amendment.previous_deadline
    data["form_fingerprint"] = amendment.form_fingerprint
    return data


def _price_line(line: PriceLine) -> dict:
    data: dict = {"id": line.id, "text": line.text, "quantity": _amount_data(line.quantity)}
    if line.weight is not None:
        data["weight"] = _amount_data(line.weight)
    if line.unit:
        data["unit"] = line.unit
    return data


def _amount_data(value: Decimal) -> int | str:
    """A whole number as a YAML integer, anything else as a quoted decimal (never a float)."""
    if value == value.to_integral_value() and value.as_tuple().exponent >= 0:
        return int(value)
    return format(value, "f")


def dump_tender(tender: Tender) -> str:
    """The tender as YAML text that load_tender reads back to an equal Tender."""
    header = "# procure tender file. Edit with care: ids and versions are quoted strings.\n"
    body = yaml.safe_dump(
        tender_to_data(tender),
        allow_unicode=True,
        sort_keys=False,
        width=100,
        default_flow_style=False,
    )
    return header + body


def save_tender(tender: Tender, path: Path | str) -> None:
    from procure.files import write_text_atomically

    write_text_atomically(Path(path), dump_tender(tender))


def update_tender(path: Path | str, change: Callable[[Tender], Tender | None]) -> Tender | None:
    """Read, change and write a tender file as one step under its lock (procure.files), so
    two commands that change the status at once lose nothing. `change` gets the tender as the
    file holds it now and returns the new one, or None to leave the file alone. Returns the
    tender written, or None when nothing was written."""
    from procure.files import update_text_file

    path = Path(path)
    written: list[Tender] = []

    def apply(text: str | None) -> str | None:
        if text is None:
            raise ProcureError.file_missing(path)
        new = change(parse_tender(text, str(path)))
        if new is None:
            return None
        written.append(new)
        return dump_tender(new)

    update_text_file(path, apply)
    return written[0] if written else None


def _check_unique(tender: Tender, source: str) -> None:
    seen: set[str] = set()
    for rid in [r.id for r in tender.requirements] + [c.id for c in tender.custom_requirements]:
        if rid in seen:
            raise ProcureError.invalid(
                source, t("kravet {id} er valgt to gange", id=rid), requirement=rid
            )
        seen.add(rid)
    for c in tender.custom_requirements:
        if not c.id.startswith(CUSTOM_PREFIX):  # pragma: no cover - schema pattern
            raise ProcureError.invalid(
                source,
                t("lokale krav skal have id'er der begynder med {prefix}", prefix=CUSTOM_PREFIX),
                requirement=c.id,
            )
