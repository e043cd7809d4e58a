"""The deadline for bids (tilbudsfrist): in the tender file, on the documents' covers, from the
CLI and the wizard; tenders without one are written exactly as before."""

from __future__ import annotations

import dataclasses
import io

import pytest
from docx import Document
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from procure.cli import main
from procure.documents.build import render_documents
from procure.errors import ProcureError
from procure.tender import dump_tender, load_tender, parse_tender, resolve_tender
from procure.ui.texts import STEP_KEYS
from tests.conftest import ROOT
from tests.samples import sample_tender, shipped_release


def with_deadline(deadline: str | None, language: str = "da"):
    return dataclasses.replace(sample_tender(language), deadline=deadline)


def cover_rows(data: bytes) -> dict[str, str]:
    document = Document(io.BytesIO(data))
    return {
        row.cells[0].text: row.cells[-1].text
        for row in document.tables[0].rows
        if len(row.cells) >= 2
    }


def test_the_deadline_round_trips_and_sits_after_the_date():
    tender = with_deadline("2027-01-15T12:00")
    text = dump_tender(tender)
    lines = text.splitlines()
    assert lines[lines.index("date: '2026-11-26'") + 1] == "deadline: 2027-01-15T12:00"
    assert parse_tender(text, "tender.yaml") == tender
    assert "deadline" not in dump_tender(with_deadline(None))  # older files stay byte-identical


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2027-02-30", "'2027-02-30' i feltet 'deadline' er ikke en gyldig dato"),
        ("2027-01-15T25:00", "er ikke en gyldig dato"),
        ("15.01.2027", "deadline"),
    ],
)
def test_an_impossible_deadline_is_refused_with_the_line(value, expected):
    text = dump_tender(with_deadline("2027-01-15")).replace("2027-01-15", value)
    with pytest.raises(ProcureError, match=expected) as caught:
        parse_tender(text, "tender.yaml")
    assert str(caught.value).startswith("tender.yaml:")


def test_the_documents_show_the_deadline_on_their_covers_in_both_languages():
    da = render_documents(resolve_tender(with_deadline("2027-01-15T12:00"), shipped_release()))
    assert cover_rows(da["annex.docx"])["Tilbudsfrist"] == "15. januar 2027 kl. 12.00"
    assert cover_rows(da["response-form.docx"])["Tilbudsfrist"] == "15. januar 2027 kl. 12.00"
    sheet = load_workbook(io.BytesIO(da["response-form.xlsx"])).worksheets[0]
    assert "Tilbudsfrist: 15. januar 2027 kl. 12.00" in sheet.cell(2, 1).value
    en = render_documents(resolve_tender(with_deadline("2027-01-15", "en"), shipped_release()))
    assert cover_rows(en["annex.docx"])["Deadline for bids"] == "15 January 2027"
    none = render_documents(resolve_tender(with_deadline(None), shipped_release()))
    assert "Tilbudsfrist" not in cover_rows(none["annex.docx"])


def test_tender_init_takes_a_deadline_and_refuses_a_bad_one(tmp_path, capsys):
    out = tmp_path / "tender.yaml"
    args = ["tender", "init", "--out", str(out), "--title", "T", "--buyer", "B"]
    assert main([*args, "--category", "Y65", "--deadline", "2027-01-15T12:00"]) == 0
    assert load_tender(out).deadline == "2027-01-15T12:00"
    bad = tmp_path / "bad.yaml"
    assert (
        main([*args[:3], str(bad), *args[4:], "--category", "Y65", "--deadline", "i morgen"]) == 2
    )
    assert "deadline" in capsys.readouterr().err and not bad.exists()


def test_the_wizard_sets_the_deadline_and_warns_when_it_is_before_the_date():
    import datetime as dt

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.button(key="start_new").click().run()
    at.date_input(key="date").set_value(dt.date(2026, 12, 1)).run()
    at.date_input(key="deadline_day").set_value(dt.date(2027, 1, 15)).run()
    at.time_input(key="deadline_time").set_value(dt.time(12, 0)).run()
    assert at.session_state["procure_wizard"].deadline == "2027-01-15T12:00"
    assert not at.warning
    at.date_input(key="deadline_day").set_value(dt.date(2026, 11, 1)).run()
    assert any("før udbuddets dato" in w.value for w in at.warning)
    assert at.session_state["procure_wizard"].deadline == "2026-11-01T12:00"
    at.date_input(key="deadline_day").set_value(None).run()
    assert at.session_state["procure_wizard"].deadline == ""
    assert STEP_KEYS[at.session_state["procure_wizard"].step] == "step_purchase"
