"""`procure award` end to end: bids in Word, Excel and answer files with their prices, the
evaluation file's consensus and confirmations, the exact JSON, award.xlsx and award.docx read
back, and the letters — refused until complete, then their content."""

from __future__ import annotations

import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from docx import Document
from openpyxl import load_workbook

from procure import forms
from procure.cli import main
from procure.documents.build import render_documents
from procure.evaluation import dump_overrides
from procure.tender import load_tender, save_tender
from tests.award_samples import POINTS, award_spec, award_tender, evaluation_for
from tests.fill import fill_docx_form, fill_xlsx_form

SENT_ON = "2027-03-24"  # a Wednesday: 10 days from the 25th end on Saturday 3 April 2027,
STANDSTILL_ENDS = "2027-04-05"  # which moves past Easter Monday (29 March is before)…


def fill_prices(data: bytes, units: dict, vendor=None, totals=None, quantities=None) -> bytes:
    """Type unit prices (and, as a careless vendor does, totals and quantities) into the price
    table of a response form or price list."""
    workbook = load_workbook(io.BytesIO(data))  # formulas kept, as Excel keeps them
    for ws in workbook.worksheets:
        header = None
        for row in ws.iter_rows():
            labels = [
                forms.PRICE_HEADER_KEYS.get(forms.normalise_label(str(c.value or ""))) for c in row
            ]
            if vendor and row[0].value in (
                forms.VENDOR_LABELS["da"]["name"],
                forms.VENDOR_LABELS["da"]["cvr"],
            ):
                key = "name" if row[0].value == forms.VENDOR_LABELS["da"]["name"] else "cvr"
                row[1].value = vendor[key]
            if header is None:
                if "line" in labels and "unit_price" in labels:
                    header = {key: i for i, key in enumerate(labels) if key}
                continue
            line = row[header["line"]].value
            if line in units:
                row[header["unit_price"]].value = units[line]
            if totals and line in totals:
                row[header["total"]].value = totals[line]
            if quantities and line in quantities:
                row[header["quantity"]].value = quantities[line]
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def answer_file(spec, vendor: str, prices: list[dict], answers: dict | None = None) -> bytes:
    document = {
        "format": "procure-answers/1",
        "tender_id": spec.tender.id,
        "vendor": {"name": vendor},
        "answers": [
            {"id": r.id, "answer": (answers or {}).get(r.id, "Opfyldt")} for r in spec.requirements
        ],
        "prices": prices,
    }
    return yaml.safe_dump(document, allow_unicode=True).encode()


@pytest.fixture
def bids(tmp_path):
    """Four bids: A in Excel with its price sheet, B an answer file with prices, C in Word
    with a price list apart, D an answer file failing a mindstekrav."""
    spec = award_spec()
    tender_file = tmp_path / "tender.yaml"
    save_tender(award_tender(), tender_file)
    documents = render_documents(spec)
    everything = {r.id: "Opfyldt" for r in spec.requirements}
    a = fill_xlsx_form(
        documents["response-form.xlsx"], everything, {"name": "Leverandør A", "cvr": "11111111"}
    )
    a = fill_prices(a, {"P1": 100000, "P2": 300000}, totals={"P2": 250000})
    b = answer_file(
        spec,
        "Leverandør B",
        [{"line": "P1", "unit_price": "90000"}, {"line": "P2", "unit_price": "120.000,00"}],
    )
    c = fill_docx_form(
        documents["response-form.docx"], everything, {"name": "Leverandør C", "cvr": "33 33 33 33"}
    )
    c_prices = fill_prices(
        documents["price-list.xlsx"],
        {"P1": 95000, "P2": 160000},
        vendor={"name": "leverandør  c", "cvr": "33333333"},
        quantities={"P1": 10},
    )
    d = answer_file(
        spec,
        "Leverandør D",
        [{"line": "P1", "unit_price": "-5"}, {"line": "P2", "unit_price": "abc"}],
        answers={"FKI-OVB-001": "Ikke opfyldt"},
    )
    files = {}
    for name, data in (("a.xlsx", a), ("b.yaml", b), ("c.docx", c), ("c-prices.xlsx", c_prices),
                       ("d.yaml", d)):  # fmt: skip
        (tmp_path / name).write_bytes(data)
        files[name] = str(tmp_path / name)
    return spec, str(tender_file), files


