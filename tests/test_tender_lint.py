"""Warnings for choices that make a tender hard to defend: exact codes for crafted tenders built
from the shipped library, and the CLI lines an officer reads."""

from __future__ import annotations

import dataclasses

import pytest

from procure.cli import main
from procure.library import load_release
from procure.tender import (
    CustomRequirement,
    SelectedRequirement,
    lint_tender,
    propose_tender,
    save_tender,
)
from procure.tender.lint import (
    INTEGRATION_SF_UNVERIFIED,
    INTEGRATION_UNVERIFIED_NOTE,
    INTEGRATION_WITHOUT_REQUIREMENT,
    LIBRARY_FACT_CODES,
    MK_NOT_LIBRARY_KIND,
    MK_VAGUE_WORDING,
    PK_TOTAL_WEIGHT_ZERO,
    PK_WITHOUT_WEIGHT,
    published_description,
    unverified_notes,
    vague_words,
)

K_REQUIREMENT = "FKI-INT-003"  # K in the library, text without vague words
VAGUE_PK = "NF-SIK-005"  # PK in the library; its text says "passende" / "appropriate"


@pytest.fixture(scope="module")
def library():
    return load_release("1.0.0")


@pytest.fixture
def tender(library):
    return propose_tender(
        library, title="ESDH", buyer="Eksempel Kommune", category="Y65", date="2026-01-05"
    )


def with_choice(tender, rid, **change):
    """The tender with one selected requirement changed (kind or weight)."""
    requirements = tuple(
        dataclasses.replace(r, **change) if r.id == rid else r for r in tender.requirements
    )
    assert requirements != tender.requirements, f"{rid} is not in the tender"
    return dataclasses.replace(tender, requirements=requirements)


def choices(warnings):
    """The warnings about the officer's choices (the library's unverified facts left out: a
    test of its own below)."""
    return [w for w in warnings if w.code not in LIBRARY_FACT_CODES]


def codes(warnings):
    return [(w.code, w.subject) for w in choices(warnings)]


def test_the_librarys_own_proposal_warns_only_of_what_the_library_has_not_verified(library, tender):
    warnings = lint_tender(tender, library)
    assert codes(warnings) == []
    # Y65 in release 1.0.0: Adgangsstyring for brugere has no verified SF number; the
    # Administrationsmodul has none, which its description says, so it is not warned about
    assert [(w.code, w.subject) for w in warnings] == [
        (INTEGRATION_SF_UNVERIFIED, "adgangsstyring-brugere")
    ]
    assert "intet verificeret SF-nummer" in warnings[0].message.da
    assert "Digitaliseringskataloget" in warnings[0].message.da
    assert "no verified SF number" in warnings[0].message.en


def test_pk_with_weight_zero_is_flagged(library, tender):
    pk = next(r.id for r in library.requirements if r.kind == "PK" and r.id in ids(tender))
    warnings = choices(lint_tender(with_choice(tender, pk, weight=0), library))
    assert codes(warnings) == [(PK_WITHOUT_WEIGHT, pk)]
    assert warnings[0].title == library.requirements_by_id[pk].title


def test_k_made_mk_is_flagged_with_the_librarys_guidance(library, tender):
    warnings = choices(lint_tender(with_choice(tender, K_REQUIREMENT, kind="MK"), library))
    assert codes(warnings) == [(MK_NOT_LIBRARY_KIND, K_REQUIREMENT)]
    requirement = library.requirements_by_id[K_REQUIREMENT]
    assert warnings[0].guidance == requirement.guidance
    assert "biblioteket foreslår K" in warnings[0].message.da
    assert "the library proposes K" in warnings[0].message.en


def test_vague_requirement_made_mk_gets_both_warnings_naming_the_word(library, tender):
    made_mk = with_choice(tender, VAGUE_PK, kind="MK")
    warnings = choices(lint_tender(made_mk, library))
    assert codes(warnings) == [(MK_VAGUE_WORDING, VAGUE_PK), (MK_NOT_LIBRARY_KIND, VAGUE_PK)]
    assert "»passende«" in warnings[0].message.da
    # An English tender is checked against its English text and the English words
    english = choices(lint_tender(dataclasses.replace(made_mk, language="en"), library))
    assert "»appropriate«" in english[0].message.en


