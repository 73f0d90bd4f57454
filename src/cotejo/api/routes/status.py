"""What the store holds, the words the filters accept, and the sources."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from cotejo import __version__
from cotejo.api.routes.common import reading
from cotejo.extract.model import EventType
from cotejo.ingest.document import SourceKind
from cotejo.query import LANGUAGES, ORDERS
from cotejo.store import browse
from cotejo.store import search as fts
from cotejo.store.queries import status as store_status
from cotejo.views import SourceSummary

router = APIRouter(prefix="/api", tags=["status"])


@router.get("/status", summary="Counts of what the store holds, and the search index's state")
def get_status(request: Request) -> dict[str, Any]:
    with reading(request) as session:
        info = store_status(session)
        info["incidents"] = browse.incident_count(session)
        index = fts.check(session)
    info["search_index"] = (
        None
        if index is None
        else {"documents": index.documents, "indexed": index.indexed, "ok": index.ok}
    )
    info["version"] = __version__
    info["read_access"] = request.app.state.settings.read_access
    return info


@router.get("/vocabulary", summary="Values the filters accept, with ACLED's names for types")
def get_vocabulary() -> dict[str, Any]:
    return {
        "event_types": [
            {
                "value": t.value,
                "acled_event_type": acled.event_type if (acled := browse.acled_type(t)) else None,
                "acled_sub_event_type": acled.sub_event_type if acled else None,
            }
            for t in EventType
        ],
        "source_kinds": [k.value for k in SourceKind],
        "languages": list(LANGUAGES),
        "orders": list(ORDERS),
    }


@router.get("/sources", summary="Every source with its kind and document count")
def list_sources(request: Request) -> list[SourceSummary]:
    with reading(request) as session:
        return browse.sources(session)
