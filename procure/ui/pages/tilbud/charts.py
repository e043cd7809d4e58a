"""The charts of step 8, Tilbud: score per vendor, and each requirement × vendor as a heat map.

Plain data in, Vega-Lite specs (plain dicts) out, drawn with st.vega_lite_chart. No Streamlit
here, so what a chart shows is tested without a browser. Vendor names and requirement texts
only ever go into the chart's data, where Vega-Lite shows them as text.

The page draws a chart or a table from an Arrow table (`with_arrow_data`, `arrow_table`), made
once per checked set of bids: Streamlit sends one as it is, where a list of dicts goes through
pandas on every rerun.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import pyarrow as pa

from procure.evaluation.comparison import Comparison
from procure.evaluation.messages import number
from procure.evaluation.result import EvaluationResult
from procure.forms import ANSWER_LABELS
from procure.tender.spec import TenderSpec
from procure.ui.texts import tr

# Every verdict a requirement can get (procure.evaluation.result.RequirementVerdict.verdict),
# in legend order from good to bad. The legend text is the UI text `verdict_<code>`.
VERDICT_COLOURS: dict[str, str] = {
    "ok": "#2e7d32",  # green: met
    "reservation": "#f9a825",  # amber: K/PK not fully met, or met with a reservation
    "not_offered": "#90a4ae",  # blue-grey: an option (O) not offered, neither good nor bad
    "missing": "#bdbdbd",  # grey: not answered
    "invalid": "#757575",  # dark grey: an answer that is none of the allowed ones
    "failed": "#8b0000",  # dark red: a mandatory requirement (MK) not met
}
COMPLIANT_COLOURS = {True: "#2e7d32", False: "#b71c1c"}
COMPUTED_TICK_COLOUR = "#1e88e5"  # blue: visible on both bar colours and on light or dark pages

# What the heat map can be narrowed to: long tenders have hundreds of rows.
HEATMAP_FILTERS = ("all", "mk_pk", "not_ok")
HEATMAP_ROW_PX = 20  # per requirement: 300 requirements stay readable, the page scrolls
# Above this many vendors the heat map's column labels are slanted: side by side, Vega-Lite
# would drop every other one as crowded, and a column without its vendor's name says nothing.
HEATMAP_LEVEL_LABELS = 5
SCORE_BAR_PX = 34  # per vendor


def verdict_label(verdict: str, lang: str) -> str:
    """A verdict as the legend and tooltip show it: "Ikke opfyldt (MK)"."""
    text = tr(lang, f"verdict_{verdict}")
    return text[:1].upper() + text[1:]


def compliant_label(compliant: bool, lang: str) -> str:
    return tr(lang, "chart_compliant" if compliant else "chart_not_compliant")


def vendor_labels(
    results: tuple[EvaluationResult, ...], reserved: tuple[str, ...] = ()
) -> tuple[str, ...]:
    """One label per result, unique: the same vendor twice (a corrected file) would otherwise
    draw two bars and two columns as one. A label never equals one in `reserved` (a table's
    own columns: a vendor called "Krav-ID" must not overwrite the id column)."""
    counts = Counter(r.vendor for r in results)
    labels: list[str] = []
    for result in results:
        label = result.vendor
        if counts[result.vendor] > 1:
            label = f"{result.vendor} ({result.source})"
        while label in labels or label in reserved:
            label += " ·"
        labels.append(label)
    return tuple(labels)


# -- Score per vendor ---------------------------------------------------------------------------


def score_rows(comparison: Comparison, lang: str) -> list[dict]:
    """One row per vendor in ranking order: compliant bids by final score, then the others by
    final score, so a non-compliant bid never looks like the winner (ties in upload order)."""
    labels = vendor_labels(comparison.results)
    rows = []
    for label, result in zip(labels, comparison.results, strict=True):
        rows.append(
            {
                "vendor": label,
                "score": float(result.score),
                "computed_score": float(result.computed_score),
                "overridden": result.score != result.computed_score,
                "max_score": result.max_score,
                "compliant": result.compliant,
                "status": compliant_label(result.compliant, lang),
                "score_text": f"{number(result.score, lang)} / {result.max_score}",
                "computed_text": f"{number(result.computed_score, lang)} / {result.max_score}",
            }
        )
    rows.sort(key=lambda row: (not row["compliant"], -row["score"]))  # stable sort
    return rows


def score_chart(comparison: Comparison, lang: str) -> dict:
    """Horizontal bars of the final score on the published scale, coloured by compliance; a
    tick at the computed score where an evaluator's override changed it."""
    rows = score_rows(comparison, lang)
    max_score = max((row["max_score"] for row in rows), default=10)
    any_override = any(row["overridden"] for row in rows)
    score_title = tr(lang, "score_final" if any_override else "score")
    y = {
        "field": "vendor",
        "type": "nominal",
        "sort": [row["vendor"] for row in rows],
        "title": None,
        "axis": {"labelLimit": 260},
    }
    tooltip = [
        {"field": "vendor", "type": "nominal", "title": tr(lang, "col_vendor")},
        {"field": "score_text", "type": "nominal", "title": score_title},
        *(
            [{"field": "computed_text", "type": "nominal", "title": tr(lang, "score_computed")}]
            if any_override
            else []
        ),
        {"field": "status", "type": "nominal", "title": tr(lang, "col_compliant")},
    ]
    bars = {
        "mark": {"type": "bar", "cornerRadiusEnd": 2},
        "encoding": {
            "y": y,
            "x": {
                "field": "score",
                "type": "quantitative",
                "title": f"{score_title} (0–{max_score})",
                "scale": {"domain": [0, max_score], "nice": False},
                "axis": {"format": "d", "tickMinStep": 1},
            },
            "color": {
                "field": "status",
                "type": "nominal",
                "title": None,
                "scale": {
                    "domain": [compliant_label(True, lang), compliant_label(False, lang)],
                    "range": [COMPLIANT_COLOURS[True], COMPLIANT_COLOURS[False]],
                },
                "legend": {"orient": "top"},
            },
            "tooltip": tooltip,
        },
    }
    layers = [bars]
    if any_override:
        layers.append(
            {
                "transform": [{"filter": "datum.overridden"}],
                "mark": {
                    "type": "tick",
                    "color": COMPUTED_TICK_COLOUR,
                    "thickness": 3,
                    "bandSize": SCORE_BAR_PX * 0.8,
                },
                "encoding": {
                    "y": y,
                    "x": {"field": "computed_score", "type": "quantitative"},
                    "tooltip": tooltip,
                },
            }
        )
    return {
        "data": {"values": rows},
        "height": max(len(rows), 1) * SCORE_BAR_PX,
        # Fit the page's width; the height above is the plot's own, so bars keep their size.
        "autosize": {"type": "fit-x", "contains": "padding"},
        "layer": layers,
    }


