"""The embedding model through ONNX Runtime.

A search embeds one short text. PyTorch spends most of that on per-operator overhead
(≈ 33 ms p50 for e5-small on this 2-core machine); ONNX Runtime, with its graph
optimizations, runs the same network in ≈ 13 ms, and short passages in batches ≈ 25 %
faster. The whole sentence-transformers model (transformer, pooling) plus the L2
normalization is exported once, by `jobbot model build`, into the model cache, traced with
the model's plain ("eager") attention so that ONNX Runtime's transformer optimizer can fuse
each layer's attention, layer norms and GELU into single kernels (:func:`_fuse`: the same
vectors, ≈ 1.5–2.5 ms less per query; docs/benchmarks.md, session 15). Each fresh
export is checked against PyTorch's vectors and not used if any cosine falls below
``MIN_COSINE``; the embedder then stays on PyTorch. A single query skips the
sentence-transformers preprocessing (a transformers call and torch tensors, 0.46 ms of CPU
against 0.11) for the bare ``tokenizers`` pipeline, used only where it gives the same ids.

Search texts may run through a second export, the query model: the same graph with int8
weights in the feed-forward blocks of every transformer layer but the first and the last,
and in the word table (:func:`_quantize_queries`). Openings stay on the exact export, so
the index does not change; a query's vector moves by a cosine of ≈ 0.997 and its search
gets faster (docs/benchmarks.md, session 13). It is checked against PyTorch like the
export, with the looser ``MIN_QUERY_COSINE``, and not used when it falls below.
"""

from __future__ import annotations

import json
import logging
import re
import shutil
import tempfile
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

logger = logging.getLogger(__name__)

__all__ = [
    "MIN_COSINE",
    "MIN_QUERY_COSINE",
    "OnnxEncoder",
    "export_folder",
    "is_exported",
    "open_onnx_encoder",
]

#: Bump when the exported graph changes, so existing exports are redone.
EXPORT_VERSION = 4
#: Lowest cosine between an export's vector and PyTorch's accepted for the check texts.
MIN_COSINE = 0.9999
#: … and between the query model's vector and PyTorch's: int8 weights move a seeker's text
#: by ≈ 0.003 (0.996-0.999 over 200 bench texts), the check's over-long repetition
#: ("용접 " × 400) by 0.015; a broken quantization lands far lower.
MIN_QUERY_COSINE = 0.98
MODEL_FILE = "encoder.onnx"
QUERY_MODEL_FILE = "query.onnx"
#: The query model's int8 parts: the feed-forward matrices of a transformer layer (named
#: as torch.onnx.export names a BERT-family module) and the word table. The first and
#: the last layer stay exact: quantizing them too moved the vectors twice as far.
FEED_FORWARD = re.compile(r"/layer\.(\d+)/(intermediate/dense|output/dense)/MatMul$")
WORD_TABLE = re.compile(r"word_embeddings/Gather$")
#: The fused operator that holds the word table (with the position and type tables) in a
#: graph the transformer optimizer fused.
FUSED_EMBEDDING = "EmbedLayerNormalization"
MARKER_FILE = "export.json"
#: Short, emoji, and over-long (truncated) texts: what seekers send.
CHECK_TEXTS = (
    "조선소에서 용접 15년 했고 특수용접 있어요",
    "지게차 자격증 있어요, 야간은 못해요",
    "ㅋㅋ 🙏",
    "용접 " * 400,
)
#: Also checked before a single query bypasses the model's preprocessing: Latin letters,
#: digits and punctuation, which a lower-casing or differently normalizing tokenizer would change.
TOKEN_CHECK_TEXTS = (*CHECK_TEXTS, "CNC 선반·MCT Operator 모집 (TIG/CO2, 3교대)", "")


