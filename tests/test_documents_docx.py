"""The Word documents read back as a user (and procure's checker) reads them: every requirement
once with its kind and text, the form contract, navigable headings, reproducible bytes."""

from __future__ import annotations

import dataclasses
import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from docx import Document
from lxml import etree

from procure import forms
from procure.documents.annex import render_annex
from procure.documents.context import build_context, example_spec
from procure.documents.render import default_templates_dir
from procure.documents.response_docx import render_response_form_docx
from procure.documents.template_check import check_template
from procure.documents.texts import TEXTS
from procure.errors import ProcureError
from tests.samples import TRICKY_TEXT, sample_spec

ROOT = Path(__file__).resolve().parents[1]
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W_NS}


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


@pytest.fixture(scope="module", params=["da", "en"])
def lang(request):
    return request.param


@pytest.fixture(scope="module")
def spec(lang):
    return sample_spec(lang)


@pytest.fixture(scope="module")
def annex(spec):
    return render_annex(spec)


@pytest.fixture(scope="module")
def form(spec):
    return render_response_form_docx(spec)


# -- reading helpers ---------------------------------------------------------------------------


def part(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read(name))


def member_names(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.namelist()


def cell_paragraphs(cell) -> list[str]:
    return [p.text for p in cell.paragraphs]


def tables_with_header(document, labels: list[str]):
    """Tables whose first row reads exactly `labels`."""
    return [t for t in document.tables if [c.text for c in t.rows[0].cells] == labels]


def annex_requirement_rows(data: bytes, lang: str):
    labels = [forms.HEADER_LABELS[lang][c] for c in ("number", "id", "kind", "text")]
    document = Document(io.BytesIO(data))
    return [row for t in tables_with_header(document, labels) for row in t.rows[1:]]


def form_requirement_rows(data: bytes, lang: str):
    labels = [forms.HEADER_LABELS[lang][c] for c in forms.COLUMNS]
    document = Document(io.BytesIO(data))
    return [row for t in tables_with_header(document, labels) for row in t.rows[1:]]


def all_text(data: bytes) -> str:
    return " ".join(part(data, "word/document.xml").xpath("//w:t/text()", namespaces=NS))


# -- the annex ---------------------------------------------------------------------------------


def test_annex_lists_every_requirement_once_with_its_kind_weight_and_text(spec, annex, lang):
    rows = annex_requirement_rows(annex, lang)
    seen = []
    for row in rows:
        number, rid, kind, text = row.cells
        requirement = spec.requirement(rid.text)
        assert requirement is not None, f"unknown requirement {rid.text}"
        assert number.text == requirement.number
        assert kind.text == forms.kind_cell_text(requirement.kind, requirement.weight, lang)
        paragraphs = cell_paragraphs(text)
        assert paragraphs[:2] == [requirement.title, requirement.text]
        assert text.paragraphs[0].runs[0].bold
        seen.append(rid.text)
    assert seen == [r.id for r in spec.requirements]
    # The tender overrides NF-ARK-001 (an MK in the library) to PK with weight 7.
    overridden = {row.cells[1].text: row.cells[2].text for row in rows}["NF-ARK-001"]
    assert overridden == forms.kind_cell_text("PK", 7, lang)


def test_annex_tells_the_vendor_what_the_answer_must_describe(spec, annex, lang):
    by_id = {row.cells[1].text: row for row in annex_requirement_rows(annex, lang)}
    label = TEXTS[lang]["hint_label"]
    for requirement in spec.requirements:
        paragraphs = cell_paragraphs(by_id[requirement.id].cells[3])
        if requirement.answer_hint:
            assert paragraphs[2] == f"{label} {requirement.answer_hint}"
        else:
            assert len(paragraphs) == 2, "a custom requirement has no answer hint"


def test_annex_headings_are_word_heading_styles(spec, annex, lang):
    document = Document(io.BytesIO(annex))
    h1 = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    h2 = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    t = TEXTS[lang]
    assert h1 == [
        t["how_heading"],
        t["evaluation_heading"],
        t["integrations_heading"],
        t["requirements_heading"],
    ]
    assert h2 == [f"{a.number} {a.title}" for a in spec.areas]
    assert "3.1 " + spec.areas[0].title == h2[0]


def test_annex_table_of_contents_is_a_field_prefilled_with_the_headings(spec, annex, lang):
    root = part(annex, "word/document.xml")
    instructions = [t for t in root.xpath("//w:instrText/text()", namespaces=NS) if "TOC" in t]
    assert len(instructions) == 1
    assert 'TOC \\o "1-3" \\h' in instructions[0]
    entries = root.xpath("//w:p[w:hyperlink[starts-with(@w:anchor, '_Toc')]]", namespaces=NS)
    texts = ["".join(p.xpath(".//w:t/text()", namespaces=NS)) for p in entries]
    t = TEXTS[lang]
    headings = [t["how_heading"], t["evaluation_heading"], t["integrations_heading"]]
    headings += [t["requirements_heading"]] + [f"{a.number} {a.title}" for a in spec.areas]
    assert texts == headings
    # Each entry links to a bookmark on its heading, and level-2 entries use TOC 2.
    bookmarks = {
        b.get(w("name")): "".join(b.getparent().xpath(".//w:t/text()", namespaces=NS))
        for b in root.xpath("//w:bookmarkStart", namespaces=NS)
    }
    for p, text in zip(entries, texts, strict=True):
        anchor = p.find(w("hyperlink")).get(w("anchor"))
        assert bookmarks[anchor] == text
    styles = [p.find(f"{w('pPr')}/{w('pStyle')}").get(w("val")) for p in entries]
    assert styles == ["TOC1"] * 4 + ["TOC2"] * len(spec.areas)
    # The field is still whole: begin and separate before the first entry, end after the last.
    chars = root.xpath("//w:fldChar", namespaces=NS)[:3]
    assert [c.get(w("fldCharType")) for c in chars] == ["begin", "separate", "end"]
    assert [next(c.iterancestors(w("p"))) for c in chars] == [entries[0]] * 2 + [entries[-1]]
    settings = part(annex, "word/settings.xml")
    assert settings.find(w("updateFields")).get(w("val")) == "true"


def test_every_table_of_annex_and_form_has_one_header_row_marked_to_repeat(annex, form, lang):
    """Also the key/value tables (cover, vendor details): a tagged PDF gets header cells only
    from a repeated header row (WCAG 1.3.1, PDF/UA 7.5; PITFALLS)."""
    t = TEXTS[lang]
    for data in (annex, form):
        tables = part(data, "word/document.xml").iter(w("tbl"))
        headers = []
        for table in tables:
            header, *rows = table.findall(w("tr"))
            assert header.find(f"{w('trPr')}/{w('tblHeader')}") is not None
            assert all(r.find(f"{w('trPr')}/{w('tblHeader')}") is None for r in rows)
            cells = [
                "".join(tc.itertext()).strip() for tc in header.findall(w("tc"))
            ]  # every header cell names its column
            assert all(cells), cells
            headers.append(cells)
        assert headers[0] == [t["cover_column_label"], t["cover_column_value"]]
        assert len(headers) > 3
    form_headers = [
        ["".join(tc.itertext()).strip() for tc in table.find(w("tr")).findall(w("tc"))]
        for table in part(form, "word/document.xml").iter(w("tbl"))
    ]
    assert [t["vendor_column_label"], t["vendor_column_value"]] in form_headers


def test_annex_cover_identifies_the_tender_and_the_requirement_set(spec, annex, lang):
    cover = Document(io.BytesIO(annex)).tables[0]
    values = [row.cells[1].text for row in cover.rows[1:]]
    t = spec.tender
    assert t.title in values
    assert f"{t.buyer.name} (CVR {t.buyer.cvr})" in values
    assert t.case_number in values
    assert ("26. november 2026" if lang == "da" else "26 November 2026") in values
    assert f"{spec.library_name}, version {spec.library_version}" in values
    assert spec.short_fingerprint in values


def test_annex_header_and_footer_carry_title_and_page_x_of_y(annex, spec, lang):
    header = part(annex, "word/header1.xml")
    footer = part(annex, "word/footer1.xml")
    assert spec.tender.title in "".join(header.xpath("//w:t/text()", namespaces=NS))
    instructions = [i.strip() for i in footer.xpath("//w:instrText/text()", namespaces=NS)]
    assert instructions == ["PAGE", "NUMPAGES"]
    footer_text = "".join(footer.xpath("//w:t/text()", namespaces=NS))
    words = ("Side", "af") if lang == "da" else ("Page", "of")
    assert re.search(rf"{words[0]} 1 {words[1]} 1$", footer_text)
    assert spec.short_fingerprint in footer_text


def test_annex_publishes_the_evaluation_model(spec, annex, lang):
    labels = [forms.HEADER_LABELS[lang]["number"], forms.HEADER_LABELS[lang]["id"]]
    labels += [TEXTS[lang][k] for k in ("weight_column_title", "weight_column_weight")]
    labels += [TEXTS[lang]["weight_column_share"]]
    (table,) = tables_with_header(Document(io.BytesIO(annex)), labels)
    rows = [[c.text for c in row.cells] for row in table.rows[1:]]
    pk = [r for r in spec.requirements if r.kind == "PK"]
    assert [(r[1], int(r[3])) for r in rows[:-1]] == [(r.id, r.weight) for r in pk]
    assert rows[-1][3] == str(spec.total_weight)
    text = all_text(annex)
    if lang == "da":
        for phrase in ("§§ 160 og 165", "skala fra 0 til 10", "giver 50\u00a0% af vægten"):
            assert phrase in text
        assert "afrundet til 2 decimaler" in text
        assert f"den samlede vægt ({spec.total_weight})" in text
    else:
        assert "sections 160 and 165" in text and "scale from 0 to 10" in text


def test_annex_explains_kinds_answers_and_reservations(annex, lang):
    text = all_text(annex)
    for label in forms.ANSWER_LABELS[lang].values():
        assert label in text
    if lang == "da":
        assert "ukonditionsmæssigt" in text
        assert "må ikke ændres" in text
        assert "»Forbehold og pris«" in text
    for kind in ("MK", "PK", "K", "O"):
        assert kind in text


def test_annex_explains_each_integration_with_only_what_is_known(spec, annex, lang):
    t = TEXTS[lang]
    labels = [t[f"integration_column_{k}"] for k in ("name", "sf", "reason", "requirements")]
    (table,) = tables_with_header(Document(io.BytesIO(annex)), labels)
    rows = {row.cells[0].paragraphs[0].text: row for row in table.rows[1:]}
    assert list(rows) == [i.name for i in spec.integrations]
    names = {i.id: i.name for i in spec.integrations}
    for integration in spec.integrations:
        row = rows[integration.name]
        sf = row.cells[1].text
        if integration.sf_numbers:
            assert sf == ", ".join(integration.sf_numbers)
        elif integration.id == "administrationsmodul":  # its description says it has none
            assert sf == t["integration_no_sf_service"]
        else:
            assert sf == "–"
        reason = row.cells[2].text
        for required_by in integration.required_by:
            assert names[required_by] in reason
        if not integration.chosen:
            assert reason.startswith(t["integration_required"].split(" {")[0])
    ids = [i.id for i in spec.integrations if not i.sf_numbers]
    assert ids == ["administrationsmodul"]
    if lang == "da":
        assert "Kræves af Fælleskommunalt Sags- og Dokumentindeks" in all_text(annex)


def test_bidders_documents_hold_no_note_on_what_the_library_has_not_verified():
    """Release 1.1.0, a social-area tender: Ydelsesindeks has no verified SF number and its
    description ends "(SF-nummeret er ikke verificeret; …)", the Sags- og Dokumentindeks
    description has a sentence saying something is not verified, the Administrationsmodul has
    no SF service at all. The annex states only what is known; the officer gets the rest as
    warnings (tests/test_tender_lint.py)."""
    from procure.library import load_release
    from procure.tender import propose_tender, resolve_tender

    library = load_release("1.1.0")
    for lang in ("da", "en"):
        tender = propose_tender(
            library,
            title="Sagsbehandlingssystem til socialområdet",
            buyer="Eksempel Kommune",
            category="Y26",
            integrations=["ydelsesindeks", "administrationsmodul", "adgangsstyring-brugere"],
            language=lang,
            date="2026-12-06",
        )
        spec = resolve_tender(tender, library)
        annex, form = render_annex(spec), render_response_form_docx(spec)
        for data in (annex, form):
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                xml = archive.read("word/document.xml").decode()
            for word in ("verificeret", "verified", "Digitaliseringskataloget", "kontrollér"):
                assert word not in xml, (lang, word)
        t = TEXTS[lang]
        labels = [t[f"integration_column_{k}"] for k in ("name", "sf", "reason", "requirements")]
        (table,) = tables_with_header(Document(io.BytesIO(annex)), labels)
        sf = {row.cells[0].paragraphs[0].text: row.cells[1].text for row in table.rows[1:]}
        names = {i.id: i.name for i in spec.integrations}
        assert sf[names["ydelsesindeks"]] == "–"
        assert sf[names["adgangsstyring-brugere"]] == "–"
        assert sf[names["administrationsmodul"]] == t["integration_no_sf_service"]
        assert sf[names["sags-og-dokumentindeks"]] == "SF1470, SF1472"
        descriptions = {
            row.cells[0].paragraphs[0].text: row.cells[0].paragraphs[1].text
            for row in table.rows[1:]
        }
        index = descriptions[names["sags-og-dokumentindeks"]]
        assert index.endswith("Adgangsstyring for systemer." if lang == "da" else "for systems.")
        assert descriptions[names["ydelsesindeks"]].endswith(
            "Sags- og Dokumentindekset." if lang == "da" else "Case and Document Index."
        )


def test_annex_without_pk_or_integrations_says_so_instead_of_empty_tables():
    base = example_spec("da")
    areas = tuple(
        dataclasses.replace(
            a,
            requirements=tuple(
                dataclasses.replace(r, kind="K", weight=None) for r in a.requirements
            ),
        )
        for a in base.areas
    )
    spec = dataclasses.replace(base, areas=areas, integrations=())
    data = render_annex(spec)
    text = all_text(data)
    assert "indeholder ingen prioriterede krav" in text
    assert "ingen krav om integrationer" in text
    headers = [[c.text for c in t.rows[0].cells] for t in Document(io.BytesIO(data)).tables]
    assert ["Kravnr", "Krav-ID", "Titel", "Vægt", "Andel"] not in headers
    assert ["Integration", "SF-numre", "Begrundelse", "Krav"] not in headers


# -- the response form -------------------------------------------------------------------------


def test_form_tables_have_exactly_the_contract_header_labels(spec, form, lang):
    labels = [forms.HEADER_LABELS[lang][c] for c in forms.COLUMNS]
    document = Document(io.BytesIO(form))
    requirement_tables = tables_with_header(document, labels)
    assert len(requirement_tables) == len(spec.areas)
    for table in requirement_tables:
        assert table.rows[0]._tr.find(f"{w('trPr')}/{w('tblHeader')}") is not None


def test_form_has_one_row_per_requirement_as_the_checker_compares_it(spec, form, lang):
    rows = form_requirement_rows(form, lang)
    assert [r.cells[1].text for r in rows] == [r.id for r in spec.requirements]
    for row, requirement in zip(rows, spec.requirements, strict=True):
        number, rid, text, kind, answer, description, reservation = row.cells
        assert number.text == requirement.number
        assert text.text == forms.requirement_cell_text(requirement.title, requirement.text)
        assert cell_paragraphs(text) == [requirement.title, requirement.text]
        assert all(run.bold for run in text.paragraphs[0].runs)
        assert kind.text == forms.kind_cell_text(requirement.kind, requirement.weight, lang)
        assert description.text == "" and reservation.text == ""
        # python-docx drops content controls from .text (PITFALLS): the answer cell reads
        # empty there, although the dropdown shows its placeholder.
        assert answer.text == ""


def test_form_answer_cells_hold_a_dropdown_with_the_three_answers(spec, form, lang):
    rows = form_requirement_rows(form, lang)
    placeholder = TEXTS[lang]["answer_placeholder"]
    for row in rows:
        tc = row.cells[forms.COLUMNS.index("answer")]._tc
        (sdt,) = tc.findall(f".//{w('sdt')}")
        items = sdt.findall(f"{w('sdtPr')}/{w('dropDownList')}/{w('listItem')}")
        assert [i.get(w("value")) for i in items] == list(forms.ANSWER_LABELS[lang].values())
        assert [i.get(w("displayText")) for i in items] == list(forms.ANSWER_LABELS[lang].values())
        assert sdt.find(f"{w('sdtPr')}/{w('showingPlcHdr')}") is not None
        shown = "".join(t.text for t in sdt.find(w("sdtContent")).iter(w("t")))
        assert shown == placeholder
        assert forms.parse_answer(shown) is None, "the placeholder is no answer"
    assert len(rows) == len(spec.requirements)


def contrast_ratio(color: str, background: str = "FFFFFF") -> float:
    """WCAG 2.1's contrast ratio of two sRGB colours given as hex."""

    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (0, 2, 4)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(color), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_answer_placeholder_has_text_contrast_against_white(form, lang):
    """WCAG 1.4.3: the "Vælg" placeholder is text, so ≥ 4.5:1 (Word's own #808080 is 3.9:1)."""
    rows = form_requirement_rows(form, lang)
    colours = set()
    for row in rows:
        tc = row.cells[forms.COLUMNS.index("answer")]._tc
        for color in tc.iter(w("color")):
            colours.add(color.get(w("val")))
    assert colours == {"595959"}
    assert round(contrast_ratio("595959"), 1) == 7.0
    assert contrast_ratio("808080") < 4.5 <= contrast_ratio(colours.pop())


def test_percentages_never_part_from_their_number(annex, form):
    """Danish and English alike: "5 %" with a no-break space, in every table and sentence."""
    for data in (annex, form):
        text = all_text(data)
        assert "\u00a0%" in text or data is form
        assert not re.search(r"\d ?%", text), re.search(r".{20}\d ?%", text)


def test_form_custom_properties_carry_the_form_metadata(spec, form):
    root = part(form, "docProps/custom.xml")
    ns = {"c": "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"}
    values = {
        p.get("name"): "".join(p.itertext()) for p in root.findall("c:property", namespaces=ns)
    }
    meta = spec.form_metadata()
    assert values == {
        forms.PROPERTY_FORMAT: meta["format"],
        forms.PROPERTY_TENDER_ID: meta["tender_id"],
        forms.PROPERTY_LIBRARY_VERSION: meta["library_version"],
        forms.PROPERTY_FINGERPRINT: meta["fingerprint"],
        forms.PROPERTY_STAMPS: values[forms.PROPERTY_STAMPS],
    }
    assert json.loads(values[forms.PROPERTY_STAMPS]) == meta["requirements"]
    assert len(meta["requirements"]) == 90
    pids = [p.get("pid") for p in root]
    assert pids == [str(i) for i in range(2, 2 + len(pids))]
    types = part(form, "[Content_Types].xml")
    overrides = {o.get("PartName"): o.get("ContentType") for o in types}
    assert overrides["/docProps/custom.xml"].endswith("custom-properties+xml")
    rels = part(form, "_rels/.rels")
    targets = {r.get("Type").rsplit("/", 1)[1]: r.get("Target") for r in rels}
    assert targets["custom-properties"] == "docProps/custom.xml"


def test_form_core_properties_have_title_subject_and_the_tender_date(spec, form, annex):
    for data in (form, annex):
        props = Document(io.BytesIO(data)).core_properties
        assert props.title == spec.tender.title
        assert props.subject
        assert props.created.isoformat().startswith(spec.tender.date)
        assert props.modified == props.created


def test_form_vendor_table_has_the_contract_labels_and_empty_values(form, lang):
    labels = [forms.VENDOR_LABELS[lang][k] for k in forms.VENDOR_FIELDS]
    tables = [
        t
        for t in Document(io.BytesIO(form)).tables
        if [r.cells[0].text for r in t.rows[1:]] == labels
    ]
    assert len(tables) == 1
    header, *rows = tables[0].rows
    t = TEXTS[lang]
    assert [c.text for c in header.cells] == [t["vendor_column_label"], t["vendor_column_value"]]
    assert [len(r.cells) for r in rows] == [2] * len(labels)
    assert all(r.cells[1].text == "" for r in rows)


def test_form_is_landscape_a4(form):
    section = Document(io.BytesIO(form)).sections[0]
    assert section.page_width > section.page_height
    assert round(section.page_width.cm, 1) == 29.7


# -- both documents ----------------------------------------------------------------------------


def test_tricky_text_appears_literally_in_both_documents(annex, form, lang):
    """`& < > " '` and Jinja-looking braces in a requirement are text, not markup."""
    for rows in (annex_requirement_rows(annex, lang), form_requirement_rows(form, lang)):
        texts = [p for row in rows for cell in row.cells for p in cell_paragraphs(cell)]
        assert texts.count(TRICKY_TEXT) == 1
    raw = part(annex, "word/document.xml")
    assert "ikke_jinja" in etree.tostring(raw, encoding="unicode")


def test_tender_title_with_markup_characters_is_escaped_everywhere():
    spec = example_spec("en")
    assert "<system>" in spec.tender.title
    for data in (render_annex(spec), render_response_form_docx(spec)):
        header = "".join(part(data, "word/header1.xml").xpath("//w:t/text()", namespaces=NS))
        assert spec.tender.title in header
        assert Document(io.BytesIO(data)).core_properties.title == spec.tender.title


def test_rebuilding_gives_identical_bytes(spec, annex, form):
    assert render_annex(spec) == annex
    assert render_response_form_docx(spec) == form
    for data in (annex, form):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            assert {i.date_time for i in archive.infolist()} == {(2026, 11, 26, 0, 0, 0)}


def test_documents_carry_only_the_parts_they_need(annex, form):
    for data in (annex, form):
        names = member_names(data)
        assert not [n for n in names if "thumbnail" in n or "stylesWithEffects" in n]
        assert not [n for n in names if n.startswith("customXml/")]
    assert "docProps/custom.xml" not in member_names(annex)


def test_context_texts_exist_in_both_languages_with_the_same_placeholders():
    assert list(TEXTS) == ["da", "en"]
    assert TEXTS["da"].keys() == TEXTS["en"].keys()
    for key, danish in TEXTS["da"].items():
        english = TEXTS["en"][key]
        assert type(danish) is type(english), key
        fields = re.compile(r"{(\w+)}")
        da_fields = sorted(fields.findall("".join(danish)))
        en_fields = sorted(fields.findall("".join(english)))
        assert da_fields == en_fields, key
    context = build_context(sample_spec("da"))
    assert not [v for v in context["t"].values() if "{" in v]


# -- templates ---------------------------------------------------------------------------------


def test_shipped_templates_pass_the_check():
    files = sorted(default_templates_dir().glob("*.docx"))
    assert [f.name for f in files] == [
        "annex.da.docx",
        "annex.en.docx",
        "response-form.da.docx",
        "response-form.en.docx",
    ]
    for file in files:
        assert check_template(file) == [], file.name


def test_committed_templates_are_what_the_script_builds(tmp_path):
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_templates.py"), str(tmp_path)],
        check=True,
        capture_output=True,
    )
    for built in sorted(tmp_path.glob("*.docx")):
        committed = ROOT / "templates" / built.name
        assert built.read_bytes() == committed.read_bytes(), "run scripts/make_templates.py"


