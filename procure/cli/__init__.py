"""The `procure` command line. It parses arguments, calls the layers below and prints.

Layout: this module holds the parser, `main`, the exit codes and error printing; each command
group is a module of its own with `register(commands)` and its handlers (library.py, tender.py,
build.py, check.py, score.py, award.py, portfolio.py); what they share is in common.py. A new
command group is a new module registered in `build_parser`.

Exit codes: 0 success (valid / compliant), 1 a negative verdict (invalid library,
non-compliant bid), 2 unusable input. No traceback reaches the user: errors a user can cause
are ProcureError and print as one line; anything else prints a short internal-error line
(set PROCURE_DEBUG=1 for the traceback). Messages and help are in Danish, or in English with
PROCURE_LANG=en (procure.i18n); JSON output and machine formats are the same in both.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Sequence

from procure.cli import award as award_commands
from procure.cli import build as build_commands
from procure.cli import check as check_commands
from procure.cli import library as library_commands
from procure.cli import portfolio as portfolio_commands
from procure.cli import score as score_commands
from procure.cli import tender as tender_commands
from procure.cli.common import EXIT_NEGATIVE, EXIT_OK, EXIT_UNUSABLE, subcommands
from procure.errors import LibraryInvalid, ProcureError
from procure.i18n import t

__all__ = ["EXIT_NEGATIVE", "EXIT_OK", "EXIT_UNUSABLE", "build_parser", "main"]


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
            print(problem, file=sys.stderr)
        summary = t("kravbiblioteket er ugyldigt ({count} fejl)", count=len(exc.problems))
        print(f"procure: {summary}", file=sys.stderr)
        return EXIT_UNUSABLE
    except ProcureError as exc:
        print(t("procure: fejl: {message}", message=exc), file=sys.stderr)
        return EXIT_UNUSABLE
    except OSError as exc:  # a folder that is a file, a full disk, no permission
        where = f"{exc.filename}: " if exc.filename else ""
        message = f"{where}{exc.strerror or exc}"
        print(t("procure: fejl: {message}", message=message), file=sys.stderr)
        return EXIT_UNUSABLE
    except KeyboardInterrupt:
        print(t("procure: afbrudt"), file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - the last guard: never a traceback
        if os.environ.get("PROCURE_DEBUG"):
            traceback.print_exc()
        print(
            t(
                "procure: intern fejl ({error}). Kør igen med PROCURE_DEBUG=1 for detaljer, og "
                "meld fejlen.",
                error=f"{type(exc).__name__}: {exc}",
            ),
            file=sys.stderr,
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

    # One module per command group, each adding its own commands (procure/cli/<group>.py)
    for group in (
        library_commands,
        tender_commands,
        build_commands,
        check_commands,
        score_commands,
        award_commands,
        portfolio_commands,
    ):
        group.register(commands)
    return parser
