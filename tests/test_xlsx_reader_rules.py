"""The Excel reader field by field, on workbooks built cell by cell: which rows are answers,
what each cell reads as, where the vendor's details and the form's stamps come from, and the
refusals' words."""

from __future__ import annotations

import datetime
import io

import openpyxl
import pytest
from openpyxl.packaging.custom import StringProperty

from procure import forms
from procure.errors import ProcureError
from procure.forms import Answer
from procure.responses.xlsx_reader import cell_text, read_xlsx_response


def _bytes(workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _answer_sheet(workbook, title="Besvarelse"):
    ws = workbook.active
    ws.title = title
    ws.append(["Kravnr", "Krav-ID", "Kravtekst", "Kravtype", "Besvarelse", "Forbehold og pris"])
    return ws


@pytest.mark.parametrize(
    "value, text",
    [
        (None, ""),
        ("tekst", "tekst"),
        (True, "TRUE"),
        (False, "FALSE"),
        (3.0, "3"),
        (2.5, "2.5"),
        (7, "7"),
        (datetime.datetime(2026, 1, 2), "2026-01-02"),
        (datetime.datetime(2026, 1, 2, 0, 0, 1), "2026-01-02 00:00:01"),
        (datetime.date(2026, 1, 2), "2026-01-02"),
        (datetime.time(10, 30), "10:30:00"),
    ],
)
def test_a_cell_reads_as_the_text_a_person_sees(value, text):
    assert cell_text(value) == text


def test_only_rows_with_an_id_below_the_header_are_answers():
    workbook = openpyxl.Workbook()
    ws = _answer_sheet(workbook)
    ws.append(["3 Organisation"])  # a group row: no id
    ws.append(["3.1", " FKI-ORG-001 ", "Tekst", "MK", " Opfyldt ", " Ingen "])
    ws.append(["", "Krav-ID", "", "", "Besvarelse"])  # the header repeated further down
    ws.append(["", "requirement id", "", "", "Answer"])
    ws.append(["3.2", "FKI-ORG-002", None, None, None])
    ws.append(["3.3", "FKI-ORG-003", "Tekst", "K", "Måske"])
    ws.append(["3.4", "FKI-ORG-004"])  # a short row
    response = read_xlsx_response(_bytes(workbook), "svar.xlsx")
    rows = response.rows
    assert [r.requirement_id for r in rows] == [
        "FKI-ORG-001",
        "FKI-ORG-002",
        "FKI-ORG-003",
        "FKI-ORG-004",
    ]
    first = rows[0]
    assert (first.answer_text, first.answer, first.reservation) == ("Opfyldt", Answer.MET, "Ingen")
    assert (first.requirement_text, first.kind_text, first.location) == (
        "Tekst",
        "MK",
        "Besvarelse!E3",
    )
    assert (rows[1].answer_text, rows[1].answer, rows[1].requirement_text) == ("", None, "")
    assert (rows[2].answer_text, rows[2].answer) == ("Måske", None)
    assert (rows[3].answer_text, rows[3].kind_text, rows[3].location) == ("", "", "Besvarelse!E8")
    assert response.file_format == "xlsx" and response.source == "svar.xlsx"


def test_the_metadata_sheet_is_never_read_as_answers():
    workbook = openpyxl.Workbook()
    _answer_sheet(workbook).append(["1", "A-1", "", "", "Opfyldt"])
    hidden = workbook.create_sheet(forms.METADATA_SHEET)
    hidden.append(["Krav-ID", "Besvarelse"])
    hidden.append(["A-2", "Opfyldt"])
    rows = read_xlsx_response(_bytes(workbook), "svar.xlsx").rows
    assert [r.requirement_id for r in rows] == ["A-1"]


def test_the_vendor_is_read_from_its_sheet_first_each_field_once():
    workbook = openpyxl.Workbook()
    _answer_sheet(workbook)
    workbook.active.append(["Leverandørens navn", "Forkert A/S"])
    vendor = workbook.create_sheet("Leverandør")
    vendor.append(["Leverandørens navn", None, "  ", "Rigtig A/S", "ignoreret"])
    vendor.append(["CVR-nummer", 12345678])
    vendor.append(["Leverandørens navn", "Anden A/S"])
    vendor.append(["E-mail"])
    vendor.append([1, "Phone", "+45 1234"])
    info = read_xlsx_response(_bytes(workbook), "svar.xlsx").vendor
    assert (info.name, info.cvr, info.email, info.phone, info.contact) == (
        "Rigtig A/S",
        "12345678",
        "",
        "+45 1234",
        "",
    )


def test_without_a_vendor_sheet_the_top_of_every_sheet_is_searched():
    workbook = openpyxl.Workbook()
    ws = _answer_sheet(workbook)
    for _ in range(97):
        ws.append(["x"])
    ws.append(["Kontaktperson", "Eva"])  # row 99
    ws.append(["Telefon", "1234"])  # row 100
    ws.append(["E-mail", "for@sent.dk"])  # row 101: below the vendor block
    hidden = workbook.create_sheet(forms.METADATA_SHEET)
    hidden.append(["Vendor name", "Skjult"])
    info = read_xlsx_response(_bytes(workbook), "svar.xlsx").vendor
    assert (info.contact, info.phone, info.email, info.name) == ("Eva", "1234", "", "")


def _with_metadata(rows, properties=()):
    workbook = openpyxl.Workbook()
    _answer_sheet(workbook)
    if rows is not None:
        sheet = workbook.create_sheet(forms.METADATA_SHEET)
        for row in rows:
            sheet.append(row)
    for name, value in properties:
        workbook.custom_doc_props.append(StringProperty(name=name, value=value))
    return read_xlsx_response(_bytes(workbook), "svar.xlsx").metadata


def test_the_metadata_sheet_gives_the_stamps_and_properties_fill_the_gaps():
    metadata = _with_metadata(
        [
            ["format", " procure-form/1 "],
            ["tender_id", "t-1"],
            ["tender_id", "t-2"],
            ["ukendt", "x"],
            [None, "y"],
            ["requirements"],
            ["A-1", "s1"],
            ["A-1", "s2"],
            ["B-2", None],
            ["format", "ikke et felt her"],
        ],
        [
            (forms.PROPERTY_TENDER_ID, "fra-egenskab"),
            (forms.PROPERTY_FINGERPRINT, "sha256:abc"),
            (forms.PROPERTY_STAMPS, '{"C-3": "s3"}'),
        ],
    )
    assert (metadata.format, metadata.tender_id, metadata.fingerprint) == (
        "procure-form/1",
        "t-1",
        "sha256:abc",
    )
    assert metadata.library_version is None
    assert dict(metadata.stamps) == {"A-1": "s1", "B-2": "", "format": "ikke et felt her"}


@pytest.mark.parametrize(
    "stamps, expected",
    [
        ('{"A-1": "s1", "B-2": 2}', {"A-1": "s1", "B-2": "2"}),
        ("ikke json", {}),
        ('["A-1"]', {}),
    ],
)
def test_stamps_from_the_properties_when_the_sheet_has_none(stamps, expected):
    metadata = _with_metadata(
        None, [(forms.PROPERTY_STAMPS, stamps), (forms.PROPERTY_LIBRARY_VERSION, " 1.0.0 ")]
    )
    assert dict(metadata.stamps) == expected
    assert metadata.library_version == "1.0.0" and metadata.tender_id is None


def test_a_workbook_without_an_answer_table_says_which_columns_it_needs():
    workbook = openpyxl.Workbook()
    workbook.active.append(["Krav-ID", "Svar"])
    with pytest.raises(ProcureError) as caught:
        read_xlsx_response(_bytes(workbook), "forkert.xlsx")
    assert str(caught.value) == (
        "forkert.xlsx: filen indeholder ingen besvarelsestabel: der er ingen række med "
        "kolonnerne »Krav-ID« og »Besvarelse« (eller »Requirement ID« og »Answer«). Brug den "
        "tilbudsliste, der fulgte med udbuddet"
    )


def test_a_file_that_is_no_workbook_says_so_and_names_the_error():
    with pytest.raises(ProcureError) as caught:
        read_xlsx_response(b"not a workbook", "tilbud.xlsx")
    assert str(caught.value) == (
        "tilbud.xlsx: kan ikke læses: den er ikke en gyldig Excel-projektmappe (.xlsx), men "
        "beskadiget eller i et andet format. Gem den igen som .xlsx i Excel, eller bed "
        "leverandøren om en ny fil (BadZipFile)"
    )


def test_the_first_column_of_a_label_counts_and_any_sheet_order_reads():
    workbook = openpyxl.Workbook()
    hidden = workbook.active
    hidden.title = forms.METADATA_SHEET  # the hidden sheet first
    hidden.append(["tender_id", "t-1"])
    ws = workbook.create_sheet("Svar")
    ws.append(["Krav-ID", "Besvarelse", "Besvarelse"])
    ws.append(["A-1", "Opfyldt", "Ikke opfyldt"])
    ws.append(["Noter", "Leverandørens navn", "Rigtig A/S"])
    response = read_xlsx_response(_bytes(workbook), "svar.xlsx")
    assert [(r.requirement_id, r.answer) for r in response.rows] == [
        ("A-1", Answer.MET),
        ("Noter", None),
    ]
    assert response.vendor.name == "Rigtig A/S"
    assert response.metadata.tender_id == "t-1"


def test_the_header_is_found_after_a_number_in_its_row_and_rows_above_it_are_no_answers():
    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.title = "Besvarelse"
    ws.append([None, "Svarark til udbud 2026"])  # a title above, in the id column
    ws.append([None, "FKI-ORG-009", None, None, "Opfyldt"])  # a stray line, still above
    ws.append([2026, "Krav-ID", "Kravtekst", "Kravtype", "Besvarelse"])  # a year before labels
    ws.append([1, "FKI-ORG-001", "Tekst", "MK", "Ikke opfyldt"])
    response = read_xlsx_response(_bytes(workbook), "bud.xlsx")
    assert [(r.requirement_id, r.answer_text, r.location) for r in response.rows] == [
        ("FKI-ORG-001", "Ikke opfyldt", "Besvarelse!E4")
    ]
