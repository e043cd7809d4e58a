"""Text that came from outside, made safe to write into XML-based files."""

from __future__ import annotations

import re

# Characters XML 1.0 forbids (python-docx and openpyxl raise on them).
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(text: object) -> str:
    """`text` as a string with XML-illegal control characters removed."""
    return _ILLEGAL_XML.sub("", "" if text is None else str(text))
