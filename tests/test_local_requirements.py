"""Local requirements (issue 17 § 5): their own area "Lokale krav" after the library's areas
(or a library area the officer chooses), editable in the wizard and in tender.yaml, with the
officer's own guidance kept out of the bidders' documents."""

from __future__ import annotations

import dataclasses
import io

import pytest
from docx import Document

from procure.documents.annex import render_annex
from procure.tender import CustomRequirement, dump_tender, parse_tender, resolve_tender
from procure.tender.model import LOCAL_AREA
from tests.samples import sample_tender, shipped_release
from tests.wizard import STATE_KEY, fill_purchase, go, new_app, shown

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BARNETS_LOV = CustomRequirement(
    "LOKAL-1",
    LOCAL_AREA,
    "Barnets lov",
    "Systemet skal understøtte sagsbehandling efter barnets lov.",
    "K",
    guidance="Kræves af Børn og Familie; se byrådets beslutning.",
)


def rows_by_heading(docx: bytes) -> dict[str, list[list[str]]]:
    """The annex's table rows under each level-2 heading (the areas), in body order."""
    document = Document(io.BytesIO(docx))
    paragraphs = {p._p: p for p in document.paragraphs}
    tables = {t._tbl: t for t in document.tables}
    found: dict[str, list[list[str]]] = {}
    heading = ""
    for element in document.element.body.iterchildren():
        paragraph = paragraphs.get(element)
        if paragraph is not None and paragraph.style.name == "Heading 2":
            heading = paragraph.text
            found[heading] = []
        elif element.tag == W + "tbl" and heading:
            for row in tables[element].rows:
                found[heading].append([c.text for c in row.cells])
    return found


def with_local(language: str, *local: CustomRequirement):
    return dataclasses.replace(sample_tender(language), custom_requirements=local)


@pytest.mark.parametrize(
    ("language", "title"), [("da", "Lokale krav"), ("en", "Local requirements")]
)
def test_a_local_requirement_is_under_its_own_area_last_in_the_annex(language, title):
    spec = resolve_tender(with_local(language, BARNETS_LOV), shipped_release())
    assert spec.areas[-1].key == LOCAL_AREA and spec.areas[-1].title == title
    areas = rows_by_heading(render_annex(spec))
    last = list(areas)[-1]
    assert last == f"{spec.areas[-1].number} {title}"
    assert any("LOKAL-1" in cell for row in areas[last] for cell in row)
    assert not any(
        "LOKAL-1" in c for h, rows in areas.items() if h != last for r in rows for c in r
    )
    # The officer's guidance is theirs: never in the bidders' annex
    text = "\n".join(c for rows in areas.values() for r in rows for c in r)
    assert BARNETS_LOV.text in text and BARNETS_LOV.guidance not in text


def test_a_local_requirement_can_still_go_into_a_library_area():
    in_drift = dataclasses.replace(BARNETS_LOV, area="drift")
    spec = resolve_tender(with_local("da", in_drift), shipped_release())
    assert LOCAL_AREA not in [a.key for a in spec.areas]
    [drift] = [a for a in spec.areas if a.key == "drift"]
    assert drift.requirements[-1].id == "LOKAL-1"


def test_tender_yaml_without_an_area_means_lokale_krav_and_guidance_round_trips():
    text = dump_tender(with_local("da", BARNETS_LOV))
    assert "guidance: Kræves af Børn og Familie" in text
    assert parse_tender(text, "tender.yaml").custom_requirements == (BARNETS_LOV,)
    # Written by hand without an area (and without guidance): the local requirements' own area
    by_hand = text.replace(f"  area: {LOCAL_AREA}\n", "").replace(
        "  guidance: Kræves af Børn og Familie; se byrådets beslutning.\n", ""
    )
    assert "area:" not in by_hand.split("custom_requirements:")[1]
    [local] = parse_tender(by_hand, "tender.yaml").custom_requirements
    assert local == dataclasses.replace(BARNETS_LOV, guidance="")
    # An old file's library area is kept as it was
    old = text.replace(f"area: {LOCAL_AREA}", "area: drift")
    assert parse_tender(old, "tender.yaml").custom_requirements[0].area == "drift"


# -- In the wizard ------------------------------------------------------------------------------


def add_local(at, title: str, text: str) -> None:
    n = at.session_state[STATE_KEY].next_local_number
    at.text_input(key=f"local_title_{n}").input(title)
    at.text_area(key=f"local_text_{n}").input(text)
    next(b for b in at.button if b.label == "Tilføj lokalt krav").click().run()
    assert not at.exception


def test_editing_a_local_requirement_changes_the_tender_and_the_annex(downloads):
    at = fill_purchase(new_app())
    go(at, "step_requirements")
    add_local(at, "Barnets lov", "Systemet skal understøtte barnets lov.")
    [local] = at.session_state[STATE_KEY].local
    assert local.area == LOCAL_AREA  # its own area unless the officer chooses another
    at.selectbox(key="area_filter").select(LOCAL_AREA).run()
    assert [h.value for h in at.subheader][0].startswith("Lokale krav")

    # Edited in place: text, kind, weight (a Danish whole number) and the officer's guidance
    at.text_area(key="local_text_LOKAL-1").input("Systemet skal understøtte barnets lov § 5.")
    at.run()
    at.selectbox(key="local_kind_LOKAL-1").select("PK").run()
    at.text_input(key="local_weight_LOKAL-1").input("5").run()
    at.text_area(key="local_guidance_LOKAL-1").input("Kræves af Børn og Familie.").run()
    assert not at.exception
    [local] = at.session_state[STATE_KEY].local
    assert (local.id, local.text, local.kind, local.weight, local.guidance) == (
        "LOKAL-1",
        "Systemet skal understøtte barnets lov § 5.",
        "PK",
        5,
        "Kræves af Børn og Familie.",
    )
    # An emptied title is refused with a message; the requirement keeps its title
    at.text_input(key="local_title_LOKAL-1").input("").run()
    assert any("LOKAL-1: Skriv en titel." in shown(e.value) for e in at.error)
    assert at.session_state[STATE_KEY].local[0].title == "Barnets lov"

    go(at, "step_documents")
    tender = parse_tender(downloads(at, "tender.yaml").decode("utf-8"), "tender.yaml")
    assert tender.custom_requirements == (
        CustomRequirement(
            "LOKAL-1",
            LOCAL_AREA,
            "Barnets lov",
            "Systemet skal understøtte barnets lov § 5.",
            "PK",
            5,
            "Kræves af Børn og Familie.",
        ),
    )
    areas = rows_by_heading(downloads(at, "annex.docx"))
    last = list(areas)[-1]
    assert last.endswith(" Lokale krav")
    cells = [c for row in areas[last] for c in row]
    assert "Systemet skal understøtte barnets lov § 5." in " ".join(cells)
    assert not any(
        "Kræves af Børn og Familie" in c for rows in areas.values() for r in rows for c in r
    )
