"""Step 6, "Evaluering": the published evaluation model (udbudsloven §§ 160, 165)."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import streamlit as st

from procure.documents.context import evaluation_section
from procure.errors import ProcureError
from procure.tender import resolve_tender
from procure.tender.spec import format_decimal
from procure.ui.session import bound, current_library, plain
from procure.ui.state import (
    WizardState,
    build_tender,
    propose,
    requirement_rows,
    total_pk_weight,
)
from procure.ui.texts import tr


def render(state: WizardState) -> None:
    lang = state.ui_lang
    st.caption(tr(lang, "evaluation_intro"))
    left, right = st.columns(2)
    with left:
        bound(
            st.number_input,
            "scale_max",
            state.scale_max,
            lambda v: setattr(state, "scale_max", int(v if v is not None else 10)),
            label=tr(lang, "scale_label"),
            min_value=1,
            max_value=1000,
            step=1,
            help=tr(lang, "scale_help"),
        )
        bound(
            st.number_input,
            "partial_credit",
            float(state.partial_credit),
            lambda v: setattr(state, "partial_credit", _decimal_text(v)),
            label=tr(lang, "partial_label"),
            min_value=0.0,
            max_value=1.0,
            step=0.05,
            format="%.2f",
            help=tr(lang, "partial_help"),
        )
    with right:
        bound(
            st.number_input,
            "decimals",
            state.decimals,
            lambda v: setattr(state, "decimals", int(v if v is not None else 2)),
            label=tr(lang, "decimals_label"),
            min_value=0,
            max_value=4,
            step=1,
        )

    weight = _total_weight(state)
    if weight is not None:
        st.metric(tr(lang, "total_weight"), weight)
    st.info(
        tr(
            lang,
            "evaluation_explained",
            partial=format_decimal(Decimal(state.partial_credit), lang),
            scale=state.scale_max,
            decimals=state.decimals,
        )
    )
    _annex_preview(state)


def _annex_preview(state: WizardState) -> None:
    """The evaluation section exactly as the annex will have it, from the same code."""
    lang = state.ui_lang
    st.subheader(tr(lang, "evaluation_preview_heading"))
    if not state.category:
        st.caption(tr(lang, "evaluation_preview_unavailable"))
        return
    library = current_library(state)
    tender = build_tender(state, library)
    # Title and buyer are not part of this section; a draft without them still previews.
    tender = dataclasses.replace(
        tender,
        title=tender.title or "-",
        buyer=dataclasses.replace(tender.buyer, name=tender.buyer.name or "-", cvr=None),
    )
    try:
        spec = resolve_tender(tender, library)
    except ProcureError as exc:
        st.caption(tr(lang, "evaluation_preview_unavailable") + " " + plain(str(exc)))
        return
    section = evaluation_section(spec)
    st.caption(
        tr(lang, "evaluation_preview_intro", language=tr(lang, f"lang_{spec.language}").lower())
    )
    with st.container(border=True):
        st.markdown(f"**{plain(section['heading'])}**")
        for paragraph in section["paragraphs"]:
            st.markdown(plain(paragraph))
        if section["weights"]:
            st.dataframe(
                [
                    {
                        section["columns"]["number"]: w["number"],
                        section["columns"]["id"]: w["id"],
                        section["columns"]["title"]: w["title"],
                        section["columns"]["weight"]: w["weight"],
                        section["columns"]["share"]: w["share"],
                    }
                    for w in section["weights"]
                ],
                hide_index=True,
                width="stretch",
            )


def _total_weight(state: WizardState) -> int | None:
    if not state.category:
        return None
    library = current_library(state)
    rows = requirement_rows(state, library, propose(state, library))
    return total_pk_weight(rows, state.local)


def _decimal_text(value: float | None) -> str:
    """The partial credit as the tender file writes it: at most four decimals, 0 to 1."""
    if value is None:
        return "0.5"
    clipped = min(max(value, 0.0), 1.0)
    return format(Decimal(str(round(clipped, 4))).normalize(), "f")
