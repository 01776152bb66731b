"""The shortcuts BM25 takes for speed change no bit of its scores or rankings."""

import numpy as np
import pytest

import retrieval.lexical
from retrieval.lexical import BM25Index


def random_index(seed: int) -> BM25Index:
    """400 documents over a vocabulary from very common (in most documents) to rare.

    Documents repeat 80 term lists, so many scores tie (as postings copied between
    companies do); each list is in random order, so a rare term may come first and get
    a lower row than a common one.
    """
    rng = np.random.default_rng(seed)
    vocab = np.asarray([f"t{i}" for i in range(60)])
    share = np.geomspace(0.9, 0.01, len(vocab))  # t0 in 90 % of documents, t59 in 1 %
    lists = [
        [str(t) for t in rng.permutation(vocab[rng.random(len(vocab)) < share])]
        * int(rng.integers(1, 3))  # term frequency 1 or 2
        for _ in range(80)
    ]
    index = BM25Index()
    for doc_id in rng.permutation(1000)[:400]:
        index.upsert(int(doc_id), lists[int(rng.integers(len(lists)))])
    return index


#: Many common and rare terms at once (so float32 sums depend on their order), one rare, none.
QUERIES = [
    [f"t{i}" for i in range(0, 60, 3)],
    ["t59", "t2", "t0", "t5", "t5", "t33"],
    ["t40"],
    ["없는말"],
    [],
]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_dense_rows_of_common_terms_give_the_same_float32_scores(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_dense = random_index(seed)
    assert with_dense.scores(["t0"]).any()
    assert with_dense._dense  # the commonest terms are dense here
    monkeypatch.setattr(retrieval.lexical, "DENSE_SHARE", 1)  # no term is in more than all
    sparse_only = random_index(seed)
    sparse_only.scores(["t0"])
    assert not sparse_only._dense
    for query in QUERIES:
        expected = sparse_only.scores(query)
        assert with_dense.scores(query).tobytes() == expected.tobytes()


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_top_equals_the_full_sort_of_allowed_positive_scores(seed: int) -> None:
    index = random_index(seed)
    rng = np.random.default_rng(seed)
    masks = [None, rng.random(len(index)) < 0.7, rng.random(len(index)) < 0.02]
    for query in QUERIES:
        scores = index.scores(query)
        for allowed in masks:
            open_ = scores > 0 if allowed is None else (scores > 0) & allowed
            order = [i for i in np.argsort(-scores, kind="stable") if open_[i]]
            for k in (1, 2, 3, 7, 20, 49, 50, 51, 100, 400):
                ids, top_scores = index.top(query, k, allowed=allowed)
                assert ids.tolist() == [int(index.ids[i]) for i in order[:k]]
                assert top_scores.tobytes() == scores[order[:k]].tobytes()
