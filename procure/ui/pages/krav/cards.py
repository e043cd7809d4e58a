"""The Krav step's list of requirement cards: search and filters, one page of cards by area, and
on each card the officer's choice (included, kind, weight).

With a few hundred requirements the page must stay quick on every click, so only one page of
cards (PAGE_SIZE) is drawn; the counts, the total weight and the warnings are over all of them.
What to show (search, kinds, included or not, page) is view state kept beside the wizard's data:
it is not part of the tender and is never saved.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass, field

import streamlit as st

from procure.library.model import KINDS, Library
from procure.tender.resolve import area_keys, area_title
from procure.ui.numbers import number_field
from procure.ui.pages.krav.local import local_card
from procure.ui.session import (
    bound,
    get_state,
    label_plain,
    plain,
    safe_callback,
    session_object,
)
from procure.ui.state import (
    LocalRequirement,
    RequirementRow,
    WizardState,
    set_included,
    set_kind,
    set_weight,
)
from procure.ui.texts import tr

ALL_AREAS = ""
PAGE_SIZE = 20  # cards drawn per page: a rerun with 300 requirements stays well under 150 ms
VIEW_KEY = "procure_requirements_view"
SHOW_ALL, SHOW_INCLUDED, SHOW_EXCLUDED, SHOW_CHANGED = "all", "included", "excluded", "changed"
SHOW_OPTIONS = (SHOW_ALL, SHOW_INCLUDED, SHOW_EXCLUDED, SHOW_CHANGED)


@dataclass
class RequirementsView:
    """What the officer narrows the list to. Belongs to one tender: another tender starts over."""

    tender_id: str = ""
    search: str = ""
    kinds: list[str] = field(default_factory=list)  # empty: every kind
    show: str = SHOW_ALL
    page: int = 1

    def reset(self) -> None:
        self.search, self.kinds, self.show, self.page = "", [], SHOW_ALL, 1


@dataclass(frozen=True)
class Card:
    """One card in the list: a library requirement (row) or a local requirement."""

    area: str
    row: RequirementRow | None = None
    local: LocalRequirement | None = None

    @property
    def id(self) -> str:
        return self.row.id if self.row else self.local.id

    @property
    def kind(self) -> str:
        return self.row.kind if self.row else self.local.kind

    @property
    def included(self) -> bool:
        return self.row.included if self.row else True

    @property
    def changed(self) -> bool:
        """Changed or added by the officer; a local requirement is the officer's own."""
        return self.row.changed if self.row else True

    def searchable(self, lang: str) -> str:
        if self.row:
            requirement = self.row.requirement
            return f"{self.id}\n{requirement.title.get(lang)}\n{requirement.text.get(lang)}"
        return f"{self.id}\n{self.local.title}\n{self.local.text}"


# -- What is shown: pure functions over the cards -----------------------------------------------


def requirement_cards(
    rows: list[RequirementRow], local: list[LocalRequirement], library: Library
) -> list[Card]:
    """Every card in the order the annex uses: by area, library requirements before local ones.
    Requirements the library does not know have no card (they are listed apart)."""
    by_area: dict[str, list[Card]] = {key: [] for key in area_keys(library)}
    for row in rows:
        if row.requirement and row.requirement.area in by_area:
            by_area[row.requirement.area].append(Card(row.requirement.area, row=row))
    for item in local:
        if item.area in by_area:
            by_area[item.area].append(Card(item.area, local=item))
    return [card for area_cards in by_area.values() for card in area_cards]


def normalized(text: str) -> str:
    """Text for comparing: composed Unicode (an å typed as a + ring matches å), any case."""
    return unicodedata.normalize("NFC", text).casefold()


