"""Texts of step 9, "Tildeling" (procure/ui/pages/tildeling/): the ranking, its chart, what the
letters need and the award's documents."""

from __future__ import annotations

DA = {
    "award_intro": (
        "Tildelingen efter den offentliggjorte model: udvalgets konsensuspoint og tilbuddenes "
        "priser. Et tilbud, der ikke er konditionsmæssigt, udelukkes med begrundelse og får "
        "ingen point. Meddelelserne til tilbudsgiverne (udbudslovens § 171) kan først sendes, "
        "når alt er på plads."
    ),
    "award_no_bids": "Hent tilbuddene ind i trin 8, Tilbud, først.",
    "award_sent_on": "Meddelelserne sendes (elektronisk) den",
    "award_sent_on_help": (
        "Standstill-perioden er 10 kalenderdage fra dagen efter afsendelsen og forlænges til "
        "næste arbejdsdag, hvis den slutter på en lørdag, søndag eller helligdag."
    ),
    "award_standstill": "Standstill-perioden slutter {date}.",
    "award_ranking_heading": "Rangering",
    "award_ranking_intro": (
        "Tildelingskriterium: {criterion}. Kun konditionsmæssige tilbud med konsensuspoint for "
        "alle evaluerede krav rangeres; står tilbud lige efter alle regler, vises de som lige."
    ),
    "award_price_blind": (
        "Prisblind evaluering: rangeringen vises først, når der er konsensus om alle "
        "kvalitetspoint for alle konditionsmæssige tilbud."
    ),
    "award_none_ranked": "Intet tilbud kan rangeres endnu.",
    "award_rank": "{rank}. plads",
    "award_rank_tie": "{rank}. plads, delt",
    "award_col_rank": "Placering",
    "award_col_quality": "Kvalitet (vægtet)",
    "award_excluded_line": "– {reasons} (bekræftet af en person: {confirmed})",
    "award_col_price": "Pris",
    "award_col_price_points": "{name} (point)",
    "award_col_total": "Samlet score",
    "award_col_price_per_quality_point": "Pris pr. kvalitetspoint",
    "award_col_adjusted_price": "Justeret pris",
    "award_col_confirmed": "Bekræftet af en person",
    "award_col_reasons": "Begrundelse",
    "award_amount": "{value} kr.",
    "award_tie": (
        "Står lige efter alle offentliggjorte regler for lighed: {vendors}. Ordregiveren må "
        "afgøre tildelingen, før meddelelserne sendes."
    ),
    "award_prices_hidden": "Priserne vises, når der er konsensus om alle kvalitetspoint.",
    "award_chart_total": "Samlet score (0–{max}) for de rangerede tilbud",
    "award_chart_price_per_quality_point": "Pris pr. kvalitetspoint (laveste vinder)",
    "award_chart_adjusted_price": "Justeret pris (laveste vinder)",
    "award_chart_price": "Pris (laveste vinder)",
    "award_chart_description": (
        "Søjlediagram: {title}, {count} rangerede tilbud, det bedste øverst; hver søjle nævner "
        "placeringen og leverandøren. De samme tal står i tabellen under diagrammet."
    ),
    "award_waiting": (
        "{vendor} rangeres ikke endnu: {count} evaluerede krav mangler konsensuspoint ({ids})."
    ),
    "award_excluded_heading": "Udelukkede tilbud",
    "award_excluded_intro": (
        "Udelukkede tilbud får ingen point og ingen placering og indgår ikke, når den laveste "
        "pris findes."
    ),
    "award_letters_heading": "Meddelelser og dokumenter",
    "award_missing": "Meddelelserne kan ikke sendes endnu ({count}):",
    "award_missing_draft": (
        "Udbuddet er ikke offentliggjort (kladde); tildelingen er kun til afprøvning. "
        "Offentliggør det i trin 7, Dokumenter."
    ),
    "award_missing_tie": "{vendors} står lige efter alle regler: ordregiveren må afgøre det.",
    "award_missing_no_rank": "Intet tilbud kunne rangeres.",
    "award_ready": (
        "Alt er på plads: alle tilbud er bekræftet, og alle konditionsmæssige tilbud har "
        "konsensuspoint. Meddelelserne kan sendes samtidig til alle tilbudsgivere."
    ),
    "award_documents_failed": "Tildelingens dokumenter kunne ikke laves; se loggen.",
    "award_letters_later": "Meddelelserne kan hentes, når alt ovenfor er på plads.",
    "award_mark_awarded": "Markér udbuddet som tildelt",
    "award_mark_awarded_help": "Status bliver »tildelt« i udbudsfilen.",
    "award_marked": "Udbuddet er markeret som tildelt.",
    "award_is_awarded": "Udbuddet er tildelt.",
}

