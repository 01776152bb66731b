"""Short answers read from the raw text: yes or no, an explicit reset request, abuse, an
explicit ask about other paths.

The intent classifier only hints: Jeolla "야" or a typed "예ㅔ" often lands in another intent,
"있지요" is a yes only as the answer to a question, and "다시 일을 해 보려고요" looks like
"다시 할래요" (start over) to it, and a career soldier's "직업군인 전역했어요" looks like a
question about other paths. So the dialogue reads the raw text itself.
"""

from __future__ import annotations

import re
from typing import Literal

from nlu.tables import load_tables
from nlu.text import normalize_text

__all__ = [
    "YesNo",
    "asks_about_paths",
    "asks_for_person",
    "asks_to_restart",
    "asks_to_talk",
    "is_abuse",
    "is_gibberish",
    "read_yes_no",
]

YesNo = Literal["yes", "no"]

# Whole first words (typo repeats such as 예ㅔ, 네네 folded first). "야" is Jeolla for 예.
_YES_WORDS = frozenset(
    {
        "네", "넵", "넹", "녜", "예", "옙", "얘", "야", "응", "웅", "어", "엉", "ㅇㅇ", "ㅇ",
        "그래요", "그래", "그려", "그라제", "그람요", "그럼요", "그럼", "맞아요", "맞어요",
        "맞아", "맞지요", "맞제", "당연하죠", "물론이죠", "좋아요", "좋지요", "좋아", "오케이",
        "ok", "okay", "yes", "y", "있어요", "있어", "있지요", "있죠", "있제", "있지라",
        "있어라", "있당께", "있음", "있습니다", "있구만요", "잇어요", "잇지요", "잇음",
        "부탁해요", "부탁합니다", "부탁드려요", "해주세요", "해줘요", "연결해주세요",
    }
)  # fmt: skip
_NO_WORDS = frozenset(
    {
        "아니요", "아니오", "아뇨", "아니", "아녀", "아녀라", "아니여", "아니여라", "아니어라",
        "아니에요", "아님", "ㄴㄴ",
        "노", "no", "n", "nope", "없어요", "없어", "없지요", "없죠", "없제", "없지라",
        "없어라", "없당께", "없음", "없습니다", "업어요", "읎어요", "싫어요", "싫어",
        "됐어요", "됐습니다", "안할래요", "안해요",
    }
)  # fmt: skip
_REPEATS = re.compile(r"([가-힣])[ㅏ-ㅣ]+$")  # 예ㅔ, 네ㅔ, 야ㅑ: a vowel key hit twice
_PUNCT = re.compile(r"[^\w가-힣ㄱ-ㅎㅏ-ㅣ ]+")
# Slurs and insults that call for one calm answer (matched on the squashed text).
_ABUSE = (
    "씨발", "시발", "ㅅㅂ", "ㅆㅂ", "병신", "ㅂㅅ", "개새", "새끼", "꺼져", "멍청", "바보",
    "짜증", "엿먹", "닥쳐", "미친", "ㅁㅊ", "니들이", "느그들", "너희가뭘", "느그가",
    "아씨", "좆", "ㅗ",
)  # fmt: skip


def _words(text: str) -> list[str]:
    cleaned = _PUNCT.sub(" ", text.strip().lower())
    return [_REPEATS.sub(r"\1", w) for w in cleaned.split()]


def _squash(word: str) -> str:
    # 네네 / 예예 say the same as 네; ㅇㅇ(ㅇ) is a yes, a longer run of ㅇ is not.
    if len(word) > 1 and len(set(word)) == 1:
        if word[0] in "ㅇㄴ":
            return word[:2] if len(word) <= 3 else word
        return word[0]
    return word


def read_yes_no(text: str) -> YesNo | None:
    """``"yes"``/``"no"`` when the message opens with a yes or no (or is one, such as
    "있지요"), else ``None``. "아니 익산 말고 김제요" reads as no; the caller gives facts
    in the same message precedence."""
    words = _words(text)
    if not words:
        return None
    first = _squash(words[0])
    joined = "".join(words[:2])
    for candidate in (first, joined):
        if candidate in _YES_WORDS:
            return "yes"
        if candidate in _NO_WORDS:
            return "no"
    return None


_SYLLABLE = re.compile(r"[가-힣]")
#: Latin words a seeker may send alone that are not keyboard mashing.
_LATIN_MEANING = re.compile(
    r"\b(?:cnc|tig|mig|co2|rt|ut|pt|mt|forklift|welding|welder|e-?\d|visa)\b"
)


def is_gibberish(text: str) -> bool:
    """True for a message with no Korean syllable and no known word: ㅁㄴㅇㄹ, ㅋㅋㅋ,
    ㅇㅇㅇㅇㅇ, dfkjdkf, emoji. (A short yes such as ㅇㅇ is read by :func:`read_yes_no`
    first.)"""
    lowered = text.strip().lower()
    return not (_SYLLABLE.search(lowered) or _LATIN_MEANING.search(lowered))


def is_abuse(text: str) -> bool:
    """True for a message that insults or swears (one calm answer, then a counselor offer)."""
    squashed = re.sub(r"\s+", "", text)
    return any(word in squashed for word in _ABUSE)


# Always a request to reset the conversation.
_RESET = re.compile(
    r"처음부터|초기화|리셋|재시작|새로 ?고침|reset|restart|(?:다|전부|싹) ?(?:지워|지우|삭제|취소)"
    r"|지워 ?(?:줘|주세요|주쇼)|없던 ?(?:걸|것|일)로"
)
# A reset only when the message is not about work: "다시 시작할게요" resets,
# "다시 시작해 볼라고 허는디 일자리 좀" and "다시 일을 해 보려고요" look for work.
_WEAK_RESET = re.compile(
    r"처음 ?으로|다시 ?(?:시작|할래|할게|하기|하자|해요|해 ?줘)|새로 ?(?:시작|할)"
)
_WORK_WORDS = re.compile(r"일|취업|취직|직장|구직|공장|회사|현장|알바|근무")


