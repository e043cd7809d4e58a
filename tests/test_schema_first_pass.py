"""The first pass of schema validation (jsonschema-rs, procure.library.schemas.Schema) never
accepts what jsonschema refuses: the verdict on every file kind stays jsonschema's."""

from __future__ import annotations

import copy
import json
from importlib import resources
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from procure.errors import ProcureError
from procure.library.schemas import Schema
from procure.responses.answer_file import read_answer_file
from procure.tender.io import dump_tender
from tests.samples import answer_file, sample_spec, sample_tender

ROOT = Path(__file__).resolve().parent.parent
LIBRARY = ROOT / "requirement_library"


def _schema(package: str, name: str) -> dict:
    return json.loads(resources.files(package).joinpath("schemas", name).read_text("utf-8"))


def _documents() -> list[tuple[str, dict, dict]]:
    """(name, schema, a valid document) for every schema procure ships."""
    out = []
    for name, schema_name in (
        ("library.yaml", "library.schema.json"),
        ("categories.yaml", "categories.schema.json"),
        ("integrations.yaml", "integrations.schema.json"),
        ("kle.yaml", "kle.schema.json"),
    ):
        document = yaml.safe_load((LIBRARY / name).read_text("utf-8"))
        out.append((name, _schema("procure.library", schema_name), document))
    for path in sorted((LIBRARY / "requirements").glob("*.yaml")):
        document = yaml.safe_load(path.read_text("utf-8"))
        out.append((path.name, _schema("procure.library", "requirements.schema.json"), document))
    out.append(
        (
            "tender.yaml",
            _schema("procure.tender", "tender.schema.json"),
            yaml.safe_load(dump_tender(sample_tender())),
        )
    )
    answers = yaml.safe_load(answer_file(sample_spec()))
    answers["answers"][0].update(reservation="Kun hverdage", price=25000)
    answers["prices"] = [{"line": "P1", "unit_price": "1250000"}]
    out.append(("answers.yaml", _schema("procure.responses", "answers.schema.json"), answers))
    return out


DOCUMENTS = _documents()


@pytest.mark.parametrize("name, schema, document", DOCUMENTS, ids=[d[0] for d in DOCUMENTS])
def test_every_shipped_file_passes_the_fast_pass_as_jsonschema_passes_it(name, schema, document):
    # The fast pass must accept valid files, or the speed it exists for is silently lost
    assert not list(Draft202012Validator(schema).iter_errors(document))
    assert Schema(schema).first_pass(document)


@pytest.mark.parametrize(
    "value",
    [
        "FKI-ORG-001\n",  # jsonschema's `$` allows a final newline; the fast pass refuses it
        True,  # not an integer in either
        10**40,  # beyond 64 bits
        "FKI-ORG-١٢٣",  # Arabic-Indic digits: Python's \\d matches them
        None,
        ["x"],
        {"a": 1},
        "",
    ],
)
def test_an_odd_value_is_judged_by_jsonschema(value):
    schema = {
        "type": "object",
        "properties": {
            "id": {"type": "string", "pattern": "^[A-Z]+-[A-Z]+-\\d{3}$"},
            "n": {"type": "integer", "minimum": 0},
        },
        "additionalProperties": False,
    }
    check = Schema(schema)
    for key in ("id", "n"):
        document = {key: value}
        slow = list(Draft202012Validator(schema).iter_errors(document))
        fast = check.errors(document)
        assert [e.message for e in fast] == [e.message for e in slow]


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**20), max_value=10**20)
    | st.text(max_size=12)
    | st.sampled_from(["Opfyldt", "MK", "da", "1.0.0", "FKI-ORG-001", "0101", "2026-12-06", "P1"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner),
    max_leaves=6,
)


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node[:4]):
            yield from _paths(value, (*prefix, i))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_an_altered_document_is_accepted_by_the_fast_pass_only_if_jsonschema_accepts_it(data):
    name, schema, document = data.draw(st.sampled_from(DOCUMENTS))
    document = copy.deepcopy(document)
    for _ in range(data.draw(st.integers(1, 3))):
        paths = list(_paths(document))
        path = data.draw(st.sampled_from(paths[1:] or paths))
        parent = document
        for step in path[:-1]:
            parent = parent[step]
        action = data.draw(st.sampled_from(["replace", "delete", "add"]))
        if action == "replace" and path:
            parent[path[-1]] = data.draw(JSON_VALUES)
        elif action == "delete" and path:
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[data.draw(st.text(max_size=8))] = data.draw(JSON_VALUES)
    slow = list(Draft202012Validator(schema).iter_errors(document))
    if Schema(schema).first_pass(document):
        assert slow == [], (name, [e.message for e in slow])


def test_a_bad_answer_file_still_names_the_line_and_the_field():
    text = answer_file(sample_spec()).decode().replace("answer: Opfyldt", "answer: 7", 1)
    with pytest.raises(ProcureError) as caught:
        read_answer_file(text.encode(), "bud.yaml")
    message = str(caught.value)
    assert message.startswith("bud.yaml:") and "answer" in message