def test_local_mk_with_vague_words_is_flagged_and_a_measurable_one_is_not(library, tender):
    vague = CustomRequirement(
        "LOKAL-1",
        "drift",
        "Brugerflade",
        "Systemet skal være brugervenligt og så vidt muligt hurtigt.",
        "MK",
    )
    measurable = CustomRequirement(
        "LOKAL-2", "drift", "Svartid", "Søgning i børnesager svarer inden for 2 sekunder.", "MK"
    )
    warnings = lint_tender(
        dataclasses.replace(tender, custom_requirements=(vague, measurable)), library
    )
    assert codes(warnings) == [(MK_VAGUE_WORDING, "LOKAL-1")]
    assert "»brugervenligt«, »så vidt muligt«, »hurtigt«" in warnings[0].message.da
    assert warnings[0].title.da == "Brugerflade"


def test_pks_with_no_weight_at_all_also_warn_for_the_tender(library, tender):
    pks = [r for r in tender.requirements if library.requirements_by_id[r.id].kind == "PK"]
    weightless = dataclasses.replace(
        tender,
        requirements=tuple(
            dataclasses.replace(r, weight=0) if r in pks else r for r in tender.requirements
        ),
    )
    warnings = choices(lint_tender(weightless, library))
    assert codes(warnings) == [(PK_WITHOUT_WEIGHT, r.id) for r in pks] + [
        (PK_TOTAL_WEIGHT_ZERO, "")
    ]
    assert f"{len(pks)} prioriterede krav" in warnings[-1].message.da
    assert warnings[-1].line("da").startswith("udbuddet har")  # no [ID] for the whole tender


def test_a_tender_without_any_mk_is_fine(library, tender):
    no_mk = dataclasses.replace(
        tender,
        requirements=tuple(
            dataclasses.replace(r, kind="K") if library.requirements_by_id[r.id].kind == "MK" else r
            for r in tender.requirements
        ),
    )
    assert codes(lint_tender(no_mk, library)) == []


def test_chosen_integration_without_any_included_requirement(library, tender):
    assert "cpr" in tender.integrations
    without_cpr = dataclasses.replace(
        tender,
        requirements=tuple(
            r
            for r in tender.requirements
            if "cpr" not in library.requirements_by_id[r.id].integrations
        ),
    )
    warnings = choices(lint_tender(without_cpr, library))
    assert codes(warnings) == [(INTEGRATION_WITHOUT_REQUIREMENT, "cpr")]
    assert "FKI-INT-021, FKI-INT-022" in warnings[0].message.da
    assert warnings[0].title == library.integrations_by_id["cpr"].name


def test_an_integration_added_only_as_a_dependency_is_not_flagged(library):
    tender = propose_tender(
        library,
        title="ESDH",
        buyer="Eksempel Kommune",
        category="Y65",
        integrations=["sags-og-dokumentindeks"],
    )
    # klassifikation comes in because the index needs it; the officer did not choose it
    without_klassifikation = dataclasses.replace(
        tender,
        requirements=tuple(
            r
            for r in tender.requirements
            if "klassifikation" not in library.requirements_by_id[r.id].integrations
        ),
    )
    assert codes(lint_tender(without_klassifikation, library)) == []


def test_unknown_ids_are_left_to_resolve(library, tender):
    unknown = dataclasses.replace(
        tender, requirements=(*tender.requirements, SelectedRequirement("FKI-XXX-999", kind="MK"))
    )
    assert codes(lint_tender(unknown, library)) == []


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Systemet SKAL være Brugervenligt.", "da", ("brugervenligt",)),
        ("Leverandøren bør sikre børns data", "da", ("bør",)),  # not "børns"
        ("Det skal være let  at\nbruge", "da", ("let at",)),
        ("Svartid under 2 sekunder; fast pris", "da", ()),  # "fast" is English only
        ("It should be user-friendly and EASY", "en", ("should", "user-friendly", "easy")),
        ("The shoulder of a fastener", "en", ()),  # whole words only
    ],
)
def test_vague_words_match_whole_words_in_any_case(text, language, expected):
    assert vague_words(text, language) == expected


# -- The command line ---------------------------------------------------------------------------


def test_validate_prints_warnings_after_the_valid_line_and_still_exits_0(
    library, tender, tmp_path, capsys
):
    path = tmp_path / "tender.yaml"
    save_tender(with_choice(tender, K_REQUIREMENT, kind="MK"), path)
    code = main(["tender", "validate", str(path)])
    lines = capsys.readouterr().out.splitlines()
    assert code == 0
    assert "gyldigt" in lines[0]
    warning = next(i for i, line in enumerate(lines) if line.startswith("advarsel:"))
    assert lines[warning] == (
        f"advarsel: [{K_REQUIREMENT}] gjort til mindstekrav (MK), men biblioteket foreslår K: et "
        "MK udelukker ethvert tilbud, der ikke opfylder det, og skal kunne begrundes – se "
        "bibliotekets vejledning"
    )
    guidance = library.requirements_by_id[K_REQUIREMENT].guidance.da
    assert lines[warning + 1] == f"  vejledning: {guidance}"


