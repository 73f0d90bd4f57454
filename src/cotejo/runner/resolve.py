"""Resolve runner: group stored mentions into incidents and keep the store in step.

- `run_resolve(store)` assigns the mentions that have no incident yet, one at a time,
  finding candidates through indexed columns (`cotejo.store.incidents.StoreIndex`), so the
  cost of adding a
  document does not grow with the number of incidents.
- `run_resolve(store, rebuild=True)` regroups every current mention from scratch in
  memory, replaying analysts' decisions as pins, and then writes only the differences:
  changed memberships are closed and reopened (never rewritten), emptied incidents are
  retired (never deleted), and one `resolve.run` event records the run.

Only the mentions of each document's newest report take part; memberships of mentions from
an older extraction are closed when a newer one exists.
"""

from __future__ import annotations

import hashlib
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cotejo.canonical import canonical_json
from cotejo.clock import Clock, utc_now
from cotejo.extract.model import Report
from cotejo.resolve.decisions import pins
from cotejo.resolve.embed import Embedder, UseEmbedder, to_bytes
from cotejo.resolve.features import (
    MentionFeatures,
    context_text,
    stored_payload,
)
from cotejo.resolve.group import (
    Assignment,
    MemoryIndex,
    Resolver,
    incident_key,
)
from cotejo.resolve.score import ResolveConfig
from cotejo.store import models as m
from cotejo.store.db import Store
from cotejo.store.events import EventLog
from cotejo.store.incidents import (
    StoreIndex,
    close_superseded,
    current_members,
    current_mention_ids,
    incident_row,
    load_decisions,
    load_features,
    merge_into,
    open_membership,
    pending_mention_ids,
    refresh_incident,
    unindexed_incidents,
)

BATCH = 200


@dataclass
class ResolveSummary:
    mode: str  # incremental | rebuild
    config_version: str
    mentions: int = 0
    features_built: int = 0
    joined: int = 0
    created: int = 0
    merged: int = 0  # incidents merged into another: a mention fitted both
    changed: int = 0  # rebuild: memberships that moved
    retired: int = 0
    superseded: int = 0
    waiting: int = 0  # announced events that fit no incident yet; retried on the next run
    incidents: int | None = None  # live incidents after the run (not counted when streaming)
    seconds: float = 0.0
    digest: str | None = None  # rebuild: sha256 of the grouping (see grouping_digest)

    def as_dict(self) -> dict[str, object]:
        return {
            "mode": self.mode,
            "config_version": self.config_version,
            "mentions": self.mentions,
            "features_built": self.features_built,
            "joined": self.joined,
            "created": self.created,
            "merged": self.merged,
            "changed": self.changed,
            "retired": self.retired,
            "superseded": self.superseded,
            "waiting": self.waiting,
            "incidents": self.incidents,
            "seconds": round(self.seconds, 2),
            "digest": self.digest,
        }


# -- features ---------------------------------------------------------------------------------


def build_features(
    store: Store, embedder: Embedder, mention_ids: Sequence[int], clock: Clock
) -> int:
    """Compute and store the features of the mentions that have none yet; returns how many."""
    have: set[int] = set()
    with store.session() as session:
        for start in range(0, len(mention_ids), 900):  # SQLite's bound-parameter limit
            have.update(
                session.scalars(
                    select(m.MentionFeatures.mention_id).where(
                        m.MentionFeatures.embedder == embedder.name,
                        m.MentionFeatures.mention_id.in_(mention_ids[start : start + 900]),
                    )
                )
            )
    todo = [i for i in mention_ids if i not in have]
    for start in range(0, len(todo), BATCH):
        chunk = todo[start : start + BATCH]
        with store.session() as session:
            rows = session.execute(
                select(m.MentionRow, m.ReportRow.payload, m.Document.text, m.Document.title)
                .join(m.ReportRow, m.MentionRow.report_id == m.ReportRow.id)
                .join(m.Document, m.MentionRow.document_sha256 == m.Document.sha256)
                .where(m.MentionRow.id.in_(chunk))
            ).all()
            reports: dict[int, Report] = {}
            contexts, payloads = [], []
            for row, payload, text, title in rows:
                report = reports.get(row.report_id)
                if report is None:
                    report = reports[row.report_id] = Report.model_validate_json(payload)
                mention = report.mentions[row.ordinal]
                first = row.ordinal == 0
                contexts.append(context_text(mention, text, title, first=first))
                payloads.append(
                    stored_payload(
                        mention, text, title, report.published_at, first, report.language
                    )
                )
            vectors = embedder(contexts)
            now = clock()
            for (row, *_), payload, vector in zip(rows, payloads, vectors, strict=True):
                session.add(
                    m.MentionFeatures(
                        mention_id=row.id,
                        embedder=embedder.name,
                        vector=to_bytes(vector),
                        payload=canonical_json(payload).decode("utf-8"),
                        created_at=now,
                    )
                )
    return len(todo)


