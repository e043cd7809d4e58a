"""The command line as a user runs it: exit codes, one-line errors, no tracebacks."""

import json
import subprocess
import sys

import pytest

from procure.cli import main
from tests.conftest import CASES, SHIPPED_LIBRARY


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_validate_exit_codes(capsys, tmp_path):
    code, out, _ = run(capsys, "library", "validate", str(SHIPPED_LIBRARY))
    assert code == 0 and "gyldigt" in out and "version 1.1.0, 102 aktive krav" in out
    code, out, _ = run(capsys, "library", "validate", str(CASES / "valid" / "minimal"))
    assert code == 0
    code, _, err = run(capsys, "library", "validate", str(tmp_path / "missing"))
    assert code == 2 and "mappen findes ikke" in err and "Traceback" not in err


def test_validate_prints_every_problem_as_file_line_id_message(capsys, minimal_library):
    req = minimal_library / "requirements" / "organisation.yaml"
    req.write_text(
        req.read_text("utf-8")
        .replace("kind: MK", "kind: XX")
        .replace(
            "integrations: [organisation]\n    categories: [Y65]",
            "integrations: [nope]\n    categories: [Y65]",
        )
    )
    code, out, _ = run(capsys, "library", "validate", str(minimal_library))
    assert code == 1
    lines = out.strip().splitlines()
    assert lines == [
        f"{req}:4: [FKI-ORG-001] feltet 'kind' har værdien 'XX'; tilladt er: MK, PK, K, O"
    ]


def test_release_refuses_second_time(capsys, minimal_library):
    assert run(capsys, "library", "release", str(minimal_library))[0] == 0
    code, _, err = run(capsys, "library", "release", str(minimal_library))
    assert code == 2 and "allerede udgivet" in err


def test_list_show_export(capsys):
    code, out, _ = run(capsys, "library", "list", "--area", "organisation", "--kind", "MK")
    assert code == 0
    ids = [line.split()[0] for line in out.strip().splitlines()]
    assert ids and all(i.startswith("FKI-ORG-") for i in ids)
    code, out, _ = run(capsys, "library", "list", "--integration", "cpr")
    assert code == 0 and all(line for line in out.splitlines())
    code, out, _ = run(capsys, "library", "show", "FKI-ORG-001", "--lang", "en")
    assert code == 0 and out.startswith("FKI-ORG-001") and "Guidance:" in out
    code, _, err = run(capsys, "library", "show", "FKI-ORG-1")
    assert code == 2 and "ukendt krav 'FKI-ORG-1'" in err
    code, out, _ = run(capsys, "library", "export", "--format", "json", "--library", "1.0.0")
    document = json.loads(out)
    assert {"name", "version", "integrations", "categories", "requirements"} <= set(document)
    assert document["version"] == "1.0.0" and len(document["requirements"]) >= 80


def test_diff_json_between_release_and_folder(capsys, minimal_library):
    run(capsys, "library", "release", str(minimal_library))
    code, out, _ = run(
        capsys,
        "library",
        "diff",
        str(minimal_library / "releases" / "1.0.0.json"),
        str(minimal_library),
        "--format",
        "json",
    )
    assert code == 0
    assert json.loads(out) | {} == {
        "old_version": "1.0.0",
        "new_version": "1.0.0",
        "changelog": [],
        "added": [],
        "removed": [],
        "deprecated": [],
        "changed": [],
        "integrations_changed": [],
    }
    code, _, err = run(capsys, "library", "diff", "9.9.9", "1.0.0")
    assert code == 2 and "ingen udgivelse '9.9.9'" in err


def test_tender_init_and_validate(capsys, tmp_path):
    out_file = tmp_path / "tender.yaml"
    code, out, _ = run(
        capsys,
        "tender",
        "init",
        "--out",
        str(out_file),
        "--title",
        "ESDH",
        "--buyer",
        "Eksempel Kommune",
        "--category",
        "Y65",
        "--integration",
        "sags-og-dokumentindeks",
    )
    assert code == 0
    assert (
        "tilføjet fordi valgte integrationer afhænger af dem: klassifikation, organisation" in out
    )
    code, out, _ = run(capsys, "tender", "validate", str(out_file))
    assert code == 0 and "gyldigt" in out
    code, _, err = run(
        capsys,
        "tender",
        "init",
        "--out",
        str(out_file),
        "--title",
        "x",
        "--buyer",
        "y",
        "--category",
        "Y65",
    )
    assert code == 2 and "findes allerede" in err


BAD_TENDERS = {
    "syntax": ("title: [unclosed\n", "ugyldig YAML"),
    "unknown_requirement": (None, "ukendt krav 'FKI-ORG-999'"),
    "unknown_integration": (None, "ukendt integration 'organisationen'"),
    "missing_version": (None, "ingen udgivelse '7.0.0'"),
    "alias_bomb": ("a: &a [x, x]\nb: &b [*a, *a]\n", "YAML-aliaser"),
    "not_a_mapping": ("- just\n- a list\n", "ikke en udbudsfil"),
}


