"""The criteria and sub-criteria with their weights, the PKs each holds, and where each PK
belongs (a PK's weight is the one the Krav step gives it)."""

from __future__ import annotations

import streamlit as st

from procure.tender.model import EvaluationModel
from procure.ui import evaluation_model as edits
from procure.ui.pages.evaluering import price
from procure.ui.pages.evaluering.inputs import PkRow, change_model, whole_input
from procure.ui.session import bound, get_state, plain, safe_callback
from procure.ui.state import WizardState
from procure.ui.texts import tr

NOWHERE = "-"  # the placement option "in no criterion"


def render(state: WizardState, model: EvaluationModel, pks: list[PkRow], locked: bool) -> None:
    lang = state.ui_lang
    st.subheader(tr(lang, "ev_criteria_heading"))
    st.caption(tr(lang, "ev_criteria_intro"))
    by_id = {row.id: row for row in pks}
    for index, criterion in enumerate(model.criteria):
        with st.container(border=True):
            if criterion.is_price:
                price.criterion(state, model, index, locked)
            else:
                _quality(state, model, index, by_id, locked)
    weights = sum(c.weight for c in model.criteria)
    st.caption(tr(lang, "ev_criteria_total", total=weights))
    if not locked:
        add_quality, add_price, _ = st.columns([1, 1, 2])
        add_quality.button(
            tr(lang, "ev_add_criterion"), key="ev_add_criterion", on_click=_add_quality
        )
        if model.price_criterion is None:
            add_price.button(tr(lang, "ev_add_price"), key="ev_add_price", on_click=_add_price)
    _placement(state, model, pks, locked)


def _quality(
    state: WizardState,
    model: EvaluationModel,
    index: int,
    pks: dict[str, PkRow],
    locked: bool,
) -> None:
    lang = state.ui_lang
    criterion = model.criteria[index]
    name_col, weight_col, remove_col = st.columns([4, 1, 1], vertical_alignment="bottom")
    bound(
        name_col.text_input,
        f"ev_criterion_{index}_name",
        criterion.name,
        lambda v: change_model(state, lambda m: edits.set_criterion(m, index, name=str(v))),
        label=tr(lang, "ev_quality_name"),
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
        on_click=_remove_criterion,
        args=(index,),
        disabled=locked,
        help=tr(lang, "ev_remove_criterion_help"),
    )
    if not criterion.sub:
        _requirements_table(lang, criterion.requirements, pks)
    for sub_index, sub in enumerate(criterion.sub):
        with st.container(border=True):
            sub_name, sub_weight, sub_remove = st.columns([4, 1, 1], vertical_alignment="bottom")
            bound(
                sub_name.text_input,
                f"ev_sub_{index}_{sub_index}_name",
                sub.name,
                lambda v, s=sub_index: change_model(
                    state, lambda m: edits.set_sub(m, index, s, name=str(v))
                ),
                label=tr(lang, "ev_sub_name"),
                max_chars=200,
                disabled=locked,
            )
            whole_input(
                sub_weight,
                f"ev_sub_{index}_{sub_index}_weight",
                tr(lang, "ev_weight"),
                sub.weight,
                lambda v, s=sub_index: change_model(
                    state, lambda m: edits.set_sub(m, index, s, weight=v)
                ),
                minimum=0,
                maximum=100,
                disabled=locked,
            )
            sub_remove.button(
                tr(lang, "remove"),
                key=f"ev_sub_{index}_{sub_index}_remove",
                on_click=_remove_sub,
                args=(index, sub_index),
                disabled=locked,
                help=tr(lang, "ev_remove_sub_help"),
            )
            _requirements_table(lang, sub.requirements, pks)
    if criterion.sub:
        st.caption(tr(lang, "ev_sub_total", total=sum(s.weight for s in criterion.sub)))
    if not locked:
        st.button(
            tr(lang, "ev_add_sub"),
            key=f"ev_criterion_{index}_add_sub",
            on_click=_add_sub,
            args=(index,),
            help=tr(lang, "ev_add_sub_help"),
        )


def _requirements_table(lang: str, pairs, pks: dict[str, PkRow]) -> None:
    """The PKs of one criterion or sub-criterion: number, id, title, weight."""
    if not pairs:
        st.caption(tr(lang, "ev_no_requirements"))
        return
    rows = []
    for rid, weight in pairs:
        row = pks.get(rid)
        rows.append(
            {
                tr(lang, "ev_col_number"): row.number if row else "",
                tr(lang, "ev_col_id"): rid,
                tr(lang, "ev_col_title"): row.title if row else tr(lang, "ev_not_a_pk"),
                tr(lang, "ev_col_weight"): weight,
            }
        )
    st.dataframe(rows, hide_index=True, width="stretch")


def _placement(state: WizardState, model: EvaluationModel, pks: list[PkRow], locked: bool):
    """Per PK, the criterion or sub-criterion it belongs to."""
    lang = state.ui_lang
    if not pks:
        st.info(tr(lang, "ev_no_pks"))
        return
    options = [group_key(g) for g in edits.groups(model)] + [NOWHERE]
    names = {group_key(g): edits.group_name(model, g) for g in edits.groups(model)}
    names[NOWHERE] = tr(lang, "ev_nowhere")
    placed = edits.placement(model)
    with st.expander(tr(lang, "ev_placement_heading"), expanded=False):
        st.caption(tr(lang, "ev_placement_intro"))
        for row in pks:
            label_col, choice_col = st.columns([3, 2], vertical_alignment="center")
            label_col.markdown(
                plain(
                    tr(
                        lang,
                        "ev_placement_row",
                        number=row.number,
                        id=row.id,
                        title=row.title,
                        weight=row.weight if row.weight is not None else "–",
                    ).strip()
                )
            )
            where = placed.get(row.id)
            bound(
                choice_col.selectbox,
                f"ev_place_{row.id}",
                NOWHERE if where is None else group_key(where),
                lambda value, r=row: _place(state, r, value),
                label=tr(lang, "ev_placement_label", id=row.id),
                label_visibility="collapsed",
                options=options,
                format_func=names.__getitem__,
                disabled=locked or not row.weight,
            )


def group_key(group: edits.Group) -> str:
    """A group as a select's option: "0" for criterion 0, "0.1" for its second sub."""
    index, sub = group
    return str(index) if sub is None else f"{index}.{sub}"


def _group(key: str) -> edits.Group | None:
    if key == NOWHERE:
        return None
    index, _, sub = key.partition(".")
    return int(index), (int(sub) if sub else None)


def _place(state: WizardState, row: PkRow, key: object) -> None:
    if row.weight:
        target = _group(str(key))
        change_model(state, lambda m: edits.move_requirement(m, row.id, row.weight, target))


@safe_callback
def _add_quality() -> None:
    state = get_state()
    change_model(
        state, lambda m: edits.add_quality_criterion(m, tr(state.ui_lang, "ev_new_criterion"))
    )


@safe_callback
def _add_price() -> None:
    state = get_state()
    change_model(state, lambda m: edits.add_price_criterion(m, tr(state.ui_lang, "ev_new_price")))


@safe_callback
def _remove_criterion(index: int) -> None:
    change_model(get_state(), lambda m: edits.remove_criterion(m, index))


@safe_callback
def _add_sub(index: int) -> None:
    state = get_state()
    change_model(state, lambda m: edits.add_sub(m, index, tr(state.ui_lang, "ev_new_sub")))


@safe_callback
def _remove_sub(index: int, sub: int) -> None:
    change_model(get_state(), lambda m: edits.remove_sub(m, index, sub))
