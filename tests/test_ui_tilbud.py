"""Step 8, Tilbud: what a person decides about each bid (reservations priced or rejected, the
compliance confirmed) and the committee's points (each evaluator's own, the disagreements, the
consensus with its reason), all kept in the tender's evaluation file in the workspace."""

from __future__ import annotations

from decimal import Decimal

import yaml

from procure.evaluation.overrides import parse_overrides
from procure.library import load_release
from procure.tender import resolve_tender
from procure.ui.checking import vendor_key
from tests.wizard import (
    STATE_KEY,
    errors,
    go,
    markdown,
    new_app,
    open_tender,
    readme_model_tender,
    shown,
)

VENDOR = "Leverandør A"
DESCRIPTION = "Vi leverer fuld integration til sagsindekset, se bilag 4, afsnit 2."


def readme_spec(tender=None):
    return resolve_tender(tender or readme_model_tender(), load_release("1.0.0"))


def bid(
    spec,
    vendor: str = VENDOR,
    answers: dict | None = None,
    prices: dict[str, str] | None = None,
    price_total: str | None = None,
) -> bytes:
    """An answer file meeting every requirement with a description, except `answers` (id →
    (answer, reservation)); with `prices` (price line → unit price) and the vendor's own
    total."""
    answers = answers or {}
    rows = []
    for r in spec.requirements:
        answer, reservation = answers.get(r.id, ("Opfyldt", ""))
        row = {"id": r.id, "answer": answer, "description": f"{DESCRIPTION} ({r.id})"}
        if reservation:
            row["reservation"] = reservation
        rows.append(row)
    document = {
        "format": "procure-answers/1",
        "tender_id": spec.tender.id,
        "vendor": {"name": vendor},
        "answers": rows,
    }
    if prices:
        document["prices"] = [{"line": line, "unit_price": p} for line, p in prices.items()]
    if price_total is not None:
        document["price_total"] = price_total
    return yaml.safe_dump(document, allow_unicode=True).encode()


def with_bids(files: list[tuple[str, bytes]], tender=None):
    at = open_tender(new_app(), tender or readme_model_tender())
    go(at, "step_check")
    at.file_uploader(key="check_responses_0").set_value(
        [(name, data, "text/yaml") for name, data in files]
    ).run()
    assert not at.exception
    return at


def saved_evaluation(workspace, at):
    state = at.session_state[STATE_KEY]
    path = workspace / "tenders" / state.tender_id / "tender.evaluation.yaml"
    return parse_overrides(path.read_text(encoding="utf-8"), str(path))


def successes(at) -> str:
    return " ".join(shown(s.value) for s in at.success)


def open_form(at, name: str, key: str):
    """Open one of a bid's forms (they are drawn only while open)."""
    at.session_state[f"{name}_{key}_expander"] = True
    at.run()
    assert not at.exception
    return at


# -- Reservations ----------------------------------------------------------------------------------


