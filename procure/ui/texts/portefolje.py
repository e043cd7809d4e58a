"""Texts of step 10, Portefølje (procure/ui/pages/portefolje/), of the system form it shares with
the Tilbud step (procure/ui/system_form.py: "register the winning bid") and of
procure/ui/portfolio.py."""

from __future__ import annotations

DA = {
    "pf_intro": (
        "Kommunens systemer og de fælleskommunale integrationer, de bruger: hvem rammes, når "
        "en komponent er nede, og hvor mangler FKI endnu. Porteføljen ligger i en database, "
        "ikke i udbuddet; en ændring gemmes med det samme og ses i andre faner ved næste "
        "opdatering."
    ),
    "pf_source": "{count} systemer i brug · kravbibliotek {version} · database {database}",
    "pf_section_label": "Afsnit",
    "pf_section_systems": "Systemer",
    "pf_section_edit": "Tilføj eller ret",
    "pf_section_import": "Importér",
    "pf_section_impact": "Nedbrud",
    "pf_section_coverage": "Dækning",
    # Systems (pages/portefolje/systems.py)
    "pf_empty": (
        "Porteføljen er tom. Tilføj et system under “Tilføj eller ret”, importér en liste "
        "under “Importér”, eller registrér det vindende tilbud i trin 8, Tilbud."
    ),
    "pf_filter_area": "Fagområde",
    "pf_filter_integration": "Integration",
    "pf_all": "Alle",
    "pf_show_removed": "Vis også systemer taget ud af brug",
    "pf_count": "Viser {shown} af {total} systemer i brug. Klik på en kolonne for at sortere.",
    "pf_show_system": "Vis et system med historik",
    "pf_choose_system": "Vælg et system …",
    "pf_removed_on": "Taget ud af brug {date}. Historikken er bevaret.",
    "pf_contract": "Kontrakt",
    "pf_tender": "Udbud",
    "pf_library": "Kravbibliotek",
    "pf_roles": "Brugersystemroller",
    "pf_history": "Historik",
    "pf_edit": "Ret",
    "pf_remove": "Tag ud af brug",
    "pf_remove_confirm": (
        "Tag '{name}' ud af brug? Systemet forsvinder fra porteføljen, fra nedbrud og dækning; "
        "dets historik bevares, og navnet kan bruges igen."
    ),
    "pf_remove_yes": "Ja, tag ud af brug",
    "pf_removed": "'{name}' er taget ud af brug; historikken er bevaret.",
    "pf_action_add": "tilføjet",
    "pf_action_edit": "rettet",
    "pf_action_remove": "taget ud af brug",
    "pf_action_import": "importeret",
    "pf_action_register": "registreret fra udbud",
    # Columns
    "pf_col_name": "System",
    "pf_col_vendor": "Leverandør",
    "pf_col_business_area": "Fagområde",
    "pf_col_criticality": "Kritikalitet",
    "pf_col_owner": "Systemejer",
    "pf_col_channel": "Kontaktkanal",
    "pf_col_integrations": "Integrationer",
    "pf_col_category": "Kategori",
    "pf_col_contract_end": "Kontraktudløb",
    "pf_col_removed": "Taget ud af brug",
    "pf_col_via": "Berørt via",
    "pf_col_missing": "Mangler (anbefalet for kategorien)",
    "pf_col_at": "Tidspunkt (UTC)",
    "pf_col_actor": "Hvem",
    "pf_col_action": "Handling",
    "pf_col_field": "Felt",
    "pf_col_old": "Før",
    "pf_col_new": "Efter",
    "pf_col_line": "Linje",
    "pf_col_problem": "Fejl",
    "pf_criticality_høj": "høj",
    "pf_criticality_middel": "middel",
    "pf_criticality_lav": "lav",
    # The system form (system_form.py, pages/portefolje/edit.py)
    "pf_edit_choice": "Nyt system, eller et system der skal rettes",
    "pf_new_system": "Nyt system",
    "pf_edit_gone": (
        "Systemet '{name}' findes ikke længere i porteføljen (taget ud af brug eller omdøbt i "
        "en anden fane). Det, du har skrevet, kan gemmes som et nyt system."
    ),
    "pf_field_name": "Systemets navn",
    "pf_field_vendor": "Leverandør",
    "pf_field_cvr": "Leverandørens CVR-nummer (valgfrit)",
    "pf_field_business_area": "Fagområde",
    "pf_field_business_area_help": "Fag- eller forretningsområdet, der bruger systemet.",
    "pf_field_owner": "Systemejer",
    "pf_field_owner_help": "Navn og e-mail, fx Ane Hansen <ane@kommune.dk>.",
    "pf_field_criticality": "Forretningskritikalitet",
    "pf_field_channel": "Kontaktkanal ved nedbrud",
    "pf_field_channel_help": (
        "Hvordan fagområdet nås, fx en Teams-kanal, en postkasse eller et nummer."
    ),
    "pf_field_integrations": "FKI-integrationer systemet bruger",
    "pf_field_integrations_help": (
        "Integrationerne fra kravbibliotekets katalog; et system uden integrationer er tilladt "
        "og vises under Dækning."
    ),
    "pf_integrations_placeholder": "Vælg integrationer",
    "pf_unknown_integration": "{id} (ukendt i kataloget)",
    "pf_field_category": "Ydelsesområde (SKI 02.19, valgfrit)",
    "pf_no_category": "Intet ydelsesområde",
    "pf_field_kle": "KLE-hovedgrupper",
    "pf_kle_placeholder": "Vælg KLE-hovedgrupper",
    "pf_field_contract_start": "Kontraktstart",
    "pf_field_contract_end": "Kontraktudløb",
    "pf_field_roles": "Brugersystemroller (valgfrit)",
    "pf_field_roles_help": "Én rolle pr. linje: id|navn|beskrivelse (beskrivelsen kan udelades).",
    "pf_field_notes": "Noter",
    "pf_field_kitos_uuid": "KITOS-uuid (valgfrit)",
    "pf_add": "Tilføj system",
    "pf_save_changes": "Gem ændringer",
    "pf_not_saved": "Systemet er ikke gemt – ret dette, og prøv igen:",
    "pf_vendor_missing": "leverandør mangler",
    "pf_duplicate": (
        "der findes allerede et system med navnet '{name}'; vælg et andet navn, eller ret det "
        "eksisterende (vælg det øverst i formularen)"
    ),
    "pf_added": "'{name}' er tilføjet porteføljen.",
    "pf_saved": "'{name}' er gemt; ændret: {fields}.",
    "pf_unchanged": "'{name}': ingen ændringer.",
    # Import (pages/portefolje/imports.py)
    "pf_import_intro": (
        "En CSV- eller Excel-fil med én række pr. system og kolonnerne navn, leverandør, "
        "integrationer, fagområde, systemejer og kritikalitet (se README), eller en eksport fra "
        "KITOS (API v2, JSON). Filen kontrolleres først uden at gemme noget; derefter importeres "
        "alle rækker eller ingen. Højst {limit} MB."
    ),
    "pf_import_label": "Importfil",
    "pf_import_help": "CSV (semikolon eller komma), .xlsx eller KITOS' JSON.",
    "pf_import_checked": (
        "Filen er kontrolleret, og intet er gemt endnu: {added} nye, {updated} ændrede, "
        "{unchanged} uændrede systemer."
    ),
    "pf_import_now": "Importér ({count} ændringer)",
    "pf_import_fix": (
        "Intet er importeret. Ret rækkerne i filen, og upload den igen; en fil importeres kun, "
        "når alle rækker er i orden."
    ),
    "pf_import_element": "system nr. {number}",
    "pf_imported": "{name} er importeret: {added} nye, {updated} ændrede, {unchanged} uændrede.",
    # Impact (pages/portefolje/impact.py)
    "pf_impact_intro": (
        "Skriv eller vælg den komponent, der er nede. Et system rammes, når det bruger "
        "komponenten eller en integration, der afhænger af den."
    ),
    "pf_component": "Komponent der er nede",
    "pf_component_placeholder": "fx organisation, SF1461, beskedfordeler",
    "pf_component_help": "Katalog-id, SF-nummer, navn eller et kendt alias (fx STS Organisation).",
    "pf_component_pick": "… eller vælg fra kataloget",
    "pf_impact_none": "Ingen systemer i porteføljen rammes, når {component} er nede.",
    "pf_impact_heading": "{component} er nede: {systems} systemer i {areas} fagområder rammes",
    "pf_no_area": "Intet fagområde angivet",
    "pf_via_direct": "direkte",
    "pf_graph_heading": "Sådan rammes systemerne",
    "pf_graph_caption": (
        "Systemer → de integrationer, de bruger → komponenten der er nede. Høj kritikalitet "
        "har en tyk ramme."
    ),
    "pf_graph_by_area": "Over {limit} systemer vises fagområderne med antal systemer.",
    "pf_graph_down": "{name}\nNEDE",
    "pf_graph_systems": "{count} systemer",
    "pf_notice_download": "Hent meddelelse til fagområderne (notice.docx)",
    "pf_notice_help": "Et udkast i Word: hvad er nede, hvilke systemer og opgaver, hvem kontaktes.",
    # Coverage (pages/portefolje/coverage.py)
    "pf_coverage_intro": (
        "Hvor bruges FKI, og hvor mangler den: for hvert system med et ydelsesområde de "
        "integrationer, biblioteket anbefaler for området, men som systemet ikke bruger."
    ),
    "pf_metric_systems": "Systemer",
    "pf_metric_gaps": "Med mangler",
    "pf_metric_expiring": "Udløber inden {months} mdr.",
    "pf_heatmap_heading": "Systemer og integrationer",
    "pf_heatmap_caption": (
        "● bruger integrationen · ○ bruger den gennem en anden integration · ✕ mangler "
        "(anbefalet for systemets ydelsesområde)."
    ),
    "pf_heatmap_gaps_only": "Kun systemer med mangler",
    "pf_heatmap_capped": "Viser de første {shown} af {matched} systemer; vælg et fagområde.",
    "pf_heatmap_empty": "Ingen af de valgte systemer bruger eller mangler en integration.",
    "pf_chart_system": "System",
    "pf_chart_integration": "Integration",
    "pf_chart_id": "Katalog-id",
    "pf_chart_state": "Status",
    "pf_heatmap_description": (
        "Diagram over {systems} systemer og {integrations} integrationer: for hver kombination "
        "om systemet bruger integrationen (●), bruger den indirekte (○) eller mangler den (✕). "
        "De samme oplysninger står i tabellen under diagrammet."
    ),
    "pf_cell_used": "Bruges",
    "pf_cell_implied": "Bruges indirekte",
    "pf_cell_missing": "Mangler",
    "pf_gaps_heading": "Mangler pr. ydelsesområde",
    "pf_gaps_caption": (
        "Integrationer biblioteket anbefaler for kategorien, som systemet ikke bruger."
    ),
    "pf_gaps_none": "Ingen systemer mangler en anbefalet integration.",
    "pf_expiring_heading": "Kontrakter der udløber",
    "pf_months": "Inden for så mange måneder",
    "pf_expiring_none": "Ingen kontrakter udløber inden for {months} måneder.",
    # The Tilbud step: register the winning bid (system_form.py)
    "reg_heading": "Registrér det vindende tilbud i porteføljen",
    "reg_intro": (
        "Når kontrakten er indgået, bliver det vindende tilbud et system i kommunens "
        "portefølje: med udbuddets integrationer undtagen dem, tilbuddet ikke opfylder, og "
        "leverandøren fra tilbuddet."
    ),
    "reg_bid": "Det vindende tilbud",
    "reg_integrations": "Integrationer der registreres: {names}",
    "reg_not_met": "Registreres ikke, fordi tilbuddet ikke opfylder dem: {names}",
    "reg_not_compliant": "Bemærk: tilbuddet er ikke konditionsmæssigt ifølge kontrollen.",
    "reg_submit": "Registrér i porteføljen",
    "reg_done": "'{name}' er registreret i porteføljen med integrationerne {integrations}.",
}

