"""What the Tilbud step draws from the checked bids (procure.ui.checking.CheckOutcome): each
vendor's section, the tables and the heat map, made once per outcome and language and kept in
the outcome (`CheckOutcome.kept`). Nothing here draws."""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa

from procure.evaluation import EvaluationResult, Overrides
from procure.evaluation.finding_labels import finding_label
from procure.evaluation.messages import money, number, reservation_status
from procure.forms import ANSWER_LABELS
from procure.tender.spec import SpecRequirement
from procure.ui.arrow import arrow_table, with_arrow_data
from procure.ui.checking import CheckOutcome, vendor_key
from procure.ui.pages.tilbud.charts import heatmap_chart, vendor_labels
from procure.ui.session import plain
from procure.ui.texts import tr


def vendor(outcome: CheckOutcome, lang: str, index: int, overrides: Overrides) -> VendorParts:
    """The `index`th vendor's section as the page draws it in `lang`."""
    return outcome.kept(
        ("vendor", lang, index), lambda: vendor_parts(lang, outcome, index, overrides)
    )


def vendors_table(outcome: CheckOutcome, lang: str) -> pa.Table:
    """One row per vendor (`comparison_table`)."""
    return outcome.kept(("comparison_table", lang), lambda: comparison_table(lang, outcome))


def side_by_side(outcome: CheckOutcome, lang: str) -> pa.Table:
    """One row per requirement, one column per vendor (`side_by_side_table`)."""
    return outcome.kept(("side_by_side", lang), lambda: side_by_side_table(lang, outcome))


def heatmap(outcome: CheckOutcome, lang: str, show: str) -> dict:
    """Every requirement × vendor coloured by the verdict, only the rows `show` asks for."""
    assert outcome.comparison is not None
    spec, comparison = outcome.spec, outcome.comparison
    return outcome.kept(
        ("chart_heatmap", lang, show),
        lambda: with_arrow_data(heatmap_chart(spec, comparison, lang, show)),
    )


@dataclass(frozen=True)
class VendorParts:
    """One vendor's section as the page draws it in one language, made once per outcome."""

    key: str  # this vendor's part of the widget keys
    overrides_text: str  # Markdown list of the PKs an evaluator set by hand; "" when none
    mandatory_text: str  # Markdown list of the MKs not met; "" when none
    reservations: pa.Table | None  # None when there are none
    integrations_text: str  # the integrations not covered, by name; "" when none
    findings: pa.Table
    pk_ids: tuple[str, ...]  # what the override form offers
    options: dict[str, str]  # PK id -> the override select's text


def vendor_parts(lang: str, outcome: CheckOutcome, index: int, overrides: Overrides) -> VendorParts:
    """What the page shows of the `index`th vendor's result in `lang`, ready to draw."""
    spec, result = outcome.spec, outcome.shown_result(index, lang)
    requirements = outcome.requirements_by_id()
    verdicts = outcome.verdicts_by_id(index)

    def title(requirement_id: str) -> str:
        requirement = requirements.get(requirement_id)
        return requirement.title if requirement is not None else ""

    overridden = [v for v in result.verdicts if v.override_reason is not None]
    reservations = None
    if result.reservations:
        reservations = arrow_table(
            [
                {
                    tr(lang, "col_requirement"): r.id,
                    tr(lang, "col_answer"): r.answer,
                    tr(lang, "col_price"): tr(lang, "unpriced")
                    if r.price is None
                    else amount_text(r.price, lang),
                    tr(lang, "col_buyer_decision"): reservation_status(r, lang),
                    tr(lang, "col_reservation"): r.text,
                }
                for r in result.reservations
            ]
        )
    integration_names = {i.id: i.name for i in spec.integrations}
    pk_ids = tuple(r.id for r in spec.requirements if r.kind == "PK")
    return VendorParts(
        key=vendor_key(result.source, result.vendor),
        overrides_text="\n".join(
            f"- {plain(_override_line(lang, title(v.id), result, v, overrides))}"
            for v in overridden
        ),
        mandatory_text="\n".join(
            f"- {plain(rid)} {plain(title(rid))}" for rid in result.mandatory_failed
        ),
        reservations=reservations,
        integrations_text=", ".join(
            integration_names.get(iid, iid) for iid in result.integrations_missing
        ),
        findings=arrow_table(
            [
                {
                    tr(lang, "col_finding"): finding_label(f, lang),
                    tr(lang, "col_requirement"): f.requirement or "",
                    tr(lang, "col_message"): f.message,
                }
                for f in result.findings
            ],
            columns=[tr(lang, k) for k in ("col_finding", "col_requirement", "col_message")],
        ),
        pk_ids=pk_ids,
        options={
            rid: _option(lang, requirements.get(rid), rid, verdicts.get(rid)) for rid in pk_ids
        },
    )


