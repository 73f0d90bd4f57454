"""The graded claims of one incident, for the exports that publish them (ClaimReview,
GraphML): every reading of every assessed attribute, with the grade people stand behind (a
reviewer's regrade of the attribute over the machine's grade of its leading value), the
origins that give or deny it, and the words each was read from.

Who a claim comes from is a structured field, so a private person is never named in it,
with or without redaction: an organisation, an office or a force keeps its name; a speaker
of a kind that can be a private person (witness, social account, unknown) keeps the label
they were quoted under only when it is a role ("fishermen"), and is named by kind ("a
witness") when it reads as a person's name. Their names leave the explanations the same
way. With a redactor, excerpts, titles, explanations and rationales lose private names too.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from cotejo.assess.model import Grade, IncidentAssessment, Origin
from cotejo.export.redact import looks_like_a_name
from cotejo.extract.aliases import default_catalogue
from cotejo.runner.assess import (
    latest_assessment,
    latest_decisions,
)
from cotejo.store import models as m

Redact = Callable[[str | None, str], str | None]
# Origins that can be a private person: a witness, or a voice the text does not name.
PRIVATE_ORIGIN_KINDS = frozenset({"witness", "unknown"})

ORGANISATION_KINDS = frozenset({"official", "armed_group", "media", "ngo", "court"})
# What a private person is called when the label they were quoted under is their name.
ROLE_OF_KIND = {
    "witness": "a witness",
    "social": "a social-media account",
    "publisher": "a private publisher",
    "unknown": "an unnamed speaker",
}

# ClaimReview's scale: how well independent origins support a value (not whether it is
# true), in the order rules.yaml's headline.weakest_first gives. README "Exports".
RATING: dict[Grade, int] = {
    Grade.REFUTED: 1,
    Grade.CONTESTED: 2,
    Grade.SINGLE_ORIGIN: 3,
    Grade.CORROBORATED: 4,
}
WORST_RATING, BEST_RATING = min(RATING.values()), max(RATING.values())


@lru_cache(maxsize=8192)
def is_private_name(label: str, kind: str) -> bool:
    """A label that names a private person: a speaker or account of a kind that can be one,
    capitalised like a name, and not an organisation the alias file knows by that name."""
    if kind in ORGANISATION_KINDS or not looks_like_a_name(label):
        return False
    entry = default_catalogue().lookup(label)
    if entry is None:
        return True
    known = {entry.name.casefold(), *(alias.casefold() for alias in entry.aliases)}
    return label.strip().casefold() not in known


def public_label(label: str, kind: str) -> str:
    """The label an export may show for a speaker or a source: a role for a private person."""
    return ROLE_OF_KIND.get(kind, "a private person") if is_private_name(label, kind) else label


def speaker(label: str, kind: str) -> tuple[str, bool]:
    """The label an export may show for a speaker or a source, and whether it stands for
    private people (a role, an account withheld by redaction) rather than an organisation."""
    if kind in ORGANISATION_KINDS:
        return label, False
    if is_private_name(label, kind):
        return public_label(label, kind), True
    if label.startswith("[") and label.endswith("]"):  # withheld by redaction
        return label, True
    # a role ("fishermen", "a relative"), or an account or outlet named as one
    return label, kind in PRIVATE_ORIGIN_KINDS


@dataclass(frozen=True)
class Excerpt:
    """Where a claim was read: a document, the character span, and its words."""

    document: str
    start: int
    end: int
    field: str
    text: str


@dataclass(frozen=True)
class ClaimOrigin:
    key: str  # stable within an export: kind and label, plus the incident for private roles
    label: str  # a name, or a role for a private person
    kind: str
    person: bool  # stands for private people (a role), not an organisation
    responsible: bool  # the party said to be responsible
    documents: tuple[str, ...]
    excerpts: tuple[Excerpt, ...]


@dataclass(frozen=True)
class GradedClaim:
    incident: str
    attribute: str
    index: int  # the reading's place among the attribute's readings (0: the leading one)
    value: str
    low: int | None  # figures
    high: int | None
    grade: (
        Grade  # the published grade: a reviewer's regrade of the leading value, else the machine's
    )
    machine_grade: Grade
    acknowledged: bool
    weak_basis: bool
    leading: bool
    rule: str  # why, in a sentence
    explanation: str
    regrade_rationale: str | None
    origins: tuple[ClaimOrigin, ...]
    denied_by: tuple[ClaimOrigin, ...]

    @property
    def ident(self) -> str:
        return f"{self.incident}/{self.attribute}/{self.index}"

    @property
    def grade_words(self) -> str:
        return f"{self.grade.value} + acknowledged" if self.acknowledged else self.grade.value

    @property
    def rating(self) -> int:
        return RATING[self.grade]

    @property
    def documents(self) -> tuple[str, ...]:
        """Every document an origin of the claim gave it in, first seen first."""
        return tuple(dict.fromkeys(d for o in self.origins for d in o.documents))


@dataclass(frozen=True)
class Assessed:
    """An incident's current assessment, as exports publish it."""

    rules_version: str
    reviewed_at: datetime  # the assessment's time, or a later decision's
    claims: tuple[GradedClaim, ...]


