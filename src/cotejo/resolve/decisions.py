"""Analysts' merge, split and move decisions, and the pins they leave for automatic runs.

Every decision is stored as the groups of mentions it produced: a merge makes one group, a
split two, a move two (the target with the moved mention, and what was left behind).
Replaying the decisions in order gives each mention at most one *pin*; a later decision
overrides an earlier one for the mentions it names. Automatic grouping then obeys two rules:

- mentions with the same pin always share an incident (nothing a person placed is moved);
- two different pins never share an incident (nothing a person split is re-merged).

Unpinned mentions are free: they may join any incident, pinned or not.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from cotejo.errors import InputError


class Action(StrEnum):
    MERGE = "merge"
    SPLIT = "split"
    MOVE = "move"


@dataclass(frozen=True)
class Decision:
    action: Action
    author: str
    rationale: str
    groups: tuple[tuple[int, ...], ...]  # mention ids, one tuple per resulting incident
    incidents: tuple[str, ...] = ()  # the incident keys named by the analyst

    def __post_init__(self) -> None:
        if not self.author.strip():
            raise InputError("a decision needs an author", "give --author NAME")
        if not self.rationale.strip():
            raise InputError(
                "a decision needs a rationale", "say why in --rationale; it goes to the audit log"
            )
        seen: set[int] = set()
        for group in self.groups:
            if not group:
                raise InputError(f"{self.action} would leave an empty incident", "")
            if seen & set(group):
                raise InputError(f"{self.action} names a mention in two groups", "")
            seen |= set(group)


def merge(groups: Sequence[Sequence[int]]) -> tuple[tuple[int, ...], ...]:
    """Members of every named incident, as one group."""
    return (tuple(sorted({m for group in groups for m in group})),)


def split(members: Sequence[int], moved: Iterable[int]) -> tuple[tuple[int, ...], ...]:
    chosen = set(moved)
    unknown = chosen - set(members)
    if unknown:
        raise InputError(
            f"mentions {sorted(unknown)} are not in this incident",
            "list mention ids shown by `cotejo incidents show KEY`",
        )
    rest = [m for m in members if m not in chosen]
    if not chosen or not rest:
        raise InputError(
            "a split must leave mentions on both sides",
            "name some, but not all, of the incident's mentions",
        )
    return tuple(sorted(chosen)), tuple(sorted(rest))


def move(
    mention: int, source_members: Sequence[int], target_members: Sequence[int]
) -> tuple[tuple[int, ...], ...]:
    if mention in target_members:
        raise InputError(f"mention {mention} is already in that incident", "")
    target = tuple(sorted({*target_members, mention}))
    left = tuple(sorted(m for m in source_members if m != mention))
    return (target, left) if left else (target,)


def pins(decisions: Iterable[Decision]) -> dict[int, int]:
    """mention id -> pin, replaying decisions in order; later decisions win."""
    pinned: dict[int, int] = {}
    next_pin = 0
    for decision in decisions:
        for group in decision.groups:
            next_pin += 1
            for mention in group:
                pinned[mention] = next_pin
    return pinned
