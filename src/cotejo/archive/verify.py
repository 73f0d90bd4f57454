"""Re-hash every archived file, match the archive against its records, and check the event chain.

Read-only: verification never repairs anything; it reports every problem it finds.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from cotejo.archive.blobs import BlobStore, is_sha256
from cotejo.archive.ledger import check_chain
from cotejo.review.audit import check_entries
from cotejo.store import models as m
from cotejo.store.events import entries


@dataclass(frozen=True)
class Problem:
    kind: str  # "archive" | "record" | "chain" | "review" | "assessment"
    subject: str
    message: str
    order: int = field(default=0, compare=False)  # log sequence, for the first broken link

    def __str__(self) -> str:
        return f"[{self.kind}] {self.subject}: {self.message}"


@dataclass
class VerifyReport:
    files_checked: int = 0
    events_checked: int = 0
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def first_broken_link(self) -> Problem | None:
        """The earliest entry of the log (or review entry) that does not hold."""
        chained = [p for p in self.problems if p.kind in ("chain", "review", "assessment")]
        return min(chained, key=lambda p: p.order) if chained else None


def _describe(session: Session, sha: str) -> str:
    """Name the documents that rely on an archived file, for a reader of the report."""
    doc = session.get(m.Document, sha)
    if doc is not None:
        where = "an unknown file"
        if doc.captures:
            first = doc.captures[0]
            where = first.original_name + (f" ({first.locator})" if first.locator else "")
        return f"document {sha} «{(doc.title or '')[:60]}» from {where}"
    users = session.execute(
        select(m.Capture.original_name).where(m.Capture.container_sha256 == sha).limit(1)
    ).scalar()
    return f"container file {sha} ({users})" if users else f"file {sha}"


def verify(
    session: Session, blobs: BlobStore, progress: Callable[[int, int], None] | None = None
) -> VerifyReport:
    report = VerifyReport()
    recorded = dict(session.execute(select(m.Blob.sha256, m.Blob.size)).all())
    total = len(recorded)
    for number, (sha, size) in enumerate(sorted(recorded.items()), start=1):
        if progress:
            progress(number, total)
        actual = blobs.rehash(sha)
        report.files_checked += 1
        if actual is None:
            report.problems.append(
                Problem("archive", _describe(session, sha), "archived file is missing")
            )
        elif actual != sha:
            report.problems.append(
                Problem(
                    "archive",
                    _describe(session, sha),
                    f"content changed: it now hashes to {actual}",
                )
            )
        elif blobs.path_for(sha).stat().st_size != size:
            report.problems.append(
                Problem("archive", _describe(session, sha), "size differs from the record")
            )
    for name in blobs.stored():
        if name not in recorded:
            what = "is not a SHA-256 name" if not is_sha256(name) else "has no record"
            report.problems.append(
                Problem(
                    "archive",
                    f"archive file {name}",
                    f"{what}: an ingest was interrupted before it committed, or the file was "
                    "planted; run the same `cotejo ingest` again to adopt it",
                )
            )
    for path in blobs.leftovers():
        report.warnings.append(
            f"temp file {path.name} from an interrupted write; the next ingest removes it"
        )
    missing_blob = session.execute(
        select(m.Document.sha256).where(m.Document.sha256.not_in(select(m.Blob.sha256)))
    ).scalars()
    for sha in missing_blob:
        report.problems.append(Problem("record", f"document {sha}", "has no archived file record"))
    mismatched = session.execute(
        select(m.Capture.id, m.Capture.sha256, m.Capture.document_sha256).where(
            m.Capture.sha256 != m.Capture.document_sha256
        )
    )
    for capture_id, sha, doc_sha in mismatched:
        report.problems.append(
            Problem(
                "record", f"capture {capture_id}", f"records sha256 {sha} for document {doc_sha}"
            )
        )
    chain = list(entries(session))
    report.events_checked = len(chain)
    for broken in check_chain(chain):
        report.problems.append(
            Problem("chain", f"event {broken.seq}", broken.problem, order=broken.seq)
        )
    for entry in check_entries(session):
        subject = f"review entry {entry.entry}" if entry.entry else "review log"
        where = f" (log entry {entry.seq})" if entry.seq else ""
        report.problems.append(
            Problem("review", subject + where, entry.problem, order=entry.seq or 0)
        )
    for assessment_id, payload, digest in session.execute(
        select(m.Assessment.id, m.Assessment.payload, m.Assessment.payload_sha256)
    ):
        if hashlib.sha256(payload.encode("utf-8")).hexdigest() != digest:
            report.problems.append(
                Problem(
                    "assessment",
                    f"assessment {assessment_id}",
                    "its stored grades do not match their hash (edited)",
                    order=_assessment_event(chain, assessment_id),
                )
            )
    return report


def _assessment_event(chain: list, assessment_id: int) -> int:
    """The log entry that recorded an assessment, for ordering problems."""
    for entry in chain:
        if entry.kind == "assess.run" and f'"assessment":{assessment_id},' in entry.payload:
            return entry.seq
    return 0
