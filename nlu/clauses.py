"""Splitting a message into clauses, the scope of negation and other cues.

"특수용접은 없고 용접기능사는 있어요" is two clauses, so 없 negates only 특수용접.
Clauses end at punctuation, at words ending in a connective or final ending (없고, 했는데,
다쳐서, 있어요, 사는디) and before conjunctions (근데, 그리고). Words typed without spaces
("특수용접은없고용접기능사는있어요") hide those endings; for a long word that may contain one,
Kiwi's morphological analysis finds them. Kiwi is optional: without kiwipiepy the split
falls back to punctuation and spacing only.

A job posting is mostly lists ("[자격요건] 경력 무관 · 용접기능사 필수 · 우대: 특수용접"):
:func:`split_posting` first cuts it into list items, then each item into clauses, so a cue
says nothing about its neighbours' items.
"""

from __future__ import annotations

import functools
import logging
import re
import threading
from dataclasses import dataclass
from typing import Any

from nlu.lexicon import (
    AUXILIARY_STARTS,
    CLAUSE_CONJUNCTIONS,
    CLAUSE_ENDINGS,
    CLAUSE_NOUN_EXCEPTIONS,
    NEGATION_WORDS,
)

__all__ = ["Clause", "load_kiwi", "shared_kiwi", "split_clauses", "split_posting"]

logger = logging.getLogger(__name__)

_SEPARATORS = frozenset(",!?;\n|/")
_JAMO_SEPARATORS = frozenset("ㅠㅜㅋㅎ")
# Bullets, section brackets and list separators of postings.
_ITEM_MARKS = frozenset(",;|/\n•※▶▷►■□◆◇●○★☆◎[]【】")
# These join words when unspaced ("CO2·TIG", "내·외국인", "E-9") and separate items when
# spaced ("4대보험 · 기숙사 제공", "- 자격: ...").
_SPACED_MARKS = frozenset("·-")
_TRAILING_PUNCT = "\"'()[]{}<>…:-"
# Only unspaced runs of at least this many syllables may hide a clause ending worth a Kiwi
# call; shorter words are compounds or end in the ending the spacing rules already see.
_KIWI_MIN_WORD = 8
# Words long enough to be worth :func:`_needs_kiwi` (same words as runs of these chars).
_LONG_WORD = re.compile(r"[^\s,!?;|/.~]{" + str(_KIWI_MIN_WORD) + ",}")
# A period or tilde separates unless it sits between numbers ("3.5", "09:00~18:00").
_SEPARATOR = re.compile(
    "[" + re.escape("".join(sorted(_SEPARATORS | _JAMO_SEPARATORS))) + "]"
    r"|(?<![0-9:])[.~]|[.~](?![0-9])"
)
_SPACED_MARK = "[" + re.escape("".join(sorted(_SPACED_MARKS))) + "]"
_ITEM_MARK = re.compile(
    "[" + re.escape("".join(sorted(_ITEM_MARKS))) + "]"
    # · and - with a space (or the text's end) on either side
    f"|(?<![^ ]){_SPACED_MARK}|{_SPACED_MARK}(?![^ ])"
)
_KIWI_HINT_CHARS = frozenset("고데서만지요다디께니면")
_KIWI_SPLIT_EC = frozenset(
    {
        "고",
        "는데",
        "은데",
        "ᆫ데",
        "ㄴ데",
        "지만",
        "어서",
        "아서",
        "니까",
        "으니까",
        "면서",
        "다가",
        "는디",
        "어",
        "아",
    }
)

_kiwi_lock = threading.Lock()
_kiwi: Any = None
_kiwi_failed = False


@dataclass(frozen=True)
class Clause:
    """``text`` is the normalized text's ``[start:end]``, trimmed."""

    start: int
    end: int
    text: str


def shared_kiwi() -> Any:
    """The shared Kiwi analyser, created on first use; None if kiwipiepy is unavailable."""
    global _kiwi, _kiwi_failed
    if _kiwi is not None or _kiwi_failed:
        return _kiwi
    with _kiwi_lock:
        if _kiwi is None and not _kiwi_failed:
            try:
                from kiwipiepy import Kiwi  # heavy; only when an unspaced message needs it

                kiwi = Kiwi()
                kiwi.tokenize("가")  # the model finishes loading on first use: seconds more
                _kiwi = kiwi
            except Exception:  # pragma: no cover - depends on the environment
                logger.warning("kiwipiepy unavailable; unspaced text is split by punctuation only")
                _kiwi_failed = True
    return _kiwi


def load_kiwi() -> bool:
    """Load Kiwi now (it takes seconds) rather than on the first unspaced message.

    Returns False if kiwipiepy is unavailable.
    """
    return shared_kiwi() is not None


@functools.lru_cache(maxsize=4096)
def _kiwi_cuts(word: str) -> tuple[int, ...]:
    """Offsets inside ``word`` where Kiwi sees a clause-closing ending."""
    kiwi = shared_kiwi()
    if kiwi is None:
        return ()
    tokens = kiwi.tokenize(word)
    cuts: list[int] = []
    for k, token in enumerate(tokens[:-1]):
        nxt = tokens[k + 1]
        end = token.start + token.len
        closing = token.tag == "EF" or (
            token.tag == "EC" and token.form in _KIWI_SPLIT_EC and nxt.tag != "VX"
        )
        if closing and 0 < end < len(word):
            cuts.append(end)
    return tuple(cuts)