def matching_cards(
    cards: list[Card], lang: str, search: str, area: str, kinds: list[str], show: str
) -> list[Card]:
    """The cards that pass every filter. Search: each word of the query must occur in the id,
    the title or the text (in the officer's language), in any case."""
    terms = normalized(search).split()
    wanted = {
        SHOW_ALL: lambda c: True,
        SHOW_INCLUDED: lambda c: c.included,
        SHOW_EXCLUDED: lambda c: not c.included,
        SHOW_CHANGED: lambda c: c.changed,
    }.get(show, lambda c: True)
    out = []
    for card in cards:
        if area != ALL_AREAS and card.area != area:
            continue
        if kinds and card.kind not in kinds:
            continue
        if not wanted(card):
            continue
        if terms:
            haystack = normalized(card.searchable(lang))
            if not all(term in haystack for term in terms):
                continue
        out.append(card)
    return out


def page_count(items: int, size: int) -> int:
    return max(1, math.ceil(items / size))


def page_slice(cards: list[Card], page: int, size: int) -> list[Card]:
    start = (page - 1) * size
    return cards[start : start + size]


# -- The list ------------------------------------------------------------------------------------


def requirement_list(state: WizardState, library: Library, rows: list[RequirementRow]) -> None:
    """Search and filters, then one page of cards under their area headings, with pagers."""
    lang = state.ui_lang
    view = requirements_view(state)
    _filters(state, view, library)
    cards = requirement_cards(rows, state.local, library)
    shown = matching_cards(cards, lang, view.search, state.area_filter, view.kinds, view.show)
    pages = page_count(len(shown), PAGE_SIZE)
    view.page = min(max(view.page, 1), pages)
    _page_status(state, view, len(shown), len(cards), pages)
    if not shown:
        st.info(tr(lang, "req_no_matches"))
        st.button(tr(lang, "req_clear_filters"), key="req_clear_filters", on_click=_clear_filters)
    _cards(state, library, cards, page_slice(shown, view.page, PAGE_SIZE))
    if pages > 1:
        _pager(view, pages, "req_page_bottom")


def requirements_view(state: WizardState) -> RequirementsView:
    view = session_object(VIEW_KEY, RequirementsView)
    if view.tender_id != state.tender_id:
        view.tender_id = state.tender_id
        view.reset()
    return view


def _filters(state: WizardState, view: RequirementsView, library: Library) -> None:
    """Search, area, kinds and included-or-not; any change goes back to page 1."""
    lang = state.ui_lang
    search_col, area_col = st.columns([3, 2])
    with search_col:
        bound(
            st.text_input,
            "req_search",
            view.search,
            _back_to_first_page(view, lambda v: setattr(view, "search", v or "")),
            label=tr(lang, "req_search_label"),
            placeholder=tr(lang, "req_search_placeholder"),
            max_chars=200,
            live=True,  # the list follows the typing after a short pause
        )
    options = [ALL_AREAS] + area_keys(library)
    if state.area_filter not in options:
        state.area_filter = ALL_AREAS
    with area_col:
        bound(
            st.selectbox,
            "area_filter",
            state.area_filter,
            _back_to_first_page(view, lambda v: setattr(state, "area_filter", v or ALL_AREAS)),
            label=tr(lang, "area_filter_label"),
            options=options,
            format_func=lambda key: (
                tr(lang, "all_areas") if key == ALL_AREAS else area_title(key, library, lang)
            ),
        )
    kind_col, show_col = st.columns([3, 2])
    with kind_col:
        bound(
            st.pills,
            "req_kinds",
            list(view.kinds),
            _back_to_first_page(view, lambda v: setattr(view, "kinds", list(v or []))),
            label=tr(lang, "req_kind_filter_label"),
            options=list(KINDS),
            selection_mode="multi",
            format_func=lambda k: tr(lang, f"kind_plural_{k}"),
            help=tr(lang, "req_kind_filter_help"),
        )
    with show_col:
        bound(
            st.radio,
            "req_show",
            view.show,
            _back_to_first_page(view, lambda v: setattr(view, "show", v or SHOW_ALL)),
            label=tr(lang, "req_show_label"),
            options=list(SHOW_OPTIONS),
            format_func=lambda option: tr(lang, f"req_show_{option}"),
            horizontal=True,
        )


def _back_to_first_page(view: RequirementsView, apply):
    def set_filter(value) -> None:
        apply(value)
        view.page = 1

    return set_filter


