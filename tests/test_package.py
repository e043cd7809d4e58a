"""Opening uploaded files safely: hostile and broken files give one clear message, fast.

Every case asserts what the user sees (one line naming the file and the problem) and, for the
bombs, that it came within seconds and without inflating the content in memory.
"""

from __future__ import annotations

import io
import random
import struct
import time
import tracemalloc
import zipfile
from pathlib import Path

import openpyxl
import pytest
from docx import Document

from procure.errors import ProcureError
from procure.responses.package import (
    SHEET_MAIN,
    WORD_MAIN,
    Limits,
    open_package,
    repack,
    sniff,
)
from procure.responses.reader import read_response
from tests import limits as time_limits

SOURCE = "svar.docx"
MIB = 1024 * 1024
WORD_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="{main}"/></Types>'
)


def docx_bytes() -> bytes:
    document = Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Krav-ID"
    table.cell(0, 1).text = "Besvarelse"
    table.cell(1, 0).text = "A-1"
    table.cell(1, 1).text = "Opfyldt"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx_bytes() -> bytes:
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "Krav-ID"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


DOCX = docx_bytes()
XLSX = xlsx_bytes()


def package(members: dict[str, bytes | str], main: str = WORD_MAIN, method=None) -> bytes:
    """A zip with a Word content-types part and the given members."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(
        buffer, "w", zipfile.ZIP_DEFLATED if method is None else method
    ) as archive:
        archive.writestr("[Content_Types].xml", WORD_CONTENT_TYPES.format(main=main))
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def replace_member(data: bytes, name: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            body = content if info.filename == name else source.read(info)
            target.writestr(info.filename, body, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def refusal(data: bytes, limits: Limits | None = None, source: str = SOURCE) -> str:
    """The one message reading `data` gives, checked to be one line naming the file."""
    started = time.perf_counter()
    with pytest.raises(ProcureError) as caught:
        read_response(data, source, limits or Limits())
    assert time.perf_counter() - started < time_limits.seconds(5)
    message = str(caught.value)
    assert message.startswith(f"{source}: ")
    assert "\n" not in message
    return message.removeprefix(f"{source}: ")


# What a file is ------------------------------------------------------------------------------


def test_sniff_decides_by_content():
    assert sniff(DOCX, "svar.docx") == "docx"
    assert sniff(XLSX, "svar.xlsx") == "xlsx"
    assert sniff(DOCX, "svar.pdf") == "docx"  # a right file with a wrong name is still read
    assert sniff(XLSX, "upload") == "xlsx"
    assert sniff(b'\xef\xbb\xbf  {"rows": []}', "svar.json") == "json"
    assert sniff(b"[1]", "svar") == "json"
    assert sniff(b"svar:\n  A-1: Opfyldt # kommentar\n", "svar.yaml") == "yaml"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "filen er tom (0 byte); upload den udfyldte svarblanket som .docx eller .xlsx"),
        (
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
            "filen er en PDF; upload den udfyldte svarblanket som .docx eller .xlsx, ikke som PDF",
        ),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "filen er et billede (PNG), ikke en svarblanket; upload den udfyldte svarblanket "
            "som .docx eller .xlsx",
        ),
        (
            b"\xff\xd8\xff\xe0\x00\x10JFIF",
            "filen er et billede (JPEG), ikke en svarblanket; upload den udfyldte svarblanket "
            "som .docx eller .xlsx",
        ),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504),
            "filen er adgangskodebeskyttet eller gammelt binært Office-format; gem som "
            ".docx/.xlsx uden adgangskode",
        ),
        (
            random.Random(3).randbytes(4096),
            "filens indhold er ikke i et kendt format; upload svarblanketten som .docx, .xlsx, "
            ".yaml eller .json",
        ),
        (
            b"Krav-ID;Besvarelse\nA-1;Opfyldt\n",
            "filen hedder .docx, men indholdet er tekst, ikke et Office-dokument; upload den "
            "udfyldte svarblanket, som den blev gemt i Word eller Excel",
        ),
        (
            DOCX[: len(DOCX) // 2],
            "filen er beskadiget eller ufuldstændig (zip-pakken kan ikke læses); gem den igen i "
            "Word eller Excel og upload den på ny",
        ),
        (
            package({"readme.txt": "hej"}, main="application/xml"),
            "filen er et zip-arkiv, men hverken et Word-dokument (.docx) eller et "
            "Excel-regneark (.xlsx)",
        ),
    ],
    ids=["empty", "pdf", "png", "jpeg", "ole", "random", "text", "truncated", "plain-zip"],
)
def test_files_that_are_not_response_forms(data, message):
    assert refusal(data) == message


# A Word document whose content types say it carries macros
DOCM = replace_member(
    DOCX,
    "[Content_Types].xml",
    WORD_CONTENT_TYPES.format(
        main="application/vnd.ms-word.document.macroEnabled.main+xml"
    ).encode(),
)
MACRO = "dokumenter med makroer (.docm/.xlsm) modtages ikke; gem som .docx/.xlsx uden makroer"


def test_macro_documents_are_refused():
    assert refusal(DOCM, source="svar.docm") == MACRO

    with zipfile.ZipFile(io.BytesIO(XLSX)) as archive:
        types = archive.read("[Content_Types].xml").decode()
    xlsm = replace_member(
        XLSX,
        "[Content_Types].xml",
        types.replace(SHEET_MAIN, "application/vnd.ms-excel.sheet.macroEnabled.main+xml").encode(),
    )
    assert refusal(xlsm, source="svar.xlsm") == MACRO

    # A macro project smuggled into a package that claims to be a plain .docx.
    with zipfile.ZipFile(io.BytesIO(DOCX)) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    members["word/vbaProject.bin"] = b"\xd0\xcf\x11\xe0"
    assert refusal(repack(members)) == MACRO


def test_binary_excel_workbook_is_refused():
    xlsb = package({}, main="application/vnd.ms-excel.sheet.binary.macroEnabled.main")
    assert refusal(xlsb, source="svar.xlsb") == (
        "Excel-binære regneark (.xlsb) modtages ikke; gem som .xlsx"
    )


# Bombs and lies ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def zero_bomb() -> bytes:
    """A .docx whose document part inflates to 300 MB of zeros from about 300 KB."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", WORD_CONTENT_TYPES.format(main=WORD_MAIN))
        with archive.open("word/document.xml", "w") as member:
            chunk = bytes(MIB)
            for _ in range(300):
                member.write(chunk)
    return buffer.getvalue()


