"""Reading a vendor's Word response form back: exactly the answers a person sees in Word.

Forms are built with python-docx the way a vendor's Word leaves them, then mutated the way
vendors do: rows reordered, a table split, a column added, cells merged, the answer picked in a
drop-down, typed by hand, changed with track changes on. Each test asserts the exact rows.
"""

from __future__ import annotations

import dataclasses
import io
import json
import random
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from procure import forms
from procure.errors import ProcureError
from procure.forms import Answer
from procure.responses.model import AnswerRow, FormMetadata, VendorInfo, VendorResponse
from procure.responses.reader import read_response
from tests.properties import reads_or_refuses

SOURCE = "leverandør-svar.docx"
TEXT = "Titel\nKravtekst"
DA_HEADER = [forms.HEADER_LABELS["da"][key] for key in forms.COLUMNS]
EN_HEADER = [forms.HEADER_LABELS["en"][key] for key in forms.COLUMNS]
VENDOR = {
    "name": "Leverandør A/S",
    "cvr": "12345678",
    "contact": "Kim Hansen",
    "email": "kim@example.dk",
    "phone": "+45 12 34 56 78",
}


# Building forms --------------------------------------------------------------------------


def form_row(number, requirement_id, answer="Opfyldt", description="", reservation="", kind="MK"):
    """A data row in form column order."""
    return [str(number), requirement_id, TEXT, kind, answer, description, reservation]


def new_document(language: str = "da"):
    """A document with the vendor table first (table 1), as the generated forms have it."""
    document = Document()
    document.add_paragraph("Svarblanket" if language == "da" else "Response form")
    vendor = document.add_table(rows=0, cols=2)
    for key in forms.VENDOR_FIELDS:
        cells = vendor.add_row().cells
        cells[0].text = forms.VENDOR_LABELS[language][key]
        cells[1].text = VENDOR[key]
    document.add_paragraph("")
    return document


def add_table(container, header: list[str] | None, rows: list[list[str]]):
    """A table with an optional header row; `container` is the document or a cell."""
    width = len(header) if header else len(rows[0])
    table = container.add_table(rows=0, cols=width)
    for values in ([header] if header else []) + rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            cell.text = value
    return table


def save(document, properties: dict[str, str] | None = None) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    return data if properties is None else with_custom_properties(data, properties)


def with_custom_properties(data: bytes, properties: dict[str, str]) -> bytes:
    """The package with docProps/custom.xml, as the documents layer writes the stamps."""
    props = "".join(
        f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{pid}" '
        f'name="{name}"><vt:lpwstr>{escape(value)}</vt:lpwstr></property>'
        for pid, (name, value) in enumerate(properties.items(), start=2)
    )
    custom = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'docPropsVTypes">{props}</Properties>'
    )
    relationship = (
        '<Relationship Id="rIdCustom" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>'
    )
    override = (
        '<Override PartName="/docProps/custom.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>'
    )
    return rewrite_members(
        data,
        {
            "_rels/.rels": lambda xml: xml.replace("</Relationships>", relationship),
            "[Content_Types].xml": lambda xml: xml.replace("</Types>", override),
        },
        add={"docProps/custom.xml": custom},
    )


def rewrite_members(data: bytes, edits: dict, add: dict[str, str] | None = None) -> bytes:
    """The package with some members' text rewritten by functions, and members added."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename in edits:
                content = edits[info.filename](content.decode("utf-8")).encode("utf-8")
            target.writestr(info.filename, content, zipfile.ZIP_DEFLATED)
        for name, text in (add or {}).items():
            target.writestr(name, text.encode("utf-8"), zipfile.ZIP_DEFLATED)
    return out.getvalue()


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def replace_cell_xml(cell, body_xml: str) -> None:
    """Replace the cell's content (not its properties) with WordprocessingML block content."""
    tc = cell._tc
    for child in list(tc):
        if child.tag != qn("w:tcPr"):
            tc.remove(child)
    wrapper = parse_xml(f"<w:body {nsdecls('w')}>{body_xml}</w:body>")
    for child in list(wrapper):
        tc.append(child)


