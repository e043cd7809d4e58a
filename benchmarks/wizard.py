"""Wizard benchmarks (issue 5): a rerun of the Krav step with a 300-requirement tender, and a
cold start of `streamlit run` to the first page a browser shows."""

from __future__ import annotations

import contextlib
import dataclasses
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.generate import ROOT, generated_release, tender_with_every_requirement

RERUNS = 10
CHROMIUM = Path("/usr/bin/chromium")

# What is timed: one script run of the wizard, i.e. Streamlit executing app.py from the top
# (restore, sidebar, the Krav page, autosave) with the session's state. That is the server's
# work for a rerun before the deltas go to the browser; the websocket transfer and the
# browser's drawing are not in it. AppTest.run() around it adds the test harness's own work
# (it rebuilds the element tree from the deltas) and is reported beside it, without a target.
_TIMED_APP = """
import time

import streamlit as st

_started = time.perf_counter()
from procure.ui.app import main

main()
st.session_state["benchmark_script_seconds"] = time.perf_counter() - _started
"""


def case_wizard() -> list[dict]:
    return [*krav_rerun_rows(), *cold_start_rows()]


def krav_rerun_rows() -> list[dict]:
    from benchmarks.cases import row
    from procure.library import load_release
    from procure.ui import page_requirements
    from procure.ui.session import cached_release
    from procure.ui.state import WizardState, load_tender, propose, requirement_rows
    from procure.ui.texts import STEP_KEYS

    rows = []
    with tempfile.TemporaryDirectory() as tmp, _environment(tmp):
        folder = generated_release(Path(tmp) / "lib", 300)
        os.environ["PROCURE_LIBRARY"] = str(folder)
        library = load_release("1.0.0", folder)
        state = WizardState(title="Benchmark-udbud", buyer="Benchmark Kommune")
        # KLE 27 is the group every generated requirement is limited to: with it chosen, the
        # library proposes all 300, as for an officer who has just reached the step
        tender = dataclasses.replace(tender_with_every_requirement(library), kle=("27",))
        load_tender(state, tender, library)
        state.step = STEP_KEYS.index("step_requirements")
        rows_shown = requirement_rows(state, library, propose(state, library))
        assert sum(r.included and r.proposed for r in rows_shown) == 300, "300 proposed"
        cached_release.clear()  # the wizard must load this library, not a cached one

        app = _app_on_krav_step(state)
        script, wall = _reruns(app, RERUNS)
        flipped = page_requirements.requirement_cards(rows_shown, [], library)[0].id
        changed = _reruns(app, RERUNS, change=f"req_include_{flipped}")[0]
        rows += [
            row("wizard: rerun on Krav step, 300 requirements", 300, script * 1000, "ms", 150),
            row(
                "wizard: rerun on Krav step after a change (autosaved)",
                300,
                changed * 1000,
                "ms",
                150,
            ),
            row("wizard: the same rerun as AppTest.run() wall time", 300, wall * 1000, "ms"),
        ]

        # Why the step pages its cards: the same rerun with every card drawn
        page_size = page_requirements.PAGE_SIZE
        page_requirements.PAGE_SIZE = 10_000
        try:
            unpaged = _reruns(_app_on_krav_step(state), 3)[0]
        finally:
            page_requirements.PAGE_SIZE = page_size
        rows.append(
            row("wizard: rerun on Krav step, all 300 cards drawn", 300, unpaged * 1000, "ms")
        )
        cached_release.clear()
    return rows


def cold_start_rows(runs: int = 3) -> list[dict]:
    """Median over `runs` fresh processes: from starting `streamlit run app.py` until Chromium
    shows the app's title. The browser is started before the clock, as an officer's browser is
    already open."""
    from benchmarks.cases import row

    why_not = _browser_missing()
    if why_not:
        print(f"  wizard: cold start skipped: {why_not}", file=sys.stderr)
        return []
    from playwright.sync_api import sync_playwright

    from procure.ui.texts import tr

    title = tr("da", "app_title")
    seconds = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox"]
        )
        try:
            for _ in range(runs):
                with tempfile.TemporaryDirectory() as workspace:
                    page = browser.new_page()
                    try:
                        seconds.append(_cold_start(page, title, workspace))
                    finally:
                        page.close()
        finally:
            browser.close()
    return [
        row("wizard: cold start to first rendered page", runs, statistics.median(seconds), "s", 5)
    ]


# -- Helpers --------------------------------------------------------------------------------------


@contextlib.contextmanager
def _environment(tmp: str):
    """PROCURE_WORKSPACE (and PROCURE_LIBRARY, set by the caller) only for the benchmark."""
    saved = {k: os.environ.get(k) for k in ("PROCURE_LIBRARY", "PROCURE_WORKSPACE")}
    os.environ["PROCURE_WORKSPACE"] = str(Path(tmp) / "workspace")
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _app_on_krav_step(state):
    import copy

    from streamlit.testing.v1 import AppTest

    app = AppTest.from_string(_TIMED_APP, default_timeout=120)
    app.session_state["procure_wizard"] = copy.deepcopy(state)
    app.run()  # the first run: the library is loaded and cached, as after the officer's first click
    if app.exception:
        raise RuntimeError(f"the wizard failed: {app.exception[0].value}")
    app.run()  # warm-up
    return app


def _reruns(app, count: int, change: str | None = None) -> tuple[float, float]:
    """Median (script seconds, AppTest.run seconds) over `count` reruns; with `change`, each
    rerun first flips that checkbox (the officer includes or excludes a requirement)."""
    script, wall = [], []
    for _ in range(count):
        if change:
            box = app.checkbox(key=change)
            box.set_value(not box.value)
        started = time.perf_counter()
        app.run()
        wall.append(time.perf_counter() - started)
        script.append(app.session_state["benchmark_script_seconds"])
    return statistics.median(script), statistics.median(wall)


def _browser_missing() -> str:
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install playwright)"
    return ""


def _cold_start(page, title: str, workspace: str) -> float:
    port = _free_port()
    env = {
        **os.environ,
        "PROCURE_WORKSPACE": workspace,
        "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
    }
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "app.py",
        "--server.headless",
        "true",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.fileWatcherType",
        "none",
    ]
    started = time.perf_counter()
    server = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        _wait_until_listening(port, server)
        page.goto(f"http://127.0.0.1:{port}")
        page.get_by_text(title).first.wait_for(state="visible", timeout=60_000)
        return time.perf_counter() - started
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)


def _wait_until_listening(port: int, server: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"streamlit stopped with exit code {server.returncode}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return
        time.sleep(0.02)
    raise RuntimeError(f"streamlit did not listen on port {port} within {timeout:g} s")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
