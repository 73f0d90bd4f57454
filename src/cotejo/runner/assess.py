"""Run assessment over the store: gather each live incident's evidence, grade it, and persist
the result as new rows (never rewriting old ones). A re-assessment that disagrees with a
person's decision raises a review flag showing both values.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cotejo.assess import assess_incident
from cotejo.assess.grade import weakest_headline
from cotejo.assess.model import (
    FIGURE_ATTRIBUTES,
    ClaimSpan,
    EvidenceClaim,
    Grade,
    IncidentAssessment,
    IncidentEvidence,
    MentionActor,
    SourceInfo,
)
from cotejo.assess.rules import Rules, load_rules
from cotejo.assess.values import display, parse_figure
from cotejo.canonical import canonical_json
from cotejo.clock import Clock, utc_now
from cotejo.extract.model import Attribute, Claim, EventType, Mention, Report
from cotejo.store import models as m
from cotejo.store.db import Store
from cotejo.store.events import EventLog


@dataclass
class AssessSummary:
    rules_version: str
    incidents: int = 0
    assessed: int = 0
    unchanged: int = 0
    flags: int = 0
    by_headline: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "rules_version": self.rules_version,
            "incidents": self.incidents,
            "assessed": self.assessed,
            "unchanged": self.unchanged,
            "flags": self.flags,
            "by_headline": dict(sorted(self.by_headline.items())),
            "seconds": round(self.seconds, 2),
        }


# -- evidence ------------------------------------------------------------------------------------


def _sources(session: Session) -> dict[int, SourceInfo]:
    return {
        row.id: SourceInfo(
            name=row.name, kind=row.kind, country=row.country, affiliation=row.affiliation or None
        )
        for row in session.scalars(select(m.Source).order_by(m.Source.id))
    }


def _span(document: str, claim_span: Any) -> ClaimSpan:
    return ClaimSpan(
        document=document,
        start=claim_span.start,
        end=claim_span.end,
        field=claim_span.field,
        text=claim_span.text,
    )


def _same_span(a: Any, b: Any) -> bool:
    return (a.start, a.end, a.field) == (b.start, b.end, b.field)


def _details(claim: Claim, mention: Mention) -> dict[str, Any]:
    """What the mention records beside the claim: a figure's range, a place's coordinates,
    an affiliation's basis."""
    if claim.attribute.value in FIGURE_ATTRIBUTES:
        for figure in mention.figures:
            if figure.kind.value == claim.attribute.value and _same_span(figure.span, claim.span):
                return {"low": figure.low, "high": figure.high, "hedge": figure.hedge.value}
    if claim.attribute is Attribute.PLACE:
        for place in mention.places:
            if _same_span(place.span, claim.span):
                return {
                    "latitude": place.latitude,
                    "longitude": place.longitude,
                    "precision": place.precision.value,
                    "geonames_id": place.geonames_id,
                }
    if claim.attribute is Attribute.AFFILIATION:
        for found in mention.affiliations:
            if _same_span(found.span, claim.span):
                return {"bases": tuple(b.value for b in found.bases), "weak": found.weak}
    return {}


def _claim_ids(
    session: Session, items: list[tuple[m.MentionRow, Mention]], now
) -> dict[int, list[int]]:
    """The claims table's ids of each mention's claims, by mention id, inserting the missing
    rows: one query and at most one flush for all the mentions of an incident."""
    existing: dict[int, dict[int, int]] = defaultdict(dict)
    found = session.execute(
        select(m.ClaimRow.mention_id, m.ClaimRow.ordinal, m.ClaimRow.id).where(
            m.ClaimRow.mention_id.in_([row.id for row, _ in items])
        )
    )
    for mention_id, ordinal, claim_id in found:
        existing[mention_id][ordinal] = claim_id
    added: list[m.ClaimRow] = []
    for row, mention in items:
        for ordinal, claim in enumerate(mention.claims):
            if ordinal in existing[row.id]:
                continue
            added.append(
                m.ClaimRow(
                    mention_id=row.id,
                    ordinal=ordinal,
                    document_sha256=row.document_sha256,
                    attribute=claim.attribute.value,
                    value=claim.value,
                    stance=claim.stance.value,
                    origin_name=claim.origin.name,
                    origin_kind=claim.origin.kind.value,
                    span_start=claim.span.start,
                    span_end=claim.span.end,
                    span_field=claim.span.field,
                    created_at=now,
                )
            )
    if added:
        session.add_all(added)
        session.flush()
        for new in added:
            existing[new.mention_id][new.ordinal] = new.id
    return {
        row.id: [existing[row.id][ordinal] for ordinal in range(len(mention.claims))]
        for row, mention in items
    }


