"""What the Portefølje step draws, made as plain data: the systems table and the impact tables
as Arrow, the impact graph as Graphviz DOT, the coverage heat map as a Vega-Lite spec. No
Streamlit here, so what a table or chart shows is tested without a browser.

Names typed by officers or read from a KITOS export only ever go into a table's cells, a DOT
label (escaped: `dot_text`) or a chart's data, where they are shown as text.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterable, Sequence

import pyarrow as pa

from procure.library.model import Library
from procure.portfolio.coverage import Coverage
from procure.portfolio.impact import Affected, Impact
from procure.portfolio.records import SystemRecord
from procure.ui.chart_config import SCREEN_READER_CONFIG
from procure.ui.texts import tr

# Above this many hit systems the graph shows business areas (with their count) instead of
# one node a system: a graph of hundreds of boxes says nothing.
GRAPH_MAX_SYSTEMS = 40
# The heat map draws at most this many systems; a business area narrows it.
HEATMAP_MAX_SYSTEMS = 150
HEATMAP_ROW_PX = 20

# A heat map cell's state (coverage.MatrixRow.cells): colour, and a symbol so that the state
# is not told by colour alone
CELL_STYLES: dict[str, tuple[str, str]] = {
    "used": ("#2e7d32", "●"),  # green, filled: the system uses it
    "implied": ("#1565c0", "○"),  # blue, hollow: through an integration that needs it
    "missing": ("#c62828", "✕"),  # red, cross: recommended for its category, not used
}  # each fill at least 4.5:1 against white: the cell on the page and the white symbol on it
CRITICALITY_COLOURS = {"høj": "#ffcdd2", "middel": "#fff3c4", "lav": "#e8f5e9"}


def arrow_table(rows: list[dict], columns: Sequence[str]) -> pa.Table:
    """`rows` as an Arrow table with these columns (also when there are no rows): Streamlit
    sends it as it is, where a list of dicts goes through pandas on every rerun."""
    return pa.Table.from_arrays(
        [pa.array([row.get(name) for row in rows], type=pa.string()) for name in columns],
        names=list(columns),
    )


def criticality_text(value: str, lang: str) -> str:
    return tr(lang, f"pf_criticality_{value}") if value in CRITICALITY_COLOURS else value


# -- The systems table ------------------------------------------------------------------------


def systems_table(systems: Iterable[SystemRecord], lang: str, *, removed: bool = False):
    """One row per system; with `removed`, a column saying when it was taken out of use."""
    columns = [
        tr(lang, "pf_col_name"),
        tr(lang, "pf_col_vendor"),
        tr(lang, "pf_col_business_area"),
        tr(lang, "pf_col_criticality"),
        tr(lang, "pf_col_owner"),
        tr(lang, "pf_col_channel"),
        tr(lang, "pf_col_integrations"),
        tr(lang, "pf_col_category"),
        tr(lang, "pf_col_contract_end"),
    ]
    if removed:
        columns.append(tr(lang, "pf_col_removed"))
    rows = []
    for s in systems:
        values = [
            s.name,
            s.vendor,
            s.business_area,
            criticality_text(s.criticality, lang),
            s.owner,
            s.channel,
            ", ".join(s.integrations),
            s.category,
            s.contract_end.isoformat() if s.contract_end else "",
        ]
        if removed:
            values.append(s.removed_at.date().isoformat() if s.removed_at else "")
        rows.append(dict(zip(columns, values, strict=True)))
    return arrow_table(rows, columns)


def filtered_systems(
    systems: Iterable[SystemRecord], area: str, integration: str
) -> list[SystemRecord]:
    """The systems of one business area ("" any) that use one integration ("" any)."""
    return [
        s
        for s in systems
        if (not area or s.business_area == area)
        and (not integration or integration in s.integrations)
    ]


# -- Impact -----------------------------------------------------------------------------------


def via_text(item: Affected, lang: str) -> str:
    """ "direkte", or the catalogue ids from the integration used to the component, as the
    command line shows them: "sags-og-dokumentindeks → organisation" (the graph names them)."""
    if len(item.via) == 1:
        return tr(lang, "pf_via_direct")
    return " → ".join(item.via)


def short_name(integration_id: str, library: Library, lang: str) -> str:
    integration = library.integrations_by_id.get(integration_id)
    return integration.name.get(lang) if integration else integration_id


def impact_table(items: Sequence[Affected], library: Library, lang: str) -> pa.Table:
    columns = [
        tr(lang, "pf_col_name"),
        tr(lang, "pf_col_criticality"),
        tr(lang, "pf_col_owner"),
        tr(lang, "pf_col_channel"),
        tr(lang, "pf_col_via"),
    ]
    rows = [
        dict(
            zip(
                columns,
                (
                    a.system,
                    criticality_text(a.criticality, lang),
                    a.owner,
                    a.channel,
                    via_text(a, lang),
                ),
                strict=True,
            )
        )
        for a in items
    ]
    return arrow_table(rows, columns)


def dot_text(text: object) -> str:
    """Text for a double-quoted DOT string: backslashes and quotes escaped, line breaks as
    DOT's own, other control characters dropped, so no label can end its string early."""
    cleaned = "".join(c if c >= " " or c == "\n" else " " for c in str(text))
    escaped = cleaned.replace("\\", "\\\\").replace('"', '\\"')
    return escaped.replace("\n", "\\n")


