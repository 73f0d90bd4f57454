"""Analysts' decisions on incidents (merge, split, move), and reading incidents back.

A decision is applied at once and stored with its author and rationale; memberships are
closed and reopened, never rewritten, and one `resolve.decision` event goes to the log.
Later automatic runs keep what the decision put together and apart (see
`cotejo.resolve.decisions`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cotejo.canonical import canonical_json
from cotejo.clock import Clock, utc_now
from cotejo.errors import InputError
from cotejo.resolve import decisions as d
from cotejo.resolve.embed import USE_NAME
from cotejo.resolve.group import Assignment, incident_key
from cotejo.store import models as m
from cotejo.store.db import Store
from cotejo.store.events import EventLog
from cotejo.store.incidents import incident_row, load_features, open_membership, refresh_incident


@dataclass(frozen=True)
class DecisionResult:
    decision_id: int
    action: str
    incidents: tuple[str, ...]  # live incidents after the decision


def _live(session: Session, key: str) -> m.Incident:
    incident = session.execute(select(m.Incident).where(m.Incident.key == key)).scalar()
    if incident is None:
        raise InputError(f"no incident {key!r}", "list incidents with `cotejo incidents list`")
    if incident.retired_at is not None:
        raise InputError(
            f"incident {key} was retired (its mentions are elsewhere)",
            "run `cotejo incidents show KEY` on a live incident",
        )
    return incident


def _members(session: Session, incident: m.Incident) -> list[m.IncidentMember]:
    return list(
        session.scalars(
            select(m.IncidentMember)
            .where(m.IncidentMember.incident_id == incident.id, m.IncidentMember.until.is_(None))
            .order_by(m.IncidentMember.mention_id)
        )
    )


def _place(session: Session, rows: Sequence[m.IncidentMember], target: m.Incident, now) -> None:
    for row in rows:
        row.until = now
        open_membership(
            session,
            target,
            Assignment(row.mention_id, target.key, False, "decision"),
            now,
        )
    session.flush()


def _record(
    session: Session,
    decision: d.Decision,
    extra: dict[str, Any],
    now,
    touched: Sequence[m.Incident],
) -> DecisionResult:
    for incident in touched:
        refresh_incident(session, incident, USE_NAME, now)
    payload = {
        "incidents": list(decision.incidents),
        "groups": [list(g) for g in decision.groups],
        **extra,
    }
    row = m.ResolveDecision(
        action=decision.action.value,
        author=decision.author,
        rationale=decision.rationale,
        created_at=now,
        payload=canonical_json(payload).decode("utf-8"),
    )
    session.add(row)
    session.flush()
    EventLog(session).append(
        "resolve.decision",
        f"decision:{row.id}",
        {"action": row.action, "author": row.author, "rationale": row.rationale, **payload},
        now,
    )
    live = tuple(i.key for i in touched if i.retired_at is None)
    return DecisionResult(row.id, row.action, live)


def merge(
    store: Store, keys: Sequence[str], author: str, rationale: str, clock: Clock = utc_now
) -> DecisionResult:
    """Put every mention of the named incidents into the first one; the others retire."""
    with store.session() as session:
        return merge_in(session, keys, author, rationale, clock())


def merge_in(
    session: Session, keys: Sequence[str], author: str, rationale: str, now: datetime
) -> DecisionResult:
    """`merge` inside the caller's transaction (the review service adds its audit entry)."""
    if len(set(keys)) < 2:
        raise InputError("merge needs two or more different incidents", "name them by key")
    incidents = [_live(session, key) for key in keys]
    rows = {i.key: _members(session, i) for i in incidents}
    decision = d.Decision(
        d.Action.MERGE,
        author,
        rationale,
        d.merge([[r.mention_id for r in rows[i.key]] for i in incidents]),
        tuple(keys),
    )
    target = incidents[0]
    for other in incidents[1:]:
        _place(session, rows[other.key], target, now)
    return _record(session, decision, {"into": target.key}, now, incidents)


def split(
    store: Store,
    key: str,
    mention_ids: Sequence[int],
    author: str,
    rationale: str,
    clock: Clock = utc_now,
) -> DecisionResult:
    """Move the named mentions out of an incident into a new one of their own."""
    with store.session() as session:
        return split_in(session, key, mention_ids, author, rationale, clock())


def split_in(
    session: Session,
    key: str,
    mention_ids: Sequence[int],
    author: str,
    rationale: str,
    now: datetime,
) -> DecisionResult:
    incident = _live(session, key)
    rows = _members(session, incident)
    groups = d.split([r.mention_id for r in rows], mention_ids)
    decision = d.Decision(d.Action.SPLIT, author, rationale, groups, (key,))
    moved = set(groups[0])
    new = _new_incident(session, groups[0], now)
    _place(session, [r for r in rows if r.mention_id in moved], new, now)
    return _record(session, decision, {"new": new.key}, now, [incident, new])


