"""The verdict on a bid: findings, compliance, reservations, integrations and the score."""

import dataclasses
from decimal import Decimal

import pytest

from procure.errors import ProcureError
from procure.evaluation import add_override, compare_results, evaluate_response, load_overrides
from procure.evaluation.prices import parse_price
from procure.forms import Answer, kind_cell_text, parse_answer, requirement_cell_text
from procure.responses.model import AnswerRow, FormMetadata, VendorInfo, VendorResponse
from procure.tender import SelectedRequirement, resolve_tender
from procure.tender.model import EvaluationModel, PriceLine
from tests.samples import sample_tender, shipped_release

SMALL = (
    SelectedRequirement("FKI-ORG-001"),  # MK, integration organisation
    SelectedRequirement("FKI-INT-007"),  # MK, integration organisation
    SelectedRequirement("FKI-ORG-003"),  # PK weight 6, integration organisation
    SelectedRequirement("FKI-DRF-004"),  # PK weight 5
    SelectedRequirement("FKI-ORG-002", kind="PK", weight=4),  # K overridden to PK weight 4
    SelectedRequirement("FKI-ORG-004"),  # K
    SelectedRequirement("FKI-BRG-010"),  # O
)


def small_spec(**evaluation):
    tender = dataclasses.replace(
        sample_tender(),
        requirements=SMALL,
        custom_requirements=(),
        integrations=("organisation",),
        evaluation=EvaluationModel(**evaluation) if evaluation else EvaluationModel(),
    )
    return resolve_tender(tender, shipped_release())


def priced_spec():
    """The sample tender with two price lines: P1 four years of licence, P2 implementation."""
    tender = dataclasses.replace(
        sample_tender(),
        price_lines=(
            PriceLine("P1", "Licens pr. år", Decimal(4)),
            PriceLine("P2", "Implementering", Decimal(1)),
        ),
    )
    return resolve_tender(tender, shipped_release())


def response_for(spec, answers: dict, *, metadata=None, vendor="Leverandør A", **row_changes):
    """A response answering `answers` {id: (answer text, reservation)} with the form's own
    texts, as a reader would return it."""
    rows = []
    for i, (rid, value) in enumerate(answers.items()):
        answer_text, reservation = value if isinstance(value, tuple) else (value, "")
        req = spec.requirement(rid)
        rows.append(
            AnswerRow(
                requirement_id=rid,
                answer_text=answer_text,
                answer=parse_answer(answer_text),
                description="Beskrivelse",
                reservation=reservation,
                requirement_text=requirement_cell_text(req.title, req.text) if req else "x",
                kind_text=kind_cell_text(req.kind, req.weight, "da") if req else "K",
                location=f"tabel 1, række {i + 2}",
            )
        )
    meta = (
        metadata
        if metadata is not None
        else FormMetadata(
            format="procure-form/1",
            tender_id=spec.tender.id,
            library_version=spec.library_version,
            fingerprint=spec.fingerprint,
        )
    )
    return VendorResponse("a.docx", "docx", VendorInfo(name=vendor), meta, tuple(rows))


ALL_MET = {
    "FKI-ORG-001": "Opfyldt",
    "FKI-INT-007": "Opfyldt",
    "FKI-ORG-003": "Opfyldt",
    "FKI-DRF-004": "Opfyldt",
    "FKI-ORG-002": "Opfyldt",
    "FKI-ORG-004": "Opfyldt",
    "FKI-BRG-010": "Opfyldt",
}


def codes(result):
    return [(f.code, f.requirement) for f in result.findings]


def test_fully_met_bid_is_compliant_with_full_score():
    spec = small_spec()
    result = evaluate_response(spec, response_for(spec, ALL_MET))
    assert result.compliant and result.findings == ()
    assert result.score == Decimal("10.00") and result.max_score == 10
    assert result.to_data()["score"] == 10


def test_failed_mandatory_makes_bid_non_compliant():
    spec = small_spec()
    answers = dict(ALL_MET, **{"FKI-INT-007": ("Delvist opfyldt", "Kun ved nattekørsel")})
    result = evaluate_response(spec, response_for(spec, answers))
    assert not result.compliant
    assert result.mandatory_failed == ("FKI-INT-007",)
    assert ("mandatory_failed", "FKI-INT-007") in codes(result)
    assert ("integration_missing", None) in codes(result)
    assert result.integrations_missing == ("organisation",)
    assert "FKI-INT-007" in result.reasons[0]


def test_mandatory_met_but_with_reservation_fails():
    spec = small_spec()
    answers = dict(ALL_MET, **{"FKI-ORG-001": ("Opfyldt", "Forudsætter ekstra licens")})
    result = evaluate_response(spec, response_for(spec, answers))
    assert result.mandatory_failed == ("FKI-ORG-001",)


