"""CLI commands for tenders, documents, templates and vendor responses."""

from __future__ import annotations

import json
from pathlib import Path

from procure.cli import echo, echo_block
from procure.errors import ProcureError
from procure.i18n import current_language, t

EXIT_OK, EXIT_NEGATIVE, EXIT_UNUSABLE = 0, 1, 2


def add_commands(commands) -> None:
    """The tender, document and response commands; their help in the language in force."""
    from procure.cli import subcommands

    tender_help = str(t("udbudsfil (tender.yaml)"))
    evaluation_help = str(t("evalueringsfil med manuelle pointjusteringer"))

    tender = commands.add_parser(
        "tender", help=str(t("udbudsfilen (tender.yaml): opret og valider"))
    )
    tender_cmds = subcommands(tender)

    p = tender_cmds.add_parser(
        "init", help=str(t("foreslå et udbud ud fra kategori og integrationer"))
    )
    p.add_argument("--out", required=True, help=str(t("udbudsfil der skrives, fx tender.yaml")))
    p.add_argument("--title", required=True, help=str(t("udbuddets titel")))
    p.add_argument("--buyer", required=True, help=str(t("ordregiver (kommunen)")))
    p.add_argument("--cvr", help=str(t("ordregivers CVR-nummer (8 cifre)")))
    p.add_argument("--case-number", default="", help=str(t("sagsnummer")))
    p.add_argument(
        "--deadline",
        help=str(t("tilbudsfrist: dato, evt. med klokkeslæt, fx 2027-01-15T12:00")),
    )
    p.add_argument("--category", required=True, help=str(t("ydelsesområde, fx Y65")))
    p.add_argument(
        "--integration",
        action="extend",
        nargs="+",
        dest="integrations",
        metavar="ID",
        help=str(t("valgt integration (kan gentages; standard: kategoriens anbefaling)")),
    )
    p.add_argument(
        "--kle",
        action="extend",
        nargs="+",
        metavar="NN",
        help=str(t("KLE-hovedgruppe (kan gentages; standard: kategoriens anbefaling)")),
    )
    p.add_argument("--lang", choices=("da", "en"), default="da", help=str(t("dokumentsprog")))
    p.add_argument("--library-version", help=str(t("udgivet biblioteksversion (standard: nyeste)")))
    p.add_argument(
        "--force", action="store_true", help=str(t("overskriv en eksisterende udbudsfil"))
    )
    p.set_defaults(handler=tender_init)

    p = tender_cmds.add_parser(
        "validate", help=str(t("valider en udbudsfil mod dens biblioteksversion"))
    )
    p.add_argument("file", help=tender_help)
    p.set_defaults(handler=tender_validate)

    p = commands.add_parser("build", help=str(t("byg bilag og tilbudslister (Word og Excel)")))
    p.add_argument("tender", help=tender_help)
    p.add_argument("--out", required=True, help=str(t("mappe der skrives til")))
    p.add_argument("--lang", choices=("da", "en"), help=str(t("sprog (standard: udbuddets sprog)")))
    p.add_argument("--templates", help=str(t("mappe med kommunens egne Word-skabeloner")))
    p.set_defaults(handler=build)

    templates = commands.add_parser("templates", help=str(t("Word-skabeloner")))
    templates_cmds = subcommands(templates)
    p = templates_cmds.add_parser("check", help=str(t("find manglende eller ukendte pladsholdere")))
    p.add_argument("dir", help=str(t("mappe med skabeloner")))
    p.set_defaults(handler=templates_check)

    p = commands.add_parser("check", help=str(t("kontrollér én leverandørs besvarelse")))
    p.add_argument("tender", help=tender_help)
    p.add_argument("response", help=str(t("besvarelse: .docx, .xlsx, .yaml eller .json")))
    p.add_argument("--format", choices=("text", "json"), default="text")
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
    p.add_argument(
        "--max-size-mb",
        type=float,
        default=25.0,
        help=str(t("største tilladte filstørrelse i MB (standard 25)")),
    )
    p.set_defaults(handler=check)

    p = commands.add_parser("compare", help=str(t("sammenlign flere leverandørers besvarelser")))
    p.add_argument("tender", help=tender_help)
    p.add_argument("responses", nargs="+", help=str(t("besvarelser")))
    p.add_argument("--out", required=True, help=str(t("sammenligning der skrives (.xlsx)")))
    p.add_argument("--report", help=str(t("skriv også et Word-notat hertil (.docx)")))
    p.add_argument("--evaluation", help=evaluation_help)
    p.add_argument("--max-size-mb", type=float, default=25.0)
    p.set_defaults(handler=compare)

    p = commands.add_parser(
        "override", help=str(t("sæt point for et PK manuelt (med begrundelse)"))
    )
    p.add_argument("tender", help=tender_help)
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


# -- tender -------------------------------------------------------------------------------------


