"""Texts of step 8, "Tilbud" (procure/ui/pages/tilbud/): uploads, verdicts and findings,
manual point overrides and the evaluation file, the comparison and its charts."""

from __future__ import annotations

DA = {
    "check_intro": (
        "Hent leverandørernes besvarelser ind og se, om de er konditionsmæssige, hvilke forbehold "
        "de har taget, og hvordan de scorer. procure markerer – du og dine kolleger afgør. "
        "Tilbuddene gemmes kun i udbuddets egen mappe i arbejdsmappen; tilbud til et andet "
        "udbud kontrolleres ved at åbne det udbud under 1. Start."
    ),
    "checking_against": (
        "Kontrollerer mod »{title}« – {count} krav, kravbibliotek {version}, fingeraftryk "
        "{fingerprint}"
    ),
    "responses_label": "Leverandørernes besvarelser (.docx, .xlsx, .yaml, .json)",
    "responses_help": (
        "Du kan vælge flere filer på én gang. Hver fil kontrolleres for sig; en ødelagt fil "
        "stopper ikke de andre."
    ),
    "result_file": "Fil: {name}",
    "score": "PK-svar (orientering)",
    "score_final": "Justeret (orientering)",
    "score_computed": "PK-svar (orientering)",
    "mandatory_failed": "Mindstekrav ikke opfyldt",
    "reservations": "Forbehold",
    "reservations_total": "Prissatte forbehold i alt: {total}",
    "amount": "{value} kr.",
    "integrations_missing": "Integrationer der ikke er dækket",
    "compliant_yes": "Konditionsmæssigt: ja – ingen mindstekrav fejler.",
    "compliant_no": "Konditionsmæssigt: NEJ – skal vurderes og bekræftes:",
    "findings_heading": "Alle fund ({count})",
    "unpriced": "ingen",
    "col_requirement": "Krav-ID",
    "col_answer": "Besvarelse",
    "col_price": "Leverandørens pris (til orientering)",
    "col_buyer_decision": "Kommunens afgørelse",
    "col_reservation": "Forbehold",
    "col_finding": "Fund",
    "col_message": "Beskrivelse",
    "col_compliant": "Konditionsmæssigt",
    "col_reservations_price": "Forbehold i alt",
    "col_number": "Kravnr",
    "col_kind": "Type",
    "comparison_heading": "Sammenligning",
    "side_by_side": "Krav for krav, side om side",
    "chart_heatmap_heading": "Krav × leverandør",
    "chart_heatmap_caption": (
        "Hver celle er leverandørens besvarelse af kravet, vist med vurderingens farve og "
        "symbol. Hold musen over en celle for at se kravet, besvarelsen og point; de samme "
        "oplysninger står i tabellen under diagrammet."
    ),
    "chart_heatmap_description": (
        "Diagram over vurderingen af {requirements} krav hos {vendors} leverandører: ét felt pr. "
        "krav og leverandør med vurderingens farve og symbol. De samme oplysninger står i "
        "tabellen under diagrammet."
    ),
    "chart_heatmap_show": "Vis",
    "chart_heatmap_show_all": "Alle krav",
    "chart_heatmap_show_mk_pk": "Kun mindstekrav og prioriterede krav (MK, PK)",
    "chart_heatmap_show_not_ok": "Kun krav med afvigelser",
    "chart_heatmap_show_help": (
        "Afvigelser: krav hvor mindst én leverandørs vurdering ikke er »opfyldt«. Hele rækken "
        "vises, så leverandørerne kan sammenlignes."
    ),
    "chart_heatmap_empty": "Ingen krav at vise med dette valg.",
    "chart_verdict": "Vurdering",
    "chart_title": "Krav",
    "chart_points": "Point",
    "verdict_ok": "opfyldt",
    "verdict_reservation": "forbehold",
    "verdict_failed": "ikke opfyldt (MK)",
    "verdict_missing": "ikke besvaret",
    "verdict_invalid": "ugyldig",
    "verdict_not_offered": "ikke tilbudt",
    "override_heading": "Manuel pointjustering",
    "override_intro": (
        "Sæt point for et prioriteret krav (PK) manuelt, fx efter en faglig vurdering af "
        "leverandørens beskrivelse. Hvem, hvornår, gammel og ny værdi og begrundelsen gemmes i "
        "evalueringsfilen og kommer med i notatet og sammenligningen."
    ),
    "override_no_pk": (
        "Udbuddet har ingen prioriterede krav (PK), så der er ingen point at justere."
    ),
    "override_requirement": "Prioriteret krav (PK)",
    "override_option": "{number} {id} – {title} (vægt {weight}, beregnet {computed} p)",
    "override_selected": "Vægt {weight} · beregnet {computed} point · gældende {final} point",
    "override_points": "Nye point",
    "override_points_help": "Mellem 0 og kravets vægt. Decimalkomma er tilladt, fx 2,5.",
    "override_by": "Hvem justerer (navn)",
    "override_why": "Begrundelse (skal udfyldes)",
    "override_why_help": (
        "Skriv, hvorfor pointene ændres. Begrundelsen står i evalueringsfilen og i notatet."
    ),
    "override_save": "Gem justering",
    "override_not_saved": "Justeringen er ikke gemt; det du har skrevet, er bevaret:",
    "override_saved": "Justeringen er gemt: {vendor}, {id}: {old} → {new} point.",
    "overrides_heading": "Manuelle pointjusteringer",
    "override_line": "{number} {id} {title}: {old} → {new} point. Begrundelse: {why} ({by}, {at})",
    "override_computed": "(beregnet {computed} point)",
    "override_marker": "manuelt",
    "evaluation_heading": "Evalueringsfil",
    "evaluation_count": (
        "Evalueringsfilen for dette udbud: {count} manuelle justeringer, {decisions} afgørelser "
        "om forbehold, {scores} point fra evaluatorer, {consensus} konsensuspoint og "
        "{confirmations} bekræftelser. Den gemmes løbende i arbejdsmappen; hent den for at gemme "
        "den sammen med tender.yaml."
    ),
    "evaluation_none": "Evalueringsfilen for dette udbud er tom endnu.",
    "evaluation_download": "Hent evalueringsfil",
    "evaluation_download_help": (
        "Alle justeringer med hvem, hvornår, gammel og ny værdi og begrundelse. Nye justeringer "
        "tilføjes; intet slettes."
    ),
    "evaluation_upload_label": "Fortsæt med en gemt evalueringsfil (.evaluation.yaml)",
    "evaluation_upload_help": (
        "Filen kontrolleres mod det udbud, du kontrollerer mod, før noget ændres."
    ),
    "evaluation_too_big": "filen er for stor til at være en evalueringsfil (over 10 MB)",
    "evaluation_load_failed": (
        "Evalueringsfilen {name} er ikke indlæst, og dine justeringer er uændrede. Kontrollér, at "
        "filen hører til udbuddet »{title}«:"
    ),
    "evaluation_loaded": "Evalueringsfilen {name} er indlæst med {count} justeringer.",
    "evaluation_replace_question": (
        "Evalueringsfilen {name} har {count} justeringer, men mangler nogle af de {current}, du "
        "har lavet her. Vil du erstatte dine justeringer med filens?"
    ),
    "evaluation_replace_yes": "Ja, erstat",
    "evaluation_replaced": "Justeringerne er erstattet med evalueringsfilens {count}.",
    # Sections of the step
    "tilbud_section": "Vis",
    "tilbud_section_check": "Kontrol og afgørelser",
    "tilbud_section_scores": "Evaluatorernes point",
    "tilbud_section_consensus": "Uenigheder og konsensus",
    "tilbud_section_prices": "Priser",
    # Decisions on one bid (decisions.py)
    "entry_by": "Hvem (navn)",
    "entry_not_saved": "Ikke gemt; det du har skrevet, er bevaret:",
    "confirm_none": (
        "Ingen person har bekræftet endnu, om tilbuddet er konditionsmæssigt. Det skal ske, "
        "før tilbuddet afvises, eller meddelelserne om tildeling sendes."
    ),
    "confirm_yes": "Bekræftet af {by} ({at}): konditionsmæssigt. Begrundelse: {why}",
    "confirm_no": "Bekræftet af {by} ({at}): IKKE konditionsmæssigt. Begrundelse: {why}",
    "confirm_differs": "Afgørelsen afviger fra procures forslag og gælder.",
    "confirm_heading": "Bekræft konditionsmæssighed",
    "confirm_question": "Er tilbuddet konditionsmæssigt?",
    "confirm_question_help": (
        "Din afgørelse gælder frem for procures forslag, også når den afviger, fx når et "
        "forbehold er prissat, eller et forbehold vedrører et grundlæggende element."
    ),
    "confirm_option_yes": "Ja, konditionsmæssigt",
    "confirm_option_no": "Nej, ukonditionsmæssigt",
    "confirm_why": "Begrundelse (skal udfyldes)",
    "confirm_save": "Gem bekræftelse",
    "confirm_saved": "Bekræftelsen af {vendor} er gemt i evalueringsfilen.",
    "decision_heading": "Afgør forbehold",
    "decision_intro": (
        "Kommunen prissætter selv et forbehold uden at spørge tilbudsgiveren. Et forbehold, der "
        "ikke kan prissættes, eller som vedrører et grundlæggende element, gør tilbuddet "
        "ukonditionsmæssigt. Leverandørens egen pris er kun til orientering. Afventer "
        "afgørelse: {open}."
    ),
    "decision_requirement": "Forbehold til krav",
    "decision_option": "{id} {title} – {status}",
    "decision_text": "Forbeholdet: {text}",
    "decision_label": "Afgørelse",
    "decision_help": "Den seneste afgørelse gælder; tidligere står i evalueringsfilen.",
    "decision_priced": "Prissæt forbeholdet",
    "decision_unpriceable": "Kan ikke prissættes",
    "decision_fundamental": "Vedrører et grundlæggende element",
    "decision_price": "Kommunens pris (kr.)",
    "decision_price_help": "Et beløb i kr.; decimalkomma og punktum som tusindtalsskille er fint.",
    "decision_why": "Begrundelse (skal udfyldes)",
    "decision_save": "Gem afgørelse",
    "decision_saved": "Afgørelsen om forbeholdet til {id} ({vendor}) er gemt.",
    # Evaluators' points (scoring.py)
    "scoring_heading": "Evaluatorernes point",
    "scoring_intro": (
        "Hver evaluator giver point alene, krav for krav, ud fra leverandørens beskrivelse og "
        "den offentliggjorte skala. Pointene holdes adskilt pr. evaluator i evalueringsfilen; "
        "udvalget aftaler derefter konsensus under »Uenigheder og konsensus«."
    ),
    "scoring_nothing_evaluated": (
        "Den offentliggjorte model evaluerer ingen krav med point (se trin 6, Evaluering)."
    ),
    "scoring_no_compliant_bid": (
        "Der er intet konditionsmæssigt tilbud at give point: et ukonditionsmæssigt tilbud "
        "evalueres ikke."
    ),
    "scoring_excluded": "Evalueres ikke (ukonditionsmæssige): {vendors}",
    "scoring_evaluator": "Evaluator (dit navn)",
    "scoring_evaluator_help": "Pointene gemmes under dette navn, adskilt fra de andres.",
    "scoring_name_first": "Skriv dit navn som evaluator for at give point.",
    "scoring_progress": "{evaluator} har givet point for {done} af {total} krav hos {vendor}.",
    "scoring_not_given": "ikke givet",
    "points_short": "{points} p",
    "scoring_requirement": "Evalueret krav",
    "scoring_points": "Point (0–{max})",
    "scoring_points_help": "Højst {decimals} decimaler; decimalkomma er fint, fx 7,5.",
    "scoring_why": "Note",
    "scoring_why_help": (
        "Hvorfor pointene – skal udfyldes, når du ændrer point, du allerede har givet."
    ),
    "scoring_save": "Gem point",
    "scoring_saved": "Gemt: {evaluator} gav {vendor} {points} point for {id}.",
    "scoring_no_answer": "Leverandøren har ikke besvaret kravet.",
    "scoring_answer": "Leverandørens svar",
    "scoring_scale": "Skalaen 0–{max} ({decimals} decimaler)",
    "scoring_no_anchors": "Skalaen har ingen ankre i den offentliggjorte model.",
    "col_points": "Point",
    "col_meaning": "Betydning",
    # Consensus (consensus.py)
    "consensus_heading": "Uenigheder og konsensus",
    "consensus_intro": (
        "Uenighed: evaluatorernes point for samme krav ligger mere end {limit} point fra "
        "hinanden (en tiendedel af skalaen). Udvalget aftaler én konsensusscore pr. krav og "
        "tilbud, altid med en begrundelse: den citeres i meddelelserne til tilbudsgiverne "
        "(§ 171) og i evalueringsrapporten (§ 174)."
    ),
    "consensus_status": "{vendor}: konsensus for {done} af {total} evaluerede krav.",
    "consensus_given": "konsensus {points} p",
    "consensus_disputed": "uenighed",
    "consensus_missing": "mangler konsensus",
    "consensus_current": "Gældende konsensus: {points} point. Begrundelse: {why}",
    "consensus_points": "Konsensuspoint (0–{max})",
    "consensus_why": "Begrundelse (skal udfyldes)",
    "consensus_why_help": (
        "Skriv, hvad i tilbuddet pointene bygger på; en ændring logges med hvem, hvornår, "
        "gammel og ny værdi."
    ),
    "consensus_save": "Gem konsensus",
    "consensus_saved": "Konsensus gemt: {vendor}, {id}: {points} point.",
    "consensus_no_disagreements": (
        "Ingen uenigheder: evaluatorerne ligger højst en tiendedel af skalaen fra hinanden."
    ),
    "consensus_disagreements": "{count} uenighed(er) at drøfte:",
    "consensus_evaluators": "Evaluatorernes point",
    "consensus_no_scores": "Ingen evaluator har givet point for kravet endnu.",
    "col_evaluator_points": "Point pr. evaluator",
    "col_spread": "Spænd",
    "col_evaluator": "Evaluator",
    "col_note": "Note",
    # Prices (prices.py)
    "prices_heading": "Priser",
    "prices_no_criterion": "Modellen har intet priskriterium: prisen konkurrerer ikke.",
    "prices_blind": (
        "Prisblind evaluering: priserne vises først, når der er konsensus om alle "
        "kvalitetspoint for alle konditionsmæssige tilbud."
    ),
    "col_bid_price": "Pris beregnet af procure",
    "bids_opened": (
        "Første tilbud er kontrolleret: udbuddet er nu markeret »tilbud åbnet«. Kravene, "
        "evalueringsmodellen, vægtene og prislinjerne kan ikke længere ændres (§ 160)."
    ),
    "prices_computed": (
        "procure beregner selv prisen: enhedspris × antal (× linjens vægt) over "
        "prislinjerne. Leverandørens egne summer sammenlignes kun; afvigelser vises nedenfor."
    ),
    "score_help": (
        "Point omregnet fra leverandørens egne svar på de prioriterede krav – kun til "
        "orientering. Tilbuddene rangeres i trin 9, Tildeling, på udvalgets konsensuspoint."
    ),
    "scoring_no_description": "(leverandøren har ikke skrevet en beskrivelse)",
}