def run(capsys, evaluation, *args):
    """`procure award …` with `evaluation` as the evaluation file beside the tender file."""
    tender = Path(args[1])
    tender.with_name(tender.stem + ".evaluation.yaml").write_text(
        dump_overrides(evaluation), encoding="utf-8"
    )
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def award_args(tender, files, *extra):
    return (
        "award",
        tender,
        files["a.xlsx"],
        files["b.yaml"],
        files["c.docx"],
        files["d.yaml"],
        "--prices",
        files["c-prices.xlsx"],
        *extra,
    )


ALL_CONFIRMED = {
    "Leverandør A": True,
    "Leverandør B": True,
    "Leverandør C": True,
    "Leverandør D": False,
}


def test_award_json_is_exactly_the_hand_worked_result(bids, capsys):
    spec, tender, files = bids
    evaluation = evaluation_for(spec, confirmed=ALL_CONFIRMED)
    code, out, err = run(
        capsys,
        evaluation,
        *award_args(tender, files, "--format", "json", "--sent-on", SENT_ON),  # fmt: skip
    )
    assert code == 0, err
    data = json.loads(out)

    def ranked(vendor, rank, functional, other, quality, price, price_points, total):
        return {
            "vendor": vendor,
            "rank": rank,
            "tie": False,
            "excluded": False,
            "reasons": [],
            "criteria": {"Kvalitet": quality},
            "sub_criteria": {
                "Kvalitet": {"Funktionalitet": functional, "Implementering og drift": other}
            },
            "quality_points": None,
            "price": price,
            "price_points": price_points,
            "total": total,
            "price_per_quality_point": None,
            "adjusted_price": None,
            "confirmed": True,
            "missing": [],
        }

    expected_ranked = [
        ranked("Leverandør B", 1, "6.00", "9.00", "6.90", "1200000.00", "10.00", "8.14"),
        ranked("Leverandør C", 2, "7.00", "7.00", "7.00", "1300000.00", "9.17", "7.87"),
        ranked("Leverandør A", 3, "8.00", "6.00", "7.40", "1500000.00", "7.50", "7.44"),
    ]
    for bid in expected_ranked:  # quality points: the quality criteria's share of the total
        quality = Decimal(bid["criteria"]["Kvalitet"]) * 60 / 100
        bid["quality_points"] = format(quality.quantize(Decimal("0.01")), "f")
    assert data["award_criterion"] == "bedste forhold mellem pris og kvalitet"
    assert data["standstill_ends"] == STANDSTILL_ENDS
    assert data["ranking"][:3] == expected_ranked
    excluded = data["ranking"][3]
    assert excluded["vendor"] == "Leverandør D"
    assert excluded["rank"] is None and excluded["excluded"] is True
    assert excluded["total"] is None and excluded["criteria"] == {}
    assert excluded["reasons"][0] == "en person har vurderet tilbuddet som ukonditionsmæssigt"
    assert "gennemgået af udvalget (Leverandør D)" in excluded["reasons"]
    assert any("FKI-OVB-001" in reason for reason in excluded["reasons"])
    assert "tilbuddet har ingen gyldig pris på alle prislinjer" in excluded["reasons"]
    # The price problems go to stderr, stdout stays JSON
    assert "Leverandør A: leverandørens sum '250000' på prislinjen P2" in err
    assert "Leverandør C: antallet på prislinjen P1 er ændret fra 12 til '10'" in err
    assert "Leverandør D: enhedsprisen på prislinjen P1 er negativ: -5" in err
    assert "Leverandør D: enhedsprisen på prislinjen P2 er ikke et tal: 'abc'" in err


def test_award_text_ranks_best_first_and_shows_exclusions_and_price_problems(bids, capsys):
    spec, tender, files = bids
    evaluation = evaluation_for(spec, confirmed={"Leverandør A": True})
    code, out, _ = run(capsys, evaluation, *award_args(tender, files))
    assert code == 0
    lines = out.splitlines()
    ranked = [line.strip() for line in lines if line.startswith("  ") and line[2].isdigit()]
    assert ranked == [
        "1. Leverandør B   i alt 8,14 point   Kvalitet 6,90 · Pris 10,00   pris 1.200.000 kr.",
        "2. Leverandør C   i alt 7,87 point   Kvalitet 7,00 · Pris 9,17   pris 1.300.000 kr.",
        "3. Leverandør A   i alt 7,44 point   Kvalitet 7,40 · Pris 7,50   pris 1.500.000 kr.",
    ]
    excluded = out.split("Udelukket (ingen point, ingen placering):")[1]
    assert "Leverandør D" in excluded
    assert "tilbuddet opfylder ikke alle mindstekrav (procures forslag" in excluded
    assert "Prisproblemer" in out and "Leverandør A (" in out
    assert "Konditionsmæssighed endnu ikke bekræftet af en person: " in out
    assert "Leverandør B, Leverandør C, Leverandør D" in out
    assert "Standstillperioden" not in out  # no --sent-on, no letters: no date


