"""Word forms with layout properties that carry no value: read as Word shows them."""

from __future__ import annotations

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from procure import forms
from procure.responses.reader import read_response
from tests.test_docx_reader import add_table, form_row, new_document, save


def test_span_and_skipped_columns_without_a_value_count_as_word_shows_them():
    document = new_document()
    table = add_table(document, HEADER, [form_row(1, "A-1"), form_row(2, "A-2", "Ikke opfyldt")])
    # a <w:gridSpan/> and a <w:gridBefore/> without w:val: span 1, nothing skipped
    first_cell = table.rows[1].cells[0]._tc
    first_cell.get_or_add_tcPr().append(parse_xml(f"<w:gridSpan {nsdecls('w')}/>"))
    row = table.rows[2]._tr
    row.get_or_add_trPr().append(parse_xml(f"<w:gridBefore {nsdecls('w')}/>"))
    rows = read_response(save(document), "bud.docx").rows
    assert [(r.requirement_id, r.answer_text) for r in rows] == [
        ("A-1", "Opfyldt"),
        ("A-2", "Ikke opfyldt"),
    ]


HEADER = [forms.HEADER_LABELS["da"][key] for key in forms.COLUMNS]


def _read(document):
    return read_response(save(document), "bud.docx")


def test_a_legacy_horizontal_merge_counts_once_and_keeps_the_columns_in_place():
    document = new_document()
    table = add_table(document, HEADER, [form_row(1, "A-1", "Ikke opfyldt")])
    text, kind = table.rows[1].cells[2]._tc, table.rows[1].cells[3]._tc
    text.get_or_add_tcPr().append(parse_xml(f'<w:hMerge {nsdecls("w")} w:val="restart"/>'))
    kind.get_or_add_tcPr().append(parse_xml(f"<w:hMerge {nsdecls('w')}/>"))
    (row,) = _read(document).rows
    assert (row.requirement_id, row.answer_text, row.kind_text) == ("A-1", "Ikke opfyldt", "")


def test_vendor_labels_with_a_colon_and_the_first_value_given_count():
    from docx import Document

    document = Document()
    notes = document.add_table(rows=1, cols=3)
    notes.rows[0].cells[0].text = "Noter"
    vendor = document.add_table(rows=0, cols=2)
    for label, value in (
        ("Leverandørens navn :", "Rigtig A/S"),
        ("CVR-nummer:", "12345678"),
        ("Leverandørens navn", "Anden A/S"),
    ):
        cells = vendor.add_row().cells
        cells[0].text, cells[1].text = label, value
    add_table(document, HEADER, [form_row(1, "A-1")])
    info = _read(document).vendor
    assert (info.name, info.cvr) == ("Rigtig A/S", "12345678")


def test_a_content_control_without_properties_shows_its_text():
    document = new_document()
    table = add_table(document, HEADER, [form_row(1, "A-1", "")])
    cell = table.rows[1].cells[4]._tc
    paragraph = cell.find(qn("w:p"))
    paragraph.append(
        parse_xml(
            f"<w:sdt {nsdecls('w')}><w:sdtContent><w:r><w:t>Opfyldt</w:t></w:r>"
            "</w:sdtContent></w:sdt>"
        )
    )
    placeholder = table.rows[1].cells[5]._tc.find(qn("w:p"))
    placeholder.append(
        parse_xml(
            f"<w:sdt {nsdecls('w')}><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:r>"
            "<w:t>Skriv her</w:t></w:r></w:sdtContent></w:sdt>"
        )
    )
    (row,) = _read(document).rows
    assert (row.answer_text, row.description) == ("Opfyldt", "")


def test_a_table_split_in_three_reads_as_one():
    document = new_document()
    add_table(document, HEADER, [form_row(1, "A-1")])
    document.add_paragraph("")
    add_table(document, None, [form_row(2, "A-2", "Ikke opfyldt")])
    document.add_paragraph("")
    add_table(document, None, [form_row(3, "A-3", "Delvist opfyldt")])
    rows = _read(document).rows
    assert [(r.requirement_id, r.answer_text) for r in rows] == [
        ("A-1", "Opfyldt"),
        ("A-2", "Ikke opfyldt"),
        ("A-3", "Delvist opfyldt"),
    ]


