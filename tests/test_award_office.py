"""What a reader sees of the award: award.docx, a letter and award.xlsx opened by LibreOffice
and exported as PDF (one conversion of the three files)."""

from __future__ import annotations

import shutil

import pytest

from tests.pdftext import page_count, pdf_text, shows, times_shown
from tests.test_award_cli import ALL_CONFIRMED, SENT_ON, award_args, bids, run  # noqa: F401
from tests.test_documents_office import soffice

pytestmark = [
    pytest.mark.office,
    pytest.mark.skipif(
        not (shutil.which("soffice") and shutil.which("pdftotext")),
        reason="needs LibreOffice (soffice) and poppler (pdftotext)",
    ),
]


def test_award_note_letter_and_workbook_as_pdf(bids, capsys, tmp_path):  # noqa: F811
    from tests.award_samples import evaluation_for

    spec, tender, files = bids
    out = tmp_path / "out"
    out.mkdir()
    workbook, note, letters = out / "award-workbook.xlsx", out / "award.docx", tmp_path / "breve"
    evaluation = evaluation_for(spec, confirmed=ALL_CONFIRMED)
    code, _, err = run(
        capsys, evaluation,
        *award_args(tender, files, "--out", str(workbook), "--note", str(note), "--letters",
                    str(letters), "--sent-on", SENT_ON),
    )  # fmt: skip
    assert code == 0, err
    letter = out / "letter.docx"
    shutil.copy(letters / "tildelingsbrev-leverandoer-a.docx", letter)
    soffice(out, "pdf", note, letter, workbook)
    pdfs = out / "out"

    text = pdf_text(pdfs / "award.pdf")
    pages = page_count(pdfs / "award.pdf")
    assert pages >= 4
    assert shows(text, "Evalueringsrapport: Anskaffelse af ESDH-system & sagsstyring")
    assert shows(text, "Tilbuddet fra Leverandør B er det økonomisk mest fordelagtige")
    assert shows(text, "Udelukkede tilbud (ingen point, ingen placering)")
    assert shows(text, "Leverandør B FKI-BRG-004: beskrivelsen giver 6 point")
    assert shows(text, "Underskrifter")
    # The scores tables' header row is repeated on the pages they run over
    # Six scores tables (three evaluated bids, two sub-criteria); their header row is repeated
    # on the pages they run over, so it is shown more often
    assert times_shown(text, "Konsensus") > 6

    text = pdf_text(pdfs / "letter.pdf")
    assert shows(text, "Meddelelse om tildelingsbeslutning")
    assert shows(text, "tildele kontrakten i udbuddet »Anskaffelse af ESDH-system & sagsstyring«")
    assert shows(text, "Leverandør B.")
    assert shows(text, "Jeres tilbud blev nr. 3 af 3 evaluerede tilbud.")
    assert shows(text, "Standstillperioden udløber den 5. april 2027.")
    assert shows(text, "Samlet point") and shows(text, "7,44") and shows(text, "8,14")

    text = pdf_text(pdfs / "award-workbook.pdf")
    assert shows(text, "Tildeling: Anskaffelse af ESDH-system & sagsstyring")
    for vendor in ("Leverandør A", "Leverandør B", "Leverandør C", "Leverandør D"):
        assert shows(text, vendor)
    assert shows(text, "ændret fra 12 til '10'")
