"""Import files into rows: a CSV or XLSX list of systems, or a KITOS API v2 export.

Reading never writes. Every row is read and checked; if any row is bad, ImportRejected lists
each one with its line and why, and the store is never called. The store then adds or
updates all rows in one transaction (PortfolioStore.import_rows).

CSV: separated by semicolons as Danish Excel writes it (commas and tabs are accepted too),
UTF-8 with or without BOM, or Windows-1252 (Excel's "CSV" on a Danish Windows). XLSX: the
first sheet, read from a checked package; a cell holding a formula is refused (procure never
evaluates formulas). The headers are Danish (English accepted), see COLUMNS.

KITOS: the JSON list that KITOS' API v2 returns for it-system usages
(`ItSystemUsageResponseDTO`): the system's name from `SystemContext`, the business area from
`OrganizationUsage.ResponsibleOrganizationUnit`, the criticality from `GDPR.BusinessCritical`,
the contract period from `General.Validity`, the owner from a role assignment named
"Systemejer", and the integrations from `OutgoingSystemRelations` (`RelationInterface`, else
`ToSystemUsage`), matched to the catalogue by name, alias or SF number. Relations to systems
that are not FKI are left out and counted.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

from procure.errors import ProcureError
from procure.i18n import Message, t
from procure.library.model import Library
from procure.portfolio.catalogue import match_interface, resolve_component
from procure.portfolio.records import (
    ImportRejected,
    ImportRow,
    RowProblem,
    SystemRecord,
    normalised,
    parse_criticality,
    parse_date,
    parse_kle,
    parse_owner,
    parse_role,
    record_problems,
)

MIB = 1024 * 1024
DEFAULT_MAX_BYTES = 10 * MIB  # 2,000 systems as CSV are some 300 KB

# Column → (record field, Danish header as documented, other accepted spellings)
COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("navn", "name", "system", "systemnavn"),
    "vendor": ("leverandør", "leverandoer", "leverandor", "vendor", "supplier"),
    "integrations": ("integrationer", "integrations", "fki-integrationer"),
    "business_area": (
        "fagområde",
        "fagomraade",
        "forretningsområde",
        "forretningsomraade",
        "business-area",
    ),
    "owner": ("systemejer", "ejer", "owner", "system-owner"),
    "criticality": ("kritikalitet", "criticality", "forretningskritikalitet"),
    "vendor_cvr": ("cvr", "cvr-nummer", "leverandør-cvr", "vendor-cvr"),
    "category": ("kategori", "ydelsesområde", "ydelsesomraade", "category"),
    "channel": ("kanal", "kontaktkanal", "channel"),
    "kle": ("kle", "kle-hovedgrupper"),
    "contract_start": ("kontraktstart", "contract-start"),
    "contract_end": ("kontraktudløb", "kontraktudloeb", "kontraktslut", "contract-end"),
    "kitos_uuid": ("kitos-uuid", "kitos", "kitos-id"),
    "notes": ("noter", "bemærkninger", "bemaerkninger", "notes"),
    "roles": ("brugersystemroller", "roller", "roles"),
}
REQUIRED = ("name", "vendor", "integrations", "business_area", "owner", "criticality")
_HEADER_OF = {spelling: column for column, spellings in COLUMNS.items() for spelling in spellings}
_LIST_SPLIT = re.compile(r"[,;\n]+")


@dataclass(frozen=True)
class ImportBatch:
    """What a file holds, checked: the rows and any notes for the person importing."""

    source: str
    file_format: str  # "csv", "xlsx" or "kitos"
    rows: tuple[ImportRow, ...]
    notes: tuple[Message, ...] = ()


def read_import_file(
    path: Path | str, library: Library, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> ImportBatch:
    """Read an import file from disk (size checked before it is read)."""
    path = Path(path)
    if not path.is_file():
        if path.is_dir():
            raise ProcureError.invalid(path, t("er en mappe, ikke en fil"))
        raise ProcureError.file_missing(path)
    size = path.stat().st_size
    if size > max_bytes:
        raise _too_large(str(path), size, max_bytes)
    return read_import_bytes(path.read_bytes(), str(path), library, max_bytes=max_bytes)


def read_import_bytes(
    data: bytes, source: str, library: Library, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> ImportBatch:
    """Read an import file's bytes (an upload): the format is decided by the content."""
    if len(data) > max_bytes:
        raise _too_large(source, len(data), max_bytes)
    if not data.strip():
        raise ProcureError.invalid(source, t("filen er tom"))
    if data.startswith(b"PK\x03\x04"):
        return _read_xlsx(data, source, library)
    if (
        data.startswith((b"\xd0\xcf\x11\xe0", b"%PDF"))
        or b"\x00" in data[:4096]
        and not (data.startswith((b"\xff\xfe", b"\xfe\xff")))
    ):
        raise ProcureError.invalid(
            source,
            t(
                "filen er hverken CSV, XLSX eller JSON; gem den som CSV (semikolonsepareret) "
                "eller .xlsx"
            ),
        )
    text = _decode(data)
    if text.lstrip().startswith(("[", "{")):
        return _read_kitos(text, source, library)
    return _read_csv(text, source, library)


