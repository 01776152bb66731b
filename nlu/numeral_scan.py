"""Word look-ups shared by the Sino-Korean and native numeral readers."""

from __future__ import annotations

import re

__all__ = ["counter_at", "is_hangul", "word_at", "word_pattern"]


def is_hangul(ch: str) -> bool:
    """Whether ``ch`` is a Hangul syllable (가-힣)."""
    return "가" <= ch <= "힣"


def word_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern matching any of ``words``."""
    # alternatives are tried in order, so a match is the first word that fits, as in a loop
    return re.compile("|".join(re.escape(w) for w in words))


def word_at(words: re.Pattern[str], text: str, pos: int) -> str | None:
    """The first word of the alternation ``words`` that ``text`` has at ``pos``, if any."""
    match = words.match(text, pos)
    return match.group() if match is not None else None


def counter_at(text: str, pos: int, counters: re.Pattern[str], *, space: bool) -> str | None:
    """The counter starting at ``pos`` (after at most one space when ``space``), if any."""
    if space and pos < len(text) and text[pos] == " ":
        pos += 1
    return word_at(counters, text, pos)
