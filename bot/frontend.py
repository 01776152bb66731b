"""What every Telegram handler needs, kept in ``application.bot_data["frontend"]``."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from bot.rasa_client import RasaClient
from bot.settings import Settings

__all__ = ["FRONTEND_KEY", "FrontEnd"]

FRONTEND_KEY = "frontend"


@dataclass
class FrontEnd:
    """The front end's dependencies: settings, the database, the Rasa server."""

    settings: Settings
    sessions: sessionmaker[Session]
    rasa: RasaClient
