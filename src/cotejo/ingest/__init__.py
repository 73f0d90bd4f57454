"""Ingest: readers that turn input files into `Document`s, one module per format.

`READERS` is the one list of built-in readers; `read_file` sniffs the format and runs one.
"""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType

from cotejo.ingest import feed, html, jsonl, telegram, text, warc
from cotejo.ingest.document import Document, ReadFailure, ReadResult, Skipped, SourceKind
from cotejo.ingest.sniff import choose

READERS: dict[str, ModuleType] = {
    "html": html,
    "text": text,
    "feed": feed,
    "jsonl": jsonl,
    "telegram": telegram,
    "warc": warc,
}

MULTI_ITEM_READERS = frozenset({"feed", "jsonl", "telegram", "warc"})


def read_bytes(data: bytes, name: str) -> tuple[str | None, Iterator[ReadResult]]:
    """Sniff the format of `data` and read it. Returns (reader name or None, results)."""
    chosen = choose(data, name)
    if isinstance(chosen, ReadFailure | Skipped):
        return None, iter((chosen,))
    return chosen, READERS[chosen].read(data, name)


__all__ = [
    "READERS",
    "MULTI_ITEM_READERS",
    "Document",
    "ReadFailure",
    "ReadResult",
    "Skipped",
    "SourceKind",
    "read_bytes",
]
