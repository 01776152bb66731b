"""Career paths for a seeker's words: which trade they had, where the table says it can go,
which of those they asked for, who is hiring for it now, and the upcoming courses that close
the gap.

1. **Origin.** The occupations the seeker *did* (:func:`nlu.occupation_class.read_seeker_jobs`)
   are placed on the table's trades: the code itself or its nearest parent with rows, else the
   trades under a coarse code ("조립" → 8). When several trades fit, the one whose trade word
   (용접, 차체 …) and industry (GM, 자동차 / 조선, 선박 …) the text names wins — this is also the
   README's 8171 rule (차체, 바디, 스폿 → 차체 rows, else 조립).
2. **Wish.** A target the seeker named (a KECO code other than their own, at 소분류 or finer)
   or a word of the target's Gunsan job ("해상풍력", "배터리", "태양광", "물류") puts its path
   first; with no wish, paths are ordered by the table's method: desirable, then viable, then
   similarity (the same work elsewhere or going back come first).
3. **Openings** are counted from the database now: open openings within commuting distance of
   the seeker's home (as stated, else the center's default; unknown places count) whose KECO
   class (고용24 code, else classified from the title) is under the target code and under no
   more specific target of the same trade (a 취부사 opening is the 취부 path's, not the 용접 one's).
   ``changers_only`` (the conversation) keeps only those a career changer may apply to.
4. **Courses**: upcoming runs (``starts_on`` ≥ ``as_of``) named in the paths' ``closing_courses``,
   then runs whose title names a closing certificate (고용24 courses), one run per title.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, joinedload

from nlu import Region, load_tables, parse_seeker_text, region_distance_km, resolve_region
from nlu.industries import load_industries
from nlu.keco import Keco, load_keco, nested
from nlu.occupation_class import classify_opening, read_seeker_jobs
from retrieval.transition_table import Transition, TransitionTable
from storage.course_models import Course
from storage.courses import upcoming_courses
from storage.models import Opening

__all__ = [
    "CourseOffer",
    "OpeningRef",
    "TargetPath",
    "TransitionAdvice",
    "find_transitions",
    "wished_paths",
]

#: Paths and courses shown; openings listed per path.
TOP_TARGETS, TOP_COURSES, OPENINGS_PER_PATH = 5, 5, 3
#: Words that name an industry in a seeker's text, by the industry words of the table's trades.
INDUSTRY_CUES = {
    "자동차": ("gm", "지엠", "자동차", "완성차", "차체", "의장라인"),
    "조선": ("조선", "선박", "블록", "블럭", "선각", "물량팀"),
}
#: The 8171 rule of the table's README: body-shop words mean the 차체 rows.
BODY_SHOP = ("차체", "바디", "스폿")
#: Particles and light nouns stripped from the end of a seeker's word before matching.
_ENDINGS = tuple(
    sorted(
        ["은", "는", "이", "가", "을", "를", "도", "에", "서", "로", "으로", "에서", "이나", "나",
         "요", "쪽", "쪽은", "쪽으로", "쪽도", "관련"],
        key=len,
        reverse=True,
    )
)  # fmt: skip
#: Target words that name no field new to a seeker of these trades (places, going back).
SAME_FIELD = frozenset(["물류", "항만", "산단", "협력사", "사내", "복귀", "설치", "제작", "조립"])
#: Words too general to say which path is wanted ("공장 가고 싶어요").
GENERIC_WORDS = frozenset(["공장", "회사", "자리", "현장", "일자리", "생산직", "다시"])
_WORD = re.compile(r"[0-9A-Za-z가-힣]+")
_TARGET_WORD = re.compile(r"[^\s·()/,]+")
#: A wish or a question: an occupation named without one is work done ("용접도 좀 하고요").
_WISH = re.compile(r"싶|배[우워]|[해가] ?보|갈 ?만|옮기|바꾸|어[때떤떻쩐]|될까|되나|할 ?만|있나|\?")
#: Certificate grades stripped to find a certificate's subject in a course title.
_GRADES = re.compile(r"(기능사|산업기사|기능장|기사)(\(.*\))?$")


@dataclass(frozen=True)
class OpeningRef:
    """An opening hiring for a path's target now."""

    opening_id: int
    title: str
    company: str


