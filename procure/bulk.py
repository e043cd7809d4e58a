"""Helpers for building large amounts of plain data quickly."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building large acyclic data.

    Loading 10,000 requirements allocates millions of small objects; the collector's repeated
    full passes over them made loading grow faster than linearly (0.50 s instead of 0.29 s for
    10,000). Reference counting still frees everything; the collector runs again afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
