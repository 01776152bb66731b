"""The Telegram Bot API stand-in, driven by the real python-telegram-bot 22 over loopback HTTP."""

from __future__ import annotations

import asyncio
import datetime as dtm
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest, Conflict, EndPointNotFound, NetworkError, RetryAfter
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from tests.helpers.telegram_api import TelegramStandIn, UploadedFile, polling

USER = 1001
COUNSELOR = 2002
STAFF_FORUM = -1001234567890

Context = ContextTypes.DEFAULT_TYPE
App = Application[Any, Any, Any, Any, Any, Any]


@pytest.fixture
def anyio_backend() -> str:
    """python-telegram-bot runs on asyncio."""
    return "asyncio"


@pytest.fixture
def api() -> Iterator[TelegramStandIn]:
    """A started stand-in, closed (threads joined) after the test."""
    with TelegramStandIn() as stand_in:
        yield stand_in


def build(api: TelegramStandIn) -> App:
    """An Application wired to the stand-in the way the front end's builder will be."""
    return (
        ApplicationBuilder()
        .token(api.token)
        .base_url(api.base_url)
        .base_file_url(api.base_file_url)
        .build()
    )


def connect(api: TelegramStandIn) -> Bot:
    """A bare Bot for checks that need no handlers."""
    return Bot(api.token, base_url=api.base_url, base_file_url=api.base_file_url)


@pytest.mark.anyio
async def test_echo_handler_answers_a_private_text_message(api: TelegramStandIn) -> None:
    async def echo(update: Update, context: Context) -> None:
        """Say back what the seeker wrote."""
        assert update.effective_message is not None
        await update.effective_message.reply_text(f"받았어요: {update.effective_message.text}")

    application = build(api)
    application.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    async with polling(application):
        api.send_text(USER, USER, "용접 일자리 있나요?")
        call = await api.async_wait_for_call("sendMessage", chat_id=USER)

    assert call.params["text"] == "받았어요: 용접 일자리 있나요?"
    assert call.result["chat"] == {"id": USER, "type": "private", "first_name": "테스트"}
    assert call.result["from"]["username"] == "jobbot_test_bot"
    assert api.sent_texts(USER) == ["받았어요: 용접 일자리 있나요?"]
    assert [c.method for c in api.calls[:3]] == ["getMe", "deleteWebhook", "getUpdates"]


@pytest.mark.anyio
async def test_button_press_is_answered_and_the_message_edited(api: TelegramStandIn) -> None:
    payloads: list[list[str]] = []

    async def start(update: Update, context: Context) -> None:
        """Offer one opening with an apply button."""
        assert update.effective_message is not None
        payloads.append(list(context.args or []))
        button = InlineKeyboardButton("지원하기", callback_data="apply:17")
        markup = InlineKeyboardMarkup([[button]])
        await update.effective_message.reply_text("용접공 (군산)", reply_markup=markup)

    async def apply(update: Update, context: Context) -> None:
        """Acknowledge the press and replace the offer."""
        query = update.callback_query
        assert query is not None
        await query.answer("접수했어요")
        await query.edit_message_text(f"지원 완료 ({query.data})")

    application = build(api)
    application.add_handler(CommandHandler("start", start))
    application.add_handler(CallbackQueryHandler(apply, pattern=r"^apply:"))
    async with polling(application):
        api.send_command(USER, USER, "/start job_17")
        offer = await api.async_wait_for_call("sendMessage", chat_id=USER)
        message_id = offer.result["message_id"]
        api.press_button(USER, USER, message_id, "apply:17")
        answer = await api.async_wait_for_call("answerCallbackQuery")
        edit = await api.async_wait_for_call("editMessageText", message_id=message_id)

    assert payloads == [["job_17"]]
    keyboard = {"inline_keyboard": [[{"text": "지원하기", "callback_data": "apply:17"}]]}
    assert offer.params["reply_markup"] == offer.result["reply_markup"] == keyboard
    assert answer.params["text"] == "접수했어요"
    assert (edit.params["chat_id"], edit.params["text"]) == (USER, "지원 완료 (apply:17)")
    edited = api.message(USER, message_id)
    assert edited is not None and "reply_markup" not in edited  # an edit drops the keyboard
    with pytest.raises(ValueError, match="no button"):
        api.press_button(USER, USER, message_id, "apply:17")


