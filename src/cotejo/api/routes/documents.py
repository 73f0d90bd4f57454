"""Documents: pages, one document with its provenance and spans, and the archived bytes.

The archived original is only ever sent as a download (`application/octet-stream`,
`Content-Disposition: attachment`, `nosniff`, a sandboxing CSP): a page someone archived
must never run in cotejo's origin.
"""

from __future__ import annotations

import base64
from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import FileResponse

from cotejo.api.routes.common import (
    CursorParam,
    LanguageParam,
    LimitParam,
    SourceKindParam,
    reading,
    store_of,
)
from cotejo.archive.blobs import BlobStore, is_sha256
from cotejo.errors import InputError, StoreError
from cotejo.query import LANGUAGES, decode_cursor, parse_choices
from cotejo.store import browse
from cotejo.views import DocumentDetail, DocumentPage

router = APIRouter(prefix="/api", tags=["documents"])

Sha = Annotated[str, Path(description="SHA-256 of the archived bytes (64 hex digits)")]
EXTENSIONS = {
    "text/html": "html",
    "text/plain": "txt",
    "text/markdown": "md",
    "application/json": "json",
    "application/jsonl": "jsonl",
    "application/x-ndjson": "jsonl",
    "application/rss+xml": "xml",
    "application/atom+xml": "xml",
    "application/xml": "xml",
    "application/warc": "warc",
    "application/gzip": "gz",
}


def _sha(value: str) -> str:
    if not is_sha256(value):
        raise InputError(
            f"{value[:80]!r} is not a document id",
            "a document id is its SHA-256: 64 lowercase hex digits",
        )
    return value


@router.get("/documents", summary="Archived documents, in keyset pages")
def list_documents(
    request: Request,
    language: LanguageParam = None,
    source_kind: SourceKindParam = None,
    limit: LimitParam = 50,
    cursor: CursorParam = None,
) -> DocumentPage:
    from cotejo.ingest.document import SourceKind

    languages = parse_choices("language", language, LANGUAGES)
    kinds = parse_choices("source_kind", source_kind, tuple(SourceKind))
    scope = f"documents|{','.join(languages)}|{','.join(kinds)}"
    after = decode_cursor(cursor, scope)
    with reading(request) as session:
        items, last = browse.document_page(session, limit, after, languages, kinds)
    return DocumentPage(items=items, next_cursor=last.encode(scope) if last else None, limit=limit)


@router.get("/documents/{sha256}", summary="One document: text, provenance, spans, reprints")
def get_document(request: Request, sha256: Sha) -> DocumentDetail:
    with reading(request) as session:
        return browse.document_detail(session, _sha(sha256))


def _download(request: Request, sha256: str) -> FileResponse:
    sha256 = _sha(sha256)
    with reading(request) as session:
        media_type = browse.blob_media_type(session, sha256)
    path = BlobStore(store_of(request).settings.archive_dir).path_for(sha256)
    if not path.is_file():
        raise StoreError(
            f"the archived file {sha256} is recorded but missing from the archive",
            "run `cotejo verify` to see what else is affected",
        )
    base = (media_type or "").split(";")[0].strip().lower()
    name = f"{sha256}.{EXTENSIONS.get(base, 'bin')}"
    digest = base64.b64encode(bytes.fromhex(sha256)).decode()
    return FileResponse(
        path,
        media_type="application/octet-stream",
        headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "X-Content-Type-Options": "nosniff",
            "Content-Security-Policy": "sandbox; default-src 'none'",
            "X-Cotejo-Media-Type": base or "unknown",
            "Repr-Digest": f"sha-256=:{digest}:",
            "Cache-Control": "private, max-age=31536000, immutable",
            "ETag": f'"{sha256}"',
        },
    )


@router.get(
    "/documents/{sha256}/original",
    summary="The document's original archived bytes, as a download",
    response_class=FileResponse,
)
def download_original(request: Request, sha256: Sha) -> FileResponse:
    return _download(request, sha256)


@router.get(
    "/archive/{sha256}",
    summary="Any archived file (e.g. a capture's container: the feed, WARC or export)",
    response_class=FileResponse,
)
def download_archived(request: Request, sha256: Sha) -> FileResponse:
    return _download(request, sha256)
