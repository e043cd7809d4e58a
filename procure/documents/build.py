"""Build all tender documents for a spec into a folder, all or nothing."""

from __future__ import annotations

from pathlib import Path

from procure.files import staged_output
from procure.tender.spec import TenderSpec

DOCUMENT_NAMES = ("annex.docx", "response-form.docx", "response-form.xlsx")
PRICE_LIST_NAME = "price-list.xlsx"  # only for a tender with price lines


def render_documents(spec: TenderSpec, templates_dir: Path | None = None) -> dict[str, bytes]:
    """The tender documents as bytes, by file name: the three of DOCUMENT_NAMES, and the price
    list when the tender has price lines (a tender without them builds as before).

    The workbooks (openpyxl) are made on the second core where there is one, beside the Word
    documents (docxtpl): procure.parallel, which runs them one after the other in a process
    with threads (the wizard). The same bytes either way."""
    from procure.parallel import run_all

    def word() -> dict[str, bytes]:
        from procure.documents.annex import render_annex
        from procure.documents.response_docx import render_response_form_docx

        return {
            "annex.docx": render_annex(spec, templates_dir),
            "response-form.docx": render_response_form_docx(spec, templates_dir),
        }

    def excel() -> dict[str, bytes]:
        from procure.documents.price_list import render_price_list_xlsx
        from procure.documents.response_xlsx import render_response_form_xlsx

        sheets = {"response-form.xlsx": render_response_form_xlsx(spec)}
        if spec.tender.price_lines:
            sheets[PRICE_LIST_NAME] = render_price_list_xlsx(spec)
        return sheets

    excel_documents, word_documents = run_all([excel, word])
    order = [*DOCUMENT_NAMES, PRICE_LIST_NAME]
    documents = word_documents | excel_documents
    return {name: documents[name] for name in order if name in documents}


def build_documents(
    spec: TenderSpec, out_dir: Path, templates_dir: Path | None = None, *, pdf: bool = False
) -> list[Path]:
    """Render every document first, then move them into `out_dir` together; on any error
    nothing is written there. With `pdf`, also tagged PDF copies of the Word documents
    (procure.documents.pdf; ProcureError before anything is rendered when LibreOffice is
    missing)."""
    if pdf:
        from procure.documents.pdf import require_office, tagged_pdfs

        require_office()
    documents = render_documents(spec, templates_dir)
    if pdf:
        documents |= tagged_pdfs(documents, must_show=[r.id for r in spec.requirements])
    with staged_output(out_dir) as stage:
        for name, data in documents.items():
            (stage / name).write_bytes(data)
    return [Path(out_dir) / name for name in documents]
