"""The Telegram Application: all wiring in one builder, and `run_telegram` to serve it.

    update ─► PerChatProcessor (concurrent across chats, in order within one chat, a chat's
              backlog of texts merged; bot.telegram.processor)
          ─► group -2: skip_repeated_updates (processed_updates table; repeats stop here)
          ─► group -1: refuse_unoffered_buttons (callback data no button of the message shows);
             for messages, look_up_company_chat (is this chat a company's right now?)
          ─► group 0, first match wins: company handlers (bot.telegram.companies), counselor forum
             (bot.telegram.counselors), seeker private chats (bot.telegram.seekers)
             edited private texts are answered like new ones (in a handoff: relayed)
          ─► on_error: logged without message text, the user gets a polite apology

Every Bot API call passes the RateLimiter (bot.telegram.rate_limit): Telegram's 30 messages
a second, 20 a minute per group, flood control waited out.

Polling by default; a webhook (with Telegram's secret token checked) when
``settings.webhook_url`` is set.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy.exc import IntegrityError, OperationalError
from telegram import (
    BotCommand,
    BotCommandScopeAllPrivateChats,
    BotCommandScopeChat,
    CallbackQuery,
    Message,
    Update,
)
from telegram.error import TelegramError
from telegram.ext import (
    ApplicationBuilder,
    ApplicationHandlerStop,
    CallbackQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.errors import BotError
from bot.rasa_client import RasaClient
from bot.settings import Settings
from bot.telegram import messages
from bot.telegram.companies import register_company_handlers
from bot.telegram.counselors import register_counselor_handlers
from bot.telegram.frontend import FRONTEND_KEY, AnyApplication, Context, FrontEnd, frontend_of
from bot.telegram.handoff import maintenance_loop
from bot.telegram.processor import PerChatProcessor
from bot.telegram.rate_limit import RateLimiter
from bot.telegram.seekers import on_text, register_seeker_handlers
from bot.telegram.sending import deliver, send_text
from storage.updates import mark_update_processed

__all__ = [
    "TelegramTokenMissing",
    "build_application",
    "run_telegram",
    "webhook_options",
]

logger = logging.getLogger(__name__)


#: ``bot_data`` key of the background maintenance task.
MAINTENANCE_KEY = "maintenance_task"


class TelegramTokenMissing(BotError):
    """No bot token is configured."""

    def __init__(self) -> None:
        super().__init__(
            "텔레그램 봇 토큰이 없어요. BotFather에게 받은 토큰을 JOBBOT_TELEGRAM_TOKEN에 "
            "설정해 주세요."
        )


def build_application(frontend: FrontEnd) -> AnyApplication:
    """The Application for seekers, counselors and companies, talking to ``settings``'
    Bot API (``telegram_base_url``) with ``frontend``'s database and Rasa server."""
    settings = frontend.settings
    if not settings.telegram_token:
        raise TelegramTokenMissing()
    processor = PerChatProcessor()
    application = (
        ApplicationBuilder()
        .token(settings.telegram_token)
        .base_url(settings.telegram_base_url)
        .base_file_url(settings.telegram_base_file_url)
        .concurrent_updates(processor)
        .rate_limiter(RateLimiter())
        .job_queue(None)  # APScheduler is not installed; see handoff.maintenance_loop
        .post_init(_post_init)
        .post_stop(_post_stop)
        .post_shutdown(_post_shutdown)
        .build()
    )
    processor.process = application.process_update  # merged backlogs run as one update
    application.bot_data[FRONTEND_KEY] = frontend
    application.add_handler(TypeHandler(Update, skip_repeated_updates), group=-2)
    application.add_handler(CallbackQueryHandler(refuse_unoffered_buttons), group=-1)
    register_company_handlers(application)
    register_counselor_handlers(application, settings.counselor_chat_id)
    register_seeker_handlers(application)
    edited = filters.ChatType.PRIVATE & filters.UpdateType.EDITED_MESSAGE & filters.TEXT
    application.add_handler(MessageHandler(edited & ~filters.COMMAND, on_text))
    application.add_error_handler(on_error)
    return application


async def skip_repeated_updates(update: Update, context: Context) -> None:
    """Stop an update Telegram already delivered once (its id is in processed_updates).

    When the database stays locked past its busy timeout the update is handled without
    the check: a rare repeat answered twice beats a seeker left unanswered.
    """
    frontend = frontend_of(context.bot_data)
    try:
        fresh = await frontend.transaction(
            lambda session: mark_update_processed(session=session, update_id=update.update_id)
        )
    except IntegrityError:  # the same update, being processed at this very moment
        fresh = False
    except OperationalError as error:
        logger.warning("update %s: repeat check skipped: %s", update.update_id, error.orig)
        return
    if not fresh:
        logger.info("update %s was processed before; skipped", update.update_id)
        raise ApplicationHandlerStop


