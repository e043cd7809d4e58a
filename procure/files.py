"""Writing output files safely: nothing half-written, nothing written on failure, and no
change lost when several people or browser tabs change the same file at once."""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from procure.errors import ProcureError
from procure.i18n import t

# How long a change waits for another one to the same file. A change holds the lock for the
# milliseconds it takes to read, change and write one file; ten seconds of waiting means
# something is wrong (a hung process, a network drive that does not answer).
LOCK_TIMEOUT_SECONDS = 10.0
LOCK_SUFFIX = ".lock"
_held = threading.local()  # the locks this thread holds: path -> depth, so nesting is safe


def write_bytes_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)


def write_text_atomically(path: Path, text: str) -> None:
    write_bytes_atomically(path, text.encode("utf-8"))


def lock_path(path: Path) -> Path:
    """The lock file that guards `path`: `<file>.lock` beside it."""
    path = Path(path)
    return path.with_name(path.name + LOCK_SUFFIX)


def is_lock_file(path: Path) -> bool:
    """Whether `path` is one of the lock files `locked` makes (never data)."""
    return Path(path).name.endswith(LOCK_SUFFIX)


@contextmanager
def locked(path: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold the lock on `path` (a real OS lock on `<file>.lock`, released if the process dies)
    while the block reads, changes and writes it. Every process and thread that changes the
    file takes the same lock, so no change is lost. Nested use on the same path in one thread
    is allowed. ProcureError when the lock is not had within `timeout` seconds."""
    path = Path(path)
    key = str(path.resolve())
    held = _held.__dict__.setdefault("depth", {})
    if held.get(key):
        held[key] += 1
        try:
            yield
        finally:
            held[key] -= 1
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    wait = LOCK_TIMEOUT_SECONDS if timeout is None else timeout
    import filelock  # here: 15 ms to import, and most commands write without a lock

    lock = filelock.FileLock(lock_path(path), timeout=wait)
    try:
        lock.acquire()
    except filelock.Timeout:
        from procure.errors import ProcureError
        from procure.i18n import t

        raise ProcureError.invalid(
            path,
            t(
                "filen er optaget: en anden gemmer i den lige nu, og den blev ikke ledig inden "
                "for {seconds} s; prøv igen om lidt",
                seconds=max(1, round(wait)),
            ),
        ) from None
    held[key] = 1
    try:
        yield
    finally:
        del held[key]
        lock.release()


def update_text_file(
    path: Path, change: Callable[[str | None], str | None], timeout: float | None = None
) -> str | None:
    """Read, change and write a shared text file as one step no other writer can come between.

    `change` gets the file's text (None: no file) and returns the new text, or None to leave
    the file as it is; the new text is written atomically, and only when it differs. Returns
    the text the file now holds. Use it for every read-modify-write of a file that others may
    change at the same time (the evaluation file, the wizard's draft).
    """
    from procure.yamlio import read_text_file  # clear messages for huge or non-UTF-8 files

    path = Path(path)
    with locked(path, timeout):
        current = read_text_file(path) if path.exists() else None
        updated = change(current)
        if updated is None:
            return current
        if updated != current:
            write_text_atomically(path, updated)
        return updated


@contextmanager
def staged_output(out_dir: Path) -> Iterator[Path]:
    """Yield a temporary folder inside `out_dir`; on success its files are moved into
    `out_dir`, each by an atomic rename; on any error nothing is written there, and a folder
    made for the output is removed again.

    The stage is inside the output folder, not beside it: a rename only works within one file
    system, and an output folder that is a mount point (a network share, a USB disk) is on
    another one than its parent ("Invalid cross-device link")."""
    out_dir = Path(out_dir)
    if out_dir.is_symlink() and not out_dir.exists():
        raise ProcureError.invalid(
            out_dir,
            t(
                "er et symbolsk link til {target}, som ikke findes; opret den mappe, linket "
                "peger på, eller vælg en anden mappe",
                target=os.readlink(out_dir),
            ),
        )
    if out_dir.exists() and not out_dir.is_dir():
        raise ProcureError.invalid(out_dir, t("findes allerede og er en fil, ikke en mappe"))
    made = _make_folder(out_dir)
    try:
        stage = Path(tempfile.mkdtemp(dir=out_dir, prefix=".staging-"))
    except OSError as exc:
        _remove_made(made)
        raise _folder_problem(out_dir, exc) from None
    try:
        yield stage
        for item in sorted(stage.iterdir()):
            target = out_dir / item.name
            try:
                os.replace(item, target)
            except OSError as exc:
                raise _folder_problem(target, exc) from None
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        _remove_made(made)
        raise
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def _make_folder(folder: Path) -> list[Path]:
    """Make `folder` and its missing parents; the folders made, outermost first."""
    missing = []
    for candidate in (folder, *folder.parents):
        if candidate.is_dir():
            break
        missing.append(candidate)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _folder_problem(Path(exc.filename) if exc.filename else folder, exc) from None
    return list(reversed(missing))


def _remove_made(made: list[Path]) -> None:
    """Remove the folders `_make_folder` made, innermost first, if they are still empty."""
    for candidate in reversed(made):
        try:
            candidate.rmdir()
        except OSError:
            return


def _folder_problem(path: Path, exc: OSError) -> ProcureError:
    """An operating-system error on an output folder, in the user's words."""
    if isinstance(exc, PermissionError):
        return ProcureError.invalid(
            path, t("der er ikke adgang til at skrive her; vælg en anden mappe")
        )
    if isinstance(exc, FileExistsError | NotADirectoryError):
        return ProcureError.invalid(
            path,
            t(
                "en del af stien findes allerede, men er en fil eller et link, der ikke peger på "
                "en mappe; vælg en anden mappe"
            ),
        )
    if isinstance(exc, IsADirectoryError):
        return ProcureError.invalid(
            path, t("er en mappe; flyt eller slet den, eller vælg en anden mappe")
        )
    return ProcureError.invalid(
        path, t("kan ikke skrive her ({reason}); vælg en anden mappe", reason=exc.strerror or exc)
    )


def staged_files(outputs: dict[Path, bytes]) -> None:
    """Write several files all-or-nothing: each goes to a temporary file beside its target
    first; only when every one is written are they renamed into place."""
    temps: list[tuple[str, Path]] = []
    try:
        for path, data in outputs.items():
            path = Path(path)
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            temps.append((tmp, path))
        for tmp, path in temps:
            os.replace(tmp, path)
    finally:
        for tmp, _ in temps:
            Path(tmp).unlink(missing_ok=True)
