"""Training courses, the second kind of record: one row per run (회차) of a course."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, Integer, String, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column

from storage.models import Base

__all__ = ["Course"]


class Course(Base):
    """One run (회차) of a training course, keyed by (source, the source's id of the run).

    Dates are ``None`` when the institute has not fixed them: such a course is kept but never
    upcoming. ``self_pay`` is ``None`` when the seeker's share is not published (고용24's
    국민내일배움카드 share depends on the seeker).
    """

    __tablename__ = "courses"
    __table_args__ = (UniqueConstraint("source", "source_record_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(64))
    source_record_id: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(300))
    institution: Mapped[str] = mapped_column(String(200), default="")
    starts_on: Mapped[date | None] = mapped_column(Date, index=True)
    ends_on: Mapped[date | None] = mapped_column(Date)
    hours: Mapped[int | None] = mapped_column(Integer)
    fee: Mapped[int | None] = mapped_column(Integer)
    self_pay: Mapped[int | None] = mapped_column(Integer)
    region: Mapped[str] = mapped_column(String(100), default="")
    ncs_code: Mapped[str] = mapped_column(String(16), default="")
    url: Mapped[str] = mapped_column(String(500), default="")
    contact: Mapped[str] = mapped_column(String(100), default="")
    #: Hash of the record as received; an equal hash means "unchanged" on re-import.
    record_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, server_default=func.now(), onupdate=func.now()
    )
