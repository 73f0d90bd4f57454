"""Telegram Desktop chat export (`result.json`): each message becomes a document.

The channel is the source, with kind `social`. A message's `text` may be a string or a
list mixing strings and `{type, text}` entities; they are joined. Service messages and
media-only messages are skipped and counted; messages missing `date` are reported.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from cotejo.canonical import canonical_json
from cotejo.ingest.dates import parse_datetime
from cotejo.ingest.document import Document, ReadFailure, ReadResult, Skipped, SourceKind

NAME = "telegram"
VERSION = "1"
_REEXPORT = "re-export the chat from Telegram Desktop (Export chat history, format: JSON)"


def is_export(value: object) -> bool:
    return isinstance(value, dict) and isinstance(value.get("messages"), list)


def join_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "".join(
            part if isinstance(part, str) else str(part.get("text", ""))
            for part in value
            if isinstance(part, str | dict)
        )
    return ""


def _when(message: dict[str, Any]) -> datetime | None:
    # date_unixtime is UTC; `date` is the exporting machine's local time without a zone.
    return parse_datetime(message.get("date_unixtime")) or parse_datetime(message.get("date"))


def read(data: bytes, name: str) -> Iterator[ReadResult]:
    try:
        export = json.loads(data)
    except UnicodeDecodeError:
        yield ReadFailure(name, "", "the export is not UTF-8 JSON", _REEXPORT)
        return
    except json.JSONDecodeError as err:
        yield ReadFailure(
            name,
            f"line {err.lineno}, column {err.colno}",
            f"invalid JSON: {err.msg} (the export may be truncated)",
            _REEXPORT,
        )
        return
    if not is_export(export):
        yield ReadFailure(name, "", "not a Telegram export: no 'messages' list", _REEXPORT)
        return
    channel = export.get("name")
    notes: tuple[str, ...] = ()
    if not channel:
        channel = f"telegram:{export['id']}" if export.get("id") else "telegram:unknown-channel"
        notes = (f"the export has no channel 'name'; source recorded as {channel!r}",)
        yield ReadFailure(
            name, "top level", f"missing field 'name'; messages kept under {channel!r}", _REEXPORT
        )
    for index, message in enumerate(export["messages"]):
        if not isinstance(message, dict):
            yield ReadFailure(name, f"message #{index}", "message is not an object", _REEXPORT)
            continue
        position = f"message {message.get('id', '#' + str(index))}"
        if message.get("type", "message") != "message":
            yield Skipped(name, position, f"{message.get('type')} message")
            continue
        if "text" not in message:
            yield ReadFailure(name, position, "message has no 'text' field", _REEXPORT)
            continue
        when = _when(message)
        if when is None:
            yield ReadFailure(name, position, "message has no readable 'date'", _REEXPORT)
            continue
        body = join_text(message.get("text")).strip()
        if not body:
            yield Skipped(name, position, "media-only message without text")
            continue
        forwarded = message.get("forwarded_from")
        yield Document(
            text=body,
            raw=canonical_json({"channel": channel, "channel_id": export.get("id"), **message}),
            reader=NAME,
            reader_version=VERSION,
            media_type="application/vnd.telegram.message+json",
            locator=position,
            title=body.split("\n", 1)[0][:120],
            author=str(message.get("from") or channel),
            published_at=when,
            source=str(channel),
            source_kind=SourceKind.SOCIAL,
            external_id=str(message.get("id")) if message.get("id") is not None else None,
            notes=notes + ((f"forwarded from {forwarded}",) if forwarded else ()),
        )
