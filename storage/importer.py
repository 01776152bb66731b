"""Import files of openings into the database: upsert, cross-source merge, error log.

Rules:
- a record is keyed by (source, source id); re-importing an unchanged record changes nothing,
  a changed one (content or ``smodifyDtm``) updates its opening;
- a record new to its source that matches an opening another source already posted
  (same company and region, near-identical title and description) is merged into it;
- a bad record is logged with its line and reason and the rest of the file still imports.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.errors import RowRejected, UnreadableFileError
from storage.models import Company, ImportRun, Opening, OpeningSource, RejectedRow, Source
from storage.readers import read_rows
from storage.records import OpeningRecord, company_key, parse_record
from storage.similarity import is_same_job

logger = logging.getLogger(__name__)

__all__ = ["FileReport", "ImportSummary", "import_files"]

COMMIT_EVERY = 500


@dataclass
class FileReport:
    """What happened to one file."""

    path: Path
    file_format: str = ""
    rows: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    merged: int = 0
    rejected: list[tuple[int, str]] = field(default_factory=list)
    error: str | None = None


@dataclass
class ImportSummary:
    """Totals over all files, plus each file's report."""

    files: list[FileReport] = field(default_factory=list)
    changed_opening_ids: set[int] = field(default_factory=set)

    def total(self, name: str) -> int:
        """Sum of one counter (``new``, ``updated``, ``unchanged``, ``merged``) over files."""
        return sum(getattr(report, name) for report in self.files)

    @property
    def rejected(self) -> int:
        """Number of rejected rows over all files."""
        return sum(len(report.rejected) for report in self.files)


def import_files(
    session: Session,
    paths: Iterable[Path],
    *,
    source: str | None = None,
    on_row: Callable[[], None] | None = None,
) -> ImportSummary:
    """Import every file in ``paths``; ``source`` overrides the records' own source name."""
    summary = ImportSummary()
    for path in paths:
        summary.files.append(
            _import_file(session, path, source, on_row, summary.changed_opening_ids)
        )
    return summary


def _import_file(
    session: Session,
    path: Path,
    source_override: str | None,
    on_row: Callable[[], None] | None,
    changed: set[int],
) -> FileReport:
    report = FileReport(path=path)
    run = ImportRun(path=str(path), file_format="", source_override=source_override)
    session.add(run)
    lookups = _Lookups(session)
    touched: list[Opening] = []
    try:
        file_format, rows = read_rows(path)
        report.file_format = run.file_format = file_format.value
        for raw in rows:
            report.rows += 1
            try:
                record = _parse_safely(raw.fields, source_override, path, raw.line)
                outcome, opening = _upsert(lookups, record)
            except RowRejected as exc:
                report.rejected.append((raw.line, str(exc)))
                session.add(
                    RejectedRow(run=run, line=raw.line, reason=str(exc), raw=str(raw.fields)[:2000])
                )
            else:
                setattr(report, outcome, getattr(report, outcome) + 1)
                if outcome != "unchanged":
                    touched.append(opening)
            if on_row:
                on_row()
            if report.rows % COMMIT_EVERY == 0:
                _commit(session, touched, changed)
    except UnreadableFileError as exc:
        report.error = str(exc)
        session.add(RejectedRow(run=run, line=0, reason=str(exc)))
    run.rows_total = report.rows
    run.new, run.updated, run.unchanged, run.merged = (
        report.new,
        report.updated,
        report.unchanged,
        report.merged,
    )
    run.rejected = len(report.rejected)
    run.finished_at = datetime.now()
    _commit(session, touched, changed)
    logger.info(
        "imported %s: %d rows, %d new, %d updated, %d merged, %d rejected",
        path.name,
        report.rows,
        report.new,
        report.updated,
        report.merged,
        len(report.rejected),
    )
    return report


def _parse_safely(
    fields: dict[str, str], source_override: str | None, path: Path, line: int
) -> OpeningRecord:
    """:func:`parse_record`, turning an unexpected failure into a rejected row, not a crash."""
    try:
        return parse_record(fields, source_override=source_override)
    except RowRejected:
        raise
    except Exception as exc:  # a normalizer bug must not cost the rest of the file
        logger.exception("unexpected error normalizing %s line %d", path.name, line)
        raise RowRejected(
            "이 행을 처리하는 중 예기치 못한 오류가 났습니다 (담당자에게 알려 주세요)"
        ) from exc


def _commit(session: Session, touched: list[Opening], changed: set[int]) -> None:
    """Commit, then record the ids of the openings touched since the last commit."""
    session.commit()
    changed.update(opening.id for opening in touched)
    touched.clear()


class _Lookups:
    """Per-import caches of sources, postings and companies, so each row costs no queries.

    Postings of a source are loaded once, the first time the source appears.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self.sources: dict[str, Source] = {}
        self.postings: dict[tuple[int, str], OpeningSource] = {}
        self.companies: dict[str, Company] = {}

    def source(self, name: str) -> Source:
        if name not in self.sources:
            source = self.session.scalar(select(Source).where(Source.name == name))
            if source is None:
                source = Source(name=name)
                self.session.add(source)
                self.session.flush()
            else:
                for posting in self.session.scalars(
                    select(OpeningSource).where(OpeningSource.source_id == source.id)
                ):
                    self.postings[(source.id, posting.source_record_id)] = posting
            self.sources[name] = source
        return self.sources[name]

    def company(self, record: OpeningRecord) -> Company:
        key = company_key(record.company)
        company = self.companies.get(key)
        if company is None:
            # Pending rows need no flush for this read: a new key was never seen in this run.
            with self.session.no_autoflush:
                company = self.session.scalar(select(Company).where(Company.name_key == key))
        if company is None:
            company = Company(name=record.company, name_key=key, business_no=record.business_no)
            self.session.add(company)
        elif record.business_no and not company.business_no:
            company.business_no = record.business_no
        self.companies[key] = company
        return company


def _upsert(lookups: _Lookups, record: OpeningRecord) -> tuple[str, Opening]:
    """Store one record; return the outcome name and the opening it landed on."""
    source = lookups.source(record.source)
    posting = lookups.postings.get((source.id, record.source_id))
    if posting is not None:
        posting.last_seen = datetime.now()
        if (
            posting.record_hash == record.record_hash
            and posting.source_modified == record.source_modified
        ):
            return "unchanged", posting.opening
        posting.record_hash = record.record_hash
        posting.source_modified = record.source_modified
        _apply(posting.opening, record)
        return "updated", posting.opening

    company = lookups.company(record)
    twin = next((o for o in company.openings if is_same_job(o, record)), None)
    opening = twin or Opening(company=company)
    if twin is None:
        _apply(opening, record)
        lookups.session.add(opening)
    posting = OpeningSource(
        source=source,
        source_record_id=record.source_id,
        record_hash=record.record_hash,
        source_modified=record.source_modified,
    )
    opening.postings.append(posting)
    lookups.postings[(source.id, record.source_id)] = posting
    return ("merged" if twin is not None else "new"), opening


def _apply(opening: Opening, record: OpeningRecord) -> None:
    for name, value in record.opening_values().items():
        setattr(opening, name, value)
    opening.content_hash = content_hash(record)


def content_hash(record: OpeningRecord) -> str:
    """Hash of what the search text is built from (the index re-embeds when it changes)."""
    import hashlib

    parts = (record.title, record.occupation_raw, record.description, record.region_raw,
             record.company, record.work_shift_raw, record.certificates_raw)  # fmt: skip
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
