"""Value parsers: each form the sources write, with the value it must give."""

from __future__ import annotations

from datetime import date

import pytest

from storage.errors import RowRejected
from storage.values.career import Career, parse_career
from storage.values.company import clean_company, company_key, looks_like_ad_copy
from storage.values.dates import Closing, parse_closing, parse_date
from storage.values.education import normalize_education
from storage.values.employment import normalize_employment
from storage.values.ids import BoardUrl, derived_id, read_url
from storage.values.location import Location, Scope, clean_location, looks_like_location
from storage.values.pay import Pay, parse_pay, pay_text
from storage.values.text import Sector, clean_text, split_sector

TODAY = date(2026, 12, 3)
REGISTERED = date(2026, 11, 20)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("", Closing(None, False)),
        ("2026-12-31", Closing(date(2026, 12, 31), False)),
        ("20261231", Closing(date(2026, 12, 31), False)),
        ("26-12-20", Closing(date(2026, 12, 20), False)),
        ("2022.12.11 (마감 11일전)", Closing(date(2022, 12, 11), False)),
        ("채용시까지", Closing(None, True)),
        ("채용시까지  26-11-30", Closing(date(2026, 11, 30), True)),
        ("채용시", Closing(None, True)),
        ("상시채용", Closing(None, True)),
        ("상시모집", Closing(None, True)),
        ("상시", Closing(None, True)),
        ("99991231", Closing(None, True)),
        ("~ 12/22(일)", Closing(date(2026, 12, 22), False)),  # after the registration date
        ("~ 11/10(화)", Closing(date(2027, 11, 10), False)),  # before it: next year's
        ("~ 01/05(월)", Closing(date(2027, 1, 5), False)),
        ("오늘마감", Closing(TODAY, False)),
        ("18시마감", Closing(TODAY, False)),
        ("(내일 마감)", Closing(date(2026, 12, 4), False)),
        ("내일마감", Closing(date(2026, 12, 4), False)),
        ("2026.11.30 ~ 2026.12.22", Closing(date(2026, 12, 22), False)),  # a period: its end
        ("11/30(월) ~ 12/22(화)", Closing(date(2026, 12, 22), False)),
        ("2026년 12월 22일", Closing(date(2026, 12, 22), False)),
        ("12월 22일", Closing(date(2026, 12, 22), False)),
        ("마감 D-3", Closing(date(2026, 12, 6), False)),
    ],
)
def test_close_dates(raw: str, expected: Closing) -> None:
    assert parse_closing(raw, reference=REGISTERED, today=TODAY) == expected


def test_a_day_without_year_counts_from_the_reference_inclusive() -> None:
    assert parse_closing("12/03", reference=TODAY, today=TODAY).on == TODAY


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("다음 주쯤", "날짜로 읽을 수 없습니다"),
        ("2026-13-45", "없는 날짜"),
        ("~ 02/30", "없는 날짜"),
    ],
)
def test_unreadable_close_dates_are_rejected_with_a_reason(raw: str, reason: str) -> None:
    with pytest.raises(RowRejected, match=reason):
        parse_closing(raw, reference=REGISTERED, today=TODAY)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("26-10-01", date(2026, 10, 1)),
        ("2026-10-01", date(2026, 10, 1)),
        ("24/12/11", date(2024, 12, 11)),
        ("2024.12.11", date(2024, 12, 11)),
        ("202610201034", date(2026, 10, 20)),
        ("어제", None),
        ("", None),
    ],
)
def test_other_dates(raw: str, expected: date | None) -> None:
    assert parse_date(raw) == expected


