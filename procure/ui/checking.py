"""The bids read and checked against the tender on screen, shared by the steps that show them
(Tilbud, Tildeling): the tender resolved once per tender and library, each file read once and
checked once per tender and per the evaluators' entries that change a verdict (point overrides,
decisions on reservations), kept in the session's CheckState.

What a step draws from the outcome (tables, charts, files) it keeps in `CheckOutcome.kept`,
so a rerun that changes none of the inputs reuses it all.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

import streamlit as st

from procure.errors import ProcureError
from procure.evaluation import EvaluationResult, Overrides, compare_results, evaluate_response
from procure.evaluation.comparison import Comparison, render_comparison_xlsx
from procure.evaluation.report import render_check_report
from procure.responses.model import VendorResponse
from procure.tender import resolve_tender
from procure.tender.lifecycle import broken_seal
from procure.tender.spec import SpecRequirement, TenderSpec
from procure.ui.readiness import form_problems
from procure.ui.session import LOG, current_library, plain
from procure.ui.state import UploadedFile, WizardState, build_tender
from procure.ui.texts import tr

T = TypeVar("T")
SPEC_KEY = "procure_check_spec"  # the tender last resolved for the bids, and what it came from

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

    `results[i]` was checked from `responses[i]`. What the steps make from it is kept in
    `parts` by `kept`: the session keeps one outcome per set of files, tender and verdict-
    changing entries, so a rerun that changes none of them reuses it all.
    """

    spec: TenderSpec
    results: tuple[EvaluationResult, ...]
    errors: tuple[tuple[str, str], ...]  # (file name, message for the officer, naming the file)
    comparison: Comparison | None
    responses: tuple[VendorResponse, ...] = ()
    parts: dict = field(default_factory=dict, compare=False, repr=False)
    overrides: Overrides | None = field(default=None, compare=False, repr=False)

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

    def shown_result(self, index: int, lang: str) -> EvaluationResult:
        """The `index`th result with its messages in `lang` (the officer's), checked again only
        when that is not the tender's language; `results` keep the tender's language for the
        note and the workbook."""
        if lang == self.spec.language:
            return self.results[index]
        return self.kept(
            ("shown_result", lang, index),
            lambda: evaluate_response(self.spec, self.responses[index], self.overrides, lang=lang),
        )

    def requirements_by_id(self) -> dict[str, SpecRequirement]:
        """The tender's requirements by id (TenderSpec.requirement looks through them all)."""
        return self.kept(("requirements",), lambda: {r.id: r for r in self.spec.requirements})

    def verdicts_by_id(self, index: int) -> dict:
        """One result's verdicts by id (EvaluationResult.verdict looks through them all)."""
        return self.kept(
            ("verdicts", index), lambda: {v.id: v for v in self.results[index].verdicts}
        )


def tender_to_check(state: WizardState) -> TenderSpec | None:
    """The tender on screen: bids are checked against it and stored in its workspace folder
    (another tender is opened on the start page, with its own bids). None, with a message,
    while it is incomplete or invalid."""
    lang = state.ui_lang
    problems = form_problems(state)
    if problems:
        st.warning(tr(lang, "current_tender_incomplete"))
        return None
    library = current_library(state)
    try:
        tender = build_tender(state, library)
        # Resolved once per tender and library: a rerun of the step changes neither
        kept = st.session_state.get(SPEC_KEY)
        if kept is not None and kept[0] == tender and kept[1] is library:
            return kept[2]
        spec = resolve_tender(tender, library)
    except ProcureError as exc:
        st.error(tr(lang, "current_tender_invalid") + "\n\n" + plain(str(exc)))
        return None
    if broken_seal(spec):
        # Bids answer the published tender: not one changed since without a correction
        st.error(tr(lang, "current_tender_changed"))
        return None
    st.session_state[SPEC_KEY] = (tender, library, spec)
    return spec


def verdict_inputs(overrides: Overrides) -> tuple:
    """The evaluators' entries a check's verdicts depend on: point overrides and decisions on
    reservations (scores, consensus and confirmations leave the check as it is)."""
    return (overrides.tender_id, overrides.entries, overrides.reservation_decisions)


def checked_outcome(state: WizardState, spec: TenderSpec, overrides: Overrides) -> CheckOutcome:
    """Read once per set of files, check once per tender and verdict-changing entries; reruns
    reuse both."""
    files = tuple((f.name, f.digest) for f in state.check.responses)
    key = (spec.fingerprint, spec.tender, files, verdict_inputs(overrides))
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
    results, responses, errors = [], [], []
    for index, file in enumerate(read, start=1):
        if on_progress is not None:
            on_progress(index, len(read), file.name)
        if file.response is None:
            errors.append((file.name, file.error or file.name))
            continue
        try:
            results.append(evaluate_response(spec, file.response, overrides))
            responses.append(file.response)
        except ProcureError as exc:
            errors.append((file.name, _with_name(file.name, str(exc))))
        except Exception:
            LOG.exception("checking %r failed", file.name)
            errors.append((file.name, _with_name(file.name, tr(lang, "response_failed"))))
    comparison = compare_results(spec, results) if results else None
    return CheckOutcome(
        spec, tuple(results), tuple(errors), comparison, tuple(responses), overrides=overrides
    )


def vendor_key(source: str, vendor: str) -> str:
    """A stable part of widget keys for one vendor's file (names can hold any character)."""
    return hashlib.sha256(f"{source}\0{vendor}".encode()).hexdigest()[:12]


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


def _with_name(name: str, message: str) -> str:
    """The message, starting with the file's name unless it already names it."""
    return message if message.startswith(name) else f"{name}: {message}"
