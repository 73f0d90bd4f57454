"""What readers produce: a `Document` per item, or a `ReadFailure` for an item they could not read.

Readers never raise on bad input: they yield a `ReadFailure` naming the file, the place and
the fix, and carry on with the rest of the file, so nothing good around a fault is lost.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class SourceKind(StrEnum):
    OFFICIAL = "official"
    MEDIA = "media"
    NGO = "ngo"
    SOCIAL = "social"
    COURT = "court"
    WITNESS = "witness"
    UNKNOWN = "unknown"

    @classmethod
    def parse(cls, value: str | None) -> SourceKind | None:
        if value is None or value == "":
            return None
        try:
            return cls(value.strip().lower())
        except ValueError:
            return None


@dataclass(frozen=True)
class Document:
    """One readable item: an article, a feed entry, a post, a WARC response.

    `raw` is the item's own bytes; its SHA-256 is the document's identity. Where the format
    allows, `raw` is the exact original slice (whole file, JSONL line, HTTP payload); for
    feed entries and Telegram messages it is a canonical JSON rendering of the parsed item,
    and the untouched container file is archived beside it (see `Capture.container_sha256`).
    """

    text: str
    raw: bytes
    reader: str
    reader_version: str
    media_type: str
    locator: str | None = None
    title: str | None = None
    author: str | None = None
    url: str | None = None
    published_at: datetime | None = None
    retrieved_at: datetime | None = None
    source: str | None = None
    source_kind: SourceKind | None = None
    language: str | None = None
    encoding: str | None = None
    external_id: str | None = None
    notes: tuple[str, ...] = field(default=())

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.raw).hexdigest()


@dataclass(frozen=True)
class ReadFailure:
    """An item (or a whole file) that could not be read. `position` is a line, entry or offset."""

    file: str
    position: str
    message: str
    hint: str

    def __str__(self) -> str:
        where = f"{self.file} ({self.position})" if self.position else self.file
        return f"{where}: {self.message} — {self.hint}"


@dataclass(frozen=True)
class Skipped:
    """An item deliberately not turned into a document (a service message, an image record)."""

    file: str
    position: str
    reason: str


ReadResult = Document | ReadFailure | Skipped
