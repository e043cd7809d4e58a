"""The exact counts behind two refusals of an uploaded Office file: cells covered by a
workbook's merged ranges and links (openpyxl builds an object for each), and the encodings an
XML part may declare (a declaration must be findable by the byte search for DOCTYPE/ENTITY).

Counted to the cell, at the limit and one past it (mutation testing, docs/testing.md, showed
the fuzz tests only proved that nothing crashed here).
"""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree

from procure.errors import ProcureError
from procure.responses.package import (
    WORD_MAIN,
    Limits,
    check_workbook,
    open_package,
    safe_xml_parser,
    sniff,
)
from tests.test_package import package

SOURCE = "tilbud.xlsx"
SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def sheet(merged=(), linked=(), extra: str = "") -> bytes:
    merges = "".join(f'<mergeCell ref="{ref}"/>' for ref in merged)
    links = "".join(f'<hyperlink ref="{ref}" location="A1"/>' for ref in linked)
    return (
        f'<worksheet xmlns="{SHEET_NS}">{extra}<sheetData/>'
        + (f"<mergeCells>{merges}</mergeCells>" if merged else "")
        + (f"<hyperlinks>{links}</hyperlinks>" if linked else "")
        + "</worksheet>"
    ).encode()


def covered_limit_message(limit: int) -> str:
    return (
        f"{SOURCE}: regnearkets flettede celler og links dækker over {limit} celler, langt "
        "flere end en tilbudsliste; filen afvises"
    )


def verdict(members: dict[str, bytes], cells: int) -> str:
    """ "ok", or the message, for a workbook checked with a limit of `cells` covered cells."""
    try:
        check_workbook(members, SOURCE, Limits(max_range_cells=cells))
    except ProcureError as exc:
        return str(exc)
    return "ok"


def test_merged_cells_are_counted_to_the_cell_over_all_sheets_and_links():
    # 2x2 + 2x3 merged on one sheet, 1x3 linked on another: 13 cells
    members = {
        "xl/worksheets/sheet1.xml": sheet(merged=["A1:B2", "C3:D5"]),
        "xl/media/image1.png": b"\x89PNG\r\n\x1a\n not xml",
        "xl/worksheets/sheet2.xml": sheet(linked=["A1:A3"]),
    }
    assert verdict(members, 13) == "ok"
    assert verdict(members, 12) == covered_limit_message(12)
    # the same 13 cells in the second sheet alone are counted after the first sheet's 10
    assert verdict({"xl/worksheets/sheet2.xml": sheet(linked=["A1:A3"])}, 3) == "ok"
    assert verdict({"xl/worksheets/sheet1.xml": sheet(merged=["A1:B2", "C3:D5"])}, 10) == "ok"


def test_a_range_written_backwards_covers_the_same_cells():
    members = {"xl/worksheets/sheet1.xml": sheet(merged=["C5:A1"])}  # 3 columns x 5 rows
    assert verdict(members, 15) == "ok"
    assert verdict(members, 14) == covered_limit_message(14)


def test_whole_rows_or_columns_are_refused_whatever_the_limit():
    for reference in ("A:A", "3:3"):
        members = {"xl/worksheets/sheet1.xml": sheet(merged=[reference])}
        assert verdict(members, 20_000) == covered_limit_message(20_000)
        assert verdict(members, 10**9) == covered_limit_message(10**9)


def test_references_openpyxl_cannot_read_are_skipped_and_the_rest_still_count():
    members = {
        "xl/worksheets/sheet1.xml": sheet(
            merged=["#REF!", "B2:C3"], linked=["#REF! A1 A2 A3"]
        ).replace(b'<mergeCell ref="#REF!"/>', b'<mergeCell ref="#REF!"/><mergeCell/>')
    }
    assert verdict(members, 7) == "ok"  # 4 merged + 3 linked cells after a bad reference
    assert verdict(members, 6) == covered_limit_message(6)


def test_a_reference_written_with_character_references_is_counted():
    members = {"xl/worksheets/sheet1.xml": sheet(merged=["&#65;1:&#66;3"])}  # A1:B3
    assert verdict(members, 6) == "ok"
    assert verdict(members, 5) == covered_limit_message(5)


