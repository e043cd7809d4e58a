"""Text that came from outside, made safe to show: in a terminal, in a message, in XML.

A vendor's name or answer can hold anything: terminal escape sequences (ESC, BEL) that
recolour or clear the screen, carriage returns and line feeds that fake extra output lines,
and bidirectional-override characters that make text read differently from what it is.

- `shown` is for text a person reads in a terminal or a one-line message: every such
  character is written out as an escape (ESC as `\\x1b`, a line feed as `\\n`, a right-to-left
  override as `\\u202e`), so the text stays on its line and shows what it really holds.
- `clipped` is `shown` cut to a length: for input quoted in a message.
- `xml_safe` is for text written into Word and Excel files: the same characters are removed
  (a pasted line or page break becomes a space; line feeds and tabs are kept, Word shows them);
  `xml_safe_line` also makes line breaks spaces, for one-line fields such as a vendor's name.
"""

from __future__ import annotations

import re

# Control characters (C0, DEL, C1), and the invisible format characters that change how text
# reads: soft hyphen, Arabic letter mark, zero-width characters, directional marks, embeddings,
# overrides and isolates, line and paragraph separators, word joiner and invisible operators,
# byte-order mark, interlinear annotation marks; lone surrogates (not text at all).
_INVISIBLE = (
    "\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f"
    "\ufeff\ufff9-\ufffb\ud800-\udfff"
)
_UNSAFE_RE = re.compile(f"[\x00-\x1f{_INVISIBLE}]")
_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}

# What XML-based files must not hold: characters XML 1.0 forbids (python-docx and openpyxl
# raise on them) and the unsafe ones above, except tab and line feed, which Word and Excel
# show as a tab and a line break (and carriage return, which they read as one with it).
_NOT_IN_DOCUMENTS = re.compile(f"[\x00-\x08\x0e-\x1f{_INVISIBLE}\ufffe\uffff]")
# Word's manual line and page breaks arrive as these when its text is pasted: keep the gap.
_BREAKS = re.compile("[\x0b\x0c]")


def shown(text: object) -> str:
    """`text` with every control, format and bidirectional character written as an escape:
    one line, and what it says is what it holds. Idempotent (a backslash is left as it is)."""
    value = "" if text is None else str(text)
    if not _UNSAFE_RE.search(value):
        return value
    return _UNSAFE_RE.sub(_escape, value)


def clipped(text: object, limit: int = 80) -> str:
    """`shown(text)`, cut to at most `limit` characters with "..." when longer: for a value
    from a file quoted in a one-line message."""
    value = "" if text is None else str(text)
    # Escaping can only lengthen the text, so cut first: a 25 MB value costs no more than 80.
    value = shown(value[: limit * 2] if len(value) > limit * 2 else value)
    return value if len(value) <= limit else value[: max(0, limit - 3)] + "..."


def xml_safe(text: object) -> str:
    """`text` as a string fit for Word and Excel: control, format and bidirectional
    characters removed, a pasted line or page break turned into a space."""
    return _NOT_IN_DOCUMENTS.sub("", _BREAKS.sub(" ", "" if text is None else str(text)))


def xml_safe_line(text: object) -> str:
    """`xml_safe(text)` for a one-line field (a vendor's name, a file name, an id, a heading):
    line breaks and tabs become spaces too, so a name cannot add a line of its own to a
    verdict ("Leverandør A\nKonditionsmæssigt: ja")."""
    return _LINE_BREAKS.sub(" ", xml_safe(text))


_LINE_BREAKS = re.compile("[\t\n\r]+")


def _escape(match: re.Match) -> str:
    char = match.group()
    named = _NAMED_ESCAPES.get(char)
    if named:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"
