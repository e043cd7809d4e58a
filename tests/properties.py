"""What every refusal of a file must be, whatever the file: checked by the fuzz tests and the
catalogue of hostile inputs.

A ProcureError put into words is one line of at most 2,000 bytes, in Danish and in English,
names the file first and holds no Python text; reading any one file takes at most 5 seconds of
CPU time (CPU, not wall-clock time: on a shared test machine other processes' work would
otherwise count as ours).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from procure.errors import ProcureError
from tests.limits import seconds

MAX_MESSAGE_BYTES = 2000
MAX_SECONDS = 5.0
PYTHON_WORDS = ("Traceback", "Error:", "Exception", "intern fejl", "internal error")


def assert_one_short_line(text: str, source: str | None = None) -> None:
    """`text` is a message a person can read on one line: no line break or other control
    character, at most MAX_MESSAGE_BYTES, no Python text; it starts with `source` if given."""
    assert "\n" not in text and "\r" not in text, text[:300]
    assert not any(ord(char) < 32 or 0x7F <= ord(char) <= 0x9F for char in text), text[:300]
    assert len(text.encode("utf-8")) <= MAX_MESSAGE_BYTES, len(text.encode("utf-8"))
    assert not any(word in text for word in PYTHON_WORDS), text[:300]
    if source is not None:
        assert text.startswith(f"{source}:") or text.startswith(source), text[:300]


def assert_refusal(error: ProcureError, source: str) -> None:
    for lang in ("da", "en"):
        assert_one_short_line(error.text(lang), source)


def reads_or_refuses(read: Callable[..., Any], *args: Any, source: str) -> Any:
    """Run `read(*args)`: it returns a result or raises a ProcureError that is a proper
    refusal of `source` (any other exception fails the test), within MAX_SECONDS of CPU
    time. Returns the result, or the ProcureError."""
    started = time.process_time()
    try:
        result = read(*args)
    except ProcureError as error:
        assert_refusal(error, source)
        result = error
    assert time.process_time() - started <= seconds(MAX_SECONDS)
    return result


# A snippet for a child process to print its own peak memory in KB. ru_maxrss is no good here:
# Linux keeps, across fork and exec, the peak of the process the child was forked from (a
# pytest of 280 MB); VmHWM in /proc/self/status is the peak of the child's own memory.
PEAK_KB_SNIPPET = """
def peak_kb():
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
"""
