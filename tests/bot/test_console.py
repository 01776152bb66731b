"""`jobbot chat`'s loop against the running stack: text cards, and buttons pressed by number."""

from __future__ import annotations

import asyncio

import pytest

from bot.console import chat_loop
from bot.runtime.stack import Stack

pytestmark = pytest.mark.slow


def test_console_chat_shows_cards_and_presses_a_button_by_number(stack: Stack) -> None:
    lines = iter(["용접 15년 특수용접 있어요 군산 살아요 월 300 이상 야간은 못해요", "1", "종료"])
    printed: list[str] = []

    def read(prompt: str) -> str:
        return next(lines)

    asyncio.run(chat_loop(stack.rasa_url, read=read, write=printed.append, sender_id="console-t"))
    output = "\n".join(printed)
    assert "  [1] 1번 자세히" in output  # the first card's first button
    assert "✓" in output  # a card's reasons
    assert "급여:" in output  # pressing [1] showed the first opening's details
    assert printed[-1] == "대화를 마칠게요. 고마워요!"
