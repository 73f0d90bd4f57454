"""Incident dates on the gva development split: `event_date` on every document of each incident.

    python benchmarks/dates_dev.py --data ../shared/benchmarks/gva

An incident counts as right when the date most often extracted from its documents (the
published date is `dct`; ties go to the earliest) equals the gold date, or lies within one
day of it. Incidents with no documents are left out; an incident whose documents give no date
counts as wrong. Prints one JSON line: incidents, date_exact, date_within_1_day, no_date,
docs, ms_per_doc (`event_date`, which runs `find_dates`, over each document text).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _measure import peak_rss_mb  # noqa: E402
from casualties import gold_date, load  # noqa: E402
from cotejo.extract.dates import event_date  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", required=True, type=Path, help="folder holding gva jsonl files")
    args = parser.parse_args()
    docs_list, incidents_by_id = load(args.data)
    docs = {doc["doc_id"]: doc for doc in docs_list}

    found: dict[str, date | None] = {}
    started = time.perf_counter()
    for doc_id, doc in docs.items():
        published = date.fromisoformat(doc["dct"]) if doc.get("dct") else None
        result = event_date(doc["text"], "en", published)
        found[doc_id] = result.start if result else None
    seconds = time.perf_counter() - started

    incidents = exact = near = no_date = 0
    for incident in incidents_by_id.values():
        ids = [i for i in incident["doc_ids"] if i in docs]
        if not ids:
            continue
        incidents += 1
        gold = date.fromisoformat(gold_date(incident["date"]) or "")
        votes = Counter(found[i] for i in ids if found[i] is not None)
        if not votes:
            no_date += 1
            continue
        guess = min(votes, key=lambda d: (-votes[d], d))
        exact += guess == gold
        near += abs((guess - gold).days) <= 1
    print(
        json.dumps(
            {
                "incidents": incidents,
                "date_exact": round(exact / incidents, 4),
                "date_within_1_day": round(near / incidents, 4),
                "no_date": no_date,
                "docs": len(docs),
                "ms_per_doc": round(1000 * seconds / len(docs), 3),
                "peak_rss_mb": peak_rss_mb(),
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
