"""`procure build` (the tender's documents) and `procure templates check` (a municipality's own
Word templates)."""

from __future__ import annotations

from pathlib import Path

from procure.cli.common import (
    EXIT_NEGATIVE,
    EXIT_OK,
    add_tender_argument,
    echo,
    refuse_broken_seal,
    subcommands,
    tender_status_note,
)
from procure.errors import ProcureError
from procure.i18n import t


def register(commands) -> None:
    """These commands; their help in the language in force."""
    p = commands.add_parser("build", help=str(t("byg bilag og tilbudslister (Word og Excel)")))
    add_tender_argument(p)
    p.add_argument("--out", required=True, help=str(t("mappe der skrives til")))
    p.add_argument("--lang", choices=("da", "en"), help=str(t("sprog (standard: udbuddets sprog)")))
    p.add_argument("--templates", help=str(t("mappe med kommunens egne Word-skabeloner")))
    p.add_argument(
        "--pdf",
        action="store_true",
        help=str(
            t(
                "skriv også bilaget og tilbudslisten som tagget PDF (PDF/UA, sprog og titel) "
                "til offentliggørelse; kræver LibreOffice"
            )
        ),
    )
    p.set_defaults(handler=build)

    templates = commands.add_parser("templates", help=str(t("Word-skabeloner")))
    templates_cmds = subcommands(templates)
    p = templates_cmds.add_parser("check", help=str(t("find manglende eller ukendte pladsholdere")))
    p.add_argument("dir", help=str(t("mappe med skabeloner")))
    p.set_defaults(handler=templates_check)


# -- handlers ----------------------------------------------------------------------------------


def build(args) -> int:
    from procure.documents.build import build_documents
    from procure.tender import load_tender_spec

    spec = load_tender_spec(args.tender, language=args.lang)
    refuse_broken_seal(args.tender, spec)  # documents must be what was published
    written = build_documents(
        spec, Path(args.out), Path(args.templates) if args.templates else None, pdf=args.pdf
    )
    for path in written:
        echo(t("skrev {path}", path=path))
    echo(tender_status_note(spec.tender))
    return EXIT_OK


def templates_check(args) -> int:
    from procure.documents.template_check import check_template

    folder = Path(args.dir)
    if not folder.is_dir():
        raise ProcureError.invalid(folder, t("mappen findes ikke"))
    files = sorted(folder.glob("*.docx"))
    if not files:
        raise ProcureError.invalid(folder, t("mappen indeholder ingen .docx-skabeloner"))
    problems = 0
    for file in files:
        found = check_template(file)
        problems += len(found)
        for problem in found:
            echo(f"{file}: {problem}")
        if not found:
            echo(f"{file}: ok")
    return EXIT_NEGATIVE if problems else EXIT_OK
