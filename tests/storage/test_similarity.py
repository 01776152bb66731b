"""Cross-source duplicate detection."""

from dataclasses import dataclass

from storage.similarity import bigram_similarity, is_same_job


@dataclass
class Job:
    title: str
    description: str = ""
    region_id: str | None = "osikdo"
    region_raw: str = "군산시 오식도동"
    occupation_family: str | None = "welder"


def test_bigram_similarity_ignores_spacing_and_brackets() -> None:
    assert bigram_similarity("[군산] CO2 용접사 모집", "군산 CO2용접사 모집") == 1.0
    assert bigram_similarity("용접사 모집", "지게차 기사") == 0.0


def test_reworded_posting_is_the_same_job() -> None:
    assert is_same_job(
        Job("[군산] 선박블록 CO2 용접사 모집"), Job("선박블록 CO2용접사 모집 (군산)")
    )


def test_different_region_family_or_title_is_not() -> None:
    base = Job("선박블록 CO2 용접사 모집")
    assert not is_same_job(base, Job("선박블록 CO2 용접사 모집", region_id="iksan"))
    assert not is_same_job(base, Job("선박블록 CO2 용접사 모집", occupation_family="ship_fitter"))
    assert not is_same_job(base, Job("사무 보조원 모집"))


def test_long_descriptions_that_differ_veto_the_merge() -> None:
    a = Job("용접사 모집", description="선박 블록 CO2 용접, 주간 근무, 중식 제공, 4대보험. " * 3)
    b = Job(
        "용접사 모집", description="알루미늄 TIG 용접 야간 전담 근무자를 찾습니다. 숙소 제공. " * 3
    )
    assert not is_same_job(a, b)
    assert is_same_job(a, Job("용접사 모집", description="업종: 선박 건조업"))


def test_same_prose_under_a_retyped_title_is_the_same_job() -> None:
    prose = "한길중공업에서 선박 용접사를 모십니다. 주요 업무는 선박 블록 CO2 용접이며 주간 근무, 중식 제공."
    assert is_same_job(
        Job("선박 용접사 모집 (정규직)", description=prose * 2),
        Job("선박 용접사 구인 (정규직)", description=prose.replace("중식", "점심") * 2),
    )
