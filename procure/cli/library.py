"""`procure library …`: validate, release, compare, list, show and export the requirement
library."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from procure.cli.common import (
    EXIT_NEGATIVE,
    EXIT_OK,
    add_format_option,
    add_lang_option,
    add_library_option,
    open_library_option,
    subcommands,
)
from procure.errors import ProcureError
from procure.i18n import t


def register(commands) -> None:
    """The library commands; their help in the language in force."""
    lib = commands.add_parser(
        "library", help=str(t("kravbiblioteket: valider, udgiv, sammenlign, vis"))
    )
    lib_cmds = subcommands(lib)

    folder_help = str(t("biblioteksmappe (standard: requirement_library/)"))
    p = lib_cmds.add_parser("validate", help=str(t("valider en biblioteksmappe")))
    p.add_argument("path", nargs="?", help=folder_help)
    p.set_defaults(handler=validate)

    p = lib_cmds.add_parser("release", help=str(t("udgiv (frys) den aktuelle version")))
    p.add_argument("path", nargs="?", help=folder_help)
    p.set_defaults(handler=release)

    source_help = str(t("udgivet version, biblioteksmappe eller udgivelsesfil"))
    p = lib_cmds.add_parser("diff", help=str(t("forskelle mellem to versioner")))
    p.add_argument("old", help=source_help)
    p.add_argument("new", help=source_help)
    add_format_option(p)
    add_library_option(p)
    p.set_defaults(handler=diff)

    p = lib_cmds.add_parser("list", help=str(t("list krav")))
    p.add_argument("--area", help=str(t("kun dette område, fx organisation")))
    p.add_argument("--kind", choices=("MK", "PK", "K", "O"), help=str(t("kun denne kravtype")))
    p.add_argument("--integration", help=str(t("kun krav knyttet til denne integration")))
    p.add_argument("--all", action="store_true", help=str(t("medtag udfasede krav")))
    add_library_option(p)
    add_lang_option(p)
    p.set_defaults(handler=list_requirements)

    p = lib_cmds.add_parser("show", help=str(t("vis ét krav")))
    p.add_argument("id", help=str(t("krav-id, fx FKI-ORG-001")))
    add_library_option(p)
    add_lang_option(p)
    p.set_defaults(handler=show)

    p = lib_cmds.add_parser("export", help=str(t("hele biblioteket som ét JSON-dokument")))
    p.add_argument("--format", choices=("json",), default="json")
    p.add_argument("--out", help=str(t("skriv til denne fil i stedet for standard output")))
    add_library_option(p)
    p.set_defaults(handler=export)


# -- handlers ----------------------------------------------------------------------------------


def validate(args) -> int:
    from procure.library import default_library_path, validate_library_folder

    path = Path(args.path) if args.path else default_library_path()
    report = validate_library_folder(path, warn_near_duplicates=True)
    for problem in report.problems:
        print(problem)
    # Near-duplicate texts are advice: printed, but the library stays valid (exit 0).
    for warning in report.warnings:
        print(t("advarsel: {warning}", warning=warning))
    if report.valid:
        lib = report.library
        print(
            t(
                "{path}: gyldigt – {name} version {version}, {active} aktive krav, "
                "{integrations} integrationer",
                path=path,
                name=lib.name,
                version=lib.version,
                active=len(lib.active_requirements),
                integrations=len(lib.integrations),
            )
        )
        return EXIT_OK
    print(
        t("{path}: ugyldigt – {count} fejl", path=path, count=len(report.problems)), file=sys.stderr
    )
    return EXIT_NEGATIVE


def release(args) -> int:
    from procure.library import default_library_path, load_library, write_release

    path = Path(args.path) if args.path else default_library_path()
    library = load_library(path)
    target = write_release(library, path / "releases")
    print(
        t(
            "udgivet {name} version {version} → {target} ({count} krav)",
            name=library.name,
            version=library.version,
            target=target,
            count=len(library.requirements),
        )
    )
    return EXIT_OK


def diff(args) -> int:
    from procure.library import diff_libraries, open_library
    from procure.library.diff import format_diff_text

    lib_root = None
    old = open_library(args.old, lib_root)
    new = open_library(args.new, lib_root)
    diff = diff_libraries(old, new)
    if args.format == "json":
        print(json.dumps(diff.to_data(), ensure_ascii=False, indent=2))
    else:
        print(format_diff_text(diff, old, new), end="")
    return EXIT_OK


def list_requirements(args) -> int:
    library = open_library_option(args)
    if args.area and args.area not in library.areas_by_key:
        raise ProcureError(
            t(
                "ukendt område '{area}'; områder: {areas}",
                area=args.area,
                areas=", ".join(library.areas_by_key),
            )
        )
    if args.integration and args.integration not in library.integrations_by_id:
        from procure.library.model import unknown_id_message

        raise ProcureError(
            unknown_id_message("integration", args.integration, library.integrations_by_id)
        )
    rows = [
        r
        for r in library.requirements
        if (args.all or r.active)
        and (not args.area or r.area == args.area)
        and (not args.kind or r.kind == args.kind)
        and (not args.integration or args.integration in r.integrations)
    ]
    # The listing is in the requirements' language (--lang), like `library show`.
    for r in rows:
        weight = " " + t("vægt {weight}", weight=r.weight).text(args.lang) if r.weight else ""
        status = "" if r.active else " " + t("(udfaset)").text(args.lang)
        print(f"{r.id:<12} {r.kind:<2}{weight:<8} {r.title.get(args.lang)}{status}")
    print(t("{count} krav", count=len(rows)), file=sys.stderr)
    return EXIT_OK


def show(args) -> int:
    library = open_library_option(args)
    r = library.requirement(args.id)
    lang = args.lang
    labels = {
        "da": (
            "Område",
            "Kravtype",
            "Vægt",
            "Status",
            "Siden",
            "Kravtekst",
            "Vejledning",
            "Besvarelsen skal beskrive",
            "Integrationer",
            "Kategorier",
            "KLE",
            "Referencer",
            "alle",
            "Erstattet af",
        ),
        "en": (
            "Area",
            "Type",
            "Weight",
            "Status",
            "Since",
            "Requirement",
            "Guidance",
            "The answer must describe",
            "Integrations",
            "Categories",
            "KLE",
            "References",
            "all",
            "Replaced by",
        ),
    }[lang]
    area = library.areas_by_key.get(r.area)
    print(f"{r.id}  {r.title.get(lang)}")
    print(f"{labels[0]}: {area.title.get(lang) if area else r.area}")
    print(f"{labels[1]}: {r.kind}" + (f"   {labels[2]}: {r.weight}" if r.weight else ""))
    print(f"{labels[3]}: {r.status}   {labels[4]}: {r.since}")
    if r.replaced_by:
        print(f"{labels[13]}: {r.replaced_by}")
    print(f"\n{labels[5]}:\n  {r.text.get(lang)}")
    print(f"\n{labels[6]}:\n  {r.guidance.get(lang)}")
    print(f"\n{labels[7]}:\n  {r.answer.get(lang)}")
    print(f"\n{labels[8]}: {', '.join(r.integrations) or '-'}")
    print(f"{labels[9]}: {labels[12] if r.categories is None else ', '.join(r.categories)}")
    if r.kle:
        print(f"{labels[10]}: {', '.join(r.kle)}")
    print(f"{labels[11]}:")
    for ref in r.references:
        print(
            f"  - {ref.title}"
            + (f", {ref.clause}" if ref.clause else "")
            + (f" <{ref.link}>" if ref.link else "")
        )
    return EXIT_OK


def export(args) -> int:
    library = open_library_option(args)
    data = library.to_data()
    document = {
        key: data[key] for key in ("name", "version", "integrations", "categories", "requirements")
    }
    document.update({key: data[key] for key in ("category_advice", "areas", "kle", "changelog")})
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
        print(t("skrev {path}", path=args.out), file=sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_OK