def asks_to_restart(text: str) -> bool:
    """True when the message explicitly asks to forget what was said and start over."""
    lowered = text.strip().lower()
    if lowered.startswith("/"):  # a button or command (/start_over) means it
        return True
    if _RESET.search(lowered):
        return True
    return bool(_WEAK_RESET.search(lowered)) and not _WORK_WORDS.search(lowered)


# Words of an ask about other work, learning or a new field ("다른 일은 뭐가 있어요?", "뭘
# 배워야 쓰까", "풍력 쪽은 어때요"); a statement ("직업군인 전역했어요", "교육 이수증 있어요": a
# certificate of a course done) has none.
_PATHS_ASK = re.compile(
    r"다른|딴|배우|배울|배워|교육\s?(?:받고|받을|받으|받아\s?보|과정|프로그램)|과정|훈련|내일배움|국비|진로|전환|전직|이직"
    r"|업종|직종|분야"
    r"|갈\s?만한|갈만한|갈\s?수\s?있|할\s?만한|할만한|할\s?수\s?있는|살릴|살려|옮기|옮길"
    r"|넘어가|바꾸|바꿔|길이|길\s|경로|유망|뜨는|추천|요즘|요새|새로"
    r"|어때|어떤가|어떨까|어떻|어쩐다|뭐가\s?있|뭐\s?있|머\s?있"
    r"|뭘\s?해야|뭐\s?해야"
)
# A new field asked about ("태양광 쪽 일은 괜찮아요?"); named in a wish or a statement
# ("배터리 공장이 좋다던데 가 보고 싶어요") it asks nothing: that is a search for its openings.
_FIELD_ASK = re.compile(r"(?:풍력|배터리|이차전지|태양광|신재생)[^.!]*(?:\?|나요|까요|는지|ㄴ가요)")


# After a place, "갈 수 있어라" widens the area the seeker would work in ("익산도 갈 수 있어라").
_GOES_TO_PLACE = re.compile(
    r"^\s?(?:도|까지|까진|은|는|이면|이믄|이라도|으로|로)?\s?(?:갈|다닐|댕길|가도)"
)


def _without_places_gone_to(text: str) -> str:
    """``text`` without "<place>도 갈 수 있" phrases: a place to go to asks about no path."""
    kept, last = [], 0
    for match in load_tables().region_matcher.find(text):
        going = _GOES_TO_PLACE.match(text[match.end :])
        if going is not None:
            kept.append(text[last : match.start])
            last = match.end + going.end()
    return "".join([*kept, text[last:]])


def asks_about_paths(text: str) -> bool:
    """True when the message asks where the seeker could go or what to learn, in words; the
    intent ``ask_paths`` alone is not enough ("직업군인 전역했어요 오십둘이요" is a search, "익산도
    갈 수 있어라" widens the area)."""
    lowered = _without_places_gone_to(normalize_text(text).text)
    return bool(_PATHS_ASK.search(lowered) or _FIELD_ASK.search(lowered))


# Words that ask for a person ("상담사 연결해 주세요", "사람 바꿔", "센터에 전화하고 싶어요");
# "필리핀사람 e9 자동차부품 공장 햇어요" (read as request_counselor) has none: 사람 there is a
# nationality, so 사람 counts only as a word of its own before a particle or a verb of asking.
_PERSON_ASK = re.compile(
    r"상담|직원|담당|선생님|매니저|팀장|센터|전화|통화|연결|바꿔|바꾸|불러|얘기|애기|이야기|말하"
    r"|(?<![가-힣])사람\s?(?:이랑|하고|허고|과|으로|한테|헌테|이요|이\s?직접|좀|$)"
)


def asks_for_person(text: str) -> bool:
    """True when the message asks for a counselor in words; the intent ``request_counselor``
    alone is not enough when the message only tells facts."""
    return bool(_PERSON_ASK.search(text.strip().lower()))


# A request to talk to a person, whatever the intent it lands in ("사람이랑 직접 통화할 수
# 있어요?", "전화로 물어봐도 돼요?", "네 연결해 주세요"): who (or the phone) and a verb of
# talking, or an explicit 연결해/바꿔 주세요. Narrower than :func:`asks_for_person`: "직종
# 바꾸고 싶어요" and "센터가 어디예요?" ask for no one.
_TALK_ASK = re.compile(
    r"(?:상담사|상담원|상담 선생님|직원|담당자|선생님|사람|누구|분)\s?"
    r"(?:이랑|랑|하고|허고|과|와|한테|헌테|께|하구)?\s?(?:직접\s?|좀\s?)?"
    r"(?:통화|얘기|애기|이야기|말씀|상담|연결|만나|바꿔)"
    r"|전화\s?(?:로|해|하|허|상담|통화|주|줄|좀|드려|걸어)"
    r"|통화\s?(?:하|허|할|헐|가능|돼|되|좀)"
    r"|연결\s?(?:해|혀|시켜|좀|부탁|돼|되|가능)"
    r"|직접\s?상담|상담\s?(?:받|해\s?주|하고\s?싶|허고\s?싶)"
)
_TALK_DECLINED = re.compile(r"말고|싫|안\s?해도|필요\s?없|괜찮아요|됐어요")


def asks_to_talk(text: str) -> bool:
    """True when the message asks to talk to a person or by phone, in words (a counselor
    request even when the classifier read ``help`` or a yes)."""
    lowered = text.strip().lower()
    return bool(_TALK_ASK.search(lowered)) and not _TALK_DECLINED.search(lowered)
