"""Many writers on one file at once: twenty evaluators, two browser tabs. No change is lost.

Every read-modify-write of a shared file goes through procure.files.locked/update_text_file.
The tests start the writers together (a barrier), so without the lock they overwrite each
other's changes nearly every time; with it every change is kept, each on top of the last.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Callable
from decimal import Decimal

import pytest

from procure.cli import main
from procure.errors import ProcureError
from procure.evaluation import Override, Overrides, load_overrides
from procure.files import is_lock_file, locked, update_text_file
from procure.tender import save_tender
from procure.tender.resolve import resolve_tender
from procure.ui.persistence import _save_all, follow_other_tabs, open_saved
from procure.ui.state import RequirementChoice, UploadedFile, WizardState
from procure.ui.workspace import Workspace
from tests.samples import sample_tender, shipped_release
from tests.wizard import STATE_KEY, errors, fill_purchase, go, new_app

EVALUATORS = 20


# One evaluator's `procure override` (the CLI's main), held at a gate once Python and procure
# are loaded, so that all of them run it at the same moment.
EVALUATOR = """
import sys, time
from pathlib import Path
from procure.cli import main
print("ready", flush=True)
gate = Path(sys.argv[1])
while not gate.exists():
    time.sleep(0.001)
sys.exit(main(sys.argv[2:]))
"""


def test_twenty_evaluators_overriding_at_once_all_keep_their_entry(tmp_path):
    tender = sample_tender()
    spec = resolve_tender(tender, shipped_release())
    pk = next(r for r in spec.requirements if r.kind == "PK" and (r.weight or 0) >= 5)
    path = tmp_path / "tender.yaml"
    save_tender(tender, path)
    gate = tmp_path / "go"
    evaluators = [
        subprocess.Popen(
            [sys.executable, "-c", EVALUATOR, str(gate), "override", str(path)]
            + ["--vendor", "Alfa A/S", "--requirement", pk.id]
            + ["--points", str(Decimal(n) / 4), "--why", f"Begrundelse {n}"]
            + ["--by", f"Evaluator {n}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(EVALUATORS)
    ]
    assert [e.stdout.readline().strip() for e in evaluators] == ["ready"] * EVALUATORS
    gate.touch()
    finished = [e.communicate(timeout=120) for e in evaluators]
    assert [e.returncode for e in evaluators] == [0] * EVALUATORS, finished

    entries = load_overrides(tmp_path / "tender.evaluation.yaml", spec).entries
    # Every evaluator's entry, once, with the points and reason that evaluator gave
    assert sorted(e.by for e in entries) == sorted(f"Evaluator {n}" for n in range(EVALUATORS))
    for entry in entries:
        number = int(entry.by.split()[-1])
        assert entry.points == Decimal(number) / 4
        assert entry.justification == f"Begrundelse {number}"
    # Each was written on top of all the earlier ones: its old value is the one before it
    assert entries[0].old_points is None
    assert [e.old_points for e in entries[1:]] == [e.points for e in entries[:-1]]
    # No temporary file is left behind; the (empty) lock file may stay, as flock locks do
    left = {p.name for p in tmp_path.iterdir()} - {"go"}
    assert left <= {"tender.yaml", "tender.evaluation.yaml", "tender.evaluation.yaml.lock"}


# -- Two tabs of the wizard on one tender ----------------------------------------------------------

ROUNDS = 30


def _open_in_new_tab(tender_id: str) -> WizardState:
    """A new session that opens the saved tender, as the start page does."""
    state = WizardState()
    open_saved(state, tender_id)
    return state


def _saved_tender() -> str:
    state = WizardState(
        title="Anskaffelse af ESDH-system",
        buyer="Eksempel Kommune",
        cvr="12345678",
        category="Y65",
        library_version="1.0.0",
        step=4,
    )
    _save_all(state)
    return state.tender_id


def _side_by_side(*tabs: Callable[[int], None]) -> None:
    """Run each tab's rounds in its own thread (as Streamlit runs each session), every round
    started at the same moment in both: a rerun takes in the other tab's saves, makes one
    change and saves it."""
    barrier = threading.Barrier(len(tabs))
    failures: list[BaseException] = []

    def run(tab):
        try:
            for number in range(ROUNDS):
                barrier.wait(30)
                tab(number)
        except BaseException as exc:  # reported by the test below, not lost in the thread
            failures.append(exc)
            barrier.abort()

    threads = [threading.Thread(target=run, args=(tab,)) for tab in tabs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert failures == []


def _rerun(state: WizardState, change: Callable[[WizardState], None]) -> None:
    follow_other_tabs(state)
    change(state)
    _save_all(state)  # what autosave does at the end of every rerun, errors not swallowed


def test_two_tabs_changing_different_requirements_at_once_both_keep_their_changes():
    tender_id = _saved_tender()
    first, second = _open_in_new_tab(tender_id), _open_in_new_tab(tender_id)
    ids = [r.id for r in shipped_release().requirements][: 2 * ROUNDS]
    mine, theirs = ids[:ROUNDS], ids[ROUNDS:]

    def leave_out(rid):
        return lambda state: state.choices.__setitem__(rid, RequirementChoice(include=False))

    _side_by_side(
        lambda n: _rerun(first, leave_out(mine[n])),
        lambda n: _rerun(second, leave_out(theirs[n])),
    )
    saved = Workspace().load_draft(tender_id).state
    assert sorted(rid for rid, c in saved.choices.items() if c.include is False) == sorted(ids)
    for tab in (first, second):  # each tab, on its next rerun, shows both tabs' changes
        follow_other_tabs(tab)
        assert tab.choices == saved.choices
        # Changes to different requirements merge without a clash, and nothing was saved over
        assert [n.level for n in tab.notices if n.level != "info"] == []


def test_two_tabs_adding_overrides_and_bids_at_once_keep_every_one_once():
    tender_id = _saved_tender()
    first, second = _open_in_new_tab(tender_id), _open_in_new_tab(tender_id)

    def add(tab: str, number: int):
        def change(state: WizardState) -> None:
            entry = Override(
                "Alfa A/S", "FKI-ORG-001", Decimal(number % 5), None, "Begrundet.", tab, str(number)
            )
            overrides = state.check.evaluations.get(tender_id) or Overrides(tender_id)
            state.check.evaluations[tender_id] = Overrides(tender_id, overrides.entries + (entry,))
            state.check.responses.append(
                UploadedFile(f"{tab}-{number}.yaml", f"{tab}{number}".encode())
            )

        return change

    _side_by_side(
        lambda n: _rerun(first, add("A", n)),
        lambda n: _rerun(second, add("B", n)),
    )
    ws = Workspace()
    entries = ws.load_evaluation(tender_id).entries
    written = [(e.by, int(e.at)) for e in entries]
    assert sorted(written) == sorted((tab, n) for tab in "AB" for n in range(ROUNDS))
    # Each tab's overrides keep the order they were made in
    for tab in "AB":
        assert [n for by, n in written if by == tab] == list(range(ROUNDS))
    names = sorted(f.name for f in ws.load_bids(tender_id))
    assert names == sorted(f"{tab}-{n}.yaml" for tab in "AB" for n in range(ROUNDS))
    for tab in (first, second):
        follow_other_tabs(tab)
        assert tab.check.evaluations[tender_id].entries == entries
        assert sorted(f.name for f in tab.check.responses) == names


# -- The lock itself, and what a user reads when it cannot be had ---------------------------------


class _HeldElsewhere:
    """Another writer holding a file's lock (in its own thread, as another session would)."""

    def __init__(self, path):
        self.path, self.taken, self.done = path, threading.Event(), threading.Event()
        self.thread = threading.Thread(target=self._hold)

    def _hold(self):
        with locked(self.path):
            self.taken.set()
            self.done.wait(30)

    def __enter__(self):
        self.thread.start()
        assert self.taken.wait(10)
        return self

    def __exit__(self, *exc):
        self.done.set()
        self.thread.join(10)


