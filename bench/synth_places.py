"""Where the synthetic openings are: areas, the spellings postings use, city weights.

:data:`PROFILES` gives each kind of job (shipyard, factory, food, service, trap) its own
mix of cities; within a city, :attr:`Area.weight` picks the area.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["AREAS", "FAR_CITIES", "PROFILES", "Area"]


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
