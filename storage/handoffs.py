"""Counselor handoffs on Telegram: the seeker's forum topic, answers, releases, notes.

A handoff goes ``open`` (waiting for a counselor) → ``active`` (a counselor answered or took
over) → ``released`` (the bot has the conversation again). A seeker has at most one that is
not released; their forum topic is kept on every handoff row and reused by the next one.

Keyword-only functions taking the session; the caller owns the transaction. Times are naive
UTC, like the columns' ``CURRENT_TIMESTAMP`` defaults.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from storage.models import CounselorNote, Handoff

__all__ = [
    "LIVE_STATUSES",
    "Topic",
    "active_handoff",
    "add_note",
    "assign_topic",
    "get_handoff",
    "handoff_for_topic",
    "mark_announced",
    "mark_answered",
    "overdue_handoffs",
    "release_handoff",
    "seeker_topic",
    "seeker_topics",
    "take_over",
]

#: Statuses in which the counselor, not the bot, has the conversation.
LIVE_STATUSES = ("open", "active")

#: A forum topic: (chat id of the counselors' group, message_thread_id).
Topic = tuple[int, int]


def get_handoff(*, session: Session, handoff_id: int) -> Handoff | None:
    """The handoff with this id, or ``None``."""
    return session.get(Handoff, handoff_id)


def active_handoff(*, session: Session, seeker_id: int) -> Handoff | None:
    """The seeker's handoff that is open or active, or ``None`` when the bot has them."""
    return session.scalar(
        select(Handoff)
        .where(Handoff.seeker_id == seeker_id, Handoff.status.in_(LIVE_STATUSES))
        .order_by(Handoff.id.desc())
        .limit(1)
    )


def seeker_topic(*, session: Session, seeker_id: int, chat_id: int) -> Topic | None:
    """The seeker's most recent forum topic in the counselors' group ``chat_id``."""
    row = session.execute(
        select(Handoff.topic_chat_id, Handoff.topic_thread_id)
        .where(
            Handoff.seeker_id == seeker_id,
            Handoff.topic_chat_id == chat_id,
            Handoff.topic_thread_id.is_not(None),
        )
        .order_by(Handoff.id.desc())
        .limit(1)
    ).first()
    if row is None or row[0] is None or row[1] is None:
        return None
    return int(row[0]), int(row[1])


def seeker_topics(*, session: Session, seeker_id: int) -> list[Topic]:
    """Every forum topic the seeker ever had, oldest first, without repeats."""
    rows = session.execute(
        select(Handoff.topic_chat_id, Handoff.topic_thread_id)
        .where(Handoff.seeker_id == seeker_id, Handoff.topic_thread_id.is_not(None))
        .order_by(Handoff.id)
    ).all()
    topics = [(chat, thread) for chat, thread in rows if chat is not None and thread is not None]
    return list(dict.fromkeys(topics))


def handoff_for_topic(*, session: Session, chat_id: int, thread_id: int) -> Handoff | None:
    """The newest handoff held in this forum topic (any status): whose topic it is."""
    return session.scalar(
        select(Handoff)
        .where(Handoff.topic_chat_id == chat_id, Handoff.topic_thread_id == thread_id)
        .order_by(Handoff.id.desc())
        .limit(1)
    )


def assign_topic(
    *, session: Session, handoff_id: int, topic: Topic, announced_at: datetime
) -> None:
    """Record the topic the handoff lives in and when counselors were told about it."""
    handoff = session.get_one(Handoff, handoff_id)
    handoff.topic_chat_id, handoff.topic_thread_id = topic
    handoff.announced_at = announced_at


def mark_announced(*, session: Session, handoff_id: int, at: datetime) -> None:
    """Counselors were (re)told about the handoff at ``at``."""
    session.get_one(Handoff, handoff_id).announced_at = at


def mark_answered(*, session: Session, handoff_id: int, at: datetime) -> bool:
    """A counselor wrote to the seeker; True the first time (open → active)."""
    handoff = session.get_one(Handoff, handoff_id)
    if handoff.answered_at is not None:
        return False
    handoff.answered_at = at
    if handoff.status == "open":
        handoff.status = "active"
    return True


def release_handoff(*, session: Session, handoff_id: int, at: datetime) -> bool:
    """Give the conversation back to the bot; False if it was released already."""
    handoff = session.get_one(Handoff, handoff_id)
    if handoff.status == "released":
        return False
    handoff.status = "released"
    handoff.closed_at = at
    return True


def take_over(*, session: Session, seeker_id: int, topic: Topic, at: datetime) -> Handoff:
    """A counselor takes the conversation (``/take``): the live handoff, or a new one."""
    handoff = active_handoff(session=session, seeker_id=seeker_id)
    if handoff is None:
        handoff = Handoff(seeker_id=seeker_id, reason="counselor", status="active")
        session.add(handoff)
    handoff.topic_chat_id, handoff.topic_thread_id = topic
    handoff.status = "active"
    handoff.announced_at = handoff.announced_at or at
    handoff.answered_at = handoff.answered_at or at
    session.flush()
    return handoff


def add_note(
    *, session: Session, handoff_id: int, counselor_user_id: int, text: str
) -> CounselorNote:
    """An internal note on the handoff (never shown to the seeker)."""
    note = CounselorNote(handoff_id=handoff_id, counselor_user_id=counselor_user_id, text=text)
    session.add(note)
    session.flush()
    return note


def overdue_handoffs(*, session: Session, announced_before: datetime) -> list[Handoff]:
    """Open, unanswered handoffs whose topic was last announced before the cut-off."""
    return list(
        session.scalars(
            select(Handoff)
            .where(
                Handoff.status == "open",
                Handoff.answered_at.is_(None),
                Handoff.topic_thread_id.is_not(None),
                or_(
                    Handoff.announced_at < announced_before,
                    and_(Handoff.announced_at.is_(None), Handoff.created_at < announced_before),
                ),
            )
            .order_by(Handoff.id)
        )
    )
