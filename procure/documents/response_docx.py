"""The vendor's Word response form (response-form.docx).

The form is a contract with procure.responses: tables whose header row is exactly
forms.HEADER_LABELS in forms.COLUMNS order, one row per requirement with the id as visible
text, an answer dropdown, and the tender's metadata as custom document properties. A
municipality's template may restyle the form but not break that contract: rendering checks
the result and refuses a form the checker could not read.
"""

from __future__ import annotations

import copy
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from docx.document import Document
from lxml import etree

from procure import forms
from procure.documents.context import build_context
from procure.documents.render import (
    NS,
    document_body,
    docx_bytes,
    render_template,
    set_core_properties,
    set_custom_properties,
    template_path,
    w,
    xpath,
)
from procure.documents.texts import texts
from procure.errors import ProcureError
from procure.i18n import Message, in_words, t
from procure.tender.spec import TenderSpec
from procure.textutil import xml_safe

COLUMN = {key: index for index, key in enumerate(forms.COLUMNS)}
PLACEHOLDER_COLOR = "595959"


def render_response_form_docx(spec: TenderSpec, templates_dir: Path | None = None) -> bytes:
    """response-form.docx for the spec, from `templates_dir`/response-form.<lang>.docx when
    that folder has one, otherwise from the shipped template."""
    path = template_path("response-form", spec.language, templates_dir)
    return render_response_form_template(spec, path)


def render_response_form_template(spec: TenderSpec, path: Path) -> bytes:
    """response-form.docx rendered from one given template file; ProcureError when the
    template yields a form that breaks the form contract."""
    context = build_context(spec)
    document = render_template(path, context)
    rows = requirement_rows(document, spec.language)
    _check_rows(spec, rows, path)
    dropdown = answer_dropdown(spec.language)
    for cells in rows:
        _put_dropdown(cells[COLUMN["answer"]], dropdown)
    set_custom_properties(document, form_properties(spec))
    set_core_properties(
        document,
        spec,
        subject=context["tender"]["form_title"],
        comments=context["footer_note"],
    )
    return docx_bytes(document, spec)


def form_properties(spec: TenderSpec) -> dict[str, str]:
    """The custom document properties a response form carries (forms.PROPERTY_*)."""
    meta = spec.form_metadata()
    return {
        forms.PROPERTY_FORMAT: meta["format"],
        forms.PROPERTY_TENDER_ID: meta["tender_id"],
        forms.PROPERTY_LIBRARY_VERSION: meta["library_version"],
        forms.PROPERTY_FINGERPRINT: meta["fingerprint"],
        forms.PROPERTY_STAMPS: json.dumps(
            meta["requirements"], ensure_ascii=False, separators=(",", ":")
        ),
    }


def requirement_rows(document: Document, lang: str) -> list[list[etree._Element]]:
    """The cells (w:tc) of every requirement row: rows below a header row whose labels are
    exactly forms.HEADER_LABELS[lang] in forms.COLUMNS order."""
    # Case-insensitive like the reader (forms.normalise_label).
    expected = [_squash(forms.HEADER_LABELS[lang][c]).casefold() for c in forms.COLUMNS]
    rows = []
    for table in document_body(document).iter(w("tbl")):
        table_rows = table.findall(w("tr"))
        if not table_rows:
            continue
        header = [_cell_text(tc).casefold() for tc in table_rows[0].findall(w("tc"))]
        if header != expected:
            continue
        rows.extend(tr.findall(w("tc")) for tr in table_rows[1:])
    return rows


def answer_dropdown(lang: str) -> etree._Element:
    """A run-level dropdown content control listing the answer values, showing a dark grey
    placeholder until the vendor chooses. It carries no tag: LibreOffice drops tags, so the
    requirement id stays visible text in its own column."""
    sdt = etree.Element(w("sdt"), nsmap={"w": NS["w"]})
    pr = etree.SubElement(sdt, w("sdtPr"))
    etree.SubElement(pr, w("alias")).set(w("val"), forms.HEADER_LABELS[lang]["answer"])
    etree.SubElement(pr, w("lock")).set(w("val"), "sdtLocked")
    etree.SubElement(pr, w("showingPlcHdr"))
    choices = etree.SubElement(pr, w("dropDownList"))
    for label in forms.ANSWER_LABELS[lang].values():
        item = etree.SubElement(choices, w("listItem"))
        item.set(w("displayText"), label)
        item.set(w("value"), label)
    content = etree.SubElement(sdt, w("sdtContent"))
    run = etree.SubElement(content, w("r"))
    # #595959 on white is 7.0:1; Word's own placeholder grey #808080 (3.9:1) is below WCAG's
    # 4.5:1 for text.
    etree.SubElement(etree.SubElement(run, w("rPr")), w("color")).set(w("val"), PLACEHOLDER_COLOR)
    etree.SubElement(run, w("t")).text = texts(lang)["answer_placeholder"]
    return sdt