def make_template(path: Path, *paragraphs: str) -> Path:
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(path)
    return path


def test_template_with_unknown_placeholder_fails_with_a_danish_message(tmp_path):
    make_template(tmp_path / "annex.da.docx", "{{ tender.title }}", "{{ kommunens_logo }}")
    with pytest.raises(ProcureError) as caught:
        render_annex(sample_spec("da"), tmp_path)
    message = str(caught.value)
    assert "annex.da.docx" in message
    assert "pladsholder" in message and "kommunens_logo" in message


def test_template_with_misspelt_field_fails(tmp_path):
    make_template(tmp_path / "annex.da.docx", "{% for a in areas %}{{ a.titel }}{% endfor %}")
    with pytest.raises(ProcureError, match="annex.da.docx.*titel"):
        render_annex(sample_spec("da"), tmp_path)


def test_template_with_syntax_error_fails_naming_the_file(tmp_path):
    make_template(tmp_path / "annex.da.docx", "{{ tender.title ", "{% if %}")
    with pytest.raises(ProcureError, match="annex.da.docx.*syntaksfejl"):
        render_annex(sample_spec("da"), tmp_path)


def test_sandbox_refuses_unsafe_template_code(tmp_path):
    make_template(tmp_path / "annex.da.docx", "{{ tender.__class__.__mro__ }}")
    with pytest.raises(ProcureError, match="annex.da.docx"):
        render_annex(sample_spec("da"), tmp_path)


