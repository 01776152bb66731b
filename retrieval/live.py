"""A matcher that follows the index on disk: an import or fetch reaches a running server.

Every search first compares the index manifest's file identity (inode, size, modification
time: one ``stat``, microseconds) with the one it loaded. The indexer replaces the manifest
atomically after writing the index files, so a new identity means a finished new build: a
background thread opens a fresh :class:`~retrieval.matcher.Matcher` (indexes and catalog,
reusing the loaded embedding model) and swaps it in. Searches never wait: until the swap
they use the previous matcher, and a conversation's state lives in Rasa, not here.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from retrieval.matcher import Match, Matcher

__all__ = ["LiveMatcher"]

logger = logging.getLogger(__name__)

Stamp = tuple[int, int, int] | None


def _stamp(path: Path) -> Stamp:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_ino, info.st_size, info.st_mtime_ns)


class LiveMatcher:
    """:meth:`match` of the newest index build; ``open_matcher`` loads one (it may raise)."""

    def __init__(self, open_matcher: Callable[[], Matcher], *, manifest: Path) -> None:
        self._open = open_matcher
        self._manifest = manifest
        self._stamp = _stamp(manifest)
        self._current = open_matcher()
        self._lock = threading.Lock()
        self._loading: threading.Thread | None = None
        self._failed: Stamp = None

    @property
    def current(self) -> Matcher:
        """The matcher searches use right now."""
        return self._current

    def match(self, text: str, **options: Any) -> list[Match]:
        """:meth:`Matcher.match` on the newest loaded build (starting a reload if one is due)."""
        self.check()
        return self._current.match(text, **options)

    def check(self) -> threading.Thread | None:
        """Start loading a new build if the manifest changed; the loading thread, if any."""
        stamp = _stamp(self._manifest)
        with self._lock:
            if self._loading is not None and self._loading.is_alive():
                return self._loading
            if stamp is None or stamp == self._stamp or stamp == self._failed:
                return None
            self._loading = threading.Thread(
                target=self._reload, args=(stamp,), name="index-reload", daemon=True
            )
            self._loading.start()
            return self._loading

    def _reload(self, stamp: tuple[int, int, int]) -> None:
        try:
            fresh = self._open()
        except Exception:  # keep serving the previous build; a newer one is tried again
            logger.exception("could not load the new index build; keeping the previous one")
            self._failed = stamp
            return
        self._current = fresh  # one reference assignment: searches see the old or the new
        self._stamp = stamp
        logger.info("search index reloaded (%d openings)", len(fresh.catalog))
