"""Checking a municipality's own Word template before it is used (`procure templates check`).

Kept apart from render.py, which holds the Word helpers that the annex and the response form
use: this module renders an example tender through those documents, so it sits above them.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from docx.opc.exceptions import PackageNotFoundError
from docxtpl import DocxTemplate
from jinja2 import TemplateSyntaxError
from lxml import etree

from procure.documents.annex import render_annex_template
from procure.documents.context import DOCUMENTED_VARIABLES, REQUIRED_VARIABLES, example_spec
from procure.documents.render import (
    SAFE_PARSER,
    TEMPLATE_KINDS,
    TEMPLATE_NAME,
    jinja_environment,
    syntax_message,
    xpath,
)
from procure.documents.response_docx import render_response_form_template
from procure.documents.texts import LANGUAGES
from procure.errors import ProcureError
from procure.i18n import Message, t


def check_template(path: Path | str) -> list[str]:
    """Problems with a template, in the language in force (procure.i18n); empty when it
    renders a complete document.

    Checks the file name (which document and language), the placeholders against the
    documented context (unknown ones would fail, missing required ones leave the document
    incomplete), then renders a small example tender with it: that catches misspelt fields
    (`r.tekst`), broken tags, and a response form that breaks the form contract.
    """
    return [str(problem) for problem in _template_problems(Path(path))]


def _template_problems(path: Path) -> list[str | Message]:
    match = TEMPLATE_NAME.match(path.name)
    expected = ", ".join(f"{k}.{lang}.docx" for k in TEMPLATE_KINDS for lang in LANGUAGES)
    if not match or match.group(2) not in LANGUAGES:
        return [t("ukendt skabelonnavn; forventet et af: {expected}", expected=expected)]
    kind, lang = match.groups()
    try:
        used = DocxTemplate(str(path)).get_undeclared_template_variables(jinja_environment())
    except TemplateSyntaxError as exc:
        return [syntax_message(exc)]
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, OSError) as exc:
        return [t("kan ikke åbnes som Word-dokument (.docx): {error}", error=str(exc))]
    documented = set(DOCUMENTED_VARIABLES)
    problems: list[str | Message] = [
        t(
            "ukendt pladsholder »{name}«; se docs/templates.md for de pladsholdere, der findes",
            name=name,
        )
        for name in sorted(used - documented)
    ]
    problems += [
        t("pladsholderen »{name}« bruges ikke, så dokumentet bliver ufuldstændigt", name=name)
        for name in REQUIRED_VARIABLES[kind]
        if name not in used
    ]
    if problems:
        return problems
    spec = example_spec(lang)
    try:
        if kind == "annex":
            data = render_annex_template(spec, path)
            text = _document_text(data)
            problems += [
                t(
                    "eksempelkravet {id} kommer ikke med i bilaget; brug {{{{ r.id }}}} i "
                    "kravtabellen",
                    id=r.id,
                )
                for r in spec.requirements
                if r.id not in text
            ]
        else:
            render_response_form_template(spec, path)
    except ProcureError as exc:
        problems.append(exc.message)
    return problems


def _document_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = etree.fromstring(archive.read("word/document.xml"), parser=SAFE_PARSER)
    return " ".join(xpath(root, "//w:t/text()"))