@pytest.mark.anyio
async def test_flood_control_reaches_the_handler_which_retries_after_retry_after(
    api: TelegramStandIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "true")  # RetryAfter.retry_after as timedelta, no warning
    waited: list[dtm.timedelta] = []

    async def notify(update: Update, context: Context) -> None:
        """Answer, waiting out Telegram's flood control once."""
        assert update.effective_message is not None
        try:
            await update.effective_message.reply_text("새 공고 3건")
        except RetryAfter as flood:
            assert isinstance(flood.retry_after, dtm.timedelta)
            waited.append(flood.retry_after)
            await asyncio.sleep(flood.retry_after.total_seconds())
            await update.effective_message.reply_text("새 공고 3건")

    api.fail_next("sendMessage", retry_after=1)
    application = build(api)
    application.add_handler(MessageHandler(filters.TEXT, notify))
    async with polling(application):
        api.send_text(USER, USER, "새 공고 있나요?")
        await api.async_wait_for_call("sendMessage", chat_id=USER)

    refused, sent = api.calls_to("sendMessage", include_failed=True)
    assert (refused.failed, refused.status) == (True, 429)
    assert refused.description == "Too Many Requests: retry after 1"
    assert not sent.failed and sent.params["text"] == "새 공고 3건"
    assert waited == [dtm.timedelta(seconds=1)]
    assert sent.at - refused.at >= 1.0


@pytest.mark.anyio
async def test_bad_gateway_is_a_network_error_and_the_next_call_succeeds(
    api: TelegramStandIn,
) -> None:
    api.fail_next("sendMessage", status=502)
    async with connect(api) as bot:
        with pytest.raises(NetworkError, match="Bad Gateway"):
            await bot.send_message(USER, "안내")
        await bot.send_message(USER, "안내")

    attempts = api.calls_to("sendMessage", include_failed=True)
    assert [(c.status, c.description) for c in attempts] == [(502, "Bad Gateway"), (200, None)]


@pytest.mark.anyio
async def test_a_repeated_update_id_reaches_handlers_once(api: TelegramStandIn) -> None:
    handled: list[int] = []

    async def record(update: Update, context: Context) -> None:
        """Note which update arrived."""
        assert update.effective_message is not None
        handled.append(update.update_id)
        await update.effective_message.reply_text("네")

    application = build(api)
    application.add_handler(MessageHandler(filters.TEXT, record))
    first = api.send_text(USER, USER, "안녕하세요")
    api.queue_update(first)  # queued twice before polling: one getUpdates answer holds it once
    async with polling(application):
        await api.async_wait_for_call("sendMessage")
        # PTB confirms by polling with offset = last update_id + 1 …
        await api.async_wait_for_call("getUpdates", offset=first["update_id"] + 1)
        assert api.confirmed_offset == first["update_id"] + 1
        api.queue_update(first)  # … after which Telegram never returns that id again
        second = api.send_text(USER, USER, "두 번째")
        await api.async_wait_for(lambda c: c.method == "sendMessage" and len(handled) == 2)

    assert second["update_id"] == first["update_id"] + 1
    assert handled == [first["update_id"], second["update_id"]]
    returned = [u["update_id"] for c in api.calls_to("getUpdates") for u in c.result]
    assert returned == handled


@pytest.mark.anyio
async def test_get_updates_long_polls_and_a_second_poller_conflicts(api: TelegramStandIn) -> None:
    async with connect(api) as bot:
        started = time.monotonic()
        assert await bot.get_updates(timeout=1) == ()
        assert time.monotonic() - started >= 0.9

        waiting = asyncio.create_task(bot.get_updates(timeout=5))
        await asyncio.sleep(0.2)
        started = time.monotonic()
        api.send_text(USER, USER, "지금 보냅니다")
        (update,) = await waiting
        assert time.monotonic() - started < 0.5
        assert update.effective_message is not None
        assert update.effective_message.text == "지금 보냅니다"

        # PTB's getUpdates connection pool holds one connection, so a second poller is a
        # second Bot, as when two bot processes run with the same token.
        older = asyncio.create_task(bot.get_updates(offset=update.update_id + 1, timeout=5))
        await asyncio.sleep(0.2)
        async with connect(api) as second_instance:
            assert await second_instance.get_updates(offset=update.update_id + 1) == ()
        with pytest.raises(Conflict, match="terminated by other getUpdates request"):
            await older


