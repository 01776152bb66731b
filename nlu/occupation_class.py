"""Which KECO occupation an opening is, and what a seeker did, wants and rules out.

An opening is classified from its 고용24 ``jobsCd`` when it has one (a code whose digits
changed meaning with KECO 2025 is decided by the title and text), else from the words of its
occupation field and title, else from its description. Each class has a confidence; below
:data:`UNKNOWN_BELOW` the class is unknown — never a forced guess.

    >>> classify_opening(title="선박 블록 CO2 용접사 모집").code
    '824102'
    >>> read_seeker_jobs("자동차 조립 20년 했는데 배터리 공장 쪽으로 가고 싶어요").targets
    ('8351',)
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace

from nlu.clauses import Clause, split_clauses
from nlu.conditions import physical_limits
from nlu.cues import ClauseCues, clause_cues
from nlu.gazetteer import GazetteerMatch
from nlu.keco import Keco, load_keco, nested, shared_level
from nlu.lexicon import (
    CONTINUE_CUES,
    HEARSAY_CUES,
    LIGHT_WORK_TERMS,
    POINTING_BACK_CUES,
    SHIFT_TERMS,
    UNNAMED_WORK,
)
from nlu.opening_terms import leaves_heavy_trade
from nlu.profile import SeekerProfile
from nlu.reading import Reading
from nlu.requirements import is_formal
from nlu.tables import load_tables
from nlu.text import normalize_text, without_brackets

__all__ = [
    "TEACHING",
    "UNKNOWN_BELOW",
    "OccupationClass",
    "SeekerJobs",
    "classify_opening",
    "joins_two_trades",
    "named_codes",
    "read_seeker_jobs",
    "with_jobs",
]

#: Codes of instructors (기술·기능계 강사 …): the other trades their clause names are taught.
TEACHING = "214"
#: Characters between an industry and its role ("배터리팩 만드는 회사 생산관리"), and between
#: a trade and the instructor word after it ("용접을 가르치는 일").
NEAR_PLACE, NEAR_SUBJECT = 14, 3
#: How many clauses back a wish with no work of its own ("… 근데 배워서 하고싶어요") looks.
BACK_CLAUSES = 2
#: Confidence under which a class is reported as unknown.
UNKNOWN_BELOW = 0.5
#: Confidence by evidence: a 고용24 code, a code decided by text, words of the title by the
#: number of digits of the code they give (a coarse word is an honest "only this much").
JOBS_CD, JOBS_CD_BY_TEXT = 0.95, 0.8
TITLE_BY_DIGITS = {1: 0.5, 2: 0.55, 3: 0.7, 4: 0.85, 6: 0.85}
TEXT_FACTOR = 0.7

_YEARS = re.compile(r"(?<![0-9.])(\d{1,2})\s?(?:년|해)(?!생|\s?\d{1,2}\s?월)")
#: "경력 5년": years of past work, whatever else the clause wants ("경력 5년 부안 김제 괜찮음").
_CAREER_YEARS = re.compile(r"경력\s?\d{1,2}\s?년")
#: After a trade, what was drawn: "배관도면 그렸어요" is drafting, not pipe fitting.
_DRAWN = re.compile(r"^\s?(?:도면|설계도)")
#: Right after a word, that it is missing: "지게차는 없고", "비파괴 자격은 없어요".
_LACKED = re.compile(r"^\s?(?:은|는|이|가|도)?\s?(?:자격증?\S?|면허\S?)?\s?없")
#: "밀링은 잘 몰라요": work the seeker does not know — lacked, neither done nor wanted
_UNKNOWN = re.compile(
    r"^\s?(?:은|는|이|가|도)?\s?(?:잘|전혀|아직|하나도|아예)?\s?(?:몰라|모릅|모르)"
)
#: A field named with 쪽 ("검사 쪽 일 하고 싶어요"), unless the word only points back (그쪽).
_FIELD = re.compile(r"(\S+?)\s?쪽")
#: "용접도 좀 합니다": a side skill beside the trade — work done, never the fallback target
_SIDE_SKILL = re.compile(r"^\s?도\s?(?:좀|조금|쪼끔|약간)\s")
_POINTING = ("그", "이", "저", "어느", "그런", "이런")
#: After an occupation word, a workplace: "배터리팩 만드는 회사", "자동차 부품 공장", and the
#: line the work was done on ("차체라인에서 로봇용접": welding on the body line).
_WORKPLACE = re.compile(r"^\S*\s?(?:\S+는\s)?(?:회사|공장|업체|업계|라인)")
#: A workplace wished for with no work named ("공장 하고싶어요", "회사 다니고 싶어요"): other
#: work than the work before, not the same work again ("그 공장" points back).
_PLACE_WISHED = re.compile(
    r"(?<!그 )(?<!그)(공장|회사)\s?(?:에서\s?|에\s?|을\s?|를\s?|일\s?)?(?:하고\s?싶|다니고\s?싶|가고\s?싶|들어가고)"
)
#: An industrial complex, where anything wanted is the plants' work ("산단에서 아무거나요").
_COMPLEX = re.compile(r"산단|공단|산업\s?단지|국가\s?산업")
#: The work of a plant wished for by the place alone: production (KECO 대분류 8).
FACTORY_WORK = "8"
#: Trades every plant hires whatever it makes: machine upkeep (811), plant electricians
#: (8311), electrical plant operators (834), forklift and crane drivers (623). Done, and only
#: another industry wished for ("자동차 공장 설비보전 기계쪽 십년 했어요 이차전지 공장으로
#: 옮기고 싶음"), they are the work wanted there; an assembler's line stays behind.
PLANT_TRADES = ("811", "8311", "834", "623")
#: Between two jobs a title offers together: ·, / or 및, after a bracket or a word of what
#: is done with the first ("사상·청소", "도장(인감·직인) 제작 및 매장 판매").
_JOINED = re.compile(r"\s?(?:\([^)]*\)\s?)?(?:[가-힣]+\s)?(?:·|/|및)\s?")
_ANY_JOB = re.compile(r"아무\s?(?:일|거|것|데|직종)|무슨 일이든|뭐든지?|일 안 가리|다 할 수")


@dataclass(frozen=True)
class OccupationClass:
    """An opening's KECO code (``None`` = unknown) and how sure the classifier is."""

    code: str | None
    confidence: float
    evidence: str = ""  # jobs_cd | title | text | ""
    #: What the title's words say when that differs from ``code`` (a code given by the
    #: poster can be of another edition, or filed where the words would not put it).
    title_code: str | None = None


