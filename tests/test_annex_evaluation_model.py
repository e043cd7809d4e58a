"""The annex publishes a model with named criteria in full (udbudsloven §§ 160, 162, 165)."""

from __future__ import annotations

import dataclasses
import io
from decimal import Decimal

import pytest
from docx import Document

from procure import forms
from procure.award import default_evaluation_for_spec
from procure.documents.annex import render_annex
from procure.documents.context import build_context
from procure.documents.model_text import amount
from procure.documents.texts import TEXTS
from procure.tender import resolve_tender
from procure.tender.model import Criterion, Kommissionsmodel, PriceModel, SubCriterion
from tests.samples import sample_tender, shipped_release


def spec_with(evaluation_change, lang="da", price_lines=None):
    tender = sample_tender(lang)
    library = shipped_release()
    spec = resolve_tender(tender, library)
    evaluation, lines = default_evaluation_for_spec(spec)
    evaluation = evaluation_change(evaluation, spec)
    tender = dataclasses.replace(tender, evaluation=evaluation, price_lines=price_lines or lines)
    return resolve_tender(tender, library)


def split_quality(evaluation, spec):
    """Kvalitet in two subs (70/30), Pris absolute-linear with widening and a cap."""
    pks = evaluation.criteria[0].requirements
    quality = Criterion(
        "Kvalitet",
        60,
        sub=(SubCriterion("Funktionalitet", 70, pks[:2]), SubCriterion("Øvrigt", 30, pks[2:])),
    )
    price = Criterion(
        "Pris",
        40,
        price_model=PriceModel(
            "absolute-linear",
            full_points_at=Decimal(1_000_000),
            zero_points_at=Decimal(2_500_000),
            widen_by=Decimal(250_000),
            cap=Decimal(3_000_000),
        ),
    )
    return dataclasses.replace(
        evaluation,
        criteria=(quality, price),
        anchors=((Decimal(10), "Fremragende"), (Decimal(0), "Ingen opfyldelse")),
        tie_break=("highest:Kvalitet", "lowest-price"),
    )


def test_the_default_model_is_published_with_its_formula_and_weights():
    spec = spec_with(lambda e, s: e)
    evaluation = build_context(spec)["evaluation"]
    text = "\n".join(evaluation["paragraphs"])
    assert (
        "Tildelingskriteriet er bedste forhold mellem pris og kvalitet (udbudslovens § 162)" in text
    )
    assert "Kriterierne og deres vægte: Kvalitet 60\u00a0%, Pris 40\u00a0%." in text
    assert "skala fra 0 til 10 med 2 decimaler" in text
    assert (
        "den laveste pris giver 10 point, og en pris 100\u00a0% over den laveste giver 0 "
        "point" in text
    )
    assert "Står tilbud lige, afgøres rækkefølgen af laveste pris" in text
    assert "giver 50\u00a0% af vægten" not in text  # the old answer-based rule is not published
    pks = [r for r in spec.requirements if r.kind == "PK"]
    total = sum(r.weight for r in pks)
    first = evaluation["weights"][0]
    expected = (Decimal(60) * pks[0].weight / total).quantize(Decimal("0.1"))
    assert first["share"] == f"{str(expected).replace('.', ',')}\u00a0%"
    assert first["criterion"] == "Kvalitet"
    assert evaluation["total_share"] == "60\u00a0%"
    assert evaluation["criteria"][1] == {"name": "Pris", "weight": 40, "price": True, "sub": []}


def test_subs_anchors_widening_cap_and_tie_breaks_are_published():
    spec = spec_with(split_quality)
    evaluation = build_context(spec)["evaluation"]
    text = "\n".join(evaluation["paragraphs"])
    assert (
        "Kvalitet 60\u00a0% (underkriterier: Funktionalitet 70\u00a0%, Øvrigt 30\u00a0%), "
        "Pris 40\u00a0%" in text
    )
    assert "Skalaens ankerpunkter: 10 = Fremragende; 0 = Ingen opfyldelse." in text
    assert "en pris på 1.000.000 kr. eller derunder giver 10 point" in text
    assert "en pris på 2.500.000 kr. eller derover giver 0 point" in text
    assert "op i trin på 250.000 kr." in text
    assert "Et tilbud med en pris over 3.000.000 kr. er ukonditionsmæssigt." in text
    assert "afgøres rækkefølgen af flest point på »Kvalitet« og laveste pris" in text
    rows = evaluation["weights"]
    assert rows[0]["criterion"] == "Kvalitet – Funktionalitet"
    # the two first PKs share 60 % × 70 % = 42 % by their weights
    first, second = rows[0], rows[1]
    both = first["weight"] + second["weight"]
    expected = (Decimal(42) * first["weight"] / both).quantize(Decimal("0.1"))
    assert first["share"] == f"{str(expected).replace('.', ',')}\u00a0%"


def test_kommissionsmodel_is_published_with_its_thresholds_in_english():
    def kommission(evaluation, spec):
        quality = dataclasses.replace(evaluation.criteria[0], weight=100)
        price = Criterion("Price", 0, price_model=PriceModel("evaluation-price"))
        return dataclasses.replace(
            evaluation, criteria=(quality, price), kommissionsmodel=Kommissionsmodel()
        )

    spec = spec_with(kommission, "en")
    evaluation = build_context(spec)["evaluation"]
    text = "\n".join(evaluation["paragraphs"])
    assert "less than 70\u00a0% of the possible quality points in total" in text
    assert "less than 50\u00a0% on one criterion" in text
    assert "ranked by price per quality point" in text
    assert "its share of the quality evaluation" in text
    assert evaluation["total_share"] == "100\u00a0%"


def test_the_rendered_annex_carries_the_model_and_the_weight_table():
    spec = spec_with(split_quality)
    annex = render_annex(spec)
    document = Document(io.BytesIO(annex))
    words = " ".join(p.text for p in document.paragraphs)
    assert "Tildelingskriteriet er bedste forhold mellem pris og kvalitet" in words
    assert "op i trin på 250.000 kr." in words
    t = TEXTS["da"]
    labels = [forms.HEADER_LABELS["da"]["number"], forms.HEADER_LABELS["da"]["id"]]
    labels += [t["weight_column_title"], t["weight_column_weight"], t["weight_column_share"]]
    (table,) = [x for x in document.tables if [c.text for c in x.rows[0].cells] == labels]
    assert table.rows[-1].cells[4].text == "60\u00a0%"


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        (Decimal(1_250_000), "da", "1.250.000"),
        (Decimal("1250000.5"), "da", "1.250.000,5"),
        (Decimal(1_250_000), "en", "1,250,000"),
        (Decimal(999), "da", "999"),
    ],
)
def test_amounts_are_written_as_a_reader_writes_them(value, lang, expected):
    assert amount(value, lang) == expected


def test_rounding_names_the_sub_stage_only_when_there_are_subs():
    plain = "\n".join(build_context(spec_with(lambda e, s: e))["evaluation"]["paragraphs"])
    assert (
        "Kriteriernes point afrundes til 2 decimaler og den samlede score til 2 decimaler" in plain
    )
    assert "Underkriteriernes" not in plain
    split = "\n".join(build_context(spec_with(split_quality))["evaluation"]["paragraphs"])
    assert "Underkriteriernes point afrundes til 2 decimaler" in split