# -- Requirement × vendor -----------------------------------------------------------------------


def requirement_label(number_text: str, requirement_id: str) -> str:
    """A heat map row: "3.1.2 FKI-ORG-003"."""
    return f"{number_text} {requirement_id}".strip()


def heatmap_rows(
    spec: TenderSpec, comparison: Comparison, lang: str, show: str = "all"
) -> list[dict]:
    """One cell per requirement and vendor, requirements in tender order, vendors in upload
    order. `show`: "all"; "mk_pk" only mandatory and scored requirements; "not_ok" only the
    requirements where at least one vendor's verdict is not "ok" (their whole row, to compare)."""
    labels = vendor_labels(comparison.results)
    answers = ANSWER_LABELS.get(spec.language, ANSWER_LABELS["da"])
    # Looked up by id once: a 300-requirement tender is redrawn on every rerun of the page.
    by_id = [{v.id: v for v in result.verdicts} for result in comparison.results]
    rows = []
    for order, requirement in enumerate(spec.requirements):
        if show == "mk_pk" and requirement.kind not in ("MK", "PK"):
            continue
        verdicts = [verdicts.get(requirement.id) for verdicts in by_id]
        if show == "not_ok" and all(v is not None and v.verdict == "ok" for v in verdicts):
            continue
        for label, verdict in zip(labels, verdicts, strict=True):
            code = verdict.verdict if verdict is not None else "missing"
            answer = "–"
            if verdict is not None:
                answer = answers[verdict.answer] if verdict.answer else verdict.answer_text or "–"
            rows.append(
                {
                    "requirement": requirement_label(requirement.number, requirement.id),
                    "order": order,
                    "number": requirement.number,
                    "id": requirement.id,
                    "title": requirement.title,
                    "kind": requirement.kind,
                    "vendor": label,
                    "answer": answer,
                    "verdict": code,
                    "verdict_label": verdict_label(code, lang),
                    "points": _points_text(verdict, requirement.weight, lang),
                }
            )
    return rows