@dataclass
class OnnxEncoder:
    """ONNX Runtime sessions of the exported model and the model's own tokenization.

    The sessions' idle threads do not spin (:func:`_session`).
    """

    session: Any
    model: Any  # the SentenceTransformer, for `preprocess` (same tokens as PyTorch gets)
    input_names: tuple[str, ...]
    #: The model's tokenizer as a bare ``tokenizers`` pipeline (truncation as the model's,
    #: no padding), for one text at a time; None: always the model's preprocessing.
    single: Any = None
    #: The query model's session (int8 weights, module docstring); None: queries run on
    #: ``session`` like passages.
    query_session: Any = None

    def encode(
        self,
        texts: Sequence[str],
        *,
        query: bool = False,
        batch_size: int = 32,
        progress: bool = False,
    ) -> np.ndarray:
        """At least one text (prompts included): float32 array of shape (len(texts), dim),
        rows L2-normalized, in input order. Batched by length, so padding stays short.

        ``query``: the texts are search texts, embedded by the query model if there is one.
        """
        import numpy as np
        from tqdm import tqdm

        quantized = query and self.query_session is not None
        session = self.query_session if quantized else self.session
        if quantized and len(texts) > 1:
            # Its activations are quantized per run, over the whole batch: one text at a
            # time, so a search text's vector does not depend on the texts beside it.
            return np.vstack([self.encode([text], query=True) for text in texts])
        if len(texts) == 1 and self.single is not None:
            return session.run(None, _feeds(self.single, self.input_names, texts[0]))[0]
        order = sorted(range(len(texts)), key=self._lengths(texts, batch_size), reverse=True)
        parts: list[np.ndarray] = []
        starts = range(0, len(order), batch_size)
        for start in tqdm(starts, unit="batch", disable=not progress):
            features = self.model.preprocess([texts[i] for i in order[start : start + batch_size]])
            feeds = {name: features[name].numpy().astype(np.int64) for name in self.input_names}
            parts.append(session.run(None, feeds)[0])
        vectors = np.empty((len(texts), parts[0].shape[1]), dtype=np.float32)
        vectors[order] = np.vstack(parts)
        return vectors

    def _lengths(self, texts: Sequence[str], batch_size: int) -> Callable[[int], int]:
        """Sort key of text ``i``: its token count when the texts fill several batches
        (characters say little about tokens: Hangul, digits and Latin split differently;
        on the index's passages this pads 9 % fewer tokens), else its length."""
        if len(texts) <= batch_size:
            return lambda i: len(texts[i])
        tokenizer = self.model.tokenizer
        ids = tokenizer(list(texts), truncation=True, max_length=self.model.max_seq_length)
        counts = [len(row) for row in ids["input_ids"]]
        return counts.__getitem__


def export_folder(cache_dir: Path, spec: str) -> Path:
    """Where the export of model ``spec`` lives in the model cache."""
    return cache_dir / "onnx" / re.sub(r"[^A-Za-z0-9._-]+", "_", spec)


def open_onnx_encoder(
    model: Any,
    *,
    spec: str,
    cache_dir: Path,
    prompt: str,
    threads: int | None = None,
    query_int8: bool = True,
) -> OnnxEncoder | None:
    """The ONNX encoder of ``model``, exported (and checked) first when missing or stale;
    with ``query_int8``, search texts run through the query model when it passed its check.

    None when the export fails or disagrees with PyTorch: the caller keeps PyTorch. A
    rejected export is remembered, so it is not retried on every start.
    """
    folder = export_folder(cache_dir, spec)
    names = _input_names(model)
    expected = _expected_marker(spec, names)
    marker = _current_marker(folder, expected)
    if marker is None:
        try:
            marker = _export(model, folder, marker=expected, prompt=prompt, threads=threads)
        except Exception:  # the exporter fails in many ways; PyTorch still works
            logger.warning("ONNX export of %s failed; queries stay on PyTorch", spec, exc_info=True)
            return None
    if marker["cosine"] < MIN_COSINE:
        logger.warning(
            "the ONNX export of %s disagrees with PyTorch (cosine %.6f); queries stay on PyTorch",
            spec,
            marker["cosine"],
        )
        return None
    path = folder / MODEL_FILE
    single = _single_tokenizer(model, names, prompt)
    query_session = None
    query_cosine = marker.get("query_cosine")
    if query_int8 and query_cosine is not None and query_cosine >= MIN_QUERY_COSINE:
        query_session = _session(folder / QUERY_MODEL_FILE, threads)
    elif query_int8 and query_cosine is not None:
        logger.warning(
            "the int8 query model of %s disagrees with PyTorch (cosine %.6f); queries run exact",
            spec,
            query_cosine,
        )
    return OnnxEncoder(
        _session(path, threads), model, names, single=single, query_session=query_session
    )


