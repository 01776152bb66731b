"""How the Rasa server (in its own environment, `.venv-rasa`) is trained and started.

Rasa 3.6 pins SQLAlchemy 1.4, pydantic 1 and numpy 1.23, so it never runs in the app's
environment: these functions build command lines for ``settings.rasa_python`` and the
environment it needs, always with the repository root as working directory (Rasa finds
our ``nlu.*`` components there).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from bot.runtime.trackers import tracker_store_path
from bot.settings import Settings

__all__ = [
    "REPO",
    "TRAINING_DATA",
    "newest_model",
    "rasa_command",
    "rasa_environment",
    "run_command",
    "train_command",
    "write_credentials",
    "write_endpoints",
]

REPO = Path(__file__).resolve().parents[2]
#: The input channel jobbot serves: Rasa's REST channel behind the Rasa token.
CHANNEL = "nlu.components.rest_channel.TokenRestInput"
#: Rasa's training data; data/ also holds tables and openings, so it is never passed whole.
TRAINING_DATA = ("data/nlu", "data/rules", "data/stories")


def rasa_environment(settings: Settings) -> dict[str, str]:
    """The child's environment: quiet TensorFlow, no telemetry, our packages importable,
    the HTTP API token and the action timeout (read by `nlu.components.rasa_main`)."""
    env = dict(os.environ)
    env.update(
        TF_CPP_MIN_LOG_LEVEL="2",
        SQLALCHEMY_SILENCE_UBER_WARNING="1",
        RASA_TELEMETRY_ENABLED="false",
        RASA_CACHE_DIRECTORY=str((settings.rasa_dir / "cache").resolve()),
        PYTHONPATH=str(REPO),
        JOBBOT_ACTION_TIMEOUT_SECONDS=str(settings.action_timeout_seconds),
    )
    if settings.rasa_token is not None:
        env["JOBBOT_RASA_TOKEN"] = settings.rasa_token.get_secret_value()
    return env


def rasa_command(settings: Settings, *args: str) -> list[str]:
    """``rasa <args>`` in the Rasa environment, through `nlu.components.rasa_main` (a speed fix)."""
    python = settings.rasa_python
    if not python.is_absolute():
        python = REPO / python
    return [str(python), "-m", "nlu.components.rasa_main", *args]


def train_command(
    settings: Settings,
    *,
    config: Path | None = None,
    out: Path | None = None,
    fixed_model_name: str | None = None,
) -> list[str]:
    """``rasa train`` on the repository's domain and training data.

    Rasa keeps a fingerprint of its inputs: when nothing changed it reuses the newest
    model in ``out`` and finishes in seconds.
    """
    args = [
        "train",
        "--config", str(config or REPO / "config.yml"),
        "--domain", str(REPO / "domain.yml"),
        "--data", *(str(REPO / d) for d in TRAINING_DATA),
        "--out", str((out or settings.rasa_dir / "models").resolve()),
    ]  # fmt: skip
    if fixed_model_name:
        args += ["--fixed-model-name", fixed_model_name]
    return rasa_command(settings, *args)


def newest_model(settings: Settings) -> Path | None:
    """The configured model, else the newest under ``home/rasa/models``, else ``None``."""
    if settings.rasa_model:
        return settings.rasa_model if settings.rasa_model.exists() else None
    models = sorted(
        (settings.rasa_dir / "models").glob("*.tar.gz"), key=lambda p: p.stat().st_mtime
    )
    return models[-1] if models else None


def _quoted(value: str) -> str:
    """``value`` as a YAML double-quoted scalar (a JSON string is one), whatever it holds."""
    return json.dumps(value)


def write_endpoints(settings: Settings) -> Path:
    """An endpoints file for the configured action port, with the action server's token
    (the file is readable by its owner only) and a SQLite tracker store.

    Trackers (and thus a paused conversation) then survive a restart of the Rasa server.
    """
    folder = settings.rasa_dir
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "endpoints.yml"
    trackers = tracker_store_path(settings).resolve()
    token = settings.action_token.get_secret_value() if settings.action_token else None
    path.touch(mode=0o600)
    path.chmod(0o600)
    path.write_text(
        "# Written by jobbot at start-up from the settings; edits are overwritten.\n"
        "action_endpoint:\n"
        f'  url: "http://127.0.0.1:{settings.action_port}/webhook"\n'
        + (f"  token: {_quoted(token)}\n" if token else "")
        + "tracker_store:\n"
        "  type: SQL\n"
        "  dialect: sqlite\n"
        f"  db: {_quoted(str(trackers))}\n",
        encoding="utf-8",
    )
    return path


def write_credentials(settings: Settings) -> Path:
    """A credentials file naming the one input channel, the REST channel behind the Rasa
    token (`nlu.components.rest_channel`); readable by its owner only, like the endpoints.

    Without a token the channel refuses to start: there is no open way in.
    """
    folder = settings.rasa_dir
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "credentials.yml"
    token = settings.rasa_token.get_secret_value() if settings.rasa_token else ""
    path.touch(mode=0o600)
    path.chmod(0o600)
    path.write_text(
        "# Written by jobbot at start-up from the settings; edits are overwritten.\n"
        f"{CHANNEL}:\n"
        f"  token: {_quoted(token)}\n",
        encoding="utf-8",
    )
    return path


def run_command(
    settings: Settings, *, model: Path, endpoints: Path, credentials: Path
) -> list[str]:
    """``rasa run`` with the token-guarded REST channel and the HTTP API, on loopback only."""
    return rasa_command(
        settings,
        "run",
        "--model", str(model.resolve()),
        "--endpoints", str(endpoints.resolve()),
        "--credentials", str(credentials.resolve()),
        "--interface", "127.0.0.1",
        "--port", str(settings.rasa_port),
        "--enable-api",
    )  # fmt: skip
