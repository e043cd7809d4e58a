"""The Krav step with many requirements: search, filters, pages, and the warnings for choices
that are hard to defend. The wizard opens directly on the step with the shipped library's
proposal for Y65 (101 requirements, so six pages of cards)."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from procure.library import load_release
from procure.ui.pages.krav.cards import (
    ALL_AREAS,
    PAGE_SIZE,
    SHOW_ALL,
    Card,
    matching_cards,
    normalized,
)
from procure.ui.state import WizardState, propose, requirement_rows
from procure.ui.texts import DA, STEP_KEYS
from tests.wizard import APP, metrics, shown

K_REQUIREMENT = "FKI-INT-003"  # K in the library


@pytest.fixture(scope="module")
def library():
    return load_release("1.0.0")


@pytest.fixture(scope="module")
def proposal_order(library):
    """The ids of the Y65 proposal in the order the step lists them (by area)."""
    state = WizardState(category="Y65")
    rows = requirement_rows(state, library, propose(state, library))
    return [r.id for area in library.areas for r in rows if r.requirement.area == area.key]


def on_krav_step(monkeypatch, tmp_path, lang: str = "da") -> AppTest:
    monkeypatch.setenv("PROCURE_WORKSPACE", str(tmp_path / "workspace"))
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["procure_wizard"] = WizardState(
        ui_lang=lang,
        title="ESDH",
        buyer="Eksempel Kommune",
        category="Y65",
        library_version="1.0.0",  # the sample data of these tests (tests/wizard.py)
        step=STEP_KEYS.index("step_requirements"),
    )
    at.run()
    assert not at.exception
    return at


def cards(at: AppTest) -> list[str]:
    """The ids of the requirement cards on screen, in order."""
    prefix = "req_include_"
    return [c.key.removeprefix(prefix) for c in at.checkbox if c.key.startswith(prefix)]


def status(at: AppTest) -> str:
    return next(shown(m.value) for m in at.markdown if m.value.startswith(("Viser", "Showing")))


def lint_box(at: AppTest):
    """The warning box (an expander whose label counts the warnings), or None."""
    heading = re.compile(r":orange\[" + DA["lint_heading"].replace("{count}", r"(\d+)") + r"\]")
    return next((e for e in at.expander if heading.fullmatch(e.label)), None)


def facts_box(at: AppTest):
    """The box of what the library has not verified (procure.tender.lint.LIBRARY_FACT_CODES),
    counted apart from the officer's choices, or None."""
    heading = re.compile(DA["lint_facts_heading"].replace("{count}", r"(\d+)"))
    return next((e for e in at.expander if heading.fullmatch(e.label)), None)


def choice_warnings(at: AppTest) -> list[str]:
    """The box's warnings about the officer's choices."""
    box = lint_box(at)
    if box is None:
        return []
    return [line for line in box.warning[0].value.split("\n") if line.startswith("- ")]


def box_count(box) -> int:
    return int(re.search(r"\d+", box.label).group())


def test_first_page_shows_page_size_cards_and_counts_over_all(
    monkeypatch, tmp_path, proposal_order
):
    at = on_krav_step(monkeypatch, tmp_path)
    assert len(proposal_order) == 101
    assert cards(at) == proposal_order[:PAGE_SIZE]
    assert status(at) == "Viser 101 af 101 krav · side 1 af 6: krav 1–20"
    assert metrics(at)["Krav i alt"] == "101"
    assert at.pagination(key="req_page").num_pages == 6


def test_page_two_shows_the_next_cards_and_the_counts_stay_totals(
    monkeypatch, tmp_path, proposal_order
):
    at = on_krav_step(monkeypatch, tmp_path)
    before = metrics(at)
    at.pagination(key="req_page").set_value(2).run()
    assert cards(at) == proposal_order[PAGE_SIZE : 2 * PAGE_SIZE]
    assert status(at).endswith("side 2 af 6: krav 21–40")
    assert metrics(at) == before
    # The pager under the list turns the same page
    at.pagination(key="req_page_bottom").set_value(6).run()
    assert cards(at) == proposal_order[5 * PAGE_SIZE :]
    assert at.pagination(key="req_page").value == 6
    # Excluding a requirement on page 6 changes the totals, whatever page is on screen
    at.checkbox(key=f"req_include_{proposal_order[-1]}").uncheck().run()
    assert metrics(at)["Krav i alt"] == "100"
    # A new filter starts on page 1 again
    at.radio(key="req_show").set_value("included").run()
    assert at.pagination(key="req_page").value == 1
    assert cards(at) == proposal_order[:PAGE_SIZE]


def test_search_by_id_narrows_the_list_to_that_requirement(monkeypatch, tmp_path):
    at = on_krav_step(monkeypatch, tmp_path)
    at.text_input(key="req_search").input("fki-org-001").run()
    assert cards(at) == ["FKI-ORG-001"]
    assert status(at) == "Viser 1 af 101 krav"
    assert not at.pagination  # one page: no pager


def test_search_ignores_case_and_finds_danish_letters_in_title_and_text(
    monkeypatch, tmp_path, library, proposal_order
):
    at = on_krav_step(monkeypatch, tmp_path)
    at.text_input(key="req_search").input("TILGÆNGELIGHED  Sikkerhed").run()
    expected = found(library, proposal_order, "da", "tilgængelighed", "sikkerhed")
    assert 0 < len(expected) < PAGE_SIZE
    assert cards(at) == expected


