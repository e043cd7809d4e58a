"""`procure tender …`: propose a tender file, validate it, publish it and correct it."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from procure.cli.common import (
    EXIT_NEGATIVE,
    EXIT_OK,
    EXIT_UNUSABLE,
    add_tender_argument,
    subcommands,
)
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

    p = tender_cmds.add_parser(
        "publish",
        help=str(t("offentliggør udbuddet: kravene, modellen og prislinjerne fryses (version 1)")),
    )
    add_tender_argument(p)
    p.set_defaults(handler=tender_publish)

    p = tender_cmds.add_parser(
        "amend",
        help=str(t("ret et offentliggjort udbud før tilbudsfristen (rettelsesblad)")),
    )
    add_tender_argument(p)
    p.add_argument(
        "--from",
        dest="edited",
        required=True,
        metavar=str(t("KOPI")),
        help=str(t("en rettet kopi af udbudsfilen; udbudsfilen selv ændres ikke i hånden")),
    )
    p.add_argument("--why", required=True, help=str(t("begrundelse for rettelsen")))
    p.set_defaults(handler=tender_amend)


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
    import dataclasses

    from procure.award import default_evaluation_for_spec
    from procure.tender import resolve_tender

    spec = resolve_tender(tender, library)  # proves the proposal resolves before writing
    # The default published model (README "The evaluation model"): every PK in Kvalitet 60,
    # Pris 40 relative-linear, one price line; the officer confirms or changes it.
    evaluation, price_lines = default_evaluation_for_spec(spec)
    tender = dataclasses.replace(tender, evaluation=evaluation, price_lines=price_lines)
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
    from procure.award import evaluation_problems_for_spec
    from procure.library import load_release
    from procure.tender import lint_tender, load_tender, resolve_tender
    from procure.tender.lifecycle import amendment_line, broken_seal_message, status_line

    tender = load_tender(args.file)
    library = load_release(tender.library_version)
    spec = resolve_tender(tender, library)
    # Errors: the evaluation model's problems (README "The evaluation model") and a published
    # tender changed in the file without a correction (README "Publishing and corrections").
    errors = [str(problem) for problem in evaluation_problems_for_spec(spec)]
    seal = broken_seal_message(spec)
    if seal is not None:
        errors.append(str(seal))
    kinds = {}
    for r in spec.requirements:
        kinds[r.kind] = kinds.get(r.kind, 0) + 1
    summary = ", ".join(f"{kinds[k]} {k}" for k in ("MK", "PK", "K", "O") if k in kinds)
    for error in errors:
        print(t("fejl: {problem}", problem=error))
    if errors:
        print(t("{path}: ugyldigt – {count} fejl", path=args.file, count=len(errors)))
    else:
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
    print(status_line(tender))
    for amendment in tender.amendments:
        print(f"  {amendment_line(amendment)}")
    added = [i.id for i in spec.integrations if not i.chosen]
    if added:
        print(
            t(
                "integrationer tilføjet pga. afhængigheder: {integrations}",
                integrations=", ".join(added),
            )
        )
    _print_newer_release(tender, library)
    # Warnings are advice on choices that are hard to defend, not errors: the exit code stays 0.
    # They are in the language messages are shown in (PROCURE_LANG), like every line here.
    lang = current_language()
    for warning in lint_tender(tender, library):
        print(t("advarsel: {warning}", warning=warning.line(lang)))
        guidance = warning.guidance.get(lang) or warning.guidance.da
        if guidance:
            line = t("vejledning: {guidance}", guidance=guidance)
            print(f"  {line}")
    return EXIT_NEGATIVE if errors else EXIT_OK


def tender_publish(args) -> int:
    from procure.award import evaluation_problems_for_spec
    from procure.tender.lifecycle import publication_problems, publish

    path = Path(args.tender)
    text, spec = _read_spec(path)
    now = dt.datetime.now()
    problems = [str(p) for p in publication_problems(spec, now)]
    problems += [str(p) for p in evaluation_problems_for_spec(spec)]
    if problems:
        for problem in problems:
            print(t("procure: fejl: {message}", message=f"{path}: {problem}"), file=sys.stderr)
        print(
            t(
                "procure: {path} er ikke offentliggjort: ret {count} fejl først",
                path=path,
                count=len(problems),
            ),
            file=sys.stderr,
        )
        return EXIT_UNUSABLE
    published = publish(spec, now)
    _replace_tender_file(path, text, published)
    print(
        t(
            "offentliggjort: {path} er version 1 ({at}), kravsæt {fingerprint}; kravene, "
            "evalueringsmodellen, prislinjerne og tilbudsfristen {deadline} er nu frosset",
            path=path,
            at=published.publication.published_at.replace("T", " "),
            fingerprint=spec.short_fingerprint,
            deadline=published.deadline,
        )
    )
    print(
        t(
            "byg de dokumenter, der offentliggøres, fra denne fil: procure build {path} "
            "--out MAPPE; ændringer før tilbudsfristen: procure tender amend {path} --from "
            "KOPI --why …",
            path=path,
        )
    )
    return EXIT_OK


def tender_amend(args) -> int:
    from procure.award import evaluation_problems_for_spec
    from procure.tender.lifecycle import amend, amendment_line, frozen_changes

    path, edited_path = Path(args.tender), Path(args.edited)
    text, published = _read_spec(path)
    _, edited = _read_spec(edited_path)
    problems = [str(p) for p in evaluation_problems_for_spec(edited)]
    if problems:
        for problem in problems:
            print(
                t("procure: fejl: {message}", message=f"{edited_path}: {problem}"),
                file=sys.stderr,
            )
        print(
            t(
                "procure: rettelsen er ikke registreret: ret {count} fejl i {path} først",
                path=edited_path,
                count=len(problems),
            ),
            file=sys.stderr,
        )
        return EXIT_UNUSABLE
    corrected = amend(published, edited, args.why, dt.datetime.now())
    _replace_tender_file(path, text, corrected)
    print(
        t(
            "rettelse registreret: {path} er nu version {version}",
            path=path,
            version=corrected.version,
        )
    )
    print(f"  {amendment_line(corrected.amendments[-1])}")
    for change in frozen_changes(published, edited):
        print(f"  - {change.what}")
    print(
        t(
            "byg dokumenterne igen (procure build {path} --out MAPPE), og offentliggør dem "
            "sammen med rettelsesbladet",
            path=path,
        )
    )
    return EXIT_OK


def _read_spec(path: Path):
    """The tender file's text and the tender resolved against its release."""
    from procure.library import load_release
    from procure.tender import parse_tender, resolve_tender
    from procure.tender.io import MAX_TENDER_BYTES
    from procure.yamlio import read_text_file

    text = read_text_file(path, MAX_TENDER_BYTES)
    tender = parse_tender(text, str(path))
    return text, resolve_tender(tender, load_release(tender.library_version))


