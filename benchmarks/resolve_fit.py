"""Fit the logistic weights of resolve (`score.FITTED_WEIGHTS`) on a gold-labelled corpus.

    python benchmarks/resolve_fit.py --data ../shared/benchmarks/gva --home STORE

STORE is a store that `benchmarks/gva.py --home STORE` has filled (features built). The fit
replays the resolver with the gold grouping: first mentions are taken in processing order,
each is compared (`signals`) with every gold incident formed so far that passes blocking
(`compatible`), labelled 1 for its own incident and 0 for the others, and then joins its
own incident. So the pairs are those the resolver meets, with the members it would have.
Prints the coefficients and the intercept as one JSON line.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from sqlalchemy import select

from cotejo.config import resolve_settings
from cotejo.resolve.embed import USE_NAME
from cotejo.resolve.group import IncidentState, MemoryIndex
from cotejo.resolve.score import ResolveConfig, compatible, signals
from cotejo.store import models as m
from cotejo.store.db import Store
from cotejo.store.incidents import current_mention_ids, load_features

L2 = 1e-4
# Weights the fit does not set. gva is English local news with no channel posts, and its
# documents share names and numbers with their incident, so it cannot weigh:
# - text: the multilingual embedding is what matches an English wire report with a Spanish
#   local one whose names are spelled or inflected differently; on gva it adds nothing to
#   the lexical match (the free fit puts it at about 0), so it is set to a modest 0.5;
# - same_document: first mentions never share a document;
# - thread: no channel posts.
HAND_SET = {"text": 0.5, "same_document": -3.0, "thread": 6.0}


def labelled_pairs(data: Path, home: Path) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
    gold = {}
    with (data / "docs.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            doc = json.loads(line)
            gold[doc["doc_id"]] = str(doc["incident_id"])
    store = Store(resolve_settings(home=home))
    with store.session() as session:
        features = load_features(session, current_mention_ids(session), USE_NAME)
        documents = session.execute(select(m.Document.sha256, m.Document.external_id)).all()
    external = {sha: doc_id for sha, doc_id in documents}
    store.close()
    config = ResolveConfig()
    index = MemoryIndex()
    rows: list[dict[str, float]] = []
    labels: list[float] = []
    firsts = [f for f in features if f.ordinal == 0 and external.get(f.document) in gold]
    for mention in sorted(firsts, key=lambda f: f.order):
        truth = gold[external[mention.document]]
        for state in index.candidates(mention):
            if compatible(config, mention, state.members):
                rows.append(signals(config, mention, state.members).features())
                labels.append(float(state.key == truth))
        state = index.get(truth) or IncidentState(key=truth)
        state.members.append(mention)
        index.add(state, mention)
    names = [n for n in rows[0] if n not in HAND_SET]
    x = np.array([[row[n] for n in names] for row in rows], dtype=np.float64)
    fixed = np.array([sum(w * row.get(n, 0.0) for n, w in HAND_SET.items()) for row in rows])
    return names, x, np.array(labels), fixed


def fit(
    x: np.ndarray, y: np.ndarray, offset: np.ndarray, iterations: int = 50
) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression by Newton's method (deterministic); `offset` is
    the part of each pair's score that the hand-set weights give."""
    design = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(design.shape[1])
    penalty = L2 * len(x) * np.eye(design.shape[1])
    penalty[-1, -1] = 0.0
    for _ in range(iterations):
        p = 1 / (1 + np.exp(-(design @ w + offset)))
        gradient = design.T @ (p - y) + penalty @ w
        hessian = (design * (p * (1 - p))[:, None]).T @ design + penalty
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    return w[:-1], float(w[-1])


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", required=True, type=Path, help="folder in the gva layout")
    parser.add_argument("--home", required=True, type=Path, help="store with features built")
    args = parser.parse_args()
    names, x, y, offset = labelled_pairs(args.data, args.home)
    weights, intercept = fit(x, y, offset)
    print(
        json.dumps(
            {
                "weights": {
                    **{n: round(float(w), 3) for n, w in zip(names, weights, strict=True)},
                    **HAND_SET,
                },
                "hand_set": sorted(HAND_SET),
                "intercept": round(intercept, 3),
                "pairs": len(y),
                "positive": int(y.sum()),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
