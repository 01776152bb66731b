"""Long texts cut the way Telegram counts them."""

from __future__ import annotations

import pytest

from bot.telegram.sending import split_text


@pytest.mark.parametrize("limit", [4096, 100])
def test_split_text_cuts_at_line_ends_and_keeps_every_line(limit: int) -> None:
    lines = [f"{n}. 용접원 모집 — 군산시 오식도동, 월 300만원 이상, 주간 근무" for n in range(400)]
    text = "\n".join(lines)
    pieces = split_text(text, limit)
    assert len(pieces) > 1
    assert all(len(p) <= limit for p in pieces)
    assert [line for p in pieces for line in p.split("\n")] == lines


def test_split_text_cuts_a_single_overlong_line_at_spaces() -> None:
    line = " ".join(["특수용접"] * 3000)  # 14,999 characters, no line breaks
    pieces = split_text(line)
    assert all(len(p) <= 4096 for p in pieces)
    assert " ".join(pieces) == line
    assert split_text("") == [] and split_text("짧아요") == ["짧아요"]


def test_split_text_counts_emoji_as_telegram_does() -> None:
    line = "📍 군산시 오식도동"  # 📍 is two UTF-16 units
    pieces = split_text("\n".join([line] * 1000))
    assert all(len(p.encode("utf-16-le")) // 2 <= 4096 for p in pieces)
    assert sum(p.count("📍") for p in pieces) == 1000
