"""WCAG 2.1 AA in the wizard (issue 17): axe-core's WCAG 2.0/2.1 A and AA rules on every step
with a published tender, three bids, the committee's points and a portfolio loaded, and one step
used with the keyboard only.

One server and one browser for the module: the steps are walked in order as an officer would.
axe-core comes from the npm registry, pinned in tests/axe/package.json (`scripts/test` runs
`npm ci --prefix tests/axe` when it is missing)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from procure.ui.texts import STEP_KEYS, tr
from tests.conftest import ROOT
from tests.wizard_server import WizardDidNotStart, browser_missing, launch_chromium, served_wizard

AXE = ROOT / "tests" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SCREENSHOTS = ROOT / "test-artefacts" / "screenshots" / "accessibility"
STEPS = tuple(tr("da", key) for key in STEP_KEYS)  # "1. Start" ... "11. Portefølje"
TENDER_TITLE = "Anskaffelse af ESDH-system & sagsstyring"  # tests/samples.py

pytestmark = pytest.mark.browser


def _axe_missing() -> str:
    if AXE.exists():
        return ""
    if shutil.which("npm") is None:
        return f"{AXE} is missing and there is no npm to install it (apt-get install -y npm)"
    return f"{AXE} is missing: npm ci --prefix tests/axe (scripts/test does it)"


@pytest.fixture(scope="module")
def wizard(tmp_path_factory):
    """The wizard served on a workspace as the committee leaves it before the award (the
    browser test's), with the portfolio of eight systems; and one Chromium page on it."""
    missing = browser_missing() or _axe_missing()
    if missing:
        pytest.skip(missing)
    from playwright.sync_api import sync_playwright

    workspace = tmp_path_factory.mktemp("a11y") / "workspace"
    tender_id = _prepared_workspace(workspace)
    try:
        with (
            served_wizard(env={"PROCURE_WORKSPACE": str(workspace)}) as url,
            sync_playwright() as playwright,
        ):
            browser = launch_chromium(playwright)
            context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="da-DK")
            context.set_default_timeout(30_000)
            try:
                page = context.new_page()
                page.goto(f"{url}/?udbud={tender_id}")
                page.get_by_role("heading", name="8. Tilbud").wait_for(timeout=60_000)
                _wait_idle(page)
                yield page
            finally:
                context.close()
                browser.close()
    except WizardDidNotStart as exc:
        pytest.fail(str(exc))


def test_every_step_passes_axe_wcag_21_aa(wizard):
    """No WCAG 2.0/2.1 A or AA violation on any step; on each, the tab's title names the step
    and the tender, the page's language is Danish, focus is on the new step's heading and the
    sidebar marks the step as current."""
    from playwright.sync_api import expect

    page = wizard
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    found: dict[str, list[dict]] = {}
    for index, name in enumerate(STEPS, start=1):
        changed = page.get_by_role("heading", name=name, exact=True).count() == 0
        _step(page, name)
        expect(page).to_have_title(f"{name} – {TENDER_TITLE} – procure")
        assert _lang(page) == "da"
        if changed:  # (on the step the page opened on, focus stays where it was)
            _expect_focus_on_heading(page, name)
        current = page.get_by_test_id("stSidebar").get_by_role("button", name=name, exact=True)
        expect(current).to_have_attribute("aria-current", "step")
        found[name] = _axe(page)
        _screenshot(page, f"step-{index:02d}")
    # The portfolio's other sections: the outage graph and the coverage heat map
    for section in ("Nedbrud", "Dækning"):
        page.get_by_text(section, exact=True).first.click()
        _wait_idle(page)
        found[f"11. Portefølje – {section}"] = _axe(page)
        _screenshot(page, f"step-11-{section}")
    # The charts' data tables, opened (Tildeling's ranking and the Tilbud step's heat map)
    for name in ("9. Tildeling", "8. Tilbud"):
        _step(page, name)
        page.get_by_text("Diagrammets data som tabel", exact=True).last.click()
        _wait_idle(page)
        found[f"{name} – diagrammets tabel"] = _axe(page)
    report = _report(found)
    print(report)
    assert not any(found.values()), report


