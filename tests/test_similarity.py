"""The near-duplicate check: what it finds, what it leaves out, and how `library validate`
says it."""

import dataclasses
import random

from rapidfuzz import fuzz

from procure.cli import main
from procure.library import load_library, load_release
from procure.library.model import Text
from procure.library.similarity import (
    NEAR_DUPLICATE_THRESHOLD,
    near_duplicates,
    normalised_text,
)
from tests.conftest import SHIPPED_LIBRARY


def _requirements(texts: dict[str, str], base):
    return [
        dataclasses.replace(base, id=rid, text=Text(text, text), status="active")
        for rid, text in texts.items()
    ]


def test_normalised_text_drops_case_punctuation_and_words_without_obligation():
    text = "Systemet skal hente KLE fra Klassifikation (SF1510), og ikke manuelt."
    assert normalised_text(text) == "hente kle klassifikation sf1510 manuelt"


def test_release_1_0_0_near_duplicates_are_the_audits_pairs():
    """On 1.0.0 the check reports the pairs an all-pairs comparison reports at 80."""
    found = near_duplicates(load_release("1.0.0", SHIPPED_LIBRARY).requirements)
    pairs = {(p.first, p.second) for p in found.pairs}
    assert {
        ("FKI-INT-007", "FKI-ORG-001"),
        ("FKI-INT-014", "FKI-KLE-001"),
        ("FKI-INT-008", "FKI-ORG-005"),
        ("FKI-IND-003", "FKI-INT-003"),
        ("FKI-IND-002", "FKI-INT-002"),
    } <= pairs
    assert not found.truncated
    active = [r for r in load_release("1.0.0", SHIPPED_LIBRARY).requirements if r.active]
    texts = {r.id: normalised_text(r.text.da) for r in active}
    every_pair = {
        tuple(sorted((a.id, b.id)))
        for i, a in enumerate(active)
        for b in active[i + 1 :]
        if fuzz.token_set_ratio(texts[a.id], texts[b.id]) >= NEAR_DUPLICATE_THRESHOLD
    }
    assert pairs == every_pair


def test_shipped_library_has_no_near_duplicate_texts(shipped_library):
    assert near_duplicates(shipped_library.requirements).pairs == ()


def test_deprecated_requirements_are_not_compared(shipped_library):
    base = shipped_library.requirement("FKI-INT-007")
    twins = _requirements({"A-1": base.text.da, "A-2": base.text.da}, base)
    assert [(p.first, p.second, p.score) for p in near_duplicates(twins).pairs] == [
        ("A-1", "A-2", 100.0)
    ]
    twins[1] = dataclasses.replace(twins[1], status="deprecated")
    assert near_duplicates(twins).pairs == ()


def test_planted_duplicates_are_found_among_random_texts_and_nothing_else_matches(
    shipped_library,
):
    words = normalised_text(" ".join(r.text.da for r in shipped_library.requirements)).split()
    rnd = random.Random(7)
    texts = {f"R-{i:03d}": " ".join(rnd.sample(words, 30)) for i in range(300)}
    texts["R-900"] = texts["R-010"] + " inden 15 minutter"  # a restatement with a small addition
    texts["R-901"] = " ".join(reversed(texts["R-020"].split()))  # same words, other order
    found = near_duplicates(_requirements(texts, shipped_library.requirement("FKI-INT-007")))
    pairs = {(p.first, p.second) for p in found.pairs}
    assert {("R-010", "R-900"), ("R-020", "R-901")} <= pairs
    normalised = {k: normalised_text(v) for k, v in texts.items()}
    keys = sorted(texts)
    every_pair = {
        (a, b)
        for i, a in enumerate(keys)
        for b in keys[i + 1 :]
        if fuzz.token_set_ratio(normalised[a], normalised[b]) >= NEAR_DUPLICATE_THRESHOLD
    }
    assert pairs == every_pair


def test_the_search_stops_at_the_limit_and_says_so(shipped_library):
    base = shipped_library.requirement("FKI-INT-007")
    same = _requirements({f"D-{i:02d}": base.text.da for i in range(30)}, base)
    found = near_duplicates(same, limit=10)
    assert len(found.pairs) == 10 and found.truncated


def _run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _plant_duplicate(minimal_library):
    req = minimal_library / "requirements" / "organisation.yaml"
    text = req.read_text("utf-8")
    req.write_text(
        text.replace(
            "Systemet skal afspejle en ændring i organisationen inden for én time.",
            "Systemet skal hente kommunens organisation fra Fælleskommunalt Organisationssystem "
            "inden for én time.",
        )
    )


def test_validate_warns_about_near_duplicates_and_stays_valid(capsys, minimal_library):
    _plant_duplicate(minimal_library)
    assert load_library(minimal_library).version  # still a valid library
    code, out, err = _run(capsys, "library", "validate", str(minimal_library))
    assert code == 0
    warning = next(line for line in out.splitlines() if line.startswith("advarsel:"))
    assert "organisation.yaml:" in warning and "[FKI-ORG-001]" in warning
    assert "kravteksten ligner FKI-ORG-002 (token-set-lighed 100 af 100)" in warning
    assert "udfas det andet med replaced_by" in warning
    assert "gyldigt" in out


def test_validate_warning_in_english(capsys, minimal_library, monkeypatch):
    _plant_duplicate(minimal_library)
    monkeypatch.setenv("PROCURE_LANG", "en")
    code, out, _ = _run(capsys, "library", "validate", str(minimal_library))
    assert code == 0
    assert (
        "warning: " in out
        and "the requirement text resembles FKI-ORG-002 (token-set similarity 100 of 100)" in out
    )