def test_partial_pk_scores_published_partial_credit_and_is_a_priced_reservation():
    spec = small_spec(partial_credit=Decimal("0.5"), decimals=2)
    answers = dict(
        ALL_MET, **{"FKI-ORG-003": ("Delvist opfyldt", "Leveres i Q3. Pris: 25.000 kr.")}
    )
    result = evaluate_response(spec, response_for(spec, answers))
    assert result.compliant
    # weights 6 + 5 + 4 = 15; earned 3 + 5 + 4 = 12 -> 12/15*10 = 8.00
    assert result.score == Decimal("8.00")
    (reservation,) = result.reservations
    assert reservation.id == "FKI-ORG-003" and reservation.price == Decimal(25000)
    assert ("reservation", "FKI-ORG-003") in codes(result)
    # the buyer prices it; the vendor's own price is shown as information only
    assert ("reservation_to_price", "FKI-ORG-003") in codes(result)
    assert reservation.buyer_price is None and result.reservations_total == 0
    # a PK not fully met also leaves its integration uncovered
    assert result.integrations_missing == ("organisation",)


def test_rounding_is_half_up_on_the_published_decimals():
    spec = small_spec(partial_credit=Decimal("0.3"), decimals=1, scale_max=5)
    answers = dict(ALL_MET, **{"FKI-DRF-004": "Delvist opfyldt"})
    result = evaluate_response(spec, response_for(spec, answers))
    # earned 6 + 1.5 + 4 = 11.5 of 15 -> 11.5/15*5 = 3.8333 -> 3.8
    assert result.score == Decimal("3.8")
    answers = dict(ALL_MET, **{"FKI-ORG-003": "Ikke opfyldt", "FKI-ORG-002": "Delvist opfyldt"})
    # earned 0 + 5 + 1.2 = 6.2 of 15 -> 2.0666 -> 2.1
    assert evaluate_response(spec, response_for(spec, answers)).score == Decimal("2.1")


def test_reservation_on_k_without_a_vendor_price_is_the_buyers_to_price():
    spec = small_spec()
    answers = dict(ALL_MET, **{"FKI-ORG-004": ("Ikke opfyldt", "Vi bruger egne id'er")})
    result = evaluate_response(spec, response_for(spec, answers))
    assert result.compliant
    assert ("reservation", "FKI-ORG-004") in codes(result)
    assert ("reservation_to_price", "FKI-ORG-004") in codes(result)
    message = next(f.message for f in result.findings if f.code == "reservation_to_price")
    assert "Kommunen skal prissætte forbeholdet" in message
    assert "leverandøren har ikke angivet en pris" in message
    assert result.reservations[0].price is None
    assert result.reservations_open == result.reservations


def test_missing_duplicate_unknown_and_invalid_answers():
    spec = small_spec()
    answers = dict(ALL_MET)
    del answers["FKI-ORG-004"]
    answers["FKI-XXX-999"] = "Opfyldt"
    answers["FKI-DRF-004"] = "Ja"
    response = response_for(spec, answers)
    extra = dataclasses.replace(
        response.rows[0],
        answer_text="Ikke opfyldt",
        answer=Answer.NOT_MET,
        location="tabel 2, række 9",
    )
    response = dataclasses.replace(response, rows=response.rows + (extra,))
    result = evaluate_response(spec, response)
    found = codes(result)
    assert ("missing_answer", "FKI-ORG-004") in found
    assert ("unknown_requirement", "FKI-XXX-999") in found
    assert ("invalid_answer", "FKI-DRF-004") in found
    assert ("duplicate_answer", "FKI-ORG-001") in found
    # the least favourable of the duplicate answers counts: the MK fails
    assert result.mandatory_failed == ("FKI-ORG-001",)
    assert result.verdict("FKI-DRF-004").final_points == 0


def test_altered_requirement_text_is_a_hidden_reservation():
    spec = small_spec()
    response = response_for(spec, ALL_MET)
    rows = list(response.rows)
    original = rows[0].requirement_text
    rows[0] = dataclasses.replace(rows[0], requirement_text=original.replace("skal", "kan"))
    rows[5] = dataclasses.replace(rows[5], kind_text="O")
    result = evaluate_response(spec, dataclasses.replace(response, rows=tuple(rows)))
    altered = [f for f in result.findings if f.code == "text_altered"]
    assert [f.requirement for f in altered] == ["FKI-ORG-001", "FKI-ORG-004"]
    assert "fjernet «skal»" in altered[0].message and "tilføjet «kan»" in altered[0].message
    assert "fra 'K' til 'O'" in altered[1].message
    assert result.mandatory_failed == ("FKI-ORG-001",)
    assert [r.id for r in result.reservations] == ["FKI-ORG-004"]


def test_whitespace_and_line_breaks_are_not_alterations():
    spec = small_spec()
    response = response_for(spec, ALL_MET)
    rows = [
        dataclasses.replace(r, requirement_text="  " + r.requirement_text.replace(" ", "\n"))
        for r in response.rows
    ]
    result = evaluate_response(spec, dataclasses.replace(response, rows=tuple(rows)))
    assert result.findings == ()


def test_response_to_another_tender_is_non_compliant():
    spec = small_spec()
    meta = FormMetadata(
        format="procure-form/1",
        tender_id="another",
        library_version="1.0.0",
        fingerprint="sha256:abc",
    )
    result = evaluate_response(spec, response_for(spec, ALL_MET, metadata=meta))
    assert not result.compliant
    assert codes(result)[0] == ("form_mismatch", None)


