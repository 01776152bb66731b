"""Retrieval benchmark: import and index throughput, match latency at 1k / 10k / 100k openings.

Prints a Markdown report (docs/benchmarks.md holds the latest run):
- import rows/s (synthetic canonical CSV into a fresh SQLite database);
- index build openings/s (real embeddings of the first 1,000 openings, plus BM25);
- `Matcher.match` latency p50/p95 per corpus size (model loaded, excluded from timing),
  over the persisted indexes as `jobbot` opens them (the dense kind follows the size);
- exact (flat) FAISS search latency for the same vectors, unfiltered, so the overhead
  is a ratio; the search latency of the dense index actually used;
- recall of that index against flat: top 10 unfiltered, and top 10 / top 100 under
  each seeker text's own filters (what the matcher asks for);
- peak RSS, and the load average, since the machine is shared.

Corpora come from bench/bench_corpus.py and are cached under var/bench-cache/ (the 100k
one takes several minutes to build); their import and index rates are those measured
when they were built. Beyond 1,000 openings the dense vectors are the real vectors of the
first 1,000, cycled with small Gaussian noise and re-normalized (see bench_corpus.py).

Usage: python bench/retrieval_bench.py [--sizes 1000,10000,100000] [--queries 200] [--fresh]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_corpus import AS_OF, REAL_VECTORS, Corpus, open_corpus  # noqa: E402

import nlu  # noqa: E402
from bot.services import open_embedder  # noqa: E402
from bot.settings import Settings  # noqa: E402
from retrieval.constraints import allowed_rows  # noqa: E402
from retrieval.dense_index import DenseIndex  # noqa: E402
from retrieval.matcher import Matcher, dense_query, named_targets, seeker_jobs  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100) of the values, in the same unit."""
    return float(np.percentile(np.asarray(values), q))


def seeker_queries(n: int) -> list[str]:
    """Seeker texts from the dev set, cycled to ``n``."""
    dev = REPO / "data/eval/retrieval_dev.jsonl"
    texts = [
        json.loads(line)["text"] for line in dev.read_text(encoding="utf-8").splitlines() if line
    ]
    return [texts[i % len(texts)] for i in range(n)]


def search_ms(index: DenseIndex, vectors: np.ndarray, k: int = 100) -> list[float]:
    """Latency (ms) of an unfiltered top-``k`` search per query vector."""
    latencies = []
    for vector in vectors:
        started = time.perf_counter()
        index.search(vector, k)
        latencies.append((time.perf_counter() - started) * 1000)
    return latencies


def recall(
    matcher: Matcher, exact: DenseIndex, texts: list[str], vectors: np.ndarray
) -> dict[str, float]:
    """Overlap of the matcher's dense index with exact search (1.0 = same ids).

    ``@10``: top 10, unfiltered; ``filtered@10`` / ``filtered@100``: under each text's
    hard filters, as :meth:`Matcher.rank` searches.
    """
    catalog = matcher.catalog
    hits: dict[str, list[float]] = {"@10": [], "filtered@10": [], "filtered@100": []}
    for text, vector in zip(texts, vectors, strict=True):
        approx, _ = matcher.dense.search(vector, 10)
        truth, _ = exact.search(vector, 10)
        hits["@10"].append(len(set(approx) & set(truth)) / max(len(truth), 1))
        profile = nlu.parse_seeker_text(text)
        mask = allowed_rows(catalog, profile, as_of=AS_OF)
        allowed = catalog.ids[mask]
        for k in (10, 100):
            approx, _ = matcher.dense.search(vector, k, allowed=allowed)
            truth, _ = exact.search(vector, k, allowed=allowed)
            hits[f"filtered@{k}"].append(len(set(approx) & set(truth)) / max(len(truth), 1))
    return {name: float(np.mean(values)) for name, values in hits.items()}


def _dense_text(text: str) -> str:
    """What :meth:`Matcher.rank` embeds for a typed text."""
    targets = named_targets(seeker_jobs(text, None))
    return dense_query(text, nlu.parse_seeker_text(text), targets=targets)


