"""One small Rasa model per test session, and the real stack serving it on free loopback ports.

The model is trained from the repository's domain and data with the repository's
pipeline at fewer epochs (tests check the plumbing and the main paths, `jobbot eval nlu`
measures quality). Rasa reuses it while config, domain and data are unchanged.
"""

from __future__ import annotations

import asyncio
import shutil
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from bot.rasa_client import RasaClient, Reply
from bot.rasa_server import REPO, rasa_environment, train_command
from bot.settings import Settings
from bot.stack import Stack
from tests.conftest import make_settings

TEST_EPOCHS = {"DIETClassifier": 30, "TEDPolicy": 25}


def free_port() -> int:
    """A loopback port nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def small_config(folder: Path) -> Path:
    """config.yml with fewer epochs, written where Rasa's fingerprint can find it again."""
    config = yaml.safe_load((REPO / "config.yml").read_text(encoding="utf-8"))
    for part in config["pipeline"] + config["policies"]:
        if part["name"] in TEST_EPOCHS:
            part["epochs"] = TEST_EPOCHS[part["name"]]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "config.yml"
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def rasa_model() -> Path:
    """The session's trained model (kept under var/test-rasa; retrained only on change)."""
    settings = make_settings(REPO / "var")
    folder = REPO / "var" / "test-rasa"
    out = folder / "models"
    argv = train_command(settings, config=small_config(folder), out=out, fixed_model_name="test")
    subprocess.run(argv, env=rasa_environment(settings), cwd=REPO, check=True)
    return out / "test.tar.gz"


@pytest.fixture(scope="session")
def stack_settings(
    sample_settings: Settings, rasa_model: Path, tmp_path_factory: pytest.TempPathFactory
) -> Settings:
    """A copy of the indexed sample home, the session's model, free ports."""
    home = tmp_path_factory.mktemp("stack-home")
    shutil.copytree(sample_settings.home, home, dirs_exist_ok=True)
    return make_settings(home).model_copy(
        update={"rasa_model": rasa_model, "rasa_port": free_port(), "action_port": free_port()}
    )


@pytest.fixture(scope="session")
def stack(stack_settings: Settings) -> Iterator[Stack]:
    """The Rasa server and the action server, running for the whole session."""
    with Stack(stack_settings) as running:
        yield running


class Conversation:
    """A seeker talking to the running stack over the REST channel."""

    def __init__(self, stack: Stack, sender_id: str) -> None:
        self.stack = stack
        self.sender_id = sender_id

    async def _say(self, text: str) -> list[Reply]:
        async with RasaClient(self.stack.rasa_url) as rasa:
            return await rasa.send(self.sender_id, text)

    def say(self, text: str) -> list[Reply]:
        """Send one message; the bot's replies."""
        return asyncio.run(self._say(text))

    async def _tracker(self) -> dict[str, object]:
        async with RasaClient(self.stack.rasa_url) as rasa:
            return await rasa.tracker(self.sender_id)

    def slots(self) -> dict[str, object]:
        """The conversation's slots, from Rasa's tracker API."""
        return dict(asyncio.run(self._tracker())["slots"])  # type: ignore[call-overload]


@pytest.fixture
def conversation(stack: Stack, request: pytest.FixtureRequest) -> Conversation:
    """A fresh conversation (its own sender id) with the session's stack."""
    return Conversation(stack, sender_id=f"test-{request.node.name}"[:120])
