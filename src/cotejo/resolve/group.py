"""Incremental grouping: each mention joins the best-fitting candidate incident or starts one.

`Resolver.assign` is the whole decision for one mention. Candidates come from an
`IncidentIndex`: `MemoryIndex` for a rebuild (everything in order, in memory), or the
store-backed index of `cotejo.store.incidents` for incremental runs, which finds candidates
through indexed columns and never scans all incidents. Both feed the same `assign`.

A mention that fits two incidents almost surely (`ResolveConfig.merge_probability`) shows
they are one: an early post ("an explosion at sea") and the wire story of the strike meet
through the relative's post that names both the boat and the strike. The incidents are
merged into the best-fitting one, unless a person has placed members of either.

Determinism: a rebuild processes mentions in `MentionFeatures.order`; ties between equally
scored incidents go to the smaller key; keys derive from the mention that started the
incident. The same mentions, decisions and config always give the same grouping.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Protocol

from cotejo.resolve.features import MentionFeatures
from cotejo.resolve.score import ResolveConfig, compatible, signals

MAX_INDEXED_DAYS = 62  # a month-precision window is indexed; a year-precision one is capped


def incident_key(m: MentionFeatures) -> str:
    digest = hashlib.sha256(f"{m.document}:{m.ordinal}".encode()).hexdigest()
    return f"inc-{digest[:12]}"


@dataclass
class IncidentState:
    key: str
    members: list[MentionFeatures] = field(default_factory=list)
    pin: int | None = None


@dataclass(frozen=True)
class Assignment:
    mention_id: int
    key: str
    new: bool
    method: str  # auto | decision
    score: float | None = None
    signals: Mapping[str, object] | None = None
    merged: tuple[str, ...] = ()  # incidents this mention showed to be `key`, now merged in


class IncidentIndex(Protocol):
    def candidates(self, m: MentionFeatures) -> list[IncidentState]: ...

    def get(self, key: str) -> IncidentState | None: ...

    def add(self, state: IncidentState, m: MentionFeatures) -> None:
        """Record that `m` joined `state` (new or not)."""
        ...

    def merge(self, into: IncidentState, other: IncidentState) -> None:
        """Record that `other`'s members now belong to `into`."""
        ...


def window_days(m: MentionFeatures) -> list[date]:
    found: set[date] = set()
    for start, end in m.windows:
        days = min((end - start).days, MAX_INDEXED_DAYS)
        found.update(start + timedelta(days=i) for i in range(days + 1))
    return sorted(found)


class MemoryIndex:
    """Incidents by day of their members' date windows, and by near-duplicate group."""

    def __init__(self) -> None:
        self.incidents: dict[str, IncidentState] = {}
        self._by_day: dict[date, set[str]] = defaultdict(set)
        self._by_group: dict[int, set[str]] = defaultdict(set)

    def candidates(self, m: MentionFeatures) -> list[IncidentState]:
        keys: set[str] = set()
        for day in window_days(m):
            keys |= self._by_day.get(day, set())
        if m.near_duplicate_group is not None:
            keys |= self._by_group.get(m.near_duplicate_group, set())
        return [self.incidents[k] for k in sorted(keys)]

    def get(self, key: str) -> IncidentState | None:
        return self.incidents.get(key)

    def add(self, state: IncidentState, m: MentionFeatures) -> None:
        self.incidents[state.key] = state
        for day in window_days(m):
            self._by_day[day].add(state.key)
        if m.near_duplicate_group is not None:
            self._by_group[m.near_duplicate_group].add(state.key)

    def merge(self, into: IncidentState, other: IncidentState) -> None:
        for m in other.members:
            for day in window_days(m):
                self._by_day[day].discard(other.key)
            if m.near_duplicate_group is not None:
                self._by_group[m.near_duplicate_group].discard(other.key)
            self.add(into, m)
        into.members = sorted(into.members + other.members, key=lambda f: f.order)
        del self.incidents[other.key]


