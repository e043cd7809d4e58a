"""A published tender stays as published: status, publication, corrections, the freeze rules,
and a bid on an earlier version told apart from an altered form (pure functions)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from procure.award import default_evaluation_for_spec
from procure.errors import ProcureError
from procure.evaluation import evaluate_response
from procure.forms import Answer, kind_cell_text, requirement_cell_text
from procure.responses.model import AnswerRow, FormMetadata, VendorInfo, VendorResponse
from procure.tender import SelectedRequirement, dump_tender, parse_tender, resolve_tender
from procure.tender.lifecycle import (
    amend,
    amendment_line,
    answered_version,
    broken_seal,
    broken_seal_message,
    change_rule,
    deadline_passed,
    frozen_changes,
    is_published,
    mark_awarded,
    open_bids,
    publication_problems,
    publish,
    status_line,
)
from procure.tender.model import CustomRequirement
from tests.conftest import ROOT
from tests.samples import sample_tender, shipped_release

CASES = ROOT / "tests" / "lifecycle_cases"
BEFORE = dt.datetime(2027, 1, 2, 10, 0)  # before the deadline below
DEADLINE = "2027-01-15T12:00"
MK_TEXT = "Systemet skal kunne eksportere alle sager."


def spec_of(tender):
    return resolve_tender(tender, shipped_release())


def draft():
    """A draft that can be published: the default model, a deadline, and a local MK."""
    tender = sample_tender()
    custom = tender.custom_requirements + (
        CustomRequirement("LOKAL-3", "drift", "Lokal eksport", MK_TEXT, "MK"),
    )
    tender = dataclasses.replace(tender, deadline=DEADLINE, custom_requirements=custom)
    evaluation, lines = default_evaluation_for_spec(spec_of(tender))
    return spec_of(dataclasses.replace(tender, evaluation=evaluation, price_lines=lines))


def published():
    return spec_of(publish(draft(), BEFORE))


def first_pk(spec):
    return next(r for r in spec.requirements if r.kind == "PK" and not r.custom)


def with_weight(spec, rid, weight):
    """The tender with a library PK's weight changed, in the requirement list and the model."""
    tender = spec.tender
    requirements = tuple(
        SelectedRequirement(r.id, "PK", weight) if r.id == rid else r for r in tender.requirements
    )
    quality, price = tender.evaluation.criteria
    quality = dataclasses.replace(
        quality,
        requirements=tuple((i, weight if i == rid else w) for i, w in quality.requirements),
    )
    evaluation = dataclasses.replace(tender.evaluation, criteria=(quality, price))
    return spec_of(dataclasses.replace(tender, requirements=requirements, evaluation=evaluation))


def with_custom_text(spec, rid, text):
    custom = tuple(
        dataclasses.replace(c, text=text) if c.id == rid else c
        for c in spec.tender.custom_requirements
    )
    return spec_of(dataclasses.replace(spec.tender, custom_requirements=custom))


# -- Old files, status and publication -------------------------------------------------------------


@pytest.mark.parametrize("name", ["draft-old-model.yaml", "draft-with-model.yaml"])
def test_a_file_written_before_statuses_loads_as_a_draft_and_is_written_back_byte_identical(name):
    """Both files were written by procure before this change (main at 9603160)."""
    text = (CASES / name).read_text("utf-8")
    tender = parse_tender(text, name)
    assert (tender.status, tender.version, tender.publication, tender.amendments) == (
        "kladde",
        None,
        None,
        (),
    )
    assert not is_published(tender)
    assert dump_tender(tender) == text