def test_a_priced_reservation_keeps_the_bid_and_a_fundamental_one_rejects_it(workspace_in_tmp):
    spec = readme_spec()
    first, second = [r.id for r in spec.requirements if r.kind == "K"][:2]
    answers = {
        first: ("Delvist opfyldt", "Leveres i fase 2."),
        second: ("Delvist opfyldt", "Kun på hverdage."),
    }
    at = with_bids([("a.yaml", bid(spec, answers=answers))])
    assert "Konditionsmæssigt: ja" in successes(at)
    key = vendor_key("a.yaml", VENDOR)
    open_form(at, "decision", key)

    at.selectbox(key=f"decision_{key}_requirement").set_value(first)
    at.radio(key=f"decision_{key}_decision").set_value("priced").run()
    at.text_input(key=f"decision_{key}_price").input("45.000,50")
    at.text_input(key=f"decision_{key}_by").input("Mette Holm")
    at.text_area(key=f"decision_{key}_why").input("Fase 2 koster to konsulentuger.")
    at.button(key=f"decision_{key}_save").click().run()
    assert not errors(at), errors(at)
    assert f"Afgørelsen om forbeholdet til {first}" in successes(at)
    assert "Konditionsmæssigt: ja" in successes(at)
    table = next(d.value for d in at.dataframe if "Kommunens afgørelse" in d.value.columns)
    decided = dict(zip(table["Krav-ID"], table["Kommunens afgørelse"], strict=True))
    assert decided[first] == "prissat af kommunen: 45.000,50 kr."

    at.selectbox(key=f"decision_{key}_requirement").set_value(second)
    at.radio(key=f"decision_{key}_decision").set_value("fundamental").run()
    at.text_area(key=f"decision_{key}_why").input("Døgndrift er et grundlæggende element.")
    at.button(key=f"decision_{key}_save").click().run()
    assert not at.exception
    refusal = " ".join(errors(at))
    assert "Konditionsmæssigt: NEJ" in refusal
    assert f"Forbehold til {second} vedrører et grundlæggende element" in refusal

    saved = saved_evaluation(workspace_in_tmp, at)
    priced, fundamental = saved.reservation_decisions
    assert (priced.requirement_id, priced.decision, priced.price) == (
        first,
        "priced",
        Decimal("45000.50"),
    )
    assert (fundamental.requirement_id, fundamental.decision, fundamental.by) == (
        second,
        "fundamental",
        "Mette Holm",
    )


def test_a_decision_without_a_reason_is_refused_and_keeps_what_was_typed():
    spec = readme_spec()
    k = next(r.id for r in spec.requirements if r.kind == "K")
    at = with_bids([("a.yaml", bid(spec, answers={k: ("Delvist opfyldt", "Senere.")}))])
    key = vendor_key("a.yaml", VENDOR)
    open_form(at, "decision", key)
    at.text_input(key=f"decision_{key}_price").input("1000")
    at.text_input(key=f"decision_{key}_by").input("Mette Holm")
    at.button(key=f"decision_{key}_save").click().run()
    assert any("skriftlig begrundelse" in e for e in errors(at)), errors(at)
    assert at.text_input(key=f"decision_{key}_price").value == "1000"
    state = at.session_state[STATE_KEY]
    assert state.check.evaluations.get(state.tender_id) is None or not (
        state.check.evaluations[state.tender_id].reservation_decisions
    )


# -- Confirmation ------------------------------------------------------------------------------


def test_a_person_confirms_a_bid_non_compliant_against_procures_proposal(workspace_in_tmp):
    spec = readme_spec()
    at = with_bids([("a.yaml", bid(spec))])
    key = vendor_key("a.yaml", VENDOR)
    text = " ".join(shown(c.value) for c in at.caption)
    assert "Ingen person har bekræftet endnu" in text
    open_form(at, "confirm", key)
    assert at.radio(key=f"confirm_{key}_compliant").value == "yes"  # procure's proposal
    at.radio(key=f"confirm_{key}_compliant").set_value("no")
    at.text_input(key=f"confirm_{key}_by").input("Jens Berg")
    at.text_area(key=f"confirm_{key}_why").input("Tilbuddet er ikke underskrevet.")
    at.button(key=f"confirm_{key}_save").click().run()
    assert not at.exception
    refusal = " ".join(errors(at))
    assert "Bekræftet af Jens Berg" in refusal and "IKKE konditionsmæssigt" in refusal
    assert "afviger fra procures forslag" in refusal
    [entry] = saved_evaluation(workspace_in_tmp, at).confirmations
    assert (entry.vendor, entry.compliant, entry.by, entry.why) == (
        VENDOR,
        False,
        "Jens Berg",
        "Tilbuddet er ikke underskrevet.",
    )


# -- Points and consensus ------------------------------------------------------------------------


