"""The Alembic migrations and the SQLAlchemy models describe the same schema."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from cotejo.store.db import schema_is_current
from cotejo.store.models import Base
from cotejo.testing import make_store


def test_migrated_schema_matches_the_models(tmp_path: Path) -> None:
    store = make_store(tmp_path / "home")
    with store.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    store.close()
    assert diff == []


def test_opening_a_store_twice_does_not_migrate_again(tmp_path: Path) -> None:
    make_store(tmp_path / "home").close()
    store = make_store(tmp_path / "home")
    assert schema_is_current(store.engine)
    store.close()
