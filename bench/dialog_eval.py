"""End-to-end dialog suite: every hand-written dialog through the real bot, as a new seeker.

The real stack on loopback — a trained Rasa model served by the Rasa server, the action
server (`bench/dialog_actions.py`, today = the sample data's as-of date), SQLite and FAISS
with the sample openings imported into a fresh home — and the real Telegram front end
(`bot.telegram.app.build_application`) polling the Bot API stand-in of `tests/helpers`.
Each dialog (and each variant) is a fresh Telegram user: /start, 동의해요 on the consent
question, then each turn, waiting until the bot is done and quiet. Everything the bot sent
is recorded and judged (`dialog_metrics`); the report ends with one line scripts read:
``dialogs: n N success X pass3 X median_turns X p90_turns X repeated_questions N
repeated_messages N fallback_rate X``.

Usage: python bench/dialog_eval.py [--dialogs FILE] [--only ID ...] [--transcripts DIR]
       [--no-variants] [--model PATH | --test-model]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import logging
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # the Telegram stand-in lives in tests/helpers

from dialog_metrics import BotMessage, Exchange, Transcript, Verdict, judge  # noqa: E402
from dialog_report import render_transcript, summarize, summary_line, tables  # noqa: E402
from dialog_suite import Dialog, DialogSuiteError, load_dialogs  # noqa: E402
from sqlalchemy import select  # noqa: E402
from sqlalchemy.orm import Session, sessionmaker  # noqa: E402

from actions.messages import ACTION_FAILED  # noqa: E402
from bot.errors import ChildFailedError  # noqa: E402
from bot.rasa_client import RasaClient  # noqa: E402
from bot.runtime.processes import ChildProcess  # noqa: E402
from bot.runtime.rasa_server import newest_model, rasa_environment, train_command  # noqa: E402
from bot.runtime.stack import Stack  # noqa: E402
from bot.services import open_database  # noqa: E402
from bot.settings import Settings  # noqa: E402
from bot.telegram import messages  # noqa: E402
from bot.telegram.cards import resolve_callback  # noqa: E402
from storage.models import OpeningSource, ProcessedUpdate, Source  # noqa: E402
from tests.bot.telegram.conftest import STAFF_FORUM, Running, bot_settings, running_bot  # noqa: E402
from tests.helpers.rasa_stack import free_port, small_config  # noqa: E402
from tests.helpers.telegram_api import Call, TelegramStandIn  # noqa: E402

#: The date the dialogs' expectations hold on (the sample openings' as-of date).
AS_OF = date(2026, 11, 1)
DIALOGS = REPO / "data/eval/dialogs/dialogs.yml"
SAMPLES = sorted([*REPO.glob("data/openings/*.csv"), *REPO.glob("data/openings/*.xml")])
KEEP_PROFILE = "seeker:keep:y"
#: Replies that mean the bot could not answer at all (front end and action failures).
FAILURE_TEXTS = (
    messages.EMPTY_REPLY,
    messages.BOT_UNAVAILABLE,
    messages.ERROR_APOLOGY,
    ACTION_FAILED,
)
#: Calls that are not the bot saying something.
BACKGROUND = {"getUpdates", "sendChatAction", "answerCallbackQuery", "getMe", "getChatMember"}
SEEKER_IDS = itertools.count(900_001)
#: Actions Rasa runs on every turn, left out of the transcripts.
QUIET = {"action_listen", "action_extract_slots"}


@dataclass(frozen=True)
class Waits:
    """How long a turn may take: done when handled and silent for ``quiet`` s, never past ``limit``."""

    quiet: float
    limit: float


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dialogs", type=Path, default=DIALOGS, help="the dialogs (YAML)")
    parser.add_argument("--only", nargs="+", default=[], metavar="ID", help="just these dialogs")
    parser.add_argument("--transcripts", type=Path, help="write every run as text here")
    parser.add_argument(
        "--variants",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="also run each dialog's variants (dialect, typos) for pass^3",
    )
    model = parser.add_mutually_exclusive_group()
    model.add_argument("--model", type=Path, help="trained Rasa model (default: newest)")
    model.add_argument("--test-model", action="store_true", help="the tests' smaller model")
    parser.add_argument(
        "--quiet-seconds",
        type=float,
        default=0.5,
        help="a turn ends this long after the bot's last message",
    )
    parser.add_argument("--turn-timeout", type=float, default=20.0, help="longest turn, s")
    parser.add_argument("--start-timeout", type=float, default=600.0, help="per server, s")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        dialogs = load_dialogs(args.dialogs, args.only)
    except DialogSuiteError as error:
        sys.exit(f"dialogs: {error}")
    base = Settings()
    model_path = _test_model(base) if args.test_model else args.model or newest_model(base)
    if model_path is None or not model_path.exists():
        sys.exit("no trained Rasa model: run `jobbot rasa train` (or pass --model/--test-model)")
    load = os.getloadavg()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="jobbot-dialogs-") as folder:
        settings = _fresh_home(base, Path(folder), model_path)
        sessions = open_database(settings)
        sources = _opening_sources(sessions)
        with _servers(settings, args.start_timeout) as stack:
            transcripts = asyncio.run(
                _run_all(
                    dialogs,
                    stack,
                    settings,
                    sessions,
                    args.variants,
                    Waits(args.quiet_seconds, args.turn_timeout),
                )
            )
    for transcript in transcripts:
        transcript.sources = {i: sources.get(i, ()) for i in _shown_ids(transcript)}
    by_id = {d.id: d for d in dialogs}
    verdicts = [judge(by_id[t.dialog_id], t, fallback_texts=FAILURE_TEXTS) for t in transcripts]
    if args.transcripts:
        _write_transcripts(args.transcripts, transcripts, verdicts)
    minutes = (time.monotonic() - started) / 60
    print(f"Dialog suite on {date.today().isoformat()}: {args.dialogs.name}, model {model_path.name}, "
          f"openings as of {AS_OF.isoformat()}, {minutes:.1f} min, load average at start "
          f"{load[0]:.2f} / end {os.getloadavg()[0]:.2f}\n")  # fmt: skip
    print(tables(verdicts))
    print()
    print(summary_line(summarize(verdicts)))


def _test_model(settings: Settings) -> Path:
    """The tests' model (fewer epochs, var/test-rasa), trained only if its inputs changed."""
    folder = REPO / "var" / "test-rasa"
    argv = train_command(
        settings, config=small_config(folder), out=folder / "models", fixed_model_name="test"
    )
    subprocess.run(argv, env=rasa_environment(settings), cwd=REPO, check=True)
    return folder / "models" / "test.tar.gz"


