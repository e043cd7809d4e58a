"""CLI commands for tenders, documents, templates and vendor responses."""

from __future__ import annotations

import json
from pathlib import Path

from procure.errors import ProcureError

EXIT_OK, EXIT_NEGATIVE, EXIT_UNUSABLE = 0, 1, 2


def add_commands(commands) -> None:
    tender = commands.add_parser("tender", help="udbudsfilen (tender.yaml): opret og valider")
    tender_cmds = tender.add_subparsers(title="kommandoer", metavar="KOMMANDO")

    p = tender_cmds.add_parser("init", help="foreslå et udbud ud fra kategori og integrationer")
    p.add_argument("--out", required=True, help="udbudsfil der skrives, fx tender.yaml")
    p.add_argument("--title", required=True, help="udbuddets titel")
    p.add_argument("--buyer", required=True, help="ordregiver (kommunen)")
    p.add_argument("--cvr", help="ordregivers CVR-nummer (8 cifre)")
    p.add_argument("--case-number", default="", help="sagsnummer")
    p.add_argument("--category", required=True, help="ydelsesområde, fx Y65")
    p.add_argument(
        "--integration",
        action="extend",
        nargs="+",
        dest="integrations",
        metavar="ID",
        help="valgt integration (kan gentages; standard: kategoriens anbefaling)",
    )
    p.add_argument(
        "--kle",
        action="extend",
        nargs="+",
        metavar="NN",
        help="KLE-hovedgruppe (kan gentages; standard: kategoriens anbefaling)",
    )
    p.add_argument("--lang", choices=("da", "en"), default="da", help="dokumentsprog")
    p.add_argument("--library-version", help="udgivet biblioteksversion (standard: nyeste)")
    p.add_argument("--force", action="store_true", help="overskriv en eksisterende udbudsfil")
    p.set_defaults(handler=tender_init)

    p = tender_cmds.add_parser("validate", help="valider en udbudsfil mod dens biblioteksversion")
    p.add_argument("file", help="udbudsfil (tender.yaml)")
    p.set_defaults(handler=tender_validate)

    p = commands.add_parser("build", help="byg bilag og tilbudslister (Word og Excel)")
    p.add_argument("tender", help="udbudsfil (tender.yaml)")
    p.add_argument("--out", required=True, help="mappe der skrives til")
    p.add_argument("--lang", choices=("da", "en"), help="sprog (standard: udbuddets sprog)")
    p.add_argument("--templates", help="mappe med kommunens egne Word-skabeloner")
    p.set_defaults(handler=build)

    templates = commands.add_parser("templates", help="Word-skabeloner")
    templates_cmds = templates.add_subparsers(title="kommandoer", metavar="KOMMANDO")
    p = templates_cmds.add_parser("check", help="find manglende eller ukendte pladsholdere")
    p.add_argument("dir", help="mappe med skabeloner")
    p.set_defaults(handler=templates_check)

    p = commands.add_parser("check", help="kontrollér én leverandørs besvarelse")
    p.add_argument("tender", help="udbudsfil (tender.yaml)")
    p.add_argument("response", help="besvarelse: .docx, .xlsx, .yaml eller .json")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--report", help="skriv også en Word-rapport hertil (.docx)")
    p.add_argument(
        "--evaluation",
        help="evalueringsfil med manuelle pointjusteringer "
        "(standard: <udbud>.evaluation.yaml hvis den findes)",
    )
    p.add_argument(
        "--max-size-mb",
        type=float,
        default=25.0,
        help="største tilladte filstørrelse i MB (standard 25)",
    )
    p.set_defaults(handler=check)

    p = commands.add_parser("compare", help="sammenlign flere leverandørers besvarelser")
    p.add_argument("tender", help="udbudsfil (tender.yaml)")
    p.add_argument("responses", nargs="+", help="besvarelser")
    p.add_argument("--out", required=True, help="sammenligning der skrives (.xlsx)")
    p.add_argument("--report", help="skriv også et Word-notat hertil (.docx)")
    p.add_argument("--evaluation", help="evalueringsfil med manuelle pointjusteringer")
    p.add_argument("--max-size-mb", type=float, default=25.0)
    p.set_defaults(handler=compare)

    p = commands.add_parser("override", help="sæt point for et PK manuelt (med begrundelse)")
    p.add_argument("tender", help="udbudsfil (tender.yaml)")
    p.add_argument("--vendor", required=True, help="leverandørens navn som i besvarelsen")
    p.add_argument("--requirement", required=True, help="krav-id (et PK)")
    p.add_argument("--points", required=True, help="nye point for kravet (0 til vægten)")
    p.add_argument("--why", required=True, help="skriftlig begrundelse")
    p.add_argument("--by", required=True, help="hvem der foretager justeringen")
    p.add_argument("--evaluation", help="evalueringsfil (standard: <udbud>.evaluation.yaml)")
    p.add_argument(
        "--response",
        help="leverandørens besvarelse; giver den beregnede pointværdi som gammel værdi",
    )
    p.set_defaults(handler=override)


