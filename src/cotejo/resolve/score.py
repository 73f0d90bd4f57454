"""Blocking and scoring: may a mention belong to an incident, and how well does it fit?

Blocking is a cheap yes/no on three keys (date window, distance, event-type family); only
incidents that pass are scored. The score is a weighted sum of signals in [-1, 1], each
kept in the membership row so a grouping can be explained ("joined inc-… with score 0.71:
text 0.83, same day, 3 km apart, both say 2 killed").
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from cotejo.extract.places.gazetteer import normalise
from cotejo.extract.places.resolve import km
from cotejo.resolve.features import MentionFeatures, Range

# Event types that can describe one incident at different moments: a shooting, then the
# arrest of the suspect; a strike the survivors' union calls an attack. Protests and
# deployments are events of their own: a march over a killing is not the killing.
SEPARATE_FAMILIES = {
    "protest": "protest",
    "deployment_or_strategic_development": "deployment",
}
ANY_FAMILY = "other"


# Logistic-regression coefficients over `Signals.features()`, fitted on the gva development
# split by `benchmarks/resolve_fit.py --data DIR --home STORE` (no other data was used); paste
# its output here. Three weights are hand-set, not fitted (HAND_SET there says why): the
# embedding's, since English-only gva cannot weigh what it does across languages; the
# same-document penalty; and the thread signal.
FITTED_WEIGHTS = {
    "text": 0.5,  # hand-set: see HAND_SET in benchmarks/resolve_fit.py
    "lexical": 10.013,
    "no_lexical": 0.0,
    "time": 2.856,
    "no_time": 2.177,
    "place": 2.109,
    "no_place": 0.209,
    "overlap": 0.693,
    "figures": 0.895,
    "no_figures": 0.489,
    "near_duplicate": -1.57,
    "publication_gap_weeks": -0.153,
    "recalled": 1.44,
    "same_document": -3.0,  # hand-set: first mentions never share a document
    "thread": 6.0,  # hand-set: gva has no channel posts, see _thread
}
FITTED_INTERCEPT = -7.654


class ResolveConfig(BaseModel):
    """Thresholds and weights of resolve. Saved with every run; change `version` with them."""

    model_config = ConfigDict(frozen=True)

    version: str = Field(default="resolve-8", description="changes whenever a value does")
    join_probability: float = Field(
        default=0.4, description="lowest fit probability at which a mention joins an incident"
    )
    merge_probability: float = Field(
        default=0.8,
        description="a mention that fits a second incident this well merges it into the one "
        "it joins: it shows the two are one event",
    )
    weights: dict[str, float] = Field(
        default=FITTED_WEIGHTS, description="coefficient of each signal in the logistic score"
    )
    intercept: float = Field(default=FITTED_INTERCEPT, description="the logistic intercept")
    radius_km: dict[str, float] = Field(
        default={
            "exact": 25.0,
            "town": 40.0,
            "district": 40.0,
            "region": 400.0,
            "country": 1500.0,
            "sea_area": 2000.0,
        },
        description="largest distance between two places of one incident, by precision",
    )
    conflict_min_text: float = Field(
        default=0.6,
        description="text similarity a mention needs to join an incident whose members all "
        "disagree with it on whether anyone died",
    )
    max_candidates: int = Field(
        default=2000,
        description="safety cap on the incidents the store index returns for one mention "
        "(the date and place filters keep the real number far below it)",
    )
    recent_members: int = Field(
        default=32, description="members of a large incident compared by text (the latest)"
    )


@dataclass(frozen=True)
class Signals:
    """How a mention compares with an incident's members; None where one side is silent."""

    text: float  # best cosine similarity of context embeddings
    lexical: float | None  # best cosine of the documents' hashed names and numbers
    time: float | None  # 1 same day, 0.6 one day apart, 0.2 two, 0 further
    place: float | None  # 1 same place, falling to 0 at the precision's radius
    overlap: float  # Jaccard of actor and place names
    figures: float | None  # +1 a member's toll agrees, 0 only the number dead differs, -1 else
    publication_gap_days: int | None
    deaths_conflict: bool  # no member agrees on whether anyone died
    near_duplicate: bool
    same_document: bool
    thread: bool = False  # a post with no place, hours after a post of this channel here
    recalled: bool = False  # one text names, among other days, the day the other dates it to

    def features(self) -> dict[str, float]:
        gap = self.publication_gap_days
        return {
            "text": self.text,
            "lexical": self.lexical or 0.0,
            "no_lexical": float(self.lexical is None),
            "time": self.time or 0.0,
            "no_time": float(self.time is None),
            "place": self.place or 0.0,
            "no_place": float(self.place is None),
            "overlap": self.overlap,
            "figures": self.figures or 0.0,
            "no_figures": float(self.figures is None),
            "near_duplicate": float(self.near_duplicate),
            "publication_gap_weeks": min(gap if gap is not None else 7, 14) / 7,
            "same_document": float(self.same_document),
            "thread": float(self.thread),
            "recalled": float(self.recalled),
        }

    def probability(self, config: ResolveConfig) -> float:
        if self.deaths_conflict and self.text < config.conflict_min_text:
            return 0.0  # one says people died, the other that nobody did, in other words

        features = self.features()
        z = config.intercept + sum(config.weights.get(k, 0.0) * v for k, v in features.items())
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))

    def as_dict(self) -> dict[str, object]:
        return {
            "text": round(self.text, 4),
            "lexical": None if self.lexical is None else round(self.lexical, 4),
            "time": self.time,
            "place": None if self.place is None else round(self.place, 4),
            "overlap": round(self.overlap, 4),
            "figures": self.figures,
            "publication_gap_days": self.publication_gap_days,
            "deaths_conflict": self.deaths_conflict,
            "near_duplicate": self.near_duplicate,
            "same_document": self.same_document,
            "thread": self.thread,
            "recalled": self.recalled,
        }


