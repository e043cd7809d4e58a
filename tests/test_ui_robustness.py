"""The wizard against a hostile or clumsy officer: broken files, text that tries to format the
page, visits to other steps half-way, and a workspace that changes under the wizard's feet.

Each test is a problem found by trying to break the wizard. What the officer must get instead:
one clear message naming the file and the problem, the rest of the session going on, and
nothing entered lost.
"""

from __future__ import annotations

import dataclasses
import io
import json
import uuid
import zipfile

import pytest
from docx import Document
from streamlit.testing.v1 import AppTest

from procure.documents.build import render_documents
from procure.evaluation import evaluate_response
from procure.responses.reader import read_response
from procure.tender import dump_tender, resolve_tender
from procure.tender.model import Buyer, CustomRequirement
from procure.ui.session import plain
from procure.ui.texts import STEP_KEYS
from tests.fill import fill_docx_form, fill_xlsx_form
from tests.samples import sample_tender, shipped_release
from tests.test_ui_apptest import checked_tender, enter_override
from tests.wizard import (
    APP,
    STATE_KEY,
    errors,
    fill_purchase,
    go,
    markdown,
    new_app,
    reopened,
    warnings,
)

UNEXPECTED = "uventet fejl"  # the words of the note shown for a bug instead of a traceback


def upload_tender(at: AppTest, name: str, data: bytes) -> AppTest:
    """The file given to the Start page's tender.yaml uploader (a fresh one each time)."""
    round_ = at.session_state[STATE_KEY].upload_round
    at.file_uploader(key=f"tender_upload_{round_}").upload(name, data).run()
    assert not at.exception
    return at


def with_half_a_tender() -> AppTest:
    """An officer who has typed a title and gone to the Start page to open a file."""
    at = new_app()
    at.text_input(key="title").input("Mit halve udbud").run()
    return go(at, "step_start")


# -- Files given to the Start page --------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [b"PK\x03\x04\x14\x00\x06\x00" + bytes(200), b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"],
    ids=["docx", "pdf"],
)
def test_a_word_or_pdf_file_renamed_yaml_is_called_what_it_is(data):
    # Was: PyYAML's English about "#x0003" at a position in "<unicode string>", or "not UTF-8"
    at = with_half_a_tender()
    upload_tender(at, "udbud.yaml", data)
    assert errors(at) == [
        "udbud.yaml: er en Word-, Excel- eller PDF-fil, ikke en YAML-tekstfil (fx tender.yaml)"
    ]
    at.sidebar.radio(key="ui_lang").set_value("en").run()
    upload_tender(at, "udbud.yaml", data)
    assert errors(at) == [
        "udbud.yaml: is a Word, Excel or PDF file, not a YAML text file (e.g. tender.yaml)"
    ]
    assert at.session_state[STATE_KEY].title == "Mit halve udbud"


def test_a_control_character_in_pasted_yaml_is_named_with_its_line():
    at = with_half_a_tender()
    at.text_area(key="tender_paste").input("id: abc\ntitle: Et\x03udbud\n").run()
    at.button(key="tender_paste_load").click().run()
    assert errors(at) == [
        "tender.yaml:2: tegnet U+0003 er et styretegn, som ikke må stå i en YAML-fil; slet det"
    ]


@pytest.mark.parametrize(
    "old, new, problem",
    [
        ("library_version: 1.0.0", "library_version: 9.9.9", "ingen udgivelse '9.9.9'"),
        ("- organisation\n", "- ukendt-integration\n", "ukendt integration 'ukendt-integration'"),
    ],
    ids=["library-version", "integration"],
)
def test_a_tender_naming_what_the_library_lacks_is_refused_naming_the_file(old, new, problem):
    text = dump_tender(sample_tender())
    assert old in text
    at = with_half_a_tender()
    upload_tender(at, "fra-kollega.yaml", text.replace(old, new, 1).encode())
    [message] = errors(at)
    assert message.startswith("fra-kollega.yaml: ") and problem in message, message
    assert at.session_state[STATE_KEY].title == "Mit halve udbud"


