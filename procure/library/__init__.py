"""The requirement library: load, validate, release, diff."""

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
