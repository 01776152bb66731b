"""What every Telegram handler needs, kept in ``application.bot_data["frontend"]``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session, sessionmaker
from telegram.ext import Application, ContextTypes

from bot.rasa_client import RasaClient
from bot.settings import Settings

__all__ = ["FRONTEND_KEY", "AnyApplication", "Context", "FrontEnd", "frontend_of"]

FRONTEND_KEY = "frontend"

#: The handlers' context and the application, as python-telegram-bot's defaults type them.
Context = ContextTypes.DEFAULT_TYPE
AnyApplication = Application[Any, Any, Any, Any, Any, Any]


@dataclass
class FrontEnd:
    """The front end's dependencies: settings, the database, the Rasa server."""

    settings: Settings
    sessions: sessionmaker[Session]
    rasa: RasaClient


def frontend_of(bot_data: Mapping[str, Any]) -> FrontEnd:
    """The :class:`FrontEnd` the application builder stored in ``bot_data``."""
    frontend = bot_data[FRONTEND_KEY]
    assert isinstance(frontend, FrontEnd)
    return frontend