def family(event_type: str) -> str:
    return SEPARATE_FAMILIES.get(event_type, "violence" if event_type != ANY_FAMILY else ANY_FAMILY)


def reach(config: ResolveConfig, precision: str | None) -> float:
    return config.radius_km.get(precision or "town", config.radius_km["town"])


def radius(config: ResolveConfig, a: str | None, b: str | None) -> float:
    return max(reach(config, a), reach(config, b))


def place_lookup_keys(m: MentionFeatures) -> set[str]:
    """Keys under which `near` lets two mentions meet whatever their distance."""
    keys = set(m.places)
    if m.place_name:
        keys.add(f"n:{normalise(m.place_name)}")
    return keys


Window = tuple[date, date]


def overlap(a: Window, b: Window) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def windows_meet(a: Sequence[Window], b: Sequence[Window]) -> bool:
    return any(overlap(x, y) for x in a for y in b)


def near(config: ResolveConfig, m: MentionFeatures, other: MentionFeatures) -> bool:
    """Close enough to be one place; a shared place name counts, because a namesake town
    resolved wrongly in one report must not keep two reports of one incident apart."""
    if m.point is None or other.point is None or place_lookup_keys(m) & place_lookup_keys(other):
        return True
    return km(*m.point, *other.point) <= radius(config, m.place_precision, other.place_precision)


def compatible(
    config: ResolveConfig, m: MentionFeatures, members: Sequence[MentionFeatures]
) -> bool:
    """Blocking: some member shares the date window, and no member is too far or of an
    event family of its own."""
    if not any(windows_meet(m.windows, other.windows) for other in members):
        return False
    if not any(near(config, m, other) for other in members):
        return False
    return families_compatible(m.event_type, [other.event_type for other in members])


