"""Vendor-file and override messages in English: hostile uploads, broken files, overrides."""

from __future__ import annotations

import io
import zipfile

import pytest

from procure.errors import ProcureError
from procure.evaluation import add_override
from procure.i18n import language
from procure.responses.package import WORD_MAIN, Limits
from procure.responses.reader import read_response
from tests.test_evaluation import small_spec
from tests.test_package import DOCM, DOCX, WORD_CONTENT_TYPES, package

MIB = 1024 * 1024


def english_refusal(data: bytes, source: str = "bid.docx", limits: Limits | None = None) -> str:
    """The one line reading `data` gives while English is in force."""
    with language("en"), pytest.raises(ProcureError) as caught:
        read_response(data, source, limits or Limits())
    with language("en"):
        return str(caught.value)


def test_a_zip_bomb_is_refused_in_english():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", WORD_CONTENT_TYPES.format(main=WORD_MAIN))
        with archive.open("word/document.xml", "w") as member:
            for _ in range(20):
                member.write(bytes(MIB))
    assert english_refusal(buffer.getvalue()) == (
        "bid.docx: the part word/document.xml is packed unusually tightly (over 200:1); the file "
        "is rejected as a possible zip bomb"
    )
    members = {f"word/media/part{i}.bin": bytes(3 * MIB) for i in range(4)}
    limits = Limits(max_ratio=10**9, max_total_uncompressed=8 * MIB)
    assert english_refusal(package(members), limits=limits) == (
        "bid.docx: the file takes up more than 8 MB unpacked; the file is rejected as a possible "
        "zip bomb"
    )


def test_macro_encrypted_and_oversized_uploads_are_refused_in_english():
    assert english_refusal(DOCM, "bid.docm") == (
        "bid.docm: documents with macros (.docm/.xlsm) are not accepted; save as .docx/.xlsx "
        "without macros"
    )

    encrypted = bytearray(package({"word/document.xml": "<w:document/>"}))
    for offset in range(len(encrypted)):
        if encrypted[offset : offset + 4] == b"PK\x01\x02":
            encrypted[offset + 8] |= 0x1  # general purpose flag: encrypted
    assert english_refusal(bytes(encrypted)) == (
        "bid.docx: the part [Content_Types].xml is encrypted; save the file without a password"
    )

    # Sizes read the English way: a decimal point and "bytes".
    big = bytes(MIB + MIB // 2 + 1)
    assert english_refusal(big, limits=Limits(max_file_bytes=MIB)) == (
        "bid.docx: the file is too large (1.5 MB); the largest size allowed is 1 MB"
    )
    with pytest.raises(ProcureError) as caught:
        read_response(big, "bid.docx", Limits(max_file_bytes=MIB))
    assert str(caught.value) == (
        "bid.docx: filen er for stor (1,5 MB); den største tilladte størrelse er 1 MB"
    )
    assert english_refusal(DOCX, limits=Limits(max_file_bytes=4 * 1024)) == (
        f"bid.docx: the file is too large ({len(DOCX)} bytes); the largest size allowed is 4 KB"
    )


def test_unnamed_and_unusable_files_are_named_in_english():
    # Unnamed bytes are called "response file"; an OpenDocument file gets the Save As hint.
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    with language("en"), pytest.raises(ProcureError) as caught:
        read_response(buffer.getvalue())
    assert caught.value.text("en") == (
        "response file: the file is an OpenDocument file (.odt/.ods); save it as .docx or .xlsx "
        "(in LibreOffice: File > Save As, choose the Word or Excel format) and upload it again"
    )
    assert english_refusal(b'{"format": "procure-answers/1"', "bid.json").startswith(
        "bid.json:1: invalid JSON: "
    )


def test_an_override_without_justification_is_refused_in_english(tmp_path):
    spec = small_spec()
    fields = dict(vendor="Vendor A", requirement_id="FKI-ORG-003", by="Jane")
    path = tmp_path / "tender.evaluation.yaml"
    with pytest.raises(ProcureError) as caught:
        add_override(path, spec, points="3", justification=" ", **fields)
    assert caught.value.text("en") == "a manual override requires a written justification"
    assert str(caught.value) == "en manuel justering kræver en skriftlig begrundelse"
    with language("en"), pytest.raises(ProcureError) as caught:
        add_override(path, spec, points="7", justification="x", **fields)
    with language("en"):
        assert str(caught.value) == "points for FKI-ORG-003 must be between 0 and the weight 6"


def test_row_positions_in_findings_follow_the_tenders_language():
    from procure.evaluation import evaluate_response
    from tests.samples import answer_file, sample_spec

    def duplicate_finding(lang: str) -> str:
        spec = sample_spec(lang)
        again = ({"id": spec.requirements[0].id, "answer": "Opfyldt"},)
        response = read_response(answer_file(spec, also=again), "svar.yaml")
        result = evaluate_response(spec, response)
        return next(f.message for f in result.findings if f.code == "duplicate_answer")

    assert "(line " in duplicate_finding("en") and "linje" not in duplicate_finding("en")
    assert "(linje " in duplicate_finding("da")
