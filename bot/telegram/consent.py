"""The seeker's consent to send a candidate card to a company, and its delivery.

    seeker taps 지원할래요 ─► action_apply records an Application (interested)
      └─► ask_consent: the exact fields, the company, 동의해요 / 동의하지 않아요  (consent_asked)
            ├─ yes: Consent(granted) ─► consented ─► deliver_candidate
            │        ├─ a bound company chat got the card ─► sent
            │        └─ no bound chat: the center forwards it (stays consented; delivered
            │           when the company binds a chat)
            └─ no:  Consent(refused) ─► declined_consent; nothing leaves the center

Every status change is an ApplicationEvent with its actor (seeker, company, system).
Callback data: ``consent:<y|n>:<application id>``.
"""

from __future__ import annotations

import asyncio
import logging
import weakref
from dataclasses import dataclass

from sqlalchemy.orm import Session
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import TelegramError

from actions.replies import ApplicationPayload
from bot.telegram import messages
from bot.telegram.candidate_card import (
    candidate_label,
    consented_card,
    decision_keyboard,
    shareable_fields,
)
from bot.telegram.frontend import Context, FrontEnd, frontend_of
from bot.telegram.notify import edit_text, message_text, tell_counselors
from bot.telegram.sending import send_text
from storage.companies import contact_chat_ids, get_application, record_consent, transition
from storage.models import Application

__all__ = [
    "CONSENT_PATTERN",
    "Step",
    "answer_consent",
    "application_lock",
    "ask_consent",
    "deliver_and_tell",
    "deliver_candidate",
    "step_of",
]

logger = logging.getLogger(__name__)


CONSENT_PATTERN = r"^consent:[yn]:\d+$"
#: Where a seeker may (again) be asked: first time, asked but unanswered, or said no before.
ASKABLE = frozenset({"interested", "consent_asked", "declined_consent"})


@dataclass(frozen=True)
class Step:
    """What a button press changed, read inside its transaction and acted on after it."""

    changed: bool
    status: str
    title: str
    company: str
    seeker_chat_id: int | None


def step_of(application: Application, changed: bool) -> Step:
    """The :class:`Step` for an application as it stands now."""
    return Step(
        changed=changed,
        status=application.status,
        title=application.opening.title,
        company=application.opening.company.name,
        seeker_chat_id=application.seeker.telegram_chat_id,
    )


# -- asking -------------------------------------------------------------------------------------


async def ask_consent(context: Context, chat_id: int, payload: ApplicationPayload) -> None:
    """Ask the seeker whether exactly these fields may go to the opening's company.

    ``payload`` is the ``application`` payload of ``action_apply``. A seeker who said no
    before is asked again; one whose application is already under way is told its state.
    """
    frontend = frontend_of(context.bot_data)
    application_id = payload["application_id"]
    markup: InlineKeyboardMarkup | None = None
    with frontend.sessions.begin() as session:
        application = get_application(session=session, application_id=application_id)
        if application is None:
            text = messages.APPLICATION_NOT_FOUND
        else:
            seeker, opening = application.seeker, application.opening
            names = {"title": opening.title, "company": opening.company.name}
            if seeker.telegram_chat_id is None:
                seeker.telegram_chat_id = chat_id  # where the company's answer is reported
            if application.status in ASKABLE:
                transition(
                    session=session,
                    application_id=application_id,
                    allowed_from=ASKABLE - {"consent_asked"},
                    to="consent_asked",
                    actor="system",
                )
                text = _question(application_id, shareable_fields(seeker.profile), names)
                markup = _keyboard(application_id)
            else:
                status_text = messages.ALREADY_IN_PROGRESS.get(application.status)
                text = (
                    status_text.format(**names) if status_text else messages.APPLICATION_NOT_FOUND
                )
    await send_text(context.bot, chat_id, text, markup=markup)


def _question(application_id: int, fields: dict[str, str], names: dict[str, str]) -> str:
    lines = [
        messages.CONSENT_FIELD.format(label=messages.FIELD_LABELS[key], value=value)
        for key, value in fields.items()
    ]
    return messages.APPLY_CONSENT_QUESTION.format(
        fields="\n".join(lines) or messages.CONSENT_INTEREST_ONLY,
        candidate=candidate_label(application_id),
        **names,
    )


def _keyboard(application_id: int) -> InlineKeyboardMarkup:
    yes = InlineKeyboardButton(
        messages.BUTTON_CONSENT_YES, callback_data=f"consent:y:{application_id}"
    )
    no = InlineKeyboardButton(
        messages.BUTTON_CONSENT_NO, callback_data=f"consent:n:{application_id}"
    )
    return InlineKeyboardMarkup([[yes, no]])


# -- answering ----------------------------------------------------------------------------------