def test_a_bid_without_consensus_waits_unranked_and_no_ranked_bid_exits_1(bids, capsys):
    spec, tender, files = bids
    evaluation = evaluation_for(
        spec, vendors=("Leverandør B",), skip=(("Leverandør B", "LOKAL-2"),)
    )
    code, out, _ = run(capsys, evaluation, "award", tender, files["b.yaml"], files["d.yaml"])
    assert code == 1
    assert "intet tilbud kunne rangeres" in out
    assert "Leverandør B: 1 evaluerede krav uden konsensusscore (LOKAL-2)" in out


def test_letters_are_refused_until_confirmed_and_complete(bids, capsys, tmp_path):
    spec, tender, files = bids
    letters = tmp_path / "letters"
    note = tmp_path / "award.docx"
    evaluation = evaluation_for(
        spec,
        confirmed={"Leverandør A": True, "Leverandør B": True},
        skip=(("Leverandør C", "NF-ARK-001"),),
    )
    code, out, err = run(
        capsys, evaluation,
        *award_args(tender, files, "--letters", str(letters), "--note", str(note)),
    )  # fmt: skip
    assert code == 2
    assert out == ""
    assert "meddelelserne kan ikke sendes endnu (3)" in err
    assert "Leverandør C: ingen person har bekræftet, om tilbuddet er konditionsmæssigt" in err
    assert "Leverandør C: 1 evaluerede krav mangler en konsensusscore: NF-ARK-001" in err
    assert "Leverandør D: ingen person har bekræftet" in err
    assert not letters.exists() and not note.exists()  # nothing written

    # The committee completes the record with procure's own commands; then the letters go out
    for vendor, compliant in (("Leverandør C", "yes"), ("Leverandør D", "no")):
        assert main(["confirm", tender, "--vendor", vendor, "--compliant", compliant,
                     "--why", "gennemgået", "--by", "Eva"]) == 0  # fmt: skip
    assert main(["consensus", tender, "--vendor", "Leverandør C", "--requirement", "NF-ARK-001",
                 "--points", "7", "--why", "Som beskrevet", "--by", "Eva"]) == 0  # fmt: skip
    capsys.readouterr()
    code = main(list(award_args(tender, files, "--letters", str(letters), "--note", str(note))))
    out, err = capsys.readouterr()
    assert code == 0, err
    assert len(list(letters.iterdir())) == 4 and note.exists()
    assert "Standstillperioden udløber: " in out  # --letters without --sent-on: sent today


