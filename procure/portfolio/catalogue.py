"""The integration catalogue as the portfolio reads it: the library release in force, and
finding a catalogue entry from what a person or a KITOS export calls it.

A component can be named by its catalogue id (`organisation`), an SF number (`SF1500`), its
Danish or English name, or an alias (`STS Organisation`); case and spacing do not matter.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from procure.errors import ProcureError
from procure.i18n import t
from procure.library.model import Integration, Library

_SF = re.compile(r"\bSF\s?-?(\d{4}(?:_[A-Z])?)\b", re.IGNORECASE)


def library_in_force(library: str | Path | None = None) -> Library:
    """The newest released version of the library (the one a new tender would use), or the
    given release/folder (`library`: a version, a folder or a release file)."""
    from procure.library import load_library, load_release, open_library, released_versions

    if library:
        return open_library(library)
    versions = released_versions()
    return load_release(versions[-1]) if versions else load_library()


def resolve_component(text: str, library: Library) -> str:
    """The catalogue id `text` names; ProcureError with the nearest names when it names none,
    or names several (an SF number shared by two entries)."""
    found = _candidates(text, library)
    if len(found) == 1:
        return found[0]
    if found:
        raise ProcureError(
            t(
                "'{text}' passer på flere integrationer: {ids}; angiv katalog-id'et",
                text=text,
                ids=", ".join(found),
            )
        )
    raise ProcureError(unknown_integration(text, library))


def unknown_integration(text: str, library: Library):
    """ "ukendt integration 'X'; nærmeste: …" naming ids, SF numbers and names close to X."""
    names = _names(library)
    close = difflib.get_close_matches(_key(text), list(names), n=3, cutoff=0.6)
    shown = []
    for key in close:
        label = names[key]
        if label not in shown:
            shown.append(label)
    if shown:
        return t(
            "ukendt integration '{text}'; nærmeste: {names}", text=text, names="; ".join(shown)
        )
    return t(
        "ukendt integration '{text}'; brug et katalog-id, et SF-nummer eller et navn fra "
        "kataloget (procure library export)",
        text=text,
    )


def match_interface(texts: list[str], library: Library) -> str | None:
    """The catalogue id a KITOS interface or exposing system stands for, or None when it is
    not an FKI integration. Each text is tried in turn: its whole name, then the SF numbers
    in it; an SF number shared by several entries is settled by a name in the same text."""
    for text in texts:
        if not text:
            continue
        exact = _by_name(library).get(_key(text))
        if exact:
            return exact
        numbers = [f"SF{n}".upper() for n in _SF.findall(text)]
        for number in numbers:
            owners = _by_sf(library).get(number, [])
            if len(owners) == 1:
                return owners[0]
            named = [i for i in owners if _mentions(text, library.integrations_by_id[i])]
            if len(named) == 1:
                return named[0]
        mentioned = [i.id for i in library.integrations if _mentions(text, i)]
        if len(mentioned) == 1:
            return mentioned[0]
    return None


def integration_label(integration_id: str, library: Library, lang: str = "da") -> str:
    """ "Fælleskommunalt Organisationssystem (SF1500)", or the id if the catalogue lacks it."""
    integration = library.integrations_by_id.get(integration_id)
    if integration is None:
        return integration_id
    name = integration.name.get(lang) or integration.name.da
    return f"{name} ({integration.sf_list})" if integration.sf_numbers else name


# Private ---------------------------------------------------------------------------------


def _key(text: str) -> str:
    return " ".join(str(text).split()).casefold()


def _candidates(text: str, library: Library) -> list[str]:
    key = _key(text)
    if not key:
        return []
    by_name = _by_name(library)
    if key in by_name:
        return [by_name[key]]
    sf = _SF.fullmatch(key.replace(" ", ""))
    if sf:
        return list(_by_sf(library).get(f"SF{sf.group(1)}".upper(), []))
    return []


def _by_name(library: Library) -> dict[str, str]:
    """Every id, name and alias (case-folded) → catalogue id; ids win over names."""
    return _indexes(library)[0]


def _by_sf(library: Library) -> dict[str, list[str]]:
    """Every SF number → the catalogue ids that list it (SF1601 is shared)."""
    return _indexes(library)[1]


# The look-ups per library, built once: an import resolves thousands of cells.
_INDEXES: dict[int, tuple[Library, dict, dict]] = {}


def _indexes(library: Library) -> tuple[dict[str, str], dict[str, list[str]]]:
    cached = _INDEXES.get(id(library))
    if cached is not None and cached[0] is library:
        return cached[1], cached[2]
    if len(_INDEXES) > 8:
        _INDEXES.clear()
    by_name, by_sf = _build_by_name(library), _build_by_sf(library)
    _INDEXES[id(library)] = (library, by_name, by_sf)
    return by_name, by_sf


def _build_by_name(library: Library) -> dict[str, str]:
    found: dict[str, str] = {}
    for integration in library.integrations:
        for label in (*integration.aliases, integration.name.en, integration.name.da):
            if label:
                found.setdefault(_key(label), integration.id)
    for integration in library.integrations:
        found[_key(integration.id)] = integration.id
    return found


def _build_by_sf(library: Library) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for integration in library.integrations:
        for sf in integration.sf_numbers:
            found.setdefault(sf.number.upper(), []).append(integration.id)
    return found


def _names(library: Library) -> dict[str, str]:
    """What a person might have meant → how to show it: "organisation (SF1500)"."""
    names: dict[str, str] = {}
    for integration in library.integrations:
        shown = integration.id + (f" ({integration.sf_list})" if integration.sf_numbers else "")
        for label in (
            integration.id,
            integration.name.da,
            integration.name.en,
            *integration.aliases,
            *(sf.number for sf in integration.sf_numbers),
        ):
            if label:
                names.setdefault(_key(label), shown)
    return names


def _mentions(text: str, integration: Integration) -> bool:
    """Whether `text` contains one of the entry's names or aliases as whole words."""
    key = f" {_words(text)} "
    for label in (*integration.aliases, integration.name.da, integration.name.en):
        word = _words(label)
        if word and f" {word} " in key:
            return True
    return False


def _words(text: str) -> str:
    return _key(re.sub(r"[^\w]+", " ", text))