EN = {
    "check_intro": (
        "Load the vendors' responses and see whether they are compliant, which reservations they "
        "made and how they score. procure flags – you and your colleagues decide. Bids are "
        "stored only in this tender's own workspace folder; to check bids for another tender, "
        "open that tender under 1. Start."
    ),
    "checking_against": (
        "Checking against “{title}” – {count} requirements, requirement library {version}, "
        "fingerprint {fingerprint}"
    ),
    "responses_label": "The vendors' responses (.docx, .xlsx, .yaml, .json)",
    "responses_help": (
        "You can choose several files at once. Each file is checked on its own; a broken file "
        "does not stop the others."
    ),
    "result_file": "File: {name}",
    "score": "PK answers (information)",
    "score_final": "Adjusted (information)",
    "score_computed": "PK answers (information)",
    "mandatory_failed": "Mandatory requirements not met",
    "reservations": "Reservations",
    "reservations_total": "Priced reservations total: {total}",
    "amount": "DKK {value}",
    "integrations_missing": "Integrations not covered",
    "compliant_yes": "Compliant: yes – no mandatory requirement fails.",
    "compliant_no": "Compliant: NO – to be assessed and confirmed:",
    "findings_heading": "All findings ({count})",
    "unpriced": "none",
    "col_requirement": "Requirement ID",
    "col_answer": "Answer",
    "col_price": "Vendor's price (for information)",
    "col_buyer_decision": "Buyer's decision",
    "col_reservation": "Reservation",
    "col_finding": "Finding",
    "col_message": "Description",
    "col_compliant": "Compliant",
    "col_reservations_price": "Reservations total",
    "col_number": "No.",
    "col_kind": "Type",
    "comparison_heading": "Comparison",
    "side_by_side": "Requirement by requirement, side by side",
    "chart_heatmap_heading": "Requirements × vendors",
    "chart_heatmap_caption": (
        "Each cell is the vendor's answer to the requirement, shown in the verdict's colour and "
        "symbol. Hover over a cell to see the requirement, the answer and the points; the same "
        "data is in the table under the chart."
    ),
    "chart_heatmap_description": (
        "Chart of the verdicts on {requirements} requirements for {vendors} vendors: one cell "
        "per requirement and vendor in the verdict's colour and symbol. The same data is in the "
        "table under the chart."
    ),
    "chart_heatmap_show": "Show",
    "chart_heatmap_show_all": "All requirements",
    "chart_heatmap_show_mk_pk": "Only mandatory and scored requirements (MK, PK)",
    "chart_heatmap_show_not_ok": "Only requirements with deviations",
    "chart_heatmap_show_help": (
        "Deviations: requirements where at least one vendor's verdict is not “met”. The "
        "whole row is shown, so the vendors can be compared."
    ),
    "chart_heatmap_empty": "No requirements to show with this choice.",
    "chart_verdict": "Verdict",
    "chart_title": "Requirement",
    "chart_points": "Points",
    "verdict_ok": "met",
    "verdict_reservation": "reservation",
    "verdict_failed": "not met (MK)",
    "verdict_missing": "not answered",
    "verdict_invalid": "invalid",
    "verdict_not_offered": "not offered",
    "override_heading": "Manual point override",
    "override_intro": (
        "Set the points of a prioritised requirement (PK) by hand, e.g. after a professional "
        "assessment of the vendor's description. Who, when, old and new value and the "
        "justification are kept in the evaluation file and appear in the note and the comparison."
    ),
    "override_no_pk": "The tender has no prioritised requirements (PK), so no points to override.",
    "override_requirement": "Prioritised requirement (PK)",
    "override_option": "{number} {id} – {title} (weight {weight}, computed {computed} p)",
    "override_selected": "Weight {weight} · computed {computed} points · current {final} points",
    "override_points": "New points",
    "override_points_help": (
        "Between 0 and the requirement's weight. A decimal comma is fine, e.g. 2,5."
    ),
    "override_by": "Made by (name)",
    "override_why": "Justification (required)",
    "override_why_help": (
        "Write why the points change. The justification is kept in the evaluation file and the "
        "note."
    ),
    "override_save": "Save override",
    "override_not_saved": "The override was not saved; what you entered is kept:",
    "override_saved": "The override is saved: {vendor}, {id}: {old} → {new} points.",
    "overrides_heading": "Manual point overrides",
    "override_line": (
        "{number} {id} {title}: {old} → {new} points. Justification: {why} ({by}, {at})"
    ),
    "override_computed": "(computed {computed} points)",
    "override_marker": "manual",
    "evaluation_heading": "Evaluation file",
    "evaluation_count": (
        "The evaluation file of this tender: {count} manual overrides, {decisions} decisions on "
        "reservations, {scores} evaluators' points, {consensus} consensus points and "
        "{confirmations} confirmations. It is saved continuously in the workspace; download it "
        "to keep it with tender.yaml."
    ),
    "evaluation_none": "The evaluation file of this tender is empty so far.",
    "evaluation_download": "Download evaluation file",
    "evaluation_download_help": (
        "Every override with who, when, old and new value and justification. New overrides are "
        "appended; nothing is deleted."
    ),
    "evaluation_upload_label": "Continue with a saved evaluation file (.evaluation.yaml)",
    "evaluation_upload_help": (
        "The file is checked against the tender you are checking against before anything changes."
    ),
    "evaluation_too_big": "the file is too large to be an evaluation file (over 10 MB)",
    "evaluation_load_failed": (
        "The evaluation file {name} was not loaded and your overrides are unchanged. Check that "
        "the file belongs to the tender “{title}”:"
    ),
    "evaluation_loaded": "The evaluation file {name} is loaded with {count} overrides.",
    "evaluation_replace_question": (
        "The evaluation file {name} has {count} overrides but lacks some of the {current} you made "
        "here. Replace your overrides with the file's?"
    ),
    "evaluation_replace_yes": "Yes, replace",
    "evaluation_replaced": "The overrides are replaced with the evaluation file's {count}.",
    # Sections of the step
    "tilbud_section": "Show",
    "tilbud_section_check": "Check and decisions",
    "tilbud_section_scores": "Evaluators' points",
    "tilbud_section_consensus": "Disagreements and consensus",
    "tilbud_section_prices": "Prices",
    # Decisions on one bid (decisions.py)
    "entry_by": "Who (name)",
    "entry_not_saved": "Not saved; what you entered is kept:",
    "confirm_none": (
        "No person has confirmed yet whether the bid is compliant. That must happen before the "
        "bid is rejected or the award notices are sent."
    ),
    "confirm_yes": "Confirmed by {by} ({at}): compliant. Reason: {why}",
    "confirm_no": "Confirmed by {by} ({at}): NOT compliant. Reason: {why}",
    "confirm_differs": "The decision differs from procure's proposal and applies.",
    "confirm_heading": "Confirm compliance",
    "confirm_question": "Is the bid compliant?",
    "confirm_question_help": (
        "Your decision applies over procure's proposal, also when it differs, e.g. when a "
        "reservation is priced or touches a fundamental element."
    ),
    "confirm_option_yes": "Yes, compliant",
    "confirm_option_no": "No, non-compliant",
    "confirm_why": "Reason (required)",
    "confirm_save": "Save confirmation",
    "confirm_saved": "The confirmation for {vendor} is saved in the evaluation file.",
    "decision_heading": "Decide reservations",
    "decision_intro": (
        "The buyer prices a reservation itself without asking the bidder. A reservation that "
        "cannot be priced, or that touches a fundamental element, makes the bid non-compliant. "
        "The vendor's own price is for information only. Awaiting a decision: {open}."
    ),
    "decision_requirement": "Reservation on requirement",
    "decision_option": "{id} {title} – {status}",
    "decision_text": "The reservation: {text}",
    "decision_label": "Decision",
    "decision_help": "The latest decision applies; earlier ones stay in the evaluation file.",
    "decision_priced": "Price the reservation",
    "decision_unpriceable": "Cannot be priced",
    "decision_fundamental": "Touches a fundamental element",
    "decision_price": "Buyer's price (DKK)",
    "decision_price_help": "An amount in DKK; a decimal comma and thousands separators are fine.",
    "decision_why": "Reason (required)",
    "decision_save": "Save decision",
    "decision_saved": "The decision on the reservation on {id} ({vendor}) is saved.",
    # Evaluators' points (scoring.py)
    "scoring_heading": "Evaluators' points",
    "scoring_intro": (
        "Each evaluator scores on their own, requirement by requirement, from the vendor's "
        "description and the published scale. Each evaluator's points are kept apart in the "
        "evaluation file; the committee then agrees consensus under “Disagreements and "
        "consensus”."
    ),
    "scoring_nothing_evaluated": (
        "The published model evaluates no requirement with points (see step 6, Evaluation)."
    ),
    "scoring_no_compliant_bid": (
        "There is no compliant bid to score: a non-compliant bid is not evaluated."
    ),
    "scoring_excluded": "Not evaluated (non-compliant): {vendors}",
    "scoring_evaluator": "Evaluator (your name)",
    "scoring_evaluator_help": "The points are saved under this name, apart from the others'.",
    "scoring_name_first": "Enter your name as evaluator to give points.",
    "scoring_progress": "{evaluator} has scored {done} of {total} requirements of {vendor}.",
    "scoring_not_given": "not given",
    "points_short": "{points} p",
    "scoring_requirement": "Evaluated requirement",
    "scoring_points": "Points (0–{max})",
    "scoring_points_help": "At most {decimals} decimals; a decimal comma is fine, e.g. 7,5.",
    "scoring_why": "Note",
    "scoring_why_help": "Why these points – required when you change points you gave before.",
    "scoring_save": "Save points",
    "scoring_saved": "Saved: {evaluator} gave {vendor} {points} points for {id}.",
    "scoring_no_answer": "The vendor did not answer the requirement.",
    "scoring_answer": "The vendor's answer",
    "scoring_scale": "The scale 0–{max} ({decimals} decimals)",
    "scoring_no_anchors": "The published model gives the scale no anchors.",
    "col_points": "Points",
    "col_meaning": "Meaning",
    # Consensus (consensus.py)
    "consensus_heading": "Disagreements and consensus",
    "consensus_intro": (
        "Disagreement: the evaluators' points for one requirement are more than {limit} points "
        "apart (a tenth of the scale). The committee agrees one consensus score per "
        "requirement and bid, always with a reason: it is quoted in the notices to the bidders "
        "(§ 171) and in the evaluation report (§ 174)."
    ),
    "consensus_status": "{vendor}: consensus for {done} of {total} evaluated requirements.",
    "consensus_given": "consensus {points} p",
    "consensus_disputed": "disagreement",
    "consensus_missing": "no consensus yet",
    "consensus_current": "Current consensus: {points} points. Reason: {why}",
    "consensus_points": "Consensus points (0–{max})",
    "consensus_why": "Reason (required)",
    "consensus_why_help": (
        "Write what in the bid the points rest on; a change is logged with who, when, old and "
        "new value."
    ),
    "consensus_save": "Save consensus",
    "consensus_saved": "Consensus saved: {vendor}, {id}: {points} points.",
    "consensus_no_disagreements": (
        "No disagreements: the evaluators are at most a tenth of the scale apart."
    ),
    "consensus_disagreements": "{count} disagreement(s) to discuss:",
    "consensus_evaluators": "The evaluators' points",
    "consensus_no_scores": "No evaluator has scored the requirement yet.",
    "col_evaluator_points": "Points per evaluator",
    "col_spread": "Spread",
    "col_evaluator": "Evaluator",
    "col_note": "Note",
    # Prices (prices.py)
    "prices_heading": "Prices",
    "prices_no_criterion": "The model has no price criterion: the price does not compete.",
    "prices_blind": (
        "Price-blind evaluation: prices are shown once every quality point of every compliant "
        "bid has a consensus."
    ),
    "col_bid_price": "Price computed by procure",
    "bids_opened": (
        "The first bid is checked: the tender is now marked “bids opened”. The requirements, "
        "the evaluation model, the weights and the price lines can no longer change (§ 160)."
    ),
    "prices_computed": (
        "procure computes each price itself: unit price × quantity (× the line's weight) over "
        "the price lines. The vendor's own totals are only compared; differences are shown "
        "below."
    ),
    "score_help": (
        "Points worked out from the vendor's own answers to the prioritised requirements – for "
        "information only. Bids are ranked in step 9, Award, on the committee's consensus points."
    ),
    "scoring_no_description": "(the vendor wrote no description)",
}
