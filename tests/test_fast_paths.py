"""The fast paths of issue 20 give what the slow ones gave: YAML built from libyaml's events is
the strict loader's data with the same lines, and refuses what it refused with the same
message and line; the near-duplicate warning still comes at scale; documents render as
before; a command sets up only its own group."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
import yaml

from procure.errors import ProcureError
from procure.yamlio import LineList, LineMap, _Fallback, _fast_load, _StrictLoader, load_yaml_text

ROOT = Path(__file__).resolve().parents[1]
YAML_FILES = sorted(
    p
    for folder in ("requirement_library", "tests")
    for p in (ROOT / folder).rglob("*.yaml")
    if "non_utf8" not in str(p)
)


def _same(a, b) -> bool:
    """Equal values of equal types, with equal lines on every LineMap and LineList."""
    if type(a) is not type(b):
        return False
    if isinstance(a, LineMap | LineList) and (a.line, a.lines) != (b.line, b.lines):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return a == b


def _strict(text: str):
    return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - the strict safe loader


def test_the_fast_pass_loads_every_yaml_file_of_the_project_as_the_strict_loader_does():
    fast = 0
    for path in YAML_FILES:
        text = path.read_text("utf-8")
        try:
            loaded = _fast_load(text)
        except _Fallback:
            continue
        fast += 1
        assert _same(loaded, _strict(text)), path
    assert fast > 50  # the library and the fixtures take the fast way


@pytest.mark.parametrize(
    "text",
    [
        "a: 1.10\nb: 2024-01-02\nc: no\nd: 05\ne: 0x10\nf: ~\ng: ''\nh:\ni: True\nj: '1'\nk: -7\n",
        "- [1, {a: b}]\n- ? x\n- {}\n- []\n",
        "x: |\n  two\n  lines\ny: >-\n  folded\n  text\n",
        "a: !!str 5\n",
        "",
        "x: 1\n...\n",
        "- 123456789012345678901234567890\n",
    ],
)
def test_the_fast_pass_resolves_values_as_the_strict_loader(text):
    assert _same(_fast_load(text), _strict(text))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "requirements:\n  - id: A\n    title: x\n    title: y\n",
            "x.yaml:4: nøglen 'title' står to gange (også på linje 3)",
        ),
        ("a: {b: 1, b: 2}\n", "x.yaml:1: nøglen 'b' står to gange (også på linje 1)"),
        (
            "a: &x 1\nb: *x\n",  # the line of the anchored value, reached twice
            "x.yaml:1: YAML-aliaser og ankre (*navn, &navn, <<:) er ikke tilladt; skriv værdien ud",
        ),
        (
            "a: 1\n<<: {b: 1}\n",
            "x.yaml:2: YAML-aliaser og ankre (*navn, &navn, <<:) er ikke tilladt; skriv værdien ud",
        ),
        (
            "a:\n  b: !!float 1.5\n",
            "x.yaml:2: mærket !!float er ikke tilladt her; skriv værdien uden det",
        ),
        ("a: [1,\n", "x.yaml:2: ugyldig YAML: did not find expected node content"),
        (
            "- 1234567890123456789012345678901\n",
            "x.yaml:1: tallet har 31 cifre; højst 30 er tilladt (er det en tekst, så sæt det i "
            "anførselstegn)",
        ),
    ],
)
def test_what_the_fast_pass_does_not_take_is_refused_with_its_file_and_line(text, message):
    with pytest.raises(_Fallback):
        _fast_load(text)
    with pytest.raises(ProcureError) as caught:
        load_yaml_text(text, "x.yaml")
    assert str(caught.value) == message


def test_an_anchor_without_alias_and_a_quoted_merge_key_still_load():
    assert load_yaml_text("- &a [1]\n", "x.yaml") == [[1]]
    assert load_yaml_text('"<<": 1\n', "x.yaml") == {"<<": 1}
    assert load_yaml_text("1: a\n", "x.yaml") == {"1": "a"}


def test_a_duplicate_key_in_a_requirement_file_is_a_problem_with_file_and_line(tmp_path):
    from procure.library import validate_library_folder

    folder = tmp_path / "lib"
    shutil.copytree(ROOT / "tests" / "library_cases" / "valid" / "minimal", folder)
    path = next((folder / "requirements").glob("*.yaml"))
    lines = path.read_text("utf-8").splitlines(keepends=True)
    kind = next(i for i, line in enumerate(lines) if line.strip().startswith("kind:"))
    lines.insert(kind + 1, lines[kind])
    path.write_text("".join(lines), "utf-8")
    report = validate_library_folder(folder)
    assert [str(p) for p in report.problems] == [
        f"{path}:{kind + 2}: nøglen 'kind' står to gange (også på linje {kind + 1})"
    ]


# -- near-duplicates at scale ---------------------------------------------------------------------


def test_a_grown_library_of_near_duplicates_is_warned_about_in_linear_time(tmp_path):
    """Every copy is a near-duplicate of its original: the warning comes, capped, and the
    check stops at the cap instead of scoring every pair."""
    from benchmarks.generate import grown_library
    from procure.library import validate_library_folder
    from procure.library.similarity import MAX_REPORTED_PAIRS

    folder = grown_library(tmp_path / "grown", 1_000)
    started = time.perf_counter()
    report = validate_library_folder(folder, warn_near_duplicates=True)
    assert time.perf_counter() - started < 20  # about half a second here
    assert report.valid
    pairs = [w for w in report.warnings if w.requirement]
    assert len(pairs) == MAX_REPORTED_PAIRS
    assert all(w.line and w.file.endswith(".yaml") for w in pairs)
    assert str(report.warnings[-1]).endswith(
        f"mere end {MAX_REPORTED_PAIRS} par næsten ens kravtekster; søgningen stoppede ved de "
        f"første {MAX_REPORTED_PAIRS}"
    )


def test_small_and_large_libraries_find_the_same_candidate_pairs(monkeypatch):
    """Below SMALL_LIBRARY texts the pairs come from plain Python, above from numpy: the same
    pairs in the same order."""
    from procure.library import load_library
    from procure.library import similarity as sim

    texts = [
        sim.normalised_text(r.text.da)
        for r in load_library(ROOT / "requirement_library").requirements
    ]
    texts += [texts[0], texts[3] + " også", texts[5][: len(texts[5]) // 2]]
    monkeypatch.setattr(sim, "SMALL_LIBRARY", 10**9)
    plain = list(sim._candidate_pairs(texts))
    monkeypatch.setattr(sim, "SMALL_LIBRARY", 0)
    assert list(sim._candidate_pairs(texts)) == plain
    assert len(plain) >= 3


# -- documents ------------------------------------------------------------------------------------


def test_a_line_break_or_tab_in_a_value_still_becomes_word_markup(tmp_path):
    """docxtpl's listing pass is skipped only when no run needs it."""
    from docx import Document

    from procure.documents.render import render_template

    template = tmp_path / "t.docx"
    document = Document()
    document.add_paragraph("{{ row.text }}")
    document.save(template)
    plain = render_template(template, {"row": {"text": "one line"}}).element.body.xml
    assert "one line" in plain and "<w:br/>" not in plain
    broken = render_template(template, {"row": {"text": "first\nsecond\tthird"}}).element
    assert "<w:br/>" in broken.body.xml and "<w:tab/>" in broken.body.xml