def test_a_tender_with_a_requirement_the_library_lacks_opens_and_says_so():
    tender = sample_tender()
    text = dump_tender(tender).replace("- id: FKI-ORG-001", "- id: FKI-XXX-999", 1)
    at = with_half_a_tender()
    upload_tender(at, "fra-kollega.yaml", text.encode())
    assert at.session_state[STATE_KEY].tender_id == tender.id
    message = warnings(at)
    assert message.startswith("fra-kollega.yaml: 1 af udbuddets krav findes ikke i kravbibliotek")
    assert "FKI-XXX-999" in message and "trin 5" in message
    go(at, "step_requirements")
    assert any("FKI-XXX-999" in e for e in errors(at))  # listed there, with a remove button
    at.button(key="remove_unknown").click().run()
    assert "FKI-XXX-999" not in at.session_state[STATE_KEY].choices


def test_pasted_text_is_capped_like_a_file_and_kept_while_visiting_other_steps():
    at = with_half_a_tender()
    # 12 MB of YAML took ten seconds to be refused for its content; now its size refuses it
    at.text_area(key="tender_paste").input("- x\n" * (3 * 1024 * 1024)).run()
    at.button(key="tender_paste_load").click().run()
    assert errors(at) == ["tender.yaml: filen er for stor til at være en udbudsfil (over 10 MB)"]
    # Half-pasted text survives a visit to another step (it lived only in the widget before)
    at.text_area(key="tender_paste").input("title: halvt indsat\n").run()
    go(at, "step_purchase")
    go(at, "step_start")
    assert at.text_area(key="tender_paste").value == "title: halvt indsat\n"
    # Once loaded, the box is emptied
    at.text_area(key="tender_paste").input(dump_tender(sample_tender())).run()
    at.button(key="tender_paste_load").click().run()
    assert at.session_state[STATE_KEY].title == sample_tender().title
    go(at, "step_start")
    assert at.text_area(key="tender_paste").value == ""


# -- Text that tries to format the page or break the documents ----------------------------------


def test_the_continue_button_shows_a_title_as_text_never_as_an_image_or_link():
    title = "![x](http://127.0.0.1:9/x.png) **fed** [link](http://e.dk)"
    at = new_app()
    at.text_input(key="title").input(title).run()
    go(at, "step_start")
    # A button label is Markdown: the image was fetched from the address in the title
    assert at.button(key="start_continue").label == f"Fortsæt med »{plain(title)}«"


def test_control_characters_pasted_into_texts_do_not_break_the_documents(downloads):
    # Word's line break arrives as \x0b when its text is pasted; \x00 and \x1b from elsewhere
    at = fill_purchase(new_app())
    go(at, "step_purchase")
    at.text_input(key="title").input("Anskaffelse af\x0bESDH-system").run()
    at.text_input(key="case_number").input("2026\x00-0047\x1b11").run()
    go(at, "step_documents")
    assert not errors(at), errors(at)
    annex = Document(io.BytesIO(downloads(at, "annex.docx")))
    assert "Anskaffelse af ESDH-system" in "\n".join(p.text for p in annex.paragraphs)
    for name in ("response-form.docx", "response-form.xlsx", "all.zip"):
        assert zipfile.is_zipfile(io.BytesIO(downloads(at, name))), name


def test_forms_of_a_tender_with_control_characters_read_back_unaltered():
    library = shipped_release()
    odd = "Tekst\x0bmed linjeskift\x00 og \x1bstyretegn\ufffe"
    tender = dataclasses.replace(
        sample_tender(),
        title="Titel\x0b" + odd,
        buyer=Buyer("Kommune\x00", None),
        custom_requirements=(CustomRequirement("LOKAL-1", "drift", odd, odd, "K"),),
    )
    spec = resolve_tender(tender, library)
    forms = render_documents(spec)
    answers = {r.id: "Opfyldt" for r in spec.requirements}
    for name, filled in (
        ("a.docx", fill_docx_form(forms["response-form.docx"], answers, {"name": "A"})),
        ("b.xlsx", fill_xlsx_form(forms["response-form.xlsx"], answers, {"name": "B"})),
    ):
        result = evaluate_response(spec, read_response(filled, name))
        assert result.compliant and not result.findings, (name, result.findings)


