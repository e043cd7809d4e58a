"""The price list (issue 16 § 3): a workbook of its own (`price-list.xlsx`) and the same table
as a sheet in the Excel response form.

One row per price line of the tender: id, text, quantity, unit, the line's weight where the
tender gives one, the vendor's unit price (the only cells left unlocked, with the vendor's
name and CVR in price-list.xlsx) and a line total. The totals are formulas for the vendor's
convenience only: procure never reads them as figures, it recomputes every amount itself
(procure.award.prices). The hidden stamps are the response form's (tender id, fingerprint),
so a price list is tied to its tender like a response.
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.packaging.custom import StringProperty
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from procure import forms
from procure.documents.context import format_date, format_deadline
from procure.documents.texts import WORD_LANGUAGE
from procure.documents.xlsx_util import (
    BOLD,
    HEADER_FILL,
    HEADER_FONT,
    INPUT_BORDER,
    INPUT_FILL,
    THIN_BORDER,
    TITLE_FONT,
    UNLOCKED,
    WRAP_TOP,
    fixed_timestamp,
    workbook_bytes,
    wrapped_row_height,
    write_text,
)
from procure.tender.spec import TenderSpec
from procure.textutil import xml_safe

TEXTS = {
    "da": {
        "buyer_line": "Ordregiver: {buyer}   ·   Sagsnr.: {case_number}   ·   Dato: {date}",
        "deadline_part": "   ·   Tilbudsfrist: {deadline}",
        "hint": (
            "Angiv en enhedspris i kr. ekskl. moms for hver prislinje i kolonnen »{unit_price}« "
            "(cellerne med mørk ramme)."
        ),
        "hint_totals": (
            "Ordregiveren beregner selv tilbudsprisen som enhedspris × antal; summerne i arket "
            "er kun en hjælp. Antal og tekster må ikke ændres."
        ),
        "hint_weight": (
            "Vægten bruges i den evalueringstekniske pris, som udbudsmaterialet beskriver."
        ),
        "vendor_heading": "Leverandøroplysninger (udfyldes i kolonne B)",
        "validation_title": "Ugyldig pris",
        "validation_error": "Angiv enhedsprisen som et beløb på 0 kr. eller mere.",
        "prompt_title": "Enhedspris",
        "prompt": "Angiv enhedsprisen i kr. ekskl. moms som et tal, fx 1250,50.",
        "footer_page": "Side &P af &N",
        "form_instruction": "Angiv priserne på fanen »{sheet}«.",
    },
    "en": {
        "buyer_line": "Contracting authority: {buyer}   ·   Case no.: {case_number}   ·   "
        "Date: {date}",
        "deadline_part": "   ·   Deadline for bids: {deadline}",
        "hint": (
            "State a unit price in DKK excluding VAT for every price line in the column "
            "“{unit_price}” (the cells with a dark border)."
        ),
        "hint_totals": (
            "The contracting authority computes the bid price itself as unit price × quantity; "
            "the totals in this sheet are only an aid. Do not change quantities or texts."
        ),
        "hint_weight": "The weight is used in the evaluation price described in the tender.",
        "vendor_heading": "Vendor details (to be filled in in column B)",
        "validation_title": "Invalid price",
        "validation_error": "Enter the unit price as an amount of DKK 0 or more.",
        "prompt_title": "Unit price",
        "prompt": "Enter the unit price in DKK excluding VAT as a number, e.g. 1250.50.",
        "footer_page": "Page &P of &N",
        "form_instruction": "State the prices on the “{sheet}” sheet.",
    },
}

COLUMN_WIDTHS = {
    "line": 20,
    "text": 50,
    "quantity": 10,
    "unit": 12,
    "weight": 9,
    "unit_price": 18,
    "total": 18,
}
AMOUNT_FORMAT = "#,##0.00"
VENDOR_PRICE_FIELDS = ("name", "cvr")  # what price-list.xlsx asks; the form has a vendor sheet
_FOOTER_TITLE_CHARS = 100


def price_columns(spec: TenderSpec) -> tuple[str, ...]:
    """The columns of the price table: the weight only when a price line has one."""
    weighted = any(line.weight is not None for line in spec.tender.price_lines)
    return tuple(c for c in forms.PRICE_COLUMNS if c != "weight" or weighted)


def render_price_list_xlsx(spec: TenderSpec) -> bytes:
    """price-list.xlsx for `spec` as bytes; the same spec always gives the same bytes."""
    lang = _lang(spec)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = forms.PRICE_SHEET_TITLE[lang]
    fill_price_sheet(sheet, spec, with_vendor_fields=True)
    _fill_metadata_sheet(workbook.create_sheet(forms.METADATA_SHEET), spec)
    _set_properties(workbook, spec)
    return workbook_bytes(workbook, fixed_timestamp(spec.tender.date))


def price_instruction(spec: TenderSpec) -> str:
    """The response form's instruction line pointing to its price sheet."""
    lang = _lang(spec)
    return TEXTS[lang]["form_instruction"].format(sheet=forms.PRICE_SHEET_TITLE[lang])


