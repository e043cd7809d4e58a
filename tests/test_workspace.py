"""The wizard's workspace: what is saved survives a refresh, a second tab and a restart."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from streamlit.testing.v1 import AppTest

from procure.errors import ProcureError
from procure.evaluation import Override, Overrides
from procure.tender import parse_tender
from procure.tender.model import CustomRequirement
from procure.ui.state import RequirementChoice, UploadedFile, WizardState, build_tender
from procure.ui.workspace import Workspace, draft_content, state_from_content
from tests.conftest import ROOT
from tests.samples import answer_file, shipped_release
from tests.wizard import APP, SAMPLE_LIBRARY_VERSION, STATE_KEY, go, reopened, shown


def officer_state() -> WizardState:
    state = WizardState(
        title="Anskaffelse af ESDH-system",
        buyer="Eksempel Kommune",
        cvr="12345678",
        category="Y65",
        library_version="1.0.0",
        integrations=["organisation"],
        step=4,
    )
    state.choices["FKI-ORG-001"] = RequirementChoice(kind="PK", weight=7)
    state.choices["FKI-ORG-002"] = RequirementChoice(include=False)
    state.local.append(CustomRequirement("LOKAL-1", "drift", "Logning", "Alt & <mere>", "K"))
    state.next_local_number = 2
    return state


# -- The workspace on its own -------------------------------------------------------------------


def test_a_draft_round_trips_with_every_choice(workspace_in_tmp):
    ws = Workspace(workspace_in_tmp)
    state = officer_state()
    ws.save_draft(state, revision=3)
    loaded = ws.load_draft(state.tender_id)
    assert loaded.revision == 3
    assert draft_content(loaded.state) == draft_content(state)
    assert loaded.state.step == 4
    assert build_tender(loaded.state, shipped_release()) == build_tender(state, shipped_release())
    # Readable by this account only: bids are confidential on a shared server too
    folder = ws.tender_folder(state.tender_id)
    for path in (workspace_in_tmp, folder.parent, folder):
        assert path.stat().st_mode & 0o777 == 0o700, path
    assert (folder / "draft.json").stat().st_mode & 0o777 == 0o600


def test_the_listing_shows_saved_tenders_newest_first_and_a_damaged_one_with_its_problem(
    workspace_in_tmp,
):
    ws = Workspace(workspace_in_tmp)
    first, second = officer_state(), WizardState(title="Andet udbud", buyer="B")
    ws.save_draft(first, 1)
    ws.save_draft(second, 1)
    damaged = ws.tender_folder("0000aaaa-0000-0000-0000-000000000000")
    damaged.mkdir(parents=True)
    (damaged / "draft.json").write_text("{not json", encoding="utf-8")
    listed = ws.list_tenders()
    assert {t.title for t in listed if not t.problem} == {
        "Anskaffelse af ESDH-system",
        "Andet udbud",
    }
    broken = next(t for t in listed if t.problem)
    assert broken.tender_id == damaged.name and "kan ikke læses" in broken.problem
    with pytest.raises(ProcureError, match="draft.json.*kan ikke læses"):
        ws.load_draft(damaged.name)


def test_a_draft_from_another_format_version_is_refused_clearly(workspace_in_tmp):
    ws = Workspace(workspace_in_tmp)
    state = officer_state()
    ws.save_draft(state, 1)
    path = ws.tender_folder(state.tender_id) / "draft.json"
    document = json.loads(path.read_text())
    document["version"] = 99
    path.write_text(json.dumps(document))
    with pytest.raises(ProcureError, match="kladdeformat 99"):
        ws.load_draft(state.tender_id)
    document["version"], document["draft"]["choices"] = 1, {"X": {"weight": "many"}}
    path.write_text(json.dumps(document))
    with pytest.raises(ProcureError, match="kladden kan ikke læses"):
        ws.load_draft(state.tender_id)


def test_an_id_that_is_not_a_plain_id_never_becomes_a_path(workspace_in_tmp):
    ws = Workspace(workspace_in_tmp)
    for hostile in ("../../etc", "a/b", "", ".hidden", "x" * 200):
        with pytest.raises(ProcureError, match="ikke et gyldigt udbuds-id"):
            ws.tender_folder(hostile)
        assert not ws.has_tender(hostile)


def test_bids_are_stored_by_digest_never_by_the_vendors_file_name(workspace_in_tmp):
    ws = Workspace(workspace_in_tmp)
    tender_id = officer_state().tender_id
    bids = [
        UploadedFile("../../evil.docx", b"PK first"),
        UploadedFile("tilbud B.xlsx", b"PK second"),
    ]
    ws.save_bids(tender_id, bids)
    folder = ws.tender_folder(tender_id) / "bids"
    stored = sorted(p.name for p in folder.iterdir())
    assert "manifest.json" in stored and len(stored) == 3
    assert all(name == "manifest.json" or name[:32].isalnum() for name in stored)
    assert not (workspace_in_tmp.parent / "evil.docx").exists()
    assert ws.load_bids(tender_id) == bids
    # Removing one removes its file; a file damaged on disk is not passed off as the bid
    ws.save_bids(tender_id, bids[1:])
    assert ws.load_bids(tender_id) == bids[1:]
    kept = next(p for p in folder.iterdir() if p.name != "manifest.json")
    kept.write_bytes(b"changed on disk")
    assert ws.load_bids(tender_id) == []


def test_an_evaluation_round_trips_and_a_deleted_tender_is_moved_not_destroyed(workspace_in_tmp):
    ws = Workspace(workspace_in_tmp)
    state = officer_state()
    ws.save_draft(state, 1)
    overrides = Overrides(
        state.tender_id,
        (
            Override(
                "Leverandør A",
                "FKI-ORG-001",
                Decimal("6.5"),
                Decimal("3.5"),
                "Dækker kravet.",
                "Mette",
                "2026-11-27T10:00:00+00:00",
            ),
        ),
    )
    ws.save_evaluation(overrides)
    assert ws.load_evaluation(state.tender_id) == overrides
    moved = ws.delete_tender(state.tender_id)
    assert not ws.has_tender(state.tender_id) and ws.list_tenders() == []
    assert (moved / "draft.json").is_file() and (moved / "tender.evaluation.yaml").is_file()


def test_state_from_content_rejects_a_malformed_draft():
    with pytest.raises(TypeError):
        state_from_content(["not", "a", "dict"])
    with pytest.raises(TypeError):
        state_from_content({"choices": {"A": {"include": "yes"}}})


# -- The wizard with its workspace ----------------------------------------------------------------


def started_tender() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.button(key="start_new").click().run()
    # release 1.0.0's requirements are the sample data of the wizard's tests (tests/wizard.py)
    at.selectbox(key="library_version").select(SAMPLE_LIBRARY_VERSION).run()
    at.text_input(key="title").input("Anskaffelse af ESDH-system").run()
    at.text_input(key="buyer").input("Eksempel Kommune").run()
    go(at, "step_system")
    at.selectbox(key="category").select("Y65").run()
    go(at, "step_requirements")
    at.text_input(key="req_search").input("FKI-ORG-001").run()
    at.selectbox(key="req_kind_FKI-ORG-001").select("PK").run()
    at.text_input(key="req_weight_FKI-ORG-001").input("7").run()
    assert not at.exception
    return at


def test_every_change_is_saved_and_a_refresh_comes_back_to_the_same_place(workspace_in_tmp):
    at = started_tender()
    state = at.session_state[STATE_KEY]
    assert at.query_params["udbud"] == [state.tender_id] or at.query_params["udbud"] == (
        state.tender_id
    )
    folder = workspace_in_tmp / "tenders" / state.tender_id
    saved = parse_tender((folder / "tender.yaml").read_text(), "tender.yaml")
    assert ("FKI-ORG-001", "PK", 7) in [(r.id, r.kind, r.weight) for r in saved.requirements]

    again = reopened(state.tender_id)
    assert again.header[0].value == "5. Krav"
    again.text_input(key="req_search").input("FKI-ORG-001").run()  # filters are per session
    assert again.selectbox(key="req_kind_FKI-ORG-001").value == "PK"
    assert again.text_input(key="req_weight_FKI-ORG-001").value == "7"
    go(again, "step_purchase")
    assert again.text_input(key="title").value == "Anskaffelse af ESDH-system"


def test_a_second_tab_sees_the_first_tabs_change(workspace_in_tmp):
    first = started_tender()
    tender_id = first.session_state[STATE_KEY].tender_id
    second = reopened(tender_id)
    go(first, "step_purchase")
    first.text_input(key="title").input("Ny titel fra fane 1").run()
    go(second, "step_purchase")
    assert second.text_input(key="title").value == "Ny titel fra fane 1"
    assert any("anden fane" in i.value for i in second.info)


def test_the_start_page_lists_saved_tenders_and_opens_one(workspace_in_tmp):
    started_tender()
    at = AppTest.from_file(APP, default_timeout=60).run()  # another officer, no address
    assert at.header[0].value == "1. Start"
    text = " ".join(m.value for m in at.markdown).replace("\\", "")
    assert "Anskaffelse af ESDH-system" in text
    open_button = next(b for b in at.button if b.key and b.key.startswith("saved_open_"))
    open_button.click().run()
    assert at.header[0].value == "5. Krav"
    at.text_input(key="req_search").input("FKI-ORG-001").run()
    assert at.selectbox(key="req_kind_FKI-ORG-001").value == "PK"


def test_delete_asks_first_and_moves_the_folder_aside(workspace_in_tmp):
    tender_id = started_tender().session_state[STATE_KEY].tender_id
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.button(key=f"saved_delete_{tender_id}").click().run()
    assert any("slette" in w.value for w in at.warning)
    at.button(key="saved_delete_no").click().run()
    assert (workspace_in_tmp / "tenders" / tender_id).is_dir()
    at.button(key=f"saved_delete_{tender_id}").click().run()
    at.button(key=f"saved_delete_yes_{tender_id}").click().run()
    assert not (workspace_in_tmp / "tenders" / tender_id).exists()
    assert any(p.name.startswith(tender_id) for p in (workspace_in_tmp / "deleted").iterdir())
    assert any("Der er ingen gemte udbud" in i.value for i in at.info)


def test_uploaded_bids_and_overrides_survive_a_refresh(workspace_in_tmp):
    at = started_tender()
    state = at.session_state[STATE_KEY]
    tender = build_tender(state, shipped_release())
    bid = answer_file(tender, "Leverandør A", {"FKI-ORG-001": "Delvist opfyldt"})
    go(at, "step_check")
    at.file_uploader(key="check_responses_0").set_value([("a.yaml", bid, "text/yaml")]).run()
    assert "Leverandør A" in [h.value for h in at.subheader]
    bids = workspace_in_tmp / "tenders" / tender.id / "bids"
    assert len(list(bids.iterdir())) == 2  # the bid and the manifest

    again = reopened(tender.id)
    go(again, "step_check")
    assert "Leverandør A" in [h.value for h in again.subheader]


def test_with_login_configured_nothing_shows_before_login():
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets["auth"] = {
        "redirect_uri": "http://localhost:8501/oauth2callback",
        "cookie_secret": "x" * 32,
        "client_id": "procure",
        "client_secret": "secret",
        "server_metadata_url": "https://login.example.dk/.well-known/openid-configuration",
    }
    at.run()
    assert not at.exception
    assert at.button(key="login").label == "Log ind"
    assert not at.header and not at.sidebar.radio


def test_the_shipped_server_settings_are_the_safe_defaults():
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["address"] == "127.0.0.1"
    assert config["server"]["maxUploadSize"] == 25
    assert config["server"]["enableXsrfProtection"] is True


def test_a_workspace_that_cannot_be_written_says_so_and_keeps_the_entries(tmp_path, monkeypatch):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the workspace should be")
    monkeypatch.setenv("PROCURE_WORKSPACE", str(blocked))
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.button(key="start_new").click().run()
    at.text_input(key="title").input("Mit udbud").run()
    assert not at.exception
    assert any("kunne ikke gemmes" in e.value for e in at.error)
    assert at.text_input(key="title").value == "Mit udbud"


def test_a_damaged_draft_is_listed_with_its_problem_and_the_rest_still_opens(workspace_in_tmp):
    tender_id = started_tender().session_state[STATE_KEY].tender_id
    damaged = workspace_in_tmp / "tenders" / "0000aaaa-0000-0000-0000-000000000000"
    damaged.mkdir(parents=True)
    (damaged / "draft.json").write_bytes(b"\xff\xfe not json")
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert any("Kladden kan ikke åbnes" in e.value for e in at.error)
    at.button(key=f"saved_open_{tender_id}").click().run()
    assert at.header[0].value == "5. Krav"


def test_bids_uploaded_in_two_tabs_are_both_kept(workspace_in_tmp):
    first = started_tender()
    tender = build_tender(first.session_state[STATE_KEY], shipped_release())
    second = reopened(tender.id)
    go(first, "step_check")
    go(second, "step_check")
    first.file_uploader(key="check_responses_0").set_value(
        [("a.yaml", answer_file(tender, "Leverandør A"), "text/yaml")]
    ).run()
    second.file_uploader(key="check_responses_0").set_value(
        [("b.yaml", answer_file(tender, "Leverandør B"), "text/yaml")]
    ).run()
    assert {"Leverandør A", "Leverandør B"} <= {h.value for h in second.subheader}
    first.run()  # the first tab's next rerun picks up the second tab's bid
    assert {"Leverandør A", "Leverandør B"} <= {h.value for h in first.subheader}
    stored = Workspace(workspace_in_tmp).load_bids(tender.id)
    assert sorted(f.name for f in stored) == ["a.yaml", "b.yaml"]
    # Removing one in the first tab removes it for the second tab too
    first.button(key=f"response_remove_{stored[0].digest}_{stored[0].name}").click().run()
    second.run()
    assert len(Workspace(workspace_in_tmp).load_bids(tender.id)) == 1
    assert len(second.session_state[STATE_KEY].check.responses) == 1


def test_overrides_made_in_two_tabs_are_merged_never_dropped(workspace_in_tmp):
    from procure.ui.persistence import _save_check
    from procure.ui.state import SavedMarks

    def override(who: str, points: str) -> Override:
        return Override(
            "Leverandør A", "FKI-ORG-001", Decimal(points), None, "Begrundet.", who, "2026-11-27"
        )

    first, second = officer_state(), officer_state()
    second.tender_id = first.tender_id
    for state in (first, second):
        state.saved = SavedMarks(revision=1, bids=())
    first.check.evaluations[first.tender_id] = Overrides(first.tender_id, (override("A", "1"),))
    _save_check(first)
    second.check.evaluations[first.tender_id] = Overrides(first.tender_id, (override("B", "2"),))
    _save_check(second)
    stored = Workspace(workspace_in_tmp).load_evaluation(first.tender_id)
    assert [e.by for e in stored.entries] == ["A", "B"]
    assert second.check.evaluations[first.tender_id] == stored


def test_errors_from_below_the_wizard_are_shown_in_the_officers_language():
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.sidebar.radio(key="ui_lang").set_value("en").run()
    at.text_area(key="tender_paste").input("title: [unclosed\n").run()
    at.button(key="tender_paste_load").click().run()
    assert not at.exception
    # The YAML layer's own message, in the officer's language
    assert "tender.yaml:2: invalid YAML:" in " ".join(shown(e.value) for e in at.error)
    at.sidebar.radio(key="ui_lang").set_value("da").run()
    at.button(key="tender_paste_load").click().run()
    assert "tender.yaml:2: ugyldig YAML:" in " ".join(shown(e.value) for e in at.error)