def impact_dot(impact: Impact, library: Library, lang: str) -> str:
    """The hit systems → the integrations they use → … → the component that is down, as
    Graphviz DOT (left to right). Criticality is told by the box's border and its text, not
    colour alone. Above GRAPH_MAX_SYSTEMS systems, one node a business area with its count."""
    lines = [
        "digraph impact {",
        '  graph [rankdir=LR, bgcolor="transparent", nodesep=0.25, ranksep=0.6];',
        '  node [fontname="Helvetica", fontsize=14, margin="0.15,0.06"];',
        '  edge [color="#555555"];',
    ]
    integration_nodes: dict[str, str] = {}

    def integration_node(integration_id: str) -> str:
        if integration_id not in integration_nodes:
            node = f"i{len(integration_nodes)}"
            integration_nodes[integration_id] = node
            integration = library.integrations_by_id.get(integration_id)
            sf = f"\n{integration.sf_list}" if integration and integration.sf_list else ""
            label = _wrapped(short_name(integration_id, library, lang)) + sf
            if integration_id == impact.component:
                label = tr(lang, "pf_graph_down", name=label)
                style = 'shape=box, style="filled,bold", peripheries=2, fillcolor="#ffcdd2"'
            else:
                style = 'shape=ellipse, style=filled, fillcolor="#e3f2fd"'
            lines.append(f'  {node} [label="{dot_text(label)}", {style}];')
        return integration_nodes[integration_id]

    integration_node(impact.component)
    edges: dict[tuple[str, str], int] = {}
    if len(impact.affected) <= GRAPH_MAX_SYSTEMS:
        for index, item in enumerate(impact.affected):
            node = f"s{index}"
            label = f"{_wrapped(item.system)}\n({criticality_text(item.criticality, lang)})"
            border = 3 if item.criticality == "høj" else 1
            fill = CRITICALITY_COLOURS.get(item.criticality, "#ffffff")
            lines.append(
                f'  {node} [label="{dot_text(label)}", shape=box, style="rounded,filled", '
                f'fillcolor="{fill}", penwidth={border}];'
            )
            edges[(node, integration_node(item.via[0]))] = 1
    else:
        for index, (area, items) in enumerate(impact.by_business_area()):
            node = f"a{index}"
            name = area or tr(lang, "pf_no_area")
            label = f"{name}\n{tr(lang, 'pf_graph_systems', count=len(items))}"
            lines.append(
                f'  {node} [label="{dot_text(label)}", shape=box, style="rounded,filled", '
                'fillcolor="#eeeeee"];'
            )
            for item in items:
                key = (node, integration_node(item.via[0]))
                edges[key] = edges.get(key, 0) + 1
    for item in impact.affected:
        for here, there in zip(item.via, item.via[1:], strict=False):
            edges.setdefault((integration_node(here), integration_node(there)), 0)
    # The systems (or areas) in one column on the left, the component alone on the right
    left = list(dict.fromkeys(source for source, _ in edges if not source.startswith("i")))
    if left:
        lines.append(f"  {{rank=min; {'; '.join(left)};}}")
    lines.append(f"  {{rank=max; {integration_nodes[impact.component]};}}")
    for (source, target), count in edges.items():
        label = f' [label="{count}"]' if count > 1 else ""
        lines.append(f"  {source} -> {target}{label};")
    lines.append("}")
    return "\n".join(lines)