def test_publishing_writes_status_version_1_and_the_seal_and_reads_back_equal():
    spec = draft()
    tender = publish(spec, BEFORE)
    assert (tender.status, tender.version) == ("offentliggjort", 1)
    assert tender.publication.published_at == "2027-01-02T10:00"
    assert tender.publication.form_fingerprint == spec.fingerprint
    sealed = dict(tender.publication.sealed)
    assert list(sealed) == ["requirements", "integrations", "evaluation", "price_lines", "deadline"]
    assert sealed["requirements"] == spec.fingerprint
    text = dump_tender(tender)
    assert (
        "title: Anskaffelse af ESDH-system & sagsstyring\nstatus: offentliggjort\nversion: 1\n"
        in (text)
    )
    assert parse_tender(text, "t.yaml") == tender
    assert broken_seal(spec_of(tender)) == ()
    assert str(status_line(tender)) == (
        "status: offentliggjort, version 1 (offentliggjort 2027-01-02 10:00; rettelser: 0)"
    )
    assert status_line(tender).text("en") == (
        "status: published, version 1 (published 2027-01-02 10:00; corrections: 0)"
    )


def test_publishing_is_refused_twice_without_a_deadline_and_after_the_deadline():
    spec = published()
    with pytest.raises(ProcureError, match=r"allerede offentliggjort \(version 1\)"):
        publish(spec, BEFORE)
    no_deadline = spec_of(dataclasses.replace(draft().tender, deadline=None))
    assert [str(p) for p in publication_problems(no_deadline, BEFORE)] == [
        "udbuddet har ingen tilbudsfrist; angiv 'deadline' (fx 2027-01-15T12:00) før "
        "offentliggørelse"
    ]
    late = dt.datetime(2027, 1, 15, 12, 0)
    assert [str(p) for p in publication_problems(draft(), late)] == [
        "tilbudsfristen 2027-01-15T12:00 er allerede passeret"
    ]


def test_a_deadline_without_a_time_runs_to_the_end_of_its_day():
    assert not deadline_passed("2027-01-15", dt.datetime(2027, 1, 15, 23, 59))
    assert deadline_passed("2027-01-15", dt.datetime(2027, 1, 16, 0, 0))
    assert not deadline_passed("2027-01-15T12:00", dt.datetime(2027, 1, 15, 11, 59))
    assert deadline_passed("2027-01-15T12:00", dt.datetime(2027, 1, 15, 12, 0))


def test_a_file_claiming_a_status_without_its_publication_is_refused_with_the_line():
    text = dump_tender(draft().tender).replace(
        "title: ", "status: offentliggjort\nversion: 1\ntitle: ", 1
    )
    with pytest.raises(ProcureError) as error:
        parse_tender(text, "t.yaml")
    assert str(error.value) == (
        "t.yaml:3: status 'offentliggjort' kræver feltet 'publication', som 'procure tender "
        "publish' skriver; filen er ændret i hånden"
    )


# -- The seal and the freeze rules -----------------------------------------------------------------


def test_the_seal_names_each_frozen_part_changed_in_the_file_and_ignores_the_rest():
    spec = published()
    pk = first_pk(spec)
    assert broken_seal(with_weight(spec, pk.id, pk.weight + 2)) == ("requirements", "evaluation")
    later = spec_of(dataclasses.replace(spec.tender, deadline="2027-01-20T12:00"))
    assert broken_seal(later) == ("deadline",)
    lines = (dataclasses.replace(spec.tender.price_lines[0], quantity=Decimal(2)),)
    assert broken_seal(spec_of(dataclasses.replace(spec.tender, price_lines=lines))) == (
        "price_lines",
    )
    retitled = spec_of(dataclasses.replace(spec.tender, title="Ny titel", case_number="X-1"))
    assert broken_seal(retitled) == ()
    assert str(broken_seal_message(later)) == (
        "ændret efter offentliggørelse uden rettelsesblad: tilbudsfristen svarer ikke til version "
        "1. Gendan den offentliggjorte fil, læg ændringerne i en kopi, og kør 'procure tender "
        "amend UDBUD --from KOPI --why …'"
    )


