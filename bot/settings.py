"""The one settings object: every knob, read from the environment and `.env` (prefix JOBBOT_).

Only entry points (the CLI, later the servers) build a :class:`Settings`; everything else
takes the values it needs as arguments.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from retrieval.embedder import BUNDLED_MODEL
from storage.course_api import HRD_BASE_URL
from storage.worknet_api import BASE_URL as WORKNET_BASE_URL


class Settings(BaseSettings):
    """jobbot configuration; see the README's configuration table."""

    model_config = SettingsConfigDict(
        env_prefix="JOBBOT_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    home: Path = Field(Path("var"), description="Folder for the database, index and model cache.")
    database_url: str | None = Field(
        None, description="SQLAlchemy URL; default: SQLite file jobbot.sqlite3 under home."
    )
    embedding_model: str = Field(
        BUNDLED_MODEL,
        description="sentence-transformers model: hub name, local folder, or the bundled default.",
    )
    query_prompt: str = Field("query: ", description="Prefix for seeker texts (e5 convention).")
    passage_prompt: str = Field("passage: ", description="Prefix for opening texts.")
    default_home_region: str = Field(
        "군산", description="Where a seeker who names no region is assumed to live."
    )
    commute_km: float = Field(35.0, description="Longest commute (road km) counted as local.")
    torch_threads: int = Field(2, description="CPU threads for the embedding model.")
    embedding_runtime: Literal["onnx", "torch"] = Field(
        "onnx",
        description="What runs the embedding model: its ONNX export (made by `jobbot model "
        "build`; search texts 2-3x faster on CPU) or PyTorch.",
    )
    query_int8: bool = Field(
        True,
        description="Embed search texts with the export's int8 query model (faster; a "
        "vector moves by a cosine of ≈ 0.997, rankings within the dev sets' noise: "
        "docs/evaluation.md); off: the exact model, as openings are embedded.",
    )
    remembered_queries: int = Field(
        1024,
        description="Search-text vectors the action server keeps: paging and a changed "
        "region or pay search again with the same text.",
    )
    results_per_page: int = Field(3, description="Openings shown per reply in a conversation.")
    rasa_port: int = Field(5005, description="Loopback port of the Rasa server.")
    action_port: int = Field(5055, description="Loopback port of the action server.")
    rasa_token: SecretStr | None = Field(
        None,
        description="Token of Rasa's HTTP API (trackers); default: generated once into "
        "home/tokens.json.",
    )
    action_token: SecretStr | None = Field(
        None,
        description="Token Rasa shows the action server; default: generated once into "
        "home/tokens.json.",
    )
    action_timeout_seconds: float = Field(
        15.0, description="How long Rasa waits for one custom action (well under the next)."
    )
    rasa_timeout_seconds: float = Field(
        60.0, description="How long the front end waits for Rasa's answer to one message."
    )
    rasa_python: Path = Field(
        Path(".venv-rasa/bin/python"), description="Python of the Rasa environment."
    )
    rasa_model: Path | None = Field(
        None, description="Trained Rasa model (.tar.gz); default: the newest under home/rasa."
    )

    worknet_auth_key: SecretStr | None = Field(
        None, description="고용24 Open API auth key (인증키) for `jobbot fetch worknet`."
    )
    worknet_base_url: str = Field(
        WORKNET_BASE_URL, description="고용24 Open API base URL (a test stand-in in the tests)."
    )
    worknet_timeout_seconds: float = Field(
        20.0, description="How long one 고용24 call may take before it is retried."
    )
    hrd_auth_key: SecretStr | None = Field(
        None,
        description="고용24 training-course (HRD) Open API auth key for `jobbot fetch courses`.",
    )
    hrd_base_url: str = Field(
        HRD_BASE_URL, description="고용24 training-course Open API base URL (a stand-in in tests)."
    )

    def as_environment(self) -> dict[str, str]:
        """These settings as JOBBOT_* variables, for a child process to read back."""
        env = {}
        for name, value in self.model_dump().items():
            if value is None:
                continue
            if isinstance(value, SecretStr):
                value = value.get_secret_value()
            if isinstance(value, Path):
                value = value.resolve()
            env[f"JOBBOT_{name.upper()}"] = str(value)
        return env

    @property
    def sqlalchemy_url(self) -> str:
        """The database URL, defaulting to a SQLite file under ``home``."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.home / 'jobbot.sqlite3').resolve()}"

    @property
    def index_dir(self) -> Path:
        """Folder of the persisted FAISS and BM25 indexes."""
        return self.home / "index"

    telegram_token: str | None = Field(
        None,
        description="Bot token from BotFather; without it `jobbot run` opens the console chat.",
    )
    telegram_base_url: str = Field(
        "https://api.telegram.org/bot",
        description="Bot API base URL (a self-hosted Bot API server, or a test stand-in).",
    )
    telegram_base_file_url: str = Field(
        "https://api.telegram.org/file/bot", description="Bot API file download base URL."
    )
    counselor_chat_id: int | None = Field(
        None, description="Chat id of the counselors' supergroup (topics enabled)."
    )
    webhook_url: str | None = Field(
        None, description="Public HTTPS URL for webhook mode; polling when unset."
    )
    webhook_secret: str | None = Field(
        None, description="Secret token Telegram sends in X-Telegram-Bot-Api-Secret-Token."
    )
    webhook_port: int = Field(8443, description="Local port the webhook server listens on.")
    handoff_reannounce_minutes: int = Field(
        10, description="Re-announce a handoff no counselor answered within this many minutes."
    )
    office_hours: str = Field("09:00-18:00", description="Counselors' hours (local time).")
    office_days: str = Field("0-4", description="Counselors' weekdays (0 = Monday).")
    timezone: str = Field("Asia/Seoul", description="Time zone of the office hours.")
    invite_ttl_hours: int = Field(72, description="How long a company invite link stays valid.")
    telegram_bot_username: str | None = Field(
        None, description="The bot's @username (without @), for invite links; else asked via getMe."
    )
    declined_tracker_minutes: int = Field(
        60,
        description="A seeker who did not agree to keep a profile: their conversation is "
        "erased this many minutes after their last message (the session's end).",
    )
    handoff_retention_days: int = Field(
        365, description="Released handoffs and their counselor notes are deleted after this."
    )
    application_retention_days: int = Field(
        365, description="Finished or abandoned applications are deleted after this."
    )
    company_retention_days: int = Field(
        180,
        description="How long a company may keep a candidate card (stated in the consent).",
    )

    @property
    def rasa_dir(self) -> Path:
        """Folder of trained Rasa models and Rasa's training cache."""
        return self.home / "rasa"

    @property
    def model_cache_dir(self) -> Path:
        """Folder where converted or downloaded models are kept."""
        return self.home / "models"
