"""Deaths and injuries per incident against the Gun Violence Archive gold (SemEval-2018 Task 5).

    python benchmarks/casualties.py --data ../shared/benchmarks/gva

For every gold incident with a structured record and at least one document, each document's
text goes through `find_figures` and `document_toll`; the per-document tolls are combined
by `predict_incident` and compared with `num_killed` / `num_injured`. By default only the
`text` field is read, as extract() reads Document.text; `--with-title` puts the headline
first ("3 dead, 2 hurt in ...": many GVA texts are paywall or menu stubs whose only
casualty words are in the title).

Per-document value: the toll's `low` (the conservative figure). A document that states no
killed (or injured) figure but states some other casualty figure reports the incident and
says nobody else was killed (injured): it counts as 0. A document with no casualty figure
at all abstains. Per incident: the most common value among the documents that did not
abstain, ties to the larger; 0 when every document abstains (nothing reported, nothing coded,
as ACLED does). `--missing` switches this rule to compare alternatives.

Prints one JSON line: killed_exact, injured_exact (share exactly right), killed_mae,
injured_mae, n_incidents, docs, docs_per_s and ms_per_doc (find_figures + document_toll
only). date_exact, loc_within_25km and loc_within_161km are placeholders (null) until the
whole extract() exists; `predict_incident` is where they will be filled.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _measure import peak_rss_mb  # noqa: E402
from cotejo.extract.figures import document_toll, find_figures  # noqa: E402
from cotejo.extract.model import FigureKind  # noqa: E402

REPORTING_KINDS = (FigureKind.KILLED, FigureKind.INJURED)


@dataclass(frozen=True)
class DocumentReading:
    """What one document says about its incident; None where it says nothing."""

    doc_id: str
    killed: int | None
    injured: int | None
    seconds: float


@dataclass(frozen=True)
class IncidentPrediction:
    killed: int
    injured: int
    date: str | None = None  # placeholder: filled once extract() gives dates
    location: tuple[float, float] | None = None  # placeholder: (lat, lon) from extract()


def read_document(doc: dict, language: str, with_title: bool, missing: str) -> DocumentReading:
    text = f"{doc['title']}\n\n{doc['text']}" if with_title and doc.get("title") else doc["text"]
    started = time.perf_counter()
    figures = find_figures(text, language)
    toll = document_toll(figures, text)
    seconds = time.perf_counter() - started
    reports = any(kind in toll for kind in REPORTING_KINDS)
    values: dict[FigureKind, int | None] = {}
    for kind in REPORTING_KINDS:
        figure = toll.get(kind)
        if figure is not None:
            values[kind] = figure.low
        elif missing == "zero" or (missing == "zero-if-reported" and reports):
            values[kind] = 0
        else:
            values[kind] = None
    return DocumentReading(
        doc["doc_id"], values[FigureKind.KILLED], values[FigureKind.INJURED], seconds
    )


def consensus(values: Iterable[int | None]) -> int:
    """The most common stated value, ties to the larger; 0 when no document states one."""
    counts = Counter(v for v in values if v is not None)
    if not counts:
        return 0
    return max(counts.items(), key=lambda item: (item[1], item[0]))[0]


def predict_incident(readings: Sequence[DocumentReading]) -> IncidentPrediction:
    """Combine the documents of one incident. Extend here for date and location.

    Deaths: the consensus of all documents. Injuries: the consensus of the documents that
    agree with that death toll (an early report's "man shot" is the later report's death),
    or of all documents when none agrees.
    """
    killed = consensus(r.killed for r in readings)
    agreeing = [r for r in readings if r.killed == killed] or list(readings)
    return IncidentPrediction(killed=killed, injured=consensus(r.injured for r in agreeing))


def load(data: Path) -> tuple[list[dict], dict[str, dict]]:
    docs_path, incidents_path = data / "docs.jsonl", data / "incidents.jsonl"
    for path in (docs_path, incidents_path):
        if not path.is_file():
            raise SystemExit(
                f"{path} not found: --data must be a folder with docs.jsonl and "
                "incidents.jsonl (the gva layout, see shared/benchmarks/README.md)"
            )
    with docs_path.open(encoding="utf-8") as handle:
        docs = [json.loads(line) for line in handle if line.strip()]
    with incidents_path.open(encoding="utf-8") as handle:
        incidents = {
            record["incident_id"]: record
            for record in (json.loads(line) for line in handle if line.strip())
        }
    return docs, incidents


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", required=True, type=Path, help="folder in the gva layout")
    parser.add_argument("--language", default="en", help="language of the documents")
    parser.add_argument("--with-title", action="store_true", help="prepend each title")
    parser.add_argument(
        "--missing",
        choices=("zero-if-reported", "zero", "null"),
        default="zero-if-reported",
        help="what a document without a killed/injured figure says (see the module doc)",
    )
    parser.add_argument("--errors", type=int, default=0, help="print N misses to stderr")
    args = parser.parse_args()

    docs, incidents = load(args.data)
    by_incident: dict[str, list[dict]] = defaultdict(list)
    for doc in docs:
        if doc["incident_id"] in incidents:
            by_incident[doc["incident_id"]].append(doc)

    killed_hits = injured_hits = 0
    killed_error = injured_error = 0
    seconds = 0.0
    read = 0
    misses: list[dict] = []
    for incident_id, incident_docs in by_incident.items():
        readings = [
            read_document(doc, args.language, args.with_title, args.missing)
            for doc in incident_docs
        ]
        read += len(readings)
        seconds += sum(r.seconds for r in readings)
        predicted = predict_incident(readings)
        gold = incidents[incident_id]
        killed_hits += predicted.killed == gold["num_killed"]
        injured_hits += predicted.injured == gold["num_injured"]
        killed_error += abs(predicted.killed - gold["num_killed"])
        injured_error += abs(predicted.injured - gold["num_injured"])
        if (predicted.killed, predicted.injured) != (gold["num_killed"], gold["num_injured"]):
            misses.append(
                {
                    "incident_id": incident_id,
                    "gold": [gold["num_killed"], gold["num_injured"]],
                    "predicted": [predicted.killed, predicted.injured],
                    "docs": {r.doc_id: [r.killed, r.injured] for r in readings},
                }
            )
    n = len(by_incident)
    for miss in misses[: args.errors]:
        print(json.dumps(miss), file=sys.stderr)
    print(
        json.dumps(
            {
                "benchmark": "casualties",
                "data": str(args.data),
                "with_title": args.with_title,
                "missing": args.missing,
                "killed_exact": round(killed_hits / n, 4),
                "injured_exact": round(injured_hits / n, 4),
                "killed_mae": round(killed_error / n, 4),
                "injured_mae": round(injured_error / n, 4),
                "date_exact": None,  # placeholder until extract() gives dates
                "loc_within_25km": None,  # placeholder until extract() gives places
                "loc_within_161km": None,  # placeholder until extract() gives places
                "n_incidents": n,
                "docs": read,
                "docs_per_s": round(read / seconds, 1),
                "ms_per_doc": round(1000 * seconds / read, 3),
                "peak_rss_mb": peak_rss_mb(),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
