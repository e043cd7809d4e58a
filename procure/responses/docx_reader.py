"""Reading a vendor's Word response form from the checked package members.

The form's XML is read directly, not through python-docx, whose `.text` drops what vendors
actually type into forms: text in content controls (`w:sdt`) and tracked insertions (`w:ins`).
Tables are found by their header labels (forms.HEADER_LABELS, Danish or English) and columns
mapped by label to grid columns, so reordered or extra columns, merged cells, nested tables
and a table split in two all read the same. Rows are kept by requirement id, never position.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Iterator
from dataclasses import dataclass
from types import MappingProxyType

from lxml import etree

from procure import forms
from procure.errors import ProcureError
from procure.i18n import t
from procure.responses.model import AnswerRow, FormMetadata, VendorInfo, VendorResponse
from procure.responses.package import one_line, safe_xml_parser

_WORD_NAMESPACES = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",  # Strict Open XML, as Word can save
)
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_RELATIONSHIPS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CUSTOM_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"
_DEFAULT_DOCUMENT = "word/document.xml"
_DEFAULT_CUSTOM = "docProps/custom.xml"

_HEADER_KEYS = forms.HEADER_KEYS
_VENDOR_KEYS = forms.VENDOR_KEYS
_FALSE_VALUES = ("0", "false", "off")


def read_docx_response(members: dict[str, bytes], source: str) -> VendorResponse:
    """The vendor's answers, identification and form stamps from a checked .docx package."""
    document_name = _main_part_name(members)
    if document_name not in members:
        raise ProcureError.invalid(
            source,
            t(
                "filen er et Word-dokument uden hoveddokument (word/document.xml); gem den "
                "igen i Word"
            ),
        )
    root = _parse(members[document_name], document_name, source)
    namespace = etree.QName(root).namespace
    w = _WordNames(namespace if namespace in _WORD_NAMESPACES else _WORD_NAMESPACES[0])

    rows: list[AnswerRow] = []
    vendor: dict[str, str] = {}
    found_response_table = False
    continued: _ColumnMap | None = None  # the response table a headerless next table continues
    for number, table in enumerate(_tables(root, w), start=1):
        table_rows = [_row_cells(tr, w) for tr in _children(table, w.tr, w)]
        _collect_vendor(table_rows, vendor)
        nested = continued is not None and _is_inside(table, continued.table)
        columns, answers = _read_answer_table(
            table, table_rows, number, None if nested else continued, w
        )
        if columns is not None:
            found_response_table = True
            rows.extend(answers)
            continued = columns
        elif not nested:
            continued = None
    if not found_response_table:
        raise ProcureError.invalid(
            source,
            t(
                "der er ingen tabel med kolonnerne Krav-ID og Besvarelse (eller Requirement ID "
                "og Answer); brug den svarblanket, der fulgte med udbuddet, og behold dens "
                "overskriftsrække"
            ),
        )
    return VendorResponse(
        source=source,
        file_format="docx",
        vendor=VendorInfo(**vendor),
        metadata=_read_metadata(members),
        rows=tuple(rows),
    )


# Tables and rows -------------------------------------------------------------------------


@dataclass(frozen=True)
class _ColumnMap:
    """Grid column index of each column key, and the table's grid width (for continuations)."""

    columns: dict[str, int]
    width: int
    table: etree._Element


@dataclass(slots=True)
class _Cell:
    column: int  # the grid column the cell starts in
    text: str
    continues_above: bool = False  # a continued vertical merge: shows the cell above


def _read_answer_table(
    table: etree._Element,
    table_rows: list[list[_Cell]],
    number: int,
    previous: _ColumnMap | None,
    w: _WordNames,
) -> tuple[_ColumnMap | None, list[AnswerRow]]:
    """The column map this table answers under (None when it is no response table) and its
    answer rows. A table without a header row continues the previous response table when it
    directly follows it with the same grid width: what Word's "split table" leaves behind."""
    width = _grid_width(table, w)
    current: _ColumnMap | None = None
    if previous is not None and previous.width == width:
        current = _ColumnMap(previous.columns, width, table)
    answers: list[AnswerRow] = []
    above: dict[int, str] = {}  # per grid column, the text the previous row shows there
    for row_number, row_cells in enumerate(table_rows, start=1):
        cells = _resolve_vertical_merges(row_cells, above)
        header = _header_columns(cells)
        if header is not None:
            current = _ColumnMap(header, width, table)
            continue
        if current is None or not cells:
            continue
        answer = _answer_row(cells, current.columns, number, row_number)
        if answer is not None:
            answers.append(answer)
    return current, answers


