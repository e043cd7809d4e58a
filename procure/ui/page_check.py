"""Step 6, "Kontrol af tilbud": check vendors' responses against the tender and compare them."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from procure.errors import ProcureError
from procure.evaluation import EvaluationResult, compare_results, evaluate_response
from procure.evaluation.comparison import Comparison, render_comparison_xlsx
from procure.evaluation.report import render_check_report
from procure.forms import ANSWER_LABELS
from procure.tender import parse_tender, resolve_tender
from procure.tender.io import MAX_TENDER_BYTES
from procure.tender.spec import TenderSpec
from procure.ui.page_documents import MIME, form_problems
from procure.ui.session import (
    LOG,
    bound,
    cached_release,
    current_library,
    get_state,
    plain,
    safe_callback,
)
from procure.ui.state import UploadedFile, WizardState, build_tender
from procure.ui.texts import tr

RESPONSE_TYPES = ["docx", "xlsx", "yaml", "yml", "json"]


@dataclass(frozen=True)
class CheckOutcome:
    """Every file's result or error message, and the comparison of those that could be read."""

    results: tuple[EvaluationResult, ...]
    errors: tuple[tuple[str, str], ...]  # (file name, message for the officer, naming the file)
    comparison: Comparison | None
    comparison_xlsx: bytes | None
    note_docx: bytes | None


def check_responses(spec: TenderSpec, files: list[UploadedFile], lang: str) -> CheckOutcome:
    """Read and evaluate each file on its own: one broken or hostile file never stops the rest."""
    results, errors = [], []
    for file in files:
        try:
            from procure.responses.reader import read_response

            response = read_response(file.data, file.name)
            results.append(evaluate_response(spec, response))
        except ProcureError as exc:
            errors.append((file.name, _with_name(file.name, str(exc))))
        except Exception:
            LOG.exception("checking %r failed", file.name)
            errors.append((file.name, _with_name(file.name, tr(lang, "response_failed"))))
    if not results:
        return CheckOutcome((), tuple(errors), None, None, None)
    comparison = compare_results(spec, results)
    return CheckOutcome(
        results=tuple(results),
        errors=tuple(errors),
        comparison=comparison,
        comparison_xlsx=render_comparison_xlsx(spec, comparison),
        note_docx=render_check_report(spec, results, comparison),
    )


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
    outcome = _outcome(state, spec)
    for _name, message in outcome.errors:
        st.error(plain(message))
    for result in outcome.results:
        _result(state, spec, result)
    if outcome.comparison is not None:
        _comparison(state, spec, outcome)


def _tender_to_check(state: WizardState) -> TenderSpec | None:
    lang = state.ui_lang
    bound(
        st.radio,
        "check_source",
        state.check.source,
        lambda v: setattr(state.check, "source", v),
        label=tr(lang, "check_source_label"),
        options=["current", "upload"],
        format_func=lambda v: tr(lang, f"check_source_{v}"),
        horizontal=True,
    )
    if state.check.source == "current":
        problems = form_problems(state)
        if problems:
            st.warning(tr(lang, "current_tender_incomplete"))
            return None
        library = current_library(state)
        try:
            return resolve_tender(build_tender(state, library), library)
        except ProcureError as exc:
            st.error(tr(lang, "current_tender_invalid") + "\n\n" + plain(str(exc)))
            return None

    if state.check.tender_file is None:
        key = f"check_tender_{state.check.upload_round}"
        st.file_uploader(
            tr(lang, "tender_upload_label"),
            type=["yaml", "yml"],
            key=key,
            on_change=_check_tender_uploaded,
            args=(key,),
        )
        return None
    file = state.check.tender_file
    name_col, remove_col = st.columns([4, 1])
    name_col.markdown(plain(tr(lang, "check_tender_file", name=file.name)))
    remove_col.button(tr(lang, "remove"), key="check_tender_remove", on_click=_remove_check_tender)
    if len(file.data) > MAX_TENDER_BYTES:
        raise ProcureError.invalid(file.name, tr(lang, "tender_too_big"))
    try:
        text = file.data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        raise ProcureError.invalid(file.name, tr(lang, "not_utf8")) from None
    tender = parse_tender(text, file.name)
    return resolve_tender(tender, cached_release(tender.library_version))


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


def _outcome(state: WizardState, spec: TenderSpec) -> CheckOutcome:
    """Check once per set of files and tender; reruns reuse the outcome."""
    key = (spec.fingerprint, spec.tender, tuple((f.name, f.digest) for f in state.check.responses))
    if state.check.cache_key != key:
        with st.spinner(tr(state.ui_lang, "checking")):
            outcome = check_responses(spec, state.check.responses, state.ui_lang)
        state.check.cache_key, state.check.cache_value = key, outcome
    return state.check.cache_value


