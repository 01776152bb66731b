"""Companies on Telegram: invites, bound contacts, consents and the application history.

Keyword-only functions taking the session; the caller owns the transaction. Times are
naive UTC, like the columns' ``CURRENT_TIMESTAMP`` defaults.
"""

from __future__ import annotations

import difflib
import hashlib
import secrets
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import select, update
from sqlalchemy.orm import Session, joinedload

from storage.models import (
    Application,
    ApplicationEvent,
    Company,
    CompanyContact,
    CompanyInvite,
    Consent,
    Opening,
    utc_now,
)
from storage.records import company_key

__all__ = [
    "SHARE_WITH_COMPANY",
    "WITHDRAWABLE",
    "InviteProblem",
    "IssuedInvite",
    "add_event",
    "close_companies",
    "company_contacts",
    "company_of_chat",
    "contact_chat_ids",
    "create_invite",
    "find_company",
    "find_invite",
    "get_application",
    "granted_consent",
    "is_contact",
    "record_consent",
    "redeem_invite",
    "snapshot_consent_question",
    "token_hash",
    "transition",
    "unbind_contact",
    "withdraw_consent",
]

#: ``Consent.purpose`` of a seeker's consent to send named fields to one company.
SHARE_WITH_COMPANY = "share_with_company"


class InviteProblem(StrEnum):
    """Why an invite token cannot bind a chat."""

    UNKNOWN = "unknown"
    USED = "used"
    EXPIRED = "expired"


def find_company(*, session: Session, name: str) -> Company | None:
    """The company named ``name``, compared without legal-form marks and spaces."""
    return session.scalar(select(Company).where(Company.name_key == company_key(name)))


def close_companies(*, session: Session, name: str, limit: int = 5) -> list[Company]:
    """Companies whose names look like ``name``: containing it first, then similar spellings."""
    key = company_key(name)
    if not key:
        return []
    by_key = {c.name_key: c for c in session.scalars(select(Company))}
    containing = sorted(k for k in by_key if key in k or k in key)
    similar = difflib.get_close_matches(key, list(by_key), n=limit, cutoff=0.5)
    keys = list(dict.fromkeys([*containing, *similar]))[:limit]
    return [by_key[k] for k in keys]


@dataclass(frozen=True)
class IssuedInvite:
    """A new invite as issued: the token exists here only, the database keeps its hash."""

    id: int
    company_id: int
    token: str
    expires_at: datetime


def token_hash(token: str) -> str:
    """What the database keeps of an invite token (SHA-256, hex)."""
    return hashlib.sha256(token.encode()).hexdigest()


def create_invite(
    *, session: Session, company: Company, ttl: timedelta, now: datetime | None = None
) -> IssuedInvite:
    """A new single-use invite for ``company``, valid for ``ttl``.

    The token is URL-safe base64 ([A-Za-z0-9_-], 32 characters), so ``inv_<token>`` is a
    valid Telegram deep-link start parameter (at most 64 of those characters).
    """
    token = secrets.token_urlsafe(24)
    invite = CompanyInvite(
        company_id=company.id, token_hash=token_hash(token), expires_at=(now or utc_now()) + ttl
    )
    session.add(invite)
    session.flush()
    return IssuedInvite(
        id=invite.id, company_id=company.id, token=token, expires_at=invite.expires_at
    )


def redeem_invite(
    *,
    session: Session,
    token: str,
    chat_id: int,
    user_id: int,
    now: datetime | None = None,
) -> CompanyContact | InviteProblem:
    """Bind ``chat_id`` to the invite's company and use the invite up; or say why not.

    A chat already bound to that company keeps its one contact row.
    """
    now = now or utc_now()
    invite = find_invite(session=session, token=token)
    if invite is None:
        return InviteProblem.UNKNOWN
    if invite.used_at is not None:
        return InviteProblem.USED
    if invite.expires_at <= now:
        return InviteProblem.EXPIRED
    # Conditional update: of two chats redeeming the same token at once, one wins.
    used = session.execute(
        update(CompanyInvite)
        .where(CompanyInvite.id == invite.id, CompanyInvite.used_at.is_(None))
        .values(used_at=now)
    )
    if used.rowcount != 1:  # type: ignore[attr-defined]
        return InviteProblem.USED
    contact = session.scalar(
        select(CompanyContact).where(
            CompanyContact.company_id == invite.company_id,
            CompanyContact.telegram_chat_id == chat_id,
        )
    )
    if contact is None:
        contact = CompanyContact(
            company_id=invite.company_id, telegram_chat_id=chat_id, telegram_user_id=user_id
        )
        session.add(contact)
        session.flush()
    return contact


def find_invite(*, session: Session, token: str) -> CompanyInvite | None:
    """The invite with this token, used or not."""
    return session.scalar(
        select(CompanyInvite).where(CompanyInvite.token_hash == token_hash(token))
    )