def expected(
    requirement_id: str,
    location: str,
    answer_text: str = "Opfyldt",
    answer: Answer | None = Answer.MET,
    description: str = "",
    reservation: str = "",
    requirement_text: str | None = TEXT,
    kind_text: str | None = "MK",
) -> AnswerRow:
    return AnswerRow(
        requirement_id=requirement_id,
        answer_text=answer_text,
        answer=answer,
        description=description,
        reservation=reservation,
        requirement_text=requirement_text,
        kind_text=kind_text,
        location=location,
    )


def read(data: bytes) -> VendorResponse:
    """The response with each row's position as the officer reads it in Danish."""
    response = read_response(data, SOURCE)
    rows = tuple(dataclasses.replace(r, location=str(r.location)) for r in response.rows)
    return dataclasses.replace(response, rows=rows)


def dropdown(chosen: str, placeholder: bool = False, inline: bool = False) -> str:
    """An answer drop-down content control showing `chosen` (or its placeholder text)."""
    items = "".join(
        f'<w:listItem w:displayText="{label}" w:value="{label}"/>'
        for label in forms.ANSWER_LABELS["da"].values()
    )
    properties = (
        '<w:sdtPr><w:alias w:val="Besvarelse"/><w:tag w:val="answer"/>'
        + ("<w:showingPlcHdr/>" if placeholder else "")
        + f"<w:dropDownList>{items}</w:dropDownList></w:sdtPr>"
    )
    run = f"<w:r><w:t>{chosen}</w:t></w:r>"
    if inline:  # as LibreOffice re-saves it: the control inside the paragraph
        return f"<w:p><w:sdt>{properties}<w:sdtContent>{run}</w:sdtContent></w:sdt></w:p>"
    return f"<w:sdt>{properties}<w:sdtContent><w:p>{run}</w:p></w:sdtContent></w:sdt>"


# The plain form --------------------------------------------------------------------------


def test_plain_form_reads_every_row_vendor_and_stamps():
    document = new_document()
    add_table(
        document,
        DA_HEADER,
        [
            form_row(1, "SIK-1", "Opfyldt", "Vi logger alt.", ""),
            form_row(2, "SIK-2", "Delvist opfyldt", "Delvist.", "Kræver tilkøb: 10.000 kr.", "PK"),
            form_row(3, "SIK-3", "Ikke opfyldt"),
        ],
    )
    stamps = {"SIK-1": "aaa", "SIK-2": "bbb", "SIK-3": "ccc"}
    data = save(
        document,
        {
            forms.PROPERTY_FORMAT: "procure-docx-1",
            forms.PROPERTY_TENDER_ID: "T-2025-7",
            forms.PROPERTY_LIBRARY_VERSION: "1.10",
            forms.PROPERTY_FINGERPRINT: "f00d",
            forms.PROPERTY_STAMPS: json.dumps(stamps),
        },
    )

    response = read(data)

    assert response.source == SOURCE
    assert response.file_format == "docx"
    assert response.vendor == VendorInfo(**VENDOR)
    assert response.metadata.format == "procure-docx-1"
    assert response.metadata.tender_id == "T-2025-7"
    assert response.metadata.library_version == "1.10"
    assert response.metadata.fingerprint == "f00d"
    assert dict(response.metadata.stamps) == stamps
    assert response.rows == (
        expected("SIK-1", "tabel 2, række 2", description="Vi logger alt."),
        expected(
            "SIK-2",
            "tabel 2, række 3",
            "Delvist opfyldt",
            Answer.PARTLY,
            "Delvist.",
            "Kræver tilkøb: 10.000 kr.",
            kind_text="PK",
        ),
        expected("SIK-3", "tabel 2, række 4", "Ikke opfyldt", Answer.NOT_MET),
    )


