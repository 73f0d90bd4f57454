"""The incident list's fast path (GET /api/incidents on SQLite): one keyset page of live
incidents as JSON-ready dicts, from SQL text written out here, cached per shape of query,
and run with bound parameters on the DB-API connection.

Building and compiling the SQLAlchemy statements of `browse.incident_page` on every request
cost more than SQLite running them (benchmarks/api_load.py). That function stays the
reference, for every backend and for the exports; `tests/test_incident_list.py` checks that
both give the same pages, cursors included, for every filter.

- A summary field is one column in `COLUMNS` and one line in `_item` (the denormalised
  headline grade: `"i.grade"` and `"grade": grade`).
- A filter is one function in `FILTERS`: it reads `IncidentQuery` and returns the SQL
  condition on `incidents AS i` with its parameters, or None when the filter is not set.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from typing import Any

import orjson

from cotejo.errors import InputError
from cotejo.query import Cursor, IncidentQuery
from cotejo.store.browse import SMALL_BOX, _box_area, acled_type
from cotejo.store.db import Store


@dataclass(frozen=True)
class Condition:
    sql: str
    params: tuple[Any, ...] = ()


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" * len(values))


def _live(query: IncidentQuery) -> Condition:
    return Condition("i.retired_at IS NULL")


def _date_from(query: IncidentQuery) -> Condition | None:
    return (
        Condition("i.date_start >= ?", (query.date_from.isoformat(),)) if query.date_from else None
    )


def _date_to(query: IncidentQuery) -> Condition | None:
    return Condition("i.date_start <= ?", (query.date_to.isoformat(),)) if query.date_to else None


def _bbox(query: IncidentQuery) -> Condition | None:
    box = query.bbox
    if box is None:
        return None
    if box.west <= box.east:
        return Condition(
            "i.latitude BETWEEN ? AND ? AND i.longitude BETWEEN ? AND ?",
            (box.south, box.north, box.west, box.east),
        )
    return Condition(  # the box crosses the antimeridian
        "i.latitude BETWEEN ? AND ? AND (i.longitude >= ? OR i.longitude <= ?)",
        (box.south, box.north, box.west, box.east),
    )


def _countries(query: IncidentQuery) -> Condition | None:
    codes = query.countries
    return Condition(f"i.country_code IN ({_marks(codes)})", codes) if codes else None


def _event_types(query: IncidentQuery) -> Condition | None:
    kinds = query.event_types
    return Condition(f"i.event_type IN ({_marks(kinds)})", kinds) if kinds else None


_CURRENT_MEMBER = (
    "SELECT 1 FROM incident_members AS im {joins} "
    "WHERE im.incident_id = i.id AND im.until IS NULL AND {conditions}"
)


def _member_documents(query: IncidentQuery) -> Condition | None:
    """One current member document meets both: a Spanish NGO report, not one of each."""
    conditions, params = [], []
    if query.languages:
        conditions.append(f"d.language IN ({_marks(query.languages)})")
        params += query.languages
    if query.source_kinds:
        conditions.append(f"s.kind IN ({_marks(query.source_kinds)})")
        params += query.source_kinds
    if not conditions:
        return None
    joins = (
        "JOIN mentions AS mr ON mr.id = im.mention_id "
        "JOIN documents AS d ON d.sha256 = mr.document_sha256 "
        "JOIN sources AS s ON s.id = d.source_id"
    )
    member = _CURRENT_MEMBER.format(joins=joins, conditions=" AND ".join(conditions))
    return Condition(f"EXISTS ({member})", tuple(params))


def _actor(query: IncidentQuery) -> Condition | None:
    """A current member whose resolve features name an actor containing the text (names
    there are case-folded canonical names from the alias file)."""
    if not query.actor:
        return None
    joins = (
        "JOIN mention_features AS mf ON mf.mention_id = im.mention_id "
        "JOIN json_each(mf.payload, '$.actors') AS a"
    )
    member = _CURRENT_MEMBER.format(joins=joins, conditions="a.value LIKE ? ESCAPE '/'")
    text = query.actor.casefold().replace("/", "//").replace("%", "/%").replace("_", "/_")
    return Condition(f"EXISTS ({member})", (f"%{text}%",))


def _grades(query: IncidentQuery) -> Condition | None:
    """The headline grade (`ungraded`: no assessment yet)."""
    if not query.grades:
        return None
    graded = tuple(g for g in query.grades if g != "ungraded")
    either = [f"i.grade IN ({_marks(graded)})"] if graded else []
    if "ungraded" in query.grades:
        either.append("i.grade IS NULL")
    return Condition(f"({' OR '.join(either)})", graded)


# Every filter, in the order its condition is written; each returns None when not set.
FILTERS: tuple[Callable[[IncidentQuery], Condition | None], ...] = (
    _live,
    _date_from,
    _date_to,
    _bbox,
    _countries,
    _event_types,
    _member_documents,
    _actor,
    _grades,
)

# What a list item shows. Figures and the canonical date are read from the canonical JSON
# in one json_extract (one parse per row, into a small JSON array).
COLUMNS = (
    "i.key",
    "i.event_type",
    "i.date_start",
    "i.date_end",
    "i.place_name",
    "i.place_precision",
    "i.country_code",
    "i.latitude",
    "i.longitude",
    "i.document_count",
    "i.mention_count",
    "i.updated_at",
    "i.grade",
    "i.grade_acknowledged",
    "json_extract(i.canonical, '$.date.value', '$.date.precision', '$.killed.value', "
    "'$.killed.low', '$.killed.high', '$.injured.value', '$.injured.low', '$.injured.high')",
)


def _figure(value: int | None, low: int | None, high: int | None) -> dict[str, Any] | None:
    # resolve writes a figure with its value whenever it writes one (canonical._figure)
    return None if value is None else {"value": value, "low": low, "high": high}


@cache
def _acled_json(event_type: str | None) -> dict[str, str] | None:
    found = acled_type(event_type)
    return found.model_dump() if found else None


def _iso(stored: str) -> str:
    """SQLite's stored UTC time ('2026-01-02 03:04:05.009000') as the API writes it."""
    moment, _, fraction = stored.partition(".")
    fraction = fraction.rstrip("0")
    return moment.replace(" ", "T") + ("." + fraction.ljust(6, "0") if fraction else "") + "Z"


