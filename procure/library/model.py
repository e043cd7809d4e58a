"""The requirement library as immutable plain data.

Everything here is a frozen dataclass of strings, ints and tuples: a loaded library cannot be
changed by accident, and two loads of the same release compare equal.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from procure.i18n import Message, t

KINDS = ("MK", "PK", "K", "O")
LANGUAGES = ("da", "en")


@dataclass(frozen=True)
class Text:
    """A text in Danish and English; Danish is the original."""

    da: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.da

    @classmethod
    def from_data(cls, data: Any) -> Text:
        if data is None:
            return cls("", "")
        return cls(str(data.get("da", "")), str(data.get("en", "")))

    def to_data(self) -> dict:
        return {"da": self.da, "en": self.en}


@dataclass(frozen=True)
class Reference:
    title: str
    link: str | None = None
    clause: str | None = None

    def to_data(self) -> dict:
        data = {"title": self.title}
        if self.link:
            data["link"] = self.link
        if self.clause:
            data["clause"] = self.clause
        return data


@dataclass(frozen=True)
class SFNumber:
    number: str
    label: Text


@dataclass(frozen=True)
class Integration:
    id: str
    name: Text
    kind: str
    sf_numbers: tuple[SFNumber, ...]
    description: Text
    depends_on: tuple[str, ...]
    documentation: str
    status: str
    aliases: tuple[str, ...] = ()

    @property
    def sf_list(self) -> str:
        return ", ".join(sf.number for sf in self.sf_numbers)


@dataclass(frozen=True)
class Category:
    code: str
    name: Text
    recommended_integrations: tuple[str, ...]
    recommended_kle: tuple[str, ...]


@dataclass(frozen=True)
class KleGroup:
    number: str
    title: str


@dataclass(frozen=True)
class Area:
    key: str
    prefix: str
    title: Text


@dataclass(frozen=True)
class ChangelogEntry:
    version: str
    date: str
    summary: Text


# The fields whose change alters what a vendor must meet; the stamp is a hash of these.
NORMATIVE_FIELDS = ("id", "kind", "weight", "title", "text", "answer")


@dataclass(frozen=True)
class Requirement:
    id: str
    area: str
    kind: str
    weight: int | None
    title: Text
    text: Text
    guidance: Text
    answer: Text
    integrations: tuple[str, ...]
    categories: tuple[str, ...] | None  # None means every category
    kle: tuple[str, ...]
    references: tuple[Reference, ...]
    status: str
    since: str
    replaced_by: str | None = None
    deprecation_reason: Text | None = None

    @property
    def active(self) -> bool:
        return self.status == "active"

    def applies_to_category(self, code: str) -> bool:
        return self.categories is None or code in self.categories

    @property
    def stamp(self) -> str:
        return requirement_stamp(self.to_data())

    def to_data(self) -> dict:
        """The requirement as the canonical dict written to releases and exports."""
        data: dict[str, Any] = {
            "id": self.id,
            "area": self.area,
            "kind": self.kind,
            "title": self.title.to_data(),
            "text": self.text.to_data(),
            "guidance": self.guidance.to_data(),
            "answer": self.answer.to_data(),
            "integrations": list(self.integrations),
            "categories": "all" if self.categories is None else list(self.categories),
            "kle": list(self.kle),
            "references": [ref.to_data() for ref in self.references],
            "status": self.status,
            "since": self.since,
        }
        if self.weight is not None:
            data["weight"] = self.weight
        if self.replaced_by:
            data["replaced_by"] = self.replaced_by
        if self.deprecation_reason is not None:
            data["deprecation_reason"] = self.deprecation_reason.to_data()
        return data


def requirement_stamp(data: dict) -> str:
    """SHA-256 of a requirement's normative fields, in canonical JSON."""
    normative = {key: data.get(key) for key in NORMATIVE_FIELDS}
    canonical = json.dumps(normative, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Library:
    """One version of the requirement library. Immutable; look-ups are read-only views."""

    name: str
    version: str
    changelog: tuple[ChangelogEntry, ...]
    areas: tuple[Area, ...]
    integrations: tuple[Integration, ...]
    categories: tuple[Category, ...]
    kle_groups: tuple[KleGroup, ...]
    requirements: tuple[Requirement, ...]
    category_advice: Text = Text("", "")  # says the category recommendations are advice
    source: str = ""
    _index: Any = field(default=None, repr=False, compare=False)

    def __post_init__(self):
        index = {
            "requirement": MappingProxyType({r.id: r for r in self.requirements}),
            "integration": MappingProxyType({i.id: i for i in self.integrations}),
            "category": MappingProxyType({c.code: c for c in self.categories}),
            "area": MappingProxyType({a.key: a for a in self.areas}),
            "kle": MappingProxyType({k.number: k for k in self.kle_groups}),
        }
        object.__setattr__(self, "_index", MappingProxyType(index))

    @property
    def requirements_by_id(self) -> MappingProxyType:
        return self._index["requirement"]

    @property
    def integrations_by_id(self) -> MappingProxyType:
        return self._index["integration"]

    @property
    def categories_by_code(self) -> MappingProxyType:
        return self._index["category"]

    @property
    def areas_by_key(self) -> MappingProxyType:
        return self._index["area"]

    @property
    def kle_by_number(self) -> MappingProxyType:
        return self._index["kle"]

    @property
    def active_requirements(self) -> tuple[Requirement, ...]:
        return tuple(r for r in self.requirements if r.active)

    def requirement(self, requirement_id: str) -> Requirement:
        """The requirement with this id; ProcureError with a suggestion when unknown."""
        try:
            return self.requirements_by_id[requirement_id]
        except KeyError:
            from procure.errors import ProcureError

            raise ProcureError(
                unknown_id_message("krav", requirement_id, self.requirements_by_id)
            ) from None

    def integration_closure(self, ids) -> tuple[str, ...]:
        """The given integrations plus everything they depend on, in catalogue order."""
        wanted: set[str] = set()
        stack = list(ids)
        while stack:
            current = stack.pop()
            if current in wanted:
                continue
            wanted.add(current)
            integration = self.integrations_by_id.get(current)
            if integration is not None:
                stack.extend(integration.depends_on)
        return tuple(i.id for i in self.integrations if i.id in wanted) + tuple(
            sorted(i for i in wanted if i not in self.integrations_by_id)
        )

    def to_data(self) -> dict:
        """The whole library as one JSON-ready document (the export and release shape)."""
        return {
            "name": self.name,
            "version": self.version,
            "changelog": [
                {"version": c.version, "date": c.date, "summary": c.summary.to_data()}
                for c in self.changelog
            ],
            "areas": [
                {"key": a.key, "prefix": a.prefix, "title": a.title.to_data()} for a in self.areas
            ],
            "integrations": [_integration_data(i) for i in self.integrations],
            "category_advice": self.category_advice.to_data(),
            "categories": [
                {
                    "code": c.code,
                    "name": c.name.to_data(),
                    "recommended_integrations": list(c.recommended_integrations),
                    "recommended_kle": list(c.recommended_kle),
                }
                for c in self.categories
            ],
            "kle": [{"number": k.number, "title": k.title} for k in self.kle_groups],
            "requirements": [r.to_data() for r in self.requirements],
        }


def _integration_data(integration: Integration) -> dict:
    return {
        "id": integration.id,
        "name": integration.name.to_data(),
        "aliases": list(integration.aliases),
        "kind": integration.kind,
        "sf_numbers": [
            {"number": s.number, "label": s.label.to_data()} for s in integration.sf_numbers
        ],
        "description": integration.description.to_data(),
        "depends_on": list(integration.depends_on),
        "documentation": integration.documentation,
        "status": integration.status,
    }


def unknown_id_message(what: str | Message, wanted: str, known) -> Message:
    """ "ukendt krav 'X'; mente du Y?". `what` names the kind of thing, in Danish: "krav",
    "integration", "kategori", "KLE-hovedgruppe" or "område" (or `t("krav")` etc.)."""
    import difflib

    close = difflib.get_close_matches(wanted, list(known), n=3, cutoff=0.6)
    message = unknown_message(what, wanted)
    if close:
        return t(
            "{message}; mente du {suggestions}?", message=message, suggestions=", ".join(close)
        )
    return message


# "ukendt krav 'X'": one whole sentence per kind of thing the library has, so each can be
# translated as a whole
_UNKNOWN = {
    "krav": t("ukendt krav '{ref}'"),
    "integration": t("ukendt integration '{ref}'"),
    "kategori": t("ukendt kategori '{ref}'"),
    "KLE-hovedgruppe": t("ukendt KLE-hovedgruppe '{ref}'"),
    "område": t("ukendt område '{ref}'"),
}


def unknown_message(what: str | Message, ref: str) -> Message:
    """ "ukendt krav 'X'"; `what` is the Danish name of the kind, plain or as `t("krav")`."""
    kind = what.template if isinstance(what, Message) else what
    if kind in _UNKNOWN:
        return _UNKNOWN[kind].filled(ref=ref)
    return t("ukendt {what} '{ref}'", what=what, ref=ref)


def library_from_data(data: dict, source: str = "") -> Library:
    """Build a Library from validated plain data (a YAML folder's content or a release)."""
    return Library(
        name=str(data["name"]),
        version=str(data["version"]),
        changelog=tuple(
            ChangelogEntry(str(c["version"]), str(c["date"]), Text.from_data(c["summary"]))
            for c in data.get("changelog", ())
        ),
        areas=tuple(
            Area(a["key"], a["prefix"], Text.from_data(a["title"])) for a in data.get("areas", ())
        ),
        integrations=tuple(
            Integration(
                id=i["id"],
                name=Text.from_data(i["name"]),
                kind=i["kind"],
                sf_numbers=tuple(
                    SFNumber(s["number"], Text.from_data(s.get("label")))
                    for s in i.get("sf_numbers", ())
                ),
                description=Text.from_data(i["description"]),
                depends_on=tuple(i.get("depends_on", ())),
                documentation=i.get("documentation", ""),
                status=i["status"],
                aliases=tuple(i.get("aliases", ())),
            )
            for i in data.get("integrations", ())
        ),
        categories=tuple(
            Category(
                c["code"],
                Text.from_data(c["name"]),
                tuple(c.get("recommended_integrations", ())),
                tuple(c.get("recommended_kle", ())),
            )
            for c in data.get("categories", ())
        ),
        kle_groups=tuple(KleGroup(k["number"], k["title"]) for k in data.get("kle", ())),
        requirements=tuple(requirement_from_data(r) for r in data.get("requirements", ())),
        category_advice=Text.from_data(data.get("category_advice")),
        source=source,
    )


def requirement_from_data(r: dict) -> Requirement:
    categories = r.get("categories", "all")
    reason = r.get("deprecation_reason")
    return Requirement(
        id=r["id"],
        area=r["area"],
        kind=r["kind"],
        weight=r.get("weight"),
        title=Text.from_data(r["title"]),
        text=Text.from_data(r["text"]),
        guidance=Text.from_data(r.get("guidance")),
        answer=Text.from_data(r.get("answer")),
        integrations=tuple(r.get("integrations", ())),
        categories=None if categories == "all" else tuple(categories),
        kle=tuple(r.get("kle", ())),
        references=tuple(
            Reference(ref["title"], ref.get("link"), ref.get("clause"))
            for ref in r.get("references", ())
        ),
        status=r.get("status", "active"),
        since=str(r.get("since", "")),
        replaced_by=r.get("replaced_by"),
        deprecation_reason=Text.from_data(reason) if reason is not None else None,
    )
