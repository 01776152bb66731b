"""The paths and courses on the counselors' summary card, from the seeker's own words."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from bot.telegram import messages
from bot.telegram.paths_summary import seeker_paths
from bot.telegram.topics import summary_text
from storage.importer import import_files

REPO = Path(__file__).resolve().parents[3]


def _paths(sessions: sessionmaker[Session], events: list[dict[str, object]]) -> list[str]:
    return seeker_paths(
        sessions,
        {"events": events},
        today=date(2026, 12, 3),
        home_region="군산",
        commute_km=35.0,
    )


def test_the_card_lists_paths_and_upcoming_courses(sessions: sessionmaker[Session]) -> None:
    with sessions() as session:
        import_files(session, [REPO / "data/courses/local_courses.csv"])
    events: list[dict[str, object]] = [
        {"event": "user", "text": "GM에서 차체 15년 했어요"},
        {"event": "bot", "text": "어떤 일을 찾으세요?"},
        {"event": "user", "text": "/request_counselor"},  # a button, not the seeker's words
        {"event": "user", "text": "배터리 공장 가고 싶어요"},
    ]
    lines = _paths(sessions, events)
    assert lines[0] == messages.SUMMARY_PATHS.format(trade="차체(자동차)")
    assert "이차전지" in lines[1] or "배터리" in lines[1]
    assert messages.SUMMARY_COURSES in lines
    courses = lines[lines.index(messages.SUMMARY_COURSES) + 1 :]
    assert 1 <= len(courses) <= 3 and all("2026-12" in c or "2027-" in c for c in courses)


def test_no_trade_in_the_words_means_no_paths(sessions: sessionmaker[Session]) -> None:
    assert _paths(sessions, [{"event": "user", "text": "상담사 연결해 주세요"}]) == []
    assert _paths(sessions, []) == []


def test_the_summary_card_shows_the_paths_before_the_last_messages() -> None:
    paths = [messages.SUMMARY_PATHS.format(trade="용접(조선)"), "• 용접원(해상풍력)"]
    events = [{"event": "user", "text": "용접 20년 했어요"}]
    lines = summary_text(3, "requested", {"events": events}, paths=paths).splitlines()
    assert lines.index(paths[0]) + 1 == lines.index(paths[1])
    assert lines.index(paths[1]) < lines.index(messages.SUMMARY_MESSAGES)
