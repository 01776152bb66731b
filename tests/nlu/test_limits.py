"""Weekends, age and starting out, as a seeker says them (nlu.conditions.read_limits)."""

from __future__ import annotations

import pytest

import nlu


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("칠십 다 돼 가는디 할 수 있는 일 있을랑가 몰라. 경비 같은거", 69),
        ("차도 없고 나이도 육십다섯인디 버스타고 댕길만한 디", 65),
        ("이젠 나이가 있어서 덜 힘든일. 오십구세 남자 군산", 59),
        ("취부 십이년 했고 요즘 조선소 일 있나요? 나이 쉰다섯", 55),
        ("경비 하고싶은데 밤새는건 못해요. 나이 예순일곱", 67),
        ("60대 남자예요 경비 자리 있나요", 60),
        ("나이 오십여덟 힘든거 못해요 앉아서 하는일", 58),
        ("사십 넘었는데 생산직 될까요", 41),
        ("예순여덟 묵었어라", 68),  # years eaten (Jeolla 묵다)
        ("쉰다섯 먹었어요 경비 자리", 55),
        ("인자 예순여덟이여", 68),  # 인자 = 이제, a number ending the message
        ("인자 예순여덜이여", 68),  # 여덟 typed as it sounds
        # … or a word of a longer clause, with 여 after a vowel
        ("이것저것 했는디 인자 예순하나여 몸 편한 일 없을까요", 61),
        ("올해 20년째 용접 했어요", None),  # years, not an age
        ("올해 일흔이요", 70),
        ("올해 육십둘", 62),  # Sino tens, native units
        # an age said with who one is
        ("쉰다섯 남자 조선소 도장 했어요", 55),
        ("오십다섯 아줌마예요 포장 일", 55),
        ("62세 여성입니다", 62),
        ("예순다섯 할매여. 새벽에 나가는 것도 괜찮혀", 65),
        ("용접 20년 남자", None),  # years of work
        ("3교대 남자 구함", None),
        # a number the seeker is, first in the clause, native, Sino or digits
        ("예순셋인데 아무 일이나 할 수 있어요", 63),
        ("예순싯인디 아무 일이나 헐 수 있어라", 63),  # 싯 = 셋 in dialect
        ("예순 셋이에요 경비 자리 있나요", 63),
        ("쉰여덟인데 일 찾아요", 58),
        ("육십삼인데 일자리 있나요", 63),
        ("저 63이요 경비 일 찾아요", 63),
        ("예순셋 됐어요", 63),
        ("63세예요", 63),
        ("50대 후반이에요 생산직", 58),
        # birthdays that name an age
        ("환갑 지났어요", 61),
        ("환갑인데 일할 데 있나요", 60),
        ("칠순 다 돼 가는디 경비 있소", 69),
        ("용접 20년 먹었어요", None),  # years of work, not of age
        ("20이요", None),  # a bare small number answers something else
        ("25인데 일자리 있나요", None),
        ("스물셋이고 용접 배워서 기술자되고싶어요", 23),  # native 스물/서른 count only age
        ("서른둘인데 생산직 신입 될까요", 32),
        ("저 스물다섯이에요", 25),
        ("월 250인데 더 주는 데 있나요", None),
        ("2교대인데 괜찮아요", None),
        ("올해 300은 받아야", None),
        ("용접 20년 했어요 2교대 괜찮아요", None),
        ("월 300 이상 주간만", None),
    ],
)
def test_the_age_is_read_from_numerals_units_and_dialect(text: str, age: int | None) -> None:
    assert nlu.parse_seeker_text(text).age == age


