"""Step 8, "Tilbud": check vendors' responses against the tender and compare them."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

import pyarrow as pa
import streamlit as st

from procure.errors import ProcureError
from procure.evaluation import (
    EvaluationResult,
    Overrides,
    append_override,
    compare_results,
    dump_overrides,
    evaluate_response,
    parse_overrides,
)
from procure.evaluation.comparison import Comparison, render_comparison_xlsx
from procure.evaluation.messages import money, number, reservation_status
from procure.evaluation.report import render_check_report
from procure.forms import ANSWER_LABELS
from procure.responses.model import VendorResponse
from procure.tender import resolve_tender
from procure.tender.io import MAX_TENDER_BYTES
from procure.tender.spec import SpecRequirement, TenderSpec
from procure.ui.downloads import MIME
from procure.ui.pages.tilbud.charts import (
    HEATMAP_FILTERS,
    arrow_table,
    heatmap_chart,
    score_chart,
    vendor_labels,
    with_arrow_data,
)
from procure.ui.readiness import form_problems
from procure.ui.session import (
    LOG,
    bound,
    current_library,
    get_state,
    plain,
    safe_callback,
)
from procure.ui.state import (
    Notice,
    OverrideDraft,
    UploadedFile,
    WizardState,
    build_tender,
    confirm_pending_overrides,
    keep_overrides,
    offer_overrides,
    overrides_for,
)
from procure.ui.texts import tr
from procure.yamlio import text_from_bytes

RESPONSE_TYPES = ["docx", "xlsx", "yaml", "yml", "json"]
VIEW_KEY = "procure_check_view"  # how the officer looks at the results: not part of the tender
SPEC_KEY = "procure_check_spec"  # the tender last resolved for this step, and what it came from
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

    The workbook, the note and what the page draws are made from it on first use and kept in
    `parts`: the session keeps one outcome per set of files, tender and overrides, so a rerun
    that changes none of them (a click, a filter, another language) reuses them all.
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


def render(state: WizardState) -> None:
    lang = state.ui_lang
    st.caption(tr(lang, "check_intro"))
    spec = _tender_to_check(state)
    if spec is None:
        return
    st.caption(
        plain(
            tr(
                lang,
                "checking_against",
                title=spec.tender.title,
                version=spec.library_version,
                fingerprint=spec.short_fingerprint,
                count=len(spec.requirements),
            )
        )
    )
    _response_files(state)
    if not state.check.responses:
        return
    # Only this tender's overrides: those made for another tender are never applied here.
    overrides = overrides_for(state.check, spec.tender.id)
    outcome = _outcome(state, spec, overrides)
    for _name, message in outcome.errors:
        st.error(plain(message))
    for index in range(len(outcome.results)):
        _result(state, outcome, index, overrides)
    downloads = _comparison(state, outcome) if outcome.comparison is not None else None
    _evaluation_file(state, spec, overrides)
    if downloads is not None:
        # Last: after a change (an override saved) the two files take longer to make than
        # the rest of the page, which the officer can read meanwhile.
        _downloads(state, outcome, *downloads)


def _tender_to_check(state: WizardState) -> TenderSpec | None:
    """The tender on screen: bids are checked against it and stored in its workspace folder
    (another tender is opened on the start page, with its own bids)."""
    lang = state.ui_lang
    problems = form_problems(state)
    if problems:
        st.warning(tr(lang, "current_tender_incomplete"))
        return None
    library = current_library(state)
    try:
        tender = build_tender(state, library)
        # Resolved once per tender and library: a rerun of this step changes neither
        kept = st.session_state.get(SPEC_KEY)
        if kept is not None and kept[0] == tender and kept[1] is library:
            return kept[2]
        spec = resolve_tender(tender, library)
    except ProcureError as exc:
        st.error(tr(lang, "current_tender_invalid") + "\n\n" + plain(str(exc)))
        return None
    st.session_state[SPEC_KEY] = (tender, library, spec)
    return spec


def _response_files(state: WizardState) -> None:
    lang = state.ui_lang
    key = f"check_responses_{state.check.upload_round}"
    st.file_uploader(
        tr(lang, "responses_label"),
        type=RESPONSE_TYPES,
        accept_multiple_files=True,
        key=key,
        on_change=_responses_uploaded,
        args=(key,),
        help=tr(lang, "responses_help"),
    )
    for file in state.check.responses:
        name_col, remove_col = st.columns([4, 1])
        name_col.markdown(":material/description: " + plain(f"{file.name} ({_size(file.data)})"))
        remove_col.button(
            tr(lang, "remove"),
            key=f"response_remove_{file.digest}_{file.name}",
            on_click=_remove_response,
            args=(file.name, file.digest),
        )


def _outcome(state: WizardState, spec: TenderSpec, overrides: Overrides) -> CheckOutcome:
    """Read once per set of files, check once per tender and overrides; reruns reuse both."""
    files = tuple((f.name, f.digest) for f in state.check.responses)
    key = (spec.fingerprint, spec.tender, files, overrides)
    if state.check.cache_key != key:
        lang = state.ui_lang
        reading = state.check.read_key != files
        progress = _Progress(len(files) * (2 if reading else 1), tr(lang, "checking"))
        try:
            if reading:
                read = read_responses(
                    state.check.responses, lang, progress.step_text(lang, "progress_reading")
                )
                state.check.read_key, state.check.read_value = files, read
            outcome = check_responses(
                spec,
                state.check.read_value,
                lang,
                overrides,
                progress.step_text(lang, "progress_checking"),
            )
        finally:
            progress.done()
        state.check.cache_key, state.check.cache_value = key, outcome
    return state.check.cache_value


class _Progress:
    """A progress bar over every file read and checked; it disappears once they are done."""

    def __init__(self, steps: int, text: str) -> None:
        self.steps, self.finished = max(steps, 1), 0
        self.bar = st.progress(0.0, text=text)

    def step_text(self, lang: str, key: str) -> OnProgress:
        def advance(index: int, total: int, name: str) -> None:
            # A file name is the vendor's text: shown as written, never as Markdown.
            text = tr(lang, key, index=index, total=total, name=plain(name))
            self.bar.progress(min(self.finished / self.steps, 1.0), text=text)
            self.finished += 1

        return advance

    def done(self) -> None:
        self.bar.empty()


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
    requirements = _requirements(outcome)
    verdicts = _verdicts(outcome, index)

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
                    else _amount(r.price, lang),
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
                    tr(lang, "col_finding"): tr(lang, f"finding_{f.code}"),
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


def _result(state: WizardState, outcome: CheckOutcome, index: int, overrides: Overrides) -> None:
    lang = state.ui_lang
    result = outcome.results[index]
    parts = outcome.kept(
        ("vendor", lang, index), lambda: vendor_parts(lang, outcome, index, overrides)
    )
    with st.container(border=True):
        st.subheader(plain(result.vendor))
        st.caption(plain(tr(lang, "result_file", name=result.source)))
        if parts.overrides_text:
            score, computed, mandatory, reservations, integrations = st.columns(5)
            score.metric(
                tr(lang, "score_final"), f"{number(result.score, lang)} / {result.max_score}"
            )
            computed.metric(
                tr(lang, "score_computed"),
                f"{number(result.computed_score, lang)} / {result.max_score}",
            )
        else:
            score, mandatory, reservations, integrations = st.columns(4)
            score.metric(tr(lang, "score"), f"{number(result.score, lang)} / {result.max_score}")
        mandatory.metric(tr(lang, "mandatory_failed"), len(result.mandatory_failed))
        reservations.metric(tr(lang, "reservations"), len(result.reservations))
        integrations.metric(tr(lang, "integrations_missing"), len(result.integrations_missing))
        if parts.overrides_text:
            st.markdown(f"**{tr(lang, 'overrides_heading')}**")
            st.markdown(parts.overrides_text)
        if result.compliant:
            st.success(tr(lang, "compliant_yes"))
        else:
            st.error(
                tr(lang, "compliant_no")
                + "\n\n"
                + "\n".join(f"- {plain(reason)}" for reason in result.reasons)
            )
        if parts.mandatory_text:
            st.markdown(f"**{tr(lang, 'mandatory_failed')}**")
            st.markdown(parts.mandatory_text)
        if parts.reservations is not None:
            st.markdown(f"**{tr(lang, 'reservations')}**")
            st.dataframe(parts.reservations, hide_index=True, width="stretch")
            st.caption(
                tr(lang, "reservations_total", total=_amount(result.reservations_total, lang))
            )
        if parts.integrations_text:
            st.markdown(
                f"**{tr(lang, 'integrations_missing')}:** " + plain(parts.integrations_text)
            )
        # Drawn only while open: every finding is also in the note and the workbook, and ten
        # bids of 300 requirements have hundreds, which would otherwise be sent on each rerun.
        findings = st.expander(
            tr(lang, "findings_heading", count=len(result.findings)),
            key=f"findings_{parts.key}_expander",
            on_change="rerun",
        )
        if findings.open:
            findings.dataframe(parts.findings, hide_index=True, width="stretch")
        st.caption(plain(result.confirmation_note))
        _override_form(state, outcome, index, parts)


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
        old=_points(old if old is not None else verdict.computed_points, lang),
        new=_points(verdict.final_points, lang),
        why=verdict.override_reason,
        by=entry.by if entry is not None else "–",
        at=entry.at if entry is not None else "–",
    )
    if old is not None and old != verdict.computed_points:
        line += " " + tr(lang, "override_computed", computed=_points(verdict.computed_points, lang))
    return line


def _override_form(
    state: WizardState, outcome: CheckOutcome, index: int, parts: VendorParts
) -> None:
    """The expander where an evaluator sets one PK's points for this vendor by hand."""
    lang = state.ui_lang
    spec, result, key = outcome.spec, outcome.results[index], parts.key
    draft = state.check.drafts.setdefault(key, OverrideDraft())
    # The key keeps the expander open while the results above it change after a save.
    with st.expander(tr(lang, "override_heading"), key=f"override_{key}_expander"):
        if draft.message is not None:
            show = st.success if draft.message.level == "success" else st.error
            show(plain(draft.message.text))
            draft.message = None
        if not parts.pk_ids:
            st.caption(tr(lang, "override_no_pk"))
            return
        st.caption(tr(lang, "override_intro"))
        ids = list(parts.pk_ids)
        chosen = draft.requirement_id if draft.requirement_id in ids else ids[0]
        bound(
            st.selectbox,
            f"override_{key}_requirement",
            chosen,
            lambda value: _choose(draft, value, ids),
            label=tr(lang, "override_requirement"),
            options=ids,
            format_func=parts.options.__getitem__,
        )
        requirement = _requirements(outcome).get(chosen)
        verdict = _verdicts(outcome, index).get(chosen)
        computed = verdict.computed_points if verdict is not None else None
        final = verdict.final_points if verdict is not None else None
        st.caption(
            tr(
                lang,
                "override_selected",
                weight=requirement.weight if requirement is not None else "–",
                computed=_points(computed, lang),
                final=_points(final, lang),
            )
        )
        points_col, by_col = st.columns([1, 2])
        bound(
            points_col.text_input,
            f"override_{key}_points",
            draft.points,
            lambda value: setattr(draft, "points", value),
            label=tr(lang, "override_points"),
            placeholder=f"0–{requirement.weight if requirement is not None else ''}",
            help=tr(lang, "override_points_help"),
            max_chars=20,
        )
        bound(
            by_col.text_input,
            f"override_{key}_by",
            state.check.evaluator,
            lambda value: setattr(state.check, "evaluator", value),
            label=tr(lang, "override_by"),
            max_chars=200,
        )
        bound(
            st.text_area,
            f"override_{key}_why",
            draft.justification,
            lambda value: setattr(draft, "justification", value),
            label=tr(lang, "override_why"),
            help=tr(lang, "override_why_help"),
            max_chars=5000,
        )
        st.button(
            tr(lang, "override_save"),
            key=f"override_{key}_save",
            type="primary",
            on_click=_save_override,
            args=(key, spec, result),
        )