# -- runs -------------------------------------------------------------------------------------


def run_resolve(
    store: Store,
    rebuild: bool = False,
    config: ResolveConfig | None = None,
    embedder: Embedder | None = None,
    clock: Clock = utc_now,
    progress: Callable[[int, int], None] | None = None,
    mention_ids: Sequence[int] | None = None,
) -> ResolveSummary:
    """Place pending mentions (or regroup all with `rebuild`).

    `mention_ids` names the mentions to place, as a streaming consumer does for the
    document it just extracted: no scan of the store for pending work, so the cost of one
    document stays flat as the store grows.
    """
    config = config or ResolveConfig()
    embedder = embedder or UseEmbedder()
    summary = ResolveSummary(
        mode="rebuild" if rebuild else "incremental", config_version=config.version
    )
    started = time.perf_counter()
    with store.session() as session:
        if mention_ids is not None and not rebuild:
            ids = list(mention_ids)
        else:
            now = clock()
            touched = close_superseded(session, now)
            summary.superseded = len(touched)
            touched |= unindexed_incidents(session)
            for incident in session.scalars(select(m.Incident).where(m.Incident.id.in_(touched))):
                refresh_incident(session, incident, embedder.name, now, config)
            ids = current_mention_ids(session) if rebuild else pending_mention_ids(session)
    summary.features_built = build_features(store, embedder, ids, clock)
    summary.mentions = len(ids)
    if rebuild:
        _rebuild(store, config, embedder.name, ids, clock, summary, progress)
    else:
        _incremental(store, config, embedder.name, ids, clock, summary, progress)
    with store.session() as session:
        if mention_ids is None or rebuild:  # a count is a scan: not on the streaming path
            summary.incidents = session.execute(
                select(func.count()).select_from(m.Incident).where(m.Incident.retired_at.is_(None))
            ).scalar_one()
        summary.seconds = time.perf_counter() - started
        EventLog(session).append(
            "resolve.run",
            f"resolve:{summary.mode}",
            {**summary.as_dict(), "config": config.model_dump()},
            clock(),
        )
    return summary


def _incremental(
    store: Store,
    config: ResolveConfig,
    embedder: str,
    ids: Sequence[int],
    clock: Clock,
    summary: ResolveSummary,
    progress: Callable[[int, int], None] | None,
) -> None:
    with store.session() as session:
        mentions = sorted(load_features(session, ids, embedder), key=lambda f: f.order)
    done, waiting = 0, []
    for start in range(0, len(mentions), BATCH):
        with store.session() as session:
            resolver = Resolver(StoreIndex(session, config, embedder), config)
            for mention in mentions[start : start + BATCH]:
                if not _place_one(session, resolver, mention, embedder, clock, summary):
                    waiting.append(mention)
                done += 1
                if progress:
                    progress(done, len(mentions))
    if not waiting:
        return
    # As in a rebuild: announced events get one more try once this run's reports are in.
    with store.session() as session:
        resolver = Resolver(StoreIndex(session, config, embedder), config)
        for mention in waiting:
            summary.waiting += not _place_one(session, resolver, mention, embedder, clock, summary)


def _place_one(
    session: Session,
    resolver: Resolver,
    mention: MentionFeatures,
    embedder: str,
    clock: Clock,
    summary: ResolveSummary,
) -> bool:
    assignment = resolver.assign(mention)
    if assignment is None:
        return False
    persist(session, assignment, embedder, clock())
    summary.created += assignment.new
    summary.merged += len(assignment.merged)
    summary.joined += not assignment.new
    return True


