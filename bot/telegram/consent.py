"""The seeker's consent to send a candidate card to a company, and its withdrawal.

    seeker taps 지원할래요 ─► action_apply records an Application (interested)
      └─► ask_consent: the notice (recipient, purpose, items, retention, right to refuse),
          the exact values, 동의해요 / 동의하지 않아요  (consent_asked; question + values kept)
            ├─ yes: the values changed since? ask again. Else Consent(granted, the snapshot)
            │        ─► consented ─► the outbox delivers and tells (`bot.telegram.outbox`)
            └─ no:  Consent(refused) ─► declined_consent; nothing leaves the center
    /withdraw or 동의 철회 (any time before the card is sent) ─► withdrawn, Consent(refused)

Every status change is an ApplicationEvent with its actor (seeker, company, system).
Callback data: ``consent:<y|n|w>:<application id>``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import httpx
from sqlalchemy.orm import Session
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from actions.replies import ApplicationPayload
from bot.telegram import messages
from bot.telegram.candidate_card import candidate_label, shareable_fields
from bot.telegram.frontend import Context, FrontEnd, frontend_of
from bot.telegram.notify import edit_text, message_text
from bot.telegram.outbox import answer_query, application_lock, process_application
from bot.telegram.sending import send_text
from storage.companies import (
    get_application,
    record_consent,
    snapshot_consent_question,
    transition,
    withdraw_consent,
)
from storage.models import Application

__all__ = [
    "CONSENT_PATTERN",
    "Step",
    "answer_consent",
    "ask_consent",
    "step_of",
    "withdraw_button",
]

logger = logging.getLogger(__name__)


CONSENT_PATTERN = r"^consent:[ynw]:\d+$"
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


# -- what would be sent -------------------------------------------------------------------------


async def _session_profile(frontend: FrontEnd, sender_id: str) -> dict[str, Any] | None:
    """The conversation's profile (Rasa's slot); ``None`` when Rasa cannot be asked.

    A seeker who did not agree to keep a profile has none stored; what they said in this
    conversation is still what they would send.
    """
    try:
        tracker = await frontend.rasa.tracker(sender_id, include_events="NONE")
    except httpx.HTTPError as error:
        logger.warning("tracker unavailable: %s", type(error).__name__)
        return None
    profile = (tracker.get("slots") or {}).get("profile")
    return profile if isinstance(profile, dict) else {}


async def _values_now(frontend: FrontEnd, application_id: int) -> dict[str, str] | None:
    """The values that would go to the company if asked now: from the kept profile, else the
    conversation's; ``None`` when they cannot be known (no such application, Rasa down)."""
    with frontend.sessions() as session:
        application = get_application(session=session, application_id=application_id)
        if application is None:
            return None
        kept, sender_id = dict(application.seeker.profile or {}), application.seeker.sender_id
    profile = kept or await _session_profile(frontend, sender_id)
    return None if profile is None else shareable_fields(profile)


# -- asking -------------------------------------------------------------------------------------


async def ask_consent(context: Context, chat_id: int, payload: ApplicationPayload) -> None:
    """Ask the seeker whether exactly these values may go to the opening's company.

    ``payload`` is the ``application`` payload of ``action_apply``. The question and its
    values are kept on the application: the answer is about them. A seeker who said no
    before is asked again; one whose application is already under way is told its state.
    """
    frontend = frontend_of(context.bot_data)
    application_id = payload["application_id"]
    values = await _values_now(frontend, application_id) or {}  # unknown: the interest only
    markup: InlineKeyboardMarkup | None = None
    with frontend.sessions.begin() as session:
        application = get_application(session=session, application_id=application_id)
        if application is None:
            text = messages.APPLICATION_NOT_FOUND
        else:
            if application.seeker.telegram_chat_id is None:
                application.seeker.telegram_chat_id = chat_id  # where news is reported
            text, markup = _ask(session, application, values, frontend)
    await send_text(context.bot, chat_id, text, markup=markup)


def _ask(
    session: Session, application: Application, values: dict[str, str], frontend: FrontEnd
) -> tuple[str, InlineKeyboardMarkup | None]:
    opening = application.opening
    names = {"title": opening.title, "company": opening.company.name}
    if application.status not in ASKABLE:
        status_text = messages.ALREADY_IN_PROGRESS.get(application.status)
        return (
            status_text.format(**names) if status_text else messages.APPLICATION_NOT_FOUND
        ), None
    transition(
        session=session,
        application_id=application.id,
        allowed_from=ASKABLE - {"consent_asked"},
        to="consent_asked",
        actor="system",
    )
    text = _question(application.id, values, names, frontend.settings.company_retention_days)
    snapshot_consent_question(session=session, application=application, question=text,
                              values=values)  # fmt: skip
    return text, _keyboard(application.id)


