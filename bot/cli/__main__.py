"""`python -m bot.cli`: the `jobbot` command."""

from bot.cli import app

app()
