"""Generated inputs of realistic size for the benchmarks (and a few scale tests)."""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "requirement_library"

_SENTENCE_DA = (
    "Systemet skal anvende den fælleskommunale infrastruktur til at udveksle data om sager, "
    "dokumenter og organisation, så kommunen undgår dobbeltregistrering og manuelle arbejdsgange. "
)
_SENTENCE_EN = (
    "The system shall use the joint municipal infrastructure to exchange data on cases, "
    "documents and organisation, so the municipality avoids double entry and manual work. "
)


def generated_library(target: Path, count: int, *, varied: bool = False) -> Path:
    """A valid library folder with `count` requirements of about 1 KB each (YAML), spread over
    the shipped library's areas; catalogue, categories and KLE are copied from the shipped one.

    The texts are near-identical by default. With `varied`, each Danish text is 25-45 words
    drawn (seeded, so repeatable) from the shipped library's own Danish texts, as a realistic
    input for the near-duplicate check."""
    if target.exists():
        shutil.rmtree(target)
    (target / "requirements").mkdir(parents=True)
    for name in ("library.yaml", "integrations.yaml", "categories.yaml", "kle.yaml"):
        shutil.copy(SHIPPED / name, target / name)
    areas = [
        ("systemoverblik", "FKI-OVB"),
        ("drift", "FKI-DRF"),
        ("brugerstyring", "FKI-BRG"),
        ("kle", "FKI-KLE"),
        ("organisation", "FKI-ORG"),
        ("indkob", "FKI-IND"),
        ("integration", "FKI-INT"),
        ("sikkerhed", "NF-SIK"),
        ("tilgaengelighed", "NF-TIL"),
        ("arkivering", "NF-ARK"),
    ]
    per_area = [
        count // len(areas) + (1 if i < count % len(areas) else 0) for i in range(len(areas))
    ]
    integrations = ["organisation", "klassifikation", "sags-og-dokumentindeks", "cpr"]
    words = _shipped_words() if varied else []
    rnd = random.Random(20261214)
    for (area, prefix), n in zip(areas, per_area, strict=True):
        chunks = ["requirements:\n"]
        for i in range(1, n + 1):
            kind = ("MK", "PK", "K", "K", "O")[i % 5]
            weight = f"    weight: {i % 10 + 1}\n" if kind == "PK" else ""
            text_da = (
                " ".join(rnd.choice(words) for _ in range(rnd.randint(25, 45))) + "."
                if varied
                else f"{_SENTENCE_DA * 2}Krav {i}."
            )
            chunks.append(
                f"  - id: {prefix}-{i:03d}\n"
                f"    area: {area}\n"
                f"    kind: {kind}\n{weight}"
                f"    title: {{da: Krav nummer {i} om {area}, en: Requirement {i} on {area}}}\n"
                f"    text:\n      da: >-\n        {text_da}\n"
                f"      en: >-\n        {_SENTENCE_EN}Requirement {i}.\n"
                f"    guidance: {{da: Gør kravet til PK hvis det er vigtigt., "
                f"en: Make it PK if it matters.}}\n"
                f"    answer: {{da: Beskriv løsningen., en: Describe the solution.}}\n"
                f"    integrations: [{integrations[i % len(integrations)]}]\n"
                f"    categories: {'all' if i % 3 else '[Y65, Y26]'}\n"
                f'    kle: ["27"]\n'
                f"    references:\n"
                f'      - {{title: Udbudsloven, clause: "§ 160"}}\n'
                f"    status: active\n"
                f'    since: "1.0.0"\n'
            )
        (target / "requirements" / f"{area}.yaml").write_text("".join(chunks), "utf-8")
    return target


def _shipped_words() -> list[str]:
    """The words of the shipped library's Danish requirement texts, in order, repeats kept."""
    text = "\n".join(
        path.read_text("utf-8") for path in sorted((SHIPPED / "requirements").glob("*.yaml"))
    )
    return re.findall(r"[a-zæøå]{3,}", text.casefold())


def release_file(folder: Path) -> Path:
    """The release file of a generated library folder (its version follows the shipped
    library's manifest, so it is looked up, not assumed)."""
    (found,) = sorted((folder / "releases").glob("*.json"))
    return found


def generated_release(target: Path, count: int) -> Path:
    """A generated library folder with `count` requirements, released at its version."""
    from procure.library import load_library, write_release

    folder = generated_library(target, count)
    write_release(load_library(folder), folder / "releases")
    return folder


def tender_with_every_requirement(library, title: str = "Benchmark-udbud"):
    """A tender selecting every active requirement of `library` (category Y65)."""
    import dataclasses

    from procure.tender import SelectedRequirement, propose_tender

    tender = propose_tender(
        library,
        title=title,
        buyer="Benchmark Kommune",
        category="Y65",
        date="2026-11-26",
        tender_id="11111111-2222-4333-8444-555555555555",
    )
    return dataclasses.replace(
        tender, requirements=tuple(SelectedRequirement(r.id) for r in library.active_requirements)
    )


def bare_docxtpl_template(path: Path, columns: int) -> Path:
    """The simplest docxtpl template with one table row loop of `columns` cells: the baseline
    the document renderers are measured against."""
    from docx import Document

    document = Document()
    table = document.add_table(rows=3, cols=columns)
    table.rows[0].cells[0].text = "{%tr for r in rows %}"
    for i, cell in enumerate(table.rows[1].cells):
        cell.text = "{{ r.c" + str(i) + " }}"
    table.rows[2].cells[0].text = "{%tr endfor %}"
    document.save(path)
    return path


def bare_docxtpl_render(template: Path, rows: list[dict]) -> bytes:
    from io import BytesIO

    from docxtpl import DocxTemplate

    doc = DocxTemplate(template)
    doc.render({"rows": rows}, autoescape=True)
    buffer = BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def grown_library(target: Path, count: int) -> Path:
    """The shipped library grown to `count` requirements: every shipped requirement, and copies
    of them (text for text) with new 4-digit ids from 1000 up, spread evenly over the areas.

    Manifest, integrations, categories and KLE are the shipped ones; the releases are left out
    (the copies were never released). Every copy is a near-duplicate of its original."""
    if target.exists():
        shutil.rmtree(target)
    (target / "requirements").mkdir(parents=True)
    for name in ("library.yaml", "integrations.yaml", "categories.yaml", "kle.yaml"):
        shutil.copy(SHIPPED / name, target / name)
    files = sorted((SHIPPED / "requirements").glob("*.yaml"))
    blocks = {}
    for path in files:
        head, *items = re.split(r"(?m)^(?=  - id: )", path.read_text("utf-8"))
        blocks[path.name] = (head, [item.rstrip("\n") + "\n" for item in items])
    shipped = sum(len(items) for _, items in blocks.values())
    extra = max(0, count - shipped)
    per_file = [
        extra // len(files) + (1 if i < extra % len(files) else 0) for i in range(len(files))
    ]
    id_pattern = re.compile(r'^(  - id: "?)([A-Z]+-[A-Z]+)-\d+("?)$', re.MULTILINE)
    for path, copies in zip(files, per_file, strict=True):
        head, items = blocks[path.name]
        chunks = [head, *items]
        for k in range(copies):
            item = items[k % len(items)]
            chunks.append(
                id_pattern.sub(lambda m, k=k: f"{m[1]}{m[2]}-{1000 + k:04d}{m[3]}", item, 1)
            )
        (target / "requirements" / path.name).write_text("\n".join(chunks), "utf-8")
    return target
