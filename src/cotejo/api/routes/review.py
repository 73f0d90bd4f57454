"""Grades and review: an incident's claims table and history, the review queue, and every
review action (confirm, correct, regrade, annotate, merge, split, move, a source's
affiliation).

Each write depends on `require_action(ACTION)` (401 without a user, 403 without the role)
and then calls the same `cotejo.review.service` function as the CLI, which checks the role
again and writes the action and its audit entry in one transaction.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from pydantic import BaseModel, Field

from cotejo.api.auth import User, require_action
from cotejo.api.routes.common import store_of
from cotejo.query import MAX_LIMIT
from cotejo.review import service, views

router = APIRouter(prefix="/api", tags=["review"])

Key = Annotated[str, Path(max_length=60, description="incident key")]
Rationale = Annotated[str, Field(max_length=5000, description="why; kept in the audit log")]
ATTRIBUTES_TEXT = ", ".join(service.ATTRIBUTES)


# The acting user of each write: 401 without one, 403 below the role the action needs.
Confirmer = Annotated[User, Depends(require_action("confirm"))]
Corrector = Annotated[User, Depends(require_action("correct"))]
Annotator = Annotated[User, Depends(require_action("annotate"))]
Merger = Annotated[User, Depends(require_action("merge"))]
Splitter = Annotated[User, Depends(require_action("split"))]
Mover = Annotated[User, Depends(require_action("move"))]
Regrader = Annotated[User, Depends(require_action("regrade"))]
AffiliationMarker = Annotated[User, Depends(require_action("mark-affiliation"))]


# -- reads ---------------------------------------------------------------------------------------


@router.get(
    "/incidents/{key}/claims",
    summary="The claims table: per attribute the grade, explanation, each origin's values "
    "with their spans, people's decisions and open flags; official next to independent figures",
)
def get_claims(request: Request, key: Key) -> dict[str, Any]:
    return views.incident_view(store_of(request), key)


@router.get(
    "/incidents/{key}/history",
    summary="The audit trail of an incident, oldest first: resolve decisions, assessments, "
    "review actions (author, before, after, rationale, hashes) and flags",
)
def get_history(request: Request, key: Key) -> list[dict[str, Any]]:
    return views.history(store_of(request), key)


@router.get(
    "/review/queue",
    summary="The review queue: open flags (new evidence disagrees with a person's decision) "
    "and new incidents no one has reviewed yet",
)
def get_queue(
    request: Request,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="new incidents listed")] = 100,
) -> dict[str, Any]:
    store = store_of(request)
    return {"flags": views.review_queue(store), "new": views.new_incidents(store, limit)}


# -- writes --------------------------------------------------------------------------------------


class Confirm(BaseModel):
    attribute: str = Field(max_length=40, description=ATTRIBUTES_TEXT)
    value: str | None = Field(
        default=None, max_length=2000, description="default: the assessment's leading value"
    )
    rationale: Rationale


class Correct(BaseModel):
    attribute: str = Field(max_length=40, description=ATTRIBUTES_TEXT)
    value: str = Field(max_length=2000)
    document: str = Field(max_length=64, description="SHA-256 (6+ leading hex digits)")
    start: int = Field(ge=0, description="first character of the evidence span")
    end: int = Field(ge=0, description="one past its last character")
    field: str = Field(default="text", pattern="^(text|title)$")
    rationale: Rationale


class Regrade(BaseModel):
    attribute: str = Field(max_length=40, description=ATTRIBUTES_TEXT)
    grade: str = Field(max_length=20, description="corroborated, single-origin, contested, refuted")
    rationale: Rationale


class Annotate(BaseModel):
    note: str = Field(max_length=5000)
    attribute: str | None = Field(default=None, max_length=40)


class Merge(BaseModel):
    incidents: list[Annotated[str, Field(max_length=60)]] = Field(
        min_length=1, max_length=50, description="keys merged into the incident of the path"
    )
    rationale: Rationale


class Split(BaseModel):
    mentions: list[int] = Field(
        min_length=1, max_length=1000, description="mention ids moved out into a new incident"
    )
    rationale: Rationale


class Move(BaseModel):
    mention: int = Field(description="the mention moved into the incident of the path")
    rationale: Rationale


class Affiliation(BaseModel):
    affiliation: str = Field(max_length=300, description='a government or owner; "" clears it')
    rationale: Rationale


@router.post("/incidents/{key}/confirm", summary="Confirm a value the sources give (analyst)")
def confirm(request: Request, key: Key, body: Confirm, user: Confirmer) -> dict[str, Any]:
    return service.confirm(
        store_of(request), user.name, key, body.attribute, body.value, body.rationale
    )


@router.post(
    "/incidents/{key}/correct", summary="Set a value with the span that supports it (analyst)"
)
def correct(request: Request, key: Key, body: Correct, user: Corrector) -> dict[str, Any]:
    return service.correct(
        store_of(request),
        user.name,
        key,
        body.attribute,
        body.value,
        body.document,
        body.start,
        body.end,
        body.rationale,
        field=body.field,
    )


@router.post("/incidents/{key}/regrade", summary="Set an attribute's grade by hand (reviewer)")
def regrade(request: Request, key: Key, body: Regrade, user: Regrader) -> dict[str, Any]:
    return service.regrade(
        store_of(request), user.name, key, body.attribute, body.grade, body.rationale
    )


@router.post("/incidents/{key}/annotate", summary="Add a note to an incident (analyst)")
def annotate(request: Request, key: Key, body: Annotate, user: Annotator) -> dict[str, Any]:
    return service.annotate(store_of(request), user.name, key, body.note, body.attribute)


@router.post("/incidents/{key}/merge", summary="Merge other incidents into this one (analyst)")
def merge(request: Request, key: Key, body: Merge, user: Merger) -> dict[str, Any]:
    result = service.merge(store_of(request), user.name, [key, *body.incidents], body.rationale)
    return asdict(result)


@router.post("/incidents/{key}/split", summary="Split mentions out into a new incident (analyst)")
def split(request: Request, key: Key, body: Split, user: Splitter) -> dict[str, Any]:
    result = service.split(store_of(request), user.name, key, body.mentions, body.rationale)
    return asdict(result)


@router.post("/incidents/{key}/move", summary="Move one mention into this incident (analyst)")
def move(request: Request, key: Key, body: Move, user: Mover) -> dict[str, Any]:
    result = service.move(store_of(request), user.name, body.mention, key, body.rationale)
    return asdict(result)


@router.post(
    "/sources/{name:path}/affiliation",
    summary="Mark a source as belonging to a government or owner (reviewer)",
)
def affiliation(
    request: Request,
    name: Annotated[str, Path(max_length=300, description="the source's name")],
    body: Affiliation,
    user: AffiliationMarker,
) -> dict[str, Any]:
    return service.mark_affiliation(
        store_of(request), user.name, name, body.affiliation, body.rationale
    )