@dataclass(frozen=True)
class SeekerJobs:
    """A seeker's occupations as KECO codes.

    ``targets`` decide relevance (what they want to do; the work done when nothing else is
    said); ``experience`` pairs a code with years (None: years unsaid) and decides what the
    explanation may say; ``excluded`` is work they cannot or will not do; ``any_occupation``
    ("아무거나", "뭐든지") means no occupation constraint at all.
    """

    targets: tuple[str, ...] = ()
    experience: tuple[tuple[str, int | None], ...] = ()
    excluded: tuple[str, ...] = ()
    any_occupation: bool = False
    #: Where, not what: an industry beside a role ("배터리 공장 품질" → 배터리), or the trade
    #: an instructor would teach ("용접 가르치는 일" → 용접).
    context: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()  # the occupation words the seeker used, as typed in the table
    #: Work they said they lack what it takes for ("지게차는 없고"): explanations claim
    #: nothing about it; ranking does not read it (a lacking certificate is a hard filter).
    lacking: tuple[str, ...] = ()
    #: Kinds of work named within units that file several under one code ("고장나면 고치는
    #: 일" → ("831", "보전·수리")): a claim of that unit needs the same kind in the title.
    works: tuple[tuple[str, str], ...] = ()
    #: The targets are only implied: nothing is wanted, so they are the work done (or the
    #: work of a certificate held) — a later message's wish replaces them.
    implied: bool = False
    #: The targets were asked for in words of a wish ("공장일 … 하고 싶어요"), not only
    #: mentioned ("농사도 지어봤고") or implied.
    asked: bool = False
    #: The seeker's own words for the targets and for the work done, with the industry said
    #: beside them, in order ("조립 생산직"): a search text closer to what they meant than
    #: any class name.
    target_words: tuple[str, ...] = ()
    experience_words: tuple[str, ...] = ()
    #: The seeker wants other work than the work done, says so ("용접 20년 했는데 허리가
    #: 아파서 다른거 하고 싶어요", "차는 이제 됐고 배터리 공장") or names none and can no longer
    #: take a heavy trade: the trade being left is not what to show first.
    leaving: bool = False


def with_jobs(profile: SeekerProfile, text: str) -> SeekerProfile:
    """One message's ``profile`` with the KECO codes and words of the work ``text`` names."""
    jobs = read_seeker_jobs(text)
    return replace(
        profile,
        certificates_held=_unnamed_certificate(profile, jobs),
        certificates_lacking=_lacking_certificates(profile, jobs),
        wanted_codes=() if jobs.implied else jobs.targets,
        done_codes=jobs.experience,
        excluded_codes=jobs.excluded,
        wanted_words=() if jobs.implied else jobs.target_words,
        done_words=jobs.experience_words,
    )


def named_codes(text: str, *, keco: Keco | None = None) -> tuple[tuple[str, bool], ...]:
    """Every occupation word in ``text`` as (code, whether it names an industry), in order.

    >>> named_codes("자동차 부품 품질검사원")
    (('8172', True), ('0284', False))
    """
    keco = keco or load_keco()
    return tuple((m.key, keco.is_industry(m.surface)) for m in _mentions(text, keco))


