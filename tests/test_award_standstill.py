"""What procure counts as a working day when it moves the end of the standstill period
(procure/award/standstill.py states the choice; tests/award_cases/standstill.yaml has dates)."""

from __future__ import annotations

import datetime as dt

import pytest

from procure.award.standstill import day_off_name, is_working_day, standstill_ends


@pytest.mark.parametrize(
    ("day", "name"),
    [
        ("2026-01-01", "Nytårsdag"),
        ("2026-04-02", "Skærtorsdag"),
        ("2026-04-03", "Langfredag"),
        ("2026-04-06", "Anden påskedag"),
        ("2026-05-14", "Kristi himmelfartsdag"),
        ("2026-05-25", "Anden pinsedag"),
        ("2026-12-25", "Juledag"),
        ("2023-05-05", "Store bededag"),  # abolished from 2024
        ("2026-06-05", "Grundlovsdag"),  # no helligdag, but a day off here (offices close)
        ("2026-12-24", "Juleaftensdag"),  # likewise
        ("2026-12-31", "Nytårsaftensdag"),  # likewise
        ("2026-01-17", "Lørdag"),
        ("2026-01-18", "Søndag"),
    ],
)
def test_days_off(day, name):
    date = dt.date.fromisoformat(day)
    assert not is_working_day(date)
    assert day_off_name(date) == name


@pytest.mark.parametrize(
    "day",
    [
        "2026-05-01",  # 1 May: a working day in public offices
        "2024-04-26",  # the Friday that was store bededag until 2023
        "2026-12-23",
        "2027-01-04",
        "2026-01-16",
    ],
)
def test_working_days(day):
    date = dt.date.fromisoformat(day)
    assert is_working_day(date)
    assert day_off_name(date) is None


def test_the_period_counts_from_the_day_after_sending_and_never_ends_on_a_day_off():
    start = dt.date(2026, 1, 1)
    for offset in range(0, 800):
        sent = start + dt.timedelta(days=offset)
        for electronic, days in ((True, 10), (False, 15)):
            ends = standstill_ends(sent, electronic=electronic)
            assert is_working_day(ends)
            assert ends >= sent + dt.timedelta(days=days)
            # only days off lie between the plain end and the moved one
            moved = sent + dt.timedelta(days=days)
            while moved < ends:
                assert not is_working_day(moved)
                moved += dt.timedelta(days=1)


def test_a_decision_is_taken_as_sent_electronically_unless_said_otherwise():
    sent = dt.date(2027, 3, 3)  # a Wednesday: ten days on is Saturday 13 March, then Monday
    assert standstill_ends(sent) == dt.date(2027, 3, 15)
    assert standstill_ends(sent, electronic=False) == dt.date(2027, 3, 18)
