"""The template context: everything a Word template may print, built from a TenderSpec.

The context is plain data (dicts, lists, strings, ints) with every text already worded and
every list already ordered, so a template only prints and loops; docs/templates.md documents
each variable for municipalities writing their own templates. Both documents get the same
context.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from procure import forms
from procure.documents.model_text import (
    model_paragraphs,
    model_weight_rows,
    one_decimal,
    quality_share,
)
from procure.documents.texts import TEMPLATE_LABELS, texts
from procure.formats import date_text
from procure.tender.lint import published_description, states_no_sf_service
from procure.tender.model import Buyer, EvaluationModel, Tender
from procure.tender.spec import (
    SpecArea,
    SpecIntegration,
    SpecRequirement,
    TenderSpec,
    fingerprint,
    form_stamp,
    format_decimal,
)

KINDS = ("MK", "PK", "K", "O")

# The top-level variables of the context, in the order docs/templates.md describes them.
DOCUMENTED_VARIABLES = (
    "lang",
    "t",
    "tender",
    "library",
    "fingerprint",
    "counts",
    "cover",
    "footer_note",
    "how_intro",
    "kinds",
    "answers",
    "how_to_answer",
    "evaluation",
    "integrations",
    "integrations_intro",
    "requirements_summary",
    "areas",
    "header",
    "vendor_fields",
    "response_instructions",
)

# What a template of each kind must use, or the document it makes is incomplete: the annex
# must publish the requirements, the evaluation model and the integrations; the response form
# must list the requirements under the contract's header labels and ask for the vendor.
REQUIRED_VARIABLES = {
    "annex": ("tender", "areas", "evaluation", "integrations"),
    "response-form": ("tender", "areas", "header", "vendor_fields"),
}


def build_context(spec: TenderSpec) -> dict:
    """The context both Word templates are rendered with."""
    lang = spec.language
    text = texts(lang)
    answers = forms.ANSWER_LABELS[lang]
    header = {key: forms.HEADER_LABELS[lang][key] for key in forms.COLUMNS}
    labels = {
        "met": answers[forms.Answer.MET],
        "partly": answers[forms.Answer.PARTLY],
        "not_met": answers[forms.Answer.NOT_MET],
        "answer_column": header["answer"],
        "description_column": header["description"],
        "reservation_column": header["reservation"],
    }
    counts = Counter(r.kind for r in spec.requirements)
    count_values = {"total": len(spec.requirements)} | {k.lower(): counts[k] for k in KINDS}
    tender = _tender(spec, text)
    labels_t = {key: text[key] for key in TEMPLATE_LABELS} | {
        "annex_title": tender["annex_title"],
        "form_title": tender["form_title"],
    }
    return {
        "lang": lang,
        "t": labels_t,
        "tender": tender,
        "library": {
            "name": spec.library_name,
            "version": spec.library_version,
            "line": text["library_value"].format(
                name=spec.library_name, version=spec.library_version
            ),
        },
        "fingerprint": {"full": spec.fingerprint, "short": spec.short_fingerprint},
        "counts": count_values,
        "cover": _cover(spec, text, tender, count_values),
        "footer_note": _footer_note(spec, text),
        "how_intro": text["how_intro"].format(requirements_heading=text["requirements_heading"]),
        "kinds": _kinds(lang, text, labels),
        "answers": [answers[a] for a in forms.Answer],
        "how_to_answer": [p.format(**labels) for p in text["how_paragraphs"]],
        "evaluation": _evaluation(spec, text, labels),
        "integrations": _integrations(spec, text),
        "integrations_intro": (
            text["integrations_intro"].format(
                reason_column=text["integration_column_reason"],
                requirements_column=text["integration_column_requirements"],
            )
            if spec.integrations
            else text["integrations_none"]
        ),
        "requirements_summary": text["requirements_summary"].format(
            total=_counted(count_values["total"], text["count_total"]),
            **{
                k.lower(): f"{_counted(count_values[k.lower()], text[f'count_{k}'])} ({k})"
                for k in KINDS
            },
        ),
        "areas": [_area(area, lang) for area in spec.areas],
        "header": header,
        "vendor_fields": [
            {"key": key, "label": forms.VENDOR_LABELS[lang][key]} for key in forms.VENDOR_FIELDS
        ],
        "response_instructions": [
            p.format(
                annex_reference=text["annex_reference"].format(annex=spec.tender.annex), **labels
            )
            for p in text["response_instructions"]
        ],
    }


def evaluation_section(spec: TenderSpec) -> dict:
    """The annex's evaluation section as plain data (the wizard previews it from this)."""
    lang = spec.language
    text = texts(lang)
    context = build_context(spec)
    header = forms.HEADER_LABELS[lang]
    return {
        "heading": text["evaluation_heading"],
        "paragraphs": context["evaluation"]["paragraphs"],
        "weights": context["evaluation"]["weights"],
        "columns": {
            "number": header["number"],
            "id": header["id"],
            "title": text["weight_column_title"],
            "weight": text["weight_column_weight"],
            "share": text["weight_column_share"],
        },
    }


