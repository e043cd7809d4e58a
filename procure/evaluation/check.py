"""Turn a vendor's response into findings, a compliance verdict and a score."""

from __future__ import annotations

import dataclasses
import difflib
from collections import defaultdict
from decimal import Decimal

from procure.evaluation.messages import message, money
from procure.evaluation.overrides import Overrides, ReservationDecision
from procure.evaluation.prices import parse_price
from procure.evaluation.result import (
    EARLIER_VERSION,
    EvaluationResult,
    Finding,
    RequirementVerdict,
    Reservation,
)
from procure.evaluation.scoring import requirement_points, total_score
from procure.forms import ANSWER_LABELS, Answer, comparable, kind_cell_text, requirement_cell_text
from procure.i18n import in_words
from procure.responses.model import AnswerRow, VendorResponse
from procure.tender.lifecycle import AnsweredVersion, answered_version, part_label
from procure.tender.spec import SpecRequirement, TenderSpec

# Least favourable first: with duplicate answers, doubt counts against the bidder.
_ANSWER_RANK = {None: 0, Answer.NOT_MET: 1, Answer.PARTLY: 2, Answer.MET: 3}


def evaluate_response(
    spec: TenderSpec,
    response: VendorResponse,
    overrides: Overrides | None = None,
    *,
    lang: str | None = None,
) -> EvaluationResult:
    """Check one response against the tender: findings, compliance and score.

    procure flags; a person decides. The result says so in `confirmation_note`. Its messages
    are in `lang` (the wizard's language), by default the tender's; the forms are read in the
    tender's language either way, so the verdicts do not depend on `lang`.
    """
    form_lang = spec.language
    if lang is not None and lang != spec.language:
        spec = dataclasses.replace(spec, language=lang)
    lang = spec.language
    vendor = response.vendor.name.strip() or _stem(response.source)
    findings: list[Finding] = []
    reasons: list[str] = []

    form_findings, other_tender = _check_form(spec, response)
    findings.extend(form_findings)
    if other_tender:
        reasons.extend(f.message for f in form_findings if f.code == "form_mismatch")

    rows_by_id: dict[str, list[AnswerRow]] = defaultdict(list)
    for row in _rows_as_answered(spec, response):
        rows_by_id[_normalise_id(row.requirement_id)].append(row)
    spec_ids = {r.id for r in spec.requirements}
    for rid, rows in rows_by_id.items():
        if rid not in spec_ids:
            findings.append(
                Finding(
                    "unknown_requirement",
                    rows[0].requirement_id.strip(),
                    message(lang, "unknown_requirement", location=rows[0].location),
                )
            )

    verdicts: list[RequirementVerdict] = []
    mandatory_failed: list[str] = []
    reservations: list[Reservation] = []
    rejected: list[str] = []
    overrides = overrides or Overrides()
    for requirement in spec.requirements:
        verdict, req_findings, reservation = _judge(
            spec, requirement, rows_by_id.get(requirement.id, []), form_lang
        )
        findings.extend(req_findings)
        # A mindstekrav is met only by a clean "Opfyldt": every other state (failed, missing,
        # invalid, or any state a future rule adds) fails it. Compliance never rests on a
        # reader having produced a row.
        if requirement.kind == "MK" and verdict.verdict != "ok":
            mandatory_failed.append(requirement.id)
        if reservation is not None:
            reservation, decision_findings, rejection = _with_decision(
                spec, reservation, overrides.reservation_decision(vendor, requirement.id)
            )
            findings.extend(decision_findings)
            if rejection:
                rejected.append(rejection)
            reservations.append(reservation)
        override = overrides.lookup(vendor, requirement.id)
        if override is not None and requirement.kind == "PK":
            verdict = _with_override(verdict, override)
        verdicts.append(verdict)

    if mandatory_failed:
        reasons.append(
            ("Mindstekrav ikke opfyldt: " if lang == "da" else "Minimum requirements not met: ")
            + ", ".join(mandatory_failed)
        )
    reasons.extend(rejected)

    # An integration is not covered when a requirement that demands it (MK or K) is not met
    # cleanly, or any linked requirement carries a reservation or altered text; a PK merely
    # answered below "Opfyldt" leaves it partly covered (its description is scored).
    integrations_missing = []
    integrations_partly = []
    by_id = {v.id: v for v in verdicts}
    for integration in spec.integrations:
        linked = [by_id[rid] for rid in integration.requirement_ids if rid in by_id]
        # an MK or K is "ok" only when answered "Opfyldt" cleanly; an option not offered
        # demands nothing
        not_met = [v.id for v in linked if v.verdict != "ok" and v.kind != "O"]
        partly = [
            v.id
            for v in linked
            if v.kind == "PK" and v.verdict == "ok" and v.answer is not Answer.MET
        ]
        if not_met:
            integrations_missing.append(integration.id)
            findings.append(
                Finding(
                    "integration_missing",
                    None,
                    message(
                        lang, "integration_missing", name=integration.name, ids=", ".join(not_met)
                    ),
                )
            )
        elif partly:
            integrations_partly.append(integration.id)
            findings.append(
                Finding(
                    "integration_partly",
                    None,
                    message(
                        lang, "integration_partly", name=integration.name, ids=", ".join(partly)
                    ),
                )
            )

    findings = _explain_correction(spec, response, findings)
    price, price_findings = _check_prices(spec, response)
    findings.extend(price_findings)
    pk = [v for v in verdicts if v.kind == "PK"]
    total_weight = sum(v.weight or 0 for v in pk)
    computed = total_score(
        [v.computed_points or Decimal(0) for v in pk], total_weight, spec.evaluation
    )
    final = total_score([v.final_points or Decimal(0) for v in pk], total_weight, spec.evaluation)
    return EvaluationResult(
        vendor=vendor,
        source=response.source,
        tender_id=spec.tender.id,
        compliant=not reasons,
        reasons=tuple(reasons),
        mandatory_failed=tuple(mandatory_failed),
        reservations=tuple(reservations),
        integrations_missing=tuple(integrations_missing),
        integrations_partly=tuple(integrations_partly),
        price=price,
        computed_score=computed,
        score=final,
        max_score=spec.evaluation.scale_max,
        findings=tuple(findings),
        verdicts=tuple(verdicts),
        confirmation_note=message(lang, "confirm"),
    )


