"""Resolve at scale: the time to add one document to a store of N incidents, and memory.

    python benchmarks/resolve_scale.py --incidents 100000 --adds 200

Builds a store of synthetic incidents (one mention each: a random day in three years, a
random town-precision point, random killed/injured, a random unit vector standing in for
the context embedding), written straight into the tables in bulk. Then, at checkpoints
(a tenth, half and all of N), it adds `--adds` new documents one at a time and times each
through the streaming path: the document's mention is embedded with the real multilingual
encoder and placed with `run_resolve(store, mention_ids=[...])`, which finds candidates
through indexes only. Half the added mentions copy the day, place and vector of an
existing incident (they should join it), half are new.

Prints one JSON line: p50/p95/max milliseconds per added document at each checkpoint,
resident memory at each checkpoint, and the share of copies that joined their incident.
No data folder: the data is synthetic, so `--data` is not taken.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sqlalchemy import insert, select  # noqa: E402

from _measure import peak_rss_mb  # noqa: E402
from cotejo.canonical import canonical_json  # noqa: E402
from cotejo.config import resolve_settings  # noqa: E402
from cotejo.resolve.embed import USE_NAME, UseEmbedder, to_bytes  # noqa: E402
from cotejo.runner.resolve import run_resolve  # noqa: E402
from cotejo.store import models as m  # noqa: E402
from cotejo.store.db import Store  # noqa: E402

START = date(2023, 1, 1)
DAYS = 3 * 365
NOW = datetime(2026, 1, 1, tzinfo=UTC)


def current_rss_mb() -> float:
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    return 0.0


class Synthetic:
    def __init__(self, store: Store, seed: int) -> None:
        self.store = store
        self.rng = random.Random(seed)
        self.np = np.random.default_rng(seed)
        self.count = 0
        with store.session() as session:
            source = m.Source(name="synthetic", kind="media", created_at=NOW, domains=[])
            session.add(source)
            session.flush()
            self.source_id = source.id

    def _doc(self, i: int, day: date, text: str) -> dict:
        sha = f"{i:064x}"
        return {
            "sha256": sha,
            "source_id": self.source_id,
            "title": f"synthetic {i}",
            "published_at": datetime.combine(day + timedelta(days=1), datetime.min.time()),
            "media_type": "text/plain",
            "language": "en",
            "text": text,
            "reader": "synthetic",
            "reader_version": "1",
            "notes": [],
            "first_ingested_at": NOW.replace(tzinfo=None),
        }

    def add_incidents(self, n: int, batch: int = 5000) -> None:
        """n incidents of one mention each, in bulk (the setup, not what is measured)."""
        for start in range(0, n, batch):
            size = min(batch, n - start)
            rows = [self._row(self.count + k) for k in range(size)]
            self.count += size
            vectors = self.np.normal(size=(size, 512)).astype(np.float32)
            vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
            with self.store.session() as session:
                session.execute(insert(m.Blob), [r["blob"] for r in rows])
                session.execute(insert(m.Document), [r["doc"] for r in rows])
                session.execute(insert(m.ReportRow), [r["report"] for r in rows])
                session.execute(insert(m.MentionRow), [r["mention"] for r in rows])
                session.execute(
                    insert(m.MentionFeatures),
                    [
                        {**r["features"], "vector": to_bytes(v)}
                        for r, v in zip(rows, vectors, strict=True)
                    ],
                )
                session.execute(insert(m.Incident), [r["incident"] for r in rows])
                session.execute(insert(m.IncidentWindow), [w for r in rows for w in r["windows"]])
                session.execute(insert(m.IncidentMember), [r["member"] for r in rows])

    def _row(self, i: int) -> dict:
        day = START + timedelta(days=self.rng.randrange(DAYS))
        lat, lon = self.rng.uniform(-50, 60), self.rng.uniform(-180, 180)
        killed = self.rng.randrange(0, 4)
        doc = self._doc(i, day, f"synthetic incident {i}")
        ident = i + 1
        return {
            "blob": {"sha256": doc["sha256"], "size": 10, "stored_at": NOW},
            "doc": doc,
            "report": {
                "id": ident,
                "document_sha256": doc["sha256"],
                "extractor_version": "synthetic",
                "created_at": NOW,
                "payload": "{}",
                "payload_sha256": "0" * 64,
                "mention_count": 1,
            },
            "mention": {
                "id": ident,
                "report_id": ident,
                "document_sha256": doc["sha256"],
                "ordinal": 0,
                "event_type": "attack_on_civilians",
                "date_start": day,
                "date_end": day,
                "date_precision": "day",
                "place_name": f"Town {i}",
                "place_precision": "town",
                "latitude": lat,
                "longitude": lon,
                "country_code": "ZZ",
                "killed_low": killed,
                "killed_high": killed,
            },
            "features": {
                "mention_id": ident,
                "embedder": USE_NAME,
                "payload": canonical_json(
                    {
                        "published": (day + timedelta(days=1)).isoformat(),
                        "killed": [killed, killed],
                        "injured": None,
                        "actors": [],
                        "places": [f"name:town {i}"],
                        "place_key": f"name:town {i}",
                        # hashed names and numbers: 20 random buckets of 2^20
                        "terms": sorted([b, 1] for b in self.rng.sample(range(1 << 20), 20)),
                    }
                ).decode(),
                "created_at": NOW,
            },
            "incident": {
                "id": ident,
                "key": f"inc-syn{i:09d}",
                "created_at": NOW,
                "updated_at": NOW,
                "mention_count": 1,
                "document_count": 1,
                "latitude": lat,
                "longitude": lon,
                "country_code": "ZZ",
                "event_type": "attack_on_civilians",
                "date_start": day,
                "date_end": day,
                "place_name": f"Town {i}",
                "place_precision": "town",
                "min_lat": lat,
                "max_lat": lat,
                "reach_km": 40.0,
                "unplaced": False,
                "place_keys": f"|n:town {i}|name:town {i}|",
                "canonical": "{}",
            },
            # The member's windows as resolve indexes them: its day +-1, and the week
            # before publication (the day after).
            "windows": [
                {
                    "incident_id": ident,
                    "start": day - timedelta(days=1),
                    "end": day + timedelta(days=1),
                    "long": False,
                },
                {
                    "incident_id": ident,
                    "start": day - timedelta(days=6),
                    "end": day + timedelta(days=1),
                    "long": False,
                },
            ],
            "member": {
                "mention_id": ident,
                "incident_id": ident,
                "method": "auto",
                "score": None,
                "signals": "{}",
                "since": NOW,
            },
        }

    def add_document(self, copy_of: int | None, embedder: UseEmbedder) -> tuple[int, int | None]:
        """One new document with one mention, stored as extract would; returns the mention
        id and the incident it copies (or None)."""
        i = self.count
        self.count += 1
        with self.store.session() as session:
            if copy_of is not None:
                base = session.get(m.MentionRow, copy_of)
                assert base is not None
                day, lat, lon, place = (
                    base.date_start,
                    base.latitude,
                    base.longitude,
                    base.place_name,
                )
                killed = base.killed_low
            else:
                day = START + timedelta(days=self.rng.randrange(DAYS))
                lat, lon = self.rng.uniform(-50, 60), self.rng.uniform(-180, 180)
                place, killed = f"Town {i}", 1
        text = (
            f"Gunmen killed {killed} people in {place} on {day:%B %d}, police said."
            if copy_of is None
            else f"Police in {place} said {killed} people were killed in the attack."
        )
        row = self._row(i)
        row["doc"] = self._doc(i, day, text)
        ident = i + 1
        mention = {
            **row["mention"],
            "document_sha256": row["doc"]["sha256"],
            "date_start": day,
            "date_end": day,
            "latitude": lat,
            "longitude": lon,
            "place_name": place,
            "killed_low": killed,
            "killed_high": killed,
        }
        with self.store.session() as session:
            session.execute(insert(m.Blob), [{**row["blob"], "sha256": row["doc"]["sha256"]}])
            session.execute(insert(m.Document), [row["doc"]])
            session.execute(
                insert(m.ReportRow), [{**row["report"], "document_sha256": row["doc"]["sha256"]}]
            )
            session.execute(insert(m.MentionRow), [mention])
            payload = json.loads(row["features"]["payload"])
            if copy_of is not None:
                # The copy reads like its incident: reuse that vector and those terms.
                vector, base_payload = session.execute(
                    select(m.MentionFeatures.vector, m.MentionFeatures.payload).where(
                        m.MentionFeatures.mention_id == copy_of
                    )
                ).one()
                payload["terms"] = json.loads(base_payload)["terms"]
            else:
                vector = to_bytes(embedder([text])[0])
            payload.update(
                published=(day + timedelta(days=1)).isoformat(),
                killed=[killed, killed],
                places=[f"name:{place.lower()}"],
                place_key=f"name:{place.lower()}",
            )
            session.execute(
                insert(m.MentionFeatures),
                [
                    {
                        **row["features"],
                        "vector": vector,
                        "payload": canonical_json(payload).decode(),
                    }
                ],
            )
        return ident, copy_of


def measure(synthetic: Synthetic, embedder: UseEmbedder, adds: int) -> dict[str, float]:
    times, joined, copies = [], 0, 0
    existing = synthetic.count
    for n in range(adds):
        copy_of = synthetic.rng.randrange(1, existing) if n % 2 == 0 else None
        mention, copied = synthetic.add_document(copy_of, embedder)
        started = time.perf_counter()
        # Every document's context goes through the real encoder once: part of the cost.
        embedder([f"Police said people were killed in an attack, report {n}."])
        run_resolve(synthetic.store, mention_ids=[mention], embedder=embedder)
        times.append(1000 * (time.perf_counter() - started))
        if copied is not None:
            copies += 1
            with synthetic.store.session() as session:
                incident = session.execute(
                    select(m.IncidentMember.incident_id).where(
                        m.IncidentMember.mention_id == mention, m.IncidentMember.until.is_(None)
                    )
                ).scalar_one()
            joined += incident == copied
    ordered = sorted(times)
    return {
        "p50_ms": round(ordered[len(ordered) // 2], 2),
        "p95_ms": round(ordered[int(len(ordered) * 0.95) - 1], 2),
        "max_ms": round(ordered[-1], 2),
        "copies_joined": round(joined / copies, 3) if copies else None,
        "rss_mb": current_rss_mb(),
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--incidents", type=int, default=100_000, help="store size N")
    parser.add_argument("--adds", type=int, default=200, help="documents timed per checkpoint")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--home", type=Path, help="store folder (default: a temporary one)")
    args = parser.parse_args()

    embedder = UseEmbedder()
    embedder(["warm up the encoder once"])
    results = {}
    with tempfile.TemporaryDirectory(prefix="cotejo-scale-") as scratch:
        store = Store(resolve_settings(home=args.home or Path(scratch) / "home"))
        synthetic = Synthetic(store, args.seed)
        built = 0
        started = time.perf_counter()
        for checkpoint in sorted(
            {max(1, args.incidents // 10), args.incidents // 2, args.incidents}
        ):
            synthetic.add_incidents(checkpoint - built)
            built = checkpoint
            results[str(checkpoint)] = measure(synthetic, embedder, args.adds)
            print(
                json.dumps({"checkpoint": checkpoint, **results[str(checkpoint)]}), file=sys.stderr
            )
        store.close()
    final = results[str(args.incidents)]
    print(
        json.dumps(
            {
                "benchmark": "resolve_scale",
                "incidents": args.incidents,
                "adds_per_checkpoint": args.adds,
                "p95_ms": final["p95_ms"],
                "p50_ms": final["p50_ms"],
                "checkpoints": results,
                "peak_rss_mb": peak_rss_mb(),
                "seconds": round(time.perf_counter() - started, 1),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
