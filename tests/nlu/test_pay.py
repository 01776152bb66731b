"""Pay expressions and monthly equivalents."""

from __future__ import annotations

import pytest

from nlu.errors import PayError
from nlu.pay import find_pay, monthly_pay, parse_pay


@pytest.mark.parametrize(
    ("text", "salary_type", "monthly", "bound"),
    [
        ("월 300 이상", "월급", 3_000_000, "min"),
        ("월 삼백", "월급", 3_000_000, "about"),
        ("300은 받아야 해요", "월급", 3_000_000, "min"),
        ("월삼백이면 좋겠어요", "월급", 3_000_000, "about"),
        ("시급 만원", "시급", 2_090_000, "about"),
        ("시급 만원 이상", "시급", 2_090_000, "min"),
        ("일당 15만", "일급", 3_300_000, "about"),
        ("일당 15만 이상 주는 곳", "일급", 3_300_000, "min"),
        ("연봉 4천", "연봉", 3_333_333, "about"),
        ("연봉 3500만원", "연봉", 2_916_667, "about"),
        ("연봉 3천 이하", "연봉", 2_500_000, "max"),
        ("월급 250만원 정도", "월급", 2_500_000, "about"),
        ("최소 월 280", "월급", 2_800_000, "min"),
        ("12000원 이상", "시급", 2_508_000, "min"),
    ],
)
def test_parse_pay(text: str, salary_type: str, monthly: int, bound: str) -> None:
    mention = parse_pay(text)
    assert mention is not None
    assert (mention.salary_type, mention.monthly, mention.bound) == (salary_type, monthly, bound)


@pytest.mark.parametrize(
    "text", ["3월에 300", "하루 8시간", "용접 15년", "나이 55", "010-1234-5678"]
)
def test_not_pay(text: str) -> None:
    assert find_pay(text) == ()


@pytest.mark.parametrize(
    ("salary_type", "amount", "monthly"),
    [
        ("월급", 2_500_000, 2_500_000),
        ("시급", 10_030, 2_096_270),
        ("H", 10_030, 2_096_270),
        ("일급", 150_000, 3_300_000),
        ("연봉", 36_000_000, 3_000_000),
        ("연봉", 3600, 3_000_000),  # written in 만원
        ("Y", 36_000_000, 3_000_000),
    ],
)
def test_monthly_pay(salary_type: str, amount: int, monthly: int) -> None:
    assert monthly_pay(salary_type, amount) == monthly


def test_unknown_salary_type() -> None:
    with pytest.raises(PayError):
        monthly_pay("주급", 500_000)
