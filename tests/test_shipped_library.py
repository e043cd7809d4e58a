"""The shipped library meets its content rules and stays within DOMAIN.md's facts.

Release 1.1.0 corrected facts (issue 13 section 4) and made the library defensible (issue 18);
each correction is pinned here by the text, number or label a reader relies on."""

import re
from collections import Counter

import pytest

from procure.library import load_release, read_release_file
from procure.tender.lint import vague_words
from tests.conftest import SHIPPED_LIBRARY

KOMBIT_AREAS = ("systemoverblik", "drift", "brugerstyring", "kle", "organisation", "indkob")
SF = re.compile(r"SF\d{4}(?:_[A-Z0-9]+)?")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def test_shipped_library_is_valid_and_released(shipped_library):
    assert shipped_library.version == "1.1.0"
    release = read_release_file(SHIPPED_LIBRARY / "releases" / "1.1.0.json")
    assert release.to_data() == shipped_library.to_data()


def test_release_1_0_0_is_kept_as_it_was():
    old = load_release("1.0.0", SHIPPED_LIBRARY)
    assert old.version == "1.0.0" and [c.version for c in old.changelog] == ["1.0.0"]
    # the wrong fact of 1.0.0 stays in 1.0.0: tenders pinned to it rebuild the same texts
    assert "SF1512 eller SF1514" in _one_line(old.requirement("FKI-INT-001").text.da)
    assert all(r.active for r in old.requirements)


def test_changelog_says_what_changed_and_why(shipped_library):
    entry = shipped_library.changelog[0]
    assert entry.version == "1.1.0"
    for phrase in ("SF1514", "SF1472", "arkivlovens § 7", "Rigsarkivet", "replaced_by", "NIS 2"):
        assert phrase in entry.summary.da, phrase
    for phrase in ("SF1514", "Rigsarkivet", "replaced_by", "Data Act", "AI functionality"):
        assert phrase in entry.summary.en, phrase


def test_content_counts(shipped_library):
    active = shipped_library.active_requirements
    assert len(active) == 102
    assert len(shipped_library.requirements) == 119
    per_area = Counter(r.area for r in active)
    for area in KOMBIT_AREAS:
        assert per_area[area] >= 5, area
    for area in ("sikkerhed", "tilgaengelighed", "arkivering"):
        assert per_area[area] >= 3, area
    assert Counter(r.kind for r in active) == {"MK": 15, "PK": 13, "K": 70, "O": 4}


def test_every_active_integration_has_an_integration_requirement(shipped_library):
    covered = {
        i
        for r in shipped_library.active_requirements
        if r.area == "integration"
        for i in r.integrations
    }
    active = {i.id for i in shipped_library.integrations if i.status == "active"}
    assert active <= covered


def test_integration_requirements_name_verified_sf_numbers(shipped_library):
    for r in shipped_library.active_requirements:
        if r.area != "integration" or len(r.integrations) != 1:
            continue
        integration = shipped_library.integrations_by_id[r.integrations[0]]
        named = set(SF.findall(r.text.da))
        assert named <= {sf.number for sf in integration.sf_numbers} | {"SF1460_A"}, r.id
        if integration.sf_numbers and r.kind == "MK":
            assert named, f"{r.id} should name the SF numbers of {integration.id}"


def test_no_unverified_fact_is_stated(shipped_library):
    catalogue = shipped_library.integrations_by_id
    assert catalogue["ydelsesindeks"].sf_numbers == ()
    assert catalogue["adgangsstyring-brugere"].sf_numbers == ()
    for r in shipped_library.requirements:
        for text in (r.text.da, r.text.en, r.guidance.da, r.answer.da):
            assert not re.search(r"SF15[678]0", text), r.id
            assert "1007" not in text, r.id
        # SF1600 (print) is retired: it may be mentioned as retired, never demanded
        assert "SF1600" not in r.text.da or "udfase" in r.text.da, r.id
    for r in shipped_library.active_requirements:
        # SF2250 and SF6004 are unverified: named only in guidance that says so
        for text in (r.title.da, r.text.da, r.text.en, r.answer.da, r.answer.en):
            assert "SF2250" not in text and "SF6004" not in text, r.id
        for text in (r.guidance.da, r.guidance.en):
            if "SF2250" in text:
                assert "ikke verificeret" in text or "not verified" in text, r.id
    guidance = _one_line(shipped_library.requirement("FKI-INT-021").guidance.da)
    assert "Ikke verificeret: ifølge én oplysning afregnes SF6004" in guidance
    assert "SF2250" not in str([sf.number for i in catalogue.values() for sf in i.sf_numbers])


