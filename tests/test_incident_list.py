"""The incident list's fast path (store/incident_list.py) gives exactly the pages of the
SQLAlchemy reference (browse.incident_page, dumped to JSON): the same items, in the same order, with
the same cursors, for every filter, both orders, dated and undated, live and retired
incidents, walked page by page."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import insert

from cotejo.canonical import canonical_json
from cotejo.errors import InputError
from cotejo.query import Cursor, IncidentQuery, parse_incident_query
from cotejo.store import browse, incident_list
from cotejo.store import models as m
from cotejo.store.db import Store
from cotejo.testing import make_settings, make_store

COUNTRIES = (("VE", -73.0, 1.0, -60.0, 12.0), ("CO", -79.0, -4.0, -67.0, 12.0))
TYPES = ("strike_on_vessel", "protest", "arrest_or_raid")
NOW = datetime(2026, 1, 1, 12, 30, tzinfo=UTC)


def _incident(i: int, rng: random.Random) -> dict:
    code, west, south, east, north = rng.choice(COUNTRIES)
    lat, lon = rng.uniform(south, north), rng.uniform(west, east)
    day = date(2025, 1, 1) + timedelta(days=rng.randrange(40))  # many share a day
    kind = rng.choice(TYPES)
    values: dict = {"event_type": {"value": kind, "readings": []}}
    dated = i % 7 != 0
    if dated:
        precision = rng.choice(("day", "month"))
        values["date"] = {"value": day.isoformat(), "precision": precision, "readings": []}
    if i % 3:
        killed = rng.randrange(6)
        high = None if i % 5 == 0 else killed + rng.randrange(3)
        values["killed"] = {"value": killed, "low": killed, "high": high, "readings": []}
    if i % 4 == 0:
        values["injured"] = {"value": 2, "low": 1, "high": 2, "readings": []}
    return {
        "key": f"inc-t{i:05d}",
        "created_at": NOW,
        "updated_at": NOW + timedelta(microseconds=(i % 3) * 250_000),  # .0, .25, .5 s
        "retired_at": NOW if i % 11 == 0 else None,
        "mention_count": 1 + i % 4,
        "document_count": 1 + i % 3,
        "latitude": lat if i % 9 else None,
        "longitude": lon if i % 9 else None,
        "country_code": code,
        "event_type": kind,
        "date_start": day if dated else None,
        "date_end": day + timedelta(days=i % 2) if dated else None,
        "place_name": f"Town {i % 17}",
        "place_precision": "town",
        "canonical": canonical_json(values).decode(),
        "grade": (None, "corroborated", "single-origin", "contested")[i % 4],
        "grade_acknowledged": None if i % 4 == 0 else i % 3 == 0,
    }


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory):
    store = make_store(tmp_path_factory.mktemp("incident-list") / "home")
    rng = random.Random(11)
    with store.session() as session:
        session.execute(insert(m.Incident), [_incident(i, rng) for i in range(400)])
    yield store
    store.close()


@pytest.fixture(scope="module")
def corpus(published_home: Path):
    store = Store(make_settings(published_home), create=False)
    yield store
    store.close()


def _walk(store: Store, query: IncidentQuery, limit: int, order: str, fast: bool) -> list:
    pages, after = [], None
    while True:
        if fast:
            items, after = incident_list.incident_page(store, query, limit, order, after)
        else:
            with store.read_session() as session:
                summaries, after = browse.incident_page(session, query, limit, order, after)
                items = [s.model_dump(mode="json") for s in summaries]
        pages.append((items, after))
        if after is None:
            return pages


def _same_pages(store: Store, params: dict, limit: int, order: str) -> list:
    query = parse_incident_query(params)
    fast = _walk(store, query, limit, order, fast=True)
    assert fast == _walk(store, query, limit, order, fast=False), (params, limit, order)
    return [item for items, _ in fast for item in items]


SYNTHETIC_FILTERS = [
    {},
    {"country": "VE"},
    {"country": "VE,CO"},
    {"event_type": "protest,arrest_or_raid"},
    {"date_from": "2025-01-10", "date_to": "2025-01-20"},
    {"date_from": "2025-01-25"},
    {"bbox": "-70,2,-66,6"},  # small: walked through the place index
    {"bbox": "-80,-10,-60,13"},  # large: walked through the date index
    {"bbox": "170,-10,-65,10"},  # across the antimeridian
    {"bbox": "-70,2,-66,6", "event_type": "protest", "date_to": "2025-01-30"},
    {"country": "CO", "event_type": "strike_on_vessel"},
    {"grade": "contested"},
    {"grade": "corroborated,ungraded", "country": "VE"},
]


@pytest.mark.parametrize("params", SYNTHETIC_FILTERS)
@pytest.mark.parametrize("order", ["-date", "date"])
def test_the_fast_path_gives_the_reference_pages(synthetic: Store, params, order) -> None:
    items = _same_pages(synthetic, params, 7, order)
    if not params:
        assert len(items) == 400 - len(range(0, 400, 11))  # every live incident, once
        assert len({i["key"] for i in items}) == len(items)
        assert any(i["date_low"] is None for i in items)
    assert _same_pages(synthetic, params, 500, order) == items


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"language": "es"},
        {"source_kind": "ngo"},
        {"language": "es", "source_kind": "ngo,media"},
        {"actor": "Tren de Aragua"},
        {"actor": "department"},
        {"actor": "50%_off/"},  # LIKE's wildcards and the escape character are plain text
        {"country": "VE", "language": "en"},
    ],
)
def test_the_fast_path_gives_the_reference_pages_on_the_corpus(corpus: Store, params) -> None:
    items = _same_pages(corpus, params, 2, "-date")
    _same_pages(corpus, params, 3, "date")
    assert bool(items) == ("50%" not in params.get("actor", ""))  # each filter finds some


@pytest.mark.parametrize("wildcard", ["%", "_", "/"])
def test_an_actor_filter_takes_like_wildcards_literally(corpus: Store, wildcard: str) -> None:
    """Unescaped, "%" or "_" would match every incident with an actor; no actor name here
    holds them, so both paths find nothing."""
    assert _same_pages(corpus, {"actor": wildcard}, 5, "-date") == []


def test_a_cursor_holding_no_date_is_refused_with_a_hint(synthetic: Store) -> None:
    with pytest.raises(InputError, match="cursor") as caught:
        incident_list.incident_page(synthetic, IncidentQuery(), 5, "-date", Cursor("x", "k"))
    assert caught.value.hint


def test_stored_times_read_as_the_api_writes_them() -> None:
    assert incident_list._iso("2026-01-02 03:04:05.009000") == "2026-01-02T03:04:05.009000Z"
    assert incident_list._iso("2026-01-02 03:04:05.000000") == "2026-01-02T03:04:05Z"
    assert incident_list._iso("2026-01-02 03:04:05") == "2026-01-02T03:04:05Z"