def _fresh_home(base: Settings, home: Path, model: Path) -> Settings:
    """A new home with the sample openings imported and indexed, the shared model cache linked."""
    (home / "models").symlink_to(base.model_cache_dir.resolve(), target_is_directory=True)
    settings = base.model_copy(
        update={"home": home, "database_url": None, "rasa_model": model.resolve(),
                "rasa_port": free_port(), "action_port": free_port()}
    )  # fmt: skip
    command = [sys.executable, "-m", "bot.cli", "import", *map(str, SAMPLES)]
    env = {**os.environ, **settings.as_environment()}
    done = subprocess.run(command, env=env, cwd=REPO, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"importing the sample openings failed:\n{done.stdout}{done.stderr}")
    return settings


def _opening_sources(sessions: sessionmaker[Session]) -> dict[int, tuple[str, ...]]:
    """Opening id → its ``source:source_id`` keys."""
    keys: dict[int, list[str]] = {}
    with sessions() as session:
        rows = session.execute(
            select(OpeningSource.opening_id, Source.name, OpeningSource.source_record_id).join(
                Source
            )
        )
        for opening_id, source, record in rows:
            keys.setdefault(opening_id, []).append(f"{source}:{record}")
    return {opening_id: tuple(found) for opening_id, found in keys.items()}


@contextlib.contextmanager
def _servers(settings: Settings, timeout: float) -> Iterator[Stack]:
    """The Rasa server (`Stack`'s) and the suite's action server, started together; on a
    failed start the end of the server's log is shown (the home is deleted afterwards)."""
    stack = Stack(settings)
    port = str(settings.action_port)
    actions = ChildProcess(
        name="action server (dialog suite)",
        argv=[sys.executable, str(REPO / "bench/dialog_actions.py"), "--port", port,
              "--as-of", AS_OF.isoformat()],
        port=settings.action_port,
        health_url=f"{stack.actions_url}/health",
        log_path=settings.home / "logs" / "actions.log",
        env={**os.environ, **stack.settings.as_environment(), "PYTHONPATH": str(REPO)},
        cwd=REPO,
    )  # fmt: skip
    children = [actions, stack.rasa_server()]
    try:
        for child in children:
            child.start()
        for child in children:
            try:
                child.wait_healthy(timeout)
            except ChildFailedError:
                log = child.log_path.read_text(encoding="utf-8", errors="replace")
                print("\n".join(log.splitlines()[-30:]), file=sys.stderr)
                raise
        yield stack
    finally:
        for child in reversed(children):
            child.stop()


async def _run_all(
    dialogs: list[Dialog],
    stack: Stack,
    settings: Settings,
    sessions: sessionmaker[Session],
    variants: bool,
    waits: Waits,
) -> list[Transcript]:
    """Every wording of every dialog, one new seeker each, through one running front end."""
    transcripts = []
    with TelegramStandIn() as api:
        api.add_chat(STAFF_FORUM, is_forum=True, title="상담 데스크")
        changes = {"handoff_reannounce_minutes": 24 * 60}  # one dialog's handoff, not an old one's
        front = bot_settings(settings, api, **changes)
        async with (
            RasaClient(stack.rasa_url, timeout=30, token=stack.rasa_token) as rasa,
            running_bot(
                api, front, sessions, RasaClient(stack.rasa_url, timeout=30, token=stack.rasa_token)
            ) as running,
        ):
            for dialog in dialogs:
                for variant, turns in dialog.wordings(variants):
                    transcript = Transcript(dialog.id, variant)
                    try:
                        await _converse(running, rasa, transcript, turns, waits)
                    except Exception as error:  # a broken run is a failed dialog, not the end
                        transcript.error = f"{type(error).__name__}: {error}"
                    transcripts.append(transcript)
                    print(f"{dialog.id}/{variant}: {len(transcript.turns)} turns", file=sys.stderr)
    return transcripts