@pytest.mark.anyio
async def test_forum_topics_and_the_deleted_topic_error(api: TelegramStandIn) -> None:
    api.add_chat(STAFF_FORUM, is_forum=True, title="상담 데스크")

    async def relay(update: Update, context: Context) -> None:
        """Acknowledge a counselor's message in its topic."""
        assert update.effective_message is not None
        await update.effective_message.reply_text("구직자에게 전달했어요")

    application = build(api)
    application.add_handler(MessageHandler(filters.Chat(STAFF_FORUM) & filters.TEXT, relay))
    async with polling(application):
        bot = application.bot
        topic = await bot.create_forum_topic(STAFF_FORUM, "구직자 1001 상담")
        thread_id = topic.message_thread_id
        opened = await bot.send_message(STAFF_FORUM, "새 상담 요청", message_thread_id=thread_id)
        assert opened.is_topic_message and opened.message_thread_id == thread_id

        api.send_text(STAFF_FORUM, COUNSELOR, "안녕하세요, 상담사입니다", thread_id=thread_id)
        relayed = await api.async_wait_for_call("sendMessage", text="구직자에게 전달했어요")
        assert relayed.params["message_thread_id"] == thread_id  # reply_text stays in the topic

        seeker_message = api.send_text(USER, USER, "이력서 보냅니다")["message"]["message_id"]
        await bot.delete_forum_topic(STAFF_FORUM, thread_id)
        with pytest.raises(BadRequest, match="^Message thread not found$"):
            await bot.send_message(STAFF_FORUM, "후속 안내", message_thread_id=thread_id)
        with pytest.raises(BadRequest, match="^Message thread not found$"):
            await bot.copy_message(STAFF_FORUM, USER, seeker_message, message_thread_id=thread_id)

        again = await bot.create_forum_topic(STAFF_FORUM, "구직자 1001 상담")
        copied = await bot.copy_message(
            STAFF_FORUM, USER, seeker_message, message_thread_id=again.message_thread_id
        )

    assert (topic.name, topic.icon_color) == ("구직자 1001 상담", 7322096)
    assert again.message_thread_id > thread_id
    refused = [c for c in api.calls if c.failed]
    assert [(c.method, c.status, c.description) for c in refused] == [
        ("sendMessage", 400, "Bad Request: message thread not found"),
        ("copyMessage", 400, "Bad Request: message thread not found"),
    ]
    moved = api.message(STAFF_FORUM, copied.message_id)
    assert moved is not None and moved["text"] == "이력서 보냅니다"
    assert api.topic(STAFF_FORUM, thread_id) == {
        "message_thread_id": thread_id,
        "name": "구직자 1001 상담",
        "icon_color": 7322096,
        "closed": False,
        "deleted": True,
    }


@pytest.mark.anyio
async def test_uploads_file_ids_and_downloads(api: TelegramStandIn) -> None:
    license_photo = b"\xff\xd8\xff\xe0 license scan \xff\xd9"
    async with connect(api) as bot:
        update = Update.de_json(api.send_photo(USER, USER, content=license_photo), bot)
        assert update.message is not None
        photo_file = await update.message.photo[-1].get_file()
        assert bytes(await photo_file.download_as_bytearray()) == license_photo

        poster = await bot.send_photo(USER, photo=b"\xff\xd8\xff\xe0 poster", caption="채용 포스터")
        notice = await bot.send_document(USER, document=b"%PDF-1.4 notice", filename="안내문.pdf")
        assert notice.document is not None
        resent = await bot.send_document(STAFF_FORUM, document=notice.document.file_id)
        assert resent.document is not None and resent.document.file_id == notice.document.file_id

    (photo_call,) = api.calls_to("sendPhoto")
    upload = photo_call.params["photo"]
    assert isinstance(upload, UploadedFile) and upload.content == b"\xff\xd8\xff\xe0 poster"
    assert photo_call.params["caption"] == poster.caption == "채용 포스터"
    document_call, by_id_call = api.calls_to("sendDocument")
    assert document_call.params["document"].filename == "안내문.pdf"
    assert notice.document.file_name == "안내문.pdf"
    assert by_id_call.params["document"] == notice.document.file_id


