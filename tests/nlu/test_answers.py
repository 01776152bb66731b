"""Short answers read from the raw text: yes/no, explicit resets, abuse."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from nlu.answers import (
    asks_about_paths,
    asks_for_person,
    asks_to_restart,
    asks_to_talk,
    is_abuse,
    is_gibberish,
    read_yes_no,
)

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("네", "yes"), ("예ㅔ", "yes"), ("야", "yes"), ("야ㅑ", "yes"), ("야 있지라", "yes"),
        ("있지요", "yes"), ("아뇨ㅛ", "no"),
        ("ㅇㅇ 자격증 잇음", "yes"), ("네네", "yes"), ("응!", "yes"), ("넵 연결해 주세요", "yes"),
        ("아니요", "no"), ("아뇨.", "no"), ("아녀라", "no"), ("없어요", "no"), ("ㄴㄴ", "no"),
        ("아니 익산 말고 김제요", "no"),
        ("용접 허요", None), ("ㅇㅇㅇㅇㅇ", None), ("👍", None), ("야간은 안 돼요", None),
        ("", None),
    ],
)  # fmt: skip
def test_yes_and_no_open_the_message(text: str, answer: str | None) -> None:
    assert read_yes_no(text) == answer


@pytest.mark.parametrize(
    ("text", "reset"),
    [
        ("처음부터 다시 할게요", True), ("초기화해 주세요", True), ("다시 시작할게요", True),
        ("내 정보 다 지워줘요", True), ("처음으로", True), ("/start_over", True),
        ("다시 일을 해 보려고요", False), ("쉬다가 다시 취업하려고요", False),
        ("다시 시작해 볼라고 허는디 일자리 좀 봐주쇼", False), ("처음으로 취업해요", False),
        ("용접 다시 하고 싶어요", False),
    ],
)  # fmt: skip
def test_only_an_explicit_request_resets(text: str, reset: bool) -> None:
    assert asks_to_restart(text) is reset


@pytest.mark.parametrize(
    ("text", "abuse"),
    [("이 멍청한 봇아", True), ("ㅗㅗㅗ", True), ("아 씨 짜증나네", True), ("용접 10년", False),
     ("미싱 했어요", False)],
)  # fmt: skip
def test_abuse(text: str, abuse: bool) -> None:
    assert is_abuse(text) is abuse


@pytest.mark.parametrize(
    ("text", "gibberish"),
    [("ㅁㄴㅇㄹ", True), ("ㅇㅇㅇㅇㅇ", True), ("dfkjdkf", True), ("👍", True), ("??", True),
     ("forklift", False), ("CNC 3년", False), ("용접", False), ("e9", False)],
)  # fmt: skip
def test_gibberish(text: str, gibberish: bool) -> None:
    assert is_gibberish(text) is gibberish


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("다른 일은 뭐가 있어요?", True), ("딴 데로 옮길라믄 뭘 배워야 쓰까", True),
        ("풍력 쪽은 어때요", True), ("국비로 배울 수 있는 거 있나요", True),
        ("경력 살려서 갈 만한 데 있을까요", True),
        ("직업군인 전역했어요 오십둘이요", False), ("공무원 하다 명퇴했어요", False),
        ("용접 20년 했어요", False), ("경비나 보안 쪽이요", False), ("오십둘이요", False),
        ("경비 교육 이수증 있어요", False), ("신임교육 받았어요", False),
        ("재취업 교육 받고 싶어요", True), ("교육 받을 만한 데 있어요?", True),
        # a field asked about is an ask; named in a wish it is a search for its openings
        ("태양광 쪽 일은 괜찮아요?", True), ("이차전지 공장은 뽑나요", True),
        ("배터리 공장이 좋다던데 가 보고 싶어요", False), ("전에 태양광 설치 했어요", False),
        # a place to go to widens the area; it asks no path
        ("익산도 갈 수 있어라", False), ("전주까지 다닐 수 있어요", False),
        ("용접으로 갈 수 있는 데 있어요?", True),
    ],
)  # fmt: skip
def test_an_ask_about_other_paths_is_in_the_words(text: str, asks: bool) -> None:
    assert asks_about_paths(text) is asks


def test_every_ask_paths_training_example_asks_in_words() -> None:
    """The check never overrules the classifier on a phrase it was trained to read."""
    data = yaml.safe_load((REPO / "data/nlu/paths.yml").read_text(encoding="utf-8"))
    [block] = [b for b in data["nlu"] if b.get("intent") == "ask_paths"]
    examples = [line[2:] for line in block["examples"].splitlines() if line.startswith("- ")]
    assert examples and [e for e in examples if not asks_about_paths(e)] == []


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("상담사 연결해 주세요", True), ("사람 바꿔 보랑께", True), ("기계 말고 사람이요", True),
        ("그냥 상담허는 양반허고 통화허고 싶어라", True), ("센터에 전화하고 싶어요", True),
        ("사람허고 얘기허고 싶은디요", True),
        # a nationality said with 사람 is no ask for a person
        ("필리핀사람 e9 자동차부품 공장 햇어요", False), ("저 우즈벡 사람이에요 용접 해요", False),
        ("용접 15년 했어요", False),
    ],
)  # fmt: skip
def test_an_ask_for_a_person_is_in_the_words(text: str, asks: bool) -> None:
    assert asks_for_person(text) is asks


def test_every_request_counselor_training_example_asks_in_words() -> None:
    """The check never overrules the classifier on a phrase it was trained to read."""
    examples = []
    for name in ("control.yml", "dialogue.yml"):
        data = yaml.safe_load((REPO / "data/nlu" / name).read_text(encoding="utf-8"))
        for block in data["nlu"]:
            if block.get("intent") == "request_counselor":
                lines = block["examples"].splitlines()
                examples += [line[2:] for line in lines if line.startswith("- ")]
    assert examples and [e for e in examples if not asks_for_person(e)] == []


@pytest.mark.parametrize(
    ("text", "talk"),
    [
        ("잘 모르겠는데 사람이랑 직접 통화할 수 있어요?", True), ("전화로 물어봐도 돼요?", True),
        ("네 연결해 주세요", True), ("야 연결혀 주쇼", True), ("담당자분이랑 통화 가능할까요", True),
        ("직접 상담 받을 수 있나요", True),
        # asks for no one: a change of trade, the center's place, a declined offer, a phone
        ("직종 바꾸고 싶어요", False), ("센터가 어디예요?", False),
        ("상담사 연결은 괜찮아요", False), ("전화번호 바뀌었어요", False),
        ("필리핀사람 e9 자동차부품 공장 햇어요", False),
    ],
)  # fmt: skip
def test_a_request_to_talk_to_a_person_is_in_the_words(text: str, talk: bool) -> None:
    assert asks_to_talk(text) is talk
