"""The shipped library meets the content rules of v1.0.0 and stays within DOMAIN.md's facts."""

import re
from collections import Counter

from procure.library import load_release, read_release_file
from tests.conftest import SHIPPED_LIBRARY

KOMBIT_AREAS = ("systemoverblik", "drift", "brugerstyring", "kle", "organisation", "indkob")


def test_shipped_library_is_valid_and_released(shipped_library):
    assert shipped_library.version == "1.0.0"
    release = read_release_file(SHIPPED_LIBRARY / "releases" / "1.0.0.json")
    assert release.to_data() == shipped_library.to_data()


def test_content_counts(shipped_library):
    active = shipped_library.active_requirements
    assert len(active) >= 80
    per_area = Counter(r.area for r in active)
    for area in KOMBIT_AREAS:
        assert per_area[area] >= 5, area
    for area in ("sikkerhed", "tilgaengelighed", "arkivering"):
        assert per_area[area] >= 3, area


def test_every_active_integration_has_an_integration_requirement(shipped_library):
    covered = {
        i
        for r in shipped_library.active_requirements
        if r.area == "integration"
        for i in r.integrations
    }
    active = {i.id for i in shipped_library.integrations if i.status == "active"}
    assert active <= covered


def test_integration_requirements_name_verified_sf_numbers(shipped_library):
    for r in shipped_library.active_requirements:
        if r.area != "integration" or len(r.integrations) != 1:
            continue
        integration = shipped_library.integrations_by_id[r.integrations[0]]
        named = set(re.findall(r"SF\d{4}", r.text.da))
        assert named <= {sf.number for sf in integration.sf_numbers} | {"SF1460"}, r.id
        if integration.sf_numbers and r.kind == "MK":
            assert named, f"{r.id} should name the SF numbers of {integration.id}"


def test_no_unverified_fact_is_stated(shipped_library):
    catalogue = {i.id: i for i in shipped_library.integrations}
    assert catalogue["ydelsesindeks"].sf_numbers == ()
    assert catalogue["adgangsstyring-brugere"].sf_numbers == ()
    for r in shipped_library.requirements:
        for text in (r.text.da, r.text.en, r.guidance.da, r.answer.da):
            assert not re.search(r"SF15[678]0", text), r.id
            assert "1007" not in text, r.id
        # SF1600 (print) is retired: it may be mentioned as retired, never demanded
        assert "SF1600" not in r.text.da or "udfase" in r.text.da, r.id


def test_integration_dependencies_follow_the_catalogue(shipped_library):
    closure = shipped_library.integration_closure(["sags-og-dokumentindeks"])
    assert set(closure) == {
        "sags-og-dokumentindeks",
        "klassifikation",
        "organisation",
        "adgangsstyring-systemer",
        "administrationsmodul",
    }


def test_released_version_loads_by_number():
    library = load_release("1.0.0", SHIPPED_LIBRARY)
    assert library.requirement("FKI-KLE-001").kind == "MK"
