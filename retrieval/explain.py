"""Why an opening matches a seeker, and what is missing, in short Korean phrases."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

import nlu
from retrieval.constraints import excluded_shifts
from storage.models import Opening

__all__ = ["Explanation", "explain", "format_pay"]


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
    if kind in ("시급", "일급"):
        high = f"~{opening.salary_max:,}" if opening.salary_max else ""
        return f"{kind} {opening.salary_min:,}{high}원"
    high_m = f"~{opening.salary_max // 10_000:,}" if opening.salary_max else ""
    return f"{kind.removesuffix('급')} {opening.salary_min // 10_000:,}{high_m}만원"


def explain(
    opening: Opening,
    profile: nlu.SeekerProfile,
    *,
    distance_km: float,
    home_name: str | None,
    as_of: date,
) -> Explanation:
    """Build the explanation of one opening for one seeker profile."""
    tables = nlu.load_tables()
    out = Explanation()
    family = opening.occupation_family
    info = tables.occupations.get(family) if family else None
    family_name = info.name_ko if info else None
    experience = {e.family: e.years for e in profile.experience}
    wanted = set(profile.wanted_families)
    related = {r for f in wanted if f in tables.occupations for r in tables.occupations[f].related}

    if family in wanted:
        years = experience.get(family)
        out.reasons.append(f"직종 일치: {family_name}" + (f" (경력 {years}년)" if years else ""))
    elif family in related:
        out.reasons.append(f"관련 직종: {family_name} (경험을 살릴 수 있는 일)")
    elif wanted and family_name:
        out.missing.append(f"희망 직종과 다름: {family_name}")

    if opening.career_years_min and family in experience:
        years = experience[family]
        if years is not None and years < opening.career_years_min:
            out.missing.append(f"경력 {opening.career_years_min}년 이상 요구")
        elif years is not None:
            out.reasons.append(f"경력 조건 충족 ({opening.career_years_min}년 이상)")

    held, lacking = set(profile.certificates_held), set(profile.certificates_lacking)
    for cert, need in opening.certificates.items():
        name = tables.certificates[cert].name_ko if cert in tables.certificates else cert
        if cert in held:
            out.reasons.append(
                f"자격증 보유: {name}" + (" (필수)" if need == "required" else " (우대)")
            )
        elif need == "required":
            note = "없다고 하심" if cert in lacking else "보유 여부 확인 필요"
            out.missing.append(f"필수 자격증 {name}: {note}")

    place = opening.region_raw or "근무지 미상"
    if math.isnan(distance_km):
        out.missing.append(f"근무지 거리 확인 필요: {place}")
    elif home_name:
        out.reasons.append(f"근무지: {place} ({home_name}에서 약 {distance_km:.0f}km)")

    pay = format_pay(opening)
    if profile.min_monthly_pay:
        wish = profile.min_monthly_pay // 10_000
        best = opening.monthly_pay_max or opening.monthly_pay_min
        if best is None:
            out.missing.append(f"급여 {pay}: 희망 월 {wish}만원 이상인지 확인 필요")
        else:
            out.reasons.append(f"급여: {pay} (희망 월 {wish}만원 이상 충족)")
    else:
        out.reasons.append(f"급여: {pay}")

    ruled_out = excluded_shifts(profile)
    if opening.work_shift:
        if ruled_out and opening.work_shift not in ruled_out:
            out.reasons.append(f"근무형태: {opening.work_shift} (원하시는 조건)")
        else:
            out.reasons.append(f"근무형태: {opening.work_shift}")
    elif ruled_out:
        out.missing.append("근무형태(야간 여부) 확인 필요")

    if opening.employment_type:
        out.reasons.append(f"고용형태: {opening.employment_type}")
    if profile.needs_dormitory:
        (out.reasons if opening.dormitory else out.missing).append(
            "기숙사 제공" if opening.dormitory else "기숙사 제공 여부 확인 필요"
        )
    if profile.visa:
        if opening.foreign_workers == "e9_ok":
            out.reasons.append(f"외국인({profile.visa}) 채용 가능")
        elif opening.foreign_workers == "domestic_only":
            out.missing.append("내국인만 채용한다고 되어 있음")
        else:
            out.missing.append(f"외국인({profile.visa}) 채용 여부 확인 필요")

    if opening.closes_on is None:
        out.reasons.append("상시 채용")
    else:
        days = (opening.closes_on - as_of).days
        out.reasons.append(
            f"마감 {opening.closes_on:%m월 %d일}" + (f" (D-{days})" if days <= 7 else "")
        )
    return out
