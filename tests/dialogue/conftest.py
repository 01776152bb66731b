"""A seeker talking to the session's stack (``rasa_model``, ``stack_settings`` and ``stack``
come from the `tests.helpers.rasa_stack` plugin, registered in the root conftest)."""

from __future__ import annotations

import asyncio

import pytest

from bot.rasa_client import RasaClient, Reply
from bot.runtime.stack import Stack


class Conversation:
    """A seeker talking to the running stack over the REST channel."""

    def __init__(self, stack: Stack, sender_id: str) -> None:
        self.stack = stack
        self.sender_id = sender_id

    async def _say(self, text: str) -> list[Reply]:
        async with RasaClient(self.stack.rasa_url, token=self.stack.rasa_token) as rasa:
            return await rasa.send(self.sender_id, text)

    def say(self, text: str) -> list[Reply]:
        """Send one message; the bot's replies."""
        return asyncio.run(self._say(text))

    async def _tracker(self) -> dict[str, object]:
        async with RasaClient(self.stack.rasa_url, token=self.stack.rasa_token) as rasa:
            return await rasa.tracker(self.sender_id)

    def slots(self) -> dict[str, object]:
        """The conversation's slots, from Rasa's tracker API."""
        return dict(asyncio.run(self._tracker())["slots"])  # type: ignore[call-overload]


@pytest.fixture
def conversation(stack: Stack, request: pytest.FixtureRequest) -> Conversation:
    """A fresh conversation (its own sender id) with the session's stack."""
    return Conversation(stack, sender_id=f"test-{request.node.name}"[:120])
