"""`procure check`, `compare`, `override` and `reservation`: vendors' responses against the tender,
and the evaluators' and buyer's entries in the evaluation file."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from procure.cli.common import (
    EXIT_NEGATIVE,
    EXIT_OK,
    add_format_option,
    add_max_size_option,
    add_tender_argument,
    echo,
    echo_block,
    evaluation_path,
    mark_bids_opened,
    note_bids_opened,
    read_for_tender,
    refuse_broken_seal,
    response_limits,
    tender_status_note,
)
from procure.i18n import Number, t


def register(commands) -> None:
    """These commands; their help in the language in force."""
    p = commands.add_parser("check", help=str(t("kontrollér én leverandørs besvarelse")))
    add_tender_argument(p)
    p.add_argument("response", help=str(t("besvarelse: .docx, .xlsx, .yaml eller .json")))
    add_format_option(p)
    p.add_argument("--report", help=str(t("skriv også en Word-rapport hertil (.docx)")))
    p.add_argument(
        "--evaluation",
        help=str(
            t(
                "evalueringsfil med manuelle pointjusteringer "
                "(standard: <udbud>.evaluation.yaml hvis den findes)"
            )
        ),
    )
    add_max_size_option(p)
    p.set_defaults(handler=check)

    p = commands.add_parser("compare", help=str(t("sammenlign flere leverandørers besvarelser")))
    add_tender_argument(p)
    p.add_argument("responses", nargs="+", help=str(t("besvarelser")))
    p.add_argument("--out", required=True, help=str(t("sammenligning der skrives (.xlsx)")))
    p.add_argument("--report", help=str(t("skriv også et Word-notat hertil (.docx)")))
    p.add_argument("--evaluation", help=str(t("evalueringsfil med manuelle pointjusteringer")))
    add_max_size_option(p)
    p.set_defaults(handler=compare)

    p = commands.add_parser(
        "override", help=str(t("sæt point for et PK manuelt (med begrundelse)"))
    )
    add_tender_argument(p)
    p.add_argument("--vendor", required=True, help=str(t("leverandørens navn som i besvarelsen")))
    p.add_argument("--requirement", required=True, help=str(t("krav-id (et PK)")))
    p.add_argument("--points", required=True, help=str(t("nye point for kravet (0 til vægten)")))
    p.add_argument("--why", required=True, help=str(t("skriftlig begrundelse")))
    p.add_argument("--by", required=True, help=str(t("hvem der foretager justeringen")))
    p.add_argument(
        "--evaluation", help=str(t("evalueringsfil (standard: <udbud>.evaluation.yaml)"))
    )
    p.add_argument(
        "--response",
        help=str(t("leverandørens besvarelse; giver den beregnede pointværdi som gammel værdi")),
    )
    p.set_defaults(handler=override)

    p = commands.add_parser(
        "reservation",
        help=str(t("kommunens afgørelse om et forbehold: pris, eller afvisning (med begrundelse)")),
    )
    add_tender_argument(p)
    p.add_argument("--vendor", required=True, help=str(t("leverandørens navn som i besvarelsen")))
    p.add_argument("--requirement", required=True, help=str(t("krav-id med forbeholdet")))
    decision = p.add_mutually_exclusive_group(required=True)
    decision.add_argument(
        "--price", help=str(t("kommunens pris for forbeholdet i kr., fx 45.000 eller 1.250,50"))
    )
    decision.add_argument(
        "--unpriceable",
        action="store_true",
        help=str(t("forbeholdet kan ikke prissættes (tilbuddet afvises)")),
    )
    decision.add_argument(
        "--fundamental",
        action="store_true",
        help=str(t("forbeholdet vedrører et grundlæggende element (tilbuddet afvises)")),
    )
    p.add_argument("--why", required=True, help=str(t("skriftlig begrundelse")))
    p.add_argument("--by", required=True, help=str(t("hvem der træffer afgørelsen")))
    p.add_argument("--evaluation", help=str(t("evalueringsfil med manuelle pointjusteringer")))
    p.set_defaults(handler=reservation)


# -- handlers ----------------------------------------------------------------------------------


def check(args) -> int:
    from procure.evaluation import evaluate_response, load_overrides
    from procure.evaluation.report import format_result_text, render_check_report
    from procure.files import write_bytes_atomically
    from procure.tender import load_tender_spec

    spec = load_tender_spec(args.tender)
    refuse_broken_seal(args.tender, spec)
    response = read_for_tender(Path(args.response), spec, response_limits(args))
    overrides = load_overrides(evaluation_path(args), spec)
    result = evaluate_response(spec, response, overrides)
    if args.report:
        write_bytes_atomically(Path(args.report), render_check_report(spec, [result]))
    notes = _tender_notes(args.tender, spec, draft_note=args.format != "json")
    if args.format == "json":
        print(json.dumps(result.to_data(), ensure_ascii=False, indent=2))
        for note in notes:  # stdout stays JSON
            echo(note, file=sys.stderr)
    else:
        echo_block(format_result_text(result, spec.language))
        for note in notes:
            echo(note)
    return EXIT_OK if result.compliant else EXIT_NEGATIVE


def _tender_notes(path, spec, draft_note: bool = True) -> list:
    """After a bid is checked: the draft note (text output only), or the note that the bids
    are now opened."""
    from procure.tender.lifecycle import is_published

    if not is_published(spec.tender):
        return [tender_status_note(spec.tender)] if draft_note else []
    try:
        opened = mark_bids_opened(path)
    except OSError as exc:  # a read-only share: the check itself stands
        return [
            t(
                "bemærk: udbuddet kunne ikke markeres 'tilbud åbnet' ({error}); kør kontrollen "
                "igen med skriveadgang til {path}",
                error=exc.strerror or exc,
                path=path,
            )
        ]
    return [opened] if opened is not None else []


def compare(args) -> int:
    from procure.evaluation import compare_results, evaluate_response, load_overrides
    from procure.evaluation.comparison import render_comparison_xlsx
    from procure.evaluation.report import render_check_report
    from procure.files import staged_files
    from procure.tender import load_tender_spec

    spec = load_tender_spec(args.tender)
    refuse_broken_seal(args.tender, spec)
    overrides = load_overrides(evaluation_path(args), spec)
    limits = response_limits(args)
    results = [
        evaluate_response(spec, read_for_tender(Path(p), spec, limits), overrides)
        for p in args.responses
    ]
    comparison = compare_results(spec, results)
    outputs = {Path(args.out): render_comparison_xlsx(spec, comparison)}
    if args.report:
        outputs[Path(args.report)] = render_check_report(spec, results, comparison)
    staged_files(outputs)
    for line in comparison.summary_lines(spec.language):
        echo(line)
    for path in outputs:
        echo(t("skrev {path}", path=path))
    for note in _tender_notes(args.tender, spec):
        echo(note)
    return EXIT_OK


def override(args) -> int:
    from procure.evaluation import add_override
    from procure.tender import load_tender_spec

    spec = load_tender_spec(args.tender)
    path = evaluation_path(args)
    computed = None
    if args.response:
        from procure.evaluation import evaluate_response
        from procure.responses.package import Limits

        response = read_for_tender(Path(args.response), spec, Limits())
        verdict = evaluate_response(spec, response).verdict(args.requirement)
        computed = verdict.computed_points if verdict else None
    entry = add_override(
        path,
        spec,
        vendor=args.vendor,
        requirement_id=args.requirement,
        points=args.points,
        justification=args.why,
        by=args.by,
        computed_points=computed,
    )
    note_bids_opened(args.tender, spec)
    echo(
        t(
            "gemt i {path}: {vendor} {requirement} → {points} point ({by}, {at})",
            path=path,
            vendor=entry.vendor,
            requirement=entry.requirement_id,
            points=entry.points,
            by=entry.by,
            at=entry.at,
        )
    )
    return EXIT_OK


def reservation(args) -> int:
    from procure.evaluation import add_reservation_decision
    from procure.tender import load_tender_spec

    spec = load_tender_spec(args.tender)
    path = evaluation_path(args)
    if args.price is not None:
        decision = "priced"
    else:
        decision = "unpriceable" if args.unpriceable else "fundamental"
    entry = add_reservation_decision(
        path,
        spec,
        vendor=args.vendor,
        requirement_id=args.requirement,
        decision=decision,
        price=args.price,
        justification=args.why,
        by=args.by,
    )
    note_bids_opened(args.tender, spec)
    if entry.decision == "priced":
        echo(
            t(
                "gemt i {path}: forbehold {vendor} {requirement} prissat til {price} kr. "
                "({by}, {at})",
                path=path,
                vendor=entry.vendor,
                requirement=entry.requirement_id,
                price=Number(entry.price),
                by=entry.by,
                at=entry.at,
            )
        )
    else:
        echo(
            t(
                "gemt i {path}: forbehold {vendor} {requirement} kan ikke accepteres "
                "({decision}); tilbuddet er ukonditionsmæssigt ({by}, {at})",
                path=path,
                vendor=entry.vendor,
                requirement=entry.requirement_id,
                decision=entry.decision,
                by=entry.by,
                at=entry.at,
            )
        )
    return EXIT_OK