def gather_evidence(
    session: Session,
    incident: m.Incident,
    now=None,
    sources: dict[int, SourceInfo] | None = None,
) -> IncidentEvidence:
    """Every claim and actor of the incident's current member mentions. `sources` (every
    source by id) is read from the store unless a run over many incidents passes it once."""
    now = now or utc_now()
    sources = _sources(session) if sources is None else sources
    rows = session.execute(
        select(
            m.MentionRow,
            m.ReportRow.payload,
            m.Document.source_id,
            m.Document.near_duplicate_group_id,
        )
        .join(m.IncidentMember, m.IncidentMember.mention_id == m.MentionRow.id)
        .join(m.ReportRow, m.ReportRow.id == m.MentionRow.report_id)
        .join(m.Document, m.Document.sha256 == m.MentionRow.document_sha256)
        .where(m.IncidentMember.incident_id == incident.id, m.IncidentMember.until.is_(None))
        .order_by(m.MentionRow.id)
    ).all()
    claims: list[EvidenceClaim] = []
    actors: list[MentionActor] = []
    reports: dict[str, Report] = {}
    mentions: list[tuple[m.MentionRow, Mention]] = []
    for mention_row, payload, _, _ in rows:
        report = reports.get(payload) or Report.model_validate_json(payload)
        reports[payload] = report
        mentions.append((mention_row, report.mentions[mention_row.ordinal]))
    claim_ids = _claim_ids(session, mentions, now)
    for (mention_row, mention), (_, _, source_id, group) in zip(mentions, rows, strict=True):
        document = mention_row.document_sha256
        event_type = mention.event_type.type.value
        source = sources[source_id]
        ids = claim_ids[mention_row.id]
        base = {
            "mention_id": mention_row.id,
            "source": source,
            "near_duplicate_group": group,
            "event_type": event_type,
        }
        for claim_id, claim in zip(ids, mention.claims, strict=True):
            claims.append(
                EvidenceClaim(
                    claim_id=claim_id,
                    attribute=claim.attribute.value,
                    value=claim.value,
                    stance=claim.stance.value,
                    origin_name=claim.origin.name,
                    origin_kind=claim.origin.kind.value,
                    via=claim.origin.via,
                    span=_span(document, claim.span),
                    **base,
                    **_details(claim, mention),
                )
            )
        stated = any(c.attribute is Attribute.OCCURRENCE for c in mention.claims)
        # the trigger words, else the whole stretch the mention was read from
        trigger = mention.event_type.spans[0] if mention.event_type.spans else mention.span
        if not stated and mention.event_type.type is not EventType.OTHER:
            # A report of the event is itself a claim that it happened, in the publisher's voice.
            claims.append(
                EvidenceClaim(
                    attribute="occurrence",
                    value=event_type,
                    span=_span(document, trigger),
                    implicit=True,
                    **base,
                )
            )
        actors.extend(
            MentionActor(
                mention_id=mention_row.id,
                document=document,
                name=actor.name,
                kind=actor.kind.value,
                role=actor.role.value,
                event_type=event_type,
            )
            for actor in mention.actors
        )
    return IncidentEvidence(
        incident=incident.key,
        event_type=incident.event_type,
        claims=tuple(claims),
        actors=tuple(actors),
        sources=tuple(sources[k] for k in sorted(sources)),
    )


# -- persisting ----------------------------------------------------------------------------------


def _digest(value: Any) -> str:
    return hashlib.sha256(canonical_json(value)).hexdigest()


def ensure_rules(session: Session, rules: Rules, now) -> None:
    if session.get(m.AssessmentRules, rules.version) is None:
        session.add(
            m.AssessmentRules(
                version=rules.version,
                label=rules.label,
                sha256=rules.digest,
                content=canonical_json(rules.model_dump(mode="json")).decode("utf-8"),
                created_at=now,
            )
        )
        session.flush()


