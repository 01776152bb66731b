"""Why an opening matches a seeker, and what is missing, in short Korean phrases."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

import nlu
from nlu.conditions import FOREIGN_VISA_UNSAID
from nlu.industries import load_industries
from nlu.keco import LEVELS, Keco, load_keco, nested
from nlu.occupation_class import (
    TEACHING,
    OccupationClass,
    SeekerJobs,
    career_field,
    classify_opening,
    joins_two_trades,
    named_codes,
    read_seeker_jobs,
)
from nlu.opening_terms import read_opening_terms
from nlu.text import normalize_text
from retrieval.constraints import NIGHT_SHIFTS, excluded_shifts
from retrieval.fusion import closeness
from storage.models import Opening

__all__ = [
    "CLAIM_CONFIDENCE",
    "MATCH_CLAIMS",
    "POSTED_CLASS",
    "Explanation",
    "claim_level",
    "explain",
    "format_pay",
    "industry_reasons",
    "occupation_reasons",
    "profile_jobs",
]

#: A class this sure (a 고용24 code, or title words naming a 세분류/소분류) may be claimed.
CLAIM_CONFIDENCE = 0.7
#: How the reasons that claim an occupation match begin.
MATCH_CLAIMS = ("직종 일치", "관련 직종")
#: How a statement of the opening's own class begins: in place of a claim held back, or
#: beside the seeker's work when the two are of different 대분류 (no match is claimed).
POSTED_CLASS = "공고 직종"
#: Years in a trade after which its helper's job (보조) is a step down, not "the same work".
HELPER_AFTER_YEARS = 3
#: A helper's job in a title: "도장 보조·터치업", "전기의장 보조"; not "설치 기사 및 보조"
#: (the trade itself is offered too) nor 보조금 (a subsidy).
_HELPER = re.compile(r"(?<!및 )보조(?!금)")


@dataclass
class Explanation:
    """Reasons the opening fits, and what does not fit or must be checked."""

    reasons: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


def format_pay(opening: Opening) -> str:
    """'월 350~420만원', '시급 12,000원', or '면접 후 결정'."""
    if not opening.salary_min:
        return opening.salary_raw or "면접 후 결정"
    kind = opening.salary_type or "월급"
    top = opening.salary_max if opening.salary_max != opening.salary_min else None
    if kind in ("시급", "일급"):
        high = f"~{top:,}" if top else ""
        return f"{kind} {opening.salary_min:,}{high}원"
    high_m = f"~{top // 10_000:,}" if top else ""
    return f"{kind.removesuffix('급')} {opening.salary_min // 10_000:,}{high_m}만원"


def claim_level(code: str, wanted: str) -> str | None:
    """The level at which an opening's class is the wanted one: 세분류, 소분류, or None.

    Same 세분류 when both codes name one, unless both name different 고용24 job codes
    under it (천장 크레인 623002 is not 지게차 623004: :func:`occupation_reasons` calls
    them related); 소분류 only when the seeker said no more than that (배터리 공장 쪽 →
    소분류 835). A coarse code (중분류 and above) never supports a claim: "생산직" is not
    "자동차 조립원".
    """
    if len(code) == len(wanted) == 6 and code != wanted:
        return None
    if len(code) >= 4 and len(wanted) >= 4:
        return "세분류" if code[:4] == wanted[:4] else None
    if len(wanted) == 3 and code.startswith(wanted):
        return "소분류"
    return None


#: Closeness from which the field a posting asks years in is the seeker's own (a listed
#: neighbour counts: 제관 for a welder).
SAME_FIELD = 0.5


def _subject_particle(word: str) -> str:
    """The subject particle ``word`` takes: 이 after a final consonant, else 가."""
    last = word[-1]
    if "가" <= last <= "힣":
        return "이" if (ord(last) - 0xAC00) % 28 else "가"
    return "이(가)"


def occupation_reasons(
    opening: Opening, jobs: SeekerJobs, occupation: OccupationClass
) -> list[str]:
    """What can truthfully be said about the occupation: the same class (at a stated level),
    a related one (naming both and why), the posting's class when it is the seeker's
    trade one step down or taught in another trade, or a word of the seeker's found in
    the posting."""
    keco = load_keco()
    code = occupation.code if occupation.confidence >= CLAIM_CONFIDENCE else None
    if code and occupation.title_code and _siblings(code, occupation.title_code):
        code = code[:4]  # 811301 given, "지게차 정비기사" written: they agree on the 세분류 only
    if code and joins_two_trades(opening.title):
        code = None  # "사상·청소": the class is one of two jobs; claim neither
    if code is not None and not jobs.any_occupation and not _ruled_out(code, jobs):
        said = _occupation_claim(opening.title, _in_industry(code, opening.title, keco), jobs)
        if said:
            return [said]
    text = normalize_text(f"{opening.title} {opening.description or ''}").text.replace(" ", "")
    shared = [
        t
        for t in jobs.terms
        if normalize_text(t).text.replace(" ", "") in text
        and not any(_ruled_out(c, jobs) for c, _ in named_codes(t))  # not "지게차는 없고"
    ]
    if shared:
        word = max(shared, key=len)
        return [f"공고에 '{word}'{_subject_particle(word)} 있어요"]
    return []


def other_trade(opening: Opening, jobs: SeekerJobs, occupation: OccupationClass) -> str | None:
    """ "공고 직종: 배송·납품 운전원 (말씀하신 일: 주방장 및 조리사)" when the opening is surely
    of another 대분류 than every job the seeker wants (or did, when they want nothing else),
    with no listed relation between them; else None.

    A cook searching in 나운동 may be shown a driver's job there once the cooks' jobs run
    out: the result names that job beside theirs instead of letting the place pass for a fit.
    """
    code = occupation.code if occupation.confidence >= CLAIM_CONFIDENCE else None
    if code is None or jobs.any_occupation or not jobs.targets:
        return None
    if joins_two_trades(opening.title) or any(_only_a_field(t, jobs) for t in jobs.targets):
        return None  # "배터리 공장": a plant holds many trades
    keco = load_keco()
    theirs = [c for c in (code, occupation.title_code) if c]
    for mine in (*jobs.targets, *jobs.context):
        for c in theirs:
            if c[0] == mine[0] or keco.neighbour_of(c, mine) or keco.neighbour_of(mine, c):
                return None  # 8900 and 8171: one 대분류 of production work
    said = ", ".join(dict.fromkeys(keco.name(t) for t in jobs.targets))
    return f"{POSTED_CLASS}: {keco.name(code)} (말씀하신 일: {said})"


def _siblings(a: str, b: str) -> bool:
    """Two different 고용24 job codes under one 세분류."""
    return len(a) == len(b) == 6 and a != b and a[:4] == b[:4]


def _ruled_out(code: str, jobs: SeekerJobs) -> bool:
    """Whether the seeker said they will not do this work, or lack what it takes (지게차는 없고)."""
    return nested(code, (*jobs.excluded, *jobs.lacking))


def _in_industry(code: str, title: str, keco: Keco) -> str:
    """The opening's code made as specific as the other words of its title say where it is
    done (자동차 부품 품질검사원 → 028402; 전기차 배터리팩 생산관리 → 028404)."""
    return keco.in_industry(code, tuple(c for c, _ in named_codes(title) if c[:4] != code[:4]))


def _occupation_claim(title: str, code: str, jobs: SeekerJobs) -> str | None:
    """The claim about an opening of class ``code`` for these seeker jobs, or None."""
    keco = load_keco()
    stated: str | None = None
    # "크레인 운전 … 천장크레인": the finest of nested targets is what they said they do
    targets = [t for t in jobs.targets if not any(o != t and o.startswith(t) for o in jobs.targets)]
    # "지엠 다니다 나와서", "배터리 공장 가고 싶어요": a field or an employer says where, not
    # which job: the posting's class is named, no match claimed
    fields = [t for t in targets if _only_a_field(t, jobs)]
    for target in targets:
        wanted = keco.in_industry(target, jobs.context)
        level = claim_level(code, wanted)
        if level is None:
            continue
        if (
            target in fields
            or _step_down(title, code, jobs)
            or not _same_subject(title, wanted, jobs)
        ):
            stated = stated or f"{POSTED_CLASS}: {keco.name(code)}"
            continue
        other = _other_work(title, code, jobs)
        if other:
            return other
        name = keco.name(code[: 4 if level == "세분류" else 3])
        done = [y for c, y in jobs.experience if y and claim_level(code, c)]
        career = f" (경력 {max(done)}년)" if done else ""
        return f"직종 일치({level}): {name}{career}"
    if stated:
        return stated
    for target in (t for t in targets if t not in fields):
        wanted = keco.in_industry(target, jobs.context)
        if _siblings(code, wanted):
            unit = keco.name(code[:4])
            mine, theirs = keco.name(wanted), keco.name(code)
            return f"관련 직종: {theirs} — 찾으시는 {mine}과(와) 같은 세분류({unit})"
        why = keco.neighbour_of(code, wanted)
        if why and code[0] == wanted[0] and len(code) >= 4:
            mine, theirs = keco.name(wanted), keco.name(code)
            return f"관련 직종: {theirs} — 찾으시는 {mine}과(와) 이어지는 일 ({why})"
    return None


def _only_a_field(code: str, jobs: SeekerJobs) -> bool:
    """Whether the seeker named ``code`` only with words for an industry, a plant or an
    employer ("배터리 공장", "지엠"), never with a word for the work itself."""
    said = [
        industry
        for word in (*jobs.target_words, *jobs.experience_words)
        for named, industry in named_codes(word)
        if named == code
    ]
    return bool(said) and all(said)


def _step_down(title: str, code: str, jobs: SeekerJobs) -> bool:
    """A helper's job (보조) in a trade the seeker has years in, when they did not ask for one."""
    if not _HELPER.search(title) or any("보조" in t for t in jobs.terms):
        return False
    years = [y for c, y in jobs.experience if y and c[:3] == code[:3]]
    return bool(years) and max(years) >= HELPER_AFTER_YEARS


