"""award.docx: the evaluation committee's report on the award (udbudsloven § 174).

The result and why the winning bid was chosen, the ranking, the excluded bids with their
reasons, then per bidder: its compliance (procure's proposal and the person's confirmation),
its price as procure computed it with any problems in the price list, its points per criterion
and, per evaluated requirement, each evaluator's points and the consensus points with the
committee's reason; last a signature block for the committee.
"""

from __future__ import annotations

import datetime as dt

from procure.award.record import AwardRecord, BidRecord
from procure.award.result import BidResult
from procure.documents.award_texts import (
    award_criterion_words,
    award_texts,
    criteria_rows,
    day_text,
    has_price_points,
    language_of,
    money,
    points_text,
    primary_figure,
    rank_text,
    requirement_groups,
)
from procure.documents.docx_util import (
    PLAIN_TABLE_STYLE,
    add_facts,
    add_table,
    bullet,
    document_bytes,
    heading,
    keep_together,
    moment_text,
    new_document,
    page_footer,
    text,
)
from procure.i18n import in_words
from procure.tender.spec import TenderSpec

USABLE_WIDTH_CM = 17.0


def render_award_note(spec: TenderSpec, record: AwardRecord, day: dt.date) -> bytes:
    """award.docx as bytes, dated `day`; the same award always gives the same bytes."""
    lang = language_of(spec.language)
    words = award_texts(lang)
    result = record.result
    model = record.model
    title = f"{words['note_title']}: {spec.tender.title}"
    document = new_document(
        lang, title, author=spec.tender.buyer.name, subject=words["note_subtitle"]
    )
    heading(document, text(title), level=0)
    document.add_paragraph(words["note_subtitle"])
    page_footer(document, lang, _footer_left(spec, words))
    facts = [
        (words["tender"], spec.tender.title),
        (words["buyer"], spec.tender.buyer.name),
        (words["case"], spec.tender.case_number or words["not_stated"]),
        (words["tender_id"], spec.tender.id),
        (words["library"], f"{spec.library_name} {spec.library_version}"),
        (words["award_criterion"], award_criterion_words(model, lang)),
        (words["date"], day_text(day, lang)),
    ]
    if result.standstill_ends is not None:
        facts.append((words["standstill"], day_text(result.standstill_ends, lang)))
    add_facts(document, facts, (words["fact_label"], words["fact_value"]))

    heading(document, words["result_heading"], level=1)
    document.add_paragraph(_result_sentence(record, lang))

    ranked = [b for b in result.ranking if b.rank is not None]
    if ranked:
        heading(document, words["ranking_heading"], level=1)
        header, rows, widths = _ranking_table(record, ranked, lang)
        add_table(document, header, rows, widths)
    waiting = [b for b in result.ranking if b.rank is None and not b.excluded]
    if waiting:
        heading(document, words["waiting_heading"], level=1)
        add_table(
            document,
            (words["vendor"], words["reasons"]),
            ((b.vendor, words["missing_consensus"].format(count=len(b.missing))) for b in waiting),
            (5.0, USABLE_WIDTH_CM - 5.0),
        )
    excluded = [b for b in result.ranking if b.excluded]
    if excluded:
        heading(document, words["excluded_heading"], level=1)
        add_table(
            document,
            (words["vendor"], words["reasons"]),
            ((b.vendor, _reasons(b, lang)) for b in excluded),
            (5.0, USABLE_WIDTH_CM - 5.0),
        )

    titles = {r.id: r.title for r in spec.requirements}
    evaluators = record.evaluators
    for bid in result.ranking:
        _bid_section(document, record, bid, record.bid(bid.vendor), titles, evaluators, lang)

    _signatures(document, evaluators, lang)
    return document_bytes(document, day)


# -- Sections -----------------------------------------------------------------------------------


def _result_sentence(record: AwardRecord, lang: str) -> str:
    words = award_texts(lang)
    winners = record.result.winners
    if not winners:
        return words["result_none"]
    if len(winners) > 1:
        return words["result_tie"].format(vendors=", ".join(b.vendor for b in winners))
    return words["result_winner"].format(
        winner=winners[0].vendor, criterion=award_criterion_words(record.model, lang)
    )


def _ranking_table(record: AwardRecord, ranked: list[BidResult], lang: str):
    words = award_texts(lang)
    model = record.model
    r = model.rounding
    primary = primary_figure(model)
    header = [words["rank"], words["vendor"]]
    header += [c.name for c in model.quality_criteria]
    if has_price_points(model):
        header.append(words["price_points"])
    header.append(words["price"])
    if primary != "price":
        header.append(words[primary])
    rows = []
    for bid in ranked:
        points = dict(bid.criteria)
        row = [rank_text(bid, lang), bid.vendor]
        row += [points_text(points.get(c.name), r.criterion, lang) for c in model.quality_criteria]
        if has_price_points(model):
            row.append(points_text(bid.price_points, r.criterion, lang))
        row.append(money(bid.price, lang))
        if primary == "total":
            row.append(points_text(bid.total, r.total, lang))
        elif primary != "price":
            row.append(money(getattr(bid, primary), lang))
        rows.append(row)
    fixed = 2.0 + 4.5
    rest = (USABLE_WIDTH_CM - fixed) / max(1, len(header) - 2)
    return header, rows, [2.0, 4.5] + [rest] * (len(header) - 2)