@pytest.mark.parametrize(
    ("text", "no_weekends"),
    [
        ("주말은 안 돼요 식당일 찾아요", True),
        ("토요일은 쉬어야 돼요", True),
        ("평일만 가능해요 포장 알바", True),
        ("주 5일이면 좋겠어요", True),
        ("정규직 주간 주5일 되는데로 찾아요", True),  # dialogs dev 3 g030
        ("대학생인데 평일 낮에 몇시간만 알바 구해요", True),
        ("평일 오전에 일하고 싶어요", True),
        ("평일 낮엔 딴일해요", False),
        ("주말도 괜찮아요", False),
        ("주말 알바 찾아요", False),
        ("야간은 못해요", False),
    ],
)
def test_weekends_ruled_out_only_when_refused(text: str, no_weekends: bool) -> None:
    assert nlu.parse_seeker_text(text).no_weekends is no_weekends


@pytest.mark.parametrize(
    ("text", "weekends_only"),
    [
        ("평일엔 딴 데 다니고 있어서 토요일 일요일만 할 수 있는 거면 아무거나 좋아요", True),
        ("주말에만 일할 수 있어요", True),
        ("토일만 가능", True),
        ("토요일이랑 일요일만요", True),
        ("주말만 쉬어요", False),  # the weekend off
        ("주말만 빼고 다 돼요", False),
        ("주말도 괜찮아요", False),
    ],
)
def test_only_the_weekend(text: str, weekends_only: bool) -> None:
    profile = nlu.parse_seeker_text(text)
    assert profile.weekends_only is weekends_only
    assert not (profile.weekends_only and profile.no_weekends)


@pytest.mark.parametrize(
    ("text", "newcomer"),
    [
        ("경력 없어도 돼요?", True),
        ("생산직 신입으로 가고 싶어요", True),
        ("지게차 초보인데 일 있나요", True),
        ("화학과 졸업예정입니다 이차전지 품질 쪽 신입으로 가고싶어요", True),
        ("용접 십오년 했어요", False),
        ("용접 십오년 했어요 특수용접도 배워서 하고 싶어요", False),  # years done: not starting out
    ],
)
def test_starting_out_is_a_newcomer(text: str, newcomer: bool) -> None:
    assert nlu.parse_seeker_text(text).newcomer is newcomer


@pytest.mark.parametrize(
    ("text", "short"),
    [
        ("십이월 한달만 바짝 할 일 있어요? 낮에만요", True),
        ("방학동안 단기 알바 구해요", True),
        ("겨울에 두달만 할 수 있어요", True),
        ("농사 짓다가 겨울이라 할일이 없어서 단기로 할만한거 찾아유", True),
        ("평생 농사만 지었는디 겨울엔 할게 없어서 잠깐 일할데 김제", True),
        ("두달 정도 쉬었어요 용접 일 찾아요", False),  # time off, not the term wished
        ("방학 때 편의점 알바 했어요", False),  # work done then
        ("학교 급식실에서 조리실무사 했었어요. 방학때 쉬는거 좋아요", False),  # the holidays off
        ("단기 말고 오래 다닐 데요", False),
        ("용접 일 한달 했어요", False),
    ],
)
def test_a_season_or_a_few_weeks_of_work_is_short_term(text: str, short: bool) -> None:
    assert nlu.parse_seeker_text(text).short_term is short


@pytest.mark.parametrize(
    ("text", "little"),
    [
        (
            "저는 베트남에서 왔어요 결혼해서 군산 살아요. 낮에만 일할수 있어요 한국말 조금 해요",
            True,
        ),
        ("한국말 잘 못해요 물건 상자에 넣는일 찾아요", True),
        ("E9 비자 한국말 잘 몰라요 농사일 괜찮아요", True),
        ("한국어 서툴러요 공장 일 해요", True),
        ("한국말 잘해요 사무직 찾아요", False),
        ("한국 온지 십년이에요", False),
    ],
)
def test_korean_spoken_a_little_is_read(text: str, little: bool) -> None:
    assert nlu.parse_seeker_text(text).little_korean is little


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("상하차 일당 주는 디", {"일용직"}),
        ("그라인더 사상 해봤어요 일당 주는데 찾아요", {"일용직"}),
        ("일당 말고 월급 주는 데", set()),
    ],
)
def test_paid_by_the_day_asks_for_day_labour(text: str, wanted: set[str]) -> None:
    assert nlu.parse_seeker_text(text).wanted_employment_types == wanted


