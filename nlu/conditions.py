"""What a seeker's message says about conditions: shifts, employment types, where, visa, amenities.

Each reader looks at one kind of mention with the cues of its own clause and records
evidence on the :class:`~nlu.reading.Reading`.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from nlu.cues import clause_cues
from nlu.gazetteer import GazetteerMatch
from nlu.lexicon import (
    ANYWHERE_ACCEPT_TERMS,
    ANYWHERE_TERMS,
    BODY_LIMITS,
    CITIZEN_CUES,
    COMMUTE_CUES,
    DAY_OFF_CUES,
    DAY_PAY_TERMS,
    EMPLOYMENT_TYPES,
    LIGHT_WORK_TERMS,
    MARRIAGE_CUES,
    NATIONALITY_TERMS,
    NATIVE_UNITS,
    NEAR_HOME_CUES,
    NEWCOMER_CUES,
    NIGHT_PAY_TERMS,
    ONLY_CUES,
    PHYSICAL_LIMIT_TERMS,
    SCHOOL_HOURS,
    SCHOOL_HOURS_TERMS,
    SEATED_WORK_TERMS,
    SHIFTS,
    SHORT_DAY_TERMS,
    VISA_DENIED_CUES,
    WALKING_CUES,
    WEEKDAY,
    WEEKDAYS_ONLY_TERMS,
    WEEKEND_TERMS,
)
from nlu.matchers import employment_matcher, shift_matcher, shifts_of
from nlu.reading import Reading

__all__ = [
    "FOREIGN_VISA_UNSAID",
    "KM_PER_COMMUTE_MINUTE",
    "REGION_EXCLUDED",
    "REGION_REACHABLE",
    "SHORT_DAY_HOURS",
    "Limits",
    "physical_limits",
    "read_amenity",
    "read_employment",
    "read_limits",
    "read_regions",
    "read_shifts",
    "read_visa",
    "reads_dormitory_welcome",
    "reads_little_korean",
]

logger = logging.getLogger(__name__)

#: The visa of a seeker from abroad who did not say which one ("캄보디아에서 왔어요"): any
#: visa rules out the postings that hire only Koreans; the type-specific rules (E-9) do not apply.
FOREIGN_VISA_UNSAID = "외국인"

#: Evidence prefix of a place the seeker says they would go to ("익산도 갈 수 있어라"): the
#: dialogue widens the commute to it (the parser does not know the center's default home).
REGION_REACHABLE = "region_reachable:"
#: … and a place itself ruled out ("아 익산 말고 군산이요", "전주는 안 가요").
REGION_EXCLUDED = "region_excluded:"
_PLACE_REFUSED = re.compile(
    r"\s?(?:시|군)?\s?(?:은|는|쪽은|쪽|에서는|은요|는요)?\s?(?:말고|빼고|제외|안\s?(?:가|돼|되)|싫|못\s?가)"
)

#: "30분 거리" → 24 km: an average of about 48 km/h on Gunsan-area roads.
KM_PER_COMMUTE_MINUTE = 0.8
#: How far "걸어 다닐 수 있으면" reaches: half an hour's walk.
WALKING_KM = 3
#: How far "집 근처" reaches: a short drive or bus ride, not across town to the 산단.
NEAR_HOME_KM = 10

_NOT_NEEDED = re.compile(r"아니어도|아니라도|아녀도|멀어도|상관\s?없")
_KM = re.compile(r"(\d{1,3})\s?(?:km|키로|킬로)")
_MINUTES = re.compile(r"(\d{1,3})\s?분")
_HOURS = re.compile(r"(?<![0-9])([12])\s?시간")
_VISA_LATIN = re.compile(r"(?<![a-z0-9])([efhdg])\s?-?\s?(\d{1,2})(?![0-9])")
_VISA_VALID = {"e": {7, 8, 9, 10}, "h": {1, 2}, "f": {1, 2, 3, 4, 5, 6}, "d": {2, 4, 10}, "g": {1}}
_VISA_KOREAN: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?:이|e)\s?(?:구|9)\s?비자"), "E-9"),
    (re.compile(r"(?:이|e)\s?(?:팔|8)\s?비자"), "E-8"),
    (re.compile(r"(?:이|e)\s?(?:칠|7)\s?비자"), "E-7"),
    (re.compile(r"에이치\s?(?:투|2|이)"), "H-2"),
    (re.compile(r"에프\s?(?:포|4|사)"), "F-4"),
    (re.compile(r"에프\s?(?:투|2|이)"), "F-2"),
    (re.compile(r"에프\s?(?:오|5|파이브)"), "F-5"),
    (re.compile(r"에프\s?(?:식스|6|육)"), "F-6"),
    (re.compile(r"고용\s?허가"), "E-9"),
    (re.compile(r"방문\s?취업"), "H-2"),
    (re.compile(r"재외\s?동포"), "F-4"),
    (re.compile(r"결혼\s?이민"), "F-6"),
    (re.compile(r"영주권"), "F-5"),
)
_NATIVE = "|".join(NATIVE_UNITS)
#: An age: "59세", "28살", "60대", "나이 55", "70 다 돼 가는디", "60다섯" (65).
_AGE_UNIT = re.compile(rf"(?<![0-9])([1-9]0|[1-9][0-9])({_NATIVE})?\s?(세|살|대)(?!\s?[0-9])")
_AGE_NEAR = re.compile(r"(?<![0-9])([1-9]0)\s?(?:이\s?)?(다\s?(?:돼|되|됐)|가까이|넘|지났|지난)")
#: "50대 후반", "오십 중반": a part of a decade, as the years into it.
_AGE_DECADE_PART = re.compile(r"(?<![0-9])([2-8]0)\s?대?\s?(초반|중반|후반)")
_DECADE_PART_YEARS = {"초반": 2, "중반": 5, "후반": 8}
#: Birthdays that name an age ("환갑 지났어요", "칠순 다 돼 가는디"), read as the number.
_AGE_WORDS = re.compile(r"환갑|회갑|진갑|칠순|고희|팔순")
_AGE_WORD_YEARS = {
    "환갑": "60",
    "회갑": "60",
    "진갑": "61",
    "칠순": "70",
    "고희": "70",
    "팔순": "80",
}
#: A number the seeker is, said as the first thing of a clause: "예순셋인데 아무 일이나",
#: "저 63이요", "낼모레 70이여", "58 됐어요" (years, pay and hours carry a counter instead;
#: 40 to 89 only, as a bare "20이요" more likely answers another question — unless typed as
#: the native 스물/서른 that count only years of age: "스물셋이고").
_AGE_IS_PATTERN = (
    r"^(?:(?:저는?|전|제가|나는?|난|내가|올해|인자|인제|이제|낼\s?모레|내일\s?모레|곧)\s?)?"
    r"({tens}[0-9])\s?(?:인데|인디|인께|이에요|이예요|이요|이여|이지라|이라|입니다|이고|이구|"
    r"이니까|이니께|이랑께|이어요|(?:이\s?)?(?:됐|되었|돼요))"
)
_AGE_IS = re.compile(_AGE_IS_PATTERN.format(tens="[4-8]"))
_AGE_IS_YOUNG = re.compile(_AGE_IS_PATTERN.format(tens="[23]"))
_YOUNG_NATIVE = re.compile(r"^(?:\S+\s)?(?:스물|스무|서른)")
_AGE_SAID = re.compile(
    rf"나이\S{{0,2}}\s?(?:는|가|도|로|이)?\s?([1-9][0-9])({_NATIVE})?(?![0-9]|\s?년)"
)
_AGE_ALONE = re.compile(r"^([2-8][0-9])[.!?]?$")
#: Years eaten, as older seekers say an age: "예순여덟 묵었어라", "쉰다섯 먹었어요".
_AGE_EATEN = re.compile(r"(?<![0-9])([2-8][0-9])\s?(?:살\s?)?(?:묵었|먹었|묵은|먹은)")
#: "인자 예순여덟이여", "올해 일흔이요": a number after 올해/인자 (now) ending the clause or
#: a word of it ("인자 예순하나여 몸 편한 일"), not one before a unit ("올해 20년째").
_AGE_NOW = re.compile(
    rf"(?:올해|인자|인제)\s?([2-8][0-9])({_NATIVE})?\s?"
    r"(?:이여|여|이야|야|이요|이에요|예요|요|이라|이지라|입니다)?(?:[.!?]?$|\s(?![0-9]))"
)
#: An age said with who one is: "쉰다섯 남자", "오십다섯 아줌마", "62세 여성", "예순다섯 할매".
_AGE_WHO = re.compile(
    rf"(?<![0-9])([2-8][0-9])({_NATIVE})?\s?(?:세|살)?\s?"
    r"(?:남자|여자|남성|여성|아저씨|아줌마|주부|할매|할머니|할배|할아버지|아짐|아지매)"
)
#: Only the weekend: "주말만", "토요일 일요일만", "토일에만" (not "주말만 쉬어요", "주말만 빼고").
_WEEKENDS_ONLY = re.compile(
    r"(?:주말|토요일|일요일|토일|토욜|일욜|토·일|토, 일)"
    r"(?:\s?(?:이랑|하고|과|와|,|·)?\s?(?:일요일|일욜))?\s?(?:에|엔)?\s?만(?!\s?(?:쉬|빼|휴무|안))"
)
#: Ages seekers of a job center state; anything else is not an age.
_AGE_RANGE = range(15, 90)
#: A person from a country ("베트남에서 왔어요", "캄보디아서 왔어라", "필리핀 사람"), not a dish
#: or a language (중국집).
_FROM_ABROAD = re.compile(
    rf"(?:{'|'.join(NATIONALITY_TERMS)})\s?(?:에서|서\s?(?:왔|온|시집)|사람|출신|국적|여자|남자|며느리|댁)"
    r"|조선족"
)
#: Korean spoken a little ("한국말 조금 해요", "한국어 서툴러요", "한국말 잘 몰라요"), not well
#: ("한국말 잘해요").
_LITTLE_KOREAN = re.compile(
    r"(?:한국말|한국어|한국 말)\s?(?:은|는|을|를|이|도)?\s?"
    r"(?:조금|쪼금|좀|약간|잘\s?못|못|서툴|서툼|서투|잘\s?몰|몰라|초급|간단한)"
)
#: A short working day with no number said ("하루 몇 시간만", "파트타임"), in hours: a
#: posting of up to six hours with its break (09:00~15:00) fits it.
SHORT_DAY_HOURS = 5
#: Part of the day only: "오전만", "오전에만 되지라", "아침에만", "점심때까지만"; "오후만".
_MORNING_ONLY = re.compile(
    r"(?:오전|아침)\s?(?:에만|만|중에만|시간만|근무만|타임|반나절|에\s?잠깐)"
    r"|점심\s?(?:때|전|먹기 전)?\s?까지만?"
)
_AFTERNOON_ONLY = re.compile(r"오후\s?(?:에만|만|시간만|근무만|타임)")
#: The other half of the day taken: "오후엔 애기 봐야돼서" leaves the morning.
_BUSY_HALF = {
    "오전": re.compile(r"오후|점심\s?(?:때|지나서|이후)"),
    "오후": re.compile(r"오전|아침"),
}
#: "하루 네 시간만", "4시간 정도만", "5시간까지": at most that many hours a day.
_DAY_HOURS = re.compile(
    r"(?<![0-9])([1-8])\s?시간\s?(?:정도\s?|씩\s?|가량\s?)?(?:만|까지|이하|이내|안쪽)"
)
_DAY_HOURS_SAID = re.compile(r"하루\s?(?:에\s?)?([1-8])\s?시간(?!\s?(?:거리|걸리|반))")
#: Clauses about the way to work, not the day's hours ("1시간 이내 거리").
_WAY_CUES = ("출퇴근", "거리", "통근", "차로", "걸리", "멀", "가까", "이동")
#: A body part and how it is: "무릎이 안 좋아서", "허리 디스크", "어깨를 다쳐서".
_BODY_UNWELL = re.compile(
    rf"({'|'.join(BODY_LIMITS)})\s?(?:이|가|를|도|는|은)?\s?"
    r"(?:안\s?좋|않\s?좋|아프|아파|아퍼|수술|다쳐|다쳤|디스크|불편|시원찮|션찮|나가|망가)"
)
_AROUND = re.compile(r"\s?(?:쪽|근처|부근|인근)")
_FEAR_CUES = ("무서", "무섭", "겁나", "겁이", "공포")
#: Clock hours said in words ("아홉 시", "세시").
_HOUR_WORDS = {
    "한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9,
    "열": 10, "열한": 11, "열두": 12,
}  # fmt: skip
_CLOCK = r"(?:(?P<{h}>오전|아침|새벽|오후|저녁|밤)\s?)?(?P<{n}>[0-9]{{1,2}}|{words})\s?시(?:\s?반)?"
_WORDS = "|".join(sorted(_HOUR_WORDS, key=len, reverse=True))
#: "오전 9시부터 오후 3시까지", "아홉시에서 세시 사이", "10시~4시만": the hours the seeker can
#: work between.
_WINDOW = re.compile(
    _CLOCK.format(h="half1", n="hour1", words=_WORDS)
    + r"\s?(?:부터|에서|~|-)\s?"
    + _CLOCK.format(h="half2", n="hour2", words=_WORDS)
    + r"\s?(?:까지|사이|전까지|만)"
)
#: "아이 학교 끝나는 3시 전까지만 일할수있어요": the hour the day must end by.
_UNTIL = re.compile(
    _CLOCK.format(h="half1", n="hour1", words=_WORDS)
    + r"\s?(?:전까지만?|까지만|(?:전에는?|전엔|까지는?|까진)\s?(?:끝나|마쳐|마치|퇴근)"
    # "애기 유치원 세시에 데리러 가야돼요": the hour a child is picked up
    + r"|에\s?(?:(?:애들?|아이들?|애기|아기)\s?)?(?:데리러|데릴러|픽업|마중|하원))"
)
_PM = ("오후", "저녁", "밤")
#: The early morning, which "새벽은 안되고" rules out: work must start from this hour.
_EARLY = re.compile(r"새벽(?!\s?잠)|아침\s?일찍|이른\s?아침")
NO_EARLY_FROM = 7
#: The evening, which "저녁은 힘들어요" rules out: work must end by this hour, and shifts
#: that run into the night (야간, 2교대, 3교대) are out.
_EVENING = re.compile(r"저녁|밤\s?늦게")
NO_EVENING_UNTIL = 18
#: A start at this hour or earlier with no 오전/새벽 said is in the afternoon.
EARLIEST_UNSAID = 5
_NIGHT_RELATED = ("야간", "2교대", "3교대")
#: Right after a time of day, what the seeker does then instead: "낮에는 애기 봐야돼서",
#: "낮엔 딴일해요", "밤에는 애들 때문에" — that time is ruled out.
_BUSY_THEN = re.compile(
    r"\s?(?:에는|엔|에|은|는)?\s?(?:애기|아기|아이|애들|딴\s?일|다른\s?일|학교|수업|봐야|돌봐|바빠|바쁘)"
)
#: Right after "야간만": a refusal of it ("야간만 아니면", "야간만은 안돼요", "주간만 하는 건 싫고").
_ONLY_REFUSED = re.compile(
    r"\s?(?:(?:으로|로|에|근무|시간)\s?)?만?\s?(?:은|는|도)?\s?(?:하는\s?(?:건|것은|거는?)\s?)?"
    r"(?:아니|안\s?[되돼하해]|말고|빼고|제외|못|싫)"
)
#: What joins shifts named as one list ("야간 교대", "야간이나 2교대", "2교대·3교대").
_SHIFT_LIST_JOIN = re.compile(r"\s?(?:[·,/]|이나|나|랑|이랑|하고|과|와|및|또는|근무)?\s?")
#: Something else said to be missing or refused: a car, a licence, experience, housing.
_OTHER_MISSING = re.compile(
    r"(?:차|자가용|면허|자격증|자격|경력|경험|기숙사|숙소|버스)\s?(?:은|는|이|가|도)\s?"
    r"(?:없|업|안\s?[되돼]|못)\S*"
)
#: Right after a place: the seeker moved there ("군산으로 이사 왔어요", "군산 내려왔어요").
_MOVED_TO = re.compile(
    r"\s?(?:으로|로)?\s?(?:이사|내려와|내려왔|내려 왔|올라와|올라왔|돌아와|돌아왔)"
)
_AWAY_CUES = ("가도", "갈 수", "갈수", "까지", "도 괜찮", "도 가능", "으로 가", "로 가", "출장")


def read_shifts(st: Reading) -> tuple[frozenset[str], frozenset[str]]:
    """(wanted, excluded) shifts; refusing 야간 also refuses 2교대 and 3교대."""
    t = st.norm.text
    wanted: set[str] = set()
    refused: set[str] = set()
    implied: set[str] = set()
    found = shift_matcher().find(t)
    negated = _negated_after(st, found)
    for m, negated_after in zip(found, negated, strict=True):
        shifts = shifts_of(m.key)
        k = st.clause_at(m.start)
        cues = st.cues(k)
        after = t[m.end : m.end + 6]
        if cues.not_required:
            st.note(k, "shift_flexible:" + ",".join(shifts))
            continue
        only = t[m.start : m.end].endswith("만") or after.startswith(ONLY_CUES)
        busy = not only and _BUSY_THEN.match(t[m.end : m.end + 12]) is not None
        # "야간만 아니면 돼요" refuses what 만 names; in "낮에만 하고 차가 없어서" the clause's
        # 없 is about the car, so "X만" stays wanted
        only_refused = only and _ONLY_REFUSED.match(t, m.end) is not None
        if (cues.refused and negated_after and not only) or only_refused or busy:
            refused.update(shifts)
            if "야간" in shifts:
                implied.update(_NIGHT_RELATED)
            st.note(k, "shift_excluded:" + ",".join(shifts))
            continue
        wanted.update(shifts)
        st.note(k, "shift_wanted:" + ",".join(shifts))
        if only:
            implied.update(s for s in SHIFTS if s not in shifts)
            st.note(k, "shift_only:" + ",".join(shifts))
    for k, clause in enumerate(st.clauses):
        # "야간 수당 많이 주는 데": asking for the night allowance asks for night work
        cues = st.cues(k)
        if any(term in clause.text for term in NIGHT_PAY_TERMS) and not (
            cues.refused or cues.not_required or "야간" in refused
        ):
            wanted.add("야간")
            st.note(k, "shift_wanted:야간")
    if (evening := _evening_refused(st)) is not None:
        refused.add("야간")  # "저녁은 힘들어요": a night or a turn into the evening is out
        implied.update(_NIGHT_RELATED)
        st.note(evening, "shift_excluded:야간")
    excluded = refused | (implied - wanted)
    return frozenset(wanted - refused), frozenset(excluded)


def _evening_refused(st: Reading) -> int | None:
    """The clause refusing the evening ("저녁은 힘들어요", "저녁엔 애들 봐야돼서", "밤 늦게는
    못해요"), not work done then nor an evening that is fine ("저녁도 괜찮아요")."""
    for said in _EVENING.finditer(st.norm.text):
        k = st.clause_at(said.start())
        cues = st.cues(k)
        if cues.experience or cues.not_required:
            continue
        after = st.norm.text[said.end() : st.clauses[k].end]
        if _refuses(after) or _BUSY_THEN.match(after[:12]) is not None:
            return k
    return None


def _negated_after(st: Reading, found: Sequence[GazetteerMatch]) -> list[bool]:
    """Whether a negation follows each shift named before the next one: a negation follows
    what it negates, so in "교대 없는 주간 상시 자리" and "주간 근무에 야간 없는 곳" only one is
    refused, while a list ("야간 교대는 안 돼요", "야간이나 2교대는 못해요") is refused whole."""
    t = st.norm.text
    negated = [False] * len(found)
    for i in reversed(range(len(found))):
        m = found[i]
        k = st.clause_at(m.start)
        end = st.clauses[k].end
        if st.clauses[k].text.endswith("서") and k + 1 < len(st.clauses):
            # "야간은 몸이 안받아서 | 못하고 주간만": -서 leaves its verb to the next clause
            end = st.clauses[k + 1].end
        following = found[i + 1] if i + 1 < len(found) else None
        if following is not None and following.start < end:
            between = t[m.end : following.start]
            joined = _SHIFT_LIST_JOIN.fullmatch(between) is not None
            negated[i] = _refuses(between) or (joined and negated[i + 1])
        else:
            negated[i] = _refuses(t[m.end : end])
    return negated


def _refuses(words: str) -> bool:
    """Whether the words after a shift refuse it, leaving out what they say is missing
    ("주간으로 차는 없어요": the car is)."""
    return clause_cues(_OTHER_MISSING.sub(" ", words)).refused


def read_employment(st: Reading) -> tuple[frozenset[str], frozenset[str]]:
    """(wanted, excluded) employment types; "정규직만" excludes the others."""
    t = st.norm.text
    wanted: set[str] = set()
    excluded: set[str] = set()
    only: set[str] = set()
    for m in employment_matcher().find(t):
        k = st.clause_at(m.start)
        cues = st.cues(k)
        if cues.not_required:
            st.note(k, f"employment_flexible:{m.key}")
            continue
        if cues.refused and not (cues.absent and cues.question):
            excluded.add(m.key)
            st.note(k, f"employment_excluded:{m.key}")
            continue
        wanted.add(m.key)
        st.note(k, f"employment_wanted:{m.key}")
        if t[m.end : m.end + 5].startswith(ONLY_CUES):
            only.add(m.key)
    for k, clause in enumerate(st.clauses):
        # "일당 주는 데": paid by the day is day labour, asked for by its pay
        if (
            any(term in clause.text for term in DAY_PAY_TERMS)
            and not st.cues(k).refused
            and "일용직" not in excluded
        ):
            wanted.add("일용직")
            st.note(k, "employment_wanted:일용직")
    if only:
        excluded |= {e for e in EMPLOYMENT_TYPES if e not in only}
    return frozenset(wanted - excluded), frozenset(excluded)


def read_regions(st: Reading) -> tuple[str | None, bool, int | None, tuple[str, ...]]:
    """(home region id, any region is fine, maximum commute in km, the places named as where
    to work: neither where the seeker lives nor where they worked, refused or merely reachable
    — "익산 식품클러스터 공장 생산직 … 있을까요? … 대야 살아요", "익산이나 군산")."""
    t = st.norm.text
    home: str | None = None
    work: list[str] = []
    fallback: str | None = None
    around: str | None = None
    home_clause = fallback_clause = around_clause = 0
    places = st.tables.region_matcher.find(t)
    # "익산이나 군산": several places in a clause are an area to work in
    per_clause = Counter(st.clause_at(m.start) for m in places)
    for m in places:
        k = st.clause_at(m.start)
        cues = st.cues(k)
        region = st.tables.regions[m.key]
        text = st.clauses[k].text
        if cues.refused:
            if _PLACE_REFUSED.match(t, m.end):  # "익산 말고", not "군산 떠날 생각은 없고"
                st.note(k, f"{REGION_EXCLUDED}{m.key}")
            st.note(k, f"region_mentioned:{m.key}")
            continue
        if any(cue in text for cue in _AWAY_CUES):
            # "익산도 갈 수 있어라": a place the seeker would go to, not where they live
            st.note(k, f"{REGION_REACHABLE}{m.key}")
            continue
        if not (cues.home or cues.experience) and (
            _asks_for(st, k, m, per_clause) or _AROUND.match(t[m.end :]) or per_clause[k] > 1
        ):
            work.append(m.key)  # a bare "군산이요" answers where they live
        if cues.home and home is None:
            home, home_clause = m.key, k
        elif fallback is None and region.level != "park" and not cues.experience:
            fallback, fallback_clause = m.key, k
        elif around is None and region.level != "park" and _AROUND.match(t[m.end :]):
            # "… 경력 6년 완주 전주 쪽": the places before 쪽/근처 are where the seeker would
            # work, even in a clause about work done; the first of them stands for the area
            first = next(
                (
                    r.key
                    for r in st.tables.region_matcher.find(text)
                    if st.tables.regions[r.key].level != "park"
                ),
                m.key,
            )
            around, around_clause = first, k
    # "울산 살다 군산으로 이사 왔어요": where they moved to is home now
    moved = next((m for m in places if _MOVED_TO.match(t, m.end)), None)
    if moved is not None:
        home, home_clause = moved.key, st.clause_at(moved.start)
    if home is None and fallback is not None:
        home, home_clause = fallback, fallback_clause
    if home is None and around is not None:
        home, home_clause = around, around_clause
    if home is not None:
        home = _finest(st, home, home_clause)
        st.note(home_clause, f"home_region:{home}")
    anywhere = False
    for k, clause in enumerate(st.clauses):
        if any(term in clause.text for term in ANYWHERE_TERMS):
            anywhere = True
            st.note(k, "region_anywhere")
        elif any(term in clause.text for term in ANYWHERE_ACCEPT_TERMS):
            anywhere = anywhere or not st.cues(k).refused
            st.note(k, "region_anywhere" if not st.cues(k).refused else "region_local_only")
    commute: int | None = None
    for k, clause in enumerate(st.clauses):
        if commute is not None:
            continue
        if any(cue in clause.text for cue in WALKING_CUES):
            if not (st.cues(k).refused or st.cues_said_of(k).refused):
                commute = WALKING_KM  # "나운동 안에서 걸어 다닐 수 있으면"
        elif any(cue in clause.text for cue in NEAR_HOME_CUES):
            if not (st.cues(k).refused or _NOT_NEEDED.search(clause.text)):
                commute = NEAR_HOME_KM  # not "집 근처 아니어도 돼요"
        elif not any(cue in clause.text for cue in COMMUTE_CUES):
            continue
        elif (km := _KM.search(clause.text)) is not None:
            commute = int(km.group(1))
        elif (minutes := _MINUTES.search(clause.text)) is not None and int(minutes.group(1)) <= 120:
            commute = round(int(minutes.group(1)) * KM_PER_COMMUTE_MINUTE)
        elif (hours := _HOURS.search(clause.text)) is not None:
            commute = round(int(hours.group(1)) * 60 * KM_PER_COMMUTE_MINUTE)
        if commute is not None:
            st.note(k, f"max_commute_km:{commute}")
    return home, anywhere, commute, tuple(dict.fromkeys(work))


def _asks_for(st: Reading, k: int, place: GazetteerMatch, places: Counter[int]) -> bool:
    """Whether clause ``k`` wants or asks for something beside ``place``, itself or by the
    verb it leaves to the next clause, one naming no place ("익산 식품클러스터 공장 생산직
    주간만 하는데 | 있을까요"); ``places`` counts the places each clause names."""
    cues = st.cues(k)
    if cues.want or cues.question:
        return True
    more = len(st.clauses[k].text) - len(place.surface) > _BARE_PLACE
    if not more or k + 1 >= len(st.clauses) or places[k + 1]:
        return False
    return st.cues(k + 1).want or st.cues(k + 1).question


#: Characters a clause may hold beside a place and still only name it ("군산이여", "군산이지라").
_BARE_PLACE = 4


def _finest(st: Reading, home: str, k: int) -> str:
    """The most specific place clause ``k`` names inside ``home``: "군산 조촌동" is 조촌동, not
    all of 군산 (distances then start from where the seeker lives, and a search follows)."""
    regions = st.tables.regions
    clause = st.clauses[k]
    for m in st.tables.region_matcher.find(clause.text):
        parent = regions[m.key].parent
        while parent is not None and parent != home and parent in regions:
            parent = regions[parent].parent
        if parent == home and regions[m.key].level != "park":
            home = m.key
    return home


def read_visa(st: Reading) -> str | None:
    """The visa type (E-9, H-2, F-4...), from "E-9", "이구비자", "고용허가"...; a nationality
    with a marriage ("베트남에서 왔어요 결혼해서") is F-6, a nationality alone ("캄보디아에서
    왔어요") :data:`FOREIGN_VISA_UNSAID`; a citizen ("한국 국적") has none."""
    t = st.norm.text
    if any(cue in t for cue in CITIZEN_CUES):
        return None
    for match in _VISA_LATIN.finditer(t):
        letter, number = match.group(1), int(match.group(2))
        denied = any(cue in t[match.end() : match.end() + 5] for cue in VISA_DENIED_CUES)
        if number in _VISA_VALID[letter] and not denied:
            visa = f"{letter.upper()}-{number}"
            st.note(st.clause_at(match.start()), f"visa:{visa}")
            return visa
    for pattern, visa in _VISA_KOREAN:
        if (spoken := pattern.search(t)) is not None:
            st.note(st.clause_at(spoken.start()), f"visa:{visa}")
            return visa
    if (abroad := _FROM_ABROAD.search(t)) is None:
        return None
    k = st.clause_at(abroad.start())
    if any(c in t for c in MARRIAGE_CUES):
        st.note(k, "visa:F-6")
        return "F-6"
    st.note(k, f"visa:{FOREIGN_VISA_UNSAID}")
    return FOREIGN_VISA_UNSAID


def reads_little_korean(st: Reading) -> bool:
    """Whether the seeker says they speak Korean only a little: office work, done in Korean
    all day, is not theirs to do first."""
    found = _LITTLE_KOREAN.search(st.norm.text)
    if found is not None:
        st.note(st.clause_at(found.start()), "little_korean")
    return found is not None


#: A dormitory welcome, not needed: "기숙사 있으면 좋고", "숙소 주면 더 좋고", "있음 좋겠구요".
_DORMITORY_WELCOME = re.compile(
    r"(?:기숙사|숙소)\S*\s?(?:\S+\s)?(?:있으면|있으믄|있음|주면|되면)\s?(?:더\s?)?(?:좋|괜찮)"
)


def reads_dormitory_welcome(st: Reading) -> bool:
    """Whether a dormitory is said to be welcome rather than needed: no reason to move for it."""
    return _DORMITORY_WELCOME.search(st.norm.text) is not None


def read_amenity(st: Reading, terms: tuple[str, ...], fact: str) -> bool:
    """Whether the seeker needs what ``terms`` name (a dormitory, a commute bus)."""
    needed = False
    for k, clause in enumerate(st.clauses):
        at = [i for i in (clause.text.find(term) for term in terms) if i >= 0]
        if at:
            # a negation follows what it negates: "여기 없으면 … 숙소 주면 갑니다" needs one
            needed = not (st.cues(k).refused and clause_cues(clause.text[min(at) :]).refused)
            st.note(k, fact if needed else f"no_{fact}")
    return needed


#: A season or a few weeks of work wished for: "단기로", "12월 한달만 바짝", "방학 동안" —
#: not time off ("두 달 정도 쉬었어요"); the month counts are Arabic once normalized.
_SHORT_TERM = re.compile(
    r"단기(?!간)|(?<![0-9])[1-3]\s?달\s?(?:정도\s?)?(?:만|바짝)|몇\s?달\s?(?:정도\s?)?만"
    r"|(?<![0-9])[1-6]\s?개월\s?(?:정도\s?)?만|방학\s?(?:동안|때|기간|중)(?!\s?(?:에는?|엔|은|는)?\s?쉬)|겨울\s?(?:동안|한철|만|에만)"
)
#: … or said as the season with no work: "겨울엔 할게 없어서", "농한기라".
_IDLE_SEASON = re.compile(r"겨울엔?\s?할\s?(?:게|일이?)\s?없|농한기")


@dataclass(frozen=True)
class Limits:
    """Personal limits a message states: weekends off or only, age, starting out, the part of the
    day and the hours a day the seeker can work, work their body does not take, and a season
    or a few weeks of work."""

    no_weekends: bool = False
    weekends_only: bool = False
    age: int | None = None
    newcomer: bool = False
    work_hours: str | None = None
    max_daily_hours: int | None = None
    physical_limits: frozenset[str] = frozenset()
    work_from: int | None = None
    work_until: int | None = None
    short_term: bool = False


def _short_term(st: Reading) -> bool:
    """Whether the seeker wants work for a season or a few weeks, not work they did then
    ("방학 때 알바 했어요") nor a short term refused ("단기 말고")."""
    for k, clause in enumerate(st.clauses):
        cues = st.cues(k)
        if _IDLE_SEASON.search(clause.text) or (
            _SHORT_TERM.search(clause.text) and not (cues.experience or cues.refused)
        ):
            st.note(k, "short_term")
            return True
    return False


def _age(st: Reading) -> int | None:
    """The seeker's age: "오십구세" → 59, "60대" → 60, "50대 후반" → 58, "칠십 다 돼 가는디" → 69,
    "예순여덟 묵었어라" → 68, "인자 예순여덟이여" → 68, "올해 육십둘" → 62, "예순셋인데" → 63,
    "쉰다섯 남자" → 55, "환갑 지났어요" → 61."""
    for k, clause in enumerate(st.clauses):
        text = _AGE_WORDS.sub(lambda w: _AGE_WORD_YEARS[w.group()], clause.text)
        found: int | None = None
        if (m := _AGE_DECADE_PART.search(text)) is not None:
            found = int(m.group(1)) + _DECADE_PART_YEARS[m.group(2)]
        elif (m := _AGE_UNIT.search(text)) is not None and not text[m.end() :].startswith("교대"):
            found = int(m.group(1)) + NATIVE_UNITS.get(m.group(2) or "", 0)
        elif (m := _AGE_NEAR.search(text)) is not None:
            found = int(m.group(1)) + (1 if m.group(2) in ("넘", "지났", "지난") else -1)
        elif (
            m := _AGE_SAID.search(text) or _AGE_NOW.search(text.strip()) or _AGE_WHO.search(text)
        ) is not None:
            found = int(m.group(1)) + NATIVE_UNITS.get(m.group(2) or "", 0)
        elif (
            m := _AGE_EATEN.search(text) or _AGE_IS.match(text.strip()) or _young_age(st, k)
        ) is not None:
            found = int(m.group(1))
        elif (m := _AGE_ALONE.match(text.strip())) is not None and k == len(st.clauses) - 1:
            found = int(m.group(1))  # "… 배워서 하고싶어요. 45": a bare number at the end
        if found is not None and found in _AGE_RANGE:
            st.note(k, f"age:{found}")
            return found
    return None


def _young_age(st: Reading, k: int) -> re.Match[str] | None:
    """An age of 20 to 39 leading a clause in the native 스물/서른 ("스물셋이고")."""
    clause = st.clauses[k]
    if not _YOUNG_NATIVE.match(st.norm.source_span(clause.start, clause.end).strip()):
        return None
    return _AGE_IS_YOUNG.match(clause.text.strip())


def read_limits(st: Reading, *, experienced: bool = False) -> Limits:
    """Weekends ruled out ("주말은 안 돼요", "평일만") or the only days ("주말만"), the age, and
    whether the seeker starts out.

    ``experienced``: the message states years of work done, so "배워서", "처음" are about
    something else than starting out.
    """
    no_weekends = weekends_only = False
    for k, clause in enumerate(st.clauses):
        text = clause.text
        weekday_wish = (  # "평일 낮에 몇시간만 알바 구해요": the days they ask for
            WEEKDAY in text and st.cues(k).want and not any(term in text for term in WEEKEND_TERMS)
        )
        if weekday_wish or any(term in text for term in WEEKDAYS_ONLY_TERMS):
            no_weekends = True
            st.note(k, "no_weekends")
        elif any(term in text for term in WEEKEND_TERMS):
            cues = st.cues(k)
            refused = cues.refused or any(cue in text for cue in DAY_OFF_CUES)
            no_weekends = refused and not cues.not_required
            st.note(k, "no_weekends" if no_weekends else "weekends_ok")
            if not refused and _WEEKENDS_ONLY.search(text):
                weekends_only = True  # "평일엔 딴 데 다녀서 토요일 일요일만"
                st.note(k, "weekends_only")
    newcomer = False
    for k, clause in enumerate(st.clauses):
        if any(cue in clause.text for cue in NEWCOMER_CUES):
            newcomer = True
            st.note(k, "newcomer")
    return Limits(
        no_weekends=no_weekends,
        weekends_only=weekends_only and not no_weekends,
        age=_age(st),
        newcomer=newcomer and not experienced,
        work_hours=_work_hours(st),
        max_daily_hours=_max_daily_hours(st),
        physical_limits=physical_limits(st),
        short_term=_short_term(st),
        **_work_window(st),
    )


def _work_window(st: Reading) -> dict[str, int]:
    """The hours the seeker can work between, as ``work_from``/``work_until`` (0–24):
    "오전 9시부터 오후 3시까지 가능해요" → 9, 15; "10시~4시만" → 10, 16 (an end before the
    start is in the afternoon); "아이 학교 가는 시간만" → SCHOOL_HOURS. Empty when no such span
    is said, or it is about work done."""
    for said in _WINDOW.finditer(st.norm.text):  # "10시~4시": the clauses split at ~
        k = st.clause_at(said.end() - 1)
        cues = st.cues(k)
        if cues.experience or any(cue in st.clauses[k].text for cue in _WAY_CUES):
            continue  # "9시부터 6시까지 일했어요", "7시부터 버스가"
        if cues.refused and not cues.not_required:
            continue
        start, end = (_clock_hour(said.group(f"half{i}"), said.group(f"hour{i}")) for i in (1, 2))
        if start <= EARLIEST_UNSAID and not said.group("half1") and not said.group("half2"):
            start, end = start + 12, end + 12  # "1시부터 5시까지": nobody means 1 a.m. unsaid
        if end <= start and said.group("half2") is None and end + 12 <= 24:
            end += 12  # "9시부터 3시까지"
        if not 0 <= start < end <= 24:
            continue
        st.note(k, f"work_window:{start}-{end}")
        return {"work_from": start, "work_until": end}
    for k, clause in enumerate(st.clauses):
        cues = st.cues(k)
        if any(term in clause.text for term in SCHOOL_HOURS_TERMS) and not cues.experience:
            start, end = SCHOOL_HOURS  # "아이 학교 가는 시간만 일할수 있어요"
            st.note(k, f"work_window:{start}-{end}")
            return {"work_from": start, "work_until": end}
    for said in _UNTIL.finditer(st.norm.text):
        k = st.clause_at(said.start())
        cues = st.cues(k)
        if cues.experience or any(cue in st.clauses[k].text for cue in _WAY_CUES):
            continue  # "6시까지 일했어요", "8시까지 버스가"
        end = _clock_hour(said.group("half1"), said.group("hour1"))
        if end <= EARLIEST_UNSAID + 2 and not said.group("half1"):
            end += 12  # "3시 전까지만": nobody stops work at 3 a.m. unsaid
        st.note(k, f"work_until:{end}")
        return {"work_until": end}
    for said in _EARLY.finditer(st.norm.text):
        k = st.clause_at(said.start())
        cues = st.cues(k)
        # "새벽은 안되고", "새벽 출근은 힘들어요" — not "새벽일도 괜찮고", "새벽에 일했어요"
        if (
            cues.experience
            or cues.not_required
            or not _refuses(st.norm.text[said.end() : st.clauses[k].end])
        ):
            continue
        st.note(k, f"work_from:{NO_EARLY_FROM}")
        return {"work_from": NO_EARLY_FROM} | _no_evening(st)
    return _no_evening(st)


def _no_evening(st: Reading) -> dict[str, int]:
    """``work_until`` NO_EVENING_UNTIL when the evening is refused, else nothing."""
    if (k := _evening_refused(st)) is None:
        return {}
    st.note(k, f"work_until:{NO_EVENING_UNTIL}")
    return {"work_until": NO_EVENING_UNTIL}


def _clock_hour(half: str | None, hour: str) -> int:
    value = int(hour) if hour.isdigit() else _HOUR_WORDS[hour]
    return value + 12 if half in _PM and value < 12 else value


def _work_hours(st: Reading) -> str | None:
    """The part of the day the seeker can work only in: "오전" ("오전만 가능해요") or "오후"."""
    for k, clause in enumerate(st.clauses):
        if st.cues(k).refused and not st.cues(k).not_required:
            continue  # "오전만은 안 돼요"
        for pattern, part in ((_MORNING_ONLY, "오전"), (_AFTERNOON_ONLY, "오후")):
            if pattern.search(clause.text):
                st.note(k, f"work_hours:{part}")
                return part
    for k, clause in enumerate(st.clauses):
        for part, other in _BUSY_HALF.items():
            busy = any(
                _BUSY_THEN.match(clause.text, m.end()) is not None
                for m in other.finditer(clause.text)
            )
            if busy and not st.cues(k).experience:
                st.note(k, f"work_hours:{part}")
                return part
    return None


def _max_daily_hours(st: Reading) -> int | None:
    """The most hours a day the seeker can work: "하루 네 시간만" → 4, "몇 시간만" → 5."""
    for k, clause in enumerate(st.clauses):
        text = clause.text
        cues = st.cues(k)
        if cues.experience or any(cue in text for cue in _WAY_CUES):
            continue  # "하루 10시간 일했어요", "1시간 이내 거리"
        said = _DAY_HOURS.search(text) or _DAY_HOURS_SAID.search(text)
        hours = int(said.group(1)) if said is not None else None
        if hours is None and any(term in text for term in SHORT_DAY_TERMS):
            hours = SHORT_DAY_HOURS
        if hours is not None and not cues.refused:
            st.note(k, f"max_daily_hours:{hours}")
            return hours
    return None


def physical_limits(st: Reading) -> frozenset[str]:
    """Work the seeker's body does not take: refused ("힘든 일은 못 해요"), a body part
    that is not well ("무릎이 안 좋아서"), or light work wished for ("덜 힘든 일")."""
    limits: set[str] = set()
    for k, clause in enumerate(st.clauses):
        text = clause.text
        found = {BODY_LIMITS[m.group(1)] for m in _BODY_UNWELL.finditer(text)}
        cues = st.cues(k)
        seated = any(term in text for term in SEATED_WORK_TERMS)  # "앉아서 하는 일 없을까요"
        if seated and not (cues.experience or st.cues_said_of(k).experience):
            found.add("standing")
        if any(term in text for term in LIGHT_WORK_TERMS) and not cues.experience:
            found.add("heavy")  # "가벼운 거", not "가벼운 부품 조립 해봤어요"
        afraid = any(cue in text for cue in _FEAR_CUES)  # "높은 데는 무서워서 못 가요"
        if (cues.refused or afraid) and not cues.not_required:
            found |= {
                limit
                for limit, terms in PHYSICAL_LIMIT_TERMS.items()
                if any(term in text for term in terms)
            }
        for limit in sorted(found - limits):
            st.note(k, f"physical_limit:{limit}")
        limits |= found
    return frozenset(limits)
