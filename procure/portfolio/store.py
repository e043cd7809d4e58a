"""The portfolio store: every read and write of the database goes through here.

Each write is one transaction together with its audit rows (who, when, which field, old and
new value), so a failure leaves nothing half-written. A removed system keeps its rows and
history. Records are checked with `records.record_problems` against the library release in
force before anything is written.
"""

from __future__ import annotations

import datetime as dt
import difflib
import getpass
import json
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace

from sqlalchemy import Connection, delete, exc, func, insert, select, update

from procure.errors import ProcureError
from procure.i18n import t
from procure.library.model import Library
from procure.portfolio.database import database_errors, engine_for
from procure.portfolio.models import audit, system_integrations, system_kle, system_roles, systems
from procure.portfolio.records import (
    RECORD_FIELDS,
    ImportRejected,
    ImportRow,
    RowProblem,
    SystemRecord,
    SystemRole,
    check_record,
    normalised,
    record_problems,
    value_json,
)

# Fields kept in `systems` itself (the rest live in child tables)
_COLUMNS = tuple(
    f for f in RECORD_FIELDS if f not in ("integrations", "kle", "roles", "kitos_uuid")
)


@dataclass(frozen=True)
class AuditEntry:
    at: dt.datetime
    actor: str
    action: str
    system: str
    field: str
    old: object
    new: object

    def to_data(self) -> dict:
        return {
            "at": self.at.isoformat(timespec="seconds"),
            "actor": self.actor,
            "action": self.action,
            "system": self.system,
            "field": self.field,
            "old": self.old,
            "new": self.new,
        }


@dataclass(frozen=True)
class ImportOutcome:
    added: tuple[str, ...]
    updated: tuple[str, ...]
    unchanged: tuple[str, ...]


def current_user() -> str:
    """Who is making a change, when the caller does not say: the login name."""
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name (a container): still record something
        return "ukendt"