#: Characters of a description read for the field of the years asked (the requirements
#: come early: "▶ 지원자격: 선박용접공 경력 1년 이상").
FIELD_HEAD = 600
#: "배관 경력 2년 이상", "선박용접공 경력 3년": the word before 경력 and years names the field.
_FIELD_CAREER = re.compile(r"([가-힣A-Za-z0-9·]+)\s?경력\s?\d{1,2}\s?년")


def career_field(title: str, description: str = "", *, keco: Keco | None = None) -> str | None:
    """The occupation whose years a posting asks for, when it names one before 경력 N년 (in
    the title, else the description): "선박 배관 취부·용접공 (배관 경력 2년 이상)" → 703.
    None for "현장경력 10년", "경력 3년" or an industry ("조선소 경력")."""
    keco = keco or load_keco()
    for text in (title, description[:FIELD_HEAD]):
        for found in _FIELD_CAREER.finditer(text):
            codes = [
                code for code, industry in named_codes(found.group(1), keco=keco) if not industry
            ]
            if codes:
                return codes[-1]
    return None


def joins_two_trades(title: str, *, keco: Keco | None = None) -> bool:
    """Whether a title joins two jobs of different 대분류 with ·, / or 및 ("선박 블록 사상·청소",
    "도장(인감·직인) 제작 및 매장 판매"): its class then names only one of them.

    >>> joins_two_trades("선박 블록 사상·청소 일용직"), joins_two_trades("CO2·TIG 용접사")
    (True, False)
    """
    keco = keco or load_keco()
    found = _mentions(title, keco)
    return any(
        a.key[0] != b.key[0] and _JOINED.fullmatch(title[a.end : b.start])
        for a, b in itertools.pairwise(found)
        if not (keco.is_industry(a.surface) or keco.is_industry(b.surface))
    )


def _mentions(text: str, keco: Keco) -> tuple[GazetteerMatch, ...]:
    return keco.matcher.find(normalize_text(text).text) if text else ()


def _head_code(
    matches: tuple[GazetteerMatch, ...], text: str = "", keco: Keco | None = None
) -> str | None:
    """The code a phrase names: its last word (Korean heads come last), made as specific
    as another word of the phrase under it allows (공정 오퍼레이터 851 + 양극재 소성 8512);
    of two as specific, the nearer the head ("차체부품 로봇용접 라인 오퍼레이터" → 로봇용접).

    Works listed with "·" are the posting's tasks in order, the main one first: "사상·청소
    일용직" is a grinder's job (``text``: the normalized text the matches were found in) —
    unless the items share the last one's head ("지게차·굴삭기 정비기사" repairs both).
    """
    if not matches:
        return None
    # "생산관리 사무 (경리 겸) - 자동차부품": an industry tagged on says where, not what
    roles = [i for i, m in enumerate(matches) if keco is None or not keco.is_industry(m.surface)]
    last = roles[-1] if roles else len(matches) - 1
    while (
        last
        and text[matches[last - 1].end : matches[last].start].strip() == "·"
        and not _shares_head(matches[last - 1], matches[last], keco)
    ):
        last -= 1
    head = matches[last].key
    finer = [m.key for m in matches if m.key.startswith(head) and len(m.key) > len(head)]
    return max(reversed(finer), key=len) if finer else head


def _shares_head(item: GazetteerMatch, last: GazetteerMatch, keco: Keco | None) -> bool:
    """Whether ``item`` with the head word of ``last`` names work of the same 중분류
    ("지게차" + "굴삭기 정비" → "지게차 정비"): then both are what the head word works on."""
    words = last.surface.split(" ", 1)
    if keco is None or len(words) < 2:
        return False
    joined = f"{item.surface} {words[1]}"
    return any(
        m.start == 0 and m.end == len(joined) and m.key[:2] == last.key[:2]
        for m in keco.matcher.find(joined)
    )


#: A later part of a title that names what is preferred or required, not the job
#: ("설비보전(기계) 경력직 - 교대근무 / 용접·가공 가능자 우대", "전기 직업훈련교사 - 전기산업기사 이상").
_PREFERRED_PART = re.compile(r"\s[-/|]\s[^-/|]*(?:우대|가능자|이상|필수|소지자?)[^-/|]*")


def _phrase_code(text: str, keco: Keco) -> str | None:
    """The code of a title or occupation field: words outside brackets first, without the
    parts that say what is preferred."""
    outside = _PREFERRED_PART.sub(" ", without_brackets(text))
    for phrase in (outside, text):
        normalized = normalize_text(phrase).text
        code = _head_code(keco.matcher.find(normalized), normalized, keco) if normalized else None
        if code is not None:
            return code
    return None


