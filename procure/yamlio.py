"""Safe YAML loading for library and tender files.

PyYAML's defaults are wrong for this data (see PITFALLS.md): `1.10` becomes the float 1.1,
`05` an octal int, `no` False, `2024-01-02` a date, a duplicate key silently keeps the last
value, and aliases can build a huge structure from a tiny file. This loader:

- resolves plain scalars only to str, int (no leading zero), true/false and null, so ids,
  versions, dates, KLE numbers and decimals stay strings;
- rejects duplicate keys and any alias (`*name`, `<<: *name`) with the line it is on;
- enforces procure.limits before and while parsing: values per file, nesting depth, items per
  list, text length and digits per number, each refused with the line where it is passed;
- records the line of every mapping key, so validation can say `file:line`;
- uses the C parser where PyYAML has it (about 4x faster).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

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
    number_too_long,
    string_too_long,
    too_deep,
    too_many_values,
)
from procure.textutil import clipped

try:  # the C parser ships in PyPI wheels; the pure-Python one is the fallback
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader

# A library file, or any YAML file read from disk but tender.yaml: 2,000 requirements of long
# texts (limits.MAX_REQUIREMENTS_PER_FILE) parse and validate in about 3 s and 200 MB.
MAX_YAML_BYTES = 10 * 1024 * 1024


class LineMap(dict):
    """A dict that also knows the 1-based line of each key (`lines`) and of itself (`line`)."""

    __slots__ = ("line", "lines")


class LineList(list):
    """A list that knows the 1-based line of each item (`lines`) and of itself (`line`)."""

    __slots__ = ("line", "lines")


class _StrictLoader(_BaseLoader):
    """Safe loader with string-preserving resolution, no aliases and no duplicate keys."""

    yaml_implicit_resolvers: dict = {}
    # Only these tags are built (see below); !!float, !!timestamp, !!binary, !!set and the rest
    # of PyYAML's safe types would bring NaN, dates and bytes back in through an explicit tag.
    yaml_constructors: dict = {}
    _depth = 0  # lists and mappings being built around the current node

    def construct_scalar(self, node):
        if len(node.value) > MAX_STRING_CHARS:
            raise _StringTooLong(node.start_mark.line + 1, len(node.value))
        return super().construct_scalar(node)

    def construct_yaml_int(self, node):
        value = self.construct_scalar(node)
        if not _DECIMAL_INT.match(value):  # an explicit !!int on something else
            raise _BadValue(node.start_mark.line + 1, value, "int")
        digits = len(value.lstrip("+-"))
        if digits > MAX_NUMBER_DIGITS:
            raise _NumberTooLong(node.start_mark.line + 1, digits)
        return int(value)

    def construct_yaml_bool(self, node):
        value = self.construct_scalar(node)
        if value.lower() not in ("true", "false"):  # an explicit !!bool on something else
            raise _BadValue(node.start_mark.line + 1, value, "bool")
        return value.lower() == "true"

    def construct_unknown(self, node):
        raise _UnknownTag(node.start_mark.line + 1, node.tag)

    def construct_object(self, node, deep=False):
        # A node constructed twice is a node reached through an alias.
        if node in self.constructed_objects or node in self.recursive_objects:
            raise _AliasUsed(node.start_mark.line + 1)
        return super().construct_object(node, deep=deep)

    def construct_yaml_map(self, node):
        data = LineMap()
        data.line = node.start_mark.line + 1
        data.lines = {}
        yield data
        if not isinstance(node, yaml.MappingNode):  # pragma: no cover - resolver guarantees it
            return
        self._enter(node)
        try:
            self._fill_map(data, node)
        finally:
            self._depth -= 1

    def _fill_map(self, data: LineMap, node) -> None:
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _AliasUsed(key_node.start_mark.line + 1)
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, str | int | bool) and key is not None:
                raise _BadKey(key_node.start_mark.line + 1)
            key = str(key) if not isinstance(key, str) else key
            line = key_node.start_mark.line + 1
            if key in data:
                raise _DuplicateKey(key, line, data.lines[key])
            data[key] = self.construct_object(value_node, deep=True)
            data.lines[key] = line

    def construct_yaml_seq(self, node):
        if len(node.value) > MAX_LIST_ITEMS:
            raise _ListTooLong(node.start_mark.line + 1, len(node.value))
        data = LineList()
        data.line = node.start_mark.line + 1
        data.lines = [item.start_mark.line + 1 for item in node.value]
        yield data
        self._enter(node)
        try:
            data.extend(self.construct_object(item, deep=True) for item in node.value)
        finally:
            self._depth -= 1

    def _enter(self, node) -> None:
        # Children are built depth-first (deep=True), so this counts the real nesting.
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _TooDeep(node.start_mark.line + 1)


class _AliasUsed(Exception):
    def __init__(self, line: int):
        self.line = line


class _DuplicateKey(Exception):
    def __init__(self, key: str, line: int, first_line: int):
        self.key, self.line, self.first_line = key, line, first_line


class _BadKey(Exception):
    def __init__(self, line: int):
        self.line = line


class _BadValue(Exception):
    def __init__(self, line: int, value: str, kind: str):
        self.line, self.value, self.kind = line, value, kind


class _UnknownTag(Exception):
    def __init__(self, line: int, tag: str):
        self.line, self.tag = line, tag


class _TooDeep(Exception):
    def __init__(self, line: int):
        self.line = line


class _ListTooLong(Exception):
    def __init__(self, line: int, count: int):
        self.line, self.count = line, count


class _StringTooLong(Exception):
    def __init__(self, line: int, length: int):
        self.line, self.length = line, length


class _NumberTooLong(Exception):
    def __init__(self, line: int, digits: int):
        self.line, self.digits = line, digits


_DECIMAL_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
_StrictLoader.add_constructor("tag:yaml.org,2002:map", _StrictLoader.construct_yaml_map)
_StrictLoader.add_constructor("tag:yaml.org,2002:seq", _StrictLoader.construct_yaml_seq)
_StrictLoader.add_constructor("tag:yaml.org,2002:str", _StrictLoader.construct_yaml_str)
_StrictLoader.add_constructor("tag:yaml.org,2002:int", _StrictLoader.construct_yaml_int)
_StrictLoader.add_constructor("tag:yaml.org,2002:bool", _StrictLoader.construct_yaml_bool)
_StrictLoader.add_constructor("tag:yaml.org,2002:null", _StrictLoader.construct_yaml_null)
_StrictLoader.add_constructor(None, _StrictLoader.construct_unknown)
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_StrictLoader.add_implicit_resolver("tag:yaml.org,2002:int", _DECIMAL_INT, list("-+0123456789"))
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)
_StrictLoader.add_implicit_resolver("tag:yaml.org,2002:merge", re.compile(r"^(?:<<)$"), ["<"])


def load_yaml_text(text: str, source: str) -> Any:
    """Parse YAML text strictly; raise ProcureError naming `source` and the line on failure."""
    if text.startswith(_NOT_TEXT_STARTS):
        raise _not_yaml_text(source)  # pasted or decoded by the caller: same message
    _check_indentation(text, source)
    try:
        if _value_bound(text) > MAX_VALUES:
            raise _Fallback  # may be too many values: counted exactly before anything is built
        with gc_paused():
            return _fast_load(text)
    except _Fallback:
        pass  # the checks and the strict loader below refuse the file with its line, or load it
    _check_structure(text, source)
    try:
        with gc_paused():
            return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - _StrictLoader is a safe loader
    except _AliasUsed as exc:
        raise ProcureError.invalid(
            source,
            t("YAML-aliaser og ankre (*navn, &navn, <<:) er ikke tilladt; skriv værdien ud"),
            exc.line,
        ) from None
    except _DuplicateKey as exc:
        raise ProcureError.invalid(
            source,
            t(
                "nøglen '{key}' står to gange (også på linje {first_line})",
                key=clipped(exc.key),
                first_line=exc.first_line,
            ),
            exc.line,
        ) from None
    except _BadKey as exc:
        raise ProcureError.invalid(source, t("en nøgle skal være tekst"), exc.line) from None
    except _UnknownTag as exc:
        raise ProcureError.invalid(
            source,
            t(
                "mærket {tag} er ikke tilladt her; skriv værdien uden det",
                tag=clipped(exc.tag.replace("tag:yaml.org,2002:", "!!")),
            ),
            exc.line,
        ) from None
    except _BadValue as exc:
        message = (
            t("'{value}' er ikke et heltal", value=clipped(exc.value))
            if exc.kind == "int"
            else t("'{value}' er hverken true eller false", value=clipped(exc.value))
        )
        raise ProcureError.invalid(source, message, exc.line) from None
    except _TooDeep as exc:
        raise ProcureError.invalid(source, too_deep(), exc.line) from None
    except _ListTooLong as exc:
        raise ProcureError.invalid(source, list_too_long(exc.count), exc.line) from None
    except _StringTooLong as exc:
        raise ProcureError.invalid(source, string_too_long(exc.length), exc.line) from None
    except _NumberTooLong as exc:
        raise ProcureError.invalid(source, number_too_long(exc.digits), exc.line) from None
    except yaml.reader.ReaderError as exc:
        # PyYAML's own words name "<unicode string>" and a character offset: say it plainly.
        raise ProcureError.invalid(
            source,
            t(
                "tegnet {char} er et styretegn, som ikke må stå i en YAML-fil; slet det",
                char=f"U+{exc.character:04X}" if isinstance(exc.character, int) else "?",
            ),
            text.count("\n", 0, exc.position) + 1 if isinstance(exc.position, int) else None,
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or t("ugyldig YAML")
        raise ProcureError.invalid(
            source, t("ugyldig YAML: {problem}", problem=problem), line
        ) from None
    except yaml.YAMLError as exc:
        raise ProcureError.invalid(source, t("ugyldig YAML: {problem}", problem=str(exc))) from None
    except RecursionError:
        raise ProcureError.invalid(source, too_deep()) from None


class _Fallback(Exception):
    """The fast pass met something only the strict loader decides or words (see _fast_load)."""


_PLAIN_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_PLAIN_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
# The tags taken without the strict loader ("!", the non-specific tag, resolves by content)
_STRINGS = {None, "tag:yaml.org,2002:str"}
_COLLECTIONS = {None}


def _fast_load(text: str) -> Any:
    """What _StrictLoader loads, built straight from libyaml's events: the same values, the
    same LineMap/LineList lines (an event's start mark is its node's), about twice as fast as
    PyYAML's own constructor because no node graph is composed.

    It takes only the plain way: one document of mappings, lists and scalars with no tag but
    !!str, no anchor, no alias, no merge key, string keys, each value within the limits.
    Anything else, a duplicate key or a parse error included, raises _Fallback, and the strict
    loader then refuses the file with its own message and line (or loads what it allows)."""
    events = yaml.parse(text, Loader=_BaseLoader)
    stack: list = []  # [collection, pending key] of each open collection
    root: Any = None
    documents = values = 0
    scalar, map_start, seq_start = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
    map_end, seq_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
    try:
        for event in events:
            kind = type(event)
            if kind is scalar or kind is map_start or kind is seq_start:
                values += 1
                if values > MAX_VALUES:
                    raise _Fallback  # _check_structure words it, before anything is composed
            if kind is scalar:
                if event.anchor is not None:
                    raise _Fallback
                value = event.value
                if event.tag in _STRINGS and not (event.implicit[0] and event.tag is None):
                    if len(value) > MAX_STRING_CHARS:
                        raise _Fallback
                    item: Any = value
                elif event.tag is not None or not event.implicit[0]:
                    raise _Fallback  # an explicit tag: the strict loader checks or refuses it
                else:
                    item = _plain_scalar(value)
                line = event.start_mark.line + 1
            elif kind is map_start or kind is seq_start:
                if event.anchor is not None or event.tag not in _COLLECTIONS:
                    raise _Fallback
                item = LineMap() if kind is map_start else LineList()
                item.line = event.start_mark.line + 1
                item.lines = {} if kind is map_start else []
                line = item.line
                if len(stack) >= MAX_DEPTH:
                    raise _Fallback
            elif kind is map_end or kind is seq_end:
                done = stack.pop()[0]
                if type(done) is LineList and len(done) > MAX_LIST_ITEMS:
                    raise _Fallback
                continue
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _Fallback
                continue
            elif kind is yaml.AliasEvent:
                raise _Fallback
            else:  # stream start and end, document end
                continue
            if not stack:
                root = item
            else:
                top = stack[-1]
                parent = top[0]
                if type(parent) is LineList:
                    parent.append(item)
                    parent.lines.append(line)
                elif top[1] is None:  # a key
                    if type(item) is not str or item in parent or item == "<<":
                        raise _Fallback  # a key of another kind, a duplicate or a merge
                    top[1] = item
                    parent.lines[item] = line
                else:
                    parent[top[1]] = item
                    top[1] = None
            if kind is not scalar:
                stack.append([item, None])
    except yaml.YAMLError:
        raise _Fallback from None
    return root


def _plain_scalar(value: str) -> Any:
    """A plain scalar resolved as _StrictLoader resolves it: null, bool, decimal int or str."""
    if len(value) > MAX_STRING_CHARS:
        raise _Fallback
    first = value[:1]
    if first == "<" and value == "<<":
        raise _Fallback  # a merge key's tag, which the strict loader refuses anywhere
    if first in "~nN" and _PLAIN_NULL.match(value):
        return None
    if first in "tTfF" and _PLAIN_BOOL.match(value):
        return value.lower() == "true"
    if first in "-+0123456789" and _DECIMAL_INT.match(value):
        if len(value.lstrip("+-")) > MAX_NUMBER_DIGITS:
            raise _Fallback
        return int(value)
    return value


_DEEP_INDENT = re.compile(r"^ {" + str(MAX_DEPTH * 8) + r",}\S", re.MULTILINE)
_DEEP_SPACES = " " * (MAX_DEPTH * 8)
_BRACKETS = re.compile(r"[\[\]{}]")
# Block collections nested on one line ("- - - - x", "? ? x"), with tags or anchors between.
_INLINE_NESTING = re.compile(r"(?:[-?](?:[ \t]+[!&]\S*)*[ \t]+){10}")


def _check_structure(text: str, source: str) -> None:
    """Refuse a file beyond MAX_VALUES or MAX_DEPTH before it is composed, with the line.

    libyaml composes every node, with its marks, before anything is built (about 350 bytes a
    value: five MB of `- a` lines took 2 s and 500 MB), and its composer recurses in C and
    crashes the process on deep nesting (seen: 50,000 nested `[`, 30,000 `- ` on one line).
    Cheap bounds come first: each value after the first needs one of `- ? : , [ {`, brackets
    are counted quoted or not, and indentation or a chain of `- `/`? ` on one line is how
    block nesting grows. Only a file that may pass a limit is counted exactly, from the
    parser's events, which are not kept and stop at the limit. (_fast_load counts the same
    events as it goes, so a file it loads needs none of this.)"""
    _check_indentation(text, source)
    if not _may_pass_limits(text):
        return
    values = depth = 0
    try:
        for event in yaml.parse(text, Loader=_BaseLoader):
            if isinstance(event, yaml.NodeEvent):
                values += 1
                if values > MAX_VALUES:
                    line = event.start_mark.line + 1
                    raise ProcureError.invalid(source, too_many_values(), line)
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise ProcureError.invalid(source, too_deep(), event.start_mark.line + 1)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return  # the parse that follows says what is wrong, and where


def _check_indentation(text: str, source: str) -> None:
    """Refuse indentation deeper than MAX_DEPTH levels could need, with its line."""
    if _DEEP_SPACES not in text:  # a substring search is about fifty times the regex's speed
        return
    deep = _DEEP_INDENT.search(text)
    if deep:
        line = text.count("\n", 0, deep.start()) + 1
        raise ProcureError.invalid(source, too_deep(), line)


def _value_bound(text: str) -> int:
    """At least the number of values in `text`: each after the first needs one of these."""
    bound = 1 + text.count("-") + text.count("[")
    return bound + 2 * (text.count(":") + text.count("?") + text.count("{") + text.count(","))


def _may_pass_limits(text: str) -> bool:
    if _value_bound(text) > MAX_VALUES or _INLINE_NESTING.search(text):
        return True
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return False
    depth = 0
    for match in _BRACKETS.finditer(text):
        depth += 1 if match.group() in "[{" else -1
        if depth > MAX_DEPTH:
            return True
    return False


def load_yaml_file(path: Path) -> Any:
    """Read and parse a YAML file: UTF-8 only, size-capped, strict (see module docstring)."""
    return load_yaml_text(read_text_file(path), str(path))


def read_text_file(path: Path, max_bytes: int = MAX_YAML_BYTES) -> str:
    """Read a UTF-8 text file, with clear messages for missing, huge or non-UTF-8 files."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ProcureError.invalid(
                path,
                t(
                    "filen er for stor ({size} bytes; grænsen er {limit} bytes)",
                    size=size,
                    limit=max_bytes,
                ),
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ProcureError.file_missing(path) from None
    except IsADirectoryError:
        raise ProcureError.invalid(path, t("er en mappe, ikke en fil")) from None
    except OSError as exc:
        raise ProcureError.unreadable(path, exc.strerror or str(exc)) from None
    return text_from_bytes(raw, path)


