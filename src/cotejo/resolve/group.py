"""Incremental grouping: each mention joins the best-fitting candidate incident or starts one.

`Resolver.assign` is the whole decision for one mention. Candidates come from an
`IncidentIndex`: `MemoryIndex` for a rebuild (everything in order, in memory), or the
store-backed index of `cotejo.store.incidents` for incremental runs, which finds candidates
through indexed columns and never scans all incidents. Both feed the same `assign`.

Determinism: a rebuild processes mentions in `MentionFeatures.order`; ties between equally
scored incidents go to the smaller key; keys derive from the mention that started the
incident. The same mentions, decisions and config always give the same grouping.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
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


class IncidentIndex(Protocol):
    def candidates(self, m: MentionFeatures) -> list[IncidentState]: ...

    def get(self, key: str) -> IncidentState | None: ...

    def add(self, state: IncidentState, m: MentionFeatures) -> None:
        """Record that `m` joined `state` (new or not)."""
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
        return placed

    def assign(self, m: MentionFeatures) -> Assignment | None:
        """The incident `m` joins or starts; None for an announced event that fits no
        incident yet (it waits for the event to be reported)."""
        pin = self.pins.get(m.mention_id)
        if pin is not None and pin in self._pinned:
            state = self.index.get(self._pinned[pin])
            assert state is not None
            return self._join(state, m, "decision", None, None)
        best, best_score, best_signals = self._best(m, pin)
        if best is not None:
            return self._join(
                best, m, "auto" if pin is None else "decision", best_score, best_signals
            )
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
    ) -> tuple[IncidentState | None, float | None, dict[str, object] | None]:
        config = self.config
        best: tuple[float, str, IncidentState, dict[str, object]] | None = None
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
            detail = {**found.as_dict(), "reprint": reprint}
            better = best is None or score > best[0]
            if better or (best is not None and score == best[0] and state.key < best[1]):
                best = (score, state.key, state, detail)
        if best is None or best[0] < config.join_probability:
            return None, None, None
        return best[2], best[0], best[3]

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
