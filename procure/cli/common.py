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


def refuse_broken_seal(path, spec) -> None:
    """A published tender whose frozen parts were changed in the file without a correction is
    unusable input: documents built or bids checked from it would not be what was published."""
    from procure.tender.lifecycle import broken_seal_message

    message = broken_seal_message(spec)
    if message is not None:
        raise ProcureError.invalid(path, message)


def tender_status_note(tender):
    """The line `build` and `check` end with: a draft is for trying things out; a published
    tender's status and version."""
    from procure.tender.lifecycle import is_published, status_line

    if not is_published(tender):
        return t(
            "bemærk: udbuddet er ikke offentliggjort (kladde); det er til afprøvning, indtil "
            "'procure tender publish' er kørt"
        )
    return status_line(tender)


def mark_bids_opened(path) -> object | None:
    """Mark a published tender `tilbud åbnet` under the file's lock (the first bid checked);
    the note to print the first time, else None (a draft, or opened before)."""
    import datetime as dt

    from procure.tender.io import update_tender
    from procure.tender.lifecycle import open_bids
    from procure.tender.model import PUBLISHED

    now = dt.datetime.now()
    opened = update_tender(
        path, lambda tender: open_bids(tender, now) if tender.status == PUBLISHED else None
    )
    if opened is None:
        return None
    return t(
        "bemærk: første tilbud er åbnet, og udbuddet er nu markeret 'tilbud åbnet' i {path}; "
        "kravene, evalueringsmodellen, vægtene og prislinjerne kan ikke længere ændres "
        "(udbudsloven § 160)",
        path=path,
    )


def note_bids_opened(path, spec) -> None:
    """After an entry about a bid (a score, a consensus, a decision): a published tender is now
    opened; say so on stderr the first time, so machine output stays clean."""
    import sys

    from procure.tender.lifecycle import is_published

    if is_published(spec.tender):
        opened = mark_bids_opened(path)
        if opened is not None:
            print(opened, file=sys.stderr)
