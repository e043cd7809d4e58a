"""The FKI portfolio on SQLite and on a real PostgreSQL: what is hit, what is missing, what
an import does, and that nothing is ever half-written.

The expected results are worked out by hand from release 1.0.0 of the shipped library (its
`depends_on` and category recommendations), which the tests pin; tests/portfolio_files/
systemer.csv is the portfolio of eight systems they use.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select

from procure.errors import ProcureError
from procure.i18n import language
from procure.portfolio.catalogue import match_interface, resolve_component
from procure.portfolio.coverage import add_months, coverage_of
from procure.portfolio.impact import impact_of, paths_to
from procure.portfolio.importers import read_import_bytes, read_import_file
from procure.portfolio.models import audit, systems
from procure.portfolio.records import ImportRejected, SystemRecord, parse_owner
from procure.portfolio.store import PortfolioStore
from tests.samples import shipped_release

FILES = Path(__file__).parent / "portfolio_files"
SAMPLE_CSV = FILES / "systemer.csv"
KITOS = FILES / "kitos-usages.json"
TODAY = dt.date(2026, 12, 1)


@pytest.fixture
def library():
    return shipped_release()  # 1.0.0, pinned: the expectations below are worked out from it


def sample_store(url: str, library) -> PortfolioStore:
    store = PortfolioStore(url, library=library)
    batch = read_import_file(SAMPLE_CSV, library)
    store.import_rows(list(batch.rows), source=SAMPLE_CSV.name, actor="test")
    return store


def counts(store: PortfolioStore) -> tuple[int, int]:
    with store.engine.connect() as conn:
        return (
            conn.execute(select(func.count()).select_from(systems)).scalar_one(),
            conn.execute(select(func.count()).select_from(audit)).scalar_one(),
        )


def csv_bytes(*rows: str, header: str | None = None) -> bytes:
    header = header or SAMPLE_CSV.read_text("utf-8").splitlines()[0]
    return ("\n".join((header, *rows)) + "\n").encode("utf-8")


# -- Impact ------------------------------------------------------------------------------------


def test_organisation_down_hits_exactly_these_systems_by_these_paths(database_url, library):
    store = sample_store(database_url, library)
    impact = impact_of("organisation", store.systems(), library)
    assert [(a.system, a.criticality, a.business_area, a.via) for a in impact.affected] == [
        ("ESDH Acadre", "høj", "Administration", ("sags-og-dokumentindeks", "organisation")),
        ("Fagsystem Børn", "høj", "Børn og familie", ("organisation",)),
        ("HR-system", "middel", "HR", ("organisation",)),
        (
            "Ydelsessystem",
            "middel",
            "Økonomi",
            ("ydelsesindeks", "sags-og-dokumentindeks", "organisation"),
        ),
        ("Borgerservice kø", "lav", "Borgerservice", ("organisation",)),
    ]
    # Bookingsystem (cpr, digital-post), Vejsystem (none) and Klassifikationsværktøj
    # (klassifikation) do not depend on Organisation
    assert impact.to_data()["affected"][0] == {
        "system": "ESDH Acadre",
        "business_area": "Administration",
        "owner": "Ane Hansen <ane@kommune.dk>",
        "criticality": "høj",
        "channel": "Teams: ESDH-drift",
        "via": ["sags-og-dokumentindeks", "organisation"],
    }


def test_impact_groups_by_business_area_most_critical_first(library):
    portfolio = [
        SystemRecord("B", business_area="Teknik", criticality="lav", integrations=("cvr",)),
        SystemRecord("A", business_area="Teknik", criticality="høj", integrations=("cpr",)),
        SystemRecord("C", business_area="Børn", criticality="middel", integrations=("cpr",)),
        SystemRecord("D", business_area="Aaa", criticality="lav", integrations=("cpr",)),
    ]
    impact = impact_of("adgangsstyring-systemer", portfolio, library)
    assert [(area, [a.system for a in items]) for area, items in impact.by_business_area()] == [
        ("Teknik", ["A", "B"]),
        ("Børn", ["C"]),
        ("Aaa", ["D"]),
    ]
    # The JSON order: criticality, then business area, then name
    assert [(a.system, a.via) for a in impact.affected] == [
        ("A", ("cpr", "adgangsstyring-systemer")),
        ("C", ("cpr", "adgangsstyring-systemer")),
        ("D", ("cpr", "adgangsstyring-systemer")),
        ("B", ("cvr", "adgangsstyring-systemer")),
    ]


def test_paths_follow_depends_on_and_take_the_shortest(library):
    paths = paths_to("organisation", library)
    assert paths["organisation"] == ("organisation",)
    assert paths["sags-og-dokumentindeks"] == ("sags-og-dokumentindeks", "organisation")
    assert paths["ydelsesindeks"] == ("ydelsesindeks", "sags-og-dokumentindeks", "organisation")
    assert "cpr" not in paths and "administrationsmodul" not in paths


def test_nothing_hit_is_an_empty_answer(library):
    impact = impact_of("nemsms", [SystemRecord("X", integrations=("cpr",))], library)
    assert impact.affected == () and impact.to_data()["affected"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("organisation", "organisation"),
        ("SF1461", "beskedfordeler"),
        ("sf 1500", "organisation"),
        ("beskedfordeler", "beskedfordeler"),
        ("STS Organisation", "organisation"),
        ("Fælleskommunalt Organisationssystem", "organisation"),
        ("  security   token service ", "adgangsstyring-systemer"),
    ],
)
def test_a_component_is_found_by_id_sf_number_name_or_alias(library, text, expected):
    assert resolve_component(text, library) == expected


def test_an_unknown_component_names_the_nearest(library):
    with pytest.raises(ProcureError) as caught:
        resolve_component("organisatoin", library)
    assert str(caught.value) == "ukendt integration 'organisatoin'; nærmeste: organisation (SF1500)"
    with language("en"):
        assert str(caught.value) == (
            "unknown integration 'organisatoin'; nearest: organisation (SF1500)"
        )


def test_kitos_interfaces_are_matched_by_sf_number_name_or_exposing_system(library):
    assert match_interface(["SF1470 Sags- og Dokumentindeks"], library) == (
        "sags-og-dokumentindeks"
    )
    assert match_interface(["", "Fælleskommunal Beskedfordeler"], library) == "beskedfordeler"
    assert match_interface(["SF1601 Postkomponent - Afsend"], library) == "digital-post"
    assert match_interface(["Lønudtræk", "Lønsystem"], library) is None


# -- Coverage ----------------------------------------------------------------------------------


def test_coverage_names_the_gaps_and_the_contracts_that_end_soonest_first(database_url, library):
    store = sample_store(database_url, library)
    coverage = coverage_of(store.systems(), library, months=24, today=TODAY)
    assert [g.to_data() for g in coverage.gaps] == [
        {
            "system": "Bookingsystem",
            "category": "Y24",
            "missing": [
                "klassifikation",
                "organisation",
                "sags-og-dokumentindeks",
                "ydelsesindeks",
                "adgangsstyring-brugere",
                "nemsms",
                "oekonomi",
            ],
        },
        {
            "system": "ESDH Acadre",
            "category": "Y65",
            "missing": ["fordelingskomponent", "adgangsstyring-brugere", "cpr", "cvr"],
        },
        {
            "system": "Fagsystem Børn",
            "category": "Y26",
            "missing": [
                "beskedfordeler",
                "fordelingskomponent",
                "adgangsstyring-brugere",
                "digital-post",
                "oekonomi",
            ],
        },
        {
            "system": "HR-system",
            "category": "Y60",
            "missing": ["klassifikation", "sags-og-dokumentindeks", "cpr", "digital-post"],
        },
        {
            "system": "Vejsystem",
            "category": "Y52",
            "missing": [
                "klassifikation",
                "organisation",
                "sags-og-dokumentindeks",
                "adgangsstyring-brugere",
                "adgangsstyring-systemer",
                "administrationsmodul",
            ],
        },
        {
            "system": "Ydelsessystem",
            "category": "Y67",
            "missing": ["adgangsstyring-brugere", "cpr", "cvr", "digital-post", "oekonomi"],
        },
    ]
    # HR-system's contract ended yesterday; Fagsystem Børn's ends after 24 months; the
    # last day of the window (1 Dec 2028) is inside it
    assert [(e.system, e.contract_end.isoformat()) for e in coverage.expiring] == [
        ("Bookingsystem", "2027-01-31"),
        ("ESDH Acadre", "2027-06-30"),
        ("Ydelsessystem", "2028-12-01"),
    ]
    assert coverage.expiring[1].missing == coverage.gaps[1].missing
    shorter = coverage_of(store.systems(), library, months=6, today=TODAY)
    assert [e.system for e in shorter.expiring] == ["Bookingsystem"]


def test_the_matrix_tells_used_from_implied_and_missing(library):
    system = SystemRecord("ESDH", category="Y65", integrations=("sags-og-dokumentindeks",))
    coverage = coverage_of([system], library, today=TODAY)
    cells = dict(zip(coverage.integrations, coverage.matrix[0].cells, strict=True))
    assert cells["sags-og-dokumentindeks"] == "used"
    assert cells["organisation"] == "implied"  # the index depends on it
    assert cells["digital-post"] == "missing"  # recommended for Y65
    assert cells["nemsms"] == ""  # neither


def test_a_system_without_integrations_or_category_still_shows(library):
    coverage = coverage_of([SystemRecord("Intet")], library, today=TODAY)
    assert [row.system for row in coverage.matrix] == ["Intet"]
    assert set(coverage.matrix[0].cells) == {""} and coverage.gaps == ()


def test_add_months_clamps_to_the_month_end():
    assert add_months(dt.date(2026, 8, 31), 6) == dt.date(2027, 2, 28)
    assert add_months(dt.date(2026, 12, 1), 24) == dt.date(2028, 12, 1)


# -- Store: transactions, audit, history ------------------------------------------------------


def test_add_edit_remove_keep_who_when_and_what(database_url, library):
    store = PortfolioStore(database_url, library=library)
    store.add(
        SystemRecord(
            "Sag",
            vendor="V",
            business_area="A",
            owner_email="a@k.dk",
            criticality="høj",
            integrations=("organisation",),
        ),
        actor="ane",
    )
    record, changed = store.edit(
        "SAG", {"criticality": "lav", "integrations": ("organisation", "cpr")}, actor="bo"
    )
    assert changed == ("integrations", "criticality")
    assert record.integrations == ("cpr", "organisation")
    assert store.edit("Sag", {"criticality": "lav"}, actor="bo") == (record, ())
    store.remove("sag", actor="carla")
    assert store.systems() == []
    assert [s.name for s in store.systems(include_removed=True)] == ["Sag"]
    history = store.history("Sag")
    assert [(h.actor, h.action, h.field, h.old, h.new) for h in history[1:]] == [
        ("bo", "edit", "integrations", ["organisation"], ["cpr", "organisation"]),
        ("bo", "edit", "criticality", "høj", "lav"),
        ("carla", "remove", "removed", False, True),
    ]
    assert history[0].action == "add" and history[0].new["criticality"] == "høj"
    assert all(h.at.tzinfo is not None for h in history)
    # The name is free again, and the old system's history stays its own
    store.add(SystemRecord("Sag", business_area="A", owner_email="a@k.dk"), actor="dan")
    assert len(store.history("Sag")) == len(history) + 1


def test_a_duplicate_name_is_refused_whatever_its_case(database_url, library):
    store = PortfolioStore(database_url, library=library)
    store.add(SystemRecord("Ærø Sag", business_area="A", owner_email="a@k.dk"))
    with pytest.raises(ProcureError) as caught:
        store.add(SystemRecord("ærø  sag", vendor="X", business_area="A", owner_email="a@k.dk"))
    assert "der findes allerede et system med navnet 'Ærø Sag'" in str(caught.value).replace(
        "ærø sag", "Ærø Sag"
    )
    store.add(SystemRecord("Andet", business_area="A", owner_email="a@k.dk"))
    with pytest.raises(ProcureError, match="findes allerede"):
        store.edit("Andet", {"name": "ÆRØ SAG"})
    assert [s.name for s in store.systems()] == ["Andet", "Ærø Sag"]


@pytest.mark.parametrize(
    ("record", "message"),
    [
        (
            SystemRecord("X", business_area="A", owner_email="a@k.dk", integrations=("nope",)),
            "ukendt integration 'nope'",
        ),
        (
            SystemRecord("X", business_area="A", owner_name="Ane"),
            "systemejer mangler e-mail; skriv fx 'Ane Hansen <ane@kommune.dk>'",
        ),
        (
            SystemRecord(
                "X",
                business_area="A",
                owner_email="a@k.dk",
                contract_start=dt.date(2027, 1, 1),
                contract_end=dt.date(2026, 1, 1),
            ),
            "kontraktudløb 2026-01-01 ligger før kontraktstart 2027-01-01",
        ),
        (
            SystemRecord("X", business_area="A", owner_email="a@k.dk", category="Y99"),
            "ukendt kategori 'Y99'",
        ),
        (
            SystemRecord("X", business_area="A", owner_email="a@k.dk", vendor_cvr="123"),
            "CVR-nummer '123' skal være 8 cifre",
        ),
    ],
)
def test_a_bad_record_is_refused_and_nothing_is_written(database_url, library, record, message):
    store = PortfolioStore(database_url, library=library)
    with pytest.raises(ProcureError) as caught:
        store.add(record)
    assert str(caught.value).startswith("systemet 'X' kan ikke gemmes: ")
    assert message in str(caught.value)
    assert counts(store) == (0, 0)


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("Ane Hansen <ane@kommune.dk>", ("Ane Hansen", "ane@kommune.dk")),
        ("ane@kommune.dk", ("", "ane@kommune.dk")),
        ("Ane Hansen, ane@kommune.dk", ("Ane Hansen", "ane@kommune.dk")),
    ],
)
def test_an_owner_is_read_as_name_and_address(text, owner):
    assert parse_owner(text) == owner


def test_an_owner_without_address_is_refused():
    with pytest.raises(ProcureError) as caught:
        parse_owner("Ane Hansen")
    assert str(caught.value) == (
        "systemejer 'Ane Hansen' mangler e-mail; skriv fx 'Ane Hansen <ane@kommune.dk>'"
    )
    with language("en"):
        assert str(caught.value) == (
            "system owner 'Ane Hansen' has no e-mail; write e.g. 'Ane Hansen <ane@kommune.dk>'"
        )


# -- Import -----------------------------------------------------------------------------------


def test_importing_the_same_file_again_changes_nothing(database_url, library):
    store = sample_store(database_url, library)
    before = counts(store)
    assert before == (8, 8)
    batch = read_import_file(SAMPLE_CSV, library)
    outcome = store.import_rows(list(batch.rows), source="systemer.csv", actor="test")
    assert (outcome.added, outcome.updated, len(outcome.unchanged)) == ((), (), 8)
    assert counts(store) == before


def test_a_changed_row_updates_its_system_with_audit_rows(database_url, library):
    store = sample_store(database_url, library)
    text = SAMPLE_CSV.read_text("utf-8").replace(
        "Qmatic;organisation;Borgerservice;Erik Holm <erik@kommune.dk>;lav",
        "Qmatic;organisation, cpr;Borgerservice;Erik Holm <erik@kommune.dk>;middel",
    )
    batch = read_import_bytes(text.encode(), "v2.csv", library)
    outcome = store.import_rows(list(batch.rows), source="v2.csv", actor="ib")
    assert outcome.updated == ("Borgerservice kø",) and len(outcome.unchanged) == 7
    changes = [(h.field, h.old, h.new) for h in store.history("Borgerservice kø")[1:]]
    assert changes == [
        ("integrations", ["organisation"], ["cpr", "organisation"]),
        ("criticality", "lav", "middel"),
    ]


def test_every_bad_row_is_listed_and_nothing_is_written(database_url, library):
    store = sample_store(database_url, library)
    before = counts(store)
    data = csv_bytes(
        "Nyt system;V;organisation, Beskedfordeler;A;Ane <ane@k.dk>;høj;;;;;;;",
        "Forkert;V;organisation, organisatoin;A;Ane <ane@k.dk>;høj;;;;;;;",
        "Dato;V;;A;Ane <ane@k.dk>;lav;;;;;2027-01-01;31-02-2027;",
        ";V;;A;Ane <ane@k.dk>;lav;;;;;;;",
        "Baglæns;V;;A;Ane <ane@k.dk>;lav;;;;;2027-01-01;2026-01-01;",
        "Ejer;V;;A;Ane Hansen;lav;;;;;;;",
        "ESDH Acadre;Andet firma;;A;Ane <ane@k.dk>;lav;;;;;;;",
        "nyt SYSTEM;V;;A;Ane <ane@k.dk>;lav;;;;;;;",
    )
    with pytest.raises(ImportRejected) as caught:
        batch = read_import_bytes(data, "ny.csv", library)
        store.import_rows(list(batch.rows), source="ny.csv")
    assert caught.value.lines() == [
        "ny.csv:3: ukendt integration 'organisatoin'; nærmeste: organisation (SF1500)",
        "ny.csv:4: kolonnen 'kontraktudløb': '31-02-2027' er ikke en dato; skriv fx 2027-03-31 "
        "eller 31-03-2027",
        "ny.csv:5: navn mangler",
        "ny.csv:6: kontraktudløb 2026-01-01 ligger før kontraktstart 2027-01-01",
        "ny.csv:7: kolonnen 'systemejer': systemejer 'Ane Hansen' mangler e-mail; skriv fx "
        "'Ane Hansen <ane@kommune.dk>'",
    ]
    assert str(caught.value) == "ny.csv: intet er importeret – 5 rækker har fejl"
    # Rows that are fine on their own but clash with the database or each other are found
    # by the store, in the same all-or-nothing way
    data = csv_bytes(
        "Nyt system;V;organisation;A;Ane <ane@k.dk>;høj;;;;;;;",
        "ESDH Acadre;Andet firma;;A;Ane <ane@k.dk>;lav;;;;;;;",
        "nyt SYSTEM;V;;A;Ane <ane@k.dk>;lav;;;;;;;",
    )
    batch = read_import_bytes(data, "ny.csv", library)
    with pytest.raises(ImportRejected) as caught:
        store.import_rows(list(batch.rows), source="ny.csv")
    assert caught.value.lines() == [
        "ny.csv:3: navnet er allerede brugt af systemet 'ESDH Acadre' fra leverandøren 'Tieto'; "
        "brug samme navn og leverandør for at opdatere det, eller et andet navn",
        "ny.csv:4: systemet står også på linje 2",
    ]
    assert counts(store) == before


def test_a_missing_column_and_an_unknown_one_are_named(library):
    data = "navn;leverandør;integrationer;fagområde;kritikalitet;farve\nX;V;;A;lav;rød\n"
    with pytest.raises(ImportRejected) as caught:
        read_import_bytes(data.encode(), "x.csv", library)
    lines = caught.value.lines()
    assert lines[0].startswith("x.csv:1: ukendt kolonne 'farve'; kendte kolonner: navn, ")
    assert lines[1] == (
        "x.csv:1: kolonner mangler: systemejer; første række skal være overskrifterne "
        "navn;leverandør;integrationer;fagområde;systemejer;kritikalitet"
    )


def test_a_cp1252_csv_from_excel_reads_its_danish_letters(database_url, library):
    data = SAMPLE_CSV.read_text("utf-8").encode("cp1252")
    batch = read_import_bytes(data, "excel.csv", library)
    assert [r.record.name for r in batch.rows][1] == "Fagsystem Børn"
    assert batch.rows[0].record.business_area == "Administration"
    assert batch.rows[3].record.integrations == ("adgangsstyring-brugere", "organisation")
    store = sample_store(database_url, library)
    outcome = store.import_rows(list(batch.rows), source="excel.csv")
    assert len(outcome.unchanged) == 8  # the same systems as the UTF-8 file


def test_a_comma_separated_csv_with_bom_and_quoted_lists(library):
    data = (
        "\ufeffnavn,leverandør,integrationer,fagområde,systemejer,kritikalitet\n"
        '"Sag, ny",V,"organisation, SF1601",Børn,Ane <ane@k.dk>,Høj\n'
    ).encode()
    batch = read_import_bytes(data, "komma.csv", library)
    record = batch.rows[0].record
    assert (record.name, record.integrations, record.criticality) == (
        "Sag, ny",
        ("digital-post", "organisation"),
        "høj",
    )
    # Columns the file does not have are left alone on a known system
    assert "category" not in batch.rows[0].fields and "vendor" in batch.rows[0].fields


def test_an_xlsx_list_is_read_and_a_formula_cell_refused(library):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    lines = SAMPLE_CSV.read_text("utf-8").splitlines()
    for line in lines[:3]:
        sheet.append(line.split(";"))
    sheet["K3"] = dt.date(2021, 4, 1)  # a real date cell
    sheet["G2"] = 12345678  # a number cell
    buffer = io.BytesIO()
    workbook.save(buffer)
    batch = read_import_bytes(buffer.getvalue(), "liste.xlsx", library)
    assert batch.file_format == "xlsx"
    first, second = (r.record for r in batch.rows)
    assert (first.name, first.vendor_cvr, first.kle) == ("ESDH Acadre", "12345678", ("00", "85"))
    assert second.contract_start == dt.date(2021, 4, 1)
    sheet["A3"] = '=HYPERLINK("http://evil.example","Fagsystem Børn")'
    buffer = io.BytesIO()
    workbook.save(buffer)
    with pytest.raises(ImportRejected) as caught:
        read_import_bytes(buffer.getvalue(), "liste.xlsx", library)
    assert caught.value.lines() == [
        "liste.xlsx:3: kolonnen 'navn' indeholder en formel; skriv værdien som tekst"
    ]


def test_a_20_mb_import_is_refused_before_it_is_read(tmp_path, library):
    big = tmp_path / "stor.csv"
    with big.open("wb") as handle:
        handle.truncate(20 * 1024 * 1024)
    with pytest.raises(ProcureError) as caught:
        read_import_file(big, library)
    assert str(caught.value) == (
        f"{big}: filen er for stor (20 MB); den største tilladte størrelse er 10 MB"
    )


def test_a_file_that_is_no_list_of_systems_is_refused(library):
    with pytest.raises(ProcureError, match="hverken CSV, XLSX eller JSON"):
        read_import_bytes(b"%PDF-1.7 ...", "x.pdf", library)
    with pytest.raises(ProcureError, match="ikke gyldig JSON"):
        read_import_bytes(b"[{", "x.json", library)


# -- KITOS ------------------------------------------------------------------------------------


def test_a_kitos_export_becomes_systems_with_their_fki_integrations(database_url, library):
    batch = read_import_file(KITOS, library)
    records = {r.record.name: r.record for r in batch.rows}
    acadre = records["ESDH Acadre"]
    assert acadre.integrations == ("beskedfordeler", "digital-post", "sags-og-dokumentindeks")
    assert (acadre.criticality, acadre.business_area, acadre.owner_name) == (
        "høj",
        "Administration",
        "Ane Hansen",
    )
    assert (acadre.contract_start, acadre.contract_end) == (
        dt.date(2023, 7, 1),
        dt.date(2027, 6, 30),
    )
    assert acadre.kitos_uuid == "5f0c6a3e-9d1b-4c51-8a2e-0d3b9e6f1a01" and acadre.kle == ("85",)
    assert records["Fagsystem Børn"].integrations == ("cpr", "organisation")
    assert records["Fagsystem Børn"].criticality == "middel"  # DontKnow: not given
    assert records["Vejsystem"].criticality == "lav"  # BusinessCritical No
    assert [str(n) for n in batch.notes] == [
        "relationer til systemer, der ikke er FKI, er ikke medtaget: 1",
        "3 systemer har ingen systemejer med e-mail (KITOS har ingen e-mail); tilføj den med "
        "'procure portfolio edit NAVN --owner \"Navn <mail>\"'",
    ]
    store = PortfolioStore(database_url, library=library)
    assert len(store.import_rows(list(batch.rows), source="kitos.json").added) == 3
    again = store.import_rows(list(batch.rows), source="kitos.json")
    assert (again.added, again.updated) == ((), ())


def test_kitos_field_names_are_read_in_the_api_s_camel_case_too(library):
    def camel(value):
        if isinstance(value, dict):
            return {k[:1].lower() + k[1:]: camel(v) for k, v in value.items()}
        if isinstance(value, list):
            return [camel(v) for v in value]
        return value

    data = json.dumps(camel(json.loads(KITOS.read_text("utf-8")))).encode()
    camel_rows = [r.record for r in read_import_bytes(data, "k.json", library).rows]
    assert camel_rows == [r.record for r in read_import_file(KITOS, library).rows]


def test_kitos_updates_a_known_system_and_keeps_what_kitos_does_not_know(database_url, library):
    store = sample_store(database_url, library)
    batch = read_import_file(KITOS, library)
    outcome = store.import_rows(list(batch.rows), source="kitos.json", actor="kitos")
    assert outcome.added == () and len(outcome.updated) == 3
    acadre = store.get("ESDH Acadre")
    # KITOS has no vendor, category, channel or e-mail: the known values stay
    assert (acadre.vendor, acadre.category, acadre.channel, acadre.owner) == (
        "Tieto",
        "Y65",
        "Teams: ESDH-drift",
        "Ane Hansen <ane@kommune.dk>",
    )
    assert acadre.kle == ("00", "85") and acadre.kitos_uuid.endswith("1a01")
    assert store.get("Fagsystem Børn").criticality == "høj"  # DontKnow does not overwrite
    again = store.import_rows(list(batch.rows), source="kitos.json")
    assert (again.added, again.updated) == ((), ())


def test_a_bad_kitos_usage_is_named_by_its_place_in_the_list(library):
    usages = json.loads(KITOS.read_text("utf-8"))
    usages[1]["SystemContext"]["Name"] = ""
    usages[2]["General"]["Validity"]["ValidTo"] = "i morgen"
    with pytest.raises(ImportRejected) as caught:
        read_import_bytes(json.dumps(usages).encode(), "kitos.json", library)
    assert caught.value.lines() == [
        "kitos.json: system nr. 2: SystemContext.Name mangler",
        "kitos.json: system nr. 3: General.Validity.ValidTo: 'i morgen' er ikke en dato; skriv "
        "fx 2027-03-31 eller 31-03-2027",
    ]


# -- The database itself ----------------------------------------------------------------------


def test_the_default_database_is_a_private_file_in_the_workspace(monkeypatch, workspace_in_tmp):
    from procure.portfolio.database import dispose_engines

    monkeypatch.delenv("PROCURE_DATABASE_URL", raising=False)
    try:
        store = PortfolioStore(library=shipped_release())
        store.add(SystemRecord("X", business_area="A", owner_email="a@k.dk"))
        path = workspace_in_tmp / "portfolio.sqlite"
        assert path.is_file() and (path.stat().st_mode & 0o777) == 0o600
        assert (workspace_in_tmp.stat().st_mode & 0o777) == 0o700
    finally:
        dispose_engines()


def test_a_locked_sqlite_file_is_one_clear_line(tmp_path, monkeypatch, library):
    from procure.portfolio import database

    path = tmp_path / "locked.sqlite"
    url = f"sqlite:///{path}"
    store = PortfolioStore(url, library=library)
    store.add(SystemRecord("Før", business_area="A", owner_email="a@k.dk"))
    database.dispose_engines()
    monkeypatch.setattr(database, "SQLITE_LOCK_TIMEOUT", 0.2)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        for action in (
            lambda: PortfolioStore(url, library=library).systems(),
            lambda: PortfolioStore(url, library=library).add(
                SystemRecord("Efter", business_area="A", owner_email="a@k.dk")
            ),
        ):
            with pytest.raises(ProcureError) as caught:
                action()
            assert str(caught.value) == (
                f"portefølje-databasen sqlite:///{path} er låst af et andet program; prøv igen "
                "om lidt"
            )
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert [s.name for s in PortfolioStore(url, library=library).systems()] == ["Før"]
    database.dispose_engines()


def test_an_unreachable_postgresql_is_one_clear_line_without_the_password(tmp_path, library):
    url = f"postgresql+psycopg://procure:hemmelig@/procure?host={tmp_path}&port=1"
    with pytest.raises(ProcureError) as caught:
        PortfolioStore(url, library=library)
    text = str(caught.value)
    assert text.startswith(
        "kan ikke forbinde til PostgreSQL (postgresql+psycopg://procure:***@/procure?"
    )
    assert text.endswith("; kontrollér PROCURE_DATABASE_URL og at serveren kører")
    assert "hemmelig" not in text
    with language("en"):
        assert str(caught.value).startswith("cannot connect to PostgreSQL (")


def test_a_database_url_that_is_not_one_is_refused(library):
    with pytest.raises(ProcureError, match="ikke en database-URL"):
        PortfolioStore("ikke en url", library=library)
    with pytest.raises(ProcureError, match="SQLite eller PostgreSQL, ikke 'mysql'"):
        PortfolioStore("mysql://x@y/z", library=library)


def test_the_migrations_build_exactly_the_tables_of_models_py(database_url):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    from procure.portfolio import database
    from procure.portfolio.models import metadata

    engine = database.engine_for(database_url)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, metadata) == []
        assert context.get_current_heads() == (database.SCHEMA_REVISION,)
    scripts = ScriptDirectory(str(Path(database.__file__).parent / "migrations"))
    assert scripts.get_current_head() == database.SCHEMA_REVISION


def test_pg_fixture_cleans_up_its_folder(postgres_cluster):
    assert postgres_cluster.running and os.path.isdir(postgres_cluster.root)


def test_two_programs_starting_on_a_new_database_at_once(database_url):
    """Both migrate-or-wait; neither fails on the other's half-made schema."""
    import subprocess
    import sys

    code = (
        "from procure.portfolio.store import PortfolioStore\n"
        "from tests.samples import shipped_release\n"
        "print(len(PortfolioStore(library=shipped_release()).systems()))\n"
    )
    env = dict(os.environ, PROCURE_DATABASE_URL=database_url)
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for _ in range(3)
    ]
    results = [(p.wait(timeout=120), p.stdout.read(), p.stderr.read()) for p in processes]
    assert [(c, out) for c, out, _ in results] == [(0, b"0\n")] * 3, results
