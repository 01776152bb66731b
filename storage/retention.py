"""Deleting what is past its retention period (the periods are in ``bot.settings``).

Released handoffs (their counselor notes cascade) and applications that ended or were
abandoned are deleted once older than their period; a seeker who never agreed to keep a
profile loses the profile as soon as nothing holds it. Keyword-only, session in; the caller
owns the transaction. Deletion is ``secure_delete``: the freed pages are overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, text
from sqlalchemy.orm import Session

from storage.models import Application, Handoff

__all__ = ["ENDED_STATUSES", "Purged", "Retention", "purge_expired"]

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
    """How many rows of each kind were deleted."""

    handoffs: int
    applications: int


def purge_expired(*, session: Session, retention: Retention, now: datetime) -> Purged:
    """Delete released handoffs and ended applications older than their period."""
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("PRAGMA secure_delete=ON"))
    handoffs = session.execute(
        delete(Handoff).where(
            Handoff.status == "released", Handoff.closed_at < now - retention.handoffs
        )
    )
    applications = session.execute(
        delete(Application).where(
            Application.status.in_(ENDED_STATUSES),
            Application.updated_at < now - retention.applications,
        )
    )
    return Purged(
        handoffs=int(handoffs.rowcount),  # type: ignore[attr-defined]
        applications=int(applications.rowcount),  # type: ignore[attr-defined]
    )
