"""Text normalization with a map back to what the person typed.

Every matcher in :mod:`nlu` works on :class:`NormalizedText.text`: NFKC (full-width digits and
letters become ASCII), lower case, one space between words, numerals as digits. The offsets
let explanations quote the original words ("야간은 못해요"), not the normalized ones.
"""

from __future__ import annotations

import functools
import logging
import unicodedata
from dataclasses import dataclass

from nlu.numerals import numeral_edits

__all__ = ["NormalizedText", "compact", "normalize_text"]

logger = logging.getLogger(__name__)

# Characters folded to one form before matching; NFKC leaves these apart.
_FOLD = {
    "∼": "~",
    "〜": "~",
    "～": "~",
    "–": "-",
    "—": "-",
    "‐": "-",
    "‑": "-",
    "−": "-",
    "·": "·",
    "ㆍ": "·",
    "・": "·",
    "\u200b": "",
    "\ufeff": "",
}


def _is_compat_jamo(ch: str) -> bool:
    # NFKC would turn ㅋ/ㄴ into conjoining jamo; keep them as typed (ㄴㄴ, ㅇㅇ are answers).
    return "\u3131" <= ch <= "\u318e"


@dataclass(frozen=True)
class NormalizedText:
    """``text`` derived from ``source``.

    Char ``i`` of ``text`` came from ``source[starts[i]:ends[i]]``.
    """

    source: str
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def source_span(self, start: int, end: int) -> str:
        """The part of ``source`` that ``text[start:end]`` came from."""
        if start >= end or start >= len(self.text):
            return ""
        end = min(end, len(self.text))
        return self.source[self.starts[start] : self.ends[end - 1]]


def _fold_chars(source: str) -> tuple[str, list[int], list[int]]:
    """NFKC, lower case and whitespace collapsing, char by char, with source offsets."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for i, ch in enumerate(source):
        if ch.isspace() and ch != "\n":
            piece = " "
        elif ch == "\n":
            piece = "\n"
        elif ch in _FOLD:
            piece = _FOLD[ch]
        elif ch.isascii() or "가" <= ch <= "힣" or _is_compat_jamo(ch):
            piece = ch.lower()
        else:
            piece = unicodedata.normalize("NFKC", ch).lower()
        for p in piece:
            if p == " " and (not out or out[-1] in " \n"):
                continue
            if p == "\n" and out and out[-1] == " ":
                out.pop()
                starts.pop()
                ends.pop()
            out.append(p)
            starts.append(i)
            ends.append(i + 1)
    while out and out[-1] in " \n":
        out.pop()
        starts.pop()
        ends.pop()
    while out and out[0] == "\n":
        out.pop(0)
        starts.pop(0)
        ends.pop(0)
    return "".join(out), starts, ends


def normalize_text(text: str) -> NormalizedText:
    """Normalize ``text`` for matching: NFKC, lower case, single spaces, numerals as digits."""
    source = unicodedata.normalize("NFC", text)
    folded, starts, ends = _fold_chars(source)
    edits = numeral_edits(folded)
    if not edits:
        return NormalizedText(source, folded, tuple(starts), tuple(ends))
    out: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    pos = 0
    for edit in edits:
        out.append(folded[pos : edit.start])
        new_starts.extend(starts[pos : edit.start])
        new_ends.extend(ends[pos : edit.start])
        # every replacement char maps to the whole source span it replaced
        span_start = starts[edit.start]
        span_end = ends[edit.end - 1]
        out.append(edit.replacement)
        new_starts.extend([span_start] * len(edit.replacement))
        new_ends.extend([span_end] * len(edit.replacement))
        pos = edit.end
    out.append(folded[pos:])
    new_starts.extend(starts[pos:])
    new_ends.extend(ends[pos:])
    return NormalizedText(source, "".join(out), tuple(new_starts), tuple(new_ends))


@functools.lru_cache(maxsize=256)
def compact(text: str) -> tuple[str, tuple[int, ...]]:
    """``text`` without spaces, and for each kept char its index in ``text``."""
    chars: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        if ch != " ":
            chars.append(ch)
            index.append(i)
    return "".join(chars), tuple(index)
