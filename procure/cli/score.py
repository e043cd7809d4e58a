"""`procure score`, `score-sheet`, `consensus` and `confirm`: the evaluation committee's work in
the evaluation file — each evaluator's own points, the agreed consensus points with reasons,
and a person's decision on each bid's compliance."""

from __future__ import annotations

import getpass
import json
import sys
from pathlib import Path

from procure.cli.common import (
    EXIT_OK,
    add_format_option,
    add_tender_argument,
    evaluation_path,
    note_bids_opened,
    read_for_tender,
)
from procure.errors import ProcureError
from procure.i18n import t


def register(commands) -> None:
    """These commands; their help in the language in force."""
    evaluation_help = str(t("evalueringsfil (standard: <udbud>.evaluation.yaml)"))

    p = commands.add_parser(
        "score", help=str(t("en evaluators point for ét krav i ét tilbud (eller et pointark)"))
    )
    add_tender_argument(p)
    p.add_argument("--vendor", help=str(t("leverandørens navn som i besvarelsen")))
    p.add_argument("--evaluator", help=str(t("evaluatorens navn")))
    p.add_argument("--requirement", help=str(t("krav-id (et evalueret PK)")))
    p.add_argument("--points", help=str(t("point på den offentliggjorte skala")))
    p.add_argument("--why", default="", help=str(t("begrundelse (kræves ved ændring)")))
    p.add_argument("--import", dest="sheet", help=str(t("indlæs et udfyldt pointark (.xlsx)")))
    p.add_argument("--evaluation", help=evaluation_help)
    p.set_defaults(handler=score)

    p = commands.add_parser("score-sheet", help=str(t("et pointark (.xlsx) til én evaluator")))
    add_tender_argument(p)
    p.add_argument(
        "responses", nargs="*", help=str(t("besvarelser (giver leverandørernes beskrivelser)"))
    )
    p.add_argument("--evaluator", required=True, help=str(t("evaluatorens navn")))
    p.add_argument("--out", required=True, help=str(t("pointark der skrives (.xlsx)")))
    p.add_argument(
        "--vendor",
        action="append",
        default=[],
        help=str(t("leverandør uden besvarelsesfil (kan gentages)")),
    )
    p.set_defaults(handler=score_sheet)

    p = commands.add_parser(
        "consensus",
        help=str(t("konsensuspoint med begrundelse; uden --vendor: uenighederne")),
    )
    add_tender_argument(p)
    p.add_argument("--vendor", help=str(t("leverandørens navn som i besvarelsen")))
    p.add_argument("--requirement", help=str(t("krav-id (et evalueret PK)")))
    p.add_argument("--points", help=str(t("point på den offentliggjorte skala")))
    p.add_argument("--why", help=str(t("begrundelse (kræves; citeres i tildelingsbrevene)")))
    p.add_argument("--by", help=str(t("hvem der registrerer (standard: brugernavnet)")))
    add_format_option(p)
    p.add_argument("--evaluation", help=evaluation_help)
    p.set_defaults(handler=consensus)

    p = commands.add_parser(
        "confirm", help=str(t("en persons afgørelse af, om et tilbud er konditionsmæssigt"))
    )
    add_tender_argument(p)
    p.add_argument("--vendor", required=True, help=str(t("leverandørens navn som i besvarelsen")))
    p.add_argument("--compliant", required=True, choices=("yes", "no", "ja", "nej"))
    p.add_argument("--why", required=True, help=str(t("skriftlig begrundelse")))
    p.add_argument("--by", required=True, help=str(t("hvem der træffer afgørelsen")))
    p.add_argument("--evaluation", help=evaluation_help)
    p.set_defaults(handler=confirm)


# -- handlers ---------------------------------------------------------------------------------


def score(args) -> int:
    from procure.evaluation.committee import add_score, add_scores
    from procure.tender import load_tender_spec

    spec = load_tender_spec(args.tender)
    path = evaluation_path(args)
    if args.sheet:
        from procure.documents.score_sheet import read_score_sheet
        from procure.responses.reader import read_capped_bytes

        data = read_capped_bytes(Path(args.sheet))
        evaluator, rows = read_score_sheet(data, args.sheet, spec)
        add_scores(path, spec, rows)
        note_bids_opened(args.tender, spec)
        print(
            t(
                "gemt i {path}: {count} point fra {evaluator}",
                path=path,
                count=len(rows),
                evaluator=evaluator,
            )
        )
        return EXIT_OK
    missing = [
        option
        for option, value in (
            ("--vendor", args.vendor),
            ("--evaluator", args.evaluator),
            ("--requirement", args.requirement),
            ("--points", args.points),
        )
        if not value
    ]
    if missing:
        raise ProcureError(
            t("angiv {options} (eller --import med et pointark)", options=", ".join(missing))
        )
    add_score(
        path,
        spec,
        vendor=args.vendor,
        evaluator=args.evaluator,
        requirement_id=args.requirement,
        points=args.points,
        why=args.why,
    )
    note_bids_opened(args.tender, spec)
    print(
        t(
            "gemt i {path}: {evaluator} gav {vendor} {points} point for {requirement}",
            path=path,
            evaluator=args.evaluator,
            vendor=args.vendor,
            points=args.points,
            requirement=args.requirement,
        )
    )
    return EXIT_OK