def test_update_text_file_reads_changes_and_writes_only_what_changed(tmp_path):
    path = tmp_path / "shared.yaml"
    seen = []
    assert update_text_file(path, lambda text: seen.append(text)) is None  # None: leave it
    assert seen == [None] and not path.exists()
    assert update_text_file(path, lambda text: "a: 1\n") == "a: 1\n"
    assert update_text_file(path, lambda text: text + "b: 2\n") == "a: 1\nb: 2\n"
    before = path.stat().st_ino
    assert update_text_file(path, lambda text: text) == "a: 1\nb: 2\n"
    assert path.stat().st_ino == before  # the same text is not written again
    assert path.read_text("utf-8") == "a: 1\nb: 2\n"
    assert [p.name for p in tmp_path.iterdir() if not is_lock_file(p)] == ["shared.yaml"]


def test_a_change_waits_for_the_one_holding_the_lock_and_nesting_is_allowed(tmp_path):
    path = tmp_path / "shared.yaml"
    order = []
    with _HeldElsewhere(path) as other:
        waiting = threading.Thread(
            target=lambda: update_text_file(path, lambda _: order.append("second") or "x")
        )
        waiting.start()
        waiting.join(0.5)
        assert waiting.is_alive() and order == []  # it waits while the other holds the lock
        order.append("first")
    waiting.join(10)
    assert order == ["first", "second"] and path.read_text("utf-8") == "x"
    assert not other.thread.is_alive()
    with locked(path), locked(path):  # the same thread may take it again (no deadlock)
        update_text_file(path, lambda _: "y")
    assert path.read_text("utf-8") == "y"


