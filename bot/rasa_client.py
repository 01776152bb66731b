"""Talking to the Rasa server: its REST channel (messages) and its HTTP API (trackers)."""

from __future__ import annotations

from typing import Any

import httpx

__all__ = ["RasaClient", "Reply"]

Reply = dict[str, Any]


class RasaClient:
    """An async client for one Rasa server; ``transport`` lets tests swap the edge."""

    def __init__(
        self,
        base_url: str,
        *,
        timeout: float = 30.0,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self._http = httpx.AsyncClient(base_url=base_url, timeout=timeout, transport=transport)

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
        """One user message through the REST channel; the bot's replies, in order.

        Each reply has ``recipient_id`` and one or more of ``text``, ``buttons``,
        ``custom`` (the actions' JSON payloads), ``image``.
        """
        body: dict[str, Any] = {"sender": sender_id, "message": text}
        if metadata:
            body["metadata"] = metadata
        response = await self._http.post("/webhooks/rest/webhook", json=body)
        response.raise_for_status()
        return list(response.json() or [])

    async def tracker(
        self, sender_id: str, *, include_events: str = "AFTER_RESTART"
    ) -> dict[str, Any]:
        """The conversation's current state (slots, latest message, paused, events).

        ``include_events``: ``AFTER_RESTART`` (Rasa's default), ``ALL``, ``APPLIED`` or ``NONE``.
        """
        response = await self._http.get(
            f"/conversations/{sender_id}/tracker", params={"include_events": include_events}
        )
        response.raise_for_status()
        return dict(response.json())

    async def append_events(self, sender_id: str, events: list[dict[str, Any]]) -> None:
        """Append events (e.g. ``{"event": "pause"}``) to the conversation."""
        response = await self._http.post(f"/conversations/{sender_id}/tracker/events", json=events)
        response.raise_for_status()

    async def replace_events(self, sender_id: str, events: list[dict[str, Any]]) -> None:
        """Replace the conversation's events (``[]``: a blank conversation).

        With an in-memory tracker store this forgets the conversation; a SQL tracker store
        only ever appends, so erasing there also needs `bot.runtime.trackers.erase_conversation`.
        """
        response = await self._http.put(f"/conversations/{sender_id}/tracker/events", json=events)
        response.raise_for_status()

    async def healthy(self) -> bool:
        """True when the server answers."""
        try:
            return (await self._http.get("/")).status_code == 200
        except httpx.HTTPError:
            return False