def families_compatible(event_type: str, member_types: Sequence[str]) -> bool:
    """A mention fits an incident whose typed members include its family; `other` fits any,
    and members of type `other` decide nothing (a post about "deaths" in a strike incident
    must not open the strike to the march held over it)."""
    mine = family(event_type)
    typed = {family(t) for t in member_types} - {ANY_FAMILY}
    return mine == ANY_FAMILY or not typed or mine in typed


def signals(
    config: ResolveConfig, m: MentionFeatures, members: Sequence[MentionFeatures]
) -> Signals:
    recent = members[-config.recent_members :]
    text = float(np.max(np.stack([o.vector for o in recent]) @ m.vector))
    return Signals(
        text=text,
        lexical=_lexical(m, recent),
        time=_time(m, members),
        place=_place(config, m, members),
        overlap=_overlap(m, members),
        figures=_figures(m, members),
        publication_gap_days=_publication_gap(m, members),
        deaths_conflict=_deaths_conflict(m, members),
        near_duplicate=m.near_duplicate_group is not None
        and any(o.near_duplicate_group == m.near_duplicate_group for o in members),
        same_document=any(o.document == m.document for o in members),
        thread=_thread(m, members),
        recalled=_recalled(m, members),
    )


THREAD = timedelta(hours=3)
FOLLOW_UP = timedelta(days=7)


def _thread(m: MentionFeatures, members: Sequence[MentionFeatures]) -> bool:
    """A channel's live posts ("the march sets off", "tension at the town hall", "the march
    ends") name no place or date: they lean on the post before. A typed post with no place
    reads as part of a thread of its channel when it was published within three hours
    after a member post of that channel, or within a week after one and about the same day
    ("four days since the attack"). Untyped posts ("other") are left out: a post about the
    victims' remains must not follow the march announcement posted two hours earlier."""
    mine = m.published_at
    if not m.post or mine is None or m.point is not None or family(m.event_type) == ANY_FAMILY:
        return False
    day = _days(m) if m.date_start is not None else None
    for o in members:
        if not (o.post and o.source == m.source and o.published_at is not None):
            continue
        gap = mine - o.published_at
        if timedelta(0) <= gap <= THREAD:
            return True
        if day is not None and timedelta(0) <= gap <= FOLLOW_UP:
            theirs = _days(o)
            if theirs is not None and _gap_days(day, theirs) == 0:
                return True
    return False


def _recalled(m: MentionFeatures, members: Sequence[MentionFeatures]) -> bool:
    """A follow-up names the day of the event it follows ("the June 29, 2014 shooting"):
    the mention's text names the day a member dates its event to, or the other way round.
    Two reports dated to the same day are left to the date signal."""

    def names(a: MentionFeatures, b: MentionFeatures) -> bool:
        day = b.date_start
        return b.date_precision == "day" and day != a.date_start and day in a.named_days

    return any(names(m, o) or names(o, m) for o in members if o.document != m.document)


def _lexical(m: MentionFeatures, members: Sequence[MentionFeatures]) -> float | None:
    """Best match of the documents' names and numbers. Mentions of one document share its
    terms, so the match says nothing about them: a roundup of nine shootings is nine
    incidents."""
    if not len(m.terms.ids):
        return None
    found = [
        m.terms.cosine(o.terms) for o in members if len(o.terms.ids) and o.document != m.document
    ]
    return max(found) if found else None


def _publication_gap(m: MentionFeatures, members: Sequence[MentionFeatures]) -> int | None:
    gaps = [abs((m.published - o.published).days) for o in members if m.published and o.published]
    return min(gaps) if gaps else None


def _time(m: MentionFeatures, members: Sequence[MentionFeatures]) -> float | None:
    mine = _days(m)
    if mine is None:
        return _dated_windows_meet(m, members)
    best: float | None = None
    for other in members:
        theirs = _days(other)
        if theirs is not None:
            value = {0: 1.0, 1: 0.6, 2: 0.2}.get(_gap_days(mine, theirs), 0.0)
        elif other.date_start is not None and m.date_start is not None:
            value = 0.5 if windows_meet(m.windows[:1], other.windows[:1]) else 0.0
        else:
            continue
        best = value if best is None else max(best, value)
    return best


