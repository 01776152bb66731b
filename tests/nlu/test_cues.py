"""Cues of one clause: refusal, absence, wanting, experience, possession."""

from __future__ import annotations

import pytest

from nlu.cues import clause_cues


@pytest.mark.parametrize(
    ("clause", "refused"),
    [
        ("야간은 못해요", True),
        ("밤일은 안 헐라요", True),
        ("일용직 말고", True),
        ("3교대는 힘들어요", True),
        ("특수용접은 없고", True),
        ("지역 상관없어요", False),  # 없 that means "fine either way"
        ("기숙사 없으면 안돼요", False),  # "without it I can't": a requirement
        ("안전교육 받았어요", False),  # 안전 is not 안
        ("30분 안에", False),
        ("주간만 하면 돼요", False),
    ],
)
def test_refused(clause: str, refused: bool) -> None:
    assert clause_cues(clause).refused is refused


def test_kinds_of_cue() -> None:
    assert clause_cues("지게차 하고 싶어요").want
    assert clause_cues("용접 15년 했어요").experience
    assert clause_cues("용접 안해봤어요").experience_negated
    assert clause_cues("지게차 운전 할수 있어요").capability
    assert clause_cues("자격증 있음").possession
    assert clause_cues("자격증 따려고요").lacking
    assert clause_cues("군산 사는디").home
    assert clause_cues("용접 일 없나요?").question
    assert clause_cues("정규직 아니어도 돼요").not_required
    assert clause_cues("이제 딴거 할래요").other_work


@pytest.mark.parametrize(
    "clause", ["있당가요", "경비 자리 있을랑가", "그런 일 있으까", "초보도 받아주는디 있남"]
)
def test_spoken_and_jeolla_questions_ask(clause: str) -> None:
    assert clause_cues(clause).question


def test_going_to_look_is_a_wish() -> None:
    assert clause_cues("거기 가볼라고").want


def test_giving_up_said_in_dialect_and_run_on_into_the_next_sentence() -> None:
    assert clause_cues("이제 못하겄어 만 67세 기초연금 받고").gives_up
    assert not clause_cues("야간은 못하겠어요").gives_up
