"""Decide which place each toponym in a document means, from the names around it.

Every distinct name in a document is resolved once (one sense per discourse). A candidate
starts from its static prior (kind and population, see gazetteer.py) and gains points for
context, recomputed over a few rounds as the other names settle:
- containment: "Aurora, Colorado", "Aurora, Colo.", "Güiria (Sucre)";
- the document's countries and first-level regions, from the other names' current choices;
- nearness to the other towns named;
- a town and a county named anywhere in the text that fit together ("Magnolia" in the
  "Pike County" that holds a Magnolia);
- the caller's country focus, when given.
Names settle one at a time, each seeing the others' latest choices. A last pass (_cohere)
then leans each still-ambiguous town or county towards the first-level region that the
document's settled places share.
This module never looks for names in text (recognise.py does).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from cotejo.extract.places.gazetteer import (
    ALTERNATE,
    GENERIC_WORDS,
    MAIN,
    SHORT,
    Gazetteer,
    Kind,
    match_penalty,
    normalise,
    plausible_short_match,
)

CONTAINMENT_BONUS = 10.0
PAIR_BONUS = 3.0  # a town in a county named elsewhere in the text, and that county
COUNTRY_BONUS = 6.0  # times the share of the document's other places in that country
# Local context: the best of (same first-level region as another place named, nearness to
# another town named); the two mostly say the same thing, so they do not add up.
ADMIN1_BONUS = 3.5  # when another place named lies in the same first-level region
ADMIN1_NAMED_BONUS = 2.0  # extra when that region is itself named
NEAR_BONUS = ((25.0, 3.0), (100.0, 2.0), (250.0, 1.0))  # (km, points)
FOCUS_BONUS = 3.0
# Second pass (_cohere): ambiguous names lean to the region the document's settled places
# share.
COHERENCE_BONUS = 3.0  # times the dominant region's share of the settled places
ANCHOR_CONFIDENCE = 0.8  # a name this sure of its reading is settled
NAMED_REGION_WEIGHT = 2.0  # a region named outright ("Florida", "Fla.") counts double
MIN_ANCHOR_WEIGHT = 1.0  # the dominant region needs at least this much settled weight
DOMINANT_SHARE = 0.5  # ... and this share of all of it
ROUNDS = 3
MAX_CANDIDATES = 400
_LOCAL = frozenset({Kind.CITY, Kind.DISTRICT, Kind.ADMIN2, Kind.EXACT})
_NAMESAKE_KINDS = frozenset({Kind.CITY, Kind.DISTRICT, Kind.ADMIN2})  # what _cohere moves
_ARTICLES = ("the ", "el ", "la ", "los ", "las ")
_ADMIN_WORDS = (" state", " province", " region", " department", " oblast", " governorate")
_DEMONYM_ENDINGS = ("ians", "ans", "ns", "ian", "an", "n", "s")
_CONTAINER_GAP = re.compile(r"\s*(?:,|\(|, in|, en|, estado|, state of)\s*$", re.IGNORECASE)
_RANK = {
    Kind.EXACT: 0,
    Kind.DISTRICT: 0,
    Kind.CITY: 1,
    Kind.ADMIN2: 2,
    Kind.ADMIN1: 3,
    Kind.REGION: 3,
    Kind.COUNTRY: 4,
    Kind.CONTINENT: 5,
    Kind.SEA: 5,
}
_ABBREVIATION_AFTER = re.compile(r"\s*,\s*([A-Z][A-Za-z]{0,4}\.(?:\s?[A-Z][a-z]?\.)?|[A-Z]{2}\b)")


@dataclass
class Resolution:
    row: int
    score: float  # the winning candidate's points
    confidence: float  # 0..1: plausible and clearly ahead of the runner-up
    fallback: bool = False  # the name is unknown: this is the document's main place
    supported: bool = False  # other places in the text back this reading (near, same region)


@dataclass
class _Name:
    """One distinct name in the document, with every span that writes it."""

    key: str
    spans: list[int] = field(default_factory=list)  # indices into the span list
    candidates: list[tuple[int, int]] = field(default_factory=list)  # (row, match level)
    containers: list[str] = field(default_factory=list)  # keys of names said to contain it
    fixed_containers: list[int] = field(default_factory=list)  # rows from "Aurora, Colo."
    choice: int = -1
    weight: float = 1.0
    paired: frozenset[int] = frozenset()  # candidate indices a county-and-town pair backs
    steers: bool = False  # its reading counts as context for the other names


def candidates_for(
    gazetteer: Gazetteer, surface: str, demonyms: bool = False
) -> tuple[str, list[tuple[int, int]]]:
    """The lookup key and candidates for a surface form, trying common trims in turn.

    With `demonyms`, "Venezuelan" or "Ohioans" also bring their country or region in as a
    candidate (scored like any other), for span annotations that mark demonyms.
    """
    surface = surface.strip()
    abbreviation = gazetteer.abbreviations.get(surface.casefold())
    if abbreviation is not None and (surface.endswith(".") or len(surface) <= 2):
        return "abbr:" + surface.casefold(), [(abbreviation, ALTERNATE)]
    forms = [surface]
    folded = surface.casefold()
    for article in _ARTICLES:
        if folded.startswith(article):
            forms.append(surface[len(article) :])
    for suffix in ("'s", "\u2019s", "'", "\u2019"):
        if surface.endswith(suffix):
            forms.append(surface[: -len(suffix)])
    for word in _ADMIN_WORDS:
        if folded.endswith(word):
            forms.append(surface[: -len(word)])
    key, found = normalise(surface), []
    for form in forms:
        matches = [
            (row, level)
            for row, level in gazetteer.matches(normalise(form), MAX_CANDIDATES)
            if plausible_short_match(gazetteer, form, row, level)
        ]
        if matches:
            key, found = normalise(form), matches
            break
    if abbreviation is not None and not found:
        return key, [(abbreviation, ALTERNATE)]
    if demonyms and not found:
        # A given span is a toponym: "Dubai World Cup", "Colorado State University" are read
        # as the longest well-known place named inside them.
        part = _inner_place(gazetteer, surface)
        if part is not None:
            return part
    if demonyms:
        extra = _demonym_rows(gazetteer, forms[-1] if len(forms) > 1 else surface)
        rows = {row for row, _ in found}
        found += [(row, MAIN) for row in extra if row not in rows]
    return key, found


_INNER_KINDS = frozenset({Kind.COUNTRY, Kind.ADMIN1, Kind.REGION, Kind.SEA, Kind.CONTINENT})
INNER_POPULATION = 50_000


def _inner_place(gazetteer: Gazetteer, surface: str) -> tuple[str, list[tuple[int, int]]] | None:
    words = surface.split()
    for size in range(len(words) - 1, 0, -1):
        for first in range(len(words) - size + 1):
            part = words[first : first + size]
            if not (part[0][:1].isupper() and part[-1][:1].isupper()):
                continue
            key = normalise(" ".join(part))
            if all(word in GENERIC_WORDS for word in key.split()):
                continue
            found = [
                (row, level)
                for row, level in gazetteer.matches(key, MAX_CANDIDATES)
                if level == MAIN
                and (
                    gazetteer.kinds[row] in _INNER_KINDS
                    or gazetteer.populations[row] >= INNER_POPULATION
                )
            ]
            if found:
                return key, found
    return None


def _demonym_rows(gazetteer: Gazetteer, word: str) -> list[int]:
    row = gazetteer.demonym(word)
    if row is not None:
        return [row]
    folded = word.casefold()
    for ending in _DEMONYM_ENDINGS:
        if folded.endswith(ending) and len(folded) - len(ending) >= 4:
            for row, _ in gazetteer.matches(normalise(word[: -len(ending)]), 3):
                if gazetteer.kinds[row] in (Kind.COUNTRY, Kind.ADMIN1, Kind.REGION):
                    return [row]
    return []


def resolve(
    gazetteer: Gazetteer,
    text: str,
    spans: Sequence[tuple[int, int]],
    focus: str | None = None,
    demonyms: bool = False,
    fallback: bool = False,
    steering: Sequence[bool] | None = None,
) -> list[Resolution | None]:
    """Resolve each (start, end) span of `text`; None where the gazetteer has no candidate,
    unless `fallback`, which places unknown names at the document's main place.

    `steering` says per span whether its reading may lean the others (default: all may). A
    name that may be a person's ("Gotham", "Jordan") is resolved, but must not pull
    "Houston" to Scotland because a Gotham lies in England."""
    looked_up = [candidates_for(gazetteer, text[a:b], demonyms) for a, b in spans]
    keys = [key for key, _ in looked_up]
    inside, fixed = _containers(gazetteer, text, spans, keys)
    # One sense per discourse, except that "Paris, Texas" and "Paris, France" are two names;
    # a bare "Paris" joins the first of them.
    group_of: list[str] = []
    for position, key in enumerate(keys):
        said = sorted({keys[c] for c in inside[position]} | {f"#{r}" for r in fixed[position]})
        group_of.append(f"{key}@{','.join(said)}" if said else key)
    first_qualified: dict[str, str] = {}
    for position in sorted(range(len(spans)), key=lambda i: spans[i]):
        if group_of[position] != keys[position]:
            first_qualified.setdefault(keys[position], group_of[position])
    span_keys = [
        first_qualified.get(key, key) if group == key else group
        for key, group in zip(keys, group_of, strict=True)
    ]
    names: dict[str, _Name] = {}
    for position, (_, candidates) in enumerate(looked_up):
        group = span_keys[position]
        name = names.setdefault(group, _Name(group, candidates=candidates))
        name.spans.append(position)
        name.steers = name.steers or steering is None or steering[position]
        for container in inside[position]:
            if span_keys[container] not in name.containers:
                name.containers.append(span_keys[container])
        for row in fixed[position]:
            if row not in name.fixed_containers:
                name.fixed_containers.append(row)
    active = [n for n in names.values() if n.candidates]
    for name in active:
        name.weight = 1.0 + math.log(len(name.spans))
        name.choice = 0
    _pair_counties(gazetteer, active)
    # Names settle one at a time, each seeing the others' latest choices: updating all at
    # once lets two names that back each other ("Pike County", "Magnolia") flip in step.
    context = _Context.of(gazetteer, active)
    for _ in range(ROUNDS):
        for name in active:
            choice = _best(gazetteer, name, names, context, focus)[0]
            if choice != name.choice:
                name.choice = choice
                context = _Context.of(gazetteer, active)
    context = _Context.of(gazetteer, active)
    scored = {name.key: _best(gazetteer, name, names, context, focus) for name in active}
    _cohere(gazetteer, active, scored)
    results: dict[str, Resolution] = {}
    for name in active:
        index, scores, support = scored[name.key]
        name.choice = index
        results[name.key] = _resolution(name.candidates[index][0], scores, index, support[index])
    if fallback:
        locality = _locality(gazetteer, active)
        if locality is not None:
            for key in span_keys:
                results.setdefault(
                    key, Resolution(row=locality, score=0.0, confidence=0.0, fallback=True)
                )
    return [results.get(key) for key in span_keys]


def _pair_counties(gazetteer: Gazetteer, names: list[_Name]) -> None:
    """Mark readings that put a town inside a county the text also names, and that county.

    "Pike County" and "Magnolia" are each ambiguous, but only one Magnolia lies in one of the
    Pike Counties, and that pair is what the text means.
    """
    counties: dict[str, set[str]] = defaultdict(set)  # admin2 key -> names reading as it
    towns: dict[str, set[str]] = defaultdict(set)  # admin2 key -> names with a town in it
    for name in names:
        for row, level in name.candidates:
            key = gazetteer.admin2[row]
            if not key or level == ALTERNATE:
                continue
            kind = gazetteer.kinds[row]
            if kind == Kind.ADMIN2:
                counties[key].add(name.key)
            elif kind in (Kind.CITY, Kind.DISTRICT):
                towns[key].add(name.key)
    for name in names:
        paired: set[int] = set()
        for position, (row, level) in enumerate(name.candidates):
            key = gazetteer.admin2[row]
            if not key or level == ALTERNATE:
                continue
            kind = gazetteer.kinds[row]
            partners = counties if kind in (Kind.CITY, Kind.DISTRICT) else towns
            if kind in _NAMESAKE_KINDS and partners.get(key, set()) - {name.key}:
                paired.add(position)
        name.paired = frozenset(paired)


def _cohere(
    gazetteer: Gazetteer,
    names: list[_Name],
    scored: dict[str, tuple[int, list[float], list[bool]]],
) -> None:
    """Second pass: lean ambiguous names towards the region the document's settled places share.

    An anchor is a name that is settled: its reading wins clearly (confidence of at least
    ANCHOR_CONFIDENCE), every reading lies in one first-level region, or it names the region
    itself ("Florida", "Fla."). A reading of an unsettled name gains COHERENCE_BONUS times
    its region's share of the settled places in its country, when that share is at least
    DOMINANT_SHARE: "Harlem" in a story about Clewiston and Fort Myers is Harlem, Florida.
    (Which country a text is about is the country bonus's business, in `_best`.)
    Updates `scored` in place.
    """
    anchors: dict[str, tuple[str, float]] = {}  # name key -> (admin1 key, weight)
    for name in names:
        index, scores, _ = scored[name.key]
        row = name.candidates[index][0]
        region = gazetteer.admin1[row]
        if not (region and name.steers and _counts(gazetteer, row)):
            continue
        regions = {gazetteer.admin1[r] for r, _ in name.candidates}
        confident = _resolution(row, scores, index, False).confidence >= ANCHOR_CONFIDENCE
        named = gazetteer.kinds[row] == Kind.ADMIN1
        if confident or named or len(regions) == 1:
            anchors[name.key] = (region, name.weight * (NAMED_REGION_WEIGHT if named else 1.0))
    if not anchors:
        return
    by_region: dict[str, float] = defaultdict(float)
    by_country: dict[str, float] = defaultdict(float)
    for region, weight in anchors.values():
        by_region[region] += weight
        by_country[region.split(".")[0]] += weight
    for name in names:
        if name.key in anchors or len(name.candidates) < 2:
            continue
        index, scores, support = scored[name.key]
        if gazetteer.kinds[name.candidates[index][0]] not in _NAMESAKE_KINDS:
            continue  # "China" stays the country in a story about Texas
        changed = False
        for position, (row, level) in enumerate(name.candidates):
            weight = by_region.get(gazetteer.admin1[row], 0.0)
            if (
                weight < MIN_ANCHOR_WEIGHT
                or level == ALTERNATE  # namesakes, not variants
                or gazetteer.kinds[row] not in _NAMESAKE_KINDS
            ):
                continue
            share = weight / by_country[gazetteer.countries[row]]
            if share >= DOMINANT_SHARE:
                scores[position] += COHERENCE_BONUS * share
                support[position] = changed = True
        if changed:
            best = max(range(len(scores)), key=scores.__getitem__)
            scored[name.key] = (best, scores, support)


def _locality(gazetteer: Gazetteer, names: list[_Name]) -> int | None:
    """The document's main place: its most named town, else region, else country."""
    ranked = []
    for order, name in enumerate(names):
        row = name.candidates[name.choice][0]
        if _counts(gazetteer, row):
            rank = {Kind.COUNTRY: 0, Kind.ADMIN1: 1}.get(Kind(gazetteer.kinds[row]), 2)
            ranked.append(((rank, len(name.spans), -order), row))
    return max(ranked)[1] if ranked else None


def _resolution(row: int, scores: list[float], index: int, supported: bool) -> Resolution:
    best = scores[index]
    top = max(scores)
    total = sum(math.exp(s - top) for s in scores)
    share = math.exp(best - top) / total
    plausible = 1.0 / (1.0 + math.exp(-(best - 8.0)))
    return Resolution(
        row=row, score=best, confidence=round(share * plausible, 3), supported=supported
    )


def _containers(
    gazetteer: Gazetteer, text: str, spans: Sequence[tuple[int, int]], keys: list[str]
) -> tuple[list[list[int]], list[list[int]]]:
    """Per span: the spans said to contain it ('X, Y', 'X (Y)'), and admin1 rows from an
    abbreviation after it ('Aurora, Colo.')."""
    inside: list[list[int]] = [[] for _ in spans]
    fixed: list[list[int]] = [[] for _ in spans]
    order = sorted(range(len(spans)), key=lambda i: spans[i])
    for a, b in zip(order, order[1:], strict=False):
        gap = text[spans[a][1] : spans[b][0]]
        if len(gap) <= 12 and _CONTAINER_GAP.match(gap) and keys[a] != keys[b]:
            inside[a].append(b)
    for i, (_, end) in enumerate(spans):
        match = _ABBREVIATION_AFTER.match(text, end)
        if match:
            row = gazetteer.abbreviations.get(match.group(1).casefold())
            if row is not None:
                fixed[i].append(row)
    return inside, fixed


@dataclass
class _Context:
    """What the document's names currently resolve to, summed by country and region."""

    countries: dict[str, float]
    country_total: float
    inside: dict[str, float]  # admin1 key -> weight of places named inside it
    named: dict[str, float]  # admin1 key -> weight of the region named itself
    points: list[tuple[str, float, float, float]]  # (name key, lat, lon, weight) of towns

    @classmethod
    def of(cls, gazetteer: Gazetteer, names: list[_Name]) -> _Context:
        countries: dict[str, float] = defaultdict(float)
        inside: dict[str, float] = defaultdict(float)
        named: dict[str, float] = defaultdict(float)
        points = []
        for name in names:
            row = name.candidates[name.choice][0]
            if not (name.steers and _counts(gazetteer, row)):
                continue
            countries[gazetteer.countries[row]] += name.weight
            region = gazetteer.admin1[row]
            kind = gazetteer.kinds[row]
            if region:
                (named if kind == Kind.ADMIN1 else inside)[region] += name.weight
            if kind in _LOCAL:
                points.append(
                    (name.key, gazetteer.latitudes[row], gazetteer.longitudes[row], name.weight)
                )
        return cls(dict(countries), sum(countries.values()), dict(inside), dict(named), points)


def _counts(gazetteer: Gazetteer, row: int) -> bool:
    """Seas and continents say nothing about which country or region a text is about."""
    return bool(gazetteer.countries[row]) and gazetteer.kinds[row] not in (Kind.SEA, Kind.CONTINENT)


def _best(
    gazetteer: Gazetteer,
    name: _Name,
    names: dict[str, _Name],
    context: _Context,
    focus: str | None,
) -> tuple[int, list[float], list[bool]]:
    """The best candidate's index, every candidate's points, and which had local support."""
    own = name.candidates[name.choice][0]
    own_counted = name.steers and _counts(gazetteer, own)
    own_country = gazetteer.countries[own] if own_counted else ""
    own_region = gazetteer.admin1[own] if own_counted else ""
    own_is_region = gazetteer.kinds[own] == Kind.ADMIN1
    containers = [
        names[key].candidates[names[key].choice][0]
        for key in name.containers
        if key in names and names[key].candidates
    ] + name.fixed_containers
    # "Florida, California and Texas" is a list: a name whose usual reading is as large as
    # the "container" is not inside it.
    usual = _RANK[gazetteer.kinds[name.candidates[0][0]]]
    containers = [c for c in containers if _RANK[gazetteer.kinds[c]] > usual]
    others_total = context.country_total - (name.weight if own_counted else 0.0)
    top_country = max(
        (w - (name.weight if c == own_country else 0.0) for c, w in context.countries.items()),
        default=0.0,
    )
    others = [p for p in context.points if p[0] != name.key]
    scores, support = [], []
    for position, (row, level) in enumerate(name.candidates):
        kind = gazetteer.kinds[row]
        score = gazetteer.priors[row] - _penalty(gazetteer, row, level, name.key)
        country = gazetteer.countries[row]
        region = gazetteer.admin1[row]
        contained = any(_contains(gazetteer, container, row) for container in containers)
        if contained:
            score += CONTAINMENT_BONUS
        elif position in name.paired:
            score += PAIR_BONUS
        if others_total > 0:
            if country:
                weight = context.countries.get(country, 0.0)
                if country == own_country:
                    weight -= name.weight
            else:  # a sea or continent fits any country's news as well as its towns do
                weight = top_country
            score += COUNTRY_BONUS * max(weight, 0.0) / others_total
        local = 0.0
        if region:
            inside = context.inside.get(region, 0.0)
            named = context.named.get(region, 0.0)
            if region == own_region:
                if own_is_region:
                    named -= name.weight
                else:
                    inside -= name.weight
            if kind == Kind.ADMIN1:
                if inside > 0:
                    local = ADMIN1_BONUS * min(inside, 1.0)
            elif inside + named > 0:
                local = ADMIN1_BONUS * min(inside + named, 1.0)
                if named > 0:
                    local += ADMIN1_NAMED_BONUS
        if kind in _LOCAL and others:
            near = _nearness(gazetteer.latitudes[row], gazetteer.longitudes[row], others)
            local = max(local, near)
        score += local
        if focus and country == focus:
            score += FOCUS_BONUS
        scores.append(score)
        support.append(contained or local > 0)
    best = max(range(len(scores)), key=scores.__getitem__)
    return best, scores, support


METROPOLIS = 1_000_000


def _penalty(gazetteer: Gazetteer, row: int, level: int, key: str) -> float:
    """The match penalty, except that a metropolis named after its own state or province is
    what its short name usually means: "New York" is New York City before the state."""
    kind = gazetteer.kinds[row]
    if level == SHORT and kind == Kind.CITY and gazetteer.populations[row] >= METROPOLIS:
        region = gazetteer.admin1_name(gazetteer.admin1[row]) if gazetteer.admin1[row] else None
        if region is not None and normalise(region) == key:
            return 0.0
    return match_penalty(kind, level)


def _contains(gazetteer: Gazetteer, container: int, row: int) -> bool:
    kind = gazetteer.kinds[container]
    if container == row:
        return False
    if kind == Kind.COUNTRY:
        return gazetteer.countries[row] == gazetteer.countries[container]
    if kind == Kind.ADMIN1:
        return gazetteer.admin1[row] == gazetteer.admin1[container]
    if kind == Kind.ADMIN2:
        return gazetteer.admin2[row] == gazetteer.admin2[container] != ""
    return False


def _nearness(lat: float, lon: float, others: list[tuple[str, float, float, float]]) -> float:
    nearest = min(km(lat, lon, p[1], p[2]) for p in others)
    for limit, points in NEAR_BONUS:
        if nearest <= limit:
            return points
    return 0.0


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))