def test_a_template_reads_context_keys_as_before():
    """`row.key` gives the key; what dict itself has (`row.items`), a name with an underscore
    and a missing key behave as on a plain dict in Jinja's sandbox."""
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    from procure.documents.render import attribute_rows

    env = SandboxedEnvironment(undefined=StrictUndefined)
    source = "{{ r.title }}|{{ r._x }}|{{ r['items'] }}|{{ r.items()|list|length }}|{{ n[0].a }}"
    context = {"r": {"title": "T", "_x": "u", "items": "I"}, "n": ({"a": 1},)}
    shown = env.from_string(source).render(attribute_rows(context))
    assert shown == env.from_string(source).render(context) == "T|u|I|3|1"
    with pytest.raises(Exception, match="missing"):
        env.from_string("{{ r.missing }}").render(attribute_rows(context))


@pytest.fixture(scope="module")
def spec():
    from benchmarks.generate import tender_with_every_requirement
    from procure.library import load_release
    from procure.tender import resolve_tender

    library = load_release("1.1.0", ROOT / "requirement_library")
    return resolve_tender(tender_with_every_requirement(library), library)


def test_every_requirement_row_of_the_excel_form_has_its_columns_look(spec):
    """The rows copy the first row's style ids: input cells unlocked, filled and bordered,
    the others locked and wrapped, on the last row as on the first."""
    from io import BytesIO

    from openpyxl import load_workbook

    from procure import forms
    from procure.documents.response_xlsx import render_response_form_xlsx

    book = load_workbook(BytesIO(render_response_form_xlsx(spec)))
    sheet = book[forms.RESPONSE_SHEET_TITLE[spec.language]]
    id_column = forms.COLUMNS.index("id") + 1
    rows = [
        row
        for row in sheet.iter_rows()
        if any(
            row[id_column - 1].value == r.id for r in spec.requirements[:1] + spec.requirements[-1:]
        )
    ]
    assert len(rows) == 2
    for row in rows:
        for key, cell in zip(forms.COLUMNS, row, strict=False):
            if key in ("answer", "description", "reservation"):
                assert cell.protection.locked is False, key
                assert cell.fill.fgColor.rgb.endswith("FFF8DC"), key
                assert cell.number_format == "@", key
            else:
                assert cell.protection.locked is True, key
                assert cell.alignment.wrap_text is True, key


