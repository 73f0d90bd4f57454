"""The audit log: every review action is a `review_entries` row and an entry of the hash-chained
event log holding the same author, time, action, before, after and rationale. The row keeps
the entry's hash and the previous entry's hash; `check_entries` re-reads both sides.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cotejo.canonical import canonical_json
from cotejo.store import models as m
from cotejo.store.events import EventLog

EVENT_PREFIX = "review."


def _json(value: Any) -> str:
    return canonical_json(value).decode("utf-8")


def entry_payload(row: m.ReviewEntry) -> dict[str, Any]:
    """What the event records of a review entry (its hash covers exactly this)."""
    return {
        "author": row.author,
        "action": row.action,
        "subject": row.subject,
        "attribute": row.attribute,
        "before": row.before,
        "after": row.after,
        "rationale": row.rationale,
    }


def append_entry(
    session: Session,
    *,
    author: str,
    action: str,
    subject: str,
    before: Any,
    after: Any,
    rationale: str,
    at: datetime,
    attribute: str | None = None,
) -> m.ReviewEntry:
    fields = {
        "author": author,
        "action": action,
        "subject": subject,
        "attribute": attribute,
        "before": _json(before),
        "after": _json(after),
        "rationale": rationale,
    }
    event = EventLog(session).append(EVENT_PREFIX + action, subject, fields, at)
    session.flush()
    row = m.ReviewEntry(
        event_seq=event.seq, at=at, prev_hash=event.prev_hash, hash=event.hash, **fields
    )
    session.add(row)
    session.flush()
    return row


@dataclass(frozen=True)
class EntryProblem:
    entry: int | None
    seq: int | None
    problem: str


def check_entries(session: Session) -> list[EntryProblem]:
    """Every review entry whose row and event disagree, and every review event with no row."""
    events = {
        e.seq: e
        for e in session.scalars(select(m.Event).where(m.Event.kind.like(EVENT_PREFIX + "%")))
    }
    problems = []
    seen = set()
    for row in session.scalars(select(m.ReviewEntry).order_by(m.ReviewEntry.id)):
        event = events.get(row.event_seq)
        seen.add(row.event_seq)
        if event is None:
            problems.append(EntryProblem(row.id, row.event_seq, "its log entry is missing"))
            continue
        if event.payload != _json(entry_payload(row)) or event.at != row.at:
            problems.append(
                EntryProblem(row.id, row.event_seq, "differs from its log entry (edited)")
            )
        if (event.hash, event.prev_hash) != (row.hash, row.prev_hash):
            problems.append(
                EntryProblem(row.id, row.event_seq, "its hashes differ from its log entry")
            )
    for seq in sorted(set(events) - seen):
        problems.append(EntryProblem(None, seq, "a review log entry has no review row (deleted)"))
    return problems
