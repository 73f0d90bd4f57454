"""What every route shares: the store a request reads, and the filter parameters."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

from fastapi import Query, Request
from sqlalchemy.orm import Session

from cotejo.query import MAX_LIMIT, IncidentQuery, parse_incident_query
from cotejo.store.db import Store


def store_of(request: Request) -> Store:
    return request.app.state.store


@contextmanager
def reading(request: Request) -> Iterator[Session]:
    with store_of(request).read_session() as session:
        yield session


# Dependencies that only parse are async: FastAPI runs a sync one in a worker thread, a cost
# every request of the incident list would pay.
# Declared as text and parsed by cotejo.query, so a bad value gets a message that says what
# to send instead (FastAPI's own messages name the type, not the fix).
DateFrom = Annotated[
    str | None, Query(description="incidents on or after this date (YYYY-MM-DD)", examples=[])
]
DateTo = Annotated[str | None, Query(description="incidents on or before this date (YYYY-MM-DD)")]
BBoxParam = Annotated[
    str | None,
    Query(description="west,south,east,north in degrees (west > east crosses 180°)"),
]
CountryParam = Annotated[
    str | None, Query(description="ISO 3166-1 alpha-2 codes, comma-separated (VE,CO)")
]
EventTypeParam = Annotated[
    str | None, Query(description="cotejo event types, comma-separated (GET /api/vocabulary)")
]
LanguageParam = Annotated[
    str | None, Query(description="a source document's language: en, es, other, und")
]
SourceKindParam = Annotated[
    str | None,
    Query(description="a source's kind: official, media, ngo, social, court, witness, unknown"),
]
ActorParam = Annotated[
    str | None, Query(description="part of an actor's name (forces, groups, offices)")
]
GradeParam = Annotated[
    str | None,
    Query(
        description="headline grades, comma-separated: corroborated, single-origin, contested, "
        "refuted, ungraded (not assessed, or no occurrence, date or place stated)"
    ),
]
LimitParam = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="rows per page")]
CursorParam = Annotated[
    str | None, Query(description="next_cursor of the previous page; omit for the first page")
]


async def incident_query(
    date_from: DateFrom = None,
    date_to: DateTo = None,
    bbox: BBoxParam = None,
    country: CountryParam = None,
    event_type: EventTypeParam = None,
    language: LanguageParam = None,
    source_kind: SourceKindParam = None,
    actor: ActorParam = None,
    grade: GradeParam = None,
) -> IncidentQuery:
    return parse_incident_query(
        {
            "date_from": date_from,
            "date_to": date_to,
            "bbox": bbox,
            "country": country,
            "event_type": event_type,
            "language": language,
            "source_kind": source_kind,
            "actor": actor,
            "grade": grade,
        }
    )