def _judge(spec: TenderSpec, requirement: SpecRequirement, rows: list[AnswerRow], form_lang: str):
    """The verdict on one requirement, its findings, and its reservation if any (messages in
    the spec's language, the form's cells compared in `form_lang`)."""
    lang = spec.language
    rid = requirement.id
    findings: list[Finding] = []
    if not rows:
        # The bid leaves the requirement out (row or table deleted, not in the answer file).
        findings.append(Finding("missing_answer", rid, message(lang, "missing_answer")))
        if requirement.kind == "MK":
            findings.append(Finding("mandatory_failed", rid, message(lang, "mandatory_missing")))
            return _verdict(requirement, None, "", "failed", spec, "", ""), findings, None
        if requirement.kind == "K":
            # A K the bid does not commit to is a reservation for the buyer to price.
            findings.append(
                Finding(
                    "reservation",
                    rid,
                    message(
                        lang,
                        "reservation",
                        answer=message(lang, "unanswered"),
                        price="",
                        reservation=message(lang, "empty"),
                    ),
                )
            )
            reservation = Reservation(rid, "", None, "")
            return (
                _verdict(requirement, None, "", "reservation", spec, "", ""),
                findings,
                reservation,
            )
        return _verdict(requirement, None, "", "missing", spec, "", ""), findings, None

    if len(rows) > 1:
        findings.append(
            Finding(
                "duplicate_answer",
                rid,
                message(
                    lang,
                    "duplicate_answer",
                    count=len(rows),
                    locations="; ".join(str(in_words(r.location, lang)) for r in rows),
                ),
            )
        )
    row = min(rows, key=lambda r: _ANSWER_RANK[r.answer])

    altered = False
    for r in rows:
        change = _text_change(requirement, r, lang, form_lang)
        if change:
            altered = True
            findings.append(Finding("text_altered", rid, change))

    answer = row.answer
    reservation_text = row.reservation.strip()
    if answer is None:
        if row.answer_text.strip():
            findings.append(
                Finding(
                    "invalid_answer",
                    rid,
                    message(
                        lang,
                        "invalid_answer",
                        answer=row.answer_text.strip(),
                        location=row.location,
                    ),
                )
            )
            state = "invalid"
        else:
            findings.append(Finding("missing_answer", rid, message(lang, "missing_answer")))
            state = "missing"
        reservation = None
        if requirement.kind == "MK":
            findings.append(
                Finding(
                    "mandatory_failed",
                    rid,
                    message(
                        lang,
                        "mandatory_failed",
                        answer=row.answer_text.strip() or message(lang, "empty"),
                        extra="",
                    ),
                )
            )
            state = "failed"
        elif requirement.kind == "K":
            # No valid answer commits the bidder to nothing: a reservation for the buyer.
            state = "reservation"
            reservation = _reservation(
                findings,
                rid,
                row.answer_text.strip() or message(lang, "empty"),
                reservation_text,
                lang,
            )
        return (
            _verdict(
                requirement, None, row.answer_text, state, spec, row.description, reservation_text
            ),
            findings,
            reservation,
        )

    label = ANSWER_LABELS[lang][answer]
    if requirement.kind == "MK":
        if answer is not Answer.MET:
            findings.append(
                Finding(
                    "mandatory_failed",
                    rid,
                    message(
                        lang,
                        "mandatory_failed",
                        answer=row.answer_text.strip() or label,
                        extra=f" – {reservation_text}" if reservation_text else "",
                    ),
                )
            )
            state = "failed"
        elif reservation_text:
            findings.append(
                Finding(
                    "mandatory_failed",
                    rid,
                    message(lang, "mandatory_reservation", reservation=reservation_text),
                )
            )
            state = "failed"
        elif altered:
            findings.append(Finding("mandatory_failed", rid, message(lang, "mandatory_altered")))
            state = "failed"
        else:
            state = "ok"
        return (
            _verdict(
                requirement, answer, row.answer_text, state, spec, row.description, reservation_text
            ),
            findings,
            None,
        )

    if requirement.kind == "O":
        state = "ok" if answer is Answer.MET else "not_offered"
        return (
            _verdict(
                requirement, answer, row.answer_text, state, spec, row.description, reservation_text
            ),
            findings,
            None,
        )

    # A K not fully met, and any stated reservation or altered text on a K or PK, is a
    # reservation: the buyer prices it (DOMAIN.md section 5). A PK answered "Delvist" or
    # "Ikke opfyldt" without one is not: its description is scored, lower.
    reservation = None
    state = "ok"
    not_met = requirement.kind == "K" and answer is not Answer.MET
    if not_met or reservation_text or altered:
        state = "reservation"
        if answer is Answer.MET and reservation_text:
            findings.append(
                Finding(
                    "reservation",
                    rid,
                    message(lang, "reservation_met_with_text", reservation=reservation_text),
                )
            )
            reservation = _reservation([], rid, label, reservation_text, lang)
        else:
            reservation = _reservation(
                findings, rid, row.answer_text.strip() or label, reservation_text, lang
            )
    return (
        _verdict(
            requirement, answer, row.answer_text, state, spec, row.description, reservation_text
        ),
        findings,
        reservation,
    )


