"""Signing in and out, who is asking, API tokens, and users (admins).

These routes are open on a private deployment too (one has to be able to sign in); each
checks what it needs itself. Every change calls `cotejo.review.service` or
`cotejo.review.accounts`, which check the acting user's role again before writing.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from pydantic import BaseModel, Field

from cotejo.api.auth import (
    SESSION_COOKIE,
    CurrentUser,
    User,
    csrf_token,
    require_role,
    require_user,
    signed_in,
)
from cotejo.api.routes.common import store_of
from cotejo.errors import AccessDenied, InputError, NotSignedIn
from cotejo.review import accounts, service

router = APIRouter(prefix="/api", tags=["account"])

UserName = Annotated[str, Path(max_length=100, description="a user name")]
ROLES_TEXT = "viewer, analyst, reviewer or admin"


class Login(BaseModel):
    username: str = Field(max_length=100)
    password: str = Field(max_length=accounts.MAX_PASSWORD)


class NewUser(BaseModel):
    username: str = Field(max_length=100)
    role: str = Field(max_length=20, description=ROLES_TEXT)


class RoleChange(BaseModel):
    role: str = Field(max_length=20, description=ROLES_TEXT)


class PasswordChange(BaseModel):
    password: str = Field(max_length=accounts.MAX_PASSWORD, description="the new password")
    current_password: str | None = Field(
        default=None,
        max_length=accounts.MAX_PASSWORD,
        description="your present password (needed to change your own)",
    )


class NewToken(BaseModel):
    label: str = Field(default="", max_length=100, description="what the token is for")
    days: int | None = Field(default=None, ge=1, le=3650, description="expiry; none: never")
    user: str | None = Field(
        default=None, max_length=100, description="whose token (admins); default: yours"
    )


def _me(request: Request, name: str, role: str, via: str, session: str | None) -> dict[str, Any]:
    found = {"name": name, "role": role, "roles": sorted(accounts.roles_up_to(role)), "via": via}
    if session is not None:
        found["csrf_token"] = csrf_token(request.app.state.secret_key, session)
    return found


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


@router.post("/login", summary="Sign in with a user name and password (sets a session cookie)")
def login(request: Request, response: Response, body: Login) -> dict[str, Any]:
    throttle = request.app.state.login_throttle
    client = _client(request)
    throttle.check(client)
    try:
        signed = accounts.login(store_of(request), body.username.strip(), body.password)
    except NotSignedIn:
        throttle.failed(client)
        raise
    response.set_cookie(
        SESSION_COOKIE,
        signed.token,
        max_age=accounts.SESSION_HOURS * 3600,
        path="/",
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )
    found = _me(request, signed.username, signed.role, "session", signed.token)
    return {**found, "expires_at": signed.expires_at.isoformat()}


@router.post("/logout", summary="Sign out: end this browser's session")
def logout(request: Request, response: Response, user: CurrentUser) -> dict[str, Any]:
    ended = False
    if user is not None and user.via == "session":
        signed_in(request, user, "signing out needs a signed-in user")  # checks the CSRF token
        ended = accounts.logout(store_of(request), user.session or "")
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="strict")
    return {"signed_out": ended}


@router.get("/me", summary="Who the request is signed in as (null: anonymous), and its CSRF token")
def get_me(request: Request, user: CurrentUser) -> dict[str, Any] | None:
    if user is None:
        return None
    return _me(request, user.name, user.role, user.via, user.session)


# -- users (admins) ------------------------------------------------------------------------------

Admin = Annotated[User, Depends(require_role("admin"))]
Anyone = Annotated[User, Depends(require_user("this"))]


@router.get("/users", summary="Every user, their role and whether a password is set (admin)")
def list_users(request: Request, user: Admin) -> list[dict[str, Any]]:
    return service.list_users(store_of(request))


@router.post("/users", summary="Add a user with a role (admin)", status_code=201)
def add_user(request: Request, user: Admin, body: NewUser) -> dict[str, Any]:
    return service.add_user(store_of(request), user.name, body.username, body.role)


@router.post("/users/{name}/role", summary="Change a user's role (admin)")
def set_role(request: Request, user: Admin, name: UserName, body: RoleChange) -> dict[str, Any]:
    return service.set_role(store_of(request), user.name, name, body.role)


@router.post(
    "/users/{name}/password",
    summary="Set a password: your own (with the current one), or anyone's (admin)",
)
def set_password(
    request: Request, user: Anyone, name: UserName, body: PasswordChange
) -> dict[str, Any]:
    own = name == user.name
    if own and body.current_password is None:
        raise InputError(
            "changing your own password needs your current one", "send current_password too"
        )
    if not own and "admin" not in user.roles:
        raise AccessDenied(
            f"{user.name} may not set another user's password", "only an admin may do that"
        )
    return accounts.set_password(
        store_of(request), user.name, name, body.password, body.current_password if own else None
    )


# -- API tokens ----------------------------------------------------------------------------------


@router.get("/tokens", summary="Your API tokens (admins: anyone's with ?user=, or all)")
def list_tokens(
    request: Request,
    user: Anyone,
    of: Annotated[str | None, Query(alias="user", max_length=100)] = None,
) -> list[dict[str, Any]]:
    if of is None and "admin" not in user.roles:
        of = user.name
    return accounts.list_tokens(store_of(request), user.name, of)


@router.post(
    "/tokens",
    summary="Make an API token; the answer's `token` is shown this once",
    status_code=201,
)
def create_token(request: Request, user: Anyone, body: NewToken) -> dict[str, Any]:
    if user.via != "session":
        raise AccessDenied(
            "an API token cannot make more tokens",
            "sign in with a password, or use `cotejo users token NAME`",
        )
    return accounts.create_token(
        store_of(request), user.name, body.user or user.name, body.label, body.days
    )


@router.delete("/tokens/{token_id}", summary="Revoke an API token (yours; admins: any)")
def revoke_token(
    request: Request, user: Anyone, token_id: Annotated[int, Path(ge=1)]
) -> dict[str, Any]:
    return accounts.revoke_token(store_of(request), user.name, token_id)
