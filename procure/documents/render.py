"""Rendering Word templates: shared by the annex and the response form.

A template is a .docx with Jinja tags (docxtpl). It is rendered in a sandbox with strict
undefined variables and autoescaping, because municipalities may supply their own templates
and requirement texts contain `& < >`. What docxtpl cannot do is done here on the rendered
XML tree (which docxtpl has parsed already, so it costs no extra parse): the table of
contents, document properties, and a zip with fixed timestamps so a tender rebuilds
byte-identically.
"""

from __future__ import annotations

import functools
import io
import re
import zipfile
from datetime import date, datetime
from pathlib import Path

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.opc.pkgwriter import _ContentTypesItem
from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment, SecurityError
from lxml import etree

from procure.documents.texts import WORD_LANGUAGE
from procure.errors import ProcureError
from procure.i18n import Message, t
from procure.tender.spec import TenderSpec
from procure.textutil import xml_safe

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W_NS}
CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
# The format id Office uses for user-defined custom properties.
CUSTOM_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"

TEMPLATE_KINDS = ("annex", "response-form")
TEMPLATE_NAME = re.compile(r"^(annex|response-form)\.([a-z]{2})\.docx$")

SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


@functools.cache
def _compiled(expression: str) -> etree.XPath:
    return etree.XPath(expression, namespaces=NS)


def xpath(element: etree._Element, expression: str) -> list:
    """XPath with the w: prefix, on plain lxml and python-docx elements alike (python-docx's
    elements override .xpath() with their own namespace map)."""
    return _compiled(expression)(element)


def w(tag: str) -> str:
    """A WordprocessingML tag or attribute name in Clark notation."""
    return f"{{{W_NS}}}{tag}"


_P, _PPR, _PSTYLE, _T, _VAL = (w(name) for name in ("p", "pPr", "pStyle", "t", "val"))


# -- finding and rendering templates ----------------------------------------------------------


def default_templates_dir() -> Path:
    """The shipped templates: the checkout's templates/ or the copy inside an installed wheel."""
    package_dir = Path(__file__).resolve().parents[1]
    for candidate in (package_dir.parent / "templates", package_dir / "_data" / "templates"):
        if (candidate / "annex.da.docx").is_file():
            return candidate
    return package_dir.parent / "templates"


def template_path(kind: str, lang: str, templates_dir: Path | None = None) -> Path:
    """The template file for a document kind and language: the municipality's own when its
    folder has one of that name, otherwise the shipped one."""
    name = f"{kind}.{lang}.docx"
    if templates_dir is not None:
        own = Path(templates_dir) / name
        if own.is_file():
            return own
        if not Path(templates_dir).is_dir():
            raise ProcureError.file_missing(templates_dir, t("skabelonmappen"))
    return default_templates_dir() / name


def jinja_environment() -> SandboxedEnvironment:
    # Every value a placeholder prints passes xml_safe: a control character typed or pasted
    # into a title (Word's line break is \x0b) would otherwise make the document unreadable.
    return SandboxedEnvironment(
        undefined=StrictUndefined, autoescape=True, finalize=_printable_value
    )


def _printable_value(value: object) -> object:
    """Plain text without the characters XML forbids; markup and non-text values unchanged."""
    if isinstance(value, str) and not hasattr(value, "__html__"):
        return xml_safe(value)
    return value


# A text run holding one of the characters docxtpl turns into Word markup after rendering
# (tab, bell: new paragraph, line feed: line break, form feed: page break). A run's text
# cannot hold "<", so the search stops at the run's end.
_LISTING_TEXT = re.compile(r"<w:t(?: [^>]*)?>[^<]*[\t\a\n\f]")