def test_a_lock_not_had_in_time_is_one_clear_line_in_both_languages(tmp_path):
    path = tmp_path / "tender.evaluation.yaml"
    path.write_text("overrides: []\n", "utf-8")
    with _HeldElsewhere(path), pytest.raises(ProcureError) as caught:
        update_text_file(path, lambda _: "lost\n", timeout=1)
    assert caught.value.text("da") == (
        f"{path}: filen er optaget: en anden gemmer i den lige nu, og den blev ikke ledig inden "
        "for 1 s; prøv igen om lidt"
    )
    assert caught.value.text("en") == (
        f"{path}: the file is busy: someone else is saving to it right now, and it did not "
        "become free within 1 s; try again in a moment"
    )
    assert path.read_text("utf-8") == "overrides: []\n"  # nothing written without the lock


def test_procure_override_while_another_evaluator_holds_the_file_says_so_and_writes_nothing(
    tmp_path, capsys, monkeypatch
):
    monkeypatch.setattr("procure.files.LOCK_TIMEOUT_SECONDS", 1.0)
    tender = sample_tender()
    spec = resolve_tender(tender, shipped_release())
    pk = next(r for r in spec.requirements if r.kind == "PK")
    save_tender(tender, tmp_path / "tender.yaml")
    evaluation = tmp_path / "tender.evaluation.yaml"
    args = ["override", str(tmp_path / "tender.yaml"), "--vendor", "Alfa A/S"]
    args += ["--requirement", pk.id, "--points", "1", "--why", "Delvist", "--by", "Mette"]
    with _HeldElsewhere(evaluation):
        code = main(args)
    _, err = capsys.readouterr()
    assert code == 2
    assert err.strip() == (
        f"procure: fejl: {evaluation}: filen er optaget: en anden gemmer i den lige nu, og den "
        "blev ikke ledig inden for 1 s; prøv igen om lidt"
    )
    assert not evaluation.exists()
    assert main(args) == 0  # once the other is done, the same command saves
    assert [e.by for e in load_overrides(evaluation, spec).entries] == ["Mette"]


def test_the_wizard_says_when_another_tab_holds_the_draft_and_saves_once_it_is_free(
    workspace_in_tmp, monkeypatch
):
    monkeypatch.setattr("procure.files.LOCK_TIMEOUT_SECONDS", 1.0)
    at = fill_purchase(new_app())
    tender_id = at.session_state[STATE_KEY].tender_id
    draft = workspace_in_tmp / "tenders" / tender_id / "draft.json"
    go(at, "step_purchase")
    with _HeldElsewhere(draft):
        at.text_input(key="title").input("Ny titel").run()
    assert not at.exception
    shown_errors = " ".join(errors(at))
    assert "kunne ikke gemmes" in shown_errors and "filen er optaget" in shown_errors
    assert Workspace().load_draft(tender_id).state.title == "Anskaffelse af ESDH-system"
    at.run()  # the next rerun saves what the officer typed
    assert Workspace().load_draft(tender_id).state.title == "Ny titel"
    assert errors(at) == []
