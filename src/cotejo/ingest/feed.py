"""RSS and Atom reader: each entry becomes a document; the feed's title is the source.

A feed that is not XML fails as a whole. A feed cut off part-way keeps every entry read
before the break and reports the break with its line number.
"""

from __future__ import annotations

import calendar
import codecs
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import feedparser
import lxml.html

from cotejo.canonical import canonical_json
from cotejo.ingest.document import Document, ReadFailure, ReadResult, Skipped

NAME = "feed"
VERSION = f"1+feedparser-{feedparser.__version__}"


def _when(entry: Any, key: str) -> datetime | None:
    parsed = entry.get(key)
    return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC) if parsed else None


def html_to_text(markup: str) -> str:
    if "<" not in markup:
        return markup.strip()
    try:
        tree = lxml.html.fromstring(markup)
    except (ValueError, lxml.etree.ParserError):
        return markup.strip()
    for block in tree.iter("p", "br", "li", "h1", "h2", "h3", "div"):
        block.tail = "\n" + (block.tail or "")
    return re.sub(r"\n\s*\n+", "\n\n", tree.text_content()).strip()


def _where(exc: BaseException | None, data: bytes) -> str:
    line = getattr(exc, "getLineNumber", lambda: None)() if exc is not None else None
    if not line:
        return ""
    # feedparser puts a line with an XML declaration in front of a feed that has none.
    if not data.removeprefix(codecs.BOM_UTF8).startswith(b"<?xml"):
        line -= 1
    return f"line {line}"


def _what(exc: BaseException) -> str:
    # The bare message: str() of a SAX error repeats feedparser's shifted line number.
    return str(getattr(exc, "getMessage", lambda: exc)())


def read(data: bytes, name: str) -> Iterator[ReadResult]:
    if not data.strip():
        yield ReadFailure(name, "", "the feed file is empty", "fetch the feed again")
        return
    parsed = feedparser.parse(data)
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    entries = parsed.entries
    if not entries:
        message = "not a readable RSS or Atom feed"
        if problem is not None:
            message += f" ({_what(problem)})"
        yield ReadFailure(
            name,
            _where(problem, data),
            message,
            "check that the file is the feed's XML, not a web page",
        )
        return
    feed = parsed.feed
    source = feed.get("title") or None
    language = (feed.get("language") or "").split("-")[0].lower() or None
    for index, entry in enumerate(entries, start=1):
        position = f"entry {index}"
        contents = entry.get("content") or []
        markup = contents[0].get("value", "") if contents else entry.get("summary", "")
        body = html_to_text(markup or "")
        if not body:
            yield Skipped(name, position, "entry has no text")
            continue
        published = _when(entry, "published_parsed") or _when(entry, "updated_parsed")
        item = {
            "id": entry.get("id"),
            "link": entry.get("link"),
            "title": entry.get("title"),
            "published": entry.get("published") or entry.get("updated"),
            "author": entry.get("author"),
            "content": markup,
        }
        yield Document(
            text=body,
            raw=canonical_json(item),
            reader=NAME,
            reader_version=VERSION,
            media_type="application/rss+xml"
            if parsed.version.startswith("rss")
            else "application/atom+xml",
            locator=position,
            title=entry.get("title"),
            author=entry.get("author"),
            url=entry.get("link"),
            published_at=published,
            source=source,
            language=language,
            external_id=entry.get("id"),
        )
    if problem is not None:
        yield ReadFailure(
            name,
            _where(problem, data),
            f"the feed breaks off or is malformed after {len(entries)} entries ({_what(problem)})",
            "the entries before the break were kept; fetch the feed again for the rest",
        )