def test_stamps_are_found_where_the_package_points_and_the_first_of_a_name_counts():
    import io
    import zipfile

    from tests.test_docx_reader import with_custom_properties

    document = new_document()
    add_table(document, HEADER, [form_row(1, "A-1")])
    data = with_custom_properties(save(document), {"procure_tender_id": "t-1"})
    second = (
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="9" '
        'name="procure_tender_id"><vt:lpwstr>t-2</vt:lpwstr></property></Properties>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            text = source.read(info)
            name = info.filename
            if name == "_rels/.rels":
                text = text.replace(b'Target="docProps/custom.xml"', b'Target="/docProps/egne.xml"')
            if name == "docProps/custom.xml":
                name, text = "docProps/egne.xml", text.replace(b"</Properties>", second.encode())
            target.writestr(name, text)
    assert read_response(out.getvalue(), "bud.docx").metadata.tender_id == "t-1"


def test_a_deleted_paragraph_mark_joins_the_paragraphs_and_a_kept_one_does_not():
    document = new_document()
    table = add_table(document, HEADER, [form_row(1, "A-1", ""), form_row(2, "A-2", "")])
    mark = (
        f"<w:p {nsdecls('w')}><w:pPr><w:rPr>{{deleted}}</w:rPr></w:pPr><w:r><w:t>Delvist</w:t>"
        "</w:r></w:p>"
    )
    for row, deleted in (
        (1, '<w:del w:id="1" w:author="A" w:date="2026-01-01T00:00:00Z"/>'),
        (2, ""),
    ):
        cell = table.rows[row].cells[4]._tc
        first = cell.find(qn("w:p"))
        first.addprevious(parse_xml(mark.replace("{deleted}", deleted)))
        first.append(parse_xml(f"<w:r {nsdecls('w')}><w:t> opfyldt</w:t></w:r>"))
    rows = _read(document).rows
    assert [r.answer_text for r in rows] == ["Delvist opfyldt", "Delvist\n opfyldt"]


def test_a_row_wrapped_in_custom_xml_is_read():
    document = new_document()
    table = add_table(document, HEADER, [form_row(1, "A-1"), form_row(2, "A-2", "Ikke opfyldt")])
    row = table.rows[2]._tr
    wrapper = parse_xml(f'<w:customXml {nsdecls("w")} w:element="krav"/>')
    row.addprevious(wrapper)
    wrapper.append(row)
    rows = _read(document).rows
    assert [(r.requirement_id, r.answer_text) for r in rows] == [
        ("A-1", "Opfyldt"),
        ("A-2", "Ikke opfyldt"),
    ]


def test_a_vertical_merge_without_a_value_continues_the_cell_above():
    document = new_document()
    table = add_table(
        document, HEADER, [form_row(1, "A-1", reservation="Samme forbehold"), form_row(2, "A-2")]
    )
    above = table.rows[1].cells[6]._tc
    above.get_or_add_tcPr().append(parse_xml(f'<w:vMerge {nsdecls("w")} w:val="restart"/>'))
    below = table.rows[2].cells[6]._tc
    below.get_or_add_tcPr().append(parse_xml(f"<w:vMerge {nsdecls('w')}/>"))
    rows = _read(document).rows
    assert [r.reservation for r in rows] == ["Samme forbehold", "Samme forbehold"]


def test_a_table_without_a_column_grid_reads():
    document = new_document()
    table = add_table(document, HEADER, [form_row(1, "A-1", "Ikke opfyldt")])
    grid = table._tbl.find(qn("w:tblGrid"))
    grid.getparent().remove(grid)
    (row,) = _read(document).rows
    assert (row.requirement_id, row.answer_text) == ("A-1", "Ikke opfyldt")


def test_tabs_breaks_and_hyphens_in_a_run_read_as_typed():
    document = new_document()
    table = add_table(document, HEADER, [form_row(1, "A-1", description="x")])
    paragraph = table.rows[1].cells[5]._tc.find(qn("w:p"))
    paragraph.append(
        parse_xml(
            f"<w:r {nsdecls('w')}><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t>"
            "<w:noBreakHyphen/><w:t>d</w:t><w:cr/><w:t>e</w:t></w:r>"
        )
    )
    (row,) = _read(document).rows
    assert row.description == "xa\tb\nc-d\ne"
