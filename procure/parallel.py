"""Run independent pieces of work on two cores where the machine has them.

Used by the CLI for rendering several documents of one command (award.xlsx beside the note
and the letters): each job is a function without arguments and without side effects that
returns a picklable value. Where `os.fork` exists and there are two or more cores, the first
job runs in a forked child while this process runs the rest; otherwise (and in a process
with more than one thread, such as the wizard) they run one after the other. A child that
fails or dies is not trusted for anything: its job is run again here, so an error is raised
exactly as without the child, with its message and no trace of the second process.
"""

from __future__ import annotations

import os
import pickle
import threading
from collections.abc import Callable, Sequence
from typing import Any

# Set to 1 to run every job in this process (e.g. under a debugger)
SERIAL_ENV = "PROCURE_SERIAL"


def run_all(jobs: Sequence[Callable[[], Any]]) -> list[Any]:
    """The jobs' results, in order."""
    if len(jobs) < 2 or not _can_fork():
        return [job() for job in jobs]
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: run the first job, hand its result over, and leave at once
        os.close(read_fd)
        try:
            payload = pickle.dumps(jobs[0](), protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException:  # noqa: BLE001 - the parent runs the job again and reports
            payload = b""
        try:
            with os.fdopen(write_fd, "wb") as out:
                out.write(payload)
        finally:
            os._exit(0)  # no atexit handlers, no flushing of the parent's buffers twice
    os.close(write_fd)
    try:
        rest = [job() for job in jobs[1:]]
    finally:
        with os.fdopen(read_fd, "rb") as pipe:
            payload = pipe.read()
        os.waitpid(pid, 0)
    first = pickle.loads(payload) if payload else jobs[0]()  # noqa: S301 - our own child's bytes
    return [first, *rest]


def _can_fork() -> bool:
    # Only from a single-threaded process (the CLI): a fork copies no other thread, so a lock
    # another thread held at that moment would never be released in the child.
    return (
        hasattr(os, "fork")
        and threading.active_count() == 1
        and (os.cpu_count() or 1) >= 2
        and os.environ.get(SERIAL_ENV, "") in ("", "0")
    )
