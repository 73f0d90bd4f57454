"""The typed output of extraction: what one document says happened, and who says so.

Every extracted value carries the `Span` of text it came from: `start` and `end` are
character offsets into `Document.text` (Python string indices, end exclusive), and `text`
is `document.text[start:end]`; a value read from the headline has `field="title"` and
offsets into `Document.title`. Models are frozen pydantic models so reports round-trip
through JSON unchanged (`Report.model_dump_json()` / `Report.model_validate_json()`).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(Frozen):
    start: int = Field(ge=0, description="first character, offset into the field")
    end: int = Field(ge=0, description="one past the last character")
    text: str = Field(description="field[start:end], kept for reading")
    field: Literal["text", "title"] = Field(
        default="text", description="Document.text, or Document.title for a headline's value"
    )

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start=start, end=end, text=text[start:end])

    def in_title(self) -> Span:
        return self.model_copy(update={"field": "title"})


# -- event types ---------------------------------------------------------------------------


class EventType(StrEnum):
    """cotejo's event taxonomy; `cotejo.extract.events.ACLED` maps each to ACLED types."""

    AIR_OR_DRONE_STRIKE = "air_or_drone_strike"
    STRIKE_ON_VESSEL = "strike_on_vessel"
    SHELLING_OR_MISSILE = "shelling_or_missile_attack"
    ARMED_CLASH = "armed_clash"
    ATTACK_ON_CIVILIANS = "attack_on_civilians"
    ABDUCTION = "abduction_or_kidnapping"
    SEXUAL_VIOLENCE = "sexual_violence"
    EXTORTION = "extortion_or_protection_racket"
    TRAFFICKING = "human_trafficking_or_smuggling"
    DRUG_SEIZURE = "drug_seizure_or_interdiction"
    ARREST_OR_RAID = "arrest_or_raid"
    DEPORTATION = "deportation_or_expulsion"
    PROPERTY_DESTRUCTION = "property_destruction"
    PROTEST = "protest"
    DEPLOYMENT = "deployment_or_strategic_development"
    OTHER = "other"


class EventTypeGuess(Frozen):
    type: EventType
    score: float = Field(description="classifier score, higher is surer; not a probability")
    spans: tuple[Span, ...] = Field(default=(), description="the trigger words that decided it")


# -- dates ---------------------------------------------------------------------------------