def _choose(draft: OverrideDraft, requirement_id: object, ids: list[str]) -> None:
    if requirement_id in ids:  # else a label the select could not map back (language switch)
        draft.requirement_id = str(requirement_id)


def _option(lang: str, requirement: SpecRequirement | None, requirement_id: str, verdict) -> str:
    """The requirement as the select shows it. Only what an override leaves unchanged: the
    browser sends the shown text back, and a text that changed would no longer match."""
    values = {
        "number": requirement.number if requirement is not None else "",
        "id": requirement_id,
        "title": requirement.title if requirement is not None else "",
        "weight": requirement.weight if requirement is not None else "–",
        "computed": _points(verdict.computed_points if verdict else None, lang),
    }
    return tr(lang, "override_option", **values)


def _evaluation_file(state: WizardState, spec: TenderSpec, overrides: Overrides) -> None:
    """Download this tender's overrides as an evaluation file, or load a saved one."""
    lang = state.ui_lang
    check = state.check
    st.divider()
    st.subheader(tr(lang, "evaluation_heading"))
    if check.evaluation_notice is not None:
        show = st.success if check.evaluation_notice.level == "success" else st.error
        show(plain(check.evaluation_notice.text))
        check.evaluation_notice = None
    pending = check.pending_evaluation
    if pending is not None and pending.tender_id != spec.tender.id:
        check.pending_evaluation, pending = None, None  # offered for a tender no longer checked
    if pending is not None:
        st.warning(
            plain(
                tr(
                    lang,
                    "evaluation_replace_question",
                    name=check.pending_evaluation_name,
                    count=len(pending.entries),
                    current=len(overrides.entries),
                )
            )
        )
        yes, no, _ = st.columns([1, 1, 3])
        yes.button(
            tr(lang, "evaluation_replace_yes"),
            key="evaluation_replace_yes",
            on_click=_confirm_evaluation,
        )
        no.button(tr(lang, "cancel"), key="evaluation_replace_no", on_click=_cancel_evaluation)
    if overrides.entries:
        st.caption(tr(lang, "evaluation_count", count=len(overrides.entries)))
        st.download_button(
            tr(lang, "evaluation_download"),
            data=dump_overrides(overrides).encode("utf-8"),
            file_name=_evaluation_file_name(state),
            mime=MIME[".yaml"],
            key="download_evaluation.yaml",
            on_click="ignore",
            icon=":material/save:",
            help=tr(lang, "evaluation_download_help"),
        )
    else:
        st.caption(tr(lang, "evaluation_none"))
    key = f"evaluation_upload_{check.upload_round}"
    st.file_uploader(
        tr(lang, "evaluation_upload_label"),
        type=["yaml", "yml"],
        key=key,
        on_change=_evaluation_uploaded,
        args=(key, spec),
        help=tr(lang, "evaluation_upload_help"),
    )


