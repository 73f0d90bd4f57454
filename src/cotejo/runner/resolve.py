"""Resolve runner: group stored mentions into incidents and keep the store in step.

- `run_resolve(store)` assigns the mentions that have no incident yet, one at a time,
  finding candidates through indexed columns (`StoreIndex`), so the cost of adding a
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
import json
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from sqlalchemy import and_, case, delete, func, insert, or_, select, true
from sqlalchemy.orm import Session

from cotejo.canonical import canonical_json
from cotejo.extract.model import Report
from cotejo.resolve.canonical import canonical
from cotejo.resolve.decisions import Action, Decision, pins
from cotejo.resolve.embed import Embedder, UseEmbedder, from_bytes, to_bytes
from cotejo.resolve.features import (
    MentionFeatures,
    Terms,
    context_text,
    stored_payload,
)
from cotejo.resolve.group import (
    MAX_INDEXED_DAYS,
    Assignment,
    IncidentState,
    MemoryIndex,
    Resolver,
    incident_key,
)
from cotejo.resolve.score import ResolveConfig, place_lookup_keys, reach
from cotejo.runner.ingest import Clock, utc_now
from cotejo.store import models as m
from cotejo.store.db import Store
from cotejo.store.events import EventLog

BATCH = 200
SHORT_WINDOW_DAYS = 8  # a day's window (+-1) and the week before publication fit in it
POST_SOURCE_KINDS = ("social", "witness")  # accounts that post, as channels do: threads
KM_PER_DEGREE = 111.0  # a degree of latitude is 111.2 km: the band never undercuts


@dataclass
class ResolveSummary:
    mode: str  # incremental | rebuild
    config_version: str
    mentions: int = 0
    features_built: int = 0
    joined: int = 0
    created: int = 0
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
            "changed": self.changed,
            "retired": self.retired,
            "superseded": self.superseded,
            "waiting": self.waiting,
            "incidents": self.incidents,
            "seconds": round(self.seconds, 2),
            "digest": self.digest,
        }


# -- which mentions take part ----------------------------------------------------------------


def _newest_reports():
    return select(func.max(m.ReportRow.id)).group_by(m.ReportRow.document_sha256)


def current_mention_ids(session: Session) -> list[int]:
    query = select(m.MentionRow.id).where(m.MentionRow.report_id.in_(_newest_reports()))
    return list(session.scalars(query.order_by(m.MentionRow.id)))


def _current_members():
    return select(m.IncidentMember).where(m.IncidentMember.until.is_(None))


def pending_mention_ids(session: Session) -> list[int]:
    placed = select(m.IncidentMember.mention_id).where(m.IncidentMember.until.is_(None))
    query = select(m.MentionRow.id).where(
        m.MentionRow.report_id.in_(_newest_reports()), m.MentionRow.id.not_in(placed)
    )
    return list(session.scalars(query.order_by(m.MentionRow.id)))


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
                payloads.append(stored_payload(mention, text, title, report.published_at, first))
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


def load_features(
    session: Session, mention_ids: Iterable[int], embedder: str
) -> list[MentionFeatures]:
    ids = list(mention_ids)
    found: list[MentionFeatures] = []
    for start in range(0, len(ids), 900):  # SQLite's bound-parameter limit
        rows = session.execute(
            select(m.MentionRow, m.MentionFeatures, m.Document, m.Source.kind)
            .join(m.MentionFeatures, m.MentionFeatures.mention_id == m.MentionRow.id)
            .join(m.Document, m.MentionRow.document_sha256 == m.Document.sha256)
            .join(m.Source, m.Document.source_id == m.Source.id)
            .where(
                m.MentionRow.id.in_(ids[start : start + 900]),
                m.MentionFeatures.embedder == embedder,
            )
        ).all()
        found.extend(_features(row, feats, doc, kind) for row, feats, doc, kind in rows)
    return found


def _range(value: list[int | None] | None) -> tuple[int, int | None] | None:
    return (int(value[0]), value[1]) if value else None  # type: ignore[arg-type]


def _features(
    row: m.MentionRow, feats: m.MentionFeatures, doc: m.Document, source_kind: str
) -> MentionFeatures:
    payload = json.loads(feats.payload)
    post = doc.reader == "telegram" or source_kind in POST_SOURCE_KINDS
    published = payload.get("published")
    return MentionFeatures(
        mention_id=row.id,
        document=row.document_sha256,
        ordinal=row.ordinal,
        published=date.fromisoformat(published) if published else None,
        event_type=row.event_type,
        date_start=row.date_start,
        date_end=row.date_end,
        date_precision=row.date_precision,
        lat=row.latitude,
        lon=row.longitude,
        place_precision=row.place_precision,
        place_key=payload.get("place_key"),
        place_name=row.place_name,
        country=row.country_code,
        killed=_range(payload.get("killed")),
        injured=_range(payload.get("injured")),
        actors=frozenset(payload.get("actors", ())),
        places=frozenset(payload.get("places", ())),
        near_duplicate_group=doc.near_duplicate_group_id,
        vector=from_bytes(feats.vector),
        source=doc.source_id,
        published_at=doc.published_at,
        post=post,
        terms=Terms.from_pairs(payload.get("terms", ())),
    )


# -- the store-backed candidate index ---------------------------------------------------------


class StoreIndex:
    """Candidates through indexed columns: the members' date windows (`incident_windows`),
    then the members' latitude span widened by their reach, shared place keys, and reprints
    of the document. The same candidates `MemoryIndex` and `score.compatible` would admit,
    found without a scan."""

    def __init__(self, session: Session, config: ResolveConfig, embedder: str) -> None:
        self.session = session
        self.config = config
        self.embedder = embedder

    def candidates(self, mention: MentionFeatures) -> list[IncidentState]:
        # One indexed query per window, driven from incident_windows.start (an OR across
        # windows inside one query made SQLite scan every incident).
        found: dict[int, str] = {}
        for lo, hi in mention.windows:
            hi = min(hi, lo + timedelta(days=MAX_INDEXED_DAYS))  # as MemoryIndex cuts it
            rows = self.session.execute(
                select(m.Incident.id, m.Incident.key)
                .join(m.IncidentWindow, m.IncidentWindow.incident_id == m.Incident.id)
                .where(
                    or_(
                        and_(
                            m.IncidentWindow.long.is_(False),
                            m.IncidentWindow.start >= lo - timedelta(days=SHORT_WINDOW_DAYS),
                            m.IncidentWindow.start <= hi,
                        ),
                        and_(
                            m.IncidentWindow.long.is_(True),
                            m.IncidentWindow.start >= lo - timedelta(days=MAX_INDEXED_DAYS),
                            m.IncidentWindow.start <= hi,
                        ),
                    ),
                    m.IncidentWindow.end >= lo,
                    m.Incident.retired_at.is_(None),
                    self._near(mention),
                )
            )
            found.update((incident_id, key) for incident_id, key in rows)
        if mention.near_duplicate_group is not None:
            rows = self.session.execute(
                select(m.Incident.id, m.Incident.key).where(
                    m.Incident.retired_at.is_(None),
                    m.Incident.id.in_(self._reprint_incidents(mention.near_duplicate_group)),
                )
            )
            found.update((incident_id, key) for incident_id, key in rows)
        kept = sorted(found.items(), key=lambda item: item[1])[: self.config.max_candidates]
        return self._states(dict(kept))

    def _near(self, mention: MentionFeatures):
        """A superset of `score.near` against any member: within reach by latitude, or a
        member without a place, or a shared place key or name."""
        if mention.point is None:
            return true()
        lat, mine = mention.point[0], reach(self.config, mention.place_precision)
        degrees = (
            case((m.Incident.reach_km > mine, m.Incident.reach_km), else_=mine) / KM_PER_DEGREE
        )
        clauses = [
            m.Incident.unplaced.is_(True),
            and_(m.Incident.min_lat - degrees <= lat, m.Incident.max_lat + degrees >= lat),
        ]
        clauses += [
            m.Incident.place_keys.contains(f"|{key}|", autoescape=True)
            for key in sorted(place_lookup_keys(mention))
        ]
        return or_(*clauses)

    def _reprint_incidents(self, group: int):
        return (
            select(m.IncidentMember.incident_id)
            .join(m.MentionRow, m.IncidentMember.mention_id == m.MentionRow.id)
            .join(m.Document, m.MentionRow.document_sha256 == m.Document.sha256)
            .where(m.IncidentMember.until.is_(None), m.Document.near_duplicate_group_id == group)
        )

    def _states(self, keys_by_id: dict[int, str]) -> list[IncidentState]:
        if not keys_by_id:
            return []
        members: dict[int, list[int]] = defaultdict(list)
        rows = self.session.execute(
            select(m.IncidentMember.incident_id, m.IncidentMember.mention_id)
            .where(m.IncidentMember.until.is_(None), m.IncidentMember.incident_id.in_(keys_by_id))
            .order_by(m.IncidentMember.id)
        )
        for incident_id, mention_id in rows:
            members[incident_id].append(mention_id)
        recent = {i: ids[-self.config.recent_members :] for i, ids in members.items()}
        features = {
            f.mention_id: f
            for f in load_features(
                self.session, [x for ids in recent.values() for x in ids], self.embedder
            )
        }
        return [
            IncidentState(key=keys_by_id[i], members=[features[x] for x in ids if x in features])
            for i, ids in sorted(recent.items(), key=lambda item: keys_by_id[item[0]])
        ]

    def get(self, key: str) -> IncidentState | None:
        found = self.session.execute(select(m.Incident.id).where(m.Incident.key == key)).scalar()
        return self._states({found: key})[0] if found is not None else None

    def add(self, state: IncidentState, mention: MentionFeatures) -> None:
        """Nothing to keep in memory: `persist` writes the membership before the next mention."""


# -- writing ----------------------------------------------------------------------------------


def refresh_incident(
    session: Session,
    incident: m.Incident,
    embedder: str,
    now: datetime,
    config: ResolveConfig | None = None,
) -> None:
    """Recompute an incident's summary columns and canonical values from its members."""
    ids = list(
        session.scalars(
            select(m.IncidentMember.mention_id).where(
                m.IncidentMember.incident_id == incident.id, m.IncidentMember.until.is_(None)
            )
        )
    )
    members = sorted(load_features(session, ids, embedder), key=lambda f: f.order)
    config = config or ResolveConfig()
    incident.updated_at = now
    incident.mention_count = len(members)
    incident.document_count = len({f.document for f in members})
    if not members:
        incident.retired_at = incident.retired_at or now
        _index_windows(session, incident, ())
        return
    incident.retired_at = None
    windows = [w for f in members for w in f.windows]
    incident.block_start = min(w[0] for w in windows) if windows else None
    incident.block_end = max(w[1] for w in windows) if windows else None
    _index_windows(session, incident, windows)
    placed = [f for f in members if f.point is not None]
    incident.min_lat = min(f.lat for f in placed if f.lat is not None) if placed else None
    incident.max_lat = max(f.lat for f in placed if f.lat is not None) if placed else None
    incident.reach_km = max(reach(config, f.place_precision) for f in members)
    incident.unplaced = len(placed) < len(members)
    keys = sorted({k for f in members for k in place_lookup_keys(f)})
    incident.place_keys = "|" + "".join(f"{k}|" for k in keys)
    values = canonical(members)
    location, when = values["location"], values["date"]
    incident.event_type = values["event_type"]["value"]
    incident.date_start = date.fromisoformat(when["low"]) if when else None
    incident.date_end = date.fromisoformat(when["high"]) if when else None
    incident.latitude = location["latitude"] if location else None
    incident.longitude = location["longitude"] if location else None
    incident.country_code = location["country"] if location else None
    incident.place_name = location["name"] if location else None
    incident.place_precision = location["precision"] if location else None
    incident.canonical = canonical_json(values).decode("utf-8")