def _record_answer(
    session: Session, application_id: int, chat_id: int, granted: bool
) -> Step | None:
    """Store the seeker's answer once; ``None`` when the press is not the seeker's."""
    application = get_application(session=session, application_id=application_id)
    if application is None or application.seeker.telegram_chat_id not in (None, chat_id):
        return None
    changed = transition(
        session=session,
        application_id=application_id,
        allowed_from={"consent_asked"},
        to="consented" if granted else "declined_consent",
        actor="seeker",
    )
    if changed:
        record_consent(
            session=session,
            application=application,
            company_id=application.opening.company_id,
            fields=list(shareable_fields(application.seeker.profile)),
            granted=granted,
        )
    session.refresh(application)
    return step_of(application, changed)


async def answer_consent(update: Update, context: Context) -> None:
    """Record the seeker's yes or no (a second tap changes nothing); on yes, deliver."""
    query, chat = update.callback_query, update.effective_chat
    if query is None or query.data is None or chat is None:
        return
    _, answer, raw_id = query.data.split(":")
    application_id, granted = int(raw_id), answer == "y"
    frontend = frontend_of(context.bot_data)
    with frontend.sessions.begin() as session:
        step = _record_answer(session, application_id, chat.id, granted)
    if step is None:
        await query.answer(messages.CONSENT_NOT_YOURS, show_alert=True)
        return
    if not step.changed:
        await query.answer(messages.CONSENT_ALREADY_ANSWERED)
        return
    await query.answer()
    mark = messages.CONSENT_GIVEN_MARK if granted else messages.CONSENT_REFUSED_MARK
    await edit_text(query.message, f"{message_text(query.message)}\n\n{mark}")
    logger.info("application %s: consent %s", application_id, "granted" if granted else "refused")
    if granted:
        await deliver_and_tell(context.bot, frontend, application_id)
    else:
        await send_text(
            context.bot, chat.id, messages.APPLY_CONSENT_DECLINED.format(company=step.company)
        )


# -- delivering ---------------------------------------------------------------------------------


def application_lock(application_id: int) -> asyncio.Lock:
    """The lock that keeps a company's button press from overtaking the card's delivery.

    Updates of different chats are handled concurrently, and a company may press a button
    before the handler that sent the card has recorded ``sent``.
    """
    lock = _locks.get(application_id)
    if lock is None:
        lock = _locks[application_id] = asyncio.Lock()
    return lock


#: Locks of applications being delivered or decided right now (gone when unused).
_locks: weakref.WeakValueDictionary[int, asyncio.Lock] = weakref.WeakValueDictionary()


async def deliver_candidate(bot: Bot, frontend: FrontEnd, application_id: int) -> bool:
    """Send the candidate card to the company's bound chats; True if one received it.

    The card comes from :func:`bot.telegram.candidate_card.consented_card`, so this raises
    :class:`~bot.telegram.candidate_card.ConsentRequired`, having sent nothing, unless the seeker's
    latest answer is a granted consent. Without a reachable company chat the application
    stays ``consented`` and the counselors are asked to forward it.
    """
    async with application_lock(application_id):
        with frontend.sessions.begin() as session:
            card = consented_card(session=session, application_id=application_id)
            chat_ids = contact_chat_ids(session=session, company_id=card.company_id)
        delivered = 0
        for chat_id in chat_ids:
            try:
                await send_text(
                    bot, chat_id, card.text(), markup=decision_keyboard(application_id, "sent")
                )
                delivered += 1
            except TelegramError as error:  # the bot was removed from that chat, or blocked
                logger.warning(
                    "application %s: card not delivered to chat %s: %s",
                    application_id,
                    chat_id,
                    error,
                )
        if delivered:
            with frontend.sessions.begin() as session:
                transition(
                    session=session,
                    application_id=application_id,
                    allowed_from={"consented"},
                    to="sent",
                    actor="system",
                )
            return True
    logger.info(
        "application %s: company %s has no reachable chat; the center forwards it",
        application_id,
        card.company_id,
    )
    notice = messages.COUNSELOR_FORWARD_NEEDED.format(
        candidate=card.candidate,
        application_id=application_id,
        company=card.company,
        title=card.title,
    )
    await tell_counselors(bot, frontend.settings, notice)
    return False


async def deliver_and_tell(bot: Bot, frontend: FrontEnd, application_id: int) -> None:
    """Deliver the card, then tell the seeker whether the company got it or the center will."""
    sent = await deliver_candidate(bot, frontend, application_id)
    with frontend.sessions() as session:
        application = get_application(session=session, application_id=application_id)
        assert application is not None
        step = step_of(application, sent)
    if step.seeker_chat_id is None:
        logger.warning("application %s: the seeker has no Telegram chat", application_id)
        return
    text = messages.SENT_TO_COMPANY if sent else messages.CENTER_WILL_FORWARD
    await send_text(bot, step.seeker_chat_id, text.format(title=step.title, company=step.company))
