"""Actors and their roles: acting force, target, alleged perpetrator, claimant."""

from __future__ import annotations

from cotejo.extract.actors import find_actors
from cotejo.extract.aliases import default_catalogue
from cotejo.extract.model import ActorKind, ActorRole, EventType, Origin, OriginKind


def _roles(text: str, event_type: EventType, speakers=()) -> set[tuple[str, ActorRole]]:
    return {
        (a.name, a.role)
        for a in find_actors(text, list(default_catalogue().find(text)), event_type, speakers)
    }


def test_a_strike_has_an_acting_force_and_a_target() -> None:
    text = "U.S. forces struck a vessel operated by Tren de Aragua in the Caribbean, SOUTHCOM said."
    speakers = [Origin(name="US Southern Command", kind=OriginKind.OFFICIAL)]
    assert _roles(text, EventType.STRIKE_ON_VESSEL, speakers) == {
        ("US armed forces", ActorRole.ACTING_FORCE),
        ("Tren de Aragua", ActorRole.TARGET),
        ("US Southern Command", ActorRole.ACTING_FORCE),
        ("US Southern Command", ActorRole.CLAIMANT),
    }


def test_a_kidnapping_blamed_on_a_gang_names_it_alleged_perpetrator() -> None:
    text = "El secuestro fue atribuido al Tren de Aragua, informó la Policía Nacional de Colombia."
    speakers = [Origin(name="Policía Nacional de Colombia", kind=OriginKind.OFFICIAL)]
    roles = _roles(text, EventType.ABDUCTION, speakers)
    assert ("Tren de Aragua", ActorRole.ALLEGED_PERPETRATOR) in roles
    assert ("Policía Nacional de Colombia", ActorRole.CLAIMANT) in roles
    assert ("Policía Nacional de Colombia", ActorRole.ACTING_FORCE) not in roles


def test_people_are_never_actors_only_offices() -> None:
    text = "Hegseth said the strike on the TdA boat killed three. Jhonny Marval was a fisherman."
    speakers = [Origin(name="US Secretary of War", kind=OriginKind.OFFICIAL)]
    actors = find_actors(
        text, list(default_catalogue().find(text)), EventType.STRIKE_ON_VESSEL, speakers
    )
    assert {(a.name, a.role) for a in actors} == {
        ("US Secretary of War", ActorRole.CLAIMANT),
        ("Tren de Aragua", ActorRole.TARGET),
    }
    assert (
        next(a for a in actors if a.name == "US Secretary of War").kind is ActorKind.PUBLIC_OFFICIAL
    )


def test_the_group_the_people_harmed_are_said_to_belong_to_is_no_perpetrator() -> None:
    # The fishermen's association, of a strike it calls an attack: the gang is only named as
    # what the dead were said to belong to.
    text = "Ninguno de ellos pertenecía al Tren de Aragua ni a ningún grupo delictivo."
    matches = list(default_catalogue().find(text))
    actors = find_actors(text, matches, EventType.ARMED_CLASH, (), frozenset({"Tren de Aragua"}))
    assert {(a.name, a.role) for a in actors} == {("Tren de Aragua", ActorRole.TARGET)}
    blamed = (
        "El ataque fue atribuido al Tren de Aragua, cuyos miembros pertenecían al Tren de Aragua."
    )
    matches = list(default_catalogue().find(blamed))
    roles = {
        a.role
        for a in find_actors(
            blamed, matches, EventType.ARMED_CLASH, (), frozenset({"Tren de Aragua"})
        )
    }
    assert ActorRole.ALLEGED_PERPETRATOR in roles
