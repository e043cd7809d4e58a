"""The JSON Schemas shipped with procure, and messages (Danish and English) for their errors."""

from __future__ import annotations

import json
import re
import reprlib
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from procure.i18n import Message, t
from procure.textutil import clipped

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

# How a JSON type is named in a message
_TYPE_NAMES = {
    "string": t("tekst"),
    "integer": t("et heltal"),
    "number": t("et tal"),
    "array": t("en liste"),
    "object": t("en samling af felter"),
    "boolean": t("true eller false"),
    "null": t("tom"),
}


def _type_name(name: str) -> str | Message:
    return _TYPE_NAMES.get(name, name)


class Schema:
    """One of procure's fixed JSON Schemas (draft 2020-12), built once per process.

    `errors` answers the common case, a valid document, with jsonschema-rs (compiled: about
    fifty times faster than jsonschema on a requirement file). Only for a document it finds
    invalid does jsonschema, imported then, collect the errors that messages are made of, so
    every error is still jsonschema's, with its path; a document jsonschema-rs cannot take
    (or finds invalid where jsonschema does not) gets jsonschema's verdict. The schemas are
    not self-checked at run time: tests/test_schemas.py checks every shipped schema."""

    def __init__(self, schema: dict):
        self.schema = schema
        self._fast: Any = None
        self._full: Draft202012Validator | None = None

    def errors(self, data: Any) -> list[ValidationError]:
        """Every schema error of `data` (an empty list when it is valid)."""
        if self.first_pass(data):
            return []
        return list(self.full().iter_errors(data))

    def first_pass(self, data: Any) -> bool:
        """True when jsonschema-rs finds `data` valid (tests/test_schema_first_pass.py holds
        that jsonschema then finds no error); False also when it cannot take `data` at all."""
        try:
            if self._fast is None:
                import jsonschema_rs

                self._fast = jsonschema_rs.validator_for(self.schema)
            return bool(self._fast.is_valid(data))
        except Exception:  # noqa: BLE001 - any doubt: jsonschema decides
            return False

    def full(self) -> Draft202012Validator:
        """jsonschema's validator of this schema (its errors carry paths and values)."""
        if self._full is None:
            from jsonschema import Draft202012Validator

            # Our schemas are not recursive: inlining their local $refs once saves jsonschema a
            # reference lookup per instance (about a quarter of its time on 10,000 requirements).
            self._full = Draft202012Validator(
                _inline_refs(self.schema, self.schema.get("$defs", {}))
            )
        return self._full


@cache
def schema(name: str) -> Schema:
    """One of the schemas in procure/library/schemas/."""
    return Schema(json.loads(schema_text(name)))


def validator(name: str) -> Draft202012Validator:
    """jsonschema's validator for one of the schemas in procure/library/schemas/."""
    return schema(name).full()


def _inline_refs(node, defs):
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/") and len(node) == 1:
            return _inline_refs(defs[ref.removeprefix("#/$defs/")], defs)
        return {k: _inline_refs(v, defs) for k, v in node.items() if k != "$defs"}
    if isinstance(node, list):
        return [_inline_refs(v, defs) for v in node]
    return node


def schema_text(name: str) -> str:
    return resources.files("procure.library").joinpath("schemas", name).read_text("utf-8")