@pytest.mark.parametrize(
    ("type_raw", "text", "expected"),
    [
        ("", "연봉28,000,000원 이상 ~ 30,000,000원 이하, 면접 후 재조정 가능",
         Pay("연봉", 28_000_000, 30_000_000)),
        ("", "월급3,149,230원 이상 ~ 3,149,230원 이하,", Pay("월급", 3_149_230, 3_149_230)),
        ("", "연봉 4,800 만원 ~ 4,800 만원", Pay("연봉", 48_000_000, 48_000_000)),
        ("", "연봉 3,400 만원 이상", Pay("연봉", 34_000_000, None)),
        ("", "일당 18만원 / 당일지급", Pay("일급", 180_000, None)),
        ("", "월 250만원\n(수습 3개월 90%)", Pay("월급", 2_500_000, None)),
        ("", "주5일 근무, 월 260만원", Pay("월급", 2_600_000, None)),
        ("", "월 300만원 이하", Pay("월급", None, 3_000_000)),
        ("", "250만원", Pay("월급", 2_500_000, None)),  # no type: nlu reads it by size
        ("", "면접 후 결정", Pay(None, None, None)),
        ("", "월 250~300만원", Pay("월급", 2_500_000, 3_000_000)),
        # a second pay of another type is an alternative, not the maximum
        ("", "월 240만원 (단시간 시급 10,500원)", Pay("월급", 2_400_000, None)),
        ("", "시급 10,030원 / 일급 80,240원", Pay("시급", 10_030, None)),
        # amounts written in words
        ("", "시급 만원", Pay("시급", 10_000, None)),
        ("", "일급 십삼만원", Pay("일급", 130_000, None)),
        ("", "연봉 3,000~3,500만원", Pay("연봉", 30_000_000, 35_000_000)),
        ("", "일급 15만~18만원", Pay("일급", 150_000, 180_000)),
        ("시급", "12,000", Pay("시급", 12_000, None)),
        ("M", "월급3,500,000원 이상 ~ 4,200,000원 이하,", Pay("월급", 3_500_000, 4_200_000)),
        ("주급", "350,000", Pay("주급", 350_000, None)),
        ("건별", "5,000", Pay("건별", None, None)),
    ],
)  # fmt: skip
def test_pay(type_raw: str, text: str, expected: Pay) -> None:
    assert parse_pay(type_raw=type_raw, min_raw="", max_raw="", text=text) == expected


def test_pay_columns_win_over_text_and_max_below_min_is_rejected() -> None:
    pay = parse_pay(type_raw="월급", min_raw="3,000,000", max_raw="0", text="월급 280만원")
    assert pay == Pay("월급", 3_000_000, None)  # maxSal 0: no maximum
    assert pay.monthly(pay.minimum) == 3_000_000
    with pytest.raises(RowRejected, match="최대급여"):
        parse_pay(type_raw="월급", min_raw="300만", max_raw="200만", text="")
    with pytest.raises(RowRejected, match="급여형태"):
        parse_pay(type_raw="성과급", min_raw="", max_raw="", text="")


def test_weekly_pay_has_no_monthly_equivalent_and_bare_amounts_show_their_type() -> None:
    assert Pay("주급", 350_000, None).monthly(350_000) is None
    assert pay_text(type_raw="건별", text="5,000") == "건별 5,000"
    assert pay_text(type_raw="월급", text="면접 후 결정") == "면접 후 결정"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("신입", Career("신입", None)),
        ("관계없음", Career("무관", None)),
        ("경력2년↑", Career("경력", 2)),
        ("경력 8~15년", Career("경력", 8)),
        ("신입·경력", Career("무관", None)),
        ("경력5년", Career("경력", 5)),
        ("신입/경력1년", Career("무관", None)),
        ("경력 (최소1년) 필수", Career("경력", 1)),
        ("경력 (최소3년) 우대", Career("무관", None)),  # preferred only: newcomers may apply
        ("경력", Career("경력", None)),
        ("3년 이상", Career("경력", 3)),
        ("1년↑", Career("경력", 1)),
        ("경력자 우대", Career("무관", None)),
        ("", Career(None, None)),
    ],
)
def test_career(raw: str, expected: Career) -> None:
    assert parse_career(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("대졸↑", "대졸 이상"),
        ("초대졸↑", "초대졸 이상"),
        ("대졸(2~3년)", "초대졸 이상"),
        ("대졸(4년)", "대졸 이상"),
        ("고졸~대졸(4년)", "고졸 이상"),
        ("학력무관", "학력무관"),
        ("석사", "석사 이상"),
        ("검정고시  합격자", "검정고시 합격자"),
    ],
)
def test_education(raw: str, expected: str) -> None:
    assert normalize_education(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("기간의 정함이 없는 근로계약/ 파견근로 비희망/ 대체인력채용 비희망", "정규직"),
        ("기간의 정함이 있는 근로계약12 개월/ 파견근로 비희망/ 대체인력채용 비희망", "계약직"),
        ("파견근로 비희망", None),
        ("정규직·계약직", "정규직"),
        ("인턴직·아르바이트", "계약직"),
        ("10", "정규직"),
        ("4", "파견직"),
        ("일용직", "일용직"),
    ],
)
def test_employment(raw: str, expected: str | None) -> None:
    assert normalize_employment(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("(04788)  서울특별시 성동구 성수이로 00", Location("서울특별시 성동구 성수이로 00", Scope.PLACE)),
        ("04788 서울특별시 성동구", Location("서울특별시 성동구", Scope.PLACE)),
        ("경기 하남시 등", Location("경기 하남시", Scope.PLACE)),
        ("서울전체", Location("서울", Scope.PLACE)),
        ("서울 전체", Location("서울", Scope.PLACE)),
        ("전국", Location("전국", Scope.NATIONWIDE)),
        ("재택근무", Location("재택근무", Scope.REMOTE)),
        ("  ", Location("", Scope.NONE)),
    ],
)  # fmt: skip
def test_locations(raw: str, expected: Location) -> None:
    assert clean_location(raw) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("서울 강남구", True), ("경기도 하남시", True), ("전북특별자치도 군산시", True),
     ("09:00~18:00", False), ("월~금", False), ("서울우유 배송", False)],
)  # fmt: skip
def test_what_reads_as_an_address(text: str, expected: bool) -> None:
    assert looks_like_location(text) is expected


