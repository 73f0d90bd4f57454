"""Sentences of a text as character ranges: from spaCy's sentence boundaries when a Doc is
given, else from a regex that knows common abbreviations in English and Spanish."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr sr sra srta jr st gen col lt sgt capt gov sen rep rev prof dept "
    "jan feb mar apr jun jul aug sep sept oct nov dec u.s ee.uu av ave blvd co corp inc ltd "
    "vs etc approx calif colo fla ill tex va p.m a.m".split()
)
_CANDIDATE = re.compile(r"([.!?]+[\"”»’']?)(\s+)(?=[\"“«¿¡(]?[A-ZÁÉÍÓÚÑ0-9])|\n\s*\n")
_WORD_BEFORE = re.compile(r"([\w.]+)$")


def _is_boundary(text: str, match: re.Match[str]) -> bool:
    if match.group(1) is None or not match.group(1).startswith("."):
        return True
    word = _WORD_BEFORE.search(text, 0, match.start())
    if word is None:
        return True
    token = word.group(1).rstrip(".").lower()
    return not (token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()))


@dataclass(frozen=True)
class Sentences:
    """Sentence ranges in text order, with lookup of the sentence holding an offset."""

    ranges: tuple[tuple[int, int], ...]

    def index_of(self, offset: int) -> int:
        starts = [start for start, _ in self.ranges]
        return max(0, bisect.bisect_right(starts, offset) - 1)

    def __len__(self) -> int:
        return len(self.ranges)

    def __getitem__(self, index: int) -> tuple[int, int]:
        return self.ranges[index]


def _regex_ranges(text: str) -> list[tuple[int, int]]:
    ranges, start = [], 0
    for match in _CANDIDATE.finditer(text):
        if not _is_boundary(text, match):
            continue
        end = match.start(2) if match.group(2) is not None else match.start()
        if text[start:end].strip():
            ranges.append((start, end))
        start = match.end()
    if text[start:].strip():
        ranges.append((start, len(text)))
    return ranges


def _trim(text: str, ranges: Sequence[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    trimmed = []
    for start, end in ranges:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            trimmed.append((start, end))
    return tuple(trimmed)


def split_sentences(text: str, doc: Doc | None = None) -> Sentences:
    if doc is not None and doc.has_annotation("SENT_START"):
        ranges: list[tuple[int, int]] = []
        for sent in doc.sents:
            # spaCy's small models split inside lines; never join across blank lines.
            for start, end in _regex_split_on_lines(text, sent.start_char, sent.end_char):
                ranges.append((start, end))
        return Sentences(_trim(text, ranges))
    return Sentences(_trim(text, _regex_ranges(text)))


def _regex_split_on_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces, cursor = [], start
    for match in re.finditer(r"\n\s*\n", text[start:end]):
        pieces.append((cursor, start + match.start()))
        cursor = start + match.end()
    pieces.append((cursor, end))
    return pieces
