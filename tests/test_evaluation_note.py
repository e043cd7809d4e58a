"""The evaluation note (`check --report`, `compare --report`) and the comparison workbook as the
case file (journal) keeps them: Danish words instead of codes, integrations by name, who changed
what when (Danish local time) and why, page X of Y, an approval block, header rows that repeat,
and column widths that keep words whole."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from docx import Document
from lxml import etree
from openpyxl import load_workbook

from procure.evaluation import compare_results, evaluate_response
from procure.evaluation.comparison import render_comparison_xlsx
from procure.evaluation.finding_labels import FINDING_LABELS, finding_label
from procure.evaluation.overrides import append_override, append_reservation_decision
from procure.evaluation.report import render_check_report
from procure.evaluation.result import FINDING_CODES, Finding
from tests.test_evaluation import ALL_MET, response_for, small_spec

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WHEN = dt.datetime(2026, 12, 6, 16, 1, tzinfo=dt.UTC)  # 17.01 in Copenhagen (winter time)
LATER = dt.datetime(2026, 7, 1, 10, 30, tzinfo=dt.UTC)  # 12.30 in Copenhagen (summer time)


@pytest.fixture(scope="module")
def case():
    """Two bids: A with a PK overridden and a priced reservation; B failing a mindstekrav that
    demands the Organisation integration, so it is "not covered"."""
    spec = small_spec()
    evaluation = append_override(
        _no_overrides(),
        spec,
        vendor="Leverandør A",
        requirement_id="FKI-ORG-003",
        points="4.5",
        justification="Beskrivelsen viser fuld synkronisering",
        by="Anna Jensen",
        computed_points=None,
        now=WHEN,
    )
    evaluation = append_reservation_decision(
        evaluation,
        spec,
        vendor="Leverandør A",
        requirement_id="FKI-ORG-004",
        decision="priced",
        price="45000",
        justification="Vurderet af udbudsjurist",
        by="Jurist",
        now=LATER,
    )
    a_answers = dict(ALL_MET, **{"FKI-ORG-004": ("Ikke opfyldt", "Pris: 10.000 kr.")})
    a = evaluate_response(spec, response_for(spec, a_answers), evaluation)
    b_answers = dict(ALL_MET, **{"FKI-INT-007": ("Ikke opfyldt", "")})
    b = evaluate_response(spec, response_for(spec, b_answers, vendor="Kommunedata Social A/S"))
    return spec, [a, b]


def _no_overrides():
    from procure.evaluation.overrides import Overrides

    return Overrides()


@pytest.fixture(scope="module")
def note(case):
    spec, results = case
    return render_check_report(spec, results, compare_results(spec, results))


def body(data: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read("word/document.xml"))


def table_rows(document) -> list[list[str]]:
    return [[c.text for c in row.cells] for table in document.tables for row in table.rows]


def test_every_finding_code_has_words_in_both_languages():
    for lang in ("da", "en"):
        assert set(FINDING_CODES) <= set(FINDING_LABELS[lang])
    assert set(FINDING_LABELS["da"]) == set(FINDING_LABELS["en"])
    assert finding_label("mandatory_failed") == "Mindstekrav ikke opfyldt"
    assert finding_label("integration_missing", "en") == "Integration not covered"
    earlier = Finding("form_mismatch", None, "…", kind="earlier_version")
    assert finding_label(earlier) == "Besvaret på en tidligere version"


def test_the_note_shows_words_and_names_never_codes_or_ids(case, note):
    spec, results = case
    xml = etree.tostring(body(note), encoding="unicode")
    for code in FINDING_CODES:
        assert code not in xml, code
    assert "organisation" not in xml.replace("Organisation", "")  # the id, not the name
    document = Document(io.BytesIO(note))
    rows = table_rows(document)
    assert rows[_row(rows, "FKI-INT-007")][:2] == ["Mindstekrav ikke opfyldt", "FKI-INT-007"]
    name = spec.integrations[0].name  # Fælleskommunalt Organisationssystem
    assert any(row[0] == "Integration ikke dækket" and name in row[2] for row in rows)
    texts = [p.text for p in document.paragraphs]
    assert f"Integrationer der ikke er dækket: {name}" in texts


def test_overrides_and_decisions_say_who_when_in_danish_time_and_why(note):
    rows = table_rows(Document(io.BytesIO(note)))
    header = rows.index(["Krav", "Beregnet", "Endelig", "Begrundelse", "Justeret af", "Tidspunkt"])
    assert rows[header + 1] == [
        "FKI-ORG-003",
        "6,0",  # the computed points (weight 6), with the decimals of the final ones beside them
        "4,5",
        "Beskrivelsen viser fuld synkronisering",
        "Anna Jensen",
        "6. dec. 2026 17.01",
    ]
    decision = next(row[3] for row in rows if row[0] == "FKI-ORG-004" and len(row) == 5)
    assert decision == (
        "prissat af kommunen: 45.000 kr. – Vurderet af udbudsjurist\n"
        "Afgjort af Jurist, 1. jul. 2026 12.30"
    )
    assert "+00:00" not in etree.tostring(body(note), encoding="unicode")


def test_the_note_has_page_x_of_y_an_approval_block_and_repeating_headers(case, note):
    spec, _ = case
    document = Document(io.BytesIO(note))
    with zipfile.ZipFile(io.BytesIO(note)) as archive:
        footer = etree.fromstring(archive.read("word/footer1.xml"))
    instructions = [i.text.strip() for i in footer.iter(f"{W}instrText")]
    assert instructions == ["PAGE", "NUMPAGES"]
    footer_text = "".join(
        "\t" if element.tag == f"{W}tab" else element.text
        for element in footer.iter(f"{W}t", f"{W}tab")
        if element.getparent().tag == f"{W}r"
    )
    assert (
        footer_text == f"Notat: kontrol af tilbud · Sagsnr. {spec.tender.case_number}\tSide 1 af 1"
    )
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[-1] == "Godkendelse"
    approval = document.tables[-1]
    assert [c.text for c in approval.rows[0].cells] == ["Navn og funktion", "Dato", "Underskrift"]
    assert len(approval.rows) == 4 and all(c.text == "" for r in approval.rows[1:] for c in r.cells)
    for table in body(note).iter(f"{W}tbl"):  # key/value facts too
        header, *rows = table.findall(f"{W}tr")
        assert header.find(f"{W}trPr/{W}tblHeader") is not None
        assert all(r.find(f"{W}trPr/{W}tblHeader") is None for r in rows)
    core = document.core_properties
    assert core.language == "da-DK" and core.title.startswith("Notat: kontrol af tilbud")


def test_column_widths_hold_their_header_words(note):
    """A word wider than its column is broken mid-word ("Kommuneda/ta"): every column is
    wider than the longest word of its header, at 10 pt bold (Carlito, as Calibri, measured
    0.15–0.166 cm a character: 0.17 here) plus the cell margins (2 × 0.19 cm)."""
    document = Document(io.BytesIO(note))
    for table in document.tables:
        widths = [c.width.cm for c in table.columns]
        assert round(sum(widths), 1) <= 17.0
        for label, width in zip((c.text for c in table.rows[0].cells), widths, strict=True):
            longest = max((len(word) for word in label.split()), default=0)
            assert longest * 0.17 + 0.4 <= width, (label, width)


def test_the_comparison_workbook_has_reason_who_and_when(case):
    spec, results = case
    workbook = load_workbook(
        io.BytesIO(render_comparison_xlsx(spec, compare_results(spec, results)))
    )
    assert workbook.properties.language == "da-DK"
    sheet = workbook["Pointjusteringer"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0] == [
        "Leverandør",
        "Kravnr",
        "Krav-ID",
        "Krav",
        "Beregnede point",
        "Endelige point",
        "Begrundelse",
        "Justeret af",
        "Tidspunkt",
    ]
    number, title = spec.requirement("FKI-ORG-003").number, spec.requirement("FKI-ORG-003").title
    assert rows[1] == [
        "Leverandør A",
        number,
        "FKI-ORG-003",
        title,
        6,
        4.5,
        "Beskrivelsen viser fuld synkronisering",
        "Anna Jensen",
        "6. dec. 2026 17.01",
    ]
    reservations = [[c.value for c in row] for row in workbook["Forbehold"].iter_rows()]
    assert reservations[0][7:] == ["Afgjort af", "Tidspunkt for afgørelsen"]
    assert reservations[1][7:] == ["Jurist", "1. jul. 2026 12.30"]
    findings = [[c.value for c in row] for row in workbook["Fund"].iter_rows()]
    assert findings[0][:2] == ["Leverandør", "Fund"]
    assert ["Kommunedata Social A/S", "Mindstekrav ikke opfyldt", "FKI-INT-007"] in [
        row[:3] for row in findings
    ]
    assert not {row[1] for row in findings[1:]} & set(FINDING_CODES)


def test_an_english_note_is_english(case):
    spec, results = case
    import dataclasses

    english = dataclasses.replace(spec, language="en")
    document = Document(io.BytesIO(render_check_report(english, results)))
    rows = table_rows(document)
    assert ["Item", "Details"] in rows
    assert ["Name and role", "Date", "Signature"] in rows
    assert document.core_properties.language == "en-GB"


def _row(rows: list[list[str]], requirement: str) -> int:
    return next(i for i, row in enumerate(rows) if len(row) == 3 and row[1] == requirement)
