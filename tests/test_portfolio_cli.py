"""`procure portfolio …` as a user runs it, on SQLite and on PostgreSQL: exit codes, one-line
errors, the JSON shapes, and the files it writes (Word notice, coverage workbook, KITOS CSV).

The commands are built by procure.cli.portfolio.register into a parser made here, handled the
way procure.cli.main handles every command (ProcureError: one line, exit 2).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from procure.cli import portfolio as cli_portfolio
from procure.errors import ProcureError
from procure.i18n import t
from tests.samples import shipped_release

FILES = Path(__file__).parent / "portfolio_files"
SAMPLE_CSV = FILES / "systemer.csv"
PINNED = ("--library", "1.0.0")  # the expectations are worked out from release 1.0.0


def run(capsys, *args: str) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser(prog="procure")
    cli_portfolio.register(parser.add_subparsers())
    try:
        namespace = parser.parse_args(["portfolio", *args])
        code = namespace.handler(namespace)
    except SystemExit as exc:
        code = 0 if exc.code in (0, None) else 2
    except ProcureError as exc:
        print(t("procure: fejl: {message}", message=exc), file=sys.stderr)
        code = 2
    out, err = capsys.readouterr()
    return code, out, err


def imported(capsys) -> None:
    code, out, err = run(capsys, "import", str(SAMPLE_CSV), *PINNED, "--by", "test")
    assert (code, err) == (0, ""), err
    assert out == f"{SAMPLE_CSV}: importeret – 8 nye, 0 ændrede, 0 uændrede\n"


ADD = (
    "add", "--name", "Sag & Dok", "--vendor", "Leverandør A/S", "--cvr", "12345678",
    "--integration", "SF1470", "--integration", "Beskedfordeler", "--category", "Y65",
    "--business-area", "Administration", "--owner", "Ane Hansen <ane@kommune.dk>",
    "--criticality", "høj", "--contract-start", "2024-01-01", "--contract-end", "31-12-2027",
    "--kle", "00", "--kle", "85", "--channel", "Teams: ESDH", "--role", "R1|Sagsbehandler|Læser",
    "--by", "ane", *PINNED,
)  # fmt: skip


def test_add_then_list_and_show(database_url, capsys):
    code, out, err = run(capsys, *ADD)
    assert (code, err) == (0, "")
    assert out == (
        "tilføjet 'Sag & Dok' (Leverandør A/S): integrationer beskedfordeler, "
        "sags-og-dokumentindeks\n"
    )
    code, out, err = run(capsys, "list", "--format", "json", *PINNED)
    assert code == 0
    assert json.loads(out) == {
        "systems": [
            {
                "name": "Sag & Dok",
                "vendor": "Leverandør A/S",
                "vendor_cvr": "12345678",
                "integrations": ["beskedfordeler", "sags-og-dokumentindeks"],
                "category": "Y65",
                "business_area": "Administration",
                "owner": "Ane Hansen <ane@kommune.dk>",
                "criticality": "høj",
                "channel": "Teams: ESDH",
                "kle": ["00", "85"],
                "contract_start": "2024-01-01",
                "contract_end": "2027-12-31",
                "tender_id": "",
                "tender_file": "",
                "library_version": "",
                "roles": [{"id": "R1", "name": "Sagsbehandler", "description": "Læser"}],
                "notes": "",
                "kitos_uuid": "",
                "removed": False,
            }
        ]
    }
    code, out, _ = run(capsys, "show", "sag & dok", *PINNED)
    assert code == 0
    lines = out.splitlines()
    assert lines[:10] == [
        "Sag & Dok",
        "Leverandør: Leverandør A/S (CVR 12345678)",
        "Kategori: Y65",
        "Fagområde: Administration",
        "Systemejer: Ane Hansen <ane@kommune.dk>",
        "Kontaktkanal: Teams: ESDH",
        "Kritikalitet: høj",
        "KLE: 00, 85",
        "Kontrakt: 2024-01-01 – 2027-12-31",
        "Udbud: -",
    ]
    assert "  - beskedfordeler: Fælleskommunal Beskedfordeler (SF1461, SF1462)" in lines
    assert "  - R1: Sagsbehandler – Læser" in lines
    assert lines[-1].endswith(" ane add")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ("--integration", "organisatoin"),
            "ukendt integration 'organisatoin'; nærmeste: organisation (SF1500)",
        ),
        (
            ("--owner", "Ane Hansen"),
            "systemejer 'Ane Hansen' mangler e-mail; skriv fx 'Ane Hansen <ane@kommune.dk>'",
        ),
        (
            ("--contract-end", "2023-12-31"),
            "systemet 'Sag & Dok' kan ikke gemmes: kontraktudløb 2023-12-31 ligger før "
            "kontraktstart 2024-01-01",
        ),
        (
            ("--criticality", "kritisk"),
            "kritikalitet 'kritisk' er ukendt; brug høj, middel eller lav",
        ),
        (("--contract-start", "1/13/2024"), "'1/13/2024' er ikke en dato"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_nothing_written(database_url, capsys, change, message):
    args = list(ADD)
    flag = change[0]
    args[args.index(flag) + 1] = change[1]
    code, out, err = run(capsys, *args)
    assert code == 2 and out == ""
    assert err.startswith(f"procure: fejl: {message}") and err.count("\n") == 1
    assert run(capsys, "list", "--format", "json")[1] == '{\n  "systems": []\n}\n'


def test_a_duplicate_name_is_exit_2(database_url, capsys):
    assert run(capsys, *ADD)[0] == 0
    code, _, err = run(capsys, *ADD)
    assert code == 2
    assert err == (
        "procure: fejl: der findes allerede et system med navnet 'Sag & Dok'; vælg et andet navn "
        "eller ret det eksisterende med 'procure portfolio edit'\n"
    )


def test_messages_follow_procure_lang(database_url, capsys, monkeypatch):
    monkeypatch.setenv("PROCURE_LANG", "en")
    code, _, err = run(capsys, "impact", "organisatoin", *PINNED)
    assert code == 2
    assert err == (
        "procure: error: unknown integration 'organisatoin'; nearest: organisation (SF1500)\n"
    )


# -- impact ------------------------------------------------------------------------------------


def test_impact_of_organisation_as_json_and_text(database_url, capsys):
    imported(capsys)
    code, out, err = run(capsys, "impact", "STS Organisation", "--format", "json", *PINNED)
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["component"] == "organisation"
    assert [(a["system"], a["via"]) for a in data["affected"]] == [
        ("ESDH Acadre", ["sags-og-dokumentindeks", "organisation"]),
        ("Fagsystem Børn", ["organisation"]),
        ("HR-system", ["organisation"]),
        ("Ydelsessystem", ["ydelsesindeks", "sags-og-dokumentindeks", "organisation"]),
        ("Borgerservice kø", ["organisation"]),
    ]
    assert set(data["affected"][0]) == {
        "system",
        "business_area",
        "owner",
        "criticality",
        "channel",
        "via",
    }
    code, out, _ = run(capsys, "impact", "organisation", *PINNED)
    assert code == 0
    assert out.splitlines() == [
        "Fælleskommunalt Organisationssystem (SF1500) er nede: 5 systemer ramt i 5 fagområder "
        "(kravbibliotek 1.0.0)",
        "",
        "Administration",
        "  høj    ESDH Acadre – ejer Ane Hansen <ane@kommune.dk>; kanal Teams: ESDH-drift; via "
        "sags-og-dokumentindeks → organisation",
        "",
        "Børn og familie",
        "  høj    Fagsystem Børn – ejer Bo Jensen <bo@kommune.dk>; kanal servicedesk@kommune.dk; "
        "direkte",
        "",
        "HR",
        "  middel HR-system – ejer Dorte Lund <dorte@kommune.dk>; kanal HR-drift; direkte",
        "",
        "Økonomi",
        "  middel Ydelsessystem – ejer Carla Berg <carla@kommune.dk>; kanal tlf. 1234; via "
        "ydelsesindeks → sags-og-dokumentindeks → organisation",
        "",
        "Borgerservice",
        "  lav    Borgerservice kø – ejer Erik Holm <erik@kommune.dk>; kanal -; direkte",
    ]


def test_impact_hitting_nothing_is_exit_0_and_unknown_is_exit_2(database_url, capsys):
    imported(capsys)
    code, out, _ = run(capsys, "impact", "SF2250", "--format", "json", *PINNED)
    assert code == 0 and json.loads(out)["affected"] == []
    code, out, err = run(capsys, "impact", "SF9999", *PINNED)
    assert code == 2 and out == ""
    assert err.startswith("procure: fejl: ukendt integration 'SF9999'")


def test_impact_follows_the_newest_release_by_default(database_url, capsys):
    from procure.library import released_versions

    code, out, _ = run(capsys, "impact", "organisation", "--format", "json")
    assert code == 0 and json.loads(out)["library_version"] == released_versions()[-1]


@pytest.mark.parametrize(
    ("lang", "title", "area", "header", "via"),
    [
        (
            "da",
            "Driftsforstyrrelse: Fælleskommunalt Organisationssystem",
            "Fagområde: Administration",
            ["System", "Kritikalitet", "Berørt via", "Systemejer", "Kontaktkanal"],
            "Fælleskommunalt Sags- og Dokumentindeks → Fælleskommunalt Organisationssystem",
        ),
        (
            "en",
            "Service disruption: Joint municipal organisation system",
            "Business area: Administration",
            ["System", "Criticality", "Affected via", "System owner", "Contact channel"],
            None,
        ),
    ],
)
def test_the_notice_tells_each_business_area_what_is_hit_and_whom_to_contact(
    database_url, capsys, tmp_path, lang, title, area, header, via
):
    imported(capsys)
    notice = tmp_path / "notice.docx"
    code, _, err = run(capsys, "impact", "organisation", "--notice", str(notice), "--lang", lang,
                       *PINNED)  # fmt: skip
    assert code == 0 and err == f"skrev {notice}\n"
    document = Document(str(notice))
    library = shipped_release()
    name = library.integrations_by_id["organisation"].name.get(lang)
    assert document.core_properties.title.endswith(name)
    headings = [
        p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))
    ]
    assert headings[0] == f"{title.split(':')[0]}: {name}"
    assert area in headings and len([h for h in headings if ":" in h]) == 6  # title + 5 areas
    # the date it was issued, written as a person reads it ("6. december 2026"), not ISO
    from procure.formats import date_text

    issued = [c.text for c in document.tables[0].rows[-1].cells]
    assert issued[0] == ("Udsendt" if lang == "da" else "Issued")
    assert issued[1] == date_text(dt.date.today(), lang)
    pattern = r"\d{1,2}\. [a-zæøå]+ \d{4}" if lang == "da" else r"\d{1,2} [A-Z][a-z]+ \d{4}"
    assert re.fullmatch(pattern, issued[1])
    tables = document.tables[1:]  # the first holds the facts
    assert [c.text for c in tables[0].rows[0].cells] == header
    assert tables[0].rows[0]._tr.trPr.xpath("./w:tblHeader")  # repeats on each page
    first = [c.text for c in tables[0].rows[1].cells]
    assert first[0] == "ESDH Acadre" and first[3] == "Ane Hansen <ane@kommune.dk>"
    if via:
        assert first[2] == via
    text = "\n".join(p.text for p in document.paragraphs)
    tasks = "Berørte opgaver" if lang == "da" else "Tasks affected"
    assert f"{tasks} (KLE" in text and "85 Kommunens administrative systemer" in text
    styles = document.styles.element.xml
    assert ('w:val="da-DK"' if lang == "da" else 'w:val="en-GB"') in styles


# -- coverage ----------------------------------------------------------------------------------


def test_coverage_as_json_text_and_workbook(database_url, capsys, tmp_path):
    from procure.portfolio.coverage import coverage_of
    from procure.portfolio.store import PortfolioStore

    imported(capsys)
    # A name that looks like a formula must reach the workbook as the same text
    code, _, _ = run(capsys, "add", "--name", "=HYPERLINK(\"http://x\")", "--vendor", "V",
                     "--business-area", "IT", "--owner", "a@k.dk", "--criticality", "lav",
                     "--category", "Y05", *PINNED)  # fmt: skip
    assert code == 0
    out_file = tmp_path / "coverage.xlsx"
    code, out, err = run(capsys, "coverage", "--format", "json", "--out", str(out_file), *PINNED)
    assert code == 0 and err == f"skrev {out_file}\n"
    data = json.loads(out)
    library = shipped_release()
    expected = coverage_of(PortfolioStore(library=library).systems(), library).to_data()
    assert data == expected
    assert [g["system"] for g in data["gaps"]] == [
        '=HYPERLINK("http://x")',
        "Bookingsystem",
        "ESDH Acadre",
        "Fagsystem Børn",
        "HR-system",
        "Vejsystem",
        "Ydelsessystem",
    ]
    assert data["gaps"][2]["missing"] == [
        "fordelingskomponent",
        "adgangsstyring-brugere",
        "cpr",
        "cvr",
    ]
    code, out, _ = run(capsys, "coverage", *PINNED)
    assert code == 0
    assert "  ESDH Acadre (Y65): fordelingskomponent, adgangsstyring-brugere, cpr, cvr" in out
    assert out.splitlines()[0] == ("dækning efter kravbibliotek 1.0.0: 9 systemer, 7 med mangler")

    workbook = load_workbook(out_file)
    assert workbook.sheetnames == ["Dækning", "Mangler", "Kontrakter", "Forklaring"]
    sheet = workbook["Dækning"]
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["System", "Fagområde", "Kategori"]
    column = {name: i for i, name in enumerate(header)}
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    assert set(rows) >= {'=HYPERLINK("http://x")', "ESDH Acadre"}
    formula_row = rows['=HYPERLINK("http://x")']
    assert formula_row[0].data_type == "s"  # text, not a formula
    esdh = rows["ESDH Acadre"]
    organisation = library.integrations_by_id["organisation"].name.da
    sags = library.integrations_by_id["sags-og-dokumentindeks"].name.da
    cvr = library.integrations_by_id["cvr"].name.da
    assert esdh[column[sags]].value == 2  # used
    assert esdh[column[organisation]].value == 1  # implied by the index
    assert esdh[column[cvr]].value == 0  # recommended for Y65, missing
    assert esdh[column[sags]].number_format == '[=2]"brugt";[=1]"indirekte";"mangler"'
    assert esdh[len(header) - 1].value == pytest.approx(7 / 11)
    rules = {str(r.sqref): r.rules[0].type for r in sheet.conditional_formatting}
    assert rules == {"D2:Q10": "colorScale", "R2:R10": "colorScale"}


# -- export ------------------------------------------------------------------------------------


def test_kitos_csv_export_keeps_formula_looking_text_as_text(database_url, capsys, tmp_path):
    for name, integration in (("=cmd|' /C calc'!A0", "cpr"), ("Sag", "organisation")):
        code, _, err = run(capsys, "add", "--name", name, "--vendor", "V", "--integration",
                           integration, "--business-area", "A", "--owner", "a@k.dk",
                           "--criticality", "lav", *PINNED)  # fmt: skip
        assert code == 0, err
    target = tmp_path / "kitos.csv"
    code, _, err = run(capsys, "export", "--format", "kitos-csv", "--out", str(target), *PINNED)
    assert code == 0 and err == f"skrev {target}\n"
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig").splitlines() == [
        "system;snitflade;sf-nummer;udstillende system;katalog-id;kitos-uuid",
        "'=cmd|' /C calc'!A0;CPR replika opslag og CPR abonnement;SF1520, SF6002;"
        "Serviceplatformen;cpr;",
        "Sag;Fælleskommunalt Organisationssystem;SF1500;Fælleskommunalt Organisationssystem;"
        "organisation;",
    ]
    code, out, _ = run(capsys, "export", "--format", "json", *PINNED)
    assert code == 0
    assert json.loads(out)["relations"][1] == {
        "system": "Sag",
        "interface": "Fælleskommunalt Organisationssystem",
        "sf_numbers": ["SF1500"],
        "exposed_by": "Fælleskommunalt Organisationssystem",
        "integration": "organisation",
        "kitos_uuid": "",
    }


# -- import, edit, remove ----------------------------------------------------------------------


def test_import_all_or_nothing_dry_run_and_again(database_url, capsys, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(
        SAMPLE_CSV.read_bytes().replace(b"ydelsesindeks;\xc3\x98konomi", b"ydelsesindex;Okonomi")
    )
    code, out, err = run(capsys, "import", str(bad), *PINNED)
    assert code == 2 and out == ""
    assert err.splitlines() == [
        f"{bad}:4: ukendt integration 'ydelsesindex'; nærmeste: ydelsesindeks",
        f"procure: fejl: {bad}: intet er importeret – 1 rækker har fejl",
    ]
    code, out, _ = run(capsys, "import", str(SAMPLE_CSV), "--dry-run", *PINNED)
    assert out == f"{SAMPLE_CSV}: kontrolleret, intet gemt – 8 nye, 0 ændrede, 0 uændrede\n"
    assert run(capsys, "list", "--format", "json")[1] == '{\n  "systems": []\n}\n'
    imported(capsys)
    code, out, _ = run(capsys, "import", str(SAMPLE_CSV), *PINNED)
    assert out == f"{SAMPLE_CSV}: importeret – 0 nye, 0 ændrede, 8 uændrede\n"


def test_import_from_excel_csv_kitos_and_a_too_large_file(database_url, capsys, tmp_path):
    cp1252 = tmp_path / "excel.csv"
    cp1252.write_bytes(SAMPLE_CSV.read_text("utf-8").encode("cp1252"))
    code, out, _ = run(capsys, "import", str(cp1252), *PINNED)
    assert code == 0 and "8 nye" in out
    code, out, _ = run(capsys, "list", "--integration", "SF1470", *PINNED)
    assert [line.split("  ")[0] for line in out.splitlines()] == ["ESDH Acadre"]
    code, out, _ = run(capsys, "import", str(FILES / "kitos-usages.json"), *PINNED)
    assert code == 0
    assert out.splitlines()[0].endswith("0 nye, 3 ændrede, 0 uændrede")
    assert out.splitlines()[1] == (
        "bemærk: relationer til systemer, der ikke er FKI, er ikke medtaget: 1"
    )
    big = tmp_path / "big.csv"
    with big.open("wb") as handle:
        handle.truncate(20 * 1024 * 1024)
    code, _, err = run(capsys, "import", str(big), *PINNED)
    assert code == 2
    assert err == (
        f"procure: fejl: {big}: filen er for stor (20 MB); den største tilladte størrelse er "
        "10 MB\n"
    )


def test_edit_and_remove_keep_the_history(database_url, capsys):
    imported(capsys)
    code, out, _ = run(capsys, "edit", "vejsystem", "--add-integration", "organisation",
                       "--criticality", "middel", "--by", "bo", *PINNED)  # fmt: skip
    assert (code, out) == (0, "ændret 'Vejsystem': integrations, criticality\n")
    code, out, _ = run(capsys, "edit", "Vejsystem", "--criticality", "middel", *PINNED)
    assert out == "'Vejsystem': ingen ændringer\n"
    code, out, _ = run(capsys, "remove", "Vejsystem", "--by", "carla", *PINNED)
    assert out == "'Vejsystem' er taget ud af brug; historikken er bevaret\n"
    code, out, _ = run(capsys, "list", *PINNED)
    assert "Vejsystem" not in out
    code, out, _ = run(capsys, "list", "--all", *PINNED)
    assert [line for line in out.splitlines() if "Vejsystem" in line][0].endswith(
        "(taget ud af brug)"
    )
    code, _, err = run(capsys, "show", "Vejsystem", *PINNED)
    assert code == 2 and "intet system hedder 'Vejsystem'" in err
    code, _, err = run(capsys, "edit", "Vejsystm", "--criticality", "lav", *PINNED)
    assert code == 2 and "Vejsystem" not in err  # a removed system is not proposed


def test_register_the_winning_bid(database_url, capsys, tmp_path):
    from procure.tender import resolve_tender, save_tender
    from tests.samples import answer_file, sample_tender

    tender = sample_tender()
    spec = resolve_tender(tender, shipped_release())
    save_tender(tender, tmp_path / "tender.yaml")
    digital_post = next(i for i in spec.integrations if i.id == "digital-post")
    (tmp_path / "bid.yaml").write_bytes(
        answer_file(spec, "Leverandør B", answers={digital_post.requirement_ids[0]: "Ikke opfyldt"})
    )
    code, out, err = run(capsys, "register", str(tmp_path / "tender.yaml"),
                         str(tmp_path / "bid.yaml"), "--name", "Nyt ESDH", "--business-area",
                         "Administration", "--owner", "Ane <ane@k.dk>", "--criticality", "høj",
                         "--contract-end", "2031-12-31", *PINNED)  # fmt: skip
    assert code == 0, err
    expected = sorted(i.id for i in spec.integrations if i.id != "digital-post")
    lines = out.splitlines()
    assert lines[0] == (
        "registreret 'Nyt ESDH' fra Leverandør Bs tilbud på udbud "
        f"{tender.title}: integrationer {', '.join(expected)}"
    )
    assert lines[1] == "ikke registreret, fordi tilbuddet ikke opfylder dem: digital-post"
    code, out, _ = run(capsys, "show", "Nyt ESDH", "--format", "json", *PINNED)
    data = json.loads(out)
    assert (data["vendor"], data["category"], data["tender_id"], data["library_version"]) == (
        "Leverandør B",
        "Y65",
        tender.id,
        "1.0.0",
    )
    assert data["integrations"] == expected and data["history"][0]["action"] == "register"


# -- the database cannot be used ---------------------------------------------------------------


def test_an_unreachable_or_locked_database_is_exit_2(capsys, monkeypatch, tmp_path):
    import sqlite3

    from procure.portfolio import database

    monkeypatch.setenv(
        "PROCURE_DATABASE_URL", f"postgresql://procure:pw@/procure?host={tmp_path}&port=9"
    )
    code, out, err = run(capsys, "list")
    assert code == 2 and out == "" and err.count("\n") == 1
    assert err.startswith("procure: fejl: kan ikke forbinde til PostgreSQL (")
    assert "pw@" not in err

    path = tmp_path / "p.sqlite"
    monkeypatch.setenv("PROCURE_DATABASE_URL", f"sqlite:///{path}")
    monkeypatch.setattr(database, "SQLITE_LOCK_TIMEOUT", 0.2)
    assert run(capsys, "list")[0] == 0
    database.dispose_engines()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        code, _, err = run(capsys, *ADD)
    finally:
        other.execute("ROLLBACK")
        other.close()
        database.dispose_engines()
    assert code == 2
    assert err == (
        f"procure: fejl: portefølje-databasen sqlite:///{path} er låst af et andet program; "
        "prøv igen om lidt\n"
    )


def test_kitos_sample_matches_the_api_field_names():
    """The sample export uses KITOS' own names (ItSystemUsageResponseDTO and its relations)."""
    usage = json.loads((FILES / "kitos-usages.json").read_text("utf-8"))[0]
    assert set(usage) == {
        "Uuid",
        "SystemContext",
        "OrganizationContext",
        "General",
        "Roles",
        "OrganizationUsage",
        "LocalKLEDeviations",
        "ExternalReferences",
        "Archiving",
        "GDPR",
        "OutgoingSystemRelations",
    }
    assert set(usage["OutgoingSystemRelations"][0]) == {
        "Uuid",
        "ToSystemUsage",
        "RelationInterface",
        "AssociatedContract",
        "RelationFrequency",
        "Description",
        "UrlReference",
    }
    assert dt.date.fromisoformat(usage["General"]["Validity"]["ValidTo"][:10])


def test_procure_portfolio_runs_as_a_process(database_url, capsys):
    """`procure portfolio` is wired into the main command; errors are one line, no traceback."""
    import os
    import subprocess

    imported(capsys)
    env = dict(os.environ, PROCURE_DATABASE_URL=database_url)
    result = subprocess.run(
        [sys.executable, "-m", "procure", "portfolio", "impact", "SF1470", "--format", "json",
         *PINNED],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    # Fagsystem Børn and Ydelsessystem use Ydelsesindeks, which depends on the index
    assert [(a["system"], a["via"]) for a in json.loads(result.stdout)["affected"]] == [
        ("ESDH Acadre", ["sags-og-dokumentindeks"]),
        ("Fagsystem Børn", ["ydelsesindeks", "sags-og-dokumentindeks"]),
        ("Ydelsessystem", ["ydelsesindeks", "sags-og-dokumentindeks"]),
    ]
    result = subprocess.run(
        [sys.executable, "-m", "procure", "portfolio", "show", "Ukendt"],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert (
        result.stderr
        == "procure: fejl: intet system hedder 'Ukendt' (se 'procure portfolio list')\n"
    )
