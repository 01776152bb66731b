"""Actions run against a private copy of the indexed sample openings, with the real matcher."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from typing import Any

import pytest
from rasa_sdk import Tracker
from sqlalchemy.orm import Session, sessionmaker

from actions.context import ActionContext
from bot.services import open_database, open_matcher
from bot.settings import Settings
from retrieval.embedder import Embedder
from tests.conftest import make_settings


@pytest.fixture(scope="module")
def action_home(sample_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """A copy of the sample home, so that what the actions write stays in this module."""
    home = tmp_path_factory.mktemp("action-home")
    shutil.copytree(sample_settings.home, home, dirs_exist_ok=True)
    return make_settings(home)


@pytest.fixture(scope="module")
def action_sessions(action_home: Settings) -> sessionmaker[Session]:
    """The copied database."""
    return open_database(action_home)


@pytest.fixture(scope="module")
def context(
    action_home: Settings, action_sessions: sessionmaker[Session], embedder: Embedder
) -> Iterator[ActionContext]:
    """The actions' context over the copy, with the real matcher and a fixed date."""
    from datetime import date

    matcher = open_matcher(action_home, sessions=action_sessions, embedder=embedder)
    yield ActionContext(
        sessions=action_sessions, matcher=matcher, page_size=3, today=lambda: date(2026, 11, 1)
    )


def make_tracker(
    *,
    text: str = "",
    intent: str = "inform",
    slots: dict[str, Any] | None = None,
    entities: list[dict[str, Any]] | None = None,
    events: list[dict[str, Any]] | None = None,
    turn_events: list[dict[str, Any]] | None = None,
    active_loop: str | None = None,
    paused: bool = False,
    sender_id: str = "seeker-1",
) -> Tracker:
    """A tracker as Rasa sends it to the action server, after the user's latest message:
    ``events`` before it, ``turn_events`` (slot extraction) after it."""
    latest = {
        "text": text,
        "intent": {"name": intent, "confidence": 0.99},
        "entities": entities or [],
    }
    history = [*(events or []), {"event": "user", "text": text, "parse_data": latest}]
    history += turn_events or []
    return Tracker(
        sender_id=sender_id,
        slots=dict(slots or {}),
        latest_message=latest,
        events=history,
        paused=paused,
        followup_action=None,
        active_loop={"name": active_loop} if active_loop else {},
        latest_action_name="action_listen",
    )
