"""Small helpers for the Word files procure writes with python-docx (the award's note and
letters): the document's language and title, tables whose header row repeats on every page,
many rows written fast, and the same bytes for the same content."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Sequence
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from procure.documents.texts import WORD_LANGUAGE
from procure.textutil import xml_safe

TABLE_STYLE = "Light Grid Accent 1"
PLAIN_TABLE_STYLE = "Table Grid"  # the signature block: lines to write on, no shading
FONT_NAME = "Calibri"  # the annex's body font; Carlito renders it on Linux
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CORE_CHARS = 255  # python-docx refuses longer core property values


def new_document(lang: str, title: str, *, author: str = "", subject: str = "") -> Document:
    """An empty A4 document in `lang` (the proofing language of every style) with its title."""
    document = Document()
    normal = document.styles["Normal"]
    normal.font.name = FONT_NAME
    normal.font.size = Pt(10)
    language = WORD_LANGUAGE.get(lang, WORD_LANGUAGE["da"])
    set_default_language(document, language)
    for section in document.sections:
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2)
        section.top_margin = section.bottom_margin = Cm(2)
    props = document.core_properties
    props.title = _core(title)
    props.subject = _core(subject)
    props.author = _core(author)
    props.last_modified_by = "procure"
    props.language = language
    props.revision = 1
    return document


def text(value: object) -> str:
    """Any value as text Word can hold (control characters dropped)."""
    return xml_safe("" if value is None else str(value))


def add_table(
    document,
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    widths_cm: Sequence[float],
    style: str = TABLE_STYLE,
):
    """A table with a bold header row marked to repeat on every page, then `rows` of text.

    The body rows are written as WordprocessingML text and parsed in one go: a large award
    has thousands of rows, and python-docx's add_row() and cell.text take a good millisecond
    a row. Every cell carries its width. Rows may split over a page: LibreOffice 7.4 lost the
    last rows of tables whose rows could not split below a keep-with-next heading."""
    table = document.add_table(rows=1, cols=len(header))
    table._tbl.tblStyle_val = style_id(document, style)
    _look(table, first_row=True, first_column=False)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    _set_widths(table, widths_cm)
    head = table.rows[0]
    repeat_as_header(head._tr)
    for cell, label in zip(head.cells, header, strict=True):
        run = cell.paragraphs[0].add_run(text(label))
        run.bold = True
    cells_xml = [f'<w:tcPr><w:tcW w:w="{_twips(w)}" w:type="dxa"/></w:tcPr>' for w in widths_cm]
    body = []
    for values in rows:
        body.append("<w:tr>")
        for width_xml, value in zip(cells_xml, values, strict=True):
            body.append(f"<w:tc>{width_xml}<w:p>{_runs(value)}</w:p></w:tc>")
        body.append("</w:tr>")
    if body:
        parsed = parse_xml(f'<w:tbl xmlns:w="{_W}">{"".join(body)}</w:tbl>')
        table._tbl.extend(list(parsed))
    return table


def heading(document, value: str, level: int):
    """A heading (level 0: the title)."""
    return _styled(document, value, "Title" if level == 0 else f"Heading {level}")


def bullet(document, value: str):
    return _styled(document, value, "List Bullet")


def style_id(document, name: str) -> str:
    """A style's id by its name, looked up once per document: python-docx searches every
    style twice for each paragraph or table given a style, which counts over the hundreds of
    headings and tables of a large award."""
    cache = document.__dict__.setdefault("_procure_style_ids", {})
    if name not in cache:
        cache[name] = document.styles[name].style_id
    return cache[name]


def _styled(document, value: str, name: str):
    paragraph = document.add_paragraph(text(value))
    paragraph._p.style = style_id(document, name)
    return paragraph


def add_facts(
    document,
    pairs: Iterable[tuple[str, str]],
    header: tuple[str, str],
    widths_cm=(4.5, 12.5),
):
    """A two-column table of label and value under a header row (e.g. "Oplysning", "Indhold")
    marked to repeat: a tagged PDF and a screen reader get header cells only from such a row
    (WCAG 1.3.1, PDF/UA), also for key/value data. Labels bold."""
    table = add_table(document, header, [], widths_cm)
    for label, value in pairs:
        cells = table.add_row().cells
        cells[0].paragraphs[0].add_run(text(label)).bold = True
        cells[1].paragraphs[0].add_run(text(value))
    _set_widths(table, widths_cm)
    return table


def page_footer(document, lang: str, left: str = "") -> None:
    """The footer of every page: `left` (e.g. the case number), and "Side X af Y" at the right
    margin, as PAGE and NUMPAGES fields that Word and LibreOffice compute."""
    from docx.enum.text import WD_TAB_ALIGNMENT

    from procure.documents.texts import texts

    words = texts(lang if lang in ("da", "en") else "da")
    footer_style = document.styles["Footer"].element
    for tabs in footer_style.findall(f"{qn('w:pPr')}/{qn('w:tabs')}"):
        # python-docx's template has centre and right stops where a Letter page ends: the
        # first tab would stop mid-page
        tabs.getparent().remove(tabs)
    for section in document.sections:
        section.footer.is_linked_to_previous = False
        paragraph = section.footer.paragraphs[0]
        paragraph.text = ""
        width = section.page_width - section.left_margin - section.right_margin
        paragraph.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
        paragraph.add_run(text(left) + "\t" + f"{words['page']} ")
        _field(paragraph, "PAGE")
        paragraph.add_run(f" {words['page_of']} ")
        _field(paragraph, "NUMPAGES")
        for run in paragraph.runs:
            run.font.size = Pt(8)


def keep_together(table) -> None:
    """Keep a short table on one page, and with the paragraph before it (set that one's
    keep_with_next): every row's paragraphs but the last row's keep with the next."""
    for row in table.rows[:-1]:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True


def moment_text(iso: str | None, lang: str) -> str:
    """A stored moment ("2026-12-06T16:01:00+00:00", UTC) as people read it: Danish local
    time in the language's format ("6. dec. 2026 17.01"); text that is no moment unchanged."""
    from procure.formats import time_text

    if not iso:
        return ""
    try:
        moment = dt.datetime.fromisoformat(str(iso))
    except ValueError:
        return str(iso)
    return time_text(moment, lang)


