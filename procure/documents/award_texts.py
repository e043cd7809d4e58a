"""The words and figures shared by the award's workbook, note and letters: Danish first, then
English, chosen by the tender's language; numbers, amounts and dates through procure.formats."""

from __future__ import annotations

import datetime as dt
import functools
from decimal import Decimal

from procure.award.model import AwardModel, requirement_weights
from procure.award.result import BidResult
from procure.documents.texts import texts as document_texts
from procure.formats import amount_text, date_text, decimal_text
from procure.tender.model import EVALUATION_PRICE, PRICE_ADJUSTMENT

TEXTS: dict[str, dict[str, str]] = {
    "da": {
        # Shared labels
        "tender": "Udbud",
        "buyer": "Ordregiver",
        "case": "Sagsnummer",
        "tender_id": "Udbuds-id",
        "fact_label": "Oplysning",
        "fact_value": "Indhold",
        "points": "Point",
        "library": "Kravbibliotek",
        "award_criterion": "Tildelingskriterium",
        "date": "Dato",
        "standstill": "Standstillperioden udløber",
        "rank": "Placering",
        "tie": "delt",
        "vendor": "Tilbudsgiver",
        "cvr": "CVR",
        "excluded": "Udelukket",
        "reasons": "Begrundelse",
        "quality_points": "Kvalitetspoint (vægtet)",
        "price": "Pris (kr.)",
        "price_points": "Prispoint",
        "total": "Samlet point",
        "price_per_quality_point": "Pris pr. kvalitetspoint (kr.)",
        "adjusted_price": "Justeret pris (kr.)",
        "confirmed": "Konditionsmæssighed bekræftet",
        "requirement": "Krav",
        "requirement_id": "Krav-ID",
        "requirement_title": "Kravets titel",
        "criterion": "Kriterium",
        "weight": "Vægt",
        "consensus": "Konsensus",
        "why": "Begrundelse",
        "line": "Prislinje",
        "line_text": "Beskrivelse",
        "quantity": "Antal",
        "unit_price": "Enhedspris (kr.)",
        "line_total": "I alt (kr.)",
        "problem": "Problem",
        "source": "Fil",
        "yes": "ja",
        "no": "nej",
        "none": "ingen",
        "not_stated": "–",
        "points_of": "{points} af {max}",
        "missing_consensus": "mangler konsensus for {count} krav",
        # award.xlsx
        "sheet_ranking": "Rangering",
        "sheet_points": "Point",
        "sheet_prices": "Priser",
        "sheet_price_problems": "Prisproblemer",
        "xlsx_title": "Tildeling: {title}",
        # award.docx
        "note_title": "Evalueringsrapport",
        "note_subtitle": "Udbudslovens § 174: tildeling af kontrakten",
        "result_heading": "Resultat",
        "result_winner": (
            "Tilbuddet fra {winner} er det økonomisk mest fordelagtige efter den offentliggjorte "
            "evalueringsmodel ({criterion}) og indstilles til at få tildelt kontrakten."
        ),
        "result_tie": (
            "Tilbuddene fra {vendors} står lige efter alle offentliggjorte regler for "
            "lighed; ordregiveren må afgøre tildelingen, før meddelelserne kan sendes."
        ),
        "result_none": "Intet tilbud kunne rangeres.",
        "ranking_heading": "Rangering",
        "waiting_heading": "Tilbud uden fuld konsensus (ikke rangeret)",
        "excluded_heading": "Udelukkede tilbud (ingen point, ingen placering)",
        "bid_heading": "Tilbudsgiver: {vendor}",
        "compliance": "Konditionsmæssighed",
        "proposal_compliant": "procures forslag: konditionsmæssigt (alle mindstekrav opfyldt)",
        "proposal_not_compliant": "procures forslag: ukonditionsmæssigt",
        "confirmed_by": "{decision} – bekræftet af {by} ({at}): {why}",
        "decision_compliant": "Konditionsmæssigt",
        "decision_not_compliant": "Ukonditionsmæssigt",
        "not_confirmed": "Ikke bekræftet af en person endnu.",
        "prices_heading": "Pris",
        "price_total": "Tilbudsprisen beregnet af ordregiveren: {price} kr.",
        "price_none": "Tilbuddet har ingen gyldig pris.",
        "price_problems": "Problemer i prislisten",
        "scores_heading": "Point og begrundelser",
        "criteria_points": "Point pr. kriterium",
        "not_evaluated": "Tilbuddet er udelukket og er derfor ikke evalueret.",
        "signatures_heading": "Underskrifter",
        "signatures_text": (
            "Evalueringsudvalgets medlemmer bekræfter med deres underskrift evalueringen og "
            "begrundelserne i denne rapport."
        ),
        "signature_name": "Navn",
        "signature_date": "Dato",
        "signature": "Underskrift",
        # The letters (udbudslovens § 171)
        "letter_title": "Meddelelse om tildelingsbeslutning",
        "letter_to": "Til",
        "letter_from": "Fra",
        "letter_decision": (
            "{buyer} har besluttet at tildele kontrakten i udbuddet »{title}« til {winner}."
        ),
        "letter_you_won": "Vi har besluttet at tildele kontrakten til jer.",
        "letter_same_time": (
            "Alle tilbudsgivere får denne meddelelse samtidig, hver med deres egne point og "
            "begrundelser."
        ),
        "letter_excluded": "Jeres tilbud er ikke taget i betragtning, fordi:",
        "letter_excluded_after": "Tilbuddet er derfor ikke evalueret og har ikke fået point.",
        "letter_rank": "Jeres tilbud blev nr. {rank} af {count} evaluerede tilbud.",
        "letter_points_heading": "Jeres point",
        "letter_points_vs": "Jeres point sammenlignet med det vindende tilbud",
        "letter_yours": "Jeres tilbud",
        "letter_winner": "Det vindende tilbud",
        "letter_advantages_heading": "Det vindende tilbuds egenskaber og fordele",
        "letter_advantages_intro": (
            "Det vindende tilbud fik flere point end jeres på disse krav; begrundelsen er "
            "evalueringsudvalgets for det vindende tilbuds point:"
        ),
        "letter_no_advantages": (
            "Det vindende tilbud fik ikke flere point end jeres på noget enkelt krav; "
            "forskellen ligger i den samlede vurdering ovenfor."
        ),
        "letter_price_vs": "Det vindende tilbuds pris er {winner} kr.; jeres pris er {yours} kr.",
        "letter_reasons_heading": "Begrundelse for jeres point",
        "letter_standstill_heading": "Standstillperiode",
        "letter_standstill": (
            "Standstillperioden udløber den {date}. Kontrakten indgås tidligst, når perioden er "
            "udløbet. Perioden er 10 kalenderdage regnet fra dagen efter, at denne meddelelse er "
            "sendt elektronisk (lov om Klagenævnet for Udbud § 3)."
        ),
        "letter_standstill_post": (
            "Standstillperioden udløber den {date}. Kontrakten indgås tidligst, når perioden er "
            "udløbet. Perioden er 15 kalenderdage regnet fra dagen efter, at denne meddelelse er "
            "sendt (lov om Klagenævnet for Udbud § 3)."
        ),
        "letter_regards": "Med venlig hilsen",
        "letter_file": "tildelingsbrev",
        "letter_file_fallback": "tilbudsgiver",
    },
    "en": {
        "tender": "Tender",
        "buyer": "Contracting authority",
        "case": "Case number",
        "tender_id": "Tender id",
        "fact_label": "Item",
        "fact_value": "Details",
        "points": "Points",
        "library": "Requirement library",
        "award_criterion": "Award criterion",
        "date": "Date",
        "standstill": "The standstill period ends",
        "rank": "Rank",
        "tie": "tie",
        "vendor": "Bidder",
        "cvr": "CVR",
        "excluded": "Excluded",
        "reasons": "Reasons",
        "quality_points": "Quality points (weighted)",
        "price": "Price (DKK)",
        "price_points": "Price points",
        "total": "Total points",
        "price_per_quality_point": "Price per quality point (DKK)",
        "adjusted_price": "Adjusted price (DKK)",
        "confirmed": "Compliance confirmed",
        "requirement": "Requirement",
        "requirement_id": "Requirement ID",
        "requirement_title": "Requirement title",
        "criterion": "Criterion",
        "weight": "Weight",
        "consensus": "Consensus",
        "why": "Reason",
        "line": "Price line",
        "line_text": "Description",
        "quantity": "Quantity",
        "unit_price": "Unit price (DKK)",
        "line_total": "Total (DKK)",
        "problem": "Problem",
        "source": "File",
        "yes": "yes",
        "no": "no",
        "none": "none",
        "not_stated": "–",
        "points_of": "{points} of {max}",
        "missing_consensus": "no consensus yet for {count} requirements",
        "sheet_ranking": "Ranking",
        "sheet_points": "Points",
        "sheet_prices": "Prices",
        "sheet_price_problems": "Price problems",
        "xlsx_title": "Award: {title}",
        "note_title": "Evaluation report",
        "note_subtitle": "Public Procurement Act § 174: award of the contract",
        "result_heading": "Result",
        "result_winner": (
            "The bid from {winner} is the most economically advantageous under the published "
            "evaluation model ({criterion}) and is recommended for the award of the contract."
        ),
        "result_tie": (
            "The bids from {vendors} are equal after every published tie-break; the contracting "
            "authority must decide the award before the notices can be sent."
        ),
        "result_none": "No bid could be ranked.",
        "ranking_heading": "Ranking",
        "waiting_heading": "Bids without full consensus (not ranked)",
        "excluded_heading": "Excluded bids (no points, no rank)",
        "bid_heading": "Bidder: {vendor}",
        "compliance": "Compliance",
        "proposal_compliant": "procure's proposal: compliant (every minimum requirement met)",
        "proposal_not_compliant": "procure's proposal: not compliant",
        "confirmed_by": "{decision} – confirmed by {by} ({at}): {why}",
        "decision_compliant": "Compliant",
        "decision_not_compliant": "Not compliant",
        "not_confirmed": "Not yet confirmed by a person.",
        "prices_heading": "Price",
        "price_total": "The bid price as computed by the contracting authority: DKK {price}",
        "price_none": "The bid has no valid price.",
        "price_problems": "Problems in the price list",
        "scores_heading": "Points and reasons",
        "criteria_points": "Points per criterion",
        "not_evaluated": "The bid is excluded and has therefore not been evaluated.",
        "signatures_heading": "Signatures",
        "signatures_text": (
            "By signing, the members of the evaluation committee confirm the evaluation and the "
            "reasons in this report."
        ),
        "signature_name": "Name",
        "signature_date": "Date",
        "signature": "Signature",
        "letter_title": "Notification of the award decision",
        "letter_to": "To",
        "letter_from": "From",
        "letter_decision": (
            "{buyer} has decided to award the contract in the tender “{title}” to {winner}."
        ),
        "letter_you_won": "We have decided to award the contract to you.",
        "letter_same_time": (
            "Every bidder receives this notification at the same time, each with its own points "
            "and reasons."
        ),
        "letter_excluded": "Your bid has not been considered, because:",
        "letter_excluded_after": "The bid has therefore not been evaluated and has no points.",
        "letter_rank": "Your bid was ranked {rank} of {count} evaluated bids.",
        "letter_points_heading": "Your points",
        "letter_points_vs": "Your points compared with the winning bid",
        "letter_yours": "Your bid",
        "letter_winner": "The winning bid",
        "letter_advantages_heading": "Characteristics and advantages of the winning bid",
        "letter_advantages_intro": (
            "The winning bid scored more points than yours on these requirements; the reason is "
            "the evaluation committee's for the winning bid's points:"
        ),
        "letter_no_advantages": (
            "The winning bid did not score more points than yours on any single requirement; "
            "the difference lies in the overall assessment above."
        ),
        "letter_price_vs": "The winning bid's price is DKK {winner}; your price is DKK {yours}.",
        "letter_reasons_heading": "Reasons for your points",
        "letter_standstill_heading": "Standstill period",
        "letter_standstill": (
            "The standstill period ends on {date}. The contract will not be concluded before the "
            "period has ended. The period is 10 calendar days from the day after this "
            "notification was sent electronically (Danish act on the Complaints Board for Public "
            "Procurement, § 3)."
        ),
        "letter_standstill_post": (
            "The standstill period ends on {date}. The contract will not be concluded before the "
            "period has ended. The period is 15 calendar days from the day after this "
            "notification was sent (Danish act on the Complaints Board for Public Procurement, "
            "§ 3)."
        ),
        "letter_regards": "Yours sincerely",
        "letter_file": "award-letter",
        "letter_file_fallback": "bidder",
    },
}

