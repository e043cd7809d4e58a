"""Issue 20: procure's whole processes against the bare libraries doing the same bulk.

Machines here differ by a factor of three from one day to the next, so each figure is a ratio:
`procure …` in a new process against a bare script (CSafeLoader, jsonschema, docxtpl, openpyxl,
python-docx, a one-title Streamlit page) in a new process, run alternately in the same
benchmark, RUNS times each, medians. Peak memory is the procure process's own high-water mark.
A growth table follows: validate at 1k/3k/10k and build at 300/1k/3k requirements, with each
step's time over the last one's and the size's ratio beside it (linear cost: the two agree).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.generate import ROOT, SHIPPED, grown_library
from benchmarks.measure import row

RUNS = int(os.environ.get("PROCURE_BENCH_RUNS", "5"))
SCHEMAS = ROOT / "procure" / "library" / "schemas"

# The floor of `procure library validate` on a folder: parse every file with CSafeLoader and
# validate it against procure's own schema, all errors collected. With "parse" only the parse.
_BARE_VALIDATE = """
import json, sys
from pathlib import Path
import yaml
root, schemas, mode = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
files = [(root / f"{n}.yaml", f"{n}.schema.json") for n in
         ("library", "integrations", "categories", "kle")]
files += [(p, "requirements.schema.json") for p in sorted((root / "requirements").glob("*.yaml"))]
validators, errors = {}, []
if mode == "schema":
    from jsonschema import Draft202012Validator
for path, schema in files:
    data = yaml.load(path.read_text("utf-8"), Loader=yaml.CSafeLoader)
    if mode == "schema":
        if schema not in validators:
            text = (schemas / schema).read_text("utf-8")
            validators[schema] = Draft202012Validator(json.loads(text))
        errors.extend(validators[schema].iter_errors(data))
print(len(errors))
"""

# The floor of `procure build`: docxtpl renders the annex and the form from a one-row template,
# openpyxl writes a workbook of the same rows.
_BARE_BUILD = """
import json, sys
from pathlib import Path
from docxtpl import DocxTemplate
from openpyxl import Workbook
template, out = Path(sys.argv[1]), Path(sys.argv[3])
rows = json.loads(Path(sys.argv[2]).read_text())
out.mkdir(exist_ok=True)
for name in ("annex.docx", "response-form.docx"):
    doc = DocxTemplate(template)
    doc.render({"rows": rows}, autoescape=True)
    doc.save(out / name)
book = Workbook()
sheet = book.active
for r in rows:
    sheet.append([r[f"c{i}"] for i in range(len(r))])
book.save(out / "response-form.xlsx")
"""

# The floor of `procure check` on a Word form: python-docx opens it and reads every cell.
_BARE_CHECK = """
import sys
from docx import Document
document = Document(sys.argv[1])
cells = [[c.text for c in r.cells] for t in document.tables for r in t.rows]
print(sum(len(r) for r in cells))
"""

# Runs `procure` and reports the peak resident memory (VmHWM) of the process at exit, or of a
# child it forked and waited for (`procure build` renders one document in one), whichever is
# higher. The rusage of the benchmark's own child is no good: Linux keeps a forked child's
# high-water mark across exec, so it would report the benchmark process's size.
_PEAK = """
import atexit, re, resource, sys
def _report():
    status = open("/proc/self/status").read()
    own = int(re.search(r"VmHWM:\\s+(\\d+)", status).group(1))
    forked = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    sys.stderr.write(f"VMHWM_KB {max(own, forked)}\\n")
