"""Roles and what each may do. A role includes every right of the roles below it."""

from __future__ import annotations

from enum import IntEnum


class Role(IntEnum):
    VIEWER = 1
    ANALYST = 2
    REVIEWER = 3
    ADMIN = 4

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Role:
        from cotejo.errors import InputError

        try:
            return cls[text.strip().upper()]
        except KeyError:
            raise InputError(
                f"unknown role {text!r}",
                "use one of: " + ", ".join(r.label for r in cls),
            ) from None


# The least role each action needs.
REQUIRED: dict[str, Role] = {
    "read": Role.VIEWER,
    "annotate": Role.ANALYST,
    "confirm": Role.ANALYST,
    "correct": Role.ANALYST,
    "merge": Role.ANALYST,
    "split": Role.ANALYST,
    "move": Role.ANALYST,
    "regrade": Role.REVIEWER,
    "mark-affiliation": Role.REVIEWER,
    "upload": Role.ANALYST,
    "run": Role.ANALYST,
    "verify": Role.REVIEWER,
    "rebuild": Role.ADMIN,
    "reindex": Role.ADMIN,
    "add-user": Role.ADMIN,
    "set-role": Role.ADMIN,
}
