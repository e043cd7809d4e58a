"""The portfolio's files as LibreOffice opens them: the coverage heat map shows its words and
colours' values, the notice its title and the hit systems."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from procure.portfolio.coverage import coverage_of
from procure.portfolio.exports import render_coverage_xlsx
from procure.portfolio.impact import impact_of
from procure.portfolio.importers import read_import_file
from procure.portfolio.notice import render_notice
from tests.samples import shipped_release

pytestmark = [
    pytest.mark.office,
    pytest.mark.skipif(
        not (shutil.which("soffice") and shutil.which("pdftotext")),
        reason="needs LibreOffice (soffice) and poppler (pdftotext)",
    ),
]

SAMPLE_CSV = Path(__file__).parent / "portfolio_files" / "systemer.csv"


def pdf_text(tmp: Path, source: Path) -> str:
    profile = (tmp / "profile").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp / "out"), str(source)],
        check=True,
        capture_output=True,
        timeout=180,
    )  # fmt: skip
    pdf = tmp / "out" / (source.stem + ".pdf")
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout


def test_libreoffice_opens_the_coverage_workbook_and_the_notice(tmp_path):
    library = shipped_release()
    systems = [row.record for row in read_import_file(SAMPLE_CSV, library).rows]
    workbook = tmp_path / "coverage.xlsx"
    workbook.write_bytes(render_coverage_xlsx(coverage_of(systems, library), library))
    text = pdf_text(tmp_path, workbook)
    # The number format turns 2/1/0 into words; the colour scale reads the numbers
    assert "ESDH Acadre" in text and "brugt" in text and "indirekte" in text
    assert "mangler" in text
    notice = tmp_path / "notice.docx"
    notice.write_bytes(render_notice(impact_of("organisation", systems, library), library))
    text = pdf_text(tmp_path, notice)
    assert "Driftsforstyrrelse" in text and "Fagområde: Administration" in text
    assert "ESDH Acadre" in text and "Hvem skal kontaktes" in text