EN = {
    "award_intro": (
        "The award by the published model: the committee's consensus points and the bids' "
        "prices. A bid that is not compliant is excluded with its reasons and gets no points. "
        "The notices to the bidders (Public Procurement Act § 171) can be sent only when "
        "everything is in place."
    ),
    "award_no_bids": "Load the bids in step 8, Bids, first.",
    "award_sent_on": "The notices are sent (electronically) on",
    "award_sent_on_help": (
        "The standstill period is 10 calendar days from the day after sending, extended to the "
        "next working day when it ends on a Saturday, Sunday or public holiday."
    ),
    "award_standstill": "The standstill period ends on {date}.",
    "award_ranking_heading": "Ranking",
    "award_ranking_intro": (
        "Award criterion: {criterion}. Only compliant bids with consensus points for every "
        "evaluated requirement are ranked; bids still equal after every rule are shown as a "
        "tie."
    ),
    "award_price_blind": (
        "Price-blind evaluation: the ranking is shown once every quality point of every "
        "compliant bid has a consensus."
    ),
    "award_none_ranked": "No bid can be ranked yet.",
    "award_rank": "{rank}. place",
    "award_rank_tie": "{rank}. place, tied",
    "award_col_rank": "Rank",
    "award_col_quality": "Quality (weighted)",
    "award_excluded_line": "– {reasons} (confirmed by a person: {confirmed})",
    "award_col_price": "Price",
    "award_col_price_points": "{name} (points)",
    "award_col_total": "Total score",
    "award_col_price_per_quality_point": "Price per quality point",
    "award_col_adjusted_price": "Adjusted price",
    "award_col_confirmed": "Confirmed by a person",
    "award_col_reasons": "Reasons",
    "award_amount": "DKK {value}",
    "award_tie": (
        "Equal after every published tie-break: {vendors}. The buyer must decide the award "
        "before the notices are sent."
    ),
    "award_prices_hidden": "Prices are shown once every quality point has a consensus.",
    "award_chart_total": "Total score (0–{max}) of the ranked bids",
    "award_chart_price_per_quality_point": "Price per quality point (lowest wins)",
    "award_chart_adjusted_price": "Adjusted price (lowest wins)",
    "award_chart_price": "Price (lowest wins)",
    "award_chart_description": (
        "Bar chart: {title}, {count} ranked bids, the best at the top; each bar names the rank "
        "and the vendor. The same figures are in the table under the chart."
    ),
    "award_waiting": (
        "{vendor} is not ranked yet: {count} evaluated requirements lack consensus points ({ids})."
    ),
    "award_excluded_heading": "Excluded bids",
    "award_excluded_intro": (
        "Excluded bids get no points and no rank and are left out when the lowest price is found."
    ),
    "award_letters_heading": "Notices and documents",
    "award_missing": "The notices cannot be sent yet ({count}):",
    "award_missing_draft": (
        "The tender is not published (draft); the award is only a trial. Publish it in step 7, "
        "Documents."
    ),
    "award_missing_tie": "{vendors} are equal after every rule: the buyer must decide.",
    "award_missing_no_rank": "No bid could be ranked.",
    "award_ready": (
        "Everything is in place: every bid is confirmed and every compliant bid has consensus "
        "points. The notices can be sent to every bidder at the same time."
    ),
    "award_documents_failed": "The award's documents could not be made; see the log.",
    "award_letters_later": "The notices can be downloaded once everything above is in place.",
    "award_mark_awarded": "Mark the tender as awarded",
    "award_mark_awarded_help": "The status becomes “awarded” in the tender file.",
    "award_marked": "The tender is marked as awarded.",
    "award_is_awarded": "The tender is awarded.",
}