class DatePrecision(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


class EventDate(Frozen):
    """A resolved date or date range. `start == end` for a single day."""

    start: date
    end: date
    precision: DatePrecision
    span: Span
    relative: bool = Field(description="resolved against the published date ('on Tuesday')")


# -- places --------------------------------------------------------------------------------


class PlacePrecision(StrEnum):
    EXACT = "exact"
    TOWN = "town"
    DISTRICT = "district"
    REGION = "region"
    COUNTRY = "country"
    SEA_AREA = "sea_area"


class Place(Frozen):
    name: str = Field(description="the gazetteer's name for the place")
    span: Span
    precision: PlacePrecision
    latitude: float
    longitude: float
    geonames_id: int | None = None
    country_code: str | None = Field(default=None, description="ISO 3166-1 alpha-2")
    admin1: str | None = Field(default=None, description="first-level subdivision name")
    score: float = Field(default=0.0, description="resolution confidence, 0..1")


# -- figures -------------------------------------------------------------------------------


class FigureKind(StrEnum):
    KILLED = "killed"
    INJURED = "injured"
    MISSING = "missing"
    SURVIVORS = "survivors"
    DETAINED = "detained"
    CHARGED = "charged"


class Hedge(StrEnum):
    EXACT = "exact"
    AT_LEAST = "at-least"  # "at least 11", "al menos seis": (11, None)
    MORE_THAN = "more-than"  # "more than 80": (81, None)
    AT_MOST = "at-most"  # "up to 5", "hasta cinco": (0, 5)
    FEWER_THAN = "fewer-than"  # "fewer than 10": (0, 9)
    ABOUT = "about"  # "about 20", "unos 20": (20, 20)
    RANGE = "range"  # "three to five", "entre tres y cinco": (3, 5)
    VAGUE = "vague"  # "dozens", "decenas": (12, None), ACLED's conservative value as low


class Figure(Frozen):
    """A count of people: `low` is the conservative value, `high` None when open-ended."""

    kind: FigureKind
    low: int = Field(ge=0)
    high: int | None = Field(default=None, ge=0)
    hedge: Hedge
    span: Span
    cumulative: bool = Field(
        default=False, description="a campaign or period total, never an incident's toll"
    )


# -- actors, origins, claims ---------------------------------------------------------------


class ActorKind(StrEnum):
    STATE_FORCE = "state_force"  # armed forces, police, coast guard
    GOVERNMENT = "government"  # ministries, departments, offices, officials' offices
    ARMED_GROUP = "armed_group"  # gangs, cartels, militias
    JUSTICE = "justice"  # courts, prosecutors
    ORGANISATION = "organisation"  # NGOs, associations, companies, media as actors
    PUBLIC_OFFICIAL = "public_official"  # a named office-holder, recorded by office
    UNKNOWN = "unknown"


class ActorRole(StrEnum):
    ALLEGED_PERPETRATOR = "alleged_perpetrator"
    TARGET = "target"
    ACTING_FORCE = "acting_force"
    CLAIMANT = "claimant"


class Actor(Frozen):
    name: str = Field(description="canonical name from the alias file, else the surface text")
    kind: ActorKind
    role: ActorRole
    span: Span


class OriginKind(StrEnum):
    """Who a statement comes from, as the text describes them."""

    OFFICIAL = "official"  # government, ministry, military, police, prosecutor, official
    ARMED_GROUP = "armed_group"
    MEDIA = "media"
    NGO = "ngo"
    WITNESS = "witness"  # a resident, a fisherman, a relative: never named in fields
    COURT = "court"
    PUBLISHER = "publisher"  # no stated origin: the publishing source itself
    UNKNOWN = "unknown"


class Origin(Frozen):
    """The speaker a text attributes a statement to. Private persons are described by role
    ("a fisherman", "un familiar"), never by name; public offices may be named."""

    name: str = Field(description="canonical name (alias file) or a role description")
    kind: OriginKind
    span: Span | None = Field(
        default=None, description="the attribution phrase; None for publisher"
    )
    via: str | None = Field(default=None, description="channel named, e.g. 'post on X'")


class Stance(StrEnum):
    ASSERTS = "asserts"
    DENIES = "denies"
    REPORTS = "reports"  # the origin relays what another said


class Attribute(StrEnum):
    """The attributes of an incident that claims are about (and that assessment grades)."""

    OCCURRENCE = "occurrence"
    DATE = "date"
    PLACE = "place"
    KILLED = "killed"
    INJURED = "injured"
    PERPETRATOR = "perpetrator"
    AFFILIATION = "affiliation"  # identity or affiliation of those harmed
    MISSING = "missing"
    SURVIVORS = "survivors"
    DETAINED = "detained"
    CHARGED = "charged"


class Claim(Frozen):
    attribute: Attribute
    value: str = Field(description="normalised value: '3', '3-5', '2025-10-14', 'Tren de Aragua'")
    span: Span = Field(description="the statement the claim is read from")
    origin: Origin
    stance: Stance


class AffiliationBasis(StrEnum):
    COURT_CONVICTION = "court_conviction"
    INDICTMENT_OR_CHARGE = "indictment_or_charge"
    POLICE_OR_PROSECUTOR = "police_or_prosecutor_statement"
    SELF_IDENTIFICATION = "self_identification"
    TATTOOS_CLOTHING_SYMBOLS = "tattoos_clothing_or_symbols"
    NATIONALITY_OR_MIGRATION = "nationality_or_migration_status"
    NO_EVIDENCE_GIVEN = "assertion_without_evidence"


WEAK_BASES = frozenset(
    {
        AffiliationBasis.TATTOOS_CLOTHING_SYMBOLS,
        AffiliationBasis.NATIONALITY_OR_MIGRATION,
        AffiliationBasis.NO_EVIDENCE_GIVEN,
    }
)


class Affiliation(Frozen):
    """A statement that people harmed or detained belong to a group, and its stated basis."""

    group: str = Field(description="canonical group name from the alias file")
    span: Span
    bases: tuple[AffiliationBasis, ...]
    basis_spans: tuple[Span, ...] = ()
    origin: Origin
    weak: bool = Field(
        description="rests only on tattoos/clothing/symbols, nationality or bare assertion"
    )


# -- mentions and reports ------------------------------------------------------------------


class Mention(Frozen):
    """One incident as one document describes it."""

    span: Span = Field(description="the stretch of text the mention was read from")
    event_type: EventTypeGuess
    date: EventDate | None = Field(description="None when the text gives no date: never guessed")
    places: tuple[Place, ...] = ()
    figures: tuple[Figure, ...] = ()
    actors: tuple[Actor, ...] = ()
    claims: tuple[Claim, ...] = ()
    affiliations: tuple[Affiliation, ...] = ()
    notes: tuple[str, ...] = ()


class Report(Frozen):
    document_sha256: str
    extractor_version: str
    language: str
    published_at: date | None
    mentions: tuple[Mention, ...] = ()
    cumulative_figures: tuple[Figure, ...] = Field(
        default=(), description="campaign or period totals found anywhere in the document"
    )
