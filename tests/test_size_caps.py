"""The size cap on a vendor's file is inclusive, in every format and on every path a file comes
in by (uploaded bytes, a file on disk, an Office package), and the refusal says both sizes."""

from __future__ import annotations

import pytest

from procure.cli import main
from procure.documents.build import render_documents
from procure.errors import ProcureError
from procure.responses.package import Limits, file_too_large, size_text
from procure.responses.reader import read_response
from procure.tender import save_tender
from tests.fill import fill_docx_form, fill_xlsx_form
from tests.samples import answer_file, sample_spec, sample_tender


@pytest.fixture(scope="module")
def bids() -> dict[str, bytes]:
    spec = sample_spec()
    forms = render_documents(spec)
    answers = {r.id: "Opfyldt" for r in spec.requirements}
    return {
        "docx": fill_docx_form(forms["response-form.docx"], answers, {"name": "Cap A/S"}),
        "xlsx": fill_xlsx_form(forms["response-form.xlsx"], answers, {"name": "Cap A/S"}),
        "yaml": answer_file(spec, vendor="Cap A/S"),
    }


@pytest.mark.parametrize("kind", ["docx", "xlsx", "yaml"])
def test_uploaded_bytes_of_exactly_the_cap_are_read(bids, kind):
    data = bids[kind]
    response = read_response(data, f"bud.{kind}", Limits(max_file_bytes=len(data)))
    assert response.vendor.name == "Cap A/S"
    assert response.rows


@pytest.mark.parametrize("kind", ["docx", "xlsx", "yaml"])
def test_a_file_on_disk_of_exactly_the_cap_is_read(bids, kind, tmp_path):
    path = tmp_path / f"bud.{kind}"
    path.write_bytes(bids[kind])
    response = read_response(path, limits=Limits(max_file_bytes=len(bids[kind])))
    assert response.vendor.name == "Cap A/S"


@pytest.mark.parametrize("kind", ["docx", "xlsx", "yaml"])
def test_one_byte_over_the_cap_is_refused_naming_both_sizes(bids, kind, tmp_path):
    data = bids[kind]
    cap = len(data) - 1
    with pytest.raises(ProcureError) as uploaded:
        read_response(data, f"bud.{kind}", Limits(max_file_bytes=cap))
    path = tmp_path / f"bud.{kind}"
    path.write_bytes(data)
    with pytest.raises(ProcureError) as on_disk:
        read_response(path, limits=Limits(max_file_bytes=cap))
    for caught, source in ((uploaded, f"bud.{kind}"), (on_disk, str(path))):
        assert str(caught.value) == (
            f"{source}: filen er for stor ({size_text(len(data))}); "
            f"den største tilladte størrelse er {size_text(cap)}"
        )


def test_the_refusal_reads_in_bytes_kilobytes_and_megabytes():
    limits = Limits(max_file_bytes=69)
    assert str(file_too_large("a.yaml", 70, limits)) == (
        "a.yaml: filen er for stor (70 byte); den største tilladte størrelse er 69 byte"
    )
    assert str(file_too_large("a.docx", 26 * 1024 * 1024, Limits())) == (
        "a.docx: filen er for stor (26 MB); den største tilladte størrelse er 25 MB"
    )
    error = file_too_large("a.docx", 3 * 1024 * 1024 // 2 + 1, Limits(max_file_bytes=512 * 1024))
    assert str(error) == (
        "a.docx: filen er for stor (1,5 MB); den største tilladte størrelse er 512 KB"
    )
    assert error.text("en") == (
        "a.docx: the file is too large (1.5 MB); the largest size allowed is 512 KB"
    )


@pytest.mark.parametrize(
    "size, shown",
    [
        (0, "0 byte"),
        (1023, "1023 byte"),
        (1024, "1 KB"),
        (1025, "1025 byte"),
        (512 * 1024, "512 KB"),
        (1024 * 1024, "1 MB"),
        (1024 * 1024 + 1, "1,0 MB"),
        (25 * 1024 * 1024, "25 MB"),
        (25 * 1024 * 1024 + 300 * 1024, "25900 KB"),
        (25 * 1024 * 1024 + 300 * 1024 + 1, "25,3 MB"),
    ],
)
def test_size_text(size, shown):
    assert str(size_text(size)) == shown


def test_check_refuses_a_file_over_max_size_and_writes_nothing(tmp_path, capsys, bids):
    save_tender(sample_tender(), tmp_path / "tender.yaml")
    bid = tmp_path / "bud.yaml"
    bid.write_bytes(bids["yaml"] + b" " * 2_000_000)
    report = tmp_path / "rapport.docx"
    code = main(
        [
            "check",
            str(tmp_path / "tender.yaml"),
            str(bid),
            "--max-size-mb",
            "1",
            "--report",
            str(report),
        ]
    )
    captured = capsys.readouterr()
    assert code == 2 and captured.out == "" and not report.exists()
    assert "filen er for stor (1,9 MB); den største tilladte størrelse er 1 MB" in captured.err
