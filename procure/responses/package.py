"""Opening an uploaded file safely: what it is, and the checked contents of an Office package.

Vendor files are untrusted. The format is decided by the bytes, never by the file name alone,
and an Office package (a zip) is unpacked with every limit enforced while decompressing: the
sizes a zip declares can lie, so only bytes actually produced count (see PITFALLS.md). Every
part that an XML parser could read, whatever its name or declared type, is screened before any
parser sees it: a DOCTYPE or ENTITY declaration, or an encoding that would hide one, is
refused, and the elements of all parts together are counted against a limit, as are the cells
a workbook's merged ranges and hyperlinks make openpyxl build.

Every problem is one ProcureError naming the file; no other exception leaves this module.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from lxml import etree

from procure.errors import ProcureError
from procure.i18n import Message, t
from procure.textutil import clipped

KIB = 1024
MIB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """How much an uploaded file may hold. Real Office forms stay far below these."""

    max_file_bytes: int = 25 * MIB  # the upload itself
    max_total_uncompressed: int = 200 * MIB  # all members together, as decompressed
    max_member_bytes: int = 50 * MIB  # any one member, as decompressed (lxml needs ~10x in memory)
    max_ratio: int = 200  # decompressed bytes per compressed byte, for any one member
    max_members: int = 2000
    # Small members may compress far better than max_ratio (a run of empty XML rows) and do
    # no harm; the ratio is checked once a member has produced this many bytes.
    ratio_floor_bytes: int = 1 * MIB
    # XML elements in all parts together: a Word form of 5,000 requirements has about 500,000;
    # the reader takes about 1 s and 170 MB for that many.
    max_xml_elements: int = 500_000
    # A workbook's XML elements: a form of 5,000 requirements has about 150,000; openpyxl
    # takes up to 3 s and 200 MB for that many.
    max_sheet_elements: int = 150_000
    # Cells covered by a workbook's merged ranges and ranged hyperlinks: openpyxl builds an
    # object for each, at about 50 µs a cell (one merged range A1:Z100000 took 31 s and
    # 770 MB). Forms merge a few dozen.
    max_range_cells: int = 20_000


DEFAULT_LIMITS = Limits()

WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
SHEET_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
_CONTENT_TYPES_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_CONTENT_TYPES_PART = "[Content_Types].xml"
# [Content_Types].xml is a few KB in real files; sniffing reads no more than this of it.
_CONTENT_TYPES_CAP = 1 * MIB

_CHUNK = 64 * KIB
_XML_SUFFIXES = (".xml", ".rels", ".vml")
_XML_ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
# "<?xm" in EBCDIC, and "<" in UCS-4 with the byte orders 2143 and 3412 (libxml2 reads both)
_OTHER_XML_STARTS = (b"\x4c\x6f\xa7\x94", b"\x00\x00\x3c\x00", b"\x00\x3c\x00\x00")
_ENCODING_DECLARATION = re.compile(
    r"\s*<\?xml\s[^>]*?\bencoding\s*=\s*[\"']([^\"']{0,100})[\"']", re.IGNORECASE
)
_DECLARATION_START = re.compile(r"\s*<\?xml\s", re.IGNORECASE)
# Office writes an XML declaration of under 100 bytes; one that has not ended by here is refused,
# since an encoding named further on (padded with spaces) would escape the screening.
_DECLARATION_HEAD = 512
# Encodings (as Python's codec names them) that write the characters of "<!DOCTYPE" and
# "<!ENTITY" as the byte search looks for them: the Unicode encodings, ASCII, ISO-8859 and
# the Windows code pages. cp1006 is not among the latter, whatever its number.
_SCREENABLE_ENCODING = re.compile(r"utf-(8|16|32)(-[lb]e)?|ascii|iso8859-\d{1,2}|cp125[0-8]")
# The start of an XML document in each encoding: a byte-order mark, whitespace, "<"
_XML_STARTS = tuple(
    re.compile(
        b"(?:%s)?(?:%s)*%s"
        % (
            re.escape("\ufeff".encode(encoding)),
            b"|".join(re.escape(space.encode(encoding)) for space in " \t\r\n"),
            re.escape(b"<".decode().encode(encoding)),
        )
    )
    for encoding in _XML_ENCODINGS
)
# Elements whose cell ranges openpyxl expands into one object per cell, in the encodings read
_RANGE_WORDS = tuple(
    word.encode(encoding) for word in ("mergeCell", "hyperlink") for encoding in _XML_ENCODINGS
)
# A declaration in any encoding libxml2 would detect on its own; Office writes UTF-8.
_FORBIDDEN_DECLARATIONS = tuple(
    word.encode(encoding)
    for word in ("<!DOCTYPE", "<!ENTITY")
    for encoding in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
)
# Office only ever stores or deflates; other methods (bzip2, lzma) are refused.
_ALLOWED_COMPRESSION = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
_CENTRAL_DIRECTORY_SIGNATURE = b"PK\x01\x02"
_ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_IMAGE_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
)
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OFFICE_SUFFIXES = (".docx", ".xlsx", ".docm", ".xlsm", ".doc", ".xls")
# Text may hold tab, line feed and carriage return; any other control character means binary.
_BINARY_CONTROLS = bytes(c for c in range(32) if c not in (9, 10, 13)) + b"\x7f"


def safe_xml_parser() -> etree.XMLParser:
    """The only way vendor XML is parsed: no entities, no network, libxml2's size limits on."""
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def sniff(data: bytes, source: str, limits: Limits = DEFAULT_LIMITS) -> str:
    """The format by content: "docx", "xlsx", "yaml" or "json". Anything else is a ProcureError
    saying what the file is and what to upload instead. Of a package, only its table of
    contents is read, under `limits`."""
    try:
        return _sniff(data, source, limits)
    except ProcureError:
        raise
    except Exception as exc:  # a vendor file must never produce a traceback
        raise _unexpected(source, exc) from exc


