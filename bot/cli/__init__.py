"""The `jobbot` command line: one module per sub-app, assembled here.

Thin: each command reads the settings, calls the core and prints.
"""

from __future__ import annotations

import logging
from typing import Annotated

import typer

from bot.cli import data, run, transitions
from bot.cli.company import company_app
from bot.cli.eval import eval_app
from bot.cli.rasa import rasa_app

__all__ = ["app"]

app = typer.Typer(help="군산 일자리지원센터 구직자 매칭 봇 (jobbot)", no_args_is_help=True)


@app.callback()
def main(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="자세한 로그")] = False,
) -> None:
    """Configure logging once for every command."""
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )


data.register(app)
run.register(app)
transitions.register(app)
app.add_typer(eval_app, name="eval")
app.add_typer(rasa_app, name="rasa")
app.add_typer(company_app, name="company")
