"""Texts of step 5, "Krav" (procure/ui/pages/krav/): the proposal, its cards, filters and
warnings, and the officer's own requirements."""

from __future__ import annotations

DA = {
    "proposal_changed": (
        "Forslaget er opdateret efter dine ændringer i trin 3–4: {new} nye krav, {gone} krav "
        "foreslås ikke længere. Dine {changes} ændringer af enkelte krav er bevaret."
    ),
    "total_requirements": "Krav i alt",
    "kind_plural_MK": "Mindstekrav (MK)",
    "kind_plural_PK": "Prioriterede (PK)",
    "kind_plural_K": "Krav (K)",
    "kind_plural_O": "Optioner (O)",
    "area_filter_label": "Vis område",
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
    "lint_facts_heading": "{count} oplysninger i biblioteket er ikke verificeret",
    "lint_facts_intro": (
        "Det er ikke dine valg: biblioteket har ikke kunnet bekræfte disse oplysninger om "
        "integrationerne. De står ikke i udbudsmaterialet; kontrollér dem, før du offentliggør."
    ),
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
    "weight_label": "Vægt",
    "weight_placeholder": "1–100",
    "weight_missing": "Angiv en vægt",
    "guidance_heading": "Vejledning til indkøber",
    "answer_hint_heading": "Leverandøren skal beskrive:",
    "references": "Kilder: {refs}",
    "local_badge": "lokalt krav",
    "local_heading": "Nyt lokalt krav",
    "local_intro": (
        "Krav, som kun gælder dette udbud. De får numre LOKAL-1, LOKAL-2 … og står i bilaget "
        "under »Lokale krav«, eller under et af bibliotekets områder, hvis du vælger det. Du kan "
        "rette dem bagefter under »Ret kravet«."
    ),
    "local_area": "Område",
    "local_area_help": "»Lokale krav« står sidst i bilaget, efter bibliotekets områder.",
    "local_edit": "Ret kravet",
    "local_guidance": "Din vejledning (valgfri)",
    "local_guidance_help": (
        "Fx hvorfor kravet er med, og hvad du ser efter i besvarelserne. Står kun i "
        "tender.yaml og her, ikke i udbudsmaterialet."
    ),
    "local_guidance_shown": "Vejledning: {text}",
    "local_title": "Titel",
    "local_text": "Kravtekst (det leverandøren skal opfylde)",
    "local_add": "Tilføj lokalt krav",
    "local_weight_help": "Kun for prioriterede krav (PK).",
    "local_title_missing": "Skriv en titel.",
    "local_text_missing": "Skriv kravteksten.",
    "local_weight_missing": "Et prioriteret krav (PK) skal have en vægt.",
    "local_added": "Det lokale krav {id} er tilføjet.",
    "local_removed": "Det lokale krav {id} er fjernet.",
}

EN = {
    "proposal_changed": (
        "The proposal was updated after your changes in steps 3–4: {new} new requirements, "
        "{gone} no longer proposed. Your {changes} changes to single requirements are kept."
    ),
    "total_requirements": "Requirements",
    "kind_plural_MK": "Mandatory (MK)",
    "kind_plural_PK": "Prioritised (PK)",
    "kind_plural_K": "Requirements (K)",
    "kind_plural_O": "Options (O)",
    "area_filter_label": "Show area",
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
    "lint_facts_heading": "Facts in the library that are not verified: {count}",
    "lint_facts_intro": (
        "These are not your choices: the library could not confirm these facts about the "
        "integrations. The tender documents leave them out; check them before you publish."
    ),
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
    "weight_label": "Weight",
    "weight_placeholder": "1–100",
    "weight_missing": "Enter a weight",
    "guidance_heading": "Guidance for the buyer",
    "answer_hint_heading": "The vendor must describe:",
    "references": "Sources: {refs}",
    "local_badge": "local requirement",
    "local_heading": "New local requirement",
    "local_intro": (
        "Requirements for this tender only. They are numbered LOKAL-1, LOKAL-2 … and appear in "
        "the annex under “Local requirements”, or under one of the library's areas if you "
        "choose one. You can change them later under “Edit the requirement”."
    ),
    "local_area": "Area",
    "local_area_help": "“Local requirements” come last in the annex, after the library's areas.",
    "local_edit": "Edit the requirement",
    "local_guidance": "Your guidance (optional)",
    "local_guidance_help": (
        "E.g. why the requirement is there and what to look for in the responses. Only in "
        "tender.yaml and here, never in the tender documents."
    ),
    "local_guidance_shown": "Guidance: {text}",
    "local_title": "Title",
    "local_text": "Requirement text (what the vendor must meet)",
    "local_add": "Add local requirement",
    "local_weight_help": "Only for prioritised requirements (PK).",
    "local_title_missing": "Write a title.",
    "local_text_missing": "Write the requirement text.",
    "local_weight_missing": "A prioritised requirement (PK) needs a weight.",
    "local_added": "The local requirement {id} was added.",
    "local_removed": "The local requirement {id} was removed.",
}
