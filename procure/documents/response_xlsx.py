"""The Excel response form ("tilbudsliste"): one row per requirement for the vendor to answer.

The form follows the contract in procure.forms: the reader finds the table by its header labels
and each row by its requirement id, so vendors may sort rows or add columns. Requirement cells
are locked and the sheets protected without a password — only against accidents; the hidden
stamps, not the lock, are what the checker trusts.
"""

from __future__ import annotations

from copy import copy

from openpyxl import Workbook
from openpyxl.packaging.custom import StringProperty
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from procure import forms
from procure.documents.context import format_date, format_deadline
from procure.documents.price_list import fill_price_sheet, price_instruction
from procure.documents.texts import WORD_LANGUAGE
from procure.documents.xlsx_util import (
    BOLD,
    GROUP_FILL,
    GROUP_FONT,
    HEADER_FILL,
    HEADER_FONT,
    INPUT_BORDER,
    INPUT_FILL,
    THIN_BORDER,
    TITLE_FONT,
    TOP,
    UNLOCKED,
    WRAP_TOP,
    fixed_timestamp,
    workbook_bytes,
    wrapped_row_height,
    write_text,
)
from procure.tender.spec import TenderSpec
from procure.textutil import xml_safe

# Everything the vendor reads, per language. Placeholders are filled from procure.forms so the
# instructions always name the real column labels and answer values.
TEXTS = {
    "da": {
        "buyer_line": "Ordregiver: {buyer}   ·   Sagsnr.: {case_number}   ·   Dato: {date}",
        "deadline_part": "   ·   Tilbudsfrist: {deadline}",
        "response_hint": (
            "Besvar hvert krav i kolonnerne »{answer}«, »{description}« og »{reservation}« "
            "(cellerne med mørk ramme). Vejledning står på fanen »{sheet}«."
        ),
        "vendor_heading": "Leverandøroplysninger",
        "instructions_heading": "Sådan udfyldes tilbudslisten",
        "instructions": (
            "Udfyld leverandøroplysningerne ovenfor i kolonne B ud for hver oplysning.",
            "Besvar hvert krav på fanen »{sheet}«: vælg {met}, {partly} eller {not_met} i listen i "
            "kolonnen »{answer}«.",
            "Beskriv i »{description}«, hvordan kravet opfyldes.",
            "Angiv forbehold og pris i »{reservation}«, fx »Kræver tilkøb, 25.000 kr.«.",
            "Kravnumre, krav-id'er, kravtekster og kravtyper må ikke ændres; slet ingen rækker.",
            "Gem filen som Excel-projektmappe (.xlsx) og vedlæg den tilbuddet.",
        ),
        "kinds_heading": "Kravtyper",
        "kinds": (
            "MK – mindstekrav: skal være opfyldt uden forbehold.",
            "PK – prioriteret krav: indgår i evalueringen med den viste vægt.",
            "K – krav: manglende opfyldelse og forbehold skal beskrives og prissættes.",
            "O – option: »{met}« betyder, at optionen tilbydes.",
        ),
        "validation_title": "Ugyldig besvarelse",
        "validation_error": "Vælg {met}, {partly} eller {not_met} i listen.",
        "prompt_title": "Besvarelse",
        "prompt": "Vælg {met}, {partly} eller {not_met} i listen. Beskriv opfyldelsen i "
        "»{description}«.",
        "footer_page": "Side &P af &N",
    },
    "en": {
        "buyer_line": "Contracting authority: {buyer}   ·   Case no.: {case_number}   ·   "
        "Date: {date}",
        "deadline_part": "   ·   Deadline for bids: {deadline}",
        "response_hint": (
            "Answer every requirement in the columns “{answer}”, “{description}” and "
            "“{reservation}” (the cells with a dark border). Instructions are on the “{sheet}” "
            "sheet."
        ),
        "vendor_heading": "Vendor details",
        "instructions_heading": "How to complete the response form",
        "instructions": (
            "Fill in the vendor details above in column B beside each item.",
            "Answer every requirement on the “{sheet}” sheet: choose {met}, {partly} or {not_met} "
            "from the list in the column “{answer}”.",
            "Describe in “{description}” how the requirement is met.",
            "State any reservation and its price in “{reservation}”, e.g. “Add-on, DKK 25,000”.",
            "Do not change numbers, requirement ids, texts or types, and do not delete rows.",
            "Save the file as an Excel workbook (.xlsx) and attach it to the tender.",
        ),
        "kinds_heading": "Requirement types",
        "kinds": (
            "MK – minimum requirement: must be met without reservation.",
            "PK – prioritised requirement: evaluated with the weight shown.",
            "K – requirement: anything not met and any reservation must be described and priced.",
            "O – option: “{met}” means the option is offered.",
        ),
        "validation_title": "Invalid answer",
        "validation_error": "Choose {met}, {partly} or {not_met} from the list.",
        "prompt_title": "Answer",
        "prompt": "Choose {met}, {partly} or {not_met} from the list. Describe how it is met in "
        "“{description}”.",
        "footer_page": "Page &P of &N",
    },
}