def test_search_uses_the_officers_language(monkeypatch, tmp_path, library, proposal_order):
    at = on_krav_step(monkeypatch, tmp_path, lang="en")
    at.text_input(key="req_search").input("Accessibility").run()
    expected = found(library, proposal_order, "en", "accessibility")
    assert expected and cards(at) == expected[:PAGE_SIZE]
    assert status(at).startswith(f"Showing {len(expected)} of 101 requirements")
    assert found(library, proposal_order, "da", "accessibility") == []


def found(library, order, lang, *words) -> list[str]:
    """The ids whose id, title or text (in `lang`) has every word: what the search should find."""

    def haystack(rid):
        r = library.requirements_by_id[rid]
        return normalized(f"{rid} {r.title.get(lang)} {r.text.get(lang)}")

    return [rid for rid in order if all(w in haystack(rid) for w in words)]


def test_search_without_a_match_says_so_and_clears(monkeypatch, tmp_path):
    at = on_krav_step(monkeypatch, tmp_path)
    at.text_input(key="req_search").input("blåbærgrød").run()
    assert cards(at) == []
    assert DA["req_no_matches"] in [i.value for i in at.info]
    at.button(key="req_clear_filters").click().run()
    assert at.text_input(key="req_search").value == ""
    assert len(cards(at)) == PAGE_SIZE


def test_kind_filter_shows_only_those_kinds(monkeypatch, tmp_path, library, proposal_order):
    at = on_krav_step(monkeypatch, tmp_path)
    at.pills(key="req_kinds").set_value(["MK", "O"]).run()
    expected = [
        rid for rid in proposal_order if library.requirements_by_id[rid].kind in ("MK", "O")
    ]
    assert cards(at) == expected[:PAGE_SIZE]
    assert status(at).startswith(f"Viser {len(expected)} af 101 krav")
    assert {at.selectbox(key=f"req_kind_{rid}").value for rid in cards(at)} == {"MK", "O"}
    # The counts above stay those of the whole tender
    assert metrics(at)["Krav i alt"] == "101"


def test_show_excluded_and_changed(monkeypatch, tmp_path):
    at = on_krav_step(monkeypatch, tmp_path)
    at.text_input(key="req_search").input("FKI-ORG-00").run()
    at.checkbox(key="req_include_FKI-ORG-002").uncheck().run()
    at.selectbox(key="req_kind_FKI-ORG-001").select("PK").run()
    at.text_input(key="req_search").input("").run()
    at.radio(key="req_show").set_value("excluded").run()
    assert cards(at) == ["FKI-ORG-002"]
    at.radio(key="req_show").set_value("changed").run()
    assert cards(at) == ["FKI-ORG-001", "FKI-ORG-002"]


def test_making_a_k_requirement_mk_warns_with_the_librarys_guidance(monkeypatch, tmp_path, library):
    at = on_krav_step(monkeypatch, tmp_path)
    assert choice_warnings(at) == []  # the library's own proposal is defensible
    assert lint_box(at) is None  # so no warning box at all
    # What the library has not verified reaches the officer here, never the bidders' annex, and
    # is counted apart from the officer's choices
    facts = facts_box(at)
    text = shown(facts.info[0].value)
    assert "**adgangsstyring-brugere** · Fælleskommunal Adgangsstyring for brugere" in text
    assert "intet verificeret SF-nummer" in text
    assert box_count(facts) == text.count("\n- ") + 1 >= 1
    fact_count = box_count(facts)
    at.text_input(key="req_search").input(K_REQUIREMENT).run()
    at.selectbox(key=f"req_kind_{K_REQUIREMENT}").select("MK").run()
    box = lint_box(at)
    assert len(choice_warnings(at)) == 1 == box_count(box)
    assert box_count(facts_box(at)) == fact_count  # the facts' count is unchanged
    text = shown(box.warning[0].value)
    requirement = library.requirements_by_id[K_REQUIREMENT]
    assert f"**{K_REQUIREMENT}** · {requirement.title.da}" in text
    assert "gjort til mindstekrav (MK), men biblioteket foreslår K" in text
    assert requirement.guidance.da in text
    # Back to K: the warning is gone
    at.selectbox(key=f"req_kind_{K_REQUIREMENT}").select("K").run()
    assert choice_warnings(at) == []


def test_pk_without_weight_and_vague_local_mk_are_counted_in_one_box(monkeypatch, tmp_path):
    at = on_krav_step(monkeypatch, tmp_path)
    at.text_input(key="req_search").input("FKI-ORG-001").run()
    at.selectbox(key="req_kind_FKI-ORG-001").select("PK").run()  # no library weight
    n = at.session_state["procure_wizard"].next_local_number
    at.text_input(key=f"local_title_{n}").input("Brugerflade")
    at.text_area(key=f"local_text_{n}").input("Systemet skal være brugervenligt.")
    at.selectbox(key=f"local_kind_{n}").select("MK")
    next(b for b in at.button if b.label == DA["local_add"]).click().run()
    box = lint_box(at)
    assert len(choice_warnings(at)) == 2 == box_count(box)
    text = shown(box.warning[0].value)
    assert "FKI-ORG-001" in text and "uden vægt" in text
    assert "**LOKAL-1** · Brugerflade" in text and "»brugervenligt«" in text


# -- The filtering itself, without the app ----------------------------------------------------


def test_a_decomposed_a_ring_matches_the_composed_one(library):
    state = WizardState(category="Y65")
    rows = requirement_rows(state, library, propose(state, library))
    all_cards = [Card(r.requirement.area, row=r) for r in rows]
    composed = matching_cards(all_cards, "da", "må", ALL_AREAS, [], SHOW_ALL)
    decomposed = matching_cards(all_cards, "da", "ma\u030a", ALL_AREAS, [], SHOW_ALL)
    assert composed and composed == decomposed