def give_points(at, evaluator: str, requirement: str, points: str, note: str = ""):
    at.text_input(key="score_evaluator").input(evaluator).run()
    at.selectbox(key="score_requirement").set_value(requirement)
    at.text_input(key="score_points").input(points)
    at.text_area(key="score_why").input(note)
    at.button(key="score_save").click().run()
    assert not at.exception
    return at


def test_two_evaluators_score_apart_disagree_and_agree_a_consensus_with_a_reason(
    workspace_in_tmp,
):
    spec = readme_spec()
    at = with_bids([("a.yaml", bid(spec))])
    at.radio(key="tilbud_section").set_value("scores").run()
    assert not errors(at), errors(at)
    at.text_input(key="score_evaluator").input("Eva Lund").run()
    # The vendor's description beside the scale's anchors
    assert f"{DESCRIPTION} (FKI-BRG-004)" in markdown(at)
    anchors = next(d.value for d in at.dataframe if "Betydning" in d.value.columns)
    assert list(anchors["Betydning"]) == [
        "Fremragende opfyldelse",
        "Tilfredsstillende opfyldelse",
        "Ingen opfyldelse",
    ]
    give_points(at, "Eva Lund", "FKI-BRG-004", "8", "Stærk beskrivelse.")
    assert "Gemt: Eva Lund gav Leverandør A 8 point for FKI-BRG-004" in successes(at)
    # On to the next requirement Eva has not scored
    assert at.selectbox(key="score_requirement").value == "FKI-DRF-002"
    give_points(at, "Bo Holm", "FKI-BRG-004", "5,5")
    assert "Bo Holm gav Leverandør A 5,5 point" in successes(at)
    give_points(at, "Bo Holm", "FKI-BRG-004", "11")
    assert any("uden for skalaen 0–10" in e for e in errors(at)), errors(at)

    at.radio(key="tilbud_section").set_value("consensus").run()
    assert not at.exception
    table = next(d.value for d in at.dataframe if "Point pr. evaluator" in d.value.columns)
    assert list(table["Krav-ID"]) == ["FKI-BRG-004"]
    assert list(table["Point pr. evaluator"]) == ["Bo Holm 5,5 · Eva Lund 8"]
    assert at.selectbox(key="consensus_requirement").value == "FKI-BRG-004"
    at.text_input(key="consensus_points").input("7")
    at.text_input(key="consensus_by").input("Eva Lund")
    at.button(key="consensus_save").click().run()
    assert any("begrundelse mangler" in e for e in errors(at)), errors(at)
    at.text_area(key="consensus_why").input("Løsningen dækker kravet; integrationen er vist.")
    at.button(key="consensus_save").click().run()
    assert "Konsensus gemt: Leverandør A, FKI-BRG-004: 7 point." in successes(at)

    saved = saved_evaluation(workspace_in_tmp, at)
    assert {(s.evaluator, s.points) for s in saved.scores} == {
        ("Eva Lund", Decimal(8)),
        ("Bo Holm", Decimal("5.5")),
    }
    [agreed] = saved.consensus
    assert (agreed.vendor, agreed.requirement, agreed.points, agreed.why) == (
        VENDOR,
        "FKI-BRG-004",
        Decimal(7),
        "Løsningen dækker kravet; integrationen er vist.",
    )
    assert [c.new for c in saved.changes] == [Decimal(8), Decimal("5.5"), Decimal(7)]


def test_a_non_compliant_bid_is_not_offered_for_points():
    spec = readme_spec()
    mk = next(r.id for r in spec.requirements if r.kind == "MK")
    at = with_bids(
        [
            ("a.yaml", bid(spec)),
            ("b.yaml", bid(spec, "Leverandør B", {mk: ("Ikke opfyldt", "")})),
        ]
    )
    at.radio(key="tilbud_section").set_value("scores").run()
    assert at.selectbox(key="score_vendor").options == [VENDOR]
    text = " ".join(shown(c.value) for c in at.caption)
    assert "Evalueres ikke (ukonditionsmæssige): Leverandør B" in text