def tender_init(args) -> int:
    from procure.library import load_release, released_versions
    from procure.tender import propose_tender, save_tender

    out = Path(args.out)
    if out.exists() and not args.force:
        raise ProcureError.invalid(out, t("filen findes allerede; brug --force for at overskrive"))
    versions = released_versions()
    if not versions:
        raise ProcureError(
            t("kravbiblioteket har ingen udgivne versioner; kør 'procure library release' først")
        )
    version = args.library_version or versions[-1]
    library = load_release(version)
    tender = propose_tender(
        library,
        title=args.title,
        buyer=args.buyer,
        cvr=args.cvr,
        category=args.category,
        integrations=args.integrations,
        kle=args.kle,
        language=args.lang,
        case_number=args.case_number,
    )
    if args.deadline:
        import dataclasses

        from procure.tender import dump_tender, parse_tender

        tender = dataclasses.replace(tender, deadline=args.deadline)
        parse_tender(dump_tender(tender), "--deadline")  # the same checks as loading the file
    from procure.tender import resolve_tender

    spec = resolve_tender(tender, library)  # proves the proposal resolves before writing
    save_tender(tender, out)
    added = [i.id for i in spec.integrations if not i.chosen]
    echo(
        t(
            "skrev {path}: {count} krav foreslået fra kravbibliotek {version}, kategori {category}",
            path=out,
            count=len(tender.requirements),
            version=version,
            category=tender.category,
        )
    )
    echo(t("integrationer: {integrations}", integrations=", ".join(tender.integrations) or "-"))
    if added:
        echo(
            t(
                "tilføjet fordi valgte integrationer afhænger af dem: {integrations}",
                integrations=", ".join(added),
            )
        )
    return EXIT_OK


def tender_validate(args) -> int:
    from procure.library import load_release
    from procure.tender import lint_tender, load_tender, resolve_tender

    tender = load_tender(args.file)
    library = load_release(tender.library_version)
    spec = resolve_tender(tender, library)
    kinds = {}
    for r in spec.requirements:
        kinds[r.kind] = kinds.get(r.kind, 0) + 1
    summary = ", ".join(f"{kinds[k]} {k}" for k in ("MK", "PK", "K", "O") if k in kinds)
    echo(
        t(
            "{path}: gyldigt – {count} krav ({summary}), kravbibliotek {version}, "
            "fingeraftryk {fingerprint}",
            path=args.file,
            count=len(spec.requirements),
            summary=summary,
            version=spec.library_version,
            fingerprint=spec.short_fingerprint,
        )
    )
    added = [i.id for i in spec.integrations if not i.chosen]
    if added:
        echo(
            t(
                "integrationer tilføjet pga. afhængigheder: {integrations}",
                integrations=", ".join(added),
            )
        )
    # Warnings are advice on choices that are hard to defend, not errors: the exit code stays 0.
    # They are in the language messages are shown in (PROCURE_LANG), like every line here.
    lang = current_language()
    for warning in lint_tender(tender, library):
        echo(t("advarsel: {warning}", warning=warning.line(lang)))
        guidance = warning.guidance.get(lang) or warning.guidance.da
        if guidance:
            line = t("vejledning: {guidance}", guidance=guidance)
            echo(f"  {line}")
    return EXIT_OK


# -- documents ----------------------------------------------------------------------------------


def build(args) -> int:
    from procure.documents.build import build_documents
    from procure.tender import load_tender_spec

    spec = load_tender_spec(args.tender, language=args.lang)
    written = build_documents(
        spec, Path(args.out), Path(args.templates) if args.templates else None
    )
    for path in written:
        echo(t("skrev {path}", path=path))
    return EXIT_OK


def templates_check(args) -> int:
    from procure.documents.render import check_template

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


# -- responses ----------------------------------------------------------------------------------


def check(args) -> int:
    from procure.evaluation import evaluate_response, load_overrides
    from procure.evaluation.report import format_result_text, render_check_report
    from procure.files import write_bytes_atomically
    from procure.tender import load_tender_spec

    spec = load_tender_spec(args.tender)
    response = _read_for_tender(Path(args.response), spec, _limits(args))
    overrides = load_overrides(_evaluation_path(args), spec)
    result = evaluate_response(spec, response, overrides)
    if args.report:
        write_bytes_atomically(Path(args.report), render_check_report(spec, [result]))
    if args.format == "json":
        print(json.dumps(result.to_data(), ensure_ascii=False, indent=2))
    else:
        echo_block(format_result_text(result, spec.language))
    return EXIT_OK if result.compliant else EXIT_NEGATIVE


def compare(args) -> int:
    from procure.evaluation import compare_results, evaluate_response, load_overrides
    from procure.evaluation.comparison import render_comparison_xlsx
    from procure.evaluation.report import render_check_report
    from procure.files import staged_files
    from procure.tender import load_tender_spec

    spec = load_tender_spec(args.tender)
    overrides = load_overrides(_evaluation_path(args), spec)
    limits = _limits(args)
    results = [
        evaluate_response(spec, _read_for_tender(Path(p), spec, limits), overrides)
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
    return EXIT_OK


def override(args) -> int:
    from procure.evaluation import add_override
    from procure.tender import load_tender_spec

    spec = load_tender_spec(args.tender)
    path = _evaluation_path(args)
    computed = None
    if args.response:
        from procure.evaluation import evaluate_response
        from procure.responses.package import Limits

        response = _read_for_tender(Path(args.response), spec, Limits())
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


def _read_for_tender(path: Path, spec, limits):
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


def _limits(args):
    from procure.responses.package import Limits

    if args.max_size_mb <= 0:
        raise ProcureError(t("--max-size-mb skal være større end 0"))
    return Limits(max_file_bytes=int(args.max_size_mb * 1024 * 1024))


def _evaluation_path(args) -> Path:
    if args.evaluation:
        return Path(args.evaluation)
    tender = Path(args.tender)
    return tender.with_name(tender.stem + ".evaluation.yaml")
