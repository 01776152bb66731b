"""Reciprocal rank fusion with the positive-lexical-score rule."""

from retrieval.fusion import RRF_K, reciprocal_rank_fusion


def test_documents_in_both_channels_win() -> None:
    fused = reciprocal_rank_fusion([1, 2, 3], [(3, 5.0), (4, 1.0)])
    assert max(fused, key=fused.get) == 3
    assert fused[3] == 1 / (RRF_K + 3) + 1 / (RRF_K + 1)


def test_zero_lexical_scores_add_no_rank() -> None:
    fused = reciprocal_rank_fusion([1, 2], [(2, 0.0), (1, 0.0), (9, 0.0)])
    assert fused == {1: 1 / (RRF_K + 1), 2: 1 / (RRF_K + 2)}