def _reservation(
    findings: list[Finding], rid: str, answer: str, reservation_text: str, lang: str
) -> Reservation:
    """A reservation with its finding; a price the vendor states is kept as information."""
    price = parse_price(reservation_text)
    price_text = (
        message(lang, "vendor_price", price=money(price, lang)) if price is not None else ""
    )
    findings.append(
        Finding(
            "reservation",
            rid,
            message(
                lang,
                "reservation",
                answer=answer,
                price=price_text,
                reservation=reservation_text or message(lang, "empty"),
            ),
        )
    )
    return Reservation(rid, answer, price, reservation_text)


def _with_decision(
    spec: TenderSpec, reservation: Reservation, decision: ReservationDecision | None
) -> tuple[Reservation, list[Finding], str | None]:
    """The reservation as the buyer has decided it: priced, or a reason to reject the bid.

    Without a decision it is a task for the buyer (finding `reservation_to_price`)."""
    lang = spec.language
    rid = reservation.id
    if decision is None:
        vendor_price = (
            message(lang, "vendor_price_info", price=money(reservation.price, lang))
            if reservation.price is not None
            else message(lang, "vendor_price_none")
        )
        return (
            reservation,
            [
                Finding(
                    "reservation_to_price",
                    rid,
                    message(lang, "reservation_to_price", vendor_price=vendor_price),
                )
            ],
            None,
        )
    decided = dataclasses.replace(
        reservation,
        decision=decision.decision,
        buyer_price=decision.price,
        decision_reason=decision.justification,
        decision_by=decision.by,
        decision_at=decision.at,
    )
    if decision.decision == "priced":
        return decided, [], None
    key = (
        "reservation_unpriceable"
        if decision.decision == "unpriceable"
        else "reservation_fundamental"
    )
    text = message(lang, key, requirement=rid, why=decision.justification)
    return decided, [Finding("reservation_rejected", rid, text)], text


