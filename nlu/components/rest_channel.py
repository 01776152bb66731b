"""The REST channel the front ends talk to, answering only who shows the loopback token.

Rasa's own ``rest`` channel takes a message for any sender from anything that can reach
the port, and ``--auth-token`` guards the HTTP API only, not the channels. This is the same
channel (same request, same answer) under its own path, ``/webhooks/jobbot/webhook``,
refusing with 401 every request whose ``token`` query parameter is not the Rasa token of
`bot.runtime.tokens` (the one the HTTP API takes). `bot.runtime.rasa_server.write_credentials`
names it, with the token, in an owner-only credentials file.
"""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from rasa.shared.exceptions import RasaException
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

__all__ = ["TokenRestInput"]


class TokenRestInput(RestInput):
    """Rasa's REST channel behind a shared token (``credentials: {token: ...}``)."""

    def __init__(self, token: str) -> None:
        self._token = token

    @classmethod
    def name(cls) -> str:
        return "jobbot"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> TokenRestInput:
        token = str((credentials or {}).get("token") or "")
        if not token:  # never serve the channel open
            raise RasaException(f"The {cls.__name__} channel needs a token in its credentials.")
        return cls(token)

    def authorized(self, request: Request) -> bool:
        """True when the request carries the token (compared in constant time)."""
        given = request.args.get("token") or ""
        return hmac.compare_digest(given.encode(), self._token.encode())

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """The REST channel's routes, each refusing a request without the token."""
        routes = super().blueprint(on_new_message)

        @routes.middleware("request")
        async def require_token(request: Request) -> HTTPResponse | None:
            if self.authorized(request):
                return None
            return response.json({"status": "failure", "reason": "NotAuthenticated"}, status=401)

        return routes
