"""Synthetic benchmark corpora of 1k to 100k openings, built once and cached on disk.

A corpus is a jobbot home (``jobbot.sqlite3`` and ``index/``) under
``var/bench-cache/openings-<size>-v<CACHE_VERSION>/``. Building the 100k one takes several
minutes (generation, import, Kiwi over every text), so `retrieval_bench.py` and
`match_profile.py` share the cache; ``fresh=True`` rebuilds it.

Up to REAL_VECTORS openings the real :func:`retrieval.indexer.sync_index` builds the index
(and is timed). Beyond, the dense vectors are the real vectors of the first REAL_VECTORS
openings, cycled with small Gaussian noise and re-normalized: embedding 100k passages on
a 2-core CPU would take most of an hour and search latency does not depend on vector
content. Texts, BM25 terms and facts are real for every opening.

The cache keeps the vectors (``vectors.npy``, ``ids.npy``) besides the index folder, and
:func:`open_corpus` rebuilds the dense index from them on every run (of the kind the
corpus size calls for), so what gets measured is always the current
:class:`retrieval.dense_index.DenseIndex`.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
from synth_openings import generate_openings, write_csv

from bot.services import match_policy, open_database
from bot.settings import Settings
from retrieval.dense_index import DenseIndex
from retrieval.documents import dense_text, lexical_text
from retrieval.embedder import Embedder
from retrieval.indexer import MANIFEST, sync_index, write_manifest
from retrieval.lexical import BM25Index, tokenize_many
from retrieval.matcher import Matcher
from storage.importer import import_files
from storage.openings import iter_openings

__all__ = ["AS_OF", "CACHE_ROOT", "REAL_VECTORS", "Corpus", "open_corpus"]

AS_OF = date(2026, 11, 1)
REAL_VECTORS = 1000
REPO = Path(__file__).resolve().parent.parent
CACHE_ROOT = REPO / "var/bench-cache"
#: Bump when what a cached corpus holds changes (generator seed, layout).
CACHE_VERSION = 1
NUMBERS = "bench.json"


@dataclass
class Corpus:
    """A built corpus: its home, the numbers measured while building it, its vectors."""

    home: Path
    numbers: dict[str, float]
    ids: np.ndarray  # int64, ascending
    vectors: np.ndarray  # float32 (len(ids), dim), rows L2-normalized
    cached: bool

    @property
    def settings(self) -> Settings:
        """Settings of the corpus' home."""
        return Settings(home=self.home, _env_file=None)  # type: ignore[call-arg]

    def matcher(self, embedder: Embedder) -> Matcher:
        """A matcher over the persisted indexes, opened the way the bot opens one."""
        settings = self.settings
        return Matcher.open(
            index_dir=settings.index_dir,
            embedder=embedder,
            sessions=open_database(settings),
            policy=match_policy(settings),
        )


def open_corpus(
    size: int, embedder: Embedder, *, cache_root: Path = CACHE_ROOT, fresh: bool = False
) -> Corpus:
    """The corpus of ``size`` synthetic openings, from the cache or built into it."""
    home = cache_root / f"openings-{size}-v{CACHE_VERSION}"
    cached = (home / NUMBERS).exists() and not fresh
    if not cached:
        shutil.rmtree(home, ignore_errors=True)
        building = home.with_name(home.name + ".building")
        shutil.rmtree(building, ignore_errors=True)
        building.mkdir(parents=True)
        _build(building, size, embedder)
        building.rename(home)
    numbers = json.loads((home / NUMBERS).read_text(encoding="utf-8"))
    ids = np.load(home / "ids.npy")
    vectors = np.load(home / "vectors.npy")
    index_dir = home / "index"
    started = time.perf_counter()
    dense = DenseIndex.build(ids, vectors)
    numbers["dense_build_s"] = time.perf_counter() - started
    dense.save(index_dir)
    manifest = json.loads((index_dir / MANIFEST).read_text(encoding="utf-8"))
    write_manifest(index_dir, model=manifest["model"], dense=dense, docs=manifest["docs"])
    return Corpus(home=home, numbers=numbers, ids=ids, vectors=vectors, cached=cached)


def _build(home: Path, size: int, embedder: Embedder) -> None:
    settings = Settings(home=home, _env_file=None)  # type: ignore[call-arg]
    sessions = open_database(settings)
    csv_path = home / "openings.csv"
    write_csv(generate_openings(size, seed=11, as_of=AS_OF), csv_path)
    numbers: dict[str, float] = {}

    started = time.perf_counter()
    with sessions() as session:
        summary = import_files(session, [csv_path])
    numbers["import_rows_per_s"] = summary.files[0].rows / (time.perf_counter() - started)
    csv_path.unlink()
    index_dir = settings.index_dir

    if size <= REAL_VECTORS:
        started = time.perf_counter()
        with sessions() as session:
            report = sync_index(session, folder=index_dir, embedder=embedder, full=True)
        numbers["index_openings_per_s"] = report.total / (time.perf_counter() - started)
        ids, vectors = DenseIndex.load(index_dir).vectors()
    else:
        with sessions() as session:
            openings = list(iter_openings(session=session))
            ids = np.asarray([o.id for o in openings], dtype=np.int64)
            hashes = {o.id: o.content_hash for o in openings}
            heads = [dense_text(o) for o in openings[:REAL_VECTORS]]
            full_texts = [lexical_text(o) for o in openings]
        real_vectors = embedder.encode_passages(heads)
        rng = np.random.default_rng(5)
        # Cross-source duplicates merge on import, so there are fewer openings than rows.
        noise = rng.normal(0, 0.02, (len(ids), real_vectors.shape[1]))
        raw = real_vectors[np.arange(len(ids)) % REAL_VECTORS] + noise
        vectors = (raw / np.linalg.norm(raw, axis=1, keepdims=True)).astype(np.float32)
        lexical = BM25Index()
        for doc_id, terms in zip(ids, tokenize_many(full_texts), strict=True):
            lexical.upsert(int(doc_id), terms)
        lexical.save(index_dir)
        write_manifest(index_dir, model=embedder.name, dense=DenseIndex.empty(1), docs=hashes)
    np.save(home / "ids.npy", ids)
    np.save(home / "vectors.npy", vectors)
    # The machine is shared: keep when, and under what load, the rates were measured.
    numbers["built_at"] = time.time()
    numbers["build_load"] = os.getloadavg()[0]
    (home / NUMBERS).write_text(json.dumps(numbers), encoding="utf-8")
