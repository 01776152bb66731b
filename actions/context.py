"""What the actions share: the database, the loaded matcher, paging, the clock, and the
base class that keeps the bot from going silent when an action fails."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session, sessionmaker

from actions import messages
from retrieval.live import LiveMatcher
from retrieval.matcher import Matcher

__all__ = ["ActionContext", "ContextAction", "latest_text"]

logger = logging.getLogger(__name__)


def latest_text(tracker: Tracker) -> str:
    """The seeker's latest message as typed (a button's payload starts with "/")."""
    return str((tracker.latest_message or {}).get("text") or "")


@dataclass
class ActionContext:
    """Dependencies of every action, built once per action-server process."""

    sessions: sessionmaker[Session]
    matcher: Matcher | LiveMatcher
    page_size: int = 3
    today: Callable[[], date] = field(default=date.today)


class ContextAction(Action):
    """An action bound to an :class:`ActionContext`; subclasses implement :meth:`act`.

    A failure is logged (without the message text) and answered with an apology, because
    Rasa would otherwise drop the action's events and the seeker would hear nothing.
    """

    def __init__(self, context: ActionContext) -> None:
        self.context = context

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        try:
            return await self.act(dispatcher, tracker, domain)
        except Exception:
            logger.exception("action %s failed", self.name())
            dispatcher.utter_message(text=messages.ACTION_FAILED)
            return []

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Do the action's work; the events to apply."""
        raise NotImplementedError
