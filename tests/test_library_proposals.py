"""What procure proposes for each category, read as one tender: no obligation twice, no pair of
near-identical texts, and security weighted at least as operations (issue 18)."""

import pytest

from procure.library.similarity import near_duplicates
from procure.tender.proposal import propose_tender

CATEGORIES = (
    "Y05", "Y10", "Y14", "Y20", "Y24", "Y26", "Y37",
    "Y38", "Y52", "Y54", "Y56", "Y60", "Y65", "Y67",
)  # fmt: skip

# Obligations that releases before 1.1.0 stated more than once (issue 13 section 4, issue 18
# sections 1 and 2). Each is stated by exactly one active requirement now; the others are
# retired and point to it.
OBLIGATIONS = {
    "one KLE subject and one action facet per case": ("FKI-KLE-001", "FKI-INT-014"),
    "a source system updates Organisation": ("FKI-ORG-005", "FKI-INT-008"),
    "employee login through Access Control for users": ("FKI-BRG-001", "FKI-INT-005"),
    "registration and service agreements in the Administration Module": (
        "FKI-INT-002",
        "FKI-IND-002",
        "FKI-OVB-005",
        "FKI-INT-004",
    ),
    "organisation data from SF1500, no manual copy": ("FKI-INT-007", "FKI-ORG-001", "FKI-ORG-002"),
    "automatic loading of quarterly KLE updates": ("FKI-KLE-003", "FKI-INT-010"),
    "updating the Case and Document Index": ("FKI-INT-012", "FKI-KLE-006"),
    "renewal of the OCES system certificate": ("FKI-DRF-006", "FKI-IND-003", "FKI-INT-003"),
    "KLE from Klassifikation": ("FKI-INT-009", "FKI-KLE-002"),
    "logging of logins": ("NF-SIK-006", "FKI-BRG-009"),
    "documentation of each FKI integration": ("FKI-OVB-003", "FKI-IND-012"),
    "data processing agreement (third countries, audit)": (
        "NF-SIK-001",
        "NF-SIK-003",
        "NF-SIK-004",
    ),
}


@pytest.fixture(scope="module")
def proposals(shipped_library):
    return {
        code: [
            shipped_library.requirements_by_id[s.id]
            for s in propose_tender(
                shipped_library,
                title="T",
                buyer="B",
                category=code,
                date="2026-12-14",
                tender_id="t",
            ).requirements
        ]
        for code in CATEGORIES
    }


def test_every_category_is_proposed(shipped_library, proposals):
    assert sorted(c.code for c in shipped_library.categories) == sorted(CATEGORIES)
    assert all(len(reqs) >= 50 for reqs in proposals.values())


@pytest.mark.parametrize("category", CATEGORIES)
def test_no_proposed_pair_is_a_near_duplicate(proposals, category):
    found = near_duplicates(proposals[category])
    assert [(p.first, p.second, p.score) for p in found.pairs] == []


@pytest.mark.parametrize("obligation", sorted(OBLIGATIONS))
def test_each_obligation_is_stated_by_one_active_requirement(shipped_library, obligation):
    kept, *retired = OBLIGATIONS[obligation]
    assert shipped_library.requirement(kept).active
    for rid in retired:
        requirement = shipped_library.requirement(rid)
        assert not requirement.active and requirement.replaced_by == kept, rid
        assert requirement.deprecation_reason.da and requirement.deprecation_reason.en


@pytest.mark.parametrize("category", CATEGORIES)
def test_no_proposal_holds_two_requirements_of_one_obligation(proposals, category):
    ids = {r.id for r in proposals[category]}
    for obligation, group in OBLIGATIONS.items():
        assert len(ids & set(group)) <= 1, obligation


def test_every_retired_requirement_points_to_an_active_one(shipped_library):
    for r in shipped_library.requirements:
        if not r.active:
            assert shipped_library.requirement(r.replaced_by).active, r.id


@pytest.mark.parametrize("category", CATEGORIES)
def test_security_weighs_at_least_as_the_fault_handling_pk(proposals, category):
    """Security of processing is a legal duty (GDPR art. 32): its PK weight in a proposed
    tender is at least that of FKI-DRF-003, the heaviest operations PK."""
    pks = [r for r in proposals[category] if r.kind == "PK"]
    security = sum(r.weight for r in pks if r.area == "sikkerhed")
    fault_handling = next(r.weight for r in pks if r.id == "FKI-DRF-003")
    assert security >= fault_handling == 7
    assert {"NF-SIK-005", "NF-SIK-011", "NF-SIK-012"} <= {r.id for r in proposals[category]}