def test_language_switch_sets_the_page_language_and_title(wizard):
    from playwright.sync_api import expect

    page = wizard
    _step(page, "2. Udbud")
    page.get_by_test_id("stSidebar").get_by_text("English", exact=True).click()
    _wait_idle(page)
    expect(page.get_by_role("heading", name="2. Tender")).to_be_visible()
    assert _lang(page) == "en"
    expect(page).to_have_title(f"2. Tender – {TENDER_TITLE} – procure")
    assert _axe(page) == []
    page.get_by_test_id("stSidebar").get_by_text("Dansk", exact=True).click()
    _wait_idle(page)
    assert _lang(page) == "da"
    expect(page).to_have_title(f"2. Udbud – {TENDER_TITLE} – procure")


def test_requirement_checkboxes_and_help_are_named_by_their_visible_text(wizard):
    """Step 5: the accessible name is the text on screen, never Markdown (`**FKI\\-OVB…`)."""
    import re

    from playwright.sync_api import expect

    page = wizard
    _step(page, "5. Krav")
    name = "FKI-OVB-001 · Fortegnelse over systemets FKI-integrationer"
    box = page.get_by_role("checkbox", name=name, exact=True)
    expect(box).to_be_checked()
    expect(page.get_by_text(name, exact=True)).to_be_visible()
    markdown = re.compile(r"[*~\\]|\b_")
    assert page.get_by_role("checkbox", name=markdown).count() == 0
    assert page.get_by_role("button", name=markdown).count() == 0
    assert page.get_by_role("checkbox").count() >= 10


def test_sidebar_steps_do_not_change_page_on_arrow_keys(wizard):
    """WCAG 3.2.2: moving through the step list changes nothing until a step is chosen."""
    from playwright.sync_api import expect

    page = wizard
    _step(page, "3. System")
    sidebar = page.get_by_test_id("stSidebar")
    assert sidebar.get_by_role("radio", name="4. Integrationer").count() == 0
    sidebar.get_by_role("button", name="3. System", exact=True).focus()
    for key in ("ArrowDown", "ArrowDown", "ArrowUp", "ArrowRight"):
        page.keyboard.press(key)
    _wait_idle(page)
    expect(page.get_by_role("heading", name="3. System")).to_be_visible()
    page.keyboard.press("Tab")  # to "4. Integrationer", chosen with Enter
    page.keyboard.press("Enter")
    _wait_idle(page)
    _expect_focus_on_heading(page, "4. Integrationer")
    announced = page.locator("#procure-live")
    expect(announced).to_have_text("Du er nu på trin 4. Integrationer")
    expect(announced).to_have_attribute("role", "status")


def test_step_5_with_the_keyboard_only(wizard):
    """From the step's heading with Tab, Shift+Tab, Space and Enter only: a requirement is
    taken out and put back, its kind list is reached, and "next" opens step 6."""
    page = wizard
    _step(page, "5. Krav")  # the mouse only brings the page here
    _expect_focus_on_heading(page, "5. Krav")

    include = ".st-key-req_include_FKI-OVB-001"
    presses = _tab_until(page, include)
    checkbox = page.locator(f"{include} input")
    assert checkbox.is_checked()
    page.keyboard.press("Space")
    _wait_idle(page)
    assert not checkbox.is_checked() and _focused_in(page, include)
    page.keyboard.press("Space")
    _wait_idle(page)
    assert checkbox.is_checked() and _focused_in(page, include)

    presses += _tab_until(page, ".st-key-req_kind_FKI-OVB-001")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")  # back over the requirement's help button
    assert _focused_in(page, include)

    presses += _tab_until(page, ".st-key-step_forward", limit=400)
    print(f"Tab presses from the heading of 5. Krav to its next button: {presses}")
    page.keyboard.press("Enter")
    _wait_idle(page)
    _expect_focus_on_heading(page, "6. Evaluering")


# -- Helpers ---------------------------------------------------------------------------------


