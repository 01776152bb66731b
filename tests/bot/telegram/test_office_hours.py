"""The counselors' hours and how the seeker is told when they answer."""

from __future__ import annotations

import datetime as dtm
from zoneinfo import ZoneInfo

import pytest

from bot.settings import Settings
from bot.telegram.office_hours import OfficeHours, say_when

SEOUL = ZoneInfo("Asia/Seoul")


def office(**changes: str) -> OfficeHours:
    settings = Settings(_env_file=None, **changes)  # type: ignore[call-arg, arg-type]
    return OfficeHours.from_settings(settings)


def test_office_hours_on_weekdays() -> None:
    hours = office()  # 09:00-18:00, Monday to Friday, Asia/Seoul
    monday_10 = dtm.datetime(2026, 11, 23, 10, 0, tzinfo=SEOUL)
    friday_19 = dtm.datetime(2026, 11, 27, 19, 0, tzinfo=SEOUL)
    assert hours.is_open(monday_10)
    assert hours.is_open(monday_10.astimezone(dtm.UTC))  # 01:00 UTC is 10:00 in Seoul
    assert not hours.is_open(friday_19)
    assert hours.next_opening(friday_19) == dtm.datetime(2026, 11, 30, 9, 0, tzinfo=SEOUL)
    assert hours.next_opening(monday_10) == monday_10
    assert office(office_days="0,2,4", office_hours="00:00-24:00").is_open(
        dtm.datetime(2026, 11, 25, 23, 59, tzinfo=SEOUL)
    )


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (dtm.datetime(2026, 11, 27, 13, 0), "오늘 오후 1시"),
        (dtm.datetime(2026, 11, 28, 9, 30), "내일 오전 9시 30분"),
        (dtm.datetime(2026, 11, 30, 9, 0), "11월 30일(월) 오전 9시"),
        (dtm.datetime(2026, 11, 30, 12, 0), "11월 30일(월) 오후 12시"),
    ],
)
def test_say_when(moment: dtm.datetime, expected: str) -> None:
    now = dtm.datetime(2026, 11, 27, 8, 0, tzinfo=SEOUL)  # a Friday morning
    assert say_when(moment.replace(tzinfo=SEOUL), now) == expected
