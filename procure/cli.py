"""The `procure` command line. It parses arguments, calls the layers below and prints.

Exit codes: 0 success (valid / compliant), 1 a negative verdict (invalid library,
non-compliant bid), 2 unusable input. No traceback reaches the user: errors a user can cause
are ProcureError and print as one line; anything else prints a short internal-error line
(set PROCURE_DEBUG=1 for the traceback). Messages and help are in Danish, or in English with
PROCURE_LANG=en (procure.i18n); JSON output and machine formats are the same in both.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from procure.errors import LibraryInvalid, ProcureError
from procure.i18n import t
from procure.textutil import clipped, shown

EXIT_OK, EXIT_NEGATIVE, EXIT_UNUSABLE = 0, 1, 2


def echo(text: object = "", file=None) -> None:
    """Print one line for a person. Every text printer of the CLI goes through here or
    echo_block: a vendor's name or answer may hold terminal escape sequences or line breaks,
    which are shown escaped (textutil.shown), never sent to the terminal. JSON output is
    printed as it is (json escapes control characters itself)."""
    print(shown(text), file=file or sys.stdout)


def echo_block(text: object, file=None) -> None:
    """Print text of several lines (a report procure laid out), each line as echo does."""
    lines = str(text).split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for line in lines:
        echo(line, file)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse prints its own usage message
        return EXIT_UNUSABLE if exc.code not in (0, None) else EXIT_OK
    if not getattr(args, "handler", None):
        parser.print_help()
        return EXIT_UNUSABLE
    try:
        return args.handler(args)
    except LibraryInvalid as exc:
        for problem in exc.problems:
            echo(problem, sys.stderr)
        summary = t("kravbiblioteket er ugyldigt ({count} fejl)", count=len(exc.problems))
        echo(f"procure: {summary}", sys.stderr)
        return EXIT_UNUSABLE
    except ProcureError as exc:
        echo(t("procure: fejl: {message}", message=exc), sys.stderr)
        return EXIT_UNUSABLE
    except OSError as exc:  # a folder that is a file, a full disk, no permission
        where = f"{exc.filename}: " if exc.filename else ""
        message = f"{where}{exc.strerror or exc}"
        echo(t("procure: fejl: {message}", message=message), sys.stderr)
        return EXIT_UNUSABLE
    except KeyboardInterrupt:
        echo(t("procure: afbrudt"), sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - the last guard: never a traceback
        if os.environ.get("PROCURE_DEBUG"):
            traceback.print_exc()
        echo(
            t(
                "procure: intern fejl ({error}). Kør igen med PROCURE_DEBUG=1 for detaljer, og "
                "meld fejlen.",
                error=clipped(f"{type(exc).__name__}: {exc}", 300),
            ),
            sys.stderr,
        )
        return EXIT_UNUSABLE


def build_parser() -> argparse.ArgumentParser:
    """The parser, its help in the language in force (argparse wants plain strings)."""
    parser = argparse.ArgumentParser(
        prog="procure",
        description=str(
            t(
                "Kravspecifikationer og tilbudskontrol for kommunale it-indkøb med den "
                "fælleskommunale infrastruktur (FKI)."
            )
        ),
    )
    commands = subcommands(parser)

    lib = commands.add_parser(
        "library", help=str(t("kravbiblioteket: valider, udgiv, sammenlign, vis"))
    )
    lib_cmds = subcommands(lib)

    folder_help = str(t("biblioteksmappe (standard: requirement_library/)"))
    p = lib_cmds.add_parser("validate", help=str(t("valider en biblioteksmappe")))
    p.add_argument("path", nargs="?", help=folder_help)
    p.set_defaults(handler=_library_validate)

    p = lib_cmds.add_parser("release", help=str(t("udgiv (frys) den aktuelle version")))
    p.add_argument("path", nargs="?", help=folder_help)
    p.set_defaults(handler=_library_release)

    source_help = str(t("udgivet version, biblioteksmappe eller udgivelsesfil"))
    p = lib_cmds.add_parser("diff", help=str(t("forskelle mellem to versioner")))
    p.add_argument("old", help=source_help)
    p.add_argument("new", help=source_help)
    p.add_argument("--format", choices=("text", "json"), default="text")
    _add_library_option(p)
    p.set_defaults(handler=_library_diff)

    p = lib_cmds.add_parser("list", help=str(t("list krav")))
    p.add_argument("--area", help=str(t("kun dette område, fx organisation")))
    p.add_argument("--kind", choices=("MK", "PK", "K", "O"), help=str(t("kun denne kravtype")))
    p.add_argument("--integration", help=str(t("kun krav knyttet til denne integration")))
    p.add_argument("--all", action="store_true", help=str(t("medtag udfasede krav")))
    _add_library_option(p)
    _add_lang_option(p)
    p.set_defaults(handler=_library_list)

    p = lib_cmds.add_parser("show", help=str(t("vis ét krav")))
    p.add_argument("id", help=str(t("krav-id, fx FKI-ORG-001")))
    _add_library_option(p)
    _add_lang_option(p)
    p.set_defaults(handler=_library_show)

    p = lib_cmds.add_parser("export", help=str(t("hele biblioteket som ét JSON-dokument")))
    p.add_argument("--format", choices=("json",), default="json")
    p.add_argument("--out", help=str(t("skriv til denne fil i stedet for standard output")))
    _add_library_option(p)
    p.set_defaults(handler=_library_export)

    from procure import cli_tender

    cli_tender.add_commands(commands)
    return parser


def subcommands(parser: argparse.ArgumentParser):
    """The parser's subcommands, titled in the language in force."""
    return parser.add_subparsers(title=str(t("kommandoer")), metavar=str(t("KOMMANDO")))


