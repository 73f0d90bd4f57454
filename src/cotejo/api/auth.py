"""Who is asking, and may they: sign-in sessions, API tokens and roles.

Every route depends on `current_user`, which asks the app's `Authenticator`. The real one,
`StoreAccounts`, reads the store's users (issue 5's roles, `cotejo.review.accounts` for
passwords and tokens):

- `Authorization: Bearer cotejo_...` is an API token, for scripts. A token that is wrong,
  revoked or expired answers 401: bad credentials are never silently anonymous.
- The `cotejo_session` cookie (HttpOnly, SameSite=Strict) is a browser signed in with
  `POST /api/login`. An unknown or expired session is anonymous (the browser shows "sign
  in"). Writes from a session also need the `X-CSRF-Token` header: an HMAC of the session id
  under the deployment's secret key, given by `POST /api/login` and `GET /api/me`.

Reads follow `COTEJO_READ_ACCESS` (`require_reader`); writes depend on `require_action`,
which answers 401 without a user and 403 without the role the action needs (the service
layer checks the same role again before it writes).
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Annotated, Protocol

from fastapi import Depends, Request

from cotejo.clock import Clock, utc_now
from cotejo.errors import AccessDenied, NotSignedIn
from cotejo.review.accounts import roles_up_to, session_user, token_user
from cotejo.review.roles import REQUIRED
from cotejo.store.db import Store

SESSION_COOKIE = "cotejo_session"
CSRF_HEADER = "X-CSRF-Token"
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")  # reads: no CSRF token needed


@dataclass(frozen=True)
class User:
    name: str
    roles: frozenset[str] = field(default_factory=frozenset)
    role: str = "viewer"  # the user's own role; `roles` is it and every role below it
    via: str = "session"  # session (signed in with a password) | token (API token)
    session: str | None = field(default=None, repr=False)  # the session id, for CSRF tokens


class Authenticator(Protocol):
    def authenticate(self, request: Request) -> User | None:
        """The user the request proves to be, or None for an anonymous request. Raises
        NotSignedIn for credentials that are present but wrong (a bad token is never
        silently anonymous)."""


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization")
    if header is None:
        return None
    scheme, _, token = header.strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise NotSignedIn(
            "the Authorization header is not 'Bearer TOKEN'",
            "send 'Authorization: Bearer cotejo_...' with a token from `cotejo users token NAME`",
        )
    return token.strip()


class StoreAccounts:
    """Users, sessions and API tokens of the store. Costs nothing on an anonymous request;
    one indexed lookup on a request with credentials."""

    def __init__(self, store: Store, clock: Clock = utc_now) -> None:
        self.store = store
        self.clock = clock

    def authenticate(self, request: Request) -> User | None:
        token = bearer_token(request)
        if token is not None:
            with self.store.read_session() as session:
                found = token_user(session, token, self.clock())
            if found is None:
                raise NotSignedIn(
                    "that API token is not valid (wrong, revoked or expired)",
                    "make a new one with `cotejo users token NAME` or POST /api/tokens",
                )
            return User(found[0], roles_up_to(found[1]), found[1], via="token")
        cookie = request.cookies.get(SESSION_COOKIE)
        if not cookie or len(cookie) > 200:
            return None
        with self.store.read_session() as session:
            found = session_user(session, cookie, self.clock())
        if found is None:
            return None
        return User(found[0], roles_up_to(found[1]), found[1], via="session", session=cookie)


def csrf_token(secret: bytes, session: str) -> str:
    return hmac.new(secret, b"csrf:" + session.encode(), hashlib.sha256).hexdigest()


async def current_user(request: Request) -> User | None:
    return request.app.state.authenticator.authenticate(request)


CurrentUser = Annotated[User | None, Depends(current_user)]


async def require_reader(request: Request, user: CurrentUser) -> User | None:
    """Reads: anyone on a public deployment; a signed-in user on a private one."""
    if user is None and request.app.state.settings.read_access == "private":
        raise NotSignedIn(
            "reads on this deployment are private",
            "sign in, or send 'Authorization: Bearer TOKEN' with an API token",
        )
    return user


def signed_in(request: Request, user: User | None, needs: str) -> User:
    """The user, with a checked CSRF token when a write rides on a browser session."""
    if user is None:
        raise NotSignedIn(
            needs,
            "sign in (POST /api/login) or send 'Authorization: Bearer TOKEN'",
        )
    if user.via == "session" and request.method not in SAFE_METHODS:
        sent = request.headers.get(CSRF_HEADER, "")
        expected = csrf_token(request.app.state.secret_key, user.session or "")
        if not hmac.compare_digest(sent.encode(), expected.encode()):
            raise AccessDenied(
                f"a write from a signed-in browser needs the {CSRF_HEADER} header",
                f"send the csrf_token that POST /api/login and GET /api/me give as {CSRF_HEADER}",
            )
    return user


def require_user(what: str = "this") -> Callable[..., User]:
    """A dependency: any signed-in user (with the CSRF check for browser sessions)."""

    async def check(request: Request, user: CurrentUser) -> User:
        return signed_in(request, user, f"{what} needs a signed-in user")

    return check


def require_role(role: str) -> Callable[..., User]:
    """A dependency for write routes: 401 without a user, 403 without the role."""

    async def check(request: Request, user: CurrentUser) -> User:
        signed = signed_in(request, user, f"this needs a signed-in user with the {role} role")
        if role not in signed.roles:
            raise AccessDenied(
                f"{signed.name} does not have the {role} role",
                "ask an administrator for the role, or leave this to someone who has it",
            )
        return signed

    return check


def require_action(action: str) -> Callable[..., User]:
    """The role `action` needs (`cotejo.review.roles.REQUIRED`), as a dependency."""
    return require_role(REQUIRED[action].label)
