"""The pipeline through the API: upload a file, then run extract, resolve and assess on it
(or all three at once), rebuild the search index, verify the archive.

Runs are synchronous: the answer is the run's summary, the same JSON as the CLI's `--json`.
One run at a time per home, shared with the CLI (409 while another is under way). For bulk work
(thousands of files) the CLI is faster: it extracts with several processes.
"""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from cotejo.api.auth import User, require_action
from cotejo.api.routes.common import store_of
from cotejo.errors import InputError
from cotejo.review import runs

router = APIRouter(prefix="/api", tags=["runs"])

Uploader = Annotated[User, Depends(require_action("upload"))]
Runner = Annotated[User, Depends(require_action("run"))]
Reindexer = Annotated[User, Depends(require_action("reindex"))]
Verifier = Annotated[User, Depends(require_action("verify"))]
# A rebuild needs more than the run role: the service layer checks that (403, nothing run).
Resolver = Runner


@cache
def _extractor() -> Any:
    """The extractor, loaded once per server process (its language models take seconds)."""
    from cotejo.extract.report import Extractor

    return Extractor()


@cache
def _embedder() -> Any:
    from cotejo.resolve.embed import UseEmbedder

    return UseEmbedder()


async def _body(request: Request, name: str, limit: int) -> bytes:
    """The request body, refused as soon as it passes `limit` bytes (never held whole)."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise runs.too_large(name, limit, declared)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise runs.too_large(name, limit)
        chunks.append(chunk)
    return b"".join(chunks)


UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "description": "the file's bytes, as they are (HTML, text, RSS/Atom, JSON Lines, "
        "a Telegram export's result.json, WARC)",
        "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
    }
}


@router.post(
    "/documents",
    status_code=201,
    summary="Upload one file into the archive and the store (analyst)",
    openapi_extra=UPLOAD_BODY,
)
async def upload(
    request: Request,
    user: Uploader,
    name: Annotated[
        str,
        Query(
            min_length=1,
            max_length=runs.MAX_NAME,
            description="the file's name; its extension helps tell the format",
        ),
    ],
) -> dict[str, Any]:
    """The body is the file. Its captures record it as `upload/USER/NAME`. Items that cannot
    be read are listed under `failures` with their place, and everything else is kept; if
    nothing at all could be stored, the answer is 400 with the first problem. Then run
    extract, resolve and assess (`POST /api/runs/update`) to grade what it reports."""
    store = store_of(request)
    safe = runs.upload_name(name)
    data = await _body(request, safe, store.settings.max_bytes)
    return await run_in_threadpool(runs.upload, store, user.name, safe, data)


class ExtractRun(BaseModel):
    limit: int | None = Field(
        default=None, ge=1, le=100_000, description="extract at most this many documents"
    )


class ResolveRun(BaseModel):
    rebuild: bool = Field(
        default=False,
        description="regroup every mention from scratch (admin); analysts' decisions are kept",
    )


class AssessRun(BaseModel):
    incidents: list[Annotated[str, Field(max_length=60)]] | None = Field(
        default=None, max_length=1000, description="keys to assess (default: every incident)"
    )


@router.post("/runs/extract", summary="Extract the documents not read yet (analyst)")
def run_extract(request: Request, user: Runner, body: ExtractRun | None = None) -> dict[str, Any]:
    limit = body.limit if body else None
    return runs.extract(store_of(request), user.name, limit=limit, extractor=_extractor())


@router.post(
    "/runs/resolve",
    summary="Place new mentions into incidents (analyst); regroup all with rebuild (admin)",
)
def run_resolve(request: Request, user: Resolver, body: ResolveRun | None = None) -> dict[str, Any]:
    rebuild = bool(body and body.rebuild)
    return runs.resolve(store_of(request), user.name, rebuild=rebuild, embedder=_embedder())


@router.post("/runs/assess", summary="Grade incidents whose evidence or rules changed (analyst)")
def run_assess(request: Request, user: Runner, body: AssessRun | None = None) -> dict[str, Any]:
    keys = body.incidents if body else None
    if keys is not None and not keys:
        raise InputError("incidents is an empty list", "leave it out to assess every incident")
    return runs.assess(store_of(request), user.name, keys=keys)


@router.post(
    "/runs/update",
    summary="Extract, resolve and assess in turn: what an upload needs to be graded (analyst)",
)
def run_update(request: Request, user: Runner) -> dict[str, Any]:
    store = store_of(request)
    return {
        "extract": runs.extract(store, user.name, extractor=_extractor()),
        "resolve": runs.resolve(store, user.name, embedder=_embedder()),
        "assess": runs.assess(store, user.name),
    }


@router.post("/runs/reindex", summary="Rebuild the full-text search index (admin)")
def run_reindex(request: Request, user: Reindexer) -> dict[str, Any]:
    return runs.reindex(store_of(request), user.name)


@router.get(
    "/verify",
    summary="Re-hash every archived file and check the audit and event hash chains (reviewer)",
)
def verify(request: Request, user: Verifier) -> dict[str, Any]:
    return runs.verify(store_of(request), user.name)
