import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CASES = Path(__file__).parent / "library_cases"
SHIPPED_LIBRARY = ROOT / "requirement_library"


@pytest.fixture
def minimal_library(tmp_path) -> Path:
    """A writable copy of the minimal valid test library."""
    target = tmp_path / "lib"
    shutil.copytree(CASES / "valid" / "minimal", target)
    return target


@pytest.fixture(scope="session")
def shipped_library():
    from procure.library import load_library

    return load_library(SHIPPED_LIBRARY)


@pytest.fixture(autouse=True)
def workspace_in_tmp(tmp_path, monkeypatch):
    """The wizard's workspace in the test's own folder: no test writes to the home folder."""
    folder = tmp_path / "workspace"
    monkeypatch.setenv("PROCURE_WORKSPACE", str(folder))
    return folder
