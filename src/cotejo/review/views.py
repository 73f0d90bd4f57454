"""What people read: an incident's claims table with grades, people's decisions and open
flags beside the machine's; an incident's full history; the review queue. Read-only.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import literal, or_, select
from sqlalchemy.orm import Session

from cotejo.assess.model import IncidentAssessment, Reading
from cotejo.errors import NotFound
from cotejo.runner.assess import (
    latest_assessment,
    latest_decisions,
    reviewed_headline,
    stored_rules,
)
from cotejo.store import models as m
from cotejo.store.db import Store


def _incident(session: Session, key: str) -> m.Incident:
    found = session.execute(select(m.Incident).where(m.Incident.key == key)).scalar()
    if found is None:
        raise NotFound(f"no incident {key!r}", "list incidents with `cotejo incidents`")
    return found


def _decision(session: Session, row: m.HumanValue | None) -> dict[str, Any] | None:
    if row is None:
        return None
    entry = session.get(m.ReviewEntry, row.review_entry_id)
    return {
        "action": row.action,
        "value": row.value,
        "grade": row.grade,
        "evidence": json.loads(row.evidence) if row.evidence else None,
        "machine_value": row.machine_value,
        "machine_grade": row.machine_grade,
        "by": entry.author if entry else None,
        "at": row.created_at.isoformat(),
        "rationale": entry.rationale if entry else None,
    }


def open_flags(session: Session, incident_id: int | None = None) -> list[dict[str, Any]]:
    """Flags no one has answered: no decision on the attribute since the flag was raised."""
    answered = (
        select(m.HumanValue.id)
        .where(
            m.HumanValue.incident_id == m.ReviewFlag.incident_id,
            m.HumanValue.attribute == m.ReviewFlag.attribute,
            m.HumanValue.created_at > m.ReviewFlag.created_at,
        )
        .exists()
    )
    query = (
        select(m.ReviewFlag, m.Incident.key)
        .join(m.Incident, m.Incident.id == m.ReviewFlag.incident_id)
        .where(~answered)
    )
    if incident_id is not None:
        query = query.where(m.ReviewFlag.incident_id == incident_id)
    return [
        {
            "flag": flag.id,
            "incident": key,
            "attribute": flag.attribute,
            "human_value": flag.human_value,
            "machine_value": flag.machine_value,
            "machine_grade": flag.machine_grade,
            "raised_at": flag.created_at.isoformat(),
            "assessment": flag.assessment_id,
        }
        for flag, key in session.execute(query.order_by(m.ReviewFlag.id)).all()
    ]


def _reading(reading: Reading) -> dict[str, Any]:
    def origins(items: Any) -> list[dict[str, Any]]:
        return [
            {
                "origin": o.label,
                "kind": o.kind,
                "responsible": o.responsible,
                "documents": list(o.documents),
                "outlets": list(o.outlets),
                "spans": [s.model_dump() for s in o.spans],
                "voices": list(o.voices),
            }
            for o in items
        ]

    return {
        "value": reading.value,
        "values": list(reading.values),
        "grade": reading.grade.value if reading.grade else None,
        "acknowledged": reading.acknowledged,
        "weak_basis": reading.weak_basis,
        "bases": list(reading.bases),
        "low": reading.low,
        "high": reading.high,
        "origins": origins(reading.support),
        "denied_by": origins(reading.denied_by),
        "explanation": reading.explanation,
    }


def incident_view(store: Store, key: str) -> dict[str, Any]:
    """The claims table of one incident: per attribute each origin's value, the grade and its
    explanation; a person's decision and an open flag sit beside the machine's grade."""
    with store.read_session() as session:
        found = _incident(session, key)
        row = latest_assessment(session, found.id)
        view: dict[str, Any] = {
            "incident": found.key,
            "retired": found.retired_at is not None,
            "event_type": found.event_type,
            "date": found.date_start.isoformat() if found.date_start else None,
            "place": found.place_name,
            "documents": found.document_count,
            "assessed": row is not None,
        }
        if row is None:
            return view
        assessment = IncidentAssessment.model_validate(json.loads(row.payload))
        decisions = latest_decisions(session, found.id)
        flags = open_flags(session, found.id)
        attributes = []
        for graded in assessment.attributes:
            value = _decision(session, decisions.get((graded.attribute, "value")))
            regrade = _decision(session, decisions.get((graded.attribute, "grade")))
            machine_grade = graded.grade.value if graded.grade else None
            attributes.append(
                {
                    "attribute": graded.attribute,
                    "grade": regrade["grade"] if regrade else machine_grade,
                    "machine_grade": machine_grade,
                    "acknowledged": graded.acknowledged,
                    "value": value["value"] if value else graded.value,
                    "machine_value": graded.value,
                    "rule": graded.rule,
                    "explanation": graded.explanation,
                    "decision": value,
                    "regrade": regrade,
                    "flags": [f for f in flags if f["attribute"] == graded.attribute],
                    "readings": [_reading(r) for r in graded.readings],
                }
            )
        machine_headline = assessment.headline.value if assessment.headline else None
        rules = stored_rules(session, row.rules_version)
        headline = reviewed_headline(assessment, decisions, rules)
        regraded = [
            f"{a['attribute']} {a['grade']} by {a['regrade']['by']}"
            for a in sorted(attributes, key=lambda a: a["attribute"])
            if a["regrade"] and a["attribute"] in rules.headline.attributes
        ]
        explanation = assessment.headline_explanation
        if regraded:
            explanation += (
                f" After review ({'; '.join(regraded)}): {headline or 'not graded'}"
                f" (the machine's headline: {machine_headline or 'not graded'})."
            )
        notes = session.scalars(
            select(m.ReviewEntry)
            .where(m.ReviewEntry.subject == f"incident:{key}", m.ReviewEntry.action == "annotate")
            .order_by(m.ReviewEntry.id)
        )
        view.update(
            {
                "assessment": row.id,
                "assessed_at": row.created_at.isoformat(),
                "rules_version": row.rules_version,
                "headline": headline,
                "machine_headline": machine_headline,
                "acknowledged": assessment.acknowledged,
                "headline_explanation": explanation,
                "responsible": list(assessment.responsible),
                "attributes": attributes,
                "figures": [f.model_dump(mode="json") for f in assessment.figures],
                "flags": flags,
                "notes": [
                    {"by": n.author, "at": n.at.isoformat(), **json.loads(n.after)} for n in notes
                ],
            }
        )
        return view


def history(store: Store, key: str) -> list[dict[str, Any]]:
    """Everything that happened to an incident, oldest first: creation, analysts' merges,
    splits and moves, assessments (with the rules version), review actions and flags."""
    with store.read_session() as session:
        found = _incident(session, key)
        items: list[dict[str, Any]] = [
            {
                "at": found.created_at,
                "kind": "created",
                "what": "created",
                "by": "resolve",
                "detail": {},
            }
        ]
        if found.retired_at:
            items.append(
                {
                    "at": found.retired_at,
                    "kind": "retired",
                    "what": "retired",
                    "by": "resolve",
                    "detail": {},
                }
            )
        quoted = f'%"{key}"%'
        for decision in session.scalars(
            select(m.ResolveDecision).where(m.ResolveDecision.payload.like(quoted))
        ):
            items.append(
                {
                    "at": decision.created_at,
                    "kind": "resolve",
                    "action": decision.action,
                    "what": f"resolve decision: {decision.action}",
                    "by": decision.author,
                    "rationale": decision.rationale,
                    "detail": json.loads(decision.payload),
                }
            )
        previous: str | None = None
        for row in session.scalars(
            select(m.Assessment)
            .where(m.Assessment.incident_id == found.id)
            .order_by(m.Assessment.id)
        ):
            # The grades are in the payload the assessment's hash covers: no query per row.
            grades = {a["attribute"]: a["grade"] for a in json.loads(row.payload)["attributes"]}
            items.append(
                {
                    "at": row.created_at,
                    "kind": "assessed",
                    "what": "assessed",
                    "by": f"rules {row.rules_version}",
                    "detail": {
                        "assessment": row.id,
                        "headline": row.headline,
                        "headline_before": previous,
                        "grades": grades,
                    },
                }
            )
            previous = row.headline
        for entry in session.scalars(
            select(m.ReviewEntry)
            .where(
                or_(
                    m.ReviewEntry.subject == f"incident:{key}",
                    m.ReviewEntry.before.like(quoted),
                    m.ReviewEntry.after.like(quoted),
                )
            )
            .order_by(m.ReviewEntry.id)
        ):
            items.append(
                {
                    "at": entry.at,
                    "kind": "review",
                    "action": entry.action,
                    "attribute": entry.attribute,
                    "what": f"review: {entry.action}"
                    + (f" {entry.attribute}" if entry.attribute else ""),
                    "by": entry.author,
                    "rationale": entry.rationale,
                    "detail": {
                        "entry": entry.id,
                        "before": json.loads(entry.before),
                        "after": json.loads(entry.after),
                        "hash": entry.hash,
                        "prev_hash": entry.prev_hash,
                    },
                }
            )
        for flag in session.scalars(
            select(m.ReviewFlag)
            .where(m.ReviewFlag.incident_id == found.id)
            .order_by(m.ReviewFlag.id)
        ):
            items.append(
                {
                    "at": flag.created_at,
                    "kind": "flagged",
                    "attribute": flag.attribute,
                    "what": f"flagged for review: {flag.attribute}",
                    "by": "assess",
                    "detail": {
                        "person": flag.human_value,
                        "machine": flag.machine_value,
                        "machine_grade": flag.machine_grade,
                    },
                }
            )
        items.sort(key=lambda item: item["at"])
        return [{**item, "at": item["at"].isoformat()} for item in items]


def review_queue(store: Store) -> list[dict[str, Any]]:
    with store.read_session() as session:
        return open_flags(session)


def new_incidents(store: Store, limit: int = 100) -> list[dict[str, Any]]:
    """Live incidents no person has acted on yet (no review entry names them), newest first:
    the other half of the review queue."""
    reviewed = (
        select(m.ReviewEntry.id)
        .where(m.ReviewEntry.subject == literal("incident:") + m.Incident.key)
        .exists()
    )
    with store.read_session() as session:
        rows = session.execute(
            select(m.Incident)
            .where(m.Incident.retired_at.is_(None), ~reviewed)
            .order_by(m.Incident.created_at.desc(), m.Incident.key.desc())
            .limit(limit)
        ).scalars()
        return [
            {
                "incident": row.key,
                "event_type": row.event_type,
                "date": row.date_start.isoformat() if row.date_start else None,
                "place": row.place_name,
                "country": row.country_code,
                "documents": row.document_count,
                "grade": row.grade,
                "acknowledged": row.grade_acknowledged,
                "created_at": row.created_at.isoformat(),
            }
            for row in rows
        ]