# Response sheet layout: three lines of context, a blank line, then the table.
HEADER_ROW = 5
COLUMN_WIDTHS = {
    "number": 8,
    "id": 15,
    "text": 60,
    "kind": 13,
    "answer": 17,
    "description": 50,
    "reservation": 32,
}
INPUT_COLUMNS = ("answer", "description", "reservation")
METADATA_KEYS = (
    "format",
    "tender_id",
    "tender_title",
    "language",
    "library_version",
    "fingerprint",
)
_FOOTER_TITLE_CHARS = 100  # Excel allows 255 characters per header/footer


def render_response_form_xlsx(spec: TenderSpec) -> bytes:
    """The response form for `spec` as .xlsx bytes; the same spec always gives the same bytes."""
    lang = spec.language if spec.language in TEXTS else "da"
    texts = _texts(lang)
    workbook = Workbook()
    vendor_sheet = workbook.active
    vendor_sheet.title = forms.VENDOR_SHEET_TITLE[lang]
    _fill_vendor_sheet(vendor_sheet, spec, lang, texts)
    _fill_response_sheet(workbook.create_sheet(forms.RESPONSE_SHEET_TITLE[lang]), spec, lang, texts)
    if spec.tender.price_lines:  # none: the form stays as before, byte for byte
        price_sheet = workbook.create_sheet(forms.PRICE_SHEET_TITLE[lang])
        fill_price_sheet(price_sheet, spec, with_vendor_fields=False)
    _fill_metadata_sheet(workbook.create_sheet(forms.METADATA_SHEET), spec)
    _set_properties(workbook, spec)
    return workbook_bytes(workbook, fixed_timestamp(spec.tender.date))


# Sheets ------------------------------------------------------------------------------------


def _fill_vendor_sheet(ws: Worksheet, spec: TenderSpec, lang: str, texts: dict) -> None:
    ws.column_dimensions["A"].width = 26
    ws.column_dimensions["B"].width = 80
    row = _write_tender_heading(ws, spec, texts) + 2

    _write_styled(ws.cell(row, 1), texts["vendor_heading"], font=BOLD)
    for field in forms.VENDOR_FIELDS:
        row += 1
        _write_styled(ws.cell(row, 1), forms.VENDOR_LABELS[lang][field], font=BOLD)
        value = ws.cell(row, 2)
        value.fill = INPUT_FILL
        value.border = INPUT_BORDER
        value.protection = UNLOCKED
        value.number_format = "@"  # "+45 …" or a CVR number stays text as typed

    instructions = texts["instructions"]
    if spec.tender.price_lines:
        instructions = (*instructions[:-1], price_instruction(spec), instructions[-1])
    for heading, lines in (
        (texts["instructions_heading"], instructions),
        (texts["kinds_heading"], texts["kinds"]),
    ):
        row += 2
        _write_styled(ws.cell(row, 1), heading, font=BOLD)
        for line in lines:
            row += 1
            write_text(ws.cell(row, 1), line)  # spills over the empty column B

    _protect(ws)
    _print_setup(ws, spec, texts, landscape=False)


