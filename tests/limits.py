"""Time limits of the tests, stretched under mutation testing.

mutmut (scripts/mutation) sends every call of a mutated module through a trampoline that picks
the mutant, which makes procure several times slower; a time limit would then fail for every
mutant alike and count changes that alter nothing as caught. It sets MUTANT_UNDER_TEST in the
tests' environment (and their subprocesses'), so the limits stretch only there. A mutant that
makes a reader hang is still caught: by mutmut's own timeout.
"""

from __future__ import annotations

import os

SLOWDOWN = 10 if "MUTANT_UNDER_TEST" in os.environ else 1


def seconds(limit: float) -> float:
    """`limit` seconds, or ten times as many under mutation testing."""
    return limit * SLOWDOWN