def offered(query: CallbackQuery) -> bool:
    """True when the pressed message shows a button with exactly this callback data.

    Telegram sends the message as it stands, keyboard included; a modified client can send
    any data (``/apply{"opening_id": …}`` for a closed opening, another application's
    decision), but cannot change the message it claims to press.
    """
    message = query.message
    if not isinstance(message, Message) or message.reply_markup is None:
        return False  # too old for Telegram to show the bot, or no keyboard at all
    rows = message.reply_markup.inline_keyboard
    return any(button.callback_data == query.data for row in rows for button in row)


async def refuse_unoffered_buttons(update: Update, context: Context) -> None:
    """Stop a button press whose data the message never offered; the presser is told the
    button no longer works."""
    query = update.callback_query
    if query is None or offered(query):
        return
    logger.warning("update %s: callback data not offered by its message", update.update_id)
    with contextlib.suppress(TelegramError):
        await deliver(lambda: query.answer(messages.BUTTON_EXPIRED), what="answerCallbackQuery")
    raise ApplicationHandlerStop


async def on_error(update: object, context: Context) -> None:
    """Log the failure (ids and the exception, no message text) and apologize."""
    update_id = update.update_id if isinstance(update, Update) else None
    logger.error(
        "update %s failed: %s", update_id, type(context.error).__name__, exc_info=context.error
    )
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    chat = update.effective_chat
    message = update.effective_message
    frontend = context.bot_data.get(FRONTEND_KEY)
    counselors = frontend.settings.counselor_chat_id if isinstance(frontend, FrontEnd) else None
    if chat.type == chat.PRIVATE:
        text, thread = messages.ERROR_APOLOGY, None
    elif chat.id == counselors and message is not None:
        text = messages.COUNSELOR_ERROR
        thread = message.message_thread_id if message.is_topic_message else None
    else:
        return
    with contextlib.suppress(TelegramError):
        await send_text(context.bot, chat.id, text, thread_id=thread)


async def _post_init(application: AnyApplication) -> None:
    """Command menus, and the maintenance loop (re-announcing unanswered handoffs)."""
    frontend = frontend_of(application.bot_data)
    bot = application.bot
    try:
        await bot.set_my_commands(
            [BotCommand(*c) for c in messages.SEEKER_COMMANDS],
            scope=BotCommandScopeAllPrivateChats(),
        )
        if frontend.settings.counselor_chat_id is not None:
            await bot.set_my_commands(
                [BotCommand(*c) for c in messages.COUNSELOR_COMMANDS],
                scope=BotCommandScopeChat(frontend.settings.counselor_chat_id),
            )
    except TelegramError as error:  # a menu is a convenience, not a reason not to start
        logger.warning("could not set the command menus: %s", error)
    application.bot_data[MAINTENANCE_KEY] = asyncio.create_task(maintenance_loop(bot, frontend))


async def _post_stop(application: AnyApplication) -> None:
    task = application.bot_data.pop(MAINTENANCE_KEY, None)
    if task is not None:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def _post_shutdown(application: AnyApplication) -> None:
    frontend = frontend_of(application.bot_data)
    await frontend.rasa.aclose()
    await asyncio.to_thread(frontend.close)


def webhook_options(settings: Settings) -> dict[str, Any]:
    """Arguments for ``run_webhook`` / ``Updater.start_webhook``: listen on loopback at
    ``webhook_port`` (behind the TLS reverse proxy serving ``webhook_url``), the URL's path,
    and the secret token Telegram must echo (a random one when none is configured)."""
    if not settings.webhook_url:
        raise ValueError("webhook_url is not set")
    return {
        "listen": "127.0.0.1",
        "port": settings.webhook_port,
        "url_path": urlsplit(settings.webhook_url).path.strip("/"),
        "webhook_url": settings.webhook_url,
        "secret_token": settings.webhook_secret or secrets.token_urlsafe(32),
    }


def run_telegram(settings: Settings) -> None:
    """Serve the bot until interrupted: polling, or a webhook when ``webhook_url`` is set.

    The Rasa server must be reachable on ``rasa_port`` (`jobbot telegram` starts it).
    """
    from bot.runtime.tokens import with_tokens
    from bot.services import open_database

    if not settings.telegram_token:
        raise TelegramTokenMissing()
    settings = with_tokens(settings)  # the same home, the same tokens as Rasa's
    assert settings.rasa_token is not None
    # httpx logs each request URL at INFO, and Bot API URLs contain the token.
    logging.getLogger("httpx").setLevel(max(logging.WARNING, logging.getLogger("httpx").level))
    frontend = FrontEnd(
        settings=settings,
        sessions=open_database(settings),
        rasa=RasaClient(
            f"http://127.0.0.1:{settings.rasa_port}",
            timeout=settings.rasa_timeout_seconds,
            token=settings.rasa_token.get_secret_value(),
        ),
    )
    application = build_application(frontend)
    if settings.webhook_url:
        logger.info("serving the webhook on port %s", settings.webhook_port)
        application.run_webhook(**webhook_options(settings), allowed_updates=Update.ALL_TYPES)
    else:
        logger.info("polling for updates")
        application.run_polling(allowed_updates=Update.ALL_TYPES)