def test_frozen_changes_list_what_changes_and_why_before_the_deadline_and_after_opening():
    spec = published()
    pk = first_pk(spec)
    edited = with_weight(spec, pk.id, pk.weight + 2)
    changes = frozen_changes(spec, edited, BEFORE)
    assert [str(c.what) for c in changes] == [
        f"krav {pk.id}: vægt {pk.weight} → {pk.weight + 2}",
        f"evaluation.criteria[0].requirements.{pk.id}: {pk.weight} → {pk.weight + 2}",
    ]
    assert changes[0].requirement_id == pk.id
    assert str(changes[0].why) == (
        "udbuddet er offentliggjort: før tilbudsfristen kan det kun ændres som en rettelse med "
        "begrundelse (rettelsesblad, 'procure tender amend')"
    )
    opened = spec_of(open_bids(spec.tender, BEFORE))
    why = frozen_changes(opened, edited, BEFORE)[0].why
    assert str(why) == (
        "tilbuddene er åbnet: kravene, evalueringsmodellen, vægtene og prislinjerne kan ikke "
        "længere ændres (udbudsloven § 160)"
    )
    assert "§ 160" in why.text("en")
    assert change_rule(draft().tender, BEFORE) is None


# -- Corrections -----------------------------------------------------------------------------------


def test_a_correction_records_why_what_and_the_new_form_and_raises_the_version():
    spec = published()
    pk = first_pk(spec)
    edited = with_weight(spec, pk.id, pk.weight + 2)
    removed_id = next(r.id for r in spec.requirements if r.kind == "K" and not r.custom)
    edited = spec_of(
        dataclasses.replace(
            edited.tender,
            requirements=tuple(r for r in edited.tender.requirements if r.id != removed_id),
            deadline="2027-01-22T12:00",
        )
    )
    corrected = amend(spec, edited, "  Vægt rettet efter spørgsmål 3  ", BEFORE)
    assert (corrected.status, corrected.version) == ("offentliggjort", 2)
    (amendment,) = corrected.amendments
    assert amendment.version == 2 and amendment.at == "2027-01-02T10:00"
    assert amendment.why == "Vægt rettet efter spørgsmål 3"
    assert amendment.requirements_removed == (removed_id,)
    assert amendment.requirements_added == ()
    assert amendment.requirements_changed == (pk.id,)
    assert amendment.parts_changed == ("evaluation", "deadline")
    assert amendment.previous_deadline == DEADLINE
    assert amendment.form_fingerprint == edited.fingerprint
    assert corrected.publication.form_fingerprint == spec.fingerprint  # version 1's stays
    assert broken_seal(spec_of(corrected)) == ()
    assert parse_tender(dump_tender(corrected), "t.yaml") == corrected
    line = str(amendment_line(amendment))
    assert line.startswith("rettelse 2 (2027-01-02 10:00): Vægt rettet efter spørgsmål 3 – ")
    assert f"krav fjernet: {removed_id}" in line
    assert "ændret: evalueringsmodellen, tilbudsfristen" in line


@pytest.mark.parametrize(
    ("make", "now", "expected"),
    [
        (lambda s: s, BEFORE, "intet at rette: ingen af de offentliggjorte dele"),
        (
            lambda s: s,
            dt.datetime(2027, 1, 15, 12, 0),
            "tilbudsfristen 2027-01-15T12:00 er udløbet",
        ),
        (lambda s: spec_of(open_bids(s.tender, BEFORE)), BEFORE, "(udbudsloven § 160)"),
        (lambda s: draft(), BEFORE, "udbuddet er ikke offentliggjort"),
    ],
    ids=["nothing-changed", "after-deadline", "after-opening", "draft"],
)
def test_a_correction_is_refused(make, now, expected):
    spec = make(published())
    pk = first_pk(spec)
    edited = spec if "intet" in expected else with_weight(spec, pk.id, pk.weight + 1)
    with pytest.raises(ProcureError) as error:
        amend(spec, edited, "why", now)
    assert expected in str(error.value)


