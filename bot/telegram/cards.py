"""Rasa's replies as Telegram messages: one message per opening card with inline buttons,
details, a payload's notice, plain text with Rasa's buttons as an inline keyboard.

A button's ``callback_data`` is the button's Rasa payload (e.g.
``/job_details{"opening_id":17}``), so a press is sent back to Rasa as the seeker's message.
Telegram allows 64 bytes of callback data; a longer payload is replaced by a short key
kept in ``bot_data`` (:func:`callback_data`, :func:`resolve_callback`).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Mapping, MutableMapping, Sequence
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import InlineKeyboardButtonLimit

from actions import messages as actions_messages
from actions.path_cards import render_course, render_path
from actions.replies import (
    HANDOFF,
    OPENING_DETAILS,
    OPENINGS,
    PATHS,
    Button,
    OpeningsPayload,
    PathsPayload,
    fallback_buttons,
    fallback_text,
    payload_of,
)
from bot.rasa_client import Reply
from bot.telegram import messages
from bot.telegram.frontend import Context
from bot.telegram.sending import deliver, send_text
from nlu.profile import FORM_SLOTS
from retrieval.cards import render_card

__all__ = [
    "LONG_PAYLOAD_PREFIX",
    "callback_data",
    "keyboard",
    "profile_lines",
    "resolve_callback",
    "send_reply",
]

logger = logging.getLogger(__name__)


#: ``bot_data`` key of the long-payload table: short key → Rasa payload.
PAYLOADS_KEY = "button_payloads"
LONG_PAYLOAD_PREFIX = "k:"


def callback_data(payload: str, store: MutableMapping[str, Any]) -> str:
    """The button's payload itself when it fits in 64 bytes, else a short stable key."""
    if len(payload.encode()) <= InlineKeyboardButtonLimit.MAX_CALLBACK_DATA:
        return payload
    key = LONG_PAYLOAD_PREFIX + hashlib.sha256(payload.encode()).hexdigest()[:24]
    store.setdefault(PAYLOADS_KEY, {})[key] = payload
    return key


def resolve_callback(data: str, store: Mapping[str, Any]) -> str | None:
    """The Rasa payload behind a pressed button; None for a key this process never issued
    (the table lives in memory: a long-payload button does not survive a restart)."""
    if not data.startswith(LONG_PAYLOAD_PREFIX):
        return data
    payload = store.get(PAYLOADS_KEY, {}).get(data)
    return str(payload) if payload is not None else None


def keyboard(
    rows: Sequence[Sequence[Button]], store: MutableMapping[str, Any]
) -> InlineKeyboardMarkup | None:
    """Rows of Rasa buttons as an inline keyboard; None if empty."""
    markup = [
        [
            InlineKeyboardButton(b["title"], callback_data=callback_data(b["payload"], store))
            for b in row
        ]
        for row in rows
        if row
    ]
    return InlineKeyboardMarkup(markup) if markup else None


def _pairs(buttons: Sequence[Button]) -> list[list[Button]]:
    # Two buttons a row: Korean labels stay readable on a phone.
    return [list(buttons[i : i + 2]) for i in range(0, len(buttons), 2)]


def profile_lines(slots: Mapping[str, Any]) -> list[str]:
    """The form slots the dialogue filled (tracker slots), one labelled line each."""
    return [
        messages.PROFILE_LINE.format(label=messages.PROFILE_LABELS[name], value=slots[name])
        for name in FORM_SLOTS
        if slots.get(name)
    ]


async def send_reply(context: Context, chat_id: int, reply: Reply) -> None:
    """Render one Rasa reply in the seeker's chat.

    Only renders: what a payload asks the front end to do (open a handoff, ask consent
    for an application) is dispatched by `bot.telegram.conversation.converse`.
    """
    payload = payload_of(reply)
    store = context.bot_data
    if payload is None:
        await _send_plain(context, chat_id, reply)
    elif payload["type"] == OPENINGS:
        await _send_openings(context, chat_id, payload)
    elif payload["type"] == OPENING_DETAILS:
        markup = keyboard(_pairs(payload["buttons"]), store)
        url = payload["opening"]["url"]
        if url.startswith(("https://", "http://")):
            link = [InlineKeyboardButton(messages.BUTTON_OPEN_POSTING, url=url)]
            markup = InlineKeyboardMarkup([*(markup.inline_keyboard if markup else ()), link])
        await send_text(context.bot, chat_id, payload["text"], markup=markup)
    elif payload["type"] == HANDOFF:
        await send_text(context.bot, chat_id, payload["text"])
    elif payload["type"] == PATHS:
        await _send_paths(context, chat_id, payload)
    # APPLICATION: nothing to show here; the consent question the caller asks says it all


async def _send_plain(context: Context, chat_id: int, reply: Reply) -> None:
    """Text with Rasa's buttons, an image; or the text fallback of an unknown payload."""
    text = fallback_text(reply)
    markup = keyboard(_pairs(fallback_buttons(reply)), context.bot_data)
    if text:
        await send_text(context.bot, chat_id, text, markup=markup)
    if reply.get("image"):
        image = str(reply["image"])
        await deliver(lambda: context.bot.send_photo(chat_id, image), what="sendPhoto")


async def _send_openings(context: Context, chat_id: int, payload: OpeningsPayload) -> None:
    cards, page_buttons = payload["openings"], payload["buttons"]
    if not cards:  # "nothing found": the text says so; the page buttons still help
        await send_text(
            context.bot, chat_id, payload["text"], markup=keyboard([page_buttons], context.bot_data)
        )
        return
    intro = payload["text"].partition("\n\n")[0]
    if intro:
        await send_text(context.bot, chat_id, intro)
    for number, card in enumerate(cards, start=1):
        rows: list[Sequence[Button]] = [card["buttons"]]
        if number == len(cards):
            rows.append(page_buttons)
        await send_text(
            context.bot,
            chat_id,
            render_card(card, card["rank"]),
            markup=keyboard(rows, context.bot_data),
        )


async def _send_paths(context: Context, chat_id: int, payload: PathsPayload) -> None:
    """The intro, one message per path (자세히 per opening) and per course (상담사와 상의),
    the page's buttons under the last."""
    store = context.bot_data
    parts: list[tuple[str, list[Button]]] = [
        (render_path(card, payload["region"]), card["buttons"]) for card in payload["paths"]
    ]
    courses = [(render_course(card), card["buttons"]) for card in payload["courses"]]
    if courses:  # the header goes with the first course: one message fewer
        courses[0] = (f"{actions_messages.COURSES_HEADER}\n\n{courses[0][0]}", courses[0][1])
    parts += courses or [(actions_messages.NO_COURSES, [])]
    await send_text(context.bot, chat_id, payload["intro"])
    for number, (text, buttons) in enumerate(parts, start=1):
        rows = _pairs(buttons)
        if number == len(parts):
            rows.append(payload["buttons"])
        await send_text(context.bot, chat_id, text, markup=keyboard(rows, store))
