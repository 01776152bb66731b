"""One small Rasa model per test session, and the real stack serving it on free loopback ports.

A pytest plugin (registered in the root conftest): the fixtures ``rasa_model``,
``stack_settings`` and ``stack`` serve the dialogue and the Telegram front end tests.

The model is trained from the repository's domain and data with the repository's
pipeline at fewer epochs (tests check the plumbing and the main paths, `jobbot eval nlu`
measures quality). Rasa reuses it while config, domain and data are unchanged.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from bot.runtime.rasa_server import REPO, rasa_environment, train_command
from bot.runtime.stack import Stack
from bot.settings import Settings
from tests.conftest import make_settings

__all__ = ["TEST_EPOCHS", "free_port", "rasa_model", "small_config", "stack", "stack_settings"]

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