def test_only_merged_ranges_and_links_count_not_the_sheets_other_references():
    extra = '<dimension ref="A1:XFD1048576"/><selection sqref="A1:Z99999"/>'
    members = {"xl/worksheets/sheet1.xml": sheet(merged=["A1:A2"], extra=extra)}
    assert verdict(members, 2) == "ok"


def test_a_broken_part_with_merged_cells_is_one_clear_message():
    members = {"xl/worksheets/sheet1.xml": sheet(merged=["A1:B2"])[:-20]}
    assert verdict(members, 20_000) == (
        f"{SOURCE}: filen kan ikke læses (XMLSyntaxError); gem den igen i Word eller Excel og "
        "upload den på ny"
    )


# Declared encodings ------------------------------------------------------------------------


def part(encoding: str, codec: str | None = None) -> bytes:
    text = f'<?xml version="1.0" encoding="{encoding}"?><Properties/>'
    return text.encode(codec or encoding)


def opened(content: bytes) -> str:
    try:
        open_package(package({"docProps/custom.xml": content}), SOURCE)
    except ProcureError as exc:
        return str(exc)
    return "ok"


def odd(encoding: str) -> str:
    return (
        f"{SOURCE}: delen docProps/custom.xml er skrevet i tegnsættet {encoding}, som "
        "Office-filer ikke bruger; filen afvises"
    )


@pytest.mark.parametrize(
    "encoding, codec",
    [
        ("UTF-8", None),
        ("UTF-16", None),
        ("utf-16le", "utf-16-le"),
        ("UTF-32", None),
        ("utf-32be", "utf-32-be"),
        ("ISO-8859-1", None),
        ("ISO-8859-15", None),
        ("windows-1252", None),
        ("windows-1250", None),
        ("ascii", None),
        ("US-ASCII", None),
    ],
)
def test_encodings_the_declaration_search_can_read_are_accepted(encoding, codec):
    assert opened(part(encoding, codec)) == "ok"


@pytest.mark.parametrize(
    "encoding",
    [
        "x-ukendt-tegnsæt",
        "base64",
        "rot13",
        "cp500",
        "UTF-7",
        "ISO-2022-JP",
        "Shift_JIS",
        "KOI8-R",
        "mac-roman",
        "cp1006",
        "utf-8-sig",
    ],
)
def test_other_declared_encodings_are_refused(encoding):
    # Only an allow-list is read: unknown to Python, not a text encoding, one that may write
    # "<!DOCTYPE" otherwise (EBCDIC, UTF-7's "+ADw-", ISO-2022's shifts) or that Office never
    # writes.
    assert opened(part(encoding, "utf-8")) == odd(encoding)


def test_a_declaration_after_a_byte_order_mark_is_screened_too():
    content = "\ufeff".encode() + part("x-ukendt", "utf-8")
    assert opened(content) == odd("x-ukendt")


def test_a_long_encoding_name_is_shown_cut_to_40_characters():
    name = "x-" + "a" * 60
    assert opened(part(name, "utf-8")) == odd(name[:37] + "...")


def test_an_ebcdic_or_ucs4_part_is_refused_by_its_first_bytes():
    ebcdic = '<?xml version="1.0"?><Properties/>'.encode("cp500")
    assert opened(ebcdic) == odd("EBCDIC/UCS-4")
    assert opened(b"\x00\x00\x3c\x00" + b"\x00" * 8) == odd("EBCDIC/UCS-4")


def padded_declaration(length: int, encoding: str) -> bytes:
    """An XML declaration of exactly `length` bytes, padded with spaces before the encoding."""
    start, end = '<?xml version="1.0"', f' encoding="{encoding}"?>'
    return (start + " " * (length - len(start) - len(end)) + end).encode()


def test_a_declaration_padded_past_512_bytes_is_refused():
    # libxml2 honours an encoding named after 600 spaces: in UTF-7 "<!DOCTYPE" is "+ADw-!DOCTYPE"
    doctype = b'+ADw-!DOCTYPE a +AFs-+ADw-!ENTITY e "boom"+AD4-+AF0-+AD4-+ADw-a+AD4-&e;+ADw-/a+AD4-'
    assert doctype.decode("utf-7") == '<!DOCTYPE a [<!ENTITY e "boom">]><a>&e;</a>'
    hidden = padded_declaration(640, "UTF-7") + doctype
    too_long = (
        f"{SOURCE}: delen docProps/custom.xml har en XML-erklæring på over 512 byte, som "
        "Office-filer ikke skriver; filen afvises"
    )
    assert opened(hidden) == too_long
    # the encoding's closing quote is byte 512 (refused) or byte 511 (read)
    assert opened(padded_declaration(515, "UTF-8") + b"<Properties/>") == too_long
    assert opened(padded_declaration(514, "UTF-8") + b"<Properties/>") == "ok"
    assert opened(padded_declaration(514, "UTF-7") + b"<Properties/>") == odd("UTF-7")


