"""Full-text search over documents' titles and texts with SQLite FTS5.

`documents_fts` is derived data, never evidence: triggers on `documents` keep it in step
with every insert, and `rebuild` refills it (a later migration that rebuilds the documents
table drops its triggers; `check` notices and `rebuild` restores them). Queries are read
as plain words, never as FTS5 syntax, so no input can make a query fail to parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Float, String, column, text
from sqlalchemy.orm import Session

from cotejo.errors import StoreError
from cotejo.store.types import UTCDateTime

TABLE = "documents_fts"
# unicode61 with diacritics removed: "Guiria" finds "Güiria", "cucuta" finds "Cúcuta".
SEARCH_DDL = (
    f"CREATE VIRTUAL TABLE {TABLE} USING fts5("
    "sha256 UNINDEXED, title, text, tokenize = 'unicode61 remove_diacritics 2')",
    f"CREATE TRIGGER {TABLE}_insert AFTER INSERT ON documents BEGIN"
    f" INSERT INTO {TABLE} (sha256, title, text)"
    " VALUES (new.sha256, coalesce(new.title, ''), new.text); END",
    f"CREATE TRIGGER {TABLE}_delete AFTER DELETE ON documents BEGIN"
    f" DELETE FROM {TABLE} WHERE sha256 = old.sha256; END",
    f"CREATE TRIGGER {TABLE}_update AFTER UPDATE OF title, text ON documents BEGIN"
    f" DELETE FROM {TABLE} WHERE sha256 = old.sha256;"
    f" INSERT INTO {TABLE} (sha256, title, text)"
    " VALUES (new.sha256, coalesce(new.title, ''), new.text); END",
)
SEARCH_DROP = (
    f"DROP TRIGGER IF EXISTS {TABLE}_insert",
    f"DROP TRIGGER IF EXISTS {TABLE}_delete",
    f"DROP TRIGGER IF EXISTS {TABLE}_update",
    f"DROP TABLE IF EXISTS {TABLE}",
)
TRIGGERS = (f"{TABLE}_insert", f"{TABLE}_delete", f"{TABLE}_update")
# Private-use characters mark a hit inside a snippet; they are split out before anything
# leaves this module, so no markup ever travels with source text.
_OPEN, _CLOSE = "\ue000", "\ue001"
_TERM = re.compile(r'"([^"]*)"|(\S+)')


def is_search_table(name: str) -> bool:
    """FTS5 keeps its index in shadow tables (documents_fts_data, ...): none is a model."""
    return name == TABLE or name.startswith(TABLE + "_")


def match_expression(query: str) -> str:
    """Plain words (and "quoted phrases") to an FTS5 expression that matches all of them.
    A trailing * keeps its meaning of a prefix; every other character is literal."""
    terms = []
    for phrase, word in _TERM.findall(query):
        raw = phrase if phrase else word
        prefix = bool(word) and raw.endswith("*") and len(raw.rstrip("*")) > 0
        raw = raw.rstrip("*") if prefix else raw
        if not raw.strip():
            continue
        quoted = '"' + raw.replace('"', '""') + '"'
        terms.append(quoted + ("*" if prefix else ""))
    return " ".join(terms)


@dataclass(frozen=True)
class Hit:
    sha256: str
    score: float  # bm25: lower is better
    title: str | None
    source: str
    source_kind: str
    language: str
    published_at: datetime | None
    snippet: tuple[tuple[str, bool], ...]  # (text, is a hit) pieces, in order


def _pieces(marked: str) -> tuple[tuple[str, bool], ...]:
    pieces: list[tuple[str, bool]] = []
    for i, part in enumerate(re.split(f"[{_OPEN}{_CLOSE}]", marked)):
        if part:
            pieces.append((part, i % 2 == 1))
    return tuple(pieces)


def available(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def search(
    session: Session,
    query: str,
    limit: int,
    after: tuple[float, str] | None = None,
    languages: tuple[str, ...] = (),
) -> list[Hit]:
    """Documents matching every word of `query`, best first (bm25, then SHA-256), from
    after the (score, sha256) of the last hit of the previous page."""
    if not available(session):
        raise StoreError(
            "full-text search needs the SQLite store for now",
            "PostgreSQL search is not built yet; use a SQLite home",
        )
    expression = match_expression(query)
    if not expression:
        return []
    params: dict[str, object] = {"q": expression, "limit": limit}
    where = ["1 = 1"]
    if after is not None:
        where.append("(h.score > :after_score OR (h.score = :after_score AND h.sha256 > :after))")
        params.update(after_score=after[0], after=after[1])
    if languages:
        names = [f":lang{i}" for i in range(len(languages))]
        where.append(f"d.language IN ({', '.join(names)})")
        params.update({f"lang{i}": lang for i, lang in enumerate(languages)})
    sql = f"""
        SELECT h.sha256, h.score, h.marked, d.title, s.name, s.kind, d.language, d.published_at
        FROM (
            SELECT sha256, bm25({TABLE}, 0.0, 2.0, 1.0) AS score,
                   snippet({TABLE}, 2, '{_OPEN}', '{_CLOSE}', '…', 16) AS marked
            FROM {TABLE} WHERE {TABLE} MATCH :q
        ) AS h
        JOIN documents d ON d.sha256 = h.sha256
        JOIN sources s ON s.id = d.source_id
        WHERE {" AND ".join(where)}
        ORDER BY h.score, h.sha256
        LIMIT :limit
    """
    typed = text(sql).columns(
        column("sha256", String),
        column("score", Float),
        column("marked", String),
        column("title", String),
        column("name", String),
        column("kind", String),
        column("language", String),
        column("published_at", UTCDateTime),
    )
    return [
        Hit(sha, float(score), title, source, kind, language, when, _pieces(marked or ""))
        for sha, score, marked, title, source, kind, language, when in session.execute(
            typed, params
        )
    ]


@dataclass(frozen=True)
class IndexState:
    documents: int
    indexed: int
    triggers: int

    @property
    def ok(self) -> bool:
        return self.documents == self.indexed and self.triggers == len(TRIGGERS)


def check(session: Session) -> IndexState | None:
    """How the index stands against the documents; None where there is no FTS5 index."""
    if not available(session):
        return None
    documents = session.execute(text("SELECT count(*) FROM documents")).scalar_one()
    has_table = session.execute(
        text("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = :t"),
        {"t": TABLE},
    ).scalar_one()
    indexed = (
        session.execute(text(f"SELECT count(*) FROM {TABLE}")).scalar_one() if has_table else 0
    )
    triggers = session.execute(
        text("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE :p"),
        {"p": f"{TABLE}_%"},
    ).scalar_one()
    return IndexState(int(documents), int(indexed), int(triggers))


def rebuild(session: Session) -> IndexState:
    """Drop and refill the index and its triggers from the documents table."""
    if not available(session):
        raise StoreError("full-text search needs the SQLite store for now", "use a SQLite home")
    for statement in (*SEARCH_DROP, *SEARCH_DDL):
        session.execute(text(statement))
    session.execute(
        text(
            f"INSERT INTO {TABLE} (sha256, title, text)"
            " SELECT sha256, coalesce(title, ''), text FROM documents"
        )
    )
    state = check(session)
    assert state is not None
    return state
