"""Step 6, Evaluering: the published model as the officer sees, confirms and changes it; a
tender file's model goes through the wizard unchanged."""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal

from procure.award import default_evaluation_for_spec
from procure.library import load_release
from procure.tender import dump_tender, parse_tender, resolve_tender
from procure.tender.model import EvaluationModel
from procure.ui.state import build_tender
from tests.samples import sample_tender
from tests.wizard import (
    README_PKS,
    STATE_KEY,
    errors,
    fill_purchase,
    go,
    new_app,
    open_tender,
    readme_model_tender,
    reopened,
    shown,
)


def library():
    return load_release("1.0.0")


def model_part(text: str) -> str:
    """The evaluation block and the price lines of a tender file's text, as written."""
    start = text.index("\nevaluation:\n")
    end = text.index("\nannex:")
    return text[start:end]


def saved_tender_text(workspace, tender_id: str) -> str:
    return (workspace / "tenders" / tender_id / "tender.yaml").read_text(encoding="utf-8")


def infos(at) -> str:
    return " ".join(shown(i.value) for i in at.info)


# -- The data the tender file holds ----------------------------------------------------------------


def unsorted(tender):
    """The tender with its first sub-criterion's requirements in an order that is not the
    ids' sorted order: the published order must survive too."""
    criteria = list(tender.evaluation.criteria)
    first = criteria[0].sub[0]
    subs = (dataclasses.replace(first, requirements=first.requirements[::-1]),)
    criteria[0] = dataclasses.replace(criteria[0], sub=subs + criteria[0].sub[1:])
    model = dataclasses.replace(tender.evaluation, criteria=tuple(criteria))
    return dataclasses.replace(tender, evaluation=model)


def test_a_tender_with_the_readme_model_is_saved_with_its_model_byte_for_byte(workspace_in_tmp):
    tender = unsorted(readme_model_tender())
    original = dump_tender(tender)
    assert original.index("FKI-DRF-002: 6") < original.index("FKI-BRG-004: 6")
    at = open_tender(new_app(), tender)
    # The officer changes the title only
    go(at, "step_purchase")
    at.text_input(key="title").input("Ny titel på udbuddet").run()
    assert not at.exception

    saved = saved_tender_text(workspace_in_tmp, tender.id)
    assert "title: Ny titel på udbuddet" in saved
    assert model_part(saved) == model_part(original)
    assert "sub:" in model_part(saved) and "price_lines:" in model_part(saved)
    read_back = parse_tender(saved, "tender.yaml")
    assert read_back.evaluation == tender.evaluation
    assert read_back.price_lines == tender.price_lines

    # A refresh (a new session from the draft) keeps it too, and another change writes it again
    again = reopened(tender.id)
    go(again, "step_purchase")
    again.text_input(key="case_number").input("2027-1").run()
    assert model_part(saved_tender_text(workspace_in_tmp, tender.id)) == model_part(original)
    draft = json.loads((workspace_in_tmp / "tenders" / tender.id / "draft.json").read_text())
    assert draft["draft"]["evaluation"]["criteria"][0]["sub"][1]["name"] == "Implementering"


def test_the_evaluation_step_shows_the_whole_readme_model_and_says_it_is_in_order():
    tender = readme_model_tender()
    at = open_tender(new_app(), tender)
    go(at, "step_evaluation")
    assert not errors(at)
    assert any("Modellen er i orden" in shown(s.value) for s in at.success)
    assert at.selectbox(key="ev_award_criterion").value == tender.evaluation.award_criterion
    names = {t.key: t.value for t in at.text_input}
    assert names["ev_criterion_0_name"] == "Kvalitet"
    assert names["ev_sub_0_0_name"] == "Funktionalitet"
    assert names["ev_sub_0_1_name"] == "Implementering"
    assert names["ev_criterion_1_name"] == "Pris"
    assert names["ev_price_1_x_percent"] == "100"
    assert names["ev_anchor_0_text"] == "Fremragende opfyldelse"
    assert names["ev_anchor_2_points"] == "0"
    assert (names["ev_criterion_0_weight"], names["ev_criterion_1_weight"]) == ("60", "40")
    assert (names["ev_sub_0_0_weight"], names["ev_sub_0_1_weight"]) == ("70", "30")
    # Which PK belongs where
    assert at.selectbox(key="ev_place_FKI-IND-005").value == "0.1"
    assert at.selectbox(key="ev_place_FKI-BRG-004").value == "0.0"
    tables = [d.value for d in at.dataframe]
    ids = [set(t["Krav-ID"]) for t in tables if "Krav-ID" in t.columns and "Vægt" in t.columns]
    assert {"FKI-BRG-004", "FKI-DRF-002"} in ids and {"FKI-IND-005"} in ids
    assert at.multiselect(key="ev_tie_break").value == ["lowest-price"]
    assert at.checkbox(key="ev_kommission").value is False
    assert at.checkbox(key="ev_price_blind").value is False
    assert at.text_input(key="ev_line_0_text").value == "Samlet pris for kontraktperioden"
    # Loaded from a file: the officer's model, not procure's proposal
    assert "procures forslag" not in infos(at)


