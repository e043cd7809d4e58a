"""The evaluation committee in the evaluation file: evaluators' own points, consensus with
reasons, confirmations of compliance, the change log, scoring sheets, and twenty evaluators at
once."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import load_workbook

from procure.cli import main
from procure.errors import ProcureError
from procure.evaluation.committee import append_confirmation, append_consensus, append_score
from procure.evaluation.overrides import (
    Overrides,
    dump_overrides,
    load_overrides,
    merge_evaluations,
    parse_overrides,
)
from procure.tender import save_tender
from tests.samples import sample_spec, sample_tender

NOW = dt.datetime(2027, 2, 1, 9, 30, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def spec():
    return sample_spec()


@pytest.fixture
def tender(tmp_path):
    path = tmp_path / "tender.yaml"
    save_tender(sample_tender(), path)
    return path


def _pks(spec):
    return [r.id for r in spec.requirements if r.kind == "PK"]


def test_scores_are_kept_per_evaluator_and_a_change_is_logged_with_its_reason(spec):
    pk = _pks(spec)[0]
    ev = append_score(
        Overrides(), spec, vendor="A", evaluator="Eva", requirement_id=pk, points="7,5", now=NOW
    )
    ev = append_score(ev, spec, vendor="A", evaluator="Bo", requirement_id=pk, points=6, now=NOW)
    assert {name: s.points for name, s in ev.scores_for("a", pk).items()} == {
        "Eva": Decimal("7.5"),
        "Bo": Decimal(6),
    }
    with pytest.raises(ProcureError, match="begrundelse"):
        append_score(ev, spec, vendor="A", evaluator="Eva", requirement_id=pk, points=8)
    ev = append_score(
        ev,
        spec,
        vendor="A",
        evaluator="Eva",
        requirement_id=pk,
        points=8,
        why="Overså afsnit 4",
        now=NOW,
    )
    assert ev.scores_for("A", pk)["Eva"].points == Decimal(8)
    last = ev.changes[-1]
    assert (last.evaluator, last.who, last.old, last.new, last.why) == (
        "Eva",
        "Eva",
        Decimal("7.5"),
        Decimal(8),
        "Overså afsnit 4",
    )
    assert len(ev.changes) == 3  # two first entries, one change


@pytest.mark.parametrize(
    "points, words",
    [
        ("11", "uden for skalaen"),
        ("-1", "uden for skalaen"),
        ("7.125", "decimaler"),
        ("NaN", "ikke et tal"),
        ("sju", "ikke et tal"),
    ],
)
def test_points_off_the_published_scale_are_refused(spec, points, words):
    with pytest.raises(ProcureError, match=words):
        append_score(
            Overrides(),
            spec,
            vendor="A",
            evaluator="Eva",
            requirement_id=_pks(spec)[0],
            points=points,
        )


def test_only_evaluated_requirements_get_points(spec):
    mk = next(r.id for r in spec.requirements if r.kind == "MK")
    with pytest.raises(ProcureError, match="evalueres ikke"):
        append_consensus(
            Overrides(), spec, vendor="A", requirement_id=mk, points=5, why="x", by="Eva"
        )


def test_consensus_needs_a_reason_and_its_changes_are_logged(spec):
    pk = _pks(spec)[1]
    with pytest.raises(ProcureError, match="begrundelse"):
        append_consensus(
            Overrides(), spec, vendor="A", requirement_id=pk, points=5, why=" ", by="Eva"
        )
    ev = append_consensus(
        Overrides(),
        spec,
        vendor="A",
        requirement_id=pk,
        points=5,
        why="Godt beskrevet",
        by="Udvalget",
        now=NOW,
    )
    ev = append_consensus(
        ev,
        spec,
        vendor="a ",
        requirement_id=pk,
        points="6.5",
        why="Efter afklaring",
        by="Udvalget",
        now=NOW,
    )
    assert ev.consensus_for("A", pk).points == Decimal("6.5")
    assert len(ev.consensus) == 1  # one value per bid and requirement, however spelt
    assert [(c.old, c.new, c.who) for c in ev.changes] == [
        (None, Decimal(5), "Udvalget"),
        (Decimal(5), Decimal("6.5"), "Udvalget"),
    ]
    assert ev.consensus_points() == {"A": {pk: Decimal("6.5")}}


def test_the_latest_confirmation_counts(spec):
    ev = append_confirmation(Overrides(), spec, vendor="A", compliant=True, why="OK", by="J")
    ev = append_confirmation(ev, spec, vendor="A", compliant=False, why="Forbehold", by="J")
    assert ev.confirmation("a").compliant is False
    assert ev.confirmation("B") is None
    with pytest.raises(ProcureError, match="begrundelse"):
        append_confirmation(ev, spec, vendor="A", compliant=True, why="", by="J")


def test_everything_survives_the_file_and_old_files_still_load(spec):
    pk = _pks(spec)[0]
    ev = append_score(
        Overrides(),
        spec,
        vendor="A/S «Ø»",
        evaluator="Eva",
        requirement_id=pk,
        points="7.25",
        why="note",
        now=NOW,
    )
    ev = append_consensus(
        ev,
        spec,
        vendor="A/S «Ø»",
        requirement_id=pk,
        points=7,
        why="Enige: 'stærk' løsning",
        by="Udvalget",
        now=NOW,
    )
    ev = append_confirmation(
        ev, spec, vendor="A/S «Ø»", compliant=True, why="Alle MK opfyldt", by="Jurist", now=NOW
    )
    text = dump_overrides(ev)
    assert parse_overrides(text, "e.yaml", spec) == ev
    assert "scores:" in text and "consensus:" in text and "changes:" in text
    old = "tender_id: x\noverrides: []\n"
    assert parse_overrides(old, "e.yaml").empty


def test_a_damaged_committee_section_names_the_file_and_line(spec):
    text = "tender_id: null\noverrides: []\nconsensus:\n  A:\n    FKI-X: {points: sju, why: x}\n"
    with pytest.raises(ProcureError) as caught:
        parse_overrides(text, "e.yaml")
    assert "e.yaml" in str(caught.value) and "consensus" in str(caught.value)


def test_two_tabs_scoring_at_once_keep_both_and_the_later_change(spec):
    a, b = _pks(spec)[:2]
    base = append_score(
        Overrides(), spec, vendor="A", evaluator="Eva", requirement_id=a, points=5, now=NOW
    )
    tab1 = append_score(base, spec, vendor="A", evaluator="Bo", requirement_id=a, points=4, now=NOW)
    tab2 = append_consensus(
        base, spec, vendor="A", requirement_id=b, points=3, why="x", by="U", now=NOW
    )
    tab2 = append_score(
        tab2, spec, vendor="A", evaluator="Eva", requirement_id=a, points=6, why="rettet", now=NOW
    )
    merged = merge_evaluations(tab1, tab2)
    assert {n: s.points for n, s in merged.scores_for("A", a).items()} == {
        "Eva": Decimal(6),
        "Bo": Decimal(4),
    }
    assert merged.consensus_for("A", b).points == Decimal(3)
    assert merged.consensus_for("A", a) is None and merged.consensus_for("B", b) is None
    assert merge_evaluations(merged, tab2) == merged
    # the log keeps every change once, the stored ones first
    assert merged.changes == tab1.changes + tab2.changes[1:]
    assert [c.evaluator for c in merged.changes] == ["Eva", "Bo", "", "Eva"]


def test_two_tabs_confirming_at_once_keep_both_confirmations_once(spec):
    base = append_confirmation(Overrides(), spec, vendor="A", compliant=True, why="OK", by="J")
    tab1 = append_confirmation(base, spec, vendor="B", compliant=False, why="MK", by="J", now=NOW)
    tab2 = append_confirmation(base, spec, vendor="A", compliant=False, why="Nej", by="K", now=NOW)
    merged = merge_evaluations(tab1, tab2)
    assert merged.confirmations == tab1.confirmations + tab2.confirmations[1:]
    assert [(c.vendor, c.by) for c in merged.confirmations] == [("A", "J"), ("B", "J"), ("A", "K")]
    assert merged.confirmation("A").compliant is False  # the later one counts
    assert merge_evaluations(merged, tab2) == merged


def test_points_are_written_back_as_plain_decimals_whatever_their_exponent():
    # written by hand or by another tool as 1E+1; procure writes the file back as 10
    text = (
        "overrides: []\n"
        "scores:\n  A:\n    K1:\n      Eva: {points: '1E+1'}\n"
        "consensus:\n  A:\n    K1: {points: '1E+1', why: x}\n    K2: {points: '25E-1', why: y}\n"
    )
    written = dump_overrides(parse_overrides(text, "e.yaml"))
    assert written.count("points: '10'") == 2 and "points: '2.5'" in written
    assert "E+" not in written and "E-" not in written


# -- the CLI --------------------------------------------------------------------------------------


def test_cli_score_consensus_disagreements_and_confirm(spec, tender, capsys):
    pk = _pks(spec)[0]
    t = str(tender)
    for evaluator, points in (("Eva", "8"), ("Bo", "6,5"), ("Ida", "8")):
        assert (
            main(
                [
                    "score",
                    t,
                    "--vendor",
                    "A",
                    "--evaluator",
                    evaluator,
                    "--requirement",
                    pk,
                    "--points",
                    points,
                ]
            )
            == 0
        )
    capsys.readouterr()
    assert main(["consensus", t, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "disagreements": [
            {"vendor": "A", "requirement": pk, "points": {"Bo": "6.5", "Eva": "8", "Ida": "8"}}
        ]
    }
    # no reason: exit 2, one line, nothing recorded
    assert main(["consensus", t, "--vendor", "A", "--requirement", pk, "--points", "7"]) == 2
    err = capsys.readouterr().err
    assert "--why" in err and len(err.strip().splitlines()) == 1
    assert (
        main(
            [
                "consensus",
                t,
                "--vendor",
                "A",
                "--requirement",
                pk,
                "--points",
                "7.5",
                "--why",
                "Løsningen er velbeskrevet",
                "--by",
                "Udvalget",
            ]
        )
        == 0
    )
    assert (
        main(
            [
                "score",
                t,
                "--vendor",
                "A",
                "--evaluator",
                "Eva",
                "--requirement",
                pk,
                "--points",
                "11",
            ]
        )
        == 2
    )
    assert "uden for skalaen" in capsys.readouterr().err
    assert (
        main(["confirm", t, "--vendor", "A", "--compliant", "yes", "--why", "ok", "--by", "Jurist"])
        == 0
    )
    ev = load_overrides(tender.with_name("tender.evaluation.yaml"), spec)
    assert ev.consensus_for("A", pk).why == "Løsningen er velbeskrevet"
    assert ev.confirmation("A").compliant is True
    assert len(ev.scores) == 3


def test_scoring_sheet_round_trip(spec, tender, tmp_path, capsys):
    sheet = tmp_path / "eva.xlsx"
    assert (
        main(
            [
                "score-sheet",
                str(tender),
                "--evaluator",
                "Eva",
                "--out",
                str(sheet),
                "--vendor",
                "A",
                "--vendor",
                "B",
            ]
        )
        == 0
    )
    wb = load_workbook(sheet)
    ws = wb.worksheets[0]
    header = [c.value for c in ws[5]]
    assert header == [
        "Leverandør",
        "Krav-ID",
        "Krav",
        "Leverandørens beskrivelse",
        "Point",
        "Begrundelse",
    ]
    rows = list(ws.iter_rows(min_row=6))
    assert len(rows) == 2 * len(_pks(spec))
    rows[0][4].value = 7.5
    rows[1][4].value = "6,25"
    rows[1][5].value = "Mangler detaljer"
    out = BytesIO()
    wb.save(out)
    sheet.write_bytes(out.getvalue())
    assert main(["score", str(tender), "--import", str(sheet)]) == 0
    ev = load_overrides(tender.with_name("tender.evaluation.yaml"), spec)
    by_key = {(s.vendor, s.requirement): s for s in ev.scores}
    first = by_key[(rows[0][0].value, rows[0][1].value)]
    assert (first.evaluator, first.points) == ("Eva", Decimal("7.5"))
    second = by_key[(rows[1][0].value, rows[1][1].value)]
    assert (second.points, second.why) == (Decimal("6.25"), "Mangler detaljer")
    # a value off the scale in the sheet: nothing of the sheet is saved
    rows[2][4].value = 12
    out = BytesIO()
    wb.save(out)
    sheet.write_bytes(out.getvalue())
    capsys.readouterr()
    assert main(["score", str(tender), "--import", str(sheet)]) == 2
    assert "uden for skalaen" in capsys.readouterr().err
    assert len(load_overrides(tender.with_name("tender.evaluation.yaml"), spec).scores) == 2


@pytest.mark.mutation_last  # 20 processes: about 18 s
def test_twenty_evaluators_scoring_at_once_all_keep_their_points(spec, tender, tmp_path):
    pk = _pks(spec)[0]
    start = tmp_path / "go"
    code = (
        "import sys, time, pathlib\n"
        "from procure.cli import main\n"
        f"go = pathlib.Path({str(start)!r})\n"
        "while not go.exists(): time.sleep(0.01)\n"
        f"sys.exit(main(['score', {str(tender)!r}, '--vendor', 'A', '--evaluator',"
        f" 'E' + sys.argv[1], '--requirement', {pk!r}, '--points', sys.argv[1]]))\n"
    )
    root = str(Path(__file__).resolve().parent.parent)
    procs = [
        subprocess.Popen([sys.executable, "-c", code, str(i % 11)], cwd=root) for i in range(20)
    ]
    start.write_text("go")
    assert [p.wait(timeout=120) for p in procs] == [0] * 20
    ev = load_overrides(tender.with_name("tender.evaluation.yaml"), spec)
    # eleven evaluators, nine of them entering the same points twice: each kept once
    assert sorted(s.evaluator for s in ev.scores) == sorted(f"E{i}" for i in range(11))
    assert {s.evaluator: s.points for s in ev.scores} == {f"E{i}": Decimal(i) for i in range(11)}
    assert len(ev.changes) == 11


def test_a_score_on_a_published_tender_marks_the_bids_opened(spec, tmp_path, capsys):
    import dataclasses

    from procure.tender import load_tender

    tender = tmp_path / "tender.yaml"
    save_tender(dataclasses.replace(sample_tender(), deadline="2099-01-15T12:00"), tender)
    assert main(["tender", "publish", str(tender)]) == 0
    capsys.readouterr()
    pk = _pks(spec)[0]
    args = ["score", str(tender), "--vendor", "A", "--evaluator", "Eva", "--requirement", pk]
    assert main([*args, "--points", "5"]) == 0
    assert "tilbud åbnet" in capsys.readouterr().err
    assert load_tender(tender).status == "tilbud åbnet"
    assert main([*args, "--points", "6", "--why", "rettet"]) == 0
    assert capsys.readouterr().err == ""  # said once


def test_an_override_or_a_reservation_decision_keeps_the_committees_entries(spec):
    """The wizard appends all of them to one evaluation: adding a point override or a decision
    on a reservation must not drop the scores, consensus and confirmations already there."""
    from procure.evaluation.overrides import append_override, append_reservation_decision

    pk = _pks(spec)[0]
    k = next(r.id for r in spec.requirements if r.kind == "K")
    ev = append_score(
        Overrides(), spec, vendor="A", evaluator="Eva", requirement_id=pk, points=7, now=NOW
    )
    ev = append_consensus(
        ev, spec, vendor="A", requirement_id=pk, points=7, why="Godt.", by="Eva", now=NOW
    )
    ev = append_confirmation(ev, spec, vendor="A", compliant=True, why="OK.", by="Eva", now=NOW)
    ev = append_override(
        ev, spec, vendor="A", requirement_id=pk, points="1", justification="Hånd.", by="Bo"
    )
    ev = append_reservation_decision(
        ev,
        spec,
        vendor="A",
        requirement_id=k,
        decision="priced",
        price="1000",
        justification="Pris.",
        by="Bo",
    )
    assert (len(ev.scores), len(ev.consensus), len(ev.confirmations)) == (1, 1, 1)
    assert len(ev.changes) == 2 and len(ev.entries) == 1 and len(ev.reservation_decisions) == 1
