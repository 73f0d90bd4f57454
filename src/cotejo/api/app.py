"""The FastAPI application: the read API over one store, and the web UI it serves.

`create_app(settings)` opens the store named by the settings (tests pass a temp home); the
routers are listed once in `ROUTERS`. Every /api route checks read access through
`cotejo.api.auth`; every response carries a strict Content-Security-Policy, since pages
show text taken from untrusted sources.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, Depends, FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from cotejo import __version__
from cotejo.api import errors
from cotejo.api.auth import Authenticator, NoUsers, require_reader
from cotejo.api.routes import documents, exports, incidents, search, status
from cotejo.config import Settings
from cotejo.store import search as fts
from cotejo.store.db import Store
from cotejo.web import pages

log = logging.getLogger(__name__)

# The API's routers in one visible list; each module holds one resource.
ROUTERS: tuple[APIRouter, ...] = (
    status.router,
    incidents.router,
    documents.router,
    search.router,
    exports.router,
)

# No inline script or style anywhere, no frames, no plugins, nothing from another origin.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'; object-src 'none'"
)
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def create_app(
    settings: Settings,
    store: Store | None = None,
    authenticator: Authenticator | None = None,
) -> FastAPI:
    """The app over `store` (else the store of `settings`, opened here and closed at
    shutdown). `authenticator` decides who a request is: `NoUsers` until accounts exist."""
    owned = store is None
    opened = store or Store(settings, create=False)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        if owned:
            opened.close()

    app = FastAPI(
        title="cotejo",
        version=__version__,
        summary="Incidents cross-checked across sources: read API, exports and web UI",
        description=(
            "Every error is JSON: `{status, message, hint}`, where `hint` says what to fix. "
            "Lists page with stable keyset cursors: pass `next_cursor` back as `cursor`. "
            "Text from sources is untrusted: escape it wherever you show it."
        ),
        lifespan=lifespan,
        docs_url=None,  # Swagger UI loads scripts from a CDN; /openapi.json is the spec
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.store = opened
    app.state.authenticator = authenticator or NoUsers()
    errors.install(app)
    for router in ROUTERS:
        app.include_router(router, dependencies=[Depends(require_reader)])
    pages.mount(app)
    app.add_middleware(SecurityHeaders)
    return app


class SecurityHeaders:
    """Adds the CSP and the other security headers to every response that lacks them. Plain
    ASGI: Starlette's BaseHTTPMiddleware cost more per request than the incident query."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.headers = [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
        self.headers.append((b"content-security-policy", CSP.encode()))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in self.headers if k not in present]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, with_headers)


def check_search_index(store: Store) -> str | None:
    """Rebuild the full-text index if it is out of step with the documents; say so."""
    with store.read_session() as session:
        state = fts.check(session)
    if state is None or state.ok:
        return None
    with store.session() as session:
        fts.rebuild(session)
    return (
        f"rebuilt the full-text index ({state.indexed} of {state.documents} documents were "
        f"indexed, {state.triggers} of {len(fts.TRIGGERS)} triggers in place)"
    )


def app_from_environment() -> FastAPI:
    """The app over the store COTEJO_HOME names: what `cotejo serve` runs in each worker."""
    from cotejo.config import resolve_settings

    app = create_app(resolve_settings())
    # What is loaded by now lives as long as the worker: keep it out of the collector's full
    # passes, each of which walked ~130,000 objects for 40 ms while every request waited.
    gc.freeze()
    return app
