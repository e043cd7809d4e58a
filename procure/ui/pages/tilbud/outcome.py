"""What the Tilbud step makes from the bids: each file read and checked, the comparison, and
everything drawn or offered from them (tables, charts, the workbook and the note), made once per
set of files, tender and overrides and kept in the `CheckOutcome`. Nothing here draws."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

import pyarrow as pa

from procure.errors import ProcureError
from procure.evaluation import (
    EvaluationResult,
    Overrides,
    compare_results,
    evaluate_response,
)
from procure.evaluation.comparison import Comparison, render_comparison_xlsx
from procure.evaluation.messages import finding_label, money, number, reservation_status
from procure.evaluation.report import render_check_report
from procure.forms import ANSWER_LABELS
from procure.responses.model import VendorResponse
from procure.tender.spec import SpecRequirement, TenderSpec
from procure.ui.pages.tilbud.charts import (
    arrow_table,
    heatmap_chart,
    score_chart,
    vendor_labels,
    with_arrow_data,
)
from procure.ui.session import LOG, plain
from procure.ui.state import UploadedFile
from procure.ui.texts import tr

T = TypeVar("T")

# Called before each file is handled: (1-based index, number of files, the file's name).
OnProgress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class ReadFile:
    """One uploaded file read as a vendor's response, or why it could not be."""

    name: str
    response: VendorResponse | None
    error: str | None  # message for the officer, naming the file


@dataclass(frozen=True)
class CheckOutcome:
    """Every file's result or error message, and the comparison of those that could be read.

    The workbook, the note and what the page draws (each vendor's section, the tables, the
    charts) are made by its methods on first use and kept in `parts`: the session keeps one
    outcome per set of files, tender and overrides, so a rerun that changes none of them (a
    click, a filter, another language) reuses them all.
    """

    spec: TenderSpec
    results: tuple[EvaluationResult, ...]
    errors: tuple[tuple[str, str], ...]  # (file name, message for the officer, naming the file)
    comparison: Comparison | None
    parts: dict = field(default_factory=dict, compare=False, repr=False)

    def kept(self, name: tuple, make: Callable[[], T]) -> T:
        """`make()` the first time `name` is asked for, the same object after that."""
        if name not in self.parts:
            self.parts[name] = make()
        return self.parts[name]

    @property
    def comparison_xlsx(self) -> bytes | None:
        if self.comparison is None:
            return None
        return self.kept(
            ("comparison.xlsx",), lambda: render_comparison_xlsx(self.spec, self.comparison)
        )

    @property
    def note_docx(self) -> bytes | None:
        if self.comparison is None:
            return None
        return self.kept(
            ("note.docx",),
            lambda: render_check_report(self.spec, list(self.results), self.comparison),
        )

    def vendor(self, lang: str, index: int, overrides: Overrides) -> VendorParts:
        """The `index`th vendor's section as the page draws it in `lang`."""
        return self.kept(
            ("vendor", lang, index), lambda: vendor_parts(lang, self, index, overrides)
        )

    def vendors_table(self, lang: str) -> pa.Table:
        """One row per vendor (`comparison_table`)."""
        return self.kept(("comparison_table", lang), lambda: comparison_table(lang, self))

    def side_by_side(self, lang: str) -> pa.Table:
        """One row per requirement, one column per vendor (`side_by_side_table`)."""
        return self.kept(("side_by_side", lang), lambda: side_by_side_table(lang, self))

    def scores_chart(self, lang: str) -> dict:
        """The chart of each vendor's score, with its data as Arrow."""
        assert self.comparison is not None
        comparison = self.comparison
        return self.kept(
            ("chart_scores", lang), lambda: with_arrow_data(score_chart(comparison, lang))
        )

    def heatmap(self, lang: str, show: str) -> dict:
        """Every requirement × vendor coloured by the verdict, only the rows `show` asks for."""
        assert self.comparison is not None
        spec, comparison = self.spec, self.comparison
        return self.kept(
            ("chart_heatmap", lang, show),
            lambda: with_arrow_data(heatmap_chart(spec, comparison, lang, show)),
        )

    def requirements_by_id(self) -> dict[str, SpecRequirement]:
        """The tender's requirements by id (TenderSpec.requirement looks through them all)."""
        return self.kept(("requirements",), lambda: {r.id: r for r in self.spec.requirements})

    def verdicts_by_id(self, index: int) -> dict:
        """One result's verdicts by id (EvaluationResult.verdict looks through them all)."""
        return self.kept(
            ("verdicts", index), lambda: {v.id: v for v in self.results[index].verdicts}
        )


def read_responses(
    files: list[UploadedFile], lang: str, on_progress: OnProgress | None = None
) -> tuple[ReadFile, ...]:
    """Read each file on its own: one broken or hostile file never stops the rest."""
    read = []
    for index, file in enumerate(files, start=1):
        if on_progress is not None:
            on_progress(index, len(files), file.name)
        try:
            from procure.responses.reader import read_response

            read.append(ReadFile(file.name, read_response(file.data, file.name), None))
        except ProcureError as exc:
            read.append(ReadFile(file.name, None, _with_name(file.name, str(exc))))
        except Exception:
            LOG.exception("reading %r failed", file.name)
            read.append(
                ReadFile(file.name, None, _with_name(file.name, tr(lang, "response_failed")))
            )
    return tuple(read)


def check_responses(
    spec: TenderSpec,
    read: tuple[ReadFile, ...],
    lang: str,
    overrides: Overrides | None = None,
    on_progress: OnProgress | None = None,
) -> CheckOutcome:
    """Evaluate each response read, with the evaluators' overrides, and compare them."""
    results, errors = [], []
    for index, file in enumerate(read, start=1):
        if on_progress is not None:
            on_progress(index, len(read), file.name)
        if file.response is None:
            errors.append((file.name, file.error or file.name))
            continue
        try:
            results.append(evaluate_response(spec, file.response, overrides))
        except ProcureError as exc:
            errors.append((file.name, _with_name(file.name, str(exc))))
        except Exception:
            LOG.exception("checking %r failed", file.name)
            errors.append((file.name, _with_name(file.name, tr(lang, "response_failed"))))
    comparison = compare_results(spec, results) if results else None
    return CheckOutcome(spec, tuple(results), tuple(errors), comparison)


def vendor_key(source: str, vendor: str) -> str:
    """A stable part of widget keys for one vendor's file (names can hold any character)."""
    return hashlib.sha256(f"{source}\0{vendor}".encode()).hexdigest()[:12]


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
    spec, result = outcome.spec, outcome.results[index]
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
                    tr(lang, "col_finding"): finding_label(f.code, lang),
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


def _with_name(name: str, message: str) -> str:
    """The message, starting with the file's name unless it already names it."""
    return message if message.startswith(name) else f"{name}: {message}"


def amount_text(value, lang: str) -> str:
    """An amount of money as the officer writes it: 25.000 kr. (da) or DKK 25,000 (en)."""
    return tr(lang, "amount", value=money(value, lang))


def points_text(value, lang: str) -> str:
    return "–" if value is None else number(value, lang)
