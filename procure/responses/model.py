"""What a vendor's response says, as read from a file: plain data, no verdicts yet.

Readers fill these; evaluation turns them into findings and scores. Every row keeps where it
came from so a person can find it in the vendor's file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType

from procure.forms import Answer
from procure.i18n import Message


@dataclass(frozen=True)
class VendorInfo:
    name: str = ""
    cvr: str = ""
    contact: str = ""
    email: str = ""
    phone: str = ""


@dataclass(frozen=True)
class FormMetadata:
    """The hidden stamps a generated form carries (None fields when absent)."""

    format: str | None = None
    tender_id: str | None = None
    library_version: str | None = None
    fingerprint: str | None = None
    stamps: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True)
class AnswerRow:
    """One answered requirement row as found in the file."""

    requirement_id: str  # as written in the Krav-ID cell, whitespace-trimmed
    answer_text: str  # the answer as selected or typed ("" when empty)
    answer: Answer | None  # parsed answer; None when empty or not an allowed value
    description: str  # Leverandørens beskrivelse
    reservation: str  # Forbehold og pris
    requirement_text: str | None  # the Kravtekst cell as returned; None when the file has none
    kind_text: str | None  # the Kravtype cell as returned; None when the file has none
    # Where in the file, for people: "tabel 2, række 4" (a Message, put into words in the
    # language of the findings) or a cell such as "Besvarelse!E12"
    location: str | Message


@dataclass(frozen=True)
class VendorResponse:
    source: str  # the file name as the user gave it
    file_format: str  # "docx", "xlsx", "yaml" or "json"
    vendor: VendorInfo
    metadata: FormMetadata
    rows: tuple[AnswerRow, ...]  # in file order, duplicates and unknown ids included
