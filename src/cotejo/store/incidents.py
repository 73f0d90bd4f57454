"""The store side of resolve: which mentions take part, their features, the incident index
that finds candidates through indexed columns, and writing incidents and memberships.

Memberships are closed (`until`), never rewritten; an incident left empty is retired, never
deleted. The blocking rows (`incident_windows`, the members' latitude span and place keys)
are derived from the members and rewritten with them: an index, not evidence.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime, timedelta

from sqlalchemy import and_, case, delete, func, insert, or_, select, true
from sqlalchemy.orm import Session

from cotejo.canonical import canonical_json
from cotejo.resolve.canonical import canonical
from cotejo.resolve.decisions import Action, Decision
from cotejo.resolve.embed import from_bytes
from cotejo.resolve.features import MentionFeatures, Terms
from cotejo.resolve.group import MAX_INDEXED_DAYS, Assignment, IncidentState
from cotejo.resolve.score import ResolveConfig, place_lookup_keys, reach
from cotejo.store import models as m

SHORT_WINDOW_DAYS = 8  # a day's window (+-1) and the week before publication fit in it
POST_SOURCE_KINDS = ("social", "witness")  # accounts that post, as channels do: threads
KM_PER_DEGREE = 111.0  # a degree of latitude is 111.2 km: the band never undercuts
DECISION = "decision"  # IncidentMember.method of a mention a person placed
PLACED_BY_PERSON = -1  # the pin of an incident holding such a mention: never auto-merged


# -- which mentions take part ----------------------------------------------------------------


def _newest_reports():
    return select(func.max(m.ReportRow.id)).group_by(m.ReportRow.document_sha256)


def current_mention_ids(session: Session) -> list[int]:
    query = select(m.MentionRow.id).where(m.MentionRow.report_id.in_(_newest_reports()))
    return list(session.scalars(query.order_by(m.MentionRow.id)))


def current_members():
    return select(m.IncidentMember).where(m.IncidentMember.until.is_(None))


def pending_mention_ids(session: Session) -> list[int]:
    placed = select(m.IncidentMember.mention_id).where(m.IncidentMember.until.is_(None))
    query = select(m.MentionRow.id).where(
        m.MentionRow.report_id.in_(_newest_reports()), m.MentionRow.id.not_in(placed)
    )
    return list(session.scalars(query.order_by(m.MentionRow.id)))


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
        named_days=tuple(date.fromisoformat(d) for d in payload.get("named_days", ())),
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
        placed_by_person: set[int] = set()
        rows = self.session.execute(
            select(
                m.IncidentMember.incident_id, m.IncidentMember.mention_id, m.IncidentMember.method
            )
            .where(m.IncidentMember.until.is_(None), m.IncidentMember.incident_id.in_(keys_by_id))
            .order_by(m.IncidentMember.id)
        )
        for incident_id, mention_id, method in rows:
            members[incident_id].append(mention_id)
            if method == DECISION:
                placed_by_person.add(incident_id)
        # A person's confirmed, corrected or regraded value belongs to its incident: merging
        # that incident away would drop the decision silently.
        placed_by_person.update(
            self.session.scalars(
                select(m.HumanValue.incident_id).where(m.HumanValue.incident_id.in_(keys_by_id))
            )
        )
        recent = {i: ids[-self.config.recent_members :] for i, ids in members.items()}
        features = {
            f.mention_id: f
            for f in load_features(
                self.session, [x for ids in recent.values() for x in ids], self.embedder
            )
        }
        return [
            IncidentState(
                key=keys_by_id[i],
                members=[features[x] for x in ids if x in features],
                pin=PLACED_BY_PERSON if i in placed_by_person else None,
            )
            for i, ids in sorted(recent.items(), key=lambda item: keys_by_id[item[0]])
        ]

    def get(self, key: str) -> IncidentState | None:
        found = self.session.execute(select(m.Incident.id).where(m.Incident.key == key)).scalar()
        return self._states({found: key})[0] if found is not None else None

    def add(self, state: IncidentState, mention: MentionFeatures) -> None:
        """Nothing to keep in memory: `persist` writes the membership before the next mention."""

    def merge(self, into: IncidentState, other: IncidentState) -> None:
        """Nothing to keep in memory: `persist` moves the members (see `merge_into`)."""


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


def merge_into(
    session: Session, incident: m.Incident, key: str, bridge: int, now: datetime
) -> m.Incident | None:
    """Move every current member of incident `key` into `incident`, as an automatic merge
    shown by mention `bridge`: memberships are closed and reopened, never rewritten, and
    the emptied incident is retired by its refresh. Returns the emptied incident."""
    other = session.execute(select(m.Incident).where(m.Incident.key == key)).scalar()
    if other is None:
        return None
    rows = session.scalars(current_members().where(m.IncidentMember.incident_id == other.id)).all()
    for row in rows:
        row.until = now
        session.add(
            m.IncidentMember(
                mention_id=row.mention_id,
                incident_id=incident.id,
                method=row.method,
                score=row.score,
                signals=canonical_json(
                    {**json.loads(row.signals), "merged_from": key, "bridge": bridge}
                ).decode("utf-8"),
                since=now,
            )
        )
    return other


def close_superseded(session: Session, now: datetime) -> set[int]:
    """Close memberships of mentions whose document has a newer report; the touched incidents."""
    stale = session.scalars(
        current_members()
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


# -- decisions ------------------------------------------------------------------------------


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
