"""Per-key retry waits that double after each failure (in memory: a restart tries at once)."""

from __future__ import annotations

import time
from collections.abc import Callable, Hashable

__all__ = ["Backoff"]


class Backoff:
    """When each failing key may be tried again: the wait doubles from ``first`` up to
    ``longest`` seconds; a success forgets the key."""

    def __init__(
        self,
        *,
        first: float = 60.0,
        longest: float = 3600.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._first, self._longest, self._clock = first, longest, clock
        self._waits: dict[Hashable, tuple[float, float]] = {}  # key -> (wait, next try)

    def due(self, key: Hashable) -> bool:
        """True when ``key`` never failed or its wait is over."""
        entry = self._waits.get(key)
        return entry is None or self._clock() >= entry[1]

    def failed(self, key: Hashable) -> bool:
        """Note a failure of ``key``; True when it is its first (time to tell someone)."""
        entry = self._waits.get(key)
        wait = self._first if entry is None else min(entry[0] * 2, self._longest)
        self._waits[key] = (wait, self._clock() + wait)
        return entry is None

    def succeeded(self, key: Hashable) -> None:
        """Forget ``key``'s failures."""
        self._waits.pop(key, None)
