"""Plain-text and Markdown reader. An optional front-matter block gives the metadata:

---
title: ...
source: Diario del Paria
url: https://...
published_at: 2025-10-15T09:30:00-04:00
---
"""

from __future__ import annotations

from collections.abc import Iterator

from cotejo.ingest.dates import parse_datetime
from cotejo.ingest.decode import decode
from cotejo.ingest.document import Document, ReadFailure, ReadResult, SourceKind

NAME = "text"
VERSION = "1"
_MARKDOWN_SUFFIXES = (".md", ".markdown")
_DATE_KEYS = ("published_at", "published", "date")


def split_front_matter(text: str) -> tuple[dict[str, str], str, int]:
    """Return (fields, body, line number where the body starts)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text, 1
    for end in range(1, len(lines)):
        if lines[end].strip() == "---":
            fields = {}
            for line in lines[1:end]:
                key, sep, value = line.partition(":")
                if sep and key.strip():
                    fields[key.strip().lower()] = value.strip().strip("\"'")
            return fields, "\n".join(lines[end + 1 :]), end + 2
    return {}, text, 1  # no closing fence: treat the whole file as text


def read(data: bytes, name: str) -> Iterator[ReadResult]:
    if not data:
        yield ReadFailure(name, "", "the file is empty (0 bytes)", "remove it or supply the text")
        return
    decoded = decode(data)
    fields, body, _ = split_front_matter(decoded.text.replace("\r\n", "\n"))
    body = body.strip()
    if not body:
        yield ReadFailure(
            name, "", "the file has no text (only whitespace or front matter)", "add the text"
        )
        return
    is_markdown = name.lower().endswith(_MARKDOWN_SUFFIXES)
    first_line = body.split("\n", 1)[0].lstrip("# ").strip()
    published_raw = next((fields[k] for k in _DATE_KEYS if fields.get(k)), None)
    notes = [decoded.note] if decoded.note else []
    published = parse_datetime(published_raw)
    if published_raw and published is None:
        notes.append(f"front matter date {published_raw!r} could not be read; left empty")
    yield Document(
        text=body,
        raw=data,
        reader=NAME,
        reader_version=VERSION,
        media_type="text/markdown" if is_markdown else "text/plain",
        title=fields.get("title") or first_line[:300] or None,
        author=fields.get("author"),
        url=fields.get("url"),
        published_at=published,
        retrieved_at=parse_datetime(fields.get("retrieved_at")),
        source=fields.get("source"),
        source_kind=SourceKind.parse(fields.get("source_kind")),
        language=fields.get("language"),
        encoding=decoded.encoding,
        notes=tuple(notes),
    )
