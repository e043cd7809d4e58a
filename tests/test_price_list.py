"""The price list (issue 16 § 3): built with the tender, locked but for the unit prices, and
read back as untrusted input — formulas never run, every amount recomputed, problems flagged."""

from __future__ import annotations

import dataclasses
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from procure.award import read_price_entries
from procure.award.prices import (
    BLANK,
    NEGATIVE,
    NOT_A_NUMBER,
    QUANTITY_CHANGED,
    TOTAL_DIFFERS,
)
from procure.award.record import VendorBid, match_price_lists
from procure.documents.build import render_documents
from procure.errors import ProcureError
from procure.responses.model import FormMetadata, PriceSubmission, VendorInfo
from procure.responses.reader import read_prices, read_response
from procure.tender import resolve_tender
from procure.tender.model import PriceLine
from tests.award_samples import award_spec, award_tender
from tests.samples import sample_spec, shipped_release
from tests.test_award_cli import answer_file, fill_prices


@pytest.fixture(scope="module")
def documents():
    return render_documents(award_spec())


def price_table(data: bytes, sheet: str):
    ws = load_workbook(io.BytesIO(data))[sheet]
    rows = list(ws.iter_rows())
    header = next(i for i, r in enumerate(rows) if r[0].value == "Prislinje")
    return ws, rows, header


def reading(submission: PriceSubmission):
    lines = award_spec().tender.price_lines
    return read_price_entries(
        lines, [e.as_mapping() for e in submission.entries], submission.stated_total
    )


def test_price_list_names_its_input_column_frames_it_and_prompts_in_danish(documents):
    ws, rows, header = price_table(documents["price-list.xlsx"], "Priser")
    workbook = load_workbook(io.BytesIO(documents["price-list.xlsx"]))
    assert workbook.properties.language == "da-DK"
    assert "Dato: 26. november 2026" in ws["A2"].value
    assert "i kolonnen »Enhedspris (kr.)«" in ws["A3"].value and "gule" not in ws["A3"].value
    for coordinate in ("B7", "B8", "E11", "E12"):  # every cell the vendor fills in
        border = ws[coordinate].border
        assert {side.color.rgb for side in (border.left, border.right, border.top, border.bottom)}
        assert border.left.color.rgb == border.bottom.color.rgb == "00595959", coordinate
    (dv,) = ws.data_validations.dataValidation
    assert dv.showInputMessage and dv.promptTitle == "Enhedspris"
    assert dv.prompt == "Angiv enhedsprisen i kr. ekskl. moms som et tal, fx 1250,50."


def test_build_writes_a_price_list_with_only_the_unit_prices_unlocked(documents):
    assert list(documents) == [
        "annex.docx",
        "response-form.docx",
        "response-form.xlsx",
        "price-list.xlsx",
    ]
    ws, rows, header = price_table(documents["price-list.xlsx"], "Priser")
    assert [c.value for c in rows[header]] == [
        "Prislinje",
        "Beskrivelse",
        "Antal",
        "Enhed",
        "Enhedspris (kr.)",
        "I alt (kr.)",
    ]  # no weight column: no line has a weight
    p1, p2, total = rows[header + 1], rows[header + 2], rows[header + 3]
    assert [c.value for c in p1[:4]] == ["P1", "Drift og vedligehold pr. måned", 12, "måneder"]
    assert p2[1].value == "Implementering & uddannelse" and p2[1].data_type == "s"
    assert p1[5].value == '=IF(E11="","",E11*C11)'  # the vendor's aid, a formula
    assert total[1].value == "Samlet pris" and total[5].value == "=SUM(F11:F12)"
    assert ws.protection.sheet is True
    unlocked = {c.coordinate for row in rows for c in row if c.protection.locked is False}
    assert unlocked == {"B7", "B8", "E11", "E12"}  # vendor name, CVR and the unit prices
    assert rows[6][0].value == "Leverandørens navn" and rows[7][0].value == "CVR-nummer"
    stamps = load_workbook(io.BytesIO(documents["price-list.xlsx"]))["procure"]
    values = {r[0].value: r[1].value for r in stamps.iter_rows()}
    assert stamps.sheet_state == "veryHidden"
    assert values["format"] == "procure-prices/1"
    assert values["tender_id"] == award_spec().tender.id
    assert values["fingerprint"] == award_spec().fingerprint


