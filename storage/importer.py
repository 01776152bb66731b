"""Import postings into the database: upsert, cross-source merge, retiring, error log.

Rules:
- a record is keyed by (source, source id); re-importing an unchanged record changes nothing,
  a changed one (content or ``smodifyDtm``) updates its opening — except that a source's
  detail of a posting is never overwritten by a list item of it, nor by an older detail
  (``smodifyDtm``);
- a record new to its source that matches an opening another source already posted
  (same company and region, near-identical title and description) is merged into it;
- a bad record is logged with its line and reason and the rest of the file still imports;
- a *full* import of a source retires that source's postings it no longer lists; an opening
  is retired only when every source that posted it has retired it, and comes back when any
  source lists it again;
- work is committed every :data:`COMMIT_EVERY` rows (SQLite's write lock is held briefly),
  each commit that changes openings bumps the catalog version the search index follows.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from pathlib import Path

from sqlalchemy import update
from sqlalchemy.orm import Session

from storage.catalog_version import bump_catalog_version
from storage.errors import RowRejected, UnreadableFileError
from storage.formats import RawRow
from storage.import_batch import CompanyJobs, NewOpening, NewPosting, NewRows, StoredJob
from storage.import_lookups import Lookups
from storage.import_report import FileReport, ImportSummary
from storage.models import (
    ImportRun,
    Opening,
    OpeningSource,
    RejectedRow,
    utc_now,
)
from storage.parse_ahead import ParseAhead, Parsed, default_workers
from storage.readers import read_rows
from storage.records import OpeningRecord, parse_record, record_hash
from storage.similarity import is_same_job

logger = logging.getLogger(__name__)

__all__ = ["COMMIT_EVERY", "Importer", "import_files"]

COMMIT_EVERY = 500


def import_files(
    session: Session,
    paths: Iterable[Path],
    *,
    source: str | None = None,
    columns: Mapping[str, str] | None = None,
    full: bool = False,
    on_row: Callable[[], None] | None = None,
    workers: int | None = None,
) -> ImportSummary:
    """Import every file in ``paths``.

    ``source`` names the source of every posting (and picks ``data/sources/NAME.yml``);
    ``columns`` maps unknown headers; ``full`` (with ``source``) retires that source's
    postings the files do not list, once every file has been read without a whole-file error.
    ``workers`` processes normalize the rows of long files ahead of storing them (default:
    :func:`storage.parse_ahead.default_workers`; 0: none); what is stored is the same.
    """
    summary = ImportSummary()
    importer = Importer(session, source=source, changed=summary.changed_opening_ids)
    ahead = ParseAhead(
        workers=default_workers() if workers is None else workers, source_override=source
    )
    # Imported here: storage.courses reuses this module's FileReport.
    from storage.courses import import_course_file, sniff_course_file

    try:
        for path in paths:
            if course_format := sniff_course_file(path):  # training courses, told by content
                summary.files.append(import_course_file(session, path, course_format))
                continue
            importer.start(str(path))
            ahead.expect(path)
            try:
                file_format, rows = read_rows(path, columns=columns, source=source)
                importer.set_format(file_format.value)
                for raw, parsed in ahead.rows(rows, importer.known_unchanged):
                    importer.add(raw, parsed)
                    if on_row:
                        on_row()
            except UnreadableFileError as exc:
                importer.fail(str(exc))
            summary.files.append(importer.finish())
    finally:
        ahead.close()
    if full and source and not any(report.error for report in summary.files):
        summary.files[-1].retired = importer.retire_unseen(source)
    return summary


class Importer:
    """Stores postings one at a time for a run of files; see the module docstring for the rules.

    ``start`` opens a file's report, ``add`` stores one posting, ``finish`` closes the report.
    With ``dry_run`` nothing is committed (only flushed): the caller rolls the session back.
    """

    def __init__(
        self,
        session: Session,
        *,
        source: str | None = None,
        changed: set[int] | None = None,
        dry_run: bool = False,
    ) -> None:
        self.session = session
        self.dry_run = dry_run
        self.source_override = source
        self.changed = changed if changed is not None else set()
        self.new_rows = NewRows()
        self.jobs = CompanyJobs(session)
        self.lookups = Lookups(session, insert_new=self._insert_new)
        #: (source row id, source's own id) of every posting read in this run.
        self.seen: set[tuple[int, str]] = set()
        self._touched: list[Opening | NewOpening | StoredJob] = []
        #: Stored postings read since the last commit; their ``last_seen`` is set in bulk.
        self._seen_ids: list[int] = []
        self._pending = 0
        self._report = FileReport(file="")
        self._run: ImportRun | None = None

    def start(self, name: str, file_format: str = "") -> None:
        """Begin the report of one file (or fetch) called ``name``."""
        self._report = FileReport(file=name, file_format=file_format)
        self._run = ImportRun(
            path=name[:500], file_format=file_format, source_override=self.source_override
        )
        self.session.add(self._run)

    def set_format(self, file_format: str) -> None:
        """Record the format the reader detected."""
        self._report.file_format = file_format
        assert self._run is not None
        self._run.file_format = file_format

    def posting(self, source: str, source_id: str) -> OpeningSource | None:
        """The stored posting of ``source_id`` at ``source``, if any."""
        return self.lookups.posting(source, source_id)

    def add(self, raw: RawRow, parsed: Parsed = None) -> None:
        """Store one posting as read (or report why it cannot be).

        ``parsed`` is the row's record (or rejection) if a worker normalized it already.
        """
        report = self._report
        report.rows += 1
        if self._unchanged(raw.fields):
            report.unchanged += 1
        else:
            try:
                if isinstance(parsed, RowRejected):
                    raise parsed
                record = (
                    parsed
                    if parsed is not None
                    else _parse_safely(raw.fields, self.source_override, report.file, raw.line)
                )
                outcome, opening = self._upsert(record)
            except RowRejected as exc:
                self.reject(raw.line, str(exc), str(raw.fields)[:2000])
            else:
                setattr(report, outcome, getattr(report, outcome) + 1)
                if outcome != "unchanged":
                    self._touched.append(opening)
        self._pending += 1
        if self._pending >= COMMIT_EVERY:
            self.commit()

    def known_unchanged(self, fields: dict[str, str]) -> bool:
        """Whether ``fields`` are what a posting loaded from the database was made from, by
        what is in memory now (no query, no change): rows read ahead need not be normalized."""
        source = self.source_override or (fields.get("source") or "").strip()
        stored = self.lookups.sources.get(source)
        if stored is None:
            return False
        posting = self.lookups.postings.get((stored.id, (fields.get("source_id") or "").strip()))
        return (
            isinstance(posting, OpeningSource)
            and posting.source_modified == ((fields.get("source_modified") or "").strip() or None)
            and posting.record_hash == record_hash(fields)
        )

    def _unchanged(self, fields: dict[str, str]) -> bool:
        """Whether ``fields`` are exactly what the stored posting was made from.

        Checked before normalizing, which costs far more than the hash: re-importing an
        unchanged file only hashes its rows.
        """
        source = self.source_override or (fields.get("source") or "").strip()
        source_id = (fields.get("source_id") or "").strip()
        posting = self.lookups.posting(source, source_id) if source and source_id else None
        if posting is None:
            return False
        modified = (fields.get("source_modified") or "").strip() or None
        if posting.source_modified != modified or posting.record_hash != record_hash(fields):
            return False
        self._see(posting)
        return True

    def keep(self, source: str, source_id: str) -> bool:
        """Count a posting the caller knows is unchanged (a fetch compared ``smodifyDtm``)
        as read and unchanged without its full record; False when it is not stored."""
        posting = self.lookups.posting(source, source_id)
        if posting is None:
            return False
        self._report.rows += 1
        self._report.unchanged += 1
        self._see(posting)
        return True

    def reject(self, line: int, reason: str, raw: str = "") -> None:
        """Report one posting that cannot be stored."""
        self._report.rejected.append((line, reason))
        self.session.add(RejectedRow(run=self._run, line=line, reason=reason, raw=raw))

    def fail(self, message: str) -> None:
        """Record that the file could not be read (from here on)."""
        self._report.error = message
        self.session.add(RejectedRow(run=self._run, line=0, reason=message))

    def finish(self) -> FileReport:
        """Close the file's report and import run, commit, and return the report."""
        report, run = self._report, self._run
        assert run is not None
        run.rows_total = report.rows
        run.new, run.updated, run.unchanged = report.new, report.updated, report.unchanged
        run.merged, run.rejected = report.merged, len(report.rejected)
        run.finished_at = datetime.now()
        self.commit()
        logger.info(
            "imported %s: %d rows, %d new, %d updated, %d merged, %d rejected",
            Path(report.file).name,
            report.rows,
            report.new,
            report.updated,
            report.merged,
            len(report.rejected),
        )
        return report

    def commit(self) -> None:
        """Commit; bump the catalog version when openings changed since the last commit."""
        self._insert_new()
        if self._touched:
            bump_catalog_version(session=self.session)
        if self._seen_ids:
            # One UPDATE instead of a flushed change per unchanged posting.
            self.session.execute(
                update(OpeningSource)
                .where(OpeningSource.id.in_(self._seen_ids))
                .values(last_seen=utc_now())
                .execution_options(synchronize_session=False)
            )
            self._seen_ids.clear()
        if self.dry_run:
            self.session.flush()
        else:
            self.session.commit()
        self.changed.update(o.id for o in self._touched if o.id is not None)
        self._touched.clear()
        self._pending = 0

    def retire_unseen(self, source: str) -> int:
        """Retire the postings of ``source`` this run did not read; the number retired.

        Their openings are retired too unless another source still lists them. A run that read
        none of the source's postings retires nothing: an empty list (고용24's 006 on the
        first page, a file whose every row was rejected) says more about the call or the file
        than about the source, and would otherwise close every opening it has.
        """
        source_row = self.lookups.source(source)
        if not any(key[0] == source_row.id for key in self.seen):
            logger.warning("full list of %s had no posting: nothing retired", source)
            return 0
        now = utc_now()
        retired = 0
        for key, posting in self.lookups.postings.items():
            if key in self.seen or key[0] != source_row.id or isinstance(posting, NewPosting):
                continue  # a posting created by this run was seen by it
            if posting.retired_at is not None:
                continue
            posting.retired_at = now
            retired += 1
            opening = posting.opening
            if opening.retired_at is None and all(p.retired_at for p in opening.postings):
                opening.retired_at = now
                self.jobs.changed(opening)
                self._touched.append(opening)
            if retired % COMMIT_EVERY == 0:
                self.commit()
        self.commit()
        logger.info("retired %d postings of %s", retired, source)
        return retired

    def _see(self, posting: OpeningSource) -> None:
        """Mark ``posting`` as listed again: last seen now, back from retirement if it was."""
        self.seen.add((posting.source_id, posting.source_record_id))
        self._seen_ids.append(posting.id)
        if posting.retired_at is not None:
            posting.retired_at = None
            if posting.opening.retired_at is not None:
                posting.opening.retired_at = None
                self.jobs.changed(posting.opening)
                self._touched.append(posting.opening)

    def _insert_new(self) -> None:
        """Insert the new openings and postings waiting since the last commit."""
        self.new_rows.insert(self.session)

    def _upsert(self, record: OpeningRecord) -> tuple[str, Opening | NewOpening | StoredJob]:
        """Store one record; return the outcome name and the opening it landed on."""
        lookups = self.lookups
        posting = lookups.posting(record.source, record.source_id)
        if posting is not None:
            self._see(posting)
            if (
                posting.record_hash == record.record_hash
                and posting.source_modified == record.source_modified
            ) or _stale(posting, record):
                return "unchanged", posting.opening
            posting.record_hash = record.record_hash
            posting.source_modified = record.source_modified
            posting.detail = record.detail
            _apply(posting.opening, record)
            self.jobs.changed(posting.opening)
            return "updated", posting.opening

        source = lookups.source(record.source)
        company = lookups.company(record)
        jobs = self.jobs.candidates(company, record.region_id)
        twin = next((o for o in jobs if o.retired_at is None and is_same_job(o, record)), None)
        opening: NewOpening | StoredJob
        if twin is None:
            opening = NewOpening(
                {**record.opening_values(), "content_hash": content_hash(record)}, company
            )
            self.new_rows.openings.append(opening)
            self.jobs.add(opening)
        else:
            opening = twin
        new = NewPosting(
            source_id=source.id,
            source_record_id=record.source_id,
            record_hash=record.record_hash,
            source_modified=record.source_modified,
            detail=record.detail,
            opening=opening if isinstance(opening, NewOpening) else opening.id,
        )
        self.new_rows.postings.append(new)
        lookups.postings[(source.id, record.source_id)] = new
        self.seen.add((source.id, record.source_id))
        return ("merged" if twin is not None else "new"), opening


def _stale(posting: OpeningSource, record: OpeningRecord) -> bool:
    """Whether ``record`` must not overwrite what ``posting`` stored: a list item after the
    posting's detail (the detail's fields win), or a detail older than the stored one (by
    ``smodifyDtm``, ``YYYYMMDDHHmm``)."""
    if not posting.detail:
        return False
    if not record.detail:
        return True
    stored, incoming = posting.source_modified or "", record.source_modified or ""
    return (
        len(stored) == len(incoming)
        and stored.isdigit()
        and incoming.isdigit()
        and (incoming < stored)
    )


def _parse_safely(
    fields: dict[str, str], source_override: str | None, name: str, line: int
) -> OpeningRecord:
    """:func:`parse_record`, turning an unexpected failure into a rejected row, not a crash."""
    try:
        return parse_record(fields, source_override=source_override)
    except RowRejected:
        raise
    except Exception as exc:  # a normalizer bug must not cost the rest of the file
        logger.exception("unexpected error normalizing %s line %d", Path(name).name, line)
        raise RowRejected(
            "이 행을 처리하는 중 예기치 못한 오류가 났습니다 (담당자에게 알려 주세요)"
        ) from exc


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
