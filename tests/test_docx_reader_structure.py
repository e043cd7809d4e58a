"""The Word reader on document structures Word, LibreOffice and hand-edited files produce:
Strict Open XML, a main part found through the package relationships, merged and skipped grid
columns, nested and split tables, wrappers around rows and paragraphs, moved and deleted text.

Each test writes the WordprocessingML itself, so the structure is exactly the one named, and
asserts the rows, texts or message an officer gets (mutation testing, docs/testing.md, showed
these paths were read by no other test).
"""

from __future__ import annotations

import io
import zipfile

import pytest
from docx import Document
from lxml import etree

from procure import forms
from procure.errors import ProcureError
from procure.forms import Answer
from procure.responses import docx_reader
from procure.responses.reader import read_response

SOURCE = "bud.docx"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STRICT_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
HEADER = [forms.HEADER_LABELS["da"][key] for key in forms.COLUMNS]
OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)
CUSTOM_PROPERTIES = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
)


# Building documents from WordprocessingML --------------------------------------------------


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def paragraph(text: str) -> str:
    return f"<w:p>{run(text)}</w:p>"


def cell(text: str = "", properties: str = "", body: str | None = None) -> str:
    """A cell without w:tcPr unless `properties` is given (Word may leave it out)."""
    content = paragraph(text) if body is None else body
    return f"<w:tc>{properties}{content}</w:tc>"


def row(*cells: str, properties: str = "") -> str:
    return f"<w:tr>{properties}{''.join(cells)}</w:tr>"


def plain(values) -> str:
    return row(*(cell(value) for value in values))


def table(*rows: str, width: int = 7) -> str:
    return f"<w:tbl><w:tblGrid>{'<w:gridCol/>' * width}</w:tblGrid>{''.join(rows)}</w:tbl>"


def answer_row(number, requirement_id, answer="Opfyldt", description="", reservation=""):
    return [str(number), requirement_id, "Kravtekst", "MK", answer, description, reservation]


def members_of(body: str, namespace: str = W_NS) -> dict[str, bytes]:
    """A python-docx package whose main part is replaced by a body of our own."""
    buffer = io.BytesIO()
    Document().save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members["word/document.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{namespace}" xmlns:mc="{MC_NS}"><w:body>{body}</w:body>'
        "</w:document>"
    ).encode()
    return members