def test_a_tender_dated_after_2107_still_gets_its_documents(downloads):
    # Zip entries cannot hold such a date: the documents step said only "failed"
    tender = dataclasses.replace(sample_tender(), date="2200-01-01", deadline="2200-02-01")
    at = new_app(new_tender=False)
    upload_tender(at, "tender.yaml", dump_tender(tender).encode())
    go(at, "step_documents")
    assert not errors(at), errors(at)
    assert zipfile.is_zipfile(io.BytesIO(downloads(at, "annex.docx")))


# -- Going elsewhere half-way ------------------------------------------------------------------


def test_a_half_written_local_requirement_survives_other_steps_and_a_language_switch():
    at = fill_purchase(new_app())
    go(at, "step_requirements")
    n = at.session_state[STATE_KEY].next_local_number
    at.text_input(key=f"local_title_{n}").input("Lokal logning").run()
    at.text_area(key=f"local_text_{n}").input("Systemet skal logge alt.").run()
    at.selectbox(key=f"local_kind_{n}").select("PK").run()
    at.text_input(key=f"local_weight_{n}").input("4").run()
    # The officer checks something in step 2, and reads the page in English
    go(at, "step_purchase")
    at.sidebar.radio(key="ui_lang").set_value("en").run()
    go(at, "step_requirements")
    assert at.text_input(key=f"local_title_{n}").value == "Lokal logning"
    assert at.text_area(key=f"local_text_{n}").value == "Systemet skal logge alt."
    assert at.selectbox(key=f"local_kind_{n}").value == "PK"
    assert at.text_input(key=f"local_weight_{n}").value == "4"
    next(b for b in at.button if b.label == "Add local requirement").click().run()
    local = at.session_state[STATE_KEY].local
    assert [(r.id, r.title, r.kind, r.weight) for r in local] == [
        (f"LOKAL-{n}", "Lokal logning", "PK", 4)
    ]
    assert at.text_input(key=f"local_title_{n + 1}").value == ""  # a fresh, empty draft


# -- The workspace changing under the wizard ----------------------------------------------------


def test_an_unwritable_workspace_never_lets_a_new_tender_replace_unsaved_work(
    tmp_path, monkeypatch
):
    at = new_app()
    at.text_input(key="title").input("Mit udbud").run()
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the workspace should be")
    monkeypatch.setenv("PROCURE_WORKSPACE", str(blocked / "workspace"))
    at.text_input(key="title").input("Mit udbud, ikke gemt").run()
    assert any("kunne ikke gemmes" in e for e in errors(at))
    go(at, "step_start")
    # "New tender" and opening a file both replaced the tender on screen, saved or not
    at.button(key="start_new").click().run()
    upload_tender(at, "tender.yaml", dump_tender(sample_tender()).encode())
    assert at.session_state[STATE_KEY].title == "Mit udbud, ikke gemt"
    assert any("bliver stående" in e for e in errors(at))
    go(at, "step_purchase")
    assert at.text_input(key="title").value == "Mit udbud, ikke gemt"


def test_a_tender_deleted_in_another_tab_while_open_is_saved_again_with_its_bids(
    workspace_in_tmp,
):
    at = checked_tender(new_app())
    enter_override(at, "6,5", "Beskrivelsen dækker hele kravet.")
    tender_id = at.session_state[STATE_KEY].tender_id
    other = AppTest.from_file(APP, default_timeout=60).run()  # a colleague on the start page
    other.button(key=f"saved_delete_{tender_id}").click().run()
    other.button(key=f"saved_delete_yes_{tender_id}").click().run()
    folder = workspace_in_tmp / "tenders" / tender_id
    assert not folder.exists()
    go(at, "step_purchase")  # the officer goes on working
    assert "slettet i en anden fane" in warnings(at)
    assert (folder / "draft.json").is_file()
    assert (folder / "tender.evaluation.yaml").is_file()
    manifest = json.loads((folder / "bids" / "manifest.json").read_text())
    assert [entry["name"] for entry in manifest] == ["a.yaml"]


