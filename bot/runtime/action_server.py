"""The rasa-sdk action server, in this (the app's) environment, bound to loopback.

The matcher (model and indexes) is loaded before the server accepts requests, so the
first search is as fast as the rest; Sanic runs in a single process so that one copy
of the index serves every request.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from bot.services import open_database, open_embedder, open_matcher
from bot.settings import Settings

__all__ = ["serve_actions"]

logger = logging.getLogger(__name__)


def serve_actions(
    settings: Settings, *, host: str, port: int, today: Callable[[], date] = date.today
) -> None:
    """Load everything, then serve Rasa's action calls on ``host:port`` until stopped;
    ``today`` decides which openings have closed (the dialog suite fixes it)."""
    from rasa_sdk.endpoint import create_app
    from rasa_sdk.executor import ActionExecutor

    import nlu
    from actions.context import ActionContext
    from actions.registry import all_actions

    sessions = open_database(settings)
    context = ActionContext(
        sessions=sessions,
        matcher=open_matcher(
            settings,
            sessions=sessions,
            embedder=open_embedder(settings, remembered_queries=settings.remembered_queries),
        ),
        page_size=settings.results_per_page,
        today=today,
    )
    nlu.warm_up()
    executor = ActionExecutor()
    for action in all_actions(context):
        executor.register_action(action)
    app = create_app(executor, cors_origins=None)
    logger.info("action server on %s:%d", host, port)
    app.run(host=host, port=port, single_process=True, access_log=False, motd=False)
