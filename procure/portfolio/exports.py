"""Files made from the portfolio: the coverage workbook and the KITOS relations export.

Text from the portfolio (system names typed by people or imported) is written as text: in the
workbook with openpyxl's string type, in a CSV with a leading apostrophe before anything a
spreadsheet would read as a formula (= + - @), as OWASP advises for CSV files.
"""

from __future__ import annotations

import csv
import io
import json

from procure.library.model import Library
from procure.portfolio.coverage import Coverage
from procure.portfolio.records import SystemRecord

_CELL_VALUE = {"used": 2, "implied": 1, "missing": 0}
# Shown instead of the number; the colour scale reads the number (0 red, 1 yellow, 2 green)
_CELL_FORMAT = {
    "da": '[=2]"brugt";[=1]"indirekte";"mangler"',
    "en": '[=2]"used";[=1]"implied";"missing"',
}
_TEXT = {
    "da": {
        "coverage": "Dækning",
        "gaps": "Mangler",
        "expiring": "Kontrakter",
        "legend": "Forklaring",
        "system": "System",
        "area": "Fagområde",
        "category": "Kategori",
        "share": "Anbefalede i brug",
        "missing": "Mangler (anbefalet for kategorien, ikke i brug)",
        "end": "Kontraktudløb",
        "legend_rows": (
            ("brugt", "systemet bruger integrationen"),
            ("indirekte", "systemet bruger en integration, der afhænger af den"),
            ("mangler", "kravbiblioteket anbefaler den for systemets kategori; ikke i brug"),
            ("(tom)", "hverken brugt eller anbefalet"),
        ),
        "advice": (
            "Anbefalingerne pr. kategori er kravbibliotekets egne råd, ikke indholdet af "
            "SKI 02.19's integrationspakker. Kravbibliotek {version}; udtræk {today}; "
            "kontrakter der udløber inden for {months} måneder."
        ),
    },
    "en": {
        "coverage": "Coverage",
        "gaps": "Gaps",
        "expiring": "Contracts",
        "legend": "Legend",
        "system": "System",
        "area": "Business area",
        "category": "Category",
        "share": "Recommended in use",
        "missing": "Missing (recommended for the category, not used)",
        "end": "Contract end",
        "legend_rows": (
            ("used", "the system uses the integration"),
            ("implied", "the system uses an integration that depends on it"),
            ("missing", "the library recommends it for the system's category; not used"),
            ("(empty)", "neither used nor recommended"),
        ),
        "advice": (
            "The recommendations per category are the library's own advice, not the content of "
            "SKI 02.19's integration packages. Requirement library {version}; extracted {today}; "
            "contracts ending within {months} months."
        ),
    },
}


def render_coverage_xlsx(coverage: Coverage, library: Library, lang: str = "da") -> bytes:
    """The coverage workbook: the matrix as a heat map (conditional formatting, so the
    colours follow the values in Excel and LibreOffice), the gaps and the expiring contracts."""
    from openpyxl import Workbook
    from openpyxl.formatting.rule import ColorScaleRule
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    from procure.documents.xlsx_util import (
        FONT_NAME,
        HEADER_FILL,
        HEADER_FONT,
        WRAP_TOP,
        fixed_timestamp,
        workbook_bytes,
        write_text,
    )

    text = _TEXT.get(lang, _TEXT["da"])
    names = [_name(i, library, lang) for i in coverage.integrations]
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = text["coverage"]
    header = [text["system"], text["area"], text["category"], *names, text["share"]]
    for column, title in enumerate(header, start=1):
        cell = sheet.cell(row=1, column=column)
        write_text(cell, title)
        cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, WRAP_TOP
    sheet.row_dimensions[1].height = 58  # four lines of a long integration name
    first, last = 4, 3 + len(names)
    cell_format = _CELL_FORMAT.get(lang, _CELL_FORMAT["da"])
    for r, row in enumerate(coverage.matrix, start=2):
        write_text(sheet.cell(row=r, column=1), row.system)
        write_text(sheet.cell(row=r, column=2), row.business_area)
        write_text(sheet.cell(row=r, column=3), row.category)
        for c, state in enumerate(row.cells, start=first):
            if state:
                cell = sheet.cell(row=r, column=c, value=_CELL_VALUE[state])
                cell.number_format = cell_format
        category = library.categories_by_code.get(row.category)
        if category and category.recommended_integrations:
            recommended = len(category.recommended_integrations)
            used = recommended - row.cells.count("missing")
            share = sheet.cell(row=r, column=last + 1, value=used / recommended)
            share.number_format = "0%"
    end_row = max(2, len(coverage.matrix) + 1)
    if names:
        span = f"{get_column_letter(first)}2:{get_column_letter(last)}{end_row}"
        sheet.conditional_formatting.add(
            span,
            ColorScaleRule(
                start_type="num", start_value=0, start_color="F8696B",
                mid_type="num", mid_value=1, mid_color="FFEB84",
                end_type="num", end_value=2, end_color="63BE7B",
            ),
        )  # fmt: skip
    share_column = get_column_letter(last + 1)
    sheet.conditional_formatting.add(
        f"{share_column}2:{share_column}{end_row}",
        ColorScaleRule(
            start_type="num", start_value=0, start_color="F8696B",
            mid_type="num", mid_value=0.5, mid_color="FFEB84",
            end_type="num", end_value=1, end_color="63BE7B",
        ),
    )  # fmt: skip
    sheet.freeze_panes = "D2"
    sheet.column_dimensions["A"].width = 30
    sheet.column_dimensions["B"].width = 22
    sheet.column_dimensions["C"].width = 9
    for column in range(first, last + 2):
        sheet.column_dimensions[get_column_letter(column)].width = 14
    sheet.auto_filter.ref = f"A1:{share_column}{end_row}"

    gaps = workbook.create_sheet(text["gaps"])
    _table(
        gaps,
        (text["system"], text["category"], text["missing"]),
        [
            (g.system, g.category, ", ".join(_name(i, library, lang) for i in g.missing))
            for g in coverage.gaps
        ],
        (30, 9, 90),
    )
    expiring = workbook.create_sheet(text["expiring"])
    _table(
        expiring,
        (text["system"], text["end"], text["missing"]),
        [
            (
                e.system,
                e.contract_end.isoformat(),
                ", ".join(_name(i, library, lang) for i in e.missing),
            )
            for e in coverage.expiring
        ],
        (30, 14, 90),
    )
    legend = workbook.create_sheet(text["legend"])
    _table(legend, ("", ""), list(text["legend_rows"]), (12, 80))
    note = legend.cell(row=len(text["legend_rows"]) + 3, column=1)
    write_text(
        note,
        text["advice"].format(
            version=coverage.library_version,
            today=coverage.today.isoformat(),
            months=coverage.months,
        ),
    )
    note.font = Font(name=FONT_NAME, italic=True)
    return workbook_bytes(workbook, fixed_timestamp(coverage.today.isoformat()))