def _dated_windows_meet(m: MentionFeatures, members: Sequence[MentionFeatures]) -> float | None:
    """A date coarser than a day (a week, a month) agrees or not; it is never "same day"."""
    if m.date_start is None:
        return None
    found = [
        0.5 if windows_meet(m.windows[:1], o.windows[:1]) else 0.0
        for o in members
        if o.date_start is not None
    ]
    return max(found) if found else None


def _days(f: MentionFeatures) -> tuple[date, date] | None:
    """The days a mention dates its event to, when it does so to the day. A post that gives
    no date reports the present: the day it was posted, or the day before (a post made
    after midnight UTC, or the night before)."""
    if f.date_start is not None:
        if f.date_precision == "day" and f.date_end is not None:
            return (f.date_start, f.date_end)
        return None
    if f.post and f.published is not None:
        return (f.published - timedelta(days=1), f.published)
    return None


def _gap_days(a: tuple[date, date], b: tuple[date, date]) -> int:
    """Whole days between two spans of days; 0 when they share one."""
    if overlap(a, b):
        return 0
    return min(abs((a[0] - b[1]).days), abs((b[0] - a[1]).days))


def _place(
    config: ResolveConfig, m: MentionFeatures, members: Sequence[MentionFeatures]
) -> float | None:
    if m.point is None:
        return None
    best: float | None = None
    for other in members:
        if other.point is None:
            continue
        if m.place_key and m.place_key == other.place_key:
            value = 1.0
        else:
            reach = radius(config, m.place_precision, other.place_precision)
            value = max(0.0, 1 - km(*m.point, *other.point) / reach)
        best = value if best is None else max(best, value)
    return best


def _overlap(m: MentionFeatures, members: Sequence[MentionFeatures]) -> float:
    mine = m.actors | m.places
    theirs: set[str] = set()
    for other in members:
        theirs |= other.actors | other.places
    if not mine or not theirs:
        return 0.0
    return len(mine & theirs) / len(mine | theirs)


def _figures(m: MentionFeatures, members: Sequence[MentionFeatures]) -> float | None:
    """How the mention's toll (killed, injured) sits with the members' tolls: +1 when one
    agrees; 0 when they only dispute how many died (3 said by one origin, 5 by another: a
    disagreement to record, common within one incident); -1 otherwise.

    A report that states one count and not the other says the other is zero ("a man was
    shot dead" reports no injured), so "1 killed" conflicts with "two wounded".
    """
    mine = _toll(m)
    if mine is None:
        return None
    stated = [t for t in map(_toll, members) if t is not None]
    if not stated:
        return None
    if any(_agree(mine[0], t[0]) and _agree(mine[1], t[1]) for t in stated):
        return 1.0
    if mine[0][0] > 0 and any(t[0][0] > 0 for t in stated):
        return 0.0
    return -1.0


def _deaths_conflict(m: MentionFeatures, members: Sequence[MentionFeatures]) -> bool:
    """True when the mention and every member with a toll disagree on whether anyone died:
    "a man was shot dead" against "two teens were wounded". Disputed numbers of dead (3 or
    5) are not this: they are a disagreement to record, not a sign of two incidents."""
    mine = _toll(m)
    if mine is None:
        return False
    stated = [t for t in map(_toll, members) if t is not None]
    died = mine[0][0] > 0
    return bool(stated) and all((t[0][0] > 0) != died for t in stated)


def _toll(f: MentionFeatures) -> tuple[Range, Range] | None:
    if f.killed is None and f.injured is None:
        return None
    return (f.killed or (0, 0), f.injured or (0, 0))


def _agree(a: Range, b: Range) -> bool:
    a_high = a[1] if a[1] is not None else 10**9
    b_high = b[1] if b[1] is not None else 10**9
    return a[0] <= b_high and b[0] <= a_high
