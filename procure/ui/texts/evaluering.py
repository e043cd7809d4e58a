"""Texts of step 6, "Evaluering" (procure/ui/pages/evaluering/): the published evaluation model
and the price lines."""

from __future__ import annotations

DA = {
    "evaluation_intro": (
        "Evalueringsmodellen offentliggøres i udbuddet og anvendes præcis som offentliggjort "
        "(udbudslovens §§ 160, 162 og 165): tildelingskriterium, kriterier og underkriterier med "
        "vægte, pointskala, prismodel, afrunding og regler ved lighed. Efter offentliggørelsen "
        "er kommunen bundet af den."
    ),
    "evaluation_needs_category": (
        "Vælg først et ydelsesområde i trin 3, System. Så foreslår procure en evalueringsmodel "
        "ud fra de prioriterede krav."
    ),
    "evaluation_model_label": "Evalueringsmodellen",
    "ev_unresolved": "Udbuddets krav kan ikke slås op, så modellen kan ikke kontrolleres:",
    "ev_proposal": (
        "Dette er procures forslag: bedste forhold mellem pris og kvalitet, kvalitet 60 % med "
        "alle prioriterede krav og pris 40 % (relativ lineær), skala 0–10. Forslaget følger "
        "kravene i trin 5, indtil du bekræfter eller ændrer det. Gennemgå det, og bekræft det, "
        "før udbuddet offentliggøres."
    ),
    "ev_confirm": "Bekræft evalueringsmodellen",
    "ev_confirmed": (
        "Evalueringsmodellen er fastlagt (bekræftet, ændret her eller læst fra udbudsfilen). "
        "Ændrer du de prioriterede krav i trin 5, så tilpas modellen her."
    ),
    "ev_locked": (
        "Evalueringsmodellen, vægtene og prislinjerne er låst som offentliggjort: tilbuddene er "
        "åbnet, udbuddet er tildelt, eller tilbudsfristen er udløbet (udbudslovens § 160)."
    ),
    "ev_published": (
        "Udbuddet er offentliggjort. En ændring her er et rettelsesblad: den gemmes først i "
        "udbudsfilen, når du registrerer den med begrundelse i trin 7, Dokumenter."
    ),
    "ev_no_problems": (
        "Modellen er i orden: vægtene summer til 100, og hvert PK hører til ét kriterium."
    ),
    "ev_problems": "Modellen har {count} problem(er), der skal rettes før offentliggørelse:",
    "ev_problem_empty_criterion": (
        "Kriteriet »{name}« har ingen krav endnu: placér prioriterede krav i det, eller fjern det."
    ),
    "ev_problem_empty_sub": (
        "Underkriteriet »{name}« under »{criterion}« har ingen krav endnu: placér prioriterede "
        "krav i det, eller fjern det."
    ),
    "ev_out_of_step": (
        "Modellens krav passer ikke med kravlisten i trin 5: et prioriteret krav mangler, et krav "
        "er ikke længere prioriteret, eller en vægt er ændret."
    ),
    "ev_follow": "Tag de prioriterede krav og vægtene fra trin 5",
    "ev_place_criteria": "Kriterierne",
    "ev_place_price_model": "Prismodellen i »{name}«",
    "ev_place_line": "Prislinje {id}",
    "ev_place_tie_break": "Ved lighed",
    "ev_place_scale": "Pointskalaen",
    "ev_place_kommission": "Kommissionsmodellen",
    "ev_award_criterion": "Tildelingskriterium",
    "ev_award_criterion_help": (
        "Udbudslovens § 162: pris, omkostninger eller bedste forhold mellem pris og kvalitet."
    ),
    "ev_award_0": "Bedste forhold mellem pris og kvalitet",
    "ev_award_1": "Pris",
    "ev_award_2": "Omkostninger",
    "ev_criteria_heading": "Kriterier og vægte",
    "ev_criteria_intro": (
        "Kriteriernes vægte summerer til 100, og det samme gør underkriterierne under ét "
        "kriterium. Hvert prioriteret krav hører til præcis ét kvalitetskriterium eller "
        "underkriterium, med den vægt det har i trin 5."
    ),
    "ev_criteria_total": "Kriteriernes vægte i alt: {total} (skal være 100).",
    "ev_sub_total": "Underkriteriernes vægte i alt: {total} (skal være 100).",
    "ev_quality_name": "Kvalitetskriterium",
    "ev_price_name": "Priskriterium",
    "ev_sub_name": "Underkriterium",
    "ev_weight": "Vægt (%)",
    "ev_add_criterion": "Tilføj kvalitetskriterium",
    "ev_add_price": "Tilføj priskriterium",
    "ev_add_sub": "Tilføj underkriterium",
    "ev_add_sub_help": (
        "Det første underkriterium overtager kriteriets krav og hele vægten (100)."
    ),
    "ev_remove_criterion_help": "Kriteriets krav flyttes til det første andet kriterium.",
    "ev_remove_sub_help": "Underkriteriets krav flyttes til det første andet underkriterium.",
    "ev_new_criterion": "Nyt kriterium",
    "ev_new_sub": "Nyt underkriterium",
    "ev_new_price": "Pris",
    "ev_no_requirements": "Ingen krav endnu.",
    "ev_not_a_pk": "(ikke et prioriteret krav i udbuddet)",
    "ev_col_number": "Kravnr",
    "ev_col_id": "Krav-ID",
    "ev_col_title": "Krav",
    "ev_col_weight": "Vægt",
    "ev_no_pks": (
        "Udbuddet har ingen prioriterede krav (PK) med vægt. Vælg dem i trin 5, Krav, eller brug "
        "tildelingskriteriet pris."
    ),
    "ev_placement_heading": "Hvilket kriterium hører hvert prioriteret krav til?",
    "ev_placement_intro": (
        "Vælg kriterium eller underkriterium for hvert krav. Vægten ændres i trin 5, Krav."
    ),
    "ev_placement_row": "{number} {id} {title} (vægt {weight})",
    "ev_placement_label": "Kriterium for {id}",
    "ev_nowhere": "(intet kriterium)",
    "ev_price_kind": "Prismodel",
    "ev_price_kind_help": (
        "Evalueringsteknisk pris og prisjustering sætter prisen op mod kvaliteten: "
        "priskriteriet får vægt 0, og evalueringsteknisk pris bruger Kommissionsmodellen."
    ),
    "ev_kind_relative-linear": "Relativ lineær",
    "ev_kind_proportional": "Proportional",
    "ev_kind_absolute-linear": "Absolut lineær (ankerpriser)",
    "ev_kind_evaluation-price": "Evalueringsteknisk pris (SKI 02.19)",
    "ev_kind_price-adjustment": "Prisjustering efter kvalitet",
    "ev_kind_relative-linear_explained": (
        "Laveste pris får {max} point; en pris X % over den laveste får 0: "
        "point = {max} · (1 − Z/X), aldrig under 0, Z = (pris − laveste)/laveste."
    ),
    "ev_kind_proportional_explained": "Point = {max} · laveste pris / pris.",
    "ev_kind_absolute-linear_explained": (
        "Fuld pointsum ({max}) ved eller under prisen for fuld pointsum, 0 point ved eller over "
        "prisen for 0 point, lineært imellem. Udvidelse: 0-ankeret flyttes op i trin af dette "
        "beløb, så længe et tilbud ligger over det. Loft: et tilbud over loftet udelukkes."
    ),
    "ev_kind_evaluation-price_explained": (
        "Den evalueringstekniske pris (prislinjerne med deres vægte) sættes op mod kvaliteten "
        "med Kommissionsmodellen: laveste pris pr. kvalitetspoint vinder."
    ),
    "ev_kind_price-adjustment_explained": (
        "Kvalitetspoint omregnes til et beløb, der trækkes fra prisen; laveste justerede pris "
        "vinder."
    ),
    "ev_param_x_percent": "X (% over laveste pris giver 0 point)",
    "ev_param_x_percent_help": "Fx 100: en pris dobbelt så høj som den laveste giver 0 point.",
    "ev_param_full_points_at": "Pris for fuld pointsum (kr.)",
    "ev_param_full_points_at_help": "Et tilbud til denne pris eller lavere får fuld pointsum.",
    "ev_param_zero_points_at": "Pris for 0 point (kr.)",
    "ev_param_zero_points_at_help": "Et tilbud til denne pris eller højere får 0 point.",
    "ev_param_widen_by": "Udvidelse (kr.)",
    "ev_param_widen_by_help": "Tom: 0-ankeret flyttes ikke.",
    "ev_param_cap": "Loft (kr.)",
    "ev_param_cap_help": "Tom: intet loft. Et tilbud over loftet udelukkes (på loftet er med).",
    "ev_param_amount_per_point": "Kr. pr. kvalitetspoint",
    "ev_param_amount_per_point_help": "Beløbet, hvert kvalitetspoint trækker fra prisen.",
    "ev_optional": " (valgfri)",
    "price_lines_heading": "Prislinjer",
    "ev_price_lines_intro": (
        "Leverandørerne angiver en enhedspris pr. linje; procure beregner selv pris × antal "
        "(× linjens vægt, hvor den er angivet) og lægger sammen."
    ),
    "ev_line_id": "Linje",
    "ev_line_text": "Tekst",
    "ev_line_quantity": "Antal",
    "ev_line_unit": "Enhed",
    "ev_line_unit_help": "Hvad antallet tæller, fx licenser eller timer (valgfri).",
    "ev_line_weight": "Vægt (valgfri)",
    "ev_line_weight_help": "Bruges til den evalueringstekniske pris; tom: vægt 1.",
    "ev_line_add": "Tilføj prislinje",
    "ev_new_line": "Ny prislinje",
    "ev_scale_heading": "Pointskala",
    "ev_scale_explained": "Hvert evalueret krav får 0–{max} point med højst {decimals} decimaler.",
    "ev_anchors_heading": "Skalaens ankre",
    "ev_anchors_intro": (
        "Ordene, der beskriver, hvad et pointtal betyder. De står i bilaget og ved siden af "
        "leverandørens beskrivelse, når der gives point."
    ),
    "ev_anchor_points": "Point",
    "ev_anchor_text": "Betydning",
    "ev_anchor_new_text": "Nyt anker: betydning",
    "ev_anchor_add": "Tilføj anker",
    "ev_anchor_needs_text": "Skriv ankerets betydning.",
    "ev_anchor_taken": "Der er allerede et anker ved {points} point.",
    "ev_rounding_heading": "Afrunding",
    "ev_rounding_intro": (
        "Antal decimaler på hvert trin; der rundes altid halvt op (7,125 → 7,13), og næste trin "
        "regner med det afrundede tal."
    ),
    "ev_rounding_sub": "Underkriterier",
    "ev_rounding_criterion": "Kriterier",
    "ev_rounding_total": "Samlet",
    "ev_rounding_amount": "Beløb",
    "ev_rules_heading": "Lighed, Kommissionsmodellen og prisblind evaluering",
    "ev_tie_break": "Ved lighed afgøres rækkefølgen af (i denne orden)",
    "ev_tie_break_help": "Står tilbud stadig lige efter alle regler, vises de som lige.",
    "ev_tie_lowest-price": "Laveste pris",
    "ev_tie_highest-quality": "Højeste kvalitetspoint",
    "ev_tie_highest": "Flest point i »{name}«",
    "ev_kommission": "Brug Kommissionsmodellen",
    "ev_kommission_help": (
        "Kvalitetskriteriernes vægte er deres maksimale point (i alt 100). Et tilbud under "
        "grænserne udelukkes; de øvrige rangeres efter pris pr. kvalitetspoint."
    ),
    "ev_kommission_total": "Mindst i alt (% af kvalitetspoint)",
    "ev_kommission_criterion": "Mindst pr. kriterium (%)",
    "ev_price_blind": "Prisblind evaluering",
    "ev_price_blind_help": ("Priserne vises ikke, før der er konsensus om alle kvalitetspoint."),
    "ev_number_example": "12,5 eller 1.250.000",
    "ev_old_model": (
        "Udbudsfilen bruger den ældre evalueringsmodel: ét kvalitetskriterium med alle "
        "prioriterede krav og ingen pris (prisen konkurrerer ikke, § 162, stk. 4). Den gemmes "
        "uændret, indtil du skifter til den fulde model."
    ),
    "ev_old_upgrade": "Skift til den fulde evalueringsmodel",
    "ev_old_upgrade_help": (
        "procures forslag med pris 40 % og kvalitet 60 %, på den nuværende skala."
    ),
    "scale_label": "Pointskala, maksimum",
    "scale_help": "Tilbuddene får point fra 0 til dette tal.",
    "partial_label": "Andel af vægten for »Delvist opfyldt« (0–1)",
    "partial_help": "0,5 betyder, at et delvist opfyldt PK giver halvdelen af sin vægt.",
    "decimals_label": "Antal decimaler i scoren",
    "evaluation_preview_heading": "Sådan står evalueringsmodellen i bilaget",
    "evaluation_preview_intro": (
        "Teksten nedenfor kommer ordret i kravbilaget (på {language}), med vægtene af de "
        "prioriterede krav, du har valgt."
    ),
    "evaluation_preview_unavailable": "Forhåndsvisningen vises, når udbuddets krav kan slås op.",
    "evaluation_explained": (
        "Hvert prioriteret krav (PK) giver sin vægt for »Opfyldt«, vægten × {partial} for "
        "»Delvist opfyldt« og 0 ellers. Summen omregnes til skalaen 0–{scale} og afrundes til "
        "{decimals} decimaler."
    ),
}