@pytest.mark.parametrize("case", sorted(BAD_TENDERS))
def test_bad_tender_files_give_one_line_and_exit_2(capsys, tmp_path, case):
    good = tmp_path / "good.yaml"
    run(
        capsys,
        "tender",
        "init",
        "--out",
        str(good),
        "--title",
        "T",
        "--buyer",
        "B",
        "--category",
        "Y65",
    )
    text, expected = BAD_TENDERS[case]
    if text is None:
        text = good.read_text("utf-8")
        text = {
            "unknown_requirement": lambda t: t.replace("id: FKI-INT-007", "id: FKI-ORG-999"),
            "unknown_integration": lambda t: t.replace("- organisation\n", "- organisationen\n", 1),
            "missing_version": lambda t: t.replace(
                "library_version: 1.1.0", "library_version: 7.0.0"
            ),
        }[case](text)
    bad = tmp_path / "bad.yaml"
    bad.write_text(text, "utf-8")
    out_dir = tmp_path / "out"
    code, _, err = run(capsys, "build", str(bad), "--out", str(out_dir))
    assert code == 2
    assert expected in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not out_dir.exists()


def test_module_entry_point_and_no_traceback_on_garbage(tmp_path):
    garbage = tmp_path / "x.yaml"
    garbage.write_bytes(b"\xff\xfe\x00garbage")
    result = subprocess.run(
        [sys.executable, "-m", "procure", "tender", "validate", str(garbage)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "ikke UTF-8" in result.stderr and "Traceback" not in result.stderr


def test_init_takes_several_integrations_and_kle_groups(capsys, tmp_path):
    out_file = tmp_path / "t.yaml"
    code, out, _ = run(
        capsys,
        "tender",
        "init",
        "--out",
        str(out_file),
        "--title",
        "T",
        "--buyer",
        "B",
        "--category",
        "Y26",
        "--integration",
        "cpr",
        "cvr",
        "--integration",
        "nemsms",
        "--kle",
        "27",
        "28",
        "--lang",
        "en",
    )
    assert code == 0
    from procure.tender import load_tender

    tender = load_tender(out_file)
    assert tender.integrations == ("cpr", "cvr", "nemsms")
    assert tender.kle == ("27", "28") and tender.language == "en"
    assert "adgangsstyring-systemer" in out  # added by dependency, and said so


def test_build_into_a_file_and_validate_a_word_file_are_clear_errors(capsys, tmp_path):
    tender = tmp_path / "t.yaml"
    run(
        capsys,
        "tender",
        "init",
        "--out",
        str(tender),
        "--title",
        "T",
        "--buyer",
        "B",
        "--category",
        "Y65",
    )
    blocker = tmp_path / "out"
    blocker.write_text("not a folder")
    code, _, err = run(capsys, "build", str(tender), "--out", str(blocker))
    assert code == 2 and "er en fil, ikke en mappe" in err
    word = tmp_path / "annex.docx"
    word.write_bytes(b"PK\x03\x04" + bytes(100))
    code, _, err = run(capsys, "tender", "validate", str(word))
    assert code == 2 and "ikke en YAML-tekstfil" in err


def test_build_pdf_without_libreoffice_says_so_and_writes_nothing(capsys, tmp_path, monkeypatch):
    from procure.documents import pdf
    from procure.tender import save_tender
    from tests.samples import sample_tender

    tender = tmp_path / "tender.yaml"
    save_tender(sample_tender("da"), tender)
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    out_dir = tmp_path / "udbud"
    code, out, err = run(capsys, "build", str(tender), "--out", str(out_dir), "--pdf")
    assert code == 2
    assert err.strip() == (
        "procure: fejl: --pdf kræver LibreOffice (programmet soffice), som ikke er installeret "
        "her; installér LibreOffice Writer (Debian: apt install libreoffice-writer-nogui), eller "
        "byg uden --pdf. Intet er skrevet"
    )
    assert not out_dir.exists() and out == ""
    monkeypatch.setenv("PROCURE_LANG", "en")
    code, _, err = run(capsys, "build", str(tender), "--out", str(out_dir), "--pdf")
    assert code == 2 and "--pdf needs LibreOffice (the program soffice)" in err
    assert "Nothing was written" in err and not out_dir.exists()


def test_build_pdf_refuses_a_pdf_that_lost_requirements(capsys, tmp_path, monkeypatch):
    """LibreOffice 7.4 was seen to leave a table's last rows out of a PDF: the PDFs are read
    back (pdftotext) and one that misses a requirement is not written."""
    import subprocess as real_subprocess
    from pathlib import Path

    from procure.documents import pdf
    from procure.tender import save_tender
    from tests.samples import sample_spec, sample_tender

    tender = tmp_path / "tender.yaml"
    save_tender(sample_tender("da"), tender)
    ids = [r.id for r in sample_spec("da").requirements]
    lost = ids[-1]

    def fake_run(command, **kwargs):
        if "--convert-to" in command:  # LibreOffice: a PDF per document
            out = Path(command[command.index("--outdir") + 1])
            out.mkdir(parents=True, exist_ok=True)
            for source in command[command.index("--outdir") + 2 :]:
                (out / (Path(source).stem + ".pdf")).write_bytes(b"%PDF-1.6 fake")
            return real_subprocess.CompletedProcess(command, 0, b"", b"")
        shown = " ".join(i for i in ids if i != lost)  # pdftotext: the text, one id short
        return real_subprocess.CompletedProcess(command, 0, shown.encode(), b"")

    monkeypatch.setattr(pdf.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(pdf.subprocess, "run", fake_run)
    out_dir = tmp_path / "udbud"
    code, out, err = run(capsys, "build", str(tender), "--out", str(out_dir), "--pdf")
    assert code == 2 and not out_dir.exists() and out == ""
    assert err.strip() == (
        f"procure: fejl: LibreOffice har ikke fået alt med i annex.pdf: {lost} mangler i "
        "PDF'en; intet er skrevet. Gem annex.docx som PDF fra Word, eller byg uden --pdf"
    )
