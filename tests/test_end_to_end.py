"""Round trip as officers and vendors use procure: build the tender documents with the CLI,
fill them in as vendors do (Word dropdowns, typed answers, Excel, a YAML answer file), then
check and compare them with the CLI and assert the exact verdicts, findings and scores."""

from __future__ import annotations

import dataclasses
import json
from decimal import ROUND_HALF_UP, Decimal
from io import BytesIO

import pytest
from openpyxl import load_workbook

from procure.cli import main
from procure.tender import save_tender
from procure.tender.resolve import resolve_tender
from tests.fill import fill_docx_form, fill_xlsx_form
from tests.pdftext import pdf_text, shows
from tests.samples import sample_tender, shipped_release


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tender")
    tender = sample_tender()
    save_tender(tender, folder / "tender.yaml")
    assert main(["build", str(folder / "tender.yaml"), "--out", str(folder / "out")]) == 0
    spec = resolve_tender(tender, shipped_release())
    return folder, spec


def all_met(spec):
    return {r.id: ("Opfyldt", f"Vi opfylder {r.id}.", "") for r in spec.requirements}


def word_bid(folder, path, answers, **fill):
    """The built response-form.docx filled in as a vendor would, written to `path`."""
    form = (folder / "out" / "response-form.docx").read_bytes()
    path.write_bytes(fill_docx_form(form, answers, **fill))
    return path


def check_json(capsys, tender, response):
    code = main(["check", str(tender), str(response), "--format", "json"])
    out, err = capsys.readouterr()
    assert err == ""
    return code, json.loads(out)


