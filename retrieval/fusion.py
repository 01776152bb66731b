"""Reciprocal rank fusion of the dense and lexical channels."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["RRF_K", "reciprocal_rank_fusion"]

#: The usual RRF constant: damps the head so one channel's first place can't decide alone.
RRF_K = 60


def reciprocal_rank_fusion(
    dense_ids: Sequence[int],
    lexical: Sequence[tuple[int, float]],
    *,
    k: int = RRF_K,
) -> dict[int, float]:
    """Fused score per opening id from the dense ranking and the lexical (id, score) ranking.

    Lexical ranks count only for documents whose BM25 score is positive: giving ranks to
    zero-score documents would inject their arbitrary tie order into paraphrased queries.
    """
    fused: dict[int, float] = {}
    for rank, doc_id in enumerate(dense_ids, start=1):
        fused[int(doc_id)] = 1.0 / (k + rank)
    for rank, (doc_id, score) in enumerate(lexical, start=1):
        if score <= 0:
            break
        fused[int(doc_id)] = fused.get(int(doc_id), 0.0) + 1.0 / (k + rank)
    return fused
