"""SQLAlchemy ORM models: sources, companies, openings and the import log.

An *opening* is one job as the center knows it; it may have been posted by several
sources, each of which is an :class:`OpeningSource` row carrying that source's own id.
Raw values are kept beside normalized ones so a normalization fix can be re-applied.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utc_now() -> datetime:
    """Now as naive UTC, comparable with the stored timestamps."""
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    """Declarative base of every jobbot table."""


class Source(Base):
    """A place openings come from (고용24, the city office, a school...)."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())


class Company(Base):
    """An employer; ``name_key`` is the name with legal-form noise removed, for matching."""

    __tablename__ = "companies"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200), unique=True)
    business_no: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())

    openings: Mapped[list[Opening]] = relationship(back_populates="company")


class Opening(Base):
    """One job opening, merged across sources."""

    __tablename__ = "openings"

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    occupation_raw: Mapped[str] = mapped_column(String(200), default="")
    occupation_family: Mapped[str | None] = mapped_column(String(64), index=True)
    #: The source's own occupation code (고용24 ``jobsCd``), the best occupation signal there is.
    occupation_code: Mapped[str | None] = mapped_column(String(16), index=True)
    region_raw: Mapped[str] = mapped_column(String(300), default="")
    region_id: Mapped[str | None] = mapped_column(String(64), index=True)
    salary_type: Mapped[str | None] = mapped_column(String(8))
    salary_min: Mapped[int | None] = mapped_column(Integer)
    salary_max: Mapped[int | None] = mapped_column(Integer)
    salary_raw: Mapped[str] = mapped_column(String(200), default="")
    monthly_pay_min: Mapped[int | None] = mapped_column(Integer)
    monthly_pay_max: Mapped[int | None] = mapped_column(Integer)
    career_raw: Mapped[str] = mapped_column(String(64), default="")
    career: Mapped[str | None] = mapped_column(String(8))
    career_years_min: Mapped[int | None] = mapped_column(Integer)
    education: Mapped[str] = mapped_column(String(64), default="")
    certificates_raw: Mapped[str] = mapped_column(String(500), default="")
    #: {certificate id: "required" | "preferred"}
    certificates: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    employment_type_raw: Mapped[str] = mapped_column(String(64), default="")
    employment_type: Mapped[str | None] = mapped_column(String(8))
    work_shift_raw: Mapped[str] = mapped_column(String(64), default="")
    work_shift: Mapped[str | None] = mapped_column(String(8))
    closes_on_raw: Mapped[str] = mapped_column(String(32), default="")
    #: The close date, or the expected one when ``open_ended``; ``None``: no date given.
    closes_on: Mapped[date | None] = mapped_column(Date, index=True)
    #: Open until filled (상시 / 채용시까지), whatever ``closes_on`` says.
    open_ended: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    foreign_workers: Mapped[str] = mapped_column(String(16), default="unknown")
    dormitory: Mapped[bool] = mapped_column(Boolean, default=False)
    commute_bus: Mapped[bool] = mapped_column(Boolean, default=False)
    contact: Mapped[str] = mapped_column(String(200), default="")
    url: Mapped[str] = mapped_column(String(500), default="")
    #: Hash of the fields that feed the search text; the index re-embeds when it changes.
    content_hash: Mapped[str] = mapped_column(String(64))
    #: Set when no source lists the opening any more (every posting retired); cleared if one does.
    retired_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, server_default=func.now(), onupdate=func.now()
    )

    company: Mapped[Company] = relationship(back_populates="openings")
    postings: Mapped[list[OpeningSource]] = relationship(
        back_populates="opening", cascade="all, delete-orphan", order_by="OpeningSource.id"
    )


class OpeningSource(Base):
    """One source's posting of an opening, keyed by that source's own id."""

    __tablename__ = "opening_sources"
    __table_args__ = (UniqueConstraint("source_id", "source_record_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    opening_id: Mapped[int] = mapped_column(ForeignKey("openings.id"), index=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"))
    source_record_id: Mapped[str] = mapped_column(String(100))
    #: Hash of the record as the source sent it; an equal hash means "unchanged".
    record_hash: Mapped[str] = mapped_column(String(64))
    source_modified: Mapped[str | None] = mapped_column(String(32))
    #: The stored record is the source's detail of the posting (고용24 ``wantedDtl``), which a
    #: list item of the same posting never overwrites.
    detail: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    first_seen: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())
    last_seen: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())
    #: Set when a full refresh of the source no longer listed this posting.
    retired_at: Mapped[datetime | None] = mapped_column(DateTime)

    opening: Mapped[Opening] = relationship(back_populates="postings")
    source: Mapped[Source] = relationship()