def _text_code(text: str, keco: Keco) -> str | None:
    """The code most words of a description agree on (at 소분류), if at least two do."""
    codes = [m.key for m in _mentions(text[:2000], keco) if len(m.key) >= 3]
    if not codes:
        return None
    groups = Counter(code[:3] for code in codes)
    group, count = groups.most_common(1)[0]
    if count < 2:
        return None
    return max((c for c in codes if c.startswith(group)), key=codes.count)


def _title_confidence(code: str) -> float:
    return TITLE_BY_DIGITS.get(len(code), 0.5)


def classify_opening(
    *,
    title: str,
    occupation: str = "",
    jobs_cd: str | None = None,
    description: str = "",
    keco: Keco | None = None,
) -> OccupationClass:
    """The KECO class of one opening (see the module docstring for the order of evidence)."""
    keco = keco or load_keco()
    worded = _words_code(title, occupation, keco)
    coded = keco.resolve_jobs_cd(jobs_cd) if jobs_cd else None
    if coded is not None:
        found = _decide_code(coded, (jobs_cd or "").strip(), title, worded, description, keco)
    elif worded is not None:
        found = OccupationClass(worded, _title_confidence(worded), "title")
    else:
        texted = _text_code(description, keco)
        confidence = _title_confidence(texted) * TEXT_FACTOR if texted else 0.0
        found = OccupationClass(texted, confidence, "text")
    if found.confidence < UNKNOWN_BELOW:
        found = OccupationClass(None, found.confidence)
    if worded is not None and found.code != worded and len(worded) >= 3:
        found = OccupationClass(found.code, found.confidence, found.evidence, worded)
    return found


def _words_code(title: str, occupation: str, keco: Keco) -> str | None:
    """The code the title names, refined by the occupation field when they agree.

    Board exports put tags in the occupation field ("품질관리, 용접검사, …"): its first
    tag is the one that counts.
    """
    titled = _phrase_code(title, keco)
    first = re.split(r"[,/·]", occupation, maxsplit=1)[0] if occupation != title else ""
    named = _phrase_code(first, keco) if first else None
    if titled is None or named is None:
        return titled or named
    if named.startswith(titled) or titled.startswith(named):
        return max(titled, named, key=len)
    return titled


def _bigrams(text: str) -> set[str]:
    squeezed = re.sub(r"[^0-9A-Za-z가-힣]", "", text)
    return {squeezed[i : i + 2] for i in range(len(squeezed) - 1)}


def _decide_code(
    coded: str, jobs_cd: str, title: str, worded: str | None, description: str, keco: Keco
) -> OccupationClass:
    """A 고용24 code, or, when its digits changed meaning in 2025, the edition the text fits:
    the one whose class the title's words fall in, else the one whose name the title echoes."""
    renumbered = keco.renumbered.get(jobs_cd)
    if renumbered is None:
        return OccupationClass(coded, JOBS_CD, "jobs_cd")
    words = worded or _text_code(description, keco)
    old = shared_level(coded, words) if words else 0
    new = shared_level(renumbered.keco_code, words) if words else 0
    if old == new:
        said = _bigrams(title)
        old = len(said & _bigrams(keco.name(coded)))
        new = len(said & _bigrams(renumbered.name_2025))
    if old == new:
        common = coded[: shared_level(coded, renumbered.keco_code)]
        return OccupationClass(common or None, UNKNOWN_BELOW if len(common) >= 2 else 0.0)
    return OccupationClass(coded if old > new else renumbered.keco_code, JOBS_CD_BY_TEXT, "jobs_cd")


#: "A 말고 B": A is ruled out and B, said within this many characters after, is wanted.
_INSTEAD = re.compile(r"말고|말구|빼고")
NEAR_INSTEAD = 12
_PUNCTUATION = re.compile(r"[.,!?;\n]")
#: Between an occupation and 말고, a shift: the shift is what 말고 rules out ("택배 상하차
#: 야간 말고 주간"); not an employment type: in "상하차 알바말고 정규직 물류 일" the 상하차
#: 알바 is what they leave.
_CONDITION_WORDS = re.compile("|".join(sorted(SHIFT_TERMS, key=len, reverse=True)))
#: The bare word after 말고 ("운전이요" → 운전), before a particle or ending.
_NEXT_WORD = re.compile(r"\s*([가-힣]{1,4}?)(?:이요|이에요|예요|요|을|를|이|가|으로|로|\b|\s|$)")


def _alternative(norm: str, ruled_out: GazetteerMatch, after: int, keco: Keco) -> str | None:
    """The work wanted instead in "A B 말고 C": "지게차 정비 말고 운전이요" → 지게차 운전
    (623004). Only when A C names work the table knows and B C does not stand alone."""
    words = ruled_out.surface.split()
    nxt = _NEXT_WORD.match(norm, after)
    if len(words) < 2 or nxt is None or keco.matcher.find(nxt.group(1)):
        return None  # "용접 말고 도장": 도장 is read on its own
    phrase = f"{words[0]} {nxt.group(1)}"
    found = keco.matcher.find(phrase)
    whole = len(found) == 1 and (found[0].start, found[0].end) == (0, len(phrase))
    return found[0].key if whole and found[0].key != ruled_out.key else None


