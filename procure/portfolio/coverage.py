"""Where FKI is used and where it is still missing: the catalogue and the systems in, the
coverage out.

- the matrix: each system × each catalogue integration, used or not;
- the gaps: for each system with a category, the integrations the library recommends for that
  category (the library's own advice, not SKI 02.19's packages) that the system does not use.
  An integration counts as used when the system uses it or uses one that depends on it (a
  system on Organisation goes through Adgangsstyring for systemer), as a tender adds them;
- the contracts that end within N months, soonest first, with their gaps: the next tenders
  in which to demand FKI use (KOMBIT's note, section 7).
"""

from __future__ import annotations

import datetime as dt
from calendar import monthrange
from dataclasses import dataclass

from procure.library.model import Library
from procure.portfolio.records import SystemRecord

DEFAULT_MONTHS = 24


@dataclass(frozen=True)
class Gap:
    system: str
    category: str
    missing: tuple[str, ...]

    def to_data(self) -> dict:
        return {"system": self.system, "category": self.category, "missing": list(self.missing)}


@dataclass(frozen=True)
class Expiring:
    system: str
    contract_end: dt.date
    missing: tuple[str, ...]

    def to_data(self) -> dict:
        return {
            "system": self.system,
            "contract_end": self.contract_end.isoformat(),
            "missing": list(self.missing),
        }


@dataclass(frozen=True)
class MatrixRow:
    system: str
    business_area: str
    category: str
    # Per catalogue integration, in catalogue order: "used" (the system uses it), "implied"
    # (it uses one that depends on it), "missing" (recommended for its category, not used)
    # or "" (neither)
    cells: tuple[str, ...]


@dataclass(frozen=True)
class Coverage:
    library_version: str
    integrations: tuple[str, ...]  # the matrix's columns, in catalogue order
    matrix: tuple[MatrixRow, ...]  # sorted by system name
    gaps: tuple[Gap, ...]  # systems with at least one missing integration, by name
    expiring: tuple[Expiring, ...]  # soonest first
    months: int
    today: dt.date

    def to_data(self) -> dict:
        return {
            "library_version": self.library_version,
            "months": self.months,
            "today": self.today.isoformat(),
            "integrations": list(self.integrations),
            "matrix": [
                {
                    "system": row.system,
                    "business_area": row.business_area,
                    "category": row.category,
                    "integrations": {
                        i: cell for i, cell in zip(self.integrations, row.cells, strict=True)
                    },
                }
                for row in self.matrix
            ],
            "gaps": [g.to_data() for g in self.gaps],
            "expiring": [e.to_data() for e in self.expiring],
        }


def coverage_of(
    systems: list[SystemRecord],
    library: Library,
    *,
    months: int = DEFAULT_MONTHS,
    today: dt.date | None = None,
) -> Coverage:
    today = today or dt.date.today()
    horizon = add_months(today, months)
    columns = tuple(i.id for i in library.integrations)
    in_use = sorted((s for s in systems if s.removed_at is None), key=lambda s: s.name.casefold())
    matrix, gaps, missing_by_system = [], [], {}
    for system in in_use:
        implied = set(library.integration_closure(system.integrations))
        category = library.categories_by_code.get(system.category)
        recommended = category.recommended_integrations if category else ()
        missing = tuple(i for i in columns if i in recommended and i not in implied)
        missing_by_system[system.name] = missing
        if category and missing:
            gaps.append(Gap(system.name, system.category, missing))
        cells = []
        for integration in columns:
            if integration in system.integrations:
                cells.append("used")
            elif integration in implied:
                cells.append("implied")
            elif integration in missing:
                cells.append("missing")
            else:
                cells.append("")
        matrix.append(MatrixRow(system.name, system.business_area, system.category, tuple(cells)))
    expiring = sorted(
        (
            Expiring(s.name, s.contract_end, missing_by_system[s.name])
            for s in in_use
            if s.contract_end is not None and today <= s.contract_end <= horizon
        ),
        key=lambda e: (e.contract_end, e.system.casefold()),
    )
    return Coverage(
        library_version=library.version,
        integrations=columns,
        matrix=tuple(matrix),
        gaps=tuple(gaps),
        expiring=tuple(expiring),
        months=months,
        today=today,
    )


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` plus whole months; the 31st becomes the month's last day where it has none."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, monthrange(year, month)[1]))
