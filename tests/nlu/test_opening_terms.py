"""Weekend work, age limits and title career years read from a posting's words."""

from __future__ import annotations

import pytest

from nlu.opening_terms import read_opening_terms


@pytest.mark.parametrize(
    ("title", "description", "weekend"),
    [
        ("생산직", "업종: 식료품 제조업 / 근무일: 주6일근무", True),
        ("선별 포장 단기", "근무요일: 월~토\n근무시간: 08:00~17:00", True),
        ("건설현장 일용직", "근무요일: 월~토 (우천 시 휴무)", True),  # rain, not Saturday, off
        ("물류센터 상하차", "주5~6일 근무", True),
        ("공장 사무동 주말 청소 알바", "근무요일: 토, 일", True),
        ("설비보전원", "근무일: 격주 토요일 근무", True),
        ("도시락 조리원", "정규직 / 주간 / 주5일(토 격주 근무)", True),
        ("용접사", "주5일 (토·일 휴무)", False),
        ("편의점 평일 주간 알바", "근무요일: 월~금", False),
        ("사무보조", "주말 및 공휴일 휴무", False),
        ("사무보조", "", False),
    ],
)
def test_weekend_work_only_when_the_posting_says_so(
    title: str, description: str, weekend: bool
) -> None:
    assert read_opening_terms(title, description).weekend_work is weekend


@pytest.mark.parametrize(
    ("title", "description", "weekdays"),
    [
        ("편의점 평일 주간 알바", "", True),
        ("편의점 알바", "근무요일: 월~금", True),
        ("용접사", "주5일 (토·일 휴무)", True),
        ("사무보조", "월요일부터 금요일까지, 주말 및 공휴일 휴무", True),
        ("편의점 알바", "평일 또는 주말 (토·일) 선택", False),  # the weekend is worked too
        ("생산직", "근무요일: 월~토", False),
        ("생산직", "주5일 근무", False),  # five days, not said which
        ("사무보조", "", False),
    ],
)
def test_weekdays_only_when_the_posting_says_so_and_works_no_weekend(
    title: str, description: str, weekdays: bool
) -> None:
    assert read_opening_terms(title, description).weekdays_only is weekdays


def test_stated_ages_and_senior_welcome() -> None:
    guard = read_opening_terms("아파트 경비원 주간 전담 (08:00~18:00, 70세 이하)")
    assert (guard.age_min, guard.age_max, guard.welcomes_seniors) == (None, 70, True)
    park = read_opening_terms("노인 공익활동 (공원 환경정비) 만 65세 이상")
    assert (park.age_min, park.welcomes_seniors) == (65, True)
    assert read_opening_terms("주차 관리원 (평일 주간 / 어르신 가능)").welcomes_seniors
    young = read_opening_terms("사무보조 (만 39세 미만)")
    assert (young.age_max, young.welcomes_seniors) == (38, False)
    assert not read_opening_terms("요양보호사 (노인요양시설, 3교대)").welcomes_seniors


@pytest.mark.parametrize(
    ("title", "years"),
    [
        ("선박 배관 취부·용접공 (배관 경력 2년 이상, 주간)", 2),
        ("자동차 정비기사 (자동차정비기능사 이상, 경력 2년)", 2),
        ("CNC 선반 가공원 모집 (FANUC, 경력 2년↑)", 2),
        ("블라스팅·도장공 (주간, 경력 1년 이상 우대)", None),
        ("용접 실기 강사 - 현장경력 10년 이상", 10),
        ("생산직 신입", None),
    ],
)
def test_career_years_a_title_requires(title: str, years: int | None) -> None:
    assert read_opening_terms(title).career_years == years


@pytest.mark.parametrize(
    ("title", "description", "part", "hours"),
    [
        ("공장 사무동 미화원 (오전 근무)", "", "오전", None),
        ("구내식당 조리보조", "근무시간: 10:00~14:00", None, 4.0),
        ("요양원 조리원", "근무시간 07:00~12:00, 주5일", "오전", 5.0),
        ("편의점 오후 알바", "오후 2시 ~ 6시", "오후", 4.0),
        ("생산직 사원", "08:00~17:00 (휴게 1시간)", None, 9.0),
        ("방문요양 요양보호사 (주간 3시간, 자격 필수)", "", None, 5.0),
        ("요양원 요양보호사 (3교대, 자격 필수)", "", None, 8.0),
        ("사무보조", "", None, None),
    ],
)
def test_the_part_of_the_day_and_the_hours_a_day_a_posting_states(
    title: str, description: str, part: str | None, hours: float | None
) -> None:
    terms = read_opening_terms(title, description)
    assert (terms.part_of_day, terms.daily_hours) == (part, hours)


def test_a_start_said_alone_is_the_start() -> None:
    terms = read_opening_terms("건설현장 함바식당 조리사 (한식조리기능사 필수, 04:30 출근)")
    assert (terms.starts_at, terms.ends_at) == (4.5, None)
    assert read_opening_terms("출근 시간 협의").starts_at is None


