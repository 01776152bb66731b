"""Longest-match dictionary lookup of surface forms in normalized text.

Surfaces and text are compared without spaces, so "지게차운전", "지게 차 운전" and
"지게차 운전" all match the surface "지게차 운전". Among overlapping hits the longest wins
("지게차 정비" beats "지게차", "특수용접기능사" beats "용접"). Blockers are surfaces that
win like any other but yield nothing ("청소년" hides "청소").

Optional typo tolerance works on jamo: a word that matched nothing exactly may match a
surface of three or more syllables within one jamo edit (지게처 → 지게차, 크래인 → 크레인).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from nlu.errors import TableError
from nlu.text import compact, normalize_text

__all__ = ["Gazetteer", "GazetteerMatch", "surface_key"]

logger = logging.getLogger(__name__)

_BLOCKED = "\x00blocked"
# A hit that spans a space must be at least this long: "어디도 장거리" must not read as 도장.
_MIN_CROSS_SPACE = 3
_FUZZY_MIN = 3
_FUZZY_MAX = 6


@dataclass(frozen=True)
class GazetteerMatch:
    """``key`` found at ``text[start:end]`` through ``surface`` (fuzzily if ``fuzzy``)."""

    key: str
    start: int
    end: int
    surface: str
    fuzzy: bool = False


def surface_key(surface: str) -> str:
    """The form a surface is stored and compared in: normalized, without spaces."""
    return normalize_text(surface).text.replace(" ", "")


def _is_hangul(ch: str) -> bool:
    return "가" <= ch <= "힣"


def _jamo(word: str) -> str:
    """Decompose Hangul syllables into conjoining jamo (other chars are kept)."""
    out: list[str] = []
    for ch in word:
        code = ord(ch) - 0xAC00
        if 0 <= code < 11172:
            out.append(chr(0x1100 + code // 588))
            out.append(chr(0x1161 + (code % 588) // 28))
            if code % 28:
                out.append(chr(0x11A7 + code % 28))
        else:
            out.append(ch)
    return "".join(out)


def _deletions(s: str) -> set[str]:
    return {s[:i] + s[i + 1 :] for i in range(len(s))}


def _within_one_edit(a: str, b: str) -> bool:
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        return len(diff) == 1 or (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    if la > lb:
        a, b = b, a
    return any(a == b[:i] + b[i + 1 :] for i in range(len(b)))


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


class Gazetteer:
    """A dictionary of surface forms, each mapped to a key, searched longest-first."""

    def __init__(
        self,
        entries: Iterable[tuple[str, str]],
        *,
        blockers: Iterable[str] = (),
        fuzzy: bool = False,
        name: str = "gazetteer",
    ) -> None:
        self.name = name
        self._by_surface: dict[str, str] = {}
        self._original: dict[str, str] = {}
        for surface, key in entries:
            stored = surface_key(surface)
            if not stored:
                continue
            known = self._by_surface.get(stored)
            if known is not None and known != key:
                raise TableError(f"{name}: surface {surface!r} maps to both {known!r} and {key!r}")
            self._by_surface[stored] = key
            self._original.setdefault(stored, surface)
        for surface in blockers:
            stored = surface_key(surface)
            if stored and stored not in self._by_surface:
                self._by_surface[stored] = _BLOCKED
                self._original[stored] = surface
        lengths: dict[str, set[int]] = {}
        for stored in self._by_surface:
            lengths.setdefault(stored[0], set()).add(len(stored))
        self._lengths = {ch: tuple(sorted(ls, reverse=True)) for ch, ls in lengths.items()}
        # The same texts come back (a title read for several fields, boilerplate items of
        # postings, the words of typo lookups): results are memoized, per gazetteer.
        self._find_memo = functools.lru_cache(maxsize=4096)(self._find)
        self._fuzzy_memo = functools.lru_cache(maxsize=4096)(self._fuzzy_lookup)
        self._fuzzy: dict[str, list[str]] = {}
        self._fuzzy_first: frozenset[str] = frozenset()
        self._known_heads: frozenset[str] = frozenset()
        if fuzzy:
            for stored, key in self._by_surface.items():
                if key == _BLOCKED or not _FUZZY_MIN <= len(stored) <= _FUZZY_MAX:
                    continue
                if not all(_is_hangul(ch) for ch in stored):
                    continue
                jamo = _jamo(stored)
                for variant in _deletions(jamo) | {jamo}:
                    self._fuzzy.setdefault(variant, []).append(stored)
            # typos are looked for only where the first syllable is right (지게처, 크래인)
            self._fuzzy_first = frozenset(s[0] for ss in self._fuzzy.values() for s in ss)
            # a word that begins a stored surface is known, not a typo ("사무실에서" is no
            # "사무 일" misspelt: "사무실 일" is stored)
            self._known_heads = frozenset(
                stored[:n]
                for stored in self._by_surface
                for n in range(_FUZZY_MIN, len(stored) + 1)
            )

    def __len__(self) -> int:
        return sum(1 for key in self._by_surface.values() if key != _BLOCKED)

    def keys(self) -> frozenset[str]:
        """Every key some surface maps to."""
        return frozenset(k for k in self._by_surface.values() if k != _BLOCKED)

    def find(self, text: str) -> tuple[GazetteerMatch, ...]:
        """Non-overlapping matches in normalized ``text``, longest first, returned in text order."""
        return self._find_memo(text)

    def _find(self, text: str) -> tuple[GazetteerMatch, ...]:
        squeezed, index = compact(text)
        n = len(squeezed)
        candidates: list[tuple[int, int, str]] = []
        lengths_of = self._lengths
        for i, ch in enumerate(squeezed):
            lengths = lengths_of.get(ch)
            if lengths is None:
                continue
            for length in lengths:
                if i + length > n:
                    continue
                stored = squeezed[i : i + length]
                if stored not in self._by_surface:
                    continue
                start, end = index[i], index[i + length - 1] + 1
                if end - start != length and length < _MIN_CROSS_SPACE:
                    continue
                if _is_word_char(stored[0]) and start > 0 and _is_word_char(text[start - 1]):
                    continue
                if _is_word_char(stored[-1]) and end < len(text) and _is_word_char(text[end]):
                    continue
                candidates.append((i, length, stored))
        if not candidates and not self._fuzzy:
            return ()
        candidates.sort(key=lambda c: (-c[1], c[0]))
        taken = [False] * n
        chosen: list[GazetteerMatch] = []
        for i, length, stored in candidates:
            if any(taken[i : i + length]):
                continue
            for k in range(i, i + length):
                taken[k] = True
            key = self._by_surface[stored]
            if key != _BLOCKED:
                chosen.append(
                    GazetteerMatch(key, index[i], index[i + length - 1] + 1, self._original[stored])
                )
        if self._fuzzy:
            chosen.extend(self._find_fuzzy(text, taken, index))
        chosen.sort(key=lambda m: m.start)
        return tuple(chosen)

    def _find_fuzzy(
        self, text: str, taken: list[bool], index: tuple[int, ...]
    ) -> list[GazetteerMatch]:
        """Typo matches at the start of words that matched nothing exactly."""
        covered = {index[k] for k, t in enumerate(taken) if t} if True in taken else set()
        found: list[GazetteerMatch] = []
        pos = 0
        for word in text.split(" "):
            start = pos
            pos += len(word) + 1
            end = start + len(word)
            if len(word) < _FUZZY_MIN or word[0] not in self._fuzzy_first:
                continue
            if covered and any(k in covered for k in range(start, end)):
                continue
            for length in range(min(len(word), _FUZZY_MAX), _FUZZY_MIN - 1, -1):
                window = word[:length]
                if not all(_is_hangul(ch) for ch in window) or window in self._known_heads:
                    continue
                hit = self._fuzzy_memo(window)
                if hit is not None:
                    key = self._by_surface[hit]
                    found.append(
                        GazetteerMatch(key, start, start + length, self._original[hit], True)
                    )
                    break
        return found

    def _fuzzy_lookup(self, window: str) -> str | None:
        jamo = _jamo(window)
        seen: list[str] = []
        for variant in _deletions(jamo) | {jamo}:
            seen.extend(self._fuzzy.get(variant, ()))
        best: str | None = None
        for stored in sorted(set(seen), key=lambda s: (-len(s), s)):
            target = _jamo(stored)
            if stored[0] == window[0] and _within_one_edit(jamo, target):
                best = stored
                break
        return best
