"""An import's new openings and postings, inserted in bulk at each commit, and the openings
each company already has, for the cross-source merge.

The ORM's unit of work cost more than normalizing a row (instrumented attributes,
relationship events, flush ordering: ≈ 1 ms per new opening with its posting), and a fresh
import creates thousands: they are kept as plain values and inserted with one executemany
per table and commit. A merge compares a new record with the openings of its company:
those stored before the run are read once per company as plain values (kept in step when
the run updates or retires them), the run's own are these new ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from storage.models import Company, Opening, OpeningSource

__all__ = ["CompanyJobs", "NewOpening", "NewPosting", "NewRows", "StoredJob"]

#: What the merge reads of an opening (see storage.similarity.JobLike).
JOB_FIELDS = ("title", "description", "region_id", "region_raw", "occupation_family")


@dataclass(eq=False)
class StoredJob:
    """An opening stored before this run, as the merge reads it."""

    id: int
    title: str
    description: str
    region_id: str | None
    region_raw: str
    occupation_family: str | None
    retired_at: datetime | None = None


@dataclass(eq=False)
class NewOpening:
    """An opening this run creates: its ``openings`` row values; ``id`` once inserted."""

    values: dict[str, object]
    company: Company
    id: int | None = None
    retired_at: None = None

    @property
    def title(self) -> str:
        return str(self.values["title"])

    @property
    def description(self) -> str:
        return str(self.values["description"])

    @property
    def region_id(self) -> str | None:
        return self.values["region_id"]  # type: ignore[return-value]

    @property
    def region_raw(self) -> str:
        return str(self.values["region_raw"])

    @property
    def occupation_family(self) -> str | None:
        return self.values["occupation_family"]  # type: ignore[return-value]


@dataclass(eq=False)
class NewPosting:
    """A posting this run creates, on a new opening or on one stored before (its id)."""

    source_id: int
    source_record_id: str
    record_hash: str
    source_modified: str | None
    detail: bool
    opening: NewOpening | int
    inserted: bool = False
    retired_at: None = None


@dataclass
class NewRows:
    """New openings and postings waiting for the next :meth:`insert`."""

    openings: list[NewOpening] = field(default_factory=list)
    postings: list[NewPosting] = field(default_factory=list)

    def insert(self, session: Session) -> list[int]:
        """Insert what waits (the session flushed first, so new companies have ids); the
        new openings' ids."""
        if not self.openings and not self.postings:
            return []
        session.flush()
        connection = session.connection()
        ids: list[int] = []
        if self.openings:
            statement = insert(Opening.__table__).returning(  # type: ignore[arg-type]
                Opening.__table__.c.id, sort_by_parameter_order=True
            )
            rows = [{**o.values, "company_id": o.company.id} for o in self.openings]
            ids = list(connection.execute(statement, rows).scalars())
            for opening, new_id in zip(self.openings, ids, strict=True):
                opening.id = new_id
        if self.postings:
            connection.execute(
                insert(OpeningSource.__table__),  # type: ignore[arg-type]
                [_posting_row(p) for p in self.postings],
            )
            for posting in self.postings:
                posting.inserted = True
        self.openings, self.postings = [], []
        return ids


def _posting_row(posting: NewPosting) -> dict[str, object]:
    opening = posting.opening
    return {
        "opening_id": opening if isinstance(opening, int) else opening.id,
        "source_id": posting.source_id,
        "source_record_id": posting.source_record_id,
        "record_hash": posting.record_hash,
        "source_modified": posting.source_modified,
        "detail": posting.detail,
    }


class CompanyJobs:
    """Per company (by name key): its openings as the merge compares them, oldest first."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.by_company: dict[str, list[StoredJob | NewOpening]] = {}

    def of(self, company: Company) -> list[StoredJob | NewOpening]:
        """The company's openings: stored ones read on first use, then the run's new ones."""
        jobs = self.by_company.get(company.name_key)
        if jobs is None:
            jobs = []
            if company.id is not None:
                columns = [getattr(Opening, name) for name in ("id", *JOB_FIELDS, "retired_at")]
                query = select(*columns).where(Opening.company_id == company.id)
                jobs.extend(
                    StoredJob(*row) for row in self.session.execute(query.order_by(Opening.id))
                )
            self.by_company[company.name_key] = jobs
        return jobs

    def add(self, opening: NewOpening) -> None:
        self.of(opening.company).append(opening)

    def changed(self, opening: Opening) -> None:
        """Keep the copy of an opening the run updated or (un)retired in step with it."""
        for job in self.by_company.get(opening.company.name_key, ()):
            if job.id != opening.id:
                continue
            if isinstance(job, NewOpening):
                job.values.update((name, getattr(opening, name)) for name in JOB_FIELDS)
            else:
                for name in (*JOB_FIELDS, "retired_at"):
                    setattr(job, name, getattr(opening, name))
