"""The action server the dialog suite talks to: `jobbot actions`, with the suite's date as today.

The dialogs name openings that are open on the sample data's as-of date; with the real
date the action server would drop them as closed. Started by `bench/dialog_eval.py` with
the settings in ``JOBBOT_*`` variables.

Usage: python bench/dialog_actions.py --port N --as-of YYYY-MM-DD
"""

from __future__ import annotations

import argparse
import logging
from datetime import date

from bot.runtime.action_server import serve_actions
from bot.settings import Settings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--as-of", type=date.fromisoformat, required=True)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    as_of: date = args.as_of
    serve_actions(Settings(), host="127.0.0.1", port=args.port, today=lambda: as_of)


if __name__ == "__main__":
    main()
