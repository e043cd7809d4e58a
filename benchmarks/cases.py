"""Benchmark cases. Each returns rows: {case, n, value, unit, target, ok}."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from benchmarks.floors import case_floor, case_floor_growth
from benchmarks.generate import SHIPPED, generated_library
from benchmarks.measure import best_of, row
from benchmarks.portfolio import case_portfolio
from benchmarks.portfolio_page import case_portfolio_page
from benchmarks.wizard import case_wizard


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


def case_library_near_duplicates() -> list[dict]:
    """The near-duplicate check of `procure library validate` on generated libraries with varied
    texts: it must not grow with the square of the library's size."""
    from procure.library import load_library
    from procure.library.similarity import near_duplicates

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in (1_000, 10_000):
            folder = generated_library(Path(tmp) / f"lib{n}", n, varied=True)
            library = load_library(folder)
            seconds = best_of(2, lambda library=library: near_duplicates(library.requirements))
            rows.append(
                row(
                    "library: near-duplicate check, varied texts",
                    n,
                    seconds,
                    "s",
                    5.0 if n == 10_000 else None,
                )
            )
    ratio = (rows[-1]["value"] / rows[-1]["n"]) / (rows[0]["value"] / rows[0]["n"])
    rows.append(row("library: near-duplicate check, per-item time 10k/1k", "", ratio, "x", 5.0))
    return rows


# Runs `procure` and reports the process's own peak resident memory (VmHWM) at exit. The
# rusage of a child is no good here: Linux keeps a forked child's high-water mark across exec,
# so it would report the benchmark process's own size.
_MEASURED_PROCURE = """
import atexit, re, sys
def _report():
    status = open("/proc/self/status").read()
    sys.stderr.write("VMHWM_KB " + re.search(r"VmHWM:\\s+(\\d+)", status).group(1) + "\\n")
atexit.register(_report)
from procure.cli import main
raise SystemExit(main(sys.argv[1:]))
"""


def run_procure(args: list[str], env: dict | None = None) -> tuple[float, float, int]:
    """Run `procure ARGS` in a new process; return (wall seconds, peak resident MB, exit code)."""
    import re
    import subprocess
    import sys

    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", _MEASURED_PROCURE, *args], env=env, capture_output=True, text=True
    )
    seconds = time.perf_counter() - start
    found = re.search(r"VMHWM_KB (\d+)", result.stderr)
    peak = int(found.group(1)) / 1024 if found else float("nan")
    return seconds, peak, result.returncode


def case_build() -> list[dict]:
    import os

    from benchmarks.generate import (
        bare_docxtpl_render,
        bare_docxtpl_template,
        generated_release,
        release_file,
        tender_with_every_requirement,
    )
    from procure.documents.annex import render_annex
    from procure.documents.response_docx import render_response_form_docx
    from procure.documents.response_xlsx import render_response_form_xlsx
    from procure.library import load_release, read_release_file
    from procure.tender import resolve_tender, save_tender

    rows = []
    shipped = load_release("1.0.0", SHIPPED)
    spec = resolve_tender(tender_with_every_requirement(shipped), shipped)
    n = len(spec.requirements)
    for name, render in (
        ("annex.docx", render_annex),
        ("response-form.docx", render_response_form_docx),
        ("response-form.xlsx", render_response_form_xlsx),
    ):
        rows.append(
            row(
                f"build: render {name}, whole shipped library",
                n,
                best_of(3, lambda render=render: render(spec)) * 1000,
                "ms",
            )
        )

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        folder = generated_release(tmp / "lib", 1_000)
        library = read_release_file(release_file(folder))
        tender = tender_with_every_requirement(library)
        spec = resolve_tender(tender, library)
        n = len(spec.requirements)
        template = bare_docxtpl_template(tmp / "bare.docx", 7)
        bare_rows = [
            {f"c{i}": f"{r.id} {r.title} {r.text}" if i == 2 else r.id for i in range(7)}
            for r in spec.requirements
        ]
        bare = best_of(3, lambda: bare_docxtpl_render(template, bare_rows))
        rows.append(row("build: bare docxtpl render, 7-column table", n, bare, "s"))
        for name, render in (
            ("annex.docx", render_annex),
            ("response-form.docx", render_response_form_docx),
        ):
            seconds = best_of(3, lambda render=render: render(spec))
            rows.append(row(f"build: render {name}", n, seconds, "s"))
            rows.append(
                row(f"build: {name} render / bare docxtpl render", n, seconds / bare, "x", 2.0)
            )
        seconds = best_of(3, lambda: render_response_form_xlsx(spec))
        rows.append(row("build: render response-form.xlsx", n, seconds, "s"))

        save_tender(tender, tmp / "tender.yaml")
        env = dict(os.environ, PROCURE_LIBRARY=str(folder))
        results = [
            run_procure(
                ["build", str(tmp / "tender.yaml"), "--out", str(tmp / f"out{i}")],
                env,
            )
            for i in range(3)
        ]
        assert all(code == 0 for _, _, code in results), results
        rows.append(
            row(
                "build: whole CLI process (procure build)",
                n,
                min(s for s, _, _ in results),
                "s",
                2.0,
            )
        )
        rows.append(
            row(
                "build: peak memory of the CLI process", n, max(m for _, m, _ in results), "MB", 300
            )
        )
    return rows


