"""Which update runs when: concurrently across chats, in arrival order within one chat, and a
chat's backlog of plain text merged into one turn.

PTB's own processor takes one of the global slots before a handler could wait for its chat,
so one chat with as many pending updates as there are slots (a spammer, a pasted text
split by the client) stalls every other seeker. Here an update first waits for its chat
and only then takes a slot: a chat never holds more than one slot.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from telegram import MessageEntity, Update
from telegram.constants import MessageLimit
from telegram.ext import BaseUpdateProcessor

__all__ = ["MAX_CONCURRENT_UPDATES", "MERGE_BACKLOG", "PerChatProcessor"]

logger = logging.getLogger(__name__)

#: Updates handled at the same time (different chats; one chat is always sequential).
MAX_CONCURRENT_UPDATES = 64
#: Updates accepted at once (waiting for their chat or running); PTB's bound, never reached.
ACCEPTED_UPDATES = 1_000_000
#: A chat with this many text messages waiting has them answered as one message.
MERGE_BACKLOG = 5

ChatKey = tuple[int, int | None]


@dataclass
class _Waiting:
    update: object
    absorbed: bool = False  # merged into an earlier update of its chat: nothing left to do


@dataclass
class _Chat:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    waiting: list[_Waiting] = field(default_factory=list)


class PerChatProcessor(BaseUpdateProcessor):
    """Process updates concurrently, except that updates of one chat (or one forum topic)
    wait for each other, in arrival order, before taking one of the global slots.

    ``process`` is how a merged update is processed (the Application's ``process_update``);
    without it a backlog is never merged.
    """

    def __init__(
        self,
        max_concurrent_updates: int = MAX_CONCURRENT_UPDATES,
        *,
        merge_backlog: int = MERGE_BACKLOG,
    ) -> None:
        # PTB's own semaphore (taken before do_process_update) only counts the updates
        # accepted and not finished; the slots are taken after the chat's lock, below.
        super().__init__(ACCEPTED_UPDATES)
        self.slots = max_concurrent_updates
        self.merge_backlog = merge_backlog
        self.process: Callable[[Update], Awaitable[None]] | None = None
        self._chats: dict[ChatKey, _Chat] = {}
        self._slots = asyncio.Semaphore(max_concurrent_updates)

    @staticmethod
    def chat_key(update: object) -> ChatKey | None:
        """(chat id, forum topic id or None) the update belongs to; None for no chat."""
        if not isinstance(update, Update) or update.effective_chat is None:
            return None
        message = update.effective_message
        thread = message.message_thread_id if message and message.is_topic_message else None
        return update.effective_chat.id, thread

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Wait for the chat (no slot held meanwhile), then for a slot, then run."""
        key = self.chat_key(update)
        if key is None:
            async with self._slots:
                await coroutine
            return
        await self._in_chat_order(key, update, coroutine)

    async def _in_chat_order(self, key: ChatKey, update: object, coroutine: Awaitable[Any]) -> None:
        chat = self._chats.setdefault(key, _Chat())
        me = _Waiting(update)
        chat.waiting.append(me)
        try:
            async with chat.lock:
                chat.waiting.remove(me)
                if me.absorbed:
                    _discard(coroutine)
                    return
                merged = self._merge(me, chat.waiting)
                async with self._slots:
                    if merged is None:
                        await coroutine
                    else:
                        _discard(coroutine)
                        assert self.process is not None
                        await self.process(merged)
        finally:
            if not chat.waiting and not chat.lock.locked() and self._chats.get(key) is chat:
                del self._chats[key]  # nobody else waits: don't keep a lock per chat forever

    def _merge(self, me: _Waiting, behind: list[_Waiting]) -> Update | None:
        """One update carrying the text of ``me`` and the plain texts queued right behind it,
        when the backlog is long enough; None to process ``me`` as it is."""
        if self.process is None or not _plain_text(me.update):
            return None
        run: list[_Waiting] = []
        for waiting in behind:
            if not _plain_text(waiting.update):
                break
            run.append(waiting)
        if len(run) + 1 < self.merge_backlog:
            return None
        assert isinstance(me.update, Update) and me.update.message is not None
        texts = [me.update.message.text or ""]
        size = len(texts[0])
        for waiting in run:
            assert isinstance(waiting.update, Update) and waiting.update.message is not None
            text = waiting.update.message.text or ""
            if size + 1 + len(text) > MessageLimit.MAX_TEXT_LENGTH:
                break
            texts.append(text)
            size += 1 + len(text)
            waiting.absorbed = True
        logger.info("merged %d waiting messages of one chat into one turn", len(texts))
        data = me.update.to_dict()
        data["message"]["text"] = "\n".join(texts)
        data["message"].pop("entities", None)
        merged = Update.de_json(data, me.update.get_bot())
        assert merged is not None
        return merged

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to free."""


def _plain_text(update: object) -> bool:
    """A new (not edited) private text message without a command: safe to join to another."""
    if not isinstance(update, Update) or update.message is None:
        return False
    message = update.message
    commands = [e for e in message.entities if e.type == MessageEntity.BOT_COMMAND]
    return bool(message.text) and not commands and message.chat.type == message.chat.PRIVATE


def _discard(coroutine: Awaitable[Any]) -> None:
    close = getattr(coroutine, "close", None)
    if close is not None:
        close()  # never awaited: no "coroutine was never awaited" warning
