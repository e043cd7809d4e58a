"""Issue 13's hostile answer files through the wizard's Tilbud step: each is refused with one
clear line naming the file, and the wizard carries on (no traceback)."""

from __future__ import annotations

import json

import pytest
import yaml

from tests.test_ui_tilbud import bid, readme_spec, with_bids
from tests.wizard import shown


def _hostile(name: str) -> bytes:
    good = yaml.safe_load(bid(readme_spec()))
    if name == "big.json":
        return json.dumps(
            {**good, "answers": [{"id": "X", "answer": "Opfyldt"}] * 100_000}
        ).encode()
    if name == "dup.json":
        return b'{"format": "procure-answers/1", "format": "x"}'
    answers = [{**good["answers"][0], "price": "x"}]
    return json.dumps({**good, "answers": answers}).replace('"x"', "NaN").encode()


@pytest.mark.parametrize(
    "name, words",
    [("big.json", "300000"), ("dup.json", "to gange"), ("nan.json", "NaN er ikke et tal")],
)
def test_a_hostile_answer_file_is_refused_in_the_wizard_with_one_line(
    workspace_in_tmp, name, words
):
    at = with_bids([(name, _hostile(name))])
    messages = [shown(str(e.value)) for e in at.error] + [shown(str(w.value)) for w in at.warning]
    assert any(name in m and words in m for m in messages), messages
    assert all(len(m) <= 2000 and "\n" not in m for m in messages)
    assert not at.exception
