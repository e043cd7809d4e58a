"""What the officer is looking at on the Bibliotek step (the version, the section, the filters,
the requirement shown, the two sides of a diff): view state kept beside the wizard's data and
never saved, shared by the step's sections."""

from __future__ import annotations

from dataclasses import dataclass

from procure.ui.session import session_object

VIEW_KEY = "procure_library_view"
ALL = ""  # the "no filter" option of every filter
SECTION_OVERVIEW, SECTION_REQUIREMENTS = "overview", "requirements"
SECTION_INTEGRATIONS, SECTION_DIFF = "integrations", "diff"
SECTIONS = (SECTION_OVERVIEW, SECTION_REQUIREMENTS, SECTION_INTEGRATIONS, SECTION_DIFF)


@dataclass
class LibraryView:
    """What the officer is looking at. Never part of the tender."""

    version: str | None = None  # the released version browsed
    section: str = SECTION_OVERVIEW
    search: str = ""
    area: str = ALL
    kind: str = ALL
    integration: str = ALL
    status: str = ALL
    requirement: str | None = None  # the requirement shown in detail
    diff_old: str | None = None  # a released version or WORKING_COPY
    diff_new: str | None = None

    def clear_filters(self) -> None:
        self.search, self.area, self.kind, self.integration, self.status = "", ALL, ALL, ALL, ALL


def library_view() -> LibraryView:
    return session_object(VIEW_KEY, LibraryView)


def default_version(versions: list[str], tender_version: str | None) -> str:
    """The tender's version when it is released, else the newest."""
    return tender_version if tender_version in versions else versions[-1]