def _other_work(title: str, code: str, jobs: SeekerJobs) -> str | None:
    """When the unit of ``code`` files several kinds of work (``works.csv``) and the seeker
    names a kind the title does not while the title names one they did not ("고장나면 고치는
    일 … 전기쪽" and "선박 전기의장 (케이블 포설)"; "비파괴검사 … 품질" and "품질검사원 (3차원
    측정기)"), the related-job reason saying both; else None."""
    keco = load_keco()
    unit = keco.work_unit(code)
    if unit is None:
        return None
    mine, theirs = keco.kinds_apart(unit, jobs.works, keco.works_named(title))
    if not theirs or not mine:
        return None
    level = LEVELS.get(len(unit), "분류")
    return (
        f"관련 직종: {keco.name(code)} — 찾으시는 일({', '.join(mine)})과 같은 "
        f"{level}({keco.name(unit)})의 다른 일({', '.join(theirs)})"
    )


def _same_subject(title: str, wanted: str, jobs: SeekerJobs) -> bool:
    """For an instructor's job, whether it teaches the trade the seeker would teach.

    "전기 실기 훈련교사" is not the job of a welder who wants to teach welding; a title
    naming no trade, or a seeker naming none, says nothing against it.
    """
    if not wanted.startswith(TEACHING):
        return True
    taught = [c for c, _ in named_codes(title) if not c.startswith(TEACHING)]
    known = [c for c in (*jobs.context, *(c for c, _ in jobs.experience)) if len(c) >= 3]
    if not taught or not known:
        return True
    return any(t[:3] == k[:3] for t in taught for k in known)