def fill_price_sheet(ws: Worksheet, spec: TenderSpec, *, with_vendor_fields: bool) -> None:
    """The price table on `ws`: heading, hints, (vendor name and CVR,) the price lines and the
    total; every cell locked but the unit prices (and vendor fields)."""
    lang = _lang(spec)
    texts = TEXTS[lang]
    columns = {key: index for index, key in enumerate(price_columns(spec), start=1)}
    for key, index in columns.items():
        ws.column_dimensions[get_column_letter(index)].width = COLUMN_WIDTHS[key]

    _write(ws.cell(1, 1), spec.tender.title, font=TITLE_FONT)
    line = texts["buyer_line"].format(
        buyer=spec.tender.buyer.name,
        case_number=spec.tender.case_number or "–",
        date=format_date(spec.tender.date, lang),
    )
    if spec.tender.deadline:
        line += texts["deadline_part"].format(deadline=format_deadline(spec.tender.deadline, lang))
    write_text(ws.cell(2, 1), line)
    row = 3
    hints = [
        texts["hint"].format(unit_price=forms.PRICE_HEADER_LABELS[lang]["unit_price"]),
        texts["hint_totals"],
    ]
    if "weight" in columns:
        hints.append(texts["hint_weight"])
    for hint in hints:
        write_text(ws.cell(row, 1), hint)
        row += 1

    if with_vendor_fields:
        row += 1
        _write(ws.cell(row, 1), texts["vendor_heading"], font=BOLD)
        for field in VENDOR_PRICE_FIELDS:
            row += 1
            _write(ws.cell(row, 1), forms.VENDOR_LABELS[lang][field], font=BOLD)
            value = ws.cell(row, 2)
            value.fill = INPUT_FILL
            value.border = INPUT_BORDER
            value.protection = UNLOCKED
            value.number_format = "@"  # a CVR number stays text as typed

    header = row + 2
    for key, index in columns.items():
        _write(
            ws.cell(header, index),
            forms.PRICE_HEADER_LABELS[lang][key],
            font=HEADER_FONT,
            fill=HEADER_FILL,
            alignment=WRAP_TOP,
            border=THIN_BORDER,
        )
    unit_letter = get_column_letter(columns["unit_price"])
    quantity_letter = get_column_letter(columns["quantity"])
    total_letter = get_column_letter(columns["total"])
    row = header
    for price_line in spec.tender.price_lines:
        row += 1
        values = {
            "line": price_line.id,
            "text": price_line.text,
            "quantity": price_line.quantity,
            "unit": price_line.unit,
            "weight": price_line.weight,
        }
        for key, index in columns.items():
            cell = ws.cell(row, index)
            cell.alignment = WRAP_TOP
            cell.border = THIN_BORDER
            if key in ("quantity", "weight"):
                cell.value = values[key]  # a Decimal: a number in Excel
            elif key == "unit_price":
                cell.fill = INPUT_FILL
                cell.border = INPUT_BORDER
                cell.protection = UNLOCKED
                cell.number_format = AMOUNT_FORMAT
            elif key == "total":
                # Procure's own formula: shown to the vendor, never read back as a figure
                cell.value = (
                    f'=IF({unit_letter}{row}="","",{unit_letter}{row}*{quantity_letter}{row})'
                )
                cell.number_format = AMOUNT_FORMAT
            else:
                write_text(cell, values[key])
        ws.row_dimensions[row].height = wrapped_row_height(
            [(price_line.text, COLUMN_WIDTHS["text"])]
        )
    first, last = header + 1, row
    row += 1
    _write(ws.cell(row, columns["text"]), forms.PRICE_TOTAL_LABEL[lang], font=BOLD)
    total = ws.cell(row, columns["total"])
    total.value = f"=SUM({total_letter}{first}:{total_letter}{last})"
    total.number_format = AMOUNT_FORMAT
    total.font = BOLD
    total.border = THIN_BORDER

    validation = DataValidation(
        type="decimal",
        operator="greaterThanOrEqual",
        formula1="0",
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="stop",
        errorTitle=texts["validation_title"],
        error=texts["validation_error"],
        showInputMessage=True,
        promptTitle=texts["prompt_title"],
        prompt=texts["prompt"],
    )
    validation.add(f"{unit_letter}{first}:{unit_letter}{last}")
    ws.add_data_validation(validation)
    ws.freeze_panes = ws.cell(header + 1, 1)
    ws.print_title_rows = f"{header}:{header}"
    _protect(ws)
    _print_setup(ws, spec, texts)