def open_package(data: bytes, source: str, limits: Limits = DEFAULT_LIMITS) -> dict[str, bytes]:
    """Every member of an Office package by name, each decompressed under `limits` and each
    XML part free of DOCTYPE/ENTITY declarations."""
    try:
        return _open_package(data, source, limits)
    except ProcureError:
        raise
    except Exception as exc:  # a vendor file must never produce a traceback
        raise _unexpected(source, exc) from exc


def repack(members: dict[str, bytes]) -> bytes:
    """The checked members as a fresh zip, so a library that reopens the package (openpyxl)
    only ever sees bounded, checked content."""
    buffer = io.BytesIO()
    # Only ever reopened in memory at once: order, dates and compression level do not matter.
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def size_text(size: int) -> str | Message:
    """A byte count as a person reads it: "25 MB", "512 KB", "1,5 MB" (decimal point in
    English), or exact bytes."""
    if size >= MIB and size % MIB == 0:
        return f"{size // MIB} MB"
    if size >= KIB and size % KIB == 0:
        return f"{size // KIB} KB"
    if size >= MIB:
        whole, tenth = f"{size / MIB:.1f}".split(".")
        return t("{whole},{tenth} MB", whole=whole, tenth=tenth)
    return t("{size} byte", size=size)


def file_too_large(source: str, size: int, limits: Limits) -> ProcureError:
    return ProcureError.invalid(
        source,
        t(
            "filen er for stor ({size}); den største tilladte størrelse er {cap}",
            size=size_text(size),
            cap=size_text(limits.max_file_bytes),
        ),
    )


def one_line(text: str, limit: int = 80) -> str:
    """Text from a vendor file fit for a one-line message: a hostile file may name a part with
    line breaks or terminal escape sequences (shown escaped, textutil.clipped)."""
    return clipped(text, limit)


def check_workbook(members: dict[str, bytes], source: str, limits: Limits = DEFAULT_LIMITS) -> None:
    """Refuse a workbook that would make openpyxl build too many objects: more than
    `max_sheet_elements` XML elements, or more than `max_range_cells` cells covered by merged
    ranges and ranged hyperlinks (openpyxl makes an object for each cell they cover). Called
    on checked members (open_package)."""
    try:
        _check_workbook(members, source, limits)
    except ProcureError:
        raise
    except Exception as exc:  # a vendor file must never produce a traceback
        raise _unexpected(source, exc) from exc