def _evaluation_file_name(state: WizardState) -> str:
    """`tender.evaluation.yaml`, to keep beside the tender's tender.yaml."""
    return "tender.evaluation.yaml"


def _comparison(state: WizardState, outcome: CheckOutcome) -> tuple:
    """The comparison table, every requirement side by side, and the charts; returns the two
    places where the downloads go, filled last."""
    lang = state.ui_lang
    st.divider()
    st.subheader(tr(lang, "comparison_heading"))
    st.dataframe(
        outcome.kept(("comparison_table", lang), lambda: comparison_table(lang, outcome)),
        hide_index=True,
        width="stretch",
    )
    with st.expander(tr(lang, "side_by_side"), expanded=True):
        st.dataframe(
            outcome.kept(("side_by_side", lang), lambda: side_by_side_table(lang, outcome)),
            hide_index=True,
            width="stretch",
        )
    left, right = st.columns(2)
    places = (left.empty(), right.empty())
    _charts(state, outcome)
    return places


def comparison_table(lang: str, outcome: CheckOutcome) -> pa.Table:
    """One row per vendor: compliant, score (final and computed when overridden), rank,
    reservations and their price."""
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
                tr(lang, "col_rank"): str(rank) if rank is not None else "–",
                tr(lang, "reservations"): len(result.reservations),
                tr(lang, "col_reservations_price"): _amount(result.reservations_total, lang),
            }
            for result, rank in zip(comparison.results, comparison.ranks, strict=True)
        ]
    )


