"""Releases are frozen; diff says what changed; the loaded library is immutable."""

import dataclasses
import json
import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from procure.errors import ProcureError
from procure.library import (
    diff_libraries,
    load_library,
    open_library,
    read_release_file,
    validate_library_folder,
    write_release,
)
from procure.library.model import Text, requirement_stamp


def test_release_round_trip_gives_equal_library(minimal_library):
    library = load_library(minimal_library)
    path = write_release(library, minimal_library / "releases")
    assert path.name == "1.0.0.json"
    released = read_release_file(path)
    assert released.to_data() == library.to_data()
    document = json.loads(path.read_text("utf-8"))
    stamps = {r["id"]: r["stamp"] for r in document["requirements"]}
    assert stamps["FKI-ORG-001"] == library.requirement("FKI-ORG-001").stamp
    assert all(s.startswith("sha256:") and len(s) == 71 for s in stamps.values())


def test_release_is_canonical_and_reproducible(minimal_library, tmp_path):
    library = load_library(minimal_library)
    first = write_release(library, tmp_path / "a").read_bytes()
    second = write_release(load_library(minimal_library), tmp_path / "b").read_bytes()
    assert first == second


def test_release_refuses_to_overwrite(minimal_library):
    library = load_library(minimal_library)
    path = write_release(library, minimal_library / "releases")
    before = path.read_bytes()
    with pytest.raises(ProcureError, match="allerede udgivet"):
        write_release(library, minimal_library / "releases")
    assert path.read_bytes() == before


def test_tampered_release_file_is_detected(minimal_library):
    path = write_release(load_library(minimal_library), minimal_library / "releases")
    path.write_text(path.read_text("utf-8").replace("inden for én time", "inden for én uge"))
    with pytest.raises(ProcureError, match="stempel"):
        read_release_file(path)


def test_new_version_may_change_a_released_requirement(minimal_library):
    write_release(load_library(minimal_library), minimal_library / "releases")
    req = minimal_library / "requirements" / "organisation.yaml"
    req.write_text(req.read_text("utf-8").replace("inden for én time", "inden for én dag"))
    assert not validate_library_folder(minimal_library).valid
    manifest = minimal_library / "library.yaml"
    manifest.write_text(
        manifest.read_text("utf-8")
        .replace('version: "1.0.0"\nchangelog:', 'version: "1.1.0"\nchangelog:')
        .replace(
            "changelog:\n",
            'changelog:\n  - version: "1.1.0"\n    date: "2026-02-01"\n'
            "    summary: {da: Ny frist, en: New limit}\n",
        )
    )
    report = validate_library_folder(minimal_library)
    assert [str(p) for p in report.problems] == []
    assert report.library.version == "1.1.0"
    diff = diff_libraries(open_library(minimal_library / "releases" / "1.0.0.json"), report.library)
    assert [c.id for c in diff.changed] == ["FKI-ORG-002"]
    (field,) = diff.changed[0].fields
    assert field.field == "text.da"
    assert "én time" in field.old and "én dag" in field.new


def test_removing_a_released_requirement_is_refused_even_in_a_new_version(minimal_library):
    write_release(load_library(minimal_library), minimal_library / "releases")
    (minimal_library / "requirements" / "integration.yaml").write_text("requirements: []\n")
    report = validate_library_folder(minimal_library)
    assert any(
        p.requirement == "FKI-INT-001" and "fjernet" in str(p.message) for p in report.problems
    )


def test_loaded_library_is_immutable(minimal_library):
    library = load_library(minimal_library)
    requirement = library.requirement("FKI-ORG-001")
    with pytest.raises(dataclasses.FrozenInstanceError):
        requirement.kind = "K"
    with pytest.raises(TypeError):
        library.requirements_by_id["X"] = requirement
    assert isinstance(library.requirements, tuple)


def test_unknown_requirement_suggests_close_ids(minimal_library):
    library = load_library(minimal_library)
    with pytest.raises(ProcureError, match="mente du FKI-ORG-001"):
        library.requirement("FKI-ORG-01")


