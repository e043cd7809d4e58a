"""Texts of step 4, "Integrationer" (procure/ui/pages/integrationer.py)."""

from __future__ import annotations

DA = {
    "advice_heading": "**Bibliotekets anbefaling – tilpas efter behov**",
    "advice_text": (
        "Integrationerne er foreslået ud fra ydelsesområdet {category}. "
        "Fjern dem, systemet ikke skal bruge, og tilføj dem, der mangler."
    ),
    "integrations_heading": "Integrationer i den fælleskommunale infrastruktur",
    "integrations_label": "Integrationer systemet skal bruge",
    "integrations_placeholder": "Vælg integrationer",
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
}

EN = {
    "advice_heading": "**The library's recommendation – adjust as needed**",
    "advice_text": (
        "The integrations are proposed from the service area {category}. Remove those the "
        "system will not use and add those that are missing."
    ),
    "integrations_heading": "Integrations in the joint municipal infrastructure",
    "integrations_label": "Integrations the system must use",
    "integrations_placeholder": "Choose integrations",
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
}
