"""The award as text (`procure award`): ranked bids best first with ties shown, then the bids
still waiting for consensus, then the excluded ones with their reasons, the problems found in
the price lists and the end of the standstill period. Printing never computes: everything
comes from the AwardRecord."""

from __future__ import annotations

from procure.award.record import AwardRecord
from procure.award.result import BidResult
from procure.formats import amount_text, date_text, decimal_text
from procure.i18n import in_words, t

# The award criteria of udbudsloven § 162 as the tender file writes them, in English
_CRITERIA_EN = {
    "bedste forhold mellem pris og kvalitet": "best price-quality ratio",
    "pris": "price",
    "omkostninger": "cost",
}


def award_text(record: AwardRecord, title: str, lang: str, *, draft: bool = False) -> str:
    """The text `procure award` prints, in `lang` (the tender's language)."""
    model = record.model
    result = record.result

    def say(message) -> str:
        return message.text(lang)

    lines = [say(t("Tildeling: {title}", title=title))]
    criterion = model.award_criterion
    if lang == "en":
        criterion = _CRITERIA_EN.get(criterion, criterion)
    lines.append(say(t("Tildelingskriterium: {criterion}", criterion=criterion)))
    if draft:
        lines.append(
            say(t("Udbuddet er ikke offentliggjort (kladde): resultatet er kun en prøve."))
        )
    ranked = [b for b in result.ranking if b.rank is not None]
    waiting = [b for b in result.ranking if b.rank is None and not b.excluded]
    excluded = [b for b in result.ranking if b.excluded]

    lines.append("")
    lines.append(say(t("Placering (bedste først):")))
    if not ranked:
        lines.append("  " + say(t("intet tilbud kunne rangeres")))
    for bid in ranked:
        lines.append("  " + _ranked_line(record, bid, lang))
    if waiting:
        lines.append("")
        lines.append(say(t("Mangler konsensus (ingen placering endnu):")))
        for bid in waiting:
            shown = ", ".join(bid.missing[:5]) + (" …" if len(bid.missing) > 5 else "")
            lines.append(
                "  "
                + say(
                    t(
                        "{vendor}: {count} evaluerede krav uden konsensusscore ({ids})",
                        vendor=bid.vendor,
                        count=len(bid.missing),
                        ids=shown,
                    )
                )
            )
    if excluded:
        lines.append("")
        lines.append(say(t("Udelukket (ingen point, ingen placering):")))
        for bid in excluded:
            lines.append(f"  {bid.vendor}")
            lines.extend(f"    - {in_words(reason, lang)}" for reason in bid.reasons)

    problems = [(b, p) for b in record.bids if b.prices is not None for p in b.prices.problems]
    if problems:
        lines.append("")
        lines.append(say(t("Prisproblemer (procure bruger sine egne beregninger):")))
        for bid, problem in problems:
            where = f" ({bid.price_source})" if bid.price_source else ""
            lines.append(f"  {bid.vendor}{where}: {problem.message.text(lang)}")

    unconfirmed = [b.vendor for b in record.bids if b.confirmation is None]
    if unconfirmed:
        lines.append("")
        lines.append(
            say(
                t(
                    "Konditionsmæssighed endnu ikke bekræftet af en person: {vendors}",
                    vendors=", ".join(unconfirmed),
                )
            )
        )
    if result.standstill_ends is not None:
        lines.append(
            say(
                t(
                    "Standstillperioden udløber: {date}",
                    date=date_text(result.standstill_ends, lang),
                )
            )
        )
    return "\n".join(lines) + "\n"


def _ranked_line(record: AwardRecord, bid: BidResult, lang: str) -> str:
    model = record.model
    r = model.rounding
    parts = [f"{bid.rank}.", bid.vendor]
    if bid.tie:
        parts.append(t("(delt placering)").text(lang))
    figures = []
    if bid.total is not None:
        figures.append(
            t("i alt {points} point", points=decimal_text(bid.total, lang, r.total)).text(lang)
        )
    if bid.price_per_quality_point is not None:
        figures.append(
            t(
                "{amount} kr. pr. kvalitetspoint",
                amount=amount_text(bid.price_per_quality_point, lang),
            ).text(lang)
        )
    if bid.adjusted_price is not None:
        figures.append(
            t("justeret pris {amount} kr.", amount=amount_text(bid.adjusted_price, lang)).text(lang)
        )
    criteria = [f"{name} {decimal_text(p, lang, r.criterion)}" for name, p in bid.criteria]
    if bid.price_points is not None and model.price_criterion is not None:
        criteria.append(
            f"{model.price_criterion.name} {decimal_text(bid.price_points, lang, r.criterion)}"
        )
    if criteria:
        figures.append(" · ".join(criteria))
    if bid.price is not None:
        figures.append(t("pris {amount} kr.", amount=amount_text(bid.price, lang)).text(lang))
    return " ".join(parts) + ("   " + "   ".join(figures) if figures else "")
