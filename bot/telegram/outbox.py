"""Side effects of an application, driven from the database so a failed call loses nothing.

A button press only records the new state (and answers the query through
:func:`answer_query`, which never raises). What follows from a state is done here, from
what the database says: a ``consented`` application's card goes to the company's bound
chats, and every status the seeker was not told yet (``told_status``) is told, once, with
the counselors' notice where one belongs. :func:`process_application` runs right after a
press; :func:`run_outbox` (every maintenance round) finishes what a crash or a failed call
left undone.

Every chat bound to the company gets the card, once: each delivery is recorded per chat
(`storage.deliveries`), and a chat where sending failed (the bot was blocked there, say)
while another got the card is tried again by later rounds, with backoff, until it gets it or
the company has decided. Delivery and a new binding take the company's lock, so a chat bound
while a card goes out either is among the chats it goes to or gets it from
:func:`send_open_cards`, which gives a newly bound chat the company's cards still waiting for
an answer (``sent``, ``held``). Decided cards are not sent again.
"""

from __future__ import annotations

import asyncio
import logging
import weakref
from typing import Any

from telegram import Bot, InlineKeyboardMarkup
from telegram.error import TelegramError

from bot.errors import ConsentRequired
from bot.telegram import messages
from bot.telegram.candidate_card import candidate_label, consented_card, decision_keyboard
from bot.telegram.frontend import FrontEnd
from bot.telegram.notify import tell_counselors
from bot.telegram.sending import send_text
from storage.companies import get_application, transition
from storage.deliveries import (
    CARD_STATUSES,
    OPEN_STATUSES,
    TELLABLE,
    Recipient,
    company_applications,
    delivered,
    mark_told,
    record_delivery,
    undelivered,
    undelivered_applications,
    untold_applications,
)
from storage.models import Application

__all__ = [
    "answer_query",
    "application_lock",
    "company_lock",
    "process_application",
    "run_outbox",
    "send_open_cards",
]

logger = logging.getLogger(__name__)


async def answer_query(query: Any, text: str | None = None, *, alert: bool = False) -> None:
    """Answer a callback query; never raises (the press is recorded already).

    A query too old to answer, a 5xx or a timeout only costs the spinner on the button.
    """
    try:
        await query.answer(text, show_alert=alert)
    except Exception as error:  # noqa: BLE001 - whatever Telegram says, the press counts
        logger.info("callback query not answered: %s", type(error).__name__)


def application_lock(application_id: int) -> asyncio.Lock:
    """The lock under which an application's card is delivered and its news told."""
    lock = _locks.get(application_id)
    if lock is None:
        lock = _locks[application_id] = asyncio.Lock()
    return lock


#: Locks of applications being delivered or decided right now (gone when unused).
_locks: weakref.WeakValueDictionary[int, asyncio.Lock] = weakref.WeakValueDictionary()


def company_lock(company_id: int) -> asyncio.Lock:
    """The lock under which a company's chats are bound or sent a card (taken after an
    application's lock, never before one)."""
    lock = _company_locks.get(company_id)
    if lock is None:
        lock = _company_locks[company_id] = asyncio.Lock()
    return lock


_company_locks: weakref.WeakValueDictionary[int, asyncio.Lock] = weakref.WeakValueDictionary()


async def _deliver(bot: Bot, frontend: FrontEnd, application_id: int) -> None:
    """Send the card of an application the company has not decided on to its bound chats
    that have not got it. Call under the application's lock."""
    with frontend.sessions() as session:
        application = session.get(Application, application_id)
        if application is None or application.status not in CARD_STATUSES:
            return
        company_id = application.opening.company_id
    async with company_lock(company_id):
        await _deliver_to_chats(bot, frontend, application_id)


async def _deliver_to_chats(bot: Bot, frontend: FrontEnd, application_id: int) -> int:
    """Send the card to each chat without it whose retry is due; how many got it now. A
    ``consented`` application that some chat has got becomes ``sent``. Call under the
    company's lock."""
    retries = frontend.card_retries
    with frontend.sessions() as session:
        application = session.get(Application, application_id)
        if application is None or application.status not in CARD_STATUSES:
            return 0
        status = application.status
        due = [
            r
            for r in undelivered(session=session, application_id=application_id)
            if retries.due((application_id, r.contact_id))
        ]
        card = consented_card(session=session, application_id=application_id) if due else None
    keyboard = decision_keyboard(application_id, "sent" if status == "consented" else status)
    sent = 0
    for recipient in due:
        assert card is not None
        if await _send_card(bot, frontend, card.text(), keyboard, application_id, recipient):
            sent += 1
    if status == "consented":
        with frontend.sessions.begin() as session:
            if delivered(session=session, application_id=application_id):
                transition(
                    session=session,
                    application_id=application_id,
                    allowed_from={"consented"},
                    to="sent",
                    actor="system",
                )
    return sent