def latest_assessment(session: Session, incident_id: int) -> m.Assessment | None:
    return session.execute(
        select(m.Assessment)
        .where(m.Assessment.incident_id == incident_id)
        .order_by(m.Assessment.id.desc())
        .limit(1)
    ).scalar()


def _store_assessment(
    session: Session,
    incident: m.Incident,
    result: IncidentAssessment,
    rules: Rules,
    decisions: dict[tuple[str, str], m.HumanValue],
    evidence_sha: str,
    now,
) -> m.Assessment:
    payload = canonical_json(result.model_dump(mode="json")).decode("utf-8")
    row = m.Assessment(
        incident_id=incident.id,
        rules_version=result.rules_version,
        evidence_sha256=evidence_sha,
        headline=result.headline.value if result.headline else None,
        acknowledged=result.acknowledged,
        payload=payload,
        payload_sha256=hashlib.sha256(payload.encode("utf-8")).hexdigest(),
        created_at=now,
    )
    session.add(row)
    # The list of incidents shows (and filters by) the headline grade from its own row, after
    # the regrades people made.
    incident.grade = reviewed_headline(result, decisions, rules)
    incident.grade_acknowledged = row.acknowledged
    session.flush()
    for attribute in result.attributes:
        session.add(
            m.AssessmentGrade(
                assessment_id=row.id,
                attribute=attribute.attribute,
                value=None,
                grade=attribute.grade.value if attribute.grade else None,
                acknowledged=attribute.acknowledged,
                weak_basis=any(r.weak_basis for r in attribute.readings),
                origins=len(attribute.readings[0].support) if attribute.readings else 0,
                explanation=attribute.explanation,
            )
        )
        for reading in attribute.readings:
            session.add(
                m.AssessmentGrade(
                    assessment_id=row.id,
                    attribute=attribute.attribute,
                    value=reading.value,
                    grade=reading.grade.value if reading.grade else None,
                    acknowledged=reading.acknowledged,
                    weak_basis=reading.weak_basis,
                    origins=len(reading.support),
                    explanation=reading.explanation,
                )
            )
    return row


def same_value(attribute: str, a: str | None, b: str | None) -> bool:
    """Whether a person's value and the machine's are the same value."""
    if a is None or b is None:
        return a is b
    if attribute in FIGURE_ATTRIBUTES:
        ra, rb = parse_figure(a), parse_figure(b)
        if ra is not None and rb is not None:
            return ra == rb
    return (
        " ".join(display(attribute, a).split()).casefold()
        == " ".join(display(attribute, b).split()).casefold()
    )


def latest_decisions(session: Session, incident_id: int) -> dict[tuple[str, str], m.HumanValue]:
    """The newest decision per (attribute, kind): kind 'value' (confirm, correct) or 'grade'."""
    found: dict[tuple[str, str], m.HumanValue] = {}
    rows = session.scalars(
        select(m.HumanValue)
        .where(m.HumanValue.incident_id == incident_id)
        .order_by(m.HumanValue.id)
    )
    for row in rows:
        found[(row.attribute, "grade" if row.action == "regrade" else "value")] = row
    return found


def reviewed_headline(
    result: IncidentAssessment,
    decisions: dict[tuple[str, str], m.HumanValue],
    rules: Rules,
) -> str | None:
    """The headline grade once people's regrades (`latest_decisions`) replace the machine's
    grades of their attributes."""
    grades: dict[str, Grade | None] = {a.attribute: a.grade for a in result.attributes}
    for (attribute, kind), decision in decisions.items():
        if kind == "grade" and attribute in grades and decision.grade is not None:
            grades[attribute] = Grade(decision.grade)
    headline = weakest_headline(grades, rules)
    return headline.value if headline else None


def stored_rules(session: Session, version: str) -> Rules:
    """The rules an assessment was made with, as stored beside it."""
    row = session.get(m.AssessmentRules, version)
    if row is None:  # pragma: no cover - ensure_rules stores them before any assessment
        return load_rules()
    return Rules.model_validate(json.loads(row.content))