# The first bytes of the files most often mistaken for YAML: Office files (zip, or the old
# binary format also used for password-protected ones) and PDF.
_NOT_TEXT_SIGNATURES = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"%PDF")
_NOT_TEXT_STARTS = tuple(signature.decode("latin-1") for signature in _NOT_TEXT_SIGNATURES)


def text_from_bytes(raw: bytes, source: Path | str) -> str:
    """The text of an uploaded or read YAML file: UTF-8 (a BOM is dropped), with clear
    messages for a Word, Excel or PDF file and for text in another encoding."""
    if raw.startswith(_NOT_TEXT_SIGNATURES):
        raise _not_yaml_text(source)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ProcureError.invalid(
            source,
            t(
                "filen er ikke UTF-8 (byte {byte}); gem den som UTF-8",
                byte=f"0x{raw[exc.start]:02x}",
            ),
            line,
        ) from None
    return text.removeprefix("\ufeff")


def _not_yaml_text(source: Path | str) -> ProcureError:
    return ProcureError.invalid(
        source, t("er en Word-, Excel- eller PDF-fil, ikke en YAML-tekstfil (fx tender.yaml)")
    )


def line_of(data: Any, path: tuple) -> int | None:
    """The best-known line for a JSON-path-like tuple of keys/indexes into loaded YAML."""
    line = getattr(data, "line", None)
    node = data
    for part in path:
        if isinstance(node, LineMap) and part in node:
            line = node.lines.get(part, line)
            node = node[part]
        elif isinstance(node, LineList) and isinstance(part, int) and 0 <= part < len(node):
            line = node.lines[part]
            node = node[part]
        else:
            break
        inner = getattr(node, "line", None)
        if inner is not None and not isinstance(node, LineMap | LineList):
            line = inner
    return line