def _field(paragraph, instruction: str) -> None:
    """A simple field (its cached value "1" until the reader's program updates it)."""
    for xml in (
        '<w:r xmlns:w="{ns}"><w:fldChar w:fldCharType="begin"/></w:r>',
        '<w:r xmlns:w="{ns}"><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>',
        '<w:r xmlns:w="{ns}"><w:fldChar w:fldCharType="separate"/></w:r>',
        '<w:r xmlns:w="{ns}"><w:t>1</w:t></w:r>',
        '<w:r xmlns:w="{ns}"><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        paragraph._p.append(parse_xml(xml.format(ns=_W, instruction=instruction)))


def document_bytes(document, day: dt.date) -> bytes:
    """The document as .docx bytes, every date in it `day`: same content, same bytes."""
    from procure.documents.render import package_bytes

    when = dt.datetime(day.year, day.month, day.day)
    props = document.core_properties
    props.created = props.modified = props.last_printed = when
    return package_bytes(document, when)


# -- Pieces -------------------------------------------------------------------------------------


def _runs(value: object) -> str:
    """A cell's text as runs: line breaks and tabs as their elements, XML escaped."""
    return _runs_of("" if value is None else str(value))


@functools.lru_cache(maxsize=16384)
def _runs_of(value: str) -> str:
    # Requirement labels, points and criteria repeat in every bid's table: made once each
    lines = []
    for line in xml_safe(value).replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        parts = [f'<w:t xml:space="preserve">{escape(part)}</w:t>' if part else "" for part in
                 line.split("\t")]  # fmt: skip
        lines.append("<w:tab/>".join(parts))
    return "<w:r>" + "<w:br/>".join(lines) + "</w:r>" if any(lines) else ""


def _twips(cm: float) -> int:
    return round(cm * 567)


def repeat_as_header(tr) -> None:
    """Mark a table row as its header: Word and LibreOffice repeat it on every page, and a
    tagged PDF gets header cells (PITFALLS: a table without one comes out as data only)."""
    tr_pr = tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def spaced_paragraph(document, value: str = ""):
    """A paragraph with room above it, for text that follows a table."""
    paragraph = document.add_paragraph(text(value))
    paragraph.paragraph_format.space_before = Pt(8)
    return paragraph


def _look(table, *, first_row: bool, first_column: bool) -> None:
    """Which parts the table style emphasises (w:tblLook): the header row, not the first
    column of a data table (a whole column in bold reads as shouting)."""
    look = table._tbl.tblPr.find(qn("w:tblLook"))
    if look is None:
        look = OxmlElement("w:tblLook")
        table._tbl.tblPr.append(look)
    flags = 0x0400 | (0x0020 if first_row else 0) | (0x0080 if first_column else 0)
    look.set(qn("w:val"), f"{flags:04X}")
    look.set(qn("w:firstRow"), "1" if first_row else "0")
    look.set(qn("w:firstColumn"), "1" if first_column else "0")
    look.set(qn("w:lastRow"), "0")
    look.set(qn("w:lastColumn"), "0")
    look.set(qn("w:noHBand"), "0")
    look.set(qn("w:noVBand"), "1")


def _set_widths(table, widths_cm: Sequence[float]) -> None:
    for column, width in zip(table.columns, widths_cm, strict=False):
        column.width = Cm(width)  # the grid, which LibreOffice follows
    for tr in table._tbl.tr_lst:  # and each cell's own width, which Word follows
        for tc, width in zip(tr.tc_lst, widths_cm, strict=False):
            tc.width = Cm(width)


def set_default_language(document, language: str) -> None:
    """The proofing language in the document defaults and in every style that sets its own."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    r_pr_default = defaults.find(qn("w:rPrDefault"))
    if r_pr_default is None:
        r_pr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, r_pr_default)
    r_pr = r_pr_default.find(qn("w:rPr"))
    if r_pr is None:
        r_pr = OxmlElement("w:rPr")
        r_pr_default.append(r_pr)
    for r in [r_pr, *styles.iter(qn("w:rPr"))]:
        lang = r.find(qn("w:lang"))
        if lang is None and r is not r_pr:
            continue
        if lang is None:
            lang = OxmlElement("w:lang")
            r.append(lang)
        lang.set(qn("w:val"), language)
        lang.set(qn("w:eastAsia"), language)
        lang.set(qn("w:bidi"), "ar-SA")


def _core(value: str) -> str:
    value = xml_safe(value or "")
    return value if len(value) <= _CORE_CHARS else value[: _CORE_CHARS - 1] + "…"
