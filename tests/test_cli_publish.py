"""Publishing and correcting a tender from the command line: exit codes, messages, the file."""

from __future__ import annotations

import json
import shutil

import pytest
import yaml

from procure.cli import main
from procure.tender import load_tender, load_tender_spec
from tests.samples import answer_file

DEADLINE = "2099-01-15T12:00"  # far enough ahead for the tests' real clock


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def tender(tmp_path, capsys):
    """A fresh `tender init` with a deadline: the default model, a draft."""
    path = tmp_path / "tender.yaml"
    code, _, err = run(
        capsys,
        "tender",
        "init",
        "--out",
        path,
        "--title",
        "ESDH",
        "--buyer",
        "Eksempel Kommune",
        "--category",
        "Y65",
        "--deadline",
        DEADLINE,
    )
    assert code == 0, err
    return path


def replace_in(path, old, new, target=None):
    text = path.read_text("utf-8")
    assert old in text
    (target or path).write_text(text.replace(old, new, 1), "utf-8")
    return target or path


def test_init_writes_the_default_model_and_a_fresh_tender_validates(tender, capsys):
    text = tender.read_text("utf-8")
    assert "award_criterion: bedste forhold mellem pris og kvalitet" in text
    assert "- name: Kvalitet\n    weight: 60\n" in text
    assert "- name: Pris\n    weight: 40\n    price_model:\n      kind: relative-linear" in text
    assert "price_lines:\n- id: P1\n  text: Samlet pris for kontraktperioden\n" in text
    code, out, _ = run(capsys, "tender", "validate", tender)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith(f"{tender}: gyldigt – ")
    assert lines[1] == "status: kladde (ikke offentliggjort)"


def test_validate_reports_model_problems_as_errors_with_exit_1(tender, capsys):
    replace_in(tender, "    weight: 40\n", "    weight: 30\n")
    code, out, _ = run(capsys, "tender", "validate", tender)
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith("fejl: evaluation.criteria: ")
    assert "summer til 90" in lines[0]
    assert lines[1] == f"{tender}: ugyldigt – 1 fejl"


def test_publish_refuses_a_tender_with_problems_and_names_them(tender, capsys):
    replace_in(tender, "    weight: 40\n", "    weight: 30\n")
    replace_in(tender, f"deadline: {DEADLINE}\n", "")
    code, out, err = run(capsys, "tender", "publish", tender)
    assert code == 2 and out == ""
    lines = err.splitlines()
    assert lines[0] == (
        f"procure: fejl: {tender}: udbuddet har ingen tilbudsfrist; angiv 'deadline' (fx "
        "2027-01-15T12:00) før offentliggørelse"
    )
    assert lines[1].startswith(f"procure: fejl: {tender}: evaluation.criteria: ")
    assert lines[2] == f"procure: {tender} er ikke offentliggjort: ret 2 fejl først"
    assert load_tender(tender).status == "kladde"


def test_publish_writes_status_and_version_1_and_validate_shows_them(tender, capsys):
    code, out, err = run(capsys, "tender", "publish", tender)
    assert code == 0, err
    first, hint = out.splitlines()
    assert first.startswith(f"offentliggjort: {tender} er version 1 (")
    assert first.endswith(f"tilbudsfristen {DEADLINE} er nu frosset")
    assert hint.startswith("byg de dokumenter, der offentliggøres, fra denne fil: procure build")
    text = tender.read_text("utf-8")
    assert "\ntitle: ESDH\nstatus: offentliggjort\nversion: 1\n" in text
    assert "\npublication:\n  published_at: " in text
    code, out, _ = run(capsys, "tender", "validate", tender)
    assert code == 0
    assert out.splitlines()[1].startswith("status: offentliggjort, version 1 (offentliggjort ")
    code, _, err = run(capsys, "tender", "publish", tender)
    assert code == 2 and "udbuddet er allerede offentliggjort (version 1)" in err


def test_a_published_file_changed_in_place_is_an_error_everywhere(tender, capsys, tmp_path):
    run(capsys, "tender", "publish", tender)
    replace_in(tender, "    weight: 60\n", "    weight: 70\n")
    replace_in(tender, "    weight: 40\n", "    weight: 30\n")
    code, out, _ = run(capsys, "tender", "validate", tender)
    assert code == 1
    assert out.splitlines()[0] == (
        "fejl: ændret efter offentliggørelse uden rettelsesblad: evalueringsmodellen svarer ikke "
        "til version 1. Gendan den offentliggjorte fil, læg ændringerne i en kopi, og kør "
        "'procure tender amend UDBUD --from KOPI --why …'"
    )
    code, out, err = run(capsys, "build", tender, "--out", tmp_path / "docs")
    assert code == 2 and "uden rettelsesblad" in err and not (tmp_path / "docs").exists()
    bid = tmp_path / "bid.yaml"
    bid.write_bytes(answer_file(load_tender(tender)))
    code, _, err = run(capsys, "check", tender, bid)
    assert code == 2 and "uden rettelsesblad" in err


