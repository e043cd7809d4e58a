"""The JSON Schemas shipped with procure, and Danish messages for their errors."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

_TYPE_NAMES = {
    "string": "tekst",
    "integer": "et heltal",
    "number": "et tal",
    "array": "en liste",
    "object": "en samling af felter",
    "boolean": "true eller false",
    "null": "tom",
}


@cache
def validator(name: str) -> Draft202012Validator:
    """A compiled validator for one of the schemas in procure/library/schemas/."""
    text = resources.files("procure.library").joinpath("schemas", name).read_text("utf-8")
    schema = json.loads(text)
    Draft202012Validator.check_schema(schema)
    # Our schemas are not recursive: inlining their local $refs once saves jsonschema a
    # reference lookup per instance (about a quarter of validation time on 10,000 requirements).
    return Draft202012Validator(_inline_refs(schema, schema.get("$defs", {})))


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


def describe_error(error: ValidationError, base_path: tuple = ()) -> str:
    """A Danish, one-line description of a schema error; paths relative to `base_path`."""
    rel = tuple(error.absolute_path)[len(base_path) :]
    where = _dotted(rel)
    kind = error.validator
    if kind == "required":
        missing = _quoted_missing(error)
        field = f"{where}.{missing}" if where else missing
        if missing == "da":
            return f"feltet '{field}' mangler (dansk tekst er påkrævet)"
        if missing == "en":
            return f"feltet '{field}' mangler (engelsk tekst er påkrævet)"
        if missing == "weight":
            return "feltet 'weight' mangler (et prioriteret krav, PK, skal have en vægt)"
        return f"feltet '{field}' mangler"
    if kind == "additionalProperties":
        allowed = set(error.schema.get("properties", {}))
        extra = sorted(k for k in error.instance if k not in allowed)
        names = ", ".join(f"'{k}'" for k in extra)
        return (
            f"ukendt felt {names}"
            + (f" i '{where}'" if where else "")
            + f"; tilladte felter: {', '.join(sorted(allowed))}"
        )
    if kind == "type":
        wanted = error.validator_value
        wanted = wanted if isinstance(wanted, list) else [wanted]
        names = " eller ".join(_TYPE_NAMES.get(w, w) for w in wanted)
        hint = ""
        if "string" in wanted and isinstance(error.instance, int | float):
            hint = "; sæt værdien i anførselstegn"
        return f"feltet '{where}' skal være {names}, ikke {error.instance!r}{hint}"
    if kind == "enum":
        allowed = ", ".join(str(v) for v in error.validator_value)
        return f"feltet '{where}' har værdien {error.instance!r}; tilladt er: {allowed}"
    if kind == "const":
        return f"feltet '{where}' skal være {error.validator_value!r}"
    if kind == "pattern":
        return (
            f"feltet '{where}' har en ugyldig form: {error.instance!r} "
            f"(skal passe til mønsteret {error.validator_value})"
        )
    if kind == "minLength":
        return f"feltet '{where}' er tomt"
    if kind == "minItems":
        return f"listen '{where}' må ikke være tom"
    if kind == "uniqueItems":
        return f"listen '{where}' indeholder den samme værdi flere gange"
    if kind in ("minimum", "maximum"):
        schema = error.schema
        return (
            f"feltet '{where}' skal ligge mellem {schema.get('minimum')} og "
            f"{schema.get('maximum')}, ikke {error.instance!r}"
        )
    if kind == "anyOf" and "replaced_by" in json.dumps(error.validator_value):
        return "et udfaset krav skal angive 'replaced_by' eller 'deprecation_reason'"
    if kind == "anyOf" and "clause" in json.dumps(error.validator_value):
        return f"referencen '{where}' skal have 'link' eller 'clause'"
    if kind == "oneOf" and where.endswith("categories"):
        return "feltet 'categories' skal være \"all\" eller en liste af kategorikoder (fx Y65)"
    return f"feltet '{where or '(rod)'}' er ugyldigt: {error.message}"


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
            out += ("." if out else "") + str(part)
    return out
