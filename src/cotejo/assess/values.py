"""When two stated values of one attribute agree: dates within a tolerance, places within
reach of each other, figure ranges that overlap, parties of one state; otherwise equal text.
"""

from __future__ import annotations

import re
from datetime import date

from cotejo.assess.model import FIGURE_ATTRIBUTES, EvidenceClaim
from cotejo.assess.origins import VoiceBook, normalise
from cotejo.assess.rules import Rules

_GEONAMES = re.compile(r"\s*\(geonames:\d+\)$")
_FIGURE = re.compile(r"^(\d+)(?:-(\d+)|(\+))?$")


def display(attribute: str, value: str) -> str:
    if attribute == "place":
        return _GEONAMES.sub("", value)
    if attribute == "occurrence":
        return "it happened"
    return value


def figure_range(claim: EvidenceClaim) -> tuple[int, int | None] | None:
    if claim.low is not None:
        return claim.low, claim.high
    return parse_figure(claim.value)


def parse_figure(value: str) -> tuple[int, int | None] | None:
    """'3' -> (3, 3); '3-5' -> (3, 5); '11+' -> (11, None)."""
    found = _FIGURE.match(value.strip())
    if not found:
        return None
    low = int(found.group(1))
    if found.group(3):
        return low, None
    return low, int(found.group(2)) if found.group(2) else low


def date_range(value: str) -> tuple[date, date] | None:
    try:
        if "/" in value:
            start, end = value.split("/", 1)
            return date.fromisoformat(start), date.fromisoformat(end)
        day = date.fromisoformat(value)
    except ValueError:
        return None
    return day, day


def value_key(attribute: str, claim: EvidenceClaim, book: VoiceBook) -> str:
    """Claims with one key state the same value."""
    if attribute == "occurrence":
        return "occurred"
    if attribute == "perpetrator":
        return book.of_name(claim.value).key
    if attribute == "place" and claim.geonames_id:
        return f"geonames:{claim.geonames_id}"
    if attribute == "place":
        return normalise(display("place", claim.value))
    if attribute in FIGURE_ATTRIBUTES:
        found = figure_range(claim)
        if found is not None:
            return f"{found[0]}-{'' if found[1] is None else found[1]}"
    return normalise(claim.value)


def agree(
    attribute: str, a: EvidenceClaim, b: EvidenceClaim, rules: Rules, book: VoiceBook
) -> bool:
    if value_key(attribute, a, book) == value_key(attribute, b, book):
        return True
    if attribute in FIGURE_ATTRIBUTES:
        ra, rb = figure_range(a), figure_range(b)
        if ra is None or rb is None:
            return False
        high_a = ra[1] if ra[1] is not None else float("inf")
        high_b = rb[1] if rb[1] is not None else float("inf")
        return ra[0] <= high_b and rb[0] <= high_a
    if attribute == "date":
        da, db = date_range(a.value), date_range(b.value)
        if da is None or db is None:
            return False
        gap = max((db[0] - da[1]).days, (da[0] - db[1]).days, 0)
        return gap <= rules.values.date_tolerance_days
    if attribute == "place":
        if normalise(display("place", a.value)) == normalise(display("place", b.value)):
            return True
        if None in (a.latitude, a.longitude, b.latitude, b.longitude):
            return False
        from cotejo.extract.places.resolve import km  # loads the geocoder: only when needed

        reach = rules.values.place_reach_km
        limit = max(reach.get(a.precision or "town", 40.0), reach.get(b.precision or "town", 40.0))
        return km(a.latitude, a.longitude, b.latitude, b.longitude) <= limit  # type: ignore[arg-type]
    if attribute == "perpetrator":
        return book.of_name(a.value).shares_with(book.of_name(b.value))
    return False
