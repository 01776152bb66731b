"""Fetching from 고용24 against a local stand-in of the Open API, into a real SQLite database."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.errors import SourceUnavailable
from storage.models import Opening, OpeningSource
from storage.worknet_api import ListQuery, WorknetClient
from storage.worknet_fetch import fetch_worknet
from tests.helpers.worknet_api import Posting, WorknetStandIn

POSTINGS = [
    Posting("K100", "(주)새만금중공업", "선박블록 CO2 용접사 모집"),
    Posting("K101", "군산물류(주)", "지게차 운전원 모집", close="채용시까지  26-11-30"),
    Posting("K102", "오식도정밀", "CNC 선반 기사", close="26-12-15", phones=("063-1", "063-2")),
    Posting("K103", "대한도장", "선박 도장공", close="99991231"),
    Posting("K104", "비응식품", "식품 포장 생산직", close="채용시까지"),
]


def client_for(
    api: WorknetStandIn, *, key: str | None = None, timeout: float = 5.0
) -> WorknetClient:
    return WorknetClient(
        auth_key=key or api.key, base_url=api.base_url, timeout=timeout, backoff=0.0
    )


def fetch(session: Session, api: WorknetStandIn, **options: object):  # type: ignore[no-untyped-def]
    with client_for(api, timeout=float(options.pop("timeout", 5.0))) as client:  # type: ignore[arg-type]
        return fetch_worknet(session, client, ListQuery(), display=2, **options)  # type: ignore[arg-type]


def calls(api: WorknetStandIn, kind: str) -> list[dict[str, str]]:
    return [params for path, params in api.calls if path.endswith(kind)]


def test_pages_through_the_list_and_adds_details(
    session: Session, worknet_api: WorknetStandIn
) -> None:
    worknet_api.postings = list(POSTINGS)
    result = fetch(session, worknet_api, details=True)
    report = result.report
    assert (report.rows, report.new, report.rejected, report.error) == (5, 5, [], None)
    assert [p["startPage"] for p in calls(worknet_api, "210L01.do")] == ["1", "2", "3"]
    assert all(p["display"] == "2" for p in calls(worknet_api, "210L01.do"))
    assert len(calls(worknet_api, "210D01.do")) == 5 == result.details
    welder = session.scalars(select(Opening).where(Opening.title.contains("용접"))).one()
    assert welder.occupation_code == "710302"
    assert "선박 블록 용접" in welder.description  # the detail's jobCont
    forklift = session.scalars(select(Opening).where(Opening.title.contains("지게차"))).one()
    assert forklift.open_ended and forklift.closes_on is not None
    cnc = session.scalars(select(Opening).where(Opening.title.contains("CNC"))).one()
    assert "063-1" in cnc.contact and "063-2" in cnc.contact


def test_refetch_calls_details_only_for_changed_postings(
    session: Session, worknet_api: WorknetStandIn
) -> None:
    worknet_api.postings = list(POSTINGS)
    fetch(session, worknet_api, details=True)
    worknet_api.calls.clear()
    worknet_api.postings[2].modified = "202611251200"
    worknet_api.postings[2].title = "CNC 선반 기사 (야간 없음)"
    report = fetch(session, worknet_api, details=True).report
    assert (report.new, report.updated, report.unchanged) == (0, 1, 4)
    assert [p["wantedAuthNo"] for p in calls(worknet_api, "210D01.do")] == ["K102"]
    # The unchanged postings kept what their details added.
    welder = session.scalars(select(Opening).where(Opening.title.contains("용접"))).one()
    assert "선박 블록 용접" in welder.description


def test_details_asked_later_are_called_for_unchanged_postings_without_one(
    session: Session, worknet_api: WorknetStandIn
) -> None:
    # A first fetch without --details, then one with it: every posting gets its detail once.
    worknet_api.postings = list(POSTINGS)
    fetch(session, worknet_api)
    worknet_api.calls.clear()
    report = fetch(session, worknet_api, details=True).report
    assert (report.new, report.updated, report.unchanged) == (0, 5, 0)
    assert len(calls(worknet_api, "210D01.do")) == 5
    welder = session.scalars(select(Opening).where(Opening.title.contains("용접"))).one()
    assert "선박 블록 용접" in welder.description
    worknet_api.calls.clear()
    again = fetch(session, worknet_api, details=True).report
    assert (again.updated, again.unchanged) == (0, 5)
    assert calls(worknet_api, "210D01.do") == []


def test_a_5xx_and_a_timeout_are_retried(session: Session, worknet_api: WorknetStandIn) -> None:
    worknet_api.postings = list(POSTINGS[:3])
    worknet_api.fail("list:1", "500", "500")
    worknet_api.fail("list:2", "hang")
    worknet_api.hang_seconds = 1.0
    report = fetch(session, worknet_api, timeout=0.3).report
    assert (report.new, report.error) == (3, None)
    assert [p["startPage"] for p in calls(worknet_api, "210L01.do")] == ["1", "1", "1", "2", "2"]


def test_an_api_that_keeps_failing_stops_with_a_clear_message(
    session: Session, worknet_api: WorknetStandIn
) -> None:
    worknet_api.postings = list(POSTINGS)
    worknet_api.fail("list:2", *["500"] * 4)
    report = fetch(session, worknet_api, full=True).report
    assert report.new == 2  # page 1 is kept
    assert report.error == "고용24 채용정보 목록 2쪽을(를) 받지 못했습니다: HTTP 500"
    assert report.retired == 0


@pytest.mark.parametrize(
    ("envelope", "message"),
    [
        ("002", "고용24 응답 오류 (002): 유효하지 않은 인증키 입니다."),
        ("018", "고용24 응답 오류 (018): 일일 호출 한도를 초과하였습니다."),
        ("GO24", "고용24 응답 오류: 신청하신 OpenApi 서비스가 존재하지 않습니다"),
    ],
)
def test_an_error_envelope_stops_cleanly_quoting_the_source(
    session: Session, worknet_api: WorknetStandIn, envelope: str, message: str
) -> None:
    worknet_api.postings = list(POSTINGS)
    worknet_api.envelope = envelope
    report = fetch(session, worknet_api, full=True).report
    assert report.error == message
    assert report.rows == 0 and len(worknet_api.calls) == 1


def test_no_postings_is_an_empty_fetch_not_an_error(
    session: Session, worknet_api: WorknetStandIn
) -> None:
    report = fetch(session, worknet_api).report
    assert (report.rows, report.error) == (0, None)


def test_an_empty_full_list_retires_nothing(session: Session, worknet_api: WorknetStandIn) -> None:
    # 006 on the first page (or a filter that matches nothing) must not close every posting.
    worknet_api.postings = list(POSTINGS)
    fetch(session, worknet_api)
    worknet_api.postings = []
    report = fetch(session, worknet_api, full=True).report
    assert (report.rows, report.error, report.retired) == (0, None, 0)
    assert all(o.retired_at is None for o in session.scalars(select(Opening)))


def test_a_wrong_key_is_refused_by_the_source(
    session: Session, worknet_api: WorknetStandIn
) -> None:
    worknet_api.postings = list(POSTINGS)
    with client_for(worknet_api, key="WRONG-KEY") as client:
        report = fetch_worknet(session, client, ListQuery()).report
    assert report.error == "고용24 응답 오류 (002): 유효하지 않은 인증키 입니다."


def test_a_detail_that_vanished_keeps_the_list_facts(
    session: Session, worknet_api: WorknetStandIn
) -> None:
    worknet_api.postings = list(POSTINGS[:2])
    worknet_api.fail("detail:K101", "006")
    report = fetch(session, worknet_api, details=True).report
    assert (report.new, report.error) == (2, None)


def test_full_fetch_retires_what_the_list_dropped(
    session: Session, worknet_api: WorknetStandIn
) -> None:
    worknet_api.postings = list(POSTINGS)
    fetch(session, worknet_api)
    worknet_api.postings = [p for p in POSTINGS if p.auth_no != "K103"]
    report = fetch(session, worknet_api, full=True).report
    assert (report.unchanged, report.retired) == (4, 1)
    painter = session.scalars(select(Opening).where(Opening.title.contains("도장"))).one()
    assert painter.retired_at is not None
    # Listed again: back.
    worknet_api.postings = list(POSTINGS)
    fetch(session, worknet_api, full=True)
    session.refresh(painter)
    assert painter.retired_at is None


def test_dry_run_changes_nothing(session: Session, worknet_api: WorknetStandIn) -> None:
    worknet_api.postings = list(POSTINGS)
    report = fetch(session, worknet_api, dry_run=True, details=True).report
    assert report.new == 5
    assert session.scalars(select(OpeningSource)).all() == []


def test_the_key_never_reaches_a_log_line_or_an_error(
    session: Session, worknet_api: WorknetStandIn, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # httpx logs every request URL at INFO
    worknet_api.postings = list(POSTINGS[:3])
    worknet_api.fail("list:1", "500")
    worknet_api.fail("list:2", "hang", "hang", "hang", "hang")
    worknet_api.hang_seconds = 0.5
    report = fetch(session, worknet_api, details=True, timeout=0.2).report
    assert report.error and "시간 초과" in report.error
    assert any(params.get("authKey") == worknet_api.key for _, params in worknet_api.calls)
    assert "HTTP Request" in caplog.text  # httpx did log its URLs...
    assert worknet_api.key not in caplog.text  # ...without the key
    assert worknet_api.key not in report.error


def test_a_refused_connection_names_no_url() -> None:
    with (
        WorknetClient(
            auth_key="SECRET-KEY-9", base_url="http://127.0.0.1:9", attempts=2, backoff=0.0
        ) as client,
        pytest.raises(SourceUnavailable) as caught,
    ):
        client.list_page(ListQuery(keyword="용접"), 1)
    assert "연결 실패" in str(caught.value)
    assert "SECRET-KEY-9" not in repr(caught.value.__context__) + str(caught.value)
