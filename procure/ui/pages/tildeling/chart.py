"""The Tildeling step's chart: the ranked bids' figure (total points, or what the published model
ranks by), best first. Excluded bids and bids still missing consensus points have no rank and
no bar. Each bar carries its rank in words ("1. plads", "2. plads, delt"), so the ranking is
never told by colour alone.

Plain data in, a Vega-Lite spec (a dict) out; no Streamlit here.
"""

from __future__ import annotations

from procure.award.model import AwardModel
from procure.award.points import round_half_up
from procure.award.result import AwardResult, BidResult
from procure.evaluation.messages import number
from procure.ui.chart_config import SCREEN_READER_CONFIG
from procure.ui.texts import tr

BAR_PX = 36  # per ranked bid
BAR_COLOUR = "#1f5f8b"  # one colour: the rank is written on each bar
WINNER_COLOUR = "#2e7d32"


def figure(model: AwardModel, result: AwardResult) -> str:
    """What the ranking is decided by: "total", "price_per_quality_point", "adjusted_price"
    or "price" (lowest first for the last three)."""
    ranked = [b for b in result.ranking if b.rank is not None]
    for name in ("total", "price_per_quality_point", "adjusted_price"):
        if any(getattr(b, name) is not None for b in ranked):
            return name
    return "price"


def rank_text(bid: BidResult, lang: str) -> str:
    return tr(lang, "award_rank_tie" if bid.tie else "award_rank", rank=bid.rank)


def ranking_rows(model: AwardModel, result: AwardResult, lang: str) -> list[dict]:
    """One row per ranked bid, best first: the bid's figure as a number and as text."""
    name = figure(model, result)
    decimals = result.rounding.total if name == "total" else result.rounding.amount
    rows = []
    for bid in result.ranking:
        value = getattr(bid, name)
        if bid.rank is None or value is None:
            continue
        shown = round_half_up(value, decimals)
        rows.append(
            {
                "vendor": bid.vendor,
                "value": float(value),
                "value_text": number(shown, lang),
                "rank": bid.rank,
                "rank_text": rank_text(bid, lang),
                "winner": bid.rank == 1,
            }
        )
    return rows


def ranking_chart(model: AwardModel, result: AwardResult, lang: str) -> dict | None:
    """Horizontal bars of the ranked bids' figure, best at the top; each bar's label names the
    rank and the vendor, and the figure is written on the bar. None when no bid is ranked."""
    rows = ranking_rows(model, result, lang)
    if not rows:
        return None
    name = figure(model, result)
    title = tr(lang, f"award_chart_{name}", max=model.scale.max)
    top = model.scale.max if name == "total" else max(row["value"] for row in rows)
    for row in rows:
        row["label"] = f"{row['rank_text']} · {row['vendor']}"
        row["inside"] = top > 0 and row["value"] >= top * 0.2  # room for the figure on the bar
    x = {
        "field": "value",
        "type": "quantitative",
        "title": title,
        "scale": {"domain": [0, top or 1], "nice": False},
        # Points in whole steps; amounts with the language's thousands separator
        "axis": {"format": "d", "tickMinStep": 1}
        if name == "total"
        else {"labelExpr": _amount_labels(lang)},
    }
    y = {
        "field": "label",
        "type": "nominal",
        "sort": [row["label"] for row in rows],
        "title": None,
        "axis": {"labelLimit": 320},
    }
    tooltip = [
        {"field": "vendor", "type": "nominal", "title": tr(lang, "col_vendor")},
        {"field": "rank_text", "type": "nominal", "title": tr(lang, "award_col_rank")},
        {"field": "value_text", "type": "nominal", "title": title},
    ]
    return {
        "data": {"values": rows},
        "description": tr(lang, "award_chart_description", title=title, count=len(rows)),
        "config": SCREEN_READER_CONFIG,
        "height": len(rows) * BAR_PX,
        "autosize": {"type": "fit-x", "contains": "padding"},
        "encoding": {"y": y, "tooltip": tooltip},
        "layer": [
            {
                "mark": {"type": "bar", "cornerRadiusEnd": 2},
                "encoding": {
                    "x": x,
                    "color": {
                        "condition": {"test": "datum.winner", "value": WINNER_COLOUR},
                        "value": BAR_COLOUR,
                    },
                },
            },
            {
                "transform": [{"filter": "datum.inside"}],
                "mark": {"type": "text", "align": "right", "dx": -6, "color": "white"},
                "encoding": {
                    "x": {"field": "value", "type": "quantitative"},
                    "text": {"field": "value_text", "type": "nominal"},
                },
            },
            {
                "transform": [{"filter": "!datum.inside"}],
                "mark": {"type": "text", "align": "left", "dx": 4, "color": "#222222"},
                "encoding": {
                    "x": {"field": "value", "type": "quantitative"},
                    "text": {"field": "value_text", "type": "nominal"},
                },
            },
        ],
    }


def _amount_labels(lang: str) -> str:
    """A Vega expression writing an axis amount as the language does (1.250.000 / 1,250,000)."""
    if lang == "da":
        return "replace(format(datum.value, ',.0f'), /,/g, '.')"
    return "format(datum.value, ',.0f')"