def company_contacts(*, session: Session, company_id: int) -> list[CompanyContact]:
    """The chats bound to a company, oldest binding first."""
    return list(
        session.scalars(
            select(CompanyContact)
            .where(CompanyContact.company_id == company_id)
            .order_by(CompanyContact.id)
        )
    )


def unbind_contact(*, session: Session, company_id: int, contact_id: int) -> CompanyContact | None:
    """Remove one of a company's bound chats; the removed contact, or ``None`` if not there."""
    contact = session.get(CompanyContact, contact_id)
    if contact is None or contact.company_id != company_id:
        return None
    session.delete(contact)
    session.flush()
    return contact


def contact_chat_ids(*, session: Session, company_id: int) -> list[int]:
    """The Telegram chats bound to a company, oldest binding first."""
    return list(
        session.scalars(
            select(CompanyContact.telegram_chat_id)
            .where(CompanyContact.company_id == company_id)
            .order_by(CompanyContact.id)
        )
    )


def company_of_chat(*, session: Session, chat_id: int) -> Company | None:
    """The company a chat is bound to (the first, should one chat serve several)."""
    return session.scalar(
        select(Company)
        .join(CompanyContact, CompanyContact.company_id == Company.id)
        .where(CompanyContact.telegram_chat_id == chat_id)
        .order_by(CompanyContact.id)
        .limit(1)
    )


def is_contact(*, session: Session, company_id: int, chat_id: int) -> bool:
    """True when ``chat_id`` is bound to the company."""
    return chat_id in contact_chat_ids(session=session, company_id=company_id)


def get_application(*, session: Session, application_id: int) -> Application | None:
    """An application with its seeker, opening and company loaded."""
    return session.scalar(
        select(Application)
        .where(Application.id == application_id)
        .options(
            joinedload(Application.seeker),
            joinedload(Application.opening).joinedload(Opening.company),
        )
    )


def add_event(
    *, session: Session, application_id: int, status: str, actor: str
) -> ApplicationEvent:
    """Append one entry to an application's history (``actor``: seeker, company, system)."""
    event = ApplicationEvent(application_id=application_id, status=status, actor=actor)
    session.add(event)
    session.flush()
    return event


def transition(
    *,
    session: Session,
    application_id: int,
    allowed_from: Collection[str],
    to: str,
    actor: str,
) -> bool:
    """Move an application to ``to`` if it is in one of ``allowed_from``, with its event.

    The check and the change are one conditional UPDATE, so a button tapped twice (or by
    two people) changes the status once; returns False when nothing changed.
    """
    changed = session.execute(
        update(Application)
        .where(Application.id == application_id, Application.status.in_(list(allowed_from)))
        .values(status=to)
    )
    if changed.rowcount != 1:  # type: ignore[attr-defined]
        return False
    add_event(session=session, application_id=application_id, status=to, actor=actor)
    return True


def snapshot_consent_question(
    *, session: Session, application: Application, question: str, values: dict[str, str]
) -> None:
    """Keep the question as shown and the exact values it listed: the answer is about these."""
    application.consent_question = question
    application.consent_values = dict(values)
    session.flush()


def record_consent(
    *, session: Session, application: Application, company_id: int, granted: bool
) -> Consent:
    """Store the seeker's answer to the question last shown (its text and exact values)."""
    values = dict(application.consent_values or {})
    consent = Consent(
        seeker_id=application.seeker_id,
        purpose=SHARE_WITH_COMPANY,
        application_id=application.id,
        company_id=company_id,
        fields=list(values),
        values=values,
        question=application.consent_question or "",
        granted=granted,
    )
    session.add(consent)
    session.flush()
    return consent


def granted_consent(*, session: Session, application_id: int) -> Consent | None:
    """The seeker's latest answer for this application if it was yes, else ``None``.

    Only the latest answer counts: a later "no" withdraws an earlier "yes". The consent must
    name the company that posted the opening.
    """
    application = session.get(Application, application_id)
    if application is None:
        return None
    latest = session.scalar(
        select(Consent)
        .where(Consent.application_id == application_id, Consent.purpose == SHARE_WITH_COMPANY)
        .order_by(Consent.id.desc())
        .limit(1)
    )
    if latest is None or not latest.granted:
        return None
    if latest.company_id != application.opening.company_id:
        return None
    return latest


#: Statuses from which the seeker may withdraw a consent: nothing has reached the company yet.
WITHDRAWABLE = frozenset({"interested", "consent_asked", "consented"})


def withdraw_consent(*, session: Session, application_id: int) -> bool:
    """The seeker withdraws (PIPA art. 37): ``withdrawn`` and a refusal on record, if the card
    was not sent yet; False when it was (or nothing was pending)."""
    application = session.get(Application, application_id)
    if application is None:
        return False
    if not transition(
        session=session,
        application_id=application_id,
        allowed_from=WITHDRAWABLE,
        to="withdrawn",
        actor="seeker",
    ):
        return False
    session.refresh(application)
    record_consent(
        session=session,
        application=application,
        company_id=application.opening.company_id,
        granted=False,
    )
    return True
