"""Resolve a tender against its library release into a TenderSpec."""

from __future__ import annotations

from procure.errors import ProcureError
from procure.i18n import t
from procure.library.model import Library, unknown_id_message
from procure.tender.model import LOCAL_AREA, LOCAL_AREA_TITLE, Tender
from procure.tender.spec import (
    SpecArea,
    SpecIntegration,
    SpecRequirement,
    TenderSpec,
    fingerprint,
    form_stamp,
)


def resolve_tender(tender: Tender, library: Library) -> TenderSpec:
    """Number, stamp and group the tender's requirements; compute the integration closure.

    Raises ProcureError for an id the library does not know, a custom requirement in an
    unknown area, or a PK without a weight.
    """
    if library.version != tender.library_version:
        raise ProcureError(
            t(
                "udbuddet er låst til kravbibliotek {pinned}, men version {loaded} blev indlæst",
                pinned=tender.library_version,
                loaded=library.version,
            )
        )
    lang = tender.language
    by_area: dict[str, list[SpecRequirement]] = {key: [] for key in area_keys(library)}
    for selected in tender.requirements:
        if selected.id not in library.requirements_by_id:
            raise ProcureError(
                t(
                    "{message} i kravbibliotek {version}",
                    message=unknown_id_message("krav", selected.id, library.requirements_by_id),
                    version=library.version,
                )
            )
        req = library.requirements_by_id[selected.id]
        kind = selected.kind or req.kind
        weight = _effective_weight(selected.id, kind, selected.weight, req.weight)
        title, text = req.title.get(lang), req.text.get(lang)
        by_area[req.area].append(
            SpecRequirement(
                number="",
                id=req.id,
                area=req.area,
                kind=kind,
                weight=weight,
                title=title,
                text=text,
                answer_hint=req.answer.get(lang),
                integrations=req.integrations,
                custom=False,
                stamp=form_stamp(req.id, kind, weight, title, text),
            )
        )
    for custom in tender.custom_requirements:
        if custom.area not in by_area:
            raise ProcureError(
                t(
                    "det lokale krav {id} har det ukendte område '{area}'; områder: {areas}",
                    id=custom.id,
                    area=custom.area,
                    areas=", ".join(by_area),
                )
            )
        weight = _effective_weight(custom.id, custom.kind, custom.weight, None)
        by_area[custom.area].append(
            SpecRequirement(
                number="",
                id=custom.id,
                area=custom.area,
                kind=custom.kind,
                weight=weight,
                title=custom.title,
                text=custom.text,
                answer_hint="",
                integrations=(),
                custom=True,
                stamp=form_stamp(custom.id, custom.kind, weight, custom.title, custom.text),
            )
        )
    areas = []
    area_no = 0
    for key, items in by_area.items():
        if not items:
            continue
        area_no += 1
        prefix = f"{tender.annex}.{area_no}"
        numbered = tuple(_with_number(r, f"{prefix}.{i}") for i, r in enumerate(items, start=1))
        areas.append(SpecArea(key, prefix, area_title(key, library, lang), numbered))
    all_requirements = [r for a in areas for r in a.requirements]
    category = library.categories_by_code.get(tender.category)
    return TenderSpec(
        tender=tender,
        language=lang,
        library_name=library.name,
        library_version=library.version,
        category_name=category.name.get(lang) if category else tender.category,
        areas=tuple(areas),
        integrations=_integrations(tender, library, all_requirements),
        fingerprint=fingerprint(all_requirements),
    )


def area_keys(library: Library) -> list[str]:
    """The areas a tender's requirements are grouped in, in document order: the library's,
    then the local requirements' own area."""
    return [a.key for a in library.areas if a.key != LOCAL_AREA] + [LOCAL_AREA]


def area_title(key: str, library: Library, lang: str) -> str:
    """An area's heading: the library's title, or "Lokale krav" / "Local requirements"."""
    area = library.areas_by_key.get(key)
    if key == LOCAL_AREA or area is None:
        return LOCAL_AREA_TITLE.get(lang, LOCAL_AREA_TITLE["da"])
    return area.title.get(lang)


def _with_number(r: SpecRequirement, number: str) -> SpecRequirement:
    from dataclasses import replace

    return replace(r, number=number)


def _effective_weight(rid: str, kind: str, weight: int | None, default: int | None) -> int | None:
    if kind != "PK":
        return None
    effective = weight if weight is not None else default
    if effective is None:
        raise ProcureError(
            t("[{id}] er et prioriteret krav (PK) uden vægt; angiv 'weight'", id=rid)
        )
    return effective


def _integrations(tender: Tender, library: Library, requirements) -> tuple[SpecIntegration, ...]:
    for integration_id in tender.integrations:
        if integration_id not in library.integrations_by_id:
            raise ProcureError(
                unknown_id_message("integration", integration_id, library.integrations_by_id)
            )
    closure = library.integration_closure(tender.integrations)
    chosen = set(tender.integrations)
    out = []
    lang = tender.language
    for integration_id in closure:
        integration = library.integrations_by_id[integration_id]
        required_by = tuple(
            other
            for other in closure
            if other != integration_id
            and integration_id in library.integration_closure([other])
            and other in chosen
        )
        out.append(
            SpecIntegration(
                id=integration_id,
                name=integration.name.get(lang),
                sf_numbers=tuple(sf.number for sf in integration.sf_numbers),
                description=integration.description.get(lang),
                chosen=integration_id in chosen,
                required_by=required_by,
                requirement_ids=tuple(
                    r.id for r in requirements if integration_id in r.integrations
                ),
            )
        )
    return tuple(out)
