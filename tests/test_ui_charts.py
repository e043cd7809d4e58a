"""Step 8, Tilbud: the charts an officer compares bids with, and the progress shown while the
files are read. The chart builders are tested on a real comparison of two filled-in forms; the
page is driven with AppTest."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

import pyarrow as pa
import pytest
import streamlit

from procure.documents.build import render_documents
from procure.evaluation import compare_results, evaluate_response
from procure.evaluation.comparison import _LABELS as WORKBOOK_LABELS
from procure.evaluation.overrides import Overrides, append_override
from procure.library import load_release
from procure.responses.reader import read_response
from procure.tender import resolve_tender
from procure.ui import accessibility
from procure.ui import checking as page_checking
from procure.ui.arrow import arrow_table, with_arrow_data
from procure.ui.checking import read_responses, vendor_key
from procure.ui.pages.tilbud import outcome as page_check
from procure.ui.pages.tilbud.charts import (
    HEATMAP_FILTERS,
    HEATMAP_LEVEL_LABELS,
    HEATMAP_ROW_PX,
    VERDICT_COLOURS,
    VERDICT_SYMBOLS,
    heatmap_chart,
    heatmap_rows,
    vendor_labels,
    verdict_label,
)
from procure.ui.state import UploadedFile, build_tender
from procure.ui.texts import DA, EN
from tests.fill import fill_docx_form, fill_xlsx_form
from tests.samples import answer_file, sample_spec
from tests.wizard import fill_purchase, go, new_app

VENDOR_A = "Leverandør A/S"
VENDOR_B = "B & Co <b>*fed*</b>"  # a hostile name: it must stay text


@pytest.fixture(scope="module")
def checked():
    """The sample tender, answered by A in Word (one PK partly met, then raised by an evaluator)
    and by B in Excel (one of every verdict: an MK failed, a K with a reservation, a PK left
    blank, a PK answered "Måske", an option not offered)."""
    spec = sample_spec()
    forms = render_documents(spec)
    by_kind = {k: [r for r in spec.requirements if r.kind == k] for k in ("MK", "PK", "K", "O")}
    pk = by_kind["PK"][0]
    answers_a = {r.id: "Opfyldt" for r in spec.requirements}
    answers_a[pk.id] = ("Delvist opfyldt", "Delvis løsning", "Pris: 1.000 kr.")
    answers_b = {r.id: "Opfyldt" for r in spec.requirements}
    answers_b[by_kind["MK"][0].id] = "Ikke opfyldt"
    answers_b[by_kind["K"][0].id] = ("Delvist opfyldt", "", "Pris: 5.000 kr.")
    del answers_b[by_kind["PK"][1].id]
    answers_b[by_kind["PK"][2].id] = "Måske"
    answers_b[by_kind["O"][0].id] = "Ikke opfyldt"
    response_a = read_response(
        fill_docx_form(forms["response-form.docx"], answers_a, vendor={"name": VENDOR_A}),
        "a.docx",
    )
    response_b = read_response(
        fill_xlsx_form(forms["response-form.xlsx"], answers_b, vendor={"name": VENDOR_B}),
        "b.xlsx",
    )
    computed = evaluate_response(spec, response_a).verdict(pk.id).computed_points
    overrides = append_override(
        Overrides(tender_id=spec.tender.id),
        spec,
        vendor=VENDOR_A,
        requirement_id=pk.id,
        points=str(pk.weight - 1),  # more than half the weight, less than all of it
        justification="Beskrivelsen dækker hele kravet.",
        by="Mette Holm",
        computed_points=computed,
    )
    results = [
        evaluate_response(spec, response_a, overrides),
        evaluate_response(spec, response_b, overrides),
    ]
    return spec, compare_results(spec, results), pk, by_kind


# -- No ranking by the vendors' own answers -------------------------------------------------------


def test_the_step_has_no_chart_of_scores_by_the_vendors_own_answers():
    """Bids are ranked only on Tildeling, on the committee's points: the bar chart of the
    points from the vendors' own answers is gone."""
    from procure.ui.pages.tilbud import charts

    assert not hasattr(charts, "score_chart") and not hasattr(charts, "score_rows")


# -- Requirement × vendor -----------------------------------------------------------------------


