"""The award letters (udbudsloven § 171): one Word letter per bidder, all sent at the same time.

Each letter names the winning bidder and gives the date the standstill period ends. A bidder
that was excluded is told why. A bidder whose bid was evaluated gets its own points per
criterion and per requirement with the committee's reasons, and — unless it won — the winning
bid's characteristics and advantages relative to its own: the requirements where the winning
bid scored higher, with the committee's reasons for the winning bid's points, and the prices.

The caller checks first that letters may be sent (procure.award.missing_for_letters, a
published tender, one winner); these functions only render.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from procure.award.record import AwardRecord, BidRecord
from procure.award.result import BidResult
from procure.documents.award_texts import (
    award_texts,
    criteria_rows,
    day_text,
    language_of,
    money,
    points_text,
    requirement_groups,
    requirement_places,
)
from procure.documents.docx_util import (
    add_facts,
    add_table,
    bullet,
    document_bytes,
    heading,
    new_document,
    page_footer,
    spaced_paragraph,
    text,
)
from procure.i18n import in_words
from procure.tender.spec import TenderSpec

USABLE_WIDTH_CM = 17.0
_SLUG_CHARS = 60


def render_award_letters(
    spec: TenderSpec, record: AwardRecord, sent_on: dt.date, *, electronic: bool = True
) -> dict[str, bytes]:
    """Every bidder's letter by file name (`tildelingsbrev-<bidder>.docx`)."""
    lang = language_of(spec.language)
    letters: dict[str, bytes] = {}
    for bid in record.result.ranking:
        name = letter_file_name(bid.vendor, lang, letters)
        letters[name] = render_award_letter(
            spec, record, bid.vendor, sent_on, electronic=electronic
        )
    return letters


def letter_file_name(vendor: str, lang: str, taken=()) -> str:
    """A safe file name for a bidder's letter, unique among `taken`."""
    words = award_texts(lang)
    slug = _slug(vendor) or words["letter_file_fallback"]
    name = f"{words['letter_file']}-{slug}.docx"
    number = 2
    while name in taken:
        name = f"{words['letter_file']}-{slug}-{number}.docx"
        number += 1
    return name


def render_award_letter(
    spec: TenderSpec,
    record: AwardRecord,
    vendor: str,
    sent_on: dt.date,
    *,
    electronic: bool = True,
) -> bytes:
    """One bidder's letter as .docx bytes, dated `sent_on`."""
    lang = language_of(spec.language)
    words = award_texts(lang)
    result = record.result
    winner = result.winners[0]
    bid = result.bid(vendor)
    bid_record = record.bid(vendor)
    tender = spec.tender
    title = f"{words['letter_title']}: {tender.title}"
    document = new_document(lang, title, author=tender.buyer.name, subject=vendor)
    heading(document, text(words["letter_title"]), level=0)
    case = tender.case_number
    page_footer(document, lang, f"{words['case']} {case}" if case else "")
    to = vendor + (f" ({words['cvr']} {bid_record.cvr})" if bid_record.cvr else "")
    buyer = tender.buyer.name + (
        f" ({words['cvr']} {tender.buyer.cvr})" if tender.buyer.cvr else ""
    )
    add_facts(
        document,
        [
            (words["letter_to"], to),
            (words["letter_from"], buyer),
            (words["tender"], tender.title),
            (words["case"], tender.case_number or words["not_stated"]),
            (words["date"], day_text(sent_on, lang)),
        ],
        (words["fact_label"], words["fact_value"]),
    )
    document.add_paragraph()
    document.add_paragraph(
        text(
            words["letter_decision"].format(
                buyer=tender.buyer.name, title=tender.title, winner=winner.vendor
            )
        )
    )
    if bid.vendor == winner.vendor:
        document.add_paragraph(words["letter_you_won"])
    document.add_paragraph(words["letter_same_time"])

    if bid.excluded:
        document.add_paragraph(words["letter_excluded"])
        for reason in bid.reasons:
            bullet(document, text(in_words(reason, lang)))
        document.add_paragraph(words["letter_excluded_after"])
    else:
        _evaluated(document, spec, record, bid, bid_record, winner, lang)

    heading(document, words["letter_standstill_heading"], level=1)
    key = "letter_standstill" if electronic else "letter_standstill_post"
    document.add_paragraph(text(words[key].format(date=day_text(result.standstill_ends, lang))))
    document.add_paragraph()
    document.add_paragraph(words["letter_regards"])
    document.add_paragraph(text(tender.buyer.name))
    return document_bytes(document, sent_on)