def _without_generic(
    found: tuple[GazetteerMatch, ...], clause_of: Callable[[int], int]
) -> tuple[GazetteerMatch, ...]:
    """Without a broad word beside a finer one of its 중분류 in the same clause: in "전기팀에서
    수배전 설비 칠년", 전기 (전기공 831) is the team, 수배전 (8340) the work."""
    return tuple(
        m
        for m in found
        if len(m.key) > 3
        or not any(
            clause_of(o.start) == clause_of(m.start)
            and o.key[:2] == m.key[:2]
            and len(o.key) > len(m.key)
            and not o.key.startswith(m.key)
            for o in found
        )
    )


def _asked_about(clauses: Sequence[Clause], k: int, named: Collection[int]) -> bool:
    """Whether the field named in clause ``k`` is asked about: heard of ("해상풍력이
    뜬다길래"), or followed by a question or wish that names no work ("… 있당가요")."""
    if _hearsay(clauses[k].text):
        return True
    if k + 1 >= len(clauses) or k + 1 in named:
        return False
    cues = clause_cues(clauses[k + 1].text)
    return (cues.question or cues.want) and not cues.negated


def _moved_words(
    found: Sequence[GazetteerMatch], work: Collection[str], fields: Collection[str], keco: Keco
) -> tuple[str, ...]:
    """The words of work done that moves to the fields wished for ("자동차 공장 설비보전 …
    이차전지 공장으로 옮기고 싶음" → 설비보전, 이차전지 공장): the trade's own words and the
    fields', not the plant it was done in."""
    trade = [m.surface for m in found if m.key in work and not keco.is_industry(m.surface)]
    return tuple(dict.fromkeys([*trade, *(m.surface for m in found if m.key in fields)]))


def _asks_light_work(clauses: Sequence[Clause]) -> bool:
    """Whether a clause wishes for or asks about light work ("몸 편한 일 없을까요")."""
    for clause in clauses:
        cues = clause_cues(clause.text)
        light = any(term in clause.text for term in LIGHT_WORK_TERMS)
        if light and (cues.want or cues.question) and not cues.experience:
            return True
    return False


def _hearsay(clause: str) -> bool:
    """Whether the clause passes on what was heard of a field ("뜬다길래", "생긴다해서요")."""
    return any(cue in clause for cue in HEARSAY_CUES)


def _done_after(clauses: Sequence[Clause], k: int, named: Collection[int]) -> bool:
    """Whether the clause after ``k`` says it was done, naming no work ("… 달고 / 열두해
    일햇어요") or, after a clause ending in -고, more of it ("열매 따고 / 상자에 담는 일
    해봤어요"): the work of clause ``k`` is experience."""
    if k + 1 >= len(clauses) or (k + 1 in named and not clauses[k].text.endswith("고")):
        return False
    cues = clause_cues(clauses[k + 1].text)
    return cues.experience and not (cues.want or cues.negated)


#: A licence taken, not only held: "따놨어요", "작년에 땄어요", "취득했어요".
_ACQUIRED = ("땄", "따놨", "따 놨", "따놓", "따 놓", "취득", "합격")


def _role(cues: ClauseCues) -> str:
    """What a clause does to the occupations it names (cf. :mod:`nlu.seeker`)."""
    if cues.not_required or cues.other_work:
        return "left" if cues.other_work else "none"
    if cues.want and cues.negated and not cues.double_negative:
        return "excluded"
    if cues.want:
        return "target"
    if cues.refused:
        if cues.absent and cues.question:
            return "target"  # 용접 일 없나요?
        return "none" if cues.experience_negated or not cues.negated else "excluded"
    if cues.experience or cues.capability:
        return "experience"
    return "mention"


def _context_matches(
    found: tuple[GazetteerMatch, ...], clause_of: Callable[[int], int], keco: Keco, text: str
) -> set[int]:
    """Start offsets of the matches that are context, not occupations of their own.

    In one clause, an industry beside a role word is where the role is wanted or was done
    ("이차전지 품질 쪽", "CATIA 설계 자동차부품", "배터리팩 만드는 회사 생산관리"), and a
    trade beside an instructor word is what would be taught ("용접 가르치는 일").
    """
    by_clause: dict[int, list[GazetteerMatch]] = {}
    for m in found:
        by_clause.setdefault(clause_of(m.start), []).append(m)
    context: set[int] = set()
    for matches in by_clause.values():
        places = {
            m.start
            for m in matches[:-1]
            if keco.is_industry(m.surface) or _WORKPLACE.search(text[m.end : m.end + 10])
        }
        if keco.is_industry(matches[-1].surface) and len(places) < len(matches) - 1:
            places.add(matches[-1].start)  # "설계 자동차부품": the role came first
        roles = [m for m in matches if m.start not in places]
        context |= {
            p.start
            for p in matches
            if p.start in places and any(_near(p, r, NEAR_PLACE) for r in roles)
        }
        for teacher in (r for r in roles if r.key.startswith(TEACHING)):
            context |= {m.start for m in matches if m.end <= teacher.start <= m.end + NEAR_SUBJECT}
        context |= {m.start for m in matches if _DRAWN.match(text[m.end : m.end + 5])}
    return context


