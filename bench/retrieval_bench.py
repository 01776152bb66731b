"""Retrieval benchmark: import and index throughput, match latency at 1k / 10k / 100k openings.

Prints a Markdown report (docs/benchmarks.md holds the latest run):
- import rows/s (synthetic canonical CSV into a fresh SQLite database);
- index build openings/s (real embeddings of the first 1,000 openings, plus BM25);
- `Matcher.match` latency p50/p95 per corpus size (model loaded, excluded from timing),
  and raw FAISS search latency for the same vectors, so the overhead is a ratio;
- peak RSS.

Beyond 1,000 openings the dense vectors are the real vectors of the first 1,000,
cycled with small Gaussian noise and re-normalized: embedding 100k passages on this
2-core CPU would take most of an hour and search latency does not depend on vector content.
Texts, BM25 terms and facts are real for every opening.

Usage: python bench/retrieval_bench.py [--sizes 1000,10000,100000] [--queries 200]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synth_openings import generate_openings, write_csv  # noqa: E402

from bot.services import match_policy, open_database, open_embedder  # noqa: E402
from bot.settings import Settings  # noqa: E402
from retrieval.catalog import Catalog  # noqa: E402
from retrieval.dense_index import DenseIndex  # noqa: E402
from retrieval.documents import dense_text, lexical_text  # noqa: E402
from retrieval.embedder import Embedder  # noqa: E402
from retrieval.indexer import sync_index  # noqa: E402
from retrieval.lexical import BM25Index, tokenize_many  # noqa: E402
from retrieval.matcher import Matcher  # noqa: E402
from storage.importer import import_files  # noqa: E402
from storage.openings import iter_openings  # noqa: E402

AS_OF = date(2026, 11, 1)
REAL_VECTORS = 1000
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


def build_corpus(
    home: Path, size: int, embedder: Embedder
) -> tuple[dict[str, float], Matcher, DenseIndex]:
    """Import ``size`` synthetic openings into ``home`` and build the indexes.

    Up to REAL_VECTORS openings the real `sync_index` builds the index (and is timed);
    beyond, the first REAL_VECTORS dense vectors are cycled with noise (module docstring).
    """
    settings = Settings(home=home, _env_file=None)  # type: ignore[call-arg]
    sessions = open_database(settings)
    csv_path = home / "openings.csv"
    write_csv(generate_openings(size, seed=11, as_of=AS_OF), csv_path)
    numbers: dict[str, float] = {}

    started = time.perf_counter()
    with sessions() as session:
        summary = import_files(session, [csv_path])
    numbers["import_rows_per_s"] = summary.files[0].rows / (time.perf_counter() - started)

    if size <= REAL_VECTORS:
        started = time.perf_counter()
        with sessions() as session:
            report = sync_index(session, folder=settings.index_dir, embedder=embedder, full=True)
        numbers["index_openings_per_s"] = report.total / (time.perf_counter() - started)
        matcher = Matcher.open(
            index_dir=settings.index_dir,
            embedder=embedder,
            sessions=sessions,
            policy=match_policy(settings),
        )
        return numbers, matcher, matcher.dense

    with sessions() as session:
        openings = list(iter_openings(session=session))
        ids = np.asarray([o.id for o in openings], dtype=np.int64)
        heads = [dense_text(o) for o in openings[:REAL_VECTORS]]
        full_texts = [lexical_text(o) for o in openings]
    real_vectors = embedder.encode_passages(heads)
    rng = np.random.default_rng(5)
    # Cross-source duplicates merge on import, so there are fewer openings than rows.
    noise = rng.normal(0, 0.02, (len(ids), real_vectors.shape[1]))
    vectors = real_vectors[np.arange(len(ids)) % REAL_VECTORS] + noise
    vectors = (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)
    dense = DenseIndex.empty(vectors.shape[1])
    dense.upsert(ids, vectors)
    lexical = BM25Index()
    for doc_id, terms in zip(ids, tokenize_many(full_texts), strict=True):
        lexical.upsert(int(doc_id), terms)
    with sessions() as session:
        catalog = Catalog.load(session)
    matcher = Matcher(
        embedder=embedder,
        dense=dense,
        lexical=lexical,
        catalog=catalog,
        sessions=sessions,
        policy=match_policy(settings),
    )
    return numbers, matcher, dense


def main() -> None:
    """Run the benchmark and print the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    embedder = open_embedder(Settings(home=REPO / "var", _env_file=None))  # type: ignore[call-arg]
    queries = seeker_queries(args.queries)
    rows = []
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            numbers, matcher, dense = build_corpus(Path(tmp), size, embedder)
            for text in queries[:10]:  # warm-up: Kiwi, torch, caches
                matcher.match(text, as_of=AS_OF)
            latencies = []
            for text in queries:
                started = time.perf_counter()
                matcher.match(text, as_of=AS_OF)
                latencies.append((time.perf_counter() - started) * 1000)
            query_vectors = embedder.encode_queries(queries)
            faiss_ms = []
            for vector in query_vectors:
                started = time.perf_counter()
                dense.search(vector, 100)
                faiss_ms.append((time.perf_counter() - started) * 1000)
            numbers["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            rows.append((size, numbers, latencies, faiss_ms))
            print(f"... {size} done", file=sys.stderr)

    print(
        f"Benchmark on {date.today()} ({args.queries} seeker texts per size, model load excluded)\n"
    )
    print(
        "| openings | import rows/s | index openings/s | match p50 ms | match p95 ms "
        "| FAISS p50 ms | FAISS p95 ms | match/FAISS p50 | peak RSS MB |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size, numbers, latencies, faiss_ms in rows:
        index_rate = numbers.get("index_openings_per_s")
        print(
            f"| {size:,} | {numbers['import_rows_per_s']:.0f} "
            f"| {f'{index_rate:.1f}' if index_rate else '—'} "
            f"| {percentile(latencies, 50):.1f} | {percentile(latencies, 95):.1f} "
            f"| {percentile(faiss_ms, 50):.2f} | {percentile(faiss_ms, 95):.2f} "
            f"| {statistics.median(latencies) / max(statistics.median(faiss_ms), 1e-6):.1f}x "
            f"| {numbers['peak_rss_mb']:.0f} |"
        )
    print(
        f"\nIndex build is timed on the {REAL_VECTORS:,}-opening corpus (real embeddings); "
        "larger corpora reuse its vectors (see bench/retrieval_bench.py)."
    )


if __name__ == "__main__":
    main()