def assessed(
    session: Session, key: str, language: dict[str, str], redact: Redact | None = None
) -> Assessed | None:
    """The incident's newest assessment with people's regrades, or None if not assessed.
    `language` gives each document's language, for the redactor."""
    incident_id = session.execute(select(m.Incident.id).where(m.Incident.key == key)).scalar()
    row = latest_assessment(session, incident_id) if incident_id is not None else None
    if row is None:
        return None
    result = IncidentAssessment.model_validate(json.loads(row.payload))
    decisions = latest_decisions(session, incident_id)
    reviewed_at = max([row.created_at, *(d.created_at for d in decisions.values())])

    def clean(text: str | None, document: str | None = None) -> str | None:
        if redact is None or not text:
            return text
        return redact(text, language.get(document or "", "en"))  # the Redactor memoises

    def origin(found: Origin) -> ClaimOrigin:
        label, person = speaker(found.label, found.kind)
        excerpts = tuple(
            Excerpt(s.document, s.start, s.end, s.field, clean(s.text, s.document) or "")
            for s in found.spans
        )
        # An organisation, office or account is one origin across incidents; a private
        # role ("fishermen") is whoever was quoted under it in this incident.
        scope = f"{key}:" if person else ""
        return ClaimOrigin(
            key=f"{scope}{found.kind}:{label.casefold()}",
            label=label,
            kind=found.kind,
            person=person,
            responsible=found.responsible,
            documents=found.documents,
            excerpts=excerpts,
        )

    # Every label a private person was named by, with the role that replaces it.
    renamed = {
        o.label: public_label(o.label, o.kind)
        for a in result.attributes
        for r in a.readings
        for o in (*r.support, *r.denied_by)
        if public_label(o.label, o.kind) != o.label
    }

    def explained(text: str) -> str:
        for name in sorted(renamed, key=len, reverse=True):
            text = text.replace(name, renamed[name])
        return clean(text) or text

    claims = []
    for graded in result.attributes:
        regrade = decisions.get((graded.attribute, "grade"))
        for index, reading in enumerate(graded.readings):
            if reading.grade is None:  # only ever denied: nobody makes this claim
                continue
            leading = reading.value == graded.value
            grade, rationale = reading.grade, None
            if regrade is not None and leading and regrade.grade:
                grade = Grade(regrade.grade)
                entry = session.get(m.ReviewEntry, regrade.review_entry_id)
                rationale = explained(entry.rationale) if entry else None
            claims.append(
                GradedClaim(
                    incident=key,
                    attribute=graded.attribute,
                    index=index,
                    value=reading.value,
                    low=reading.low,
                    high=reading.high,
                    grade=grade,
                    machine_grade=reading.grade,
                    acknowledged=reading.acknowledged,
                    weak_basis=reading.weak_basis,
                    leading=leading,
                    rule=reading.rule,
                    explanation=explained(reading.explanation),
                    regrade_rationale=rationale,
                    origins=tuple(origin(o) for o in reading.support),
                    denied_by=tuple(origin(o) for o in reading.denied_by),
                )
            )
    return Assessed(
        rules_version=result.rules_version,
        reviewed_at=reviewed_at,
        claims=tuple(claims),
    )
