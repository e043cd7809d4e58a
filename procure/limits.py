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

# Values (mapping keys and values, list items, scalars) in one file. The largest real file, a
# library area of 2,000 requirements, holds about 110,000, an answer file for the largest
# tender about 275,000; parsing 300,000 YAML values takes about a second and 150 MB.
MAX_VALUES = 300_000

# Nesting of lists and mappings. Real files nest fewer than ten levels; libyaml's composer
# recurses in C and crashes the process at some ten thousand.
MAX_DEPTH = 50

# Characters in one text (a description, a reservation, a requirement text).
MAX_STRING_CHARS = 100_000

# Digits in one number. A weight, a price or a CVR number has a handful; Python refuses to
# convert more than 4,300, and no number procure reads needs more than this.
MAX_NUMBER_DIGITS = 30

# Answers in one machine answer file: as many as a tender may hold requirements (20,000 from
# the library and 5,000 local ones, tender.schema.json); real tenders have a few hundred.
MAX_ANSWERS = 25_000


# The messages for a file past a limit (the file and line are added by the caller).


def too_deep() -> Message:
    return t("strukturen er indlejret mere end {limit} niveauer dybt", limit=MAX_DEPTH)


def too_many_values() -> Message:
    return t(
        "filen rummer over {limit} værdier (felter og listepunkter), flere end procure læser "
        "fra én fil; filen afvises",
        limit=MAX_VALUES,
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
