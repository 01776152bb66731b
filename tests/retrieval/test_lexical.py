"""Kiwi BM25: morpheme terms, ranking, persistence, incremental changes."""

from pathlib import Path

import numpy as np
import pytest

from retrieval.lexical import BM25Index, tokenize, tokenize_many


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("용접을 15년 했어요", ["용접", "15", "년"]),
        ("지게차 운전기능사 있어요", ["지게차", "운전", "기능사"]),
        ("CO2 용접공 모집", ["용접", "모집"]),
    ],
)
def test_tokenize_keeps_content_morphemes(text: str, expected: list[str]) -> None:
    terms = tokenize(text)
    for term in expected:
        assert term in terms, (term, terms)
    assert "을" not in terms and "어요" not in terms


def test_tokenize_many_equals_tokenize() -> None:
    texts = ["선박 도장원 모집", "야간 근무 가능자", ""]
    assert tokenize_many(texts) == [tokenize(t) for t in texts]


def build(docs: dict[int, str]) -> BM25Index:
    index = BM25Index()
    for doc_id, text in docs.items():
        index.upsert(doc_id, tokenize(text))
    return index


DOCS = {
    3: "선박 블록 CO2 용접공 모집 경력 3년",
    7: "지게차 운전원 상하차 물류센터",
    9: "자동차 부품 조립 생산직 주간",
    12: "용접 강사 직업훈련 교사",
}


def test_bm25_ranks_the_document_sharing_rare_terms() -> None:
    index = build(DOCS)
    scores = index.scores(tokenize("지게차 운전"))
    assert index.ids.tolist() == [3, 7, 9, 12]
    assert int(index.ids[np.argmax(scores)]) == 7
    assert scores[index.ids.tolist().index(9)] == 0.0


def test_unknown_terms_score_zero_everywhere() -> None:
    assert not build(DOCS).scores(["없는단어"]).any()


def test_save_load_roundtrip_and_incremental_update(tmp_path: Path) -> None:
    index = build(DOCS)
    index.save(tmp_path)
    loaded = BM25Index.load(tmp_path)
    query = tokenize("용접 모집")
    assert np.allclose(loaded.scores(query), index.scores(query))
    loaded.remove([3, 12])
    loaded.upsert(20, tokenize("배관 용접 모집"))
    scores = loaded.scores(query)
    assert loaded.ids.tolist() == [7, 9, 20]
    assert int(loaded.ids[np.argmax(scores)]) == 20


def test_top_is_the_full_ranking_cut_with_ties_in_id_order() -> None:
    docs = {i: ("용접 모집" if i % 3 else "용접 용접 모집 선박") for i in range(1, 40)}
    docs |= {50: "지게차 운전", 51: "선박 용접"}
    index = build(docs)
    query = tokenize("선박 용접")
    scores = index.scores(query)
    order = np.argsort(-scores, kind="stable")
    expected = [int(index.ids[i]) for i in order if scores[i] > 0]
    for k in (1, 5, 13, 14, 100):
        ids, top_scores = index.top(query, k)
        assert ids.tolist() == expected[:k]
        assert np.array_equal(top_scores, scores[np.searchsorted(index.ids, ids)])


def test_top_keeps_only_allowed_documents_that_share_a_term() -> None:
    index = build(DOCS)
    allowed = np.asarray([False, True, True, True])  # ids 7, 9, 12
    ids, scores = index.top(tokenize("용접 모집"), 10, allowed=allowed)
    assert ids.tolist() == [12]
    assert scores[0] > 0
    assert index.top(["없는단어"], 10)[0].size == 0


def test_a_compound_is_the_same_terms_in_a_chat_line_and_in_a_title() -> None:
    # Kiwi alone read "통근버스" as one noun here and as 통근 + 버스 in the title
    said = tokenize("뭐든지 합니다 오십대 여자 차 없어요 통근버스 되는데")
    posted = tokenize("금속 소재 생산직 (주간) 군산 통근버스 운행")
    assert {"통근", "버스"} <= set(said) & set(posted)