# -- Coverage ---------------------------------------------------------------------------------


def cell_label(state: str, lang: str) -> str:
    return tr(lang, f"pf_cell_{state}")


def heatmap_rows(
    coverage: Coverage, library: Library, lang: str, area: str = "", gaps_only: bool = False
) -> tuple[list[dict], int]:
    """The heat map's cells (only the marked ones; an empty cell is drawn as no cell) for at
    most HEATMAP_MAX_SYSTEMS systems, and how many systems the filter matched in all."""
    matched = [
        row
        for row in coverage.matrix
        if (not area or row.business_area == area) and (not gaps_only or "missing" in row.cells)
    ]
    rows = []
    for order, row in enumerate(matched[:HEATMAP_MAX_SYSTEMS]):
        for integration_id, state in zip(coverage.integrations, row.cells, strict=True):
            if not state:
                continue
            rows.append(
                {
                    "system": row.system,
                    "order": order,
                    "business_area": row.business_area,
                    "category": row.category,
                    "integration": integration_id,
                    "integration_name": short_name(integration_id, library, lang),
                    "state": cell_label(state, lang),
                    "symbol": CELL_STYLES[state][1],
                }
            )
    return rows, len(matched)


def heatmap_chart(
    coverage: Coverage, library: Library, lang: str, area: str = "", gaps_only: bool = False
) -> tuple[dict, int]:
    """Systems × integrations: each cell's colour and symbol say whether the system uses the
    integration, uses it through another, or lacks one its category recommends. Returns the
    spec (its data as Arrow) and how many systems matched the filter."""
    rows, matched = heatmap_rows(coverage, library, lang, area, gaps_only)
    systems = list(dict.fromkeys(row["system"] for row in rows))
    present = {row["integration"] for row in rows}
    columns = [i for i in coverage.integrations if i in present]
    states = list(CELL_STYLES)
    state_title = tr(lang, "pf_chart_state")
    tooltip = [
        {"field": "system", "type": "nominal", "title": tr(lang, "pf_col_name")},
        {"field": "business_area", "type": "nominal", "title": tr(lang, "pf_col_business_area")},
        {"field": "category", "type": "nominal", "title": tr(lang, "pf_col_category")},
        {"field": "integration_name", "type": "nominal", "title": tr(lang, "pf_chart_integration")},
        {"field": "integration", "type": "nominal", "title": tr(lang, "pf_chart_id")},
        {"field": "state", "type": "nominal", "title": state_title},
    ]
    x = {
        "field": "integration",
        "type": "nominal",
        "sort": columns,
        "title": tr(lang, "pf_chart_integration"),
        # Every column labelled (slanted, so that none is dropped as crowded)
        "axis": {
            "orient": "top",
            "labelAngle": -45,
            "labelAlign": "left",
            "labelLimit": 200,
            "labelOverlap": False,
        },
    }
    y = {
        "field": "system",
        "type": "nominal",
        "sort": systems,
        "title": tr(lang, "pf_chart_system"),
        "axis": {"labelLimit": 220, "labelOverlap": False},
    }
    spec = {
        "data": {"values": _arrow_rows(rows)},
        "description": tr(
            lang, "pf_heatmap_description", systems=len(systems), integrations=len(columns)
        ),
        "config": SCREEN_READER_CONFIG,
        "height": max(len(systems), 1) * HEATMAP_ROW_PX,
        "autosize": {"type": "fit-x", "contains": "padding"},
        "padding": {"left": 5, "top": 5, "bottom": 5, "right": 80},  # the last slanted label
        "encoding": {"x": x, "y": y, "tooltip": tooltip},
        # The symbols' colours are their own: with a shared scale they would take the cells'
        "resolve": {"scale": {"color": "independent"}},
        "layer": [
            {
                "mark": {"type": "rect", "stroke": "white", "strokeWidth": 1},
                "encoding": {
                    "color": {
                        "field": "state",
                        "type": "nominal",
                        "title": state_title,
                        "scale": {
                            "domain": [cell_label(s, lang) for s in states],
                            "range": [CELL_STYLES[s][0] for s in states],
                        },
                        "legend": {
                            "orient": "top",
                            "symbolType": "square",
                            # Each state with its symbol, as the cells show it
                            "labelExpr": json.dumps(
                                {
                                    cell_label(
                                        s, lang
                                    ): f"{CELL_STYLES[s][1]} {cell_label(s, lang)}"
                                    for s in states
                                },
                                ensure_ascii=False,
                            )
                            + "[datum.label]",
                        },
                    }
                },
            },
            {
                "mark": {"type": "text", "fontSize": 12, "fontWeight": "bold"},
                "encoding": {
                    "text": {"field": "symbol", "type": "nominal"},
                    "color": {
                        "field": "state",
                        "type": "nominal",
                        "scale": {
                            "domain": [cell_label(s, lang) for s in states],
                            "range": ["#ffffff"] * len(states),
                        },
                        "legend": None,
                    },
                },
            },
        ],
    }
    return spec, matched


