"""The house's layout, read from the imports (tests/import_graph.py, nothing is imported):
only the wizard imports Streamlit, the layers below never reach the wizard or the command line,
and the wizard's pages import only downward, never another step's page."""

from __future__ import annotations

import ast

import pytest

from tests.import_graph import ROOT, import_graph

LOWER_LAYERS = (
    "procure.library",
    "procure.tender",
    "procure.documents",
    "procure.responses",
    "procure.evaluation",
)
PAGES = "procure.ui.pages"
# Streamlit-free today, and kept so: the wizard's data, its folder on disk, its texts and what
# the pages share that needs no browser.
STREAMLIT_FREE_UI = (
    "procure.ui.state",
    "procure.ui.workspace",
    "procure.ui.texts",
    "procure.ui.readiness",
    "procure.ui.downloads",
    "procure.ui.evaluation_model",
    "procure.ui.awarding",
    "procure.ui.arrow",
    "procure.ui.publication",
)


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    return import_graph("procure", external=True)


def within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    """Every module `start` imports, directly or through others (external names included)."""
    seen: set[str] = set()
    todo = [start]
    while todo:
        for target in graph.get(todo.pop(), ()):
            if target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


def step_of(module: str) -> str | None:
    """The step a page module belongs to: `tilbud` for procure.ui.pages.tilbud.outcome."""
    parts = module.split(".")
    return parts[3] if within(module, PAGES) and len(parts) > 3 else None


def test_only_the_wizard_imports_streamlit(graph):
    assert "streamlit" in graph["procure.ui.app"]  # the graph sees external imports at all
    outside = sorted(m for m, imported in graph.items() if "streamlit" in imported)
    assert outside and all(within(m, "procure.ui") for m in outside), outside


@pytest.mark.parametrize("module", STREAMLIT_FREE_UI)
def test_the_wizards_inner_layer_stays_free_of_streamlit(graph, module):
    modules = [m for m in graph if within(m, module)]
    assert modules
    for name in modules:
        assert "streamlit" not in reachable(graph, name), name


@pytest.mark.parametrize("layer", LOWER_LAYERS)
def test_the_layers_below_never_reach_the_wizard_or_the_command_line(graph, layer):
    modules = [m for m in graph if within(m, layer)]
    assert modules
    for name in modules:
        above = sorted(
            m
            for m in reachable(graph, name)
            if within(m, "procure.ui") or m == "procure.cli" or m.startswith("procure.cli")
        )
        assert not above, f"{name} imports {above}"


def test_a_page_never_imports_another_steps_page(graph):
    pages = [m for m in graph if step_of(m) is not None]
    assert {step_of(m) for m in pages} == {
        "start",
        "udbud",
        "system",
        "integrationer",
        "krav",
        "evaluering",
        "dokumenter",
        "tilbud",
        "tildeling",
        "bibliotek",
        "portefolje",
    }
    within_a_step = [(m, t) for m in pages for t in graph[m] if step_of(t) == step_of(m)]
    assert within_a_step  # a split step's modules import each other: the graph sees them
    crossing = sorted(
        (m, t) for m in pages for t in graph[m] if within(t, PAGES) and step_of(t) != step_of(m)
    )
    assert not crossing, crossing


def test_only_the_frame_imports_the_pages(graph):
    """What the pages share lives below them: no module but the pages themselves imports a
    page. The frame (app.py) imports each step's page by its name in PAGES when the step is
    first shown (issue 20: the first page waits for no other), and names every page there."""
    importers = sorted(
        m
        for m, imported in graph.items()
        if not within(m, PAGES) and any(within(t, PAGES) for t in imported)
    )
    assert importers == []
    steps = {step_of(m) for m in graph if step_of(m) is not None}
    assert sorted(_frame_pages().values()) == sorted(steps)


def _frame_pages() -> dict[str, str]:
    """app.py's PAGES (step key -> page module), read from the source."""
    tree = ast.parse((ROOT / "procure" / "ui" / "app.py").read_text("utf-8"))
    (pages,) = (
        node.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == "PAGES" for t in node.targets)
    )
    return ast.literal_eval(pages)
