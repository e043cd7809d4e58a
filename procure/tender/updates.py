"""What a newer library release changes in the requirements a tender uses.

A tender stays pinned to its release and keeps building the same documents; this only tells
the officer that a later release corrects or retires requirements the tender uses, so the
officer can decide whether to move the tender to it. Pure: two libraries in, updates out."""

from __future__ import annotations

from dataclasses import dataclass

from procure.library.diff import diff_libraries
from procure.library.model import Library
from procure.tender.model import Tender


@dataclass(frozen=True)
class RequirementUpdate:
    """One of the tender's requirements as the newer release has it."""

    id: str
    retired: bool  # deprecated (or removed) in the newer release
    replaced_by: str | None
    fields: tuple[str, ...]  # names of the changed fields, in the language in force


@dataclass(frozen=True)
class ReleaseUpdates:
    pinned: str
    newer: str
    updates: tuple[RequirementUpdate, ...]

    @property
    def retired(self) -> tuple[RequirementUpdate, ...]:
        return tuple(u for u in self.updates if u.retired)

    @property
    def changed(self) -> tuple[RequirementUpdate, ...]:
        return tuple(u for u in self.updates if not u.retired)


def release_updates(tender: Tender, pinned: Library, newer: Library) -> ReleaseUpdates:
    """The tender's library requirements that `newer` retires or changes, in tender order."""
    from procure.library.diff import field_labels

    diff = diff_libraries(pinned, newer)
    changed = {c.id: c for c in diff.changed}
    used = [s.id for s in tender.requirements if s.id in pinned.requirements_by_id]
    updates = []
    for rid in used:
        after = newer.requirements_by_id.get(rid)
        if after is None or (not after.active and pinned.requirements_by_id[rid].active):
            replaced_by = after.replaced_by if after is not None else None
            updates.append(RequirementUpdate(rid, True, replaced_by, ()))
        elif rid in changed:
            updates.append(RequirementUpdate(rid, False, None, tuple(field_labels(changed[rid]))))
    return ReleaseUpdates(pinned.version, newer.version, tuple(updates))