EN = {
    "evaluation_intro": (
        "The evaluation model is published with the tender and applied exactly as published "
        "(Public Procurement Act §§ 160, 162 and 165): award criterion, criteria and "
        "sub-criteria with weights, point scale, price model, rounding and tie-breaks. Once "
        "published, the buyer is bound by it."
    ),
    "evaluation_needs_category": (
        "First choose a service area in step 3, System. procure then proposes an evaluation "
        "model from the prioritised requirements."
    ),
    "evaluation_model_label": "The evaluation model",
    "ev_unresolved": (
        "The tender's requirements cannot be looked up, so the model cannot be checked:"
    ),
    "ev_proposal": (
        "This is procure's proposal: best price-quality ratio, quality 60 % with every "
        "prioritised requirement and price 40 % (relative linear), scale 0–10. The proposal "
        "follows the requirements of step 5 until you confirm or change it. Review it, and "
        "confirm it before the tender is published."
    ),
    "ev_confirm": "Confirm the evaluation model",
    "ev_confirmed": (
        "The evaluation model is set (confirmed, changed here or read from the tender file). If "
        "you change the prioritised requirements in step 5, adjust the model here."
    ),
    "ev_locked": (
        "The evaluation model, the weights and the price lines are locked as published: the "
        "bids are opened, the tender is awarded, or the deadline has passed (§ 160)."
    ),
    "ev_published": (
        "The tender is published. A change here is a correction: it is saved in the tender "
        "file only when you record it with its reason in step 7, Documents."
    ),
    "ev_no_problems": (
        "The model is in order: the weights sum to 100 and each PK belongs to one criterion."
    ),
    "ev_problems": "The model has {count} problem(s) to fix before publication:",
    "ev_problem_empty_criterion": (
        "The criterion “{name}” has no requirements yet: place prioritised requirements in it, "
        "or remove it."
    ),
    "ev_problem_empty_sub": (
        "The sub-criterion “{name}” of “{criterion}” has no requirements yet: place prioritised "
        "requirements in it, or remove it."
    ),
    "ev_out_of_step": (
        "The model's requirements do not match the requirement list of step 5: a prioritised "
        "requirement is missing, a requirement is no longer prioritised, or a weight changed."
    ),
    "ev_follow": "Take the prioritised requirements and weights from step 5",
    "ev_place_criteria": "The criteria",
    "ev_place_price_model": "The price model of “{name}”",
    "ev_place_line": "Price line {id}",
    "ev_place_tie_break": "Tie-breaks",
    "ev_place_scale": "The point scale",
    "ev_place_kommission": "Kommissionsmodellen",
    "ev_award_criterion": "Award criterion",
    "ev_award_criterion_help": (
        "Public Procurement Act § 162: price, cost, or best price-quality ratio."
    ),
    "ev_award_0": "Best price-quality ratio",
    "ev_award_1": "Price",
    "ev_award_2": "Cost",
    "ev_criteria_heading": "Criteria and weights",
    "ev_criteria_intro": (
        "The criteria's weights sum to 100, and so do the sub-criteria of one criterion. Each "
        "prioritised requirement belongs to exactly one quality criterion or sub-criterion, at "
        "the weight it has in step 5."
    ),
    "ev_criteria_total": "Criteria weights in total: {total} (must be 100).",
    "ev_sub_total": "Sub-criteria weights in total: {total} (must be 100).",
    "ev_quality_name": "Quality criterion",
    "ev_price_name": "Price criterion",
    "ev_sub_name": "Sub-criterion",
    "ev_weight": "Weight (%)",
    "ev_add_criterion": "Add quality criterion",
    "ev_add_price": "Add price criterion",
    "ev_add_sub": "Add sub-criterion",
    "ev_add_sub_help": (
        "The first sub-criterion takes over the criterion's requirements and its whole weight "
        "(100)."
    ),
    "ev_remove_criterion_help": "The criterion's requirements move to the first other criterion.",
    "ev_remove_sub_help": (
        "The sub-criterion's requirements move to the first other sub-criterion."
    ),
    "ev_new_criterion": "New criterion",
    "ev_new_sub": "New sub-criterion",
    "ev_new_price": "Price",
    "ev_no_requirements": "No requirements yet.",
    "ev_not_a_pk": "(not a prioritised requirement of the tender)",
    "ev_col_number": "No.",
    "ev_col_id": "Requirement ID",
    "ev_col_title": "Requirement",
    "ev_col_weight": "Weight",
    "ev_no_pks": (
        "The tender has no prioritised requirements (PK) with a weight. Choose them in step 5, "
        "Requirements, or use the award criterion price."
    ),
    "ev_placement_heading": "Which criterion does each prioritised requirement belong to?",
    "ev_placement_intro": (
        "Choose a criterion or sub-criterion for each requirement. The weight is changed in "
        "step 5, Requirements."
    ),
    "ev_placement_row": "{number} {id} {title} (weight {weight})",
    "ev_placement_label": "Criterion of {id}",
    "ev_nowhere": "(no criterion)",
    "ev_price_kind": "Price model",
    "ev_price_kind_help": (
        "Evaluation price and price adjustment set price against quality: the price criterion "
        "gets weight 0, and the evaluation price uses Kommissionsmodellen."
    ),
    "ev_kind_relative-linear": "Relative linear",
    "ev_kind_proportional": "Proportional",
    "ev_kind_absolute-linear": "Absolute linear (anchor prices)",
    "ev_kind_evaluation-price": "Evaluation price (SKI 02.19)",
    "ev_kind_price-adjustment": "Price adjusted by quality",
    "ev_kind_relative-linear_explained": (
        "The lowest price gets {max} points; a price X % above the lowest gets 0: "
        "points = {max} · (1 − Z/X), never below 0, Z = (price − lowest)/lowest."
    ),
    "ev_kind_proportional_explained": "Points = {max} · lowest price / price.",
    "ev_kind_absolute-linear_explained": (
        "Full points ({max}) at or below the full-points price, 0 points at or above the "
        "zero-points price, linear between. Widening: the zero anchor moves up in steps of this "
        "amount while a bid is above it. Cap: a bid above the cap is excluded."
    ),
    "ev_kind_evaluation-price_explained": (
        "The evaluation price (the price lines with their weights) is set against quality by "
        "Kommissionsmodellen: the lowest price per quality point wins."
    ),
    "ev_kind_price-adjustment_explained": (
        "Quality points are turned into an amount deducted from the price; the lowest adjusted "
        "price wins."
    ),
    "ev_param_x_percent": "X (% above the lowest price gives 0 points)",
    "ev_param_x_percent_help": "E.g. 100: a price twice the lowest gets 0 points.",
    "ev_param_full_points_at": "Full-points price (DKK)",
    "ev_param_full_points_at_help": "A bid at or below this price gets full points.",
    "ev_param_zero_points_at": "Zero-points price (DKK)",
    "ev_param_zero_points_at_help": "A bid at or above this price gets 0 points.",
    "ev_param_widen_by": "Widening (DKK)",
    "ev_param_widen_by_help": "Empty: the zero anchor does not move.",
    "ev_param_cap": "Cap (DKK)",
    "ev_param_cap_help": "Empty: no cap. A bid above the cap is excluded (at the cap is in).",
    "ev_param_amount_per_point": "DKK per quality point",
    "ev_param_amount_per_point_help": "The amount each quality point deducts from the price.",
    "ev_optional": " (optional)",
    "price_lines_heading": "Price lines",
    "ev_price_lines_intro": (
        "Vendors state a unit price per line; procure computes price × quantity (× the line's "
        "weight where given) and the sum itself."
    ),
    "ev_line_id": "Line",
    "ev_line_text": "Text",
    "ev_line_quantity": "Quantity",
    "ev_line_unit": "Unit",
    "ev_line_unit_help": "What the quantity counts, e.g. licences or hours (optional).",
    "ev_line_weight": "Weight (optional)",
    "ev_line_weight_help": "Used for the evaluation price; empty: weight 1.",
    "ev_line_add": "Add price line",
    "ev_new_line": "New price line",
    "ev_scale_heading": "Point scale",
    "ev_scale_explained": (
        "Each evaluated requirement gets 0–{max} points with at most {decimals} decimals."
    ),
    "ev_anchors_heading": "The scale's anchors",
    "ev_anchors_intro": (
        "The words that say what a number of points means. They are printed in the annex and "
        "shown beside the vendor's description when points are given."
    ),
    "ev_anchor_points": "Points",
    "ev_anchor_text": "Meaning",
    "ev_anchor_new_text": "New anchor: meaning",
    "ev_anchor_add": "Add anchor",
    "ev_anchor_needs_text": "Write what the anchor means.",
    "ev_anchor_taken": "There already is an anchor at {points} points.",
    "ev_rounding_heading": "Rounding",
    "ev_rounding_intro": (
        "Decimals at each stage; always rounded half up (7.125 → 7.13), and the next stage "
        "uses the rounded figure."
    ),
    "ev_rounding_sub": "Sub-criteria",
    "ev_rounding_criterion": "Criteria",
    "ev_rounding_total": "Total",
    "ev_rounding_amount": "Amounts",
    "ev_rules_heading": "Ties, Kommissionsmodellen and price-blind evaluation",
    "ev_tie_break": "Ties are decided by (in this order)",
    "ev_tie_break_help": "Bids still equal after every rule are shown as a tie.",
    "ev_tie_lowest-price": "Lowest price",
    "ev_tie_highest-quality": "Highest quality points",
    "ev_tie_highest": "Most points in “{name}”",
    "ev_kommission": "Use Kommissionsmodellen",
    "ev_kommission_help": (
        "The quality criteria's weights are their maximum points (100 in total). A bid below the "
        "thresholds is excluded; the rest are ranked by price per quality point."
    ),
    "ev_kommission_total": "Minimum in total (% of quality points)",
    "ev_kommission_criterion": "Minimum per criterion (%)",
    "ev_price_blind": "Price-blind evaluation",
    "ev_price_blind_help": "Prices are not shown before every quality point has a consensus.",
    "ev_number_example": "12.5 or 1,250,000",
    "ev_old_model": (
        "The tender file uses the older evaluation model: one quality criterion with every "
        "prioritised requirement and no price (the price does not compete, § 162(4)). It is "
        "saved unchanged until you switch to the full model."
    ),
    "ev_old_upgrade": "Switch to the full evaluation model",
    "ev_old_upgrade_help": (
        "procure's proposal with price 40 % and quality 60 %, on the current scale."
    ),
    "scale_label": "Point scale, maximum",
    "scale_help": "Bids get from 0 points up to this number.",
    "partial_label": "Share of the weight for “Partly met” (0–1)",
    "partial_help": "0.5 means a partly met PK earns half its weight.",
    "decimals_label": "Decimals in the score",
    "evaluation_preview_heading": "The evaluation model as the annex states it",
    "evaluation_preview_intro": (
        "The text below appears word for word in the annex (in {language}), with the weights "
        "of the prioritised requirements you chose."
    ),
    "evaluation_preview_unavailable": (
        "The preview appears once the tender's requirements can be looked up."
    ),
    "evaluation_explained": (
        "Each prioritised requirement (PK) earns its weight for “Met”, weight × {partial} for "
        "“Partly met” and 0 otherwise. The sum is scaled to 0–{scale} and rounded to {decimals} "
        "decimals."
    ),
}
