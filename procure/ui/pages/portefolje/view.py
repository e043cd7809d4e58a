"""What the officer is looking at on the Portefølje step (the section, the filters, the system
shown, the form being filled in, the file being imported, the component that is down): view
state kept beside the wizard's data, never saved with a tender. The portfolio itself lives in
the database, never here."""

from __future__ import annotations

from dataclasses import dataclass, field

from procure.portfolio.coverage import DEFAULT_MONTHS
from procure.ui.session import session_object
from procure.ui.state import UploadedFile
from procure.ui.system_form import SystemDraft

VIEW_KEY = "procure_portfolio_view"
ALL = ""  # the "no filter" option of every filter
SECTION_SYSTEMS, SECTION_EDIT, SECTION_IMPORT = "systems", "edit", "import"
SECTION_IMPACT, SECTION_COVERAGE = "impact", "coverage"
SECTIONS = (SECTION_SYSTEMS, SECTION_EDIT, SECTION_IMPORT, SECTION_IMPACT, SECTION_COVERAGE)
FORM_PREFIX = "pf_"  # the add/edit form's widget keys: pf_name, pf_owner, ...


@dataclass
class PortfolioView:
    section: str = SECTION_SYSTEMS
    # Systems: the table's filters and the system shown below it
    area: str = ALL
    integration: str = ALL
    show_removed: bool = False
    selected: str = ""
    confirm_remove: str = ""  # the system the officer asked to take out of use
    # Add or edit
    draft: SystemDraft = field(default_factory=SystemDraft)
    # Import: the file uploaded and what checking it found
    upload: UploadedFile | None = None
    upload_round: int = 0  # bumped to give the uploader a fresh, empty widget
    # Impact: the component as typed (id, SF number or name)
    component: str = ""
    # Coverage
    months: int = DEFAULT_MONTHS
    heatmap_area: str = ALL
    heatmap_gaps_only: bool = False


def portfolio_view() -> PortfolioView:
    return session_object(VIEW_KEY, PortfolioView)
