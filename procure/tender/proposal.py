"""Propose a tender from what the officer says about the purchase."""

from __future__ import annotations

import datetime as dt
import uuid

from procure.errors import ProcureError
from procure.library.model import Library, unknown_id_message
from procure.tender.model import Buyer, SelectedRequirement, Tender


def propose_tender(
    library: Library,
    *,
    title: str,
    buyer: str,
    category: str,
    integrations: list[str] | None = None,
    kle: list[str] | None = None,
    language: str = "da",
    cvr: str | None = None,
    case_number: str = "",
    date: str | None = None,
    tender_id: str | None = None,
) -> Tender:
    """A first tender: the library's advice for the category, ready for the officer to adjust.

    Integrations default to the category's recommended ones and KLE to its recommended
    hovedgrupper. Proposed requirements: every active requirement that applies to the category
    and either is linked to no integration or to one in the integration closure; a requirement
    limited to KLE groups is proposed only if it shares one with the tender.
    """
    if category not in library.categories_by_code:
        raise ProcureError(unknown_id_message("kategori", category, library.categories_by_code))
    cat = library.categories_by_code[category]
    chosen = list(cat.recommended_integrations if integrations is None else integrations)
    for integration_id in chosen:
        if integration_id not in library.integrations_by_id:
            raise ProcureError(
                unknown_id_message("integration", integration_id, library.integrations_by_id)
            )
    groups = list(cat.recommended_kle if kle is None else kle)
    for group in groups:
        if group not in library.kle_by_number:
            raise ProcureError(unknown_id_message("KLE-hovedgruppe", group, library.kle_by_number))
    closure = set(library.integration_closure(chosen))
    selected = [
        SelectedRequirement(r.id)
        for r in proposed_requirements(library, category, closure, set(groups))
    ]
    return Tender(
        id=tender_id or str(uuid.uuid4()),
        title=title,
        buyer=Buyer(buyer, cvr),
        case_number=case_number,
        date=date or dt.date.today().isoformat(),
        language=language,
        library_version=library.version,
        category=category,
        kle=tuple(groups),
        integrations=tuple(i.id for i in library.integrations if i.id in set(chosen)),
        requirements=tuple(selected),
    )


def proposed_requirements(library: Library, category: str, closure: set[str], kle: set[str]):
    for r in library.active_requirements:
        if not r.applies_to_category(category):
            continue
        if r.integrations and not closure.intersection(r.integrations):
            continue
        if r.kle and kle and not kle.intersection(r.kle):
            continue
        yield r
