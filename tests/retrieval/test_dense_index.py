"""FAISS dense index: search order, id-restricted search, upsert/remove, persistence."""

from pathlib import Path

import numpy as np

from retrieval.dense_index import DenseIndex


def unit_rows(rng: np.random.Generator, n: int, dim: int = 16) -> np.ndarray:
    vectors = rng.standard_normal((n, dim)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def test_search_returns_best_first_by_cosine() -> None:
    rng = np.random.default_rng(0)
    vectors = unit_rows(rng, 50)
    ids = np.arange(100, 150, dtype=np.int64)
    index = DenseIndex.empty(16)
    index.upsert(ids, vectors)
    found, scores = index.search(vectors[7], 5)
    assert found[0] == 107
    assert np.all(np.diff(scores) <= 1e-6)
    expected = ids[np.argsort(-(vectors @ vectors[7]))[:5]]
    assert found.tolist() == expected.tolist()


def test_allowed_ids_restrict_the_search() -> None:
    rng = np.random.default_rng(1)
    vectors = unit_rows(rng, 30)
    index = DenseIndex.empty(16)
    index.upsert(np.arange(30, dtype=np.int64), vectors)
    allowed = np.asarray([2, 5, 11], dtype=np.int64)
    found, _ = index.search(vectors[0], 10, allowed=allowed)
    assert sorted(found.tolist()) == [2, 5, 11]
    assert index.search(vectors[0], 10, allowed=np.empty(0, np.int64))[0].size == 0


def test_upsert_replaces_and_remove_drops(tmp_path: Path) -> None:
    rng = np.random.default_rng(2)
    vectors = unit_rows(rng, 3)
    index = DenseIndex.empty(16)
    index.upsert(np.asarray([1, 2, 3], dtype=np.int64), vectors)
    index.upsert(np.asarray([2], dtype=np.int64), vectors[:1])  # id 2 now looks like id 1
    index.remove(np.asarray([3, 99], dtype=np.int64))
    assert len(index) == 2
    index.save(tmp_path)
    loaded = DenseIndex.load(tmp_path)
    found, scores = loaded.search(vectors[0], 5)
    assert sorted(found.tolist()) == [1, 2]
    assert np.allclose(scores, 1.0, atol=1e-5)