def refresh_headline(session: Session, incident: m.Incident) -> str | None:
    """Recompute the listed headline grade of an incident after a person regraded it."""
    row = latest_assessment(session, incident.id)
    if row is None:
        return incident.grade
    session.flush()
    result = IncidentAssessment.model_validate(json.loads(row.payload))
    rules = stored_rules(session, row.rules_version)
    incident.grade = reviewed_headline(result, latest_decisions(session, incident.id), rules)
    return incident.grade


def _raise_flags(
    session: Session,
    incident: m.Incident,
    result: IncidentAssessment,
    row: m.Assessment,
    decisions: dict[tuple[str, str], m.HumanValue],
    now,
) -> list[m.ReviewFlag]:
    raised = []
    for (attribute, kind), decision in sorted(decisions.items()):
        try:
            machine = result.attribute(attribute)
        except KeyError:
            continue
        machine_grade = machine.grade.value if machine.grade else None
        if kind == "value":
            if same_value(attribute, decision.value, machine.value):
                continue
            human, machine_value = decision.value, machine.value
        else:
            if machine_grade == decision.machine_grade:
                continue
            human, machine_value = f"grade {decision.grade}", f"grade {machine_grade}"
        exists = session.execute(
            select(m.ReviewFlag.id).where(
                m.ReviewFlag.human_value_id == decision.id,
                m.ReviewFlag.machine_value.is_(machine_value)
                if machine_value is None
                else m.ReviewFlag.machine_value == machine_value,
                m.ReviewFlag.machine_grade.is_(machine_grade)
                if machine_grade is None
                else m.ReviewFlag.machine_grade == machine_grade,
            )
        ).first()
        if exists:
            continue
        flag = m.ReviewFlag(
            incident_id=incident.id,
            attribute=attribute,
            human_value_id=decision.id,
            human_value=human,
            machine_value=machine_value,
            machine_grade=machine_grade,
            assessment_id=row.id,
            created_at=now,
        )
        session.add(flag)
        raised.append(flag)
    session.flush()
    return raised


def run_assess(
    store: Store,
    rules: Rules | None = None,
    clock: Clock = utc_now,
    keys: Sequence[str] | None = None,
) -> AssessSummary:
    """Assess every live incident (or those named); only changed evidence or rules add rows."""
    rules = rules or load_rules()
    started = time.perf_counter()
    summary = AssessSummary(rules.version)
    with store.session() as session:
        now = clock()
        ensure_rules(session, rules, now)
        query = select(m.Incident).where(m.Incident.retired_at.is_(None)).order_by(m.Incident.key)
        if keys:
            query = query.where(m.Incident.key.in_(list(keys)))
        logged: list[dict[str, Any]] = []
        sources = _sources(session)  # read once: assessing writes no source
        for incident in session.scalars(query).all():
            summary.incidents += 1
            evidence = gather_evidence(session, incident, now, sources)
            evidence_sha = _digest(evidence.model_dump(mode="json"))
            previous = latest_assessment(session, incident.id)
            if (
                previous is not None
                and previous.rules_version == summary.rules_version
                and previous.evidence_sha256 == evidence_sha
            ):
                summary.unchanged += 1
                summary.by_headline[previous.headline or "not graded"] += 1
                continue
            result = assess_incident(evidence, rules)
            decisions = latest_decisions(session, incident.id)
            row = _store_assessment(session, incident, result, rules, decisions, evidence_sha, now)
            flags = _raise_flags(session, incident, result, row, decisions, now)
            summary.assessed += 1
            summary.flags += len(flags)
            summary.by_headline[row.headline or "not graded"] += 1
            logged.append(
                {
                    "incident": incident.key,
                    "assessment": row.id,
                    "payload_sha256": row.payload_sha256,
                    "flags": [[f.attribute, f.human_value, f.machine_value] for f in flags],
                }
            )
        if logged:
            EventLog(session).append(
                "assess.run",
                f"rules:{rules.version}",
                {"rules": rules.version, "assessed": logged},
                now,
            )
    summary.seconds = time.perf_counter() - started
    return summary


def current_assessment(session: Session, incident: m.Incident) -> IncidentAssessment | None:
    row = latest_assessment(session, incident.id)
    return IncidentAssessment.model_validate(json.loads(row.payload)) if row else None
