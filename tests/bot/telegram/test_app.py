"""The Application's wiring: repeated updates, per-chat order with concurrency across chats,
a flooding chat, edited messages, flood control and network errors, and the webhook with
its secret token."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker
from telegram import Update
from typer.testing import CliRunner

from bot.cli import app as cli
from bot.rasa_client import RasaClient
from bot.settings import Settings
from bot.telegram import messages
from bot.telegram.app import TelegramTokenMissing, build_application, webhook_options
from bot.telegram.frontend import FrontEnd
from storage.models import ProcessedUpdate
from tests.bot.telegram.conftest import (
    STAFF_FORUM,
    ScriptedRasa,
    agreed_user,
    bot_settings,
    running_bot,
)
from tests.helpers.rasa_stack import free_port
from tests.helpers.telegram_api import TelegramStandIn

pytestmark = pytest.mark.anyio


async def test_a_redelivered_update_is_processed_once(
    telegram_api: TelegramStandIn, settings: Settings, sessions: sessionmaker[Session]
) -> None:
    api, user = telegram_api, agreed_user(sessions)
    rasa = ScriptedRasa()
    async with running_bot(api, bot_settings(settings, api), sessions, rasa.client()) as running:
        raw = api.send_text(user, user, "용접 일자리 있어요?")
        await running.settle(raw)
        # Telegram redelivers (a webhook retry, a restart before the offset was confirmed).
        await running.application.update_queue.put(Update.de_json(raw, running.application.bot))
        await asyncio.sleep(0.3)
        await running.settle(raw)

    assert [m["message"] for m in rasa.messages()] == ["용접 일자리 있어요?"]
    assert api.sent_texts(user).count("네: 용접 일자리 있어요?") == 1
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(ProcessedUpdate)) == 1


async def test_chats_are_served_concurrently_and_each_chat_in_order(
    telegram_api: TelegramStandIn, settings: Settings, sessions: sessionmaker[Session]
) -> None:
    api, slow_user, quick_user = telegram_api, agreed_user(sessions), agreed_user(sessions)
    answered: list[str] = []

    async def handle(request: httpx.Request) -> httpx.Response:
        message = json.loads(request.content)["message"]
        if message == "첫째":
            await asyncio.sleep(1.0)  # a slow turn (the index, a busy action server)
        answered.append(message)
        return httpx.Response(200, json=[{"text": f"네: {message}"}])

    rasa = RasaClient("http://rasa.test", transport=httpx.MockTransport(handle))
    async with running_bot(api, bot_settings(settings, api), sessions, rasa) as running:
        api.send_text(slow_user, slow_user, "첫째")
        api.send_text(slow_user, slow_user, "둘째")
        last = api.send_text(quick_user, quick_user, "빠름")
        await running.settle(last)
        await api.async_wait_for_call("sendMessage", chat_id=slow_user, text="네: 둘째", timeout=10)

    assert answered == ["빠름", "첫째", "둘째"]
    replies = [
        c.params["text"] for c in api.calls_to("sendMessage") if c.params["text"].startswith("네:")
    ]
    assert replies == ["네: 빠름", "네: 첫째", "네: 둘째"]


async def test_flood_control_is_waited_out_and_the_message_sent(
    telegram_api: TelegramStandIn,
    settings: Settings,
    sessions: sessionmaker[Session],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "true")  # RetryAfter.retry_after as timedelta, no warning
    api, user = telegram_api, agreed_user(sessions)
    async with running_bot(
        api, bot_settings(settings, api), sessions, ScriptedRasa().client()
    ) as running:
        api.fail_next("sendMessage", retry_after=1)
        await running.settle(api.send_command(user, user, "/help"))

    refused, sent = api.calls_to("sendMessage", include_failed=True)
    assert (refused.failed, refused.status) == (True, 429)
    assert not sent.failed and sent.params["text"] == messages.HELP
    assert sent.at - refused.at >= 1.0


async def test_a_bad_gateway_is_retried(
    telegram_api: TelegramStandIn, settings: Settings, sessions: sessionmaker[Session]
) -> None:
    api, user = telegram_api, agreed_user(sessions)
    async with running_bot(
        api, bot_settings(settings, api), sessions, ScriptedRasa().client()
    ) as running:
        api.fail_next("sendMessage", status=502)
        await running.settle(api.send_command(user, user, "/help"))

    attempts = api.calls_to("sendMessage", include_failed=True)
    assert [(c.status, c.params["text"]) for c in attempts] == [
        (502, messages.HELP),
        (200, messages.HELP),
    ]


def test_no_token_is_a_clear_error(settings: Settings, sessions: sessionmaker[Session]) -> None:
    frontend = FrontEnd(settings=settings, sessions=sessions, rasa=ScriptedRasa().client())
    with pytest.raises(TelegramTokenMissing, match="JOBBOT_TELEGRAM_TOKEN"):
        build_application(frontend)


async def test_the_webhook_checks_the_secret_token_and_skips_repeats(
    telegram_api: TelegramStandIn, settings: Settings, sessions: sessionmaker[Session]
) -> None:
    api, user = telegram_api, agreed_user(sessions)
    port = free_port()
    hooked = bot_settings(
        settings,
        api,
        webhook_url="https://jobbot.example.kr/telegram/hook",
        webhook_port=port,
        webhook_secret="s3cret-token",
    )
    options = webhook_options(hooked)
    assert options["url_path"] == "telegram/hook" and options["listen"] == "127.0.0.1"
    frontend = FrontEnd(settings=hooked, sessions=sessions, rasa=ScriptedRasa().client())
    application = build_application(frontend)
    update: dict[str, Any] = api.send_command(user, user, "/help")
    url = f"http://127.0.0.1:{port}/telegram/hook"
    async with application:
        assert application.updater is not None
        await application.updater.start_webhook(**options)
        await application.start()
        try:
            async with httpx.AsyncClient() as client:
                wrong = await client.post(
                    url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "guess"}
                )
                right = {"X-Telegram-Bot-Api-Secret-Token": "s3cret-token"}
                first = await client.post(url, json=update, headers=right)
                await api.async_wait_for_call("sendMessage", chat_id=user)
                again = await client.post(url, json=update, headers=right)
                await asyncio.sleep(0.5)
        finally:
            await application.updater.stop()
            await application.stop()

    assert wrong.status_code == 403
    assert (first.status_code, again.status_code) == (200, 200)
    assert api.sent_texts(user) == [messages.HELP]
    (registered,) = api.calls_to("setWebhook")
    assert registered.params["url"] == "https://jobbot.example.kr/telegram/hook"
    assert registered.params["secret_token"] == "s3cret-token"


async def test_start_up_sets_the_command_menus_and_the_maintenance_loop(
    telegram_api: TelegramStandIn, settings: Settings, sessions: sessionmaker[Session]
) -> None:
    api = telegram_api
    frontend = FrontEnd(
        settings=bot_settings(settings, api), sessions=sessions, rasa=ScriptedRasa().client()
    )
    application = build_application(frontend)
    async with application:
        assert application.post_init is not None and application.post_stop is not None
        await application.post_init(application)
        task = application.bot_data["maintenance_task"]
        assert not task.done()
        await application.post_stop(application)
        assert task.cancelled()

    menus = {
        json.dumps(c.params["scope"], sort_keys=True): c.params["commands"]
        for c in api.calls_to("setMyCommands")
    }
    private = menus[json.dumps({"type": "all_private_chats"})]
    assert [c["command"] for c in private] == [
        "start",
        "profile",
        "reset",
        "delete",
        "withdraw",
        "help",
    ]
    staff = menus[json.dumps({"chat_id": STAFF_FORUM, "type": "chat"})]
    assert [c["command"] for c in staff] == ["take", "release", "note", "profile"]


def test_jobbot_telegram_without_a_token_says_what_to_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no .env here
    monkeypatch.delenv("JOBBOT_TELEGRAM_TOKEN", raising=False)
    monkeypatch.setenv("JOBBOT_HOME", str(tmp_path))
    result = CliRunner().invoke(cli, ["telegram"])
    assert result.exit_code == 1
    assert "JOBBOT_TELEGRAM_TOKEN" in result.output


async def test_a_flooding_chat_does_not_hold_up_other_seekers_and_its_backlog_is_merged(
    telegram_api: TelegramStandIn, settings: Settings, sessions: sessionmaker[Session]
) -> None:
    api, flooder, other = telegram_api, agreed_user(sessions), agreed_user(sessions)
    received: list[str] = []
    started: dict[str, float] = {}
    ended: dict[str, float] = {}

    async def handle(request: httpx.Request) -> httpx.Response:
        message = json.loads(request.content)["message"]
        received.append(message)
        started[message] = asyncio.get_running_loop().time()
        # a Rasa turn; the flood's is long, so another chat's turn has time to overlap it
        await asyncio.sleep(FLOOD_TURN_S if message.startswith("도배") else 0.1)
        ended[message] = asyncio.get_running_loop().time()
        return httpx.Response(200, json=[{"text": f"네: {message[:10]}"}])

    async def flood_with_rasa() -> str:
        for _ in range(1000):
            if merged := next((m for m in received if m.startswith("도배")), None):
                return merged
            await asyncio.sleep(0.01)
        raise AssertionError(f"no flood turn reached Rasa: {received}")

    rasa = RasaClient("http://rasa.test", transport=httpx.MockTransport(handle))
    texts = [f"도배 {n}" for n in range(100)]
    async with running_bot(api, bot_settings(settings, api), sessions, rasa) as running:
        api.send_text(flooder, flooder, "처음")
        await api.async_wait_for_call("sendChatAction", chat_id=flooder)  # "처음" is with Rasa
        for text in texts:
            api.send_text(flooder, flooder, text)
        flood_turn = await flood_with_rasa()  # the backlog, merged, is with Rasa now
        asked = api.send_text(other, other, "용접 일자리")
        await running.settle(asked)
        await api.async_wait_for_call("sendMessage", chat_id=other, text="네: 용접 일자리")
        await running.settle(api.send_text(flooder, flooder, "끝"))

    flood_turns = [m for m in received if m.startswith("도배")]
    assert len(flood_turns) < 10  # not 100 turns: the backlog went in few merged messages
    assert "\n".join(flood_turns).split("\n") == texts  # every line, in order
    assert received[-1] == "끝"
    # the other seeker did not wait behind the flood: their turn began during the flood's
    assert started["용접 일자리"] < ended[flood_turn]


#: How long the flooding chat's merged turn stays with Rasa (load on a shared machine must
#: not stretch fetching another chat's message past it).
FLOOD_TURN_S = 1.0


async def test_an_edited_message_is_answered(
    telegram_api: TelegramStandIn, settings: Settings, sessions: sessionmaker[Session]
) -> None:
    api, user = telegram_api, agreed_user(sessions)
    rasa = ScriptedRasa()
    async with running_bot(api, bot_settings(settings, api), sessions, rasa.client()) as running:
        raw = api.send_text(user, user, "용졉 일자리")
        await running.settle(raw)
        edited = api.queue_update(
            {"edited_message": raw["message"] | {"text": "용접 일자리", "edit_date": 1}}
        )
        await running.settle(edited)

    assert [m["message"] for m in rasa.messages()] == ["용졉 일자리", "용접 일자리"]
    assert "네: 용접 일자리" in api.sent_texts(user)


async def test_button_data_the_message_never_offered_does_not_reach_rasa(
    telegram_api: TelegramStandIn, settings: Settings, sessions: sessionmaker[Session]
) -> None:
    api, user = telegram_api, agreed_user(sessions)
    rasa = ScriptedRasa(
        replies=lambda text: [
            {"text": "지원할까요?", "buttons": [{"title": "예", "payload": "/affirm"}]}
        ]
    )
    async with running_bot(api, bot_settings(settings, api), sessions, rasa.client()) as running:
        await running.settle(api.send_text(user, user, "지원"))
        asked = api.calls_to("sendMessage")[-1]
        message_id = asked.result["message_id"]
        pressed = api.press_button(user, user, message_id, "/affirm")
        await running.settle(pressed)
        forged = pressed["callback_query"] | {"data": '/apply{"opening_id":999}', "id": "77"}
        await running.settle(api.queue_update({"callback_query": forged}))

    assert [m["message"] for m in rasa.messages()] == ["지원", "/affirm"]
    refused = api.calls_to("answerCallbackQuery", include_failed=True)[-1]
    assert refused.params["text"] == messages.BUTTON_EXPIRED