# -- Pieces -------------------------------------------------------------------------------------


def _lang(spec: TenderSpec) -> str:
    return spec.language if spec.language in TEXTS else "da"


def _fill_metadata_sheet(ws: Worksheet, spec: TenderSpec) -> None:
    """The response form's stamps (same keys, the price list's format), very hidden."""
    metadata = dict(spec.form_metadata(), format=forms.PRICE_FORMAT)
    for row, key in enumerate(
        ("format", "tender_id", "tender_title", "language", "library_version", "fingerprint"),
        start=1,
    ):
        write_text(ws.cell(row, 1), key)
        write_text(ws.cell(row, 2), metadata[key])
    ws.column_dimensions["A"].width = 20
    ws.column_dimensions["B"].width = 75
    _protect(ws)
    ws.sheet_state = "veryHidden"


def _set_properties(workbook: Workbook, spec: TenderSpec) -> None:
    metadata = spec.form_metadata()
    workbook.properties.creator = "procure"
    workbook.properties.lastModifiedBy = "procure"
    workbook.properties.title = xml_safe(spec.tender.title)
    workbook.properties.language = WORD_LANGUAGE.get(spec.language, WORD_LANGUAGE["da"])
    for name, value in (
        (forms.PROPERTY_FORMAT, forms.PRICE_FORMAT),
        (forms.PROPERTY_TENDER_ID, metadata["tender_id"]),
        (forms.PROPERTY_LIBRARY_VERSION, metadata["library_version"]),
        (forms.PROPERTY_FINGERPRINT, metadata["fingerprint"]),
    ):
        workbook.custom_doc_props.append(StringProperty(name=name, value=value))


def _write(cell, value: str, font=None, fill=None, alignment=None, border=None) -> None:
    write_text(cell, value)
    if font is not None:
        cell.font = font
    if fill is not None:
        cell.fill = fill
    if alignment is not None:
        cell.alignment = alignment
    if border is not None:
        cell.border = border


def _protect(ws: Worksheet) -> None:
    """Protection without a password, as the response form: against accidents only."""
    ws.protection.sheet = True
    ws.protection.formatColumns = False  # False = allowed
    ws.protection.formatRows = False


def _print_setup(ws: Worksheet, spec: TenderSpec, texts: dict) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = False
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.7
    title = xml_safe(spec.tender.title)[:_FOOTER_TITLE_CHARS].replace("&", "&&")
    ws.oddFooter.left.text = title
    ws.oddFooter.left.size = 8
    ws.oddFooter.right.text = texts["footer_page"]
    ws.oddFooter.right.size = 8