# -- CSV and XLSX ---------------------------------------------------------------------------


def _read_csv(text: str, source: str, library: Library) -> ImportBatch:
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=delimiter)
    try:
        header = next(reader, None)
        if header is None:
            raise ProcureError.invalid(source, t("filen er tom"))
        table = []
        while True:
            line = reader.line_num + 1
            try:
                cells = next(reader)
            except StopIteration:
                break
            table.append((line, [(cell, False) for cell in cells]))
    except csv.Error as error:
        raise ProcureError.invalid(
            source, t("CSV-filen kan ikke læses: {reason}", reason=str(error)), reader.line_num
        ) from None
    return _read_table(source, "csv", 1, header, table, library)


def _read_xlsx(data: bytes, source: str, library: Library) -> ImportBatch:
    from openpyxl import load_workbook

    from procure.responses.package import DEFAULT_LIMITS, open_package, repack, sniff

    if sniff(data, source) != "xlsx":
        raise ProcureError.invalid(
            source, t("filen er et Word-dokument; gem listen som .xlsx eller CSV")
        )
    checked = repack(open_package(data, source, DEFAULT_LIMITS))
    try:
        workbook = load_workbook(io.BytesIO(checked), read_only=True, data_only=False)
    except Exception as error:  # noqa: BLE001 - a broken workbook is the user's input
        raise ProcureError.unreadable(source, type(error).__name__) from None
    try:
        sheet = workbook.worksheets[0]
        header_line, header, table = None, [], []
        for cells in sheet.iter_rows():
            values = [(_cell_text(c), getattr(c, "data_type", None) == "f") for c in cells]
            if not any(text for text, _ in values):
                continue
            line = next((c.row for c in cells if getattr(c, "row", None)), None)
            if header_line is None:
                header_line, header = line, [text for text, _ in values]
            else:
                table.append((line, values))
    finally:
        workbook.close()
    if header_line is None:
        raise ProcureError.invalid(source, t("filen er tom"))
    return _read_table(source, "xlsx", header_line, header, table, library)


def _read_table(
    source: str,
    file_format: str,
    header_line: int,
    header: list[str],
    table: list[tuple[int, list[tuple[str, bool]]]],
    library: Library,
) -> ImportBatch:
    columns = _columns(source, header_line, header)
    given = frozenset(_fields_of(columns.values()))
    rows, problems = [], []
    for line, cells in table:
        if not any(text.strip() for text, _ in cells):
            continue
        values, row_problems, formulas = {}, [], set()
        for index, column in columns.items():
            text, formula = cells[index] if index < len(cells) else ("", False)
            if formula:
                row_problems.append(
                    t(
                        "kolonnen '{column}' indeholder en formel; skriv værdien som tekst",
                        column=header[index].strip(),
                    )
                )
                formulas.add(column)
                continue
            values[column] = text.strip()
        record, parse_problems, unread = _record_from_cells(values, header, columns, library)
        row_problems.extend(parse_problems)
        row_problems.extend(record_problems(record, library, skip=unread | formulas))
        if row_problems:
            problems.extend(RowProblem(line, p) for p in row_problems)
        else:
            rows.append(ImportRow(line, normalised(record), given))
    if problems:
        raise ImportRejected(source, problems)
    return ImportBatch(source, file_format, tuple(rows))