def test_a_correction_needs_a_reason_and_the_same_tender():
    spec = published()
    pk = first_pk(spec)
    edited = with_weight(spec, pk.id, pk.weight + 1)
    with pytest.raises(ProcureError, match=r"en rettelse skal have en begrundelse \(--why\)"):
        amend(spec, edited, "  ", BEFORE)
    other = spec_of(dataclasses.replace(edited.tender, id="11111111-2222-4333-8444-555555555555"))
    with pytest.raises(ProcureError, match="den rettede fil hører til et andet udbud"):
        amend(spec, other, "x", BEFORE)


def test_a_correction_is_refused_when_the_published_file_itself_was_changed():
    spec = published()
    tampered = spec_of(dataclasses.replace(spec.tender, deadline="2027-01-20T12:00"))
    with pytest.raises(ProcureError, match="ændret efter offentliggørelse uden rettelsesblad"):
        amend(tampered, with_weight(tampered, first_pk(spec).id, 9), "x", BEFORE)


# -- Opening and award -----------------------------------------------------------------------------


def test_opening_happens_once_and_only_to_a_published_tender():
    spec = published()
    opened = open_bids(spec.tender, BEFORE)
    assert (opened.status, opened.publication.opened_at) == ("tilbud åbnet", "2027-01-02T10:00")
    assert open_bids(opened, dt.datetime(2027, 2, 1)) == opened
    assert open_bids(draft().tender, BEFORE) == draft().tender
    assert broken_seal(spec_of(opened)) == ()  # the status is not a frozen part


def test_awarding_needs_a_published_tender():
    with pytest.raises(ProcureError, match="kan ikke tildeles; offentliggør det først"):
        mark_awarded(draft().tender, BEFORE)
    awarded = mark_awarded(open_bids(published().tender, BEFORE), dt.datetime(2027, 2, 1, 9, 0))
    assert (awarded.status, awarded.publication.awarded_at) == ("tildelt", "2027-02-01T09:00")
    assert is_published(awarded)


# -- A bid on an earlier version -------------------------------------------------------------------


def three_versions():
    """Version 1; version 2 changes a PK's weight; version 3 rewords the local MK."""
    v1 = published()
    pk = first_pk(v1)
    v2 = spec_of(amend(v1, with_weight(v1, pk.id, pk.weight + 2), "vægt", BEFORE))
    v3 = spec_of(
        amend(v2, with_custom_text(v2, "LOKAL-3", MK_TEXT + " Også lukkede."), "MK", BEFORE)
    )
    return v1, v2, v3, pk.id


def test_the_version_a_form_answers_and_what_changed_since_come_from_the_corrections():
    v1, v2, v3, pk_id = three_versions()
    tender = v3.tender
    first = answered_version(tender, v1.fingerprint)
    assert (first.version, first.current) == (1, 3)
    assert first.requirement_ids == (pk_id, "LOKAL-3")
    assert first.parts == ("evaluation",)
    second = answered_version(tender, v2.fingerprint)
    assert (second.version, second.requirement_ids, second.parts) == (2, ("LOKAL-3",), ())
    assert answered_version(tender, v3.fingerprint) is None  # the current form
    assert answered_version(tender, "sha256:" + "0" * 64) is None  # no version's form


def response_on(spec, fingerprint):
    """A Word/Excel-like response to `spec`'s form: every row Opfyldt with its printed text."""
    rows = tuple(
        AnswerRow(
            r.id,
            "Opfyldt",
            Answer.MET,
            "Beskrivelse",
            "",
            requirement_cell_text(r.title, r.text),
            kind_cell_text(r.kind, r.weight, "da"),
            f"række {n}",
        )
        for n, r in enumerate(spec.requirements, start=1)
    )
    metadata = FormMetadata("procure-form/1", spec.tender.id, spec.library_version, fingerprint)
    return VendorResponse("bud.xlsx", "xlsx", VendorInfo("Leverandør A"), metadata, rows)


