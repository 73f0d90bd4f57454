"""Every error cotejo raises on purpose.

    CotejoError                 base; `hint` says what to do; `status` is its HTTP status
     ├── ConfigError            bad option or environment value
     ├── InputError             an input file (or part of it), or a request, cannot be read
     │    └── NotFound          no incident, document or file by that name
     ├── AccessError            the request needs a signed-in user (401) ...
     │    └── Forbidden         ... or a role the user does not have (403)
     ├── StoreError             the database or archive is missing or unusable
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


class AccessError(CotejoError):
    status = 401


class Forbidden(AccessError):
    status = 403


class StoreError(CotejoError):
    status = 503


class IntegrityError(CotejoError):
    pass
