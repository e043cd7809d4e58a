"""`procure tender …`: propose a tender file and validate one."""

from __future__ import annotations

from pathlib import Path

from procure.cli.common import EXIT_OK, add_tender_argument, subcommands
from procure.errors import ProcureError
from procure.i18n import current_language, t


def register(commands) -> None:
    """These commands; their help in the language in force."""
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
    add_tender_argument(p, "file")
    p.set_defaults(handler=tender_validate)


# -- handlers ----------------------------------------------------------------------------------


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
    print(
        t(
            "skrev {path}: {count} krav foreslået fra kravbibliotek {version}, kategori {category}",
            path=out,
            count=len(tender.requirements),
            version=version,
            category=tender.category,
        )
    )
    print(t("integrationer: {integrations}", integrations=", ".join(tender.integrations) or "-"))
    if added:
        print(
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
    print(
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
        print(
            t(
                "integrationer tilføjet pga. afhængigheder: {integrations}",
                integrations=", ".join(added),
            )
        )
    # Warnings are advice on choices that are hard to defend, not errors: the exit code stays 0.
    # They are in the language messages are shown in (PROCURE_LANG), like every line here.
    lang = current_language()
    for warning in lint_tender(tender, library):
        print(t("advarsel: {warning}", warning=warning.line(lang)))
        guidance = warning.guidance.get(lang) or warning.guidance.da
        if guidance:
            line = t("vejledning: {guidance}", guidance=guidance)
            print(f"  {line}")
    return EXIT_OK
