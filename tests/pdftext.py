"""The text a reader sees in a PDF that LibreOffice made, compared as a reader reads it.

Where LibreOffice breaks a line depends on the fonts installed: at a space, after a hyphen
(FKI-ORG-⏎001), by hyphenating, or inside a word too long for its table cell (Kravn⏎r).
pdftotext then also drops a hyphen at a line's end. So the PDF's text and the expected text are
both compared without whitespace and hyphens: what is shown is the same on any machine.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

# Whitespace, and every hyphen a line can break at or LibreOffice can insert: the ASCII
# hyphen-minus, the soft hyphen, the Unicode hyphen and the non-breaking hyphen.
_LINE_BREAKING = re.compile("[\\s\\-\u00ad\u2010\u2011]+")


def pdf_text(pdf: Path, first: int | None = None, last: int | None = None) -> str:
    """The PDF's text in reading order (not -layout: the lines of one table cell stay together
    instead of being interleaved with the cells beside it); pages end with a form feed."""
    pages = []
    if first:
        pages += ["-f", str(first)]
    if last:
        pages += ["-l", str(last)]
    result = subprocess.run(
        ["pdftotext", *pages, str(pdf), "-"], check=True, capture_output=True, timeout=60
    )
    return result.stdout.decode("utf-8")


def page_count(pdf: Path) -> int:
    return pdf_text(pdf).count("\f")


def squeezed(text: str) -> str:
    """`text` without whitespace and hyphens, the form both sides are compared in."""
    return _LINE_BREAKING.sub("", text)


def shows(text: str, expected: str) -> bool:
    """Whether the PDF text shows `expected`, however its lines were broken."""
    return squeezed(expected) in squeezed(text)


def times_shown(text: str, expected: str) -> int:
    """How often the PDF text shows `expected`, however its lines were broken."""
    return squeezed(text).count(squeezed(expected))
