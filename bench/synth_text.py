"""The text of a posting: wording fragments and the title and description built from them."""

from __future__ import annotations

import random

from synth_companies import bare_company
from synth_family import Family, Variant
from synth_record import SyntheticOpening

__all__ = ["pay_text", "posting_description", "posting_title"]

HOURS = {
    "주간": ("08:00~17:00 (휴게 1시간)", "08:30~17:30", "07:30~16:30, 잔업 시 19:00까지",
             "09:00~18:00", "08:00~17:00, 잔업 2시간 있음"),
    "2교대": ("주야 2교대 (08:00~20:00 / 20:00~08:00)", "주야 맞교대, 1주 단위 교대",
              "2교대 (07:00~19:00 / 19:00~07:00)", "주간·야간 2교대 근무"),
    "3교대": ("3조 3교대 (06~14 / 14~22 / 22~06)", "4조 3교대", "3교대 순환 근무"),
    "야간": ("야간 전담 (20:00~익일 05:00)", "야간 근무 (22:00~07:00)", "야간 고정 (19:00~07:00)"),
}  # fmt: skip
DAYS = ("주5일 (월~금)", "주5일 (토·일 휴무)", "주6일", "격주 토요일 근무", "주5일, 토요 특근 있음")
PAY_NOTES = ("잔업·특근 수당 별도", "상여금 연 400%", "수습 3개월 (급여 100%)", "퇴직금 별도",
             "경력에 따라 협의", "연장근로 시 추가 수당", "명절 상여금 지급")  # fmt: skip
WELFARE = ("퇴직금", "작업복·안전화 지급", "명절 선물", "장기근속 포상", "건강검진",
           "자녀 학자금", "주차 가능", "경조사비", "연차휴가")  # fmt: skip
DAILY_DAYS = ("작업 물량에 따라 주5~6일", "주6일", "월~토 (우천 시 휴무)")
DAILY_PAY_NOTES = ("일당 당일 지급", "일당 주급으로 정산", "숙련도에 따라 일당 조정")
DAILY_INSURANCE = ("고용·산재보험 가입", "산재보험 가입")
DAILY_WELFARE = ("작업복·안전화 지급", "보호구 지급", "주차 가능")
MEALS = ("중식 제공", "중·석식 제공", "점심 제공", "식사 제공 (구내식당)")
INSURANCE = ("4대보험", "4대보험 가입", "4대 보험")
DORMS = (
    "기숙사 제공 (2인 1실)",
    "원룸형 기숙사 제공",
    "숙소 제공",
    "기숙사 있음 (관리비 회사 부담)",
)
BUSES = ("통근버스 운행 (군산 시내·익산)", "출퇴근 버스 있음", "통근버스 운행 (나운동·수송동 경유)",
         "출퇴근 차량 지원")  # fmt: skip
E9_OK = ("외국인(E-9) 지원 가능", "E-9·H-2 비자 소지자 가능", "외국인 근로자 가능 (E-9)",
         "내·외국인 모두 지원 가능 (E-9 포함)")  # fmt: skip
E9_NO = ("내국인만 지원 가능", "외국인 불가", "내국인 채용 (외국인 지원 불가)")
APPLY = ("고용24 입사지원 또는 이메일 접수", "이력서 지참 후 방문 면접", "전화 문의 후 방문",
         "군산시 일자리센터 알선", "문의는 담당자에게 전화 주세요", "서류 합격자 개별 연락")  # fmt: skip
REQUIRED = (
    "{c} 필수",
    "{c} 소지자 (필수)",
    "필수: {c}",
    "{c} 자격증 필수 지참",
    "{c} 없으면 지원 불가",
)
PREFERRED = ("{c} 우대", "{c} 소지자 우대", "우대: {c}", "{c} 있으면 우대", "{c} 보유 시 우대")
NEWBIE = ("초보자 가능 (교육 후 배치)", "신입 가능", "경력 없어도 가능", "처음 하시는 분도 가능")
ANY_CAREER = ("경력 무관", "초보·경력 무관", "경력 무관 (경력자 우대)")
PERKS_IN_TITLE = {"dorm": "기숙사 제공", "bus": "통근버스 운행", "day": "주간 근무",
                  "regular": "정규직", "meal": "중식 제공"}  # fmt: skip