def test_missing_or_broken_stamps_give_empty_metadata():
    document = new_document()
    add_table(document, DA_HEADER, [form_row(1, "A-1")])
    assert read(save(document)).metadata == FormMetadata()

    broken = read(save(document, {forms.PROPERTY_TENDER_ID: "T-1", forms.PROPERTY_STAMPS: "{"}))
    assert broken.metadata.tender_id == "T-1"
    assert dict(broken.metadata.stamps) == {}

    not_a_mapping = read(save(document, {forms.PROPERTY_STAMPS: "[1, 2]"}))
    assert dict(not_a_mapping.metadata.stamps) == {}

    deep = read(save(document, {forms.PROPERTY_STAMPS: "[" * 100_000}))
    assert dict(deep.metadata.stamps) == {}


def test_english_form():
    document = new_document("en")
    add_table(
        document,
        EN_HEADER,
        [form_row(1, "A-1", "Partly met", "Some of it"), form_row(2, "A-2", "not MET")],
    )
    response = read(save(document))
    assert response.vendor == VendorInfo(**VENDOR)
    assert response.rows == (
        expected("A-1", "tabel 2, række 2", "Partly met", Answer.PARTLY, "Some of it"),
        expected("A-2", "tabel 2, række 3", "not MET", Answer.NOT_MET),
    )


# Vendors' edits ----------------------------------------------------------------------------


def test_reordered_rows_are_kept_in_file_order_by_id():
    document = new_document()
    add_table(document, DA_HEADER, [form_row(2, "B-2", "Ikke opfyldt"), form_row(1, "A-1")])
    assert read(save(document)).rows == (
        expected("B-2", "tabel 2, række 2", "Ikke opfyldt", Answer.NOT_MET),
        expected("A-1", "tabel 2, række 3"),
    )


def test_rows_split_across_two_tables_with_and_without_a_repeated_header():
    document = new_document()
    add_table(document, DA_HEADER, [form_row(1, "A-1")])
    document.add_paragraph("")
    add_table(document, DA_HEADER, [form_row(2, "A-2", "Ikke opfyldt")])
    document.add_paragraph("")
    # Word's "split table": the second half has no header row of its own.
    add_table(document, None, [form_row(3, "A-3", "Delvist opfyldt")])
    document.add_paragraph("Bilag")
    add_table(document, None, [["x"] * 6])  # another width: not a continuation
    assert read(save(document)).rows == (
        expected("A-1", "tabel 2, række 2"),
        expected("A-2", "tabel 3, række 2", "Ikke opfyldt", Answer.NOT_MET),
        expected("A-3", "tabel 4, række 1", "Delvist opfyldt", Answer.PARTLY),
    )


def test_columns_are_found_by_label_not_position():
    header = [
        "Krav-ID",
        "Besvarelse",
        "Bemærkning",  # a column the vendor added
        "Forbehold og pris",
        "  LEVERANDØRENS\nbeskrivelse ",
    ]
    document = new_document()
    add_table(document, header, [["A-1", " Opfyldt", "ekstra", "Pris 5 kr.", "Sådan"]])
    assert read(save(document)).rows == (
        expected(
            "A-1",
            "tabel 2, række 2",
            description="Sådan",
            reservation="Pris 5 kr.",
            requirement_text=None,
            kind_text=None,
        ),
    )


def test_merged_cells_in_heading_rows_and_answer_rows():
    document = new_document()
    table = add_table(
        document,
        DA_HEADER,
        [[""] * 7, form_row(1, "A-1", "Opfyldt", "", "Intet"), form_row(2, "A-2", "Opfyldt")],
    )
    # A heading row spanning the whole width counts once, in grid column 0 (Kravnr): no id.
    table.cell(1, 0).merge(table.cell(1, 6)).text = "Område: Sikkerhed"
    # Description and reservation merged in an answer row: the text counts once, in the
    # description column where the merged cell starts.
    table.cell(2, 5).merge(table.cell(2, 6)).text = "Fælles beskrivelse"
    assert read(save(document)).rows == (
        expected("A-1", "tabel 2, række 3", description="Fælles beskrivelse"),
        expected("A-2", "tabel 2, række 4"),
    )