# -- Prices ------------------------------------------------------------------------------------


def consensus_for_all(at, vendors: dict[str, str]) -> None:
    """Every evaluated requirement's consensus for each vendor (vendor → points), as the
    committee would enter them, kept in the wizard's evaluation of the tender."""
    from procure.evaluation.committee import append_consensus
    from procure.evaluation.overrides import Overrides

    state = at.session_state[STATE_KEY]
    spec = at.session_state["procure_check_spec"][2]
    evaluation = state.check.evaluations.get(state.tender_id) or Overrides(state.tender_id)
    for vendor, points in vendors.items():
        for rid in ("FKI-BRG-004", "FKI-DRF-002", "FKI-IND-005"):
            evaluation = append_consensus(
                evaluation,
                spec,
                vendor=vendor,
                requirement_id=rid,
                points=points,
                why=f"Begrundelse for {rid}.",
                by="Udvalget",
            )
    state.check.evaluations[state.tender_id] = evaluation


def test_prices_are_computed_by_procure_and_a_differing_vendor_total_is_flagged():
    spec = readme_spec()
    at = with_bids(
        [
            ("a.yaml", bid(spec, prices={"P1": "1.250.000"}, price_total="1.300.000")),
            ("b.yaml", bid(spec, "Leverandør B", prices={"P1": "990000,50"})),
        ]
    )
    at.radio(key="tilbud_section").set_value("prices").run()
    assert not at.exception
    table = next(d.value for d in at.dataframe if "Pris beregnet af procure" in d.value.columns)
    assert dict(zip(table["Leverandør"], table["Pris beregnet af procure"], strict=True)) == {
        VENDOR: "1.250.000 kr.",
        "Leverandør B": "990.000,50 kr.",
    }
    flagged = " ".join(shown(w.value) for w in at.warning)
    assert f"{VENDOR}: leverandørens samlede pris '1.300.000' passer ikke" in flagged


def test_with_a_price_blind_evaluation_no_price_is_shown_before_the_quality_consensus():
    import dataclasses

    tender = readme_model_tender()
    tender = dataclasses.replace(
        tender, evaluation=dataclasses.replace(tender.evaluation, price_blind=True)
    )
    spec = readme_spec(tender)
    at = with_bids(
        [
            ("a.yaml", bid(spec, prices={"P1": "1000000"})),
            ("b.yaml", bid(spec, "Leverandør B", prices={"P1": "1250000"})),
        ],
        tender,
    )
    at.radio(key="tilbud_section").set_value("prices").run()
    assert "Prisblind evaluering" in " ".join(shown(i.value) for i in at.info)
    assert not [d for d in at.dataframe if "Pris beregnet af procure" in d.value.columns]
    go(at, "step_award")
    assert "Prisblind evaluering" in " ".join(shown(i.value) for i in at.info)
    assert not [d for d in at.dataframe if "Placering" in d.value.columns]
    assert "1.000.000" not in " ".join(str(d.value) for d in at.dataframe)

    consensus_for_all(at, {VENDOR: "7", "Leverandør B": "9"})
    go(at, "step_check")
    at.radio(key="tilbud_section").set_value("prices").run()
    assert [d for d in at.dataframe if "Pris beregnet af procure" in d.value.columns]
    go(at, "step_award")
    ranking = next(d.value for d in at.dataframe if "Placering" in d.value.columns)
    assert list(ranking["Pris"]) == ["1.250.000 kr.", "1.000.000 kr."]


def test_the_tilbud_step_offers_to_register_a_checked_bid_in_the_portfolio(workspace_in_tmp):
    spec = readme_spec()
    at = with_bids([("a.yaml", bid(spec))])
    labels = [e.label for e in at.expander]
    assert "Registrér det vindende tilbud i porteføljen" in labels
    assert at.selectbox(key="reg_bid").options == ["Leverandør A (a.yaml)"]