@dataclass(frozen=True)
class TargetPath:
    """One path to show: the target, what carries over, what is missing, pay, openings now."""

    occupation: str
    code: str
    reasons: tuple[str, ...]
    missing: tuple[str, ...]
    pay_ratio: float
    openings: tuple[OpeningRef, ...]
    transition: Transition = field(repr=False, compare=False)


@dataclass(frozen=True)
class CourseOffer:
    """An upcoming course run that closes a path's gap."""

    title: str
    institution: str
    starts_on: date
    ends_on: date | None
    hours: int | None
    fee: int | None
    self_pay: int | None
    region: str
    url: str


@dataclass(frozen=True)
class TransitionAdvice:
    """The paths (best first) and the courses (best first) for one seeker text."""

    origin: Transition | None
    targets: tuple[TargetPath, ...]
    courses: tuple[CourseOffer, ...]

    def as_dict(self) -> dict[str, object]:
        """The stable `jobbot transitions --json` object."""
        return {
            "targets": [
                {
                    "occupation": t.occupation,
                    "code": t.code,
                    "reasons": list(t.reasons),
                    "missing": list(t.missing),
                    "pay_ratio": t.pay_ratio,
                    "openings": [
                        {"opening_id": o.opening_id, "title": o.title, "company": o.company}
                        for o in t.openings
                    ],
                }
                for t in self.targets
            ],
            "courses": [
                {
                    "title": c.title,
                    "institution": c.institution,
                    "starts_on": c.starts_on.isoformat(),
                    "ends_on": c.ends_on.isoformat() if c.ends_on else None,
                    "hours": c.hours,
                    "fee": c.fee,
                    "self_pay": c.self_pay,
                    "region": c.region,
                    "url": c.url,
                }
                for c in self.courses
            ],
        }


def find_transitions(
    text: str,
    *,
    table: TransitionTable,
    session: Session,
    as_of: date,
    home_region: str = "군산",
    commute_km: float = 35.0,
    keco: Keco | None = None,
    changers_only: bool = False,
) -> TransitionAdvice:
    """The paths and courses for ``text`` as of ``as_of`` (see the module docstring);
    ``home_region`` is where a seeker who names no place lives; ``changers_only`` keeps only
    the openings the seeker can apply to as a career changer."""
    keco = keco or load_keco()
    jobs = read_seeker_jobs(text, keco=keco)
    lowered = text.lower()
    origin = _origin(jobs.experience or [(c, None) for c in jobs.targets], table, lowered)
    if origin is None:
        return TransitionAdvice(None, (), ())
    done = {code for code, _ in jobs.experience}
    wished = [c for c in jobs.targets if c not in done and len(c) >= 3]
    words = _seeker_words(text, exclude=origin.trade)
    paths = table.paths_from(origin.from_code, origin.trade)
    ranked = sorted(paths, key=lambda row: -_score(row, wished, words))[:TOP_TARGETS]
    home = resolve_region(parse_seeker_text(text).home_region or home_region)
    openings = _open_openings(session, as_of=as_of, keco=keco, home=home, commute_km=commute_km)
    codes = [row.to_code for row in paths]
    fields = {row: load_industries().named(row.to_name) for row in ranked}
    years = max((y or 0 for c, y in jobs.experience if nested(c, [origin.from_code])), default=0)
    targets = tuple(
        TargetPath(
            occupation=row.to_name,
            code=row.to_code,
            reasons=row.carry_over,
            missing=row.gap,
            pay_ratio=row.pay_ratio,
            openings=tuple(
                ref
                for code, ref, required, named in openings
                if _path_of(code, codes) == row.to_code
                and _in_fields(named, fields[row])
                and (not changers_only or _can_apply(required, row, years))
            )[:OPENINGS_PER_PATH],
            transition=row,
        )
        for row in ranked
    )
    return TransitionAdvice(origin, targets, _courses(session, ranked, as_of=as_of))


