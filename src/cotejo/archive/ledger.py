"""The hash chain of the event log: each entry's hash covers its content and the previous hash.

Pure functions; `cotejo.store.events` appends and reads the rows.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

GENESIS = "0" * 64


@dataclass(frozen=True)
class Entry:
    seq: int
    at: datetime
    kind: str
    subject: str
    payload: str  # canonical JSON
    prev_hash: str
    hash: str


def entry_hash(
    prev_hash: str, seq: int, at: datetime, kind: str, subject: str, payload: str
) -> str:
    material = "\n".join((prev_hash, str(seq), at.isoformat(), kind, subject, payload))
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class BrokenLink:
    seq: int
    problem: str


def check_chain(entries: Iterable[Entry]) -> list[BrokenLink]:
    """Every entry whose hash or link to its predecessor does not hold."""
    broken = []
    expected_prev, expected_seq = GENESIS, 1
    for entry in entries:
        if entry.seq != expected_seq:
            broken.append(BrokenLink(entry.seq, f"sequence jumps from {expected_seq - 1}"))
        if entry.prev_hash != expected_prev:
            broken.append(BrokenLink(entry.seq, "does not link to the previous entry's hash"))
        recomputed = entry_hash(
            entry.prev_hash, entry.seq, entry.at, entry.kind, entry.subject, entry.payload
        )
        if recomputed != entry.hash:
            broken.append(BrokenLink(entry.seq, "content does not match its hash (edited)"))
        expected_prev, expected_seq = entry.hash, entry.seq + 1
    return broken
