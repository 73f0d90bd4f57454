"""A mention that fits two incidents almost surely merges them, unless a person placed them."""

from __future__ import annotations

from datetime import date

import numpy as np

from cotejo.resolve.features import MentionFeatures
from cotejo.resolve.group import MemoryIndex, Resolver
from cotejo.resolve.score import ResolveConfig

# Only the text signal counts here: p = sigmoid(10 * cosine - 5).
TEXT_ONLY = ResolveConfig(weights={"text": 10.0}, intercept=-5.0)


def _mention(mention_id: int, vector: list[float]) -> MentionFeatures:
    unit = np.array(vector + [0.0] * (512 - len(vector)), dtype=np.float32)
    return MentionFeatures(
        mention_id=mention_id,
        document=f"doc{mention_id}",
        ordinal=0,
        published=date(2025, 10, 14 + mention_id),
        event_type="strike_on_vessel",
        date_start=date(2025, 10, 14),
        date_end=date(2025, 10, 14),
        date_precision="day",
        lat=10.57,
        lon=-62.3,
        place_precision="town",
        place_key="gn:1",
        place_name="Güiria",
        country="VE",
        killed=None,
        injured=None,
        actors=frozenset(),
        places=frozenset({"gn:1"}),
        near_duplicate_group=None,
        vector=unit / np.linalg.norm(unit),
    )


EXPLOSION = _mention(1, [1.0, 0.0])
STRIKE = _mention(2, [0.0, 1.0])
BRIDGE = _mention(3, [1.0, 1.0])  # cosine 0.71 with each: p 0.89


def test_a_mention_that_fits_two_incidents_merges_them() -> None:
    placed = Resolver(MemoryIndex(), TEXT_ONLY).run([EXPLOSION, STRIKE, BRIDGE])
    assert [a.new for a in placed] == [True, True, False]
    assert len({a.key for a in placed}) == 1  # earlier assignments follow the merge
    assert len(placed[2].merged) == 1


def test_a_weaker_second_fit_only_joins() -> None:
    weaker = TEXT_ONLY.model_copy(update={"merge_probability": 0.95})
    placed = Resolver(MemoryIndex(), weaker).run([EXPLOSION, STRIKE, BRIDGE])
    assert len({a.key for a in placed}) == 2
    assert placed[2].merged == ()


def test_incidents_a_person_placed_are_never_merged() -> None:
    # The analyst's decision put the strike report in an incident of its own (pin 7).
    placed = Resolver(MemoryIndex(), TEXT_ONLY, pins={STRIKE.mention_id: 7}).run(
        [EXPLOSION, STRIKE, BRIDGE]
    )
    assert len({a.key for a in placed}) == 2
    assert placed[2].merged == ()


def test_the_merged_index_finds_the_survivor_only() -> None:
    index = MemoryIndex()
    Resolver(index, TEXT_ONLY).run([EXPLOSION, STRIKE, BRIDGE])
    later = _mention(4, [1.0, 0.0])
    found = index.candidates(later)
    assert len(found) == 1
    assert [m.mention_id for m in found[0].members] == [1, 2, 3]


def test_an_incident_with_a_decided_value_is_never_merged_away(home_copy) -> None:
    """In the store, incidents a person touched (a placed mention, a confirmed value) carry
    the pin that keeps `Resolver` from merging them into another."""
    from sqlalchemy import select

    from cotejo.resolve.embed import USE_NAME
    from cotejo.review import service
    from cotejo.store import models as m
    from cotejo.store.incidents import PLACED_BY_PERSON, StoreIndex, load_features
    from cotejo.testing import make_store

    store = make_store(home_copy)
    try:
        with store.session() as session:
            incident = session.scalars(
                select(m.Incident).where(m.Incident.event_type == "abduction_or_kidnapping")
            ).first()
            key = incident.key
            member = session.scalars(
                select(m.IncidentMember.mention_id).where(
                    m.IncidentMember.incident_id == incident.id, m.IncidentMember.until.is_(None)
                )
            ).first()
            [mention] = load_features(session, [member], USE_NAME)

        def pin() -> int | None:
            with store.session() as session:
                index = StoreIndex(session, ResolveConfig(), USE_NAME)
                return next(s.pin for s in index.candidates(mention) if s.key == key)

        assert pin() is None
        service.add_user(store, None, "root", "admin")
        service.add_user(store, "root", "ana", "analyst")
        service.confirm(store, "ana", key, "date", None, "two sources agree")
        assert pin() == PLACED_BY_PERSON
    finally:
        store.close()