def test_award_writes_workbook_note_and_one_letter_per_bidder(bids, capsys, tmp_path):
    spec, tender, files = bids
    out_xlsx, note, letters = tmp_path / "award.xlsx", tmp_path / "award.docx", tmp_path / "breve"
    evaluation = evaluation_for(spec, confirmed=ALL_CONFIRMED)
    code, out, err = run(
        capsys, evaluation,
        *award_args(tender, files, "--out", str(out_xlsx), "--note", str(note), "--letters",
                    str(letters), "--sent-on", SENT_ON),
    )  # fmt: skip
    assert code == 0, err
    assert "Standstillperioden udløber: 5. april 2027" in out
    assert sorted(p.name for p in letters.iterdir()) == [
        "tildelingsbrev-leverandoer-a.docx",
        "tildelingsbrev-leverandoer-b.docx",
        "tildelingsbrev-leverandoer-c.docx",
        "tildelingsbrev-leverandoer-d.docx",
    ]

    # award.xlsx: the ranking, the points with reasons, the prices and their problems
    workbook = load_workbook(out_xlsx)
    assert workbook.sheetnames == ["Rangering", "Point", "Priser", "Prisproblemer"]
    rows = list(workbook["Rangering"].iter_rows(min_row=3, values_only=True))
    header = rows[0]
    by_vendor = {row[1]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    assert by_vendor["Leverandør B"]["Placering"] == "1"
    assert by_vendor["Leverandør B"]["Samlet point"] == 8.14
    assert by_vendor["Leverandør C"]["Prispoint"] == 9.17
    assert by_vendor["Leverandør A"]["Kvalitet / Funktionalitet"] == 8
    assert by_vendor["Leverandør D"]["Udelukket"] == "ja"
    assert by_vendor["Leverandør D"]["Placering"] is None
    assert by_vendor["Leverandør D"]["Samlet point"] is None
    points = list(workbook["Point"].iter_rows(min_row=3, values_only=True))
    header = points[0]
    assert header[-4:] == ("Anna Evaluator", "Bo Evaluator", "Konsensus", "Begrundelse")
    row = next(r for r in points if r[0] == "Leverandør A" and r[1] == "FKI-BRG-004")
    assert row[-4:] == (8, 9, 8, "Leverandør A FKI-BRG-004: beskrivelsen giver 8 point")
    problems = list(workbook["Prisproblemer"].iter_rows(min_row=4, values_only=True))
    assert [r[:3] for r in problems] == [
        ("Leverandør C", files["c-prices.xlsx"], "P1"),
        ("Leverandør A", files["a.xlsx"], "P2"),
        ("Leverandør D", files["d.yaml"], "P1"),
        ("Leverandør D", files["d.yaml"], "P2"),
    ]
    assert "ændret fra 12 til '10'" in problems[0][3]
    prices = list(workbook["Priser"].iter_rows(min_row=4, values_only=True))
    assert ("Leverandør C", files["c-prices.xlsx"], "P1", "Drift og vedligehold pr. måned",
            12, 95000, 1140000) in prices  # fmt: skip

    # award.docx: the result, the ranking, the exclusion, the reasons, a signature block
    document = Document(note)
    body = "\n".join(p.text for p in document.paragraphs)
    assert "Tilbuddet fra Leverandør B er det økonomisk mest fordelagtige" in body
    assert document.core_properties.title.startswith("Evalueringsrapport: Anskaffelse")
    assert document.core_properties.language == "da-DK"
    tables = document.tables
    ranking = next(t for t in tables if t.rows[0].cells[0].text == "Placering")
    assert [r.cells[1].text for r in ranking.rows[1:]] == [
        "Leverandør B",
        "Leverandør C",
        "Leverandør A",
    ]
    assert ranking.rows[1].cells[-1].text == "8,14"
    assert ranking.rows[0]._tr.trPr.xpath("./w:tblHeader")  # repeats on every page
    excluded = next(t for t in tables if t.rows[0].cells[1].text == "Begrundelse")
    assert excluded.rows[1].cells[0].text == "Leverandør D"
    reasons = "\n".join(c.text for t in tables for r in t.rows for c in r.cells)
    assert "Leverandør B FKI-BRG-004: beskrivelsen giver 6 point" in reasons
    signatures = tables[-1]
    assert [r.cells[0].text for r in signatures.rows] == ["Navn", "Anna Evaluator", "Bo Evaluator"]

    # A letter to a bidder that lost: the winner, its own points, the winner's advantages
    letter = Document(letters / "tildelingsbrev-leverandoer-a.docx")
    text = "\n".join(p.text for p in letter.paragraphs)
    cells = [[c.text for c in r.cells] for t in letter.tables for r in t.rows]
    assert "Eksempel Kommune har besluttet at tildele kontrakten" in text
    assert "til Leverandør B." in text
    assert "Jeres tilbud blev nr. 3 af 3 evaluerede tilbud." in text
    assert "Standstillperioden udløber den 5. april 2027." in text
    assert ["Til", "Leverandør A (CVR 11111111)"] in cells
    assert ["Samlet point", "7,44", "8,14"] in cells
    assert ["Kvalitet / Implementering og drift", "6,00", "9,00"] in cells
    advantage = next(row for row in cells if row[0].startswith("NF-ARK-001"))
    assert advantage[1:] == ["9,00", "6,00", "Leverandør B NF-ARK-001: beskrivelsen giver 9 point"]
    assert "Det vindende tilbuds pris er 1.200.000 kr.; jeres pris er 1.500.000 kr." in text
    own = next(row for row in cells if row[0].startswith("FKI-BRG-004"))
    assert own[1:] == ["8,00", "Leverandør A FKI-BRG-004: beskrivelsen giver 8 point"]
    assert "Kvalitet / Funktionalitet" in text  # the heading of its group

    # The excluded bidder is told why, and gets no points
    letter = Document(letters / "tildelingsbrev-leverandoer-d.docx")
    text = "\n".join(p.text for p in letter.paragraphs)
    assert "Jeres tilbud er ikke taget i betragtning, fordi:" in text
    assert "gennemgået af udvalget (Leverandør D)" in text
    assert "til Leverandør B." in text and "5. april 2027" in text
    assert not any("Samlet point" in c.text for t in letter.tables for r in t.rows for c in r.cells)

    # The winner's letter
    letter = Document(letters / "tildelingsbrev-leverandoer-b.docx")
    text = "\n".join(p.text for p in letter.paragraphs)
    assert "Vi har besluttet at tildele kontrakten til jer." in text
    assert "Det vindende tilbuds egenskaber" not in text


def test_a_price_list_that_matches_no_bid_is_refused(bids, capsys, tmp_path):
    spec, tender, files = bids
    data = fill_prices(
        render_documents(spec)["price-list.xlsx"],
        {"P1": 1, "P2": 1},
        vendor={"name": "Ukendt A/S", "cvr": "99999999"},
    )
    stray = tmp_path / "stray.xlsx"
    stray.write_bytes(data)
    evaluation = evaluation_for(spec)
    code, _, err = run(capsys, evaluation, "award", tender, files["b.yaml"], "--prices", str(stray))
    assert code == 2
    assert "prislisten (leverandør 'Ukendt A/S', CVR '99999999') passer til 0 af tilbuddene" in err


def test_letters_are_refused_while_two_bids_tie_for_first_place(bids, capsys, tmp_path):
    spec, tender, files = bids
    same = [{"line": "P1", "unit_price": "90000"}, {"line": "P2", "unit_price": "120000"}]
    twin = tmp_path / "twin.yaml"
    twin.write_bytes(answer_file(spec, "Leverandør C", same))
    points = {"Leverandør B": POINTS["Leverandør B"], "Leverandør C": POINTS["Leverandør B"]}
    evaluation = evaluation_for(
        spec,
        vendors=tuple(points),
        points=points,
        confirmed={"Leverandør B": True, "Leverandør C": True},
    )
    args = ("award", tender, files["b.yaml"], str(twin), "--letters", str(tmp_path / "breve"))
    code, out, err = run(capsys, evaluation, *args)
    assert code == 2
    assert (
        "Leverandør B, Leverandør C står lige efter alle offentliggjorte regler for lighed" in err
    )
    code, out, _ = run(capsys, evaluation, *args[:4])
    assert code == 0
    assert "1. Leverandør B (delt placering)" in out and "1. Leverandør C (delt placering)" in out


def test_a_draft_gets_a_trial_ranking_but_never_letters(bids, capsys, tmp_path):
    spec, tender, files = bids
    save_tender(award_tender(published=False), Path(tender))
    evaluation = evaluation_for(spec, confirmed=ALL_CONFIRMED)
    code, out, _ = run(capsys, evaluation, *award_args(tender, files))
    assert code == 0
    assert "Udbuddet er ikke offentliggjort (kladde): resultatet er kun en prøve." in out
    letters = tmp_path / "breve"
    code, out, err = run(capsys, evaluation, *award_args(tender, files, "--letters", str(letters)))
    assert code == 2 and not letters.exists()
    assert "  - udbuddet er ikke offentliggjort (kladde)" in err
    assert load_tender(tender).status == "kladde"


def test_checking_the_bids_opens_the_tender_and_the_letters_award_it(bids, capsys, tmp_path):
    spec, tender, files = bids
    evaluation = evaluation_for(spec, confirmed=ALL_CONFIRMED)
    assert load_tender(tender).status == "offentliggjort"
    code, _, err = run(capsys, evaluation, *award_args(tender, files, "--format", "json"))
    assert code == 0 and "markeret 'tilbud åbnet'" in err
    assert load_tender(tender).status == "tilbud åbnet"
    code, _, err = run(
        capsys, evaluation, *award_args(tender, files, "--letters", str(tmp_path / "breve"))
    )
    assert code == 0 and "markeret 'tildelt'" in err
    assert load_tender(tender).status == "tildelt"


def test_award_files_are_the_same_bytes_rendered_on_one_core_or_two(
    bids, capsys, tmp_path, monkeypatch
):
    # award.xlsx is rendered in a forked child beside the note and letters (procure.parallel)
    spec, tender, files = bids
    evaluation = evaluation_for(spec, confirmed=ALL_CONFIRMED)
    written = {}
    for serial in ("1", "0"):
        monkeypatch.setenv("PROCURE_SERIAL", serial)
        out = tmp_path / serial
        code, _, err = run(
            capsys, evaluation,
            *award_args(tender, files, "--out", str(out / "award.xlsx"), "--note",
                        str(out / "award.docx"), "--letters", str(out / "breve"),
                        "--sent-on", SENT_ON),
        )  # fmt: skip
        assert code == 0, err
        written[serial] = {
            p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()
        }
    assert len(written["1"]) == 6  # workbook, note and four letters
    assert written["1"] == written["0"]