class _Template(DocxTemplate):
    """docxtpl's template, minus its listing pass over every run when no run needs it.

    That pass (resolve_listing) rewrites the characters above inside <w:t> and leaves all
    else as it is; without one of them in any run its output is its input, and it was a
    third of a 1,000-requirement document's render."""

    def resolve_listing(self, xml):
        if not _LISTING_TEXT.search(xml):
            return xml
        return super().resolve_listing(xml)

    def fix_tables(self, xml):
        """docxtpl 0.20's fix_tables (each table's grid made as wide as its widest row), with
        a row's width counted once and, for a row without merged cells, as its cell count:
        the original looked up every cell's properties in Python, a quarter of a
        1,000-requirement document's render. Same tree out."""
        tree = etree.fromstring(xml, parser=etree.XMLParser(recover=True))
        ns = "{" + tree.nsmap["w"] + "}"
        tc, tr = ns + "tc", ns + "tr"
        merged = set()  # rows with a cell whose properties carry a gridSpan
        for span in tree.iter(ns + "gridSpan"):
            props = span.getparent()
            cell = props.getparent() if props is not None else None
            if cell is not None and props.tag == ns + "tcPr" and cell.tag == tc:
                merged.add(cell.getparent())
        widths: dict = {}  # row -> (cells, grid columns spanned), as the original counts them

        def width(row) -> tuple[int, int]:
            found = widths.get(row)
            if found is None:
                cells = row.findall(tc)
                spanned = len(cells)
                if row in merged:
                    spanned = 0
                    for cell in cells:
                        props = cell.find(ns + "tcPr")
                        span = None if props is None else props.find(ns + "gridSpan")
                        spanned += 1 if span is None else int(span.get(ns + "val"))
                found = widths[row] = (len(cells), spanned)
            return found

        for table in tree.iter(ns + "tbl"):
            grid = table.find(ns + "tblGrid")
            columns = grid.findall(ns + "gridCol")
            rows = [width(row) for row in table.iter(tr)]
            to_add = 0
            for cells, _ in rows:
                if len(columns) + to_add < cells:
                    to_add = cells - len(columns)
            if to_add > 0:
                total = 0.0
                new_average = None
                for c in columns:
                    if c.get(ns + "w") is not None:
                        total += float(c.get(ns + "w"))
                if total > 0:
                    old_average = total / len(columns)
                    new_average = total / (len(columns) + to_add)
                    for c in columns:
                        c.set(
                            ns + "w", str(int(float(c.get(ns + "w")) * new_average / old_average))
                        )
                    for _ in range(to_add):
                        etree.SubElement(grid, ns + "gridCol", {ns + "w": str(int(new_average))})
            columns = grid.findall(ns + "gridCol")
            widest = max((spanned for _, spanned in rows), default=0)
            to_remove = len(columns) - widest
            if to_remove > 0:
                removed = 0.0
                for c in columns[-to_remove:]:
                    removed += float(c.get(ns + "w"))
                    grid.remove(c)
                left = grid.findall(ns + "gridCol")
                extra = int(removed / len(left)) if left else 0
                for c in left:
                    c.set(ns + "w", str(int(float(c.get(ns + "w")) + extra)))
        return tree


def render_template(path: Path, context: dict) -> Document:
    """Render a docxtpl template; the rendered python-docx Document, not yet saved.

    Every template problem (syntax, unknown placeholder, forbidden operation, broken XML)
    becomes a ProcureError that names the template file.
    """
    path = Path(path)
    if not path.is_file():
        raise ProcureError.file_missing(path, t("skabelonen"))
    template = _Template(str(path))
    try:
        template.init_docx()
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as exc:
        raise ProcureError.unreadable(
            path, t("ikke et Word-dokument (.docx): {error}", error=str(exc))
        ) from exc
    try:
        template.render(attribute_rows(context), jinja_environment(), autoescape=True)
    except TemplateSyntaxError as exc:
        raise ProcureError.invalid(path, syntax_message(exc)) from exc
    except UndefinedError as exc:
        raise ProcureError.invalid(
            path,
            t(
                "skabelonen bruger en pladsholder, der ikke findes: {name}{near}; se "
                "docs/templates.md for de pladsholdere, der kan bruges",
                name=_undefined_name(exc),
                near=_near(exc),
            ),
        ) from exc
    except SecurityError as exc:
        raise ProcureError.invalid(
            path,
            t(
                "skabelonen forsøger noget, der ikke er tilladt: {error}{near}",
                error=str(exc),
                near=_near(exc),
            ),
        ) from exc
    except TemplateError as exc:
        raise ProcureError.invalid(
            path,
            t("skabelonen kan ikke dannes: {error}{near}", error=str(exc), near=_near(exc)),
        ) from exc
    except etree.XMLSyntaxError as exc:
        raise ProcureError.invalid(
            path,
            t(
                "skabelonen giver et ugyldigt Word-dokument ({error}); står {{%p …%}}- og "
                "{{%tr …%}}-mærker i deres egne afsnit og tabelrækker?",
                error=str(exc),
            ),
        ) from exc
    return template.docx


