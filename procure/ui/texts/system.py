"""Texts of step 3, "System" (procure/ui/pages/system.py): the kind of system and its KLE
groups."""

from __future__ import annotations

DA = {
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
    "category_label": "Ydelsesområde (SKI 02.19)",
    "category_placeholder": "Vælg ydelsesområde",
    "category_help": "Bestemmer bibliotekets anbefalede integrationer, KLE-grupper og krav.",
    "category_changed": (
        "Ydelsesområdet er nu {code}. Integrationer og KLE følger bibliotekets anbefaling for "
        "{code}; dine ændringer af krav er bevaret."
    ),
    "category_changed_custom": (
        "Ydelsesområdet er nu {code}. Du har selv tilpasset integrationer eller KLE; de er "
        "bevaret. Se bibliotekets anbefaling for {code} i trin 4."
    ),
    "kle_heading": "KLE-hovedgrupper",
    "kle_label": "KLE-hovedgrupper systemet dækker",
    "kle_placeholder": "Vælg KLE-hovedgrupper",
    "kle_help": "Krav, der kun gælder bestemte KLE-grupper, foreslås kun, når en af dem er valgt.",
    "unknown_kle": "{number} (ukendt KLE-gruppe)",
}

EN = {
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
    "category_label": "Service area (SKI 02.19)",
    "category_placeholder": "Choose a service area",
    "category_help": "Decides the library's recommended integrations, KLE groups and requirements.",
    "category_changed": (
        "The service area is now {code}. Integrations and KLE follow the library's "
        "recommendation for {code}; your changes to requirements are kept."
    ),
    "category_changed_custom": (
        "The service area is now {code}. You adjusted integrations or KLE yourself; they are "
        "kept. See the library's recommendation for {code} in step 4."
    ),
    "kle_heading": "KLE main groups",
    "kle_label": "KLE main groups the system covers",
    "kle_placeholder": "Choose KLE main groups",
    "kle_help": "Requirements limited to certain KLE groups are proposed only if one is chosen.",
    "unknown_kle": "{number} (unknown KLE group)",
}
