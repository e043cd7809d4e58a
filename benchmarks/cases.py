"""Benchmark cases. Each returns rows: {case, n, value, unit, target, ok}."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from benchmarks.generate import SHIPPED, generated_library


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


def case_library_shipped() -> list[dict]:
    from procure.library import load_library

    library = load_library(SHIPPED)
    seconds = best_of(5, lambda: load_library(SHIPPED))
    return [
        row(
            "library: load+validate shipped YAML",
            len(library.requirements),
            seconds * 1000,
            "ms",
            150,
        )
    ]


def case_library_scale() -> list[dict]:
    from procure.library import load_library, read_release_file, write_release

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in (1_000, 5_000, 10_000):
            folder = generated_library(Path(tmp) / f"lib{n}", n)
            library = load_library(folder)
            assert len(library.requirements) == n
            seconds = best_of(2, lambda folder=folder: load_library(folder))
            rows.append(
                row(
                    "library: validate generated YAML folder",
                    n,
                    seconds,
                    "s",
                    5.0 if n == 10_000 else None,
                )
            )
            release = write_release(library, folder / "releases")
            seconds = best_of(3, lambda release=release: read_release_file(release))
            rows.append(
                row(
                    "library: load released JSON bundle",
                    n,
                    seconds,
                    "s",
                    0.5 if n == 10_000 else None,
                )
            )
    for kind in ("validate generated YAML folder", "load released JSON bundle"):
        per = [r for r in rows if r["case"].endswith(kind)]
        ratio = (per[-1]["value"] / per[-1]["n"]) / (per[0]["value"] / per[0]["n"])
        rows.append(row(f"library: {kind}, per-item time 10k/1k", "", ratio, "x", 1.5))
    return rows


ALL_CASES = [case_library_shipped, case_library_scale]
