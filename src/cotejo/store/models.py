"""The tables behind the archive and ingest stages.

`Document.sha256` is the identity of the item's bytes; `Capture` records each act of
collection (Berkeley Protocol provenance); `Event` is the hash-chained, append-only log.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from cotejo.store.types import UTCDateTime


class Base(DeclarativeBase):
    pass


class Source(Base):
    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    kind: Mapped[str] = mapped_column(String(20), default="unknown")
    country: Mapped[str | None] = mapped_column(String(8))
    language: Mapped[str | None] = mapped_column(String(8))
    affiliation: Mapped[str | None] = mapped_column(String(300))
    domains: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Blob(Base):
    """An archived file: the bytes live at archive/sha256/ab/cd/<sha256>."""

    __tablename__ = "blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    media_type: Mapped[str | None] = mapped_column(String(100))
    stored_at: Mapped[datetime] = mapped_column(UTCDateTime)


class NearDuplicateGroup(Base):
    __tablename__ = "near_duplicate_groups"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    method: Mapped[str] = mapped_column(String(100))
    threshold: Mapped[float]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    documents: Mapped[list[Document]] = relationship(back_populates="near_duplicate_group")


class Document(Base):
    __tablename__ = "documents"

    sha256: Mapped[str] = mapped_column(ForeignKey("blobs.sha256"), primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"), index=True)
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(Text)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    media_type: Mapped[str] = mapped_column(String(100))
    language: Mapped[str] = mapped_column(String(8), index=True)
    language_declared: Mapped[str | None] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text)
    reader: Mapped[str] = mapped_column(String(40))
    reader_version: Mapped[str] = mapped_column(String(100))
    encoding: Mapped[str | None] = mapped_column(String(40))
    external_id: Mapped[str | None] = mapped_column(String(300))
    notes: Mapped[list[str]] = mapped_column(JSON, default=list)
    near_duplicate_group_id: Mapped[int | None] = mapped_column(
        ForeignKey("near_duplicate_groups.id"), index=True
    )
    first_ingested_at: Mapped[datetime] = mapped_column(UTCDateTime)

    source: Mapped[Source] = relationship()
    near_duplicate_group: Mapped[NearDuplicateGroup | None] = relationship(
        back_populates="documents"
    )
    captures: Mapped[list[Capture]] = relationship(back_populates="document", order_by="Capture.id")


class DocumentSignature(Base):
    """The MinHash of a document's text, kept so later runs can rebuild the LSH index."""

    __tablename__ = "document_signatures"

    document_sha256: Mapped[str] = mapped_column(ForeignKey("documents.sha256"), primary_key=True)
    num_perm: Mapped[int]
    hashvalues: Mapped[bytes] = mapped_column(LargeBinary)


class IngestRun(Base):
    __tablename__ = "ingest_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    inputs: Mapped[list[str]] = mapped_column(JSON, default=list)
    counts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class Capture(Base):
    """One act of collection of a document: where from, by which reader, when."""

    __tablename__ = "captures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_sha256: Mapped[str] = mapped_column(ForeignKey("documents.sha256"), index=True)
    container_sha256: Mapped[str | None] = mapped_column(ForeignKey("blobs.sha256"))
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"))
    run_id: Mapped[int | None] = mapped_column(ForeignKey("ingest_runs.id"))
    original_name: Mapped[str] = mapped_column(Text)
    locator: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    reader: Mapped[str] = mapped_column(String(40))
    reader_version: Mapped[str] = mapped_column(String(100))
    retrieved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    retrieved_at_basis: Mapped[str] = mapped_column(String(40))
    ingested_at: Mapped[datetime] = mapped_column(UTCDateTime)
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))

    document: Mapped[Document] = relationship(back_populates="captures")
    source: Mapped[Source] = relationship()


class IngestFailure(Base):
    __tablename__ = "ingest_failures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int | None] = mapped_column(ForeignKey("ingest_runs.id"), index=True)
    file: Mapped[str] = mapped_column(Text)
    position: Mapped[str] = mapped_column(Text)
    message: Mapped[str] = mapped_column(Text)
    hint: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Event(Base):
    """Append-only log; `hash` = sha256(prev_hash + canonical entry). Never updated."""

    __tablename__ = "events"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    kind: Mapped[str] = mapped_column(String(60))
    subject: Mapped[str] = mapped_column(String(200))
    payload: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


