"""Failed sign-ins per client address, in this server process: a sliding window that turns
away an address guessing many names or passwords. Each account also slows itself down after
failures, across processes (`cotejo.review.accounts`); this covers names that do not exist.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

from cotejo.errors import TooManyAttempts


class LoginThrottle:
    def __init__(
        self,
        limit: int = 20,
        window: float = 600.0,
        clock: Callable[[], float] = time.monotonic,
        max_clients: int = 10_000,
    ) -> None:
        self.limit = limit
        self.window = window
        self.clock = clock
        self.max_clients = max_clients
        self.failures: dict[str, deque[float]] = {}

    def _recent(self, client: str) -> deque[float]:
        now = self.clock()
        seen = self.failures.get(client)
        if seen is None:
            return deque()
        while seen and seen[0] <= now - self.window:
            seen.popleft()
        if not seen:
            del self.failures[client]
        return seen

    def check(self, client: str) -> None:
        """Raise TooManyAttempts while `client` has `limit` failures within the window."""
        seen = self._recent(client)
        if len(seen) >= self.limit:
            wait = max(1, int(seen[0] + self.window - self.clock() + 0.999))
            raise TooManyAttempts(
                f"too many failed sign-ins from this address; try again in {wait} s",
                "wait, and check the user name and password",
                retry_after=wait,
            )

    def failed(self, client: str) -> None:
        if len(self.failures) >= self.max_clients:  # bound the memory a flood can take
            oldest = min(self.failures, key=lambda c: self.failures[c][-1])
            del self.failures[oldest]
        self.failures.setdefault(client, deque()).append(self.clock())
