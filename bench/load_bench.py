"""Load and fault benchmark: many seekers at once through the real stack, a flooding chat,
and Telegram, SQLite and the action server failing underneath.

The real stack on loopback (the Rasa server and the action server, started by `Stack` in a
fresh home with the sample openings imported and indexed) and the real front end
(`bot.telegram.app.build_application`) polling the Bot API stand-in of `tests/helpers`.
Simulated seekers run in three phases of equal size, at most ``--concurrency`` at once, each
sending ``--turns`` turns of a scripted conversation (/start, 동의해요, what work, where, pay,
자세히 on a card, night shifts, thanks), waiting for the answer and a short pause in between:

    calm    nothing else happens
    flood   one more chat sends 100 messages at once as the phase starts
    faults  sendMessage answers 429 (retry_after 2 s) and 502; sendMessage and
            answerCallbackQuery answers come after PTB's read timeout (the message arrived);
            another connection holds SQLite's write lock for 3 s; the action server is
            killed and restarted

A turn lasts from the seeker's update until the front end finished handling it (a handler
in the last group notes the time). Its replies are the messages sent or edited in the
seeker's chat meanwhile; its latency is the time to the first. Counted: lost (a turn with
no reply at all, or none within ``--turn-timeout``), duplicated (the same text twice in one
turn), out of order (a message to the seeker outside every turn of theirs). The flood's
effect is the normal seekers' p95 in the flood phase minus the calm phase's.

Prints the phases and the machine's load, then one line scripts read:
``load: seekers N turns N turns_per_s X p95_ms X flood_delta_p95_ms X lost N duplicated N
out_of_order N``.

Usage: python bench/load_bench.py [--seekers 200] [--turns 8] [--concurrency 20]
       [--model PATH]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # the Telegram stand-in lives in tests/helpers

from dialog_eval import _fresh_home  # noqa: E402
from telegram import Update  # noqa: E402
from telegram.ext import TypeHandler  # noqa: E402

from bot.rasa_client import RasaClient  # noqa: E402
from bot.runtime.processes import ChildProcess  # noqa: E402
from bot.runtime.rasa_server import newest_model  # noqa: E402
from bot.runtime.stack import ACTIONS_START_TIMEOUT, Stack  # noqa: E402
from bot.services import open_database  # noqa: E402
from bot.settings import Settings  # noqa: E402
from bot.telegram import messages  # noqa: E402
from tests.bot.telegram.conftest import Running, bot_settings, button_data, running_bot  # noqa: E402
from tests.helpers.telegram_api import Call, TelegramStandIn  # noqa: E402

SCRIPT: tuple[tuple[str, str], ...] = (
    ("command", "/start"),
    ("button", messages.BUTTON_CONSENT_YES),
    ("text", "용접 일자리 찾고 있어요"),
    ("text", "군산 살아요"),
    ("text", "월급 250 이상이면 좋겠어요"),
    ("button", "자세히"),
    ("text", "야간 근무도 괜찮아요"),
    ("text", "고마워요"),
)
FLOOD_MESSAGES = 100
#: Later than PTB's default read timeout (5 s): the call times out, the message arrived.
SLOW_ANSWER_SECONDS = 7.0
USER_FACING = ("sendmessage", "editmessagetext")
PHASES = ("calm", "flood", "faults")


class FaultyStandIn(TelegramStandIn):
    """The stand-in, able to answer the next calls of a method only after a delay."""

    def __init__(self) -> None:
        super().__init__()
        self._slow: dict[str, int] = {}
        self._slow_lock = threading.Lock()
        self.slowed: Counter[str] = Counter()

    def slow_next(self, method: str, times: int) -> None:
        """Answer the next ``times`` calls of ``method`` after `SLOW_ANSWER_SECONDS`."""
        with self._slow_lock:
            self._slow[method.lower()] = self._slow.get(method.lower(), 0) + times

    def _answer(self, path: str, params: Any, client_gone: Callable[[], bool]) -> Any:
        method = path.rpartition("/")[2].lower()
        with self._slow_lock:
            slow = self._slow.get(method, 0) > 0
            if slow:
                self._slow[method] -= 1
                self.slowed[method] += 1
        response = super()._answer(path, params, client_gone)  # recorded: it arrived
        if slow:
            time.sleep(SLOW_ANSWER_SECONDS)
        return response


@dataclass
class Turn:
    user: int
    phase: str
    number: int
    sent_at: float
    done_at: float | None = None
    first_reply_ms: float | None = None
    replies: int = 0
    duplicated: int = 0


def percentile(values: list[float], share: float) -> float:
    """The ``share`` quantile (nearest rank); 0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