def _single_tokenizer(model: Any, names: tuple[str, ...], prompt: str) -> Any:
    """The model's tokenizer as a bare ``tokenizers`` pipeline for one text, or None when
    it has none or its ids differ from ``model.preprocess`` on any of TOKEN_CHECK_TEXTS."""
    import numpy as np
    from tokenizers import Tokenizer

    backend = getattr(getattr(model, "tokenizer", None), "backend_tokenizer", None)
    if backend is None or not set(names) <= set(_ENCODING_FIELDS):
        return None
    single = Tokenizer.from_str(backend.to_str())
    single.no_padding()
    single.enable_truncation(max_length=model.max_seq_length)
    for text in (prompt + t for t in TOKEN_CHECK_TEXTS):
        expected = model.preprocess([text])
        got = _feeds(single, names, text)
        if any(not np.array_equal(expected[n].numpy(), got[n]) for n in names):
            logger.info(
                "the bare tokenizer differs from the model's; queries keep its preprocessing"
            )
            return None
    return single


#: ONNX input name → the ``tokenizers.Encoding`` attribute holding it.
_ENCODING_FIELDS = {
    "input_ids": "ids",
    "attention_mask": "attention_mask",
    "token_type_ids": "type_ids",
}


def _feeds(single: Any, names: tuple[str, ...], text: str) -> dict[str, np.ndarray]:
    """The session's inputs for one text: int64 arrays of shape (1, tokens)."""
    import numpy as np

    encoding = single.encode(text)
    return {
        name: np.asarray([getattr(encoding, _ENCODING_FIELDS[name])], dtype=np.int64)
        for name in names
    }


def _input_names(model: Any) -> tuple[str, ...]:
    """The tensors the model's tokenization produces, in a stable order."""
    features = model.preprocess(["확인"])
    return tuple(sorted(name for name, value in features.items() if hasattr(value, "numpy")))


def is_exported(cache_dir: Path, spec: str) -> bool:
    """Whether a current export of ``spec`` passed its check; nothing is loaded to tell."""
    folder = export_folder(cache_dir, spec)
    written = _marker(folder) or {}
    marker = _current_marker(folder, _expected_marker(spec, tuple(written.get("inputs") or ())))
    return marker is not None and marker["cosine"] >= MIN_COSINE


def _expected_marker(spec: str, names: tuple[str, ...]) -> dict[str, Any]:
    return {
        "version": EXPORT_VERSION,
        "spec": spec,
        "inputs": list(names),
        "torch": metadata.version("torch"),
        "onnxruntime": metadata.version("onnxruntime"),
    }


