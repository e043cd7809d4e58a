"""Texts of step 8, "Tilbud" (procure/ui/pages/tilbud/): uploads, verdicts and findings,
manual point overrides and the evaluation file, the comparison and its charts."""

from __future__ import annotations

DA = {
    "yes": "Ja",
    "no": "Nej",
    "check_intro": (
        "Hent leverandørernes besvarelser ind og se, om de er konditionsmæssige, hvilke forbehold "
        "de har taget, og hvordan de scorer. procure markerer – du og dine kolleger afgør. "
        "Tilbuddene gemmes kun i udbuddets egen mappe i arbejdsmappen; tilbud til et andet "
        "udbud kontrolleres ved at åbne det udbud under 1. Start."
    ),
    "current_tender_incomplete": (
        "Udbuddet i trin 2–7 er ikke udfyldt endnu. Udfyld det, eller åbn et gemt udbud under "
        "1. Start."
    ),
    "current_tender_invalid": "Udbuddet i trin 2–7 er ikke gyldigt (se trin 7, Dokumenter):",
    "checking_against": (
        "Kontrollerer mod »{title}« – {count} krav, kravbibliotek {version}, fingeraftryk "
        "{fingerprint}"
    ),
    "responses_label": "Leverandørernes besvarelser (.docx, .xlsx, .yaml, .json)",
    "responses_help": (
        "Du kan vælge flere filer på én gang. Hver fil kontrolleres for sig; en ødelagt fil "
        "stopper ikke de andre."
    ),
    "checking": "Kontrollerer besvarelserne …",
    "response_failed": (
        "filen kunne ikke kontrolleres på grund af en uventet fejl; bed leverandøren om at "
        "indsende den igen i det udleverede format"
    ),
    "result_file": "Fil: {name}",
    "score": "Score",
    "score_final": "Endelig score",
    "score_computed": "Beregnet score",
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
    "col_vendor": "Leverandør",
    "col_compliant": "Konditionsmæssigt",
    "col_rank": "Placering",
    "col_reservations_price": "Forbehold i alt",
    "col_number": "Kravnr",
    "col_kind": "Type",
    "comparison_heading": "Sammenligning",
    "side_by_side": "Krav for krav, side om side",
    "progress_reading": "Læser tilbud {index} af {total}: {name}",
    "progress_checking": "Kontrollerer tilbud {index} af {total}: {name}",
    "chart_scores_heading": "Score pr. leverandør",
    "chart_scores_caption": "Endelig score på den offentliggjorte skala 0–{max}.",
    "chart_scores_computed": (
        "Den blå streg viser den beregnede score, hvor en evaluator har justeret point manuelt."
    ),
    "chart_compliant": "Konditionsmæssigt",
    "chart_not_compliant": "Ikke konditionsmæssigt",
    "chart_heatmap_heading": "Krav × leverandør",
    "chart_heatmap_caption": (
        "Hver celle er leverandørens besvarelse af kravet, farvet efter vurderingen. Hold musen "
        "over en celle for at se kravet, besvarelsen og point."
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
        "Manuelle justeringer for dette udbud: {count}. Hent evalueringsfilen og gem den sammen "
        "med tender.yaml – justeringerne gemmes ellers kun i denne browserfane."
    ),
    "evaluation_none": "Ingen manuelle justeringer for dette udbud endnu.",
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
}

EN = {
    "yes": "Yes",
    "no": "No",
    "check_intro": (
        "Load the vendors' responses and see whether they are compliant, which reservations they "
        "made and how they score. procure flags – you and your colleagues decide. Bids are "
        "stored only in this tender's own workspace folder; to check bids for another tender, "
        "open that tender under 1. Start."
    ),
    "current_tender_incomplete": (
        "The tender in steps 2–7 is not filled in yet. Fill it in, or open a saved tender "
        "under 1. Start."
    ),
    "current_tender_invalid": "The tender in steps 2–7 is not valid (see step 7, Documents):",
    "checking_against": (
        "Checking against “{title}” – {count} requirements, requirement library {version}, "
        "fingerprint {fingerprint}"
    ),
    "responses_label": "The vendors' responses (.docx, .xlsx, .yaml, .json)",
    "responses_help": (
        "You can choose several files at once. Each file is checked on its own; a broken file "
        "does not stop the others."
    ),
    "checking": "Checking the responses …",
    "response_failed": (
        "the file could not be checked because of an unexpected error; ask the vendor to submit "
        "it again in the form provided"
    ),
    "result_file": "File: {name}",
    "score": "Score",
    "score_final": "Final score",
    "score_computed": "Computed score",
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
    "col_vendor": "Vendor",
    "col_compliant": "Compliant",
    "col_rank": "Rank",
    "col_reservations_price": "Reservations total",
    "col_number": "No.",
    "col_kind": "Type",
    "comparison_heading": "Comparison",
    "side_by_side": "Requirement by requirement, side by side",
    "progress_reading": "Reading response {index} of {total}: {name}",
    "progress_checking": "Checking response {index} of {total}: {name}",
    "chart_scores_heading": "Score per vendor",
    "chart_scores_caption": "Final score on the published scale 0–{max}.",
    "chart_scores_computed": (
        "The blue mark shows the computed score where an evaluator changed points by hand."
    ),
    "chart_compliant": "Compliant",
    "chart_not_compliant": "Non-compliant",
    "chart_heatmap_heading": "Requirements × vendors",
    "chart_heatmap_caption": (
        "Each cell is the vendor's answer to the requirement, coloured by the verdict. Hover "
        "over a cell to see the requirement, the answer and the points."
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
        "Manual overrides for this tender: {count}. Download the evaluation file and keep it "
        "with tender.yaml – otherwise the overrides are kept only in this browser tab."
    ),
    "evaluation_none": "No manual overrides for this tender yet.",
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
}
