"""The checker's rules one at a time, each through what a person reads: the verdict per
requirement, the findings' words, the reservations, the reasons a bid is not compliant and the
score. (test_verdict_rules.py tests the same rules through the readers and the CLI.)

The small tender (tests.test_evaluation.small_spec), in form order: FKI-DRF-004 PK 5,
FKI-BRG-010 O, FKI-ORG-001 MK, FKI-ORG-003 PK 6, FKI-ORG-002 PK 4, FKI-ORG-004 K, FKI-INT-007 MK.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from procure.evaluation import evaluate_response
from procure.evaluation.overrides import Override, Overrides, ReservationDecision
from procure.evaluation.result import Reservation
from procure.forms import Answer
from procure.responses.model import FormMetadata
from procure.tender import SelectedRequirement, resolve_tender
from procure.tender.model import EvaluationModel
from tests.samples import sample_tender, shipped_release
from tests.test_evaluation import ALL_MET, codes, priced_spec, response_for, small_spec


def _check(answers=None, *, spec=None, overrides=None, **kwargs):
    spec = spec or small_spec()
    return evaluate_response(spec, response_for(spec, answers or ALL_MET, **kwargs), overrides)


def _messages(result, code, rid=None):
    return [f.message for f in result.findings if f.code == code and f.requirement == rid]


def _with_rows(spec, answers, change):
    """A response whose rows `change(row)` has rewritten."""
    response = response_for(spec, answers)
    return dataclasses.replace(response, rows=tuple(change(r) for r in response.rows))


def _decide(decision, price=None, rid="FKI-ORG-004", why="Jurist: tungt"):
    return Overrides(
        None,
        (),
        (ReservationDecision("Leverandør A", rid, decision, price, why, "Jurist", "t"),),
    )


# -- the result as a whole ------------------------------------------------------------------


def test_a_clean_bid_carries_its_vendor_source_tender_and_the_confirmation_note():
    spec = small_spec()
    result = evaluate_response(spec, response_for(spec, ALL_MET, vendor="  Leverandør A  "))
    assert result.vendor == "Leverandør A"
    assert result.source == "a.docx" and result.tender_id == spec.tender.id
    assert result.compliant and result.reasons == () and result.mandatory_failed == ()
    assert result.reservations == () and result.integrations_missing == ()
    assert (result.computed_score, result.score, result.max_score) == (10, 10, 10)
    assert result.confirmation_note == (
        "Vurderingen er procures forslag: en person skal bekræfte den, før tilbuddet afvises "
        "eller kontrakten underskrives."
    )
    assert [v.id for v in result.verdicts] == [r.id for r in spec.requirements]
    assert {v.verdict for v in result.verdicts} == {"ok"}


def test_a_bid_without_a_vendor_name_is_named_by_its_file():
    spec = small_spec()
    response = dataclasses.replace(response_for(spec, ALL_MET, vendor="  "), source="bud/B.docx")
    assert evaluate_response(spec, response).vendor == "B"


def test_a_verdict_carries_what_the_vendor_wrote():
    answers = dict(ALL_MET, **{"FKI-ORG-003": (" Delvist opfyldt ", "Kun i Q3")})
    verdict = _check(answers).verdict("FKI-ORG-003")
    assert (verdict.number, verdict.kind, verdict.weight) == ("3.3.2", "PK", 6)
    assert (verdict.answer, verdict.answer_text) == (Answer.PARTLY, "Delvist opfyldt")
    assert (verdict.description, verdict.reservation_text) == ("Beskrivelse", "Kun i Q3")
    assert verdict.computed_points == verdict.final_points == Decimal(3)
    assert verdict.override_reason is None
    mk = _check(answers).verdict("FKI-ORG-001")
    assert mk.computed_points is None and mk.final_points is None and mk.weight is None


def test_the_reasons_name_every_failed_mindstekrav_in_form_order():
    answers = dict(ALL_MET, **{"FKI-INT-007": "Ikke opfyldt", "FKI-ORG-001": "Delvist opfyldt"})
    result = _check(answers)
    assert result.mandatory_failed == ("FKI-ORG-001", "FKI-INT-007")
    assert result.reasons == ("Mindstekrav ikke opfyldt: FKI-ORG-001, FKI-INT-007",)
    english = _check(answers, spec=small_spec_en())
    assert english.reasons == ("Minimum requirements not met: FKI-ORG-001, FKI-INT-007",)


def small_spec_en():
    return dataclasses.replace(small_spec(), language="en")


def test_ids_are_matched_without_case_or_spaces():
    spec = small_spec()
    result = evaluate_response(
        spec,
        _with_rows(
            spec,
            ALL_MET,
            lambda r: dataclasses.replace(r, requirement_id=f" {r.requirement_id.lower()} "),
        ),
    )
    assert result.compliant and result.findings == ()


def test_an_unknown_id_is_named_with_where_it_is():
    answers = dict(ALL_MET, **{" fki-xxx-9 ": "Opfyldt"})
    result = _check(answers)
    assert _messages(result, "unknown_requirement", "fki-xxx-9") == [
        "Besvarelsen indeholder et krav-id, som ikke findes i udbuddet (tabel 1, række 9)"
    ]
    assert result.compliant


# -- a requirement left out -----------------------------------------------------------------


@pytest.mark.parametrize(
    "rid, verdict",
    [("FKI-ORG-001", "failed"), ("FKI-ORG-004", "reservation"), ("FKI-ORG-003", "missing")],
)
def test_a_requirement_left_out(rid, verdict):
    answers = {k: v for k, v in ALL_MET.items() if k != rid}
    result = _check(answers)
    assert result.verdict(rid).verdict == verdict
    assert result.verdict(rid).answer is None and result.verdict(rid).answer_text == ""
    assert _messages(result, "missing_answer", rid) == ["Kravet er ikke besvaret"]


def test_a_mindstekrav_left_out_fails_the_bid_in_words():
    result = _check({k: v for k, v in ALL_MET.items() if k != "FKI-INT-007"})
    assert _messages(result, "mandatory_failed", "FKI-INT-007") == ["Mindstekrav er ikke besvaret"]
    assert result.reasons == ("Mindstekrav ikke opfyldt: FKI-INT-007",)


def test_a_k_left_out_is_a_reservation_with_no_answer_and_no_price():
    result = _check({k: v for k, v in ALL_MET.items() if k != "FKI-ORG-004"})
    assert result.compliant
    assert result.reservations == (Reservation("FKI-ORG-004", "", None, ""),)
    assert _messages(result, "reservation", "FKI-ORG-004") == ["Forbehold (ikke besvaret): tom"]
    assert _messages(result, "reservation_to_price", "FKI-ORG-004") == [
        "Kommunen skal prissætte forbeholdet uden at spørge tilbudsgiveren, eller afgøre, at "
        "det ikke kan prissættes eller vedrører et grundlæggende element (så afvises "
        "tilbuddet); leverandøren har ikke angivet en pris"
    ]


def test_a_pk_left_out_scores_nothing_and_an_o_left_out_is_not_offered():
    result = _check({k: v for k, v in ALL_MET.items() if k not in ("FKI-ORG-003", "FKI-BRG-010")})
    assert result.verdict("FKI-ORG-003").final_points == 0
    assert result.score == Decimal("6.00")  # 9 of 15
    assert result.verdict("FKI-BRG-010").verdict == "missing"
    # a PK left out leaves its integration uncovered; an option left out demands nothing
    assert result.integrations_missing == ("organisation",)
    assert result.compliant


# -- answers that are no answer --------------------------------------------------------------


def test_an_empty_or_invalid_answer_on_each_kind():
    answers = dict(
        ALL_MET,
        **{
            "FKI-ORG-001": "",
            "FKI-INT-007": "Ja tak",
            "FKI-ORG-004": ("", "Kun i Q3, pris 5.000 kr."),
            "FKI-ORG-003": "Måske",
            "FKI-BRG-010": "",
        },
    )
    result = _check(answers)
    states = {v.id: v.verdict for v in result.verdicts}
    assert states == {
        "FKI-DRF-004": "ok",
        "FKI-BRG-010": "missing",
        "FKI-ORG-001": "failed",
        "FKI-ORG-003": "invalid",
        "FKI-ORG-002": "ok",
        "FKI-ORG-004": "reservation",
        "FKI-INT-007": "failed",
    }
    assert _messages(result, "mandatory_failed", "FKI-ORG-001") == [
        "Mindstekrav ikke opfyldt: besvaret 'tom'"
    ]
    assert _messages(result, "mandatory_failed", "FKI-INT-007") == [
        "Mindstekrav ikke opfyldt: besvaret 'Ja tak'"
    ]
    assert _messages(result, "invalid_answer", "FKI-INT-007") == [
        "Ugyldig besvarelse 'Ja tak' (tabel 1, række 3); tilladt er Opfyldt, Delvist opfyldt "
        "eller Ikke opfyldt"
    ]
    assert _messages(result, "missing_answer", "FKI-ORG-001") == ["Kravet er ikke besvaret"]
    assert _messages(result, "invalid_answer", "FKI-ORG-001") == []
    # the K with no answer is a reservation on the buyer's desk, its stated price kept
    (reservation,) = result.reservations
    assert reservation == Reservation(
        "FKI-ORG-004", "tom", Decimal(5000), "Kun i Q3, pris 5.000 kr."
    )
    assert _messages(result, "reservation", "FKI-ORG-004") == [
        "Forbehold (tom) (leverandørens pris: 5.000 kr.): Kun i Q3, pris 5.000 kr."
    ]
    assert result.verdict("FKI-ORG-003").final_points == 0
    assert result.verdict("FKI-ORG-004").reservation_text == "Kun i Q3, pris 5.000 kr."
    assert result.mandatory_failed == ("FKI-ORG-001", "FKI-INT-007")


def test_an_invalid_answer_on_a_k_is_a_reservation_named_by_what_was_written():
    result = _check(dict(ALL_MET, **{"FKI-ORG-004": "Nej"}))
    assert result.reservations == (Reservation("FKI-ORG-004", "Nej", None, ""),)
    assert _messages(result, "reservation", "FKI-ORG-004") == ["Forbehold (Nej): tom"]


# -- mindstekrav ----------------------------------------------------------------------------


def test_a_mindstekrav_not_met_names_the_answer_and_the_reservation():
    answers = dict(
        ALL_MET,
        **{
            "FKI-ORG-001": ("Delvist opfyldt", "Kun ved nattekørsel"),
            "FKI-INT-007": "ikke  OPFYLDT",
        },
    )
    result = _check(answers)
    assert _messages(result, "mandatory_failed", "FKI-ORG-001") == [
        "Mindstekrav ikke opfyldt: besvaret 'Delvist opfyldt' – Kun ved nattekørsel"
    ]
    assert _messages(result, "mandatory_failed", "FKI-INT-007") == [
        "Mindstekrav ikke opfyldt: besvaret 'ikke  OPFYLDT'"
    ]
    assert result.verdict("FKI-INT-007").answer is Answer.NOT_MET
    # a mindstekrav is never a reservation for the buyer to price
    assert result.reservations == ()


def test_a_mindstekrav_met_with_a_reservation_or_altered_text_fails_in_words():
    spec = small_spec()
    answers = dict(ALL_MET, **{"FKI-ORG-001": ("Opfyldt", "Kræver licens")})

    def alter(row):
        if row.requirement_id == "FKI-INT-007":
            return dataclasses.replace(row, requirement_text=row.requirement_text + " ikke")
        return row

    result = evaluate_response(spec, _with_rows(spec, answers, alter))
    assert _messages(result, "mandatory_failed", "FKI-ORG-001") == [
        "Mindstekrav besvaret med forbehold: Kræver licens"
    ]
    assert _messages(result, "mandatory_failed", "FKI-INT-007") == [
        "Mindstekravets tekst er ændret i besvarelsen (skjult forbehold)"
    ]
    assert result.verdict("FKI-ORG-001").verdict == result.verdict("FKI-INT-007").verdict
    assert result.verdict("FKI-INT-007").verdict == "failed"
    assert result.mandatory_failed == ("FKI-ORG-001", "FKI-INT-007")


# -- K, PK and O ------------------------------------------------------------------------------


def test_a_k_met_with_a_reservation_text_is_a_reservation_with_its_own_words():
    answers = dict(ALL_MET, **{"FKI-ORG-004": ("Opfyldt", "Kun UUID v4. Pris: 2.000 kr.")})
    result = _check(answers)
    assert result.verdict("FKI-ORG-004").verdict == "reservation"
    assert _messages(result, "reservation", "FKI-ORG-004") == [
        "Besvaret 'Opfyldt', men med forbehold: Kun UUID v4. Pris: 2.000 kr."
    ]
    assert result.reservations == (
        Reservation("FKI-ORG-004", "Opfyldt", Decimal(2000), "Kun UUID v4. Pris: 2.000 kr."),
    )
    assert _messages(result, "reservation_to_price", "FKI-ORG-004")[0].endswith(
        "; leverandørens egen pris, til orientering: 2.000 kr."
    )


@pytest.mark.parametrize("answer", ["Delvist opfyldt", "Ikke opfyldt"])
def test_a_k_not_fully_met_is_a_reservation_even_without_a_text(answer):
    result = _check(dict(ALL_MET, **{"FKI-ORG-004": answer}))
    assert result.verdict("FKI-ORG-004").verdict == "reservation"
    assert result.reservations == (Reservation("FKI-ORG-004", answer, None, ""),)
    assert _messages(result, "reservation", "FKI-ORG-004") == [f"Forbehold ({answer}): tom"]
    assert result.compliant


def test_a_pk_partly_met_without_a_reservation_is_scored_not_priced():
    result = _check(dict(ALL_MET, **{"FKI-ORG-003": "Delvist opfyldt"}))
    assert result.verdict("FKI-ORG-003").verdict == "ok"
    # scored lower, not a reservation, and its integration only partly covered (issue 17)
    assert result.reservations == () and result.findings[0].code == "integration_partly"
    assert result.integrations_missing == () and result.integrations_partly == ("organisation",)
    assert result.score == Decimal("8.00")  # 3 + 5 + 4 of 15


def test_a_pk_with_a_reservation_or_altered_text_is_a_reservation_and_keeps_its_points():
    spec = small_spec()
    answers = dict(ALL_MET, **{"FKI-DRF-004": ("Opfyldt", "Kun logning i 30 dage")})

    def alter(row):
        if row.requirement_id == "FKI-ORG-002":
            return dataclasses.replace(row, kind_text="K")
        return row

    result = evaluate_response(spec, _with_rows(spec, answers, alter))
    assert [r.id for r in result.reservations] == ["FKI-DRF-004", "FKI-ORG-002"]
    assert result.reservations[1] == Reservation("FKI-ORG-002", "Opfyldt", None, "")
    assert _messages(result, "text_altered", "FKI-ORG-002") == [
        "Kravtypen er ændret i besvarelsen fra 'PK (vægt 4)' til 'K'"
    ]
    assert result.score == Decimal("10.00")


def test_an_o_not_offered_is_no_failure_and_demands_no_integration():
    result = _check(dict(ALL_MET, **{"FKI-BRG-010": ("Ikke opfyldt", "Ikke tilbudt")}))
    assert result.verdict("FKI-BRG-010").verdict == "not_offered"
    assert result.verdict("FKI-BRG-010").answer is Answer.NOT_MET
    assert result.reservations == () and result.compliant
    # an integration is not covered only when a requirement that demands it is not met
    assert result.integrations_missing == ()
    assert _messages(result, "integration_missing") == []
    assert _check(dict(ALL_MET, **{"FKI-BRG-010": "Opfyldt"})).verdict("FKI-BRG-010").verdict == (
        "ok"
    )


def test_an_integration_names_every_requirement_that_leaves_it_uncovered():
    answers = dict(
        ALL_MET,
        **{"FKI-ORG-003": "Delvist opfyldt", "FKI-ORG-004": ("Opfyldt", "Kun v4")},
    )
    result = _check(answers)
    assert result.integrations_missing == ("organisation",)
    # the K with a reservation leaves it uncovered; the PK answered partly only scores lower
    assert _messages(result, "integration_missing") == [
        "Integrationen Fælleskommunalt Organisationssystem er ikke dækket: FKI-ORG-004 er "
        "ikke besvaret 'Opfyldt'"
    ]


# -- duplicates and altered texts -------------------------------------------------------------


@pytest.mark.parametrize(
    "first, second, counts",
    [
        ("Opfyldt", "Delvist opfyldt", Answer.PARTLY),
        ("Delvist opfyldt", "Opfyldt", Answer.PARTLY),
        ("Ikke opfyldt", "Delvist opfyldt", Answer.NOT_MET),
        ("Opfyldt", "Ja", None),
        ("Ja", "Ikke opfyldt", None),
        ("Opfyldt", "Opfyldt", Answer.MET),
    ],
)
def test_of_two_answers_to_one_requirement_the_least_favourable_counts(first, second, counts):
    spec = small_spec()
    response = response_for(spec, dict(ALL_MET, **{"FKI-ORG-003": first}))
    (row,) = [r for r in response.rows if r.requirement_id == "FKI-ORG-003"]
    again = dataclasses.replace(
        response_for(spec, {"FKI-ORG-003": second}).rows[0], location="tabel 3, række 4"
    )
    result = evaluate_response(spec, dataclasses.replace(response, rows=response.rows + (again,)))
    assert result.verdict("FKI-ORG-003").answer is counts
    assert _messages(result, "duplicate_answer", "FKI-ORG-003") == [
        "Kravet er besvaret 2 gange (tabel 1, række 4; tabel 3, række 4); den mindst gunstige "
        "besvarelse er lagt til grund"
    ]


def test_an_altered_text_says_what_was_removed_and_added_and_stops_after_three():
    spec = small_spec()
    requirement = spec.requirement("FKI-ORG-003")
    words = requirement.text.split(" ")
    changed = " ".join(
        ["NY1", *words[1:4], "NY2", *words[5:8], "NY3", *words[9:12], "NY4", *words[13:]]
    )

    def alter(row):
        if row.requirement_id == "FKI-ORG-003":
            return dataclasses.replace(row, requirement_text=f"{requirement.title}\n{changed}")
        return row

    result = evaluate_response(spec, _with_rows(spec, ALL_MET, alter))
    (message,) = _messages(result, "text_altered", "FKI-ORG-003")
    assert message == (
        "Kravteksten er ændret i besvarelsen: "
        f"fjernet «{words[0]}», tilføjet «NY1», fjernet «{words[4]}», … (+5)"
    )
    assert result.verdict("FKI-ORG-003").verdict == "reservation"


def test_a_long_removed_passage_is_clipped_to_eighty_characters():
    spec = small_spec()
    requirement = spec.requirement("FKI-DRF-004")

    def alter(row):
        if row.requirement_id == "FKI-DRF-004":
            return dataclasses.replace(row, requirement_text=requirement.title)
        return row

    result = evaluate_response(spec, _with_rows(spec, ALL_MET, alter))
    (message,) = _messages(result, "text_altered", "FKI-DRF-004")
    removed = " ".join(requirement.text.split())
    assert message == f"Kravteksten er ændret i besvarelsen: fjernet «{removed[:79]}…»"


def test_text_and_type_both_altered_are_one_finding():
    spec = small_spec()

    def alter(row):
        if row.requirement_id == "FKI-ORG-004":
            return dataclasses.replace(
                row, requirement_text=row.requirement_text + " eller lignende", kind_text=" O "
            )
        if row.requirement_id == "FKI-ORG-002":
            return dataclasses.replace(row, kind_text="", requirement_text=None)
        return row

    result = evaluate_response(spec, _with_rows(spec, ALL_MET, alter))
    assert _messages(result, "text_altered", "FKI-ORG-004") == [
        "Kravteksten er ændret i besvarelsen: tilføjet «eller lignende»; "
        "Kravtypen er ændret i besvarelsen fra 'K' til 'O'"
    ]
    # an empty type cell and a form without the text column alter nothing
    assert _messages(result, "text_altered", "FKI-ORG-002") == []


# -- the form's stamps -------------------------------------------------------------------------


def _meta(spec, **changes):
    values = dict(
        format="procure-form/1",
        tender_id=spec.tender.id,
        library_version=spec.library_version,
        fingerprint=spec.fingerprint,
    )
    values.update(changes)
    return FormMetadata(**values)


def test_a_form_without_stamps_is_flagged_in_office_files_only():
    spec = small_spec()
    bare = FormMetadata()
    result = evaluate_response(spec, response_for(spec, ALL_MET, metadata=bare))
    assert result.compliant
    assert _messages(result, "form_mismatch") == [
        "Filen bærer ikke procures stempel, så det kan ikke bekræftes, hvilket udbud den "
        "besvarer; kontrollér det manuelt"
    ]
    as_yaml = dataclasses.replace(
        response_for(spec, ALL_MET, metadata=bare), file_format="yaml", source="a.yaml"
    )
    assert evaluate_response(spec, as_yaml).findings == ()


@pytest.mark.parametrize(
    "changes, message",
    [
        (
            {"tender_id": "andet-udbud"},
            "Besvarelsen hører til et andet udbud (udbuds-id andet-udbud, forventet {tender})",
        ),
        (
            {"fingerprint": "sha256:0123456789abcdef"},
            "Besvarelsen er lavet på en anden version af tilbudslisten (fingeraftryk "
            "0123456789ab, forventet {short})",
        ),
        (
            {"tender_id": None, "fingerprint": "sha256:fedcba9876543210"},
            "Besvarelsen er lavet på en anden version af tilbudslisten (fingeraftryk "
            "fedcba987654, forventet {short})",
        ),
        (
            {"library_version": "0.9.0"},
            "Besvarelsen er lavet mod kravbibliotek 0.9.0, udbuddet bruger 1.0.0",
        ),
    ],
)
def test_a_form_of_another_tender_or_version_makes_the_bid_non_compliant(changes, message):
    spec = small_spec()
    expected = message.format(tender=spec.tender.id, short=spec.short_fingerprint)
    result = evaluate_response(spec, response_for(spec, ALL_MET, metadata=_meta(spec, **changes)))
    assert not result.compliant
    assert result.reasons == (expected,)
    assert _messages(result, "form_mismatch") == [expected]


def test_a_stamp_that_only_lacks_some_fields_is_accepted():
    spec = small_spec()
    for changes in ({"library_version": None}, {"fingerprint": None}, {"tender_id": None}):
        result = evaluate_response(
            spec, response_for(spec, ALL_MET, metadata=_meta(spec, **changes))
        )
        assert result.compliant and result.findings == (), changes


# -- the buyer's decisions ---------------------------------------------------------------------


def test_an_open_reservation_shows_the_vendors_price_as_information():
    answers = dict(ALL_MET, **{"FKI-ORG-004": ("Delvist opfyldt", "Pris: 1.250,50 kr.")})
    result = _check(answers)
    assert result.reservations_open == result.reservations
    assert _messages(result, "reservation", "FKI-ORG-004") == [
        "Forbehold (Delvist opfyldt) (leverandørens pris: 1.250,50 kr.): Pris: 1.250,50 kr."
    ]
    assert _messages(result, "reservation_to_price", "FKI-ORG-004")[0].endswith(
        "(så afvises tilbuddet); leverandørens egen pris, til orientering: 1.250,50 kr."
    )


def test_a_priced_reservation_carries_the_buyers_price_and_reason():
    answers = dict(ALL_MET, **{"FKI-ORG-004": "Ikke opfyldt"})
    result = _check(answers, overrides=_decide("priced", Decimal(7500)))
    (reservation,) = result.reservations
    assert (reservation.decision, reservation.buyer_price) == ("priced", Decimal(7500))
    assert reservation.decision_reason == "Jurist: tungt"
    assert result.reservations_total == Decimal(7500) and result.reservations_open == ()
    assert result.compliant
    assert codes(result) == [("reservation", "FKI-ORG-004"), ("integration_missing", None)]


@pytest.mark.parametrize(
    "decision, reason",
    [
        ("unpriceable", "Forbehold til FKI-ORG-004 kan ikke prissættes: Jurist: tungt"),
        (
            "fundamental",
            "Forbehold til FKI-ORG-004 vedrører et grundlæggende element: Jurist: tungt",
        ),
    ],
)
def test_a_reservation_the_buyer_rejects_rejects_the_bid_with_the_reason(decision, reason):
    answers = dict(ALL_MET, **{"FKI-ORG-004": "Ikke opfyldt", "FKI-ORG-001": "Ikke opfyldt"})
    result = _check(answers, overrides=_decide(decision))
    assert result.reasons == ("Mindstekrav ikke opfyldt: FKI-ORG-001", reason)
    assert _messages(result, "reservation_rejected", "FKI-ORG-004") == [reason]
    (reservation,) = result.reservations
    assert (reservation.decision, reservation.buyer_price) == (decision, None)
    assert result.reservations_total == 0


def test_a_decision_on_a_requirement_without_a_reservation_changes_nothing():
    result = _check(ALL_MET, overrides=_decide("fundamental"))
    assert result.compliant and result.reservations == () and result.findings == ()


def test_an_override_replaces_the_points_and_keeps_the_computed_score():
    overrides = Overrides(
        None,
        (Override("leverandør a", "FKI-DRF-004", Decimal(1), Decimal(5), "Svag", "Eva", "t"),),
    )
    result = _check(ALL_MET, overrides=overrides)
    verdict = result.verdict("FKI-DRF-004")
    assert (verdict.computed_points, verdict.final_points) == (Decimal(5), Decimal(1))
    assert verdict.override_reason == "Svag"
    assert (verdict.override_by, verdict.override_at) == ("Eva", "t")
    assert (result.computed_score, result.score) == (Decimal("10.00"), Decimal("7.33"))


def test_a_tender_without_pk_scores_zero_on_its_scale():
    tender = dataclasses.replace(
        sample_tender(),
        requirements=(SelectedRequirement("FKI-ORG-001"),),
        custom_requirements=(),
        evaluation=EvaluationModel(decimals=1),
    )
    no_pk = resolve_tender(tender, shipped_release())
    result = evaluate_response(no_pk, response_for(no_pk, {"FKI-ORG-001": "Opfyldt"}))
    assert str(result.score) == "0.0" and str(result.computed_score) == "0.0"


def test_an_emptied_text_cell_says_what_was_removed_and_nothing_added():
    spec = small_spec()

    def empty(row):
        if row.requirement_id == "FKI-ORG-004":
            return dataclasses.replace(row, requirement_text="  \n ")
        return row

    result = evaluate_response(spec, _with_rows(spec, ALL_MET, empty))
    requirement = spec.requirement("FKI-ORG-004")
    removed = " ".join(f"{requirement.title} {requirement.text}".split())
    assert _messages(result, "text_altered", "FKI-ORG-004") == [
        f"Kravteksten er ændret i besvarelsen: fjernet «{removed[:79]}…»"
    ]


def _spec_with_local(text: str, title: str = "Lokalt krav"):
    from procure.tender import CustomRequirement

    tender = dataclasses.replace(
        sample_tender(),
        requirements=(SelectedRequirement("FKI-ORG-001"),),
        custom_requirements=(CustomRequirement("LOKAL-1", "drift", title, text, "K"),),
    )
    return resolve_tender(tender, shipped_release())


def _altered_message(spec, rid, new_text):
    response = response_for(spec, {r.id: "Opfyldt" for r in spec.requirements})
    rows = tuple(
        dataclasses.replace(r, requirement_text=new_text) if r.requirement_id == rid else r
        for r in response.rows
    )
    result = evaluate_response(spec, dataclasses.replace(response, rows=rows))
    return _messages(result, "text_altered", rid)


def test_a_long_text_is_compared_word_by_word_without_junk_heuristics():
    # difflib takes words seen in over 1 % of a 200+ word text for junk unless told not to,
    # and would then report half the text as replaced for the one word changed
    text = "skal logge " * 110
    spec = _spec_with_local(text.strip())
    changed = "skal logge " * 55 + "kan logge " + "skal logge " * 54
    assert _altered_message(spec, "LOKAL-1", f"Lokalt krav\n{changed}") == [
        "Kravteksten er ændret i besvarelsen: fjernet «skal», tilføjet «kan»"
    ]


def test_exactly_three_changes_are_all_shown_and_a_passage_of_eighty_is_not_cut():
    passage = "x" * 80
    spec = _spec_with_local(f"a {passage} b c d")
    assert _altered_message(spec, "LOKAL-1", "Lokalt krav\na b c NY") == [
        f"Kravteksten er ændret i besvarelsen: fjernet «{passage}», fjernet «d», tilføjet «NY»"
    ]


def test_an_altered_text_is_described_in_the_tenders_language():
    spec = dataclasses.replace(_spec_with_local("Systemet skal logge."), language="en")
    assert _altered_message(spec, "LOKAL-1", "Lokalt krav\nSystemet kan logge.") == [
        "The requirement text was changed in the response: removed «skal», added «kan»"
    ]


def test_every_finding_of_an_english_tender_is_in_english():
    spec = small_spec_en()
    answers = dict(
        ALL_MET,
        **{
            "FKI-XXX-9": "Met",
            "FKI-ORG-004": ("Partly met", "Price: 1,250.50 DKK"),
            "FKI-ORG-002": ("Met", ""),
            "FKI-BRG-010": "Not met",
        },
    )
    del answers["FKI-DRF-004"]
    response = response_for(spec, answers)

    def alter(row):  # the Danish type cells of response_for left out; one type altered
        return dataclasses.replace(
            row, kind_text="K" if row.requirement_id == "FKI-ORG-002" else None
        )

    response = dataclasses.replace(response, rows=tuple(alter(r) for r in response.rows))
    decisions = Overrides(
        None,
        (),
        (
            ReservationDecision(
                "Leverandør A", "FKI-ORG-002", "unpriceable", None, "Vague", "J", "t"
            ),
        ),
    )
    result = evaluate_response(spec, response, decisions)
    assert _messages(result, "unknown_requirement", "FKI-XXX-9") == [
        "The response contains a requirement id that is not in the tender (tabel 1, række 8)"
    ]
    assert _messages(result, "missing_answer", "FKI-DRF-004") == ["The requirement is not answered"]
    assert _messages(result, "reservation", "FKI-ORG-004") == [
        "Reservation (Partly met) (vendor's price: DKK 1,250.50): Price: 1,250.50 DKK"
    ]
    assert _messages(result, "reservation_to_price", "FKI-ORG-004") == [
        "The buyer must price the reservation without asking the bidder, or decide that it "
        "cannot be priced or touches a fundamental element (the bid is then rejected); the "
        "vendor's own price, for information: DKK 1,250.50"
    ]
    assert _messages(result, "text_altered", "FKI-ORG-002") == [
        "The requirement type was changed in the response from 'PK (weight 4)' to 'K'"
    ]
    assert _messages(result, "reservation", "FKI-ORG-002") == ["Reservation (Met): empty"]
    assert result.reasons == ("The reservation on FKI-ORG-002 cannot be priced: Vague",)
    assert _messages(result, "integration_missing") == [
        "The integration Fælleskommunalt Organisationssystem is not covered: FKI-ORG-002, "
        "FKI-ORG-004 not answered 'Met'",
    ]
    open_k = evaluate_response(
        spec, response_for(spec, dict(ALL_MET, **{"FKI-ORG-004": "Not met"}))
    )
    assert _messages(open_k, "reservation_to_price", "FKI-ORG-004")[0].endswith(
        "(the bid is then rejected); the vendor states no price"
    )


def test_an_id_broken_over_two_lines_in_its_cell_is_still_the_id():
    spec = small_spec()
    response = _with_rows(
        spec,
        ALL_MET,
        lambda r: dataclasses.replace(r, requirement_id=r.requirement_id.replace("-", "-\n", 1)),
    )
    result = evaluate_response(spec, response)
    assert result.compliant and result.findings == ()


def test_a_requirement_left_out_has_no_description_or_reservation_text():
    left_out = ("FKI-ORG-001", "FKI-ORG-004", "FKI-ORG-003", "FKI-BRG-010")
    result = _check({k: v for k, v in ALL_MET.items() if k not in left_out})
    for rid in left_out:
        verdict = result.verdict(rid)
        assert (verdict.description, verdict.reservation_text) == ("", ""), rid
    # a PK left out scores 0, in the computed score as in the final one
    assert result.verdict("FKI-ORG-003").computed_points == 0
    assert result.computed_score == result.score == Decimal("6.00")


def test_an_invalid_answer_keeps_the_vendors_description():
    verdict = _check(dict(ALL_MET, **{"FKI-ORG-003": "Måske"})).verdict("FKI-ORG-003")
    assert (verdict.description, verdict.verdict) == ("Beskrivelse", "invalid")
    assert _check(dict(ALL_MET, **{"FKI-ORG-003": "Ikke opfyldt"})).computed_score == Decimal(
        "6.00"
    )


def test_every_verdict_path_of_an_english_tender_speaks_english():
    spec = small_spec_en()
    answers = {
        "FKI-DRF-004": "Met",
        "FKI-BRG-010": "Met",
        "FKI-ORG-001": "",
        "FKI-ORG-003": "Maybe",
        "FKI-ORG-002": "Met",
        "FKI-ORG-004": "",
    }
    result = evaluate_response(spec, response_for(spec, answers))
    assert result.confirmation_note == (
        "This assessment is procure's proposal: a person must confirm it before a bid is "
        "rejected or the contract is signed."
    )
    assert _messages(result, "mandatory_failed", "FKI-INT-007") == [
        "Minimum requirement not answered"
    ]
    assert _messages(result, "missing_answer", "FKI-INT-007") == ["The requirement is not answered"]
    assert _messages(result, "missing_answer", "FKI-ORG-001") == ["The requirement is not answered"]
    assert _messages(result, "mandatory_failed", "FKI-ORG-001") == [
        "Minimum requirement not met: answered 'empty'"
    ]
    assert _messages(result, "invalid_answer", "FKI-ORG-003") == [
        "Invalid answer 'Maybe' (tabel 1, række 5); allowed are Met, Partly met or Not met"
    ]
    assert _messages(result, "reservation", "FKI-ORG-004") == ["Reservation (empty): empty"]
    left_out = {k: v for k, v in answers.items() if k != "FKI-ORG-004"}
    result = evaluate_response(spec, response_for(spec, left_out))
    assert _messages(result, "reservation", "FKI-ORG-004") == ["Reservation (not answered): empty"]
    answers = dict(
        answers,
        **{
            "FKI-ORG-001": ("Met", "Needs a licence"),
            "FKI-INT-007": "Partly met",
            "FKI-ORG-004": ("Met", "UUID v4 only"),
        },
    )
    result = evaluate_response(spec, response_for(spec, answers))
    assert _messages(result, "mandatory_failed", "FKI-ORG-001") == [
        "Minimum requirement answered with a reservation: Needs a licence"
    ]
    assert _messages(result, "mandatory_failed", "FKI-INT-007") == [
        "Minimum requirement not met: answered 'Partly met'"
    ]
    assert _messages(result, "reservation", "FKI-ORG-004") == [
        "Answered 'Met' but with a reservation: UUID v4 only"
    ]
    altered = _with_rows(
        spec,
        {"FKI-ORG-001": "Met"},
        lambda r: dataclasses.replace(r, requirement_text="Other text", kind_text=None),
    )
    assert _messages(evaluate_response(spec, altered), "mandatory_failed", "FKI-ORG-001") == [
        "The minimum requirement's text was changed in the response (hidden reservation)"
    ]


def test_every_answered_row_keeps_the_vendors_description_and_reservation_text():
    answers = dict(
        ALL_MET,
        **{
            "FKI-ORG-001": ("Opfyldt", "Kun hverdage"),
            "FKI-BRG-010": ("Ikke opfyldt", "Ikke tilbudt"),
            "FKI-ORG-004": ("Opfyldt", "Kun v4"),
            "FKI-ORG-003": ("Opfyldt", ""),
        },
    )
    result = _check(answers)
    for rid, text in (
        ("FKI-ORG-001", "Kun hverdage"),
        ("FKI-BRG-010", "Ikke tilbudt"),
        ("FKI-ORG-004", "Kun v4"),
        ("FKI-ORG-003", ""),
    ):
        verdict = result.verdict(rid)
        assert (verdict.description, verdict.reservation_text) == ("Beskrivelse", text), rid


def test_a_k_reservation_keeps_the_answer_as_the_vendor_wrote_it():
    result = _check(dict(ALL_MET, **{"FKI-ORG-004": "ikke  OPFYLDT"}))
    assert result.reservations == (Reservation("FKI-ORG-004", "ikke  OPFYLDT", None, ""),)


def test_form_stamps_are_reported_in_the_tenders_language():
    spec = small_spec_en()
    bare = evaluate_response(spec, response_for(spec, ALL_MET, metadata=FormMetadata()))
    assert _messages(bare, "form_mismatch") == [
        "The file carries no procure stamp, so which tender it answers cannot be confirmed; "
        "check it by hand"
    ]
    as_xlsx = dataclasses.replace(
        response_for(spec, ALL_MET, metadata=FormMetadata()), file_format="xlsx"
    )
    assert [f.code for f in evaluate_response(spec, as_xlsx).findings][:1] == ["form_mismatch"]
    other = evaluate_response(
        spec, response_for(spec, ALL_MET, metadata=_meta(spec, tender_id="andet"))
    )
    assert other.reasons == (
        f"The response belongs to another tender (tender id andet, expected {spec.tender.id})",
    )
    older = evaluate_response(
        spec, response_for(spec, ALL_MET, metadata=_meta(spec, fingerprint="sha256:ab"))
    )
    assert older.reasons == (
        "The response was made on another version of the response form (fingerprint ab, "
        f"expected {spec.short_fingerprint})",
    )
    library = evaluate_response(
        spec, response_for(spec, ALL_MET, metadata=_meta(spec, library_version="0.9.0"))
    )
    assert library.reasons == (
        "The response was made against library 0.9.0, the tender uses 1.0.0",
    )


# -- the officer's language ---------------------------------------------------------------------


def test_every_finding_is_written_in_the_officers_language_and_nothing_else_changes():
    """The wizard checks a bid again in the officer's language: each finding's words change,
    no verdict, point, reservation or finding does."""
    spec = small_spec()
    answers = dict(
        ALL_MET,
        **{
            "FKI-INT-007": "Ikke opfyldt",  # MK failed
            "FKI-ORG-004": ("Delvist opfyldt", "Kræver tilkøb"),  # a reservation
            "FKI-BRG-010": "Ja",  # no answer the form offers
        },
    )
    response = response_for(spec, answers)
    again = dataclasses.replace(response.rows[0], location="tabel 2, række 9")  # twice

    def altered(row):  # an altered requirement text
        if row.requirement_id != "FKI-ORG-002":
            return row
        return dataclasses.replace(row, requirement_text=row.requirement_text + " Ændret.")

    response = dataclasses.replace(response, rows=tuple(map(altered, response.rows)) + (again,))
    danish, english = (evaluate_response(spec, response, lang=lang) for lang in ("da", "en"))
    assert evaluate_response(spec, response) == danish  # the tender's language by default
    assert english.verdicts == danish.verdicts
    assert (english.compliant, english.score, english.reservations) == (
        danish.compliant,
        danish.score,
        danish.reservations,
    )
    codes_of = [(f.code, f.requirement) for f in danish.findings]
    assert [(f.code, f.requirement) for f in english.findings] == codes_of
    assert {code for code, _ in codes_of} == {
        "mandatory_failed",
        "integration_missing",
        "reservation",
        "reservation_to_price",
        "invalid_answer",
        "duplicate_answer",
        "text_altered",
    }
    for da, en in zip(danish.findings, english.findings, strict=True):
        assert da.message != en.message, da.code
    assert english.reasons == ("Minimum requirements not met: FKI-INT-007",)
    assert _messages(english, "duplicate_answer", "FKI-ORG-001") == [
        "The requirement is answered 2 times (tabel 1, række 2; tabel 2, række 9); the least "
        "favourable answer is used"
    ]


def test_a_stated_total_that_is_not_the_sum_of_the_lines_is_a_finding_in_both_languages():
    from procure.responses.model import PriceEntry, PriceSubmission

    spec = priced_spec()
    response = response_for(spec, {r.id: "Opfyldt" for r in spec.requirements})
    entries = (PriceEntry("P1", "250000"), PriceEntry("P2", "150000"))
    stated = dataclasses.replace(
        response, prices=PriceSubmission("a.docx", entries, stated_total="1.200.000")
    )
    danish = evaluate_response(spec, stated)
    english = evaluate_response(spec, stated, lang="en")
    assert danish.price == english.price == Decimal(1_150_000)  # procure's own sum counts
    assert _messages(danish, "price_problem") == [
        "leverandørens samlede pris '1.200.000' passer ikke med summen af prislinjerne = "
        "1.150.000,00; procure bruger sin egen"
    ]
    assert _messages(english, "price_problem") == [
        "the vendor's total price '1.200.000' does not match the sum of the price lines = "
        "1,150,000.00; procure uses its own"
    ]
    # a total that matches is no finding; a file without prices is one note, in both languages
    matching = dataclasses.replace(
        response, prices=PriceSubmission("a.docx", entries, stated_total="1.150.000")
    )
    assert _messages(evaluate_response(spec, matching), "price_problem") == []
    assert _messages(evaluate_response(spec, response, lang="en"), "price_problem") == [
        "The file holds no price list; a price list handed in apart is read by "
        "'procure award --prices'"
    ]