@pytest.mark.parametrize("text", ["오전만 가능해요", "아이 때문에 오후에만 돼요"])
def test_mornings_or_afternoons_only_is_daytime(text: str) -> None:
    assert nlu.parse_seeker_text(text).wanted_shifts == {"주간"}


@pytest.mark.parametrize(
    ("text", "visa"),
    [
        ("저는 베트남에서 왔어요 결혼해서 군산 살아요", "F-6"),
        ("중국에서 시집왔어요 한국온지 십년 식당 주방일 했어요", "F-6"),
        ("E-9 아니고 F-6 결혼비자에요 야간 안되고", "F-6"),
        ("아이 엄마에요 필리핀 사람 한국 국적", None),  # a citizen has no visa
        ("남편이 중국집 해요 나는 한국사람", None),
        ("캄보디아에서 왔어요", "외국인"),  # from abroad, which visa unsaid: still foreign
        ("우즈벡에서 왔어요 고용허가 E9 입니다", "E-9"),
    ],
)
def test_a_marriage_migrant_is_f6_and_a_taken_back_visa_is_not_read(
    text: str, visa: str | None
) -> None:
    assert nlu.parse_seeker_text(text).visa == visa


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("오전만 일할 수 있어요", "오전"),
        ("오전에만 되지라", "오전"),
        ("아침에만 잠깐 할 수 있어요", "오전"),
        ("점심때까지만 해요", "오전"),
        ("오후에만 가능합니다", "오후"),
        ("오전은 안 돼요", None),
        ("아침 일찍 나가는 것도 괜찮아요", None),
        # the other half of the day taken by a child or other work (pool 9 j034)
        ("새벽일 괜찮아요 오후엔 애기 봐야돼서", "오전"),
        ("오후에 애들 데리러 가야돼요", "오전"),
        ("아침엔 딴 일 해요", "오후"),
        ("오후에 일했어요", None),
    ],
)
def test_part_of_the_day_only(text: str, part: str | None) -> None:
    assert nlu.parse_seeker_text(text).work_hours == part


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("하루 네 시간만 일하고 싶어요", 4),
        ("세 시간 정도만 할 수 있어요", 3),
        ("하루 5시간까지 돼요", 5),
        # no number said: a short day of SHORT_DAY_HOURS (09:00~15:00 fits a student's
        # "평일 낮에 몇시간만", third t033)
        ("하루 몇 시간만 하는 일 있나요", 5),
        ("파트타임 자리 있을까요", 5),
        # hours of work done, and the way to work, are no limit on the day
        ("하루 10시간씩 일했어요", None),
        ("1시간 이내 거리면 좋겠어요", None),
    ],
)
def test_hours_a_day(text: str, hours: int | None) -> None:
    assert nlu.parse_seeker_text(text).max_daily_hours == hours


@pytest.mark.parametrize(
    ("text", "window"),
    [
        ("필리핀에서 왔어요 F-6 아이 학교 가는 시간만 일할수 있어요", (9, 15)),
        ("애들 어린이집 보내고 나서 일하고 싶어요", (9, 15)),
        ("오전 10시부터 오후 2시까지만 돼요 아이 학교 가는 시간", (10, 14)),  # the clock wins
        ("학교 급식 일 해봤어요", (None, None)),
    ],
)
def test_school_hours_are_a_window(text: str, window: tuple[int | None, int | None]) -> None:
    profile = nlu.parse_seeker_text(text)
    assert (profile.work_from, profile.work_until) == window


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("식당일 오래 혔어요 조리사 자격증은 없고 새벽 출근은 힘들어요 군산", 7),
        ("방학동안 단기 알바 구해요 12월 한달만요 새벽은 안되고 차 없어요 수송동", 7),
        ("새벽일도 괜찮고 당일 돈받는 일당일 찾아요", None),
        (
            "예순아홉 할매여 새벽잠 없응께 아침나절에 생선 만지는 일 있으까",
            None,
        ),  # no 잠: early is fine
        ("새벽에 위판장 일 했어요", None),
    ],
)
def test_no_early_morning_is_a_start_alone(text: str, start: int | None) -> None:
    profile = nlu.parse_seeker_text(text)
    assert (profile.work_from, profile.work_until) == (start, None)
    assert profile.work_window() is None