def _result(state: WizardState, spec: TenderSpec, result: EvaluationResult) -> None:
    lang = state.ui_lang
    with st.container(border=True):
        st.subheader(plain(result.vendor))
        st.caption(plain(tr(lang, "result_file", name=result.source)))
        score, mandatory, reservations, integrations = st.columns(4)
        score.metric(tr(lang, "score"), f"{_number(result.score, lang)} / {result.max_score}")
        mandatory.metric(tr(lang, "mandatory_failed"), len(result.mandatory_failed))
        reservations.metric(tr(lang, "reservations"), len(result.reservations))
        integrations.metric(tr(lang, "integrations_missing"), len(result.integrations_missing))
        if result.score != result.computed_score:
            st.caption(tr(lang, "score_computed", computed=_number(result.computed_score, lang)))
        if result.compliant:
            st.success(tr(lang, "compliant_yes"))
        else:
            st.error(
                tr(lang, "compliant_no")
                + "\n\n"
                + "\n".join(f"- {plain(reason)}" for reason in result.reasons)
            )
        if result.mandatory_failed:
            st.markdown(f"**{tr(lang, 'mandatory_failed')}**")
            st.markdown(
                "\n".join(
                    f"- {plain(rid)} {plain(_title(spec, rid))}" for rid in result.mandatory_failed
                )
            )
        if result.reservations:
            st.markdown(f"**{tr(lang, 'reservations')}**")
            st.dataframe(
                [
                    {
                        tr(lang, "col_requirement"): r.id,
                        tr(lang, "col_answer"): r.answer,
                        tr(lang, "col_price"): tr(lang, "unpriced")
                        if r.price is None
                        else f"{_number(r.price, lang)} kr.",
                        tr(lang, "col_reservation"): r.text,
                    }
                    for r in result.reservations
                ],
                hide_index=True,
                width="stretch",
            )
            st.caption(
                tr(lang, "reservations_total", total=_number(result.reservations_total, lang))
            )
        if result.integrations_missing:
            names = [
                next((i.name for i in spec.integrations if i.id == iid), iid)
                for iid in result.integrations_missing
            ]
            st.markdown(f"**{tr(lang, 'integrations_missing')}:** " + plain(", ".join(names)))
        with st.expander(tr(lang, "findings_heading", count=len(result.findings))):
            st.dataframe(
                [
                    {
                        tr(lang, "col_finding"): tr(lang, f"finding_{f.code}"),
                        tr(lang, "col_requirement"): f.requirement or "",
                        tr(lang, "col_message"): f.message,
                    }
                    for f in result.findings
                ],
                hide_index=True,
                width="stretch",
            )
        st.caption(plain(result.confirmation_note))


def _comparison(state: WizardState, spec: TenderSpec, outcome: CheckOutcome) -> None:
    lang = state.ui_lang
    comparison = outcome.comparison
    assert comparison is not None
    st.divider()
    st.subheader(tr(lang, "comparison_heading"))
    st.dataframe(
        [
            {
                tr(lang, "col_vendor"): result.vendor,
                tr(lang, "col_compliant"): tr(lang, "yes") if result.compliant else tr(lang, "no"),
                tr(lang, "score"): f"{_number(result.score, lang)} / {result.max_score}",
                tr(lang, "col_rank"): str(rank) if rank is not None else "–",
                tr(lang, "reservations"): len(result.reservations),
                tr(lang, "col_reservations_price"): (
                    f"{_number(result.reservations_total, lang)} kr."
                ),
            }
            for result, rank in zip(comparison.results, comparison.ranks, strict=True)
        ],
        hide_index=True,
        width="stretch",
    )
    answers = ANSWER_LABELS.get(spec.language, ANSWER_LABELS["da"])
    rows = []
    for requirement in spec.requirements:
        row = {
            tr(lang, "col_number"): requirement.number,
            tr(lang, "col_requirement"): requirement.id,
            tr(lang, "col_kind"): requirement.kind,
        }
        for result in comparison.results:
            verdict = result.verdict(requirement.id)
            cell = ""
            if verdict is not None:
                cell = answers[verdict.answer] if verdict.answer else verdict.answer_text or "–"
                if verdict.verdict != "ok":  # "Opfyldt · opfyldt" would say nothing new
                    cell += f" · {tr(lang, 'verdict_' + verdict.verdict)}"
                if verdict.final_points is not None:
                    cell += f" · {_number(verdict.final_points, lang)} p"
            row[result.vendor] = cell
        rows.append(row)
    with st.expander(tr(lang, "side_by_side"), expanded=True):
        st.dataframe(rows, hide_index=True, width="stretch")
    left, right = st.columns(2)
    if outcome.comparison_xlsx is not None:
        left.download_button(
            tr(lang, "download_file", name="comparison.xlsx"),
            data=outcome.comparison_xlsx,
            file_name="comparison.xlsx",
            mime=MIME[".xlsx"],
            key="download_comparison.xlsx",
            on_click="ignore",
            icon=":material/download:",
        )
    if outcome.note_docx is not None:
        right.download_button(
            tr(lang, "download_file", name="note.docx"),
            data=outcome.note_docx,
            file_name="note.docx",
            mime=MIME[".docx"],
            key="download_note.docx",
            on_click="ignore",
            icon=":material/download:",
        )


def _with_name(name: str, message: str) -> str:
    """The message, starting with the file's name unless it already names it."""
    return message if message.startswith(name) else f"{name}: {message}"


def _number(value, lang: str) -> str:
    """A score or an amount as the officer writes it (decimal comma in Danish)."""
    text = str(value)
    return text.replace(".", ",") if lang == "da" else text


def _title(spec: TenderSpec, requirement_id: str) -> str:
    requirement = spec.requirement(requirement_id)
    return requirement.title if requirement else ""


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
def _check_tender_uploaded(key: str) -> None:
    state = get_state()
    uploaded = st.session_state.get(key)
    state.check.upload_round += 1
    if uploaded is not None:
        state.check.tender_file = UploadedFile(uploaded.name, uploaded.getvalue())


@safe_callback
def _remove_check_tender() -> None:
    get_state().check.tender_file = None


@safe_callback
def _remove_response(name: str, digest: str) -> None:
    state = get_state()
    state.check.responses = [
        f for f in state.check.responses if not (f.name == name and f.digest == digest)
    ]