def test_every_verdict_has_a_colour_and_a_legend_text_in_both_languages(checked):
    # Every verdict the evaluation knows (the workbook names each one) ...
    assert set(VERDICT_COLOURS) == set(WORKBOOK_LABELS["da"]["verdicts"])
    # ... and every verdict the two responses above actually got
    _spec, comparison, _pk, _ = checked
    seen = {v.verdict for result in comparison.results for v in result.verdicts}
    assert seen == set(VERDICT_COLOURS)
    for lang, texts in (("da", DA), ("en", EN)):
        labels = [verdict_label(code, lang) for code in VERDICT_COLOURS]
        assert all(f"verdict_{code}" in texts for code in VERDICT_COLOURS)
        assert len(set(labels)) == len(labels), labels  # one colour per legend text
    assert verdict_label("failed", "da") == "Ikke opfyldt (MK)"
    assert verdict_label("ok", "en") == "Met"
    assert len(set(VERDICT_COLOURS.values())) == len(VERDICT_COLOURS)


def test_verdicts_are_told_by_symbol_as_well_as_colour_and_every_fill_reads_on_white(checked):
    """WCAG 1.4.1 and 1.4.11: each verdict has its own symbol in the cell and in the legend; each
    fill is ≥ 3:1 against the page and carries its white symbol at ≥ 4.5:1 (the old amber and
    grey were 1.97:1 and 1.88:1)."""
    from tests.test_documents_docx import contrast_ratio

    assert set(VERDICT_SYMBOLS) == set(VERDICT_COLOURS)
    assert len(set(VERDICT_SYMBOLS.values())) == len(VERDICT_SYMBOLS)
    for colour in VERDICT_COLOURS.values():
        assert contrast_ratio(colour.lstrip("#")) >= 4.5, colour
    spec, comparison, _pk, _ = checked
    chart = heatmap_chart(spec, comparison, "da")
    assert all(
        r["verdict_symbol"] == VERDICT_SYMBOLS[r["verdict"]] for r in chart["data"]["values"]
    )
    [cells, symbols] = chart["layer"]
    assert cells["mark"]["type"] == "rect"
    assert symbols["encoding"] == {
        "text": {"field": "verdict_symbol", "type": "nominal"},
        "color": {"value": "#ffffff"},
    }
    legend = chart["encoding"]["color"]["legend"]["labelExpr"]
    assert (
        '"Ikke opfyldt (MK)": "✕ Ikke opfyldt (MK)"' in legend
        and '"Opfyldt": "✓ Opfyldt"' in legend
    )


def test_charts_are_named_in_danish_and_their_data_is_a_table_too(checked, monkeypatch):
    """A screen reader hears the chart's description, not "Vega visualization" and not one
    English label per cell; the table under the chart has the tooltips' Danish columns."""
    spec, comparison, _pk, _ = checked
    chart = heatmap_chart(spec, comparison, "da")
    assert chart["description"] == (
        f"Diagram over vurderingen af {len(spec.requirements)} krav hos 2 leverandører: ét felt "
        "pr. krav og leverandør med vurderingens farve og symbol. De samme oplysninger står i "
        "tabellen under diagrammet."
    )
    assert chart["config"]["mark"] == {"aria": False}
    assert chart["config"]["axis"]["aria"] is False and chart["config"]["legend"]["aria"] is False
    # The axis and legend texts read at 4.5:1 (Streamlit's grey does not)
    from tests.test_documents_docx import contrast_ratio

    for part in ("axis", "legend"):
        for colour in ("labelColor", "titleColor"):
            assert contrast_ratio(chart["config"][part][colour].lstrip("#")) >= 4.5
    assert heatmap_chart(spec, comparison, "en")["description"].startswith("Chart of the verdicts")

    shown = []
    monkeypatch.setattr(accessibility.st, "dataframe", lambda table, **_: shown.append(table))
    accessibility.chart_table("da", with_arrow_data(chart))
    [table] = shown
    assert table.column_names == [
        "Kravnr",
        "Krav-ID",
        "Krav",
        "Type",
        "Leverandør",
        "Besvarelse",
        "Vurdering",
        "Point",
    ]
    assert table.num_rows == len(chart["data"]["values"])
    assert table.column("Vurdering").to_pylist()[0] == chart["data"]["values"][0]["verdict_label"]


