"""The wizard's Portefølje step with 2,000 systems (issue 19: a rerun ≤ 150 ms), on SQLite and,
when PostgreSQL is installed, on a throw-away server as the tests start one.

What is timed, as for the Krav and Tilbud steps (benchmarks/wizard.py): one script run of the
wizard, Streamlit executing app.py from the top with the session's state, i.e. the server's work
for a rerun before the deltas go to the browser. Reruns with nothing changed ask the database
only for its revision; the rerun after another tab's change reads the 2,000 systems again.
"""

from __future__ import annotations

import contextlib
import os
import statistics
import tempfile
import time
from pathlib import Path

RERUNS = 10

_TIMED_APP = """
import time

import streamlit as st

_started = time.perf_counter()
from procure.ui.app import main

main()
st.session_state["benchmark_script_seconds"] = time.perf_counter() - _started
"""


def case_portfolio_page() -> list[dict]:
    from benchmarks.portfolio import N_SYSTEMS, portfolio_csv
    from procure.portfolio.catalogue import library_in_force
    from procure.portfolio.database import dispose_engines
    from procure.portfolio.importers import read_import_bytes
    from tests.pg import ThrowAwayCluster, find_bin_dir

    library = library_in_force()  # the release the page checks against
    batch = read_import_bytes(portfolio_csv(N_SYSTEMS, library), "bench.csv", library)
    rows = []
    with tempfile.TemporaryDirectory() as tmp, _environment(tmp):
        urls = {"SQLite": f"sqlite:///{Path(tmp) / 'page.sqlite'}"}
        cluster = None
        bin_dir = find_bin_dir()
        if bin_dir is not None:
            cluster = ThrowAwayCluster(bin_dir)
            cluster.start()
            urls["PostgreSQL"] = cluster.url(cluster.create_database())
        try:
            for kind, url in urls.items():
                rows += _page_rows(kind, url, library, batch)
        finally:
            os.environ.pop("PROCURE_DATABASE_URL", None)
            dispose_engines()
            if cluster is not None:
                cluster.stop()
    return rows


def _page_rows(kind: str, url: str, library, batch) -> list[dict]:
    """The reruns of the step on one database with the 2,000 systems of `batch`."""
    from benchmarks.measure import row
    from benchmarks.portfolio import N_SYSTEMS
    from procure.portfolio.database import dispose_engines
    from procure.portfolio.records import SystemRecord
    from procure.portfolio.store import PortfolioStore
    from procure.ui import portfolio

    n = N_SYSTEMS
    os.environ["PROCURE_DATABASE_URL"] = url
    store = PortfolioStore(url, library=library)
    store.import_rows(list(batch.rows), source="bench.csv", actor="bench")
    assert len(store.systems()) == n
    app = _app_on_portfolio_step()

    script, wall = _reruns(app, RERUNS)
    rows = [
        row(f"wizard: rerun on Portefølje, {kind}", n, script * 1000, "ms", 150),
        row(f"wizard: the same as AppTest.run() wall time, {kind}", n, wall * 1000, "ms"),
    ]

    areas = iter(["Økonomi", "HR", ""] * RERUNS)
    filtered = _reruns(
        app, RERUNS, lambda a: a.selectbox(key="pf_filter_area").set_value(next(areas))
    )[0]
    rows.append(row(f"wizard: Portefølje, area filter changed, {kind}", n, filtered * 1000, "ms"))

    counter = iter(range(10_000))

    def another_tab_writes(_app) -> None:
        name = f"Andet faneblad {next(counter)}"
        record = SystemRecord(name, vendor="V", business_area="HR", owner_email="a@kommune.dk")
        store.add(record, actor="bench")

    changed = _reruns(app, 5, another_tab_writes)[0]
    rows.append(
        row(f"wizard: Portefølje after another tab's change, {kind}", n, changed * 1000, "ms")
    )

    def organisation_down(a) -> None:
        view = a.session_state["procure_portfolio_view"]
        view.section, view.component = "impact", "organisation"

    first = _reruns(app, 1, organisation_down)[0]
    assert "er nede" in app.subheader[0].value, "systems hit"
    impact = _reruns(app, RERUNS)[0]
    rows += [
        row(f"wizard: Portefølje impact, first view, {kind}", n, first * 1000, "ms"),
        row(f"wizard: Portefølje impact, rerun, {kind}", n, impact * 1000, "ms"),
    ]

    first = _reruns(app, 1, lambda a: a.radio(key="pf_section").set_value("coverage"))[0]
    coverage = _reruns(app, RERUNS)[0]
    rows += [
        row(f"wizard: Portefølje coverage, first view, {kind}", n, first * 1000, "ms"),
        row(f"wizard: Portefølje coverage, rerun, {kind}", n, coverage * 1000, "ms"),
    ]
    portfolio.portfolio_store.clear()
    dispose_engines()
    return rows


def _app_on_portfolio_step():
    from streamlit.testing.v1 import AppTest

    from procure.ui.state import WizardState
    from procure.ui.texts import STEP_KEYS

    app = AppTest.from_string(_TIMED_APP, default_timeout=120)
    app.session_state["procure_wizard"] = WizardState(step=STEP_KEYS.index("step_portfolio"))
    app.run()  # the first run: library and systems loaded, as after the officer's first click
    if app.exception:
        raise RuntimeError(f"the wizard failed: {app.exception[0].value}")
    app.run()  # warm-up
    return app


def _reruns(app, count: int, change=None) -> tuple[float, float]:
    """Median (script seconds, AppTest.run seconds) over `count` reruns; `change(app)` first
    does what the officer (or another tab) does."""
    script, wall = [], []
    for _ in range(count):
        if change is not None:
            change(app)
        started = time.perf_counter()
        app.run()
        if app.exception:
            raise RuntimeError(f"the wizard failed: {app.exception[0].value}")
        wall.append(time.perf_counter() - started)
        script.append(app.session_state["benchmark_script_seconds"])
    return statistics.median(script), statistics.median(wall)


@contextlib.contextmanager
def _environment(tmp: str):
    """PROCURE_WORKSPACE only for the benchmark."""
    saved = os.environ.get("PROCURE_WORKSPACE")
    os.environ["PROCURE_WORKSPACE"] = str(Path(tmp) / "workspace")
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("PROCURE_WORKSPACE", None)
        else:
            os.environ["PROCURE_WORKSPACE"] = saved
