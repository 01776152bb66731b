"""Telegram update ids already handled: Telegram may deliver an update twice (a webhook
retried after a timeout, a poller restarted before confirming its offset).

Keyword-only functions taking the session; the caller owns the transaction.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.orm import Session

from storage.models import ProcessedUpdate

__all__ = ["forget_processed_updates", "mark_update_processed"]


def mark_update_processed(*, session: Session, update_id: int) -> bool:
    """Record the update id; False if it was recorded before (the update is a repeat).

    Two copies processed at the same moment both pass the first check; the primary key
    then makes the second flush raise ``IntegrityError``, which the caller treats as a
    repeat too.
    """
    if session.get(ProcessedUpdate, update_id) is not None:
        return False
    session.add(ProcessedUpdate(update_id=update_id))
    session.flush()
    return True


def forget_processed_updates(*, session: Session, before: datetime) -> int:
    """Drop ids recorded before ``before`` (Telegram keeps an update 24 hours at most)."""
    result = session.execute(delete(ProcessedUpdate).where(ProcessedUpdate.at < before))
    return int(getattr(result, "rowcount", 0) or 0)
