"""The session model follows the test stories (`rasa test core`): main paths and interruptions."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from bot.runtime.rasa_server import REPO, rasa_command, rasa_environment
from tests.conftest import make_settings

pytestmark = pytest.mark.slow


def test_the_model_follows_every_test_story(rasa_model: Path, tmp_path: Path) -> None:
    settings = make_settings(REPO / "var")
    argv = rasa_command(
        settings, "test", "core",
        "--stories", str(REPO / "tests/dialogue/test_stories.yml"),
        "--model", str(rasa_model), "--out", str(tmp_path), "--fail-on-prediction-errors",
    )  # fmt: skip
    done = subprocess.run(
        argv, env=rasa_environment(settings), cwd=REPO, capture_output=True, text=True
    )
    failed = tmp_path / "failed_test_stories.yml"
    details = failed.read_text(encoding="utf-8") if failed.exists() else done.stdout[-3000:]
    assert done.returncode == 0, details
