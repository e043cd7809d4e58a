"""Step 11, "Portefølje", driven without a browser on a real database (SQLite in the test's
workspace; the two-tab test also on PostgreSQL): what an officer relies on – a system added,
edited and taken out of use is in the database at once, with its history; a bad form or file
is refused with every reason and nothing written, and what was typed stays; an outage names
exactly the systems hit and how; the notice opens in Word; coverage names the known gaps; and
another tab sees a change on its next rerun.

The expectations are worked out from release 1.0.0 (as tests/test_portfolio.py), which the
page is pinned to here; tests/portfolio_files/systemer.csv is the portfolio of eight systems.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import sqlite3
from pathlib import Path

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from procure.library import load_release
from procure.portfolio.impact import impact_of
from procure.portfolio.importers import read_import_file
from procure.portfolio.records import SystemRecord
from procure.portfolio.store import PortfolioStore
from procure.ui.pages.portefolje.charts import (
    CELL_STYLES,
    GRAPH_MAX_SYSTEMS,
    dot_text,
    heatmap_chart,
    heatmap_rows,
    impact_dot,
)
from procure.ui.system_form import SystemDraft, record_from_draft
from procure.ui.texts import STEP_KEYS
from tests.conftest import SHIPPED_LIBRARY
from tests.wizard import APP, errors, shown

FILES = Path(__file__).parent / "portfolio_files"
SAMPLE_CSV = FILES / "systemer.csv"
PINNED = "1.0.0"


@pytest.fixture
def library():
    return load_release(PINNED, SHIPPED_LIBRARY)


@pytest.fixture(autouse=True)
def pinned_library(monkeypatch):
    """The page checks against the newest release; here it is 1.0.0, the one the expectations
    are worked out from. Each test's own database; the shared store let go after it."""
    from procure.portfolio.database import dispose_engines
    from procure.ui import portfolio

    monkeypatch.setattr(portfolio, "library_versions", lambda: [PINNED])
    yield
    portfolio.portfolio_store.clear()
    dispose_engines()


@pytest.fixture
def store(library, workspace_in_tmp) -> PortfolioStore:
    """The store the page uses by default: portfolio.sqlite in the test's workspace."""
    return PortfolioStore(library=library)


@pytest.fixture
def sample(store, library) -> PortfolioStore:
    batch = read_import_file(SAMPLE_CSV, library)
    store.import_rows(list(batch.rows), source=SAMPLE_CSV.name, actor="test")
    return store


@pytest.fixture
def downloads(monkeypatch):
    """What a download button gives the officer: the page makes the file when the button is
    clicked (a deferred download), so the test runs that as the server would."""
    import streamlit.testing.v1.app_test as app_test_module

    managers: list[MediaFileManager] = []
    stores: list[MemoryMediaFileStorage] = []

    class RecordingManager(MediaFileManager):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            managers.append(self)

    class RecordingStorage(MemoryMediaFileStorage):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            stores.append(self)

    monkeypatch.setattr(app_test_module, "MediaFileManager", RecordingManager)
    monkeypatch.setattr(app_test_module, "MemoryMediaFileStorage", RecordingStorage)

    def fetch(at: AppTest, key: str) -> bytes:
        button = next(b for b in at.get("download_button") if b.proto.id.endswith(key))
        assert not button.proto.url  # nothing made before the click
        url = managers[-1].execute_deferred(button.proto.deferred_file_id)
        file_id = url.rsplit("/", 1)[-1].split(".")[0]
        return stores[-1].get_file(file_id).content

    return fetch


def portfolio_page(lang: str = "da", section: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60).run()
    if lang != "da":
        at.sidebar.radio(key="ui_lang").set_value(lang).run()
    at.sidebar.button(key=f"nav_step_{STEP_KEYS.index('step_portfolio')}").click().run()
    assert not at.exception
    if section:
        go_to(at, section)
    return at


def go_to(at: AppTest, section: str) -> AppTest:
    at.radio(key="pf_section").set_value(section).run()
    assert not at.exception
    return at


SYSTEMS = ("Leverandør",)
HISTORY = ("Handling",)
MISSING = "Mangler (anbefalet for kategorien)"


def table(at: AppTest, columns: tuple[str, ...] = SYSTEMS) -> list[dict]:
    """The rows of the first table on the page with these columns."""
    frame = next(f for f in at.dataframe if set(columns) <= set(f.value.columns))
    return frame.value.to_dict("records")


