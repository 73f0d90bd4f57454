"""incidents, their members, mention features and analysts' decisions

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "incidents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.Column("mention_count", sa.Integer(), nullable=False),
        sa.Column("document_count", sa.Integer(), nullable=False),
        sa.Column("block_start", sa.Date(), nullable=True),
        sa.Column("block_end", sa.Date(), nullable=True),
        sa.Column("latitude", sa.Double(), nullable=True),
        sa.Column("longitude", sa.Double(), nullable=True),
        sa.Column("country_code", sa.String(length=2), nullable=True),
        sa.Column("event_type", sa.String(length=60), nullable=True),
        sa.Column("date_start", sa.Date(), nullable=True),
        sa.Column("date_end", sa.Date(), nullable=True),
        sa.Column("place_name", sa.Text(), nullable=True),
        sa.Column("place_precision", sa.String(length=20), nullable=True),
        sa.Column("canonical", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key"),
    )
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_incidents_block_start"), ["block_start"], unique=False)
        batch_op.create_index(batch_op.f("ix_incidents_latitude"), ["latitude"], unique=False)

    op.create_table(
        "resolve_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("rationale", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "incident_members",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("mention_id", sa.Integer(), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("method", sa.String(length=20), nullable=False),
        sa.Column("score", sa.Double(), nullable=True),
        sa.Column("signals", sa.Text(), nullable=False),
        sa.Column("since", sa.DateTime(), nullable=False),
        sa.Column("until", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.id"],
        ),
        sa.ForeignKeyConstraint(
            ["mention_id"],
            ["mentions.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("incident_members", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_incident_members_incident_id"), ["incident_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_incident_members_mention_id"), ["mention_id"], unique=False
        )
        batch_op.create_index(
            "ux_incident_members_current",
            ["mention_id"],
            unique=True,
            sqlite_where=sa.text("until IS NULL"),
            postgresql_where=sa.text("until IS NULL"),
        )

    op.create_table(
        "mention_features",
        sa.Column("mention_id", sa.Integer(), nullable=False),
        sa.Column("embedder", sa.String(length=100), nullable=False),
        sa.Column("vector", sa.LargeBinary(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["mention_id"],
            ["mentions.id"],
        ),
        sa.PrimaryKeyConstraint("mention_id"),
    )


def downgrade() -> None:
    op.drop_table("mention_features")
    with op.batch_alter_table("incident_members", schema=None) as batch_op:
        batch_op.drop_index(
            "ux_incident_members_current",
            sqlite_where=sa.text("until IS NULL"),
            postgresql_where=sa.text("until IS NULL"),
        )
        batch_op.drop_index(batch_op.f("ix_incident_members_mention_id"))
        batch_op.drop_index(batch_op.f("ix_incident_members_incident_id"))

    op.drop_table("incident_members")
    op.drop_table("resolve_decisions")
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_incidents_latitude"))
        batch_op.drop_index(batch_op.f("ix_incidents_block_start"))

    op.drop_table("incidents")
