"""The tender's status in the wizard: shown on every step, publishing on Dokumenter, a change
after publication saved only as a correction with its reason (rettelsesblad), and nothing
frozen changed once the first bid is opened (udbudsloven § 160)."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from procure.library import load_release
from procure.tender import dump_tender, parse_tender, resolve_tender
from procure.tender.lifecycle import publish
from procure.tender.model import OPENED, PUBLISHED
from procure.ui.publication import now
from tests.test_ui_tilbud import bid
from tests.wizard import (
    STATE_KEY,
    errors,
    fill_purchase,
    go,
    new_app,
    open_tender,
    readme_model_tender,
    shown,
)

DEADLINE = "2099-01-15T12:00"


def published_tender():
    tender = dataclasses.replace(readme_model_tender(), deadline=DEADLINE)
    return publish(resolve_tender(tender, load_release("1.0.0")), now())


def saved(workspace, tender_id: str):
    path = workspace / "tenders" / tender_id / "tender.yaml"
    return parse_tender(path.read_text(encoding="utf-8"), str(path))


def captions(at) -> str:
    return " ".join(shown(c.value) for c in at.caption)


def warnings(at) -> str:
    return " ".join(shown(w.value) for w in at.warning)


def test_a_published_tender_keeps_its_status_and_seal_when_edited_in_the_wizard(
    workspace_in_tmp,
):
    tender = published_tender()
    at = open_tender(new_app(), tender)
    go(at, "step_purchase")
    assert "Status: offentliggjort, version 1" in captions(at)
    at.text_input(key="title").input("Ny titel").run()  # not a frozen part
    on_disk = saved(workspace_in_tmp, tender.id)
    assert on_disk.title == "Ny titel"
    assert (on_disk.status, on_disk.version) == (PUBLISHED, 1)
    assert on_disk.publication == tender.publication
    assert on_disk.deadline == DEADLINE  # shown on Udbud, not emptied by the date field
    for step in ("step_evaluation", "step_check", "step_award", "step_library"):
        go(at, step)
        assert "Status: offentliggjort, version 1" in captions(at), step


def test_the_officer_publishes_on_dokumenter_once_the_model_is_confirmed(workspace_in_tmp):
    at = fill_purchase(new_app())
    state = at.session_state[STATE_KEY]
    state.deadline = DEADLINE
    go(at, "step_documents")
    assert "Status: kladde – ikke offentliggjort" in captions(at)
    assert "Evalueringsmodellen er procures forslag" in warnings(at)
    assert not [b for b in at.get("button") if b.key == "pub_publish"]

    go(at, "step_evaluation")
    at.button(key="ev_confirm").click().run()
    go(at, "step_documents")
    assert at.button(key="pub_publish").disabled  # the officer ticks that it freezes first
    at.checkbox(key="pub_understood").check().run()
    at.button(key="pub_publish").click().run()
    assert not errors(at), errors(at)
    assert any("Udbuddet er offentliggjort" in shown(s.value) for s in at.success)
    on_disk = saved(workspace_in_tmp, state.tender_id)
    assert (on_disk.status, on_disk.version) == (PUBLISHED, 1)
    assert on_disk.evaluation == at.session_state[STATE_KEY].evaluation
    go(at, "step_requirements")
    assert "Status: offentliggjort, version 1" in captions(at)


def test_a_change_after_publication_is_saved_only_as_a_correction_with_its_reason(
    workspace_in_tmp,
):
    tender = published_tender()
    at = open_tender(new_app(), tender)
    go(at, "step_evaluation")
    assert "En ændring her er et rettelsesblad" in " ".join(shown(i.value) for i in at.info)
    at.text_input(key="ev_price_1_x_percent").input("80").run()
    assert "Ændret efter offentliggørelse: evalueringsmodellen" in warnings(at)
    # The file keeps the published model until the correction is recorded
    assert saved(workspace_in_tmp, tender.id).evaluation == tender.evaluation

    go(at, "step_documents")
    text = " ".join(shown(m.value) for m in at.markdown)
    assert "x_percent: 100 → 80" in text
    assert not [b for b in at.get("download_button")]  # not the published documents
    at.button(key="pub_amend").click().run()
    assert any("begrundelse" in e for e in errors(at)), errors(at)
    at.text_area(key="pub_why").input("Prismodellen præciseret efter spørgsmål 3.").run()
    at.button(key="pub_amend").click().run()
    assert not errors(at), errors(at)
    on_disk = saved(workspace_in_tmp, tender.id)
    assert on_disk.version == 2
    [amendment] = on_disk.amendments
    assert amendment.why == "Prismodellen præciseret efter spørgsmål 3."
    assert amendment.parts_changed == ("evaluation",)
    assert on_disk.evaluation.criteria[1].price_model.x_percent == Decimal(80)
    assert "Status: offentliggjort, version 2" in captions(at)


def test_after_the_first_bid_is_opened_nothing_frozen_can_change_only_be_undone(
    workspace_in_tmp,
):
    tender = published_tender()
    spec = resolve_tender(tender, load_release("1.0.0"))
    at = open_tender(new_app(), tender)
    go(at, "step_check")
    at.file_uploader(key="check_responses_0").set_value([("a.yaml", bid(spec), "text/yaml")]).run()
    assert "tilbud åbnet" in " ".join(shown(i.value) for i in at.info)
    assert saved(workspace_in_tmp, tender.id).status == OPENED

    go(at, "step_evaluation")
    assert at.text_input(key="ev_price_1_x_percent").disabled
    assert at.text_input(key="ev_criterion_0_weight").disabled
    # A weight changed on Krav is refused: the file stays, the officer is told why
    go(at, "step_requirements")
    state = at.session_state[STATE_KEY]
    state.choices["FKI-BRG-004"].weight = 8
    at.run()
    assert "kan ikke længere ændres" in warnings(at)
    assert saved(workspace_in_tmp, tender.id).requirements == tender.requirements
    go(at, "step_check")
    assert any("ændret efter offentliggørelse uden rettelsesblad" in e for e in errors(at))

    go(at, "step_documents")
    assert not [b for b in at.get("button") if b.key == "pub_amend"]
    at.button(key="pub_revert").click().run()
    state = at.session_state[STATE_KEY]
    assert state.choices["FKI-BRG-004"].weight == 6
    assert state.tender_extra["status"] == OPENED  # the status the wizard had stays
    assert "Ændret efter offentliggørelse" not in warnings(at)
    assert dump_tender(saved(workspace_in_tmp, tender.id)).count("status: tilbud åbnet") == 1
