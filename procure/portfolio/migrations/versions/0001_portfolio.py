"""The portfolio: systems, their integrations, KLE groups and roles, and the audit trail.

Revision ID: 0001
Revises:
Create Date: 2026-12-10
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "systems",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("name_key", sa.String(200), nullable=False),
        sa.Column("vendor", sa.String(200), nullable=False),
        sa.Column("vendor_cvr", sa.String(8), nullable=False),
        sa.Column("category", sa.String(10), nullable=False),
        sa.Column("business_area", sa.String(200), nullable=False),
        sa.Column("owner_name", sa.String(200), nullable=False),
        sa.Column("owner_email", sa.String(254), nullable=False),
        sa.Column("channel", sa.String(500), nullable=False),
        sa.Column("criticality", sa.String(10), nullable=False),
        sa.Column("contract_start", sa.Date(), nullable=True),
        sa.Column("contract_end", sa.Date(), nullable=True),
        sa.Column("tender_id", sa.String(100), nullable=False),
        sa.Column("tender_file", sa.String(1000), nullable=False),
        sa.Column("library_version", sa.String(40), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("kitos_uuid", sa.String(36), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("removed_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_systems"),
    )
    active = sa.text("removed_at IS NULL")
    op.create_index(
        "uq_systems_active_name",
        "systems",
        ["name_key"],
        unique=True,
        sqlite_where=active,
        postgresql_where=active,
    )
    active_uuid = sa.text("removed_at IS NULL AND kitos_uuid IS NOT NULL")
    op.create_index(
        "uq_systems_active_kitos_uuid",
        "systems",
        ["kitos_uuid"],
        unique=True,
        sqlite_where=active_uuid,
        postgresql_where=active_uuid,
    )
    op.create_table(
        "system_integrations",
        sa.Column("system_id", sa.Integer(), nullable=False),
        sa.Column("integration_id", sa.String(64), nullable=False),
        sa.ForeignKeyConstraint(
            ["system_id"], ["systems.id"], name="fk_system_integrations_system_id_systems"
        ),
        sa.PrimaryKeyConstraint("system_id", "integration_id", name="pk_system_integrations"),
    )
    op.create_table(
        "system_kle",
        sa.Column("system_id", sa.Integer(), nullable=False),
        sa.Column("kle", sa.String(2), nullable=False),
        sa.ForeignKeyConstraint(
            ["system_id"], ["systems.id"], name="fk_system_kle_system_id_systems"
        ),
        sa.PrimaryKeyConstraint("system_id", "kle", name="pk_system_kle"),
    )
    op.create_table(
        "system_roles",
        sa.Column("system_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("role_id", sa.String(200), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["system_id"], ["systems.id"], name="fk_system_roles_system_id_systems"
        ),
        sa.PrimaryKeyConstraint("system_id", "position", name="pk_system_roles"),
    )
    op.create_table(
        "audit",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("system_id", sa.Integer(), nullable=False),
        sa.Column("system_name", sa.String(200), nullable=False),
        sa.Column("field", sa.String(40), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=True),
        sa.Column("new_value", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["system_id"], ["systems.id"], name="fk_audit_system_id_systems"),
        sa.PrimaryKeyConstraint("id", name="pk_audit"),
    )
    op.create_index("ix_audit_system_id", "audit", ["system_id"])


def downgrade() -> None:
    op.drop_index("ix_audit_system_id", table_name="audit")
    op.drop_table("audit")
    op.drop_table("system_roles")
    op.drop_table("system_kle")
    op.drop_table("system_integrations")
    op.drop_index("uq_systems_active_kitos_uuid", table_name="systems")
    op.drop_index("uq_systems_active_name", table_name="systems")
    op.drop_table("systems")