# -- procure's proposal and the officer's confirmation ---------------------------------------------


def test_a_fresh_tender_gets_the_default_model_which_the_officer_confirms():
    at = fill_purchase(new_app())
    go(at, "step_evaluation")
    state = at.session_state[STATE_KEY]
    assert state.evaluation is None
    assert "procures forslag" in infos(at)
    tender = build_tender(state, library())
    default, lines = default_evaluation_for_spec(resolve_tender(tender, library()))
    assert (tender.evaluation, tender.price_lines) == (default, lines)

    at.button(key="ev_confirm").click().run()
    state = at.session_state[STATE_KEY]
    assert (state.evaluation, state.price_lines) == (default, lines)
    assert any("fastlagt" in shown(s.value) for s in at.success)
    assert "procures forslag" not in infos(at)


def test_moving_a_pk_and_adding_a_sub_criterion_change_the_saved_model(workspace_in_tmp):
    tender = readme_model_tender()
    at = open_tender(new_app(), tender)
    go(at, "step_evaluation")
    at.selectbox(key="ev_place_FKI-IND-005").set_value("0.0").run()
    model = at.session_state[STATE_KEY].evaluation
    first, second = model.criteria[0].sub
    assert dict(first.requirements) == {**README_PKS}
    assert second.requirements == ()
    # Said in the officer's words: the sub-criterion now holds nothing
    text = " ".join(errors(at))
    assert "Underkriteriet »Implementering« under »Kvalitet« har ingen krav" in text

    at.button(key="ev_sub_0_1_remove").click().run()
    at.text_input(key="ev_sub_0_0_weight").input("100").run()
    assert not errors(at), errors(at)
    saved = parse_tender(saved_tender_text(workspace_in_tmp, tender.id), "tender.yaml")
    [sub] = saved.evaluation.criteria[0].sub
    assert (sub.name, sub.weight, dict(sub.requirements)) == ("Funktionalitet", 100, README_PKS)


def test_weights_that_do_not_sum_to_100_are_shown_as_a_problem_naming_the_criteria():
    at = open_tender(new_app(), readme_model_tender())
    go(at, "step_evaluation")
    at.text_input(key="ev_criterion_1_weight").input("30").run()
    text = " ".join(errors(at))
    assert "Kriterierne: kriteriernes vægte summer til 90, men skal summe til 100" in text


def test_a_pk_added_on_the_krav_step_is_placed_by_the_follow_button():
    at = open_tender(new_app(), readme_model_tender())
    state = at.session_state[STATE_KEY]
    # FKI-ORG-003 becomes a PK again (the library's kind and weight)
    state.choices.pop("FKI-ORG-003", None)
    go(at, "step_evaluation")
    text = " ".join(errors(at))
    assert "[FKI-ORG-003] er et prioriteret krav (PK), men hører ikke til noget" in text
    assert at.selectbox(key="ev_place_FKI-ORG-003").value == "-"
    at.button(key="ev_follow").click().run()
    placed = dict(at.session_state[STATE_KEY].evaluation.criteria[0].sub[0].requirements)
    assert placed["FKI-ORG-003"] == 6
    assert not errors(at) or "FKI-ORG-003" not in " ".join(errors(at))


# -- Numbers as the officer writes them ------------------------------------------------------------


def test_a_danish_decimal_comma_is_accepted_and_a_bad_number_is_refused_with_a_message():
    at = open_tender(new_app(), readme_model_tender())
    go(at, "step_evaluation")
    at.text_input(key="ev_price_1_x_percent").input("87,5").run()
    price = at.session_state[STATE_KEY].evaluation.criteria[1].price_model
    assert price.x_percent == Decimal("87.5")
    assert at.text_input(key="ev_price_1_x_percent").value == "87,5"

    at.text_input(key="ev_price_1_x_percent").input("87,5 %").run()
    assert (
        "»87,5 %« er ikke et tal. Skriv fx 12,5 eller 1.250.000. Værdien 87,5 gælder stadig."
        in errors(at)
    )
    # What was typed stays in the field; the model keeps the last good value
    assert at.text_input(key="ev_price_1_x_percent").value == "87,5 %"
    assert at.session_state[STATE_KEY].evaluation.criteria[1].price_model.x_percent == Decimal(
        "87.5"
    )
    at.text_input(key="ev_price_1_x_percent").input("-5").run()
    assert "»-5« er negativt; værdien skal være 0 eller mere. Værdien 87,5 gælder stadig." in (
        errors(at)
    )

    # A thousands separator in an amount, and a price line's quantity with a comma
    at.selectbox(key="ev_price_kind_1").set_value("absolute-linear").run()
    at.text_input(key="ev_price_1_full_points_at").input("1.000.000").run()
    at.text_input(key="ev_price_1_zero_points_at").input("2.500.000,50").run()
    at.text_input(key="ev_line_0_quantity").input("2,5").run()
    state = at.session_state[STATE_KEY]
    price = state.evaluation.criteria[1].price_model
    assert (price.kind, price.full_points_at, price.zero_points_at) == (
        "absolute-linear",
        Decimal("1000000"),
        Decimal("2500000.50"),
    )
    assert price.x_percent is None  # the parameter of the other model is gone
    assert state.price_lines[0].quantity == Decimal("2.5")
    assert not errors(at), errors(at)