def test_two_tabs_changing_different_fields_keep_both_changes():
    first = fill_purchase(new_app())
    tender_id = first.session_state[STATE_KEY].tender_id
    go(first, "step_purchase")
    second = go(reopened(tender_id), "step_purchase")
    second.text_input(key="buyer").input("Anden Kommune").run()
    # The first tab has not looked since: its change comes before it sees the second's
    first.text_input(key="title").input("Ny titel").run()
    state = first.session_state[STATE_KEY]
    assert (state.title, state.buyer) == ("Ny titel", "Anden Kommune")
    second.run()
    state = second.session_state[STATE_KEY]
    assert (state.title, state.buyer) == ("Ny titel", "Anden Kommune")
    # Both change the title: this tab's value is kept and the officer is told which field
    second.text_input(key="title").input("Titel fra fane 2").run()
    first.text_input(key="title").input("Titel fra fane 1").run()
    assert "Udbuddets titel" in warnings(first)
    assert first.session_state[STATE_KEY].title == "Titel fra fane 1"


@pytest.mark.parametrize(
    "field, value",
    [
        ("doc_lang", "xx"),
        ("evaluation", {"criteria": [{"name": "Kvalitet", "weight": "60"}]}),
        ("evaluation", {"scale_max": 10, "decimals": 2, "criteria": []}),
        ("price_lines", [{"id": "P 1", "text": "Pris"}]),
        ("tender_extra", {"title": "Overskriver titlen"}),
        ("integrations", "organisation"),
        ("deadline", "2027-99-99T77:77"),
        ("choices", {"FKI-ORG-001": {"kind": "ZZ"}}),
    ],
)
def test_a_draft_damaged_on_disk_is_refused_naming_the_field_not_a_step_that_breaks(
    workspace_in_tmp, field, value
):
    tender_id = fill_purchase(new_app()).session_state[STATE_KEY].tender_id
    path = workspace_in_tmp / "tenders" / tender_id / "draft.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    document["draft"][field] = value
    path.write_text(json.dumps(document), encoding="utf-8")
    at = reopened(tender_id)
    message = " ".join(errors(at))
    assert "draft.json" in message and f"'{field}" in message, message
    for step in STEP_KEYS:
        go(at, step)
        assert not any(UNEXPECTED in e for e in errors(at)), (step, errors(at))


def test_every_step_and_both_languages_work_on_an_empty_tender():
    at = new_app(new_tender=False)
    for step in STEP_KEYS:
        go(at, step)
        for lang in ("en", "da"):
            at.sidebar.radio(key="ui_lang").set_value(lang).run()
            assert not at.exception
            assert not any(UNEXPECTED in e or "unexpected" in e for e in errors(at)), step


def test_an_opened_file_keeps_its_name_in_messages_after_confirming_the_replacement():
    tender = dataclasses.replace(sample_tender(), id=str(uuid.uuid4()))
    text = dump_tender(tender).replace("- id: FKI-ORG-001", "- id: FKI-XXX-999", 1)
    at = with_half_a_tender()
    upload_tender(at, "første.yaml", text.encode())
    go(at, "step_start")
    upload_tender(at, "igen.yaml", text.encode())  # already saved: asked first
    at.button(key="replace_yes").click().run()
    assert warnings(at).startswith("igen.yaml: 1 af udbuddets krav")
    assert "FKI-XXX-999" in markdown(at) or "FKI-XXX-999" in warnings(at)


def test_two_tabs_working_on_different_requirements_keep_both():
    from procure.ui.workspace import merge_draft_content

    local = {"area": "drift", "title": "T", "text": "x", "kind": "K", "weight": None}
    excluded = {"include": False, "kind": None, "weight": None}
    base = {
        "title": "Udbud",
        "choices": {"FKI-ORG-001": {"include": None, "kind": "PK", "weight": 5}},
        "local": [{**local, "id": "LOKAL-1"}],
        "next_local_number": 2,
    }
    mine = {
        **base,
        "choices": {**base["choices"], "FKI-ORG-002": excluded},
        "local": [*base["local"], {**local, "id": "LOKAL-2", "title": "Mit"}],
        "next_local_number": 3,
    }
    theirs = {
        **base,
        "choices": {"FKI-ORG-001": {"include": None, "kind": "PK", "weight": 9}},
        "local": [*base["local"], {**local, "id": "LOKAL-2", "title": "Deres"}],
        "next_local_number": 3,
    }
    merged, clashes = merge_draft_content(base, mine, theirs)
    assert clashes == []
    assert merged["choices"] == {
        "FKI-ORG-001": {"include": None, "kind": "PK", "weight": 9},
        "FKI-ORG-002": excluded,
    }
    # Both added a LOKAL-2: neither is lost, this tab's gets the next free number
    assert [(r["id"], r["title"]) for r in merged["local"]] == [
        ("LOKAL-1", "T"),
        ("LOKAL-2", "Deres"),
        ("LOKAL-3", "Mit"),
    ]
    assert merged["next_local_number"] == 4


