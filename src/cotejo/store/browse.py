"""Reading incidents and documents back for the API, the web UI and the exports.

Only reads. Incidents are paged by keyset on (date, key) through `ix_incidents_date_start_key`:
dated incidents first in the order asked, undated ones after them (newest first) or before
them (oldest first), each part walked by the index, so a page costs the same on page one and
page one thousand.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import Select, and_, exists, func, literal, or_, select, true, tuple_
from sqlalchemy.orm import Session

from cotejo.errors import NotFound
from cotejo.extract.events import ACLED
from cotejo.extract.model import EventType
from cotejo.query import Cursor, IncidentQuery
from cotejo.store import models as m
from cotejo.views import (
    AcledType,
    ActorSeen,
    Bucket,
    CanonicalValue,
    CaptureView,
    DocumentDetail,
    DocumentMention,
    DocumentSummary,
    Figure,
    IncidentDetail,
    IncidentSummary,
    Member,
    NearDuplicate,
    Reading,
    ReadingSource,
    SourceDocument,
    SourceRef,
    SourceSummary,
    SpanRef,
    Statement,
    Timeline,
    ValueSpan,
)

I = m.Incident  # noqa: E741 - the table every query here is about
# Figures first: where official and independent counts differ is what readers look for.
CANONICAL_ATTRIBUTES = ("killed", "injured", "event_type", "date", "location")


# -- incidents: filters and pages -------------------------------------------------------------


def _members_where(*conditions: Any) -> Any:
    """EXISTS a current member of the incident whose document meets `conditions`."""
    return exists(
        select(literal(1))
        .select_from(m.IncidentMember)
        .join(m.MentionRow, m.MentionRow.id == m.IncidentMember.mention_id)
        .join(m.Document, m.Document.sha256 == m.MentionRow.document_sha256)
        .join(m.Source, m.Source.id == m.Document.source_id)
        .where(m.IncidentMember.incident_id == I.id, m.IncidentMember.until.is_(None), *conditions)
    )


def _actor_named(actor: str) -> Any:
    """EXISTS a current member whose resolve features name an actor containing `actor`
    (actor names there are case-folded canonical names from the alias file)."""
    names = func.json_each(m.MentionFeatures.payload, "$.actors").table_valued("value").alias("a")
    return exists(
        select(literal(1))
        .select_from(m.IncidentMember)
        .join(m.MentionFeatures, m.MentionFeatures.mention_id == m.IncidentMember.mention_id)
        .join(names, true())
        .where(
            m.IncidentMember.incident_id == I.id,
            m.IncidentMember.until.is_(None),
            names.c.value.contains(actor.casefold(), autoescape=True),
        )
    )


def incident_filters(query: IncidentQuery) -> list[Any]:
    clauses: list[Any] = [I.retired_at.is_(None)]
    if query.date_from:
        clauses.append(I.date_start >= query.date_from)
    if query.date_to:
        clauses.append(I.date_start <= query.date_to)
    if query.bbox:
        box = query.bbox
        clauses.append(I.latitude.between(box.south, box.north))
        if box.west <= box.east:
            clauses.append(I.longitude.between(box.west, box.east))
        else:  # the box crosses the antimeridian
            clauses.append(or_(I.longitude >= box.west, I.longitude <= box.east))
    if query.countries:
        clauses.append(I.country_code.in_(query.countries))
    if query.event_types:
        clauses.append(I.event_type.in_(query.event_types))
    by_document = []
    if query.languages:
        by_document.append(m.Document.language.in_(query.languages))
    if query.source_kinds:
        by_document.append(m.Source.kind.in_(query.source_kinds))
    if by_document:  # one member document meets both: a Spanish NGO report, not one of each
        clauses.append(_members_where(*by_document))
    if query.actor:
        clauses.append(_actor_named(query.actor))
    if query.grades:
        graded = [g for g in query.grades if g != "ungraded"]
        either = [I.grade.in_(graded)] if graded else []
        if "ungraded" in query.grades:
            either.append(I.grade.is_(None))
        clauses.append(or_(*either) if len(either) > 1 else either[0])
    return clauses


# The few canonical values a summary shows, read in SQL: parsing each incident's whole
# canonical JSON (every reading and its sources) cost more than the query itself.
_CANONICAL_PATHS = {
    "date_value": "$.date.value",
    "date_precision": "$.date.precision",
    "killed_value": "$.killed.value",
    "killed_low": "$.killed.low",
    "killed_high": "$.killed.high",
    "injured_value": "$.injured.value",
    "injured_low": "$.injured.low",
    "injured_high": "$.injured.high",
    "has_killed": "$.killed",
    "has_injured": "$.injured",
}
_CANONICAL_COLUMNS = tuple(
    func.json_extract(I.canonical, path).label(name) for name, path in _CANONICAL_PATHS.items()
)
_SUMMARY_COLUMNS = (
    I.key,
    I.event_type,
    I.date_start,
    I.date_end,
    I.place_name,
    I.place_precision,
    I.country_code,
    I.latitude,
    I.longitude,
    I.document_count,
    I.mention_count,
    I.updated_at,
    I.grade,
    I.grade_acknowledged,
    *_CANONICAL_COLUMNS,
)


@cache
def acled_type(event_type: str | None) -> AcledType | None:
    try:
        pair = ACLED[EventType(event_type)] if event_type else None
    except (ValueError, KeyError):
        return None
    return AcledType(event_type=pair[0], sub_event_type=pair[1]) if pair else None


def _row_figure(row: Any, name: str) -> Figure | None:
    if getattr(row, f"has_{name}") is None:
        return None
    return Figure(
        value=getattr(row, f"{name}_value"),
        low=getattr(row, f"{name}_low"),
        high=getattr(row, f"{name}_high"),
    )


def _summary(row: Any) -> IncidentSummary:
    return IncidentSummary(
        key=row.key,
        event_type=row.event_type,
        acled=acled_type(row.event_type),
        date=date.fromisoformat(row.date_value) if row.date_value else None,
        date_low=row.date_start,
        date_high=row.date_end,
        date_precision=row.date_precision,
        place=row.place_name,
        place_precision=row.place_precision,
        country=row.country_code,
        latitude=row.latitude,
        longitude=row.longitude,
        killed=_row_figure(row, "killed"),
        injured=_row_figure(row, "injured"),
        documents=row.document_count,
        mentions=row.mention_count,
        grade=row.grade,
        acknowledged=row.grade_acknowledged,
        updated_at=row.updated_at,
    )


def _keyset_parts(order: str, after: Cursor | None) -> list[Select[Any]]:
    """The one or two index walks that make a page: dated incidents in date order, and the
    undated ones by key (after the dated for newest first, before them for oldest first)."""
    newest_first = order == "-date"
    # Only the keyset columns: the summary columns (JSON reads among them) are fetched for
    # the page's rows alone, not for every row a sort or a filter passes over.
    dated = select(I.id, I.date_start, I.key).where(I.date_start.is_not(None))
    undated = select(I.id, I.date_start, I.key).where(I.date_start.is_(None))
    if newest_first:
        dated = dated.order_by(I.date_start.desc(), I.key.desc())
        undated = undated.order_by(I.key.desc())
    else:
        dated = dated.order_by(I.date_start, I.key)
        undated = undated.order_by(I.key)
    if after is not None and after.value is not None:
        mark = tuple_(I.date_start, I.key)
        point = tuple_(literal(date.fromisoformat(str(after.value))), literal(after.key))
        dated = dated.where(mark < point if newest_first else mark > point)
        return [dated, undated] if newest_first else [dated]
    if after is not None:  # the cursor stopped among the undated
        undated = undated.where(I.key < after.key if newest_first else I.key > after.key)
        return [undated] if newest_first else [undated, dated]
    return [dated, undated] if newest_first else [undated, dated]


def incident_page(
    session: Session, query: IncidentQuery, limit: int, order: str, after: Cursor | None
) -> tuple[list[IncidentSummary], Cursor | None]:
    """One page of live incidents and the cursor of its last row (None on the last page)."""
    rows, cursor = _page_rows(session, query, limit, order, after)
    return [_summary(r) for r in rows], cursor


# A bounding box smaller than this (in square degrees: 20° by 20°) holds few incidents of a
# large store: they are found through the place index and sorted, instead of walking the
# date index past every incident outside the box (50 ms at 100,000 incidents for a
# 4° box, 3 ms through the place index). A larger box holds many, and the date walk finds a
# page of them at once.
SMALL_BOX = 400.0


def _box_area(query: IncidentQuery) -> float:
    box = query.bbox
    if box is None:
        return float("inf")
    width = box.east - box.west if box.west <= box.east else 360 - (box.west - box.east)
    return width * (box.north - box.south)


def _page_rows(
    session: Session, query: IncidentQuery, limit: int, order: str, after: Cursor | None
) -> tuple[list[Any], Cursor | None]:
    filters = incident_filters(query)
    by_place = _box_area(query) < SMALL_BOX and session.get_bind().dialect.name == "sqlite"
    rows: list[Any] = []
    connection = session.connection()  # Core rows: no ORM result processing
    for part in _keyset_parts(order, after):
        if by_place:
            part = part.with_hint(I, "INDEXED BY ix_incidents_lat_lon", "sqlite")
        rows += connection.execute(part.where(*filters).limit(limit + 1 - len(rows))).all()
        if len(rows) > limit:
            break
    more = len(rows) > limit
    rows = rows[:limit]
    last = rows[-1] if rows and more else None
    cursor = (
        Cursor(last.date_start.isoformat() if last.date_start else None, last.key) if last else None
    )
    if not rows:
        return [], cursor
    found = {
        row.id: row
        for row in connection.execute(
            select(I.id, *_SUMMARY_COLUMNS).where(I.id.in_([r.id for r in rows]))
        )
    }
    return [found[r.id] for r in rows], cursor


def iter_incidents(
    session: Session, query: IncidentQuery, order: str = "date", batch: int = 500
) -> Iterator[IncidentSummary]:
    """Every live incident matching `query`, page by page (for exports)."""
    after: Cursor | None = None
    while True:
        page, after = incident_page(session, query, batch, order, after)
        yield from page
        if after is None:
            return


def timeline(session: Session, query: IncidentQuery, bucket: str | None = None) -> Timeline:
    """Incidents per day, week or month under every filter but the dates, so a brushed range
    can be seen against the rest. Without `bucket`, the span of dates chooses one."""
    filters = incident_filters(query.without_dates())
    low, high, undated = session.execute(
        select(
            func.min(I.date_start),
            func.max(I.date_start),
            func.count().filter(I.date_start.is_(None)),
        ).where(*filters)
    ).one()
    if bucket is None:
        span = (high - low).days if low and high else 0
        bucket = "day" if span <= 120 else "week" if span <= 3 * 366 else "month"
    start = {
        "day": I.date_start,
        "week": func.date(I.date_start, "-6 days", "weekday 1"),  # the Monday on or before
        "month": func.strftime("%Y-%m-01", I.date_start),
    }[bucket]
    rows = session.execute(
        select(start.label("start"), func.count())
        .where(I.date_start.is_not(None), *filters)
        .group_by("start")
        .order_by("start")
    ).all()
    buckets = [
        Bucket(start=value if isinstance(value, date) else date.fromisoformat(value), count=n)
        for value, n in rows
    ]
    return Timeline(bucket=bucket, buckets=buckets, undated=int(undated or 0))


# -- one incident -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _MemberRow:
    mention: m.MentionRow
    member: m.IncidentMember
    document: m.Document
    source: m.Source


def _source_ref(source: m.Source) -> SourceRef:
    return SourceRef(
        name=source.name,
        kind=source.kind,
        country=source.country,
        affiliation=source.affiliation or None,
    )


def _report_mentions(session: Session, report_ids: set[int]) -> dict[tuple[int, int], dict]:
    """(report id, ordinal) -> the mention as extracted, from the stored report payloads."""
    found: dict[tuple[int, int], dict] = {}
    if not report_ids:
        return found
    rows = session.execute(
        select(m.ReportRow.id, m.ReportRow.payload).where(m.ReportRow.id.in_(report_ids))
    )
    for report_id, payload in rows:
        for ordinal, mention in enumerate(json.loads(payload).get("mentions", [])):
            found[(report_id, ordinal)] = mention
    return found


def _span(document: str, span: dict | None) -> SpanRef | None:
    if not span:
        return None
    return SpanRef(
        document=document,
        field=span.get("field", "text"),
        start=span["start"],
        end=span["end"],
        text=span.get("text", ""),
    )


def _figure_span(extracted: dict, kind: str) -> dict | None:
    for figure in extracted.get("figures", []):
        if figure.get("kind") == kind and not figure.get("cumulative"):
            return figure.get("span")
    return None


def _place_span(extracted: dict, place_name: str | None) -> dict | None:
    places = extracted.get("places", [])
    for place in places:
        if place.get("name") == place_name:
            return place.get("span")
    return places[0].get("span") if places else None


def value_spans(extracted: dict, mention: m.MentionRow) -> dict[str, tuple[str, dict]]:
    """attribute -> (label, span) of the values a mention carries."""
    found: dict[str, tuple[str, dict]] = {}
    event = extracted.get("event_type") or {}
    if event.get("spans"):
        found["event_type"] = (event.get("type", mention.event_type), event["spans"][0])
    when = extracted.get("date") or {}
    if when.get("span"):
        found["date"] = (when.get("start") or "", when["span"])
    place = _place_span(extracted, mention.place_name)
    if place:
        found["location"] = (mention.place_name or "", place)
    for kind in ("killed", "injured"):
        span = _figure_span(extracted, kind)
        if span:
            figure = next(f for f in extracted["figures"] if f.get("span") == span)
            high = figure.get("high")
            label = str(figure["low"]) + ("" if high == figure["low"] else f"-{high or ''}")
            found[kind] = (label, span)
    return found


def _reading_label(attribute: str, value: str, places: dict[str, str]) -> str:
    if attribute == "location":
        return places.get(value, value.split(":", 1)[-1])
    if attribute == "date":
        low, high, precision = (value.split("/") + ["", "", ""])[:3]
        shown = low if low == high else f"{low} to {high}"
        return f"{shown} ({precision})" if precision else shown
    return value


def _canonical(
    values: dict[str, Any],
    by_mention: dict[int, _MemberRow],
    extracted: dict[int, dict],
    place_names: dict[str, str],
) -> list[CanonicalValue]:
    result = []
    for attribute in CANONICAL_ATTRIBUTES:
        found = values.get(attribute)
        if not found:
            continue
        readings = []
        for reading in found.get("readings", []):
            sources = []
            for ref in reading.get("sources", []):
                row = by_mention.get(ref["mention"])
                if row is None:
                    continue
                spans = value_spans(extracted.get(row.mention.id, {}), row.mention)
                span = spans.get(attribute, (None, None))[1]
                sources.append(
                    ReadingSource(
                        document=row.document.sha256,
                        mention=row.mention.id,
                        source=row.source.name,
                        source_kind=row.source.kind,
                        language=row.document.language,
                        span=_span(row.document.sha256, span),
                    )
                )
            value = str(reading.get("value"))
            readings.append(
                Reading(
                    value=value,
                    label=_reading_label(attribute, value, place_names),
                    sources=sources,
                )
            )
        shown = found.get("name") if attribute == "location" else found.get("value")
        # The canonical reading first, then the others by how many mentions give them.
        readings.sort(key=lambda r: (not _is_canonical(attribute, r, found), -len(r.sources)))
        result.append(
            CanonicalValue(
                attribute=attribute,
                value=None if shown is None else str(shown),
                readings=readings,
            )
        )
    return result


def _is_canonical(attribute: str, reading: Reading, found: dict[str, Any]) -> bool:
    if attribute == "location":
        return reading.value == found.get("place_key") or reading.label == found.get("name")
    if attribute == "date":
        return reading.value.split("/")[0] == found.get("value")
    return reading.value == str(found.get("value"))


def _place_names(session: Session, members: list[_MemberRow]) -> dict[str, str]:
    """place key (as canonical readings give it) -> a name a member gives that place."""
    names: dict[str, str] = {}
    rows = session.execute(
        select(m.MentionFeatures.mention_id, m.MentionFeatures.payload).where(
            m.MentionFeatures.mention_id.in_([r.mention.id for r in members])
        )
    )
    place_of = {r.mention.id: r.mention.place_name for r in members}
    for mention_id, payload in rows:
        key = json.loads(payload).get("place_key")
        if key and place_of.get(mention_id):
            names.setdefault(key, place_of[mention_id])
    return names


def _member_rows(session: Session, incident_id: int) -> list[_MemberRow]:
    rows = session.execute(
        select(m.MentionRow, m.IncidentMember, m.Document, m.Source)
        .join(m.IncidentMember, m.IncidentMember.mention_id == m.MentionRow.id)
        .join(m.Document, m.Document.sha256 == m.MentionRow.document_sha256)
        .join(m.Source, m.Source.id == m.Document.source_id)
        .where(m.IncidentMember.incident_id == incident_id, m.IncidentMember.until.is_(None))
        .order_by(m.Document.published_at, m.MentionRow.id)
    ).all()
    return [_MemberRow(*row) for row in rows]


def incident_detail(session: Session, key: str) -> IncidentDetail:
    row = session.execute(
        select(*_SUMMARY_COLUMNS, I.id, I.retired_at, I.canonical).where(I.key == key)
    ).one_or_none()
    if row is None:
        raise NotFound(
            f"no incident {key!r}", "take a key from GET /api/incidents (e.g. inc-2fe67076a76f)"
        )
    members = _member_rows(session, row.id)
    by_report = _report_mentions(session, {r.mention.report_id for r in members})
    extracted = {
        r.mention.id: by_report.get((r.mention.report_id, r.mention.ordinal), {}) for r in members
    }
    by_mention = {r.mention.id: r for r in members}
    summary = _summary(row)

    documents: dict[str, list[_MemberRow]] = defaultdict(list)
    for r in members:
        documents[r.document.sha256].append(r)
    sources = [
        SourceDocument(
            document=sha,
            title=rows[0].document.title,
            url=rows[0].document.url,
            source=_source_ref(rows[0].source),
            language=rows[0].document.language,
            published_at=rows[0].document.published_at,
            near_duplicate_group=rows[0].document.near_duplicate_group_id,
            mentions=len(rows),
        )
        for sha, rows in documents.items()
    ]
    statements = []
    actors: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for r in members:
        mention = extracted[r.mention.id]
        for claim in mention.get("claims", []):
            origin = claim.get("origin") or {}
            statements.append(
                Statement(
                    attribute=claim.get("attribute", ""),
                    value=str(claim.get("value", "")),
                    stance=claim.get("stance", ""),
                    origin=origin.get("name", ""),
                    origin_kind=origin.get("kind", ""),
                    document=r.document.sha256,
                    mention=r.mention.id,
                    span=_span(r.document.sha256, claim.get("span")),
                )
            )
        for actor in mention.get("actors", []):
            actors[(actor["name"], actor["kind"], actor["role"])].add(r.document.sha256)
    return IncidentDetail(
        **summary.model_dump(),
        retired_at=row.retired_at,
        canonical=_canonical(
            json.loads(row.canonical or "{}"),
            by_mention,
            extracted,
            _place_names(session, members),
        ),
        members=[
            Member(
                mention=r.mention.id,
                document=r.document.sha256,
                ordinal=r.mention.ordinal,
                source=_source_ref(r.source),
                language=r.document.language,
                title=r.document.title,
                event_type=r.mention.event_type,
                date=r.mention.date_start,
                place=r.mention.place_name,
                killed=Figure(
                    value=r.mention.killed_low,
                    low=r.mention.killed_low,
                    high=r.mention.killed_high,
                )
                if r.mention.killed_low is not None
                else None,
                method=r.member.method,
                score=r.member.score,
                signals=json.loads(r.member.signals or "{}"),
            )
            for r in members
        ],
        sources=sources,
        statements=statements,
        actors=[
            ActorSeen(name=name, kind=kind, role=role, documents=len(docs))
            for (name, kind, role), docs in sorted(actors.items(), key=lambda a: (-len(a[1]), a[0]))
        ],
    )


# -- documents --------------------------------------------------------------------------------


def _document_summary(document: m.Document, source: m.Source) -> DocumentSummary:
    return DocumentSummary(
        sha256=document.sha256,
        title=document.title,
        url=document.url,
        source=_source_ref(source),
        language=document.language,
        published_at=document.published_at,
        near_duplicate_group=document.near_duplicate_group_id,
    )


def document_page(
    session: Session,
    limit: int,
    after: Cursor | None,
    languages: tuple[str, ...] = (),
    source_kinds: tuple[str, ...] = (),
) -> tuple[list[DocumentSummary], Cursor | None]:
    """Documents by SHA-256 (a stable, meaningless order: use search to find by content)."""
    query = select(m.Document, m.Source).join(m.Source, m.Source.id == m.Document.source_id)
    if languages:
        query = query.where(m.Document.language.in_(languages))
    if source_kinds:
        query = query.where(m.Source.kind.in_(source_kinds))
    if after is not None:
        query = query.where(m.Document.sha256 > after.key)
    rows = session.execute(query.order_by(m.Document.sha256).limit(limit + 1)).all()
    more = len(rows) > limit
    rows = rows[:limit]
    cursor = Cursor(None, rows[-1][0].sha256) if more and rows else None
    return [_document_summary(d, s) for d, s in rows], cursor


def document_detail(session: Session, sha256: str) -> DocumentDetail:
    found = session.execute(
        select(m.Document, m.Source, m.Blob.size)
        .join(m.Source, m.Source.id == m.Document.source_id)
        .join(m.Blob, m.Blob.sha256 == m.Document.sha256)
        .where(m.Document.sha256 == sha256)
    ).one_or_none()
    if found is None:
        raise NotFound(
            f"no document {sha256}", "take a document id from GET /api/documents or /api/search"
        )
    document, source, size = found
    captures = session.execute(
        select(m.Capture, m.Source.name)
        .join(m.Source, m.Source.id == m.Capture.source_id)
        .where(m.Capture.document_sha256 == sha256)
        .order_by(m.Capture.id)
    ).all()
    near = []
    if document.near_duplicate_group_id is not None:
        near = [
            NearDuplicate(sha256=d.sha256, title=d.title, source=name)
            for d, name in session.execute(
                select(m.Document, m.Source.name)
                .join(m.Source, m.Source.id == m.Document.source_id)
                .where(
                    m.Document.near_duplicate_group_id == document.near_duplicate_group_id,
                    m.Document.sha256 != sha256,
                )
                .order_by(m.Document.published_at, m.Document.sha256)
            )
        ]
    reports = session.execute(
        select(m.ReportRow.id, m.ReportRow.extractor_version)
        .where(m.ReportRow.document_sha256 == sha256)
        .order_by(m.ReportRow.id)
    ).all()
    mentions: list[DocumentMention] = []
    if reports:
        newest = reports[-1][0]
        extracted = _report_mentions(session, {newest})
        rows = session.execute(
            select(m.MentionRow, I.key)
            .outerjoin(
                m.IncidentMember,
                and_(
                    m.IncidentMember.mention_id == m.MentionRow.id,
                    m.IncidentMember.until.is_(None),
                ),
            )
            .outerjoin(I, I.id == m.IncidentMember.incident_id)
            .where(m.MentionRow.report_id == newest)
            .order_by(m.MentionRow.ordinal)
        ).all()
        for mention, key in rows:
            spans = value_spans(extracted.get((newest, mention.ordinal), {}), mention)
            mentions.append(
                DocumentMention(
                    mention=mention.id,
                    ordinal=mention.ordinal,
                    event_type=mention.event_type,
                    incident=key,
                    values=[
                        ValueSpan(
                            attribute="place" if attribute == "location" else attribute,
                            label=label,
                            span=_span(sha256, span),  # type: ignore[arg-type]
                        )
                        for attribute, (label, span) in spans.items()
                    ],
                )
            )
    return DocumentDetail(
        **_document_summary(document, source).model_dump(),
        author=document.author,
        media_type=document.media_type,
        language_declared=document.language_declared,
        reader=document.reader,
        encoding=document.encoding,
        notes=list(document.notes or []),
        text=document.text,
        size=size,
        first_ingested_at=document.first_ingested_at,
        captures=[
            CaptureView(
                id=c.id,
                source=name,
                url=c.url,
                original_name=c.original_name,
                locator=c.locator,
                container_sha256=c.container_sha256,
                reader=c.reader,
                reader_version=c.reader_version,
                retrieved_at=c.retrieved_at,
                retrieved_at_basis=c.retrieved_at_basis,
                ingested_at=c.ingested_at,
                size=c.size,
                sha256=c.sha256,
            )
            for c, name in captures
        ],
        near_duplicates=near,
        mentions=mentions,
        extractor_versions=[version for _, version in reports],
    )


def blob_media_type(session: Session, sha256: str) -> str | None:
    """The media type recorded for an archived file; NotFound if nothing is archived by it."""
    found = session.execute(select(m.Blob.media_type).where(m.Blob.sha256 == sha256)).one_or_none()
    if found is None:
        raise NotFound(f"nothing is archived as {sha256}", "take an id from a document's page")
    return found[0]


def sources(session: Session) -> list[SourceSummary]:
    rows = session.execute(
        select(m.Source, func.count(m.Document.sha256))
        .outerjoin(m.Document, m.Document.source_id == m.Source.id)
        .group_by(m.Source.id)
        .order_by(m.Source.name)
    ).all()
    return [
        SourceSummary(
            id=s.id,
            name=s.name,
            kind=s.kind,
            country=s.country,
            affiliation=s.affiliation or None,
            language=s.language,
            documents=n,
        )
        for s, n in rows
    ]


def incident_count(session: Session) -> int:
    return int(
        session.execute(
            select(func.count()).select_from(I).where(I.retired_at.is_(None))
        ).scalar_one()
    )
