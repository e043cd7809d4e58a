"""Frozen releases: `requirement_library/releases/<version>.json`.

A release is the whole library as canonical JSON (sorted keys, UTF-8, two-space indent), with a
SHA-256 stamp of each requirement's normative fields. It is written once and never overwritten,
so a tender pinned to a release rebuilds the same requirement texts years later.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from procure.bulk import gc_paused
from procure.errors import ProcureError
from procure.i18n import t
from procure.library.model import Library, library_from_data, requirement_stamp

RELEASE_FORMAT = "procure-library-release/1"
MAX_RELEASE_BYTES = 200 * 1024 * 1024


def release_document(library: Library) -> dict:
    data = library.to_data()
    for requirement in data["requirements"]:
        requirement["stamp"] = requirement_stamp(requirement)
    return {"format": RELEASE_FORMAT, **data}


def canonical_json(document: dict) -> str:
    return json.dumps(document, sort_keys=True, ensure_ascii=False, indent=2) + "\n"


def write_release(library: Library, releases_dir: Path) -> Path:
    """Freeze `library` as releases_dir/<version>.json; refuse to overwrite an existing one."""
    releases_dir.mkdir(parents=True, exist_ok=True)
    target = releases_dir / f"{library.version}.json"
    if target.exists():
        raise ProcureError.invalid(
            target,
            t(
                "version {version} er allerede udgivet og kan ikke overskrives; "
                "hæv versionen i library.yaml og tilføj en changelog-post",
                version=library.version,
            ),
        )
    text = canonical_json(release_document(library))
    # Beside the release, so that link() never crosses file systems; named so that no reader
    # takes a file left by a crash for a release (they read releases/*.json).
    fd, tmp = tempfile.mkstemp(dir=releases_dir, prefix=".release-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        # link() fails if the target appeared meanwhile: never overwrite a release
        os.link(tmp, target)
    except FileExistsError:
        raise ProcureError.invalid(target, t("udgivelsen findes allerede")) from None
    finally:
        Path(tmp).unlink(missing_ok=True)
    return target


def read_release_file(path: Path) -> Library:
    """Load a release file, checking its format and every requirement's stamp."""
    try:
        size = path.stat().st_size
        if size > MAX_RELEASE_BYTES:
            raise ProcureError.invalid(
                path, t("udgivelsesfilen er for stor ({size} bytes)", size=size)
            )
        with gc_paused():
            document = json.loads(path.read_bytes().decode("utf-8"))
    except FileNotFoundError:
        raise ProcureError.file_missing(path, t("udgivelsesfilen")) from None
    except UnicodeDecodeError:
        raise ProcureError.invalid(path, t("udgivelsesfilen er ikke UTF-8")) from None
    except json.JSONDecodeError as exc:
        raise ProcureError.invalid(
            path, t("udgivelsesfilen er ikke gyldig JSON: {reason}", reason=exc.msg), exc.lineno
        ) from None
    except ValueError:  # an integer of more than 4,300 digits, which int() refuses
        raise ProcureError.invalid(
            path,
            t("udgivelsesfilen er ikke gyldig JSON: et tal har over {limit} cifre", limit=4300),
        ) from None
    except OSError as exc:
        raise ProcureError.unreadable(path, exc.strerror or str(exc)) from None
    with gc_paused():
        return library_from_release_document(document, str(path))


def library_from_release_document(document: object, source: str) -> Library:
    if not isinstance(document, dict) or document.get("format") != RELEASE_FORMAT:
        raise ProcureError.invalid(
            source,
            t("ikke en procure-udgivelse (format skal være '{format}')", format=RELEASE_FORMAT),
        )
    try:
        for requirement in document["requirements"]:
            stamp = requirement.get("stamp")
            if stamp != requirement_stamp(requirement):
                raise ProcureError.invalid(
                    source,
                    t(
                        "kravets stempel passer ikke til teksten: udgivelsesfilen er "
                        "ændret efter udgivelsen"
                    ),
                    requirement=requirement.get("id"),
                )
        return library_from_data(document, source=source)
    except (KeyError, TypeError, AttributeError) as exc:
        raise ProcureError.invalid(
            source, t("udgivelsesfilen er ufuldstændig ({detail})", detail=str(exc))
        ) from None