class Bench:
    """One run: the stand-in, the running front end and what happened."""

    def __init__(self, api: FaultyStandIn, running: Running, args: argparse.Namespace) -> None:
        self.api = api
        self.running = running
        self.args = args
        self.done: dict[int, float] = {}
        self.turns: list[Turn] = []
        self.slots = asyncio.Semaphore(args.concurrency)
        self.random = random.Random(14)
        self.restart_seconds = 0.0

    async def note_done(self, update: Update, _context: Any) -> None:
        self.done[update.update_id] = time.monotonic()

    async def seeker(self, user: int, phase: str) -> None:
        async with self.slots:
            for number in range(self.args.turns):
                kind, content = SCRIPT[number % len(SCRIPT)]
                update = self._act(user, kind, content)
                turn = Turn(user, phase, number, time.monotonic())
                self.turns.append(turn)
                deadline = turn.sent_at + self.args.turn_timeout
                while update["update_id"] not in self.done and time.monotonic() < deadline:
                    await asyncio.sleep(0.02)
                turn.done_at = self.done.get(update["update_id"])
                await asyncio.sleep(self.random.uniform(0.3, 1.0))  # reading, typing

    def _act(self, user: int, kind: str, content: str) -> dict[str, Any]:
        if kind == "command":
            return self.api.send_command(user, user, content)
        if kind == "button":
            shown = [
                c
                for c in self.api.calls_to("sendMessage")
                if c.params.get("chat_id") == user and content in _labels(c)
            ]
            if shown:
                call = shown[-1]
                data = button_data(call, content)
                return self.api.press_button(user, user, call.result["message_id"], data)
            content = "네"  # no such button this time: say something instead
        return self.api.send_text(user, user, content)

    async def flood(self, user: int) -> None:
        for number in range(FLOOD_MESSAGES):
            self.api.send_text(user, user, f"광고 {number} 지금 바로 연락 주세요")

    async def faults(self, settings: Settings, stack: Stack) -> None:
        api = self.api
        api.fail_next("sendMessage", status=429, retry_after=2, times=2)
        api.fail_next("sendMessage", status=502, times=3)
        api.slow_next("sendMessage", 2)
        api.slow_next("answerCallbackQuery", 2)
        await asyncio.sleep(2)
        await asyncio.to_thread(_hold_write_lock, settings.home / "jobbot.sqlite3", 3.0)
        await asyncio.sleep(2)
        actions = next(c for c in stack.children if c.name == "action server")
        started = time.monotonic()
        await asyncio.to_thread(_restart, actions)
        self.restart_seconds = time.monotonic() - started

    def judge(self, calls: list[Call]) -> tuple[int, int]:
        """Attribute the seeker-facing calls to turns; (lost turns, out-of-order messages)."""
        by_user: dict[int, list[Turn]] = {}
        for turn in self.turns:
            by_user.setdefault(turn.user, []).append(turn)
        stray = 0
        for call in calls:
            user = call.params.get("chat_id")
            if call.failed or call.method.lower() not in USER_FACING or user not in by_user:
                continue
            answered = next(
                (
                    t
                    for t in by_user[user]
                    if t.sent_at <= call.at and (t.done_at is None or call.at <= t.done_at + 0.05)
                ),
                None,
            )
            if answered is None:
                stray += 1
                continue
            if answered.first_reply_ms is None:
                answered.first_reply_ms = (call.at - answered.sent_at) * 1000
            answered.replies += 1
        for user, turns in by_user.items():
            for turn in turns:
                end = turn.done_at or float("inf")
                texts = Counter(
                    c.params.get("text")
                    for c in calls
                    if c.method == "sendMessage" and not c.failed
                    and c.params.get("chat_id") == user and turn.sent_at <= c.at <= end + 0.05
                )  # fmt: skip
                turn.duplicated = sum(n - 1 for n in texts.values() if n > 1)
        lost = sum(
            1 for t in self.turns if t.phase in PHASES and (t.done_at is None or t.replies == 0)
        )
        return lost, stray


def _labels(call: Call) -> list[str]:
    rows = (call.params.get("reply_markup") or {}).get("inline_keyboard", [])
    return [button["text"] for row in rows for button in row]


def _hold_write_lock(path: Path, seconds: float) -> None:
    """Hold SQLite's write lock as an import or another process would."""
    with contextlib.closing(sqlite3.connect(path, timeout=30)) as db:
        db.execute("BEGIN IMMEDIATE")
        time.sleep(seconds)
        db.rollback()


def _restart(child: ChildProcess) -> None:
    child.kill()
    child.start()
    child.wait_healthy(ACTIONS_START_TIMEOUT * 3)


