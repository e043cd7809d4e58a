"""The wizard's texts, kept one module per step (procure/ui/texts/): every part has each text in
both languages, and no two parts define the same text."""

from __future__ import annotations

import string
from types import SimpleNamespace

import pytest

from procure.ui import texts
from procure.ui.texts import DA, EN, PARTS, STEP_KEYS, merged, tr


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("part", PARTS, ids=lambda part: part.__name__.rpartition(".")[2])
def test_each_part_has_every_text_in_danish_and_english_with_the_same_placeholders(part):
    assert set(part.DA) == set(part.EN)
    assert all(text.strip() for text in [*part.DA.values(), *part.EN.values()])
    for key, text in part.DA.items():
        assert placeholders(part.EN[key]) == placeholders(text), key


def test_the_catalogue_is_every_part_together():
    assert sum(len(part.DA) for part in PARTS) == len(DA) == len(EN)
    assert texts.TEXTS == {"da": DA, "en": EN}


def test_a_text_defined_in_two_parts_stops_the_import():
    one = SimpleNamespace(__name__="texts.one", DA={"save": "Gem"}, EN={"save": "Save"})
    two = SimpleNamespace(__name__="texts.two", DA={"save": "Gem nu"}, EN={"save": "Save now"})
    with pytest.raises(ValueError, match="'save' is defined in both texts.one and texts.two"):
        merged([one, two], "DA")
    assert merged([one], "EN") == {"save": "Save"}


def test_every_step_has_its_name_in_both_languages():
    assert [tr("da", key) for key in STEP_KEYS] == [
        "1. Start",
        "2. Udbud",
        "3. System",
        "4. Integrationer",
        "5. Krav",
        "6. Evaluering",
        "7. Dokumenter",
        "8. Tilbud",
        "9. Tildeling",
        "10. Bibliotek",
        "11. Portefølje",
    ]
    assert tr("en", "step_check") == "8. Bids"
    assert tr("en", "step_award") == "9. Award"
