"""The command line, tender files and Word templates speak English with PROCURE_LANG=en, and
the same Danish as always without it."""

from __future__ import annotations

import dataclasses

import pytest
from docx import Document

from procure import forms
from procure.cli import main
from procure.documents.response_docx import render_response_form_docx
from procure.errors import ProcureError
from procure.library import load_release
from procure.tender import lint_tender, propose_tender, save_tender
from tests.samples import sample_spec

NOT_A_TENDER = "- just\n- a list\n"


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "procure: error: {path}: is not a tender file (expected fields such as id, title)"),
        ("da", "procure: fejl: {path}: er ikke en udbudsfil (forventede felter som id, title)"),
    ],
)
def test_a_broken_tender_is_one_line_in_the_language_in_force(
    capsys, tmp_path, monkeypatch, lang, expected
):
    monkeypatch.setenv("PROCURE_LANG", lang)
    bad = tmp_path / "tender.yaml"
    bad.write_text(NOT_A_TENDER, "utf-8")
    code, out, err = run(capsys, "tender", "validate", str(bad))
    assert code == 2 and out == ""
    assert err == expected.format(path=bad) + "\n"


def template_with_unknown_placeholder(folder):
    document = Document()
    document.add_paragraph("{{ tender.title }} {{ logo }}")
    path = folder / "annex.da.docx"
    document.save(path)
    return path


@pytest.mark.parametrize(
    ("lang", "unknown", "unused"),
    [
        (
            "en",
            "unknown placeholder »logo«; see docs/templates.md for the placeholders that exist",
            "the placeholder »{name}« is not used, so the document will be incomplete",
        ),
        (
            "da",
            "ukendt pladsholder »logo«; se docs/templates.md for de pladsholdere, der findes",
            "pladsholderen »{name}« bruges ikke, så dokumentet bliver ufuldstændigt",
        ),
    ],
)
def test_templates_check_reports_in_the_language_in_force(
    capsys, tmp_path, monkeypatch, lang, unknown, unused
):
    monkeypatch.setenv("PROCURE_LANG", lang)
    path = template_with_unknown_placeholder(tmp_path)
    code, out, _ = run(capsys, "templates", "check", str(tmp_path))
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == f"{path}: {unknown}"
    assert f"{path}: {unused.format(name='areas')}" in lines
    assert f"{path}: {unused.format(name='evaluation')}" in lines


def test_an_empty_templates_folder_and_a_bad_option_are_english_errors(
    capsys, tmp_path, monkeypatch
):
    monkeypatch.setenv("PROCURE_LANG", "en")
    code, _, err = run(capsys, "templates", "check", str(tmp_path))
    assert (code, err) == (
        2,
        f"procure: error: {tmp_path}: the folder contains no .docx templates\n",
    )
    tender = tmp_path / "tender.yaml"
    library = load_release("1.0.0")
    save_tender(propose_tender(library, title="T", buyer="B", category="Y65"), tender)
    code, _, err = run(capsys, "check", str(tender), "r.docx", "--max-size-mb", "0")
    assert (code, err) == (2, "procure: error: --max-size-mb must be greater than 0\n")
    code, out, _ = run(capsys, "--help")
    assert code == 0 and "commands:" in out and "the requirement library: validate" in out


def test_tender_validate_prints_its_lines_and_warnings_in_english(capsys, tmp_path, monkeypatch):
    library = load_release("1.0.0")
    tender = propose_tender(library, title="ESDH", buyer="B", category="Y65", date="2026-01-05")
    rid = "FKI-INT-003"  # K in the library: making it MK gives a warning with guidance
    tender = dataclasses.replace(
        tender,
        requirements=tuple(
            dataclasses.replace(r, kind="MK") if r.id == rid else r for r in tender.requirements
        ),
    )
    path = tmp_path / "tender.yaml"
    save_tender(tender, path)
    monkeypatch.setenv("PROCURE_LANG", "en")
    code, out, _ = run(capsys, "tender", "validate", str(path))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith(f"{path}: valid – ") and "requirement library 1.0.0" in lines[0]
    (warning,) = [w for w in lint_tender(tender, library) if w.subject == rid]
    at = lines.index(f"warning: {warning.line('en')}")
    assert warning.line("en").startswith(f"[{rid}] ")
    assert lines[at + 1] == f"  guidance: {warning.guidance.en}"


def test_a_response_form_template_that_breaks_the_form_is_explained_in_either_language(tmp_path):
    document = Document()
    table = document.add_table(rows=2, cols=len(forms.COLUMNS))
    for cell, key in zip(table.rows[0].cells, forms.COLUMNS, strict=True):
        cell.text = f"{{{{ header.{key} }}}}"
    table.rows[1].cells[forms.COLUMNS.index("id")].text = "X-1"
    document.save(tmp_path / "response-form.da.docx")
    spec = sample_spec("da")
    with pytest.raises(ProcureError) as caught:
        render_response_form_docx(spec, tmp_path)
    ids = [r.id for r in spec.requirements]
    more = len(ids) + 1 - 5
    labels = " | ".join(forms.HEADER_LABELS["da"][c] for c in forms.COLUMNS)
    where = f"{tmp_path / 'response-form.da.docx'}: "
    assert caught.value.text("en") == where + (
        "the template yields a response form that does not match the tender: the row with "
        "requirement id »X-1« is not a requirement of the tender; "
        + "; ".join(f"[{rid}] is missing" for rid in ids[:4])
        + f" (and {more} more). The requirement tables must have the header row »{labels}« and "
        "one row per requirement; see docs/templates.md"
    )
    assert caught.value.text("da") == where + (
        "skabelonen giver en tilbudsliste, som ikke svarer til udbuddet: rækken med krav-id "
        "»X-1« er ikke et krav i udbuddet; "
        + "; ".join(f"[{rid}] mangler" for rid in ids[:4])
        + f" (og {more} til). Kravtabellerne skal have overskriftsrækken »{labels}« og én række "
        "pr. krav; se docs/templates.md"
    )
