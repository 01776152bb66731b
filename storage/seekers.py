"""Seekers, their interest in openings and their counselor handoffs (keyword-only, session in)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session

from storage.models import Application, Consent, CounselorNote, Handoff, Seeker

__all__ = [
    "ERASED_PREFIX",
    "KEEP_PROFILE",
    "delete_seeker",
    "erasures_pending",
    "find_seeker",
    "get_or_create_seeker",
    "get_seeker",
    "open_handoff",
    "profile_consent",
    "record_interest",
    "record_profile_consent",
    "record_telegram_contact",
    "request_erasure",
    "save_profile",
    "strip_seeker",
]


#: The sender id of a /delete's tombstone is this and its row id (`strip_seeker`).
ERASED_PREFIX = "erased-"


def get_or_create_seeker(*, session: Session, sender_id: str) -> Seeker:
    """The seeker behind a conversation, created on first contact."""
    seeker = session.scalar(select(Seeker).where(Seeker.sender_id == sender_id))
    if seeker is None:
        seeker = Seeker(sender_id=sender_id, profile={})
        session.add(seeker)
        session.flush()
    return seeker


def save_profile(*, session: Session, sender_id: str, profile: dict[str, object]) -> Seeker:
    """Store the profile the dialogue collected (replaces the previous one), only if the
    seeker's latest answer about keeping one is yes; otherwise nothing is stored.

    Enforced here, not in the actions, so no caller can keep what the seeker refused.
    """
    seeker = get_or_create_seeker(session=session, sender_id=sender_id)
    kept = profile_consent(session=session, seeker_id=seeker.id) is True
    seeker.profile = profile if kept else {}
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


# -- Telegram contact, profile consent, erasure --------------------------------------------------

#: ``Consent.purpose`` of a seeker's consent to keep a profile between conversations.
KEEP_PROFILE = "keep_profile"


def find_seeker(*, session: Session, sender_id: str) -> Seeker | None:
    """The seeker behind a conversation, or ``None`` if they never wrote."""
    return session.scalar(select(Seeker).where(Seeker.sender_id == sender_id))


def get_seeker(*, session: Session, seeker_id: int) -> Seeker | None:
    """The seeker with this database id (the number counselors see), or ``None``."""
    return session.get(Seeker, seeker_id)


def record_telegram_contact(
    *, session: Session, sender_id: str, chat_id: int, user_id: int
) -> tuple[Seeker, bool]:
    """Note where the seeker writes from; returns the seeker and whether they are new."""
    seeker = find_seeker(session=session, sender_id=sender_id)
    created = seeker is None
    if seeker is None:
        seeker = get_or_create_seeker(session=session, sender_id=sender_id)
    if (seeker.telegram_chat_id, seeker.telegram_user_id) != (chat_id, user_id):
        seeker.telegram_chat_id, seeker.telegram_user_id = chat_id, user_id
    return seeker, created


def record_profile_consent(
    *, session: Session, sender_id: str, granted: bool, at: datetime
) -> Seeker:
    """The seeker's answer to keeping a profile: a ``Consent`` row, and the seeker's flag."""
    seeker = get_or_create_seeker(session=session, sender_id=sender_id)
    seeker.profile_consent_at = at if granted else None
    if not granted:  # a no (or a withdrawal) drops what was kept
        seeker.profile = {}
    session.add(Consent(seeker_id=seeker.id, purpose=KEEP_PROFILE, fields=[], granted=granted))
    session.flush()
    return seeker


def profile_consent(*, session: Session, seeker_id: int) -> bool | None:
    """The seeker's latest answer about keeping a profile; ``None`` if never asked."""
    return session.scalar(
        select(Consent.granted)
        .where(Consent.seeker_id == seeker_id, Consent.purpose == KEEP_PROFILE)
        .order_by(Consent.id.desc())
        .limit(1)
    )


def request_erasure(*, session: Session, sender_id: str, at: datetime) -> Seeker | None:
    """The seeker confirmed /delete: the tombstone that stays until the Telegram side is done."""
    seeker = find_seeker(session=session, sender_id=sender_id)
    if seeker is not None and seeker.erase_requested_at is None:
        seeker.erase_requested_at = at
    return seeker


def erasures_pending(*, session: Session) -> list[str]:
    """Sender ids of seekers whose confirmed /delete has not finished (retried later)."""
    return list(
        session.scalars(
            select(Seeker.sender_id)
            .where(Seeker.erase_requested_at.is_not(None))
            .order_by(Seeker.id)
        )
    )


def delete_seeker(*, session: Session, sender_id: str) -> bool:
    """Erase the seeker with everything hanging off them (applications and their events,
    handoffs and their notes, consents); False if there was nobody to erase.

    SQLite's ``secure_delete`` overwrites the freed pages, so the words are not left
    readable in the database file.
    """
    seeker = find_seeker(session=session, sender_id=sender_id)
    if seeker is None:
        return False
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("PRAGMA secure_delete=ON"))
    session.delete(seeker)
    session.flush()
    return True


def strip_seeker(*, session: Session, sender_id: str, at: datetime) -> bool:
    """Erase what a /delete can while the seeker's forum topics still wait for deletion:
    profile, applications, consents and counselor notes go, handoffs end; the row stays, as
    the tombstone holding its handoffs' topic ids, renamed ``erased-<id>`` so that whoever
    writes from that account again is a new seeker. False if there was nobody."""
    seeker = find_seeker(session=session, sender_id=sender_id)
    if seeker is None:
        return False
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("PRAGMA secure_delete=ON"))
    handoff_ids = [h.id for h in seeker.handoffs]
    session.execute(delete(CounselorNote).where(CounselorNote.handoff_id.in_(handoff_ids)))
    for row in [*seeker.applications, *seeker.consents]:
        session.delete(row)
    for handoff in seeker.handoffs:
        if handoff.status != "released":
            handoff.status, handoff.closed_at = "released", at
    seeker.sender_id = f"{ERASED_PREFIX}{seeker.id}"
    seeker.profile, seeker.profile_consent_at = {}, None
    seeker.telegram_chat_id = seeker.telegram_user_id = None
    seeker.erase_requested_at = seeker.erase_requested_at or at
    session.flush()
    return True