def test_the_excel_response_form_has_the_price_sheet_and_says_where_it_is(documents):
    workbook = load_workbook(io.BytesIO(documents["response-form.xlsx"]))
    assert workbook.sheetnames == ["Leverandør", "Besvarelse", "Priser", "procure"]
    instructions = [c.value for row in workbook["Leverandør"].iter_rows() for c in row]
    assert "Angiv priserne på fanen »Priser«." in instructions
    unlocked = {
        c.coordinate
        for row in workbook["Priser"].iter_rows()
        for c in row
        if not c.protection.locked
    }
    assert len(unlocked) == 2  # the two unit prices; the vendor's details are on its own sheet


def test_a_tender_without_price_lines_builds_as_before():
    documents = render_documents(sample_spec())
    assert list(documents) == ["annex.docx", "response-form.docx", "response-form.xlsx"]
    workbook = load_workbook(io.BytesIO(documents["response-form.xlsx"]))
    assert workbook.sheetnames == ["Leverandør", "Besvarelse", "procure"]


def test_weights_get_a_column_and_english_labels_follow_the_tender():
    tender = dataclasses.replace(
        award_tender("en"),
        price_lines=(
            PriceLine("P1", "Licences", Decimal(100), Decimal("0.7"), "licences"),
            PriceLine("P2", "Training", Decimal(10), Decimal("0.3")),
        ),
    )
    data = render_documents(resolve_tender(tender, shipped_release()))["price-list.xlsx"]
    ws = load_workbook(io.BytesIO(data))["Prices"]
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    header = next(r for r in rows if r[0] == "Price line")
    assert header == [
        "Price line",
        "Description",
        "Quantity",
        "Unit",
        "Weight",
        "Unit price (DKK)",
        "Line total (DKK)",
    ]
    assert rows[rows.index(header) + 1][:5] == ["P1", "Licences", 100, "licences", 0.7]


def test_formulas_are_never_run_and_every_problem_is_flagged(documents):
    data = fill_prices(
        documents["price-list.xlsx"],
        {"P1": "=1000*12", "P2": -5},
        vendor={"name": "Leverandør A", "cvr": "11111111"},
        quantities={"P1": 10},
    )
    submission = read_prices(data, "prices.xlsx")
    assert submission.vendor.name == "Leverandør A" and submission.vendor.cvr == "11111111"
    assert submission.metadata.tender_id == award_spec().tender.id
    assert [(e.line, e.unit_price, e.quantity, e.total) for e in submission.entries] == [
        ("P1", "=1000*12", 10, None),  # the formula as text; procure's own total ignored
        ("P2", -5, 1, None),
    ]
    assert submission.entries[0].location == "Priser!E11"
    found = reading(submission)
    assert [(p.line, p.code) for p in found.problems] == [
        ("P1", NOT_A_NUMBER),
        ("P1", QUANTITY_CHANGED),
        ("P2", NEGATIVE),
    ]
    assert found.price is None


def test_typed_totals_are_compared_with_procures_own(documents):
    data = fill_prices(
        documents["price-list.xlsx"],
        {"P1": "1.250,50", "P2": 10000},
        totals={"P1": 15006, "P2": 10000},  # 12 × 1250.50 = 15006
    )
    workbook = load_workbook(io.BytesIO(data))
    workbook["Priser"]["F13"] = 99  # the grand total, overwritten by hand
    buffer = io.BytesIO()
    workbook.save(buffer)
    found = reading(read_prices(buffer.getvalue(), "prices.xlsx"))
    assert [(p.line, p.code) for p in found.problems] == [("", TOTAL_DIFFERS)]
    assert found.price == Decimal("25006.00")


def test_the_response_forms_price_sheet_is_read_with_the_answers(documents):
    data = fill_prices(documents["response-form.xlsx"], {"P1": 100, "P2": None})
    response = read_response(data, "form.xlsx")
    assert [(e.line, e.unit_price) for e in response.prices.entries] == [("P1", 100), ("P2", None)]
    assert not response.prices.blank
    assert [(p.line, p.code) for p in reading(response.prices).problems] == [("P2", BLANK)]
    untouched = read_response(documents["response-form.xlsx"], "form.xlsx")
    assert untouched.prices.blank
    assert (
        read_response(render_documents(sample_spec())["response-form.xlsx"], "x.xlsx").prices
        is None
    )


