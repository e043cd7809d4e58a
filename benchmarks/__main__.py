"""Run procure's benchmarks and print the figures as a table and as JSON.

    python -m benchmarks                 # everything
    python -m benchmarks --only library  # cases whose name starts with "library"
    python -m benchmarks --only wizard   # Krav and Tilbud step reruns, the wizard's cold start
    python -m benchmarks --only floor    # issue 20: procure against the bare libraries
    python -m benchmarks --json out.json # also write the JSON to a file

Each case reports the best of a few runs (wall clock, in-process unless it says "process"),
its target where an issue names one, and whether the target is met. The "floor" cases run
whole processes alternately with a bare-library script doing the same bulk and report the
medians and their ratio (benchmarks/floors.py, docs/speed.md).
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
from pathlib import Path

from benchmarks.cases import ALL_CASES


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--only", nargs="*", default=[], help="run cases with these name prefixes")
    parser.add_argument("--json", help="write the JSON result to this file too")
    args = parser.parse_args(argv)
    rows = []
    for case in ALL_CASES:
        if args.only and not any(
            case.__name__.removeprefix("case_").startswith(p) for p in args.only
        ):
            continue
        print(f"… {case.__name__.removeprefix('case_')}", file=sys.stderr, flush=True)
        rows.extend(case())
    print_table(rows)
    document = {"python": platform.python_version(), "machine": platform.machine(), "rows": rows}
    text = json.dumps(document, indent=2, ensure_ascii=False)
    print(text)
    if args.json:
        Path(args.json).write_text(text + "\n", encoding="utf-8")
    return 0 if all(row.get("ok") is not False for row in rows) else 1


def print_table(rows: list[dict]) -> None:
    header = f"{'case':<58} {'n':>7} {'value':>12} {'target':>12}  ok"
    print(header)
    print("-" * len(header))
    for row in rows:
        target = "" if row.get("target") is None else f"{row['target']:g} {row['unit']}"
        ok = "" if row.get("ok") is None else ("yes" if row["ok"] else "NO")
        print(
            f"{row['case']:<58} {row.get('n', ''):>7} {row['value']:>9.3f} {row['unit']:<2} "
            f"{target:>12}  {ok}"
        )
    print()


if __name__ == "__main__":
    raise SystemExit(main())
