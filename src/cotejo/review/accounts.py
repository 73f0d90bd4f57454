"""Signing in: passwords (argon2id hashes), API tokens for scripts, browser sessions.

Only hashes are stored: argon2id for passwords, SHA-256 for tokens and session ids (both
are 256-bit random values, so a fast hash is enough). A token is shown once, when it is
made. Failed sign-ins slow the account down: after `FREE_FAILURES` in a row each further
one locks it for twice as long as the last, up to `MAX_LOCK`. Setting a password, making or
revoking a token are entries of the audit log (never the secret itself).

Who may do what: anyone on their own account; an admin on anyone's. Roles are checked here,
as in `cotejo.review.service`, so the CLI and the API apply the same rules.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from cotejo.clock import Clock, utc_now
from cotejo.errors import AccessDenied, InputError, NotFound, NotSignedIn, TooManyAttempts
from cotejo.review.audit import append_entry
from cotejo.review.roles import Role
from cotejo.store import models as m
from cotejo.store.db import Store

MIN_PASSWORD = 10
MAX_PASSWORD = 1024  # argon2 takes any length; this bounds the work one request can ask for
SESSION_HOURS = 12
FREE_FAILURES = 5
MAX_LOCK = timedelta(minutes=15)
TOKEN_PREFIX = "cotejo_"
MAX_TOKEN_DAYS = 3650


@cache
def _hasher() -> PasswordHasher:
    # argon2-cffi's defaults: argon2id, RFC 9106's low-memory profile (64 MiB, 3 passes).
    return PasswordHasher()


@cache
def _decoy_hash() -> str:
    """A hash to verify against when the user does not exist, so that a wrong name takes as
    long to refuse as a wrong password."""
    return _hasher().hash(secrets.token_urlsafe(16))


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def roles_up_to(role: str) -> frozenset[str]:
    """Every role a user of `role` holds: a role includes the rights of those below it."""
    top = Role.parse(role)
    return frozenset(r.label for r in Role if r <= top)


def find_user(session: Session, username: str) -> m.User:
    """The user called `username`, else NotFound with a hint."""
    found = session.execute(select(m.User).where(m.User.username == username)).scalar()
    if found is None:
        raise NotFound(f"no user {username!r}", "list users with `cotejo users list`")
    return found


def _self_or_admin(session: Session, actor: str | None, username: str, what: str) -> str:
    """The acting user's name if they act on their own account or are an admin."""
    if not actor:
        raise AccessDenied(
            f"{what} needs to know who acts; none was given",
            "pass --as NAME (or set COTEJO_USER), or sign in",
        )
    acting = session.execute(select(m.User).where(m.User.username == actor)).scalar()
    if acting is None:
        raise AccessDenied(
            f"no user {actor!r}", "an admin adds users with `cotejo users add NAME --role ROLE`"
        )
    if acting.username != username and Role.parse(acting.role) < Role.ADMIN:
        raise AccessDenied(
            f"{actor} is {acting.role}; {what} for another user needs admin",
            "change only your own account, or ask an admin",
        )
    return acting.username


