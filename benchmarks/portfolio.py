"""Portfolio benchmarks: importing 2,000 systems from a CSV and asking what Organisation down
hits, on SQLite and on a throw-away PostgreSQL (as the tests start one; skipped when
PostgreSQL is not installed). Targets from issue 19: import ≤ 3 s, impact ≤ 100 ms."""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

N_SYSTEMS = 2_000
AREAS = (
    "Administration",
    "Børn og familie",
    "Beskæftigelse",
    "Sundhed og omsorg",
    "Teknik og miljø",
    "Kultur og fritid",
    "Økonomi",
    "HR",
)


def portfolio_csv(n: int, library, seed: int = 19) -> bytes:
    """A semicolon CSV of `n` systems with random integrations, categories and contracts."""
    rng = random.Random(seed)
    ids = [i.id for i in library.integrations]
    categories = [c.code for c in library.categories]
    lines = [
        "navn;leverandør;integrationer;fagområde;systemejer;kritikalitet;kategori;kanal;kle;"
        "kontraktstart;kontraktudløb"
    ]
    for i in range(n):
        used = ", ".join(rng.sample(ids, rng.randint(0, 5)))
        lines.append(
            f"System {i:05d};Leverandør {i % 97};{used};{rng.choice(AREAS)};"
            f"Ejer {i} <ejer{i}@kommune.dk>;{rng.choice(('høj', 'middel', 'lav'))};"
            f"{rng.choice(categories)};Servicedesk {i % 7};{rng.choice(('00', '27', '85'))};"
            f"2024-01-01;20{rng.randint(26, 33)}-{rng.randint(1, 12):02d}-28"
        )
    return ("\n".join(lines) + "\n").encode("utf-8")


def case_portfolio() -> list[dict]:
    from benchmarks.measure import row
    from procure.portfolio.database import dispose_engines
    from procure.portfolio.impact import impact_of
    from procure.portfolio.importers import read_import_bytes
    from procure.portfolio.store import PortfolioStore
    from tests.pg import ThrowAwayCluster, find_bin_dir
    from tests.samples import shipped_release

    library = shipped_release()
    data = portfolio_csv(N_SYSTEMS, library)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        urls = {"SQLite": f"sqlite:///{Path(tmp) / 'bench.sqlite'}"}
        cluster = None
        bin_dir = find_bin_dir()
        if bin_dir is not None:
            cluster = ThrowAwayCluster(bin_dir)
            cluster.start()
            urls["PostgreSQL"] = cluster.url(cluster.create_database())
        try:
            for kind, url in urls.items():
                store = PortfolioStore(url, library=library)  # migrated before the clock starts
                start = time.perf_counter()
                batch = read_import_bytes(data, "bench.csv", library)
                outcome = store.import_rows(list(batch.rows), source="bench.csv", actor="bench")
                seconds = time.perf_counter() - start
                assert len(outcome.added) == N_SYSTEMS
                rows.append(row(f"portfolio: import CSV, {kind}", N_SYSTEMS, seconds, "s", 3.0))

                start = time.perf_counter()
                again = store.import_rows(list(batch.rows), source="bench.csv", actor="bench")
                rows.append(
                    row(
                        f"portfolio: re-import, nothing changed, {kind}",
                        N_SYSTEMS,
                        time.perf_counter() - start,
                        "s",
                    )
                )
                assert len(again.unchanged) == N_SYSTEMS

                best_load = best_impact = float("inf")
                for _ in range(5):
                    start = time.perf_counter()
                    systems = store.systems()
                    loaded = time.perf_counter()
                    hit = impact_of("organisation", systems, library)
                    done = time.perf_counter()
                    best_load = min(best_load, done - start)
                    best_impact = min(best_impact, done - loaded)
                rows.append(
                    row(
                        f"portfolio: impact of organisation (in memory), {kind}",
                        len(hit.affected),
                        best_impact * 1000,
                        "ms",
                    )
                )
                rows.append(
                    row(
                        f"portfolio: read 2,000 systems + impact, {kind}",
                        N_SYSTEMS,
                        best_load * 1000,
                        "ms",
                        100,
                    )
                )
        finally:
            dispose_engines()
            if cluster is not None:
                cluster.stop()
    return rows