class CatalogState(Base):
    """The one row counting changes to the openings; the search index records the count it holds."""

    __tablename__ = "catalog_state"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    changed_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())


class ImportRun(Base):
    """One `jobbot import` of one file, with its counts."""

    __tablename__ = "import_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    path: Mapped[str] = mapped_column(String(500))
    file_format: Mapped[str] = mapped_column(String(16))
    source_override: Mapped[str | None] = mapped_column(String(64))
    started_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    rows_total: Mapped[int] = mapped_column(Integer, default=0)
    new: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[int] = mapped_column(Integer, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, default=0)
    merged: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[int] = mapped_column(Integer, default=0)

    rejected_rows: Mapped[list[RejectedRow]] = relationship(
        back_populates="run", cascade="all, delete-orphan", order_by="RejectedRow.line"
    )


class RejectedRow(Base):
    """A row an import run could not take: where it was and why."""

    __tablename__ = "rejected_rows"

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("import_runs.id"), index=True)
    line: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)
    raw: Mapped[str] = mapped_column(Text, default="")

    run: Mapped[ImportRun] = relationship(back_populates="rejected_rows")


class Seeker(Base):
    """A person talking to the bot, known by the conversation's opaque ``sender_id``.

    ``profile`` is the structured profile the dialogue has collected (no names or phone
    numbers: those are never asked for by the bot).
    """

    __tablename__ = "seekers"
    #: Ids are never reused (a counselor's ``/take N`` must not reach someone else later).
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True)
    sender_id: Mapped[str] = mapped_column(String(128), unique=True)
    profile: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    telegram_chat_id: Mapped[int | None] = mapped_column(BigInteger, index=True)
    telegram_user_id: Mapped[int | None] = mapped_column(BigInteger)
    #: When the seeker agreed that a profile is kept (``None``: not asked or declined).
    profile_consent_at: Mapped[datetime | None] = mapped_column(DateTime)
    #: The seeker confirmed /delete; set until the Telegram side is cleaned up (a tombstone).
    erase_requested_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, server_default=func.now(), onupdate=func.now()
    )

    applications: Mapped[list[Application]] = relationship(
        back_populates="seeker", cascade="all, delete-orphan", order_by="Application.id"
    )
    handoffs: Mapped[list[Handoff]] = relationship(
        back_populates="seeker", cascade="all, delete-orphan", order_by="Handoff.id"
    )
    consents: Mapped[list[Consent]] = relationship(
        back_populates="seeker", cascade="all, delete-orphan", order_by="Consent.id"
    )


class Application(Base):
    """A seeker's interest in an opening; consent and company notification come later."""

    __tablename__ = "applications"
    __table_args__ = (
        UniqueConstraint("seeker_id", "opening_id"),
        {"sqlite_autoincrement": True},  # a company's button names the id: never reused
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    seeker_id: Mapped[int] = mapped_column(ForeignKey("seekers.id", ondelete="CASCADE"), index=True)
    opening_id: Mapped[int] = mapped_column(ForeignKey("openings.id"), index=True)
    #: interested → (consented → sent → offered | held | declined), or withdrawn
    status: Mapped[str] = mapped_column(String(16), default="interested")
    #: The consent question last shown (text) and the exact values it listed; the card is
    #: built from these, never from the profile as it is later.
    consent_question: Mapped[str | None] = mapped_column(Text)
    consent_values: Mapped[dict[str, str] | None] = mapped_column(JSON)
    #: The status the seeker was last told about (the outbox tells each change once).
    told_status: Mapped[str | None] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, server_default=func.now(), onupdate=func.now()
    )

    seeker: Mapped[Seeker] = relationship(back_populates="applications")
    opening: Mapped[Opening] = relationship()
    events: Mapped[list[ApplicationEvent]] = relationship(
        back_populates="application", cascade="all, delete-orphan", order_by="ApplicationEvent.id"
    )