async def _send_card(
    bot: Bot,
    frontend: FrontEnd,
    text: str,
    keyboard: InlineKeyboardMarkup | None,
    application_id: int,
    recipient: Recipient,
) -> bool:
    """Send one chat the card and record it; False (and a later retry) when Telegram refuses."""
    key = (application_id, recipient.contact_id)
    try:
        await send_text(bot, recipient.chat_id, text, markup=keyboard)
    except TelegramError as error:  # the bot was removed from that chat, or blocked
        frontend.card_retries.failed(key)
        logger.warning("application %s: card not delivered to company contact %s: %s",
                       application_id, recipient.contact_id, type(error).__name__)  # fmt: skip
        return False
    frontend.card_retries.succeeded(key)
    with frontend.sessions.begin() as session:
        record_delivery(
            session=session, application_id=application_id, contact_id=recipient.contact_id
        )
    return True


def _news(application: Application) -> tuple[str | None, str | None]:
    """What the seeker and the counselors are told about the application's status now."""
    names = {"title": application.opening.title, "company": application.opening.company.name}
    candidate = candidate_label(application.id)
    status = application.status
    if status == "consented":  # no company chat took the card: the center forwards it
        counselors = messages.COUNSELOR_FORWARD_NEEDED.format(
            candidate=candidate, application_id=application.id, **names
        )
        return messages.CENTER_WILL_FORWARD.format(**names), counselors
    if status == "sent":
        return messages.SENT_TO_COMPANY.format(**names), None
    seeker = messages.DECISION_TO_SEEKER[status].format(**names)
    if status == "offered":
        counselors = messages.COUNSELOR_OFFERED.format(
            candidate=candidate, application_id=application.id, **names
        )
        return seeker, counselors
    return seeker, None


async def _tell(bot: Bot, frontend: FrontEnd, application_id: int) -> None:
    """Tell the seeker (and the counselors) the status they were not told yet, once."""
    with frontend.sessions() as session:
        application = get_application(session=session, application_id=application_id)
        if application is None or application.told_status == application.status:
            return
        if application.status not in TELLABLE:
            return
        status, chat_id = application.status, application.seeker.telegram_chat_id
        seeker_text, counselor_text = _news(application)
    if chat_id is not None and seeker_text is not None:
        await send_text(bot, chat_id, seeker_text)  # raises: told next round instead
    if counselor_text is not None:
        await tell_counselors(bot, frontend.settings, counselor_text)
    with frontend.sessions.begin() as session:
        mark_told(session=session, application_id=application_id, status=status)


async def process_application(bot: Bot, frontend: FrontEnd, application_id: int) -> None:
    """Deliver the card to the bound chats without it (until the company decides), then tell
    what is untold."""
    async with application_lock(application_id):
        await _deliver(bot, frontend, application_id)
        await _tell(bot, frontend, application_id)


async def run_outbox(bot: Bot, frontend: FrontEnd) -> int:
    """Process every application with something left to do (news to tell, a card a bound
    chat has not got); how many were looked at."""
    with frontend.sessions() as session:
        pending = set(untold_applications(session=session))
        pending.update(undelivered_applications(session=session))
    for application_id in sorted(pending):
        try:
            await process_application(bot, frontend, application_id)
        except (TelegramError, ConsentRequired) as error:  # the others still get their turn
            logger.warning("application %s: outbox step failed: %s",
                           application_id, type(error).__name__)  # fmt: skip
    return len(pending)


async def send_open_cards(bot: Bot, frontend: FrontEnd, *, company_id: int) -> int:
    """Send a newly bound chat (and any other chat whose retry is due) the company's cards
    still waiting for an answer; how many went out. Call under the company's lock, in the
    same hold as the binding."""
    with frontend.sessions() as session:
        waiting = company_applications(
            session=session, company_id=company_id, statuses=OPEN_STATUSES
        )
    sent = 0
    for application_id in waiting:
        try:
            sent += await _deliver_to_chats(bot, frontend, application_id)
        except ConsentRequired as error:
            logger.warning("application %s: card not sent to a new company chat: %s",
                           application_id, type(error).__name__)  # fmt: skip
    return sent
