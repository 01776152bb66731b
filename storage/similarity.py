"""Is a new record the same job as an opening another source already posted?

Sources retype postings: spacing, brackets, a reworded sentence. Character-bigram Jaccard
similarity is robust to that in Korean, where word boundaries are unreliable.
"""

from __future__ import annotations

import re
from typing import Protocol

__all__ = ["bigram_similarity", "is_same_job"]

TITLE_THRESHOLD = 0.6
#: Descriptions only veto a merge when both are real prose: sources such as 고용24 list
#: responses carry a stub description, which must not block merging with a full posting.
DESCRIPTION_THRESHOLD = 0.35
PROSE_CHARS = 80
SAME_PROSE = 0.8
REWORDED_TITLE_THRESHOLD = 0.4


class JobLike(Protocol):
    """The fields the comparison reads (an ORM opening or an import record)."""

    @property
    def title(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def region_id(self) -> str | None: ...
    @property
    def region_raw(self) -> str: ...
    @property
    def occupation_family(self) -> str | None: ...


_NOT_WORD = re.compile(r"[\W_]+")


def _bigrams(text: str) -> set[str]:
    compact = _NOT_WORD.sub("", text.lower())
    return {compact[i : i + 2] for i in range(len(compact) - 1)}


def bigram_similarity(a: str, b: str) -> float:
    """Jaccard similarity of the two texts' character bigrams (punctuation and spaces ignored)."""
    left, right = _bigrams(a), _bigrams(b)
    if not left or not right:
        return 1.0 if left == right else 0.0
    return len(left & right) / len(left | right)


def is_same_job(existing: JobLike, new: JobLike) -> bool:
    """Same company is the caller's condition; here: same region, near-identical texts."""
    same_region = (
        existing.region_id == new.region_id
        if existing.region_id and new.region_id
        else bigram_similarity(existing.region_raw, new.region_raw) >= 0.5
    )
    if not same_region:
        return False
    if (
        existing.occupation_family
        and new.occupation_family
        and existing.occupation_family != new.occupation_family
    ):
        return False
    title = bigram_similarity(existing.title, new.title)
    if title < min(TITLE_THRESHOLD, REWORDED_TITLE_THRESHOLD):
        # Below both title bars no description makes it the same job (and the descriptions'
        # bigrams cost far more than the titles').
        return False
    if len(existing.description) >= PROSE_CHARS and len(new.description) >= PROSE_CHARS:
        description = bigram_similarity(existing.description, new.description)
        if description < DESCRIPTION_THRESHOLD:
            return False
        # The same prose under a retyped title (모집 → 구인, 중식 → 점심) is the same job.
        if description >= SAME_PROSE:
            return title >= REWORDED_TITLE_THRESHOLD
    return title >= TITLE_THRESHOLD
