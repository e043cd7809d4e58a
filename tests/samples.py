"""Sample tenders built from the shipped library, shared by document and response tests."""

from __future__ import annotations

import dataclasses
from functools import cache

from procure.library import load_release
from procure.tender import CustomRequirement, SelectedRequirement, propose_tender, resolve_tender
from procure.tender.model import Tender
from procure.tender.spec import TenderSpec
from tests.conftest import SHIPPED_LIBRARY

TRICKY_TEXT = "Pris & vilkår <skal> \"angives\" 'klart' {{ ikke_jinja }} {% if x %}nej{% endif %}"
SAMPLE_ID = "0b7c6f3e-2a41-4d8e-9a57-1f3c2d4e5a60"


@cache
def shipped_release():
    return load_release("1.0.0", SHIPPED_LIBRARY)


def sample_tender(language: str = "da") -> Tender:
    """An ESDH tender (Y65) with the proposed requirements, one overridden to PK with a weight,
    and two local requirements, one of them full of characters that break naive templates."""
    library = shipped_release()
    tender = propose_tender(
        library,
        title="Anskaffelse af ESDH-system & sagsstyring",
        buyer="Eksempel Kommune",
        cvr="12345678",
        category="Y65",
        integrations=["organisation", "sags-og-dokumentindeks", "digital-post"],
        language=language,
        case_number="2026-004711",
        date="2026-11-26",
        tender_id=SAMPLE_ID,
    )
    requirements = list(tender.requirements)
    requirements[0] = SelectedRequirement(requirements[0].id, kind="PK", weight=7)
    custom = (
        CustomRequirement("LOKAL-1", "drift", "Lokal driftsaftale", TRICKY_TEXT, "K"),
        CustomRequirement("LOKAL-2", "sikkerhed", "Lokal logning", "Systemet skal logge.", "PK", 3),
    )
    return dataclasses.replace(tender, requirements=tuple(requirements), custom_requirements=custom)


def sample_spec(language: str = "da") -> TenderSpec:
    return resolve_tender(sample_tender(language), shipped_release())


def answer_file(
    tender: Tender | TenderSpec,
    vendor: str = "Leverandør A",
    answers: dict[str, str] | None = None,
    also: tuple[dict, ...] = (),
) -> bytes:
    """A vendor's machine answer file (procure-answers/1) for `tender`: every requirement
    "Opfyldt" unless `answers` says otherwise, then the rows in `also` (e.g. a duplicate)."""
    import yaml

    tender_id = tender.tender.id if isinstance(tender, TenderSpec) else tender.id
    answers = answers or {}
    document = {
        "format": "procure-answers/1",
        "tender_id": tender_id,
        "vendor": {"name": vendor},
        "answers": [
            {"id": r.id, "answer": answers.get(r.id, "Opfyldt")} for r in tender.requirements
        ]
        + list(also),
    }
    return yaml.safe_dump(document, allow_unicode=True).encode()
