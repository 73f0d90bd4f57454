"""Exports over HTTP: the same files `cotejo export` writes, streamed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import StreamingResponse

from cotejo.api.routes.common import incident_query, store_of
from cotejo.export import EXPORTERS, export_records
from cotejo.query import IncidentQuery

router = APIRouter(prefix="/api", tags=["exports"])


@router.get(
    "/export",
    summary="Incidents as CSV (ACLED-like columns), GeoJSON or JSON Lines, as a download",
    response_class=StreamingResponse,
)
def export(
    request: Request,
    query: Annotated[IncidentQuery, Depends(incident_query)],
    format: Annotated[Literal["csv", "geojson", "jsonl"], Query(description="file format")],
    redact: Annotated[
        bool, Query(description="remove private individuals' names from text excerpts")
    ] = False,
) -> StreamingResponse:
    exporter = EXPORTERS[format]
    store = store_of(request)
    redactor = None
    if redact:
        from cotejo.export.redact import default_redactor

        redactor = default_redactor()

    def body() -> Iterator[bytes]:
        with store.read_session() as session:
            for chunk in exporter.chunks(export_records(session, query, redactor)):
                yield chunk.encode("utf-8")

    name = f"cotejo-incidents{'-redacted' if redact else ''}.{exporter.extension}"
    return StreamingResponse(
        body(),
        media_type=exporter.media_type,
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
