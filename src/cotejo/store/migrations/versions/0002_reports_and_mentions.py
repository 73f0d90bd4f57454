"""reports and mentions

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_sha256", sa.String(length=64), nullable=False),
        sa.Column("extractor_version", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("payload_sha256", sa.String(length=64), nullable=False),
        sa.Column("mention_count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_sha256"],
            ["documents.sha256"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("document_sha256", "extractor_version"),
    )
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_reports_document_sha256"), ["document_sha256"], unique=False
        )

    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("document_sha256", sa.String(length=64), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("event_type", sa.String(length=60), nullable=False),
        sa.Column("date_start", sa.Date(), nullable=True),
        sa.Column("date_end", sa.Date(), nullable=True),
        sa.Column("date_precision", sa.String(length=10), nullable=True),
        sa.Column("place_name", sa.Text(), nullable=True),
        sa.Column("place_precision", sa.String(length=20), nullable=True),
        sa.Column("geonames_id", sa.Integer(), nullable=True),
        sa.Column("latitude", sa.Double(), nullable=True),
        sa.Column("longitude", sa.Double(), nullable=True),
        sa.Column("country_code", sa.String(length=2), nullable=True),
        sa.Column("admin1", sa.Text(), nullable=True),
        sa.Column("killed_low", sa.Integer(), nullable=True),
        sa.Column("killed_high", sa.Integer(), nullable=True),
        sa.Column("injured_low", sa.Integer(), nullable=True),
        sa.Column("injured_high", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_sha256"],
            ["documents.sha256"],
        ),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["reports.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("mentions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_mentions_country_code"), ["country_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_mentions_date_start"), ["date_start"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_mentions_document_sha256"), ["document_sha256"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_mentions_event_type"), ["event_type"], unique=False)
        batch_op.create_index(batch_op.f("ix_mentions_latitude"), ["latitude"], unique=False)
        batch_op.create_index(batch_op.f("ix_mentions_report_id"), ["report_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("mentions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mentions_report_id"))
        batch_op.drop_index(batch_op.f("ix_mentions_latitude"))
        batch_op.drop_index(batch_op.f("ix_mentions_event_type"))
        batch_op.drop_index(batch_op.f("ix_mentions_document_sha256"))
        batch_op.drop_index(batch_op.f("ix_mentions_date_start"))
        batch_op.drop_index(batch_op.f("ix_mentions_country_code"))

    op.drop_table("mentions")
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reports_document_sha256"))

    op.drop_table("reports")