def test_amend_records_the_correction_from_an_edited_copy(tender, capsys, tmp_path):
    run(capsys, "tender", "publish", tender)
    copy = replace_in(tender, "    weight: 60\n", "    weight: 70\n", tmp_path / "copy.yaml")
    replace_in(copy, "    weight: 40\n", "    weight: 30\n")
    code, out, err = run(
        capsys, "tender", "amend", tender, "--from", copy, "--why", "Vægtning rettet"
    )
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == f"rettelse registreret: {tender} er nu version 2"
    assert lines[1].startswith("  rettelse 2 (")
    assert lines[1].endswith("): Vægtning rettet – ændret: evalueringsmodellen")
    assert lines[2:4] == [
        "  - evaluation.criteria[0].weight: 60 → 70",
        "  - evaluation.criteria[1].weight: 40 → 30",
    ]
    corrected = load_tender(tender)
    assert corrected.version == 2 and corrected.evaluation.criteria[0].weight == 70
    assert corrected.amendments[0].parts_changed == ("evaluation",)
    code, out, _ = run(capsys, "tender", "validate", tender)
    assert code == 0 and "status: offentliggjort, version 2" in out and "rettelse 2 (" in out
    # the same copy again changes nothing
    code, _, err = run(capsys, "tender", "amend", tender, "--from", copy, "--why", "igen")
    assert code == 2 and "intet at rette" in err


def test_amend_refuses_a_copy_whose_model_has_problems(tender, capsys, tmp_path):
    run(capsys, "tender", "publish", tender)
    copy = replace_in(tender, "    weight: 60\n", "    weight: 70\n", tmp_path / "copy.yaml")
    code, _, err = run(capsys, "tender", "amend", tender, "--from", copy, "--why", "x")
    assert code == 2
    assert err.splitlines()[-1] == (
        f"procure: rettelsen er ikke registreret: ret 1 fejl i {copy} først"
    )
    assert load_tender(tender).version == 1


def test_check_notes_a_draft_and_marks_a_published_tender_opened_once(tender, capsys, tmp_path):
    bid = tmp_path / "bid.yaml"
    bid.write_bytes(answer_file(load_tender_spec(tender)))
    code, out, _ = run(capsys, "check", tender, bid)
    assert code == 0
    assert out.splitlines()[-1] == (
        "bemærk: udbuddet er ikke offentliggjort (kladde); det er til afprøvning, indtil "
        "'procure tender publish' er kørt"
    )
    run(capsys, "tender", "publish", tender)
    code, out, _ = run(capsys, "check", tender, bid)
    assert code == 0
    assert out.splitlines()[-1] == (
        f"bemærk: første tilbud er åbnet, og udbuddet er nu markeret 'tilbud åbnet' i {tender}; "
        "kravene, evalueringsmodellen, vægtene og prislinjerne kan ikke længere ændres "
        "(udbudsloven § 160)"
    )
    opened = load_tender(tender)
    assert opened.status == "tilbud åbnet" and opened.publication.opened_at
    code, out, _ = run(capsys, "check", tender, bid)
    assert "bemærk" not in out  # only the first time
    # after opening nothing frozen can change
    copy = replace_in(tender, "    weight: 60\n", "    weight: 70\n", tmp_path / "copy.yaml")
    replace_in(copy, "    weight: 40\n", "    weight: 30\n")
    code, _, err = run(capsys, "tender", "amend", tender, "--from", copy, "--why", "for sent")
    assert code == 2
    assert err.strip() == (
        "procure: fejl: tilbuddene er åbnet: kravene, evalueringsmodellen, vægtene og "
        "prislinjerne kan ikke længere ændres (udbudsloven § 160)"
    )