def side_by_side_table(lang: str, outcome: CheckOutcome) -> pa.Table:
    """One row per requirement, one column per vendor: the answer, the verdict when it is not
    "ok", the points and whether an evaluator set them."""
    spec, comparison = outcome.spec, outcome.comparison
    assert comparison is not None
    answers = ANSWER_LABELS.get(spec.language, ANSWER_LABELS["da"])
    verdicts = [_verdicts(outcome, index) for index in range(len(comparison.results))]
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


def _downloads(state: WizardState, outcome: CheckOutcome, left, right) -> None:
    """The comparison workbook and the note, made once per outcome."""
    lang = state.ui_lang
    left.download_button(
        tr(lang, "download_file", name="comparison.xlsx"),
        data=outcome.comparison_xlsx,
        file_name="comparison.xlsx",
        mime=MIME[".xlsx"],
        key="download_comparison.xlsx",
        on_click="ignore",
        icon=":material/download:",
    )
    right.download_button(
        tr(lang, "download_file", name="note.docx"),
        data=outcome.note_docx,
        file_name="note.docx",
        mime=MIME[".docx"],
        key="download_note.docx",
        on_click="ignore",
        icon=":material/download:",
    )


def _charts(state: WizardState, outcome: CheckOutcome) -> None:
    """Score per vendor, and every requirement × vendor coloured by the verdict."""
    lang = state.ui_lang
    spec, comparison = outcome.spec, outcome.comparison
    assert comparison is not None
    st.subheader(tr(lang, "chart_scores_heading"))
    max_score = max(result.max_score for result in comparison.results)
    caption = tr(lang, "chart_scores_caption", max=max_score)
    if any(result.score != result.computed_score for result in comparison.results):
        caption += " " + tr(lang, "chart_scores_computed")
    st.caption(caption)
    st.vega_lite_chart(
        spec=outcome.kept(
            ("chart_scores", lang), lambda: with_arrow_data(score_chart(comparison, lang))
        ),
        width="stretch",
        key="chart_scores",
    )

    st.subheader(tr(lang, "chart_heatmap_heading"))
    st.caption(tr(lang, "chart_heatmap_caption"))
    view = st.session_state.setdefault(VIEW_KEY, {"heatmap": "all"})
    bound(
        st.radio,
        "chart_heatmap_show",
        view.get("heatmap", "all"),
        lambda value: view.__setitem__("heatmap", value or "all"),
        label=tr(lang, "chart_heatmap_show"),
        options=list(HEATMAP_FILTERS),
        format_func=lambda value: tr(lang, f"chart_heatmap_show_{value}"),
        horizontal=True,
        help=tr(lang, "chart_heatmap_show_help"),
    )
    show = view.get("heatmap", "all")
    chart = outcome.kept(
        ("chart_heatmap", lang, show),
        lambda: with_arrow_data(heatmap_chart(spec, comparison, lang, show)),
    )
    if chart["data"]["values"].num_rows == 0:
        st.info(tr(lang, "chart_heatmap_empty"))
        return
    st.vega_lite_chart(spec=chart, width="stretch", key="chart_heatmap")