def _columns(source: str, line: int, header: list[str]) -> dict[int, str]:
    """Column index → column key; the header's problems all at once."""
    columns: dict[int, str] = {}
    problems = []
    for index, title in enumerate(header):
        key = _header_key(title)
        if not key:
            continue
        column = _HEADER_OF.get(key)
        if column is None:
            problems.append(
                t(
                    "ukendt kolonne '{column}'; kendte kolonner: {known}",
                    column=title.strip(),
                    known=", ".join(spellings[0] for spellings in COLUMNS.values()),
                )
            )
        elif column in columns.values():
            problems.append(t("kolonnen '{column}' står to gange", column=title.strip()))
        else:
            columns[index] = column
    missing = [COLUMNS[c][0] for c in REQUIRED if c not in columns.values()]
    if missing:
        problems.append(
            t(
                "kolonner mangler: {columns}; første række skal være overskrifterne "
                "navn;leverandør;integrationer;fagområde;systemejer;kritikalitet",
                columns=", ".join(missing),
            )
        )
    if problems:
        raise ImportRejected(source, [RowProblem(line, p) for p in problems])
    return columns


def _header_key(title: str) -> str:
    return re.sub(r"[\s_]+", "-", str(title or "").strip().casefold().lstrip("\ufeff"))


def _fields_of(columns) -> list[str]:
    fields = []
    for column in columns:
        fields.extend(("owner_name", "owner_email") if column == "owner" else (column,))
    return fields


def _record_from_cells(values: dict[str, str], header, columns, library: Library):
    """A SystemRecord from one row's cells, the problems met reading them, and the columns
    that could not be read."""
    problems = []
    unread = set()
    title = {column: header[index].strip() for index, column in columns.items()}

    def parsed(column, parse, default=None):
        text = values.get(column, "")
        if not text and column not in REQUIRED:
            return default
        try:
            return parse(text)
        except ProcureError as error:
            problems.append(
                t("kolonnen '{column}': {problem}", column=title[column], problem=error.message)
            )
            unread.add(column)
            return default

    integrations = []
    for part in _LIST_SPLIT.split(values.get("integrations", "")):
        if part.strip():
            try:
                integrations.append(resolve_component(part.strip(), library))
            except ProcureError as error:
                problems.append(error.message)
    owner = parsed("owner", parse_owner, ("", ""))
    roles = parsed(
        "roles",
        lambda text: tuple(parse_role(r) for r in re.split(r"[\n;]+", text) if r.strip()),
        (),
    )
    record = SystemRecord(
        name=values.get("name", ""),
        vendor=values.get("vendor", ""),
        vendor_cvr=values.get("vendor_cvr", ""),
        integrations=tuple(integrations),
        category=values.get("category", ""),
        business_area=values.get("business_area", ""),
        owner_name=owner[0],
        owner_email=owner[1],
        channel=values.get("channel", ""),
        criticality=parsed("criticality", parse_criticality, "middel"),
        kle=parsed("kle", lambda text: parse_kle([text]), ()),
        contract_start=parsed("contract_start", parse_date),
        contract_end=parsed("contract_end", parse_date),
        roles=roles,
        notes=values.get("notes", ""),
        kitos_uuid=values.get("kitos_uuid", ""),
    )
    return record, problems, frozenset(unread)


def _cell_text(cell) -> str:
    import datetime as dt

    value = getattr(cell, "value", None)
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _too_large(source: str, size: int, limit: int) -> ProcureError:
    from procure.responses.package import Limits, file_too_large

    return file_too_large(source, size, Limits(max_file_bytes=limit))


# -- KITOS API v2 ---------------------------------------------------------------------------

_BUSINESS_CRITICAL = {"yes": "høj", "no": "lav"}  # DontKnow, Undecided: not given
_OWNER_ROLES = ("systemejer", "system owner", "systemansvarlig")