def expected_score(spec, partial_ids=(), failed_ids=()):
    earned, total = Decimal(0), Decimal(0)
    for r in spec.requirements:
        if r.kind != "PK":
            continue
        total += r.weight
        factor = (
            Decimal(0)
            if r.id in failed_ids
            else (spec.evaluation.partial_credit if r.id in partial_ids else Decimal(1))
        )
        earned += r.weight * factor
    return float((earned / total * 10).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def test_word_dropdown_answers_give_exact_verdict_and_score(built, capsys, tmp_path):
    folder, spec = built
    pk = next(r for r in spec.requirements if r.kind == "PK")
    answers = all_met(spec)
    answers[pk.id] = ("Delvist opfyldt", "Delvis løsning", "Leveres i Q3 2027. Pris: 40.000 kr.")
    data = fill_docx_form(
        (folder / "out" / "response-form.docx").read_bytes(),
        answers,
        vendor={"name": "Leverandør A/S", "cvr": "87654321"},
    )
    response = tmp_path / "a.docx"
    response.write_bytes(data)
    code, result = check_json(capsys, folder / "tender.yaml", response)
    assert code == 0
    assert result["vendor"] == "Leverandør A/S"
    assert result["tender_id"] == spec.tender.id
    assert result["compliant"] is True
    assert result["mandatory_failed"] == []
    # A stated reservation on a PK is the buyer's to price; the vendor's price is information
    assert result["reservations"] == [
        {
            "id": pk.id,
            "answer": "Delvist opfyldt",
            "price": 40000,
            "text": "Leveres i Q3 2027. Pris: 40.000 kr.",
            "decision": None,
            "buyer_price": None,
            "decision_reason": "",
        }
    ]
    assert result["score"] == expected_score(spec, partial_ids={pk.id})
    assert result["max_score"] == 10
    assert [(f["code"], f["requirement"]) for f in result["findings"]] == [
        ("reservation", pk.id),
        ("reservation_to_price", pk.id),
    ] + [("integration_missing", None)] * len(result["integrations_missing"])
    to_price = next(f for f in result["findings"] if f["code"] == "reservation_to_price")
    assert "leverandørens egen pris, til orientering: 40.000 kr." in to_price["message"]
    assert set(result["integrations_missing"]) == {
        i.id for i in spec.integrations if pk.id in i.requirement_ids
    }


def test_excel_failed_mandatory_is_non_compliant(built, capsys, tmp_path):
    folder, spec = built
    mk = next(r for r in spec.requirements if r.kind == "MK")
    answers = all_met(spec)
    answers[mk.id] = ("ikke opfyldt", "", "Kræver ekstra modul")
    answers["LOKAL-1"] = (" OPFYLDT ", '=HYPERLINK("http://x")', "")
    data = fill_xlsx_form(
        (folder / "out" / "response-form.xlsx").read_bytes(),
        answers,
        vendor={"name": "Leverandør B"},
    )
    response = tmp_path / "b.xlsx"
    response.write_bytes(data)
    code, result = check_json(capsys, folder / "tender.yaml", response)
    assert code == 1
    assert result["compliant"] is False
    assert result["mandatory_failed"] == [mk.id]
    assert ("mandatory_failed", mk.id) in [
        (f["code"], f["requirement"]) for f in result["findings"]
    ]
    assert result["score"] == 10


def test_typed_answers_altered_text_and_unknown_rows_in_word(built, capsys, tmp_path):
    folder, spec = built
    k = next(r for r in spec.requirements if r.kind == "K")
    answers = all_met(spec)
    answers[k.id] = ("Ikke opfyldt", "", "Ikke muligt")
    data = fill_docx_form(
        (folder / "out" / "response-form.docx").read_bytes(),
        answers,
        vendor={"name": "Leverandør C"},
        typed={r.id for r in spec.requirements},
    )
    # the vendor softens a requirement text: a hidden reservation
    mk = next(r for r in spec.requirements if r.kind == "MK")
    from docx import Document

    document = Document(BytesIO(data))
    for table in document.tables:
        for row in table.rows:
            if row.cells[1].text.strip() == mk.id:
                paragraph = row.cells[2].paragraphs[-1]
                paragraph.runs[0].text = paragraph.runs[0].text.replace("skal", "bør", 1)
                for run in paragraph.runs[1:]:
                    run.text = run.text.replace("skal", "bør", 1)
    buffer = BytesIO()
    document.save(buffer)
    response = tmp_path / "c.docx"
    response.write_bytes(buffer.getvalue())
    code, result = check_json(capsys, folder / "tender.yaml", response)
    found = [(f["code"], f["requirement"]) for f in result["findings"]]
    assert code == 1
    assert ("text_altered", mk.id) in found and ("mandatory_failed", mk.id) in found
    assert ("reservation", k.id) in found and ("reservation_to_price", k.id) in found
    altered = next(f for f in result["findings"] if f["code"] == "text_altered")
    assert "«skal»" in altered["message"] and "«bør»" in altered["message"]


def test_answer_file_and_compare_without_ranking_and_note(built, capsys, tmp_path):
    folder, spec = built
    answers_yaml = [
        "format: procure-answers/1",
        f"tender_id: {spec.tender.id}",
        'vendor: {name: "=Leverandør D"}',
        "answers:",
    ]
    for r in spec.requirements:
        answers_yaml.append(f"  - {{id: {r.id}, answer: Opfyldt}}")
    yaml_file = tmp_path / "d.yaml"
    yaml_file.write_text("\n".join(answers_yaml) + "\n", "utf-8")
    met = all_met(spec)
    a = word_bid(folder, tmp_path / "a.docx", met, vendor={"name": "Leverandør A"})
    pk = next(r for r in spec.requirements if r.kind == "PK")
    worse = dict(met, **{pk.id: ("Ikke opfyldt", "", "Ikke muligt. Pris: 0 kr.")})
    b = tmp_path / "b.xlsx"
    b.write_bytes(
        fill_xlsx_form(
            (folder / "out" / "response-form.xlsx").read_bytes(),
            worse,
            vendor={"name": "Leverandør B"},
        )
    )
    out = tmp_path / "comparison.xlsx"
    note = tmp_path / "note.docx"
    code = main(
        [
            "compare",
            str(folder / "tender.yaml"),
            str(a),
            str(b),
            str(yaml_file),
            "--out",
            str(out),
            "--report",
            str(note),
        ]
    )
    printed = capsys.readouterr().out
    assert code == 0
    # Compliance and reservations side by side; no ranking by the vendors' own answers
    assert "  Leverandør A: Ja; 0 forbehold, 0 endnu ikke prissat af kommunen" in printed
    assert "  =Leverandør D: Ja; 0 forbehold" in printed
    assert "  Leverandør B: Ja; 1 forbehold, 1 endnu ikke prissat af kommunen" in printed
    assert "Tilbuddene rangeres ikke her" in printed
    assert "1." not in printed and "Placering" not in printed
    sheet = load_workbook(out).worksheets[0]
    values = {c.value for row in sheet.iter_rows() for c in row}
    assert "=Leverandør D" in values  # vendor text stays text, never a formula
    formula_cells = [c for row in sheet.iter_rows() for c in row if c.data_type == "f"]
    assert formula_cells == []
    from docx import Document

    document = Document(note)
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Leverandør B" in text and "person skal bekræfte" in text
    assert "rangeres ikke i dette notat" in text
    summary = [[c.text for c in row.cells] for row in document.tables[1].rows]
    assert summary[0] == [
        "Leverandør",
        "Konditionsmæssigt",
        "Forbehold",
        "Prioriterede krav (PK), leverandørens svar (til orientering)",
    ]
    pks = sum(1 for r in spec.requirements if r.kind == "PK")
    assert summary[2] == ["Leverandør B", "Ja", "1", f"{pks - 1} Opfyldt, 1 Ikke opfyldt"]


def test_response_to_another_tender_is_refused_and_nothing_written(built, capsys, tmp_path):
    folder, spec = built
    other = dataclasses.replace(sample_tender(), id="99999999-2222-4333-8444-555555555555")
    save_tender(other, tmp_path / "other.yaml")
    assert main(["build", str(tmp_path / "other.yaml"), "--out", str(tmp_path / "o")]) == 0
    capsys.readouterr()
    data = fill_docx_form((tmp_path / "o" / "response-form.docx").read_bytes(), all_met(spec))
    (tmp_path / "x.docx").write_bytes(data)
    report = tmp_path / "report.docx"
    code = main(
        ["check", str(folder / "tender.yaml"), str(tmp_path / "x.docx"), "--report", str(report)]
    )
    err = capsys.readouterr().err
    assert code == 2 and not report.exists()
    assert err.strip() == (
        f"procure: fejl: {tmp_path / 'x.docx'}: besvarelsen hører til et andet udbud (udbuds-id "
        f"99999999-2222-4333-8444-555555555555, forventet {spec.tender.id}); kontrollér at det "
        "er den rigtige fil"
    )
    # the API still gives the verdict, for the wizard and scripts
    from procure.evaluation import evaluate_response
    from procure.responses.reader import read_response

    result = evaluate_response(spec, read_response(data, "x.docx"))
    assert not result.compliant and result.findings[0].code == "form_mismatch"


def test_hostile_upload_is_exit_2_and_writes_nothing(built, capsys, tmp_path):
    folder, _ = built
    bad = tmp_path / "evil.docx"
    bad.write_bytes(b"%PDF-1.7\n" + bytes(200))
    report = tmp_path / "report.docx"
    code = main(["check", str(folder / "tender.yaml"), str(bad), "--report", str(report)])
    err = capsys.readouterr().err
    assert code == 2 and "evil.docx" in err and len(err.strip().splitlines()) == 1
    assert not report.exists()
    code = main(
        ["compare", str(folder / "tender.yaml"), str(bad), "--out", str(tmp_path / "c.xlsx")]
    )
    assert code == 2 and not (tmp_path / "c.xlsx").exists()


def test_templates_check_command(capsys, tmp_path):
    from tests.conftest import ROOT

    assert main(["templates", "check", str(ROOT / "templates")]) == 0
    broken = tmp_path / "t"
    broken.mkdir()
    from docx import Document

    document = Document()
    document.add_paragraph("{{ tender.title }} {{ not_a_variable }}")
    document.save(broken / "annex.da.docx")
    code = main(["templates", "check", str(broken)])
    out = capsys.readouterr().out
    assert code == 1 and "not_a_variable" in out


@pytest.mark.office
def test_comparison_and_note_open_in_libreoffice(built, capsys, tmp_path):
    import shutil
    import subprocess

    if not (shutil.which("soffice") and shutil.which("pdftotext")):
        pytest.skip("needs LibreOffice (soffice) and poppler (pdftotext)")
    folder, spec = built
    a = word_bid(folder, tmp_path / "a.docx", all_met(spec), vendor={"name": "Alfa A/S"})
    assert (
        main(
            [
                "compare",
                str(folder / "tender.yaml"),
                str(a),
                "--out",
                str(tmp_path / "comparison.xlsx"),
                "--report",
                str(tmp_path / "note.docx"),
            ]
        )
        == 0
    )
    capsys.readouterr()
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "pdf"),
            str(tmp_path / "comparison.xlsx"),
            str(tmp_path / "note.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )

    comparison = pdf_text(tmp_path / "pdf" / "comparison.pdf")
    assert shows(comparison, "Alfa A/S") and shows(comparison, spec.requirements[0].id)
    note = pdf_text(tmp_path / "pdf" / "note.pdf")
    assert shows(note, "Notat: kontrol af tilbud") and shows(note, "Alfa A/S")
    pages = note.count("\f")
    assert shows(note, f"Side 1 af {pages}") and shows(note, f"Side {pages} af {pages}")
    assert shows(note, "Godkendelse") and shows(note, "Underskrift")
    assert shows(note, "12 Opfyldt") or shows(note, "Opfyldt")


def test_override_from_the_cli_records_old_and_new_value_and_changes_final_score(
    built, capsys, tmp_path
):
    folder, spec = built
    tender = tmp_path / "tender.yaml"
    tender.write_bytes((folder / "tender.yaml").read_bytes())
    pk = next(r for r in spec.requirements if r.kind == "PK")
    a = word_bid(folder, tmp_path / "a.docx", all_met(spec), vendor={"name": "Alfa A/S"})
    code = main(
        [
            "override",
            str(tender),
            "--vendor",
            "Alfa A/S",
            "--requirement",
            pk.id,
            "--points",
            "0",
            "--why",
            "Beskrivelsen dokumenterer ikke kravet",
            "--by",
            "Mette Jensen",
            "--response",
            str(a),
        ]
    )
    assert code == 0
    evaluation = tmp_path / "tender.evaluation.yaml"
    text = evaluation.read_text("utf-8")
    assert f"old_points: '{pk.weight}'" in text and "points: '0'" in text
    assert "Mette Jensen" in text and "Beskrivelsen dokumenterer ikke kravet" in text
    capsys.readouterr()
    code, result = check_json(capsys, tender, a)
    assert result["computed_score"] == 10
    assert result["score"] == expected_score(spec, failed_ids={pk.id})
    verdict = next(v for v in result["requirements"] if v["id"] == pk.id)
    assert verdict["computed_points"] == pk.weight and verdict["points"] == 0
