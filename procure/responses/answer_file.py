"""Machine submissions: a YAML or JSON answer file (schema: schemas/answers.schema.json).

format: procure-answers/1
tender_id: 0b7c6f3e-...          # the tender answered
vendor: {name: Leverandør A/S, cvr: "12345678"}
answers:
  - {id: FKI-ORG-001, answer: Opfyldt, description: "..."}
  - {id: FKI-ORG-002, answer: Delvist opfyldt, reservation: "...", price: 25000}
prices:                          # optional: a unit price per price line of the tender
  - {line: P1, unit_price: "1250000"}
"""

from __future__ import annotations

import json
import math
import re
from decimal import Decimal
from functools import cache
from importlib import resources

from procure.errors import ProcureError
from procure.forms import parse_answer
from procure.i18n import t
from procure.jsonio import load_json_text
from procure.library.schemas import Schema, describe_error
from procure.limits import not_a_number
from procure.responses.model import (
    AnswerRow,
    FormMetadata,
    PriceEntry,
    PriceSubmission,
    VendorInfo,
    VendorResponse,
)
from procure.textutil import clipped
from procure.yamlio import line_of, load_yaml_text

ANSWER_FORMAT = "procure-answers/1"


@cache
def _schema() -> Schema:
    text = resources.files("procure.responses").joinpath("schemas", "answers.schema.json")
    return Schema(json.loads(text.read_text("utf-8")))


def read_answer_file(data: bytes, source: str) -> VendorResponse:
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        raise ProcureError.invalid(source, t("svarfilen er ikke UTF-8-tekst")) from None
    file_format = "json" if text.lstrip().startswith(("{", "[")) else "yaml"
    # Both loaders refuse what no answer file holds (procure.limits) before anything else.
    if file_format == "json":
        document = load_json_text(text, source)
    else:
        document = load_yaml_text(text, source)
    if not isinstance(document, dict):
        raise ProcureError.invalid(
            source, t("er ikke en svarfil (forventede format, tender_id, vendor og answers)")
        )
    errors = sorted(_schema().errors(document), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        first = errors[0]
        described = describe_error(first)
        if len(errors) > 1:
            described = t("{error} (og {count} fejl mere)", error=described, count=len(errors) - 1)
        raise ProcureError.invalid(source, described, line_of(document, tuple(first.absolute_path)))
    vendor = document["vendor"]
    rows = []
    for i, item in enumerate(document["answers"]):
        reservation = item.get("reservation", "")
        price = _price_text(item.get("price"), source, line_of(document, ("answers", i, "price")))
        if price:
            reservation = f"{reservation} Pris: {price} kr.".strip()
        line = line_of(document, ("answers", i))
        rows.append(
            AnswerRow(
                requirement_id=item["id"].strip(),
                answer_text=item["answer"].strip(),
                answer=parse_answer(item["answer"]),
                description=item.get("description", ""),
                reservation=reservation,
                requirement_text=None,
                kind_text=None,
                location=t("linje {line}", line=line)
                if line
                else t("svar nr. {number}", number=i + 1),
            )
        )
    return VendorResponse(
        source=source,
        file_format=file_format,
        vendor=VendorInfo(
            **{k: vendor.get(k, "") for k in ("name", "cvr", "contact", "email", "phone")}
        ),
        metadata=FormMetadata(
            format=ANSWER_FORMAT,
            tender_id=document["tender_id"],
            library_version=document.get("library_version"),
            fingerprint=document.get("fingerprint"),
        ),
        rows=tuple(rows),
        prices=_prices(document, source),
    )


def _prices(document: dict, source: str) -> PriceSubmission | None:
    """`prices: [{line: P1, unit_price: "1250000"}]`, as given (checked by the award)."""
    if "prices" not in document:
        return None
    return PriceSubmission(
        source=source,
        entries=tuple(
            PriceEntry(
                line=item["line"].strip(),
                unit_price=item.get("unit_price"),
                quantity=item.get("quantity"),
                total=item.get("total"),
                location=t("linje {line}", line=line_of(document, ("prices", i)) or i + 1),
            )
            for i, item in enumerate(document["prices"])
        ),
        stated_total=document.get("price_total"),
    )


# What YAML and JSON writers put for "not a number" and infinity (YAML keeps them as text).
_NOT_NUMBERS = re.compile(r"^[-+]?\.?(?:nan|inf|infinity)$", re.IGNORECASE)


def _price_text(price: object, source: str, line: int | None) -> str:
    """The price as the reservation text states it: a number written out in full (1e16 is
    10000000000000000, not "1e+16", whose "16" would read as the price), text as it is;
    NaN and infinity are no price."""
    if price is None:
        return ""
    if isinstance(price, float) and not math.isfinite(price):
        raise ProcureError.invalid(source, not_a_number(clipped(str(price))), line)
    if isinstance(price, int | float) and not isinstance(price, bool):
        return format(Decimal(str(price)), "f")
    text = str(price).strip()
    if _NOT_NUMBERS.match(text):
        raise ProcureError.invalid(source, not_a_number(clipped(text)), line)
    return text