def test_a_bid_on_an_earlier_version_is_told_apart_from_an_altered_form():
    v1, _, v3, pk_id = three_versions()
    result = evaluate_response(v3, response_on(v1, v1.fingerprint))
    form = [f for f in result.findings if f.code == "form_mismatch"]
    assert [f.to_data() for f in form] == [
        {
            "code": "form_mismatch",
            "requirement": None,
            "message": "Besvarelsen er lavet på version 1 af udbuddet, som siden er rettet (nu "
            f"version 3); ændret siden: {pk_id}, LOKAL-3, evalueringsmodellen. Det er ikke "
            "leverandørens ændring: besvarelsen kontrolleres mod den gældende version 3, og "
            "svarene på de ændrede krav skal vurderes af en person",
            "kind": "earlier_version",
        }
    ]
    # A changed weight is the buyer's: no finding and no reservation on the PK
    assert [f for f in result.findings if f.requirement == pk_id] == []
    assert result.verdict(pk_id).verdict == "ok"
    # A changed text: the rows say the answer is to the earlier wording, not "changed in the
    # response"
    by_requirement = {(f.requirement, f.code): f for f in result.findings}
    text_finding = by_requirement[("LOKAL-3", "text_altered")]
    assert text_finding.kind == "earlier_version"
    assert text_finding.message == (
        "Kravet er ændret ved en rettelse efter version 1, som besvarelsen er lavet på; svaret "
        "gælder den tidligere udgave af kravet (ikke en ændring fra leverandøren)"
    )
    mk_finding = by_requirement[("LOKAL-3", "mandatory_failed")]
    assert mk_finding.kind == "earlier_version"
    assert "besvarelsen bekræfter ikke den gældende udgave" in mk_finding.message
    assert not any("ændret i besvarelsen" in f.message for f in result.findings)
    # The MK is not confirmed on its current wording: that alone makes the bid non-compliant,
    # the earlier form itself does not
    assert result.reasons == ("Mindstekrav ikke opfyldt: LOKAL-3",)


def test_a_bid_on_the_previous_version_of_an_unchanged_mk_stays_compliant():
    v1, v2, _, pk_id = three_versions()
    result = evaluate_response(v2, response_on(v1, v1.fingerprint))
    assert result.compliant and result.reasons == ()
    assert result.reservations == ()
    (form,) = [f for f in result.findings if f.code == "form_mismatch"]
    assert f"ændret siden: {pk_id}, evalueringsmodellen." in form.message


def test_a_form_of_no_published_version_is_still_another_version_and_not_compliant():
    _, _, v3, _ = three_versions()
    result = evaluate_response(v3, response_on(v3, "sha256:" + "ab" * 32))
    (form,) = [f for f in result.findings if f.code == "form_mismatch"]
    assert form.kind is None and "kind" not in form.to_data()
    assert form.message.startswith("Besvarelsen er lavet på en anden version af tilbudslisten")
    assert not result.compliant


def test_the_earlier_version_finding_is_in_english_for_an_english_tender():
    v1, _, v3, pk_id = three_versions()
    english = spec_of(dataclasses.replace(v3.tender, language="en"))
    result = evaluate_response(english, response_on(v1, v1.fingerprint))
    (form,) = [f for f in result.findings if f.code == "form_mismatch"]
    assert form.message.startswith("The response was made on version 1 of the tender")
    assert f"changed since: {pk_id}, LOKAL-3, the evaluation model." in form.message


