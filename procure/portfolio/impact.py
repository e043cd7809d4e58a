"""Who is hit when a component is down: the catalogue and the systems in, the hit systems out.

A system is hit when it uses the component itself, or uses an integration that depends on it
through the catalogue's `depends_on` (Organisation down hits the systems that use Sags- og
Dokumentindeks, because the index depends on Organisation). Each hit system carries the path
(`via`) from the integration it uses down to the component, the shortest there is.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from procure.library.model import Library
from procure.portfolio.records import CRITICALITY_RANK, SystemRecord


@dataclass(frozen=True)
class Affected:
    system: str
    business_area: str
    owner: str
    criticality: str
    channel: str
    via: tuple[str, ...]  # catalogue ids from the integration the system uses to the component
    kle: tuple[str, ...] = ()

    def to_data(self) -> dict:
        return {
            "system": self.system,
            "business_area": self.business_area,
            "owner": self.owner,
            "criticality": self.criticality,
            "channel": self.channel,
            "via": list(self.via),
        }


@dataclass(frozen=True)
class Impact:
    component: str  # catalogue id
    library_version: str
    affected: tuple[Affected, ...]  # most critical first, then business area, then name

    def by_business_area(self) -> list[tuple[str, tuple[Affected, ...]]]:
        """The hit systems grouped by business area; the area with the most critical system
        first, then by name; inside each area most critical first."""
        groups: dict[str, list[Affected]] = {}
        for item in self.affected:
            groups.setdefault(item.business_area, []).append(item)
        ordered = sorted(
            groups.items(),
            key=lambda kv: (min(_rank(a.criticality) for a in kv[1]), kv[0].casefold()),
        )
        return [(area, tuple(items)) for area, items in ordered]

    def to_data(self) -> dict:
        return {
            "component": self.component,
            "library_version": self.library_version,
            "affected": [a.to_data() for a in self.affected],
        }


def paths_to(component: str, library: Library) -> dict[str, tuple[str, ...]]:
    """For every integration that is, or depends (directly or not) on, `component`: the
    shortest path from it down to the component, ties broken by catalogue order."""
    dependants: dict[str, list[str]] = {}
    for integration in library.integrations:  # catalogue order, so ties are stable
        for needed in integration.depends_on:
            dependants.setdefault(needed, []).append(integration.id)
    paths = {component: (component,)}
    queue = deque([component])
    while queue:
        current = queue.popleft()
        for dependant in dependants.get(current, ()):
            if dependant not in paths:
                paths[dependant] = (dependant, *paths[current])
                queue.append(dependant)
    return paths


def impact_of(component: str, systems: list[SystemRecord], library: Library) -> Impact:
    """The systems hit when `component` (a catalogue id; see catalogue.resolve_component) is
    down, each with its `via` path."""
    paths = paths_to(component, library)
    order = {integration.id: i for i, integration in enumerate(library.integrations)}
    affected = []
    for system in systems:
        if system.removed_at is not None:
            continue
        reached = [paths[i] for i in system.integrations if i in paths]
        if not reached:
            continue
        via = min(reached, key=lambda p: (len(p), order.get(p[0], len(order)), p[0]))
        affected.append(
            Affected(
                system=system.name,
                business_area=system.business_area,
                owner=system.owner,
                criticality=system.criticality,
                channel=system.channel,
                via=via,
                kle=system.kle,
            )
        )
    affected.sort(
        key=lambda a: (_rank(a.criticality), a.business_area.casefold(), a.system.casefold())
    )
    return Impact(component, library.version, tuple(affected))


def _rank(criticality: str) -> int:
    return CRITICALITY_RANK.get(criticality, len(CRITICALITY_RANK))
