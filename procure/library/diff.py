"""What changed between two library versions: added, removed, deprecated, changed."""

from __future__ import annotations

from dataclasses import dataclass

from procure.i18n import t
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
    """The diff as text for people, in the language in force."""
    lines = [str(t("Ændringer fra {old} til {new}", old=diff.old_version, new=diff.new_version))]
    if diff.empty:
        lines.append(str(t("Ingen ændringer i kravene.")))
        return "\n".join(lines) + "\n"
    if diff.added:
        lines.append(
            str(t("Tilføjet ({count}): {ids}", count=len(diff.added), ids=", ".join(diff.added)))
        )
    if diff.removed:
        lines.append(
            str(t("Fjernet ({count}): {ids}", count=len(diff.removed), ids=", ".join(diff.removed)))
        )
    if diff.deprecated:
        lines.append(
            str(
                t(
                    "Udfaset ({count}): {ids}",
                    count=len(diff.deprecated),
                    ids=", ".join(diff.deprecated),
                )
            )
        )
    if diff.changed:
        lines.append(str(t("Ændret ({count}):", count=len(diff.changed))))
        for change in diff.changed:
            lines.append(f"  {change.id}:")
            for f in change.fields:
                lines.append(f"    {f.field}:")
                lines.append("      " + str(t("før: {value}", value=f.old)))
                lines.append("      " + str(t("nu:  {value}", value=f.new)))
    return "\n".join(lines) + "\n"
