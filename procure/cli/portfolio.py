"""CLI commands for the municipality's FKI portfolio: `procure portfolio …`.

    procure portfolio add --name N --vendor V --business-area A --owner "Navn <mail>" ...
    procure portfolio register TENDER RESPONSE --name N --business-area A --owner ... ...
    procure portfolio import FILE          # CSV, XLSX or a KITOS API v2 export; all or nothing
    procure portfolio edit NAME [--criticality høj ...]
    procure portfolio remove NAME          # the history is kept
    procure portfolio list [--format text|json]
    procure portfolio show NAME [--format text|json]
    procure portfolio impact COMPONENT [--format text|json] [--notice notice.docx] [--lang en]
    procure portfolio coverage [--months N] [--out coverage.xlsx] [--format text|json]
    procure portfolio export --format kitos-csv|json [--out FILE]

Exit codes as everywhere in procure: 0 done (also when an outage hits nothing), 2 unusable
input (a bad row, an unknown component, a locked or unreachable database); nothing is written
then. The database is `$PROCURE_DATABASE_URL`, else `$PROCURE_WORKSPACE/portfolio.sqlite`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from procure.cli.common import (
    EXIT_OK,
    EXIT_UNUSABLE,
    add_tender_argument,
    echo,
    read_for_tender,
    subcommands,
)
from procure.errors import ProcureError
from procure.i18n import t


def register(commands) -> None:
    """Add `portfolio` and its subcommands to `commands` (the top-level subparsers)."""
    portfolio = commands.add_parser(
        "portfolio",
        help=str(t("kommunens FKI-portefølje: systemer, integrationer, nedbrud, dækning")),
    )
    cmds = subcommands(portfolio)

    p = cmds.add_parser("add", help=str(t("tilføj et system")))
    p.add_argument("--name", required=True, help=str(t("systemets navn")))
    p.add_argument("--vendor", required=True, help=str(t("leverandørens navn")))
    _add_record_options(p, required=True)
    p.set_defaults(handler=add)

    p = cmds.add_parser(
        "register", help=str(t("registrér det vindende tilbud som et system i porteføljen"))
    )
    add_tender_argument(p)
    p.add_argument("response", help=str(t("det vindende tilbud: .docx, .xlsx, .yaml eller .json")))
    p.add_argument("--name", required=True, help=str(t("systemets navn")))
    p.add_argument("--business-area", required=True, help=str(t("fag-/forretningsområde")))
    p.add_argument("--owner", required=True, help=str(t("systemejer: 'Navn <mail>'")))
    p.add_argument("--criticality", required=True, help=str(t("høj, middel eller lav")))
    p.add_argument("--channel", default="", help=str(t("kontaktkanal ved nedbrud")))
    p.add_argument("--contract-start", help=str(t("kontraktstart, fx 2027-01-01")))
    p.add_argument("--contract-end", help=str(t("kontraktudløb, fx 2031-12-31")))
    _add_common_options(p)
    p.set_defaults(handler=register_bid)

    p = cmds.add_parser("import", help=str(t("importér systemer fra CSV, XLSX eller KITOS")))
    p.add_argument("file", help=str(t("importfil: .csv, .xlsx eller KITOS API v2 (.json)")))
    p.add_argument(
        "--dry-run", action="store_true", help=str(t("kontrollér filen uden at gemme noget"))
    )
    p.add_argument(
        "--max-size-mb",
        type=float,
        default=10.0,
        help=str(t("største tilladte filstørrelse i MB (standard 10)")),
    )
    _add_common_options(p)
    p.set_defaults(handler=import_file)

    p = cmds.add_parser("edit", help=str(t("ret et system")))
    p.add_argument("system", metavar=str(t("NAVN")), help=str(t("systemets nuværende navn")))
    p.add_argument("--name", help=str(t("nyt navn")))
    p.add_argument("--vendor", help=str(t("leverandørens navn")))
    _add_record_options(p, required=False)
    p.add_argument(
        "--add-integration",
        action="extend",
        nargs=1,
        default=[],
        metavar="ID",
        help=str(t("tilføj en integration (kan gentages)")),
    )
    p.add_argument(
        "--remove-integration",
        action="extend",
        nargs=1,
        default=[],
        metavar="ID",
        help=str(t("fjern en integration (kan gentages)")),
    )
    p.set_defaults(handler=edit)

    p = cmds.add_parser("remove", help=str(t("tag et system ud af brug (historikken bevares)")))
    p.add_argument("system", metavar=str(t("NAVN")), help=str(t("systemets navn")))
    _add_common_options(p)
    p.set_defaults(handler=remove)

    p = cmds.add_parser("list", help=str(t("list systemerne")))
    p.add_argument("--business-area", help=str(t("kun dette fagområde")))
    p.add_argument("--integration", help=str(t("kun systemer der bruger denne integration")))
    p.add_argument("--all", action="store_true", help=str(t("medtag systemer taget ud af brug")))
    p.add_argument("--format", choices=("text", "json"), default="text")
    _add_library_option(p)
    p.set_defaults(handler=list_systems)

    p = cmds.add_parser("show", help=str(t("vis ét system med historik")))
    p.add_argument("system", metavar=str(t("NAVN")), help=str(t("systemets navn")))
    p.add_argument("--format", choices=("text", "json"), default="text")
    _add_library_option(p)
    _add_lang_option(p)
    p.set_defaults(handler=show)

    p = cmds.add_parser("impact", help=str(t("hvilke systemer rammes, når en komponent er nede")))
    p.add_argument(
        "component",
        metavar=str(t("KOMPONENT")),
        help=str(t("katalog-id, SF-nummer eller navn, fx organisation, SF1461, beskedfordeler")),
    )
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--notice", help=str(t("skriv også en Word-meddelelse til fagområderne")))
    _add_library_option(p)
    _add_lang_option(p)
    p.set_defaults(handler=impact)

    p = cmds.add_parser(
        "coverage", help=str(t("dækning: matrix, mangler pr. kategori, kontrakter der udløber"))
    )
    p.add_argument(
        "--months",
        type=int,
        default=24,
        help=str(t("kontrakter der udløber inden for så mange måneder (standard 24)")),
    )
    p.add_argument("--out", help=str(t("skriv også et Excel-ark med varmekort (.xlsx)")))
    p.add_argument("--format", choices=("text", "json"), default="text")
    _add_library_option(p)
    _add_lang_option(p)
    p.set_defaults(handler=coverage)

    p = cmds.add_parser(
        "export", help=str(t("integrationsrelationerne i en form, der kan tastes i KITOS"))
    )
    p.add_argument("--format", choices=("kitos-csv", "json"), required=True)
    p.add_argument("--out", help=str(t("skriv til denne fil i stedet for standard output")))
    _add_library_option(p)
    p.set_defaults(handler=export)


def _add_record_options(p, *, required: bool) -> None:
    p.add_argument("--cvr", help=str(t("leverandørens CVR-nummer (8 cifre)")))
    p.add_argument(
        "--integration",
        action="extend",
        nargs=1,
        dest="integrations",
        metavar="ID",
        help=str(t("FKI-integration systemet bruger: id, SF-nummer eller navn (kan gentages)")),
    )
    p.add_argument("--category", help=str(t("ydelsesområde, fx Y65")))
    p.add_argument("--business-area", required=required, help=str(t("fag-/forretningsområde")))
    p.add_argument("--owner", required=required, help=str(t("systemejer: 'Navn <mail>'")))
    p.add_argument("--criticality", required=required, help=str(t("høj, middel eller lav")))
    p.add_argument("--contract-start", help=str(t("kontraktstart, fx 2027-01-01")))
    p.add_argument("--contract-end", help=str(t("kontraktudløb, fx 2031-12-31")))
    p.add_argument(
        "--kle",
        action="extend",
        nargs=1,
        metavar="NN",
        help=str(t("KLE-hovedgruppe (kan gentages)")),
    )
    p.add_argument("--channel", help=str(t("kontaktkanal ved nedbrud")))
    p.add_argument(
        "--role",
        action="extend",
        nargs=1,
        dest="roles",
        metavar="'ID|NAVN|BESKRIVELSE'",
        help=str(t("brugersystemrolle systemet udstiller (kan gentages)")),
    )
    p.add_argument("--notes", help=str(t("frie noter")))
    p.add_argument("--kitos-uuid", help=str(t("systemets uuid i KITOS")))
    _add_common_options(p)


def _add_common_options(p) -> None:
    p.add_argument("--by", help=str(t("hvem der foretager ændringen (standard: login-navnet)")))
    _add_library_option(p)


def _add_library_option(p) -> None:
    p.add_argument(
        "--library",
        metavar=str(t("KILDE")),
        help=str(t("kravbibliotek: udgivet version, mappe eller udgivelsesfil (standard: nyeste)")),
    )


def _add_lang_option(p) -> None:
    p.add_argument(
        "--lang",
        choices=("da", "en"),
        default="da",
        help=str(t("sprog for navne, meddelelse og regneark (standard: da)")),
    )


# -- Writing ------------------------------------------------------------------------------------


def add(args) -> int:
    from procure.portfolio.records import SystemRecord, parse_owner

    library = _library(args)
    owner_name, owner_email = parse_owner(args.owner)
    record = SystemRecord(
        name=args.name,
        vendor=args.vendor,
        owner_name=owner_name,
        owner_email=owner_email,
        **_optional_fields(args, library),
    )
    stored = _store(library).add(record, actor=args.by)
    echo(
        t(
            "tilføjet '{name}' ({vendor}): integrationer {integrations}",
            name=stored.name,
            vendor=stored.vendor,
            integrations=", ".join(stored.integrations) or "-",
        )
    )
    return EXIT_OK


def register_bid(args) -> int:
    from procure.evaluation import evaluate_response
    from procure.portfolio.records import (
        SystemRecord,
        parse_criticality,
        parse_date,
        parse_owner,
    )
    from procure.responses.package import Limits
    from procure.tender import load_tender_spec

    spec = load_tender_spec(args.tender)
    response = read_for_tender(Path(args.response), spec, Limits())
    result = evaluate_response(spec, response)
    library = _library(args)
    owner_name, owner_email = parse_owner(args.owner)
    not_met = [i.id for i in spec.integrations if i.id in result.integrations_missing]
    record = SystemRecord(
        name=args.name,
        vendor=response.vendor.name or result.vendor,
        vendor_cvr=response.vendor.cvr,
        integrations=tuple(i.id for i in spec.integrations if i.id not in not_met),
        category=spec.tender.category,
        business_area=args.business_area,
        owner_name=owner_name,
        owner_email=owner_email,
        channel=args.channel,
        criticality=parse_criticality(args.criticality),
        kle=spec.tender.kle,
        contract_start=parse_date(args.contract_start),
        contract_end=parse_date(args.contract_end),
        tender_id=spec.tender.id,
        tender_file=str(Path(args.tender).resolve()),
        library_version=spec.library_version,
    )
    stored = _store(library).add(record, actor=args.by, action="register")
    echo(
        t(
            "registreret '{name}' fra {vendor}s tilbud på udbud {tender}: integrationer "
            "{integrations}",
            name=stored.name,
            vendor=stored.vendor,
            tender=spec.tender.title,
            integrations=", ".join(stored.integrations) or "-",
        )
    )
    if not_met:
        echo(
            t(
                "ikke registreret, fordi tilbuddet ikke opfylder dem: {integrations}",
                integrations=", ".join(not_met),
            )
        )
    if not result.compliant:
        echo(t("bemærk: tilbuddet er ikke konditionsmæssigt ifølge kontrollen"))
    return EXIT_OK


def import_file(args) -> int:
    from procure.portfolio.importers import read_import_file
    from procure.portfolio.records import ImportRejected

    if args.max_size_mb <= 0:
        raise ProcureError(t("--max-size-mb skal være større end 0"))
    library = _library(args)
    try:
        batch = read_import_file(args.file, library, max_bytes=int(args.max_size_mb * 1024 * 1024))
        outcome = _store(library).import_rows(
            list(batch.rows), source=args.file, actor=args.by, dry_run=args.dry_run
        )
    except ImportRejected as rejected:
        for line in rejected.lines():
            echo(line, file=sys.stderr)
        echo(t("procure: fejl: {message}", message=rejected), file=sys.stderr)
        return EXIT_UNUSABLE
    echo(
        t(
            "{path}: kontrolleret, intet gemt – {added} nye, {updated} ændrede, "
            "{unchanged} uændrede",
            path=args.file,
            added=len(outcome.added),
            updated=len(outcome.updated),
            unchanged=len(outcome.unchanged),
        )
        if args.dry_run
        else t(
            "{path}: importeret – {added} nye, {updated} ændrede, {unchanged} uændrede",
            path=args.file,
            added=len(outcome.added),
            updated=len(outcome.updated),
            unchanged=len(outcome.unchanged),
        )
    )
    for note in batch.notes:
        echo(t("bemærk: {note}", note=note))
    return EXIT_OK


def edit(args) -> int:
    from procure.portfolio.catalogue import resolve_component
    from procure.portfolio.records import parse_owner

    library = _library(args)
    store = _store(library)
    changes = _optional_fields(args, library)
    if args.name is not None:
        changes["name"] = args.name
    if args.vendor is not None:
        changes["vendor"] = args.vendor
    if args.owner is not None:
        changes["owner_name"], changes["owner_email"] = parse_owner(args.owner)
    if args.add_integration or args.remove_integration:
        current = set(changes.get("integrations", store.get(args.system).integrations))
        current |= {resolve_component(i, library) for i in args.add_integration}
        current -= {resolve_component(i, library) for i in args.remove_integration}
        changes["integrations"] = tuple(current)
    stored, changed = store.edit(args.system, changes, actor=args.by)
    if changed:
        echo(t("ændret '{name}': {fields}", name=stored.name, fields=", ".join(changed)))
    else:
        echo(t("'{name}': ingen ændringer", name=stored.name))
    return EXIT_OK


def remove(args) -> int:
    removed = _store(_library(args)).remove(args.system, actor=args.by)
    echo(t("'{name}' er taget ud af brug; historikken er bevaret", name=removed.name))
    return EXIT_OK


# -- Reading ------------------------------------------------------------------------------------


def list_systems(args) -> int:
    library = _library(args)
    systems = _store(library).systems(include_removed=args.all)
    if args.business_area:
        wanted = args.business_area.casefold()
        systems = [s for s in systems if s.business_area.casefold() == wanted]
    if args.integration:
        from procure.portfolio.catalogue import resolve_component

        integration = resolve_component(args.integration, library)
        systems = [s for s in systems if integration in s.integrations]
    if args.format == "json":
        print(json.dumps({"systems": [s.to_data() for s in systems]}, ensure_ascii=False, indent=2))
        return EXIT_OK
    for s in systems:
        removed = " " + str(t("(taget ud af brug)")) if s.removed_at else ""
        echo(
            f"{s.name:<30} {s.vendor:<22} {s.criticality:<6} {s.business_area:<24} "
            f"{', '.join(s.integrations) or '-'}{removed}"
        )
    echo(t("{count} systemer", count=len(systems)), file=sys.stderr)
    return EXIT_OK


def show(args) -> int:
    from procure.portfolio.catalogue import integration_label

    library = _library(args)
    store = _store(library)
    record = store.get(args.system)
    history = store.history(record.name)
    if args.format == "json":
        data = record.to_data()
        data["history"] = [entry.to_data() for entry in history]
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return EXIT_OK
    labels = _SHOW_LABELS[args.lang]
    echo(record.name)
    rows = [
        (
            labels["vendor"],
            record.vendor + (f" (CVR {record.vendor_cvr})" if record.vendor_cvr else ""),
        ),
        (labels["category"], record.category),
        (labels["business_area"], record.business_area),
        (labels["owner"], record.owner),
        (labels["channel"], record.channel),
        (labels["criticality"], record.criticality),
        (labels["kle"], ", ".join(record.kle)),
        (labels["contract"], _period(record)),
        (labels["tender"], " ".join(x for x in (record.tender_id, record.tender_file) if x)),
        (labels["library"], record.library_version),
        (labels["kitos"], record.kitos_uuid),
        (labels["notes"], record.notes),
    ]
    for label, value in rows:
        echo(f"{label}: {value or '-'}")
    echo(f"{labels['integrations']}:")
    for integration in record.integrations:
        echo(f"  - {integration}: {integration_label(integration, library, args.lang)}")
    if not record.integrations:
        echo("  -")
    if record.roles:
        echo(f"{labels['roles']}:")
        for role in record.roles:
            echo(
                f"  - {role.id}: {role.name}"
                + (f" – {role.description}" if role.description else "")
            )
    echo(f"{labels['history']}:")
    for entry in history:
        at = entry.at.isoformat(timespec="seconds")
        if entry.field == "*":
            echo(f"  {at} {entry.actor} {entry.action}")
        else:
            echo(
                f"  {at} {entry.actor} {entry.action} {entry.field}: "
                f"{_shown(entry.old)} → {_shown(entry.new)}"
            )
    return EXIT_OK


def impact(args) -> int:
    from procure.portfolio.catalogue import integration_label, resolve_component
    from procure.portfolio.impact import impact_of

    library = _library(args)
    component = resolve_component(args.component, library)
    result = impact_of(component, _store(library).systems(), library)
    if args.notice:
        from procure.files import write_bytes_atomically
        from procure.portfolio.notice import render_notice

        write_bytes_atomically(Path(args.notice), render_notice(result, library, args.lang))
    if args.format == "json":
        print(json.dumps(result.to_data(), ensure_ascii=False, indent=2))
    else:
        groups = result.by_business_area()
        echo(
            t(
                "{component} er nede: {systems} systemer ramt i {areas} fagområder "
                "(kravbibliotek {version})",
                component=integration_label(component, library, args.lang),
                systems=len(result.affected),
                areas=len(groups),
                version=library.version,
            )
        )
        for area, items in groups:
            echo()
            echo(area or str(t("(intet fagområde)")))
            for item in items:
                via = (
                    str(t("direkte"))
                    if len(item.via) == 1
                    else str(t("via {path}", path=" → ".join(item.via)))
                )
                echo(
                    f"  {item.criticality:<6} {item.system} – "
                    + str(
                        t(
                            "ejer {owner}; kanal {channel}; {via}",
                            owner=item.owner or "-",
                            channel=item.channel or "-",
                            via=via,
                        )
                    )
                )
    if args.notice:
        echo(t("skrev {path}", path=args.notice), file=sys.stderr)
    return EXIT_OK


def coverage(args) -> int:
    from procure.portfolio.coverage import coverage_of

    if args.months < 0:
        raise ProcureError(t("--months kan ikke være negativ"))
    library = _library(args)
    result = coverage_of(_store(library).systems(), library, months=args.months)
    if args.out:
        from procure.files import write_bytes_atomically
        from procure.portfolio.exports import render_coverage_xlsx

        write_bytes_atomically(Path(args.out), render_coverage_xlsx(result, library, args.lang))
    if args.format == "json":
        print(json.dumps(result.to_data(), ensure_ascii=False, indent=2))
    else:
        echo(
            t(
                "dækning efter kravbibliotek {version}: {systems} systemer, {gaps} med mangler",
                version=result.library_version,
                systems=len(result.matrix),
                gaps=len(result.gaps),
            )
        )
        echo()
        echo(t("Mangler (anbefalet for kategorien, ikke i brug):"))
        for gap in result.gaps:
            echo(f"  {gap.system} ({gap.category}): {', '.join(gap.missing)}")
        if not result.gaps:
            echo("  -")
        echo()
        echo(t("Kontrakter der udløber inden for {months} måneder:", months=result.months))
        for item in result.expiring:
            missing = ", ".join(item.missing) or "-"
            echo(
                f"  {item.contract_end.isoformat()}  {item.system} – "
                + str(t("mangler: {missing}", missing=missing))
            )
        if not result.expiring:
            echo("  -")
    if args.out:
        echo(t("skrev {path}", path=args.out), file=sys.stderr)
    return EXIT_OK


def export(args) -> int:
    from procure.portfolio.exports import kitos_csv, kitos_json, kitos_relations

    library = _library(args)
    relations = kitos_relations(_store(library).systems(), library)
    data = kitos_csv(relations) if args.format == "kitos-csv" else kitos_json(relations, library)
    if args.out:
        from procure.files import write_bytes_atomically

        write_bytes_atomically(Path(args.out), data)
        echo(t("skrev {path}", path=args.out), file=sys.stderr)
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(data.removeprefix(b"\xef\xbb\xbf"))
        sys.stdout.buffer.flush()
    return EXIT_OK


# -- Private ------------------------------------------------------------------------------------

_SHOW_LABELS = {
    "da": {
        "vendor": "Leverandør",
        "category": "Kategori",
        "business_area": "Fagområde",
        "owner": "Systemejer",
        "channel": "Kontaktkanal",
        "criticality": "Kritikalitet",
        "kle": "KLE",
        "contract": "Kontrakt",
        "tender": "Udbud",
        "library": "Kravbibliotek",
        "kitos": "KITOS-uuid",
        "notes": "Noter",
        "integrations": "Integrationer",
        "roles": "Brugersystemroller",
        "history": "Historik",
    },
    "en": {
        "vendor": "Vendor",
        "category": "Category",
        "business_area": "Business area",
        "owner": "System owner",
        "channel": "Contact channel",
        "criticality": "Criticality",
        "kle": "KLE",
        "contract": "Contract",
        "tender": "Tender",
        "library": "Requirement library",
        "kitos": "KITOS uuid",
        "notes": "Notes",
        "integrations": "Integrations",
        "roles": "User system roles",
        "history": "History",
    },
}


def _library(args):
    from procure.portfolio.catalogue import library_in_force

    return library_in_force(getattr(args, "library", None))


def _store(library):
    from procure.portfolio.store import PortfolioStore

    return PortfolioStore(library=library)


def _optional_fields(args, library) -> dict:
    """The record fields the options given set (a field left out keeps its value)."""
    from procure.portfolio.catalogue import resolve_component
    from procure.portfolio.records import (
        parse_criticality,
        parse_date,
        parse_kle,
        parse_role,
    )

    options = {
        "vendor_cvr": (args.cvr, lambda v: v),
        "integrations": (
            args.integrations,
            lambda v: tuple(resolve_component(i, library) for i in v),
        ),
        "category": (args.category, lambda v: v),
        "business_area": (args.business_area, lambda v: v),
        "criticality": (args.criticality, parse_criticality),
        "contract_start": (args.contract_start, parse_date),
        "contract_end": (args.contract_end, parse_date),
        "kle": (args.kle, parse_kle),
        "channel": (args.channel, lambda v: v),
        "roles": (args.roles, lambda v: tuple(parse_role(r) for r in v if r.strip())),
        "notes": (args.notes, lambda v: v),
        "kitos_uuid": (args.kitos_uuid, lambda v: v),
    }
    fields = {}
    for field_name, (value, parse) in options.items():
        if value is None:
            continue
        fields[field_name] = parse(value)
    return fields


def _period(record) -> str:
    if not record.contract_start and not record.contract_end:
        return ""
    start = record.contract_start.isoformat() if record.contract_start else "?"
    end = record.contract_end.isoformat() if record.contract_end else "?"
    return f"{start} – {end}"


def _shown(value) -> str:
    if value is None or value == "" or value == []:
        return "-"
    if isinstance(value, list):
        return ", ".join(v if isinstance(v, str) else v.get("id", str(v)) for v in value)
    return str(value)