def test_check_json_stays_json_and_the_note_goes_to_stderr(tender, capsys, tmp_path):
    run(capsys, "tender", "publish", tender)
    bid = tmp_path / "bid.yaml"
    bid.write_bytes(answer_file(load_tender_spec(tender)))
    code, out, err = run(capsys, "check", tender, bid, "--format", "json")
    assert code == 0 and json.loads(out)["compliant"] is True
    assert "udbuddet er nu markeret 'tilbud åbnet'" in err


def test_compare_also_opens_the_bids(tender, capsys, tmp_path):
    run(capsys, "tender", "publish", tender)
    bid = tmp_path / "bid.yaml"
    bid.write_bytes(answer_file(load_tender_spec(tender)))
    code, out, _ = run(capsys, "compare", tender, bid, "--out", tmp_path / "c.xlsx")
    assert code == 0 and "'tilbud åbnet'" in out.splitlines()[-1]
    assert load_tender(tender).status == "tilbud åbnet"


def test_build_says_whether_the_tender_is_published(tender, capsys, tmp_path):
    code, out, _ = run(capsys, "build", tender, "--out", tmp_path / "a")
    assert code == 0
    assert out.splitlines()[-1].startswith("bemærk: udbuddet er ikke offentliggjort (kladde)")
    run(capsys, "tender", "publish", tender)
    code, out, _ = run(capsys, "build", tender, "--out", tmp_path / "b")
    assert code == 0
    assert out.splitlines()[-1].startswith("status: offentliggjort, version 1 (")


def test_a_bid_on_the_first_version_after_a_correction_names_the_version(tender, capsys, tmp_path):
    run(capsys, "tender", "publish", tender)
    first = load_tender_spec(tender)
    pk = next(r for r in first.requirements if r.kind == "PK")
    copy = tmp_path / "copy.yaml"
    shutil.copy(tender, copy)
    text = copy.read_text("utf-8")
    text = text.replace(
        f"- id: {pk.id}\n", f"- id: {pk.id}\n  kind: PK\n  weight: {pk.weight + 1}\n"
    )
    text = text.replace(f"      {pk.id}: {pk.weight}\n", f"      {pk.id}: {pk.weight + 1}\n")
    copy.write_text(text, "utf-8")
    code, _, err = run(capsys, "tender", "amend", tender, "--from", copy, "--why", "Vægt")
    assert code == 0, err
    # a bid on version 1's form, with its fingerprint
    bid = tmp_path / "bid.yaml"
    document = yaml.safe_load(answer_file(first))
    document["fingerprint"] = first.fingerprint
    bid.write_text(json.dumps(document), "utf-8")
    code, out, _ = run(capsys, "check", tender, bid, "--format", "json")
    assert code == 0
    (finding,) = [f for f in json.loads(out)["findings"] if f["code"] == "form_mismatch"]
    assert finding["kind"] == "earlier_version"
    assert finding["message"].startswith(
        f"Besvarelsen er lavet på version 1 af udbuddet, som siden er rettet (nu version 2); "
        f"ændret siden: {pk.id}, evalueringsmodellen."
    )


def test_publishing_messages_are_in_english_with_procure_lang(tender, capsys, monkeypatch):
    monkeypatch.setenv("PROCURE_LANG", "en")
    code, out, _ = run(capsys, "tender", "publish", tender)
    assert code == 0 and out.startswith(f"published: {tender} is version 1 (")
    code, out, _ = run(capsys, "tender", "validate", tender)
    assert "status: published, version 1 (published " in out


def test_a_tender_that_cannot_be_written_still_gets_its_check(
    tender, capsys, tmp_path, monkeypatch
):
    import procure.cli.check as check_commands

    def read_only(path):
        raise PermissionError(13, "Permission denied", str(path))

    run(capsys, "tender", "publish", tender)
    monkeypatch.setattr(check_commands, "mark_bids_opened", read_only)
    bid = tmp_path / "bid.yaml"
    bid.write_bytes(answer_file(load_tender_spec(tender)))
    code, out, _ = run(capsys, "check", tender, bid)
    assert code == 0 and "Vurderingen er procures forslag" in out
    assert out.splitlines()[-1] == (
        "bemærk: udbuddet kunne ikke markeres 'tilbud åbnet' (Permission denied); kør "
        f"kontrollen igen med skriveadgang til {tender}"
    )


def test_check_json_on_a_draft_prints_no_note(tender, capsys, tmp_path):
    bid = tmp_path / "bid.yaml"
    bid.write_bytes(answer_file(load_tender_spec(tender)))
    code, out, err = run(capsys, "check", tender, bid, "--format", "json")
    assert code == 0 and json.loads(out)["compliant"] is True and err == ""
