"""What the publish stage shows: the typed records behind the API's JSON, the web UI and the
exports. Read from the store by `cotejo.store.browse`; nothing here is written back.

`grade` is an incident's headline grade from its newest assessment (null until `cotejo
assess` has graded it); the claims table with every grade is `cotejo.review.views`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class View(BaseModel):
    model_config = ConfigDict(frozen=True)


class Figure(View):
    value: int | None = Field(description="the figure most sources state (ties to the larger)")
    low: int | None = Field(description="the lowest reading")
    high: int | None = Field(description="the highest reading; null when open-ended")


class AcledType(View):
    event_type: str
    sub_event_type: str


class IncidentSummary(View):
    key: str = Field(description="stable incident key")
    event_type: str | None = Field(description="cotejo event type (docs/event-types.md)")
    acled: AcledType | None = Field(description="ACLED event and sub-event type")
    date: dt.date | None = Field(description="canonical date (the reading most sources give)")
    date_low: dt.date | None = Field(description="earliest date any source gives")
    date_high: dt.date | None = Field(description="latest date any source gives")
    date_precision: str | None = Field(description="day | week | month | year")
    place: str | None
    place_precision: str | None = Field(
        description="exact | town | district | region | country | sea_area"
    )
    country: str | None = Field(description="ISO 3166-1 alpha-2")
    latitude: float | None
    longitude: float | None
    killed: Figure | None
    injured: Figure | None
    documents: int = Field(description="documents reporting it")
    mentions: int
    grade: str | None = Field(
        default=None,
        description="headline support grade of the newest assessment, after reviewers' "
        "regrades (corroborated, single-origin, contested, refuted); null when not assessed "
        "or not graded",
    )
    acknowledged: bool | None = Field(
        default=None, description="the party said to be responsible stated it; null: not assessed"
    )
    updated_at: dt.datetime


class IncidentPage(View):
    items: list[IncidentSummary]
    next_cursor: str | None = Field(description="pass as `cursor` for the next page; null at end")
    limit: int


class SpanRef(View):
    """Where in a document a value was read: offsets into its text (or title)."""

    document: str = Field(description="SHA-256 of the document")
    field: str = Field(description="text | title")
    start: int
    end: int
    text: str


class ReadingSource(View):
    document: str
    mention: int
    source: str
    source_kind: str
    language: str
    span: SpanRef | None


class Reading(View):
    value: str = Field(description="the value as stored (a place key, a date range, a figure)")
    label: str = Field(description="the value for reading")
    sources: list[ReadingSource]


class CanonicalValue(View):
    attribute: str = Field(description="event_type | date | location | killed | injured")
    value: str | None = Field(description="the canonical value, as text")
    readings: list[Reading] = Field(description="every reading and the mentions that give it")


class SourceRef(View):
    name: str
    kind: str = Field(description="official | media | ngo | social | court | witness | unknown")
    country: str | None
    affiliation: str | None = Field(
        default=None,
        description="the government or owner it belongs to, as the registry or a reviewer "
        "set it: sources that share one count as one origin",
    )


class Member(View):
    mention: int
    document: str
    ordinal: int
    source: SourceRef
    language: str
    title: str | None
    event_type: str
    date: dt.date | None
    place: str | None
    killed: Figure | None
    method: str = Field(description="auto | decision")
    score: float | None
    signals: dict[str, Any]


class SourceDocument(View):
    document: str
    title: str | None
    url: str | None = Field(description="as the source gave it; untrusted")
    source: SourceRef
    language: str
    published_at: dt.datetime | None
    near_duplicate_group: int | None = Field(description="documents sharing it are reprints")
    mentions: int = Field(description="mentions of this incident in the document")


class Statement(View):
    """A claim as extracted from one document: who says what about the incident. Not graded
    yet: assessment (issue 5) turns these into graded claims."""

    attribute: str
    value: str
    stance: str = Field(description="asserts | denies | reports")
    origin: str = Field(description="who the text says it comes from (a role for private people)")
    origin_kind: str
    document: str
    mention: int
    span: SpanRef | None


class ActorSeen(View):
    name: str
    kind: str
    role: str
    documents: int = Field(description="documents naming it in this role")


class IncidentDetail(IncidentSummary):
    retired_at: dt.datetime | None
    canonical: list[CanonicalValue]
    members: list[Member]
    sources: list[SourceDocument]
    statements: list[Statement]
    actors: list[ActorSeen]


class DocumentSummary(View):
    sha256: str
    title: str | None
    url: str | None = Field(description="as the source gave it; untrusted")
    source: SourceRef
    language: str
    published_at: dt.datetime | None
    near_duplicate_group: int | None


class DocumentPage(View):
    items: list[DocumentSummary]
    next_cursor: str | None
    limit: int


class CaptureView(View):
    """One act of collection (Berkeley Protocol provenance)."""

    id: int
    source: str
    url: str | None
    original_name: str
    locator: str | None
    container_sha256: str | None = Field(description="the archived file it was read from")
    reader: str
    reader_version: str
    retrieved_at: dt.datetime | None
    retrieved_at_basis: str
    ingested_at: dt.datetime
    size: int
    sha256: str


class ValueSpan(View):
    attribute: str = Field(description="event_type | date | place | killed | injured | ...")
    label: str
    span: SpanRef


class DocumentMention(View):
    mention: int
    ordinal: int
    event_type: str
    incident: str | None = Field(description="key of the incident it belongs to now")
    values: list[ValueSpan]


class NearDuplicate(View):
    sha256: str
    title: str | None
    source: str


class DocumentDetail(DocumentSummary):
    author: str | None
    media_type: str
    language_declared: str | None
    reader: str
    encoding: str | None
    notes: list[str]
    text: str
    size: int = Field(description="bytes of the archived original")
    first_ingested_at: dt.datetime
    captures: list[CaptureView]
    near_duplicates: list[NearDuplicate]
    mentions: list[DocumentMention]
    extractor_versions: list[str]


class SnippetPiece(View):
    text: str
    hit: bool


class SearchHit(View):
    sha256: str
    score: float = Field(description="bm25; lower is better")
    title: str | None
    source: str
    source_kind: str
    language: str
    published_at: dt.datetime | None
    snippet: list[SnippetPiece]


class SearchPage(View):
    query: str
    items: list[SearchHit]
    next_cursor: str | None
    limit: int


class Bucket(View):
    start: dt.date
    count: int


class Timeline(View):
    bucket: str = Field(description="day | week | month")
    buckets: list[Bucket]
    undated: int = Field(description="incidents without a date, not in any bucket")


class SourceSummary(View):
    id: int
    name: str
    kind: str
    country: str | None
    affiliation: str | None = None
    language: str | None
    documents: int
