"""The stages of cotejo in flow order, and where each one's runner lives.

sources ─▶ ingest ─▶ archive ─▶ extract ─▶ resolve ─▶ assess ─▶ review ─▶ publish
"""

from __future__ import annotations

PIPELINE = ("ingest", "archive", "extract", "resolve", "assess", "review", "publish")
IMPLEMENTED = PIPELINE

RUNNERS = {
    "ingest": "cotejo.runner.ingest:Ingester",  # ingest and archive run together, per file
    "archive": "cotejo.runner.ingest:Ingester",
    "extract": "cotejo.runner.extract:run_extract",
    "resolve": "cotejo.runner.resolve:run_resolve",
    "assess": "cotejo.runner.assess:run_assess",
    "review": "cotejo.review.service:require",  # each action in that module checks roles here
    "publish": "cotejo.api.app:create_app",  # and cotejo.export.EXPORTERS for the exports
}

# Kept importable from here: tests, benchmarks and the CLI use these names.
from cotejo.runner.ingest import Ingester, IngestSummary, utc_now  # noqa: E402

__all__ = ["IMPLEMENTED", "PIPELINE", "RUNNERS", "IngestSummary", "Ingester", "utc_now"]
