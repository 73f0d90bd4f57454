"""Ingest throughput: DIR/docs.jsonl into a fresh store, language id and near-duplicate links on.

    python benchmarks/ingest.py --data ../shared/benchmarks/gva

Prints one JSON line: docs, seconds, docs_per_s, peak_rss_mb (and near-duplicate counts).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _measure import peak_rss_mb  # noqa: E402
from cotejo.pipeline import Ingester  # noqa: E402
from cotejo.testing import make_store  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", required=True, type=Path, help="folder holding docs.jsonl")
    parser.add_argument("--home", type=Path, help="store folder (default: a fresh temp folder)")
    args = parser.parse_args()
    docs = args.data / "docs.jsonl"
    if not docs.is_file():
        parser.error(f"{docs} not found: --data must be a folder with docs.jsonl (gva layout)")
    with tempfile.TemporaryDirectory(prefix="cotejo-bench-") as scratch:
        home = args.home or Path(scratch) / "home"
        store = make_store(home, max_bytes=1 << 30)
        started = time.perf_counter()
        summary = Ingester(store).run([docs])
        seconds = time.perf_counter() - started
        store.close()
    count = summary.new_documents + summary.duplicates
    print(
        json.dumps(
            {
                "benchmark": "ingest",
                "data": str(args.data),
                "docs": count,
                "new_documents": summary.new_documents,
                "failed": len(summary.failures),
                "near_duplicate_links": summary.near_duplicate_links,
                "by_language": dict(summary.by_language),
                "seconds": round(seconds, 2),
                "docs_per_s": round(count / seconds, 1),
                "peak_rss_mb": peak_rss_mb(),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