class PortfolioStore:
    """The systems of one portfolio database. Cheap to create: engines are shared per URL."""

    def __init__(self, url: str | None = None, library: Library | None = None):
        self.engine = engine_for(url)
        self._library = library

    @property
    def library(self) -> Library:
        """The library records are checked against: the one given, else the release in force."""
        if self._library is None:
            from procure.portfolio.catalogue import library_in_force

            self._library = library_in_force()
        return self._library

    # -- Reading -----------------------------------------------------------------------------

    def systems(self, *, include_removed: bool = False) -> list[SystemRecord]:
        """Every system in use (and the removed ones if asked), sorted by name."""
        with self._read() as conn:
            query = select(systems)
            if not include_removed:
                query = query.where(systems.c.removed_at.is_(None))
            rows = conn.execute(query).mappings().all()
            records = _assemble(conn, rows, all_children=True)
        return sorted(records, key=lambda r: (r.name.casefold(), r.removed_at is not None))

    def get(self, name: str) -> SystemRecord:
        """The system in use with this name (any case); ProcureError naming the nearest."""
        with self._read() as conn:
            row = _active_by_name(conn, name)
            if row is None:
                names = conn.execute(
                    select(systems.c.name).where(systems.c.removed_at.is_(None))
                ).scalars()
                raise ProcureError(_unknown_system(name, list(names)))
            return _assemble(conn, [row])[0]

    def history(self, name: str) -> list[AuditEntry]:
        """Every change to the system with this name (in use or removed), oldest first."""
        key = _name_key(name)
        with self._read() as conn:
            ids = conn.execute(select(systems.c.id).where(systems.c.name_key == key)).scalars()
            ids = list(ids)
            if not ids:
                names = conn.execute(select(systems.c.name)).scalars()
                raise ProcureError(_unknown_system(name, list(names)))
            rows = conn.execute(
                select(audit).where(audit.c.system_id.in_(ids)).order_by(audit.c.id)
            ).mappings()
            return [
                AuditEntry(
                    _utc(row["at"]),
                    row["actor"],
                    row["action"],
                    row["system_name"],
                    row["field"],
                    _loads(row["old_value"]),
                    _loads(row["new_value"]),
                )
                for row in rows
            ]

    def revision(self) -> tuple[int, int]:
        """A stamp that changes with every write, cheap to ask for: (audit rows, newest audit
        id). Every write adds audit rows and none are ever deleted, so the count grows with
        each commit, also when two PostgreSQL transactions commit out of id order. The wizard
        reads the systems again only when it changes."""
        with self._read() as conn:
            count, newest = conn.execute(select(func.count(), func.max(audit.c.id))).one()
        return int(count), int(newest or 0)

    # -- Writing -----------------------------------------------------------------------------

    def add(self, record: SystemRecord, *, actor: str | None = None, action: str = "add"):
        """Add a system; ProcureError (nothing written) if it breaks a rule or its name is
        taken. Returns the record as stored."""
        record = normalised(record)
        check_record(record, self.library)
        with self._write() as conn:
            if _active_by_name(conn, record.name) is not None:
                raise _duplicate(record.name)
            _uuid_free(conn, record.kitos_uuid, None)
            now = _now()
            system_id = _insert(conn, [record], now)[0]
            _audit(conn, now, actor, action, system_id, record.name, [("*", None, record)])
        return replace(record, id=system_id)

    def edit(
        self, name: str, changes: Mapping[str, object], *, actor: str | None = None
    ) -> tuple[SystemRecord, tuple[str, ...]]:
        """Change fields of the system named `name`; returns it as stored and the names of
        the fields that changed (none: nothing is written)."""
        unknown = set(changes) - set(RECORD_FIELDS)
        if unknown:
            raise ValueError(f"not record fields: {sorted(unknown)}")
        with self._write() as conn:
            row = _active_by_name(conn, name)
            if row is None:
                names = conn.execute(
                    select(systems.c.name).where(systems.c.removed_at.is_(None))
                ).scalars()
                raise ProcureError(_unknown_system(name, list(names)))
            old = _assemble(conn, [row])[0]
            new = normalised(replace(old, **changes))
            check_record(new, self.library)
            changed = _changed_fields(old, new)
            if not changed:
                return old, ()
            self._update(conn, old, new, changed, actor, "edit")
        return new, changed

    def remove(self, name: str, *, actor: str | None = None) -> SystemRecord:
        """Take a system out of use. Its rows and history stay; its name is free again."""
        with self._write() as conn:
            row = _active_by_name(conn, name)
            if row is None:
                names = conn.execute(
                    select(systems.c.name).where(systems.c.removed_at.is_(None))
                ).scalars()
                raise ProcureError(_unknown_system(name, list(names)))
            now = _now()
            conn.execute(
                update(systems)
                .where(systems.c.id == row["id"])
                .values(removed_at=now, updated_at=now)
            )
            _audit(conn, now, actor, "remove", row["id"], row["name"], [("removed", False, True)])
            record = _assemble(conn, [row])[0]
        return replace(record, removed_at=now)

    def import_rows(
        self,
        rows: list[ImportRow],
        *,
        source: str,
        actor: str | None = None,
        dry_run: bool = False,
    ) -> ImportOutcome:
        """Add or update every row in one transaction, or nothing: a row that breaks a rule,
        takes a name in use or repeats another row is listed in ImportRejected.

        A row is the system with its KITOS uuid, else the one with its name and vendor (its
        name alone when the file has no vendor). Fields the file does not have keep their
        values; a row that changes nothing is left alone, so importing a file twice changes
        nothing the second time. `dry_run` checks everything and writes nothing.
        """
        library = self.library
        problems: list[RowProblem] = []
        with self._write() as conn:
            existing = _assemble(
                conn,
                conn.execute(select(systems).where(systems.c.removed_at.is_(None)))
                .mappings()
                .all(),
                all_children=True,
            )
            by_uuid = {r.kitos_uuid: r for r in existing if r.kitos_uuid}
            by_key = {r.key: r for r in existing}
            by_name = {_name_key(r.name): r for r in existing}
            claimed: dict[object, int] = {}  # a system's id or a new name → the row that has it
            plan: list[tuple[ImportRow, SystemRecord | None, SystemRecord]] = []
            for row in rows:
                incoming = normalised(row.record)
                match = by_uuid.get(incoming.kitos_uuid) if incoming.kitos_uuid else None
                if match is None:
                    if "vendor" in row.fields:
                        candidate = by_key.get(incoming.key)
                    else:
                        candidate = by_name.get(_name_key(incoming.name))
                    # one with another KITOS uuid is another system of the same name
                    if candidate is not None and not (candidate.kitos_uuid and incoming.kitos_uuid):
                        match = candidate
                new = _merged(match, incoming, row.fields) if match else incoming
                row_problems = record_problems(new, library, complete=row.complete)
                claim = match.id if match else _name_key(new.name)
                if claim in claimed:
                    row_problems.append(
                        t("systemet står også på linje {line}", line=claimed[claim])
                    )
                claimed.setdefault(claim, row.line)
                holder = by_name.get(_name_key(new.name))
                if new.name and holder is not None and (match is None or holder.id != match.id):
                    row_problems.append(_duplicate_in_import(holder))
                if match is not None and _name_key(new.name) != _name_key(match.name):
                    claimed.setdefault(_name_key(new.name), row.line)
                holder = by_uuid.get(new.kitos_uuid) if new.kitos_uuid else None
                if holder is not None and (match is None or holder.id != match.id):
                    row_problems.append(
                        t("KITOS-uuid'et tilhører allerede systemet '{name}'", name=holder.name)
                    )
                problems.extend(RowProblem(row.line, p, row.element) for p in row_problems)
                plan.append((row, match, new))
            if problems:
                raise ImportRejected(source, problems)
            added = [new for _, match, new in plan if match is None]
            if dry_run:
                changed = [new for _, match, new in plan if match and _changed_fields(match, new)]
                same = [new for _, match, new in plan if match and not _changed_fields(match, new)]
                return ImportOutcome(
                    tuple(r.name for r in added),
                    tuple(r.name for r in changed),
                    tuple(r.name for r in same),
                )
            now = _now()
            ids = _insert(conn, added, now) if added else []
            _audit_many(
                conn,
                [
                    (now, actor, "import", system_id, record.name, "*", None, record)
                    for system_id, record in zip(ids, added, strict=True)
                ],
            )
            updated, unchanged = [], []
            for _, match, new in plan:
                if match is None:
                    continue
                changed = _changed_fields(match, new)
                if changed:
                    self._update(conn, match, new, changed, actor, "import", now)
                    updated.append(new.name)
                else:
                    unchanged.append(new.name)
        return ImportOutcome(tuple(r.name for r in added), tuple(updated), tuple(unchanged))

    # -- Private -----------------------------------------------------------------------------

    def _update(
        self,
        conn: Connection,
        old: SystemRecord,
        new: SystemRecord,
        changed: tuple[str, ...],
        actor: str | None,
        action: str,
        now: dt.datetime | None = None,
    ) -> None:
        now = now or _now()
        renamed = "name" in changed and _name_key(new.name) != _name_key(old.name)
        if renamed and _active_by_name(conn, new.name) is not None:
            raise _duplicate(new.name)
        if "kitos_uuid" in changed:
            _uuid_free(conn, new.kitos_uuid, old.id)
        values = {f: getattr(new, f) for f in changed if f in _COLUMNS}
        if "name" in changed:
            values["name_key"] = _name_key(new.name)
        if "kitos_uuid" in changed:
            values["kitos_uuid"] = new.kitos_uuid or None
        values["updated_at"] = now
        conn.execute(update(systems).where(systems.c.id == old.id).values(**values))
        for field_name in ("integrations", "kle", "roles"):
            if field_name in changed:
                table = _CHILD_TABLES[field_name]
                conn.execute(delete(table).where(table.c.system_id == old.id))
                children = _child_rows(field_name, old.id, getattr(new, field_name))
                if children:
                    conn.execute(insert(table), children)
        _audit(
            conn,
            now,
            actor,
            action,
            old.id,
            new.name,
            [(f, getattr(old, f), getattr(new, f)) for f in changed],
        )

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with database_errors(self.engine.url), self.engine.connect() as conn:
            yield conn

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """One transaction; on SQLite it takes the write lock at once (BEGIN IMMEDIATE), so
        two writers wait for each other instead of failing half-way."""
        with database_errors(self.engine.url), self.engine.connect() as conn:
            conn.execution_options(procure_write=True)
            try:
                with conn.begin():
                    yield conn
            except exc.IntegrityError as error:  # another program took the name meanwhile
                raise ProcureError(
                    t(
                        "ændringen strider mod en anden samtidig ændring ({reason}); prøv igen",
                        reason=str(error.orig).splitlines()[0],
                    )
                ) from None