def _page_status(
    state: WizardState, view: RequirementsView, shown: int, total: int, pages: int
) -> None:
    lang = state.ui_lang
    text = tr(lang, "req_showing", shown=shown, total=total)
    if pages > 1:
        first = (view.page - 1) * PAGE_SIZE + 1
        last = min(view.page * PAGE_SIZE, shown)
        text += " · " + tr(
            lang, "req_page_range", page=view.page, pages=pages, first=first, last=last
        )
    status_col, pager_col = st.columns([2, 3])
    status_col.markdown(text)
    if pages > 1:
        with pager_col:
            _pager(view, pages, "req_page")


def _pager(view: RequirementsView, pages: int, key: str) -> None:
    bound(
        st.pagination,
        key,
        view.page,
        lambda v: setattr(view, "page", int(v or 1)),
        num_pages=pages,
    )


def _cards(state: WizardState, library: Library, cards: list[Card], page: list[Card]) -> None:
    """The page's cards under their area headings; an area's count is over all its cards."""
    lang = state.ui_lang
    counts: dict[str, list[int]] = {}
    for card in cards:
        count = counts.setdefault(card.area, [0, 0])
        count[0] += card.included
        count[1] += 1
    area = None
    for card in page:
        if card.area != area:
            area = card.area
            included, total = counts[area]
            st.subheader(
                plain(area_title(area, library, lang))
                + " "
                + tr(lang, "area_count", included=included, total=total)
            )
        if card.row:
            _requirement(state, card.row)
        else:
            local_card(state, card.local, library)


def _requirement(state: WizardState, row: RequirementRow) -> None:
    lang = state.ui_lang
    requirement = row.requirement
    assert requirement is not None
    with st.container(border=True):
        text_col, kind_col, weight_col = st.columns([5, 2, 1.2])
        with text_col:
            marks = []
            if not row.proposed:
                marks.append(tr(lang, "added_by_you"))
            if row.changed:
                marks.append(tr(lang, "changed_by_you"))
            # Plain text: the label is also the checkbox's accessible name (no bold, no
            # strike-through; the box itself says whether the requirement is included)
            heading = " · ".join([row.id, requirement.title.get(lang), *marks])
            # The checkbox's label is the requirement's heading: ticking it includes the requirement
            bound(
                st.checkbox,
                f"req_include_{row.id}",
                row.included,
                lambda v, rid=row.id, proposed=row.proposed: set_included(state, rid, v, proposed),
                label=label_plain(heading),
                help=tr(lang, "include_help"),
            )
            st.markdown(":small[" + plain(requirement.text.get(lang)) + "]")
        with kind_col:
            bound(
                st.selectbox,
                f"req_kind_{row.id}",
                row.kind,
                lambda v, r=requirement: set_kind(state, r, v),
                label=tr(lang, "kind_label"),
                options=list(KINDS),
                format_func=lambda k: tr(lang, f"kind_{k}"),
                disabled=not row.included,
                help=tr(lang, "kind_help", kind=requirement.kind),
            )
        with weight_col:
            if row.kind == "PK":
                number_field(
                    st,
                    f"req_weight_{row.id}",
                    tr(lang, "weight_label"),
                    row.weight,
                    lambda v, r=requirement: set_weight(state, r, v),
                    lang=lang,
                    whole=True,
                    minimum=1,
                    maximum=100,
                    optional=True,
                    placeholder=tr(lang, "weight_placeholder"),
                    disabled=not row.included,
                )
                if row.included and row.weight is None:
                    st.caption(tr(lang, "weight_missing"))
        with st.expander(tr(lang, "guidance_heading")):
            st.markdown(plain(requirement.guidance.get(lang)) or "–")
            if requirement.answer.get(lang):
                st.markdown(
                    f"**{tr(lang, 'answer_hint_heading')}** " + plain(requirement.answer.get(lang))
                )
            refs = [
                r.title + (f" ({r.clause})" if r.clause else "") for r in requirement.references
            ]
            if refs:
                st.caption(plain(tr(lang, "references", refs="; ".join(refs))))


@safe_callback
def _clear_filters() -> None:
    state = get_state()
    state.area_filter = ALL_AREAS
    requirements_view(state).reset()
