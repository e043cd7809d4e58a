"""The chart of step 8, Tilbud: each requirement × vendor as a heat map, coloured by the verdict
(the bids are ranked only on the Tildeling step, on the committee's points, never here by the
vendors' own answers).

Plain data in, Vega-Lite specs (plain dicts) out, drawn with st.vega_lite_chart. No Streamlit
here, so what a chart shows is tested without a browser. Vendor names and requirement texts
only ever go into the chart's data, where Vega-Lite shows them as text.

The page draws the chart from an Arrow table (procure.ui.arrow), made once per checked set of
bids.
"""

from __future__ import annotations

import json
from collections import Counter

from procure.evaluation.comparison import Comparison
from procure.evaluation.messages import number
from procure.evaluation.result import EvaluationResult
from procure.forms import ANSWER_LABELS
from procure.tender.spec import TenderSpec
from procure.ui.chart_config import SCREEN_READER_CONFIG
from procure.ui.texts import tr

# Every verdict a requirement can get (procure.evaluation.result.RequirementVerdict.verdict),
# in legend order from good to bad. The legend text is the UI text `verdict_<code>`. Each fill
# is at least 4.5:1 against white (the cell against the page, and the white symbol on it), and
# each verdict has its own symbol, so no verdict is told by colour alone (WCAG 1.4.1, 1.4.11).
VERDICT_COLOURS: dict[str, str] = {
    "ok": "#2e7d32",  # green: met
    "reservation": "#a15c00",  # dark amber: K/PK not fully met, or met with a reservation
    "not_offered": "#546e7a",  # blue-grey: an option (O) not offered, neither good nor bad
    "missing": "#6b6b6b",  # grey: not answered
    "invalid": "#6d4c41",  # brown: an answer that is none of the allowed ones
    "failed": "#b71c1c",  # red: a mandatory requirement (MK) not met
}
VERDICT_SYMBOLS: dict[str, str] = {
    "ok": "✓",
    "reservation": "!",
    "not_offered": "–",
    "missing": "?",
    "invalid": "≠",
    "failed": "✕",
}

# What the heat map can be narrowed to: long tenders have hundreds of rows.
HEATMAP_FILTERS = ("all", "mk_pk", "not_ok")
HEATMAP_ROW_PX = 20  # per requirement: 300 requirements stay readable, the page scrolls
# Above this many vendors the heat map's column labels are slanted: side by side, Vega-Lite
# would drop every other one as crowded, and a column without its vendor's name says nothing.
HEATMAP_LEVEL_LABELS = 5


def verdict_label(verdict: str, lang: str) -> str:
    """A verdict as the legend and tooltip show it: "Ikke opfyldt (MK)"."""
    text = tr(lang, f"verdict_{verdict}")
    return text[:1].upper() + text[1:]


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
                    "verdict_symbol": VERDICT_SYMBOLS[code],
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
    # The legend names each verdict with its symbol, as the cells show it
    legend_labels = {
        verdict_label(c, lang): f"{VERDICT_SYMBOLS[c]} {verdict_label(c, lang)}"
        for c in VERDICT_COLOURS
    }
    return {
        "data": {"values": rows},
        "description": tr(
            lang, "chart_heatmap_description", requirements=len(requirements), vendors=len(vendors)
        ),
        # A screen reader's name for the chart; the cells themselves are in the table under it
        "config": SCREEN_READER_CONFIG,
        "height": max(len(requirements), 1) * HEATMAP_ROW_PX,
        "autosize": {"type": "fit-x", "contains": "padding"},
        "layer": [
            {"mark": {"type": "rect", "stroke": "white", "strokeWidth": 1}},
            {
                "mark": {"type": "text", "fontSize": 12, "fontWeight": "bold"},
                "encoding": {
                    "text": {"field": "verdict_symbol", "type": "nominal"},
                    "color": {"value": "#ffffff"},
                },
            },
        ],
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
                "legend": {
                    "orient": "top",
                    "labelExpr": f"{json.dumps(legend_labels, ensure_ascii=False)}[datum.label]",
                },
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