# Module-private helpers ------------------------------------------------------------------

_CHILD_TABLES = {"integrations": system_integrations, "kle": system_kle, "roles": system_roles}


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def _utc(value: dt.datetime) -> dt.datetime:
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value


def _name_key(name: str) -> str:
    return " ".join(str(name).split()).casefold()


def _active_by_name(conn: Connection, name: str):
    return (
        conn.execute(
            select(systems).where(
                systems.c.name_key == _name_key(name), systems.c.removed_at.is_(None)
            )
        )
        .mappings()
        .first()
    )


def _uuid_free(conn: Connection, uuid: str, system_id: int | None) -> None:
    if not uuid:
        return
    holder = conn.execute(
        select(systems.c.id, systems.c.name).where(
            systems.c.kitos_uuid == uuid, systems.c.removed_at.is_(None)
        )
    ).first()
    if holder is not None and holder.id != system_id:
        raise ProcureError(t("KITOS-uuid'et tilhører allerede systemet '{name}'", name=holder.name))


def _duplicate(name: str) -> ProcureError:
    return ProcureError(
        t(
            "der findes allerede et system med navnet '{name}'; vælg et andet navn eller ret "
            "det eksisterende med 'procure portfolio edit'",
            name=name,
        )
    )


def _duplicate_in_import(holder: SystemRecord):
    return t(
        "navnet er allerede brugt af systemet '{name}' fra leverandøren '{vendor}'; brug samme "
        "navn og leverandør for at opdatere det, eller et andet navn",
        name=holder.name,
        vendor=holder.vendor or "-",
    )


