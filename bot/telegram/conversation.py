"""One seeker turn through Rasa: who is writing, the message sent, the replies shown and their
payloads acted on.

Rendering is `bot.telegram.cards`; what a payload asks the front end to do is done here:
an ``application`` asks the seeker's consent (`bot.telegram.consent`), a ``handoff`` opens
the counselors' conversation (`bot.telegram.handoff`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import httpx
from telegram import Update

from actions.replies import APPLICATION, HANDOFF, payload_of
from bot.rasa_client import Reply
from bot.telegram import messages
from bot.telegram.cards import send_reply
from bot.telegram.consent import ask_consent
from bot.telegram.frontend import Context, FrontEnd, frontend_of
from bot.telegram.handoff import start_handoff
from bot.telegram.sending import send_text, typing
from storage.handoffs import active_handoff
from storage.seekers import profile_consent, record_telegram_contact

__all__ = ["Turn", "converse", "held_messages", "sender_id_for", "turn_of"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Turn:
    """The seeker behind one update, as the database knows them right now."""

    sender_id: str
    seeker_id: int
    chat_id: int
    user_id: int
    new: bool  # first contact: the privacy notice has not been shown
    handoff_id: int | None  # a counselor has the conversation
    consent: bool | None  # keep a profile: yes, no, never asked


#: ``chat_data`` key of what the seeker said before answering the keep-profile question.
HELD_KEY = "held_before_consent"


def sender_id_for(user_id: int) -> str:
    """The seeker's stable conversation id in Rasa (no name, no phone number)."""
    return f"tg-{user_id}"


def turn_of(update: Update, context: Context) -> Turn | None:
    """The seeker writing in a private chat (recorded on first contact); None elsewhere."""
    chat, user = update.effective_chat, update.effective_user
    if chat is None or user is None or chat.type != chat.PRIVATE:
        return None
    sender_id = sender_id_for(user.id)
    with frontend_of(context.bot_data).sessions.begin() as session:
        seeker, new = record_telegram_contact(
            session=session, sender_id=sender_id, chat_id=chat.id, user_id=user.id
        )
        handoff = active_handoff(session=session, seeker_id=seeker.id)
        return Turn(
            sender_id=sender_id,
            seeker_id=seeker.id,
            chat_id=chat.id,
            user_id=user.id,
            new=new,
            handoff_id=handoff.id if handoff else None,
            consent=profile_consent(session=session, seeker_id=seeker.id),
        )


def held_messages(context: Context) -> list[str]:
    """What the seeker said before answering the keep-profile question (memory only)."""
    chat_data = context.chat_data
    assert chat_data is not None  # private chats only
    held = chat_data.setdefault(HELD_KEY, [])
    assert isinstance(held, list)
    return held


async def converse(context: Context, turn: Turn, text: str) -> None:
    """Send the seeker's message to Rasa and show the replies; never leave them unanswered."""
    frontend = frontend_of(context.bot_data)
    metadata = {"chat_id": turn.chat_id, "user_id": turn.user_id}
    try:
        async with typing(context.bot, turn.chat_id):
            replies = await frontend.rasa.send(turn.sender_id, text, metadata)
            if not replies:
                replies = await _resume_if_paused(frontend, turn.sender_id, text, metadata)
    except httpx.HTTPError as error:
        logger.warning("Rasa did not answer: %s", type(error).__name__)
        await send_text(context.bot, turn.chat_id, messages.BOT_UNAVAILABLE)
        return
    counselors = frontend.settings.counselor_chat_id is not None
    for reply in replies or [{"text": messages.EMPTY_REPLY}]:
        payload = payload_of(reply)
        if payload is not None and payload["type"] == APPLICATION:
            await ask_consent(context, turn.chat_id, payload)
        elif counselors or payload is None or payload["type"] != HANDOFF:
            # (without a counselors' group, "connecting you" would be untrue)
            await send_reply(context, turn.chat_id, reply)
    for reply in replies:
        payload = payload_of(reply)
        if payload is not None and payload["type"] == HANDOFF and payload["handoff_id"]:
            await start_handoff(
                context.bot,
                frontend,
                sender_id=turn.sender_id,
                seeker_chat_id=turn.chat_id,
                handoff_id=payload["handoff_id"],
            )


async def _resume_if_paused(
    frontend: FrontEnd, sender_id: str, text: str, metadata: dict[str, Any]
) -> list[Reply]:
    """A paused tracker answers nothing: if a handoff ended without its resume reaching
    Rasa, resume now and ask again."""
    tracker = await frontend.rasa.tracker(sender_id, include_events="NONE")
    if not tracker.get("paused"):
        return []
    logger.info("resuming a tracker left paused")
    await frontend.rasa.append_events(sender_id, [{"event": "resume"}])
    return await frontend.rasa.send(sender_id, text, metadata)
