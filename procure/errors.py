"""One exception family for every error a user can cause.

A ProcureError carries a message that names the file, the line or requirement id, and what to
do. The CLI prints it as one line and exits 2; the wizard shows it in a box. Named constructors
keep messages consistent and testable.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from procure.i18n import Message, in_words, t
from procure.textutil import shown

# The longest message shown, in bytes of UTF-8: an error quotes at most a little of the input.
MAX_MESSAGE_BYTES = 2000


@dataclass(frozen=True)
class Location:
    """Where a problem is: a file and, when known, a 1-based line and a requirement id."""

    file: str
    line: int | None = None
    requirement: str | None = None

    def __str__(self) -> str:
        text = self.file
        if self.line is not None:
            text += f":{self.line}"
        return text


class ProcureError(Exception):
    """An error caused by input: its message is meant for the user, never a traceback.

    The message is a plain string or a `procure.i18n.Message`, shown in the language in force
    when the error is put into words (`str(error)`, or `error.text("en")`). Put into words it
    is always one line of at most MAX_MESSAGE_BYTES: whatever a file name or a quoted value
    holds, control characters are shown escaped (textutil.shown) and the rest is cut.
    """

    def __init__(self, message: str | Message, location: Location | None = None):
        super().__init__(message)
        self.message = message
        self.location = location

    def text(self, lang: str | None = None) -> str:
        message = in_words(self.message, lang)
        if self.location is None:
            return one_line_message(str(message))
        prefix = str(self.location)
        if self.location.requirement:
            prefix += f": [{self.location.requirement}]"
        return one_line_message(f"{prefix}: {message}")

    def __str__(self) -> str:
        return self.text()

    # Named constructors -------------------------------------------------------------------

    @classmethod
    def file_missing(cls, path: Path | str, what: str | Message | None = None) -> ProcureError:
        if what is None:
            return cls(t("filen findes ikke"), Location(str(path)))
        return cls(t("{what} findes ikke", what=what), Location(str(path)))

    @classmethod
    def unreadable(cls, path: Path | str, reason: str | Message) -> ProcureError:
        return cls(t("kan ikke læses: {reason}", reason=reason), Location(str(path)))

    @classmethod
    def invalid(
        cls,
        path: Path | str,
        message: str | Message,
        line: int | None = None,
        requirement: str | None = None,
    ) -> ProcureError:
        return cls(message, Location(str(path), line, requirement))


def one_line_message(text: str) -> str:
    """A message as a person sees it: one line (control characters shown escaped), at most
    MAX_MESSAGE_BYTES of UTF-8."""
    text = shown(text)
    if len(text) <= MAX_MESSAGE_BYTES // 4 or len(text.encode("utf-8")) <= MAX_MESSAGE_BYTES:
        return text
    return text.encode("utf-8")[: MAX_MESSAGE_BYTES - 3].decode("utf-8", "ignore") + "..."


class LibraryInvalid(ProcureError):
    """The library has validation problems; `problems` lists them all."""

    def __init__(self, problems: list):
        self.problems = problems
        first = problems[0] if problems else None
        if first is None:
            summary = t("kravbiblioteket er ugyldigt ({count} fejl)", count=len(problems))
        else:
            summary = t(
                "kravbiblioteket er ugyldigt ({count} fejl); første: {first}",
                count=len(problems),
                first=first,
            )
        super().__init__(summary)