def _put_dropdown(cell: etree._Element, dropdown: etree._Element) -> None:
    paragraphs = cell.findall(w("p"))
    if paragraphs:
        p = paragraphs[0]
        for extra in paragraphs[1:]:
            cell.remove(extra)
        for child in list(p):
            if child.tag != w("pPr"):
                p.remove(child)
    else:
        p = etree.SubElement(cell, w("p"))
    p.append(copy.deepcopy(dropdown))


def _cell_text(tc: etree._Element) -> str:
    """A cell's text with all whitespace removed: enough to tell whether a template printed
    the right value, and fast (line breaks and paragraph ends need no special handling)."""
    return "".join("".join(xpath(tc, ".//w:t/text()")).split())


def _squash(text: str) -> str:
    return "".join(xml_safe(text).split())


def _check_rows(spec: TenderSpec, rows: list, path: Path) -> None:
    """Each requirement exactly once, with the number, text and kind as the spec prints them;
    nothing else. Otherwise the checker would misread every answer."""
    lang = spec.language
    labels = " | ".join(forms.HEADER_LABELS[lang][c] for c in forms.COLUMNS)
    if not rows:
        raise ProcureError.invalid(
            path,
            t(
                "skabelonen giver ingen kravtabel med overskriftsrækken »{labels}«; "
                "se docs/templates.md",
                labels=labels,
            ),
        )
    problems: list[Message] = []
    found = Counter()
    by_id = {r.id: r for r in spec.requirements}
    for cells in rows:
        if len(cells) != len(forms.COLUMNS):
            problems.append(
                t(
                    "en kravrække har {count} celler i stedet for {expected}",
                    count=len(cells),
                    expected=len(forms.COLUMNS),
                )
            )
            continue
        rid = _cell_text(cells[COLUMN["id"]])
        found[rid] += 1
        requirement = by_id.get(rid)
        if requirement is None:
            problems.append(t("rækken med krav-id »{id}« er ikke et krav i udbuddet", id=rid))
            continue
        expected = {
            "number": requirement.number,
            "text": forms.requirement_cell_text(requirement.title, requirement.text),
            "kind": forms.kind_cell_text(requirement.kind, requirement.weight, lang),
        }
        for key, value in expected.items():
            if _cell_text(cells[COLUMN[key]]) != _squash(value):
                column = forms.HEADER_LABELS[lang][key]
                wanted = forms.comparable(value)
                wanted = wanted if len(wanted) <= 60 else wanted[:59] + "…"
                problems.append(
                    t(
                        "[{id}] kolonnen »{column}« skal vise »{wanted}«",
                        id=rid,
                        column=column,
                        wanted=wanted,
                    )
                )
    problems += [
        t("[{id}] står {count} gange", id=rid, count=n)
        for rid, n in found.items()
        if n > 1 and rid in by_id
    ]
    problems += [t("[{id}] mangler", id=r.id) for r in spec.requirements if r.id not in found]
    if problems:
        shown: Message | _Joined = _Joined(tuple(problems[:5]))
        if len(problems) > 5:
            shown = t("{problems} (og {count} til)", problems=shown, count=len(problems) - 5)
        raise ProcureError.invalid(
            path,
            t(
                "skabelonen giver en tilbudsliste, som ikke svarer til udbuddet: {problems}. "
                "Kravtabellerne skal have overskriftsrækken »{labels}« og én række pr. krav; "
                "se docs/templates.md",
                problems=shown,
                labels=labels,
            ),
        )


@dataclass(frozen=True)
class _Joined:
    """Messages joined with "; ", each put into words in the language of the whole."""

    parts: tuple[Message, ...]

    def text(self, lang: str | None = None) -> str:
        return "; ".join(str(in_words(part, lang)) for part in self.parts)

    def __str__(self) -> str:
        return self.text()