def profile_jobs(profile: nlu.SeekerProfile) -> SeekerJobs:
    """The occupations of a profile collected over a conversation, as KECO codes.

    The codes of what the seeker said refine the families: a family's code gives way to the
    codes said under or over it ("조립 생산직 해봤어요": 8, not the 8900 of the family
    생산·포장 단순 종사원); a family nothing said refines (read from a certificate, or from
    words the classification does not know) keeps its own. With nothing wanted, the work
    done is the target, unless the seeker leaves it (:meth:`nlu.SeekerProfile.leaves_work_done`);
    work done that the seeker said they leave is left whatever the target, as in a typed text.
    """
    tables = nlu.load_tables()

    def code_of(family: str) -> str | None:
        info = tables.occupations.get(family)
        return (
            read_seeker_jobs(info.name_ko).targets[0]
            if info and read_seeker_jobs(info.name_ko).targets
            else None
        )

    said = [*profile.wanted_codes, *(c for c, _ in profile.done_codes)]

    def refined(families: Iterable[str]) -> list[str]:
        """Each family's code, or the codes said that refine it; none where work of the same
        대분류 was wished in words ("사출공장": 852201, not also the 8900 of 생산·포장)."""
        codes = [c for c in (code_of(f) for f in families) if c]
        wished = {x[0] for x in profile.wanted_codes}
        return [
            r
            for c in codes
            for r in ([x for x in said if nested(x, [c])] or ([] if c[0] in wished else [c]))
        ]

    family_years = [(code_of(e.family), e.years) for e in profile.experience]

    def years_of(code: str, years: int | None) -> int | None:
        if years is not None:
            return years
        known = [y for c, y in family_years if c and y is not None and nested(c, [code])]
        return max(known, default=None)

    done = [(c, years_of(c, y)) for c, y in profile.done_codes]
    # a family's years the codes said do not hold: "용접" then "15년" is 15 years of welding,
    # though 용접 was said as the wish
    said_done = [c for c, _ in profile.done_codes]
    done += [
        (c, y)
        for c, y in family_years
        if c and not nested(c, said_done) and (y is not None or not nested(c, said))
    ]
    targets = [*profile.wanted_codes, *refined(profile.wanted_families)]
    # as a typed text reads it (SeekerJobs.leaving): left when said, whatever the target;
    # by the heavy-trade rule only when nothing is wanted
    leaving = bool(done) and (
        profile.leaves_done_work or (not targets and profile.leaves_work_done())
    )
    if not targets and not profile.any_occupation and not leaving:
        targets = [c for c, _ in done if not nested(c, profile.excluded_codes)]
    # the industry and the kind of work said beside the wish ("지엠 조립라인": car assembly,
    # not ship 조립), as a typed text reads them — from the work done when that is the wish
    said_with = profile.wanted_words or (() if leaving else profile.done_words)
    beside = read_seeker_jobs(" ".join(said_with)) if said_with else SeekerJobs()
    return SeekerJobs(
        targets=tuple(dict.fromkeys(targets)),
        experience=tuple(dict.fromkeys(done)),
        excluded=tuple(c for c in profile.excluded_codes if c not in targets),
        any_occupation=profile.any_occupation,
        context=beside.context,
        works=beside.works,
        # the families of the work done, with no wish worded, are that work wanted again
        implied=not profile.wanted_codes
        and set(profile.wanted_families) <= {e.family for e in profile.experience},
        # in a chat the work is asked for by the form's question ("어떤 일 찾으세요?")
        asked=bool(profile.wanted_codes or profile.wanted_families),
        target_words=profile.wanted_words,
        experience_words=profile.done_words,
        leaving=leaving,
    )


