"""Every text the Word documents show, Danish first, then English.

The templates hold no prose of their own: they print these texts through the context (see
docs/templates.md), so a wording is changed here once for both documents. Texts with
`{placeholders}` are filled in by procure.documents.context; labels that are part of the form
contract (column headers, answer values, vendor fields) live in procure.forms, not here.
A percent sign always follows a no-break space ("5\u00a0%"), so a number and its sign never
part at a line end.
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str | tuple[str, ...]]] = {
    "da": {
        # Titles and the cover
        "annex_title": "Bilag {annex}: Kravspecifikation",
        "form_title": "Tilbudsliste til bilag {annex}: Besvarelse af kravspecifikationen",
        "annex_reference": "bilag {annex} (kravspecifikationen)",
        "cover_tender": "Udbud",
        "cover_buyer": "Ordregiver",
        "cover_case": "Sagsnummer",
        "cover_date": "Dato",
        "cover_deadline": "Tilbudsfrist",
        "deadline_with_time": "{date} kl. {hour}.{minute}",
        "cover_category": "Ydelsesområde",
        "cover_library": "Kravbibliotek",
        "cover_fingerprint": "Kravsættets fingeraftryk",
        "cover_count": "Antal krav",
        "buyer_with_cvr": "{name} (CVR {cvr})",
        "library_value": "{name}, version {version}",
        "count_value": "{total} ({mk} MK, {pk} PK, {k} K, {o} O)",
        "not_stated": "–",
        "cover_column_label": "Oplysning",
        "cover_column_value": "Indhold",
        "cover_note": (
            "Kravspecifikationen er dannet ud fra den udgivne version af kravbiblioteket, som er "
            "nævnt ovenfor. Fingeraftrykket identificerer kravsættet: de samme krav med de samme "
            "typer, vægte og tekster giver altid det samme fingeraftryk."
        ),
        # Header and footer
        "page": "Side",
        "page_of": "af",
        "footer_note": "Sagsnr. {case_number} · kravsæt {fingerprint}",
        "footer_note_no_case": "Kravsæt {fingerprint}",
        # Table of contents
        "toc_heading": "Indhold",
        "toc_placeholder": "Indholdsfortegnelsen udfyldes, når dokumentet dannes.",
        # How to answer
        "how_heading": "Sådan besvares kravene",
        "how_intro": (
            "Kravene står i afsnittet »{requirements_heading}«, ordnet efter område. Hvert krav "
            "har et kravnummer, et krav-id og en kravtype. Kravtypen afgør, hvordan kravet indgår "
            "i udbuddet:"
        ),
        "kind_column_code": "Type",
        "kind_column_name": "Betegnelse",
        "kind_column_meaning": "Betydning",
        "kind_name_MK": "Mindstekrav",
        "kind_name_PK": "Prioriteret krav",
        "kind_name_K": "Krav",
        "kind_name_O": "Option",
        "kind_meaning_MK": (
            "Skal være opfyldt fuldt ud. Besvares et mindstekrav med andet end »{met}«, eller "
            "tages der forbehold over for det, er tilbuddet ukonditionsmæssigt og skal afvises."
        ),
        "kind_meaning_PK": (
            "Indgår i evalueringen med den vægt, der står ved kravet, fx »{example}«; se afsnittet "
            "»{evaluation_heading}«. Evalueringsudvalget giver point ud fra beskrivelsen; et svar "
            "under »{met}« giver færre point, men er ikke i sig selv et forbehold. En afvigelse "
            "fra kravet er et forbehold og skal beskrives."
        ),
        "kind_meaning_K": (
            "Skal være opfyldt. Er kravet ikke opfyldt fuldt ud, er det et forbehold, som "
            "leverandøren skal beskrive. Ordregiver prissætter forbeholdet; kan det ikke "
            "prissættes, eller vedrører det et grundlæggende element, afvises tilbuddet."
        ),
        "kind_meaning_O": (
            "Ordregiver kan vælge at gøre brug af optionen. Besvares med »{met}«, hvis optionen "
            "tilbydes, og ellers med »{not_met}«."
        ),
        "how_paragraphs": (
            "Hvert krav besvares i tilbudslisten med én af værdierne »{met}«, »{partly}« eller "
            "»{not_met}« og en beskrivelse af, hvordan kravet opfyldes. Er et krav ikke opfyldt "
            "fuldt ud, angiver leverandøren i kolonnen »{reservation_column}«, hvad der ikke "
            "opfyldes. Leverandøren kan oplyse sin egen pris for forbeholdet, men ordregiver "
            "prissætter det selv.",
            "Kravnumre, krav-id'er, kravtyper og kravtekster må ikke ændres. En ændret kravtekst "
            "betragtes som et forbehold; ved et mindstekrav gør den tilbuddet ukonditionsmæssigt.",
            "Er det uklart, om et krav er opfyldt, går tvivlen ud over leverandøren. Ordregiver "
            "kan bede om at få tilbuddet afklaret, men ikke om at få det ændret (udbudslovens "
            "§ 159, stk. 5).",
        ),
        # Evaluation model
        "evaluation_heading": "Evalueringsmodel",
        "evaluation_paragraphs": (
            "Tilbuddene evalueres på de prioriterede krav (PK) efter den model, der er beskrevet "
            "her. Modellen er offentliggjort i udbudsmaterialet og anvendes præcis som beskrevet "
            "(udbudslovens §§ 160 og 165).",
            "Hvert PK giver point efter besvarelsen: »{met}« giver kravets fulde vægt, "
            "»{partly}« giver {partial_percent}\u00a0% af vægten, og »{not_met}« giver 0 point.",
            "Pointene for alle PK lægges sammen, divideres med den samlede vægt ({total_weight}) "
            "og ganges med {scale_max}. Resultatet er tilbuddets score på en skala fra 0 til "
            "{scale_max}, afrundet til {rounding} (halve rundes op).",
            "Mindstekrav (MK), krav (K) og optioner (O) giver ikke point. Et tilbud, der ikke "
            "opfylder alle mindstekrav, er ukonditionsmæssigt og evalueres ikke.",
            "Vægten af hvert PK fremgår af tabellen.",
        ),
        "evaluation_no_pk": (
            "Kravspecifikationen indeholder ingen prioriterede krav (PK) og indgår derfor ikke i "
            "evalueringen af tilbuddene. Et tilbud, der ikke opfylder alle mindstekrav (MK), er "
            "ukonditionsmæssigt.",
        ),
        "rounding_none": "hele tal",
        "rounding_one": "1 decimal",
        "rounding_many": "{decimals} decimaler",
        "weight_column_title": "Titel",
        "weight_column_weight": "Vægt",
        "weight_column_share": "Andel",
        "weight_total": "I alt",
        "percent": "{value}\u00a0%",
        # The evaluation model with named criteria (procure.documents.model_text)
        "model_intro": (
            "Tilbuddene evalueres efter den model, der er beskrevet her. Modellen er "
            "offentliggjort i udbudsmaterialet og anvendes præcis som beskrevet (udbudslovens "
            "§§ 160 og 165)."
        ),
        "model_award_criterion": "Tildelingskriteriet er {criterion} (udbudslovens § 162).",
        "award_criterion_best": "bedste forhold mellem pris og kvalitet",
        "award_criterion_price": "pris",
        "award_criterion_costs": "omkostninger",
        "model_criteria": "Kriterierne og deres vægte: {criteria}.",
        "model_criterion": "{name} {weight}\u00a0%",
        "model_criterion_subs": "{name} {weight}\u00a0% (underkriterier: {subs})",
        "model_scale": (
            "Evalueringsudvalget giver hvert prioriteret krav (PK) point på en skala fra 0 til "
            "{max} med {decimals} ud fra tilbuddets beskrivelse."
        ),
        "model_anchors": "Skalaens ankerpunkter: {anchors}.",
        "model_points": (
            "Et kriteriums point er det vægtede gennemsnit af pointene for dets krav. Har "
            "kriteriet underkriterier, er et underkriteriums point det vægtede gennemsnit af "
            "pointene for dets krav, og kriteriets point det vægtede gennemsnit af "
            "underkriteriernes point. Kravenes vægte fremgår af tabellen."
        ),
        "model_rounding": (
            "Underkriteriernes point afrundes til {sub}, kriteriernes til {criterion} og den "
            "samlede score til {total}; halve rundes op, og hvert trin regnes videre med det "
            "afrundede tal."
        ),
        "model_rounding_no_sub": (
            "Kriteriernes point afrundes til {criterion} og den samlede score til {total}; halve "
            "rundes op, og hvert trin regnes videre med det afrundede tal."
        ),
        "model_total": (
            "Den samlede score er summen af hvert kriteriums point gange dets vægt, divideret "
            "med 100. Den højeste samlede score vinder."
        ),
        "model_price_lines": (
            "Tilbuddets pris er summen af enhedspris gange antal for prislinjerne i "
            "tilbudslisten. Ordregiver beregner selv summerne."
        ),
        "model_price_lines_weighted": (
            "Tilbuddets evalueringstekniske pris er summen af enhedspris gange antal gange "
            "prislinjens vægt for prislinjerne i tilbudslisten. Ordregiver beregner selv summerne."
        ),
        "model_price_relative_linear": (
            "Prisen ({name}) omregnes til point: den laveste pris giver {max} point, og en pris "
            "{x}\u00a0% over den laveste giver 0 point. Point = {max} × (1 − Z / {x}\u00a0%), "
            "hvor Z er prisens afstand til den laveste pris i procent af den laveste; aldrig "
            "under 0."
        ),
        "model_price_proportional": (
            "Prisen ({name}) omregnes til point som {max} × laveste pris / tilbuddets pris."
        ),
        "model_price_absolute_linear": (
            "Prisen ({name}) omregnes til point: en pris på {full} kr. eller derunder giver "
            "{max} point, en pris på {zero} kr. eller derover giver 0 point, og point derimellem "
            "beregnes lineært."
        ),
        "model_price_widen": (
            "Ligger et tilbuds pris over {zero} kr., flyttes prisen for 0 point op i trin på "
            "{widen} kr., indtil intet tilbud ligger over den; det gælder for alle tilbud."
        ),
        "model_price_cap": "Et tilbud med en pris over {cap} kr. er ukonditionsmæssigt.",
        "model_price_kommission": (
            "Prisen sættes op mod kvaliteten med Kommissionsmodellen: kvalitetskriteriernes vægte "
            "er deres maksimale point (i alt 100). Et tilbud med under {total}\u00a0% af de mulige "
            "kvalitetspoint i alt eller under {criterion}\u00a0% på ét kriterium udelukkes. De "
            "øvrige rangordnes efter pris pr. kvalitetspoint; den laveste vinder."
        ),
        "model_price_adjustment": (
            "Kvaliteten omregnes til et beløb: hvert kvalitetspoint (summen af kriteriernes point "
            "gange deres vægt, divideret med 100) er {amount} kr. værd og trækkes fra tilbuddets "
            "pris. Den laveste justerede pris vinder."
        ),
        "model_price_only": "Den laveste pris vinder.",
        "model_no_price": (
            "Prisen indgår ikke i evalueringen; tilbuddene konkurrerer alene på kvalitet "
            "(udbudslovens § 162, stk. 4)."
        ),
        "model_tie_break": (
            "Står tilbud lige, afgøres rækkefølgen af {rules}, i den rækkefølge. Står de stadig "
            "lige, deler de placeringen."
        ),
        "tie_lowest_price": "laveste pris",
        "tie_highest_quality": "flest kvalitetspoint",
        "tie_highest_criterion": "flest point på »{name}«",
        "model_price_blind": "Kvaliteten evalueres, før evalueringsudvalget ser priserne.",
        "model_exclusions": (
            "Mindstekrav (MK), krav (K) og optioner (O) giver ikke point. Et tilbud, der ikke "
            "opfylder alle mindstekrav, er ukonditionsmæssigt og evalueres ikke; det indgår "
            "heller ikke, når den laveste pris findes."
        ),
        "model_weights_note": (
            "Tabellen viser hvert PK's vægt inden for sit kriterium og dets andel af {whole}."
        ),
        "model_whole_total": "den samlede evaluering",
        "model_whole_quality": "kvalitetsvurderingen",
        # Integrations
        "integrations_heading": "Integrationer til den fælleskommunale infrastruktur",
        "integrations_intro": (
            "Systemet skal anvende følgende integrationer til den fælleskommunale infrastruktur "
            "(FKI). En integration, der ikke er valgt direkte, er med, fordi en valgt integration "
            "forudsætter den; det fremgår af kolonnen »{reason_column}«. Kolonnen "
            "»{requirements_column}« viser de krav, der vedrører integrationen."
        ),
        "integrations_none": (
            "Udbuddet stiller ingen krav om integrationer til den fælleskommunale infrastruktur."
        ),
        "integration_column_name": "Integration",
        "integration_column_sf": "SF-numre",
        "integration_column_reason": "Begrundelse",
        "integration_column_requirements": "Krav",
        "integration_chosen": "Valgt af ordregiver",
        "integration_chosen_and_required": "Valgt af ordregiver; kræves også af {names}",
        "integration_required": "Kræves af {names}",
        "integration_no_sf_service": "Har ingen SF-service",
        "integration_sf_unknown": "–",
        "integration_no_requirements": "–",
        "list_and": "og",
        # Requirements
        "requirements_heading": "Krav",
        "requirements_summary": (
            "Kravspecifikationen indeholder {total}: {mk}, {pk}, {k} og {o}. Kravene er nummereret "
            "efter bilag, område og krav, og krav-id'et identificerer hvert krav entydigt."
        ),
        # (singular, plural), printed as "22 prioriterede krav (PK)"
        "count_total": ("krav", "krav"),
        "count_MK": ("mindstekrav", "mindstekrav"),
        "count_PK": ("prioriteret krav", "prioriterede krav"),
        "count_K": ("krav", "krav"),
        "count_O": ("option", "optioner"),
        "hint_label": "Besvarelsen skal beskrive:",
        # Response form
        "vendor_heading": "Leverandøroplysninger",
        "vendor_column_label": "Oplysning",
        "vendor_column_value": "Udfyldes af leverandøren",
        "instructions_heading": "Vejledning",
        "response_instructions": (
            "Udfyld leverandøroplysningerne.",
            "Vælg for hvert krav »{met}«, »{partly}« eller »{not_met}« i kolonnen "
            "»{answer_column}«, og beskriv i kolonnen »{description_column}«, hvordan kravet "
            "opfyldes.",
            "Et mindstekrav (MK) skal besvares »{met}« og uden forbehold; ellers er tilbuddet "
            "ukonditionsmæssigt.",
            "Besvares et krav (K) eller et prioriteret krav (PK) med andet end »{met}«, skal "
            "forbeholdet og dets pris angives i kolonnen »{reservation_column}«. En option (O) "
            "besvares »{met}«, hvis den tilbydes.",
            "Kravnumre, krav-id'er, kravtekster og kravtyper må ikke ændres, og rækker må ikke "
            "slettes. Kravene er beskrevet nærmere i {annex_reference}.",
            "Gem besvarelsen som Word-dokument (.docx). Dokumentets skjulte oplysninger om "
            "udbuddet bruges til at kontrollere besvarelsen og må ikke fjernes.",
        ),
        "response_heading": "Besvarelse af kravene",
        "answer_placeholder": "Vælg",
    },
    "en": {
        "annex_title": "Annex {annex}: Requirement specification",
        "form_title": "Response form for annex {annex}: Answers to the requirement specification",
        "annex_reference": "annex {annex} (the requirement specification)",
        "cover_tender": "Tender",
        "cover_buyer": "Contracting authority",
        "cover_case": "Case number",
        "cover_date": "Date",
        "cover_deadline": "Deadline for bids",
        "deadline_with_time": "{date} at {hour}:{minute}",
        "cover_category": "Service area",
        "cover_library": "Requirement library",
        "cover_fingerprint": "Requirement set fingerprint",
        "cover_count": "Number of requirements",
        "buyer_with_cvr": "{name} (CVR {cvr})",
        "library_value": "{name}, version {version}",
        "count_value": "{total} ({mk} MK, {pk} PK, {k} K, {o} O)",
        "not_stated": "–",
        "cover_column_label": "Item",
        "cover_column_value": "Details",
        "cover_note": (
            "This requirement specification was generated from the released version of the "
            "requirement library named above. The fingerprint identifies the requirement set: the "
            "same requirements with the same types, weights and texts always give the same "
            "fingerprint."
        ),
        "page": "Page",
        "page_of": "of",
        "footer_note": "Case no. {case_number} · requirement set {fingerprint}",
        "footer_note_no_case": "Requirement set {fingerprint}",
        "toc_heading": "Contents",
        "toc_placeholder": "The table of contents is filled in when the document is generated.",
        "how_heading": "How to answer the requirements",
        "how_intro": (
            "The requirements are listed in the section “{requirements_heading}”, by area. Each "
            "requirement has a number, a requirement ID and a type. The type determines how the "
            "requirement counts in the tender:"
        ),
        "kind_column_code": "Type",
        "kind_column_name": "Name",
        "kind_column_meaning": "Meaning",
        "kind_name_MK": "Minimum requirement",
        "kind_name_PK": "Prioritised requirement",
        "kind_name_K": "Requirement",
        "kind_name_O": "Option",
        "kind_meaning_MK": (
            "Must be met in full. If a minimum requirement is answered with anything but "
            "“{met}”, or a reservation is made against it, the bid is non-compliant and must be "
            "rejected."
        ),
        "kind_meaning_PK": (
            "Is evaluated with the weight stated beside it, e.g. “{example}”; see the section "
            "“{evaluation_heading}”. The evaluation committee scores the description; an answer "
            "below “{met}” scores lower but is not in itself a reservation. A deviation from the "
            "requirement is a reservation and must be described."
        ),
        "kind_meaning_K": (
            "Must be met. If it is not met in full, that is a reservation the vendor must "
            "describe. The buyer prices it; a reservation that cannot be priced, or that touches "
            "a fundamental element, means the bid is rejected."
        ),
        "kind_meaning_O": (
            "The contracting authority may choose to take up the option. Answer “{met}” if the "
            "option is offered, otherwise “{not_met}”."
        ),
        "how_paragraphs": (
            "Each requirement is answered in the response form with one of the values “{met}”, "
            "“{partly}” or “{not_met}” and a description of how it is met. If a requirement is "
            "not met in full, the vendor states in the column “{reservation_column}” what is not "
            "met. The vendor may state its own price for the reservation, but the buyer prices "
            "it.",
            "Requirement numbers, IDs, types and texts must not be changed. A changed requirement "
            "text counts as a reservation; on a minimum requirement it makes the bid "
            "non-compliant.",
            "Where it is unclear whether a requirement is met, the doubt counts against the "
            "vendor. The contracting authority may ask for a bid to be clarified, but not changed "
            "(Danish Public Procurement Act, section 159(5)).",
        ),
        "evaluation_heading": "Evaluation model",
        "evaluation_paragraphs": (
            "Bids are evaluated on the prioritised requirements (PK) using the model described "
            "here. The model is published in the tender documents and applied exactly as "
            "described (Danish Public Procurement Act, sections 160 and 165).",
            "Each PK scores according to the answer: “{met}” earns the requirement's full weight, "
            "“{partly}” earns {partial_percent}\u00a0% of the weight, and “{not_met}” earns 0 "
            "points.",
            "The points of all PKs are added up, divided by the total weight ({total_weight}) and "
            "multiplied by {scale_max}. The result is the bid's score on a scale from 0 to "
            "{scale_max}, rounded to {rounding} (halves are rounded up).",
            "Minimum requirements (MK), requirements (K) and options (O) earn no points. A bid "
            "that does not meet every minimum requirement is non-compliant and is not evaluated.",
            "The weight of each PK is shown in the table.",
        ),
        "evaluation_no_pk": (
            "The requirement specification contains no prioritised requirements (PK) and is "
            "therefore not part of the evaluation of the bids. A bid that does not meet every "
            "minimum requirement (MK) is non-compliant.",
        ),
        "rounding_none": "whole numbers",
        "rounding_one": "1 decimal",
        "rounding_many": "{decimals} decimals",
        "weight_column_title": "Title",
        "weight_column_weight": "Weight",
        "weight_column_share": "Share",
        "weight_total": "Total",
        "percent": "{value}\u00a0%",
        # The evaluation model with named criteria (procure.documents.model_text)
        "model_intro": (
            "The bids are evaluated by the model described here. The model is published in the "
            "tender documents and applied exactly as described (sections 160 and 165 of the "
            "Danish Public Procurement Act)."
        ),
        "model_award_criterion": (
            "The award criterion is {criterion} (section 162 of the Danish Public Procurement Act)."
        ),
        "award_criterion_best": "the best price-quality ratio",
        "award_criterion_price": "price",
        "award_criterion_costs": "costs",
        "model_criteria": "The criteria and their weights: {criteria}.",
        "model_criterion": "{name} {weight}\u00a0%",
        "model_criterion_subs": "{name} {weight}\u00a0% (sub-criteria: {subs})",
        "model_scale": (
            "The evaluation committee scores each prioritised requirement (PK) on a scale from 0 "
            "to {max} with {decimals}, based on the bid's description."
        ),
        "model_anchors": "The scale's anchor points: {anchors}.",
        "model_points": (
            "A criterion's points are the weighted mean of its requirements' points. If the "
            "criterion has sub-criteria, a sub-criterion's points are the weighted mean of its "
            "requirements' points, and the criterion's points the weighted mean of its "
            "sub-criteria's points. The requirements' weights are shown in the table."
        ),
        "model_rounding": (
            "Sub-criteria's points are rounded to {sub}, criteria's to {criterion} and the total "
            "score to {total}; halves are rounded up, and each stage continues with the rounded "
            "figure."
        ),
        "model_rounding_no_sub": (
            "Criteria's points are rounded to {criterion} and the total score to {total}; halves "
            "are rounded up, and each stage continues with the rounded figure."
        ),
        "model_total": (
            "The total score is the sum of each criterion's points times its weight, divided by "
            "100. The highest total score wins."
        ),
        "model_price_lines": (
            "A bid's price is the sum of unit price times quantity over the price lines of the "
            "price list. The contracting authority computes the sums itself."
        ),
        "model_price_lines_weighted": (
            "A bid's evaluation price is the sum of unit price times quantity times the line's "
            "weight over the price lines of the price list. The contracting authority computes "
            "the sums itself."
        ),
        "model_price_relative_linear": (
            "The price ({name}) is turned into points: the lowest price earns {max} points, and a "
            "price {x}\u00a0% above the lowest earns 0 points. Points = {max} × "
            "(1 − Z / {x}\u00a0%), where Z is the price's distance from the lowest price as a "
            "share of the lowest; never below 0."
        ),
        "model_price_proportional": (
            "The price ({name}) is turned into points as {max} × lowest price / the bid's price."
        ),
        "model_price_absolute_linear": (
            "The price ({name}) is turned into points: a price of DKK {full} or less earns {max} "
            "points, a price of DKK {zero} or more earns 0 points, and points in between are "
            "linear."
        ),
        "model_price_widen": (
            "If a bid's price is above DKK {zero}, the price for 0 points is moved up in steps "
            "of DKK {widen} until no bid is above it; this applies to all bids."
        ),
        "model_price_cap": "A bid with a price above DKK {cap} is non-compliant.",
        "model_price_kommission": (
            "Price is set against quality by the Kommissionsmodel: the quality criteria's "
            "weights are their maximum points (100 in all). A bid with less than {total}\u00a0% of "
            "the possible quality points in total or less than {criterion}\u00a0% on one criterion "
            "is excluded. The others are ranked by price per quality point; the lowest wins."
        ),
        "model_price_adjustment": (
            "Quality is turned into an amount: each quality point (the sum of the criteria's "
            "points times their weight, divided by 100) is worth DKK {amount}, deducted from the "
            "bid's price. The lowest adjusted price wins."
        ),
        "model_price_only": "The lowest price wins.",
        "model_no_price": (
            "Price is not part of the evaluation; the bids compete on quality alone (section "
            "162(4) of the Danish Public Procurement Act)."
        ),
        "model_tie_break": (
            "If bids are equal, their order is decided by {rules}, in that order. If they are "
            "still equal, they share the place."
        ),
        "tie_lowest_price": "the lowest price",
        "tie_highest_quality": "the most quality points",
        "tie_highest_criterion": "the most points on “{name}”",
        "model_price_blind": (
            "Quality is evaluated before the evaluation committee sees the prices."
        ),
        "model_exclusions": (
            "Minimum requirements (MK), requirements (K) and options (O) earn no points. A bid "
            "that does not meet every minimum requirement is non-compliant and is not evaluated; "
            "nor does it count when the lowest price is found."
        ),
        "model_weights_note": (
            "The table shows each PK's weight within its criterion and its share of {whole}."
        ),
        "model_whole_total": "the whole evaluation",
        "model_whole_quality": "the quality evaluation",
        "integrations_heading": "Integrations with the joint municipal infrastructure",
        "integrations_intro": (
            "The system must use the following integrations with the joint municipal "
            "infrastructure (FKI). An integration that was not chosen directly is included "
            "because a chosen integration depends on it, as the column “{reason_column}” shows. "
            "The column “{requirements_column}” lists the requirements that concern the "
            "integration."
        ),
        "integrations_none": (
            "The tender sets no requirements for integrations with the joint municipal "
            "infrastructure."
        ),
        "integration_column_name": "Integration",
        "integration_column_sf": "SF numbers",
        "integration_column_reason": "Reason",
        "integration_column_requirements": "Requirements",
        "integration_chosen": "Chosen by the contracting authority",
        "integration_chosen_and_required": (
            "Chosen by the contracting authority; also required by {names}"
        ),
        "integration_required": "Required by {names}",
        "integration_no_sf_service": "Has no SF service",
        "integration_sf_unknown": "–",
        "integration_no_requirements": "–",
        "list_and": "and",
        "requirements_heading": "Requirements",
        "requirements_summary": (
            "The requirement specification contains {total}: {mk}, {pk}, {k} and {o}. "
            "Requirements are numbered by annex, area and requirement; the requirement ID "
            "identifies each requirement uniquely."
        ),
        "count_total": ("requirement", "requirements"),
        "count_MK": ("minimum requirement", "minimum requirements"),
        "count_PK": ("prioritised requirement", "prioritised requirements"),
        "count_K": ("requirement", "requirements"),
        "count_O": ("option", "options"),
        "hint_label": "The answer must describe:",
        "vendor_heading": "Vendor details",
        "vendor_column_label": "Item",
        "vendor_column_value": "To be filled in by the vendor",
        "instructions_heading": "Instructions",
        "response_instructions": (
            "Fill in the vendor details.",
            "For each requirement choose “{met}”, “{partly}” or “{not_met}” in the column "
            "“{answer_column}” and describe in the column “{description_column}” how the "
            "requirement is met.",
            "A minimum requirement (MK) must be answered “{met}” without any reservation; "
            "otherwise the bid is non-compliant.",
            "If a requirement (K) or a prioritised requirement (PK) is answered with anything but "
            "“{met}”, the reservation and its price must be stated in the column "
            "“{reservation_column}”. An option (O) is answered “{met}” if it is offered.",
            "Requirement numbers, IDs, texts and types must not be changed, and rows must not be "
            "deleted. The requirements are described in full in {annex_reference}.",
            "Save the response as a Word document (.docx). The document's hidden information "
            "about the tender is used to check the response and must not be removed.",
        ),
        "response_heading": "Answers to the requirements",
        "answer_placeholder": "Choose",
    },
}


# Word's language tag for spell-checking and hyphenation.
WORD_LANGUAGE = {"da": "da-DK", "en": "en-GB"}

LANGUAGES = tuple(TEXTS)

# The texts a template prints directly as {{ t.<key> }} (headings, column labels, fixed
# sentences); the others are worded into the context's lists and sentences.
TEMPLATE_LABELS = (
    "annex_title",
    "form_title",
    "cover_column_label",
    "cover_column_value",
    "cover_note",
    "page",
    "page_of",
    "toc_heading",
    "toc_placeholder",
    "how_heading",
    "kind_column_code",
    "kind_column_name",
    "kind_column_meaning",
    "evaluation_heading",
    "weight_column_title",
    "weight_column_weight",
    "weight_column_share",
    "weight_total",
    "integrations_heading",
    "integration_column_name",
    "integration_column_sf",
    "integration_column_reason",
    "integration_column_requirements",
    "requirements_heading",
    "hint_label",
    "instructions_heading",
    "vendor_heading",
    "vendor_column_label",
    "vendor_column_value",
    "response_heading",
    "answer_placeholder",
)


def texts(lang: str) -> dict[str, str | tuple[str, ...]]:
    """The texts of one language; KeyError for a language the documents are not written in."""
    return TEXTS[lang]