def test_a_replaced_spec_lists_its_own_requirements(spec):
    import dataclasses

    first = spec.requirements
    fewer = dataclasses.replace(spec, areas=spec.areas[:1])
    assert fewer.requirements == spec.areas[0].requirements
    assert spec.requirements == first
    assert fewer.total_weight == sum(r.weight or 0 for r in fewer.requirements if r.kind == "PK")


# -- the command line -----------------------------------------------------------------------------


def test_the_command_groups_name_every_command_their_module_registers():
    """`procure COMMAND` sets up only COMMAND's group: GROUPS must name what each registers."""
    import argparse
    from importlib import import_module

    from procure.cli import GROUPS, build_parser
    from procure.cli.common import subcommands

    for group, names in GROUPS.items():
        commands = subcommands(argparse.ArgumentParser())
        import_module(f"procure.cli.{group}").register(commands)
        assert tuple(commands.choices) == names, group
    full = build_parser()._subparsers._group_actions[0].choices
    assert list(full) == [name for names in GROUPS.values() for name in names]


def test_a_command_parses_and_helps_as_with_the_full_parser(capsys):
    from procure.cli import main

    assert main(["library", "validate", "--help"]) == 0
    alone = capsys.readouterr().out
    assert alone.startswith("usage: procure library validate [-h] [path]")
    assert main(["library", "nonsense"]) == 2
    assert "invalid choice: 'nonsense'" in capsys.readouterr().err
    assert main(["nonsense"]) == 2
    listed = capsys.readouterr().err
    assert "invalid choice: 'nonsense'" in listed and "portfolio" in listed


def _tables_xml() -> str:
    """Tables docxtpl's fix_tables changes: more cells than grid columns (as a {%tc%} loop
    makes), fewer, merged cells (gridSpan, also in a second tcPr), a nested table, a table
    without widths, and one that is right as it is."""
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

    def grid(*widths):
        return "<w:tblGrid>" + "".join(f'<w:gridCol w:w="{x}"/>' for x in widths) + "</w:tblGrid>"

    def cell(inner="", span=None, second_props=False):
        props = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span else "<w:tcPr/>"
        if second_props:
            props = '<w:tcPr/><w:tcPr><w:gridSpan w:val="3"/></w:tcPr>'
        return f"<w:tc>{props}<w:p/>{inner}</w:tc>"

    def row(*cells):
        return "<w:tr>" + "".join(cells) + "</w:tr>"

    nested = "<w:tbl>" + grid(500) + row(cell(), cell(), cell()) + "</w:tbl>"
    tables = [
        grid(1000, 2000) + row(cell(), cell(), cell(), cell()) + row(cell()),
        grid(1000, 2000, 3000, 4000) + row(cell(), cell()) + row(cell(span=2)),
        grid(1000, 1000, 1000) + row(cell(span=2), cell()) + row(cell(second_props=True)),
        grid(3000, 3000) + row(cell(nested), cell()),
        "<w:tblGrid><w:gridCol/></w:tblGrid>" + row(cell(), cell()),
        grid(1500, 1500) + row(cell(), cell()),
    ]
    body = "".join(f"<w:tbl>{t}</w:tbl><w:p/>" for t in tables)
    return f"<w:document {w}><w:body>{body}</w:body></w:document>"


def test_the_faster_fix_tables_gives_docxtpls_tree():
    from docxtpl import DocxTemplate
    from lxml import etree

    from procure.documents.render import _Template

    xml = _tables_xml()
    ours = etree.tostring(_Template.fix_tables(None, xml))
    theirs = etree.tostring(DocxTemplate.fix_tables(None, xml))
    assert ours == theirs
    assert ours != etree.tostring(etree.fromstring(xml))  # the tables were changed


def test_the_wizards_first_page_imports_none_of_what_later_steps_use():
    # Issue 20: the first page must not wait for the documents, tables, charts or award code
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from streamlit.testing.v1 import AppTest\n"
        "at = AppTest.from_file('app.py', default_timeout=60).run()\n"
        "assert not at.exception, at.exception\n"
        "heavy = ('pyarrow', 'pandas', 'openpyxl', 'docx', 'docxtpl', 'holidays', 'numpy',\n"
        "         'sqlalchemy', 'procure.documents', 'procure.portfolio')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().splitlines()[-1] == "[]"
