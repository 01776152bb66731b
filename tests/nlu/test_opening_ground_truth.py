"""The opening normalizer against the ground truth of the synthetic openings.

``bench/synth_openings.py`` knows what each of the committed 320 openings really is (family,
required and preferred certificates, dormitory, E-9); the normalizer, reading only the CSV
fields, must agree. The 고용24 XML sample has no occupation column, so its titles are checked
on their own against hand labels.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from nlu.opening import (
    certificate_ids,
    certificate_requirements,
    foreign_workers,
    has_dormitory,
    normalize_shift,
    occupation_family,
)
from nlu.tables import Tables

REPO = Path(__file__).resolve().parents[2]
WORKNET_XML = REPO / "data/openings/worknet_sample.xml"

#: Share of the 320 openings each field must get right, after the exceptions below.
MIN_AGREEMENT = {
    "family": 1.0,
    "required_certs": 1.0,
    "preferred_certs": 1.0,
    "dormitory": 1.0,
    "foreign_workers": 1.0,
    "shift": 1.0,
}

#: Disagreements that are the data's ambiguity, not the normalizer's error: (field, key) → why.
#: Each must still disagree, so the list cannot go stale.
EXCEPTIONS = {
    # occupation "부품 조립 생산직", title "라인 조립 작업자", duties "라인 조립 및 전동공구
    # 체결": nothing says 자동차. The generator files it under auto_assembler, a reader (and
    # the normalizer) under production_worker, the family auto_assembler is a kind of.
    ("family", "worknet:K151626100400001"): "generic assembly line, no vehicle named",
}


@dataclass(frozen=True)
class Comparison:
    """One field of one opening: what the normalizer says and what the generator meant."""

    key: str
    field: str
    got: Any
    expected: Any
    context: str


@pytest.fixture(scope="module")
def synth() -> Iterator[ModuleType]:
    """``bench/synth_openings.py``, imported the way the benchmark scripts are run."""
    sys.path.insert(0, str(REPO / "bench"))
    try:
        import synth_openings

        yield synth_openings
    finally:
        sys.path.remove(str(REPO / "bench"))


def _cert_ids(names: tuple[str, ...], tables: Tables) -> set[str]:
    return {cert for name in names for cert in certificate_ids(name, tables=tables)}


def _compare(opening: Any, tables: Tables) -> Iterator[Comparison]:
    certs = [c for c in opening.certificates.split(";") if c]
    requirements = certificate_requirements(certs, opening.description, tables=tables)
    required = _cert_ids(opening.required_certs, tables)
    # Two NDT certificates share one id; one of them required makes the id required.
    preferred = _cert_ids(opening.preferred_certs, tables) - required
    e9 = {True: "e9_ok", False: "domestic_only", None: "unknown"}[opening.e9_ok]
    context = f"{opening.occupation!r} | {opening.title!r} | {opening.description!r}"
    got_family = occupation_family(
        opening.occupation, opening.title, opening.description, tables=tables
    )
    fields: list[tuple[str, Any, Any]] = [
        ("family", got_family, opening.family),
        ("required_certs", {c for c, r in requirements.items() if r == "required"}, required),
        ("preferred_certs", {c for c, r in requirements.items() if r == "preferred"}, preferred),
        ("dormitory", has_dormitory(opening.description), opening.dormitory),
        ("foreign_workers", foreign_workers(opening.description), e9),
        ("shift", normalize_shift(opening.work_shift), opening.work_shift),
    ]
    for field, got, expected in fields:
        yield Comparison(opening.key, field, got, expected, context)


@pytest.fixture(scope="module")
def comparisons(synth: ModuleType, tables: Tables) -> list[Comparison]:
    """Every field of every committed opening."""
    openings = synth.generate_openings(synth.COMMITTED_COUNT, seed=synth.COMMITTED_SEED)
    return [c for opening in openings for c in _compare(opening, tables)]


def test_generator_certificates_are_in_the_table(synth: ModuleType, tables: Tables) -> None:
    families = [*synth.FAMILIES, *(f for specs in synth.LOOKALIKES.values() for f in specs)]
    named = {cert for family in families for cert, _ in family.certs}
    named |= {
        cert
        for family in families
        for variant in family.variants
        for cert, _ in variant.certs or ()
    }
    missing = sorted(name for name in named if not certificate_ids(name, tables=tables))
    assert not missing, f"certificates.csv lacks {missing}"


def _describe(mismatches: list[Comparison]) -> str:
    return "\n".join(
        f"  {m.key}: got {m.got!r}, expected {m.expected!r}\n      {m.context}" for m in mismatches
    )


@pytest.mark.parametrize("field", list(MIN_AGREEMENT))
def test_agreement_with_ground_truth(comparisons: list[Comparison], field: str) -> None:
    rows = [c for c in comparisons if c.field == field]
    wrong = [c for c in rows if c.got != c.expected]
    unexpected = [c for c in wrong if (field, c.key) not in EXCEPTIONS]
    agreement = 1 - len(unexpected) / len(rows)
    assert agreement >= MIN_AGREEMENT[field], (
        f"{field}: {len(rows) - len(unexpected)}/{len(rows)} agree "
        f"(need {MIN_AGREEMENT[field]:.0%}), {len(unexpected)} disagree:\n" + _describe(unexpected)
    )
    stale = {key for f, key in EXCEPTIONS if f == field} - {c.key for c in wrong}
    assert not stale, f"{field}: exceptions that now agree, remove them: {sorted(stale)}"


# --------------------------------------------------------------------------- 고용24 XML

#: The sample's titles, labelled by hand from the title alone (jobsCd agrees except where noted).
WORKNET_TITLES: dict[str, str | frozenset[str]] = {
    "[군산] 선박블록 CO2용접사 모집(경력 3년 이상)": "welder",
    "선박 블록 취부사 구인 (경력무관, 기숙사 제공)": "ship_fitter",
    "태양광 발전소 전기 유지보수원 채용 (전기기능사 이상)": "electrician",
    "자동차 시트 조립 생산직 (주야 2교대)": "auto_assembler",
    "지게차 운전원 모집 (3톤, 주간)": "forklift_driver",
    "수산물 가공 생산직 (외국인 E-9 가능, 기숙사)": "food_production",
    "화학공정 운전원 채용 (4조 3교대)": "chemical_operator",
    "택배 상하차 야간 근무자 모집 (일당 지급)": "logistics_loader",
    "CNC 선반 가공원 모집 (FANUC, 경력 2년↑)": "cnc_operator",
    "비파괴검사원(RT/UT) 채용 - 출장 가능자": "ndt_inspector",
    "조미김 생산직 (주간, 초보 가능)": "food_production",
    "천장크레인 운전원 (블록 공장)": "crane_operator",
    "공장 경비원 (24시간 격일제)": "security_guard",
    "산단 구내식당 조리원 (중식, 주5일)": "cook",
    "25톤 카고 기사 모집 (군산항 ↔ 평택)": "truck_driver",
    "전기차 부품 조립 생산직 (파견)": "auto_assembler",
    "플랜트 배관공 모집 (출장, 숙소 제공)": "pipe_fitter",
    "선박 블록 도장공 (블라스팅 가능자 우대)": "ship_painter",
    "공장 사무동 미화원 (오전 근무)": "cleaner",
    "자동차 부품 품질검사원 (신입 가능)": "quality_inspector",
    # jobsCd 822100 says 제관원; the title's head says 용접공. Either reading is fair.
    "제관 용접공 모집 (경력자)": frozenset({"sheet_metal", "welder"}),
    "[군산] 선박블록 CO2용접사 구인 (정규직)": "welder",
    "3톤 지게차 운전원 구합니다 (경력 2년 이상)": "forklift_driver",
    "설비보전원 모집 (공유압 경력자)": "maintenance_mechanic",
}


def _worknet_titles() -> list[str]:
    root = ET.parse(WORKNET_XML).getroot()
    return [t for t in (w.findtext("title") for w in root.iter("wanted")) if t]


def test_every_worknet_title_is_labelled() -> None:
    assert sorted(_worknet_titles()) == sorted(WORKNET_TITLES)


# The reader copies the title into the occupation column; both calls must read the title.
CALLS: dict[str, Callable[[str], str | None]] = {
    "title only": lambda title: occupation_family("", title),
    "title as occupation": lambda title: occupation_family(title, title),
}


@pytest.mark.parametrize("call", list(CALLS))
def test_worknet_titles_alone_give_the_family(call: str) -> None:
    wrong = []
    for title, label in WORKNET_TITLES.items():
        allowed = label if isinstance(label, frozenset) else {label}
        got = CALLS[call](title)
        if got not in allowed:
            wrong.append(f"  {title!r}: got {got!r}, expected {sorted(allowed)}")
    assert not wrong, f"{call}: {len(wrong)}/{len(WORKNET_TITLES)} wrong:\n" + "\n".join(wrong)
