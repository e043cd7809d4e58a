"""Danish all through (issue 17 § 2): numbers typed the Danish way and a clear word when one is
refused, the wizard's own words over Streamlit's English, the bid cards in the officer's
language, and the download names."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from procure.documents.file_names import download_name, safe_file_title
from procure.tender.model import EvaluationModel
from procure.ui.numbers import read_number
from procure.ui.pages.start import _local_time
from procure.ui.widget_texts import widget_css
from tests.samples import sample_tender
from tests.wizard import STATE_KEY, errors, fill_purchase, go, new_app, open_tender, shown

PK = "FKI-ORG-003"  # a PK in the library, weight 6 (release 1.0.0)

# -- Numbers -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "lang", "value"),
    [
        ("0,3", "da", Decimal("0.3")),
        (" 1.250,5 ", "da", Decimal("1250.5")),
        ("0.3", "da", Decimal("0.3")),  # no thousands group: unambiguous
        ("0.3", "en", Decimal("0.3")),
        ("1,250.5", "en", Decimal("1250.5")),
    ],
)
def test_a_number_is_read_as_the_language_writes_it(typed, lang, value):
    assert read_number(typed, lang) == (value, None)


def test_a_refused_number_says_why_and_which_value_still_applies():
    assert read_number("abc", "da", kept=3) == (
        None,
        "»abc« er ikke et tal. Skriv fx 0,3. Værdien 3 gælder stadig.",
    )
    assert read_number("abc", "en", whole=True)[1] == "“abc” is not a number. Write e.g. 12."
    assert read_number("2,5", "da", whole=True)[1] == "»2,5« er ikke et helt tal."
    assert read_number("0", "da", whole=True, minimum=1)[1] == "»0« er for lille; mindst 1."
    assert read_number("101", "da", maximum=100)[1] == "»101« er for stort; højst 100."
    assert read_number("0,1234567", "da")[1] == "»0,1234567« har for mange decimaler; højst 6."
    assert read_number("", "da", optional=True) == (None, None)
    assert read_number(" ", "da")[1] == "Feltet skal udfyldes."
    assert read_number("12", "da", whole=True) == (12, None)
    # the Evaluering step's amounts: 0 or more, with an example of an amount
    assert read_number("-5", "da", minimum=0)[1] == (
        "»-5« er negativt; værdien skal være 0 eller mere."
    )
    assert read_number("-5", "en", minimum=0)[1] == (
        "“-5” is negative; the value must be 0 or more."
    )
    assert read_number("-5", "da", minimum=1)[1] == "»-5« er for lille; mindst 1."
    assert read_number("x", "da", example="12,5 eller 1.250.000")[1] == (
        "»x« er ikke et tal. Skriv fx 12,5 eller 1.250.000."
    )


def test_a_weight_typed_wrong_keeps_the_text_and_the_old_weight_with_a_message():
    at = fill_purchase(new_app())
    go(at, "step_requirements")
    at.text_input(key="req_search").input(PK).run()
    field = at.text_input(key=f"req_weight_{PK}")
    assert field.value == "6"  # the library's weight
    field.input("abc").run()
    assert at.text_input(key=f"req_weight_{PK}").value == "abc"  # what was typed stays
    assert "»abc« er ikke et tal. Skriv fx 12. Værdien 6 gælder stadig." in errors(at)
    assert PK not in at.session_state[STATE_KEY].choices  # the weight is still the library's
    # Still there after a visit to another step
    go(at, "step_purchase")
    go(at, "step_requirements")
    assert at.text_input(key=f"req_weight_{PK}").value == "abc"
    assert "»abc« er ikke et tal. Skriv fx 12. Værdien 6 gælder stadig." in errors(at)
    at.text_input(key=f"req_weight_{PK}").input("2,5").run()
    assert "»2,5« er ikke et helt tal. Værdien 6 gælder stadig." in errors(at)
    # A good value is taken, and the message goes
    at.text_input(key=f"req_weight_{PK}").input("12").run()
    assert at.session_state[STATE_KEY].choices[PK].weight == 12
    assert not errors(at)
    assert at.text_input(key=f"req_weight_{PK}").value == "12"


def test_the_partial_credit_takes_a_danish_comma_and_refuses_text_with_a_message():
    old = dataclasses.replace(
        sample_tender(),
        evaluation=EvaluationModel(scale_max=8, partial_credit=Decimal("0.25"), decimals=1),
    )
    at = open_tender(new_app(), old)
    go(at, "step_evaluation")
    at.text_input(key="ev_partial_credit").input("0,3").run()
    assert at.session_state[STATE_KEY].evaluation.partial_credit == Decimal("0.3")
    at.text_input(key="ev_partial_credit").input("abc").run()
    assert at.text_input(key="ev_partial_credit").value == "abc"
    assert any("»abc« er ikke et tal" in e for e in errors(at))
    assert at.session_state[STATE_KEY].evaluation.partial_credit == Decimal("0.3")


def test_the_annex_number_refuses_a_decimal_and_keeps_its_value():
    at = new_app()
    at.text_input(key="annex").input("4,5").run()
    assert at.text_input(key="annex").value == "4,5"
    assert "»4,5« er ikke et helt tal. Værdien 3 gælder stadig." in errors(at)
    assert at.session_state[STATE_KEY].annex == 3
    at.text_input(key="annex").input("4").run()
    assert at.session_state[STATE_KEY].annex == 4 and not errors(at)


# -- Times and file names -----------------------------------------------------------------------


def test_a_saved_tenders_time_is_danish_local_time_in_the_officers_language():
    assert _local_time("2026-12-06T16:01:00+00:00", "da") == "6. dec. 2026 17.01"
    assert _local_time("2026-07-06T16:01:00+00:00", "en") == "6 Jul 2026, 18:01"
    assert _local_time("not a time", "da") == "not a time"


@pytest.mark.parametrize(
    ("name", "title", "lang", "expected"),
    [
        ("annex.docx", "Sagsbehandlingssystem", "da", "Kravbilag – Sagsbehandlingssystem.docx"),
        ("response-form.xlsx", "ESDH", "en", "Response form – ESDH.xlsx"),
        ("price-list.xlsx", "ESDH", "da", "Prisliste – ESDH.xlsx"),
        ("package.zip", "ESDH", "da", "Udbudsmateriale – ESDH.zip"),
        # What Windows forbids is left out; nothing usable left: only the kind
        ("annex.docx", 'Børn/unge: "SAG" <2027>?*|. ', "da", "Kravbilag – Børn-unge SAG 2027.docx"),
        ("annex.docx", "  ...  ", "da", "Kravbilag.docx"),
        ("annex.docx", "CON", "da", "Kravbilag.docx"),
    ],
)
def test_download_names_follow_the_tender_and_the_documents_language(name, title, lang, expected):
    assert download_name(name, title, lang) == expected


def test_a_safe_file_title_has_no_control_characters_and_a_bounded_length():
    assert safe_file_title("a\x00b\tc\u202ed\n") == "a b c d"
    assert len(safe_file_title("x" * 500)) == 80


# -- Streamlit's own English ---------------------------------------------------------------------


def test_danish_words_replace_streamlits_english_where_it_has_no_setting():
    css = widget_css("da")
    for text in ("Vælg fil", "Højst 25 MB pr. fil", "Tryk Enter for at gemme"):
        assert f'content: "{text}"' in css
    assert "display: none" in css  # the English is left out for screen readers too
    assert widget_css("en") == ""  # Streamlit's own language
    at = fill_purchase(new_app())
    assert [h.proto.body for h in at.get("html")].count(css) == 1  # beside the a11y frame
    at.sidebar.radio(key="ui_lang").set_value("en").run()
    assert not [h for h in at.get("html") if "Vælg fil" in h.proto.body]


def test_choices_and_dates_say_in_the_officers_language_what_to_do():
    at = fill_purchase(new_app())
    kle = at.multiselect(key="kle")
    assert kle.proto.select_all == 0  # no English "Select all"
    assert kle.placeholder == "Vælg KLE-hovedgrupper"
    go(at, "step_purchase")
    hint = "Skriv datoen som DD.MM.ÅÅÅÅ, eller vælg den i kalenderen."
    assert at.date_input(key="date").help == hint
    assert at.date_input(key="deadline_day").help.endswith("\n\n" + hint)
    assert at.date_input(key="deadline_day").proto.format == "DD.MM.YYYY"
    at.sidebar.radio(key="ui_lang").set_value("en").run()
    assert at.date_input(key="date").help.startswith("Type the date as DD.MM.YYYY")


# -- The bid cards in the officer's language -----------------------------------------------------


def test_in_english_a_danish_tenders_bid_card_speaks_english():
    from procure.ui.checking import vendor_key
    from tests.test_ui_tilbud import VENDOR, bid, open_form, readme_spec, with_bids

    spec = readme_spec()
    mandatory = next(r.id for r in spec.requirements if r.kind == "MK")
    at = with_bids([("a.yaml", bid(spec, answers={mandatory: ("Ikke opfyldt", "")}))])
    danish = " ".join(errors(at)) + " ".join(c.value for c in at.caption)
    assert f"Mindstekrav ikke opfyldt: {mandatory}" in danish
    assert "Vurderingen er procures forslag" in danish

    at.sidebar.radio(key="ui_lang").set_value("en").run()
    assert not at.exception
    refusal = " ".join(errors(at))
    assert f"Minimum requirements not met: {mandatory}" in refusal
    captions = " ".join(shown(c.value) for c in at.caption)
    assert "This assessment is procure's proposal: a person must confirm it" in captions
    open_form(at, "findings", vendor_key("a.yaml", VENDOR))  # drawn only while open
    findings = next(d.value for d in at.dataframe if "Description" in d.value.columns)
    failed = findings[findings["Requirement ID"] == mandatory]["Description"].tolist()
    assert failed == ["Minimum requirement not met: answered 'Ikke opfyldt'"]
    everything = refusal + captions + " ".join(findings["Description"])
    assert "Mindstekrav" not in everything and "Vurderingen" not in everything
    # The documents stay in the tender's language: the note and the workbook use the results
    state_outcome = at.session_state[STATE_KEY].check.cache_value
    assert state_outcome.results[0].confirmation_note.startswith("Vurderingen er procures")
    assert state_outcome.results[0].reasons == (f"Mindstekrav ikke opfyldt: {mandatory}",)
