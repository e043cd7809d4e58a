"""Wizard benchmarks (issue 5): a rerun of the Krav step with a 300-requirement tender; the
Tilbud step with that tender and 10 vendors' responses (first check, a rerun, an override); and
a cold start of `streamlit run` to the first page a browser shows."""

from __future__ import annotations

import contextlib
import dataclasses
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.generate import generated_release, tender_with_every_requirement

RERUNS = 10

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
    return [*krav_rerun_rows(), *tilbud_rows(), *cold_start_rows()]


def krav_rerun_rows() -> list[dict]:
    from benchmarks.measure import row
    from procure.library import load_release, released_versions
    from procure.ui.pages.krav import cards as krav_cards
    from procure.ui.session import cached_release
    from procure.ui.state import WizardState, load_tender, propose, requirement_rows
    from procure.ui.texts import STEP_KEYS

    rows = []
    with tempfile.TemporaryDirectory() as tmp, _environment(tmp):
        folder = generated_release(Path(tmp) / "lib", 300)
        os.environ["PROCURE_LIBRARY"] = str(folder)
        library = load_release(released_versions(folder)[-1], folder)
        state = WizardState(title="Benchmark-udbud", buyer="Benchmark Kommune")
        # KLE 27 is the group every generated requirement is limited to: with it chosen, the
        # library proposes all 300, as for an officer who has just reached the step
        tender = dataclasses.replace(tender_with_every_requirement(library), kle=("27",))
        load_tender(state, tender, library)
        state.step = STEP_KEYS.index("step_requirements")
        rows_shown = requirement_rows(state, library, propose(state, library))
        assert sum(r.included and r.proposed for r in rows_shown) == 300, "300 proposed"
        cached_release.clear()  # the wizard must load this library, not a cached one

        app = _app_on_step(state)
        script, wall = _reruns(app, RERUNS)
        flipped = krav_cards.requirement_cards(rows_shown, [], library)[0].id
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
        page_size = krav_cards.PAGE_SIZE
        krav_cards.PAGE_SIZE = 10_000
        try:
            unpaged = _reruns(_app_on_step(state), 3)[0]
        finally:
            krav_cards.PAGE_SIZE = page_size
        rows.append(
            row("wizard: rerun on Krav step, all 300 cards drawn", 300, unpaged * 1000, "ms")
        )
        cached_release.clear()
    return rows


TILBUD_VENDORS = 10
TILBUD_FIRST_RUNS = 3
TILBUD_OVERRIDES = 5


def tilbud_rows() -> list[dict]:
    """The Tilbud step with the 300-requirement tender and 10 vendors' responses (5 filled-in
    Word forms, 5 answer files), answered so that verdicts, reservations and compliance differ:
    (a) the run that reads and checks all 10, (b) a rerun with nothing changed, and one after a
    click on the heat map's filter, (c) the rerun after one manual point override is saved.
    Beside the times: what a rerun sends to the browser."""
    from benchmarks.measure import row
    from procure.library import load_release, released_versions
    from procure.tender import resolve_tender
    from procure.ui.checking import vendor_key
    from procure.ui.session import cached_release
    from procure.ui.state import WizardState, build_tender, load_tender
    from procure.ui.texts import STEP_KEYS

    n = f"{TILBUD_VENDORS}x300"
    rows = []
    with tempfile.TemporaryDirectory() as tmp, _environment(tmp):
        folder = generated_release(Path(tmp) / "lib", 300)
        os.environ["PROCURE_LIBRARY"] = str(folder)
        library = load_release(released_versions(folder)[-1], folder)
        state = WizardState()
        load_tender(state, tender_with_every_requirement(library), library)
        state.step = STEP_KEYS.index("step_check")
        spec = resolve_tender(build_tender(state, library), library)
        assert len(spec.requirements) == 300, "300 requirements in the tender"
        bids = bid_files(spec, TILBUD_VENDORS)
        cached_release.clear()  # the wizard must load this library, not a cached one

        # (a) Each time a fresh session on the step, then the 10 files arrive at once
        first, first_wall = [], []
        for _ in range(TILBUD_FIRST_RUNS):
            app = _app_on_step(state)
            app.session_state["procure_wizard"].check.responses = list(bids)
            started = time.perf_counter()
            app.run()
            first_wall.append(time.perf_counter() - started)
            if app.exception:
                raise RuntimeError(f"the wizard failed: {app.exception[0].value}")
            first.append(app.session_state["benchmark_script_seconds"])
        results = app.session_state["procure_wizard"].check.cache_value.results
        assert len(results) == TILBUD_VENDORS, "every bid checked"
        assert len({r.compliant for r in results}) == 2, "compliant and non-compliant bids"
        rows += [
            row(
                "wizard: Tilbud, read + check 10 bids (first run)", n, statistics.median(first), "s"
            ),
            row(
                "wizard: Tilbud first run as AppTest.run() wall time",
                n,
                statistics.median(first_wall),
                "s",
            ),
        ]

        # (b) Nothing changed, then the officer narrows the heat map (back and forth)
        app.run()  # warm-up
        with _sent_to_browser() as sent:
            script, wall = _reruns(app, RERUNS)
            rerun_sent = sent[-1]
        page = _page_sizes(app)
        filters = iter(["not_ok", "mk_pk", "all"] * RERUNS)
        filtered = _reruns(
            app, RERUNS, lambda a: a.radio(key="chart_heatmap_show").set_value(next(filters))
        )[0]
        rows += [
            row("wizard: rerun on Tilbud step, 10 bids x 300", n, script * 1000, "ms", 150),
            row("wizard: Tilbud rerun as AppTest.run() wall time", n, wall * 1000, "ms"),
            row("wizard: rerun on Tilbud step, heat map filter changed", n, filtered * 1000, "ms"),
        ]

        # (c) One override saved for the first vendor, each time with other points
        result = results[0]
        key = vendor_key(result.source, result.vendor)
        pk = next(r for r in spec.requirements if r.kind == "PK")
        points = iter(["0", "1", "0,5", "2", "1,5"] * TILBUD_OVERRIDES)

        def save_override(a) -> None:
            a.selectbox(key=f"override_{key}_requirement").set_value(pk.id)
            a.text_input(key=f"override_{key}_points").input(next(points))
            a.text_input(key=f"override_{key}_by").input("Benchmark")
            a.text_area(key=f"override_{key}_why").input("Benchmark af en pointjustering.")
            a.button(key=f"override_{key}_save").click()

        with _sent_to_browser() as sent:
            saved, saved_wall = _reruns(app, TILBUD_OVERRIDES, save_override)
            override_sent = sent[-1]
        wizard = app.session_state["procure_wizard"]
        entries = wizard.check.evaluations[wizard.tender_id].entries
        assert len(entries) == TILBUD_OVERRIDES, "every override saved"
        rows += [
            row("wizard: rerun on Tilbud step after an override", n, saved * 1000, "ms"),
            row(
                "wizard: Tilbud override rerun as AppTest.run() wall time",
                n,
                saved_wall * 1000,
                "ms",
            ),
        ]

        rows += _sent_rows(n, page, rerun_sent, override_sent)
        cached_release.clear()
    return rows