def test_heatmap_has_one_cell_per_requirement_and_vendor_in_tender_order(checked):
    spec, comparison, pk, by_kind = checked
    rows = heatmap_rows(spec, comparison, "da")
    assert len(rows) == len(spec.requirements) * 2
    first = spec.requirements[0]
    assert [r["requirement"] for r in rows[:2]] == [f"{first.number} {first.id}"] * 2
    assert [r["vendor"] for r in rows[:2]] == [VENDOR_A, VENDOR_B]
    order = [r["id"] for r in rows[::2]]
    assert order == [r.id for r in spec.requirements]

    cells = {(r["id"], r["vendor"]): r for r in rows}
    failed = cells[(by_kind["MK"][0].id, VENDOR_B)]
    assert (failed["kind"], failed["answer"], failed["verdict"], failed["verdict_label"]) == (
        "MK",
        "Ikke opfyldt",
        "failed",
        "Ikke opfyldt (MK)",
    )
    assert failed["title"] == by_kind["MK"][0].title
    assert cells[(by_kind["PK"][1].id, VENDOR_B)]["verdict"] == "missing"
    assert cells[(by_kind["PK"][2].id, VENDOR_B)]["answer"] == "Måske"
    # A PK's points of its weight, marked when an evaluator set them
    assert cells[(pk.id, VENDOR_A)]["points"] == f"{pk.weight - 1} / {pk.weight} (manuelt)"
    assert cells[(pk.id, VENDOR_B)]["points"] == f"{pk.weight} / {pk.weight}"
    assert cells[(by_kind["K"][0].id, VENDOR_A)]["points"] == "–"


def test_heatmap_chart_colours_by_verdict_and_grows_with_the_requirements(checked):
    spec, comparison, _pk, _ = checked
    chart = heatmap_chart(spec, comparison, "en")
    encoding = chart["encoding"]
    scale = encoding["color"]["scale"]
    assert dict(zip(scale["domain"], scale["range"], strict=True)) == {
        "Met": VERDICT_COLOURS["ok"],
        "Reservation": VERDICT_COLOURS["reservation"],
        "Not offered": VERDICT_COLOURS["not_offered"],
        "Not answered": VERDICT_COLOURS["missing"],
        "Invalid": VERDICT_COLOURS["invalid"],
        "Not met (MK)": VERDICT_COLOURS["failed"],
    }
    assert encoding["color"]["title"] == "Verdict"
    assert {row["verdict_label"] for row in chart["data"]["values"]} <= set(scale["domain"])
    assert encoding["y"]["sort"] == [f"{r.number} {r.id}" for r in spec.requirements]
    assert encoding["x"]["sort"] == [VENDOR_A, VENDOR_B]
    assert [t["field"] for t in encoding["tooltip"]] == [
        "number",
        "id",
        "title",
        "kind",
        "vendor",
        "answer",
        "verdict_label",
        "points",
    ]
    assert chart["height"] == len(spec.requirements) * HEATMAP_ROW_PX


def test_heatmap_filters_keep_whole_rows(checked):
    spec, comparison, _pk, by_kind = checked
    scored = heatmap_rows(spec, comparison, "da", "mk_pk")
    assert {r["kind"] for r in scored} == {"MK", "PK"}
    assert len(scored) == 2 * (len(by_kind["MK"]) + len(by_kind["PK"]))
    deviations = heatmap_rows(spec, comparison, "da", "not_ok")
    expected = {v.id for result in comparison.results for v in result.verdicts if v.verdict != "ok"}
    assert {r["id"] for r in deviations} == expected
    assert len(deviations) == 2 * len(expected)  # both vendors' cells, to compare
    assert set(HEATMAP_FILTERS) == {"all", "mk_pk", "not_ok"}
    assert heatmap_chart(spec, comparison, "da", "not_ok")["height"] == (
        len(expected) * HEATMAP_ROW_PX
    )


def test_heatmap_names_every_vendor_column_however_many_bids(checked):
    spec, comparison, _pk, _ = checked
    axis = heatmap_chart(spec, comparison, "da")["encoding"]["x"]["axis"]
    assert axis["labelAngle"] == 0  # two vendors: level labels, as before
    count = HEATMAP_LEVEL_LABELS + 1
    many = dataclasses.replace(
        comparison,
        results=tuple(
            dataclasses.replace(comparison.results[0], vendor=f"Leverandør {i} A/S")
            for i in range(count)
        ),
    )
    axis = heatmap_chart(spec, many, "da")["encoding"]["x"]["axis"]
    # Slanted, and none dropped as crowded: Vega-Lite left every other column unnamed
    assert axis["labelAngle"] != 0
    assert axis["labelOverlap"] is False


def test_the_same_vendor_twice_gets_two_columns(checked):
    _spec, comparison, _pk, _ = checked
    a = comparison.results[0]
    again = dataclasses.replace(a, source="a-rettet.docx")
    assert vendor_labels((a, again)) == (f"{VENDOR_A} (a.docx)", f"{VENDOR_A} (a-rettet.docx)")


def test_a_vendor_named_like_a_column_does_not_overwrite_it(checked):
    _spec, comparison, _pk, _ = checked
    named = dataclasses.replace(comparison.results[0], vendor="Krav-ID")
    assert vendor_labels((named,), reserved=("Kravnr", "Krav-ID", "Type")) == ("Krav-ID ·",)


