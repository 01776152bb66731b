"""The conversational stack on loopback: the Rasa server and the action server, each
asking for its token (`bot.runtime.tokens`).

:class:`Stack` starts whichever of the two is not already answering, waits until both
are healthy, and stops what it started.
"""

from __future__ import annotations

import logging
import os
import sys
from contextlib import AbstractContextManager
from types import TracebackType

from bot.errors import RasaModelMissing
from bot.runtime.processes import ChildProcess, url_is_healthy
from bot.runtime.rasa_server import (
    REPO,
    newest_model,
    rasa_environment,
    run_command,
    write_credentials,
    write_endpoints,
)
from bot.runtime.tokens import with_tokens
from bot.settings import Settings

__all__ = ["Stack"]

logger = logging.getLogger(__name__)

#: Rasa loads TensorFlow and the model (~25 s here); the action server loads the index.
RASA_START_TIMEOUT = 180.0
ACTIONS_START_TIMEOUT = 120.0


class Stack(AbstractContextManager["Stack"]):
    """Rasa + action server, started on entry (when not running) and stopped on exit."""

    def __init__(self, settings: Settings, *, start_timeout: float | None = None) -> None:
        self.settings = with_tokens(settings)
        self.children: list[ChildProcess] = []
        #: Longest wait for each server to get ready (None: each server's default).
        self.start_timeout = start_timeout

    @property
    def rasa_token(self) -> str:
        """The token of Rasa's HTTP API (trackers), for a :class:`bot.rasa_client.RasaClient`."""
        assert self.settings.rasa_token is not None
        return self.settings.rasa_token.get_secret_value()

    @property
    def rasa_url(self) -> str:
        """Base URL of the Rasa server."""
        return f"http://127.0.0.1:{self.settings.rasa_port}"

    @property
    def actions_url(self) -> str:
        """Base URL of the action server."""
        return f"http://127.0.0.1:{self.settings.action_port}"

    def action_server(self) -> ChildProcess:
        """The action server as a child process of this environment's Python."""
        return ChildProcess(
            name="action server",
            argv=[
                sys.executable,
                "-m",
                "bot.cli",
                "actions",
                "--port",
                str(self.settings.action_port),
            ],  # fmt: skip
            port=self.settings.action_port,
            health_url=f"{self.actions_url}/health",
            log_path=self.settings.home / "logs" / "actions.log",
            env={**os.environ, **self.settings.as_environment()},
            cwd=REPO,
        )

    def rasa_server(self) -> ChildProcess:
        """The Rasa server as a child process of the Rasa environment's Python."""
        model = newest_model(self.settings)
        if model is None:
            raise RasaModelMissing(self.settings.rasa_dir / "models")
        return ChildProcess(
            name="Rasa server",
            argv=run_command(
                self.settings,
                model=model,
                endpoints=write_endpoints(self.settings),
                credentials=write_credentials(self.settings),
            ),
            port=self.settings.rasa_port,
            health_url=f"{self.rasa_url}/",
            log_path=self.settings.home / "logs" / "rasa.log",
            env=rasa_environment(self.settings),
            cwd=REPO,
        )

    def start(self) -> None:
        """Start what is not answering yet (both in parallel) and wait for health."""
        wanted = []
        if not url_is_healthy(f"{self.actions_url}/health"):
            wanted.append((self.action_server(), self.start_timeout or ACTIONS_START_TIMEOUT))
        if not url_is_healthy(f"{self.rasa_url}/"):
            wanted.append((self.rasa_server(), self.start_timeout or RASA_START_TIMEOUT))
        try:
            for child, _ in wanted:
                child.start()
                self.children.append(child)
            for child, timeout in wanted:
                child.wait_healthy(timeout)
        except BaseException:
            self.stop()
            raise

    def stop(self) -> None:
        """Stop the children this stack started, newest first."""
        for child in reversed(self.children):
            child.stop()
        self.children.clear()

    def __enter__(self) -> Stack:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