def _replace_tender_file(path: Path, read_text: str, tender) -> None:
    """Write `tender` to `path` under the file's lock, unless someone changed the file since
    it was read (then nothing is written and the command is to be run again)."""
    from procure.files import update_text_file
    from procure.tender import dump_tender

    def change(current: str | None) -> str:
        if current != read_text:
            raise ProcureError.invalid(
                path, t("filen blev ændret af en anden imens; kør kommandoen igen")
            )
        return dump_tender(tender)

    update_text_file(path, change)


def _print_newer_release(tender, library) -> None:
    """Tell the officer when a newer library release retires or changes requirements the
    tender uses. Information only: the tender stays pinned and valid (exit 0)."""
    from procure.library import load_release, released_versions
    from procure.tender.updates import release_updates

    versions = released_versions()
    if not versions or _version_key(versions[-1]) <= _version_key(tender.library_version):
        return
    newer = load_release(versions[-1])
    found = release_updates(tender, library, newer)
    if not found.updates:
        print(
            t(
                "bemærk: kravbibliotek {newer} er udgivet efter udbuddets {pinned}; ingen af "
                "udbuddets krav er ændret",
                newer=found.newer,
                pinned=found.pinned,
            )
        )
        return
    print(
        t(
            "bemærk: kravbibliotek {newer} er udgivet efter udbuddets {pinned} og udfaser "
            "{retired} og ændrer {changed} af udbuddets krav; se 'procure library diff "
            "{pinned} {newer}' for hvad og hvorfor",
            newer=found.newer,
            pinned=found.pinned,
            retired=len(found.retired),
            changed=len(found.changed),
        )
    )
    for update in found.updates:
        if update.retired and update.replaced_by:
            line = t(
                "[{id}] udfaset i {newer}, erstattet af {replacement}",
                id=update.id,
                newer=found.newer,
                replacement=update.replaced_by,
            )
        elif update.retired:
            line = t("[{id}] udfaset i {newer}", id=update.id, newer=found.newer)
        else:
            line = t(
                "[{id}] ændret i {newer} ({fields})",
                id=update.id,
                newer=found.newer,
                fields=", ".join(update.fields),
            )
        print(f"  {line}")


def _version_key(version: str) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in version.split("."))
    except ValueError:
        return (0,)
