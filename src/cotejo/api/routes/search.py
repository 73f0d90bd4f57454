"""Full-text search over documents (SQLite FTS5): every word must match; "quoted phrases"
match as phrases and a trailing * as a prefix; nothing else is syntax."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from cotejo.api.routes.common import CursorParam, LanguageParam, LimitParam, reading
from cotejo.errors import InputError
from cotejo.query import LANGUAGES, Cursor, decode_cursor, parse_choices
from cotejo.store import search as fts
from cotejo.views import SearchHit, SearchPage, SnippetPiece

router = APIRouter(prefix="/api", tags=["search"])


@router.get("/search", summary="Documents matching every word, best first, in keyset pages")
def search_documents(
    request: Request,
    q: Annotated[str, Query(max_length=500, description='words, "a phrase", or prefix*')],
    language: LanguageParam = None,
    limit: LimitParam = 20,
    cursor: CursorParam = None,
) -> SearchPage:
    if not fts.match_expression(q):
        raise InputError(
            "q: there are no words to search for", "give one or more words, e.g. q=Güiria"
        )
    languages = parse_choices("language", language, LANGUAGES)
    scope = f"search|{q}|{','.join(languages)}"
    after = decode_cursor(cursor, scope)
    if after is not None and not isinstance(after.value, int | float):
        raise InputError("cursor: it is not a search cursor", "drop cursor to start again")
    with reading(request) as session:
        hits = fts.search(
            session,
            q,
            limit + 1,
            (float(after.value), after.key) if after else None,  # type: ignore[arg-type]
            languages,
        )
    more = len(hits) > limit
    hits = hits[:limit]
    last = Cursor(hits[-1].score, hits[-1].sha256).encode(scope) if more and hits else None
    return SearchPage(
        query=q,
        items=[
            SearchHit(
                sha256=h.sha256,
                score=h.score,
                title=h.title,
                source=h.source,
                source_kind=h.source_kind,
                language=h.language,
                published_at=h.published_at,
                snippet=[SnippetPiece(text=t, hit=hit) for t, hit in h.snippet],
            )
            for h in hits
        ],
        next_cursor=last,
        limit=limit,
    )
