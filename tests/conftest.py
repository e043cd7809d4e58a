import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CASES = Path(__file__).parent / "library_cases"
SHIPPED_LIBRARY = ROOT / "requirement_library"


def pytest_runtest_setup(item):
    """scripts/mutation's first pass: a test marked mutation_last is skipped for a mutant (not
    in mutmut's stats or clean run); the mutants that live through that pass run again with it,
    so a mutant is still only counted as living when every test passes."""
    if (
        item.get_closest_marker("mutation_last")
        and os.environ.get("MUTATION_FIRST_PASS")
        and "__mutmut_" in os.environ.get("MUTANT_UNDER_TEST", "")
    ):
        pytest.skip("mutation_last: run in the second pass")


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


# -- The portfolio database: every portfolio test runs on SQLite and on a real PostgreSQL ------


@pytest.fixture(scope="session")
def postgres_cluster():
    """A throw-away PostgreSQL server for the session (tests/pg.py), stopped at its end."""
    from tests.pg import ThrowAwayCluster, find_bin_dir

    bin_dir = find_bin_dir()
    if bin_dir is None:
        pytest.skip("PostgreSQL is not installed (./scripts/test installs Debian's postgresql)")
    cluster = ThrowAwayCluster(bin_dir)
    try:
        cluster.start()
        yield cluster
    finally:
        from procure.portfolio.database import dispose_engines

        dispose_engines()
        cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path, monkeypatch):
    """A fresh, empty portfolio database of each kind; also set as PROCURE_DATABASE_URL."""
    from procure.portfolio.database import dispose_engines

    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'portfolio.sqlite'}"
        monkeypatch.setenv("PROCURE_DATABASE_URL", url)
        yield url
        dispose_engines()
        return
    cluster = request.getfixturevalue("postgres_cluster")
    name = cluster.create_database()
    url = cluster.url(name)
    monkeypatch.setenv("PROCURE_DATABASE_URL", url)
    try:
        yield url
    finally:
        dispose_engines()
        cluster.drop_database(name)


@pytest.fixture
def downloads(monkeypatch):
    """Read what a wizard's download button would give the officer, from the test run's media
    store (AppTest)."""
    import streamlit.testing.v1.app_test as app_test_module
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    stores: list[MemoryMediaFileStorage] = []

    class RecordingStorage(MemoryMediaFileStorage):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            stores.append(self)

    monkeypatch.setattr(app_test_module, "MemoryMediaFileStorage", RecordingStorage)

    def stored(at, key: str):
        button = next(b for b in at.get("download_button") if b.proto.id.endswith(key))
        return stores[-1].get_file(button.proto.url.rsplit("/", 1)[-1])

    def fetch(at, key: str) -> bytes:
        return stored(at, key).content

    fetch.file_name = lambda at, key: stored(at, key).filename
    return fetch