def _requirements(outcome: CheckOutcome) -> dict[str, SpecRequirement]:
    """The tender's requirements by id (TenderSpec.requirement looks through them all)."""
    return outcome.kept(("requirements",), lambda: {r.id: r for r in outcome.spec.requirements})


def _verdicts(outcome: CheckOutcome, index: int) -> dict:
    """One result's verdicts by id (EvaluationResult.verdict looks through them all)."""
    return outcome.kept(
        ("verdicts", index), lambda: {v.id: v for v in outcome.results[index].verdicts}
    )


def _with_name(name: str, message: str) -> str:
    """The message, starting with the file's name unless it already names it."""
    return message if message.startswith(name) else f"{name}: {message}"


def _amount(value, lang: str) -> str:
    """An amount of money as the officer writes it: 25.000 kr. (da) or DKK 25,000 (en)."""
    return tr(lang, "amount", value=money(value, lang))


def _points(value, lang: str) -> str:
    return "–" if value is None else number(value, lang)


def _size(data: bytes) -> str:
    size = len(data)
    return f"{size / 1024:.0f} kB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


@safe_callback
def _responses_uploaded(key: str) -> None:
    state = get_state()
    uploaded = st.session_state.get(key) or []
    state.check.upload_round += 1  # the files are kept below; the uploader starts empty again
    for item in uploaded:
        file = UploadedFile(item.name, item.getvalue())
        # The same name again replaces the earlier upload (a corrected file).
        state.check.responses = [f for f in state.check.responses if f.name != file.name]
        state.check.responses.append(file)