def _marker(folder: Path) -> Any:
    try:
        return json.loads((folder / MARKER_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _current_marker(folder: Path, expected: dict[str, Any]) -> dict[str, Any] | None:
    """The folder's marker when it matches ``expected`` and records a finished check with
    the model file present; None when the export has to be (re)made."""
    marker = _marker(folder)
    if not isinstance(marker, dict) or "cosine" not in marker:
        return None
    if any(marker.get(k) != v for k, v in expected.items()):
        return None
    if marker.get("query_cosine") is not None and not (folder / QUERY_MODEL_FILE).is_file():
        return None
    return marker if (folder / MODEL_FILE).is_file() else None


def _export(
    model: Any, folder: Path, *, marker: dict[str, Any], prompt: str, threads: int | None
) -> dict[str, Any]:
    """Export the graph (dynamic batch and length), check it against PyTorch, and move it
    into ``folder`` with its marker, the check's worst cosine included; return the marker."""
    import torch

    names = tuple(marker["inputs"])

    class Pipeline(torch.nn.Module):
        """Token ids in, normalized sentence vectors out."""

        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, *tensors: torch.Tensor) -> torch.Tensor:
            features = dict(zip(names, tensors, strict=True))
            vectors = self.model(features)["sentence_embedding"]
            return torch.nn.functional.normalize(vectors, p=2, dim=1)

    model.eval()
    sample = model.preprocess([CHECK_TEXTS[0]])
    folder.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(dir=folder.parent, prefix=".export-"))
    try:
        target = scratch / MODEL_FILE
        traced = scratch / "traced.onnx"
        # The tracer warns about shape-dependent branches; the check below is the judge.
        with torch.no_grad(), warnings.catch_warnings(), _eager_attention(model):
            warnings.simplefilter("ignore")
            torch.onnx.export(
                Pipeline().eval(),
                tuple(sample[name] for name in names),
                str(traced),
                input_names=list(names),
                output_names=["sentence_embedding"],
                dynamic_axes={name: {0: "batch", 1: "tokens"} for name in names},
                opset_version=17,
                dynamo=False,
            )
        marker = {**marker, "fused": _fuse(traced, target, model)}
        encoder = OnnxEncoder(_session(target, threads), model, names)
        marker["cosine"] = _worst_cosine(model, encoder, prompt)
        if marker["fused"] and marker["cosine"] < MIN_COSINE:
            logger.warning("the fused graph of %s disagrees with PyTorch; unfused", marker["spec"])
            shutil.copyfile(traced, target)
            encoder = OnnxEncoder(_session(target, threads), model, names)
            marker.update(fused=False, cosine=_worst_cosine(model, encoder, prompt))
        traced.unlink()
        queries = scratch / QUERY_MODEL_FILE
        marker["query_cosine"] = None
        if _quantize_queries(target, queries):
            encoder.query_session = _session(queries, threads)
            marker["query_cosine"] = _worst_cosine(model, encoder, prompt, query=True)
        (scratch / MARKER_FILE).write_text(json.dumps(marker), encoding="utf-8")
        scratch.chmod(0o755)  # mkdtemp's 0700 would hide the export from other users
        shutil.rmtree(folder, ignore_errors=True)
        scratch.rename(folder)  # readers never see half an export
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    logger.info(
        "exported %s to %s (%s; worst cosine %.6f; query model %s)",
        marker["spec"],
        folder,
        "fused" if marker["fused"] else "unfused",
        marker["cosine"],
        "none" if marker["query_cosine"] is None else f"{marker['query_cosine']:.6f}",
    )
    return marker


def _quantize_queries(source: Path, target: Path) -> bool:
    """Write the query model: ``source`` with int8 weights (per output channel; activations
    quantized as they come) in the feed-forward blocks of all transformer layers but the
    first and the last, and 8-bit embedding tables (the word table's Gather, or the fused
    embedding operator's tables). False, and nothing written, when the graph
    has no such blocks (a model this naming does not fit).
    """
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    graph = onnx.load(str(source), load_external_data=False).graph
    weights = {initializer.name for initializer in graph.initializer}
    layers: dict[str, int] = {}
    table = []
    for node in graph.node:
        found = FEED_FORWARD.search(node.name)
        if found and node.op_type == "MatMul" and node.input[1] in weights:
            layers[node.name] = int(found.group(1))
        elif node.op_type == FUSED_EMBEDDING or (
            WORD_TABLE.search(node.name) and node.op_type == "Gather"
        ):
            table.append(node.name)
    if not layers:
        return False
    first, last = min(layers.values()), max(layers.values())
    inner = [name for name, layer in layers.items() if first < layer < last]
    # The quantizer logs a suggestion to pre-process the graph (shape inference) on the root
    # logger; it does not apply to dynamic quantization of MatMul and Gather.
    with _quiet_root_logger():
        quantize_dynamic(
            str(source),
            str(target),
            weight_type=QuantType.QInt8,
            per_channel=True,
            nodes_to_quantize=[*inner, *table],
            op_types_to_quantize=["MatMul", "Gather", FUSED_EMBEDDING],
            # The fused operators' outputs have no type that shape inference knows.
            extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT},
        )
    return True


