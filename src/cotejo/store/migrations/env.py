"""Alembic environment: runs migrations on the engine cotejo hands over in `attributes`.

On SQLite, batch mode rebuilds a table to change it (copy, drop, rename). With foreign keys
on, dropping a table that other rows point at fails, so they are switched off for the
migration, checked with `PRAGMA foreign_key_check` before the commit, and switched back on,
as SQLite's own ALTER TABLE procedure prescribes.
"""

from alembic import context
from sqlalchemy import text

from cotejo.store.models import Base
from cotejo.store.search import is_search_table

config = context.config
engine = config.attributes["engine"]
sqlite = engine.dialect.name == "sqlite"

with engine.connect() as connection:
    if sqlite:  # outside any transaction, where the pragma takes effect
        connection.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
    try:
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            render_as_batch=True,
            # the full-text index is derived, not a model (cotejo.store.search)
            include_name=lambda name, type_, _: (
                not (type_ == "table" and bool(name) and is_search_table(name))
            ),
        )
        with context.begin_transaction():
            context.run_migrations()
            if sqlite:
                broken = connection.execute(text("PRAGMA foreign_key_check")).first()
                if broken is not None:
                    raise RuntimeError(f"migration left a dangling reference: {tuple(broken)}")
        connection.commit()
    finally:
        if sqlite:
            connection.connection.driver_connection.execute("PRAGMA foreign_keys=ON")
