"""Companies on Telegram: invite deep links, bound company chats, and the company's answer.

A center worker runs ``jobbot company invite "회사명"``; the company's contact opens the
link (``/start inv_<token>``) and that chat is bound to the company. Candidate cards
(:mod:`bot.telegram.consent`) go to bound chats only; a press on 면접 제안 / 보류 / 거절 is taken
from a bound chat of that application's company only, recorded, shown on the card, and
told to the seeker. Callback data: ``co:<offer|hold|decline>:<application id>``.
"""

from __future__ import annotations

import datetime as dtm
import logging
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session
from telegram import Message, Update
from telegram.ext import (
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    filters,
)

from bot.telegram import messages
from bot.telegram.candidate_card import DECIDABLE_FROM, DECISIONS, decision_keyboard
from bot.telegram.consent import CONSENT_PATTERN, Step, answer_consent, step_of
from bot.telegram.frontend import AnyApplication, Context, frontend_of
from bot.telegram.notify import edit_text, message_text
from bot.telegram.outbox import (
    answer_query,
    application_lock,
    company_lock,
    process_application,
    send_open_cards,
)
from storage.companies import (
    InviteProblem,
    company_of_chat,
    find_invite,
    get_application,
    is_contact,
    redeem_invite,
    transition,
)
from storage.deliveries import company_applications

__all__ = [
    "INVITE_PREFIX",
    "register_company_handlers",
]

logger = logging.getLogger(__name__)


#: Deep-link start parameters of company invites: ``inv_<token>``.
INVITE_PREFIX = "inv_"
#: ``bot_data`` key of the set of chat ids bound to a company, as last looked up.
COMPANY_CHATS_KEY = "company_chats"
DECISION_PATTERN = r"^co:(offer|hold|decline):\d+$"


def register_company_handlers(application: AnyApplication) -> None:
    """Add the invite, consent and company handlers; call before the seeker handlers.

    Within one handler group the first handler that matches wins, so ``/start inv_…``
    and anything a bound company chat sends never reach the seeker conversation, while
    every other ``/start`` does.
    """
    application.add_handler(
        MessageHandler(filters.UpdateType.MESSAGES, look_up_company_chat), group=-1
    )
    application.add_handler(
        CommandHandler("start", start_invite, filters=filters.Regex(r"^/start(@\w+)? inv_"))
    )
    application.add_handler(CallbackQueryHandler(answer_consent, pattern=CONSENT_PATTERN))
    application.add_handler(CallbackQueryHandler(decide, pattern=DECISION_PATTERN))
    application.add_handler(
        MessageHandler(filters.UpdateType.MESSAGES & _CompanyChats(application), company_help)
    )


class _CompanyChats(filters.MessageFilter):
    """Messages in a chat bound to a company (as :func:`look_up_company_chat` just found)."""

    def __init__(self, application: AnyApplication) -> None:
        super().__init__(name="CompanyChats")
        self._application = application

    def filter(self, message: Message) -> bool:
        return message.chat.id in _company_chats(self._application.bot_data)


def _company_chats(bot_data: dict[str, Any]) -> set[int]:
    chats = bot_data.setdefault(COMPANY_CHATS_KEY, set())
    assert isinstance(chats, set)
    return chats


async def look_up_company_chat(update: Update, context: Context) -> None:
    """Before the handlers choose, ask the database whether this chat is a company's: a chat
    `jobbot company unbind` (another process) disconnected is a company's no more at once."""
    chat = update.effective_chat
    if chat is None:
        return
    frontend = frontend_of(context.bot_data)
    bound = await frontend.transaction(
        lambda session: company_of_chat(session=session, chat_id=chat.id) is not None
    )
    chats = _company_chats(context.bot_data)
    if bound:
        chats.add(chat.id)
    else:
        chats.discard(chat.id)


# -- invites ------------------------------------------------------------------------------------


def _redeem(
    session: Session, token: str, chat_id: int, user_id: int
) -> tuple[str, bool, list[int]]:
    """Bind the chat if the invite is good: the reply, whether it bound, what waits for it."""
    outcome = redeem_invite(session=session, token=token, chat_id=chat_id, user_id=user_id)
    if not isinstance(outcome, InviteProblem):
        logger.info("company %s: chat bound (contact %s)", outcome.company_id, outcome.id)
        pending = company_applications(
            session=session, company_id=outcome.company_id, statuses={"consented"}
        )
        return messages.INVITE_BOUND.format(company=outcome.company.name), True, pending
    logger.info("invite refused: %s", outcome.value)
    invite = find_invite(session=session, token=token)
    if (
        outcome is InviteProblem.USED
        and invite is not None
        and is_contact(session=session, company_id=invite.company_id, chat_id=chat_id)
    ):
        return messages.INVITE_ALREADY_BOUND.format(company=invite.company.name), False, []
    refusals = {
        InviteProblem.UNKNOWN: messages.INVITE_UNKNOWN,
        InviteProblem.USED: messages.INVITE_USED,
        InviteProblem.EXPIRED: messages.INVITE_EXPIRED,
    }
    return refusals[outcome], False, []