def test_an_answer_to_a_requirement_removed_since_is_not_an_unknown_id_of_the_vendor():
    v1 = published()
    removed = next(r.id for r in v1.requirements if r.kind == "K" and not r.custom)
    edited = spec_of(
        dataclasses.replace(
            v1.tender,
            requirements=tuple(r for r in v1.tender.requirements if r.id != removed),
        )
    )
    v2 = spec_of(amend(v1, edited, "K fjernet", BEFORE))
    result = evaluate_response(v2, response_on(v1, v1.fingerprint))
    (finding,) = [f for f in result.findings if f.requirement == removed]
    assert (finding.code, finding.kind) == ("unknown_requirement", "earlier_version")
    assert finding.message == (
        "Kravet er fjernet ved en rettelse efter version 1, som besvarelsen er lavet på; svaret "
        "indgår ikke"
    )
    assert result.compliant
    english = evaluate_response(v2, response_on(v1, v1.fingerprint), lang="en")
    (finding,) = [f for f in english.findings if f.requirement == removed]
    assert finding.message == (
        "The requirement was removed by a correction after version 1, which the response was "
        "made on; the answer is not used"
    )


def test_a_bid_on_an_earlier_version_is_explained_in_the_officers_language():
    v1, _, v3, pk_id = three_versions()
    result = evaluate_response(v3, response_on(v1, v1.fingerprint), lang="en")
    by_finding = {(f.requirement, f.code): f.message for f in result.findings}
    assert by_finding[(None, "form_mismatch")] == (
        "The response was made on version 1 of the tender, which has since been corrected (now "
        f"version 3); changed since: {pk_id}, LOKAL-3, the evaluation model. This is not the "
        "vendor's alteration: the response is checked against the current version 3, and the "
        "answers to the changed requirements must be assessed by a person"
    )
    assert by_finding[("LOKAL-3", "text_altered")] == (
        "The requirement was changed by a correction after version 1, which the response was "
        "made on; the answer is to the earlier wording (not a change by the vendor)"
    )
    assert by_finding[("LOKAL-3", "mandatory_failed")] == (
        "The minimum requirement was changed by a correction after version 1, which the "
        "response was made on; the response does not confirm the current wording"
    )
    # the Danish MK finding names the version too
    danish = evaluate_response(v3, response_on(v1, v1.fingerprint))
    (mk,) = [
        f for f in danish.findings if (f.requirement, f.code) == ("LOKAL-3", "mandatory_failed")
    ]
    assert mk.message == (
        "Mindstekravet er ændret ved en rettelse efter version 1, som besvarelsen er lavet på; "
        "besvarelsen bekræfter ikke den gældende udgave"
    )


def test_on_an_earlier_version_only_the_changed_requirements_kind_cells_are_not_compared():
    v1, _, v3, pk_id = three_versions()
    response = response_on(v1, v1.fingerprint)
    mk = next(r.id for r in v3.requirements if r.kind == "MK" and r.id != "LOKAL-3")

    def kind_changed(row):  # the vendor turns an unchanged MK into a K, and the changed PK too
        return dataclasses.replace(row, kind_text="K") if row.requirement_id in (mk, pk_id) else row

    result = evaluate_response(
        v3, dataclasses.replace(response, rows=tuple(map(kind_changed, response.rows)))
    )
    assert [f.code for f in result.findings if f.requirement == pk_id] == []
    # the kind cell is compared (text_altered says so) and the MK is no longer confirmed
    assert [(f.code, f.kind) for f in result.findings if f.requirement == mk] == [
        ("text_altered", None),
        ("mandatory_failed", None),
    ]
    assert not result.compliant


def test_on_an_earlier_version_a_row_of_no_requirement_is_still_the_vendors_unknown_id():
    v1, _, v3, _ = three_versions()
    response = response_on(v1, v1.fingerprint)
    extra = dataclasses.replace(response.rows[0], requirement_id="X-999", location="række 99")
    result = evaluate_response(v3, dataclasses.replace(response, rows=response.rows + (extra,)))
    (finding,) = [f for f in result.findings if f.requirement == "X-999"]
    assert (finding.code, finding.kind) == ("unknown_requirement", None)
    assert "rettelse" not in finding.message
