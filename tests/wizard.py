"""Driving the wizard without a browser (streamlit.testing.v1.AppTest): the helpers every UI
test file shares."""

from __future__ import annotations

import re

from streamlit.testing.v1 import AppTest

from procure.ui.texts import STEP_KEYS
from tests.conftest import ROOT

APP = str(ROOT / "app.py")
STATE_KEY = "procure_wizard"


def new_app(*, new_tender: bool = True) -> AppTest:
    """The wizard as a new session opens it; by default the officer then starts a new tender
    and is on step 2, Udbud."""
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    if new_tender:
        at.button(key="start_new").click().run()
        assert not at.exception
    return at


def reopened(tender_id: str) -> AppTest:
    """A new session on the same address: a browser refresh, a new tab, or a restarted app."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["udbud"] = tender_id
    at.run()
    assert not at.exception
    return at


def go(at: AppTest, step: str) -> AppTest:
    at.sidebar.button(key=f"nav_step_{STEP_KEYS.index(step)}").click().run()
    assert not at.exception
    return at


def shown(text: str) -> str:
    """Markdown source as the officer reads it: the app escapes Markdown in dynamic text and
    puts invisible word joiners into bare addresses (procure.ui.session.plain)."""
    return re.sub(r"\\(.)", r"\1", text).replace("\u2060", "")


def errors(at: AppTest) -> list[str]:
    return [shown(e.value) for e in at.error]


def warnings(at: AppTest) -> str:
    return " ".join(shown(w.value) for w in at.warning)


def markdown(at: AppTest) -> str:
    return " ".join(shown(m.value) for m in at.markdown)


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


# The wizard's tests use release 1.0.0's requirements as their sample data (FKI-ORG-001 an MK,
# FKI-ORG-003 a PK); a tender pinned to 1.0.0 must keep working in the wizard after 1.1.0.
# Release 1.1.0's content is tested in test_shipped_library and test_library_proposals.
SAMPLE_LIBRARY_VERSION = "1.0.0"


def fill_purchase(at: AppTest) -> AppTest:
    """Steps 2 and 3 filled in: title, buyer, CVR, library release 1.0.0 and service area Y65."""
    go(at, "step_purchase")
    at.selectbox(key="library_version").select(SAMPLE_LIBRARY_VERSION).run()
    at.text_input(key="title").input("Anskaffelse af ESDH-system").run()
    at.text_input(key="buyer").input("Eksempel Kommune").run()
    at.text_input(key="cvr").input("12345678").run()
    go(at, "step_system")
    at.selectbox(key="category").select("Y65").run()
    assert not at.exception
    return at


# The PKs of the README's complete example model, with the weights it gives them.
README_PKS = {"FKI-BRG-004": 6, "FKI-DRF-002": 6, "FKI-IND-005": 4}


def readme_model_block() -> str:
    """The YAML of the README's complete example (the evaluation block and the price lines)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## The evaluation model and the award", 1)[1]
    return section.split("```yaml\n", 1)[1].split("```", 1)[0]


def readme_model_tender():
    """tests.samples.sample_tender with the README's complete example model: its three PKs at
    the README's weights, every other PK made a K, so the model is valid as published."""
    import dataclasses

    import yaml

    from procure.tender.io import evaluation_from_data, price_lines_from_data
    from procure.tender.model import SelectedRequirement
    from tests.samples import sample_spec, sample_tender

    tender = sample_tender()
    kinds = {r.id: r.kind for r in sample_spec().requirements}
    requirements = tuple(
        SelectedRequirement(r.id, "PK", README_PKS[r.id])
        if r.id in README_PKS
        else SelectedRequirement(r.id, "K")
        if kinds[r.id] == "PK"
        else r
        for r in tender.requirements
    )
    custom = tuple(
        dataclasses.replace(c, kind="K", weight=None) if c.kind == "PK" else c
        for c in tender.custom_requirements
    )
    block = yaml.safe_load(readme_model_block())
    return dataclasses.replace(
        tender,
        requirements=requirements,
        custom_requirements=custom,
        evaluation=evaluation_from_data(block["evaluation"]),
        price_lines=price_lines_from_data(block["price_lines"]),
    )


def open_tender(at: AppTest, tender) -> AppTest:
    """Open `tender` as a tender.yaml on step 1 (the officer's upload)."""
    from procure.tender import dump_tender

    go(at, "step_start")
    round_ = at.session_state[STATE_KEY].upload_round
    at.file_uploader(key=f"tender_upload_{round_}").upload(
        "tender.yaml", dump_tender(tender).encode()
    ).run()
    assert not at.exception
    return at