def _question(
    application_id: int, fields: dict[str, str], names: dict[str, str], company_days: int
) -> str:
    lines = [
        messages.CONSENT_FIELD.format(label=messages.FIELD_LABELS[key], value=value)
        for key, value in fields.items()
    ]
    return messages.APPLY_CONSENT_QUESTION.format(
        fields="\n".join(lines) or messages.CONSENT_INTEREST_ONLY,
        candidate=candidate_label(application_id),
        company_days=company_days,
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


def withdraw_button(application_id: int) -> InlineKeyboardButton:
    """The 동의 철회 button of one application."""
    return InlineKeyboardButton(
        messages.BUTTON_WITHDRAW, callback_data=f"consent:w:{application_id}"
    )


# -- answering ----------------------------------------------------------------------------------


def _record_answer(
    session: Session,
    application_id: int,
    chat_id: int,
    granted: bool,
    values: dict[str, str] | None,
) -> Step | None:
    """Store the seeker's answer once; ``None`` when the press is not the seeker's.

    A yes to values that are no longer the seeker's (they said more since the question)
    changes nothing: the caller asks again. Values that cannot be known now (``None``) do
    not hold the answer up: the card carries only what the question showed.
    """
    application = get_application(session=session, application_id=application_id)
    if application is None or application.seeker.telegram_chat_id not in (None, chat_id):
        return None
    asked = application.consent_values or {}
    if granted and application.status == "consent_asked" and values not in (None, asked):
        return Step(False, "changed", application.opening.title, application.opening.company.name,
                    application.seeker.telegram_chat_id)  # fmt: skip
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
            granted=granted,
        )
    session.refresh(application)
    return step_of(application, changed)


async def answer_consent(update: Update, context: Context) -> None:
    """Record the seeker's yes, no or withdrawal (a second tap changes nothing); then the
    outbox delivers and tells what follows, from the database."""
    query, chat = update.callback_query, update.effective_chat
    if query is None or query.data is None or chat is None:
        return
    _, answer, raw_id = query.data.split(":")
    application_id = int(raw_id)
    frontend = frontend_of(context.bot_data)
    if answer == "w":
        await _withdraw_one(update, context, application_id)
        return
    granted = answer == "y"
    values = await _values_now(frontend, application_id)
    async with application_lock(application_id):
        with frontend.sessions.begin() as session:
            step = _record_answer(session, application_id, chat.id, granted, values)
    if step is None:
        await answer_query(query, messages.CONSENT_NOT_YOURS, alert=True)
        return
    if step.status == "changed":
        await answer_query(query, messages.CONSENT_CHANGED)
        await edit_text(query.message, message_text(query.message))  # the old buttons go
        await ask_consent(context, chat.id, _payload(application_id))
        return
    if not step.changed:
        await answer_query(query, messages.CONSENT_ALREADY_ANSWERED)
        return
    await answer_query(query)
    mark = messages.CONSENT_GIVEN_MARK if granted else messages.CONSENT_REFUSED_MARK
    markup = InlineKeyboardMarkup([[withdraw_button(application_id)]]) if granted else None
    await edit_text(query.message, f"{message_text(query.message)}\n\n{mark}", markup)
    logger.info("application %s: consent %s", application_id, "granted" if granted else "refused")
    if granted:
        await process_application(context.bot, frontend, application_id)
    else:
        await send_text(
            context.bot, chat.id, messages.APPLY_CONSENT_DECLINED.format(company=step.company)
        )


def _payload(application_id: int) -> ApplicationPayload:
    """The part of an ``application`` payload :func:`ask_consent` reads."""
    return {"application_id": application_id}  # type: ignore[typeddict-item]


async def _withdraw_one(update: Update, context: Context, application_id: int) -> None:
    query, chat = update.callback_query, update.effective_chat
    assert query is not None and chat is not None
    frontend = frontend_of(context.bot_data)
    async with application_lock(application_id):  # never while its card is being sent
        with frontend.sessions.begin() as session:
            application = get_application(session=session, application_id=application_id)
            if application is None or application.seeker.telegram_chat_id != chat.id:
                withdrawn, title = None, ""
            else:
                title = application.opening.title
                withdrawn = withdraw_consent(session=session, application_id=application_id)
    if withdrawn is None:
        await answer_query(query, messages.CONSENT_NOT_YOURS, alert=True)
        return
    await answer_query(query)
    await edit_text(query.message, message_text(query.message))
    done = messages.WITHDRAW_ONE_DONE if withdrawn else messages.WITHDRAW_SENT_ALREADY
    text = done.format(title=title, titles=title)
    await send_text(context.bot, chat.id, text)
