"""Build all tender documents for a spec into a folder, all or nothing."""

from __future__ import annotations

import os
from pathlib import Path

from procure.files import staged_output
from procure.tender.spec import TenderSpec

DOCUMENT_NAMES = ("annex.docx", "response-form.docx", "response-form.xlsx")
PRICE_LIST_NAME = "price-list.xlsx"  # only for a tender with price lines


def render_documents(
    spec: TenderSpec, templates_dir: Path | None = None, *, two_processes: bool = False
) -> dict[str, bytes]:
    """The tender documents as bytes, by file name: the three of DOCUMENT_NAMES, and the price
    list when the tender has price lines (a tender without them builds as before).

    With `two_processes` (the command line, a process of one thread) the Word response form
    is rendered in a forked process while this one renders the annex: the same bytes, and
    errors raised in the same order, in about two thirds of the time on two cores. Never in a
    server with threads (the wizard)."""
    from procure.documents.annex import render_annex
    from procure.documents.price_list import render_price_list_xlsx
    from procure.documents.response_docx import render_response_form_docx
    from procure.documents.response_xlsx import render_response_form_xlsx

    form = _Aside(render_response_form_docx, spec, templates_dir, two_processes)
    try:
        annex = render_annex(spec, templates_dir)
    except BaseException:
        form.discard()
        raise
    documents = {
        "annex.docx": annex,
        "response-form.docx": form.result(),
        "response-form.xlsx": render_response_form_xlsx(spec),
    }
    if spec.tender.price_lines:
        documents[PRICE_LIST_NAME] = render_price_list_xlsx(spec)
    return documents


class _Aside:
    """`render(spec, templates_dir)`, rendered in a forked child when `fork` and the system
    can (else when `result` is called). A child that fails or dies sends nothing, and the
    document is then rendered here, so an error is raised here as it always was."""

    def __init__(self, render, spec: TenderSpec, templates_dir: Path | None, fork: bool):
        self.job = (render, spec, templates_dir)
        self.pid = self.pipe = None
        if fork and hasattr(os, "fork") and (os.cpu_count() or 1) > 1:
            read_end, write_end = os.pipe()
            self.pid = os.fork()
            if self.pid == 0:  # the child: render, send the bytes, leave without cleanup
                status = 1
                try:
                    os.close(read_end)
                    data = render(spec, templates_dir)
                    with os.fdopen(write_end, "wb") as pipe:
                        pipe.write(data)
                    status = 0
                finally:
                    os._exit(status)
            os.close(write_end)
            self.pipe = os.fdopen(read_end, "rb")

    def result(self) -> bytes:
        render, spec, templates_dir = self.job
        if self.pid is None:
            return render(spec, templates_dir)
        with self.pipe:
            data = self.pipe.read()
        _, status = os.waitpid(self.pid, 0)
        self.pid = None
        return data if status == 0 else render(spec, templates_dir)

    def discard(self) -> None:
        """Stop the child and wait for it (this process failed before it needed the bytes)."""
        if self.pid is not None:
            self.pipe.close()  # a child still writing gets a broken pipe and exits
            os.waitpid(self.pid, 0)
            self.pid = None


def build_documents(
    spec: TenderSpec,
    out_dir: Path,
    templates_dir: Path | None = None,
    *,
    pdf: bool = False,
    two_processes: bool = False,
) -> list[Path]:
    """Render every document first, then move them into `out_dir` together; on any error
    nothing is written there. With `pdf`, also tagged PDF copies of the Word documents
    (procure.documents.pdf; ProcureError before anything is rendered when LibreOffice is
    missing)."""
    if pdf:
        from procure.documents.pdf import require_office, tagged_pdfs

        require_office()
    documents = render_documents(spec, templates_dir, two_processes=two_processes)
    if pdf:
        documents |= tagged_pdfs(documents, must_show=[r.id for r in spec.requirements])
    with staged_output(out_dir) as stage:
        for name, data in documents.items():
            (stage / name).write_bytes(data)
    return [Path(out_dir) / name for name in documents]