Index("ix_events_subject", Event.subject)


class ReportRow(Base):
    """One extraction of one document by one extractor version. Never updated: a new
    extractor version adds a new row beside the old one."""

    __tablename__ = "reports"
    __table_args__ = (UniqueConstraint("document_sha256", "extractor_version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_sha256: Mapped[str] = mapped_column(ForeignKey("documents.sha256"), index=True)
    extractor_version: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    payload: Mapped[str] = mapped_column(Text)  # Report as canonical JSON
    payload_sha256: Mapped[str] = mapped_column(String(64))
    mention_count: Mapped[int]


class MentionRow(Base):
    """A mention's blocking keys, indexed for incident resolution; the full mention is in
    the report payload at `ordinal`."""

    __tablename__ = "mentions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id"), index=True)
    document_sha256: Mapped[str] = mapped_column(ForeignKey("documents.sha256"), index=True)
    ordinal: Mapped[int]
    event_type: Mapped[str] = mapped_column(String(60), index=True)
    date_start: Mapped[date | None] = mapped_column(Date, index=True)
    date_end: Mapped[date | None] = mapped_column(Date)
    date_precision: Mapped[str | None] = mapped_column(String(10))
    place_name: Mapped[str | None] = mapped_column(Text)
    place_precision: Mapped[str | None] = mapped_column(String(20))
    geonames_id: Mapped[int | None]
    latitude: Mapped[float | None] = mapped_column(index=True)
    longitude: Mapped[float | None]
    country_code: Mapped[str | None] = mapped_column(String(2), index=True)
    admin1: Mapped[str | None] = mapped_column(Text)
    killed_low: Mapped[int | None]
    killed_high: Mapped[int | None]
    injured_low: Mapped[int | None]
    injured_high: Mapped[int | None]


class MentionFeatures(Base):
    """What resolve compares about a mention, computed once: the context embedding and the
    actor/place names. The rest of a mention's blocking keys are on `mentions`."""

    __tablename__ = "mention_features"

    mention_id: Mapped[int] = mapped_column(ForeignKey("mentions.id"), primary_key=True)
    embedder: Mapped[str] = mapped_column(String(100))
    vector: Mapped[bytes] = mapped_column(LargeBinary)  # float32, unit length
    payload: Mapped[str] = mapped_column(Text)  # canonical JSON of the other features
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Incident(Base):
    """A group of mentions of one real-world event. `key` is stable: it is derived from the
    mention that started the incident, so a deterministic rebuild gives the same keys. An
    incident left empty is retired, never deleted."""

    __tablename__ = "incidents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(40), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    retired_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    mention_count: Mapped[int] = mapped_column(default=0)
    document_count: Mapped[int] = mapped_column(default=0)
    # The canonical values in columns, for listing; blocking uses the member columns below
    # and incident_windows.
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]
    country_code: Mapped[str | None] = mapped_column(String(2))
    event_type: Mapped[str | None] = mapped_column(String(60))
    date_start: Mapped[date | None] = mapped_column(Date)
    date_end: Mapped[date | None] = mapped_column(Date)
    place_name: Mapped[str | None] = mapped_column(Text)
    place_precision: Mapped[str | None] = mapped_column(String(20))
    # Where the members are, for the distance filter of blocking: the latitude span of their
    # places, the largest reach of their precisions, whether one has no place (then any
    # distance passes), and every place key and name they give ("|gn:123|n:aurora|").
    min_lat: Mapped[float | None]
    max_lat: Mapped[float | None]
    reach_km: Mapped[float | None]
    unplaced: Mapped[bool] = mapped_column(default=False)
    place_keys: Mapped[str] = mapped_column(Text, default="|")
    canonical: Mapped[str] = mapped_column(Text, default="{}")  # canonical values as JSON
    # The newest assessment's headline grade and acknowledged flag, written by the assess
    # runner beside its assessment, so the incident list reads them in the same row.
    grade: Mapped[str | None] = mapped_column(String(20))
    grade_acknowledged: Mapped[bool | None]


