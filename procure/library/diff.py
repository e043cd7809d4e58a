"""What changed between two library versions: added, removed, deprecated, changed."""

from __future__ import annotations

from dataclasses import dataclass

from procure.library.model import Library


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: object
    new: object


@dataclass(frozen=True)
class RequirementChange:
    id: str
    fields: tuple[FieldChange, ...]


@dataclass(frozen=True)
class LibraryDiff:
    old_version: str
    new_version: str
    added: tuple[str, ...]
    removed: tuple[str, ...]
    deprecated: tuple[str, ...]
    changed: tuple[RequirementChange, ...]

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.deprecated or self.changed)

    def to_data(self) -> dict:
        return {
            "old_version": self.old_version,
            "new_version": self.new_version,
            "added": list(self.added),
            "removed": list(self.removed),
            "deprecated": list(self.deprecated),
            "changed": [
                {
                    "id": c.id,
                    "fields": [{"field": f.field, "old": f.old, "new": f.new} for f in c.fields],
                }
                for c in self.changed
            ],
        }


def diff_libraries(old: Library, new: Library) -> LibraryDiff:
    """Compare two libraries requirement by requirement (by id)."""
    old_reqs, new_reqs = old.requirements_by_id, new.requirements_by_id
    added = tuple(r.id for r in new.requirements if r.id not in old_reqs)
    removed = tuple(r.id for r in old.requirements if r.id not in new_reqs)
    deprecated = tuple(
        r.id
        for r in new.requirements
        if not r.active and (r.id in old_reqs and old_reqs[r.id].active)
    )
    changed = []
    for req in new.requirements:
        before = old_reqs.get(req.id)
        if before is None:
            continue
        fields = _field_changes(before.to_data(), req.to_data())
        if fields:
            changed.append(RequirementChange(req.id, tuple(fields)))
    return LibraryDiff(old.version, new.version, added, removed, deprecated, tuple(changed))


def _field_changes(old: dict, new: dict, prefix: str = "") -> list[FieldChange]:
    out = []
    for key in sorted(set(old) | set(new)):
        a, b = old.get(key), new.get(key)
        if a == b:
            continue
        if isinstance(a, dict) and isinstance(b, dict):
            out.extend(_field_changes(a, b, f"{prefix}{key}."))
        else:
            out.append(FieldChange(f"{prefix}{key}", a, b))
    return out


def format_diff_text(diff: LibraryDiff) -> str:
    lines = [f"Ændringer fra {diff.old_version} til {diff.new_version}"]
    if diff.empty:
        lines.append("Ingen ændringer i kravene.")
        return "\n".join(lines) + "\n"
    for title, ids in (
        ("Tilføjet", diff.added),
        ("Fjernet", diff.removed),
        ("Udfaset", diff.deprecated),
    ):
        if ids:
            lines.append(f"{title} ({len(ids)}): {', '.join(ids)}")
    if diff.changed:
        lines.append(f"Ændret ({len(diff.changed)}):")
        for change in diff.changed:
            lines.append(f"  {change.id}:")
            for f in change.fields:
                lines.append(f"    {f.field}:")
                lines.append(f"      før: {f.old}")
                lines.append(f"      nu:  {f.new}")
    return "\n".join(lines) + "\n"
