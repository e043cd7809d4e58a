"""procure.parallel: two cores for independent documents, never a different result."""

from __future__ import annotations

import os

import pytest

from procure import parallel
from procure.errors import ProcureError

needs_fork = pytest.mark.skipif(
    not hasattr(os, "fork") or (os.cpu_count() or 1) < 2, reason="no fork or one core"
)


@needs_fork
def test_the_first_job_runs_in_a_child_and_results_keep_their_order():
    parent = os.getpid()
    first, second, third = parallel.run_all(
        [lambda: ("a", os.getpid()), lambda: ("b", os.getpid()), lambda: ("c", os.getpid())]
    )
    assert [first[0], second[0], third[0]] == ["a", "b", "c"]
    assert first[1] != parent  # on the second core
    assert second[1] == third[1] == parent


@needs_fork
def test_a_job_that_fails_only_in_the_child_is_run_again_here():
    parent = os.getpid()

    def flaky():
        if os.getpid() != parent:
            raise MemoryError("the child ran out")
        return "rendered here"

    assert parallel.run_all([flaky, lambda: "rest"]) == ["rendered here", "rest"]


@needs_fork
def test_a_user_error_in_the_childs_job_reaches_the_user_as_the_same_message():
    def refused():
        raise ProcureError("award.xlsx: er ikke en mappe")

    with pytest.raises(ProcureError, match=r"^award.xlsx: er ikke en mappe$"):
        parallel.run_all([refused, lambda: "rest"])


def test_serial_when_asked_or_for_a_single_job(monkeypatch):
    parent = os.getpid()
    assert parallel.run_all([os.getpid]) == [parent]
    monkeypatch.setenv(parallel.SERIAL_ENV, "1")
    assert parallel.run_all([os.getpid, os.getpid]) == [parent, parent]


def test_a_process_with_other_threads_never_forks():
    import threading

    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        parent = os.getpid()
        assert parallel.run_all([os.getpid, os.getpid]) == [parent, parent]
    finally:
        release.set()
        other.join()


@needs_fork
def test_tender_documents_are_the_same_bytes_built_on_one_core_or_two(monkeypatch):
    # procure build renders the workbooks in a forked child beside the Word documents
    from procure.documents.build import render_documents
    from tests.award_samples import award_spec

    spec = award_spec()  # with price lines: the price list is made too
    monkeypatch.setenv(parallel.SERIAL_ENV, "1")
    serial = render_documents(spec)
    monkeypatch.setenv(parallel.SERIAL_ENV, "0")
    forked = render_documents(spec)
    assert list(serial) == [
        "annex.docx",
        "response-form.docx",
        "response-form.xlsx",
        "price-list.xlsx",
    ]
    assert list(forked) == list(serial)
    assert forked == serial
