"""One exception family for every error a user can cause.

A ProcureError carries a message that names the file, the line or requirement id, and what to
do. The CLI prints it as one line and exits 2; the wizard shows it in a box. Named constructors
keep messages consistent and testable.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


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
    """An error caused by input: its message is meant for the user, never a traceback."""

    def __init__(self, message: str, location: Location | None = None):
        super().__init__(message)
        self.message = message
        self.location = location

    def __str__(self) -> str:
        if self.location is None:
            return self.message
        prefix = str(self.location)
        if self.location.requirement:
            prefix += f": [{self.location.requirement}]"
        return f"{prefix}: {self.message}"

    # Named constructors -------------------------------------------------------------------

    @classmethod
    def file_missing(cls, path: Path | str, what: str = "fil") -> ProcureError:
        return cls(f"{what} findes ikke", Location(str(path)))

    @classmethod
    def unreadable(cls, path: Path | str, reason: str) -> ProcureError:
        return cls(f"kan ikke læses: {reason}", Location(str(path)))

    @classmethod
    def invalid(
        cls, path: Path | str, message: str, line: int | None = None, requirement: str | None = None
    ) -> ProcureError:
        return cls(message, Location(str(path), line, requirement))


class LibraryInvalid(ProcureError):
    """The library has validation problems; `problems` lists them all."""

    def __init__(self, problems: list):
        self.problems = problems
        first = problems[0] if problems else None
        summary = f"kravbiblioteket er ugyldigt ({len(problems)} fejl)"
        if first is not None:
            summary += f"; første: {first}"
        super().__init__(summary)