_AWARD_CRITERIA = {
    "bedste forhold mellem pris og kvalitet": "award_criterion_best",
    "pris": "award_criterion_price",
    "omkostninger": "award_criterion_costs",
}


def award_texts(lang: str) -> dict[str, str]:
    return TEXTS.get(lang, TEXTS["da"])


def language_of(lang: str) -> str:
    return lang if lang in TEXTS else "da"


def award_criterion_words(model: AwardModel, lang: str) -> str:
    key = _AWARD_CRITERIA.get(model.award_criterion)
    return str(document_texts(language_of(lang))[key]) if key else model.award_criterion


def points_text(value: Decimal | None, decimals: int, lang: str) -> str:
    return "" if value is None else _points_text(value, decimals, lang)


@functools.lru_cache(maxsize=4096)
def _points_text(value: Decimal, decimals: int, lang: str) -> str:
    # A large award shows the same few points thousands of times; Babel takes ~40 µs each
    return decimal_text(value, lang, decimals)


def money(value: Decimal | None, lang: str) -> str:
    return "" if value is None else amount_text(value, lang)


def day_text(day: dt.date | None, lang: str) -> str:
    return "" if day is None else date_text(day, lang)


def primary_figure(model: AwardModel) -> str:
    """What ranks the bids: "total", "price_per_quality_point", "adjusted_price" or "price"."""
    kind = model.price_model.kind if model.price_model else None
    if model.award_criterion in ("pris", "omkostninger"):
        return "price"
    if kind == EVALUATION_PRICE and model.kommissionsmodel is not None:
        return "price_per_quality_point"
    if kind == PRICE_ADJUSTMENT:
        return "adjusted_price"
    return "total"


