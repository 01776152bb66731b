"""What the outbox has left to do, as the database says: candidate cards a bound chat has not
got yet, and statuses the seeker was not told.

A card is delivered per bound chat (:class:`storage.models.CardDelivery`, one row per
application and company contact), so a chat where sending failed — while another chat of the
company got the card — is tried again until it gets it or the company has decided. A chat
unbound loses its rows with its contact row; bound again, it is a new contact and gets the
cards still open. Keyword-only functions taking the session; the caller owns the transaction.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import ColumnElement, exists, func, insert, literal, or_, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from storage.models import Application, CardDelivery, CompanyContact, Opening

__all__ = [
    "CARD_STATUSES",
    "OPEN_STATUSES",
    "TELLABLE",
    "WITH_COMPANY",
    "Recipient",
    "company_applications",
    "delivered",
    "mark_told",
    "record_delivery",
    "undelivered",
    "undelivered_applications",
    "untold_applications",
]

#: Statuses in which a company holds a card and has not decided for good.
OPEN_STATUSES = ("sent", "held")
#: Statuses in which a card goes to a bound chat that has not got it: ``consented`` (no chat
#: has it yet) and the open ones. A decided card is never sent again.
CARD_STATUSES = ("consented", *OPEN_STATUSES)
#: Statuses in which the company holds the card (what a /withdraw or /delete cannot take back).
WITH_COMPANY = frozenset({"sent", "offered", "held", "declined"})
#: Statuses the seeker is told about once each (the outbox's work); ``consented`` is told
#: when no company chat took the card (the center forwards it).
TELLABLE = frozenset({"consented", "sent", "offered", "held", "declined"})


@dataclass(frozen=True)
class Recipient:
    """A bound chat of the company that has not got the card: its contact row and chat."""

    contact_id: int
    chat_id: int


def _missing(application_id: int | InstrumentedAttribute[int]) -> ColumnElement[bool]:
    """The condition: no delivery of the application to the contact in the query."""
    return ~exists().where(
        CardDelivery.application_id == application_id,
        CardDelivery.contact_id == CompanyContact.id,
    )


def undelivered(*, session: Session, application_id: int) -> list[Recipient]:
    """The company's bound chats without the application's card, oldest binding first."""
    rows = session.execute(
        select(CompanyContact.id, CompanyContact.telegram_chat_id)
        .join(Opening, Opening.company_id == CompanyContact.company_id)
        .join(Application, Application.opening_id == Opening.id)
        .where(Application.id == application_id, _missing(application_id))
        .order_by(CompanyContact.id)
    )
    return [Recipient(contact_id, chat_id) for contact_id, chat_id in rows]


def record_delivery(*, session: Session, application_id: int, contact_id: int) -> bool:
    """Record that the contact's chat got the card; False if it was recorded already or the
    chat was unbound meanwhile (nothing to record then)."""
    source = select(literal(application_id), CompanyContact.id).where(
        CompanyContact.id == contact_id, _missing(application_id)
    )
    inserted = session.execute(
        insert(CardDelivery).from_select(["application_id", "contact_id"], source)
    )
    return bool(inserted.rowcount == 1)  # type: ignore[attr-defined]


def delivered(*, session: Session, application_id: int) -> int:
    """How many bound chats got the application's card."""
    count = session.scalar(
        select(func.count())
        .select_from(CardDelivery)
        .where(CardDelivery.application_id == application_id)
    )
    return int(count or 0)


def undelivered_applications(*, session: Session) -> list[int]:
    """Applications whose card is still to go to some bound chat of their company."""
    return list(
        session.scalars(
            select(Application.id)
            .join(Opening, Application.opening_id == Opening.id)
            .join(CompanyContact, CompanyContact.company_id == Opening.company_id)
            .where(Application.status.in_(CARD_STATUSES), _missing(Application.id))
            .distinct()
            .order_by(Application.id)
        )
    )


def company_applications(
    *, session: Session, company_id: int, statuses: Collection[str]
) -> list[int]:
    """Ids of the company's applications in one of ``statuses``, oldest first: ``consented``
    ones were not sent (no chat took them), :data:`OPEN_STATUSES` ones wait for its answer."""
    return list(
        session.scalars(
            select(Application.id)
            .join(Opening, Application.opening_id == Opening.id)
            .where(Opening.company_id == company_id, Application.status.in_(list(statuses)))
            .order_by(Application.id)
        )
    )


def untold_applications(*, session: Session) -> list[int]:
    """Applications with something left to do: a status the seeker was not told yet, or a
    card waiting for a company chat (``consented``)."""
    return list(
        session.scalars(
            select(Application.id)
            .where(
                Application.status.in_(list(TELLABLE)),
                or_(
                    Application.told_status.is_(None),
                    Application.told_status != Application.status,
                    Application.status == "consented",
                ),
            )
            .order_by(Application.id)
        )
    )


def mark_told(*, session: Session, application_id: int, status: str) -> bool:
    """Record that the seeker was told ``status``; False if someone recorded it already or
    the application moved on meanwhile."""
    changed = session.execute(
        update(Application)
        .where(
            Application.id == application_id,
            Application.status == status,
            or_(Application.told_status.is_(None), Application.told_status != status),
        )
        .values(told_status=status)
    )
    return bool(changed.rowcount == 1)  # type: ignore[attr-defined]
