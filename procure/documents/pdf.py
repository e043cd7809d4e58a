"""Tagged PDF copies of the Word documents, made by LibreOffice (`procure build --pdf`).

Municipalities publish the annex on a tender portal, often as PDF; a published document must be
accessible (webtilgængelighedsloven, EN 301 549): a tagged PDF with the PDF/UA flag, the
document's language and its title. LibreOffice writes all three from the .docx (headings,
table header rows, `/Lang`, the title from the core properties) when asked for it on the
command line (PITFALLS "LibreOffice PDF export"). procure needs LibreOffice only for this.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from procure.errors import ProcureError
from procure.i18n import t

# The Word documents that get a PDF copy; the Excel form stays a workbook to fill in.
PDF_SOURCES = ("annex.docx", "response-form.docx")
# writer_pdf_Export's options: tagged PDF, and the PDF/UA flag (which also makes LibreOffice
# show the title rather than the file name in a reader's title bar).
PDF_FILTER = (
    'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"},'
    '"PDFUACompliance":{"type":"boolean","value":"true"}}'
)
TIMEOUT_SECONDS = 300


def office_program() -> str | None:
    """The path of LibreOffice's `soffice`, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def require_office() -> str:
    """`soffice`'s path; ProcureError (exit 2) saying what to install when it is missing, so
    `build --pdf` refuses before it writes anything."""
    program = office_program()
    if program is None:
        raise ProcureError(
            t(
                "--pdf kræver LibreOffice (programmet soffice), som ikke er installeret her; "
                "installér LibreOffice Writer (Debian: apt install libreoffice-writer-nogui), "
                "eller byg uden --pdf. Intet er skrevet"
            )
        )
    return program


def tagged_pdfs(documents: dict[str, bytes], must_show: Sequence[str] = ()) -> dict[str, bytes]:
    """`annex.pdf` and `response-form.pdf` for the Word documents in `documents` (by file
    name), converted in a temporary folder with a private LibreOffice profile, so a running
    LibreOffice or a parallel build cannot interfere.

    Each PDF must show every text of `must_show` (the requirement ids): LibreOffice 7.4 was
    seen to leave the last rows of a table out of a PDF's layout. Where poppler's `pdftotext`
    is installed the PDFs are read back, and a PDF that misses one is an error, not a file."""
    program = require_office()
    sources = [name for name in PDF_SOURCES if name in documents]
    with tempfile.TemporaryDirectory(prefix="procure-pdf-") as folder:
        work = Path(folder)
        for name in sources:
            (work / name).write_bytes(documents[name])
        command = [
            program,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            PDF_FILTER,
            "--outdir",
            str(work / "pdf"),
            *(str(work / name) for name in sources),
        ]
        try:
            result = subprocess.run(
                command, capture_output=True, timeout=TIMEOUT_SECONDS, check=False
            )
        except subprocess.TimeoutExpired as exc:
            raise ProcureError(
                t(
                    "LibreOffice lavede ikke PDF-filerne inden for {seconds} s; intet er skrevet",
                    seconds=TIMEOUT_SECONDS,
                )
            ) from exc
        pdfs = {}
        for name in sources:
            pdf = work / "pdf" / (Path(name).stem + ".pdf")
            if result.returncode != 0 or not pdf.is_file():
                detail = (result.stderr or result.stdout).decode("utf-8", "replace").strip()
                raise ProcureError(
                    t(
                        "LibreOffice kunne ikke lave {name} ({detail}); intet er skrevet",
                        name=pdf.name,
                        detail=detail.splitlines()[-1] if detail else result.returncode,
                    )
                )
            missing = missing_in_pdf(pdf, must_show)
            if missing:
                shown = ", ".join(missing[:5]) + (" …" if len(missing) > 5 else "")
                raise ProcureError(
                    t(
                        "LibreOffice har ikke fået alt med i {name}: {ids} mangler i PDF'en; "
                        "intet er skrevet. Gem {source} som PDF fra Word, eller byg uden --pdf",
                        name=pdf.name,
                        ids=shown,
                        source=name,
                    )
                )
            pdfs[pdf.name] = pdf.read_bytes()
    return pdfs


def missing_in_pdf(pdf: Path, must_show: Sequence[str]) -> list[str]:
    """The texts of `must_show` that the PDF's text does not show, compared without whitespace
    and hyphens (where a line may break); none when pdftotext is not installed."""
    program = shutil.which("pdftotext")
    if program is None or not must_show:
        return []
    result = subprocess.run(
        [program, str(pdf), "-"], capture_output=True, timeout=TIMEOUT_SECONDS, check=False
    )
    shown = _squeezed(result.stdout.decode("utf-8", "replace"))
    return [text for text in must_show if _squeezed(text) not in shown]


_LINE_BREAKING = re.compile("[\\s\\-\u00ad\u2010\u2011]+")


def _squeezed(text: str) -> str:
    return _LINE_BREAKING.sub("", text)