# Keyset pages of the API walk incidents by (date, key); by country or event type first when
# a page is filtered on one (the commonest filters of the map and of scripts).
Index("ix_incidents_date_start_key", Incident.date_start, Incident.key)
Index("ix_incidents_country_date_key", Incident.country_code, Incident.date_start, Incident.key)
Index("ix_incidents_type_date_key", Incident.event_type, Incident.date_start, Incident.key)
Index("ix_incidents_grade_date_key", Incident.grade, Incident.date_start, Incident.key)
# A small bounding box is found through this, then sorted (see store/browse.py); it covers
# the other filters and the sort keys, so no row is read that does not make the page.
Index(
    "ix_incidents_lat_lon",
    Incident.latitude,
    Incident.longitude,
    Incident.date_start,
    Incident.key,
    Incident.country_code,
    Incident.event_type,
    Incident.retired_at,
)


class IncidentWindow(Base):
    """The date windows of an incident's members, one row each, for blocking by date. Derived
    from the members (rewritten when they change); never evidence."""

    __tablename__ = "incident_windows"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), index=True)
    start: Mapped[date] = mapped_column(Date, index=True)
    end: Mapped[date] = mapped_column(Date)
    # Longer than SHORT_WINDOW_DAYS. Most windows are a few days: searching them apart from
    # the few long ones (a month) keeps a lookup to the days that can matter.
    long: Mapped[bool] = mapped_column(default=False)


Index("ix_incident_windows_long_start", IncidentWindow.long, IncidentWindow.start)


class IncidentMember(Base):
    """Which incident a mention belongs to, and since when. Rows are closed (`until`), never
    rewritten, so every past grouping stays readable."""

    __tablename__ = "incident_members"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    mention_id: Mapped[int] = mapped_column(ForeignKey("mentions.id"), index=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), index=True)
    method: Mapped[str] = mapped_column(String(20))  # auto | decision
    score: Mapped[float | None]
    signals: Mapped[str] = mapped_column(Text, default="{}")
    since: Mapped[datetime] = mapped_column(UTCDateTime)
    until: Mapped[datetime | None] = mapped_column(UTCDateTime)


Index(
    "ux_incident_members_current",
    IncidentMember.mention_id,
    unique=True,
    sqlite_where=IncidentMember.until.is_(None),
    postgresql_where=IncidentMember.until.is_(None),
)


class ResolveDecision(Base):
    """An analyst's merge, split or move. `groups` lists the mention ids the analyst put
    together, one list per resulting incident; later automatic runs keep them so."""

    __tablename__ = "resolve_decisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    action: Mapped[str] = mapped_column(String(20))
    author: Mapped[str] = mapped_column(String(200))
    rationale: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    payload: Mapped[str] = mapped_column(Text)  # canonical JSON: incidents named, groups


# -- assessment and review (migration 0007) ------------------------------------------------------