def measure(corpus: Corpus, matcher: Matcher, queries: list[str]) -> dict[str, Any]:
    """Match latencies, dense search latencies and recall on one corpus."""
    for text in queries[:10]:  # warm-up: Kiwi, torch, caches
        matcher.match(text, as_of=AS_OF)
    latencies = []
    for text in queries:
        started = time.perf_counter()
        matcher.match(text, as_of=AS_OF)
        latencies.append((time.perf_counter() - started) * 1000)
    unique = list(dict.fromkeys(queries))
    vectors = matcher.embedder.encode_queries([_dense_text(t) for t in unique])
    exact = DenseIndex.empty(corpus.vectors.shape[1])
    exact.upsert(corpus.ids, corpus.vectors)
    cycled = vectors[np.arange(len(queries)) % len(unique)]
    return {
        "match": latencies,
        "flat": search_ms(exact, cycled),
        "index": search_ms(matcher.dense, cycled),
        "recall": recall(matcher, exact, unique, vectors) if matcher.dense.kind != "flat" else {},
    }


def main() -> None:
    """Run the benchmark and print the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--fresh", action="store_true", help="rebuild the cached corpora")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    embedder = open_embedder(Settings(home=REPO / "var", _env_file=None))  # type: ignore[call-arg]
    queries = seeker_queries(args.queries)
    rows = []
    for size in sizes:
        corpus = open_corpus(size, embedder, fresh=args.fresh)
        matcher = corpus.matcher(embedder)
        results = measure(corpus, matcher, queries)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        results["load"] = os.getloadavg()[0]
        rows.append((size, corpus, matcher.dense, results, peak))
        print(f"... {size} done", file=sys.stderr)

    print(
        f"Benchmark on {date.today()} ({args.queries} seeker texts per size, model load excluded)\n"
    )
    print(
        "| openings | import rows/s | index openings/s | dense index | match p50 ms "
        "| match p95 ms | FAISS flat p50 ms | FAISS flat p95 ms | index p50 ms "
        "| match/flat p50 | peak RSS MB | load |"
    )
    print("|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size, corpus, dense, results, peak in rows:
        index_rate = corpus.numbers.get("index_openings_per_s")
        kind = dense.kind if dense.kind == "flat" else f"{dense.kind}{dense.lists}"
        match_ms, flat_ms, index_ms = results["match"], results["flat"], results["index"]
        print(
            f"| {size:,} | {corpus.numbers['import_rows_per_s']:.0f} "
            f"| {f'{index_rate:.1f}' if index_rate else '—'} | {kind} "
            f"| {percentile(match_ms, 50):.1f} | {percentile(match_ms, 95):.1f} "
            f"| {percentile(flat_ms, 50):.2f} | {percentile(flat_ms, 95):.2f} "
            f"| {percentile(index_ms, 50):.2f} "
            f"| {statistics.median(match_ms) / max(statistics.median(flat_ms), 1e-6):.1f}x "
            f"| {peak:.0f} | {results['load']:.1f} |"
        )
    print()
    for size, corpus, dense, results, _ in rows:
        if results["recall"]:
            found = ", ".join(f"{name} {value:.3f}" for name, value in results["recall"].items())
            print(
                f"{size:,} openings, {dense.kind} ({dense.lists} lists, built in "
                f"{corpus.numbers['dense_build_s']:.1f} s), recall against flat: {found}"
            )
    print(
        "\nload = the 1-minute load average right after the size's runs (2 cores; the machine"
        " is shared, and the embedding model's 2 threads slow down sharply when it is busy)."
    )
    print(
        f"Index build is timed on the {REAL_VECTORS:,}-opening corpus (real embeddings); "
        "larger corpora reuse its vectors (see bench/bench_corpus.py)."
    )
    for size, corpus, *_ in rows:
        if corpus.cached:
            built = corpus.numbers.get("built_at")
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(built)) if built else "?"
            load = corpus.numbers.get("build_load")
            print(
                f"The {size:,} corpus comes from the cache: its import and index rates were "
                f"measured when it was built ({when}, load average "
                f"{f'{load:.1f}' if load is not None else '?'}); --fresh measures them again."
            )


if __name__ == "__main__":
    main()
