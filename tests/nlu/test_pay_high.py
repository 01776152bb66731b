"""Well-paid work asked for without a number (nlu.pay.wants_high_pay)."""

from __future__ import annotations

import pytest

from nlu.pay import wants_high_pay


@pytest.mark.parametrize(
    "text",
    [
        "돈 많이 주는데로",
        "돈 많이 주는 디로",  # Jeolla
        "돈많이주는데루",  # typed without spaces
        "월급 많이 주는 곳이면 좋겠어요",
        "급여 높은 곳",
        "시급 높은 알바 없나요",
        "조선소 물량팀 일당 쎈거 찾아요",
        "페이 쎈 데",
        "고수익 알바",
        "돈을 많이 벌어야 돼요",
        "돈 좀 되는 일",
        "많이 주는 데면 어디든 가요",
    ],
)
def test_high_pay_without_an_amount_is_read(text: str) -> None:
    assert wants_high_pay(text)


@pytest.mark.parametrize(
    "text",
    [
        "돈 많이 안 줘도 돼요",
        "급여 높은 곳 아니어도 돼요",
        "돈은 상관없어요",
        "급여는 상관없고 집 가까운 데",
        "월 300 이상",  # a floor, read by find_pay
        "용접 많이 해봤어요",
        "많이 받아야 해요",  # what? not said
    ],
)
def test_no_wish_or_a_taken_back_one_is_not_read(text: str) -> None:
    assert not wants_high_pay(text)
