"""Read and write tender files (`tender.yaml`), validated against their schema on every load."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal, InvalidOperation
from functools import cache
from importlib import resources
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator

from procure.errors import ProcureError
from procure.i18n import t
from procure.library.schemas import describe_error
from procure.tender.model import (
    CUSTOM_PREFIX,
    Buyer,
    CustomRequirement,
    EvaluationModel,
    SelectedRequirement,
    Tender,
)
from procure.yamlio import line_of, load_yaml_text, read_text_file

MAX_TENDER_BYTES = 10 * 1024 * 1024


@cache
def _validator() -> Draft202012Validator:
    text = resources.files("procure.tender").joinpath("schemas", "tender.schema.json")
    return Draft202012Validator(json.loads(text.read_text("utf-8")))


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
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        first = errors[0]
        message = describe_error(first)
        if len(errors) > 1:
            message = t("{error} (og {count} fejl mere)", error=message, count=len(errors) - 1)
        raise ProcureError.invalid(source, message, line_of(data, tuple(first.absolute_path)))
    tender = tender_from_data(data)
    _check_unique(tender, source)
    _check_dates(tender, data, source)
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
    evaluation = data.get("evaluation") or {}
    try:
        partial = Decimal(str(evaluation.get("partial_credit", "0.5")))
    except InvalidOperation:  # pragma: no cover - the schema pattern prevents it
        partial = Decimal("0.5")
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
            CustomRequirement(c["id"], c["area"], c["title"], c["text"], c["kind"], c.get("weight"))
            for c in data.get("custom_requirements", ())
        ),
        evaluation=EvaluationModel(
            scale_max=evaluation.get("scale_max", 10),
            partial_credit=partial,
            decimals=evaluation.get("decimals", 2),
        ),
        annex=data.get("annex", 3),
        deadline=data.get("deadline"),
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
        "evaluation": {
            "scale_max": tender.evaluation.scale_max,
            "partial_credit": format(tender.evaluation.partial_credit, "f"),
            "decimals": tender.evaluation.decimals,
        },
        "annex": tender.annex,
    }
    if tender.deadline:  # only when set: tender files written before it stay byte-identical
        data = _after(data, "date", "deadline", tender.deadline)
    if tender.buyer.cvr:
        data["buyer"]["cvr"] = tender.buyer.cvr
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
        data["custom_requirements"].append(item)
    return data


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
