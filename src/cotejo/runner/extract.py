"""Extract runner: extract every archived document not yet extracted by the current
extractor version, and store each Report with its mentions' blocking keys.

Idempotent: a document with a report of this version is skipped, so re-running does
nothing new. Reports of older versions are kept beside newer ones, never rewritten.
"""

from __future__ import annotations

import hashlib
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from cotejo.clock import Clock, utc_now
from cotejo.extract.model import FigureKind, Report
from cotejo.extract.report import ExtractInput, Extractor
from cotejo.store import models as m
from cotejo.store.db import Store
from cotejo.store.events import EventLog

BATCH = 64


@dataclass
class ExtractSummary:
    version: str
    documents: int = 0
    mentions: int = 0
    without_mention: int = 0
    already_done: int = 0
    by_event_type: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    def as_dict(self) -> dict[str, object]:
        return {
            "extractor_version": self.version,
            "documents": self.documents,
            "mentions": self.mentions,
            "documents_without_mention": self.without_mention,
            "already_extracted": self.already_done,
            "by_event_type": dict(sorted(self.by_event_type.items())),
            "seconds": round(self.seconds, 2),
            "docs_per_s": round(self.documents / self.seconds, 1) if self.seconds else None,
        }


def pending_documents(session: Session, version: str, limit: int | None = None) -> list[str]:
    done = exists().where(
        m.ReportRow.document_sha256 == m.Document.sha256, m.ReportRow.extractor_version == version
    )
    query = (
        select(m.Document.sha256)
        .where(~done)
        .order_by(m.Document.first_ingested_at, m.Document.sha256)
    )
    if limit:
        query = query.limit(limit)
    return list(session.scalars(query))


def _inputs(store: Store, shas: list[str]) -> Iterator[ExtractInput]:
    for start in range(0, len(shas), BATCH):
        chunk = shas[start : start + BATCH]
        with store.session() as session:
            rows = session.execute(
                select(
                    m.Document.sha256,
                    m.Document.text,
                    m.Document.language,
                    m.Document.title,
                    m.Document.published_at,
                ).where(m.Document.sha256.in_(chunk))
            ).all()
        by_sha = {row[0]: row for row in rows}
        for sha in chunk:
            _, text, language, title, published = by_sha[sha]
            yield ExtractInput(
                sha256=sha, text=text, language=language, title=title, published_at=published
            )


def _mention_rows(report: Report, report_id: int) -> Iterator[m.MentionRow]:
    for ordinal, mention in enumerate(report.mentions):
        place = mention.places[0] if mention.places else None
        tolls = {f.kind: f for f in mention.figures}
        killed, injured = tolls.get(FigureKind.KILLED), tolls.get(FigureKind.INJURED)
        yield m.MentionRow(
            report_id=report_id,
            document_sha256=report.document_sha256,
            ordinal=ordinal,
            event_type=mention.event_type.type.value,
            date_start=mention.date.start if mention.date else None,
            date_end=mention.date.end if mention.date else None,
            date_precision=mention.date.precision.value if mention.date else None,
            place_name=place.name if place else None,
            place_precision=place.precision.value if place else None,
            geonames_id=place.geonames_id if place else None,
            latitude=place.latitude if place else None,
            longitude=place.longitude if place else None,
            country_code=place.country_code if place else None,
            admin1=place.admin1 if place else None,
            killed_low=killed.low if killed else None,
            killed_high=killed.high if killed else None,
            injured_low=injured.low if injured else None,
            injured_high=injured.high if injured else None,
        )


def save_reports(session: Session, reports: list[Report], clock: Clock) -> None:
    events = EventLog(session)
    for report in reports:
        payload = report.model_dump_json()
        digest = hashlib.sha256(payload.encode("utf-8")).hexdigest()
        now = clock()
        row = m.ReportRow(
            document_sha256=report.document_sha256,
            extractor_version=report.extractor_version,
            created_at=now,
            payload=payload,
            payload_sha256=digest,
            mention_count=len(report.mentions),
        )
        session.add(row)
        session.flush()
        session.add_all(_mention_rows(report, row.id))
        events.append(
            "report.stored",
            f"document:{report.document_sha256}",
            {
                "report": row.id,
                "extractor_version": report.extractor_version,
                "payload_sha256": digest,
                "mentions": len(report.mentions),
            },
            now,
        )


def run_extract(
    store: Store,
    extractor: Extractor | None = None,
    progress: Callable[[int, int], None] | None = None,
    limit: int | None = None,
    clock: Clock = utc_now,
    workers: int = 1,
) -> ExtractSummary:
    extractor = extractor or Extractor()
    summary = ExtractSummary(version=extractor.version)
    with store.session() as session:
        shas = pending_documents(session, extractor.version, limit)
        summary.already_done = session.execute(
            select(func.count())
            .select_from(m.ReportRow)
            .where(m.ReportRow.extractor_version == extractor.version)
        ).scalar_one()
    started = time.perf_counter()
    batch: list[Report] = []
    reports = (
        extractor.extract_parallel(_inputs(store, shas), workers=workers)
        if workers > 1
        else extractor.extract_many(_inputs(store, shas), batch=BATCH)
    )
    for report in reports:
        batch.append(report)
        summary.documents += 1
        summary.mentions += len(report.mentions)
        summary.without_mention += not report.mentions
        for mention in report.mentions:
            summary.by_event_type[mention.event_type.type.value] += 1
        if len(batch) >= BATCH:
            with store.session() as session:
                save_reports(session, batch, clock)
            batch = []
        if progress:
            progress(summary.documents, len(shas))
    if batch:
        with store.session() as session:
            save_reports(session, batch, clock)
    summary.seconds = time.perf_counter() - started
    return summary


def load_report(session: Session, sha256: str, version: str | None = None) -> Report | None:
    query = select(m.ReportRow.payload).where(m.ReportRow.document_sha256 == sha256)
    if version:
        query = query.where(m.ReportRow.extractor_version == version)
    payload = session.scalars(query.order_by(m.ReportRow.id.desc()).limit(1)).first()
    return Report.model_validate_json(payload) if payload else None
