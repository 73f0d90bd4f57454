"""Pipeline work a user starts through the API: uploading a file, running extract, resolve
or assess, rebuilding the search index, verifying the archive.

Each function checks the user's role here, in the service layer, before anything runs (the
API checks the same role first), and every run that writes leaves an audit entry naming who
started it and what came of it. One run at a time per home, from the API or the CLI alike
(`cotejo.runner.lock`): a second is refused with `Busy` (409) rather than queued behind a long
one. The CLI calls the runners without a role: whoever can run it can read the store's files
anyway.
"""

from __future__ import annotations

import tempfile
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from cotejo.archive.blobs import BlobStore
from cotejo.archive.verify import verify as verify_archive
from cotejo.clock import Clock, utc_now
from cotejo.errors import InputError, TooLarge
from cotejo.ingest.walk import InputFile
from cotejo.review.audit import append_entry
from cotejo.review.service import require
from cotejo.runner.lock import pipeline_lock
from cotejo.store.db import Store

T = TypeVar("T")

MAX_NAME = 200
MAX_LISTED = 1000  # documents an upload's answer lists (a feed may hold many more)


def upload_name(name: str) -> str:
    """The file name an upload is stored and sniffed under: its last path part, checked.
    A name never chooses where anything is written."""
    last = name.replace("\\", "/").rsplit("/", 1)[-1].strip()
    bad = [c for c in last if unicodedata.category(c).startswith("C")]
    if not last or last in {".", ".."} or bad or len(last) > MAX_NAME:
        raise InputError(
            f"upload name {name[:MAX_NAME]!r} is not usable as a file name",
            f"give ?name=FILE.EXT: 1-{MAX_NAME} printable characters; the extension "
            "(.html, .json, .jsonl, .warc, .txt…) helps the readers tell the format",
        )
    return last


def too_large(name: str, limit: int, size: int | str | None = None) -> TooLarge:
    """The error for an upload over the server's size limit (`size` if it is known)."""
    how_big = f" is {size} bytes," if size is not None else " is"
    return TooLarge(
        f"{name}{how_big} over the {limit}-byte limit",
        "split the file, or raise COTEJO_MAX_BYTES for the server",
    )


def _author(store: Store, actor: str | None, action: str) -> str:
    with store.session() as session:
        return require(session, actor, action).username


def _record(
    store: Store, author: str, action: str, subject: str, after: dict[str, Any], clock: Clock
) -> int:
    with store.session() as session:
        entry = append_entry(
            session,
            author=author,
            action=action,
            subject=subject,
            before=None,
            after=after,
            rationale="",
            at=clock(),
        )
        return entry.id


def _run(
    store: Store,
    actor: str | None,
    action: str,
    subject: str,
    work: Callable[[], dict[str, Any]],
    clock: Clock,
) -> dict[str, Any]:
    author = _author(store, actor, action)
    with pipeline_lock(store.settings.home, f"{subject} by {author}"):
        result = work()
    result["audit_entry"] = _record(store, author, action, subject, result, clock)
    return result


def upload(
    store: Store, actor: str | None, name: str, data: bytes, clock: Clock = utc_now
) -> dict[str, Any]:
    """Ingest one uploaded file. Its captures name it "upload/USER/NAME"; bad items in it are
    reported with their place and kept out, and the good ones are kept."""
    from cotejo.runner.ingest import Ingester

    author = _author(store, actor, "upload")
    safe = upload_name(name)
    limit = store.settings.max_bytes
    if len(data) > limit:
        raise too_large(safe, limit, len(data))
    if not data:
        raise InputError(f"{safe} is empty", "send the file's bytes as the request body")
    subject = f"upload:{safe}"
    with (
        pipeline_lock(store.settings.home, f"{subject} by {author}"),
        tempfile.TemporaryDirectory(prefix="cotejo-upload-") as folder,
    ):
        path = Path(folder) / "upload"  # the name is only a label: never a path on disk
        path.write_bytes(data)
        found = InputFile(path=path, display=f"upload/{author}/{safe}", size=len(data))
        summary = Ingester(store, clock).run_files([found], f"upload by {author}: {safe}")
    result = summary.as_dict()
    if summary.failures and not summary.captures:
        first = summary.failures[0]
        where = f" ({first.position})" if first.position else ""
        more = len(summary.failures) - 1
        raise InputError(
            f"nothing in {safe} could be stored{where}: {first.message}"
            + (f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""),
            "fix what is named and upload the file again; the failure is recorded with the "
            "ingest run",
        )
    result["documents"] = [
        {"sha256": sha, "title": title, "new": new} for sha, title, new in summary.read[:MAX_LISTED]
    ]
    result["documents_listed"] = min(len(summary.read), MAX_LISTED)
    result["audit_entry"] = _record(store, author, "upload", subject, result, clock)
    return result


def extract(
    store: Store,
    actor: str | None,
    limit: int | None = None,
    extractor: Any = None,
    clock: Clock = utc_now,
) -> dict[str, Any]:
    """Extract every document the current extractor has not read (at most `limit`)."""
    from cotejo.runner.extract import run_extract

    def work() -> dict[str, Any]:
        return run_extract(store, extractor=extractor, limit=limit, clock=clock).as_dict()

    return _run(store, actor, "run", "run:extract", work, clock)


def resolve(
    store: Store,
    actor: str | None,
    rebuild: bool = False,
    embedder: Any = None,
    clock: Clock = utc_now,
) -> dict[str, Any]:
    """Place the mentions that have no incident yet; with `rebuild` (admin) regroup them all."""
    from cotejo.runner.resolve import run_resolve

    def work() -> dict[str, Any]:
        return run_resolve(store, rebuild=rebuild, embedder=embedder, clock=clock).as_dict()

    action, subject = ("rebuild", "run:resolve --rebuild") if rebuild else ("run", "run:resolve")
    return _run(store, actor, action, subject, work, clock)


def assess(
    store: Store, actor: str | None, keys: Sequence[str] | None = None, clock: Clock = utc_now
) -> dict[str, Any]:
    """Grade the live incidents (or those named) whose evidence or rules changed."""
    from cotejo.runner.assess import run_assess

    def work() -> dict[str, Any]:
        return run_assess(store, clock=clock, keys=keys).as_dict()

    return _run(store, actor, "run", "run:assess", work, clock)


def reindex(store: Store, actor: str | None, clock: Clock = utc_now) -> dict[str, Any]:
    """Rebuild the full-text search index from the documents (admin)."""
    from cotejo.store import search as fts

    def work() -> dict[str, Any]:
        with store.session() as session:
            state = fts.rebuild(session)
        return {"documents": state.documents, "indexed": state.indexed, "ok": state.ok}

    return _run(store, actor, "reindex", "run:reindex", work, clock)


def verify(store: Store, actor: str | None) -> dict[str, Any]:
    """Re-hash every archived file and check the hash chains (reviewer; it writes nothing)."""
    _author(store, actor, "verify")
    with store.read_session() as session:
        report = verify_archive(session, BlobStore(store.settings.archive_dir))
    return {
        "ok": report.ok,
        "files_checked": report.files_checked,
        "events_checked": report.events_checked,
        "problems": [str(p) for p in report.problems],
        "first_broken_link": str(report.first_broken_link) if report.first_broken_link else None,
        "warnings": report.warnings,
    }