def test_zip_bomb_stops_at_the_ratio_within_bounded_memory(zero_bomb):
    assert len(zero_bomb) < MIB
    tracemalloc.start()
    try:
        message = refusal(zero_bomb, Limits(max_member_bytes=100 * MIB))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert message == (
        "delen word/document.xml er pakket usædvanligt tæt (over 200:1); filen afvises som mulig "
        "zip-bombe"
    )
    # Refused once the member passes 200 × its ~300 KB compressed size, never near 300 MB.
    assert peak < 70 * MIB


def test_zip_bomb_stops_at_the_member_cap_when_the_ratio_allows_it(zero_bomb):
    limits = Limits(max_ratio=10**9, max_member_bytes=8 * MIB)
    assert refusal(zero_bomb, limits) == (
        "delen word/document.xml fylder over 8 MB udpakket; filen afvises som mulig zip-bombe"
    )


def test_total_cap_counts_all_members_together():
    members = {f"word/media/part{i}.bin": bytes(3 * MIB) for i in range(4)}
    limits = Limits(max_ratio=10**9, max_total_uncompressed=8 * MIB)
    assert refusal(package(members), limits) == (
        "filen fylder over 8 MB udpakket; filen afvises som mulig zip-bombe"
    )


def set_declared_size(data: bytes, name: str, size: int) -> bytes:
    """Patch the uncompressed size the zip declares for `name`, in both headers."""
    patched = bytearray(data)
    encoded = name.encode()
    local = patched.find(b"PK\x03\x04")
    while local != -1:
        name_length = struct.unpack_from("<H", patched, local + 26)[0]
        if patched[local + 30 : local + 30 + name_length] == encoded:
            struct.pack_into("<I", patched, local + 22, size)
            break
        local = patched.find(b"PK\x03\x04", local + 4)
    central = patched.find(b"PK\x01\x02")
    while central != -1:
        name_length = struct.unpack_from("<H", patched, central + 28)[0]
        if patched[central + 46 : central + 46 + name_length] == encoded:
            struct.pack_into("<I", patched, central + 24, size)
        central = patched.find(b"PK\x01\x02", central + 4)
    return bytes(patched)


def test_declared_sizes_are_never_trusted(zero_bomb):
    with zipfile.ZipFile(io.BytesIO(zero_bomb)) as archive:
        assert archive.getinfo("word/document.xml").file_size == 300 * MIB

    # Declaring a tiny size: a check of declared sizes would pass it; the bytes do not.
    tiny = set_declared_size(zero_bomb, "word/document.xml", 1000)
    with zipfile.ZipFile(io.BytesIO(tiny)) as archive:
        assert archive.getinfo("word/document.xml").file_size == 1000
    assert refusal(tiny) == (
        "filen er beskadiget (delen word/document.xml kan ikke pakkes ud); gem den igen i Word "
        "eller Excel og upload den på ny"
    )

    # Declaring far more than it holds changes nothing either: the count is of real bytes.
    huge = set_declared_size(zero_bomb, "word/document.xml", 0xFFFFFFF0)
    limits = Limits(max_ratio=10**9, max_member_bytes=4 * MIB)
    assert refusal(huge, limits) == (
        "delen word/document.xml fylder over 4 MB udpakket; filen afvises som mulig zip-bombe"
    )


