"""GeoJSON (RFC 7946): a FeatureCollection with one Feature per incident. Coordinates are
WGS 84 longitude, latitude (no `crs` member, as the RFC requires); an incident with no
place has a null geometry, which the RFC allows."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from cotejo.export.records import ExportRecord
from cotejo.export.settings import ExportOptions


def feature(record: ExportRecord) -> dict[str, Any]:
    incident = record.incident
    geometry = None
    if incident.latitude is not None and incident.longitude is not None:
        geometry = {
            "type": "Point",
            "coordinates": [round(incident.longitude, 6), round(incident.latitude, 6)],
        }
    properties = incident.model_dump(
        mode="json",
        include={
            "key",
            "event_type",
            "acled",
            "date",
            "date_low",
            "date_high",
            "date_precision",
            "place",
            "place_precision",
            "country",
            "killed",
            "injured",
            "documents",
            "mentions",
            "grade",
        },
    )
    properties["sources"] = list(record.sources)
    properties["notes"] = record.notes
    return {"type": "Feature", "id": incident.key, "geometry": geometry, "properties": properties}


def chunks(records: Iterable[ExportRecord], options: ExportOptions) -> Iterator[str]:
    yield '{"type":"FeatureCollection","features":['
    separator = "\n"
    for record in records:
        yield separator + json.dumps(feature(record), ensure_ascii=False, separators=(",", ":"))
        separator = ",\n"
    yield "\n]}\n"
