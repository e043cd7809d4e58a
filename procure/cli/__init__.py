"""The `procure` command line. It parses arguments, calls the layers below and prints.

Layout: this module holds the parser, `main`, the exit codes and error printing; each command
group is a module of its own with `register(commands)` and its handlers (library.py, tender.py,
build.py, check.py, score.py, award.py, portfolio.py); what they share is in common.py. A new
command group is a new module named in `GROUPS`.

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
from importlib import import_module

from procure.cli.common import EXIT_NEGATIVE, EXIT_OK, EXIT_UNUSABLE, echo, subcommands
from procure.errors import LibraryInvalid, ProcureError
from procure.i18n import t
from procure.textutil import clipped

__all__ = ["EXIT_NEGATIVE", "EXIT_OK", "EXIT_UNUSABLE", "build_parser", "main"]


# The command groups, in the order `procure --help` lists them, with the commands each
# registers (tests/test_fast_paths.py checks this against what they register).
GROUPS = {
    "library": ("library",),
    "tender": ("tender",),
    "build": ("build", "templates"),
    "check": ("check", "compare", "override", "reservation"),
    "score": ("score", "score-sheet", "consensus", "confirm"),
    "award": ("award",),
    "portfolio": ("portfolio",),
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser(_command_group(sys.argv[1:] if argv is None else argv))
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


def _command_group(argv: Sequence[str]) -> str | None:
    """The group of the command in `argv` (its first word), or None (no command, an option
    first, or a word that is no command: then every group is needed, for the help)."""
    if not argv:
        return None
    return next((group for group, names in GROUPS.items() if argv[0] in names), None)


def build_parser(group: str | None = None) -> argparse.ArgumentParser:
    """The parser, its help in the language in force (argparse wants plain strings). With
    `group`, only that group's commands are registered: a command imports and sets up only
    its own module (the full parser cost a tenth of `procure library validate`)."""
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
    for name in GROUPS if group is None else (group,):
        import_module(f"procure.cli.{name}").register(commands)
    return parser
