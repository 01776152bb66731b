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

import heapq
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Connection, insert, select
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
            rows = [{**o.values, "company_id": o.company.id} for o in self.openings]
            ids = _insert_openings(connection, rows)
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


def _insert_openings(connection: Connection, rows: list[dict[str, object]]) -> list[int]:
    """Insert ``rows`` into ``openings``; their new ids, in order."""
    table = Opening.__table__
    if connection.dialect.name != "sqlite":
        statement = insert(table).returning(  # type: ignore[arg-type]
            table.c.id, sort_by_parameter_order=True
        )
        return list(connection.execute(statement, rows).scalars())
    # SQLite cannot tie RETURNING rows to the parameters' order in one statement, so SQLAlchemy
    # would send one INSERT per row (≈ 0.1 ms each). One executemany instead: SQLite gives
    # each new row an id above every id in the table, and this transaction holds the write
    # lock from the first row to the commit, so the len(rows) highest ids are these rows'.
    connection.execute(insert(table), rows)  # type: ignore[arg-type]
    newest = select(table.c.id).order_by(table.c.id.desc()).limit(len(rows))
    ids = list(connection.execute(newest).scalars())[::-1]
    if len(ids) != len(rows) or ids[-1] - ids[0] != len(rows) - 1:
        raise RuntimeError(f"new opening ids not consecutive: {ids[:1]}..{ids[-1:]}")
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
        #: Per company: the positions in its list of the openings in each region (None: no
        #: region id), built on first use and dropped when an opening's region changes.
        self._by_region: dict[str, dict[str | None, list[int]]] = {}

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

    def candidates(
        self, company: Company, region_id: str | None
    ) -> Iterator[StoredJob | NewOpening]:
        """The company's openings a record in ``region_id`` may be the same job as, oldest
        first: with a region id, those in the same region or without one (the others differ
        by :func:`storage.similarity.is_same_job`'s first test); without, all of them.

        A big company has thousands of openings in dozens of places: comparing a new record
        with each of them was most of the importer's own time.
        """
        jobs = self.of(company)
        if region_id is None:
            return iter(jobs)
        regions = self._by_region.get(company.name_key)
        if regions is None:
            regions = self._by_region[company.name_key] = {}
            for position, job in enumerate(jobs):
                regions.setdefault(job.region_id, []).append(position)
        same, unplaced = regions.get(region_id, []), regions.get(None, [])
        positions = heapq.merge(same, unplaced) if same and unplaced else same or unplaced
        return (jobs[k] for k in positions)

    def add(self, opening: NewOpening) -> None:
        jobs = self.of(opening.company)
        regions = self._by_region.get(opening.company.name_key)
        if regions is not None:
            regions.setdefault(opening.region_id, []).append(len(jobs))
        jobs.append(opening)

    def changed(self, opening: Opening) -> None:
        """Keep the copy of an opening the run updated or (un)retired in step with it."""
        key = opening.company.name_key
        for job in self.by_company.get(key, ()):
            if job.id != opening.id:
                continue
            if job.region_id != opening.region_id:
                self._by_region.pop(key, None)
            if isinstance(job, NewOpening):
                job.values.update((name, getattr(opening, name)) for name in JOB_FIELDS)
            else:
                for name in (*JOB_FIELDS, "retired_at"):
                    setattr(job, name, getattr(opening, name))