def format_date(iso_date: str, lang: str) -> str:
    """ "2026-11-26" as "26. november 2026" / "26 November 2026"; other text unchanged."""
    try:
        day = date.fromisoformat(iso_date)
    except (TypeError, ValueError):
        return iso_date
    return date_text(day, lang)


def format_deadline(iso: str, lang: str) -> str:
    """ "2027-01-15T12:00" as "15. januar 2027 kl. 12.00" / "15 January 2027 at 12:00"."""
    day, _, time = iso.partition("T")
    if not time:
        return format_date(day, lang)
    hour, _, minute = time.partition(":")
    return texts(lang)["deadline_with_time"].format(
        date=format_date(day, lang), hour=hour, minute=minute
    )


def example_spec(language: str = "da") -> TenderSpec:
    """A small tender with one requirement of each kind, an unverified integration and a text
    full of characters that break naive templates: what `procure templates check` renders a
    template with, and what docs/templates.md shows."""
    lang = language
    da = lang == "da"
    tender = Tender(
        id="00000000-0000-4000-8000-000000000000",
        title="Eksempeludbud: fagsystem & <integrationer>" if da else "Example tender: <system>",
        buyer=Buyer("Eksempel Kommune", "12345678"),
        case_number="2026-000001",
        date="2026-01-15",
        language=lang,
        library_version="0.0.0",
        category="Y65",
        evaluation=EvaluationModel(),
    )
    tricky = "Pris & vilkår <skal> \"angives\" 'klart' {{ ikke_jinja }} {% if x %}nej{% endif %}"
    rows = [
        ("3.1.1", "eksempel", "EKS-001", "MK", None, "Logning" if da else "Logging"),
        ("3.1.2", "eksempel", "EKS-002", "PK", 5, "Søgning" if da else "Search"),
        ("3.2.1", "andet", "EKS-003", "K", None, "Eksport" if da else "Export"),
        ("3.2.2", "andet", "LOKAL-1", "O", None, "Option"),
    ]
    requirements = []
    for number, area, rid, kind, weight, title in rows:
        text = tricky if rid == "EKS-003" else f"{title}: {'systemet skal' if da else 'must'} …"
        requirements.append(
            SpecRequirement(
                number=number,
                id=rid,
                area=area,
                kind=kind,
                weight=weight,
                title=title,
                text=text,
                answer_hint="" if rid.startswith("LOKAL-") else title,
                integrations=("organisation",) if rid == "EKS-001" else (),
                custom=rid.startswith("LOKAL-"),
                stamp=form_stamp(rid, kind, weight, title, text),
            )
        )
    areas = (
        SpecArea(
            "eksempel", "3.1", "Eksempelområde" if da else "Example area", tuple(requirements[:2])
        ),
        SpecArea("andet", "3.2", "Andet område" if da else "Other area", tuple(requirements[2:])),
    )
    integrations = (
        SpecIntegration("organisation", "Organisation", ("SF1500",), "…", True, (), ("EKS-001",)),
        SpecIntegration("adgang", "Adgangsstyring", (), "…", False, ("organisation",), ()),
    )
    return TenderSpec(
        tender=tender,
        language=lang,
        library_name="Eksempelbibliotek",
        library_version="0.0.0",
        category_name="Kommunikation og dokumentation (ESDH)",
        areas=areas,
        integrations=integrations,
        fingerprint=fingerprint(requirements),
    )


