"""The Alembic migrations and the SQLAlchemy models describe the same schema."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from cotejo.store.db import schema_is_current
from cotejo.store.models import Base
from cotejo.store.search import is_search_table
from cotejo.testing import make_store


def _modelled(name, type_, parent_names) -> bool:
    # The full-text index (an FTS5 virtual table and its shadow tables) is no model.
    return not (type_ == "table" and name and is_search_table(name))


def test_migrated_schema_matches_the_models(tmp_path: Path) -> None:
    store = make_store(tmp_path / "home")
    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": _modelled})
        diff = compare_metadata(context, Base.metadata)
    store.close()
    assert diff == []


def test_opening_a_store_twice_does_not_migrate_again(tmp_path: Path) -> None:
    make_store(tmp_path / "home").close()
    store = make_store(tmp_path / "home")
    assert schema_is_current(store.engine)
    store.close()


def test_a_store_with_incidents_upgrades_and_keeps_them(tmp_path: Path) -> None:
    """Migrations that rebuild a table (SQLite batch mode) must work on a store that holds
    rows pointing at it, not only on an empty one."""
    from alembic import command
    from sqlalchemy import text

    from cotejo.store.db import alembic_config, make_engine

    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    command.upgrade(alembic_config(engine), "0005")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO incidents (id, key, created_at, updated_at, mention_count,"
                " document_count, canonical, unplaced, place_keys, block_start)"
                " VALUES (1, 'inc-1', '2026-01-01', '2026-01-01', 1, 1, '{}', 0, '|',"
                " '2025-10-14')"
            )
        )
        connection.execute(
            text(
                'INSERT INTO incident_windows (incident_id, start, "end", long)'
                " VALUES (1, '2025-10-13', '2025-10-15', 0)"
            )
        )
    command.upgrade(alembic_config(engine), "head")
    with engine.connect() as connection:
        kept = connection.execute(text("SELECT count(*) FROM incident_windows")).scalar_one()
        fk = connection.execute(text("PRAGMA foreign_keys")).scalar_one()
    engine.dispose()
    assert kept == 1
    assert fk == 1  # foreign keys are back on after the migration