async def _converse(
    running: Running, rasa: RasaClient, transcript: Transcript, turns: tuple[str, ...], waits: Waits
) -> None:
    """One new seeker: /start, keep-profile consent, then every turn; the tracker's reading."""
    api, user = running.api, next(SEEKER_IDS)
    mark = running.mark()
    await _settle(running, api.send_command(user, user, "/start"), waits)
    transcript.start += _said_to(running, user, mark)
    question = next(
        (c for c in api.calls[mark:] if c.method == "sendMessage" and _has_button(c, KEEP_PROFILE)),
        None,
    )
    if question is None:
        raise RuntimeError("no consent question after /start")
    mark = running.mark()
    await _settle(
        running, api.press_button(user, user, question.result["message_id"], KEEP_PROFILE), waits
    )
    transcript.start += _said_to(running, user, mark)
    for text in turns:
        mark = running.mark()
        quiet = await _settle(running, api.send_text(user, user, text), waits)
        transcript.turns.append(
            Exchange(
                text,
                _said_to(running, user, mark),
                _forum_posts(running, mark),
                timed_out=not quiet,
            )
        )
    _annotate(transcript, await rasa.tracker(f"tg-{user}", include_events="ALL"))


async def _settle(running: Running, update: dict[str, Any], waits: Waits) -> bool:
    """Wait until the update was handled and the bot said nothing for ``waits.quiet`` s;
    False when ``waits.limit`` passed first."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + waits.limit
    handled, said, last_change = False, -1, loop.time()
    processor, queue = running.application.update_processor, running.application.update_queue
    while loop.time() < deadline:
        now_said = sum(1 for c in running.api.calls if c.method not in BACKGROUND)
        if now_said != said:
            said, last_change = now_said, loop.time()
        if not handled:
            with running.frontend.sessions() as session:
                handled = session.get(ProcessedUpdate, update["update_id"]) is not None
        idle = processor.current_concurrent_updates == 0 and queue.empty()
        if handled and idle and loop.time() - last_change >= waits.quiet:
            return True
        await asyncio.sleep(0.05)
    return False


def _said_to(running: Running, user: int, mark: int) -> list[BotMessage]:
    """The messages sent to the seeker's chat since ``mark``, buttons as Rasa payloads."""
    store = running.application.bot_data
    found = []
    for call in running.sent_since(mark, user):
        rows = (call.params.get("reply_markup") or {}).get("inline_keyboard", [])
        buttons = tuple(
            (
                b["text"],
                resolve_callback(b.get("callback_data", ""), store) or b.get("callback_data", ""),
            )
            for row in rows
            for b in row
        )
        found.append(BotMessage(str(call.params.get("text", "")), buttons))
    return found


def _forum_posts(running: Running, mark: int) -> int:
    """Topics created in the counselors' forum since ``mark``, and posts into them."""
    calls = running.api.calls[mark:]
    topics = {
        c.result["message_thread_id"]
        for c in calls
        if c.method == "createForumTopic" and not c.failed
    }
    posts = [
        c for c in calls
        if c.params.get("chat_id") == STAFF_FORUM and c.params.get("message_thread_id") in topics
        and c.method in {"sendMessage", "copyMessage", "forwardMessage"} and not c.failed
    ]  # fmt: skip
    return len(topics) + len(posts)


def _has_button(call: Call, data: str) -> bool:
    rows = (call.params.get("reply_markup") or {}).get("inline_keyboard", [])
    return any(b.get("callback_data") == data for row in rows for b in row)


def _annotate(transcript: Transcript, tracker: dict[str, Any]) -> None:
    """Put Rasa's intent and actions on each turn Rasa was asked about (matched by text)."""
    readings: list[tuple[str, str | None, list[str]]] = []
    for event in tracker.get("events") or []:
        if event.get("event") == "user":
            intent = (event.get("parse_data") or {}).get("intent") or {}
            readings.append((event.get("text") or "", intent.get("name"), []))
        elif event.get("event") == "action" and readings and event.get("name") not in QUIET:
            readings[-1][2].append(event["name"])
    position = 0
    for turn in transcript.turns:
        for index in range(position, len(readings)):
            text, intent, actions = readings[index]
            if text == turn.said:
                turn.intent, turn.actions, position = intent, tuple(actions), index + 1
                break


def _shown_ids(transcript: Transcript) -> set[int]:
    return {i for turn in transcript.turns for m in turn.replies for i in m.opening_ids}


def _write_transcripts(
    folder: Path, transcripts: list[Transcript], verdicts: list[Verdict]
) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for transcript, verdict in zip(transcripts, verdicts, strict=True):
        path = folder / f"{transcript.dialog_id}-{transcript.variant}.txt"
        path.write_text(render_transcript(transcript, verdict), encoding="utf-8")


if __name__ == "__main__":
    main()