def _resolve_vertical_merges(cells: list[_Cell], above: dict[int, str]) -> list[_Cell]:
    """A vertically merged cell reads as the text it shows in every row it spans; `above` is
    updated to this row."""
    resolved = [
        _Cell(cell.column, above.get(cell.column, ""), True) if cell.continues_above else cell
        for cell in cells
    ]
    above.update((cell.column, cell.text) for cell in resolved)
    return resolved


def _header_columns(cells: list[_Cell]) -> dict[str, int] | None:
    columns: dict[str, int] = {}
    for cell in cells:
        key = _HEADER_KEYS.get(forms.normalise_label(cell.text))
        if key is not None and key not in columns:
            columns[key] = cell.column
    if "id" in columns and "answer" in columns:
        return columns
    return None


def _answer_row(
    cells: list[_Cell], columns: dict[str, int], table_number: int, row_number: int
) -> AnswerRow | None:
    by_column = {cell.column: cell for cell in cells}

    def text(key: str) -> str | None:
        column = columns.get(key)
        if column is None:
            return None
        cell = by_column.get(column)
        return "" if cell is None else cell.text

    id_cell = by_column.get(columns["id"])
    if id_cell is None or id_cell.continues_above or not id_cell.text.strip():
        # A heading, spacer or extra row; an id cell merged down from the row above makes
        # the row an extra row too, not a second answer to the same requirement.
        return None
    requirement_id = id_cell.text.strip()
    answer_text = (text("answer") or "").strip()
    return AnswerRow(
        requirement_id=requirement_id,
        answer_text=answer_text,
        answer=forms.parse_answer(answer_text),  # None for an empty answer
        description=(text("description") or "").strip(),
        reservation=(text("reservation") or "").strip(),
        requirement_text=text("text"),
        kind_text=text("kind"),
        location=t("tabel {table}, række {row}", table=table_number, row=row_number),
    )


def _collect_vendor(table_rows: list[list[_Cell]], vendor: dict[str, str]) -> None:
    """Vendor fields from rows of two cells whose first cell is a vendor label; the first
    filled-in value of each field wins."""
    for cells in table_rows:
        if len(cells) != 2:
            continue
        key = _VENDOR_KEYS.get(forms.normalise_label(cells[0].text).rstrip(":").rstrip())
        if key is not None and not vendor.get(key):
            vendor[key] = cells[1].text.strip()


def _tables(root: etree._Element, w: _WordNames) -> Iterator[etree._Element]:
    """Every table in document order, nested ones included; a table in a compatibility
    fallback (mc:Fallback duplicates mc:Choice for old readers) is skipped."""
    for table in root.iter(w.tbl):
        if not any(ancestor.tag == _MC_FALLBACK for ancestor in table.iterancestors()):
            yield table


def _row_cells(tr: etree._Element, w: _WordNames) -> list[_Cell]:
    """The row's cells with their starting grid column; a cell spanning several grid columns
    counts once, at the first. A deleted row (tracked change) has no cells."""
    properties = tr.find(w.trPr)
    column = 0
    if properties is not None:
        if properties.find(w.deleted) is not None:
            return []
        column = max(0, _int_value(properties.find(w.gridBefore), w, 0))
    cells: list[_Cell] = []
    for tc in _children(tr, w.tc, w):
        span, merge = _cell_layout(tc, w)
        if merge == "horizontal":
            pass  # a legacy horizontal merge counts once, in its first cell
        elif merge == "vertical":
            cells.append(_Cell(column, "", continues_above=True))
        else:
            cells.append(_Cell(column, _cell_text(tc, w)))
        column += span
    return cells


def _cell_layout(tc: etree._Element, w: _WordNames) -> tuple[int, str | None]:
    """How many grid columns the cell spans, and which merge it continues, if any."""
    properties = tc[0] if len(tc) and tc[0].tag == w.tcPr else tc.find(w.tcPr)
    if properties is None:
        return 1, None
    span, merge = 1, None
    # One pass over the properties: find() per property is the reader's hot spot.
    for item in properties:
        tag = item.tag
        if tag == w.gridSpan:
            span = max(1, _int_value(item, w, 1))
        # Without w:val a merge element continues the merge, as "continue" does.
        elif tag == w.hMerge and item.get(w.val) != "restart":
            merge = "horizontal"
        elif tag == w.vMerge and merge is None and item.get(w.val) != "restart":
            merge = "vertical"
    return span, merge