@safe_callback
def _remove_response(name: str, digest: str) -> None:
    state = get_state()
    state.check.responses = [
        f for f in state.check.responses if not (f.name == name and f.digest == digest)
    ]


@safe_callback
def _save_override(key: str, spec: TenderSpec, result: EvaluationResult) -> None:
    """Validate and keep one override; an error keeps everything the officer entered."""
    state = get_state()
    lang = state.ui_lang
    check = state.check
    draft = check.drafts.setdefault(key, OverrideDraft())
    # What the form shows now: a field's own change callback may run after this one.
    values = st.session_state
    chosen = values.get(f"override_{key}_requirement")
    if chosen is not None and spec.requirement(str(chosen)) is not None:  # else an unmapped label
        draft.requirement_id = str(chosen)
    draft.points = values.get(f"override_{key}_points", draft.points)
    draft.justification = values.get(f"override_{key}_why", draft.justification)
    check.evaluator = values.get(f"override_{key}_by", check.evaluator)
    requirement_id = draft.requirement_id or ""
    verdict = result.verdict(requirement_id)
    try:
        updated = append_override(
            overrides_for(check, spec.tender.id),
            spec,
            vendor=result.vendor,
            requirement_id=requirement_id,
            points=draft.points,
            justification=draft.justification,
            by=check.evaluator,
            computed_points=verdict.computed_points if verdict is not None else None,
        )
    except ProcureError as exc:
        draft.message = Notice("error", tr(lang, "override_not_saved") + " " + str(exc))
        return
    keep_overrides(check, updated)
    entry = updated.entries[-1]
    # A fresh draft: the old one may still get a late change callback, which then goes nowhere.
    check.drafts[key] = OverrideDraft(
        requirement_id=requirement_id,
        message=Notice(
            "success",
            tr(
                lang,
                "override_saved",
                id=entry.requirement_id,
                vendor=entry.vendor,
                old=_points(entry.old_points, lang),
                new=_points(entry.points, lang),
            ),
        ),
    )


@safe_callback
def _evaluation_uploaded(key: str, spec: TenderSpec) -> None:
    """Load a saved evaluation file for the tender on screen; any problem leaves things as they
    were and says why next to the uploader."""
    state = get_state()
    lang = state.ui_lang
    uploaded = st.session_state.get(key)
    if uploaded is None:
        return
    state.check.upload_round += 1  # a fresh uploader next time: the file is handled now
    try:
        data = uploaded.getvalue()
        if len(data) > MAX_TENDER_BYTES:
            raise ProcureError.invalid(uploaded.name, tr(lang, "evaluation_too_big"))
        loaded = parse_overrides(text_from_bytes(data, uploaded.name), uploaded.name, spec)
    except ProcureError as exc:
        state.check.evaluation_notice = Notice(
            "error",
            tr(lang, "evaluation_load_failed", name=uploaded.name, title=spec.tender.title)
            + "\n\n"
            + str(exc),
        )
        return
    if offer_overrides(state.check, spec.tender.id, loaded, uploaded.name):
        state.check.evaluation_notice = Notice(
            "success", tr(lang, "evaluation_loaded", name=uploaded.name, count=len(loaded.entries))
        )


@safe_callback
def _confirm_evaluation() -> None:
    state = get_state()
    loaded = confirm_pending_overrides(state.check)
    if loaded is not None:
        state.check.evaluation_notice = Notice(
            "success", tr(state.ui_lang, "evaluation_replaced", count=len(loaded.entries))
        )


@safe_callback
def _cancel_evaluation() -> None:
    state = get_state()
    state.check.pending_evaluation, state.check.pending_evaluation_name = None, ""
