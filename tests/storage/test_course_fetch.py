"""`fetch_courses` against a stand-in of the 고용24 training API (the edge, faked with httpx)."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.course_api import CourseClient, CourseQuery
from storage.course_fetch import fetch_courses
from storage.course_models import Course

FIXTURES = Path(__file__).resolve().parents[2] / "data/courses/fixtures"
KEY = "SECRET-KEY-123"
QUERY = CourseQuery.upcoming(date(2026, 12, 3), regions=("45", "52"), keyword="용접")


def _client(handler: httpx.MockTransport) -> CourseClient:
    return CourseClient(
        auth_key=KEY, base_url="http://hrd.test/hr", transport=handler, sleep=lambda _: None
    )


def test_pages_every_region_and_stores_each_run(session: Session) -> None:
    body = (FIXTURES / "hrd_list.xml").read_bytes()
    calls: list[httpx.URL] = []

    def serve(request: httpx.Request) -> httpx.Response:
        calls.append(request.url)
        return httpx.Response(200, content=body)

    with _client(httpx.MockTransport(serve)) as client:
        report = fetch_courses(session, client, QUERY, size=20)
    assert report.error is None
    assert (report.rows, report.new, report.unchanged) == (24, 12, 12)  # both regions list them
    assert [c.params["srchTraArea1"] for c in calls] == ["45", "52"]
    first = calls[0].params
    assert first["srchTraStDt"] == "20261203" and first["srchTraProcessNm"] == "용접"
    assert first["authKey"] == KEY  # added by the transport, on the wire only
    assert session.scalar(select(func.count()).select_from(Course)) == 12


def test_an_error_envelope_stops_with_the_source_words_and_no_key(
    session: Session, caplog: pytest.LogCaptureFixture
) -> None:
    body = (FIXTURES / "hrd_error.xml").read_bytes()
    caplog.set_level(logging.DEBUG)
    with _client(httpx.MockTransport(lambda _: httpx.Response(200, content=body))) as client:
        report = fetch_courses(session, client, QUERY)
    assert report.error is not None and "인증키가 유효하지 않습니다" in report.error
    assert KEY not in report.error and KEY not in caplog.text


def test_an_api_that_keeps_failing_is_reported_without_the_key(session: Session) -> None:
    attempts = []

    def fail(request: httpx.Request) -> httpx.Response:
        attempts.append(request)
        return httpx.Response(503)

    with _client(httpx.MockTransport(fail)) as client:
        report = fetch_courses(session, client, QUERY)
    assert report.error is not None and "HTTP 503" in report.error
    assert KEY not in report.error
    assert len(attempts) == 4  # retried, then given up
