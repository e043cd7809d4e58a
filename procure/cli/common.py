"""What the command groups share: exit codes, the options every group spells the same way,
and reading a tender's inputs. The groups import this module, never `procure.cli` itself."""

from __future__ import annotations

import argparse
from pathlib import Path

from procure.errors import ProcureError
from procure.i18n import t

EXIT_OK, EXIT_NEGATIVE, EXIT_UNUSABLE = 0, 1, 2


def subcommands(parser: argparse.ArgumentParser):
    """The parser's subcommands, titled in the language in force."""
    return parser.add_subparsers(title=str(t("kommandoer")), metavar=str(t("KOMMANDO")))


def add_tender_argument(p: argparse.ArgumentParser, name: str = "tender") -> None:
    p.add_argument(name, help=str(t("udbudsfil (tender.yaml)")))


def add_format_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=("text", "json"), default="text")


def add_library_option(p: argparse.ArgumentParser) -> None:
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


def add_lang_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--lang", choices=("da", "en"), default="da", help=str(t("sprog (standard: da)"))
    )


def add_max_size_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--max-size-mb",
        type=float,
        default=25.0,
        help=str(t("største tilladte filstørrelse i MB (standard 25)")),
    )


def open_library_option(args) -> object:
    """The library named by --library, else the current library folder."""
    from procure.library import load_library, open_library

    source = getattr(args, "library", None)
    return open_library(source) if source else load_library()


def evaluation_path(args) -> Path:
    """--evaluation, else `<tender>.evaluation.yaml` beside the tender file."""
    if args.evaluation:
        return Path(args.evaluation)
    tender = Path(args.tender)
    return tender.with_name(tender.stem + ".evaluation.yaml")


def response_limits(args):
    from procure.responses.package import Limits

    if args.max_size_mb <= 0:
        raise ProcureError(t("--max-size-mb skal være større end 0"))
    return Limits(max_file_bytes=int(args.max_size_mb * 1024 * 1024))


def read_for_tender(path: Path, spec, limits):
    """Read a response; a file that answers another tender is unusable input here (exit 2),
    so nothing is written for it."""
    from procure.responses.reader import read_response

    response = read_response(path, limits=limits)
    answered = response.metadata.tender_id
    if answered is not None and answered != spec.tender.id:
        raise ProcureError.invalid(
            path,
            t(
                "besvarelsen hører til et andet udbud (udbuds-id {answered}, forventet "
                "{expected}); kontrollér at det er den rigtige fil",
                answered=answered,
                expected=spec.tender.id,
            ),
        )
    return response
