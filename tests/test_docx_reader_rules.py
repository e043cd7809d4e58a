"""Word forms with layout properties that carry no value: read as Word shows them."""

from __future__ import annotations

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from procure.responses.reader import read_response
from tests.test_docx_reader import add_table, form_row, new_document, save


def test_span_and_skipped_columns_without_a_value_count_as_word_shows_them():
    document = new_document()
    header = [
        "Kravnr",
        "Krav-ID",
        "Kravtekst",
        "Kravtype",
        "Besvarelse",
        "Beskrivelse",
        "Forbehold og pris",
    ]
    table = add_table(document, header, [form_row(1, "A-1"), form_row(2, "A-2", "Ikke opfyldt")])
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
