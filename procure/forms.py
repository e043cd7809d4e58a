"""The contract between the response forms procure writes and the reader that checks them.

The documents layer writes forms with these labels and metadata; the responses layer finds
tables by these header labels and rows by requirement id (never by position). Keep both sides
on these constants.
"""

from __future__ import annotations

from enum import Enum

from procure.textutil import xml_safe

# Column keys in form order, with the header label per language.
COLUMNS = ("number", "id", "text", "kind", "answer", "description", "reservation")
HEADER_LABELS = {
    "da": {
        "number": "Kravnr",
        "id": "Krav-ID",
        "text": "Kravtekst",
        "kind": "Kravtype",
        "answer": "Besvarelse",
        "description": "Leverandørens beskrivelse",
        "reservation": "Forbehold og pris",
    },
    "en": {
        "number": "No.",
        "id": "Requirement ID",
        "text": "Requirement",
        "kind": "Type",
        "answer": "Answer",
        "description": "Vendor description",
        "reservation": "Reservation and price",
    },
}


class Answer(Enum):
    MET = "met"
    PARTLY = "partly"
    NOT_MET = "not_met"


ANSWER_LABELS = {
    "da": {Answer.MET: "Opfyldt", Answer.PARTLY: "Delvist opfyldt", Answer.NOT_MET: "Ikke opfyldt"},
    "en": {Answer.MET: "Met", Answer.PARTLY: "Partly met", Answer.NOT_MET: "Not met"},
}

# Vendor identification fields (docx: a two-column table; xlsx: label/value rows).
VENDOR_FIELDS = ("name", "cvr", "contact", "email", "phone")
VENDOR_LABELS = {
    "da": {
        "name": "Leverandørens navn",
        "cvr": "CVR-nummer",
        "contact": "Kontaktperson",
        "email": "E-mail",
        "phone": "Telefon",
    },
    "en": {
        "name": "Vendor name",
        "cvr": "CVR number",
        "contact": "Contact person",
        "email": "Email",
        "phone": "Phone",
    },
}

# Hidden metadata. docx: custom document properties; xlsx: the same custom properties plus a
# very hidden sheet named METADATA_SHEET with key/value rows, then one row per requirement
# (id, stamp) below a row whose first cell is "requirements".
METADATA_SHEET = "procure"
PROPERTY_FORMAT = "procure_form_format"
PROPERTY_TENDER_ID = "procure_tender_id"
PROPERTY_LIBRARY_VERSION = "procure_library_version"
PROPERTY_FINGERPRINT = "procure_fingerprint"
PROPERTY_STAMPS = "procure_stamps"  # JSON object {requirement id: stamp}

RESPONSE_SHEET_TITLE = {"da": "Besvarelse", "en": "Response"}
VENDOR_SHEET_TITLE = {"da": "Leverandør", "en": "Vendor"}


def normalise_label(text: str) -> str:
    return " ".join(text.split()).casefold()


# Every label in either language, normalised, mapped to its key: readers find columns and
# vendor fields by these, never by position.
HEADER_KEYS = {
    normalise_label(label): key
    for labels in HEADER_LABELS.values()
    for key, label in labels.items()
}
VENDOR_KEYS = {
    normalise_label(label): key
    for labels in VENDOR_LABELS.values()
    for key, label in labels.items()
}


def parse_answer(text: str) -> Answer | None:
    """The answer a vendor meant, in Danish or English, ignoring case and spacing; None if the
    text is not one of the allowed values (the caller reports it, never guesses)."""
    wanted = normalise_label(text)
    for labels in ANSWER_LABELS.values():
        for answer, label in labels.items():
            if normalise_label(label) == wanted:
                return answer
    return None


def requirement_cell_text(title: str, text: str) -> str:
    """What the form's requirement-text cell shows: the title, then the text (two paragraphs)."""
    return f"{title}\n{text}"


def kind_cell_text(kind: str, weight: int | None, lang: str) -> str:
    """What the form's type cell shows: "MK", or "PK (vægt 5)" / "PK (weight 5)"."""
    if kind == "PK" and weight is not None:
        return f"PK ({'vægt' if lang == 'da' else 'weight'} {weight})"
    return kind


def comparable(text: str) -> str:
    """Text as compared for alterations: whitespace runs and line breaks collapsed, and the
    characters a Word or Excel file cannot hold left out (as the documents leave them out)."""
    return " ".join(xml_safe(text).split())


# -- The price list (issue 16 § 3) ------------------------------------------------------------
# A sheet in the Excel response form and a workbook of its own (price-list.xlsx): one row per
# price line, found by these header labels and the line id, never by position. Only the unit
# prices (and the vendor's name and CVR in price-list.xlsx) are the vendor's to fill in; the
# line totals are formulas for the vendor's convenience, never read as procure's figures.
PRICE_COLUMNS = ("line", "text", "quantity", "unit", "weight", "unit_price", "total")
PRICE_HEADER_LABELS = {
    "da": {
        "line": "Prislinje",
        "text": "Beskrivelse",
        "quantity": "Antal",
        "unit": "Enhed",
        "weight": "Vægt",
        "unit_price": "Enhedspris (kr.)",
        "total": "I alt (kr.)",
    },
    "en": {
        "line": "Price line",
        "text": "Description",
        "quantity": "Quantity",
        "unit": "Unit",
        "weight": "Weight",
        "unit_price": "Unit price (DKK)",
        "total": "Line total (DKK)",
    },
}
PRICE_TOTAL_LABEL = {"da": "Samlet pris", "en": "Total price"}
PRICE_SHEET_TITLE = {"da": "Priser", "en": "Prices"}
PRICE_FORMAT = "procure-prices/1"
PRICE_HEADER_KEYS = {
    normalise_label(label): key
    for labels in PRICE_HEADER_LABELS.values()
    for key, label in labels.items()
}
PRICE_TOTAL_KEYS = {normalise_label(label) for label in PRICE_TOTAL_LABEL.values()}
