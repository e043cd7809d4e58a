"""A release file as a person and a later tender read it: its exact text, and one line for each
way the file can be missing, damaged or not a release."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from procure.errors import ProcureError
from procure.library import load_library, read_release_file, write_release
from procure.library import release as release_module


def _refusal(path: Path) -> str:
    with pytest.raises(ProcureError) as caught:
        read_release_file(path)
    return str(caught.value)


def test_the_release_file_is_sorted_indented_readable_json(minimal_library, tmp_path):
    path = write_release(load_library(minimal_library), tmp_path / "ny" / "mappe")
    text = path.read_text("utf-8")
    document = json.loads(text)
    assert text == json.dumps(document, sort_keys=True, ensure_ascii=False, indent=2) + "\n"
    assert text.startswith('{\n  "areas": [\n    {\n      "key": "organisation",')
    assert '"da": "Første udgave"' in text  # letters as they are, not \u00f8
    assert document["format"] == "procure-library-release/1"
    # nothing but the release is left in the folder
    assert [p.name for p in path.parent.iterdir()] == ["1.0.0.json"]


def test_a_released_version_is_never_overwritten(minimal_library, tmp_path):
    library = load_library(minimal_library)
    path = write_release(library, tmp_path)
    with pytest.raises(ProcureError) as caught:
        write_release(library, tmp_path)
    assert str(caught.value) == (
        f"{path}: version 1.0.0 er allerede udgivet og kan ikke overskrives; hæv versionen i "
        "library.yaml og tilføj en changelog-post"
    )


@pytest.fixture
def release_path(minimal_library, tmp_path) -> Path:
    return write_release(load_library(minimal_library), tmp_path / "releases")


def test_a_missing_release_file(tmp_path):
    assert (
        _refusal(tmp_path / "9.9.9.json")
        == f"{tmp_path / '9.9.9.json'}: udgivelsesfilen findes ikke"
    )


def test_a_release_file_that_is_too_large(release_path, monkeypatch):
    size = release_path.stat().st_size
    monkeypatch.setattr(release_module, "MAX_RELEASE_BYTES", size - 1)
    assert _refusal(release_path) == (f"{release_path}: udgivelsesfilen er for stor ({size} bytes)")
    monkeypatch.setattr(release_module, "MAX_RELEASE_BYTES", size)
    assert read_release_file(release_path).version == "1.0.0"


def test_a_release_file_that_is_not_utf8_or_not_json(release_path):
    release_path.write_bytes(b'{"format": "\xff"}')
    assert _refusal(release_path) == f"{release_path}: udgivelsesfilen er ikke UTF-8"
    release_path.write_text('{\n  "format": \n}', "utf-8")
    assert _refusal(release_path) == (
        f"{release_path}:3: udgivelsesfilen er ikke gyldig JSON: Expecting value"
    )


def test_a_folder_in_place_of_a_release_file(tmp_path):
    folder = tmp_path / "1.0.0.json"
    folder.mkdir()
    assert _refusal(folder) == f"{folder}: kan ikke læses: Is a directory"


@pytest.mark.parametrize(
    "document", [[], {"format": "procure-library-release/2"}, {"requirements": []}]
)
def test_a_document_that_is_not_a_release(release_path, document):
    release_path.write_text(json.dumps(document), "utf-8")
    assert _refusal(release_path) == (
        f"{release_path}: ikke en procure-udgivelse (format skal være 'procure-library-release/1')"
    )


def test_a_release_edited_after_it_was_made_names_the_requirement(release_path):
    document = json.loads(release_path.read_text("utf-8"))
    document["requirements"][1]["text"]["da"] += " Ændret."
    release_path.write_text(json.dumps(document), "utf-8")
    rid = document["requirements"][1]["id"]
    assert _refusal(release_path) == (
        f"{release_path}: [{rid}]: kravets stempel passer ikke til teksten: udgivelsesfilen er "
        "ændret efter udgivelsen"
    )


def test_an_incomplete_release_says_what_is_missing(release_path):
    document = json.loads(release_path.read_text("utf-8"))
    del document["requirements"]
    release_path.write_text(json.dumps(document), "utf-8")
    assert (
        _refusal(release_path)
        == f"{release_path}: udgivelsesfilen er ufuldstændig ('requirements')"
    )


def test_a_release_written_by_someone_else_meanwhile_is_not_overwritten(
    minimal_library, tmp_path, monkeypatch
):
    library = load_library(minimal_library)

    def taken(source, target):
        Path(target).write_text("{}", "utf-8")  # another release got there first
        raise FileExistsError(target)

    monkeypatch.setattr(release_module.os, "link", taken)
    folder = tmp_path / "releases"
    with pytest.raises(ProcureError) as caught:
        write_release(library, folder)
    assert str(caught.value) == f"{folder / '1.0.0.json'}: udgivelsen findes allerede"
    assert [p.name for p in folder.iterdir()] == ["1.0.0.json"]  # no temporary file left
    assert (folder / "1.0.0.json").read_text("utf-8") == "{}"


def test_a_number_of_thousands_of_digits_in_a_release_file(release_path):
    release_path.write_text('{"format": ' + "9" * 5000 + "}", "utf-8")
    assert _refusal(release_path) == (
        f"{release_path}: udgivelsesfilen er ikke gyldig JSON: et tal har over 4300 cifre"
    )


def test_a_read_error_without_a_system_reason_gives_its_own_words(release_path, monkeypatch):
    def fails(self):
        raise OSError("disken svarer ikke")

    monkeypatch.setattr(Path, "read_bytes", fails)
    assert _refusal(release_path) == f"{release_path}: kan ikke læses: disken svarer ikke"


def test_the_release_is_written_beside_itself_under_a_name_no_reader_takes_for_one(
    minimal_library, tmp_path, monkeypatch
):
    linked = []
    real_link = release_module.os.link

    def link(source, target):
        linked.append(Path(source))
        return real_link(source, target)

    monkeypatch.setattr(release_module.os, "link", link)
    path = write_release(load_library(minimal_library), tmp_path / "releases")
    (temporary,) = linked
    assert temporary.parent == path.parent  # the same folder: the link never crosses disks
    assert temporary.name.startswith(".release-") and temporary.suffix == ".tmp"
    assert [p.name for p in path.parent.iterdir()] == ["1.0.0.json"]
