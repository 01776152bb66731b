"""What every Telegram handler needs, kept in ``application.bot_data["frontend"]``."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy.orm import Session, sessionmaker
from telegram.ext import Application, ContextTypes

from bot.rasa_client import RasaClient
from bot.settings import Settings
from bot.telegram.backoff import Backoff

__all__ = ["DB_THREADS", "FRONTEND_KEY", "AnyApplication", "Context", "FrontEnd", "frontend_of"]

FRONTEND_KEY = "frontend"
#: Worker threads for database work: a chat waiting for SQLite's write lock holds one.
DB_THREADS = 8

T = TypeVar("T")

#: The handlers' context and the application, as python-telegram-bot's defaults type them.
Context = ContextTypes.DEFAULT_TYPE
AnyApplication = Application[Any, Any, Any, Any, Any, Any]


@dataclass
class FrontEnd:
    """The front end's dependencies: settings, the database, the Rasa server; and what the
    maintenance loop remembers between rounds."""

    settings: Settings
    sessions: sessionmaker[Session]
    rasa: RasaClient
    #: Forum topics Telegram refused to delete, and when to try each again.
    topic_retries: Backoff = field(default_factory=Backoff)
    #: Candidate cards a bound chat did not take, by (application id, contact id).
    card_retries: Backoff = field(default_factory=Backoff)
    _threads: ThreadPoolExecutor = field(
        default_factory=lambda: ThreadPoolExecutor(DB_THREADS, thread_name_prefix="jobbot-db"),
        repr=False,
    )

    async def in_thread(self, work: Callable[[], T]) -> T:
        """Run blocking work (SQLite, files) in a worker thread: a held write lock then
        stalls the chat that waits for it, never the event loop and every other chat."""
        return await asyncio.get_running_loop().run_in_executor(self._threads, work)

    async def transaction(self, work: Callable[[Session], T]) -> T:
        """``work(session)`` in one transaction (committed when it returns), in a worker
        thread. Objects it returns stay readable (``expire_on_commit=False``)."""

        def run() -> T:
            with self.sessions.begin() as session:
                return work(session)

        return await self.in_thread(run)

    def close(self) -> None:
        """Let the worker threads finish what they have and end."""
        self._threads.shutdown(wait=True)


def frontend_of(bot_data: Mapping[str, Any]) -> FrontEnd:
    """The :class:`FrontEnd` the application builder stored in ``bot_data``."""
    frontend = bot_data[FRONTEND_KEY]
    assert isinstance(frontend, FrontEnd)
    return frontend