def test_validate_of_the_proposal_prints_only_the_unverified_sf_number(tender, tmp_path, capsys):
    path = tmp_path / "tender.yaml"
    save_tender(tender, path)
    assert main(["tender", "validate", str(path)]) == 0
    warnings = [line for line in capsys.readouterr().out.splitlines() if "advarsel" in line]
    assert warnings == [
        "advarsel: [adgangsstyring-brugere] kravbiblioteket har intet verificeret SF-nummer for "
        "integrationen, så bilaget viser »–« i kolonnen SF-numre – kontrollér nummeret i "
        "Digitaliseringskataloget, og skriv det i et lokalt krav, hvis leverandøren skal bruge "
        "en bestemt service"
    ]


def test_every_unverified_note_of_an_integration_the_annex_names_is_a_warning(tmp_path, capsys):
    """Release 1.1.0, a social-area tender: Ydelsesindeks has no verified SF number (its
    description's own note on it is not repeated), and the Sags- og Dokumentindeks description
    has a sentence saying something is not verified. Both are for the officer; the annex
    leaves them out (tests/test_documents_docx.py)."""
    library = load_release("1.1.0")
    tender = propose_tender(
        library,
        title="Sagsbehandlingssystem",
        buyer="Eksempel Kommune",
        category="Y26",
        integrations=["ydelsesindeks", "administrationsmodul"],
        date="2026-12-06",
    )
    warnings = [w for w in lint_tender(tender, library) if w.code in LIBRARY_FACT_CODES]
    assert [(w.code, w.subject) for w in warnings] == [
        (INTEGRATION_UNVERIFIED_NOTE, "sags-og-dokumentindeks"),
        (INTEGRATION_SF_UNVERIFIED, "ydelsesindeks"),
    ]
    assert warnings[0].message.da == (
        "bibliotekets beskrivelse har en oplysning, der ikke er verificeret, og som derfor ikke "
        "står i bilaget: »Om et leverende system også skal bruge Beskedfordeleren, er ikke "
        "verificeret.« – kontrollér den, hvis den har betydning for udbuddet"
    )
    assert "“Whether a delivering system must also use the Message Broker is not verified.”" in (
        warnings[0].message.en
    )
    path = tmp_path / "tender.yaml"
    save_tender(tender, path)
    assert main(["tender", "validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert "advarsel: [ydelsesindeks] kravbiblioteket har intet verificeret SF-nummer" in out
    assert "advarsel: [sags-og-dokumentindeks] bibliotekets beskrivelse har en oplysning" in out
    assert "administrationsmodul" not in out.split("advarsel", 1)[1]


@pytest.mark.parametrize(
    ("description", "published", "notes"),
    [
        (
            "Indeks over ydelser. Hver bevilling har en sag i Sags- og Dokumentindekset. "
            "(SF-nummeret er ikke verificeret; kontrollér det i Digitaliseringskataloget.)",
            "Indeks over ydelser. Hver bevilling har en sag i Sags- og Dokumentindekset.",
            ("(SF-nummeret er ikke verificeret; kontrollér det i Digitaliseringskataloget.)",),
        ),
        (
            "I produktion siden 14. august 2023 (SF1470's operationer Slet og Fjern). Om SF2250 "
            "stadig udbydes, er ikke verificeret; det må ikke kræves. Har ingen SF-service.",
            "I produktion siden 14. august 2023 (SF1470's operationer Slet og Fjern). Har ingen "
            "SF-service.",
            ("Om SF2250 stadig udbydes, er ikke verificeret; det må ikke kræves.",),
        ),
        ("Whether it is offered is not verified.", "", ("Whether it is offered is not verified.",)),
        ("Kun kendte fakta (xx.xx.xx).", "Kun kendte fakta (xx.xx.xx).", ()),
    ],
)
def test_descriptions_lose_exactly_their_unverified_sentences(description, published, notes):
    assert published_description(description) == published
    assert unverified_notes(description) == notes


def ids(tender) -> set[str]:
    return {r.id for r in tender.requirements}
