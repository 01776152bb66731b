"""The two loopback tokens: Rasa's HTTP API (``--auth-token``) and the action server's.

Without them any local process could read every seeker's tracker from Rasa, or post a
forged tracker to an action and overwrite a stored profile. Configured tokens win;
otherwise both are generated once into ``home/tokens.json`` (readable by its owner only),
so every process started with the same home agrees on them.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
from pathlib import Path

from pydantic import SecretStr

from bot.settings import Settings

__all__ = ["TOKENS_FILE", "tokens_path", "with_tokens"]

logger = logging.getLogger(__name__)

TOKENS_FILE = "tokens.json"


def tokens_path(settings: Settings) -> Path:
    """Where generated tokens are kept."""
    return settings.home / TOKENS_FILE


def _stored(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return {}
    return {k: v for k, v in data.items() if isinstance(v, str) and v}


def _write(path: Path, tokens: dict[str, str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        json.dump(tokens, file)
    os.replace(temporary, path)


def with_tokens(settings: Settings) -> Settings:
    """``settings`` with ``rasa_token`` and ``action_token`` set: as configured, else the
    ones in ``home/tokens.json``, generated there the first time."""
    if settings.rasa_token and settings.action_token:
        return settings
    path = tokens_path(settings)
    stored = _stored(path)
    missing = {name for name in ("rasa_token", "action_token") if name not in stored}
    if missing:
        stored.update({name: secrets.token_urlsafe(32) for name in missing})
        _write(path, stored)
        logger.info("generated the loopback tokens into %s", path)
    return settings.model_copy(
        update={
            "rasa_token": settings.rasa_token or SecretStr(stored["rasa_token"]),
            "action_token": settings.action_token or SecretStr(stored["action_token"]),
        }
    )