def _unknown_system(name: str, names: list[str]):
    close = difflib.get_close_matches(name, names, n=3, cutoff=0.5)
    if close:
        return t(
            "intet system hedder '{name}'; mente du {suggestions}?",
            name=name,
            suggestions=", ".join(close),
        )
    return t("intet system hedder '{name}' (se 'procure portfolio list')", name=name)


def _merged(existing: SystemRecord, incoming: SystemRecord, given: Iterable[str]):
    """`existing` with the fields an import file gives taken from `incoming`."""
    given = set(given)
    changes = {f: getattr(incoming, f) for f in given if f in RECORD_FIELDS}
    if "kle_added" in given:
        changes["kle"] = tuple({*existing.kle, *incoming.kle})
    if "owner_name" in given and "owner_email" not in given:
        # KITOS knows the owner's name, not the address: keep the address for the same person
        if _name_key(existing.owner_name) == _name_key(incoming.owner_name):
            changes.pop("owner_name")
        else:
            changes["owner_email"] = ""
    return normalised(replace(existing, **changes))


def _changed_fields(old: SystemRecord, new: SystemRecord) -> tuple[str, ...]:
    return tuple(f for f in RECORD_FIELDS if getattr(old, f) != getattr(new, f))


def _system_values(record: SystemRecord, now: dt.datetime) -> dict:
    values = {f: getattr(record, f) for f in _COLUMNS}
    values.update(
        name_key=_name_key(record.name),
        kitos_uuid=record.kitos_uuid or None,
        created_at=now,
        updated_at=now,
        removed_at=None,
    )
    return values