def kitos_relations(systems: list[SystemRecord], library: Library) -> list[dict]:
    """One relation per system and FKI integration it uses, as a KITOS administrator keys it
    in: the using system, the interface, its SF numbers, the exposing system."""
    order = {integration.id: i for i, integration in enumerate(library.integrations)}
    relations = []
    for system in sorted(systems, key=lambda s: s.name.casefold()):
        if system.removed_at is not None:
            continue
        for integration_id in sorted(system.integrations, key=lambda i: order.get(i, len(order))):
            integration = library.integrations_by_id.get(integration_id)
            name = integration.name.da if integration else integration_id
            relations.append(
                {
                    "system": system.name,
                    "interface": name,
                    "sf_numbers": [sf.number for sf in integration.sf_numbers]
                    if integration
                    else [],
                    "exposed_by": _exposing_system(integration) if integration else "",
                    "integration": integration_id,
                    "kitos_uuid": system.kitos_uuid,
                }
            )
    return relations


KITOS_CSV_COLUMNS = (
    ("system", "system"),
    ("snitflade", "interface"),
    ("sf-nummer", "sf_numbers"),
    ("udstillende system", "exposed_by"),
    ("katalog-id", "integration"),
    ("kitos-uuid", "kitos_uuid"),
)


def kitos_csv(relations: list[dict]) -> bytes:
    """The relations as a semicolon CSV in UTF-8 with BOM (Excel opens it as Danish text)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([title for title, _ in KITOS_CSV_COLUMNS])
    for relation in relations:
        writer.writerow(
            [
                csv_text(", ".join(v) if isinstance(v := relation[key], list) else v)
                for _, key in KITOS_CSV_COLUMNS
            ]
        )
    return buffer.getvalue().encode("utf-8-sig")


def kitos_json(relations: list[dict], library: Library) -> bytes:
    document = {"library_version": library.version, "relations": relations}
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def csv_text(value: object) -> str:
    """A CSV cell that a spreadsheet shows as the text it is: one that starts like a formula
    (= + - @, or a tab or carriage return before one) gets a leading apostrophe."""
    text = "" if value is None else str(value)
    if text and text[0] in "=+-@\t\r":
        return "'" + text
    return text


def _exposing_system(integration) -> str:
    """Serviceplatformen exposes its services (CPR, CVR, Digital Post …); a støttesystem
    exposes its own."""
    if integration.kind == "serviceplatform":
        return "Serviceplatformen"
    return integration.name.da


def _name(integration_id: str, library: Library, lang: str) -> str:
    integration = library.integrations_by_id.get(integration_id)
    if integration is None:
        return integration_id
    return integration.name.get(lang) or integration.name.da


def _table(sheet, header, rows, widths) -> None:
    from openpyxl.utils import get_column_letter

    from procure.documents.xlsx_util import HEADER_FILL, HEADER_FONT, WRAP_TOP, write_text

    for column, title in enumerate(header, start=1):
        cell = sheet.cell(row=1, column=column)
        write_text(cell, title)
        if title:
            cell.font, cell.fill = HEADER_FONT, HEADER_FILL
    for r, values in enumerate(rows, start=2):
        for c, value in enumerate(values, start=1):
            cell = sheet.cell(row=r, column=c)
            write_text(cell, value)
            cell.alignment = WRAP_TOP
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "A2"
