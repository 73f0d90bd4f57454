"""Exports over HTTP: the same files `cotejo export` writes, streamed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import StreamingResponse

from cotejo.api.routes.common import incident_query, store_of
from cotejo.export import EXPORTERS, export_records, options_from
from cotejo.query import IncidentQuery

router = APIRouter(prefix="/api", tags=["exports"])


# The formats of EXPORTERS, spelled out for the OpenAPI spec (a test keeps them equal).
Format = Literal["csv", "geojson", "jsonl", "claimreview", "graphml"]


@router.get(
    "/export",
    summary="Incidents as CSV (ACLED-like columns), GeoJSON, JSON Lines, schema.org "
    "ClaimReview JSON-LD (one per graded claim) or GraphML, as a download",
    response_class=StreamingResponse,
)
def export(
    request: Request,
    query: Annotated[IncidentQuery, Depends(incident_query)],
    format: Annotated[Format, Query(description="file format")],
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

    options = options_from(request.app.state.settings)

    def body() -> Iterator[bytes]:
        with store.read_session() as session:
            for chunk in exporter.chunks(export_records(session, query, redactor), options):
                yield chunk.encode("utf-8")

    name = f"cotejo-incidents{'-redacted' if redact else ''}.{exporter.extension}"
    return StreamingResponse(
        body(),
        media_type=exporter.media_type,
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
