"""The award's renderers on their own: English with an English tender, vendor text that looks
like a formula kept as text, the same award giving the same bytes, a tie for first place, and
the text `procure award` prints, every line of it, in Danish and in English."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from decimal import Decimal

from docx import Document
from openpyxl import load_workbook

from procure.award import award, award_model_for_spec
from procure.award.record import (
    AwardRecord,
    BidRecord,
    Confirmed,
    VendorBid,
    award_bids,
    bid_records,
    price_reading,
)
from procure.award.report import award_text
from procure.award.result import AwardResult, BidResult
from procure.documents.award_letters import letter_file_name, render_award_letters
from procure.documents.award_note import render_award_note
from procure.documents.award_xlsx import render_award_xlsx
from procure.i18n import language, t
from procure.responses.model import PriceEntry, PriceSubmission
from tests.award_samples import award_spec, evaluation_for

SENT_ON = dt.date(2027, 3, 24)
FORMULA = '=HYPERLINK("http://x.test","klik")'


def priced(vendor: str, p1, p2) -> PriceSubmission:
    return PriceSubmission(
        source=f"{vendor}.yaml",
        entries=(PriceEntry("P1", p1), PriceEntry("P2", p2)),
    )


def make_record(spec, prices: dict, points=None, why=None, confirmed=None) -> AwardRecord:
    model = award_model_for_spec(spec)
    vendors = tuple(prices)
    kwargs = {"points": points} if points else {}
    evaluation = evaluation_for(
        spec, vendors=vendors, confirmed=confirmed or dict.fromkeys(vendors, True), why=why,
        **kwargs,
    )  # fmt: skip
    bids = [VendorBid(v, "", f"{v}.yaml", True, ()) for v in vendors]
    records = bid_records(model, bids, evaluation, {v: priced(v, *prices[v]) for v in vendors})
    result = award(model, award_bids(records), sent_on=SENT_ON)
    return AwardRecord(model, result, records)


def test_an_english_tender_gets_english_documents():
    spec = award_spec("en")
    record = make_record(spec, {"Leverandør A": (100000, 300000), "Leverandør B": (90000, 120000)})
    note = Document(io.BytesIO(render_award_note(spec, record, SENT_ON)))
    text = "\n".join(p.text for p in note.paragraphs)
    assert note.core_properties.language == "en-GB"
    assert "The bid from Leverandør B is the most economically advantageous" in text
    assert "the best price-quality ratio" in text
    letters = render_award_letters(spec, record, SENT_ON)
    assert sorted(letters) == [
        "award-letter-leverandoer-a.docx",
        "award-letter-leverandoer-b.docx",
    ]
    letter = Document(io.BytesIO(letters["award-letter-leverandoer-a.docx"]))
    text = "\n".join(p.text for p in letter.paragraphs)
    assert "has decided to award the contract in the tender" in text
    assert "The standstill period ends on 5 April 2027." in text
    assert "The winning bid's price is DKK 1,200,000; your price is DKK 1,500,000." in text
    cells = [[c.text for c in r.cells] for t in letter.tables for r in t.rows]
    assert ["Total points", "7.44", "8.14"] in cells
    workbook = load_workbook(io.BytesIO(render_award_xlsx(spec, record, SENT_ON)))
    assert workbook.sheetnames == ["Ranking", "Points", "Prices", "Price problems"]


def test_vendor_text_that_looks_like_a_formula_stays_text_in_the_workbook():
    spec = award_spec()
    record = make_record(
        spec,
        {"Leverandør A": (100000, 300000), "Leverandør B": (FORMULA, 120000)},
        why=FORMULA,
    )
    workbook = load_workbook(io.BytesIO(render_award_xlsx(spec, record, SENT_ON)))
    reasons = [c for row in workbook["Point"].iter_rows(min_row=4) for c in row[-1:]]
    assert reasons and all(c.value == FORMULA and c.data_type == "s" for c in reasons)
    problems = [c for row in workbook["Prisproblemer"].iter_rows(min_row=4) for c in row]
    shown = [c for c in problems if "HYPERLINK" in str(c.value)]
    assert shown and all(c.data_type == "s" for c in shown)


def test_the_same_award_gives_the_same_bytes():
    spec = award_spec()
    prices = {"Leverandør A": (100000, 300000), "Leverandør C": (95000, 160000)}
    first, second = make_record(spec, prices), make_record(spec, prices)
    assert render_award_xlsx(spec, first, SENT_ON) == render_award_xlsx(spec, second, SENT_ON)
    assert render_award_note(spec, first, SENT_ON) == render_award_note(spec, second, SENT_ON)
    assert render_award_letters(spec, first, SENT_ON) == render_award_letters(spec, second, SENT_ON)


def test_a_tie_for_first_place_is_said_so_in_the_note():
    spec = award_spec()
    same = {"Leverandør A": (Decimal(7), Decimal(7)), "Leverandør C": (Decimal(7), Decimal(7))}
    record = make_record(
        spec, {"Leverandør A": (95000, 160000), "Leverandør C": (95000, 160000)}, points=same
    )
    assert [(b.rank, b.tie) for b in record.result.ranking] == [(1, True), (1, True)]
    note = Document(io.BytesIO(render_award_note(spec, record, SENT_ON)))
    text = "\n".join(p.text for p in note.paragraphs)
    assert "Tilbuddene fra Leverandør A, Leverandør C står lige" in text
    ranking = next(t for t in note.tables if t.rows[0].cells[0].text == "Placering")
    assert [r.cells[0].text for r in ranking.rows[1:]] == ["1 (delt)", "1 (delt)"]


def test_letter_file_names_are_safe_and_unique():
    assert letter_file_name("Søren & Co. A/S", "da") == "tildelingsbrev-soeren-co-a-s.docx"
    taken = {"tildelingsbrev-a-s.docx"}
    assert letter_file_name("A/S", "da", taken) == "tildelingsbrev-a-s-2.docx"
    assert letter_file_name("../../etc", "da") == "tildelingsbrev-etc.docx"
    assert letter_file_name("???", "en") == "award-letter-bidder.docx"


def test_reasons_with_markup_characters_breaks_and_tabs_reach_word_as_written():
    from tests.samples import TRICKY_TEXT

    why = f"{TRICKY_TEXT}\nanden linje\tefter tabulator"
    spec = award_spec()
    record = make_record(
        spec, {"Leverandør A": (100000, 300000), "Leverandør B": (90000, 120000)}, why=why
    )
    letter = Document(io.BytesIO(render_award_letters(spec, record, SENT_ON)[
        "tildelingsbrev-leverandoer-a.docx"]))  # fmt: skip
    cells = [c.text for t in letter.tables for r in t.rows for c in r.cells]
    assert why in cells
    note = Document(io.BytesIO(render_award_note(spec, record, SENT_ON)))
    assert why in [c.text for t in note.tables for r in t.rows for c in r.cells]


def test_the_award_text_is_in_the_tenders_language_whatever_language_is_in_force():
    spec = award_spec("en")
    same = {"Leverandør A": (Decimal(7), Decimal(7)), "Leverandør C": (Decimal(7), Decimal(7))}
    record = make_record(
        spec, {"Leverandør A": (95000, 160000), "Leverandør C": (95000, 160000)}, points=same
    )
    with language("da"):
        text = award_text(record, "Fagsystem", "en")
    ranked = [line for line in text.splitlines() if "Leverandør" in line]
    assert len(ranked) == 2
    for line in ranked:
        assert "(tie)" in line and "total " in line and " points" in line, line
        assert "delt placering" not in line and "i alt" not in line, line


def test_each_record_names_the_bids_file_and_the_price_lists_file():
    spec = award_spec()
    model = award_model_for_spec(spec)
    vendors = ("Leverandør A", "Leverandør B")
    evaluation = evaluation_for(spec, vendors=vendors, confirmed=dict.fromkeys(vendors, True))
    bids = [VendorBid(v, "", f"{v}.docx", True, ()) for v in vendors]
    prices = {"Leverandør A": priced("Leverandør A", 100000, 300000)}
    records = bid_records(model, bids, evaluation, prices)
    assert [(r.source, r.price_source) for r in records] == [
        ("Leverandør A.docx", "Leverandør A.yaml"),
        ("Leverandør B.docx", ""),
    ]
    confirmed = records[0].confirmation
    assert (confirmed.compliant, confirmed.by, confirmed.at) == (True, "Eva", "2027-02-01")
    assert "gennemgået af udvalget" in confirmed.why


def test_a_price_list_is_compared_at_the_published_decimals_of_amounts():
    spec = award_spec()
    model = award_model_for_spec(spec)
    lines = model.price_lines
    entries = tuple(
        PriceEntry(line.id, "1000.04", total=str(1000 * line.quantity)) for line in lines
    )
    listed = PriceSubmission(source="p.yaml", entries=entries)
    whole_kroner = dataclasses.replace(
        model, rounding=dataclasses.replace(model.rounding, amount=0)
    )
    assert price_reading(whole_kroner, listed).problems == ()
    assert [p.line for p in price_reading(model, listed).problems] == [line.id for line in lines]
    missing = price_reading(model, None)
    assert missing.price is None and len(missing.problems) == len(lines)
    # the vendor's own grand total is compared with procure's sum too
    exact = tuple(PriceEntry(line.id, "1000") for line in lines)
    total = sum(Decimal(1000) * line.quantity for line in lines)
    stated = PriceSubmission(source="p.yaml", entries=exact, stated_total=str(total + 1))
    (problem,) = price_reading(model, stated).problems
    assert (problem.line, price_reading(model, stated).price) == ("", total)  # no line: the sum
    agreed = dataclasses.replace(stated, stated_total=str(total))
    assert price_reading(model, agreed).problems == ()


def test_a_bid_record_without_a_price_reading_is_a_bid_without_a_price():
    (bid,) = award_bids([BidRecord("Leverandør A", prices=None)])
    assert (bid.vendor, bid.price) == ("Leverandør A", None)
    (priced_bid,) = award_bids([BidRecord("Leverandør A", prices=price_reading(
        award_model_for_spec(award_spec()), priced("A", 1000, 2000)))])  # fmt: skip
    assert priced_bid.price is not None


def test_the_award_text_as_procure_award_prints_it_in_danish_and_in_english():
    prices = {"Leverandør A": (100000, 300000), "Leverandør B": (90000, 120000)}
    record = make_record(award_spec(), prices)
    with language("en"):  # the tender's language counts, not the one in force
        danish = award_text(record, "Fagsystem", "da", draft=True)
    assert danish.splitlines() == [
        "Tildeling: Fagsystem",
        "Tildelingskriterium: bedste forhold mellem pris og kvalitet",
        "Udbuddet er ikke offentliggjort (kladde): resultatet er kun en prøve.",
        "",
        "Placering (bedste først):",
        "  1. Leverandør B   i alt 8,14 point   Kvalitet 6,90 · Pris 10,00   pris 1.200.000 kr.",
        "  2. Leverandør A   i alt 7,44 point   Kvalitet 7,40 · Pris 7,50   pris 1.500.000 kr.",
        "Standstillperioden udløber: 5. april 2027",
    ]
    record = make_record(award_spec("en"), prices)
    with language("da"):
        english = award_text(record, "Case system", "en")
    assert english.splitlines() == [
        "Award: Case system",
        "Award criterion: best price-quality ratio",
        "",
        "Ranking (best first):",
        "  1. Leverandør B   total 8.14 points   Kvalitet 6.90 · Pris 10.00   price DKK 1,200,000",
        "  2. Leverandør A   total 7.44 points   Kvalitet 7.40 · Pris 7.50   price DKK 1,500,000",
        "The standstill period ends: 5 April 2027",
    ]


def synthetic_record(model, ranking, bids=(), criterion=None) -> AwardRecord:
    """An award record with a hand-made ranking: the text prints what the record says."""
    if criterion is not None:
        model = dataclasses.replace(model, award_criterion=criterion)
    result = AwardResult(model.award_criterion, model.rounding, tuple(ranking))
    return AwardRecord(model, result, tuple(bids))


def test_the_printed_lines_of_kommissionsmodellen_and_price_adjustment_bids():
    model = award_model_for_spec(award_spec())
    # More digits than published: the text rounds to the published decimals (total 2,
    # criteria 2); amounts show two decimals unless whole.
    ranked = (
        BidResult(
            "Leverandør K", 1, False, False, (), True,
            total=Decimal("8.1"),
            price_per_quality_point=Decimal("12500.5"),
        ),
        BidResult(
            "Leverandør J", 2, False, False, (), True,
            adjusted_price=Decimal("1250000"),
            criteria=(("Kvalitet", Decimal("7.1")),),
            price_points=Decimal("9.5"),
        ),
        BidResult("Leverandør T", 3, True, False, (), True, criteria=(("Kvalitet", Decimal("6")),)),
        BidResult("Leverandør U", 3, True, False, (), True),
    )  # fmt: skip
    record = synthetic_record(model, ranked, criterion="noget andet")
    with language("en"):
        danish = award_text(record, "Fagsystem", "da")
    assert danish.splitlines() == [
        "Tildeling: Fagsystem",
        "Tildelingskriterium: noget andet",
        "",
        "Placering (bedste først):",
        "  1. Leverandør K   i alt 8,10 point   12.500,50 kr. pr. kvalitetspoint",
        "  2. Leverandør J   justeret pris 1.250.000 kr.   Kvalitet 7,10 · Pris 9,50",
        "  3. Leverandør T (delt placering)   Kvalitet 6,00",
        "  3. Leverandør U (delt placering)",
    ]
    with language("da"):
        english = award_text(record, "Case system", "en")
    assert english.splitlines() == [
        "Award: Case system",
        "Award criterion: noget andet",
        "",
        "Ranking (best first):",
        "  1. Leverandør K   total 8.10 points   DKK 12,500.50 per quality point",
        "  2. Leverandør J   adjusted price DKK 1,250,000   Kvalitet 7.10 · Pris 9.50",
        "  3. Leverandør T (tie)   Kvalitet 6.00",
        "  3. Leverandør U (tie)",
    ]


def test_the_waiting_excluded_and_price_problem_sections_word_for_word():
    model = award_model_for_spec(award_spec())
    missing = tuple(f"K{n}" for n in range(1, 8))
    unranked = (
        BidResult("Leverandør F", None, False, False, (), True, missing=missing[:5]),
        BidResult("Leverandør S", None, False, False, (), True, missing=missing[:6]),
        BidResult("Leverandør V", None, False, False, (), True, missing=missing),
        BidResult(
            "Leverandør D", None, False, True,
            (t("tilbuddet har ingen gyldig pris på alle prislinjer"), "egen begrundelse"),
            False,
        ),
    )  # fmt: skip
    lines = price_reading(model, None)  # every line missing
    confirmed = Confirmed(True, "ok", "Eva", "2027-02-01")
    bids = (  # D's list has no file name; only F's compliance is confirmed
        BidRecord("Leverandør F", prices=lines, price_source="F.xlsx", confirmation=confirmed),
        BidRecord("Leverandør D", prices=lines),
        BidRecord("Leverandør S"),
    )
    record = synthetic_record(model, unranked, bids)
    with language("en"):
        danish = award_text(record, "Fagsystem", "da")
    assert danish.splitlines() == [
        "Tildeling: Fagsystem",
        "Tildelingskriterium: bedste forhold mellem pris og kvalitet",
        "",
        "Placering (bedste først):",
        "  intet tilbud kunne rangeres",
        "",
        "Mangler konsensus (ingen placering endnu):",
        "  Leverandør F: 5 evaluerede krav uden konsensusscore (K1, K2, K3, K4, K5)",
        "  Leverandør S: 6 evaluerede krav uden konsensusscore (K1, K2, K3, K4, K5 …)",
        "  Leverandør V: 7 evaluerede krav uden konsensusscore (K1, K2, K3, K4, K5 …)",
        "",
        "Udelukket (ingen point, ingen placering):",
        "  Leverandør D",
        "    - tilbuddet har ingen gyldig pris på alle prislinjer",
        "    - egen begrundelse",
        "",
        "Prisproblemer (procure bruger sine egne beregninger):",
        "  Leverandør F (F.xlsx): prislinjen P1 (Drift og vedligehold pr. måned) mangler",
        "  Leverandør F (F.xlsx): prislinjen P2 (Implementering & uddannelse) mangler",
        "  Leverandør D: prislinjen P1 (Drift og vedligehold pr. måned) mangler",
        "  Leverandør D: prislinjen P2 (Implementering & uddannelse) mangler",
        "",
        "Konditionsmæssighed endnu ikke bekræftet af en person: Leverandør D, Leverandør S",
    ]
    with language("da"):
        english = award_text(record, "Case system", "en")
    assert english.splitlines() == [
        "Award: Case system",
        "Award criterion: best price-quality ratio",
        "",
        "Ranking (best first):",
        "  no bid could be ranked",
        "",
        "Waiting for consensus (no rank yet):",
        "  Leverandør F: 5 evaluated requirements without a consensus score (K1, K2, K3, K4, K5)",
        "  Leverandør S: 6 evaluated requirements without a consensus score (K1, K2, K3, K4, K5 …)",
        "  Leverandør V: 7 evaluated requirements without a consensus score (K1, K2, K3, K4, K5 …)",
        "",
        "Excluded (no points, no rank):",
        "  Leverandør D",
        "    - the bid has no valid price on every price line",
        "    - egen begrundelse",
        "",
        "Price problems (procure uses its own computations):",
        "  Leverandør F (F.xlsx): the price line P1 (Drift og vedligehold pr. måned) is missing",
        "  Leverandør F (F.xlsx): the price line P2 (Implementering & uddannelse) is missing",
        "  Leverandør D: the price line P1 (Drift og vedligehold pr. måned) is missing",
        "  Leverandør D: the price line P2 (Implementering & uddannelse) is missing",
        "",
        "Compliance not yet confirmed by a person: Leverandør D, Leverandør S",
    ]
