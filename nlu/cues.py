"""What a clause says about the things it mentions: wanted, done, refused, held, lacking...

Cues are looked up in one clause at a time (see :mod:`nlu.clauses`), so in
"특수용접은 없고 용접기능사는 있어요" the 없 of the first clause says nothing about the second.
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass

from nlu.lexicon import (
    ABSENCE_CUES,
    ABSENCE_NOT_NEGATIVE,
    CAPABILITY_CUES,
    DONE_WITH_ADVERBS,
    DONE_WITH_VERBS,
    DOUBLE_NEGATIVE_CUES,
    EXPERIENCE_CUES,
    EXPERIENCE_NEGATED_CUES,
    GIVING_UP_FILLERS,
    GIVING_UP_REASONS,
    GIVING_UP_VERBS,
    HOME_CUES,
    LACKING_CUES,
    NEGATION_CUES,
    NEGATION_PREFIXES,
    NEGATION_WORDS,
    NOT_REQUIRED_CUES,
    OTHER_WORK_CUES,
    POSSESSION_CUES,
    QUESTION_CUES,
    WANT_CUES,
)

__all__ = ["ClauseCues", "clause_cues"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ClauseCues:
    """Which kinds of cue a clause contains."""

    negated: bool
    absent: bool
    double_negative: bool
    question: bool
    want: bool
    experience: bool
    experience_negated: bool
    capability: bool
    possession: bool
    lacking: bool
    home: bool
    not_required: bool
    other_work: bool  # "다른 일", "딴거", "차는 이제 됐고", or giving up (below)
    #: The clause only gives up the work ("냄새 때문에 이제 못하겠어요"), naming nothing else.
    gives_up: bool = False

    @property
    def refused(self) -> bool:
        """Negated or "there is none", unless it is "without it I can't"."""
        return (self.negated or self.absent) and not self.double_negative

    @property
    def done_only(self) -> bool:
        """The clause only says what was done ("자동차 공장서 … 입히던 사람인디")."""
        return self.experience and not self.want


@functools.lru_cache(maxsize=128)
def _pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    # one alternation per cue list: a single C-level scan instead of hundreds of `in` tests
    return re.compile("|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True)))


def _has(text: str, cues: tuple[str, ...]) -> bool:
    return _pattern(cues).search(text) is not None


#: "낮에는 딴 일 해서": other work done at another time of day or week, not work wished for.
_OTHER_WORK_THEN = re.compile(
    r"(?:낮|밤|아침|오전|오후|저녁|평일|주중|주말|주간|야간)\s?(?:에는|엔|에|은|는|때는|동안은?)\s?"
    r"(?:딴\s?(?:일|거)|다른\s?(?:일|거))"
)
#: Endings that close a spoken sentence ("못하겄어", "못하겠어요", "못허것소").
_SENTENCE_ENDS = ("어", "요", "소", "다", "라", "네")


def _gives_up(words: list[str]) -> bool:
    """The clause is "이제 못하겠어요": a GIVING_UP_VERBS verb (any ending of up to four
    syllables, spaced or not) and nothing but GIVING_UP_FILLERS beside it, after the reason
    if one is given ("도장 10년 냄새 때문에 못하겠어요")."""
    reasons = [i for i, w in enumerate(words) if w.endswith(GIVING_UP_REASONS)]
    after = words[reasons[-1] + 1 :] if reasons else words
    # a sentence ended by the verb and another begun without a stop ("이제 못하겄어 만
    # 육십칠세 …"): what follows the ending is not given up
    ended = next((i for i, w in enumerate(after) if w.endswith(_SENTENCE_ENDS)), None)
    after = after[: ended + 1] if ended is not None else after
    verb = "".join(w for w in after if w not in GIVING_UP_FILLERS)
    return any(verb.startswith(v) and len(verb) <= len(v) + 4 for v in GIVING_UP_VERBS)


def _done_with(words: list[str]) -> bool:
    """The clause says "X는 이제 됐어요": the seeker is done with X."""
    return any(
        w.startswith(DONE_WITH_VERBS)
        and words[i - 1] in DONE_WITH_ADVERBS
        and words[i - 2].endswith(("은", "는"))
        for i, w in enumerate(words)
        if i >= 2
    )


@functools.lru_cache(maxsize=8192)
def clause_cues(text: str) -> ClauseCues:
    """The cues in one normalized clause."""
    words = text.split(" ")
    gives_up = _gives_up(words)
    negated = _has(text, NEGATION_CUES) or any(
        w in NEGATION_WORDS or w.startswith(NEGATION_PREFIXES) for w in words
    )
    without_fine = text
    for phrase in ABSENCE_NOT_NEGATIVE:
        without_fine = without_fine.replace(phrase, " ")
    absent = _has(without_fine, ABSENCE_CUES)
    return ClauseCues(
        negated=negated,
        absent=absent,
        double_negative=_has(text, DOUBLE_NEGATIVE_CUES),
        question=_has(text, QUESTION_CUES),
        want=_has(text, WANT_CUES),
        experience=_has(text, EXPERIENCE_CUES),
        experience_negated=_has(text, EXPERIENCE_NEGATED_CUES),
        capability=_has(text, CAPABILITY_CUES),
        possession=_has(text, POSSESSION_CUES),
        lacking=_has(without_fine, LACKING_CUES),
        home=_has(text, HOME_CUES),
        not_required=_has(text, NOT_REQUIRED_CUES),
        other_work=_has(_OTHER_WORK_THEN.sub(" ", text), OTHER_WORK_CUES)
        or gives_up
        or _done_with(words),
        gives_up=gives_up,
    )
