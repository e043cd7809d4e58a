"""Every text the wizard shows: Danish first, English second, one dictionary per language.

Texts are plain text with `{name}` placeholders; the few that use Markdown do so only for
emphasis. Both dictionaries must have the same keys (a test checks it).
"""

from __future__ import annotations

LANGUAGE_NAMES = {"da": "Dansk", "en": "English"}
LANGUAGE_LABEL = "Sprog / Language"  # in both languages: it is how one finds the switch

STEP_KEYS = (
    "step_start",
    "step_purchase",
    "step_system",
    "step_integrations",
    "step_requirements",
    "step_evaluation",
    "step_documents",
    "step_check",
    "step_library",
)

DA = {
    # Frame
    "app_title": "procure – udbudsbilag med krav til den fælleskommunale infrastruktur",
    "steps": "Trin",
    "step_start": "1. Start",
    "step_purchase": "2. Udbud",
    "step_system": "3. System",
    "step_integrations": "4. Integrationer",
    "step_requirements": "5. Krav",
    "step_evaluation": "6. Evaluering",
    "step_documents": "7. Dokumenter",
    "step_check": "8. Tilbud",
    "step_library": "9. Bibliotek",
    "sidebar_library": "Kravbibliotek {version}",
    "sidebar_privacy": (
        "Alt hvad du indtaster, gemmes løbende i arbejdsmappen på serveren. Du kan lukke "
        "fanen og fortsætte senere fra trin 1, Start."
    ),
    "unexpected_error": (
        "Der skete en uventet fejl, og handlingen blev ikke gennemført. Dine indtastninger er "
        "bevaret. Prøv igen, og kontakt it-supporten, hvis fejlen bliver ved."
    ),
    "no_releases": (
        "Kravbiblioteket har ingen udgivne versioner. Bed den ansvarlige for kravbiblioteket om "
        "at udgive en version."
    ),
    # Start, workspace and the System step
    "login_needed": "Log ind med din organisations login for at bruge procure.",
    "login": "Log ind",
    "logout": "Log ud",
    "logged_in_as": "Logget ind som {name}",
    "start_intro": (
        "Start et nyt udbud, fortsæt med et gemt, eller åbn en tender.yaml. Alt gemmes "
        "automatisk efter hver ændring."
    ),
    "start_new": "Nyt udbud",
    "start_continue": "Fortsæt med »{title}«",
    "untitled": "(udbud uden titel)",
    "saved_heading": "Gemte udbud",
    "saved_where": "Gemt i arbejdsmappen {folder}",
    "workspace_unreadable": "Arbejdsmappen {folder} kan ikke læses: {error}",
    "saved_none": "Der er ingen gemte udbud endnu. Et udbud gemmes, så snart du skriver i det.",
    "saved_damaged": "Kladden kan ikke åbnes: {problem}",
    "saved_current": "åben nu",
    "saved_no_category": "intet ydelsesområde",
    "saved_at": "gemt {when}",
    "saved_bids": "{count} tilbud",
    "saved_open": "Åbn",
    "saved_opened": "»{title}« er åbnet, som du forlod det.",
    "delete": "Slet",
    "delete_question": (
        "Vil du slette »{title}« med dets tilbud og evaluering fra listen? Mappen flyttes til "
        "arbejdsmappens 'deleted'-mappe og kan hentes tilbage derfra."
    ),
    "delete_yes": "Ja, slet",
    "deleted": "Udbuddet er fjernet fra listen og flyttet til {folder}.",
    "reloaded_other_tab": (
        "Udbuddet er ændret i en anden fane eller et andet vindue; ændringerne er hentet ind her."
    ),
    "saved_over_other_tab": (
        "Udbuddet var også ændret i en anden fane. Din seneste ændring her er gemt oven i; "
        "kontrollér, at resten er som du vil have det."
    ),
    "save_failed": (
        "Ændringen kunne ikke gemmes i arbejdsmappen {folder} ({error}). Dine indtastninger er "
        "bevaret i denne fane; hent evt. tender.yaml i trin 7 for en sikkerheds skyld."
    ),
    "merged_other_tab": (
        "Udbuddet er samtidig ændret i en anden fane eller et andet vindue. Ændringerne derfra "
        "og dine ændringer her er lagt sammen og gemt."
    ),
    "merged_with_clashes": (
        "Udbuddet er samtidig ændret i en anden fane. Ændringerne er lagt sammen, men disse "
        "felter var ændret begge steder, og din ændring her er gemt: {fields}. Kontrollér dem."
    ),
    "saved_again_after_removal": (
        "Udbuddet var forsvundet fra arbejdsmappen (slettet i en anden fane eller flyttet). Det, "
        "du har på skærmen, er gemt igen, så intet går tabt. Vil du slette det, så gør det fra "
        "trin 1, Start, mens et andet udbud er åbent."
    ),
    "not_saved_not_replaced": (
        "Udbuddet på skærmen kan ikke gemmes i arbejdsmappen {folder} ({error}), så det bliver "
        "stående, og intet er ændret. Hent tender.yaml i trin 7, Dokumenter, for at gemme dit "
        "arbejde, eller bed it-supporten om at rette arbejdsmappen."
    ),
    "system_intro": (
        "Hvilken slags system køber I? Ydelsesområdet bestemmer, hvilke integrationer og krav "
        "biblioteket foreslår; KLE-hovedgrupperne siger, hvilke opgaver systemet skal løse."
    ),
    "category_explained_heading": "Hvad er et ydelsesområde?",
    "category_explained": (
        "Ydelsesområderne (Y05–Y67) er Statens og Kommunernes Indkøbsservices inddeling af "
        "kommunale it-systemer efter opgave i rammeaftalen SKI 02.19. Vælg det område, som "
        "systemet mest hører til – fx Y65 for ESDH-systemer. Valget kan ændres senere; dine "
        "tilpasninger af krav bevares."
    ),
    "choose_category_hint": "Vælg et ydelsesområde for at se bibliotekets anbefalinger.",
    "category_advice": (
        "For {category} anbefaler biblioteket {count} integrationer: {names}. "
        "Du ser og tilpasser dem i næste trin."
    ),
    "kle_explained": (
        "KLE er den fælles kommunale emnesystematik til journalisering. Vælg de hovedgrupper, "
        "systemet skal håndtere sager inden for; nogle krav foreslås kun for bestemte grupper."
    ),
    "cancel": "Annullér",
    "remove": "Fjern",
    "yes": "Ja",
    "no": "Nej",
    "lang_da": "Dansk",
    "lang_en": "Engelsk",
    # Step 1
    "purchase_intro": (
        "Beskriv udbuddet: titel, ordregiver, sagsnummer og dato, dokumenternes sprog, "
        "bilagsnummer og hvilken udgivelse af kravbiblioteket udbuddet låses til."
    ),
    "title_label": "Udbuddets titel",
    "title_placeholder": "fx Anskaffelse af ESDH-system",
    "buyer_label": "Ordregiver (kommune)",
    "buyer_placeholder": "fx Eksempel Kommune",
    "cvr_label": "Ordregivers CVR-nummer (valgfrit)",
    "cvr_help": "8 cifre uden mellemrum.",
    "cvr_invalid": "CVR-nummeret skal være præcis 8 cifre (eller tomt).",
    "case_label": "Sagsnummer",
    "deadline_label": "Tilbudsfrist (valgfri)",
    "deadline_time_label": "Klokkeslæt",
    "deadline_help": (
        "Står på forsiden af bilaget og tilbudslisterne. Lad feltet stå tomt, hvis fristen "
        "ikke er fastsat endnu."
    ),
    "deadline_before_date": "Tilbudsfristen ligger før udbuddets dato.",
    "date_label": "Dato",
    "doc_lang_label": "Dokumenternes sprog",
    "doc_lang_help": "Sproget i bilaget og tilbudslisterne. Du kan selv bruge guiden på dansk.",
    "library_label": "Kravbibliotekets version",
    "library_help": (
        "Udbuddet låses til denne udgivelse, så kravene ikke ændrer sig under udbuddet. "
        "Den nyeste er valgt."
    ),
    "category_label": "Ydelsesområde (SKI 02.19)",
    "category_placeholder": "Vælg ydelsesområde",
    "category_help": "Bestemmer bibliotekets anbefalede integrationer, KLE-grupper og krav.",
    "category_unknown": (
        "Ydelsesområdet '{code}' findes ikke i den valgte version af kravbiblioteket."
    ),
    "category_changed": (
        "Ydelsesområdet er nu {code}. Integrationer og KLE følger bibliotekets anbefaling for "
        "{code}; dine ændringer af krav er bevaret."
    ),
    "category_changed_custom": (
        "Ydelsesområdet er nu {code}. Du har selv tilpasset integrationer eller KLE; de er "
        "bevaret. Se bibliotekets anbefaling for {code} i trin 4."
    ),
    "still_missing": "Mangler stadig: {fields}.",
    "continue_heading": "Åbn en tender.yaml",
    "continue_intro": (
        "Har du en tender.yaml fra en kollega eller et tidligere udbud, kan du åbne den her. "
        "Den bliver det udbud, du arbejder på, og gemmes i arbejdsmappen."
    ),
    "tender_upload_label": "Hent tender.yaml",
    "tender_upload_help": "Filen kontrolleres, før noget ændres. En fejl ændrer ikke dine data.",
    "tender_paste_heading": "… eller indsæt teksten fra en tender.yaml",
    "tender_paste_label": "Indholdet af tender.yaml",
    "tender_paste_button": "Indlæs teksten",
    "tender_paste_empty": "Feltet er tomt – indsæt teksten fra en tender.yaml først.",
    "tender_too_big": "filen er for stor til at være en udbudsfil (over 10 MB)",
    "tender_loaded": "Udbuddet »{title}« er indlæst med {count} krav fra biblioteket.",
    "tender_loaded_unknown": (
        "{name}: {count} af udbuddets krav findes ikke i kravbibliotek {version}: {ids}. De "
        "står øverst i trin 5, Krav, hvor du kan fjerne dem; indtil da kan dokumenterne ikke "
        "laves."
    ),
    "replace_question": (
        "Udbuddet »{title}« ({count} krav) er allerede gemt i arbejdsmappen. Vil du erstatte "
        "den gemte kladde med filens indhold? Tilbud og evaluering til udbuddet bevares."
    ),
    "replace_yes": "Ja, erstat",
    # Step 2
    "choose_category_first": "Vælg først et ydelsesområde i trin 3, System.",
    "advice_heading": "**Bibliotekets anbefaling – tilpas efter behov**",
    "advice_text": (
        "Integrationerne er foreslået ud fra ydelsesområdet {category}. "
        "Fjern dem, systemet ikke skal bruge, og tilføj dem, der mangler."
    ),
    "integrations_heading": "Integrationer i den fælleskommunale infrastruktur",
    "integrations_label": "Integrationer systemet skal bruge",
    "integrations_placeholder": "Vælg integrationer",
    "recommended_were": "Bibliotekets anbefaling: {names}",
    "use_recommendation": "Brug bibliotekets anbefaling",
    "unknown_integration": "{id} (ukendt i denne version af biblioteket)",
    "unknown_integration_long": (
        "Integrationen '{id}' findes ikke i denne version af kravbiblioteket. Fjern den fra "
        "listen ovenfor."
    ),
    "closure_heading": (
        "Integrationer i udbuddet: {chosen} valgt, {added} tilføjet pga. afhængigheder"
    ),
    "closure_explained": (
        "Nogle valgte integrationer virker kun sammen med andre. De kommer med i udbuddet, selv "
        "om du ikke har valgt dem, og det står ved hver af dem, hvilken integration der kræver dem."
    ),
    "no_sf": "intet SF-nummer",
    "depends_on_line": "↳ {name} kræver {dependency}. Den sørger for: {why}",
    "chosen_badge": ":green-badge[:material/check: Valgt af dig]",
    "recommended_badge": (
        ":green-badge[:material/check: Valgt – anbefalet af biblioteket for {category}]"
    ),
    "required_by_badge": ":orange-badge[:material/add: Tilføjet – kræves af {names}]",
    "kle_heading": "KLE-hovedgrupper",
    "kle_label": "KLE-hovedgrupper systemet dækker",
    "kle_placeholder": "Vælg KLE-hovedgrupper",
    "kle_help": "Krav, der kun gælder bestemte KLE-grupper, foreslås kun, når en af dem er valgt.",
    "unknown_kle": "{number} (ukendt KLE-gruppe)",
    # Step 3
    "proposal_changed": (
        "Forslaget er opdateret efter dine ændringer i trin 3–4: {new} nye krav, {gone} krav "
        "foreslås ikke længere. Dine {changes} ændringer af enkelte krav er bevaret."
    ),
    "total_requirements": "Krav i alt",
    "kind_plural_MK": "Mindstekrav (MK)",
    "kind_plural_PK": "Prioriterede (PK)",
    "kind_plural_K": "Krav (K)",
    "kind_plural_O": "Optioner (O)",
    "total_weight": "Samlet PK-vægt",
    "area_filter_label": "Vis område",
    "all_areas": "Alle områder",
    "area_count": "({included} af {total} valgt)",
    "req_search_label": "Søg i kravene",
    "req_search_placeholder": "Id, titel eller tekst, fx FKI-ORG-001 eller »logning«",
    "req_kind_filter_label": "Kravtyper",
    "req_kind_filter_help": "Vis kun de valgte kravtyper; er ingen valgt, vises alle.",
    "req_show_label": "Vis",
    "req_show_all": "Alle",
    "req_show_included": "Medtagne",
    "req_show_excluded": "Fravalgte",
    "req_show_changed": "Ændret af dig",
    "req_showing": "Viser {shown} af {total} krav",
    "req_page_range": "side {page} af {pages}: krav {first}–{last}",
    "req_no_matches": "Ingen krav passer til søgningen og filtrene.",
    "req_clear_filters": "Ryd søgning og filtre",
    "lint_heading": "{count} valg kan gøre udbuddet svært at forsvare",
    "lint_intro": (
        "Udbuddet er gyldigt. Advarslerne peger på valg, som du bør overveje igen eller kunne "
        "begrunde, hvis en leverandør klager."
    ),
    "lint_guidance": "Bibliotekets vejledning:",
    "changes_count": "Dine ændringer af bibliotekets forslag: {count}",
    "reset_button": "Nulstil til bibliotekets forslag …",
    "reset_question": (
        "Vil du nulstille alle {count} ændringer af bibliotekets krav (til- og fravalg, kravtyper "
        "og vægte)? Dine lokale krav bevares."
    ),
    "reset_yes": "Ja, nulstil",
    "reset_done": "Kravene følger nu bibliotekets forslag igen.",
    "orphans_heading": (
        "{count} krav, som du har ændret, foreslås ikke længere efter ændringen af "
        "ydelsesområde, integrationer eller KLE, og er derfor ikke med i udbuddet. Vælg for hvert "
        "krav, om det skal med alligevel."
    ),
    "orphan_keep": "Tag med",
    "orphan_forget": "Glem ændringen",
    "unknown_requirements": (
        "Disse krav findes ikke i kravbibliotek {version} og kan ikke komme med i udbuddet:"
    ),
    "remove_unknown": "Fjern de ukendte krav",
    "include_help": "Medtag kravet i udbuddet",
    "added_by_you": "tilføjet af dig",
    "changed_by_you": "ændret af dig",
    "kind_label": "Kravtype",
    "kind_help": "Bibliotekets kravtype: {kind}",
    "kind_MK": "MK – mindstekrav",
    "kind_PK": "PK – prioriteret krav",
    "kind_K": "K – krav",
    "kind_O": "O – option",
    "weight_label": "Vægt",
    "weight_placeholder": "1–100",
    "weight_missing": "Angiv en vægt",
    "guidance_heading": "Vejledning til indkøber",
    "answer_hint_heading": "Leverandøren skal beskrive:",
    "references": "Kilder: {refs}",
    "local_badge": "lokalt krav",
    "local_heading": "Lokale krav",
    "local_intro": (
        "Krav, som kun gælder dette udbud. De får numre LOKAL-1, LOKAL-2 … og står i bilaget "
        "under det valgte område."
    ),
    "local_area": "Område",
    "local_title": "Titel",
    "local_text": "Kravtekst (det leverandøren skal opfylde)",
    "local_add": "Tilføj lokalt krav",
    "local_weight_help": "Kun for prioriterede krav (PK).",
    "local_title_missing": "Skriv en titel.",
    "local_text_missing": "Skriv kravteksten.",
    "local_weight_missing": "Et prioriteret krav (PK) skal have en vægt.",
    "local_added": "Det lokale krav {id} er tilføjet.",
    "local_removed": "Det lokale krav {id} er fjernet.",
    # Step 4
    "evaluation_intro": (
        "Evalueringsmodellen offentliggøres i udbuddet og anvendes præcis som offentliggjort."
    ),
    "scale_label": "Pointskala, maksimum",
    "scale_help": "Tilbuddene får point fra 0 til dette tal.",
    "partial_label": "Andel af vægten for »Delvist opfyldt« (0–1)",
    "partial_help": "0,5 betyder, at et delvist opfyldt PK giver halvdelen af sin vægt.",
    "decimals_label": "Antal decimaler i scoren",
    "annex_label": "Bilagsnummer",
    "annex_help": "Kravene nummereres efter bilaget, fx 3.1.1.",
    "evaluation_preview_heading": "Sådan står evalueringsmodellen i bilaget",
    "evaluation_preview_intro": (
        "Teksten nedenfor kommer ordret i kravbilaget (på {language}), med vægtene af de "
        "prioriterede krav, du har valgt."
    ),
    "evaluation_preview_unavailable": "Forhåndsvisningen vises, når ydelsesområdet er valgt.",
    "evaluation_explained": (
        "Hvert prioriteret krav (PK) giver sin vægt for »Opfyldt«, vægten × {partial} for "
        "»Delvist opfyldt« og 0 ellers. Summen omregnes til skalaen 0–{scale} og afrundes til "
        "{decimals} decimaler."
    ),
    # Step 5
    "fix_first": "Udbuddet kan ikke laves endnu:",
    "problem_title": "Skriv udbuddets titel i trin 2, Udbud.",
    "problem_buyer": "Skriv ordregiver (kommunen) i trin 2, Udbud.",
    "problem_category": "Vælg ydelsesområde i trin 3, System.",
    "orphans_not_in_tender": (
        "Krav du har ændret, men som ikke længere foreslås, er ikke med: {ids}. Se trin 5, Krav."
    ),
    "tender_invalid": "Udbuddet er ikke gyldigt endnu. Ret dette og prøv igen:",
    "tender_valid": "Udbuddet er gyldigt: {count} krav ({kinds}), samlet PK-vægt {weight}.",
    "library_version": "Kravbibliotek",
    "fingerprint": "Fingeraftryk",
    "requirements_total": "Krav i alt",
    "tender_id": "Udbuddets id: {id}",
    "integrations_added": "Tilføjet pga. afhængigheder: {names}",
    "required_by_short": "kræves af {ids}",
    "zip_name": "udbudsmateriale.zip",
    "download_zip": "Hent alt som {name}",
    "download_zip_help": "tender.yaml, annex.docx, response-form.docx og response-form.xlsx.",
    "downloads_heading": "Hent filerne",
    "downloads_intro": (
        "tender.yaml er dit arbejde – gem den, så du kan fortsætte senere eller kontrollere "
        "tilbud. Bilaget og tilbudslisterne sendes med udbuddet."
    ),
    "download_file": "Hent {name}",
    "rendering": "Laver dokumenterne …",
    "documents_unavailable": (
        "Word- og Excel-dokumenterne kan ikke laves i denne installation endnu. tender.yaml kan "
        "hentes og bruges senere."
    ),
    "documents_failed": (
        "Dokumenterne kunne ikke laves på grund af en uventet fejl. tender.yaml kan stadig "
        "hentes. Kontakt it-supporten, hvis fejlen bliver ved."
    ),
    # Step 6
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
    # Step 8: progress while reading, and the charts
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
    "finding_mandatory_failed": "Mindstekrav ikke opfyldt",
    "finding_reservation": "Forbehold",
    "finding_reservation_unpriced": "Forbehold uden pris",
    "finding_missing_answer": "Ikke besvaret",
    "finding_unknown_requirement": "Ukendt krav",
    "finding_duplicate_answer": "Besvaret flere gange",
    "finding_invalid_answer": "Ugyldig besvarelse",
    "finding_text_altered": "Kravteksten er ændret",
    "finding_form_mismatch": "Forkert eller ændret tilbudsliste",
    "finding_integration_missing": "Integration ikke dækket",
    "verdict_ok": "opfyldt",
    "verdict_reservation": "forbehold",
    "verdict_failed": "ikke opfyldt (MK)",
    "verdict_missing": "ikke besvaret",
    "verdict_invalid": "ugyldig",
    "verdict_not_offered": "ikke tilbudt",
    # Step 6: manual point overrides and the evaluation file
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
    # Step 9: the library (read-only)
    "lib_intro": (
        "Læs kravbiblioteket, som det er udgivet: versioner og ændringslog, krav, integrationer "
        "og forskellene mellem to versioner. Intet her ændrer dit udbud."
    ),
    "lib_section_label": "Vis",
    "lib_section_overview": "Oversigt og ændringslog",
    "lib_section_requirements": "Krav",
    "lib_section_integrations": "Integrationer",
    "lib_section_diff": "Forskelle mellem versioner",
    "lib_version_label": "Version af kravbiblioteket",
    "lib_version_help": "At se en anden version ændrer ikke, hvilken version dit udbud bruger.",
    "lib_version_newest": "nyeste",
    "lib_version_tender": "dit udbud",
    "lib_metric_version": "Version",
    "lib_metric_active": "Aktive krav",
    "lib_metric_deprecated": "Udfasede krav",
    "lib_metric_integrations": "Integrationer",
    "lib_changelog_heading": "Ændringslog",
    "lib_changelog_empty": "Ændringsloggen er tom.",
    "lib_search_label": "Søg i kravene",
    "lib_search_placeholder": "Id, titel, tekst, integration eller SF-nummer, fx SF1500",
    "lib_area": "Område",
    "lib_kind": "Kravtype",
    "lib_all_kinds": "Alle kravtyper",
    "lib_integration": "Integration",
    "lib_all_integrations": "Alle integrationer",
    "lib_status": "Status",
    "lib_status_all": "Aktive og udfasede",
    "lib_status_active": "aktiv",
    "lib_status_deprecated": "udfaset",
    "lib_matches": "{shown} af {total} krav passer til søgningen og filtrene",
    "lib_no_matches": "Ingen krav passer til søgningen og filtrene.",
    "lib_clear_filters": "Ryd søgning og filtre",
    "lib_col_id": "Id",
    "lib_col_kind": "Type",
    "lib_col_title": "Titel",
    "lib_col_name": "Navn",
    "lib_col_integration_kind": "Art",
    "lib_col_sf": "SF-numre",
    "lib_col_depends_on": "Afhænger af",
    "lib_detail_label": "Vis kravet",
    "lib_weight": "Vægt",
    "lib_since": "Siden",
    "lib_deprecated_note": "Kravet er udfaset og kan ikke vælges i nye udbud.",
    "lib_replaced_by": "Erstattet af",
    "lib_reason": "Begrundelse",
    "lib_guidance": "Vejledning",
    "lib_answer": "Besvarelsen skal beskrive",
    "lib_integrations": "Integrationer",
    "lib_categories": "Ydelsesområder",
    "lib_categories_all": "alle",
    "lib_kle": "KLE-grupper",
    "lib_references": "Referencer",
    "lib_integrations_intro": (
        "Integrationerne i den fælleskommunale infrastruktur, version {version}."
    ),
    "lib_descriptions_heading": "Hvad integrationerne gør",
    "lib_no_sf": "intet SF-nummer",
    "lib_ikind_support": "støttesystem",
    "lib_ikind_serviceplatform": "Serviceplatformen",
    "lib_ikind_other": "andet",
    "lib_istatus_active": "aktiv",
    "lib_istatus_retired": "udfaset",
    "lib_diff_intro": (
        "Sammenlign to versioner af kravbiblioteket. Arbejdskopien er biblioteksmappen, som den "
        "ser ud nu, før den er udgivet."
    ),
    "lib_diff_old": "Fra version",
    "lib_diff_new": "Til version",
    "lib_working_copy": "Arbejdskopi",
    "lib_working_copy_named": "arbejdskopien ({version})",
    "lib_diff_same": "Du har valgt den samme version to gange. Vælg to forskellige versioner.",
    "lib_diff_heading": "Ændringer fra {old} til {new}",
    "lib_diff_none": "Ingen forskelle: kravene er de samme i {old} og {new}.",
    "lib_diff_added": "Tilføjet",
    "lib_diff_removed": "Fjernet",
    "lib_diff_deprecated": "Udfaset",
    "lib_diff_changed": "Ændret",
    "lib_diff_before": "Før",
    "lib_diff_after": "Nu",
    "lib_working_invalid": (
        "Arbejdskopien (mappen {folder}) kan ikke sammenlignes, fordi den har {count} fejl. Ret "
        "fejlene i biblioteksmappen (»procure library validate« viser dem også), eller "
        "sammenlign to udgivne versioner."
    ),
    "lib_working_more": "… og {count} fejl mere",
    "lib_working_unreadable": "Arbejdskopien kan ikke læses som et kravbibliotek:",
    "lib_field_id": "Id",
    "lib_field_area": "Område",
    "lib_field_kind": "Kravtype",
    "lib_field_weight": "Vægt",
    "lib_field_title": "Titel",
    "lib_field_text": "Kravtekst",
    "lib_field_guidance": "Vejledning",
    "lib_field_answer": "Besvarelsen skal beskrive",
    "lib_field_integrations": "Integrationer",
    "lib_field_categories": "Ydelsesområder",
    "lib_field_kle": "KLE-grupper",
    "lib_field_references": "Referencer",
    "lib_field_status": "Status",
    "lib_field_since": "Siden",
    "lib_field_replaced_by": "Erstattet af",
    "lib_field_deprecation_reason": "Begrundelse for udfasning",
    "lib_field_lang_da": "dansk",
    "lib_field_lang_en": "engelsk",
}

