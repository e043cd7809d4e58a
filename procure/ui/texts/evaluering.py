"""Texts of step 6, "Evaluering" (procure/ui/pages/evaluering.py): the evaluation model."""

from __future__ import annotations

DA = {
    "evaluation_intro": (
        "Evalueringsmodellen offentliggøres i udbuddet og anvendes præcis som offentliggjort."
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
    "evaluation_preview_unavailable": "Forhåndsvisningen vises, når ydelsesområdet er valgt.",
    "evaluation_explained": (
        "Hvert prioriteret krav (PK) giver sin vægt for »Opfyldt«, vægten × {partial} for "
        "»Delvist opfyldt« og 0 ellers. Summen omregnes til skalaen 0–{scale} og afrundes til "
        "{decimals} decimaler."
    ),
}

EN = {
    "evaluation_intro": (
        "The evaluation model is published with the tender and applied exactly as published."
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
    "evaluation_preview_unavailable": "The preview appears once a service area is chosen.",
    "evaluation_explained": (
        "Each prioritised requirement (PK) earns its weight for “Met”, weight × {partial} for "
        "“Partly met” and 0 otherwise. The sum is scaled to 0–{scale} and rounded to {decimals} "
        "decimals."
    ),
}
