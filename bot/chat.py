"""`jobbot chat`: the whole conversational stack in a terminal.

Replies are rendered as text cards; a button is pressed by typing its number.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable

from bot import messages
from bot.rasa_client import RasaClient
from bot.render import render_reply

__all__ = ["chat_loop"]


async def chat_loop(
    rasa_url: str,
    *,
    read: Callable[[str], str] = input,
    write: Callable[[str], None] = print,
    sender_id: str | None = None,
) -> None:
    """Read lines, send them to Rasa, print the replies, until EOF or '/quit'."""
    sender = sender_id or f"console-{uuid.uuid4().hex[:12]}"
    buttons: list[dict[str, str]] = []
    write(messages.CHAT_WELCOME)
    async with RasaClient(rasa_url) as rasa:
        while True:
            try:
                line = (await asyncio.to_thread(read, messages.CHAT_PROMPT)).strip()
            except EOFError:
                break
            if line in ("/quit", "/exit", "종료"):
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
