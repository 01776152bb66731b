"""Text normalization with a map back to what the person typed.

Every matcher in :mod:`nlu` works on :class:`NormalizedText.text`: NFKC (full-width digits and
letters become ASCII), lower case, one space between words, numerals as digits. The offsets
let explanations quote the original words ("야간은 못해요"), not the normalized ones.
"""

from __future__ import annotations

import functools
import logging
import re
import unicodedata
from dataclasses import dataclass

from nlu.numerals import numeral_edits

__all__ = ["NormalizedText", "compact", "normalize_text", "without_brackets"]

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


def _fold_piece(ch: str) -> str:
    """What one source char becomes before whitespace collapsing."""
    if ch.isspace() and ch != "\n":
        return " "
    if ch == "\n":
        return "\n"
    if ch in _FOLD:
        return _FOLD[ch]
    if ch.isascii() or "가" <= ch <= "힣" or _is_compat_jamo(ch):
        return ch.lower()
    return unicodedata.normalize("NFKC", ch).lower()


_PIECES_MAX = 1 << 16


class _Pieces(dict):  # type: ignore[type-arg]
    """:func:`_fold_piece` of each char, computed on first sight.

    Chars whose piece is not exactly one char, or that become a space or line break without
    being whitespace, are noted in ``irregular``: text containing them takes the slow path.
    """

    def __init__(self) -> None:
        super().__init__()
        self.irregular: set[str] = set()

    def __missing__(self, ch: str) -> str:
        piece = _fold_piece(ch)
        if len(piece) != 1 or (piece in " \n" and not ch.isspace()):
            self.irregular.add(ch)
        if len(self) < _PIECES_MAX:  # odd input must not grow it without bound
            self[ch] = piece
        return piece


_PIECES = _Pieces()
# Chars that are their own piece: space, line break, printable ASCII but A-Z, Hangul
# syllables and compatibility jamo but ㆍ (U+318D, folded to ·). Only the others need
# looking up.
_TO_FOLD = re.compile(r"[^ \n!-@\[-~가-힣\u3131-\u318c\u318e]")
_BLANK_CHARS = (" ", "\n")
# Runs of blanks inside which something goes (" \n" is one: its space goes).
_BLANK_RUN = re.compile(r"[ \n]{2,}")


def _piece_of(match: re.Match[str]) -> str:
    return _PIECES[match.group()]


def _fold_chars(source: str) -> tuple[str, tuple[int, ...], tuple[int, ...]]:
    """NFKC, lower case and whitespace collapsing, char by char, with source offsets."""
    mapped = source
    to_fold = _TO_FOLD.findall(source)
    if to_fold:
        mapped = _TO_FOLD.sub(_piece_of, source)  # noting irregular chars on the way
        if not _PIECES.irregular.isdisjoint(to_fold):
            return _fold_chars_slow(source)
    n = len(mapped)
    # One char per source char: only blanks go. Inside the text a run of blanks keeps its
    # line breaks, or its first space if it has none; at either end it goes entirely.
    dropped: list[int] = []
    if mapped[:1] in _BLANK_CHARS or mapped[-1:] in _BLANK_CHARS:
        lead = n - len(mapped.lstrip(" \n"))
        trail = n - len(mapped.rstrip(" \n"))
        dropped.extend(range(lead))
        dropped.extend(range(max(lead, n - trail), n))
    for blank in _BLANK_RUN.finditer(mapped):
        a, b = blank.span()
        if a == 0 or b == n:
            continue
        if "\n" in blank.group():
            dropped.extend(k for k in range(a, b) if mapped[k] == " ")
        else:
            dropped.extend(range(a + 1, b))
    if not dropped:
        return mapped, tuple(range(n)), tuple(range(1, n + 1))
    gone = set(dropped)
    kept = [i for i in range(n) if i not in gone]
    return "".join([mapped[i] for i in kept]), tuple(kept), tuple([i + 1 for i in kept])


def _fold_chars_slow(source: str) -> tuple[str, tuple[int, ...], tuple[int, ...]]:
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for i, ch in enumerate(source):
        for p in _fold_piece(ch):
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
    return "".join(out), tuple(starts), tuple(ends)


# Short texts (occupations, places, names in the tables) come back over and over; each long
# one (a description) is read by a few normalizers in turn and then not again.
_SHORT = 80


def normalize_text(text: str) -> NormalizedText:
    """Normalize ``text`` for matching: NFKC, lower case, single spaces, numerals as digits.

    Memoized: opening fields and descriptions are read by several normalizers in turn.
    """
    return _normalize_short(text) if len(text) <= _SHORT else _normalize_long(text)


def _normalize(text: str) -> NormalizedText:
    source = unicodedata.normalize("NFC", text)
    folded, starts, ends = _fold_chars(source)
    edits = numeral_edits(folded)
    if not edits:
        return NormalizedText(source, folded, starts, ends)
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


_normalize_short = functools.lru_cache(maxsize=8192)(_normalize)
_normalize_long = functools.lru_cache(maxsize=128)(_normalize)


@functools.lru_cache(maxsize=256)
def compact(text: str) -> tuple[str, tuple[int, ...]]:
    """``text`` without spaces, and for each kept char its index in ``text``."""
    if " " not in text:
        return text, tuple(range(len(text)))
    return text.replace(" ", ""), tuple([i for i, ch in enumerate(text) if ch != " "])


#: A bracketed aside ("(주야 2교대, 자격증 필수)", "[군산]", "【급구】", "<신입>").
_BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]|【[^】]*】|<[^>]*>")


def without_brackets(text: str) -> str:
    """``text`` with its bracketed asides blanked out: a title's words outside them name the
    job ("조선소 천장크레인 운전원 (주야 2교대, 자격증 필수)")."""
    return _BRACKETED.sub(" ", text)
