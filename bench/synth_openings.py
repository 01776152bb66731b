"""Generate realistic synthetic job openings for the Gunsan industrial complex.

Every company, contact and id is fictional. The output is deterministic for a given
``(n, seed, as_of)``: the committed ``data/openings/gunsan_openings.csv`` is
``generate_openings(320, seed=7)`` and a test checks that byte for byte.

Besides the canonical CSV fields each :class:`SyntheticOpening` carries ground truth
(occupation family, trap kind, required/preferred certificates, E-9, dormitory, night
work, city, expiry, cross-source duplicate) that only the labeling of the dev set may
read; a retrieval system must work from the CSV text alone.

Usage::

    python bench/synth_openings.py 320 data/openings/gunsan_openings.csv --seed 7
    python bench/synth_openings.py 100000 /tmp/openings_100k.csv
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import io
import random
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TextIO

__all__ = [
    "AS_OF",
    "COMMITTED_COUNT",
    "COMMITTED_SEED",
    "CSV_COLUMNS",
    "FAMILY_IDS",
    "FAMILIES",
    "LOOKALIKE_FAMILY_IDS",
    "TRAP_KINDS",
    "SyntheticOpening",
    "generate_openings",
    "monthly_pay",
    "render_csv",
    "write_csv",
]

CSV_COLUMNS = (
    "source", "source_id", "company", "title", "occupation", "description", "region",
    "salary_type", "salary_min", "salary_max", "career", "career_years_min", "education",
    "certificates", "employment_type", "work_shift", "closes_on", "contact",
)  # fmt: skip

AS_OF = date(2026, 11, 1)
COMMITTED_COUNT = 320
COMMITTED_SEED = 7
MIN_HOURLY = 10_320  # 2026 최저시급
HOURS_PER_MONTH = 209  # 주 40시간 + 주휴, the legal monthly conversion

SHIFTS = ("주간", "2교대", "3교대", "야간")
EMPLOYMENT_TYPES = ("정규직", "계약직", "일용직", "파견직")
SOURCES = ("worknet", "gunsan_city", "jobcenter", "kunsan_polytech")
SOURCE_WEIGHTS = (45, 25, 20, 10)

#: Trap kinds, with their share of the deliberate traps (about 12% of all openings).
TRAP_KINDS: dict[str, float] = {
    "vocational_instructor": 3.0,  # 용접 강사 / 훈련교사 that looks like a welding job
    "sales_rep": 2.5,  # 용접봉·용접기 영업
    "equipment_mechanic": 2.5,  # 지게차 정비 / 건설기계 정비
    "cert_required": 3.0,  # right family, a certificate is 필수
    "nationals_only": 2.5,  # 내국인만 / 외국인 불가
    "night_shift": 2.0,  # 주야 2교대 or 야간 전담
    "daily_labor": 1.5,  # 일용직
}
TRAP_SHARE = 0.12
DUPLICATE_SHARE = 15 / 320
EXPIRED_SHARE = 0.10
ALWAYS_OPEN_SHARE = 0.15


# --------------------------------------------------------------------------- places


@dataclass(frozen=True)
class Area:
    """A place postings name, with the spellings real postings use for it."""

    city: str
    short: str
    spellings: tuple[str, ...]
    weight: float = 1.0


AREAS: tuple[Area, ...] = (
    Area("gunsan", "군산 오식도동", ("전북특별자치도 군산시 오식도동", "전북 군산시 오식도동",
         "군산시 오식도동", "군산 오식도동 (군산국가산단)"), 7),
    Area("gunsan", "군산 소룡동", ("군산시 소룡동", "전북 군산시 소룡동",
         "전북특별자치도 군산시 소룡동"), 4),
    Area("gunsan", "군산 비응도동", ("군산 비응도동", "군산시 비응도동",
         "전북 군산시 비응도동 (비응항)"), 2),
    Area("gunsan", "새만금", ("새만금 산업단지", "새만금 국가산업단지 (군산)", "군산 새만금산단"), 3),
    Area("gunsan", "군장산단", ("군장국가산업단지", "군산시 군장산단",
         "전북 군산시 군장국가산업단지"), 3),
    Area("gunsan", "군산2산단", ("군산2국가산업단지 (내초동)", "군산시 내초동",
         "전북 군산시 내초동 2국가산단"), 3),
    Area("gunsan", "군산 자유무역지역", ("전북 군산시 자유무역지역",
         "군산자유무역지역 (오식도동)"), 1),
    Area("gunsan", "군산 산북동", ("군산시 산북동", "전북 군산시 산북동"), 2),
    Area("gunsan", "군산 나운동", ("군산시 나운동", "전북특별자치도 군산시 나운동"), 1),
    Area("gunsan", "군산 수송동", ("군산시 수송동", "군산 수송동"), 1),
    Area("gunsan", "군산 경암동", ("군산시 경암동", "전라북도 군산시 경암동"), 1),
    Area("gunsan", "군산 조촌동", ("군산시 조촌동", "전북 군산시 조촌동"), 1),
    Area("gunsan", "군산 성산면", ("군산시 성산면", "전북 군산시 성산면"), 1),
    Area("gunsan", "군산 옥구읍", ("군산시 옥구읍", "전북 군산시 옥구읍"), 1),
    Area("gunsan", "군산 대야면", ("군산시 대야면", "전라북도 군산시 대야면"), 1),
    Area("iksan", "익산 팔봉동", ("전북 익산시 팔봉동", "익산시 팔봉동 (익산2산단)"), 2),
    Area("iksan", "익산 함열", ("익산시 함열읍", "전북특별자치도 익산시 함열읍"), 1),
    Area("iksan", "익산 왕궁", ("익산시 왕궁면", "익산 왕궁 국가식품클러스터"), 1.5),
    Area("iksan", "익산 석암동", ("익산시 석암동", "익산 제3산단 (석암동)"), 1),
    Area("gimje", "김제 백산", ("전북 김제시 백산면 (지평선산단)", "김제 지평선산업단지"), 2),
    Area("gimje", "김제 순동", ("김제시 순동 (순동산단)", "전북 김제시 순동"), 1),
    Area("gimje", "김제 공덕", ("김제시 공덕면", "전북 김제시 공덕면"), 1),
    Area("jeonju", "전주 팔복동", ("전주시 덕진구 팔복동", "전주 팔복동 (전주1산단)"), 2),
    Area("jeonju", "전주", ("전북 전주시 완산구 효자동", "전주시 완산구"), 1),
    Area("wanju", "완주 봉동", ("완주군 봉동읍 (완주산단)", "전북 완주군 봉동읍"), 1),
    Area("buan", "부안 행안", ("전북 부안군 행안면", "부안군 행안면 (신재생에너지단지)"), 1),
    Area("buan", "부안", ("부안군 부안읍", "전북특별자치도 부안군 부안읍"), 1),
    Area("seocheon", "서천 장항", ("충남 서천군 장항읍", "서천군 장항읍 (장항국가생태산단)",
         "충청남도 서천군 장항읍"), 2),
    Area("seocheon", "서천", ("충남 서천군 서천읍", "서천군 종천면"), 1),
    Area("ulsan", "울산 동구", ("울산 동구 방어동", "울산광역시 동구 전하동",
         "울산 동구 (조선소 협력사)"), 1),
    Area("geoje", "거제 아주동", ("경남 거제시 아주동", "경상남도 거제시 아주동"), 1),
    Area("geoje", "거제 옥포", ("거제 옥포동", "경남 거제시 옥포동 (조선소 인근)"), 1),
    Area("yeongam", "영암 대불", ("전남 영암군 삼호읍 (대불산단)", "영암 대불국가산업단지",
         "전라남도 영암군 삼호읍"), 1),
)  # fmt: skip

FAR_CITIES = frozenset({"ulsan", "geoje", "yeongam"})

#: City weights per location profile.
PROFILES: dict[str, dict[str, float]] = {
    "ship": {"gunsan": 64, "iksan": 4, "gimje": 4, "jeonju": 1, "buan": 3, "seocheon": 4,
             "ulsan": 6, "geoje": 7, "yeongam": 7},
    "factory": {"gunsan": 68, "iksan": 10, "gimje": 6, "jeonju": 4, "wanju": 4, "buan": 3,
                "seocheon": 5},
    "food": {"gunsan": 52, "iksan": 20, "seocheon": 13, "gimje": 8, "buan": 7},
    "service": {"gunsan": 80, "iksan": 8, "gimje": 4, "jeonju": 4, "seocheon": 4},
    "trap": {"gunsan": 84, "iksan": 8, "gimje": 4, "seocheon": 4},
}  # fmt: skip


# --------------------------------------------------------------------------- families


@dataclass(frozen=True)
class Variant:
    """One kind of job within a family: what the title calls it and its own duties."""

    title: str
    duties: tuple[str, ...] = ()
    certs: tuple[tuple[str, float], ...] | None = None  # overrides the family's


def _v(title: str, *duties: str, certs: tuple[tuple[str, float], ...] | None = None) -> Variant:
    return Variant(title, duties, certs)


@dataclass(frozen=True)
class Family:
    """How postings of one occupation family look and what they offer."""

    id: str
    weight: float
    occupations: tuple[str, ...]  # raw 직종 strings as 고용24 shows them
    variants: tuple[Variant, ...]
    duties: tuple[str, ...]  # duties any variant of the family may add
    company_kinds: tuple[str, ...]
    certs: tuple[tuple[str, float], ...] = ()  # (certificate, chance it is named)
    require_p: float = 0.2  # chance a named certificate is 필수 rather than 우대
    monthly: tuple[int, int] = (2_300_000, 3_000_000)  # experienced, KRW per month
    pay_types: tuple[float, float, float] = (80, 15, 5)  # 월급, 시급, 연봉
    shifts: tuple[float, float, float, float] = (70, 20, 5, 5)  # 주간, 2교대, 3교대, 야간
    employment: tuple[float, float, float, float] = (60, 20, 8, 12)  # 정규, 계약, 일용, 파견
    career: tuple[float, float, float] = (20, 45, 35)  # 신입, 경력, 무관
    years: tuple[int, ...] = (1, 1, 2, 3)  # "경력 N년 이상" when 경력 is asked
    e9: tuple[float, float] = (0.2, 0.1)  # chance of 외국인(E-9) 가능, of 내국인만
    dorm_p: float = 0.1
    bus_p: float = 0.2
    profile: str = "factory"
    extras: tuple[str, ...] = ()  # other requirements, in the posting's words
    education: tuple[str, ...] = ("학력무관",)
    lookalike_of: str | None = None


FAMILIES: tuple[Family, ...] = (
    Family(
        "welder", 16,
        occupations=("용접원", "선박용접공", "CO2용접", "용접공", "특수용접원", "TIG용접원",
                     "전기용접원", "용접기능공"),
        variants=(
            _v("선박블록 CO2용접사", "선박 블록 CO2 용접 (FCAW)", "하부 블록 및 선각 용접",
               "블록 내부 협소부 용접"),
            _v("조선 협력사 용접공", "선각 블록 CO2 용접", "해치커버·의장품 용접",
               "가용접 및 본용접"),
            _v("선박 용접사", "선박 블록 CO2 용접", "선각 조립 후 본용접"),
            _v("철구조물 용접원", "철구조물·H빔 용접", "도면 해독 후 취부·용접"),
            _v("TIG 용접사", "스테인리스 TIG 용접", "배관·탱크 TIG 용접"),
            _v("알곤(TIG) 용접공", "스텐 배관 알곤 용접", "식품·화학 설비 스텐 용접"),
            _v("풍력타워 용접사", "풍력 타워 섹션 서브머지드(SAW) 용접", "플랜지 CO2 용접"),
            _v("특수용접 기능공", "CO2·TIG 특수용접", "탱크 및 압력용기 용접"),
            _v("CO2 용접사", "CO2 반자동 용접", "철판·후판 용접"),
        ),
        duties=("수직·수평(3G/2G) 자세 용접", "용접 후 사상(그라인딩) 및 비드 정리",
                "용접 전 개선 및 가접", "작업장 정리정돈 및 안전수칙 준수"),
        company_kinds=("중공업", "조선", "ENG", "산업", "플랜트", "철강", "중공업"),
        certs=(("용접기능사", 0.45), ("특수용접기능사", 0.35), ("용접산업기사", 0.1)),
        require_p=0.25, monthly=(3_500_000, 5_000_000), pay_types=(75, 17, 8),
        shifts=(76, 14, 5, 5), employment=(58, 15, 13, 14), career=(8, 62, 30),
        years=(1, 2, 3, 3, 5, 5, 10), e9=(0.3, 0.08), dorm_p=0.3, bus_p=0.25, profile="ship",
        extras=("CO2 용접 테스트(3G) 후 채용", "고소작업 가능자", "체력 좋으신 분",
                "협소·밀폐공간 작업 가능자", "용접 테스트 있음"),
    ),
    Family(
        "ship_fitter", 6,
        occupations=("취부사", "선체조립원", "선박취부공", "취부공", "선각 조립원"),
        variants=(
            _v("선박 블록 취부사", "선박 블록 취부 및 조립", "블록 탑재 전 피팅 작업"),
            _v("선체 조립(취부) 기능공", "선각 소조립·중조립 취부", "선체 구조물 조립 및 정렬"),
            _v("선각 취부공", "도면 보고 론지·브라켓 취부", "선각 블록 취부"),
            _v("블록 조립 취부사", "대조립 블록 취부", "블록 정도 맞춤"),
            _v("취부·사상 작업자", "취부 및 사상(그라인딩)", "가용접 후 비드 정리"),
        ),
        duties=("가용접(택용접) 및 변형 교정", "도면 해독 및 마킹", "작업장 정리정돈"),
        company_kinds=("중공업", "조선", "ENG", "산업"),
        certs=(("용접기능사", 0.35), ("특수용접기능사", 0.25)),
        require_p=0.15, monthly=(3_300_000, 4_800_000), pay_types=(80, 15, 5),
        shifts=(85, 10, 0, 5), employment=(58, 15, 14, 13), career=(8, 62, 30),
        years=(1, 2, 3, 5, 5, 10), e9=(0.3, 0.08), dorm_p=0.3, bus_p=0.2, profile="ship",
        extras=("도면 해독 가능자", "가용접 가능자", "체력 좋으신 분"),
    ),
    Family(
        "sheet_metal", 5,
        occupations=("제관원", "판금원", "제관공", "판금·제관원", "철판 가공원"),
        variants=(
            _v("제관사", "탱크·케이싱 제관", "철판 절단·절곡 및 제관"),
            _v("판금 제관공", "판금 가공 (절곡기, 샤링기)", "산업설비 덕트·호퍼 제작"),
            _v("철구조물 제관 기능공", "철구조물 제작 및 조립", "H빔·앵글 가공"),
            _v("제관·용접 기능공", "제관 후 CO2 용접", "탱크·케이싱 제관"),
            _v("판금원", "박판 판금 가공", "절곡 및 스폿 용접"),
        ),
        duties=("플라즈마·산소 절단", "도면 해독 및 마킹", "완성품 치수 확인"),
        company_kinds=("기계", "산업", "ENG", "메탈", "플랜트"),
        certs=(("판금제관기능사", 0.25), ("용접기능사", 0.35), ("특수용접기능사", 0.15)),
        require_p=0.15, monthly=(2_900_000, 4_200_000), pay_types=(85, 10, 5),
        shifts=(85, 10, 0, 5), employment=(65, 15, 10, 10), career=(12, 55, 33),
        years=(1, 2, 3, 5), e9=(0.25, 0.1), dorm_p=0.15, bus_p=0.2, profile="ship",
        extras=("도면 해독 가능자", "절곡기 경험자", "용접 가능자 우대"),
    ),
    Family(
        "pipe_fitter", 4,
        occupations=("배관공", "배관원", "선박배관공", "플랜트 배관원"),
        variants=(
            _v("선박 배관사", "선박 배관 취부 및 설치", "선박 의장 배관 작업"),
            _v("플랜트 배관공", "플랜트 배관 제작·설치", "배관 서포트 설치"),
            _v("배관 취부·용접공", "배관 스풀 제작 (절단, 개선, 취부)", "배관 TIG 용접"),
            _v("배관 기능공", "도면 해독 후 배관 라인 설치", "배관 수압 시험 보조"),
        ),
        duties=("ISO 도면 해독", "배관 자재 정리 및 운반", "현장 안전수칙 준수"),
        company_kinds=("플랜트", "ENG", "중공업", "산업"),
        certs=(("배관기능사", 0.4), ("용접기능사", 0.3), ("특수용접기능사", 0.2),
               ("배관산업기사", 0.05)),
        require_p=0.2, monthly=(3_300_000, 4_800_000), pay_types=(80, 12, 8),
        shifts=(85, 10, 0, 5), employment=(55, 20, 15, 10), career=(8, 65, 27),
        years=(2, 3, 5, 5, 10), e9=(0.2, 0.1), dorm_p=0.3, bus_p=0.2, profile="ship",
        extras=("ISO 도면 해독 가능자", "TIG 용접 가능자 우대", "출장 가능자"),
    ),
    Family(
        "ship_painter", 5,
        occupations=("도장원", "선박 도장원", "도장공", "스프레이 도장원", "블라스팅공"),
        variants=(
            _v("선박 도장원", "선박 블록 스프레이 도장", "도막 두께 측정 및 보수 도장"),
            _v("블록 도장공", "블록 에어리스 스프레이 도장", "블록 터치업 도장"),
            _v("스프레이 도장사", "에어리스 스프레이 도장", "철구조물 방청 도장"),
            _v("도장 보조", "도장 전 표면처리 및 마스킹", "도장 자재 운반 및 정리"),
            _v("블라스팅·도장 작업자", "블라스팅(샌드·그릿) 작업", "블라스팅 후 터치업 도장"),
        ),
        duties=("도장 설비 청소 및 정리", "도료 배합 보조", "작업장 환기·안전 관리"),
        company_kinds=("도장", "산업", "ENG", "조선"),
        certs=(("도장기능사", 0.3),),
        require_p=0.2, monthly=(3_000_000, 4_300_000), pay_types=(80, 15, 5),
        shifts=(80, 15, 0, 5), employment=(55, 15, 15, 15), career=(15, 50, 35),
        years=(1, 2, 3, 5), e9=(0.35, 0.08), dorm_p=0.3, bus_p=0.2, profile="ship",
        extras=("방독마스크 착용 작업 가능자", "고소작업 가능자", "도료 냄새에 민감하지 않은 분"),
    ),
    Family(
        "auto_assembler", 7,
        occupations=("자동차부품 조립원", "자동차 조립원", "조립원(자동차부품)", "부품 조립 생산직",
                     "라인 조립원"),
        variants=(
            _v("자동차 시트 조립원", "자동차 시트 프레임 조립", "시트 커버 장착"),
            _v("상용차 부품 조립원", "상용차 배선 하네스 조립", "상용차 부품 서브 조립"),
            _v("전기차 부품 조립원", "전기차 배터리 케이스 조립", "모듈 체결 및 검사"),
            _v("자동차부품 조립 생산직", "도어 모듈 조립 및 검사", "부품 서브 조립"),
            _v("라인 조립 작업자", "라인 조립 및 전동공구 체결", "조립 부품 투입"),
            _v("자동차 부품 생산직 사원", "프레스 부품 용접 지그 세팅 및 조립", "부품 적재"),
        ),
        duties=("완성 부품 외관검사 및 적재", "작업 일지 작성", "5S 정리정돈"),
        company_kinds=("오토텍", "정공", "산업", "테크", "모터스"),
        certs=(("지게차운전기능사", 0.1),),
        require_p=0.0, monthly=(2_500_000, 3_300_000), pay_types=(70, 28, 2),
        shifts=(45, 40, 10, 5), employment=(50, 20, 5, 25), career=(35, 25, 40),
        e9=(0.3, 0.1), dorm_p=0.25, bus_p=0.4,
        extras=("2교대 가능자", "장기근무 가능자", "라인 작업 경험자 우대"),
    ),
    Family(
        "production_worker", 12,
        occupations=("생산직", "단순 생산직", "포장원", "생산 보조원", "제조 단순종사원",
                     "기계 조작 보조원"),
        variants=(
            _v("생산직 사원", "생산라인 보조 및 자재 투입", "기계 오퍼레이터 보조"),
            _v("포장 생산직", "제품 포장 및 박스 적재", "완제품 검수 및 포장"),
            _v("사출 생산직", "사출기 제품 취출 및 검사", "사출품 버 제거 및 포장"),
            _v("단순 조립·포장원", "단순 조립 및 라벨 부착", "제품 포장"),
            _v("제조 생산직 (남녀)", "생산라인 작업", "부품 선별 및 외관 검사"),
            _v("생산라인 작업자", "라인 자재 투입 및 제품 적재", "설비 가동 보조"),
        ),
        duties=("작업장 정리정돈", "불량품 선별", "팔레트 적재"),
        company_kinds=("산업", "테크", "화학", "플라스틱", "소재"),
        certs=(("지게차운전기능사", 0.08),),
        require_p=0.0, monthly=(2_250_000, 3_000_000), pay_types=(65, 33, 2),
        shifts=(45, 38, 10, 7), employment=(45, 20, 10, 25), career=(40, 10, 50),
        e9=(0.3, 0.1), dorm_p=0.2, bus_p=0.4,
        extras=("초보 가능", "장기근무 가능자", "남녀 무관", "꼼꼼하신 분"),
    ),
    Family(
        "forklift_driver", 8,
        occupations=("지게차 운전원", "지게차운전원", "지게차 기사", "하역 운반원(지게차)"),
        variants=(
            _v("3톤 지게차 운전원", "3톤 지게차 운전 (철판·코일 운반)", "원자재 하역 및 운반"),
            _v("지게차 상하차 기사", "제품 상하차 및 야적장 정리", "컨테이너 상하차"),
            _v("물류 지게차 운전원", "물류창고 입출고 지게차 작업", "팔레트 운반 및 적재"),
            _v("지게차 운전원", "공장 내 자재 이송", "원자재 하역 및 운반"),
            _v("5톤 지게차 기사", "5톤 지게차로 블록 자재 운반", "야적장 자재 정리"),
        ),
        duties=("지게차 일상점검", "재고 정리 및 수량 확인", "입출고 전표 확인"),
        company_kinds=("물류", "산업", "철강", "로지스", "통운"),
        certs=(("지게차운전기능사", 0.95),),
        require_p=0.6, monthly=(2_700_000, 3_500_000), pay_types=(80, 18, 2),
        shifts=(70, 20, 3, 7), employment=(65, 15, 10, 10), career=(15, 55, 30),
        e9=(0.1, 0.15), dorm_p=0.1, bus_p=0.25,
        extras=("3톤 이상 운전 가능자", "안전교육 이수자", "야적장 작업 가능자"),
    ),
    Family(
        "crane_operator", 4,
        occupations=("크레인 운전원", "천장크레인 운전원", "기중기 운전원", "크레인 조종원"),
        variants=(
            _v("천장크레인 운전원", "천장크레인(10~50톤) 운전", "철강 코일·후판 운반"),
            _v("골리앗 크레인 운전원", "골리앗 크레인으로 블록 이동", "블록 탑재 지원"),
            _v("갠트리 크레인 기사", "갠트리 크레인 운전", "야드 블록 이동"),
            _v("크레인 운전·신호수", "크레인 운전 및 신호", "줄걸이 작업"),
        ),
        duties=("크레인 일상점검", "작업 전 안전점검", "와이어·샤클 점검"),
        company_kinds=("중공업", "철강", "조선", "산업"),
        certs=(("천장크레인운전기능사", 0.7), ("기중기운전기능사", 0.15),
               ("타워크레인운전기능사", 0.05)),
        require_p=0.6, monthly=(3_000_000, 4_200_000), pay_types=(85, 5, 10),
        shifts=(70, 20, 10, 0), employment=(65, 20, 5, 10), career=(10, 70, 20),
        years=(1, 2, 3, 5), e9=(0.05, 0.2), dorm_p=0.2, bus_p=0.2, profile="ship",
        extras=("신호수 경험자 우대", "줄걸이 작업 가능자"),
    ),
    Family(
        "cnc_operator", 4,
        occupations=("CNC 선반 조작원", "CNC 가공원", "MCT 조작원", "선반 가공원",
                     "금속 공작기계 조작원"),
        variants=(
            _v("CNC 선반 가공원", "CNC 선반 가공 및 프로그램 수정 (FANUC)", "가공품 치수 검사"),
            _v("MCT 오퍼레이터", "MCT 가공 및 공구 세팅", "지그 세팅 및 가공"),
            _v("CNC 가공 생산직", "자동차 부품 CNC 가공", "소재 투입 및 가공품 검사"),
            _v("CNC 선반·밀링 기능공", "CNC 선반·밀링 가공", "범용 선반·밀링 보조"),
        ),
        duties=("도면 해독 및 측정기(버니어, 마이크로미터) 사용", "공구 교체 및 설비 청소",
                "가공 일지 작성"),
        company_kinds=("정밀", "정공", "기계", "테크"),
        certs=(("컴퓨터응용선반기능사", 0.4), ("컴퓨터응용밀링기능사", 0.2),
               ("컴퓨터응용가공산업기사", 0.05)),
        require_p=0.15, monthly=(2_700_000, 3_800_000), pay_types=(80, 10, 10),
        shifts=(60, 30, 5, 5), employment=(70, 20, 0, 10), career=(30, 45, 25),
        years=(1, 2, 3, 5), e9=(0.15, 0.1), dorm_p=0.15, bus_p=0.25,
        extras=("도면 해독 가능자", "FANUC 컨트롤러 경험자 우대", "측정기 사용 가능자"),
        education=("학력무관", "고졸 이상"),
    ),
    Family(
        "electrician", 3,
        occupations=("전기기술자", "공장 전기원", "전기 설비원", "전기공"),
        variants=(
            _v("공장 전기 기술자", "공장 수변전 설비 유지관리", "동력·조명 배선"),
            _v("전기 설비 담당", "전기 설비 점검 및 보수", "판넬 작업"),
            _v("전기 유지보수 기사", "PLC 제어반 점검 및 전기 고장 조치", "전동기 점검"),
            _v("태양광 발전설비 전기원", "태양광 발전 설비 유지보수", "인버터 점검"),
        ),
        duties=("전기 안전점검 일지 작성", "설비 고장 시 긴급 대응", "전기 자재 관리"),
        company_kinds=("산업", "에너지", "ENG", "전기"),
        certs=(("전기기능사", 0.6), ("전기산업기사", 0.3), ("전기공사산업기사", 0.1)),
        require_p=0.5, monthly=(3_000_000, 4_300_000), pay_types=(65, 5, 30),
        shifts=(75, 5, 15, 5), employment=(75, 20, 0, 5), career=(15, 65, 20),
        years=(1, 2, 3, 5, 10), e9=(0.0, 0.3), dorm_p=0.05, bus_p=0.3,
        extras=("PLC 경험자 우대", "운전 가능자"),
        education=("고졸 이상", "학력무관", "초대졸 이상"),
    ),
    Family(
        "maintenance_mechanic", 3,
        occupations=("설비보전원", "기계 정비원", "공무(설비보전)", "생산설비 정비원"),
        variants=(
            _v("설비보전 담당", "생산 설비 유지보수 및 예방정비", "설비 고장 대응"),
            _v("공무팀 설비 정비원", "공무팀 설비 보전 업무", "컨베이어·펌프·감속기 정비"),
            _v("생산설비 유지보수 기사", "공유압 설비 점검 및 수리", "부품 교체"),
            _v("기계 설비 보전원", "기계 설비 점검 및 수리", "예방정비 계획 수립 보조"),
        ),
        duties=("설비 점검 일지 작성", "예비 부품 관리", "간단한 용접 및 제작 작업"),
        company_kinds=("산업", "화학", "정공", "철강", "소재"),
        certs=(("공유압기능사", 0.3), ("설비보전기능사", 0.3), ("전기기능사", 0.25),
               ("용접기능사", 0.15), ("기계정비산업기사", 0.1)),
        require_p=0.15, monthly=(3_000_000, 4_200_000), pay_types=(65, 5, 30),
        shifts=(60, 15, 20, 5), employment=(80, 15, 0, 5), career=(10, 70, 20),
        years=(2, 3, 5, 10), e9=(0.05, 0.2), dorm_p=0.1, bus_p=0.35,
        extras=("공유압 도면 해독 가능자", "용접 가능자 우대", "교대 근무 가능자"),
        education=("고졸 이상", "학력무관"),
    ),
    Family(
        "quality_inspector", 3,
        occupations=("품질검사원", "제품 검사원", "품질관리원", "QC 검사원"),
        variants=(
            _v("품질검사원", "입고·출하 제품 품질검사", "불량 분석 및 품질 데이터 입력"),
            _v("QC 검사 담당", "공정 검사 및 성적서 작성", "고객사 품질 대응 보조"),
            _v("입출고 품질검사원", "입고 부품 수입검사", "출하 검사"),
            _v("치수 측정 검사원", "치수 측정 및 검사 성적서 작성", "3차원 측정기 운용"),
            _v("구조물 품질검사원", "용접 구조물 치수·외관 검사", "검사 기록 관리"),
        ),
        duties=("측정기 관리", "검사 결과 전산 입력", "불량품 격리 및 표시"),
        company_kinds=("정밀", "오토텍", "산업", "중공업"),
        certs=(("품질경영산업기사", 0.15), ("컴퓨터활용능력2급", 0.3)),
        require_p=0.1, monthly=(2_500_000, 3_300_000), pay_types=(80, 10, 10),
        shifts=(70, 20, 5, 5), employment=(65, 25, 0, 10), career=(30, 40, 30),
        e9=(0.05, 0.15), dorm_p=0.1, bus_p=0.3,
        extras=("측정기 사용 가능자", "엑셀 가능자", "꼼꼼하신 분"),
        education=("고졸 이상", "초대졸 이상"),
    ),
    Family(
        "ndt_inspector", 2,
        occupations=("비파괴검사원", "방사선 검사원", "초음파 검사원", "NDT 검사원"),
        variants=(
            _v("비파괴검사원(RT/UT)", "선박·플랜트 용접부 비파괴검사", "RT 촬영 및 UT 탐상"),
            _v("방사선투과검사 기사", "용접부 방사선투과검사(RT) 촬영", "필름 현상 및 판독 보조",
               certs=(("방사선비파괴검사기능사", 0.8), ("방사선비파괴검사산업기사", 0.15))),
            _v("초음파탐상 검사원", "초음파탐상검사(UT) 수행", "두께 측정",
               certs=(("초음파비파괴검사기능사", 0.8),)),
            _v("NDT 검사원", "자분탐상(MT)·침투탐상(PT) 검사", "용접부 외관검사"),
        ),
        duties=("검사 보고서 작성", "검사 장비 관리", "현장 출장 검사"),
        company_kinds=("검사", "ENG", "테크"),
        certs=(("방사선비파괴검사기능사", 0.45), ("초음파비파괴검사기능사", 0.35),
               ("자기비파괴검사기능사", 0.15), ("침투비파괴검사기능사", 0.15)),
        require_p=0.55, monthly=(3_000_000, 4_500_000), pay_types=(75, 5, 20),
        shifts=(55, 10, 5, 30), employment=(60, 30, 0, 10), career=(20, 60, 20),
        years=(1, 2, 3, 5), e9=(0.0, 0.3), dorm_p=0.3, bus_p=0.1, profile="ship",
        extras=("출장 가능자", "방사선 작업종사자 건강진단 가능자"),
        education=("고졸 이상", "학력무관"),
    ),
    Family(
        "logistics_loader", 5,
        occupations=("하역 및 적재 종사원", "상하차원", "물류 입출고원", "창고 관리원"),
        variants=(
            _v("택배 상하차 작업자", "택배 상하차", "택배 분류 작업"),
            _v("물류센터 상하차", "물류센터 상하차", "박스 적재"),
            _v("냉동창고 입출고원", "냉동·냉장 창고 입출고", "수산물 박스 적재"),
            _v("물류 피킹·포장원", "물류센터 피킹 및 포장", "출고 준비"),
            _v("입출고 관리원", "제품 입출고 및 재고 관리", "출고 검수"),
        ),
        duties=("팔레트 적재 및 랩핑", "창고 정리정돈", "송장 확인"),
        company_kinds=("물류", "로지스", "통운", "냉동"),
        certs=(("지게차운전기능사", 0.25),),
        require_p=0.1, monthly=(2_300_000, 3_000_000), pay_types=(55, 43, 2),
        shifts=(55, 15, 0, 30), employment=(45, 15, 22, 18), career=(40, 10, 50),
        e9=(0.2, 0.15), dorm_p=0.1, bus_p=0.25,
        extras=("초보 가능", "무거운 물건 취급 가능자", "장기 가능자 우대"),
    ),
    Family(
        "truck_driver", 4,
        occupations=("화물차 운전원", "대형트럭 운전원", "트레일러 기사", "배송 기사"),
        variants=(
            _v("25톤 화물차 기사", "25톤 화물차 운전 (군산항 ↔ 수도권)", "철강재 운송",
               certs=(("1종대형운전면허", 0.9), ("화물운송종사자격", 0.7))),
            _v("트레일러 운전 기사", "트레일러 운전 (철강 코일 운송)", "군산항 컨테이너 운송",
               certs=(("1종특수(대형견인차)면허", 0.9), ("화물운송종사자격", 0.7))),
            _v("5톤 윙바디 배송 기사", "5톤 윙바디 납품 배송", "거래처 납품",
               certs=(("1종보통운전면허", 0.7), ("화물운송종사자격", 0.5))),
            _v("1톤 탑차 배송 기사", "1톤 탑차 지역 배송", "군산·익산 거래처 납품",
               certs=(("1종보통운전면허", 0.7),)),
            _v("덤프트럭 기사", "덤프트럭 운전 (새만금 현장)", "토사 운반",
               certs=(("1종대형운전면허", 0.9),)),
        ),
        duties=("차량 일상점검", "상하차 보조", "운행 일지 작성"),
        company_kinds=("물류", "운수", "로지스", "통운"),
        require_p=0.8, monthly=(3_300_000, 4_800_000), pay_types=(90, 0, 10),
        shifts=(75, 5, 0, 20), employment=(70, 15, 10, 5), career=(5, 70, 25),
        years=(1, 2, 3), e9=(0.0, 0.4), dorm_p=0.05, bus_p=0.0,
        extras=("무사고 운전자", "지리 숙지자 우대", "장거리 운행 가능자"),
    ),
    Family(
        "chemical_operator", 4,
        occupations=("화학공정 운전원", "화학물 생산직", "공정 오퍼레이터", "화학제품 생산기계 조작원"),
        variants=(
            _v("화학공정 운전원", "화학공장 DCS 운전", "공정 관리"),
            _v("공정 오퍼레이터", "반응기 원료 투입 및 공정 관리", "현장 순찰"),
            _v("화학공장 생산직", "원료 투입 및 제품 포장", "위험물 저장탱크 관리"),
            _v("현장 운전원(3교대)", "현장 순찰 및 설비 점검", "제품 샘플링 및 분석 보조"),
        ),
        duties=("공정 이상 발생 시 초동 조치", "운전 일지 작성", "안전보호구 착용 및 관리"),
        company_kinds=("화학", "케미칼", "소재", "에너지"),
        certs=(("위험물산업기사", 0.4), ("위험물기능사", 0.3), ("화학분석기능사", 0.15),
               ("가스기능사", 0.1)),
        require_p=0.35, monthly=(3_100_000, 4_400_000), pay_types=(55, 5, 40),
        shifts=(30, 20, 50, 0), employment=(80, 15, 0, 5), career=(30, 45, 25),
        years=(1, 2, 3, 5), e9=(0.05, 0.25), dorm_p=0.2, bus_p=0.5,
        extras=("교대 근무 가능자", "화학 관련 전공자 우대"),
        education=("고졸 이상", "초대졸 이상"),
    ),
    Family(
        "food_production", 4,
        occupations=("식품 생산직", "식품가공원", "수산물 가공원", "제빵원", "김 가공원"),
        variants=(
            _v("조미김 생산 사원", "조미김 생산 라인 작업", "김 선별 및 포장"),
            _v("수산물 가공 작업자", "수산물 손질 및 선별", "냉동 수산물 포장"),
            _v("제빵 생산직", "반죽·성형 및 굽기", "빵 포장 및 출고",
               certs=(("제빵기능사", 0.3),)),
            _v("냉동식품 생산직", "냉동식품 성형", "급속 냉동 후 포장"),
            _v("식품공장 생산직", "식품 생산 라인 작업", "원료 계량 및 투입"),
            _v("식품 포장원", "식품 포장 및 라벨링", "완제품 박스 포장"),
        ),
        duties=("HACCP 위생 기준 준수", "작업장 위생 청소", "원료 입고 보조"),
        company_kinds=("식품", "푸드", "수산", "F&B"),
        certs=(("식품산업기사", 0.05),),
        require_p=0.0, monthly=(2_200_000, 2_800_000), pay_types=(55, 43, 2),
        shifts=(60, 35, 0, 5), employment=(55, 20, 10, 15), career=(45, 10, 45),
        e9=(0.35, 0.08), dorm_p=0.2, bus_p=0.35, profile="food",
        extras=("보건증 발급 가능자", "위생 수칙 준수", "초보 가능", "장기근무 가능자"),
    ),
    Family(
        "office_assistant", 2,
        occupations=("사무보조원", "경리사무원", "생산관리 사무원", "총무 사무원"),
        variants=(
            _v("생산관리 사무보조", "생산관리 서류 작성 및 ERP 입력", "출하 서류 발행"),
            _v("경리 사무원", "경리 보조 및 전표 입력", "거래명세서 발행"),
            _v("사무보조 (계약직)", "전화 응대 및 문서 관리", "자료 입력"),
            _v("총무·경리 담당", "사내 총무 업무", "급여 자료 정리 보조"),
        ),
        duties=("방문객 응대", "비품 관리", "문서 스캔 및 보관"),
        company_kinds=("산업", "중공업", "테크", "오토텍"),
        certs=(("컴퓨터활용능력2급", 0.45), ("전산회계2급", 0.25), ("워드프로세서", 0.1)),
        require_p=0.2, monthly=(2_200_000, 2_700_000), pay_types=(75, 10, 15),
        shifts=(100, 0, 0, 0), employment=(60, 35, 0, 5), career=(40, 30, 30),
        e9=(0.0, 0.3), dorm_p=0.0, bus_p=0.2, profile="service",
        extras=("엑셀 가능자", "더존 ERP 경험자 우대"),
        education=("고졸 이상", "초대졸 이상"),
    ),
    Family(
        "cleaner", 2,
        occupations=("청소원", "환경미화원", "건물 청소원", "미화원"),
        variants=(
            _v("공장 미화원", "공장 내부 및 휴게실 미화", "분리수거"),
            _v("사무동 청소원", "사무동·화장실 청소", "회의실 정리"),
            _v("기숙사 청소원", "기숙사 청소 및 정리", "세탁물 정리"),
            _v("환경미화 담당", "외곽 정리 및 분리수거", "화장실 청소"),
        ),
        duties=("청소 용품 관리", "쓰레기 분리배출"),
        company_kinds=("환경", "종합관리", "산업개발"),
        require_p=0.0, monthly=(2_170_000, 2_350_000), pay_types=(50, 50, 0),
        shifts=(100, 0, 0, 0), employment=(40, 40, 10, 10), career=(30, 0, 70),
        e9=(0.1, 0.2), dorm_p=0.0, bus_p=0.1, profile="service",
        extras=("성실하신 분", "60세 이상 가능", "초보 가능"),
    ),
    Family(
        "security_guard", 3,
        occupations=("경비원", "시설 경비원", "보안요원", "공장 경비원"),
        variants=(
            _v("공장 경비원", "공장 출입 통제 및 순찰", "차량 출입 관리"),
            _v("보안 경비원", "CCTV 모니터링", "시설 순찰"),
            _v("시설 경비 (격일제)", "시설 경비 및 순찰", "방문객 응대"),
            _v("출입 통제 보안요원", "정문 출입 통제", "택배·우편물 관리"),
        ),
        duties=("야간 순찰 및 시설 점검", "경비 일지 작성"),
        company_kinds=("시큐리티", "종합관리", "경비"),
        certs=(("일반경비원 신임교육 이수증", 0.5), ("소방안전관리자2급", 0.2)),
        require_p=0.6, monthly=(2_200_000, 2_700_000), pay_types=(85, 15, 0),
        shifts=(30, 50, 20, 0), employment=(40, 50, 0, 10), career=(30, 10, 60),
        e9=(0.0, 0.4), dorm_p=0.0, bus_p=0.05, profile="service",
        extras=("60세 이상 가능", "성실하신 분"),
    ),
    Family(
        "cook", 2,
        occupations=("조리원", "조리사", "구내식당 조리원", "급식 조리원"),
        variants=(
            _v("구내식당 조리사", "구내식당 조리 (1일 200식)", "식단에 따른 조리"),
            _v("급식 조리원", "중식·석식 조리 및 배식", "식자재 손질"),
            _v("조리 보조원", "조리 보조 및 설거지", "배식"),
            _v("기숙사 식당 조리원", "기숙사 식당 조·석식 조리", "식자재 검수"),
        ),
        duties=("식자재 검수 및 위생 관리", "주방 청소"),
        company_kinds=("푸드", "급식", "F&S"),
        certs=(("한식조리기능사", 0.5), ("조리산업기사", 0.05)),
        require_p=0.3, monthly=(2_400_000, 3_100_000), pay_types=(80, 20, 0),
        shifts=(90, 10, 0, 0), employment=(65, 25, 5, 5), career=(20, 40, 40),
        e9=(0.0, 0.2), dorm_p=0.0, bus_p=0.1, profile="service",
        extras=("보건증 필수", "단체급식 경험자 우대"),
    ),
)  # fmt: skip

_TRAP_FAMILY = dict(
    pay_types=(80, 10, 10), shifts=(100, 0, 0, 0), employment=(75, 25, 0, 0),
    career=(0, 75, 25), e9=(0.0, 0.0), dorm_p=0.0, bus_p=0.1, profile="trap",
    education=("고졸 이상",),
)  # fmt: skip

#: Look-alikes: they share the words of the family they imitate but are a different job.
LOOKALIKES: dict[str, tuple[Family, ...]] = {
    "vocational_instructor": (
        Family(
            "vocational_instructor", 8,
            occupations=("직업훈련교사(용접)", "용접 강사", "직업능력개발훈련교사"),
            variants=(_v("용접 훈련교사", "용접 과정 훈련생 실기 지도", "훈련 일지 작성"),
                      _v("CO2·TIG 용접 실기 강사", "CO2·TIG 용접 실기 지도", "실습 재료 관리"),
                      _v("특수용접 실기 강사 (국비과정)", "국비지원 특수용접 과정 강의",
                         "용접기능사·특수용접기능사 시험 대비 지도"),
                      _v("용접 직업훈련 강사", "재직자·구직자 용접 교육", "교안 작성")),
            duties=("실습장 안전관리", "훈련생 출결 관리", "훈련 평가 및 기록"),
            company_kinds=("직업전문학교", "기술교육원", "용접학원"),
            certs=(("직업능력개발훈련교사", 0.9), ("용접산업기사", 0.6)),
            require_p=1.0, monthly=(3_000_000, 3_800_000),
            extras=("현장 용접 경력 5년 이상", "강의 경험자 우대"),
            lookalike_of="welder", **_TRAP_FAMILY,  # type: ignore[arg-type]
        ),
        Family(
            "vocational_instructor", 1.5,
            occupations=("직업훈련교사(기계가공)", "CNC 강사"),
            variants=(_v("CNC 선반 훈련교사", "CNC 선반·MCT 실습 지도", "훈련생 평가"),
                      _v("CNC 가공 실기 강사", "CNC 가공 실기 강의", "실습 장비 관리")),
            duties=("실습장 안전관리", "교안 작성"),
            company_kinds=("직업전문학교", "기술교육원"),
            certs=(("직업능력개발훈련교사", 0.9), ("컴퓨터응용가공산업기사", 0.5)),
            require_p=1.0, monthly=(3_000_000, 3_600_000),
            extras=("가공 현장 경력 5년 이상",),
            lookalike_of="cnc_operator", **_TRAP_FAMILY,  # type: ignore[arg-type]
        ),
        Family(
            "vocational_instructor", 1.5,
            occupations=("운전 교육 강사", "건설기계 교육 강사"),
            variants=(_v("지게차 운전 교육 강사", "지게차 운전 실기 교육", "시험 코스 관리"),
                      _v("지게차 실기 강사", "지게차운전기능사 시험 대비 실기 지도",
                         "교육생 안전 지도")),
            duties=("교육 장비 점검", "수강생 상담"),
            company_kinds=("중장비학원", "기술교육원"),
            certs=(("지게차운전기능사", 1.0),),
            require_p=1.0, monthly=(2_800_000, 3_300_000),
            extras=("지게차 경력 5년 이상", "교육 경험자 우대"),
            lookalike_of="forklift_driver", **_TRAP_FAMILY,  # type: ignore[arg-type]
        ),
    ),
    "sales_rep": (
        Family(
            "sales_rep", 6,
            occupations=("기술영업원", "영업원(용접재료)", "산업용품 영업원"),
            variants=(_v("용접봉·용접재료 영업사원", "조선소·협력사 용접봉 납품 영업",
                         "용접 소모품 견적"),
                      _v("용접기 렌탈 영업 담당", "용접기 렌탈 및 판매 영업", "렌탈 장비 회수 관리"),
                      _v("산업용 가스·용접자재 영업", "산업용 가스·용접자재 납품 영업",
                         "거래처 가스 용기 관리"),
                      _v("용접 소모품 납품 영업", "용접 팁·노즐 등 소모품 납품", "재고 관리")),
            duties=("거래처 관리 및 신규 거래처 발굴", "견적서 작성", "수금 관리"),
            company_kinds=("용접상사", "산업가스", "툴링", "상사"),
            certs=(("1종보통운전면허", 0.8),),
            require_p=1.0, monthly=(2_800_000, 3_600_000),
            extras=("용접 현장 경험자 우대", "차량 소지자", "영업 경력 우대"),
            lookalike_of="welder", **_TRAP_FAMILY,  # type: ignore[arg-type]
        ),
        Family(
            "sales_rep", 2,
            occupations=("영업원(산업장비)", "기술영업원"),
            variants=(_v("지게차 판매 영업사원", "지게차 판매 영업", "고객사 방문 상담"),
                      _v("지게차 렌탈 영업", "지게차 장·단기 렌탈 영업", "렌탈 계약 관리")),
            duties=("산업단지 거래처 관리", "견적서 작성"),
            company_kinds=("상사", "중기"),
            certs=(("1종보통운전면허", 0.8),),
            require_p=1.0, monthly=(2_800_000, 3_500_000),
            extras=("지게차 운전 경험자 우대", "영업 경력 우대"),
            lookalike_of="forklift_driver", **_TRAP_FAMILY,  # type: ignore[arg-type]
        ),
        Family(
            "sales_rep", 2,
            occupations=("기술영업원(도료)", "영업원"),
            variants=(_v("선박용 도료 영업 담당", "조선소·도장 협력사 도료 영업", "도료 기술 상담"),
                      _v("산업용 페인트 영업사원", "산업용 페인트 납품 영업", "샘플 시공 지원")),
            duties=("거래처 관리", "견적 및 수주 관리"),
            company_kinds=("페인트", "상사", "케미칼"),
            certs=(("1종보통운전면허", 0.8),),
            require_p=1.0, monthly=(2_900_000, 3_600_000),
            extras=("도장 현장 경험자 우대", "영업 경력 우대"),
            lookalike_of="ship_painter", **_TRAP_FAMILY,  # type: ignore[arg-type]
        ),
    ),
    "equipment_mechanic": (
        Family(
            "equipment_mechanic", 5,
            occupations=("건설기계정비원", "지게차 정비원", "산업장비 수리원"),
            variants=(_v("지게차 정비기사 (출장 A/S)", "지게차 출장 A/S", "부품 교체"),
                      _v("지게차 수리 기사", "지게차 정기점검 및 수리", "유압·엔진 고장 진단"),
                      _v("지게차·전동차 정비원", "전동 지게차 배터리·모터 정비", "정기점검")),
            duties=("정비 일지 작성", "부품 재고 관리"),
            company_kinds=("중기", "건설기계", "모터스"),
            certs=(("건설기계정비기능사", 0.8), ("지게차운전기능사", 0.5)),
            require_p=0.9, monthly=(3_000_000, 4_000_000),
            extras=("정비 경력 3년 이상", "출장 가능자"),
            lookalike_of="forklift_driver", **_TRAP_FAMILY,  # type: ignore[arg-type]
        ),
        Family(
            "equipment_mechanic", 3.5,
            occupations=("건설기계정비원", "크레인 정비원"),
            variants=(_v("건설기계 정비원 (굴삭기·크레인)", "굴삭기·크레인 유압 계통 수리",
                         "엔진 정비"),
                      _v("크레인 정비 및 점검 기사", "크레인 정기검사 대응 및 정비",
                         "와이어로프 교체 및 점검"),
                      _v("크레인 유지보수 기사", "천장크레인 유지보수", "감속기·브레이크 정비")),
            duties=("정비 일지 작성", "부품 재고 관리"),
            company_kinds=("중기", "건설기계", "크레인"),
            certs=(("건설기계정비기능사", 0.8), ("건설기계정비산업기사", 0.2)),
            require_p=0.9, monthly=(3_200_000, 4_200_000),
            extras=("정비 경력 3년 이상", "고소작업 가능자"),
            lookalike_of="crane_operator", **_TRAP_FAMILY,  # type: ignore[arg-type]
        ),
        Family(
            "equipment_mechanic", 1.5,
            occupations=("산업장비 수리원", "용접기 수리원"),
            variants=(_v("용접기 A/S 수리기사", "CO2·TIG 용접기 수리 및 점검", "현장 출장 A/S"),
                      _v("용접기 수리·정비 담당", "용접기 인버터 기판 교체", "와이어 송급장치 수리")),
            duties=("수리 이력 관리", "부품 주문"),
            company_kinds=("용접기", "테크"),
            certs=(("전기기능사", 0.6),),
            require_p=0.8, monthly=(2_900_000, 3_600_000),
            extras=("전자·전기 회로 이해", "출장 가능자"),
            lookalike_of="welder", **_TRAP_FAMILY,  # type: ignore[arg-type]
        ),
    ),
}  # fmt: skip

FAMILY_BY_ID = {family.id: family for family in FAMILIES}
FAMILY_IDS = tuple(FAMILY_BY_ID)
LOOKALIKE_FAMILY_IDS = tuple(LOOKALIKES)

#: Families a deliberate trap of each non-look-alike kind is drawn from.
TRAP_FAMILIES: dict[str, tuple[tuple[str, float], ...]] = {
    "cert_required": (("welder", 4), ("forklift_driver", 2), ("crane_operator", 1),
                      ("ship_painter", 1), ("electrician", 1), ("chemical_operator", 1),
                      ("pipe_fitter", 1), ("ndt_inspector", 1), ("ship_fitter", 1)),
    "nationals_only": (("welder", 3), ("production_worker", 3), ("food_production", 2),
                       ("auto_assembler", 2), ("ship_painter", 1), ("ship_fitter", 1)),
    "night_shift": (("welder", 2), ("production_worker", 3), ("auto_assembler", 2),
                    ("forklift_driver", 2), ("logistics_loader", 2), ("food_production", 1),
                    ("cnc_operator", 1)),
    "daily_labor": (("welder", 3), ("ship_fitter", 2), ("logistics_loader", 2),
                    ("ship_painter", 1), ("production_worker", 1)),
}  # fmt: skip

#: The certificate a cert_required trap insists on, per family.
TRAP_CERTS: dict[str, tuple[str, ...]] = {
    "welder": ("특수용접기능사", "용접산업기사"),
    "ship_fitter": ("특수용접기능사",),
    "forklift_driver": ("지게차운전기능사",),
    "crane_operator": ("천장크레인운전기능사",),
    "ship_painter": ("도장기능사",),
    "electrician": ("전기산업기사",),
    "chemical_operator": ("위험물산업기사",),
    "pipe_fitter": ("배관기능사",),
    "ndt_inspector": ("방사선비파괴검사기능사", "초음파비파괴검사기능사"),
}


# --------------------------------------------------------------------------- companies

#: Fictional name stems (hangul, romanization for e-mail). Stems that name big real groups
#: (현대, 대우, 두산, 세아, 한진, 금호, 동양, 유진 ...) are deliberately absent.
STEMS: tuple[tuple[str, str], ...] = (
    ("대성", "daesung"), ("한빛", "hanbit"), ("서해", "seohae"), ("금강", "geumgang"),
    ("새만금", "saemangeum"), ("동진", "dongjin"), ("태원", "taewon"), ("우성", "woosung"),
    ("신우", "shinwoo"), ("삼진", "samjin"), ("해동", "haedong"), ("대원", "daewon"),
    ("영진", "youngjin"), ("세광", "sekwang"), ("광진", "kwangjin"), ("진성", "jinsung"),
    ("명진", "myungjin"), ("오성", "osung"), ("대명", "daemyung"), ("한길", "hangil"),
    ("다인", "dain"), ("성원", "sungwon"), ("승진", "seungjin"), ("청룡", "chungryong"),
    ("고군산", "gogunsan"), ("월명", "wolmyung"), ("은파", "eunpa"), ("군장", "gunjang"),
    ("옥구", "okgu"), ("미성", "misung"), ("선유", "sunyu"), ("비응", "bieung"),
    ("한울", "hanul"), ("다온", "daon"), ("누리", "nuri"), ("가온", "gaon"),
    ("참빛", "chambit"), ("해오름", "haeoreum"), ("나래", "narae"), ("보람", "boram"),
    ("정우", "jungwoo"), ("성진", "sungjin"), ("대흥", "daeheung"), ("신성", "shinsung"),
    ("한성", "hansung"), ("세원", "sewon"), ("태성", "taesung"), ("동해", "donghae"),
    ("서진", "seojin"), ("가람", "garam"), ("경진", "kyungjin"), ("우진", "woojin"),
    ("동우", "dongwoo"), ("미래", "mirae"), ("새롬", "saerom"), ("해솔", "haesol"),
    ("대진", "daejin"), ("삼원", "samwon"), ("용성", "yongsung"), ("서광", "seogwang"),
    ("효진", "hyojin"), ("진흥", "jinheung"), ("늘봄", "neulbom"), ("호남", "honam"),
    ("전북", "jeonbuk"), ("새빛", "saebit"), ("푸른", "pureun"), ("서림", "seorim"),
)  # fmt: skip

_SUFFIX_ROMAN = {
    "중공업": "hi", "조선": "sb", "ENG": "eng", "산업": "ind", "플랜트": "plant",
    "철강": "steel", "기계": "mc", "메탈": "metal", "도장": "coating", "오토텍": "autotech",
    "정공": "jg", "테크": "tech", "모터스": "motors", "화학": "chem", "플라스틱": "plastic",
    "소재": "materials", "물류": "logis", "로지스": "logis", "통운": "tongun",
    "정밀": "precision", "에너지": "energy", "전기": "elec", "검사": "ndt", "운수": "transport",
    "케미칼": "chemical", "식품": "food", "푸드": "food", "수산": "fisheries", "F&B": "fnb",
    "냉동": "coldchain", "환경": "env", "종합관리": "fm", "산업개발": "dev",
    "시큐리티": "security", "경비": "guard", "급식": "catering", "F&S": "fns",
    "직업전문학교": "academy", "기술교육원": "edu", "용접학원": "weldacademy",
    "중장비학원": "academy", "용접상사": "weldtrade", "산업가스": "gas", "툴링": "tooling",
    "상사": "trade", "중기": "machinery", "건설기계": "cm", "크레인": "crane",
    "용접기": "welder", "페인트": "paint",
}  # fmt: skip
_LEGAL_FORMS = ("(주)", "주식회사 ", "", "", "(유)")
_SCHOOL_KINDS = frozenset({"직업전문학교", "기술교육원", "용접학원", "중장비학원"})


# --------------------------------------------------------------------------- text pieces

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
#: Small wording changes between two sources' copies of the same posting.
REWORDINGS = (
    ("모집", "구인"), ("중식 제공", "점심 제공"), ("기숙사 제공", "숙소 제공"),
    ("통근버스 운행", "출퇴근 버스 운행"), ("4대보험", "4대보험 가입"), (" 이상", "↑"),
    ("채용", "모집"), ("경력 무관", "경력무관"), ("가능자", "가능하신 분"),
)  # fmt: skip


# --------------------------------------------------------------------------- the record


@dataclass(slots=True)
class SyntheticOpening:
    """One synthetic opening: the canonical CSV fields, then ground truth for labeling."""

    source: str
    source_id: str
    company: str
    title: str
    occupation: str
    description: str
    region: str
    salary_type: str
    salary_min: int
    salary_max: int | None
    career: str
    career_years_min: int | None
    education: str
    certificates: str
    employment_type: str
    work_shift: str
    closes_on: str
    contact: str
    # ground truth, never written to the CSV
    family: str
    city: str
    area: str
    required_certs: tuple[str, ...] = ()
    preferred_certs: tuple[str, ...] = ()
    e9_ok: bool | None = None  # True: 외국인(E-9) 가능 stated; False: 내국인만; None: silent
    dormitory: bool = False
    commute_bus: bool = False
    meals: bool = False
    night_work: bool = False
    expired: bool = False
    is_trap: bool = False
    trap_kind: str | None = None
    lookalike_of: str | None = None  # for look-alike traps: the family they imitate
    duplicate_of: str | None = None  # key of the posting this one re-posts
    registered_on: date = field(default=AS_OF)

    @property
    def key(self) -> str:
        """The ``"<source>:<source_id>"`` key the dev set uses."""
        return f"{self.source}:{self.source_id}"

    @property
    def monthly_pay_max(self) -> int:
        """The best monthly pay the posting offers, in KRW (see :func:`monthly_pay`)."""
        return monthly_pay(self.salary_type, self.salary_max or self.salary_min)

    @property
    def monthly_pay_min(self) -> int:
        """The lowest monthly pay the posting offers, in KRW."""
        return monthly_pay(self.salary_type, self.salary_min)

    def csv_row(self) -> list[str]:
        """The canonical CSV cells, in :data:`CSV_COLUMNS` order."""
        return [
            self.source, self.source_id, self.company, self.title, self.occupation,
            self.description, self.region, self.salary_type, str(self.salary_min),
            "" if self.salary_max is None else str(self.salary_max), self.career,
            "" if self.career_years_min is None else str(self.career_years_min),
            self.education, self.certificates, self.employment_type, self.work_shift,
            self.closes_on, self.contact,
        ]  # fmt: skip


def monthly_pay(salary_type: str, amount: int) -> int:
    """Convert a pay amount to KRW per month: 시급 × 209 hours, 연봉 / 12, 월급 as is."""
    if salary_type == "시급":
        return amount * HOURS_PER_MONTH
    if salary_type == "연봉":
        return amount // 12
    return amount


# --------------------------------------------------------------------------- generation


def generate_openings(
    n: int, *, seed: int = COMMITTED_SEED, as_of: date = AS_OF
) -> list[SyntheticOpening]:
    """Generate ``n`` openings (cross-source duplicates included), deterministic in ``seed``.

    The result is in posting order (shuffled), each with a unique ``(source, source_id)``.
    """
    if n < 1:
        return []
    return _Generator(random.Random(seed), as_of).run(n)


def write_csv(openings: Iterable[SyntheticOpening], path: Path | str) -> int:
    """Write the canonical CSV (UTF-8, header first, ``\\n`` line ends); return the row count."""
    with open(path, "w", encoding="utf-8", newline="") as handle:
        return _write_rows(handle, openings)


def render_csv(openings: Iterable[SyntheticOpening]) -> str:
    """The text :func:`write_csv` would write."""
    buffer = io.StringIO(newline="")
    _write_rows(buffer, openings)
    return buffer.getvalue()


def _write_rows(handle: TextIO, openings: Iterable[SyntheticOpening]) -> int:
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    count = 0
    for opening in openings:
        writer.writerow(opening.csv_row())
        count += 1
    return count


def _exact_counts(total: int, weights: dict[str, float]) -> dict[str, int]:
    """Split ``total`` over ``weights`` by largest remainder, so shares are exact."""
    norm = sum(weights.values())
    raw = {k: total * w / norm for k, w in weights.items()}
    counts = {k: int(v) for k, v in raw.items()}
    leftovers = sorted(raw, key=lambda k: (counts[k] - raw[k], k))
    for k in leftovers[: total - sum(counts.values())]:
        counts[k] += 1
    return counts


def _has_batchim(text: str) -> bool | None:
    last = text.rstrip(" )")[-1:]
    if "가" <= last <= "힣":
        return (ord(last) - 0xAC00) % 28 != 0
    return None


def _obj(word: str) -> str:
    """``word`` with the object particle 을/를 that fits it."""
    batchim = _has_batchim(word)
    return word + ("을(를)" if batchim is None else "을" if batchim else "를")


class _Generator:
    """Holds the random source and the per-source id counters of one generation run."""

    def __init__(self, rng: random.Random, as_of: date) -> None:
        self.rng = rng
        self.as_of = as_of
        self._city_areas: dict[str, tuple[list[Area], list[float]]] = {}
        for area in AREAS:
            areas, weights = self._city_areas.setdefault(area.city, ([], []))
            areas.append(area)
            weights.append(area.weight)
        self._profile_cum = {
            name: (list(cities), _cumulative(cities.values())) for name, cities in PROFILES.items()
        }

    # -- plan

    def run(self, n: int) -> list[SyntheticOpening]:
        rng = self.rng
        n_dup = round(n * DUPLICATE_SHARE) if n >= 20 else 0
        n_base = n - n_dup
        n_trap = round(n * TRAP_SHARE)
        trap_counts = _exact_counts(n_trap, TRAP_KINDS)
        slots: list[str | None] = [k for k, c in trap_counts.items() for _ in range(c)]
        slots += [None] * (n_base - len(slots))
        rng.shuffle(slots)
        n_plain = n_base - n_trap
        closing = ["expired"] * min(n_plain, round(n * EXPIRED_SHARE))
        closing += ["always"] * min(n_plain - len(closing), round(n * ALWAYS_OPEN_SHARE))
        closing += ["open"] * (n_plain - len(closing))
        rng.shuffle(closing)
        # Exact shares per family, so even a small file has every family in proportion.
        family_counts = _exact_counts(n_plain, {f.id: f.weight for f in FAMILIES})
        families = [FAMILY_BY_ID[k] for k, c in family_counts.items() for _ in range(c)]
        rng.shuffle(families)
        plain_plan = iter(zip(families, closing, strict=True))
        openings = [
            self._opening(kind, None, "open") if kind else self._opening(None, *next(plain_plan))
            for kind in slots
        ]
        plain = [o for o in openings if not o.is_trap and not o.expired]
        chosen = rng.sample(plain, min(n_dup, len(plain)))
        pairs = [(self._duplicate(base), base) for base in chosen]
        openings.extend(copy for copy, _base in pairs)
        rng.shuffle(openings)
        self._assign_ids(openings)
        for copy, base in pairs:
            copy.duplicate_of = base.key
        return openings

    # -- one opening

    def _opening(
        self, trap_kind: str | None, family: Family | None, closing: str
    ) -> SyntheticOpening:
        rng = self.rng
        lookalike = trap_kind in LOOKALIKES
        if lookalike:
            specs = LOOKALIKES[trap_kind]  # type: ignore[index]
            family = rng.choices(specs, [s.weight for s in specs])[0]
        elif trap_kind:
            names, weights = zip(*TRAP_FAMILIES[trap_kind], strict=True)
            family = FAMILY_BY_ID[rng.choices(names, weights)[0]]
        assert family is not None

        variant = rng.choice(family.variants)
        profile = "trap" if trap_kind else family.profile
        cities, cum = self._profile_cum[profile]
        city = rng.choices(cities, cum_weights=cum)[0]
        areas, area_weights = self._city_areas[city]
        area = rng.choices(areas, area_weights)[0]
        region = rng.choice(area.spellings)
        company = self._company(family, city)

        career = rng.choices(("신입", "경력", "무관"), family.career)[0]
        if trap_kind and not lookalike and career == "경력" and rng.random() < 0.5:
            career = "무관"
        years: int | None = None
        if career == "경력":
            years = rng.choice(family.years if not trap_kind else family.years[:3])

        employment = rng.choices(EMPLOYMENT_TYPES, family.employment)[0]
        shift = rng.choices(SHIFTS, family.shifts)[0]
        e9_ok: bool | None = None
        roll = rng.random()
        if roll < family.e9[0]:
            e9_ok = True
        elif roll < family.e9[0] + family.e9[1]:
            e9_ok = False
        if trap_kind and not lookalike:
            # A deliberate trap is a near-perfect match with exactly one flaw.
            employment = "정규직"
            shift = "주간"
            if e9_ok is False:
                e9_ok = None
            if trap_kind == "night_shift":
                shift = rng.choice(("2교대", "2교대", "야간"))
            elif trap_kind == "daily_labor":
                employment = "일용직"
            elif trap_kind == "nationals_only":
                e9_ok = False
        if employment in ("일용직", "파견직") and e9_ok:
            e9_ok = None  # E-9 workers cannot be hired as day or dispatched labour

        required, preferred = self._certs(family, variant, trap_kind)
        salary_type, salary_min, salary_max = self._salary(family, career, employment, trap_kind)

        far = city in FAR_CITIES
        dorm_p = 0.85 if far else family.dorm_p + (0.3 if e9_ok else 0.0)
        if trap_kind == "nationals_only":
            dorm_p = 0.6  # 내국인만 with a dormitory is the trap that catches E-9 seekers
        dormitory = rng.random() < dorm_p
        commute_bus = not far and rng.random() < family.bus_p
        meals = rng.random() < 0.8

        if closing == "expired":
            closes = self.as_of - timedelta(days=rng.randint(1, 60))
            closes_on = closes.isoformat()
            registered = closes - timedelta(days=rng.randint(14, 45))
        elif closing == "always":
            closes_on = "상시"
            registered = self.as_of - timedelta(days=rng.randint(0, 75))
        else:
            closes = self.as_of + timedelta(days=rng.randint(1, 75))
            closes_on = closes.isoformat()
            registered = min(self.as_of, closes - timedelta(days=rng.randint(14, 45)))

        opening = SyntheticOpening(
            source=rng.choices(SOURCES, SOURCE_WEIGHTS)[0], source_id="", company=company,
            title="", occupation=rng.choice(family.occupations), description="", region=region,
            salary_type=salary_type, salary_min=salary_min, salary_max=salary_max,
            career=career, career_years_min=years, education=rng.choice(family.education),
            certificates=";".join(required + preferred), employment_type=employment,
            work_shift=shift, closes_on=closes_on, contact="",
            family=family.id, city=city, area=area.short, required_certs=required,
            preferred_certs=preferred, e9_ok=e9_ok, dormitory=dormitory,
            commute_bus=commute_bus, meals=meals, night_work=shift != "주간",
            expired=closing == "expired", is_trap=trap_kind is not None, trap_kind=trap_kind,
            lookalike_of=family.lookalike_of, registered_on=registered,
        )  # fmt: skip
        opening.title = self._title(variant, opening)
        opening.description = self._description(family, variant, opening)
        opening.contact = self._contact(company)
        return opening

    def _company(self, family: Family, city: str) -> str:
        rng = self.rng
        stem, _roman = rng.choice(STEMS)
        kind = rng.choice(family.company_kinds)
        if kind in _SCHOOL_KINDS:
            prefix = "군산" if city == "gunsan" and rng.random() < 0.5 else ""
            return f"{prefix}{stem}{kind}"
        legal = rng.choice(_LEGAL_FORMS)
        if legal == "(주)" and rng.random() < 0.3:
            return f"{stem}{kind}(주)"
        return f"{legal}{stem}{kind}"

    def _contact(self, company: str) -> str:
        rng = self.rng
        if rng.random() < 0.7:
            exchange = rng.choice((44, 45, 46, 47)) * 10 + rng.randint(0, 9)
            return f"063-{exchange}-{rng.randint(0, 9999):04d}"
        roman = _romanize(company)
        user = rng.choice(("recruit", "hr", "insa", "job", "admin"))
        return f"{user}@{roman}.example"

    def _certs(
        self, family: Family, variant: Variant, trap_kind: str | None
    ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        rng = self.rng
        required: list[str] = []
        preferred: list[str] = []
        for cert, chance in family.certs if variant.certs is None else variant.certs:
            if rng.random() >= chance:
                continue
            hard = rng.random() < family.require_p
            if trap_kind and trap_kind not in LOOKALIKES:
                hard = False  # only the trap's own flaw may be a hard requirement
            (required if hard else preferred).append(cert)
        if trap_kind == "cert_required":
            cert = rng.choice(TRAP_CERTS[family.id])
            if cert in preferred:
                preferred.remove(cert)
            if cert not in required:
                required.insert(0, cert)
        return tuple(required), tuple(preferred)

    def _salary(
        self, family: Family, career: str, employment: str, trap_kind: str | None
    ) -> tuple[str, int, int | None]:
        rng = self.rng
        low, high = family.monthly
        if career == "신입":
            low, high = int(low * 0.85), int(high * 0.8)
        if trap_kind and trap_kind not in LOOKALIKES:
            low = (low + high) // 2  # traps pay well: they must look attractive
        span = high - low
        base = low + int(span * rng.random() * 0.6)
        top = base + int(span * (0.15 + 0.35 * rng.random()))
        has_max = rng.random() < 0.7
        if employment == "일용직":
            # Day labourers earn a premium over the monthly rate; postings quote 일당 in 만원.
            daily = max(MIN_HOURLY * 8, _round_to(base * 1.4 / HOURS_PER_MONTH * 8, 10_000))
            return "시급", daily // 8, None
        salary_type = rng.choices(("월급", "시급", "연봉"), family.pay_types)[0]
        if salary_type == "시급":
            lo = max(MIN_HOURLY, _round_to(base / HOURS_PER_MONTH, 10))
            hi = max(lo + 200, _round_to(top / HOURS_PER_MONTH, 10))
            return "시급", lo, hi if has_max else None
        if salary_type == "연봉":
            lo = _round_to(base * 12, 1_000_000)
            hi = max(lo + 1_000_000, _round_to(top * 12, 1_000_000))
            return "연봉", lo, hi if has_max else None
        floor = -(-MIN_HOURLY * HOURS_PER_MONTH // 10_000) * 10_000
        lo = max(floor, _round_to(base, 100_000))
        hi = max(lo + 100_000, _round_to(top, 100_000))
        return "월급", lo, hi if has_max else None

    # -- text

    def _title(self, variant: Variant, o: SyntheticOpening) -> str:
        rng = self.rng
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
        short_company = _bare_company(o.company)
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

    def _description(self, family: Family, variant: Variant, o: SyntheticOpening) -> str:
        rng = self.rng
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
                self._pay_text(o)]  # fmt: skip
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
            short = _bare_company(o.company)
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

    def _pay_text(self, o: SyntheticOpening) -> str:
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

    # -- duplicates and ids

    def _duplicate(self, base: SyntheticOpening) -> SyntheticOpening:
        """Re-post ``base`` through another source with small wording differences."""
        rng = self.rng
        copy = dataclasses.replace(base)
        copy.source = rng.choice([s for s in SOURCES if s != base.source])
        title, description = base.title, base.description
        changes = [pair for pair in REWORDINGS if pair[0] in title or pair[0] in description]
        for old, new in rng.sample(changes, min(len(changes), rng.randint(1, 3))):
            title = title.replace(old, new)
            description = description.replace(old, new, 1)
        if title == base.title:
            marks = (" (재공고)", " ★") if "급구" in title else (" (재공고)", " ★", " - 급구")
            title = title.rstrip() + rng.choice(marks)
        copy.title, copy.description = title, description
        if rng.random() < 0.4:
            area = next(a for a in AREAS if a.short == base.area)
            others = [s for s in area.spellings if s != base.region]
            copy.region = rng.choice(others) if others else base.region
        if rng.random() < 0.3:
            copy.company = _other_legal_form(base.company)
        return copy

    def _assign_ids(self, openings: list[SyntheticOpening]) -> None:
        rng = self.rng
        counters = {s: rng.randint(100, 900) for s in SOURCES}
        per_day: dict[str, int] = {}
        for o in openings:
            reg = o.registered_on
            if o.source == "worknet":
                office = 16 + (counters["worknet"] % 3)
                counters["worknet"] += 1
                prefix = f"K15{office:02d}{reg:%y%m%d}"
                per_day[prefix] = per_day.get(prefix, 0) + 1
                o.source_id = f"{prefix}{per_day[prefix]:05d}"
            else:
                counters[o.source] += rng.randint(1, 4)
                seq = counters[o.source]
                if o.source == "gunsan_city":
                    o.source_id = f"GS-{reg:%Y}-{seq:04d}"
                elif o.source == "jobcenter":
                    o.source_id = f"JC{reg:%y%m}-{seq:04d}"
                else:
                    o.source_id = f"KP{reg:%y}-{seq:03d}"


def _cumulative(weights: Iterable[float]) -> list[float]:
    total = 0.0
    out = []
    for w in weights:
        total += w
        out.append(total)
    return out


def _round_to(value: float, step: int) -> int:
    return int(value / step + 0.5) * step


def _bare_company(company: str) -> str:
    """The company name without its legal form, as titles and sentences use it."""
    for form in ("(주)", "주식회사 ", "(유)"):
        company = company.replace(form, "")
    return company.strip()


def _romanize(company: str) -> str:
    for stem, roman in STEMS:
        if stem in company:
            kind = company.split(stem, 1)[1].replace("(주)", "").strip()
            suffix = _SUFFIX_ROMAN.get(kind, "co")
            return f"{roman}-{suffix}"
    return "company"


def _other_legal_form(company: str) -> str:
    """The same company written with an equivalent legal form: (주)X / 주식회사 X / X(주)."""
    bare = _bare_company(company)
    if company.startswith("(주)"):
        return f"주식회사 {bare}"
    if company.startswith("주식회사"):
        return f"{bare}(주)"
    if company.endswith("(주)"):
        return f"(주){bare}"
    if company.startswith("(유)"):
        return f"유한회사 {bare}"
    return company


# --------------------------------------------------------------------------- entry point


def main(argv: Sequence[str] | None = None) -> int:
    """Write ``N`` openings to ``OUT.csv`` and print how long it took."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of openings (rows)")
    parser.add_argument("out", type=Path, help="CSV file to write")
    parser.add_argument("--seed", type=int, default=COMMITTED_SEED)
    parser.add_argument("--as-of", type=date.fromisoformat, default=AS_OF)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    openings = generate_openings(args.n, seed=args.seed, as_of=args.as_of)
    count = write_csv(openings, args.out)
    elapsed = time.perf_counter() - started
    traps = sum(o.is_trap for o in openings)
    dups = sum(o.duplicate_of is not None for o in openings)
    expired = sum(o.expired for o in openings)
    print(
        f"{count} openings -> {args.out} in {elapsed:.2f} s "
        f"(traps {traps}, cross-source duplicates {dups}, expired {expired})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
