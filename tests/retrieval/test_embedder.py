"""Embedder: one seeker text skips `encode`'s bookkeeping (PyTorch: not a bit of its result
changes) or runs through the ONNX export: openings through the exact model (the same vector
within float error), search texts through the int8 query model (within MIN_QUERY_COSINE)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from bot.settings import Settings
from retrieval import onnx_encoder
from retrieval.embedder import Embedder
from retrieval.onnx_encoder import MIN_COSINE, MIN_QUERY_COSINE


@pytest.mark.parametrize(
    "text",
    ["조선소에서 용접 15년, 특수용접 있어요, 야간은 못해요", "", "ㅋㅋㅋ 🙏🙏", "지게차 " * 400],
)
def test_one_query_equals_sentence_transformers_encode(embedder: Embedder, text: str) -> None:
    on_torch = Embedder(embedder.model, name=embedder.name)
    expected = embedder.model.encode(
        [embedder.query_prompt + text], normalize_embeddings=True, convert_to_numpy=True
    )
    vector = on_torch.encode_queries([text])
    exported = embedder.encode_queries([text])
    assert embedder.onnx is not None  # the session's embedder runs queries on ONNX Runtime
    exact = embedder.onnx.encode([embedder.query_prompt + text])

    assert vector.dtype == np.float32 and vector.shape == (1, embedder.dim)
    assert np.array_equal(vector, expected)
    assert embedder.onnx.query_session is not None  # … through the int8 query model
    assert exported.dtype == np.float32 and exported.shape == (1, embedder.dim)
    assert np.isclose(float(np.linalg.norm(exported[0])), 1.0, atol=1e-5)
    assert MIN_QUERY_COSINE <= float(exported[0] @ expected[0]) < MIN_COSINE
    assert float(exact[0] @ expected[0]) >= MIN_COSINE  # the exact export, as openings get


def test_several_queries_come_back_in_order_and_normalized(embedder: Embedder) -> None:
    texts = ["용접 일 찾아요", "지게차 운전 가능", "지게차 " * 300]
    vectors = embedder.encode_queries(texts)
    assert vectors.shape == (3, embedder.dim)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    for text, vector in zip(texts, vectors, strict=True):
        # The query model quantizes activations per run: batched beside a long text, a
        # short one must still get its own vector.
        assert np.array_equal(embedder.encode_queries([text])[0], vector)


@pytest.mark.parametrize(
    "text",
    [
        "조선소에서 용접 15년 했고 특수용접 있어요. 군산 살아요",
        "CNC 선반 MCT 가능, 월 300 이상, 야간 X",
        "칠십 넘었는디 아무거나 혀요 ㅎㅎ 🙏",
        "",
        "지게차 " * 300,  # truncated at the model's length
    ],
)
def test_one_query_gets_the_model_preprocessings_tokens_and_the_same_vector(
    embedder: Embedder, text: str
) -> None:
    assert embedder.onnx is not None and embedder.onnx.single is not None
    prompted = embedder.query_prompt + text
    features = embedder.model.preprocess([prompted])
    feeds = {n: features[n].numpy().astype(np.int64) for n in embedder.onnx.input_names}
    expected = embedder.onnx.query_session.run(None, feeds)[0]

    assert np.array_equal(embedder.encode_queries([text]), expected)  # the bare tokenizer's


def test_a_tokenizer_that_reads_differently_is_not_used_for_single_queries(
    embedder: Embedder,
) -> None:
    class Lowering:
        """The same model, but its preprocessing lower-cases (as some models' does)."""

        tokenizer = embedder.model.tokenizer
        max_seq_length = embedder.model.max_seq_length

        def preprocess(self, texts: list[str]) -> Any:
            return embedder.model.preprocess([t.lower() for t in texts])

    names = ("attention_mask", "input_ids")
    assert onnx_encoder._single_tokenizer(embedder.model, names, "query: ") is not None
    assert onnx_encoder._single_tokenizer(Lowering(), names, "query: ") is None


def test_passages_and_one_query_run_in_the_same_session_with_the_same_vectors(
    embedder: Embedder,
) -> None:
    texts = ["용접사 모집 군산 오식도동 주간", "지게차 운전원 (지게차운전기능사 필수)", "포장"] * 12
    vectors = embedder.encode_passages(texts)
    assert embedder.onnx is not None
    one = [embedder.onnx.encode([embedder.passage_prompt + t]) for t in texts[:3]]

    assert vectors.shape == (len(texts), embedder.dim)
    assert float(np.min(np.sum(vectors[:3] * np.vstack(one), axis=1))) >= 0.99999


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
    fresh = Embedder(embedder.model, name=embedder.name)  # PyTorch, like `remembering`
    assert np.array_equal(again, fresh.encode_queries(["용접원 용접원 15년 경력"]))


def test_a_rejected_export_is_remembered_and_pytorch_kept(
    embedder: Embedder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(onnx_encoder, "MIN_COSINE", 1.01)  # no export can pass
    exports: list[Path] = []
    export = onnx_encoder._export

    def counted(model: Any, folder: Path, **kwargs: Any) -> dict[str, Any]:
        exports.append(folder)
        return export(model, folder, **kwargs)

    monkeypatch.setattr(onnx_encoder, "_export", counted)
    opened = [
        onnx_encoder.open_onnx_encoder(
            embedder.model, spec="test-model", cache_dir=tmp_path, prompt="query: ", threads=1
        )
        for _ in range(2)
    ]
    assert opened == [None, None]
    assert exports == [tmp_path / "onnx" / "test-model"]  # exported and checked once
    assert (tmp_path / "onnx" / "test-model" / "export.json").is_file()
    assert not onnx_encoder.is_exported(tmp_path, "test-model")  # model build will not trust it


def test_the_session_models_export_is_current_and_trusted(embedder: Embedder) -> None:
    settings = Settings(home=Path(__file__).resolve().parents[2] / "var", _env_file=None)  # type: ignore[call-arg]
    assert onnx_encoder.is_exported(settings.model_cache_dir, embedder.name)
    assert not onnx_encoder.is_exported(settings.model_cache_dir, "no-such-model")


def test_the_export_fuses_every_layers_attention_and_the_query_model_keeps_8_bit_tables(
    embedder: Embedder,
) -> None:
    import onnx

    settings = Settings(home=Path(__file__).resolve().parents[2] / "var", _env_file=None)  # type: ignore[call-arg]
    folder = onnx_encoder.export_folder(settings.model_cache_dir, embedder.name)
    layers = embedder.model[0].auto_model.config.num_hidden_layers

    def operators(name: str) -> list[str]:
        graph = onnx.load(str(folder / name), load_external_data=False).graph
        return [node.op_type for node in graph.node]

    assert operators(onnx_encoder.MODEL_FILE).count("Attention") == layers
    query = operators(onnx_encoder.QUERY_MODEL_FILE)
    assert query.count("Attention") == layers
    assert "QEmbedLayerNormalization" in query  # word, position and type tables in 8 bits


def test_the_model_is_traced_with_plain_attention_and_gets_its_own_back(
    embedder: Embedder,
) -> None:
    config = embedder.model[0].auto_model.config
    before = config._attn_implementation
    assert before != "eager"  # else this test would not see a switch

    with onnx_encoder._eager_attention(embedder.model):
        assert config._attn_implementation == "eager"
    assert config._attn_implementation == before


def test_a_graph_the_optimizer_cannot_fuse_is_kept_as_it_is(tmp_path: Path) -> None:
    from types import SimpleNamespace

    config = SimpleNamespace(num_hidden_layers=3, num_attention_heads=2, hidden_size=8)
    model = [SimpleNamespace(auto_model=SimpleNamespace(config=config))]
    _graph_with([("MatMul", "/encoder/layer.0/attention/MatMul")], tmp_path / "traced.onnx")

    assert not onnx_encoder._fuse(tmp_path / "traced.onnx", tmp_path / "model.onnx", model)
    assert (tmp_path / "model.onnx").read_bytes() == (tmp_path / "traced.onnx").read_bytes()


def test_with_query_int8_off_search_texts_run_on_the_exact_model(embedder: Embedder) -> None:
    settings = Settings(home=Path(__file__).resolve().parents[2] / "var", _env_file=None)  # type: ignore[call-arg]
    exact = onnx_encoder.open_onnx_encoder(
        embedder.model,
        spec=embedder.name,
        cache_dir=settings.model_cache_dir,
        prompt=embedder.query_prompt,
        threads=1,
        query_int8=False,
    )
    assert exact is not None and exact.query_session is None
    text = embedder.query_prompt + "조선소 용접 15년 했어요"
    expected = embedder.model.encode([text], normalize_embeddings=True, convert_to_numpy=True)

    assert float(exact.encode([text], query=True)[0] @ expected[0]) >= MIN_COSINE


def _graph_with(names: list[tuple[str, str]], path: Path) -> None:
    """A chain of MatMul/Gather nodes named ``names`` ((op, name)), each with its own weight."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    rng = np.random.default_rng(0)
    nodes, weights, current = [], [], "ids"
    for k, (op, name) in enumerate(names):
        weight = f"w{k}"
        if op == "Gather":
            weights.append(numpy_helper.from_array(rng.random((50, 8), dtype=np.float32), weight))
            nodes.append(helper.make_node("Gather", [weight, current], [f"x{k}"], name=name))
        else:
            weights.append(numpy_helper.from_array(rng.random((8, 8), dtype=np.float32), weight))
            nodes.append(helper.make_node("MatMul", [current, weight], [f"x{k}"], name=name))
        current = f"x{k}"
    graph = helper.make_graph(
        nodes,
        "g",
        [helper.make_tensor_value_info("ids", TensorProto.INT64, [1, 3])],
        [helper.make_tensor_value_info(current, TensorProto.FLOAT, [1, 3, 8])],
        initializer=weights,
    )
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), str(path))


def test_the_query_model_quantizes_the_inner_feed_forward_layers_and_the_word_table(
    tmp_path: Path,
) -> None:
    import onnx

    layer = "/model/model.0/encoder/layer.{}/{}/MatMul"
    names = [("Gather", "/model/model.0/embeddings/word_embeddings/Gather")]
    for k in range(3):
        names += [
            ("MatMul", layer.format(k, "attention/self/query")),
            ("MatMul", layer.format(k, "attention/output/dense")),
            ("MatMul", layer.format(k, "intermediate/dense")),
            ("MatMul", layer.format(k, "output/dense")),
        ]
    _graph_with(names, tmp_path / "model.onnx")

    assert onnx_encoder._quantize_queries(tmp_path / "model.onnx", tmp_path / "query.onnx")
    graph = onnx.load(str(tmp_path / "query.onnx")).graph
    eight_bits = {onnx.TensorProto.INT8, onnx.TensorProto.UINT8}  # the table gets uint8
    stored = {i.name for i in graph.initializer if i.data_type in eight_bits}
    # The quantizer names a quantized weight after the original: w<k>_quantized.
    quantized = {n for k, (_, n) in enumerate(names) if f"w{k}_quantized" in stored}
    assert quantized == {
        names[0][1],  # the word table
        layer.format(1, "intermediate/dense"),  # the feed-forward block of the inner layer
        layer.format(1, "output/dense"),
    }


def test_a_graph_named_otherwise_gets_no_query_model(tmp_path: Path) -> None:
    _graph_with([("MatMul", "/encoder/block.0/ffn/MatMul")], tmp_path / "model.onnx")

    assert not onnx_encoder._quantize_queries(tmp_path / "model.onnx", tmp_path / "query.onnx")
    assert not (tmp_path / "query.onnx").exists()
