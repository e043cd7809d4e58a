"""JSON Schema validation with a fast first pass.

jsonschema (pure Python) lists every error with its path, which procure turns into messages
with a file and line; it is also the slow part of reading a 500-answer file or a library.
jsonschema-rs (Rust) answers only "valid or not", about a hundred times faster. So a document
goes to jsonschema-rs first; only when it is refused (or jsonschema-rs fails on it at all) does
jsonschema look at it, and jsonschema's errors are the ones reported.

A document is therefore accepted without jsonschema only if jsonschema-rs accepts it. Where
the two could differ, jsonschema-rs is the stricter one for procure's schemas (a `$` in a
`pattern` matches only at the very end, `\\d` only ASCII digits), and a stricter first pass
only sends a document on to jsonschema. tests/test_schemacheck.py holds both to the same
verdict on every shipped schema, with a property test over altered documents.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

try:  # a wheel for every platform procure runs on; without it, jsonschema alone decides
    import jsonschema_rs
except ImportError:  # pragma: no cover - depends on the installation
    jsonschema_rs = None


class SchemaCheck:
    """One schema (draft 2020-12), compiled once for both validators."""

    def __init__(self, schema: dict):
        self.schema = schema
        self._full = Draft202012Validator(schema)
        self._fast = (
            jsonschema_rs.Draft202012Validator(schema, validate_formats=False)
            if jsonschema_rs is not None
            else None
        )

    def fast_valid(self, instance: Any) -> bool:
        """True when the first pass accepts `instance` (then jsonschema finds no error)."""
        if self._fast is None:
            return False
        try:
            return self._fast.is_valid(instance)
        except Exception:  # noqa: BLE001 - a value jsonschema-rs cannot take: jsonschema decides
            return False

    def iter_errors(self, instance: Any) -> Iterator[ValidationError]:
        """jsonschema's errors for `instance`: none when the fast pass accepts it."""
        if self.fast_valid(instance):
            return iter(())
        return self._full.iter_errors(instance)
