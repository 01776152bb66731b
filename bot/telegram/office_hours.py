"""When counselors are at their desks, and how to tell a seeker when they will answer."""

from __future__ import annotations

import datetime as dtm
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from bot.settings import Settings
from bot.telegram import messages

__all__ = ["OfficeHours", "say_when"]


@dataclass(frozen=True)
class OfficeHours:
    """Opening hours on some weekdays (0 = Monday), in one time zone."""

    opens: dtm.time
    closes: dtm.time
    days: frozenset[int]
    zone: ZoneInfo

    @classmethod
    def from_settings(cls, settings: Settings) -> OfficeHours:
        """Parse ``office_hours`` ("09:00-18:00"; "00:00-24:00" is all day),
        ``office_days`` ("0-4" or "0,2,4") and ``timezone``."""
        start, _, end = settings.office_hours.partition("-")
        days: set[int] = set()
        for part in settings.office_days.replace(" ", "").split(","):
            first, _, last = part.partition("-")
            days.update(range(int(first), int(last or first) + 1))
        end = end.strip()
        return cls(
            opens=dtm.time.fromisoformat(start.strip()),
            closes=dtm.time.max if end == "24:00" else dtm.time.fromisoformat(end),
            days=frozenset(d for d in days if 0 <= d <= 6),
            zone=ZoneInfo(settings.timezone),
        )

    def is_open(self, now: dtm.datetime) -> bool:
        """True when ``now`` (aware, any zone) falls inside the hours."""
        local = now.astimezone(self.zone)
        return local.weekday() in self.days and self.opens <= local.time() < self.closes

    def next_opening(self, now: dtm.datetime) -> dtm.datetime:
        """``now`` itself when open, else when the office next opens (in its zone)."""
        local = now.astimezone(self.zone)
        if self.is_open(local):
            return local
        for ahead in range(8):
            day = local.date() + dtm.timedelta(days=ahead)
            opening = dtm.datetime.combine(day, self.opens, tzinfo=self.zone)
            if day.weekday() in self.days and opening > local:
                return opening
        raise ValueError("office_days names no weekday")


def say_when(moment: dtm.datetime, now: dtm.datetime) -> str:
    """A moment as a seeker would say it: "오늘 오후 1시", "내일 오전 9시",
    "11월 24일(월) 오전 9시 30분" (both aware; ``moment``'s zone is used)."""
    now = now.astimezone(moment.tzinfo)
    hour = moment.hour % 12 or 12
    clock = f"{messages.MORNING if moment.hour < 12 else messages.AFTERNOON} {hour}시"
    if moment.minute:
        clock += f" {moment.minute}분"
    days = (moment.date() - now.date()).days
    if days == 0:
        return messages.TODAY_AT.format(time=clock)
    if days == 1:
        return messages.TOMORROW_AT.format(time=clock)
    weekday = messages.WEEKDAYS[moment.weekday()]
    return messages.DATE_AT.format(month=moment.month, day=moment.day, weekday=weekday, time=clock)