class ClaimRow(Base):
    """One claim of one mention, as extracted (the report payload holds it in full); a row so
    grades and reviews can point at it. Never updated."""

    __tablename__ = "claims"
    __table_args__ = (UniqueConstraint("mention_id", "ordinal"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    mention_id: Mapped[int] = mapped_column(ForeignKey("mentions.id"))
    ordinal: Mapped[int]  # position in the mention's claims
    document_sha256: Mapped[str] = mapped_column(ForeignKey("documents.sha256"), index=True)
    attribute: Mapped[str] = mapped_column(String(40), index=True)
    value: Mapped[str] = mapped_column(Text)
    stance: Mapped[str] = mapped_column(String(20))
    origin_name: Mapped[str] = mapped_column(Text)
    origin_kind: Mapped[str] = mapped_column(String(20))
    span_start: Mapped[int]
    span_end: Mapped[int]
    span_field: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class AssessmentRules(Base):
    """A version of the grading rules, with the thresholds that define it."""

    __tablename__ = "assessment_rules"

    version: Mapped[str] = mapped_column(String(80), primary_key=True)
    label: Mapped[str] = mapped_column(String(60))
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[str] = mapped_column(Text)  # canonical JSON of the parsed rules
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Assessment(Base):
    """One assessment of one incident. Never updated: a new run with new evidence or new
    rules adds a row; the incident's current assessment is its newest row."""

    __tablename__ = "assessments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), index=True)
    rules_version: Mapped[str] = mapped_column(ForeignKey("assessment_rules.version"))
    evidence_sha256: Mapped[str] = mapped_column(String(64))
    headline: Mapped[str | None] = mapped_column(String(20))
    acknowledged: Mapped[bool] = mapped_column(default=False)
    payload: Mapped[str] = mapped_column(Text)  # IncidentAssessment as canonical JSON
    payload_sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class AssessmentGrade(Base):
    """The grades of one assessment, one row per attribute (value NULL) and per reading."""

    __tablename__ = "assessment_grades"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id"), index=True)
    attribute: Mapped[str] = mapped_column(String(40))
    value: Mapped[str | None] = mapped_column(Text)
    grade: Mapped[str | None] = mapped_column(String(20), index=True)
    acknowledged: Mapped[bool] = mapped_column(default=False)
    weak_basis: Mapped[bool] = mapped_column(default=False)
    origins: Mapped[int] = mapped_column(default=0)
    explanation: Mapped[str] = mapped_column(Text)


class User(Base):
    """Who may act, and with which role (viewer < analyst < reviewer < admin)."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[str | None] = mapped_column(String(100))
    # Signing in (migration 0009): an argon2id hash, never the password; consecutive failed
    # sign-ins and the time until which another attempt is refused.
    password_hash: Mapped[str | None] = mapped_column(String(200))
    password_set_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    failed_logins: Mapped[int] = mapped_column(default=0, server_default="0")
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ApiToken(Base):
    """A token for scripts (`Authorization: Bearer ...`). Only the SHA-256 of the token is
    kept: it is shown once, at creation. Revoked tokens stay, with who revoked them."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    label: Mapped[str] = mapped_column(String(100))
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(20))  # the token's first characters, to tell it
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[str] = mapped_column(String(100))
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_by: Mapped[str | None] = mapped_column(String(100))


class LoginSession(Base):
    """A signed-in browser: the cookie holds a random id, the table only its SHA-256."""

    __tablename__ = "login_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ReviewEntry(Base):
    """One analyst action, as written to the hash-chained event log (`event_seq`): author,
    time, action, before, after, rationale and the chain hashes. Never updated; `cotejo
    verify` checks each row against its event."""

    __tablename__ = "review_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_seq: Mapped[int] = mapped_column(ForeignKey("events.seq"), unique=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    author: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(40))
    subject: Mapped[str] = mapped_column(String(200), index=True)  # incident:KEY, source:NAME
    attribute: Mapped[str | None] = mapped_column(String(40))
    before: Mapped[str] = mapped_column(Text)  # canonical JSON
    after: Mapped[str] = mapped_column(Text)  # canonical JSON
    rationale: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class HumanValue(Base):
    """A person's decision on one attribute of an incident: a confirmed or corrected value,
    or a regrade. Never updated; the newest row per (incident, attribute, kind) holds."""

    __tablename__ = "human_values"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), index=True)
    attribute: Mapped[str] = mapped_column(String(40))
    action: Mapped[str] = mapped_column(String(20))  # confirm | correct | regrade
    value: Mapped[str | None] = mapped_column(Text)
    grade: Mapped[str | None] = mapped_column(String(20))
    evidence: Mapped[str | None] = mapped_column(Text)  # JSON span: document, start, end, text
    machine_value: Mapped[str | None] = mapped_column(Text)
    machine_grade: Mapped[str | None] = mapped_column(String(20))
    review_entry_id: Mapped[int] = mapped_column(ForeignKey("review_entries.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ReviewFlag(Base):
    """A re-assessment disagrees with a person's decision: both values, for review. Open
    until someone decides on the attribute again."""

    __tablename__ = "review_flags"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), index=True)
    attribute: Mapped[str] = mapped_column(String(40))
    human_value_id: Mapped[int] = mapped_column(ForeignKey("human_values.id"))
    human_value: Mapped[str | None] = mapped_column(Text)
    machine_value: Mapped[str | None] = mapped_column(Text)
    machine_grade: Mapped[str | None] = mapped_column(String(20))
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