def _check_prices(spec: TenderSpec, response: VendorResponse):
    """The bid's price as procure computes it from the price list the file carries, and a
    finding for each problem (blank, negative or non-numeric unit price, changed quantity, a
    total that differs from procure's own). Untrusted input: formulas are never evaluated.
    A file without prices gets one note: a price list handed in apart is read by the award."""
    lines = spec.tender.price_lines
    if not lines:
        return None, []
    lang = spec.language
    if response.prices is None:
        return None, [Finding("price_problem", None, message(lang, "prices_not_in_file"))]
    # Here, not at the top: procure.award brings the holiday calendar, which a check of a
    # tender without price lines (and the wizard's first page) never needs.
    from procure.award.prices import read_price_entries

    reading = read_price_entries(
        lines,
        [entry.as_mapping() for entry in response.prices.entries],
        response.prices.stated_total,
    )
    return reading.price, [
        Finding("price_problem", problem.line or None, in_words(problem.message, lang))
        for problem in reading.problems
    ]


def _verdict(
    requirement: SpecRequirement,
    answer,
    answer_text: str,
    state: str,
    spec: TenderSpec,
    description: str,
    reservation_text: str,
) -> RequirementVerdict:
    points = None
    if requirement.kind == "PK":
        points = requirement_points(requirement.weight or 0, answer, spec.evaluation)
    return RequirementVerdict(
        id=requirement.id,
        number=requirement.number,
        kind=requirement.kind,
        weight=requirement.weight,
        answer=answer,
        answer_text=answer_text.strip(),
        verdict=state,
        computed_points=points,
        final_points=points,
        override_reason=None,
        description=description,
        reservation_text=reservation_text,
    )


def _with_override(verdict: RequirementVerdict, override) -> RequirementVerdict:
    return dataclasses.replace(
        verdict,
        final_points=override.points,
        override_reason=override.justification,
        override_by=override.by,
        override_at=override.at,
    )


def _check_form(spec: TenderSpec, response: VendorResponse) -> tuple[list[Finding], bool]:
    """Form findings, and whether the file answers another tender or form version."""
    lang = spec.language
    meta = response.metadata
    if meta.tender_id is None and meta.fingerprint is None:
        if response.file_format in ("docx", "xlsx"):
            return [Finding("form_mismatch", None, message(lang, "form_no_stamp"))], False
        return [], False
    if meta.tender_id is not None and meta.tender_id != spec.tender.id:
        return [
            Finding(
                "form_mismatch",
                None,
                message(lang, "form_other_tender", actual=meta.tender_id, expected=spec.tender.id),
            )
        ], True
    earlier = _earlier_version(spec, response)
    if earlier is not None:
        # The buyer's correction, not the vendor's alteration: not a reason in itself; the
        # rows are checked against the current version (README "Publishing and corrections").
        changes = list(earlier.requirement_ids)
        changes += [part_label(part).text(lang) for part in earlier.parts]
        text = message(
            lang,
            "form_earlier_version",
            version=earlier.version,
            current=earlier.current,
            changes=", ".join(changes) or "-",
        )
        return [Finding("form_mismatch", None, text, kind=EARLIER_VERSION)], False
    if meta.fingerprint is not None and meta.fingerprint != spec.fingerprint:
        return [
            Finding(
                "form_mismatch",
                None,
                message(
                    lang,
                    "form_older",
                    actual=_short(meta.fingerprint),
                    expected=spec.short_fingerprint,
                ),
            )
        ], True
    if meta.library_version is not None and meta.library_version != spec.library_version:
        return [
            Finding(
                "form_mismatch",
                None,
                message(
                    lang, "form_library", actual=meta.library_version, expected=spec.library_version
                ),
            )
        ], True
    return [], False


