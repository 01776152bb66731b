"""`jobbot run`, `telegram`, `actions`, `chat`: the bot's processes, supervised or one by one."""

from __future__ import annotations

from typing import Annotated

import typer

from bot.cli.common import load_settings

__all__ = ["register"]


def actions_command(
    port: Annotated[int | None, typer.Option(help="포트 (기본: 설정의 action_port)")] = None,
) -> None:
    """Serve the Rasa custom actions on loopback (started by `jobbot chat` / `run`)."""
    from bot.runtime.action_server import serve_actions

    settings = load_settings()
    serve_actions(settings, host="127.0.0.1", port=port or settings.action_port)


def chat_command() -> None:
    """Talk to the bot in the terminal (starts the Rasa and action servers if needed)."""
    import asyncio

    from bot import messages
    from bot.console import chat_loop
    from bot.errors import BotError
    from bot.runtime.stack import Stack

    settings = load_settings()
    typer.echo(messages.CHAT_STARTING)
    try:
        with Stack(settings) as stack:
            asyncio.run(chat_loop(stack.rasa_url, token=stack.rasa_token))
    except BotError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(code=1) from None
    except KeyboardInterrupt:
        typer.echo("")


def run_all() -> None:
    """Run the bot: Rasa, the action server and the Telegram front end, supervised.

    Without a Telegram token it opens the console chat instead.
    """
    from bot.errors import BotError
    from bot.runtime.supervisor import NO_TOKEN, Supervisor, run_bot, services_for

    settings = load_settings()
    if not settings.telegram_token:
        typer.echo(NO_TOKEN)
        chat_command()
        return
    try:
        run_bot(Supervisor(services_for(settings), report=typer.echo))
    except BotError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(code=1) from None


def telegram_command() -> None:
    """Serve seekers and counselors on Telegram (polling, or the webhook when configured).

    Rasa and the action server must be running (`jobbot run` supervises all three).
    """
    from bot.errors import BotError
    from bot.telegram.app import run_telegram

    try:
        run_telegram(load_settings())
    except BotError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(code=1) from None


def register(app: typer.Typer) -> None:
    """Add this module's commands to the `jobbot` app."""
    app.command("run")(run_all)
    app.command("telegram")(telegram_command)
    app.command("actions")(actions_command)
    app.command("chat")(chat_command)
