"""Per-run caches of the importer: sources, postings and companies, so a row costs no queries."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.import_batch import NewPosting
from storage.models import Company, OpeningSource, Source
from storage.records import OpeningRecord, company_key

__all__ = ["Lookups"]


class Lookups:
    """Per-run caches of sources, postings and companies, so each row costs no queries.

    Postings of a source are loaded once, the first time the source appears.
    """

    def __init__(self, session: Session, *, insert_new: Callable[[], None]) -> None:
        self.session = session
        #: Inserts the run's new postings that are still waiting.
        self.insert_new = insert_new
        self.sources: dict[str, Source] = {}
        #: Names looked up that have no source row (yet).
        self.absent: set[str] = set()
        #: Stored postings, and the ones this run created (read as stored on demand).
        self.postings: dict[tuple[int, str], OpeningSource | NewPosting] = {}
        self.companies: dict[str, Company] = {}
        self.companies_loaded = False

    def source(self, name: str) -> Source:
        source = self.stored_source(name)
        if source is None:
            source = Source(name=name)
            self.session.add(source)
            self.session.flush()
            self.sources[name] = source
            self.absent.discard(name)
        return source

    def stored_source(self, name: str) -> Source | None:
        """The source row if it exists (its postings loaded on first use); never creates one."""
        if name in self.sources or name in self.absent:
            return self.sources.get(name)
        source = self.session.scalar(select(Source).where(Source.name == name))
        if source is None:
            self.absent.add(name)
            return None
        for posting in self.session.scalars(
            select(OpeningSource).where(OpeningSource.source_id == source.id)
        ):
            self.postings[(source.id, posting.source_record_id)] = posting
        self.sources[name] = source
        return source

    def posting(self, source: str, source_id: str) -> OpeningSource | None:
        """The stored posting; one this run created is inserted now if it waits, and read."""
        stored = self.stored_source(source)
        if stored is None:
            return None
        posting = self.postings.get((stored.id, source_id))
        if isinstance(posting, NewPosting):
            if not posting.inserted:
                self.insert_new()
            query = select(OpeningSource).where(
                OpeningSource.source_id == stored.id, OpeningSource.source_record_id == source_id
            )
            posting = self.postings[(stored.id, source_id)] = self.session.scalars(query).one()
        return posting

    def company(self, record: OpeningRecord) -> Company:
        if not self.companies_loaded:
            # One query for all of them: a query per new company costs more than the row.
            self.companies.update((c.name_key, c) for c in self.session.scalars(select(Company)))
            self.companies_loaded = True
        key = company_key(record.company)
        company = self.companies.get(key)
        if company is None:
            company = Company(name=record.company, name_key=key, business_no=record.business_no)
            self.session.add(company)
            self.companies[key] = company
        elif record.business_no and not company.business_no:
            company.business_no = record.business_no
        return company