EN = {
    # Frame
    "app_title": (
        "procure – tender annexes with requirements for the joint municipal infrastructure"
    ),
    "steps": "Steps",
    "step_start": "1. Start",
    "step_purchase": "2. Tender",
    "step_system": "3. System",
    "step_integrations": "4. Integrations",
    "step_requirements": "5. Requirements",
    "step_evaluation": "6. Evaluation",
    "step_documents": "7. Documents",
    "step_check": "8. Bids",
    "step_library": "9. Library",
    "sidebar_library": "Requirement library {version}",
    "sidebar_privacy": (
        "Everything you enter is saved continuously in the workspace on the server. You can "
        "close the tab and continue later from step 1, Start."
    ),
    "unexpected_error": (
        "An unexpected error occurred and the action was not completed. Your entries are kept. "
        "Try again, and contact IT support if it keeps happening."
    ),
    "no_releases": (
        "The requirement library has no released versions. Ask the person responsible for the "
        "library to release one."
    ),
    # Start, workspace and the System step
    "login_needed": "Log in with your organisation's login to use procure.",
    "login": "Log in",
    "logout": "Log out",
    "logged_in_as": "Logged in as {name}",
    "start_intro": (
        "Start a new tender, continue a saved one, or open a tender.yaml. Everything is saved "
        "automatically after each change."
    ),
    "start_new": "New tender",
    "start_continue": "Continue with “{title}”",
    "untitled": "(untitled tender)",
    "saved_heading": "Saved tenders",
    "saved_where": "Saved in the workspace {folder}",
    "workspace_unreadable": "The workspace {folder} cannot be read: {error}",
    "saved_none": "No tenders are saved yet. A tender is saved as soon as you type in it.",
    "saved_damaged": "The draft cannot be opened: {problem}",
    "saved_current": "open now",
    "saved_no_category": "no service area",
    "saved_at": "saved {when}",
    "saved_bids": "{count} bids",
    "saved_open": "Open",
    "saved_opened": "“{title}” is open as you left it.",
    "delete": "Delete",
    "delete_question": (
        "Delete “{title}” with its bids and evaluation from the list? The folder is moved to "
        "the workspace's 'deleted' folder and can be recovered from there."
    ),
    "delete_yes": "Yes, delete",
    "deleted": "The tender was removed from the list and moved to {folder}.",
    "reloaded_other_tab": (
        "The tender was changed in another tab or window; those changes are now shown here."
    ),
    "saved_over_other_tab": (
        "The tender had also been changed in another tab. Your latest change here was saved on "
        "top; check that the rest is as you want it."
    ),
    "save_failed": (
        "The change could not be saved in the workspace {folder} ({error}). What you entered "
        "is kept in this tab; you may download tender.yaml in step 7 to be safe."
    ),
    "merged_other_tab": (
        "The tender was changed in another tab or window at the same time. Those changes and "
        "yours here have been combined and saved."
    ),
    "merged_with_clashes": (
        "The tender was changed in another tab at the same time. The changes were combined, "
        "but these fields were changed in both places and your change here was saved: "
        "{fields}. Please check them."
    ),
    "saved_again_after_removal": (
        "The tender had disappeared from the workspace (deleted in another tab, or moved). What "
        "you see here has been saved again, so nothing is lost. To delete it, do so from step "
        "1, Start, while another tender is open."
    ),
    "not_saved_not_replaced": (
        "The tender on screen cannot be saved in the workspace {folder} ({error}), so it stays "
        "and nothing was changed. Download tender.yaml in step 7, Documents, to keep your work, "
        "or ask IT support to fix the workspace."
    ),
    "system_intro": (
        "What kind of system are you buying? The service area decides which integrations and "
        "requirements the library proposes; the KLE main groups say which tasks it handles."
    ),
    "category_explained_heading": "What is a service area?",
    "category_explained": (
        "The service areas (Y05–Y67) are how the SKI 02.19 framework agreement divides "
        "municipal IT systems by task. Choose the area the system mainly belongs to – e.g. Y65 "
        "for case and document management. You can change it later; your requirement changes "
        "are kept."
    ),
    "choose_category_hint": "Choose a service area to see the library's recommendations.",
    "category_advice": (
        "For {category} the library recommends {count} integrations: {names}. "
        "You see and adjust them in the next step."
    ),
    "kle_explained": (
        "KLE is the joint municipal subject classification used for filing. Choose the main "
        "groups the system handles cases in; some requirements are proposed only for them."
    ),
    "cancel": "Cancel",
    "remove": "Remove",
    "yes": "Yes",
    "no": "No",
    "lang_da": "Danish",
    "lang_en": "English",
    # Step 1
    "purchase_intro": (
        "Describe the tender: title, contracting authority, case number and date, the "
        "documents' language, annex number and the library release the tender is pinned to."
    ),
    "title_label": "Tender title",
    "title_placeholder": "e.g. Procurement of an ESDH system",
    "buyer_label": "Contracting authority (municipality)",
    "buyer_placeholder": "e.g. Example Municipality",
    "cvr_label": "Contracting authority's CVR number (optional)",
    "cvr_help": "8 digits without spaces.",
    "cvr_invalid": "The CVR number must be exactly 8 digits (or empty).",
    "case_label": "Case number",
    "deadline_label": "Deadline for bids (optional)",
    "deadline_time_label": "Time",
    "deadline_help": (
        "Shown on the cover of the annex and the response forms. Leave it empty if the "
        "deadline is not set yet."
    ),
    "deadline_before_date": "The deadline for bids is before the tender's date.",
    "date_label": "Date",
    "doc_lang_label": "Language of the documents",
    "doc_lang_help": "The language of the annex and response forms, independent of this guide.",
    "library_label": "Requirement library version",
    "library_help": (
        "The tender is locked to this release so the requirements do not change during the "
        "tender. The newest is selected."
    ),
    "category_label": "Service area (SKI 02.19)",
    "category_placeholder": "Choose a service area",
    "category_help": "Decides the library's recommended integrations, KLE groups and requirements.",
    "category_unknown": "The service area '{code}' is not in the chosen library version.",
    "category_changed": (
        "The service area is now {code}. Integrations and KLE follow the library's "
        "recommendation for {code}; your changes to requirements are kept."
    ),
    "category_changed_custom": (
        "The service area is now {code}. You adjusted integrations or KLE yourself; they are "
        "kept. See the library's recommendation for {code} in step 4."
    ),
    "still_missing": "Still missing: {fields}.",
    "continue_heading": "Open a tender.yaml",
    "continue_intro": (
        "Open a tender.yaml from a colleague or an earlier tender here. It becomes the tender "
        "you work on and is saved in the workspace."
    ),
    "tender_upload_label": "Load tender.yaml",
    "tender_upload_help": "The file is checked before anything changes. An error keeps your data.",
    "tender_paste_heading": "… or paste the text of a tender.yaml",
    "tender_paste_label": "Content of tender.yaml",
    "tender_paste_button": "Load the text",
    "tender_paste_empty": "The field is empty – paste the text of a tender.yaml first.",
    "tender_too_big": "the file is too large to be a tender file (over 10 MB)",
    "tender_loaded": "The tender “{title}” is loaded with {count} library requirements.",
    "tender_loaded_unknown": (
        "{name}: {count} of the tender's requirements are not in requirement library "
        "{version}: {ids}. They are listed at the top of step 5, Requirements, where you can "
        "remove them; until then the documents cannot be made."
    ),
    "replace_question": (
        "The tender “{title}” ({count} requirements) is already saved in the workspace. Replace "
        "the saved draft with the file's content? Its bids and evaluation are kept."
    ),
    "replace_yes": "Yes, replace",
    # Step 2
    "choose_category_first": "First choose a service area in step 3, System.",
    "advice_heading": "**The library's recommendation – adjust as needed**",
    "advice_text": (
        "The integrations are proposed from the service area {category}. Remove those the "
        "system will not use and add those that are missing."
    ),
    "integrations_heading": "Integrations in the joint municipal infrastructure",
    "integrations_label": "Integrations the system must use",
    "integrations_placeholder": "Choose integrations",
    "recommended_were": "The library's recommendation: {names}",
    "use_recommendation": "Use the library's recommendation",
    "unknown_integration": "{id} (unknown in this library version)",
    "unknown_integration_long": (
        "The integration '{id}' is not in this version of the requirement library. Remove it "
        "from the list above."
    ),
    "closure_heading": "Integrations in the tender: {chosen} chosen, {added} added as dependencies",
    "closure_explained": (
        "Some chosen integrations only work together with others. Those are included even if you "
        "did not choose them, and each says which integration needs it."
    ),
    "no_sf": "no SF number",
    "depends_on_line": "↳ {name} needs {dependency}. What it provides: {why}",
    "chosen_badge": ":green-badge[:material/check: Chosen by you]",
    "recommended_badge": (
        ":green-badge[:material/check: Chosen – recommended by the library for {category}]"
    ),
    "required_by_badge": ":orange-badge[:material/add: Added – required by {names}]",
    "kle_heading": "KLE main groups",
    "kle_label": "KLE main groups the system covers",
    "kle_placeholder": "Choose KLE main groups",
    "kle_help": "Requirements limited to certain KLE groups are proposed only if one is chosen.",
    "unknown_kle": "{number} (unknown KLE group)",
    # Step 3
    "proposal_changed": (
        "The proposal was updated after your changes in steps 3–4: {new} new requirements, "
        "{gone} no longer proposed. Your {changes} changes to single requirements are kept."
    ),
    "total_requirements": "Requirements",
    "kind_plural_MK": "Mandatory (MK)",
    "kind_plural_PK": "Prioritised (PK)",
    "kind_plural_K": "Requirements (K)",
    "kind_plural_O": "Options (O)",
    "total_weight": "Total PK weight",
    "area_filter_label": "Show area",
    "all_areas": "All areas",
    "area_count": "({included} of {total} chosen)",
    "req_search_label": "Search the requirements",
    "req_search_placeholder": "Id, title or text, e.g. FKI-ORG-001 or “logging”",
    "req_kind_filter_label": "Types",
    "req_kind_filter_help": "Show only the chosen types; with none chosen, all are shown.",
    "req_show_label": "Show",
    "req_show_all": "All",
    "req_show_included": "Included",
    "req_show_excluded": "Excluded",
    "req_show_changed": "Changed by you",
    "req_showing": "Showing {shown} of {total} requirements",
    "req_page_range": "page {page} of {pages}: requirements {first}–{last}",
    "req_no_matches": "No requirement matches the search and filters.",
    "req_clear_filters": "Clear search and filters",
    "lint_heading": "Choices that may make the tender hard to defend: {count}",
    "lint_intro": (
        "The tender is valid. The warnings point at choices to reconsider, or to be able to "
        "justify if a vendor complains."
    ),
    "lint_guidance": "The library's guidance:",
    "changes_count": "Your changes to the library's proposal: {count}",
    "reset_button": "Reset to the library's proposal …",
    "reset_question": (
        "Reset all {count} changes to library requirements (inclusions, kinds and weights)? "
        "Your local requirements are kept."
    ),
    "reset_yes": "Yes, reset",
    "reset_done": "The requirements follow the library's proposal again.",
    "orphans_heading": (
        "{count} requirements you changed are no longer proposed after the change of service "
        "area, integrations or KLE, and so are not in the tender. Choose for each whether to "
        "include it anyway."
    ),
    "orphan_keep": "Include",
    "orphan_forget": "Forget the change",
    "unknown_requirements": (
        "These requirements are not in requirement library {version} and cannot be in the tender:"
    ),
    "remove_unknown": "Remove the unknown requirements",
    "include_help": "Include the requirement in the tender",
    "added_by_you": "added by you",
    "changed_by_you": "changed by you",
    "kind_label": "Type",
    "kind_help": "The library's type: {kind}",
    "kind_MK": "MK – mandatory",
    "kind_PK": "PK – prioritised",
    "kind_K": "K – requirement",
    "kind_O": "O – option",
    "weight_label": "Weight",
    "weight_placeholder": "1–100",
    "weight_missing": "Enter a weight",
    "guidance_heading": "Guidance for the buyer",
    "answer_hint_heading": "The vendor must describe:",
    "references": "Sources: {refs}",
    "local_badge": "local requirement",
    "local_heading": "Local requirements",
    "local_intro": (
        "Requirements for this tender only. They are numbered LOKAL-1, LOKAL-2 … and appear in "
        "the annex under the chosen area."
    ),
    "local_area": "Area",
    "local_title": "Title",
    "local_text": "Requirement text (what the vendor must meet)",
    "local_add": "Add local requirement",
    "local_weight_help": "Only for prioritised requirements (PK).",
    "local_title_missing": "Write a title.",
    "local_text_missing": "Write the requirement text.",
    "local_weight_missing": "A prioritised requirement (PK) needs a weight.",
    "local_added": "The local requirement {id} was added.",
    "local_removed": "The local requirement {id} was removed.",
    # Step 4
    "evaluation_intro": (
        "The evaluation model is published with the tender and applied exactly as published."
    ),
    "scale_label": "Point scale, maximum",
    "scale_help": "Bids get from 0 points up to this number.",
    "partial_label": "Share of the weight for “Partly met” (0–1)",
    "partial_help": "0.5 means a partly met PK earns half its weight.",
    "decimals_label": "Decimals in the score",
    "annex_label": "Annex number",
    "annex_help": "Requirements are numbered after the annex, e.g. 3.1.1.",
    "evaluation_preview_heading": "The evaluation model as the annex states it",
    "evaluation_preview_intro": (
        "The text below appears word for word in the annex (in {language}), with the weights "
        "of the prioritised requirements you chose."
    ),
    "evaluation_preview_unavailable": "The preview appears once a service area is chosen.",
    "evaluation_explained": (
        "Each prioritised requirement (PK) earns its weight for “Met”, weight × {partial} for "
        "“Partly met” and 0 otherwise. The sum is scaled to 0–{scale} and rounded to {decimals} "
        "decimals."
    ),
    # Step 5
    "fix_first": "The tender cannot be made yet:",
    "problem_title": "Enter the tender title in step 2, Tender.",
    "problem_buyer": "Enter the contracting authority in step 2, Tender.",
    "problem_category": "Choose a service area in step 3, System.",
    "orphans_not_in_tender": (
        "Requirements you changed that are no longer proposed are not included: {ids}. "
        "See step 5, Requirements."
    ),
    "tender_invalid": "The tender is not valid yet. Fix this and try again:",
    "tender_valid": (
        "The tender is valid: {count} requirements ({kinds}), total PK weight {weight}."
    ),
    "library_version": "Requirement library",
    "fingerprint": "Fingerprint",
    "requirements_total": "Requirements",
    "tender_id": "Tender id: {id}",
    "integrations_added": "Added as dependencies: {names}",
    "required_by_short": "required by {ids}",
    "zip_name": "tender-documents.zip",
    "download_zip": "Download everything as {name}",
    "download_zip_help": "tender.yaml, annex.docx, response-form.docx and response-form.xlsx.",
    "downloads_heading": "Download the files",
    "downloads_intro": (
        "tender.yaml is your work – keep it to continue later or to check bids. The annex and "
        "the response forms go out with the tender."
    ),
    "download_file": "Download {name}",
    "rendering": "Making the documents …",
    "documents_unavailable": (
        "The Word and Excel documents cannot be made in this installation yet. tender.yaml can be "
        "downloaded and used later."
    ),
    "documents_failed": (
        "The documents could not be made because of an unexpected error. tender.yaml can still be "
        "downloaded. Contact IT support if it keeps happening."
    ),
    # Step 6
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
    # Step 8: progress while reading, and the charts
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
    "finding_mandatory_failed": "Mandatory requirement not met",
    "finding_reservation": "Reservation",
    "finding_reservation_unpriced": "Reservation without a price",
    "finding_missing_answer": "Not answered",
    "finding_unknown_requirement": "Unknown requirement",
    "finding_duplicate_answer": "Answered more than once",
    "finding_invalid_answer": "Invalid answer",
    "finding_text_altered": "Requirement text altered",
    "finding_form_mismatch": "Wrong or altered response form",
    "finding_integration_missing": "Integration not covered",
    "verdict_ok": "met",
    "verdict_reservation": "reservation",
    "verdict_failed": "not met (MK)",
    "verdict_missing": "not answered",
    "verdict_invalid": "invalid",
    "verdict_not_offered": "not offered",
    # Step 6: manual point overrides and the evaluation file
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
    # Step 9: the library (read-only)
    "lib_intro": (
        "Read the requirement library as released: versions and changelog, requirements, "
        "integrations and the differences between two versions. Nothing here changes your tender."
    ),
    "lib_section_label": "Show",
    "lib_section_overview": "Overview and changelog",
    "lib_section_requirements": "Requirements",
    "lib_section_integrations": "Integrations",
    "lib_section_diff": "Differences between versions",
    "lib_version_label": "Requirement library version",
    "lib_version_help": "Looking at another version does not change the version your tender uses.",
    "lib_version_newest": "newest",
    "lib_version_tender": "your tender",
    "lib_metric_version": "Version",
    "lib_metric_active": "Active requirements",
    "lib_metric_deprecated": "Deprecated requirements",
    "lib_metric_integrations": "Integrations",
    "lib_changelog_heading": "Changelog",
    "lib_changelog_empty": "The changelog is empty.",
    "lib_search_label": "Search the requirements",
    "lib_search_placeholder": "Id, title, text, integration or SF number, e.g. SF1500",
    "lib_area": "Area",
    "lib_kind": "Type",
    "lib_all_kinds": "All types",
    "lib_integration": "Integration",
    "lib_all_integrations": "All integrations",
    "lib_status": "Status",
    "lib_status_all": "Active and deprecated",
    "lib_status_active": "active",
    "lib_status_deprecated": "deprecated",
    "lib_matches": "{shown} of {total} requirements match the search and filters",
    "lib_no_matches": "No requirements match the search and filters.",
    "lib_clear_filters": "Clear search and filters",
    "lib_col_id": "Id",
    "lib_col_kind": "Type",
    "lib_col_title": "Title",
    "lib_col_name": "Name",
    "lib_col_integration_kind": "Kind",
    "lib_col_sf": "SF numbers",
    "lib_col_depends_on": "Depends on",
    "lib_detail_label": "Show requirement",
    "lib_weight": "Weight",
    "lib_since": "Since",
    "lib_deprecated_note": "The requirement is deprecated and cannot be chosen for new tenders.",
    "lib_replaced_by": "Replaced by",
    "lib_reason": "Reason",
    "lib_guidance": "Guidance",
    "lib_answer": "The answer must describe",
    "lib_integrations": "Integrations",
    "lib_categories": "Service areas",
    "lib_categories_all": "all",
    "lib_kle": "KLE groups",
    "lib_references": "References",
    "lib_integrations_intro": (
        "The integrations of the joint municipal infrastructure, version {version}."
    ),
    "lib_descriptions_heading": "What the integrations do",
    "lib_no_sf": "no SF number",
    "lib_ikind_support": "support system",
    "lib_ikind_serviceplatform": "Serviceplatformen",
    "lib_ikind_other": "other",
    "lib_istatus_active": "active",
    "lib_istatus_retired": "retired",
    "lib_diff_intro": (
        "Compare two versions of the requirement library. The working copy is the library folder "
        "as it is now, before it is released."
    ),
    "lib_diff_old": "From version",
    "lib_diff_new": "To version",
    "lib_working_copy": "Working copy",
    "lib_working_copy_named": "the working copy ({version})",
    "lib_diff_same": "You chose the same version twice. Choose two different versions.",
    "lib_diff_heading": "Changes from {old} to {new}",
    "lib_diff_none": "No differences: the requirements are the same in {old} and {new}.",
    "lib_diff_added": "Added",
    "lib_diff_removed": "Removed",
    "lib_diff_deprecated": "Deprecated",
    "lib_diff_changed": "Changed",
    "lib_diff_before": "Before",
    "lib_diff_after": "Now",
    "lib_working_invalid": (
        "The working copy (folder {folder}) cannot be compared because it has {count} errors. Fix "
        "them in the library folder (“procure library validate” lists them too), or compare two "
        "released versions."
    ),
    "lib_working_more": "… and {count} more errors",
    "lib_working_unreadable": "The working copy cannot be read as a requirement library:",
    "lib_field_id": "Id",
    "lib_field_area": "Area",
    "lib_field_kind": "Type",
    "lib_field_weight": "Weight",
    "lib_field_title": "Title",
    "lib_field_text": "Requirement text",
    "lib_field_guidance": "Guidance",
    "lib_field_answer": "The answer must describe",
    "lib_field_integrations": "Integrations",
    "lib_field_categories": "Service areas",
    "lib_field_kle": "KLE groups",
    "lib_field_references": "References",
    "lib_field_status": "Status",
    "lib_field_since": "Since",
    "lib_field_replaced_by": "Replaced by",
    "lib_field_deprecation_reason": "Reason for deprecation",
    "lib_field_lang_da": "Danish",
    "lib_field_lang_en": "English",
}

TEXTS = {"da": DA, "en": EN}


def tr(lang: str, key: str, **values: object) -> str:
    """The text for `key` in `lang` (Danish if missing there), with `{name}` values filled in."""
    text = TEXTS.get(lang, DA).get(key) or DA.get(key) or key
    return text.format(**values) if values else text