def test_own_templates_folder_is_used_and_missing_files_fall_back(tmp_path):
    make_template(tmp_path / "annex.da.docx", "KOMMUNENS SKABELON {{ tender.title }}")
    spec = sample_spec("da")
    assert "KOMMUNENS SKABELON" in all_text(render_annex(spec, tmp_path))
    form = render_response_form_docx(spec, tmp_path)
    assert len(form_requirement_rows(form, "da")) == len(spec.requirements)


def test_response_form_template_that_breaks_the_contract_is_refused(tmp_path):
    document = Document()
    document.add_paragraph("{% for area in areas %}{{ area.heading }}{% endfor %}")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Krav"
    table.rows[0].cells[1].text = "Svar"
    document.save(tmp_path / "response-form.da.docx")
    with pytest.raises(ProcureError, match="response-form.da.docx.*Kravnr | Krav-ID"):
        render_response_form_docx(sample_spec("da"), tmp_path)


def test_check_template_reports_unknown_and_missing_placeholders(tmp_path):
    path = make_template(tmp_path / "annex.da.docx", "{{ tender.title }} {{ logo }}")
    problems = check_template(path)
    assert any("ukendt pladsholder »logo«" in p for p in problems)
    assert any("»areas«" in p for p in problems)
    assert any("»evaluation«" in p for p in problems)


