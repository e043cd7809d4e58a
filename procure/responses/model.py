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
class PriceEntry:
    """One price line as the vendor's file has it, unchecked: the values as found (text, a
    number, None), a formula as its text (never evaluated); procure.award.prices checks them
    and recomputes every amount."""

    line: str
    unit_price: object
    quantity: object = None  # None: the file does not state it
    total: object = None  # the vendor's own line total, when it typed one
    location: str | Message = ""

    def as_mapping(self) -> dict:
        return {
            "line": self.line,
            "unit_price": self.unit_price,
            "quantity": self.quantity,
            "total": self.total,
        }


@dataclass(frozen=True)
class PriceSubmission:
    """A vendor's price list: the price sheet of an Excel response form, a price-list.xlsx of
    its own, or the `prices` of an answer file."""

    source: str
    entries: tuple[PriceEntry, ...]
    stated_total: object = None  # the vendor's own grand total, when it typed one
    vendor: VendorInfo = field(default_factory=VendorInfo)
    metadata: FormMetadata = field(default_factory=FormMetadata)

    @property
    def blank(self) -> bool:
        """No unit price given at all: a form whose price sheet the vendor left empty."""
        return all(
            e.unit_price is None or (isinstance(e.unit_price, str) and not e.unit_price.strip())
            for e in self.entries
        )


@dataclass(frozen=True)
class VendorResponse:
    source: str  # the file name as the user gave it
    file_format: str  # "docx", "xlsx", "yaml" or "json"
    vendor: VendorInfo
    metadata: FormMetadata
    rows: tuple[AnswerRow, ...]  # in file order, duplicates and unknown ids included
    prices: PriceSubmission | None = None  # the prices the file carries, if it has a price list
