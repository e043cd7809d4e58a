"""What changed between two library versions: added, removed, deprecated, changed, and why.

The why is the changelog: the entries of the versions after the old one up to the new one."""

from __future__ import annotations

from dataclasses import dataclass

from procure.i18n import current_language, t
from procure.library.model import ChangelogEntry, Library


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
    # Why: the changelog entries after the old version up to and including the new one
    changelog: tuple[ChangelogEntry, ...] = ()
    # Catalogue entries (integrations.yaml) that differ, by id
    integrations_changed: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.deprecated or self.changed)

    def to_data(self) -> dict:
        return {
            "old_version": self.old_version,
            "new_version": self.new_version,
            "changelog": [
                {"version": c.version, "date": c.date, "summary": c.summary.to_data()}
                for c in self.changelog
            ],
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
            "integrations_changed": list(self.integrations_changed),
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
    return LibraryDiff(
        old.version,
        new.version,
        added,
        removed,
        deprecated,
        tuple(changed),
        changelog_between(new, old.version, new.version),
        _integrations_changed(old, new),
    )


def changelog_between(library: Library, old_version: str, new_version: str):
    """The library's changelog entries newer than `old_version`, up to `new_version`, newest
    first (an empty tuple when the versions are the same or go backwards)."""
    low, high = _version_key(old_version), _version_key(new_version)
    return tuple(entry for entry in library.changelog if low < _version_key(entry.version) <= high)


def _integrations_changed(old: Library, new: Library) -> tuple[str, ...]:
    before = {i.id: i for i in old.integrations}
    after = {i.id: i for i in new.integrations}
    return tuple(
        sorted(key for key in before.keys() | after.keys() if before.get(key) != after.get(key))
    )


def _version_key(version: str) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in version.split("."))
    except ValueError:
        return (0,)


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


# Requirement fields by their Danish name, for the changed-fields line of the text diff
_FIELD_NAMES = {
    "title": t("titel"),
    "text": t("kravtekst"),
    "answer": t("besvarelse"),
    "guidance": t("vejledning"),
    "kind": t("kravtype"),
    "weight": t("vægt"),
    "references": t("referencer"),
    "integrations": t("integrationer"),
    "categories": t("kategorier"),
    "kle": t("KLE"),
    "status": t("status"),
    "replaced_by": t("erstattet af"),
    "deprecation_reason": t("begrundelse for udfasning"),
    "since": t("siden"),
}
# Shown before and after in full: the fields that change what a vendor must meet
_SHOWN_IN_FULL = ("kind", "weight", "title", "text", "answer")


def format_diff_text(
    diff: LibraryDiff, old: Library | None = None, new: Library | None = None
) -> str:
    """The diff as text for people, in the language in force: why (the changelog), then what.

    With the two libraries, added and deprecated requirements are shown with their titles and
    replacements; changed ones list the fields that changed and show the normative ones (kind,
    weight, title, text, answer) before and after in the language in force."""
    lang = current_language()
    lines = [str(t("Ændringer fra {old} til {new}", old=diff.old_version, new=diff.new_version))]
    if diff.changelog:
        lines.append(str(t("Hvorfor (changelog):")))
        for entry in diff.changelog:
            summary = " ".join((entry.summary.get(lang) or entry.summary.da).split())
            lines.append(f"  {entry.version} ({entry.date}): {summary}")
    if diff.empty:
        lines.append(str(t("Ingen ændringer i kravene.")))
        return "\n".join(lines) + "\n"
    if diff.added:
        lines.append(
            str(t("Tilføjet ({count}): {ids}", count=len(diff.added), ids=", ".join(diff.added)))
        )
        if new is not None:
            for rid in diff.added:
                lines.append(f"  {rid}  {new.requirements_by_id[rid].title.get(lang)}")
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
        if new is not None:
            for rid in diff.deprecated:
                lines.append("  " + _deprecation_line(new.requirements_by_id[rid], lang))
    if diff.changed:
        lines.append(str(t("Ændret ({count}):", count=len(diff.changed))))
        for change in diff.changed:
            title = ""
            if new is not None and change.id in new.requirements_by_id:
                title = "  " + new.requirements_by_id[change.id].title.get(lang)
            lines.append(f"  {change.id}{title}")
            names = ", ".join(field_labels(change))
            lines.append("    " + str(t("felter: {fields}", fields=names)))
            for f in change.fields:
                top, _, suffix = f.field.partition(".")
                if top not in _SHOWN_IN_FULL or (suffix and suffix != lang):
                    continue
                lines.append(f"    {_FIELD_NAMES[top]}:")
                lines.append("      " + str(t("før: {value}", value=_one_line(f.old))))
                lines.append("      " + str(t("nu:  {value}", value=_one_line(f.new))))
    if diff.integrations_changed:
        lines.append(
            str(
                t(
                    "Integrationskataloget ændret: {ids}",
                    ids=", ".join(diff.integrations_changed),
                )
            )
        )
    return "\n".join(lines) + "\n"


def field_labels(change: RequirementChange) -> list[str]:
    """The changed fields by name in the language in force, each once ("kravtekst, vægt")."""
    names: list[str] = []
    for f in change.fields:
        name = _FIELD_NAMES.get(f.field.split(".")[0])
        label = str(name) if name is not None else f.field
        if label not in names:
            names.append(label)
    return names


def _deprecation_line(requirement, lang: str) -> str:
    line = requirement.id
    if requirement.replaced_by:
        line += " → " + requirement.replaced_by
    if requirement.deprecation_reason is not None:
        reason = requirement.deprecation_reason.get(lang) or requirement.deprecation_reason.da
        line += ": " + " ".join(reason.split())
    return line


def _one_line(value: object) -> object:
    return " ".join(value.split()) if isinstance(value, str) else value
