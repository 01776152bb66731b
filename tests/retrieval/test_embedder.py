"""Embedder: one seeker text skips `encode`'s bookkeeping but not a bit of its result."""

from __future__ import annotations

import numpy as np
import pytest

from retrieval.embedder import Embedder


@pytest.mark.parametrize(
    "text",
    ["조선소에서 용접 15년, 특수용접 있어요, 야간은 못해요", "", "ㅋㅋㅋ 🙏🙏", "지게차 " * 400],
)
def test_one_query_equals_sentence_transformers_encode(embedder: Embedder, text: str) -> None:
    vector = embedder.encode_queries([text])
    expected = embedder.model.encode(
        [embedder.query_prompt + text], normalize_embeddings=True, convert_to_numpy=True
    )
    assert vector.dtype == np.float32 and vector.shape == (1, embedder.dim)
    assert np.array_equal(vector, expected)


def test_several_queries_come_back_in_order_and_normalized(embedder: Embedder) -> None:
    texts = ["용접 일 찾아요", "지게차 운전 가능"]
    vectors = embedder.encode_queries(texts)
    assert vectors.shape == (2, embedder.dim)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    for text, vector in zip(texts, vectors, strict=True):
        assert np.allclose(embedder.encode_queries([text])[0], vector, atol=1e-5)


def test_remembered_queries_skip_the_model_and_forget_the_least_recent(
    embedder: Embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    remembering = Embedder(embedder.model, name=embedder.name, remembered_queries=2)
    encoded: list[str] = []
    encode_one = remembering._encode_one

    def counting(text: str) -> np.ndarray:
        encoded.append(text.removeprefix(remembering.query_prompt))
        return encode_one(text)

    monkeypatch.setattr(remembering, "_encode_one", counting)
    first = remembering.encode_queries(["용접원 용접원 15년 경력"])
    first[0, 0] = 99.0  # the caller's copy; the remembered vector must not change
    again = remembering.encode_queries(["용접원 용접원 15년 경력"])
    remembering.encode_queries(["지게차 운전원"])
    remembering.encode_queries(["용접원 용접원 15년 경력"])  # now the most recent
    remembering.encode_queries(["전기공"])  # pushes out 지게차, the least recent
    remembering.encode_queries(["지게차 운전원"])

    assert encoded == ["용접원 용접원 15년 경력", "지게차 운전원", "전기공", "지게차 운전원"]
    assert np.array_equal(again, embedder.encode_queries(["용접원 용접원 15년 경력"]))
