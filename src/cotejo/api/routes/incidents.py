"""Incidents: filtered keyset pages, a timeline for brushing, one incident in full."""

from __future__ import annotations

import json
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query, Request, Response

from cotejo.api.routes.common import CursorParam, LimitParam, incident_query, reading
from cotejo.query import IncidentQuery, decode_cursor, parse_order
from cotejo.store import browse
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
    # Async, with the (indexed, millisecond) query run inline: handing it to a worker thread
    # and back cost more than the query under load (benchmarks/api_load.py).
    sort = parse_order(order)
    scope = f"incidents|{sort}|{query.fingerprint()}"
    after = decode_cursor(cursor, scope)
    with reading(request) as session:
        items, last = browse.incident_page_json(session, query, limit, sort, after)
    page = {"items": items, "next_cursor": last.encode(scope) if last else None, "limit": limit}
    # The shape of IncidentPage (the documented response_model), serialised once here: the
    # hot path of the UI and of scripts (see benchmarks/api_load.py).
    body = json.dumps(page, ensure_ascii=False, separators=(",", ":"))
    return Response(body.encode("utf-8"), media_type="application/json")


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