def _insert(conn: Connection, records: list[SystemRecord], now: dt.datetime) -> list[int]:
    """Insert systems and their child rows in a few statements; their new ids, in order."""
    result = conn.execute(
        insert(systems).returning(systems.c.id, sort_by_parameter_order=True),
        [_system_values(r, now) for r in records],
    )
    ids = [row[0] for row in result]
    for field_name, table in _CHILD_TABLES.items():
        children = [
            child
            for system_id, record in zip(ids, records, strict=True)
            for child in _child_rows(field_name, system_id, getattr(record, field_name))
        ]
        if children:
            conn.execute(insert(table), children)
    return ids


def _child_rows(field_name: str, system_id: int, values) -> list[dict]:
    if field_name == "integrations":
        return [{"system_id": system_id, "integration_id": v} for v in values]
    if field_name == "kle":
        return [{"system_id": system_id, "kle": v} for v in values]
    return [
        {
            "system_id": system_id,
            "position": i,
            "role_id": role.id,
            "name": role.name,
            "description": role.description,
        }
        for i, role in enumerate(values)
    ]


def _assemble(conn: Connection, rows, *, all_children: bool = False) -> list[SystemRecord]:
    """SystemRecords from `systems` rows and their child rows (fetched whole for a listing,
    by id for one system)."""
    if not rows:
        return []
    ids = [row["id"] for row in rows]
    wanted = set(ids)
    children: dict[str, dict[int, list]] = {name: {} for name in _CHILD_TABLES}
    for field_name, table in _CHILD_TABLES.items():
        query = select(table)
        if not all_children:
            query = query.where(table.c.system_id.in_(ids))
        if field_name == "roles":
            query = query.order_by(table.c.system_id, table.c.position)
        for child in conn.execute(query).mappings():
            if child["system_id"] not in wanted:
                continue
            bucket = children[field_name].setdefault(child["system_id"], [])
            if field_name == "integrations":
                bucket.append(child["integration_id"])
            elif field_name == "kle":
                bucket.append(child["kle"])
            else:
                bucket.append(SystemRole(child["role_id"], child["name"], child["description"]))
    records = []
    for row in rows:
        system_id = row["id"]
        values = {f: row[f] for f in _COLUMNS}
        records.append(
            normalised(
                SystemRecord(
                    **values,
                    integrations=tuple(sorted(children["integrations"].get(system_id, ()))),
                    kle=tuple(children["kle"].get(system_id, ())),
                    roles=tuple(children["roles"].get(system_id, ())),
                    kitos_uuid=row["kitos_uuid"] or "",
                    id=system_id,
                    removed_at=_utc(row["removed_at"]) if row["removed_at"] else None,
                )
            )
        )
    return records


def _audit(conn, now, actor, action, system_id, name, changes) -> None:
    _audit_many(
        conn,
        [(now, actor, action, system_id, name, f, old, new) for f, old, new in changes],
    )


def _audit_many(conn: Connection, entries: list[tuple]) -> None:
    if not entries:
        return
    who_default = current_user()
    conn.execute(
        insert(audit),
        [
            {
                "at": now,
                "actor": actor or who_default,
                "action": action,
                "system_id": system_id,
                "system_name": name,
                "field": field_name,
                "old_value": _dumps(old),
                "new_value": _dumps(new),
            }
            for now, actor, action, system_id, name, field_name, old, new in entries
        ],
    )


def _dumps(value: object) -> str | None:
    if isinstance(value, SystemRecord):
        return json.dumps(value.to_data(), ensure_ascii=False)
    return value_json(value)


def _loads(text: str | None) -> object:
    return None if text is None else json.loads(text)