def _near(a: GazetteerMatch, b: GazetteerMatch, gap: int) -> bool:
    return a.start != b.start and max(a.start, b.start) - min(a.end, b.end) <= gap


def _unnamed_certificate(profile: SeekerProfile, jobs: SeekerJobs) -> tuple[str, ...]:
    """The certificates held, with the one trade wanted's first certificate for a "자격 있고"
    the family reading could not place ("지게차 정비 말고 운전이요 자격 있고": the wish is read
    here, not there)."""
    unnamed = "certificate_held:unnamed" in (fact for _, fact in profile.evidence)
    families = {load_keco().family_of(code) for code in jobs.targets} - {None}
    if profile.certificates_held or not unnamed or len(families) != 1 or jobs.implied:
        return profile.certificates_held
    primary = load_tables().primary_certificates.get(families.pop() or "")
    return (primary,) if primary else ()


def _lacking_certificates(profile: SeekerProfile, jobs: SeekerJobs) -> tuple[str, ...]:
    """The certificates lacked, with those of work the seeker lacks what it takes for:
    "지게차는 없고" lacks the forklift certificates (a 필수 one rules a posting out)."""
    keco = load_keco()
    families = {keco.family_of(code) for code in jobs.lacking} - {None}
    held = set(profile.certificates_held)
    named = [
        cert
        for cert, info in load_tables().certificates.items()
        if info.family in families and cert not in held
    ]
    return tuple(dict.fromkeys([*profile.certificates_lacking, *named]))


def read_seeker_jobs(text: str, *, keco: Keco | None = None) -> SeekerJobs:
    """The seeker's target, experience (with years) and excluded occupations in ``text``."""
    if keco is None:
        return _read_default(text)
    return _read(text, keco)


@functools.lru_cache(maxsize=1024)
def _read_default(text: str) -> SeekerJobs:
    # A search and its explanations read the same text; paging reads it again.
    return _read(text, load_keco())