def test_stamp_covers_normative_fields_only(minimal_library):
    data = load_library(minimal_library).requirement("FKI-ORG-002").to_data()
    stamp = requirement_stamp(data)
    assert requirement_stamp({**data, "guidance": {"da": "x", "en": "y"}}) == stamp
    assert requirement_stamp({**data, "weight": 5}) != stamp
    assert requirement_stamp({**data, "text": {**data["text"], "da": "ændret"}}) != stamp


# -- diff properties ---------------------------------------------------------------------------

_texts = st.text(alphabet="abcæøå ", min_size=1, max_size=12)


def _mutated(library, draw_ops):
    requirements = list(library.requirements)
    for op, index, value in draw_ops:
        if not requirements:
            break
        i = index % len(requirements)
        r = requirements[i]
        if op == "drop":
            requirements.pop(i)
        elif op == "text":
            requirements[i] = dataclasses.replace(r, text=Text(value, r.text.en))
        elif op == "kind":
            requirements[i] = dataclasses.replace(r, kind="K" if r.kind != "K" else "MK")
        elif op == "deprecate":
            requirements[i] = dataclasses.replace(r, status="deprecated", replaced_by=None)
    return dataclasses.replace(library, requirements=tuple(requirements))


_ops = st.lists(
    st.tuples(st.sampled_from(["drop", "text", "kind", "deprecate"]), st.integers(0, 10), _texts),
    max_size=6,
)


@pytest.fixture(scope="module")
def base_library(tmp_path_factory):
    from tests.conftest import CASES

    target = tmp_path_factory.mktemp("lib") / "lib"
    shutil.copytree(CASES / "valid" / "minimal", target)
    return load_library(target)


@settings(max_examples=60, deadline=None)
@given(ops_a=_ops, ops_b=_ops)
def test_diff_properties(base_library, ops_a, ops_b):
    a = _mutated(base_library, ops_a)
    b = _mutated(base_library, ops_b)
    assert diff_libraries(a, a).empty
    forward, backward = diff_libraries(a, b), diff_libraries(b, a)
    assert set(forward.added) == set(backward.removed)
    assert set(forward.removed) == set(backward.added)
    assert {c.id for c in forward.changed} == {c.id for c in backward.changed}


# -- the shipped releases 1.0.0 -> 1.1.0 -------------------------------------------------------


def test_diff_of_the_shipped_releases_says_why_and_what(capsys):
    from procure.cli import main

    assert main(["library", "diff", "1.0.0", "1.1.0"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "Ændringer fra 1.0.0 til 1.1.0"
    assert lines[1] == "Hvorfor (changelog):"
    assert lines[2].startswith("  1.1.0 (2026-12-14): Rettede fakta og krav, som en ordregiver")
    assert "  FKI-INT-028  Udstillede services beskyttes med token-sikkerhed (SF1512)" in lines
    assert "Udfaset (17): " in out
    assert any(
        line.startswith("  FKI-INT-014 → FKI-KLE-001: Ét KLE-emne og én handlingsfacet")
        for line in lines
    )
    block = out[out.index("  FKI-INT-001  Systemadgang med token") :]
    assert block.splitlines()[1] == "    felter: besvarelse, vejledning, kravtekst, titel"
    text_lines = block.splitlines()
    before = text_lines[text_lines.index("    kravtekst:") + 1]
    after = text_lines[text_lines.index("    kravtekst:") + 2]
    assert before.startswith("      før: ") and "SF1512 eller SF1514" in before
    assert after.startswith("      nu:  ") and "via SF1514" in after
    assert "Integrationskataloget ændret: " in out and "nemsms" in out.splitlines()[-1]


def test_diff_of_the_shipped_releases_in_english_and_as_json(capsys, monkeypatch):
    import json

    from procure.cli import main

    monkeypatch.setenv("PROCURE_LANG", "en")
    assert main(["library", "diff", "1.0.0", "1.1.0"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[1] == "Why (changelog):"
    assert "  1.1.0 (2026-12-14): Corrected facts and requirements a buyer can defend" in out
    assert "    fields: answer, guidance, requirement text, title" in out
    assert main(["library", "diff", "1.0.0", "1.1.0", "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert [c["version"] for c in document["changelog"]] == ["1.1.0"]
    assert "FKI-ORG-001" in document["deprecated"] and "FKI-DRF-010" in document["added"]
    assert {"adgangsstyring-systemer", "cpr", "nemsms"} <= set(document["integrations_changed"])