def successes(at: AppTest) -> list[str]:
    return [shown(s.value) for s in at.success]


def fill_form(at: AppTest, **values) -> AppTest:
    widgets = {
        "name": at.text_input,
        "vendor": at.text_input,
        "vendor_cvr": at.text_input,
        "business_area": at.text_input,
        "owner": at.text_input,
        "channel": at.text_input,
        "kitos_uuid": at.text_input,
        "criticality": at.selectbox,
        "category": at.selectbox,
        "integrations": at.multiselect,
        "kle": at.multiselect,
        "contract_start": at.date_input,
        "contract_end": at.date_input,
        "roles": at.text_area,
        "notes": at.text_area,
    }
    for name, value in values.items():
        widgets[name](key=f"pf_{name}").set_value(value)
    return at


def submit(at: AppTest) -> AppTest:
    at.button(key="pf_save").click().run()
    assert not at.exception
    return at


GOOD = {
    "name": "Sag & Dok",
    "vendor": "Leverandør A/S",
    "vendor_cvr": "12345678",
    "business_area": "Administration",
    "owner": "Ane Hansen <ane@kommune.dk>",
    "criticality": "høj",
    "channel": "Teams: ESDH",
    "integrations": ["sags-og-dokumentindeks", "beskedfordeler"],
    "category": "Y65",
    "kle": ["00", "85"],
    "contract_start": dt.date(2024, 1, 1),
    "contract_end": dt.date(2027, 12, 31),
    "roles": "R1|Sagsbehandler|Læser",
}


# -- Add, edit, take out of use --------------------------------------------------------------


