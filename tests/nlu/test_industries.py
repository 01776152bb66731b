"""The industries a text names (data/occupations/industries.csv)."""

from pathlib import Path

import pytest

from nlu.errors import TableError
from nlu.industries import load_industries


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("전기차 배터리팩 조립원 (주간)", {"auto", "battery"}),
        ("이차전지 양극재 소성 공정 오퍼레이터", {"battery"}),
        ("해상풍력 하부구조물(자켓) 용접사", {"offshore_wind"}),
        ("배에 케이블 까는거 했어요", {"shipbuilding"}),
        ("태양광 발전소 O&M", {"solar"}),
        ("식품공장 HACCP 품질관리", {"food"}),
        ("김공장 일자리", {"food"}),
        ("김 공장 겨울 성수기 단기 포장·박스 작업 (주간)", {"food"}),
        ("김장 절임배추 작업 단기", set()),  # 김장 is not 김
        ("학교 급식 조리실무사", {"school"}),  # the longer word wins: not a factory canteen
        ("산업단지 구내식당 조리원", {"canteen"}),
        ("아파트 현장 일용직", {"construction"}),
        ("GM 군산공장 출신", {"auto"}),
        ("GMP 인증 공장", set()),  # a Latin word stands alone
        ("배관 용접 현장", set()),  # 배관 is no ship
        ("지게 차 운전", set()),
        ("고등학교 졸업하고 바로 일하고 싶어요", set()),  # where they studied, not a workplace
        ("애기 어린이집 보내고 낮에만", set()),
    ],
)
def test_industries_named(text: str, named: set[str]) -> None:
    assert load_industries().named(text) == named


def test_a_posting_is_read_by_its_head_not_its_long_tail() -> None:
    industries = load_industries()
    tail = "복리후생 " * 100 + "조선소 경력자 우대"
    assert industries.of_posting("용접봉 영업사원", "", tail) == frozenset()
    assert industries.of_posting("영업사원", "", "조선소 거래처 관리") == {"shipbuilding"}


def test_a_word_of_two_industries_or_a_half_row_is_refused(tmp_path: Path) -> None:
    table = tmp_path / "industries.csv"
    table.write_text("industry,name,word\nfood,식품,김치\nfarming,농업,김치\n", encoding="utf-8")
    with pytest.raises(TableError, match="김치"):
        load_industries(table)
    table.write_text("industry,name,word\nfood,,김치\n", encoding="utf-8")
    with pytest.raises(TableError, match=":2:"):
        load_industries(table)


@pytest.mark.parametrize(
    ("text", "posted"),
    [
        ("배터리 공장", ("이차전지",)),  # seekers say 배터리, the plants' postings 이차전지
        ("배터리 만드는 데", ("이차전지",)),
        ("이차전지 배터리 공장", ()),  # said already
        ("배터리팩 조립", ()),  # postings say 배터리팩 too
        ("해상풍력 용접", ()),
    ],
)
def test_the_words_postings_use_for_an_industry_a_seeker_names_otherwise(
    text: str, posted: tuple[str, ...]
) -> None:
    assert load_industries().posted_words(text) == posted