# -- An evaluated bid -----------------------------------------------------------------------------


def _evaluated(document, spec, record, bid: BidResult, bid_record: BidRecord, winner, lang):
    words = award_texts(lang)
    model = record.model
    won = bid.vendor == winner.vendor
    evaluated = sum(1 for b in record.result.ranking if b.rank is not None)
    if not won:
        document.add_paragraph(text(words["letter_rank"].format(rank=bid.rank, count=evaluated)))
    heading(document, words["letter_points_heading"] if won else words["letter_points_vs"], level=1)
    header = [words["criterion"], words["letter_yours"]]
    if not won:
        header.append(words["letter_winner"])
    rows = []
    theirs = criteria_rows(model, winner)
    for index, (label, value, decimals) in enumerate(criteria_rows(model, bid)):
        row = [label, points_text(value, decimals, lang)]
        if not won:
            row.append(points_text(theirs[index][1], decimals, lang))
        rows.append(row)
    figures = []
    if bid.price_points is not None:
        figures.append(
            (model.price_criterion.name, bid.price_points, winner.price_points, "criterion")
        )
    if bid.quality_points is not None and bid.total is None:
        figures.append(
            (words["quality_points"], bid.quality_points, winner.quality_points, "total")
        )
    if bid.total is not None:
        figures.append((words["total"], bid.total, winner.total, "total"))
    for label, mine, best, stage in figures:
        decimals = getattr(model.rounding, stage)
        row = [label, points_text(mine, decimals, lang)]
        if not won:
            row.append(points_text(best, decimals, lang))
        rows.append(row)
    for key in ("price_per_quality_point", "adjusted_price"):
        mine = getattr(bid, key)
        if mine is not None:
            row = [words[key], money(mine, lang)]
            if not won:
                row.append(money(getattr(winner, key), lang))
            rows.append(row)
    widths = (9.0, 4.0) if won else (8.0, 4.5, 4.5)
    add_table(document, header, rows, widths)
    if not won and bid.price is not None and winner.price is not None:
        spaced_paragraph(
            document,
            text(
                words["letter_price_vs"].format(
                    winner=money(winner.price, lang), yours=money(bid.price, lang)
                )
            ),
        )

    places = requirement_places(model)
    titles = {r.id: r.title for r in spec.requirements}
    decimals = model.scale.decimals
    if not won:
        winner_record = record.bid(winner.vendor)
        heading(document, words["letter_advantages_heading"], level=1)
        advantages = []
        for rid in places:
            best = winner_record.consensus.get(rid)
            mine = bid_record.consensus.get(rid)
            if best is not None and mine is not None and best.points > mine.points:
                advantages.append(
                    (
                        f"{rid} {titles.get(rid, '')}".strip(),
                        points_text(best.points, decimals, lang),
                        points_text(mine.points, decimals, lang),
                        best.why,
                    )
                )
        if advantages:
            document.add_paragraph(words["letter_advantages_intro"])
            add_table(
                document,
                (
                    words["requirement"],
                    words["letter_winner"],
                    words["letter_yours"],
                    words["why"],
                ),
                advantages,
                (4.5, 2.6, 2.2, USABLE_WIDTH_CM - 9.3),
            )
        else:
            document.add_paragraph(words["letter_no_advantages"])

    heading(document, words["letter_reasons_heading"], level=1)
    for label, requirements in requirement_groups(model):
        heading(document, text(label), level=2)
        add_table(
            document,
            (words["requirement"], words["letter_yours"], words["why"]),
            (
                (
                    f"{rid} {titles.get(rid, '')}".strip(),
                    points_text(score.points, decimals, lang) if score else "",
                    score.why if score else "",
                )
                for rid, _ in requirements
                for score in (bid_record.consensus.get(rid),)
            ),
            (5.0, 2.2, USABLE_WIDTH_CM - 7.2),
        )


def _slug(name: str) -> str:
    """ASCII, lower case, dashes: "Søren & Co. A/S" → "soeren-co-a-s"."""
    folded = name.casefold().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    ascii_text = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:_SLUG_CHARS].strip("-")