def test_a_system_added_in_the_form_is_in_the_database_at_once_with_its_history(store):
    at = portfolio_page(section="edit")
    submit(fill_form(at, **GOOD))
    assert successes(at) == ["'Sag & Dok' er tilføjet porteføljen."]
    stored = store.get("Sag & Dok")
    assert stored.to_data() | {"kle": stored.kle} == {
        "name": "Sag & Dok",
        "vendor": "Leverandør A/S",
        "vendor_cvr": "12345678",
        "integrations": ["beskedfordeler", "sags-og-dokumentindeks"],
        "category": "Y65",
        "business_area": "Administration",
        "owner": "Ane Hansen <ane@kommune.dk>",
        "criticality": "høj",
        "channel": "Teams: ESDH",
        "kle": ("00", "85"),
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
    assert [(e.action, e.field) for e in store.history("Sag & Dok")] == [("add", "*")]
    # The page went back to the table, which shows it, and to the system with its history
    assert at.radio(key="pf_section").value == "systems"
    assert [row["System"] for row in table(at)] == ["Sag & Dok"]
    assert table(at)[0]["Integrationer"] == "beskedfordeler, sags-og-dokumentindeks"
    assert at.selectbox(key="pf_selected").value == "Sag & Dok"
    assert [row["Handling"] for row in table(at, HISTORY)] == ["tilføjet"]
    # The form is empty again for the next system
    go_to(at, "edit")
    assert at.text_input(key="pf_name").value == ""


def test_a_refused_form_names_every_reason_writes_nothing_and_keeps_what_was_typed(store):
    at = portfolio_page(section="edit")
    fill_form(
        at,
        **GOOD
        | {
            "owner": "Ane Hansen",
            "contract_start": dt.date(2027, 1, 1),
            "contract_end": dt.date(2026, 1, 1),
            "vendor_cvr": "1234",
        },
    )
    submit(at)
    assert errors(at) == [
        "Systemet er ikke gemt – ret dette, og prøv igen:\n"
        "- systemejer 'Ane Hansen' mangler e-mail; skriv fx 'Ane Hansen <ane@kommune.dk>'\n"
        "- CVR-nummer '1234' skal være 8 cifre\n"
        "- kontraktudløb 2026-01-01 ligger før kontraktstart 2027-01-01"
    ]
    assert store.systems() == []
    assert at.text_input(key="pf_owner").value == "Ane Hansen"
    assert at.text_input(key="pf_name").value == "Sag & Dok"
    assert at.multiselect(key="pf_integrations").value == GOOD["integrations"]
    assert at.date_input(key="pf_contract_end").value == dt.date(2026, 1, 1)
    # Away to another section and back: still there
    go_to(go_to(at, "systems"), "edit")
    assert at.text_input(key="pf_owner").value == "Ane Hansen"
    # Corrected, it is saved
    fill_form(at, owner="Ane Hansen <ane@kommune.dk>", vendor_cvr="12345678")
    fill_form(at, contract_end=dt.date(2028, 1, 1))
    submit(at)
    assert successes(at) == ["'Sag & Dok' er tilføjet porteføljen."]
    assert store.get("sag & dok").contract_end == dt.date(2028, 1, 1)


def test_a_duplicate_name_is_refused_in_the_wizards_words(sample):
    at = portfolio_page(lang="en", section="edit")
    submit(fill_form(at, **GOOD | {"name": "esdh  ACADRE"}))
    assert errors(at) == [
        "The system is not saved – correct this and try again:\n"
        "- a system named 'esdh ACADRE' already exists; choose another name, or edit the "
        "existing one (choose it at the top of the form)"
    ]
    assert len(sample.systems()) == 8
    assert at.text_input(key="pf_name").value == "esdh  ACADRE"


def test_an_unknown_integration_names_the_nearest(library):
    draft = SystemDraft(
        name="X", vendor="V", business_area="A", owner="a@b.dk", integrations=["organisatoin"]
    )
    record, problems = record_from_draft(draft, library, "da")
    assert record is None
    assert problems == ["ukendt integration 'organisatoin'; nærmeste: organisation (SF1500)"]


def test_a_locked_database_is_one_message_and_the_form_is_kept(store, monkeypatch):
    from procure.portfolio import database

    monkeypatch.setattr(database, "SQLITE_LOCK_TIMEOUT", 0.2)
    database.dispose_engines()
    at = portfolio_page(section="edit")
    path = Path(store.engine.url.database)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program is writing
    try:
        submit(fill_form(at, **GOOD))
        (message,) = errors(at)
        assert message.startswith("Systemet er ikke gemt – ret dette, og prøv igen:\n- ")
        assert message.endswith("er låst af et andet program; prøv igen om lidt")
        assert at.text_input(key="pf_name").value == "Sag & Dok"
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert store.systems() == []
    submit(at)
    assert successes(at) == ["'Sag & Dok' er tilføjet porteføljen."]


def test_editing_a_system_changes_the_fields_given_and_records_old_and_new(sample):
    at = portfolio_page(section="edit")
    at.selectbox(key="pf_edit_choice").set_value("HR-system").run()
    assert at.text_input(key="pf_owner").value == "Dorte Lund <dorte@kommune.dk>"
    # "STS Organisation, Context Handler" in the file: stored as catalogue ids
    assert at.multiselect(key="pf_integrations").value == ["adgangsstyring-brugere", "organisation"]
    submit(fill_form(at, criticality="høj", owner="Ulla Ny <ulla@kommune.dk>"))
    assert successes(at) == ["'HR-system' er gemt; ændret: owner_name, owner_email, criticality."]
    record = sample.get("HR-system")
    assert (record.criticality, record.owner, record.integrations) == (
        "høj",
        "Ulla Ny <ulla@kommune.dk>",
        ("adgangsstyring-brugere", "organisation"),
    )
    edits = [(e.field, e.old, e.new) for e in sample.history("HR-system") if e.action == "edit"]
    assert edits == [
        ("owner_name", "Dorte Lund", "Ulla Ny"),
        ("owner_email", "dorte@kommune.dk", "ulla@kommune.dk"),
        ("criticality", "middel", "høj"),
    ]
    history = table(at, HISTORY)
    assert [(r["Handling"], r["Felt"], r["Før"], r["Efter"]) for r in history][-1] == (
        "rettet",
        "criticality",
        "middel",
        "høj",
    )


def test_saving_an_edit_keeps_what_another_tab_changed_meanwhile_in_other_fields(sample):
    at = portfolio_page()
    at.selectbox(key="pf_selected").set_value("HR-system").run()
    at.button(key="pf_edit_selected").click().run()  # from the system to its form
    assert at.radio(key="pf_section").value == "edit"
    assert at.text_input(key="pf_channel").value == "HR-drift"
    sample.edit("HR-system", {"channel": "Teams: HR"}, actor="other tab")
    submit(fill_form(at, criticality="lav"))
    assert successes(at) == ["'HR-system' er gemt; ændret: criticality."]
    record = sample.get("HR-system")
    assert (record.criticality, record.channel) == ("lav", "Teams: HR")


def test_taking_a_system_out_of_use_keeps_its_history(sample):
    at = portfolio_page()
    at.selectbox(key="pf_selected").set_value("Vejsystem").run()
    at.button(key="pf_remove_selected").click().run()
    assert "Tag 'Vejsystem' ud af brug?" in shown(at.warning[0].value)
    at.button(key="pf_remove_yes").click().run()
    assert successes(at) == ["'Vejsystem' er taget ud af brug; historikken er bevaret."]
    assert "Vejsystem" not in [row["System"] for row in table(at)]
    assert [s.name for s in sample.systems()].count("Vejsystem") == 0
    assert [e.action for e in sample.history("Vejsystem")] == ["import", "remove"]
    at.toggle(key="pf_show_removed").set_value(True).run()
    row = next(r for r in table(at) if r["System"] == "Vejsystem")
    assert row["Taget ud af brug"] == dt.date.today().isoformat()


# -- Import -----------------------------------------------------------------------------------


def upload(at: AppTest, name: str, data: bytes) -> AppTest:
    (uploader,) = at.get("file_uploader")
    uploader.set_value([(name, data, "text/csv")]).run()
    assert not at.exception
    return at


def test_an_import_with_bad_rows_lists_each_and_stores_nothing_then_a_good_file_imports(store):
    header = SAMPLE_CSV.read_text("utf-8").splitlines()[0]
    bad = "\n".join(
        [
            header,
            "Godt system;V;organisation;HR;Ane <ane@k.dk>;høj;;;;;;;",
            "Dårligt;V;organisatoin;HR;Ane <ane@k.dk>;høj;;;;;;;",
            ";V;;HR;Ane <ane@k.dk>;lav;;;;;;;",
            "Datofejl;V;;HR;Ane <ane@k.dk>;lav;;;;;;31-31-2027;",
        ]
    ).encode("utf-8")
    at = portfolio_page(section="import")
    upload(at, "systemer.csv", bad)
    assert errors(at) == ["systemer.csv: intet er importeret – 3 rækker har fejl"]
    assert table(at, ("Linje",)) == [
        {
            "Linje": "3",
            "Fejl": "ukendt integration 'organisatoin'; nærmeste: organisation (SF1500)",
        },
        {"Linje": "4", "Fejl": "navn mangler"},
        {
            "Linje": "5",
            "Fejl": "kolonnen 'kontraktudløb': '31-31-2027' er ikke en dato; skriv fx "
            "2027-03-31 eller 31-03-2027",
        },
    ]
    assert not [b for b in at.button if b.key == "pf_import_now"]
    assert store.systems() == []

    upload(at, "systemer.csv", SAMPLE_CSV.read_bytes())
    assert not errors(at)
    assert shown(at.info[0].value) == (
        "Filen er kontrolleret, og intet er gemt endnu: 8 nye, 0 ændrede, 0 uændrede systemer."
    )
    assert store.systems() == []  # the check wrote nothing
    at.button(key="pf_import_now").click().run()
    assert successes(at) == ["systemer.csv er importeret: 8 nye, 0 ændrede, 0 uændrede."]
    assert len(store.systems()) == 8
    assert len(table(at)) == 8

    # The same file again changes nothing: there is nothing to import
    go_to(at, "import")
    upload(at, "systemer.csv", SAMPLE_CSV.read_bytes())
    assert "0 nye, 0 ændrede, 8 uændrede" in shown(at.info[0].value)
    assert at.button(key="pf_import_now").disabled


def test_an_upload_that_is_no_list_of_systems_is_one_message(store):
    at = portfolio_page(section="import")
    upload(at, "tilbud.csv", b"%PDF-1.7 not a list")
    assert errors(at) == [
        "tilbud.csv: filen er hverken CSV, XLSX eller JSON; gem den som CSV "
        "(semikolonsepareret) eller .xlsx"
    ]
    assert store.systems() == []


# -- Impact -----------------------------------------------------------------------------------


def test_organisation_down_shows_exactly_the_hit_systems_by_area_with_their_paths(sample):
    at = portfolio_page(section="impact")
    at.text_input(key="pf_component").input("organisation").run()
    assert not errors(at)
    assert [shown(h.value) for h in at.subheader] == [
        "Fælleskommunalt Organisationssystem (SF1500) er nede: 5 systemer i 5 fagområder rammes"
    ]
    areas = [shown(m.value) for m in at.markdown if m.value.startswith("**")]
    assert areas[:5] == [
        "**Administration**",
        "**Børn og familie**",
        "**HR**",
        "**Økonomi**",
        "**Borgerservice**",
    ]
    rows = [row for frame in at.dataframe for row in frame.value.to_dict("records")]
    assert [(r["System"], r["Kritikalitet"], r["Berørt via"]) for r in rows] == [
        ("ESDH Acadre", "høj", "sags-og-dokumentindeks → organisation"),
        ("Fagsystem Børn", "høj", "direkte"),
        ("HR-system", "middel", "direkte"),
        ("Ydelsessystem", "middel", "ydelsesindeks → sags-og-dokumentindeks → organisation"),
        ("Borgerservice kø", "lav", "direkte"),
    ]
    assert rows[0]["Systemejer"] == "Ane Hansen <ane@kommune.dk>"
    assert rows[0]["Kontaktkanal"] == "Teams: ESDH-drift"
    dot = at.get("graphviz_chart")[0].proto.spec
    assert dot.count('style="rounded,filled"') == 5  # one box a system
    assert 'label="ESDH Acadre\\n(høj)"' in dot
    assert "Bookingsystem" not in dot and "Vejsystem" not in dot
    # Organisation is drawn once, as the component that is down; every path leads to it
    assert dot.count("Organisationssystem") == 1
    assert 'label="Fælleskommunalt\\nOrganisationssystem\\nSF1500\\nNEDE"' in dot


def test_a_component_is_found_by_sf_number_or_alias_and_an_unknown_one_names_the_nearest(sample):
    at = portfolio_page(section="impact")
    at.text_input(key="pf_component").input("SF1461").run()
    assert shown(at.subheader[0].value).startswith("Fælleskommunal Beskedfordeler (SF1461")
    assert [r["System"] for r in at.dataframe[0].value.to_dict("records")] == ["ESDH Acadre"]
    at.text_input(key="pf_component").input("STS Organisation").run()
    assert "5 systemer i 5 fagområder" in shown(at.subheader[0].value)
    at.text_input(key="pf_component").input("organisatoin").run()
    assert errors(at) == ["ukendt integration 'organisatoin'; nærmeste: organisation (SF1500)"]
    assert not at.get("graphviz_chart")
    at.selectbox(key="pf_component_pick").set_value("nemsms").run()
    assert at.text_input(key="pf_component").value == "nemsms"
    assert [shown(s.value) for s in at.success] == [
        "Ingen systemer i porteføljen rammes, når NemSMS (SF2250) er nede."
    ]


def test_the_notice_to_the_business_areas_opens_in_word(sample, downloads):
    from docx import Document

    at = portfolio_page(section="impact")
    at.text_input(key="pf_component").input("organisation").run()
    document = Document(io.BytesIO(downloads(at, "notice.docx")))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Driftsforstyrrelse: Fælleskommunalt Organisationssystem" in text
    assert "Det rammer 5 systemer i 5 fagområder" in text
    cells = {c.text for t in document.tables for row in t.rows for c in row.cells}
    assert {"ESDH Acadre", "Ydelsessystem", "Borgerservice kø"} <= cells
    assert "Bookingsystem" not in cells


# -- Coverage ---------------------------------------------------------------------------------


def test_coverage_shows_the_known_gaps_the_heat_map_and_the_workbook(sample, downloads):
    from openpyxl import load_workbook

    at = portfolio_page(section="coverage")
    counts = {m.label: m.value for m in at.metric}
    assert counts["Systemer"] == "8" and counts["Med mangler"] == "6"
    gaps = {row["System"]: row for row in table(at, ("Kategori", MISSING))}
    assert gaps["ESDH Acadre"]["Kategori"].startswith("Y65 – ")
    assert gaps["ESDH Acadre"][MISSING] == "fordelingskomponent, adgangsstyring-brugere, cpr, cvr"
    assert "Vejsystem" in gaps and "Klassifikationsværktøj" not in gaps  # no category
    chart = at.get("vega_lite_chart")[0].proto
    assert '"title": "Integration"' in chart.spec and '"title": "Status"' in chart.spec
    assert '"type": "text"' in chart.spec  # each state has its symbol, not colour alone
    assert sorted(load_workbook(io.BytesIO(downloads(at, "coverage.xlsx"))).sheetnames)


def test_the_contracts_that_end_within_the_months_chosen(store):
    today = dt.date.today()
    for name, days in (("Snart", 40), ("Senere", 800), ("Udløbet", -5)):
        store.add(
            SystemRecord(
                name,
                vendor="V",
                business_area="HR",
                owner_email="a@b.dk",
                category="Y60",
                contract_end=today + dt.timedelta(days=days),
            )
        )
    at = portfolio_page(section="coverage")
    assert [r["System"] for r in table(at, ("Kontraktudløb", MISSING))] == ["Snart"]
    at.text_input(key="pf_months").input("36").run()
    assert [r["System"] for r in table(at, ("Kontraktudløb", MISSING))] == ["Snart", "Senere"]


# -- Two tabs, and the English page ------------------------------------------------------------


def test_a_second_tab_sees_a_change_on_its_next_rerun(database_url):
    first, second = portfolio_page(), portfolio_page()
    assert [shown(i.value) for i in second.info][0].startswith("Porteføljen er tom.")
    go_to(first, "edit")
    submit(fill_form(first, **GOOD))
    assert successes(first) == ["'Sag & Dok' er tilføjet porteføljen."]
    second.run()
    assert [row["System"] for row in table(second)] == ["Sag & Dok"]
    # And back: the second tab takes it out of use, the first one's next rerun has it gone
    second.selectbox(key="pf_selected").set_value("Sag & Dok").run()
    second.button(key="pf_remove_selected").click().run()
    second.button(key="pf_remove_yes").click().run()
    first.run()
    assert shown(first.info[0].value).startswith("Porteføljen er tom.")
    assert database_url.split(":", 1)[0] in ("sqlite", "postgresql+psycopg")


def test_the_page_in_english(sample):
    at = portfolio_page(lang="en")
    assert list(table(at, ("Vendor",))[0]) == [
        "System",
        "Vendor",
        "Business area",
        "Criticality",
        "System owner",
        "Contact channel",
        "Integrations",
        "Category",
        "Contract end",
    ]
    assert {row["Criticality"] for row in table(at, ("Vendor",))} == {"high", "medium", "low"}


# -- What the page draws, as data ---------------------------------------------------------------


def test_a_name_cannot_break_out_of_its_graph_label(library):
    evil = 'Evil"];x->y[label="\\'
    assert dot_text(evil) == 'Evil\\"];x->y[label=\\"\\\\'
    assert dot_text("a\nb\x00c") == "a\\nb c"  # a line break DOT's way, no control character
    impact = impact_of(
        "organisation",
        [SystemRecord(evil, business_area="A", criticality="høj", integrations=("organisation",))],
        library,
    )
    dot = impact_dot(impact, library, "da")
    assert 'label="Evil\\"];x->y[label=\\"\\\\\\n(høj)"' in dot
    edges = [line for line in dot.splitlines() if re.fullmatch(r"  [sia]\d+ -> [sia]\d+.*;", line)]
    assert edges == ["  s0 -> i0;"]
    assert dot.count("\n  s0 [") == 1 and dot.rstrip().endswith("}")


def test_a_large_outage_is_drawn_by_business_area(library):
    systems = [
        SystemRecord(f"S{i}", business_area=f"Område {i % 3}", integrations=("organisation",))
        for i in range(GRAPH_MAX_SYSTEMS + 1)
    ]
    dot = impact_dot(impact_of("organisation", systems, library), library, "da")
    assert "S1" not in dot
    assert dot.count('style="rounded,filled"') == 3  # one box an area
    assert 'label="Område 0\\n14 systemer"' in dot
    assert 'label="14"' in dot  # the edge says how many


def test_every_heat_map_cell_has_a_symbol_as_well_as_a_colour(sample, library):
    from procure.portfolio.coverage import coverage_of

    coverage = coverage_of(sample.systems(), library, today=dt.date(2026, 12, 1))
    rows, matched = heatmap_rows(coverage, library, "da")
    assert matched == 8
    symbols = {row["state"]: row["symbol"] for row in rows}
    assert symbols == {"Bruges": "●", "Bruges indirekte": "○", "Mangler": "✕"}
    assert len({symbol for _, symbol in CELL_STYLES.values()}) == 3
    # WCAG 1.4.11: every fill ≥ 3:1 on the page, its white symbol ≥ 4.5:1 (the old light blue
    # was 1.9:1); the chart is named in Danish for a screen reader
    from tests.test_documents_docx import contrast_ratio

    assert all(contrast_ratio(fill.lstrip("#")) >= 4.5 for fill, _ in CELL_STYLES.values())
    chart, _ = heatmap_chart(coverage, library, "da")
    assert chart["description"].startswith("Diagram over 8 systemer og ")
    assert chart["layer"][1]["encoding"]["color"]["scale"]["range"] == ["#ffffff"] * 3
    esdh = {r["integration"]: r["state"] for r in rows if r["system"] == "ESDH Acadre"}
    assert esdh["sags-og-dokumentindeks"] == "Bruges"
    assert esdh["organisation"] == "Bruges indirekte"
    assert esdh["cvr"] == "Mangler"


# -- The Tilbud step: register the winning bid -------------------------------------------------


def _bids_and_form():
    """What the Tilbud step has once two bids are checked, and the call it makes: Leverandør B
    does not meet Digital Post's requirement and gives its CVR number."""
    import yaml

    from procure.evaluation import evaluate_response
    from procure.responses.reader import read_response
    from procure.tender import resolve_tender
    from procure.ui.checking import ReadFile
    from procure.ui.session import get_state, show_notices
    from procure.ui.system_form import register_winning_bid_form
    from tests.samples import answer_file, sample_tender, shipped_release

    spec = resolve_tender(sample_tender(), shipped_release())
    post = next(i for i in spec.integrations if i.id == "digital-post")
    second = yaml.safe_load(
        answer_file(spec, "Leverandør B", answers={post.requirement_ids[0]: "Ikke opfyldt"})
    )
    second["vendor"]["cvr"] = "87654321"
    responses = [
        read_response(answer_file(spec, "Leverandør A"), "a.yaml"),
        read_response(yaml.safe_dump(second, allow_unicode=True).encode(), "b.yaml"),
    ]
    state = get_state()
    state.check.read_value = tuple(ReadFile(r.source, r, None) for r in responses)
    results = [evaluate_response(spec, r) for r in responses]
    show_notices(state)
    register_winning_bid_form(state, spec, results)


def test_the_winning_bid_becomes_a_system_with_the_integrations_it_meets(store):
    from tests.samples import sample_spec, sample_tender

    spec = sample_spec()
    at = AppTest.from_function(_bids_and_form, default_timeout=60).run()
    assert not at.exception
    at.selectbox(key="reg_bid").set_value("b.yaml").run()
    assert at.text_input(key="reg_vendor").value == "Leverandør B"
    assert at.text_input(key="reg_vendor_cvr").value == "87654321"
    assert "Registreres ikke, fordi tilbuddet ikke opfylder dem: Fælleskommunal Postkomponent" in (
        shown(at.warning[0].value)
    )
    at.text_input(key="reg_name").input("Nyt ESDH")
    at.text_input(key="reg_business_area").input("Administration")
    at.text_input(key="reg_owner").input("Ane")  # no e-mail: refused, what was typed kept
    at.button(key="reg_submit").click().run()
    assert errors(at) == [
        "Systemet er ikke gemt – ret dette, og prøv igen:\n"
        "- systemejer 'Ane' mangler e-mail; skriv fx 'Ane Hansen <ane@kommune.dk>'"
    ]
    assert store.systems() == [] and at.text_input(key="reg_name").value == "Nyt ESDH"
    at.text_input(key="reg_owner").input("Ane <ane@k.dk>")
    at.selectbox(key="reg_criticality").set_value("høj")
    at.button(key="reg_submit").click().run()
    expected = sorted(i.id for i in spec.integrations if i.id != "digital-post")
    assert successes(at) == [
        f"'Nyt ESDH' er registreret i porteføljen med integrationerne {', '.join(expected)}."
    ]
    record = store.get("Nyt ESDH")
    assert (record.vendor, record.vendor_cvr, record.criticality, record.category) == (
        "Leverandør B",
        "87654321",
        "høj",
        "Y65",
    )
    assert record.integrations == tuple(expected)
    assert (record.tender_id, record.library_version) == (sample_tender().id, "1.0.0")
    assert record.tender_file.endswith(f"tenders/{sample_tender().id}/tender.yaml")
    assert [e.action for e in store.history("Nyt ESDH")] == ["register"]


def test_the_revision_moves_with_every_write_and_only_then(database_url, library):
    """What tells the page to read the systems again (PortfolioStore.revision)."""
    store = PortfolioStore(database_url, library=library)
    seen = [store.revision()]
    store.add(SystemRecord("A", vendor="V", business_area="HR", owner_email="a@b.dk"))
    seen.append(store.revision())
    store.systems()
    store.history("A")
    assert store.revision() == seen[-1]  # reading changes nothing
    store.edit("A", {"criticality": "høj"})
    seen.append(store.revision())
    store.edit("A", {"criticality": "høj"})  # no change: nothing written
    assert store.revision() == seen[-1]
    store.remove("A")
    seen.append(store.revision())
    assert seen == [(0, 0), (1, 1), (2, 2), (3, 3)]


# -- In a real browser ------------------------------------------------------------------------


@pytest.mark.browser
def test_the_page_in_chromium(sample, workspace_in_tmp):
    """The step served as in production with the sample portfolio: the table, an outage with
    its graph and the coverage heat map drawn (screenshots in test-artefacts/screenshots)."""
    from tests.wizard_server import browser_missing, launch_chromium, served_wizard

    missing = browser_missing()
    if missing:
        pytest.skip(missing)
    from playwright.sync_api import expect, sync_playwright

    shots = Path(__file__).resolve().parents[1] / "test-artefacts" / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    with served_wizard() as url, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            # Streamlit scrolls inside its own container: a tall window shows the whole section
            page = browser.new_page(viewport={"width": 1400, "height": 2600}, locale="da-DK")
            page.set_default_timeout(30_000)
            page.goto(url)
            expect(page.get_by_role("heading", name="1. Start")).to_be_visible(timeout=60_000)
            page.get_by_test_id("stSidebar").get_by_text("11. Portefølje", exact=True).click()
            expect(page.get_by_role("heading", name="11. Portefølje")).to_be_visible()
            expect(page.get_by_text("Viser 8 af 8 systemer i brug")).to_be_visible()
            _idle(page)
            page.screenshot(path=str(shots / "portefolje-systemer.png"))

            page.get_by_text("Nedbrud", exact=True).click()
            _idle(page)
            field = page.get_by_label("Komponent der er nede", exact=True)
            field.fill("organisation")
            field.press("Enter")
            expect(page.get_by_text("5 systemer i 5 fagområder rammes")).to_be_visible()
            graph = page.get_by_test_id("stGraphVizChart")
            expect(graph.locator("svg")).to_be_visible()
            expect(graph.get_by_text("ESDH Acadre")).to_be_visible()
            _idle(page)
            page.screenshot(path=str(shots / "portefolje-nedbrud.png"), full_page=True)
            with page.expect_download() as download:
                page.get_by_role("button", name="Hent meddelelse til fagområderne").click()
            assert Path(download.value.path()).read_bytes()[:2] == b"PK"

            page.get_by_text("Dækning", exact=True).click()
            _idle(page)
            expect(page.get_by_text("Systemer og integrationer")).to_be_visible()
            expect(
                page.locator("[data-testid='stVegaLiteChart'] canvas, svg.marks").first
            ).to_be_visible()
            page.screenshot(path=str(shots / "portefolje-daekning.png"), full_page=True)

            # A form refused in the browser: every reason shown, what was typed kept
            page.get_by_text("Tilføj eller ret", exact=True).click()
            _idle(page)
            page.get_by_label("Systemets navn", exact=True).fill("ESDH Acadre")
            page.get_by_label("Leverandør", exact=True).fill("Tieto")
            page.get_by_label("Fagområde", exact=True).fill("Administration")
            page.get_by_label("Systemejer", exact=True).fill("Ane Hansen")
            page.get_by_role("button", name="Tilføj system").click()
            _idle(page)
            expect(page.get_by_text("Systemet er ikke gemt")).to_be_visible()
            expect(page.get_by_text("systemejer 'Ane Hansen' mangler e-mail")).to_be_visible()
            expect(page.get_by_label("Systemets navn", exact=True)).to_have_value("ESDH Acadre")
            page.screenshot(path=str(shots / "portefolje-formular.png"), full_page=True)
        finally:
            browser.close()


def _idle(page) -> None:
    """Until Streamlit has finished the rerun the last action started."""
    page.wait_for_timeout(500)
    page.wait_for_function(
        """() => document.querySelector('[data-testid="stApp"]')
            ?.getAttribute('data-test-script-state') === 'notRunning'
            && !document.querySelector('[data-stale="true"]')
            && !document.querySelector('[data-testid="stSkeleton"]')""",
        timeout=60_000,
    )
