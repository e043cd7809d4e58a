"""Folder-based golden cases: each invalid case is an overlay on the minimal valid library,
with the exact problems it must produce in expected.txt."""

import shutil
from pathlib import Path

import pytest

from procure.library import validate_library_folder

CASES = Path(__file__).parent / "library_cases"
INVALID = sorted(p.name for p in (CASES / "invalid").iterdir())
VALID = sorted(p.name for p in (CASES / "valid").iterdir())


@pytest.mark.parametrize("case", VALID)
def test_valid_library_has_no_problems(case):
    report = validate_library_folder(CASES / "valid" / case)
    assert [str(p) for p in report.problems] == []
    assert report.library is not None and report.library.requirements


@pytest.mark.parametrize("case", INVALID)
def test_invalid_library_reports_exact_problems(case, tmp_path):
    lib = tmp_path / "lib"
    shutil.copytree(CASES / "valid" / "minimal", lib)
    shutil.copytree(CASES / "invalid" / case, lib, dirs_exist_ok=True)
    expected = (lib / "expected.txt").read_text("utf-8").splitlines()
    (lib / "expected.txt").unlink()
    report = validate_library_folder(lib)
    assert not report.valid and report.library is None
    actual = [str(p).replace(f"{lib}/", "") for p in report.problems]
    assert actual == expected


def test_every_required_invalid_case_exists():
    required = {
        "duplicate_id",
        "dangling_reference",
        "dependency_cycle",
        "bad_kind",
        "missing_danish_text",
        "edited_released_requirement",
        "duplicate_yaml_key",
        "yaml_alias_bomb",
        "non_utf8",
    }
    assert required <= set(INVALID)