@pytest.mark.parametrize(
    ("text", "until"),
    [
        ("마트에서 일하고 싶어요 계산 해봤고 저녁은 힘들어요", 18),  # pool 9 j022
        ("저녁엔 안돼요", 18),
        ("저녁 늦게는 못해요", 18),
        ("낮에만 하고 저녁은 애들 밥 해줘야 돼요", 18),  # busy then
        ("저녁도 괜찮아요", None),
        ("저녁에 식당 일 했어요", None),  # work done then
        ("저녁 알바 구해요", None),
    ],
)
def test_the_evening_refused_ends_the_day_and_rules_out_the_night(
    text: str, until: int | None
) -> None:
    profile = nlu.parse_seeker_text(text)
    assert profile.work_until == until
    night = {"야간", "2교대", "3교대"}
    assert (night <= profile.excluded_shifts) is (until is not None)


def test_no_early_morning_and_no_evening_are_both_kept() -> None:
    profile = nlu.parse_seeker_text("새벽이랑 저녁은 안돼요")
    assert (profile.work_from, profile.work_until) == (7, 18)


@pytest.mark.parametrize(
    ("text", "limits"),
    [
        ("힘든 일은 못 해요", {"heavy"}),
        ("무거운 거는 못 들어요", {"heavy"}),
        ("허리를 다쳐서 쉬고 있어요", {"heavy"}),
        ("덜 힘든 일 찾아요", {"heavy"}),
        ("가벼운거 없나요", {"heavy"}),
        ("몸 안쓰는 일", {"heavy"}),
        ("무릎이 안 좋아서 서서 하는 일은 힘들어요", {"standing"}),
        ("오래 서 있는 건 못혀라", {"standing"}),
        ("높은 데는 무서워서 못 올라가요", {"heights"}),
        ("고소작업은 안 돼요", {"heights"}),
        # stairs refused (fifth v011, pool 9 j028): a stair-cleaning job is not for them
        ("무릎이 안좋아서 계단 많은 일은 못해요 청소나 경비", {"standing", "stairs"}),
        ("계단 오르내리는건 못해요", {"stairs"}),
        # travel refused (pool 10 c032): the solar install crew out to Buan is not for him
        ("전기기능사 있구요 당직은 괜찮은데 출장 다니는건 싫어요", {"travel"}),
        # seated work asked for: standing long is what the body does not take
        ("허리 수술해서 무거운건 못들어요 앉아서 하는 일 없을까요?", {"heavy", "standing"}),
        ("좌식으로 하는 일이요", {"standing"}),
        # said as fine, or a trade done: no limit
        ("힘든 일도 괜찮아요", set()),
        ("고소작업 가능해요", set()),
        ("서서 일해도 괜찮아요", set()),
        ("노가다 오래 했어요", set()),
        ("가벼운 부품 조립 해봤어요", set()),
        ("앉아서 하는 조립 해봤어요", set()),
        ("계단 청소 했어요", set()),
        ("출장 가능해요", set()),
    ],
)
def test_work_the_body_does_not_take(text: str, limits: set[str]) -> None:
    assert nlu.parse_seeker_text(text).physical_limits == limits


