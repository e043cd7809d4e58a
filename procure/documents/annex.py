"""The requirement specification annex (annex.docx): the part of the tender documents that
publishes the requirements, how to answer them and how bids are evaluated."""

from __future__ import annotations

from pathlib import Path

from procure.documents.context import build_context
from procure.documents.render import (
    docx_bytes,
    fill_table_of_contents,
    render_template,
    request_field_update,
    set_core_properties,
    template_path,
)
from procure.tender.spec import TenderSpec


def render_annex(spec: TenderSpec, templates_dir: Path | None = None) -> bytes:
    """annex.docx for the spec, from `templates_dir`/annex.<lang>.docx when that folder has
    one, otherwise from the shipped template."""
    return render_annex_template(spec, template_path("annex", spec.language, templates_dir))


def render_annex_template(spec: TenderSpec, path: Path) -> bytes:
    """annex.docx rendered from one given template file."""
    context = build_context(spec)
    document = render_template(path, context)
    fill_table_of_contents(document)
    request_field_update(document)
    set_core_properties(
        document,
        spec,
        subject=context["tender"]["annex_title"],
        comments=f"{context['library']['line']}; {spec.fingerprint}",
    )
    return docx_bytes(document, spec)