def package(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


def docx(body: str, namespace: str = W_NS) -> bytes:
    return package(members_of(body, namespace))


def read(data: bytes):
    return read_response(data, SOURCE)


def ids_and_answers(data: bytes) -> list[tuple[str, str]]:
    return [(r.requirement_id, r.answer_text) for r in read(data).rows]


def refusal(data: bytes) -> str:
    with pytest.raises(ProcureError) as caught:
        read(data)
    return str(caught.value)


def relationships(*elements: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships '
        'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(elements)
        + "</Relationships>"
    ).encode()


FORM = table(plain(HEADER), plain(answer_row(1, "A-1")), plain(answer_row(2, "A-2", "Nej")))
FORM_ROWS = [("A-1", "Opfyldt"), ("A-2", "Nej")]


# The document ------------------------------------------------------------------------------


def test_a_form_saved_as_strict_open_xml_reads_like_a_transitional_one():
    assert ids_and_answers(docx(FORM, STRICT_NS)) == FORM_ROWS
    assert ids_and_answers(docx(FORM, W_NS)) == FORM_ROWS


def test_a_document_in_an_unknown_namespace_has_no_response_table():
    assert refusal(docx(FORM, "urn:ikke-word")) == (
        "bud.docx: der er ingen tabel med kolonnerne Krav-ID og Besvarelse (eller Requirement "
        "ID og Answer); brug den svarblanket, der fulgte med udbuddet, og behold dens "
        "overskriftsrække"
    )


MISSING_MAIN = (
    "bud.docx: filen er et Word-dokument uden hoveddokument (word/document.xml); gem den igen "
    "i Word"
)


def test_a_package_without_its_main_document_is_named_so():
    members = members_of(FORM)
    del members["word/document.xml"]
    assert refusal(package(members)) == MISSING_MAIN


def test_relationships_pointing_to_a_missing_or_empty_target_give_the_same_message():
    for target in ('Target="word/mangler.xml"', ""):
        members = members_of(FORM)
        del members["word/document.xml"]
        members["_rels/.rels"] = relationships(
            f'<Relationship Id="rId1" Type="{OFFICE_DOCUMENT}" {target}/>'
        )
        assert refusal(package(members)) == MISSING_MAIN


def test_the_main_part_is_found_where_the_relationships_point_whatever_the_case():
    members = members_of(FORM)
    members["XML/hoved.xml"] = members.pop("word/document.xml")
    members["_rels/.rels"] = relationships(
        # skipped: an external target, a relationship without a type, an element that is
        # no relationship; then the main part, named in other letter case than stored
        f'<Relationship Id="rId7" Type="{OFFICE_DOCUMENT}" Target="https://example.com/x.xml" '
        'TargetMode="External"/>',
        '<Relationship Id="rId8" Target="word/andet.xml"/>',
        f'<x:note xmlns:x="urn:x" Type="{OFFICE_DOCUMENT}" Target="word/andet.xml"/>',
        f'<Relationship Id="rId1" Type="{OFFICE_DOCUMENT}" Target="/xml/HOVED.xml"/>',
    )
    members["word/andet.xml"] = members_of(table(plain(HEADER), plain(answer_row(1, "X-9"))))[
        "word/document.xml"
    ]
    assert ids_and_answers(package(members)) == FORM_ROWS


def test_a_main_part_whose_name_starts_with_a_capital_x_is_found():
    members = members_of(FORM)
    members["Xdok/main.xml"] = members.pop("word/document.xml")
    members["_rels/.rels"] = relationships(
        f'<Relationship Id="rId1" Type="{OFFICE_DOCUMENT}" Target="/Xdok/main.xml"/>'
    )
    assert ids_and_answers(package(members)) == FORM_ROWS


def test_stamps_skip_foreign_elements_and_join_a_value_split_by_a_comment():
    members = members_of(FORM)
    members["_rels/.rels"] = relationships(
        f'<Relationship Id="rId1" Type="{OFFICE_DOCUMENT}" Target="word/document.xml"/>',
        f'<Relationship Id="rId9" Type="{CUSTOM_PROPERTIES}" Target="docProps/egne.xml"/>',
    )
    members["docProps/egne.xml"] = (
        b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'docPropsVTypes"><x:note xmlns:x="urn:x" name="procure_tender_id">forkert</x:note>'
        b'<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" '
        b'name="procure_tender_id"><vt:lpwstr>udbud-<!-- redigeret -->2026</vt:lpwstr>'
        b"</property></Properties>"
    )
    assert read(package(members)).metadata.tender_id == "udbud-2026"


def test_broken_xml_names_the_part_and_what_is_wrong_without_the_parsers_suffix():
    members = members_of(FORM)
    members["word/document.xml"] = b'<w:document xmlns:w="' + W_NS.encode() + b'"><w:body>'
    assert refusal(package(members)) == (
        "bud.docx: Word-dokumentets indhold (word/document.xml) er ikke gyldig XML (Premature "
        "end of data in tag body line 1, line 1, column 92); gem filen igen i Word"
    )


def test_a_long_parser_message_is_cut_to_120_characters():
    members = members_of(FORM)
    tag = "x" * 200
    members["word/document.xml"] = f"<{tag}></y>".encode()
    message = refusal(package(members))
    reason = message.split("er ikke gyldig XML (", 1)[1].removesuffix("); gem filen igen i Word")
    assert reason == ("Opening and ending tag mismatch: " + tag)[:117] + "..."
    assert len(reason) == 120


def test_a_parser_error_without_a_message_says_invalid_xml(monkeypatch):
    def fails(raw, parser):
        raise etree.XMLSyntaxError("", 0, 1, 1)

    monkeypatch.setattr(docx_reader.etree, "fromstring", fails)
    with pytest.raises(ProcureError) as caught:
        docx_reader._parse(b"<a/>", "word/document.xml", SOURCE)
    assert str(caught.value) == (
        "bud.docx: Word-dokumentets indhold (word/document.xml) er ikke gyldig XML (ugyldig XML); "
        "gem filen igen i Word"
    )


# Tables ------------------------------------------------------------------------------------


def nested(*ids: str) -> str:
    """A cell body holding a table as wide as the form, with rows that look like answers."""
    rows = "".join(plain(answer_row(9, rid, "Ikke opfyldt")) for rid in ids)
    return paragraph("Se tabellen:") + table(rows) + "<w:p/>"


def test_tables_nested_in_answer_cells_are_never_read_as_answers_nor_break_a_split():
    first = table(
        plain(HEADER),
        row(*(cell(v) for v in answer_row(1, "A-1")[:5]), cell(body=nested("N-1")), cell("")),
    )
    # the form split in two: the second part has no header and a nested table of its own
    second = table(
        row(*(cell(v) for v in answer_row(2, "A-2")[:5]), cell(body=nested("N-2")), cell("")),
    )
    third = table(plain(answer_row(3, "A-3", "Delvist opfyldt")))
    body = first + paragraph("") + second + paragraph("") + third
    rows = read(docx(body)).rows
    assert [(r.requirement_id, r.answer_text) for r in rows] == [
        ("A-1", "Opfyldt"),
        ("A-2", "Opfyldt"),
        ("A-3", "Delvist opfyldt"),
    ]
    assert rows[0].description == "Se tabellen:"


def test_a_list_of_requirements_without_an_answer_column_is_not_a_response_table():
    annex = table(
        plain([forms.HEADER_LABELS["da"]["id"], forms.HEADER_LABELS["da"]["text"]]),
        plain(["A-1", "Kravtekst"]),
        plain(["A-9", "Kravtekst"]),
        width=2,
    )
    assert ids_and_answers(docx(annex + FORM)) == FORM_ROWS
    assert "der er ingen tabel med kolonnerne Krav-ID og Besvarelse" in refusal(docx(annex))


def test_a_repeated_column_label_counts_once_at_its_first_column():
    header = plain([*HEADER, forms.HEADER_LABELS["da"]["answer"]])
    data = docx(table(header, plain([*answer_row(1, "A-1"), "Ikke opfyldt"]), width=8))
    (only,) = read(data).rows
    assert (only.requirement_id, only.answer_text, only.answer) == ("A-1", "Opfyldt", Answer.MET)


def test_a_cell_spanning_two_columns_keeps_the_later_columns_in_place():
    span = '<w:tcPr><w:gridSpan w:val="2"/></w:tcPr>'
    values = answer_row(1, "A-1", "Ikke opfyldt", "Beskrivelse", "Forbehold")
    merged = row(
        cell(values[0]), cell(values[1]), cell("Kravtekst og art", span), *map(cell, values[4:])
    )
    (only,) = read(docx(table(plain(HEADER), merged))).rows
    assert (only.requirement_text, only.kind_text) == ("Kravtekst og art", "")
    assert (only.answer_text, only.description, only.reservation) == (
        "Ikke opfyldt",
        "Beskrivelse",
        "Forbehold",
    )


def test_cell_properties_after_the_paragraph_still_count():
    late = f'<w:tc>{paragraph("Kravtekst og art")}<w:tcPr><w:gridSpan w:val="2"/></w:tcPr></w:tc>'
    values = answer_row(1, "A-1", "Ikke opfyldt", "Beskrivelse")
    merged = row(cell(values[0]), cell(values[1]), late, *map(cell, values[4:]))
    (only,) = read(docx(table(plain(HEADER), merged))).rows
    assert (only.answer_text, only.description, only.kind_text) == (
        "Ikke opfyldt",
        "Beskrivelse",
        "",
    )


def test_an_empty_cell_element_reads_as_an_empty_cell():
    values = answer_row(1, "A-1", "Opfyldt")
    bare = row(*(cell(v) for v in values[:5]), "<w:tc/>", cell("Forbehold"))
    (only,) = read(docx(table(plain(HEADER), bare))).rows
    assert (only.description, only.reservation) == ("", "Forbehold")


def test_a_row_starting_one_grid_column_in_reads_under_the_right_headers():
    skip = '<w:trPr><w:gridBefore w:val="1"/></w:trPr>'
    header = row(*(cell(label) for label in HEADER), properties=skip)
    data = plain(["", *answer_row(1, "A-1", "Delvist opfyldt")])
    (only,) = read(docx(table(header, data, width=8))).rows
    assert (only.requirement_id, only.answer_text, only.kind_text) == (
        "A-1",
        "Delvist opfyldt",
        "MK",
    )


def test_a_restarted_horizontal_merge_keeps_its_text():
    restart = '<w:tcPr><w:hMerge w:val="restart"/></w:tcPr>'
    continued = "<w:tcPr><w:hMerge/></w:tcPr>"
    values = answer_row(1, "A-1", "Ikke opfyldt")
    merged = row(
        cell(values[0]),
        cell(values[1]),
        cell("Kravtekst over to kolonner", restart),
        cell("", continued),
        *map(cell, values[4:]),
    )
    (only,) = read(docx(table(plain(HEADER), merged))).rows
    assert (only.requirement_text, only.kind_text, only.answer_text) == (
        "Kravtekst over to kolonner",
        "",
        "Ikke opfyldt",
    )


def test_a_merge_continued_with_nothing_above_reads_as_empty():
    continued = "<w:tcPr><w:vMerge/></w:tcPr>"
    first = table(plain(HEADER), plain(answer_row(1, "A-1", "Opfyldt", "Beskrevet")))
    # the split-off part starts with a cell continuing a merge from the part above
    values = answer_row(2, "A-2")
    second = table(row(*(cell(v) for v in values[:5]), cell("", continued), cell(values[6])))
    rows = read(docx(first + paragraph("") + second)).rows
    assert [(r.requirement_id, r.description) for r in rows] == [("A-1", "Beskrevet"), ("A-2", "")]


def test_vendor_fields_below_a_wider_row_and_a_merged_value_are_read():
    continued = "<w:tcPr><w:vMerge/></w:tcPr>"
    labels = forms.VENDOR_LABELS["da"]
    vendor = table(
        plain(["Leverandør", "Oplysning", "Bemærkning"]),
        plain([labels["name"], "Rigtig A/S", ""]),
        row(cell(labels["name"]), cell("Rigtig A/S")),
        row(cell(labels["cvr"]), cell("", continued)),
        width=3,
    )
    later = table(row(cell(labels["cvr"]), cell("12345678")), width=2)
    info = read(docx(vendor + later + FORM)).vendor
    assert (info.name, info.cvr) == ("Rigtig A/S", "12345678")


# Wrappers and text -------------------------------------------------------------------------


def test_rows_inside_custom_xml_and_a_two_level_repeating_section_are_read():
    wrapped = (
        '<w:customXml w:element="krav"><w:customXmlPr/>'
        + plain(answer_row(1, "A-1"))
        + "</w:customXml>"
    )
    repeating = (
        "<w:sdt><w:sdtPr/><w:sdtContent><w:sdt><w:sdtPr/><w:sdtContent>"
        + plain(answer_row(2, "A-2", "Ikke opfyldt"))
        + "</w:sdtContent></w:sdt></w:sdtContent></w:sdt>"
    )
    assert ids_and_answers(docx(table(plain(HEADER), wrapped, repeating))) == [
        ("A-1", "Opfyldt"),
        ("A-2", "Ikke opfyldt"),
    ]


def test_paragraphs_in_block_wrappers_belong_to_their_cell():
    stamp = 'w:id="1" w:author="L" w:date="2026-01-02T03:04:05Z"'
    values = answer_row(1, "A-1")
    data_row = row(
        *(cell(v) for v in values[:4]),
        cell(body=f"<w:moveTo {stamp}>{paragraph('Delvist opfyldt')}</w:moveTo>"),
        cell(body=f'<w:customXml w:element="b"><w:customXmlPr/>{paragraph("Egen")}</w:customXml>'),
        cell(body=f"<w:ins {stamp}>{paragraph('Tilføjet')}</w:ins>"),
    )
    (only,) = read(docx(table(plain(HEADER), data_row))).rows
    assert (only.answer_text, only.description, only.reservation) == (
        "Delvist opfyldt",
        "Egen",
        "Tilføjet",
    )


def test_paragraphs_without_properties_are_separate_lines():
    values = answer_row(1, "A-1")
    description = cell(body=paragraph("Linje 1") + paragraph("Linje 2"))
    data_row = row(*(cell(v) for v in values[:5]), description, cell(""))
    (only,) = read(docx(table(plain(HEADER), data_row))).rows
    assert only.description == "Linje 1\nLinje 2"


def test_moved_away_deleted_and_fallback_text_is_not_read_once_text_is():
    stamp = 'w:id="1" w:author="L" w:date="2026-01-02T03:04:05Z"'
    answer = (
        f"<w:p><w:moveFrom {stamp}>{run('Ikke opfyldt')}</w:moveFrom>"
        f"<w:moveTo {stamp}>{run('Opfyldt')}</w:moveTo></w:p>"
    )
    description = (
        f"<w:p><w:del {stamp}><w:r><w:t>slettet </w:t></w:r></w:del>"
        f'<w:t xml:space="preserve">løst </w:t>'
        '<!-- en kommentar --><mc:AlternateContent><mc:Choice Requires="w14">'
        f"{run('med figur')}</mc:Choice><mc:Fallback>{run('med figur')}</mc:Fallback>"
        "</mc:AlternateContent></w:p>"
    )
    values = answer_row(1, "A-1")
    data_row = row(
        *(cell(v) for v in values[:4]), cell(body=answer), cell(body=description), cell("")
    )
    (only,) = read(docx(table(plain(HEADER), data_row))).rows
    assert (only.answer_text, only.answer, only.description) == (
        "Opfyldt",
        Answer.MET,
        "løst med figur",
    )