def _grid_width(table: etree._Element, w: _WordNames) -> int:
    grid = table.find(w.tblGrid)
    return 0 if grid is None else len(grid.findall(w.gridCol))


def _children(parent: etree._Element, tag: str, w: _WordNames) -> Iterator[etree._Element]:
    """Children with `tag`, looking through the wrappers Word may put around rows and cells:
    content controls (repeating sections) and custom XML."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag == w.sdt:
            content = child.find(w.sdtContent)
            if content is not None:
                yield from _children(content, tag, w)
        elif child.tag == w.customXml:
            yield from _children(child, tag, w)


def _is_inside(element: etree._Element, container: etree._Element) -> bool:
    return any(ancestor is container for ancestor in element.iterancestors())


# Text --------------------------------------------------------------------------------------


def _cell_text(tc: etree._Element, w: _WordNames) -> str:
    """All the text a reader sees in the cell: paragraphs joined with "\\n", content controls
    and tracked insertions included, deletions, field codes and placeholders left out."""
    lines: list[str] = []
    join_next = False
    for paragraph in _paragraphs(tc, w):
        text = _paragraph_text(paragraph, w)
        if join_next and lines:
            lines[-1] += text
        else:
            lines.append(text)
        # A deleted paragraph mark (tracked change) merges this paragraph with the next.
        join_next = _mark_deleted(paragraph, w)
    return "\n".join(lines)


def _mark_deleted(paragraph: etree._Element, w: _WordNames) -> bool:
    """Whether the paragraph mark is a tracked deletion (w:pPr/w:rPr/w:del); pPr comes first."""
    if not len(paragraph) or paragraph[0].tag != w.pPr:
        return False
    mark = paragraph[0].find(w.rPr)
    return mark is not None and mark.find(w.deleted) is not None


def _paragraphs(element: etree._Element, w: _WordNames) -> Iterator[etree._Element]:
    """The cell's own paragraphs, including those in block content controls; not those of a
    nested table (read as a table of its own) or of deleted or placeholder content."""
    for child in element:
        tag = child.tag
        if tag == w.p:
            yield child
        elif tag == w.sdt:
            if not _showing_placeholder(child, w):
                content = child.find(w.sdtContent)
                if content is not None:
                    yield from _paragraphs(content, w)
        elif tag in w.block_wrappers:
            yield from _paragraphs(child, w)


def _paragraph_text(paragraph: etree._Element, w: _WordNames) -> str:
    out: list[str] = []
    _collect_text(paragraph, w, out)
    return "".join(out)


def _collect_text(element: etree._Element, w: _WordNames, out: list[str]) -> None:
    for child in element:
        tag = child.tag
        if tag == w.t:
            if child.text:
                out.append(child.text)
        elif tag == w.r:
            _collect_run(child, w, out)
        elif tag == w.sdt:
            if not _showing_placeholder(child, w):
                content = child.find(w.sdtContent)
                if content is not None:
                    _collect_text(content, w, out)
        elif tag in w.no_text:
            continue
        else:  # w:ins, w:hyperlink, w:smartTag, w:fldSimple, w:moveTo, mc:Choice, ...
            # Elements without text (w:pPr, comments) add nothing: their descendants hold
            # no w:t outside runs, and runs keep only w:t (not w:delText or w:instrText).
            _collect_text(child, w, out)


def _collect_run(run: etree._Element, w: _WordNames, out: list[str]) -> None:
    # Drawings and text boxes in a run are not the cell's text; deleted text and field codes
    # have their own tags (w:delText, w:instrText) and are left out here.
    for child in run:
        tag = child.tag
        if tag == w.t:
            if child.text:
                out.append(child.text)
        elif tag == w.tab:
            out.append("\t")
        elif tag in w.breaks:
            out.append("\n")
        elif tag == w.noBreakHyphen:
            out.append("-")


def _showing_placeholder(sdt: etree._Element, w: _WordNames) -> bool:
    properties = sdt.find(w.sdtPr)
    if properties is None:
        return False
    flag = properties.find(w.showingPlcHdr)
    return flag is not None and flag.get(w.val, "true").casefold() not in _FALSE_VALUES


# Package parts -----------------------------------------------------------------------------


def _main_part_name(members: dict[str, bytes]) -> str:
    return _related_part(members, "/officeDocument") or _DEFAULT_DOCUMENT


def _related_part(members: dict[str, bytes], type_suffix: str) -> str | None:
    """The part the package relationships (_rels/.rels) point to with a type ending in
    `type_suffix`, as a member name; None when there is none or it cannot be read."""
    raw = members.get("_rels/.rels")
    if raw is None:
        return None
    try:
        root = etree.fromstring(raw, safe_xml_parser())
    except etree.XMLSyntaxError:
        return None
    for relationship in root.iter(_RELATIONSHIPS_NS + "Relationship"):
        if relationship.get("TargetMode") == "External":
            continue
        if relationship.get("Type", "").endswith(type_suffix):
            target = posixpath.normpath(relationship.get("Target", "").lstrip("/"))
            return _member_name(members, target)
    return None


def _member_name(members: dict[str, bytes], name: str) -> str:
    """The member's name as stored (part names are case-insensitive)."""
    if name in members:
        return name
    wanted = name.casefold()
    return next((member for member in members if member.casefold() == wanted), name)