class ApplicationEvent(Base):
    """One status change of an application, with when and who (seeker, company, system)."""

    __tablename__ = "application_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(16))
    actor: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())

    application: Mapped[Application] = relationship(back_populates="events")


class Consent(Base):
    """A seeker's consent: to keep a profile, or to send named fields to one company."""

    __tablename__ = "consents"

    id: Mapped[int] = mapped_column(primary_key=True)
    seeker_id: Mapped[int] = mapped_column(ForeignKey("seekers.id", ondelete="CASCADE"), index=True)
    #: keep_profile | share_with_company
    purpose: Mapped[str] = mapped_column(String(32))
    application_id: Mapped[int | None] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    company_id: Mapped[int | None] = mapped_column(ForeignKey("companies.id"))
    #: The field names shown to the seeker when asking (what may be sent).
    fields: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: The exact values and question text the seeker answered (share_with_company only).
    values: Mapped[dict[str, str]] = mapped_column(JSON, default=dict, server_default="{}")
    question: Mapped[str] = mapped_column(Text, default="", server_default="")
    granted: Mapped[bool] = mapped_column(Boolean)
    at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())

    seeker: Mapped[Seeker] = relationship(back_populates="consents")


class Handoff(Base):
    """A request to pass the conversation to a human counselor, and its state."""

    __tablename__ = "handoffs"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True)
    seeker_id: Mapped[int] = mapped_column(ForeignKey("seekers.id", ondelete="CASCADE"), index=True)
    #: requested (the seeker asked) | fallback (the bot was stuck) | counselor (taken over)
    reason: Mapped[str] = mapped_column(String(16))
    #: open → active (a counselor answered) → released
    status: Mapped[str] = mapped_column(String(16), default="open")
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    #: The counselor group's forum topic for this seeker (reused across handoffs).
    topic_chat_id: Mapped[int | None] = mapped_column(BigInteger)
    topic_thread_id: Mapped[int | None] = mapped_column(Integer)
    announced_at: Mapped[datetime | None] = mapped_column(DateTime)
    answered_at: Mapped[datetime | None] = mapped_column(DateTime)

    seeker: Mapped[Seeker] = relationship(back_populates="handoffs")
    notes: Mapped[list[CounselorNote]] = relationship(
        back_populates="handoff", cascade="all, delete-orphan", order_by="CounselorNote.id"
    )


class CounselorNote(Base):
    """An internal note a counselor left on a handoff (never sent to the seeker)."""

    __tablename__ = "counselor_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    handoff_id: Mapped[int] = mapped_column(
        ForeignKey("handoffs.id", ondelete="CASCADE"), index=True
    )
    counselor_user_id: Mapped[int] = mapped_column(BigInteger)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())

    handoff: Mapped[Handoff] = relationship(back_populates="notes")


class CompanyInvite(Base):
    """A single-use, expiring deep-link token that binds a Telegram chat to a company."""

    __tablename__ = "company_invites"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"), index=True)
    #: SHA-256 of the token (hex): the database alone cannot bind a chat.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    expires_at: Mapped[datetime] = mapped_column(DateTime)
    used_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())

    company: Mapped[Company] = relationship()


class CompanyContact(Base):
    """A company's Telegram chat, bound through an invite; candidate cards go there."""

    __tablename__ = "company_contacts"
    __table_args__ = (
        UniqueConstraint("company_id", "telegram_chat_id"),
        {"sqlite_autoincrement": True},  # `jobbot company unbind` names the id
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"), index=True)
    telegram_chat_id: Mapped[int] = mapped_column(BigInteger, index=True)
    telegram_user_id: Mapped[int] = mapped_column(BigInteger)
    bound_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())

    company: Mapped[Company] = relationship()


class CardDelivery(Base):
    """An application's candidate card reached one bound chat (the outbox retries the rest)."""

    __tablename__ = "card_deliveries"
    __table_args__ = (UniqueConstraint("application_id", "contact_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    contact_id: Mapped[int] = mapped_column(ForeignKey("company_contacts.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())


class ProcessedUpdate(Base):
    """A Telegram update id already handled (Telegram may deliver one twice)."""

    __tablename__ = "processed_updates"

    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())