def comparison_table(lang: str, outcome: CheckOutcome) -> pa.Table:
    """One row per vendor: compliant, the PK points by the vendor's own answers (information
    only: bids are ranked by the award, on the committee's points), reservations and the
    buyer's prices."""
    comparison = outcome.comparison
    assert comparison is not None
    overridden = any(v.override_reason is not None for r in comparison.results for v in r.verdicts)
    return arrow_table(
        [
            {
                tr(lang, "col_vendor"): result.vendor,
                tr(lang, "col_compliant"): tr(lang, "yes") if result.compliant else tr(lang, "no"),
                tr(lang, "score_final" if overridden else "score"): (
                    f"{number(result.score, lang)} / {result.max_score}"
                ),
                **(
                    {tr(lang, "score_computed"): number(result.computed_score, lang)}
                    if overridden
                    else {}
                ),
                tr(lang, "reservations"): len(result.reservations),
                tr(lang, "col_reservations_price"): amount_text(result.reservations_total, lang),
            }
            for result in comparison.results
        ]
    )


def side_by_side_table(lang: str, outcome: CheckOutcome) -> pa.Table:
    """One row per requirement, one column per vendor: the answer, the verdict when it is not
    "ok", the points and whether an evaluator set them."""
    spec, comparison = outcome.spec, outcome.comparison
    assert comparison is not None
    answers = ANSWER_LABELS.get(spec.language, ANSWER_LABELS["da"])
    verdicts = [outcome.verdicts_by_id(index) for index in range(len(comparison.results))]
    fixed = (tr(lang, "col_number"), tr(lang, "col_requirement"), tr(lang, "col_kind"))
    # One column per vendor, the same vendor twice too, never one of the fixed columns
    columns = vendor_labels(comparison.results, reserved=fixed)
    rows = []
    for requirement in spec.requirements:
        row = dict(zip(fixed, (requirement.number, requirement.id, requirement.kind), strict=True))
        for column, by_id in zip(columns, verdicts, strict=True):
            verdict = by_id.get(requirement.id)
            cell = ""
            if verdict is not None:
                cell = answers[verdict.answer] if verdict.answer else verdict.answer_text or "–"
                if verdict.verdict != "ok":  # "Opfyldt · opfyldt" would say nothing new
                    cell += f" · {tr(lang, 'verdict_' + verdict.verdict)}"
                if verdict.final_points is not None:
                    cell += f" · {number(verdict.final_points, lang)} p"
                if verdict.override_reason is not None:
                    cell += f" ({tr(lang, 'override_marker')})"
            row[column] = cell
        rows.append(row)
    return arrow_table(rows)


def _override_line(
    lang: str, title: str, result: EvaluationResult, verdict, overrides: Overrides
) -> str:
    """An overridden PK as the officer reads it: number, id, title, old → new, why, who, when."""
    entry = overrides.lookup(result.vendor, verdict.id)
    old = entry.old_points if entry is not None and entry.old_points is not None else None
    line = tr(
        lang,
        "override_line",
        number=verdict.number,
        id=verdict.id,
        title=title,
        old=points_text(old if old is not None else verdict.computed_points, lang),
        new=points_text(verdict.final_points, lang),
        why=verdict.override_reason,
        by=entry.by if entry is not None else "–",
        at=entry.at if entry is not None else "–",
    )
    if old is not None and old != verdict.computed_points:
        line += " " + tr(
            lang, "override_computed", computed=points_text(verdict.computed_points, lang)
        )
    return line


def _option(lang: str, requirement: SpecRequirement | None, requirement_id: str, verdict) -> str:
    """The requirement as the select shows it. Only what an override leaves unchanged: the
    browser sends the shown text back, and a text that changed would no longer match."""
    values = {
        "number": requirement.number if requirement is not None else "",
        "id": requirement_id,
        "title": requirement.title if requirement is not None else "",
        "weight": requirement.weight if requirement is not None else "–",
        "computed": points_text(verdict.computed_points if verdict else None, lang),
    }
    return tr(lang, "override_option", **values)


def amount_text(value, lang: str) -> str:
    """An amount of money as the officer writes it: 25.000 kr. (da) or DKK 25,000 (en)."""
    return tr(lang, "amount", value=money(value, lang))


def points_text(value, lang: str) -> str:
    return "–" if value is None else number(value, lang)
