"""What assessment reads (an incident's evidence) and what it returns (grades with reasons).

Input: `IncidentEvidence`, every claim of the incident's member mentions with the document,
source and near-duplicate group it came from. Output: `IncidentAssessment`, a grade per
attribute and per value, each with the origins behind it and a plain-language explanation.
Both are frozen pydantic models, so they round-trip through JSON unchanged.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Grade(StrEnum):
    CORROBORATED = "corroborated"
    SINGLE_ORIGIN = "single-origin"
    CONTESTED = "contested"
    REFUTED = "refuted"


GRADED_ATTRIBUTES = (
    "occurrence",
    "date",
    "place",
    "killed",
    "injured",
    "perpetrator",
    "affiliation",
)
FIGURE_ATTRIBUTES = ("killed", "injured", "missing", "survivors", "detained", "charged")


# -- input -------------------------------------------------------------------------------------


class SourceInfo(Frozen):
    """A publisher as the source registry describes it."""

    name: str
    kind: str = "unknown"
    country: str | None = None
    affiliation: str | None = None


class ClaimSpan(Frozen):
    document: str = Field(description="SHA-256 of the document")
    start: int
    end: int
    field: str = "text"
    text: str = ""


class EvidenceClaim(Frozen):
    """One extracted claim with everything independence and grading need to know."""

    claim_id: int | None = Field(default=None, description="row id in the claims table")
    mention_id: int
    attribute: str
    value: str
    stance: str = "asserts"  # asserts | denies | reports
    origin_name: str = "(publisher)"
    origin_kind: str = "publisher"
    via: str | None = None
    span: ClaimSpan
    source: SourceInfo
    near_duplicate_group: int | None = None
    event_type: str | None = Field(default=None, description="the mention's event type")
    implicit: bool = Field(
        default=False, description="an occurrence implied by a mention with no explicit claim"
    )
    # figures
    low: int | None = None
    high: int | None = None
    hedge: str | None = None
    # places
    latitude: float | None = None
    longitude: float | None = None
    precision: str | None = None
    geonames_id: int | None = None
    # affiliations
    bases: tuple[str, ...] = ()
    weak: bool | None = None


class MentionActor(Frozen):
    mention_id: int
    document: str
    name: str
    kind: str
    role: str
    event_type: str | None = None


class IncidentEvidence(Frozen):
    incident: str = Field(description="incident key")
    event_type: str | None = None
    claims: tuple[EvidenceClaim, ...] = ()
    actors: tuple[MentionActor, ...] = ()
    sources: tuple[SourceInfo, ...] = Field(
        default=(), description="the whole source registry: speakers are matched to it"
    )


# -- output ------------------------------------------------------------------------------------


class Origin(Frozen):
    """One independent origin: a speaker, with every document and outlet that carried it."""

    label: str
    kind: str
    documents: tuple[str, ...]
    outlets: tuple[str, ...]
    spans: tuple[ClaimSpan, ...]
    claims: tuple[int, ...] = Field(default=(), description="claim ids")
    voices: tuple[str, ...] = Field(description="every speaker merged into this origin")
    responsible: bool = Field(default=False, description="the party said to be responsible")
    echoes: int = Field(default=0, description="claims counted here as echoes of this party")


class Reading(Frozen):
    """One value of an attribute (values that agree are one reading) and its support."""

    value: str
    values: tuple[str, ...] = Field(description="every stated value that agrees with it")
    grade: Grade | None = Field(description="None when the value is only ever denied")
    acknowledged: bool
    support: tuple[Origin, ...]
    denied_by: tuple[Origin, ...] = ()
    low: int | None = None
    high: int | None = None
    bases: tuple[str, ...] = ()
    weak_basis: bool = False
    rule: str
    explanation: str


class FigureRange(Frozen):
    low: int
    high: int | None
    origins: tuple[str, ...]


class FigureComparison(Frozen):
    """The responsible party's figures beside everyone else's, as ranges."""

    attribute: str
    acting_party: FigureRange | None
    independent: FigureRange | None


class AttributeAssessment(Frozen):
    attribute: str
    grade: Grade | None = Field(description="None when no source states it")
    acknowledged: bool = False
    value: str | None = Field(default=None, description="the leading value")
    readings: tuple[Reading, ...] = ()
    rule: str
    explanation: str


class IncidentAssessment(Frozen):
    incident: str
    rules_version: str
    headline: Grade | None
    acknowledged: bool
    headline_explanation: str
    responsible: tuple[str, ...] = Field(description="parties said to be responsible")
    attributes: tuple[AttributeAssessment, ...]
    figures: tuple[FigureComparison, ...] = ()

    def attribute(self, name: str) -> AttributeAssessment:
        for found in self.attributes:
            if found.attribute == name:
                return found
        raise KeyError(name)