@pytest.mark.parametrize(
    ("text", "window"),
    [
        ("아이 엄마에요 오전 9시부터 오후 3시까지 가능해요", (9, 15)),
        ("아홉시부터 세시까지만 돼요", (9, 15)),  # an end before the start is afternoon
        ("10시~4시만 돼요", (10, 16)),
        ("아침 9시에서 오후 2시 사이만 돼요", (9, 14)),
        ("저녁 7시부터 11시까지 가능해요", (19, 23)),
        ("1시부터 5시까지만요", (13, 17)),  # nobody means 1 a.m. without saying 새벽
        ("새벽 3시부터 9시까지", (3, 9)),
        ("6시부터 10시까지", (6, 10)),
        ("9시부터 6시까지 일했어요", (None, None)),  # the hours of work done
        ("7시부터 통근버스 있어요", (None, None)),
        ("9시부터 6시까지는 안돼요", (None, None)),
        # only the end said: the day starts early enough, it must end by then
        ("아이 학교 끝나는 3시 전까지만 일할수있어요", (None, 15)),
        ("오후 2시까지만 돼요", (None, 14)),
        ("6시까지 일했어요", (None, None)),
    ],
)
def test_the_hours_the_seeker_can_work_between(
    text: str, window: tuple[int | None, int | None]
) -> None:
    profile = nlu.parse_seeker_text(text)
    assert (profile.work_from, profile.work_until) == window


@pytest.mark.parametrize(
    ("text", "wanted", "excluded"),
    [
        # the time of day the seeker is busy with something else is ruled out
        ("야간만 할수있는 일 있나요 낮에는 애기 봐야돼서", {"야간"}, {"주간", "2교대", "3교대"}),
        ("새벽에 일하는거 괜찮아요 낮엔 딴일해요", set(), {"주간"}),
        ("밤에는 애들 때문에 안돼요", set(), {"야간", "2교대", "3교대"}),
        # only that time, with the child mentioned after it: wanted, not ruled out
        ("낮에만 애기 어린이집 가 있을때", {"주간"}, {"야간", "2교대", "3교대"}),
        ("낮엔 일할 수 있어요", {"주간"}, set()),
    ],
)
def test_a_time_of_day_the_seeker_is_busy_is_ruled_out(
    text: str, wanted: set[str], excluded: set[str]
) -> None:
    profile = nlu.parse_seeker_text(text)
    assert (profile.wanted_shifts, profile.excluded_shifts) == (wanted, excluded)


@pytest.mark.parametrize(
    ("text", "wanted", "excluded"),
    [
        # asking for the night allowance asks for night work (a posting's "야간수당 별도" is
        # not its shift: tests/nlu/test_opening.py)
        ("야간 수당 많이 주는 데 찾아요", {"야간"}, set()),
        ("야간수당 나오는 데면 좋겠어요", {"야간"}, set()),
        ("야간수당 안 줘도 돼요", set(), set()),
        ("야간은 못해요 야간수당 많이 줘도요", set(), {"야간", "2교대", "3교대"}),
    ],
)
def test_asking_for_the_night_allowance_wants_night_work(
    text: str, wanted: set[str], excluded: set[str]
) -> None:
    profile = nlu.parse_seeker_text(text)
    assert (profile.wanted_shifts, profile.excluded_shifts) == (wanted, excluded)


def test_a_day_that_must_end_by_an_hour_is_a_daytime_window() -> None:
    """A school night-duty job (16:30~) was second for a mother who must stop by 15:00."""
    profile = nlu.parse_seeker_text("아이 학교 끝나는 3시 전까지만 일할수있어요")
    assert profile.work_window() == (6, 15)
    assert nlu.parse_seeker_text("9시부터 3시까지 가능해요").work_window() == (9, 15)
    assert nlu.parse_seeker_text("용접 일 찾아요").work_window() is None
    # "전엔", "까지는" said before the end (pool 9 j034)
    said = "새벽일 괜찮아요 오후엔 애기 봐야돼서 열두시 전엔 끝나야돼요"
    assert nlu.parse_seeker_text(said).work_window() == (6, 12)
    assert nlu.parse_seeker_text("세시까지는 끝나야 돼요").work_window() == (6, 15)
    # the hour a child is picked up (pool 9 j003)
    said = "베트남에서 결혼해서 왔어요 F6 한국말 조금 해요 애기 유치원 세시에 데리러 가야돼요"
    assert nlu.parse_seeker_text(said).work_until == 15
    assert nlu.parse_seeker_text("네시에 애들 데리러 가요").work_until == 16
    assert nlu.parse_seeker_text("세시에 출근했어요").work_until is None
