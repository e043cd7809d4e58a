"""Step 6, "Evaluering": the published evaluation model (udbudsloven §§ 160, 162, 165) and the
price lines, shown in full and confirmed or changed here before the tender is published.

The page, top to bottom: whether the model is procure's proposal or the officer's, the problems
`tender validate` would report, and the model's parts, each drawn by its module:
- `scale.py`: the award criterion, the point scale with its anchors, the rounding;
- `criteria.py`: the criteria and sub-criteria with their weights, and which PK belongs where
  (the price criterion's model and parameters, and the price lines, in `price.py`);
- `rules.py`: the tie-breaks, Kommissionsmodellen, price-blind evaluation;
- `older.py`: a tender file's older model without criteria;
- `inputs.py`: what they share (the model on screen, a number in the officer's notation);
and last the evaluation section exactly as the annex prints it.
"""

from __future__ import annotations

import dataclasses
import re

import streamlit as st

from procure.award import evaluation_problems_for_spec
from procure.documents.context import evaluation_section
from procure.errors import ProcureError
from procure.tender import dump_tender, parse_tender, resolve_tender
from procure.tender.model import DRAFT, EvaluationModel, PriceLine, Tender
from procure.tender.spec import TenderSpec
from procure.ui import evaluation_model as edits
from procure.ui.pages.evaluering import criteria, older, price, rules, scale
from procure.ui.pages.evaluering.inputs import PkRow, current, pk_rows
from procure.ui.publication import frozen, status_of
from procure.ui.session import current_library, get_state, plain, safe_callback
from procure.ui.state import WizardState, build_tender, pk_weights
from procure.ui.texts import tr

# The shape problem of a criterion that has nothing yet: said in the officer's words instead.
_EMPTY_CRITERION = "kriteriet '{name}' skal have netop én af"


def render(state: WizardState) -> None:
    lang = state.ui_lang
    st.caption(tr(lang, "evaluation_intro"))
    if not state.category:
        st.info(tr(lang, "evaluation_needs_category"))
        return
    library = current_library(state)
    tender = build_tender(state, library)
    model, lines = tender.evaluation, tender.price_lines
    spec = _spec(tender, library)
    locked = is_locked(state, tender)
    pks = pk_rows(tender, library, spec)
    _status(state, model, locked)
    if not model.has_criteria:
        older.render(state, model, locked)
        _annex_preview(state, spec)
        return
    _problems(state, tender, spec, pks)
    scale.award_criterion(state, model, locked)
    criteria.render(state, model, pks, locked)
    price.lines(state, lines, locked)
    scale.scale(state, model, locked)
    rules.render(state, model, locked)
    _annex_preview(state, spec)


def is_locked(state: WizardState, tender: Tender) -> bool:
    """Whether the model may no longer change at all: bids opened, awarded, or the deadline
    passed (a change to a published tender before then is saved as a correction)."""
    return frozen(tender)


def _spec(tender: Tender, library) -> TenderSpec | None:
    """The tender resolved for its numbers and the model's check; title and buyer are not
    needed for either, so a draft without them is resolved too."""
    try:
        return resolve_tender(
            dataclasses.replace(
                tender,
                title=tender.title or "-",
                buyer=dataclasses.replace(tender.buyer, name=tender.buyer.name or "-"),
            ),
            library,
        )
    except ProcureError as exc:
        st.error(tr(get_state().ui_lang, "ev_unresolved") + "\n\n" + plain(str(exc)))
        return None


def _status(state: WizardState, model: EvaluationModel, locked: bool) -> None:
    """procure's proposal until the officer confirms or changes it; then theirs."""
    lang = state.ui_lang
    if locked:
        st.info(tr(lang, "ev_locked"))
    elif status_of(state) != DRAFT:
        st.info(tr(lang, "ev_published"))
    elif state.evaluation is None:
        st.info(tr(lang, "ev_proposal"))
        st.button(
            tr(lang, "ev_confirm"),
            key="ev_confirm",
            type="primary",
            on_click=_confirm,
            icon=":material/check:",
        )
    else:
        st.success(tr(lang, "ev_confirmed"))