def test_bidirectional_overrides_cannot_reverse_what_the_officer_reads():
    from procure.ui.session import plain

    assert plain("Leverandør \u202e0005 kr.") == "Leverandør 0005 kr\\."
    assert plain("\u2066isoleret\u2069") == "isoleret"


def test_bare_web_and_mail_addresses_in_vendor_text_stay_text():
    from procure.ui.session import plain

    shown = plain("Se www.example.com, https://x.dk og salg@firma.dk")
    joiner = "\u2060"
    assert f"www{joiner}\\." in shown and f"https{joiner}\\:" in shown and f"@{joiner}" in shown
    # What the officer reads is unchanged apart from the invisible joiners
    assert (
        shown.replace(joiner, "").replace("\\", "")
        == "Se www.example.com, https://x.dk og salg@firma.dk"
    )


def test_a_widget_label_is_escaped_only_where_markdown_would_format_it():
    """A label is also the widget's accessible name, read aloud as written (WCAG 2.5.3): an
    ordinary title stays as it is, a formatting character is still neutralised."""
    from procure.ui.session import label_plain

    title = "FKI-ORG-001 · Organisationsdata (MOX) – 1. version, 25 % #2 + »x«"
    assert label_plain(title) == title
    assert label_plain("**fed** _x_ ~~y~~ [link](u) $x$ `k`") == (
        "\\*\\*fed\\*\\* \\_x\\_ \\~\\~y\\~\\~ \\[link\\](u) \\$x\\$ \\`k\\`"
    )
    assert label_plain("kl. 10:30 :red[rød] :smile:") == "kl. 10:30 \\:red\\[rød\\] \\:smile:"
    assert label_plain("Leverandør \u202e0005") == "Leverandør 0005"


def test_step_5_checkbox_is_named_by_the_requirement_as_shown_and_steps_are_buttons():
    from tests.wizard import fill_purchase

    at = go(fill_purchase(new_app()), "step_requirements")
    first = at.checkbox(key="req_include_FKI-OVB-001")
    assert first.label == "FKI-OVB-001 · Fortegnelse over systemets FKI-integrationer"
    first.uncheck().run()  # "ændret af dig" is added as plain text too
    first = at.checkbox(key="req_include_FKI-OVB-001")
    assert first.label == (
        "FKI-OVB-001 · Fortegnelse over systemets FKI-integrationer · ændret af dig"
    )
    assert not any(ch in box.label for box in at.checkbox for ch in "*~\\")
    # The sidebar: one button per step, the current one primary; no radio group of steps
    nav = [b for b in at.sidebar.button if b.key.startswith("nav_step_")]
    assert [b.label for b in nav] == [shown_step(key) for key in STEP_KEYS]
    kinds = [b.proto.type for b in nav]
    assert kinds.count("primary") == 1 and kinds[4] == "primary"
    assert [r.key for r in at.sidebar.radio] == ["ui_lang"]


def test_the_page_title_names_the_step_and_the_tender():
    from procure.ui.accessibility import page_script, page_title
    from procure.ui.state import WizardState

    state = WizardState()
    state.step = STEP_KEYS.index("step_requirements")
    assert page_title(state) == "5. Krav – procure"
    state.title = "Anskaffelse af\nESDH-system </script>"
    assert page_title(state) == "5. Krav – Anskaffelse af ESDH-system </script> – procure"
    state.ui_lang = "en"
    assert page_title(state) == "5. Requirements – Anskaffelse af ESDH-system </script> – procure"
    script = page_script(state)
    assert '"lang": "en"' in script and "You are now on step 5. Requirements" in script
    assert script.count("</script>") == 1  # the tender's title never goes into the script


def shown_step(key: str) -> str:
    from procure.ui.texts import tr

    return tr("da", key)
