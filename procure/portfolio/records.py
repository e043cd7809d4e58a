"""A system in the portfolio as plain data, and the rules every way in applies to it.

The CLI, the importers and the wizard all build a `SystemRecord` and ask `record_problems`
what is wrong with it; the store refuses a record with problems. Values typed by a person
(an owner "Name <mail>", a date, a criticality) are read by the `parse_…` functions, which
raise ProcureError with the reason.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field, fields, replace

from procure.errors import ProcureError
from procure.i18n import Message, in_words, t
from procure.library.model import Library, unknown_id_message

CRITICALITIES = ("høj", "middel", "lav")  # business criticality, most critical first
CRITICALITY_RANK = {name: rank for rank, name in enumerate(CRITICALITIES)}
_CRITICALITY_WORDS = {
    "høj": "høj",
    "hoej": "høj",
    "hoj": "høj",
    "high": "høj",
    "middel": "middel",
    "mellem": "middel",
    "medium": "middel",
    "lav": "lav",
    "low": "lav",
}
_EMAIL = re.compile(r"[^@\s<>,;]+@[^@\s<>,;]+\.[^@\s<>,;]+")
_OWNER = re.compile(r"^(?P<name>[^<>]*?)\s*<(?P<email>[^<>]*)>$")
_CVR = re.compile(r"\d{8}")
_KLE_MAIN = re.compile(r"\d{2}")
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
MAX_NAME = 200


@dataclass(frozen=True)
class SystemRole:
    """A brugersystemrolle the system exposes (published in KOMBIT's Administrationsmodul)."""

    id: str
    name: str
    description: str = ""

    def to_data(self) -> dict:
        return {"id": self.id, "name": self.name, "description": self.description}


@dataclass(frozen=True)
class SystemRecord:
    """One system: what it is, what FKI it uses, who owns it, and where it came from."""

    name: str
    vendor: str = ""
    vendor_cvr: str = ""
    integrations: tuple[str, ...] = ()  # catalogue ids, as in the library
    category: str = ""  # SKI 02.19 ydelsesområde, e.g. Y65 ("" when not given)
    business_area: str = ""  # fag-/forretningsområde
    owner_name: str = ""
    owner_email: str = ""
    channel: str = ""  # how to reach the business area in an outage
    criticality: str = "middel"
    kle: tuple[str, ...] = ()  # KLE main groups, e.g. ("27", "32")
    contract_start: dt.date | None = None
    contract_end: dt.date | None = None
    tender_id: str = ""
    tender_file: str = ""
    library_version: str = ""
    roles: tuple[SystemRole, ...] = ()
    notes: str = ""
    kitos_uuid: str = ""
    # Set by the store
    id: int | None = field(default=None, compare=False)
    removed_at: dt.datetime | None = field(default=None, compare=False)

    @property
    def owner(self) -> str:
        """ "Name <mail>" as typed, or whichever half is known."""
        if self.owner_name and self.owner_email:
            return f"{self.owner_name} <{self.owner_email}>"
        return self.owner_name or self.owner_email

    @property
    def key(self) -> tuple[str, str]:
        """How an import recognises the system when it has no KITOS uuid."""
        return (_fold(self.name), _fold(self.vendor))

    def to_data(self) -> dict:
        """The JSON shape of `portfolio list/show --format json`."""
        return {
            "name": self.name,
            "vendor": self.vendor,
            "vendor_cvr": self.vendor_cvr,
            "integrations": list(self.integrations),
            "category": self.category,
            "business_area": self.business_area,
            "owner": self.owner,
            "criticality": self.criticality,
            "channel": self.channel,
            "kle": list(self.kle),
            "contract_start": _iso(self.contract_start),
            "contract_end": _iso(self.contract_end),
            "tender_id": self.tender_id,
            "tender_file": self.tender_file,
            "library_version": self.library_version,
            "roles": [role.to_data() for role in self.roles],
            "notes": self.notes,
            "kitos_uuid": self.kitos_uuid,
            "removed": self.removed_at is not None,
        }


# The fields a person or a file sets (not the store's own id and removal stamp), in order
RECORD_FIELDS = tuple(f.name for f in fields(SystemRecord) if f.name not in ("id", "removed_at"))


def normalised(record: SystemRecord) -> SystemRecord:
    """The record as stored: text trimmed, integrations and KLE groups sorted without
    duplicates (so the same system read twice compares equal)."""
    return replace(
        record,
        name=" ".join(record.name.split()),
        vendor=record.vendor.strip(),
        vendor_cvr=record.vendor_cvr.strip().replace(" ", ""),
        integrations=tuple(sorted({i.strip() for i in record.integrations if i.strip()})),
        category=record.category.strip().upper(),
        business_area=record.business_area.strip(),
        owner_name=record.owner_name.strip(),
        owner_email=record.owner_email.strip(),
        channel=record.channel.strip(),
        criticality=record.criticality.strip(),
        kle=tuple(sorted(dict.fromkeys(k.strip() for k in record.kle if k.strip()))),
        tender_id=record.tender_id.strip(),
        library_version=record.library_version.strip(),
        notes=record.notes.strip(),
        kitos_uuid=record.kitos_uuid.strip().lower(),
    )


def record_problems(
    record: SystemRecord,
    library: Library,
    *,
    complete: bool = True,
    skip: frozenset[str] = frozenset(),
) -> list[Message]:
    """Everything wrong with `record`, each a message a person can act on; empty when fine.

    `complete` asks for what an officer must give when adding a system by hand or by a
    spreadsheet (business area and an owner with e-mail); a KITOS export carries neither.
    `skip` names fields whose value could not be read (already reported by the reader).
    """
    problems: list[Message] = []
    if "name" in skip:
        pass
    elif not record.name.strip():
        problems.append(t("navn mangler"))
    elif len(record.name) > MAX_NAME:
        problems.append(t("navnet er for langt (højst {limit} tegn)", limit=MAX_NAME))
    if record.criticality not in CRITICALITIES:
        problems.append(
            t(
                "kritikalitet '{value}' er ukendt; brug høj, middel eller lav",
                value=record.criticality,
            )
        )
    if record.vendor_cvr and not _CVR.fullmatch(record.vendor_cvr):
        problems.append(t("CVR-nummer '{value}' skal være 8 cifre", value=record.vendor_cvr))
    if complete and not record.business_area and "business_area" not in skip:
        problems.append(t("fagområde mangler"))
    if "owner" in skip:
        pass
    elif complete and not record.owner_email:
        problems.append(t("systemejer mangler e-mail; skriv fx 'Ane Hansen <ane@kommune.dk>'"))
    elif record.owner_email and not _EMAIL.fullmatch(record.owner_email):
        problems.append(t("'{value}' er ikke en e-mailadresse", value=record.owner_email))
    if (
        record.contract_start
        and record.contract_end
        and record.contract_end < record.contract_start
    ):
        problems.append(
            t(
                "kontraktudløb {end} ligger før kontraktstart {start}",
                end=record.contract_end.isoformat(),
                start=record.contract_start.isoformat(),
            )
        )
    for integration in record.integrations:
        if integration not in library.integrations_by_id:
            from procure.portfolio.catalogue import unknown_integration

            problems.append(unknown_integration(integration, library))
    if record.category and record.category not in library.categories_by_code:
        problems.append(unknown_id_message("kategori", record.category, library.categories_by_code))
    for group in record.kle:
        if group not in library.kle_by_number:
            problems.append(unknown_id_message("KLE-hovedgruppe", group, library.kle_by_number))
    if record.kitos_uuid and not _UUID.fullmatch(record.kitos_uuid):
        problems.append(t("KITOS-uuid '{value}' er ikke et uuid", value=record.kitos_uuid))
    seen_roles: set[str] = set()
    for role in record.roles:
        if not role.id or not role.name:
            problems.append(t("en brugersystemrolle skal have id og navn"))
        elif role.id in seen_roles:
            problems.append(t("brugersystemrollen '{id}' står to gange", id=role.id))
        seen_roles.add(role.id)
    return problems


def check_record(record: SystemRecord, library: Library, *, complete: bool = True) -> None:
    """Raise ProcureError naming the system and every problem, if it has any."""
    problems = record_problems(record, library, complete=complete)
    if problems:
        raise ProcureError(
            t(
                "systemet '{name}' kan ikke gemmes: {problems}",
                name=record.name,
                problems=_joined(problems),
            )
        )


@dataclass(frozen=True)
class ImportRow:
    """One system read from an import file: where it stands, what it says, and which fields
    the file gives (a field the file does not have leaves a known system's value alone)."""

    line: int  # the row's line in a CSV, its row in a sheet, its place in a KITOS list
    record: SystemRecord
    fields: frozenset[str]  # record fields; "kle_added": its KLE groups add to the known ones
    complete: bool = True  # whether record_problems asks for owner and business area
    element: bool = False  # `line` counts the systems of a KITOS list, not lines


@dataclass(frozen=True)
class RowProblem:
    line: int | None
    message: object  # a Message (or Joined), put into words when shown
    element: bool = False  # `line` counts the systems of a KITOS list, not lines

    def text(self, source: str, lang: str | None = None) -> str:
        if self.line is None:
            where = source
        elif self.element:
            where = in_words(
                t("{source}: system nr. {number}", source=source, number=self.line), lang
            )
        else:
            where = f"{source}:{self.line}"
        return f"{where}: {in_words(self.message, lang)}"


class ImportRejected(ProcureError):
    """An import with bad rows: `problems` lists every one; nothing was written."""

    def __init__(self, source: str, problems: list[RowProblem]):
        self.source = source
        self.problems = problems
        super().__init__(
            t(
                "{source}: intet er importeret – {count} rækker har fejl",
                source=source,
                count=len({p.line for p in problems}),
            )
        )

    def lines(self, lang: str | None = None) -> list[str]:
        return [problem.text(self.source, lang) for problem in self.problems]


# Reading what a person typed --------------------------------------------------------------


def parse_owner(text: str) -> tuple[str, str]:
    """ "Ane Hansen <ane@kommune.dk>" (or a bare address) → (name, e-mail)."""
    text = " ".join(str(text or "").split())
    if not text:
        raise ProcureError(t("systemejer mangler; skriv fx 'Ane Hansen <ane@kommune.dk>'"))
    match = _OWNER.match(text)
    if match:
        name, email = match.group("name").strip(), match.group("email").strip()
    elif _EMAIL.fullmatch(text):
        name, email = "", text
    else:
        found = _EMAIL.search(text)
        if not found:
            raise ProcureError(
                t(
                    "systemejer '{text}' mangler e-mail; skriv fx 'Ane Hansen <ane@kommune.dk>'",
                    text=text,
                )
            )
        name, email = text[: found.start()].strip(" ,;"), found.group(0)
    if not _EMAIL.fullmatch(email):
        raise ProcureError(t("'{value}' er ikke en e-mailadresse", value=email))
    return name, email


def parse_criticality(text: str) -> str:
    value = _CRITICALITY_WORDS.get(str(text or "").strip().casefold())
    if value is None:
        raise ProcureError(
            t("kritikalitet '{value}' er ukendt; brug høj, middel eller lav", value=text)
        )
    return value


_DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%Y", "%d.%m.%y", "%d-%m-%y")


def parse_date(value: object) -> dt.date | None:
    """A date as typed: 2027-03-31, 31-03-2027, 31.03.2027 or 31/03/2027 (a spreadsheet's own
    date cells too); None for an empty value."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not text:
        return None
    if "T" in text:  # KITOS: 2027-12-31T00:00:00Z
        text = text.split("T", 1)[0]
    for pattern in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ProcureError(
        t("'{value}' er ikke en dato; skriv fx 2027-03-31 eller 31-03-2027", value=text)
    )


def parse_role(text: str) -> SystemRole:
    """ "ID|Navn|Beskrivelse" (the description may be left out) → a SystemRole."""
    parts = [part.strip() for part in str(text).split("|")]
    if len(parts) < 2 or not parts[0] or not parts[1] or len(parts) > 3:
        raise ProcureError(
            t(
                "brugersystemrolle '{text}' skal skrives 'id|navn|beskrivelse'",
                text=text,
            )
        )
    return SystemRole(parts[0], parts[1], parts[2] if len(parts) == 3 else "")


def parse_kle(values) -> tuple[str, ...]:
    """KLE main groups from "27, 32" or ["27", "32.01"]: the two-digit main group of each."""
    found = []
    for value in values:
        for part in re.split(r"[,;\s]+", str(value)):
            if not part:
                continue
            main = part.split(".")[0].zfill(2) if part[:1].isdigit() else part
            if not _KLE_MAIN.fullmatch(main):
                raise ProcureError(
                    t("'{value}' er ikke en KLE-hovedgruppe (to cifre, fx 27)", value=part)
                )
            found.append(main)
    return tuple(found)


def value_json(value: object) -> str | None:
    """A field's value as the audit table stores it."""
    if value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return json.dumps(value.isoformat())
    if isinstance(value, tuple):
        return json.dumps(
            [v.to_data() if isinstance(v, SystemRole) else v for v in value], ensure_ascii=False
        )
    return json.dumps(value, ensure_ascii=False)


@dataclass(frozen=True)
class Joined:
    """Several messages shown as one ("a; b; c"), each put into words late like a Message."""

    items: tuple
    separator: str = "; "

    def text(self, lang: str | None = None) -> str:
        return self.separator.join(str(in_words(item, lang)) for item in self.items)

    def __str__(self) -> str:
        return self.text()


def _joined(problems) -> Joined:
    return Joined(tuple(problems))


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None
