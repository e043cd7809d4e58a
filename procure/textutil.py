"""Text that came from outside, made safe to write into XML-based files."""

from __future__ import annotations

import re

# Characters XML 1.0 forbids (python-docx and openpyxl raise on them).
_ILLEGAL_XML = re.compile("[\x00-\x08\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# Word's manual line and page breaks arrive as these when its text is pasted: keep the gap.
_BREAKS = re.compile("[\x0b\x0c]")


def xml_safe(text: object) -> str:
    """`text` as a string with XML-illegal control characters removed (a pasted line or page
    break becomes a space)."""
    return _ILLEGAL_XML.sub("", _BREAKS.sub(" ", "" if text is None else str(text)))