def bid_files(spec, count: int) -> list:
    """`count` vendors' responses to `spec`: even vendors fill in the Word form, odd ones send
    an answer file. Most answers are "Opfyldt"; each vendor has its own mix of partly met PKs
    and Ks (with a reservation, priced or not), unanswered Ks and options not offered, and
    every third vendor fails one MK."""
    import random

    import yaml

    from procure.documents.response_docx import render_response_form_docx
    from procure.ui.state import UploadedFile
    from tests.fill import fill_docx_form

    form = render_response_form_docx(spec)
    files = []
    for v in range(count):
        rng = random.Random(v)
        vendor = f"Leverandør {v + 1:02d} A/S"
        answers = {}  # id -> (answer, description, reservation, price)
        failed_mk = v % 3 == 2
        for requirement in spec.requirements:
            answer, reservation, price = "Opfyldt", "", None
            draw = rng.random()
            if requirement.kind == "MK" and failed_mk:
                answer, failed_mk = "Ikke opfyldt", False
            elif requirement.kind in ("PK", "K") and draw < 0.12 + v * 0.01:
                answer, reservation = "Delvist opfyldt", "Leveres i anden fase."
                price = rng.choice([None, 5_000, 25_000])
            elif requirement.kind == "PK" and draw > 0.93:
                answer = "Ikke opfyldt"
            elif requirement.kind == "K" and draw > 0.98:
                continue  # left unanswered
            elif requirement.kind == "O" and draw < 0.4:
                answer = "Ikke opfyldt"
            answers[requirement.id] = (answer, f"Løsning til {requirement.id}.", reservation, price)
        if v % 2 == 0:
            filled = {
                rid: (a, d, f"{r} Pris: {p:,} kr.".replace(",", ".") if p else r)
                for rid, (a, d, r, p) in answers.items()
            }
            data = fill_docx_form(form, filled, vendor={"name": vendor})
            files.append(UploadedFile(f"tilbud-{v + 1:02d}.docx", data))
        else:
            document = {
                "format": "procure-answers/1",
                "tender_id": spec.tender.id,
                "vendor": {"name": vendor},
                "answers": [
                    {
                        "id": rid,
                        "answer": a,
                        "description": d,
                        **({"reservation": r} if r else {}),
                        **({"price": p} if p else {}),
                    }
                    for rid, (a, d, r, p) in answers.items()
                ],
            }
            data = yaml.safe_dump(document, allow_unicode=True).encode()
            files.append(UploadedFile(f"tilbud-{v + 1:02d}.yaml", data))
    return files


