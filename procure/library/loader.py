"""Find and load a library: the working YAML folder, a released version, or a release file."""

from __future__ import annotations

import os
from pathlib import Path

from procure.errors import LibraryInvalid, ProcureError
from procure.i18n import t
from procure.library.model import Library
from procure.library.release import read_release_file

LIBRARY_ENV = "PROCURE_LIBRARY"


def default_library_path() -> Path:
    """The library folder: $PROCURE_LIBRARY, the checkout's requirement_library/, or the copy
    shipped inside an installed wheel."""
    env = os.environ.get(LIBRARY_ENV)
    if env:
        return Path(env)
    package_dir = Path(__file__).resolve().parents[1]
    for candidate in (
        package_dir.parent / "requirement_library",
        package_dir / "_data" / "requirement_library",
    ):
        if (candidate / "library.yaml").is_file():
            return candidate
    return package_dir.parent / "requirement_library"


def load_library(path: Path | str | None = None) -> Library:
    """Load and validate the working library folder; LibraryInvalid lists every problem."""
    from procure.library.validation import validate_library_folder

    report = validate_library_folder(Path(path) if path else default_library_path())
    if not report.valid:
        raise LibraryInvalid(list(report.problems))
    assert report.library is not None
    return report.library


def release_path(version: str, library_path: Path | str | None = None) -> Path:
    root = Path(library_path) if library_path else default_library_path()
    return root / "releases" / f"{version}.json"


def load_release(version: str, library_path: Path | str | None = None) -> Library:
    """Load a released version by number (e.g. "1.0.0")."""
    path = release_path(version, library_path)
    if not path.is_file():
        known = released_versions(library_path)
        if known:
            raise ProcureError(
                t(
                    "kravbiblioteket har ingen udgivelse '{version}'; udgivne versioner: {known}",
                    version=version,
                    known=", ".join(known),
                )
            )
        raise ProcureError(t("kravbiblioteket har ingen udgivelse '{version}'", version=version))
    return read_release_file(path)


def released_versions(library_path: Path | str | None = None) -> list[str]:
    root = Path(library_path) if library_path else default_library_path()
    versions = [p.stem for p in (root / "releases").glob("*.json")]
    return sorted(versions, key=lambda v: tuple(int(x) if x.isdigit() else 0 for x in v.split(".")))


def open_library(spec: str | Path, library_path: Path | str | None = None) -> Library:
    """A library given as a released version, a library folder, or a release .json file."""
    path = Path(spec)
    if path.is_dir():
        return load_library(path)
    if path.suffix == ".json" and path.exists():
        return read_release_file(path)
    if path.exists():
        raise ProcureError.invalid(
            path, t("hverken en biblioteksmappe eller en udgivelsesfil (.json)")
        )
    return load_release(str(spec), library_path)
