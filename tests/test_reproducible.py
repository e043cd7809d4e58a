"""A tender pinned to a release rebuilds the same documents years later, whatever the working
library has become since."""

import shutil

from procure.documents.build import render_documents
from procure.library import load_library, write_release
from procure.tender import load_tender_spec, save_tender
from tests.conftest import SHIPPED_LIBRARY
from tests.samples import sample_tender


def test_pinned_tender_rebuilds_byte_identical_after_library_changes(tmp_path, monkeypatch):
    tender_file = tmp_path / "tender.yaml"
    save_tender(sample_tender(), tender_file)
    before = render_documents(load_tender_spec(tender_file))

    library = tmp_path / "library"
    shutil.copytree(SHIPPED_LIBRARY, library)
    requirement_file = library / "requirements" / "organisation.yaml"
    text = requirement_file.read_text("utf-8")
    assert "Systemet skal" in text
    requirement_file.write_text(text.replace("Systemet skal", "Systemet bør"), "utf-8")
    manifest = library / "library.yaml"
    manifest.write_text(
        manifest.read_text("utf-8")
        .replace('version: "1.1.0"\nchangelog:', 'version: "1.2.0"\nchangelog:')
        .replace(
            "changelog:\n",
            'changelog:\n  - version: "1.2.0"\n    date: "2030-01-01"\n'
            "    summary: {da: Blødere krav, en: Softer requirements}\n",
            1,
        )
    )
    newer = load_library(library)
    write_release(newer, library / "releases")
    assert newer.version == "1.2.0"

    monkeypatch.setenv("PROCURE_LIBRARY", str(library))
    after = render_documents(load_tender_spec(tender_file))
    assert after == before