def move(
    store: Store,
    mention_id: int,
    target_key: str,
    author: str,
    rationale: str,
    clock: Clock = utc_now,
) -> DecisionResult:
    """Move one mention into another incident."""
    with store.session() as session:
        return move_in(session, mention_id, target_key, author, rationale, clock())


def move_in(
    session: Session,
    mention_id: int,
    target_key: str,
    author: str,
    rationale: str,
    now: datetime,
) -> DecisionResult:
    target = _live(session, target_key)
    row = session.execute(
        select(m.IncidentMember).where(
            m.IncidentMember.mention_id == mention_id, m.IncidentMember.until.is_(None)
        )
    ).scalar()
    if row is None:
        raise InputError(
            f"mention {mention_id} is in no incident",
            "run `cotejo resolve` first, and take ids from `cotejo incidents show KEY`",
        )
    source = session.get(m.Incident, row.incident_id)
    assert source is not None
    decision = d.Decision(
        d.Action.MOVE,
        author,
        rationale,
        d.move(
            mention_id,
            [r.mention_id for r in _members(session, source)],
            [r.mention_id for r in _members(session, target)],
        ),
        (source.key, target.key),
    )
    _place(session, [row], target, now)
    return _record(
        session, decision, {"mention": mention_id, "into": target.key}, now, [source, target]
    )


def _new_incident(session: Session, mention_ids: Sequence[int], now) -> m.Incident:
    """An incident for mentions split off: keyed by the earliest of them, as a rebuild would."""
    first = min(load_features(session, mention_ids, USE_NAME), key=lambda f: f.order)
    key = incident_key(first)
    existing = session.execute(select(m.Incident).where(m.Incident.key == key)).scalar()
    suffix = 1
    while existing is not None and existing.retired_at is None:
        suffix += 1
        existing = session.execute(
            select(m.Incident).where(m.Incident.key == f"{key}-{suffix}")
        ).scalar()
    return incident_row(session, key if suffix == 1 else f"{key}-{suffix}", now)


# -- reading ----------------------------------------------------------------------------------


def list_incidents(store: Store, limit: int | None = None) -> list[dict[str, Any]]:
    with store.session() as session:
        query = (
            select(m.Incident)
            .where(m.Incident.retired_at.is_(None))
            .order_by(m.Incident.date_start.is_(None), m.Incident.date_start, m.Incident.key)
        )
        if limit:
            query = query.limit(limit)
        return [_summary(i) for i in session.scalars(query)]


def _summary(incident: m.Incident) -> dict[str, Any]:
    values = json.loads(incident.canonical or "{}")

    def figure(name: str) -> dict[str, Any] | None:
        found = values.get(name)
        return {k: found[k] for k in ("value", "low", "high")} if found else None

    return {
        "key": incident.key,
        "event_type": incident.event_type,
        "date": (values.get("date") or {}).get("value"),
        "date_precision": (values.get("date") or {}).get("precision"),
        "place": incident.place_name,
        "place_precision": incident.place_precision,
        "country": incident.country_code,
        "latitude": incident.latitude,
        "longitude": incident.longitude,
        "killed": figure("killed"),
        "injured": figure("injured"),
        "documents": incident.document_count,
        "mentions": incident.mention_count,
        # the headline grade after reviewers' regrades; None until the incident is assessed
        "grade": incident.grade,
        "acknowledged": incident.grade_acknowledged,
    }


def show_incident(store: Store, key: str) -> dict[str, Any]:
    with store.session() as session:
        incident = session.execute(select(m.Incident).where(m.Incident.key == key)).scalar()
        if incident is None:
            raise InputError(f"no incident {key!r}", "list incidents with `cotejo incidents list`")
        rows = session.execute(
            select(
                m.IncidentMember, m.MentionRow, m.Document.title, m.Document.language, m.Source.name
            )
            .join(m.MentionRow, m.IncidentMember.mention_id == m.MentionRow.id)
            .join(m.Document, m.MentionRow.document_sha256 == m.Document.sha256)
            .join(m.Source, m.Document.source_id == m.Source.id)
            .where(m.IncidentMember.incident_id == incident.id, m.IncidentMember.until.is_(None))
            .order_by(m.MentionRow.date_start, m.MentionRow.id)
        ).all()
        members = [
            {
                "mention": mention.id,
                "document": mention.document_sha256,
                "ordinal": mention.ordinal,
                "source": source,
                "language": language,
                "title": title,
                "event_type": mention.event_type,
                "date": mention.date_start.isoformat() if mention.date_start else None,
                "place": mention.place_name,
                "killed": mention.killed_low,
                "method": member.method,
                "score": member.score,
                "signals": json.loads(member.signals or "{}"),
            }
            for member, mention, title, language, source in rows
        ]
        return {
            **_summary(incident),
            "retired_at": incident.retired_at.isoformat() if incident.retired_at else None,
            "canonical": json.loads(incident.canonical or "{}"),
            "members": members,
        }