async def start_invite(update: Update, context: Context) -> None:
    """Bind this chat to the company of the invite in ``/start inv_<token>``.

    Private chats only: a group (or the counselors' forum) bound to a company would take
    every message of its members, and a leaked link must at least need a person.
    """
    message, chat, user = update.effective_message, update.effective_chat, update.effective_user
    if message is None or chat is None or user is None:
        return
    if chat.type != chat.PRIVATE:
        logger.info("invite refused: not a private chat")
        await message.reply_text(messages.INVITE_PRIVATE_ONLY)
        return
    token = (context.args or [""])[0].removeprefix(INVITE_PREFIX)
    frontend = frontend_of(context.bot_data)
    with frontend.sessions() as session:
        invite = find_invite(session=session, token=token)
        company_id = invite.company_id if invite is not None else 0
    async with company_lock(company_id):  # no card goes out to the company meanwhile
        with frontend.sessions.begin() as session:
            reply, bound, pending = _redeem(session, token, chat.id, user.id)
        await message.reply_text(reply)
        if bound:
            await send_open_cards(context.bot, frontend, company_id=company_id)
    for application_id in pending:  # consented while the company had no chat
        await process_application(context.bot, frontend, application_id)


async def company_help(update: Update, context: Context) -> None:
    """Tell a company contact what this chat is for: it is not a seeker conversation."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None:
        return
    with frontend_of(context.bot_data).sessions() as session:
        company = company_of_chat(session=session, chat_id=chat.id)
        name = company.name if company is not None else ""
    await message.reply_text(messages.COMPANY_CHAT_HELP.format(company=name))


# -- the company's answer -----------------------------------------------------------------------


def _record_decision(
    session: Session, application_id: int, chat_id: int, status: str
) -> Step | None:
    """Store a company's decision once; ``None`` when the chat is not bound to the company."""
    application = get_application(session=session, application_id=application_id)
    if application is None or not is_contact(
        session=session, company_id=application.opening.company_id, chat_id=chat_id
    ):
        return None
    changed = transition(
        session=session,
        application_id=application_id,
        allowed_from=DECIDABLE_FROM[status],
        to=status,
        actor="company",
    )
    session.refresh(application)
    return step_of(application, changed)


async def decide(update: Update, context: Context) -> None:
    """Record a company's 면접 제안 / 보류 / 거절, show it on the card, tell the seeker."""
    query, chat = update.callback_query, update.effective_chat
    if query is None or query.data is None or chat is None:
        return
    _, decision, raw_id = query.data.split(":")
    application_id, status = int(raw_id), DECISIONS[decision]
    frontend = frontend_of(context.bot_data)
    async with application_lock(application_id):  # never before the card is recorded sent
        with frontend.sessions.begin() as session:
            step = _record_decision(session, application_id, chat.id, status)
    if step is None:
        # (no chat id in the log: a private chat's id is its person's Telegram account)
        logger.warning("a chat not bound to its company pressed a decision on application %s",
                       application_id)  # fmt: skip
        await answer_query(query, messages.DECISION_NOT_ALLOWED, alert=True)
        return
    label = messages.DECISION_LABELS.get(step.status)
    if label is None:  # e.g. the seeker withdrew; nothing to decide on any more
        await answer_query(query, messages.DECISION_NOT_OPEN, alert=True)
        return
    done = messages.DECISION_RECORDED if step.changed else messages.DECISION_ALREADY
    await answer_query(query, done.format(label=label))
    line = messages.DECISION_LINES.get(step.status)
    if line is not None:  # this card shows the decision, whichever contact made it
        at = dtm.datetime.now(ZoneInfo(frontend.settings.timezone)).strftime("%m/%d %H:%M")
        base = message_text(query.message).split(messages.DECISION_MARK)[0]
        await edit_text(
            query.message,
            f"{base}{messages.DECISION_MARK}{line.format(at=at)}",
            decision_keyboard(application_id, step.status),
        )
    if step.changed:
        logger.info("application %s: company decided %s", application_id, status)
    # Told from the database, once: a press whose handler failed here is told next round.
    await process_application(context.bot, frontend, application_id)