URGENT = ("[급구] ", "★급구★ ", "")
SECTION_STYLES = (
    ("[담당업무] ", " [자격요건] ", " [근무조건] ", " [복리후생] ", " [기타] "),
    ("▶ 업무내용: ", " ▶ 지원자격: ", " ▶ 근무형태: ", " ▶ 복지: ", " ▶ 접수: "),
    ("- 하는 일: ", " - 자격: ", " - 근무: ", " - 복리후생: ", " - 비고: "),
    ("■ 주요업무 : ", " ■ 자격요건 : ", " ■ 근무조건 : ", " ■ 복리후생 : ", " ■ 전형방법 : "),
)  # fmt: skip


def posting_title(rng: random.Random, variant: Variant, o: SyntheticOpening) -> str:
    """A title in one of the shapes real postings use: place, job, verb, a career or perk."""
    subject = variant.title
    if o.employment_type == "일용직" and o.family in ("welder", "ship_fitter"):
        subject = rng.choice(("선박 용접 물량팀", "조선 물량팀 (일당)", subject))
    place = o.area if rng.random() < 0.5 else o.area.split()[0]
    if o.career == "경력" and o.career_years_min:
        career = rng.choice((f"경력 {o.career_years_min}년 이상", f"경력{o.career_years_min}년↑",
                             "경력자"))  # fmt: skip
    elif o.career == "신입":
        career = rng.choice(("신입 가능", "초보 가능", "신입·경력"))
    else:
        career = rng.choice(("경력무관", "초보 가능", "경력자 우대"))
    perks = []
    if o.dormitory:
        perks.append(PERKS_IN_TITLE["dorm"])
    if o.commute_bus:
        perks.append(PERKS_IN_TITLE["bus"])
    if o.work_shift == "주간":
        perks.append(PERKS_IN_TITLE["day"])
    elif o.work_shift == "2교대" and rng.random() < 0.5:
        perks.append("주야 2교대")
    if o.employment_type == "정규직":
        perks.append(PERKS_IN_TITLE["regular"])
    elif o.employment_type == "일용직":
        perks.append("일당 당일지급" if rng.random() < 0.5 else "일용직")
    perk = rng.choice(perks) if perks else PERKS_IN_TITLE["meal"]
    short_company = bare_company(o.company)
    verb = rng.choice(("모집", "모집", "채용", "구인", "구합니다"))
    template = rng.randrange(8)
    if template == 0:
        return f"[{place}] {subject} {verb}({career})"
    if template == 1:
        return f"{short_company} {subject} {verb}"
    if template == 2:
        return f"{subject} {verb} ({perk})"
    if template == 3:
        return f"{rng.choice(URGENT)}{place} {subject} {verb} - {perk}"
    if template == 4:
        return f"[{short_company}] {subject} {verb} ({career}/{perk})"
    if template == 5:
        return f"{place} {subject} {rng.choice((1, 1, 2, 2, 3, 5))}명 {verb}"
    if template == 6:
        return f"({place}) {subject} {o.employment_type} {verb}"
    return f"{subject} {verb} - {place}, {career}"


