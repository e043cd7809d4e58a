"""Library validation beyond the golden cases: the parallel parse of a large library finds
exactly what the serial one finds, and an unusable folder is one line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from procure.errors import ProcureError
from procure.library import validate_library_folder, validation

CASES = Path(__file__).parent / "library_cases"


def _problems(folder: Path) -> list[str]:
    return [str(p).replace(f"{folder}/", "") for p in validate_library_folder(folder).problems]


@pytest.mark.parametrize("case", ["cross_file_rules", "duplicate_id", "bad_kind"])
def test_a_large_library_parsed_in_two_processes_reports_the_same(case, tmp_path, monkeypatch):
    folder = tmp_path / "lib"
    shutil.copytree(CASES / "valid" / "minimal", folder)
    shutil.copytree(CASES / "invalid" / case, folder, dirs_exist_ok=True)
    (folder / "expected.txt").unlink()
    serial = _problems(folder)
    monkeypatch.setattr(validation, "PARALLEL_THRESHOLD_BYTES", 0)
    monkeypatch.setattr(validation.os, "cpu_count", lambda: 2)
    assert _problems(folder) == serial
    assert serial == (CASES / "invalid" / case / "expected.txt").read_text("utf-8").splitlines()


def test_a_valid_library_parsed_in_two_processes_is_the_same_library(tmp_path, monkeypatch):
    serial = validate_library_folder(CASES / "valid" / "minimal").library
    monkeypatch.setattr(validation, "PARALLEL_THRESHOLD_BYTES", 0)
    monkeypatch.setattr(validation.os, "cpu_count", lambda: 2)
    assert validate_library_folder(CASES / "valid" / "minimal").library == serial


def test_a_folder_that_is_no_library_is_one_line(tmp_path):
    with pytest.raises(ProcureError) as caught:
        validate_library_folder(tmp_path / "ingen")
    assert str(caught.value) == (
        f"{tmp_path / 'ingen'}: mappen findes ikke (forventede en kravbiblioteksmappe)"
    )
    with pytest.raises(ProcureError) as caught:
        validate_library_folder(tmp_path)
    assert str(caught.value) == f"{tmp_path}: mappen er ikke et kravbibliotek: library.yaml mangler"


def test_missing_files_and_folders_are_problems_not_errors(tmp_path):
    folder = tmp_path / "lib"
    shutil.copytree(CASES / "valid" / "minimal", folder)
    (folder / "kle.yaml").unlink()
    shutil.rmtree(folder / "requirements")
    assert _problems(folder) == [
        "kle.yaml: filen mangler",
        "requirements/: mappen requirements/ mangler",
    ]
    (folder / "kle.yaml").write_text("", "utf-8")
    assert _problems(folder)[0] == "kle.yaml:1: filen er tom"


def test_the_fields_a_released_requirement_changed_are_named_with_dots():
    from procure.library.validation import changed_fields

    old = {"id": "A", "text": {"da": "x", "en": "y"}, "kle": ["00"], "title": {"da": "t"}}
    new = {"id": "A", "text": {"da": "x", "en": "z"}, "weight": 3, "title": "t"}
    assert changed_fields(old, new) == ["kle", "text.en", "title", "weight"]
    assert changed_fields(old, old) == []


def test_a_valid_report_names_its_folder_and_the_library_its_source():
    folder = CASES / "valid" / "minimal"
    report = validate_library_folder(folder)
    assert report.valid and report.path == str(folder)
    assert report.library.source == str(folder)


def test_a_library_without_its_requirements_folder_still_gets_every_other_check(tmp_path):
    folder = tmp_path / "lib"
    shutil.copytree(CASES / "valid" / "minimal", folder)
    shutil.rmtree(folder / "requirements")
    assert _problems(folder) == ["requirements/: mappen requirements/ mangler"]
    (folder / "library.yaml").write_text(
        (folder / "library.yaml")
        .read_text("utf-8")
        .replace('version: "1.0.0"\n', 'version: "1.1.0"\n', 1),
        "utf-8",
    )
    assert _problems(folder) == [
        "requirements/: mappen requirements/ mangler",
        "library.yaml:2: changelog mangler en post for version 1.1.0",
    ]


def test_a_requirement_that_is_not_a_mapping_is_a_schema_problem(tmp_path):
    folder = tmp_path / "lib"
    shutil.copytree(CASES / "valid" / "minimal", folder)
    (folder / "requirements" / "integration.yaml").write_text(
        "requirements:\n  - bare tekst\n", "utf-8"
    )
    problems = _problems(folder)
    assert len(problems) == 1 and problems[0].startswith("requirements/integration.yaml:2: ")


def test_a_requirement_file_over_the_limit_is_refused_where_its_list_starts(
    minimal_library, monkeypatch
):
    # organisation.yaml holds 2 requirements, integration.yaml 1; the list starts on line 2
    path = minimal_library / "requirements" / "organisation.yaml"
    path.write_text("# Organisation\n" + path.read_text("utf-8"), "utf-8")
    monkeypatch.setattr(validation, "MAX_REQUIREMENTS_PER_FILE", 2)
    assert _problems(minimal_library) == []
    monkeypatch.setattr(validation, "MAX_REQUIREMENTS_PER_FILE", 1)
    assert _problems(minimal_library) == [
        "requirements/organisation.yaml:2: filen har 2 krav; højst 1 er tilladt i én fil (del "
        "området op i flere filer)"
    ]
    # the line of the list itself, also when another key comes first
    path.write_text(path.read_text("utf-8").replace("requirements:", "x: 1\nrequirements:"))
    assert _problems(minimal_library)[0].startswith("requirements/organisation.yaml:3: filen har")


def test_a_requirement_file_that_is_a_list_is_one_problem_not_a_crash(minimal_library):
    path = minimal_library / "requirements" / "organisation.yaml"
    path.write_text("- id: FKI-ORG-001\n", "utf-8")
    assert _problems(minimal_library) == [
        "requirements/organisation.yaml:1: filen skal være en samling af felter, ikke "
        "[{'id': 'FKI-ORG-001'}]"
    ]


def test_near_duplicate_texts_are_only_compared_when_asked(minimal_library):
    path = minimal_library / "requirements" / "organisation.yaml"
    path.write_text(
        path.read_text("utf-8").replace(
            "da: Systemet skal afspejle en ændring i organisationen inden for én time.",
            "da: Systemet skal hente kommunens organisation fra Fælleskommunalt "
            "Organisationssystem hver time.",
        ),
        "utf-8",
    )
    assert validate_library_folder(minimal_library).warnings == ()
    (warning,) = validate_library_folder(minimal_library, warn_near_duplicates=True).warnings
    assert (warning.file, warning.requirement) == (str(path), "FKI-ORG-001")
    assert str(warning.message).startswith("kravteksten ligner FKI-ORG-002")


def test_requirements_after_a_reused_id_in_the_same_file_are_still_checked(minimal_library):
    path = minimal_library / "requirements" / "organisation.yaml"
    text = path.read_text("utf-8")
    second = text[text.index("  - id: FKI-ORG-002") :]
    third = second.replace("id: FKI-ORG-002", "id: FKI-ORG-003").replace(
        "area: organisation", "area: integration"
    )
    path.write_text(text.replace("id: FKI-ORG-002", "id: FKI-ORG-001") + third, "utf-8")
    problems = _problems(minimal_library)
    assert problems[0].startswith(
        "requirements/organisation.yaml:17: [FKI-ORG-001] id'et er brugt to gange (også i "
    )
    third_problems = [p for p in problems if "[FKI-ORG-003]" in p]
    assert any("området 'integration' passer ikke til filen" in p for p in third_problems)


def test_past_200_near_duplicate_pairs_the_search_stops_and_says_so_for_the_library(
    minimal_library,
):
    path = minimal_library / "requirements" / "organisation.yaml"
    text = path.read_text("utf-8")
    block = text[text.index("  - id: FKI-ORG-002") :]
    copies = "".join(block.replace("FKI-ORG-002", f"FKI-ORG-{n:03}") for n in range(100, 120))
    path.write_text(text + copies, "utf-8")  # 21 equal texts: 210 pairs
    warnings = validate_library_folder(minimal_library, warn_near_duplicates=True).warnings
    assert len(warnings) == 201
    last = warnings[-1]
    assert (last.file, last.line, last.requirement) == (str(minimal_library), None, None)
    assert str(last.message) == (
        "mere end 200 par næsten ens kravtekster; søgningen stoppede ved de første 200"
    )
