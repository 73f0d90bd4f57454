"""Who is asking, and may they: the seam where login, API tokens and roles plug in.

Every route depends on `current_user`, which asks the app's `Authenticator`. Until the users
table of the review stage (issue 5) lands, the only authenticator is `NoUsers`: nobody signs
in, reads follow the deployment's `COTEJO_READ_ACCESS` (public: anyone; private: nobody until
accounts exist), and every write route (none yet) would answer 401. A password login
(argon2 hashes) and bearer API tokens will be Authenticators reading that table; write routes
will depend on `require_role("reviewer")` and the like.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Annotated, Protocol

from fastapi import Depends, Request

from cotejo.errors import AccessDenied, NotSignedIn


@dataclass(frozen=True)
class User:
    name: str
    roles: frozenset[str] = field(default_factory=frozenset)
    via: str = "session"  # session (logged in) | token (API token)


class Authenticator(Protocol):
    def authenticate(self, request: Request) -> User | None:
        """The user the request proves to be, or None for an anonymous request. Raises
        NotSignedIn for credentials that are present but wrong (a bad token is never
        silently anonymous)."""


class NoUsers:
    """No accounts exist yet: every request is anonymous; credentials sent are refused."""

    def authenticate(self, request: Request) -> User | None:
        if request.headers.get("authorization"):
            raise NotSignedIn(
                "this deployment has no accounts yet, so no token or login is accepted",
                "send the request without an Authorization header",
            )
        return None


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


def require_role(role: str) -> Callable[..., User]:
    """A dependency for write routes: 401 without a user, 403 without the role."""

    async def check(user: CurrentUser) -> User:
        if user is None:
            raise NotSignedIn(f"this needs a signed-in user with the {role} role", "sign in first")
        if role not in user.roles:
            raise AccessDenied(
                f"{user.name} does not have the {role} role",
                "ask an administrator for the role, or leave this to someone who has it",
            )
        return user

    return check