def posting_description(
    rng: random.Random, family: Family, variant: Variant, o: SyntheticOpening
) -> str:
    """The description: duties, requirements, conditions, welfare and how to apply."""
    duties = list(variant.duties)
    if len(duties) > 1 and rng.random() < 0.3:
        duties.pop(rng.randrange(len(duties)))
    if rng.random() < 0.6:
        duties.append(rng.choice(family.duties))

    reqs: list[str] = []
    if o.career == "경력" and o.career_years_min:
        reqs.append(f"{rng.choice(family.occupations)} 경력 {o.career_years_min}년 이상")
    elif o.career == "신입":
        reqs.append(rng.choice(NEWBIE))
    else:
        reqs.append(rng.choice(ANY_CAREER))
    for cert in o.required_certs:
        if o.trap_kind == "cert_required" and cert == o.required_certs[0]:
            reqs.append(f"※ {cert} 필수 (미소지자 지원 불가)")
        else:
            reqs.append(rng.choice(REQUIRED).format(c=cert))
    reqs.extend(rng.choice(PREFERRED).format(c=cert) for cert in o.preferred_certs)
    if family.extras and rng.random() < 0.7:
        extra = rng.choice(family.extras)
        if extra not in reqs[0] and not ("초보" in extra and "초보" in reqs[0]):
            reqs.append(extra)

    hours = rng.choice(HOURS[o.work_shift])
    if o.trap_kind == "night_shift":
        hours += " (야간 근무 필수)" if o.work_shift == "야간" else " (교대 근무 필수)"
    daily = o.employment_type == "일용직"
    cond = [o.employment_type, hours, rng.choice(DAILY_DAYS if daily else DAYS),
            pay_text(o)]  # fmt: skip
    if rng.random() < 0.5:
        cond.append(rng.choice(DAILY_PAY_NOTES if daily else PAY_NOTES))

    welfare = [rng.choice(DAILY_INSURANCE if daily else INSURANCE)]
    if o.meals:
        welfare.append(rng.choice(MEALS))
    if o.dormitory:
        welfare.append(rng.choice(DORMS))
    if o.commute_bus:
        welfare.append(rng.choice(BUSES))
    perks = DAILY_WELFARE if daily else WELFARE
    welfare.extend(rng.sample(perks, rng.randint(1, min(3, len(perks)))))
    if o.night_work and rng.random() < 0.5:
        welfare.append("야간수당 별도")

    etc = []
    if o.e9_ok is True:
        etc.append(rng.choice(E9_OK))
    elif o.e9_ok is False:
        etc.append(rng.choice(E9_NO))
    etc.append(rng.choice(APPLY))

    style = rng.randrange(5)
    if style == 4:
        # Plain sentences, as small companies write them.
        short = bare_company(o.company)
        subject = variant.title
        return (
            f"{short}에서 {_obj(subject)} 모십니다. "
            f"주요 업무는 {', '.join(duties)}입니다. "
            f"{', '.join(reqs)}. 근무는 {', '.join(cond)}. "
            f"복리후생: {', '.join(welfare)}. {' / '.join(etc)}."
        )
    heads = SECTION_STYLES[style]
    sep = rng.choice((", ", " / ", " · "))
    parts = (duties, reqs, cond, welfare, etc)
    return "".join(h + sep.join(p) for h, p in zip(heads, parts, strict=True)).strip()


def pay_text(o: SyntheticOpening) -> str:
    """The pay as the description states it, e.g. ``월 320만원 ~ 380만원``."""
    if o.employment_type == "일용직":
        daily = o.salary_min * 8
        return f"일당 {daily // 10_000}만원 (시급 환산 {o.salary_min:,}원)"
    unit = {"월급": "월", "시급": "시급", "연봉": "연봉"}[o.salary_type]
    if o.salary_type == "시급":
        low = f"{o.salary_min:,}원"
        high = f"{o.salary_max:,}원" if o.salary_max else ""
    else:
        low = f"{o.salary_min // 10_000:,}만원"
        high = f"{o.salary_max // 10_000:,}만원" if o.salary_max else ""
    return f"{unit} {low} ~ {high}" if high else f"{unit} {low} 이상"


def _has_batchim(text: str) -> bool | None:
    last = text.rstrip(" )")[-1:]
    if "가" <= last <= "힣":
        return (ord(last) - 0xAC00) % 28 != 0
    return None


def _obj(word: str) -> str:
    """``word`` with the object particle 을/를 that fits it."""
    batchim = _has_batchim(word)
    return word + ("을(를)" if batchim is None else "을" if batchim else "를")