class _Row(dict):
    """A context dict a template reads as before, minus an exception per `row.key`.

    Jinja's sandbox looks `row.key` up as an attribute first and only then as an item: on a
    plain dict that raises and catches an AttributeError each time (a seventh of a
    1,000-requirement annex). Here a key comes back as the attribute; what a real attribute
    of dict is (`row.items`), a name with an underscore, or a missing key still fails the
    same way and is looked up as an item, so every template renders exactly as before."""

    __slots__ = ()

    def __getattr__(self, name: str):
        if name.startswith("_") or name not in self:
            raise AttributeError(name)
        return self[name]


def attribute_rows(value):
    """`value` with every plain dict in it (inside lists and tuples too) a _Row."""
    kind = type(value)  # exactly: a named tuple or another mapping type stays what it is
    if kind is dict:
        return _Row({key: attribute_rows(item) for key, item in value.items()})
    if kind is list:
        return [attribute_rows(item) for item in value]
    if kind is tuple:
        return tuple(attribute_rows(item) for item in value)
    return value


def syntax_message(exc: TemplateSyntaxError) -> Message:
    return t("skabelonen har en syntaksfejl: {error}{near}", error=exc.message, near=_near(exc))


def _undefined_name(exc: UndefinedError) -> str:
    text = str(exc)
    match = re.search(r"'([^']+)' is undefined", text) or re.search(
        r"has no attribute '([^']+)'", text
    )
    return f"»{match.group(1)}«" if match else text


def _near(exc: Exception) -> str | Message:
    """The template text around the error, as docxtpl records it (tags stripped); "" when
    docxtpl recorded none."""
    lines = [line.strip() for line in getattr(exc, "docx_context", None) or () if line.strip()]
    snippet = " … ".join(lines)
    if not snippet:
        return ""
    if len(snippet) > 160:
        snippet = snippet[:157] + "…"
    return t(" (nær teksten: {snippet})", snippet=snippet)


# -- the rendered document --------------------------------------------------------------------


def document_body(document: Document) -> etree._Element:
    return document.element.body


def set_core_properties(document: Document, spec: TenderSpec, subject: str, comments: str):
    """Title, subject and fixed dates (the tender's date) so a rebuild is byte-identical."""
    when = _tender_datetime(spec)
    props = document.core_properties
    props.title = _core_text(spec.tender.title)
    props.subject = _core_text(subject)
    props.author = _core_text(spec.tender.buyer.name)
    props.last_modified_by = "procure"
    props.category = _core_text(spec.category_name)
    props.comments = _core_text(comments)
    props.identifier = spec.tender.id
    props.language = WORD_LANGUAGE.get(spec.language, spec.language)
    props.version = spec.library_version
    props.keywords = ""
    props.content_status = ""
    props.revision = 1
    props.created = when
    props.modified = when
    props.last_printed = when


def _core_text(text: str) -> str:
    # python-docx refuses core property values longer than 255 characters.
    text = xml_safe(text)
    return text if len(text) <= 255 else text[:254] + "…"


def set_custom_properties(document: Document, values: dict[str, str]) -> None:
    """Write `values` as custom document properties (docProps/custom.xml), keeping any other
    custom properties the template has; the part, its content type override and the package
    relationship are created when missing."""
    package = document.part.package
    try:
        part = package.part_related_by(RT.CUSTOM_PROPERTIES)
    except KeyError:
        part = None
    root = None
    if part is not None:
        try:
            root = etree.fromstring(part.blob, parser=SAFE_PARSER)
        except etree.XMLSyntaxError:
            root = None
    if root is None:
        root = etree.Element(f"{{{CUSTOM_NS}}}Properties", nsmap={None: CUSTOM_NS, "vt": VT_NS})
    for prop in list(root):
        if prop.get("name") in values:
            root.remove(prop)
    for name, value in values.items():
        prop = etree.SubElement(root, f"{{{CUSTOM_NS}}}property", fmtid=CUSTOM_FMTID, name=name)
        etree.SubElement(prop, f"{{{VT_NS}}}lpwstr").text = xml_safe(value)
    for pid, prop in enumerate(root, start=2):
        prop.set("pid", str(pid))
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    if part is None:
        part = Part(PackURI("/docProps/custom.xml"), CT.OFC_CUSTOM_PROPERTIES, blob, package)
        package.relate_to(part, RT.CUSTOM_PROPERTIES)
    else:
        part._blob = blob


# Elements that follow w:updateFields in w:settings (ECMA-376 CT_Settings sequence); Word
# rejects a settings part whose children are out of order.
_AFTER_UPDATE_FIELDS = {
    "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr",
    "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown",
    "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol",
    "listSeparator",
}  # fmt: skip


