"""Toponym resolution and recognition on LGL or GeoWebNews XML.

    python benchmarks/geoparse.py --corpus ../shared/benchmarks/geoparsing/lgl.xml
    python benchmarks/geoparse.py --corpus ../shared/benchmarks/geoparsing/GWN.xml

Prints one JSON line.

Resolution (gold spans given, `Geocoder.resolve_spans`):
- LGL: every toponym with a <gaztag> (4,462).
- GeoWebNews: every toponym with a GeoNames id (2,401, the set of gwn_full.txt).
- `acc161`: share within 161 km of the gold point.
- `auc`: area under the curve of log(1 + error km), over log(20039), as in Gritta et al.
  2018 (lower is better).
- `mean_km`, `median_km`.
- A span left unresolved counts as 20,039 km off (half the Earth's circumference), and it
  is counted in `unresolved`.

Recognition (`Geocoder.find_places` on each article with a spaCy Doc made as the extract
stage makes it: tok2vec, senter and ner only):
- `precision`, `recall`, `f1` of spans, exact match of (start, end) required.
- Gold spans for LGL: every toponym. For GeoWebNews: every toponym with coordinates. Its
  demonyms, languages, homonyms and common-noun expressions ("the church") are not places.

The format is detected from the file (`--format` forces it). Data stays where it is.

    python benchmarks/geoparse.py --speed ../shared/benchmarks/gva/docs.jsonl

measures `find_places` alone (the shared spaCy pass is run first and not timed) on the
`text` of each JSON line, and prints docs, ms_per_doc and places_per_doc.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from spacy.tokens import Doc  # noqa: E402

from _measure import peak_rss_mb  # noqa: E402
from cotejo.extract.nlp import pipeline  # noqa: E402
from cotejo.extract.places import Geocoder  # noqa: E402
from cotejo.extract.places.resolve import km  # noqa: E402

HALF_CIRCUMFERENCE_KM = 20039.0


@dataclass(frozen=True)
class Toponym:
    start: int
    end: int
    latitude: float | None
    longitude: float | None
    resolvable: bool  # in the resolution gold set
    recognisable: bool  # in the recognition gold set
    geonames_id: int | None = None


@dataclass(frozen=True)
class Article:
    text: str
    toponyms: tuple[Toponym, ...]


def read_lgl(root: ET.Element) -> list[Article]:
    articles = []
    for article in root.iter("article"):
        toponyms = []
        for node in article.iter("toponym"):
            gaz = node.find("gaztag")
            lat = lon = None
            if gaz is not None and gaz.findtext("lat") and gaz.findtext("lon"):
                lat, lon = float(gaz.findtext("lat")), float(gaz.findtext("lon"))
            toponyms.append(
                Toponym(
                    int(node.findtext("start")),
                    int(node.findtext("end")),
                    lat,
                    lon,
                    resolvable=lat is not None,
                    recognisable=True,
                    geonames_id=int(gaz.get("geonameid")) if gaz is not None else None,
                )
            )
        articles.append(Article(article.findtext("text") or "", tuple(toponyms)))
    return articles


def read_gwn(root: ET.Element) -> list[Article]:
    articles = []
    for article in root.iter("article"):
        toponyms = []
        for node in article.iter("toponym"):
            lat, lon = node.findtext("latitude"), node.findtext("longitude")
            located = bool(lat and lon)
            toponyms.append(
                Toponym(
                    int(node.findtext("start")),
                    int(node.findtext("end")),
                    float(lat) if located else None,
                    float(lon) if located else None,
                    resolvable=located and bool(node.findtext("geonamesID")),
                    recognisable=located,
                    geonames_id=int(node.findtext("geonamesID") or 0) or None,
                )
            )
        articles.append(Article(article.findtext("text") or "", tuple(toponyms)))
    return articles


READERS = {"lgl": read_lgl, "gwn": read_gwn}


def _valid(articles: list[Article]) -> tuple[list[Article], int]:
    """Drop gold toponyms whose offsets fall outside their text (GeoWebNews has a few)."""
    kept, dropped = [], 0
    for article in articles:
        good = tuple(t for t in article.toponyms if 0 <= t.start < t.end <= len(article.text))
        dropped += len(article.toponyms) - len(good)
        kept.append(Article(article.text, good))
    return kept, dropped


def detect_format(root: ET.Element) -> str:
    toponym = next(root.iter("toponym"), None)
    if toponym is None:
        raise SystemExit("no <toponym> elements: is this an LGL or GeoWebNews XML file?")
    if toponym.find("gaztag") is not None or toponym.find("phrase") is not None:
        return "lgl"
    if toponym.find("extractedName") is not None:
        return "gwn"
    raise SystemExit("unknown toponym layout: give --format lgl or --format gwn")


def auc(errors: list[float]) -> float:
    """Gritta et al. 2018: trapezoidal area under sorted log(1 + km), over log(20039)."""
    logs = sorted(math.log(1 + e) for e in errors)
    if len(logs) < 2:
        return 0.0
    area = sum((a + b) / 2 for a, b in zip(logs, logs[1:], strict=False))
    return area / (math.log(HALF_CIRCUMFERENCE_KM) * (len(logs) - 1))


def ner_docs(texts: list[str], language: str = "en") -> Iterator[Doc]:
    """spaCy Docs as the extract stage makes them: tok2vec, senter and ner only."""
    nlp = pipeline(language)
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    with nlp.select_pipes(enable=["tok2vec", "senter", "ner"]):
        yield from nlp.pipe(texts, batch_size=32)


def speed(path: Path) -> int:
    if not path.is_file():
        raise SystemExit(f"{path} not found: give a JSON Lines file with a `text` field")
    texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8") if line.strip()]
    geocoder = Geocoder()
    geocoder.gazetteer  # noqa: B018 - load the index outside the timing
    found, seconds = 0, 0.0
    for text, doc in zip(texts, ner_docs(texts), strict=True):
        started = time.perf_counter()
        found += len(geocoder.find_places(text, doc, "en"))
        seconds += time.perf_counter() - started
    print(
        json.dumps(
            {
                "benchmark": "geoparse-speed",
                "data": str(path),
                "docs": len(texts),
                "ms_per_doc": round(1000 * seconds / len(texts), 3),
                "places_per_doc": round(found / len(texts), 2),
                "peak_rss_mb": peak_rss_mb(),
            }
        )
    )
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, help="LGL or GeoWebNews XML")
    parser.add_argument("--speed", type=Path, help="JSON Lines with `text`: time find_places")
    parser.add_argument("--format", choices=["auto", *READERS], default="auto")
    parser.add_argument("--no-recognition", action="store_true", help="resolution only")
    parser.add_argument("--errors", type=Path, help="write misses (> 161 km) as JSON Lines")
    parser.add_argument(
        "--fallback",
        action="store_true",
        help="place spans the gazetteer cannot read at the document's main place",
    )
    args = parser.parse_args()
    if args.speed:
        return speed(args.speed)
    if args.corpus is None or not args.corpus.is_file():
        parser.error(f"{args.corpus} not found: give the path of lgl.xml or GWN.xml")
    root = ET.parse(args.corpus).getroot()
    fmt = detect_format(root) if args.format == "auto" else args.format
    articles, bad_spans = _valid(READERS[fmt](root))
    geocoder = Geocoder()

    started = time.perf_counter()
    geocoder.gazetteer  # noqa: B018 - load (or build) the index outside the timings
    load_seconds = time.perf_counter() - started

    errors: list[float] = []
    unresolved = 0
    misses = []
    started = time.perf_counter()
    for number, article in enumerate(articles):
        gold = [t for t in article.toponyms if t.resolvable]
        places = geocoder.resolve_spans(
            article.text, [(t.start, t.end) for t in gold], fallback=args.fallback
        )
        for toponym, place in zip(gold, places, strict=True):
            if place is None:
                unresolved += 1
                error = HALF_CIRCUMFERENCE_KM
            else:
                error = km(toponym.latitude, toponym.longitude, place.latitude, place.longitude)
            errors.append(error)
            if error > 161 and args.errors:
                misses.append(
                    {
                        "article": number,
                        "text": article.text[toponym.start : toponym.end],
                        "gold": [toponym.latitude, toponym.longitude],
                        "got": place.name if place else None,
                        "got_country": place.country_code if place else None,
                        "got_admin1": place.admin1 if place else None,
                        "km": round(error),
                        "same_id": bool(place and place.geonames_id == toponym.geonames_id),
                    }
                )
    resolve_seconds = time.perf_counter() - started
    result: dict[str, object] = {
        "benchmark": "geoparse",
        "corpus": str(args.corpus),
        "format": fmt,
        "n": len(errors),
        "acc161": round(sum(e <= 161 for e in errors) / len(errors), 4),
        "auc": round(auc(errors), 4),
        "mean_km": round(statistics.fmean(errors), 1),
        "median_km": round(statistics.median(errors), 1),
        "unresolved": unresolved,
        "fallback": args.fallback,
        "bad_gold_spans_skipped": bad_spans,
        "index_load_s": round(load_seconds, 2),
        "resolve_s": round(resolve_seconds, 2),
    }
    if args.errors:
        with args.errors.open("w", encoding="utf-8") as out:
            for miss in misses:
                out.write(json.dumps(miss, ensure_ascii=False) + "\n")

    if not args.no_recognition:
        gold_spans: set[tuple[int, int, int]] = set()
        found: set[tuple[int, int, int]] = set()
        places_seconds = 0.0
        docs = ner_docs([a.text for a in articles])
        for number, (article, doc) in enumerate(zip(articles, docs, strict=True)):
            gold_spans |= {(number, t.start, t.end) for t in article.toponyms if t.recognisable}
            tick = time.perf_counter()
            places = geocoder.find_places(article.text, doc, "en")
            places_seconds += time.perf_counter() - tick
            found |= {(number, p.span.start, p.span.end) for p in places}
        hits = len(gold_spans & found)
        precision = hits / len(found) if found else 0.0
        recall = hits / len(gold_spans) if gold_spans else 0.0
        f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
        result.update(
            {
                "precision": round(precision, 4),
                "recall": round(recall, 4),
                "f1": round(f1, 4),
                "gold_spans": len(gold_spans),
                "found_spans": len(found),
                "find_places_ms_per_doc": round(1000 * places_seconds / len(articles), 2),
            }
        )
    result["peak_rss_mb"] = peak_rss_mb()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
