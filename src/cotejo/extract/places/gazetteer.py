"""The gazetteer: places by normalised name, held in flat columns for a small, fast index.

A `Gazetteer` is built from `PlaceRecord`s (see `build.py` for the default one from
installed packages, and tests for tiny hand-made ones). It answers one question quickly:
which places may this name mean, best static guess first. It knows nothing about text.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import IntEnum

from cotejo.extract.model import PlacePrecision


class Kind(IntEnum):
    """What sort of place an entry is; decides its precision and its static prior."""

    CITY = 0  # a populated place
    DISTRICT = 1  # part of a town
    ADMIN2 = 2  # county, parish, municipality
    ADMIN1 = 3  # state, province, department
    COUNTRY = 4
    CONTINENT = 5
    REGION = 6  # a physical or cultural region: peninsula, "Middle East"
    SEA = 7  # ocean, sea, gulf, strait
    EXACT = 8  # a point: a landmark or building


PRECISION = {
    Kind.CITY: PlacePrecision.TOWN,
    Kind.DISTRICT: PlacePrecision.DISTRICT,
    Kind.ADMIN2: PlacePrecision.REGION,
    Kind.ADMIN1: PlacePrecision.REGION,
    Kind.COUNTRY: PlacePrecision.COUNTRY,
    Kind.CONTINENT: PlacePrecision.REGION,
    Kind.REGION: PlacePrecision.REGION,
    Kind.SEA: PlacePrecision.SEA_AREA,
    Kind.EXACT: PlacePrecision.EXACT,
}

# Static prior, in the same points as the context bonuses in resolve.py: what a bare name
# most likely means with no context at all. Towns score by population instead.
_KIND_PRIOR = {
    Kind.DISTRICT: 7.0,
    Kind.ADMIN2: 6.0,
    Kind.ADMIN1: 12.0,
    Kind.COUNTRY: 17.0,
    Kind.CONTINENT: 15.0,
    Kind.REGION: 12.0,
    Kind.SEA: 14.0,
    Kind.EXACT: 8.0,
}
CAPITAL_BONUS = 1.5
ADMIN2_DISCOUNT = 2.0
# How a name matched an entry, stored in the index as `row * 4 + level`:
MAIN, SHORT, ALTERNATE = 0, 1, 2  # main name; a short form of it ("New York" for "New York
# City"); any other variant or former name ("Bombay")
# A variant or former name is weaker evidence for a town than its main name; for countries,
# regions and seas variants are everyday usage ("U.S.", "mar Caribe").
_ALTERNATE_PENALTY = {Kind.CITY: 4.0, Kind.DISTRICT: 4.0, Kind.ADMIN2: 4.0}
SHORT_PENALTY = 3.0
DEFAULT_ALTERNATE_PENALTY = 1.0


def match_penalty(kind: int, level: int) -> float:
    if level == MAIN:
        return 0.0
    if level == SHORT:
        return SHORT_PENALTY
    return _ALTERNATE_PENALTY.get(Kind(kind), DEFAULT_ALTERNATE_PENALTY)


def town_prior(population: int) -> float:
    """10k people -> 8, 100k -> 10, 1M -> 12: a log scale that context bonuses can beat."""
    return 2.0 * math.log10(max(population, 0) + 10)


@dataclass(frozen=True)
class PlaceRecord:
    """One place as a source gives it; the input to `Gazetteer.from_records`."""

    name: str
    latitude: float
    longitude: float
    kind: Kind
    country: str = ""  # ISO alpha-2, "" for seas and continents
    admin1: str = ""  # admin1 key "CC.code" (GeoNames style), "" when unknown
    admin2: str = ""  # admin2 key "CC.code.code", "" when unknown
    population: int = 0
    geonames_id: int | None = None
    alternate_names: tuple[str, ...] = ()
    capital: bool = False
    prior: float | None = None  # overrides the computed static prior


@dataclass(frozen=True)
class Entry:
    """A gazetteer entry as resolvers see it (a view on the columns)."""

    index: int
    name: str
    latitude: float
    longitude: float
    kind: Kind
    country: str
    admin1: str
    admin2: str
    population: int
    geonames_id: int | None
    prior: float

    @property
    def precision(self) -> PlacePrecision:
        return PRECISION[self.kind]


@dataclass(frozen=True)
class Match:
    """An entry a name may mean; `level` says how (MAIN, SHORT or ALTERNATE)."""

    entry: int
    level: int

    @property
    def alternate(self) -> bool:
        return self.level != MAIN


# -- names ---------------------------------------------------------------------------------

_PUNCT = str.maketrans(
    {
        ".": "",
        "'": "",
        "\u2019": "",
        "\u2018": "",
        "`": "",
        "\u00b4": "",
        "-": " ",
        "\u2010": " ",
        "\u2013": " ",
        "\u2014": " ",
        "/": " ",
        ",": " ",
        "(": " ",
        ")": " ",
        '"': " ",
    }
)
# Written both ways in news and in GeoNames ("St. Louis", "Saint Louis").
_WORD_FORMS = {"saint": "st", "sainte": "ste", "fort": "ft", "mount": "mt"}


def normalise(name: str) -> str:
    """Case-, accent- and punctuation-blind key: 'St. Güiria-Sur' -> 'st guiria sur'."""
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).translate(_PUNCT)
    return " ".join(_WORD_FORMS.get(word, word) for word in text.split())


_LATIN = re.compile(r"^[\sA-Za-z\u00c0-\u024f\u1e00-\u1eff.'\u2019\-()&,/]+$")


def usable_alternate(alternate: str, main: str) -> bool:
    """Keep Latin-script, capitalised variants; drop codes (IATA 'DEN') and transliterations."""
    if len(alternate) < 2 or alternate == main or not _LATIN.match(alternate):
        return False
    if not alternate[0].isupper():
        return False
    return not (alternate.isupper() and len(alternate) <= 4)


# Words that name parts of places or institutions, never a place on their own.
GENERIC_WORDS = frozenset(
    """north south east west northern southern eastern western central upper lower greater
    new old great little mount lake river bay gulf island islands valley park city county
    state republic federal national university college school academy bank centre center
    airport metro station summit mall hotel castle church street road avenue square bridge
    tower house hall market port harbor harbour delta coast hill hills district""".split()
)


def plausible_short_match(gazetteer: Gazetteer, surface: str, row: int, level: int) -> bool:
    """Short words match only exactly: "Can" is not Çan, "No" not Nord ("NO"), "U.N." not Un.

    Initialisms ("U.N.", "U. S") and words of three letters or fewer must be the entry's own
    name, accents and all, or a country, region or sea.
    """
    letters = "".join(ch for ch in surface if ch.isalpha())
    initialism = "." in surface and surface.replace(".", "").replace(" ", "").isupper()
    if len(letters) > 3 and not initialism:
        return True
    if gazetteer.kinds[row] in (Kind.COUNTRY, Kind.CONTINENT, Kind.SEA, Kind.REGION):
        return True
    if initialism:
        return False
    return level == MAIN and gazetteer.names[row].casefold() == surface.strip().casefold()


# -- the gazetteer -------------------------------------------------------------------------


@dataclass
class Gazetteer:
    """Flat columns (one row per place) plus `index`: normalised name -> encoded matches.

    An encoded match is `row * 4 + level` (MAIN, SHORT, ALTERNATE); each list is sorted
    best first (prior less the match penalty).
    `keys` maps a country code, admin1 key or admin2 key to its row, and `admin_names`
    an admin key to its display name.
    """

    names: list[str]
    latitudes: list[float]
    longitudes: list[float]
    kinds: bytes
    countries: list[str]
    admin1: list[str]
    admin2: list[str]
    populations: list[int]
    geonames_ids: list[int]  # 0 when the place has no GeoNames id
    priors: list[float]
    index: dict[str, list[int]]
    keys: dict[str, int] = field(default_factory=dict)
    demonyms: dict[str, int] = field(default_factory=dict)  # normalised demonym -> country row
    abbreviations: dict[str, int] = field(default_factory=dict)  # "colo." -> admin1 row

    def __len__(self) -> int:
        return len(self.names)

    def entry(self, row: int) -> Entry:
        gid = self.geonames_ids[row]
        return Entry(
            index=row,
            name=self.names[row],
            latitude=self.latitudes[row],
            longitude=self.longitudes[row],
            kind=Kind(self.kinds[row]),
            country=self.countries[row],
            admin1=self.admin1[row],
            admin2=self.admin2[row],
            population=self.populations[row],
            geonames_id=gid or None,
            prior=self.priors[row],
        )

    def lookup(self, name: str) -> list[Match]:
        """Every place `name` may mean, best static prior first; [] when unknown."""
        return [Match(row, level) for row, level in self.matches(normalise(name))]

    def matches(self, key: str, limit: int | None = None) -> list[tuple[int, int]]:
        """(row, level) for a normalised key, best first."""
        return [(code >> 2, code & 3) for code in self.index.get(key, ())[:limit]]

    def knows(self, key: str) -> bool:
        """True when the normalised key names some place."""
        return key in self.index

    def admin1_name(self, key: str) -> str | None:
        row = self.keys.get(key)
        return self.names[row] if row is not None else None

    def demonym(self, word: str) -> int | None:
        """The country row for 'Venezuelan', 'Germans'; None when not a known demonym."""
        key = normalise(word)
        row = self.demonyms.get(key)
        if row is None and key.endswith("s"):
            row = self.demonyms.get(key[:-1])
        return row

    # -- building -------------------------------------------------------------------------

    @classmethod
    def from_records(
        cls,
        records: Iterable[PlaceRecord],
        demonyms: dict[str, str] | None = None,
        abbreviations: dict[str, str] | None = None,
    ) -> Gazetteer:
        """Index `records`. `demonyms` maps a demonym to a country code, admin key or place
        name; `abbreviations` an abbreviation as written ("Colo.") to an admin1 key."""
        gaz = cls([], [], [], b"", [], [], [], [], [], [], {})
        kinds = bytearray()
        index: dict[str, list[int]] = {}
        for row, rec in enumerate(records):
            gaz.names.append(rec.name)
            gaz.latitudes.append(float(rec.latitude))
            gaz.longitudes.append(float(rec.longitude))
            kinds.append(int(rec.kind))
            gaz.countries.append(rec.country)
            gaz.admin1.append(rec.admin1)
            gaz.admin2.append(rec.admin2)
            gaz.populations.append(int(rec.population))
            gaz.geonames_ids.append(rec.geonames_id or 0)
            gaz.priors.append(_prior(rec))
            main = normalise(rec.name)
            index.setdefault(main, []).append(row * 4 + MAIN)
            seen = {main}
            main_words = set(main.split())
            for alternate in rec.alternate_names:
                key = normalise(alternate)
                if key and key not in seen:
                    seen.add(key)
                    level = SHORT if set(key.split()) < main_words else ALTERNATE
                    index.setdefault(key, []).append(row * 4 + level)
            key = _key_of(rec)
            if key and key not in gaz.keys:
                gaz.keys[key] = row
        gaz.kinds = bytes(kinds)
        priors = gaz.priors
        penalty = [[match_penalty(k, level) for level in range(3)] for k in range(len(Kind))]
        for codes in index.values():
            codes.sort(key=lambda code: -(priors[code >> 2] - penalty[kinds[code >> 2]][code & 3]))
        gaz.index = index
        for word, target in (demonyms or {}).items():
            row = gaz.keys.get(target)
            if row is None and normalise(target) in index:
                row = index[normalise(target)][0] >> 2
            if row is not None:
                gaz.demonyms[normalise(word)] = row
        for written, admin_key in (abbreviations or {}).items():
            if admin_key in gaz.keys:
                gaz.abbreviations[written.casefold()] = gaz.keys[admin_key]
        return gaz

    def records(self) -> Iterator[tuple[str, float, float, int]]:
        """(name, latitude, longitude, kind) of every row; for inspection and tests."""
        yield from zip(self.names, self.latitudes, self.longitudes, self.kinds, strict=True)

    # -- compact form for the on-disk cache ------------------------------------------------

    def to_columns(self) -> dict[str, object]:
        return {
            "names": self.names,
            "latitudes": self.latitudes,
            "longitudes": self.longitudes,
            "kinds": self.kinds,
            "countries": self.countries,
            "admin1": self.admin1,
            "admin2": self.admin2,
            "populations": self.populations,
            "geonames_ids": self.geonames_ids,
            "priors": self.priors,
            "index": self.index,
            "keys": self.keys,
            "demonyms": self.demonyms,
            "abbreviations": self.abbreviations,
        }

    @classmethod
    def from_columns(cls, columns: dict[str, object]) -> Gazetteer:
        return cls(**columns)  # type: ignore[arg-type]


def _prior(rec: PlaceRecord) -> float:
    if rec.prior is not None:
        return rec.prior
    if rec.kind == Kind.CITY:
        return town_prior(rec.population) + (CAPITAL_BONUS if rec.capital else 0.0)
    if rec.kind == Kind.ADMIN2:
        # A county is read like a town of its size, less often than the town itself.
        return max(town_prior(rec.population) - ADMIN2_DISCOUNT, _KIND_PRIOR[Kind.ADMIN2])
    prior = _KIND_PRIOR[rec.kind]
    if rec.kind == Kind.ADMIN1 and rec.population:
        # A populous state is a likelier reading than an empty one of the same name.
        prior += 0.5 * math.log10(max(rec.population, 1)) - 2.5
    return prior


def _key_of(rec: PlaceRecord) -> str:
    if rec.kind == Kind.COUNTRY:
        return rec.country
    if rec.kind == Kind.ADMIN1:
        return rec.admin1
    if rec.kind == Kind.ADMIN2:
        return rec.admin2
    return ""