def test_injected_updates_parse_as_ptb_updates(api: TelegramStandIn) -> None:
    bot = connect(api)
    command = Update.de_json(api.send_command(-100777, USER, "/start@jobbot_test_bot 17"), bot)
    assert command.message is not None
    assert command.message.chat.type == "supergroup"
    assert list(command.message.parse_entities(["bot_command"]).values()) == [
        "/start@jobbot_test_bot"
    ]
    kinds = {
        "voice": (api.send_voice(USER, USER), filters.VOICE),
        "sticker": (api.send_sticker(USER, USER), filters.Sticker.ALL),
        "document": (api.send_document(USER, USER), filters.Document.PDF),
        "location": (api.send_location(USER, USER, 35.97, 126.71), filters.LOCATION),
        "photo": (api.send_photo(USER, USER, caption="자격증"), filters.PHOTO),
    }
    for kind, (raw, message_filter) in kinds.items():
        assert message_filter.check_update(Update.de_json(raw, bot)), kind
    assert filters.COMMAND.check_update(command)
    ids = [raw["update_id"] for raw, _ in kinds.values()]
    assert ids == sorted(ids) and ids[0] == command.update_id + 1


@pytest.mark.anyio
async def test_members_commands_and_unknown_methods(api: TelegramStandIn) -> None:
    api.add_chat(STAFF_FORUM, is_forum=True, title="상담 데스크")
    api.set_member_status(STAFF_FORUM, COUNSELOR, "administrator")
    async with connect(api) as bot:
        counselor = await bot.get_chat_member(STAFF_FORUM, COUNSELOR)
        stranger = await bot.get_chat_member(STAFF_FORUM, 3003)
        chat = await bot.get_chat(STAFF_FORUM)
        assert (counselor.status, stranger.status) == ("administrator", "left")
        assert (chat.type, chat.title, chat.is_forum) == ("supergroup", "상담 데스크", True)
        await bot.set_my_commands([("start", "처음부터"), ("help", "도움말")])
        assert [c.command for c in await bot.get_my_commands()] == ["start", "help"]
        with pytest.raises(BadRequest, match="Bot_command_invalid"):
            await bot.set_my_commands([("Start", "대문자는 안 됩니다")])
        with pytest.raises(BadRequest, match="Button_data_invalid"):
            long_data = "지원:" + "가" * 21  # 67 UTF-8 bytes; the limit is 64
            markup = InlineKeyboardMarkup([[InlineKeyboardButton("지원", callback_data=long_data)]])
            await bot.send_message(USER, "공고", reply_markup=markup)
        with pytest.raises(EndPointNotFound):
            await bot.do_api_request("sendTelepathy")

    (unknown,) = api.calls_to("sendTelepathy", include_failed=True)
    assert (unknown.status, unknown.description) == (404, "Not Found: method not found")


def test_wait_for_call_lists_recent_calls_on_timeout(api: TelegramStandIn) -> None:
    httpx.post(f"{api.base_url}{api.token}/sendMessage", data={"chat_id": "5", "text": "123"})
    call = api.wait_for_call("sendMessage", chat_id=5, timeout=1)
    assert call.params["text"] == "123"  # text stays a string even when it looks like JSON
    with pytest.raises(AssertionError, match=r"recent calls:\n  sendMessage \{'chat_id': 5"):
        api.wait_for_call("sendMessage", chat_id=6, timeout=0.2)


def test_close_ends_long_polls_and_joins_every_thread() -> None:
    before = set(threading.enumerate())
    with httpx.Client() as client, TelegramStandIn() as api:
        client.post(f"{api.base_url}{api.token}/getMe")  # leaves an idle keep-alive connection
        poll_url = f"{api.base_url}{api.token}/getUpdates"
        poller = threading.Thread(
            target=httpx.post, args=(poll_url,), kwargs={"data": {"timeout": "30"}}
        )
        poller.start()
        time.sleep(0.2)
        started = time.monotonic()
    poller.join(timeout=2)
    assert time.monotonic() - started < 2
    assert set(threading.enumerate()) <= before