def gaps_table(coverage: Coverage, library: Library, lang: str) -> pa.Table:
    """Per category (in the library's order), its systems that lack recommended integrations."""
    columns = [
        tr(lang, "pf_col_category"),
        tr(lang, "pf_col_name"),
        tr(lang, "pf_col_missing"),
    ]
    order = {c.code: i for i, c in enumerate(library.categories)}
    rows = []
    for gap in sorted(coverage.gaps, key=lambda g: (order.get(g.category, len(order)), g.system)):
        category = library.categories_by_code.get(gap.category)
        name = f"{gap.category} – {category.name.get(lang)}" if category else gap.category
        missing = ", ".join(gap.missing)
        rows.append(dict(zip(columns, (name, gap.system, missing), strict=True)))
    return arrow_table(rows, columns)


def expiring_table(coverage: Coverage, library: Library, lang: str) -> pa.Table:
    columns = [
        tr(lang, "pf_col_contract_end"),
        tr(lang, "pf_col_name"),
        tr(lang, "pf_col_missing"),
    ]
    rows = [
        dict(
            zip(
                columns,
                (
                    item.contract_end.isoformat(),
                    item.system,
                    ", ".join(item.missing) or "–",
                ),
                strict=True,
            )
        )
        for item in coverage.expiring
    ]
    return arrow_table(rows, columns)


def _wrapped(text: str, width: int = 24) -> str:
    """A long name over several lines, so the graph stays narrow enough to read."""
    return "\n".join(textwrap.wrap(text, width)) or text


def _arrow_rows(rows: list[dict]) -> pa.Table:
    """The heat map's cells as Arrow, each repeated text stored once."""
    names = [
        "system",
        "order",
        "business_area",
        "category",
        "integration",
        "integration_name",
        "state",
        "symbol",
    ]
    arrays = []
    for name in names:
        array = pa.array([row[name] for row in rows], type=pa.int32() if name == "order" else None)
        if pa.types.is_string(array.type):
            array = array.dictionary_encode()
        arrays.append(array)
    return pa.Table.from_arrays(arrays, names=names)
