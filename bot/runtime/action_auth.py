"""The action server answers only Rasa: every call but ``/health`` must carry the token
Rasa's endpoints file gives it (``?token=``, the ``action_endpoint.token`` of Rasa 3.x)."""

from __future__ import annotations

import hmac
import logging
from typing import Any

__all__ = ["require_token"]

logger = logging.getLogger(__name__)

OPEN_PATHS = frozenset({"/health"})


def require_token(app: Any, token: str) -> None:
    """Refuse (HTTP 401) any request to the Sanic ``app`` without ``token``."""
    from sanic import response

    expected = token.encode()

    @app.on_request
    async def check_token(request: Any) -> Any:
        if request.path in OPEN_PATHS:
            return None
        given = (request.args.get("token") or "").encode()
        if hmac.compare_digest(given, expected):
            return None
        logger.warning("refused an action call without the right token")
        return response.json({"error": "unauthorized"}, status=401)
