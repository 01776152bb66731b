"""The profile as five short Korean summaries (shown in /profile and to counselors), and
the conditions a search used.

A slot holds a summary once the profile answers it: a stated fact ("월 300만원 이상"), or
a flag the seeker set by saying it does not matter ("상관없음"). Code that needs to know
which of the two it is asks the profile's flags, or uses the ``stated_*`` functions, which
summarize stated facts only; it never compares the words.
"""

from __future__ import annotations

import nlu
from actions import messages
from nlu.keco import load_keco
from nlu.profile import FormSlot, SeekerProfile
from retrieval.matcher import class_names

__all__ = ["form_slot_values", "search_summary", "stated_pay", "stated_shift"]


def _name(table: dict[str, object], key: str) -> str:
    item = table.get(key)
    return str(getattr(item, "name_ko", key))


def stated_pay(profile: SeekerProfile) -> str | None:
    """The minimum pay the seeker stated ("월 300만원 이상"), a wish for high pay without a
    number ("급여 높은 곳"), or ``None``."""
    if not profile.min_monthly_pay:
        return messages.HIGH_PAY if profile.wants_high_pay else None
    floor = nlu.floor_words(
        profile.min_monthly_pay, profile.min_pay_rate, conventions=nlu.load_tables().pay
    )
    return messages.MIN_PAY.format(floor=floor)


def stated_shift(profile: SeekerProfile) -> str | None:
    """The shifts the seeker wants or refuses ("주간만", "야간 불가"), or ``None``."""
    if profile.wanted_shifts == {"주간"}:
        return messages.DAY_SHIFT_ONLY
    if profile.excluded_shifts:
        return messages.SHIFTS_EXCLUDED.format(shifts=", ".join(sorted(profile.excluded_shifts)))
    if profile.wanted_shifts:
        return messages.SHIFTS_WANTED.format(shifts=", ".join(sorted(profile.wanted_shifts)))
    return None


def _stated_region(profile: SeekerProfile) -> str | None:
    """Where the seeker lives, or the places they named to work in when those are elsewhere
    ("익산 쪽": the search puts them first, :func:`retrieval.constraints.in_home_town`)."""
    regions: dict[str, object] = dict(nlu.load_tables().regions)
    elsewhere = [r for r in profile.work_regions if r != profile.home_region]
    if elsewhere:
        places = "·".join(_name(regions, r) for r in profile.work_regions)
        return messages.WORK_REGIONS.format(places=places)
    return _name(regions, profile.home_region) if profile.home_region else None


def _occupation(profile: SeekerProfile) -> str | None:
    occupations: dict[str, object] = dict(nlu.load_tables().occupations)
    years = profile.years()
    # "배터리 공장 쪽으로" names a plant, not a job: its words say the wish, the family it is
    # filed under (생산·포장 단순 종사원) would not
    plant = load_keco().names_a_plant(profile.wanted_words)
    wanted = () if plant else profile.wanted_families
    jobs = [
        messages.YEARS.format(job=_name(occupations, f), years=years[f])
        if years.get(f)
        else _name(occupations, f)
        for f in dict.fromkeys([*wanted, *years])
    ]
    if plant:
        jobs.insert(0, " ".join(profile.wanted_words))
    elif not jobs:  # work only the classification names ("편의점 알바", "입구 지키는 일")
        done = dict(profile.done_codes)
        for code in dict.fromkeys([*profile.wanted_codes, *done]):
            name = class_names([code])[0]  # 경비원(건물 관리원) → 경비원
            named = messages.YEARS.format(job=name, years=done[code]) if done.get(code) else name
            jobs += [named] if named not in jobs else []
    return ", ".join(jobs) or (messages.ANY_OCCUPATION if profile.any_occupation else None)


def _certificates(profile: SeekerProfile) -> str | None:
    certificates: dict[str, object] = dict(nlu.load_tables().certificates)
    names = [_name(certificates, c) for c in profile.certificates_held]
    names += [
        messages.CERTIFICATE_LACKING.format(name=_name(certificates, c))
        for c in profile.certificates_lacking
    ]
    return ", ".join(names) or (messages.NO_CERTIFICATES if profile.no_certificates else None)


def form_slot_values(profile: SeekerProfile) -> dict[FormSlot, str | None]:
    """The five form slots as short Korean summaries; ``None`` where nothing is known."""
    return {
        "occupation": _occupation(profile),
        "certificates": _certificates(profile),
        "region": _stated_region(profile)
        or (messages.ANY_REGION if profile.region_anywhere else None),
        "pay": stated_pay(profile) or (messages.ANY_PAY if profile.pay_any else None),
        "shift": stated_shift(profile) or (messages.ANY_SHIFT if profile.shift_any else None),
    }


def search_summary(profile: SeekerProfile) -> str:
    """The conditions a search used, for the results' intro ("용접원 15년 · 군산시 · 주간만");
    every condition that changes a search shows, so a search after a correction reads
    differently from the one before."""
    certificates: dict[str, object] = dict(nlu.load_tables().certificates)
    parts = [_occupation(profile), _stated_region(profile), stated_pay(profile)]
    if profile.max_commute_km and not profile.region_anywhere:
        parts.append(messages.COMMUTE_LIMIT.format(km=profile.max_commute_km))
    regions = nlu.load_tables().regions
    parts += [
        messages.REGION_EXCLUDED.format(region=regions[r].name_ko)
        for r in profile.excluded_regions
        if r in regions
    ]
    if profile.work_hours:  # "오전만" says more than the 주간만 it implies
        parts.append(messages.WORK_HOURS.format(part=profile.work_hours))
    if not profile.work_hours or profile.wanted_shifts != {"주간"}:
        parts.append(stated_shift(profile))
    if profile.max_daily_hours:
        parts.append(messages.DAILY_HOURS.format(hours=profile.max_daily_hours))
    if profile.work_from is not None and profile.work_until is not None:
        parts.append(messages.WORK_WINDOW.format(start=profile.work_from, end=profile.work_until))
    elif profile.work_until is not None:
        parts.append(messages.WORK_UNTIL.format(end=profile.work_until))
    elif profile.work_from is not None:
        parts.append(messages.WORK_FROM.format(start=profile.work_from))
    parts += [
        messages.PHYSICAL_LIMITS[limit]
        for limit in sorted(profile.physical_limits)
        if limit in messages.PHYSICAL_LIMITS
    ]
    parts += [_name(certificates, c) for c in profile.certificates_held]
    if profile.no_certificates and not profile.certificates_held:
        parts.append(messages.NO_CERTIFICATES_SAID)
    if profile.excluded_employment_types:
        types = ", ".join(sorted(profile.excluded_employment_types))
        parts.append(messages.EMPLOYMENT_EXCLUDED.format(types=types))
    if profile.no_weekends:
        parts.append(messages.NO_WEEKENDS)
    if profile.weekends_only:
        parts.append(messages.WEEKENDS_ONLY)
    if profile.newcomer:
        parts.append(messages.NEWCOMER)
    if profile.short_term:
        parts.append(messages.SHORT_TERM)
    if profile.age:
        parts.append(messages.AGE.format(age=profile.age))
    if profile.needs_dormitory:
        parts.append(messages.DORMITORY)
    if profile.needs_commute_bus:
        parts.append(messages.COMMUTE_BUS)
    if profile.visa:
        parts.append(profile.visa)
    return " · ".join(p for p in parts if p)