def _index_windows(
    session: Session, incident: m.Incident, windows: Iterable[tuple[date, date]]
) -> None:
    """Rewrite the incident's rows in incident_windows (derived blocking data, not evidence),
    each window cut to MAX_INDEXED_DAYS as the memory index cuts it."""
    session.execute(delete(m.IncidentWindow).where(m.IncidentWindow.incident_id == incident.id))
    cut, short = timedelta(days=MAX_INDEXED_DAYS), timedelta(days=SHORT_WINDOW_DAYS)
    rows = sorted({(start, min(end, start + cut)) for start, end in windows})
    if rows:
        session.execute(
            insert(m.IncidentWindow),
            [
                {"incident_id": incident.id, "start": s, "end": e, "long": e - s > short}
                for s, e in rows
            ],
        )


def incident_row(session: Session, key: str, now: datetime) -> m.Incident:
    incident = session.execute(select(m.Incident).where(m.Incident.key == key)).scalar()
    if incident is None:
        incident = m.Incident(key=key, created_at=now, updated_at=now, canonical="{}")
        session.add(incident)
        session.flush()
    return incident


def open_membership(session: Session, incident: m.Incident, a: Assignment, now: datetime) -> None:
    session.add(
        m.IncidentMember(
            mention_id=a.mention_id,
            incident_id=incident.id,
            method=a.method,
            score=a.score,
            signals=canonical_json(a.signals or {}).decode("utf-8"),
            since=now,
        )
    )