def wished_paths(
    text: str, *, table: TransitionTable, said: str | None = None, keco: Keco | None = None
) -> list[Transition]:
    """The paths from the seeker's trade (read from ``said``, default ``text``) that ``text``
    asks for outside what they did: a table occupation they have not done ("제관" from a
    welder), or a word (from 3 letters, a word's start: 배터리 → 배터리팩) of a target's Gunsan
    job that names no place or industry they came from ("해상풍력", "전기차"; not "조선소")."""
    keco, said = keco or load_keco(), said or text
    jobs = read_seeker_jobs(said, keco=keco)
    origin = _origin(jobs.experience, table, said.lower())  # what they did, not a wish
    if origin is None or not _WISH.search(text):
        return []
    done = [code for code, _ in jobs.experience] + [origin.from_code]
    asked = read_seeker_jobs(text, keco=keco).targets
    wished = [c for c in asked if len(c) >= 3 and not nested(c, done)]
    words = {
        w
        for w in _seeker_words(text, exclude=origin.trade)
        if w not in SAME_FIELD
        and w not in origin.from_name
        and resolve_region(w) is None
        and not any(cue in w for cues in INDUSTRY_CUES.values() for cue in cues)
    }
    return [
        row
        for row in table.paths_from(origin.from_code, origin.trade)
        if nested(row.to_code, wished)
        or any(
            t == w or (len(w) >= 3 and t.startswith(w)) for w in words for t in _target_words(row)
        )
    ]


def _can_apply(required: int | None, row: Transition, years: int) -> bool:
    """No experience ``required`` (``-1``: some, no minimum), or the path continues the
    seeker's trade and their ``years`` meet it."""
    if required is None:
        return True
    return nested(row.to_code, [row.from_code]) and years >= max(required, 1)


def _in_fields(named: frozenset[str], fields: frozenset[str]) -> bool:
    """Whether an opening naming the industries ``named`` may stand under a path into
    ``fields`` ("이차전지·전기차 품질검사"): a shipyard's inspector may not; one that names
    no industry, or a path that names none, may."""
    return not (named and fields) or bool(named & fields)


def _path_of(code: str, targets: Sequence[str]) -> str | None:
    """The most specific target code ``code`` falls under."""
    under = [t for t in targets if code.startswith(t)]
    return max(under, key=len) if under else None


def _origin(
    experience: Sequence[tuple[str, int | None]], table: TransitionTable, text: str
) -> Transition | None:
    """The table trade (as its first row) that best fits what the seeker did."""
    best: tuple[float, Transition] | None = None
    for rank, (code, years) in enumerate(experience):
        exact = table.origin_code(code)
        # Trades under the code compete too: 8251 도장 holds 825101 자동차 도장.
        finer = sorted(c for c in table.from_codes if c.startswith(code) and c != exact)
        for from_code in ([exact] if exact else []) + finer:
            trades = dict.fromkeys(row.trade for row in table.paths_from(from_code))
            for trade in trades:
                row = table.paths_from(from_code, trade)[0]
                score = (
                    (3.0 if from_code == exact else 2.5 if exact else 1.0)
                    + 2.0 * _names_trade(row, text)
                    + 1.0 * _names_industry(row, text)
                    + (years or 0) / 100
                    - rank / 10
                )
                if best is None or score > best[0]:
                    best = (score, row)
    return best[1] if best else None


def _names_trade(row: Transition, text: str) -> bool:
    if row.from_code == "8171":
        return any(word in text for word in BODY_SHOP) == (row.trade == "차체")
    return row.trade.split()[0] in text


def _names_industry(row: Transition, text: str) -> bool:
    return any(
        industry in row.industry and any(cue in text for cue in cues)
        for industry, cues in INDUSTRY_CUES.items()
    )


