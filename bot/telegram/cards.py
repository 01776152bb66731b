"""Rasa's replies as Telegram messages: one message per opening card with inline buttons,
details, the handoff notice, plain text with Rasa's buttons as an inline keyboard.

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

from bot import messages
from bot.telegram.frontend import Context
from bot.telegram.sending import deliver, send_text

__all__ = [
    "LONG_PAYLOAD_PREFIX",
    "callback_data",
    "card_text",
    "keyboard",
    "payload_of",
    "profile_lines",
    "resolve_callback",
    "send_reply",
]

logger = logging.getLogger(__name__)


#: ``bot_data`` key of the long-payload table: short key → Rasa payload.
PAYLOADS_KEY = "button_payloads"
LONG_PAYLOAD_PREFIX = "k:"
PROFILE_SLOTS = ("occupation", "certificates", "region", "pay", "shift")


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
    rows: Sequence[Sequence[Mapping[str, str]]], store: MutableMapping[str, Any]
) -> InlineKeyboardMarkup | None:
    """Rows of Rasa buttons (``{"title", "payload"}``) as an inline keyboard; None if empty."""
    markup = [
        [
            InlineKeyboardButton(b["title"], callback_data=callback_data(b["payload"], store))
            for b in row
        ]
        for row in rows
        if row
    ]
    return InlineKeyboardMarkup(markup) if markup else None


def _pairs(buttons: Sequence[Mapping[str, str]]) -> list[list[Mapping[str, str]]]:
    # Two buttons a row: Korean labels stay readable on a phone.
    return [list(buttons[i : i + 2]) for i in range(0, len(buttons), 2)]


def card_text(card: Mapping[str, Any]) -> str:
    """One opening card: title, company, pay, region, shift, closing date, why it fits."""
    closes = card.get("closes_on")
    facts = [
        f"💰 {card['pay']}" if card.get("pay") else "",
        f"📍 {card['region']}" if card.get("region") else "",
        f"🕘 {card['shift']}" if card.get("shift") else "",
        card.get("employment_type") or "",
    ]
    lines = [
        f"{card.get('rank', '')}. {card.get('title', '')}".strip(". "),
        f"🏢 {card.get('company', '')}",
        " · ".join(f for f in facts if f),
        "📅 " + (messages.CARD_CLOSES.format(date=closes) if closes else messages.CARD_ALWAYS_OPEN),
    ]
    if card.get("reasons"):
        lines.append(messages.CARD_WHY)
        lines += [f"✓ {reason}" for reason in card["reasons"]]
    if card.get("missing"):
        lines.append(messages.CARD_CHECK)
        lines += [f"△ {item}" for item in card["missing"]]
    return "\n".join(line for line in lines if line)


def profile_lines(slots: Mapping[str, Any]) -> list[str]:
    """The five profile summaries the dialogue collected, one line each (filled ones only)."""
    return [
        messages.PROFILE_LINE.format(label=messages.PROFILE_LABELS[name], value=slots[name])
        for name in PROFILE_SLOTS
        if slots.get(name)
    ]


def payload_of(reply: Mapping[str, Any]) -> dict[str, Any]:
    """The reply's ``custom`` payload, or ``{}`` for a plain text reply."""
    custom = reply.get("custom")
    return dict(custom) if isinstance(custom, Mapping) else {}


async def send_reply(context: Context, chat_id: int, reply: Mapping[str, Any]) -> None:
    """Render one Rasa reply in the seeker's chat (the handoff's topic work is not done
    here: see `bot.telegram.handoff.start_handoff`)."""
    payload = payload_of(reply)
    kind = payload.get("type")
    store = context.bot_data
    if kind == "openings":
        await _send_openings(context, chat_id, payload)
    elif kind == "opening_details":
        rows = _pairs(payload.get("buttons") or [])
        markup = keyboard(rows, store)
        url = str((payload.get("opening") or {}).get("url") or "")
        if url.startswith(("https://", "http://")):
            link = [InlineKeyboardButton(messages.BUTTON_OPEN_POSTING, url=url)]
            markup = InlineKeyboardMarkup([*(markup.inline_keyboard if markup else ()), link])
        await send_text(context.bot, chat_id, str(payload.get("text") or ""), markup=markup)
    elif kind == "application":
        from bot.telegram.companies import ask_consent

        await ask_consent(context, chat_id, payload)
    elif payload:
        # "handoff" and payloads a newer action server may send: their text fallback.
        rows = _pairs(payload.get("buttons") or [])
        await send_text(
            context.bot, chat_id, str(payload.get("text") or ""), markup=keyboard(rows, store)
        )
    else:
        text = str(reply.get("text") or "")
        markup = keyboard(_pairs(reply.get("buttons") or []), store)
        if text:
            await send_text(context.bot, chat_id, text, markup=markup)
        if reply.get("image"):
            image = str(reply["image"])
            await deliver(lambda: context.bot.send_photo(chat_id, image), what="sendPhoto")


async def _send_openings(context: Context, chat_id: int, payload: Mapping[str, Any]) -> None:
    cards = list(payload.get("openings") or [])
    page_buttons = list(payload.get("buttons") or [])
    text = str(payload.get("text") or "")
    if not cards:  # "nothing found": the text says so; the page buttons still help
        await send_text(
            context.bot, chat_id, text, markup=keyboard([page_buttons], context.bot_data)
        )
        return
    intro = text.partition("\n\n")[0]
    if intro:
        await send_text(context.bot, chat_id, intro)
    for number, card in enumerate(cards, start=1):
        rows = [list(card.get("buttons") or [])]
        if number == len(cards):
            rows.append(page_buttons)
        await send_text(
            context.bot, chat_id, card_text(card), markup=keyboard(rows, context.bot_data)
        )
