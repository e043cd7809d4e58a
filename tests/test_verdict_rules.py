"""The rules a verdict rests on, each tested through every reader where it applies.

A bid is compliant only when every mindstekrav of the tender is answered "Opfyldt" with no
reservation and no altered text: a row the vendor deletes, hides, moves or leaves blank is a
failed mindstekrav, whatever the file format. Reservations are the buyer's to price.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from decimal import Decimal
from io import BytesIO

import pytest
import yaml
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from procure.cli import main
from procure.documents.build import render_documents
from procure.errors import ProcureError
from procure.evaluation import evaluate_response
from procure.evaluation.overrides import (
    Overrides,
    append_override,
    append_reservation_decision,
    dump_overrides,
    parse_overrides,
)
from procure.evaluation.scoring import total_score
from procure.formats import time_text
from procure.forms import parse_answer
from procure.responses.model import AnswerRow, FormMetadata, VendorInfo, VendorResponse
from procure.responses.package import Limits
from procure.responses.reader import read_response
from procure.tender import save_tender
from procure.tender.model import EvaluationModel
from tests.fill import fill_docx_form, fill_xlsx_form
from tests.samples import answer_file, sample_spec, sample_tender
from tests.test_evaluation import ALL_MET, codes, response_for, small_spec


@pytest.fixture(scope="module")
def spec():
    return sample_spec()


@pytest.fixture(scope="module")
def forms(spec):
    return render_documents(spec)


def _mk(spec):
    return [r for r in spec.requirements if r.kind == "MK"]


def _all_met(spec):
    return {r.id: "Opfyldt" for r in spec.requirements}


# -- 1. A bid that leaves out a mindstekrav is never compliant ------------------------------


def test_an_answer_file_with_no_answers_fails_every_mindstekrav(spec):
    data = answer_file(spec)
    document = yaml.safe_load(data)
    document["answers"] = []
    result = evaluate_response(spec, read_response(yaml.safe_dump(document).encode(), "a.yaml"))
    assert not result.compliant
    assert result.mandatory_failed == tuple(r.id for r in _mk(spec))
    assert any("Mindstekrav ikke opfyldt" in reason for reason in result.reasons)
    # shown as a failed mindstekrav (heat map, workbook), not as merely unanswered
    assert {result.verdict(r.id).verdict for r in _mk(spec)} == {"failed"}
    # every K left out is a reservation for the buyer, every PK scores 0
    ks = [r.id for r in spec.requirements if r.kind == "K"]
    assert [r.id for r in result.reservations] == ks
    assert result.score == 0


def test_cli_check_of_an_answer_file_without_one_mindstekrav_exits_1(spec, tmp_path, capsys):
    folder = tmp_path
    save_tender(sample_tender(), folder / "tender.yaml")
    left_out = _mk(spec)[3].id
    document = yaml.safe_load(answer_file(spec))
    document["answers"] = [a for a in document["answers"] if a["id"] != left_out]
    bid = folder / "bid.json"
    bid.write_text(json.dumps(document), "utf-8")
    code = main(["check", str(folder / "tender.yaml"), str(bid), "--format", "json"])
    result = json.loads(capsys.readouterr().out)
    assert code == 1
    assert result["compliant"] is False
    assert result["mandatory_failed"] == [left_out]
    assert any(
        f["code"] == "mandatory_failed" and f["requirement"] == left_out for f in result["findings"]
    )


def _delete_docx_rows(data: bytes, ids: set[str]) -> bytes:
    document = Document(BytesIO(data))
    for table in document.tables:
        for row in list(table.rows):
            if any(cell.text.strip() in ids for cell in row.cells):
                row._tr.getparent().remove(row._tr)
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def _delete_docx_tables_with(data: bytes, rid: str) -> tuple[bytes, set[str]]:
    """Remove every answer table that holds `rid`; returns the ids removed with them."""
    document = Document(BytesIO(data))
    removed: set[str] = set()
    for table in document.tables:
        ids = {row.cells[1].text.strip() for row in table.rows[1:] if len(row.cells) > 1}
        if rid in ids:
            removed |= ids
            table._tbl.getparent().remove(table._tbl)
    out = BytesIO()
    document.save(out)
    return out.getvalue(), removed


def test_word_form_with_mindstekrav_rows_deleted_is_not_compliant(spec, forms):
    gone = {_mk(spec)[0].id, _mk(spec)[-1].id}
    filled = fill_docx_form(forms["response-form.docx"], _all_met(spec), vendor={"name": "A"})
    result = evaluate_response(spec, read_response(_delete_docx_rows(filled, gone), "a.docx"))
    assert not result.compliant
    assert set(result.mandatory_failed) == gone


def test_word_form_with_a_whole_table_removed_is_not_compliant(spec, forms):
    filled = fill_docx_form(forms["response-form.docx"], _all_met(spec), vendor={"name": "A"})
    data, removed = _delete_docx_tables_with(filled, _mk(spec)[0].id)
    result = evaluate_response(spec, read_response(data, "a.docx"))
    assert not result.compliant
    assert set(result.mandatory_failed) == removed & {r.id for r in _mk(spec)}
    assert _mk(spec)[0].id in result.mandatory_failed


def _xlsx_edit(data: bytes, edit) -> bytes:
    workbook = load_workbook(BytesIO(data))
    edit(workbook)
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()


def _row_of(ws, rid: str) -> int:
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == rid:
                return cell.row
    raise AssertionError(rid)


def _answer_sheet(workbook, rid):
    for ws in workbook.worksheets:
        for row in ws.iter_rows():
            if any(c.value == rid for c in row):
                return ws
    raise AssertionError(rid)


def test_excel_form_with_a_mindstekrav_row_deleted_is_not_compliant(spec, forms):
    rid = _mk(spec)[1].id
    filled = fill_xlsx_form(forms["response-form.xlsx"], _all_met(spec), vendor={"name": "A"})

    def delete(workbook):
        ws = _answer_sheet(workbook, rid)
        ws.delete_rows(_row_of(ws, rid))

    result = evaluate_response(spec, read_response(_xlsx_edit(filled, delete), "a.xlsx"))
    assert not result.compliant and result.mandatory_failed == (rid,)


def test_excel_form_with_a_failed_mindstekrav_row_hidden_is_not_compliant(spec, forms):
    rid = _mk(spec)[2].id
    answers = dict(_all_met(spec), **{rid: "Ikke opfyldt"})
    filled = fill_xlsx_form(forms["response-form.xlsx"], answers, vendor={"name": "A"})

    def hide(workbook):
        ws = _answer_sheet(workbook, rid)
        ws.row_dimensions[_row_of(ws, rid)].hidden = True

    result = evaluate_response(spec, read_response(_xlsx_edit(filled, hide), "a.xlsx"))
    assert not result.compliant and result.mandatory_failed == (rid,)


def test_excel_form_with_a_mindstekrav_row_moved_to_another_sheet_is_not_compliant(spec, forms):
    rid = _mk(spec)[0].id
    filled = fill_xlsx_form(forms["response-form.xlsx"], _all_met(spec), vendor={"name": "A"})

    def move(workbook):
        ws = _answer_sheet(workbook, rid)
        row = _row_of(ws, rid)
        other = workbook.create_sheet("Noter")
        other.append([c.value for c in ws[row]])
        ws.delete_rows(row)

    result = evaluate_response(spec, read_response(_xlsx_edit(filled, move), "a.xlsx"))
    assert not result.compliant and result.mandatory_failed == (rid,)


# -- property: compliant <=> every MK answered "Opfyldt", clean ------------------------------

_ANSWERS = st.sampled_from(["Opfyldt", "Delvist opfyldt", "Ikke opfyldt", "", "Måske", None])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_compliant_exactly_when_every_mindstekrav_is_answered_met_cleanly(data):
    spec = small_spec()
    rows = []
    clean_mk = {}
    for i, requirement in enumerate(spec.requirements):
        answer = data.draw(_ANSWERS, label=requirement.id)  # None: the row is left out
        reservation = data.draw(st.sampled_from(["", "Forudsætter licens"]))
        altered = data.draw(st.booleans())
        if requirement.kind == "MK":
            clean_mk[requirement.id] = answer == "Opfyldt" and not reservation and not altered
        if answer is None:
            continue
        rows.append(
            AnswerRow(
                requirement_id=requirement.id,
                answer_text=answer,
                answer=parse_answer(answer),
                description="",
                reservation=reservation,
                requirement_text=("Ændret: " if altered else "")
                + f"{requirement.title}\n{requirement.text}",
                kind_text=None,
                location=f"række {i + 2}",
            )
        )
    response = VendorResponse(
        "bud.docx",
        "docx",
        VendorInfo(name="A"),
        FormMetadata("procure-form/1", spec.tender.id, spec.library_version, spec.fingerprint),
        tuple(data.draw(st.permutations(rows))),
    )
    result = evaluate_response(spec, response)
    assert result.compliant == all(clean_mk.values())
    assert set(result.mandatory_failed) == {rid for rid, ok in clean_mk.items() if not ok}


# -- 2. An MK answered "Delvist opfyldt" fails even without a reservation text ---------------


@pytest.mark.parametrize("reader", ["docx", "xlsx", "yaml"])
def test_mindstekrav_partly_met_without_reservation_fails_in_every_reader(spec, forms, reader):
    rid = _mk(spec)[0].id
    answers = dict(_all_met(spec), **{rid: "Delvist opfyldt"})
    if reader == "docx":
        data = fill_docx_form(forms["response-form.docx"], answers, vendor={"name": "A"})
    elif reader == "xlsx":
        data = fill_xlsx_form(forms["response-form.xlsx"], answers, vendor={"name": "A"})
    else:
        data = answer_file(spec, answers=answers)
    result = evaluate_response(spec, read_response(data, f"a.{reader}"))
    assert not result.compliant
    assert result.mandatory_failed == (rid,)
    assert any(f.code == "mandatory_failed" and f.requirement == rid for f in result.findings)


def test_mindstekrav_partly_met_fails_in_the_pure_checker_too():
    spec = small_spec()
    for answer in ("Delvist opfyldt", "Ikke opfyldt", "", "Ja"):
        result = evaluate_response(
            spec, response_for(spec, dict(ALL_MET, **{"FKI-ORG-001": answer}))
        )
        assert result.mandatory_failed == ("FKI-ORG-001",), answer
        assert not result.compliant


# -- 3. Rounding is half up, where half even would differ ------------------------------------


def test_total_rounds_half_up_where_half_even_would_round_down():
    model = EvaluationModel(scale_max=10, decimals=0)
    # 1 of 4 points on a 0-10 scale is exactly 2.5: half up gives 3 (half even would give 2)
    assert total_score([Decimal(1)], 4, model) == Decimal(3)
    model = EvaluationModel(scale_max=10, decimals=2)
    # 0.9 of 8 points on a 0-10 scale is exactly 1.125: half up gives 1.13 (half even 1.12)
    assert total_score([Decimal("0.9")], 8, model) == Decimal("1.13")


def test_a_bid_score_rounds_half_up_through_the_checker():
    # weights 6 + 5 + 4 = 15; FKI-ORG-003 partly met at 0.625 -> 3.75 of 15 -> 2.5 -> 3
    spec = small_spec(partial_credit=Decimal("0.625"), decimals=0)
    answers = dict(
        ALL_MET,
        **{"FKI-ORG-003": "Delvist opfyldt", "FKI-DRF-004": "Ikke opfyldt"},
        **{"FKI-ORG-002": "Ikke opfyldt"},
    )
    assert evaluate_response(spec, response_for(spec, answers)).score == Decimal(3)


# -- 4. The vendor's price in an answer file is kept (as information) ------------------------


def test_answer_file_price_is_shown_as_the_vendors_own_price(spec):
    k = next(r for r in spec.requirements if r.kind == "K")
    document = yaml.safe_load(answer_file(spec))
    for item in document["answers"]:
        if item["id"] == k.id:
            item.update(answer="Delvist opfyldt", reservation="Leveres i Q3", price=25000)
    result = evaluate_response(spec, read_response(yaml.safe_dump(document).encode(), "a.yaml"))
    (reservation,) = result.reservations
    assert reservation.id == k.id and reservation.price == Decimal(25000)
    assert reservation.buyer_price is None
    to_price = next(f for f in result.findings if f.code == "reservation_to_price")
    assert "leverandørens egen pris, til orientering: 25.000 kr." in to_price.message


# -- 5. Overrides: bounds, several entries, latest wins --------------------------------------


@pytest.mark.parametrize("points", ["-6", "-0.01", "6.01", "NaN", "Infinity", "x"])
def test_override_points_outside_zero_to_weight_are_refused(points):
    spec = small_spec()  # FKI-ORG-003 is a PK of weight 6
    with pytest.raises(ProcureError) as caught:
        append_override(
            Overrides(),
            spec,
            vendor="A",
            requirement_id="FKI-ORG-003",
            points=points,
            justification="j",
            by="Eva",
        )
    assert "FKI-ORG-003" in str(caught.value) or "tal" in str(caught.value)


@pytest.mark.parametrize("points", ["0", "6", "3,5"])
def test_override_points_on_the_bounds_are_accepted(points):
    spec = small_spec()
    result = append_override(
        Overrides(),
        spec,
        vendor="A",
        requirement_id="FKI-ORG-003",
        points=points,
        justification="j",
        by="Eva",
    )
    assert result.entries[-1].points == Decimal(points.replace(",", "."))


def test_several_overrides_latest_wins_per_vendor_and_requirement():
    spec = small_spec()
    overrides = Overrides()
    for vendor, rid, points in (
        ("Leverandør A", "FKI-ORG-003", "2"),
        ("Leverandør B", "FKI-ORG-003", "5"),
        ("Leverandør A", "FKI-DRF-004", "1"),
        ("  leverandør   a ", "FKI-ORG-003", "4"),
    ):
        overrides = append_override(
            overrides,
            spec,
            vendor=vendor,
            requirement_id=rid,
            points=points,
            justification="vurdering",
            by="Eva",
        )
    assert overrides.lookup("Leverandør A", "FKI-ORG-003").points == Decimal(4)
    assert overrides.lookup("Leverandør A", "FKI-ORG-003").old_points == Decimal(2)
    assert overrides.lookup("Leverandør B", "FKI-ORG-003").points == Decimal(5)
    assert overrides.lookup("Leverandør A", "FKI-DRF-004").points == Decimal(1)
    assert overrides.lookup("Leverandør C", "FKI-ORG-003") is None
    # the history survives a round trip through the file, in order
    again = parse_overrides(dump_overrides(overrides), "e.yaml", spec)
    assert again.entries == overrides.entries
    result = evaluate_response(spec, response_for(spec, ALL_MET), again)
    assert result.verdict("FKI-ORG-003").final_points == Decimal(4)
    assert result.verdict("FKI-DRF-004").final_points == Decimal(1)
    # weights 15: 4 + 1 + 4 = 9 -> 6.00
    assert result.score == Decimal("6.00") and result.computed_score == Decimal("10.00")


# -- 6. Integration coverage -----------------------------------------------------------------


def test_an_integration_is_not_covered_when_its_requirement_carries_a_reservation():
    spec = small_spec()
    answers = dict(ALL_MET, **{"FKI-ORG-004": ("Opfyldt", "Kun enheder, ikke brugere")})
    result = evaluate_response(spec, response_for(spec, answers))
    assert result.integrations_missing == ("organisation",)
    assert ("integration_missing", None) in codes(result)


def test_an_integration_is_not_covered_when_its_requirement_text_was_altered():
    spec = small_spec()
    response = response_for(spec, ALL_MET)
    rows = tuple(
        dataclasses.replace(r, requirement_text=r.requirement_text + " (delvist)")
        if r.requirement_id == "FKI-ORG-004"
        else r
        for r in response.rows
    )
    result = evaluate_response(spec, dataclasses.replace(response, rows=rows))
    assert result.integrations_missing == ("organisation",)
    assert ("text_altered", "FKI-ORG-004") in codes(result)


def test_an_integration_is_covered_when_all_its_requirements_are_met_cleanly():
    spec = small_spec()
    result = evaluate_response(spec, response_for(spec, ALL_MET))
    assert result.integrations_missing == ()


# -- 7. The size cap is inclusive -----------------------------------------------------------


def test_a_file_of_exactly_the_size_cap_is_read_and_one_byte_more_is_refused(spec):
    data = answer_file(spec)
    limits = Limits(max_file_bytes=len(data))
    assert read_response(data, "a.yaml", limits=limits).vendor.name == "Leverandør A"
    with pytest.raises(ProcureError) as caught:
        read_response(data + b"\n", "a.yaml", limits=Limits(max_file_bytes=len(data)))
    assert "for stor" in str(caught.value)


def test_a_file_on_disk_of_exactly_the_size_cap_is_read(spec, tmp_path):
    data = answer_file(spec)
    path = tmp_path / "a.yaml"
    path.write_bytes(data)
    assert read_response(path, limits=Limits(max_file_bytes=len(data))).rows
    path.write_bytes(data + b" ")
    with pytest.raises(ProcureError):
        read_response(path, limits=Limits(max_file_bytes=len(data)))


# -- 8. Reservations are the buyer's to price -----------------------------------------------


def _decide(spec, decision, price=None, vendor="Leverandør A", rid="FKI-ORG-004"):
    return append_reservation_decision(
        Overrides(),
        spec,
        vendor=vendor,
        requirement_id=rid,
        decision=decision,
        price=price,
        justification="Vurderet af udbudsjurist",
        by="Jurist",
    )


def test_a_priced_reservation_counts_the_buyers_price_and_leaves_the_bid_compliant():
    spec = small_spec()
    answers = dict(ALL_MET, **{"FKI-ORG-004": ("Ikke opfyldt", "Pris: 10.000 kr.")})
    response = response_for(spec, answers)
    result = evaluate_response(spec, response, _decide(spec, "priced", "45000"))
    assert result.compliant
    (reservation,) = result.reservations
    assert (reservation.price, reservation.buyer_price) == (Decimal(10000), Decimal(45000))
    assert result.reservations_total == Decimal(45000)
    assert ("reservation_to_price", "FKI-ORG-004") not in codes(result)
    assert result.reservations_open == ()


@pytest.mark.parametrize(
    "decision, words",
    [("unpriceable", "kan ikke prissættes"), ("fundamental", "grundlæggende element")],
)
def test_a_reservation_the_buyer_cannot_price_rejects_the_bid(decision, words):
    spec = small_spec()
    answers = dict(ALL_MET, **{"FKI-ORG-004": ("Ikke opfyldt", "Vi bruger egne id'er")})
    result = evaluate_response(spec, response_for(spec, answers), _decide(spec, decision))
    assert not result.compliant
    assert any(words in reason and "FKI-ORG-004" in reason for reason in result.reasons)
    assert ("reservation_rejected", "FKI-ORG-004") in codes(result)
    # the decision is per vendor: another vendor's same reservation is still open
    other = evaluate_response(
        spec, response_for(spec, answers, vendor="Leverandør B"), _decide(spec, decision)
    )
    assert other.compliant and ("reservation_to_price", "FKI-ORG-004") in codes(other)


def test_reservation_decisions_are_validated():
    spec = small_spec()
    with pytest.raises(ProcureError, match="mindstekrav"):
        _decide(spec, "priced", "100", rid="FKI-ORG-001")
    with pytest.raises(ProcureError, match="beløb"):
        _decide(spec, "priced", "-5")
    with pytest.raises(ProcureError, match="beløb"):
        _decide(spec, "priced", None)
    with pytest.raises(ProcureError, match="begrundelse"):
        append_reservation_decision(
            Overrides(),
            spec,
            vendor="A",
            requirement_id="FKI-ORG-004",
            decision="priced",
            price="5",
            justification=" ",
            by="J",
        )


def test_reservation_decisions_survive_the_evaluation_file_with_the_overrides():
    spec = small_spec()
    overrides = _decide(spec, "priced", "45000")
    overrides = append_override(
        overrides,
        spec,
        vendor="Leverandør A",
        requirement_id="FKI-ORG-003",
        points="5",
        justification="j",
        by="Eva",
    )
    overrides = append_reservation_decision(
        overrides,
        spec,
        vendor="Leverandør A",
        requirement_id="FKI-ORG-004",
        decision="fundamental",
        price=None,
        justification="Rører ved kernen",
        by="Jurist",
    )
    again = parse_overrides(dump_overrides(overrides), "e.yaml", spec)
    assert again == overrides
    latest = again.reservation_decision("leverandør a", "FKI-ORG-004")
    assert latest.decision == "fundamental" and latest.justification == "Rører ved kernen"


def test_cli_reservation_decision_changes_the_verdict(tmp_path, capsys):
    spec = sample_spec()
    save_tender(sample_tender(), tmp_path / "tender.yaml")
    k = next(r for r in spec.requirements if r.kind == "K")
    bid = tmp_path / "bid.yaml"
    bid.write_bytes(answer_file(spec, answers={k.id: "Ikke opfyldt"}))
    tender = str(tmp_path / "tender.yaml")
    assert main(["check", tender, str(bid)]) == 0
    capsys.readouterr()
    args = ["reservation", tender, "--vendor", "Leverandør A", "--requirement", k.id]
    assert main([*args, "--fundamental", "--why", "Kernekrav", "--by", "Jurist"]) == 0
    assert "ukonditionsmæssigt" in capsys.readouterr().out
    assert main(["check", tender, str(bid), "--format", "json"]) == 1
    result = json.loads(capsys.readouterr().out)
    assert result["compliant"] is False
    assert result["reservations"][0]["decision"] == "fundamental"
    # a later decision replaces it: priced, the bid is compliant again
    # written as a Danish officer writes it: "12.500,50" is 12,500.50 kr.
    assert main([*args, "--price", "12.500,50", "--why", "Skønnet", "--by", "Jurist"]) == 0
    out = capsys.readouterr().out
    assert f"forbehold Leverandør A {k.id} prissat til 12.500,50 kr. (Jurist, " in out
    assert main(["check", tender, str(bid), "--format", "json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["reservations"][0]["buyer_price"] == 12500.5
    # on a mindstekrav there is nothing to price: exit 2, one line
    mk = _mk(spec)[0].id
    code = main(
        [
            "reservation",
            tender,
            "--vendor",
            "A",
            "--requirement",
            mk,
            "--price",
            "1",
            "--why",
            "x",
            "--by",
            "y",
        ]
    )
    err = capsys.readouterr().err
    assert code == 2 and "mindstekrav" in err and len(err.strip().splitlines()) == 1


def test_reports_show_the_vendors_price_as_information_and_the_buyers_decision():
    from procure.evaluation import compare_results
    from procure.evaluation.comparison import render_comparison_xlsx
    from procure.evaluation.report import format_result_text, render_check_report

    spec = small_spec()
    answers = dict(
        ALL_MET,
        **{
            "FKI-ORG-004": ("Ikke opfyldt", "Pris: 10.000 kr."),
            "FKI-ORG-002": ("Delvist opfyldt", "Kun enheder"),
        },
    )
    result = evaluate_response(spec, response_for(spec, answers), _decide(spec, "priced", "45000"))
    text = format_result_text(result, "da")
    assert (
        "FKI-ORG-004 (Ikke opfyldt; leverandørens pris: 10.000 kr.; "
        "prissat af kommunen: 45.000 kr.): Pris: 10.000 kr."
    ) in text
    assert (
        "FKI-ORG-002 (Delvist opfyldt; leverandørens pris: ingen; "
        "afventer kommunens prissætning): Kun enheder"
    ) in text

    workbook = load_workbook(BytesIO(render_comparison_xlsx(spec, compare_results(spec, [result]))))
    sheet = workbook["Forbehold"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0][3:6] == [
        "Leverandørens pris (kr., til orientering)",
        "Kommunens pris (kr.)",
        "Kommunens afgørelse",
    ]
    by_id = {row[1]: row for row in rows[1:]}
    assert by_id["FKI-ORG-004"][3:6] == [
        10000,
        45000,
        "prissat af kommunen: 45.000 kr. – Vurderet af udbudsjurist",
    ]
    assert by_id["FKI-ORG-002"][3:6] == [None, None, "afventer kommunens prissætning"]

    note = Document(BytesIO(render_check_report(spec, [result])))
    cells = [c.text for table in note.tables for row in table.rows for c in row.cells]
    (decided,) = [c for c in cells if c.startswith("prissat af kommunen: 45.000 kr.")]
    decision = next(r for r in result.reservations if r.id == "FKI-ORG-004")
    assert decided == (
        "prissat af kommunen: 45.000 kr. – Vurderet af udbudsjurist\n"
        f"Afgjort af Jurist, {time_text(dt.datetime.fromisoformat(decision.decision_at), 'da')}"
    )
    assert by_id["FKI-ORG-004"][7] == "Jurist"


def test_two_tabs_merging_the_evaluation_keep_every_override_and_decision_once():
    from procure.evaluation.overrides import merge_evaluations

    spec = small_spec()
    base = _decide(spec, "priced", "100")
    stored = append_override(
        base,
        spec,
        vendor="Leverandør A",
        requirement_id="FKI-ORG-003",
        points="2",
        justification="fane 1",
        by="Eva",
    )
    mine = append_reservation_decision(
        base,
        spec,
        vendor="Leverandør B",
        requirement_id="FKI-ORG-004",
        decision="fundamental",
        price=None,
        justification="fane 2",
        by="Jurist",
    )
    merged = merge_evaluations(stored, mine)
    assert merged.entries == stored.entries
    assert merged.reservation_decisions == (
        base.reservation_decisions + mine.reservation_decisions[-1:]
    )
    assert merge_evaluations(merged, mine) == merged  # saving again adds nothing


def test_a_pk_answered_partly_leaves_its_integration_partly_covered_not_missing():
    spec = small_spec()  # FKI-ORG-003 is a PK on organisation
    result = evaluate_response(
        spec, response_for(spec, dict(ALL_MET, **{"FKI-ORG-003": "Delvist opfyldt"}))
    )
    assert result.integrations_missing == ()
    assert result.integrations_partly == ("organisation",)
    message = next(f.message for f in result.findings if f.code == "integration_partly")
    assert message == (
        "Integrationen Fælleskommunalt Organisationssystem er delvist dækket: de prioriterede "
        "krav FKI-ORG-003 er besvaret under 'Opfyldt' (det indgår i evalueringen, ikke i "
        "konditionsmæssigheden)"
    )
    assert result.compliant and result.reservations == ()
    # two PKs on it, in the officer's language
    both = dict(ALL_MET, **{"FKI-ORG-003": "Delvist opfyldt", "FKI-ORG-002": "Ikke opfyldt"})
    result = evaluate_response(spec, response_for(spec, both), lang="en")
    assert next(f.message for f in result.findings if f.code == "integration_partly") == (
        "The integration Fælleskommunalt Organisationssystem is partly covered: the prioritised "
        "requirements FKI-ORG-003, FKI-ORG-002 are answered below 'Met' (this counts in the "
        "evaluation, not in compliance)"
    )


def test_a_k_answered_partly_leaves_its_integration_not_covered():
    spec = small_spec()  # FKI-ORG-004 is a K on organisation
    result = evaluate_response(
        spec, response_for(spec, dict(ALL_MET, **{"FKI-ORG-004": "Delvist opfyldt"}))
    )
    assert result.integrations_missing == ("organisation",)
    assert result.integrations_partly == ()
    assert result.to_data()["integrations_missing"] == ["organisation"]


def test_every_finding_code_has_words_in_both_languages():
    from procure.evaluation.finding_labels import FINDING_LABELS
    from procure.evaluation.result import FINDING_CODES

    for lang in ("da", "en"):
        assert set(FINDING_CODES) <= set(FINDING_LABELS[lang]), lang
    assert len(set(FINDING_LABELS["da"].values())) == len(FINDING_LABELS["da"])


def test_check_reads_the_bids_prices_as_untrusted_input_and_recomputes_them():
    from tests.test_evaluation import priced_spec

    spec = priced_spec()
    document = yaml.safe_load(answer_file(spec))
    document["prices"] = [
        {"line": "P1", "unit_price": "250000"},
        {"line": "P2", "unit_price": "-5"},
    ]
    result = evaluate_response(spec, read_response(yaml.safe_dump(document).encode(), "a.yaml"))
    problems = [f for f in result.findings if f.code == "price_problem"]
    assert [f.requirement for f in problems] == ["P2"]
    assert result.price is None  # a line without a usable price: no price for the bid
    document["prices"][1]["unit_price"] = "150000"
    result = evaluate_response(spec, read_response(yaml.safe_dump(document).encode(), "a.yaml"))
    assert [f for f in result.findings if f.code == "price_problem"] == []
    assert result.price == Decimal(1_150_000)  # 4 × 250.000 + 150.000
    assert result.to_data()["price"] == "1150000"
    del document["prices"]
    result = evaluate_response(spec, read_response(yaml.safe_dump(document).encode(), "a.yaml"))
    (note,) = [f for f in result.findings if f.code == "price_problem"]
    assert "ingen prisliste" in note.message


@pytest.mark.parametrize("form", ["response-form.docx", "response-form.xlsx"])
def test_checking_in_another_language_changes_the_words_only(form):
    """The wizard re-checks a bid in the officer's language for its cards: the forms' kind
    cells are still read in the tender's language, so no verdict, point or finding changes."""
    from procure.documents.build import render_documents
    from procure.evaluation import evaluate_response
    from procure.responses.reader import read_response
    from tests.fill import fill_docx_form, fill_xlsx_form
    from tests.samples import sample_spec

    spec = sample_spec("da")
    mk = next(r.id for r in spec.requirements if r.kind == "MK")
    answers = {r.id: "Opfyldt" for r in spec.requirements} | {mk: "Ikke opfyldt"}
    fill = fill_docx_form if form.endswith(".docx") else fill_xlsx_form
    data = fill(render_documents(spec)[form], answers, {"name": "A"})
    response = read_response(data, form)
    danish = evaluate_response(spec, response)
    english = evaluate_response(spec, response, lang="en")
    assert english.verdicts == danish.verdicts
    assert (english.compliant, english.score, english.mandatory_failed) == (
        danish.compliant,
        danish.score,
        danish.mandatory_failed,
    )
    assert [(f.code, f.requirement) for f in english.findings] == [
        (f.code, f.requirement) for f in danish.findings
    ]
    assert english.reasons == (f"Minimum requirements not met: {mk}",)
    assert danish.reasons == (f"Mindstekrav ikke opfyldt: {mk}",)
