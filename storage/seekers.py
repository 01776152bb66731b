"""Seekers, their interest in openings and their counselor handoffs (keyword-only, session in)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import Application, Handoff, Seeker

__all__ = [
    "get_or_create_seeker",
    "open_handoff",
    "record_interest",
    "save_profile",
]


def get_or_create_seeker(*, session: Session, sender_id: str) -> Seeker:
    """The seeker behind a conversation, created on first contact."""
    seeker = session.scalar(select(Seeker).where(Seeker.sender_id == sender_id))
    if seeker is None:
        seeker = Seeker(sender_id=sender_id, profile={})
        session.add(seeker)
        session.flush()
    return seeker


def save_profile(*, session: Session, sender_id: str, profile: dict[str, object]) -> Seeker:
    """Store the profile the dialogue collected (replaces the previous one)."""
    seeker = get_or_create_seeker(session=session, sender_id=sender_id)
    seeker.profile = profile
    return seeker


def record_interest(*, session: Session, sender_id: str, opening_id: int) -> Application:
    """The seeker wants an opening; asking twice keeps one application."""
    seeker = get_or_create_seeker(session=session, sender_id=sender_id)
    application = session.scalar(
        select(Application).where(
            Application.seeker_id == seeker.id, Application.opening_id == opening_id
        )
    )
    if application is None:
        application = Application(seeker_id=seeker.id, opening_id=opening_id, status="interested")
        session.add(application)
        session.flush()
    return application


def open_handoff(*, session: Session, sender_id: str, reason: str) -> Handoff:
    """The open handoff of this seeker, or a new one for ``reason``."""
    seeker = get_or_create_seeker(session=session, sender_id=sender_id)
    handoff = session.scalar(
        select(Handoff).where(Handoff.seeker_id == seeker.id, Handoff.status != "released")
    )
    if handoff is None:
        handoff = Handoff(seeker_id=seeker.id, reason=reason, status="open")
        session.add(handoff)
        session.flush()
    return handoff