def has_price_points(model: AwardModel) -> bool:
    return primary_figure(model) == "total" and model.price_criterion is not None


def requirement_places(model: AwardModel) -> dict[str, tuple[str, str, int]]:
    """{requirement: (criterion, sub-criterion or "", weight)} in published order."""
    out: dict[str, tuple[str, str, int]] = {}
    for criterion in model.quality_criteria:
        if criterion.sub:
            for sub in criterion.sub:
                for rid, weight in sub.requirements:
                    out[rid] = (criterion.name, sub.name, weight)
        else:
            for rid, weight in requirement_weights(criterion):
                out[rid] = (criterion.name, "", weight)
    return out


def requirement_groups(model: AwardModel) -> list[tuple[str, list[tuple[str, int]]]]:
    """The evaluated requirements grouped as published: ("Kvalitet / Funktionalitet",
    [(requirement, weight), …]) per sub-criterion, or per criterion without subs."""
    groups: list[tuple[str, list[tuple[str, int]]]] = []
    for rid, (criterion, sub, weight) in requirement_places(model).items():
        label = f"{criterion} / {sub}" if sub else criterion
        if not groups or groups[-1][0] != label:
            groups.append((label, []))
        groups[-1][1].append((rid, weight))
    return groups


def rank_text(bid: BidResult, lang: str) -> str:
    if bid.rank is None:
        return ""
    return f"{bid.rank} ({award_texts(lang)['tie']})" if bid.tie else str(bid.rank)


def criteria_rows(model: AwardModel, bid: BidResult) -> list[tuple[str, Decimal | None, int]]:
    """(label, points, decimals) for each criterion and sub-criterion, then price points."""
    r = model.rounding
    subs = dict(bid.sub_criteria)
    points = dict(bid.criteria)
    rows: list[tuple[str, Decimal | None, int]] = []
    for criterion in model.quality_criteria:
        rows.append((criterion.name, points.get(criterion.name), r.criterion))
        for name, value in subs.get(criterion.name, ()):
            rows.append((f"{criterion.name} / {name}", value, r.sub))
    return rows
