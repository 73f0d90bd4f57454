"""Append to and read the hash-chained event log. Rows are only ever inserted."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cotejo.archive.ledger import GENESIS, Entry, entry_hash
from cotejo.canonical import canonical_json
from cotejo.store.models import Event


class EventLog:
    """Appends within one transaction; the write lock taken at BEGIN keeps the chain linear."""

    def __init__(self, session: Session) -> None:
        self.session = session
        last = session.execute(select(Event.seq, Event.hash).order_by(Event.seq.desc()).limit(1))
        row = last.first()
        self.seq, self.hash = (row[0], row[1]) if row else (0, GENESIS)

    def append(self, kind: str, subject: str, payload: dict[str, Any], at: datetime) -> Event:
        body = canonical_json(payload).decode("utf-8")
        seq = self.seq + 1
        digest = entry_hash(self.hash, seq, at, kind, subject, body)
        row = Event(
            seq=seq,
            at=at,
            kind=kind,
            subject=subject,
            payload=body,
            prev_hash=self.hash,
            hash=digest,
        )
        self.session.add(row)
        self.seq, self.hash = seq, digest
        return row


def entries(session: Session, batch: int = 5000) -> Iterator[Entry]:
    for row in session.execute(select(Event).order_by(Event.seq)).yield_per(batch).scalars():
        yield Entry(row.seq, row.at, row.kind, row.subject, row.payload, row.prev_hash, row.hash)
