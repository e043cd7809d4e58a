"""Evaluators' point overrides and the buyer's decisions on reservations: which entry counts,
what is refused with which words, and what the evaluation file keeps."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from procure.cli import main
from procure.errors import ProcureError
from procure.evaluation import evaluate_response
from procure.evaluation.overrides import (
    EVALUATION_HEADER,
    Override,
    Overrides,
    ReservationDecision,
    add_override,
    add_reservation_decision,
    append_override,
    append_reservation_decision,
    dump_overrides,
    load_overrides,
    parse_overrides,
)
from procure.i18n import language
from procure.tender import save_tender
from tests.test_evaluation import ALL_MET, response_for, small_spec

NOW = dt.datetime(2026, 11, 26, 9, 30, 15, 123456, tzinfo=dt.UTC)


def _override(overrides, spec, **fields):
    values = dict(
        vendor="Leverandør A",
        requirement_id="FKI-ORG-003",
        points="3",
        justification="Beskrivelsen dækker halvdelen",
        by="Eva",
        now=NOW,
    )
    values.update(fields)
    return append_override(overrides, spec, **values)


def _decision(overrides, spec, **fields):
    values = dict(
        vendor="Leverandør A",
        requirement_id="FKI-ORG-004",
        decision="priced",
        price="10000",
        justification="Skønnet af jurist",
        by="Jurist",
        now=NOW,
    )
    values.update(fields)
    return append_reservation_decision(overrides, spec, **values)


def _refused(append, overrides, spec, **fields) -> str:
    with pytest.raises(ProcureError) as caught:
        append(overrides, spec, **fields)
    return str(caught.value)


# -- which entry counts ---------------------------------------------------------------------


def test_an_override_records_who_when_why_and_the_value_it_replaced():
    spec = small_spec()
    first = _override(Overrides(), spec, vendor="  Leverandør A ", by=" Eva ", computed_points=6)
    entry = first.entries[-1]
    assert entry == Override(
        vendor="Leverandør A",
        requirement_id="FKI-ORG-003",
        points=Decimal(3),
        old_points=Decimal(6),
        justification="Beskrivelsen dækker halvdelen",
        by="Eva",
        at="2026-11-26T09:30:15+00:00",
    )
    assert first.tender_id == spec.tender.id
    # the next one replaces the earlier override, not the computed value
    second = _override(first, spec, points="4,5", computed_points=6).entries[-1]
    assert (second.points, second.old_points) == (Decimal("4.5"), Decimal(3))
    # without a known computed value the first override's old value is unknown
    assert _override(Overrides(), spec).entries[-1].old_points is None


def test_the_latest_entry_counts_per_vendor_and_requirement_for_overrides_and_decisions():
    spec = small_spec()
    overrides = Overrides()
    for vendor, rid, points in (
        ("Leverandør A", "FKI-ORG-003", "1"),
        ("Leverandør A", "FKI-DRF-004", "2"),
        ("LEVERANDØR  A", "FKI-ORG-003", "5"),
        ("Leverandør B", "FKI-ORG-003", "6"),
    ):
        overrides = _override(overrides, spec, vendor=vendor, requirement_id=rid, points=points)
    for vendor, decision, price in (
        ("Leverandør A", "priced", "100"),
        ("Leverandør B", "fundamental", None),
        ("leverandør a", "unpriceable", None),
    ):
        overrides = _decision(overrides, spec, vendor=vendor, decision=decision, price=price)
    assert overrides.lookup("leverandør a", "FKI-ORG-003").points == Decimal(5)
    assert overrides.lookup("Leverandør A", "FKI-DRF-004").points == Decimal(2)
    assert overrides.lookup("Leverandør B", "FKI-ORG-003").points == Decimal(6)
    assert overrides.lookup("Leverandør B", "FKI-DRF-004") is None
    assert overrides.reservation_decision("Leverandør A", "FKI-ORG-004").decision == "unpriceable"
    assert overrides.reservation_decision("Leverandør B", "FKI-ORG-004").decision == "fundamental"
    assert overrides.reservation_decision("Leverandør C", "FKI-ORG-004") is None
    assert overrides.reservation_decision("Leverandør A", "FKI-ORG-003") is None
    # and the checker uses exactly those
    answers = dict(ALL_MET, **{"FKI-ORG-004": ("Ikke opfyldt", "Egne id'er")})
    a = evaluate_response(spec, response_for(spec, answers), overrides)
    assert a.verdict("FKI-ORG-003").final_points == Decimal(5)
    assert a.score == Decimal("7.33")  # 5 + 2 + 4 of 15
    assert not a.compliant
    assert a.reasons == ("Forbehold til FKI-ORG-004 kan ikke prissættes: Skønnet af jurist",)
    b = evaluate_response(spec, response_for(spec, answers, vendor="Leverandør B"), overrides)
    assert b.reasons == (
        "Forbehold til FKI-ORG-004 vedrører et grundlæggende element: Skønnet af jurist",
    )
    assert b.score == Decimal("10.00")  # 6 of 6 is the computed value


def test_an_override_on_a_requirement_that_is_not_a_pk_in_the_file_changes_nothing():
    spec = small_spec()
    entry = Override("Leverandør A", "FKI-ORG-001", Decimal(0), None, "x", "Eva", "t")
    result = evaluate_response(spec, response_for(spec, ALL_MET), Overrides(None, (entry,)))
    assert result.compliant and result.score == Decimal("10.00")
    assert result.verdict("FKI-ORG-001").final_points is None


# -- what is refused, in which words ---------------------------------------------------------


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"requirement_id": "FKI-XXX-999"}, "kravet FKI-XXX-999 findes ikke i udbuddet"),
        (
            {"requirement_id": "FKI-ORG-001"},
            "kun prioriterede krav (PK) kan have point; FKI-ORG-001 er MK",
        ),
        ({"points": "tre"}, "point skal være et tal, ikke 'tre'"),
        ({"points": "-6"}, "point for FKI-ORG-003 skal ligge mellem 0 og vægten 6"),
        ({"points": "-0.01"}, "point for FKI-ORG-003 skal ligge mellem 0 og vægten 6"),
        ({"points": "6.01"}, "point for FKI-ORG-003 skal ligge mellem 0 og vægten 6"),
        ({"points": "Infinity"}, "point for FKI-ORG-003 skal ligge mellem 0 og vægten 6"),
        ({"justification": "  "}, "en manuel justering kræver en skriftlig begrundelse"),
        ({"by": " "}, "angiv hvem der justerer, og hvilken leverandør det gælder"),
        ({"vendor": ""}, "angiv hvem der justerer, og hvilken leverandør det gælder"),
    ],
)
def test_an_override_is_refused_with_a_reason(fields, message):
    assert _refused(_override, Overrides(), small_spec(), **fields) == message


@pytest.mark.parametrize("points, value", [("0", 0), ("6", 6), (" 2,5 ", "2.5"), (4, 4)])
def test_an_override_on_the_bounds_or_with_a_decimal_comma_is_kept(points, value):
    overrides = _override(Overrides(), small_spec(), points=points)
    assert overrides.entries[-1].points == Decimal(value)


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"requirement_id": "FKI-XXX-999"}, "kravet FKI-XXX-999 findes ikke i udbuddet"),
        (
            {"requirement_id": "FKI-ORG-001"},
            "et forbehold til et mindstekrav (FKI-ORG-001) kan ikke prissættes: "
            "tilbuddet er ukonditionsmæssigt",
        ),
        (
            {"decision": "maybe"},
            "afgørelsen skal være priced, unpriceable eller fundamental, ikke 'maybe'",
        ),
        ({"price": "ti tusind"}, "prisen skal være et beløb i kr., ikke 'ti tusind'"),
        ({"price": "-1"}, "prisen skal være et beløb i kr., ikke '-1'"),
        ({"price": "NaN"}, "prisen skal være et beløb i kr., ikke 'NaN'"),
        ({"price": None}, "prisen skal være et beløb i kr., ikke ''"),
        (
            {"decision": "unpriceable", "price": "5"},
            "et forbehold, der ikke kan prissættes, har ingen pris",
        ),
        ({"justification": " "}, "en afgørelse om et forbehold kræver en skriftlig begrundelse"),
        ({"by": ""}, "angiv hvem der afgør forbeholdet, og hvilken leverandør det gælder"),
        ({"vendor": " "}, "angiv hvem der afgør forbeholdet, og hvilken leverandør det gælder"),
    ],
)
def test_a_reservation_decision_is_refused_with_a_reason(fields, message):
    assert _refused(_decision, Overrides(), small_spec(), **fields) == message


def test_a_reservation_decision_records_the_buyers_price_and_who_decided():
    spec = small_spec()
    overrides = _decision(Overrides(), spec, price=" 12500,5 ", vendor=" Leverandør A ")
    assert overrides.reservation_decisions == (
        ReservationDecision(
            vendor="Leverandør A",
            requirement_id="FKI-ORG-004",
            decision="priced",
            price=Decimal("12500.5"),
            justification="Skønnet af jurist",
            by="Jurist",
            at="2026-11-26T09:30:15+00:00",
        ),
    )
    assert overrides.tender_id == spec.tender.id
    rejected = _decision(overrides, spec, decision="fundamental", price="")
    assert rejected.reservation_decisions[-1].price is None
    assert rejected.reservation_decisions[0] == overrides.reservation_decisions[0]
    assert _decision(Overrides(), spec, price="0").reservation_decisions[-1].price == 0


@pytest.mark.parametrize(
    "lang, typed, price",
    [
        ("da", "1.250", Decimal(1250)),  # a thousands point in Danish, not 1.25 kr.
        ("da", "1.250,50", Decimal("1250.50")),
        ("da", "45 000", Decimal(45000)),
        ("da", "1250.5", Decimal("1250.5")),  # no group: unambiguous
        ("en", "1,250.50", Decimal("1250.50")),
        ("en", "1,250", Decimal(1250)),
        ("da", Decimal("1.25"), Decimal("1.25")),  # a number the wizard read is kept as it is
    ],
)
def test_the_buyers_price_is_read_as_the_language_writes_it(lang, typed, price):
    with language(lang):
        overrides = _decision(Overrides(), small_spec(), price=typed)
    assert overrides.reservation_decisions[-1].price == price


def test_a_price_that_is_no_finite_amount_is_refused_also_as_a_number():
    for price in (Decimal("NaN"), Decimal("-Infinity"), Decimal(-1)):
        with pytest.raises(ProcureError, match="prisen skal være et beløb i kr., ikke"):
            _decision(Overrides(), small_spec(), price=price)


# -- the evaluation file ----------------------------------------------------------------------


def test_the_evaluation_file_keeps_every_entry_in_order_and_reads_back_the_same():
    spec = small_spec()
    overrides = _override(Overrides(), spec, computed_points=Decimal(6))
    overrides = _override(overrides, spec, points="2")
    assert "reservations:" not in dump_overrides(overrides)
    overrides = _decision(overrides, spec)
    overrides = _decision(overrides, spec, decision="unpriceable", price=None)
    text = dump_overrides(overrides)
    assert text.startswith(EVALUATION_HEADER)
    assert text.index("points: '3'") < text.index("points: '2'")
    assert "old_points: '6'" in text and "price: '10000'" in text and "price: null" in text
    assert parse_overrides(text, "e.yaml", spec) == overrides


def test_a_hand_edited_entry_without_a_field_is_refused_with_its_line():
    text = (
        "tender_id: t\n"
        "overrides:\n"
        "- vendor: A\n"
        "  requirement: FKI-ORG-003\n"
        "  points: '2'\n"
        "  justification: j\n"
        "  by: Eva\n"
        "  at: '2026-01-01T00:00:00+00:00'\n"
        "- vendor: A\n"
        "  requirement: FKI-ORG-003\n"
        "  points: to\n"
    )
    with pytest.raises(ProcureError) as caught:
        parse_overrides(text, "e.yaml")
    assert str(caught.value) == (
        "e.yaml:9: en justering mangler vendor, requirement, points, justification, by eller at"
    )


def _hand_edited(points: str, requirement: str = "FKI-ORG-003") -> str:
    entry = (
        f"- vendor: Leverandør A\n  requirement: {requirement}\n  points: '{{}}'\n"
        "  justification: j\n  by: Eva\n  at: '2026-01-01T00:00:00+00:00'\n"
    )
    return "overrides:\n" + entry.format("2") + entry.format(points)


@pytest.mark.parametrize(
    "points, message",
    [
        ("-6", "-6 point ligger ikke mellem 0 og vægten 6"),
        ("-0.01", "-0.01 point ligger ikke mellem 0 og vægten 6"),
        ("6.01", "6.01 point ligger ikke mellem 0 og vægten 6"),
        ("60", "60 point ligger ikke mellem 0 og vægten 6"),
        ("NaN", "NaN point ligger ikke mellem 0 og vægten 6"),
        ("Infinity", "Infinity point ligger ikke mellem 0 og vægten 6"),
    ],
)
def test_hand_edited_points_outside_0_to_the_weight_are_refused_naming_line_and_requirement(
    points, message
):
    with pytest.raises(ProcureError) as caught:
        parse_overrides(_hand_edited(points), "e.yaml", small_spec())
    assert str(caught.value) == f"e.yaml:8: [FKI-ORG-003]: {message}"
    assert caught.value.text("en") == (
        f"e.yaml:8: [FKI-ORG-003]: {points} points is not between 0 and the weight 6"
    )


def test_hand_edited_points_below_0_are_refused_also_without_the_tender():
    with pytest.raises(ProcureError) as caught:
        parse_overrides(_hand_edited("-1"), "e.yaml")
    assert str(caught.value) == "e.yaml:8: [FKI-ORG-003]: -1 point er ikke et tal på 0 eller mere"
    # the weight is not known without the tender: any points of 0 or more are read
    assert parse_overrides(_hand_edited("60"), "e.yaml").entries[-1].points == Decimal(60)


@pytest.mark.parametrize(
    "requirement, points", [("FKI-ORG-003", "0"), ("FKI-ORG-003", "6"), ("FKI-ORG-002", "4")]
)
def test_hand_edited_points_on_the_bounds_are_read(requirement, points):
    spec = small_spec()
    overrides = parse_overrides(_hand_edited(points, requirement), "e.yaml", spec)
    assert [e.points for e in overrides.entries] == [Decimal(2), Decimal(points)]
    # and they count: the bid's points on that requirement are the override's
    result = evaluate_response(spec, response_for(spec, ALL_MET), overrides)
    assert result.verdict(requirement).final_points == Decimal(points)


def test_hand_edited_points_above_the_weight_of_an_overridden_pk_are_refused():
    with pytest.raises(ProcureError) as caught:
        parse_overrides(_hand_edited("4.5", "FKI-ORG-002"), "e.yaml", small_spec())
    assert (
        str(caught.value) == "e.yaml:8: [FKI-ORG-002]: 4.5 point ligger ikke mellem 0 og vægten 4"
    )


@pytest.mark.parametrize(
    "reservations",
    [
        "- {vendor: A, requirement: K-1, decision: maybe, justification: j, by: b, at: t}\n",
        "- {vendor: A, requirement: K-1, justification: j, by: b, at: t}\n",
        "- {vendor: A, requirement: K-1, decision: priced, price: x, justification: j, by: b,"
        " at: t}\n",
    ],
)
def test_a_hand_edited_decision_that_is_not_one_is_refused_with_its_line(reservations):
    text = "tender_id: t\noverrides: []\nreservations:\n" + reservations
    with pytest.raises(ProcureError) as caught:
        parse_overrides(text, "e.yaml")
    assert str(caught.value) == (
        "e.yaml:4: en afgørelse om et forbehold mangler vendor, requirement, decision (priced, "
        "unpriceable eller fundamental), justification, by eller at"
    )


def test_reservations_that_are_not_a_list_are_refused():
    with pytest.raises(ProcureError) as caught:
        parse_overrides("tender_id: t\noverrides: []\nreservations: ja\n", "e.yaml")
    assert str(caught.value) == "e.yaml: 'reservations' skal være en liste"


def test_an_evaluation_file_of_another_tender_is_refused_and_one_without_an_id_is_not():
    spec = small_spec()
    with pytest.raises(ProcureError) as caught:
        parse_overrides("tender_id: andet\noverrides: []\n", "e.yaml", spec)
    assert str(caught.value) == (
        f"e.yaml: evalueringsfilen hører til udbud andet, ikke {spec.tender.id}"
    )
    assert parse_overrides("overrides: []\n", "e.yaml", spec) == Overrides()
    assert parse_overrides("tender_id: andet\noverrides: []\n", "e.yaml").tender_id == "andet"


def test_a_missing_evaluation_file_means_no_entries(tmp_path):
    assert load_overrides(None) == Overrides()
    assert load_overrides(tmp_path / "ingen.evaluation.yaml") == Overrides()


def test_entries_added_to_a_file_are_returned_and_kept(tmp_path):
    spec = small_spec()
    path = tmp_path / "tender.evaluation.yaml"
    entry = add_override(
        path,
        spec,
        vendor="Leverandør A",
        requirement_id="FKI-ORG-003",
        points="2",
        justification="j",
        by="Eva",
    )
    decision = add_reservation_decision(
        path,
        spec,
        vendor="Leverandør A",
        requirement_id="FKI-ORG-004",
        decision="priced",
        price="100",
        justification="j",
        by="Jurist",
    )
    assert (entry.points, decision.price) == (Decimal(2), Decimal(100))
    stored = load_overrides(path, spec)
    assert stored.entries == (entry,) and stored.reservation_decisions == (decision,)


def test_cli_override_out_of_range_exits_2_and_writes_nothing(tmp_path, capsys):
    save_tender(small_spec_tender(), tmp_path / "tender.yaml")
    args = ["override", str(tmp_path / "tender.yaml"), "--vendor", "Leverandør A"]
    args += ["--requirement", "FKI-ORG-003", "--why", "vurdering", "--by", "Eva"]
    assert main([*args, "--points", "-6"]) == 2
    err = capsys.readouterr().err
    assert err == "procure: fejl: point for FKI-ORG-003 skal ligge mellem 0 og vægten 6\n"
    assert not (tmp_path / "tender.evaluation.yaml").exists()
    assert main([*args, "--points", "0"]) == 0
    assert "FKI-ORG-003 → 0 point" in capsys.readouterr().out


def small_spec_tender():
    return small_spec().tender


def test_entries_are_stamped_in_utc_when_no_time_is_given(tmp_path):
    spec = small_spec()
    path = tmp_path / "tender.evaluation.yaml"
    fields = dict(vendor="A", justification="j", by="Eva")
    entry = add_override(path, spec, requirement_id="FKI-ORG-003", points="2", **fields)
    decision = add_reservation_decision(
        path, spec, requirement_id="FKI-ORG-004", decision="fundamental", price=None, **fields
    )
    for at in (entry.at, decision.at):
        stamp = dt.datetime.fromisoformat(at)
        assert at.endswith("+00:00") and stamp.microsecond == 0
        assert abs(dt.datetime.now(dt.UTC) - stamp) < dt.timedelta(minutes=5)


def test_nothing_is_added_to_the_evaluation_file_of_another_tender(tmp_path):
    spec = small_spec()
    path = tmp_path / "tender.evaluation.yaml"
    path.write_text("tender_id: andet-udbud\noverrides: []\n", "utf-8")
    fields = dict(vendor="A", justification="j", by="Eva")
    expected = f"{path}: evalueringsfilen hører til udbud andet-udbud, ikke {spec.tender.id}"
    with pytest.raises(ProcureError) as caught:
        add_override(path, spec, requirement_id="FKI-ORG-003", points="2", **fields)
    assert str(caught.value) == expected
    with pytest.raises(ProcureError) as caught:
        add_reservation_decision(
            path, spec, requirement_id="FKI-ORG-004", decision="priced", price="1", **fields
        )
    assert str(caught.value) == expected
    assert path.read_text("utf-8") == "tender_id: andet-udbud\noverrides: []\n"


def test_merging_two_tabs_keeps_the_entries_only_one_of_them_has_and_the_tender():
    from procure.evaluation.overrides import merge_evaluations

    spec = small_spec()
    first = _override(Overrides(), spec, points="1")
    stored = _decision(first, spec)
    mine = _override(first, spec, points="2", by="Mette")
    merged = merge_evaluations(stored, mine)
    assert [e.points for e in merged.entries] == [Decimal(1), Decimal(2)]
    assert merged.reservation_decisions == stored.reservation_decisions
    assert merged.tender_id == spec.tender.id
    unstamped = Overrides(None, stored.entries, stored.reservation_decisions)
    assert merge_evaluations(unstamped, mine).tender_id == spec.tender.id
    assert merge_evaluations(mine, Overrides()).tender_id == spec.tender.id


LONG_WHY = (
    "aaaaaaaaa aaaa aaaaaaa a aaaaaaaa aaaaaa aaaaaaaaaa aaaaaaaaa aaaa aaaaaaaaa aaaaaaa "
    "aaaaaaaa aaaaaa aaaaaaa aaaaaa a aaaaaaaaa aaaaaaaaa aaaaaaaaaa aaaaaaaaaa aaaaaa "
    "aaaaaaaa aaaaaaaaaa a aaaa aaaaaaaaaaa aaa aaaaaaaaa aaaaaaaaaa"
)


def test_the_evaluation_file_reads_as_a_person_wrote_it():
    # fields in the order who-what-why, letters as they are, long reasons folded at 100
    overrides = Overrides(
        "t-1",
        (
            Override(
                "Leverandør Ø",
                "FKI-ORG-003",
                Decimal("2.5"),
                None,
                LONG_WHY,
                "Eva",
                "2026-11-26T09:30:15+00:00",
            ),
        ),
        (
            ReservationDecision(
                "Leverandør Ø",
                "FKI-ORG-004",
                "priced",
                Decimal(100),
                "Skønnet",
                "Jurist",
                "2026-11-26T09:31:00+00:00",
            ),
        ),
    )
    assert dump_overrides(overrides) == EVALUATION_HEADER + (
        "tender_id: t-1\n"
        "overrides:\n"
        "- vendor: Leverandør Ø\n"
        "  requirement: FKI-ORG-003\n"
        "  points: '2.5'\n"
        "  old_points: null\n"
        "  justification: aaaaaaaaa aaaa aaaaaaa a aaaaaaaa aaaaaa aaaaaaaaaa aaaaaaaaa aaaa "
        "aaaaaaaaa aaaaaaa\n"
        "    aaaaaaaa aaaaaa aaaaaaa aaaaaa a aaaaaaaaa aaaaaaaaa aaaaaaaaaa aaaaaaaaaa aaaaaa "
        "aaaaaaaa aaaaaaaaaa\n"
        "    a aaaa aaaaaaaaaaa aaa aaaaaaaaa aaaaaaaaaa\n"
        "  by: Eva\n"
        "  at: '2026-11-26T09:30:15+00:00'\n"
        "reservations:\n"
        "- vendor: Leverandør Ø\n"
        "  requirement: FKI-ORG-004\n"
        "  decision: priced\n"
        "  price: '100'\n"
        "  justification: Skønnet\n"
        "  by: Jurist\n"
        "  at: '2026-11-26T09:31:00+00:00'\n"
    )


def test_an_override_added_after_a_decision_keeps_the_decision_and_the_reverse():
    spec = small_spec()
    decided = _decision(Overrides(), spec)
    both = _override(decided, spec)
    assert both.reservation_decisions == decided.reservation_decisions
    assert _decision(both, spec).entries == both.entries


def test_a_broken_or_foreign_evaluation_file_is_refused_naming_it(tmp_path):
    spec = small_spec()
    path = tmp_path / "tender.evaluation.yaml"
    path.write_text("overrides: [\n", "utf-8")
    with pytest.raises(ProcureError) as caught:
        load_overrides(path, spec)
    assert str(caught.value).startswith(f"{path}:")
    path.write_text("id: 1\ntitle: et udbud\n", "utf-8")
    with pytest.raises(ProcureError) as caught:
        load_overrides(path, spec)
    assert str(caught.value) == f"{path}: er ikke en evalueringsfil (forventede 'overrides')"
    path.write_text("tender_id: andet\noverrides: []\n", "utf-8")
    with pytest.raises(ProcureError) as caught:
        load_overrides(path, spec)
    assert str(caught.value) == (
        f"{path}: evalueringsfilen hører til udbud andet, ikke {spec.tender.id}"
    )