def test_integration_dependencies_follow_the_catalogue(shipped_library):
    closure = shipped_library.integration_closure(["sags-og-dokumentindeks"])
    assert set(closure) == {
        "sags-og-dokumentindeks",
        "klassifikation",
        "organisation",
        "adgangsstyring-systemer",
        "administrationsmodul",
    }
    assert set(shipped_library.integrations_by_id["ydelsesindeks"].depends_on) == {
        "sags-og-dokumentindeks",
        "adgangsstyring-systemer",
    }


def test_released_version_loads_by_number():
    library = load_release("1.1.0", SHIPPED_LIBRARY)
    assert library.requirement("FKI-KLE-001").kind == "MK"


# -- issue 13, section 4: wrong facts ----------------------------------------------------------


def _labels(library, integration):
    return {
        sf.number: (sf.label.da, sf.label.en)
        for sf in library.integrations_by_id[integration].sf_numbers
    }


def test_sf1514_issues_tokens_and_sf1512_exposes_a_service(shipped_library):
    labels = _labels(shipped_library, "adgangsstyring-systemer")
    assert labels["SF1514"] == (
        "Udsted token (Security Token Service)",
        "Issue token (Security Token Service)",
    )
    assert labels["SF1512"] == (
        "Udstil service med Token-sikkerhed",
        "Expose a service with token security",
    )
    fetch = _one_line(shipped_library.requirement("FKI-INT-001").text.da)
    assert "via SF1514" in fetch and "SF1512" not in fetch
    assert "Security Token Service 2" in fetch
    expose = shipped_library.requirement("FKI-INT-028")
    assert expose.active and "Udstiller systemet selv en service" in expose.text.da
    assert "SF1512 (Udstil service med Token-sikkerhed)" in _one_line(expose.text.da)


def test_sf1472_is_the_control_case_service_not_an_index_service(shipped_library):
    labels = _labels(shipped_library, "sags-og-dokumentindeks")
    assert labels["SF1472"][0] == "Hent borgers kontrolsager fra anden sektor"
    description = _one_line(
        shipped_library.integrations_by_id["sags-og-dokumentindeks"].description.da
    )
    assert "ikke en supplerende indeksservice" in description
    for r in shipped_library.active_requirements:
        assert "SF1472" not in r.text.da + r.answer.da, r.id
    assert (
        "Hent borgers kontrolsager fra anden sektor"
        in shipped_library.requirement("FKI-INT-011").guidance.da
    )


def test_archive_is_the_section_7_archive_or_rigsarkivet_named_in_the_tender(shipped_library):
    r = shipped_library.requirement("NF-ARK-003")
    text = _one_line(r.text.da)
    assert "det offentlige arkiv, som udbudsmaterialet angiver" in text
    assert (
        "kommunens arkiv efter arkivlovens § 7 (eget eller fælles med andre kommuner) "
        "eller Rigsarkivet" in text
    )
    assert "bistå kommunen med afleveringen" in text
    assert "kommunens eget offentlige arkiv" not in text
    assert "Afleveringen er kommunens pligt" in r.guidance.da
    assert any(ref.clause == "§ 7" and "Arkivloven" in ref.title for ref in r.references)


def test_accessibility_guidance_does_not_exempt_internal_systems(shipped_library):
    guidance = _one_line(shipped_library.requirement("NF-TIL-001").guidance.da)
    assert "udelad det, hvis systemet kun bruges internt" not in guidance
    assert "Interne systemer er ikke bare uden for" in guidance
    assert "EN 301 549 er også den almindelige indkøbsstandard" in guidance


def test_organisation_source_system_mk_has_a_number(shipped_library):
    r = shipped_library.requirement("FKI-ORG-005")
    assert r.kind == "MK" and "senest 5 minutter efter" in _one_line(r.text.da)
    for req in shipped_library.active_requirements:
        assert "få minutter" not in req.text.da, req.id


