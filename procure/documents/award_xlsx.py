"""award.xlsx: the award as a workbook to check and file.

Sheets: the ranking (rank, ties, exclusions with reasons, points per criterion and sub-
criterion, price, price points, total or the model's comparison figure, whether a person
confirmed compliance); every evaluated requirement of every bid with each evaluator's points,
the consensus points and the committee's reason; the prices procure computed per line; the
problems found in the price lists. Every vendor text is written as text, never as a formula
(PITFALLS: openpyxl turns "=…" into one); figures are numbers with the published decimals.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from procure.award.record import AwardRecord
from procure.documents.award_texts import (
    award_texts,
    has_price_points,
    language_of,
    primary_figure,
    rank_text,
    requirement_places,
)
from procure.documents.xlsx_util import (
    BOLD,
    HEADER_FILL,
    HEADER_FONT,
    TITLE_FONT,
    WRAP_TOP,
    fixed_timestamp,
    workbook_bytes,
    wrapped_row_height,
    write_text,
)
from procure.i18n import in_words
from procure.tender.spec import TenderSpec
from procure.textutil import xml_safe

HEADER_ROW = 3
AMOUNT_FORMAT = "#,##0.00"


def render_award_xlsx(spec: TenderSpec, record: AwardRecord, day: dt.date) -> bytes:
    """award.xlsx as bytes, dated `day`; the same award always gives the same bytes."""
    lang = language_of(spec.language)
    words = award_texts(lang)
    workbook = Workbook()
    ranking = workbook.active
    ranking.title = words["sheet_ranking"]
    _ranking_sheet(ranking, spec, record, lang)
    _points_sheet(workbook.create_sheet(words["sheet_points"]), spec, record, lang)
    if record.model.price_lines:
        _prices_sheet(workbook.create_sheet(words["sheet_prices"]), spec, record, lang)
        _problems_sheet(workbook.create_sheet(words["sheet_price_problems"]), spec, record, lang)
    workbook.properties.creator = "procure"
    workbook.properties.lastModifiedBy = "procure"
    workbook.properties.title = xml_safe(words["xlsx_title"].format(title=spec.tender.title))
    workbook.properties.language = lang
    return workbook_bytes(workbook, fixed_timestamp(day.isoformat()))


# -- Sheets -------------------------------------------------------------------------------------


def _ranking_sheet(ws, spec: TenderSpec, record: AwardRecord, lang: str) -> None:
    words = award_texts(lang)
    model = record.model
    r = model.rounding
    primary = primary_figure(model)
    columns: list[tuple[str, float, str | None]] = [
        (words["rank"], 10, None),
        (words["vendor"], 30, None),
        (words["excluded"], 11, None),
        (words["reasons"], 50, None),
    ]
    criteria = []
    for criterion in model.quality_criteria:
        criteria.append((criterion.name, None))
        for sub in criterion.sub:
            criteria.append((criterion.name, sub.name))
    for name, sub in criteria:
        decimals = r.criterion if sub is None else r.sub
        columns.append((name if sub is None else f"{name} / {sub}", 14, _points_format(decimals)))
    if model.quality_criteria:
        columns.append((words["quality_points"], 14, _points_format(r.total)))
    columns.append((words["price"], 16, AMOUNT_FORMAT))
    if has_price_points(model):
        columns.append((words["price_points"], 12, _points_format(r.criterion)))
    if primary == "total":
        columns.append((words["total"], 12, _points_format(r.total)))
    elif primary != "price":
        columns.append((words[primary], 18, AMOUNT_FORMAT))
    columns.append((words["confirmed"], 20, None))
    _title(ws, words["xlsx_title"].format(title=spec.tender.title), len(columns))
    _header(ws, columns)
    row = HEADER_ROW
    for bid in record.result.ranking:
        row += 1
        subs = {name: dict(values) for name, values in bid.sub_criteria}
        points = dict(bid.criteria)
        values: list[object] = [
            rank_text(bid, lang),
            bid.vendor,
            words["yes"] if bid.excluded else words["no"],
            "; ".join(str(in_words(x, lang)) for x in bid.reasons)
            or (words["missing_consensus"].format(count=len(bid.missing)) if bid.missing else ""),
        ]
        for name, sub in criteria:
            values.append(points.get(name) if sub is None else subs.get(name, {}).get(sub))
        if model.quality_criteria:
            values.append(bid.quality_points)
        values.append(bid.price)
        if has_price_points(model):
            values.append(bid.price_points)
        if primary == "total":
            values.append(bid.total)
        elif primary != "price":
            values.append(getattr(bid, primary))
        values.append(words["yes"] if bid.confirmed else words["no"])
        _row(ws, row, values, columns)
    _finish(ws, columns, row)


def _points_sheet(ws, spec: TenderSpec, record: AwardRecord, lang: str) -> None:
    words = award_texts(lang)
    model = record.model
    points_format = _points_format(model.scale.decimals)
    evaluators = record.evaluators
    columns: list[tuple[str, float, str | None]] = [
        (words["vendor"], 26, None),
        (words["requirement_id"], 15, None),
        (words["requirement_title"], 36, None),
        (words["criterion"], 28, None),
        (words["weight"], 8, "0"),
        *((name, 12, points_format) for name in evaluators),
        (words["consensus"], 12, points_format),
        (words["why"], 60, None),
    ]
    _title(ws, words["xlsx_title"].format(title=spec.tender.title), len(columns))
    _header(ws, columns)
    places = requirement_places(model)
    titles = {r.id: r.title for r in spec.requirements}
    row = HEADER_ROW
    for bid in record.result.ranking:
        bid_record = record.bid(bid.vendor)
        given = bid_record.evaluator_points()
        for rid, (criterion, sub, weight) in places.items():
            consensus = bid_record.consensus.get(rid)
            scores = given.get(rid, {})
            row += 1
            _row(
                ws,
                row,
                [
                    bid.vendor,
                    rid,
                    titles.get(rid, ""),
                    f"{criterion} / {sub}" if sub else criterion,
                    weight,
                    *(scores[e].points if e in scores else None for e in evaluators),
                    consensus.points if consensus else None,
                    consensus.why if consensus else "",
                ],
                columns,
                wrap=False,
            )
    _finish(ws, columns, row)


def _prices_sheet(ws, spec: TenderSpec, record: AwardRecord, lang: str) -> None:
    words = award_texts(lang)
    model = record.model
    columns: list[tuple[str, float, str | None]] = [
        (words["vendor"], 26, None),
        (words["source"], 26, None),
        (words["line"], 12, None),
        (words["line_text"], 40, None),
        (words["quantity"], 10, "General"),
        (words["unit_price"], 16, AMOUNT_FORMAT),
        (words["line_total"], 16, AMOUNT_FORMAT),
    ]
    _title(ws, words["xlsx_title"].format(title=spec.tender.title), len(columns))
    _header(ws, columns)
    row = HEADER_ROW
    for bid in record.result.ranking:
        bid_record = record.bid(bid.vendor)
        reading = bid_record.prices
        units = dict(reading.unit_prices) if reading else {}
        for line in model.price_lines:
            unit = units.get(line.id)
            row += 1
            _row(
                ws,
                row,
                [
                    bid.vendor,
                    bid_record.price_source,
                    line.id,
                    line.text,
                    line.quantity,
                    unit,
                    None if unit is None else unit * line.quantity,
                ],
                columns,
            )
        row += 1
        _row(
            ws,
            row,
            [bid.vendor, "", "", words["price"], None, None, reading.price if reading else None],
            columns,
        )
        for cell in ws[row]:
            cell.font = BOLD
    _finish(ws, columns, row)


def _problems_sheet(ws, spec: TenderSpec, record: AwardRecord, lang: str) -> None:
    words = award_texts(lang)
    columns: list[tuple[str, float, str | None]] = [
        (words["vendor"], 26, None),
        (words["source"], 26, None),
        (words["line"], 12, None),
        (words["problem"], 90, None),
    ]
    _title(ws, words["xlsx_title"].format(title=spec.tender.title), len(columns))
    _header(ws, columns)
    row = HEADER_ROW
    for bid in record.result.ranking:
        bid_record = record.bid(bid.vendor)
        if bid_record.prices is None:
            continue
        for problem in bid_record.prices.problems:
            row += 1
            _row(
                ws,
                row,
                [
                    bid.vendor,
                    bid_record.price_source,
                    problem.line,
                    str(in_words(problem.message, lang)),
                ],
                columns,
            )
    _finish(ws, columns, row)


# -- Pieces -------------------------------------------------------------------------------------


def _points_format(decimals: int) -> str:
    return "0" + ("." + "0" * decimals if decimals else "")


def _title(ws, title: str, width: int) -> None:
    cell = ws.cell(1, 1)
    write_text(cell, title)
    cell.font = TITLE_FONT


def _header(ws, columns) -> None:
    for index, (label, width, _) in enumerate(columns, start=1):
        cell = ws.cell(HEADER_ROW, index)
        write_text(cell, label)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = WRAP_TOP
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.row_dimensions[HEADER_ROW].height = wrapped_row_height(
        [(label, width) for label, width, _ in columns]
    )


def _row(ws, row: int, values, columns, wrap: bool = True) -> None:
    for index, (value, (_, _, number_format)) in enumerate(
        zip(values, columns, strict=True), start=1
    ):
        cell = ws.cell(row, index)
        if isinstance(value, Decimal | int) and not isinstance(value, bool):
            cell.value = value
            if number_format:
                cell.number_format = number_format
        else:
            write_text(cell, None if value is None else str(value))  # vendor text stays text
        if wrap:
            cell.alignment = WRAP_TOP
    if wrap:  # neither Excel nor LibreOffice fits row heights of a file openpyxl wrote
        ws.row_dimensions[row].height = wrapped_row_height(
            [(v, width) for v, (_, width, _) in zip(values, columns, strict=True)
             if isinstance(v, str)]
        )  # fmt: skip


def _finish(ws, columns, last_row: int) -> None:
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, 3)
    last = get_column_letter(len(columns))
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last}{max(last_row, HEADER_ROW + 1)}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