def test_older_form_version_is_flagged():
    spec = small_spec()
    meta = FormMetadata(
        format="procure-form/1",
        tender_id=spec.tender.id,
        library_version="1.0.0",
        fingerprint="sha256:0123456789abcdef",
    )
    result = evaluate_response(spec, response_for(spec, ALL_MET, metadata=meta))
    assert not result.compliant
    assert "0123456789ab" in result.findings[0].message


def test_overrides_change_final_but_not_computed_score(tmp_path):
    spec = small_spec()
    path = tmp_path / "tender.evaluation.yaml"
    add_override(
        path,
        spec,
        vendor="Leverandør A",
        requirement_id="FKI-ORG-003",
        points="3",
        justification="Beskrivelsen dækker kun halvdelen",
        by="Jens Hansen",
    )
    with pytest.raises(ProcureError, match="begrundelse"):
        add_override(
            path,
            spec,
            vendor="Leverandør A",
            requirement_id="FKI-ORG-003",
            points="2",
            justification=" ",
            by="Jens",
        )
    with pytest.raises(ProcureError, match="mellem 0 og vægten 6"):
        add_override(
            path,
            spec,
            vendor="Leverandør A",
            requirement_id="FKI-ORG-003",
            points="7",
            justification="x",
            by="Jens",
        )
    with pytest.raises(ProcureError, match="kun prioriterede krav"):
        add_override(
            path,
            spec,
            vendor="Leverandør A",
            requirement_id="FKI-ORG-001",
            points="1",
            justification="x",
            by="Jens",
        )
    overrides = load_overrides(path, spec)
    result = evaluate_response(spec, response_for(spec, ALL_MET), overrides)
    assert result.computed_score == Decimal("10.00")
    assert result.score == Decimal("8.00")  # (3 + 5 + 4) / 15 * 10
    assert result.verdict("FKI-ORG-003").override_reason == "Beskrivelsen dækker kun halvdelen"
    second = add_override(
        path,
        spec,
        vendor="leverandør  a",
        requirement_id="FKI-ORG-003",
        points="4,5",
        justification="Afklaret",
        by="Mette",
    )
    assert second.old_points == Decimal(3) and second.points == Decimal("4.5")
    text = path.read_text("utf-8")
    assert "Jens Hansen" in text and "Mette" in text  # history kept


def test_compare_ranks_nothing_and_lists_compliance_and_open_reservations():
    spec = small_spec()
    a = evaluate_response(spec, response_for(spec, ALL_MET, vendor="A"))
    b = evaluate_response(
        spec, response_for(spec, dict(ALL_MET, **{"FKI-DRF-004": "Ikke opfyldt"}), vendor="B")
    )
    c = evaluate_response(
        spec, response_for(spec, dict(ALL_MET, **{"FKI-ORG-001": "Ikke opfyldt"}), vendor="C")
    )
    d = evaluate_response(spec, response_for(spec, ALL_MET, vendor="D"))
    comparison = compare_results(spec, [a, b, c, d])
    assert comparison.results == (a, b, c, d)  # the order given: no ranking by answers
    assert comparison.summary_lines("da") == [
        "Konditionsmæssighed (procures forslag; en person bekræfter):",
        "  A: Ja; 0 forbehold, 0 endnu ikke prissat af kommunen",
        "  B: Ja; 0 forbehold, 0 endnu ikke prissat af kommunen",
        "  C: Nej – skal bekræftes; 0 forbehold, 0 endnu ikke prissat af kommunen",
        "  D: Ja; 0 forbehold, 0 endnu ikke prissat af kommunen",
        "Tilbuddene rangeres ikke her: point gives af evaluatorerne, og rangeringen følger "
        "den offentliggjorte model (procure award).",
    ]


@pytest.mark.parametrize(
    ("text", "price"),
    [
        ("Pris: 25.000 kr.", Decimal(25000)),
        ("kr. 1.250,50 ekskl. moms", Decimal("1250.50")),
        ("DKK 12,500", Decimal(12500)),
        ("Tillæg 5.000,- pr. år", Decimal(5000)),
        ("ingen merpris", Decimal(0)),
        ("Pris: -5.000 kr.", Decimal(-5000)),  # a minus is kept, never read as a price
        ("\u22122.500 kr.", Decimal(-2500)),
        ("Leveres i version 3-4 kr.", Decimal(4)),  # a range's dash is no sign
        ("Leveres i version 3 i 2027", None),
        ("", None),
    ],
)
def test_reservation_prices(text, price):
    assert parse_price(text) == price


def test_a_yaml_file_without_overrides_is_not_taken_as_an_empty_evaluation():
    from procure.evaluation import parse_overrides

    with pytest.raises(ProcureError, match="tender.yaml.*forventede 'overrides'"):
        parse_overrides("id: 123\ntitle: Et udbud\n", "tender.yaml")
    assert parse_overrides("tender_id: x\noverrides: []\n", "e.yaml").entries == ()
    with pytest.raises(ProcureError, match="tom.yaml: filen er tom"):
        parse_overrides("", "tom.yaml")
