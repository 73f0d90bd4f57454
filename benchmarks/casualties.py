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

By default every document goes through the whole extract stage (`Extractor.extract_many`,
the shared spaCy pass included) and the figures, date and first place of its main mention
are used; `--figures-only` runs just find_figures + document_toll (fast, for iterating).
Date per incident: the most common day-precision date of its documents; place: the most
common first place, compared with the gold lat/lon by great-circle distance.

Prints one JSON line: killed_exact, injured_exact (share exactly right), killed_mae,
injured_mae, date_exact, loc_within_25km, loc_within_161km (null with --figures-only),
n_incidents, docs, docs_per_s and ms_per_doc (extraction time only), peak_rss_mb. With
--compare-ner it also times a bare spaCy small-model NER pass over the same texts and
prints the ratio of extraction time to it.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _measure import peak_rss_children_mb, peak_rss_mb  # noqa: E402
from cotejo.extract.figures import document_toll, find_figures  # noqa: E402
from cotejo.extract.model import FigureKind, Report  # noqa: E402
from cotejo.extract.places.resolve import km  # noqa: E402

REPORTING_KINDS = (FigureKind.KILLED, FigureKind.INJURED)


@dataclass(frozen=True)
class DocumentReading:
    """What one document says about its incident; None where it says nothing."""

    doc_id: str
    killed: int | None
    injured: int | None
    seconds: float
    date: str | None = None
    location: tuple[float, float] | None = None


@dataclass(frozen=True)
class IncidentPrediction:
    killed: int
    injured: int
    date: str | None = None  # ISO day, from the documents' main mentions
    location: tuple[float, float] | None = None  # (lat, lon) of the most common first place


def _text(doc: dict, with_title: bool) -> str:
    return f"{doc['title']}\n\n{doc['text']}" if with_title and doc.get("title") else doc["text"]


def read_document(
    doc: dict,
    language: str,
    with_title: bool,
    missing: str,
    report: Report | None = None,
    seconds: float | None = None,
) -> DocumentReading:
    """One document's reading: from its extracted report when given, else figures only."""
    text = _text(doc, with_title)
    date, location = None, None
    if report is None:
        started = time.perf_counter()
        figures = find_figures(text, language)
        toll = document_toll(figures, text)
        seconds = time.perf_counter() - started
    else:
        main = report.mentions[0] if report.mentions else None
        toll = document_toll(main.figures, text) if main else {}
        if main and main.date and main.date.precision.value == "day":
            date = main.date.start.isoformat()
        if main and main.places:
            location = (main.places[0].latitude, main.places[0].longitude)
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
        doc["doc_id"],
        values[FigureKind.KILLED],
        values[FigureKind.INJURED],
        seconds or 0.0,
        date,
        location,
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
    dates = Counter(r.date for r in readings if r.date)
    places = Counter(r.location for r in readings if r.location)
    return IncidentPrediction(
        killed=killed,
        injured=consensus(r.injured for r in agreeing),
        date=dates.most_common(1)[0][0] if dates else None,
        location=places.most_common(1)[0][0] if places else None,
    )


def km_between(a: tuple[float, float], b: tuple[float, float]) -> float:
    return km(*a, *b)


def gold_date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return datetime.strptime(value.strip(), "%B %d, %Y").date().isoformat()
    except ValueError:
        return None


def extract_all(
    docs: list[dict], language: str, with_title: bool, workers: int
) -> tuple[dict, float]:
    """Every document through the whole extract stage; (reports by doc_id, seconds)."""
    from cotejo.extract.report import ExtractInput, Extractor

    extractor = Extractor()
    extractor.extract_one(
        ExtractInput(sha256="warm-up", text="Police said a man was shot.", language=language)
    )
    inputs = [
        ExtractInput(
            sha256=doc["doc_id"],
            text=_text(doc, with_title),
            language=language,
            title=doc.get("title"),
            published_at=datetime.strptime(doc["dct"], "%Y-%m-%d").date()
            if doc.get("dct")
            else None,
        )
        for doc in docs
    ]
    started = time.perf_counter()
    reports = {r.document_sha256: r for r in extractor.extract_parallel(inputs, workers=workers)}
    return reports, time.perf_counter() - started


def bare_ner_seconds(texts: list[str], language: str) -> float:
    """A bare spaCy small-model NER pass (tok2vec + ner) over the same texts."""
    from cotejo.extract.nlp import pipeline

    nlp = pipeline(language)
    with nlp.select_pipes(enable=["tok2vec", "ner"]):
        list(nlp.pipe(texts[:8]))
        started = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=32):
            pass
        return time.perf_counter() - started


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
    parser.add_argument(
        "--figures-only", action="store_true", help="skip the full extract (no date/location)"
    )
    parser.add_argument(
        "--compare-ner", action="store_true", help="also time a bare spaCy NER pass"
    )
    parser.add_argument("--workers", type=int, default=2, help="extraction processes")
    args = parser.parse_args()

    docs, incidents = load(args.data)
    by_incident: dict[str, list[dict]] = defaultdict(list)
    for doc in docs:
        if doc["incident_id"] in incidents:
            by_incident[doc["incident_id"]].append(doc)

    scored = [doc for docs_ in by_incident.values() for doc in docs_]
    reports: dict[str, Report] = {}
    extract_seconds = 0.0
    if not args.figures_only:
        reports, extract_seconds = extract_all(scored, args.language, args.with_title, args.workers)
    killed_hits = injured_hits = date_hits = near_25 = near_161 = 0
    killed_error = injured_error = 0
    seconds = 0.0
    read = 0
    misses: list[dict] = []
    for incident_id, incident_docs in by_incident.items():
        readings = [
            read_document(
                doc, args.language, args.with_title, args.missing, reports.get(doc["doc_id"])
            )
            for doc in incident_docs
        ]
        read += len(readings)
        seconds += sum(r.seconds for r in readings)
        predicted = predict_incident(readings)
        gold = incidents[incident_id]
        date_hits += predicted.date is not None and predicted.date == gold_date(gold.get("date"))
        if predicted.location and gold.get("lat") is not None and gold.get("lon") is not None:
            km = km_between(predicted.location, (float(gold["lat"]), float(gold["lon"])))
            near_25 += km <= 25
            near_161 += km <= 161
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
    if not args.figures_only:
        seconds = extract_seconds
    full = not args.figures_only
    extra: dict[str, object] = {}
    if args.compare_ner:
        ner = bare_ner_seconds([_text(d, args.with_title) for d in scored], args.language)
        extra = {
            "ner_seconds": round(ner, 2),
            "ner_docs_per_s": round(read / ner, 1),
            "extract_to_ner_ratio": round(seconds / ner, 2),
        }
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
                "date_exact": round(date_hits / n, 4) if full else None,
                "loc_within_25km": round(near_25 / n, 4) if full else None,
                "loc_within_161km": round(near_161 / n, 4) if full else None,
                "n_incidents": n,
                "docs": read,
                "docs_per_s": round(read / seconds, 1),
                "ms_per_doc": round(1000 * seconds / read, 3),
                "seconds": round(seconds, 2),
                "peak_rss_mb": peak_rss_mb(),
                "peak_rss_worker_mb": peak_rss_children_mb(),
                "workers": 0 if args.figures_only else args.workers,
                **extra,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