def test_weaker_points_checked(shipped_library):
    catalogue = shipped_library.integrations_by_id
    users = _one_line(catalogue["adgangsstyring-brugere"].description.da)
    assert "OIOSAML 2 og OIOSAML 3" in users and "Context Handler 2" in users
    assert "udfasede" not in shipped_library.requirement("FKI-INT-017").text.da
    assert "som SF1461 og SF1462 afløser" in _one_line(
        shipped_library.requirement("FKI-INT-017").text.da
    )
    aliases = catalogue["sags-og-dokumentindeks"].aliases
    assert "STS Sagsindeks" not in aliases and "STS Dokumentindeks" not in aliases
    assert "Støttesystemet Sags- og Dokumentindeks" in aliases
    assert "Usikkert: hvor i SF2900's format" in _one_line(
        shipped_library.requirement("FKI-KLE-010").guidance.da
    )
    assert shipped_library.kle_by_number["34"].title == "Hjælp og støtte efter barnets lov"
    for r in shipped_library.active_requirements:
        for ref in r.references:
            if ref.clause and ref.clause.startswith("§ 160"):
                assert "(ikke kravets indhold)" in ref.title, r.id
    links = lambda rid: {ref.link for ref in shipped_library.requirement(rid).references}  # noqa: E731
    assert "https://digitaliseringskataloget.dk/adgangsstyring-systemer" not in links("FKI-DRF-005")
    assert "https://digitaliseringskataloget.dk/integration/sf6002" in links("FKI-INT-022")
    assert "https://digitaliseringskataloget.dk/integration/sf1601" in links("FKI-INT-024")
    deletion = _one_line(shipped_library.requirement("FKI-INT-013").text.da)
    assert "(Passivér, Slet, Kassér eller Fjern)" in deletion


def test_danish_wording(shipped_library):
    assert "sende beskeder om sine forretningshændelser" in _one_line(
        shipped_library.requirement("FKI-INT-017").text.da
    )
    assert "offentliggøre" not in shipped_library.requirement("FKI-INT-017").text.da
    assert "har set, fremsøgt eller udtrukket" in _one_line(
        shipped_library.requirement("NF-SIK-007").text.da
    )
    kitos = _one_line(shipped_library.requirement("FKI-OVB-006").text.da)
    assert kitos.startswith(
        "Leverandøren skal senest ved idriftsættelse levere kommunen de oplysninger"
    )
    assert "sikre" not in kitos
    for r in shipped_library.active_requirements:
        danish = " ".join((r.title.da, r.text.da, r.guidance.da, r.answer.da))
        assert not re.search(r"(?<!bruger)systemrolle", danish.casefold()), r.id
        for word in ("straks", "frist, som aftales", "periode, kommunen fastsætter", "dataflow"):
            assert word not in r.text.da, (r.id, word)
        assert not re.search(r"\brelease", r.text.da + r.answer.da), r.id


# -- issue 18: a library an officer can defend -------------------------------------------------


def test_every_mk_is_worded_to_be_decided_yes_or_no(shipped_library):
    mks = [r for r in shipped_library.active_requirements if r.kind == "MK"]
    assert {r.id for r in mks} == {
        "FKI-OVB-001", "FKI-INT-001", "FKI-INT-002", "FKI-INT-007", "FKI-KLE-001",
        "FKI-ORG-005", "FKI-BRG-001", "FKI-BRG-002", "FKI-BRG-003", "FKI-IND-010",
        "NF-SIK-001", "NF-SIK-002", "NF-SIK-013", "NF-SIK-015", "NF-TIL-001",
    }  # fmt: skip
    for r in mks:
        assert vague_words(r.title.da + " " + r.text.da, "da") == (), r.id
        assert vague_words(r.title.en + " " + r.text.en, "en") == (), r.id
        assert "understøtte" not in r.text.da, r.id