def _parse(raw: bytes, name: str, source: str) -> etree._Element:
    try:
        return etree.fromstring(raw, safe_xml_parser())
    except etree.XMLSyntaxError as exc:
        detail = exc.msg  # without lxml's " (<string>, line 1)" suffix
        raise ProcureError.invalid(
            source,
            t(
                "Word-dokumentets indhold ({name}) er ikke gyldig XML ({reason}); gem filen "
                "igen i Word",
                name=one_line(name),
                reason=one_line(detail, 120) if detail else t("ugyldig XML"),
            ),
        ) from exc


def _read_metadata(members: dict[str, bytes]) -> FormMetadata:
    """The form's stamps from the custom document properties; a missing or unreadable part
    gives empty metadata (the evaluation reports the missing stamp, not the reader)."""
    name = _related_part(members, "/custom-properties") or _DEFAULT_CUSTOM
    raw = members.get(name)
    if raw is None:
        return FormMetadata()
    try:
        root = etree.fromstring(raw, safe_xml_parser())
    except etree.XMLSyntaxError:
        return FormMetadata()
    values: dict[str, str] = {}
    for element in root.iter(_CUSTOM_NS + "property"):
        name = element.get("name")
        if name and name not in values:
            values[name] = "".join(element.itertext())
    return FormMetadata(
        format=values.get(forms.PROPERTY_FORMAT),
        tender_id=values.get(forms.PROPERTY_TENDER_ID),
        library_version=values.get(forms.PROPERTY_LIBRARY_VERSION),
        fingerprint=values.get(forms.PROPERTY_FINGERPRINT),
        stamps=MappingProxyType(_stamps(values.get(forms.PROPERTY_STAMPS))),
    )


def _stamps(text: str | None) -> dict[str, str]:
    if not text:
        return {}
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {key: value for key, value in data.items() if isinstance(value, str)}


def _int_value(element: etree._Element | None, w: _WordNames, default: int) -> int:
    if element is None:
        return default
    try:
        return int(element.get(w.val, default))
    except ValueError:
        return default


class _WordNames:
    """Clark-notation tag names in the document's WordprocessingML namespace."""

    def __init__(self, namespace: str):
        def name(local: str) -> str:
            return f"{{{namespace}}}{local}"

        self.val = name("val")
        self.tbl = name("tbl")
        self.tblGrid = name("tblGrid")
        self.gridCol = name("gridCol")
        self.tr = name("tr")
        self.trPr = name("trPr")
        self.gridBefore = name("gridBefore")
        self.tc = name("tc")
        self.tcPr = name("tcPr")
        self.gridSpan = name("gridSpan")
        self.vMerge = name("vMerge")
        self.hMerge = name("hMerge")
        self.p = name("p")
        self.r = name("r")
        self.t = name("t")
        self.tab = name("tab")
        self.breaks = frozenset((name("br"), name("cr")))
        self.noBreakHyphen = name("noBreakHyphen")
        self.sdt = name("sdt")
        self.sdtPr = name("sdtPr")
        self.sdtContent = name("sdtContent")
        self.showingPlcHdr = name("showingPlcHdr")
        self.customXml = name("customXml")
        self.deleted = name("del")
        self.pPr = name("pPr")
        self.rPr = name("rPr")
        # Never text though they hold runs: deleted and moved-away content, and the
        # compatibility fallback that repeats mc:Choice for old readers. (Field codes and
        # deleted text are w:instrText and w:delText in runs, which _collect_run skips.)
        self.no_text = frozenset((name("del"), name("moveFrom"), _MC_FALLBACK))
        # Block-level wrappers whose paragraphs belong to the cell they are in.
        self.block_wrappers = frozenset((name("customXml"), name("ins"), name("moveTo")))
