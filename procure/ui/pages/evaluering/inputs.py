"""What the Evaluering step's parts share: the model on screen, a change applied to it, and a
number typed in the officer's own notation (a Danish decimal comma is fine; a refused value is
kept in the field with the reason below it)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from procure.tender.model import EvaluationModel, PriceLine
from procure.ui.numbers import number_field
from procure.ui.session import current_library, get_state, session_object
from procure.ui.state import WizardState, build_tender
from procure.ui.texts import tr

VIEW_KEY = "procure_evaluation_view"


@dataclass
class EvaluationView:
    """What the step only shows or holds while it is typed: never saved with the tender."""

    # the new anchor's fields refused (key -> (typed, why)); number fields keep their own
    refused: dict[str, tuple[str, str]] = field(default_factory=dict)
    anchor_points: str = ""  # a new anchor being written
    anchor_text: str = ""


def view() -> EvaluationView:
    return session_object(VIEW_KEY, EvaluationView)


def current(state: WizardState) -> tuple[EvaluationModel, tuple[PriceLine, ...]]:
    """The model and the price lines the tender has now (procure's default until changed)."""
    tender = build_tender(state, current_library(state))
    return tender.evaluation, tender.price_lines


def change_model(state: WizardState, change: Callable[[EvaluationModel], EvaluationModel]):
    """Apply `change` to the model on screen; from now on the officer's model is kept."""
    model, _ = current(state)
    state.evaluation = change(model)


def change_lines(state: WizardState, change: Callable[[tuple], tuple]) -> None:
    _, lines = current(state)
    state.price_lines = tuple(change(lines))


def decimal_input(
    state: WizardState,
    container,
    key: str,
    label: str,
    value: Decimal | None,
    on_value: Callable[[Decimal | None], None],
    *,
    optional: bool = False,
    decimals: int = 6,
    maximum: Decimal | None = None,
    disabled: bool = False,
    help: str | None = None,
) -> None:
    """A text field for a decimal number of 0 or more (procure.ui.numbers: "12,5" and
    "1.250,5" in Danish). Empty means "none" where the value is `optional`."""
    number_field(
        container,
        key,
        label,
        value,
        on_value,
        lang=state.ui_lang,
        minimum=0,
        maximum=maximum,
        decimals=decimals,
        optional=optional,
        disabled=disabled,
        help=help,
        example=tr(state.ui_lang, "ev_number_example"),
    )


def whole_input(
    container,
    key: str,
    label: str,
    value: int,
    on_value: Callable[[int], None],
    *,
    minimum: int,
    maximum: int,
    disabled: bool = False,
    help: str | None = None,
) -> None:
    """A whole number (a weight, a count of decimals) with its bounds; a refused value stays
    in the field with the reason under it (procure.ui.numbers)."""
    number_field(
        container,
        key,
        label,
        int(value),
        on_value,
        lang=get_state().ui_lang,
        whole=True,
        minimum=minimum,
        maximum=maximum,
        disabled=disabled,
        help=help,
    )


@dataclass(frozen=True)
class PkRow:
    """A prioritised requirement as the step lists it."""

    id: str
    number: str  # "3.1.2"; "" when the tender could not be resolved
    title: str
    weight: int | None


def pk_rows(tender, library, spec) -> list[PkRow]:
    """The tender's PKs in document order, numbered when the tender resolves (`spec`)."""
    from procure.ui.state import pk_weights

    if spec is not None:
        return [
            PkRow(r.id, r.number, r.title, r.weight) for r in spec.requirements if r.kind == "PK"
        ]
    local = {c.id: c.title for c in tender.custom_requirements}
    rows = []
    for rid, weight in pk_weights(tender, library):
        requirement = library.requirements_by_id.get(rid)
        title = requirement.title.get(tender.language) if requirement else local.get(rid, "")
        rows.append(PkRow(rid, "", title, weight))
    return rows
