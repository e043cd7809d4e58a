"""What a reader sees: the Danish annex and response form opened by LibreOffice, as PDF text,
and the response form after a vendor re-saves it in LibreOffice (three conversions in all)."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document

from procure import forms
from procure.documents.annex import render_annex
from procure.documents.response_docx import render_response_form_docx
from procure.documents.texts import TEXTS
from tests.pdftext import page_count, pdf_text, shows, times_shown
from tests.samples import sample_spec

pytestmark = [
    pytest.mark.office,
    pytest.mark.skipif(
        not (shutil.which("soffice") and shutil.which("pdftotext")),
        reason="needs LibreOffice (soffice) and poppler (pdftotext)",
    ),
]


def soffice(tmp: Path, target: str, *files: Path) -> None:
    """Convert with a private profile, so a running LibreOffice or another test's profile
    cannot interfere."""
    profile = (tmp / "profile").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", target,
         "--outdir", str(tmp / "out"), *map(str, files)],
        check=True,
        capture_output=True,
        timeout=180,
    )  # fmt: skip


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("office")
    spec = sample_spec("da")
    annex, form = tmp / "annex.docx", tmp / "response-form.docx"
    annex.write_bytes(render_annex(spec))
    form.write_bytes(render_response_form_docx(spec))
    soffice(tmp, "pdf", annex, form)
    return spec, tmp / "out"


def test_annex_pdf_shows_title_pages_contents_and_requirements(converted):
    spec, out = converted
    pdf = out / "annex.pdf"
    text = pdf_text(pdf)
    pages = page_count(pdf)
    assert pages > 5
    assert shows(text, spec.tender.title)
    assert shows(text, f"Side 1 af {pages}")
    assert shows(text, f"Side {pages} af {pages}")
    t = TEXTS["da"]
    contents = pdf_text(pdf, 2, 2)  # the contents page, filled although LibreOffice never
    assert shows(contents, t["toc_heading"])  # updates a TOC field by itself
    for heading in (t["how_heading"], t["evaluation_heading"], t["requirements_heading"]):
        assert shows(contents, heading)
    for area in spec.areas:
        assert shows(contents, f"{area.number} {area.title}")
    assert shows(text, "3.1 Systemoverblik")
    for requirement in spec.requirements:
        assert shows(text, requirement.id), requirement.id
    # Bidders read only what is known: no note on what the library has not verified
    assert shows(text, "Har ingen SF-service")  # the Administrationsmodul, as its library says
    assert not shows(text, "verificeret") and not shows(text, "Digitaliseringskataloget")


def test_response_form_pdf_shows_every_requirement_and_the_answer_prompt(converted):
    spec, out = converted
    pdf = out / "response-form.pdf"
    text = pdf_text(pdf)
    pages = page_count(pdf)
    assert shows(text, f"Side 1 af {pages}")
    assert shows(text, spec.tender.title)
    for requirement in spec.requirements:
        assert times_shown(text, requirement.id) == 1, requirement.id
    for label in forms.HEADER_LABELS["da"].values():
        assert shows(text, label)
    assert times_shown(text, TEXTS["da"]["answer_placeholder"]) >= len(spec.requirements)


def test_response_form_survives_a_libreoffice_resave(converted, tmp_path):
    """A vendor who fills the form in LibreOffice sends back LibreOffice's .docx: the ids stay
    visible text, the dropdowns keep their answers and the metadata survives."""
    spec, out = converted
    source = tmp_path / "response-form.docx"
    source.write_bytes(render_response_form_docx(spec))
    soffice(tmp_path, "docx:MS Word 2007 XML", source)
    data = (tmp_path / "out" / "response-form.docx").read_bytes()
    document = Document(io.BytesIO(data))
    labels = [forms.HEADER_LABELS["da"][c] for c in forms.COLUMNS]
    ids = [
        row.cells[1].text
        for table in document.tables
        if [c.text for c in table.rows[0].cells] == labels
        for row in table.rows[1:]
    ]
    assert ids == [r.id for r in spec.requirements]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
        custom = archive.read("docProps/custom.xml").decode("utf-8")
    for label in forms.ANSWER_LABELS["da"].values():
        assert body.count(f'w:value="{label}"') == len(spec.requirements)
    stamps = re.search(rf'name="{forms.PROPERTY_STAMPS}".*?<vt:lpwstr>(.*?)</vt:lpwstr>', custom)
    restored = stamps.group(1).replace("&quot;", '"').replace("&amp;", "&")
    assert json.loads(restored) == spec.form_metadata()["requirements"]
    assert spec.fingerprint in custom


def test_build_pdf_writes_tagged_pdfs_with_language_title_and_the_ua_flag(tmp_path, capsys):
    """`procure build --pdf`: what a municipality publishes on a tender portal is a tagged PDF
    (structure tree, header cells), flagged PDF/UA, in Danish, titled by the tender."""
    from procure.cli import main
    from procure.tender import save_tender
    from tests.samples import sample_tender

    tender = tmp_path / "tender.yaml"
    save_tender(sample_tender("da"), tender)
    out = tmp_path / "udbud"
    assert main(["build", str(tender), "--out", str(out), "--pdf"]) == 0
    printed = capsys.readouterr().out
    assert f"skrev {out / 'annex.pdf'}" in printed
    assert f"skrev {out / 'response-form.pdf'}" in printed
    title = sample_tender("da").title
    for name in ("annex.pdf", "response-form.pdf"):
        data = (out / name).read_bytes()
        assert b"/Lang(da-DK)" in data, name
        assert b"/StructTreeRoot" in data and b"/MarkInfo<</Marked true>>" in data
        assert b"<pdfuaid:part>1</pdfuaid:part>" in data  # the PDF/UA flag
        assert b"/DisplayDocTitle true" in data
        assert b"/TH" in data  # table header cells, from the rows marked to repeat
        info = subprocess.run(
            ["pdfinfo", str(out / name)], capture_output=True, check=True, timeout=60
        ).stdout.decode("utf-8")
        assert f"Title:           {title}" in info
        assert "Tagged:          yes" in info