atexit.register(_report)
"""
_PROCURE = _PEAK + "from procure.cli import main\nraise SystemExit(main(sys.argv[1:]))\n"


def timed(script: str, args: list, env: dict | None = None, ok=(0,)) -> tuple[float, float]:
    """(wall seconds, peak MB) of `python -c script args` in a new process."""
    import re

    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", script, *map(str, args)], env=env, capture_output=True, text=True
    )
    seconds = time.perf_counter() - start
    if result.returncode not in ok:
        raise RuntimeError(f"exit {result.returncode}: {result.stderr[-2000:]}")
    found = re.search(r"VMHWM_KB (\d+)", result.stderr)
    return seconds, (int(found.group(1)) / 1024 if found else float("nan"))


def alternate(ours, floor, runs: int = RUNS) -> dict:
    """Run `ours` and `floor` alternately `runs` times; medians, their ratio, the peak memory."""
    mine, bare, peaks = [], [], []
    for _ in range(runs):
        seconds, peak = ours()
        mine.append(seconds)
        peaks.append(peak)
        bare.append(floor()[0])
    ours_s, floor_s = statistics.median(mine), statistics.median(bare)
    return {"ours": ours_s, "floor": floor_s, "ratio": ours_s / floor_s, "peak": max(peaks)}


def ratio_rows(label: str, n, result: dict, target: float, memory: float | None = None):
    rows = [
        row(f"floor: {label}, procure (median)", n, result["ours"], "s"),
        row(f"floor: {label}, bare floor (median)", n, result["floor"], "s"),
        row(f"floor: {label}, procure / floor", n, result["ratio"], "x", target),
    ]
    if memory is not None:
        rows.append(row(f"floor: {label}, peak memory", n, result["peak"], "MB", memory))
    return rows


def procure_env(library: Path | None = None) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    if library is not None:
        env["PROCURE_LIBRARY"] = str(library)
    return env


def installed_bytecode() -> None:
    """Byte-compile procure, as pip does when it installs it: a new user's `procure` starts
    from .pyc files, as the bare libraries in site-packages do. (This machine sets
    PYTHONDONTWRITEBYTECODE, so without this every run would compile procure's source, about
    a tenth of a second.)"""
    import compileall

    compileall.compile_dir(ROOT / "procure", quiet=1)


def case_floor() -> list[dict]:
    installed_bytecode()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        rows += validate_rows(tmp)
        rows += build_and_check_rows(tmp)
    rows += wizard_rows()
    return rows


def case_floor_growth() -> list[dict]:
    installed_bytecode()
    with tempfile.TemporaryDirectory() as tmp:
        return growth_rows(Path(tmp))


# -- (a), (b) validate ----------------------------------------------------------------------------


def validate_once(folder: Path) -> tuple[float, float]:
    return timed(_PROCURE, ["library", "validate", folder], procure_env())


def validate_rows(tmp: Path) -> list[dict]:
    env = procure_env()
    shipped = alternate(
        lambda: validate_once(SHIPPED),
        lambda: timed(_BARE_VALIDATE, [SHIPPED, SCHEMAS, "schema"], env),
    )
    grown = grown_library(tmp / "grown10k", 10_000)
    ten_k = alternate(
        lambda: validate_once(grown), lambda: timed(_BARE_VALIDATE, [grown, SCHEMAS, "parse"], env)
    )
    return [
        *ratio_rows("validate shipped library vs CSafeLoader+jsonschema", 119, shipped, 1.3),
        *ratio_rows("validate 10,000 requirements vs CSafeLoader parse", 10_000, ten_k, 0.9),
    ]


# -- (c), (d) build and check ---------------------------------------------------------------------


def build_inputs(tmp: Path, count: int) -> tuple[Path, Path, object]:
    """A grown library, released, and a tender selecting `count` of its active requirements:
    (library folder, tender.yaml, resolved spec)."""
    import dataclasses

    from benchmarks.generate import tender_with_every_requirement
    from procure.library import load_library, write_release
    from procure.tender import resolve_tender, save_tender

    folder = grown_library(tmp / f"lib{count}", count * 6 // 5)  # a sixth is deprecated
    library = load_library(folder)
    write_release(library, folder / "releases")
    tender = tender_with_every_requirement(library)
    tender = dataclasses.replace(tender, requirements=tender.requirements[:count])
    assert len(tender.requirements) == count, "enough active requirements"
    tender_file = tmp / f"tender{count}.yaml"
    save_tender(tender, tender_file)
    return folder, tender_file, resolve_tender(tender, library)


def bare_build_inputs(tmp: Path, spec) -> tuple[Path, Path]:
    from benchmarks.generate import bare_docxtpl_template

    template = bare_docxtpl_template(tmp / "bare.docx", 7)
    rows = [
        {
            "c0": r.id,
            "c1": r.kind,
            "c2": f"{r.title}\n{r.text}",
            "c3": r.answer_hint,
            "c4": "",
            "c5": "",
            "c6": "",
        }
        for r in spec.requirements
    ]
    rows_file = tmp / "rows.json"
    rows_file.write_text(json.dumps(rows, ensure_ascii=False), "utf-8")
    return template, rows_file


def build_once(tmp: Path, folder: Path, tender_file: Path) -> tuple[float, float]:
    out = Path(tempfile.mkdtemp(dir=tmp))
    return timed(_PROCURE, ["build", tender_file, "--out", out], procure_env(folder))


def build_and_check_rows(tmp: Path) -> list[dict]:
    from procure.documents.response_docx import render_response_form_docx
    from tests.fill import fill_docx_form

    folder, tender_file, spec = build_inputs(tmp, 1_000)
    n = len(spec.requirements)
    template, rows_file = bare_build_inputs(tmp, spec)
    env = procure_env()
    build = alternate(
        lambda: build_once(tmp, folder, tender_file),
        lambda: timed(_BARE_BUILD, [template, rows_file, Path(tempfile.mkdtemp(dir=tmp))], env),
    )
    answers = {r.id: ("Opfyldt", "Beskrivelse af løsningen " * 4, "") for r in spec.requirements}
    form = tmp / "filled.docx"
    form.write_bytes(
        fill_docx_form(render_response_form_docx(spec), answers, vendor={"name": "Benchmark A/S"})
    )
    check = alternate(
        lambda: timed(_PROCURE, ["check", tender_file, form], procure_env(folder)),
        lambda: timed(_BARE_CHECK, [form], env),
    )
    return [
        *ratio_rows("build 1,000 requirements vs docxtpl+openpyxl", n, build, 1.3, 200),
        *ratio_rows("check 1,000-answer Word form vs python-docx read", n, check, 1.0, 200),
    ]


# -- (e) the wizard's cold start ------------------------------------------------------------------

_BARE_PAGE = 'import streamlit as st\n\nst.title("procure")\n'


def wizard_rows() -> list[dict]:
    from tests.wizard_server import browser_missing, launch_chromium

    why_not = browser_missing()
    if why_not:
        print(f"  floor: wizard cold start skipped: {why_not}", file=sys.stderr)
        return []
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        bare_page = Path(tmp) / "bare_page.py"
        bare_page.write_text(_BARE_PAGE, "utf-8")
        browser = launch_chromium(playwright)
        try:
            result = alternate(
                lambda: (cold_start(browser, "app.py", Path(tmp)), 0.0),
                lambda: (cold_start(browser, str(bare_page), Path(tmp)), 0.0),
            )
        finally:
            browser.close()
    return ratio_rows("wizard cold start vs one-title Streamlit page", 1, result, 1.3)


def cold_start(browser, script: str, tmp: Path) -> float:
    """Seconds from starting `streamlit run script` until Chromium shows the page drawn and its
    script finished. The browser is started before the clock, as an officer's is already open."""
    from tests.wizard_server import served_wizard

    workspace = tempfile.mkdtemp(dir=tmp)
    page = browser.new_page()
    try:
        started = time.perf_counter()
        with served_wizard({"PROCURE_WORKSPACE": workspace}, script=script) as url:
            page.goto(url)
            page.wait_for_selector(
                '[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=60_000
            )
            return time.perf_counter() - started
    finally:
        page.close()


# -- growth ---------------------------------------------------------------------------------------


def growth_rows(tmp: Path) -> list[dict]:
    rows = []
    last = None
    for n in (1_000, 3_000, 10_000):
        folder = grown_library(tmp / f"grown{n}", n)
        seconds = statistics.median(validate_once(folder)[0] for _ in range(RUNS))
        rows.append(row("growth: procure library validate", n, seconds, "s"))
        if last:
            rows.append(step_row("growth: validate", last, (n, seconds)))
        last = (n, seconds)
    last = None
    for n in (300, 1_000, 3_000):
        folder, tender_file, _ = build_inputs(tmp, n)
        seconds = statistics.median(build_once(tmp, folder, tender_file)[0] for _ in range(RUNS))
        rows.append(row("growth: procure build", n, seconds, "s"))
        if last:
            rows.append(step_row("growth: build", last, (n, seconds)))
        last = (n, seconds)
    return rows


def step_row(label: str, before: tuple[int, float], after: tuple[int, float]) -> dict:
    """Time ratio of one step; its target is the size ratio (cost no worse than linear)."""
    (n0, s0), (n1, s1) = before, after
    return row(f"{label} time {n1}/{n0} (size x{n1 / n0:.2f})", "", s1 / s0, "x", n1 / n0)