def _axe(page) -> list[dict]:
    """axe-core's WCAG 2.0/2.1 A and AA violations on the page as it is now drawn."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({
                    target: n.target.join(' '),
                    html: n.html.slice(0, 160),
                    summary: (n.failureSummary || '').split('\\n').slice(1, 2).join(' ').trim(),
                })),
            }));
        }""",
        WCAG_TAGS,
    )


def _lang(page) -> str:
    return page.evaluate("() => document.documentElement.lang")


def _expect_focus_on_heading(page, name: str) -> None:
    page.wait_for_function(
        """(name) => {
            const focused = document.activeElement;
            return focused && focused.tagName === 'H2'
                && focused.textContent.trim().startsWith(name);
        }""",
        arg=name,
        timeout=10_000,
    )


def _focused_in(page, selector: str) -> bool:
    return page.evaluate(
        "(selector) => document.activeElement?.closest(selector) != null", selector
    )


def _tab_until(page, selector: str, limit: int = 100) -> int:
    """Press Tab until focus is inside `selector`; how many presses it took."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if _focused_in(page, selector):
            return presses
    raise AssertionError(f"{selector} not reached with {limit} Tab presses")


def _report(found: dict[str, list[dict]]) -> str:
    lines = []
    for where, violations in found.items():
        count = sum(len(v["nodes"]) for v in violations)
        lines.append(f"{where}: {count} violation(s)")
        for violation in violations:
            lines.append(f"  {violation['id']} ({violation['impact']}): {violation['help']}")
            for node in violation["nodes"][:6]:
                lines.append(f"    {node['target']}\n      {node['html']}\n      {node['summary']}")
            if len(violation["nodes"]) > 6:
                lines.append(f"    … and {len(violation['nodes']) - 6} more")
    return "\n".join(lines)


def _screenshot(page, name: str) -> None:
    """The step and each chart on it: Streamlit scrolls inside its own container, so a tall
    window shows the top of the step, and a taller one each chart whole."""
    page.set_viewport_size({"width": 1400, "height": 3000})
    _wait_idle(page)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))
    charts = page.get_by_test_id("stVegaLiteChart").all()
    if charts:
        page.set_viewport_size({"width": 1400, "height": 6000})
        _wait_idle(page)
        for number, chart in enumerate(charts, start=1):
            chart.screenshot(path=str(SCREENSHOTS / f"{name}-chart-{number}.png"))
    page.set_viewport_size({"width": 1400, "height": 1000})
    _wait_idle(page)


def _step(page, name: str) -> None:
    from playwright.sync_api import expect

    page.get_by_test_id("stSidebar").get_by_text(name, exact=True).click()
    expect(page.get_by_role("heading", name=name)).to_be_visible()
    _wait_idle(page)


def _wait_idle(page) -> None:
    """Until Streamlit has finished the rerun the last action started."""
    page.wait_for_timeout(400)
    page.wait_for_function(
        """() => document.querySelector('[data-testid="stApp"]')
                ?.getAttribute('data-test-script-state') === 'notRunning'
            && !document.querySelector('[data-testid="stStatusWidget"]')
            && !document.querySelector('[data-stale="true"]')
            && !document.querySelector('[data-testid="stSkeleton"]')""",
        timeout=60_000,
    )


def _prepared_workspace(workspace: Path) -> str:
    """The browser test's published tender with three bids and the committee's points, and
    the portfolio of eight systems in the workspace's database."""
    from procure.library import load_release
    from procure.portfolio.database import dispose_engines
    from procure.portfolio.importers import read_import_file
    from procure.portfolio.store import PortfolioStore
    from procure.ui.session import library_versions
    from tests.test_ui_browser import _prepared_award

    tender_id = _prepared_award(workspace)
    sample = ROOT / "tests" / "portfolio_files" / "systemer.csv"
    library = load_release(library_versions()[-1])
    url = f"sqlite:///{workspace / 'portfolio.sqlite'}"
    store = PortfolioStore(url, library=library)
    store.import_rows(list(read_import_file(sample, library).rows), source=sample.name, actor="t")
    dispose_engines()
    return tender_id