def _fill_response_sheet(ws: Worksheet, spec: TenderSpec, lang: str, texts: dict) -> None:
    columns = {key: index for index, key in enumerate(forms.COLUMNS, start=1)}
    for key, index in columns.items():
        ws.column_dimensions[get_column_letter(index)].width = COLUMN_WIDTHS[key]
    _write_tender_heading(ws, spec, texts)
    write_text(ws.cell(3, 1), texts["response_hint"])

    for key, index in columns.items():
        _write_styled(
            ws.cell(HEADER_ROW, index),
            forms.HEADER_LABELS[lang][key],
            font=HEADER_FONT,
            fill=HEADER_FILL,
            alignment=WRAP_TOP,
            border=THIN_BORDER,
        )

    answer_letter = get_column_letter(columns["answer"])
    validation = _answer_validation(lang, texts)
    row = HEADER_ROW
    # Each column's requirement cells look alike: the first is styled, the rest get a copy of
    # its style ids (openpyxl hashes every style object assigned: two thirds of the form's time)
    styles: dict[int, object] = {}
    for area in spec.areas:
        if not area.requirements:
            continue
        row += 1
        _write_group_row(ws, row, area.number, area.title, columns)
        first = row + 1
        for requirement in area.requirements:
            row += 1
            values = {
                "number": requirement.number,
                "id": requirement.id,
                "text": forms.requirement_cell_text(requirement.title, requirement.text),
                "kind": forms.kind_cell_text(requirement.kind, requirement.weight, lang),
            }
            for key, index in columns.items():
                cell = ws.cell(row, index)
                write_text(cell, values.get(key))
                if index in styles:
                    cell._style = copy(styles[index])
                    continue
                cell.alignment = WRAP_TOP
                cell.border = THIN_BORDER
                if key in INPUT_COLUMNS:
                    cell.fill = INPUT_FILL
                    cell.border = INPUT_BORDER
                    cell.protection = UNLOCKED
                    cell.number_format = "@"  # a typed "=…" or "- …" stays text in Excel
                styles[index] = cell._style
            ws.row_dimensions[row].height = wrapped_row_height(
                [(values[key], COLUMN_WIDTHS[key]) for key in ("text", "kind")]
            )
        validation.add(f"{answer_letter}{first}:{answer_letter}{row}")

    if validation.sqref:  # an empty range would make Excel "repair" the file
        ws.add_data_validation(validation)
    last_letter = get_column_letter(len(columns))
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, 1)
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last_letter}{max(row, HEADER_ROW + 1)}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    _protect(ws)
    _print_setup(ws, spec, texts, landscape=True)


def _fill_metadata_sheet(ws: Worksheet, spec: TenderSpec) -> None:
    """Key/value rows, then "requirements" and one (id, stamp) row per requirement."""
    metadata = spec.form_metadata()
    row = 0
    for key in METADATA_KEYS:
        row += 1
        write_text(ws.cell(row, 1), key)
        write_text(ws.cell(row, 2), metadata[key])
    row += 1
    write_text(ws.cell(row, 1), "requirements")
    for requirement_id, stamp in metadata["requirements"].items():
        row += 1
        write_text(ws.cell(row, 1), requirement_id)
        write_text(ws.cell(row, 2), stamp)
    ws.column_dimensions["A"].width = 20
    ws.column_dimensions["B"].width = 75
    _protect(ws)
    ws.sheet_state = "veryHidden"  # not listed under "Unhide" in Excel


def _set_properties(workbook: Workbook, spec: TenderSpec) -> None:
    metadata = spec.form_metadata()
    workbook.properties.creator = "procure"
    workbook.properties.lastModifiedBy = "procure"
    workbook.properties.title = xml_safe(spec.tender.title)
    workbook.properties.language = WORD_LANGUAGE.get(spec.language, WORD_LANGUAGE["da"])
    for name, key in (
        (forms.PROPERTY_FORMAT, "format"),
        (forms.PROPERTY_TENDER_ID, "tender_id"),
        (forms.PROPERTY_LIBRARY_VERSION, "library_version"),
        (forms.PROPERTY_FINGERPRINT, "fingerprint"),
    ):
        workbook.custom_doc_props.append(StringProperty(name=name, value=metadata[key]))


