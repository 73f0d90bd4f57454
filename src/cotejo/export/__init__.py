"""Exports of the incident record, one module per format, all listed in `EXPORTERS`.

Each format is a generator of text, `chunks(records)`, over `ExportRecord`s (`records.py`),
so the API can stream it and the CLI write it to a file. A new format slots in with one line
here: schema.org ClaimReview (one per graded claim) and GraphML of incidents, claims,
origins and sources come once assessment (issue 5) stores graded claims, read beside the
incident in `ExportRecord`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TextIO

from cotejo.export import csv_acled, geojson, jsonl
from cotejo.export.records import ExportRecord, export_records


@dataclass(frozen=True)
class Exporter:
    name: str
    media_type: str
    extension: str
    chunks: Callable[[Iterable[ExportRecord]], Iterator[str]]
    help: str

    def write(self, records: Iterable[ExportRecord], out: TextIO) -> int:
        """Write every record to `out`; the number of records written."""
        count = 0

        def counted() -> Iterator[ExportRecord]:
            nonlocal count
            for record in records:
                count += 1
                yield record

        for chunk in self.chunks(counted()):
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
    )
}

__all__ = ["EXPORTERS", "ExportRecord", "Exporter", "export_records"]
