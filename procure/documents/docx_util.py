"""Small helpers for the Word files procure writes with python-docx (the award's note and
letters): the document's language and title, tables whose header row repeats on every page,
many rows written fast, and the same bytes for the same content."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from copy import deepcopy

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from procure.documents.texts import WORD_LANGUAGE
from procure.textutil import xml_safe

TABLE_STYLE = "Light Grid Accent 1"
PLAIN_TABLE_STYLE = "Table Grid"  # the signature block: lines to write on, no shading
FONT_NAME = "Calibri"  # the annex's body font; Carlito renders it on Linux
_BREAKS = re.compile(r"[\t\n\r]")
_CORE_CHARS = 255  # python-docx refuses longer core property values


def new_document(lang: str, title: str, *, author: str = "", subject: str = "") -> Document:
    """An empty A4 document in `lang` (the proofing language of every style) with its title."""
    document = Document()
    normal = document.styles["Normal"]
    normal.font.name = FONT_NAME
    normal.font.size = Pt(10)
    language = WORD_LANGUAGE.get(lang, WORD_LANGUAGE["da"])
    _set_default_language(document, language)
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

    Rows are written as copies of one empty row python-docx made, which is many times faster
    than add_row() and cell.text for the thousands of rows of a large award."""
    table = document.add_table(rows=1, cols=len(header))
    table.style = style
    _look(table, first_row=True, first_column=False)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    head = table.rows[0]
    _repeat_as_header(head._tr)
    for cell, label in zip(head.cells, header, strict=True):
        run = cell.paragraphs[0].add_run(text(label))
        run.bold = True
    empty = table.add_row()._tr
    empty.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # a row stays on one page
    tbl = empty.getparent()
    tbl.remove(empty)
    for values in rows:
        tr = deepcopy(empty)
        tbl.append(tr)
        for tc, value in zip(tr.tc_lst, values, strict=True):
            run = tc.p_lst[0].add_r()
            value = text(value)
            if _BREAKS.search(value):
                run.text = value  # python-docx turns tabs and breaks into their elements
            elif value:
                run.add_t(value)
    _set_widths(table, widths_cm)
    return table


def add_facts(document, pairs: Iterable[tuple[str, str]], widths_cm=(4.5, 12.5)):
    """A two-column table of label and value, labels bold, no header row."""
    table = document.add_table(rows=0, cols=2)
    table.style = TABLE_STYLE
    _look(table, first_row=False, first_column=True)
    table.autofit = False
    for label, value in pairs:
        cells = table.add_row().cells
        cells[0].paragraphs[0].add_run(text(label)).bold = True
        cells[1].paragraphs[0].add_run(text(value))
    _set_widths(table, widths_cm)
    return table


def document_bytes(document, day: dt.date) -> bytes:
    """The document as .docx bytes, every date in it `day`: same content, same bytes."""
    from procure.documents.render import package_bytes

    when = dt.datetime(day.year, day.month, day.day)
    props = document.core_properties
    props.created = props.modified = props.last_printed = when
    return package_bytes(document, when)


# -- Pieces -------------------------------------------------------------------------------------


def _repeat_as_header(tr) -> None:
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


def _set_default_language(document, language: str) -> None:
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