def request_field_update(document: Document) -> None:
    """Set w:updateFields so Word offers to refresh fields (the TOC's page numbers) on open."""
    settings = document.settings.element
    element = settings.find(w("updateFields"))
    if element is None:
        element = etree.Element(w("updateFields"))
        successor = next(
            (c for c in settings if etree.QName(c).localname in _AFTER_UPDATE_FIELDS), None
        )
        if successor is None:
            settings.append(element)
        else:
            successor.addprevious(element)
    element.set(w("val"), "true")


def docx_bytes(document: Document, spec: TenderSpec) -> bytes:
    """The document as .docx bytes, identical for identical content.

    python-docx stamps each zip member with the current time; this writes the same members
    (in the same order, like docx.opc.pkgwriter.PackageWriter) dated the tender's date.
    """
    return package_bytes(document, _tender_datetime(spec))


def package_bytes(document: Document, when: datetime) -> bytes:
    package = document.part.package
    parts = list(package.iter_parts())
    for part in parts:
        part.before_marshal()
    # Zip entries can only hold dates from 1980 to 2107 (a tender may be dated outside).
    stamp = (min(max(when.year, 1980), 2107), when.month, when.day, 0, 0, 0)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:

        def put(name: str, blob: bytes) -> None:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, blob)

        put("[Content_Types].xml", _ContentTypesItem.from_parts(parts).blob)
        put("_rels/.rels", package.rels.xml)
        for part in parts:
            put(part.partname.membername, part.blob)
            if len(part.rels):
                put(part.partname.rels_uri.membername, part.rels.xml)
    return buffer.getvalue()


def _tender_datetime(spec: TenderSpec) -> datetime:
    try:
        day = date.fromisoformat(spec.tender.date)
    except (TypeError, ValueError):
        day = date(1980, 1, 1)
    return datetime(day.year, day.month, day.day)


# -- table of contents ------------------------------------------------------------------------


def fill_table_of_contents(document: Document) -> list[tuple[int, str]]:
    """Fill the cached result of the document's TOC field with its headings.

    Word fills a TOC only when asked, and LibreOffice never does, so without this a reader
    (and every PDF made with LibreOffice) sees an empty contents page. Each heading gets a
    bookmark and its entry a link to it; page numbers are left to Word's field update
    (w:updateFields), since only a layout engine knows them. Returns the (level, title)
    entries written; none when the document has no TOC field.
    """
    body = document_body(document)
    field = _find_toc_field(body)
    if field is None:
        return []
    begin, instruction, end = field
    first_p, last_p = _paragraph_of(begin), _paragraph_of(end)
    if first_p is None or last_p is None or first_p.getparent() is not last_p.getparent():
        return []
    low, high = _outline_range(instruction)
    styles = document.styles.element
    levels = _heading_levels(styles)
    headings = _headings(body, levels, low, high)
    if not headings:
        return []
    toc_styles = _toc_style_ids(styles)
    anchors = _add_bookmarks(body, [p for p, _, _ in headings])

    entries = []
    for (_, level, title), anchor in zip(headings, anchors, strict=True):
        p = etree.Element(w("p"))
        ppr = etree.SubElement(p, w("pPr"))
        if level in toc_styles:
            etree.SubElement(ppr, w("pStyle")).set(w("val"), toc_styles[level])
        else:
            etree.SubElement(ppr, w("ind")).set(w("left"), str(220 * (level - 1)))
        link = etree.SubElement(p, w("hyperlink"))
        link.set(w("anchor"), anchor)
        link.set(w("history"), "1")
        link.append(_text_run(title))
        entries.append(p)
    first = entries[0]
    for run in reversed(_field_runs("begin", instruction, "separate")):
        first.find(w("pPr")).addnext(run)
    entries[-1].append(_field_char_run("end"))

    parent = first_p.getparent()
    old = [first_p]
    sibling = first_p
    while sibling is not last_p:
        sibling = sibling.getnext()
        old.append(sibling)
    for p in entries:
        first_p.addprevious(p)
    for p in old:
        parent.remove(p)
    return [(level, title) for _, level, title in headings]


