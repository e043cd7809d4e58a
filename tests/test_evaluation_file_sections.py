"""The committee's sections of the evaluation file (scores, consensus, confirmations, changes)
as procure reads them back: every entry a person or another tool wrote is read exactly, and a
section in the wrong shape is refused with the section and the line where it goes wrong,
never a traceback and never an entry quietly dropped."""

from __future__ import annotations

from decimal import Decimal

import pytest

from procure.errors import ProcureError
from procure.evaluation.committee import ConsensusScore, EvaluatorScore, ScoreChange
from procure.evaluation.overrides import Confirmation, parse_overrides

HEAD = "overrides: []\n"  # line 1 of every file below


def refusal(text: str) -> str:
    with pytest.raises(ProcureError) as caught:
        parse_overrides(HEAD + text, "e.yaml")
    return str(caught.value)


def bad(section: str, line: int) -> str:
    return f"e.yaml:{line}: afsnittet '{section}' i evalueringsfilen er ikke udfyldt som forventet"


def test_every_section_is_read_exactly():
    overrides = parse_overrides(
        HEAD + "scores:\n"
        "  Leverandør A:\n"
        "    K1:\n"
        "      Eva: {points: '7.5', why: God}\n"
        "      Ole: {points: 6}\n"
        "    K2:\n"
        "      Eva: {points: 0}\n"
        "  B:\n"
        "    K1:\n"
        "      Eva: {points: '10'}\n"
        "consensus:\n"
        "  Leverandør A:\n"
        "    K1: {points: '7', why: Enige}\n"
        "    K2: {points: 1.5}\n"
        "confirmations:\n"
        "  - {vendor: Leverandør A, compliant: 'FALSE ', why: Mangler, by: Jurist, at: t1}\n"
        "  - {vendor: B, compliant: true, why: OK, by: Jurist, at: t2}\n"
        "  - {vendor: C, compliant: ' True', why: OK, by: Jurist, at: t3}\n"
        "changes:\n"
        "  - {vendor: B, requirement: K1, evaluator: Eva, who: Eva, when: t4, old: 9, new: 10,"
        " why: Rettet}\n"
        "  - {vendor: B, requirement: K1, who: Formand, when: t5, new: '8.25'}\n",
        "e.yaml",
    )
    assert overrides.scores == (
        EvaluatorScore("Leverandør A", "K1", "Eva", Decimal("7.5"), "God"),
        EvaluatorScore("Leverandør A", "K1", "Ole", Decimal(6), ""),
        EvaluatorScore("Leverandør A", "K2", "Eva", Decimal(0), ""),
        EvaluatorScore("B", "K1", "Eva", Decimal(10), ""),
    )
    assert overrides.consensus == (
        ConsensusScore("Leverandør A", "K1", Decimal(7), "Enige"),
        ConsensusScore("Leverandør A", "K2", Decimal("1.5"), ""),
    )
    assert overrides.confirmations == (
        Confirmation("Leverandør A", False, "Mangler", "Jurist", "t1"),
        Confirmation("B", True, "OK", "Jurist", "t2"),
        Confirmation("C", True, "OK", "Jurist", "t3"),
    )
    assert overrides.changes == (
        ScoreChange("B", "K1", "Eva", "t4", Decimal(9), Decimal(10), "Rettet", "Eva"),
        ScoreChange("B", "K1", "Formand", "t5", None, Decimal("8.25"), "", ""),
    )


def test_empty_sections_are_no_entries():
    overrides = parse_overrides(HEAD + "scores:\nconsensus: {}\nconfirmations: []\nchanges:\n", "e")
    assert (overrides.scores, overrides.consensus, overrides.confirmations) == ((), (), ())
    assert overrides.changes == ()


@pytest.mark.parametrize(
    "text, section, line",
    [
        # a section that is not a mapping (scores, consensus) or a list (the others): its key
        ("scores: 5\n", "scores", 2),
        ("scores:\n  - Leverandør A\n", "scores", 2),
        ("x: 1\nconsensus: [A]\n", "consensus", 3),
        ("confirmations: {vendor: A}\n", "confirmations", 2),
        ("x: 1\nchanges: tekst\n", "changes", 3),
        # a vendor or requirement that holds no mapping: its own line
        ("scores:\n  A: {}\n  B: 7\n", "scores", 4),
        ("scores:\n  A:\n    K1: {}\n    K2: [7]\n", "scores", 5),
        ("consensus:\n  A: {}\n  B: 7\n", "consensus", 4),
        # an entry without points, or with points that are no finite number: the evaluator's line
        ("scores:\n  A:\n    K1:\n      Eva: {points: 7}\n      Ole: {why: x}\n", "scores", 6),
        ("scores:\n  A:\n    K1:\n      Eva: '7'\n", "scores", 5),
        ("scores:\n  A:\n    K1:\n      Eva: {points: syv}\n", "scores", 5),
        ("scores:\n  A:\n    K1:\n      Eva: {points: .nan}\n", "scores", 5),
        ("scores:\n  A:\n    K1:\n      Eva: {points: .inf}\n", "scores", 5),
        ("scores:\n  A:\n    K1:\n      Eva: {points: [7]}\n", "scores", 5),
        ("consensus:\n  A:\n    K1: {points: 7}\n    K2: {why: x}\n", "consensus", 5),
        ("consensus:\n  A:\n    K1: 7\n", "consensus", 4),
        # a confirmation or change with a field missing or of the wrong kind: its item's line
        (
            "confirmations:\n"
            "  - {vendor: A, compliant: true, why: w, by: b, at: t}\n"
            "  - {vendor: B, compliant: true, why: w, by: b}\n",
            "confirmations",
            4,
        ),
        (
            "confirmations:\n  - {vendor: A, compliant: ja, why: w, by: b, at: t}\n",
            "confirmations",
            3,
        ),
        (
            "confirmations:\n  - {vendor: A, compliant: 1, why: w, by: b, at: t}\n",
            "confirmations",
            3,
        ),
        ("confirmations:\n  - {vendor: A, why: w, by: b, at: t}\n", "confirmations", 3),
        ("confirmations:\n  - A\n", "confirmations", 3),
        (
            "changes:\n"
            "  - {vendor: A, requirement: K1, who: w, when: t, new: 7}\n"
            "\n"
            "  - {vendor: A, requirement: K1, who: w, when: t}\n",
            "changes",
            5,
        ),
        ("changes:\n  - {vendor: A, requirement: K1, who: w, when: t, new: syv}\n", "changes", 3),
        (
            "changes:\n  - {vendor: A, requirement: K1, who: w, when: t, old: x, new: 7}\n",
            "changes",
            3,
        ),
        ("changes:\n  - {requirement: K1, who: w, when: t, new: 7}\n", "changes", 3),
        ("changes:\n  - 7\n", "changes", 3),
    ],
)
def test_a_section_in_the_wrong_shape_is_refused_with_its_line(text, section, line):
    assert refusal(text) == bad(section, line)
