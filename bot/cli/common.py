"""What every `jobbot` sub-app shares: the settings, dates, the matcher, Rasa commands."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from bot.settings import Settings

if TYPE_CHECKING:
    from retrieval.matcher import Matcher

__all__ = ["load_settings", "open_matcher_or_exit", "parse_date", "run_rasa"]


def load_settings() -> Settings:
    """The settings from the environment and `.env` (read here, at the entry point)."""
    return Settings()


def parse_date(value: str | None) -> date:
    """A YYYY-MM-DD option as a date; today when not given."""
    if not value:
        return date.today()
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise typer.BadParameter(
            "날짜는 YYYY-MM-DD 형식으로 적어 주세요 (예: 2026-11-01)"
        ) from None


def open_matcher_or_exit() -> Matcher:
    """The matcher, or a clear Korean message and exit code 1 when no usable index exists."""
    from bot.services import open_matcher
    from retrieval.errors import RetrievalError

    try:
        return open_matcher(load_settings())
    except RetrievalError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(code=1) from None


def run_rasa(argv: list[str]) -> None:
    """Run a Rasa command in its environment; exit with its code on failure."""
    import subprocess

    from bot.runtime.rasa_server import REPO, rasa_environment

    settings = load_settings()
    if not Path(argv[0]).exists():
        typer.echo(
            f"Rasa 환경이 없어요 ({argv[0]}). 먼저 `make setup-rasa`를 실행해 주세요.", err=True
        )
        raise typer.Exit(code=1)
    code = subprocess.call(argv, env=rasa_environment(settings), cwd=REPO)
    if code:
        raise typer.Exit(code=code)