def test_an_anchor_can_be_added_and_one_at_taken_points_is_refused():
    at = open_tender(new_app(), readme_model_tender())
    go(at, "step_evaluation")
    at.text_input(key="ev_anchor_new_points").input("7,5")
    at.text_input(key="ev_anchor_new_text").input("God opfyldelse")
    at.button(key="ev_anchor_add").click().run()
    anchors = at.session_state[STATE_KEY].evaluation.anchors
    assert (Decimal("7.5"), "God opfyldelse") in anchors
    assert [points for points, _ in anchors] == sorted((p for p, _ in anchors), reverse=True)

    at.text_input(key="ev_anchor_new_points").input("10")
    at.text_input(key="ev_anchor_new_text").input("Igen")
    at.button(key="ev_anchor_add").click().run()
    assert "Der er allerede et anker ved 10 point" in " ".join(errors(at))
    assert len(at.session_state[STATE_KEY].evaluation.anchors) == 4


# -- The older model -----------------------------------------------------------------------------


def test_an_older_model_is_kept_as_it_was_until_the_officer_switches(workspace_in_tmp):
    old = dataclasses.replace(
        sample_tender(),
        evaluation=EvaluationModel(scale_max=8, partial_credit=Decimal("0.25"), decimals=1),
    )
    at = open_tender(new_app(), old)
    go(at, "step_purchase")
    at.text_input(key="title").input("Andet navn").run()
    saved = saved_tender_text(workspace_in_tmp, old.id)
    assert "evaluation:\n  scale_max: 8\n  partial_credit: '0.25'\n  decimals: 1\n" in saved

    go(at, "step_evaluation")
    assert "ældre evalueringsmodel" in " ".join(shown(w.value) for w in at.warning)
    at.text_input(key="ev_partial_credit").input("0,3").run()
    assert at.session_state[STATE_KEY].evaluation.partial_credit == Decimal("0.3")
    at.button(key="ev_old_upgrade").click().run()
    model = at.session_state[STATE_KEY].evaluation
    assert model.has_criteria and (model.scale_max, model.decimals) == (8, 1)
    assert [c.name for c in model.criteria] == ["Kvalitet", "Pris"]


def test_a_draft_saved_before_the_whole_model_was_kept_opens_with_its_older_model(
    workspace_in_tmp,
):
    tender_id = fill_purchase(new_app()).session_state[STATE_KEY].tender_id
    path = workspace_in_tmp / "tenders" / tender_id / "draft.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    for key in ("evaluation", "price_lines", "tender_extra"):
        del document["draft"][key]
    document["draft"].update(scale_max=8, partial_credit="0.25", decimals=1)
    path.write_text(json.dumps(document), encoding="utf-8")
    at = reopened(tender_id)
    assert not errors(at), errors(at)
    model = at.session_state[STATE_KEY].evaluation
    assert model == EvaluationModel(scale_max=8, partial_credit=Decimal("0.25"), decimals=1)


def test_an_anchor_moved_onto_another_anchors_points_is_refused_with_a_message():
    at = open_tender(new_app(), readme_model_tender())
    go(at, "step_evaluation")
    before = at.session_state[STATE_KEY].evaluation.anchors
    at.text_input(key="ev_anchor_1_points").input("10").run()
    assert "Der er allerede et anker ved 10 point." in errors(at)
    assert at.text_input(key="ev_anchor_1_points").value == "10"  # what was typed stays
    assert at.session_state[STATE_KEY].evaluation.anchors == before


def test_a_new_anchor_that_is_no_number_says_so():
    at = open_tender(new_app(), readme_model_tender())
    go(at, "step_evaluation")
    at.text_input(key="ev_anchor_new_points").input("syv")
    at.text_input(key="ev_anchor_new_text").input("God")
    at.button(key="ev_anchor_add").click().run()
    assert "»syv« er ikke et tal. Skriv fx 12,5 eller 1.250.000." in errors(at)
