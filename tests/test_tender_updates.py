"""`procure tender validate` tells the officer when a newer library release retires or changes
requirements the tender uses; the tender stays pinned, valid and buildable (exit 0)."""

from procure.cli import main
from procure.library import load_release
from procure.tender.proposal import propose_tender
from procure.tender.updates import release_updates
from tests.conftest import SHIPPED_LIBRARY


def _run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _init(capsys, path, version):
    code, _, _ = _run(
        capsys,
        "tender",
        "init",
        "--out",
        str(path),
        "--title",
        "ESDH",
        "--buyer",
        "Eksempel Kommune",
        "--category",
        "Y65",
        "--library-version",
        version,
    )
    assert code == 0


def test_release_updates_lists_retired_and_changed_requirements_in_tender_order():
    old = load_release("1.0.0", SHIPPED_LIBRARY)
    new = load_release("1.1.0", SHIPPED_LIBRARY)
    tender = propose_tender(
        old, title="T", buyer="B", category="Y65", tender_id="t", date="2026-12-14"
    )
    found = release_updates(tender, old, new)
    assert (found.pinned, found.newer) == ("1.0.0", "1.1.0")
    by_id = {u.id: u for u in found.updates}
    assert by_id["FKI-ORG-001"].retired and by_id["FKI-ORG-001"].replaced_by == "FKI-INT-007"
    assert not by_id["FKI-KLE-001"].retired
    assert by_id["FKI-KLE-001"].fields == ("besvarelse", "vejledning", "kravtekst")
    assert "FKI-ORG-004" not in by_id  # unchanged in 1.1.0
    order = [s.id for s in tender.requirements]
    assert [u.id for u in found.updates] == [i for i in order if i in by_id]
    # FKI-INT-008 (Y60 only) is not in a Y65 tender: 16 of the 17 retired requirements are
    assert len(found.retired) == 16 and len(found.changed) == len(found.updates) - 16


def test_validate_of_a_tender_pinned_to_1_0_0_names_the_newer_release(capsys, tmp_path):
    path = tmp_path / "tender.yaml"
    _init(capsys, path, "1.0.0")
    code, out, _ = _run(capsys, "tender", "validate", str(path))
    assert code == 0 and "gyldigt" in out and "kravbibliotek 1.0.0" in out
    notice = next(line for line in out.splitlines() if line.startswith("bemærk:"))
    assert notice.startswith(
        "bemærk: kravbibliotek 1.1.0 er udgivet efter udbuddets 1.0.0 og udfaser 16 og ændrer 65 "
    )
    assert notice.endswith(
        "af udbuddets krav; se 'procure library diff 1.0.0 1.1.0' for hvad og hvorfor"
    )
    lines = out.splitlines()
    assert "  [FKI-ORG-001] udfaset i 1.1.0, erstattet af FKI-INT-007" in lines
    assert "  [FKI-KLE-001] ændret i 1.1.0 (besvarelse, vejledning, kravtekst)" in lines


def test_the_notice_in_english(capsys, tmp_path, monkeypatch):
    path = tmp_path / "tender.yaml"
    _init(capsys, path, "1.0.0")
    monkeypatch.setenv("PROCURE_LANG", "en")
    code, out, _ = _run(capsys, "tender", "validate", str(path))
    assert code == 0
    assert "note: requirement library 1.1.0 has been released after the tender's 1.0.0" in out
    assert "  [FKI-ORG-001] retired in 1.1.0, replaced by FKI-INT-007" in out.splitlines()
    assert "  [FKI-KLE-001] changed in 1.1.0 (answer, guidance, requirement text)" in out


def test_a_tender_on_the_newest_release_gets_no_notice(capsys, tmp_path):
    path = tmp_path / "tender.yaml"
    _init(capsys, path, "1.1.0")
    code, out, _ = _run(capsys, "tender", "validate", str(path))
    assert code == 0 and "bemærk:" not in out and "kravbibliotek 1.1.0" in out
