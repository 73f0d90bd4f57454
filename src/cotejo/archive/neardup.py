"""Near-duplicate links with MinHash LSH: reprinted wire copy is linked, never dropped.

Texts are shingled into overlapping 3-word windows. Two documents are near-duplicates when
the estimated Jaccard similarity of their shingle sets is at least `threshold` (0.6 by
default). Reprints of one wire story with a new headline, dateline or closing line score
0.75-0.95; different write-ups of the same event by different reporters score below 0.2.
Texts with fewer than `min_shingles` shingles (about 12 words) are never linked: short
posts share too many stock phrases to tell apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class NearDupConfig:
    threshold: float = 0.6
    num_perm: int = 128
    shingle_words: int = 3
    min_shingles: int = 10
    seed: int = 1

    @property
    def method(self) -> str:
        return f"minhash-lsh/{self.shingle_words}-word-shingles/{self.num_perm}-perm"


def shingles(text: str, width: int) -> set[bytes]:
    words = _WORD.findall(text.casefold())
    if len(words) < width:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + width]).encode() for i in range(len(words) - width + 1)}


class NearDuplicateIndex:
    def __init__(self, config: NearDupConfig = NearDupConfig()) -> None:
        self.config = config
        self._lsh = MinHashLSH(threshold=config.threshold, num_perm=config.num_perm)
        self._signatures: dict[str, MinHash] = {}
        self._template = MinHash(num_perm=config.num_perm, seed=config.seed)

    def signature(self, text: str) -> MinHash | None:
        grams = shingles(text, self.config.shingle_words)
        if len(grams) < self.config.min_shingles:
            return None
        # Copying the template reuses its permutations instead of drawing them again.
        minhash = self._template.copy()
        minhash.update_batch(list(grams))
        return minhash

    def to_bytes(self, minhash: MinHash) -> bytes:
        # Keep datasketch's own dtype: LSH band keys are built from the raw bytes of the values.
        return np.asarray(minhash.hashvalues, dtype=self._template.hashvalues.dtype).tobytes()

    def from_bytes(self, raw: bytes) -> MinHash:
        minhash = self._template.copy()
        minhash.hashvalues = np.frombuffer(raw, dtype=self._template.hashvalues.dtype).copy()
        return minhash

    def matches(self, minhash: MinHash) -> list[tuple[str, float]]:
        """Indexed keys similar to `minhash`, best first, at or above the threshold."""
        found = []
        for key in self._lsh.query(minhash):
            score = float(minhash.jaccard(self._signatures[key]))
            if score >= self.config.threshold:
                found.append((key, score))
        return sorted(found, key=lambda kv: (-kv[1], kv[0]))

    def add(self, key: str, minhash: MinHash) -> None:
        if key not in self._signatures:
            self._lsh.insert(key, minhash)
            self._signatures[key] = minhash
