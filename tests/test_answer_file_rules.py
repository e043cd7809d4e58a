"""A machine answer file (procure-answers/1, YAML or JSON) read field by field: what the checker
gets from each, and the one-line refusal for each way a file can be wrong."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
import yaml

from procure.cli import main
from procure.errors import ProcureError
from procure.evaluation import evaluate_response
from procure.forms import Answer
from procure.responses.answer_file import ANSWER_FORMAT, read_answer_file
from procure.responses.reader import read_response
from procure.tender import save_tender
from tests.samples import sample_spec, sample_tender


def _document(**changes) -> dict:
    document = {
        "format": "procure-answers/1",
        "tender_id": "t-1",
        "vendor": {"name": "Leverandør A"},
        "answers": [{"id": "FKI-ORG-001", "answer": "Opfyldt"}],
    }
    document.update(changes)
    return document


def _yaml(document: dict) -> bytes:
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False).encode()


def _read(document: dict, source: str = "svar.yaml"):
    return read_answer_file(_yaml(document), source)


def _refusal(data: bytes, source: str = "svar.yaml") -> str:
    with pytest.raises(ProcureError) as caught:
        read_answer_file(data, source)
    return str(caught.value)


# -- what each field becomes ------------------------------------------------------------------


def test_every_field_of_a_row_reaches_the_checker():
    answers = [
        {
            "id": "  FKI-ORG-001 ",
            "answer": " Delvist opfyldt ",
            "description": "Vi leverer det meste",
            "reservation": "Leveres i Q3",
            "price": 25000,
        },
        {"id": "FKI-ORG-002", "answer": "Ikke opfyldt"},
    ]
    response = _read(_document(answers=answers))
    first, second = response.rows
    assert first.requirement_id == "FKI-ORG-001"
    assert first.answer_text == "Delvist opfyldt" and first.answer is Answer.PARTLY
    assert first.description == "Vi leverer det meste"
    assert first.reservation == "Leveres i Q3 Pris: 25000 kr."
    assert first.requirement_text is None and first.kind_text is None
    assert str(first.location) == "linje 6"  # the line of its "- id:"
    assert second.answer is Answer.NOT_MET
    assert (second.description, second.reservation) == ("", "")
    assert str(second.location) == "linje 11"


@pytest.mark.parametrize(
    "price, reservation, expected",
    [
        (25000, "", "Pris: 25000 kr."),
        ("12.500,50", "Leveres i Q3", "Leveres i Q3 Pris: 12.500,50 kr."),
        (0, "", "Pris: 0 kr."),
        ("", "Kun i Q3", "Kun i Q3"),
        ("   ", "Kun i Q3", "Kun i Q3"),
        (None, "Kun i Q3", "Kun i Q3"),
    ],
)
def test_a_stated_price_joins_the_reservation_text(price, reservation, expected):
    row = {"id": "FKI-ORG-001", "answer": "Delvist opfyldt", "price": price}
    if reservation:
        row["reservation"] = reservation
    (read,) = _read(_document(answers=[row])).rows
    assert read.reservation == expected


def test_the_stated_price_is_the_vendors_price_in_the_check(tmp_path, capsys):
    spec = sample_spec()
    save_tender(sample_tender(), tmp_path / "tender.yaml")
    k = next(r for r in spec.requirements if r.kind == "K")
    document = _document(
        tender_id=spec.tender.id,
        answers=[{"id": r.id, "answer": "Opfyldt"} for r in spec.requirements],
    )
    for item in document["answers"]:
        if item["id"] == k.id:
            item.update(answer="Ikke opfyldt", price="12.500")
    bid = tmp_path / "bud.json"
    bid.write_text(json.dumps(document), "utf-8")
    assert main(["check", str(tmp_path / "tender.yaml"), str(bid), "--format", "json"]) == 0
    result = json.loads(capsys.readouterr().out)
    (reservation,) = result["reservations"]
    assert (reservation["id"], reservation["price"]) == (k.id, 12500)
    assert reservation["text"] == "Pris: 12.500 kr."
    assert main(["check", str(tmp_path / "tender.yaml"), str(bid)]) == 0
    assert "leverandørens pris: 12.500 kr." in capsys.readouterr().out


def test_vendor_metadata_and_format():
    document = _document(
        vendor={
            "name": "Leverandør A",
            "cvr": "12345678",
            "contact": "Eva",
            "email": "eva@a.dk",
            "phone": "12 34 56 78",
        },
        library_version="1.0.0",
        fingerprint="sha256:abc",
    )
    response = _read(document, "svar.yaml")
    assert response.source == "svar.yaml" and response.file_format == "yaml"
    vendor = response.vendor
    assert (vendor.name, vendor.cvr, vendor.contact, vendor.email, vendor.phone) == (
        "Leverandør A",
        "12345678",
        "Eva",
        "eva@a.dk",
        "12 34 56 78",
    )
    meta = response.metadata
    assert (meta.format, meta.tender_id, meta.library_version, meta.fingerprint) == (
        ANSWER_FORMAT,
        "t-1",
        "1.0.0",
        "sha256:abc",
    )
    bare = _read(_document())
    assert (bare.vendor.cvr, bare.metadata.library_version, bare.metadata.fingerprint) == (
        "",
        None,
        None,
    )


def test_json_is_told_from_yaml_by_its_first_character():
    document = _document(answers=[{"id": "A-1", "answer": "Met"}, {"id": "A-2", "answer": "x"}])
    text = json.dumps(document)
    for data in (text.encode(), b"\xef\xbb\xbf  \n" + text.encode()):
        response = read_answer_file(data, "svar.json")
        assert response.file_format == "json"
        assert [r.answer for r in response.rows] == [Answer.MET, None]
        # JSON keeps no line numbers: the row is named by its place in the list
        assert [str(r.location) for r in response.rows] == ["svar nr. 1", "svar nr. 2"]
    assert read_answer_file(_yaml(document), "svar.txt").file_format == "yaml"


def test_an_answer_that_is_not_an_allowed_value_is_kept_for_the_message():
    spec = sample_spec()
    mk = next(r for r in spec.requirements if r.kind == "MK")
    document = _document(
        tender_id=spec.tender.id,
        answers=[{"id": r.id, "answer": "Ja" if r is mk else "Opfyldt"} for r in spec.requirements],
    )
    result = evaluate_response(spec, read_response(_yaml(document), "svar.yaml"))
    assert result.mandatory_failed == (mk.id,)
    invalid = next(f for f in result.findings if f.code == "invalid_answer")
    position = [r.id for r in spec.requirements].index(mk.id)
    assert invalid.message == (
        f"Ugyldig besvarelse 'Ja' (linje {6 + 2 * position}); tilladt er Opfyldt, "
        "Delvist opfyldt eller Ikke opfyldt"
    )


# -- refusals ---------------------------------------------------------------------------------


def test_a_file_that_is_not_utf8_is_refused():
    assert _refusal("format: procure-answers/1\nvendor: Æ\n".encode("latin-1")) == (
        "svar.yaml: svarfilen er ikke UTF-8-tekst"
    )


def test_broken_json_is_refused_with_its_line():
    assert _refusal(b'{"format": "procure-answers/1",\n "answers": [,]}', "svar.json") == (
        "svar.json:2: ugyldig JSON: Expecting value"
    )


def test_json_nested_too_deep_is_refused():
    message = _refusal(b"[" * 100_000 + b"]" * 100_000, "svar.json")
    assert message in (
        "svar.json: JSON-strukturen er for dybt indlejret",
        # with the input limits of the hostile-input work, the loader says it first
        "svar.json:1: strukturen er indlejret mere end 50 niveauer dybt",
    )


@pytest.mark.parametrize("data", [b"- en liste\n", b"[1, 2]", b"bare tekst\n", b"42"])
def test_a_document_that_is_not_a_mapping_is_refused(data):
    assert _refusal(data) == (
        "svar.yaml: er ikke en svarfil (forventede format, tender_id, vendor og answers)"
    )


def test_a_schema_error_names_the_first_problem_its_line_and_how_many_more():
    document = _document(answers=[{"id": "A-1"}, {"answer": "Opfyldt"}], vendor={"navn": "x"})
    assert _refusal(_yaml(document)) == (
        "svar.yaml:6: feltet 'answers[0].answer' mangler (og 3 fejl mere)"
    )
    two = _document(answers=[{"id": "A-1"}, {"answer": "Opfyldt"}])
    assert (
        _refusal(_yaml(two)) == "svar.yaml:6: feltet 'answers[0].answer' mangler (og 1 fejl mere)"
    )
    one = _document(answers=[{"id": "A-1", "answer": 5}])
    assert _refusal(_yaml(one)) == (
        "svar.yaml:7: feltet 'answers[0].answer' skal være tekst, ikke 5; "
        "sæt værdien i anførselstegn"
    )


def test_a_wrong_format_is_refused_before_anything_is_read():
    message = _refusal(_yaml(_document(format="procure-answers/2")))
    assert message == "svar.yaml:1: feltet 'format' skal være 'procure-answers/1'"


def test_the_reservation_price_through_the_checker_is_the_vendors_information_only():
    spec = sample_spec()
    k = next(r for r in spec.requirements if r.kind == "K")
    document = _document(
        tender_id=spec.tender.id,
        answers=[
            {"id": r.id, "answer": "Opfyldt"}
            if r is not k
            else {"id": r.id, "answer": "Delvist opfyldt", "price": 4000}
            for r in spec.requirements
        ],
    )
    result = evaluate_response(spec, read_response(_yaml(document), "svar.yaml"))
    (reservation,) = result.reservations
    assert reservation.price == Decimal(4000) and reservation.buyer_price is None
    assert result.compliant and result.reservations_total == 0


def test_a_price_list_is_carried_as_written_with_each_lines_place():
    text = (
        "format: procure-answers/1\n"
        "tender_id: t-1\n"
        "vendor: {name: Leverandør A}\n"
        "answers: [{id: FKI-ORG-001, answer: Opfyldt}]\n"
        "prices:\n"
        '  - {line: " P1 ", unit_price: "1.250.000", quantity: 2, total: "2.500.000"}\n'
        "  - line: P2\n"
        "    unit_price: 10\n"
        'price_total: "2.500.010"\n'
    )
    prices = read_answer_file(text.encode(), "svar.yaml").prices
    assert prices.source == "svar.yaml" and prices.stated_total == "2.500.010"
    first, second = prices.entries
    assert (first.line, first.unit_price, first.quantity, first.total) == (
        "P1",
        "1.250.000",
        2,
        "2.500.000",
    )
    assert (second.line, second.unit_price, second.quantity, second.total) == ("P2", 10, None, None)
    assert [str(e.location) for e in prices.entries] == ["linje 6", "linje 7"]
    assert _read(_document()).prices is None


def test_a_reservation_price_is_written_out_in_full_and_nan_is_no_price():
    row = {"id": "FKI-ORG-001", "answer": "Delvist opfyldt", "reservation": "Q3"}
    as_json = json.dumps(_document(answers=[{**row, "price": 1e16}])).encode()
    big = read_answer_file(as_json, "svar.json").rows[0]
    assert big.reservation == "Q3 Pris: 10000000000000000 kr."
    nan = _yaml(_document(answers=[{**row, "price": float("nan")}]))
    assert _refusal(nan) == "svar.yaml:9: .nan er ikke et tal; skriv et almindeligt tal, fx 25000"
    # a float that is no number, as a JSON reader allowing NaN would give it
    from procure.responses.answer_file import _price_text

    with pytest.raises(ProcureError) as caught:
        _price_text(float("inf"), "svar.json", 4)
    assert (
        str(caught.value) == "svar.json:4: inf er ikke et tal; skriv et almindeligt tal, fx 25000"
    )
    assert _price_text(2.5, "svar.json", 4) == "2.5"
