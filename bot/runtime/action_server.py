"""The rasa-sdk action server, in this (the app's) environment, bound to loopback.

The matcher (model and indexes) is loaded before the server accepts requests, so the
first search is as fast as the rest; only Rasa, showing its token, is answered
(`bot.runtime.action_auth`); Sanic runs in a single process so that one copy
of the index serves every request. The matcher follows the index on disk
(:class:`retrieval.live.LiveMatcher`): what `jobbot import` or `jobbot fetch` indexes
reaches the next search without a restart.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from bot.runtime.action_auth import require_token
from bot.runtime.tokens import with_tokens
from bot.services import open_database, open_embedder, open_matcher
from bot.settings import Settings

if TYPE_CHECKING:
    from actions.context import ActionContext

__all__ = ["action_context", "serve_actions"]

logger = logging.getLogger(__name__)


def action_context(settings: Settings, *, today: Callable[[], date] = date.today) -> ActionContext:
    """What the actions share: the database and a matcher that reloads new index builds."""
    from actions.context import ActionContext
    from retrieval.indexer import MANIFEST
    from retrieval.live import LiveMatcher

    sessions = open_database(settings)
    embedder = open_embedder(settings, remembered_queries=settings.remembered_queries)
    matcher = LiveMatcher(
        lambda: open_matcher(settings, sessions=sessions, embedder=embedder),
        manifest=settings.index_dir / MANIFEST,
    )
    return ActionContext(
        sessions=sessions, matcher=matcher, page_size=settings.results_per_page, today=today
    )


def serve_actions(
    settings: Settings, *, host: str, port: int, today: Callable[[], date] = date.today
) -> None:
    """Load everything, then serve Rasa's action calls on ``host:port`` until stopped;
    ``today`` decides which openings have closed (the dialog suite fixes it)."""
    from rasa_sdk.endpoint import create_app
    from rasa_sdk.executor import ActionExecutor

    import nlu
    from actions.registry import all_actions

    settings = with_tokens(settings)
    assert settings.action_token is not None
    context = action_context(settings, today=today)
    nlu.warm_up()
    executor = ActionExecutor()
    for action in all_actions(context):
        executor.register_action(action)
    app = create_app(executor, cors_origins=None)
    require_token(app, settings.action_token.get_secret_value())
    logger.info("action server on %s:%d", host, port)
    app.run(host=host, port=port, single_process=True, access_log=False, motd=False)
