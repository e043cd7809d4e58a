"""Step 9, "Bibliotek", driven without a browser: what an officer relies on when reading the
requirement library – the changelog, search, one requirement in both languages, the differences
between two versions – and that reading it never changes the tender."""

from __future__ import annotations

import shutil

import pytest
from streamlit.testing.v1 import AppTest

from procure.library import load_release
from procure.ui.pages.bibliotek.diff import WORKING_COPY, default_diff_pair, value_text
from procure.ui.pages.bibliotek.requirements import matching_requirements
from procure.ui.pages.bibliotek.view import LibraryView
from procure.ui.state import TENDER_FIELDS
from procure.ui.texts import STEP_KEYS
from tests.conftest import SHIPPED_LIBRARY
from tests.wizard import APP, STATE_KEY, metrics, shown

CHANGED_ID = "FKI-INT-017"
OLD_PHRASE = "via SF1462 og må ikke anvende de tidligere SF1460_A–D, som SF1461 og"
NEW_PHRASE = "via SF1462 og skal kvittere for hver besked, den modtager, ligesom SF1461 og"
BROKEN_ID = "NF-TIL-002"  # no replaced_by points into its file, so breaking it is one error


@pytest.fixture(scope="module")
def release():
    return load_release("1.1.0", SHIPPED_LIBRARY)


@pytest.fixture
def working_copy(tmp_path, monkeypatch):
    """A writable copy of the shipped library as the working library folder."""
    folder = tmp_path / "requirement_library"
    shutil.copytree(SHIPPED_LIBRARY, folder)
    monkeypatch.setenv("PROCURE_LIBRARY", str(folder))
    return folder


def library_step(lang: str = "da") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60).run()
    if lang != "da":
        at.sidebar.radio(key="ui_lang").set_value(lang).run()
    at.sidebar.button(key=f"nav_step_{STEP_KEYS.index('step_library')}").click().run()
    assert not at.exception
    return at


def section(at: AppTest, name: str) -> AppTest:
    at.radio(key="lib_section").set_value(name).run()
    assert not at.exception
    return at


def markdown(at: AppTest) -> str:
    return "\n".join(shown(m.value) for m in at.markdown)


def table_ids(at: AppTest) -> list[str]:
    return list(at.dataframe[0].value["id"])


# -- Overview and changelog ---------------------------------------------------------------------


def test_overview_shows_the_version_counts_and_the_changelog_entries(release):
    at = library_step()
    assert at.selectbox(key="lib_version").value == "1.1.0"
    counts = metrics(at)
    assert counts["Version"] == "1.1.0"
    assert counts["Aktive krav"] == str(len(release.active_requirements)) == "102"
    assert counts["Udfasede krav"] == "17"
    text = markdown(at)
    assert "**1.1.0** · 2026-12-14" in text and "**1.0.0** · 2026-11-26" in text
    assert "Rettede fakta og krav, som en ordregiver kan forsvare" in text


# -- Requirements -------------------------------------------------------------------------------


def test_searching_beskedfordeler_or_its_sf_number_narrows_the_table_to_those_requirements(
    release,
):
    at = section(library_step(), "requirements")
    assert len(table_ids(at)) == len(release.requirements)
    linked = [r.id for r in release.requirements if "beskedfordeler" in r.integrations]
    assert linked and len(linked) < len(release.requirements)

    at.text_input(key="lib_search").input("beskedFORDELER").run()
    assert table_ids(at) == linked
    assert "FKI-INT-017" in linked and "FKI-INT-007" not in linked

    at.text_input(key="lib_search").input("SF1461").run()
    assert table_ids(at) == linked
    # The detail chooser follows the table, so the first match is shown
    assert at.selectbox(key="lib_requirement").value == linked[0]


def test_filters_narrow_the_table_and_no_match_can_be_cleared(release):
    at = section(library_step(), "requirements")
    at.selectbox(key="lib_kind").set_value("PK").run()
    assert table_ids(at) == [r.id for r in release.requirements if r.kind == "PK"]
    at.selectbox(key="lib_status").set_value("deprecated").run()
    # retired PKs keep the kind they had
    assert table_ids(at) == ["FKI-BRG-009", "FKI-INT-010"]
    at.selectbox(key="lib_kind").set_value("O").run()
    assert not at.dataframe  # no option was retired in 1.1.0
    assert "Ingen krav passer" in at.info[0].value
    at.button(key="lib_clear_filters").click().run()
    assert len(table_ids(at)) == len(release.requirements)


