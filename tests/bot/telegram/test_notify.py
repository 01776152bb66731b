"""Notices to the counselors' group and edits of button messages, against the stand-in."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot.settings import Settings
from bot.telegram.notify import edit_text, message_text, tell_counselors
from tests.bot.telegram.conftest import STAFF_FORUM, ScriptedRasa, bot_settings, running_bot
from tests.helpers.telegram_api import TelegramStandIn

pytestmark = pytest.mark.anyio


async def test_counselors_are_told_in_their_group_only_when_there_is_one(
    telegram_api: TelegramStandIn, settings: Settings, sessions: sessionmaker[Session]
) -> None:
    api = telegram_api
    api.add_chat(STAFF_FORUM, is_forum=True, title="상담 데스크")
    with_group = bot_settings(settings, api)
    async with running_bot(api, with_group, sessions, ScriptedRasa().client()) as running:
        bot = running.application.bot
        await tell_counselors(bot, with_group, "[전달 필요] 후보 0001번")
        await tell_counselors(bot, with_group.model_copy(update={"counselor_chat_id": None}), "x")
        api.fail_next("sendMessage", status=403, description="Forbidden: bot was kicked")
        await tell_counselors(bot, with_group, "쫓겨난 뒤")  # logged, not raised

    assert api.sent_texts(STAFF_FORUM) == ["[전달 필요] 후보 0001번"]
    assert [c.params["chat_id"] for c in api.calls_to("sendMessage")] == [STAFF_FORUM]


async def test_a_message_telegram_no_longer_shows_has_no_text_and_is_not_edited(
    telegram_api: TelegramStandIn, settings: Settings, sessions: sessionmaker[Session]
) -> None:
    api = telegram_api
    async with running_bot(api, bot_settings(settings, api), sessions, ScriptedRasa().client()):
        await edit_text(None, "바뀐 글")
    assert message_text(None) == ""
    assert api.calls_to("editMessageText") == []