@pytest.mark.parametrize(
    ("rid", "phrase"),
    [
        ("FKI-INT-002", "senest 20 arbejdsdage før overtagelsesprøven"),
        ("FKI-BRG-003", "senest 20 arbejdsdage før overtagelsesprøven"),
        ("FKI-INT-007", "inden for fristen i FKI-ORG-003"),
        ("FKI-OVB-001", "Tilbuddet skal indeholde et skema med én række for hver integration"),
        ("FKI-IND-010", "senest 30 dage efter kontraktens ophør uden beregning"),
        (
            "FKI-IND-010",
            "Et eksempeludtræk i samme format skal godkendes af kommunen ved overtagelsesprøven",
        ),
        (
            "NF-SIK-001",
            "acceptere kommunens databehandleraftale, der er vedlagt udbudsmaterialet som bilag, "
            "uden ændringer",
        ),
        ("NF-SIK-002", "Tilbuddet skal indeholde en liste over alle underdatabehandlere"),
        (
            "FKI-BRG-001",
            "Systemet skal afvise et login, der ikke bygger på en gyldig SAML-assertion",
        ),
        ("NF-SIK-013", "senest 24 timer efter"),
        (
            "NF-SIK-015",
            "Tilbuddet skal indeholde en erklæring om, hvorvidt systemet indeholder "
            "AI-funktionalitet",
        ),
    ],
)
def test_mandatory_requirements_name_what_is_checked(shipped_library, rid, phrase):
    r = shipped_library.requirement(rid)
    assert r.kind == "MK" and phrase in _one_line(r.text.da)


def test_pks_say_what_is_valued_and_how_it_is_evaluated(shipped_library):
    pks = [r for r in shipped_library.active_requirements if r.kind == "PK"]
    assert len(pks) == 13
    for r in pks:
        text = _one_line(r.text.da)
        assert text.startswith("Kommunen vægter positivt"), r.id
        assert "; evalueres " in text and " skal " not in f" {text} ", r.id
        assert r.text.en.startswith("The municipality values") and "evaluated" in r.text.en, r.id


@pytest.mark.parametrize(
    "rid",
    ["FKI-DRF-002", "FKI-DRF-004", "FKI-DRF-007", "FKI-ORG-003", "FKI-KLE-003", "FKI-INT-012"],
)
def test_thresholds_are_k(shipped_library, rid):
    assert shipped_library.requirement(rid).kind == "K"


def test_thresholds_with_a_published_scale(shipped_library):
    org = _one_line(shipped_library.requirement("FKI-ORG-011").text.da)
    assert "4 timer eller mindre giver fuld point, 24 timer giver 0 point" in org
    drf = _one_line(shipped_library.requirement("FKI-DRF-003").text.da)
    assert (
        "servicemålet på 8 timer i FKI-DRF-010" in drf
        and "2 timer eller mindre giver fuld point" in drf
    )
    sla = _one_line(shipped_library.requirement("FKI-DRF-010").text.da)
    for phrase in (
        "99,5 %",
        "varsles mindst 10 arbejdsdage før",
        "planlagt vedligeholdelse, som KOMBIT",
        "løses inden 8 timer",
    ):
        assert phrase in sla, phrase
    assert "senest 15 minutter" in _one_line(shipped_library.requirement("FKI-INT-012").text.da)
    assert "senest 10 arbejdsdage" in _one_line(shipped_library.requirement("FKI-KLE-003").text.da)
    assert "i 3 måneder" in _one_line(shipped_library.requirement("FKI-DRF-011").text.da)


def test_options_have_a_unit_and_a_price_line(shipped_library):
    assert "timeprisen gange 40 timer" in _one_line(
        shipped_library.requirement("FKI-BRG-010").text.da
    )
    assert "fast pris pr. påbegyndt 1.000 sager" in _one_line(
        shipped_library.requirement("FKI-KLE-011").text.da
    )
    nemsms = _one_line(shipped_library.requirement("FKI-INT-026").text.da)
    assert "fast engangspris for etablering og en fast årlig pris for drift" in nemsms
    assert "fast pris pr. arkiveringsversion" in _one_line(
        shipped_library.requirement("NF-ARK-005").text.da
    )


def test_data_protection_law_is_mandatory_not_a_k(shipped_library):
    dba = _one_line(shipped_library.requirement("NF-SIK-001").text.da)
    assert (
        "kun efter databeskyttelsesforordningens kapitel V" in dba and "tilsyn og revision" in dba
    )
    assert shipped_library.requirement("NF-SIK-005").kind == "K"
    assert (
        shipped_library.requirement("NF-SIK-011").weight
        >= shipped_library.requirement("FKI-DRF-003").weight
    )