def test_vertically_merged_cells_read_in_every_row_but_never_repeat_an_id():
    document = new_document()
    table = add_table(
        document,
        DA_HEADER,
        [form_row(1, "A-1", "Opfyldt", "Samme løsning"), form_row(2, "A-2"), [""] * 7],
    )
    shared = table.cell(1, 5).merge(table.cell(2, 5))
    shared.text = "Samme løsning"
    # An extra row under A-2 with its id cell merged down: an extra row, not a second A-2.
    table.cell(2, 1).merge(table.cell(3, 1)).text = "A-2"
    table.cell(3, 4).text = "Ikke opfyldt"
    assert read(save(document)).rows == (
        expected("A-1", "tabel 2, række 2", description="Samme løsning"),
        expected("A-2", "tabel 2, række 3", description="Samme løsning"),
    )


def test_answer_in_a_dropdown_content_control():
    document = new_document()
    table = add_table(
        document,
        DA_HEADER,
        [form_row(1, "A-1", ""), form_row(2, "A-2", ""), form_row(3, "A-3", "")],
    )
    replace_cell_xml(table.cell(1, 4), dropdown("Delvist opfyldt"))
    replace_cell_xml(table.cell(2, 4), dropdown("Ikke opfyldt", inline=True))
    replace_cell_xml(table.cell(3, 4), dropdown("Vælg et element.", placeholder=True))
    data = save(document)

    # python-docx's .text drops the control's text: the reason this reader reads the XML.
    assert Document(io.BytesIO(data)).tables[1].cell(1, 4).text == ""
    assert read(data).rows == (
        expected("A-1", "tabel 2, række 2", "Delvist opfyldt", Answer.PARTLY),
        expected("A-2", "tabel 2, række 3", "Ikke opfyldt", Answer.NOT_MET),
        expected("A-3", "tabel 2, række 4", "", None),
    )


def test_answer_typed_by_hand_with_odd_case_and_spacing():
    document = new_document()
    add_table(document, DA_HEADER, [form_row(1, "  A-1 ", " OPFYLDT "), form_row(2, "A-2", "")])
    assert read(save(document)).rows == (
        expected("A-1", "tabel 2, række 2", "OPFYLDT", Answer.MET),
        expected("A-2", "tabel 2, række 3", "", None),
    )


def test_tracked_changes_read_as_accepted():
    document = new_document()
    table = add_table(document, DA_HEADER, [form_row(1, "A-1", ""), form_row(2, "A-2", "")])
    stamp = 'w:author="Leverandør" w:date="2025-01-02T03:04:05Z"'
    replace_cell_xml(
        table.cell(1, 4),
        f'<w:p><w:del w:id="1" {stamp}><w:r><w:delText>Ikke opfyldt</w:delText></w:r></w:del>'
        f'<w:ins w:id="2" {stamp}><w:r><w:t>Opfyldt</w:t></w:r></w:ins></w:p>',
    )
    # A whole deleted paragraph (its mark deleted too) and a field: only the result counts.
    replace_cell_xml(
        table.cell(2, 4),
        f'<w:p><w:pPr><w:rPr><w:del w:id="3" {stamp}/></w:rPr></w:pPr>'
        f'<w:del w:id="4" {stamp}><w:r><w:delText>Opfyldt</w:delText></w:r></w:del></w:p>'
        f'<w:p><w:ins w:id="5" {stamp}><w:r><w:t>Ikke </w:t></w:r></w:ins>'
        "<w:r><w:t>opfyldt</w:t></w:r></w:p>",
    )
    replace_cell_xml(
        table.cell(2, 5),
        '<w:p><w:r><w:t xml:space="preserve">Se side </w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
    )
    data = save(document)

    assert Document(io.BytesIO(data)).tables[1].cell(1, 4).text == ""  # python-docx drops w:ins
    assert read(data).rows == (
        expected("A-1", "tabel 2, række 2"),
        expected("A-2", "tabel 2, række 3", "Ikke opfyldt", Answer.NOT_MET, "Se side 3"),
    )