async def run(settings: Settings, stack: Stack, args: argparse.Namespace) -> dict[str, Any]:
    sessions = open_database(settings)
    per_phase = max(1, args.seekers // len(PHASES))
    with FaultyStandIn() as api:
        rasa = RasaClient(
            stack.rasa_url, timeout=settings.rasa_timeout_seconds, token=stack.rasa_token
        )
        async with running_bot(api, bot_settings(settings, api), sessions, rasa) as running:
            bench = Bench(api, running, args)
            running.application.add_handler(TypeHandler(Update, bench.note_done), group=100)
            await bench.seeker(999_999, "warm-up")  # Rasa's and the index's first turns
            started = time.monotonic()
            spans = {}
            for index, phase in enumerate(PHASES):
                users = [1_000_000 + index * 10_000 + n for n in range(per_phase)]
                extra = []
                if phase == "flood":
                    extra.append(bench.flood(2_000_000))
                elif phase == "faults":
                    extra.append(bench.faults(settings, stack))
                phase_started = time.monotonic()
                await asyncio.gather(*(bench.seeker(u, phase) for u in users), *extra)
                spans[phase] = time.monotonic() - phase_started
            elapsed = time.monotonic() - started
            await asyncio.sleep(3)  # late messages would show up as out of order
            calls = api.calls
    lost, stray = bench.judge(calls)
    bench.turns = [t for t in bench.turns if t.phase in PHASES]
    failed = Counter((c.method, c.status) for c in calls if c.failed)
    return {
        "faults": (
            f"faults hit: sendMessage 429 x{failed[('sendMessage', 429)]}, "
            f"502 x{failed[('sendMessage', 502)]}; answers after the read timeout: "
            f"sendMessage x{api.slowed['sendmessage']}, "
            f"answerCallbackQuery x{api.slowed['answercallbackquery']}; SQLite write lock held 3 s; "
            f"action server killed, healthy again after {bench.restart_seconds:.0f} s"
        ),
        "bench": bench,
        "elapsed": elapsed,
        "spans": spans,
        "lost": lost,
        "stray": stray,
        "flood_answers": sum(
            1 for c in calls if c.method == "sendMessage" and c.params.get("chat_id") == 2_000_000
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seekers", type=int, default=200, help="normal seekers (all phases)")
    parser.add_argument("--turns", type=int, default=8, help="turns per seeker")
    parser.add_argument("--concurrency", type=int, default=20, help="seekers active at once")
    parser.add_argument("--turn-timeout", type=float, default=150.0, help="a lost turn, s")
    parser.add_argument("--model", type=Path, help="trained Rasa model (default: newest)")
    parser.add_argument("--start-timeout", type=float, default=600.0, help="per server, s")
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(name)s: %(message)s")
    base = Settings()
    test_model = REPO / "var/test-rasa/models/test.tar.gz"
    model = args.model or newest_model(base) or (test_model if test_model.exists() else None)
    if model is None or not model.exists():
        sys.exit("no trained Rasa model: run `jobbot rasa train` (or pass --model)")
    load = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="jobbot-load-") as folder:
        settings = _fresh_home(base, Path(folder), model)
        with Stack(settings, start_timeout=args.start_timeout) as stack:
            result = asyncio.run(run(stack.settings, stack, args))
    report(result, args, model, load)


def report(result: dict[str, Any], args: argparse.Namespace, model: Path, load: Any) -> None:
    bench: Bench = result["bench"]
    turns = bench.turns
    print(
        f"Load bench: {args.seekers} seekers x {args.turns} turns ({args.concurrency} at once), "
        f"model {model.name}, {result['elapsed']:.0f} s, load average at start {load[0]:.2f} / "
        f"end {os.getloadavg()[0]:.2f}"
    )
    print(f"{'phase':8} {'turns':>6} {'s':>6} {'p50_ms':>8} {'p95_ms':>8} {'lost':>5} {'dup':>4}")
    p95: dict[str, float] = {}
    for phase in PHASES:
        mine = [t for t in turns if t.phase == phase]
        latencies = [t.first_reply_ms for t in mine if t.first_reply_ms is not None]
        p95[phase] = percentile(latencies, 0.95)
        lost = sum(1 for t in mine if t.done_at is None or t.replies == 0)
        print(
            f"{phase:8} {len(mine):>6} {result['spans'][phase]:>6.0f} "
            f"{percentile(latencies, 0.5):>8.0f} {p95[phase]:>8.0f} {lost:>5} "
            f"{sum(t.duplicated for t in mine):>4}"
        )
    latencies = [t.first_reply_ms for t in turns if t.first_reply_ms is not None]
    print(f"flood chat: {FLOOD_MESSAGES} messages, {result['flood_answers']} messages back")
    print(result["faults"])
    print(f"all turns: p50 {statistics.median(latencies) if latencies else 0:.0f} ms")
    seekers = len({t.user for t in turns})
    print(
        f"load: seekers {seekers} turns {len(turns)} "
        f"turns_per_s {len(turns) / result['elapsed']:.2f} "
        f"p95_ms {percentile(latencies, 0.95):.0f} "
        f"flood_delta_p95_ms {p95['flood'] - p95['calm']:.0f} "
        f"lost {result['lost']} duplicated {sum(t.duplicated for t in turns)} "
        f"out_of_order {result['stray']}"
    )


if __name__ == "__main__":
    main()