def _seeker_words(text: str, *, exclude: str) -> set[str]:
    """The seeker's words without particles, minus their own trade's word."""
    words = set()
    said = text.lower().replace("2차전지", "이차전지").replace("배터리", "배터리 이차전지")
    for word in _WORD.findall(said):  # a 배터리 plant is an 이차전지 one (the table's word)
        for ending in _ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= 2:
                word = word[: -len(ending)]
                break
        if (
            len(word) >= 2
            and not word.isdigit()
            and word not in GENERIC_WORDS
            and word not in exclude
        ):
            words.add(word)
    return words


def _target_words(row: Transition) -> set[str]:
    """The words of the target's Gunsan job (the part in brackets, else the name)."""
    inside = row.to_name.partition("(")[2] or row.to_name
    return {w.lower() for w in _TARGET_WORD.findall(inside) if len(w) >= 2}


def _score(row: Transition, wished: Sequence[str], words: set[str]) -> float:
    """Asked-for paths first, then the method's order (desirable, viable, similar)."""
    code_hit = nested(row.to_code, wished)
    targets = _target_words(row)
    word_hits = sum(1 for w in words if any(t == w or t.startswith(w) for t in targets))
    viability = {"highly_viable": 0.3, "viable": 0.2}.get(row.viability, 0.0)
    return 3.0 * code_hit + 2.0 * word_hits + 0.5 * row.desirable + viability + 0.5 * row.similarity


def _open_openings(
    session: Session, *, as_of: date, keco: Keco, home: Region | None, commute_km: float
) -> list[tuple[str, OpeningRef, int | None, frozenset[str]]]:
    """Openings open on ``as_of`` and within reach, with their KECO class, required years
    (see :func:`_can_apply`) and the industries they name, newest first (unclassified ones
    are left out)."""
    query = (
        select(Opening)
        .options(joinedload(Opening.company))
        .where(
            Opening.retired_at.is_(None),
            or_(
                Opening.open_ended.is_(True),
                Opening.closes_on.is_(None),
                Opening.closes_on >= as_of,
            ),
        )
        .order_by(Opening.id.desc())
    )
    regions = load_tables().regions
    industries = load_industries()
    found = []
    for opening in session.scalars(query):
        place = regions.get(opening.region_id or "")
        if home and place and region_distance_km(home, place) > commute_km:
            continue
        code = classify_opening(
            title=opening.title,
            occupation=opening.occupation_raw,
            jobs_cd=opening.occupation_code,
            keco=keco,
        ).code
        if code:
            required = (opening.career_years_min or -1) if opening.career == "경력" else None
            ref = OpeningRef(opening.id, opening.title, opening.company.name)
            named = industries.named(f"{opening.title} {opening.description}")
            found.append((code, ref, required, named))
    return found


def _courses(
    session: Session, paths: Sequence[Transition], *, as_of: date
) -> tuple[CourseOffer, ...]:
    """Upcoming runs for the paths, in path order: named courses, then certificate courses."""
    upcoming = upcoming_courses(session, as_of=as_of)
    chosen: dict[str, Course] = {}
    for row in paths:
        for name in row.courses:
            run = next((c for c in upcoming if c.title == name), None)
            if run is not None:
                chosen.setdefault(run.title, run)
        subjects = [_GRADES.sub("", cert) for cert in row.certificates]
        for run in upcoming:
            compact = run.title.replace(" ", "")
            if any(s and s.replace(" ", "") in compact for s in subjects):
                chosen.setdefault(run.title, run)
    return tuple(
        CourseOffer(
            title=c.title,
            institution=c.institution,
            starts_on=c.starts_on,
            ends_on=c.ends_on,
            hours=c.hours,
            fee=c.fee,
            self_pay=c.self_pay,
            region=c.region,
            url=c.url,
        )
        for c in list(chosen.values())[:TOP_COURSES]
        if c.starts_on is not None
    )
