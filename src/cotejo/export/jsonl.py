"""JSON Lines: one incident per line, with its canonical values and every reading, its
sources, actors, extracted statements and excerpts. The fullest export."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from typing import Any

from cotejo.export.records import ExportRecord
from cotejo.export.settings import ExportOptions


def line(record: ExportRecord) -> dict[str, Any]:
    body = record.incident.model_dump(mode="json", exclude={"members"})
    body["country_name"] = record.country.name
    body["notes"] = record.notes
    body["excerpts"] = [asdict(e) for e in record.excerpts]
    body["redacted"] = record.redacted
    return body


def chunks(records: Iterable[ExportRecord], options: ExportOptions) -> Iterator[str]:
    for record in records:
        yield json.dumps(line(record), ensure_ascii=False) + "\n"