def case_check() -> list[dict]:
    import os
    import random
    from io import BytesIO

    from docx import Document

    from benchmarks.generate import generated_release, release_file, tender_with_every_requirement
    from procure.documents.build import build_documents
    from procure.evaluation import evaluate_response
    from procure.library import read_release_file
    from procure.responses.reader import read_response
    from procure.tender import resolve_tender, save_tender
    from tests.fill import fill_docx_form, fill_xlsx_form

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        folder = generated_release(tmp / "lib1000", 1_000)
        library = read_release_file(release_file(folder))
        spec = resolve_tender(tender_with_every_requirement(library), library)
        build_documents(spec, tmp / "out1000")
        answers = {
            r.id: ("Opfyldt", "Beskrivelse af løsningen " * 4, "") for r in spec.requirements
        }
        filled = fill_docx_form(
            (tmp / "out1000" / "response-form.docx").read_bytes(),
            answers,
            vendor={"name": "Benchmark A/S"},
        )

        def bare_python_docx():
            document = Document(BytesIO(filled))
            return [[cell.text for cell in r.cells] for t in document.tables for r in t.rows]

        def procure_check():
            return evaluate_response(spec, read_response(filled, "a.docx"))

        assert procure_check().compliant
        n = len(spec.requirements)
        bare = best_of(3, bare_python_docx)
        ours = best_of(3, procure_check)
        rows.append(row("check: bare python-docx read of the table", n, bare, "s"))
        rows.append(row("check: read + evaluate 1,000-answer docx", n, ours, "s"))
        rows.append(row("check: docx check / bare python-docx read", n, ours / bare, "x", 2.0))

        folder = generated_release(tmp / "lib300", 300)
        library = read_release_file(release_file(folder))
        tender = tender_with_every_requirement(library)
        spec = resolve_tender(tender, library)
        save_tender(tender, tmp / "tender.yaml")
        build_documents(spec, tmp / "out300")
        docx_form = (tmp / "out300" / "response-form.docx").read_bytes()
        xlsx_form = (tmp / "out300" / "response-form.xlsx").read_bytes()
        choices = ["Opfyldt"] * 8 + ["Delvist opfyldt", "Ikke opfyldt"]
        responses = []
        for v in range(10):
            rng = random.Random(v)
            answers = {
                r.id: (rng.choice(choices), "Beskrivelse", "Pris: 1.000 kr.")
                for r in spec.requirements
            }
            if v % 2:
                data, suffix = (
                    fill_xlsx_form(xlsx_form, answers, {"name": f"Leverandør {v}"}),
                    "xlsx",
                )
            else:
                data, suffix = (
                    fill_docx_form(docx_form, answers, {"name": f"Leverandør {v}"}),
                    "docx",
                )
            path = tmp / f"vendor{v}.{suffix}"
            path.write_bytes(data)
            responses.append(str(path))
        env = dict(os.environ, PROCURE_LIBRARY=str(folder))
        results = [
            run_procure(
                [
                    "compare",
                    str(tmp / "tender.yaml"),
                    *responses,
                    "--out",
                    str(tmp / "c.xlsx"),
                    "--report",
                    str(tmp / "n.docx"),
                ],
                env,
            )
            for _ in range(2)
        ]
        assert all(code == 0 for _, _, code in results), results
        rows.append(
            row(
                "compare: 10 vendors x 300 requirements, whole process",
                3_000,
                min(s for s, _, _ in results),
                "s",
                5.0,
            )
        )
        rows.append(
            row("compare: peak memory of the process", 3_000, max(m for _, m, _ in results), "MB")
        )
    return rows


def case_award() -> list[dict]:
    from benchmarks.award import case_award as award_rows

    return award_rows()


ALL_CASES = [
    case_floor,
    case_floor_growth,
    case_library_shipped,
    case_library_scale,
    case_library_near_duplicates,
    case_build,
    case_check,
    case_wizard,
    case_award,
    case_portfolio,
    case_portfolio_page,
]