def test_picking_a_requirement_shows_it_in_danish_and_english_with_its_integrations(release):
    requirement = release.requirement(CHANGED_ID)
    at = section(library_step(), "requirements")
    at.selectbox(key="lib_requirement").set_value(CHANGED_ID).run()
    text = markdown(at)
    for expected in (
        requirement.title.da,
        requirement.text.da,
        requirement.title.en,
        requirement.text.en,
        requirement.guidance.da,
        requirement.answer.da,
        "Fælleskommunal Beskedfordeler (SF1461 Modtag beskeder, SF1462 Afsend beskeder)",
        requirement.references[0].title,
    ):
        assert expected in text


# -- Integrations catalogue ---------------------------------------------------------------------


def test_integrations_catalogue_lists_sf_numbers_dependencies_and_descriptions(release):
    at = section(library_step(), "integrations")
    table = at.dataframe[0].value.set_index("id")
    assert list(table.index) == [i.id for i in release.integrations]
    assert table.loc["beskedfordeler", "sf"] == "SF1461, SF1462"
    depends = release.integrations_by_id["adgangsstyring-systemer"].name.da
    assert table.loc["beskedfordeler", "depends_on"] == depends
    assert release.integrations_by_id["beskedfordeler"].description.da in markdown(at)


# -- Differences --------------------------------------------------------------------------------


def test_one_release_and_an_identical_working_copy_have_no_differences():
    at = section(library_step(), "diff")
    assert at.selectbox(key="lib_diff_old").value == "1.1.0"
    assert at.selectbox(key="lib_diff_new").value == WORKING_COPY
    assert "Ingen forskelle" in shown(at.success[0].value)
    assert not at.error


def test_a_changed_requirement_text_in_the_working_copy_is_listed_with_old_and_new_text(
    working_copy, release
):
    requirements_file = working_copy / "requirements" / "integration.yaml"
    content = requirements_file.read_text("utf-8")
    assert content.count(OLD_PHRASE) == 1
    requirements_file.write_text(content.replace(OLD_PHRASE, NEW_PHRASE), "utf-8")
    _bump_version(working_copy, "1.2.0")
    old_text = release.requirement(CHANGED_ID).text.da
    new_text = old_text.replace(OLD_PHRASE, NEW_PHRASE)

    at = section(library_step(), "diff")
    assert not at.error
    assert shown(at.subheader[0].value) == "Ændringer fra 1.1.0 til arbejdskopien (1.2.0)"
    assert metrics(at) == {"Tilføjet": "0", "Fjernet": "0", "Udfaset": "0", "Ændret": "1"}
    text = markdown(at)
    assert f"**{CHANGED_ID}** · {release.requirement(CHANGED_ID).title.da}" in text
    assert "Kravtekst, dansk (`text.da`)" in text
    assert f"Før: {old_text}" in text
    assert f"Nu: {new_text}" in text

    # The other direction says the same change the other way round
    at.selectbox(key="lib_diff_old").set_value(WORKING_COPY).run()
    at.selectbox(key="lib_diff_new").set_value("1.1.0").run()
    assert f"Før: {new_text}" in markdown(at)


def test_a_broken_working_copy_shows_its_errors_and_the_page_still_works(working_copy):
    requirements_file = working_copy / "requirements" / "tilgaengelighed.yaml"
    content = requirements_file.read_text("utf-8")
    entry = f'id: "{BROKEN_ID}"\n    area: tilgaengelighed\n    kind: K\n'
    assert content.count(entry) == 1
    requirements_file.write_text(content.replace(entry, entry.replace("K\n", "XX\n")), "utf-8")

    at = section(library_step(), "diff")
    assert not at.exception
    message = shown(at.error[0].value)
    assert "Arbejdskopien" in message and "1 fejl" in message
    line = content[: content.index(entry)].count("\n") + 3  # the kind: line
    assert f"requirements/tilgaengelighed.yaml:{line}: [{BROKEN_ID}] feltet 'kind'" in message
    assert str(working_copy) not in message  # no server paths, no traceback
    assert "Traceback" not in message

    # Two releases can still be compared, and the rest of the page works
    at.selectbox(key="lib_diff_old").set_value("1.1.0").run()
    at.selectbox(key="lib_diff_new").set_value("1.1.0").run()
    assert not at.error
    assert "samme version" in at.info[0].value
    section(at, "requirements")
    at.text_input(key="lib_search").input("SF1461").run()
    assert CHANGED_ID in table_ids(at)


