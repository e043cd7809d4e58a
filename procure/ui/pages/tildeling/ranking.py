"""The ranking as tables: the ranked bids best first (ties shown as ties) with their points per
criterion, price and total; the bids still waiting for consensus points; the excluded bids with
their reasons and no points."""

from __future__ import annotations

from decimal import Decimal

import streamlit as st

from procure.award import prices_may_be_shown
from procure.evaluation.messages import money, number
from procure.ui.arrow import arrow_table
from procure.ui.awarding import AwardView
from procure.ui.pages.tildeling.chart import rank_text
from procure.ui.session import plain
from procure.ui.texts import tr


def ranked_table(lang: str, view: AwardView) -> None:
    result = view.result
    model = view.model
    data = {bid["vendor"]: bid for bid in result.to_data(lang)["ranking"]}
    show_prices = prices_may_be_shown(model, view.quality_locked)
    ranked = [b for b in result.ranking if b.rank is not None]
    if not ranked:
        st.info(tr(lang, "award_none_ranked"))
        return
    rows = []
    for bid in ranked:
        shown = data[bid.vendor]
        row = {
            tr(lang, "award_col_rank"): rank_text(bid, lang),
            tr(lang, "col_vendor"): bid.vendor,
        }
        for criterion in model.quality_criteria:
            row[criterion.name] = _points(shown["criteria"].get(criterion.name), lang)
        if model.quality_criteria and shown["quality_points"] is not None:
            row[tr(lang, "award_col_quality")] = _points(shown["quality_points"], lang)
        price = model.price_criterion
        if price is not None and show_prices:
            row[tr(lang, "award_col_price")] = _amount(shown["price"], lang)
            if shown["price_points"] is not None:
                row[tr(lang, "award_col_price_points", name=price.name)] = _points(
                    shown["price_points"], lang
                )
        for name in ("total", "price_per_quality_point", "adjusted_price"):
            if shown[name] is not None and (name == "total" or show_prices):
                text = _points(shown[name], lang) if name == "total" else _amount(shown[name], lang)
                row[tr(lang, f"award_col_{name}")] = text
        row[tr(lang, "award_col_confirmed")] = tr(lang, "yes" if bid.confirmed else "no")
        rows.append(row)
    st.dataframe(arrow_table(rows), hide_index=True, width="stretch")
    ties = [b.vendor for b in ranked if b.tie]
    if ties:
        st.warning(plain(tr(lang, "award_tie", vendors=", ".join(ties))))
    if model.price_criterion is not None and not show_prices:
        st.caption(tr(lang, "award_prices_hidden"))


def waiting_and_excluded(lang: str, view: AwardView) -> None:
    result = view.result
    waiting = [b for b in result.ranking if b.rank is None and not b.excluded]
    for bid in waiting:
        shown = ", ".join(bid.missing[:10]) + (" …" if len(bid.missing) > 10 else "")
        st.info(
            plain(tr(lang, "award_waiting", vendor=bid.vendor, count=len(bid.missing), ids=shown))
        )
    excluded = [b for b in result.ranking if b.excluded]
    if not excluded:
        return
    st.markdown(f"**{tr(lang, 'award_excluded_heading')}**")
    st.caption(tr(lang, "award_excluded_intro"))
    data = {bid["vendor"]: bid for bid in result.to_data(lang)["ranking"]}
    # A list, not a table: the reasons are sentences, and a table cell would cut them
    st.markdown(
        "\n".join(
            f"- **{plain(bid.vendor)}** "
            + plain(
                tr(
                    lang,
                    "award_excluded_line",
                    reasons="; ".join(data[bid.vendor]["reasons"]),
                    confirmed=tr(lang, "yes" if bid.confirmed else "no").lower(),
                )
            )
            for bid in excluded
        )
    )


def _points(text: str | None, lang: str) -> str:
    return "–" if text is None else number(Decimal(text), lang)


def _amount(text: str | None, lang: str) -> str:
    return "–" if text is None else tr(lang, "award_amount", value=money(Decimal(text), lang))