# -- parts of the context ---------------------------------------------------------------------


def _tender(spec: TenderSpec, text: dict) -> dict:
    t = spec.tender
    buyer_line = (
        text["buyer_with_cvr"].format(name=t.buyer.name, cvr=t.buyer.cvr)
        if t.buyer.cvr
        else t.buyer.name
    )
    category_line = (
        f"{t.category} {spec.category_name}" if spec.category_name != t.category else t.category
    )
    return {
        "id": t.id,
        "title": t.title,
        "buyer": t.buyer.name,
        "cvr": t.buyer.cvr or "",
        "buyer_line": buyer_line,
        "case_number": t.case_number,
        "date": t.date,
        "date_text": format_date(t.date, spec.language),
        "deadline": t.deadline or "",
        "deadline_text": format_deadline(t.deadline, spec.language) if t.deadline else "",
        "category": t.category,
        "category_name": spec.category_name,
        "category_line": category_line,
        "annex": t.annex,
        "annex_title": text["annex_title"].format(annex=t.annex),
        "form_title": text["form_title"].format(annex=t.annex),
    }


def _cover(spec: TenderSpec, text: dict, tender: dict, counts: dict) -> list[dict]:
    rows = [
        ("cover_tender", tender["title"]),
        ("cover_buyer", tender["buyer_line"]),
        ("cover_case", tender["case_number"] or text["not_stated"]),
        ("cover_date", tender["date_text"]),
        *([("cover_deadline", tender["deadline_text"])] if tender["deadline"] else []),
        ("cover_category", tender["category_line"]),
        (
            "cover_library",
            text["library_value"].format(name=spec.library_name, version=spec.library_version),
        ),
        ("cover_count", text["count_value"].format(**counts)),
        ("cover_fingerprint", spec.short_fingerprint),
    ]
    return [{"label": text[key], "value": value} for key, value in rows]


def _footer_note(spec: TenderSpec, text: dict) -> str:
    if spec.tender.case_number:
        return text["footer_note"].format(
            case_number=spec.tender.case_number, fingerprint=spec.short_fingerprint
        )
    return text["footer_note_no_case"].format(fingerprint=spec.short_fingerprint)


def _kinds(lang: str, text: dict, labels: dict) -> list[dict]:
    values = labels | {
        "example": forms.kind_cell_text("PK", 5, lang),
        "evaluation_heading": text["evaluation_heading"],
    }
    return [
        {
            "code": kind,
            "name": text[f"kind_name_{kind}"],
            "meaning": text[f"kind_meaning_{kind}"].format(**values),
        }
        for kind in KINDS
    ]


def _evaluation(spec: TenderSpec, text: dict, labels: dict) -> dict:
    lang = spec.language
    model = spec.evaluation
    total = spec.total_weight
    partial_percent = format_decimal(model.partial_credit * 100, lang)
    rounding = _rounding_words(model.decimals, text)
    weighted = [r for r in spec.requirements if r.kind == "PK"]
    if model.has_criteria:
        paragraphs = model_paragraphs(spec, text, lambda d: _rounding_words(d, text))
    elif weighted:
        paragraphs = [
            p.format(
                partial_percent=partial_percent,
                total_weight=total,
                scale_max=model.scale_max,
                rounding=rounding,
                **labels,
            )
            for p in text["evaluation_paragraphs"]
        ]
    else:
        paragraphs = list(text["evaluation_no_pk"])
    return {
        "scale_max": model.scale_max,
        "partial_credit": format_decimal(model.partial_credit, lang),
        "partial_percent": partial_percent,
        "decimals": model.decimals,
        "rounding": rounding,
        "total_weight": total,
        "award_criterion": text[
            {"pris": "award_criterion_price", "omkostninger": "award_criterion_costs"}.get(
                model.award_criterion, "award_criterion_best"
            )
        ],
        "criteria": [
            {
                "name": c.name,
                "weight": c.weight,
                "price": c.is_price,
                "sub": [{"name": s.name, "weight": s.weight} for s in c.sub],
            }
            for c in model.criteria
        ],
        "paragraphs": paragraphs,
        "weights": _weight_rows(spec, text, weighted),
        "total_share": _total_share(spec, text, weighted),
    }


