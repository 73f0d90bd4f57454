"""The whole flow on the Gun Violence Archive corpus (SemEval-2018 Task 5), scored per incident.

    python benchmarks/gva.py --data ../shared/benchmarks/gva

Runs ingest, extract and resolve on DIR/docs.jsonl into a fresh store (a temporary folder,
or --home), then compares the resolved incidents with the gold `incident_id`s and the gold
incident records in DIR/incidents.jsonl.

Clustering: each document stands for the incident of its first mention. A document that
was not ingested (57 gva lines have an empty text) or has no mention is its own cluster;
every gold document is scored, so those count against recall. Prints BCubed P/R/F1 and
pairwise F1 over documents.

Values: for each gold incident with a record and documents, the resolved incident holding
most of its documents (ties to the smaller key) gives its canonical killed, injured, date
and location. A toll no source states counts as 0, as GVA codes it.

Prints one JSON line; `--errors N` also prints N clustering misses to stderr.
`--home DIR --rebuild` re-runs only the resolve stage on a store made by an earlier run.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sqlalchemy import func, select  # noqa: E402

from _measure import peak_rss_children_mb, peak_rss_mb  # noqa: E402
from casualties import gold_date, km_between, load  # noqa: E402
from cotejo.config import resolve_settings  # noqa: E402
from cotejo.pipeline import Ingester  # noqa: E402
from cotejo.resolve.score import ResolveConfig  # noqa: E402
from cotejo.runner.extract import run_extract  # noqa: E402
from cotejo.runner.resolve import run_resolve  # noqa: E402
from cotejo.store import models as m  # noqa: E402
from cotejo.store.db import Store  # noqa: E402


def bcubed(gold: dict[str, str], predicted: dict[str, str]) -> tuple[float, float]:
    by_gold: dict[str, set[str]] = defaultdict(set)
    by_pred: dict[str, set[str]] = defaultdict(set)
    for doc, cluster in gold.items():
        by_gold[cluster].add(doc)
    for doc, cluster in predicted.items():
        by_pred[cluster].add(doc)
    precision = recall = 0.0
    for doc in gold:
        mine, truth = by_pred[predicted[doc]], by_gold[gold[doc]]
        shared = len(mine & truth)
        precision += shared / len(mine)
        recall += shared / len(truth)
    return precision / len(gold), recall / len(gold)


def pairwise_f1(gold: dict[str, str], predicted: dict[str, str]) -> float:
    def pairs(assign: dict[str, str]) -> set[tuple[str, str]]:
        groups: dict[str, list[str]] = defaultdict(list)
        for doc, cluster in assign.items():
            groups[cluster].append(doc)
        return {
            (a, b)
            for g in groups.values()
            for i, a in enumerate(sorted(g))
            for b in sorted(g)[i + 1 :]
        }

    g, p = pairs(gold), pairs(predicted)
    if not g or not p:
        return 0.0
    hit = len(g & p)
    precision, recall = hit / len(p), hit / len(g)
    return 2 * precision * recall / (precision + recall) if hit else 0.0


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def document_incidents(store: Store) -> tuple[dict[str, str], dict[str, dict]]:
    """doc_id -> incident key (first mention), and incident key -> canonical values."""
    with store.session() as session:
        rows = session.execute(
            select(m.Document.external_id, m.MentionRow.ordinal, m.Incident.key)
            .join(m.MentionRow, m.MentionRow.document_sha256 == m.Document.sha256)
            .join(m.IncidentMember, m.IncidentMember.mention_id == m.MentionRow.id)
            .join(m.Incident, m.Incident.id == m.IncidentMember.incident_id)
            .where(m.IncidentMember.until.is_(None))
        ).all()
        canon = dict(
            session.execute(
                select(m.Incident.key, m.Incident.canonical).where(m.Incident.retired_at.is_(None))
            ).all()
        )
    first: dict[str, tuple[int, str]] = {}
    for doc_id, ordinal, key in rows:
        if doc_id not in first or ordinal < first[doc_id][0]:
            first[doc_id] = (ordinal, key)
    return {doc: key for doc, (_, key) in first.items()}, {
        k: json.loads(v) for k, v in canon.items()
    }


def value(canonical: dict, name: str) -> int:
    figure = canonical.get(name)
    return int(figure["value"]) if figure else 0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", required=True, type=Path, help="folder in the gva layout")
    parser.add_argument("--home", type=Path, help="store folder (default: a fresh temporary one)")
    parser.add_argument("--rebuild", action="store_true", help="regroup from scratch")
    parser.add_argument("--workers", type=int, default=2, help="extraction processes")
    parser.add_argument(
        "--join-probability", type=float, help="override ResolveConfig.join_probability"
    )
    parser.add_argument("--errors", type=int, default=0, help="print N misses to stderr")
    args = parser.parse_args()

    docs, incidents = load(args.data)
    with tempfile.TemporaryDirectory(prefix="cotejo-gva-") as scratch:
        home = args.home or Path(scratch) / "home"
        store = Store(resolve_settings(home=home))
        started = time.perf_counter()
        Ingester(store).run([args.data / "docs.jsonl"])
        ingested = time.perf_counter()
        run_extract(store, workers=args.workers)
        extracted = time.perf_counter()
        config = ResolveConfig()
        if args.join_probability is not None:
            config = config.model_copy(update={"join_probability": args.join_probability})
        resolve = run_resolve(store, rebuild=args.rebuild, config=config)
        resolved = time.perf_counter()
        predicted_by_doc, canon = document_incidents(store)
        with store.session() as session:
            stored = session.execute(select(func.count()).select_from(m.Document)).scalar_one()
        store.close()

    gold = {doc["doc_id"]: doc["incident_id"] for doc in docs}
    predicted = {doc: predicted_by_doc.get(doc, f"alone:{doc}") for doc in gold}
    precision, recall = bcubed(gold, predicted)

    members: dict[str, list[str]] = defaultdict(list)
    for doc in docs:
        members[doc["incident_id"]].append(doc["doc_id"])
    killed_hits = injured_hits = date_hits = near_25 = near_161 = n = 0
    for incident_id, record in incidents.items():
        doc_ids = members.get(incident_id)
        if not doc_ids:
            continue
        n += 1
        votes = Counter(predicted[d] for d in doc_ids if predicted[d] in canon)
        if not votes:
            killed_hits += record["num_killed"] == 0
            injured_hits += record["num_injured"] == 0
            continue
        key = min(votes, key=lambda k: (-votes[k], k))
        values = canon[key]
        killed_hits += value(values, "killed") == record["num_killed"]
        injured_hits += value(values, "injured") == record["num_injured"]
        when = values.get("date")
        date_hits += (
            bool(when)
            and when["precision"] == "day"
            and when["value"] == gold_date(record.get("date"))
        )
        where = values.get("location")
        if where and record.get("lat") is not None and record.get("lon") is not None:
            km = km_between(
                (where["latitude"], where["longitude"]),
                (float(record["lat"]), float(record["lon"])),
            )
            near_25 += km <= 25
            near_161 += km <= 161

    if args.errors:
        shown = 0
        for incident_id, doc_ids in members.items():
            clusters = {predicted[d] for d in doc_ids}
            if len(clusters) > 1 and shown < args.errors:
                print(
                    json.dumps({"split": incident_id, "clusters": sorted(clusters)}),
                    file=sys.stderr,
                )
                shown += 1
    seconds = resolved - started
    print(
        json.dumps(
            {
                "benchmark": "gva",
                "data": str(args.data),
                "bcubed_p": round(precision, 4),
                "bcubed_r": round(recall, 4),
                "bcubed_f1": round(f1(precision, recall), 4),
                "pairwise_f1": round(pairwise_f1(gold, predicted), 4),
                "killed_exact": round(killed_hits / n, 4),
                "injured_exact": round(injured_hits / n, 4),
                "date_exact": round(date_hits / n, 4),
                "loc_within_25km": round(near_25 / n, 4),
                "loc_within_161km": round(near_161 / n, 4),
                "n_incidents": n,
                "gold_docs": len(gold),
                "docs": stored,
                "resolved_incidents": resolve.incidents,
                "seconds": round(seconds, 2),
                "ingest_s": round(ingested - started, 2),
                "extract_s": round(extracted - ingested, 2),
                "resolve_s": round(resolved - extracted, 2),
                "docs_per_s": round(stored / seconds, 1),
                "peak_rss_mb": peak_rss_mb(),
                "peak_rss_worker_mb": peak_rss_children_mb(),
                "resolve_config": resolve.config_version,
                "join_probability": config.join_probability,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
