"""The municipality's FKI portfolio as the wizard reaches it, shared by the Portefølje step and
the Tilbud step's "register the winning bid": the library release in force, one store per
database, and the session's view of the systems.

The store is shared by every session (`st.cache_resource`, keyed by the database URL and the
library release): it holds only the engine and the read-only library, never a person's data.
Every write goes to the database at once. What a session shows is read again when the
database's revision has changed (`PortfolioStore.revision`, one small query a rerun), so a
change made in another tab or by the command line shows on the next rerun, and a rerun that
changes nothing does not read 2,000 systems again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

import streamlit as st

from procure.errors import ProcureError
from procure.library.model import Library
from procure.portfolio.database import database_url
from procure.portfolio.records import SystemRecord
from procure.portfolio.store import PortfolioStore, current_user
from procure.ui.session import cached_release, library_versions
from procure.ui.state import WizardState
from procure.ui.texts import tr

T = TypeVar("T")
SNAPSHOT_KEY = "procure_portfolio_snapshot"


@dataclass(frozen=True)
class Snapshot:
    """The systems as this session last read them, and what the page made from them (tables,
    charts, files), made once per revision in `parts`."""

    url: str
    library_version: str
    revision: tuple[int, int]
    everything: tuple[SystemRecord, ...]  # in use and removed, by name
    parts: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def systems(self) -> list[SystemRecord]:
        """The systems in use, by name."""
        return self.kept(("in_use",), lambda: [s for s in self.everything if s.removed_at is None])

    def kept(self, name: tuple, make: Callable[[], T]) -> T:
        """`make()` the first time `name` is asked for, the same object after that."""
        if name not in self.parts:
            self.parts[name] = make()
        return self.parts[name]


def portfolio_library(state: WizardState) -> Library:
    """The library release in force (the newest released), as the command line uses it."""
    versions = library_versions()
    if not versions:
        raise ProcureError(tr(state.ui_lang, "no_releases"))
    return cached_release(versions[-1])


@st.cache_resource(show_spinner=False, max_entries=8)
def portfolio_store(url: str, library_version: str) -> PortfolioStore:
    """The store of one database, checked against one library release: shared read-only by
    every session (its engine pools the connections)."""
    return PortfolioStore(url, library=cached_release(library_version))


def current_store(state: WizardState) -> PortfolioStore:
    """The store of `$PROCURE_DATABASE_URL`, else of the workspace's portfolio.sqlite."""
    library = portfolio_library(state)
    return portfolio_store(database_url(), library.version)


def snapshot(state: WizardState) -> Snapshot:
    """The systems as the database holds them now: read again only when its revision moved."""
    store = current_store(state)
    url = database_url()
    version = store.library.version
    revision = store.revision()
    kept = st.session_state.get(SNAPSHOT_KEY)
    if (
        isinstance(kept, Snapshot)
        and kept.url == url
        and kept.library_version == version
        and kept.revision == revision
    ):
        return kept
    fresh = Snapshot(url, version, revision, tuple(store.systems(include_removed=True)))
    st.session_state[SNAPSHOT_KEY] = fresh
    return fresh


def actor() -> str:
    """Who makes a change, for the audit trail: the logged-in officer when the wizard has a
    login, else the server's login name (as the command line records it)."""
    try:
        if st.user.get("is_logged_in", False):
            who = st.user.get("email") or st.user.get("name")
            if who:
                return str(who)
    except Exception:  # noqa: BLE001 - no login configured: st.user has nothing to say
        pass
    return current_user()