# Private ---------------------------------------------------------------------------------


def _sniff(data: bytes, source: str, limits: Limits) -> str:
    if not data:
        raise ProcureError.invalid(
            source,
            t("filen er tom (0 byte); upload den udfyldte svarblanket som .docx eller .xlsx"),
        )
    if data.startswith(b"%PDF"):
        raise ProcureError.invalid(
            source,
            t(
                "filen er en PDF; upload den udfyldte svarblanket som .docx eller .xlsx, "
                "ikke som PDF"
            ),
        )
    for signature, kind in _IMAGE_SIGNATURES:
        if data.startswith(signature):
            raise ProcureError.invalid(
                source,
                t(
                    "filen er et billede ({kind}), ikke en svarblanket; upload den udfyldte "
                    "svarblanket som .docx eller .xlsx",
                    kind=kind,
                ),
            )
    if data.startswith(_OLE_SIGNATURE):
        raise ProcureError.invalid(
            source,
            t(
                "filen er adgangskodebeskyttet eller gammelt binært Office-format; "
                "gem som .docx/.xlsx uden adgangskode"
            ),
        )
    if data.startswith(_ZIP_SIGNATURES):
        return _sniff_package(data, source, limits)
    text = _as_text(data)
    if text is None:
        raise ProcureError.invalid(
            source,
            t(
                "filens indhold er ikke i et kendt format; upload svarblanketten som .docx, "
                ".xlsx, .yaml eller .json"
            ),
        )
    # Content decides the format, but text named like an Office file is a mistake worth naming
    # rather than a YAML error about a file the user believes is a Word document.
    suffix = "." + source.rsplit(".", 1)[-1].casefold() if "." in source else ""
    if suffix in _OFFICE_SUFFIXES:
        raise ProcureError.invalid(
            source,
            t(
                "filen hedder {suffix}, men indholdet er tekst, ikke et Office-dokument; upload "
                "den udfyldte svarblanket, som den blev gemt i Word eller Excel",
                suffix=suffix,
            ),
        )
    return "json" if text.lstrip().startswith(("{", "[")) else "yaml"


