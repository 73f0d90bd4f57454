"""Incidents: filtered keyset pages, a timeline for brushing, one incident in full."""

from __future__ import annotations

from typing import Annotated, Literal

import orjson
from fastapi import APIRouter, Depends, Path, Query, Request, Response

from cotejo.api.routes.common import (
    CursorParam,
    LimitParam,
    incident_query,
    reading,
    store_of,
)
from cotejo.query import IncidentQuery, decode_cursor, parse_order
from cotejo.store import browse, incident_list
from cotejo.views import IncidentDetail, IncidentPage, Timeline

router = APIRouter(prefix="/api/incidents", tags=["incidents"])


@router.get(
    "",
    summary="Live incidents, filtered, newest first, in keyset pages",
    response_model=IncidentPage,
)
async def list_incidents(
    request: Request,
    query: Annotated[IncidentQuery, Depends(incident_query)],
    limit: LimitParam = 50,
    cursor: CursorParam = None,
    order: Annotated[
        str | None, Query(description="-date (newest first, default) or date (oldest first)")
    ] = None,
) -> Response:
    # The hot path of the UI and of scripts (benchmarks/api_load.py). Async, with the
    # (indexed, sub-millisecond) query run inline: handing it to a worker thread and back
    # cost more than the query. On SQLite the page comes from fixed SQL text on the DB-API
    # connection (store/incident_list.py); the SQLAlchemy reference elsewhere.
    sort = parse_order(order)
    scope = f"incidents|{sort}|{query.fingerprint()}"
    after = decode_cursor(cursor, scope)
    store = store_of(request)
    if store.reader.dialect.name == "sqlite":
        items, last = incident_list.incident_page(store, query, limit, sort, after)
    else:
        with store.read_session() as session:
            summaries, last = browse.incident_page(session, query, limit, sort, after)
        items = [s.model_dump(mode="json") for s in summaries]
    page = {"items": items, "next_cursor": last.encode(scope) if last else None, "limit": limit}
    # The shape of IncidentPage (the documented response_model), serialised once here.
    return Response(orjson.dumps(page), media_type="application/json")


@router.get("/timeline", summary="Incidents per day, week or month, under every filter but dates")
def incident_timeline(
    request: Request,
    query: Annotated[IncidentQuery, Depends(incident_query)],
    bucket: Annotated[
        Literal["day", "week", "month"] | None,
        Query(description="bucket width; default chosen from the span of dates"),
    ] = None,
) -> Timeline:
    with reading(request) as session:
        return browse.timeline(session, query, bucket)


@router.get("/{key}", summary="One incident: canonical values, members, sources, statements")
def get_incident(
    request: Request, key: Annotated[str, Path(max_length=60, description="incident key")]
) -> IncidentDetail:
    with reading(request) as session:
        return browse.incident_detail(session, key)