def persist(session: Session, a: Assignment, embedder: str, now: datetime) -> m.Incident:
    """Write one assignment: the incident (new or not), the membership, the summary."""
    incident = incident_row(session, a.key, now)
    open_membership(session, incident, a, now)
    emptied = [merge_into(session, incident, key, a.mention_id, now) for key in a.merged]
    session.flush()
    for other in [incident, *emptied]:
        if other is not None:
            refresh_incident(session, other, embedder, now)
    session.flush()
    return incident


def _rebuild(
    store: Store,
    config: ResolveConfig,
    embedder: str,
    ids: Sequence[int],
    clock: Clock,
    summary: ResolveSummary,
    progress: Callable[[int, int], None] | None,
) -> None:
    with store.session() as session:
        mentions = load_features(session, ids, embedder)
        pinned = pins(load_decisions(session))
    resolver = Resolver(MemoryIndex(), config, pinned)
    assignments = resolver.run(mentions)
    summary.waiting = len(mentions) - len(assignments)
    summary.digest = grouping_digest((a.mention_id, a.key) for a in assignments)
    summary.created = sum(a.new for a in assignments)
    summary.merged = sum(len(a.merged) for a in assignments)
    summary.joined = len(assignments) - summary.created
    with store.session() as session:
        now = clock()
        current = {row.mention_id: row for row in session.scalars(current_members())}
        keys = dict(session.execute(select(m.Incident.id, m.Incident.key)).all())
        held = {mention: keys[row.incident_id] for mention, row in current.items()}
        assignments = keep_keys(assignments, held, {f.mention_id: f for f in mentions})
        touched: set[int] = set()
        for done, a in enumerate(assignments, 1):
            row = current.get(a.mention_id)
            if row is not None and keys.get(row.incident_id) == a.key:
                continue
            incident = incident_row(session, a.key, now)
            keys[incident.id] = a.key
            if row is not None:
                row.until = now
                touched.add(row.incident_id)
                summary.changed += 1
            open_membership(session, incident, a, now)
            touched.add(incident.id)
            if progress and done % BATCH == 0:
                progress(done, len(assignments))
        placed = {a.mention_id for a in assignments}
        for mention_id, row in current.items():
            if mention_id not in placed:  # now waiting: an announced event with no incident
                row.until = now
                touched.add(row.incident_id)
                summary.changed += 1
        session.flush()
        for incident in session.scalars(select(m.Incident).where(m.Incident.id.in_(touched))):
            was_live = incident.retired_at is None and incident.mention_count > 0
            refresh_incident(session, incident, embedder, now)
            summary.retired += was_live and incident.retired_at is not None
        if progress:
            progress(len(assignments), len(assignments))


def keep_keys(
    assignments: Sequence[Assignment],
    held: dict[int, str],
    features: dict[int, MentionFeatures],
) -> list[Assignment]:
    """Give each regrouped incident the key of the live incident holding most of its
    mentions, so links to incidents (an analyst's notes, a review) survive a rebuild that
    leaves them mostly intact. Each old key goes to one group at most, biggest group
    first; a group with no old key takes the key of its earliest mention that is free."""
    groups: dict[str, list[Assignment]] = defaultdict(list)
    for a in assignments:
        groups[a.key].append(a)
    taken: set[str] = set()
    rename: dict[str, str] = {}
    for key, members in sorted(groups.items(), key=lambda item: (-len(item[1]), item[0])):
        votes = Counter(held[a.mention_id] for a in members if a.mention_id in held)
        for old, _ in sorted(votes.items(), key=lambda item: (-item[1], item[0])):
            if old not in taken:
                rename[key] = old
                taken.add(old)
                break
    for key, members in sorted(groups.items()):
        if key in rename:
            continue
        ordered = sorted((features[a.mention_id] for a in members), key=lambda f: f.order)
        free = [k for k in (incident_key(f) for f in ordered) if k not in taken]
        rename[key] = free[0] if free else f"{key}-{len(taken)}"
        taken.add(rename[key])
    return [replace(a, key=rename[a.key]) for a in assignments]


def grouping_digest(assignments: Iterable[tuple[int, str]]) -> str:
    """sha256 of the grouping itself (sorted groups of mention ids), whatever the keys."""
    groups: dict[str, list[int]] = defaultdict(list)
    for mention, key in assignments:
        groups[key].append(mention)
    body = "\n".join(",".join(map(str, g)) for g in sorted(sorted(g) for g in groups.values()))
    return hashlib.sha256(body.encode()).hexdigest()
