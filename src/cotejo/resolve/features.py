"""What resolve compares about one mention: `MentionFeatures`, built from a stored Mention.

Everything here is derived from the extracted report and the document; nothing is guessed.
A mention is blocked by the date its text gives, by the week before its document was
published (an incident is reported after it happens), and by the other days its text names
(a report of a trial names the day of the shooting); a mention with none of these has no
date window and only meets incidents through a reprint of its document.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import cache

import numpy as np

from cotejo.extract.figures import document_toll
from cotejo.extract.model import Figure, FigureKind, Hedge, Mention
from cotejo.extract.places.gazetteer import normalise

# How far a mention's date may sit from an incident's, by the precision it was given with.
# A "day" date is padded by a day: "Saturday night" and "early Sunday" are one shooting,
# and outlets in other time zones date it differently.
DATE_PAD = {"day": 1, "week": 3, "month": 0, "year": 0}
UNDATED_LOOKBACK = 7  # days before publication an undated mention may have happened
CONTEXT_CHARS = 600  # of the mention's span, embedded together with the headline
# Days a text names besides its event's: a follow-up (an arrest, a trial, a sentence) names
# the day of the shooting it follows. The latest few are kept: a long timeline must not
# open a mention to every incident of a year.
NAMED_DAYS = 8

Range = tuple[int, int | None]
LATEST = datetime.max.replace(tzinfo=UTC)  # (low, high); high None means open-ended

# The lexical signal: the capitalised words and numbers of the whole document (names of
# people, streets, towns, outlets; ages, tolls, times), hashed into buckets so that no
# readable name is stored. Common words are skipped by a fixed stop list rather than by a
# corpus document frequency, so a mention's terms never change as the store grows.
TERM_BUCKETS = 1 << 20
_WORD = re.compile(r"[^\W_]+")


@cache
def stop_words() -> frozenset[str]:
    from justext import get_stoplist  # ships English and Spanish stop lists, offline

    return frozenset(normalise(w) for lang in ("English", "Spanish") for w in get_stoplist(lang))


@dataclass(frozen=True)
class Terms:
    """Hashed term weights, unit length: sorted bucket ids and their weights."""

    ids: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    weights: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.float32))

    @classmethod
    def from_counts(cls, counts: dict[int, int]) -> Terms:
        if not counts:
            return cls()
        ids = np.array(sorted(counts), dtype=np.int64)
        weights = 1 + np.log(np.array([counts[i] for i in ids], dtype=np.float64))
        return cls(ids, (weights / np.linalg.norm(weights)).astype(np.float32))

    @classmethod
    def from_pairs(cls, pairs: Iterable[Sequence[int]]) -> Terms:
        """From the stored `[[bucket, count], ...]` of `term_counts`."""
        return cls.from_counts({int(bucket): int(count) for bucket, count in pairs})

    def cosine(self, other: Terms) -> float:
        _, mine, theirs = np.intersect1d(
            self.ids, other.ids, assume_unique=True, return_indices=True
        )
        return float(self.weights[mine] @ other.weights[theirs])


def term_counts(title: str | None, text: str) -> dict[int, int]:
    """Hashed counts of the capitalised words and numbers of a document."""
    stop = stop_words()
    counts: Counter[int] = Counter()
    for raw in _WORD.findall(f"{title or ''}\n{text}"):
        if not (raw[0].isupper() or raw.isdigit()):
            continue
        word = normalise(raw)
        if (len(word) < 3 and not word.isdigit()) or word in stop:
            continue
        counts[zlib.crc32(word.encode("utf-8")) % TERM_BUCKETS] += 1
    return dict(counts)


@dataclass(frozen=True)
class MentionFeatures:
    mention_id: int
    document: str  # sha256
    ordinal: int
    published: date | None
    event_type: str
    date_start: date | None
    date_end: date | None
    date_precision: str | None
    lat: float | None
    lon: float | None
    place_precision: str | None
    place_key: str | None  # geonames id or normalised name of the first place
    place_name: str | None
    country: str | None
    killed: Range | None
    injured: Range | None
    actors: frozenset[str]
    places: frozenset[str]
    near_duplicate_group: int | None
    vector: np.ndarray  # unit length float32
    terms: Terms = field(default_factory=Terms)  # the document's hashed names and numbers
    source: int | None = None  # the publishing source (channel, account, outlet)
    published_at: datetime | None = None  # the document's publication time, UTC
    post: bool = False  # a post of a channel or account (Telegram, social, witness)
    named_days: tuple[date, ...] = ()  # other days the text names, on or before publication

    @property
    def order(self) -> tuple[date, datetime, str, int]:
        """Processing order of a rebuild: by publication day and time, then by identity."""
        moment = self.published_at or LATEST
        return (self.published or date.max, moment, self.document, self.ordinal)

    @property
    def windows(self) -> tuple[tuple[date, date], ...]:
        """The days this mention's incident may have happened on, for blocking: the date the
        text gives (padded by its precision) and the week before publication. Both count,
        because a date read wrongly must not hide a report published the same day."""
        found = []
        if self.date_start and self.date_end and self.date_precision:
            pad = timedelta(days=DATE_PAD.get(self.date_precision, 0))
            found.append((self.date_start - pad, self.date_end + pad))
        if self.published:
            found.append((self.published - timedelta(days=UNDATED_LOOKBACK), self.published))
        day = timedelta(days=1)
        found += [(d - day, d + day) for d in self.named_days if d != self.date_start]
        return tuple(found)

    @property
    def announced(self) -> bool:
        """Dated after its own publication: a march called for Friday, a vigil planned for
        Tuesday. It reports no event yet, so it joins the event once that is reported and
        never starts an incident of its own."""
        return bool(self.date_start and self.published and self.date_start > self.published)

    @property
    def point(self) -> tuple[float, float] | None:
        return (self.lat, self.lon) if self.lat is not None and self.lon is not None else None


def stored_terms(title: str | None, text: str) -> list[list[int]]:
    """`term_counts` as stored in mention_features.payload["terms"]: sorted [bucket, count]."""
    return [[bucket, count] for bucket, count in sorted(term_counts(title, text).items())]


def place_key(geonames_id: int | None, name: str) -> str:
    return f"gn:{geonames_id}" if geonames_id else f"name:{normalise(name)}"


def toll(mention: Mention, text: str) -> dict[FigureKind, Range]:
    """Killed and injured as the mention states them for its own incident (not cumulative)."""
    figures = document_toll(mention.figures, text)
    return {
        kind: (figure.low, figure.high if figure.high is not None else _closed(figure))
        for kind, figure in figures.items()
        if kind in (FigureKind.KILLED, FigureKind.INJURED)
    }


def _closed(figure: Figure) -> int | None:
    """An exact or approximate figure is its own upper bound; "at least" stays open."""
    return figure.low if figure.hedge in (Hedge.EXACT, Hedge.ABOUT) else None


def context_text(mention: Mention, text: str, title: str | None, first: bool = True) -> str:
    """The words embedded for the mention: the headline, for the document's first mention
    only (a headline describes the main event, not the vigil announced in its last line),
    and the start of the stretch of text the mention was read from."""
    span = mention.span
    body = text[span.start : span.end] if span.field == "text" else (title or "")
    head = f"{title}. " if title and first and span.field == "text" else ""
    return (head + body[:CONTEXT_CHARS]).strip() or (title or "")


def named_days(text: str, language: str, published: date | None) -> list[date]:
    """The days `text` names to the day, on or before `published`: the latest NAMED_DAYS."""
    from cotejo.extract.dates import find_dates  # dateparser: loaded only to build features

    days = {
        found.start
        for found in find_dates(text, language, published)
        if found.precision == "day"
        and found.start == found.end
        and (published is None or found.start <= published)
    }
    return sorted(days)[-NAMED_DAYS:]


def stored_payload(
    mention: Mention,
    text: str,
    title: str | None,
    published: date | None,
    first: bool,
    language: str = "en",
) -> dict[str, object]:
    """What mention_features.payload keeps of a mention, beside its vector. The first
    mention is matched by the names, numbers and days of the whole document; a later one
    (the vigil announced in the last line) only by those of its own stretch of text."""
    tolls = toll(mention, text)
    span = mention.span
    own = text[span.start : span.end] if span.field == "text" else (title or "")
    days = named_days(text if first else own, language, published)
    return {
        "published": published.isoformat() if published else None,
        "killed": tolls.get(FigureKind.KILLED),
        "injured": tolls.get(FigureKind.INJURED),
        "actors": sorted({normalise(a.name) for a in mention.actors}),
        "places": sorted({place_key(p.geonames_id, p.name) for p in mention.places}),
        "place_key": place_key(mention.places[0].geonames_id, mention.places[0].name)
        if mention.places
        else None,
        "terms": stored_terms(title, text) if first else stored_terms(None, own),
        "named_days": [d.isoformat() for d in days],
    }