def close_superseded(session: Session, now: datetime) -> set[int]:
    """Close memberships of mentions whose document has a newer report; the touched incidents."""
    stale = session.scalars(
        _current_members()
        .join(m.MentionRow, m.IncidentMember.mention_id == m.MentionRow.id)
        .where(m.MentionRow.report_id.not_in(_newest_reports()))
    ).all()
    for member in stale:
        member.until = now
    return {member.incident_id for member in stale}


def unindexed_incidents(session: Session) -> set[int]:
    """Live incidents with no date windows: made by a cotejo before the windows table
    existed. Refreshing them once puts them back within reach of blocking."""
    indexed = select(m.IncidentWindow.incident_id)
    return set(
        session.scalars(
            select(m.Incident.id).where(
                m.Incident.retired_at.is_(None),
                m.Incident.mention_count > 0,
                m.Incident.id.not_in(indexed),
            )
        )
    )


# -- runs -------------------------------------------------------------------------------------


def load_decisions(session: Session) -> list[Decision]:
    rows = session.scalars(select(m.ResolveDecision).order_by(m.ResolveDecision.id))
    decisions = []
    for row in rows:
        payload = json.loads(row.payload)
        decisions.append(
            Decision(
                action=Action(row.action),
                author=row.author,
                rationale=row.rationale,
                groups=tuple(tuple(g) for g in payload["groups"]),
                incidents=tuple(payload.get("incidents", ())),
            )
        )
    return decisions


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
    summary.joined += not assignment.new
    return True


def persist(session: Session, a: Assignment, embedder: str, now: datetime) -> m.Incident:
    """Write one assignment: the incident (new or not), the membership, the summary."""
    incident = incident_row(session, a.key, now)
    open_membership(session, incident, a, now)
    session.flush()
    refresh_incident(session, incident, embedder, now)
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
    summary.joined = len(assignments) - summary.created
    with store.session() as session:
        now = clock()
        current = {row.mention_id: row for row in session.scalars(_current_members())}
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