def _needs_kiwi(word: str) -> bool:
    if len(word) < _KIWI_MIN_WORD:
        return False
    hangul = sum("가" <= ch <= "힣" for ch in word)
    return hangul >= _KIWI_MIN_WORD and any(ch in _KIWI_HINT_CHARS for ch in word[1:-1])


# "X 같은데" before a verb of going or being there is "a place like X" (같은 데).
_LIKE_PLACE = ("같은데", "같은디")
_TO_A_PLACE = ("가", "다니", "들어가", "취직", "일하", "일허", "있", "없")
# Only a word ending in one of these can close a clause (see :func:`_closes_clause`).
_CLOSING_TAILS = CLAUSE_ENDINGS + tuple(_TRAILING_PUNCT)
# Text without a match has no word that closes a clause or opens one: nothing to look at.
_MAY_START_CLAUSE = re.compile(
    "(?:" + "|".join(re.escape(t) for t in _CLOSING_TAILS) + ") "
    "|(?<![^ ])(?:" + "|".join(re.escape(w) for w in sorted(CLAUSE_CONJUNCTIONS)) + ")(?![^ ])"
)


def _closes_clause(word: str, prev: str, nxt: str) -> bool:
    """Whether a clause ends after ``word`` (``prev``/``nxt`` are its neighbours)."""
    bare = word.rstrip(_TRAILING_PUNCT)
    if len(bare) < 2 or bare in CLAUSE_NOUN_EXCEPTIONS or bare in CLAUSE_CONJUNCTIONS:
        return False
    if bare.endswith("에서"):
        return False
    if not bare.endswith(CLAUSE_ENDINGS):
        return False
    if bare.endswith("고") or bare.endswith("고요"):
        if nxt.startswith(AUXILIARY_STARTS):
            return False
        # "용접하고 배관" (Jeolla 허고) is "welding and piping"; only "안 하고"/"못하고" and
        # "그만하고" (the work given up) close one
        if bare.endswith(("하고", "허고")) and not (
            bare.startswith(("안", "못", "그만")) or prev in NEGATION_WORDS
        ):
            return False
    # "배터리 공장 같은데 가보고 싶어요": a place like it (같은 데), not "it seems, but"
    like_place = bare in _LIKE_PLACE and prev not in ("것", "거")
    return not (like_place and nxt.startswith(_TO_A_PLACE))


@functools.lru_cache(maxsize=16384)
def split_clauses(text: str, *, use_kiwi: bool = True) -> tuple[Clause, ...]:
    """Split normalized ``text`` into clauses, in order; separators belong to no clause.

    Memoized: postings repeat their items ("4대보험", "경력 무관") from one opening to the next.
    """
    n = len(text)
    separators = {m.start() for m in _SEPARATOR.finditer(text)}
    starts_clause: set[int] = set()
    words = text.split(" ") if _MAY_START_CLAUSE.search(text) else []
    last = len(words) - 1
    start = 0
    for k, word in enumerate(words):
        if word in CLAUSE_CONJUNCTIONS:
            starts_clause.add(start)
        if (
            k < last
            and word.endswith(_CLOSING_TAILS)
            and words[k + 1]
            and _closes_clause(word, words[k - 1] if k else "", words[k + 1])
        ):
            starts_clause.add(start + len(word) + 1)
        start += len(word) + 1
    if use_kiwi:
        for match in _LONG_WORD.finditer(text):
            if _needs_kiwi(match.group()):
                for cut in _kiwi_cuts(match.group()):
                    starts_clause.add(match.start() + cut)
    clauses: list[Clause] = []
    begin = 0
    for i in sorted(separators | starts_clause | {n}):
        separator = i in separators
        if not (i == n or separator or i > begin):
            continue
        piece = text[begin:i]
        stripped = piece.strip()
        if stripped:
            offset = begin + (len(piece) - len(piece.lstrip()))
            clauses.append(Clause(offset, offset + len(stripped), stripped))
        begin = i + 1 if i < n and separator else i
    return tuple(clauses)


@functools.lru_cache(maxsize=64)
def split_posting(text: str, *, use_kiwi: bool = True) -> tuple[Clause, ...]:
    """Split a posting's normalized ``text`` into list items, then each item into clauses.

    Items end at commas, slashes, bullets (※ ▶ ■ ...), section brackets ([자격요건] 【복리후생】),
    line breaks, and at · or - when spaced. Clauses are in order, with offsets into ``text``.
    Memoized: the importer reads each description for several fields.
    """
    clauses: list[Clause] = []
    start = 0
    # Every item mark is one char, so an item starts one past the end of the one before.
    for item in _ITEM_MARK.split(text):
        if item and not item.isspace():
            for clause in split_clauses(item, use_kiwi=use_kiwi):
                if start:
                    clause = Clause(start + clause.start, start + clause.end, clause.text)
                clauses.append(clause)
        start += len(item) + 1
    return tuple(clauses)
