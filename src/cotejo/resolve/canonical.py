"""An incident's canonical values, derived from its mentions, each with its range and sources.

Nothing here is typed in: every value is computed from mentions, and every value lists the
mentions (and so the documents and spans) behind it. Disagreement is kept: a toll stated as
3 by one origin and 5 by another is `value 3, low 3, high 5` with both readings listed.
These are the inputs of assessment, which decides what the disagreement means.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from cotejo.resolve.features import MentionFeatures, Range

PRECISION_ORDER = ("exact", "town", "district", "region", "sea_area", "country")
DATE_ORDER = ("day", "week", "month", "year")


def _source(m: MentionFeatures) -> dict[str, Any]:
    return {"document": m.document, "mention": m.mention_id}


def canonical(members: Sequence[MentionFeatures]) -> dict[str, Any]:
    return {
        "event_type": _event_type(members),
        "date": _date(members),
        "location": _location(members),
        "killed": _figure([(m, m.killed) for m in members]),
        "injured": _injured(members),
        "documents": len({m.document for m in members}),
        "mentions": len(members),
    }


def _mode(counter: Counter[Any], order: Sequence[Any] | None = None) -> Any:
    """Most common; ties go to the first in `order`, else to the smallest value."""
    ranked = sorted(
        counter.items(),
        key=lambda item: (-item[1], order.index(item[0]) if order else item[0]),
    )
    return ranked[0][0]


def _event_type(members: Sequence[MentionFeatures]) -> dict[str, Any]:
    counts = Counter(m.event_type for m in members)
    typed = Counter({t: n for t, n in counts.items() if t != "other"})
    return {
        "value": _mode(typed or counts),
        "readings": _readings((m.event_type, m) for m in members),
    }


def _date(members: Sequence[MentionFeatures]) -> dict[str, Any] | None:
    dated = [m for m in members if m.date_start and m.date_precision]
    if not dated:
        return None
    best = min(DATE_ORDER.index(m.date_precision or "year") for m in dated)
    precise = [m for m in dated if DATE_ORDER.index(m.date_precision or "year") == best]
    value = _mode(Counter(m.date_start for m in precise))
    return {
        "value": value.isoformat(),
        "precision": DATE_ORDER[best],
        "low": min(m.date_start for m in dated if m.date_start).isoformat(),
        "high": max(m.date_end or m.date_start for m in dated if m.date_start).isoformat(),
        "readings": _readings(
            (f"{m.date_start}/{m.date_end}/{m.date_precision}", m) for m in dated
        ),
    }


def _location(members: Sequence[MentionFeatures]) -> dict[str, Any] | None:
    placed = [m for m in members if m.point and m.place_key]
    if not placed:
        return None

    def rank(m: MentionFeatures) -> int:
        precision = m.place_precision or "country"
        return PRECISION_ORDER.index(precision) if precision in PRECISION_ORDER else 99

    # The most common of the most precise places; a town beats the region around it.
    best = min(rank(m) for m in placed)
    precise = [m for m in placed if rank(m) == best]
    key = _mode(Counter(m.place_key for m in precise))
    chosen = next(m for m in precise if m.place_key == key)
    return {
        "name": chosen.place_name,
        "latitude": chosen.lat,
        "longitude": chosen.lon,
        "precision": chosen.place_precision,
        "country": chosen.country,
        "place_key": key,
        "readings": _readings((m.place_key or "", m) for m in placed),
    }


def _figure(stated: Sequence[tuple[MentionFeatures, Range | None]]) -> dict[str, Any] | None:
    given = [(m, r) for m, r in stated if r is not None]
    if not given:
        return None
    counts = Counter(r[0] for _, r in given)
    # The value most sources state; a tie goes to the larger (tolls rise as victims die).
    value = max(counts.items(), key=lambda item: (item[1], item[0]))[0]
    highs = [r[1] for _, r in given]
    return {
        "value": value,
        "low": min(r[0] for _, r in given),
        "high": None if any(h is None for h in highs) else max(h for h in highs if h is not None),
        "readings": _readings((_range_label(r), m) for m, r in given),
    }


def _injured(members: Sequence[MentionFeatures]) -> dict[str, Any] | None:
    """Injuries as the sources that agree on the death toll state them: an early report's
    "man shot" is often a later report's death, and would count twice otherwise. The range
    and readings still list every source."""
    everyone = _figure([(m, m.injured) for m in members])
    killed = _figure([(m, m.killed) for m in members])
    if everyone is None or killed is None:
        return everyone
    agreeing = [m for m in members if m.killed and m.killed[0] == killed["value"]]
    focused = _figure([(m, m.injured) for m in agreeing])
    return {**everyone, "value": focused["value"]} if focused else everyone


def _range_label(r: Range) -> str:
    low, high = r
    if high == low:
        return str(low)
    return f"{low}+" if high is None else f"{low}-{high}"


def _readings(labelled: Iterable[tuple[str, MentionFeatures]]) -> list[dict[str, Any]]:
    """Each distinct value with the mentions that give it."""
    groups: dict[str, list[MentionFeatures]] = defaultdict(list)
    for label, m in labelled:
        groups[label].append(m)
    return [
        {"value": value, "sources": [_source(m) for m in ms]}
        for value, ms in sorted(groups.items())
    ]
