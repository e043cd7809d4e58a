"""The files a response is read from: each way a path can fail is one line naming the file,
and a file is never read past the cap, even when it grows after it was measured."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from procure.errors import ProcureError
from procure.responses.package import Limits
from procure.responses.reader import read_response
from tests.samples import answer_file, sample_spec


def _refusal(path, **kwargs) -> str:
    with pytest.raises(ProcureError) as caught:
        read_response(path, **kwargs)
    return str(caught.value)


def test_a_path_the_system_cannot_look_up_names_the_reason(tmp_path):
    assert (
        _refusal("a\0b.yaml", source="bud.yaml") == "bud.yaml: kan ikke læses: embedded null byte"
    )
    too_long = tmp_path / ("x" * 300 + ".yaml")
    assert _refusal(too_long) == f"{too_long}: kan ikke læses: File name too long"


def test_unnamed_bytes_are_called_the_response_file():
    assert _refusal(b"", limits=Limits()).startswith("svarfil: filen er tom (0 byte)")
    assert _refusal(b"x" * 11, limits=Limits(max_file_bytes=10)) == (
        "svarfil: filen er for stor (11 byte); den største tilladte størrelse er 10 byte"
    )


def test_a_file_that_cannot_be_opened_names_the_reason(tmp_path, monkeypatch):
    path = tmp_path / "bud.yaml"
    path.write_bytes(answer_file(sample_spec()))
    opened = Path.open
    errors = [PermissionError(13, "Ingen adgang"), OSError("uden årsag")]

    def refuse(self, *args, **kwargs):
        if self == path:
            raise errors.pop(0)
        return opened(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    assert _refusal(path, source="bud.yaml") == "bud.yaml: kan ikke læses: Ingen adgang"
    assert _refusal(path, source="bud.yaml") == "bud.yaml: kan ikke læses: OSError"


def test_a_file_that_grows_after_it_was_measured_is_refused_from_what_was_read(
    tmp_path, monkeypatch
):
    data = answer_file(sample_spec())
    path = tmp_path / "bud.yaml"
    path.write_bytes(data + b"#" * 100)
    measured = Path.stat

    def small_stat(self, *args, **kwargs):
        result = measured(self, *args, **kwargs)
        if self != path:
            return result
        fields = list(result)
        fields[stat.ST_SIZE] = len(data)
        return os.stat_result(fields)

    monkeypatch.setattr(Path, "stat", small_stat)
    cap = len(data) + 10
    assert _refusal(path, source="bud.yaml", limits=Limits(max_file_bytes=cap)) == (
        f"bud.yaml: filen er for stor ({cap + 1} byte); den største tilladte størrelse er "
        f"{cap} byte"
    )


def test_the_limits_given_hold_for_word_and_excel_files_alike():
    from procure.documents.build import render_documents

    forms = render_documents(sample_spec())
    for name in ("response-form.docx", "response-form.xlsx"):
        limits = Limits(max_member_bytes=1000, ratio_floor_bytes=10**9)
        message = _refusal(forms[name], source="bud", limits=limits)
        assert message.startswith("bud: delen ") and "fylder over 1000 byte udpakket" in message


def test_a_reader_that_fails_unexpectedly_gives_one_line_naming_the_file(monkeypatch):
    from procure.responses import answer_file

    def broken(data, source):
        raise ValueError("intern fejl med\nflere linjer")

    monkeypatch.setattr(answer_file, "read_answer_file", broken)
    assert _refusal(answer_file_bytes(), source="bud.yaml") == (
        "bud.yaml: filen kan ikke læses (ValueError); gem den igen og upload den på ny"
    )


def answer_file_bytes() -> bytes:
    return answer_file(sample_spec())


@pytest.mark.parametrize("step", ["_sniff", "_open_package"])
def test_an_unexpected_failure_while_unpacking_is_one_line(step, monkeypatch):
    from procure.documents.build import render_documents
    from procure.responses import package

    def broken(*args):
        raise RuntimeError("intern\nfejl")

    monkeypatch.setattr(package, step, broken)
    data = render_documents(sample_spec())["response-form.docx"]
    assert _refusal(data, source="bud.docx") == (
        "bud.docx: filen kan ikke læses (RuntimeError); gem den igen i Word eller Excel og "
        "upload den på ny"
    )


def test_a_package_whose_table_of_contents_is_broken_says_so():
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types><Default")
        archive.writestr("word/document.xml", "<w:document/>")
    assert _refusal(buffer.getvalue(), source="bud.docx") == (
        "bud.docx: filens indholdsfortegnelse ([Content_Types].xml) kan ikke læses; gem filen "
        "igen i Word eller Excel"
    )
