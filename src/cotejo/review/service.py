"""Analysts' actions, each checked against the acting user's role, applied in one transaction
with its audit entry. The CLI calls these functions and so will the API.

A refused action raises before anything is written. Values and grades people set are rows
of `human_values`; the machine's assessments are never edited, and a later assessment that
disagrees with a person raises a flag instead (see `cotejo.runner.assess`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cotejo.assess.model import Grade, IncidentAssessment
from cotejo.canonical import canonical_json
from cotejo.clock import Clock, utc_now
from cotejo.errors import AccessDenied, InputError, NotFound
from cotejo.extract.model import Attribute
from cotejo.review import accounts
from cotejo.review.audit import append_entry
from cotejo.review.roles import REQUIRED, Role
from cotejo.runner import incidents as decisions
from cotejo.runner.assess import (
    current_assessment,
    latest_decisions,
    refresh_headline,
    same_value,
)
from cotejo.store import models as m
from cotejo.store.db import Store

ATTRIBUTES = tuple(a.value for a in Attribute)


# -- who acts ------------------------------------------------------------------------------------


def require(session: Session, username: str | None, action: str) -> m.User:
    """The acting user, if their role allows `action`; else AccessDenied (nothing written)."""
    needed = REQUIRED[action]
    if not username:
        raise AccessDenied(
            f"{action} needs a user with role {needed.label} or above; none was given",
            "pass --as NAME (or set COTEJO_USER); list users with `cotejo users list`",
        )
    user = session.execute(select(m.User).where(m.User.username == username)).scalar()
    if user is None:
        raise AccessDenied(
            f"no user {username!r}",
            "an admin adds users with `cotejo users add NAME --role ROLE`",
        )
    role = Role.parse(user.role)
    if role < needed:
        raise AccessDenied(
            f"{username} is {role.label}; {action} needs {needed.label} or above",
            "ask an admin to change the role: `cotejo users role NAME ROLE`",
        )
    return user


def _rationale(text: str | None, action: str) -> str:
    if not text or not text.strip():
        raise InputError(f"{action} needs a rationale", "say why with --rationale TEXT")
    return text.strip()


def add_user(
    store: Store, actor: str | None, username: str, role: str, clock: Clock = utc_now
) -> dict[str, Any]:
    """Add a user. The first user of a store must be an admin and needs no actor."""
    parsed = Role.parse(role)
    name = username.strip()
    if not name or len(name) > 100 or any(c.isspace() for c in name):
        raise InputError(
            f"user name {username!r} is not usable", "give 1-100 characters without spaces"
        )
    with store.session() as session:
        now = clock()
        anyone = session.execute(select(m.User.id).limit(1)).first()
        if anyone is None:
            if parsed is not Role.ADMIN:
                raise InputError(
                    "the first user of a store must be an admin",
                    f"run `cotejo users add {name} --role admin` first",
                )
            author = name
        else:
            author = require(session, actor, "add-user").username
        if session.execute(select(m.User.id).where(m.User.username == name)).first():
            raise InputError(f"user {name!r} exists", "change a role with `cotejo users role`")
        session.add(m.User(username=name, role=parsed.label, created_at=now, created_by=author))
        append_entry(
            session,
            author=author,
            action="add-user",
            subject=f"user:{name}",
            before=None,
            after={"username": name, "role": parsed.label},
            rationale="",
            at=now,
        )
    return {"username": name, "role": parsed.label}


def set_role(
    store: Store, actor: str | None, username: str, role: str, clock: Clock = utc_now
) -> dict[str, Any]:
    parsed = Role.parse(role)
    with store.session() as session:
        now = clock()
        author = require(session, actor, "set-role").username
        user = accounts.find_user(session, username)
        before = user.role
        user.role = parsed.label
        append_entry(
            session,
            author=author,
            action="set-role",
            subject=f"user:{username}",
            before={"role": before},
            after={"role": parsed.label},
            rationale="",
            at=now,
        )
    return {"username": username, "role": parsed.label}


def list_users(store: Store) -> list[dict[str, Any]]:
    with store.session() as session:
        return [
            {
                "username": u.username,
                "role": u.role,
                "created_by": u.created_by,
                "password": u.password_hash is not None,
            }
            for u in session.scalars(select(m.User).order_by(m.User.username))
        ]


# -- what they act on ----------------------------------------------------------------------------


def incident(session: Session, key: str) -> m.Incident:
    found = session.execute(select(m.Incident).where(m.Incident.key == key)).scalar()
    if found is None:
        raise NotFound(f"no incident {key!r}", "list incidents with `cotejo incidents`")
    if found.retired_at is not None:
        raise InputError(
            f"incident {key} was retired (its mentions were merged or moved elsewhere)",
            f"see where they went with `cotejo history {key}`",
        )
    return found


def _attribute(name: str) -> str:
    if name not in ATTRIBUTES:
        raise InputError(f"unknown attribute {name!r}", "use one of: " + ", ".join(ATTRIBUTES))
    return name


def _assessment(session: Session, found: m.Incident) -> IncidentAssessment:
    assessment = current_assessment(session, found)
    if assessment is None:
        raise InputError(f"incident {found.key} has not been assessed", "run `cotejo assess` first")
    return assessment


def _machine(assessment: IncidentAssessment, attribute: str) -> tuple[str | None, str | None]:
    try:
        graded = assessment.attribute(attribute)
    except KeyError:
        return None, None
    return graded.value, graded.grade.value if graded.grade else None


def _decide(
    session: Session,
    found: m.Incident,
    author: str,
    action: str,
    attribute: str,
    rationale: str,
    now: Any,
    *,
    value: str | None = None,
    grade: str | None = None,
    evidence: dict[str, Any] | None = None,
) -> dict[str, Any]:
    machine_value, machine_grade = _machine(_assessment(session, found), attribute)
    kind = "grade" if action == "regrade" else "value"
    previous = latest_decisions(session, found.id).get((attribute, kind))
    before = {
        "machine_value": machine_value,
        "machine_grade": machine_grade,
        "value": previous.value if previous else None,
        "grade": previous.grade if previous else None,
    }
    after = {"value": value, "grade": grade, "evidence": evidence}
    entry = append_entry(
        session,
        author=author,
        action=action,
        subject=f"incident:{found.key}",
        attribute=attribute,
        before=before,
        after=after,
        rationale=rationale,
        at=now,
    )
    session.add(
        m.HumanValue(
            incident_id=found.id,
            attribute=attribute,
            action=action,
            value=value,
            grade=grade,
            evidence=canonical_json(evidence).decode("utf-8") if evidence else None,
            machine_value=machine_value,
            machine_grade=machine_grade,
            review_entry_id=entry.id,
            created_at=now,
        )
    )
    return {"entry": entry.id, "incident": found.key, "attribute": attribute, **after}


def confirm(
    store: Store,
    actor: str | None,
    key: str,
    attribute: str,
    value: str | None,
    rationale: str | None,
    clock: Clock = utc_now,
) -> dict[str, Any]:
    """Confirm a value the assessment found (by default its leading value)."""
    with store.session() as session:
        now = clock()
        author = require(session, actor, "confirm").username
        why = _rationale(rationale, "confirm")
        found = incident(session, key)
        attribute = _attribute(attribute)
        assessment = _assessment(session, found)
        try:
            graded = assessment.attribute(attribute)
        except KeyError:
            graded = None
        readings = [r.value for r in graded.readings if r.support] if graded else []
        chosen = value if value is not None else (graded.value if graded else None)
        if chosen is None or not any(same_value(attribute, chosen, r) for r in readings):
            raise InputError(
                f"{attribute} of {key}: {chosen!r} is not a value the sources give "
                f"({', '.join(readings) or 'none'})",
                "confirm one of those, or use `cotejo review correct` with an evidence span",
            )
        return _decide(session, found, author, "confirm", attribute, why, now, value=chosen)


def correct(
    store: Store,
    actor: str | None,
    key: str,
    attribute: str,
    value: str,
    document: str,
    start: int,
    end: int,
    rationale: str | None,
    field: str = "text",
    clock: Clock = utc_now,
) -> dict[str, Any]:
    """Set a value the machine did not find, with the span of a document that supports it."""
    with store.session() as session:
        now = clock()
        author = require(session, actor, "correct").username
        why = _rationale(rationale, "correct")
        found = incident(session, key)
        attribute = _attribute(attribute)
        if not value.strip():
            raise InputError("correct needs a value", "give the corrected value")
        evidence = _evidence(session, document, start, end, field)
        return _decide(
            session,
            found,
            author,
            "correct",
            attribute,
            why,
            now,
            value=value.strip(),
            evidence=evidence,
        )


def _evidence(session: Session, document: str, start: int, end: int, field: str) -> dict[str, Any]:
    prefix = document.strip().lower()
    if len(prefix) < 6:
        raise InputError(
            f"document {document!r} is too short to name one document",
            "give at least the first 6 hex digits of its SHA-256 (from `cotejo show`)",
        )
    matches = list(
        session.scalars(select(m.Document).where(m.Document.sha256.like(prefix + "%")).limit(2))
    )
    if not matches:
        raise NotFound(f"no document {document!r}", "take document ids from `cotejo show KEY`")
    if len(matches) > 1:
        raise InputError(f"{document!r} names several documents", "give more hex digits")
    doc = matches[0]
    if field not in ("text", "title"):
        raise InputError(f"field {field!r} is not a document field", "use text or title")
    body = doc.text if field == "text" else (doc.title or "")
    if not 0 <= start < end <= len(body):
        raise InputError(
            f"span {start}-{end} is outside the document's {field} (0-{len(body)})",
            "give character offsets with start < end within the text, as `cotejo show` prints",
        )
    return {
        "document": doc.sha256,
        "field": field,
        "start": start,
        "end": end,
        "text": body[start:end],
    }


def regrade(
    store: Store,
    actor: str | None,
    key: str,
    attribute: str,
    grade: str,
    rationale: str | None,
    clock: Clock = utc_now,
) -> dict[str, Any]:
    """Set an attribute's grade by hand, with the reason; the machine's grade is kept beside it."""
    try:
        parsed = Grade(grade.strip().lower())
    except ValueError:
        raise InputError(
            f"unknown grade {grade!r}", "use one of: " + ", ".join(g.value for g in Grade)
        ) from None
    with store.session() as session:
        now = clock()
        author = require(session, actor, "regrade").username
        why = _rationale(rationale, "regrade")
        found = incident(session, key)
        attribute = _attribute(attribute)
        done = _decide(session, found, author, "regrade", attribute, why, now, grade=parsed.value)
        refresh_headline(session, found)
        return done


def annotate(
    store: Store,
    actor: str | None,
    key: str,
    note: str,
    attribute: str | None = None,
    clock: Clock = utc_now,
) -> dict[str, Any]:
    with store.session() as session:
        now = clock()
        author = require(session, actor, "annotate").username
        if not note.strip():
            raise InputError("annotate needs a note", "give the note's text")
        found = incident(session, key)
        if attribute is not None:
            attribute = _attribute(attribute)
        entry = append_entry(
            session,
            author=author,
            action="annotate",
            subject=f"incident:{found.key}",
            attribute=attribute,
            before=None,
            after={"note": note.strip()},
            rationale="",
            at=now,
        )
        return {"entry": entry.id, "incident": found.key, "note": note.strip()}


def merge(
    store: Store,
    actor: str | None,
    keys: Sequence[str],
    rationale: str | None,
    clock: Clock = utc_now,
) -> decisions.DecisionResult:
    with store.session() as session:
        now = clock()
        author = require(session, actor, "merge").username
        why = _rationale(rationale, "merge")
        result = decisions.merge_in(session, keys, author, why, now)
        _log_decision(
            session, author, "merge", keys[0], {"incidents": list(keys)}, result, why, now
        )
        return result


def split(
    store: Store,
    actor: str | None,
    key: str,
    mention_ids: Sequence[int],
    rationale: str | None,
    clock: Clock = utc_now,
) -> decisions.DecisionResult:
    with store.session() as session:
        now = clock()
        author = require(session, actor, "split").username
        why = _rationale(rationale, "split")
        result = decisions.split_in(session, key, mention_ids, author, why, now)
        before = {"incident": key, "mentions": list(mention_ids)}
        _log_decision(session, author, "split", key, before, result, why, now)
        return result


def move(
    store: Store,
    actor: str | None,
    mention_id: int,
    target: str,
    rationale: str | None,
    clock: Clock = utc_now,
) -> decisions.DecisionResult:
    with store.session() as session:
        now = clock()
        author = require(session, actor, "move").username
        why = _rationale(rationale, "move")
        result = decisions.move_in(session, mention_id, target, author, why, now)
        before = {"mention": mention_id, "from": result.incidents[0] if result.incidents else None}
        _log_decision(session, author, "move", target, before, result, why, now)
        return result


def _log_decision(
    session: Session,
    author: str,
    action: str,
    key: str,
    before: dict[str, Any],
    result: decisions.DecisionResult,
    rationale: str,
    now: Any,
) -> None:
    append_entry(
        session,
        author=author,
        action=action,
        subject=f"incident:{key}",
        before=before,
        after={"decision": result.decision_id, "incidents": list(result.incidents)},
        rationale=rationale,
        at=now,
    )


def mark_affiliation(
    store: Store,
    actor: str | None,
    source_name: str,
    affiliation: str,
    rationale: str | None,
    clock: Clock = utc_now,
) -> dict[str, Any]:
    """Record that a source belongs to a government or owner ('' clears it); sources sharing
    an affiliation count as one origin from the next `cotejo assess` on."""
    with store.session() as session:
        now = clock()
        author = require(session, actor, "mark-affiliation").username
        why = _rationale(rationale, "mark-affiliation")
        source = session.execute(
            select(m.Source).where(func.lower(m.Source.name) == source_name.strip().lower())
        ).scalar()
        if source is None:
            raise NotFound(
                f"no source {source_name!r}", "source names are listed by `cotejo show KEY`"
            )
        before = source.affiliation
        source.affiliation = affiliation.strip() or None
        entry = append_entry(
            session,
            author=author,
            action="mark-affiliation",
            subject=f"source:{source.name}",
            before={"affiliation": before},
            after={"affiliation": source.affiliation},
            rationale=why,
            at=now,
        )
        return {"entry": entry.id, "source": source.name, "affiliation": source.affiliation}
