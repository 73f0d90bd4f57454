"""JSON Lines reader: one document per line with `text`, and optionally
`title`, `url`, `published_at`, `source`, `source_kind`, `language`, `retrieved_at`, `id`.

Common aliases are accepted (`uri`/`link` for url, `dct`/`date`/`published` for
published_at, `doc_id` for id). A bad line is reported with its number; the others are kept.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from cotejo.ingest.dates import parse_datetime
from cotejo.ingest.document import Document, ReadFailure, ReadResult, SourceKind

NAME = "jsonl"
VERSION = "1"
_ALIASES = {
    "url": ("url", "uri", "link"),
    "published_at": ("published_at", "dct", "date", "published"),
    "id": ("id", "doc_id"),
    "source": ("source", "outlet", "site"),
}
_FIX = "fix or remove this line and ingest the file again; the other lines were kept"


def _field(record: dict[str, object], key: str) -> object | None:
    for alias in _ALIASES.get(key, (key,)):
        value = record.get(alias)
        if value not in (None, ""):
            return value
    return None


def _text(value: object | None) -> str | None:
    return None if value is None else str(value)


def read(data: bytes, name: str) -> Iterator[ReadResult]:
    if not data.strip():
        yield ReadFailure(name, "", "the file is empty", "remove it or supply JSON Lines")
        return
    lines = data.split(b"\n")
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        position = f"line {number}"
        try:
            record = json.loads(line)
        except UnicodeDecodeError:
            yield ReadFailure(
                name, position, "the line is not UTF-8 text", "re-save the file as UTF-8"
            )
            continue
        except json.JSONDecodeError as err:
            cut = " (the file may be truncated)" if number == len(lines) else ""
            yield ReadFailure(
                name, f"{position}, column {err.colno}", f"invalid JSON: {err.msg}{cut}", _FIX
            )
            continue
        if not isinstance(record, dict):
            yield ReadFailure(
                name, position, f"expected a JSON object, got {type(record).__name__}", _FIX
            )
            continue
        text = record.get("text")
        if not isinstance(text, str) or not text.strip():
            yield ReadFailure(name, position, "the object has no non-empty 'text' field", _FIX)
            continue
        published_raw = _field(record, "published_at")
        published = parse_datetime(published_raw)
        notes = []
        if published_raw is not None and published is None:
            notes.append(f"published_at {published_raw!r} could not be read; left empty")
        yield Document(
            text=text.strip(),
            raw=line.rstrip(b"\r"),
            reader=NAME,
            reader_version=VERSION,
            media_type="application/jsonl",
            locator=position,
            title=_text(record.get("title")),
            author=_text(record.get("author")),
            url=_text(_field(record, "url")),
            published_at=published,
            retrieved_at=parse_datetime(record.get("retrieved_at")),
            source=_text(_field(record, "source")),
            source_kind=SourceKind.parse(_text(record.get("source_kind"))),
            language=_text(record.get("language")),
            encoding="utf-8",
            external_id=_text(_field(record, "id")),
            notes=tuple(notes),
        )
