"""The industries a text names (``data/occupations/industries.csv``): where work is, not what.

A welder is a welder in a shipyard, on an offshore-wind jacket or in a car-parts plant; a
quality inspector checks cathode powder or kimchi. The occupation class cannot tell these
apart, the words can: a seeker who names an industry ("해상풍력 쪽 용접", "이차전지 품질",
"자동차 조립 20년 했는데 배터리 공장 쪽으로") wants postings that name it too.

    >>> sorted(load_industries().named("전기차 배터리팩 조립원"))
    ['auto', 'battery']
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from nlu.errors import TableError

__all__ = ["DEFAULT_INDUSTRIES", "POSTING_HEAD", "Industries", "load_industries"]

DEFAULT_INDUSTRIES = (
    Path(__file__).resolve().parent.parent / "data" / "occupations" / "industries.csv"
)


@dataclass(frozen=True)
class Industries:
    """Industry ids with their Korean names, and the words that name each.

    Catalog load reads every posting's whole text, so the search is plain substring tests
    on the text without spaces, longest word first; a word found is blanked out so that a
    shorter one cannot match inside it ("학교 급식" is a school, not a factory canteen).
    Latin words (GM, HACCP) must stand alone: "GMP" is not GM.
    """

    names: dict[str, str]
    by_word: dict[str, str]  # a word without spaces, lower case → its industry
    #: a seeker's word → the word postings use instead (배터리 → 이차전지), where they differ
    posted_as: dict[str, str] = field(default_factory=dict)

    def named(self, text: str) -> frozenset[str]:
        """The industries ``text`` names."""
        return frozenset(self.by_word[word] for word in self._words_in(text))

    def posted_words(self, text: str) -> tuple[str, ...]:
        """The words postings use for the industries ``text`` names in a word of its own
        ("배터리 공장" → 이차전지), those the text holds already left out."""
        squeezed = _key(text)
        words = {self.posted_as[w] for w in self._words_in(text) if w in self.posted_as}
        return tuple(sorted(w for w in words if _key(w) not in squeezed))

    def _words_in(self, text: str) -> list[str]:
        squeezed = _key(text)
        found: list[str] = []
        for word in self.by_word:  # longest first
            if word not in squeezed:
                continue
            if word.isascii():
                alone = rf"(?<![a-z0-9]){re.escape(word)}(?![a-z0-9])"
                if re.search(alone, squeezed) is None:
                    continue
            found.append(word)
            squeezed = squeezed.replace(word, "\x00")
        return found

    def of_posting(self, title: str, occupation: str = "", description: str = "") -> frozenset[str]:
        """The industries a posting names in its head: a posting says what it makes up front;
        the long tail of a description (benefits, 우대 lists naming other trades) is noise
        here, and catalog load reads every posting."""
        return self.named(f"{title}\n{occupation}\n{description[:POSTING_HEAD]}")


#: Characters of a description read for the industries a posting names.
POSTING_HEAD = 300


def _key(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


@functools.lru_cache(maxsize=4)
def load_industries(path: str | Path = DEFAULT_INDUSTRIES) -> Industries:
    """The table at ``path``; :class:`TableError` when it is missing or malformed."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except FileNotFoundError as exc:
        raise TableError(f"industry table not found: {path}") from exc
    names: dict[str, str] = {}
    by_word: dict[str, str] = {}
    posted_as: dict[str, str] = {}
    for line, row in enumerate(rows, start=2):
        industry, name, word = (row.get(k, "").strip() for k in ("industry", "name", "word"))
        if not (industry and name and word):
            raise TableError(f"{path}:{line}: industry, name and word are all needed")
        if names.setdefault(industry, name) != name:
            raise TableError(f"{path}:{line}: {industry} is named {names[industry]!r} above")
        if by_word.setdefault(_key(word), industry) != industry:
            raise TableError(f"{path}:{line}: {word!r} names {by_word[_key(word)]} above")
        if posted := (row.get("posted_as") or "").strip():
            posted_as[_key(word)] = posted
    longest_first = {w: by_word[w] for w in sorted(by_word, key=len, reverse=True)}
    return Industries(names=names, by_word=longest_first, posted_as=posted_as)