def test_deleted_row_and_rows_in_a_repeating_section():
    document = new_document()
    table = add_table(
        document, DA_HEADER, [form_row(1, "A-1"), form_row(2, "A-2"), form_row(3, "A-3")]
    )
    stamp = 'w:id="9" w:author="L" w:date="2025-01-02T03:04:05Z"'
    table.rows[1]._tr.get_or_add_trPr().append(parse_xml(f"<w:del {nsdecls('w')} {stamp}/>"))
    # A repeating-section content control wraps the last row.
    last = table.rows[3]._tr
    sdt = parse_xml(f"<w:sdt {nsdecls('w')}><w:sdtPr/><w:sdtContent/></w:sdt>")
    last.addprevious(sdt)
    sdt[1].append(last)
    assert read(save(document)).rows == (
        expected("A-2", "tabel 2, række 3"),
        expected("A-3", "tabel 2, række 4"),
    )


def test_unrecognised_answer_is_kept_as_written():
    document = new_document()
    add_table(document, DA_HEADER, [form_row(1, "A-1", "Ja"), form_row(2, "A-2", "Opfyldt\n")])
    assert read(save(document)).rows == (
        expected("A-1", "tabel 2, række 2", "Ja", None),
        expected("A-2", "tabel 2, række 3"),
    )


def test_extra_rows_and_a_title_row_above_the_header():
    document = new_document()
    table = add_table(
        document,
        None,
        [
            ["Kravspecifikation"] + [""] * 6,
            DA_HEADER,
            form_row(1, "A-1"),
            ["", "", "", "", "Opfyldt", "en løs bemærkning", ""],
            [""] * 7,
        ],
    )
    table.cell(0, 0).merge(table.cell(0, 6)).text = "Kravspecifikation"
    assert read(save(document)).rows == (expected("A-1", "tabel 2, række 3"),)


def test_response_table_nested_in_a_layout_table():
    document = new_document()
    layout = document.add_table(rows=1, cols=1)
    add_table(layout.cell(0, 0), DA_HEADER, [form_row(1, "A-1", "Ikke opfyldt")])
    assert read(save(document)).rows == (
        expected("A-1", "tabel 3, række 2", "Ikke opfyldt", Answer.NOT_MET),
    )


def test_a_nested_table_in_a_description_is_not_part_of_the_cell_text():
    document = new_document()
    table = add_table(document, DA_HEADER, [form_row(1, "A-1", "Opfyldt", "Se tabellen")])
    add_table(table.cell(1, 5), None, [["pris", "10 kr."]])
    assert read(save(document)).rows == (
        expected("A-1", "tabel 2, række 2", description="Se tabellen"),
    )


def test_no_response_table_is_one_clear_error():
    document = new_document()
    add_table(document, ["Krav", "Svar"], [["A-1", "Opfyldt"]])
    with pytest.raises(ProcureError) as caught:
        read(save(document))
    assert str(caught.value) == (
        f"{SOURCE}: der er ingen tabel med kolonnerne Krav-ID og Besvarelse (eller Requirement "
        "ID og Answer); brug den svarblanket, der fulgte med udbuddet, og behold dens "
        "overskriftsrække"
    )


def test_broken_document_xml_names_the_part():
    document = new_document()
    add_table(document, DA_HEADER, [form_row(1, "A-1")])
    data = rewrite_members(save(document), {"word/document.xml": lambda xml: xml[:-20]})
    with pytest.raises(ProcureError) as caught:
        read(data)
    message = str(caught.value)
    assert message.startswith(f"{SOURCE}: Word-dokumentets indhold (word/document.xml) er ikke")