def heatmap_chart(spec: TenderSpec, comparison: Comparison, lang: str, show: str = "all") -> dict:
    """Rows = requirements, columns = vendors, colour = verdict; the height grows with the rows."""
    rows = heatmap_rows(spec, comparison, lang, show)
    requirements = list(dict.fromkeys(row["requirement"] for row in rows))
    vendors = list(vendor_labels(comparison.results))
    verdict_title = tr(lang, "chart_verdict")
    return {
        "data": {"values": rows},
        "height": max(len(requirements), 1) * HEATMAP_ROW_PX,
        "autosize": {"type": "fit-x", "contains": "padding"},
        "mark": {"type": "rect", "stroke": "white", "strokeWidth": 1},
        "encoding": {
            "y": {
                "field": "requirement",
                "type": "nominal",
                "sort": requirements,
                "title": None,
                # Every row labelled: Vega-Lite would otherwise drop labels it thinks crowded
                "axis": {"labelLimit": 220, "labelOverlap": False},
            },
            "x": {
                "field": "vendor",
                "type": "nominal",
                "sort": vendors,
                "title": None,
                "axis": {"orient": "top", "labelAngle": 0, "labelLimit": 180}
                if len(vendors) <= HEATMAP_LEVEL_LABELS
                else {
                    "orient": "top",
                    "labelAngle": 35,
                    "labelAlign": "right",
                    "labelLimit": 180,
                    "labelOverlap": False,
                },
            },
            "color": {
                "field": "verdict_label",
                "type": "nominal",
                "title": verdict_title,
                "scale": {
                    "domain": [verdict_label(code, lang) for code in VERDICT_COLOURS],
                    "range": list(VERDICT_COLOURS.values()),
                },
                "legend": {"orient": "top"},
            },
            "tooltip": [
                {"field": "number", "type": "nominal", "title": tr(lang, "col_number")},
                {"field": "id", "type": "nominal", "title": tr(lang, "col_requirement")},
                {"field": "title", "type": "nominal", "title": tr(lang, "chart_title")},
                {"field": "kind", "type": "nominal", "title": tr(lang, "col_kind")},
                {"field": "vendor", "type": "nominal", "title": tr(lang, "col_vendor")},
                {"field": "answer", "type": "nominal", "title": tr(lang, "col_answer")},
                {"field": "verdict_label", "type": "nominal", "title": verdict_title},
                {"field": "points", "type": "nominal", "title": tr(lang, "chart_points")},
            ],
        },
    }


# -- For the page ---------------------------------------------------------------------------------


def arrow_table(
    rows: list[dict], columns: Iterable[str] | None = None, repeated_texts: bool = False
) -> pa.Table:
    """`rows` as an Arrow table, columns in the order of the first row's keys (or `columns`,
    for a table that may have no rows). With `repeated_texts`, text columns are stored as a
    dictionary, each distinct text once: the heat map repeats every requirement's number, id,
    title and kind once per vendor."""
    names = list(columns) if columns is not None else list(rows[0]) if rows else []
    arrays = []
    for name in names:
        array = pa.array([row.get(name) for row in rows])
        if repeated_texts and pa.types.is_string(array.type):
            array = array.dictionary_encode()
        arrays.append(array)
    return pa.Table.from_arrays(arrays, names=names)


def with_arrow_data(chart: dict) -> dict:
    """The chart with its rows as an Arrow table: what the browser gets is the same."""
    return {**chart, "data": {"values": arrow_table(chart["data"]["values"], repeated_texts=True)}}


def _points_text(verdict, weight: int | None, lang: str) -> str:
    """A PK's points of its weight, "3,5 / 7", marked when an evaluator set them; else "–"."""
    if verdict is None or verdict.final_points is None:
        return "–"
    text = number(verdict.final_points, lang)
    if weight is not None:
        text += f" / {weight}"
    if verdict.override_reason is not None:
        text += f" ({tr(lang, 'override_marker')})"
    return text
