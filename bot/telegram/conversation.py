"""One seeker turn through Rasa: send the message, show the replies, act on their payloads.

Rendering is `bot.telegram.cards`; what a payload asks the front end to do is done here:
an ``application`` asks the seeker's consent (`bot.telegram.consent`), a ``handoff`` opens
the counselors' conversation (`bot.telegram.handoff`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import httpx

from actions.replies import APPLICATION, HANDOFF, payload_of
from bot.rasa_client import Reply
from bot.telegram import messages
from bot.telegram.cards import send_reply
from bot.telegram.consent import ask_consent
from bot.telegram.frontend import Context, FrontEnd, frontend_of
from bot.telegram.handoff import start_handoff
from bot.telegram.sending import send_text, typing

__all__ = ["Turn", "converse"]

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
