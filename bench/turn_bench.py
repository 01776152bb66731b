"""Full turn latency: REST → Rasa → action server → retrieval → reply, over a scripted conversation.

Starts the stack on the configured home (like `jobbot chat`; needs a trained model:
`jobbot rasa train`, and imported, indexed openings) unless it is already running,
replays the script with fresh sender ids, and prints p50/p95 per kind of turn and overall.

Usage: python bench/turn_bench.py [--conversations 20]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
import uuid
from datetime import date

from bot.rasa_client import RasaClient
from bot.runtime.stack import Stack
from bot.settings import Settings

#: (kind, message): a seeker who names a trade (results at once), adds conditions (each
#: searches again), browses, asks details, corrects the region.
SCRIPT = [
    ("greeting", "안녕하세요"),
    ("profile facts → search", "조선소에서 용접 15년 했고 특수용접 있어요. 군산 살아요"),
    ("pay → search again", "월 300 이상이요"),
    ("shift → search again", "야간은 못해요"),
    ("more results", "더 보여주세요"),
    ("details", "1번 자세히 알려줘"),
    ("correction → search", "아 지역은 익산이요"),
    ("thanks", "고마워요"),
]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def replay(rasa_url: str, token: str, conversations: int) -> dict[str, list[float]]:
    timings: dict[str, list[float]] = {kind: [] for kind, _ in SCRIPT}
    async with RasaClient(rasa_url, token=token) as rasa:
        await rasa.send("bench-warmup", SCRIPT[1][1])  # first-call costs are not a turn's
        for _ in range(conversations):
            sender = f"bench-{uuid.uuid4().hex[:8]}"
            for kind, text in SCRIPT:
                started = time.perf_counter()
                replies = await rasa.send(sender, text)
                timings[kind].append((time.perf_counter() - started) * 1000)
                assert replies, f"no reply to {text!r}"
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", type=int, default=20)
    args = parser.parse_args()
    with Stack(Settings()) as stack:
        timings = asyncio.run(replay(stack.rasa_url, stack.rasa_token, args.conversations))
    every = [t for values in timings.values() for t in values]
    print(f"Turn latency on {date.today().isoformat()} ({args.conversations} conversations, "
          f"{len(every)} turns)\n")  # fmt: skip
    print("| turn | p50 ms | p95 ms |")
    print("|---|---:|---:|")
    for kind, values in timings.items():
        print(f"| {kind} | {statistics.median(values):.1f} | {percentile(values, 0.95):.1f} |")
    print(f"| **all turns** | {statistics.median(every):.1f} | {percentile(every, 0.95):.1f} |")


if __name__ == "__main__":
    main()
