"""Deleting what is past its retention period (the periods are in ``bot.settings``).

Released handoffs (their counselor notes cascade) and applications that ended or were
abandoned are deleted once older than their period; a seeker who never agreed to keep a
profile loses the profile as soon as nothing holds it. Keyword-only, session in; the caller
owns the transaction. Deletion is ``secure_delete``: the freed pages are overwritten.

A forum topic holds every handoff of its seeker since it was opened, so it goes when the
last handoff in it has passed its period: the notes go at once, the rows wait (they are
what says which topic to delete) until the front end has deleted the topic
(:func:`forget_topic`); a refusal by Telegram is retried from the rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, delete, select, text, tuple_
from sqlalchemy.orm import Session

from storage.handoffs import Topic
from storage.models import Application, CounselorNote, Handoff

__all__ = ["ENDED_STATUSES", "Purged", "Retention", "forget_topic", "purge_expired"]

#: Applications that need nothing more from anyone (a card with a company is its to keep).
ENDED_STATUSES = (
    "interested",
    "consent_asked",
    "declined_consent",
    "withdrawn",
    "offered",
    "held",
    "declined",
    "sent",
)


@dataclass(frozen=True)
class Retention:
    """How long each kind of record is kept."""

    handoffs: timedelta
    applications: timedelta


@dataclass(frozen=True)
class Purged:
    """How many rows of each kind were deleted, and the forum topics now due for deletion."""

    handoffs: int
    applications: int
    topics: tuple[Topic, ...] = ()


def purge_expired(*, session: Session, retention: Retention, now: datetime) -> Purged:
    """Delete ended applications and released handoffs older than their period; a handoff
    whose topic is to be deleted keeps its row (without notes) until :func:`forget_topic`."""
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("PRAGMA secure_delete=ON"))
    expired = and_(Handoff.status == "released", Handoff.closed_at < now - retention.handoffs)
    rows = session.execute(
        select(Handoff.id, Handoff.topic_chat_id, Handoff.topic_thread_id).where(expired)
    ).all()
    kept = {
        (chat, thread)
        for chat, thread in session.execute(
            select(Handoff.topic_chat_id, Handoff.topic_thread_id).where(~expired)
        )
    }
    session.execute(delete(CounselorNote).where(CounselorNote.handoff_id.in_([r.id for r in rows])))
    topics: set[Topic] = {
        (r.topic_chat_id, r.topic_thread_id)
        for r in rows
        if r.topic_chat_id is not None
        and r.topic_thread_id is not None
        and (r.topic_chat_id, r.topic_thread_id) not in kept
    }
    gone = [r.id for r in rows if (r.topic_chat_id, r.topic_thread_id) not in topics]
    session.execute(delete(Handoff).where(Handoff.id.in_(gone)))
    applications = session.execute(
        delete(Application).where(
            Application.status.in_(ENDED_STATUSES),
            Application.updated_at < now - retention.applications,
        )
    )
    return Purged(
        handoffs=len(gone),
        applications=int(applications.rowcount),  # type: ignore[attr-defined]
        topics=tuple(sorted(topics)),
    )


def forget_topic(*, session: Session, topic: Topic) -> int:
    """The topic was deleted: delete the released handoffs that lived in it; how many."""
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("PRAGMA secure_delete=ON"))
    deleted = session.execute(
        delete(Handoff).where(
            tuple_(Handoff.topic_chat_id, Handoff.topic_thread_id) == topic,
            Handoff.status == "released",
        )
    )
    return int(deleted.rowcount)  # type: ignore[attr-defined]