def _item(row: tuple[Any, ...]) -> dict[str, Any]:
    """One row of COLUMNS in the shape of `views.IncidentSummary`."""
    (
        key,
        event_type,
        date_start,
        date_end,
        place,
        place_precision,
        country,
        latitude,
        longitude,
        documents,
        mentions,
        updated_at,
        grade,
        acknowledged,
        extracted,
    ) = row
    date, date_precision, kv, kl, kh, iv, il, ih = orjson.loads(extracted)
    return {
        "key": key,
        "event_type": event_type,
        "acled": _acled_json(event_type),
        "date": date,
        "date_low": date_start,
        "date_high": date_end,
        "date_precision": date_precision,
        "place": place,
        "place_precision": place_precision,
        "country": country,
        "latitude": latitude,
        "longitude": longitude,
        "killed": _figure(kv, kl, kh),
        "injured": _figure(iv, il, ih),
        "documents": documents,
        "mentions": mentions,
        "grade": grade,
        "acknowledged": None if acknowledged is None else bool(acknowledged),
        "updated_at": _iso(updated_at),
    }


# -- statements ------------------------------------------------------------------------------

DATED, UNDATED = "dated", "undated"


def _parts(order: str, after: Cursor | None) -> list[tuple[str, bool]]:
    """The one or two index walks that make a page, as in `browse._keyset_parts`: (part,
    whether the cursor bounds it). Newest first walks the dated and then the undated
    incidents; oldest first, the undated and then the dated."""
    newest_first = order == "-date"
    if after is not None and after.value is not None:  # the cursor stopped among the dated
        return [(DATED, True), (UNDATED, False)] if newest_first else [(DATED, True)]
    if after is not None:  # ... among the undated
        return [(UNDATED, True)] if newest_first else [(UNDATED, True), (DATED, False)]
    return (
        [(DATED, False), (UNDATED, False)] if newest_first else [(UNDATED, False), (DATED, False)]
    )


