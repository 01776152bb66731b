"""`jobbot rasa train`: the dialogue model."""

from __future__ import annotations

import typer

from bot.cli.common import load_settings, run_rasa

__all__ = ["rasa_app"]

rasa_app = typer.Typer(help="Rasa 대화 모델", no_args_is_help=True)


@rasa_app.command("train")
def rasa_train() -> None:
    """Train the dialogue model (skipped by Rasa when nothing changed)."""
    from bot.runtime.rasa_server import train_command

    run_rasa(train_command(load_settings()))
