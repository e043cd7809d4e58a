"""The end of the standstill period (lov om Klagenævnet for Udbud § 3, LBK nr. 448 af 8. maj
2025): 10 calendar days counted from the day after the award decision was sent electronically,
15 when it was sent otherwise; a period that ends on a day that is not a working day runs to
the next working day (Klagenævnet applies Regulation (EEC, Euratom) No 1182/71, art. 3(4)).

What counts as a working day here — a choice, stated because the letters print the date:

- Not Saturdays or Sundays.
- Not the Danish public holidays (helligdage) of the `holidays` package's Denmark calendar
  (public category): nytårsdag, skærtorsdag, langfredag, påskedag, 2. påskedag, (store bededag
  until 2023), Kristi himmelfartsdag, pinsedag, 2. pinsedag, juledag, 2. juledag.
- Not grundlovsdag (5 June), juleaftensdag (24 December) or nytårsaftensdag (31 December)
  either. They are not helligdage by law, but public offices are closed and several Danish
  statutes extend a deadline past them; counting them as days off can only make the period
  end later. A later end never lets a contract be signed inside the standstill period (which
  could make it ineffective, § 16); an earlier one could. 1 May is a working day.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import holidays

ELECTRONIC_DAYS = 10
OTHERWISE_DAYS = 15
# Days public offices close although they are no helligdag (see the module's docstring).
CLOSING_DAYS = ((6, 5), (12, 24), (12, 31))


def standstill_ends(sent_on: dt.date, *, electronic: bool = True) -> dt.date:
    """The last day of the standstill period for a decision sent on `sent_on`: the contract
    may be signed from the day after it."""
    days = ELECTRONIC_DAYS if electronic else OTHERWISE_DAYS
    end = sent_on + dt.timedelta(days=days)  # day 1 is the day after sending
    while not is_working_day(end):
        end += dt.timedelta(days=1)
    return end


def is_working_day(day: dt.date) -> bool:
    """Monday to Friday, not a Danish public holiday, not 5 June, 24 or 31 December."""
    if day.weekday() >= 5 or (day.month, day.day) in CLOSING_DAYS:
        return False
    return day not in _danish_holidays(day.year)


def day_off_name(day: dt.date) -> str | None:
    """Why `day` is no working day, in Danish (for a letter or a test), or None."""
    if (day.month, day.day) in CLOSING_DAYS:
        return {(6, 5): "Grundlovsdag", (12, 24): "Juleaftensdag", (12, 31): "Nytårsaftensdag"}[
            (day.month, day.day)
        ]
    name = _danish_holidays(day.year).get(day)
    if name:
        return name
    if day.weekday() >= 5:
        return "Lørdag" if day.weekday() == 5 else "Søndag"
    return None


@cache
def _danish_holidays(year: int) -> holidays.HolidayBase:
    import holidays  # on first use: the wizard's first page imports procure.award

    return holidays.country_holidays("DK", years=year, language="da")
