"""The FastAPI application: the API over one store, and the web UI it serves.

`create_app(settings)` opens the store named by the settings (tests pass a temp home); the
routers are listed once in `ROUTERS`. Every /api route but signing in checks read access
through `cotejo.api.auth`, and every write the role its action needs; every response carries
a strict Content-Security-Policy, since pages show text taken from untrusted sources.
"""

from __future__ import annotations

import gc
import logging
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, Depends, FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from cotejo import __version__
from cotejo.api import errors
from cotejo.api.auth import Authenticator, StoreAccounts, require_reader
from cotejo.api.routes import (
    account,
    documents,
    exports,
    incidents,
    review,
    runs,
    search,
    status,
)
from cotejo.api.throttle import LoginThrottle
from cotejo.config import Settings
from cotejo.store import search as fts
from cotejo.store.db import Store
from cotejo.web import pages

log = logging.getLogger(__name__)

# The API's routers in one visible list; each module holds one resource. `account` (sign in,
# who am I, tokens, users) is open on a private deployment too: one has to be able to sign in.
ROUTERS: tuple[APIRouter, ...] = (
    status.router,
    incidents.router,
    review.router,
    documents.router,
    search.router,
    exports.router,
    runs.router,
    account.router,
)
OPEN_ROUTERS = (account.router,)

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
    shutdown). `authenticator` decides who a request is: by default the store's users, with
    their sessions and API tokens (`StoreAccounts`)."""
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
        summary="Incidents cross-checked across sources: API, review, exports and web UI",
        description=(
            "Every error is JSON: `{status, message, hint}`, where `hint` says what to fix. "
            "Lists page with stable keyset cursors: pass `next_cursor` back as `cursor`. "
            "Text from sources is untrusted: escape it wherever you show it. "
            "Writes need a user with the role: scripts send `Authorization: Bearer TOKEN` "
            "(`cotejo users token NAME`); a browser signs in with `POST /api/login` (an "
            "HttpOnly session cookie) and sends the `csrf_token` it gets as `X-CSRF-Token`. "
            "Without a user a write answers 401, below the role 403, and changes nothing."
        ),
        lifespan=lifespan,
        docs_url=None,  # Swagger UI loads scripts from a CDN; /openapi.json is the spec
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.store = opened
    app.state.authenticator = authenticator or StoreAccounts(opened)
    app.state.secret_key = secret_key(settings)
    app.state.login_throttle = LoginThrottle()
    errors.install(app)
    for router in ROUTERS:
        opened_to = [] if router in OPEN_ROUTERS else [Depends(require_reader)]
        app.include_router(router, dependencies=opened_to)
    pages.mount(app)
    app.add_middleware(SecurityHeaders)
    return app


def secret_key(settings: Settings) -> bytes:
    """The key that signs CSRF tokens: COTEJO_SECRET_KEY, else a throwaway one (browsers then
    fetch a new CSRF token after a restart; `cotejo serve` shares one among its workers)."""
    if settings.secret_key:
        return settings.secret_key.encode("utf-8")
    log.warning(
        "COTEJO_SECRET_KEY is not set: using a throwaway key for this process; set it so "
        "that several server processes agree"
    )
    return secrets.token_bytes(32)


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