def check_password_rules(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise InputError(
            f"the password has {len(password)} characters; it needs {MIN_PASSWORD} or more",
            "choose a longer one: a few unrelated words make a long password easy to type",
        )
    if len(password) > MAX_PASSWORD:
        raise InputError(
            f"the password is longer than {MAX_PASSWORD} characters", "choose a shorter one"
        )


# -- passwords -----------------------------------------------------------------------------------


def set_password(
    store: Store,
    actor: str | None,
    username: str,
    password: str,
    current: str | None = None,
    clock: Clock = utc_now,
) -> dict[str, Any]:
    """Set a user's password (their own, or anyone's for an admin). `current`, when given,
    must be the present password. Every browser session of the user ends."""
    check_password_rules(password)
    hashed = _hasher().hash(password)
    with store.session() as session:
        now = clock()
        author = _self_or_admin(session, actor, username, "setting a password")
        user = find_user(session, username)
        if current is not None and not _verify(user.password_hash, current):
            raise AccessDenied("the current password is wrong", "give your present password")
        had = user.password_hash is not None
        user.password_hash = hashed
        user.password_set_at = now
        user.failed_logins = 0
        user.locked_until = None
        ended = _end_sessions(session, user.id, now)
        append_entry(
            session,
            author=author,
            action="set-password",
            subject=f"user:{username}",
            before={"password": "set" if had else None},
            after={"password": "set", "sessions_ended": ended},
            rationale="",
            at=now,
        )
    return {"username": username, "password": "set", "sessions_ended": ended}


def _verify(hashed: str | None, password: str) -> bool:
    try:
        return _hasher().verify(hashed or _decoy_hash(), password) and hashed is not None
    except (VerificationError, InvalidHashError):
        return False


def _end_sessions(session: Session, user_id: int, now: datetime) -> int:
    result = session.execute(
        update(m.LoginSession)
        .where(m.LoginSession.user_id == user_id, m.LoginSession.ended_at.is_(None))
        .values(ended_at=now)
    )
    return int(getattr(result, "rowcount", 0) or 0)


# -- sessions ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SignedIn:
    username: str
    role: str
    token: str  # the session id for the cookie; only its SHA-256 is stored
    expires_at: datetime


def _lock_for(failures: int) -> timedelta:
    if failures < FREE_FAILURES:
        return timedelta(0)
    return min(timedelta(seconds=2 ** (failures - FREE_FAILURES)), MAX_LOCK)


def _wait(locked_until: datetime, now: datetime) -> int:
    return max(1, int((locked_until - now).total_seconds() + 0.999))


def login(store: Store, username: str, password: str, clock: Clock = utc_now) -> SignedIn:
    """Check a user name and password; on success open a session. The same message answers
    an unknown user, a user without a password and a wrong password."""
    wrong = NotSignedIn(
        "wrong user name or password",
        "check both; an admin sets passwords with `cotejo users password NAME`",
    )
    if len(password) > MAX_PASSWORD:
        raise wrong
    with store.session() as session:
        now = clock()
        user = session.execute(select(m.User).where(m.User.username == username)).scalar()
        if user is not None and user.locked_until is not None and user.locked_until > now:
            wait = _wait(user.locked_until, now)
            raise TooManyAttempts(
                f"too many failed sign-ins for {username}; try again in {wait} s",
                "wait, and check the password; an admin can set a new one",
                retry_after=wait,
            )
        ok = _verify(user.password_hash if user else None, password)
        if user is None:
            raise wrong
        if not ok:
            user.failed_logins += 1
            lock = _lock_for(user.failed_logins)
            user.locked_until = now + lock if lock else None
            failed = True
        else:
            failed = False
            user.failed_logins = 0
            user.locked_until = None
            if _hasher().check_needs_rehash(user.password_hash or ""):
                user.password_hash = _hasher().hash(password)
            token = secrets.token_urlsafe(32)
            expires = now + timedelta(hours=SESSION_HOURS)
            # Sessions that ended or expired are of no further use: drop the user's old ones.
            session.execute(
                m.LoginSession.__table__.delete().where(
                    m.LoginSession.user_id == user.id,
                    (m.LoginSession.ended_at.is_not(None)) | (m.LoginSession.expires_at <= now),
                )
            )
            session.add(
                m.LoginSession(
                    user_id=user.id, token_sha256=digest(token), created_at=now, expires_at=expires
                )
            )
            signed = SignedIn(user.username, user.role, token, expires)
    if failed:  # the failure count is committed above; now refuse
        raise wrong
    return signed


def logout(store: Store, token: str, clock: Clock = utc_now) -> bool:
    with store.session() as session:
        result = session.execute(
            update(m.LoginSession)
            .where(m.LoginSession.token_sha256 == digest(token), m.LoginSession.ended_at.is_(None))
            .values(ended_at=clock())
        )
        return bool(getattr(result, "rowcount", 0))


def session_user(session: Session, token: str, now: datetime) -> tuple[str, str] | None:
    """(user name, role) of a live browser session, else None."""
    row = session.execute(
        select(m.User.username, m.User.role)
        .join(m.LoginSession, m.LoginSession.user_id == m.User.id)
        .where(
            m.LoginSession.token_sha256 == digest(token),
            m.LoginSession.ended_at.is_(None),
            m.LoginSession.expires_at > now,
        )
    ).first()
    return (row[0], row[1]) if row else None


# -- API tokens ----------------------------------------------------------------------------------


def token_user(session: Session, token: str, now: datetime) -> tuple[str, str] | None:
    """(user name, role) of a live API token, else None."""
    if not token.startswith(TOKEN_PREFIX):
        return None
    row = session.execute(
        select(m.User.username, m.User.role, m.ApiToken.expires_at)
        .join(m.ApiToken, m.ApiToken.user_id == m.User.id)
        .where(m.ApiToken.token_sha256 == digest(token), m.ApiToken.revoked_at.is_(None))
    ).first()
    if row is None or (row[2] is not None and row[2] <= now):
        return None
    return row[0], row[1]


def _token_view(row: m.ApiToken, username: str) -> dict[str, Any]:
    return {
        "id": row.id,
        "user": username,
        "label": row.label,
        "prefix": row.prefix,
        "created_at": row.created_at.isoformat(),
        "created_by": row.created_by,
        "expires_at": row.expires_at.isoformat() if row.expires_at else None,
        "revoked_at": row.revoked_at.isoformat() if row.revoked_at else None,
        "revoked_by": row.revoked_by,
    }


def create_token(
    store: Store,
    actor: str | None,
    username: str,
    label: str = "",
    days: int | None = None,
    clock: Clock = utc_now,
) -> dict[str, Any]:
    """Make an API token for a user. The result's `token` is the only copy there will be."""
    label = " ".join(label.split())[:100] or "script"
    if days is not None and not 1 <= days <= MAX_TOKEN_DAYS:
        raise InputError(f"days: {days} is out of range", f"give 1..{MAX_TOKEN_DAYS}, or none")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with store.session() as session:
        now = clock()
        author = _self_or_admin(session, actor, username, "making an API token")
        user = find_user(session, username)
        row = m.ApiToken(
            user_id=user.id,
            label=label,
            token_sha256=digest(token),
            prefix=token[: len(TOKEN_PREFIX) + 6],
            created_at=now,
            created_by=author,
            expires_at=now + timedelta(days=days) if days else None,
        )
        session.add(row)
        session.flush()
        append_entry(
            session,
            author=author,
            action="create-token",
            subject=f"user:{username}",
            before=None,
            after={"token": row.id, "label": label, "prefix": row.prefix},
            rationale="",
            at=now,
        )
        return {**_token_view(row, username), "token": token}


def revoke_token(
    store: Store, actor: str | None, token_id: int, clock: Clock = utc_now
) -> dict[str, Any]:
    with store.session() as session:
        now = clock()
        found = session.execute(
            select(m.ApiToken, m.User.username)
            .join(m.User, m.User.id == m.ApiToken.user_id)
            .where(m.ApiToken.id == token_id)
        ).first()
        if found is None:
            raise NotFound(f"no API token {token_id}", "list tokens with `cotejo users tokens`")
        row, username = found
        author = _self_or_admin(session, actor, username, "revoking an API token")
        if row.revoked_at is None:
            row.revoked_at = now
            row.revoked_by = author
            append_entry(
                session,
                author=author,
                action="revoke-token",
                subject=f"user:{username}",
                before={"token": row.id, "revoked": False},
                after={"token": row.id, "revoked": True},
                rationale="",
                at=now,
            )
        return _token_view(row, username)


def list_tokens(
    store: Store, actor: str | None, username: str | None = None
) -> list[dict[str, Any]]:
    """A user's tokens (never the secrets); every user's for an admin when `username` is None."""
    with store.session() as session:
        if username is None:
            who = actor or ""
            acting = session.execute(select(m.User).where(m.User.username == who)).scalar()
            if acting is None or Role.parse(acting.role) < Role.ADMIN:
                raise AccessDenied(
                    "listing every user's tokens needs admin", "name the user whose tokens to list"
                )
        else:
            _self_or_admin(session, actor, username, "listing API tokens")
        query = select(m.ApiToken, m.User.username).join(m.User, m.User.id == m.ApiToken.user_id)
        if username is not None:
            query = query.where(m.User.username == username)
        return [
            _token_view(row, name) for row, name in session.execute(query.order_by(m.ApiToken.id))
        ]