def test_check_template_renders_the_example_to_find_misspelt_fields(tmp_path):
    path = make_template(
        tmp_path / "annex.da.docx",
        "{{ tender.title }} {{ evaluation.paragraphs }} {{ integrations }}",
        "{% for area in areas %}{% for r in area.requirements %}{{ r.tekst }}"
        "{% endfor %}{% endfor %}",
    )
    problems = check_template(path)
    assert len(problems) == 1 and "tekst" in problems[0]


def test_check_template_finds_an_annex_that_drops_the_requirements(tmp_path):
    path = make_template(
        tmp_path / "annex.da.docx",
        "{{ tender.title }} {{ evaluation.paragraphs }} {{ integrations }}",
        "{% for area in areas %}{{ area.heading }}{% endfor %}",
    )
    problems = check_template(path)
    assert problems and all("kommer ikke med" in p for p in problems)


def test_check_template_rejects_unknown_names_and_non_docx(tmp_path):
    assert "ukendt skabelonnavn" in check_template(make_template(tmp_path / "bilag.docx"))[0]
    broken = tmp_path / "annex.da.docx"
    broken.write_bytes(b"not a zip")
    assert "kan ikke åbnes" in check_template(broken)[0]


def test_response_form_template_that_shortens_the_requirement_text_is_refused(tmp_path):
    """A restyled form must still print what the checker compares, or every answer would be
    reported as an altered requirement."""
    document = Document()
    document.add_paragraph("{%p for area in areas %}")
    table = document.add_table(rows=4, cols=len(forms.COLUMNS))
    for cell, key in zip(table.rows[0].cells, forms.COLUMNS, strict=True):
        cell.text = f"{{{{ header.{key} }}}}"
    table.rows[1].cells[0].text = "{%tr for r in area.requirements %}"
    values = ["{{ r.number }}", "{{ r.id }}", "{{ r.title }}", "{{ r.kind_text }}", "", "", ""]
    for cell, value in zip(table.rows[2].cells, values, strict=True):
        cell.text = value
    table.rows[3].cells[0].text = "{%tr endfor %}"
    document.add_paragraph("{%p endfor %}")
    document.save(tmp_path / "response-form.da.docx")
    with pytest.raises(ProcureError) as caught:
        render_response_form_docx(sample_spec("da"), tmp_path)
    assert "kolonnen »Kravtekst« skal vise" in str(caught.value)
    assert "response-form.da.docx" in str(caught.value)


def test_docs_describe_every_context_variable_and_label():
    from procure.documents.context import DOCUMENTED_VARIABLES
    from procure.documents.texts import TEMPLATE_LABELS

    docs = (ROOT / "docs" / "templates.md").read_text(encoding="utf-8")
    context = build_context(example_spec("da"))
    assert list(context) == list(DOCUMENTED_VARIABLES)
    for name in (*DOCUMENTED_VARIABLES, *TEMPLATE_LABELS, *context["tender"]):
        assert f"`{name}`" in docs, name
    for name in (*context["evaluation"], *context["areas"][0]["requirements"][0]):
        assert f"`{name}`" in docs, name
