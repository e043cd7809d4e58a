"""The portfolio's tables (SQLAlchemy Core), the one place the database's shape is written down.

A system is never deleted: `remove` stamps `removed_at`, so its rows and its audit trail stay.
Names are unique among the systems in use (a partial unique index on the case-folded name, on SQLite
and PostgreSQL alike), so a removed system's name can be used again. The Alembic migrations in
`migrations/versions/` create exactly these tables; a test compares the two.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

# Constraint names fixed here, so migrations on SQLite (batch mode) and PostgreSQL agree.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

systems = Table(
    "systems",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(200), nullable=False),
    # The name case-folded by Python: SQLite's lower() only folds ASCII (Æ, Ø, Å stay).
    Column("name_key", String(200), nullable=False),
    Column("vendor", String(200), nullable=False, default=""),
    Column("vendor_cvr", String(8), nullable=False, default=""),
    Column("category", String(10), nullable=False, default=""),
    Column("business_area", String(200), nullable=False, default=""),
    Column("owner_name", String(200), nullable=False, default=""),
    Column("owner_email", String(254), nullable=False, default=""),
    Column("channel", String(500), nullable=False, default=""),
    Column("criticality", String(10), nullable=False),
    Column("contract_start", Date, nullable=True),
    Column("contract_end", Date, nullable=True),
    Column("tender_id", String(100), nullable=False, default=""),
    Column("tender_file", String(1000), nullable=False, default=""),
    Column("library_version", String(40), nullable=False, default=""),
    Column("notes", Text, nullable=False, default=""),
    Column("kitos_uuid", String(36), nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("removed_at", DateTime(timezone=True), nullable=True),
)

# One name per system in use, whatever its case; removed systems keep theirs.
Index(
    "uq_systems_active_name",
    systems.c.name_key,
    unique=True,
    sqlite_where=systems.c.removed_at.is_(None),
    postgresql_where=systems.c.removed_at.is_(None),
)
Index(
    "uq_systems_active_kitos_uuid",
    systems.c.kitos_uuid,
    unique=True,
    sqlite_where=systems.c.removed_at.is_(None) & systems.c.kitos_uuid.isnot(None),
    postgresql_where=systems.c.removed_at.is_(None) & systems.c.kitos_uuid.isnot(None),
)

system_integrations = Table(
    "system_integrations",
    metadata,
    Column("system_id", ForeignKey("systems.id"), primary_key=True),
    Column("integration_id", String(64), primary_key=True),  # a catalogue id, e.g. organisation
)

system_kle = Table(
    "system_kle",
    metadata,
    Column("system_id", ForeignKey("systems.id"), primary_key=True),
    Column("kle", String(2), primary_key=True),  # a KLE main group, e.g. "27"
)

# The brugersystemroller a system exposes (KOMBIT's note, section 4), in the order given.
system_roles = Table(
    "system_roles",
    metadata,
    Column("system_id", ForeignKey("systems.id"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("role_id", String(200), nullable=False),
    Column("name", String(200), nullable=False),
    Column("description", Text, nullable=False, default=""),
)

# Who changed what, when: one row per changed field (an added system is one row, field "*",
# with the whole record as its new value). Values are JSON text.
audit = Table(
    "audit",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("actor", String(200), nullable=False),
    Column("action", String(20), nullable=False),  # add, edit, remove, import, register
    Column("system_id", ForeignKey("systems.id"), nullable=False, index=True),
    Column("system_name", String(200), nullable=False),
    Column("field", String(40), nullable=False),
    Column("old_value", Text, nullable=True),
    Column("new_value", Text, nullable=True),
)
