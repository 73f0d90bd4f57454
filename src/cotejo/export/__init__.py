"""Exports of the incident record, one module per format, all listed in `EXPORTERS`.

Each format is a generator of text, `chunks(records, options)`, over `ExportRecord`s
(`records.py`), so the API can stream it and the CLI write it to a file. A new format slots
in with one line here. ClaimReview and GraphML publish the graded claims that come with each
record (`claims.py`); `ExportOptions` says who publishes them and where incidents are seen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TextIO

from cotejo.config import Settings
from cotejo.export import claimreview, csv_acled, geojson, graphml, jsonl
from cotejo.export.records import ExportRecord, export_records
from cotejo.export.settings import ExportOptions


@dataclass(frozen=True)
class Exporter:
    name: str
    media_type: str
    extension: str
    chunks: Callable[[Iterable[ExportRecord], ExportOptions], Iterator[str]]
    help: str

    def write(
        self, records: Iterable[ExportRecord], out: TextIO, options: ExportOptions | None = None
    ) -> int:
        """Write every record to `out`; the number of records (incidents) written."""
        count = 0

        def counted() -> Iterator[ExportRecord]:
            nonlocal count
            for record in records:
                count += 1
                yield record

        for chunk in self.chunks(counted(), options or ExportOptions()):
            out.write(chunk)
        return count


EXPORTERS: dict[str, Exporter] = {
    e.name: e
    for e in (
        Exporter("csv", "text/csv; charset=utf-8", "csv", csv_acled.chunks, "ACLED-like columns"),
        Exporter("geojson", "application/geo+json", "geojson", geojson.chunks, "RFC 7946 points"),
        Exporter(
            "jsonl",
            "application/jsonl; charset=utf-8",
            "jsonl",
            jsonl.chunks,
            "one incident a line",
        ),
        Exporter(
            "claimreview",
            "application/ld+json; charset=utf-8",
            "jsonld",
            claimreview.chunks,
            "schema.org ClaimReview JSON-LD, a JSON array with one per graded claim",
        ),
        Exporter(
            "graphml",
            "application/graphml+xml; charset=utf-8",
            "graphml",
            graphml.chunks,
            "GraphML of incidents, claims, origins, documents and sources",
        ),
    )
}


def options_from(settings: Settings) -> ExportOptions:
    return ExportOptions(publisher=settings.publisher, public_url=settings.public_url)


__all__ = [
    "EXPORTERS",
    "ExportOptions",
    "ExportRecord",
    "Exporter",
    "export_records",
    "options_from",
]
