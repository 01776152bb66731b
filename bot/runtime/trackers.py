"""Rasa's tracker store as jobbot configures it: a SQLite file under ``home/rasa``.

Rasa's HTTP API can reset a conversation but not erase it: its SQL tracker store only
appends events. Erasing a seeker (``/delete``) therefore removes their rows from the
store's ``events`` table directly (the table of Rasa 3.x's ``SQLTrackerStore``).
"""

from __future__ import annotations

import logging
import sqlite3
from contextlib import closing
from pathlib import Path

from bot.settings import Settings

__all__ = ["erase_conversation", "tracker_store_path"]

logger = logging.getLogger(__name__)


def tracker_store_path(settings: Settings) -> Path:
    """The SQLite file of Rasa's tracker store (written into the endpoints at start-up)."""
    return settings.rasa_dir / "trackers.sqlite3"


def erase_conversation(path: Path, sender_id: str) -> int:
    """Delete every stored event of the conversation; the number of events deleted.

    A missing file or table means nothing was stored (Rasa creates both lazily).
    """
    if not path.exists():
        return 0
    # Rasa may be writing another conversation: wait for its lock rather than fail.
    with closing(sqlite3.connect(path, timeout=10)) as db, db:
        try:
            cursor = db.execute("DELETE FROM events WHERE sender_id = ?", (sender_id,))
        except sqlite3.OperationalError as error:
            if "no such table" in str(error):
                return 0
            raise
        deleted = cursor.rowcount
    logger.info("erased %d tracker events of one conversation", deleted)
    return deleted
