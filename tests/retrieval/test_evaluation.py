"""Evaluation metrics on hand-computed rankings."""

import math
from datetime import date

import numpy as np

from retrieval.evaluation import DevQuery, plain_ranking, posting_keys, score_ranking
from retrieval.matcher import Matcher

QUERY = DevQuery(
    id="q",
    text="용접",
    relevant={"s:1": 2, "s:2": 1, "s:3": 2},
    traps=frozenset({"s:9"}),
)


def test_perfect_ranking_scores_one() -> None:
    metrics = score_ranking([["s:1"], ["s:3"], ["s:2"]], QUERY).summary()
    assert metrics["recall@5"] == 1.0
    assert metrics["mrr@10"] == 1.0
    assert math.isclose(metrics["ndcg@10"], 1.0)
    assert metrics["traps@5"] == 0


def test_traps_and_late_hits_are_counted() -> None:
    metrics = score_ranking([["s:9"], ["s:8"], ["s:2"]], QUERY).summary()
    assert metrics["recall@5"] == 1 / 3
    assert metrics["mrr@10"] == 1 / 3
    assert metrics["traps@5"] == 1
    assert 0 < metrics["ndcg@10"] < 0.5


def test_merged_opening_counts_by_its_best_key() -> None:
    metrics = score_ranking([["x:5", "s:1"]], QUERY).summary()
    assert metrics["mrr@10"] == 1.0


def test_bare_source_ids_grade_like_prefixed_keys() -> None:
    query = DevQuery(id="h", text="용접", relevant={"K1": 2}, traps=frozenset({"49"}))
    metrics = score_ranking([["saramin:49", "49"], ["worknet:K1", "K1"]], query).summary()
    assert metrics["mrr@10"] == 0.5
    assert metrics["traps@5"] == 1


def test_plain_baseline_ranks_only_open_postings_and_keys_carry_the_bare_id(
    matcher: Matcher,
) -> None:
    keys = posting_keys(matcher)
    assert all(f"{k.split(':', 1)[1]}" in ks for ks in keys.values() for k in ks[:1])
    as_of = date(2026, 11, 1)
    ranked = plain_ranking(matcher, "조선소 용접 15년 야간은 못해요", as_of=as_of)
    rows = matcher.catalog.rows_of(np.asarray(ranked))
    assert ranked and (matcher.catalog.closes_on[rows] >= as_of.toordinal()).all()
    expired = matcher.catalog.ids[matcher.catalog.closes_on < as_of.toordinal()]
    assert len(expired) and not set(expired.tolist()) & set(ranked)
