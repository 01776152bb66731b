"""FAISS dense index: search order, id-restricted search, upsert/remove, persistence,
flat below the size threshold and IVF above it."""

from pathlib import Path

import numpy as np
import pytest

from retrieval import dense_index
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


def test_allowed_ids_far_apart_and_beyond_the_index_are_handled() -> None:
    rng = np.random.default_rng(3)
    vectors = unit_rows(rng, 40)
    ids = np.arange(1, 41, dtype=np.int64) * 1000
    index = DenseIndex.empty(16)
    index.upsert(ids, vectors)
    allowed = np.asarray([3000, 17000, 40000, 90000], dtype=np.int64)  # 90000 is not indexed
    found, _ = index.search(vectors[0], 10, allowed=allowed)
    assert sorted(found.tolist()) == [3000, 17000, 40000]


def test_small_corpora_stay_flat_and_large_ones_become_ivf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dense_index, "APPROXIMATE_FROM", 500)
    rng = np.random.default_rng(4)
    vectors = unit_rows(rng, 600)
    ids = np.arange(10, 610, dtype=np.int64)
    small = DenseIndex.build(ids[:400], vectors[:400])
    assert small.kind == "flat" and small.fitted() is small
    large = DenseIndex.build(ids, vectors)
    assert large.kind == "ivf" and large.lists == dense_index.lists_for(600)
    assert large.fitted() is large
    kept_ids, kept = large.vectors()
    assert kept_ids.tolist() == ids.tolist()
    assert np.array_equal(kept, vectors)
    large.remove(ids[300:])
    assert large.fitted().kind == "flat"


def test_ivf_search_matches_flat_when_the_filter_leaves_few(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(dense_index, "APPROXIMATE_FROM", 1000)
    rng = np.random.default_rng(5)
    vectors = unit_rows(rng, 3000)
    ids = np.arange(3000, dtype=np.int64) + 1
    flat = DenseIndex.empty(16)
    flat.upsert(ids, vectors)
    DenseIndex.build(ids, vectors).save(tmp_path)
    loaded = DenseIndex.load(tmp_path)
    assert loaded.kind == "ivf" and len(loaded) == 3000
    allowed = np.sort(rng.choice(ids, 40, replace=False))
    for query in vectors[:20]:
        # Few allowed vectors: every list is probed, so the search is exact.
        expected, _ = flat.search(query, 10, allowed=allowed)
        found, _ = loaded.search(query, 10, allowed=allowed)
        assert found.tolist() == expected.tolist()
    found, scores = loaded.search(vectors[7], 1)
    assert found.tolist() == [8] and np.isclose(scores[0], 1.0, atol=1e-5)


def test_upsert_and_remove_work_on_an_ivf_index(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dense_index, "APPROXIMATE_FROM", 500)
    rng = np.random.default_rng(6)
    vectors = unit_rows(rng, 800)
    ids = np.arange(800, dtype=np.int64)
    index = DenseIndex.build(ids, vectors)
    index.upsert(np.asarray([5], dtype=np.int64), vectors[100:101])
    index.remove(np.asarray([100], dtype=np.int64))
    assert len(index) == 799
    found, _ = index.search(vectors[100], 1)
    assert found.tolist() == [5]


def test_huge_ids_are_filtered_without_a_bitmap() -> None:
    rng = np.random.default_rng(7)
    vectors = unit_rows(rng, 4)
    ids = np.asarray([2, 7, 10**12, 10**12 + 1], dtype=np.int64)
    index = DenseIndex.empty(16)
    index.upsert(ids, vectors)
    found, _ = index.search(vectors[0], 4, allowed=np.asarray([7, 10**12], dtype=np.int64))
    assert sorted(found.tolist()) == [7, 10**12]


@pytest.mark.parametrize("huge", [False, True])
def test_a_mask_over_ids_filters_like_the_ids_it_keeps(
    huge: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dense_index, "APPROXIMATE_FROM", 100)
    monkeypatch.setattr(dense_index, "IVF_SCAN", 40)  # the lists probed follow the count allowed
    rng = np.random.default_rng(8)
    ids = np.sort(rng.choice(5000, 400, replace=False)).astype(np.int64)
    if huge:  # beyond BITMAP_IDS: filtered by an id set instead of a bitmap
        ids[-1] = 10**12
    vectors = unit_rows(rng, len(ids))
    index = DenseIndex.build(ids, vectors)
    assert index.kind == "ivf"
    for share in (0.9, 0.3, 0.02, 0.0):
        mask = rng.random(len(ids)) < share
        mask[-1] = share > 0  # the largest id allowed or not
        for query in vectors[:5]:
            expected = index.search(query, 20, allowed=ids[mask])
            found = index.search(query, 20, allowed=ids, mask=mask)
            assert found[0].tolist() == expected[0].tolist()
            assert found[1].tobytes() == expected[1].tobytes()
            assert set(found[0].tolist()) <= set(ids[mask].tolist())
