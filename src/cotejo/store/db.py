"""Open the store: create the engine, bring the schema to the newest Alembic revision."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from cotejo.config import Settings
from cotejo.errors import StoreError

MIGRATIONS = Path(__file__).parent / "migrations"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy, not pysqlite, decide when transactions begin (see _begin_immediate).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")  # evidence: a commit survives power loss too
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _begin_immediate(connection: Any) -> None:
    # Take the write lock at BEGIN so two writers never fork the event chain.
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def _sqlite_read_pragmas(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA query_only=ON")  # a reader can never write, whatever it runs
    cursor.execute("PRAGMA mmap_size=268435456")  # read pages in place, shared by connections
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _begin_deferred(connection: Any) -> None:
    # A read transaction: one consistent snapshot (WAL), and no write lock taken.
    connection.exec_driver_sql("BEGIN")


def make_read_engine(url: str) -> Engine:
    """An engine for readers (the API): read-only connections that never take the write
    lock, so reads and an ingest run side by side."""
    engine = create_engine(url, pool_size=10, max_overflow=20)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_read_pragmas)
        event.listen(engine, "begin", _begin_deferred)
    return engine


def make_engine(url: str) -> Engine:
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _begin_immediate)
    return engine


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def schema_is_current(engine: Engine) -> bool:
    head = ScriptDirectory.from_config(alembic_config(engine)).get_current_head()
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision() == head


def upgrade(engine: Engine) -> None:
    command.upgrade(alembic_config(engine), "head")


class Store:
    """The database of one cotejo home. Opening it migrates the schema if needed."""

    def __init__(self, settings: Settings, create: bool = True) -> None:
        self.settings = settings
        if settings.database_url is None:
            if not settings.home.exists() and not create:
                raise StoreError(
                    f"no cotejo data at {settings.home}",
                    "run `cotejo ingest` first, or point --home / COTEJO_HOME at your data",
                )
            settings.home.mkdir(parents=True, exist_ok=True)
        self.engine = make_engine(settings.db_url)
        try:
            if not schema_is_current(self.engine):
                upgrade(self.engine)
        except OperationalError as err:
            raise StoreError(
                f"cannot open the database at {settings.db_url}: {err.orig}",
                "check the path and permissions, or that no other program holds a lock",
            ) from None
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._reader: Engine | None = None
        self._read_sessions: sessionmaker[Session] | None = None

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: commits on success, rolls back on any error."""
        with self._sessions() as session, session.begin():
            yield session

    @property
    def reader(self) -> Engine:
        """The engine of read-only connections (made on first use)."""
        if self._reader is None:
            self._reader = make_read_engine(self.settings.db_url)
        return self._reader

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        """A read-only unit of work on its own connections: no write lock, one snapshot."""
        if self._read_sessions is None:
            self._read_sessions = sessionmaker(self.reader, expire_on_commit=False)
        with self._read_sessions() as session, session.begin():
            yield session

    @contextmanager
    def read_cursor(self) -> Iterator[Any]:
        """A DB-API cursor on a read-only SQLite connection, inside one read transaction (one
        snapshot): for a hot path that runs fixed SQL text with bound parameters, where
        building SQLAlchemy statements would cost more than running them. SQLite only."""
        if self.reader.dialect.name != "sqlite":
            raise StoreError(
                f"read_cursor runs SQLite's SQL text, and this store is {self.reader.dialect.name}",
                "use read_session() on other databases",
            )
        raw = self.reader.raw_connection()  # pooled; the pool rolls back on return
        try:
            cursor = raw.cursor()
            cursor.execute("BEGIN")
            try:
                yield cursor
            finally:
                cursor.execute("COMMIT")  # a read: nothing to write, ends the snapshot
                cursor.close()
        finally:
            raw.close()

    def close(self) -> None:
        self.engine.dispose()
        if self._reader is not None:
            self._reader.dispose()
