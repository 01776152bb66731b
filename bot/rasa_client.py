"""Talking to the Rasa server: its REST channel (messages) and its HTTP API (trackers), both
with the server's token (`bot.runtime.tokens`; the channel is `nlu.components.rest_channel`)."""

from __future__ import annotations

from typing import Any

import httpx

__all__ = ["RasaClient", "Reply"]

Reply = dict[str, Any]


class RasaClient:
    """An async client for one Rasa server; ``transport`` lets tests swap the edge.

    ``timeout`` bounds one turn (Rasa and its actions): keep Rasa's action timeout well
    under it, or the answer to a slow action arrives after the seeker was told the bot
    is not answering. ``token`` is the server's token (HTTP API and REST channel).
    """

    def __init__(
        self,
        base_url: str,
        *,
        timeout: float = 60.0,
        token: str | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self._http = httpx.AsyncClient(base_url=base_url, timeout=timeout, transport=transport)
        self._auth = {"token": token} if token else {}

    async def __aenter__(self) -> RasaClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the connection pool."""
        await self._http.aclose()

    async def send(
        self, sender_id: str, text: str, metadata: dict[str, Any] | None = None
    ) -> list[Reply]:
        """One user message through the (token-guarded) REST channel; the bot's replies, in order.

        Each reply has ``recipient_id`` and one or more of ``text``, ``buttons``,
        ``custom`` (the actions' JSON payloads), ``image``.
        """
        body: dict[str, Any] = {"sender": sender_id, "message": text}
        if metadata:
            body["metadata"] = metadata
        response = await self._http.post("/webhooks/jobbot/webhook", json=body, params=self._auth)
        response.raise_for_status()
        return list(response.json() or [])

    async def tracker(
        self, sender_id: str, *, include_events: str = "AFTER_RESTART"
    ) -> dict[str, Any]:
        """The conversation's current state (slots, latest message, paused, events).

        ``include_events``: ``AFTER_RESTART`` (Rasa's default), ``ALL``, ``APPLIED`` or ``NONE``.
        """
        response = await self._http.get(
            f"/conversations/{sender_id}/tracker",
            params={"include_events": include_events, **self._auth},
        )
        response.raise_for_status()
        return dict(response.json())

    async def append_events(self, sender_id: str, events: list[dict[str, Any]]) -> None:
        """Append events (e.g. ``{"event": "pause"}``) to the conversation."""
        response = await self._http.post(
            f"/conversations/{sender_id}/tracker/events", json=events, params=self._auth
        )
        response.raise_for_status()

    async def replace_events(self, sender_id: str, events: list[dict[str, Any]]) -> None:
        """Replace the conversation's events (``[]``: a blank conversation).

        With an in-memory tracker store this forgets the conversation; a SQL tracker store
        only ever appends, so erasing there also needs `bot.runtime.trackers.erase_conversation`.
        """
        response = await self._http.put(
            f"/conversations/{sender_id}/tracker/events", json=events, params=self._auth
        )
        response.raise_for_status()

    async def healthy(self) -> bool:
        """True when the server answers."""
        try:
            return (await self._http.get("/")).status_code == 200
        except httpx.HTTPError:
            return False
