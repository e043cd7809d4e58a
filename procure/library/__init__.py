"""The requirement library: load, validate, release, diff.

The names below are imported from their modules when first used: `procure build` needs the
release reader, not the validator, the differ or the near-duplicate check."""

from __future__ import annotations

from typing import TYPE_CHECKING

from procure.lazy import lazy_names

# name -> module of procure.library it lives in
_WHERE = {
    "LibraryDiff": "diff",
    "diff_libraries": "diff",
    "default_library_path": "loader",
    "load_library": "loader",
    "load_release": "loader",
    "open_library": "loader",
    "released_versions": "loader",
    "Integration": "model",
    "Library": "model",
    "Requirement": "model",
    "Text": "model",
    "read_release_file": "release",
    "write_release": "release",
    "Problem": "validation",
    "ValidationReport": "validation",
    "validate_library_folder": "validation",
}

__all__ = [
    "Integration",
    "Library",
    "LibraryDiff",
    "Problem",
    "Requirement",
    "Text",
    "ValidationReport",
    "default_library_path",
    "diff_libraries",
    "load_library",
    "load_release",
    "open_library",
    "read_release_file",
    "released_versions",
    "validate_library_folder",
    "write_release",
]


__getattr__, __dir__ = lazy_names(__name__, _WHERE, globals())


if TYPE_CHECKING:  # for type checkers and editors: the same names, imported eagerly
    from procure.library.diff import LibraryDiff, diff_libraries
    from procure.library.loader import (
        default_library_path,
        load_library,
        load_release,
        open_library,
        released_versions,
    )
    from procure.library.model import Integration, Library, Requirement, Text
    from procure.library.release import read_release_file, write_release
    from procure.library.validation import Problem, ValidationReport, validate_library_folder
