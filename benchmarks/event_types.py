"""Event-type classification against CASE 2021 Task 2 (fine-grained ACLED-style subtypes).

    python benchmarks/event_types.py --data ../shared/benchmarks/case2021/snippets.tsv

FILE.tsv has a header and columns id, EventSnippet, SubType (30 CASE labels). Each CASE
label is mapped onto cotejo's taxonomy (CASE_TO_COTEJO; the reasons are in
docs/event-types.md); snippets whose label has no counterpart are not scored, only counted.
Prints one JSON line: weighted_f1, macro_f1, n (scored snippets), n_unmapped, per-class F1
and support, and the time per snippet. `--errors` lists the misclassified snippets on stderr.
`--speed-docs DOCS.jsonl` (e.g. ../shared/benchmarks/gva/docs.jsonl, fields title and text)
adds the mean time of `classify` per full article, with its own lexicon and with both.
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from cotejo.extract.events import classify
from cotejo.extract.model import EventType

E = EventType

# CASE 2021 label -> cotejo type. A label absent here has no counterpart and is not scored.
CASE_TO_COTEJO: dict[str, EventType] = {
    # ACLED Battles: cotejo has one Battles type
    "ARMED_CLASH": E.ARMED_CLASH,
    "GOV_REGAINS_TERIT": E.ARMED_CLASH,
    "NON_STATE_ACTOR_OVERTAKES_TER": E.ARMED_CLASH,
    # ACLED Explosions/Remote violence: only two of its six sub-types have a cotejo type
    "AIR_STRIKE": E.AIR_OR_DRONE_STRIKE,
    "ART_MISS_ATTACK": E.SHELLING_OR_MISSILE,
    # ACLED Violence against civilians
    "ATTACK": E.ATTACK_ON_CIVILIANS,
    "ABDUCT_DISSAP": E.ABDUCTION,
    "SEX_VIOL": E.SEXUAL_VIOLENCE,
    # ACLED Protests: cotejo's protest covers all three sub-types
    "PEACE_PROTEST": E.PROTEST,
    "PROTEST_WITH_INTER": E.PROTEST,
    "FORCE_AGAINST_PROTEST": E.PROTEST,
    # ACLED Strategic developments
    "ARREST": E.ARREST_OR_RAID,
    "PROPERTY_DISTRUCT": E.PROPERTY_DESTRUCTION,
    "CHANGE_TO_GROUP_ACT": E.DEPLOYMENT,
    "HQ_ESTABLISHED": E.DEPLOYMENT,
    "NON_VIOL_TERRIT_TRANSFER": E.DEPLOYMENT,
    "OTHER": E.OTHER,
}
# No counterpart: CHEM_WEAP, GRENADE, REM_EXPLOS, SUIC_BOMB (no explosive/IED type),
# VIOL_DEMONSTR, MOB_VIOL (ACLED Riots), AGREEMENT, DISR_WEAP, ORG_CRIME (broader than
# extortion + trafficking + drug seizure), DIPLO, ATTRIB, NATURAL_DISASTER, MAN_MADE_DISASTER.
UNMAPPED = (
    "CHEM_WEAP", "GRENADE", "REM_EXPLOS", "SUIC_BOMB", "VIOL_DEMONSTR", "MOB_VIOL", "AGREEMENT",
    "DISR_WEAP", "ORG_CRIME", "DIPLO", "ATTRIB", "NATURAL_DISASTER", "MAN_MADE_DISASTER",
)  # fmt: skip


def f1_by_class(gold: list[str], predicted: list[str]) -> dict[str, tuple[float, int]]:
    """Per-class (F1, support) over the union of gold and predicted labels, as
    scikit-learn's f1_score does; a class never predicted or never gold scores 0."""
    out = {}
    for label in sorted(set(gold) | set(predicted)):
        tp = sum(g == p == label for g, p in zip(gold, predicted, strict=True))
        n_pred = predicted.count(label)
        n_gold = gold.count(label)
        precision = tp / n_pred if n_pred else 0.0
        recall = tp / n_gold if n_gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[label] = (f1, n_gold)
    return out


