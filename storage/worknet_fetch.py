"""`jobbot fetch worknet`: page through the 고용24 list, add details for new or changed
postings, and store everything through the same :class:`storage.importer.Importer` as files.

A list item whose ``smodifyDtm`` equals the stored posting's is unchanged: it is counted
(and kept from retirement) without a detail call and without touching its stored record,
which may hold the details an earlier fetch added. With ``details``, a stored posting that
has no detail yet (an earlier fetch without ``--details``) is not skipped: its detail is
called once. An error envelope stops the fetch cleanly, except 006 (정보가 존재하지
않습니다), which only means there is nothing (more) to list.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from storage.errors import SourceErrorResponse, SourceUnavailable
from storage.formats import RawRow
from storage.formats.worknet_xml import SOURCE
from storage.import_report import FileReport
from storage.importer import Importer
from storage.readers import FileFormat, read_data
from storage.worknet_api import MAX_DISPLAY, MAX_START_PAGE, ListQuery, WorknetClient

logger = logging.getLogger(__name__)

__all__ = ["FETCH_NAME", "FetchReport", "fetch_worknet"]

#: What the import run and the report are called.
FETCH_NAME = "고용24 Open API"
#: messageCd meaning "no postings match": the end of the list, not a failure.
NO_DATA = "006"


@dataclass
class FetchReport:
    """The import report of the fetch, the calls it made, and the opening ids it changed."""

    report: FileReport
    pages: int = 0
    details: int = 0
    changed_opening_ids: set[int] = field(default_factory=set)


def fetch_worknet(
    session: Session,
    client: WorknetClient,
    query: ListQuery,
    *,
    details: bool = False,
    full: bool = False,
    dry_run: bool = False,
    display: int = MAX_DISPLAY,
    on_posting: Callable[[], None] | None = None,
) -> FetchReport:
    """Fetch and import; with ``full``, retire stored 고용24 postings the list no longer has.

    ``dry_run`` flushes instead of committing and rolls everything back at the end, so the
    report says what would change. The API failing midway (:class:`SourceUnavailable`) keeps
    what was imported so far, records the error, and retires nothing.
    """
    result = FetchReport(report=FileReport(file=FETCH_NAME))
    importer = Importer(session, changed=result.changed_opening_ids, dry_run=dry_run)
    importer.start(FETCH_NAME, "worknet-api")
    number = 0
    try:
        for page in range(1, MAX_START_PAGE + 1):
            rows = _list_rows(client, query, page, display)
            result.pages += 1
            if rows is None:
                break
            for raw in rows:
                number += 1
                _store(importer, client, raw, number, details=details, result=result)
                if on_posting:
                    on_posting()
            if len(rows) < display:
                break
    except (SourceErrorResponse, SourceUnavailable) as exc:
        importer.fail(str(exc))
    result.report = importer.finish()
    if full and not result.report.error:
        result.report.retired = importer.retire_unseen(SOURCE)
    if dry_run:
        session.rollback()
    return result


def _list_rows(
    client: WorknetClient, query: ListQuery, page: int, display: int
) -> list[RawRow] | None:
    """The postings of one list page; ``None`` when the API says there are none (006)."""
    body = client.list_page(query, page, display=display)
    try:
        _, rows = read_data(body, name=f"고용24 목록 {page}쪽", expect=FileFormat.WORKNET_XML)
        return list(rows)
    except SourceErrorResponse as exc:
        if exc.code == NO_DATA:
            logger.info("고용24 list ends at page %d (%s)", page, exc.code)
            return None
        raise


def _store(
    importer: Importer,
    client: WorknetClient,
    raw: RawRow,
    number: int,
    *,
    details: bool,
    result: FetchReport,
) -> None:
    """Store one list item: kept when unchanged, else imported (with its details if asked)."""
    fields = raw.fields
    source_id = fields.get("source_id", "")
    modified = fields.get("source_modified")
    posting = importer.posting(SOURCE, source_id) if source_id else None
    # Unchanged, and holding its detail when details are asked for: a posting an earlier
    # fetch (or file) brought without one still gets it.
    if (
        posting is not None
        and modified
        and posting.source_modified == modified
        and (posting.detail or not details)
    ):
        importer.keep(SOURCE, source_id)
        return
    if details and source_id and "_shape_error" not in fields:
        try:
            _, detail_rows = read_data(
                client.detail(source_id),
                name=f"고용24 상세 {source_id}",
                expect=FileFormat.WORKNET_XML,
            )
            for detail in detail_rows:
                # The detail is richer; the list still fills what the detail leaves empty.
                fields = {**fields, **{k: v for k, v in detail.fields.items() if v}}
            result.details += 1
        except SourceErrorResponse as exc:
            # A posting closed between the list and the detail call: keep the list's facts.
            logger.warning("고용24 detail of posting #%d unavailable (%s)", number, exc.code)
    importer.add(RawRow(number, fields))
