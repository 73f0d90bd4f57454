"""Read-only summaries of a store, for `cotejo status` and the demo."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cotejo.store import models as m


def _counts(session: Session, column: Any, *joins: Any) -> dict[str, int]:
    query = select(column, func.count()).select_from(m.Document)
    for target in joins:
        query = query.join(target)
    rows = session.execute(query.group_by(column).order_by(column)).all()
    return {str(key): int(count) for key, count in rows}


def status(session: Session) -> dict[str, Any]:
    scalar = session.execute
    grouped = scalar(
        select(func.count(func.distinct(m.Document.near_duplicate_group_id)), func.count()).where(
            m.Document.near_duplicate_group_id.is_not(None)
        )
    ).one()
    last_run = scalar(select(m.IngestRun).order_by(m.IngestRun.id.desc()).limit(1)).scalar()
    return {
        "documents": scalar(select(func.count()).select_from(m.Document)).scalar_one(),
        "captures": scalar(select(func.count()).select_from(m.Capture)).scalar_one(),
        "sources": scalar(select(func.count()).select_from(m.Source)).scalar_one(),
        "archived_files": scalar(select(func.count()).select_from(m.Blob)).scalar_one(),
        "archived_bytes": int(scalar(select(func.coalesce(func.sum(m.Blob.size), 0))).scalar_one()),
        "events": scalar(select(func.count()).select_from(m.Event)).scalar_one(),
        "by_format": _counts(session, m.Document.reader),
        "by_language": _counts(session, m.Document.language),
        "by_source_kind": _counts(session, m.Source.kind, m.Source),
        "near_duplicate_groups": int(grouped[0]),
        "documents_in_near_duplicate_groups": int(grouped[1]),
        "ingest_runs": scalar(select(func.count()).select_from(m.IngestRun)).scalar_one(),
        "failures_recorded": scalar(select(func.count()).select_from(m.IngestFailure)).scalar_one(),
        "last_run": None
        if last_run is None
        else {
            "id": last_run.id,
            "started_at": last_run.started_at.isoformat(),
            "finished": last_run.finished_at is not None,
            "failed": last_run.counts.get("failed") if last_run.counts else None,
        },
    }