@pytest.mark.office
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_dropdown_answers_survive_a_libreoffice_resave(tmp_path: Path):
    document = new_document()
    table = add_table(document, DA_HEADER, [form_row(1, "A-1", ""), form_row(2, "A-2", "")])
    replace_cell_xml(table.cell(1, 4), dropdown("Delvist opfyldt"))
    replace_cell_xml(table.cell(2, 4), dropdown("Vælg et element.", placeholder=True))
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "form.docx").write_bytes(save(document))
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(tmp_path / "out"),
            str(tmp_path / "in" / "form.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    response = read((tmp_path / "out" / "form.docx").read_bytes())
    assert response.vendor == VendorInfo(**VENDOR)
    assert [(row.requirement_id, row.answer) for row in response.rows] == [
        ("A-1", Answer.PARTLY),
        ("A-2", None),
    ]


# Fuzzing -----------------------------------------------------------------------------------


def small_form() -> bytes:
    document = new_document()
    table = add_table(
        document, DA_HEADER, [form_row(1, "A-1", ""), form_row(2, "A-2", "Ikke opfyldt")]
    )
    replace_cell_xml(table.cell(1, 4), dropdown("Opfyldt"))
    return save(document, {forms.PROPERTY_STAMPS: '{"A-1": "x"}'})


SMALL_FORM = small_form()
with zipfile.ZipFile(io.BytesIO(SMALL_FORM)) as _package:
    SMALL_DOCUMENT_XML = _package.read("word/document.xml").decode("utf-8")

byte_edits = st.lists(
    st.tuples(
        st.sampled_from(["flip", "delete", "insert", "truncate"]),
        st.integers(min_value=0, max_value=len(SMALL_FORM)),
        st.binary(min_size=1, max_size=8),
    ),
    min_size=1,
    max_size=6,
)
XML_FRAGMENTS = [
    "<",
    ">",
    "&",
    "&amp;",
    '"',
    "</w:tc>",
    "<w:tc>",
    "</w:tr>",
    "<w:tr>",
    "<w:tbl>",
    "</w:tbl>",
    '<w:gridSpan w:val="-3"/>',
    '<w:gridSpan w:val="99999999999999999999"/>',
    '<w:gridBefore w:val="x"/>',
    "<w:vMerge/>",
    '<w:hMerge w:val="continue"/>',
    "<w:showingPlcHdr/>",
    "<w:sdt><w:sdtContent>",
    "</w:sdtContent></w:sdt>",
    "<!DOCTYPE x>",
    "\x00",
    "é",
    "Krav-ID",
    "Besvarelse",
]
xml_edits = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=len(SMALL_DOCUMENT_XML)),
        st.integers(min_value=0, max_value=40),
        st.one_of(st.sampled_from(XML_FRAGMENTS), st.text(max_size=5)),
    ),
    min_size=1,
    max_size=6,
)


def apply_byte_edits(data: bytes, edits) -> bytes:
    buffer = bytearray(data)
    for kind, offset, payload in edits:
        offset = min(offset, len(buffer))
        if kind == "flip" and offset < len(buffer):
            buffer[offset] ^= payload[0] or 0xFF
        elif kind == "delete":
            del buffer[offset : offset + len(payload)]
        elif kind == "insert":
            buffer[offset:offset] = payload
        elif kind == "truncate":
            del buffer[offset:]
    return bytes(buffer)


def assert_reads_or_refuses(data: bytes) -> None:
    """A response, or a refusal that is one short line naming the file (tests/properties.py),
    within 5 s of CPU time."""
    result = reads_or_refuses(read_response, data, "x.docx", source="x.docx")
    assert isinstance(result, VendorResponse | ProcureError)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(byte_edits)
def test_mutated_bytes_read_or_give_a_procure_error(edits):
    assert_reads_or_refuses(apply_byte_edits(SMALL_FORM, edits))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(xml_edits)
def test_mutated_document_xml_reads_or_gives_a_procure_error(edits):
    xml = SMALL_DOCUMENT_XML
    for offset, delete, insert in edits:
        offset = min(offset, len(xml))
        xml = xml[:offset] + insert + xml[offset + delete :]
    data = rewrite_members(SMALL_FORM, {"word/document.xml": lambda _: xml})
    assert_reads_or_refuses(data)


def test_random_garbage_in_many_shapes_never_escapes():
    generator = random.Random(7)
    for _ in range(200):
        size = generator.randrange(0, 3000)
        data = generator.randbytes(size)
        if generator.random() < 0.5:
            data = SMALL_FORM[: generator.randrange(len(SMALL_FORM))] + data
        assert_reads_or_refuses(data)
