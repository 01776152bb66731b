"""Training courses: import a course file, store runs, list the upcoming ones.

A run is keyed by (source, the source's id of the run): 고용24 ``trprId:trprDegr:trainstCstId``,
a local CSV row by institution, course and start date. Re-importing an unchanged run changes
nothing; a broken row is reported with its line and the rest still imports (like openings,
each file is an ``import_runs`` row and each refused run a ``rejected_rows`` row). A run without
dates is kept and never upcoming.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Iterable
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage import messages
from storage.course_models import Course
from storage.course_records import CourseRecord, parse_course
from storage.errors import RowRejected, SourceUnavailable, UnreadableFileError
from storage.formats import RawRow
from storage.formats.courses import CourseFormat, detect_course_format, read_course_text
from storage.import_report import FileReport
from storage.models import ImportRun, RejectedRow
from storage.readers import decode

__all__ = [
    "import_course_file",
    "import_course_rows",
    "sniff_course_file",
    "store_course",
    "upcoming_courses",
]

logger = logging.getLogger(__name__)

#: Bytes read to tell a course file from a postings file.
SNIFF_BYTES = 4096


def sniff_course_file(path: Path) -> CourseFormat | None:
    """The course format of the file at ``path``, or ``None`` (postings, or unreadable)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError:
        return None  # the posting importer reports why it cannot be opened
    return detect_course_format(_decode_head(head))


def _decode_head(head: bytes) -> str:
    try:
        return decode(head)
    except (UnreadableFileError, UnicodeDecodeError):
        # The cut may split a character; markers are ASCII, so a lossy decode still shows them.
        return head.decode("utf-8-sig", errors="ignore")


def import_course_file(session: Session, path: Path, course_format: CourseFormat) -> FileReport:
    """Import every run in the course file at ``path``; see the module docstring."""

    def read() -> Iterable[RawRow]:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise UnreadableFileError(messages.FILE_UNOPENABLE.format(reason=exc.strerror)) from exc
        return read_course_text(decode(data), course_format)

    return import_course_rows(session, name=str(path), course_format=course_format, read=read)


def import_course_rows(
    session: Session,
    *,
    name: str,
    course_format: CourseFormat | str,
    read: Callable[[], Iterable[RawRow]],
) -> FileReport:
    """Import the runs ``read()`` returns; a file-level error (raised by ``read`` or while
    iterating, such as an API that stopped answering) keeps the runs stored so far and is the
    report's ``error``."""
    file_format = str(course_format)
    report = FileReport(file=name, file_format=file_format)
    run = ImportRun(path=name[:500], file_format=file_format)
    session.add(run)
    try:
        for raw in read():
            report.rows += 1
            try:
                outcome = store_course(session, record=parse_course(raw.fields))
            except RowRejected as exc:
                report.rejected.append((raw.line, str(exc)))
                session.add(RejectedRow(run=run, line=raw.line, reason=str(exc)))
            else:
                setattr(report, outcome, getattr(report, outcome) + 1)
    except (UnreadableFileError, SourceUnavailable) as exc:
        report.error = str(exc)
        session.add(RejectedRow(run=run, line=0, reason=str(exc)))
    run.rows_total, run.new, run.updated = report.rows, report.new, report.updated
    run.unchanged, run.rejected = report.unchanged, len(report.rejected)
    run.finished_at = datetime.now()
    session.commit()
    logger.info(
        "imported courses %s: %d rows, %d new, %d updated, %d rejected",
        Path(name).name,
        report.rows,
        report.new,
        report.updated,
        len(report.rejected),
    )
    return report


def store_course(session: Session, *, record: CourseRecord) -> str:
    """Insert or update one run; ``"new"``, ``"updated"`` or ``"unchanged"``."""
    course = session.scalar(
        select(Course).where(
            Course.source == record.source, Course.source_record_id == record.source_id
        )
    )
    if course is not None and course.record_hash == record.record_hash:
        return "unchanged"
    outcome = "updated" if course is not None else "new"
    if course is None:
        course = Course(source=record.source, source_record_id=record.source_id)
        session.add(course)
    for column in (
        "title", "institution", "starts_on", "ends_on", "hours", "fee", "self_pay", "region",
        "ncs_code", "url", "contact",
    ):  # fmt: skip
        setattr(course, column, getattr(record, column))
    course.record_hash = record.record_hash
    session.flush()
    return outcome


def upcoming_courses(
    session: Session, *, as_of: date, titles: Collection[str] | None = None
) -> list[Course]:
    """Runs starting on or after ``as_of`` (never one without dates), soonest first;
    only those whose title is in ``titles`` when given."""
    query = select(Course).where(Course.starts_on.is_not(None), Course.starts_on >= as_of)
    if titles is not None:
        query = query.where(Course.title.in_(list(titles)))
    return list(session.scalars(query.order_by(Course.starts_on, Course.id)))