def _as_text(data: bytes) -> str | None:
    """The data as UTF-8 text (BOM allowed), or None when it is binary."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    if len(data.translate(None, _BINARY_CONTROLS)) != len(data):
        return None
    return text


def _sniff_package(data: bytes, source: str, limits: Limits) -> str:
    _check_package_size(data, source, limits)
    with _zip_errors_as_corrupt(source):
        archive = zipfile.ZipFile(io.BytesIO(data))
    with archive:  # _read_member turns every error of reading a member into its own message
        names = archive.namelist()
        if any(name.rsplit("/", 1)[-1].casefold() == "vbaproject.bin" for name in names):
            raise _macro(source)
        info = _find_member(archive, _CONTENT_TYPES_PART)
        if info is None:
            if "mimetype" in names and "content.xml" in names:
                raise ProcureError.invalid(
                    source,
                    t(
                        "filen er et OpenDocument-dokument (.odt/.ods); gem den som .docx eller "
                        ".xlsx (i LibreOffice: Filer > Gem som, vælg Word- eller Excel-format) "
                        "og upload den igen"
                    ),
                )
            raise _zip_other(source)
        sniff_limits = Limits(
            max_member_bytes=_CONTENT_TYPES_CAP, max_total_uncompressed=_CONTENT_TYPES_CAP
        )
        raw = _read_member(archive, info, source, sniff_limits, [0], len(data))
    content_types = _content_types(raw, source)
    lowered = {content_type.casefold() for content_type in content_types}
    if any("sheet.binary" in ct for ct in lowered):
        raise ProcureError.invalid(
            source, t("Excel-binære regneark (.xlsb) modtages ikke; gem som .xlsx")
        )
    if any("macroenabled" in ct or "vbaproject" in ct for ct in lowered):
        raise _macro(source)
    is_word = WORD_MAIN in lowered
    is_sheet = SHEET_MAIN in lowered
    if is_word and not is_sheet:
        return "docx"
    if is_sheet and not is_word:
        return "xlsx"
    raise _zip_other(source)


def _content_types(raw: bytes, source: str) -> set[str]:
    """Every content type [Content_Types].xml names (Default and Override)."""
    _refuse_declarations(_CONTENT_TYPES_PART, raw, source)
    try:
        root = etree.fromstring(raw, safe_xml_parser())
    except etree.XMLSyntaxError as exc:
        raise ProcureError.invalid(
            source,
            t(
                "filens indholdsfortegnelse ([Content_Types].xml) kan ikke læses; gem filen "
                "igen i Word eller Excel"
            ),
        ) from exc
    found = set()
    for tag in ("Default", "Override"):
        for element in root.iter(_CONTENT_TYPES_NS + tag):
            found.add(element.get("ContentType", ""))
    return found


def _open_package(data: bytes, source: str, limits: Limits) -> dict[str, bytes]:
    _check_package_size(data, source, limits)
    with _zip_errors_as_corrupt(source):
        archive = zipfile.ZipFile(io.BytesIO(data))
    with archive:
        # No more than max_members: _check_package_size counted an upper bound (every entry
        # zipfile reads starts with the central-directory signature it counted).
        infos = archive.infolist()
        members: dict[str, bytes] = {}
        seen: set[str] = set()
        total = [0]
        for info in infos:
            if info.is_dir():
                continue
            key = info.filename.casefold()  # part names are case-insensitive in OPC
            if key in seen:
                raise ProcureError.invalid(
                    source,
                    t(
                        "filen indeholder delen {name} mere end én gang; filen afvises",
                        name=one_line(info.filename),
                    ),
                )
            seen.add(key)
            members[info.filename] = _read_member(archive, info, source, limits, total, len(data))
    elements = 0
    for name, content in members.items():
        if name.casefold().endswith(_XML_SUFFIXES) or _looks_like_xml(content):
            _screen_xml(one_line(name), content, source)
            elements += _element_bound(content)
    if elements > limits.max_xml_elements:
        raise _too_many_elements(source, limits.max_xml_elements)
    return members


def _looks_like_xml(content: bytes) -> bool:
    """Whether an XML parser could read `content`: it starts, after a byte-order mark and any
    amount of whitespace, with "<" in UTF-8, UTF-16 or UTF-32, or with one of the other byte
    patterns libxml2 recognises as the start of XML (EBCDIC, UCS-4 in unusual byte orders)."""
    if content.startswith(_OTHER_XML_STARTS):
        return True
    return any(start.match(content) for start in _XML_STARTS)


def _screen_xml(name: str, content: bytes, source: str) -> None:
    if content.startswith(_OTHER_XML_STARTS):
        raise _odd_encoding(source, name, "EBCDIC/UCS-4")
    _refuse_declarations(name, content, source)
    declared = _declared_encoding(name, content, source)
    if declared is not None and not _screenable(declared):
        raise _odd_encoding(source, name, one_line(declared, 40))


def _declared_encoding(name: str, content: bytes, source: str) -> str | None:
    """The encoding the XML declaration names, if any. A declaration still open after
    _DECLARATION_HEAD bytes is refused: libxml2 would honour an encoding named after that
    (UTF-7 after 600 spaces hides "<!DOCTYPE" from the byte search)."""
    head = content[:_DECLARATION_HEAD]
    for encoding in _XML_ENCODINGS:
        text = head.decode(encoding, "replace").lstrip("\ufeff")
        match = _ENCODING_DECLARATION.match(text)
        if match:
            return match.group(1)
        if _DECLARATION_START.match(text) and ">" not in text:
            raise ProcureError.invalid(
                source,
                t(
                    "delen {name} har en XML-erklæring på over {size} byte, som Office-filer "
                    "ikke skriver; filen afvises",
                    name=name,
                    size=_DECLARATION_HEAD,
                ),
            )
    return None


def _screenable(encoding: str) -> bool:
    """Whether a declaration in this encoding is found by the byte search: only the Unicode
    encodings (searched for as such), ASCII and the ISO-8859 and Windows code pages are
    accepted. Office writes UTF-8; any other encoding, such as UTF-7 (whose decoder reads
    "+ADw-" as "<") or a stateful one such as ISO-2022, might write "<!DOCTYPE" otherwise."""
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return False  # unknown to Python; libxml2 or expat might know it, so it is refused
    return _SCREENABLE_ENCODING.fullmatch(name) is not None


def _element_bound(content: bytes) -> int:
    # Every element has a start tag, and so a "<"; end tags are not elements. In UTF-16 and
    # UTF-32 the "</" pairs are not found, which only makes the bound larger.
    return content.count(b"<") - content.count(b"</")


def _check_workbook(members: dict[str, bytes], source: str, limits: Limits) -> None:
    elements = covered = 0
    for content in members.values():
        if not _looks_like_xml(content):
            continue
        elements += _element_bound(content)
        if elements > limits.max_sheet_elements:
            raise _too_many_elements(source, limits.max_sheet_elements)
        if any(word in content for word in _RANGE_WORDS):
            covered += _covered_cells(content, limits.max_range_cells - covered)
            if covered > limits.max_range_cells:
                raise ProcureError.invalid(
                    source,
                    t(
                        "regnearkets flettede celler og links dækker over {limit} celler, langt "
                        "flere end en tilbudsliste; filen afvises",
                        limit=limits.max_range_cells,
                    ),
                )


def _covered_cells(content: bytes, budget: int) -> int:
    """Cells covered by the part's merged ranges and ranged hyperlinks, counted until they pass
    `budget`. The part is parsed (it was screened): a regular expression on the bytes would
    miss a reference written with character references, such as `&#65;1:Z100000`."""
    from openpyxl.utils.cell import range_boundaries

    covered = 0
    parser_options = {"resolve_entities": False, "no_network": True, "huge_tree": False}
    for _, element in etree.iterparse(
        io.BytesIO(content), tag=("{*}mergeCell", "{*}hyperlink"), **parser_options
    ):
        for reference in (element.get("ref") or "").split():
            try:
                first_column, first_row, last_column, last_row = range_boundaries(reference)
            except (ValueError, TypeError):
                continue  # openpyxl refuses it too when it opens the workbook
            if None in (first_column, first_row, last_column, last_row):
                covered += budget + 1  # a whole row or column: a million cells or more
            else:
                # A range may be written backwards (AA16409:XFD623): openpyxl still fills it
                width = abs(last_column - first_column) + 1
                covered += width * (abs(last_row - first_row) + 1)
            if covered > budget:
                return covered
        element.clear()
    return covered


def _check_package_size(data: bytes, source: str, limits: Limits) -> None:
    if len(data) > limits.max_file_bytes:
        raise file_too_large(source, len(data), limits)
    # Every central-directory entry starts with this signature, so the count is an upper bound
    # on the members; checking it before zipfile builds an entry for each spares half a
    # million entries (seconds and hundreds of MB) from a small hostile file.
    signatures = data.count(_CENTRAL_DIRECTORY_SIGNATURE)
    if signatures > limits.max_members:
        raise _too_many_members(source, signatures, limits)


def _read_member(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    source: str,
    limits: Limits,
    total: list[int],
    package_size: int,
) -> bytes:
    """One member's bytes, counted as they come out of the decompressor; `total` is the running
    count over the whole package (a one-item list so callers share it)."""
    name = one_line(info.filename)
    if info.flag_bits & 0x1:
        raise ProcureError.invalid(
            source, t("delen {name} er krypteret; gem filen uden adgangskode", name=name)
        )
    if info.compress_type not in _ALLOWED_COMPRESSION:
        raise ProcureError.invalid(
            source,
            t(
                "delen {name} er pakket med en komprimeringsmetode, som Office ikke bruger; "
                "gem filen igen i Word eller Excel",
                name=name,
            ),
        )
    # The declared compressed size can lie too; it can never exceed the package itself.
    compressed = max(1, min(info.compress_size, package_size))
    chunks: list[bytes] = []
    produced = 0
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                produced += len(chunk)
                total[0] += len(chunk)
                if produced > limits.max_member_bytes:
                    raise ProcureError.invalid(
                        source,
                        t(
                            "delen {name} fylder over {cap} udpakket; filen afvises som mulig "
                            "zip-bombe",
                            name=name,
                            cap=size_text(limits.max_member_bytes),
                        ),
                    )
                if total[0] > limits.max_total_uncompressed:
                    raise ProcureError.invalid(
                        source,
                        t(
                            "filen fylder over {cap} udpakket; filen afvises som mulig zip-bombe",
                            cap=size_text(limits.max_total_uncompressed),
                        ),
                    )
                if produced > limits.ratio_floor_bytes and produced > limits.max_ratio * compressed:
                    raise ProcureError.invalid(
                        source,
                        t(
                            "delen {name} er pakket usædvanligt tæt (over {ratio}:1); filen "
                            "afvises som mulig zip-bombe",
                            name=name,
                            ratio=limits.max_ratio,
                        ),
                    )
                chunks.append(chunk)
    except ProcureError:
        raise
    except Exception as exc:  # CRC, zlib, EOF and header errors alike
        raise ProcureError.invalid(
            source,
            t(
                "filen er beskadiget (delen {name} kan ikke pakkes ud); gem den igen i Word "
                "eller Excel og upload den på ny",
                name=name,
            ),
        ) from exc
    return b"".join(chunks)


def _refuse_declarations(name: str, content: bytes, source: str) -> None:
    # Office never writes a DTD; refusing it keeps billion-laughs and external entities away
    # from every parser that may see the part later (ours, openpyxl's, LibreOffice's).
    if any(declaration in content for declaration in _FORBIDDEN_DECLARATIONS):
        raise ProcureError.invalid(
            source,
            t(
                "delen {name} indeholder en DOCTYPE- eller ENTITY-erklæring, som Office-filer "
                "ikke bruger; filen afvises",
                name=name,
            ),
        )


def _find_member(archive: zipfile.ZipFile, name: str) -> zipfile.ZipInfo | None:
    wanted = name.casefold()
    for info in archive.infolist():
        if info.filename.casefold() == wanted:
            return info
    return None


def _too_many_elements(source: str, limit: int) -> ProcureError:
    return ProcureError.invalid(
        source,
        t(
            "filen rummer over {limit} XML-elementer, langt flere end en svarblanket; filen "
            "afvises",
            limit=limit,
        ),
    )


def _odd_encoding(source: str, name: str, encoding: str) -> ProcureError:
    return ProcureError.invalid(
        source,
        t(
            "delen {name} er skrevet i tegnsættet {encoding}, som Office-filer ikke bruger; "
            "filen afvises",
            name=name,
            encoding=encoding,
        ),
    )


def _too_many_members(source: str, count: int, limits: Limits) -> ProcureError:
    return ProcureError.invalid(
        source,
        t(
            "filen indeholder for mange dele ({count}; højst {cap} er tilladt); filen afvises",
            count=count,
            cap=limits.max_members,
        ),
    )


def _macro(source: str) -> ProcureError:
    return ProcureError.invalid(
        source,
        t("dokumenter med makroer (.docm/.xlsm) modtages ikke; gem som .docx/.xlsx uden makroer"),
    )


def _zip_other(source: str) -> ProcureError:
    return ProcureError.invalid(
        source,
        t(
            "filen er et zip-arkiv, men hverken et Word-dokument (.docx) eller et "
            "Excel-regneark (.xlsx)"
        ),
    )


def _unexpected(source: str, exc: Exception) -> ProcureError:
    return ProcureError.invalid(
        source,
        t(
            "filen kan ikke læses ({reason}); gem den igen i Word eller Excel og upload den på ny",
            reason=type(exc).__name__,
        ),
    )


@contextmanager
def _zip_errors_as_corrupt(source: str) -> Iterator[None]:
    """Any error from reading the zip structure becomes the one "damaged file" message."""
    try:
        yield
    except ProcureError:
        raise
    except Exception as exc:
        raise ProcureError.invalid(
            source,
            t(
                "filen er beskadiget eller ufuldstændig (zip-pakken kan ikke læses); gem den "
                "igen i Word eller Excel og upload den på ny"
            ),
        ) from exc
