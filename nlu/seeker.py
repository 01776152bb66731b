"""A job seeker's free-text message as a structured profile.

    >>> p = parse_seeker_text("조선소에서 용접 15년, 특수용접 있어요, 야간은 못해요")
    >>> p.experience, p.certificates_held, sorted(p.excluded_shifts)
    ((Experience(family='welder', years=15),), ('special_welding',), ['2교대', '3교대', '야간'])

The text is normalized (NFKC, spacing, numerals as digits), split into clauses, and each
mention of an occupation, certificate, region, shift, employment type or amenity is read
together with the cues of its own clause (wanted, done, refused, held, lacking...). The
rules, briefly:

* an occupation with a want cue is wanted; with a past/years cue it is experience; with a
  refusal it is excluded, except "안 해봤어요"/"경험 없어요", which is just no experience;
  a bare mention ("용접이요") is wanted. With nothing explicitly wanted, the experienced
  families are wanted, then the families of held certificates. A career change
  ("용접 10년 했는데 ... 이제 지게차 하고 싶어요") therefore wants only the new family.
* 야간 refused also refuses 2교대 and 3교대 (Korean 2교대 is usually 주야 맞교대); "주간만"
  wants 주간 and refuses the rest; explicit statements override implied ones.
* "자격증 있어요" without a named certificate refers to the nearest occupation's primary
  certificate (the first listed for that family in ``certificates.csv``).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from nlu.clauses import load_kiwi, split_clauses
from nlu.conditions import (
    KM_PER_COMMUTE_MINUTE,
    REGION_EXCLUDED,
    read_amenity,
    read_employment,
    read_limits,
    read_regions,
    read_shifts,
    read_visa,
    reads_dormitory_welcome,
    reads_little_korean,
)
from nlu.cues import ClauseCues
from nlu.lexicon import (
    CERTIFICATE_WORDS,
    COMMUTE_BUS_TERMS,
    CONTINUE_CUES,
    DORMITORY_TERMS,
    INDUSTRY_FAMILIES,
    INDUSTRY_TRADES,
    NO_CAR_CUES,
    NOT_WORK_YEARS_CUES,
    TOTAL_YEARS_CUES,
    WORKPLACE_TERMS,
)
from nlu.occupation_class import read_seeker_jobs, with_jobs
from nlu.pay import RATE_TYPES, find_pay_normalized, wants_high_pay
from nlu.profile import Experience, SeekerProfile
from nlu.reading import Reading
from nlu.tables import Tables, load_tables
from nlu.text import normalize_text

__all__ = [
    "KM_PER_COMMUTE_MINUTE",
    "Experience",
    "SeekerProfile",
    "parse_seeker_text",
    "warm_up",
]

logger = logging.getLogger(__name__)

#: "차는 없어요", "운전 못해요" — not "지게차는 없어요" (a word ending in 차 is another thing).
_NO_CAR = re.compile(rf"(?<![가-힣])(?:{'|'.join(map(re.escape, NO_CAR_CUES))})")
_YEARS = re.compile(r"(?<![0-9.])(\d{1,2})\s?(?:년|해)(?!생|\s?\d{1,2}\s?월)")
_MONTHS = re.compile(r"(?<![0-9.])(\d{1,3})\s?개월")
_CERT_WORD = re.compile("|".join(sorted(CERTIFICATE_WORDS, key=len, reverse=True)))
# "조립 경력 없어도 돼요?": asking to be taken on without experience wants the work.
_WITHOUT_EXPERIENCE_OK = re.compile(
    r"(?:경력|경험)[은는이]?\s?(?:없어도|없이도|없는데|없는디|업어도|없어두)"
)
# "지게차 운전 해요", "용접 혀요": a trade said with a present 하다 that ends the clause is work
# the seeker does now (experience), not only a wish. "용접 해요?" asks; "용접 조금 해요" is a
# side skill that says nothing of the certificates the trade takes (both stay as they were).
_DOING = re.compile(
    r"^(?:\s?(?!조금|좀|쪼끔|약간)[가-힣a-z]{1,3}){0,2}?\s?"
    r"(?:해요|혀요|헤요|해여|해유|해용|허요|합니다|하지요|하죠|해|혀)[.!~ ]*$"
)
# "자동차 부품 맹그는 공장": the workplace after what it makes names the industry, not a job
_MAKES_PLACE = re.compile(r"(?:만드는|맹그는|만들던|맹글던|만드는데|생산하는)\s?$")
# "마트서 계산 혔어라": a workplace's particle, blanked before occupations are looked up
_PLACE_PARTICLE = re.compile(
    rf"({'|'.join(WORKPLACE_TERMS)})(에서는|에서도|에선|에서|서는|서도|서)(?=\s?[가-힣a-z])"
)
# "공장 용접 일 하고 싶어요", "전기차 공장": the bare workplace beside a trade is no trade
_BARE_WORKPLACES = frozenset({"공장", "공장일", "공장 일"})
# Beside a trade wanted, words that only set the scene: an industry with no work in it
# ("자동차든 배터리든", "자동차 공장") and a school major ("기계과 졸업").
_WORK_IN_INDUSTRY = re.compile(r"조립|생산|포장|라인|가공|제조|의장|엔진|미션")
_MAJOR = re.compile(r"과$|과 졸업$|전공")
# "조선소 쪽 일", "조선 계통": an industry named as a field of work
_INDUSTRY = re.compile(
    rf"({'|'.join(sorted(INDUSTRY_TRADES, key=len, reverse=True))})(?!족)"
    r"(\s?(?:쪽|짝|계통|분야|일|에서 일|서 일|에 취업|에 들어|들어가|가고|에 가|로 가))?"
)
_ANY_JOB = re.compile(
    r"아무\s?(?:일|거|것|데|직종|현장)|무슨 일이든|뭐든지?|뭣이든|무엇이든|일 안 가리|다 할 수"
)


@dataclass
class _Mention:
    family: str
    start: int
    end: int
    clause: int
    # wanted | mention | experience | capable | excluded | no_experience | flexible | left
    category: str
    years: int | None = None
    bare: bool = False  # a workplace alone ("공장"), read as the work done there
    scene: bool = False  # an industry or a major only (_WORK_IN_INDUSTRY, _MAJOR)


@dataclass
class _State(Reading):
    mentions: list[_Mention] = field(default_factory=list)
    certs: dict[str, str] = field(default_factory=dict)  # cert → held | lacking
    years_total: int | None = None
    no_certificates: bool = False  # "자격증은 없어요" about no work in particular


def _occupation_category(cues: ClauseCues) -> str:
    if cues.not_required:
        return "flexible"  # 용접 아니어도 돼요
    if cues.other_work:
        return "left"  # 뺑끼 냄새 땜에 딴거 할래요
    if cues.want and cues.negated and not cues.double_negative:
        return "excluded"  # 하고 싶지 않아요
    if cues.want:
        return "wanted"
    if cues.refused and cues.absent and cues.question:
        return "wanted"  # 용접 일 없나요?
    if cues.refused:
        if cues.experience_negated or not cues.negated:
            return "no_experience"
        return "excluded"
    if cues.capability:
        return "capable"
    if cues.experience:
        return "experience"
    return "mention"


def _without_place_particles(text: str) -> str:
    """``text`` with the particle after a workplace blanked (same length, same offsets)."""
    return _PLACE_PARTICLE.sub(lambda m: m.group(1) + " " * len(m.group(2)), text)


#: After a certificate, "only this one" ("이종보통 밖에 없어서", "2종만 있어요"): held.
_ONLY_HELD = re.compile(r"\s?(?:밖에|밖엔|빼곤|뿐|만\s?(?:있|갖|가지))")


def _read_occupations(st: _State) -> None:
    t = st.norm.text
    cert_matches = st.tables.certificate_matcher.find(t)
    cert_spans = [(m.start, m.end) for m in cert_matches]
    for m in st.tables.occupation_matcher.find(_without_place_particles(t)):
        if any(s <= m.start and m.end <= e for s, e in cert_spans):
            continue  # "용접" inside "용접기능사" is the certificate
        k = st.clause_at(m.start)
        made = _MAKES_PLACE.search(t[st.clauses[k].start : m.start])
        if made is not None and any(p.clause == k for p in st.mentions):
            continue
        category = _occupation_category(st.cues(k))
        if category == "no_experience" and _WITHOUT_EXPERIENCE_OK.search(st.clauses[k].text):
            category = "wanted"
        end = st.clauses[k].end
        asked = st.cues(k).question or t[end : end + 1] == "?"  # the ? lies after the clause
        if category == "mention" and _DOING.match(t[m.end : end]) and not asked:
            category = "experience"
        scene = _MAJOR.search(m.surface) is not None or (
            m.key in INDUSTRY_FAMILIES and _WORK_IN_INDUSTRY.search(m.surface) is None
        )
        bare = m.surface in _BARE_WORKPLACES
        st.mentions.append(_Mention(m.key, m.start, m.end, k, category, bare=bare, scene=scene))
    _drop_bare_workplaces(st)
    for m in cert_matches:
        k = st.clause_at(m.start)
        cues = st.cues(k)
        cert = st.tables.certificates[m.key]
        has_years = bool(_YEARS.search(st.clauses[k].text))
        if _ONLY_HELD.match(t, m.end):
            # "이종보통 밖에 없어서": only that one is held, and none of the grades above it
            st.certs[m.key] = "held"
            st.note(k, f"certificate_held:{m.key}")
            for higher, other in st.tables.certificates.items():
                if m.key in other.covers and higher not in st.certs:
                    st.certs[higher] = "lacking"
                    st.note(k, f"certificate_lacking:{higher}")
            continue
        if cues.lacking or cues.negated:
            status = "lacking"
        elif cues.possession:
            status = "held"
        elif (cues.experience or has_years) and cert.family is not None:
            # "특수용접 10년 했어요" is welding experience, not a certificate claim
            st.mentions.append(_Mention(cert.family, m.start, m.end, k, "experience"))
            continue
        else:
            status = "held"
        st.certs[m.key] = status
        st.note(k, f"certificate_{status}:{m.key}")
        if cues.want and cert.family is not None:  # 지게차 자격증 따고 싶어요
            st.mentions.append(_Mention(cert.family, m.start, m.end, k, "mention"))
    _read_industries(st)
    st.mentions.sort(key=lambda x: x.start)
    _carry_wants(st)
    _read_unnamed_certificates(st, cert_spans)
    _drop_scenes_beside_a_trade(st)


def _drop_bare_workplaces(st: _State) -> None:
    """Drop a bare workplace ("공장") from a clause that names a trade of its own ("공장 전기
    유지보수", "공장 용접 일"); beside a factory's industry ("김치공장", "전기차 공장") it stays
    the production work done there."""
    traded = {m.clause for m in st.mentions if not m.bare and m.family not in INDUSTRY_FAMILIES}
    st.mentions = [m for m in st.mentions if not (m.bare and m.clause in traded)]


def _drop_scenes_beside_a_trade(st: _State) -> None:
    """Drop the wishes that only set the scene ("자동차든 배터리든", "기계과 졸업") when the
    message says it wants a trade ("설비보전 쪽 가고 싶어요"): the trade is the work wanted,
    the scene where or from what background. Alone, or beside a trade only mentioned
    ("자동차공장 차체라인에서 로봇용접 셋팅하고 봤어요"), they stay ("자동차 공장 일 찾아요")."""
    traded = any(
        m.category == "wanted" and not (m.scene or m.bare or m.family in INDUSTRY_FAMILIES)
        for m in st.mentions
    )
    if traded:
        wishes = ("wanted", "mention")
        st.mentions = [m for m in st.mentions if not (m.scene and m.category in wishes)]


def _read_industries(st: _State) -> None:
    """Read an industry wanted with no trade in its clause ("조선소 쪽 일 해보려고요") as its
    trades wanted; a workplace of a trade ("조선소에서 용접 15년") stays a place, and so does
    the industry of a message that names one of its trades or a trade it wants ("조선소
    물량팀 찾아요 용접 취부 다 됨", "취부 십이년 했고 요즘 조선소 일 있나요?")."""
    named = {m.clause for m in st.mentions}
    trades = {m.family for m in st.mentions}
    open_to = any(m.category in ("wanted", "mention", "capable") for m in st.mentions)
    for match in _INDUSTRY.finditer(st.norm.text):
        k = st.clause_at(match.start())
        category = _occupation_category(st.cues(k))
        if k in named or open_to or trades & set(INDUSTRY_TRADES[match.group(1)]):
            continue
        if not (category == "wanted" or (category == "mention" and match.group(2))):
            continue
        st.note(k, f"industry:{match.group(1)}")
        for family in INDUSTRY_TRADES[match.group(1)]:
            if family in st.tables.occupations:
                st.mentions.append(_Mention(family, match.start(), match.end(), k, "wanted"))
        named.add(k)


def _carry_wants(st: _State) -> None:
    """Make a want with no object ("배우고 싶어요") about the previous clause's work."""
    mentioned = {m.clause for m in st.mentions}
    for k in range(1, len(st.clauses)):
        cues = st.cues(k)
        if k in mentioned or not cues.want or cues.other_work or cues.negated:
            continue
        if not any(cue in st.clauses[k].text for cue in CONTINUE_CUES):
            continue
        for m in [m for m in st.mentions if m.clause == k - 1]:
            if m.category in ("experience", "capable", "no_experience", "mention"):
                carried = _Mention(m.family, m.start, m.end, k, "wanted")
                st.mentions.append(carried)
    st.mentions.sort(key=lambda x: (x.start, x.clause))


def _read_unnamed_certificates(st: _State, cert_spans: list[tuple[int, int]]) -> None:
    """Read an unnamed "자격증 있어요" as the nearest occupation's primary certificate, and
    "자격증은 없어요" as lacking that of each occupation said where the nearest one is —
    and, said in a clause of its own, as having none at all."""
    t = st.norm.text
    named_clauses = {st.clause_at(s) for s, _ in cert_spans}
    for match in _CERT_WORD.finditer(t):
        pos = match.start()
        k = st.clause_at(pos)
        if k in named_clauses or any(s <= pos < e for s, e in cert_spans):
            continue
        cues = st.cues(k)
        status = "lacking" if cues.lacking else "held" if cues.possession else None
        if status is None:
            continue
        candidates = [m for m in st.mentions if m.clause == k and m.category != "excluded"]
        if not candidates and status == "lacking":
            st.no_certificates = True  # "자격증은 따본적 없어요": none at all
            st.note(k, "no_certificates")
        if not candidates:
            candidates = [m for m in st.mentions if m.end <= pos and m.category != "excluded"]
        if not candidates:
            st.note(k, f"certificate_{status}:unnamed")
            continue
        nearest = min(candidates, key=lambda m: abs(m.start - pos))
        # "식당 주방에서 밥이랑 반찬 해온지 이십년인디 자격증은 없어요": none for any work
        # said there; one held is the nearest work's
        said = [m for m in candidates if m.clause == nearest.clause] if cues.lacking else [nearest]
        for family in dict.fromkeys(m.family for m in said):
            cert = st.tables.primary_certificates.get(family)
            if cert is not None and cert not in st.certs:
                st.certs[cert] = status
                st.note(k, f"certificate_{status}:{cert}")


def _read_years(st: _State) -> None:
    t = st.norm.text
    found = [(m.start(), int(m.group(1))) for m in _YEARS.finditer(t)]
    found += [(m.start(), int(m.group(1)) // 12) for m in _MONTHS.finditer(t)]
    for pos, years in sorted(found):
        if not 0 <= years <= 50:
            continue
        k = st.clause_at(pos)
        for m in st.mentions:
            if m.clause == k and m.category == "excluded" and not t[m.end : pos].strip():
                m.category = "experience"  # "배관 25년 힘든일 못해요": the refusal is not of 배관
        here = [
            m
            for m in st.mentions
            if m.clause == k and m.category not in ("excluded", "no_experience")
        ]
        before = [m for m in here if m.end <= pos]
        target = max(before, key=lambda m: m.end) if before else (here[0] if here else None)
        clause = st.clauses[k].text
        if target is None and any(cue in clause for cue in NOT_WORK_YEARS_CUES):
            continue  # "결혼 오년 됐어요": not years of work
        if target is None and not any(cue in clause for cue in TOTAL_YEARS_CUES):
            previous = [
                m
                for m in st.mentions
                if m.clause == k - 1
                and m.years is None
                and m.category not in ("excluded", "no_experience")
            ]
            target = previous[-1] if previous else None
        if target is None:
            st.years_total = max(st.years_total or 0, years)
            st.note(k, f"years_total:{years}")
            continue
        target.years = max(target.years or 0, years)
        if target.category in ("mention", "capable"):
            target.category = "experience"


def _families(
    st: _State, *, leaving: bool
) -> tuple[tuple[Experience, ...], tuple[str, ...], tuple[str, ...]]:
    """Work done (with years), wanted and ruled out, by family. With nothing wanted the work
    done is wanted, unless the seeker is ``leaving`` it (:attr:`nlu.occupation_class.SeekerJobs.leaving`)."""
    years: dict[str, int | None] = {}
    where: dict[str, int] = {}
    wanted: list[str] = []
    excluded: list[str] = []
    for m in st.mentions:
        left_work = m.category == "left" and st.cues(m.clause).experience
        if m.category in ("experience", "capable") or m.years is not None or left_work:
            known = years.get(m.family)
            years[m.family] = m.years if known is None else max(known, m.years or 0)
            if m.family not in where or (m.years is not None and m.years == years[m.family]):
                where[m.family] = m.clause
        if m.category in ("wanted", "mention") and m.family not in wanted:
            wanted.append(m.family)
            st.note(m.clause, f"wanted:{m.family}")
        elif m.category == "excluded" and m.family not in excluded:
            excluded.append(m.family)
            st.note(m.clause, f"excluded:{m.family}")
        elif m.category in ("no_experience", "flexible", "left"):
            st.note(m.clause, f"{m.category}:{m.family}")
    for family, clause in where.items():
        st.note(clause, f"experience:{family}" + (f"={years[family]}" if years[family] else ""))
    wants_change = leaving or any(st.cues(k).other_work for k in range(len(st.clauses)))
    if not wanted and not wants_change:
        wanted = list(years)
    if not wanted and not wants_change:
        held = [st.tables.certificates[c].family for c, s in st.certs.items() if s == "held"]
        wanted = [f for f in dict.fromkeys(held) if f is not None]
    experience = tuple(Experience(f, y) for f, y in years.items())
    return experience, tuple(f for f in wanted if f not in excluded), tuple(excluded)


def parse_seeker_text(text: str, *, tables: Tables | None = None) -> SeekerProfile:
    """Parse what a job seeker wrote into a :class:`SeekerProfile` (never raises on odd text)."""
    tables = tables or load_tables()
    norm = normalize_text(text)
    clauses = split_clauses(norm.text)
    if not clauses:
        return SeekerProfile()
    st = _State(norm, clauses, tables)
    _read_occupations(st)
    _read_years(st)
    jobs = read_seeker_jobs(text)
    experience, wanted, excluded = _families(st, leaving=jobs.leaving)
    # said on its own later in a chat ("냄새 땜에 이제 못하겠어요", "다른 일 하고 싶어요"), the
    # work said before is left; "다른 거 보여줘요" asks for more results instead
    leaves_alone = not (jobs.terms or st.mentions) and any(
        cues.gives_up or (cues.other_work and cues.want)
        for cues in map(st.cues, range(len(clauses)))
    )
    for k, clause in enumerate(clauses):
        if _ANY_JOB.search(clause.text):
            st.note(k, "any_occupation")
    wanted_shifts, excluded_shifts = read_shifts(st)
    wanted_types, excluded_types = read_employment(st)
    home, anywhere, commute, work_regions = read_regions(st)
    pay = [m for m in find_pay_normalized(norm.text, conventions=tables.pay) if m.bound != "max"]
    if pay:
        st.note(st.clause_at(pay[0].start), f"min_monthly_pay:{pay[0].monthly}")
    visa = read_visa(st)
    dormitory = read_amenity(st, DORMITORY_TERMS, "dormitory")
    bus = read_amenity(st, COMMUTE_BUS_TERMS, "commute_bus")
    for k, clause in enumerate(clauses):
        if _NO_CAR.search(clause.text):
            bus = True
            st.note(k, "commute_bus")
    limits = read_limits(st, experienced=any(e.years for e in experience))
    years_total = st.years_total
    if years_total is None and any(e.years for e in experience):
        years_total = sum(e.years or 0 for e in experience)
    profile = SeekerProfile(
        experience=experience,
        wanted_families=wanted,
        excluded_families=excluded,
        years_total=years_total,
        certificates_held=tuple(c for c, s in st.certs.items() if s == "held"),
        certificates_lacking=tuple(c for c, s in st.certs.items() if s == "lacking"),
        no_certificates=st.no_certificates,
        home_region=home,
        work_regions=work_regions,
        excluded_regions=_refused_towns(st),
        region_anywhere=anywhere,
        max_commute_km=commute,
        min_monthly_pay=pay[0].monthly if pay else None,
        min_pay_rate=pay[0].salary_type if pay and pay[0].salary_type in RATE_TYPES else None,
        wants_high_pay=wants_high_pay(text),
        excluded_shifts=excluded_shifts,
        wanted_shifts=wanted_shifts,
        excluded_employment_types=excluded_types,
        wanted_employment_types=wanted_types,
        visa=visa,
        little_korean=reads_little_korean(st),
        needs_dormitory=dormitory,
        dormitory_optional=dormitory and reads_dormitory_welcome(st),
        needs_commute_bus=bus,
        no_weekends=limits.no_weekends,
        weekends_only=limits.weekends_only,
        age=limits.age,
        newcomer=limits.newcomer,
        work_hours=limits.work_hours,
        max_daily_hours=limits.max_daily_hours,
        work_from=limits.work_from,
        work_until=limits.work_until,
        physical_limits=limits.physical_limits,
        short_term=limits.short_term,
        leaves_done_work=jobs.leaving or leaves_alone,
        evidence=st.evidence_pairs(),
    )
    return with_jobs(profile, text)  # the KECO codes and words of the work said


def warm_up(*, tables: Tables | None = None, kiwi: bool = True) -> None:
    """Build the matchers and (optionally) load Kiwi, so the first real message is fast.

    For entry points (the bot, the Rasa component); nothing here runs at import time.
    """
    parse_seeker_text("용접 10년 했어요, 야간은 못해요", tables=tables)
    if kiwi and not load_kiwi():
        logger.info("Kiwi not available; unspaced messages are split by punctuation only")


def _refused_towns(st: Reading) -> tuple[str, ...]:
    """The 시/군 a message rules out ("익산 말고 군산이요"; read_regions notes them), not a 동
    ("나운동 말고" leaves the rest of 군산)."""
    return tuple(
        dict.fromkeys(
            r
            for _, f in st.evidence_pairs()
            if f.startswith(REGION_EXCLUDED)
            and (r := f.split(":", 1)[1]) in st.tables.regions
            and st.tables.regions[r].level == "sigungu"
        )
    )
