"""The seeker's rights over their data (PIPA arts. 36–37): ``/withdraw`` takes back the
consents, ``/delete`` erases everything the center holds (`bot.telegram.erasure`).

Callback data of the delete question: ``seeker:delete:y|n``.
"""

from __future__ import annotations

import logging

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot.telegram import messages
from bot.telegram.conversation import held_messages, sender_id_for, turn_of
from bot.telegram.erasure import erase_seeker
from bot.telegram.frontend import Context, frontend_of
from bot.telegram.notify import show_answer
from bot.telegram.outbox import answer_query
from bot.telegram.sending import send_text
from storage.companies import withdraw_consent
from storage.deliveries import WITH_COMPANY
from storage.models import utc_now
from storage.seekers import find_seeker, record_profile_consent

__all__ = ["DELETE_PATTERN", "answer_delete", "ask_delete", "withdraw"]

logger = logging.getLogger(__name__)

DELETE_PATTERN = r"^seeker:delete:[yn]$"


async def ask_delete(update: Update, context: Context) -> None:
    """Ask before erasing everything (it cannot be undone)."""
    if (turn := turn_of(update, context)) is None:
        return
    markup = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(messages.BUTTON_DELETE_YES, callback_data="seeker:delete:y"),
                InlineKeyboardButton(messages.BUTTON_DELETE_NO, callback_data="seeker:delete:n"),
            ]
        ]
    )
    await send_text(context.bot, turn.chat_id, messages.DELETE_CONFIRM, markup=markup)


async def withdraw(update: Update, context: Context) -> None:
    """동의 철회 (PIPA art. 37): the kept profile and every card not yet sent to a company."""
    if (turn := turn_of(update, context)) is None:
        return
    with frontend_of(context.bot_data).sessions.begin() as session:
        seeker = find_seeker(session=session, sender_id=turn.sender_id)
        assert seeker is not None
        kept = turn.consent is True
        if kept:
            record_profile_consent(
                session=session, sender_id=turn.sender_id, granted=False, at=utc_now()
            )
        withdrawn = [
            a.id
            for a in list(seeker.applications)
            if withdraw_consent(session=session, application_id=a.id)
        ]
        sent = [a.opening.title for a in seeker.applications if a.status in WITH_COMPANY]
    text = messages.WITHDRAW_DONE if kept or withdrawn else messages.WITHDRAW_NOTHING
    if sent:
        text += "\n" + messages.WITHDRAW_SENT_ALREADY.format(titles=", ".join(sent))
    await send_text(context.bot, turn.chat_id, text)
    logger.info("seeker %s withdrew consent (%d applications)", turn.seeker_id, len(withdrawn))


async def answer_delete(update: Update, context: Context) -> None:
    """Erase the seeker's personal data everywhere, or keep it, as they chose."""
    query = update.callback_query
    chat, user = update.effective_chat, update.effective_user
    if query is None or chat is None or user is None or chat.type != chat.PRIVATE:
        return
    await answer_query(query)
    confirmed = (query.data or "").endswith(":y")
    await show_answer(
        query.message, messages.BUTTON_DELETE_YES if confirmed else messages.BUTTON_DELETE_NO
    )
    if not confirmed:
        await send_text(context.bot, chat.id, messages.DELETE_CANCELLED)
        return
    held_messages(context).clear()
    erasure = await erase_seeker(context.bot, frontend_of(context.bot_data), sender_id_for(user.id))
    titles = ", ".join(erasure.with_company)
    if erasure.topics_pending:
        text = messages.DELETE_DONE_TOPIC_PENDING
        if titles:
            text += "\n" + messages.DELETE_WITH_COMPANY.format(titles=titles)
    elif titles:
        text = messages.DELETE_DONE_SENT.format(titles=titles)
    else:
        text = messages.DELETE_DONE
    await send_text(context.bot, chat.id, text)
