"""Organisations, forces and offices named in a text, with their role in the incident.

Roles: the acting force carries out a strike, raid, arrest or deployment; an armed group
is the target of such state action, and the alleged perpetrator of other violence; any
actor quoted as a speaker is a claimant. Persons are never actors: public offices are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from cotejo.extract.aliases import AliasMatch
from cotejo.extract.model import Actor, ActorKind, ActorRole, EventType, Origin, Span

STATE_ACTION = frozenset(
    {
        EventType.AIR_OR_DRONE_STRIKE,
        EventType.STRIKE_ON_VESSEL,
        EventType.SHELLING_OR_MISSILE,
        EventType.ARREST_OR_RAID,
        EventType.DEPORTATION,
        EventType.DEPLOYMENT,
        EventType.DRUG_SEIZURE,
    }
)
_STATE = frozenset({ActorKind.STATE_FORCE, ActorKind.GOVERNMENT, ActorKind.PUBLIC_OFFICIAL})
_BLAMED = re.compile(
    r"\b(?:blamed on|attributed to|carried out by|committed by|perpetrated by|by members of|"
    r"atribuid[oa]s? al?|perpetrad[oa]s? por|cometid[oa]s? por|a manos de)"
    r"\s+(?:the\s+|el\s+|la\s+)?$",
    re.IGNORECASE,
)


def find_actors(
    text: str,
    aliases: Sequence[AliasMatch],
    event_type: EventType,
    speakers: Iterable[Origin],
    affiliated: frozenset[str] = frozenset(),
) -> list[Actor]:
    """One Actor per (canonical name, role), at its first mention; `aliases` are the alias
    file's matches in `text` (`Catalogue.find`), found once per document. `affiliated` are
    the groups the text says (or denies) the people harmed belong to: such a group is the
    target of what happened unless the text blames it ("carried out by")."""
    speaking = {o.name for o in speakers}
    actors: dict[tuple[str, ActorRole], Actor] = {}
    for match in aliases:
        entry = match.entry
        span = Span.of(text, match.start, match.end)
        roles: list[ActorRole] = []
        if entry.kind is ActorKind.ARMED_GROUP:
            blamed = _BLAMED.search(text[max(0, match.start - 40) : match.start])
            roles.append(
                ActorRole.TARGET
                if (event_type in STATE_ACTION or entry.name in affiliated) and not blamed
                else ActorRole.ALLEGED_PERPETRATOR
            )
        elif (
            entry.kind in _STATE
            and event_type in STATE_ACTION
            and entry.kind is not ActorKind.PUBLIC_OFFICIAL
        ):
            roles.append(ActorRole.ACTING_FORCE)
        if entry.name in speaking:
            roles.append(ActorRole.CLAIMANT)
        for role in roles:
            actors.setdefault(
                (entry.name, role), Actor(name=entry.name, kind=entry.kind, role=role, span=span)
            )
    return sorted(actors.values(), key=lambda a: (a.span.start, a.role.value))