def test_the_strain_a_posting_puts_on_the_body() -> None:
    assert read_opening_terms("택배 상하차 (일용직)").strain == {"heavy"}
    assert read_opening_terms("마트 계산원", "서서 근무").strain == {"standing"}
    assert read_opening_terms("외벽 도장", "고소작업 있음").strain == {"heights"}
    assert read_opening_terms("아파트 계단·복도 청소 (06:00~10:00)").strain == {"stairs"}
    assert read_opening_terms("1층 매장 정리", "계단 없음").strain == frozenset()
    assert read_opening_terms("현장직 구인", "계약직 / 주간 / 현장 출장").strain == {"travel"}
    assert read_opening_terms("지게차 정비기사 (출장 A/S)").strain == {"travel"}
    assert read_opening_terms("사무보조", "앉아서 하는 업무").strain == frozenset()


def test_a_week_through_the_weekdays_into_the_weekend() -> None:
    assert read_opening_terms("택배 분류 새벽 알바", "월~토 03:00~09:00").whole_week
    assert read_opening_terms("생산직", "주6일 근무").whole_week
    # alternate Saturdays come on top of the weekdays: not a weekend job
    assert read_opening_terms("풍력타워 용접사", "08:00~17:00, 격주 토요일 근무").whole_week
    assert not read_opening_terms("상하차 일용직", "월~토 (요일협의)").whole_week
    assert not read_opening_terms("주말 청소 알바", "토, 일 08:00~12:00").whole_week


def test_a_welcome_for_those_who_married_into_korea_is_read() -> None:
    assert read_opening_terms("김치공장 절임·포장 시간제 (결혼이민자 우대)").welcomes_migrants
    assert read_opening_terms("식품 포장", "다문화 가정 환영").welcomes_migrants
    assert not read_opening_terms("식품 포장", "외국인 가능").welcomes_migrants


@pytest.mark.parametrize(
    ("title", "description", "short"),
    [
        ("간편식 공장 포장 단기 알바 (12월 한 달·주간)", "", True),
        ("딸기 하우스 수확·선별 (12~2월)", "", True),
        ("쌀 도정·포장 계절직 (12월~2월 / 지게차 가능자 우대)", "", True),
        ("젓갈 포장·선별", "12월~1월 김장철 근무", True),
        ("물류센터 분류", "근무기간: 3개월 계약", True),
        ("생산직 정규직", "수습 3개월", False),  # probation, not a short hire
        ("생산직", "6개월 이상 근무 가능자", False),
        ("사무보조", "접수 12월 1일~12월 20일", False),  # the days to apply
        ("단기간 근무 가능한 분", "", False),  # few hours a day (단시간), not a season
    ],
)
def test_a_hire_for_a_season_or_a_few_weeks_is_read(
    title: str, description: str, short: bool
) -> None:
    assert read_opening_terms(title, description).short_term is short


@pytest.mark.parametrize(
    ("title", "description", "weekend_only"),
    [
        ("주말 웨딩홀 뷔페 서빙·정리", "근무요일: 토, 일", True),
        ("편의점 주말 야간 알바 (토·일)", "", True),
        ("주방보조 저녁 알바", "근무요일: 월~토 (요일협의)", False),  # the weekend among others
        ("호텔 레스토랑 홀 서빙 (주5일, 주말 근무 포함)", "", False),
        ("생산직", "토·일 휴무", False),
    ],
)
def test_work_at_the_weekend_only_is_read(title: str, description: str, weekend_only: bool) -> None:
    assert read_opening_terms(title, description).weekend_only is weekend_only


def test_work_done_sitting_is_read() -> None:
    assert read_opening_terms("자동차 시트 부품 조립", "♣ 앉아서 하는 작업 위주").seated
    assert read_opening_terms("검사 보조", "좌식 작업").seated
    assert not read_opening_terms("마트 계산원", "서서 근무").seated


@pytest.mark.parametrize(
    ("title", "overnight"),
    [
        ("공장 정문 경비원 (24시간 격일제, 60대 가능)", True),
        ("학교 야간 당직 (16:30~익일 08:30)", True),
        ("폐배터리 재활용 공정 (22:00~07:00)", True),
        ("구내식당 조리원 (06:30~15:30)", False),
        ("아파트 경비원 주간 전담 (08:00~18:00)", False),
        ("24시간 콜센터 상담 안내", False),
        ("요양병원 공동간병인 (24시간 상주·일당 13만원)", True),  # living in (pool 9 j007)
        ("입주 간병인 구함", True),
        ("방문요양 요양보호사 (오전 09:00~12:00)", False),
    ],
)
def test_work_through_the_night_is_read_from_hours_crossing_midnight(
    title: str, overnight: bool
) -> None:
    assert read_opening_terms(title).overnight is overnight


@pytest.mark.parametrize(
    ("description", "days", "hours"),
    [
        ("근무요일: 토, 일\n근무시간: 08:00~12:00", 2, 4 * 2 * 4.345),
        ("근무요일: 월~금\n근무시간: 09:00~15:00", 5, 6 * 5 * 4.345),
        ("주 3일 근무 10:00~14:00", 3, 4 * 3 * 4.345),
        ("근무요일: 월~토 (요일협의)\n근무시간: 08:00~18:00", None, None),  # days agreed
        ("근무요일: 월, 수, 금", 3, None),  # no hours stated
    ],
)
def test_the_days_a_week_and_hours_a_month_a_posting_works(
    description: str, days: int | None, hours: float | None
) -> None:
    terms = read_opening_terms("알바", description)
    assert terms.days_a_week == days
    assert terms.monthly_hours() == (pytest.approx(hours) if hours else None)
