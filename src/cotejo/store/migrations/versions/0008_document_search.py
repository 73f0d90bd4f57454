"""documents: full-text search (SQLite FTS5) kept in step by triggers; incidents: indexes on
(date_start, key), by country and event type first, and by place, for the API's pages

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-24
"""

from alembic import op

from cotejo.store.search import SEARCH_DDL, SEARCH_DROP

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_incidents_date_start_key", "incidents", ["date_start", "key"])
    op.create_index(
        "ix_incidents_country_date_key", "incidents", ["country_code", "date_start", "key"]
    )
    op.create_index("ix_incidents_type_date_key", "incidents", ["event_type", "date_start", "key"])
    op.create_index(
        "ix_incidents_lat_lon",
        "incidents",
        [
            "latitude",
            "longitude",
            "date_start",
            "key",
            "country_code",
            "event_type",
            "retired_at",
        ],
    )
    if op.get_bind().dialect.name != "sqlite":
        return  # PostgreSQL search comes later (tsvector); the API says so
    for statement in SEARCH_DDL:
        op.execute(statement)
    op.execute(
        "INSERT INTO documents_fts (sha256, title, text)"
        " SELECT sha256, coalesce(title, ''), text FROM documents"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in SEARCH_DROP:
            op.execute(statement)
    op.drop_index("ix_incidents_lat_lon", table_name="incidents")
    op.drop_index("ix_incidents_type_date_key", table_name="incidents")
    op.drop_index("ix_incidents_country_date_key", table_name="incidents")
    op.drop_index("ix_incidents_date_start_key", table_name="incidents")
