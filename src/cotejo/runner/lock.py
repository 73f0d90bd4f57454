"""One pipeline run at a time per home: ingest, extract, resolve, assess and reindex each hold
an advisory lock on `HOME/run.lock` while they run, from the CLI and from the API alike.

A second run is refused at once with `Busy`, naming the run that holds the lock, rather than
queued behind it or interleaved with it (two extract runs would read the same pending
documents). The lock is `fcntl.flock` on an open file: the kernel drops it when the process
ends, so a crashed run never leaves the home locked. Reads never take it.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from cotejo.errors import Busy

LOCK_FILE = "run.lock"


@contextmanager
def pipeline_lock(home: Path, what: str) -> Iterator[None]:
    """Hold the home's run lock for `what` ("cotejo extract", "run:resolve by ana")."""
    home.mkdir(parents=True, exist_ok=True)
    path = home / LOCK_FILE
    # Opened without truncating: the holder's description stays readable to whoever is refused.
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = path.read_text(encoding="utf-8", errors="replace").strip() or "another run"
            raise Busy(
                f"{holder} is under way on {home}",
                "wait for it to finish and try again (reads and the web UI keep working)",
            ) from None
        os.ftruncate(fd, 0)
        started = datetime.now(UTC).isoformat(timespec="seconds")
        os.write(fd, f"{what} (pid {os.getpid()}, since {started})".encode())
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