@pytest.mark.parametrize(
    ("raw", "shown", "key"),
    [
        ("（주）한결테크", "(주)한결테크", "한결테크"),
        ("㈜푸른바이오", "(주)푸른바이오", "푸른바이오"),
        ("( 주 )동방ENG", "(주)동방ENG", "동방eng"),
        ("(주)대한해양플랜트엔지니어...", "(주)대한해양플랜트엔지니어", "대한해양플랜트엔지니어"),
        ("주식회사  새터마린", "주식회사 새터마린", "새터마린"),
        ("유한회사 대흥철강", "유한회사 대흥철강", "대흥철강"),
    ],
)
def test_company_names(raw: str, shown: str, key: str) -> None:
    assert clean_company(raw) == shown
    assert company_key(raw) == key


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("일당 18만원 / 당일지급 / 야간알바 / 남 여", True), ("시급 12,000원 급구", True),
     ("당일지급 야간알바", True), ("(주)새터마린", False), ("A/S 센터", False),
     ("R&D 테크", False), ("스마일알바", False)],
)  # fmt: skip
def test_ad_copy_in_company_cells(cell: str, expected: bool) -> None:
    assert looks_like_ad_copy(cell) is expected


def test_posting_text_is_cleaned() -> None:
    raw = (
        "=====\r\n♣ 담당업무\r\nㆍ선박  블록 용접\r\n\r\n\r\n-----\r\n"
        "&gt;&gt;기타 우대조건&lt;&lt;\r\n● 기능사 우대\r\n※ 야간 없음"
    )
    assert clean_text(raw) == (
        "- 담당업무\n- 선박 블록 용접\n\n>>기타 우대조건<<\n- 기능사 우대\n※ 야간 없음"
    )


def test_line_break_tags_escaped_twice_break_lines_and_other_brackets_stay() -> None:
    # A jobCont escaped twice, as its entities are, and read from the XML once.
    raw = (
        "CNC 선반 가공&lt;br&gt;- 도면 해독 가능자 우대&lt;BR /&gt;&lt;경력자 우대&gt;&lt;/p&gt;끝"
    )
    assert clean_text(raw) == "CNC 선반 가공\n- 도면 해독 가능자 우대\n<경력자 우대>\n끝"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("품질관리, 생산관리, 자동차부품 외   수정일 24/12/11",
         Sector(("품질관리", "생산관리", "자동차부품"), "수정일", "24/12/11")),
        ("생산직, 의약품 제조   등록일 24/12/06",
         Sector(("생산직", "의약품 제조"), "등록일", "24/12/06")),
        ("설비보전", Sector(("설비보전",), None, "")),
    ],
)  # fmt: skip
def test_sector_cells(cell: str, expected: Sector) -> None:
    assert split_sector(cell) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.saramin.co.kr/zf_user/jobs/relay/view?view_type=list&rec_idx=50000001",
         BoardUrl("saramin", "50000001")),
        ("https://www.albamon.com/recruit/view/gi?AL_GI_No=100000001", BoardUrl("albamon", "100000001")),
        ("https://www.work24.go.kr/wk/a/b/1500/empDetailAuthView.do?wantedAuthNo=K1&infoTypeCd=V",
         BoardUrl("worknet", "K1")),
        ("http://m.albamon.com/list", BoardUrl("albamon", None)),
        ("https://notalbamon.com/x?rec_idx=", BoardUrl(None, None)),
        ("https://mirror.example/view?wantedAuthNo=K2", BoardUrl(None, "K2")),
        ("https://jobs.example.com/posting/77", BoardUrl(None, None)),
        ("", BoardUrl(None, None)),
    ],
)  # fmt: skip
def test_what_board_urls_tell(url: str, expected: BoardUrl) -> None:
    assert read_url(url) == expected


def test_derived_ids_ignore_spelling_differences_but_not_content() -> None:
    one = derived_id("saramin", "（주）한결테크", "품질관리 담당자...", "경기 하남시")
    assert one == derived_id("saramin", "한결테크", "품질관리  담당자", "경기  하남시")
    assert one.startswith("c-")
    assert one != derived_id("saramin", "한결테크", "품질관리 담당자", "경기 광주시")
    assert one != derived_id("albamon", "한결테크", "품질관리 담당자", "경기 하남시")