# Opening the package -----------------------------------------------------------------------


def test_the_parser_never_expands_an_entity_nor_accepts_a_tree_deeper_than_libxml2s_limit():
    root = etree.fromstring(b'<!DOCTYPE a [<!ENTITY e "boom">]><a>&e;</a>', safe_xml_parser())
    assert "boom" not in etree.tostring(root).decode()
    deep = b"<a>" * 300 + b"</a>" * 300
    with pytest.raises(etree.XMLSyntaxError, match="depth"):
        etree.fromstring(deep, safe_xml_parser())


def test_a_main_content_type_declared_by_extension_is_recognised():
    types = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels"/>'
        f'<Default Extension="xml" ContentType="{WORD_MAIN}"/></Types>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("word/document.xml", "<document/>")
    assert sniff(buffer.getvalue(), "svar.docx") == "docx"


def stored(entries: list[tuple[str, bytes]], method=zipfile.ZIP_STORED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, content in entries:
            archive.writestr(name, content)
    return buffer.getvalue()


def test_folders_are_skipped_and_every_member_after_them_is_read():
    data = stored([("word/", b""), ("word/document.xml", b"<d/>"), ("word/x.bin", b"12")])
    assert open_package(data, SOURCE) == {"word/document.xml": b"<d/>", "word/x.bin": b"12"}


def test_exactly_the_member_and_total_limits_are_allowed():
    data = stored([("a.bin", b"x" * 60), ("b.bin", b"y" * 40), ("c.bin", b"")])
    assert len(open_package(data, SOURCE, Limits(max_members=3, max_total_uncompressed=100))) == 3
    with pytest.raises(ProcureError) as caught:
        open_package(data, SOURCE, Limits(max_members=3, max_total_uncompressed=99))
    assert str(caught.value) == (
        f"{SOURCE}: filen fylder over 99 byte udpakket; filen afvises som mulig zip-bombe"
    )
    with pytest.raises(ProcureError) as caught:
        open_package(data, SOURCE, Limits(max_members=2))
    assert str(caught.value) == (
        f"{SOURCE}: filen indeholder for mange dele (3; højst 2 er tilladt); filen afvises"
    )


def test_opening_directly_names_the_file_in_a_size_or_damage_refusal():
    with pytest.raises(ProcureError) as caught:
        open_package(b"PK\x03\x04" + b"\x00" * 200, SOURCE, Limits(max_file_bytes=100))
    assert str(caught.value) == (
        f"{SOURCE}: filen er for stor (204 byte); den største tilladte størrelse er 100 byte"
    )
    with pytest.raises(ProcureError) as caught:
        open_package(b"PK\x03\x04" + b"\x00" * 200, SOURCE)
    assert str(caught.value) == (
        f"{SOURCE}: filen er beskadiget eller ufuldstændig (zip-pakken kan ikke læses); gem den "
        "igen i Word eller Excel og upload den på ny"
    )


def open_message(data: bytes, limits: Limits) -> str:
    try:
        open_package(data, SOURCE, limits)
    except ProcureError as exc:
        return str(exc)
    return "ok"


def test_a_member_of_exactly_the_member_limit_is_read_and_one_byte_more_is_not():
    data = stored([("a.bin", b"x" * 60)])
    assert open_message(data, Limits(max_member_bytes=60)) == "ok"
    assert open_message(data, Limits(max_member_bytes=59)) == (
        f"{SOURCE}: delen a.bin fylder over 59 byte udpakket; filen afvises som mulig zip-bombe"
    )


def test_the_ratio_is_checked_above_the_floor_and_only_above_the_ratio():
    # stored: as many bytes out as in, a ratio of exactly 1
    plain = stored([("a.bin", b"x" * 100)])
    assert open_message(plain, Limits(max_ratio=1, ratio_floor_bytes=0)) == "ok"
    # deflated zeros: far above a ratio of 1, refused only once past the floor
    packed = stored([("a.bin", b"\0" * 1000)], zipfile.ZIP_DEFLATED)
    assert open_message(packed, Limits(max_ratio=1, ratio_floor_bytes=1000)) == "ok"
    assert open_message(packed, Limits(max_ratio=1, ratio_floor_bytes=999)) == (
        f"{SOURCE}: delen a.bin er pakket usædvanligt tæt (over 1:1); filen afvises som mulig "
        "zip-bombe"
    )


def test_a_macro_part_is_found_by_its_name_at_any_depth():
    types = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        f'<Override PartName="/word/document.xml" ContentType="{WORD_MAIN}"/></Types>'
    )
    data = stored([("[Content_Types].xml", types.encode()), ("a/b/vbaProject.bin", b"x")])
    with pytest.raises(ProcureError) as caught:
        sniff(data, SOURCE)
    assert str(caught.value) == (
        f"{SOURCE}: dokumenter med makroer (.docm/.xlsm) modtages ikke; gem som .docx/.xlsx "
        "uden makroer"
    )