def _find_toc_field(body):
    """The TOC field's begin fldChar, its instruction and its matching end fldChar."""
    for instr in body.iter(w("instrText")):
        if not (instr.text or "").strip().upper().startswith("TOC"):
            continue
        p = _paragraph_of(instr)
        if p is None:
            continue
        begin = None
        for element in p.iter(w("fldChar"), w("instrText")):
            if element is instr:
                break
            if element.tag == w("fldChar") and element.get(w("fldCharType")) == "begin":
                begin = element
        if begin is None:
            continue
        instruction = "".join(
            t.text or "" for t in p.iter(w("instrText")) if _after(begin, t, p)
        ).strip()
        depth, seen = 0, False
        for element in body.iter(w("fldChar")):
            if element is begin:
                seen = True
            if not seen:
                continue
            kind = element.get(w("fldCharType"))
            depth += 1 if kind == "begin" else -1 if kind == "end" else 0
            if depth == 0:
                return begin, instruction, element
    return None


def _after(begin, element, paragraph) -> bool:
    for candidate in paragraph.iter(w("fldChar"), w("instrText")):
        if candidate is begin:
            return True
        if candidate is element:
            return False
    return False


def _paragraph_of(element):
    return next(element.iterancestors(w("p")), None)


def _outline_range(instruction: str) -> tuple[int, int]:
    match = re.search(r'\\o\s+"(\d)-(\d)"', instruction)
    return (int(match.group(1)), int(match.group(2))) if match else (1, 3)


def _heading_levels(styles) -> dict[str, int]:
    """Paragraph style id → heading level, by the built-in names "heading 1" … "heading 9"
    (the ids differ by Word's language: Heading1, Overskrift1, …)."""
    levels = {}
    for style in styles.iterfind(w("style")):
        name = style.find(w("name"))
        match = re.fullmatch(
            r"heading ([1-9])", (name.get(w("val")) if name is not None else ""), re.I
        )
        if match and style.get(w("styleId")):
            levels[style.get(w("styleId"))] = int(match.group(1))
    return levels


def _toc_style_ids(styles) -> dict[int, str]:
    ids = {}
    for style in styles.iterfind(w("style")):
        name = style.find(w("name"))
        match = re.fullmatch(r"toc ([1-9])", (name.get(w("val")) if name is not None else ""), re.I)
        if match and style.get(w("styleId")):
            ids[int(match.group(1))] = style.get(w("styleId"))
    return ids


def _headings(body, levels: dict[str, int], low: int, high: int):
    wanted = {sid: lvl for sid, lvl in levels.items() if low <= lvl <= high}
    found = []
    # Walking the pStyle elements is several times faster than an XPath predicate over
    # every paragraph of a 1,000-row document.
    for style in body.iter(_PSTYLE):
        level = wanted.get(style.get(_VAL))
        ppr = style.getparent()
        if level is None or ppr.tag != _PPR or ppr.getparent().tag != _P:
            continue
        p = ppr.getparent()
        title = " ".join("".join(t.text or "" for t in p.iter(_T)).split())
        if title:
            found.append((p, level, title))
    return found


def _add_bookmarks(body, paragraphs) -> list[str]:
    """Bookmark each paragraph with a Word-style hidden name (_Toc…); deterministic names and
    ids that do not clash with the template's own bookmarks."""
    existing = xpath(body, ".//w:bookmarkStart")
    names = {b.get(w("name")) for b in existing}
    ids = [int(b.get(w("id"))) for b in existing if (b.get(w("id")) or "").isdigit()]
    next_id = max(ids, default=0) + 1
    anchors = []
    counter = 0
    for p in paragraphs:
        counter += 1
        name = f"_Toc{counter:09d}"
        while name in names:
            counter += 1
            name = f"_Toc{counter:09d}"
        start = etree.Element(w("bookmarkStart"))
        start.set(w("id"), str(next_id))
        start.set(w("name"), name)
        end = etree.Element(w("bookmarkEnd"))
        end.set(w("id"), str(next_id))
        ppr = p.find(w("pPr"))
        if ppr is None:
            p.insert(0, start)
        else:
            ppr.addnext(start)
        p.append(end)
        anchors.append(name)
        next_id += 1
    return anchors


def _text_run(text: str) -> etree._Element:
    run = etree.Element(w("r"))
    t = etree.SubElement(run, w("t"))
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return run


def _field_char_run(kind: str) -> etree._Element:
    run = etree.Element(w("r"))
    etree.SubElement(run, w("fldChar")).set(w("fldCharType"), kind)
    return run


def _field_runs(begin: str, instruction: str, separate: str) -> list[etree._Element]:
    instr_run = etree.Element(w("r"))
    instr = etree.SubElement(instr_run, w("instrText"))
    instr.text = f" {instruction} "
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return [_field_char_run(begin), instr_run, _field_char_run(separate)]
