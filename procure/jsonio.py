"""Strict JSON loading for answer files: the rules yamlio keeps for YAML, kept for JSON.

Python's json module accepts what an answer file must not hold: a duplicate key (the last value
silently wins), NaN and ±Infinity (also as a float that overflows, such as 1e400), integers of
thousands of digits (refused by int() with a ValueError), and any amount of data. This loader:

- refuses a file with more than limits.MAX_VALUES values before parsing it;
- refuses duplicate keys, NaN/Infinity, numbers over MAX_NUMBER_DIGITS digits, nesting deeper
  than MAX_DEPTH, lists over MAX_LIST_ITEMS, texts over MAX_STRING_CHARS and lone surrogates
  (not text; they cannot be printed), each with the line it is on where JSON lets it be found.

JSON has no line numbers of its own: the fast parser finds the problem, and a small scanner
over the text, run only then, finds its line.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from typing import Any

from procure.bulk import gc_paused
from procure.errors import ProcureError
from procure.i18n import t
from procure.limits import (
    MAX_DEPTH,
    MAX_LIST_ITEMS,
    MAX_NUMBER_DIGITS,
    MAX_STRING_CHARS,
    MAX_VALUES,
    list_too_long,
    not_a_number,
    number_too_long,
    string_too_long,
    too_deep,
    too_many_values,
)
from procure.textutil import clipped


def load_json_text(text: str, source: str) -> Any:
    """Parse JSON text strictly; raise ProcureError naming `source` and the line on failure."""
    _check_values(text, source)
    try:
        with gc_paused():
            data = json.loads(
                text,
                object_pairs_hook=_object,
                parse_constant=_constant,
                parse_int=_integer,
                parse_float=_float,
            )
    except json.JSONDecodeError as exc:
        raise ProcureError.invalid(
            source, t("ugyldig JSON: {detail}", detail=exc.msg), exc.lineno
        ) from None
    except RecursionError:
        raise ProcureError.invalid(source, too_deep(), _line_of(text, "depth")) from None
    except _Refused as exc:
        found = _first(text, exc.kind)
        line = found[0] if found else None
        message = exc.message
        if exc.kind == "duplicate":
            key, first_line = found[1] if found else (exc.message, None)
            message = (
                t(
                    "nøglen '{key}' står to gange (også på linje {first_line})",
                    key=clipped(key),
                    first_line=first_line,
                )
                if first_line
                else t("nøglen '{key}' står to gange", key=clipped(key))
            )
        raise ProcureError.invalid(source, message, line) from None
    _check_tree(data, text, source)
    return data


# Private ---------------------------------------------------------------------------------


class _Refused(Exception):
    """A value the file must not hold; `kind` tells the scanner what to look for."""

    def __init__(self, kind: str, message):
        self.kind, self.message = kind, message


def _object(pairs: list[tuple[str, Any]]) -> dict:
    data = dict(pairs)
    if len(data) != len(pairs):
        seen: set[str] = set()
        key = next(key for key, _ in pairs if key in seen or seen.add(key))
        raise _Refused("duplicate", key)  # the message, with both lines, is made by the caller
    return data


def _constant(name: str) -> float:
    raise _Refused("nan", not_a_number(name))


def _integer(token: str) -> int:
    digits = len(token.lstrip("-"))
    if digits > MAX_NUMBER_DIGITS:
        raise _Refused("long_number", number_too_long(digits))
    return int(token)


def _float(token: str) -> float:
    digits = sum(char.isdigit() for char in token)
    if digits > MAX_NUMBER_DIGITS:
        raise _Refused("long_number", number_too_long(digits))
    value = float(token)
    if not math.isfinite(value):  # 1e400 overflows to Infinity
        raise _Refused("overflow", t("tallet {value} er for stort", value=clipped(token)))
    return value


# A JSON string, as an unrolled loop: runs of plain characters are taken in one step, so a
# string of 25 MB is matched in milliseconds, not character by character.
_STRING = r'"[^"\\]*(?:\\.[^"\\]*)*"'
_STRINGS = re.compile(_STRING)


def _check_values(text: str, source: str) -> None:
    """Refuse more than MAX_VALUES values before parsing: each value after the first follows a
    `[`, `,` or `:` (a key and its value count two). Characters inside strings are counted too
    at first; only a file that may pass the limit has its strings taken out and is counted
    again."""

    def bound(body: str) -> int:
        return 1 + body.count("[") + body.count(",") + 2 * body.count(":")

    if bound(text) > MAX_VALUES and bound(_STRINGS.sub('""', text)) > MAX_VALUES:
        raise ProcureError.invalid(source, too_many_values())


_SURROGATE = re.compile("[\ud800-\udfff]")


def _check_tree(data: Any, text: str, source: str) -> None:
    """Nesting, list and text lengths and lone surrogates, walked without recursion."""
    stack: list[tuple[Any, int, str | None]] = [(data, 0, None)]
    while stack:
        value, depth, key = stack.pop()
        if isinstance(value, str):
            _check_string(value, text, source)
        elif isinstance(value, dict):
            if depth >= MAX_DEPTH:
                raise ProcureError.invalid(source, too_deep(), _line_of(text, "depth"))
            stack.extend((item, depth + 1, name) for name, item in value.items())
            stack.extend((name, depth + 1, None) for name in value)
        elif isinstance(value, list):
            if depth >= MAX_DEPTH:
                raise ProcureError.invalid(source, too_deep(), _line_of(text, "depth"))
            if len(value) > MAX_LIST_ITEMS:
                name = clipped(key, 40) if isinstance(key, str) else None
                raise ProcureError.invalid(source, list_too_long(len(value), name))
            stack.extend((item, depth + 1, None) for item in value)


def _check_string(value: str, text: str, source: str) -> None:
    if len(value) > MAX_STRING_CHARS:
        raise ProcureError.invalid(
            source, string_too_long(len(value)), _line_of(text, "long_string")
        )
    surrogate = _SURROGATE.search(value)
    if surrogate:
        raise ProcureError.invalid(
            source,
            t(
                "teksten indeholder tegnet U+{code}, som ikke er et gyldigt tegn; ret teksten",
                code=f"{ord(surrogate.group()):04X}",
            ),
            _line_of(text, "surrogate"),
        )


_TOKEN = re.compile(_STRING + r"|-?Infinity|NaN|-?[0-9][0-9.eE+-]*|[{}\[\]:,\n]")


def _line_of(text: str, kind: str) -> int | None:
    """The line of the first problem of `kind` in `text` (None if not found)."""
    found = _first(text, kind)
    return found[0] if found else None


def _first(text: str, kind: str) -> tuple[int, Any] | None:
    """(line, detail) of the first problem of `kind` in `text`, or None."""
    for found, line, detail in _problems(text):
        if found == kind:
            return line, detail
    return None


def _problems(text: str) -> Iterator[tuple[str, int, Any]]:
    """(kind, line, detail) of each problem, in file order: a scan of the tokens outside
    strings that keeps the keys of every open object. A duplicate's detail is (key, the line
    of its first occurrence)."""
    line = 1
    stack: list[dict[str, int] | None] = []  # per open container: an object's keys, or None
    expect_key = False
    for match in _TOKEN.finditer(text):
        token = match.group()
        first = token[0]
        if first == "\n":
            line += 1
        elif first in "{[":
            stack.append({} if first == "{" else None)
            expect_key = first == "{"
            if len(stack) > MAX_DEPTH:
                yield "depth", line, None
        elif first in "}]":
            if stack:
                stack.pop()
            expect_key = False
        elif first == ",":
            expect_key = bool(stack) and stack[-1] is not None
        elif first == ":":
            expect_key = False
        elif first == '"':
            if len(token) - 2 > MAX_STRING_CHARS:
                yield "long_string", line, None
            if "\\u" in token and _SURROGATE.search(_decoded(token)):
                yield "surrogate", line, None
            keys = stack[-1] if stack else None
            if expect_key and keys is not None:
                key = _decoded(token)
                if key in keys:
                    yield "duplicate", line, (key, keys[key])
                keys.setdefault(key, line)
        elif token in ("NaN", "Infinity", "-Infinity"):
            yield "nan", line, None
        else:
            if sum(char.isdigit() for char in token) > MAX_NUMBER_DIGITS:
                yield "long_number", line, None
            elif not math.isfinite(float(token) if _NUMBER.match(token) else 0.0):
                yield "overflow", line, None


_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?$")


def _decoded(token: str) -> str:
    try:
        return json.loads(token)
    except ValueError:
        return token