class Resolver:
    """Assigns mentions one at a time; keeps analysts' pins (see `decisions`)."""

    def __init__(
        self,
        index: IncidentIndex,
        config: ResolveConfig | None = None,
        pins: Mapping[int, int] | None = None,
    ) -> None:
        self.index = index
        self.config = config or ResolveConfig()
        self.pins = dict(pins or {})
        self._pinned: dict[int, str] = {}  # pin -> incident key

    def run(self, mentions: Iterable[MentionFeatures]) -> list[Assignment]:
        """Assign in order; announced events that found nothing get one more try at the
        end, when the reports of what happened are in. Those still waiting are left out."""
        placed, waiting = [], []
        for m in sorted(mentions, key=lambda m: m.order):
            found = self.assign(m)
            placed.append(found) if found else waiting.append(m)
        placed.extend(found for m in waiting if (found := self.assign(m)))
        into: dict[str, str] = {}
        for a in placed:
            into.update(dict.fromkeys(a.merged, a.key))
        return [replace(a, key=_final(into, a.key)) for a in placed]

    def assign(self, m: MentionFeatures) -> Assignment | None:
        """The incident `m` joins or starts; None for an announced event that fits no
        incident yet (it waits for the event to be reported)."""
        pin = self.pins.get(m.mention_id)
        if pin is not None and pin in self._pinned:
            state = self.index.get(self._pinned[pin])
            assert state is not None
            return self._join(state, m, "decision", None, None)
        best, best_score, best_signals, bridged = self._best(m, pin)
        if best is not None:
            joined = self._join(
                best, m, "auto" if pin is None else "decision", best_score, best_signals
            )
            for other in bridged:
                self.index.merge(best, other)
            return replace(joined, merged=tuple(other.key for other in bridged))
        if m.announced and pin is None:
            return None
        state = IncidentState(key=incident_key(m), pin=pin)
        if pin is not None:
            self._pinned[pin] = state.key
        state.members.append(m)
        self.index.add(state, m)
        return Assignment(m.mention_id, state.key, True, "auto" if pin is None else "decision")

    def _best(
        self, m: MentionFeatures, pin: int | None
    ) -> tuple[IncidentState | None, float | None, dict[str, object] | None, list[IncidentState]]:
        """The best-fitting incident, its score and signals, and the other incidents the
        mention fits well enough to merge into it (none that a person has placed)."""
        config = self.config
        scored: list[tuple[float, str, IncidentState, dict[str, object]]] = []
        shared_group = m.near_duplicate_group
        for state in self.index.candidates(m):
            if pin is not None and state.pin not in (None, pin):
                continue  # a person keeps these apart
            reprint = shared_group is not None and any(
                o.near_duplicate_group == shared_group and o.ordinal == m.ordinal
                for o in state.members
            )
            if not reprint and not compatible(config, m, state.members):
                continue
            found = signals(config, m, state.members)
            score = 1.0 if reprint else found.probability(config)
            scored.append((score, state.key, state, {**found.as_dict(), "reprint": reprint}))
        scored.sort(key=lambda item: (-item[0], item[1]))
        if not scored or scored[0][0] < config.join_probability:
            return None, None, None, []
        score, _, best, detail = scored[0]
        bridged = [
            state
            for other_score, _, state, _ in scored[1:]
            if other_score >= config.merge_probability
            and best.pin is None
            and state.pin is None
            and pin is None
        ]
        return best, score, detail, bridged

    def _join(
        self,
        state: IncidentState,
        m: MentionFeatures,
        method: str,
        score: float | None,
        detail: Mapping[str, object] | None,
    ) -> Assignment:
        pin = self.pins.get(m.mention_id)
        if pin is not None and state.pin is None:
            state.pin = pin
            self._pinned[pin] = state.key
        state.members.append(m)
        self.index.add(state, m)
        return Assignment(m.mention_id, state.key, False, method, score, detail)


def _final(into: Mapping[str, str], key: str) -> str:
    """Where a merged incident's members ended up, following merges of merges."""
    while key in into:
        key = into[key]
    return key