@lru_cache(maxsize=1024)
def keyset_statement(
    conditions: tuple[str, ...], part: str, bounded: bool, newest_first: bool, by_place: bool
) -> str:
    """The SQL of one index walk for the page's keys (id, date_start, key). Parameters: the
    conditions', then the cursor's when `bounded`, then the limit."""
    where = list(conditions)
    desc = " DESC" if newest_first else ""
    if part == DATED:
        where.insert(0, "i.date_start IS NOT NULL")
        if bounded:
            where.append(f"(i.date_start, i.key) {'<' if newest_first else '>'} (?, ?)")
        order_by = f"i.date_start{desc}, i.key{desc}"
    else:
        where.insert(0, "i.date_start IS NULL")
        if bounded:
            where.append(f"i.key {'<' if newest_first else '>'} ?")
        order_by = f"i.key{desc}"
    hint = " INDEXED BY ix_incidents_lat_lon" if by_place else ""
    return (
        f"SELECT i.id, i.date_start, i.key FROM incidents AS i{hint} "
        f"WHERE {' AND '.join(where)} ORDER BY {order_by} LIMIT ?"
    )


# The summary columns of the page's rows alone, in the page's order (a JSON array of ids):
# reading JSON for every row a filter or a sort passes over cost more than the walk, and so
# did one statement with the walk as a subquery (SQLite then sorts every match, not LIMIT).
SUMMARY_STATEMENT = (
    f"SELECT {', '.join(COLUMNS)} FROM json_each(?) AS page "
    "CROSS JOIN incidents AS i ON i.id = page.value ORDER BY page.key"
)


def _cursor_date(after: Cursor) -> str:
    try:
        return date.fromisoformat(str(after.value)).isoformat()
    except ValueError:
        raise InputError(
            "cursor: it does not hold a date this API made",
            "pass the next_cursor of the previous page unchanged, or drop cursor for page one",
        ) from None


def incident_page(
    store: Store, query: IncidentQuery, limit: int, order: str, after: Cursor | None
) -> tuple[list[dict[str, Any]], Cursor | None]:
    """One page of live incidents (JSON-ready, in the shape of IncidentSummary) and the
    cursor of its last row (None on the last page): `browse.incident_page`'s summaries,
    dumped to JSON, are the same items."""
    found = [c for c in (f(query) for f in FILTERS) if c is not None]
    conditions = tuple(c.sql for c in found)
    params = tuple(p for c in found for p in c.params)
    by_place = _box_area(query) < SMALL_BOX
    newest_first = order == "-date"
    keys: list[tuple[int, str | None, str]] = []
    with store.read_cursor() as cursor:
        for part, bounded in _parts(order, after):
            sql = keyset_statement(conditions, part, bounded, newest_first, by_place)
            mark: tuple[Any, ...] = ()
            if bounded and after is not None:
                mark = (_cursor_date(after), after.key) if part == DATED else (after.key,)
            cursor.execute(sql, (*params, *mark, limit + 1 - len(keys)))
            keys += cursor.fetchall()
            if len(keys) > limit:
                break
        more = len(keys) > limit
        keys = keys[:limit]
        if not keys:
            return [], None
        cursor.execute(SUMMARY_STATEMENT, (orjson.dumps([k[0] for k in keys]),))
        rows = cursor.fetchall()
    last = Cursor(keys[-1][1], keys[-1][2]) if more else None
    return [_item(row) for row in rows], last
