"""Sentences of a text as character ranges: from spaCy's sentence boundaries when a Doc is
given, else from one punctuation splitter that knows common abbreviations in English and
Spanish. Every extractor (figures, dates, attributions, mentions) splits text here."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

# One punctuation splitter for every extractor: a line break, or ., ! or ? (with closing
# quotes or brackets) before a space, except after a known abbreviation ("Aug.", "U.S.",
# "Sra."), a single letter ("J. Smith") or before a lower-case word.
_SENTENCE_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s)|\n")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st jr sr lt sgt capt cpl gen col gov sen rep rev ave blvd rd mt ft no vs"
    " etc jan feb mar apr jun jul aug sep sept oct nov dec u.s a.m p.m inc co corp dept sra"
    " srta av pág núm lic ing u.s.a d.c ee".split()  # "EE. UU."
)
_LAST_WORD = re.compile(r"(\w+(?:\.\w+)*)$")


def _is_abbreviation(text: str, match: re.Match[str]) -> bool:
    before = _LAST_WORD.search(text, max(0, match.start() - 12), match.start())
    word = before.group(1).lower() if before else ""
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def sentence_starts(text: str, doc: Doc | None = None) -> list[int]:
    """Offsets where sentences begin: spaCy's when `doc` has them, else by punctuation."""
    if doc is not None and doc.has_annotation("SENT_START"):
        return [sentence.start_char for sentence in doc.sents]
    starts = [0]
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if match.group().startswith("."):
            if _is_abbreviation(text, match) or text[end : end + 3].lstrip()[:1].islower():
                continue
        while end < len(text) and text[end].isspace():
            end += 1
        if end < len(text) and end > starts[-1]:
            starts.append(end)
    return starts


@dataclass(frozen=True)
class Sentences:
    """Sentence ranges in text order, with lookup of the sentence holding an offset."""

    ranges: tuple[tuple[int, int], ...]

    @cached_property
    def _starts(self) -> list[int]:
        return [start for start, _ in self.ranges]

    def index_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    def __len__(self) -> int:
        return len(self.ranges)

    def __getitem__(self, index: int) -> tuple[int, int]:
        return self.ranges[index]


def _regex_ranges(text: str) -> list[tuple[int, int]]:
    starts = sentence_starts(text)
    return list(zip(starts, [*starts[1:], len(text)], strict=True))


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