def time_articles(path: Path) -> dict[str, float]:
    """Mean milliseconds per article for classify(text, "en", title) and with both lexicons."""
    with path.open(encoding="utf-8") as handle:
        articles = [json.loads(line) for line in handle if line.strip()]
    classify("", "und")  # compile both lexicons outside the timing
    out: dict[str, float] = {"articles": len(articles)}
    out["mean_chars"] = round(statistics.mean(len(a["text"]) for a in articles))
    for language in ("en", "und"):
        started = time.perf_counter()
        for article in articles:
            classify(article["text"], language, title=article.get("title"))
        seconds = time.perf_counter() - started
        out[f"ms_per_article_{language}"] = round(1000 * seconds / len(articles), 3)
    return out


def read_snippets(path: Path) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        missing = {"EventSnippet", "SubType"} - set(reader.fieldnames or ())
        if missing:
            raise SystemExit(
                f"{path}: header lacks {sorted(missing)}; expected a TSV with columns "
                "id, EventSnippet, SubType (CASE 2021 Task 2)"
            )
        return [(row["EventSnippet"], row["SubType"]) for row in reader]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", required=True, type=Path, help="CASE 2021 Task 2 TSV")
    parser.add_argument("--errors", action="store_true", help="list misclassified on stderr")
    parser.add_argument("--speed-docs", type=Path, help="JSON Lines articles to time classify on")
    args = parser.parse_args()
    if args.speed_docs and not args.speed_docs.is_file():
        parser.error(f"{args.speed_docs} not found: --speed-docs must be a JSON Lines file")
    if not args.data.is_file():
        parser.error(f"{args.data} not found: --data must be a TSV file (case2021 layout)")
    snippets = read_snippets(args.data)
    unknown = {label for _, label in snippets} - set(CASE_TO_COTEJO) - set(UNMAPPED)
    if unknown:
        parser.error(f"{args.data}: labels {sorted(unknown)} are not CASE 2021 Task 2 labels")

    started = time.perf_counter()
    classify("", "en")  # compiles the English lexicon once, outside the per-snippet time
    compile_seconds = time.perf_counter() - started
    gold: list[str] = []
    predicted: list[str] = []
    unmapped: Counter[str] = Counter()
    started = time.perf_counter()
    for text, label in snippets:
        if label not in CASE_TO_COTEJO:
            unmapped[label] += 1
            continue
        guess = classify(text, "en")
        gold.append(CASE_TO_COTEJO[label].value)
        predicted.append(guess.type.value)
        if args.errors and guess.type is not CASE_TO_COTEJO[label]:
            print(f"{label} -> {guess.type.value} {guess.score}: {text[:300]}", file=sys.stderr)
    seconds = time.perf_counter() - started
    per_class = f1_by_class(gold, predicted)
    speed = time_articles(args.speed_docs) if args.speed_docs else None
    n = len(gold)
    weighted = sum(f1 * support for f1, support in per_class.values()) / n if n else 0.0
    macro = sum(f1 for f1, _ in per_class.values()) / len(per_class) if per_class else 0.0
    print(
        json.dumps(
            {
                "benchmark": "event_types",
                "data": str(args.data),
                "weighted_f1": round(weighted, 4),
                "macro_f1": round(macro, 4),
                "n": n,
                "n_unmapped": sum(unmapped.values()),
                "per_class": {
                    label: {"f1": round(f1, 3), "support": support}
                    for label, (f1, support) in per_class.items()
                },
                "unmapped_by_label": dict(sorted(unmapped.items())),
                "ms_per_snippet": round(1000 * seconds / max(n, 1), 3),
                "compile_s": round(compile_seconds, 3),
                "speed": speed,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
