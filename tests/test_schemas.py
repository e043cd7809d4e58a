"""procure's own JSON Schemas: valid draft 2020-12 (checked here, not on every run), and the
fast validity check agrees with jsonschema on what the messages are made of."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from procure.library.schemas import Schema

SCHEMAS = sorted((Path(__file__).resolve().parents[1] / "procure").rglob("*.schema.json"))


def test_every_shipped_schema_is_found():
    names = {p.name for p in SCHEMAS}
    assert {"requirements.schema.json", "library.schema.json", "tender.schema.json"} <= names


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.name)
def test_shipped_schema_is_a_valid_draft_2020_12_schema(path):
    Draft202012Validator.check_schema(json.loads(path.read_text("utf-8")))


SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["id"],
    "properties": {
        "id": {"type": "string", "pattern": "^\\d{3}$"},
        "n": {"type": "integer", "maximum": 5},
    },
}


@pytest.mark.parametrize(
    ("data", "messages"),
    [
        ({"id": "123"}, []),
        ({"id": "123", "n": 5}, []),
        ({}, ["'id' is a required property"]),
        ({"id": "12"}, ["'12' does not match '^\\\\d{3}$'"]),
        ({"id": "123", "n": True}, ["True is not of type 'integer'"]),
        ({"id": "123", "n": 10**25}, [f"{10**25} is greater than the maximum of 5"]),
        # jsonschema-rs reads \d as ASCII, jsonschema (Python's re) as any digit:
        # where they differ jsonschema's verdict stands
        ({"id": "١٢٣"}, []),
    ],
)
def test_schema_errors_are_jsonschemas_own(data, messages):
    assert [e.message for e in Schema(SCHEMA).errors(data)] == messages