# -- Language and read-only ---------------------------------------------------------------------


def test_english_labels_after_switching_language(release):
    at = library_step("en")
    assert at.radio(key="lib_section").options == [
        "Overview and changelog",
        "Requirements",
        "Integrations",
        "Differences between versions",
    ]
    assert release.changelog[0].summary.en in markdown(at)
    assert metrics(at)["Active requirements"] == str(len(release.active_requirements))
    section(at, "requirements")
    assert at.text_input(key="lib_search").label == "Search the requirements"
    at.selectbox(key="lib_requirement").set_value(CHANGED_ID).run()
    text = markdown(at)
    assert "The answer must describe" in text
    assert "Joint Municipal Message Broker (SF1461 Receive messages" in text
    section(at, "diff")
    assert "No differences" in shown(at.success[0].value)

    # Back to Danish: the same page, Danish labels
    at.sidebar.radio(key="ui_lang").set_value("da").run()
    assert "Ingen forskelle" in shown(at.success[0].value)


def test_browsing_the_library_never_changes_the_tender():
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.button(key="start_new").click().run()
    at.text_input(key="title").input("Anskaffelse af ESDH-system").run()
    state = at.session_state[STATE_KEY]
    before = {name: repr(getattr(state, name)) for name in TENDER_FIELDS}

    at.sidebar.button(key=f"nav_step_{STEP_KEYS.index('step_library')}").click().run()
    section(at, "requirements")
    at.text_input(key="lib_search").input("organisation").run()
    at.selectbox(key="lib_kind").set_value("MK").run()
    at.selectbox(key="lib_requirement").set_value(table_ids(at)[-1]).run()
    section(at, "integrations")
    section(at, "diff")
    at.selectbox(key="lib_diff_new").set_value("1.0.0").run()
    assert not at.exception

    state = at.session_state[STATE_KEY]
    assert {name: repr(getattr(state, name)) for name in TENDER_FIELDS} == before
    # The view is kept while the officer moves between steps
    at.sidebar.button(key=f"nav_step_{STEP_KEYS.index('step_purchase')}").click().run()
    at.sidebar.button(key=f"nav_step_{STEP_KEYS.index('step_library')}").click().run()
    assert at.radio(key="lib_section").value == "diff"


# -- Pure functions -----------------------------------------------------------------------------


def test_default_diff_pair_goes_from_the_tenders_version_to_what_came_after():
    assert default_diff_pair(["1.0.0"], None, True) == ("1.0.0", WORKING_COPY)
    assert default_diff_pair(["1.0.0"], None, False) == ("1.0.0", "1.0.0")
    assert default_diff_pair(["1.0.0", "1.1.0"], "1.0.0", True) == ("1.0.0", "1.1.0")
    assert default_diff_pair(["1.0.0", "1.1.0"], "9.9.9", True) == ("1.1.0", WORKING_COPY)


def test_search_needs_every_word_and_ignores_case(release):
    view = LibraryView(search="BESKEDFORDELER sf1462")
    found = [r.id for r in matching_requirements(release, "da", view)]
    assert CHANGED_ID in found
    assert all("beskedfordeler" in release.requirement(rid).integrations for rid in found)
    view.search = "beskedfordeler ingen-sådan-tekst"
    assert matching_requirements(release, "da", view) == []


def test_diff_values_read_as_one_line():
    assert value_text(None) == "–"
    assert value_text(["organisation", "klassifikation"]) == "organisation, klassifikation"
    reference = {"title": "Vejledning", "clause": "3.2"}
    assert value_text([reference]) == "title: Vejledning; clause: 3.2"
    assert value_text("to\n  linjer") == "to linjer"


def _bump_version(folder, version: str) -> None:
    """Raise the working copy's version with a changelog entry, as releasing rules require."""
    manifest = folder / "library.yaml"
    content = manifest.read_text("utf-8")
    head = 'version: "1.1.0"\nchangelog:\n'
    assert head in content
    entry = (
        f'version: "{version}"\nchangelog:\n'
        f'  - version: "{version}"\n'
        '    date: "2026-12-01"\n'
        "    summary:\n"
        "      da: Kvittering for beskeder.\n"
        "      en: Receipts for messages.\n"
    )
    manifest.write_text(content.replace(head, entry, 1), "utf-8")
