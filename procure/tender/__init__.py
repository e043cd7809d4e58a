"""The tender: the officer's choices, pinned to a library release."""

from procure.tender.io import dump_tender, load_tender, parse_tender, save_tender
from procure.tender.lint import TenderWarning, lint_tender
from procure.tender.model import (
    Buyer,
    CustomRequirement,
    EvaluationModel,
    SelectedRequirement,
    Tender,
)
from procure.tender.proposal import propose_tender
from procure.tender.resolve import resolve_tender
from procure.tender.spec import SpecRequirement, TenderSpec


def load_tender_spec(path, library_path=None, language: str | None = None) -> TenderSpec:
    """Load a tender file and resolve it against the release it is pinned to (optionally in
    another language than the tender's own)."""
    import dataclasses

    from procure.library import load_release

    tender = load_tender(path)
    if language and language != tender.language:
        tender = dataclasses.replace(tender, language=language)
    return resolve_tender(tender, load_release(tender.library_version, library_path))


__all__ = [
    "Buyer",
    "CustomRequirement",
    "EvaluationModel",
    "SelectedRequirement",
    "SpecRequirement",
    "Tender",
    "TenderSpec",
    "TenderWarning",
    "dump_tender",
    "lint_tender",
    "load_tender",
    "load_tender_spec",
    "parse_tender",
    "propose_tender",
    "resolve_tender",
    "save_tender",
]