def describe_error(error: ValidationError, base_path: tuple = ()) -> Message:
    """A one-line description of a schema error (a Message); paths relative to `base_path`.

    Input is only ever quoted shortened (`shown_value`, `_dotted`): the instance a schema
    error carries can be a whole file (seen: a 4 MB message for a list of 100,000 answers)."""
    rel = tuple(error.absolute_path)[len(base_path) :]
    where = _dotted(rel)
    kind = error.validator
    if kind == "required":
        missing = _quoted_missing(error)
        field = f"{where}.{missing}" if where else missing
        if missing == "da":
            return t("feltet '{field}' mangler (dansk tekst er påkrævet)", field=field)
        if missing == "en":
            return t("feltet '{field}' mangler (engelsk tekst er påkrævet)", field=field)
        if missing == "weight":
            return t("feltet 'weight' mangler (et prioriteret krav, PK, skal have en vægt)")
        return t("feltet '{field}' mangler", field=field)
    if kind == "additionalProperties":
        allowed = set(error.schema.get("properties", {}))
        extra = sorted(str(k) for k in error.instance if k not in allowed)
        names = ", ".join(f"'{clipped(k, 40)}'" for k in extra[:5])
        if len(extra) > 5:
            names += ", ..."
        allowed_list = ", ".join(sorted(allowed))
        if where:
            return t(
                "ukendt felt {names} i '{where}'; tilladte felter: {allowed}",
                names=names,
                where=where,
                allowed=allowed_list,
            )
        return t(
            "ukendt felt {names}; tilladte felter: {allowed}", names=names, allowed=allowed_list
        )
    if kind == "type":
        wanted = error.validator_value
        wanted = wanted if isinstance(wanted, list) else [wanted]
        names = _type_name(wanted[0])
        for other in wanted[1:]:
            names = t("{first} eller {second}", first=names, second=_type_name(other))
        value = shown_value(error.instance)
        if _looks_like_nan(error.instance) and {"integer", "number"} & set(wanted):
            return t(
                "feltet '{where}' skal være {types}; {value} er ikke et tal",
                where=where,
                types=names,
                value=value,
            )
        if not where:
            return t("filen skal være {types}, ikke {value}", types=names, value=value)
        if "string" in wanted and isinstance(error.instance, int | float):
            return t(
                "feltet '{where}' skal være {types}, ikke {value}; sæt værdien i anførselstegn",
                where=where,
                types=names,
                value=value,
            )
        return t(
            "feltet '{where}' skal være {types}, ikke {value}",
            where=where,
            types=names,
            value=value,
        )
    if kind == "enum":
        allowed = ", ".join(str(v) for v in error.validator_value)
        return t(
            "feltet '{where}' har værdien {value}; tilladt er: {allowed}",
            where=where,
            value=shown_value(error.instance),
            allowed=allowed,
        )
    if kind == "const":
        return t(
            "feltet '{where}' skal være {value}", where=where, value=repr(error.validator_value)
        )
    if kind == "pattern":
        return t(
            "feltet '{where}' har en ugyldig form: {value} (skal passe til mønsteret {pattern})",
            where=where,
            value=shown_value(error.instance),
            pattern=error.validator_value,
        )
    if kind == "minLength":
        return t("feltet '{where}' er tomt", where=where)
    if kind == "minItems":
        return t("listen '{where}' må ikke være tom", where=where)
    if kind == "uniqueItems":
        return t("listen '{where}' indeholder den samme værdi flere gange", where=where)
    if kind in ("minimum", "maximum"):
        schema = error.schema
        return t(
            "feltet '{where}' skal ligge mellem {minimum} og {maximum}, ikke {value}",
            where=where,
            minimum=str(schema.get("minimum")),
            maximum=str(schema.get("maximum")),
            value=shown_value(error.instance),
        )
    if kind == "maxLength":
        return t(
            "feltet '{where}' er {length} tegn langt; højst {limit} tegn er tilladt",
            where=where,
            length=len(error.instance),
            limit=error.validator_value,
        )
    if kind == "maxItems":
        return t(
            "listen '{where}' har {count} punkter; højst {limit} er tilladt",
            where=where,
            count=len(error.instance),
            limit=error.validator_value,
        )
    if kind == "anyOf" and "replaced_by" in json.dumps(error.validator_value):
        return t("et udfaset krav skal angive 'replaced_by' eller 'deprecation_reason'")
    if kind == "anyOf" and "clause" in json.dumps(error.validator_value):
        return t("referencen '{where}' skal have 'link' eller 'clause'", where=where)
    if kind == "oneOf" and where.endswith("categories"):
        return t("feltet 'categories' skal være \"all\" eller en liste af kategorikoder (fx Y65)")
    # jsonschema's own words quote the instance in full: only their start is shown.
    detail = clipped(error.message, 160)
    if not where:
        return t("feltet '(rod)' er ugyldigt: {detail}", detail=detail)
    return t("feltet '{where}' er ugyldigt: {detail}", where=where, detail=detail)


_SHORT_REPR = reprlib.Repr()
_SHORT_REPR.maxstring = _SHORT_REPR.maxother = 60
_SHORT_REPR.maxlist = _SHORT_REPR.maxdict = 3
_SHORT_REPR.maxlevel = 2
_NAN_WORDS = re.compile(r"^[-+]?\.?(?:nan|inf|infinity)$", re.IGNORECASE)


def shown_value(value: object) -> str:
    """A value from a file as a message quotes it: its repr, shortened and on one line."""
    return clipped(_SHORT_REPR.repr(value), 80)


def _looks_like_nan(value: object) -> bool:
    if isinstance(value, float):
        return value != value or value in (float("inf"), float("-inf"))
    return isinstance(value, str) and bool(_NAN_WORDS.match(value.strip()))


def _quoted_missing(error: ValidationError) -> str:
    # jsonschema's message is "'name' is a required property"
    message = error.message
    if message.startswith("'") and "' is a required property" in message:
        return message[1 : message.index("' is a required property")]
    return message


def _dotted(path: tuple) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + clipped(part, 40)
    return clipped(out, 160)