# Pieces ------------------------------------------------------------------------------------


def _texts(lang: str) -> dict:
    """TEXTS[lang] with the form's real labels filled in."""
    labels = forms.ANSWER_LABELS[lang]
    values = {
        "sheet": forms.RESPONSE_SHEET_TITLE[lang],
        "met": labels[forms.Answer.MET],
        "partly": labels[forms.Answer.PARTLY],
        "not_met": labels[forms.Answer.NOT_MET],
        "answer": forms.HEADER_LABELS[lang]["answer"],
        "description": forms.HEADER_LABELS[lang]["description"],
        "reservation": forms.HEADER_LABELS[lang]["reservation"],
    }
    texts = dict(TEXTS[lang])
    for key in ("instructions", "kinds"):
        texts[key] = tuple(line.format(**values) for line in texts[key])
    for key in ("validation_error", "prompt"):
        texts[key] = texts[key].format(**values)
    texts["response_hint"] = texts["response_hint"].format(
        **(values | {"sheet": forms.VENDOR_SHEET_TITLE[lang]})
    )
    return texts


def _write_tender_heading(ws: Worksheet, spec: TenderSpec, texts: dict) -> int:
    """Tender title and buyer line in rows 1-2; returns the last row used."""
    _write_styled(ws.cell(1, 1), spec.tender.title, font=TITLE_FONT)
    line = texts["buyer_line"].format(
        buyer=spec.tender.buyer.name,
        case_number=spec.tender.case_number or "–",
        date=format_date(spec.tender.date, spec.language),
    )
    if spec.tender.deadline:
        line += texts["deadline_part"].format(
            deadline=format_deadline(spec.tender.deadline, spec.language)
        )
    write_text(ws.cell(2, 1), line)
    return 2


def _write_group_row(ws: Worksheet, row: int, number: str, title: str, columns: dict) -> None:
    """An area title row: no id, so readers skip it; no merge, so vendors can still sort."""
    for index in columns.values():
        cell = ws.cell(row, index)
        cell.fill = GROUP_FILL
        cell.font = GROUP_FONT
        cell.alignment = TOP
        cell.border = THIN_BORDER
    write_text(ws.cell(row, columns["number"]), number)
    write_text(ws.cell(row, columns["text"]), title)


def _write_styled(cell, value: str, font=None, fill=None, alignment=None, border=None) -> None:
    write_text(cell, value)
    if font is not None:
        cell.font = font
    if fill is not None:
        cell.fill = fill
    if alignment is not None:
        cell.alignment = alignment
    if border is not None:
        cell.border = border


def _answer_validation(lang: str, texts: dict) -> DataValidation:
    labels = [forms.ANSWER_LABELS[lang][answer] for answer in forms.Answer]
    return DataValidation(
        type="list",
        formula1='"' + ",".join(labels) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="stop",
        errorTitle=texts["validation_title"],
        error=texts["validation_error"],
        # The prompt a screen reader reads when the cell is reached (Excel: max 32/255 chars)
        showInputMessage=True,
        promptTitle=texts["prompt_title"],
        prompt=texts["prompt"],
    )


def _protect(ws: Worksheet) -> None:
    """Protection without a password: guards against accidents, lets vendors resize and filter."""
    ws.protection.sheet = True
    ws.protection.formatColumns = False  # False = allowed
    ws.protection.formatRows = False
    ws.protection.autoFilter = False


def _print_setup(ws: Worksheet, spec: TenderSpec, texts: dict, landscape: bool) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages tall as needed
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    # No printed gridlines: the table carries its own borders, and gridlines would box in the
    # title lines above it.
    ws.print_options.gridLines = False
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.7
    # "&" starts a code in headers and footers; "&&" prints one ampersand.
    title = xml_safe(spec.tender.title)[:_FOOTER_TITLE_CHARS].replace("&", "&&")
    ws.oddFooter.left.text = title
    ws.oddFooter.left.size = 8
    ws.oddFooter.right.text = texts["footer_page"]
    ws.oddFooter.right.size = 8
