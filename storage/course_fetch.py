"""`jobbot fetch courses`: page through the 고용24 training-course list and store every run
like a course file (:mod:`storage.courses`).

An error envelope (HTTP 200) or an API that keeps failing stops the fetch with a clear
message quoting the source; the runs stored before stay.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from sqlalchemy.orm import Session

from storage.course_api import MAX_PAGE_SIZE, MAX_PAGES, CourseClient, CourseQuery
from storage.courses import import_course_rows
from storage.formats import RawRow
from storage.formats.courses import CourseFormat, read_hrd_xml
from storage.import_report import FileReport
from storage.readers import decode

__all__ = ["FETCH_NAME", "fetch_courses"]

FETCH_NAME = "고용24 훈련과정 Open API"


def fetch_courses(
    session: Session,
    client: CourseClient,
    query: CourseQuery,
    *,
    size: int = MAX_PAGE_SIZE,
    on_run: Callable[[], None] | None = None,
) -> FileReport:
    """Page through the list (each region in turn) and store every run."""

    def rows() -> Iterator[RawRow]:
        number = 0
        regions: list[str | None] = [*query.regions] or [None]  # None: every region
        for region in regions:
            for page in range(1, MAX_PAGES + 1):
                body = client.course_page(query, page, region=region, size=size)
                items = list(read_hrd_xml(decode(body)))
                for item in items:
                    number += 1
                    if on_run:
                        on_run()
                    yield RawRow(number, item.fields)
                if len(items) < size:
                    break

    return import_course_rows(
        session, name=FETCH_NAME, course_format=CourseFormat.HRD_XML, read=rows
    )