@contextmanager
def _quiet_root_logger() -> Iterator[None]:
    """Only errors from loggers without a level of their own (ONNX Runtime's tools log
    their progress and advice at INFO and WARNING through them)."""
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.ERROR)
    try:
        yield
    finally:
        root.setLevel(level)


@contextmanager
def _eager_attention(model: Any) -> Iterator[None]:
    """Trace ``model``'s transformer with its plain attention (matrix products and a softmax,
    the pattern the transformer optimizer fuses) rather than a fused kernel the tracer
    spells out in dozens of small operators; restored afterwards. Models that cannot switch
    are traced as they are."""
    inner: Any = getattr(model[0], "auto_model", None)
    before = getattr(getattr(inner, "config", None), "_attn_implementation", None)
    switch = before not in (None, "eager") and hasattr(inner, "set_attn_implementation")
    if switch:
        try:
            inner.set_attn_implementation("eager")
        except (ValueError, ImportError):  # this architecture has no plain attention
            switch = False
    try:
        yield
    finally:
        if switch:
            inner.set_attn_implementation(before)


def _fuse(source: Path, target: Path, model: Any) -> bool:
    """Write ``source`` to ``target`` with each transformer layer's attention, layer norms
    and GELU fused into ONNX Runtime's own operators (its BERT optimizer, which covers the
    BERT and XLM-RoBERTa families); True when every layer's attention fused. Otherwise the
    graph is copied as it is and False returned: the fusion is a speed-up, never a need.
    """
    from onnxruntime.transformers.optimizer import optimize_model

    config = getattr(getattr(model[0], "auto_model", None), "config", None)
    layers = int(getattr(config, "num_hidden_layers", 0) or 0)
    try:
        with _quiet_root_logger():  # it logs every fusion step at INFO
            fused = optimize_model(
                str(source),
                model_type="bert",
                num_heads=int(getattr(config, "num_attention_heads", 0) or 0),
                hidden_size=int(getattr(config, "hidden_size", 0) or 0),
                opt_level=0,  # only the fusions; the session applies its own optimizations
            )
            counts = fused.get_fused_operator_statistics()
            attention = counts.get("Attention", 0) + counts.get("MultiHeadAttention", 0)
            if layers and attention == layers:
                fused.save_model_to_file(str(target))
                return True
    except Exception:  # an unknown architecture can break the optimizer in many ways
        logger.info("the transformer optimizer could not fuse %s", source, exc_info=True)
    shutil.copyfile(source, target)
    return False


def _session(path: Path, threads: int | None) -> Any:
    """An inference session whose idle threads sleep instead of spinning.

    Spinning burns a core between operators. On this shared 2-core machine (load 8-11) it cost
    a single query 16 % more process CPU and made it slower, not faster (wall p50 124 → 60 ms,
    fastest of 150 runs 14.1 → 11.6 ms); over an index build it burned 17-25 % of the CPU.
    """
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.log_severity_level = 3  # errors only
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    if threads:
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
    return onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def _worst_cosine(model: Any, encoder: OnnxEncoder, prompt: str, *, query: bool = False) -> float:
    """Lowest cosine between the encoder's and PyTorch's vectors over ``CHECK_TEXTS``, one
    at a time and in a batch; ``query``: through the encoder's query model."""
    import numpy as np

    texts = [prompt + text for text in CHECK_TEXTS]
    expected = model.encode(texts, normalize_embeddings=True, convert_to_numpy=True)
    got = np.vstack(
        [encoder.encode([text], query=query) for text in texts]
        + [encoder.encode(texts, query=query)]
    )
    expected = np.vstack([expected, expected])
    return float(np.min(np.sum(expected * got, axis=1)))
