"""The record every export format writes: one incident with what its sources say, built from
the store's incident view, with free text redacted on request.

Free text is whatever a source wrote (titles, excerpts) or cotejo composed from it (notes);
structured fields hold events, places, organisations and forces. With a redactor, private
persons' names leave the free text, and sources that are private accounts (kind social or
witness) whose name is a person's are named by kind only. The incident's graded claims
(`claims.py`) come with it for the formats that publish them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from cotejo.export.claims import PRIVATE_ORIGIN_KINDS, Assessed, Redact, assessed
from cotejo.query import IncidentQuery
from cotejo.store import models as m
from cotejo.store.browse import incident_detail, iter_incidents
from cotejo.views import (
    ActorSeen,
    CanonicalValue,
    IncidentDetail,
    Reading,
    SourceRef,
    SpanRef,
    Statement,
)

EXCERPT_CHARS = 300
PRIVATE_ACCOUNT_KINDS = frozenset({"social", "witness"})


@dataclass(frozen=True)
class Excerpt:
    document: str
    source: str
    source_kind: str
    language: str
    title: str | None
    text: str | None  # the sentence(s) the incident was read from, cut to EXCERPT_CHARS


@dataclass(frozen=True)
class Country:
    name: str | None
    iso_numeric: str | None
    region: str | None


@dataclass(frozen=True)
class ExportRecord:
    incident: IncidentDetail
    country: Country
    sources: tuple[str, ...]  # names, as published (or withheld)
    excerpts: tuple[Excerpt, ...]
    notes: str
    redacted: bool
    assessment: Assessed | None = None  # None until the incident is assessed
    # document -> its source's row id: a source's identity that never spells its name
    source_ids: dict[str, int] = field(default_factory=dict)

    @property
    def perpetrators(self) -> list[ActorSeen]:
        return [
            a for a in self.incident.actors if a.role in ("alleged_perpetrator", "acting_force")
        ]

    @property
    def targets(self) -> list[ActorSeen]:
        return [a for a in self.incident.actors if a.role == "target"]


@cache
def country_info(code: str | None) -> Country:
    if not code:
        return Country(None, None, None)
    from countryinfo import CountryInfo

    try:
        info = CountryInfo(code).info()
    except (KeyError, AttributeError):
        return Country(None, None, None)
    return Country(info.get("name"), (info.get("ISO") or {}).get("numeric"), info.get("subregion"))


def canonical_value(incident: IncidentDetail, attribute: str) -> CanonicalValue | None:
    return next((c for c in incident.canonical if c.attribute == attribute), None)


def _excerpts(incident: IncidentDetail) -> dict[str, str]:
    """document -> the text of its statement that the incident occurred (else its first)."""
    found: dict[str, str] = {}
    for statement in sorted(incident.statements, key=lambda s: s.attribute != "occurrence"):
        if statement.span is not None and statement.span.field == "text":
            found.setdefault(statement.document, statement.span.text[:EXCERPT_CHARS])
    return found


def _notes(incident: IncidentDetail, sources: dict[str, str]) -> str:
    """What an ACLED coder puts in notes: what happened, where and when, and where the
    sources disagree on figures (the export's figures are the most conservative)."""
    parts = []
    what = (incident.acled.sub_event_type if incident.acled else incident.event_type) or "Event"
    where = f" in {incident.place}" if incident.place else ""
    when = f"On {incident.date}, " if incident.date else ""
    parts.append(f"{when}{what.lower() if when else what}{where}.")
    for attribute in ("killed", "injured"):
        value = canonical_value(incident, attribute)
        if value is None or len(value.readings) < 2:
            continue
        said = [
            sorted({sources.get(s.document, s.source) for s in r.sources}) for r in value.readings
        ]
        readings = "; ".join(
            f"{r.label} ({', '.join(who)})" for r, who in zip(value.readings, said, strict=True)
        )
        parts.append(f"Sources differ on {attribute}: {readings}.")
    parts.append(f"{incident.documents} document(s).")
    return " ".join(parts)


def export_records(
    session: Session, query: IncidentQuery, redact: Redact | None = None
) -> Iterator[ExportRecord]:
    for summary in iter_incidents(session, query, order="date"):
        incident = incident_detail(session, summary.key)
        names: dict[str, str] = {}
        for doc in incident.sources:
            name = doc.source.name
            if redact and doc.source.kind in PRIVATE_ACCOUNT_KINDS:
                if redact(name, doc.language) != name:
                    name = f"[{doc.source.kind} account]"
            names[doc.document] = name
        texts = _excerpts(incident)
        excerpts = tuple(
            Excerpt(
                document=doc.document,
                source=names[doc.document],
                source_kind=doc.source.kind,
                language=doc.language,
                title=redact(doc.title, doc.language) if redact else doc.title,
                text=redact(texts.get(doc.document), doc.language)
                if redact
                else texts.get(doc.document),
            )
            for doc in incident.sources
        )
        source_ids = {
            sha: source
            for sha, source in session.execute(
                select(m.Document.sha256, m.Document.source_id).where(
                    m.Document.sha256.in_([d.document for d in incident.sources])
                )
            )
        }
        graded = assessed(
            session, incident.key, {d.document: d.language for d in incident.sources}, redact
        )
        if redact:
            incident = _redact_incident(incident, redact, names)
        yield ExportRecord(
            incident=incident,
            country=country_info(incident.country),
            sources=tuple(sorted(set(names.values()))),
            excerpts=excerpts,
            notes=_notes(incident, names),
            redacted=redact is not None,
            assessment=graded,
            source_ids=source_ids,
        )


def _redact_incident(incident: IncidentDetail, redact: Redact, names: dict[str, str]):
    """Span texts and titles are excerpts too: redact them (offsets stay: they point into the
    archived original, which no export carries), and name private accounts by kind."""
    language = {d.document: d.language for d in incident.sources}

    def clean(span: SpanRef | None) -> SpanRef | None:
        if span is None:
            return None
        text = redact(span.text, language.get(span.document, "en")) or ""
        return span.model_copy(update={"text": text})

    def named(source: SourceRef, document: str) -> SourceRef:
        return source.model_copy(update={"name": names.get(document, source.name)})

    def reading(r: Reading) -> Reading:
        sources = [
            s.model_copy(update={"span": clean(s.span), "source": names.get(s.document, s.source)})
            for s in r.sources
        ]
        return r.model_copy(update={"sources": sources})

    def statement(s: Statement) -> Statement:
        # Origins name offices and organisations; a witness or unknown speaker is a role,
        # but run it through the redactor all the same.
        origin = s.origin
        if s.origin_kind in PRIVATE_ORIGIN_KINDS:
            origin = redact(origin, language.get(s.document, "en")) or origin
        return s.model_copy(update={"span": clean(s.span), "origin": origin})

    return incident.model_copy(
        update={
            "statements": [statement(s) for s in incident.statements],
            "canonical": [
                c.model_copy(update={"readings": [reading(r) for r in c.readings]})
                for c in incident.canonical
            ],
            "members": [
                m.model_copy(
                    update={
                        "title": redact(m.title, m.language),
                        "source": named(m.source, m.document),
                    }
                )
                for m in incident.members
            ],
            "sources": [
                s.model_copy(
                    update={
                        "title": redact(s.title, s.language),
                        "source": named(s.source, s.document),
                    }
                )
                for s in incident.sources
            ],
        }
    )
