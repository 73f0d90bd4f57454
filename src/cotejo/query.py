"""Filters over incidents and the keyset cursors that page through them, parsed once from
text (API query parameters, CLI options) into typed values.

A bad value raises `InputError` naming the parameter, what was expected and an example, so
the API can answer 400 with it and the CLI can print it. Cursors are keysets (the sort
value and key of the last row seen), never offsets: a page stays the same page while new
incidents arrive. A cursor carries a fingerprint of the filters it was made under, and is
refused under other filters.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, replace
from datetime import date
from typing import Any

from cotejo.errors import InputError
from cotejo.extract.model import EventType
from cotejo.ingest.document import SourceKind

LANGUAGES = ("en", "es", "other", "und")
ORDERS = ("-date", "date")
# Headline grades (docs/grading.md), and `ungraded` for incidents not assessed or not graded.
GRADES = ("corroborated", "single-origin", "contested", "refuted", "ungraded")
MAX_LIMIT = 500
_COUNTRY = re.compile(r"^[A-Za-z]{2}$")


@dataclass(frozen=True)
class BBox:
    """west, south, east, north in degrees (GeoJSON order). west > east crosses 180°."""

    west: float
    south: float
    east: float
    north: float


@dataclass(frozen=True)
class IncidentQuery:
    date_from: date | None = None
    date_to: date | None = None
    bbox: BBox | None = None
    countries: tuple[str, ...] = ()
    event_types: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    source_kinds: tuple[str, ...] = ()
    actor: str | None = None
    grades: tuple[str, ...] = ()

    def fingerprint(self) -> str:
        body = json.dumps(asdict(self), sort_keys=True, default=str).encode()
        return hashlib.sha256(body).hexdigest()[:12]

    def without_dates(self) -> IncidentQuery:
        """The same filters over all dates: what a timeline shows around a brushed range."""
        return replace(self, date_from=None, date_to=None)


def _list(raw: str | None) -> list[str]:
    return [part.strip() for part in (raw or "").split(",") if part.strip()]


def parse_choices(name: str, raw: str | None, allowed: tuple[str, ...]) -> tuple[str, ...]:
    values = _list(raw)
    bad = [v for v in values if v not in allowed]
    if bad:
        raise InputError(
            f"{name}: {', '.join(repr(b) for b in bad)} is not one of the allowed values",
            f"use one or more of {', '.join(allowed)}, separated by commas",
        )
    return tuple(dict.fromkeys(values))


def parse_date(name: str, raw: str | None) -> date | None:
    if raw is None or not raw.strip():
        return None
    try:
        return date.fromisoformat(raw.strip())
    except ValueError:
        raise InputError(
            f"{name}: {raw!r} is not a date", f"give a date as YYYY-MM-DD, e.g. {name}=2025-10-14"
        ) from None


def parse_bbox(raw: str | None) -> BBox | None:
    if raw is None or not raw.strip():
        return None
    hint = "give bbox=west,south,east,north in degrees, e.g. bbox=-80,-15,-60,12"
    parts = raw.split(",")
    if len(parts) != 4:
        raise InputError(f"bbox: {raw!r} has {len(parts)} number(s), not 4", hint)
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise InputError(f"bbox: {raw!r} holds something that is not a number", hint) from None
    if not all(-180 <= x <= 180 for x in (west, east)) or not all(
        -90 <= y <= 90 for y in (south, north)
    ):
        raise InputError(
            f"bbox: {raw!r} is off the globe",
            "longitudes lie in -180..180 and latitudes in -90..90; " + hint,
        )
    if south > north:
        raise InputError(f"bbox: south {south} is north of north {north}", hint)
    return BBox(west, south, east, north)


def parse_incident_query(params: Mapping[str, str | None]) -> IncidentQuery:
    """Filters from text values keyed by parameter name; missing or empty means no filter."""
    date_from = parse_date("date_from", params.get("date_from"))
    date_to = parse_date("date_to", params.get("date_to"))
    if date_from and date_to and date_from > date_to:
        raise InputError(
            f"date_from {date_from} is after date_to {date_to}", "swap them, or drop one"
        )
    countries = _list(params.get("country"))
    bad = [c for c in countries if not _COUNTRY.match(c)]
    if bad:
        raise InputError(
            f"country: {', '.join(repr(b) for b in bad)} is not an ISO 3166-1 alpha-2 code",
            "give two-letter codes separated by commas, e.g. country=VE,CO",
        )
    actor = (params.get("actor") or "").strip() or None
    if actor is not None and len(actor) > 200:
        raise InputError("actor: longer than 200 characters", "give an actor's name")
    return IncidentQuery(
        date_from=date_from,
        date_to=date_to,
        bbox=parse_bbox(params.get("bbox")),
        countries=tuple(dict.fromkeys(c.upper() for c in countries)),
        event_types=parse_choices("event_type", params.get("event_type"), tuple(EventType)),
        languages=parse_choices("language", params.get("language"), LANGUAGES),
        source_kinds=parse_choices("source_kind", params.get("source_kind"), tuple(SourceKind)),
        actor=actor,
        grades=parse_choices("grade", params.get("grade"), GRADES),
    )


def parse_order(raw: str | None) -> str:
    order = raw or "-date"
    if order not in ORDERS:
        raise InputError(
            f"order: {order!r} is not a sort order",
            "use order=-date (newest first, the default) or order=date (oldest first)",
        )
    return order


# -- cursors ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cursor:
    """The last row of a page: its sort value (may be None) and its unique key."""

    value: Any
    key: str

    def encode(self, scope: str) -> str:
        body = json.dumps({"s": scope, "v": self.value, "k": self.key}, separators=(",", ":"))
        return base64.urlsafe_b64encode(body.encode()).decode().rstrip("=")


def decode_cursor(raw: str | None, scope: str) -> Cursor | None:
    """The cursor a previous page returned, checked against the scope it must belong to (the
    endpoint, the order and the filters' fingerprint)."""
    if raw is None or raw == "":
        return None
    hint = "pass the next_cursor of the previous page unchanged, or drop cursor for page one"
    try:
        body = json.loads(base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise InputError(f"cursor: {raw[:40]!r} is not a cursor this API made", hint) from None
    if not isinstance(body, dict) or not isinstance(body.get("k"), str) or "v" not in body:
        raise InputError(f"cursor: {raw[:40]!r} is not a cursor this API made", hint)
    if body.get("s") != scope:
        raise InputError(
            "cursor: it belongs to another query (other filters, order or endpoint)",
            "keep the filters and order of the page that gave the cursor, or drop cursor",
        )
    value = body["v"]
    if value is not None and not isinstance(value, str | int | float):
        raise InputError(f"cursor: {raw[:40]!r} is not a cursor this API made", hint)
    return Cursor(value, body["k"])