def test_the_seeds_tasks_have_requirements(shipped_library):
    notices = _one_line(shipped_library.requirement("FKI-DRF-001").text.da)
    assert (
        "abonnere på de drifts- og versionsmeddelelser" in notices
        and "registrere, hvornår" in notices
    )
    assert "Usikkert: hvilken kanal" in _one_line(
        shipped_library.requirement("FKI-DRF-001").guidance.da
    )
    errors = _one_line(shipped_library.requirement("FKI-DRF-012").text.da)
    assert "integrationens navn og SF-nummer" in errors and "korrelations-id" in errors
    kle = _one_line(shipped_library.requirement("FKI-KLE-012").text.da)
    assert "senest 30 dage efter anmodningen" in kle and "prisbilaget" in kle
    ski = shipped_library.requirement("FKI-IND-004")
    assert "skal systemet opfylde de integrationskrav (I-krav)" in _one_line(ski.text.da)
    assert "Usikkert: om SKI 02.19 (2023) i sig selv binder leverandøren" in _one_line(
        ski.guidance.da
    )
    profile = _one_line(shipped_library.requirement("FKI-IND-001").guidance.da)
    assert "Mindsteprofil ved indkøb uden for it-afdelingen" in profile
    for rid in re.findall(r"(?:FKI|NF)-[A-Z]{3}-\d{3}", profile.split("Mindsteprofil")[1]):
        assert shipped_library.requirement(rid).active, rid


def test_the_law_and_catalogue_of_2026(shipped_library):
    login = _one_line(shipped_library.requirement("FKI-BRG-001").text.da)
    assert "Context Handler 2" in login and "OIOSAML 3" in login
    assert "NSIS-sikringsniveau, som udbudsmaterialet angiver" in login
    admin = _one_line(shipped_library.integrations_by_id["administrationsmodul"].description.da)
    assert (
        "bruges af leverandører, der registrerer deres systemer og anmoder om serviceaftaler"
        in admin
    )
    assert [sf.number for sf in shipped_library.integrations_by_id["cpr"].sf_numbers] == [
        "SF1520", "SF1525", "SF1320_A", "SF6002",
    ]  # fmt: skip
    assert (
        "SF6002 (CPR Abonnement) må kun bruges, hvor systemet har brug for en første fuld "
        "indlæsning" in _one_line(shipped_library.requirement("FKI-INT-022").text.da)
    )
    assert [sf.number for sf in shipped_library.integrations_by_id["nemsms"].sf_numbers] == [
        "SF1601"
    ]
    nis2 = shipped_library.requirement("NF-SIK-012")
    assert (
        nis2.references[0].clause == "§ 6"
        and "lov nr. 434 af 6. maj 2025" in nis2.references[0].title.casefold()
    )
    assert "flerfaktorautentifikation for al administrativ adgang" in _one_line(nis2.text.da)
    assert "ISAE 3000" in shipped_library.requirement("NF-SIK-014").text.da
    exit_terms = _one_line(shipped_library.requirement("FKI-IND-011").text.da)
    for phrase in (
        "varsel på højst 2 måneder",
        "overgangsperiode på 30 dage",
        "mindst 30 dage til at hente alle data og metadata",
        "uden beregning",
    ):
        assert phrase in exit_terms, phrase
    assert "12. januar 2027" in shipped_library.requirement("FKI-IND-011").guidance.da
    ai = shipped_library.requirement("NF-SIK-015")
    assert "2. august 2026" in _one_line(ai.text.da) and "ContainsAITechnology" in ai.guidance.da


def test_new_and_changed_requirements_are_complete_in_both_languages(shipped_library):
    old = load_release("1.0.0", SHIPPED_LIBRARY)
    for r in shipped_library.requirements:
        before = old.requirements_by_id.get(r.id)
        if before is not None and before.to_data() == r.to_data():
            continue
        for field in (r.title, r.text, r.guidance, r.answer):
            assert field.da.strip() and field.en.strip(), r.id
        assert r.references, r.id
        if before is None:
            assert r.since == "1.1.0", r.id
