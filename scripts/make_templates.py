"""Build the shipped Word templates: templates/{annex,response-form}.{da,en}.docx.

The templates are docxtpl templates made with python-docx, so they are reproducible from this
script (run it again after a change and commit the output; the output is byte-identical for
the same script). They hold placeholders only: every text comes from the context
(procure.documents.context, texts in procure.documents.texts), every loop runs over a ready
list. Municipalities may copy a template, restyle it in Word and use it with
`procure build --templates DIR`; docs/templates.md documents the placeholders.

    python3 scripts/make_templates.py [OUT_DIR]
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from procure.documents.render import package_bytes  # noqa: E402
from procure.documents.texts import LANGUAGES, WORD_LANGUAGE  # noqa: E402

FONT = "Calibri"
ACCENT = RGBColor(0x1F, 0x38, 0x64)  # dark blue for headings
HEADER_FILL = "D9E2F3"  # light blue behind table header rows and cover labels
GREY = RGBColor(0x59, 0x59, 0x59)
# Templates are dated, like rendered documents, so rebuilding them changes no byte.
TEMPLATE_DATE = datetime(2026, 1, 1)

# Styles the templates use; every other style of python-docx's default template is dropped
# (it ships 160 styles and a 430 kB styles part that every document would carry).
KEEP_STYLES = {
    "Normal", "Header", "Footer", "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3",
    "TOC Heading", "toc 1", "toc 2", "toc 3", "List Bullet", "Table Grid", "Normal Table",
    "Default Paragraph Font", "No List", "Table Text", "Table Heading", "Hyperlink",
}  # fmt: skip


def main(argv: list[str]) -> int:
    out_dir = Path(argv[1]) if len(argv) > 1 else ROOT / "templates"
    out_dir.mkdir(parents=True, exist_ok=True)
    for lang in LANGUAGES:
        for name, build in (("annex", build_annex), ("response-form", build_response_form)):
            path = out_dir / f"{name}.{lang}.docx"
            path.write_bytes(package_bytes(build(lang), TEMPLATE_DATE))
            print(f"skrev {path}")
    return 0


# -- the annex ---------------------------------------------------------------------------------


def build_annex(lang: str):
    doc = new_document(lang, landscape=False, margins=Cm(2))
    page_header_footer(doc, "{{ tender.title }}", "{{ tender.annex_title }}", Cm(17))

    doc.add_paragraph("{{ tender.title }}", style="Title")
    doc.add_paragraph("{{ tender.annex_title }}", style="Subtitle")
    cover = grid_table(doc, [Cm(5), Cm(12)])
    # A header row, also on key/value tables: a tagged PDF gets header cells only from a
    # repeated header row (WCAG 1.3.1, PDF/UA 7.5).
    header_row(cover, ["{{ t.cover_column_label }}", "{{ t.cover_column_value }}"])
    loop_rows(
        cover,
        "{%tr for row in cover %}",
        "{%tr endfor %}",
        [["{{ row.label }}"], ["{{ row.value }}"]],
        label_column=True,
    )
    spacer(doc)
    doc.add_paragraph("{{ t.cover_note }}")

    toc_heading = doc.add_paragraph("{{ t.toc_heading }}", style="TOC Heading")
    toc_heading.paragraph_format.page_break_before = True
    toc_field(doc)

    how = doc.add_paragraph("{{ t.how_heading }}", style="Heading 1")
    how.paragraph_format.page_break_before = True
    doc.add_paragraph("{{ how_intro }}")
    kinds = grid_table(doc, [Cm(1.4), Cm(3.4), Cm(12.2)])
    header_row(
        kinds,
        ["{{ t.kind_column_code }}", "{{ t.kind_column_name }}", "{{ t.kind_column_meaning }}"],
    )
    loop_rows(
        kinds,
        "{%tr for k in kinds %}",
        "{%tr endfor %}",
        [[bold("{{ k.code }}")], ["{{ k.name }}"], ["{{ k.meaning }}"]],
    )
    spacer(doc)
    paragraph_loop(doc, "{%p for p in how_to_answer %}", "{{ p }}", "{%p endfor %}")

    doc.add_paragraph("{{ t.evaluation_heading }}", style="Heading 1")
    paragraph_loop(doc, "{%p for p in evaluation.paragraphs %}", "{{ p }}", "{%p endfor %}")
    doc.add_paragraph("{%p if evaluation.weights %}")
    weights = grid_table(doc, [Cm(1.8), Cm(2.6), Cm(8.6), Cm(1.6), Cm(2.4)])
    header_row(
        weights,
        [
            "{{ header.number }}",
            "{{ header.id }}",
            "{{ t.weight_column_title }}",
            "{{ t.weight_column_weight }}",
            "{{ t.weight_column_share }}",
        ],
    )
    loop_rows(
        weights,
        "{%tr for r in evaluation.weights %}",
        "{%tr endfor %}",
        [
            ["{{ r.number }}"],
            ["{{ r.id }}"],
            ["{{ r.title }}"],
            ["{{ r.weight }}"],
            ["{{ r.share }}"],
        ],
    )
    total = add_row(
        weights,
        [
            [bold("{{ t.weight_total }}")],
            [""],
            [""],
            [bold("{{ evaluation.total_weight }}")],
            [bold("{{ evaluation.total_share }}")],
        ],
    )
    shade_row(total)
    doc.add_paragraph("{%p endif %}")

    doc.add_paragraph("{{ t.integrations_heading }}", style="Heading 1")
    doc.add_paragraph("{{ integrations_intro }}")
    doc.add_paragraph("{%p if integrations %}")
    integrations = grid_table(doc, [Cm(5.0), Cm(3.6), Cm(4.4), Cm(4.0)])
    header_row(
        integrations,
        [
            "{{ t.integration_column_name }}",
            "{{ t.integration_column_sf }}",
            "{{ t.integration_column_reason }}",
            "{{ t.integration_column_requirements }}",
        ],
    )
    loop_rows(
        integrations,
        "{%tr for i in integrations %}",
        "{%tr endfor %}",
        [
            [bold("{{ i.name }}"), "{{ i.description }}"],
            ["{{ i.sf_numbers }}"],
            ["{{ i.reason }}"],
            ["{{ i.requirement_ids }}"],
        ],
    )
    doc.add_paragraph("{%p endif %}")

    doc.add_paragraph("{{ t.requirements_heading }}", style="Heading 1")
    doc.add_paragraph("{{ requirements_summary }}")
    doc.add_paragraph("{%p for area in areas %}")
    doc.add_paragraph("{{ area.heading }}", style="Heading 2")
    # Room for "Kravnr" and "3.10.12" on one line each.
    table = grid_table(doc, [Cm(1.9), Cm(2.6), Cm(2.2), Cm(10.3)])
    header_row(
        table, ["{{ header.number }}", "{{ header.id }}", "{{ header.kind }}", "{{ header.text }}"]
    )
    row = loop_rows(
        table,
        "{%tr for r in area.requirements %}",
        "{%tr endfor %}",
        [
            ["{{ r.number }}"],
            ["{{ r.id }}"],
            ["{{ r.kind_text }}"],
            [bold("{{ r.title }}"), "{{ r.text }}"],
        ],
    )
    hint_cell = row.cells[3]
    hint_cell.add_paragraph("{%p if r.answer_hint %}", style="Table Text")
    hint = hint_cell.add_paragraph(style="Table Text")
    hint.add_run("{{ t.hint_label }} ").italic = True
    hint.add_run("{{ r.answer_hint }}").italic = True
    hint_cell.add_paragraph("{%p endif %}", style="Table Text")
    doc.add_paragraph("{%p endfor %}")
    return doc


# -- the response form -------------------------------------------------------------------------


def build_response_form(lang: str):
    doc = new_document(lang, landscape=True, margins=Cm(1.5))
    page_header_footer(doc, "{{ tender.title }}", "{{ tender.form_title }}", Cm(26.7))

    doc.add_paragraph("{{ tender.title }}", style="Title")
    doc.add_paragraph("{{ tender.form_title }}", style="Subtitle")
    cover = grid_table(doc, [Cm(6), Cm(14)])
    header_row(cover, ["{{ t.cover_column_label }}", "{{ t.cover_column_value }}"])
    loop_rows(
        cover,
        "{%tr for row in cover %}",
        "{%tr endfor %}",
        [["{{ row.label }}"], ["{{ row.value }}"]],
        label_column=True,
    )

    doc.add_paragraph("{{ t.instructions_heading }}", style="Heading 1")
    paragraph_loop(
        doc,
        "{%p for p in response_instructions %}",
        "{{ p }}",
        "{%p endfor %}",
        style="List Bullet",
    )

    doc.add_paragraph("{{ t.vendor_heading }}", style="Heading 1")
    vendor = grid_table(doc, [Cm(6), Cm(14)])
    header_row(vendor, ["{{ t.vendor_column_label }}", "{{ t.vendor_column_value }}"])
    row = loop_rows(
        vendor,
        "{%tr for f in vendor_fields %}",
        "{%tr endfor %}",
        [["{{ f.label }}"], [""]],
        label_column=True,
    )
    # Room to write, and the vendor table kept on one page.
    row.height = Cm(0.8)
    row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
    row.cells[0].paragraphs[0].paragraph_format.keep_with_next = True

    doc.add_paragraph("{{ t.response_heading }}", style="Heading 1")
    doc.add_paragraph("{%p for area in areas %}")
    doc.add_paragraph("{{ area.heading }}", style="Heading 2")
    widths = [Cm(1.9), Cm(2.4), Cm(8.6), Cm(2.0), Cm(2.9), Cm(5.6), Cm(3.3)]
    table = grid_table(doc, widths)
    # The header labels are the form contract (procure.forms.HEADER_LABELS, in COLUMNS order).
    header_row(
        table,
        [
            f"{{{{ header.{c} }}}}"
            for c in ("number", "id", "text", "kind", "answer", "description", "reservation")
        ],
    )
    # The answer cell stays empty: procure puts the dropdown there when it renders the form.
    loop_rows(
        table,
        "{%tr for r in area.requirements %}",
        "{%tr endfor %}",
        [
            ["{{ r.number }}"],
            ["{{ r.id }}"],
            [bold("{{ r.title }}"), "{{ r.text }}"],
            ["{{ r.kind_text }}"],
            [""],
            [""],
            [""],
        ],
    )
    doc.add_paragraph("{%p endfor %}")
    return doc


# -- building blocks ---------------------------------------------------------------------------


class bold(str):  # noqa: N801 - reads like markup in the table specs above
    """Cell text to be set in bold."""


def new_document(lang: str, landscape: bool, margins):
    doc = Document()
    _drop_unused_parts(doc)
    section = doc.sections[0]
    short, long = Cm(21.0), Cm(29.7)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (long, short) if landscape else (short, long)
    section.left_margin = section.right_margin = margins
    section.top_margin = section.bottom_margin = Cm(2)
    section.header_distance = section.footer_distance = Cm(1)
    _styles(doc, lang)
    _settings(doc, lang)
    props = doc.core_properties
    props.author = props.last_modified_by = "procure"
    props.title = props.subject = props.comments = props.keywords = props.category = ""
    props.created = props.modified = props.last_printed = TEMPLATE_DATE
    props.revision = 1
    props.language = WORD_LANGUAGE[lang]
    return doc


def _drop_unused_parts(doc) -> None:
    """python-docx's default template carries a thumbnail of another document, a second copy
    of its styles and a custom XML item; a tender document needs none of them."""
    for rid, rel in list(doc.part.package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            doc.part.package.rels.pop(rid)
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype == RT.CUSTOM_XML or rel.reltype.endswith("/stylesWithEffects"):
            doc.part.rels.pop(rid)


def _styles(doc, lang: str) -> None:
    styles = doc.styles
    for name in ("toc 1", "toc 2", "toc 3"):
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH, builtin=True)
        style.element.set(qn("w:styleId"), name.replace("toc ", "TOC"))
        style.base_style = styles["Normal"]
        style.paragraph_format.left_indent = Cm(0.5 * (int(name[-1]) - 1))
        style.paragraph_format.space_after = Pt(3)
    table_text = styles.add_style("Table Text", WD_STYLE_TYPE.PARAGRAPH)
    table_text.base_style = styles["Normal"]
    table_text.font.size = Pt(9)
    table_text.paragraph_format.space_before = Pt(1)
    table_text.paragraph_format.space_after = Pt(2)
    table_heading = styles.add_style("Table Heading", WD_STYLE_TYPE.PARAGRAPH)
    table_heading.base_style = table_text
    table_heading.font.bold = True
    table_heading.paragraph_format.keep_with_next = True
    _prune_styles(doc)

    root = styles.element
    defaults = root.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(rpr)
    for tag in ("w:sz", "w:szCs", "w:lang"):
        for old in rpr.findall(qn(tag)):
            rpr.remove(old)
    rpr.append(parse_xml(f'<w:sz {nsdecls("w")} w:val="20"/>'))
    rpr.append(parse_xml(f'<w:szCs {nsdecls("w")} w:val="20"/>'))
    rpr.append(
        parse_xml(
            f'<w:lang {nsdecls("w")} w:val="{WORD_LANGUAGE[lang]}" w:eastAsia="en-US" '
            'w:bidi="ar-SA"/>'
        )
    )

    normal = styles["Normal"]
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.1
    for style in root.iterfind(qn("w:style")):
        style_rpr = style.find(qn("w:rPr"))
        if style_rpr is not None:
            _set_fonts(style_rpr, only_if_present=True)

    def heading(name, size, before, after, color=ACCENT):
        style = styles[name]
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = False
        style.font.color.rgb = color
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(after)
        style.paragraph_format.keep_with_next = True
        return style

    heading("Heading 1", 16, 18, 6)
    heading("Heading 2", 13, 14, 4)
    heading("Heading 3", 11, 10, 3)
    heading("TOC Heading", 16, 0, 12)
    title = heading("Title", 24, 0, 6)
    _remove(title.element.find(qn("w:pPr")), "w:pBdr")
    heading("Subtitle", 14, 0, 18, color=GREY).font.bold = False
    for name in ("Header", "Footer"):
        styles[name].font.size = Pt(8)
        styles[name].font.color.rgb = GREY
        # The default template's centre and right tab stops sit where a Letter page ends.
        _remove(styles[name].element.find(qn("w:pPr")), "w:tabs")


def _prune_styles(doc) -> None:
    root = doc.styles.element
    by_id = {s.get(qn("w:styleId")): s for s in root.iterfind(qn("w:style"))}
    keep = set()
    pending = [s for s in by_id.values() if _style_name(s) in {n.lower() for n in KEEP_STYLES}]
    while pending:
        style = pending.pop()
        if style in keep:
            continue
        keep.add(style)
        for ref in ("w:basedOn", "w:link", "w:next"):
            target = style.find(qn(ref))
            if target is not None and target.get(qn("w:val")) in by_id:
                pending.append(by_id[target.get(qn("w:val"))])
    for style in by_id.values():
        if style not in keep:
            root.remove(style)


def _style_name(style) -> str:
    name = style.find(qn("w:name"))
    return (name.get(qn("w:val")) if name is not None else "").lower()


def _set_fonts(rpr, only_if_present: bool = False) -> None:
    """Explicit fonts instead of theme fonts (Word prefers a theme font over a named one)."""
    old = rpr.find(qn("w:rFonts"))
    if old is None and only_if_present:
        return
    fonts = parse_xml(
        f'<w:rFonts {nsdecls("w")} w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" '
        f'w:cs="{FONT}"/>'
    )
    if old is not None:
        old.addprevious(fonts)
        rpr.remove(old)
    else:
        rpr.insert(0, fonts)


def _remove(parent, tag: str) -> None:
    if parent is not None:
        for child in parent.findall(qn(tag)):
            parent.remove(child)


def _settings(doc, lang: str) -> None:
    settings = doc.settings.element
    _remove(settings, "w:savePreviewPicture")
    _remove(settings, "w:rsids")
    for child in settings:
        if child.tag == qn("w:themeFontLang"):
            child.set(qn("w:val"), WORD_LANGUAGE[lang])
        elif child.tag == qn("w:decimalSymbol"):
            child.set(qn("w:val"), "," if lang == "da" else ".")
        elif child.tag == qn("w:listSeparator"):
            child.set(qn("w:val"), ";" if lang == "da" else ",")


def page_header_footer(doc, left: str, right: str, width) -> None:
    """Header: title left, document name right. Footer: case/fingerprint left, "Side X af Y"
    right (PAGE and NUMPAGES fields, which Word and LibreOffice both compute)."""
    section = doc.sections[0]
    header = section.header.paragraphs[0]
    header.style = doc.styles["Header"]
    header.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    header.add_run(f"{left}\t{right}")
    footer = section.footer.paragraphs[0]
    footer.style = doc.styles["Footer"]
    footer.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    footer.add_run("{{ footer_note }}\t{{ t.page }} ")
    _field(footer, "PAGE", "1")
    footer.add_run(" {{ t.page_of }} ")
    _field(footer, "NUMPAGES", "1")


def _field(paragraph, instruction: str, cached: str) -> None:
    for xml in (
        '<w:r {ns}><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r {{ns}}><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>',
        '<w:r {ns}><w:fldChar w:fldCharType="separate"/></w:r>',
        f"<w:r {{ns}}><w:t>{cached}</w:t></w:r>",
        '<w:r {ns}><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        paragraph._p.append(parse_xml(xml.format(ns=nsdecls("w"))))


def toc_field(doc) -> None:
    """A TOC field over heading levels 1-3 with hyperlinks; procure fills its cached result
    with the headings when it renders (procure.documents.render.fill_table_of_contents)."""
    p = doc.add_paragraph(style="toc 1")
    p._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"/></w:r>'))
    p._p.append(
        parse_xml(
            f'<w:r {nsdecls("w")}><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h \\z \\u '
            "</w:instrText></w:r>"
        )
    )
    p._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="separate"/></w:r>'))
    p.add_run("{{ t.toc_placeholder }}")
    p._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>'))


def grid_table(doc, widths):
    table = doc.add_table(rows=0, cols=len(widths))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False  # w:tblLayout fixed: the column widths below are kept
    tbl_pr = table._tbl.tblPr
    tbl_pr.append(
        parse_xml(
            f'<w:tblCellMar {nsdecls("w")}><w:top w:w="28" w:type="dxa"/>'
            '<w:left w:w="85" w:type="dxa"/><w:bottom w:w="28" w:type="dxa"/>'
            '<w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
        )
    )
    _order_tbl_pr(tbl_pr)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    table._widths = widths
    return table


def _order_tbl_pr(tbl_pr) -> None:
    order = ["tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
             "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders",
             "shd", "tblLayout", "tblCellMar", "tblLook"]  # fmt: skip
    children = sorted(tbl_pr, key=lambda c: order.index(c.tag.split("}")[1]))
    for child in children:
        tbl_pr.append(child)


def add_row(table, cells, style: str = "Table Text"):
    """A row whose cells hold the given paragraphs (str, or bold(str) for a bold run)."""
    row = table.add_row()
    for cell, paragraphs, width in zip(row.cells, cells, table._widths, strict=True):
        cell.width = width
        for index, text in enumerate(paragraphs):
            p = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
            p.style = table.part.document.styles[style]
            if text:
                p.add_run(str(text)).bold = isinstance(text, bold) or None
    return row


def header_row(table, labels) -> None:
    row = add_row(table, [[label] for label in labels], style="Table Heading")
    trpr = row._tr.get_or_add_trPr()
    trpr.append(parse_xml(f"<w:cantSplit {nsdecls('w')}/>"))
    trpr.append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
    shade_row(row)


def shade_row(row) -> None:
    for cell in row.cells:
        _shade(cell)


def _shade(cell) -> None:
    cell._tc.get_or_add_tcPr().append(
        parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{HEADER_FILL}"/>')
    )


def loop_rows(table, start: str, end: str, cells, label_column: bool = False):
    """docxtpl row loop: a row holding only `start`, the repeated row, a row holding only
    `end` (docxtpl needs {%tr %} tags on rows of their own)."""
    add_row(table, [[start]] + [[""]] * (len(cells) - 1))
    row = add_row(table, cells)
    # No w:cantSplit on the repeated row: LibreOffice 7.4 dropped the last rows of a table
    # whose unsplittable rows followed a keep-with-next heading at a page end (the PDF of a
    # form lost NF-ARK-002 to -005 when a column was 1 mm wider). A row may split instead.
    if label_column:
        _shade(row.cells[0])
    add_row(table, [[end]] + [[""]] * (len(cells) - 1))
    return row


def spacer(doc) -> None:
    """A small gap below a table (Word has no space-after for tables)."""
    p = doc.add_paragraph()
    p.paragraph_format.space_after = Pt(0)
    p.paragraph_format.line_spacing = Pt(6)


def paragraph_loop(doc, start: str, body: str, end: str, style: str | None = None) -> None:
    doc.add_paragraph(start)
    doc.add_paragraph(body, style=style)
    doc.add_paragraph(end)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