EN = {
    "pf_intro": (
        "The municipality's systems and the joint integrations they use: who is hit when a "
        "component is down, and where FKI is still missing. The portfolio lives in a database, "
        "not in the tender; a change is saved at once and shows in other tabs on their next "
        "refresh."
    ),
    "pf_source": "{count} systems in use · requirement library {version} · database {database}",
    "pf_section_label": "Section",
    "pf_section_systems": "Systems",
    "pf_section_edit": "Add or edit",
    "pf_section_import": "Import",
    "pf_section_impact": "Outage",
    "pf_section_coverage": "Coverage",
    "pf_empty": (
        "The portfolio is empty. Add a system under “Add or edit”, import a list under "
        "“Import”, or register the winning bid in step 8, Bids."
    ),
    "pf_filter_area": "Business area",
    "pf_filter_integration": "Integration",
    "pf_all": "All",
    "pf_show_removed": "Also show systems taken out of use",
    "pf_count": "Showing {shown} of {total} systems in use. Click a column to sort.",
    "pf_show_system": "Show a system with its history",
    "pf_choose_system": "Choose a system …",
    "pf_removed_on": "Taken out of use on {date}. Its history is kept.",
    "pf_contract": "Contract",
    "pf_tender": "Tender",
    "pf_library": "Requirement library",
    "pf_roles": "User system roles",
    "pf_history": "History",
    "pf_edit": "Edit",
    "pf_remove": "Take out of use",
    "pf_remove_confirm": (
        "Take '{name}' out of use? The system leaves the portfolio, outages and coverage; its "
        "history is kept, and its name can be used again."
    ),
    "pf_remove_yes": "Yes, take it out of use",
    "pf_removed": "'{name}' is taken out of use; its history is kept.",
    "pf_action_add": "added",
    "pf_action_edit": "edited",
    "pf_action_remove": "taken out of use",
    "pf_action_import": "imported",
    "pf_action_register": "registered from a tender",
    "pf_col_name": "System",
    "pf_col_vendor": "Vendor",
    "pf_col_business_area": "Business area",
    "pf_col_criticality": "Criticality",
    "pf_col_owner": "System owner",
    "pf_col_channel": "Contact channel",
    "pf_col_integrations": "Integrations",
    "pf_col_category": "Category",
    "pf_col_contract_end": "Contract end",
    "pf_col_removed": "Taken out of use",
    "pf_col_via": "Affected via",
    "pf_col_missing": "Missing (recommended for the category)",
    "pf_col_at": "Time (UTC)",
    "pf_col_actor": "Who",
    "pf_col_action": "Action",
    "pf_col_field": "Field",
    "pf_col_old": "Before",
    "pf_col_new": "After",
    "pf_col_line": "Line",
    "pf_col_problem": "Problem",
    "pf_criticality_høj": "high",
    "pf_criticality_middel": "medium",
    "pf_criticality_lav": "low",
    "pf_edit_choice": "New system, or a system to edit",
    "pf_new_system": "New system",
    "pf_edit_gone": (
        "The system '{name}' is no longer in the portfolio (taken out of use or renamed in "
        "another tab). What you typed can be saved as a new system."
    ),
    "pf_field_name": "System name",
    "pf_field_vendor": "Vendor",
    "pf_field_cvr": "Vendor's CVR number (optional)",
    "pf_field_business_area": "Business area",
    "pf_field_business_area_help": "The business area that uses the system.",
    "pf_field_owner": "System owner",
    "pf_field_owner_help": "Name and e-mail, e.g. Ane Hansen <ane@kommune.dk>.",
    "pf_field_criticality": "Business criticality",
    "pf_field_channel": "Contact channel in an outage",
    "pf_field_channel_help": "How to reach the business area, e.g. a Teams channel, a mailbox.",
    "pf_field_integrations": "FKI integrations the system uses",
    "pf_field_integrations_help": (
        "The integrations of the requirement library's catalogue; a system without any is "
        "allowed and shows under Coverage."
    ),
    "pf_integrations_placeholder": "Choose integrations",
    "pf_unknown_integration": "{id} (not in the catalogue)",
    "pf_field_category": "Service area (SKI 02.19, optional)",
    "pf_no_category": "No service area",
    "pf_field_kle": "KLE main groups",
    "pf_kle_placeholder": "Choose KLE main groups",
    "pf_field_contract_start": "Contract start",
    "pf_field_contract_end": "Contract end",
    "pf_field_roles": "User system roles (optional)",
    "pf_field_roles_help": (
        "One role a line: id|name|description (the description may be left out)."
    ),
    "pf_field_notes": "Notes",
    "pf_field_kitos_uuid": "KITOS uuid (optional)",
    "pf_add": "Add system",
    "pf_save_changes": "Save changes",
    "pf_not_saved": "The system is not saved – correct this and try again:",
    "pf_vendor_missing": "the vendor is missing",
    "pf_duplicate": (
        "a system named '{name}' already exists; choose another name, or edit the existing "
        "one (choose it at the top of the form)"
    ),
    "pf_added": "'{name}' is added to the portfolio.",
    "pf_saved": "'{name}' is saved; changed: {fields}.",
    "pf_unchanged": "'{name}': no changes.",
    "pf_import_intro": (
        "A CSV or Excel file with one row a system and the columns navn, leverandør, "
        "integrationer, fagområde, systemejer and kritikalitet (see the README), or an export "
        "from KITOS (API v2, JSON). The file is checked first without saving anything; then "
        "all rows are imported, or none. At most {limit} MB."
    ),
    "pf_import_label": "Import file",
    "pf_import_help": "CSV (semicolons or commas), .xlsx or KITOS' JSON.",
    "pf_import_checked": (
        "The file is checked and nothing is saved yet: {added} new, {updated} changed, "
        "{unchanged} unchanged systems."
    ),
    "pf_import_now": "Import ({count} changes)",
    "pf_import_fix": (
        "Nothing is imported. Correct the rows in the file and upload it again; a file is "
        "imported only when every row is right."
    ),
    "pf_import_element": "system no. {number}",
    "pf_imported": "{name} is imported: {added} new, {updated} changed, {unchanged} unchanged.",
    "pf_impact_intro": (
        "Type or choose the component that is down. A system is hit when it uses the component "
        "or an integration that depends on it."
    ),
    "pf_component": "Component that is down",
    "pf_component_placeholder": "e.g. organisation, SF1461, beskedfordeler",
    "pf_component_help": "Catalogue id, SF number, name or a known alias (e.g. STS Organisation).",
    "pf_component_pick": "… or choose from the catalogue",
    "pf_impact_none": "No system in the portfolio is hit when {component} is down.",
    "pf_impact_heading": "{component} is down: {systems} systems in {areas} business areas hit",
    "pf_no_area": "No business area given",
    "pf_via_direct": "directly",
    "pf_graph_heading": "How the systems are hit",
    "pf_graph_caption": (
        "Systems → the integrations they use → the component that is down. High criticality "
        "has a thick border."
    ),
    "pf_graph_by_area": "Above {limit} systems the business areas are shown with their count.",
    "pf_graph_down": "{name}\nDOWN",
    "pf_graph_systems": "{count} systems",
    "pf_notice_download": "Download the notice to the business areas (notice.docx)",
    "pf_notice_help": "A Word draft: what is down, which systems and tasks, whom to contact.",
    "pf_coverage_intro": (
        "Where FKI is used and where it is missing: for each system with a service area, the "
        "integrations the library recommends for that area that the system does not use."
    ),
    "pf_metric_systems": "Systems",
    "pf_metric_gaps": "With gaps",
    "pf_metric_expiring": "Ending within {months} months",
    "pf_heatmap_heading": "Systems and integrations",
    "pf_heatmap_caption": (
        "● uses the integration · ○ uses it through another integration · ✕ missing "
        "(recommended for the system's service area)."
    ),
    "pf_heatmap_gaps_only": "Only systems with gaps",
    "pf_heatmap_capped": "Showing the first {shown} of {matched} systems; choose a business area.",
    "pf_heatmap_empty": "None of the chosen systems uses or lacks an integration.",
    "pf_chart_system": "System",
    "pf_chart_integration": "Integration",
    "pf_chart_id": "Catalogue id",
    "pf_chart_state": "Status",
    "pf_heatmap_description": (
        "Chart of {systems} systems and {integrations} integrations: for each pair whether the "
        "system uses the integration (●), uses it indirectly (○) or lacks it (✕). The same data "
        "is in the table under the chart."
    ),
    "pf_cell_used": "Used",
    "pf_cell_implied": "Used indirectly",
    "pf_cell_missing": "Missing",
    "pf_gaps_heading": "Gaps per service area",
    "pf_gaps_caption": (
        "Integrations the library recommends for the category that the system does not use."
    ),
    "pf_gaps_none": "No system lacks a recommended integration.",
    "pf_expiring_heading": "Contracts that end",
    "pf_months": "Within this many months",
    "pf_expiring_none": "No contract ends within {months} months.",
    "reg_heading": "Register the winning bid in the portfolio",
    "reg_intro": (
        "Once the contract is signed, the winning bid becomes a system in the municipality's "
        "portfolio: with the tender's integrations except those the bid does not meet, and the "
        "vendor from the bid."
    ),
    "reg_bid": "The winning bid",
    "reg_integrations": "Integrations registered: {names}",
    "reg_not_met": "Not registered, because the bid does not meet them: {names}",
    "reg_not_compliant": "Note: the bid is not compliant according to the check.",
    "reg_submit": "Register in the portfolio",
    "reg_done": "'{name}' is registered in the portfolio with the integrations {integrations}.",
}