def _read(text: str, keco: Keco) -> SeekerJobs:
    normalized = normalize_text(text)
    norm = normalized.text
    clauses = split_clauses(norm)
    if not clauses:
        return SeekerJobs()
    starts = [c.start for c in clauses]
    targets: list[str] = []
    mentioned: list[str] = []
    excluded: list[str] = []
    lacked: list[str] = []
    side: list[str] = []
    experience: dict[str, int | None] = {}
    other_work = False
    tables = load_tables()
    cert_matches = tables.certificate_matcher.find(norm)
    # "용접" in "용접기능사 있어요" is the certificate; a licence named by its job's own name
    # (요양보호사, 영양사 면허) also says the job: "영양사 면허 있어요" is a dietitian
    certificates = [(m.start, m.end) for m in cert_matches if is_formal(m.key, tables)]

    def clause_of(pos: int) -> int:
        return max(i for i, s in enumerate(starts) if s <= pos)

    def held_work() -> list[str]:
        """The work the certificates held are for (none said lacking or refused)."""
        work: list[str] = []
        for m in cert_matches:
            cues = clause_cues(clauses[clause_of(m.start)].text)
            if not (cues.lacking or cues.negated):
                named = _head_code(_mentions(tables.certificates[m.key].name_ko, keco))
                work += [named] if named else []
        return work

    found = _without_generic(keco.matcher.find(norm), clause_of)
    named_clauses = {clause_of(m.start) for m in found}
    context_at = _context_matches(found, clause_of, keco, norm)
    context: list[str] = []
    industries: list[str] = []
    asked: list[str] = []
    heard: list[str] = []  # fields heard of ("해상풍력이 뜬다던데")
    unnamed_want = False
    plant_wished = False  # "공장 하고싶어요"
    instead_of: list[str] = []
    for k, clause in enumerate(clauses):
        cues = clause_cues(clause.text)
        other_work |= cues.other_work
        if k in named_clauses or not cues.want or cues.negated:
            continue
        if any(w in clause.text for w in UNNAMED_WORK) and "다시" not in clause.text:
            unnamed_want = True  # 가르치는 일 하고 싶어요: something the words do not name
        elif any(w not in _POINTING for w in _FIELD.findall(clause.text)):
            unnamed_want = True  # 검사 쪽 일: a field the table does not name
        elif cues.other_work:
            continue  # 용접 20년 했는데 다른거 하고 싶어요: not the work before
        elif (place := _PLACE_WISHED.search(clause.text)) is not None:
            # "식당 일 했는데 공장 하고싶어요": a plant's production work (대분류 8), not the
            # work before; a 회사 says no more than other work
            if place.group(1) == "공장":
                targets.append(FACTORY_WORK)
                plant_wished = True
            else:
                unnamed_want = True
        elif k and any(cue in clause.text for cue in (*CONTINUE_CUES, *POINTING_BACK_CUES)):
            # 용접 자격증 없어요 근데 배워서 하고싶어요, 배터리 공장이 좋다던데 거기 가 보고
            # 싶어요: the want is about the nearest clause before that named work ("근데
            # 배워서" is a clause of its own)
            back = max((j for j in named_clauses if k - BACK_CLAUSES <= j < k), default=None)
            targets += [m.key for m in found if clause_of(m.start) == back]
    for match in found:
        if match.start in context_at:
            context.append(match.key)
            continue
        inside_certificate = any(s <= match.start and match.end <= e for s, e in certificates)
        if _LACKED.match(norm[match.end : match.end + 12]):
            lacked.append(match.key)
        if _UNKNOWN.match(norm[match.end : match.end + 12]):
            lacked.append(match.key)
            continue
        if _SIDE_SKILL.match(norm[match.end : match.end + 8]):
            side.append(match.key)
            experience.setdefault(match.key, None)
            continue
        k = clause_of(match.start)
        said_in = clauses[k].text
        cues = clause_cues(said_in)
        role = _role(cues)
        before = [
            m
            for m in _INSTEAD.finditer(norm, max(0, match.start - NEAR_INSTEAD), match.start)
            if not _PUNCTUATION.search(norm, m.end(), match.start)
        ]
        instead = _INSTEAD.search(norm, match.end)
        if role in ("excluded", "mention") and before:
            role = "target"  # "배관 설계 말고 현장 배관이요": what comes after 말고 is wanted
            instead_of.append(match.key)
        elif role == "excluded" and instead and clause_of(instead.start()) == k:
            if _CONDITION_WORDS.search(norm[match.end : instead.start()]):
                role = "mention"  # "택배 상하차 야간 말고 주간": the night is ruled out
            else:
                alternative = _alternative(norm, match, instead.end(), keco)
                targets += [alternative] if alternative else []
        if inside_certificate and role != "target":
            continue  # "용접" in "용접기능사 있어요" is the certificate
        if role == "excluded" and _YEARS.match(norm, match.end + norm.startswith(" ", match.end)):
            role = "experience"  # "배관 25년 힘든일 못해요": the refusal is not of 배관
        if role == "mention" and _done_after(clauses, k, named_clauses):
            # "지엠 공장서 차 문짝 달고 열두해 일햇어요": the next clause says it was done
            role, said_in = "experience", f"{said_in} {clauses[k + 1].text}"
        years = _YEARS.search(said_in)
        stated = not cues.want or _CAREER_YEARS.search(said_in)
        if years and role in ("mention", "left", "target") and stated:
            role = "experience"
        if role in ("experience", "left"):
            said = int(years.group(1)) if years else None
            known = experience.get(match.key)
            experience[match.key] = said if known is None else max(known, said or 0)
        elif role == "target":
            targets.append(match.key)
            if keco.is_industry(match.surface) and _hearsay(said_in):
                heard.append(match.key)
        elif role == "mention" and keco.is_industry(match.surface):
            industries.append(match.key)
            if _asked_about(clauses, k, named_clauses):
                asked.append(match.key)
                heard += [match.key] if _hearsay(said_in) else []
        elif role == "mention":
            mentioned.append(match.key)
        elif role == "excluded":
            excluded.append(match.key)
    anything = _ANY_JOB.search(norm)
    any_occupation = anything is not None
    if anything is not None and not found:
        # "산단에서 아무거나요": anything of the plants there, their production work
        k_any = clause_of(anything.start())
        if _COMPLEX.search(norm, clauses[k_any].start, anything.start()):
            targets.append(FACTORY_WORK)
    if asked and experience and not (targets or mentioned):
        # "자동차 조립만 해봤는디 해상풍력이 뜬다길래 초보도 받아주는디 있당가요": the field
        # heard of and asked about is where they want to go, the work done stays experience
        targets = list(dict.fromkeys(asked))
        industries = [c for c in industries if c not in targets]
    # "영양사 면허 땄어요. 단체급식 신입으로": a place wished for beside a job wished for
    # elsewhere is where the job is wanted, as it is within one clause
    places = [c for c in targets if all(keco.is_industry(m.surface) for m in found if m.key == c)]
    # only fields wanted, one heard of that holds a trade done ("해상풍력이 뜬다던데 … 조선소
    # 도장 8년"): that trade is what they would do there
    inside = [c for c in experience if any(c.startswith(p) for p in places if p in heard)]
    # "영양사 면허 있는 신입인데 공장 급식소도 괜찮을까요": only a place wished for, and a
    # licence held names the job
    licensed = held_work() if set(places) == set(targets) else []
    acquired = any(
        any(cue in clauses[clause_of(m.start)].text for cue in _ACQUIRED) for m in cert_matches
    )
    if experience and not inside and licensed and not acquired:
        # "자동차 공장 설비보전 십년 했고 전기기능사 있어요 … 배터리 쪽도 괜찮구요": the work
        # done, not a licence held, is what they would do there; a licence just taken for
        # the move ("지게차 자격증 따놨어요. 물류쪽으로") names it
        licensed = [c for c in experience if c not in side] or licensed
    carried: list[str] = []  # a plant trade done, moving to the only fields wished for
    if places and set(places) == set(targets) and not (inside or licensed):
        carried = [c for c in experience if c.startswith(PLANT_TRADES) and c not in side]
    moved_to = places if carried else []
    if places and (set(places) != set(targets) or inside or licensed or carried):
        context += places
        targets = [c for c in targets if c not in places] or inside or licensed or carried
    if targets or mentioned or experience:
        context += industries  # "품질검사 해봤어요 자동차부품": where the role was done
    else:
        mentioned = industries  # "배터리 공장이요": the industry is all that is said
    wanted = targets or mentioned
    limits = physical_limits(Reading(normalized, clauses, tables))
    # "다른 일 하고 싶어요", "용접 20년 했어요 힘쓰는 일은 이제 무리에요", or light work
    # asked for ("지엠 다니다 나와서 … 몸 편한 일 없을까요")
    leaves = other_work or leaves_heavy_trade(experience, limits) or _asks_light_work(clauses)
    fall_back = not (wanted or leaves or any_occupation or unnamed_want)
    if fall_back:
        wanted = [c for c in experience if c not in side] or list(experience)
    if fall_back and not wanted:
        wanted = held_work()  # "지게차 자격증 있어요"
    if any_occupation and not targets:
        wanted = []
    # "배관 설계 말고 현장 배관": the work named again after 말고 was not what was ruled out
    excluded = [c for c in excluded if c not in instead_of]
    final = [c for c in dict.fromkeys(wanted) if c not in excluded]
    worded = {m.key for m in found if m.key in final and not keco.is_industry(m.surface)}
    if worded and not any(
        nested(t, [e]) or shared_level(t, e) >= 3 for t in final for e in experience
    ):
        # "자동차 공장서 차에 색 입히던 사람인디 … 햇볕 받는 판때기": the plant of other work
        # done says nothing of where the work wanted is (a field wanted, "전기차 부품 쪽으로",
        # keeps the work done there as what they would do)
        done_only = {k for k, c in enumerate(clauses) if clause_cues(c.text).done_only}
        said_elsewhere = {m.key for m in found if clause_of(m.start) not in done_only}
        context = [c for c in context if c in said_elsewhere]

    def words(codes: Collection[str], skip: Collection[int] = ()) -> tuple[str, ...]:
        said = [m for m in found if clause_of(m.start) not in skip]
        clauses_of = {clause_of(m.start) for m in said if m.key in codes}
        return tuple(
            dict.fromkeys(
                m.surface
                for m in said
                if m.key in codes or (m.start in context_at and clause_of(m.start) in clauses_of)
            )
        )

    # "지엠서 차체 스폿용접 했었어요. 조선이나 풍력 쪽 용접 배워서": the wish's words are
    # those of the clauses that wish, not the plant of the same work done
    done_clauses = (
        () if fall_back else [k for k, c in enumerate(clauses) if clause_cues(c.text).done_only]
    )

    # "공장 하고싶어요 김 공장 같은거": the plant wished for by the place alone is where
    placed = tuple(m.surface for m in found if plant_wished and m.key in context)
    return SeekerJobs(
        targets=tuple(final),
        experience=tuple(experience.items()),
        excluded=tuple(dict.fromkeys(excluded)),
        any_occupation=any_occupation and not targets,
        context=tuple(dict.fromkeys(context)),
        terms=tuple(dict.fromkeys(m.surface for m in found)),
        lacking=tuple(c for c in dict.fromkeys(lacked) if not nested(c, [*final, *experience])),
        works=keco.works_named(norm),
        implied=fall_back,
        asked=bool(final) and any(c in targets for c in final),
        target_words=(
            _moved_words(found, final, moved_to, keco)
            if moved_to
            else (words(final, done_clauses) or words(final)) + placed
        ),
        experience_words=words(experience),
        # said in words ("차는 이제 됐고 배터리 공장", "다른 일"), the work done is left even
        # when a target is named; the heavy-trade rule only when none is
        leaving=bool(experience) and (other_work or (leaves and not final)),
    )