def _problems(state: WizardState, tender: Tender, spec: TenderSpec | None, pks: list[PkRow]):
    """What `tender validate` would say about the model, where it is in the officer's words;
    and a button that takes the PKs and their weights from the Krav step."""
    lang = state.ui_lang
    model = tender.evaluation
    found: list[str] = []
    empty = set()
    for index, criterion in enumerate(model.criteria):
        if not criterion.is_price and not criterion.sub and not criterion.requirements:
            found.append(tr(lang, "ev_problem_empty_criterion", name=criterion.name))
            empty.add(f"evaluation.criteria[{index}]")
        for sub in criterion.sub:
            if not sub.requirements:
                found.append(
                    tr(lang, "ev_problem_empty_sub", name=sub.name, criterion=criterion.name)
                )
    if spec is not None:
        for problem in evaluation_problems_for_spec(spec):
            if problem.where in empty and problem.message.template.startswith(_EMPTY_CRITERION):
                continue
            place = problem_place(problem.where, model, tender.price_lines, lang)
            found.append(f"{place}: {problem.message.text(lang)}")
    if not found:
        try:  # the same check as the Dokumenter step: the file must load back
            parse_tender(dump_tender(tender), "tender.yaml")
        except ProcureError as exc:
            found.append(str(exc))
    if not found:
        st.success(tr(lang, "ev_no_problems"))
    else:
        st.error(
            tr(lang, "ev_problems", count=len(found))
            + "\n\n"
            + "\n".join(f"- {plain(text)}" for text in found)
        )
    weights = [(row.id, row.weight) for row in pks]
    if edits.out_of_step(model, weights) and not is_locked(state, tender):
        st.warning(tr(lang, "ev_out_of_step"))
        st.button(tr(lang, "ev_follow"), key="ev_follow", on_click=_follow)


def problem_place(
    where: str, model: EvaluationModel, lines: tuple[PriceLine, ...], lang: str
) -> str:
    """A problem's place (`evaluation.criteria[0].sub[1]`) named as the step shows it."""
    found = re.fullmatch(r"evaluation\.criteria\[(\d+)\](?:\.sub\[(\d+)\])?(\.price_model)?", where)
    if found and int(found.group(1)) < len(model.criteria):
        index, sub = int(found.group(1)), found.group(2)
        criterion = model.criteria[index]
        if sub is not None and int(sub) < len(criterion.sub):
            return edits.group_name(model, (index, int(sub)))
        if found.group(3):
            return tr(lang, "ev_place_price_model", name=criterion.name)
        return criterion.name
    line = re.fullmatch(r"price_lines\[(\d+)\]", where)
    if line and int(line.group(1)) < len(lines):
        return tr(lang, "ev_place_line", id=lines[int(line.group(1))].id)
    for prefix, key in (
        ("evaluation.criteria", "ev_place_criteria"),
        ("evaluation.tie_break", "ev_place_tie_break"),
        ("evaluation.scale", "ev_place_scale"),
        ("evaluation.kommissionsmodel", "ev_place_kommission"),
        ("evaluation.award_criterion", "ev_award_criterion"),
        ("price_lines", "price_lines_heading"),
    ):
        if where.startswith(prefix):
            return tr(lang, key)
    return where


def _annex_preview(state: WizardState, spec: TenderSpec | None) -> None:
    """The evaluation section exactly as the annex will have it, from the same code."""
    lang = state.ui_lang
    st.subheader(tr(lang, "evaluation_preview_heading"))
    if spec is None:
        st.caption(tr(lang, "evaluation_preview_unavailable"))
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


@safe_callback
def _confirm() -> None:
    """procure's proposal becomes the officer's model: it no longer follows the Krav step."""
    state = get_state()
    state.evaluation, state.price_lines = current(state)


@safe_callback
def _follow() -> None:
    state = get_state()
    library = current_library(state)
    tender = build_tender(state, library)
    weights = pk_weights(tender, library)
    state.evaluation = edits.follow_requirements(tender.evaluation, weights)