def score_sheet(args) -> int:
    from procure.award import award_model_for_spec
    from procure.documents.score_sheet import SheetRow, render_score_sheet
    from procure.files import write_bytes_atomically
    from procure.responses.package import Limits
    from procure.tender import load_tender_spec

    spec = load_tender_spec(args.tender)
    model = award_model_for_spec(spec)
    bids: list[tuple[str, dict[str, str]]] = []
    for response_path in args.responses:
        response = read_for_tender(Path(response_path), spec, Limits())
        name = response.vendor.name.strip() or Path(response_path).stem
        bids.append((name, {row.requirement_id: row.description for row in response.rows}))
    bids += [(name, {}) for name in args.vendor]
    if not bids:
        raise ProcureError(t("angiv mindst én besvarelse eller --vendor"))
    rows = [
        SheetRow(vendor, rid, descriptions.get(rid, ""))
        for vendor, descriptions in bids
        for rid in model.evaluated_requirements
    ]
    write_bytes_atomically(Path(args.out), render_score_sheet(spec, model, args.evaluator, rows))
    print(
        t(
            "skrev {path}: {count} rækker til {evaluator}",
            path=args.out,
            count=len(rows),
            evaluator=args.evaluator,
        )
    )
    return EXIT_OK


def consensus(args) -> int:
    from procure.award import award_model_for_spec
    from procure.award.consensus import disagreements, disagreements_data
    from procure.evaluation.committee import add_consensus
    from procure.evaluation.overrides import load_overrides
    from procure.tender import load_tender_spec

    spec = load_tender_spec(args.tender)
    path = evaluation_path(args)
    recording = any(v is not None for v in (args.vendor, args.requirement, args.points))
    if not recording:
        model = award_model_for_spec(spec)
        found = disagreements(load_overrides(path, spec).scores, model.scale)
        if args.format == "json":
            print(json.dumps(disagreements_data(found), ensure_ascii=False, indent=2))
            return EXIT_OK
        for item in found:
            points = ", ".join(f"{name} {format(p, 'f')}" for name, p in item.points)
            print(f"{item.vendor}  {item.requirement}: {points}")
        print(t("{count} uenigheder", count=len(found)), file=sys.stderr)
        return EXIT_OK
    missing = [
        option
        for option, value in (
            ("--vendor", args.vendor),
            ("--requirement", args.requirement),
            ("--points", args.points),
            ("--why", args.why),
        )
        if not (value or "").strip()
    ]
    if missing:
        raise ProcureError(
            t(
                "angiv {options}; en konsensusscore kræver en begrundelse, som kan citeres "
                "over for tilbudsgiverne (udbudslovens §§ 171 og 174)",
                options=", ".join(missing),
            )
        )
    by = args.by or getpass.getuser()
    add_consensus(
        path,
        spec,
        vendor=args.vendor,
        requirement_id=args.requirement,
        points=args.points,
        why=args.why,
        by=by,
    )
    note_bids_opened(args.tender, spec)
    print(
        t(
            "gemt i {path}: konsensus {vendor} {requirement} → {points} point ({by})",
            path=path,
            vendor=args.vendor,
            requirement=args.requirement,
            points=args.points,
            by=by,
        )
    )
    return EXIT_OK


def confirm(args) -> int:
    from procure.evaluation.committee import add_confirmation
    from procure.tender import load_tender_spec

    spec = load_tender_spec(args.tender)
    path = evaluation_path(args)
    compliant = args.compliant in ("yes", "ja")
    add_confirmation(path, spec, vendor=args.vendor, compliant=compliant, why=args.why, by=args.by)
    note_bids_opened(args.tender, spec)
    print(
        t(
            "gemt i {path}: {vendor} er konditionsmæssigt ({by})",
            path=path,
            vendor=args.vendor,
            by=args.by,
        )
        if compliant
        else t(
            "gemt i {path}: {vendor} er ikke konditionsmæssigt ({by})",
            path=path,
            vendor=args.vendor,
            by=args.by,
        )
    )
    return EXIT_OK