def _bid_section(document, record, bid, bid_record, titles, evaluators, lang) -> None:
    words = award_texts(lang)
    model = record.model
    heading(document, text(words["bid_heading"].format(vendor=bid.vendor)), level=1)
    facts = []
    if bid_record.cvr:
        facts.append((words["cvr"], bid_record.cvr))
    if bid_record.source:
        facts.append((words["source"], bid_record.source))
    if bid.rank is not None:
        facts.append((words["rank"], rank_text(bid, lang)))
    if facts:
        add_facts(document, facts, (words["fact_label"], words["fact_value"]))

    heading(document, words["compliance"], level=2)
    proposal = (
        words["proposal_compliant"]
        if bid_record.proposed_compliant
        else words["proposal_not_compliant"]
    )
    document.add_paragraph(text(proposal))
    for reason in bid_record.proposal_reasons:
        bullet(document, text(in_words(reason, lang)))
    confirmed = bid_record.confirmation
    if confirmed is None:
        document.add_paragraph(words["not_confirmed"])
    else:
        decision = words["decision_compliant" if confirmed.compliant else "decision_not_compliant"]
        document.add_paragraph(
            text(
                words["confirmed_by"].format(
                    decision=decision,
                    by=confirmed.by,
                    at=moment_text(confirmed.at, lang),
                    why=confirmed.why,
                )
            )
        )
    if bid.excluded:
        document.add_paragraph(text(_reasons(bid, lang)))

    if bid_record.prices is not None:
        _prices(document, bid_record, lang)

    if bid.excluded:
        document.add_paragraph(words["not_evaluated"])
        return
    if bid.criteria:
        heading(document, words["criteria_points"], level=2)
        scale = model.scale.max
        rows = [
            (label, words["points_of"].format(points=points_text(value, d, lang), max=scale))
            for label, value, d in criteria_rows(model, bid)
        ]
        if bid.price_points is not None:
            rows.append(
                (
                    model.price_criterion.name,
                    words["points_of"].format(
                        points=points_text(bid.price_points, model.rounding.criterion, lang),
                        max=scale,
                    ),
                )
            )
        if bid.total is not None:
            rows.append((words["total"], points_text(bid.total, model.rounding.total, lang)))
        add_facts(document, rows, (words["criterion"], words["points"]), widths_cm=(8.0, 9.0))

    heading(document, words["scores_heading"], level=2)
    _scores_tables(document, model, bid_record, titles, evaluators, lang)


def _scores_tables(document, model, bid_record: BidRecord, titles, evaluators, lang) -> None:
    """Per sub-criterion (or criterion): each requirement's evaluators' points, the consensus
    points and the committee's reason."""
    words = award_texts(lang)
    decimals = model.scale.decimals
    by_requirement = bid_record.evaluator_points()
    header = [words["requirement"], *evaluators, words["consensus"], words["why"]]
    evaluator_width = 1.8
    fixed = 4.2 + 2.1 + evaluator_width * len(evaluators)
    widths = [4.2, *([evaluator_width] * len(evaluators)), 2.1, max(3.5, USABLE_WIDTH_CM - fixed)]
    for label, requirements in requirement_groups(model):
        heading(document, text(label), level=3)
        rows = []
        for rid, _ in requirements:
            consensus = bid_record.consensus.get(rid)
            given = by_requirement.get(rid, {})
            rows.append(
                [
                    f"{rid} {titles.get(rid, '')}".strip(),
                    *(
                        points_text(given[e].points, decimals, lang) if e in given else ""
                        for e in evaluators
                    ),
                    points_text(consensus.points, decimals, lang) if consensus else "",
                    consensus.why if consensus else "",
                ]
            )
        add_table(document, header, rows, widths)


def _prices(document, bid_record: BidRecord, lang: str) -> None:
    words = award_texts(lang)
    reading = bid_record.prices
    heading(document, words["prices_heading"], level=2)
    if reading.price is None:
        document.add_paragraph(words["price_none"])
    else:
        document.add_paragraph(text(words["price_total"].format(price=money(reading.price, lang))))
    if reading.problems:
        document.add_paragraph(words["price_problems"] + ":")
        for problem in reading.problems:
            bullet(document, text(in_words(problem.message, lang)))


def _signatures(document, evaluators: tuple[str, ...], lang: str) -> None:
    words = award_texts(lang)
    heading(document, words["signatures_heading"], level=1)
    document.add_paragraph(words["signatures_text"]).paragraph_format.keep_with_next = True
    names = evaluators or ("", "", "")
    table = add_table(
        document,
        (words["signature_name"], words["signature_date"], words["signature"]),
        ((name, "", "") for name in names),
        (6.0, 3.5, 7.5),
        style=PLAIN_TABLE_STYLE,
    )
    from docx.shared import Cm

    for row in table.rows[1:]:
        row.height = Cm(1.3)
    keep_together(table)


def _footer_left(spec: TenderSpec, words: dict) -> str:
    case = spec.tender.case_number
    return f"{words['note_title']} · {words['case']} {case}" if case else words["note_title"]


def _reasons(bid: BidResult, lang: str) -> str:
    return "; ".join(str(in_words(reason, lang)) for reason in bid.reasons)
