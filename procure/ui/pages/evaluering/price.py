"""The price criterion (its price model and the model's parameters) and the price lines the
vendors fill in."""

from __future__ import annotations

import streamlit as st

from procure.tender.model import PRICE_MODEL_KINDS, EvaluationModel, PriceLine
from procure.ui import evaluation_model as edits
from procure.ui.pages.evaluering.inputs import (
    change_lines,
    change_model,
    decimal_input,
    whole_input,
)
from procure.ui.session import bound, get_state, safe_callback
from procure.ui.state import WizardState
from procure.ui.texts import tr

# The parameters each price model takes, in the order the officer fills them in; optional ones
# may be left empty (README, "The evaluation model and the award").
PARAMETERS = {
    "relative-linear": (("x_percent", False),),
    "proportional": (),
    "absolute-linear": (
        ("full_points_at", False),
        ("zero_points_at", False),
        ("widen_by", True),
        ("cap", True),
    ),
    "evaluation-price": (),
    "price-adjustment": (("amount_per_point", False),),
}


def criterion(state: WizardState, model: EvaluationModel, index: int, locked: bool) -> None:
    """The price criterion: name, weight, price model and its parameters."""
    lang = state.ui_lang
    criterion = model.criteria[index]
    price = criterion.price_model
    name_col, weight_col, remove_col = st.columns([4, 1, 1], vertical_alignment="bottom")
    bound(
        name_col.text_input,
        f"ev_criterion_{index}_name",
        criterion.name,
        lambda v: change_model(state, lambda m: edits.set_criterion(m, index, name=str(v))),
        label=tr(lang, "ev_price_name"),
        max_chars=200,
        disabled=locked,
    )
    whole_input(
        weight_col,
        f"ev_criterion_{index}_weight",
        tr(lang, "ev_weight"),
        criterion.weight,
        lambda v: change_model(state, lambda m: edits.set_criterion(m, index, weight=v)),
        minimum=0,
        maximum=100,
        disabled=locked,
    )
    remove_col.button(
        tr(lang, "remove"),
        key=f"ev_criterion_{index}_remove",
        on_click=_remove,
        args=(index,),
        disabled=locked,
    )
    bound(
        st.selectbox,
        f"ev_price_kind_{index}",
        price.kind,
        lambda kind: change_model(state, lambda m: edits.set_price_kind(m, index, str(kind))),
        label=tr(lang, "ev_price_kind"),
        options=list(PRICE_MODEL_KINDS),
        format_func=lambda kind: tr(lang, f"ev_kind_{kind}"),
        disabled=locked,
        help=tr(lang, "ev_price_kind_help"),
    )
    st.caption(tr(lang, f"ev_kind_{price.kind}_explained", max=model.scale_max))
    parameters = PARAMETERS.get(price.kind, ())
    columns = st.columns(max(len(parameters), 1))
    for column, (name, optional) in zip(columns, parameters, strict=False):
        decimal_input(
            state,
            column,
            f"ev_price_{index}_{name}",
            tr(lang, f"ev_param_{name}") + ("" if not optional else tr(lang, "ev_optional")),
            getattr(price, name),
            lambda v, n=name: change_model(
                state, lambda m: edits.set_price_parameter(m, index, n, v)
            ),
            optional=optional,
            decimals=6,
            disabled=locked,
            help=tr(lang, f"ev_param_{name}_help"),
        )


def lines(state: WizardState, price_lines: tuple[PriceLine, ...], locked: bool) -> None:
    """The price list the vendors fill in: a unit price per line, procure multiplies."""
    lang = state.ui_lang
    st.subheader(tr(lang, "price_lines_heading"))
    st.caption(tr(lang, "ev_price_lines_intro"))
    for index, line in enumerate(price_lines):
        id_col, text_col, quantity_col, unit_col, weight_col, remove_col = st.columns(
            [1, 4, 1, 1, 1, 1], vertical_alignment="bottom"
        )
        bound(
            id_col.text_input,
            f"ev_line_{index}_id",
            line.id,
            lambda v, i=index: _line_id(state, i, v),
            label=tr(lang, "ev_line_id"),
            max_chars=20,
            disabled=locked,
        )
        bound(
            text_col.text_input,
            f"ev_line_{index}_text",
            line.text,
            lambda v, i=index: _line_change(state, i, text=str(v or "").strip()),
            label=tr(lang, "ev_line_text"),
            max_chars=1000,
            disabled=locked,
        )
        decimal_input(
            state,
            quantity_col,
            f"ev_line_{index}_quantity",
            tr(lang, "ev_line_quantity"),
            line.quantity,
            lambda v, i=index: _line_change(state, i, quantity=v),
            disabled=locked,
        )
        bound(
            unit_col.text_input,
            f"ev_line_{index}_unit",
            line.unit,
            lambda v, i=index: change_lines(
                state, lambda ls: edits.set_price_line(ls, i, unit=str(v or "").strip())
            ),
            label=tr(lang, "ev_line_unit"),
            help=tr(lang, "ev_line_unit_help"),
            max_chars=40,
            disabled=locked,
        )
        decimal_input(
            state,
            weight_col,
            f"ev_line_{index}_weight",
            tr(lang, "ev_line_weight"),
            line.weight,
            lambda v, i=index: change_lines(
                state, lambda ls: edits.set_price_line(ls, i, weight=v)
            ),
            optional=True,
            disabled=locked,
            help=tr(lang, "ev_line_weight_help"),
        )
        remove_col.button(
            tr(lang, "remove"),
            key=f"ev_line_{index}_remove",
            on_click=_remove_line,
            args=(index,),
            disabled=locked,
        )
    if not locked:
        st.button(tr(lang, "ev_line_add"), key="ev_line_add", on_click=_add_line)


def _line_id(state: WizardState, index: int, value: object) -> None:
    text = str(value or "").strip()
    if text:  # an empty id is not taken: the line keeps its own
        change_lines(state, lambda ls: edits.set_price_line(ls, index, id=text))


def _line_change(state: WizardState, index: int, **changes) -> None:
    if all(v not in ("", None) for v in changes.values()):
        change_lines(state, lambda ls: edits.set_price_line(ls, index, **changes))


@safe_callback
def _remove(index: int) -> None:
    change_model(get_state(), lambda m: edits.remove_criterion(m, index))


@safe_callback
def _add_line() -> None:
    state = get_state()
    change_lines(state, lambda ls: edits.add_price_line(ls, tr(state.ui_lang, "ev_new_line")))


@safe_callback
def _remove_line(index: int) -> None:
    change_lines(get_state(), lambda ls: edits.remove_price_line(ls, index))
