"""The Word notice to the business areas when a component is down: what is down, which of
their systems and tasks are hit, and whom to contact. Danish or English; returns bytes.

The notice is a draft for a person to check and send: procure knows the portfolio, not the
outage's cause or how long it lasts.
"""

from __future__ import annotations

import datetime as dt
from io import BytesIO

from procure.documents.docx_util import repeat_as_header, set_default_language
from procure.documents.texts import WORD_LANGUAGE
from procure.library.model import Library
from procure.portfolio.impact import Impact
from procure.textutil import xml_safe

_TEXT = {
    "da": {
        "title": "Driftsforstyrrelse: {name}",
        "intro": (
            "{name} er ikke tilgængelig. Det rammer {systems} i {areas}. Systemerne nedenfor "
            "bruger komponenten direkte eller gennem en integration, der afhænger af den."
        ),
        "none": "Ingen systemer i porteføljen bruger {name}, hverken direkte eller indirekte.",
        "one_system": "1 system",
        "systems": "{count} systemer",
        "one_area": "1 fagområde",
        "areas": "{count} fagområder",
        "component": "Komponent",
        "sf": "SF-numre",
        "library": "Kravbibliotek",
        "issued": "Udsendt",
        "area": "Fagområde: {area}",
        "no_area": "Fagområde ikke angivet",
        "tasks": "Berørte opgaver (KLE-hovedgrupper): {tasks}",
        "no_tasks": "Berørte opgaver: ikke registreret i porteføljen.",
        "columns": ("System", "Kritikalitet", "Berørt via", "Systemejer", "Kontaktkanal"),
        "contact_heading": "Hvem skal kontaktes",
        "contact": (
            "Systemejeren for hvert system, gennem den anførte kanal. "
            "Systemejeren vurderer, om opgaverne kan løses på anden måde, til komponenten "
            "virker igen."
        ),
        "draft": (
            "Meddelelsen er dannet af procure ud fra kommunens systemportefølje. Kontrollér den, "
            "før den sendes."
        ),
        "criticality": {"høj": "høj", "middel": "middel", "lav": "lav"},
        "direct": "bruger den direkte",
    },
    "en": {
        "title": "Service disruption: {name}",
        "intro": (
            "{name} is unavailable. This affects {systems} in {areas}. The systems below use "
            "the component directly or through an integration that depends on it."
        ),
        "none": "No system in the portfolio uses {name}, directly or indirectly.",
        "one_system": "1 system",
        "systems": "{count} systems",
        "one_area": "1 business area",
        "areas": "{count} business areas",
        "component": "Component",
        "sf": "SF numbers",
        "library": "Requirement library",
        "issued": "Issued",
        "area": "Business area: {area}",
        "no_area": "Business area not given",
        "tasks": "Tasks affected (KLE main groups): {tasks}",
        "no_tasks": "Tasks affected: not recorded in the portfolio.",
        "columns": ("System", "Criticality", "Affected via", "System owner", "Contact channel"),
        "contact_heading": "Whom to contact",
        "contact": (
            "The owner of each system, through the channel given. The owner "
            "decides whether the tasks can be done another way until the component works again."
        ),
        "draft": (
            "This notice was produced by procure from the municipality's system portfolio. "
            "Check it before sending it."
        ),
        "criticality": {"høj": "high", "middel": "medium", "lav": "low"},
        "direct": "uses it directly",
    },
}


def render_notice(
    impact: Impact, library: Library, lang: str = "da", *, today: dt.date | None = None
) -> bytes:
    """The notice as .docx bytes."""
    from docx import Document
    from docx.shared import Pt

    from procure.formats import date_text

    text = _TEXT.get(lang, _TEXT["da"])
    integration = library.integrations_by_id.get(impact.component)
    name = (integration.name.get(lang) or integration.name.da) if integration else impact.component
    today = today or dt.date.today()

    doc = Document()
    set_default_language(doc, WORD_LANGUAGE.get(lang, "da-DK"))
    doc.core_properties.title = xml_safe(text["title"].format(name=name))
    doc.core_properties.language = WORD_LANGUAGE.get(lang, "da-DK")
    doc.core_properties.author = "procure"
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(10)

    doc.add_heading(xml_safe(text["title"].format(name=name)), level=0)
    groups = impact.by_business_area()
    if impact.affected:
        count = len(impact.affected)
        systems = text["one_system"] if count == 1 else text["systems"].format(count=count)
        areas = text["one_area"] if len(groups) == 1 else text["areas"].format(count=len(groups))
        doc.add_paragraph(xml_safe(text["intro"].format(name=name, systems=systems, areas=areas)))
    else:
        doc.add_paragraph(xml_safe(text["none"].format(name=name)))

    facts = doc.add_table(rows=0, cols=2)
    facts.style = "Light Grid Accent 1"
    for label, value in (
        (text["component"], f"{name} ({impact.component})"),
        (text["sf"], integration.sf_list if integration and integration.sf_numbers else "–"),
        (text["library"], f"{library.name} {library.version}"),
        (text["issued"], date_text(today, lang if lang in _TEXT else "da")),
    ):
        cells = facts.add_row().cells
        cells[0].text, cells[1].text = label, xml_safe(value)

    for area, items in groups:
        heading = text["area"].format(area=area) if area else text["no_area"]
        doc.add_heading(xml_safe(heading), level=1)
        groups_kle = sorted({k for item in items for k in item.kle})
        if groups_kle:
            tasks = ", ".join(
                f"{k} {library.kle_by_number[k].title}" if k in library.kle_by_number else k
                for k in groups_kle
            )
            doc.add_paragraph(xml_safe(text["tasks"].format(tasks=tasks)))
        else:
            doc.add_paragraph(text["no_tasks"])
        table = doc.add_table(rows=1, cols=5)
        table.style = "Light Grid Accent 1"
        for cell, title in zip(table.rows[0].cells, text["columns"], strict=True):
            cell.text = title
        repeat_as_header(table.rows[0]._tr)
        for item in items:
            cells = table.add_row().cells
            via = (
                text["direct"]
                if len(item.via) == 1
                else " → ".join(_short_name(i, library, lang) for i in item.via)
            )
            for cell, value in zip(
                cells,
                (
                    item.system,
                    text["criticality"].get(item.criticality, item.criticality),
                    via,
                    item.owner or "–",
                    item.channel or "–",
                ),
                strict=True,
            ):
                cell.text = xml_safe(value)

    if impact.affected:
        doc.add_heading(text["contact_heading"], level=1)
        doc.add_paragraph(text["contact"])
    closing = doc.add_paragraph()
    closing.add_run(text["draft"]).italic = True
    buffer = BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _short_name(integration_id: str, library: Library, lang: str) -> str:
    integration = library.integrations_by_id.get(integration_id)
    if integration is None:
        return integration_id
    return integration.name.get(lang) or integration.name.da