def _earlier_version(spec: TenderSpec, response: VendorResponse) -> AnsweredVersion | None:
    """The earlier published version the response answers (matched by its form fingerprint)."""
    fingerprint = response.metadata.fingerprint  # None (no stamp) matches no version
    if fingerprint == spec.fingerprint:
        return None
    return answered_version(spec.tender, fingerprint)


def _rows_as_answered(spec: TenderSpec, response: VendorResponse) -> tuple[AnswerRow, ...]:
    """The response's rows; on a response to an earlier version, the kind cells of requirements
    a correction changed since are not compared: kind and weight are the buyer's, and the
    answer to an unchanged text still holds (a changed text is still compared)."""
    earlier = _earlier_version(spec, response)
    if earlier is None:
        return response.rows
    changed = set(earlier.requirement_ids)
    return tuple(
        dataclasses.replace(row, kind_text=None)
        if _normalise_id(row.requirement_id) in changed
        else row
        for row in response.rows
    )


def _explain_correction(
    spec: TenderSpec, response: VendorResponse, findings: list[Finding]
) -> list[Finding]:
    """On a response to an earlier version, the findings that a requirement's text was altered
    or its id is unknown, for requirements a correction changed or removed since, say so instead
    of blaming the vendor (the verdicts stay: the answer does not confirm the current wording)."""
    earlier = _earlier_version(spec, response)
    if earlier is None:
        return findings
    lang = spec.language
    changed = set(earlier.requirement_ids)
    altered_mk = message(lang, "mandatory_altered")
    explained = []
    for finding in findings:
        if finding.requirement in changed and finding.code == "text_altered":
            text = message(lang, "changed_since_answered", version=earlier.version)
            finding = Finding(finding.code, finding.requirement, text, kind=EARLIER_VERSION)
        elif finding.requirement in changed and finding.message == altered_mk:
            text = message(lang, "changed_since_answered_mk", version=earlier.version)
            finding = Finding(finding.code, finding.requirement, text, kind=EARLIER_VERSION)
        elif finding.requirement in changed and finding.code == "unknown_requirement":
            text = message(lang, "changed_since_removed", version=earlier.version)
            finding = Finding(finding.code, finding.requirement, text, kind=EARLIER_VERSION)
        explained.append(finding)
    return explained


def _text_change(
    requirement: SpecRequirement, row: AnswerRow, lang: str, form_lang: str
) -> str | None:
    """A description of how the returned form changed the requirement, or None (in `lang`;
    the form's kind cell is compared with what the form says in `form_lang`)."""
    parts = []
    if row.requirement_text is not None:
        expected = comparable(requirement_cell_text(requirement.title, requirement.text))
        actual = comparable(row.requirement_text)
        if actual != expected:
            parts.append(message(lang, "text_altered", change=_word_diff(expected, actual, lang)))
    if row.kind_text is not None:
        expected_kind = kind_cell_text(requirement.kind, requirement.weight, form_lang)
        if comparable(row.kind_text) and comparable(row.kind_text) != expected_kind:
            parts.append(
                message(
                    lang, "kind_altered", expected=expected_kind, actual=comparable(row.kind_text)
                )
            )
    return "; ".join(parts) or None


def _word_diff(expected: str, actual: str, lang: str, limit: int = 3) -> str:
    a, b = expected.split(), actual.split()  # an emptied cell is no words, not one empty word
    changes = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag in ("delete", "replace"):
            changes.append(message(lang, "removed", text=_clip(" ".join(a[i1:i2]))))
        if tag in ("insert", "replace"):
            changes.append(message(lang, "added", text=_clip(" ".join(b[j1:j2]))))
    if len(changes) > limit:
        more = len(changes) - limit
        changes = changes[:limit] + [f"… (+{more})"]
    return ", ".join(changes)


def _clip(text: str, width: int = 80) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _normalise_id(value: str) -> str:
    return "".join(value.split()).upper()


def _stem(source: str) -> str:
    from pathlib import PurePath

    return PurePath(source).stem or source


def _short(fingerprint: str) -> str:
    return fingerprint.removeprefix("sha256:")[:12]