def _add_library_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--library",
        metavar=str(t("KILDE")),
        help=str(
            t(
                "udgivet version (fx 1.0.0), biblioteksmappe eller udgivelsesfil "
                "(standard: den aktuelle biblioteksmappe)"
            )
        ),
    )


def _add_lang_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--lang", choices=("da", "en"), default="da", help=str(t("sprog (standard: da)"))
    )


def _open(args) -> object:
    from procure.library import load_library, open_library

    spec = getattr(args, "library", None)
    return open_library(spec) if spec else load_library()


# -- library commands -------------------------------------------------------------------------


def _library_validate(args) -> int:
    from procure.library import default_library_path, validate_library_folder

    path = Path(args.path) if args.path else default_library_path()
    report = validate_library_folder(path)
    for problem in report.problems:
        echo(problem)
    if report.valid:
        lib = report.library
        echo(
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
    echo(t("{path}: ugyldigt – {count} fejl", path=path, count=len(report.problems)), sys.stderr)
    return EXIT_NEGATIVE


def _library_release(args) -> int:
    from procure.library import default_library_path, load_library, write_release

    path = Path(args.path) if args.path else default_library_path()
    library = load_library(path)
    target = write_release(library, path / "releases")
    echo(
        t(
            "udgivet {name} version {version} → {target} ({count} krav)",
            name=library.name,
            version=library.version,
            target=target,
            count=len(library.requirements),
        )
    )
    return EXIT_OK


def _library_diff(args) -> int:
    from procure.library import diff_libraries, open_library
    from procure.library.diff import format_diff_text

    lib_root = None
    old = open_library(args.old, lib_root)
    new = open_library(args.new, lib_root)
    diff = diff_libraries(old, new)
    if args.format == "json":
        print(json.dumps(diff.to_data(), ensure_ascii=False, indent=2))
    else:
        echo_block(format_diff_text(diff))
    return EXIT_OK


def _library_list(args) -> int:
    library = _open(args)
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
        echo(f"{r.id:<12} {r.kind:<2}{weight:<8} {r.title.get(args.lang)}{status}")
    echo(t("{count} krav", count=len(rows)), sys.stderr)
    return EXIT_OK


def _library_show(args) -> int:
    library = _open(args)
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
    echo(f"{r.id}  {r.title.get(lang)}")
    echo(f"{labels[0]}: {area.title.get(lang) if area else r.area}")
    echo(f"{labels[1]}: {r.kind}" + (f"   {labels[2]}: {r.weight}" if r.weight else ""))
    echo(f"{labels[3]}: {r.status}   {labels[4]}: {r.since}")
    if r.replaced_by:
        echo(f"{labels[13]}: {r.replaced_by}")
    for label, text in ((5, r.text), (6, r.guidance), (7, r.answer)):
        echo()
        echo(f"{labels[label]}:")
        # A text's own line breaks are kept, each line indented under its label
        echo_block("\n".join("  " + line for line in text.get(lang).split("\n")))
    echo()
    echo(f"{labels[8]}: {', '.join(r.integrations) or '-'}")
    echo(f"{labels[9]}: {labels[12] if r.categories is None else ', '.join(r.categories)}")
    if r.kle:
        echo(f"{labels[10]}: {', '.join(r.kle)}")
    echo(f"{labels[11]}:")
    for ref in r.references:
        echo(
            f"  - {ref.title}"
            + (f", {ref.clause}" if ref.clause else "")
            + (f" <{ref.link}>" if ref.link else "")
        )
    return EXIT_OK


def _library_export(args) -> int:
    library = _open(args)
    data = library.to_data()
    document = {
        key: data[key] for key in ("name", "version", "integrations", "categories", "requirements")
    }
    document.update({key: data[key] for key in ("category_advice", "areas", "kle", "changelog")})
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
        echo(t("skrev {path}", path=args.out), sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_OK