# -- tender -------------------------------------------------------------------------------------


def tender_init(args) -> int:
    from procure.library import load_release, released_versions
    from procure.tender import propose_tender, save_tender

    out = Path(args.out)
    if out.exists() and not args.force:
        raise ProcureError.invalid(out, "filen findes allerede; brug --force for at overskrive")
    versions = released_versions()
    if not versions:
        raise ProcureError(
            "kravbiblioteket har ingen udgivne versioner; kør 'procure library release' først"
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
    from procure.tender import resolve_tender

    spec = resolve_tender(tender, library)  # proves the proposal resolves before writing
    save_tender(tender, out)
    added = [i.id for i in spec.integrations if not i.chosen]
    print(
        f"skrev {out}: {len(tender.requirements)} krav foreslået fra kravbibliotek {version}, "
        f"kategori {tender.category}"
    )
    print(f"integrationer: {', '.join(tender.integrations) or '-'}")
    if added:
        print(f"tilføjet fordi valgte integrationer afhænger af dem: {', '.join(added)}")
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
    print(
        f"{args.file}: gyldigt – {len(spec.requirements)} krav ({summary}), kravbibliotek "
        f"{spec.library_version}, fingeraftryk {spec.short_fingerprint}"
    )
    added = [i.id for i in spec.integrations if not i.chosen]
    if added:
        print(f"integrationer tilføjet pga. afhængigheder: {', '.join(added)}")
    # Warnings are advice on choices that are hard to defend, not errors: the exit code stays 0
    for warning in lint_tender(tender, library):
        print(f"advarsel: {warning.line('da')}")
        if warning.guidance.da:
            print(f"  vejledning: {warning.guidance.da}")
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
        print(f"skrev {path}")
    return EXIT_OK


def templates_check(args) -> int:
    from procure.documents.render import check_template

    folder = Path(args.dir)
    if not folder.is_dir():
        raise ProcureError.invalid(folder, "mappen findes ikke")
    files = sorted(folder.glob("*.docx"))
    if not files:
        raise ProcureError.invalid(folder, "mappen indeholder ingen .docx-skabeloner")
    problems = 0
    for file in files:
        found = check_template(file)
        problems += len(found)
        for problem in found:
            print(f"{file}: {problem}")
        if not found:
            print(f"{file}: ok")
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
        print(format_result_text(result, spec.language), end="")
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
        print(line)
    for path in outputs:
        print(f"skrev {path}")
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
    print(
        f"gemt i {path}: {entry.vendor} {entry.requirement_id} → {entry.points} point "
        f"({entry.by}, {entry.at})"
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
            f"besvarelsen hører til et andet udbud (udbuds-id {answered}, forventet "
            f"{spec.tender.id}); kontrollér at det er den rigtige fil",
        )
    return response


def _limits(args):
    from procure.responses.package import Limits

    if args.max_size_mb <= 0:
        raise ProcureError("--max-size-mb skal være større end 0")
    return Limits(max_file_bytes=int(args.max_size_mb * 1024 * 1024))


def _evaluation_path(args) -> Path:
    if args.evaluation:
        return Path(args.evaluation)
    tender = Path(args.tender)
    return tender.with_name(tender.stem + ".evaluation.yaml")
