"""Every error cotejo raises on purpose.

    CotejoError                 base; `hint` says what to do; `status` its HTTP status (500)
     ├── ConfigError            bad option or environment value
     ├── InputError             an input file, argument or value is not usable   (400)
     │    ├── NotFound          no such incident, user, source or document       (404)
     │    └── TooLarge          an upload over the size limit                    (413)
     ├── Busy                   another pipeline run is under way                (409)
     ├── AccessDenied           the acting user lacks the role for an action     (403)
     │    └── NotSignedIn       the request needs a signed-in user               (401)
     ├── TooManyAttempts        sign-ins refused for a while after failures      (429)
     ├── StoreError             the database or archive is missing or unusable   (503)
     └── IntegrityError         `verify` found a hash or chain mismatch

Errors about one item inside an input (a JSONL line, a feed entry) are not raised:
readers yield them as `ReadFailure` records so the good items around them are kept.
"""

from __future__ import annotations


class CotejoError(Exception):
    """Base class. `str(err)` is the message; `err.hint` says what to do about it."""

    exit_code = 1
    status = 500

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}\n  hint: {self.hint}" if self.hint else self.message


class ConfigError(CotejoError):
    exit_code = 2


class InputError(CotejoError):
    status = 400


class NotFound(InputError):
    status = 404


class TooLarge(InputError):
    """An upload over the size limit (COTEJO_MAX_BYTES)."""

    status = 413


class Busy(CotejoError):
    """Another pipeline run holds the store: try again when it is done."""

    status = 409


class AccessDenied(CotejoError):
    """The acting user is unknown or their role does not allow the action."""

    exit_code = 3
    status = 403


class NotSignedIn(AccessDenied):
    """No user, or credentials that do not check out, where the request needs one."""

    status = 401


class TooManyAttempts(CotejoError):
    """Too many failed sign-ins: refused without checking until `retry_after` seconds pass."""

    exit_code = 3
    status = 429

    def __init__(self, message: str, hint: str = "", retry_after: int = 1) -> None:
        super().__init__(message, hint)
        self.retry_after = retry_after


class StoreError(CotejoError):
    status = 503


class IntegrityError(CotejoError):
    pass
