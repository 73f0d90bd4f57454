"""documents: full-text search (SQLite FTS5) kept in step by triggers; incidents: an index
on (date_start, key) for the API's keyset pages

Revision ID: 0008
Revises: 0006 (re-pointed to 0007 when issue 5's migration lands)
Create Date: 2026-11-24
"""

from alembic import op

from cotejo.store.search import SEARCH_DDL, SEARCH_DROP

revision = "0008"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_incidents_date_start_key", "incidents", ["date_start", "key"])
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
    op.drop_index("ix_incidents_date_start_key", table_name="incidents")