def test_a_long_part_name_is_cut_to_80_characters_in_the_message():
    name = "word/" + "n" * 100 + ".xml"
    data = package({name: "<!DOCTYPE a><a/>"})
    assert open_message(data, Limits()) == (
        f"{SOURCE}: delen {name[:77]}... indeholder en DOCTYPE- eller ENTITY-erklæring, som "
        "Office-filer ikke bruger; filen afvises"
    )


def test_text_named_like_an_office_file_is_named_by_its_last_suffix_only():
    text = b"answers:\n  - id: A-1\n"
    with pytest.raises(ProcureError) as caught:
        sniff(text, "svar.v2.DOCX")
    assert str(caught.value) == (
        "svar.v2.DOCX: filen hedder .docx, men indholdet er tekst, ikke et Office-dokument; "
        "upload den udfyldte svarblanket, som den blev gemt i Word eller Excel"
    )
    # a name without a dot has no suffix, even one that spells an Office format
    assert sniff(text, "docx") == "yaml"
    assert sniff(b'{"answers": []}', "xlsx") == "json"


def sniffed(data: bytes) -> str:
    try:
        return sniff(data, "svar.zip")
    except ProcureError as exc:
        return str(exc)


ZIP_OTHER = (
    "svar.zip: filen er et zip-arkiv, men hverken et Word-dokument (.docx) eller et "
    "Excel-regneark (.xlsx)"
)


def test_a_zip_without_a_table_of_contents_is_opendocument_only_with_both_its_parts():
    assert sniffed(stored([("content.xml", b"<a/>")])) == ZIP_OTHER
    assert sniffed(stored([("mimetype", b"x")])) == ZIP_OTHER
    assert "OpenDocument" in sniffed(stored([("mimetype", b"x"), ("content.xml", b"<a/>")]))


def word_types(padding: int = 0, extra: str = "") -> bytes:
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        f'{extra}<Override PartName="/word/document.xml" ContentType="{WORD_MAIN}"/></Types>'
    )
    return text.encode() + b" " * padding


def test_a_table_of_contents_of_exactly_1_mb_is_read_and_one_byte_more_is_not():
    size = len(word_types())
    exact = stored([("[Content_Types].xml", word_types(1024 * 1024 - size))])
    assert sniffed(exact) == "docx"
    over = stored([("[Content_Types].xml", word_types(1024 * 1024 - size + 1))])
    assert sniffed(over) == (
        "svar.zip: delen [Content_Types].xml fylder over 1 MB udpakket; filen afvises som mulig "
        "zip-bombe"
    )


def test_a_macro_project_named_only_by_its_content_type_is_refused():
    extra = (
        '<Override PartName="/word/makro.bin" ContentType="application/vnd.ms-office.vbaProject"/>'
    )
    data = stored([("[Content_Types].xml", word_types(extra=extra)), ("word/makro.bin", b"x")])
    assert sniffed(data) == (
        "svar.zip: dokumenter med makroer (.docm/.xlsm) modtages ikke; gem som .docx/.xlsx uden "
        "makroer"
    )
