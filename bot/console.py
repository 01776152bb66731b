"""`jobbot chat`: the whole conversational stack in a terminal.

Replies are rendered as text cards; a button is pressed by typing its number.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable, Sequence

from actions.replies import (
    APPLICATION,
    OPENINGS,
    PATHS,
    Button,
    fallback_buttons,
    fallback_text,
    payload_of,
)
from bot import messages
from bot.rasa_client import RasaClient, Reply

__all__ = ["chat_loop", "render_reply"]


async def chat_loop(
    rasa_url: str,
    *,
    token: str | None = None,
    read: Callable[[str], str] = input,
    write: Callable[[str], None] = print,
    sender_id: str | None = None,
) -> None:
    """Read lines, send them to Rasa (with its ``token``), print the replies, until EOF or
    '/quit'."""
    sender = sender_id or f"console-{uuid.uuid4().hex[:12]}"
    buttons: list[Button] = []
    write(messages.CHAT_WELCOME)
    async with RasaClient(rasa_url, token=token) as rasa:
        while True:
            try:
                line = (await asyncio.to_thread(read, messages.CHAT_PROMPT)).strip()
            except EOFError:
                break
            if line in messages.CHAT_QUIT:
                break
            if not line:
                continue
            if line.isdigit() and 1 <= int(line) <= len(buttons):
                line = buttons[int(line) - 1]["payload"]
            try:
                replies = await rasa.send(sender, line)
            except Exception:  # the stack may be restarting; never leave the seeker hanging
                write(messages.BOT_UNAVAILABLE)
                continue
            buttons = []
            for reply in replies or [{"text": messages.EMPTY_REPLY}]:
                text, reply_buttons = render_reply(reply, first_button=len(buttons) + 1)
                buttons += reply_buttons
                write(text)
    write(messages.CHAT_BYE)


def _numbered(buttons: Sequence[Button], first: int, prefix: str = "") -> list[str]:
    return [f"  [{n}] {prefix}{b['title']}" for n, b in enumerate(buttons, start=first)]


def render_reply(reply: Reply, *, first_button: int = 1) -> tuple[str, list[Button]]:
    """One Rasa reply for a terminal: its text (a payload's text fallback, whose cards come
    from `retrieval.cards`) and numbered buttons.

    Returns the text to print and the buttons in the order numbered, starting at
    ``first_button``, so typing a number can press one.
    """
    payload = payload_of(reply)
    text = fallback_text(reply)
    lines = [text] if text else []
    buttons: list[Button] = []
    if payload is not None and payload["type"] == OPENINGS:
        for card in payload["openings"]:
            number = first_button + len(buttons)
            lines += _numbered(card["buttons"], number, f"{card['rank']}번 ")
            buttons += card["buttons"]
    if payload is not None and payload["type"] == PATHS:
        for path in payload["paths"]:
            lines += _numbered(path["buttons"], first_button + len(buttons), f"{path['rank']}. ")
            buttons += path["buttons"]
        for course in payload["courses"]:
            lines += _numbered(
                course["buttons"], first_button + len(buttons), f"{course['title']} "
            )
            buttons += course["buttons"]
    if payload is not None and payload["type"] == APPLICATION:
        lines.append(messages.CHAT_NOTHING_SENT)  # the promised consent step is Telegram's
    page = fallback_buttons(reply)
    lines += _numbered(page, first_button + len(buttons))
    buttons += page
    return "\n".join(lines), buttons
