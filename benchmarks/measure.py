"""How a benchmark measures and reports: the best of several runs, and one result row."""

from __future__ import annotations

import time


def best_of(repeat: int, func) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - start)
    return best


def row(case: str, n, value: float, unit: str, target: float | None = None) -> dict:
    return {
        "case": case,
        "n": n,
        "value": round(value, 4),
        "unit": unit,
        "target": target,
        "ok": None if target is None else value <= target,
    }