def search_words(profile: nlu.SeekerProfile) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The seeker's own words to search with instead of the family names: (wanted, done).

    A family's name says other than the seeker did when the code said is coarser than the
    family's ("조립 생산직 해봤어요" is 8, filed as 생산·포장 단순 종사원 8900, whose name
    pulls simple packing jobs) or finer ("그라인더 사상 해봤어요" is 사상 824107, filed as
    용접원, whose name pulls welding jobs): then the words said are the search text. Where
    the family is what was said (용접 일 → 용접원), its name stays; empty when nothing was
    said.
    """
    tables = nlu.load_tables()

    def family_code(family: str) -> str | None:
        info = tables.occupations.get(family)
        targets = read_seeker_jobs(info.name_ko).targets if info else ()
        return targets[0] if targets else None

    def misstated(families: Iterable[str], said: Iterable[str]) -> bool:
        codes = [c for c in (family_code(f) for f in families) if c]
        return any(c != s and (c.startswith(s) or s.startswith(c)) for c in codes for s in said)

    done_codes = [c for c, _ in profile.done_codes]
    if profile.wanted_codes:
        misstated_wish = misstated(profile.wanted_families, profile.wanted_codes)
        wanted = profile.wanted_words if misstated_wish else ()
    else:  # the work done is what is searched for
        wanted = profile.done_words if misstated(profile.wanted_families, done_codes) else ()
    done_families = [e.family for e in profile.experience]
    done = profile.done_words if misstated(done_families, done_codes) else ()
    return wanted, done


def explain(
    opening: Opening,
    profile: nlu.SeekerProfile,
    *,
    distance_km: float,
    home_name: str | None,
    as_of: date,
    commute_km: float | None = None,
    jobs: SeekerJobs | None = None,
    occupation: OccupationClass | None = None,
    industries: frozenset[str] = frozenset(),
) -> Explanation:
    """Build the explanation of one opening for one seeker profile.

    ``jobs`` is what the seeker's text says about occupations (default: read from the
    profile's families); ``occupation`` the opening's class (default: classified here);
    ``commute_km`` the longest commute counted as reachable (None: anywhere);
    ``industries`` those the seeker wants to work in (named by the posting: said so). An
    occupation match is claimed only for an opening nothing else holds back: with anything
    in ``missing`` the class is stated, not claimed.
    """
    tables = nlu.load_tables()
    jobs = jobs or profile_jobs(profile)
    occupation = occupation or classify_opening(
        title=opening.title,
        occupation=opening.occupation_raw or "",
        jobs_cd=opening.occupation_code,
        description=opening.description or "",
    )
    out = Explanation()
    if profile.newcomer and opening.career == "경력":
        out.missing.append("경력자 모집")
    elif opening.career_years_min:
        code = occupation.code
        relevant = [y for c, y in jobs.experience if y and code and claim_level(code, c)]
        if code and code.startswith(TEACHING):  # "현장경력 10년 이상": years in the trade taught
            taught = {t[:3] for t, _ in named_codes(opening.title) if not t.startswith(TEACHING)}
            relevant += [y for c, y in jobs.experience if y and c[:3] in taught]
        asked = career_field(opening.title, opening.description or "")
        keco = load_keco()
        if asked is not None:  # "배관 경력 2년 이상": only years in that field count
            relevant = [
                y for c, y in jobs.experience if y and closeness(asked, c, keco) >= SAME_FIELD
            ]
        field_name = f"{keco.name(asked)} " if asked is not None else ""
        if relevant and max(relevant) >= opening.career_years_min:
            out.reasons.append(f"{field_name}경력 조건 충족 ({opening.career_years_min}년 이상)")
        else:
            out.missing.append(f"{field_name}경력 {opening.career_years_min}년 이상 요구")

    held, lacking = set(profile.certificates_held), set(profile.certificates_lacking)
    for cert, need in opening.certificates.items():
        name = tables.certificates[cert].name_ko if cert in tables.certificates else cert
        higher = next(
            (h for h in held if h in tables.certificates and cert in tables.certificates[h].covers),
            None,
        )
        if cert in held:
            out.reasons.append(
                f"자격증 보유: {name}" + (" (필수)" if need == "required" else " (우대)")
            )
        elif higher is not None:
            # "전기기능사 이상 필수" and a 전기기사: the higher grade meets it
            above = tables.certificates[higher].name_ko
            out.reasons.append(
                f"자격증 충족: {name}"
                + (" (필수)" if need == "required" else " (우대)")
                + f" — {above} 보유"
            )
        elif need == "required":
            note = "없다고 하심" if cert in lacking else "보유 여부 확인 필요"
            out.missing.append(f"필수 자격증 {name}: {note}")

    place = opening.region_raw or "근무지 미상"
    if math.isnan(distance_km):
        out.missing.append(f"근무지 거리 확인 필요: {place}")
    elif commute_km is not None and distance_km > commute_km:
        out.missing.append(f"출퇴근 거리: {place} (약 {distance_km:.0f}km)")
    elif home_name:
        out.reasons.append(f"근무지: {place} ({home_name}에서 약 {distance_km:.0f}km)")

    pay = format_pay(opening)
    if profile.min_monthly_pay:
        conventions = nlu.load_tables().pay
        wish = nlu.floor_words(
            profile.min_monthly_pay, profile.min_pay_rate, conventions=conventions
        )
        best = opening.monthly_pay_max or opening.monthly_pay_min
        if best is None:
            out.missing.append(f"급여 {pay}: 희망 {wish} 이상인지 확인 필요")
        else:
            out.reasons.append(f"급여: {pay} (희망 {wish} 이상 충족)")
    else:
        out.reasons.append(f"급여: {pay}")

    ruled_out = excluded_shifts(profile)
    if opening.work_shift:
        if ruled_out & NIGHT_SHIFTS and opening.work_shift in NIGHT_SHIFTS:
            # "교대는 못 해요" and a night posting: not ruled out by the filter, not their wish
            out.missing.append(f"근무형태: {opening.work_shift} (밤 근무 여부 확인 필요)")
        elif ruled_out and opening.work_shift not in ruled_out:
            out.reasons.append(f"근무형태: {opening.work_shift} (원하시는 조건)")
        else:
            out.reasons.append(f"근무형태: {opening.work_shift}")
    elif ruled_out:
        out.missing.append("근무형태(야간 여부) 확인 필요")

    if opening.employment_type:
        out.reasons.append(f"고용형태: {opening.employment_type}")
    if profile.short_term:
        if read_opening_terms(opening.title, opening.description or "").short_term:
            out.reasons.append("단기 근무 (원하시는 조건)")
        else:
            out.missing.append("근무 기간(단기 가능 여부) 확인 필요")
    if profile.needs_dormitory:
        (out.reasons if opening.dormitory else out.missing).append(
            "기숙사 제공" if opening.dormitory else "기숙사 제공 여부 확인 필요"
        )
    if profile.visa:
        # "외국인(E-9)"; a nationality said without a visa is "외국인" once, not "외국인(외국인)"
        who = "외국인" if profile.visa == FOREIGN_VISA_UNSAID else f"외국인({profile.visa})"
        if opening.foreign_workers == "e9_ok":
            out.reasons.append(f"{who} 채용 가능")
        elif opening.foreign_workers == "domestic_only":
            out.missing.append("내국인만 채용한다고 되어 있음")
        else:
            out.missing.append(f"{who} 채용 여부 확인 필요")

    if opening.closes_on is None:
        out.reasons.append("상시 채용")
    else:
        days = (opening.closes_on - as_of).days
        out.reasons.append(
            f"마감 {opening.closes_on:%m월 %d일}" + (f" (D-{days})" if days <= 7 else "")
        )
    said = occupation_reasons(opening, jobs, occupation)
    other = None if said else other_trade(opening, jobs, occupation)
    if other:
        out.missing.insert(0, other)
    if out.missing and said and said[0].startswith(MATCH_CLAIMS) and occupation.code:
        said = [f"{POSTED_CLASS}: {load_keco().name(occupation.code)}"]
    out.reasons[:0] = said + industry_reasons(opening, industries)
    return out


def industry_reasons(opening: Opening, wanted: frozenset[str]) -> list[str]:
    """ "업종: 이차전지 (원하시는 쪽)" for each wanted industry the posting's head names."""
    if not wanted:
        return []
    industries = load_industries()
    named = industries.of_posting(
        opening.title, opening.occupation_raw or "", opening.description or ""
    )
    return [f"업종: {industries.names[i]} (원하시는 쪽)" for i in sorted(named & wanted)]