def _rounding_words(decimals: int, text: dict) -> str:
    if decimals == 0:
        return text["rounding_none"]
    if decimals == 1:
        return text["rounding_one"]
    return text["rounding_many"].format(decimals=decimals)


def _weight_rows(spec: TenderSpec, text: dict, weighted) -> list[dict]:
    """One row per PK: its weight and its share of the evaluation (see model_weight_rows)."""
    lang = spec.language
    if not spec.evaluation.has_criteria:
        return [
            {
                "number": r.number,
                "id": r.id,
                "title": r.title,
                "weight": r.weight,
                "share": text["percent"].format(
                    value=_share(r.weight or 0, spec.total_weight, lang)
                ),
                "criterion": "",
            }
            for r in weighted
        ]
    return [
        {
            "number": r.number,
            "id": r.id,
            "title": r.title,
            "weight": weight,
            "share": "–"
            if share is None
            else text["percent"].format(value=format_decimal(one_decimal(share), lang)),
            "criterion": criterion,
        }
        for r, weight, share, criterion in model_weight_rows(spec)
    ]


def _total_share(spec: TenderSpec, text: dict, weighted) -> str:
    if not weighted:
        return ""
    if not spec.evaluation.has_criteria:
        return text["percent"].format(value="100")
    share = one_decimal(quality_share(spec.evaluation))
    return text["percent"].format(value=format_decimal(share, spec.language))


def _share(weight: int, total: int, lang: str) -> str:
    share = (Decimal(weight) * 100 / Decimal(total)).quantize(Decimal("0.1"), ROUND_HALF_UP)
    return format_decimal(share, lang)


def _integrations(spec: TenderSpec, text: dict) -> list[dict]:
    names = {i.id: i.name for i in spec.integrations}
    out = []
    for integration in spec.integrations:
        required_by = _join([names.get(i, i) for i in integration.required_by], text)
        if integration.chosen and required_by:
            reason = text["integration_chosen_and_required"].format(names=required_by)
        elif integration.chosen:
            reason = text["integration_chosen"]
        else:
            reason = text["integration_required"].format(names=required_by)
        out.append(
            {
                "id": integration.id,
                "name": integration.name,
                # Bidders read only what is known: the library's notes on what it has not
                # verified go to the officer (procure.tender.lint), never into the annex.
                "description": published_description(integration.description),
                "sf_numbers": _sf_numbers_text(integration, text),
                "chosen": integration.chosen,
                "reason": reason,
                "requirement_ids": ", ".join(integration.requirement_ids)
                or text["integration_no_requirements"],
            }
        )
    return out


def _sf_numbers_text(integration: SpecIntegration, text: dict) -> str:
    if integration.sf_numbers:
        return ", ".join(integration.sf_numbers)
    if states_no_sf_service(integration.description):
        return text["integration_no_sf_service"]
    return text["integration_sf_unknown"]


def _counted(count: int, nouns: tuple[str, str]) -> str:
    """ "1 option", "3 optioner": the singular or plural noun after the count."""
    return f"{count} {nouns[0] if count == 1 else nouns[1]}"


def _join(items: list[str], text: dict) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {text['list_and']} {items[-1]}"


def _area(area: SpecArea, lang: str) -> dict:
    return {
        "key": area.key,
        "number": area.number,
        "title": area.title,
        "heading": f"{area.number} {area.title}",
        "requirements": [_requirement(r, lang) for r in area.requirements],
    }


def _requirement(r: SpecRequirement, lang: str) -> dict:
    return {
        "number": r.number,
        "id": r.id,
        "kind": r.kind,
        "weight": r.weight,
        "kind_text": forms.kind_cell_text(r.kind, r.weight, lang),
        "title": r.title,
        "text": r.text,
        "answer_hint": r.answer_hint,
        "custom": r.custom,
    }