# -- What the page sends: Arrow tables -----------------------------------------------------------


def test_arrow_table_keeps_every_row_and_column_in_order():
    rows = [{"id": "K-1", "points": 2, "ok": True}, {"id": "K-1", "points": None, "ok": False}]
    table = arrow_table(rows)
    assert table.column_names == ["id", "points", "ok"]
    assert table.to_pylist() == rows
    # Repeated texts stored once, read back the same
    encoded = arrow_table(rows, repeated_texts=True)
    assert pa.types.is_dictionary(encoded.schema.field("id").type)
    assert encoded.to_pylist() == rows
    # A table without rows still has its columns (a vendor without findings)
    empty = arrow_table([], columns=["Fund", "Krav-ID"])
    assert (empty.column_names, empty.num_rows) == (["Fund", "Krav-ID"], 0)


def test_charts_drawn_from_arrow_tables_show_the_same_rows(checked):
    spec, comparison, _pk, _ = checked
    for chart in (
        heatmap_chart(spec, comparison, "da"),
        heatmap_chart(spec, comparison, "en", "mk_pk"),
    ):
        drawn = with_arrow_data(chart)
        assert drawn["data"]["values"].to_pylist() == chart["data"]["values"]
        assert {k: v for k, v in drawn.items() if k != "data"} == {
            k: v for k, v in chart.items() if k != "data"
        }


# -- Reading with progress ------------------------------------------------------------------------


def test_read_responses_reports_each_file_before_reading_it():
    calls = []
    files = [UploadedFile("a.yaml", b"not: [valid"), UploadedFile("b.docx", b"PK\x03\x04 nope")]
    read = read_responses(files, "da", lambda *args: calls.append(args))
    assert calls == [(1, 2, "a.yaml"), (2, 2, "b.docx")]
    assert [f.name for f in read] == ["a.yaml", "b.docx"]
    assert all(f.error and f.error.startswith(f.name) for f in read)


# -- The page -------------------------------------------------------------------------------------


@pytest.fixture
def progress_texts(monkeypatch):
    """The texts of every progress bar the page draws, and whether each was removed again."""
    shown: list[str] = []
    original = streamlit.progress

    class Bar:
        def __init__(self, element):
            self.element = element

        def progress(self, value, text=None):
            shown.append(text)
            return self.element.progress(value, text=text)

        def empty(self):
            shown.append(None)
            return self.element.empty()

    def progress(value, text=None, **kwargs):
        shown.append(text)
        return Bar(original(value, text=text, **kwargs))

    monkeypatch.setattr(streamlit, "progress", progress)
    return shown


# Made by the shared checking of the bids (procure.ui.checking), not by the Tilbud page
CHECKING = ("evaluate_response", "render_comparison_xlsx", "render_check_report")


def chart_data(chart) -> list[dict]:
    return pa.ipc.open_stream(chart.proto.data.data).read_all().to_pylist()


def two_bids_checked(monkeypatch, tmp_path):
    """The wizard on step 8 with a tender for Y65 and two answer files: A meets everything, B
    has a reservation on one K. Returns the app, the tender and that K's id."""
    monkeypatch.setenv("PROCURE_WORKSPACE", str(tmp_path))
    at = fill_purchase(new_app())
    library = load_release("1.0.0")
    tender = build_tender(at.session_state["procure_wizard"], library)
    spec = resolve_tender(tender, library)
    partly = next(r.id for r in spec.requirements if r.kind == "K")  # a reservation
    go(at, "step_check")
    at.file_uploader(key="check_responses_0").set_value(
        [
            ("a [1].yaml", answer_file(tender, "Leverandør A"), "text/yaml"),
            ("b.yaml", answer_file(tender, VENDOR_B, {partly: "Delvist opfyldt"}), "text/yaml"),
        ]
    ).run()
    assert not at.exception
    return at, tender, partly


