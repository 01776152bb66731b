"""Where `Matcher.match` spends its time: p50/p95 per stage on a cached synthetic corpus.

Each stage is a function or method the matcher calls, wrapped with a timer (see STAGES;
a call nested in another of the same stage counts once, and names a matcher version
lacks are skipped, so the script profiles older versions too); "other" is the rest of
`match` (array glue, fusion, sorting, opening the session).

``--clock`` picks what is timed: ``wall`` (perf_counter), ``process`` (the process's CPU
time, every thread: ONNX Runtime's workers included) or ``thread`` (the main thread's CPU).
On a shared machine CPU time is the fairer before/after comparison: wall time also counts
waiting for a core another job holds.

Usage: python bench/match_profile.py [--size 100000] [--queries 200] [--clock wall]
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_corpus import AS_OF, REPO, open_corpus  # noqa: E402
from retrieval_bench import seeker_queries  # noqa: E402

import nlu  # noqa: E402
import retrieval.matcher  # noqa: E402
from bot.services import open_embedder  # noqa: E402
from bot.settings import Settings  # noqa: E402
from retrieval.matcher import Matcher  # noqa: E402

#: What ``--clock`` names: the timer functions, in seconds.
CLOCKS: dict[str, Callable[[], float]] = {
    "wall": time.perf_counter,
    "process": time.process_time,
    "thread": time.thread_time,
}

#: (stage, where the callable lives, its attribute name); names absent from an object are skipped.
STAGES: list[tuple[str, str, str]] = [
    ("parse", "nlu", "parse_seeker_text"),
    ("filters", "matcher_module", "home_region"),
    ("filters", "matcher_module", "distances_km"),
    ("filters", "matcher_module", "allowed_rows"),
    ("filters", "matcher", "_allowed"),
    ("filters", "matcher", "_distances_from"),
    ("encode", "embedder", "encode_queries"),
    ("dense", "dense", "search"),
    ("lexical", "matcher_module", "tokenize"),
    ("lexical", "lexical", "scores"),
    ("lexical", "lexical", "top"),
    ("rescore", "matcher_module", "rescore"),
    ("rescore", "matcher_module", "beyond_commute"),
    ("occupations", "matcher_module", "read_seeker_jobs"),
    ("db", "matcher_module", "get_openings"),
    ("explain", "matcher_module", "explain"),
    ("explain", "matcher_module", "format_pay"),
]


def instrument(matcher: Matcher, spent: dict[str, float], clock: Callable[[], float]) -> None:
    """Wrap every STAGES callable so its time on ``clock`` adds to ``spent[stage]`` (ms)."""
    owners: dict[str, Any] = {
        "nlu": nlu,
        "matcher_module": retrieval.matcher,
        "matcher": matcher,
        "embedder": matcher.embedder,
        "dense": matcher.dense,
        "lexical": matcher.lexical,
    }
    active: dict[tuple[int, str], bool] = {}  # (thread, stage) → inside a timed call
    for stage, owner_name, attr in STAGES:
        owner = owners[owner_name]
        original = getattr(owner, attr, None)
        if original is None:
            continue

        def timed(
            *args: Any, _f: Callable[..., Any] = original, _stage: str = stage, **kwargs: Any
        ) -> Any:
            key = (threading.get_ident(), _stage)
            if active.get(key):
                return _f(*args, **kwargs)
            active[key] = True
            started = clock()
            try:
                return _f(*args, **kwargs)
            finally:
                spent[_stage] += (clock() - started) * 1000
                active[key] = False

        setattr(owner, attr, functools.wraps(original)(timed))


def main() -> None:
    """Profile and print a per-stage table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--fresh", action="store_true", help="rebuild the cached corpus")
    parser.add_argument("--clock", choices=sorted(CLOCKS), default="wall")
    args = parser.parse_args()
    clock = CLOCKS[args.clock]

    embedder = open_embedder(Settings(home=REPO / "var", _env_file=None))  # type: ignore[call-arg]
    corpus = open_corpus(args.size, embedder, fresh=args.fresh)
    matcher = corpus.matcher(embedder)
    queries = seeker_queries(args.queries)
    for text in queries[:10]:  # warm-up: Kiwi, torch, lazily built matrices
        matcher.match(text, as_of=AS_OF)

    spent: dict[str, float] = defaultdict(float)
    instrument(matcher, spent, clock)
    per_stage: dict[str, list[float]] = defaultdict(list)
    for text in queries:
        spent.clear()
        started = clock()
        matcher.match(text, as_of=AS_OF)
        total = (clock() - started) * 1000
        stages = {name for name, _, _ in STAGES}
        for name in stages:
            per_stage[name].append(spent.get(name, 0.0))
        per_stage["other"].append(total - sum(spent.values()))
        per_stage["total"].append(total)

    print(
        f"Matcher.match stages at {len(corpus.ids):,} openings, {len(queries)} queries "
        f"(ms, {args.clock} clock; load average {os.getloadavg()[0]:.1f})\n"
    )
    print("| stage | p50 | p95 | mean |")
    print("|---|---:|---:|---:|")
    order = [*dict.fromkeys(name for name, _, _ in STAGES), "other", "total"]
    for name in order:
        values = np.asarray(per_stage[name])
        print(
            f"| {name} | {np.percentile(values, 50):.2f} | {np.percentile(values, 95):.2f} "
            f"| {values.mean():.2f} |"
        )


if __name__ == "__main__":
    main()