def _read_kitos(text: str, source: str, library: Library) -> ImportBatch:
    try:
        usages = json.loads(text)
    except (ValueError, RecursionError) as error:
        raise ProcureError.invalid(
            source, t("filen er ikke gyldig JSON: {reason}", reason=str(error)[:200])
        ) from None
    if isinstance(usages, dict):  # one usage, as GET /it-system-usages/{uuid} returns it
        usages = [usages]
    if not isinstance(usages, list):
        raise ProcureError.invalid(
            source, t("en KITOS-eksport skal være en liste af systemanvendelser")
        )
    rows, problems = [], []
    non_fki = 0
    without_owner = 0
    for number, usage in enumerate(usages, start=1):
        if not isinstance(usage, dict):
            problems.append(RowProblem(number, t("er ikke en systemanvendelse"), element=True))
            continue
        record, fields, skipped, row_problems = _kitos_record(usage, library)
        non_fki += skipped
        if record is not None and not row_problems:
            row_problems = record_problems(record, library, complete=False)
        if row_problems:
            problems.extend(RowProblem(number, p, element=True) for p in row_problems)
            continue
        if not record.owner_email:
            without_owner += 1
        rows.append(
            ImportRow(number, normalised(record), frozenset(fields), complete=False, element=True)
        )
    if problems:
        raise ImportRejected(source, problems)
    notes = []
    if non_fki:
        notes.append(
            t("relationer til systemer, der ikke er FKI, er ikke medtaget: {count}", count=non_fki)
        )
    if without_owner:
        notes.append(
            t(
                "{count} systemer har ingen systemejer med e-mail (KITOS har ingen e-mail); "
                "tilføj den med 'procure portfolio edit NAVN --owner \"Navn <mail>\"'",
                count=without_owner,
            )
        )
    return ImportBatch(source, "kitos", tuple(rows), tuple(notes))


def _kitos_record(usage: dict, library: Library):
    problems = []
    fields = {"name", "kitos_uuid", "integrations"}
    system = _get(usage, "SystemContext") or {}
    name = str(_get(system, "Name") or "").strip()
    if not name:
        problems.append(t("SystemContext.Name mangler"))
    uuid = str(_get(usage, "Uuid") or "").strip()
    if not uuid:
        problems.append(t("Uuid mangler"))
    area = _get(_get(_get(usage, "OrganizationUsage"), "ResponsibleOrganizationUnit"), "Name")
    if area:
        fields.add("business_area")
    criticality = "middel"
    critical = str(_get(_get(usage, "GDPR"), "BusinessCritical") or "").casefold()
    if critical in _BUSINESS_CRITICAL:
        criticality = _BUSINESS_CRITICAL[critical]
        fields.add("criticality")
    validity = _get(_get(usage, "General"), "Validity")
    start = end = None
    if validity:
        fields.update(("contract_start", "contract_end"))
        for key, target in (("ValidFrom", "start"), ("ValidTo", "end")):
            try:
                value = parse_date(_get(validity, key))
            except ProcureError as error:
                problems.append(
                    t("General.Validity.{key}: {problem}", key=key, problem=error.message)
                )
                value = None
            if target == "start":
                start = value
            else:
                end = value
    owner = ""
    for assignment in _get(usage, "Roles") or []:
        role = str(_get(_get(assignment, "Role"), "Name") or "").casefold()
        if any(word in role for word in _OWNER_ROLES):
            owner = str(_get(_get(assignment, "User"), "Name") or "").strip()
            if owner:
                fields.add("owner_name")
                break
    integrations, skipped = [], 0
    for relation in _get(usage, "OutgoingSystemRelations") or []:
        texts = [
            str(_get(_get(relation, "RelationInterface"), "Name") or ""),
            str(_get(_get(relation, "ToSystemUsage"), "Name") or ""),
        ]
        found = match_interface(texts, library)
        if found:
            integrations.append(found)
        else:
            skipped += 1
    kle = []
    added = _get(_get(usage, "LocalKLEDeviations"), "AddedKLE")
    if added:
        for item in added:
            number = re.match(r"\s*(\d{2})(?:\.\d{2}){0,2}\b", str(_get(item, "Name") or ""))
            if number and number.group(1) in library.kle_by_number:
                kle.append(number.group(1))
        if kle:
            fields.add("kle_added")  # KITOS lists local additions: added to what is known
    record = SystemRecord(
        name=name,
        integrations=tuple(integrations),
        business_area=str(area or ""),
        owner_name=owner,
        criticality=criticality,
        kle=tuple(kle),
        contract_start=start,
        contract_end=end,
        kitos_uuid=uuid,
    )
    return record, fields, skipped, problems


def _get(obj, key: str):
    """A KITOS field by its name as in the API's response types (`SystemContext`); the API
    serves camelCase (`systemContext`), so case does not matter."""
    if not isinstance(obj, dict):
        return None
    if key in obj:
        return obj[key]
    folded = key.casefold()
    for name, value in obj.items():
        if isinstance(name, str) and name.casefold() == folded:
            return value
    return None