def _page_sizes(app) -> dict:
    """The heat map's data rows and bytes, and the cells of every table on the page."""
    import pyarrow as pa

    heatmap = app.get("vega_lite_chart")[-1].proto
    return {
        "heatmap_rows": pa.ipc.open_stream(heatmap.data.data).read_all().num_rows,
        "heatmap_bytes": heatmap.ByteSize(),
        "cells": sum(frame.value.size for frame in app.dataframe),
    }


def _sent_rows(n: str, page: dict, rerun: dict, override: dict) -> list[dict]:
    """What the page sends: every message of a rerun, what is left once the browser's message
    cache has the large unchanged ones, the heat map's data rows and the tables' cells."""
    from benchmarks.measure import row

    return [
        row("wizard: Tilbud rerun, sent to the browser", n, rerun["all"] / 1024, "KB"),
        row("wizard: Tilbud rerun, past the browser's cache", n, rerun["new"] / 1024, "KB"),
        row("wizard: Tilbud override rerun, sent to the browser", n, override["all"] / 1024, "KB"),
        row(
            "wizard: Tilbud override rerun, past the browser's cache",
            n,
            override["new"] / 1024,
            "KB",
        ),
        row("wizard: Tilbud heat map data rows", n, page["heatmap_rows"], "rows"),
        row("wizard: Tilbud heat map spec + data", n, page["heatmap_bytes"] / 1024, "KB"),
        row("wizard: Tilbud tables, cells on the page", n, page["cells"], "cells"),
    ]


def cold_start_rows(runs: int = 3) -> list[dict]:
    """Median over `runs` fresh processes: from starting `streamlit run app.py` until Chromium
    shows the app's title. The browser is started before the clock, as an officer's browser is
    already open."""
    from benchmarks.measure import row
    from tests.wizard_server import browser_missing, launch_chromium

    why_not = browser_missing()
    if why_not:
        print(f"  wizard: cold start skipped: {why_not}", file=sys.stderr)
        return []
    from playwright.sync_api import sync_playwright

    from procure.ui.texts import tr

    title = tr("da", "app_title")
    seconds = []
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
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


def _cold_start(page, title: str, workspace: str) -> float:
    """Seconds from starting the server until the page shows `title`."""
    from tests.wizard_server import served_wizard

    started = time.perf_counter()
    with served_wizard({"PROCURE_WORKSPACE": workspace}) as url:
        page.goto(url)
        page.get_by_text(title).first.wait_for(state="visible", timeout=60_000)
        return time.perf_counter() - started


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


def _app_on_step(state):
    import copy

    from streamlit.testing.v1 import AppTest

    app = AppTest.from_string(_TIMED_APP, default_timeout=120)
    app.session_state["procure_wizard"] = copy.deepcopy(state)
    app.run()  # the first run: the library is loaded and cached, as after the officer's first click
    if app.exception:
        raise RuntimeError(f"the wizard failed: {app.exception[0].value}")
    app.run()  # warm-up
    return app


def _reruns(app, count: int, change=None) -> tuple[float, float]:
    """Median (script seconds, AppTest.run seconds) over `count` reruns; with `change`, each
    rerun first does what the officer does: a checkbox key is flipped (a requirement included
    or excluded), a function is called with the app."""
    script, wall = [], []
    for _ in range(count):
        if isinstance(change, str):
            box = app.checkbox(key=change)
            box.set_value(not box.value)
        elif change is not None:
            change(app)
        started = time.perf_counter()
        app.run()
        if app.exception:
            raise RuntimeError(f"the wizard failed: {app.exception[0].value}")
        wall.append(time.perf_counter() - started)
        script.append(app.session_state["benchmark_script_seconds"])
    return statistics.median(script), statistics.median(wall)


# The browser keeps the messages Streamlit marks cacheable (elements of 10 KB or more, its
# global.minCachedMessageSize) and tells the server so: an unchanged one is then sent again
# only as a reference to it, of about this size.
_REFERENCE_BYTES = 60


@contextlib.contextmanager
def _sent_to_browser():
    """Per AppTest run: the bytes of all its messages ("all"), and the bytes a browser that
    kept the previous run's large messages would receive ("new")."""
    from streamlit.testing.v1 import local_script_runner

    runner = local_script_runner.LocalScriptRunner
    original = runner.forward_msgs
    runs: list[dict] = []
    seen: set[str] = set()

    def recording(self):
        messages = original(self)
        cached = {m.hash for m in messages if m.metadata.cacheable}
        runs.append(
            {
                "all": sum(m.ByteSize() for m in messages),
                "new": sum(
                    _REFERENCE_BYTES if m.metadata.cacheable and m.hash in seen else m.ByteSize()
                    for m in messages
                ),
            }
        )
        seen.clear()
        seen.update(cached)
        return messages

    runner.forward_msgs = recording
    try:
        yield runs
    finally:
        runner.forward_msgs = original