def test_too_many_members():
    members = {f"word/media/{i}.xml": b"" for i in range(2500)}
    assert refusal(package(members)) == (
        "filen indeholder for mange dele (2501; højst 2000 er tilladt); filen afvises"
    )
    assert refusal(package({"a.bin": b"", "b.bin": b""}), Limits(max_members=2)) == (
        "filen indeholder for mange dele (3; højst 2 er tilladt); filen afvises"
    )


def _element_bound(data: bytes) -> int:
    """The XML elements of a package as the reader bounds them: a start tag for each (the
    thumbnail of a Word file is no XML)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = [
            archive.read(name) for name in archive.namelist() if name.endswith((".xml", ".rels"))
        ]
    return sum(part.count(b"<") - part.count(b"</") for part in parts)


def test_too_many_xml_elements_are_refused_at_the_limit_plus_one():
    bound = _element_bound(DOCX)
    assert 50 < bound < Limits().max_xml_elements
    assert read_response(DOCX, SOURCE, Limits(max_xml_elements=bound)).rows
    assert refusal(DOCX, Limits(max_xml_elements=bound - 1)) == (
        f"filen rummer over {bound - 1} XML-elementer, langt flere end en svarblanket; filen "
        "afvises"
    )


def test_a_workbook_with_too_many_xml_elements_is_refused_at_the_limit_plus_one():
    bound = _element_bound(XLSX)
    assert 50 < bound < Limits().max_sheet_elements
    limits = Limits(max_sheet_elements=bound - 1)
    assert refusal(XLSX, limits, "svar.xlsx") == (
        f"filen rummer over {bound - 1} XML-elementer, langt flere end en svarblanket; filen "
        "afvises"
    )
    # at the limit it passes this check (and is then read as the form it is not)
    with pytest.raises(ProcureError) as caught:
        read_response(XLSX, "svar.xlsx", Limits(max_sheet_elements=bound))
    assert "XML-elementer" not in str(caught.value)


def test_a_huge_member_table_is_refused_before_it_is_built():
    # One empty member, then 400,000 central-directory entries pointing at it (19 MB).
    local = struct.pack("<4s5H3I2H", b"PK\x03\x04", 20, 0, 0, 0, 0, 0, 0, 0, 1, 0) + b"a"
    entry = (
        struct.pack("<4s6H3I5H2I", b"PK\x01\x02", 20, 20, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0)
        + b"a"
    )
    count = 400_000
    end = struct.pack(
        "<4s4H2IH", b"PK\x05\x06", 0, 0, 0xFFFE, 0xFFFE, len(entry) * count, len(local), 0
    )
    data = local + entry * count + end
    assert refusal(data) == (
        "filen indeholder for mange dele (400000; højst 2000 er tilladt); filen afvises"
    )


BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
        for i in range(1, 10)
    )
    + ']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
)


def test_doctype_and_entities_are_refused_in_any_xml_part():
    doctype = (
        "delen word/document.xml indeholder en DOCTYPE- eller ENTITY-erklæring, som "
        "Office-filer ikke bruger; filen afvises"
    )
    assert refusal(replace_member(DOCX, "word/document.xml", BILLION_LAUGHS.encode())) == doctype
    utf16 = BILLION_LAUGHS.replace('version="1.0"', 'version="1.0" encoding="UTF-16"')
    assert refusal(replace_member(DOCX, "word/document.xml", utf16.encode("utf-16"))) == doctype
    external = '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>'
    assert refusal(replace_member(DOCX, "word/_rels/document.xml.rels", external.encode())) == (
        doctype.replace("word/document.xml", "word/_rels/document.xml.rels")
    )
    types = "<!DOCTYPE t>" + WORD_CONTENT_TYPES.format(main=WORD_MAIN).split("?>", 1)[1]
    assert refusal(replace_member(DOCX, "[Content_Types].xml", types.encode())) == (
        doctype.replace("word/document.xml", "[Content_Types].xml")
    )


def test_encrypted_member_is_refused():
    data = bytearray(package({"word/document.xml": "<w:document/>"}))
    for offset in range(len(data)):
        if data[offset : offset + 4] == b"PK\x01\x02":
            data[offset + 8] |= 0x1  # general purpose flag: encrypted
    assert refusal(bytes(data)) == (
        "delen [Content_Types].xml er krypteret; gem filen uden adgangskode"
    )


def test_compression_office_never_uses_is_refused():
    data = package({"word/document.xml": "<w:document/>"}, method=zipfile.ZIP_BZIP2)
    assert refusal(data) == (
        "delen [Content_Types].xml er pakket med en komprimeringsmetode, som Office ikke bruger; "
        "gem filen igen i Word eller Excel"
    )


def test_duplicate_member_names_are_refused():
    with pytest.warns(UserWarning, match="Duplicate name"):
        data = package({"word/document.xml": "<a/>", "WORD/document.xml": "<b/>"})
        buffer = io.BytesIO(data)
        with zipfile.ZipFile(buffer, "a") as archive:
            archive.writestr("word/document.xml", "<c/>")
    assert refusal(buffer.getvalue()) == (
        "filen indeholder delen WORD/document.xml mere end én gang; filen afvises"
    )


def test_damaged_member_data_fails_its_checksum():
    data = bytearray(
        package({"word/document.xml": "<w:document/>" * 10}, method=zipfile.ZIP_STORED)
    )
    data[data.find(b"<w:document/><w:document/>") + 3] ^= 0x20
    assert refusal(bytes(data)) == (
        "filen er beskadiget (delen word/document.xml kan ikke pakkes ud); gem den igen i Word "
        "eller Excel og upload den på ny"
    )


def test_hostile_member_names_are_shown_on_one_line():
    data = package({"word/\x1b[31mrød\r\nlinje.xml": "<!DOCTYPE x><x/>"})
    assert refusal(data) == (
        "delen word/\\x1b[31mrød\\r\\nlinje.xml indeholder en DOCTYPE- eller ENTITY-erklæring, som "
        "Office-filer ikke bruger; filen afvises"
    )


# Size caps and paths -----------------------------------------------------------------------


def test_file_over_the_size_cap_is_refused_before_reading(tmp_path: Path):
    small_cap = Limits(max_file_bytes=4 * 1024)
    assert refusal(DOCX, small_cap) == (
        f"filen er for stor ({len(DOCX)} byte); den største tilladte størrelse er 4 KB"
    )
    path = tmp_path / "svar.docx"
    path.write_bytes(DOCX)
    with pytest.raises(ProcureError) as caught:
        read_response(path, limits=small_cap)
    assert str(caught.value) == (
        f"{path}: filen er for stor ({len(DOCX)} byte); den største tilladte størrelse er 4 KB"
    )

    # A 10 GB (sparse) file is refused from its size alone, at once.
    huge = tmp_path / "enorm.docx"
    with huge.open("wb") as handle:
        handle.truncate(10 * 1024**3)
    started = time.perf_counter()
    with pytest.raises(ProcureError) as caught:
        read_response(huge, "enorm.docx")
    assert time.perf_counter() - started < time_limits.seconds(1)
    assert str(caught.value) == (
        "enorm.docx: filen er for stor (10240 MB); den største tilladte størrelse er 25 MB"
    )


def test_unreadable_paths(tmp_path: Path):
    with pytest.raises(ProcureError) as caught:
        read_response(tmp_path / "findes-ikke.docx", "findes-ikke.docx")
    assert str(caught.value) == "findes-ikke.docx: filen findes ikke"
    with pytest.raises(ProcureError) as caught:
        read_response(tmp_path, "mappe")
    assert str(caught.value) == "mappe: kan ikke læses: er ikke en fil"


# The happy path ----------------------------------------------------------------------------


def test_open_package_returns_every_member_and_repack_keeps_them():
    members = open_package(DOCX, SOURCE, Limits())
    with zipfile.ZipFile(io.BytesIO(DOCX)) as archive:
        assert members == {info.filename: archive.read(info) for info in archive.infolist()}
    repacked = repack(members)
    assert open_package(repacked, SOURCE, Limits()) == members
    with zipfile.ZipFile(io.BytesIO(repacked)) as archive:
        assert archive.namelist()[0] == "[Content_Types].xml"


def test_read_response_reads_a_plain_docx_from_bytes_and_path(tmp_path: Path):
    from_bytes = read_response(DOCX, SOURCE)
    path = tmp_path / "svar.docx"
    path.write_bytes(DOCX)
    from_path = read_response(path)
    assert [(row.requirement_id, row.answer_text) for row in from_bytes.rows] == [
        ("A-1", "Opfyldt")
    ]
    assert from_path.rows == from_bytes.rows
    assert from_path.source == str(path)


def test_opendocument_files_get_a_save_as_hint():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    assert "OpenDocument" in refusal(buffer.getvalue())
