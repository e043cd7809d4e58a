"""How much procure reads from one YAML or JSON file, in one place (the README's Security
section lists them).

Every file procure reads may come from someone else: a vendor's answer file, a tender file
mailed around, a library folder from another municipality. Each limit is far above what a real
file holds and low enough that a hostile file is refused in well under a second and a few
hundred MB, before any schema validation or other work is done on it. Office uploads have
their own limits (procure.responses.package.Limits).
"""

from __future__ import annotations

from procure.i18n import Message, t

# Values (mapping keys and values, list items, scalars) in one file: an answer file for the
# largest tender allowed holds about 275,000, a library file of 2,000 requirements about
# 100,000; parsing 300,000 YAML values takes 1 to 3 s and up to 200 MB.
MAX_VALUES = 300_000

# Nesting of lists and mappings. Real files nest fewer than ten levels; libyaml's composer
# recurses in C and crashes the process at some ten thousand.
MAX_DEPTH = 50

# Items in one list. The longest list any file needs is an answer file's answers: as many as a
# tender may hold requirements (20,000 from the library and 5,000 local ones, see
# tender.schema.json); real tenders have a few hundred. Checked while parsing, so a long list
# is refused before schema validation (jsonschema makes an error object for every wrong item:
# 240,000 of them took 8 s).
MAX_LIST_ITEMS = 25_000

# Requirements in one file of a library's requirements/ folder. Parsing and schema validation
# take about 1 ms a requirement; a library of 10,000 requirements has 1,000 in each of its ten
# areas, the shipped one about 15.
MAX_REQUIREMENTS_PER_FILE = 2_000

# Characters in one text (a description, a reservation, a requirement text).
MAX_STRING_CHARS = 100_000

# Digits in one number. A weight, a price or a CVR number has a handful; Python refuses to
# convert more than 4,300, and no number procure reads needs more than this.
MAX_NUMBER_DIGITS = 30


# The messages for a file past a limit (the file and line are added by the caller).


def too_deep() -> Message:
    return t("strukturen er indlejret mere end {limit} niveauer dybt", limit=MAX_DEPTH)


def too_many_values() -> Message:
    return t(
        "filen rummer over {limit} værdier (felter og listepunkter), flere end procure læser "
        "fra én fil; filen afvises",
        limit=MAX_VALUES,
    )


def list_too_long(count: int, name: str | None = None) -> Message:
    if name:
        return t(
            "listen '{name}' har {count} punkter; højst {limit} er tilladt",
            name=name,
            count=count,
            limit=MAX_LIST_ITEMS,
        )
    return t(
        "listen har {count} punkter; højst {limit} er tilladt", count=count, limit=MAX_LIST_ITEMS
    )


def string_too_long(length: int) -> Message:
    return t(
        "teksten er {length} tegn lang; højst {limit} tegn er tilladt",
        length=length,
        limit=MAX_STRING_CHARS,
    )


def number_too_long(digits: int) -> Message:
    return t(
        "tallet har {digits} cifre; højst {limit} er tilladt (er det en tekst, så sæt det i "
        "anførselstegn)",
        digits=digits,
        limit=MAX_NUMBER_DIGITS,
    )


def not_a_number(value: str) -> Message:
    return t("{value} er ikke et tal; skriv et almindeligt tal, fx 25000", value=value)