def test_check_page_shows_progress_while_reading_then_both_charts(
    monkeypatch, tmp_path, progress_texts
):
    at, tender, partly = two_bids_checked(monkeypatch, tmp_path)

    # Each file named while it is read, then while it is checked; the bar is gone afterwards
    texts = [re.sub(r"\\(.)", r"\1", t) if t else t for t in progress_texts]
    assert texts == [
        "Kontrollerer besvarelserne …",
        "Læser tilbud 1 af 2: a [1].yaml",
        "Læser tilbud 2 af 2: b.yaml",
        "Kontrollerer tilbud 1 af 2: a [1].yaml",
        "Kontrollerer tilbud 2 af 2: b.yaml",
        None,
    ]
    assert not at.get("progress")

    # Only the heat map: no chart ranks the bids by the vendors' own answers
    charts = at.get("vega_lite_chart")
    assert len(charts) == 1
    [heatmap] = charts
    cells = chart_data(heatmap)
    assert len(cells) == 2 * len(tender.requirements)
    assert {(c["vendor"], c["verdict"]) for c in cells if c["id"] == partly} == {
        ("Leverandør A", "ok"),
        (VENDOR_B, "reservation"),
    }
    # The vendor's name reaches the page only as chart data, never as Markdown
    assert not any("<b>" in m.value for m in at.markdown)

    # A rerun uses what was read: no progress bar, same charts
    progress_texts.clear()
    at.radio(key="chart_heatmap_show").set_value("not_ok").run()
    assert progress_texts == []
    cells = chart_data(at.get("vega_lite_chart")[0])
    assert {c["id"] for c in cells} == {partly}

    at.sidebar.radio(key="ui_lang").set_value("en").run()
    legend = at.get("vega_lite_chart")[0].proto.spec
    assert "Reservation" in legend and "Forbehold" not in legend


def test_a_rerun_draws_the_page_from_what_was_made_for_its_outcome(monkeypatch, tmp_path):
    """Checking, the charts, the tables and the two files are made once per set of bids,
    tender and overrides (and the page's language): a click that changes none of them, such as
    the heat map's filter, does not go over every vendor × requirement again."""
    at, tender, _partly = two_bids_checked(monkeypatch, tmp_path)
    made = Counter()

    def counted(name):
        module = page_checking if name in CHECKING else page_check
        function = getattr(module, name)

        def counting(*args, **kwargs):
            made[name] += 1
            return function(*args, **kwargs)

        monkeypatch.setattr(module, name, counting)

    for name in (
        "evaluate_response",
        "vendor_parts",
        "side_by_side_table",
        "heatmap_chart",
        "render_comparison_xlsx",
        "render_check_report",
    ):
        counted(name)

    at.run()
    assert not at.exception and made == Counter()
    at.radio(key="chart_heatmap_show").set_value("not_ok").run()
    assert made == Counter(heatmap_chart=1)  # this filter's rows, once
    at.radio(key="chart_heatmap_show").set_value("all").run()
    at.radio(key="chart_heatmap_show").set_value("not_ok").run()
    assert made == Counter(heatmap_chart=1)
    # Another language: the page's texts again, each bid's messages once in that language
    # (for its card), not the files (in the tender's language)
    made.clear()
    at.sidebar.radio(key="ui_lang").set_value("en").run()
    assert made == Counter(
        evaluate_response=2, vendor_parts=2, side_by_side_table=1, heatmap_chart=1
    )
    made.clear()
    at.sidebar.radio(key="ui_lang").set_value("da").run()
    at.sidebar.radio(key="ui_lang").set_value("en").run()
    assert made == Counter()  # both languages' parts are kept

    # An override changes the outcome: checked again, and both files made again
    made.clear()
    spec = resolve_tender(tender, load_release("1.0.0"))
    pk = next(r for r in spec.requirements if r.kind == "PK")
    key = vendor_key("a [1].yaml", "Leverandør A")
    at.selectbox(key=f"override_{key}_requirement").set_value(pk.id)
    at.text_input(key=f"override_{key}_points").input("0")
    at.text_input(key=f"override_{key}_by").input("Mette Holm")
    at.text_area(key=f"override_{key}_why").input("Løsningen dækker ikke kravet.")
    at.button(key=f"override_{key}_save").click().run()
    assert not at.exception
    # each bid in the tender's language, and again in English for its card
    assert made["evaluate_response"] == 4
    assert made["render_comparison_xlsx"] == made["render_check_report"] == 1
    # The download buttons are still where they were, with the new files
    labels = [b.label for b in at.get("download_button")]
    assert labels[:2] == ["Download comparison.xlsx", "Download note.docx"], labels


def test_findings_are_drawn_only_while_their_expander_is_open(monkeypatch, tmp_path):
    at, _tender, partly = two_bids_checked(monkeypatch, tmp_path)
    shown = len(at.dataframe)
    at.session_state[f"findings_{vendor_key('b.yaml', VENDOR_B)}_expander"] = True
    at.run()
    assert not at.exception
    assert len(at.dataframe) == shown + 1
    findings = next(f.value for f in at.dataframe if DA["col_finding"] in f.value.columns)
    assert partly in set(findings[DA["col_requirement"]])  # B's reservation on that K
