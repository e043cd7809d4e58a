"""The wizard in a real browser: Streamlit served as in production, Debian's Chromium driven by
Playwright, from the first step to the downloads and a checked vendor response."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT
from tests.wizard import SAMPLE_LIBRARY_VERSION
from tests.wizard_server import WizardDidNotStart, browser_missing, launch_chromium, served_wizard

# Test artefacts: the pages as the officer saw them, kept after the run (not in git)
SCREENSHOTS = ROOT / "test-artefacts" / "screenshots"

pytestmark = pytest.mark.browser


@pytest.fixture
def wizard_url(workspace_in_tmp):
    """`streamlit run app.py` on a free port, with the test's own workspace (tests/conftest.py
    puts it in PROCURE_WORKSPACE, which the server inherits)."""
    try:
        with served_wizard() as url:
            yield url
    except WizardDidNotStart as exc:
        pytest.fail(str(exc))


@pytest.fixture
def page():
    missing = browser_missing()
    if missing:
        pytest.skip(missing)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="da-DK")
        context.set_default_timeout(30_000)
        try:
            yield context.new_page()
        finally:
            context.close()
            browser.close()


def test_officer_builds_a_tender_downloads_it_and_checks_a_filled_response(
    wizard_url, page, tmp_path
):
    from docx import Document
    from playwright.sync_api import expect

    from tests.fill import fill_docx_form

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.goto(wizard_url)
    expect(page.get_by_role("heading", name="1. Start")).to_be_visible(timeout=60_000)
    expect(page.get_by_text("procure – udbudsbilag med krav")).to_be_visible()
    expect(page.get_by_text("Der er ingen gemte udbud endnu")).to_be_visible()
    # The uploader's button in Danish, also by the name a screen reader says (widget_texts.py)
    expect(page.get_by_role("button", name="Vælg fil", exact=True)).to_be_visible()
    page.screenshot(path=str(SCREENSHOTS / "wizard-1.png"))

    # Step 2: the tender
    page.get_by_role("button", name="Nyt udbud").click()
    expect(page.get_by_role("heading", name="2. Udbud")).to_be_visible()
    _wait_idle(page)
    # Release 1.0.0's requirements are the wizard tests' sample data (tests/wizard.py)
    page.get_by_role("combobox", name="Kravbibliotekets version").click()
    page.get_by_role("option", name=SAMPLE_LIBRARY_VERSION, exact=True).click()
    _wait_idle(page)
    _type(page, "Udbuddets titel", "Anskaffelse af ESDH-system")
    _type(page, "Ordregiver (kommune)", "Eksempel Kommune")
    _type(page, "Ordregivers CVR-nummer (valgfrit)", "12345678")
    expect(page.get_by_text("Mangler stadig")).to_have_count(0)
    page.screenshot(path=str(SCREENSHOTS / "wizard-2.png"))

    # Step 3: the system, with the library's advice in plain words
    _step(page, "3. System")
    page.get_by_role("combobox", name="Ydelsesområde (SKI 02.19)").click()
    page.get_by_role("option", name="Y65 – Kommunikation og dokumentation (ESDH)").click()
    _wait_idle(page)
    expect(page.get_by_text("anbefaler biblioteket 11 integrationer")).to_be_visible()
    page.screenshot(path=str(SCREENSHOTS / "wizard-3.png"))

    # Step 4: the integrations, dependencies added and explained
    _step(page, "4. Integrationer")
    expect(page.get_by_text("Bibliotekets anbefaling – tilpas efter behov")).to_be_visible()
    page.screenshot(path=str(SCREENSHOTS / "wizard-4.png"))

    # Step 5: make FKI-ORG-001 a prioritised requirement with weight 7, as an officer would
    _step(page, "5. Krav")
    area = page.get_by_role("combobox", name="Vis område")
    area.click()
    page.get_by_role("option", name="Organisationsdata", exact=True).click()
    _wait_idle(page)
    expect(page.get_by_text("Organisationsdata hentes fra Fælleskommunalt").first).to_be_visible()
    expect(page.get_by_test_id("stMetric").first).to_be_visible()
    # (Streamlit marks a keyed widget's container with the class st-key-<key>)
    kind = page.locator(".st-key-req_kind_FKI-ORG-001").get_by_role("combobox")
    kind.click()
    kind.fill("PK")  # typing filters the list, as an officer might do
    page.get_by_role("option", name="PK – prioriteret krav").click()
    _wait_idle(page)
    weight = page.locator(".st-key-req_weight_FKI-ORG-001").get_by_label("Vægt")
    weight.fill("7")
    weight.press("Enter")
    _wait_idle(page)
    page.screenshot(path=str(SCREENSHOTS / "wizard-5.png"))

    # Step 6: procure's proposed model, confirmed; the annex text beneath it
    _step(page, "6. Evaluering")
    expect(page.get_by_text("Dette er procures forslag")).to_be_visible()
    expect(page.get_by_text("Modellen er i orden")).to_be_visible()
    expect(page.get_by_text("Sådan står evalueringsmodellen i bilaget")).to_be_visible()
    page.get_by_role("button", name="Bekræft evalueringsmodellen").click()
    _wait_idle(page)
    expect(page.get_by_text("Evalueringsmodellen er fastlagt")).to_be_visible()
    _tall_screenshot(page, "wizard-6.png")

    # Step 7: validate and download the tender file, the annex and the response form
    _step(page, "7. Dokumenter")
    expect(page.get_by_text("Udbuddet er gyldigt")).to_be_visible()
    saved = yaml.safe_load(_download(page, "Hent tender.yaml").read_text("utf-8"))
    assert saved["title"] == "Anskaffelse af ESDH-system"
    assert {"id": "FKI-ORG-001", "kind": "PK", "weight": 7} in saved["requirements"]
    [quality, price] = saved["evaluation"]["criteria"]
    assert quality["requirements"]["FKI-ORG-001"] == 7 and price["weight"] == 40
    annex = Document(str(_download(page, "Hent Kravbilag – Anskaffelse af ESDH-system.docx")))
    annex_text = "\n".join(p.text for p in annex.paragraphs) + "\n".join(
        c.text for t in annex.tables for row in t.rows for c in row.cells
    )
    assert "Anskaffelse af ESDH-system" in annex_text and "FKI-ORG-001" in annex_text
    form = _download(page, "Hent Tilbudsliste – Anskaffelse af ESDH-system.docx").read_bytes()
    page.screenshot(path=str(SCREENSHOTS / "wizard-7.png"))

    # The vendor fills in the Word form: everything met, FKI-ORG-002 partly with a price
    answers = {r["id"]: "Opfyldt" for r in saved["requirements"]}
    answers["FKI-ORG-002"] = ("Delvist opfyldt", "Delvis dækning", "Leveres i fase 2: 25.000 kr.")
    filled = tmp_path / "tilbud-leverandoer-a.docx"
    filled.write_bytes(fill_docx_form(form, answers, vendor={"name": "Leverandør A/S"}))
    broken = tmp_path / "ødelagt.docx"
    broken.write_bytes(b"PK\x03\x04 this is not a Word file")

    # Step 8: upload both; the good one gets its verdict, the broken one a message
    _step(page, "8. Tilbud")
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files([str(filled), str(broken)])
    expect(page.get_by_role("heading", name="Leverandør A/S")).to_be_visible(timeout=60_000)
    expect(page.get_by_text("Konditionsmæssigt: ja").first).to_be_visible()
    expect(page.get_by_text("ødelagt.docx:").first).to_be_visible()
    expect(page.get_by_role("button", name="Hent comparison.xlsx")).to_be_visible()
    # Streamlit scrolls inside its own container: a tall window shows the whole step
    page.set_viewport_size({"width": 1400, "height": 3200})
    _wait_idle(page)
    page.screenshot(path=str(SCREENSHOTS / "wizard-8.png"))

    # A browser refresh loses nothing: same tender, same step, the bid still there
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.reload()
    expect(page.get_by_role("heading", name="8. Tilbud")).to_be_visible(timeout=60_000)
    expect(page.get_by_role("heading", name="Leverandør A/S")).to_be_visible(timeout=60_000)

    # The evaluators' points: the vendor's description beside the scale
    page.get_by_text("Evaluatorernes point", exact=True).first.click()
    _wait_idle(page)
    _type(page, "Evaluator (dit navn)", "Eva Lund")
    expect(page.get_by_text("Eva Lund har givet point for 0 af")).to_be_visible()
    _type(page, "Point (0–10)", "7,5")
    page.get_by_role("button", name="Gem point").click()
    _wait_idle(page)
    expect(page.get_by_text("Gemt: Eva Lund gav Leverandør A/S 7,5 point")).to_be_visible()
    _tall_screenshot(page, "wizard-8-points.png")

    # Step 9: the award says what is missing; the Word form was sent without its price list,
    # so the bid is excluded with that reason
    _step(page, "9. Tildeling")
    expect(page.get_by_text("Meddelelserne kan ikke sendes endnu")).to_be_visible()
    expect(page.get_by_text("Udelukkede tilbud", exact=True)).to_be_visible()
    _tall_screenshot(page, "wizard-9.png")

    # Step 10: the library
    _step(page, "10. Bibliotek")
    page.screenshot(path=str(SCREENSHOTS / "wizard-10.png"))


def _tall_screenshot(page, name: str) -> None:
    """The whole step: Streamlit scrolls inside its own container, so a tall window shows it."""
    page.set_viewport_size({"width": 1400, "height": 3200})
    _wait_idle(page)
    page.screenshot(path=str(SCREENSHOTS / name))
    page.set_viewport_size({"width": 1400, "height": 1000})
    _wait_idle(page)


def _download(page, button: str) -> Path:
    from playwright.sync_api import expect

    target = page.get_by_role("button", name=button)
    expect(target).to_be_visible(timeout=60_000)
    with page.expect_download() as download_info:
        target.click()
    return Path(download_info.value.path())


def _type(page, label: str, text: str) -> None:
    field = page.get_by_label(label, exact=True)
    field.fill(text)
    field.press("Enter")  # a Streamlit text input sends its value on Enter or blur
    _wait_idle(page)


def _step(page, name: str) -> None:
    page.get_by_test_id("stSidebar").get_by_text(name, exact=True).click()
    from playwright.sync_api import expect

    expect(page.get_by_role("heading", name=name)).to_be_visible()
    _wait_idle(page)


def _wait_idle(page) -> None:
    """Until Streamlit has finished the rerun the last action started."""
    page.wait_for_timeout(500)
    page.wait_for_function(
        """() => !document.querySelector('[data-testid="stStatusWidget"]')
            && !document.querySelector('[data-stale="true"]')
            && !document.querySelector('[data-testid="stSkeleton"]')""",
        timeout=60_000,
    )


def test_the_committee_sees_disagreements_and_the_award_ranks_with_a_chart(
    workspace_in_tmp, page
):  # the server is started here, after the workspace is prepared
    """A published tender already in the workspace with three priced bids (C fails a
    mindstekrav), two evaluators' points that disagree, and every consensus and confirmation
    entered: the consensus section and the award as the officer sees them."""
    from playwright.sync_api import expect

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tender_id = _prepared_award(workspace_in_tmp)
    try:
        with served_wizard() as url:
            page.goto(f"{url}/?udbud={tender_id}")
            expect(page.get_by_role("heading", name="8. Tilbud")).to_be_visible(timeout=60_000)
            _wait_idle(page)
            page.get_by_text("Uenigheder og konsensus", exact=True).first.click()
            _wait_idle(page)
            expect(page.get_by_text("1 uenighed(er) at drøfte")).to_be_visible()
            _tall_screenshot(page, "wizard-8-consensus.png")

            _step(page, "9. Tildeling")
            expect(page.get_by_text("Alt er på plads: alle tilbud")).to_be_visible()
            expect(page.get_by_text("Udelukkede tilbud", exact=True)).to_be_visible()
            expect(page.get_by_test_id("stVegaLiteChart")).to_be_visible()
            expect(page.get_by_role("button", name="Hent letters.zip")).to_be_visible()
            _tall_screenshot(page, "wizard-9-award.png")
    except WizardDidNotStart as exc:
        pytest.fail(str(exc))


def _prepared_award(workspace: Path) -> str:
    """The workspace as the committee leaves it before the award (see the test above)."""
    import dataclasses

    from procure.evaluation.committee import append_confirmation, append_consensus, append_score
    from procure.evaluation.overrides import Overrides
    from procure.library import load_release
    from procure.tender import dump_tender, resolve_tender
    from procure.tender.lifecycle import publish
    from procure.ui.publication import now
    from procure.ui.state import UploadedFile, state_from_tender
    from procure.ui.texts import STEP_KEYS
    from procure.ui.workspace import Workspace
    from tests.test_ui_tilbud import bid
    from tests.wizard import README_PKS, readme_model_tender

    library = load_release(SAMPLE_LIBRARY_VERSION)
    tender = dataclasses.replace(readme_model_tender(), deadline="2099-01-15T12:00")
    tender = publish(resolve_tender(tender, library), now())
    spec = resolve_tender(tender, library)
    mk = next(r.id for r in spec.requirements if r.kind == "MK")
    bids = [
        UploadedFile("a.yaml", bid(spec, "Aarhus IT A/S", prices={"P1": "1000000"})),
        UploadedFile("b.yaml", bid(spec, "Bornholm Data ApS", prices={"P1": "1250000"})),
        UploadedFile(
            "c.yaml",
            bid(spec, "CPH Systems", {mk: ("Ikke opfyldt", "")}, prices={"P1": "800000"}),
        ),
    ]
    evaluation = Overrides(tender.id)
    points = {"Aarhus IT A/S": "7", "Bornholm Data ApS": "9"}
    for vendor, agreed in points.items():
        for rid in README_PKS:
            for evaluator, given in (("Eva Lund", agreed), ("Bo Holm", agreed)):
                if vendor == "Aarhus IT A/S" and rid == "FKI-IND-005" and evaluator == "Bo Holm":
                    given = "4"  # a disagreement: 7 against 4
                evaluation = append_score(
                    evaluation,
                    spec,
                    vendor=vendor,
                    evaluator=evaluator,
                    requirement_id=rid,
                    points=given,
                )
            evaluation = append_consensus(
                evaluation,
                spec,
                vendor=vendor,
                requirement_id=rid,
                points=agreed,
                why=f"Beskrivelsen af {rid} er gennemarbejdet.",
                by="Udvalget",
            )
    for vendor in (*points, "CPH Systems"):
        evaluation = append_confirmation(
            evaluation,
            spec,
            vendor=vendor,
            compliant=vendor != "CPH Systems",
            why="Gennemgået af udvalget.",
            by="Eva Lund",
        )
    state = state_from_tender(tender, library)
    state.step = STEP_KEYS.index("step_check")
    ws = Workspace(workspace)
    ws.save_draft(state, 1)
    ws.save_tender_file(tender.id, dump_tender(tender))
    ws.save_bids(tender.id, bids)
    ws.save_evaluation(evaluation)
    return tender.id