def test_answer_file_prices_are_read_as_given():
    spec = award_spec()
    data = answer_file(
        spec,
        "Leverandør B",
        [{"line": "P1", "unit_price": "90000"}, {"line": "P2", "unit_price": 5}],
    )
    response = read_response(data, "b.yaml")
    assert [(e.line, e.unit_price) for e in response.prices.entries] == [("P1", "90000"), ("P2", 5)]
    line = data.decode().splitlines().index("- line: P2") + 1
    assert str(response.prices.entries[1].location) == f"linje {line}"
    assert reading(response.prices).price == Decimal(90000 * 12 + 5)


def test_answer_file_prices_must_have_the_schemas_shape():
    spec = award_spec()
    data = answer_file(spec, "Leverandør B", [{"line": "P1", "unit_price": ["90000"]}])
    with pytest.raises(ProcureError, match="b.yaml"):
        read_response(data, "b.yaml")


def test_a_file_without_a_price_table_is_not_a_price_list(documents):
    with pytest.raises(ProcureError, match="ingen pristabel"):
        read_prices(render_documents(sample_spec())["response-form.xlsx"], "form.xlsx")
    with pytest.raises(ProcureError, match="er ikke en prisliste"):
        read_prices(documents["response-form.docx"], "form.docx")


def submission(name="", cvr="", tender_id=None, source="p.xlsx"):
    return PriceSubmission(
        source=source,
        entries=(),
        vendor=VendorInfo(name=name, cvr=cvr),
        metadata=FormMetadata(tender_id=tender_id),
    )


BIDS = (
    VendorBid("Leverandør A", "11 11 11 11", "a.xlsx", True, ()),
    VendorBid("Leverandør B", "", "b.yaml", True, ()),
)


def test_price_lists_are_matched_by_cvr_else_by_name():
    by_cvr = submission(name="A-firmaet (nyt navn)", cvr="11111111", source="a.xlsx")
    by_name = submission(name="  leverandør   b ", source="b.xlsx")
    chosen = match_price_lists(BIDS, [by_cvr, by_name], "T1")
    assert chosen == {"Leverandør A": by_cvr, "Leverandør B": by_name}


def test_a_price_list_for_another_tender_or_a_second_one_is_refused():
    def refusal(separate) -> str:
        with pytest.raises(ProcureError) as caught:
            match_price_lists(BIDS, separate, "T1")
        return str(caught.value)

    assert refusal([submission(cvr="11111111", tender_id="T2", source="p2.xlsx")]) == (
        "p2.xlsx: prislisten hører til et andet udbud (udbuds-id T2, forventet T1)"
    )
    twice = [submission(cvr="11111111", source="1.xlsx"), submission(cvr="11111111")]
    assert refusal(twice) == (
        "p.xlsx: Leverandør A har allerede en prisliste (1.xlsx); angiv kun én prisliste pr. tilbud"
    )
    assert refusal([submission(name="Leverandør A", cvr="22222222")]) == (
        "p.xlsx: prislisten (leverandør 'Leverandør A', CVR '22222222') passer til 0 af "
        "tilbuddene; udfyld leverandørens navn og CVR-nummer som i besvarelsen"
    )


def test_a_price_list_without_a_cvr_number_is_matched_by_name_to_a_bid_with_one():
    by_name = submission(name="leverandør a")
    assert match_price_lists(BIDS, [by_name], "T1") == {"Leverandør A": by_name}
    # a list read without any form metadata is matched all the same
    bare = PriceSubmission(source="x.yaml", entries=(), vendor=VendorInfo(name="Leverandør B"))
    bare = dataclasses.replace(bare, metadata=None)
    assert match_price_lists(BIDS, [bare], "T1") == {"Leverandør B": bare}


def test_a_price_list_without_a_vendor_name_or_cvr_matches_no_bid():
    bids = (*BIDS, VendorBid("XXXX", "", "x.xlsx", True, ()))
    nameless = PriceSubmission(source="p.xlsx", entries=(), vendor=VendorInfo(name=None, cvr=""))
    with pytest.raises(ProcureError) as caught:
        match_price_lists(bids, [nameless], "T1")
    assert "passer til 0 af tilbuddene" in str(caught.value)
